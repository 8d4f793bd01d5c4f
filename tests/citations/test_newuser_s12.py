"""New-user trial, session 12: a quoted title followed by a word of time or a preposition and a date
(``"…" يوم 12 مارس 2024``) made the word the outlet (``يوم``) and lost the paper the sentence names."""

from __future__ import annotations

import pytest

from translator.citations import parse_citations


def test_a_day_after_the_title_is_no_outlet_and_the_named_paper_is_kept() -> None:
    text = 'كتب محمد علي في صحيفة الشرق الأوسط تحت عنوان "الجزائر وروسيا: شراكة جديدة" يوم 12 مارس 2024.'
    [citation] = parse_citations(text)
    assert citation.outlet == "الشرق الأوسط" and citation.author == "محمد علي"
    assert citation.title_original == "الجزائر وروسيا: شراكة جديدة" and citation.date == "2024-03-12"


# (not صباح: the registry knows it as Sabah, a Turkish daily)
@pytest.mark.parametrize("word", ["يوم", "في", "أمس", "مساء الأحد", "بتاريخ", "منذ"])
def test_no_word_of_time_or_preposition_is_an_outlet(word: str) -> None:
    text = f'"الجزائر وروسيا: شراكة جديدة" {word} 12 مارس 2024.'
    assert [c.outlet for c in parse_citations(text) if c.outlet] == []


@pytest.mark.parametrize(("outlet", "canonical_word"), [("اليوم", "اليوم"), ("الأيام", "الأيام"), ("الشروق", "الشروق")])
def test_a_registry_paper_named_like_a_day_is_still_the_outlet(outlet: str, canonical_word: str) -> None:
    text = f"“لافروف: علاقاتنا مع الجزائر تصل إلى مستوى جديد”، {outlet}، 26 مايو 2022."
    [citation] = parse_citations(text)
    assert citation.outlet == canonical_word and citation.date == "2022-05-26"

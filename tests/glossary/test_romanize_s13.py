"""Session 13 of issue 16, names no list knows: where a name found after a title or role ends, and how it is spelled.

Kinds from the labelled sets' build halves: a time of day before a day is no name part (``كمال الفقي صباح
الأحد``); a first name written with the article opens a lineage (``الأمير الحسين بن عبد الله``, ``الناني ولد
اشروقة``); the word after ``آيت`` belongs to the name however common (``خالد آيت طالب``); a common word many Wikidata
people have as a name part goes on a name two parts long (``نايف فلاح مبارك الحجرف``, ``علي يوسف أحمد الشريف``).
"""

from __future__ import annotations

import pytest

from translator.glossary import Glossary


def _romanized(glossary: Glossary, text: str, country: str | None = None) -> dict[str, str]:
    return {m.surface: m.target for m in glossary.match(text, country=country) if m.layer == "romanized"}


@pytest.mark.parametrize("text, name", [
    ("واستقبل وزير الداخلية كمال الفقي صباح الأحد وفدا من الوزراء", "كمال الفقي"),
    ("وقال المتحدث باسم الوزارة سمير بلحاج مساء اليوم إن الاجتماع انتهى", "سمير بلحاج"),
])
def test_a_time_of_day_before_a_day_ends_the_name(glossary: Glossary, text: str, name: str) -> None:
    found = _romanized(glossary, text)
    assert name in found
    assert not any("صباح" in surface or "مساء" in surface for surface in found)


@pytest.mark.parametrize("text, name", [
    ("بحضور ولي العهد الأردني الأمير الحسين بن عبد الله، بحثا خلاله العلاقات الثنائية", "الحسين بن عبد الله"),
    ("وعين الناني ولد اشروقة وزيرا مديرا لديوان رئيس الجمهورية.", "الناني ولد اشروقة"),
])
def test_a_first_name_with_the_article_opens_a_lineage(glossary: Glossary, text: str, name: str) -> None:
    assert name in _romanized(glossary, text)


def test_the_word_after_ait_belongs_to_the_name(glossary: Glossary) -> None:
    found = _romanized(glossary, "- السيد خالد آيت طالب، والي جهة فاس – مكناس", "MA")
    assert "خالد آيت طالب" in found
    assert found["خالد آيت طالب"].endswith("Ait Taleb")


@pytest.mark.parametrize("text, name", [
    ("التقى الأمين العام الدكتور نايف فلاح مبارك الحجرف مسيرة العمل الخليجي", "نايف فلاح مبارك الحجرف"),
    ("ويرافقه السفير الدكتور علي يوسف أحمد الشريف وزير الخارجية", "علي يوسف أحمد الشريف"),
])
def test_a_common_name_word_goes_on_a_long_name(glossary: Glossary, text: str, name: str) -> None:
    assert name in _romanized(glossary, text)


@pytest.mark.parametrize("text", [
    "وقال السفير محمد علي الجديد",  # "the new": no Wikidata person has it as a name part
    "استقبل السفير أحمد يوسف علي مبارك الجهود",  # مبارك before a common word: "blessed the efforts"
])
def test_a_common_word_does_not_go_on_a_short_name_or_before_an_ordinary_word(glossary: Glossary, text: str) -> None:
    found = _romanized(glossary, text)
    assert not any(surface.endswith(("الجديد", "مبارك")) for surface in found)


def test_ali_written_with_alif_maqsura_between_name_parts(glossary: Glossary) -> None:
    """Egyptian and Sudanese papers write a final ي as ى: ``على`` between name parts is the name Ali."""
    text = "وكان في وداعه الفريق الركن د. محمد الغالي على يوسف الأمين العام لمجلس السيادة"
    found = _romanized(glossary, text, "SD")
    assert "محمد الغالي على يوسف" in found
    assert found["محمد الغالي على يوسف"].endswith("Ali Youssef")


@pytest.mark.parametrize("text", [
    "كما اطلعت عضو مجلس السيادة د. نوارة أبو محمد على أداء وزارتي الصحة والتعليم",  # no Mohamed Ali
    "وقال الوزير أحمد حسن على هامش المؤتمر إن",  # "on the sidelines of"
])
def test_ala_before_an_ordinary_word_is_a_preposition(glossary: Glossary, text: str) -> None:
    assert not any(surface.endswith("على") or "على " in surface for surface in _romanized(glossary, text, "EG"))


def test_a_listed_first_name_behind_wa_opens_a_name_before_a_role(glossary: Glossary) -> None:
    """``ومصطفى الفرجاني، وزيرا للصحة، وسمير عبد الحفيظ، وزيرا للاقتصاد``: "and Mustapha …, and Samir …"; the
    name starts after و, and the conjunction is no part of its romanization."""
    text = "تعيين خالد السهيلي، وزيرا للدفاع، ومصطفى الفرجاني، وزيرا للصحة، وسمير عبد الحفيظ، وزيرا للاقتصاد"
    found = _romanized(glossary, text, "TN")
    assert "سمير عبد الحفيظ" in found and "مصطفى الفرجاني" in found
    assert found["سمير عبد الحفيظ"].startswith("Samir ")

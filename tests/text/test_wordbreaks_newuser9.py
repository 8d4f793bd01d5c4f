"""NEWUSER9 F1: the Hijri mark هـ at the end of a line is an abbreviation, not a word a line break cut in two."""

from __future__ import annotations

import pytest

from translator.corpus.decode import decode_bytes
from translator.dates import parse_date
from translator.text.wordbreaks import join_broken_words


@pytest.mark.parametrize("text", [
    "صدر أمر ملكي بتاريخ 29/7/1349 هـ\nفي عهد الملك عبد العزيز",
    "الرياض - الأحد 8 جمادى الأولى 1446هـ\nالموافق 10 نوفمبر 2024م",
    "في ٢٧ ربيع الآخر ١٤٤٥ هـ\nعقدت القمة",
])
def test_hijri_mark_at_a_line_end_is_kept(text: str) -> None:
    assert join_broken_words(text) == (text, 0)


def test_a_kashida_cut_word_is_still_joined() -> None:
    assert join_broken_words("وزير الخارجية الشيـ\nـخ عبدالله")[0] == "وزير الخارجية الشيخ\nعبدالله"
    assert join_broken_words("مجلس الشيـ\nوخ")[0].startswith("مجلس الشيوخ")
    assert join_broken_words("وصل الوزير بـ\nالجزائر اليوم")[0] == "وصل الوزير بالجزائر\nاليوم"  # one letter
    assert join_broken_words("قال إن هـ\nذا القرار")[0] == "قال إن هذا\nالقرار"  # ه cut off a word, no number


def test_batch_reading_keeps_the_lines_of_a_hijri_dated_text() -> None:
    text = "الرياض - الأحد 8 جمادى الأولى 1446هـ\nالموافق 10 نوفمبر 2024م\n"
    decoded = decode_bytes(text.encode("utf-8"))
    assert decoded.text.splitlines() == text.splitlines()
    assert parse_date(decoded.text.splitlines()[0]).hijri == "1446-05-08"

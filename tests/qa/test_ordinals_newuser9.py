"""NEWUSER9 F2: Arabic ordinals 11th-19th (الحادي عشر, الخامسة عشرة) are one number, not an ordinal and a ten.

Real text: "الدورة الخامسة عشرة لمؤتمر القمة الإسلامي" (the fifteenth session of the OIC summit, Saudi Foreign
Ministry news, May 2024); before, QA said "10 in the source is missing" of a correct "fifteenth".
"""

from __future__ import annotations

import pytest

from translator.qa import check
from translator.qa.numbers import find_quantities


@pytest.mark.parametrize(("arabic", "value"), [
    ("في الدورة الخامسة عشرة لمؤتمر القمة", 15.0),
    ("للمرة الحادية عشرة", 11.0),
    ("الفصل الثاني عشر", 12.0),
    ("الاجتماع التاسع عشر للجنة", 19.0),
])
def test_arabic_compound_ordinals_are_one_number(arabic: str, value: float) -> None:
    assert [q.values[0] for q in find_quantities(arabic)] == [value]


@pytest.mark.parametrize(("source", "target"), [
    ("في الدورة الخامسة عشرة لمؤتمر القمة الإسلامي", "at the fifteenth session of the Islamic Summit"),
    ("في الدورة الخامسة عشرة لمؤتمر القمة", "at the 15th session of the summit"),
    ("للمرة الحادية عشرة", "for the eleventh time"),
    ("الأشهر العشرة الأولى", "the first ten months"),
])
def test_correct_renderings_get_no_number_flag(source: str, target: str) -> None:
    assert [f for f in check(source, target) if f.kind == "number"] == []


def test_a_wrong_ordinal_is_caught() -> None:
    flags = [f.detail for f in check("للمرة الحادية عشرة", "for the tenth time") if f.kind == "number"]
    assert flags == ["11 in the source is missing from the target"]


def test_english_first_ten_stays_two_numbers() -> None:
    assert [q.values[0] for q in find_quantities("the first ten months")] == [1.0, 10.0]

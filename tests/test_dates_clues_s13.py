"""The shapes of a two-digit year run only where that year is written as they write it (session 13, issue 17):
after an apostrophe, after a slash, or before a closing bracket or the end of the text. Each such date is still
read, the same as with every shape run, and a line without that writing no longer runs them."""

from __future__ import annotations

import pytest

from translator import dates

TWO_DIGIT_YEARS = ["(Al-Mashriq, 21 Jul 04)", "selected items from the UK Arabic Press on 10 Aug 10.",
                   "15 Jul, '12", "Jul 15, ’12", "ضمن عدد 3 يوليو '19 من المجلة", "December 26/07",
                   "October 02 / 09 bulletin", "(الحياة، 5 أيار 09)", "عدد 12 مارس ‘21 الخاص"]
NOT_THERE = ["قال في 5 أيار 22 شخصا", "On 5 May 22 people died", "March 8/9 talks", "the 12 June 2023 meeting"]


@pytest.mark.parametrize("text", TWO_DIGIT_YEARS + NOT_THERE)
def test_clues_change_no_reading(text: str) -> None:
    grammar = dates._grammar()
    norm = dates._fold_with_offsets(text)[0]
    for order in (None, "DMY", "MDY"):
        assert dates._mentions(grammar, norm, order) == dates._mentions(grammar, norm, order, skip=False)


@pytest.mark.parametrize("text", TWO_DIGIT_YEARS)
def test_two_digit_years_are_read(text: str) -> None:
    found = dates.find_dates(text)
    assert any(r.date and r.date[:2] in ("19", "20") for r in found), found


def test_lines_without_that_year_do_not_run_the_shapes() -> None:
    grammar = dates._grammar()
    for text in NOT_THERE:
        norm = dates._fold_with_offsets(text)[0]
        clues = frozenset(c for c, p in dates._CLUES.items() if p.search(norm)) | {"day"}
        written = frozenset(cal for cal, words in grammar.month_present.items() if words.search(norm))
        shapes = {shape for shape, _, _ in dates._patterns_for(grammar, written, clues)}
        assert not shapes & {"dmy2", "dmy2q", "mdy2q", "mdy2s"}, (text, shapes)

"""Issue 15, session 12: date shapes from the build half of the real date set (tests/data/dates_real.tsv)."""

from __future__ import annotations

import pytest

from translator.dates import parse_date


@pytest.mark.parametrize("text, expected", [
    # a news bulletin's entries: the month, the day, a slash, a two-digit year (LCCC, batch 24)
    ("Pakistan and Lebanon, the same struggle.By Hiram Chodosh and Chibli Mallat. January 04/08", "2008-01-04"),
    ("The Lebanese need a diplomatic barrier/The Daily Star/October 02/09", "2009-10-02"),
    ("Before Announcing the Revolutions’ Death/By: Husam Itani/Al Hayat/August 14/13", "2013-08-14"),
])
def test_month_day_slash_two_digit_year(text: str, expected: str) -> None:
    result = parse_date(text)
    assert (result.date, result.ambiguous) == (expected, False)
    assert any("two-digit year" in w for w in result.warnings)  # the century is a reading, and says so


@pytest.mark.parametrize("text", ["The March 8/9 talks ended without a deal.", "Pages 12/3 of the report"])
def test_no_date_from_a_day_range_or_page_numbers(text: str) -> None:
    assert parse_date(text).date is None

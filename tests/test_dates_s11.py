"""Date kinds found in the session-11 blind set's build half (issue 15): a year cut to two digits after an
apostrophe, and a numeric date right after an ellipsis. Instances from real pages plus variants written here;
the guards that keep numbers that are not dates from being read stay in place."""

from __future__ import annotations

import pytest

from translator.dates import parse_date


@pytest.mark.parametrize(("text", "expected"), [
    ("15 Jul, '12", "2012-07-15"),          # a news site's list of articles (blind set, build half)
    ("21 Mar, '11", "2011-03-21"),
    ("2 Nov ’11", "2011-11-02"),           # a curly apostrophe, no comma
    ("Jul 15, '12", "2012-07-15"),          # month first
    ("March 3rd, ’98", "1998-03-03"),       # before the 1970 pivot: the 1900s
    ("15 يوليو '12", "2012-07-15"),         # an Arabic month name
])
def test_a_two_digit_year_after_an_apostrophe_is_read_with_a_warning(text: str, expected: str) -> None:
    result = parse_date(text)
    assert result.date == expected
    assert any("two-digit year" in w for w in result.warnings)


@pytest.mark.parametrize("text", [
    "It's 12 May '12's best",     # an apostrophe that opens a possessive, not a year
    "on 5 May 22 people died",    # a bare two-digit number after a month is no year
    "rock of the '90s on 5 May",  # a decade
])
def test_an_apostrophe_that_is_no_year_gives_no_date(text: str) -> None:
    assert parse_date(text).date is None


@pytest.mark.parametrize(("text", "expected"), [
    ("follow us ......2020/09/15", "2020-09-15"),   # a page footer (blind set, build half)
    ("see...15/09/2020", "2020-09-15"),
])
def test_a_numeric_date_after_an_ellipsis_is_read(text: str, expected: str) -> None:
    assert parse_date(text).date == expected


@pytest.mark.parametrize("text", ["version 1.2.10.5", "1.2.10.5..2020/09/15", "v1..2020/09/15"])
def test_a_run_of_numbers_and_stops_is_still_no_date(text: str) -> None:
    assert parse_date(text).date is None

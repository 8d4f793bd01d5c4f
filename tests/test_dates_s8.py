"""Issue 15, session 8: two dates real review pages print that the reader left empty (batch 14's build half and
the older build halves): a weekday that settles the order of a numeric date, and a two-digit year that ends the
text's last sentence.  Neither may give a date where a careful reader would give none."""

from __future__ import annotations

import pytest

from translator.dates import parse_date


@pytest.mark.parametrize(("text", "date"), [
    ("Friday 4/3/2016", "2016-03-04"),  # 4 March 2016 was a Friday, 3 April a Sunday
    ("Sunday 4/3/2016", "2016-04-03"),
    ("Lebanese newspapers headlines for Monday 5/9/2016", None),  # 5 September and 9 May: both Mondays
    ("Tuesday 5/9/2016", None),  # neither reading is a Tuesday: still ambiguous
])
def test_the_weekday_written_settles_a_numeric_date_when_only_one_reading_fits(text: str, date: str | None) -> None:
    result = parse_date(text)
    assert result.date == date
    assert result.ambiguous is (date is None)
    assert sorted(result.candidates) == ["2016-03-04", "2016-04-03"] if "4/3" in text \
        else sorted(result.candidates) == ["2016-05-09", "2016-09-05"]
    if date:
        assert any("weekday written" in w for w in result.warnings)


@pytest.mark.parametrize(("text", "date"), [
    ("The following lists selected items from the UK Arabic Press on 10 Aug 10.", "2010-08-10"),
    ("1) UK Arabic Press 14 Aug 10", "2010-08-14"),
    ("(Al-Mashriq, 21 Jul 04)", "2004-07-21"),
    ("on 5 May 22 people died", None),  # a count, not a year
    ("on 5 May 22 people died.", None),
])
def test_a_two_digit_year_may_end_the_last_sentence(text: str, date: str | None) -> None:
    assert parse_date(text).date == date


def test_the_weekday_beside_an_arabic_numeric_date_outweighs_the_scripts_usual_order() -> None:
    # Arabic text reads numeric dates day first; 3 April 2016 was a Sunday, 4 March the Friday written
    result = parse_date("الجمعة 3/4/2016")
    assert (result.date, result.ambiguous) == ("2016-03-04", False)
    assert any("weekday written" in w for w in result.warnings)
    assert parse_date("الجمعة 4/3/2016").date == "2016-03-04"
    assert parse_date("الجمعة 3/4/2016", day_first=True).date == "2016-04-03"  # the caller's order stands
    # a weekday that fits neither reading changes nothing (a warning only)
    assert parse_date("الاربعاء 5-7-2012").date == "2012-07-05"

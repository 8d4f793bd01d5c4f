"""A kind of real pairs from the benchmark's build half fresh11b (issue 17, twelfth session), both ways: the correct
rendering gets no date flag, a wrong one still does. The sentences are shortened from the published pair (ONA's
moon-sighting statement, p11f02: the Arabic gives each day by its weekday and its date, the English by the weekday)."""

from __future__ import annotations

from translator.qa import check

MOON = ("وعليه يكون غدا الثلاثاء (الموافق 13 أبريل 2021م) هو المتمم لشهر شعبان، ويكون بعد غد الأربعاء (الموافق 14 "
        "أبريل 2021م) غرة شهر رمضان.")


def _dates(source: str, target: str) -> list[str]:
    return [f.detail for f in check(source, target) if f.kind == "date"]


def test_a_day_given_by_its_weekday_alone_is_rendered() -> None:
    """The English names the weekday the source gives beside the date, and the date falls on it (13 April 2021 was a
    Tuesday, 14 April a Wednesday): no date is missing."""
    assert _dates(MOON, "Tuesday will be the last day of Shaaban and Wednesday the first day of Ramadhan.") == []
    assert _dates(MOON, "Tuesday will be the last day of Shaaban and Wednesday, April 14, the first of Ramadhan.") == []


def test_a_weekday_that_is_not_the_dates_or_a_changed_date_is_still_flagged() -> None:
    """The rule needs the source's weekday, the date's own weekday and that weekday in the English; a changed date
    stays a change."""
    [missing] = _dates(MOON, "Tuesday will be the last day of Shaaban and Thursday the first day of Ramadhan.")
    assert "(2021-04-14) is missing from the target" in missing
    assert len(_dates(MOON, "Monday will be the last day of Shaaban and Tuesday the first day of Ramadhan.")) == 1
    wrong = _dates(MOON, "Tuesday will be the last day of Shaaban and Wednesday, April 15, the first of Ramadhan.")
    assert any("(2021-04-14)" in d for d in wrong) and any("April 15" in d for d in wrong)  # no weekday spares
    plain = "يكون يوم 14 أبريل 2021م غرة شهر رمضان."  # no weekday beside the date in the source
    assert len(_dates(plain, "Wednesday will be the first day of Ramadhan.")) == 1
    mislabelled = "يكون الخميس (الموافق 14 أبريل 2021م) غرة شهر رمضان."  # 14 April 2021 was no Thursday
    assert len(_dates(mislabelled, "Thursday will be the first day of Ramadhan.")) == 1

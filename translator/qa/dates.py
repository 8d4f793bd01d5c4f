"""Dates in the source and the translation agree: the same days, whatever the calendar and the order.

Both sides are read with the project's date reader (:func:`translator.dates.find_dates`): Arabic with its
Levantine, Maghrebi and Egyptian month names (أيار = May, جوان = June), Hijri dates converted with
hijridate (Umm al-Qura), numeric dates day first in Arabic. The English side is read without an order, so
``12/6/2023`` stands for both of its readings and agrees with a source date that is one of them.

A date *agrees* with another when they can name the same day: equal days; a month and a day inside it; a
Hijri month and a Gregorian month it overlaps; a date written without a year and a date with the same month
and day. A day converted from the Hijri calendar agrees with a day one before or after it: official
calendars differ by a day (the Umm al-Qura tables hijridate follows, an announced moon sighting, another
country's calendar), so the editions of one statement may give Hijri and Gregorian days one apart. A date
written in both calendars (``26 / 5 / 1447هـ الموافق 17 / 11 / 2025م``) may be rendered by either part, each read
as written (a statement whose two parts disagree is rendered faithfully when its translation repeats them).
Dates are matched one to one, equal days first (or, where that leaves more dates over, each taking the first
date that agrees either way: a Hijri range rendered a day off pairs day by day); a source date with no agreeing
target date is flagged,
paired with a target date that agrees with nothing when there is one (a changed date), else as missing.

Read here besides the date reader (issue 17): an English range of days with its year after it ("November
18-19, 2025"), a range of days before a date in any calendar (``25 – 26 جمادى الأولى 1447هـ``: the first day is
the last one less the days between them, so a Hijri range is not read as Gregorian days), and KUNA's numeric
dateline (``الكويت - 12 - 3 (كونا)``: day, then month).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ..datafiles import read_tsv
from ..dates import DateResult, find_dates
from ..dates import may_hold_date as _may_hold_date
from ..text.arabic import fold_for_matching, to_ascii_digits
from .flag import QAFlag
from .numbers import _folded, word_runs

__all__ = ["DateMention", "compare_dates", "may_hold_date", "read_dates"]

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateMention:
    """A date in a text: the days or months it may name (``YYYY-MM-DD``, ``YYYY-MM`` or ``--MM-DD``)."""

    readings: tuple[str, ...]
    start: int
    end: int
    text: str
    lunar: tuple[str, ...] = ()  # the readings converted from a Hijri date: they agree one day either way
    year_lost: bool = False  # no year, and a hole where it stood ("November 18 to 19, ."): see compare_dates

    def agrees(self, other: DateMention, *, exact: bool = False) -> bool:
        """True when some reading of each can name the same day; unless ``exact``, a day converted from the
        Hijri calendar also agrees with the day before and after it (see the module docstring)."""
        if any(_agree(a, b) for a in self.readings for b in other.readings):
            return True
        return not exact and any(_next_day(a, b) for a in self.readings for b in other.readings
                                 if a in self.lunar or b in other.lunar)


def _next_day(a: str, b: str) -> bool:
    """True when full dates ``a`` and ``b`` (``YYYY-MM-DD``) are one day apart."""
    if len(a) != 10 or len(b) != 10 or a.startswith("--") or b.startswith("--"):
        return False
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) == 1
    except ValueError:
        return False


def _agree(a: str, b: str) -> bool:
    if a.startswith("--") or b.startswith("--"):
        (month_a, day_a), (month_b, day_b) = _month_day(a), _month_day(b)
        return month_a == month_b and (day_a is None or day_b is None or day_a == day_b)
    return a.startswith(b) or b.startswith(a)


def _month_day(reading: str) -> tuple[str, str | None]:
    parts = reading.lstrip("-").split("-")
    if reading.startswith("--"):
        return parts[0], parts[1]
    return parts[1], (parts[2] if len(parts) > 2 else None)


# The other end of a range of days: "27-30 October 2025", "من 27 إلى 30 أكتوبر", "October 27 to 30, 2025".
_RANGE_WORDS = r"(?:-|–|to|until|through|and|إلى|الى|حتى|و)"
_RANGE_BEFORE = re.compile(rf"(?<![\d/.])(\d{{1,2}})\s*{_RANGE_WORDS}\s*\Z")
_RANGE_AFTER = re.compile(rf"\s*{_RANGE_WORDS}\s*(\d{{1,2}})(?:st|nd|rd|th)?(?![\d/.])(?:\s*,?\s*(\d{{4}})(?!\d))?")


def read_dates(text: str) -> tuple[list[DateMention], list[tuple[int, int]]]:
    """The dates of ``text`` that can be compared, and the spans of every date written (of any
    completeness: numbers there are checked as dates, not as numbers); spans index ``text``.

    A comparable date has at least a month and a year, or a day and a month. A range of days gives two
    dates, its first and its last day ("27-30 October 2025", "October 27 to 30, 2025"). A text without a
    digit is not read: a date without a digit has neither a day nor a year to compare.
    """
    if not _DIGIT.search(text):
        return [], []
    mentions, spans = _own_dates(text)
    taken = list(spans)
    for result in (find_dates(text) if may_hold_date(text) else ()):
        if result.start is None or result.end is None:
            continue
        start, end = result.start, result.end
        if any(start < b and a < end for a, b in taken):
            continue  # read here already (an English range of days, a KUNA dateline)
        readings, lunar = _readings(result)
        if readings:
            mention = DateMention(readings, start, end, result.date_text or "", lunar)
            found = [_year_hole(text, m) for m in _range(text, mention)]
            mentions += found
            start, end = min(m.start for m in found), max(m.end for m in found)
        spans.append((start, end))
    return sorted(mentions, key=lambda m: m.start), spans


def may_hold_date(text: str) -> bool:
    """:func:`translator.dates.may_hold_date` of ``text`` asked with the words the number reader listed already
    (:func:`translator.qa.numbers.word_runs`, a set test in C): False only where
    :func:`translator.dates.find_dates` finds nothing in ``text``, where the reader runs a pattern per calendar over
    the whole text (≈ 0.1 ms a line with digits and no date, about a quarter of a first check; issue 17)."""
    return _may_hold_date(text, words=word_runs(_folded(text)[0]))  # QA's fold: KUNA's decimals read, no word moved


_MONTH_NAMES = "|".join(m for m in (*calendar.month_name[1:], *calendar.month_abbr[1:]) if m)
# "November 18-19, 2025", "Nov. 18 – 19 2025": a range of days with the year after it (the date reader reads none)
_ENGLISH_DAY_RANGE = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and|through)\s*"
                                rf"(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?:\s*(?:AD|A\.D\.|CE))?(?!\d)")
# What every such range holds: two day numbers joined, then a year (a scan from digits, cheaper than the month names)
_DAY_RANGE_CLUE = re.compile(r"\d(?:st|nd|rd|th)?\s*(?:-|–|to|and|through)\s*\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}")
# KUNA's dateline: ``الكويت - 12 - 3 (كونا) --``: a place, the day and the month in digits, the agency in brackets
_NUMERIC_DATELINE = re.compile(r"\A\s*[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){0,2}\s*[-–]\s*"
                               r"([\d\u0660-\u0669]{1,2})\s*[-–/]\s*([\d\u0660-\u0669]{1,2})\s*[-–/]?\s*"
                               r"(?=\(\s*[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+)?\s*\))")


def _own_dates(text: str) -> tuple[list[DateMention], list[tuple[int, int]]]:
    """The dates read here, not by the date reader (see the module docstring), and their spans."""
    mentions, spans = [], []
    if text[:1].isspace() or "\u0621" <= text.lstrip()[:1] <= "\u064a":
        m = _NUMERIC_DATELINE.match(text)
        if m:
            day, month = int(to_ascii_digits(m.group(1))), int(to_ascii_digits(m.group(2)))
            reading = _day(f"--{month:02d}-", str(day)) if 1 <= month <= 12 else None
            if reading:
                mentions.append(DateMention((reading,), m.start(1), m.end(2), text[m.start(1):m.end(2)]))
                spans.append((m.start(1), m.end(2)))
    for m in (_ENGLISH_DAY_RANGE.finditer(text) if _DAY_RANGE_CLUE.search(text) else ()):
        month = list(calendar.month_abbr).index(m.group(1)[:3].title())
        head = f"{m.group(4)}-{month:02d}-"
        first, last = _day(head, m.group(2)), _day(head, m.group(3))
        if first and last:
            mentions += [DateMention((first,), m.start(), m.end(2), m.group()),
                         DateMention((last,), m.start(3), m.end(), m.group())]
            spans.append(m.span())
    return mentions, spans


def _range(text: str, mention: DateMention) -> list[DateMention]:
    """``mention``, and the other end of a range of days written around it (spans cover the range)."""
    reading = mention.readings[0]
    if not all(len(r) == 10 or (len(r) == 7 and r.startswith("--")) for r in mention.readings):
        return [mention]  # not a full day or a day without a year (a month and year, "2024-02", has no days to count)
    head = reading[:-2]  # "YYYY-MM-" or "--MM-"
    before = _RANGE_BEFORE.search(text, max(0, mention.start - 12), mention.start)
    if before:
        back = _days_back(mention, int(before.group(1)))
        if back is not None:  # every reading (the Gregorian and the Hijri part) that many days earlier
            readings = tuple(_earlier(r, back) for r in mention.readings)
            first = DateMention(readings, before.start(1), before.end(1), before.group(1),
                                tuple(_earlier(r, back) for r in mention.lunar))
            return [first, DateMention(mention.readings, first.start, mention.end, mention.text, mention.lunar)]
    if len(mention.readings) != 1:
        return [mention]
    after = _RANGE_AFTER.match(text, mention.end)
    if after and after.group(2) and head.startswith("--"):
        head = after.group(2) + head[1:]  # "October 27 to 30, 2025": the year follows the range
    if after and _day(head, after.group(1)):
        first = DateMention((head + reading[-2:],), mention.start, mention.end, mention.text, mention.lunar)
        return [first, DateMention((_day(head, after.group(1)),), mention.start, after.end(), after.group(1))]
    return [mention]


_YEAR_HOLE = re.compile(r"\s*,\s*[,.;:)]")  # "November 18 to 19, ." / "on 15 March, , the": a year was lost


def _year_hole(text: str, mention: DateMention) -> DateMention:
    """``mention``, marked ``year_lost`` when it has no year and a comma before punctuation follows it."""
    if all(r.startswith("--") for r in mention.readings) and _YEAR_HOLE.match(text, mention.end):
        return DateMention(mention.readings, mention.start, mention.end, mention.text, mention.lunar, True)
    return mention


_WRITTEN_DAY = re.compile(r"\d{1,2}(?!\d)")


def _days_back(mention: DateMention, first_day: int) -> int | None:
    """How many days before ``mention`` the first day of a range written before it falls: the day written
    first in the mention less ``first_day`` (``25 – 26 جمادى``: 1), in whatever calendar it is written."""
    m = _WRITTEN_DAY.search(to_ascii_digits(mention.text))
    if m is None or not 0 < int(m.group()) - first_day < 31:
        return None
    return int(m.group()) - first_day


def _earlier(reading: str, days: int) -> str:
    """``reading`` (``YYYY-MM-DD`` or ``--MM-DD``) ``days`` days earlier (a leap year for ``--MM-DD``)."""
    year = reading.startswith("--")
    day = dt.date.fromisoformat("2000" + reading[1:] if year else reading) - dt.timedelta(days=days)
    return ("--" + day.isoformat()[5:]) if year else day.isoformat()


def _day(head: str, day: str) -> str | None:
    """``head`` + ``day`` as a reading when the day exists (any year for ``--MM-``: 2000 is a leap year)."""
    reading = head + f"{int(day):02d}"
    try:
        dt.date.fromisoformat(("2000" + reading[1:]) if reading.startswith("--") else reading)
    except ValueError:
        return None
    return reading


def _readings(result: DateResult) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the days or months ``result`` may name, those of them converted from the Hijri calendar)."""
    if result.date:
        if result.calendar == "hijri":
            return (result.date,), (result.date,)
        if result.calendar == "both" and result.hijri:  # either part may be rendered, each read as written
            lunar = _from_hijri(result.hijri)
            if lunar and lunar != result.date and len(lunar) == len(result.date):
                return (result.date, lunar), (lunar,)
        return (result.date,), ()
    if result.candidates:
        return tuple(result.candidates), ()
    if result.calendar == "gregorian" and result.date_text:
        # No year written ("15 March"): read the same words with a leap year to learn month and day.
        again = find_dates(f"{result.date_text} 2000")
        if again and again[0].date and len(again[0].date) == 10:
            return ("--" + again[0].date[5:],), ()
    return (), ()


def _from_hijri(hijri: str) -> str | None:
    """A lunar Hijri date as written (``1447-05-26``) in the Gregorian calendar (Umm al-Qura, hijridate)."""
    try:
        from hijridate import Hijri

        parts = [int(p) for p in hijri.split("-")]
        if len(parts) != 3:
            return None
        return Hijri(*parts).to_gregorian().isoformat()
    except (ValueError, OverflowError, ImportError):
        return None


_MONTHS = {f"{m:02d}": re.compile(rf"\b{calendar.month_name[m]}\b(?!\s*,?\s*\d)") for m in range(1, 13)}


def _month_named(mention: DateMention, text: str) -> bool:
    """True when ``text`` names the month of ``mention`` without a day or a year after it ("in September"):
    the other edition left the year to context."""
    months = {r[5:7] for r in mention.readings if len(r) >= 7 and not r.startswith("--")}
    return any(_MONTHS[m].search(text) for m in months if m in _MONTHS)


@cache
def _weekday_before() -> re.Pattern[str]:
    """An Arabic weekday name (data/weekdays.tsv, folded, behind a proclitic) right before a date, a bracket, a comma
    or الموافق between at most: ``الثلاثاء (الموافق 13 أبريل 2021م)``, ``يوم السبت الموافق 9 تموز``."""
    names = sorted({fold_for_matching(row["name"])[0] for row in read_tsv("weekdays.tsv") if row["lang"] == "ar"},
                   key=len, reverse=True)
    return re.compile(rf"(?<![^\W\d_])[وفبل]?({'|'.join(map(re.escape, names))})\s*[(،,:\-–]?\s*"
                      r"(?:الموافق\s*ل?\s*)?\Z")


@cache
def _weekdays_ar() -> dict[str, int]:
    """Folded Arabic weekday name -> 0 (Monday) .. 6 (Sunday), as data/weekdays.tsv gives them."""
    return {fold_for_matching(row["name"])[0]: int(row["weekday"]) for row in read_tsv("weekdays.tsv")
            if row["lang"] == "ar"}


_WEEKDAY_EN = [re.compile(rf"\b{name}\b", re.IGNORECASE) for name in calendar.day_name]  # Monday = 0


def _given_by_weekday(mention: DateMention, source_text: str, target_text: str) -> bool:
    """True when the source names ``mention``'s day by its weekday too (``غدا الثلاثاء (الموافق 13 أبريل 2021م)``),
    the day falls on that weekday, and the English names that weekday ("Tuesday will be the 30th"): the edition gave
    the day by its weekday alone (issue 17, twelfth session: fresh11b's moon-sighting statement)."""
    days = {dt.date.fromisoformat(r).weekday() for r in mention.readings if len(r) == 10 and r[:1] != "-"}
    if not days:
        return False
    window = fold_for_matching(source_text[max(0, mention.start - 40):mention.start])[0]
    before = _weekday_before().search(window)
    if before is None:
        return False
    day = _weekdays_ar().get(before.group(1))
    return day in days and _WEEKDAY_EN[day].search(target_text) is not None


def _matched(source: list[DateMention], target: list[DateMention], exact_first: bool
             ) -> tuple[list[DateMention], list[DateMention], list[tuple[DateMention, DateMention]]]:
    """(source dates left over, target dates left over, pairs) of a one-to-one matching in source order: with
    ``exact_first``, equal days first and then a Hijri day one off; else each date takes the first that agrees
    either way (a Hijri range rendered a day off, ``14 – 15 شوال`` as 13-14 April, pairs day by day)."""
    free = list(target)
    pairs = []
    left = []
    for mention in source:
        hit = next((t for t in free if mention.agrees(t, exact=exact_first)), None)
        if hit is None:
            left.append(mention)
        else:
            free.remove(hit)
            pairs.append((mention, hit))
    missing = []
    for mention in left if exact_first else ():
        hit = next((t for t in free if mention.agrees(t)), None)
        if hit is None:
            missing.append(mention)
        else:
            free.remove(hit)
            pairs.append((mention, hit))
    return (missing if exact_first else left), free, pairs


_ONE_DAY = (" (a Hijri day is accepted one day either way, as official calendars differ by a day: this one is "
            "further off)")


def compare_dates(source: list[DateMention], target: list[DateMention], target_text: str = "", *,
                  source_text: str = "", lead_end: int = 0, period_ends: frozenset[int] = frozenset()
                  ) -> list[QAFlag]:
    """Flags for source dates that no target date agrees with (see the module docstring). A source date whose
    month ``target_text`` (the English) names without a year or a day is not flagged: its year was left to
    context ("in September" for ``سبتمبر 2025``); nor is a source date said again (``لشهر تشرين أول من عام 2025``
    twice) that the target says once.

    A target date that agrees with no source date is flagged as added, except (issue 17, sixth session): a
    month and year whose month ``source_text`` (the Arabic) names, either without a year of its own or
    with the target's year written bare in the source (``في مارس ... مقارنة بالشهر المماثل من العام السابق``
    as "March 2023 ... March 2022"; ``الشهر المقابل من عام 2024`` as "October 2024"): the English resolved
    what the Arabic left to context; and a date inside the target's leading dateline (before ``lead_end``:
    ``KUWAIT, Oct 2 (KUNA) --``), which is the agency's, not the story's. A month the source does not name is
    still flagged, and a target date still stands for a source date that is missing (a changed date).

    Months named on one side and said relatively on the other (issue 17, seventh session): a source month (no
    day) is not missing when the target says "the previous month" (:data:`_RELATIVE_MONTH_EN`) and the month is
    the one before another month either side names (``نونبر 2023`` ... ``دجنبر 2023`` as "December 2023 ... the
    previous month"); a target month and year is not added when the source says ``الشهر الذي سبقه`` / ``الشهر
    السابق`` (:data:`_RELATIVE_MONTH_AR`) and it is the month before another month either side names ("September
    2018 ... August 2018"). Each phrase stands for one month. ``period_ends``: the first and last months of the
    target's periods (``between November and December 2023``, :mod:`translator.qa.periods`): a source month (no
    day) at either end is rendered by the period (``خلال شهر نونبر و دجنبر 2023``). A month and year (no day) is not
    missing when the target says "this month" / "last month" (:data:`_THIS_MONTH_EN`), nor added when the source
    says ``الشهر الجاري`` / ``الشهر الماضي`` / ``هذا الشهر`` (:data:`_THIS_MONTH_AR`), one month per phrase the other
    side does not say too, where no date of the other side is left over (issue 17, ninth session)."""
    flags: list[QAFlag] = []
    missing, free, pairs = min((_matched(source, target, exact_first) for exact_first in (True, False)),
                               key=lambda found: len(found[0]))  # the matching that leaves fewer dates over
    said = {mention.readings for mention, _ in pairs}
    missing = [m for m in missing if m.readings not in said]  # said again in the source: once is enough
    free.sort(key=lambda t: t.end <= lead_end)  # a changed date is the story's, not the dateline's
    for mention, hit in pairs:
        if hit.year_lost and not mention.readings[0].startswith("--"):
            flags.append(QAFlag("date", f"the year of the date {mention.text!r} ({mention.readings[0][:4]}) is "
                                        f"missing from the target, which leaves a hole after {hit.text!r}",
                                mention.start, mention.end, hit.start, hit.end))
    missing = [m for m in missing if not (target_text and _month_named(m, target_text))]
    if missing and not free and target_text and source_text:  # a changed date stays a change
        missing = [m for m in missing if not _given_by_weekday(m, source_text, target_text)]
    if period_ends:
        missing = [m for m in missing if not _at_period_end(m, period_ends)]
    if missing and target_text and source_text:
        missing = _said_relatively(missing, len(_RELATIVE_MONTH_EN.findall(target_text)),
                                   _months_either_side(source, target, source_text))
    if free and source_text:
        relative = len(_RELATIVE_MONTH_AR.findall(fold_for_matching(source_text)[0]))
        if relative:
            free = _said_relatively(free, relative, _months_either_side(source, target, source_text))
    if (missing or free) and not (missing and free) and target_text and source_text:
        said = len(_THIS_MONTH_EN.findall(target_text)) if "month" in target_text else 0
        said -= len(_THIS_MONTH_AR.findall(fold_for_matching(source_text)[0])) if "شهر" in source_text else 0
        if missing:  # each side's own phrases render each other: only the surplus names a month
            missing = _months_spared(missing, said)
        else:
            free = _months_spared(free, -said)
    for gone in missing:
        came = free.pop(0) if free else None
        said = " or ".join(gone.readings)
        lunar = _ONE_DAY if gone.lunar or (came is not None and came.lunar) else ""
        if came is None:
            flags.append(QAFlag("date", f"the date {gone.text!r} ({said}) is missing from the target{lunar}",
                                gone.start, gone.end))
        else:
            flags.append(QAFlag("date", f"the date {gone.text!r} ({said}) became {came.text!r} "
                                        f"({' or '.join(came.readings)}){lunar}", gone.start, gone.end, came.start,
                                came.end))
    named = _left_to_context(source, source_text, target_text) if free and source_text else None
    for came in free:
        if came.end <= lead_end or (named is not None and _resolved(came, *named)):
            continue
        if not any(came.agrees(s) for s in source):
            flags.append(QAFlag("date", f"the date {came.text!r} ({' or '.join(came.readings)}) is not in the source",
                                target_start=came.start, target_end=came.end))
    return flags


# "The previous month" in English, and the Arabic's "the month before it" (folded: translator.text.arabic), with
# the proclitics and article before شهر (للشهر الذي سبقه، بالشهر السابق), and "a month before that" (قبل ذلك بشهر).
# Not "last month" / الشهر الماضي, which news write for the month reported on.
_RELATIVE_MONTH_EN = re.compile(r"\b(?:previous|preceding|prior)\s+month\b|\bmonth\s+(?:before|earlier)\b|"
                                r"\bmonth-on-month\b", re.IGNORECASE)
_RELATIVE_MONTH_AR = re.compile(r"(?<![\u0621-\u064a])(?:[وفبلك]{0,2}(?:ال|ل)?شهر\s+(?:ال)?(?:سابق(?:\s+له)?|"
                                r"الذي\s+(?:سبقه|قبله|يسبقه))|"
                                # "a month before that/it": قبل ذلك بشهر، قبله بشهر، بشهر قبل ذلك (fresh9b)
                                r"قبل\s+ذلك\s+بشهر|قبله\s+بشهر|بشهر\s+(?:من\s+)?قبل\s+ذلك)(?![\u0621-\u064a])")


# The month of the story said relatively ("this month", "last month", الشهر الجاري، الشهر الماضي، هذا الشهر): the
# other side may name it ("July 2023"). Folded Arabic (translator.text.arabic), with the proclitics and article.
_THIS_MONTH_EN = re.compile(r"\b(?:this|last|next|the\s+current|the\s+past)\s+month\b", re.IGNORECASE)
_THIS_MONTH_AR = re.compile(r"(?<![\u0621-\u064a])(?:[وفبلك]{0,2}(?:ال|ل)?شهر\s+(?:ال)?(?:جاري|حالي|ماضي|منصرم|"
                            r"مقبل|قادم)|[وفبل]?هذا\s+الشهر)(?![\u0621-\u064a])")


def _months_spared(dates: list[DateMention], phrases: int) -> list[DateMention]:
    """``dates`` less up to ``phrases`` months (a month and year, no day): the other side said them relatively
    ("this month", الشهر الماضي; issue 17, ninth session). Only asked where no date of the other side is left over
    (that would be a changed date)."""
    kept = []
    for date in dates:
        if phrases > 0 and all(_month_of(r) is not None for r in date.readings):
            phrases -= 1
            continue
        kept.append(date)
    return kept


def _month_of(reading: str) -> tuple[int | None, int] | None:
    """(year or None, month) of a reading without a day (``2023-11``; ``--11`` has no year), else None."""
    if len(reading) == 7 and reading[:4].isdigit():
        return int(reading[:4]), int(reading[5:7])
    return None


def _months_either_side(source: list[DateMention], target: list[DateMention], source_text: str
                        ) -> set[tuple[int | None, int]]:
    """Every (year, month) the two sides' dates name, and the months the Arabic names without a year (None)."""
    months = {(int(r[:4]), int(r[5:7])) for m in (*source, *target) for r in m.readings
              if len(r) >= 7 and r[:4].isdigit()}
    months |= {(None, int(m.lastgroup[1:])) for m in _arabic_months().finditer(fold_for_matching(source_text)[0])
               if m.lastgroup}
    return months


def _said_relatively(dates: list[DateMention], phrases: int, months: set[tuple[int | None, int]]
                     ) -> list[DateMention]:
    """``dates`` less up to ``phrases`` months (no day) that are the month before one of ``months`` (see
    :func:`compare_dates`)."""
    kept = []
    for date in dates:
        month = _month_of(date.readings[0]) if len(date.readings) == 1 else None
        if phrases and month is not None:
            year, number = month
            after = (year + 1, 1) if number == 12 else (year, number + 1)
            if after in months or (None, after[1]) in months:
                phrases -= 1
                continue
        kept.append(date)
    return kept


def _at_period_end(date: DateMention, ends: frozenset[int]) -> bool:
    """True for a month (no day) that is the first or last month of a period of the other side."""
    months = [_month_of(r) for r in date.readings]
    return bool(months) and all(m is not None and m[1] in ends for m in months)


@cache
def _arabic_months() -> re.Pattern[str]:
    """The Gregorian month names of ``translator/data/months.tsv`` (every region's), folded, one named group
    per month (``m01``..``m12``), with the clitics و ف ب ل and the article before them."""
    names: dict[int, set[str]] = {}
    for row in read_tsv("months.tsv"):
        if row["calendar"] == "gregorian" and not any(c.isdigit() for c in row["name"]):
            names.setdefault(int(row["month"]), set()).add(" ".join(fold_for_matching(row["name"])[0].split()))
    groups = (f"(?P<m{month:02d}>" + "|".join(re.escape(w).replace(r"\ ", r"\s*")
                                              for w in sorted(words, key=len, reverse=True)) + ")"
              for month, words in sorted(names.items()))
    return re.compile(r"(?<![\u0621-\u064a])(?:[وفبل]{0,2}(?:ال)?)(?:" + "|".join(groups) + r")(?![\u0621-\u064a])")


_YEAR = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d|2100)(?![\d.,]?\d)")


def _left_to_context(source: list[DateMention], text: str, target_text: str
                     ) -> tuple[set[str], set[str], set[str], set[str], bool]:
    """(months ``text`` names at all, months it names outside a date with a year, years written bare, every year
    it writes, whether a bare year of it is missing from ``target_text``), months as ``MM``: what a translation
    may resolve (see :func:`compare_dates`)."""
    folded, origin = fold_for_matching(text)
    dated = [(m.start, m.end) for m in source if any(r[:4].isdigit() for r in m.readings)]
    named, bare = set(), set()
    for m in _arabic_months().finditer(folded):
        month = next(k[1:] for k, v in m.groupdict().items() if v is not None)
        named.add(month)
        at = origin[m.start()] if m.start() < len(origin) else len(text)
        if not any(a <= at < b for a, b in dated):
            bare.add(month)
    ascii_text = to_ascii_digits(text)
    found = list(_YEAR.finditer(ascii_text))
    years = {y.group(1) for y in found if not any(a <= y.start() < b for a, b in dated)}
    in_target = {y.group(1) for y in _YEAR.finditer(to_ascii_digits(target_text))}
    return named, bare, years, {y.group(1) for y in found}, bool(years - in_target)


def _resolved(came: DateMention, named: set[str], bare: set[str], years: set[str], written: set[str],
              year_lost: bool) -> bool:
    """True when a target month and year (no day) renders a month the source names without a year, or a month
    it names with the year the source writes bare (see :func:`compare_dates`). Not when a bare year of the
    source is missing from the target and this date's year is one the source never writes: that is the
    source's year changed ("من عام 2022" as "October 2021")."""
    months = [r for r in came.readings if len(r) == 7 and r[:4].isdigit()]
    if year_lost and any(r[:4] not in written for r in months):
        return False
    return bool(months) and all(r[5:] in bare or (r[5:] in named and r[:4] in years) for r in months)

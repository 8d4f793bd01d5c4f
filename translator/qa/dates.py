"""Dates in the source and the translation agree: the same days, whatever the calendar and the order.

Both sides are read with the project's date reader (:func:`translator.dates.find_dates`): Arabic with its
Levantine, Maghrebi and Egyptian month names (أيار = May, جوان = June), Hijri dates converted with
hijridate (Umm al-Qura), numeric dates day first in Arabic. The English side is read without an order, so
``12/6/2023`` stands for both of its readings and agrees with a source date that is one of them.

A date *agrees* with another when they can name the same day: equal days; a month and a day inside it; a
Hijri month and a Gregorian month it overlaps; a date written without a year and a date with the same month
and day. Dates are matched one to one; a source date with no agreeing target date is flagged, paired with a
target date that agrees with nothing when there is one (a changed date), else as missing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..dates import DateResult, find_dates
from .flag import QAFlag

__all__ = ["DateMention", "compare_dates", "read_dates"]

_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateMention:
    """A date in a text: the days or months it may name (``YYYY-MM-DD``, ``YYYY-MM`` or ``--MM-DD``)."""

    readings: tuple[str, ...]
    start: int
    end: int
    text: str

    def agrees(self, other: DateMention) -> bool:
        return any(_agree(a, b) for a in self.readings for b in other.readings)


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
    mentions, spans = [], []
    for result in find_dates(text):
        if result.start is None or result.end is None:
            continue
        start, end = result.start, result.end
        readings = _readings(result)
        if readings:
            mention = DateMention(readings, start, end, result.date_text or "")
            found = _range(text, mention)
            mentions += found
            start, end = min(m.start for m in found), max(m.end for m in found)
        spans.append((start, end))
    return mentions, spans


def _range(text: str, mention: DateMention) -> list[DateMention]:
    """``mention``, and the other end of a range of days written around it (spans cover the range)."""
    reading = mention.readings[0]
    if len(mention.readings) != 1 or len(reading) not in (7, 10):  # a full day, or a day without a year
        return [mention]
    head = reading[:-2]  # "YYYY-MM-" or "--MM-"
    before = _RANGE_BEFORE.search(text, max(0, mention.start - 12), mention.start)
    if before and _day(head, before.group(1)):
        first = DateMention((_day(head, before.group(1)),), before.start(1), before.end(1), before.group(1))
        return [first, DateMention(mention.readings, first.start, mention.end, mention.text)]
    after = _RANGE_AFTER.match(text, mention.end)
    if after and after.group(2) and head.startswith("--"):
        head = after.group(2) + head[1:]  # "October 27 to 30, 2025": the year follows the range
    if after and _day(head, after.group(1)):
        first = DateMention((head + reading[-2:],), mention.start, mention.end, mention.text)
        return [first, DateMention((_day(head, after.group(1)),), mention.start, after.end(), after.group(1))]
    return [mention]


def _day(head: str, day: str) -> str | None:
    """``head`` + ``day`` as a reading when the day exists (any year for ``--MM-``: 2000 is a leap year)."""
    reading = head + f"{int(day):02d}"
    try:
        dt.date.fromisoformat(("2000" + reading[1:]) if reading.startswith("--") else reading)
    except ValueError:
        return None
    return reading


def _readings(result: DateResult) -> tuple[str, ...]:
    if result.date:
        return (result.date,)
    if result.candidates:
        return tuple(result.candidates)
    if result.calendar == "gregorian" and result.date_text:
        # No year written ("15 March"): read the same words with a leap year to learn month and day.
        again = find_dates(f"{result.date_text} 2000")
        if again and again[0].date and len(again[0].date) == 10:
            return ("--" + again[0].date[5:],)
    return ()


_MONTHS = {f"{m:02d}": re.compile(rf"\b{calendar.month_name[m]}\b(?!\s*,?\s*\d)") for m in range(1, 13)}


def _month_named(mention: DateMention, text: str) -> bool:
    """True when ``text`` names the month of ``mention`` without a day or a year after it ("in September"):
    the other edition left the year to context."""
    months = {r[5:7] for r in mention.readings if len(r) >= 7 and not r.startswith("--")}
    return any(_MONTHS[m].search(text) for m in months if m in _MONTHS)


def compare_dates(source: list[DateMention], target: list[DateMention], target_text: str = "") -> list[QAFlag]:
    """Flags for source dates that no target date agrees with (see the module docstring). A source date whose
    month ``target_text`` (the English) names without a year or a day is not flagged: its year was left to
    context ("in September" for ``سبتمبر 2025``)."""
    free = list(target)
    missing = []
    for mention in source:
        hit = next((t for t in free if mention.agrees(t)), None)
        if hit is None:
            if not (target_text and _month_named(mention, target_text)):
                missing.append(mention)
        else:
            free.remove(hit)
    flags = []
    for gone in missing:
        came = free.pop(0) if free else None
        said = " or ".join(gone.readings)
        if came is None:
            flags.append(QAFlag("date", f"the date {gone.text!r} ({said}) is missing from the target",
                                gone.start, gone.end))
        else:
            flags.append(QAFlag("date", f"the date {gone.text!r} ({said}) became {came.text!r} "
                                        f"({' or '.join(came.readings)})", gone.start, gone.end, came.start, came.end))
    for came in free:
        if not any(came.agrees(s) for s in source):
            flags.append(QAFlag("date", f"the date {came.text!r} ({' or '.join(came.readings)}) is not in the source",
                                target_start=came.start, target_end=came.end))
    return flags

"""Periods of a year written as spans of months: quarters, halves, "the first nine months", month ranges.

Economic news names periods, and the two editions name them differently: ``الربع الأول`` = "the first
quarter" = "Q1" = "January-March"; ``النصف الأول`` = "the first half" = "H1"; ``التسعة أشهر الأولى`` = "the first
nine months" = "January-September" = "the first three quarters" (``الأرباع الثلاثة الأولى``); ``من يناير إلى
سبتمبر`` = "between January and September". A *period* is the span of months it covers (first, last).

The numbers inside a period ("nine", ``الثالث``) are compared as the period, not as quantities, and a date
reader's reading of a month inside one ("January-September 2023" read as September 2023) is not compared as
a date. A period of the source that agrees with no period of the translation is flagged only when the
translation names another period that agrees with nothing (a changed period): the other edition often
leaves a period to context ("in the quarter"), as it does a year.

Words are matched in the folded form of :mod:`translator.text.arabic` (the one fold); Arabic month names come
from ``translator/data/months.tsv`` (the date reader's, Gregorian rows), English ones from the calendar module.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

from ..datafiles import read_tsv
from ..text.arabic import fold
from .flag import QAFlag
from .numbers import word_runs

__all__ = ["Period", "compare_periods", "find_periods"]


@dataclass(frozen=True)
class Period:
    """A span of months ``first``..``last`` (1-12) written at ``[start, end)`` of a text; 0..0 for a relative
    period ("the previous quarter", الربع السابق), which agrees with any period of the other side."""

    first: int
    last: int
    start: int
    end: int
    text: str

    def show(self) -> str:
        if self.first == 0:
            return "a quarter before"
        names = calendar.month_name
        return names[self.first] if self.first == self.last else f"{names[self.first]}-{names[self.last]}"


_ORDINALS_EN = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                "final": 4}
_ORDINALS_AR = {"اول": 1, "اولي": 1, "ثاني": 2, "ثانيه": 2, "ثالث": 3, "ثالثه": 3, "رابع": 4, "رابعه": 4,
                "اخير": 4}
_COUNTS_EN = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
              "eleven": 11}
_COUNTS_AR = {"اثنين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "سته": 6, "ست": 6,
              "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
              "احد عشر": 11}
_COUNT = r"(\d{1,2}|" + "|".join(sorted(_COUNTS_EN, key=len, reverse=True)) + ")"
_COUNT_AR = r"(?:ال|الـ)?(\d{1,2}|" + "|".join(sorted(_COUNTS_AR, key=len, reverse=True)) + ")"
_ART = r"(?:ال|ل)?"  # the article, or its ل after the preposition ل (للربع = ل + الربع)
_PRE = r"(?<![^\W\d_])[وفبلك]{0,2}"  # proclitics before an Arabic word (والربع، للربع، بالنصف)


def _months_en() -> str:
    return "|".join(m.lower() for m in calendar.month_name[1:] + calendar.month_abbr[1:] if m)


@cache
def _month_numbers() -> dict[str, int]:
    """Folded month name (English full and short, Arabic Gregorian rows of months.tsv) -> 1-12."""
    table = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
    table.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
    for row in read_tsv("months.tsv"):
        if row["calendar"] == "gregorian":
            table.setdefault(" ".join(fold(row["name"]).split()), int(row["month"]))
    return table


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, kind) in the folded text; kinds say how the groups give the months."""
    arabic_months = "|".join(re.escape(k).replace(r"\ ", r"\s*") for k in
                             sorted((k for k in _month_numbers() if not k.isascii()), key=len, reverse=True))
    english = _months_en()
    day_after = r"(?!\.?\s*\d{1,2}(?!\d))"  # "October 27 to 30": days of a month, not a range of months
    ordinal_en = "|".join(_ORDINALS_EN)
    ordinal_ar = "|".join(sorted(_ORDINALS_AR, key=len, reverse=True))
    return (
        (re.compile(rf"\b({ordinal_en})\s+quarter\b"), "quarter"),
        (re.compile(r"\bq([1-4])\b"), "quarter_digit"),
        (re.compile(rf"{_PRE}{_ART}ربع\s+{_ART}({ordinal_ar})(?![^\W\d_])"), "quarter"),
        (re.compile(r"\b(?:the\s+)?(previous|preceding|prior)\s+(?:three\s+months|quarter)\b"), "relative"),
        (re.compile(rf"{_PRE}{_ART}(ربع|اشهر\s+{_ART}ثلاثه|ثلاثه\s+اشهر)\s+{_ART}(?:سابق|ماضي)(?![^\W\d_])"),
         "relative"),
        (re.compile(r"\b(first|second|1st|2nd)\s+half\b"), "half"),
        (re.compile(r"\bh([12])\b"), "half_digit"),
        (re.compile(rf"{_PRE}{_ART}نصف\s+{_ART}(اول|ثاني)(?![^\W\d_])"), "half"),
        (re.compile(rf"\bfirst\s+{_COUNT}\s+months\b"), "months"),
        (re.compile(rf"\bfirst\s+{_COUNT}\s+quarters\b"), "quarters"),
        (re.compile(rf"{_PRE}{_COUNT_AR}\s+(?:ال)?(?:اشهر|شهور)\s+{_ART}اولي(?![^\W\d_])"), "months"),
        (re.compile(rf"{_PRE}{_ART}(?:اشهر|شهور)\s+{_COUNT_AR}\s+{_ART}اولي(?![^\W\d_])"), "months"),
        (re.compile(rf"{_PRE}اول\s+{_COUNT_AR}\s+(?:اشهر|شهور)(?![^\W\d_])"), "months"),
        (re.compile(rf"{_PRE}{_ART}ارباع\s+{_COUNT_AR}\s+{_ART}اولي(?![^\W\d_])"), "quarters"),
        (re.compile(rf"{_PRE}{_COUNT_AR}\s+ارباع\s+{_ART}اولي(?![^\W\d_])"), "quarters"),
        (re.compile(rf"\bbetween\s+({english})\.?\s+and\s+({english})\b{day_after}"), "range"),
        (re.compile(rf"\b({english})\.?\s*(?:-|–|to|through|until)\s*({english})\b{day_after}"), "range"),
        (re.compile(rf"{_PRE}بين\s+(?:شهري\s+)?({arabic_months})\s+و({arabic_months})(?![^\W\d_])"
                    rf"{day_after}"), "range"),
        (re.compile(rf"{_PRE}(?:من\s+)?(?:شهر\s+)?({arabic_months})\s*(?:-|–|الي|حتي)\s*(?:شهر\s+)?"
                    rf"({arabic_months})(?![^\W\d_]){day_after}"), "range"),
    )


# Per pattern of _patterns(), in order: substrings of which the folded text must hold one for the pattern to
# match (empty: no test). Issue 17: speed, a first check runs 19 patterns over every text otherwise.
_NEEDLES: tuple[tuple[str, ...], ...] = (
    ("quarter",), ("q1", "q2", "q3", "q4"), ("ربع",), ("previous", "preceding", "prior"), ("سابق", "ماضي"),
    ("half",), ("h1", "h2"), ("نصف",), ("months",), ("quarters",), ("اشهر", "شهور"), ("اشهر", "شهور"),
    ("اشهر", "شهور"), ("ارباع",), ("ارباع",), ("between",), (), ("بين",), (),
)


@cache
def _screen() -> re.Pattern[str]:
    """The words some period pattern needs (a month name, or quarter, half, months and their Arabic): a text
    with none is not searched further, nor for a range with fewer than two month names. The reference that
    the cheaper screen of :func:`find_periods` (_PERIOD_WORDS, :func:`_months_at_most`) is tested against."""
    months = sorted((re.escape(k).replace(r"\ ", r"\s*") for k in _month_numbers()), key=len, reverse=True)
    return re.compile(r"\b(?:quarters?|half|months|q[1-4]|h[12])\b|ربع|ارباع|نصف|اشهر|شهور|"
                      rf"(?<![^\W\d_])[وفبلك]{{0,2}}({'|'.join(months)})(?![^\W\d_])")


# Substrings of every period word _screen finds (a superset: "quarter" in "headquarters" too).
_PERIOD_WORDS = ("quarter", "half", "months", "q1", "q2", "q3", "q4", "h1", "h2", "ربع", "ارباع", "نصف", "اشهر",
                 "شهور")
# one search for any of them, in C (issue 17: speed; the same answer as a substring test per word)
_PERIOD_WORD = re.compile("|".join(map(re.escape, _PERIOD_WORDS)))


@cache
def _month_words() -> frozenset[str]:
    """Every word of every month name of _month_numbers, and each multi-word name's start written without its
    spaces, bare and behind each of _screen's proclitics."""
    words = set()
    for name in _month_numbers():
        parts = name.split()
        words.update(parts)
        words.update("".join(parts[:i]) for i in range(2, len(parts) + 1))  # the regex allows no space: \s*
    clitics = [""] + [a + b for a in "وفبلك" for b in ("", *"وفبلك")]  # _screen's [وفبلك]{0,2}
    return frozenset(clitic + word for clitic in clitics for word in words)


@cache
def _month_names_with_digits() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The month names that are not words of letters (``ت1``, ``ك2``: Tishreen, Kanun), and one pattern for them
    all: counted as substrings where one is written."""
    names = tuple(name for name in _month_numbers() if any(c.isdigit() for c in name))
    return names, re.compile("|".join(map(re.escape, names)))


def _months_at_most(folded: str) -> int:
    """At least as many as the month names _screen finds in ``folded``: its words that are a month name's word
    behind up to two of its proclitics (each month name _screen finds starts one such word). Counted over the words
    the number reader listed (:func:`translator.qa.numbers.word_runs`), not by a scan of the month regex (issue 17:
    speed); what is counted only decides which patterns run, never what they find."""
    words = word_runs(folded)
    names, (odd, any_odd) = _month_words(), _month_names_with_digits()
    hits = names.intersection(words)  # in C
    count = sum(words.count(w) for w in hits) if hits else 0
    if any_odd.search(folded):
        count += sum(folded.count(n) for n in odd)
    return count


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _COUNTS_EN.get(word) or _COUNTS_AR.get(word)


def find_periods(folded: str, offsets: list[int], text: str) -> list[Period]:
    """The periods written in ``folded`` (the matching form of ``text``, with its offset map), in order,
    spans into ``text``. Overlapping readings keep the first found (patterns in the order above)."""
    if not folded:
        return []
    period_word = _PERIOD_WORD.search(folded) is not None
    months = _months_at_most(folded)
    if not period_word and not months:
        return []
    found: list[Period] = []
    taken: list[tuple[int, int]] = []
    for (pattern, kind), needles in zip(_patterns(), _NEEDLES, strict=True):
        if (months < 2) if kind == "range" else not period_word:
            continue  # a range needs two month names; the other patterns one of their words (issue 17: speed)
        if needles and not any(n in folded for n in needles):
            continue  # a word the pattern cannot match without (a substring test: no regex scan)
        for m in pattern.finditer(folded):
            span = _months(kind, m)
            if span is None or any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            start, end = offsets[m.start()], offsets[m.end() - 1] + 1
            found.append(Period(span[0], span[1], start, end, text[start:end]))
    return sorted(found, key=lambda p: p.start)


def _months(kind: str, m: re.Match[str]) -> tuple[int, int] | None:
    key = m.group(1)
    if kind == "relative":  # "the previous quarter", الربع السابق: some quarter, told by the other side
        return 0, 0
    if kind == "quarter":
        q = _ORDINALS_EN.get(key) or _ORDINALS_AR.get(key)
        return (3 * q - 2, 3 * q) if q else None
    if kind == "quarter_digit":
        q = int(key)
        return 3 * q - 2, 3 * q
    if kind in ("half", "half_digit"):
        h = 1 if key in ("first", "1st", "اول", "1") else 2
        return 6 * h - 5, 6 * h
    if kind in ("months", "quarters"):
        n = _count(key)
        if n is None:
            return None
        n *= 3 if kind == "quarters" else 1
        return (1, n) if 1 <= n <= 12 else None
    if kind == "range":
        months = _month_numbers()
        a, b = months.get(" ".join(key.split())), months.get(" ".join(m.group(2).split()))
        return (a, b) if a and b and a < b else None
    return None


def compare_periods(source: list[Period], target: list[Period]) -> list[QAFlag]:
    """``date`` flags for source periods that no target period agrees with, each paired with a target period
    that agrees with nothing (see the module docstring); equal spans of months agree."""
    free = list(target)
    missing = []
    for period in source:
        hit = next((t for t in free if (t.first, t.last) == (period.first, period.last)), None) \
            or next((t for t in free if t.first == 0 or period.first == 0), None)
        if hit is None:
            missing.append(period)
        else:
            free.remove(hit)
    return [QAFlag("date", f"the period {gone.text!r} ({gone.show()}) became {came.text!r} ({came.show()})",
                   gone.start, gone.end, came.start, came.end) for gone, came in zip(missing, free, strict=False)]

"""Find dates in Arabic, English and French news text and normalize them to ISO 8601.

dateparser reads a date string that is *only* a date, in one locale at a time; Arabic news lines mix
regional month names (مايو / أيار / ماي / غشت), paired forms (أيار/مايو), Hijri and Gregorian dates,
weekdays, times and Eastern Arabic digits in one line.  So the Arabic, English and French grammar here is
our own small tokenizer driven by the data files in ``translator/data`` (months.tsv, weekdays.tsv,
day_ordinals.tsv, date_markers.tsv, date_order.tsv); Hijri dates are converted with ``hijridate``
(Umm al-Qura) and Solar Hijri (Iranian) dates with ``jdatetime``; dateparser remains the fallback for
the other languages it knows (Spanish, Turkish,
Russian, ...).  Nothing is ever filled in from today's date: a date without a year has ``date=None``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hijridate import Hijri

from translator.datafiles import read_tsv
from translator.errors import InputError
from translator.text.arabic import contains_arabic, fold, fold_for_matching

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["DateResult", "best_date", "find_dates", "may_hold_date", "parse_date"]

try:  # CPython's own regex parser, only to read the first characters of a pattern (_gated)
    from re import _constants as _re_constants
    from re import _parser as _re_parser
except ImportError:  # pragma: no cover - a Python without them: the patterns run ungated, with the same matches
    _re_constants = _re_parser = None  # type: ignore[assignment]

_DATA = Path(__file__).parent / "data"  # tests point it at a copy of the data files
_LETTER = r"[^\W\d_]"
_NOT_AFTER_LETTER = rf"(?<!{_LETTER})"
_NOT_BEFORE_LETTER = rf"(?!{_LETTER})"
_GREGORIAN_YEAR_AFTER = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
_MERGE_GAP = 60  # most characters between a Hijri date and its Gregorian equivalent ("الموافق لـ")
_HIJRI_YEARS = range(1300, 1600)
# Solar Hijri years a news text dates (1300 SH = 1921). They overlap the lunar years 1300-1410: a numeric date
# there is Solar only with a marker (هـ.ش), Persian digits or a Persian month name, lunar only with a
# marker (هـ, هـ.ق), and otherwise both readings are candidates (issue #14).
_SOLAR_YEARS = range(1300, 1420)
_PERSIAN_DIGIT = re.compile(r"[۰-۹]")
_CALENDARS = ("gregorian", "hijri", "solar_hijri")
_LOOKUP_KINDS = frozenset({"gregorian_mark", "hijri_mark", "solar_mark", "retrieved", "archived", "updated"})
_GREGORIAN_YEARS = range(1000, 2300)
_MONTH_YEAR_YEARS = range(1700, 2100)  # "مارس 1500 جندي" is a count, not March 1500


@dataclass(frozen=True)
class DateResult:
    """A date found in ``text``: ``date`` is ``YYYY-MM-DD``, ``YYYY-MM`` (no day written) or None.

    ``start``/``end`` index ``text`` (``text[start:end] == date_text``); ``calendar`` says how the date
    was written (``gregorian``, ``hijri`` (lunar, Umm al-Qura), ``solar_hijri`` (the Iranian calendar) or
    ``both``; ``relative`` for ``أمس``, ``منذ يومين`` ... counted from a reference date, see :func:`parse_date`);
    ``hijri`` is the Hijri date (lunar or solar) as written, ISO-like.
    An unresolved day/month order gives ``ambiguous=True``, ``date=None`` and both readings in
    ``candidates``.  ``role`` is ``retrieved``, ``archived`` or ``updated`` when a marker such as
    "Retrieved" says the date is not the publication date.
    """

    text: str
    date: str | None
    date_text: str | None = None
    start: int | None = None
    end: int | None = None
    calendar: str | None = None
    hijri: str | None = None
    ambiguous: bool = False
    candidates: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    role: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "date": self.date,
            "date_text": self.date_text,
            "start": self.start,
            "end": self.end,
            "calendar": self.calendar,
            "hijri": self.hijri,
            "ambiguous": self.ambiguous,
            "candidates": list(self.candidates),
            "warnings": list(self.warnings),
            "role": self.role,
        }


# --------------------------------------------------------------------------- folding
def _fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each of its characters, the index of the character of ``text`` it came from:
    the one matching fold of :mod:`translator.text.arabic` (data/arabic_folds.tsv), spaces of any kind as " "."""
    folded, origin = fold_for_matching(text)
    return _SPACES.sub(" ", folded).translate(_APOSTROPHES), origin


_SPACES = re.compile(r"\s")
#: the marks a romanized month name writes for ʿayn and hamza (``Sha’ban``, ``Rabiʿ al-Awwal``, ``Dhu‘l-Hijja``),
#: read as the ASCII apostrophe of data/months.tsv, one character for one (moment-hijri#5)
_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʿʾʼ`´ʻ", "'"))


# --------------------------------------------------------------------------- data
def _fold(word: str) -> str:
    return " ".join(_fold_with_offsets(word)[0].split())


def _key(word: str) -> str:
    """Lookup key of a word or of matched text: folded, without spaces ("كانون الثاني" = "كانونالثاني"), hyphens or
    apostrophes (``Dhu al-Hijjah`` = ``Dhul Hijjah``)."""
    key = _KEYS.get(word)
    if key is None:  # the same month names and markers come back on every dated line (issue 20)
        if len(_KEYS) >= 4096:
            _KEYS.clear()
        key = _KEYS[word] = _JOINERS.sub("", _fold_with_offsets(word)[0])
    return key


_KEYS: dict[str, str] = {}
#: what a key leaves out: spaces, and the hyphens and apostrophes of romanized names (``Dhul-Hijjah``,
#: ``Dhu al Hijjah``, ``Dhul Hijjah`` are one key; ``Sha'ban``, ``Shaban`` another)
_JOINERS = re.compile(r"[\s'-]")


def _checked_rows(name: str) -> list[dict[str, str]]:
    """Rows of a data file, checked against its schema (``translator.datafiles.SCHEMAS``: allowed months,
    days, kinds...). Raises :class:`~translator.errors.DataFileError` naming the file and line."""
    return read_tsv(_DATA / name)


def _alternation(words: list[str]) -> str:
    """Regex alternation of folded words, longest first (words of one length in code-point order, so that a
    process builds the same pattern text as the last: its compiled form is then kept, see
    :mod:`translator.cli.recache`); a space or hyphen matches any run of spaces and hyphens or none (``Dhu al-Hijjah``,
    ``Dhul Hijjah``), an apostrophe is optional (``Sha'ban``, ``Shaban``)."""
    parts = []
    for word in sorted({_fold(w) for w in words}, key=lambda w: (-len(w), w)):
        pattern = _GAP.join(re.escape(piece).replace("'", "'?") for piece in _PIECES.split(word))
        parts.append(pattern + (r"(?!\d)" if word[-1].isdigit() else ""))
    return "(?:" + "|".join(parts) + ")"


#: where a month name's words meet (a space or a hyphen), and what the text may write there
_PIECES = re.compile(r"[ -]")
_GAP = r"[\s-]*"


def _prefix_tree(words: list[str]) -> str:
    """The words of :func:`_alternation` as one prefix tree: ``(?:ab(?:c|d))`` for ``abc|abd`` (issue 20).

    A line matches it exactly where it matches the alternation (each word's pieces joined by ``[\\s-]*``, a word
    ending in a digit followed by no digit), but which word a match takes may differ: use it to ask whether
    any word is written, not for spans. Python's ``re`` tries the branches of an alternation one by one at
    each position; the tree tests each character once.
    """
    tree: dict[str, Any] = {}
    for word in {_fold(w) for w in words}:
        node = tree
        for i, piece in enumerate(_PIECES.split(word)):
            if i:
                node = node.setdefault(" ", {})
            for char in piece:
                node = node.setdefault(char, {})
        node["" if not word[-1].isdigit() else "\\d"] = None

    def branch(node: dict[str, Any]) -> str:
        parts = []
        for atom in sorted(node):
            if atom == "":
                parts.append("")
            elif atom == "\\d":
                parts.append(r"(?!\d)")
            else:
                head = _GAP if atom == " " else "'?" if atom == "'" else re.escape(atom)
                parts.append(head + branch(node[atom]))
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return "(?:" + branch(tree) + ")" if tree else "(?!)"


def _screened(words: list[str], before: str = "") -> str:
    """A lookahead that lets through only the positions where ``before`` and then one of ``words`` (as
    :func:`_prefix_tree` finds them) stand, not followed by a letter: put before ``before +
    _alternation(words) + _NOT_BEFORE_LETTER``, it changes no match (the alternation cannot match where the
    tree cannot) and spares the alternation's word-by-word tries everywhere else (issue 20)."""
    return rf"(?={before}{_prefix_tree(words)}{_NOT_BEFORE_LETTER})"


@dataclass(frozen=True)
class _Grammar:
    months: dict[str, dict[str, int]]  # calendar -> folded name -> month
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    markers: dict[str, str]  # folded suffix or role marker -> kind
    orders: dict[str, str]  # context prefix -> DMY | MDY
    patterns: list[tuple[str, str, _Lazy]]  # (shape, calendar, pattern)
    month_name: dict[str, re.Pattern[str]]
    weekday_before: re.Pattern[str]
    role_before: re.Pattern[str]
    year_only: re.Pattern[str]
    #: a day of the month written as a word, anywhere, no boundaries: a shape whose day may be a word
    #: (``dm``) cannot match without one or a digit (issue 20)
    day_word: re.Pattern[str] | None = None
    #: calendar -> a pattern that finds a month name where ``month_name`` does (a prefix tree of the same
    #: names: one test per character instead of one per name); only to ask *whether* one is written (issue 20)
    month_present: dict[str, re.Pattern[str]] = field(default_factory=dict)
    #: (calendars with a month name written, clues) -> the patterns to run: see :func:`_patterns_for`
    plans: dict[tuple[frozenset[str], frozenset[str]], tuple[tuple[str, str, _Lazy], ...]] = field(
        default_factory=dict, compare=False, repr=False)
    #: context language as given -> its order ("" for none), looked up once per language (issue 20)
    context_orders: dict[str, str] = field(default_factory=dict, compare=False, repr=False)


def _words(markers: list[tuple[str, str]], *kinds: str) -> list[str]:
    return [word for word, kind in markers if kind in kinds]


@cache
def _grammar() -> _Grammar:
    month_rows = _checked_rows("months.tsv")
    names = {cal: [_fold(r["name"]) for r in month_rows if r["calendar"] == cal] for cal in _CALENDARS}
    months = {cal: {_key(r["name"]): int(r["month"]) for r in month_rows if r["calendar"] == cal} for cal in names}
    weekdays = {_key(r["name"]): int(r["weekday"]) for r in _checked_rows("weekdays.tsv")}
    ordinal_rows = _checked_rows("day_ordinals.tsv")
    ordinals = {_key(r["name"]): int(r["day"]) for r in ordinal_rows}
    marker_rows = [(_fold(r["marker"]), r["kind"]) for r in _checked_rows("date_markers.tsv")]
    # One word may have several kinds (من: "4 من يناير", "مارس من 2025"); suffixes and roles are unique.
    markers = {_key(word): kind for word, kind in marker_rows if kind in _LOOKUP_KINDS}
    orders = {r["context"].lower(): r["order"] for r in _checked_rows("date_order.tsv")}
    weekday_names = _alternation(list(weekdays))
    filler = rf"(?:[\s,،:\-–]+|{_word(marker_rows, 'weekday_filler')})*"
    roles = _alternation(_words(marker_rows, "retrieved", "archived", "updated"))
    return _Grammar(
        months=months,
        weekdays=weekdays,
        ordinals=ordinals,
        markers=markers,
        orders=orders,
        patterns=_patterns(names, [r["name"] for r in ordinal_rows], marker_rows),
        month_name={cal: _gated(_alternation(words) + _NOT_BEFORE_LETTER) for cal, words in names.items()},
        month_present={cal: _gated(_prefix_tree(words) + _NOT_BEFORE_LETTER) for cal, words in names.items()},
        weekday_before=re.compile(rf"{_NOT_AFTER_LETTER}(?P<weekday>{weekday_names})\.?{_NOT_BEFORE_LETTER}{filler}\Z"),
        role_before=re.compile(
            rf"{_NOT_AFTER_LETTER}(?P<role>{roles}){_NOT_BEFORE_LETTER}(?:\s*(?:on|في|بتاريخ))?[\s:,،\-–]*\Z"
        ),
        year_only=re.compile(r"(?<!\d)(1[34]\d\d|1[89]\d\d|20\d\d)(?!\d)"),
        day_word=re.compile(_prefix_tree([r["name"] for r in ordinal_rows])),  # only asked whether one is written
    )


def _word(markers: list[tuple[str, str]], *kinds: str) -> str:
    words = _words(markers, *kinds)
    return _NOT_AFTER_LETTER + _screened(words) + _alternation(words) + _NOT_BEFORE_LETTER


def _patterns(
    months: dict[str, list[str]], ordinals: list[str], markers: list[tuple[str, str]]
) -> list[tuple[str, str, _Lazy]]:
    """The date shapes, as (shape, calendar, pattern) over folded text; ``numeric`` decides its calendar."""
    day = (
        rf"(?<![\d:./])(?:(?P<day>\d{{1,2}})(?:\s?(?:st|nd|rd|th)(?![a-z])|er|eme|ème)?(?!\d)"
        rf"|{_NOT_AFTER_LETTER}(?P<dayword>{_screened(ordinals)}{_alternation(ordinals)}){_NOT_BEFORE_LETTER})"
    )
    day_of = (
        rf"(?:\s*[-/–.,،](?=\s*{_LETTER}))?(?:\s*{_word(markers, 'day_of')})?(?:\s*{_word(markers, 'month_intro')})?\s*"
    )
    month_intro = rf"(?:{_word(markers, 'month_intro')}\s*)?"
    year_intro = rf"\s*[,،\-/–]?\s*(?:{_word(markers, 'year_intro')}\s*)?"
    year = r"(?P<year>\d{4})(?!\d)"
    suffix = rf"(?:\s*(?P<suffix>{_alternation(_words(markers, 'gregorian_mark', 'hijri_mark', 'solar_mark'))})(?!\w))?"
    no_year_follows = r"(?![\d:])(?!\s*[,،\-/–]?\s*\d)"
    time = r"\s+\d{1,2}:\d{2}(?::\d{2})?\s+"
    patterns: list[tuple[str, str, _Lazy]] = []
    for calendar, names in months.items():
        clitics = "(?:[وف]?[بل]?)"
        one = rf"{_NOT_AFTER_LETTER}{_screened(names, clitics)}{clitics}{_alternation(names)}{_NOT_BEFORE_LETTER}\.?"
        # paired names ("يونيو/حزيران", "حزيران (يونيو)", "يونيو حزيران"): _worded_mention checks they agree
        # and three ("ايار -مايس- مايو": Levantine, Iraqi and Egyptian names of May)
        mon = rf"(?P<mon>{one}(?:\s*[/\\(\-–]?\s*{one}\s*[)\-–]?){{0,2}}(?<![\-–]))"
        shapes = {
            "dmy": day + day_of + mon + year_intro + year + suffix,
            # "December 16, 2019", also with a comma after the month ("december, 16th 2019": a review's header)
            "mdy": mon + r"\s*[,،]?\s*(?P<day>\d{1,2})(?:\s?(?:st|nd|rd|th))?(?!\d)\s*[,،]?\s*" + year + suffix,
            # page headers that print the time between the day and the rest: "12 14:05 2023 جوان"
            "dtym": day + time + year + r"\s+" + mon,
            "dtmy": day + time + mon + year_intro + year + suffix,
            "my": month_intro + mon + year_intro + year + suffix,
            # press monitors' "(Al-Mashriq, 21 Jul 04)": a two-digit year after day and month, closing the
            # bracket or the text (so "on 5 May 22 people died" is no date)
            # ... or ending the sentence that ends the text ("selected items from the UK Arabic Press on 10 Aug 10.")
            "dmy2": day + day_of + mon + r"(?:\s+|\s*-\s*)(?P<year2>\d{2})(?=\s*(?:\)|\]|\.?\s*\Z))",
            # a year cut to two digits after an apostrophe ("15 Jul, '12", "Jul 15, ’12"): the apostrophe says it
            # is a year, so no bracket or end of text is needed (session 11 blind set, build half)
            "dmy2q": day + day_of + mon + r"\s*[,،]?\s*['’‘`](?P<year2>\d{2})(?![\d'’])",
            "mdy2q": mon + r"\s*[,،]?\s*(?P<day>\d{1,2})(?:\s?(?:st|nd|rd|th))?(?!\d)\s*[,،]?\s*['’‘`](?P<year2>\d{2})"
                     r"(?![\d'’])",
            # a news bulletin's "December 26/07", "October 02/09": the month, the day, a slash, a two-digit year
            # (issue 15 batch 24, build half); not a day range ("March 8/9": the year has two digits)
            "mdy2s": mon + r"\s*(?P<day>\d{1,2})\s*/\s*(?P<year2>\d{2})(?![\d/.:\-])",
            "dm": day + day_of + mon + no_year_follows,
            "md": mon + r"\s*(?P<day>\d{1,2})(?:\s?(?:st|nd|rd|th))?" + no_year_follows,
        }
        patterns += [(shape, calendar, _Lazy(p)) for shape, p in shapes.items()]
    numeric = {
        "ymd": r"(?P<year>\d{4})\s*(?P<sep>[/.\-–])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<a>\d{1,2})(?![\d/])",
        # an en dash as well, spaced as Arabic pages print it: "الصحافة اليوم 26 – 02 – 2011"
        "num": r"(?P<a>\d{1,2})\s*(?P<sep>[/.\-–])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<year>\d{4})(?![\d/])",
        # Two-digit years only with slashes (12/05/22, read 2022 with a warning): 1.2.10 is a version.
        "num2": r"(?P<a>\d{1,2})\s*(?P<sep>/)(?P<b>\d{1,2})/(?P<year>\d{2})(?![\d/.\-:])",
        # dotted with a two-digit year only when every part has two digits ("MIDEAST MIRROR 04.06.15", issue 15);
        # 1.2.10 stays a version. Day or month first is left to the caller or the page (_numeric_mention).
        "num2dot": r"(?P<a>\d\d)(?P<sep>\.)(?P<b>\d\d)\.(?P<year>\d\d)(?![\d/.\-:])",
    }
    # not inside a longer run of numbers (1.2.10.5, 10-5-2022-3), but after a place joined by a hyphen: the
    # KUNA/APS dateline "الجزائر-10-5-2022" (NEWUSER6 F16), or after an ellipsis ("follow us ......2020/09/15":
    # two stops or more after a word are no number's decimal point; session 11 blind set, build half)
    start = r"(?:(?<![\d/.\-:])|(?<=[^\W\d_]-)|(?<=\.\.)(?<!\d\.\.))"
    patterns += [(shape, "numeric", _Lazy(start + p + suffix)) for shape, p in numeric.items()]
    return patterns


class _Lazy:
    """A date shape's pattern, read and compiled (:func:`_gated`) the first time a line needs it: a run reaches
    its first document without compiling shapes its lines never ask for (issue 20, start-up)."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = _gated(self.source)
        return self._compiled

    @property
    def pattern(self) -> str:
        return self.compiled().pattern

    def finditer(self, string: str) -> Any:
        return self.compiled().finditer(string)


def _gated(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled behind a lookahead for the characters a match can begin with (issue 20).

    The shapes begin with lookbehinds and long alternations of month or day names, which the regex engine
    tries in full at every position of a line; the lookahead turns most positions away at one character.
    The set is read off the parsed pattern (:func:`_first_chars`), so the matches are the same (a test runs
    both on the date and citation data); a pattern whose first characters cannot be told is left as it is.
    """
    first = _first_chars(_re_parser.parse(pattern)) if _re_parser is not None else None
    if first is None or first[1] or not first[0]:
        return re.compile(pattern)
    gated = "(?=[" + "".join(sorted(first[0])) + "])" + pattern
    _UNGATED[gated] = pattern
    return re.compile(gated)


_UNGATED: dict[str, str] = {}  # a gated pattern -> the pattern as written (for the test that compares them)


def _first_chars(items: Any) -> tuple[set[str], bool] | None:
    """(character-class pieces a match of ``items`` can begin with, whether it can match empty), or None when
    that cannot be told (a negated class, a back reference...). ``items`` is a parsed pattern (re._parser)."""
    c = _re_constants
    out: set[str] = set()
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):  # zero-width: the next item gives the first character
            continue
        if op is c.LITERAL:
            return out | {re.escape(chr(av))}, False
        if op is c.IN:
            for kind, value in av:
                if kind is c.LITERAL:
                    out.add(re.escape(chr(value)))
                elif kind is c.RANGE:
                    out.add(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
                elif kind is c.CATEGORY and value in _CATEGORIES:
                    out.add(_CATEGORIES[value])
                else:
                    return None
            return out, False
        if op is c.SUBPATTERN:
            inner = _first_chars(av[3])
        elif op is c.BRANCH:
            branches = [_first_chars(branch) for branch in av[1]]
            if any(b is None for b in branches):
                return None
            inner = (set().union(*(b[0] for b in branches)), any(b[1] for b in branches))  # type: ignore[index]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            inner = _first_chars(av[2])
            inner = None if inner is None else (inner[0], inner[1] or av[0] == 0)
        else:
            return None
        if inner is None:
            return None
        out |= inner[0]
        if not inner[1]:
            return out, False
    return out, True


_CATEGORIES = {} if _re_constants is None else {
    _re_constants.CATEGORY_DIGIT: r"\d", _re_constants.CATEGORY_SPACE: r"\s", _re_constants.CATEGORY_WORD: r"\w"}


# --------------------------------------------------------------------------- public API
def parse_date(text: str, *, context_lang: str | None = None, day_first: bool | None = None,
               reference: str | dt.date | None = None) -> DateResult:
    """The best date in ``text`` (a citation line, a page header, a dateline).

    The most complete date wins (day > month > no year); dates marked "Retrieved", "Archived" or
    "Updated" only when there is no other; on a tie the first.  ``context_lang`` (``ar``, ``en-US``,
    ``en-GB``, ...) or ``day_first`` decide the order of numeric dates such as 01/03/2026; without them an
    Arabic-script text is read day first and anything else is reported as ambiguous.

    A text with no date but an Arabic relative one (``أمس``, ``أول أمس``, ``غداً``, ``منذ يومين``, ``قبل ٥
    ساعات``, ``20 يوم مضت``) gives ``calendar="relative"``: ``date`` is counted from ``reference`` (the
    publication date, ``YYYY-MM-DD``) when one is given — weeks, months and years as ``YYYY-MM`` / the
    day's month, hours and minutes as the reference day — and is None otherwise, with a warning saying
    what the text counts from. Raises :class:`InputError` for a ``reference`` that is not a date.
    """
    found = find_dates(text, context_lang=context_lang, day_first=day_first)
    if found:
        return best_date(text, found)
    relative = _relative_date(text, reference) if text and contains_arabic(text) else None
    if relative is not None:
        return relative
    warnings = ["no date found"]
    years = _grammar().year_only.findall(_fold_with_offsets(text)[0]) if text else []
    if years:
        warnings = [f"only a year ({', '.join(dict.fromkeys(years))}): a date needs at least a month"]
    return DateResult(text=text, date=None, warnings=warnings)


def best_date(text: str, found: Sequence[DateResult]) -> DateResult:
    """What :func:`parse_date` gives for ``text`` when :func:`find_dates` (with the same ``context_lang`` and
    ``day_first``) found ``found`` in it, not empty: for a caller that has the dates of the text already (issue 20:
    the citation parser remembers a line's dates). Raises ``ValueError`` when ``found`` is empty."""
    return _months_sharing_a_year(text, max(found, key=lambda r: (r.role is None, _completeness(r))))


# "<month> و <month> 2019", "August and September 2019": the word right before a month-and-year date, after "and"
_JOINED_MONTH = re.compile(r"(?P<month>[^\W\d_]+)\s*(?:و|and|&|[-–/])\s*(?:شهر\s+)?\Z")


def _months_sharing_a_year(text: str, best: DateResult) -> DateResult:
    """``best``, flagged ambiguous where another month of its calendar is joined to it by "and" (``خلال شهري أوت
    وسبتمبر 2019``: two months share the year, a period rather than one date). The month next to the year stays
    the date (as before); the other is the first candidate."""
    if best.date is None or len(best.date) != 7 or not best.start or best.calendar not in _CALENDARS \
            or best.ambiguous:
        return best
    joined = _JOINED_MONTH.search(text, max(0, best.start - 40), best.start)
    month = _grammar().months[best.calendar].get(_key(joined["month"])) if joined else None
    if month is None or f"{month:02d}" == best.date[5:]:
        return best
    other = f"{best.date[:4]}-{month:02d}"
    return replace(best, ambiguous=True, candidates=[other, best.date],
                   warnings=[*best.warnings, f"two months share the year: {other} and {best.date} (a period)"])


def find_dates(text: str, *, context_lang: str | None = None, day_first: bool | None = None) -> list[DateResult]:
    """Every date written in ``text``, in order, with offsets into ``text``.

    A Hijri date and the Gregorian date written beside it ("... 1447 هـ، الموافق 13 غشت 2025") are one
    result with ``calendar="both"``.  Dates without a year are returned with ``date=None`` and a warning.

    Raises :class:`InputError` when ``text`` is not a str.
    """
    if not isinstance(text, str):
        raise InputError(f"find_dates expects a str, got {type(text).__name__}: pass the line's text.")
    if not text.strip():
        return []
    grammar = _grammar()
    swapped = "اأ" in text or "اإ" in text or "اآ" in text  # (a plain look first: the common case has none)
    norm, origin = _fold_with_offsets(_PDF_LAM_ALEF.sub(_unswap_lam_alef, text) if swapped else text)
    if not _screen(grammar, text, norm):
        return []
    arabic = contains_arabic(text)
    order = _resolve_order(grammar, context_lang, day_first, arabic)
    persian = bool(_PERSIAN_DIGIT.search(text))
    mentions = _select(_mentions(grammar, norm, order, persian=persian))
    by_caller = day_first is not None or context_lang is not None
    results = [_result(grammar, text, norm, origin, group, by_caller=by_caller) for group in _merge(norm, mentions)]
    if not results and not arabic:
        results = _dateparser_fallback(text, norm, origin)
    if not results:
        results = _misspelt_month(grammar, text, norm, origin)
    return results


def may_hold_date(text: str, *, words: Collection[str] | None = None) -> bool:
    """False only where :func:`find_dates` finds nothing in ``text``, whatever ``context_lang`` and ``day_first``
    say: a screen to ask before reading a line for dates (issues 17 and 20; most lines hold none). ``find_dates``
    asks it of every line itself.

    The reader finds a date only in one of these ways, and each is asked here without running the reader's
    pattern per calendar over the text:

    - a worded date, only where a month name of its grammar (``data/months.tsv``) starts a word behind the
      clitics ``[وف]?[بل]?`` and no letter follows it;
    - a numeric date (``16/12/2023``, ``2023-12-16``, ``12.06.21``), only where digits, a separator, one or two
      digits, the same separator and a digit stand;
    - a misspelt month (``12 فبرابر 2021``), only in a day-word-year run;
    - dateparser's fallback, only in a text without Arabic letters where a month name of another language it
      knows stands among the four words before a four-digit year.

    ``words``: the maximal letter runs (``[^\\W\\d_]+``) of ``text`` in the matching fold
    (:func:`translator.text.arabic.fold_for_matching`), when the caller has listed them already (translation QA's
    number reader does): the month question is then a set test instead of a scan of the text. Without it, one
    prefix tree of every month name is searched.

    ``tests/test_dates_screen.py`` runs :func:`find_dates` with and without this screen on every committed text,
    every digit of Unicode and every month name; ``tests/qa/test_qa_fast_paths.py`` asks it with QA's words.

    Raises :class:`InputError` when ``text`` is not a str.
    """
    if not isinstance(text, str):
        raise InputError(f"may_hold_date expects a str, got {type(text).__name__}: pass the line's text.")
    if not text.strip():
        return False
    if "اأ" in text or "اإ" in text or "اآ" in text:  # find_dates repairs a PDF's swapped lam-alef first
        text, words = _PDF_LAM_ALEF.sub(_unswap_lam_alef, text), None
    # the reader's fold less its spaces made " ": the screen's patterns read any space as \s (no second pass)
    return _screen(_grammar(), text, fold_for_matching(text)[0], words)


def _screen(grammar: _Grammar, text: str, norm: str, words: Collection[str] | None = None) -> bool:
    r""":func:`may_hold_date` of ``text`` (after the lam-alef repair), ``norm`` its fold (``_fold_with_offsets``, or
    ``fold_for_matching``: every pattern here reads a space as ``\s``)."""
    digit = _CLUES["digit"].search(norm) is not None
    if words is not None:
        if not _screen_words(grammar).isdisjoint(words):
            return True
    elif _month_tree(grammar).search(norm):
        return True
    if not digit:
        return False  # a numeric date, a misspelt month and dateparser's year all need digits
    if _NUMERIC_SHAPE.search(norm):
        return True
    if _FOUR_DIGITS.search(norm) is None:
        return False  # a misspelt month and dateparser's fallback both need a year
    if _YEAR_AND_DAY.search(norm) and _DAY_WORD_YEAR.search(norm):  # _misspelt_month's own gates, then its run
        return True
    return not contains_arabic(text) and next(_foreign_months_before_years(norm), None) is not None


def _month_tree(grammar: _Grammar) -> re.Pattern[str]:
    """Every month name of the grammar's calendars in one prefix tree, followed by no letter: where
    ``grammar.month_present`` finds one of any calendar (one pass instead of three)."""
    held = _SCREEN.get("months")
    if held is None or held[0] is not grammar:  # built once per grammar, from its data files (tests swap them)
        names = [_fold(r["name"]) for r in _checked_rows("months.tsv") if r["calendar"] in grammar.month_present]
        held = _SCREEN["months"] = (grammar, _gated(_prefix_tree(names) + _NOT_BEFORE_LETTER))
    return held[1]


def _screen_words(grammar: _Grammar) -> frozenset[str]:
    """Every letter run a worded date can start with: each month name of the grammar's calendars cut at its first
    non-letter, its pieces joined up to each space (the reader allows none: ``كانونالثاني``), bare and behind each
    of the reader's clitics."""
    held = _SCREEN_WORDS.get("months")
    if held is None or held[0] is not grammar:
        starts = set()
        for row in _checked_rows("months.tsv"):
            if row["calendar"] not in grammar.month_present:
                continue
            pieces = _fold(row["name"]).split()
            for i in range(1, len(pieces) + 1):
                run = _LETTER_RUN.match("".join(pieces[:i]))
                if run:
                    starts.add(run.group())
        clitics = [a + b for a in ("", "و", "ف") for b in ("", "ب", "ل")]
        held = _SCREEN_WORDS["months"] = (grammar, frozenset(clitic + start for clitic in clitics for start in starts))
    return held[1]


_SCREEN: dict[str, tuple[_Grammar, re.Pattern[str]]] = {}
_SCREEN_WORDS: dict[str, tuple[_Grammar, frozenset[str]]] = {}
_LETTER_RUN = re.compile(r"[^\W\d_]+")


_DAY_WORD_YEAR = re.compile(r"(?<![\d/.\-])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[^\W\d_]{4,})\.?,?\s+"
                            r"(?P<y>\d{4})(?!\d)|(?<![^\W\d_])(?P<m2>[^\W\d_]{4,})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})(?!\d)")


_FOUR_DIGITS = re.compile(r"\d\d\d\d")
_YEAR_AND_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)(?:st|nd|rd|th)?[^\d]{4,20}?(?<!\d)\d{4}(?!\d)"
                           r"|(?<!\d)\d{1,2}(?!\d),?\s+\d{4}(?!\d)")


def _misspelt_month(grammar: _Grammar, text: str, norm: str, origin: list[int]) -> list[DateResult]:
    """A day, a word one letter off exactly one Gregorian month name, and a year (``12 فبرابر 2021``,
    ``Decmber 3, 2020``, ``سبتمر``): that month, with a warning (issue 15, batch 11). Only when nothing else was
    read; a word near two months, or a short one, is no date."""
    from rapidfuzz.distance import Levenshtein

    if not _FOUR_DIGITS.search(norm) or not _YEAR_AND_DAY.search(norm):
        return []  # the common case (no year, or no day beside it): no scan
    months = grammar.months["gregorian"]
    found = []
    for m in _DAY_WORD_YEAR.finditer(norm):
        word, day, year = (m.group("m"), m.group("d"), m.group("y")) if m.group("m") else \
            (m.group("m2"), m.group("d2"), m.group("y2"))
        key = _key(word)
        if key in months or int(year) not in _MONTH_YEAR_YEARS:
            continue
        near = {n for name, n in months.items() if len(name) >= 5 and Levenshtein.distance(key, name) <= 1}
        if len(near) != 1 or not _valid(int(year), next(iter(near)), int(day)):
            continue
        month = next(iter(near))
        o_start, o_end = origin[m.start()], origin[m.end() - 1] + 1
        found.append(DateResult(text=text, date=f"{int(year):04d}-{month:02d}-{int(day):02d}",
                                date_text=text[o_start:o_end], start=o_start, end=o_end, calendar="gregorian",
                                warnings=[f"{word!r} read as the misspelt month {month}"]))
    return found


# Text copied out of a PDF often has the lam-alef ligature's letters swapped: "األول" for "الأول", "اإلثنين" for
# "الإثنين" (an alef then a hamza-alef never begins a correct Arabic word). Same length, so offsets still hold.
_PDF_LAM_ALEF = re.compile(r"(?<![\u0621-\u064a])ا([أإآ])ل")


def _unswap_lam_alef(m: re.Match[str]) -> str:
    return "ال" + m.group(1)


# --------------------------------------------------------------------------- relative dates
_RELATIVE_UNITS = {  # folded word -> (unit, count); a count of 0 takes the number written before it
    "يوم": ("day", 0), "ايام": ("day", 0), "يوما": ("day", 0), "يومين": ("day", 2), "يومان": ("day", 2),
    "اسبوع": ("week", 0), "اسابيع": ("week", 0), "اسبوعين": ("week", 2), "اسبوعان": ("week", 2),
    "شهر": ("month", 0), "اشهر": ("month", 0), "شهور": ("month", 0), "شهرا": ("month", 0),
    "شهرين": ("month", 2), "شهران": ("month", 2), "سنه": ("year", 0), "سنوات": ("year", 0),
    "سنتين": ("year", 2), "عام": ("year", 0), "اعوام": ("year", 0), "عامين": ("year", 2), "عاما": ("year", 0),
    "ساعه": ("hour", 0), "ساعات": ("hour", 0), "ساعتين": ("hour", 2), "دقيقه": ("minute", 0),
    "دقائق": ("minute", 0), "دقيقتين": ("minute", 2),
}
_RELATIVE_WORDS = {"اول من امس": -2, "اول امس": -2, "يوم امس": -1, "امس": -1, "البارحه": -1,
                   "بعد غد": 2, "غدا": 1}
_UNITS = "|".join(sorted(_RELATIVE_UNITS, key=len, reverse=True))
_RELATIVE = re.compile(
    rf"{_NOT_AFTER_LETTER}(?:(?P<word>{'|'.join(_RELATIVE_WORDS)})"
    rf"|(?P<ago>منذ|قبل|بعد)\s+(?:(?P<n>\d{{1,3}})\s+)?(?P<unit>{_UNITS})"
    rf"|(?P<n2>\d{{1,3}})\s+(?P<unit2>{_UNITS})\s+(?:مضت|مضي|خلت)){_NOT_BEFORE_LETTER}")


def _relative_date(text: str, reference: str | dt.date | None) -> DateResult | None:
    """The first relative date in ``text`` (see :func:`parse_date`), or None when there is none."""
    if isinstance(reference, dt.datetime):
        reference = reference.date()
    if isinstance(reference, str):
        try:
            reference = dt.date.fromisoformat(reference.strip())
        except ValueError as err:
            raise InputError(f"reference date {reference!r} is not YYYY-MM-DD ({err})") from err
    norm, origin = _fold_with_offsets(text)
    m = _RELATIVE.search(norm)
    if m is None:
        return None
    if m.group("word"):
        unit, count = "day", _RELATIVE_WORDS[m.group("word")]
    else:
        unit, count = _RELATIVE_UNITS[m.group("unit") or m.group("unit2")]
        count = count or int(m.group("n") or m.group("n2") or 1)
        count = count if m.group("ago") == "بعد" else -count
    o_start, o_end = origin[m.start()], origin[m.end() - 1] + 1
    while o_end < len(text) and not text[o_end].isascii() and not fold(text[o_end]):
        o_end += 1  # a tanwin or tatweel that folded away: "غداً"
    span = text[o_start:o_end]
    when = f"{abs(count)} {unit}{'s' if abs(count) != 1 else ''} {'before' if count < 0 else 'after'}"
    if reference is None:
        return DateResult(text=text, date=None, date_text=span, start=o_start, end=o_end, calendar="relative",
                          warnings=[f"relative date ({when} the text was written): give the publication "
                                    "date as the reference to resolve it"])
    if unit in ("hour", "minute"):
        date = reference.isoformat()
    elif unit in ("day", "week"):
        date = (reference + dt.timedelta(days=count * (7 if unit == "week" else 1))).isoformat()
    else:
        months = reference.year * 12 + reference.month - 1 + count * (12 if unit == "year" else 1)
        date = f"{months // 12:04d}-{months % 12 + 1:02d}"
    return DateResult(text=text, date=date, date_text=span, start=o_start, end=o_end, calendar="relative",
                      warnings=[f"relative date: {when} {reference.isoformat()}"])


# --------------------------------------------------------------------------- internals
@dataclass
class _Mention:
    """One date expression in the folded text; ``day``/``year`` None when not written."""

    start: int
    end: int
    calendar: str  # gregorian | hijri
    year: int | None
    month: int
    day: int | None
    warnings: list[str] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    ambiguous: bool = False
    solar_too: bool = False  # a lunar reading that may as well be Solar Hijri: both are candidates

    @property
    def rank(self) -> int:
        if self.year is None:
            return 1
        return 3 if self.day is not None or self.ambiguous else 2


def _resolve_order(grammar: _Grammar, context_lang: str | None, day_first: bool | None, arabic: bool) -> str | None:
    if day_first is not None:
        return "DMY" if day_first else "MDY"
    if context_lang:
        order = grammar.context_orders.get(context_lang)
        if order is None:
            key = context_lang.strip().lower().replace("_", "-")
            prefixes = [p for p in grammar.orders if key == p or key.startswith(p + "-")]
            order = grammar.orders[max(prefixes, key=len)] if prefixes else ""
            grammar.context_orders[context_lang] = order
        if order:
            return order
    return "DMY" if arabic else None


_NUMERIC_SHAPE = re.compile(r"\d\s*([/.\-–])\s*\d{1,2}\s*\1\s*\d")  # 16/12/2023, 2023-12-16, 12.06.2021
# What each shape's pattern cannot match without (issue 20: a line is tried only with the shapes it may hold).
# Each is a necessary condition read off _patterns: a four-digit year (``year``), a time ``12:05``, two digits
# (``dmy2``'s year), a day as digits or as a word (``dm``), a digit (``md``'s day), and for the numeric shapes
# _NUMERIC_SHAPE, which every one of them contains. The shapes of a two-digit year each need that year as they
# write it (session 13, issue 17: they ran on every line with two digits and a month name, and found nothing on
# all the QA benchmark's lines): after an apostrophe (``dmy2q``, ``mdy2q``), after a slash (``mdy2s``), or before
# a closing bracket or the end of the text (``dmy2``).
_NEEDS: dict[str, frozenset[str]] = {shape: frozenset(needs) for shape, needs in {
    "dmy": ("year",), "mdy": ("year",), "my": ("year",), "dtym": ("time", "year"), "dtmy": ("time", "year"),
    "dmy2": ("two_digits", "year2_closing"), "dmy2q": ("two_digits", "year2_quoted"),
    "mdy2q": ("two_digits", "year2_quoted"), "mdy2s": ("two_digits", "year2_slashed"),
    "dm": ("day",), "md": ("digit",),
    "ymd": ("numeric",), "num": ("numeric",), "num2": ("numeric",), "num2dot": ("numeric",),
}.items()}
_CLUES = {"digit": re.compile(r"\d"), "two_digits": re.compile(r"\d\d"), "year": re.compile(r"\d{4}"),
          "time": re.compile(r"\d:\d\d"), "numeric": _NUMERIC_SHAPE,
          "year2_closing": re.compile(r"\d\d(?=\s*(?:\)|\]|\.?\s*\Z))"), "year2_quoted": re.compile(r"['’‘`]\d\d"),
          "year2_slashed": re.compile(r"/\s*\d\d")}


def _mentions(grammar: _Grammar, norm: str, order: str | None, *, persian: bool = False,
              skip: bool = True) -> list[_Mention]:
    """Every mention any pattern finds. With ``skip`` (always, but in the test that checks it changes nothing)
    a calendar's worded patterns run only where one of its month names is written (``month_name``: the name a
    worded mention is read from), a shape only where its ``_NEEDS`` are met, and each behind the lookahead
    of :func:`_gated`; without, every pattern runs as written."""
    found = []
    if skip:
        written = frozenset(calendar for calendar, words in grammar.month_present.items() if words.search(norm))
        clues: frozenset[str] = frozenset()
        if _CLUES["digit"].search(norm):
            clues = frozenset(clue for clue, pattern in _CLUES.items() if pattern.search(norm)) | {"day"}
        elif written and grammar.day_word and grammar.day_word.search(norm):
            clues = frozenset({"day"})
        patterns = _patterns_for(grammar, written, clues)
    else:  # every pattern without its first-character lookahead (_gated)
        patterns = tuple((shape, calendar, re.compile(_UNGATED.get(pattern.pattern, pattern.pattern)))
                         for shape, calendar, pattern in grammar.patterns)
    for shape, calendar, pattern in patterns:
        for m in pattern.finditer(norm):
            mention = (
                _numeric_mention(grammar, m, shape, order, persian=persian)
                if calendar == "numeric"
                else _worded_mention(grammar, m, calendar)
            )
            if mention is not None:
                found.append(mention)
    return found


def _patterns_for(grammar: _Grammar, written: frozenset[str], clues: frozenset[str]
                  ) -> tuple[tuple[str, str, _Lazy], ...]:
    """The patterns worth running on a line with month names of the ``written`` calendars and ``clues``: a
    calendar's worded shapes only where one of its month names is written, a shape only where its ``_NEEDS``
    are met (the numeric shapes need no month name). Chosen once per combination (issue 20)."""
    plan = grammar.plans.get((written, clues))
    if plan is None:
        plan = grammar.plans[(written, clues)] = tuple(
            (shape, calendar, pattern) for shape, calendar, pattern in grammar.patterns
            if (calendar not in grammar.month_present or calendar in written) and _NEEDS[shape] <= clues)
    return plan


def _marker_kind(grammar: _Grammar, suffix: str | None) -> str | None:
    return grammar.markers.get(_key(suffix)) if suffix else None


def _worded_mention(grammar: _Grammar, m: re.Match[str], calendar: str) -> _Mention | None:
    groups = m.groupdict()
    lookup = grammar.months[calendar]
    hits = list(grammar.month_name[calendar].finditer(m.group("mon")))
    months = [lookup[_key(hit.group())] for hit in hits]
    if not months:
        return None
    warnings = []
    if len(set(months)) > 1 and not re.search(r"[/\\(\-–]", m.group("mon")):
        # two months side by side ("مارس وأبريل 2022") are no paired name: only the one next to the year
        if groups.get("day") or groups.get("dayword") or not groups.get("year"):
            return None
        start = m.start("mon") + hits[-1].start()
        return _Mention(start, m.end(), calendar, int(groups["year"]), months[-1], None, [])
    if len(set(months)) > 1:
        warnings.append(f"paired month names disagree ({m.group('mon')}): used the first")
    day = None
    if groups.get("day"):
        day = int(groups["day"])
    elif groups.get("dayword"):
        day = grammar.ordinals[_key(groups["dayword"])]
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("year2"):
        year = int(groups["year2"]) + (2000 if int(groups["year2"]) < 70 else 1900)  # the POSIX pivot, as num2
        warnings.append(f"two-digit year {groups['year2']} read as {year}")
    kind = _marker_kind(grammar, groups.get("suffix"))
    if year is not None:
        if calendar == "gregorian" and kind == "hijri_mark":
            warnings.append("a Gregorian month name with a Hijri year marker: read as Gregorian")
        plausible = _MONTH_YEAR_YEARS if day is None else _GREGORIAN_YEARS
        if calendar == "gregorian" and year not in plausible:
            return None
        if calendar == "solar_hijri" and year not in range(1200, 1500):
            return None
        if calendar == "hijri" and year >= _HIJRI_YEARS.stop:
            warnings.append(f"a Hijri month with the Gregorian year {year}: it covers no single date or month")
            return _Mention(m.start(), m.end(), calendar, None, months[0], day, warnings)
    else:
        warnings.append("no year written: the date is left empty rather than guessed")
    # "5-7 مايو", and the same range in words: "من 5 إلى 7 مايو", "بين 5 و7 مايو", "5 حتى 7 مايو"
    range_start = re.search(r"(?<!\d)(\d{1,2})\s*([-–]|و|[اإأ]ل[ىي]|حت[ىي])\s*\Z",
                            m.string[max(0, m.start() - 10) : m.start()])
    if range_start and range_start.group(2) == "و" and day is not None and int(range_start.group(1)) >= day:
        range_start = None  # "قتل 15 و7 مايو": a count, then the date
    if range_start and day is not None:
        warnings.append(f"a range of days ({range_start.group(1)}-{day}): the date is its last day")
    return _Mention(m.start(), m.end(), calendar, year, months[0], day, warnings)


def _numeric_mention(grammar: _Grammar, m: re.Match[str], shape: str, order: str | None, *,
                     persian: bool = False) -> _Mention | None:
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    kind = _marker_kind(grammar, m.group("suffix"))
    warnings: list[str] = []
    if shape in ("num2", "num2dot"):
        year += 2000 if year < 70 else 1900  # the POSIX pivot; reported, since it is a reading
        warnings.append(f"two-digit year {m.group('year')} read as {year}")
    if kind == "solar_mark" or (kind is None and persian and year in _SOLAR_YEARS):
        month, day = b, a  # Y-M-D, or D/M/Y: the Iranian order is never month first
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        if kind is None:
            warnings.append(f"year {year} in Persian digits read as Solar Hijri")
        return _Mention(m.start(), m.end(), "solar_hijri", year, month, day, warnings)
    if kind is None and year in _SOLAR_YEARS and shape == "ymd":
        # 1393-02-10: the Iranian calendar writes year first, and so may a lunar date; without a marker,
        # Persian digits or a Persian month, both readings stay candidates.
        month, day = b, a
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        warnings.append(f"year {year} is a lunar or a solar Hijri year: no date without a marker (هـ or هـ.ش)")
        return _Mention(m.start(), m.end(), "hijri", year, month, day, warnings, ambiguous=True,
                        solar_too=True)
    if kind == "hijri_mark" or (kind is None and year in _HIJRI_YEARS):
        calendar = "hijri"
        if kind is None:
            warnings.append(f"year {year} read as Hijri")
    else:
        calendar = "gregorian"
        if year not in _GREGORIAN_YEARS:
            return None
    if shape == "ymd" or calendar == "hijri":
        day, month = a, b  # Y/M/D, and Hijri numeric dates are written day first
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return _Mention(m.start(), m.end(), calendar, year, month, day, warnings)
    if (a > 12 and b > 12) or not (1 <= a <= 31 and 1 <= b <= 31):
        return None
    if a > 12 or b > 12:
        day, month = (a, b) if a > 12 else (b, a)
        if order is not None and (order == "DMY") != (a > 12):
            warnings.append(f"{m.group().strip()} can only be read {'day' if a > 12 else 'month'} first")
        return _Mention(m.start(), m.end(), calendar, year, month, day, warnings)
    day_first_iso, month_first_iso = _iso(year, b, a), _iso(year, a, b)
    if order is None and m.group("sep") == "." and shape != "num2dot":
        order = "DMY"  # dotted dates (12.06.2021) are day first wherever they are written; US dates use slashes
        # (not 04.06.15: a two-digit year is also how US sites write 10.24.19, so only the page or caller decides)
    if a == b:
        return _Mention(m.start(), m.end(), calendar, year, b, a, warnings)
    candidates = [day_first_iso, month_first_iso]
    if order is None:
        warnings.append(
            f"{m.group().strip()} is ambiguous: {day_first_iso} (day first) or {month_first_iso} "
            "(month first); pass day_first or context_lang to decide (--day-first, --month-first or "
            "--context-lang on the command line)"
        )
        return _Mention(m.start(), m.end(), calendar, year, b, a, warnings, candidates, ambiguous=True)
    if order == "MDY":
        candidates.reverse()
        return _Mention(m.start(), m.end(), calendar, year, a, b, warnings, candidates)
    return _Mention(m.start(), m.end(), calendar, year, b, a, warnings, candidates)


def _iso(year: int | None, month: int, day: int | None) -> str:
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _select(mentions: list[_Mention]) -> list[_Mention]:
    """Non-overlapping mentions, the most complete and then the longest first, in text order."""
    chosen: list[_Mention] = []  # kept in text order; they never overlap, so only the one before can touch
    starts: list[int] = []
    for mention in sorted(mentions, key=lambda x: (-x.rank, x.start - x.end, x.start)):
        i = bisect_left(starts, mention.end)
        if i and chosen[i - 1].end > mention.start:
            continue  # (a walk over every chosen mention for each one made a long line's dates quadratic, session 11)
        chosen.insert(i, mention)
        starts.insert(i, mention.start)
    return chosen


def _merge(norm: str, mentions: list[_Mention]) -> list[list[_Mention]]:
    """Group a Hijri date with the Gregorian date written next to it."""
    groups: list[list[_Mention]] = []
    for mention in mentions:
        last = groups[-1] if groups else None
        if (
            last is not None
            and len(last) == 1
            and {last[0].calendar, mention.calendar} in ({"gregorian", "hijri"}, {"gregorian", "solar_hijri"})
            and mention.start - last[0].end <= _MERGE_GAP
            and "\n" not in norm[last[0].end : mention.start]
        ):
            last.append(mention)
        else:
            groups.append([mention])
    return groups


def _gregorian_of(mention: _Mention) -> tuple[str | None, str | None, list[str], list[str]]:
    """(date, hijri, warnings, candidates) of one mention."""
    warnings = list(mention.warnings)
    if mention.year is None:
        return None, None, warnings, []
    if mention.calendar == "gregorian":
        if mention.ambiguous:
            return None, None, warnings, list(mention.candidates)
        if mention.day is not None and not _valid(mention.year, mention.month, mention.day):
            warnings.append(f"{_iso(mention.year, mention.month, mention.day)} is not a real date")
            return None, None, warnings, []
        return _iso(mention.year, mention.month, mention.day), None, warnings, list(mention.candidates)
    hijri = _iso(mention.year, mention.month, mention.day)
    if mention.calendar == "solar_hijri":
        return _solar_to_gregorian(mention, warnings), hijri, warnings, []
    date, candidates = _hijri_to_gregorian(mention, warnings)
    if mention.solar_too:
        solar = _solar_to_gregorian(mention, [])
        candidates = [c for c in (date, solar) if c]
        return None, hijri, warnings, candidates
    return date, hijri, warnings, candidates


def _solar_to_gregorian(mention: _Mention, warnings: list[str]) -> str | None:
    """The Gregorian date (or month, when no day is written) of a Solar Hijri mention, by jdatetime."""
    import jdatetime

    assert mention.year is not None
    try:
        if mention.day is not None:
            return jdatetime.date(mention.year, mention.month, mention.day).togregorian().isoformat()
        first = jdatetime.date(mention.year, mention.month, 1).togregorian()
        last = (jdatetime.date(mention.year, mention.month, 1) + jdatetime.timedelta(days=28)).togregorian()
    except ValueError as err:
        warnings.append(f"Solar Hijri date {_iso(mention.year, mention.month, mention.day)} is not valid ({err})")
        return None
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    warnings.append(f"the Solar Hijri month starts on {first}: no single Gregorian month")
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _hijri_to_gregorian(mention: _Mention, warnings: list[str]) -> tuple[str | None, list[str]]:
    assert mention.year is not None
    try:
        if mention.day == 30 and Hijri(mention.year, mention.month, 1).month_length() == 29:
            # A month Umm al-Qura counts 29 days had a 30th where the month began by local sighting (hijridate
            # issue 2): that day is the day after the 29th.
            day = Hijri(mention.year, mention.month, 29).to_gregorian() + dt.timedelta(days=1)
            warnings.append(f"Umm al-Qura counts {mention.year}-{mention.month:02d} 29 days: day 30 is read as "
                            f"the day after the 29th ({day.isoformat()}), as where the month began by sighting")
            return day.isoformat(), []
        if mention.day is not None:
            return Hijri(mention.year, mention.month, mention.day).to_gregorian().isoformat(), []
        first = Hijri(mention.year, mention.month, 1)
        start = first.to_gregorian()
        end = start + dt.timedelta(days=first.month_length() - 1)
    except OverflowError:
        warnings.append(f"Hijri year {mention.year} is outside the Umm al-Qura table (1343-1500 AH): not converted")
        return None, []
    except ValueError as err:
        warnings.append(f"Hijri date {_iso(mention.year, mention.month, mention.day)} is not valid ({err})")
        return None, []
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.year:04d}-{start.month:02d}", []
    months = [f"{d.year:04d}-{d.month:02d}" for d in (start, end)]
    warnings.append(f"the Hijri month runs from {start} to {end}: no single Gregorian month")
    return None, months


def _result(grammar: _Grammar, text: str, norm: str, origin: list[int], group: list[_Mention], *,
            by_caller: bool = False) -> DateResult:
    start, end = group[0].start, group[-1].end
    parts = [_gregorian_of(m) for m in group]
    by_calendar = dict(zip((m.calendar for m in group), zip(group, parts, strict=True), strict=True))
    warnings = [w for part in parts for w in part[2]]
    if len(group) == 2:
        greg_mention, (date, _, _, candidates) = by_calendar["gregorian"]
        hijri_mention, (hijri_date, hijri, _, _) = by_calendar.get("hijri") or by_calendar["solar_hijri"]
        if hijri_mention.rank > greg_mention.rank and hijri_date is not None:
            date = hijri_date
        elif date and hijri_date and len(date) == len(hijri_date) == 10:
            gap = abs((dt.date.fromisoformat(date) - dt.date.fromisoformat(hijri_date)).days)
            if gap > 2:
                warnings.append(f"the Hijri date {hijri} is {hijri_date}, {gap} days from {date}")
        calendar = "both"
        ambiguous = greg_mention.ambiguous
    else:
        date, hijri, _, candidates = parts[0]
        calendar, ambiguous = group[0].calendar, group[0].ambiguous
        year_after = _GREGORIAN_YEAR_AFTER.search(norm, end, end + _MERGE_GAP) if calendar == "hijri" else None
        if date is not None and year_after is not None:
            # "30 ذي القعدة 1433هـ الموافق 15تشرين ... 2012م": the Gregorian date written beside it was not read;
            # the converted Hijri date may be a day off it (sighting), so it is a candidate, not the answer
            warnings.append(f"a Gregorian year ({year_after.group(1)}) follows this Hijri date but its date was "
                            f"not read: {date} is a candidate")
            date, candidates = None, [date]
    ambiguous = ambiguous or (date is None and bool(candidates))
    start, weekday = _weekday(grammar, norm, start)
    if weekday is not None and date is None and ambiguous and len(candidates) == 2 \
            and all(len(c) == 10 for c in candidates):
        # "Friday 4/3/2016": day first is a Friday, month first a Sunday; the weekday written settles the order
        # when it fits one reading only (session 8)
        fits = [c for c in candidates if dt.date.fromisoformat(c).weekday() == weekday]
        if len(fits) == 1:
            date, ambiguous = fits[0], False
            warnings.append(f"read as {date}: the weekday written ({_WEEKDAYS[weekday]}) fits only that reading")
    if weekday is not None and date is not None and len(date) == 10 and not by_caller and calendar == "gregorian" \
            and len(candidates) == 2 and date in candidates and dt.date.fromisoformat(date).weekday() != weekday:
        # "الجمعة 3/4/2016": Arabic text reads day first (a Sunday), but the Friday written is 4 March; the weekday
        # beside the date is the page's own evidence, the script's order only a default (session 8)
        other = next(c for c in candidates if c != date)
        if len(other) == 10 and dt.date.fromisoformat(other).weekday() == weekday:
            warnings.append(f"read as {other}: the weekday written ({_WEEKDAYS[weekday]}) fits only that reading, "
                            f"not the usual order's {date}")
            date = other
    if weekday is not None and date is not None and len(date) == 10:
        actual = dt.date.fromisoformat(date)
        gap = (weekday - actual.weekday() + 3) % 7 - 3  # days from the computed date to the weekday written
        if gap in (-1, 1) and calendar == "hijri":
            # Umm al-Qura is computed; where the month began by sighting (Morocco, Turkey, South Asia) the
            # same Hijri date falls a day earlier or later, and the weekday written says which (hijridate 8, 19)
            shifted = (actual + dt.timedelta(days=gap)).isoformat()
            warnings.append(f"the weekday written ({_WEEKDAYS[weekday]}) puts this Hijri date on {shifted}, "
                            f"a day {'later' if gap > 0 else 'earlier'} than Umm al-Qura's {date}: the month "
                            "began by local sighting")
            date = shifted
        elif gap:
            warnings.append(f"weekday mismatch: the text says {_WEEKDAYS[weekday]} but {date} is a "
                            f"{_WEEKDAYS[actual.weekday()]}")
    role = grammar.role_before.search(norm, max(0, start - 60), start)
    o_start, o_end = origin[start], origin[end - 1] + 1
    while o_end < len(text) and not text[o_end].isascii() and not fold(text[o_end]):
        o_end += 1  # a tatweel or mark that folded away: "هـ"
    return DateResult(
        text=text,
        date=date,
        date_text=text[o_start:o_end],
        start=o_start,
        end=o_end,
        calendar=calendar,
        hijri=hijri,
        ambiguous=ambiguous,
        candidates=candidates,
        warnings=warnings,
        role=grammar.markers.get(_key(role.group("role"))) if role else None,
    )


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _weekday(grammar: _Grammar, norm: str, start: int) -> tuple[int, int | None]:
    """Extend the span over a weekday written before the date; that weekday (0 = Monday) or None."""
    m = grammar.weekday_before.search(norm, max(0, start - 40), start)
    if m is None:
        return start, None
    return m.start(), grammar.weekdays[_key(m.group("weekday"))]


def _completeness(result: DateResult) -> int:
    if result.date is None:
        return 1 if result.ambiguous else 0
    return 3 if len(result.date) == 10 else 2


# --------------------------------------------------------------------------- dateparser fallback
# Languages whose month names we leave to dateparser (our own grammar covers Arabic, English, French).
_FALLBACK_LANGUAGES = ("es", "pt", "it", "de", "tr", "ru", "fa", "he")
_MONTH_KEYS = "january february march april may june july august september october november december".split()


@cache
def _foreign_month_words() -> dict[str, str]:
    """Folded month names (all inflections dateparser knows) -> language, minus names we parse ourselves.

    Kept in the disk cache (:mod:`translator.diskcache`) under dateparser's version, this module's source and
    the data files: building it imports dateparser and eight of its language tables (≈ 0.06 s of start-up,
    issue 20), which a run whose lines hold no foreign month name then never needs."""
    from translator.diskcache import cached, fingerprint, folding_inputs, package_version

    key = fingerprint(f"dateparser {package_version('dateparser')}", Path(__file__), *folding_inputs())
    return cached("foreign-months", key, _build_foreign_month_words)


def _build_foreign_month_words() -> dict[str, str]:
    from importlib import import_module

    ours = {name for names in _grammar().months.values() for name in names}
    words: dict[str, str] = {}
    for lang in _FALLBACK_LANGUAGES:
        info = import_module(f"dateparser.data.date_translation_data.{lang}").info
        for key in _MONTH_KEYS:
            for name in info.get(key, []):
                folded = _fold(name).rstrip(".")
                if len(folded) >= 3 and " " not in folded and _key(folded) not in ours:
                    words.setdefault(folded, lang)
    return words


@cache
def _dateparser(lang: str) -> DateDataParser:
    from dateparser.date import DateDataParser

    # RELATIVE_BASE and REQUIRE_PARTS keep dateparser from completing a date with today's year or month.
    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["month", "year"],
        "RELATIVE_BASE": dt.datetime(2000, 1, 1),
        "PARSERS": ["absolute-time"],
    }
    return DateDataParser(languages=[lang], settings=settings)


def _foreign_months_before_years(norm: str) -> Iterator[tuple[re.Match[str], int, list[re.Match[str]], list[int]]]:
    """Each four-digit year of the folded text ``norm`` with a month name dateparser knows (of another language
    than ours) among the four words before it (within 40 characters): ``(year, offset of the words, the words,
    the indexes of the month names among them)``."""
    if not _FOUR_DIGITS.search(norm):
        return
    words = _foreign_month_words()
    for year in _A_YEAR.finditer(norm):
        offset = max(0, year.start() - 40)
        tokens = list(_NOT_SPACES.finditer(norm[offset : year.start()]))[-4:]
        hits = [i for i, t in enumerate(tokens) if t.group().strip(".,") in words]
        if hits:
            yield year, offset, tokens, hits


_A_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_NOT_SPACES = re.compile(r"\S+")


def _dateparser_fallback(text: str, norm: str, origin: list[int]) -> list[DateResult]:
    """Dates in a language we have no grammar for, found by dateparser around a month name it knows.

    dateparser wants a string that is only a date, so it is given the words from the month name (or a
    number at most two words before it: "4 de abril de 2024", "17 сентября 2023") to the year. ``norm`` and
    ``origin`` are ``_fold_with_offsets(text)``, which find_dates has made already.
    """
    words = _foreign_month_words()
    results = []
    for year, offset, tokens, hits in _foreign_months_before_years(norm):
        lang = words[tokens[hits[0]].group().strip(".,")]
        o_end = origin[year.end() - 1] + 1
        month_at = hits[0]
        day_at = [i for i in (month_at - 2, month_at - 1) if i >= 0 and any(c.isdigit() for c in tokens[i].group())]
        for first in [*day_at[:1], month_at]:
            o_start = origin[offset + tokens[first].start()]
            data = _dateparser(lang).get_date_data(text[o_start:o_end])
            found = data.date_obj
            if found is not None and found.year == int(year.group()) and data.period in ("day", "month"):
                date = found.strftime("%Y-%m-%d" if data.period == "day" else "%Y-%m")
                warnings = [f"parsed by dateparser ({lang})"]
                results.append(
                    DateResult(text, date, text[o_start:o_end], o_start, o_end, "gregorian", warnings=warnings)
                )
                break
    return results

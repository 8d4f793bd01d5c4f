"""One pair of texts checked: numbers, dates, names, then leftovers (issue 17)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from ..errors import InputError
from ..glossary import Glossary
from ..glossary.entry import TermMatch
from ..text.arabic import to_ascii_digits
from .dates import DateMention, compare_dates, read_dates
from .flag import QAFlag
from .leftovers import check_leftovers, is_copy, placeholders
from .names import check_names, dateline_end, target_dateline_end
from .numbers import (
    Quantity,
    _folded,
    bare_year,
    compare_quantities,
    cut_names,
    days_in_words,
    find_quantities,
    halves_in_words,
    holes,
    number_holes,
    years_in_words,
)
from .periods import Period, compare_periods, find_periods

__all__ = ["check", "clear_caches", "default_glossary"]


@cache
def default_glossary() -> Glossary:
    """The shipped glossary and outlet registry, loaded once (what :func:`check` uses by default)."""
    return Glossary.load()


def clear_caches() -> None:
    """Forget the cached readings of sources and texts (what a benchmark of first-time checks needs). What is
    known of single words (which word is a number word: ``numbers._lookup``) is kept, as the glossary's index
    is: a batch knows its common words after its first segments."""
    from ..text import arabic
    from .numbers import _folded, word_runs

    _source_side.cache_clear()
    _source_matches.cache_clear()
    _folded.cache_clear()
    word_runs.cache_clear()
    arabic._RECENT.clear()


def check(source: str, target: str, *, glossary: Glossary | None = None,
          matches: Sequence[TermMatch] | None = None, machine: bool = False) -> list[QAFlag]:
    """Problems between an Arabic ``source`` and its English translation ``target``, in kind order.

    Numbers (digits in any script, separators, percentages, ranges, number and scale words, ordinals),
    dates (across calendars and orders) and periods (quarters, halves, "the first nine months", ranges of
    months: :mod:`translator.qa.periods`), names (the glossary's terms, and a name that took a term's place),
    then leftovers (Arabic left in, a copy of the source, leaked placeholders, unbalanced quotes and
    brackets, length); a target that is a copy of the source or mostly Arabic gets only the
    ``untranslated`` flag. ``glossary``: the terms to check (default: :func:`default_glossary`). ``matches``:
    ``glossary.match(source)`` when the caller has it already (the batch's analysis of a segment, a review
    tool), offsets into ``source``: QA then does not match the source again (a third of a first check).
    ``machine``: the target is a machine translation; names it writes that nothing in the source accounts for
    are flagged too (:mod:`translator.qa.invented`; not for human translations, which add context names). An
    empty list means the pair is clean. An empty target is not checked (nothing was translated; returns ``[]``).

    Raises :class:`~translator.errors.InputError` when ``source`` or ``target`` is not a str.
    """
    for name, value in (("source", source), ("target", target)):
        if not isinstance(value, str):
            raise InputError(f"qa.check expects str texts, got {type(value).__name__} for {name}: pass the text.")
    if not source.strip() or not target.strip():
        return []
    if is_copy(source, target):  # nothing was translated: the other checks would only repeat that
        return check_leftovers(source, target)
    glossary = glossary if glossary is not None else default_glossary()
    source_quantities, source_dates, source_periods, source_years, source_days, source_halves = _source_side(source)
    matches = list(matches) if matches is not None else _source_matches(source, glossary)
    target_periods = find_periods(*_folded(target), target)
    target_dates, target_spans = read_dates(target)
    period_spans = [(p.start, p.end) for p in target_periods]
    target_holes = holes(target)
    flags = compare_quantities(source_quantities,
                               _outside(find_quantities(target), target_spans + placeholders(target) + period_spans),
                               source_years_in_words=source_years, target_years_in_words=years_in_words(target),
                               source_days_in_words=source_days, target_days_in_words=days_in_words(target),
                               target_cut_names=cut_names(target), target_holes=target_holes,
                               apposed_may_go=not bare_year(target), source_halves_in_words=source_halves,
                               target_halves_in_words=halves_in_words(target))
    if not target_holes:  # a hole ("the second quarter of compared to") is where a year was dropped
        flags = [f for f in flags if not _year_said(f, source, target)]
    missing = sum(f.target_start is None for f in flags)  # a hole a missing source number explains says no more
    flags += [QAFlag("number", f"a number is missing from the target: {target[a:b]!r}", target_start=a, target_end=b)
              for a, b in number_holes(target)[missing:]]
    target_dates = _not_in(target_dates, period_spans)
    date_flags = compare_dates(source_dates, target_dates, target, source_text=source,
                               lead_end=target_dateline_end(target),
                               period_ends=frozenset(m for p in target_periods if p.first for m in (p.first, p.last))
                               ) if source_dates or target_dates else []  # no date on either side: nothing to compare
    dateline = dateline_end(source, matches) if date_flags else None
    if dateline is not None:  # a dateline's date (عمان 26 تشرين الثاني (بترا) -) may be left out, not changed
        date_flags = [f for f in date_flags if not (f.target_start is None and f.source_end is not None
                                                     and f.source_end <= dateline)]
    flags += date_flags
    flags += compare_periods(source_periods, target_periods)
    flags += check_names(source, target, glossary, matches)
    if machine:
        from .invented import invented_names

        named = [(f.target_start, f.target_end) for f in flags if f.kind == "name" and f.target_start is not None]
        flags += [f for f in invented_names(source, target, glossary, matches)  # one flag per name written
                  if not any(a < f.target_end and f.target_start < b for a, b in named)]  # type: ignore[operator]
    flags += check_leftovers(source, target)
    return flags


@lru_cache(maxsize=2048)
def _source_matches(source: str, glossary: Glossary) -> list[TermMatch]:
    """``glossary.match(source)``, cached as :func:`_source_side` is."""
    return glossary.match(source)


@lru_cache(maxsize=2048)
def _source_side(source: str) -> tuple[list[Quantity], list[DateMention], list[Period], int, int, int]:
    """What the checks read in the source: its quantities outside dates and periods, its dates outside periods,
    its periods, its years, days and half-years in words. Cached: a source is checked again after each edit of its
    translation (review rounds, several candidate translations), and its reading does not change."""
    periods = find_periods(*_folded(source), source)
    period_spans = [(p.start, p.end) for p in periods]
    dates, spans = read_dates(source)
    quantities = _outside(find_quantities(source), spans + placeholders(source) + period_spans)
    return (quantities, _not_in(dates, period_spans), periods, years_in_words(source), days_in_words(source),
            halves_in_words(source))


def _not_in(dates: list[DateMention], spans: list[tuple[int, int]]) -> list[DateMention]:
    """The dates that are not part of a period (a month inside "January-September 2023" is the period's)."""
    if not spans:
        return list(dates)
    return [d for d in dates if not any(d.start < end and start < d.end for start, end in spans)]


def _outside(quantities: list[Quantity], spans: list[tuple[int, int]]) -> list[Quantity]:
    """The quantities that are not part of a date (dates are compared as dates)."""
    if not spans:
        return list(quantities)
    return [q for q in quantities if not any(q.start < end and start < q.end for start, end in spans)]


_YEAR_SAID = re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d|2100)(?![\d.,]?\d)")


def _year_said(flag: QAFlag, source: str, target: str) -> bool:
    """True for a "missing" flag on a bare year (1800-2100, ``من عام 2023``) that the target writes anyway, as a
    number or inside a date ("the same period of 2023", "October 2024"): a year the source says again need not
    be said again, and a date with that year renders it (issue 17, sixth session). Not asked when the target
    shows a hole where a number was left out (see :func:`check`)."""
    if flag.kind != "number" or flag.target_start is not None or flag.source_start is None:
        return False
    said = _YEAR_SAID.fullmatch(to_ascii_digits(source[flag.source_start:flag.source_end]).strip())
    return said is not None and said.group(1) in {m.group(1) for m in _YEAR_SAID.finditer(to_ascii_digits(target))}

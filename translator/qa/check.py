"""One pair of texts checked: numbers, dates, names, then leftovers (issue 17)."""

from __future__ import annotations

from functools import cache, lru_cache

from ..errors import InputError
from ..glossary import Glossary
from ..glossary.entry import TermMatch
from .dates import DateMention, compare_dates, read_dates
from .flag import QAFlag
from .leftovers import check_leftovers, is_copy, placeholders
from .names import check_names
from .numbers import Quantity, compare_quantities, find_quantities, years_in_words

__all__ = ["check", "clear_caches", "default_glossary"]


@cache
def default_glossary() -> Glossary:
    """The shipped glossary and outlet registry, loaded once (what :func:`check` uses by default)."""
    return Glossary.load()


def clear_caches() -> None:
    """Forget the cached readings of sources and texts (what a benchmark of first-time checks needs)."""
    from .numbers import _folded

    _source_side.cache_clear()
    _folded.cache_clear()


def check(source: str, target: str, *, glossary: Glossary | None = None) -> list[QAFlag]:
    """Problems between an Arabic ``source`` and its English translation ``target``, in kind order.

    Numbers (digits in any script, separators, percentages, ranges, number and scale words, ordinals),
    dates (across calendars and orders), names (the glossary's terms, and a name that took a term's place),
    then leftovers (Arabic left in, a copy of the source, leaked placeholders, unbalanced quotes and
    brackets, length); a target that is a copy of the source or mostly Arabic gets only the
    ``untranslated`` flag. ``glossary``: the terms to check (default: :func:`default_glossary`). An empty list
    means the pair is clean. An empty target is not checked (nothing was translated; returns ``[]``).

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
    source_quantities, source_dates, source_years, matches = _source_side(source, glossary)
    target_dates, target_spans = read_dates(target)
    flags = compare_quantities(source_quantities,
                               _outside(find_quantities(target), target_spans + placeholders(target)),
                               source_years_in_words=source_years,
                               target_years_in_words=years_in_words(target))
    flags += compare_dates(source_dates, target_dates, target)
    flags += check_names(source, target, glossary, matches)
    flags += check_leftovers(source, target)
    return flags


@lru_cache(maxsize=2048)
def _source_side(source: str, glossary: Glossary) -> tuple[list[Quantity], list[DateMention], int, list[TermMatch]]:
    """What the checks read in the source: its quantities outside dates, its dates, its years in words and its
    glossary matches. Cached: a source is checked again after each edit of its translation (review rounds,
    several candidate translations), and its reading does not change."""
    dates, spans = read_dates(source)
    quantities = _outside(find_quantities(source), spans + placeholders(source))
    return quantities, dates, years_in_words(source), glossary.match(source)


def _outside(quantities: list[Quantity], spans: list[tuple[int, int]]) -> list[Quantity]:
    """The quantities that are not part of a date (dates are compared as dates)."""
    return [q for q in quantities if not any(q.start < end and start < q.end for start, end in spans)]

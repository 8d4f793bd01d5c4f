"""One pair of texts checked: numbers, dates, names, then leftovers (issue 17)."""

from __future__ import annotations

from functools import cache

from ..errors import InputError
from ..glossary import Glossary
from .dates import compare_dates, read_dates
from .flag import QAFlag
from .leftovers import check_leftovers, is_copy, placeholders
from .names import check_names
from .numbers import Quantity, compare_quantities, find_quantities, years_in_words

__all__ = ["check", "default_glossary"]


@cache
def default_glossary() -> Glossary:
    """The shipped glossary and outlet registry, loaded once (what :func:`check` uses by default)."""
    return Glossary.load()


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
    source_dates, source_spans = read_dates(source)
    target_dates, target_spans = read_dates(target)
    flags = compare_quantities(_outside(find_quantities(source), source_spans + placeholders(source)),
                               _outside(find_quantities(target), target_spans + placeholders(target)),
                               source_years_in_words=years_in_words(source),
                               target_years_in_words=years_in_words(target))
    flags += compare_dates(source_dates, target_dates)
    flags += check_names(source, target, glossary if glossary is not None else default_glossary())
    flags += check_leftovers(source, target)
    return flags


def _outside(quantities: list[Quantity], spans: list[tuple[int, int]]) -> list[Quantity]:
    """The quantities that are not part of a date (dates are compared as dates)."""
    return [q for q in quantities if not any(q.start < end and start < q.end for start, end in spans)]

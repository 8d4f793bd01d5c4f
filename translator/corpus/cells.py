"""Spreadsheet cells: text a spreadsheet would run as a formula, neutralized for the CSV tables and given back
when they are read (new-user finding 17). No imports, so every reader of a CSV table can use it."""

from __future__ import annotations

__all__ = ["FORMULA_START", "spreadsheet_safe", "spreadsheet_unsafe"]

# A cell a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @, and tab or carriage return.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """``value`` as a spreadsheet shows it and never runs it: text that starts like a formula gets a leading
    apostrophe (OWASP's advice for CSV; Excel and LibreOffice hide it), numbers and other values are kept.
    ``=== عاجل ===`` becomes ``'=== عاجل ===``: still readable, never evaluated. Parquet keeps the text as is.
    Text that already starts with apostrophes before such a character gets one more, so
    :func:`spreadsheet_unsafe` (which :func:`read_table` applies) gives every text back exactly.
    """
    if isinstance(value, str) and value.lstrip("'").startswith(FORMULA_START):
        return "'" + value
    return value


def spreadsheet_unsafe(value: object) -> object:
    """The text :func:`spreadsheet_safe` was given: the one apostrophe it added is removed
    (``'=HYPERLINK(…)`` → ``=HYPERLINK(…)``, ``'-5% …`` → ``-5% …``); other values unchanged."""
    if isinstance(value, str) and value.startswith("'") and value.lstrip("'").startswith(FORMULA_START):
        return value[1:]
    return value



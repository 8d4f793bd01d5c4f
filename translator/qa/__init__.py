"""Translation QA: numbers, dates, names and leftovers checked between the Arabic and the English (issue 17).

``check(source, target)`` returns a list of :class:`QAFlag` (empty when the pair is clean). The checks
build on the project's own pieces: the Arabic fold and clitics (``translator.text.arabic``), the date
reader (``translator.dates``), the glossary matcher and its term verification (``translator.glossary``);
periods of a year (quarters, halves, ranges of months) are read by :mod:`translator.qa.periods`.
"""

from .check import check, clear_caches, default_glossary
from .flag import KINDS, QAFlag, shift_flag

__all__ = ["KINDS", "QAFlag", "check", "clear_caches", "default_glossary", "shift_flag"]

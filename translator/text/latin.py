"""Latin-script text for matching: the one lenient fold (no accents, no case), used wherever Latin names,
month names or translations are compared loosely (outlet keys, date words, term checks in translations).

The fold is Unicode's: compatibility decomposition (NFKD), combining marks dropped, then case folding
(``str.casefold``, so ``ß`` compares as ``ss``). Nothing here changes what a reader sees.
"""

from __future__ import annotations

import unicodedata
from functools import cache

__all__ = ["fold_latin", "strip_accents"]


def strip_accents(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks: ``Février`` → ``Fevrier``, ``ﬁ`` → ``fi``."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@cache
def _fold_char(char: str) -> str:
    return strip_accents(char).casefold()


def fold_latin(text: str) -> str:
    """The lenient comparison form of Latin text: no accents, case folded (``Al-Qudüs`` → ``al-qudus``).

    One character may give none or several (``ß`` → ``ss``); use :func:`translator.text.arabic.fold_for_matching`
    when offsets back to the original are needed (it applies this fold to every non-Arabic letter).
    """
    return text.casefold() if text.isascii() else "".join(map(_fold_char, text))

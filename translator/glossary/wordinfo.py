"""What the name, village and Turkish-place finders share about a segment's words (issue 16): where the
generated gazetteer lives, the frequencies of common Arabic words, and one folding of a segment.

Kept apart from :mod:`.gazetteer` and :mod:`.names` so that each can use them without importing the other.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from ..config import glossary_dirs
from ..text.arabic import FOLD_CACHE_MAX_CHARS, normalize_for_matching, tokens

__all__ = ["common_zipf", "default_gazetteer_path", "prepared"]


def default_gazetteer_path() -> Path | None:
    """``gazetteer/places.tsv`` in the shipped glossary folder, or None when it is not there."""
    for folder in glossary_dirs():
        path = folder / "gazetteer" / "places.tsv"
        if path.is_file():
            return path
    return None


@cache
def _common_words() -> dict[str, float]:
    """Word frequencies by matching form (``glossary/gazetteer/common_words.tsv``, generated with the gazetteer
    from wordfreq: looking folded forms up in wordfreq itself would miss عائلات written عاىلات)."""
    path = default_gazetteer_path()
    if path is None:
        return {}
    rows = (line.split("\t") for line in (path.parent / "common_words.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#"))
    next(rows, None)  # header
    return {word: float(zipf) for word, zipf in rows}


def common_zipf(word: str) -> float:
    """A word's frequency (zipf) by its matching form, 0 for a word under 3.5 (rare words, most name parts)."""
    return _common_words().get(word, 0.0)




def prepared(text: str) -> tuple[str, list[int], list[tuple[int, int, str]]]:
    """(matching form, offsets into ``text``, words) of a text, worked out once for the matcher and the name,
    village and transliteration finders that look at the same segment (the result is shared: do not change it).
    Texts over ``FOLD_CACHE_MAX_CHARS`` characters are not cached: 64 of them would hold their offset lists (≈ 36 bytes
    a character) for nothing."""
    return _prepared(text) if len(text) <= FOLD_CACHE_MAX_CHARS else _prepare(text)


@lru_cache(maxsize=64)
def _prepared(text: str) -> tuple[str, list[int], list[tuple[int, int, str]]]:
    return _prepare(text)


def _prepare(text: str) -> tuple[str, list[int], list[tuple[int, int, str]]]:
    normalized, offsets = normalize_for_matching(text)
    return normalized, offsets, tokens(normalized)

"""Prepare Arabic text for a translation model, without touching the stored original.

Unicode NFKC folds Arabic presentation forms (the glyph-shaped code points some PDFs and old sites emit) into
plain letters; the characters listed in ``translator/data/mt_characters.tsv`` (tatweel, bidi controls,
zero-width marks) are then removed or replaced, and runs of spaces collapsed.
Line breaks are kept: they separate paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from translator.datafiles import data_path, read_tsv

__all__ = ["TABLE", "memory_key_text", "normalize_for_mt"]

TABLE = data_path("mt_characters.tsv")  # its schema: datafiles.SCHEMAS (a bad row is a DataFileError)
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r" *\n *")


@lru_cache(maxsize=1)
def _translation_table() -> dict[int, str | None]:
    return {int(row["codepoint"].strip()[2:], 16): row["replacement"] or None for row in read_tsv(TABLE)}


def normalize_for_mt(text: str) -> str:
    """The text a model should see: NFKC, listed characters removed, spaces collapsed, lines trimmed."""
    text = unicodedata.normalize("NFKC", text).translate(_translation_table())
    text = _SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _BLANK_LINES.sub("\n", text).strip()


def memory_key_text(text: str) -> str:
    """The form under which a source is stored in translation memory (normalized, one line)."""
    return " ".join(normalize_for_mt(text).split())

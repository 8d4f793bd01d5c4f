"""The words that carry structure in citation lines, read from ``translator/data/citation_cues.tsv``.

Citation parsing and outlet lookup need small word lists (Arabic-article transliterations, type nouns such
as "daily", reporting verbs, image-credit labels, nationality adjectives).  They are language knowledge, so
they live in a data file a translator can extend; this module only reads it and builds regexes from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from translator.datafiles import CITATION_CUE_ROLES, read_tsv
from translator.errors import CitationError, TranslatorError

__all__ = ["CUES_PATH", "ROLES", "Cues", "cues"]

CUES_PATH = Path(__file__).resolve().parent.parent / "data" / "citation_cues.tsv"
ROLES = CITATION_CUE_ROLES  # declared with the file's schema in translator.datafiles


@dataclass(frozen=True, eq=False)
class Cues:
    """Every cue of the data file, grouped by role; ``values`` maps (role, lowercased cue) to its value."""

    by_role: dict[str, tuple[str, ...]]
    values: dict[tuple[str, str], str]

    def words(self, role: str) -> tuple[str, ...]:
        """The cues of ``role``, longest first (so that alternations prefer "news agency" to "agency")."""
        return self.by_role.get(role, ())

    def lower_set(self, role: str) -> frozenset[str]:
        return _lower_set(self, role)

    def value(self, role: str, cue: str) -> str | None:
        return self.values.get((role, cue.lower()))

    def pattern(self, role: str) -> str:
        """A regex alternation of the role's cues, whitespace-tolerant, longest first (no anchors)."""
        return _pattern(self, role)


@cache
def _pattern(table: Cues, role: str) -> str:  # built once per role: the parser asks for it thousands of times
    parts = [r"\s+".join(re.escape(p) for p in w.split()) for w in table.words(role)]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@cache
def _lower_set(table: Cues, role: str) -> frozenset[str]:
    return frozenset(w.lower() for w in table.words(role))


@cache
def cues(path: Path = CUES_PATH) -> Cues:
    """Load the cue table (cached); raise CitationError with the fix when it is unreadable or malformed."""
    try:
        rows = read_tsv(path)
    except TranslatorError as exc:
        raise CitationError(str(exc)) from exc.__cause__
    grouped: dict[str, list[str]] = {}
    values: dict[tuple[str, str], str] = {}
    for number, row in enumerate(rows, start=2):
        role, cue = (row.get("role") or "").strip(), (row.get("cue") or "").strip()
        if role not in ROLES or not cue:
            raise CitationError(f"{path}: row {number} has role {role!r} and cue {cue!r}; the role must be "
                                f"one of {sorted(ROLES)} and the cue non-empty. Fix the row.")
        grouped.setdefault(role, []).append(cue)
        if (row.get("value") or "").strip():
            values[(role, cue.lower())] = row["value"].strip()
    by_role = {role: tuple(sorted(dict.fromkeys(ws), key=len, reverse=True)) for role, ws in grouped.items()}
    return Cues(by_role=by_role, values=values)

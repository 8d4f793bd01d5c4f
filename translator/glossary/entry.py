"""The plain data of a glossary: entries, the problems found while reading them, and term matches."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["FLAGS", "TYPES", "GlossaryEntry", "GlossaryProblem", "SpanIndex", "TermMatch"]

TYPES = ("person", "place", "org", "outlet", "term")
# Flags a glossary row may carry (column ``flags``, ``|``-separated).
#   no-enforce: report the term when matched but do not require it in translations (ambiguous words such as
#               مالي, "Mali" or "financial").
#   quoted:     the name is also an ordinary word (outlet الوطن, "the homeland"): match it only inside quotes
#               or brackets, or after a word such as صحيفة/قناة/وكالة (translator/data/outlet_words.tsv).
FLAGS = ("no-enforce", "quoted")
# Layers of the term base, highest first (issue 16): the user's glossary files, the shipped domain glossary
# (with the outlet registry), names composed from a head and a complement (ministries, ministers, news
# agencies: glossary/compose.py), the generated gazetteer, and names no list knows, romanized by rule (never
# presented as a glossary rendering, never enforced).
LAYERS = ("user", "glossary", "composed", "gazetteer", "romanized")


@dataclass(frozen=True)
class GlossaryEntry:
    """One glossary row: an Arabic ``source`` (plus spelling ``variants``) and its English ``target``.

    ``target_variants`` are other English renderings a translation may use and still count as right
    (``Algiers`` for الجزائر, ``Erdogan`` for ``Erdoğan``); ``banned`` are known wrong renderings that
    enforcement keeps out of translations. ``file`` and ``line`` say where the row came from.
    """

    source: str
    target: str
    type: str = "term"
    variants: tuple[str, ...] = ()
    note: str = ""
    target_variants: tuple[str, ...] = ()
    file: str = ""
    line: int = 0
    flags: tuple[str, ...] = ()
    banned: tuple[str, ...] = ()
    layer: str = "glossary"

    @property
    def enforce(self) -> bool:
        """Whether a translation must hold this term's target (never for a romanized guess)."""
        return "no-enforce" not in self.flags and self.layer != "romanized"

    @property
    def targets(self) -> tuple[str, ...]:
        """The glossary target first, then the accepted target variants."""
        return (self.target, *self.target_variants)

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "target": self.target, "type": self.type,
                "variants": list(self.variants), "note": self.note,
                "target_variants": list(self.target_variants), "flags": list(self.flags),
                "banned": list(self.banned), "file": self.file, "line": self.line, "layer": self.layer}


@dataclass(frozen=True)
class GlossaryProblem:
    """Something wrong in a glossary file. ``severity`` ``error``: the row was skipped; ``warning``: kept."""

    path: str
    line: int
    kind: str
    message: str
    severity: str = "error"

    #: The most of a message kept: it may quote the bad value, and a bad value can be megabytes long.
    MAX_MESSAGE = 240

    def __post_init__(self) -> None:
        if len(self.message) > self.MAX_MESSAGE:
            cut = len(self.message) - self.MAX_MESSAGE
            object.__setattr__(self, "message", f"{self.message[:self.MAX_MESSAGE]}… ({cut:,} more characters)")

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.kind}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "kind": self.kind, "message": self.message,
                "severity": self.severity}


@dataclass(frozen=True)
class TermMatch:
    """A glossary term found in a text: ``surface == text[start:end]``.

    The span covers the term as written, without the proclitic letters in front of it (``وغانا`` → span
    ``غانا``, ``clitic`` ``و``). ``source``/``target``/``type`` come from the glossary entry; ``layer`` says
    which layer of the term base (``entry.LAYERS``) it came from. ``candidates`` lists the English forms of an
    ambiguous gazetteer match (``target`` is then only the likeliest, and the match is not enforced).
    """

    start: int
    end: int
    surface: str
    source: str
    target: str
    type: str
    clitic: str = ""
    entry: GlossaryEntry | None = field(default=None, compare=False, repr=False)
    layer: str = "glossary"
    candidates: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        """True when the match could be several places (see ``candidates``)."""
        return len(self.candidates) > 1

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "surface": self.surface, "source": self.source,
                "target": self.target, "type": self.type, "clitic": self.clitic, "layer": self.layer,
                "candidates": list(self.candidates)}


class SpanIndex:
    """Spans ``(start, end)`` (character offsets, end exclusive) asked "does any of you overlap ``[lo, hi)``?" in
    O(log n): sorted by start, with the furthest end reached so far. It replaces a walk over every span for every
    question, which made matching a long text grow with the square of its matches (session 11)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether some span has ``start < hi`` and ``end > lo``."""
        i = bisect_left(self._starts, hi)
        return i > 0 and self._reach[i - 1] > lo

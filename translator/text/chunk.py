"""Cut a sentence that is too long for a model into pieces under a token limit, losing nothing.

Pieces end at clause punctuation (Arabic comma, semicolon, colon, and their Latin forms) when possible, else
between words; neighbouring clauses are packed together while they fit. Each piece carries the ``joiner`` to
put after its translation, so the translations reassemble into one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["CLAUSE_JOINERS", "Chunk", "chunk"]

# clause mark -> what follows its translation (the mark itself is not sent to the model)
CLAUSE_JOINERS = {"،": ", ", "؛": "; ", ",": ", ", ";": "; ", ":": ": "}
_CLAUSE_END = re.compile(r"\s*([،؛,;:])\s+")


@dataclass(frozen=True)
class Chunk:
    """A part of a sentence sent to the model on its own; ``joiner`` goes after its translation."""

    text: str
    joiner: str = ""


def chunk(text: str, limit: int, count: Callable[[str], int]) -> list[Chunk]:
    """Split ``text`` into pieces whose ``count`` is at most ``limit`` (the whole text if it fits).

    ``count`` is the model's token counter. A single word longer than the limit is cut by characters:
    the model then sees a fragment, but nothing is dropped.

    Raises ``ValueError`` when ``limit`` is below 1.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if count(text) <= limit:
        return [Chunk(text)]
    parts: list[_Part] = []
    for clause, mark, joiner in _clauses(text):
        parts.extend(_fit(clause, mark, joiner, limit, count))
    return [Chunk(p.text, p.joiner) for p in _pack(parts, limit, count)]


@dataclass(frozen=True)
class _Part:
    text: str
    mark: str  # the source text that followed it ("، ", " ", "")
    joiner: str  # what follows its translation


def _clauses(text: str) -> list[tuple[str, str, str]]:
    out, start = [], 0
    for m in _CLAUSE_END.finditer(text):
        if text[start:m.start()].strip():
            out.append((text[start:m.start()].strip(), m.group(1) + " ", CLAUSE_JOINERS[m.group(1)]))
            start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append((tail, "", ""))
    elif out:  # a trailing clause mark with nothing after it
        clause, mark, joiner = out[-1]
        out[-1] = (clause, mark.rstrip(), joiner.rstrip())
    return out


def _fit(clause: str, mark: str, joiner: str, limit: int, count: Callable[[str], int]) -> list[_Part]:
    if count(clause) <= limit:
        return [_Part(clause, mark, joiner)]
    parts: list[_Part] = []
    for word in clause.split():
        if count(word) <= limit:
            parts.append(_Part(word, " ", " "))
        else:
            fragments = _cut_word(word, limit, count)
            parts.extend(_Part(f, "", "") for f in fragments[:-1])
            parts.append(_Part(fragments[-1], " ", " "))
    last = parts[-1]
    parts[-1] = _Part(last.text, mark, joiner)
    return parts


def _cut_word(word: str, limit: int, count: Callable[[str], int]) -> list[str]:
    parts, current = [], ""
    for char in word:
        if current and count(current + char) > limit:
            parts.append(current)
            current = ""
        current += char
    return [*parts, current] if current else parts


def _pack(parts: list[_Part], limit: int, count: Callable[[str], int]) -> list[_Part]:
    """Merge neighbours while the merged source still fits (fewer, more natural pieces)."""
    packed: list[_Part] = []
    for part in parts:
        if packed:
            last = packed[-1]
            merged = f"{last.text}{last.mark}{part.text}"
            if count(merged) <= limit:
                packed[-1] = _Part(merged, part.mark, part.joiner)
                continue
        packed.append(part)
    return packed


Piece = Chunk  # old name: "Piece" now means only a piece of a document (translator.citations.blocks)

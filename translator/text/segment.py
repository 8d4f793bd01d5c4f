"""Split text into paragraphs and sentences, keeping character offsets into the original.

Offsets matter: the segments table points back into the document so that a reader can find each
segment (and each glossary term) where it stood.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Span", "lines", "sentences"]


@dataclass(frozen=True)
class Span:
    """A piece of a text: ``text == original[start:end]``."""

    start: int
    end: int
    text: str


_LINE = re.compile(r"[^\r\n]+")
# A sentence ends at . ! ? ؟ … (or a run of them), followed by closing quotes/brackets that belong to it,
# then whitespace. Arabic full stop U+06D4 too.
_SENTENCE_END = re.compile(r"[.!?؟…۔]+[\"'”’»)\]]*(?=\s)")
# Tokens before a full stop that do not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt maj sgt st jr sr no vs etc e.g i.e u.s u.k u.n inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def lines(text: str) -> list[Span]:
    """Non-blank lines, stripped of surrounding whitespace, with offsets."""
    spans = []
    for m in _LINE.finditer(text):
        span = _strip(text, m.start(), m.end())
        if span is not None:
            spans.append(span)
    return spans


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` (line breaks always end a sentence), offsets into ``text``."""
    end = len(text) if end is None else end
    out: list[Span] = []
    for line in lines(text[start:end]):
        out.extend(_split_line(text, start + line.start, start + line.end))
    return out


def _split_line(text: str, start: int, end: int) -> Iterator[Span]:
    cut = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group().startswith(".") and _is_abbreviation(text, cut, m.start()):
            continue
        span = _strip(text, cut, m.end())
        if span is not None:
            yield span
        cut = m.end()
    span = _strip(text, cut, end)
    if span is not None:
        yield span


def _is_abbreviation(text: str, line_start: int, dot: int) -> bool:
    word = re.search(r"(\S+)$", text[line_start:dot])
    if not word:
        return False
    token = word.group(1).lower().lstrip("(\"'“‘«")
    # single letters ("J. Smith") and known abbreviations do not end sentences
    return (len(token) == 1 and token.isalpha()) or token in _ABBREVIATIONS


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return Span(start, end, text[start:end])

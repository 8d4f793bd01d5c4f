"""Cut a document into the pieces a citation can occupy, with offsets into the document.

Real citations do not keep to one line: an Arabic headline and its English rendering are split by a blank
line, a digest entry is a title line + a date line + a "by ... for ..." line, a wrapped headline continues
on the next line, and image credits come as a block of labelled lines.  This module only decides where
pieces start and end; the forms module reads them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from translator.citations.cues import cues
from translator.citations.quotes import QUOTE_CHARS
from translator.dates import parse_date
from translator.text.arabic import is_arabic

__all__ = ["Piece", "is_by_line", "is_date_line", "is_image_line", "pieces"]

_LINE = re.compile(r"[^\n]*")
_BULLET = re.compile(r"^[ \t]*(?:[-–—―•*▪‣·]{1,2}|\d{1,3}[.)])[ \t]*(?=\S)")
_YEAR_OR_URL = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|https?://|www\.")
_MAX_HEADLINE = 300
_MAX_DATE_LINE = 60
_MAX_TITLE_WORDS = 15


@dataclass(frozen=True)
class Piece:
    """``text[start:end]``, and what the block finder already knows about it (``image_credit``,
    ``byline`` or None)."""

    start: int
    end: int
    hint: str | None = None


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def pieces(text: str) -> list[Piece]:
    """The candidate pieces of ``text`` in document order (every non-blank line belongs to one piece)."""
    found: list[Piece] = []
    for paragraph in _paragraphs(text):
        for item in _items(paragraph):
            _add(found, item, text)
    return found


def _paragraphs(text: str) -> list[list[_Line]]:
    paragraphs: list[list[_Line]] = [[]]
    for m in _LINE.finditer(text):
        if m.start() > 0 and m.start() == m.end() and text[m.start() - 1:m.start()] != "\n":
            continue  # the empty match after the last line's end
        line = _Line(m.start(), m.end(), m.group().rstrip("\r"))
        if line.blank:
            if paragraphs[-1]:
                paragraphs.append([])
        else:
            paragraphs[-1].append(line)
    return [p for p in paragraphs if p]


def _items(paragraph: list[_Line]) -> list[list[_Line]]:
    """Split a paragraph where a new entry starts: a bullet, a label line, a by-line, or a list of citations."""
    starts = [i for i, line in enumerate(paragraph)
              if i == 0 or _BULLET.match(line.text) or is_image_line(line.text) or is_by_line(line.text)
              or (i + 1 < len(paragraph) and is_by_line(paragraph[i + 1].text) and is_date_line(line.text))
              or (i > 0 and is_by_line(paragraph[i - 1].text))]
    if len(starts) == 1 and _is_citation_list(paragraph):
        starts = [i for i, line in enumerate(paragraph) if i == 0 or _starts_citation(line.text)]
    bounds = [*starts, len(paragraph)]
    return [paragraph[a:b] for a, b in itertools.pairwise(bounds)]


def _add(found: list[Piece], lines: list[_Line], text: str) -> None:
    """Append the item, merging it with the pieces before it where the structure says they belong together."""
    start, end = lines[0].start, lines[-1].end
    first = lines[0].text
    prev = found[-1] if found else None
    prev_text = text[prev.start:prev.end] if prev else ""
    if is_image_line(first):
        if prev is not None and prev.hint == "image_credit":
            found[-1] = Piece(prev.start, end, "image_credit")
        else:
            found.append(Piece(start, end, "image_credit"))
        return
    if prev is not None and prev.hint is None and _starts_with_paren(first) and _is_arabic_headline(prev_text):
        found[-1] = Piece(prev.start, end, "bilingual")  # Arabic headline, blank line, "(English headline),” ..."
        return
    if is_by_line(first):
        merged_start = start
        if prev is not None and prev.hint == "date" and "\n" not in prev_text.strip():
            found.pop()
            merged_start = prev.start
            before = found[-1] if found else None
            if before is not None and before.hint is None and _is_title_line(text[before.start:before.end]):
                found.pop()
                merged_start = before.start
        found.append(Piece(merged_start, end, "byline"))
        return
    found.append(Piece(start, end, "date" if len(lines) == 1 and is_date_line(first) else None))


# --------------------------------------------------------------------------- line tests
@cache
def _image_label() -> re.Pattern[str]:
    c = cues()
    return re.compile(r"^\s*(?:" + c.pattern("image_label") + r")\s*[:：]"
                      r"|^\s*(?:" + c.pattern("source_label") + r")\s*[:：]\s*(?:" + c.pattern("image_credit_cue")
                      + r")", re.IGNORECASE)


def is_image_line(line: str) -> bool:
    """``Image: ...``, ``Attribution: ...``, ``Source: Photo by ...``: a line of an image-credit block."""
    return bool(_image_label().match(line))


_BY_LINE = re.compile(r"^\s*by\s+\S.{0,200}$", re.IGNORECASE)


def is_by_line(line: str) -> bool:
    """A digest by-line: ``by Author for Outlet (description)`` or ``by Outlet (description)``."""
    stripped = line.strip()
    if not _BY_LINE.match(stripped):
        return False
    return bool(re.search(r"\s(?:for|FOR|For)\s", stripped) or re.search(r"\([^()]+\)\s*[.,]?$", stripped))


def is_date_line(line: str) -> bool:
    """A line that is only a date (``Monday October 30th, 2017``), as in digests."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_DATE_LINE or not re.search(r"\d", stripped):
        return False
    result = parse_date(stripped, context_lang="en")
    if not result.date_text:
        return False
    rest = stripped.replace(result.date_text, "")
    return len(re.sub(r"[\W_]", "", rest)) <= 3


def _is_title_line(piece_text: str) -> bool:
    stripped = piece_text.strip()
    if not 0 < len(stripped) <= _MAX_HEADLINE or "\n" in stripped or stripped.endswith(":"):
        return False
    # a headline rarely ends with a full stop; a short one may (a teaser sentence is longer)
    return not stripped.endswith(".") or stripped.endswith(("...", "…")) or len(stripped.split()) <= _MAX_TITLE_WORDS


def _is_arabic_headline(piece_text: str) -> bool:
    stripped = piece_text.strip().strip(QUOTE_CHARS)
    return bool(stripped) and len(stripped) <= _MAX_HEADLINE and stripped.count("\n") <= 2 and is_arabic(stripped)


def _starts_with_paren(line: str) -> bool:
    return line.lstrip(" \t" + QUOTE_CHARS).startswith("(")


def _starts_citation(line: str) -> bool:
    body = _BULLET.sub("", line, count=1).lstrip()
    body = re.sub(r"^(?:" + cues().pattern("source_label") + r")\s*[:：]\s*", "", body, flags=re.IGNORECASE)
    return bool(body) and body[0] in QUOTE_CHARS


def _is_citation_list(paragraph: list[_Line]) -> bool:
    """Several lines that each open with a quoted title and carry a year or URL: one citation per line."""
    hits = [line for line in paragraph if _starts_citation(line.text) and _YEAR_OR_URL.search(line.text)]
    return len(paragraph) > 1 and len(hits) >= 2

"""Markdown markup out of the text, every offset kept: `mask_markup` blanks markup with spaces.

A Markdown document's segments should read as text (no ``#``, ``**``, ``[…](url)``), yet point into the
original file. Blanking markup character for character (newlines kept) gives a text of the same length, so an
offset into it is an offset into the original. markdown-it-py (CommonMark, with tables) finds the markup: its
inline tokens carry the source lines they came from, and their text children are located in those lines in
order; whatever lies between them on those lines is markup. Where a piece of text cannot be located (an
escape or an entity written differently in the source), that block is left as written rather than guessed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

__all__ = ["front_matter", "mask_markup"]

_DELIMITER_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(\|[ \t]*:?-{1,}:?[ \t]*)*\|?[ \t]*$")
_KEPT = {"text", "code_inline"}
# A front-matter block (Jekyll, Hugo, Pandoc): "---" (YAML) or "+++" (TOML) on the first line, closed by the same
# line ("..." also closes YAML) within the first 200 lines.
_FRONT_OPEN = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n")
_FRONT_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*[:=][ \t]*(.*?)[ \t]*$")


def front_matter(source: str) -> tuple[dict[str, str], int]:
    """The front-matter block at the start of a Markdown file: its top-level ``key: value`` (or TOML
    ``key = value``) fields as strings, quotes removed, and the offset where the block ends (0 when there is
    none). Only one-line scalar fields are read (``title``, ``date``, ``author``…); lists and nested maps are
    skipped: that is all a document's metadata needs, without a YAML parser as a run-time dependency. A block
    with a line that is neither a field, an indented or ``-`` continuation nor a comment is not front matter."""
    opened = _FRONT_OPEN.match(source)
    if opened is None:
        return {}, 0
    fence = opened.group(1)
    closers = ("---", "...") if fence == "---" else ("+++",)
    fields: dict[str, str] = {}
    position = opened.end()
    for _ in range(200):
        newline = source.find("\n", position)
        line_end = len(source) if newline < 0 else newline + 1
        line = source[position:line_end].rstrip("\r\n")
        if line.rstrip() in closers:
            return fields, line_end
        field = _FRONT_FIELD.match(line)
        if field is None and line.strip() and not line[0].isspace() and not line.startswith(("-", "#")):
            return {}, 0  # a line that is no field: a thematic break, then text ("---\n\nنص…\n---")
        if field and field.group(2) and field.group(2)[0] not in "[{|>":
            value = field.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields.setdefault(field.group(1).lower(), value)
        if newline < 0:
            break
        position = line_end
    return {}, 0  # never closed: not front matter


def mask_markup(source: str) -> str:
    """``source`` with Markdown markup replaced by spaces: same length, same newlines, same offsets.

    A front-matter block (``---`` … ``---`` at the top: metadata, see :func:`front_matter`), headings' ``#``
    (and a setext heading's ``===`` line), emphasis and ``~~strikethrough~~``, link brackets and
    URLs, images' markup, list bullets, block quotes' ``>``, table pipes
    and delimiter rows, thematic breaks and code fences are blanked; link text, image alt text and code are
    kept. Raw HTML inside Markdown is left as written (the HTML reader is for HTML).
    """
    if not source:
        return source
    _, body = front_matter(source)
    if body:
        head = "".join(ch if ch in "\r\n" else " " for ch in source[:body])
        return head + mask_markup(source[body:])  # offsets unchanged: the block is blanked, not removed
    if len(source) > BLOCK_CHARS:
        return "".join(_mask_block(source[start:end]) for start, end in _blocks(source))
    return _mask_block(source)


#: a longer Markdown text is masked block by block (:func:`_blocks`), in blocks of about this many characters
BLOCK_CHARS = 100_000
_FENCE_LINE = re.compile(r" {0,3}(```|~~~)")


def _blocks(source: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of consecutive blocks covering ``source``, each of about ``size`` characters (default
    :data:`BLOCK_CHARS`) or more, cut only before a line that starts a new paragraph at the margin after a
    blank line, outside a code fence: parsed alone, each gives the markup it gives inside the whole text
    (memory: markdown-it's tokens and a list per character of one block, not of a 50 MB file; issue #13).
    What a cut cannot keep: a reference link (``[text][ref]``) whose definition is in another block keeps
    its brackets."""
    size = size or BLOCK_CHARS
    bounds, start, position, fence, blank = [], 0, 0, None, False
    while position < len(source):
        newline = source.find("\n", position)
        end = len(source) if newline < 0 else newline + 1
        line = source[position:end]
        opened = _FENCE_LINE.match(line)
        if fence is None and blank and position - start >= size and line[:1].strip() and opened is None:
            bounds.append((start, position))
            start = position
        if opened is not None and (fence is None or line.lstrip().startswith(fence)):
            fence = opened.group(1) if fence is None else None
        blank = not line.strip()
        position = end
    bounds.append((start, len(source)))
    return bounds


def _mask_block(source: str) -> str:
    """:func:`mask_markup` of a text without front matter, parsed whole."""
    tokens = _parser().parse(source)
    starts = _line_starts(source)
    out = list(source)
    inline: dict[tuple[int, int], list] = {}  # table cells share their row's lines: one region, all its cells
    for token in tokens:
        if token.map is None:
            continue
        first, last = token.map
        region = (starts[first], starts[last] if last < len(starts) else len(source))
        if token.type == "inline":
            inline.setdefault(region, []).extend(token.children or [])
        elif token.type == "hr":
            _blank(out, *region)
        elif token.type == "heading_open" and token.markup in ("=", "-") and last - first > 1:
            _blank(out, starts[last - 1], region[1])  # a setext heading's underline: "عنوان\n====="
        elif token.type == "fence":
            _mask_fence(source, out, region)
    for region, children in inline.items():
        _mask_inline(source, out, region, children)
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(source)
        line = source[start:end]
        if "|" in line and "-" in line and _DELIMITER_ROW.match(line.rstrip("\r\n")):
            _blank(out, start, end)
    return "".join(out)


@cache
def _parser() -> MarkdownIt:
    """One CommonMark parser with tables and strikethrough for every call (``parse`` keeps no state between
    texts; building it was a seventh of masking a file)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _mask_inline(source: str, out: list[str], region: tuple[int, int], children: list) -> None:
    start, end = region
    flat = [g for c in children for g in ([c] if c.type != "image" else (c.children or []))]  # alt text is text
    pieces = [c.content for c in flat if c.type in _KEPT and c.content]
    cursor, kept = start, []
    for piece in pieces:
        found = source.find(piece, cursor, end)
        if found < 0:
            return  # cannot locate this text: leave the block as written
        kept.append((found, found + len(piece)))
        cursor = found + len(piece)
    cursor = start
    for piece_start, piece_end in kept:
        _blank(out, cursor, piece_start)
        cursor = piece_end
    if kept:
        _blank(out, cursor, end)


def _mask_fence(source: str, out: list[str], region: tuple[int, int]) -> None:
    start, end = region
    _blank(out, start, source.find("\n", start, end) if "\n" in source[start:end] else end)
    body = source[start:end].rstrip("\r\n")
    last_start = start + body.rfind("\n") + 1 if "\n" in body else start
    if last_start > start and source[last_start:end].strip().startswith(("```", "~~~")):
        _blank(out, last_start, end)


def _blank(out: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if out[i] not in "\r\n":
            out[i] = " "


def _line_starts(source: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\n", source))
    if starts[-1] == len(source):
        starts.pop()
    return starts

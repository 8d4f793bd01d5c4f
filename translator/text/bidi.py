"""Direction runs of mixed Arabic/English text, and HTML that keeps each run readable (issue 11).

A citation line such as ``«عنوان الخبر»، al-Araby al-Jadid (London), 7 June 2022`` holds a right-to-left run
and a left-to-right one. Shown as one block, the Unicode bidi algorithm hands the neutral characters between
and around them (quotes, commas, brackets, full stops, digits) to the block's direction, so the English
reads ``.al-Araby al-Jadid (…), 7 June 2022 ”,(``. Isolating every run (``<bdi dir=…>``, the HTML form of
Unicode's FSI…PDI) keeps its punctuation with it.

Runs come from :func:`translator.langid.runs.script_spans` (the one place that decides which bracket, quote
and full stop belongs to which run); neighbouring runs of one direction (Latin next to Cyrillic) are merged.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

__all__ = ["DirectionRun", "base_direction", "direction_runs", "first_strong", "isolate_html", "paragraph_direction"]

_RTL_CLASSES = frozenset({"R", "AL"})
_LEADING_PUNCTUATION = re.compile(r"^[^\w]+")
_FORMAT = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class DirectionRun(NamedTuple):
    """``text[start:end]`` reads in ``direction`` ("rtl" or "ltr"); offsets index the original string."""

    start: int
    end: int
    direction: str


def base_direction(text: object) -> str:
    """"rtl" or "ltr" from the first strong character (as ``dir="auto"`` decides), "auto" when there is none.

    Bidi format characters (LRM, RLM, ALM, embeddings, isolates) are skipped: a title pasted with a stray
    left-to-right mark before its Arabic (``\u200eلافروف: ...``) is right-to-left (openclaw/openclaw#137474)."""
    return _first_strong(text, skip=_FORMAT)


def first_strong(text: object) -> str:
    """"rtl" or "ltr" as a browser's ``dir="auto"`` (HTML's first-strong rule) decides for ``text``: the first
    strong character, a left-to-right mark counting as left-to-right and a right-to-left or Arabic letter mark
    as right-to-left; "auto" when there is none."""
    return _first_strong(text, skip=frozenset())


def _first_strong(text: object, *, skip: frozenset[str]) -> str:
    if not isinstance(text, str):
        return "auto"
    for char in text:
        if char in skip:
            continue
        kind = unicodedata.bidirectional(char)
        if kind in _RTL_CLASSES:
            return "rtl"
        if kind == "L":
            return "ltr"
    return "auto"


def paragraph_direction(text: object) -> str:
    """"rtl" or "ltr" for a paragraph (a title, a Markdown block, a table cell): its first strong character's
    direction (bidi marks skipped, as :func:`base_direction`), except that a paragraph starting left to right is
    right to left when fewer than a third of its words are left-to-right and at least two are right-to-left;
    "auto" when it has no strong character. Capitalized Latin words are names and brands and are not counted (as
    :func:`translator.langid.backends.main_script` does not count them).

    The first strong character alone misreads an Arabic paragraph that starts with a Latin brand or name
    (``ChatGPT في المدارس المغربية``: andronasef/arabic-reddit-extension#3); a browser's ``dir="auto"`` also
    counts a left-to-right mark as the first strong character (jupyter/notebook#3552's right-to-left cells). A
    line that starts in Arabic and goes on in English about as long (a citation) stays right-to-left.
    """
    first = base_direction(text)
    if first != "ltr" or not isinstance(text, str):  # a paragraph that starts in Arabic stays right to left
        return first
    counts = {"rtl": 0, "ltr": 0}
    for word in text.split():
        kind = base_direction(word)
        if kind == "rtl" or (kind == "ltr" and not _LEADING_PUNCTUATION.sub("", word)[:1].isupper()):
            counts[kind] += 1  # a capitalized Latin word is a name or brand (Elon Musk, ChatGPT): no vote
    return "rtl" if counts["rtl"] >= 2 and 3 * counts["ltr"] < counts["rtl"] + counts["ltr"] else "ltr"


def direction_runs(text: str) -> list[DirectionRun]:
    """The runs of one direction in ``text``, in order; characters between two runs belong to neither.

    ``direction_runs("«الجزائر» (Algeria)")`` → ``[(0, 9, "rtl"), (10, 19, "ltr")]``. Text without letters
    has no runs.
    """
    from translator.langid.runs import script_spans

    runs: list[DirectionRun] = []
    for span in script_spans(text):
        direction = base_direction(text[span.start:span.end])
        if direction == "auto":
            continue
        if runs and runs[-1].direction == direction:
            runs[-1] = DirectionRun(runs[-1].start, span.end, direction)
        else:
            runs.append(DirectionRun(span.start, span.end, direction))
    return runs


def isolate_html(text: str, escape: Callable[[str], str] = html.escape) -> str:
    """``text`` as HTML with every direction run in its own ``<bdi dir="rtl|ltr">``; all text escaped.

    Text of a single direction is only escaped (nothing to isolate). ``escape`` turns a plain piece of text
    into safe HTML (default :func:`html.escape`; the notebook tables pass one that also marks glossary terms).
    """
    runs = direction_runs(text)
    if len(runs) < 2:
        return escape(text)
    out: list[str] = []
    last = 0
    for run in runs:
        out.append(escape(text[last:run.start]))
        out.append(f'<bdi dir="{run.direction}">{escape(text[run.start:run.end])}</bdi>')
        last = run.end
    out.append(escape(text[last:]))
    return "".join(out)

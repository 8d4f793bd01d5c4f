"""A paper's rubric heading over its items: Lebanese and Kuwaiti "secrets of the papers" pages (issue 15, session 9).

Such pages print one heading per paper, the paper's own gossip rubric with the paper's name, then that paper's
unsigned items, one to a paragraph or a bullet::

    أسرار الصحف اللبنانية الصادرة اليوم السبت في 28 حزيران 2025
    أسرار نداء الوطن
    عاد التنسيق على أشدِّه بين "حزب الله" وأحد التيارات ...

    “كواليس اللواء”
    يحرص سفير دولة “شرقية” كبرى على ...

    “أسرار الآلهة” في “النهار”

The heading is a rubric word (``أسرار``, ``كواليس``, ``عيون``, ``خفايا``, ``همسات``) and a name the registry knows
exactly, or ``“rubric” في “name”``; symbols, quotes and a colon around it are ignored.  Each item under it is a
citation of that paper (kind ``press_digest_headline``, no headline: the item is the paper's text).  The page's
own title (``أسرار الصحف ...``) names no paper and is no heading.
"""

from __future__ import annotations

import re

from translator.citations.fields import Draft
from translator.glossary.outlet_registry import OutletRegistry

__all__ = ["rubric_items", "rubric_outlet"]

_RUBRIC_WORDS = frozenset("أسرار اسرار كواليس عيون خفايا همسات".split())
_LETTER = re.compile(r"[\u0621-\u064a]")  # emoji, bullets, quotes, colons around the line are cut to the letters
_QUOTES = "\"“”«»'‘’"
_MAX_WORDS = 7


def rubric_outlet(line: str, registry: OutletRegistry) -> str | None:
    """The paper a rubric heading line names (``أسرار نداء الوطن``, ``“أسرار الآلهة” في “النهار”``), or None."""
    if len(line.split()) > 2 * _MAX_WORDS:  # a heading is a few words: a long line is never read further
        return None
    body = _between_letters(line)
    words = body.split()
    if not words or len(words) > _MAX_WORDS or "\n" in body:
        return None
    if " في " in body:  # "“أسرار الآلهة” في “النهار”": the rubric, then the paper it runs in
        head, _, name = body.rpartition(" في ")
        if head.strip(_QUOTES).split()[0] in _RUBRIC_WORDS:
            return _known(name.strip(_QUOTES + " "), registry)
        return None
    if words[0].strip(_QUOTES) not in _RUBRIC_WORDS or len(words) < 2:
        return None
    return _known(" ".join(words[1:]).strip(_QUOTES + " :"), registry)


def _between_letters(line: str) -> str:
    """``line`` from its first Arabic letter to its last (linear: a pattern anchored at the end would try every
    position of a long run of other characters)."""
    first = _LETTER.search(line)
    if first is None:
        return ""
    end = len(line)
    while not _LETTER.match(line, end - 1):
        end -= 1
    return line[first.start():end]


def _known(name: str, registry: OutletRegistry) -> str | None:
    if not name or len(name.split()) > 4:
        return None
    match = registry.resolve(name)
    return name if match.outlet is not None and match.method == "exact" else None


def rubric_items(text: str, registry: OutletRegistry) -> list[Draft]:
    """The item under a rubric heading inside one piece: the heading on any line (a page title may stand above
    it), the text after it the paper's item.  Offsets are into ``text``; [] when no line is a rubric heading
    with text after it."""
    offset = 0
    for line in text.splitlines(keepends=True):
        outlet = rubric_outlet(line, registry) if line.strip() else None
        offset += len(line)
        if outlet is not None:
            rest = text[offset:]
            if not rest.strip():
                return []
            start = offset + len(rest) - len(rest.lstrip())
            return [Draft("press_digest_headline", start, len(text.rstrip()), outlet=outlet, confidence=0.7)]
    return []

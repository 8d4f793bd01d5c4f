"""Facilities named by a head word and a place (issue 16): ``مطار أسوان الدولي`` → "Aswan International Airport".

The place comes from any layer that found it (glossary or gazetteer), so every town the gazetteer knows gets its
airport, temple or port without a row of its own; the heads and English patterns are in
``data/facility_heads.tsv``. The composed match has layer ``composed`` and type ``place``; a head with no
place match after it is left alone. The facility's entry (layer ``composed``) is enforced like the place was,
unless the place was ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..text.arabic import data_table, fold
from .entry import GlossaryEntry, TermMatch

__all__ = ["compose_facilities"]

_LAYERS = frozenset({"glossary", "gazetteer"})


@cache
def _rows() -> tuple[re.Pattern[str], dict[str, list[tuple[str, str]]]]:
    """(a pattern that finds any head, head → [(after word or "", target pattern)], the rows with an after first)."""
    heads: dict[str, list[tuple[str, str]]] = {}
    for row in data_table("facility_heads.tsv"):
        after = "" if row["after"] == "-" else row["after"]
        heads.setdefault(row["head"], []).append((after, row["target"]))
    for rows in heads.values():
        rows.sort(key=lambda r: not r[0])
    return re.compile("|".join(map(re.escape, heads))), heads


_ENTRIES: dict[tuple[str, str], GlossaryEntry] = {}


def _entry(source: str, target: str) -> GlossaryEntry:
    """One entry per facility (matching form, English), so its mentions group together in QA and enforcement
    like any composed name; an ambiguous place's facility gets none (not enforced, as the place was not)."""
    key = (fold(source), target)
    if key not in _ENTRIES:
        if len(_ENTRIES) >= 4096:
            _ENTRIES.clear()
        _ENTRIES[key] = GlossaryEntry(source, target, "place", layer="composed",
                                      note="composed: facility head + place (facility_heads.tsv)")
    return _ENTRIES[key]


_BEFORE = re.compile(r"(?:^|(?<=[\s(«\"]))([وفبل]{0,2})(\S+)\s+$")


def compose_facilities(text: str, matches: list[TermMatch]) -> list[TermMatch]:
    """``matches`` with each place that follows a facility head (and its ``after`` word, where a row has one)
    widened to the facility: span, source and English. Matches are (start-ordered) :class:`TermMatch`."""
    finder, heads = _rows()
    if not finder.search(text):
        return matches
    out = []
    for m in matches:
        if m.type == "place" and m.layer in _LAYERS and not m.clitic:
            before = _BEFORE.search(text, max(0, m.start - 12), m.start)
            rows = heads.get(before.group(2)) if before else None
            for after, pattern in rows or ():
                tail = re.match(rf"\s+{after}(?![^\W\d_])", text[m.end:]) if after else None
                if after and not tail:
                    continue
                start, end = before.start(2), m.end + (tail.end() if tail else 0)
                target = pattern.replace("{place}", m.target)
                entry = None if m.ambiguous else _entry(text[start:end], target)
                m = replace(m, start=start, end=end, surface=text[start:end], layer="composed", entry=entry,
                            clitic=before.group(1), source=text[start:end], target=target,
                            candidates=tuple(pattern.replace("{place}", c) for c in m.candidates))
                break
        out.append(m)
    return out

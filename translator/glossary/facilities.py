"""Facilities named by a head word and a place (issue 16): ``مطار أسوان الدولي`` → "Aswan International Airport".

The place comes from any layer that found it (glossary or gazetteer), so every town the gazetteer knows gets its
airport, temple or port without a row of its own; the heads and English patterns are in
``data/facility_heads.tsv``. The composed match has layer ``composed`` and type ``place``; a head with no
place match after it is left alone. The facility's entry (layer ``composed``) is enforced like the place was,
unless the place was ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import cache

from ..text.arabic import data_table, fold
from .entry import GlossaryEntry, TermMatch

__all__ = ["compose_bodies", "compose_facilities"]

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


_ENTRIES: dict[tuple[str, str, str], GlossaryEntry] = {}


def _entry(source: str, target: str, kind: str = "place",
           note: str = "composed: facility head + place (facility_heads.tsv)") -> GlossaryEntry:
    """One entry per composed name (matching form, English, type), so its mentions group together in QA and
    enforcement like any composed name: a facility (type ``place``) or an outlet named by a place and a tail
    (``org``); an ambiguous place's facility gets none (not enforced, as the place was not)."""
    key = (fold(source), target, kind)
    if key not in _ENTRIES:
        if len(_ENTRIES) >= 4096:
            _ENTRIES.clear()
        _ENTRIES[key] = GlossaryEntry(source, target, kind, layer="composed", note=note)
    return _ENTRIES[key]


_BEFORE = re.compile(r"(?:^|(?<=[\s(«\"]))([وفبل]{0,2})(\S+)\s+$")


@cache
def _tails() -> tuple[re.Pattern[str], dict[str, tuple[str, bool]]]:
    """(a pattern for any outlet tail word as written, tail → (English, needs a mark)), from ``outlet_tails.tsv``."""
    tails = {row["word"]: (row["english"], row["marked"] == "yes") for row in data_table("outlet_tails.tsv")}
    words = "|".join(map(re.escape, sorted(tails, key=len, reverse=True)))
    return re.compile(rf"\s+({words})(?![^\W_])"), tails


_OPENING = re.compile(r"[«\"“”'(]\s*\Z")
_CLOSING = re.compile(r"\s*[»\"“”')]")


def _outlet_entry(source: str, target: str) -> GlossaryEntry:
    return _entry(source, target, "org", "composed: place + outlet tail (outlet_tails.tsv)")


def compose_outlets(text: str, matches: list[TermMatch]) -> list[TermMatch]:
    """``matches`` with each place that an outlet tail follows (``كركوك ناو``; ``"بغداد اليوم"`` in quotes or after
    an outlet word for a tail that is an ordinary word) widened to the outlet: type ``org``, layer ``composed``,
    English the place's and the tail's (Kirkuk Now, Baghdad Today)."""
    finder, tails = _tails()
    out = []
    for m in matches:
        if m.type == "place" and m.layer in _LAYERS and not m.ambiguous:
            tail = finder.match(text, m.end)
            if tail is not None:
                english, marked = tails[tail.group(1)]
                start = m.start - len(m.clitic)
                if not marked or (_OPENING.search(text, max(0, start - 3), start)
                                  and _CLOSING.match(text, tail.end())) or _after_outlet_word(text, start):
                    end = tail.end()
                    target = f"{m.target} {english}"
                    m = replace(m, end=end, surface=text[m.start:end], source=text[m.start:end], target=target,
                                type="org", layer="composed", entry=_outlet_entry(text[m.start:end], target),
                                candidates=())
        out.append(m)
    return out


def _after_outlet_word(text: str, start: int) -> bool:
    """Whether a word of ``outlet_words.tsv`` (موقع، قناة، صحيفة) stands right before ``start``."""
    from .match import outlet_words

    before = fold(text[max(0, start - 30):start]).split()
    return any(len(before) >= len(w) and tuple(before[-len(w):]) == w for w in outlet_words())


@cache
def _parts() -> tuple[re.Pattern[str], dict[tuple[str, str], tuple[str, tuple[str, ...]]]]:
    """(a pattern for the heads of ``org_parts.tsv`` ending right before a match, (head, link) → patterns)."""
    rows = {(row["head"], row["link"]): (row["target"], tuple(v for v in (row.get("target_variants") or "").split("|")
                                                              if v))
            for row in data_table("org_parts.tsv")}
    heads = sorted({head for head, _ in rows}, key=len, reverse=True)
    written = "|".join(re.escape(h) if not h.startswith("ال") else f"{re.escape(h)}|(?<=ل)ل{re.escape(h[2:])}"
                       for h in heads)  # للمجلس الأعلى: ل + المجلس, the article's alif dropped
    return re.compile(rf"(?:^|(?<=[\s(«\"]))[وفبل]{{0,2}}({written})\s+\Z"), rows


@cache
def _part_keys() -> re.Pattern[str]:
    """The last word of any head of ``org_parts.tsv`` (الأعلى، التنفيذية): a text without one has no body to
    compose, found with one search before any match is looked at."""
    return re.compile("|".join(sorted({re.escape(row["head"].split()[-1]) for row in data_table("org_parts.tsv")})))


def _head_of(written: str) -> str:
    """The head of ``org_parts.tsv`` a written head spells (لمجلس الأعلى after ل → المجلس الأعلى)."""
    return "ا" + written if written.startswith("ل") and not written.startswith("ال") else written


def compose_org_parts(text: str, matches: list[TermMatch]) -> list[TermMatch]:
    """``matches`` with each organisation that a body's head governs (``org_parts.tsv``: المجلس الأعلى + ل + the
    GCC; مجلس + جامعة الدول العربية) widened to the body: layer ``composed``, type ``org``, English from the head's
    pattern and the organisation's shortest form (GCC Supreme Council, Arab League Council)."""
    finder, rows = _parts()
    out = []
    for m in matches:
        if m.type == "org" and m.layer in _LAYERS and m.clitic in ("", "ل"):
            start = m.start - len(m.clitic)
            head = finder.search(text, max(0, start - 24), start)
            pattern = rows.get((_head_of(head.group(1)), m.clitic or "-")) if head else None
            if pattern is not None:
                forms = tuple(dict.fromkeys(_targets(m)))
                short = min(forms, key=len)
                target, *variants = dict.fromkeys(
                    [pattern[0].replace("{org}", short),
                     *(p.replace("{org}", f) for p in (pattern[0], *pattern[1]) for f in forms)])
                begin = head.start(1)
                entry = GlossaryEntry(text[begin:m.end], target, "org", target_variants=tuple(variants),
                                      layer="composed", note="composed: body head + organisation (org_parts.tsv)")
                m = replace(m, start=begin, end=m.end, surface=text[begin:m.end], source=text[begin:m.end],
                            target=target, clitic=text[head.start():begin], entry=entry, layer="composed")
        out.append(m)
    return out


def _targets(match: TermMatch) -> list[str]:
    entry = match.entry
    return [match.target, *(entry.target_variants if entry is not None else ())]


_LETTER_CLASSES = {"ى": "[ىي]", "ي": "[يى]", "ة": "[ةه]", "ه": "[هة]", "ا": "[اأإآ]", "أ": "[اأإآ]", "إ": "[اأإآ]",
                   "آ": "[اأإآ]"}


def _written(words: str) -> str:
    """A pattern for ``words`` as news text writes them: ى/ي, ة/ه and the alif's hamzas alike, any spacing."""
    return r"\s+".join("".join(_LETTER_CLASSES.get(c, re.escape(c)) for c in word) for word in words.split())


@dataclass(frozen=True)
class _Body:
    after: re.Pattern[str] | None  # the word that must follow the place, or None
    target: str
    variants: tuple[str, ...]


@cache
def _bodies() -> tuple[re.Pattern[str], re.Pattern[str], dict[tuple[str, str], list[_Body]]]:
    """(a pattern for any head of ``body_heads.tsv`` ending right before a place, one that finds any head at all,
    (folded head, link) → its rows, those with an ``after`` word first)."""
    table = data_table("body_heads.tsv")
    rows: dict[tuple[str, str], list[_Body]] = {}
    for row in table:
        after = None if row["after"] == "-" else re.compile(rf"\s+{_written(row['after'])}(?![^\W\d_])")
        variants = tuple(v for v in (row.get("target_variants") or "").split("|") if v)
        rows.setdefault((fold(row["head"]), row["link"]), []).append(_Body(after, row["target"], variants))
    for bodies in rows.values():
        bodies.sort(key=lambda b: b.after is None)
    heads = sorted({row["head"] for row in table}, key=len, reverse=True)
    written = "|".join(_written(h) for h in heads)
    before = re.compile(rf"(?:^|(?<=[\s(«\"“]))([وفبل]{{0,2}})({written})\s+\Z")
    return before, re.compile(written), rows


def compose_bodies(text: str, matches: list[TermMatch],
                   kinds_of: Callable[[str], Collection[str]] | None = None) -> list[TermMatch]:
    """``matches`` with each place that follows the head of a local body (``body_heads.tsv``: مجلس محافظة، دائرة صحة،
    مديرية صحة، جامعة، مستشفى … العام) widened to the body: layer ``composed``, type ``org``, English from the row's
    pattern and the place's English (Nineveh Provincial Council, Basra Health Directorate, Assiut General Hospital). The
    place may come from any layer that found it; an ambiguous place gives a body with each candidate, unenforced.
    ``kinds_of`` tells the kinds a place may be (the gazetteer's candidates for its matching form): a country is no
    local body's place (جامعة الجزائر is left to the glossary's rules); without it (no gazetteer) no place is, as
    :func:`.compose.composed_entries` does."""
    before, anywhere, rows = _bodies()
    if kinds_of is None or not anywhere.search(text):
        return matches
    out = []
    for m in matches:
        if m.type == "place" and m.layer in _LAYERS and m.clitic in ("", "ل") \
                and "country" not in kinds_of(fold(m.source)):
            start = m.start - len(m.clitic)
            head = before.search(text, max(0, start - 32), start)
            bodies = rows.get((fold(head.group(2)), m.clitic or "-"), ()) if head else ()
            for body in bodies:
                tail = body.after.match(text, m.end) if body.after is not None else None
                if body.after is not None and tail is None:
                    continue
                begin, end = head.start(2), tail.end() if tail else m.end
                places = [m.target, *(t for t in _targets(m)[1:] if t != m.target)]
                forms = list(dict.fromkeys(p.replace("{place}", place) for p in (body.target, *body.variants)
                                           for place in places))
                source = text[begin:end]
                entry = None if m.ambiguous else GlossaryEntry(
                    source, forms[0], "org", target_variants=tuple(forms[1:]), layer="composed",
                    note="composed: body head + place (body_heads.tsv); check it")
                m = replace(m, start=begin, end=end, surface=source, source=source, target=forms[0], type="org",
                            layer="composed", entry=entry, clitic=head.group(1),
                            candidates=tuple(body.target.replace("{place}", c) for c in m.candidates))
                break
        out.append(m)
    return out


def compose_facilities(text: str, matches: list[TermMatch],
                       kinds_of: Callable[[str], Collection[str]] | None = None) -> list[TermMatch]:
    """``matches`` with each place that follows a facility head (and its ``after`` word, where a row has one)
    widened to the facility: span, source and English; each place that follows the head of a local body widened to
    the body (:func:`compose_bodies`); and each place an outlet tail follows widened to the outlet
    (:func:`compose_outlets`). Matches are (start-ordered) :class:`TermMatch`; ``kinds_of``: see
    :func:`compose_bodies`."""
    if _tails()[0].search(text):
        matches = compose_outlets(text, matches)
    matches = compose_bodies(text, matches, kinds_of)
    if _part_keys().search(text):
        matches = compose_org_parts(text, matches)
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

"""Measure a term base against hand-labelled named mentions (issue 16).

The labelled set (``tests/data/gazetteer_mentions.jsonl``) holds real news sentences, one JSON object a line:
``{"text", "source_url", "outlet_country", "mentions": [{"surface", "type", "english": [accepted forms]}]}``.
A mention's ``surface`` is the name as written, without proclitics (``بتونس`` → ``تونس``); repeated names
are listed once per occurrence, in text order. The set is split by outlet (a hash of the URL's host), so
no outlet is in both halves: tune on ``build``, report ``heldout`` too.

Scores, per mention: ``found`` (a match overlaps it and renders it with an accepted form), ``wrong``
(a match overlaps it with another rendering), ``ambiguous`` (the match reports candidates instead of one
rendering), ``missed``; a ``romanized`` guess (a name no list holds, spelled by rule) that overlaps a mention
with another spelling than the labelled press forms is ``form_differs``: the name was found, its English form
is not the press one. Recall counts ``found`` only. Per match: ``spurious`` (a name match on text where
nothing was labelled: a common word taken for a name, or a name the labeller skipped; check those by
hand). Matches of type ``term`` (titles, ministries) are not named mentions and are not scored.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .entry import TermMatch

__all__ = ["MentionScore", "load_mentions", "mention_spans", "score", "split_of"]

SPLITS = ("build", "heldout")


def split_of(url: str) -> str:
    """``build`` or ``heldout``: fixed by a hash of the outlet's host, so an outlet never sits in both."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return SPLITS[hashlib.sha256(host.encode("utf-8")).digest()[0] % 2]


def load_mentions(path: str | Path, split: str | None = None) -> list[dict]:
    """The labelled sentences of ``path`` (all, or those of one ``split``)."""
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if split is None or split_of(r["source_url"]) == split]


def mention_spans(record: dict) -> list[tuple[int, int, dict]]:
    """(start, end, mention) for each labelled mention, found left to right in the text.

    Raises ValueError when a surface is not in the text (a typo in the data file).
    """
    spans, pos, text = [], 0, record["text"]
    for mention in record["mentions"]:
        start = _find_word(text, mention["surface"], pos)
        if start < 0:
            start = _find_word(text, mention["surface"], 0)
        if start < 0:
            raise ValueError(f"mention {mention['surface']!r} is not in {text[:60]!r}")
        spans.append((start, start + len(mention["surface"]), mention))
        pos = start + len(mention["surface"])
    return spans


_PROCLITICS = "وفبكل"


def _find_word(text: str, surface: str, pos: int) -> int:
    """The first occurrence of ``surface`` from ``pos`` that is a whole word (after at most two proclitics:
    عمان in لسلطنة عمان, not in العماني), else the first occurrence at all, else -1."""
    first = start = text.find(surface, pos)
    while start >= 0:
        end = start + len(surface)
        lead = start
        while lead > 0 and start - lead < 2 and text[lead - 1] in _PROCLITICS:
            lead -= 1
        if (lead == 0 or not text[lead - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            return start
        start = text.find(surface, start + 1)
    return first


def _fold_latin(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


@dataclass
class MentionScore:
    """Counts per layer (``found``, ``wrong``, ``ambiguous``) plus ``missed`` and ``spurious`` matches."""

    mentions: int = 0
    missed: int = 0
    by_layer: dict[str, Counter] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)
    #: per labelled mention type (place, person, org): mentions and outcomes (found, wrong, ..., missed)
    by_type: dict[str, Counter] = field(default_factory=dict)

    def count(self, layer: str, outcome: str, example: str) -> None:
        self.by_layer.setdefault(layer, Counter())[outcome] += 1
        self.examples.setdefault(outcome, []).append(example)

    def total(self, outcome: str) -> int:
        return sum(c[outcome] for c in self.by_layer.values())

    def to_dict(self) -> dict[str, object]:
        """Totals, ``recall`` (found / mentions), ``detected`` ((found + form_differs) / mentions),
        ``wrong_share`` ((wrong + spurious) / matches, all layers; a romanized name whose form differs is not
        counted wrong), ``wrong_share_listed`` (the same for the glossary, composed and gazetteer layers) and
        ``by_type``: per mention type, its mentions, outcomes and recall."""
        found = self.total("found")
        matches = sum(sum(c.values()) for c in self.by_layer.values())
        bad = self.total("wrong") + self.total("spurious")
        listed = {k: v for k, v in self.by_layer.items() if k != "romanized"}
        listed_matches = sum(sum(c.values()) for c in listed.values())
        listed_bad = sum(c["wrong"] + c["spurious"] for c in listed.values())
        return {"mentions": self.mentions, "found": found, "wrong": self.total("wrong"),
                "form_differs": self.total("form_differs"),
                "ambiguous": self.total("ambiguous"), "missed": self.missed,
                "spurious": self.total("spurious"), "matches": matches,
                "recall": round(found / self.mentions, 3) if self.mentions else None,
                "detected": round((found + self.total("form_differs")) / self.mentions, 3) if self.mentions else None,
                "wrong_share": round(bad / matches, 3) if matches else None,
                "wrong_share_listed": round(listed_bad / listed_matches, 3) if listed_matches else None,
                "by_layer": {k: dict(v) for k, v in sorted(self.by_layer.items())},
                "by_type": {k: {**dict(v), "recall": round(v["found"] / v["mentions"], 3)}
                            for k, v in sorted(self.by_type.items())}}


def score(match: Callable[..., Sequence[TermMatch]], records: Iterable[dict], *,
          outlet_country: bool = False, documents: bool = False) -> MentionScore:
    """Score ``match`` (text → matches, e.g. ``Glossary.match``) on labelled ``records``; with ``outlet_country``,
    ``match(text, country=record["outlet_country"])`` (the outlet's country, as a batch knows it from the
    registry); with ``documents``, the sentences of one page (same ``source_url``, in file order) share a
    :class:`.document.DocumentNames`, as the segments of one document do in a batch."""
    from .document import DocumentNames

    result = MentionScore()
    pages: dict[str, DocumentNames] = {}
    for record in records:
        spans = mention_spans(record)
        country = record.get("outlet_country") if outlet_country else None
        kwargs: dict[str, object] = {"country": country} if country else {}
        if documents:
            kwargs["document"] = pages.setdefault(record["source_url"], DocumentNames())
        matches = list(match(record["text"], **kwargs))
        used: set[int] = set()
        for start, end, mention in spans:
            result.mentions += 1
            kind = result.by_type.setdefault(mention["type"], Counter())
            kind["mentions"] += 1
            hits = [k for k, m in enumerate(matches) if m.start < end and start < m.end]
            if not hits:
                result.missed += 1
                kind["missed"] += 1
                result.examples.setdefault("missed", []).append(f"{mention['surface']} ({mention['english'][0]})")
                continue
            used.update(hits)
            m = matches[hits[0]]
            layer = getattr(m, "layer", "glossary")
            accepted = {_fold_latin(e) for e in mention["english"]}
            example = f"{mention['surface']} → {m.target} ({mention['english'][0]}) [{layer}]"
            if getattr(m, "candidates", ()):
                outcome = "ambiguous"
            elif _fold_latin(m.target) in accepted or any(_fold_latin(t) in accepted for t in _targets(m)):
                outcome = "found"
            elif layer == "romanized":
                outcome = "form_differs"
            else:
                outcome = "wrong"
            result.count(layer, outcome, example)
            kind[outcome] += 1
        for k, m in enumerate(matches):
            if k not in used and m.type != "term":  # terms (ministries, titles) are not named mentions
                result.count(getattr(m, "layer", "glossary"), "spurious", f"{m.surface} → {m.target}")
    return result


def _targets(match: TermMatch) -> tuple[str, ...]:
    return match.entry.targets if match.entry is not None else (match.target,)

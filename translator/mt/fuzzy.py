"""Fuzzy matching of segments against the translation memory: rapidfuzz over Arabic-folded text.

    index = FuzzyIndex(); index.add(7, "مدينة تندوف الجزائرية")
    index.search("مدينه تندوف", threshold=75)  ->  [(7, 84.2)]

Texts are folded with :func:`translator.text.arabic.normalize` (the one Arabic fold: hamza forms, ى/ي, ة/ه,
tashkeel, tatweel, digits) and reduced to their words, then scored with ``rapidfuzz.fuzz.ratio`` (0-100, the
normalized Indel similarity CAT tools call a fuzzy match percentage).

Scoring every entry would take ~0.1 s against 100,000 entries, so a word index picks the candidates first:
entries sharing the query's least common words (words are read rarest first until ``_POSTINGS_BUDGET``
postings), the ``_CANDIDATES`` that share most of them, within the length a score of ``threshold`` allows.
An entry that shares none of the query's rarer words is not found; benchmarks/fuzzy_bench.py measures how
often that happens (recall against scoring every entry) and the speed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable

from rapidfuzz import fuzz, process

from translator.text.arabic import WORD, normalize

__all__ = ["DEFAULT_THRESHOLD", "FuzzyIndex", "fold_for_fuzzy"]

DEFAULT_THRESHOLD = 75.0
_POSTINGS_BUDGET = 5_000
_CANDIDATES = 200


def fold_for_fuzzy(text: str) -> str:
    """``text`` as fuzzy matching sees it: Arabic-folded, lower-cased, its words joined by single spaces."""
    return " ".join(WORD.findall(normalize(text)))


class FuzzyIndex:
    """An in-memory word index over folded texts, each under a caller's key (e.g. a database row id)."""

    def __init__(self) -> None:
        self._keys: list[Hashable] = []
        self._texts: list[str] = []
        self._lengths: list[int] = []
        self._postings: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return len(self._texts)

    def add(self, key: Hashable, text: str, *, folded: str | None = None) -> None:
        """Index ``text`` (original, not folded) under ``key``; ``folded``: its :func:`fold_for_fuzzy`, if known."""
        folded = fold_for_fuzzy(text) if folded is None else folded
        position = len(self._texts)
        self._keys.append(key)
        self._texts.append(folded)
        self._lengths.append(len(folded))
        for word in set(folded.split()):
            self._postings.setdefault(word, []).append(position)

    def search(self, text: str, *, limit: int = 5, threshold: float = DEFAULT_THRESHOLD,
               exclude_exact: bool = False) -> list[tuple[Hashable, float]]:
        """The ``limit`` best (key, score) pairs scoring at least ``threshold`` (0-100), best first.

        ``exclude_exact`` leaves out entries whose folded text equals the query's (100% matches).
        """
        query = fold_for_fuzzy(text)
        if not query:
            return []
        choices = {i: self._texts[i] for i in self._candidates(query, threshold)}
        if exclude_exact:
            choices = {i: t for i, t in choices.items() if t != query}
        found = process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=threshold, limit=limit)
        return [(self._keys[i], round(float(score), 1)) for _, score, i in found]

    def _candidates(self, query: str, threshold: float) -> list[int]:
        words = sorted(set(query.split()), key=lambda w: len(self._postings.get(w, ())))
        shared: Counter[int] = Counter()
        read = 0
        for word in words:
            postings = self._postings.get(word, ())
            if read and read + len(postings) > _POSTINGS_BUDGET:
                break
            shared.update(postings)
            read += len(postings)
        # ratio = 2·matches / (len a + len b) ≥ t  ⇒  len b within [len a · t/(2-t), len a · (2-t)/t]
        t = max(threshold, 1.0) / 100
        low, high = len(query) * t / (2 - t), len(query) * (2 - t) / t
        lengths = self._lengths
        picked = [i for i, _ in shared.most_common(4 * _CANDIDATES) if low <= lengths[i] <= high]
        return picked[:_CANDIDATES]

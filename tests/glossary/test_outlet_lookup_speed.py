"""Outlet lookups made faster (issue 20) give the answers they gave before."""

from __future__ import annotations

import difflib
import random

from translator.citations import default_registry
from translator.glossary import outlet_registry
from translator.glossary.outlet_registry import _FUZZY_CUTOFF


def test_length_prefilter_keeps_every_close_match() -> None:
    registry = default_registry()
    names = list(registry._index["squashed"])
    rnd = random.Random(20)
    words = [""]
    for name in rnd.sample(names, 300):
        chars = list(name)
        for _ in range(rnd.randint(0, 3)):  # typos: drop, double or swap letters
            i = rnd.randrange(len(chars))
            chars[i:i + 1] = rnd.choice([[], [chars[i]] * 2, [rnd.choice("aeioulnrst")]])
        words.append("".join(chars))
    for word in words:
        assert difflib.get_close_matches(word, registry._near_in_length(len(word)), n=2, cutoff=_FUZZY_CUTOFF) \
            == difflib.get_close_matches(word, names, n=2, cutoff=_FUZZY_CUTOFF), word


def test_remembered_lookups_answer_as_fresh_ones() -> None:
    registry = default_registry()
    queries = ["Al-Sharq al-Awsat", "al-Araby al-Jadid", "Document 7", "Echorouk", "Echourouk", "الشروق",
               "Al-Quds al", "RT Arabic", "Le Monde", "Hespress"]
    first = [(registry.resolve(q).outlet, registry.resolve(q, prefix=True).outlet) for q in queries]
    again = [(registry.resolve(q).outlet, registry.resolve(q, prefix=True).outlet) for q in queries]
    fresh = outlet_registry.OutletRegistry(registry.outlets, registry.sources, registry.problems)
    assert first == again == [(fresh.resolve(q).outlet, fresh.resolve(q, prefix=True).outlet) for q in queries]
    assert any(outlet is not None for outlet, _ in first)


def test_rapidfuzz_prefilter_keeps_every_close_match() -> None:
    """rapidfuzz's ratio is never below difflib's, so names it leaves out could not reach the cutoff."""
    registry = default_registry()
    names = list(registry._index["squashed"])
    rnd = random.Random(21)
    words = ["", "document12", "document 3"]
    for name in rnd.sample(names, 300):
        chars = list(name)
        for _ in range(rnd.randint(0, 3)):
            i = rnd.randrange(len(chars))
            chars[i:i + 1] = rnd.choice([[], [chars[i]] * 2, [rnd.choice("aeioulnrst")]])
        words.append("".join(chars))
    matched = 0
    for word in words:
        kept = registry._may_be_close(word)
        assert len(kept) <= len(registry._near_in_length(len(word)))
        expected = difflib.get_close_matches(word, names, n=2, cutoff=_FUZZY_CUTOFF)
        assert difflib.get_close_matches(word, kept, n=2, cutoff=_FUZZY_CUTOFF) == expected, word
        matched += bool(expected)
    assert matched > 100  # the typos mostly still match: the check above is not vacuous

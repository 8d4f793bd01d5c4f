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
            if not chars:
                break  # a short name all dropped (the sample depends on the registry's rows)
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
            if not chars:
                break  # a short name all dropped (the sample depends on the registry's rows)
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


def test_first_word_prefilter_finds_the_same_names_in_prose(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """find_in_text skips a capitalized word no known name can begin with; every name of the registry, put in a
    sentence (also possessive, after an article, in capitals), and every real passage of the test data are
    found the same with the skip and without it."""
    import json
    from pathlib import Path

    registry = default_registry()
    data = Path(__file__).resolve().parent.parent / "data"
    texts = [json.loads(line)["raw"] for line in (data / "citations_real.jsonl").read_text("utf-8").splitlines()
             if line.strip()]
    texts += (data / "citations_document.txt").read_text("utf-8").splitlines()
    texts += (data / "citations_house_style.txt").read_text("utf-8").splitlines()
    for outlet in registry:
        for name in outlet.names:
            texts += [f"According to {name}, the minister resigned.", f"An editorial in {name}'s pages said",
                      f"The {name} reported on Monday", f"Le quotidien {name.upper()} rapporte",
                      f"As {name} put it: the al-{name} daily"]
    with_skip = [registry.find_in_text(text) for text in texts]
    skipped = sum(not registry._may_begin(w) for text in texts[:400] for w in text.split() if w[:1].isupper())
    monkeypatch.setattr(outlet_registry.OutletRegistry, "_may_begin", lambda self, word: True)
    assert [registry.find_in_text(text) for text in texts] == with_skip
    assert sum(bool(found) for found in with_skip) > len(texts) // 2
    assert skipped > 100  # the skip does skip

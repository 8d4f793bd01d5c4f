"""The batch hands the glossary matches its analysis found to translation QA (issue 17: nothing matched twice).

Real published pairs (benchmarks/data/qa_pairs.tsv): each Arabic edition is analysed as a document, its English
edition stands as the segment's translation (a human one: no translation is made up), and the QA stage runs with
the analysis's matches and without them: the flags must be the same, and with them QA matches nothing again.
"""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest

from translator.corpus.analyze import analyze_document
from translator.corpus.executors.ray_workers import decode_analyses, decode_row, encode_analyses
from translator.corpus.readers import Document
from translator.corpus.stages import check_documents
from translator.qa import clear_caches, default_glossary

PAIRS = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "qa_pairs.tsv"


def _pairs() -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def translated():  # type: ignore[no-untyped-def]
    """Analyses of 60 published Arabic editions (one Arabic segment each), the English edition as translation."""
    glossary = default_glossary()
    out = []
    for p in _pairs():
        doc = Document(p["id"], f"{p['id']}.txt", "txt", p["source"], "0" * 64)
        analysis = analyze_document(doc, glossary=glossary)
        arabic = [s for s in analysis.segments if s.lang == "ar"]
        if len(arabic) != 1:
            continue
        analysis.segments[analysis.segments.index(arabic[0])] = arabic[0].replace(
            translation=p["target"], translation_status="human")
        out.append(analysis)
        if len(out) == 60:
            break
    assert len(out) == 60
    return glossary, out


def _flags(analyses) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [s.qa_flags for a in analyses for s in a.segments]


def test_qa_reuses_the_analysis_matches_and_flags_the_same(translated, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    glossary, analyses = translated
    assert all(a.term_matches is not None and a.term_matches[0] == glossary.version for a in analyses)
    clear_caches()
    without = check_documents([replace(a, term_matches=None) for a in analyses], glossary)
    calls = []
    original = type(glossary).match
    monkeypatch.setattr(type(glossary), "match", lambda self, text: calls.append(text) or original(self, text))
    clear_caches()
    with_matches = check_documents(analyses, glossary)
    assert _flags(with_matches) == _flags(without)
    assert sum(bool(json.loads(f)) for f in _flags(without) if f) >= 10  # the pairs do carry flags to compare
    assert calls == []  # every segment's matches came from its analysis
    assert all(a.term_matches is None for a in with_matches)  # not kept past QA


def test_matches_of_another_glossary_are_not_used(translated, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    glossary, analyses = translated
    stale = [replace(a, term_matches=("another version", a.term_matches[1])) for a in analyses[:5]]
    calls = []
    original = type(glossary).match
    monkeypatch.setattr(type(glossary), "match", lambda self, text: calls.append(text) or original(self, text))
    clear_caches()
    check_documents(stale, glossary)
    assert len(calls) == 5  # matched again, with the glossary QA checks with


def test_ray_blocks_carry_the_matches_and_the_run_state_does_not(translated) -> None:  # type: ignore[no-untyped-def]
    _, analyses = translated
    text = encode_analyses(analyses[:3])
    back = decode_analyses(text)
    assert [a.term_matches for a in back] == [a.term_matches for a in analyses[:3]]
    assert all(m.entry is not None for a in back for ms in a.term_matches[1].values() for m in ms)
    payloads, error = decode_row({"error": "", "analyses": text})
    assert error is None and all("term_matches" not in p for p in payloads)
    assert payloads == [a.to_dict() for a in analyses[:3]]

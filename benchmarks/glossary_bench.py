"""Glossary benchmark: term matching against a labelled dev set, matching speed, and (with a model)
term enforcement success and overhead.

    .venv/bin/python benchmarks/glossary_bench.py match [--dev ../shared/eval/terms_dev.jsonl] [-v]
    .venv/bin/python benchmarks/glossary_bench.py speed
    .venv/bin/python benchmarks/glossary_bench.py enforce [--model DIR] [--engine transformers|ctranslate2]

The dev set is JSON lines: ``{"text", "terms": [{"surface", "lemma", "english"}]}``; ``surface`` is the term
as written with its clitics. A dev term counts as *covered* when the glossary has it (a spelling equal to the
lemma or the surface, or a target equal to its English) and as *found* when a match overlaps its surface
and names it (same English, a target variant of it, or its surname: "Tebboune" for "Abdelmadjid Tebboune").
Precision counts matches that overlap a labelled term; dev labels are not exhaustive, so it is a floor.

``enforce`` translates the project's parallel test pairs (tests/data/parallel_*.tsv) with a model (default:
the tiny test model cached by the test suite in tests/.cache) and the shipped glossary, without and with the
TermEnforcer: term success (exact/lenient) both ways, and the time enforcement adds on the segments whose
first hypothesis already holds every term (target: under 10%).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from translator.glossary import Glossary, GlossaryEntry, TermMatch
from translator.text.arabic import fold

DEFAULT_DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "terms_dev.jsonl"


def _names(entry: GlossaryEntry, english: str) -> bool:
    targets = {t.casefold() for t in entry.targets}
    wanted = english.casefold()
    return wanted in targets or any(wanted.endswith(" " + t) for t in targets)


def _spellings(glossary: Glossary) -> dict[str, list[GlossaryEntry]]:
    out: dict[str, list[GlossaryEntry]] = {}
    for entry in glossary.entries:
        for spelling in (entry.source, *entry.variants):
            out.setdefault(fold(spelling), []).append(entry)
    return out


def evaluate_matching(glossary: Glossary, dev: Path, verbose: bool = False) -> dict[str, float | int]:
    spellings = _spellings(glossary)
    by_target = {t.casefold() for e in glossary.entries for t in e.targets}
    terms = covered = found = matches_total = matches_ok = 0
    for line in dev.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        text, labels = item["text"], item["terms"]
        matches = glossary.match(text)
        matches_total += len(matches)
        used: set[int] = set()
        for label in labels:
            terms += 1
            entries = spellings.get(fold(label["lemma"]), []) + spellings.get(fold(label["surface"]), [])
            in_glossary = bool(entries) or label["english"].casefold() in by_target
            covered += in_glossary
            hit = _find(text, label, matches)
            if hit is not None:
                used.add(id(hit))
            if in_glossary:
                found += hit is not None
                if verbose and hit is None:
                    print(f"MISS  {label['surface']!r} ({label['english']})  in: {text[:90]}", file=sys.stderr)
        for m in matches:
            ok = id(m) in used
            matches_ok += ok
            if verbose and not ok:
                print(f"EXTRA {m.surface!r} → {m.target}  in: {text[:90]}", file=sys.stderr)
    return {"dev_terms": terms, "covered": covered, "coverage": round(covered / terms, 3),
            "found": found, "recall_on_covered": round(found / max(covered, 1), 3),
            "matches": matches_total, "precision_floor": round(matches_ok / max(matches_total, 1), 3)}


def _find(text: str, label: dict[str, str], matches: list[TermMatch]) -> TermMatch | None:
    start = text.find(label["surface"])
    while start >= 0:
        end = start + len(label["surface"])
        for m in matches:
            if m.start < end and start < m.end and m.entry is not None and _names(m.entry, label["english"]):
                return m
        start = text.find(label["surface"], start + 1)
    return None


def measure_speed(glossary: Glossary, texts: list[str], rounds: int = 3) -> dict[str, float]:
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        for text in texts:
            glossary.match(text)
        best = min(best, time.perf_counter() - began)
    chars = sum(map(len, texts))
    return {"segments": len(texts), "segments_per_s": round(len(texts) / best), "chars_per_s": round(chars / best),
            "entries": len(glossary.entries)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["match", "speed", "enforce", "all"], nargs="?", default="all")
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--model", type=Path, help="model folder (Marian or CTranslate2) for `enforce`")
    parser.add_argument("--engine", default="transformers", choices=["transformers", "ctranslate2"])
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds (the best is kept)")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    glossary = Glossary.load()
    load_s = time.perf_counter() - began
    report: dict[str, object] = {"glossary_version": glossary.version, "load_s": round(load_s, 3)}
    if args.what in ("match", "all") and args.dev.exists():
        report["matching"] = evaluate_matching(glossary, args.dev, args.verbose)
    if args.what in ("speed", "all"):
        texts = _speed_texts(args.dev)
        report["speed"] = measure_speed(glossary, texts)
    if args.what in ("enforce", "all"):
        model = args.model or _cached_test_model(args.engine)
        if model is None:
            print("no model: run the test suite once (it builds tests/.cache/tiny-marian-*) or pass --model",
                  file=sys.stderr)
        else:
            report["enforcement"] = measure_enforcement(glossary, model, args.engine, args.rounds)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


ROOT = Path(__file__).resolve().parents[1]


def _cached_test_model(engine: str) -> Path | None:
    suffix = "-ct2-int8" if engine == "ctranslate2" else ""
    folders = [p for p in (ROOT / "tests" / ".cache").glob("tiny-marian-*") if p.is_dir()
               and p.name.endswith(suffix) and (suffix or not p.name.endswith("-ct2-int8"))]
    return max(folders, key=lambda p: p.stat().st_mtime) if folders else None


def measure_enforcement(glossary: Glossary, model: Path, engine_name: str, rounds: int) -> dict[str, object]:
    from translator.glossary.enforce import TermEnforcer
    from translator.glossary.report import summarize
    from translator.mt import Translator, load_engine
    from translator.testing.tiny import read_pairs

    engine = load_engine(model, engine=engine_name, threads=2)
    enforcer = TermEnforcer(glossary)
    sources = [ar for ar, _ in read_pairs(sorted((ROOT / "tests" / "data").glob("parallel_*.tsv")))]
    plain = Translator(engine, guard=None).translate(sources)
    before = [enforcer.check(s, t.text or "") for s, t in zip(sources, plain, strict=True)]
    enforced = Translator(engine, enforcer=enforcer, guard=None)
    enforced_out = [enforcer.enforce(s, [_Text(t.text or "")], engine) for s, t in zip(sources, plain, strict=True)]
    after = [report for _, report in enforced_out]
    clean = [s for s, r in zip(sources, before, strict=True) if r.required and r.complete]
    without = Translator(engine, guard=None)
    without.translate(clean)  # warm-up: first calls allocate and fill caches
    timing = {"without": float("inf"), "with": float("inf")}
    for _ in range(rounds):  # interleaved, best of n: the machine is shared, noise is one-sided
        for name, translator in (("without", without), ("with", enforced)):
            began = time.perf_counter()
            translator.translate(clean)
            timing[name] = min(timing[name], time.perf_counter() - began)
    texts = [t.text or "" for t in without.translate(clean)]
    began = time.perf_counter()
    for _ in range(rounds):
        for source, text in zip(clean, texts, strict=True):
            enforcer.enforce(source, [_Text(text)], engine)
    verify = (time.perf_counter() - began) / rounds
    return {"engine": engine.name, "model": str(model), "segments": len(sources),
            "before": summarize(before).to_dict(), "after": summarize(after).to_dict(),
            "repaired": [{"source": s, "model": t.text, "enforced": out[0], "method": out[1].method}
                         for s, t, r, out in zip(sources, plain, before, enforced_out, strict=True)
                         if r.required and not r.complete],
            "clean_segments": len(clean), "seconds_without": round(timing["without"], 4),
            "seconds_with": round(timing["with"], 4),
            "overhead": round(timing["with"] / timing["without"] - 1, 4),
            "verify_seconds": round(verify, 5), "verify_share": round(verify / timing["without"], 4)}


class _Text:
    def __init__(self, text: str) -> None:
        self.text = text


def _speed_texts(dev: Path) -> list[str]:
    if dev.exists():
        base = [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines()]
    else:
        base = ["وأعلن وزير الخارجية الروسي سيرغي لافروف أن العلاقات مع الجزائر تصل إلى مستوى جديد"]
    return (base * (2000 // len(base) + 1))[:2000]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from machine import reported  # CPU model, threads and load average at start and end

    with reported("glossary_bench"):
        raise SystemExit(main())

"""Compare the language detectors on labelled segments: per-language precision/recall, speed, honesty.

    .venv/bin/python benchmarks/langid_bench.py            # tables for every detector (Markdown)
    .venv/bin/python benchmarks/langid_bench.py --sweep    # how the "und" threshold trades coverage for errors
    .venv/bin/python benchmarks/langid_bench.py --calibration   # accuracy per confidence bin
    .venv/bin/python benchmarks/langid_bench.py --detectors script-aware lingua-low

Sets: ``tests/data/langid_segments.tsv`` (ours, written for this) and, when present, the shared dev set
``../shared/eval/langid_dev.jsonl``. "short" = 4 words or fewer. A "confidently wrong" answer is a language
other than the gold one (``und`` is an honest abstention, not an error). Gold ``und`` rows are names that
belong to no language (``Tindouf``): any language there is wrong.

Speed is segments per second through ``detect_many`` on distinct texts with every cache emptied first
(the default detector caches repeated texts, which would flatter it); start-up (loading word lists or
models) is timed separately.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from translator import langid  # noqa: E402
from translator.langid.backends import BACKENDS  # noqa: E402

OURS = ROOT / "tests" / "data" / "langid_segments.tsv"
DEV = ROOT.parent / "shared" / "eval" / "langid_dev.jsonl"


def load_sets(dev_path: Path) -> dict[str, list[tuple[str, str]]]:
    with OURS.open(encoding="utf-8") as f:
        ours = [(r["text"], r["lang"]) for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    sets = {"segments": ours}
    if dev_path.is_file():
        with dev_path.open(encoding="utf-8") as f:
            sets["dev"] = [(d["text"], d["lang"]) for d in map(json.loads, f) if d.get("text")]
    return sets


def is_short(text: str) -> bool:
    return len(text.split()) <= 4


def timed(name: str, texts: list[str], rounds: int) -> tuple[list[langid.Detection], float, float, float]:
    """(detections, start-up seconds, segments/s wall clock, segments/s of CPU time), cold cache.

    The machine is shared: the best of ``rounds`` is kept, and CPU time (this process only, all threads)
    is given beside wall time so that a busy neighbour does not pass for a slow detector.
    """
    start = time.perf_counter()
    langid.detect("warm up", detector=name)
    langid.detect("تسخين", detector=name)
    startup = time.perf_counter() - start
    best_wall = best_cpu = float("inf")
    found: list[langid.Detection] = []
    for _ in range(rounds):
        langid._detect_default.cache_clear()
        wall, cpu = time.perf_counter(), time.process_time()
        found = langid.detect_many(texts, detector=name)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return found, startup, len(texts) / best_wall, len(texts) / max(best_cpu, 1e-9)


def summary(rows: list[tuple[str, str]], found: list[langid.Detection]) -> dict[str, float]:
    long_ = [(g, d.lang) for (t, g), d in zip(rows, found, strict=True) if not is_short(t)]
    short = [(g, d.lang) for (t, g), d in zip(rows, found, strict=True) if is_short(t)]
    return {
        "long_n": len(long_),
        "long_acc": sum(g == p for g, p in long_) / max(len(long_), 1),
        "short_n": len(short),
        "short_acc": sum(g == p for g, p in short) / max(len(short), 1),
        "short_und": sum(p == "und" != g for g, p in short) / max(len(short), 1),
        "short_wrong": sum(p not in ("und", g) for g, p in short) / max(len(short), 1),
    }


def per_language(rows: list[tuple[str, str]], found: list[langid.Detection]) -> dict[str, tuple[float, float, int]]:
    gold = Counter(g for _, g in rows)
    predicted = Counter(d.lang for d in found)
    correct = Counter(g for (_, g), d in zip(rows, found, strict=True) if d.lang == g)
    return {lang: (correct[lang] / predicted[lang] if predicted[lang] else float("nan"),
                   correct[lang] / gold[lang], gold[lang]) for lang in sorted(gold)}


def report(names: list[str], dev_path: Path, rounds: int) -> None:
    sets = load_sets(dev_path)
    all_texts = list(dict.fromkeys(t for rows in sets.values() for t, _ in rows))
    results: dict[str, dict[str, list[langid.Detection]]] = {}
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores\n")
    print("| detector | start-up s | segments/s (wall) | segments/s (CPU) | set | 5+ words acc | short acc "
          "| short und | short wrong |")
    print("|---|---:|---:|---:|---|---:|---:|---:|---:|")
    for name in names:
        found_all, startup, speed, cpu_speed = timed(name, all_texts, rounds if name != "langdetect" else 1)
        by_text = dict(zip(all_texts, found_all, strict=True))
        results[name] = {}
        for set_name, rows in sets.items():
            found = [by_text[t] for t, _ in rows]
            results[name][set_name] = found
            s = summary(rows, found)
            print(f"| {name} | {startup:.2f} | {speed:,.0f} | {cpu_speed:,.0f} | {set_name} (n={len(rows)}) | "
                  f"{s['long_acc']:.3f} ({s['long_n']}) | {s['short_acc']:.3f} ({s['short_n']}) | "
                  f"{s['short_und']:.3f} | {s['short_wrong']:.3f} |")
    for set_name, rows in sets.items():
        print(f"\nPer-language precision / recall on {set_name} (n = gold count):\n")
        print("| lang | n | " + " | ".join(names) + " |")
        print("|---|---:|" + "---:|" * len(names))
        tables = {name: per_language(rows, results[name][set_name]) for name in names}
        for lang in sorted({g for _, g in rows}):
            cells = []
            for name in names:
                p, r, _ = tables[name][lang]
                cells.append(f"{'—' if p != p else f'{p:.2f}'} / {r:.2f}")
            print(f"| {lang} | {tables[names[0]][lang][2]} | " + " | ".join(cells) + " |")
        errors = [(t, g, results[names[0]][set_name][i]) for i, (t, g) in enumerate(rows)
                  if results[names[0]][set_name][i].lang not in ("und", g)]
        if errors:
            print(f"\n{names[0]} confidently wrong on {set_name}:")
            for text, gold, d in errors:
                print(f"  gold={gold} got={d.lang} ({d.confidence:.2f})  {text[:80]}")


def calibration(names: list[str], dev_path: Path) -> None:
    """Reliability: among answers (not und) with confidence in a bin, how many are right."""
    rows = [r for rs in load_sets(dev_path).values() for r in rs]
    bins = [(0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)]
    print("| detector | " + " | ".join(f"{lo:.2f}–{min(hi, 1):.2f}" for lo, hi in bins) + " |")
    print("|---|" + "---:|" * len(bins))
    for name in names:
        found = langid.detect_many([t for t, _ in rows], detector=name)
        cells = []
        for lo, hi in bins:
            inside = [(g, d.lang) for (_, g), d in zip(rows, found, strict=True)
                      if d.lang != "und" and lo <= d.confidence < hi]
            right = sum(g == p for g, p in inside)
            cells.append(f"{right / len(inside):.2f} ({len(inside)})" if inside else "—")
        print(f"| {name} | " + " | ".join(cells) + " |")


def sweep(names: list[str], dev_path: Path) -> None:
    rows = [r for rs in load_sets(dev_path).values() for r in rs]
    texts = [t for t, _ in rows]
    print("| detector | threshold | 5+ words acc | short acc | short wrong |")
    print("|---|---:|---:|---:|---:|")
    for name in names:
        raw = BACKENDS[name].guess_many(texts)
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
            found = [langid.Detection(lang if conf >= threshold else "und", conf, "", name)
                     for lang, conf in raw]
            s = summary(rows, found)
            print(f"| {name} | {threshold:.2f} | {s['long_acc']:.3f} | {s['short_acc']:.3f} | "
                  f"{s['short_wrong']:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--detectors", nargs="+", default=[n for n in langid.available_detectors()
                                                            if n != "default"])
    parser.add_argument("--dev", type=Path, default=DEV, help="shared dev set (skipped when missing)")
    parser.add_argument("--rounds", type=int, default=20, help="timing rounds; the best is kept")
    parser.add_argument("--sweep", action="store_true", help="print accuracy against the und threshold")
    parser.add_argument("--calibration", action="store_true",
                        help="print accuracy of the answers given in each confidence bin")
    args = parser.parse_args()
    if args.sweep:
        sweep(args.detectors, args.dev)
    elif args.calibration:
        calibration(args.detectors, args.dev)
    else:
        report(args.detectors, args.dev, args.rounds)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from machine import reported  # CPU model, threads and load average at start and end

    with reported("langid_bench"):
        main()

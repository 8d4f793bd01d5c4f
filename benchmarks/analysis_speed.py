"""Corpus analysis speed without translation, this checkout against another, interleaved (issue 20: ≥ 2×).

    python benchmarks/analysis_speed.py --baseline /path/to/other/checkout      # 300 documents, 3 rounds
    python benchmarks/analysis_speed.py --baseline DIR --documents 1000 --rounds 2

Each measurement is a fresh process that first runs a batch on the five sample documents of ``corpus/`` (so
that every table, word list and glossary is loaded: start-up is measured by startup.py) and then times
``run_batch`` (translation off, no report, one worker) on a generated corpus (corpus_throughput.py's
generator: the samples made unique). The two checkouts run in turn within each round; medians of documents/s
and the ratio this/baseline are printed with the machine's load. The last line is JSON.

The generated corpus repeats five texts (only a "Document N" line differs), so the caches keyed by a line's
text (the dates read in a line, outlet lookups, a title's language, whether a text is Arabic) answer almost
every document from the warm-up batch. ``--cold`` empties them (and a segment's remembered glossary matches)
before each document's citations are parsed:
the figure for a corpus whose lines are all new. Caches keyed by a word or a name (which repeat in any real
corpus) are kept.

Children run with ``python -P`` so that the folder they start in never shadows ``PYTHONPATH`` (a ``-c``
script would otherwise import the ``translator`` of the current folder, whatever the checkout asked for).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_throughput import generate
from machine import in_checkout, reported

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, sys, tempfile, time
from pathlib import Path
try:
    from translator.corpus.run import run_batch
except ImportError:  # a baseline checkout from before corpus/run.py
    from translator.corpus.pipeline import run_batch
if sys.argv[3] == "cold":  # each document's lines new to the line-keyed caches (the corpus repeats 5 texts)
    import translator.citations as citations
    from translator.citations import fields
    from translator.text import arabic
    parse = citations.parse_citations
    try:  # a segment's glossary matches (remembered since session 8)
        from translator.glossary.remembered import forget_matches
    except ImportError:
        forget_matches = lambda: None
    def cold(*args, **kwargs):
        forget_matches()
        for name in ("_cached_dates", "_dates", "text_language"):  # a line's dates (renamed when long lines stopped
            # being cached), a title's language (remembered since session 7)
            if hasattr(getattr(fields, name, None), "cache_clear"):
                getattr(fields, name).cache_clear()
        citations.default_registry().__dict__.pop("_candidates_memo", None)
        if hasattr(arabic, "_is_arabic"):  # whether a text is Arabic (remembered since session 7)
            arabic._is_arabic.cache_clear()
        return parse(*args, **kwargs)
    citations.parse_citations = cold  # analyze_document imports it from the package when it runs
with tempfile.TemporaryDirectory() as tmp:
    run_batch(Path(sys.argv[2]), Path(tmp) / "warm", translate=False, report=False, progress=False, use_memory=False)
    t, cpu = time.perf_counter(), time.process_time()
    s = run_batch(Path(sys.argv[1]), Path(tmp) / "out", translate=False, report=False, progress=False,
                  use_memory=False)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
if s.failed_files or not s.documents:  # a broken hook or checkout must not pass for a fast one
    raise SystemExit(f"{s.failed_files} failed files, {s.documents} documents: {s.errors[:2]}")
print(json.dumps({"documents": s.documents, "seconds": seconds, "docs_per_s": s.documents / seconds,
                  "cpu_seconds": cpu, "docs_per_cpu_s": s.documents / cpu,
                  "citations": s.citations, "segments": s.segments, "analyze_s": s.timings.get("analyze")}))
"""


def measure(checkout: Path, corpus: Path, cold: bool = False) -> dict:
    return in_checkout(checkout, CHILD, str(corpus), str(ROOT / "corpus"), "cold" if cold else "warm")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="the checkout to compare with")
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cold", action="store_true",
                        help="empty the line-keyed caches (dates of a line, outlet lookups) before each document: "
                             "the generated corpus repeats five texts, which flatters them")
    args = parser.parse_args()
    checkouts = {"this": ROOT, "baseline": args.baseline.resolve()}
    with tempfile.TemporaryDirectory() as tmp, reported("analysis_speed") as machine:
        corpus = Path(tmp) / "corpus"
        generate(corpus, args.documents)
        rows: dict[str, list[dict]] = {name: [] for name in checkouts}
        for number in range(args.rounds):
            for name, checkout in checkouts.items():
                rows[name].append(measure(checkout, corpus, args.cold))
            print(f"round {number + 1}: " + ", ".join(f"{n} {r[-1]['docs_per_s']:.1f} docs/s "
                                                      f"({r[-1]['docs_per_cpu_s']:.1f} per CPU s)"
                                                      for n, r in rows.items()), flush=True)
    same = {key: len({r[key] for rs in rows.values() for r in rs}) == 1
            for key in ("documents", "segments", "citations")}
    median = {name: round(statistics.median(r["docs_per_s"] for r in rs), 2) for name, rs in rows.items()}
    cpu = {name: round(statistics.median(r["docs_per_cpu_s"] for r in rs), 2) for name, rs in rows.items()}
    ratio, cpu_ratio = round(median["this"] / median["baseline"], 2), round(cpu["this"] / cpu["baseline"], 2)
    print(f"documents/s (median of {args.rounds}): this {median['this']}, baseline {median['baseline']}; "
          f"ratio {ratio:.2f}. Per CPU second (less sensitive to other jobs): this {cpu['this']}, baseline "
          f"{cpu['baseline']}; ratio {cpu_ratio:.2f}. Same documents/segments/citations counts: {same}")
    print(json.dumps({"documents": args.documents, "rounds": args.rounds, "cold": args.cold,
                      "median_docs_per_s": median,
                      "median_docs_per_cpu_s": cpu, "ratio_this_over_baseline": ratio,
                      "cpu_ratio_this_over_baseline": cpu_ratio, "same_counts": same, "runs": rows,
                      "load_avg_start": machine["load_avg"]}))


if __name__ == "__main__":
    main()

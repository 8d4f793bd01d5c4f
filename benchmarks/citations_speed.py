"""Citation-parsing CPU time, this checkout against another, interleaved in fresh processes (issue 15/20).

    python benchmarks/citations_speed.py --baseline /path/to/other/checkout            # 3 rounds
    python benchmarks/citations_speed.py --baseline DIR --rounds 5

Texts (read from THIS checkout, so both sides parse the same): every passage of
``tests/data/citations_real.jsonl`` and ``tests/data/citations_cases.jsonl``, the seed article and the five
corpus samples ("press-review text"), and the real Arabic sentences of ``tests/data/arabic_sentences_real.tsv``
and paragraphs of ``benchmarks/data/sentence_boundaries_real.jsonl`` (ordinary news prose, mostly without
citations: the common case of a batch). Each child loads the parser, parses
every text once to warm the word lists, then empties the line-keyed caches (the line's dates, the registry's
lookup memo) before EACH text and times a second pass with ``time.process_time`` (the ``--cold`` figure of
``analysis_speed.py``). The two checkouts run in turn within each round; medians of CPU seconds per pass and
the ratio this/baseline are printed with the machine's load. Citation counts of both sides are printed too
(a faster parser that finds fewer citations is no gain). The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from machine import in_checkout  # noqa: E402

CHILD = r"""
import json, sys, time
import translator.citations as citations
from translator.citations import fields
texts = json.load(open(sys.argv[1], encoding="utf-8"))
def cold():
    for name in ("_cached_dates", "_dates"):
        if hasattr(getattr(fields, name, None), "cache_clear"):
            getattr(fields, name).cache_clear()
    citations.default_registry().__dict__.pop("_candidates_memo", None)
out = {}
for group, items in texts.items():
    for t in items:
        citations.parse_citations(t)
for group, items in texts.items():
    n = 0
    cpu = 0.0
    for t in items:
        cold()
        start = time.process_time()
        n += len(citations.parse_citations(t))
        cpu += time.process_time() - start
    out[group] = {"cpu_s": cpu, "citations": n, "texts": len(items)}
print(json.dumps(out))
"""


def texts() -> dict[str, list[str]]:
    data = ROOT / "tests" / "data"
    review = [json.loads(x)["raw"] for x in (data / "citations_real.jsonl").read_text(encoding="utf-8").splitlines()
              if x.strip()]
    review += [json.loads(x).get("text") or json.loads(x).get("raw") or ""
               for x in (data / "citations_cases.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    review.append((data / "seed_article.txt").read_text(encoding="utf-8"))
    review += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "corpus").glob("*"))
               if p.is_file()]
    lines = [line for line in (data / "arabic_sentences_real.tsv").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    prose = [line.split("\t")[0] for line in lines[1:]]
    paragraphs = ROOT / "benchmarks" / "data" / "sentence_boundaries_real.jsonl"
    prose += [json.loads(x)["text"] for x in paragraphs.read_text(encoding="utf-8").splitlines() if x.strip()]
    return {"press_review": [t for t in review if t], "prose": prose}


def measure(checkout: Path, corpus: Path) -> dict:
    return in_checkout(checkout, CHILD, str(corpus), cwd=checkout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, required=True, help="another checkout of the project")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "texts.json"
        corpus.write_text(json.dumps(texts(), ensure_ascii=False), encoding="utf-8")
        runs: dict[str, list[dict]] = {"this": [], "baseline": []}
        for _ in range(args.rounds):
            runs["this"].append(measure(ROOT, corpus))
            runs["baseline"].append(measure(args.baseline.resolve(), corpus))
    result: dict[str, object] = {"load": os.getloadavg()[0], "rounds": args.rounds}
    for group in runs["this"][0]:
        this = statistics.median(r[group]["cpu_s"] for r in runs["this"])
        base = statistics.median(r[group]["cpu_s"] for r in runs["baseline"])
        result[group] = {"texts": runs["this"][0][group]["texts"], "this_cpu_s": round(this, 3),
                         "baseline_cpu_s": round(base, 3), "ratio": round(this / base, 3),
                         "citations_this": runs["this"][0][group]["citations"],
                         "citations_baseline": runs["baseline"][0][group]["citations"]}
        print(f"{group}: {result[group]['texts']} texts, CPU {this:.2f} s vs baseline {base:.2f} s "
              f"(ratio {this / base:.2f}); citations {result[group]['citations_this']} vs "
              f"{result[group]['citations_baseline']}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()

"""The batch job on Ray Data against the local engine: documents/s and Ray's cost per document.

    python benchmarks/ray_bench.py                      # 60 and 240 documents; local, Ray 1 actor, Ray 2 actors
    python benchmarks/ray_bench.py --sizes 400 2000 --only-analysis --repeats 1   # Ray's steady cost per doc
    python benchmarks/ray_bench.py --model PATH         # any MarianMT/CTranslate2 folder instead of the tiny model

Every document is unique (English prose, three Arabic sentences from tests/data/parallel_ar_en.tsv with a
numbered clause, a citation), so every Arabic segment reaches the model; the translation memory is off. Each
run is a fresh process, as a user's `translator batch` is, so Ray's figures include starting the runtime and
the actors and loading the model in each actor. Running every configuration on two corpus sizes separates
that fixed cost (the intercept) from the cost per document (the slope); Ray's per-document overhead is its
slope minus the local engine's. Runs are repeated and interleaved and the fastest of each counts, because a
shared machine's load varies more than the differences measured. The ``-analysis`` configurations run with
translation off (Ray: tasks only, no actors): the work per document is small there, so Ray's own cost per
document (serialization, scheduling, the driver saving each row) shows most plainly. The model is the tiny
trained MarianMT of the tests (tests/.cache, built if missing), so the figures measure the pipeline around
the model more than the model itself. The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARABIC_NUMBERS = "٠١٢٣٤٥٦٧٨٩"


def pairs() -> list[tuple[str, str]]:
    with open(ROOT / "tests" / "data" / "parallel_ar_en.tsv", encoding="utf-8", newline="") as handle:
        return [(row["arabic"], row["english"]) for row in csv.DictReader(handle, delimiter="\t")]


def generate(folder: Path, n: int) -> None:
    """``n`` unique documents: English prose, three Arabic sentences each made unique, one cited headline."""
    data = pairs()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        number = "".join(ARABIC_NUMBERS[int(d)] for d in str(i + 1))
        arabic = [f"{data[(3 * i + j) % len(data)][0]} في التقرير رقم {number}" for j in range(3)]
        headline, english = data[i % len(data)]
        body = (f"# Report {i}\n\nThe ministry published its assessment on day {i} of the quarter.\n\n"
                + "\n\n".join(arabic)
                + f"\n\n“{headline}\n\n({english}),” al-Araby al-Jadid (Qatari-aligned daily), 7 June 2022.\n")
        (folder / f"doc-{i:05d}.md").write_text(body, encoding="utf-8")


def tiny_model() -> Path:
    """The tests' tiny model from tests/.cache, trained there first if it is not built yet."""
    found = sorted(p for p in (ROOT / "tests" / ".cache").glob("tiny-marian-*")
                   if p.is_dir() and not p.name.endswith("-ct2-int8") and (p / "training.json").is_file())
    if found:
        return found[-1]
    from translator.testing.tiny import read_pairs, train_tiny_marian

    folder = Path(tempfile.mkdtemp(prefix="translator-ray-bench-model-")) / "tiny"
    print("training the tiny model (once, up to a minute)...", file=sys.stderr)
    train_tiny_marian(read_pairs(sorted((ROOT / "tests" / "data").glob("parallel_*.tsv"))), folder)
    return folder


_RUN = """
import json, sys, time
from pathlib import Path
from translator.corpus.run import BatchOptions, run_batch
corpus, out, model, engine, actors, threads, translate = sys.argv[1:8]
options = BatchOptions(model=model, engine="transformers", threads=int(threads), use_memory=False,
                       translate=translate == "1", progress=False, report=False)
t = time.perf_counter()
if engine == "ray":
    from translator.corpus.executors.ray import run_batch_ray
    summary = run_batch_ray(corpus, out, options, actors=int(actors))
else:
    summary = run_batch(corpus, out, options)
seconds = time.perf_counter() - t
assert summary.processed_files == summary.files, summary.to_dict()
assert (summary.translated_segments > 0) == (translate == "1"), summary.to_dict()
print(json.dumps({"seconds": seconds, "documents": summary.documents, "segments": summary.segments,
                  "translated_segments": summary.translated_segments, "timings": summary.timings}))
"""


def run_one(corpus: Path, out: Path, model: Path, config: tuple[str, int, bool], threads: int) -> dict:
    engine, actors, translate = config
    result = subprocess.run([sys.executable, "-c", _RUN, str(corpus), str(out), str(model), engine, str(actors),
                             str(threads), "1" if translate else "0"], capture_output=True, text=True,
                            env=os.environ.copy())
    if result.returncode != 0:
        raise SystemExit(f"{engine} run failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _name(config: tuple[str, int, bool]) -> str:
    engine, actors, translate = config
    name = engine if engine == "local" or not translate else f"ray-{actors}"
    return name if translate else f"{name}-analysis"


def fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Least-squares (fixed seconds, seconds per document) through (documents, seconds) points."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    var = sum((x - mean_x) ** 2 for x, _ in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / var if var else mean_y / mean_x
    return mean_y - slope * mean_x, slope


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 400])
    parser.add_argument("--repeats", type=int, default=2, help="runs per configuration; the fastest counts")
    parser.add_argument("--actors", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--threads", type=int, default=1, help="torch threads of the local engine and each actor")
    parser.add_argument("--skip-analysis-only", action="store_true",
                        help="skip the runs without translation (analysis only, where Ray's own cost shows most)")
    parser.add_argument("--only-analysis", action="store_true", help="only the runs without translation")
    parser.add_argument("--model", type=Path, help="model folder (default: the tests' tiny model)")
    args = parser.parse_args()
    if args.only_analysis and args.skip_analysis_only:
        raise SystemExit("--only-analysis and --skip-analysis-only leave nothing to run")
    model = args.model or tiny_model()
    # (engine, actors, translate); without translation Ray runs tasks only, which isolates its own cost per row
    configs = [] if args.only_analysis else [("local", 1, True)] + [("ray", a, True) for a in args.actors]
    if not args.skip_analysis_only:
        configs += [("local", 1, False), ("ray", 1, False)]
    runs: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="translator-ray-bench-") as tmp:
        base = Path(tmp)
        for n in args.sizes:
            corpus = base / f"corpus-{n}"
            generate(corpus, n)
            for _ in range(args.repeats):  # interleaved, so that a busy spell does not hit one config only
                for config in configs:
                    name = _name(config)
                    r = run_one(corpus, base / f"out-{n}-{name}-{len(runs)}", model, config, args.threads)
                    r |= {"config": name, "files": n, "docs_per_s": round(n / r["seconds"], 2)}
                    runs.append(r)
                    print(f"{n:>5} docs  {name:<14} {r['seconds']:7.1f} s  {r['docs_per_s']:7.2f} docs/s  "
                          f"timings {r['timings']}", file=sys.stderr)
    best = {}
    for r in runs:
        key = (r["config"], r["files"])
        if key not in best or r["seconds"] < best[key]["seconds"]:
            best[key] = r
    fits = {}
    for config in configs:
        name = _name(config)
        fixed, per_doc = fit([(n, r["seconds"]) for (c, n), r in best.items() if c == name])
        fits[name] = {"fixed_s": round(fixed, 2), "per_doc_ms": round(per_doc * 1000, 2),
                      "steady_docs_per_s": round(1 / per_doc, 2) if per_doc > 0 else None}
    def baseline(name: str) -> dict:
        return fits["local-analysis" if name.endswith("-analysis") else "local"]

    overhead = {name: round(f["per_doc_ms"] - baseline(name)["per_doc_ms"], 2) for name, f in fits.items()
                if not name.startswith("local")}
    print(json.dumps({"machine": {"cpus": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2)},
                      "model": str(model), "threads": args.threads, "runs": runs,
                      "best_docs_per_s": {f"{c}@{n}": r["docs_per_s"] for (c, n), r in best.items()}, "fits": fits,
                      "ray_overhead_per_doc_ms": overhead,
                      "ray_fixed_overhead_s": {n: round(f["fixed_s"] - baseline(n)["fixed_s"], 2)
                                               for n, f in fits.items() if not n.startswith("local")},
                      "finished": time.strftime("%Y-%m-%dT%H:%M:%S")}))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from machine import reported  # CPU model, threads and load average at start and end

    with reported("ray_bench"):
        main()

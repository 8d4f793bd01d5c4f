"""Peak memory of `translator batch` with its HTML report, at two corpus sizes (issue 20: flat within 10%).

    python benchmarks/report_memory.py                                 # 1,000 and 10,000 documents
    python benchmarks/report_memory.py --sizes 200 2000 --baseline /work/main

For each size a corpus is generated as in corpus_throughput.py, then, each in a fresh process:

- ``batch``: ``translator batch IN --out OUT --no-translate --no-memory`` (report on, as users run it); peak
  RSS of that process, and the seconds;
- ``report``: ``translator report OUT`` alone on the finished run, with this checkout and (``--baseline DIR``)
  with another one: the report's own peak RSS, old against new on the very same tables.

Prints peak RSS per size, the ratio largest/smallest size (target ≤ 1.10) and the machine's load; the last
line is JSON.

Children run with ``python -P`` so that the folder they start in never shadows ``PYTHONPATH`` (a ``-c``
script would otherwise import the ``translator`` of the current folder, whatever the checkout asked for).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_throughput import generate
from machine import reported

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, resource, sys, time
from translator.cli import main
t = time.perf_counter()
code = main(sys.argv[1:])
print(json.dumps({"rc": code, "seconds": time.perf_counter() - t,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(args: list[str], pythonpath: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    out = subprocess.run([sys.executable, "-P", "-c", CHILD, *args], capture_output=True, text=True, env=env)
    if out.returncode:
        raise SystemExit(f"{args}: exit {out.returncode}\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--baseline", type=Path, help="another checkout: its `translator report` on the same run")
    parser.add_argument("--keep", type=Path, help="keep the corpora and outputs in this folder")
    args = parser.parse_args()
    results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory() as tmp, reported("report_memory") as machine:
        work = args.keep or Path(tmp)
        for size in args.sizes:
            corpus, out = work / f"corpus-{size}", work / f"out-{size}"
            if not corpus.exists():
                generate(corpus, size)
            batch = run(["batch", str(corpus), "--out", str(out), "--no-translate", "--no-memory", "--quiet"], ROOT)
            row = {"batch_peak_rss_mb": round(batch["peak_rss_mb"], 1), "batch_seconds": round(batch["seconds"], 1),
                   "report_peak_rss_mb": round(run(["report", str(out)], ROOT)["peak_rss_mb"], 1)}
            if args.baseline:
                row["baseline_report_peak_rss_mb"] = round(run(["report", str(out)], args.baseline)["peak_rss_mb"], 1)
            row["report_html_kb"] = round((out / "report.html").stat().st_size / 1024)
            results[size] = row
            print(f"{size} documents: " + ", ".join(f"{k} {v}" for k, v in row.items()), flush=True)
    small, large = min(results), max(results)
    ratios = {key: round(results[large][key] / results[small][key], 3)
              for key in results[large] if key.endswith("rss_mb")}
    print(f"peak RSS {large} / {small} documents: " + ", ".join(f"{k} {v:.2f}" for k, v in ratios.items()))
    print(json.dumps({"sizes": results, "ratios_large_over_small": ratios, "load_avg_start": machine["load_avg"],
                      "at": time.strftime("%Y-%m-%d %H:%M")}))


if __name__ == "__main__":
    main()

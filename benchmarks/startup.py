"""Start-up: seconds from a cold interpreter to the first document done (issue 20), cache on vs off, interleaved.

    python benchmarks/startup.py                          # 5 rounds: cache off, cache warm
    python benchmarks/startup.py --baseline /work/main    # and another checkout, as a third column
    python benchmarks/startup.py --rounds 3 --importtime  # and the slowest imports (python -X importtime)
    python benchmarks/startup.py --cli                    # and the command as users run it (whole child)

Each measurement is a fresh ``python`` process that imports ``translator.corpus.run`` and runs
``run_batch`` (translation off, no report) on a folder holding one document (``shared/seed`` sample article,
else the first file of ``corpus/``). It prints the import time and the time to the first document done
(import included). Modes:

- ``cache off``: ``TRANSLATOR_CACHE_DIR=off``: every table built from its sources, as before the cache;
- ``cache warm``: a cache folder filled by one run before the rounds (what every run after the first sees);
- ``baseline``: ``--baseline DIR`` put first on ``PYTHONPATH`` (another checkout, e.g. the main branch), with its
  own cache folder, warm.

- ``cli warm`` (``--cli``): ``python -m translator batch DIR --out OUT --no-translate --no-report --no-memory``
  with this checkout's warm cache: the whole command as users run it, whose exit skips the interpreter's
  teardown (``translator.cli.exit_fast``); only its wall and whole-child CPU seconds are known (``cpu_s``;
  ``first_document_s`` is the child's wall time, exit included; ``import_s`` and ``cpu_to_first_s`` are 0).

The modes run in turn within each round, so load from other jobs falls on all of them alike; medians and the
ratio warm/off (and warm/baseline) are printed with the machine's load, for wall seconds and for the child's
CPU seconds: to the first document done (``cpu_to_first_s``: ``time.process_time()`` there, which counts from the
process's start, interpreter and imports included) and of the whole child (``cpu_s``: user + system as the
parent's ``getrusage`` sees it, which adds the interpreter's exit: freeing every table, ≈ 0.2 s). On a busy
machine CPU seconds are the steadier figure. The last line is JSON.

Children run with ``python -P`` so that the folder they start in never shadows ``PYTHONPATH`` (a ``-c``
script would otherwise import the ``translator`` of the current folder, whatever the checkout asked for).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import reported

ROOT = Path(__file__).resolve().parent.parent
SEED = Path("/work/shared/seed/sample-article.txt")

CHILD = """
import json, shutil, sys, tempfile, time
from pathlib import Path
t0 = time.perf_counter()
try:
    from translator.corpus.run import run_batch
except ImportError:  # a baseline checkout from before corpus/run.py
    from translator.corpus.pipeline import run_batch
imported = time.perf_counter() - t0
with tempfile.TemporaryDirectory() as tmp:
    src = Path(tmp) / "in"
    src.mkdir()
    shutil.copy(sys.argv[1], src / ("a" + Path(sys.argv[1]).suffix))
    s = run_batch(src, Path(tmp) / "out", translate=False, report=False, progress=False, use_memory=False)
first = time.perf_counter() - t0
cpu_first = time.process_time()  # the process's CPU seconds from its start (interpreter included) to here
print(json.dumps({"import_s": imported, "first_document_s": first, "documents": s.documents,
                  "cpu_to_first_s": cpu_first}), flush=True)
"""


def sample_document() -> Path:
    if SEED.is_file():
        return SEED
    return sorted(p for p in (ROOT / "corpus").iterdir() if p.is_file())[0]


def measure_cli(env: dict[str, str], document: Path) -> dict:
    """The ``translator batch`` command on a folder holding ``document``: wall and whole-child CPU seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / ("a" + document.suffix)).write_bytes(document.read_bytes())
        command = [sys.executable, "-P", "-m", "translator", "batch", str(folder), "--out", str(Path(tmp) / "out"),
                   "--no-translate", "--no-report", "--no-memory", "--quiet", "--format", "jsonl"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        out = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    if summary.get("documents") != 1:
        raise SystemExit(f"translator batch did not do the document: {out.stdout[-500:]}")
    return {"import_s": 0.0, "first_document_s": wall, "documents": 1, "cpu_to_first_s": 0.0,
            "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)}


def measure(env: dict[str, str], document: Path, importtime: bool = False) -> dict:
    if env.get("STARTUP_CLI") == "1":
        return measure_cli(env, document)
    command = [sys.executable, "-P", *(["-X", "importtime"] if importtime else []), "-c", CHILD, str(document)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    # CPU seconds of the whole child, import and all: what a loaded machine changes least
    result["cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if importtime:
        rows = []
        for line in out.stderr.splitlines():
            if line.startswith("import time:") and "|" in line:
                _, cumulative, name = (c.strip() for c in line[len("import time:"):].split("|"))
                if cumulative.isdigit():
                    rows.append((int(cumulative), name))
        result["slowest_imports"] = [(name, round(us / 1e6, 3)) for us, name in sorted(rows, reverse=True)[:12]]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with (first on PYTHONPATH)")
    parser.add_argument("--cli", action="store_true",
                        help="also the translator batch command as users run it (whole child, fast exit)")
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports (warm cache)")
    args = parser.parse_args()
    document = sample_document()
    with tempfile.TemporaryDirectory() as cache, reported("startup") as machine:
        # as installed: byte code compiled once and kept (the warm-up run of each mode writes __pycache__)
        base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        modes = {"cache off": {**base, "PYTHONPATH": str(ROOT), "TRANSLATOR_CACHE_DIR": "off"},
                 "cache warm": {**base, "PYTHONPATH": str(ROOT), "TRANSLATOR_CACHE_DIR": os.path.join(cache, "this")}}
        if args.baseline:
            # its own warm cache folder (filled by the warm-up below): in the shared default folder other
            # checkouts' keys evict its files, and it would pay rebuilds this checkout does not
            modes["baseline"] = {**base, "PYTHONPATH": str(args.baseline.resolve()),
                                 "TRANSLATOR_CACHE_DIR": os.path.join(cache, "baseline")}
        if args.cli:  # the same warm cache folder as "cache warm"
            modes["cli warm"] = {**modes["cache warm"], "STARTUP_CLI": "1"}
            if args.baseline:  # the baseline's command (its own exit), its own warm cache
                modes["cli baseline"] = {**modes["baseline"], "STARTUP_CLI": "1"}
        fill = measure(modes["cache warm"], document)  # fills the cache: what a first run ever pays
        print(f"cache filled (first run ever): {fill['first_document_s']:.2f} s", flush=True)
        for mode in modes:
            measure(modes[mode], document)  # warm-up: byte code, the page cache
        times: dict[str, list[dict]] = {mode: [] for mode in modes}
        for number in range(args.rounds):
            for mode, env in modes.items():
                times[mode].append(measure(env, document))
            print(f"round {number + 1}: " + ", ".join(f"{m} {t[-1]['first_document_s']:.2f} s "
                                                      f"({t[-1]['cpu_to_first_s']:.2f} CPU s to it, "
                                                      f"{t[-1]['cpu_s']:.2f} with the exit)"
                                                      for m, t in times.items()), flush=True)
        summary = {mode: {key: round(statistics.median(r[key] for r in rows), 3)
                          for key in ("import_s", "first_document_s", "cpu_to_first_s", "cpu_s")}
                   for mode, rows in times.items()}
        for mode, row in summary.items():
            print(f"{mode:>10}: import {row['import_s']:.2f} s, first document {row['first_document_s']:.2f} s, "
                  f"{row['cpu_to_first_s']:.2f} CPU s to it, {row['cpu_s']:.2f} CPU s with the exit "
                  f"(median of {args.rounds})")
        ratios = {}
        for key in ("first_document_s", "cpu_to_first_s", "cpu_s"):
            warm = summary["cache warm"][key]
            ratios[f"{key}_warm_over_off"] = round(warm / summary["cache off"][key], 3)
            if "baseline" in summary:
                ratios[f"{key}_warm_over_baseline"] = round(warm / summary["baseline"][key], 3)
        for key in ("first_document_s", "cpu_s"):
            if "cli baseline" in summary:
                cli, old = summary["cli warm"][key], summary["cli baseline"][key]
                ratios[f"{key}_cli_over_cli_baseline"] = round(cli / old, 3)
        print("ratios (time, lower is faster): " + ", ".join(f"{k} {v:.2f}" for k, v in ratios.items()))
        result = {"document": document.name, "rounds": args.rounds, "cache_fill_s": round(fill["first_document_s"], 3),
                  "median": summary, "ratios": ratios, "load_avg_start": machine["load_avg"]}
        if args.importtime:
            result["slowest_imports_warm"] = measure(modes["cache warm"], document, importtime=True)["slowest_imports"]
            for name, seconds in result["slowest_imports_warm"]:
                print(f"  import {name}: {seconds:.3f} s (cumulative)")
    print(json.dumps(result))


if __name__ == "__main__":
    main()

"""Memory of one long text (issue #13): a one-line ``.txt`` of N MB (under the 50 MB ``--max-file-mb``), run
through ``translator batch --no-translate`` in a child process, with its peak resident memory.

    python benchmarks/long_text.py [--mb 10 25 49] [--work /tmp/translator-long] [--no-report]

The text is ordinary news-like sentences (Arabic with some English, seeded) written without a single line
break, as a scraped dump or an export with the newlines lost would be. Figures per size: peak RSS of the
batch process (``wait4``'s ``ru_maxrss``), wall time, documents and segments written, and the warnings the
documents table holds. A timing benchmark, not a test: the tests assert the behaviour (every character
segmented, offsets into the file, the warning recorded).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("الجزائر تعلق معاهدة الصداقة مع إسبانيا وقال الوزير في تصريح صحفي إن الحكومة ستدرس القرار "
         "The minister spoke in Algiers on Monday").split()


def write_one_line(path: Path, mb: float, seed: int = 0) -> int:
    """Write ``mb`` MiB of seeded sentences on one line to ``path``; returns its size in bytes."""
    rng = random.Random(seed)
    target, written = int(mb * 2**20), 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        while written < target:
            sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 20))) + ". "
            handle.write(sentence)
            written += len(sentence.encode("utf-8"))
    return written


def run_batch_child(corpus: Path, out: Path, extra: list[str] | None = None) -> tuple[int, float, float]:
    """(exit code, wall seconds, peak RSS in MB) of ``translator batch corpus --out out --no-translate``."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "translator", "batch", str(corpus), "--out", str(out),
                             "--no-translate", "--quiet", *(extra or [])], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return os.waitstatus_to_exitcode(status), time.perf_counter() - started, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[10, 25, 49])
    parser.add_argument("--work", type=Path, default=Path("/tmp/translator-long"))
    parser.add_argument("--no-report", action="store_true", help="run the batch without its HTML report")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from translator.corpus.tables import read_table

    print(f"CPU ×{os.cpu_count()}, load {os.getloadavg()[0]:.1f}")
    print("| one-line text | peak RSS | wall | exit | documents | segments | warnings |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    for mb in args.mb:
        shutil.rmtree(args.work, ignore_errors=True)
        corpus, out = args.work / "corpus", args.work / "out"
        write_one_line(corpus / "one-line.txt", mb)
        code, seconds, peak = run_batch_child(corpus, out, ["--no-report"] if args.no_report else [])
        try:
            documents, segments = read_table(out, "documents"), read_table(out, "segments")
            counts = f"{len(documents)} | {len(segments)} | {'; '.join(documents['warnings'].fillna(''))[:120]}"
        except Exception as exc:  # a run killed for memory leaves no tables: say so in the row
            counts = f"- | - | no tables ({type(exc).__name__})"
        print(f"| {mb:g} MB | {peak:.0f} MB | {seconds:.0f} s | {code} | {counts} |", flush=True)


if __name__ == "__main__":
    main()

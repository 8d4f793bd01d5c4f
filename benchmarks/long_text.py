"""Memory of one long text (issue #13): a one-line ``.txt`` of N MB (under the 50 MB ``--max-file-mb``), run
through ``translator batch --no-translate`` in a child process, with its peak resident memory.

    python benchmarks/long_text.py [--mb 1 3 6 12] [--jsonl-mb 76] [--max-file-mb 100] [--work DIR]
                                   [--no-report]

The text is ordinary news-like sentences (Arabic with some English, seeded) written without a single line
break, as a scraped dump or an export with the newlines lost would be; ``--jsonl-mb`` writes the same text as
the ``text`` of one JSON-lines record, on one line (raise ``--max-file-mb`` past 50 for it). Figures per size:
peak RSS of the batch process (``wait4``'s ``ru_maxrss``), wall time, documents and segments written, and the
warnings the documents table holds. A timing benchmark, not a test: the tests assert the behaviour (every character
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


def write_one_record(path: Path, mb: float, seed: int = 0) -> int:
    """Write one JSON-lines record whose ``text`` is ``mb`` MiB of seeded sentences; returns its size in bytes."""
    import json

    scratch = path.with_suffix(".scratch")
    write_one_line(scratch, mb, seed)
    text = scratch.read_text(encoding="utf-8")
    scratch.unlink()
    path.write_text(json.dumps({"id": "long", "title": "one long record", "text": text}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return path.stat().st_size


def run_batch_child(corpus: Path, out: Path, extra: list[str] | None = None) -> tuple[int, float, float]:
    """(exit code, wall seconds, peak RSS in MB) of ``translator batch corpus --out out --no-translate``."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "translator", "batch", str(corpus), "--out", str(out),
                             "--no-translate", "--quiet", *(extra or [])], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return os.waitstatus_to_exitcode(status), time.perf_counter() - started, usage.ru_maxrss / 1024


def cpu_model() -> str:
    """The processor's model name (``/proc/cpuinfo``), or the platform's word for it."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            return next(line.split(":", 1)[1].strip() for line in handle if line.startswith("model name"))
    except (OSError, StopIteration):
        import platform

        return platform.processor() or platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="*", default=[1, 3, 6, 12])
    parser.add_argument("--work", type=Path, default=Path("/tmp/translator-long"))
    parser.add_argument("--jsonl-mb", type=float, nargs="*", default=[], help="one JSON-lines record of N MB")
    parser.add_argument("--max-file-mb", type=float, default=None, help="passed to the batch (default: its own)")
    parser.add_argument("--no-report", action="store_true", help="run the batch without its HTML report")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from translator.corpus.tables import read_table

    print(f"CPU {cpu_model()} ×{os.cpu_count()}, load {os.getloadavg()[0]:.1f}")
    print("| one-line text | peak RSS | over the first size | load | wall | exit | documents | segments | warnings |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    first_peak = None
    extra = ["--no-report"] if args.no_report else []
    if args.max_file_mb is not None:
        extra += ["--max-file-mb", str(args.max_file_mb)]
    for kind, mb in [("one-line text", mb) for mb in args.mb] + [("JSON-lines record", mb) for mb in args.jsonl_mb]:
        shutil.rmtree(args.work, ignore_errors=True)
        corpus, out = args.work / "corpus", args.work / "out"
        if kind == "one-line text":
            write_one_line(corpus / "one-line.txt", mb)
        else:
            corpus.mkdir(parents=True, exist_ok=True)
            write_one_record(corpus / "one-record.jsonl", mb)
        code, seconds, peak = run_batch_child(corpus, out, extra)
        try:
            documents, segments = read_table(out, "documents"), read_table(out, "segments")
            counts = f"{len(documents)} | {len(segments)} | {'; '.join(documents['warnings'].fillna(''))[:120]}"
        except Exception as exc:  # a run killed for memory leaves no tables: say so in the row
            counts = f"- | - | no tables ({type(exc).__name__})"
        label = f"{mb:g} MB" if kind == "one-line text" else f"{mb:g} MB (JSON lines)"
        first_peak = peak if first_peak is None else first_peak
        print(f"| {label} | {peak:.0f} MB | {peak / first_peak - 1:+.1%} | {os.getloadavg()[0]:.1f} | "
              f"{seconds:.0f} s | {code} | {counts} |", flush=True)


if __name__ == "__main__":
    main()

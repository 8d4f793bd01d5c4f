"""Batch-job throughput and memory on generated corpus folders (issue: corpus folders at scale).

    python benchmarks/corpus_throughput.py                # 1,000 and 10,000 documents, 1 and 2 workers
    python benchmarks/corpus_throughput.py --sizes 200 --quick

Documents are generated from the sample corpus (English prose with Arabic headlines and citations, plain
Arabic text, HTML pages), each made unique. Translation is off (`--no-translate` path) so the figures measure
reading, segmentation, language detection, glossary matching, citation parsing and table writing; the
translation engine has its own benchmark (mt_throughput.py). Each configuration runs in a fresh process so
that peak RSS is its own. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def generate(folder: Path, n: int) -> None:
    samples = sorted(p for p in (ROOT / "corpus").iterdir() if p.is_file())
    texts = [(p.suffix, p.read_text(encoding="utf-8")) for p in samples]
    for i in range(n):
        suffix, text = texts[i % len(texts)]
        sub = folder / f"part-{i // 1000:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        stamp = f"<p>Document {i}</p>" if suffix == ".html" else f"Document {i}\n\n"
        body = text.replace("<body>", "<body>" + stamp) if suffix == ".html" else stamp + text
        (sub / f"doc-{i:05d}{suffix}").write_text(body, encoding="utf-8")


def run_one(corpus: Path, workers: int) -> dict:
    code = (
        "import json, resource, sys, time\n"
        "from translator.corpus.run import run_batch\n"
        "t = time.perf_counter()\n"
        f"s = run_batch({str(corpus)!r}, {str(corpus) + '-out-' + str(workers)!r}, translate=False, "
        f"progress=False, report=False, workers={workers})\n"
        "dt = time.perf_counter() - t\n"
        "me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'documents': s.documents, 'seconds': dt, 'docs_per_s': s.documents / dt,\n"
        "                  'segments': s.segments, 'citations': s.citations, 'peak_rss_mb': me,\n"
        "                  'peak_rss_worker_mb': kids, 'timings': s.timings}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--quick", action="store_true", help="only the smallest size, one worker")
    args = parser.parse_args()
    sizes = args.sizes[:1] if args.quick else args.sizes
    workers = args.workers[:1] if args.quick else args.workers
    results = []
    base = Path(tempfile.mkdtemp(prefix="translator-bench-"))
    try:
        for n in sizes:
            corpus = base / f"corpus-{n}"
            t = time.perf_counter()
            generate(corpus, n)
            print(f"generated {n} documents in {time.perf_counter() - t:.1f} s", file=sys.stderr)
            for w in workers:
                r = run_one(corpus, w) | {"size": n, "workers": w}
                results.append(r)
                print(f"{n:>6} docs  workers={w}  {r['docs_per_s']:8.1f} docs/s  {r['seconds']:7.1f} s  "
                      f"peak RSS {r['peak_rss_mb']:.0f} MB (workers {r['peak_rss_worker_mb']:.0f} MB)",
                      file=sys.stderr)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(json.dumps({"runs": results,
                      "bench_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from machine import reported  # CPU model, threads and load average at start and end

    with reported("corpus_throughput"):
        main()

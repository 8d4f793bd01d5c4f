"""Fuzzy lookup in the translation memory: milliseconds per segment against 100,000 entries (issue 18).

    python benchmarks/fuzzy_bench.py                 # 100,000 entries, 300 + 300 queries; last line is JSON
    python benchmarks/fuzzy_bench.py --entries 20000 --queries 100

Entries are Arabic sentences of 6-24 words drawn from wordfreq's Arabic frequency list with its Zipf
weights (so common words are as common as in news text), stored through ``TranslationMemory.add_many``.
Queries are of two kinds: *near* (a stored sentence with 1-2 words replaced or dropped, and a letter folded
(ة→ه, أ→ا) — a fuzzy match must be found) and *new* (fresh sentences, which mostly have none).

Reported: ms per lookup (mean, median, p95) for the word-index prefilter + rapidfuzz (``FuzzyIndex.search``)
and for the whole ``TranslationMemory.fuzzy`` call (with the SQLite fetch of the hits), against a brute
force ``rapidfuzz.process.extract`` over every entry; and the recall of the prefilter: the share of queries
whose best brute-force match (score ≥ threshold) the index also returns first.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz, process

from translator.mt.fuzzy import FuzzyIndex, fold_for_fuzzy
from translator.mt.memory import HumanTranslation, TranslationMemory


def _sentences(n: int, rng: random.Random) -> list[str]:
    from wordfreq import top_n_list, zipf_frequency

    words = top_n_list("ar", 30000)
    weights = [10 ** zipf_frequency(w, "ar") for w in words]
    out = set()
    while len(out) < n:
        out.add(" ".join(rng.choices(words, weights, k=rng.randint(6, 24))))
    return sorted(out)


def _near(sentence: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = sentence.split()
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(words))
        if rng.random() < 0.5 and len(words) > 6:
            del words[i]
        else:
            words[i] = rng.choice(vocabulary)
    return " ".join(words).replace("ة", "ه", 1).replace("أ", "ا", 1)


def _timed(fn, queries: list[str]) -> tuple[list, list[float]]:
    """Results and CPU milliseconds per query (CPU time: the shared machine's load does not count)."""
    results, times = [], []
    for q in queries:
        t0 = time.process_time()
        results.append(fn(q))
        times.append((time.process_time() - t0) * 1000)
    return results, times


def _summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {"mean_ms": round(statistics.fmean(times), 2), "median_ms": round(ordered[len(ordered) // 2], 2),
            "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1], 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300, help="of each kind")
    parser.add_argument("--threshold", type=float, default=75.0)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sentences = _sentences(args.entries + args.queries, rng)
    stored, fresh = sentences[:args.entries], sentences[args.entries:]
    vocabulary = sorted({w for s in stored[:2000] for w in s.split()})
    near = [_near(s, rng, vocabulary) for s in rng.sample(stored, args.queries)]

    with tempfile.TemporaryDirectory() as folder:
        memory = TranslationMemory(Path(folder) / "tm.sqlite")
        t0 = time.perf_counter()
        memory.add_many(HumanTranslation(s, f"translation {i}", state="final") for i, s in enumerate(stored))
        import_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        memory.fuzzy("warm up")  # builds the index from the database
        build_s = time.perf_counter() - t0
        index: FuzzyIndex = memory._fuzzy_index()
        folded = [fold_for_fuzzy(s) for s in stored]
        report: dict = {"entries": args.entries, "queries_per_kind": args.queries, "threshold": args.threshold,
                        "import_s": round(import_s, 2), "index_build_s": round(build_s, 2)}
        for kind, queries in (("near", near), ("new", fresh)):
            found, index_times = _timed(lambda q: index.search(q, limit=5, threshold=args.threshold), queries)
            _, memory_times = _timed(lambda q: memory.fuzzy(q, limit=5, threshold=args.threshold), queries)
            brute, brute_times = _timed(lambda q: process.extract(fold_for_fuzzy(q), folded, scorer=fuzz.ratio,
                                                                  score_cutoff=args.threshold, limit=5), queries)
            with_match = [i for i, b in enumerate(brute) if b]
            agree = sum(1 for i in with_match if found[i] and found[i][0][1] >= round(brute[i][0][1], 1) - 0.05)
            report[kind] = {"index": _summary(index_times), "memory_fuzzy": _summary(memory_times),
                            "brute_force": _summary(brute_times), "queries_with_a_match": len(with_match),
                            "best_match_found": agree,
                            "recall": round(agree / len(with_match), 4) if with_match else None}
        memory.close()
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()

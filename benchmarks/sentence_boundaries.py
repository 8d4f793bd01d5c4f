"""Sentence boundaries on real Arabic news paragraphs, marked by hand: precision and recall per half.

The set (benchmarks/data/sentence_boundaries_real.jsonl) holds 108 paragraphs from 47 public news pages in
nine countries (Algeria, Morocco, Tunisia, Iraq, Lebanon, Syria, Sudan, Libya, Kuwait), each with the offsets
where its writer ended a sentence inside it (the paragraph's end is not counted: it is always a boundary).
Pages are split in two by a hash of their address: the rules were built looking at ``build`` only;
``held_out`` measures them. A predicted boundary is right when it falls at a marked offset.

    python benchmarks/sentence_boundaries.py            # both halves, and every miss
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translator.text.segment import sentences  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "sentence_boundaries_real.jsonl"


def evaluate(rows: list[dict]) -> dict[str, float | int]:
    """Boundary precision/recall over ``rows``, and how many paragraphs come out exactly as marked."""
    tp = fp = fn = exact = 0
    misses: list[str] = []
    for row in rows:
        text, gold = row["text"], set(row["boundaries"])
        predicted = {s.end for s in sentences(text)[:-1]}
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        exact += predicted == gold
        for position in sorted(predicted ^ gold):
            kind = "cut, not marked" if position in predicted else "marked, not cut"
            misses.append(f"  {kind}: …{text[max(0, position - 40):position]}⟦{text[position:position + 25]}…")
    return {"paragraphs": len(rows), "boundaries": tp + fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
            "exact": exact, "misses": misses}


def main() -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"{'half':<9} {'paragraphs':>10} {'boundaries':>10} {'precision':>9} {'recall':>7} {'exact':>6}")
    for half in ("build", "held_out"):
        result = evaluate([r for r in rows if r["split"] == half])
        print(f"{half:<9} {result['paragraphs']:>10} {result['boundaries']:>10} {result['precision']:>9.3f} "
              f"{result['recall']:>7.3f} {result['exact']:>6}")
        for miss in result["misses"]:
            print(miss)


if __name__ == "__main__":
    main()

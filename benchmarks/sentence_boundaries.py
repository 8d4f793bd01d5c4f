"""Sentence boundaries on real Arabic news paragraphs, marked by hand: precision and recall per half.

357 paragraphs from 161 public news pages, each with the offsets where its writer ended a sentence inside it
(the paragraph's end is not counted: it is always a boundary). Batches 1-3 are in
benchmarks/data/sentence_boundaries_real.jsonl: batch 1 (108 paragraphs, 47 pages: Algeria, Morocco, Tunisia,
Iraq, Lebanon, Syria, Sudan, Libya, Kuwait); batch 2 (``"batch": 2``, 141 paragraphs, 67 pages added for issue
#14: Egypt, Saudi Arabia, Morocco, Algeria, Syria, Iraq, Palestine, Yemen, Bahrain, Qatar, Lebanon, market
reports, interviews, opinion); batch 3 (38 paragraphs, 16 pages: agency copy on attacks, sport, Moroccan local
news), added after the rules of batch 2 were written and measured once, with no rule changed after. Batch 4
(70 paragraphs, 32 pages: Jordan, Mauritania, Sudan, Libya, Somalia, UAE, Kuwait; agency copy, interviews, a
TV transcript, opinion) is kept as typed, ``‖`` where a sentence ends, in sentence_boundaries_batch4.txt: it was
marked and committed before the third session's rules were written, and its held-out half measured once after
them.
Labelling: a boundary follows the writer's . ! ? ؟ … (and the closing quotes that belong to it), also when the
full stop has a space before it or is glued to the next word; none inside a quotation or bracket that closes
in the paragraph, none at ``..`` (a clause joint), after an abbreviation (``د.``), a decimal, or a full stop
that a phrase of the same sentence follows (``"…جدا".على حد قوله``).
Every page is wholly in one half: batch 1 split by a hash of the address, batches 2-4 by the first byte of the
address's SHA-256 (even: ``build``). Rules are written looking at ``build`` only; ``held_out`` measures them.
A predicted boundary is right when it falls at a marked offset.

    python benchmarks/sentence_boundaries.py            # both halves per batch and combined, and every miss
    python benchmarks/sentence_boundaries.py --quiet    # figures only
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translator.text.segment import sentences  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "sentence_boundaries_real.jsonl"
# Batch 4 is kept as typed: each paragraph with ‖ where its writer ended a sentence (see the file's header).
MARKED = {4: ROOT / "benchmarks" / "data" / "sentence_boundaries_batch4.txt"}
BOUNDARY_MARK = "‖"


def half_of(address: str) -> str:
    """The half a page belongs to (batches 2-4): the first byte of the address's SHA-256, even = ``build``."""
    return "build" if hashlib.sha256(address.encode("utf-8")).digest()[0] % 2 == 0 else "held_out"


def marked_rows(path: Path, batch: int) -> list[dict]:
    """Rows like those of ``DATA`` from a file of ``@ address`` lines, each followed by its paragraphs with
    ``‖`` typed where a sentence ends (lines starting with ``#`` are comments)."""
    rows: list[dict] = []
    address = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            address = line[2:].strip()
            continue
        if address is None:
            raise ValueError(f"{path.name}: a paragraph before any '@ address' line")
        pieces = line.split(BOUNDARY_MARK)
        offsets, text = [], ""
        for piece in pieces[:-1]:
            text += piece
            offsets.append(len(text))
        text += pieces[-1]
        rows.append({"text": text, "boundaries": offsets, "source_url": address, "split": half_of(address),
                     "batch": batch})
    return rows


def load_rows() -> list[dict]:
    """Every hand-marked paragraph: the JSON lines of batches 1-3 and the marked files of later batches."""
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    for batch, path in sorted(MARKED.items()):
        rows.extend(marked_rows(path, batch))
    return rows


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
    quiet = "--quiet" in sys.argv[1:]
    rows = load_rows()
    print(f"{'set':<9} {'half':<9} {'paragraphs':>10} {'boundaries':>10} {'precision':>9} {'recall':>7} {'exact':>6}")
    for label, batch in (("batch 1", 1), ("batch 2", 2), ("batch 3", 3), ("batch 4", 4), ("combined", None)):
        for half in ("build", "held_out"):
            result = evaluate([r for r in rows if r["split"] == half
                               and (batch is None or r.get("batch", 1) == batch)])
            print(f"{label:<9} {half:<9} {result['paragraphs']:>10} {result['boundaries']:>10} "
                  f"{result['precision']:>9.3f} {result['recall']:>7.3f} {result['exact']:>6}")
            if batch is None and not quiet:
                for miss in result["misses"]:
                    print(miss)


if __name__ == "__main__":
    main()

"""Dev-set figures for the parts that build on the Arabic fold: dates, citations, glossary terms.

    PYTHONPATH=. .venv/bin/python benchmarks/dev_sets.py [--json]

Sets: the shared dev sets (``../shared/eval/{dates,citations,terms}_dev.jsonl``, real news text) and the
project's own case files (``tests/data/dates_cases.tsv``, ``citations_cases.jsonl``,
``glossary_match_cases.tsv``). Each figure is given for the whole set and for its two halves (even and odd
lines), so a change tuned on one half shows on the other. Written for issue 12 (one fold), to compare the
figures before and after dates moved onto ``translator.text.arabic``'s fold.

- dates: share of texts whose ``parse_date(text).date`` equals the expected ISO date.
- citations (dev): per field (outlet, date, kind, author, title_original, title_english), the share of lines
  whose first parsed citation has the expected value; ``outlet`` counts the outlet as written or its
  registry name. Case file: share of expected field values reproduced (citations paired in order).
- terms (dev): recall of labelled terms the glossary has, and match precision (floor), as
  ``benchmarks/glossary_bench.py match`` computes them. Case file: share of cases matched exactly.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from translator.citations import parse_citations  # noqa: E402
from translator.dates import parse_date  # noqa: E402
from translator.glossary import Glossary  # noqa: E402
from translator.glossary.outlets import OutletRegistry  # noqa: E402

EVAL = next((p for p in (ROOT.parent / "shared" / "eval", ROOT.parents[1] / "shared" / "eval") if p.is_dir()),
            ROOT.parent / "shared" / "eval")  # a checkout beside shared/, or a worktree one level deeper
DATA = ROOT / "tests" / "data"
CITATION_FIELDS = ("outlet", "date", "kind", "author", "title_original", "title_english")


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _tsv(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _halves(items: list, score: Callable[[list], tuple[int, int]]) -> dict[str, str]:
    out = {}
    for name, part in (("all", items), ("even", items[0::2]), ("odd", items[1::2])):
        hit, total = score(part)
        out[name] = f"{hit}/{total} ({100 * hit / total:.1f}%)" if total else "0/0"
    return out


def dates_dev(items: list[dict]) -> tuple[int, int]:
    return sum(parse_date(i["text"]).date == i["expected"] for i in items), len(items)


def dates_cases(rows: list[dict[str, str]]) -> tuple[int, int]:
    def call(row: dict[str, str]) -> str | None:
        context = (row.get("context") or "").strip()
        if context.startswith("day_first="):
            return parse_date(row["text"], day_first=context.split("=", 1)[1] == "true").date
        return parse_date(row["text"], context_lang=context or None).date
    return sum(call(r) == (r["expected"] or None) for r in rows), len(rows)


def citations_dev_field(field: str, registry: OutletRegistry) -> Callable[[list], tuple[int, int]]:
    def score(items: list[dict]) -> tuple[int, int]:
        hit = 0
        for item in items:
            found = parse_citations(item["raw"], registry=registry)
            got = found[0].to_dict() if found else {}
            if field == "outlet":
                hit += item["outlet"] in (got.get("outlet"), got.get("outlet_canonical"))
            else:
                hit += got.get(field) == item.get(field)
        return hit, len(items)
    return score


def citations_cases(registry: OutletRegistry) -> Callable[[list], tuple[int, int]]:
    def score(cases: list[dict]) -> tuple[int, int]:
        hit = total = 0
        for case in cases:
            found = [c.to_dict() for c in parse_citations(case["text"], registry=registry)]
            for number, expected in enumerate(case["expect"]):
                got = found[number] if number < len(found) else {}
                for field, value in expected.items():
                    if field in ("warnings_contain", "repairs"):
                        continue
                    total += 1
                    hit += got.get(field) == value
        return hit, total
    return score


def terms_dev(glossary: Glossary) -> Callable[[list], tuple[int, int]]:
    from glossary_bench import evaluate_matching

    def score(items: list[dict]) -> tuple[int, int]:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "terms.jsonl"
            path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
            result = evaluate_matching(glossary, path)
        return int(result["found"]), int(result["covered"])
    return score


_ITEM = re.compile(r"^(?P<surface>.+?)→(?P<target>[^\[]+?)(?:\[(?P<clitic>[^\]]+)\])?$")  # as in the tests


def terms_cases(glossary: Glossary) -> Callable[[list], tuple[int, int]]:
    def expected(spec: str) -> list[tuple[str, str, str]]:
        if spec.strip() == "-":
            return []
        items = []
        for item in spec.split(" ; "):
            m = _ITEM.match(item.strip())
            items.append((m["surface"], m["target"].strip(), m["clitic"] or "") if m else ("?", item, ""))
        return items

    def score(cases: list[dict[str, str]]) -> tuple[int, int]:
        hit = sum([(m.surface, m.target, m.clitic) for m in glossary.match(c["text"])] == expected(c["expected"])
                  for c in cases)
        return hit, len(cases)
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of lines")
    args = parser.parse_args()
    registry = OutletRegistry.load()
    shipped = Glossary.load()
    test_glossary = Glossary.load([DATA / "glossary_test.tsv"], include_default=False, include_outlets=False)
    figures: dict[str, dict[str, str]] = {
        "dates dev (exact date)": _halves(_jsonl(EVAL / "dates_dev.jsonl"), dates_dev),
        "dates cases (tests/data)": _halves(_tsv(DATA / "dates_cases.tsv"), dates_cases),
    }
    citations = _jsonl(EVAL / "citations_dev.jsonl")
    for field in CITATION_FIELDS:
        figures[f"citations dev {field}"] = _halves(citations, citations_dev_field(field, registry))
    figures["citations cases (fields)"] = _halves(_jsonl(DATA / "citations_cases.jsonl"), citations_cases(registry))
    figures["terms dev (found/covered)"] = _halves(_jsonl(EVAL / "terms_dev.jsonl"), terms_dev(shipped))
    figures["terms cases (exact)"] = _halves(_tsv(DATA / "glossary_match_cases.tsv"), terms_cases(test_glossary))
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    else:
        for name, values in figures.items():
            print(f"{name:32} " + "  ".join(f"{k}: {v:>18}" for k, v in values.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

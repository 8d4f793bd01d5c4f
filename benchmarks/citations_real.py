"""Citation parser and date reader on real press-review text, field by field, build and held-out halves.

    .venv/bin/python benchmarks/citations_real.py            # Markdown tables, one per half
    .venv/bin/python benchmarks/citations_real.py --misses held_out   # every wrong field of that half
    .venv/bin/python benchmarks/citations_real.py --json     # the figures as one JSON object
    .venv/bin/python benchmarks/citations_real.py --hide-batch 3   # work on the build half, batch 3's held-out unseen
    .venv/bin/python benchmarks/citations_real.py --by-language    # also each half by passage language (ar, en)

Sets (issue 15):

- ``tests/data/citations_real.jsonl``: 150+ citation-bearing passages from public press reviews and media
  digests (English and Arabic), labelled by hand, each with ``source_url`` and a fixed ``split``: all passages
  of one source page are in one half. Rules may be written looking at ``build`` only; ``held_out`` measures.
  Passages added later carry a ``batch`` number and are also reported on their own rows (``held_out, batch 3``):
  a new batch's held-out half is the blind measure, hidden with ``--hide-batch`` while rules are written.
- ``tests/data/dates_real.tsv``: real date strings from the same pages, split the same way.
- The older dev sets ``../shared/eval/citations_dev.jsonl`` and ``dates_dev.jsonl`` are run as regression
  sets when present.

Scoring: every passage counts in every field; a field is right when the parser's value equals the label
(both null counts as right). Values are compared after collapsing whitespace, case, curly/straight quotes
and outer punctuation; an outlet is also right when it resolves to the same registry outlet as the label.
A description (``leaning``) is compared without a trailing type noun (``daily``, ``newspaper``, ``paper``,
``weekly``): the sets label "the Saudi daily Okaz" both as "Saudi daily" (older batches) and as "Saudi" (batch 7
on), and the noun is the outlet's type, not its description (session 7; figures before the change are in the
README's citation lines).
When a passage yields several citations, the one whose outlet matches the label is scored, else the first.
``found`` is the share of passages where the parser returned any citation; ``page recall`` joins the
passages of each source page into one document and counts the labelled citations (by outlet) found in it.
For dates, ``exact`` is the share read right; ``confident wrong`` counts a date given without the
``ambiguous`` flag that is not the label (the issue's hard rule: never a confident wrong date).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from translator.citations import default_registry, parse_citations  # noqa: E402
from translator.dates import parse_date  # noqa: E402

CITATIONS = ROOT / "tests" / "data" / "citations_real.jsonl"
DATES = ROOT / "tests" / "data" / "dates_real.tsv"
_SHARED = next((p / "shared" / "eval" for p in ROOT.parents if (p / "shared" / "eval").is_dir()), ROOT / "missing")
DEV_CITATIONS = _SHARED / "citations_dev.jsonl"
DEV_DATES = _SHARED / "dates_dev.jsonl"
FIELDS = ("outlet", "author", "date", "title_english", "title_original", "leaning")
_QUOTES = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "`": "'", "ـ": ""})


def norm(value: object) -> str | None:
    """The comparison key of a field value: None for empty, else folded text."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).translate(_QUOTES).casefold()
    text = " ".join(text.split()).strip(" \"'.,;:،؛()-–—")
    text = re.sub(r"^(?:the|a|an)\s+", "", text)
    return text or None


_TYPE_TAIL = re.compile(r"(?:[\s,]+(?:daily|newspaper|paper|weekly))+$")


def norm_description(value: object) -> str | None:
    """The comparison key of a description: :func:`norm` less a trailing type noun ("Saudi daily" = "Saudi")."""
    text = norm(value)
    if text is None:
        return None
    return _TYPE_TAIL.sub("", text).strip(" ,") or text


def _same_outlet(got: str | None, want: str | None) -> bool:
    if norm(got) == norm(want):
        return True
    if not got or not want:
        return False
    registry = default_registry()
    a, b = registry.lookup(got), registry.lookup(want)
    return a is not None and a is b


def _pick(citations: list, label: dict) -> dict | None:
    records = [c.to_dict() for c in citations]
    for record in records:
        if label.get("outlet") and _same_outlet(record.get("outlet"), label["outlet"]):
            return record
    return records[0] if records else None


def score_citations(rows: list[dict]) -> tuple[dict[str, float], list[dict]]:
    """Per-field accuracy over ``rows`` and the list of misses (passage, field, expected, got)."""
    right = dict.fromkeys(FIELDS, 0)
    found = 0
    misses = []
    for row in rows:
        got = _pick(parse_citations(row["raw"]), row)
        found += got is not None
        got = got or {}
        for name in FIELDS:
            want, have = row.get(name), got.get(name)
            if name == "outlet":
                ok = _same_outlet(have, want)
            elif name == "leaning":
                ok = norm_description(have) == norm_description(want)
            else:
                ok = norm(have) == norm(want)
            right[name] += ok
            if not ok:
                misses.append({"raw": row["raw"], "field": name, "expected": want, "got": have})
    n = len(rows) or 1
    figures = {name: right[name] / n for name in FIELDS}
    figures["found"] = found / n
    figures["n"] = len(rows)
    figures["country"], figures["country_n"] = country_accuracy(rows)
    figures["page_recall"] = page_recall(rows) if rows and "source_url" in rows[0] else float("nan")
    return figures, misses


def country_accuracy(rows: list[dict]) -> tuple[float, int]:
    """Rows labelled with ``outlet_country`` (batch 14 on): the share where the parser's citation for the labelled
    outlet resolves to a registry outlet of that country (a namesake of another country, or no registry outlet, is
    wrong). Returns (share, rows labelled); nan when none is."""
    labelled = [r for r in rows if r.get("outlet_country")]
    right = 0
    for row in labelled:
        got = _pick(parse_citations(row["raw"]), row) or {}
        right += row["outlet_country"].casefold() in (got.get("outlet_country") or "").casefold()
    return (right / len(labelled) if labelled else float("nan")), len(labelled)


def page_recall(rows: list[dict]) -> float:
    """The passages of each source page joined into one document (blank lines between): the share of
    labelled citations (by outlet) found in it, as the issue's "each page yields every citation it holds"."""
    pages: dict[str, list[dict]] = {}
    for row in rows:
        pages.setdefault(row["source_url"], []).append(row)
    found = total = 0
    for page_rows in pages.values():
        document = "\n\n".join(r["raw"] for r in page_rows)
        outlets = [c.outlet for c in parse_citations(document)]
        for row in page_rows:
            if not row.get("outlet"):
                continue
            total += 1
            hit = next((i for i, o in enumerate(outlets) if _same_outlet(o, row["outlet"])), None)
            if hit is not None:
                found += 1
                outlets.pop(hit)
    return found / total if total else 1.0


def score_dates(rows: list[tuple[str, str | None]]) -> tuple[dict[str, float], list[dict]]:
    exact = confident_wrong = 0
    misses = []
    for text, expected in rows:
        result = parse_date(text)
        exact += result.date == expected
        if result.date is not None and result.date != expected and not result.ambiguous:
            confident_wrong += 1
        if result.date != expected:
            misses.append({"raw": text, "field": "date", "expected": expected, "got": result.date,
                           "candidates": result.candidates})
    n = len(rows) or 1
    return {"exact": exact / n, "confident_wrong": confident_wrong, "n": len(rows)}, misses


def load(hide_batch: int | None = None, by_language: bool = False) -> dict[str, dict[str, list]]:
    """The sets by half; rows with a ``batch`` number are also reported as their own rows ("build, batch N").
    ``hide_batch`` leaves that batch's held-out passages out of every figure (for work on the build half);
    ``by_language`` adds one row per half and passage language ("held_out, ar")."""
    halves: dict[str, dict[str, list]] = {"build": {"citations": [], "dates": []},
                                          "held_out": {"citations": [], "dates": []}}
    batches: dict[str, dict[str, list]] = {}
    languages: dict[str, dict[str, list]] = {}
    for line in CITATIONS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if row.get("batch") is not None and row.get("batch") == hide_batch and row["split"] == "held_out":
                continue
            halves[row["split"]]["citations"].append(row)
            if by_language:
                name = f"{row['split']}, {row.get('language') or '?'}"
                languages.setdefault(name, {"citations": [], "dates": []})["citations"].append(row)
            if row.get("batch") is not None:
                name = f"{row['split']}, batch {row['batch']}"
                batches.setdefault(name, {"citations": [], "dates": []})["citations"].append(row)
    with DATES.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        halves[row["split"]]["dates"].append((row["text"], row["expected"] or None))
    dev: dict[str, list] = {"citations": [], "dates": []}
    if DEV_CITATIONS.exists():
        dev["citations"] = [json.loads(x) for x in DEV_CITATIONS.read_text(encoding="utf-8").splitlines() if x]
    if DEV_DATES.exists():
        dev["dates"] = [(d["text"], d["expected"]) for d in
                        (json.loads(x) for x in DEV_DATES.read_text(encoding="utf-8").splitlines() if x)]
    halves.update(sorted(languages.items()))
    halves.update(sorted(batches.items()))
    if dev["citations"] or dev["dates"]:
        halves["dev (regression)"] = dev
    return halves


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--misses", metavar="HALF", help="list every wrong field of HALF (build, held_out)")
    parser.add_argument("--hide-batch", type=int, metavar="N",
                        help="leave batch N's held-out passages out (to work on the build half blind)")
    parser.add_argument("--by-language", action="store_true",
                        help="also report each half by passage language (ar, en)")
    args = parser.parse_args()
    report: dict[str, dict] = {}
    all_misses: dict[str, list] = {}
    for half, sets in load(args.hide_batch, args.by_language).items():
        cit, cit_misses = score_citations(sets["citations"])
        dat, dat_misses = score_dates(sets["dates"])
        report[half] = {"citations": cit, "dates": dat}
        all_misses[half] = cit_misses + dat_misses
    if args.misses:
        for miss in all_misses[args.misses]:
            print(json.dumps(miss, ensure_ascii=False))
        return
    if args.json:
        print(json.dumps(report))
        return
    header = ("| half | passages | found | page recall | " + " | ".join(FIELDS)
              + " | country (n) | dates | date exact | confident wrong |")
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for half, figures in report.items():
        c, d = figures["citations"], figures["dates"]
        print(f"| {half} | {c['n']} | {c['found']:.2f} | {c['page_recall']:.2f} | "
              + " | ".join(f"{c[f]:.2f}" for f in FIELDS)
              + (f" | {c['country']:.2f} ({c['country_n']})" if c["country_n"] else " | –")
              + f" | {d['n']} | {d['exact']:.2f} | {d['confident_wrong']} |")


if __name__ == "__main__":
    main()

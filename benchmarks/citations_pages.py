"""Citation parser on WHOLE real press-review pages: every citation a page holds, by half and language (issue 15).

    .venv/bin/python benchmarks/citations_pages.py                 # Markdown table: half × language
    .venv/bin/python benchmarks/citations_pages.py --json          # the figures as one JSON object
    .venv/bin/python benchmarks/citations_pages.py --misses build  # each missed and each spurious citation

Set: ``tests/data/citations_pages.jsonl``, one object per page: ``source_url``, ``language`` (``ar``/``en``),
``batch`` (pages added later: 2 = labelled after the session's first rules, before the parser ran on them),
``split`` (``build``/``held_out``, fixed per page before any parser output was looked at), ``text`` (the stored
text of the page from its beginning, as the ``pages`` corpus holds it, cut at the last whole paragraph where the
stored excerpt breaks off) and ``citations``: every citation the page holds, labelled by hand with the fields of
``citations_real.jsonl`` (outlet, author, date, title_english, title_original, leaning) plus ``evidence`` (the
words of the page that carry it).

What counts as one citation (the labelling rule): each distinct item (headline, article, editorial, story) that
the page attributes to an outlet. A headline list under a paper heading gives one citation per headline; a
paper named once and then referred to again ("the daily also reported …", "واستمرت الصحيفة …") gives a new
citation when a new item is attributed, none when the sentence goes on about the same item. Not citations: the
review's own publisher or agency ("IFP has taken a look …", "Anadolu Agency does not verify …"), an outlet that
is only the subject of the news (a newspaper whose building is guarded), a site's menu of paper names, and
people quoted inside a headline ("Larijani: MKO Is …" under a paper heading is that paper's headline).
``date`` is labelled only when the citation's own words carry one; ``leaning`` is the description written next
to the name (``صحيفة الرياض السعودية`` → ``السعودية``), compared as ``citations_real.py`` does.

Scoring (as ``/work/wt/prompts/measure_pages_example.py``): each labelled citation is matched to one parsed
citation of its page with the same outlet (name folded, or the same registry outlet), each parsed citation used
once. ``recall`` = matched / labelled; ``precision`` = matched / parsed; ``whole`` = pages where every labelled
citation was matched; field columns = the share of labelled citations whose matched citation has that field
right (an unmatched citation counts wrong in every field).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import citations_real as cr  # noqa: E402

from translator.citations import parse_citations  # noqa: E402

PAGES = ROOT / "tests" / "data" / "citations_pages.jsonl"
SCORED = tuple(f for f in cr.FIELDS if f != "outlet")


def load_pages(path: Path = PAGES) -> list[dict]:
    """The labelled pages, in file order (list of dicts as described in the module docstring)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _field_ok(name: str, have: object, want: object) -> bool:
    if name == "leaning":
        return cr.norm_description(have) == cr.norm_description(want)
    return cr.norm(have) == cr.norm(want)


def score_page(page: dict) -> dict:
    """One page: labelled and parsed counts, matched count, right counts per field, and the misses.

    Returns ``{"labelled", "parsed", "matched", "right": {field: n}, "missed": [label...], "spurious": [citation
    dict...], "wrong": [(field, expected, got)...]}``.
    """
    got = [c.to_dict() for c in parse_citations(page["text"])]
    parsed = len(got)
    right = dict.fromkeys(SCORED, 0)
    missed, wrong = [], []
    for label in page["citations"]:
        k = next((i for i, g in enumerate(got) if cr._same_outlet(g.get("outlet"), label.get("outlet"))), None)
        if k is None:
            missed.append(label)
            continue
        g = got.pop(k)
        for name in SCORED:
            ok = _field_ok(name, g.get(name), label.get(name))
            right[name] += ok
            if not ok:
                wrong.append((name, label.get(name), g.get(name)))
    labelled = len(page["citations"])
    return {"labelled": labelled, "parsed": parsed, "matched": labelled - len(missed), "right": right,
            "missed": missed, "spurious": got, "wrong": wrong}


def score(pages: list[dict]) -> dict[str, float | int]:
    """Recall, precision, whole pages and per-field accuracy over ``pages`` (see the module docstring)."""
    labelled = parsed = matched = whole = 0
    right = dict.fromkeys(SCORED, 0)
    for page in pages:
        s = score_page(page)
        labelled += s["labelled"]
        parsed += s["parsed"]
        matched += s["matched"]
        whole += s["matched"] == s["labelled"]
        for name in SCORED:
            right[name] += s["right"][name]
    n = labelled or 1
    return {"pages": len(pages), "citations": labelled, "parsed": parsed, "recall": round(matched / n, 3),
            "precision": round(matched / (parsed or 1), 3), "whole": whole,
            **{name: round(right[name] / n, 3) for name in SCORED}}


def groups(pages: list[dict]) -> dict[str, list[dict]]:
    """The pages by half and language: ``build, en`` … ``held_out, ar``, then each half whole, then each later
    batch's pages on their own rows (``held_out, batch 2``: labelled after the rules before it were written)."""
    out: dict[str, list[dict]] = {}
    for half in ("build", "held_out"):
        for lang in ("en", "ar"):
            out[f"{half}, {lang}"] = [p for p in pages if p["split"] == half and p["language"] == lang]
        out[half] = [p for p in pages if p["split"] == half]
    for batch in sorted({p["batch"] for p in pages if p.get("batch") is not None}):
        for half in ("build", "held_out"):
            out[f"{half}, batch {batch}"] = [p for p in pages if p["split"] == half and p.get("batch") == batch]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--misses", metavar="HALF", help="list missed, spurious and wrong-field citations of HALF")
    args = parser.parse_args()
    pages = load_pages()
    if args.misses:
        for page in (p for p in pages if p["split"] == args.misses):
            s = score_page(page)
            for label in s["missed"]:
                print(json.dumps({"url": page["source_url"][:60], "missed": label["outlet"],
                                  "evidence": label["evidence"][:90]}, ensure_ascii=False))
            for extra in s["spurious"]:
                print(json.dumps({"url": page["source_url"][:60], "spurious": extra.get("outlet"),
                                  "raw": (extra.get("raw") or "")[:90]}, ensure_ascii=False))
            for name, want, have in s["wrong"]:
                print(json.dumps({"url": page["source_url"][:60], "field": name, "expected": want, "got": have},
                                 ensure_ascii=False))
        return
    report = {name: score(group) for name, group in groups(pages).items()}
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return
    header = "| set | pages | citations | parsed | recall | precision | whole pages | " + " | ".join(SCORED) + " |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for name, f in report.items():
        print(f"| {name} | {f['pages']} | {f['citations']} | {f['parsed']} | {f['recall']:.2f} | "
              f"{f['precision']:.2f} | {f['whole']} of {f['pages']} | "
              + " | ".join(f"{f[s]:.2f}" for s in SCORED) + " |")


if __name__ == "__main__":
    main()

"""Translation QA benchmark (issue 17): published Arabic/English pairs, corrupted on purpose, checked.

    PYTHONPATH=. .venv/bin/python benchmarks/qa.py [--pairs benchmarks/data/qa_pairs.tsv] [--seed 17] [-v]

The pairs are sentences from news stories published in Arabic and English (benchmarks/data/qa_pairs.tsv,
with their addresses). Whole stories go to one half: ``build`` (looked at while writing the checks) or
``measure`` (only ever run here). Each half is reported on its own.

- **false flags**: on the *correct* pairs (no ``discrepancy`` written by hand), the share of pairs that get
  at least one flag of a kind. Pairs whose editions really differ (a number one edition leaves out) are
  reported apart: a flag there is right.
- **catch rate**: each pair's English is corrupted the ways machine translation goes wrong, one at a time:
  a digit changed, a number dropped, a month swapped, a glossary name changed to another of its type or
  dropped, an English word replaced by an Arabic word of the source, a placeholder leaked, a closing bracket
  or quote lost, the second half cut off, the source copied instead of translated. A corruption is caught
  when the corrupted pair has a flag of the expected kind that the published pair did not have (a pair whose
  editions already differ keeps its old flag; the new one must point at the corruption). Numbers are
  corrupted only where the English rendered a number of the Arabic (its digits appear in both), names
  wherever the English renders a glossary name of the Arabic (every occurrence). A cut-off translation is
  caught by any new flag (it loses numbers and names as often as length); a number corruption by a new
  number or date flag (the English may write a number that is part of a date, such as the last day of
  "October 27 to 30, 2025", where the benchmark's own date finder does not see one). A corruption that
  a pair does not allow (no month to swap, no glossary name) is not made; the counts say how many were.
- **speed**: pairs checked per second of CPU time (process time, so other load on the machine counts less),
  after one warm-up pass over every pair checked (glossary load, the date shapes the reader compiles on first
  use: one-time costs that benchmarks/startup.py measures): the published pairs with every cache cleared (each
  source read for the first time, as in a batch run; the glossary's remembered matches forgotten too), the same
  with the source's glossary matches given (``check(..., matches=)``, as a caller that matched the source already
  passes them; the matching is not timed), and the published and corrupted pairs together (a source checked again
  with another translation, as after each post-edit: its reading is cached).
  The load average is printed with the figures.

Numbers inside dates are corrupted as dates (a changed day is a ``date`` flag), elsewhere as numbers.

``--flags-out FILE`` writes every check the figures were computed from (published and corrupted pairs, and the
machine-mode checks) with its flags, one JSON object a line, sorted: two runs' files are byte-identical when no flag
moved (how a speed change is shown to change nothing; issue 17, seventh session). ``--no-speed`` skips the timing.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from translator.dates import find_dates
from translator.glossary import Glossary
from translator.glossary.remembered import forget_matches
from translator.glossary.report import count_lenient
from translator.qa import QAFlag, check, clear_caches, default_glossary
from translator.text.arabic import to_ascii_digits

PAIRS = Path(__file__).resolve().parent / "data" / "qa_pairs.tsv"
# the sets of qa_pairs.tsv, in the order collected
HALVES = ("build", "measure", "fresh", "fresh2", "fresh3", "fresh4", "fresh4b", "fresh5b", "fresh5h",
          "fresh6b", "fresh6h", "fresh8b", "fresh8h", "fresh7b", "fresh7h", "fresh10b", "fresh10h",
          "fresh9b", "fresh9h", "fresh11b", "fresh11h")
MONTHS = ("January February March April May June July August September October November December").split()
_NUMBER = re.compile(r"(?<![\w.,])\d[\d,.]*\d(?:\s*(?:million|billion|bn|per ?cent|%))?(?!\w)|(?<![\w.,])\d(?!\w)")
_WORD = re.compile(r"\b[a-z]{4,}\b")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{3,}")


def read_pairs(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


# ----------------------------------------------------------------------------------------------- corruptions
def _date_spans(text: str) -> list[tuple[int, int]]:
    return [(r.start, r.end) for r in find_dates(text) if r.start is not None and r.end is not None]


def _outside(spans: list[tuple[int, int]], m: re.Match[str]) -> bool:
    return all(m.end() <= a or m.start() >= b for a, b in spans)


def _rendered_numbers(source: str, target: str) -> list[re.Match[str]]:
    """Numbers of the English (outside dates) whose digits the Arabic also writes: correct renderings."""
    spans = _date_spans(target)
    digits = set(re.findall(r"\d+", to_ascii_digits(source).replace(",", "").replace("٬", "")))
    return [m for m in _NUMBER.finditer(target) if _outside(spans, m)
            and re.sub(r"\D", "", m.group().split(".")[0]) in digits]


def changed_digit(source: str, target: str, rng: random.Random, glossary: Glossary) -> str | None:
    numbers = _rendered_numbers(source, target)
    if not numbers:
        return None
    m = rng.choice(numbers)
    digits = [i for i in range(m.start(), m.end()) if target[i].isdigit()]
    at = rng.choice(digits)
    new = rng.choice([d for d in "0123456789" if d != target[at] and not (d == "0" and at == digits[0])])
    return target[:at] + new + target[at + 1:]


def dropped_number(source: str, target: str, rng: random.Random, glossary: Glossary) -> str | None:
    numbers = _rendered_numbers(source, target)
    if not numbers:
        return None
    m = rng.choice(numbers)
    return re.sub(r"\s{2,}", " ", target[:m.start()] + target[m.end():])


def swapped_month(source: str, target: str, rng: random.Random, glossary: Glossary) -> str | None:
    found = [m for m in re.finditer(r"\b(" + "|".join(MONTHS) + r")\b", target)
             if any(r.start is not None and r.start <= m.start() < r.end for r in find_dates(target))]
    if not found:
        return None
    m = rng.choice(found)
    other = rng.choice([x for x in MONTHS if x != m.group()])
    return target[:m.start()] + other + target[m.end():]


def _rendered_names(source: str, target: str, glossary: Glossary) -> list[tuple[int, int, object]]:
    """Spans in ``target`` of the renderings of the glossary names found in ``source``."""
    out = []
    for match in glossary.match(source):
        entry = match.entry
        if entry is None or not entry.enforce or entry.type not in ("person", "place", "org", "outlet"):
            continue
        for rendering in sorted(entry.targets, key=len, reverse=True):
            hit = re.search(rf"(?<!\w){re.escape(rendering)}(?!\w)", target)
            if hit:
                out.append((hit.start(), hit.end(), entry))
                break
    return out


def changed_name(source: str, target: str, rng: random.Random, glossary: Glossary) -> str | None:
    names = _rendered_names(source, target, glossary)
    if not names:
        return None
    start, end, entry = rng.choice(names)
    others = [e for e in glossary if e.type == entry.type and e.target != entry.target and len(e.target) > 3
              and count_lenient(target, e) == 0 and not any(count_lenient(t, e) for t in entry.targets)]
    return target.replace(target[start:end], rng.choice(others).target)  # a model misreads a name every time


def dropped_name(source: str, target: str, rng: random.Random, glossary: Glossary) -> str | None:
    names = _rendered_names(source, target, glossary)
    if not names:
        return None
    start, end, _ = rng.choice(names)
    return re.sub(r"\s{2,}", " ", target.replace(target[start:end], ""))


def _a_word(target: str, source: str, rng: random.Random, glossary: Glossary) -> tuple[int, int]:
    names = _rendered_names(source, target, glossary)
    if names:
        start, end, _ = rng.choice(names)
        return start, end
    m = rng.choice(list(_WORD.finditer(target)))
    return m.start(), m.end()


def arabic_left(source: str, target: str, rng: random.Random, glossary: Glossary) -> str | None:
    start, end = _a_word(target, source, rng, glossary)
    return target[:start] + rng.choice(_ARABIC_WORD.findall(source)) + target[end:]


def leaked_placeholder(source: str, target: str, rng: random.Random, glossary: Glossary) -> str | None:
    start, end = _a_word(target, source, rng, glossary)
    return target[:start] + f"XTERM{rng.randrange(3)}" + target[end:]


def lost_closer(source: str, target: str, rng: random.Random, glossary: Glossary) -> str | None:
    closers = [i for i, c in enumerate(target) if c in ")]”»"]
    quotes = [i for i, c in enumerate(target) if c == '"']
    if closers:
        at = rng.choice(closers)
        return target[:at] + target[at + 1:]
    if quotes:
        return target[:quotes[-1]] + target[quotes[-1] + 1:]
    words = list(re.finditer(r"\S+", target))
    at = rng.choice(words).start()
    return target[:at] + "(" + target[at:]  # an opening bracket never closed


def truncated(source: str, target: str, rng: random.Random, glossary: Glossary) -> str | None:
    words = target.split()
    if len(words) < 8:
        return None
    return " ".join(words[: max(2, len(words) // 3)])


def copied(source: str, target: str, rng: random.Random, glossary: Glossary) -> str | None:
    return source


def invented_name(source: str, target: str, rng: random.Random, glossary: Glossary) -> str | None:
    """A glossary place or person the source does not name written over an ordinary word of the English, the
    way a model invents a name (``مرحبا بكم`` → "Morocco ..."). Checked with ``machine=True`` only."""
    words = [m for m in re.finditer(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])", target) if m.start() > 0]
    if not words:
        return None
    named = {m.entry for m in glossary.match(source) if m.entry is not None}
    names = [e for e in glossary if e.type in ("place", "person") and e.layer == "glossary" and e not in named
             and len(e.target) > 3 and count_lenient(target, e) == 0 and not e.target.isupper()]
    m = rng.choice(words)
    return target[:m.start()] + rng.choice(names).target + target[m.end():]


#: corruption name -> (function, the flag kind that should catch it)
CORRUPTIONS: dict[str, tuple[Callable[..., str | None], str]] = {
    "changed digit": (changed_digit, "number"),  # inside a date the QA reads (a range's end): a date flag
    "dropped number": (dropped_number, "number"),
    "swapped month": (swapped_month, "date"),
    "changed name": (changed_name, "name"),
    "dropped name": (dropped_name, "name"),
    "Arabic left in": (arabic_left, "untranslated"),
    "source copied": (copied, "untranslated"),
    "leaked placeholder": (leaked_placeholder, "placeholder"),
    "lost bracket or quote": (lost_closer, "punctuation"),
    "cut to a third": (truncated, "any"),
}


# ----------------------------------------------------------------------------------------------- run
#: every (source, target, machine) the figures were computed from -> its flags, when --flags-out asks for them
_RECORDED: dict[tuple[str, str, bool], list[dict[str, object]]] | None = None


def _check(source: str, target: str, glossary: Glossary, machine: bool = False) -> list[QAFlag]:
    """``check`` as the figures use it, its flags remembered for ``--flags-out`` (the proof that a speed change
    leaves every flag of every pair, published or corrupted, as it was)."""
    flags = check(source, target, glossary=glossary, machine=machine)
    if _RECORDED is not None:
        _RECORDED[(source, target, machine)] = [f.to_dict() for f in flags]
    return flags


def _kinds(source: str, target: str, glossary: Glossary) -> Counter[str]:
    return Counter(f.kind for f in _check(source, target, glossary))


def _details(source: str, target: str, glossary: Glossary, kind: str) -> set[str]:
    kinds = {"any": None, "number": {"number", "date"}}.get(kind, {kind})
    return {f.detail for f in _check(source, target, glossary) if kinds is None or f.kind in kinds}


def measure(pairs: list[dict[str, str]], seed: int, verbose: bool,
            halves: tuple[str, ...] = ("build", "measure"), speed: bool = True) -> dict[str, object]:
    glossary = default_glossary()
    rng = random.Random(seed)
    invent_rng = random.Random(seed + 1)  # its own stream: the other corruptions stay those of earlier sessions
    report: dict[str, object] = {}
    checked: list[tuple[str, str]] = []
    for half in halves:
        rows = [p for p in pairs if p["split"] == half]
        correct = [p for p in rows if not p["discrepancy"]]
        differing = [p for p in rows if p["discrepancy"]]
        false_flags: Counter[str] = Counter()
        flagged_any = 0
        for p in correct:
            kinds = _kinds(p["source"], p["target"], glossary)
            flagged_any += bool(kinds)
            false_flags.update(set(kinds))
            checked.append((p["source"], p["target"]))
            if verbose and kinds:
                print(f"[{half}] false flag {p['id']}: "
                      f"{[f.detail for f in _check(p['source'], p['target'], glossary)]}")
        caught_real = 0
        per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # labelled kind -> [flagged, labelled]
        for p in differing:
            kinds = _kinds(p["source"], p["target"], glossary)
            wanted = {k.strip() for k in p["discrepancy"].split(",")}
            caught_real += wanted <= set(kinds)
            for kind in wanted:
                per_kind[kind][0] += kind in kinds
                per_kind[kind][1] += 1
            checked.append((p["source"], p["target"]))
            if verbose and not wanted <= set(kinds):
                print(f"[{half}] real difference missed {p['id']} ({p['discrepancy']}): "
                      f"{[f.detail for f in _check(p['source'], p['target'], glossary)]}")
        catches: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for p in rows:
            for name, (corrupt, kind) in CORRUPTIONS.items():
                bad = corrupt(p["source"], p["target"], rng, glossary)
                if bad is None or bad == p["target"]:
                    continue
                catches[name][1] += 1
                caught = bool(_details(p["source"], bad, glossary, kind) - _details(p["source"], p["target"],
                                                                                     glossary, kind))
                catches[name][0] += caught
                checked.append((p["source"], bad))
                if verbose and not caught:
                    print(f"[{half}] missed {name} on {p['id']}: {bad!r}")
        invented = [0, 0]  # [caught, made]: names a model invents, caught by the MT-only check
        machine_false = 0  # correct pairs the MT-only check flags (human English as a stand-in for correct MT)
        for p in rows:
            plain = {f.detail for f in _check(p["source"], p["target"], glossary, machine=True) if f.kind == "name"}
            if not p["discrepancy"]:
                machine_false += bool(plain - {f.detail for f in _check(p["source"], p["target"], glossary)
                                               if f.kind == "name"})
            bad = invented_name(p["source"], p["target"], invent_rng, glossary)
            if bad is None:
                continue
            invented[1] += 1
            caught = {f.detail for f in _check(p["source"], bad, glossary, machine=True) if f.kind == "name"}
            invented[0] += bool(caught - plain)
            if verbose and not caught - plain and half in ("build", "fresh5b", "fresh7b"):
                print(f"[{half}] missed invented name on {p['id']}: {bad!r}")
        report[half] = {
            "pairs": len(rows), "correct_pairs": len(correct), "differing_pairs": len(differing),
            "false_flag_rate": {k: round(false_flags[k] / len(correct), 3) for k in
                                ("number", "date", "name", "untranslated", "placeholder", "punctuation", "length")},
            "false_flag_any": round(flagged_any / len(correct), 3),
            "real_differences_caught": f"{caught_real}/{len(differing)}",
            "machine_check": {"invented_name_caught": f"{invented[0]}/{invented[1]}",
                              "correct_pairs_flagged": f"{machine_false}/{len(correct)}"},
            "real_differences_by_kind": {k: f"{c}/{n}" for k, (c, n) in sorted(per_kind.items())},
            "catch_rate": {name: {"caught": c, "made": n, "rate": round(c / n, 3) if n else None}
                           for name, (c, n) in catches.items()},
        }
    if not speed:
        return report
    for source, target in checked:  # warm-up (glossary, data files, date shapes compiled on first use) before timing
        check(source, target, glossary=glossary)
    rounds = 5
    first_time = [(p["source"], p["target"]) for p in pairs if p["split"] in halves]
    seconds = 0.0
    for _ in range(rounds):  # every source read afresh: each published pair checked once, caches cleared
        clear_caches()
        forget_matches()  # the glossary's remembered matches too (issue 20's memory: a new source is matched)
        started = time.process_time()
        for source, target in first_time:
            check(source, target, glossary=glossary)
        seconds += time.process_time() - started
    report["speed_pairs_per_cpu_second"] = round(rounds * len(first_time) / seconds)
    report["pairs_timed"] = rounds * len(first_time)
    seconds = 0.0
    for _ in range(rounds):  # the same, the source's glossary matches given (computed before, not timed)
        clear_caches()
        matched = [(source, target, glossary.match(source)) for source, target in first_time]
        clear_caches()
        started = time.process_time()
        for source, target, matches in matched:
            check(source, target, glossary=glossary, matches=matches)
        seconds += time.process_time() - started
    report["speed_matches_given_pairs_per_cpu_second"] = round(rounds * len(first_time) / seconds)
    report["speed_batch_stage_pairs_per_cpu_second"] = _batch_speed(first_time, glossary, rounds)
    clear_caches()
    started = time.process_time()
    for _ in range(rounds):  # the corrupted versions too: a source checked again after each edit
        for source, target in checked:
            check(source, target, glossary=glossary)
    seconds = time.process_time() - started
    report["speed_rechecks_pairs_per_cpu_second"] = round(rounds * len(checked) / seconds)
    report["rechecks_timed"] = rounds * len(checked)
    report["load_avg"] = [round(x, 2) for x in os.getloadavg()]
    return report


def _batch_speed(pairs: list[tuple[str, str]], glossary: Glossary, rounds: int) -> int:
    """Pairs per CPU second of the batch's QA stage (``check_documents``) on documents of one published Arabic
    edition each, analysed with the glossary (not timed), the English edition as the translation: QA reuses the
    matches the analysis found, as in a batch run. Every cache cleared before each round."""
    from translator.corpus.analyze import analyze_document
    from translator.corpus.readers import Document
    from translator.corpus.stages import check_documents

    analyses = []
    for i, (source, target) in enumerate(pairs):
        analysis = analyze_document(Document(str(i), f"{i}.txt", "txt", source, "0" * 64), glossary=glossary)
        analysis.segments[:] = [s.replace(translation=target, translation_status="human") if s.lang == "ar" else s
                                for s in analysis.segments]
        analyses.append(analysis)
    checked = sum(1 for a in analyses for s in a.segments if s.lang == "ar")
    seconds = 0.0
    for _ in range(rounds):
        clear_caches()
        started = time.process_time()
        check_documents(analyses, glossary)
        seconds += time.process_time() - started
    return round(rounds * checked / seconds)


def _table(report: dict[str, object]) -> str:
    halves = [h for h in HALVES if h in report]
    build = report[halves[0]]
    lines = ["| corruption (flag kind) | " + " | ".join(f"caught, {h}" for h in halves) + " |",
             "|---" * (len(halves) + 1) + "|"]
    for name, (_, kind) in CORRUPTIONS.items():
        cells = []
        for half in (report[h] for h in halves):
            c = half["catch_rate"].get(name, {"caught": 0, "made": 0, "rate": None})
            cells.append(f"{c['rate']:.2f} ({c['caught']}/{c['made']})" if c["made"] else "— (0 made)")
        lines.append(f"| {name} ({kind}) | " + " | ".join(cells) + " |")
    lines += ["", "| flag kind | " + " | ".join(f"false flags on correct pairs, {h}" for h in halves) + " |",
              "|---" * (len(halves) + 1) + "|"]
    for kind in build["false_flag_rate"]:
        lines.append(f"| {kind} | " + " | ".join(f"{report[h]['false_flag_rate'][kind]:.2f}" for h in halves) + " |")
    lines.append("| any | " + " | ".join(f"{report[h]['false_flag_any']:.2f} (of {report[h]['correct_pairs']})"
                                        for h in halves) + " |")
    lines.append("\nReal differences between the editions flagged: "
                 + ", ".join(f"{h} {report[h]['real_differences_caught']}" for h in halves) + ".")
    if "speed_pairs_per_cpu_second" not in report:  # --no-speed
        return "\n".join(lines)
    lines.append(f"Speed: {report['speed_pairs_per_cpu_second']:,} pairs per CPU second, every source read afresh "
                 f"({report['pairs_timed']:,} checks); {report['speed_matches_given_pairs_per_cpu_second']:,} with the "
                 f"source's glossary matches given; {report['speed_batch_stage_pairs_per_cpu_second']:,} in the "
                 f"batch's QA stage (check_documents, the analysis's matches reused); "
                 f"{report['speed_rechecks_pairs_per_cpu_second']:,} when sources "
                 f"are checked again with other translations (the corrupted versions; {report['rechecks_timed']:,} "
                 f"checks). Load average (1, 5, 15 min) after: {report['load_avg']}.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every false flag and every miss")
    parser.add_argument("--build-only", action="store_true", help="only the build half (while developing)")
    parser.add_argument("--no-speed", action="store_true", help="the flag figures only, no timing")
    parser.add_argument("--flags-out", type=Path, metavar="FILE",
                        help="write every pair checked (published, corrupted, machine) with its flags, one JSON "
                             "object a line, sorted: two runs' files are equal when no flag changed")
    parser.add_argument("--halves", default=",".join(HALVES),
                        help=f"comma-separated sets to run (default: all, {','.join(HALVES)})")
    args = parser.parse_args()
    halves = ("build",) if args.build_only else tuple(h.strip() for h in args.halves.split(",") if h.strip())
    global _RECORDED
    if args.flags_out is not None:
        _RECORDED = {}
    report = measure(read_pairs(args.pairs), args.seed, args.verbose, halves, speed=not args.no_speed)
    if _RECORDED is not None:
        rows = sorted(json.dumps({"source": s, "target": t, "machine": m, "flags": f}, ensure_ascii=False)
                      for (s, t, m), f in _RECORDED.items())
        args.flags_out.write_text("".join(row + "\n" for row in rows), encoding="utf-8")
    if not args.build_only:
        print(_table(report))
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()

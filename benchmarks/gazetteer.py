"""Layered term base benchmark (issue 16): recall/precision per layer on the labelled set, start-up, matching
speed and memory with the full gazetteer loaded.

    .venv/bin/python benchmarks/gazetteer.py            # all figures; the last line is JSON
    .venv/bin/python benchmarks/gazetteer.py quality -v  # per-half scores, and the misses and wrong matches
    .venv/bin/python benchmarks/gazetteer.py quality --blind  # also the blind batch (measure it once)
    .venv/bin/python benchmarks/gazetteer.py quality --new -v  # also the fourth round's set; -v lists the build
                                                               # halves' errors (--show-heldout: all of them)
    .venv/bin/python benchmarks/gazetteer.py quality --s6      # also the sixth session's set (by outlet half)
    .venv/bin/python benchmarks/gazetteer.py quality --s7      # also the seventh session's set (by outlet half)
    .venv/bin/python benchmarks/gazetteer.py quality --s8      # also the eighth session's set (by outlet half)
    .venv/bin/python benchmarks/gazetteer.py quality --s13     # also the thirteenth session's set (by outlet half)
    .venv/bin/python benchmarks/gazetteer.py quality --s14     # also the fourteenth session's local-news set
    .venv/bin/python benchmarks/gazetteer.py quality --no-country  # without each sentence's outlet country

Each sentence is matched with its outlet's country (``Glossary.match(text, country=...)``, as a batch does from
the registry) unless ``--no-country``, and with the names the same page gave in its earlier sentences
(``document=``, as a batch does per document) unless ``--no-document``.

Targets: ≥ 5,000 segments/s matching, start-up (load glossary + gazetteer, build the index) under 2 s, term
base memory under 300 MB. Wall-clock and CPU seconds are both given: on a shared machine the wall clock
mostly measures the other processes. Segments are the labelled sentences (tests/data/gazetteer_mentions.jsonl) and the
shared dev sentences (../shared/eval/terms_dev.jsonl when present), cycled; each is matched once per pass
(``Glossary.match`` keeps a per-word cache, as a batch run does; the answers it remembers per text are
forgotten at the start of each pass, so every segment is matched, not looked up).
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "data" / "gazetteer_mentions.jsonl"
# A later batch labelled before the matcher ever ran on it, to be measured once after the rules were written
# (session 3 of issue 16: 45 sentences, 159 mentions, Iraq/Syria/Lebanon/Yemen/Sudan/Libya/Gulf/Turkey/Iran).
BLIND = ROOT / "tests" / "data" / "gazetteer_mentions_blind.jsonl"
# Session 4: 50 sentences, 198 mentions, outlets of 13 countries, labelled by a separate annotator while the rules
# were written without it, measured once on the session's merged code (README: gazetteer figures). Session 5
# split it by outlet like the others (``split_of``: a hash of the host) before any miss was read; rules come
# from its build half only, and ``-v`` prints only that half's misses.
BLIND2 = ROOT / "tests" / "data" / "gazetteer_mentions_blind2.jsonl"
# session 6's blind set (59 sentences, 231 mentions, 12 countries), measured once blind, then committed
BLIND3 = ROOT / "tests" / "data" / "gazetteer_mentions_blind3.jsonl"
# session 7's blind set (77 sentences, 259 mentions, 13 countries), measured once blind, then committed
BLIND4 = ROOT / "tests" / "data" / "gazetteer_mentions_blind4.jsonl"
# session 8's blind set (77 sentences, 285 mentions, outlets of 17 countries), measured once blind, then committed
BLIND5 = ROOT / "tests" / "data" / "gazetteer_mentions_blind5.jsonl"
# session 9's blind set (71 sentences, 185 mentions, outlets of 12 countries), measured once blind, then committed
BLIND6 = ROOT / "tests" / "data" / "gazetteer_mentions_blind6.jsonl"
# session 11's blind set (51 sentences, 223 mentions, outlets of 12 countries), measured once blind, then committed
BLIND7 = ROOT / "tests" / "data" / "gazetteer_mentions_blind7.jsonl"
BLIND8 = ROOT / "tests" / "data" / "gazetteer_mentions_blind8.jsonl"  # session 12: 65 sentences, 13 countries
BLIND9 = ROOT / "tests" / "data" / "gazetteer_mentions_blind9.jsonl"  # session 13: 72 sentences, 19 countries
# The fourth round's own set (45 sentences, 136 mentions, outlets of 15 countries), labelled before any run;
# rules were written from its build half only (``--new`` scores both halves).
NEW = ROOT / "tests" / "data" / "gazetteer_mentions_s4.jsonl"
# The sixth session's set (41 sentences, 150 mentions, outlets of 8 countries on hosts no other set holds), labelled
# before any matcher run and split by host; measured on the session's start and end code (``--s6``).
S6 = ROOT / "tests" / "data" / "gazetteer_mentions_s6.jsonl"
# The seventh session's set (43 sentences, 134 mentions, 29 outlets of 16 countries on hosts no other set holds),
# labelled before any matcher run, split by host; the start and end figures of session 7 are in README (``--s7``).
S7 = ROOT / "tests" / "data" / "gazetteer_mentions_s7.jsonl"
# The eighth session's set (44 sentences, 155 mentions, 21 outlets of 13 countries on hosts no other set holds),
# labelled before any matcher run, split by host (``--s8``).
S8 = ROOT / "tests" / "data" / "gazetteer_mentions_s8.jsonl"
# The thirteenth session's set (54 sentences, 193 mentions, 22 pages of outlets of 10 countries on hosts no other set
# holds), labelled before any matcher run and split by host (``--s13``); measured on the session's start code first.
S13 = ROOT / "tests" / "data" / "gazetteer_mentions_s13.jsonl"
# The fourteenth session's local-news set (67 sentences, 294 mentions, 40 pages of outlets of 13 countries: local
# officials, councils, directorates, hospitals, universities), labelled before any matcher run, split by host
# (``--s14``).
S14 = ROOT / "tests" / "data" / "gazetteer_mentions_s14.jsonl"
DEV = ROOT.parent / "shared" / "eval" / "terms_dev.jsonl"


def _texts() -> list[str]:
    texts = [json.loads(line)["text"] for line in LABELLED.read_text(encoding="utf-8").splitlines() if line]
    if DEV.is_file():
        texts += [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    return texts


def startup() -> dict[str, float]:
    """Seconds to import and load the layered term base, and the memory it holds (tracemalloc, MB)."""
    started, cpu = time.perf_counter(), time.process_time()
    from translator.glossary import Glossary

    glossary = Glossary.load()
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    tracemalloc.start()  # measured on a second load: tracemalloc slows what it watches several times over
    from translator.glossary.gazetteer import Gazetteer, default_gazetteer_path

    again = Glossary(glossary.entries, gazetteer=Gazetteer.read(default_gazetteer_path()), romanize_names=True,
                     composed=glossary.composed)
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del again
    return {"startup_s": round(seconds, 3), "startup_cpu_s": round(cpu_seconds, 3),
            "term_base_mb": round(current / 2**20, 1),
            "entries": len(glossary), "composed": len(glossary.composed),
            "gazetteer_names": len(glossary.gazetteer or ()),
            "gazetteer_places": glossary.gazetteer.places if glossary.gazetteer else 0,
            "gazetteer_version": glossary.gazetteer_version, "_glossary": glossary}


def speed(glossary, segments: int = 20000) -> dict[str, float]:
    from translator.glossary.remembered import forget_matches

    texts = _texts()
    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    matches = 0
    for k in range(segments):
        if k % len(texts) == 0:  # each pass matches its texts anew, not from the remembered answers (issue 20)
            forget_matches()
        matches += len(glossary.match(texts[k % len(texts)]))
    batch = [texts[k % len(texts)] for k in range(segments)]
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    words = sum(len(text.split()) for text in batch) / segments
    return {"segments": segments, "words_per_segment": round(words, 1), "segments_per_s": round(segments / seconds),
            "segments_per_cpu_s": round(segments / cpu_seconds), "matches": matches}


def quality(glossary, verbose: bool = False, blind: bool = False, new: bool = False,
            show_heldout: bool = False, s6: bool = False, country: bool = True, s7: bool = False,
            s8: bool = False, documents: bool = True, s13: bool = False, s14: bool = False) -> dict[str, dict]:
    """Scores per set and half. ``verbose`` prints the misses and wrong matches of the build halves only
    (rules are written from those), and of the held-out halves and blind batch too with ``show_heldout``."""
    from translator.glossary.evaluate import load_mentions, score

    result = {}
    sets = [(split, LABELLED, split) for split in ("build", "heldout")]
    if blind:
        sets += [("blind", BLIND, None), ("blind-build", BLIND, "build"), ("blind-heldout", BLIND, "heldout"),
                 ("blind2", BLIND2, None), ("blind2-build", BLIND2, "build"), ("blind2-heldout", BLIND2, "heldout"),
                 ("blind3", BLIND3, None), ("blind3-build", BLIND3, "build"), ("blind3-heldout", BLIND3, "heldout"),
                 ("blind4", BLIND4, None), ("blind4-build", BLIND4, "build"), ("blind4-heldout", BLIND4, "heldout"),
                 ("blind5", BLIND5, None), ("blind5-build", BLIND5, "build"), ("blind5-heldout", BLIND5, "heldout"),
                 ("blind6", BLIND6, None), ("blind6-build", BLIND6, "build"), ("blind6-heldout", BLIND6, "heldout"),
                 ("blind7", BLIND7, None), ("blind7-build", BLIND7, "build"), ("blind7-heldout", BLIND7, "heldout"),
                 ("blind8", BLIND8, None), ("blind8-build", BLIND8, "build"), ("blind8-heldout", BLIND8, "heldout"),
                 ("blind9", BLIND9, None), ("blind9-build", BLIND9, "build"), ("blind9-heldout", BLIND9, "heldout")]
    if new:
        sets += [("new-build", NEW, "build"), ("new-heldout", NEW, "heldout")]
    if s6:
        sets += [("s6-build", S6, "build"), ("s6-heldout", S6, "heldout")]
    if s7:
        sets += [("s7-build", S7, "build"), ("s7-heldout", S7, "heldout")]
    if s8:
        sets += [("s8-build", S8, "build"), ("s8-heldout", S8, "heldout")]
    if s13:
        sets += [("s13-build", S13, "build"), ("s13-heldout", S13, "heldout")]
    if s14:
        sets += [("s14-build", S14, "build"), ("s14-heldout", S14, "heldout")]
    for split, path, half in sets:
        scored = score(glossary.match, load_mentions(path, half), outlet_country=country, documents=documents)
        result[split] = scored.to_dict()
        if verbose:
            print(f"== {split}: {json.dumps(result[split], ensure_ascii=False)}")
            if half == "build" or show_heldout:
                for outcome in ("wrong", "form_differs", "ambiguous", "spurious", "missed"):
                    print(f"  {outcome}: " + "; ".join(scored.examples.get(outcome, [])))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="?", choices=("all", "quality"), default="all")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--segments", type=int, default=20000)
    parser.add_argument("--blind", action="store_true",
                        help=f"score {BLIND.name} to {BLIND9.name} too (all, and by outlet half)")
    parser.add_argument("--new", action="store_true", help=f"score {NEW.name} too (by outlet half)")
    parser.add_argument("--no-country", action="store_true",
                        help="match without the outlet's country (region from the text's places only)")
    parser.add_argument("--s6", action="store_true", help=f"score {S6.name} too (by outlet half)")
    parser.add_argument("--s7", action="store_true", help=f"score {S7.name} too (by outlet half)")
    parser.add_argument("--no-document", action="store_true",
                        help="match each sentence alone, without the names its page gave in earlier sentences")
    parser.add_argument("--s8", action="store_true", help=f"score {S8.name} too (by outlet half)")
    parser.add_argument("--s13", action="store_true", help=f"score {S13.name} too (by outlet half)")
    parser.add_argument("--s14", action="store_true", help=f"score {S14.name} too (by outlet half)")
    parser.add_argument("--show-heldout", action="store_true",
                        help="with -v, print the held-out halves' misses and wrong matches too (not for rule writing)")
    args = parser.parse_args(argv)
    figures = startup()
    glossary = figures.pop("_glossary")
    if args.what == "all":
        figures.update(speed(glossary, args.segments))
    figures["quality"] = quality(glossary, args.verbose, args.blind, args.new, args.show_heldout, args.s6,
                                 not args.no_country, args.s7, args.s8, not args.no_document, args.s13,
                                 args.s14)
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``translator memory search|export|import|stats|clear-cache``: the translation memory of human translations."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ._common import FORMATS, emit

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("memory", help="search, exchange (TMX) and count the translation memory")
    p.add_argument("--memory", type=Path, help="translation memory file (default: in TRANSLATOR_HOME)")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    search = actions.add_parser("search", help="concordance: where did we render this phrase before?")
    search.add_argument("text", help="Arabic (matched Arabic-folded) or English words")
    search.add_argument("--fuzzy", action="store_true", help="similar whole segments instead of the phrase")
    search.add_argument("--threshold", type=float, default=None, help="lowest fuzzy score, 0-100 (default 75)")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--format", choices=FORMATS, default="table")
    export = actions.add_parser("export", help="write the human translations as TMX 1.4b")
    export.add_argument("--format", choices=("tmx",), default="tmx")
    export.add_argument("--output", type=Path, required=True)
    export.add_argument("--state", action="append", choices=("published", "translated", "final"),
                        help="only these states (repeatable; default: all)")
    importing = actions.add_parser("import", help="add the translations of a TMX file (one transaction)")
    importing.add_argument("file", type=Path)
    importing.add_argument("--format", choices=("tmx",), default="tmx")
    importing.add_argument("--translator", default="", help="who translated it, when the file does not say")
    stats = actions.add_parser("stats", help="how many translations, by state, translator and file; the MT cache")
    stats.add_argument("--format", choices=("json", *FORMATS), default="json",
                       help="json: one object (default); jsonl, csv, table: one row per count (group, value, "
                            "count)")
    actions.add_parser("clear-cache", help="delete the machine translations kept in the MT cache (safe)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..mt.memory import STATES, TranslationMemory

    if args.memory is not None and args.action in _READ_ONLY and not args.memory.exists():
        # reading a memory that is not there must not create an empty one (and hide a typo)
        raise InputError(f"{args.memory}: no such file (a translation memory is made by `translator memory "
                         "import` or by reviewed translations of a batch run)")
    if args.action == "import":
        from ._common import existing_file

        existing_file(args.file)  # before the memory is opened (and created)
    with TranslationMemory(args.memory) as memory:
        if args.action == "search":
            return _search(memory, args)
        if args.action == "export":
            from ..review.tmx import write_tmx

            entries = memory.all(args.state or STATES)
            write_tmx(entries, args.output)
            print(f"translator: wrote {len(entries)} translations to {args.output}", file=sys.stderr)
        elif args.action == "import":
            from ..review.tmx import read_tmx
            counts = memory.add_many(read_tmx(args.file, translator=args.translator))
            print(f"translator: {args.file}: {counts.added} new, {counts.raised} approved since, "
                  f"{counts.unchanged} already in the memory", file=sys.stderr)
        elif args.action == "stats":
            described = memory.describe()
            if args.format == "json":
                print(json.dumps(described, ensure_ascii=False, indent=2))
            else:
                emit(_stat_rows(described), args.format)
        else:
            print(f"translator: removed {memory.mt_cache.clear()} cached machine translations", file=sys.stderr)
    return 0


_READ_ONLY = ("search", "export", "stats")


def _search(memory, args: argparse.Namespace) -> int:
    if args.fuzzy:
        rows = [{"score": score, **_row(h)}
                for h, score in memory.fuzzy(args.text, limit=args.limit, threshold=args.threshold)]
    else:
        rows = [_row(h) for h in memory.search(args.text, limit=args.limit)]
    emit(rows, args.format)
    if not rows:  # exit 1 as grep does, with a line that says so
        how = "similar segments" if args.fuzzy else "translations containing"
        print(f"translator: no {how} {args.text!r} in the translation memory", file=sys.stderr)
    return 0 if rows else 1


def _row(h) -> dict:
    return {"source": h.source, "target": h.target, "state": h.state, "translator": h.translator,
            "document": h.doc_id, "file": h.file, "changed": h.changed}


def _stat_rows(described: dict) -> list[dict]:
    """``describe()`` as rows of (group, value, count), for --format jsonl|csv|table."""
    rows = [{"group": "total", "value": "human_translations", "count": described["human_translations"]},
            {"group": "total", "value": "sources", "count": described["sources"]}]
    for group in ("state", "translator", "file"):
        rows += [{"group": group, "value": value, "count": n} for value, n in described[f"by_{group}"].items()]
    rows.append({"group": "mt_cache", "value": described["mt_cache"], "count": described["mt_cache_entries"]})
    return rows

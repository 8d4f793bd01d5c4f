"""``translator glossary match|check|import|list``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from ._common import FORMATS, add_io, emit, read_texts, report_glossary_problems

__all__ = ["add_parser"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("glossary", help="match, check, import or list glossary terms")
    gsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    g = gsub.add_parser("match", help="find glossary terms in texts (Arabic-aware)")
    add_io(g)
    g.add_argument("--glossary", action="append", type=Path, default=[], metavar="PATH")
    g.add_argument("--only", action="store_true", help="use only the --glossary files, not the shipped glossary")
    g.set_defaults(func=_match)
    g = gsub.add_parser("check", help="validate glossary files (default: the shipped glossary)")
    g.add_argument("paths", nargs="*", type=Path)
    g.add_argument("--format", choices=FORMATS, default="table")
    g.set_defaults(func=_check)
    g = gsub.add_parser("import", help="convert a TBX termbase to a glossary TSV file")
    g.add_argument("tbx", type=Path)
    g.add_argument("--out", type=Path, required=True)
    g.set_defaults(func=_import)
    g = gsub.add_parser("list", help="list glossary entries")
    g.add_argument("--glossary", action="append", type=Path, default=[], metavar="PATH")
    g.add_argument("--type", choices=_types(), help="only entries of this type")
    g.add_argument("--format", choices=FORMATS, default="table")
    g.set_defaults(func=_list)


def _types() -> tuple[str, ...]:
    from ..glossary.entry import TYPES

    return TYPES


def _match(args: argparse.Namespace) -> int:
    from ..glossary import Glossary

    glossary = Glossary.load(args.glossary, include_default=not args.only)
    report_glossary_problems(glossary)

    def records() -> Iterator[dict]:
        for text in read_texts(args.files, by_line=args.lines):
            yield {"text": text, "matches": [m.to_dict() for m in glossary.match(text)]}

    emit(_match_rows(records()) if args.format == "table" else records(), args.format)
    return 0


def _match_rows(records: Iterator[dict]) -> Iterator[dict]:
    """``--format table`` of ``glossary match``: one row per match (surface, target, type, layer, offsets), the
    text on its first match's row; a text without a match is one row. The JSON list of matches in one cell was
    cut after three lines, hiding every match after the first (fourth new-user trial, finding 5)."""
    for record in records:
        matches = record["matches"] or [{}]
        for k, match in enumerate(matches):
            candidates = "|".join(c.get("target", "") if isinstance(c, dict) else str(c)
                                  for c in match.get("candidates") or ())
            yield {"surface": match.get("surface", ""), "target": match.get("target", ""),
                   "type": match.get("type", ""), "layer": match.get("layer", ""),
                   "text": record["text"] if k == 0 else "", "clitic": match.get("clitic", ""),
                   "start": match.get("start", ""), "end": match.get("end", ""), "candidates": candidates}


def _check(args: argparse.Namespace) -> int:
    from ..config import glossary_dirs
    from ..glossary import check_glossary
    from ._common import existing_file

    paths = [existing_file(p) for p in args.paths] or sorted(p for d in glossary_dirs() for p in d.glob("*.tsv"))
    problems = sorted(check_glossary(paths), key=lambda p: (str(p.path), p.line))  # in file and line order
    emit((p.to_dict() for p in problems), args.format)
    print(f"{len(problems)} problem(s) in {len(paths)} file(s)", file=sys.stderr)
    return 1 if problems else 0


def _import(args: argparse.Namespace) -> int:
    from ..glossary import import_tbx, write_tsv

    entries = import_tbx(args.tbx)
    write_tsv(entries, args.out)
    print(f"translator: wrote {len(entries)} entries to {args.out}", file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    from ..glossary import Glossary

    glossary = Glossary.load(args.glossary)
    report_glossary_problems(glossary)
    shown = emit((e.to_dict() for e in glossary.entries if not args.type or e.type == args.type), args.format)
    of_type = f" ({shown} of type {args.type})" if args.type else ""
    print(f"translator: {len(glossary.entries)} entries{of_type}, version {glossary.version}", file=sys.stderr)
    return 0

"""``translator qa``: check translations against their sources (numbers, dates, names, leftovers)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from ..errors import InputError
from ._common import add_glossary_options, add_io, emit, read_texts, report_glossary_problems

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("qa", help="check translations: numbers, dates, names, Arabic left in, placeholders, "
                                  "quotes and brackets, length",
                       description="Reads one pair per line, JSON {\"source\": ..., \"target\": ...} or "
                                   "source<TAB>target, and writes {\"source\", \"target\", \"flags\"} per pair. "
                                   "Exit 0: every pair clean; 1: some pair flagged; 2: bad input.")
    add_io(p, lines=False)
    add_glossary_options(p)
    p.add_argument("--machine", action="store_true",
                   help="the targets are machine translations: also flag names that nothing in the source accounts "
                        "for (a model's invention; human translations add context names, so this is off by default)")
    p.set_defaults(func=run)


def parse_pair(line: str, where: str) -> tuple[str, str]:
    """(source, target) of one input line; ``InputError`` naming ``where`` when it is neither form."""
    if line.lstrip().startswith("{"):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
        if not isinstance(record, dict) or not all(isinstance(record.get(k), str) for k in ("source", "target")):
            raise InputError(f"{where}: a JSON line needs string fields \"source\" and \"target\"")
        return record["source"], record["target"]
    cells = line.split("\t")
    if len(cells) != 2:
        raise InputError(f"{where}: expected source<TAB>target (one tab), found {len(cells) - 1} tabs; "
                         "or write the pair as JSON {\"source\": ..., \"target\": ...}")
    return cells[0], cells[1]


def _pairs(files: list[str], bad: list[str]) -> Iterator[tuple[str, str]]:
    for name in files or ["-"]:
        label = "standard input" if name == "-" else name
        # a pairs file is read as plain text: the batch's readers would take a .jsonl file's pairs for
        # news records without text ("no text found": NEWUSER7 F1)
        for number, line in enumerate(read_texts([name], by_line=True, documents=False), start=1):
            if not line.strip():
                continue
            try:
                yield parse_pair(line, f"{label}, line {number}")
            except InputError as exc:
                bad.append(str(exc))
                print(f"translator: error: {exc}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from ..glossary import Glossary
    from ..qa import check

    glossary = Glossary() if args.no_glossary else Glossary.load(args.glossary)
    report_glossary_problems(glossary)
    bad: list[str] = []
    flagged = 0

    def records() -> Iterator[dict]:
        nonlocal flagged
        for source, target in _pairs(args.files, bad):
            flags = [f.to_dict() for f in check(source, target, glossary=glossary, machine=args.machine)]
            flagged += bool(flags)
            if args.format == "table":  # one readable cell instead of JSON
                yield {"source": source, "target": target,
                       "flags": "; ".join(f"{f['kind']}: {f['detail']}" for f in flags)}
            else:
                yield {"source": source, "target": target, "flags": flags}

    emit(records(), args.format)
    if bad:
        return 2
    return 1 if flagged else 0

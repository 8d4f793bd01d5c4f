"""``translator cite``: citations found in texts, as normalized fields, in a house style or for a reference manager.

Inputs are text files (or standard input); a batch output folder, or a ``citations.parquet``/``.csv`` table,
is read as a citations table instead (its machine renderings of Arabic-only titles then reach the output).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from ._common import FORMATS, emit, read_texts

__all__ = ["add_parser", "run"]


def _export_formats() -> tuple[str, ...]:
    from ..citations.format import EXPORTS

    return tuple(EXPORTS)


def _styles() -> tuple[str, ...]:
    from ..citations.format import available_styles

    return tuple(available_styles())


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cite", help="find citations in texts; write fields, house style or reference-manager files")
    p.add_argument("files", nargs="*", help="input files (default: standard input); a batch output folder or a "
                                            "citations .parquet/.csv table is read as a table")
    p.add_argument("--format", choices=(*FORMATS, *_styles(), *_export_formats()), default=None,
                   help="jsonl (default), csv, table; a shipped house style (" + ", ".join(_styles())
                        + "): one citation per line in that style; csl-json, ris or bibtex for a reference manager")
    p.add_argument("--style", metavar="NAME|PATH",
                   help="house-style template: a shipped name or a .jinja file (implies house-style text)")
    p.add_argument("--sources", action="store_true",
                   help="with a house style: the Sources block (one entry per cited item, document order); "
                        "with csl-json, ris or bibtex: a record for each of those items only")
    p.add_argument("--outlet-as-written", action="store_true",
                   help="with a house style: the outlet as the text spells it, not the registry's name")
    p.add_argument("--news-only", action="store_true", help="leave out image credits")
    p.add_argument("--unknown-outlets", action="store_true", help="list outlets not in the registry on stderr")
    order = p.add_mutually_exclusive_group()
    order.add_argument("--day-first", dest="day_first", action="store_true", default=None,
                       help="read ambiguous numeric dates (10/05/2022) day first (the site writes DD/MM)")
    order.add_argument("--month-first", dest="day_first", action="store_false",
                       help="read them month first (a US site). Without either, English text keeps an ambiguous "
                            "date empty with both candidates unless the page's other dates settle the order")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..citations.format import EXPORTS, export_citations, format_citations, sources_block
    from ..errors import InputError
    from ..glossary.outlets import OutletRegistry, UnknownOutlets

    registry = OutletRegistry.load()
    unknown = UnknownOutlets()
    fmt = args.format or ("style" if args.style else "jsonl")
    style = args.style or (fmt if fmt in _styles() else None)
    if args.sources and style is None and fmt not in EXPORTS:
        raise InputError("--sources writes a house style or a reference-manager file: add --format oewatch "
                         "(or --style NAME|PATH), or --format csl-json|ris|bibtex")
    records = list(_records(args, registry, unknown, numbered=fmt not in FORMATS))
    if not records:  # an empty output alone does not say whether anything was read
        print("translator: no citations found", file=sys.stderr)
    if style is not None:
        if args.sources:
            sys.stdout.write(sources_block(records, style=style, outlet_as_written=args.outlet_as_written))
        else:
            for line in format_citations(records, style=style, outlet_as_written=args.outlet_as_written):
                print(line)
    elif fmt in EXPORTS:
        sys.stdout.write(export_citations(records, fmt, sources=args.sources))
    else:
        emit(_table_order(records) if fmt == "table" else records, fmt)
    if args.unknown_outlets:
        for row in unknown.report():
            print(f"unknown outlet: {row['name']} ({row['count']}×)", file=sys.stderr)
    return 0


#: what a person reads first in ``--format table`` (finding 6 of the fourth new-user trial: outlet and date were
#: among the columns left out at 120 characters, behind raw and kind); jsonl and csv keep the record's order
TABLE_FIRST = ("outlet_canonical", "outlet", "date", "title_original", "title_english", "leaning", "author", "kind")


def _table_order(records: list[dict]) -> list[dict]:
    """Each record with the ``TABLE_FIRST`` columns first, the rest in their order."""
    return [{**{k: r[k] for k in TABLE_FIRST if k in r}, **{k: v for k, v in r.items() if k not in TABLE_FIRST}}
            for r in records]


def _records(args: argparse.Namespace, registry, unknown, *, numbered: bool = False) -> Iterator[dict]:
    """Citation records of every input; ``numbered`` gives the records of each text input a ``doc_id`` (its
    place among the inputs), which keeps a Sources block in document order."""
    from ..citations import parse_citations
    from ..errors import InputError

    missing = [f for f in args.files if f != "-" and not Path(f).exists()]
    if missing:  # cite reads text files and batch folders alike
        raise InputError(f"{missing[0]}: no such file or folder")
    tables = [f for f in args.files if _is_table(f)]
    texts = [f for f in args.files if not _is_table(f)]
    for name in tables:
        yield from _keep(args, _table_records(Path(name)))
    if texts or not tables:
        index = 0
        for path in texts or ["-"]:
            for text in read_texts([path], by_line=False):
                # which file the citation came from ("-": standard input)
                extra = {"path": path, **({"doc_id": f"input-{index}"} if numbered else {})}
                found = parse_citations(text, registry=registry, unknown=unknown,
                                        day_first=getattr(args, "day_first", None))
                yield from _keep(args, ({**c.to_dict(), **extra} for c in found))
                index += 1


def _keep(args: argparse.Namespace, records) -> Iterator[dict]:
    for record in records:
        if not (args.news_only and record.get("kind") == "image_credit"):
            yield record


def _is_table(name: str) -> bool:
    path = Path(name)
    return path.is_dir() or path.suffix == ".parquet" or (path.suffix == ".csv" and path.stem == "citations")


def _table_records(path: Path) -> list[dict]:
    from ..citations import read_citations_csv
    from ..citations.format import citation_records
    from ..corpus.tables import read_table

    if path.is_dir():
        frame = read_table(path, "citations")
    elif path.suffix == ".csv":
        frame = read_citations_csv(path)
    else:
        import pandas as pd

        frame = pd.read_parquet(path)
    return citation_records(frame)

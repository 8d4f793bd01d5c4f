"""``translator cite``: citations found in texts, as normalized fields."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from ._common import add_io, emit, read_texts

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cite", help="find citations in texts and normalize their fields")
    add_io(p, lines=False)
    p.add_argument("--news-only", action="store_true", help="leave out image credits")
    p.add_argument("--unknown-outlets", action="store_true", help="list outlets not in the registry on stderr")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..citations import parse_citations
    from ..glossary.outlets import OutletRegistry, UnknownOutlets

    registry = OutletRegistry.load()
    unknown = UnknownOutlets()

    def records() -> Iterator[dict]:
        for text in read_texts(args.files, by_line=False):
            for citation in parse_citations(text, registry=registry, unknown=unknown):
                record = citation.to_dict()
                if args.news_only and record.get("kind") == "image_credit":
                    continue
                yield record

    emit(records(), args.format)
    if args.unknown_outlets:
        for row in unknown.report():
            print(f"unknown outlet: {row['name']} ({row['count']}×)", file=sys.stderr)
    return 0

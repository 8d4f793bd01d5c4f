"""``translator brief``: a Word draft of a batch run's cited headlines, their English, glossary terms and sources."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("brief", help="write a Word brief (.docx) of a batch output folder")
    p.add_argument("out", type=Path, help="output folder of `translator batch`")
    p.add_argument("--output", type=Path, default=Path("brief.docx"), help="the .docx to write (default: brief.docx)")
    p.add_argument("--style", default="oewatch", metavar="NAME|PATH",
                   help="house style of the Sources blocks: a shipped name or a .jinja file (default: oewatch)")
    p.add_argument("--outlet-as-written", action="store_true",
                   help="outlets as the documents spell them, not the registry's names")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus.brief import write_brief
    from ._common import batch_folder

    batch_folder(args.out)

    path = write_brief(args.out, args.output, style=args.style, outlet_as_written=args.outlet_as_written)
    print(f"brief: {path}")
    return 0

"""``translator report``: (re)write the HTML report of a batch output folder."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="(re)write the HTML report of a batch output folder")
    p.add_argument("out_dir", type=Path)
    p.add_argument("--output", type=Path, help="where to write (default: OUT_DIR/report.html)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus.report import write_report

    print(write_report(args.out_dir, args.output))
    return 0

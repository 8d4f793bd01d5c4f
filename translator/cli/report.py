"""``translator report``: (re)write the HTML report of a batch output folder."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="(re)write the HTML report of a batch output folder")
    p.add_argument("out_dir", type=Path)
    p.add_argument("--output", type=Path, help="where to write (default: OUT_DIR/report.html)")
    p.add_argument("--memory", type=Path,
                   help="translation memory for fuzzy matches (default: the one the run used, from manifest.json)")
    p.add_argument("--no-memory", action="store_true", help="show no fuzzy matches")
    p.add_argument("--threshold", type=float, default=None,
                   help="lowest fuzzy match score shown, 0-100 (default 75)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus.report import write_report
    from ..mt.fuzzy import DEFAULT_THRESHOLD
    from ._common import batch_folder

    batch_folder(args.out_dir)

    options: dict = {"fuzzy_threshold": DEFAULT_THRESHOLD if args.threshold is None else args.threshold}
    if args.no_memory:
        options["memory_path"] = None
    elif args.memory is not None:
        options["memory_path"] = args.memory
    print(write_report(args.out_dir, args.output, **options))
    return 0

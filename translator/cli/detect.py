"""``translator detect``: the language of texts, lines or language runs."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from ._common import add_io, emit, read_texts, without

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("detect", help="detect the language of texts or lines")
    add_io(p)
    p.add_argument("--detector", default="default",
                   choices=("default", "script-aware", "lingua", "lingua-low", "langdetect"),
                   help="default = script-aware (ours); lingua, lingua-low and langdetect stay selectable")
    p.add_argument("--runs", action="store_true", help="split each item into language runs")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..langid import detect, detect_runs

    def records() -> Iterator[dict]:
        for text in read_texts(args.files, by_line=args.lines):
            if args.runs:
                yield {"text": text, "runs": [r.to_dict() for r in detect_runs(text, detector=args.detector)]}
            else:
                yield {"text": text, **without(detect(text, detector=args.detector).to_dict(), "text")}

    emit(records(), args.format)
    return 0

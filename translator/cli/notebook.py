"""``translator notebook run|export``: execute a notebook with parameters, export it to HTML."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..errors import InputError

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("notebook", help="run a notebook with parameters and/or export it to HTML")
    nsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    n = nsub.add_parser("run", help="execute a notebook (papermill-style parameters) and export it to HTML")
    n.add_argument("notebook", type=Path)
    n.add_argument("-p", "--parameter", action="append", default=[], metavar="NAME=VALUE")
    n.add_argument("--save", type=Path, help="also save the executed notebook here")
    n.add_argument("--html", type=Path, help="HTML output (default: next to the notebook)")
    n = nsub.add_parser("export", help="export a notebook to offline, right-to-left-aware HTML")
    n.add_argument("notebook", type=Path)
    n.add_argument("--html", type=Path, help="HTML output (default: next to the notebook)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..notebook.run import export_html, run_notebook

    if args.action == "run":
        params = dict(parameter(p) for p in args.parameter)
        nb = run_notebook(args.notebook, parameters=params, output=args.save)
    else:
        nb = args.notebook
    html_path = args.html or Path(args.notebook).with_suffix(".html")
    print(export_html(nb, html_path))
    return 0


def parameter(text: str) -> tuple[str, object]:
    """``key=value``: value read as JSON when it parses (numbers, null, true), else as a string."""
    key, sep, value = text.partition("=")
    if not sep or not key.isidentifier():
        raise InputError(f"parameter {text!r}: expected NAME=VALUE")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value

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
    n.add_argument("-p", "--parameter", action="append", default=[], metavar="NAME=VALUE",
                   help="override a parameter (value read as JSON, else text); relative paths are read from the "
                        "current directory")
    n.add_argument("--save", type=Path, help="also save the executed notebook here")
    n.add_argument("--html", type=Path, help="HTML output (default: next to the notebook)")
    n = nsub.add_parser("export", help="export a notebook to offline, right-to-left-aware HTML")
    n.add_argument("notebook", type=Path)
    n.add_argument("--html", type=Path, help="HTML output (default: next to the notebook)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..notebook.run import export_html, resolve_parameters, run_notebook

    if not Path(args.notebook).is_file():
        raise InputError(f"{args.notebook}: no such notebook")
    if args.action == "run":
        # Paths given on the command line are the caller's: relative ones are read from the working directory,
        # not from the notebook's folder where the kernel runs.
        params = resolve_parameters(args.notebook, dict(parameter(p) for p in args.parameter), Path.cwd())
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

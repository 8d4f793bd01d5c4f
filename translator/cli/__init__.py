"""translator: detect, translate (Arabic → English), glossary-check, QA and cite Arabic-language news.

(For developers: this package is argument parsing and output formatting only.)

Every command calls the public API; nothing here knows how detection, dates, citations, glossaries or
engines work. All commands read files (or standard input) and write ``--format jsonl|csv|table``.
One module per command, each with ``add_parser(subparsers)`` and the handler it sets as ``func``;
``COMMANDS`` lists them in the order ``--help`` shows.
"""

from __future__ import annotations

import argparse
import atexit
import importlib
import os
import sys
import threading
from collections.abc import Callable
from typing import NoReturn

from .. import __version__
from ..errors import TranslatorError

__all__ = ["COMMANDS", "build_parser", "entry", "exit_fast", "main"]

#: command name → module in this package (each module's ``add_parser`` registers the command).
COMMANDS: tuple[str, ...] = ("detect", "dates", "cite", "translate", "glossary", "batch", "report", "notebook",
                             "models", "brief", "qa", "review", "memory")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command in ``COMMANDS``."""
    parser = argparse.ArgumentParser(prog="translator", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"translator {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns its exit code (a ``TranslatorError``'s ``exit_code``: 2, 3 for a damaged
    file, 4 for a full disk; 130 when interrupted). Regular expressions are compiled from the cache folder's
    byte code where it holds them (:func:`translator.cli.recache.kept_regexes`: issue 20, start-up)."""
    from .recache import kept_regexes

    with kept_regexes():
        return _run(argv)


def _run(argv: list[str] | None) -> int:
    """:func:`main`'s body."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.func
    from ._common import log_to_stderr, utf8_output

    utf8_output()  # Arabic to a cp1252 or ASCII stdout would fail once the work is done

    try:
        with log_to_stderr():  # the library logs; here its warnings reach the terminal, once
            return handler(args)
    except TranslatorError as exc:
        print(f"translator: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("translator: interrupted; finished documents are kept, re-run to resume", file=sys.stderr)
        return 130


def exit_fast(code: int) -> NoReturn:
    """End the process with ``code`` without the interpreter's teardown (issue 20).

    A batch holds millions of small objects (the detector's lexicon, the glossary's and gazetteer's indexes);
    freeing them one by one at exit cost ≈ 0.3–0.5 CPU s, for nothing: the process ends. What an exit must do
    still runs first: the ``atexit`` functions (logging's flush and close, temporary folders, Ray's and
    multiprocessing's shut-downs), then standard output and error are flushed. When a thread other than the
    main one is still running (not a daemon), the ordinary exit runs instead, since that waits for it.
    Raises ``SystemExit`` in that case; otherwise never returns."""
    if any(t.is_alive() and not t.daemon and t is not threading.main_thread() for t in threading.enumerate()):
        sys.exit(code)
    atexit._run_exitfuncs()  # CPython runs these at exit too; they are then unregistered by os._exit
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: what an ordinary exit would also lose
            pass
    os._exit(code)


def entry() -> NoReturn:
    """The ``translator`` command (console script and ``python -m translator``): :func:`main` on
    ``sys.argv``, then :func:`exit_fast` with its exit code."""
    exit_fast(main())


if __name__ == "__main__":
    entry()

"""translator: detect, translate (Arabic → English), glossary-check, QA and cite Arabic-language news.

(For developers: this package is argument parsing and output formatting only.)

Every command calls the public API; nothing here knows how detection, dates, citations, glossaries or
engines work. All commands read files (or standard input) and write ``--format jsonl|csv|table``.
One module per command, each with ``add_parser(subparsers)`` and the handler it sets as ``func``;
``COMMANDS`` lists them in the order ``--help`` shows.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from .. import __version__
from ..errors import TranslatorError

__all__ = ["COMMANDS", "build_parser", "main"]

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
    file, 4 for a full disk; 130 when interrupted)."""
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


if __name__ == "__main__":
    sys.exit(main())

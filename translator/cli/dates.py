"""``translator dates``: dates in texts or lines, normalized to ISO."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from ._common import add_io, emit, language_tag, read_texts, without

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dates", help="normalize dates to ISO (YYYY-MM-DD, or YYYY-MM without a day)")
    add_io(p)
    p.add_argument("--context-lang", type=language_tag,
                   help="language of the page the dates come from (ar, en, fr, en-US, ...)")
    order = p.add_mutually_exclusive_group()
    order.add_argument("--day-first", dest="day_first", action="store_true", default=None,
                       help="read 01/03/2026 as 1 March")
    order.add_argument("--month-first", dest="day_first", action="store_false",
                       help="read 6/8/2019 as June 8 (US sites)")
    p.add_argument("--reference", metavar="YYYY-MM-DD", type=_iso_day,
                   help="publication date that relative dates (أمس, منذ يومين, قبل ٥ ساعات) count from")
    p.set_defaults(func=run)


def _iso_day(value: str) -> str:
    """An argparse type: a calendar day written YYYY-MM-DD, checked before any input is read (a bad one was
    only noticed when a line held a relative date, and passed silently otherwise: NEWUSER9 F3)."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a day written YYYY-MM-DD ({exc})") from exc


def run(args: argparse.Namespace) -> int:
    from ..dates import parse_date

    def records() -> Iterator[dict]:
        for text in read_texts(args.files, by_line=args.lines):
            result = parse_date(text, context_lang=args.context_lang, day_first=args.day_first,
                                reference=args.reference)
            yield {"text": text, **without(result.to_dict(), "text")}

    emit(records(), args.format)
    return 0

"""What every command shares: reading inputs, writing ``--format jsonl|csv|table``, common options."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError

FORMATS = ("jsonl", "csv", "table")


# ----------------------------------------------------------------------------------------------- input/output
def read_texts(files: list[str], *, by_line: bool) -> Iterator[str]:
    """The inputs: each file (or standard input) whole, or each of its lines with ``--lines``."""
    from ..corpus.decode import decode_bytes

    for name in files or ["-"]:
        if name == "-":
            data, label = sys.stdin.buffer.read(), "standard input"
        else:
            try:
                data, label = Path(name).read_bytes(), name
            except OSError as exc:
                raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
        if not data.strip():
            continue
        decoded = decode_bytes(data, name=label)
        for repair in decoded.repairs:
            print(f"translator: {label}: {repair}", file=sys.stderr)
        text = decoded.text
        if by_line:
            yield from text.splitlines()
        else:
            yield text


def emit(records: Iterable[dict], fmt: str, out: io.TextIOBase | None = None) -> int:
    """Write records as JSON lines, CSV or an aligned table; returns how many were written."""
    out = out or sys.stdout
    if fmt == "jsonl":
        count = 0
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            out.flush()
            count += 1
        return count
    import pandas as pd

    rows = [flat(r) for r in records]
    frame = pd.DataFrame(rows)
    if fmt == "csv":
        frame.to_csv(out, index=False)
    elif rows:
        with pd.option_context("display.max_colwidth", 60, "display.width", 200):
            out.write(frame.to_string(index=False) + "\n")
    return len(rows)


def flat(record: dict) -> dict:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in record.items()}


def add_io(parser: argparse.ArgumentParser, *, lines: bool = True) -> None:
    parser.add_argument("files", nargs="*", help="input files (default: standard input)")
    if lines:
        parser.add_argument("--lines", action="store_true", help="treat each input line as one item")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")


MT_ENGINES = ("auto", "ctranslate2", "transformers")
RUNNERS = ("local", "ray")


def add_model_options(parser: argparse.ArgumentParser, *, batch: bool = False) -> None:
    parser.add_argument("--model", help="model id, converted-model id or folder "
                                        "(default: Helsinki-NLP/opus-mt-ar-en)")
    if batch:
        parser.add_argument("--engine", default="auto", choices=(*MT_ENGINES, "ray"),
                            help="translation engine (auto = ctranslate2 when a converted model is present, else "
                                 "transformers); `ray` is the old spelling of --runner ray")
        parser.add_argument("--runner", default="local", choices=RUNNERS,
                            help="where the batch runs: local (default) or ray (Ray Data, local or a cluster)")
        parser.add_argument("--mt-engine", choices=MT_ENGINES, help=argparse.SUPPRESS)  # old: with --engine ray
        parser.add_argument("--address", help="with --runner ray: address of an existing Ray cluster "
                                              "(default: a local Ray runtime)")
        parser.add_argument("--actors", type=int, default=1, help="with --runner ray: translation actors")
    else:
        parser.add_argument("--engine", default="auto", choices=MT_ENGINES,
                            help="auto = ctranslate2 when a converted model is present, else transformers")
    parser.add_argument("--device", default="cpu", help="cpu (default), cuda or auto")
    parser.add_argument("--threads", type=int, help="CPU threads for the engine")


def add_glossary_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--glossary", action="append", type=Path, default=[], metavar="PATH",
                        help="extra glossary TSV file (repeatable); merged with the shipped glossary")
    parser.add_argument("--no-glossary", action="store_true", help="do not load or enforce any glossary")




def without(record: dict, *keys: str) -> dict:
    """``record`` less ``keys``."""
    return {k: v for k, v in record.items() if k not in keys}


def report_glossary_problems(glossary) -> None:
    """Print each problem found while loading ``glossary`` on stderr, one line each."""
    for problem in glossary.problems:
        print(f"translator: glossary: {problem}", file=sys.stderr)

"""What every command shares: reading inputs, writing ``--format jsonl|csv|table``, common options."""

from __future__ import annotations

import argparse
import io
import json
import logging
import shutil
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError

FORMATS = ("jsonl", "csv", "table")


class _StderrHandler(logging.Handler):
    """Print the library's warnings as ``translator: message`` on the standard error of the moment, each on
    its own line: through ``tqdm.write``, which clears a progress bar drawn there and draws it again below."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            from tqdm import tqdm

            tqdm.write(f"translator: {self.format(record)}", file=sys.stderr)
        except Exception:  # logging's own contract: a handler never raises
            self.handleError(record)


@contextmanager
def log_to_stderr(level: int = logging.WARNING) -> Iterator[None]:
    """While a command runs, show the ``translator`` logger's records at ``level`` and above on stderr, once.

    The library only logs; the command line is what prints, so each warning reaches the terminal once. The
    handler and level are put back afterwards, so a program (or a test) that calls ``main()`` and then the
    library does not get the library's warnings printed.
    """
    logger = logging.getLogger("translator")
    if any(isinstance(h, _StderrHandler) for h in logger.handlers):
        yield
        return
    handler, old_level = _StderrHandler(level), logger.level
    logger.addHandler(handler)
    logger.setLevel(min(level, logger.level or level))
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


# ----------------------------------------------------------------------------------------------- input/output
def read_texts(files: list[str], *, by_line: bool) -> Iterator[str]:
    """The inputs: each file (or standard input) whole, or each of its lines with ``--lines``.

    A file the batch reads (``.docx``, ``.html``, ``.md``, ``.json``/``.jsonl`` records, ``.txt``) is read by
    the batch's own readers (:func:`translator.corpus.readers.read_documents`), so a single file gives the
    text a batch would analyse: a page's text without its markup, each record of a ``.jsonl`` file as one
    text (finding 9). Other files and standard input are decoded as text. Raises InputError for a missing
    or unreadable file ("no such file").
    """
    from ..corpus.decode import decode_bytes
    from ..corpus.readers import SUFFIXES, SourceFile, read_documents

    for name in files or ["-"]:
        if name == "-":
            data, label = sys.stdin.buffer.read(), "standard input"
        else:
            data, label = read_file_bytes(name), name
        if not data.strip():
            continue
        if name != "-" and Path(name).suffix.lower() in SUFFIXES:
            texts = []
            for doc in read_documents(SourceFile(Path(name), name), data):
                for warning in doc.warnings:
                    print(f"translator: {label}: {warning}", file=sys.stderr)
                texts.append(doc.text)
        else:
            decoded = decode_bytes(data, name=label)
            for repair in decoded.repairs:
                print(f"translator: {label}: {repair}", file=sys.stderr)
            texts = [decoded.text]
        for text in texts:
            if by_line:
                yield from text.splitlines()
            else:
                yield text


def batch_folder(path: Path) -> Path:
    """``path`` when it is a folder; InputError "PATH: no such folder" (or "is a file") otherwise, before any
    command looks for a table in it (finding 20: "no table 'segments'" said nothing of a mistyped folder)."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such folder (give the output folder of `translator batch`)")
    if not path.is_dir():
        raise InputError(f"{path}: is a file, not a folder (give the output folder of `translator batch`)")
    return path


def language_tag(value: str) -> str:
    """An argparse type: a language tag CLDR knows (``ar``, ``en-US``, ``fr_FR``), checked with Babel."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(value.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a language tag CLDR knows (e.g. ar, en, en-US, fr)") \
            from exc
    return value


def existing_file(name: str | Path) -> Path:
    """``name`` as a Path when it is a file. Raises InputError "NAME: no such file" for a missing one and
    "NAME: is a folder, not a file" for a folder: the same words from every command (finding 20)."""
    path = Path(name)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a folder, not a file")
    return path


def read_file_bytes(name: str | Path) -> bytes:
    """The bytes of a file named on the command line (see :func:`existing_file` for a missing one); InputError
    "NAME: cannot read (...)" when it cannot be read."""
    path = existing_file(name)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc


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
    if fmt == "csv":
        pd.DataFrame(rows).to_csv(out, index=False)
    elif rows:
        out.write(fit_table(rows, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns))
    return len(rows)


DEFAULT_WIDTH = 120  # when the output is not a terminal and COLUMNS is not set
_GAP = "  "
_MIN_CELL = 6


def fit_table(rows: list[dict], width: int) -> str:
    """``rows`` as an aligned text table whose lines are at most ``width`` characters (issue 11).

    Narrow columns keep their width; the room left is shared among the wide ones, and a cell longer than its
    column is cut with "…" (the full text is in ``--format jsonl`` or ``csv``). Columns that cannot get even
    a few characters are left out, and a last line names them. Line breaks inside a cell are shown as "⏎".
    Returns the table with a final newline.
    """
    columns = list(dict.fromkeys(key for row in rows for key in row))
    fits = max(1, (width + len(_GAP)) // (_MIN_CELL + len(_GAP)))
    hidden, columns = columns[fits:], columns[:fits]
    cells = [[_cell_text(row.get(c)) for c in columns] for row in rows]
    natural = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    widths = _share(natural, max(width, _MIN_CELL) - len(_GAP) * (len(columns) - 1))
    lines = [_line(columns, widths)] + [_line(r, widths) for r in cells]
    if hidden:  # more columns than the terminal can show even narrowed: say which, never wrap
        note = f"({len(hidden)} more columns: {', '.join(hidden)}; --format jsonl or csv shows them)"
        lines.append(note if len(note) <= width else note[:max(0, width - 1)] + "…")
    return "\n".join(lines) + "\n"


def _cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).replace("\r\n", "⏎").replace("\n", "⏎").replace("\t", " ")


def _share(natural: list[int], room: int) -> list[int]:
    """Column widths summing to at most ``room``: the narrowest columns first get all they need."""
    widths = [0] * len(natural)
    left = sorted(range(len(natural)), key=natural.__getitem__)
    while left:
        fair = max(_MIN_CELL, room // len(left))
        i = left.pop(0)
        widths[i] = min(natural[i], fair)
        room -= widths[i]
    return widths


def _line(values: list[str], widths: list[int]) -> str:
    out = []
    for value, width in zip(values, widths, strict=True):
        text = value if len(value) <= width else value[:max(0, width - 1)] + "…"
        out.append(text.ljust(width))
    return _GAP.join(out).rstrip()


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
    parser.add_argument("--model", help="model id, converted-model id or folder (default: the one set with "
                                        "`translator models default ID`, else Helsinki-NLP/opus-mt-ar-en)")
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

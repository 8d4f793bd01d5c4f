"""What every command shares: reading inputs, writing ``--format jsonl|csv|table``, common options."""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import shutil
import stat
import sys
from collections import Counter
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


def utf8_output() -> None:
    """Standard output and error in UTF-8, whatever the locale says.

    Python writes them in the locale's encoding: cp1252 when a Windows user redirects a command to a file,
    ASCII under ``LANG=C`` on a server. Arabic then fails with ``UnicodeEncodeError`` after the work is done
    (kolibri#6298, loguru#482). What the commands write is data (JSON lines, CSV) and UTF-8 is what every
    reader of it expects, so a stream in another encoding is switched to UTF-8 (its error handler kept).
    """
    import codecs

    for stream in (sys.stdout, sys.stderr):
        encoding, reconfigure = getattr(stream, "encoding", None), getattr(stream, "reconfigure", None)
        if not encoding or reconfigure is None:
            continue
        try:
            if codecs.lookup(encoding).name.startswith(("utf-8", "utf-16", "utf-32")):
                continue
            reconfigure(encoding="utf-8")
        except (LookupError, ValueError, OSError):  # an unknown codec name, or a stream already written to
            continue


# ----------------------------------------------------------------------------------------------- input/output
def read_texts(files: list[str], *, by_line: bool, documents: bool = True) -> Iterator[str]:
    """The inputs: each file (or standard input) whole, or each of its lines with ``--lines``.

    A file the batch reads (``.docx``, ``.html``, ``.md``, ``.json``/``.jsonl`` records, ``.txt``) is read by
    the batch's own readers (:func:`translator.corpus.readers.read_documents`), so a single file gives the
    text a batch would analyse: a page's text without its markup, each record of a ``.jsonl`` file as one
    text (finding 9). Other files and standard input are decoded as text. Raises InputError for a missing
    or unreadable file ("no such file"). ``documents=False`` decodes every file as plain text: for inputs
    whose lines are records of the command's own (``translator qa``'s pairs, one JSON object per line).
    """
    from ..corpus.decode import decode_bytes
    from ..corpus.readers import SUFFIXES, SourceFile, read_documents

    for name in files or ["-"]:
        if name == "-":
            data, label = sys.stdin.buffer.read(), "standard input"
        else:
            data, label = read_file_bytes(name), name
        if not data.strip():
            if name != "-":  # said, as the batch's errors row says it (fourth new-user trial, finding 18)
                print(f"translator: {label}: empty file, nothing to read", file=sys.stderr)
            continue
        if documents and name != "-" and Path(name).suffix.lower() in SUFFIXES:
            texts = []
            for doc in read_documents(SourceFile(Path(name), name), data):
                for warning in doc.warnings:
                    print(f"translator: {label}: {warning}", file=sys.stderr)
                for row in doc.errors:  # a left-out record: its message names the file already (NEWUSER6 F24)
                    print(f"translator: skipped {row.message}", file=sys.stderr)
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

    if fmt == "csv":
        rows = [flat(r) for r in records]
        if _new_file(out):  # ``> out.csv`` to open in Excel: a byte-order mark, or Excel shows Arabic as "ÙØ§Ù"
            out.write("\ufeff")
        pd.DataFrame(rows).to_csv(out, index=False)
    else:
        rows = [{k: readable(v) for k, v in r.items()} for r in records]
        if rows:
            out.write(fit_table(rows, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns))
    return len(rows)


def _new_file(out: io.TextIOBase) -> bool:
    """Whether ``out`` is UTF-8 written to a new, empty file (the shell's ``> out.csv``), not a terminal or a
    pipe. A CSV file opened in Excel needs a UTF-8 byte-order mark, or Excel reads it in the Windows code page
    and shows Arabic as mojibake (dbeaver/dbeaver#13889, mui/mui-x#9545); the batch's own CSV tables have one.
    A pipe gets none: the next program reads plain UTF-8."""
    try:
        out.flush()
        info = os.fstat(out.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return False
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return stat.S_ISREG(info.st_mode) and info.st_size == 0 and encoding in ("utf8", "utf8sig")


def readable(value: object) -> object:
    """A cell of ``--format table`` as a person reads it: a list of words joined with "; " (``retried;
    repetition``), QA flags as ``kind: detail`` (``number: 45 in the source became 54``; several led by their
    kinds, ``3 flags (number, name ×2) number: …``, so a cell cut after its last line still names every kind),
    language runs as ``lang: text``; an empty list empty; anything else as JSON. A JSON list in one cell was cut
    after three lines and hid all but its first item (fourth new-user trial: ``translate``'s qa_flags,
    ``glossary match``).
    """
    if isinstance(value, list | tuple):
        if not value:
            return ""
        if all(isinstance(v, str | int | float) for v in value):
            return "; ".join(str(v) for v in value)
        if all(isinstance(v, dict) and "kind" in v and "detail" in v for v in value):
            details = "; ".join(f"{v['kind']}: {v['detail']}" for v in value)
            if len(value) == 1:
                return details
            kinds = Counter(str(v["kind"]) for v in value)  # first seen first: a cut cell still names every kind
            summary = ", ".join(k if n == 1 else f"{k} ×{n}" for k, n in kinds.items())
            return f"{len(value)} flags ({summary}) {details}"
        if all(isinstance(v, dict) and "lang" in v and "text" in v for v in value):
            return "; ".join(f"{v['lang']}: {v['text']}" for v in value)
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


DEFAULT_WIDTH = 120  # when the output is not a terminal and COLUMNS is not set
_GAP = "  "
_MIN_CELL = 6  # a column narrower than this is not shown at all
_MIN_WRAP = 28  # a long text column gets at least this many characters before later columns are left out
MAX_CELL_LINES = 3  # a long cell wraps onto this many lines at most, then is cut with "…"


def fit_table(rows: list[dict], width: int) -> str:
    """``rows`` as an aligned text table whose lines are at most ``width`` characters (issue 11, finding 18).

    Columns empty in every row (None, "", [], {}) are left out. Columns keep the order given (commands put
    what matters first: text, translation, status); each gets what it needs up to ``_MIN_WRAP`` characters,
    as many as fit, and the room left goes to the long ones, whose cells wrap onto up to ``MAX_CELL_LINES``
    lines and are then cut with "…" (the full text is in ``--format jsonl`` or ``csv``). Columns that do not
    fit are left out and a last line names them. Line breaks inside a cell are shown as "⏎".
    Returns the table with a final newline.
    """
    every = list(dict.fromkeys(key for row in rows for key in row))
    columns = [c for c in every if any(not _empty(row.get(c)) for row in rows)] or every
    cells = {c: [_cell_text(row.get(c)) for row in rows] for c in columns}
    natural = {c: max([len(c), *(len(v) for v in cells[c])]) for c in columns}
    least = {c: max(min(natural[c], _MIN_WRAP), min(len(c), natural[c], _MIN_WRAP), _MIN_CELL) for c in columns}
    shown: list[str] = []
    used = 0
    for c in columns:  # in order, while each still gets its least width
        need = least[c] + (len(_GAP) if shown else 0)
        if used + need > width and shown:
            break
        shown.append(c)
        used += need
    hidden = [c for c in columns if c not in shown]
    room = max(width, _MIN_CELL) - len(_GAP) * (len(shown) - 1)
    widths = _share([natural[c] for c in shown], room, [least[c] for c in shown])
    lines = [_line([c[:w] for c, w in zip(shown, widths, strict=True)], widths)]
    for i in range(len(rows)):
        wrapped = [_wrap(cells[c][i], w) for c, w in zip(shown, widths, strict=True)]
        for k in range(max(len(w) for w in wrapped)):
            lines.append(_line([w[k] if k < len(w) else "" for w in wrapped], widths))
    if hidden:  # more columns than the terminal can show: say which, never wrap the table itself
        note = f"({len(hidden)} more columns: {', '.join(hidden)}; --format jsonl or csv shows them)"
        lines.append(note if len(note) <= width else note[:max(0, width - 1)] + "…")
    return "\n".join(lines) + "\n"


def _empty(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, list | dict | tuple) and not value) or (
        isinstance(value, float) and value != value)


def _cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).replace("\r\n", "⏎").replace("\n", "⏎").replace("\t", " ")


def _wrap(text: str, width: int) -> list[str]:
    """``text`` on lines of at most ``width`` characters, at most ``MAX_CELL_LINES`` of them (the last cut
    with "…" when text is left over)."""
    import textwrap

    if len(text) <= width:
        return [text]
    lines = textwrap.wrap(text, width, break_on_hyphens=False) or [""]
    if len(lines) > MAX_CELL_LINES:
        last = lines[MAX_CELL_LINES - 1]
        lines = [*lines[:MAX_CELL_LINES - 1], (last if len(last) < width else last[:width - 1]) + "…"]
    return lines


def _share(natural: list[int], room: int, least: list[int] | None = None) -> list[int]:
    """Column widths summing to at most ``room``: each column first gets ``least`` (default: up to
    ``_MIN_CELL``), then the narrowest first get all they need, the room left shared fairly."""
    floor = least or [min(n, _MIN_CELL) for n in natural]
    widths = list(floor)
    room -= sum(widths)
    left = sorted((i for i in range(len(natural)) if natural[i] > widths[i]), key=lambda i: natural[i] - widths[i])
    while left and room > 0:
        i = left.pop(0)
        extra = min(natural[i] - widths[i], room // (len(left) + 1))
        widths[i] += extra
        room -= extra
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

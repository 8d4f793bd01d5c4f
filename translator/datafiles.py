"""Read the package's tab-separated data files (``translator/data/*.tsv``) and test tables the same way.

The format, for translators who extend the files: UTF-8, one row per line, cells separated by tabs, no
quoting (a ``"`` is an ordinary character). Lines starting with ``#`` are comments and blank lines are
ignored; the first remaining line is the header naming the columns. A row with fewer cells than the
header lacks the trailing columns (``row.get(col)`` is ``None``); cells beyond the header are ignored.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from .errors import TranslatorError

__all__ = ["DATA_DIR", "data_path", "read_tsv", "read_tsv_numbered"]

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(path_or_name: str | Path) -> Path:
    """Where a data file lives: a bare file name (a ``str`` without folders) is in ``translator/data``."""
    if isinstance(path_or_name, str) and Path(path_or_name).name == path_or_name:
        return DATA_DIR / path_or_name
    return Path(path_or_name)


def read_tsv_numbered(path_or_name: str | Path, *, strip: bool = False,
                      fieldnames: Sequence[str] | None = None) -> list[tuple[int, dict[str, str]]]:
    """``(line number, row)`` pairs of a data file, the line number 1-based as an editor shows it.

    ``strip`` strips every cell (not the header). ``fieldnames`` names the columns of a file without a
    header line; then every non-comment line is a row.
    """
    path = data_path(path_or_name)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TranslatorError(f"Cannot read {path}: {exc}. Reinstall the package; the file ships with it.") \
            from exc
    kept = [(number, line) for number, line in enumerate(text.split("\n"), start=1)
            if line.strip() and not line.startswith("#")]
    records = csv.reader((line for _, line in kept), delimiter="\t", quoting=csv.QUOTE_NONE)
    numbered = list(zip((number for number, _ in kept), records, strict=True))
    if fieldnames is None:
        if not numbered:
            return []
        header, numbered = numbered[0][1], numbered[1:]
    else:
        header = list(fieldnames)
    return [(number, dict(zip(header, (c.strip() for c in cells) if strip else cells, strict=False)))
            for number, cells in numbered]


def read_tsv(path_or_name: str | Path, *, strip: bool = False,
             fieldnames: Sequence[str] | None = None) -> list[dict[str, str]]:
    """Rows of a data file as ``{column: cell}`` dicts, in file order (see the module docstring)."""
    return [row for _, row in read_tsv_numbered(path_or_name, strip=strip, fieldnames=fieldnames)]

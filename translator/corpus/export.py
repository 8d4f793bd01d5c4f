"""Optional exports of a run's tables: one Excel workbook with a sheet per table."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pandas as pd

from ..atomic import atomic_path
from .rows import DESCRIPTIONS
from .tables import read_table

__all__ = ["EXCEL_MAX_CHARS", "EXCEL_MAX_ROWS", "SHEETS", "excel_cell", "write_excel"]

log = logging.getLogger("translator")

#: one sheet per table of a run, in the order the README lists them (rows.DESCRIPTIONS names every table)
SHEETS = tuple(DESCRIPTIONS)
EXCEL_MAX_ROWS = 1_048_575  # one row is the header
#: the most characters Excel shows in one cell; a longer text makes Excel call the workbook damaged
EXCEL_MAX_CHARS = 32_767
# control characters XML 1.0 (and so an .xlsx cell) cannot hold: openpyxl refuses them (IllegalCharacterError)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def excel_cell(value: object) -> tuple[object, str | None]:
    """A table value as an .xlsx cell can hold it, and what was changed (None when nothing was).

    A control character XML cannot hold (form feed from PDF text, a vertical tab, U+0001 ...) is written
    as Excel's own escape ``_x000C_``, which Excel reads back as that character; a text longer than
    Excel's limit of 32,767 characters is cut, ending with a note that gives its full length (the Parquet
    and CSV tables keep it whole). Sources: openpyxl ``ILLEGAL_CHARACTERS_RE``; Microsoft's "Excel
    specifications and limits".
    """
    if not isinstance(value, str):
        return value, None
    change = None
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
        change = "control characters written as _xHHHH_"
    if len(value) > EXCEL_MAX_CHARS:
        note = f" … [cut: {len(value):,} characters; the whole text is in the Parquet and CSV tables]"
        value = value[:EXCEL_MAX_CHARS - len(note)] + note
        change = "cut to Excel's 32,767 characters"
    return value, change


def _fit_for_excel(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``frame`` with every text cell made storable (:func:`excel_cell`); each change logged once per column."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype.kind not in "OSU" and str(frame[column].dtype) not in ("string", "str"):
            continue
        changes: dict[str, int] = {}

        def fit(value: object, changes: dict[str, int] = changes) -> object:
            fitted, change = excel_cell(value)
            if change:
                changes[change] = changes.get(change, 0) + 1
            return fitted

        frame[column] = frame[column].map(fit, na_action="ignore")
        for change, count in changes.items():
            log.warning("tables.xlsx, sheet %s, column %s: %d cell(s) %s", name, column, count, change)
    return frame


def _strings_stay_strings(sheet) -> None:  # type: ignore[no-untyped-def]
    """openpyxl stores a string that starts with ``=`` as a live formula: store every text cell as text.

    The cell keeps its text exactly (``=HYPERLINK(…)`` is shown, not run); Excel's quote prefix marks it.
    """
    from openpyxl.styles import Alignment

    right_to_left = Alignment(readingOrder=2)  # Excel's "Right-to-left" text direction of a cell
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
                cell.quotePrefix = True
            if isinstance(cell.value, str) and _ARABIC_LETTER.search(cell.value) and _mostly_rtl(cell.value):
                cell.alignment = right_to_left


_ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _mostly_rtl(text: str) -> bool:
    from .brief import _mostly_rtl as mostly

    return mostly(text)


def write_excel(out_dir: Path | str, path: Path | str | None = None) -> Path:
    """Write ``tables.xlsx`` (or ``path``) with one sheet per table, header row frozen; written atomically.

    Cells keep their text exactly (no invisible bidi controls are added); a cell whose letters are mostly
    right-to-left gets the right-to-left reading order (else Excel takes the first strong character:
    ``2024 مقتل 5 جنود`` read left to right; jmcnamara/XlsxWriter#493). What an .xlsx cell cannot hold is changed
    as :func:`excel_cell` says, with a logged warning naming the sheet and column; the Parquet and CSV tables
    are never changed.
    """
    out_dir = Path(out_dir)
    target = Path(path) if path else out_dir / "tables.xlsx"
    with atomic_path(target, suffix=".xlsx") as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        for name in SHEETS:
            frame = _fit_for_excel(read_table(out_dir, name), name)
            truncated = len(frame) > EXCEL_MAX_ROWS
            frame.head(EXCEL_MAX_ROWS).to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            _strings_stay_strings(sheet)
            sheet.freeze_panes = "A2"
            if truncated:
                sheet.title = f"{name} (first {EXCEL_MAX_ROWS})"[:31]
    return target

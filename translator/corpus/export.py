"""Optional exports of a run's tables: one Excel workbook with a sheet per table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..atomic import atomic_path
from .rows import DESCRIPTIONS
from .tables import read_table

__all__ = ["EXCEL_MAX_ROWS", "SHEETS", "write_excel"]

#: one sheet per table of a run, in the order the README lists them (rows.DESCRIPTIONS names every table)
SHEETS = tuple(DESCRIPTIONS)
EXCEL_MAX_ROWS = 1_048_575  # one row is the header


def _strings_stay_strings(sheet) -> None:  # type: ignore[no-untyped-def]
    """openpyxl stores a string that starts with ``=`` as a live formula: store every text cell as text.

    The cell keeps its text exactly (``=HYPERLINK(…)`` is shown, not run); Excel's quote prefix marks it.
    """
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
                cell.quotePrefix = True


def write_excel(out_dir: Path | str, path: Path | str | None = None) -> Path:
    """Write ``tables.xlsx`` (or ``path``) with one sheet per table, header row frozen; written atomically.

    Cells keep their text exactly (no invisible bidi controls are added); Excel gives each cell the direction
    of its first strong character.
    """
    out_dir = Path(out_dir)
    target = Path(path) if path else out_dir / "tables.xlsx"
    with atomic_path(target, suffix=".xlsx") as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        for name in SHEETS:
            frame = read_table(out_dir, name)
            truncated = len(frame) > EXCEL_MAX_ROWS
            frame.head(EXCEL_MAX_ROWS).to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            _strings_stay_strings(sheet)
            sheet.freeze_panes = "A2"
            if truncated:
                sheet.title = f"{name} (first {EXCEL_MAX_ROWS})"[:31]
    return target

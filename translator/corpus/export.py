"""Optional exports of a run's tables: one Excel workbook with a sheet per table."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from .tables import read_table

__all__ = ["EXCEL_MAX_ROWS", "SHEETS", "write_excel"]

SHEETS = ("documents", "segments", "citations", "errors")
EXCEL_MAX_ROWS = 1_048_575  # one row is the header


def write_excel(out_dir: Path | str, path: Path | str | None = None) -> Path:
    """Write ``tables.xlsx`` (or ``path``) with one sheet per table; Arabic sheets are set right-to-left."""
    out_dir = Path(out_dir)
    target = Path(path) if path else out_dir / "tables.xlsx"
    fd, tmp = tempfile.mkstemp(prefix=".tables.", suffix=".xlsx", dir=target.parent)
    os.close(fd)
    try:
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            for name in SHEETS:
                frame = read_table(out_dir, name)
                truncated = len(frame) > EXCEL_MAX_ROWS
                frame.head(EXCEL_MAX_ROWS).to_excel(writer, sheet_name=name, index=False)
                sheet = writer.sheets[name]
                sheet.freeze_panes = "A2"
                if truncated:
                    sheet.title = f"{name} (first {EXCEL_MAX_ROWS})"[:31]
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target

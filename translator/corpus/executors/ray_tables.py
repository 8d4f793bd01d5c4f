"""Tables as partitioned Parquet: ``OUT/<name>/part-00000.parquet, part-00001.parquet, ...`` plus ``OUT/<name>.csv``.

This is the layout Ray Data (and Spark, DuckDB, pandas) read and write for large tables, and the one
`tables.read_table` reads back when ``OUT/<name>.parquet`` is absent. A table appears only when complete: parts
are written into a hidden folder that replaces the old one by a rename, and a single-file table left by an
earlier local run is removed so that `read_table` cannot return stale rows.
"""

from __future__ import annotations

import contextlib
import csv
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ...atomic import publish, temp_file
from ..tables import CSV_ENCODING, rows_to_arrow

__all__ = ["ROWS_PER_PART", "PartitionedWriter", "write_partitioned"]

ROWS_PER_PART = 100_000


class PartitionedWriter:
    """Stream row batches into a partitioned Parquet table and one CSV beside it."""

    def __init__(self, out_dir: Path, name: str, schema: pa.Schema, rows_per_part: int = ROWS_PER_PART) -> None:
        self.out_dir = Path(out_dir)
        self.name = name
        self.schema = schema
        self.rows_per_part = rows_per_part
        self.rows_written = 0
        self.parts = 0
        self._buffer: list[dict] = []

    def __enter__(self) -> PartitionedWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._folder = Path(tempfile.mkdtemp(prefix=f".{self.name}.", suffix=".tmp", dir=self.out_dir))
        self._csv_path = temp_file(self.out_dir / self.name, suffix=".csv.tmp")
        self._csv_file = open(self._csv_path, "w", encoding=CSV_ENCODING, newline="")
        self._csv = csv.writer(self._csv_file)
        self._csv.writerow(self.schema.names)
        return self

    def write(self, rows: list[dict]) -> None:
        self._buffer.extend(rows)
        while len(self._buffer) >= self.rows_per_part:
            self._flush(self._buffer[:self.rows_per_part])
            self._buffer = self._buffer[self.rows_per_part:]

    def _flush(self, rows: list[dict]) -> None:
        table = rows_to_arrow(rows, self.schema)
        pq.write_table(table, self._folder / f"part-{self.parts:05d}.parquet")
        for row in table.to_pylist():
            self._csv.writerow(["" if row[n] is None else row[n] for n in self.schema.names])
        self.parts += 1
        self.rows_written += len(rows)

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None and (self._buffer or self.parts == 0):
                self._flush(self._buffer)  # an empty table still gets one part, so its columns are known
            self._csv_file.close()
            if exc_type is None:
                _replace_folder(self._folder, self.out_dir / self.name)
                publish(self._csv_path, self.out_dir / f"{self.name}.csv")
                with contextlib.suppress(FileNotFoundError):
                    (self.out_dir / f"{self.name}.parquet").unlink()
        finally:
            self._buffer = []
            self._csv_file.close()
            shutil.rmtree(self._folder, ignore_errors=True)  # gone already when it was moved into place
            self._csv_path.unlink(missing_ok=True)


def write_partitioned(out_dir: Path, name: str, schema: pa.Schema, batches: Iterable[list[dict]],
                      rows_per_part: int = ROWS_PER_PART) -> int:
    """Write a whole table from row batches; returns the number of rows."""
    with PartitionedWriter(out_dir, name, schema, rows_per_part) as writer:
        for rows in batches:
            writer.write(rows)
    return writer.rows_written


def _replace_folder(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target``; the old folder is moved aside first, then deleted."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        target.replace(old / target.name)
    publish(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

"""The tidy tables a batch run writes, their schemas, and the atomic writers.

Every table is written as Parquet (typed, lossless for Arabic text and nulls) and CSV (UTF-8 with a byte
order mark, so that Excel opens Arabic text correctly on a double-click; ``read_table`` and pandas read it
back with ``encoding="utf-8-sig"``). Both are written to a temporary file in the output folder and renamed
into place only when complete (:mod:`translator.atomic`, which also honours the umask), so an interrupted run
never leaves a half-written table behind.
"""

from __future__ import annotations

import array
import contextlib
import csv
import itertools
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

if TYPE_CHECKING:  # pandas is imported where a table is read back, not to write one (issue 20: ≈ 0.3 s at start)
    import pandas as pd

from ..atomic import atomic_write_text as atomic_write_text  # re-exported: the writers' one helper
from ..atomic import publish, temp_file
from ..errors import InputError
from . import rows
from .cells import spreadsheet_safe, spreadsheet_unsafe

__all__ = [
    "CITATION_EXTRA", "CSV_ENCODING", "DESCRIPTIONS", "DOCUMENTS", "ERRORS", "GLOSSARY_CANDIDATES", "ROW_GROUP_ROWS",
    "SEGMENTS",
    "TableWriter",
    "atomic_write_text", "citations_schema", "conform", "iter_chunks", "iter_table", "read_table", "rows_to_arrow",
    "spreadsheet_safe", "spreadsheet_unsafe", "table_records",
    "write_table",
]

#: The most rows in one Parquet row group: the unit a reader takes at once (:func:`iter_table`), so the rows of
#: one long document (200,000 segments for a 6 MB text) are read back in parts too (issue 13).
ROW_GROUP_ROWS = 10_000

#: The CSV tables' encoding: UTF-8 with a byte order mark, which Excel needs to recognise UTF-8 (issue 11).
CSV_ENCODING = "utf-8-sig"

# The schemas come from the one declaration of the rows (rows.py): column, type, nullable, meaning.
DOCUMENTS = rows.arrow_schema("documents")
SEGMENTS = rows.arrow_schema("segments")
ERRORS = rows.arrow_schema("errors")
GLOSSARY_CANDIDATES = rows.arrow_schema("glossary_candidates")
CITATION_EXTRA = [(c.name, c.type) for c in rows.CITATION_EXTRA]
DESCRIPTIONS = rows.DESCRIPTIONS


def citations_schema() -> pa.Schema:
    """translator.citations' documented schema (types and nullability) plus the pipeline's extra columns."""
    return rows.arrow_schema("citations")


_LIST_LIKE = (list, tuple, dict)  # a tuple of types: isinstance tests it faster than a union (issue 20)


def rows_to_arrow(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """Rows (dicts) to an Arrow table of exactly ``schema``: missing keys become nulls, lists become text.

    Raises :class:`InputError` when a value is missing from a non-nullable column or does not fit its type.
    """
    columns = {}
    for field in schema:
        values = [row.get(field.name) for row in rows]
        values = [_cell(v) if isinstance(v, _LIST_LIKE) else v for v in values]
        if not field.nullable and any(v is None for v in values):
            raise InputError(f"column {field.name!r} must not be empty (row {values.index(None)})")
        try:
            quick = _quick_array(values, field.type)
            columns[field.name] = quick if quick is not None else pa.array(values, type=field.type)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise InputError(f"column {field.name!r} does not fit type {field.type}: {exc}") from exc
    return pa.table(columns, schema=schema)


_NONE = type(None)
# the array typecodes of the number columns (array's "i" and "q" are C's int and long long: 32 and 64 bits here)
_TYPECODES = {pa.int32(): "i", pa.int64(): "q", pa.float32(): "f", pa.float64(): "d"}
_PY_TYPES = {"i": int, "q": int, "f": float, "d": float}


def _quick_array(values: list, kind: pa.DataType) -> pa.Array | None:
    """``pa.array(values, type=kind)`` built from its buffers, or None for a column this does not take (then
    ``pa.array`` builds it, errors and all): a string, int32/int64, float32/float64 or bool column whose values
    are exactly that Python type or None. ``pa.array`` asks pandas whether a list is one of its objects, which
    imports pandas (≈ 0.3 s, most of a batch's start-up without it; issue 20); the buffers are those it would
    write (``tests/corpus/test_tables_quick.py`` compares them)."""
    types = set(map(type, values))
    nulls = values.count(None) if _NONE in types else 0
    validity = _validity(values) if nulls else None
    try:
        if pa.types.is_string(kind) and types <= {str, _NONE}:
            encoded = [b"" if v is None else v.encode() for v in values]
            offsets = array.array("i", [0])
            offsets.extend(itertools.accumulate(map(len, encoded)))
            buffers = [validity, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))]
        elif (code := _TYPECODES.get(kind)) is not None and types <= {_PY_TYPES[code], _NONE}:
            buffers = [validity, pa.py_buffer(array.array(code, [0 if v is None else v for v in values]))]
        elif pa.types.is_boolean(kind) and types <= {bool, _NONE}:
            buffers = [validity, pa.py_buffer(_bits(v is True for v in values))]
        else:
            return None
    except (UnicodeEncodeError, OverflowError):  # a lone surrogate, a number out of range, > 2 GiB of text
        return None
    return pa.Array.from_buffers(kind, len(values), buffers, null_count=nulls)


def _validity(values: list) -> pa.Buffer:
    return pa.py_buffer(_bits(v is not None for v in values))


def _bits(flags: Iterable[bool]) -> bytes:
    """Arrow's bitmap of ``flags``: bit i of byte i // 8, least significant first."""
    import numpy as np

    return np.packbits(np.fromiter(flags, dtype=bool), bitorder="little").tobytes()


def _cell(value: object) -> object:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        import json

        return json.dumps(value, ensure_ascii=False)
    return value


def _float32_text(value: float) -> str:
    """A float32 cell as the shortest text that reads back as the same float32 (``0.9791``, not the float64
    widening ``0.9790999889373779``): what the row held, so ``pandas.read_csv`` reads what was written."""
    import numpy as np

    return repr(float(np.format_float_positional(np.float32(value), unique=True, trim="-")))


def _cell_kind(kind: pa.DataType) -> str:
    return "float32" if pa.types.is_float32(kind) else "string" if pa.types.is_string(kind) else "other"


_CSV_CELL = {  # a CSV cell of each kind of column; an empty cell for None
    "float32": lambda v: "" if v is None else _float32_text(v),
    "string": lambda v: "" if v is None else spreadsheet_safe(v),
    "other": lambda v: "" if v is None else v,  # numbers and booleans: spreadsheet_safe keeps them as they are
}


class TableWriter:
    """Stream rows into ``OUT/<name>.parquet`` and ``OUT/<name>.csv``; files appear only on success."""

    def __init__(self, out_dir: Path, name: str, schema: pa.Schema) -> None:
        self.out_dir = Path(out_dir)
        self.name = name
        self.schema = schema
        self.rows_written = 0
        self._tmp: list[Path] = []

    def __enter__(self) -> TableWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        try:
            self._parquet_tmp = self._temp(".parquet")
            self._csv_tmp = self._temp(".csv")
            self._parquet = pq.ParquetWriter(self._parquet_tmp, self.schema)
            self._csv_file = open(self._csv_tmp, "w", encoding=CSV_ENCODING, newline="")
            self._csv = csv.writer(self._csv_file)
            self._csv.writerow(self.schema.names)
        except BaseException:  # a full disk already here: leave no temporary behind
            for handle in (getattr(self, "_parquet", None), getattr(self, "_csv_file", None)):
                with contextlib.suppress(Exception):
                    handle.close()  # type: ignore[union-attr]
            for path in self._tmp:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            raise
        return self

    def write(self, rows: list[dict]) -> None:
        if not rows:
            return
        table = rows_to_arrow(rows, self.schema)
        self._parquet.write_table(table, row_group_size=ROW_GROUP_ROWS)
        columns = table.to_pydict()  # the values to_pylist gives, a list per column rather than a dict per row
        # each cell as spreadsheet_safe or _float32_text gives it, empty for None, a column at a time (issue 20);
        # each column's converter chosen once, not once per cell
        cells = [list(map(_CSV_CELL[_cell_kind(f.type)], columns[f.name])) for f in self.schema]
        self._csv.writerows(zip(*cells, strict=True))
        self.rows_written += len(rows)

    def __exit__(self, exc_type, exc, tb) -> None:
        try:  # the temporaries go whatever happens, a full disk failing the closing flush included
            with contextlib.suppress(*(() if exc_type is None else (OSError,))):
                try:
                    self._parquet.close()
                finally:
                    self._csv_file.close()
            if exc_type is None:
                publish(self._parquet_tmp, self.out_dir / f"{self.name}.parquet")
                publish(self._csv_tmp, self.out_dir / f"{self.name}.csv")
                # A partitioned copy left by a Ray run (OUT/<name>/) would now be stale.
                shutil.rmtree(self.out_dir / self.name, ignore_errors=True)
        finally:
            for path in self._tmp:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()

    def _temp(self, suffix: str) -> Path:
        path = temp_file(self.out_dir / self.name, suffix=suffix + ".tmp")
        self._tmp.append(path)
        return path


def write_table(out_dir: Path, name: str, schema: pa.Schema, rows: Iterable[list[dict]]) -> int:
    """Write a whole table from an iterable of row batches; returns the number of rows."""
    with TableWriter(out_dir, name, schema) as writer:
        for batch in rows:
            writer.write(batch)
    return writer.rows_written


def read_table(out_dir: Path, name: str) -> pd.DataFrame:
    """Read a table a run wrote, e.g. ``read_table("out", "segments")``.

    Parquet is preferred (``OUT/<name>.parquet``, then the partitioned ``OUT/<name>/`` of a Ray run); a folder
    holding only the CSV (``OUT/<name>.csv``, e.g. saved back from a spreadsheet) is read with empty cells as
    missing values, the byte order mark dropped. Either way the columns get their declared dtypes
    (:func:`conform`). Raises :class:`InputError` when none is there.
    """
    import pandas as pd

    kind, path = _find_table(out_dir, name)
    frame = read_csv_table(path) if kind == "csv" else pd.read_parquet(path)
    return conform(frame, name)


def table_records(out_dir: Path, name: str) -> list[dict]:
    """``read_table(out_dir, name).to_dict("records")``; a Parquet table without rows gives ``[]`` without reading
    it or importing pandas (issue 20: the errors table of most runs, read at the end of every run)."""
    kind, path = _find_table(out_dir, name)
    if kind == "parquet" and pq.ParquetFile(path).metadata.num_rows == 0:
        return []
    return read_table(out_dir, name).to_dict("records")


def _find_table(out_dir: Path | str, name: str) -> tuple[str, Path]:
    """Where table ``name`` of a run is, as (kind, path): ``parquet`` (``OUT/<name>.parquet``), ``partitioned``
    (the folder ``OUT/<name>/`` of a Ray run) or ``csv`` (``OUT/<name>.csv``), in that order of preference.
    Raises :class:`InputError` when none is there."""
    out_dir = Path(out_dir)
    for kind, path in (("parquet", out_dir / f"{name}.parquet"), ("partitioned", out_dir / name),
                       ("csv", out_dir / f"{name}.csv")):
        if path.is_dir() if kind == "partitioned" else path.exists():
            return kind, path
    raise InputError(f"{out_dir}: no table {name!r} (expected {name}.parquet); run `translator batch` first")


# pandas' nullable dtypes for the declared types: an integer column with one null stays integers (pandas
# would make it float64), a bool column with nulls stays bools (pandas would make it object).
_PANDAS_TYPES = {"int32": "Int32", "int64": "Int64", "bool": "boolean", "float64": "float64"}
_BOOL_WORDS = {"true": True, "false": False, "1": True, "0": False}


def conform(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``frame`` with the dtypes the declaration of table ``name`` gives (:mod:`translator.corpus.rows`).

    Integers become pandas' nullable ``Int32``/``Int64`` and bools ``boolean`` whatever the nulls (so a column
    has one dtype on every corpus, Parquet or CSV); ``float32`` scores become ``float64`` rounded to 6 decimals,
    so ``0.9`` reads as ``0.9`` and not ``0.8999999761581421``; strings stay strings. Columns the declaration
    does not know (a table from an older or newer version) are left as read. Raises nothing: a value that does
    not fit its type (a CSV edited by hand) leaves that column as read.
    """
    import pandas as pd

    try:
        declared = {c.name: c.type for c in rows.columns(name)}
    except KeyError:
        return frame
    frame = frame.copy()
    for column, kind in declared.items():
        if column not in frame.columns:
            continue
        values = frame[column]
        try:
            if kind == "float32":
                frame[column] = values.astype("float64").round(6)
            elif kind == "bool" and not pd.api.types.is_bool_dtype(values):
                frame[column] = values.map(
                    lambda v: _BOOL_WORDS.get(str(v).strip().lower()) if pd.notna(v) else None).astype("boolean")
            elif kind in _PANDAS_TYPES:
                frame[column] = values.astype(_PANDAS_TYPES[kind])
            elif kind == "string" and not pd.api.types.is_string_dtype(values):
                frame[column] = values.astype("str").where(values.notna())
        except (TypeError, ValueError):
            continue
    return frame


def iter_table(out_dir: Path, name: str, batch_rows: int = 20_000) -> Iterator[pd.DataFrame]:
    """A table a run wrote, as DataFrames of at most ``batch_rows`` rows, in table order (found as by
    :func:`read_table`): memory stays flat in the size of the table (issue 20). A table smaller than a batch
    comes as one DataFrame equal to ``read_table``'s. Raises :class:`InputError` when none is there.
    """
    import pandas as pd

    kind, path = _find_table(out_dir, name)
    if kind == "csv":
        frames: Iterator[pd.DataFrame] = (_unsafe(f) for f in pd.read_csv(path, chunksize=batch_rows, **_CSV_READ))
    else:
        batches = _parquet_batches(path, batch_rows) if kind == "parquet" else _partitioned_batches(path, batch_rows)
        frames = (batch.to_pandas() for batch in batches if batch.num_rows)
    empty = True
    for frame in frames:
        empty = False
        yield conform(frame, name)
    if empty:  # no rows: the empty table, with its columns
        yield read_table(out_dir, name)


def _parquet_batches(path: Path, batch_rows: int) -> Iterator[pa.RecordBatch]:
    """The record batches of one Parquet file, read a row group at a time. ``pre_buffer=False``: pyarrow's
    default pre-buffers every row group the reader is asked for before the first batch comes, i.e. the whole
    file (apache/arrow#39820; ``ParquetFile``'s docs: set it to False "to prioritize minimal memory usage")."""
    parquet = pq.ParquetFile(path, pre_buffer=False)
    for group in range(parquet.num_row_groups):
        yield from parquet.iter_batches(batch_size=batch_rows, row_groups=[group])


def _partitioned_batches(path: Path, batch_rows: int) -> Iterator[pa.RecordBatch]:
    """The record batches of a partitioned table (a Ray run's ``OUT/<name>/``), one part and one batch read
    ahead at most, without pre-buffering (as :func:`_parquet_batches`)."""
    import pyarrow.dataset as ds

    options = ds.ParquetFragmentScanOptions(pre_buffer=False)
    return ds.dataset(path, format="parquet", partitioning="hive").to_batches(
        batch_size=batch_rows, batch_readahead=1, fragment_readahead=1, fragment_scan_options=options)


_CSV_READ = {"encoding": CSV_ENCODING, "keep_default_na": False, "na_values": [""]}  # empty cells are missing


def read_csv_table(path: Path | str) -> pd.DataFrame:
    """A CSV table as written by a run (UTF-8 with or without a byte order mark); empty cells are missing and
    text cells are given back as the run had them (the apostrophe :func:`spreadsheet_safe` added removed)."""
    import pandas as pd

    return _unsafe(pd.read_csv(path, **_CSV_READ))


def _unsafe(frame: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    for column in frame.columns:
        if pd.api.types.is_object_dtype(frame[column]) or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(spreadsheet_unsafe)
    return frame


def iter_chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]

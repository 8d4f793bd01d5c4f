"""The tidy tables a batch run writes, their schemas, and the atomic writers.

Every table is written as Parquet (typed, lossless for Arabic text and nulls) and CSV (UTF-8, for
spreadsheets). Both are written to a temporary file in the output folder and renamed into place only when
complete, so an interrupted run never leaves a half-written table behind.
"""

from __future__ import annotations

import contextlib
import csv
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InputError

_S, _I, _F, _B = pa.string(), pa.int32(), pa.float32(), pa.bool_()

DOCUMENTS = pa.schema([
    ("doc_id", _S), ("path", _S), ("format", _S), ("encoding", _S), ("sha256", _S),
    ("title", _S), ("outlet", _S), ("published", _S), ("url", _S), ("lang", _S),
    ("n_chars", _I), ("n_segments", _I), ("n_arabic_segments", _I), ("n_citations", _I),
    ("warnings", _S),
])

SEGMENTS = pa.schema([
    ("doc_id", _S), ("segment_id", _I), ("line", _I), ("start", _I), ("end", _I), ("text", _S),
    ("lang", _S), ("lang_confidence", _F), ("script", _S),
    ("translation", _S), ("translation_human", _S), ("translation_status", _S), ("translation_note", _S),
    ("translation_flags", _S),
    ("from_memory", _B), ("engine", _S), ("model", _S),
    ("glossary_terms", _S), ("term_layers", _S), ("terms_found", _I), ("terms_placed", _I), ("terms_exact", _I),
])

ERRORS = pa.schema([("path", _S), ("doc_id", _S), ("stage", _S), ("error", _S), ("message", _S)])

# Names no glossary layer holds, romanized by rule (translator.glossary.names.CandidateCounter, issue 16).
GLOSSARY_CANDIDATES = pa.schema([("source", _S), ("romanized", _S), ("type", _S), ("count", _I),
                                 ("documents", _I), ("examples", _S)])

# The citations schema is owned by translator.citations (CITATION_COLUMNS); the table adds where it came from
# and the machine translation shown beside the human one.
CITATION_EXTRA = [("doc_id", _S), ("title_english_machine", _S), ("translation_status", _S)]

DESCRIPTIONS = {
    "documents": "one row per document read (a .json/.jsonl file may hold several)",
    "segments": "one row per sentence or language run of a document, with its detected language and translation",
    "citations": "one row per citation found, with normalized outlet and ISO date",
    "errors": "one row per file or document that could not be processed, with the stage and reason",
    "glossary_candidates": "one row per name no glossary layer holds (found after a title or role, romanized "
                           "by rule): count, documents, examples; correct `romanized` and copy rows into a "
                           "glossary file (source, target, type) to approve them",
}


_ARROW_TYPES = {"string": pa.string(), "float64": pa.float64(), "Int64": pa.int64(), "int64": pa.int64()}


def citations_schema() -> pa.Schema:
    """translator.citations' documented schema (types and nullability) plus the pipeline's extra columns."""
    from ..citations_table import CITATIONS_SCHEMA

    fields = [pa.field(name, _ARROW_TYPES[dtype], nullable=nullable)
              for name, (dtype, nullable, _) in CITATIONS_SCHEMA.items()]
    names = {f.name for f in fields}
    return pa.schema(fields + [pa.field(n, t) for n, t in CITATION_EXTRA if n not in names])


def rows_to_arrow(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """Rows (dicts) to an Arrow table of exactly ``schema``: missing keys become nulls, lists become text."""
    columns = {}
    for field in schema:
        values = [_cell(row.get(field.name)) for row in rows]
        if not field.nullable and any(v is None for v in values):
            raise InputError(f"column {field.name!r} must not be empty (row {values.index(None)})")
        try:
            columns[field.name] = pa.array(values, type=field.type)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise InputError(f"column {field.name!r} does not fit type {field.type}: {exc}") from exc
    return pa.table(columns, schema=schema)


def _cell(value: object) -> object:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        import json

        return json.dumps(value, ensure_ascii=False)
    return value


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
        self._parquet_tmp = self._temp(".parquet")
        self._csv_tmp = self._temp(".csv")
        self._parquet = pq.ParquetWriter(self._parquet_tmp, self.schema)
        self._csv_file = open(self._csv_tmp, "w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._csv_file)
        self._csv.writerow(self.schema.names)
        return self

    def write(self, rows: list[dict]) -> None:
        if not rows:
            return
        table = rows_to_arrow(rows, self.schema)
        self._parquet.write_table(table)
        for row in table.to_pylist():
            self._csv.writerow(["" if row[n] is None else row[n] for n in self.schema.names])
        self.rows_written += len(rows)

    def __exit__(self, exc_type, exc, tb) -> None:
        self._parquet.close()
        self._csv_file.close()
        if exc_type is None:
            os.replace(self._parquet_tmp, self.out_dir / f"{self.name}.parquet")
            os.replace(self._csv_tmp, self.out_dir / f"{self.name}.csv")
            # A partitioned copy left by a Ray run (OUT/<name>/) would now be stale.
            shutil.rmtree(self.out_dir / self.name, ignore_errors=True)
        for path in self._tmp:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def _temp(self, suffix: str) -> Path:
        fd, name = tempfile.mkstemp(prefix=f".{self.name}.", suffix=suffix + ".tmp", dir=self.out_dir)
        os.close(fd)
        self._tmp.append(Path(name))
        return Path(name)


def write_table(out_dir: Path, name: str, schema: pa.Schema, rows: Iterable[list[dict]]) -> int:
    """Write a whole table from an iterable of row batches; returns the number of rows."""
    with TableWriter(out_dir, name, schema) as writer:
        for batch in rows:
            writer.write(batch)
    return writer.rows_written


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise


def read_table(out_dir: Path, name: str) -> pd.DataFrame:
    """Read a table a run wrote (Parquet preferred), e.g. ``read_table("out", "segments")``."""
    out_dir = Path(out_dir)
    parquet = out_dir / f"{name}.parquet"
    if parquet.exists():
        return pd.read_parquet(parquet)
    partitioned = out_dir / name
    if partitioned.is_dir():
        return pd.read_parquet(partitioned)
    raise InputError(f"{out_dir}: no table {name!r} (expected {parquet.name}); run `translator batch` first")


def iter_chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]

"""Reading a table back is bounded by a row group, not by the table (issue 13): the rows of one long document
are written in row groups of at most ``ROW_GROUP_ROWS`` rows, and :func:`iter_table` reads one row group
before its first batch, not the whole file (pyarrow's ``pre_buffer`` would fetch every row group first).

The bytes read are counted by the kernel (``/proc/self/io``'s ``rchar``, every thread of the process, pyarrow's
I/O pool included), so the tests measure what was read, not how fast."""

from __future__ import annotations

import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from translator.corpus import tables

PROC_IO = Path("/proc/self/io")
pytestmark = pytest.mark.skipif(not PROC_IO.exists(), reason="counts bytes read with Linux's /proc/self/io")

SCHEMA = pa.schema([pa.field("segment_id", pa.int64(), nullable=False), pa.field("text", pa.string())])
ROWS = 5 * tables.ROW_GROUP_ROWS


def bytes_read() -> int:
    """Bytes this process has read so far (read, pread and the like, every thread)."""
    fields = dict(line.split(": ") for line in PROC_IO.read_text().splitlines())
    return int(fields["rchar"])


@pytest.fixture(scope="module")
def long_document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One document's segments as one written batch: ``ROWS`` rows of seeded Arabic letters that do not
    compress, ≈ 400 bytes each (a 6 MB one-line text gives 200,000 segments)."""
    rng = random.Random(13)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي "
    rows = [{"segment_id": i, "text": "".join(rng.choices(letters, k=200))} for i in range(ROWS)]
    out = tmp_path_factory.mktemp("run")
    assert tables.write_table(out, "segments_probe", SCHEMA, [rows]) == ROWS
    return out


def test_one_written_batch_is_cut_into_bounded_row_groups(long_document: Path) -> None:
    metadata = pq.ParquetFile(long_document / "segments_probe.parquet").metadata
    sizes = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
    assert sum(sizes) == ROWS
    assert max(sizes) <= tables.ROW_GROUP_ROWS
    assert len(sizes) >= 5


def test_the_first_batch_reads_one_row_group_not_the_table(long_document: Path) -> None:
    import pandas  # noqa: F401  (imported before counting: its own files are not the table's)

    size = (long_document / "segments_probe.parquet").stat().st_size
    before = bytes_read()
    frames = tables.iter_table(long_document, "segments_probe", batch_rows=1_000)
    first = next(frames)
    at_first = bytes_read() - before
    rest = list(frames)
    at_end = bytes_read() - before

    assert len(first) == 1_000 and first["segment_id"].tolist() == list(range(1_000))
    assert sum(map(len, rest)) + len(first) == ROWS
    assert at_end >= 0.9 * size  # the count sees the table being read at all ...
    assert at_first < 0.3 * size  # ... and the first batch needed one row group of five or more, not all


def test_batches_add_up_to_the_whole_table(long_document: Path) -> None:
    import pandas as pd

    whole = tables.read_table(long_document, "segments_probe")
    streamed = pd.concat(list(tables.iter_table(long_document, "segments_probe", batch_rows=7_777)),
                         ignore_index=True)
    pd.testing.assert_frame_equal(streamed, whole)

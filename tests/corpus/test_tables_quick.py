"""Tables written without pandas (issue 20, start-up): the Arrow arrays built from their buffers are the ones
``pa.array`` builds, byte for byte once written, and a batch run never imports pandas."""

from __future__ import annotations

import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from translator.corpus import rows
from translator.corpus.tables import _quick_array, rows_to_arrow, table_records
from translator.errors import InputError

ROOT = Path(__file__).resolve().parents[2]

CASES = {
    pa.string(): [["Al-Ahram", None, "", "الأهرام", "“quoted” — dash", "x" * 300, "\x00nul", "😀"], [None, None], []],
    pa.int32(): [[0, 1, -1, 2**31 - 1, -(2**31), None], [None], [7]],
    pa.int64(): [[0, 2**63 - 1, -(2**63), None, 42]],
    pa.float32(): [[0.9791, -0.0, 1e300, float("nan"), float("inf"), None, 1e-45, 3.4028235e38]],
    pa.float64(): [[0.1, -0.0, float("nan"), None, 1e308, 5e-324]],
    pa.bool_(): [[True, False, None, True, True, False, False, True, None], [False] * 17],
}


def _parquet_bytes(array: pa.Array) -> bytes:
    sink = io.BytesIO()
    pq.write_table(pa.table({"c": array}), sink)
    return sink.getvalue()


def _same(a: object, b: object) -> bool:
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


@pytest.mark.parametrize(("kind", "values"), [(k, v) for k, vs in CASES.items() for v in vs])
def test_quick_array_is_what_pa_array_builds(kind: pa.DataType, values: list) -> None:
    quick = _quick_array(values, kind)
    assert quick is not None, "a clean column of the declared type is built from its buffers"
    reference = pa.array(values, type=kind)
    assert quick.type == reference.type and len(quick) == len(reference)
    assert quick.null_count == reference.null_count
    assert all(_same(a, b) for a, b in zip(quick.to_pylist(), reference.to_pylist(), strict=True))
    assert _parquet_bytes(quick) == _parquet_bytes(reference)


@pytest.mark.parametrize(("kind", "values"), [
    (pa.float64(), [1.5, 2]),  # an int in a float column: pa.array converts it, and decides
    (pa.int32(), [1, True]),  # a bool is an int to Python, not to this builder
    (pa.int32(), [2**31]),  # out of range: pa.array raises, as it always did
    (pa.string(), ["ok", 3]),
    (pa.string(), ["\ud800"]),  # a lone surrogate cannot be UTF-8
    (pa.timestamp("s"), [None]),  # a type it does not build
])
def test_quick_array_leaves_other_columns_to_pa_array(kind: pa.DataType, values: list) -> None:
    assert _quick_array(values, kind) is None


def test_rows_to_arrow_errors_unchanged() -> None:
    schema = rows.arrow_schema("errors")
    with pytest.raises(InputError, match="does not fit type"):
        rows_to_arrow([{name: "x" for name in schema.names}], schema)  # text in the int32 column


def test_a_batch_run_does_not_import_pandas(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text((ROOT / "corpus" / "algeria-spain-gas.txt").read_text(encoding="utf-8"),
                                  encoding="utf-8")
    code = ("import json, sys\nfrom translator.corpus.run import run_batch\n"
            f"s = run_batch({str(source)!r}, {str(tmp_path / 'out')!r}, translate=False, report=False, "
            "progress=False, use_memory=False)\n"
            "print(json.dumps({'documents': s.documents, 'citations': s.citations, 'errors': s.errors, "
            "'pandas': 'pandas' in sys.modules}))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["documents"] == 1 and result["citations"] > 0 and result["errors"] == []
    assert result["pandas"] is False
    # the tables read back as before (pandas, now that a reader asks for them)
    assert table_records(tmp_path / "out", "errors") == []
    assert len(table_records(tmp_path / "out", "citations")) == result["citations"]

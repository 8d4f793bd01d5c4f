"""Tables: typed, lossless for Arabic and nulls, written atomically."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from translator.corpus import tables
from translator.corpus.state import RunState
from translator.errors import InputError

ROWS = [
    {"doc_id": "a.txt", "segment_id": 0, "line": 0, "start": 0, "end": 11, "text": "مدينة تندوف",
     "lang": "ar", "lang_confidence": 0.99, "script": "Arab", "translation": None, "from_memory": False,
     "translation_flags": ["length_ratio", "repeat"]},
    {"doc_id": "a.txt", "segment_id": 1, "line": 1, "start": 12, "end": 20, "text": 'He said "no", twice\nok',
     "lang": "en", "lang_confidence": 0.9, "script": "Latn"},
]


def test_parquet_and_csv_round_trip_arabic_text_nulls_and_quotes(tmp_path: Path) -> None:
    n = tables.write_table(tmp_path, "segments", tables.SEGMENTS, [ROWS])
    assert n == 2
    parquet = pd.read_parquet(tmp_path / "segments.parquet")
    csv = pd.read_csv(tmp_path / "segments.csv", keep_default_na=False, na_values=[""])
    for frame in (parquet, csv):
        assert list(frame.columns) == tables.SEGMENTS.names
        assert frame.loc[0, "text"] == "مدينة تندوف"
        assert frame.loc[1, "text"] == 'He said "no", twice\nok'
        assert pd.isna(frame.loc[0, "translation"])
        assert frame.loc[0, "translation_flags"] == "length_ratio; repeat"
    assert str(parquet["segment_id"].dtype) == "int32"


def test_csv_tables_carry_a_byte_order_mark_for_excel_and_read_back(tmp_path: Path) -> None:
    tables.write_table(tmp_path, "segments", tables.SEGMENTS, [ROWS])
    raw = (tmp_path / "segments.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfdoc_id,") and raw.count(b"\xef\xbb\xbf") == 1
    assert "مدينة تندوف" in raw.decode("utf-8-sig")
    # read_table falls back to the CSV when the Parquet file is gone (a folder shared as CSV only)
    (tmp_path / "segments.parquet").unlink()
    frame = tables.read_table(tmp_path, "segments")
    assert list(frame.columns) == tables.SEGMENTS.names  # no "\ufeffdoc_id"
    assert frame.loc[0, "text"] == "مدينة تندوف" and frame.loc[1, "text"] == 'He said "no", twice\nok'
    assert pd.isna(frame.loc[0, "translation"])


def test_partitioned_tables_write_the_same_csv(tmp_path: Path) -> None:
    from translator.corpus.executors.ray_tables import write_partitioned

    write_partitioned(tmp_path, "segments", tables.SEGMENTS, [ROWS], rows_per_part=1)
    assert (tmp_path / "segments.csv").read_bytes().startswith(b"\xef\xbb\xbfdoc_id,")
    assert tables.read_table(tmp_path, "segments")["text"].tolist() == [r["text"] for r in ROWS]


def test_a_failed_write_leaves_the_previous_table_and_no_temporary_files(tmp_path: Path) -> None:
    tables.write_table(tmp_path, "segments", tables.SEGMENTS, [ROWS])
    before = (tmp_path / "segments.parquet").read_bytes()

    def batches():
        yield ROWS
        raise RuntimeError("killed half-way")

    with pytest.raises(RuntimeError):
        tables.write_table(tmp_path, "segments", tables.SEGMENTS, batches())
    assert (tmp_path / "segments.parquet").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["segments.csv", "segments.parquet"]


def test_a_value_of_the_wrong_type_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="column 'segment_id'"):
        tables.rows_to_arrow([{"segment_id": "three"}], tables.SEGMENTS)


def test_atomic_write_text_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "manifest.json"
    tables.atomic_write_text(target, "{}")
    tables.atomic_write_text(target, '{"a": 1}')
    assert target.read_text() == '{"a": 1}'
    assert [p.name for p in target.parent.iterdir()] == ["manifest.json"]


def test_read_table_says_what_to_run_when_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="translator batch"):
        tables.read_table(tmp_path, "segments")


def test_run_state_redoes_a_file_only_when_bytes_or_settings_change(tmp_path: Path) -> None:
    state = RunState(tmp_path)
    payload = {"document": {"doc_id": "a.txt"}, "segments": [], "citations": []}
    state.save("a.txt", "h1", "s1", [payload])
    assert state.is_done("a.txt", "h1", "s1")
    assert not state.is_done("a.txt", "h2", "s1")
    assert not state.is_done("a.txt", "h1", "s2")
    state.save_error("b.txt", "h3", "read", "InputError", "b.txt: empty file")
    assert state.file_errored("b.txt", "h3") and not state.file_errored("b.txt", "h4")
    assert state.forget_missing({"a.txt"}) == 1
    assert state.errors() == []
    state.close()
    reopened = RunState(tmp_path)
    assert [p["document"]["doc_id"] for batch in reopened.payloads() for p in batch] == ["a.txt"]
    reopened.close()


def test_schema_types_are_arrow_types() -> None:
    assert tables.DOCUMENTS.field("n_segments").type == pa.int32()
    assert set(tables.DESCRIPTIONS) == {"documents", "segments", "citations", "errors", "glossary_candidates"}


@pytest.mark.parametrize("source", ["parquet", "csv"])
def test_read_table_gives_the_declared_dtypes_whatever_the_nulls(tmp_path: Path, source: str) -> None:
    # from_memory is null in the second row and terms_placed in both: pandas alone reads them as object and
    # float64; read_table gives one dtype per declared type, the same from Parquet and from CSV.
    tables.write_table(tmp_path, "segments", tables.SEGMENTS, [ROWS])
    if source == "csv":
        (tmp_path / "segments.parquet").unlink()
    frame = tables.read_table(tmp_path, "segments")
    assert str(frame["segment_id"].dtype) == "Int32" and frame["segment_id"].tolist() == [0, 1]
    assert str(frame["terms_placed"].dtype) == "Int32" and frame["terms_placed"].isna().all()
    assert str(frame["from_memory"].dtype) == "boolean"
    assert bool(frame.loc[0, "from_memory"]) is False  # bool(pd.NA) would raise
    assert pd.isna(frame.loc[1, "from_memory"])
    # a float32 score reads back as the number written, not its float32 neighbour
    assert frame["lang_confidence"].tolist() == [0.99, 0.9]
    assert frame.loc[0, "text"] == "مدينة تندوف"

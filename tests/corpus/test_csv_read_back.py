"""The CSV tables read back as written (new-user finding 17): the protective apostrophe a formula-like cell gets
is removed again by ``read_table``, and float32 scores are written as the shortest decimal that is the stored
float32, so even plain ``pandas.read_csv`` reads ``0.9791`` and not ``0.9790999889373779``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from translator.citations import parse_citations
from translator.citations.table import citations_frame, read_citations_csv
from translator.corpus import tables

HOSTILE = ["=HYPERLINK(\"http://x\",\"click\")", "-5% هو معدل النمو", "- بند أول", "+212 5", "@user", "'=already",
           "''-twice", "'plain apostrophe", "a = b", "\tindented", "عادي"]
SCORES = [0.9790999889373779, 0.1, 1.0, 0.0, 0.333333, 1e-07]


def _rows() -> list[dict]:
    return [{"doc_id": "a.txt", "segment_id": i, "line": i, "start": 0, "end": len(text), "text": text, "lang": "ar",
             "lang_confidence": SCORES[i % len(SCORES)], "script": "Arab"} for i, text in enumerate(HOSTILE)]


@pytest.mark.parametrize("source", ["csv", "parquet"])
def test_read_table_gives_every_text_back(tmp_path: Path, source: str) -> None:
    tables.write_table(tmp_path, "segments", tables.SEGMENTS, [_rows()])
    if source == "csv":
        (tmp_path / "segments.parquet").unlink()
    frame = tables.read_table(tmp_path, "segments")
    assert frame["text"].tolist() == HOSTILE
    streamed = pd.concat(list(tables.iter_table(tmp_path, "segments", batch_rows=3)))
    assert streamed["text"].tolist() == HOSTILE


def test_the_csv_itself_is_neutralized_and_its_floats_read_as_written(tmp_path: Path) -> None:
    tables.write_table(tmp_path, "segments", tables.SEGMENTS, [_rows()])
    plain = pd.read_csv(tmp_path / "segments.csv", encoding="utf-8-sig", keep_default_na=False)
    texts = plain["text"].tolist()
    for written, original in zip(texts, HOSTILE, strict=True):  # no cell a spreadsheet would run
        assert not written.startswith(("=", "+", "-", "@", "\t"))
        assert tables.spreadsheet_unsafe(written) == original
    expected = [float(str(np.float32(s))) for s in SCORES[:len(HOSTILE)]] * 2
    assert plain["lang_confidence"].tolist() == expected[:len(HOSTILE)]
    assert plain["lang_confidence"].tolist()[0] == 0.9791


def test_a_citations_csv_reads_back_its_texts(tmp_path: Path) -> None:
    text = '=HYPERLINK("http://evil") قالت صحيفة الشروق إن الرئيس استقبل الوزير.'
    frame = citations_frame(parse_citations(text), doc_id="a.txt")
    assert len(frame) and frame["raw"].iloc[0].startswith("=")
    schema = tables.citations_schema()
    rows = [{k: (None if pd.isna(v) else v) for k, v in r.items() if k in schema.names}
            for r in frame.astype(object).to_dict("records")]
    tables.write_table(tmp_path, "citations", schema, [rows])
    assert read_citations_csv(tmp_path / "citations.csv")["raw"].iloc[0] == frame["raw"].iloc[0]

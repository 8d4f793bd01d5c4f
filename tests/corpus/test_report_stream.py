"""The report reads its tables a batch at a time (issue 20): the page is the same whatever the batch size, and
long tables are cut with a "showing N of M" line."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from translator.corpus import report, tables

LANGS = ["ar", "en", "fr", "ar", "en", "ar"]  # ar 3, en 2, fr 1 per document: ties across documents too


def write_run(out: Path, n_docs: int = 12) -> None:
    """A run's tables with several documents, segments of several languages, QA flags, outlets the registry
    does not know (with ties in their counts), a missing model and errors."""
    docs, segs, cites, errors = [], [], [], []
    for d in range(n_docs):
        doc_id = f"doc-{d:02d}.txt"
        docs.append({"doc_id": doc_id, "path": doc_id, "format": "text", "title": f"عنوان {d}", "lang": "ar",
                     "n_segments": len(LANGS), "n_arabic_segments": 3, "n_citations": 2})
        for k, lang in enumerate(LANGS):
            flags = [{"kind": "number", "detail": f"{d}"}] if (d + k) % 4 == 0 else []
            segs.append({"doc_id": doc_id, "segment_id": k, "text": f"نص {d} {k}" if lang == "ar" else f"text {k}",
                         "lang": lang, "lang_confidence": 0.9, "translation": f"text {d}" if k == 0 else None,
                         "translation_status": "no_model" if k == 3 else ("translated" if k == 0 else "not_arabic"),
                         "translation_note": "no model here" if (k == 3 and d == 5) else None,
                         "qa_flags": json.dumps(flags) if lang == "ar" else None,
                         "glossary_terms": "تندوف=Tindouf" if k == 0 else None, "terms_found": 1 if k == 0 else 0,
                         "terms_placed": 1 if (k == 0 and d % 2) else None, "terms_exact": 0})
        cites.append({"doc_id": doc_id, "title_original": f"خبر {d}", "title_english": f"News {d}",
                      "outlet": f"Unknown {d % 3}", "outlet_canonical": None, "date": "2022-05-26", "kind": "news",
                      "qa_flags": json.dumps([{"kind": "length", "detail": "x"}] if d % 5 == 0 else [])})
        cites.append({"doc_id": doc_id, "title_original": "تقرير", "outlet": "RT Arabic",
                      "outlet_canonical": "RT Arabic", "kind": "news"})
        if d % 4 == 0:
            errors.append({"path": f"bad-{d // 8}.bin", "stage": "read", "error": "InputError", "message": "binary"})
    tables.write_table(out, "documents", tables.DOCUMENTS, [docs])
    tables.write_table(out, "segments", tables.SEGMENTS, [segs])
    cites = [{"raw": c["title_original"], "confidence": 0.9, "start": 0, "end": 1, **c} for c in cites]
    tables.write_table(out, "citations", tables.citations_schema(), [cites])
    tables.write_table(out, "errors", tables.ERRORS, [errors])


def page(out: Path) -> str:
    return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "", report.render_report(out, memory_path=None))


def test_the_page_does_not_depend_on_the_batch_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_run(tmp_path)
    monkeypatch.setattr(report, "MAX_DOCUMENTS", 5)  # documents beyond the first five: counted, not shown
    monkeypatch.setattr(report, "MAX_SEGMENTS_PER_DOCUMENT", 4)
    monkeypatch.setattr(report, "MAX_QA_ROWS", 3)
    whole = page(tmp_path)
    for rows in (1, 5, 7):
        monkeypatch.setattr(report, "BATCH_ROWS", rows)
        assert page(tmp_path) == whole, rows
    # and the page says what the tables hold
    assert "… 7 more documents in the tables." in whole
    assert whole.count('<h3 id="doc-') == 5
    assert "… 2 more segments in segments.parquet" in whole
    assert "<tr><th>segments by language</th><td>ar 36, en 24, fr 12</td></tr>" in whole
    assert "12 Arabic segments were not translated. no model here" in whole  # the first note there is
    assert re.search(r"<tr><th>files with errors</th><td>2</td></tr>", whole)


def test_unknown_outlets_and_qa_match_the_whole_table_computation(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    write_run(tmp_path)
    citations = tables.read_table(tmp_path, "citations")
    segments = tables.read_table(tmp_path, "segments")
    unknown = citations[citations["outlet"].notna() & citations["outlet_canonical"].isna()
                        & (citations["kind"] != "image_credit")]
    expected = (unknown.groupby("outlet").agg(citations=("outlet", "size"), documents=("doc_id", "nunique"))
                .sort_values("citations", ascending=False).reset_index().to_dict("records"))
    assert report.unknown_outlets(citations) == expected
    assert [row["outlet"] for row in expected] == ["Unknown 0", "Unknown 1", "Unknown 2"]
    monkeypatch.setattr(report, "BATCH_ROWS", 4)
    summary = report._Summary(tmp_path)
    assert summary.outlets.result() == expected
    assert summary.qa.result() == report.qa_section(segments, citations)
    assert summary.qa.result()["flagged"] == 9 + 3  # segments (d + k) % 4 == 0, citations d % 5 == 0


def test_long_tables_show_their_first_rows_and_say_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_run(tmp_path)
    full = page(tmp_path)
    assert "citations-shown" not in full and "errors-shown" not in full
    monkeypatch.setattr(report, "MAX_CITATIONS", 5)
    monkeypatch.setattr(report, "MAX_ERRORS", 2)
    monkeypatch.setattr(report, "BATCH_ROWS", 3)
    cut = page(tmp_path)
    assert "Showing 5 of 24 citations; all of them are in the citations table." in cut
    assert "Showing 2 of 3 errors; all of them are in the errors table." in cut
    citations_table = cut.split('<table id="citations">')[1].split("</table>")[0]
    assert citations_table.count("<tr>") == 1 + 5
    assert "<tr><th>citations</th><td>24</td></tr>" in cut  # the summary still counts all of them


@pytest.mark.parametrize("kind", ["parquet", "partitioned", "csv"])
def test_iter_table_gives_the_table_in_order(tmp_path: Path, kind: str) -> None:
    write_run(tmp_path / "run")
    whole = tables.read_table(tmp_path / "run", "segments")
    out = tmp_path / "out"
    out.mkdir()
    if kind == "parquet":
        shutil.copy(tmp_path / "run" / "segments.parquet", out)
    elif kind == "partitioned":
        (out / "segments").mkdir()  # as a Ray run writes it: several Parquet files in a folder
        for number, part in enumerate((whole.iloc[:30], whole.iloc[30:])):
            pq.write_table(pa.Table.from_pandas(part, preserve_index=False), out / "segments" / f"{number}.parquet")
    else:
        shutil.copy(tmp_path / "run" / "segments.csv", out)
        whole = tables.read_table(out, "segments")
    frames = list(tables.iter_table(out, "segments", batch_rows=10))
    assert all(len(f) <= 10 for f in frames) and len(frames) >= 8
    joined = pd.concat(frames, ignore_index=True)
    assert joined["doc_id"].tolist() == whole["doc_id"].tolist()
    assert joined["segment_id"].tolist() == whole["segment_id"].tolist()
    assert joined["text"].tolist() == whole["text"].tolist()

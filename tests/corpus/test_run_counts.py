"""A batch's summary counts add up and its exports leave no table out (new-user findings 14 and 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.corpus.rows import DESCRIPTIONS
from translator.corpus.run import run_batch


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("قال الرئيس تبون إن العلاقات مع روسيا قوية.\n", encoding="utf-8")
    (folder / "b.md").write_text("# Algeria\n\nAlgeria and Russia held talks.\n", encoding="utf-8")
    (folder / "bad.pdf").write_bytes(b"%PDF-1.4 not read")  # unsupported type: an errors row
    (folder / "empty.txt").write_bytes(b"   \n")  # no text: an errors row
    (folder / "fake.docx").write_bytes(b"PK\x03\x04 not a zip")  # unreadable docx: an errors row
    return folder


def _adds_up(summary) -> None:  # type: ignore[no-untyped-def]
    assert summary.processed_files + summary.unchanged_files + summary.failed_files == summary.files


def test_counts_add_up_on_the_first_run_and_on_reruns(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch(corpus, out, translate=False, progress=False, report=False)
    assert (first.files, first.processed_files, first.unchanged_files, first.failed_files) == (5, 2, 0, 3)
    _adds_up(first)
    again = run_batch(corpus, out, translate=False, progress=False, report=False)
    assert (again.processed_files, again.unchanged_files, again.failed_files) == (0, 2, 3)  # failed ones once
    _adds_up(again)
    (corpus / "a.txt").write_text("قال الرئيس تبون إن العلاقات مع الصين قوية.\n", encoding="utf-8")
    changed = run_batch(corpus, out, translate=False, progress=False, report=False)
    assert (changed.processed_files, changed.unchanged_files, changed.failed_files) == (1, 1, 3)
    _adds_up(changed)


def test_excel_has_one_sheet_per_table(corpus: Path, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "out"
    summary = run_batch(corpus, out, translate=False, progress=False, report=False, excel=True)
    names = openpyxl.load_workbook(summary.tables["excel"], read_only=True).sheetnames
    assert names == list(DESCRIPTIONS)
    assert "glossary_candidates" in names
    written = {p.stem for p in out.glob("*.parquet")}
    assert set(names) == written  # every table the run wrote, no more

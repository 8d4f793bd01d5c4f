"""Hostile inputs, session 11 (issue 13): a .docx with zip-slip member names, text files with CR-only and CRLF
line ends, and a file that changes between being hashed and being read. Each gives its document, a recorded
warning or an errors row, never a crash, and nothing is written outside the output folder."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from benchmarks.hostile_corpus import docx_bytes
from translator.corpus import long_text
from translator.corpus.run import run_batch
from translator.corpus.tables import read_table

GOOD = "الجزائر تعلق معاهدة الصداقة مع إسبانيا"
LINES = ["عنوان الخبر", GOOD + ".", "وقال الوزير إن القرار نهائي."]


def _zip_slip_docx() -> bytes:
    """A Word file (python-docx's template, one paragraph) with two more members named like paths outside
    the folder an archive would be unpacked into."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("../../slipped.txt", b"escaped")
        target.writestr("/tmp/absolute-slipped.txt", b"escaped")
    return out.getvalue()


def test_a_zip_slip_docx_is_read_with_a_warning_and_unpacks_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "deep" / "er" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "slip.docx").write_bytes(_zip_slip_docx())
    out = tmp_path / "out"

    summary = run_batch(corpus, out, translate=False, progress=False)

    assert summary.processed_files == 1 and summary.failed_files == 0
    document = read_table(out, "documents").set_index("doc_id").loc["slip.docx"]
    assert "outside the archive" in document["warnings"]
    assert "../../slipped.txt" in document["warnings"] and "/tmp/absolute-slipped.txt" in document["warnings"]
    assert GOOD in read_table(out, "segments")["text"].tolist()  # the document itself is read
    assert not list(tmp_path.rglob("slipped.txt")) and not Path("/tmp/absolute-slipped.txt").exists()


@pytest.mark.parametrize("line_end", ["\r", "\r\n"], ids=["cr-only", "crlf"])
def test_cr_only_and_crlf_files_read_as_lf_files_do(tmp_path: Path, line_end: str) -> None:
    """Old Mac (CR-only) and Windows (CRLF) files give the lines, title and segments an LF file gives, and no
    errors row."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "lf.txt").write_bytes("\n".join(LINES).encode() + b"\n")
    (corpus / "other.txt").write_bytes(line_end.join(LINES).encode() + line_end.encode())
    out = tmp_path / "out"

    summary = run_batch(corpus, out, translate=False, progress=False)

    assert summary.failed_files == 0 and read_table(out, "errors").empty
    documents = read_table(out, "documents").set_index("doc_id")
    assert documents.loc["other.txt", "title"] == documents.loc["lf.txt", "title"] == LINES[0]
    segments = read_table(out, "segments")
    texts = {doc: group["text"].tolist() for doc, group in segments.groupby("doc_id")}
    assert texts["other.txt"] == texts["lf.txt"] == LINES
    assert not any("\r" in text for text in segments["text"])


def test_a_file_changed_between_hashing_and_reading_is_an_errors_row(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A file over ``LONG_FILE_BYTES`` is hashed first and read part by part after: when its bytes change in
    between, the run records an errors row saying so (and what to do), keeps no part of it, and the next run,
    on the settled file, reads it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    long_file = corpus / "long.txt"
    paragraph = " ".join(LINES) + "\n"
    long_file.write_text(paragraph * (long_text.LONG_FILE_BYTES // len(paragraph.encode()) + 50), encoding="utf-8")
    (corpus / "good.txt").write_text(GOOD + "\n", encoding="utf-8")
    hash_first = long_text.file_sha256

    def hash_then_change(source, max_file_mb=None):  # type: ignore[no-untyped-def]
        digest = hash_first(source, max_file_mb)
        with open(source.path, "a", encoding="utf-8") as handle:
            handle.write("وأضاف الوزير جملة بعد حساب البصمة.\n")
        return digest

    monkeypatch.setattr(long_text, "file_sha256", hash_then_change)
    out = tmp_path / "out"
    first = run_batch(corpus, out, translate=False, progress=False)

    errors = read_table(out, "errors").set_index("path")
    assert "changed while it was read" in errors.loc["long.txt", "message"]
    assert "run again" in errors.loc["long.txt", "message"]
    assert first.failed_files == 1
    assert set(read_table(out, "documents")["doc_id"]) == {"good.txt"}  # no part of the changed file kept

    monkeypatch.setattr(long_text, "file_sha256", hash_first)
    run_batch(corpus, out, translate=False, progress=False)
    assert "long.txt" in set(read_table(out, "documents")["doc_id"])
    assert "long.txt" not in set(read_table(out, "errors")["path"])

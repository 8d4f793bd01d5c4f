"""Hostile inputs, session 12 (issue 13): byte-order marks of every Unicode form, file names no one would choose,
attributes of many megabytes, Markdown and HTML nested thousands deep, and archives. Each file gives its
document or one errors row, the run goes on, and the good file beside it is always read."""

from __future__ import annotations

import gzip
import io
import json
import time
import zipfile
from pathlib import Path

import pytest

from translator.corpus.readers import SourceFile, read_documents
from translator.corpus.run import run_batch
from translator.corpus.tables import read_table

GOOD = "الجزائر تعلق معاهدة الصداقة مع إسبانيا"
TEXT = GOOD + ".\nوقال الوزير إن القرار نهائي.\n"


def _run(tmp_path: Path, files: dict[str, bytes], **options: object) -> tuple[object, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    (corpus / "good.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    return run_batch(corpus, out, translate=False, progress=False, **options), out


def _good_documents(out: Path) -> set[str]:
    """The documents whose segments hold the good sentence."""
    segments = read_table(out, "segments")
    return set(segments[segments["text"].str.contains(GOOD, regex=False)]["doc_id"])


def test_every_byte_order_mark_is_read(tmp_path: Path) -> None:
    """UTF-16 and UTF-32 in both byte orders with their marks, UTF-16 without one, UTF-8 with a mark (and a
    second mark where two files were joined), in text, Markdown, HTML and JSON: each is read, none is an
    errors row, and no mark reaches a segment."""
    u8 = TEXT.encode()
    files = {
        "u16le.txt": b"\xff\xfe" + TEXT.encode("utf-16-le"), "u16be.txt": b"\xfe\xff" + TEXT.encode("utf-16-be"),
        "u32le.txt": b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"),
        "u32be.txt": b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"),
        "u16le-no-mark.txt": TEXT.encode("utf-16-le"), "u8.txt": b"\xef\xbb\xbf" + u8,
        "u8-joined.txt": b"\xef\xbb\xbf" + u8 + b"\xef\xbb\xbf" + u8, "u8.md": b"\xef\xbb\xbf# " + u8,
        "u8.html": b"\xef\xbb\xbf<p>" + u8 + b"</p>",
        "u16.json": json.dumps({"id": 1, "text": GOOD}, ensure_ascii=False).encode("utf-16"),
    }
    summary, out = _run(tmp_path, files)
    assert summary.failed_files == 0 and read_table(out, "errors").empty  # type: ignore[attr-defined]
    assert _good_documents(out) == {*files, "good.txt"} - {"u16.json"} | {"u16.json#1"}
    assert not any("\ufeff" in text for text in read_table(out, "segments")["text"])


ODD_NAMES = ["new\nline.txt", "tab\tname.txt", "-dash.txt", "x" * 240 + ".txt", "rtl\u202etxt.exe.txt",
             "caf\u00e9.txt", "cafe\u0301.txt", " space .txt", "quote\"'.txt", "semi;colon,comma.txt",
             "=cmd|' -C calc'!A0.txt", "#hash.txt", "عربي.txt"]


def test_odd_file_names_each_give_one_document_and_no_cell_is_a_formula(tmp_path: Path) -> None:
    """A line break, a tab, a leading dash, 244 characters, a right-to-left override, the same name composed
    and decomposed (two files, two documents), quotes, CSV separators, a spreadsheet formula and a ``#``:
    each file is one document of its own, and the CSV table writes the formula-like name as text."""
    files = {name: f"{GOOD} ({i}).\n".encode() for i, name in enumerate(ODD_NAMES)}
    summary, out = _run(tmp_path, files, excel=True)
    assert summary.failed_files == 0 and read_table(out, "errors").empty  # type: ignore[attr-defined]
    documents = read_table(out, "documents")
    assert len(documents) == len(ODD_NAMES) + 1 and documents["doc_id"].is_unique
    assert len(_good_documents(out)) == len(ODD_NAMES) + 1
    csv_text = (out / "documents.csv").read_text(encoding="utf-8-sig")
    assert "'=cmd|" in csv_text and "\n=cmd" not in csv_text and ",=cmd" not in csv_text


def test_attributes_of_many_megabytes_are_read_past(tmp_path: Path) -> None:
    """An attribute of 20 MB, a tag with 100,000 attributes, a 20 MB meta description: the paragraph is read,
    the attribute values are not text."""
    big = "A" * (20 * 2**20)
    files = {
        "attribute.html": f'<html><body><p data-x="{big}">{GOOD}.</p></body></html>'.encode(),
        "attributes.html": ("<p " + " ".join(f'a{i}="v"' for i in range(100_000)) + f">{GOOD}.</p>").encode(),
        "meta.html": f'<html><head><meta name="description" content="{big}"></head><body><p>{GOOD}.</p></body>'
                     "</html>".encode(),
    }
    summary, out = _run(tmp_path, files)
    assert summary.failed_files == 0  # type: ignore[attr-defined]
    assert _good_documents(out) == {*files, "good.txt"}
    assert not any("AAAAAAAAAA" in text for text in read_table(out, "segments")["text"])


NESTED = {  # name → the file for a nesting of n
    "quotes.md": lambda n: "> " * n + GOOD + ".\n",
    "list.md": lambda n: "".join("  " * (i % 50) + "- عنصر\n" for i in range(n)) + GOOD + ".\n",
    "brackets.md": lambda n: "[" * n + GOOD + "]" * n + "\n",
    "emphasis.md": lambda n: "*" * n + GOOD + "*" * n + "\n",
    "table.md": lambda n: "|" + "|".join(["ع"] * n) + "|\n|" + "|".join(["---"] * n) + "|\n\n" + GOOD + ".\n",
    "divs.html": lambda n: "<div>" * n + GOOD + "</div>" * n,
    "lists.html": lambda n: "<ul><li>" * n + GOOD + "</li></ul>" * n,
    "tables.html": lambda n: "<table><tr><td>" * n + GOOD + "</td></tr></table>" * n,
}


@pytest.mark.parametrize("name", list(NESTED))
def test_markdown_and_html_nested_thousands_deep_cost_time_in_proportion(tmp_path: Path, name: str) -> None:
    """Lists, quotes, brackets, emphasis, a table of 20,000 columns, and HTML divs, lists and tables nested
    20,000 deep: the text is read, and ten times the nesting costs about ten times the processor time (a
    reader quadratic in depth gives about 100; no absolute time is asserted)."""
    seconds = []
    for n in (2_000, 20_000):
        path = tmp_path / f"{n}-{name}"
        path.write_text(NESTED[name](n), encoding="utf-8")
        started = time.process_time()
        documents = read_documents(SourceFile(path, path.name))
        seconds.append(max(time.process_time() - started, 0.005))
        assert GOOD in "\n".join(d.text for d in documents)
    assert seconds[1] / seconds[0] < 30, seconds


def test_archives_and_compressed_files_are_errors_rows_and_the_run_goes_on(tmp_path: Path) -> None:
    """A .zip, a .gz and a .tar are unsupported; gzip bytes named .txt are a binary file; a zip that is no Word
    file named .docx is not a readable .docx. Each is one errors row naming the file; the good file is read."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("inner.txt", TEXT)
    files = {"a.zip": archive.getvalue(), "a.txt.gz": gzip.compress(TEXT.encode()), "a.tar": b"\0" * 1024,
             "gzip.txt": gzip.compress(TEXT.encode()), "zip.docx": archive.getvalue()}
    summary, out = _run(tmp_path, files)
    errors = read_table(out, "errors").set_index("path")["message"]
    assert set(errors.index) == set(files) and summary.failed_files == len(files)  # type: ignore[attr-defined]
    assert all("unsupported" in errors[name] for name in ("a.zip", "a.txt.gz", "a.tar"))
    assert "binary" in errors["gzip.txt"] and "docx" in errors["zip.docx"]
    assert _good_documents(out) == {"good.txt"}

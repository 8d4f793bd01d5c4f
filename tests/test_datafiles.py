"""The one reader of tab-separated data files: comments, blank lines, header, stripping, line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.datafiles import DATA_DIR, data_path, read_tsv, read_tsv_numbered
from translator.errors import TranslatorError

SAMPLE = (
    "# a comment line\n"
    "\n"
    "word\tmeaning\tnote\n"
    "# comment between rows\n"
    "  بيت  \t house \n"
    "   \n"
    "\"quoted\"\tkept as written\textra\tignored\n"
    "  # not a comment: the hash is not at the start\tx\n"
)


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.tsv"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_comments_blank_lines_and_header(sample: Path) -> None:
    rows = read_tsv(sample)
    assert rows == [
        {"word": "  بيت  ", "meaning": " house "},
        {"word": '"quoted"', "meaning": "kept as written", "note": "extra"},
        {"word": "  # not a comment: the hash is not at the start", "meaning": "x"},
    ]


def test_strip_strips_every_cell(sample: Path) -> None:
    rows = read_tsv(sample, strip=True)
    assert rows[0] == {"word": "بيت", "meaning": "house"}
    assert rows[2]["word"] == "# not a comment: the hash is not at the start"


def test_numbered_rows_carry_the_file_line(sample: Path) -> None:
    assert [number for number, _ in read_tsv_numbered(sample)] == [5, 7, 8]
    assert read_tsv_numbered(sample, strip=True)[0] == (5, {"word": "بيت", "meaning": "house"})


def test_fieldnames_for_a_file_without_header(tmp_path: Path) -> None:
    path = tmp_path / "plain.tsv"
    path.write_text("# codepoint\treplacement\nU+0640\t\nU+200B\t \tspace\n", encoding="utf-8")
    rows = read_tsv_numbered(path, fieldnames=("codepoint", "replacement", "why"))
    assert rows == [(2, {"codepoint": "U+0640", "replacement": ""}),
                    (3, {"codepoint": "U+200B", "replacement": " ", "why": "space"})]


def test_windows_line_endings_leave_no_carriage_return(tmp_path: Path) -> None:
    path = tmp_path / "crlf.tsv"
    path.write_bytes(b"a\tb\r\n1\t2\r\n")
    assert read_tsv(path) == [{"a": "1", "b": "2"}]


def test_only_comments_gives_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "empty.tsv"
    path.write_text("# nothing yet\n\n", encoding="utf-8")
    assert read_tsv(path) == []


def test_bare_name_reads_the_package_data() -> None:
    assert data_path("months.tsv") == DATA_DIR / "months.tsv"
    assert data_path(Path("months.tsv")) == Path("months.tsv")
    months = read_tsv("months.tsv")
    assert {"name", "month", "calendar"} <= set(months[0])
    assert {row["month"] for row in months} >= {str(n) for n in range(1, 13)}


def test_missing_file_names_the_path_and_says_to_reinstall(tmp_path: Path) -> None:
    with pytest.raises(TranslatorError, match=r"no_such_file\.tsv.*Reinstall"):
        read_tsv("no_such_file.tsv")
    with pytest.raises(TranslatorError, match=r"gone\.tsv"):
        read_tsv(tmp_path / "gone.tsv")


def test_undecodable_file_is_a_translator_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.tsv"
    path.write_bytes("a\tb\n\xe9\tx\n".encode("latin-1"))
    with pytest.raises(TranslatorError, match="Cannot read"):
        read_tsv(path)

"""Every language data file against its declared schema (issue 12), in the manner of dateparser's
tests/test_data.py: all of ``translator/data/*.tsv`` and ``glossary/*``, declared columns, allowed values,
no duplicate keys, no (word, role) pair in two files, and one DataFileError naming file and line for a bad row.
"""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from pathlib import Path

import pytest

from translator.datafiles import DATA_DIR, SCHEMAS, read_tsv, read_tsv_numbered
from translator.errors import DataFileError, InputError
from translator.glossary import check_glossary
from translator.glossary.load import read_tsv as read_glossary
from translator.glossary.outlets import COLUMNS as OUTLET_COLUMNS
from translator.glossary.outlets import OutletRegistry
from translator.text.arabic import fold

GLOSSARY_DIR = Path(__file__).resolve().parent.parent / "glossary"
DATA_FILES = sorted(p.name for p in DATA_DIR.glob("*.tsv"))
GLOSSARY_FILES = sorted(GLOSSARY_DIR.glob("*.tsv"))


def test_every_data_file_has_a_schema_and_every_schema_a_file() -> None:
    assert sorted(SCHEMAS) == DATA_FILES


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_fits_its_schema(name: str) -> None:
    rows = read_tsv_numbered(name)  # validates: header, allowed values, keys
    assert rows, f"{name} has no rows"
    header = next(line for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith("#")).split("\t")
    assert header == [c.name for c in SCHEMAS[name].columns]


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_bad_row_raises_one_data_file_error_naming_file_and_line(name: str, tmp_path: Path) -> None:
    schema = SCHEMAS[name]
    checked = next((c for c in schema.columns if c.allowed is not None), None)
    first = read_tsv(name)[0]  # a value the file refuses, or else a second copy of its first row
    bad = dict(first, **{checked.name: "not-allowed!"}) if checked else first
    copy = tmp_path / name
    shutil.copy(DATA_DIR / name, copy)
    with copy.open("a", encoding="utf-8") as fh:
        fh.write("\t".join(bad.get(c.name) or "" for c in schema.columns) + "\n")
    line = len(copy.read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataFileError) as caught:
        read_tsv(copy)
    assert (caught.value.path, caught.value.line) == (str(copy), line)
    problem = f"{checked.name}='not-allowed!'" if checked else "is already on line"
    assert f"{name}, line {line}: " in str(caught.value) and problem in str(caught.value)
    assert isinstance(caught.value, InputError)


def test_duplicate_key_and_wrong_header_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "weekdays.tsv"
    path.write_text("# comment\nname\tweekday\tlang\nالأحد\t6\tar\nالأحد\t6\tar\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"weekdays\.tsv, line 4: name \('الأحد',\) is already on line 3"):
        read_tsv(path)
    path.write_text("day\tweekday\tlang\nالأحد\t6\tar\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"weekdays\.tsv: the header must be name\tweekday\tlang"):
        read_tsv(path)


def _word_roles() -> Counter[tuple[str, str]]:
    """(folded word, role) → how many files list it (each file counted once)."""
    found: Counter[tuple[str, str]] = Counter()
    for name in DATA_FILES:
        schema = SCHEMAS[name]
        pairs = {(fold(word).strip(), role) for row in read_tsv(name) for word, role in schema.word_roles(row)}
        found.update(pairs)
    for path in GLOSSARY_FILES:
        entries, _ = read_glossary(path)
        found.update({(fold(s), e.type) for e in entries for s in (e.source, *e.variants)})
    return found


def test_no_word_and_role_is_listed_in_two_files() -> None:
    twice = sorted(pair for pair, files in _word_roles().items() if files > 1)
    assert twice == []


@pytest.mark.parametrize("path", GLOSSARY_FILES, ids=lambda p: p.name)
def test_glossary_file_has_the_declared_columns_and_no_errors(path: Path) -> None:
    entries, problems = read_glossary(path)
    assert entries and [str(p) for p in problems if p.severity == "error"] == []


def test_glossary_files_together_have_no_errors() -> None:
    assert [str(p) for p in check_glossary(GLOSSARY_FILES) if p.severity == "error"] == []


def test_outlet_registry_file_has_its_columns_and_unique_names() -> None:
    path = GLOSSARY_DIR / "outlets.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == OUTLET_COLUMNS
        names = Counter(row["canonical"] for row in reader)
    assert [n for n, count in names.items() if count > 1] == []
    assert len(OutletRegistry.load([path])) == len(names)

"""Small things a new user read wrong (fourth trial, finding 19): the XLIFF glossary note listed a term once
per occurrence (``الموصل=Mosul; الموصل=Mosul``), and ``review export`` said "wrote 1 units"."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from translator.cli import main
from translator.corpus import tables
from translator.review import export_review

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
TEXT = "قال إن معركة الموصل مع داعش مستمرة وإن الموصل ستتحرر"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    row = {"doc_id": "a.txt", "segment_id": 0, "line": 0, "start": 0, "end": len(TEXT), "text": TEXT, "lang": "ar",
           "translation": "He said the battle of Mosul with ISIS goes on", "translation_status": "translated",
           "model": "tiny", "glossary_terms": "الموصل=Mosul; داعش=ISIS; الموصل=Mosul",
           "term_layers": "glossary; glossary; glossary"}
    tables.write_table(tmp_path / "out", "segments", tables.SEGMENTS, [[row]])
    return tmp_path / "out"


@pytest.mark.parametrize("fmt", ["xliff", "xliff2"])
def test_the_glossary_note_names_each_term_once(out: Path, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"review.{fmt}"
    assert export_review(out, path, fmt=fmt) == 1
    notes = [n.text for n in etree.parse(str(path)).getroot().iter("{*}note") if "terms:" in (n.text or "")]
    assert notes == ["terms: الموصل=Mosul; داعش=ISIS"]


def test_one_unit_is_one_unit(out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "export", str(out), "--output", str(tmp_path / "r.xlf")]) == 0
    assert "wrote 1 unit to" in capsys.readouterr().err


def test_an_empty_tmx_export_says_why(out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    memory = tmp_path / "tm.sqlite"
    argv = ["review", "export", str(out), "--format", "tmx", "--output", str(tmp_path / "a.tmx"), "--memory",
            str(memory)]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "wrote 0 units" in err and "no approved (final) translation" in err
    from translator.mt.memory import TranslationMemory

    with TranslationMemory(memory) as tm:
        tm.put_human(TEXT, "He said the battle of Mosul with ISIS goes on and Mosul will be freed", state="final")
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "wrote 1 unit to" in err and "no approved" not in err

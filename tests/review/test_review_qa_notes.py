"""The ``qa`` note of an exchange file says what translation QA found in the unit's current target (new-user
finding 6): the batch's QA flags (numbers, dates, names, leftovers) with the guard and term flags for machine
text; for a human or approved target, the QA of the human text itself, never the machine text's flags.
The segments table is written with the pipeline's writer; its qa_flags are the real checks' output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from translator.corpus import tables
from translator.corpus.analyze import text_for_mt
from translator.mt.memory import TranslationMemory
from translator.qa import check, default_glossary
from translator.review import export_review

DEFENCE = ("الجزائر - أعلنت وزارة الدفاع الوطني الجزائرية، يوم الخميس 05 جوان 2025، أن وحدات من الجيش الوطني "
           "الشعبي نفذت مناورات عسكرية قرب تندوف بمشاركة 1500 جندي.")
MACHINE = "An exercise in the Med forces near the border."  # what the tiny model gave the new user, cleaned
HUMAN = ("ALGIERS - The Ministry of National Defence announced on Thursday, 5 June 2025, that units of the "
         "People's National Army carried out military exercises near Tindouf with 1,500 soldiers.")
WRONG_HUMAN = HUMAN.replace("1,500", "15,000")
OIL = "ارتفعت أسعار النفط اليوم"


def _flags(source: str, target: str) -> str:
    return json.dumps([f.to_dict() for f in check(text_for_mt(source), target, glossary=default_glossary())],
                      ensure_ascii=False)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    rows = [{"doc_id": "ar_utf8.txt", "segment_id": 0, "line": 0, "start": 0, "end": len(DEFENCE), "text": DEFENCE,
             "lang": "ar", "translation": MACHINE, "translation_status": "suspicious", "model": "tiny-ar-en",
             "translation_flags": "missing-term:Tindouf; missing-term:People's National Army",
             "qa_flags": _flags(DEFENCE, MACHINE)},
            {"doc_id": "ar_utf8.txt", "segment_id": 1, "line": 1, "start": 0, "end": len(OIL), "text": OIL,
             "lang": "ar", "translation": "Oil prices rose today", "translation_status": "translated",
             "model": "tiny-ar-en", "qa_flags": "[]"}]
    folder = tmp_path / "out"
    tables.write_table(folder, "segments", tables.SEGMENTS, [rows])
    return folder


def _qa_notes(path: Path) -> dict[str, str]:
    """unit id (as written) → the text of its qa note ("" when it has none), for XLIFF 1.2 and 2.0."""
    notes = {}
    for unit in etree.parse(str(path)).getroot().iter("{*}trans-unit", "{*}unit"):
        found = [n.text for n in unit.iter("{*}note") if "qa" in (n.get("from"), n.get("category"))]
        notes[unit.get("id")] = found[0] if found else ""
    return notes


@pytest.mark.parametrize("fmt", ["xliff", "xliff2"])
def test_machine_units_carry_the_translation_qa_flags(out: Path, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"review.{fmt}"
    export_review(out, path, fmt=fmt)
    defence, oil = _qa_notes(path).values()
    for flag in json.loads(_flags(DEFENCE, MACHINE)):
        assert f"{flag['kind']}: {flag['detail']}" in defence
    assert "number: 1,500" in defence and "date:" in defence and "name:" in defence
    assert "missing-term:Tindouf" in defence  # the guard and term flags of the machine text stay
    assert oil == ""


@pytest.mark.parametrize("fmt", ["xliff", "xliff2"])
def test_a_human_target_is_judged_on_its_own_text(out: Path, tmp_path: Path, fmt: str) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    memory.put_human(text_for_mt(DEFENCE), HUMAN, state="final", translator="Amal")
    path = tmp_path / f"review.{fmt}"
    export_review(out, path, fmt=fmt, memory=memory)
    assert next(iter(_qa_notes(path).values())) == ""  # the approved rendering holds every fact

    memory.put_human(text_for_mt(DEFENCE), WRONG_HUMAN, state="final", translator="Amal")
    export_review(out, path, fmt=fmt, memory=memory)
    note = next(iter(_qa_notes(path).values()))
    assert "number: 1,500 in the source became 15,000" in note
    assert "missing-term" not in note and "name:" not in note and "date:" not in note

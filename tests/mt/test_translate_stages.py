"""`translator translate` runs the batch's stages (new-user findings 7 and 8): the same language runs, the same
translation QA and the same statuses as `translator batch` for the same lines, with the tiny model
(tests/conftest.py). The English and French runs of a mixed line are kept as written; only Arabic runs go to
the model."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from translator.cli import main
from translator.corpus.run import TRANSLATION_STATUSES, run_batch
from translator.corpus.tables import read_table
from translator.qa import default_glossary
from translator.qa.names import _renders, english_names

pytestmark = pytest.mark.slow

HEADLINE = "According to al-Sharq al-Awsat, the Algerian army held night manoeuvres near Tindouf. The headline read "
TAIL = " and the story was picked up by RT Arabic."
LINES = [
    "-5% هو معدل النمو الاقتصادي المتوقع في الجزائر هذا العام.",  # finding 7: the batch marks it suspicious
    "وبالجزائر التقى تبون وزير الخارجية الروسي",  # finding 7: three terms the tiny model drops
    "الجزائر تعلق معاهدة الصداقة مع إسبانيا",  # a training pair: a clean translation
    "The minister visited Algiers.",
    HEADLINE + "“الجيش الجزائري ينفذ مناورات ليلية قرب الحدود مع المغرب”" + TAIL,  # finding 8
    "Ville de Tindouf مدينة تندوف.",  # finding 8
    "قالت وكالة Reuters إن المحادثات بين الجزائر وموسكو ستستأنف الأسبوع المقبل.",
]
_RANK = ["not_arabic", "human", "translated", "suspicious", "failed"]


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, tiny_model: Path) -> tuple[list[dict], list[dict]]:
    """The records of `translator translate --lines` and the segments of `translator batch` for LINES."""
    tmp_path = tmp_path_factory.mktemp("translate")
    source = tmp_path / "lines.txt"
    source.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(["translate", str(source), "--lines", "--model", str(tiny_model), "--no-memory", "--quiet"])
    assert code == 0
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "lines.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    assert run_batch(corpus, tmp_path / "out", model=str(tiny_model), progress=False, use_memory=False).ok
    return ([json.loads(line) for line in printed.getvalue().splitlines()],
            read_table(tmp_path / "out", "segments").to_dict("records"))


def test_translate_gives_the_batch_statuses_and_qa_for_each_line(both: tuple[list[dict], list[dict]]) -> None:
    records, segments = both
    starts = [sum(len(line) + 1 for line in LINES[:i]) for i in range(len(LINES))]
    assert [r["text"] for r in records] == LINES
    for i, record in enumerate(records):
        runs = [s for s in segments if s["line"] == i]
        statuses = [s["translation_status"] for s in runs]
        assert record["status"] == max(statuses, key=_RANK.index), (record["text"], statuses)
        assert record["status"] in TRANSLATION_STATUSES
        batch_flags = [{**f, "source_start": f["source_start"] + s["start"] - starts[i],
                        "source_end": f["source_end"] + s["start"] - starts[i]} if f["source_start"] is not None
                       else f for s in runs for f in _flags(s)]
        assert [{k: v for k, v in f.items() if not k.startswith("target")} for f in record["qa_flags"]] == [
            {k: v for k, v in f.items() if not k.startswith("target")} for f in batch_flags]
        for flag in record["qa_flags"]:  # offsets into the line as given, and into the record's translation
            if flag["source_start"] is not None:
                assert record["text"][flag["source_start"]:flag["source_end"]].strip()
            if flag["target_start"] is not None:
                assert record["translation"][flag["target_start"]:flag["target_end"]].strip()
        for run in runs:
            if isinstance(run["translation"], str):
                assert run["translation"] in record["translation"]
    # Which numbers and terms the tiny model renders in lines it never saw differs per CPU kind (each trains its
    # own model): what it left out is flagged, and it cannot render them all (finding 7: both lines suspicious on
    # the machine it was found on).
    for record in records[:2]:
        assert record["status"] == "suspicious" or not record["qa_flags"], record
    assert records[0]["qa_flags"] or records[1]["qa_flags"]
    if "5" not in records[0]["translation"]:
        assert any(f["kind"] == "number" and "-5" in f["detail"] for f in records[0]["qa_flags"]), records[0]
    names = [f["detail"] for f in records[1]["qa_flags"] if f["kind"] == "name"]
    for arabic, english in (("الجزائر", "Algeria"), ("تبون", "Tebboune")):
        if english not in records[1]["translation"]:
            assert any(repr(arabic) in d for d in names), (english, records[1])
    assert records[2]["status"] == "translated" and records[2]["qa_flags"] == []  # a training pair
    assert records[2]["translation"] == "Algeria suspends the friendship treaty with Spain"


def test_mixed_lines_keep_their_english_and_french(both: tuple[list[dict], list[dict]]) -> None:
    records = {r["text"]: r for r in both[0]}
    headline = records[LINES[4]]
    assert headline["translation"].startswith(HEADLINE) and headline["translation"].endswith(TAIL)
    assert "الجيش" not in headline["translation"]
    assert records[LINES[5]]["translation"] == "Ville de Tindouf The city of Tindouf."
    assert records[LINES[5]]["status"] == "translated"
    english = records["The minister visited Algiers."]
    assert (english["translation"], english["status"], english["segments"]) == (
        "The minister visited Algiers.", "not_arabic", 0)


def _flags(segment: dict) -> list[dict]:
    """A segment row's qa_flags (null for a segment that was not translated)."""
    return json.loads(segment["qa_flags"]) if isinstance(segment["qa_flags"], str) else []


F7_LINES = ["وزير الخارجية الجزائرى يصل مالى فى زيارة رسمية",  # NEWUSER6 F7: مالى rendered "Madrid"
            "استقبل وزير الخارجية الجزائري نظيره الروسي"]  # only the office term missing, nothing else flagged


def test_a_missing_glossary_term_makes_the_translation_suspicious(tiny_ct2_model: Path, tmp_path: Path) -> None:
    source = tmp_path / "f7.txt"
    source.write_text("\n".join(F7_LINES) + "\n", encoding="utf-8")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(["translate", str(source), "--lines", "--model", str(tiny_ct2_model), "--no-memory", "--quiet",
                     "--format", "jsonl"])
    assert code == 0
    records = [json.loads(line) for line in printed.getvalue().splitlines()]
    assert any(f.startswith("missing-term:") for r in records for f in r["term_flags"]), records  # not vacuous
    for record in records:  # the office term the tiny model dropped (in both lines, on the machine it was found on)
        missing = [f.removeprefix("missing-term:") for f in record["term_flags"] if f.startswith("missing-term:")]
        assert record["status"] == "suspicious" or not missing, record
        details = [f["detail"] for f in record["qa_flags"] if f["kind"] == "name"]
        for term in missing:  # each missing term named by a flag (QA's own, or the repair's)
            assert any(repr(term) in d for d in details), (term, details)
    mali = records[0]
    # The tiny model is trained on a fixed seed, but float kernels differ between CPUs (a fresh Xeon wrote no name
    # at all here, where others wrote "Madrid"): the flag is asserted where the model wrote another name in Mali's
    # stead. tests/data/qa_cases.tsv checks the same flag on fixed text, on every machine.
    # Another CPU kind's model wrote "The Algerian explosion near the government headquar…": no place in Mali's
    # stead ("Algerian" renders the office term), and مالى may be "financial", so no flag is due there.
    glossary = default_glossary()
    in_source = [m.entry for m in glossary.match(F7_LINES[0]) if m.entry is not None]
    places = [mali["translation"][a:b] for a, b, entry in english_names(mali["translation"], glossary)
              if entry.type == "place" and not _renders(entry, in_source)]
    if "Mali" not in mali["translation"] and places:  # a place in its stead is the wrong place
        details = [f["detail"] for f in mali["qa_flags"]]
        assert any("'مالى' (place) should be rendered 'Mali'" in d or any(repr(n) in d for n in places)
                   for d in details), details

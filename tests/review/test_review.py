"""Review exchange (issue 18): XLIFF 1.2 and TMX 1.4b out to CAT tools and back into the translation memory.

The fixtures in tests/data/review/ are written by hand after what OmegaT and Trados Studio write (see the
comment at the top of each). The segments table they refer to is written here with the pipeline's own writer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from translator.cli import main
from translator.corpus import tables
from translator.errors import ReviewFileError
from translator.mt.memory import TranslationMemory
from translator.review import export_review, import_review, review_segments
from translator.review.tmx import read_tmx

DATA = Path(__file__).resolve().parent.parent / "data" / "review"
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
SEGMENTS = [
    ("article-1.txt", 0, "وصل الرئيس الجزائري إلى وهران", "The Algerian president arrived in Oran"),
    ("article-1.txt", 1, "«أعلنت وزارة الخارجية عن زيارة رسمية»", "The foreign ministry announced an official visit"),
    ("article-2.txt", 0, "ارتفعت أسعار النفط اليوم", "Oil prices rose today"),
]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A batch output folder with three Arabic segments (machine-translated) and one English one."""
    rows = [{"doc_id": d, "segment_id": s, "line": s, "start": 0, "end": len(t), "text": t, "lang": "ar",
             "translation": mt, "translation_status": "translated", "model": "tiny-ar-en",
             "glossary_terms": "وهران=Oran" if "وهران" in t else None} for d, s, t, mt in SEGMENTS]
    rows.append({"doc_id": "article-2.txt", "segment_id": 1, "line": 1, "start": 0, "end": 5, "text": "Hello",
                 "lang": "en", "translation_status": "not_arabic"})
    folder = tmp_path / "out"
    tables.write_table(folder, "segments", tables.SEGMENTS, [rows])
    return folder


@pytest.fixture
def memory(tmp_path: Path) -> TranslationMemory:
    return TranslationMemory(tmp_path / "tm.sqlite")


def _units(path: Path) -> dict[str, etree._Element]:
    root = etree.parse(str(path)).getroot()
    return {u.get("id"): u for u in root.iterfind(".//x:trans-unit", NS)}


# ---------------------------------------------------------------------------------------------------- export
def test_xliff_export_has_one_file_per_document_ids_states_notes_and_fuzzy_matches(
        out: Path, memory: TranslationMemory, tmp_path: Path) -> None:
    memory.put_human("ارتفعت أسعار النفط", "Oil prices rose", state="final")  # similar to article-2 #0
    memory.put_human("أعلنت وزارة الخارجية عن زيارة رسمية", "The Foreign Ministry announced an official visit",
                     state="final", translator="Amal")
    path = tmp_path / "review.xlf"
    assert export_review(out, path, memory=memory) == 3
    root = etree.parse(str(path)).getroot()
    assert root.get("version") == "1.2"
    files = root.findall("x:file", NS)
    assert [(f.get("original"), f.get("source-language"), f.get("target-language")) for f in files] == [
        ("article-1.txt", "ar", "en"), ("article-2.txt", "ar", "en")]
    units = _units(path)
    assert list(units) == ["article-1.txt#0", "article-1.txt#1", "article-2.txt#0"]
    machine = units["article-1.txt#0"]
    target = machine.find("x:target", NS)
    assert target.text == "The Algerian president arrived in Oran"
    assert (target.get("state"), target.get("state-qualifier")) == ("needs-translation", "mt-suggestion")
    notes = {n.get("from"): n.text for n in machine.iterfind("x:note", NS)}
    assert notes["glossary"] == "terms: وهران=Oran" and "tiny-ar-en" in notes["mt"]
    assert notes["document"] == "document article-1.txt, segment 0"
    approved = units["article-1.txt#1"]
    assert approved.find("x:source", NS).text == "أعلنت وزارة الخارجية عن زيارة رسمية"  # quotes are not sent
    assert approved.get("approved") == "yes" and approved.find("x:target", NS).get("state") == "final"
    assert approved.find("x:target", NS).text == "The Foreign Ministry announced an official visit"
    assert approved.find("x:alt-trans[@origin='mt']/x:target", NS).text == SEGMENTS[1][3]
    fuzzy = units["article-2.txt#0"].find("x:alt-trans[@origin='translation-memory']", NS)
    assert fuzzy.find("x:target", NS).text == "Oil prices rose"
    assert fuzzy.find("x:source", NS).text == "ارتفعت أسعار النفط" and 75 <= int(fuzzy.get("match-quality")) < 100


def test_tmx_export_holds_only_approved_translations_and_reads_back_with_provenance(
        out: Path, memory: TranslationMemory, tmp_path: Path) -> None:
    memory.put_human(SEGMENTS[0][2], "Algeria's president reached Oran", state="final", translator="Karim")
    memory.put_human(SEGMENTS[2][2], "Oil went up today", state="translated")
    path = tmp_path / "approved.tmx"
    assert export_review(out, path, fmt="tmx", memory=memory) == 1
    root = etree.parse(str(path)).getroot()
    assert root.get("version") == "1.4" and root.find("header").get("srclang") == "ar"
    [tu] = root.iterfind(".//tu")
    assert tu.get("tuid") == "article-1.txt#0"
    [entry] = read_tmx(path)
    assert (entry.source, entry.target, entry.state, entry.translator, entry.doc_id, entry.segment_id) == (
        SEGMENTS[0][2], "Algeria's president reached Oran", "final", "Karim", "article-1.txt", 0)
    assert entry.created  # the date survives (TMX keeps seconds)


# ---------------------------------------------------------------------------------------------------- import
def test_omegat_xliff_edited_targets_become_translated(out: Path, memory: TranslationMemory) -> None:
    report = import_review(out, DATA / "omegat.xlf", memory)
    assert (report.read, report.added) == (2, 2)
    first = memory.get_human("وصل الرئيس الجزائري إلى وهران")
    assert first is not None and first.target == "The Algerian President arrived in Oran on Monday"
    assert (first.state, first.doc_id, first.segment_id) == ("translated", "article-1.txt", 0)
    assert first.file.endswith("omegat.xlf") and first.created
    assert memory.get_human(SEGMENTS[1][2].strip("«»")) is None  # the MT suggestion left as it was
    assert memory.get_human("ارتفعت أسعار النفط اليوم").target == "Oil prices went up today"  # type: ignore[union-attr]


def test_trados_xliff_confirmation_levels_and_user(out: Path, memory: TranslationMemory) -> None:
    import_review(out, DATA / "trados.xlf", memory, translator="fallback")
    approved = memory.get_human("وصل الرئيس الجزائري إلى وهران")
    assert approved is not None and (approved.target, approved.state, approved.translator) == (
        "Algeria's president arrived in Oran", "final", "TRADOS\\amal")
    confirmed = memory.get_human("أعلنت وزارة الخارجية عن زيارة رسمية")
    assert confirmed is not None and (confirmed.target, confirmed.state) == (SEGMENTS[1][3], "translated")
    assert memory.get_human("ارتفعت أسعار النفط اليوم") is None  # Draft, unchanged


def test_cat_tool_tmx_files_are_read_with_languages_people_and_dates(out: Path, memory: TranslationMemory) -> None:
    omegat = read_tmx(DATA / "omegat.tmx")
    assert [(e.target, e.translator, e.state) for e in omegat] == [
        ("The Algerian president reached Oran", "karim", "final"), ("Oil prices climbed today", "karim", "final")]
    assert omegat[0].changed == "2025-03-14T10:15:00+00:00" and omegat[0].created == "2025-03-14T10:12:00+00:00"
    report = import_review(out, DATA / "trados.tmx", memory)
    assert (report.read, report.added) == (1, 1)
    entry = memory.get_human("أعلنت وزارة الخارجية عن زيارة رسمية")
    assert entry is not None and entry.translator == "TRADOS\\amal" and entry.changed.startswith("2025-03-11")


def test_reimporting_the_same_file_adds_nothing(out: Path, memory: TranslationMemory) -> None:
    import_review(out, DATA / "omegat.xlf", memory)
    again = import_review(out, DATA / "omegat.xlf", memory)
    # the targets equal the memory's now: read, and counted as already there (finding 15: "0 read" said nothing)
    assert (again.read, again.added, again.raised, again.unchanged) == (2, 0, 0, 2)
    # exported before the OmegaT edits: unit 0 approved with another text, unit 1 confirmed, unit 2 Draft = MT
    approved = import_review(out, DATA / "trados.xlf", memory)
    assert (approved.read, approved.added) == (2, 2)
    assert memory.get_human(SEGMENTS[0][2]).state == "final"  # type: ignore[union-attr]


# ------------------------------------------------------------------------------------------- broken files
def _broken(tmp_path: Path, old: str, new: str, name: str = "broken.xlf", source: str = "omegat.xlf") -> Path:
    text = (DATA / source).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ("on Monday</target>", "on Monday</targt>", "on Monday", "not well-formed XML"),
    ('id="article-2.txt#0"', 'id="article-9.txt#4"', "article-9.txt#4", "not a segment of this batch output"),
    ('original="article-2.txt" source-language="ar" target-language="en-US"',
     'original="article-2.txt" source-language="ar" target-language="fr-FR"', "fr-FR", "target-language"),
    ("Oil prices went up today", "ارتفعت الأسعار", 'id="article-2.txt#0"', "not in 'en'"),
    ("<source>ارتفعت أسعار النفط اليوم</source>", "<source>ارتفعت أسعار الذهب</source>", 'id="article-2.txt#0"',
     "source text was changed"),
])
def test_a_broken_xliff_is_reported_with_its_line_and_changes_nothing(
        out: Path, memory: TranslationMemory, tmp_path: Path, old: str, new: str, needle: str, message: str) -> None:
    memory.put_human("وصل الرئيس الجزائري إلى وهران", "Kept as it was", state="final")
    before = memory.all()
    path = _broken(tmp_path, old, new)
    with pytest.raises(ReviewFileError, match=message) as caught:
        import_review(out, path, memory)
    [(line, _)] = caught.value.problems
    assert line == _line_of(path, needle)
    assert f"{path}:{line}:" in str(caught.value) and "Nothing was imported" in str(caught.value)
    assert memory.all() == before


def test_a_tmx_without_an_english_variant_is_reported_with_its_line(out: Path, memory: TranslationMemory,
                                                                    tmp_path: Path) -> None:
    path = _broken(tmp_path, '<tuv xml:lang="EN-US" changeid="karim" changedate="20250314T102000Z">',
                   '<tuv xml:lang="FR-FR" changeid="karim" changedate="20250314T102000Z">', "bad.tmx", "omegat.tmx")
    with pytest.raises(ReviewFileError, match="no en variant") as caught:
        import_review(out, path, memory)
    assert caught.value.problems[0][0] == _line_of(path, "<!-- Alternative translations -->") + 1
    assert memory.all() == []


# --------------------------------------------------------------------------------------------------- the CLI
def test_review_and_memory_commands(out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tm = str(tmp_path / "cli.sqlite")
    assert main(["review", "import", str(out), str(DATA / "trados.xlf"), "--memory", tm]) == 0
    assert "2 reviewed translations read; 2 new" in capsys.readouterr().err
    assert main(["review", "export", str(out), "--format", "tmx", "--output", str(tmp_path / "a.tmx"),
                 "--memory", tm]) == 0
    assert [e.target for e in read_tmx(tmp_path / "a.tmx")] == ["Algeria's president arrived in Oran"]
    capsys.readouterr()
    assert main(["memory", "--memory", tm, "search", "وهران", "--format", "jsonl"]) == 0
    assert "Algeria's president arrived in Oran" in capsys.readouterr().out
    assert main(["memory", "--memory", tm, "search", "official visit", "--format", "jsonl"]) == 0
    assert "أعلنت وزارة الخارجية" in capsys.readouterr().out
    assert main(["memory", "--memory", tm, "search", "غير موجود"]) == 1
    assert main(["memory", "--memory", tm, "export", "--output", str(tmp_path / "all.tmx")]) == 0
    other = str(tmp_path / "other.sqlite")
    capsys.readouterr()
    assert main(["memory", "--memory", other, "import", str(tmp_path / "all.tmx")]) == 0
    assert "2 new" in capsys.readouterr().err
    assert main(["memory", "--memory", other, "stats"]) == 0
    assert '"final": 1' in capsys.readouterr().out
    assert main(["memory", "--memory", other, "stats", "--format", "csv"]) == 0
    stats = capsys.readouterr().out.splitlines()
    assert stats[0].lstrip("\ufeff") == "group,value,count"
    assert "total,human_translations,2" in stats and "state,final,1" in stats
    assert main(["review", "import", str(out), str(DATA / "omegat.xlf"), "--memory", other]) == 0
    assert main(["review", "import", str(out), str(tmp_path / "missing.xlf"), "--memory", other]) == 2
    assert "missing.xlf: no such file" in capsys.readouterr().err


def test_review_segments_show_the_memorys_current_translation(out: Path, memory: TranslationMemory) -> None:
    import_review(out, DATA / "trados.xlf", memory)
    segments = {s.id: s for s in review_segments(out, memory)}
    assert set(segments) == {"article-1.txt#0", "article-1.txt#1", "article-2.txt#0"}
    assert segments["article-1.txt#0"].state == "final"
    assert segments["article-1.txt#1"].state == "translated"
    assert segments["article-2.txt#0"].state == "needs-translation"
    assert segments["article-2.txt#0"].target == "Oil prices rose today"

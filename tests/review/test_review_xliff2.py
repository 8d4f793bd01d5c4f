"""XLIFF 2.0 as the option of issue 18: export, edit in code, import; broken files refused with their lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from translate.storage import xliff2

from translator.cli import main
from translator.corpus import tables
from translator.errors import ReviewFileError
from translator.mt.memory import TranslationMemory
from translator.review import export_review, import_review
from translator.review.xliff2 import escape_id, unescape_id

NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
SEGMENTS = [  # doc ids with characters an XLIFF 2.0 id (NMTOKEN) cannot hold: space, '#', '_', ':'
    ("article 1.txt", 0, "وصل الرئيس الجزائري إلى وهران", "The Algerian president arrived in Oran"),
    ("article 1.txt", 1, "«أعلنت وزارة الخارجية عن زيارة رسمية»", "The foreign ministry announced an official visit"),
    ("news_2:ar#x.txt", 0, "ارتفعت أسعار النفط اليوم", "Oil prices rose today"),
    ("news_2:ar#x.txt", 1, "انخفضت أسعار الذهب", "Gold prices fell"),
]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A batch output folder with four machine-translated Arabic segments in two documents."""
    rows = [{"doc_id": d, "segment_id": s, "line": s, "start": 0, "end": len(t), "text": t, "lang": "ar",
             "translation": mt, "translation_status": "translated", "model": "tiny-ar-en",
             "glossary_terms": "وهران=Oran" if "وهران" in t else None,
             "translation_flags": "number_mismatch" if "الذهب" in t else None} for d, s, t, mt in SEGMENTS]
    folder = tmp_path / "out"
    tables.write_table(folder, "segments", tables.SEGMENTS, [rows])
    return folder


@pytest.fixture
def memory(tmp_path: Path) -> TranslationMemory:
    return TranslationMemory(tmp_path / "tm.sqlite")


def _units(tree: etree._ElementTree) -> dict[str, etree._Element]:
    return {unescape_id(u.get("id")): u for u in tree.getroot().iterfind(".//x:unit", NS)}


def test_ids_are_nmtokens_and_round_trip() -> None:
    for value in ("article 1.txt#0", "news_2:ar#x.txt#1", "خبر-١.txt#3", "a__b::c#12", "tab\there#1"):
        escaped = escape_id(value)
        assert unescape_id(escaped) == value
        assert "::" not in escaped and " " not in escaped and "#" not in escaped
    assert escape_id("article 1.txt#3") == "article_20_1.txt_23_3"
    assert escape_id("خبر.txt#3") == "خبر.txt_23_3"


def test_export_parses_with_translate_toolkit_and_holds_files_ids_states_notes(
        out: Path, memory: TranslationMemory, tmp_path: Path) -> None:
    memory.put_human(SEGMENTS[1][2][1:-1], "The Foreign Ministry announced an official visit", state="final")
    path = tmp_path / "review.xlf"
    assert export_review(out, path, fmt="xliff2", memory=memory) == 4

    store = xliff2.Xliff2File.parsefile(str(path))
    assert (store.sourcelanguage, store.targetlanguage) == ("ar", "en")
    assert store.getfilenames() == [escape_id("article 1.txt"), escape_id("news_2:ar#x.txt")]
    assert [unescape_id(u.getid()) for u in store.unit_iter()] == [f"{d}#{s}" for d, s, _, _ in SEGMENTS]
    assert next(u.source for u in store.unit_iter()) == SEGMENTS[0][2]

    tree = etree.parse(str(path))
    assert tree.getroot().get("version") == "2.0"
    units = _units(tree)
    states = {i: u.find("x:segment", NS).get("state") for i, u in units.items()}
    assert states == {"article 1.txt#0": "initial", "article 1.txt#1": "final", "news_2:ar#x.txt#0": "initial",
                      "news_2:ar#x.txt#1": "initial"}
    assert units["article 1.txt#1"].findtext("x:segment/x:target", namespaces=NS) == \
        "The Foreign Ministry announced an official visit"
    notes = {n.get("category"): n.text for n in units["article 1.txt#0"].iterfind("x:notes/x:note", NS)}
    assert notes == {"document": "document article 1.txt, segment 0", "glossary": "terms: وهران=Oran",
                     "mt": "model: tiny-ar-en; status: translated"}
    assert "flags: number_mismatch" in [n.text for n in units["news_2:ar#x.txt#1"].iterfind(".//x:note", NS)]
    # XLIFF 2.0 core schema: <notes> belongs to <unit>, before its <segment>; <segment> takes only these attributes
    assert [etree.QName(c).localname for c in units["article 1.txt#0"]] == ["notes", "segment"]
    for unit in units.values():
        assert set(unit.find("x:segment", NS).attrib) <= {"id", "canResegment", "state", "subState"}


def test_edit_two_targets_and_import_stores_exactly_those(out: Path, memory: TranslationMemory,
                                                          tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "review.xlf"
    tm = str(tmp_path / "tm.sqlite")
    assert main(["review", "export", str(out), "--format", "xliff2", "--output", str(path), "--memory", tm]) == 0
    tree = etree.parse(str(path))
    units = _units(tree)
    edits = {"article 1.txt#0": ("Algeria's president arrived in Oran", "final"),
             "news_2:ar#x.txt#1": ("Gold prices fell sharply", "translated")}
    for unit_id, (text, state) in edits.items():
        segment = units[unit_id].find("x:segment", NS)
        segment.find("x:target", NS).text = text
        segment.set("state", state)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")

    capsys.readouterr()
    assert main(["review", "import", str(out), str(path), "--memory", tm, "--translator", "Amal"]) == 0
    assert "2 reviewed translations read; 2 new" in capsys.readouterr().err
    with TranslationMemory(tm) as memory:
        stored = {(h.doc_id, h.segment_id): h for h in memory.all()}
        assert set(stored) == {("article 1.txt", 0), ("news_2:ar#x.txt", 1)}
        first, second = stored[("article 1.txt", 0)], stored[("news_2:ar#x.txt", 1)]
        assert (first.source, first.target, first.state, first.translator) == \
            (SEGMENTS[0][2], "Algeria's president arrived in Oran", "final", "Amal")
        assert (second.target, second.state, second.file) == ("Gold prices fell sharply", "translated", str(path))
        again = import_review(out, path, memory)
        assert (again.read, again.added, again.unchanged) == (2, 0, 2)  # read again, already in the memory


def _exported(out: Path, tmp_path: Path) -> Path:
    path = tmp_path / "review.xlf"
    export_review(out, path, fmt="xliff2")
    return path


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize(("old", "new", "needle", "message"), [
    ("Oil prices rose today</target>", "Oil prices rose today</targt>", "Oil prices rose today",
     "not well-formed XML"),
    ('<unit id="news_5f_2_3a_ar_23_x.txt_23_0"', '<unit id="news_5f_2_3a_ar_23_x.txt_23_7"',
     '<unit id="news_5f_2_3a_ar_23_x.txt_23_7"', "not a segment of this batch output"),
    ('trgLang="en"', 'trgLang="fr"', 'trgLang="fr"', "trgLang is 'fr'"),
    ("Oil prices rose today</target>", "ارتفعت الأسعار</target>", "ارتفعت الأسعار</target>", "not in 'en'"),
    ("<source>ارتفعت أسعار النفط اليوم</source>", "<source>ارتفعت أسعار الذهب</source>",
     "ارتفعت أسعار الذهب</source>", "source text was changed"),
])
def test_a_broken_xliff2_is_refused_with_its_line_and_the_memory_is_unchanged(
        out: Path, memory: TranslationMemory, tmp_path: Path, old: str, new: str, needle: str,
        message: str) -> None:
    memory.put_human(SEGMENTS[0][2], "Kept as it was", state="final")
    before = memory.all()
    path = _exported(out, tmp_path)
    _replace(path, "Gold prices fell</target>", "Gold prices fell a lot</target>")  # a good edit beside it
    _replace(path, old, new)
    with pytest.raises(ReviewFileError, match=message) as caught:
        import_review(out, path, memory)
    [(line, _)] = caught.value.problems
    assert line == _line_of(path, needle)
    assert f"{path}:{line}:" in str(caught.value) and "Nothing was imported" in str(caught.value)
    assert memory.all() == before


def test_segment_ids_a_tool_adds_are_read_and_a_split_unit_is_refused(
        out: Path, memory: TranslationMemory, tmp_path: Path) -> None:
    path = _exported(out, tmp_path)
    tree = etree.parse(str(path))
    units = _units(tree)
    segment = units["article 1.txt#1"].find("x:segment", NS)
    segment.set("id", "s1")  # as memoQ or Okapi write them
    segment.set("state", "reviewed")  # the machine text confirmed, not edited
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    assert import_review(out, path, memory).added == 1
    [entry] = memory.all()
    assert (entry.segment_id, entry.target, entry.state) == (1, SEGMENTS[1][3], "translated")

    split = units["news_2:ar#x.txt#0"]
    split.append(etree.fromstring(f'<segment xmlns="{NS["x"]}"><source>ثانية</source></segment>'))
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    with pytest.raises(ReviewFileError, match="split into several segments") as caught:
        import_review(out, path, memory)
    assert len(caught.value.problems) == 1
    assert memory.all() == [entry]

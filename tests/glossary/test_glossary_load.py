"""translator/glossary/load.py and glossary.py: reading, checking, merging and writing glossary files."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.config import glossary_dirs
from translator.errors import GlossaryError
from translator.glossary import Glossary, GlossaryEntry, check_glossary, read_tsv, write_tsv
from translator.text.arabic import fold

from ..cases import cases

DATA = Path(__file__).parent.parent / "data"
SHIPPED = sorted(p for d in glossary_dirs() for p in d.glob("*.tsv"))


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.tsv"
    # the last row is not UTF-8 (windows-1256 bytes)
    path.write_bytes((DATA / "glossary_bad.tsv").read_bytes() + "بنغازي\tBenghazi\tplace\n".encode("cp1256"))
    return path


def test_bad_rows_are_reported_with_line_and_skipped(bad_file: Path) -> None:
    entries, problems = read_tsv(bad_file)
    assert [e.source for e in entries] == ["الجزائر", "الجزائر", "الجزاير", "مصر"]
    found = {(p.line, p.kind) for p in problems}
    assert found == {(4, "empty"), (5, "empty"), (6, "type"), (10, "empty"), (11, "encoding")}
    assert all(p.path == str(bad_file) and p.severity == "error" for p in problems)


def test_check_glossary_finds_duplicates_and_conflicts(bad_file: Path) -> None:
    problems = check_glossary([bad_file])
    kinds = {(p.line, p.kind) for p in problems}
    assert (7, "duplicate") in kinds
    assert (8, "conflict") in kinds
    assert all(isinstance(p.to_dict()["message"], str) for p in problems)


def test_a_bad_glossary_never_stops_loading(bad_file: Path) -> None:
    g = Glossary.load([bad_file], include_default=False, include_outlets=False)
    assert [e.target for e in g.entries] == ["Algeria", "Egypt"]
    assert len(g.problems) == 7
    assert [m.target for m in g.match("بين الجزائر ومصر")] == ["Algeria", "Egypt"]


def test_a_named_file_that_does_not_exist_is_an_error_and_a_missing_header_a_problem(tmp_path: Path) -> None:
    no_header = tmp_path / "no_header.tsv"
    no_header.write_text("الجزائر\tAlgeria\tplace\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"absent\.tsv"):
        Glossary.load([tmp_path / "absent.tsv", no_header], include_default=False, include_outlets=False)
    g = Glossary.load([no_header], include_default=False, include_outlets=False)
    assert len(g) == 0
    assert [p.kind for p in g.problems] == ["header"]


def test_a_problem_quotes_only_an_excerpt_of_a_huge_bad_value(tmp_path: Path) -> None:
    path = tmp_path / "huge.tsv"
    path.write_text("source\ttarget\ttype\nالجزائر\tAlgeria\t" + "x" * 1_000_000 + "\n", encoding="utf-8")
    g = Glossary.load([path], include_default=False, include_outlets=False)
    assert g.problems and all(len(str(p)) < 1000 for p in g.problems)
    assert any("more characters" in str(p) for p in g.problems)


def test_columns_by_name_bom_crlf_and_warnings(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    text = "\ufefftype\ttarget\tsource\tflags\tcolour\r\nplace\tTindouf\tتندوف\tno-enforce|shiny\tred\r\n"
    path.write_text(text, encoding="utf-8")
    entries, problems = read_tsv(path)
    assert entries == [GlossaryEntry("تندوف", "Tindouf", "place", file=str(path), line=2,
                                     flags=("no-enforce", "shiny"))]
    assert not entries[0].enforce
    assert [(p.kind, p.severity) for p in problems] == [("columns", "warning"), ("flags", "warning")]


def test_version_ignores_notes_and_order_but_not_targets() -> None:
    a = GlossaryEntry("الجزائر", "Algeria", "place", note="one")
    b = GlossaryEntry("غانا", "Ghana", "place")
    assert Glossary([a, b]).version == Glossary([b, GlossaryEntry("الجزائر", "Algeria", "place")]).version
    assert Glossary([a, b]).version != Glossary([GlossaryEntry("الجزائر", "Algiers", "place"), b]).version


def test_write_tsv_round_trips_atomically(tmp_path: Path) -> None:
    entries = [GlossaryEntry("الاتحاد الأفريقي", "African Union", "org", ("الاتحاد الإفريقي",), "note\twith tab",
                             ("AU",), flags=("no-enforce",)),
               GlossaryEntry("تندوف", "Tindouf", "place")]
    path = tmp_path / "out" / "g.tsv"
    path.parent.mkdir()
    path.write_text("old content", encoding="utf-8")
    write_tsv(entries, path)
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind
    back, problems = read_tsv(path)
    assert not problems
    assert [(e.source, e.target, e.type, e.variants, e.target_variants, e.flags) for e in back] == [
        (e.source, e.target, e.type, e.variants, e.target_variants, e.flags) for e in entries]
    assert back[0].note == "note with tab"


def test_entry_to_dict_is_json_safe() -> None:
    import json

    entry = GlossaryEntry("تندوف", "Tindouf", "place", ("تيندوف",))
    assert json.loads(json.dumps(entry.to_dict()))["variants"] == ["تيندوف"]


# --- the shipped glossary -------------------------------------------------------------------------------

def test_shipped_glossary_is_clean_and_large_enough() -> None:
    assert {p.name for p in SHIPPED} >= {"places.tsv", "people.tsv", "orgs.tsv", "terms.tsv"}
    assert check_glossary(SHIPPED) == []
    g = Glossary.load(include_outlets=False)
    assert not g.problems
    assert len(g) >= 300
    assert {e.type for e in g.entries} >= {"person", "place", "org", "term"}


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return Glossary.load()


REQUIRED = cases("glossary_required.tsv")


@pytest.mark.parametrize("case", REQUIRED, ids=[c["target"] for c in REQUIRED])
def test_shipped_glossary_knows_the_region(shipped: Glossary, case: dict[str, str]) -> None:
    assert [m.target for m in shipped.match(case["text"])] == case["target"].split("|")


def test_shipped_glossary_includes_outlets(shipped: Glossary) -> None:
    targets = {e.target for e in shipped.entries if e.type == "outlet"}
    assert {"Al Jazeera", "Asharq Al-Awsat", "Sky News Arabia", "Hespress"} <= targets
    assert [m.target for m in shipped.match("وقالت صحيفة الشرق الأوسط")] == ["Asharq Al-Awsat"]
    assert [m.target for m in shipped.match("في الشرق الأوسط")] == ["Middle East"]
    assert [m.target for m in shipped.match("وفقا لسكاي نيوز عربية")] == ["Sky News Arabia"]


def test_every_shipped_entry_matches_itself_behind_clitics() -> None:
    g = Glossary.load(include_outlets=False)
    spellings = {fold(s) for e in g.entries for s in (e.source, *e.variants)}
    failures = []
    for entry in g.entries:
        if "quoted" in entry.flags:
            continue
        texts = {"و": "و" + entry.source}
        if entry.source.startswith("ال"):
            texts["ب"] = "ب" + entry.source
            texts["ل"] = "ل" + entry.source[1:]  # ل + ال loses the alif: للجزائر
        for clitic, text in texts.items():
            if fold(text) in spellings:  # وجدة is Oujda before it is و + جدة (Jeddah)
                continue
            got = [(m.source, m.clitic) for m in g.match(text + " اليوم")]
            if got != [(entry.source, clitic)]:
                failures.append((text, got))
    assert failures == []


def test_a_glossary_travels_to_worker_processes() -> None:
    import pickle

    g = Glossary.load([DATA / "glossary_test.tsv"], include_default=False, include_outlets=False)
    g.match("وللمغرب")  # fills the per-word cache, which is not shipped
    copy = pickle.loads(pickle.dumps(g))
    assert copy.version == g.version
    assert [m.to_dict() for m in copy.match("بالجزائر وللمغرب")] == [m.to_dict() for m in g.match("بالجزائر وللمغرب")]

"""translator/glossary/match.py: Arabic-aware matching, table-driven from tests/data/glossary_match_cases.tsv."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from translator.glossary import Glossary, GlossaryEntry

from ..cases import cases

DATA = Path(__file__).parent.parent / "data"
_ITEM = re.compile(r"^(?P<surface>.+?)→(?P<target>[^\[]+?)(?:\[(?P<clitic>[^\]]+)\])?$")


CASES = cases("glossary_match_cases.tsv")


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    g = Glossary.load([DATA / "glossary_test.tsv"], include_default=False, include_outlets=False)
    assert not g.problems
    return g


def _expected(spec: str) -> list[tuple[str, str, str]]:
    if spec.strip() == "-":
        return []
    items = []
    for item in spec.split(" ; "):
        m = _ITEM.match(item.strip())
        assert m, f"bad expected item {item!r}"
        items.append((m["surface"], m["target"].strip(), m["clitic"] or ""))
    return items


@pytest.mark.parametrize("case", CASES, ids=[c["note"] for c in CASES])
def test_match_cases(glossary: Glossary, case: dict[str, str]) -> None:
    text = case["text"]
    matches = glossary.match(text)
    assert [(m.surface, m.target, m.clitic) for m in matches] == _expected(case["expected"])
    for m in matches:
        assert text[m.start:m.end] == m.surface
        assert text[m.start - len(m.clitic):m.start] == m.clitic


def test_match_to_dict_has_the_cli_contract_keys(glossary: Glossary) -> None:
    (match,) = glossary.match("بالجزائر")
    assert match.to_dict() == {"start": 1, "end": 8, "surface": "الجزائر", "source": "الجزائر",
                               "target": "Algeria", "type": "place", "clitic": "ب", "layer": "user",
                               "candidates": []}


def test_matches_come_back_in_text_order_without_overlap(glossary: Glossary) -> None:
    text = "زار عبد المجيد تبون وهران ثم بشار الأسد بيروت ولبنان"
    matches = glossary.match(text)
    spans = [(m.start, m.end) for m in matches]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))
    assert [m.target for m in matches] == ["Abdelmadjid Tebboune", "Oran", "Bashar al-Assad", "Lebanon"]


def test_a_later_file_overrides_the_target(tmp_path: Path) -> None:
    own = tmp_path / "own.tsv"
    own.write_text("source\ttarget\ttype\nالجزائر\tAlgiers\tplace\n", encoding="utf-8")
    g = Glossary.load([DATA / "glossary_test.tsv", own], include_default=False, include_outlets=False)
    assert [m.target for m in g.match("في الجزائر")] == ["Algiers"]
    assert [p.kind for p in g.problems] == ["override"]


def test_matching_a_long_text_finds_every_copy_at_its_offset() -> None:
    # Speed is measured in benchmarks/glossary_bench.py (never by a timed test); here: matching work is per
    # position, so a text of 200 copies of a segment gives 200 times its matches, each at its own offset.
    g = Glossary.load(include_outlets=False)
    text = "وأعلن وزير الخارجية الروسي سيرغي لافروف أن العلاقات مع الجزائر تصل إلى مستوى جديد وللمغرب"
    once = [(m.start - 0, m.end, m.target) for m in g.match(text)]
    assert once
    step = len(text) + 1
    many = g.match(" ".join([text] * 200))
    assert [(m.start, m.end, m.target) for m in many] == [
        (start + k * step, end + k * step, target) for k in range(200) for start, end, target in once]


def test_quotation_marks_do_not_cut_a_name_of_several_words() -> None:
    """حركة "النهضة" is the listed حركة النهضة (Ennahda), whatever the quotation marks; a quoted name that is a
    term by itself keeps its own match, and offsets stay those of the text."""
    glossary = Glossary([GlossaryEntry("حركة النهضة", "Ennahda", "org"), GlossaryEntry("حزب الاستقلال",
                                                                                       "Istiqlal Party", "org"),
                         GlossaryEntry("القوات اللبنانية", "Lebanese Forces", "org")])
    for text in ('أبدت حركة "النهضة" استعدادها', "أبدت حركة «النهضة» استعدادها", "أبدت حركة “النهضة” استعدادها"):
        (match,) = glossary.match(text)
        assert match.target == "Ennahda" and text[match.start:match.end] == match.surface
        assert match.surface.startswith("حركة") and match.surface.endswith("النهضة")
    (match,) = glossary.match('رئيس حزب "القوات اللبنانية" سمير جعجع')
    assert match.target == "Lebanese Forces" and match.surface == "القوات اللبنانية"
    assert [m.target for m in glossary.match('أعضاء حزب «الاستقلال» المغربي')] == ["Istiqlal Party"]
    assert glossary.match('قال "النهضة" إن') == []

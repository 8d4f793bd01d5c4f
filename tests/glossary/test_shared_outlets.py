"""Outlet names several registry outlets share (الدستور: Jordan's Ad-Dustour and Egypt's Al-Dostor; الوطن: Syria,
Qatar, Oman...): found where the text marks an outlet, settled by the document's country, the places or the other
outlets the text names, or by a rendering all owners share; otherwise reported ambiguous with the candidates and
never enforced (issue 16)."""

from __future__ import annotations

import pytest

from translator.glossary import Glossary
from translator.glossary.outlets import outlet_entries, rendering_family, shared_owners
from translator.glossary.report import check_translation


def _outlets(glossary: Glossary, text: str, country: str | None = None) -> list:
    return [m for m in glossary.match(text, country=country) if m.type == "outlet"]


def test_a_shared_name_is_one_entry_that_lists_its_owners_and_their_countries() -> None:
    entries, problems = outlet_entries()
    assert not problems
    shared = {e.source: e for e in entries if "shared" in e.flags}
    assert shared_owners(shared["الدستور"]) == [("Ad-Dustour", "JO"), ("Al-Dostor (Egypt)", "EG")]
    assert {code for _, code in shared_owners(shared["الوطن"])} >= {"SY", "QA", "OM", "DZ"}
    assert "quoted" in shared["الدستور"].flags  # an ordinary word: only where the text marks an outlet
    assert shared_owners(next(e for e in entries if "shared" not in e.flags)) == []


@pytest.mark.parametrize(("country", "expected"), [("JO", "Ad-Dustour"), ("EG", "Al-Dostor")])
def test_the_documents_country_picks_the_owner(glossary: Glossary, country: str, expected: str) -> None:
    [match] = _outlets(glossary, "قالت صحيفة الدستور إن الحكومة قررت", country)
    assert (match.target, match.candidates) == (expected, ())
    assert match.entry is not None and match.entry.enforce and country in match.entry.note


def test_the_countries_of_the_places_named_pick_the_owner(glossary: Glossary) -> None:
    [match] = _outlets(glossary, "قالت صحيفة الدستور إن الحكومة في القاهرة قررت")
    assert (match.target, match.candidates) == ("Al-Dostor", ())


def test_the_other_outlets_named_pick_the_owner(glossary: Glossary) -> None:
    found = {m.surface: m.target for m in _outlets(glossary, "وتناولت صحف الخبر، الشروق والوطن الموضوع")}
    assert found == {"الخبر": "El Khabar", "الشروق": "Echorouk", "الوطن": "El Watan"}
    egypt = {m.surface: m.target for m in _outlets(glossary, "وتناولت صحف الأهرام، الشروق والوطن الموضوع")}
    assert egypt["الشروق"] == "Al-Shorouk"


def test_owners_written_alike_in_english_share_one_rendering(glossary: Glossary) -> None:
    [match] = _outlets(glossary, "نقلت صحيفة الوطن عن مصادر مطلعة")
    assert (match.target, match.candidates) == ("Al-Watan", ())
    assert match.entry is not None and match.entry.enforce
    assert {"El Watan", "Al-Watan (Oman)"} <= set(match.entry.targets)
    assert check_translation([match], "El Watan reported").complete


@pytest.mark.parametrize("country", [None, "MA"])  # no country, or one that owns none of them
def test_otherwise_the_match_is_ambiguous_with_its_candidates_and_not_enforced(glossary: Glossary,
                                                                               country: str | None) -> None:
    [match] = _outlets(glossary, "قالت صحيفة الدستور إن الحكومة قررت", country)
    assert match.ambiguous and match.candidates == ("Ad-Dustour", "Al-Dostor (Egypt)")
    assert match.entry is not None and not match.entry.enforce
    report = check_translation([match], "The newspaper said the government decided")
    assert report.complete and not report.term_flags  # reported, never required


def test_the_countrys_answer_is_not_remembered_for_another_country(glossary: Glossary) -> None:
    text = "وذكرت جريدة الدستور في عددها الصادر اليوم"
    assert [m.target for m in _outlets(glossary, text, "JO")] == ["Ad-Dustour"]
    assert [m.target for m in _outlets(glossary, text, "EG")] == ["Al-Dostor"]
    assert _outlets(glossary, text)[0].ambiguous


def test_an_ordinary_word_is_no_outlet_unless_the_text_marks_one(glossary: Glossary) -> None:
    assert _outlets(glossary, "صوت البرلمان على الدستور الجديد للبلاد", "JO") == []
    # a plural lead with one ordinary-word name is a construct: "the country's newspapers"
    assert _outlets(glossary, "وركزت صحف البلاد على تغطية المونديال") == []
    assert [m.target for m in _outlets(glossary, 'وركزت صحف "البلاد" على تغطية المونديال', "SA")] == ["Al-Bilad"]
    assert [m.target for m in _outlets(glossary, "قالت صحيفتا الوطن والرأي", "KW")] == ["Al-Watan", "Al-Rai"]


def test_two_mentions_of_one_settled_name_are_one_term_of_the_report(glossary: Glossary) -> None:
    matches = _outlets(glossary, "قالت صحيفة الدستور إن ... وأضافت صحيفة الدستور أن", "JO")
    report = check_translation(matches, "Ad-Dustour said ... Ad-Dustour added")
    assert [(t.target, t.found) for t in report.terms] == [("Ad-Dustour", 2)] and report.complete


@pytest.mark.parametrize(("names", "alike"), [
    (("Al-Watan (Syria)", "El Watan (Algeria)", "Al Watan"), True),
    (("Al-Ayyam (Palestine)", "Al-Ayam (Bahrain)"), True),
    (("An-Nahar", "Ennahar"), True),
    (("Assabah (Morocco)", "Al-Sabah (Iraq)"), True),
    (("Ad-Dustour", "Al-Dostor (Egypt)"), False),
    (("Echorouk", "Al-Shorouk"), False),
    (("Al-Gomhuria", "Al-Joumhouria"), False),
])
def test_rendering_family(names: tuple[str, ...], alike: bool) -> None:
    assert (len({rendering_family(n) for n in names}) == 1) is alike

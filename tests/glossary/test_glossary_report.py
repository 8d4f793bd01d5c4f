"""translator/glossary/report.py: exact and lenient term placement, segment and corpus reports."""

from __future__ import annotations

import json

import pytest

from translator.glossary import Glossary, GlossaryEntry
from translator.glossary.report import check_translation, count_exact, count_lenient, summarize

US = GlossaryEntry("الولايات المتحدة", "United States", "place", target_variants=("US", "U.S.", "America"))
ERDOGAN = GlossaryEntry("أردوغان", "Erdoğan", "person", target_variants=("Erdogan",))
SAAR = GlossaryEntry("جدعون ساعر", "Gideon Saar", "person", target_variants=("Gideon Sa'ar",))
HOUTHIS = GlossaryEntry("الحوثيون", "Houthis", "org")
ARMY = GlossaryEntry("الجيش الجزائري", "Algerian army", "org")


@pytest.mark.parametrize(("entry", "text", "exact", "lenient"), [
    (US, "The United States and the US agreed.", 1, 2),
    (US, "He told us that America would help.", 0, 1),  # "us" is not "US": acronyms keep their case
    (ERDOGAN, "Erdoğan's visit; ERDOGAN spoke.", 1, 2),
    (ERDOGAN, "Erdogans", 0, 1),
    (SAAR, "Gideon Sa’ar said", 0, 1),
    (HOUTHIS, "The Houthis' attack", 1, 1),
    (ARMY, "Algerian army units; The Algerian Army", 1, 2),
    (ARMY, "Algerian army.", 1, 1),
    (ARMY, "Algerian armies", 0, 0),
    (HOUTHIS, "antiHouthis", 0, 0),
])
def test_placement_counts(entry: GlossaryEntry, text: str, exact: int, lenient: int) -> None:
    assert (count_exact(text, entry), count_lenient(text, entry)) == (exact, lenient)


def test_sentence_initial_capital_is_still_exact() -> None:
    drones = GlossaryEntry("الطائرات المسيرة", "drones", "term")
    assert count_exact("Drones hit the base", drones) == 1


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary([GlossaryEntry("الجزائر", "Algeria", "place", target_variants=("Algiers",)),
                     GlossaryEntry("غانا", "Ghana", "place"),
                     GlossaryEntry("مالي", "Mali", "place", flags=("no-enforce",))])


def test_segment_report(glossary: Glossary) -> None:
    source = "الجزائر وغانا ومالي والجزائر"
    report = check_translation(glossary.match(source), "Algiers, Ghana and Mali")
    assert (report.terms_found, report.terms_placed, report.terms_exact) == (3, 2, 1)
    assert report.term_flags == ["missing-term:Algeria"]
    assert not report.complete
    assert [t.required for t in report.terms] == [True, True, False]
    assert json.loads(json.dumps(report.to_dict()))["terms"][0]["surfaces"] == ["الجزائر", "الجزائر"]


def test_corpus_summary(glossary: Glossary) -> None:
    reports = [check_translation(glossary.match("الجزائر وغانا"), "Algeria and Ghana"),
               check_translation(glossary.match("بالجزائر"), "in Algiers"),
               check_translation(glossary.match("غانا"), "Guinea"),
               check_translation(glossary.match("دعم مالي"), "financial support"),
               None]
    total = summarize(reports)
    assert (total.segments, total.segments_with_terms, total.segments_complete) == (5, 3, 2)
    assert (total.terms_found, total.terms_placed, total.terms_exact) == (4, 3, 2)
    assert total.success_lenient == pytest.approx(0.75)
    assert total.success_exact == pytest.approx(0.5)
    assert total.to_dict()["missing"] == {"Ghana": 1}

"""Names composed from a head and a complement (issue 16): ministries, ministers, agencies, central banks."""

from __future__ import annotations

from translator.glossary import Glossary, GlossaryEntry
from translator.glossary.compose import composed_entries
from translator.glossary.report import check_translation

PLACES = [GlossaryEntry("الجزائر", "Algeria", "place"), GlossaryEntry("ليبيا", "Libya", "place"),
          GlossaryEntry("القاهرة", "Cairo", "place"), GlossaryEntry("السودان", "Sudan", "place")]
KINDS = {"الجزاير": {"country", "city"}, "ليبيا": {"country"}, "القاهره": {"subdivision", "city"},
         "السودان": {"country"}}


def _glossary(*entries: GlossaryEntry) -> Glossary:
    return Glossary([*PLACES, *entries], composed=composed_entries(PLACES, lambda form: KINDS.get(form, set())))


def _found(glossary: Glossary, text: str) -> list[tuple[str, str, str, str]]:
    return [(m.surface, m.target, m.type, m.layer) for m in glossary.match(text)]


def test_ministries_and_ministers_with_and_without_the_country() -> None:
    glossary = _glossary()
    assert _found(glossary, "قال وزير الخارجية التركي إن") == [
        ("وزير الخارجية التركي", "Turkish Foreign Minister", "term", "composed")]
    assert _found(glossary, "وأعلنت وزارة الداخلية العراقية") == [
        ("وزارة الداخلية العراقية", "Iraqi Interior Ministry", "term", "composed")]
    assert _found(glossary, "وقالت الخارجية الأميركية") == [  # no head: "the US Foreign Ministry"
        ("الخارجية الأميركية", "US Foreign Ministry", "term", "composed")]
    assert _found(glossary, "بحسب وزيرة الصحة التونسية") == [
        ("وزيرة الصحة التونسية", "Tunisian Health Minister", "term", "composed")]
    # the proclitic and the folded letters are handled like any glossary term
    assert _found(glossary, "لوزارة الدفاع")[0][1] == "Defence Ministry"


def test_press_variants_are_accepted_and_the_preferred_form_is_first() -> None:
    glossary = _glossary()
    match = glossary.match("وزارة الداخلية العراقية")[0]
    assert {"Iraqi Ministry of Interior", "Iraq's Interior Ministry", "Iraqi Ministry of the Interior"} \
        <= set(match.entry.targets)
    report = check_translation([match], "Iraq's Interior Ministry said")
    assert report.complete


def test_agencies_and_banks_take_a_country_and_universities_a_city() -> None:
    glossary = _glossary()
    assert _found(glossary, "ذكرت وكالة الأنباء الكويتية") == [
        ("وكالة الأنباء الكويتية", "Kuwait News Agency", "org", "composed")]
    assert _found(glossary, "محافظ بنك الجزائر")[0][:2] == ("بنك الجزائر", "Bank of Algeria")
    assert _found(glossary, "مصرف ليبيا المركزي")[0][:2] == ("مصرف ليبيا المركزي", "Central Bank of Libya")
    # بنك + country + المركزي is the central bank, not "Bank of Sudan" (the longer name wins)
    assert _found(glossary, "محافظ بنك السودان المركزي")[0][:2] == ("بنك السودان المركزي", "Central Bank of Sudan")
    assert _found(glossary, "طلاب جامعة القاهرة")[0][:2] == ("جامعة القاهرة", "Cairo University")
    assert _found(glossary, "بنك القاهرة")[0][1] == "Cairo"  # بنك takes a country; Cairo is a city
    assert [m.surface for m in glossary.match("جامعة الجزائر")] == ["الجزائر"]  # and جامعة a city


def test_a_glossary_row_wins_over_a_composed_name() -> None:
    glossary = _glossary(GlossaryEntry("وزارة الخارجية الأمريكية", "State Department", "org"))
    assert _found(glossary, "وزارة الخارجية الأمريكية") == [
        ("وزارة الخارجية الأمريكية", "State Department", "org", "glossary")]
    assert not any(e.source == "وزارة الخارجية الأمريكية" for e in glossary.composed)


def test_the_shipped_term_base_holds_the_composed_layer_and_its_version_says_so() -> None:
    glossary = Glossary.load()
    assert len(glossary.composed) > 1000
    assert glossary.match("وزير الداخلية الجزائري")[0].layer in {"composed", "glossary"}
    bare = Glossary(glossary.entries, gazetteer=glossary.gazetteer)
    assert bare.version != glossary.version


def test_red_crescent_societies_take_the_country() -> None:
    glossary = _glossary()
    match = glossary.match("قال مسعفون في الهلال الأحمر الفلسطيني")[0]
    assert (match.surface, match.target, match.layer) == ("الهلال الأحمر الفلسطيني", "Palestinian Red Crescent",
                                                          "composed")
    assert "Palestine Red Crescent Society" in match.entry.targets

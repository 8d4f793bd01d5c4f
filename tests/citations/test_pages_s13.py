"""Issue 15, session 13: whole press-review pages of batch 5 (tests/data/citations_pages.jsonl, build half).

Texts are variants written in the forms of the build pages (a Turkish media-highlights page that prints each
paper's name on a line over its headline and summary, a Tehran review that prints the name over a list of
headlines); the held-out pages are measured by benchmarks/citations_pages.py, not here.
"""

from __future__ import annotations

from translator.citations import parse_citations
from translator.citations.headings import page_heading_names
from translator.citations.parse import default_registry

# two papers the registry knows (Sabah, Milliyet) and three it does not (Posta, Karar, Dunya Gazetesi), printed
# the same way: the unknown names are headings too, because the page shows its pattern with the known ones
HEADINGS_OVER_HEADLINES = """\
Turkish Media Highlights — March 3, 2019

Sabah

Ankara Signs Gas Deal With Baku

The energy minister said the deal would cover the next ten years of supply to the western provinces.

Posta

Floods Hit the Black Sea Coast

Heavy rain closed roads in three provinces, and two villages were evacuated overnight by the army.

Milliyet

Teachers Get a Pay Rise

The education minister announced a rise of eight percent for the new school year, starting in September.

Karar

Opposition Walks Out of Parliament

Deputies left the chamber after the speaker refused a debate on the budget, the paper reported.

Dunya Gazetesi

Exports Break a Record
"""


def test_unknown_names_in_the_known_names_layout_are_headings() -> None:
    names = page_heading_names(HEADINGS_OVER_HEADLINES, default_registry())
    assert {"Posta", "Karar", "Dunya Gazetesi"} <= names
    assert not names & {"Ankara Signs Gas Deal With Baku", "Teachers Get a Pay Rise", "Exports Break a Record"}


def test_each_heading_cites_its_headline() -> None:
    found = [(c.outlet, c.title_english) for c in parse_citations(HEADINGS_OVER_HEADLINES)]
    assert ("Posta", "Floods Hit the Black Sea Coast") in found
    assert ("Karar", "Opposition Walks Out of Parliament") in found
    assert ("Dunya Gazetesi", "Exports Break a Record") in found
    assert ("Sabah", "Ankara Signs Gas Deal With Baku") in found


# the same shape with no name the registry knows: section headings of a news page, not papers
SECTIONS = """\
Weekly roundup

Politics

Parliament Debates the Budget

The debate went on until late in the night, with the opposition asking for more money for schools.

Economy

Prices Rise Again

Inflation rose to nine percent in February, the statistics office said on Monday morning.

Sports

Local Team Wins the Cup
"""


def test_no_known_name_no_page_headings() -> None:
    assert page_heading_names(SECTIONS, default_registry()) == frozenset()
    assert [c.outlet for c in parse_citations(SECTIONS) if c.outlet in {"Politics", "Economy", "Sports"}] == []


# a site's menu of paper names over the review: a run of names is no heading
MENU = """\
Sabah
Milliyet
Posta
Karar

Turkish papers on Monday covered the gas deal with Baku, and several ran it as their main story of the day.
"""


def test_a_menu_of_names_is_no_heading() -> None:
    assert page_heading_names(MENU, default_registry()) == frozenset()


# Persian names joined by the ezafe (``-e``/``-ye``), as reviews of the Iranian press transliterate the papers
# (the Tehran reviews of the build half): the ezafe is part of the name, not a description ("Saudi-owned")
def test_an_ezafe_name_is_one_name() -> None:
    got = [c.outlet for c in parse_citations("Donya-ye Eqtesad newspaper reported that the rial fell again.")]
    assert got == ["Donya-ye Eqtesad"]
    got = [c.outlet for c in parse_citations("According to an editorial in Hamdeli-ye Now, the talks will resume.")]
    assert got == ["Hamdeli-ye Now"]


def test_an_ezafe_name_opening_its_clause_with_a_press_verb_is_a_paper() -> None:
    got = [c.outlet for c in parse_citations("Meanwhile, Arman-e Melli reported that two ministers may resign.")]
    assert got == ["Arman-e Melli"]
    got = [c.outlet for c in parse_citations("Sobh-e Now’s editorial praised the budget bill.")]
    assert got == ["Sobh-e Now"]


def test_an_ezafe_phrase_that_is_no_subject_of_a_press_verb_cites_nothing() -> None:
    assert parse_citations("Velayat-e Faqih is the basis of the system, the cleric said.") == []

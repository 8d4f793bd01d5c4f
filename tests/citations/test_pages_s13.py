"""Issue 15, session 13: whole press-review pages of batch 5 (tests/data/citations_pages.jsonl, build half).

Texts are variants written in the forms of the build pages (a Turkish media-highlights page that prints each
paper's name on a line over its headline and summary, a Tehran review that prints the name over a list of
headlines); the held-out pages are measured by benchmarks/citations_pages.py, not here.
"""

from __future__ import annotations

from translator.citations import parse_citations
from translator.citations.headings import page_heading_names
from translator.citations.outlet_lines import outlet_genre_date
from translator.citations.parse import default_registry
from translator.glossary.outlet_registry import latin_key

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


# a verb that carries the item on is no new item (the Saudi and Emirati round-ups of the build half)
def test_continued_and_added_go_on_about_the_same_item() -> None:
    text = ("In its editorial, Okaz newspaper said that the new budget protects the poor.\n"
            "Okaz continued that the ministries must cut their running costs.\n")
    assert [c.outlet for c in parse_citations(text)] == ["Okaz"]
    text = ("Gulf News reported that the port will reopen on Sunday. The paper also added that two shipping lines "
            "will return.")
    assert [c.outlet for c in parse_citations(text)] == ["Gulf News"]


def test_a_new_paragraph_or_a_new_verb_is_a_new_item() -> None:
    text = ("Gulf News reported that the port will reopen on Sunday.\n\n"
            "Gulf News added a report on the heat wave in the northern emirates.")
    assert [c.outlet for c in parse_citations(text)] == ["Gulf News", "Gulf News"]
    text = "Okaz newspaper said that the budget protects the poor. Okaz also reported on the new stadium."
    assert [c.outlet for c in parse_citations(text)] == ["Okaz", "Okaz"]


# a list of papers as the subject of one verb (SPA's round-up of the Saudi dailies, build half)
def test_each_paper_of_a_list_before_newspapers_is_cited() -> None:
    text = "Al-Madina, Al-Riyadh, Al-Yaum and Okaz newspapers commented on the new housing programme."
    assert [c.outlet for c in parse_citations(text)] == ["Al-Madina", "Al-Riyadh", "Al-Yaum", "Okaz"]


# a press monitor's entry line: paper, kind of piece, day; the headline on the next line, the paper's or a
# writer's name after its colon (IDSA's Pakistan Urdu Press, build half)
MONITOR = """\
  • Ausaf Urdu Daily, editorial, March 2, 2010
    Load shedding must end before summer: Ausaf
    The daily says that the government promised an end to power cuts a year ago.

    Jinnah, Opinion column, March 3, 2010
    The budget ignores the farmers:  Tariq Hasan
"""


def test_an_outlet_genre_date_line_cites_the_headline_under_it() -> None:
    got = [(c.outlet, c.date, c.title_english, c.author, c.leaning) for c in parse_citations(MONITOR)]
    assert ("Ausaf", "2010-03-02", "Load shedding must end before summer", None, "Urdu") in got
    assert ("Jinnah", "2010-03-03", "The budget ignores the farmers", "Tariq Hasan", None) in got


def test_a_genre_line_without_a_year_is_no_entry() -> None:
    assert outlet_genre_date("Ausaf, editorial, March 2\nLoad shedding must end", default_registry()) == []


# the registry's key leaves the ezafe out: transliterations write it or not, and as -e, -ye or -i-
def test_the_registry_key_leaves_the_ezafe_out() -> None:
    assert latin_key("Jomhouri-ye Eslami") == latin_key("Jomhouri-e Eslami") == latin_key("Jomhouri Eslami")
    assert latin_key("Nawa-i-Waqt") == latin_key("Nawa-e-Waqt")
    assert latin_key("E News") == "e news"  # a first or last word is no ezafe


def test_the_press_rows_load_and_answer_their_spellings() -> None:
    registry = default_registry()
    assert not [p for p in registry.problems if "outlets.csv" in p]
    for name, canonical in (("Jomhouri Eslami", "Jomhouri-ye Eslami"), ("Donya-e-Eqtesad", "Donya-ye Eqtesad"),
                            ("Haberturk", "Habertürk"), ("Nawa-e-Waqt", "Nawa-i-Waqt"), ("Khabrein", "Khabrain")):
        found = registry.lookup(name)
        assert found is not None and found.canonical == canonical, name


# a paper's heading over a headline with a comma is no headline over an "Outlet, Place" line (IRD's review)
def test_a_heading_over_a_comma_headline_keeps_its_headlines() -> None:
    text = ("Resalat\n\nTalks Go On in Geneva: Both sides hopeful\n\n"
            "Kayhan\n\nTehran Did Not Yield, Talks Fruitless\n\n"
            "[Speaker of Parliament] Larijani: Majles will review the deal\n\n"
            "By Students and Teachers: New union will be founded\n\n"
            "Shargh\n\nPrices Rise Again in Tehran: Rents up ten percent")
    got = [(c.outlet, c.title_english) for c in parse_citations(text)]
    assert ("Kayhan", "Tehran Did Not Yield, Talks Fruitless") in got
    assert ("Kayhan", "By Students and Teachers: New union will be founded") in got
    assert sum(outlet == "Kayhan" for outlet, _ in got) == 3


# a report's source in brackets after it (Via Meadia's Turkish press review, build half)
def test_a_bracketed_source_after_the_report() -> None:
    got = parse_citations("Two reporters were freed by the rebels on Sunday (Türkiye newspaper).")
    assert [(c.outlet, c.leaning) for c in got] == [("Türkiye", None)]
    got = parse_citations("The talks were assumed to concern the gas pipeline (Habertürk newspaper).")
    assert [(c.outlet, c.leaning) for c in got] == [("Habertürk", None)]  # no description from the sentence

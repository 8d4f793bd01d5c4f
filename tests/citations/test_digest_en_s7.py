"""English press-digest layouts and prose forms of issue 15's seventh session (the English side).

The texts are written for these tests in the shapes the build halves of tests/data/citations_real.jsonl hold
(BBC Monitoring items, Yemen Times headings, SPA/QNA round-ups, The National's digest); every check runs
the real parser and registry.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from translator.citations import default_registry, parse_citations
from translator.citations.digest_en import digest_title, doubled_apostrophes, review_date
from translator.dates import parse_date


def one(text: str) -> dict:
    found = parse_citations(text)
    assert len(found) == 1, [c.to_dict() for c in found]
    return found[0].to_dict()


def test_monitor_item_with_bracketed_description() -> None:
    got = one("Al-Mada [Baghdad, independent political daily]: Minister says the budget will pass\n"
              "next week ... Parliament meets on Sunday")
    assert got["outlet"] == "Al-Mada"
    assert got["leaning"] == "Baghdad, independent political daily"
    assert got["title_english"] == "Minister says the budget will pass next week"


def test_bracketed_line_that_is_no_publication() -> None:
    # a man with a note in brackets is no outlet heading: no type noun, no registry name
    assert all(c.outlet != "Ali Hassan" for c in parse_citations("Ali Hassan [a former minister]: we will return"))


def test_yemen_times_heading_over_its_headline() -> None:
    got = one("Al-Shoura (Opposition, weekly, 12th June)\nGovernment Raises the Price of Diesel Again")
    assert got["outlet"] == "Al-Shoura"
    assert got["leaning"] == "Opposition, weekly"  # the issue day is no description
    assert got["title_english"] == "Government Raises the Price of Diesel Again"


def test_bracketed_man_is_no_heading() -> None:
    found = parse_citations("Al-Assad (president since 2000)\nVisits the northern provinces")
    assert all(c.outlet != "Al-Assad" for c in found)


def test_outlet_heading_over_dated_lines_and_headline_list() -> None:
    text = ("Al-Thawry [Archives:2006/900/Press Review]\n\nMarch 2 2006\n\nTuesday, February 28\nMain headlines\n\n"
            "– Teachers strike in three governorates\n\n– Fuel prices up again")
    found = parse_citations(text)
    assert found and found[0].outlet == "Al-Thawry"
    assert found[0].date == "2006-02-28"  # the day, its year from the review's date above
    assert found[0].title_english == "Teachers strike in three governorates"


def test_digest_title_cites_nothing_and_dates_the_papers_under_it() -> None:
    text = ("BBC Monitoring headlines, quotes from Iraqi press 5 May\n\n"
            "The following is a selection of headlines and quotes taken from the\n"
            "Iraqi press published on 5 May 2012:\n\n\n"
            "Al-Mada [Baghdad, independent daily]: Parliament postpones the vote on the oil law")
    found = parse_citations(text)
    assert [c.outlet for c in found] == ["Al-Mada"]  # BBC Monitoring is the digest, not a paper cited
    assert found[0].date == "2012-05-05"


def test_review_date_and_digest_title() -> None:
    assert review_date("Riyadh, April 20, 2019, SPA -- Saudi newspapers highlighted in their editorials").date \
        == "2019-04-20"
    assert review_date("The Daily Star - Lebanon's Arabic press digest - September 10, 2011").date == "2011-09-10"
    assert review_date("The minister arrived on September 10, 2011 for talks.") is None  # no review words
    assert digest_title("Arab press roundup for June 7:")
    assert not digest_title("Al-Ahram said the Arab press was divided.")  # a sentence that cites a paper


def test_agency_dateline_dates_the_paper_on_the_next_line() -> None:
    text = ("Riyadh, March 3, 2018, SPA -- Saudi newspapers highlighted in their editorials today a number of "
            "issues.\nOkaz newspaper in its editorial wrote that the plan will succeed.")
    got = one(text)
    assert got["outlet"] == "Okaz" and got["date"] == "2018-03-03"


def test_known_paper_heading_over_a_summary_paragraph() -> None:
    got = one("Youm7 press\n\n\nThe prime minister met the governors of the Delta provinces to discuss the "
              "wheat harvest.")
    assert got["outlet"] == "Youm7" and got["title_english"] is None
    got = one("Al-Ahram\n\nAl-Ahram\n\nThe prime minister met the governors of the Delta provinces on Monday.")
    assert got["outlet"] == "Al-Ahram" and got["title_english"] is None  # the heading printed twice is no headline


@pytest.mark.parametrize("text, outlet, leaning", [
    ("Al-Akhbar, close to Hezbollah, headlined its front page with the vote.", "Al-Akhbar", "close to Hezbollah"),
    ("In fact, Al-Mustaqbal, the party's mouthpiece, led its front page with the visit.", "Al-Mustaqbal",
     "party's mouthpiece"),
    ("Independent Al-Shorouk says on its front page that the vote was delayed.", "Al-Shorouk", "Independent"),
    ("Privately owned Al-Watan newspaper attempts a new approach in its criticism.", "Al-Watan", "Privately owned"),
])
def test_descriptions_around_the_name(text: str, outlet: str, leaning: str) -> None:
    got = one(text)
    assert (got["outlet"], got["leaning"]) == (outlet, leaning)


def test_possessive_is_no_description() -> None:
    got = one("said Ali Hamad in a column he published in his new Al-Sudani daily newspaper on Sunday.")
    assert got["outlet"] == "Al-Sudani" and got["leaning"] is None and got["author"] == "Ali Hamad"


def test_doubled_apostrophes_are_quotes() -> None:
    assert doubled_apostrophes("entitled ''The Exposed Doha'' said") == 'entitled  "The Exposed Doha"  said'
    assert doubled_apostrophes("the ministers'' meeting") == "the ministers'' meeting"  # no pair: unchanged
    got = one("Al-Riyadh newspaper in its editorial entitled ''Pilgrims first'' wrote that services improved.")
    assert got["title_english"] == "Pilgrims first"


def test_headline_lead_before_the_outlet() -> None:
    got = one("Under the headline “A new step for mediation,” Al-Arab highlighted the minister's visit")
    assert got["outlet"] == "Al-Arab" and got["title_english"] == "A new step for mediation"


def test_paper_named_by_its_web_address() -> None:
    registry = default_registry()
    assert registry.by_domain("http://www.almadapaper.net/ar/news").canonical == "Al-Mada"
    assert registry.by_domain("https://english.aawsat.com/x").canonical == "Asharq Al-Awsat"
    assert registry.by_domain("http://example.org/") is None
    got = one("Who Pays for the Reform? May 3, 2016 http://aawsat.com/ The plan was described as ambitious.")
    assert (got["outlet"], got["date"], got["title_english"]) == ("Asharq Al-Awsat", "2016-05-03",
                                                                  "Who Pays for the Reform?")


def test_misspelt_english_months() -> None:
    assert parse_date("On 6 Janaury 2016").date == "2016-01-06"
    assert parse_date("Febuary 3, 2019").date == "2019-02-03"
    assert parse_date("an agust assembly").date is None


def test_writer_named_in_the_prose_under_the_header() -> None:
    found = parse_citations("Al-Sahwa weekly 2 May 2002.\nOn the talks with the opposition Mr Ali Hasan wrote an "
                            "analysis saying the dialogue had failed.")
    assert found[0].outlet == "Al-Sahwa" and found[0].author == "Ali Hasan"
    found = parse_citations("Al-Sahwa weekly 2 May 2002.\nOn the talks with the opposition Mr Ali Hasan said the "
                            "dialogue had failed.")
    assert found[0].author is None  # a man quoted is no writer


def test_date_inside_a_quoted_passage_is_not_the_pieces() -> None:
    got = one("“THE period of the invasion was not easy for the people who lived through it from its first day on "
              "Aug 2, 1990,” columnist Ali Jamal wrote for Al-Qabas daily.")
    assert got["outlet"] == "Al-Qabas" and got["author"] == "Ali Jamal" and got["date"] is None


@pytest.mark.parametrize("text, author", [
    ("The paper mocked an article published in the Saudi Okaz newspaper written by Khaled Ali.", "Khaled Ali"),
    ("On June 25, Hassan Nasser wrote the following piece in Al-Akhbar daily:", "Hassan Nasser"),
    ("Algeria's independent El Khabar daily ran an editorial yesterday by Salim Dahmani about the vote.",
     "Salim Dahmani"),
])
def test_writers_around_the_outlet(text: str, author: str) -> None:
    assert one(text)["author"] == author


def test_benchmark_compares_descriptions_without_the_type_noun() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from citations_real import norm_description

    assert norm_description("the Saudi daily") == norm_description("Saudi")
    assert norm_description("Independent, weekly") == norm_description("Independent")
    assert norm_description("Baghdad, independent political daily") == "baghdad, independent political"
    assert norm_description("daily") == "daily"  # nothing but the type: kept
    assert norm_description("state-owned") != norm_description("privately owned")


def test_paper_after_the_quote_it_is_credited_with() -> None:
    assert one('"We will not resign," An Nahar added.')["outlet"] == "An Nahar"
    assert parse_citations('"We will not resign," the minister added.') == []


def test_column_in_a_days_edition_by_its_writer() -> None:
    got = one("A column in Tuesday's Al-Ahram by Salah Montasser argued that the plan would fail.")
    assert (got["outlet"], got["author"]) == ("Al-Ahram", "Salah Montasser")


def test_two_known_papers_as_one_subject() -> None:
    found = parse_citations("Both Al-Ahram and Al-Akhbar led with the president's speech.")
    assert [c.outlet for c in found] == ["Al-Ahram", "Al-Akhbar"]
    assert parse_citations("Egypt and Jordan signed the agreement.") == []


def test_sources_line_entries_end_at_the_stop_after_an_address() -> None:
    text = "Sources: Al-Ahram, http://www.ahram.org.eg/News/1.aspx. Al-Masry Al-Youm, http://www.almasryalyoum.com/n/2"
    found = parse_citations(text)
    assert [(c.outlet, c.url) for c in found] == [("Al-Ahram", "http://www.ahram.org.eg/News/1.aspx"),
                                                  ("Al-Masry Al-Youm", "http://www.almasryalyoum.com/n/2")]
    assert all(text[c.start:c.end] == c.raw for c in found)
    assert parse_citations("Sources: interviews with officials in Cairo.") == []


def test_markdown_headings() -> None:
    text = ("# Arab press review, 3 May 2019\n\n## Al-Ahram\nThe paper said the cabinet approved the budget in its "
            "session on Sunday evening.")
    got = one(text)
    assert (got["outlet"], got["date"], got["title_english"]) == ("Al-Ahram", "2019-05-03", None)
    assert text[got["start"]:got["end"]] == got["raw"]  # the marks are blanked for reading only

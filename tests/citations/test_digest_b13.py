"""English press reviews of batch 13 (session 8): forms from the build half of the real set, read in general."""

from __future__ import annotations

import pytest

from translator.citations import parse_citations


@pytest.mark.parametrize(("text", "leaning"), [
    ("The pro-government paper said it seems there remains a problem.", "pro-government"),
    ("The Dubai-based paper also published a separate article on jobs.", "Dubai-based"),
    ("In other words, the mainstream paper said, the dialogue could continue.", "mainstream"),
    ("The paper, partially owned by the government, stressed that unity matters.",
     "partially owned by the government"),
    ("The pro-government daily, which says it has the largest circulation, said Iraq is in crisis.", "pro-government"),
])
def test_a_back_reference_keeps_its_description(text: str, leaning: str) -> None:
    """UPI and Arabian Gazette refer back to the paper named before by what it is: no outlet, the description."""
    (citation,) = parse_citations(text)
    assert (citation.outlet, citation.leaning) == (None, leaning)


@pytest.mark.parametrize("text", [
    "The English-language daily said the conditions were too fragile.",  # a language, not a leaning
    "The mass-circulation daily added in a commentary that nothing changed.",  # circulation
    "The third daily said the talks failed.",  # a count
    "The paper, distributed in most Arab capitals, added that Iran insists.",  # where it is sold
])
def test_a_back_reference_without_a_description(text: str) -> None:
    for citation in parse_citations(text):
        assert (citation.outlet, citation.leaning) == (None, None)


def _one(text: str):
    (citation,) = parse_citations(text)
    return citation


def test_a_day_of_the_week_after_the_name_is_when_it_said_it() -> None:
    citation = _one("The Jordan Times Thursday welcomed the decision to postpone the referendum.")
    assert citation.outlet_canonical == "The Jordan Times"


def test_an_article_written_apart_in_lower_case_is_part_of_the_name() -> None:
    citation = _one('Rana Sabbagh, Jordanian journalist, writing in al Hayat: "The president described the King."')
    assert (citation.outlet, citation.outlet_canonical, citation.author) == ("al Hayat", "Al-Hayat", "Rana Sabbagh")


def test_a_known_name_goes_on_when_the_longer_name_is_another_paper() -> None:
    citation = _one("The Palestinian daily Al Hayat al Jadidah ran an opinion piece by Hassan al Batal this Sunday.")
    assert (citation.outlet_canonical, citation.author) == ("Al-Hayat al-Jadida", "Hassan al Batal")
    assert _one("The independent Al-Masri Al-Youm is waging a fierce campaign.").outlet_canonical == "Al-Masry Al-Youm"


def test_al_youm_is_the_saudi_daily_not_youm7() -> None:
    assert _one("Al-Youm added that the sectarianism was the reason.").outlet_canonical == "Al-Yaum"
    assert _one("Youm7 reported the news.").outlet_canonical == "Youm7"


def test_a_briefing_line_with_its_paper_in_parentheses_is_a_headline() -> None:
    citation = _one("- Jordanian authorities said to be cracking down on journalists (Elaph)")
    assert (citation.outlet, citation.author) == ("Elaph", None)
    assert citation.title_english == "Jordanian authorities said to be cracking down on journalists"
    assert _one("- Abdel Bari Atwan (Rai al-Youm)").author == "Abdel Bari Atwan"  # a name stays a writer


def test_an_outlet_colon_headline_line_over_its_summary() -> None:
    citation = _one("An-Nahar: Wave of warnings against repression\nThe parliamentary session did not stop it.")
    assert (citation.outlet, citation.title_english) == ("An-Nahar", "Wave of warnings against repression")


def test_a_writer_after_the_verb_with_a_comma_or_a_day_between() -> None:
    citation = _one("Things look grim, wrote Moghazy el Badraoui, in a column for the Emirati newspaper Al Bayan.")
    assert (citation.outlet, citation.author) == ("Al Bayan", "Moghazy el Badraoui")
    citation = _one("\"We suffer,\" wrote, on Sunday, Dr Saif Abdul Aziz in his column for the daily Al Ittihad.")
    assert citation.author == "Saif Abdul Aziz"


def test_a_heading_over_a_column_cited_with_its_writer_is_its_title() -> None:
    (citation,) = parse_citations("Revolution's thrill hasn't worn off yet\n\nThe landscape seems grim, wrote Moghazy "
                                  "el Badraoui, in a column for the Emirati newspaper Al Bayan on Friday.")
    assert citation.title_english == "Revolution's thrill hasn't worn off yet"
    (citation,) = parse_citations("Al Bayan in Arabic\n\nThe landscape seems grim, wrote Moghazy el Badraoui, in a "
                                  "column for the Emirati newspaper Al Bayan on Friday.")
    assert citation.title_english is None  # the paper's own heading is no title


def test_a_short_capitalised_quote_after_says_is_the_headline() -> None:
    assert _one("Khaleej Times says ‘Abbas makes history at UN’ while publishing his photograph.").title_english \
        == "Abbas makes history at UN"
    assert _one("Gulf News’ front page lead says “Every vote counts” above a photograph.").title_english \
        == "Every vote counts"
    assert _one('The Gulf Daily News says "scores of pictures" of flooded schools were posted.').title_english is None


def test_a_country_of_several_words_in_the_possessive_places_the_paper() -> None:
    assert _one("Saudi Arabia's Okaz commented in its editorial Monday on the meeting.").outlet_canonical == "Okaz"


@pytest.mark.parametrize("text", [
    "“We went to Al-Ahram,” he said.",
    '"We read Al-Ahram every day," she told reporters.',
    "Hezbollah attacked the Future Movement's mouthpiece yesterday.",
])
def test_no_citation_in_what_a_person_says_or_in_whose_paper(text: str) -> None:
    assert parse_citations(text) == []


def test_the_news_subject_in_an_appositive_is_no_writer() -> None:
    citation = _one("Fayez al-Sarraj, the chairman of the council, left Cairo on Wednesday, according to the "
                    "Cairo-based newspaper al-Mesryoon.")
    assert (citation.outlet, citation.author) == ("Al-Mesryoon", None)
    assert _one("Buthaina Shaaban, who published an article in the Al-Watan newspaper").author == "Buthaina Shaaban"


def test_a_back_reference_takes_the_paper_named_just_before() -> None:
    """UPI's review names a paper, then refers back to it: in a document the back-reference is bound to it,
    with a warning; two paragraphs on, the next paper named is the one referred to."""
    text = ("Egypt's al-Ahram warned in its editorial against an escalation. The semi-official daily said that "
            "sanctions are a bad idea.\n\nThe London-based ash-Sharq al-Awsat said summits should focus on one "
            "issue. The Saudi-owned daily added that resolutions failed.")
    got = [(c.outlet_canonical, c.leaning) for c in parse_citations(text)]
    assert got == [("Al-Ahram", None), ("Al-Ahram", "semi-official"), ("Asharq Al-Awsat", "London-based"),
                   ("Asharq Al-Awsat", "Saudi-owned")]
    assert "taken from the citation before" in parse_citations(text)[1].warnings[0]


def test_an_agency_dateline_is_no_outlet_and_gives_its_day() -> None:
    """SPA's English round-ups open with ``Riyadh, <day>, SPA --``: the city is no paper (Riyadh is not
    Al-Riyadh), the papers after it take the dateline's day, and a lead naming no paper cites the agency."""
    got = [(c.outlet_canonical, c.date) for c in parse_citations(
        "Riyadh, April 20, 2019, SPA -- Al-Riyadh newspaper said in its editorial that the summit matters.")]
    assert got == [("Al-Riyadh", "2019-04-20")]
    lead = _one("Riyadh, Safar 03 1439,October 23, 2017, SPA -- Saudi newspapers highlighted in their editorials "
                "today a number of issues.")
    assert (lead.outlet, lead.date) == ("SPA", "2017-10-23")
    assert [c.outlet for c in parse_citations("Riyadh, SPA -- Okaz newspaper wrote about Qatar.")] == ["Okaz"]


@pytest.mark.parametrize(("text", "outlet", "place", "date"), [
    ("Source: Al-Hayat website, London, in Arabic 12 Mar 09", "Al-Hayat", "London", "2009-03-12"),
    ("Al-Quds al-Arabi, London, in Arabic, 14 Jun 07, p 19", "Al-Quds al-Arabi", "London", "2007-06-14"),
    ("Source: Al-Safir, Beirut, in Arabic 5 Jan 10", "Al-Safir", "Beirut", "2010-01-05"),
])
def test_a_monitoring_source_line(text: str, outlet: str, place: str, date: str) -> None:
    """BBC Monitoring's ``Outlet[ website], City, in Arabic DD Mon YY`` line: outlet, place, day, language."""
    citation = _one(text)
    assert (citation.outlet, citation.place, citation.date, citation.title_language) == (outlet, place, date, "ar")


def test_prose_with_in_arabic_is_no_source_line() -> None:
    assert parse_citations("He lives in London, in Arabic 5 Jan 10") == []


def test_a_known_paper_then_a_sentence_after_a_colon_cites_the_paper_without_a_title() -> None:
    citation = _one("Al Jazeera: A bright cheery picture of Bush and Abdullah shaking hands, with a caption about "
                    "the close alliance of the two men, which did wonders for the King's image in the region.")
    assert (citation.outlet, citation.title_english) == ("Al Jazeera", None)

"""Issue 15, sixth session's follow-up: the kinds of batch 7's build-half misses, read from real lines.

Every passage here is a real one (its page beside it, as in tests/data/citations_real.jsonl).
"""

from __future__ import annotations

from translator.citations import parse_citations

# https://qiraah.net/media-ar/file-10477-10497.html (a translation digest: number - English headline, a blank
# line, "Outlet - M/D/YYYY, Category: ... Level: N", the Arabic headline)
QIRAAH = ("10477 - Saudi Arabia: Intensification of earthquakes in al-Ais indicate an imminent volcanic eruption."
          "\n\nAl-Hayat - 5/21/2009, Category: Geology Level: 1\n"
          "السعودية: إشتداد زلازل العيص مؤشر إلى انفجار بركاني وشيك")
# https://qiraah.net/media-ar/file-10408-10434.html
QIRAAH_AMBIGUOUS = ("10408 - Syria: Female teachers leaving their houses in search of work are burdened with "
                    "harassment.\n\nAl-Hayat - 10/6/2008, Category: Daily Life Level: 1\n"
                    "مدرّسات يتركن منازلهن بحثاً عن عمل مشحون بالمضايقات")


def test_dated_outlet_line_gives_the_headlines_above_and_below_it() -> None:
    [c] = parse_citations(QIRAAH)
    assert c.outlet == "Al-Hayat"
    assert c.date == "2009-05-21"
    assert c.title_english == "Saudi Arabia: Intensification of earthquakes in al-Ais indicate an imminent volcanic " \
                              "eruption."
    assert c.title_original == "السعودية: إشتداد زلازل العيص مؤشر إلى انفجار بركاني وشيك"


def test_ambiguous_date_of_such_an_entry_is_not_guessed_from_its_arabic_headline() -> None:
    [c] = parse_citations(QIRAAH_AMBIGUOUS)
    assert c.outlet == "Al-Hayat" and c.title_original.startswith("مدرّسات")
    assert c.date is None and set(c.date_candidates) == {"2008-10-06", "2008-06-10"}
    # the site's own order, once the caller gives it (a US site: month first)
    [c] = parse_citations(QIRAAH_AMBIGUOUS, day_first=False)
    assert c.date == "2008-10-06"


def test_an_unknown_name_before_a_dash_and_a_date_is_no_entry() -> None:
    # the same shape with a word no registry holds is left alone (it could be a place or a person)
    text = "Talks resume on the border dispute.\n\nMeanwhile - 5/21/2009, more later\nنص عربي"
    assert all(c.outlet != "Meanwhile" for c in parse_citations(text))


# https://lebanonandtheworld.com/عناوين-الصحف-الصادره-اليوم-الأربعاء-28-01-202... (Lebanese papers' headlines,
# each under its paper's name, one "-" item per headline)
LEBANON_HEADLINES = ["نداء الوطن\n\n-رسالة بعبدا للضاحية: “لبنان الساحة” انتهى",
                     "الديار\n\n-لبنان في العاصفة: لا مخرج قريب"]


def test_a_headline_whose_subject_holds_a_preposition_is_not_writer_and_title() -> None:
    for text in LEBANON_HEADLINES:
        [c] = parse_citations(text)
        assert c.author is None
        assert c.title_original == text.split("-", 1)[1]


def test_a_writer_and_title_under_an_outlet_line_is_still_read() -> None:
    # the columns digest form the rule must leave alone (forms.columnist_title's own example)
    [c] = parse_citations("الأهرام\nمرسى عطا الله: شهادة دولية")
    assert c.outlet == "الأهرام" and c.author == "مرسى عطا الله" and c.title_original == "شهادة دولية"


# https://yementimes.com/press-review-archives1999-01-press-review-20/ (each paper's header: name, frequency,
# the date; its affiliation in brackets on the next line)
YEMEN_TIMES = "Sanaa, weekly 11/1/99\n(Yemen Unitary Congregation)"
# https://yementimes.com/press-review-archives2001-25-press-review-3/
YEMEN_TIMES_2001 = "As-Sahwa weekly 14 June 2001."


def test_periodical_header_gives_outlet_affiliation_and_date() -> None:
    [c] = parse_citations(YEMEN_TIMES)
    assert c.outlet == "Sanaa" and c.leaning == "Yemen Unitary Congregation"
    # 11/1/99 is day or month first: not guessed on its own, read day first when the caller says so
    assert c.date is None and set(c.date_candidates) == {"1999-01-11", "1999-11-01"}
    [c] = parse_citations(YEMEN_TIMES, day_first=True)
    assert c.date == "1999-01-11"
    [c] = parse_citations(YEMEN_TIMES_2001)
    assert c.outlet == "As-Sahwa" and c.date == "2001-06-14"


def test_a_frequency_word_without_a_date_after_it_is_no_header() -> None:
    # written for the kind: a city, then "daily" in a sentence
    assert all(c.outlet != "Sanaa" for c in parse_citations("Sanaa, daily life goes on despite the shortages."))


# https://cdn.saudigazette.com.sa/morearticles/Opinion/125 and .../127 (an opinion listing: headline, then the
# outlet line run into the article's first sentence)
SAUDI_GAZETTE = [
    ("The language of snakes\nOkaz newspaperA Saudi expert in Turkish affairs who speaks fluent Turkish told me "
     "how lucky we are that we do not understand the Turkish language.", "The language of snakes"),
    ("Difference between winter in Sweden and in Yemen\nOkazAs we all know the history of the Houthi group, we "
     "believe that when they engage in peaceful dialogue and negotiations in the search for a political "
     "solution in Yemen, it is not because of their patriotism.", "Difference between winter in Sweden and in Yemen"),
]


def test_headline_over_an_outlet_line_run_into_the_text() -> None:
    for text, title in SAUDI_GAZETTE:
        [c] = parse_citations(text)
        assert c.outlet == "Okaz" and c.title_english == title


def test_a_sentence_over_a_glued_unknown_name_is_no_headline() -> None:
    # written for the kind: the first line ends with a full stop, then a name the registry does not hold
    text = "Talks resumed on Monday.\nHaddadAs the minister said, nothing was agreed."
    assert all(c.title_english != "Talks resumed on Monday." for c in parse_citations(text))


def test_akhir_lahza_heading_over_its_headline() -> None:
    # https://www.mugrn.net/ar/23681/ (Sudanese papers' headlines, batch 7); the registry row cites
    # Radio Dabanga's report on the Khartoum daily Akhir Lahza
    [c] = parse_citations("آخر لحظة:\nالمراجع العام يهدد بمقاضاة مؤسسات وشركات حكومية")
    assert c.outlet == "آخر لحظة" and c.outlet_canonical == "Akhir Lahza"
    assert c.title_original == "المراجع العام يهدد بمقاضاة مؤسسات وشركات حكومية"
    # "at the last moment" in prose is no outlet (written for the kind)
    assert parse_citations("وصل الوفد في آخر لحظة قبل إغلاق الحدود.") == []


def test_an_agency_dateline_does_not_hide_the_paper_and_gives_its_date() -> None:
    # https://palestine.dk/newspapers-review-daily-highlights-rise-in-israeli-attacks/ (WAFA's review of the dailies)
    text = ("RAMALLAH, October 2, 2013 (WAFA) – Al-Quds Arabic daily highlighted on its Wednesday front page rise "
            "in attacks by Israelis against Palestinians and their property in Jerusalem and the West Bank.")
    [c] = parse_citations(text)
    assert c.outlet == "Al-Quds" and c.date == "2013-10-02"
    assert c.start == 0  # the citation spans the dateline it took its date from


def test_mp_before_a_writer_is_a_title_not_a_name() -> None:
    # https://www.pressreader.com/kuwait/arab-times/20181205/281616716441297 (Arab Times), shortened
    text = ("“THE period of the Iraqi invasion of the State of Kuwait was not easy for the Kuwaiti people,” "
            "columnist and former MP Abdulmohsen Yusuf Jamal wrote for Al-Qabas daily.")
    [c] = parse_citations(text)
    assert c.outlet == "Al-Qabas" and c.author == "Abdulmohsen Yusuf Jamal"


def test_two_papers_named_together_are_two_citations() -> None:
    # http://www.oananews.org/content/news/general/al-raya-al-watan-siege-countries-responsible-damaging-gulf-social-fabric
    text = ("Doha, June 11 (QNA) - Al-Raya and Al-Watan Qatari dailies affirmed in their editorials Monday that the "
            "countries of the siege are responsible for harming the social fabric of the Gulf.")
    found = parse_citations(text)
    assert [(c.outlet, c.outlet_canonical, c.leaning) for c in found] == [
        ("Al-Raya", "Al-Raya", "Qatari"), ("Al-Watan", "Al-Watan (Qatar)", "Qatari")]
    # two people's names before "newspapers" are no papers (written for the kind)
    assert parse_citations("Ahmed and Mona Smith newspapers wrote that the talks failed.") == []

"""Digest layouts of batch 9's build half (session 7): an all-capitals headline list whose names run their
words together, and a byline that ends with the paper and the date (Azzaman's English article list)."""

from __future__ import annotations

from translator.citations import parse_citations


def test_all_capitals_list_with_a_run_together_name() -> None:
    (citation,) = parse_citations("THE DAILYSTAR: Will national dialogue survive FPM challenge?")
    assert citation.kind == "press_digest_headline"
    assert citation.outlet_canonical == "The Daily Star (Lebanon)"
    assert citation.title_english == "Will national dialogue survive FPM challenge?"


def test_a_run_together_name_needs_capitals() -> None:
    """Only an all-capitals label is read squashed: ``Thedailystar: ...`` in running text is no list entry."""
    assert [c.outlet for c in parse_citations("Thedailystar: Will national dialogue survive?")] != ["Thedailystar"]


def test_byline_with_the_paper_and_date_after_the_writer() -> None:
    text = ("Why did Obama change his estimate of the strength of Islamic State?\n\n"
            "By Fatih Abdulsalam Azzaman, September 30, 2014")
    (citation,) = parse_citations(text)
    assert (citation.kind, citation.outlet, citation.author, citation.date) == (
        "press_digest_byline", "Azzaman", "Fatih Abdulsalam", "2014-09-30")
    assert citation.title_english == "Why did Obama change his estimate of the strength of Islamic State?"
    assert text[citation.start:citation.end] == citation.raw


def test_byline_with_a_date_but_no_paper() -> None:
    """The writer alone before the date: the author and date are read, the outlet is not invented."""
    (citation,) = parse_citations("Iraq's long winter\nBy Sara Haddad, March 4, 2024")
    assert (citation.outlet, citation.author, citation.date) == (None, "Sara Haddad", "2024-03-04")


def test_a_sentence_referring_back_to_the_paper() -> None:
    """UPI's review names each paper once, then refers back to it: the citation is read with no outlet, and
    the paper's own description of itself is kept, and so are the words before the noun (session 8)."""
    (back,) = parse_citations("The paper, which describes itself as independent, noted that Tehran exploited this.")
    assert (back.kind, back.outlet, back.leaning) == ("press_review_attribution", None, "independent")
    (plain,) = parse_citations("The semi-official daily said that sanctions have proven to be a bad idea.")
    assert (plain.outlet, plain.leaning) == (None, "semi-official")


def test_no_back_reference_without_a_verb_of_saying() -> None:
    assert parse_citations("The daily life of people in Gaza is hard.") == []
    assert parse_citations("The paper mill closed in May.") == []


def test_arabic_writer_after_the_verb_and_the_paper() -> None:
    """AmmanNet's columnists pages: ``كتب في الدستور X`` and ``أما في الرأي فكتب X``: the writer follows."""
    (first,) = parse_citations("كتب في الدستور مهند مبيضين تحت عنوان التعديلات الدستورية ووجوبية التحديث ويقول سوف")
    assert (first.outlet, first.author) == ("الدستور", "مهند مبيضين")
    (second,) = parse_citations("أما في الرأي فكتب شحادة أبو بقر متساءلاً ماذا فعلت لجنة النواب القانونية")
    assert (second.outlet, second.author) == ("الرأي", "شحادة أبو بقر")
    (no_writer,) = parse_citations("كتب في الدستور الكثير عن التعديلات الدستورية")
    assert no_writer.author is None


def test_a_quoted_headline_with_a_word_in_guillemets_is_read_whole() -> None:
    (citation,) = parse_citations('في الدستور كتب حسين الرواشدة تحت عنوان "تعالوا نتوافق على «مواطنة» عادلة"')
    assert (citation.author, citation.title_original) == ("حسين الرواشدة", "تعالوا نتوافق على «مواطنة» عادلة")

"""English press-review layouts of issue 15's ninth session (the English side).

The texts are written for these tests in the shapes the build half of batch 16 in tests/data/citations_real.jsonl
holds (BBC's press reviews, the Jerusalem Post's "Hot off the Arab press", a media-watch page of Gulf
editorials); every check runs the real parser and the shipped registry.
"""

from __future__ import annotations

from translator.citations import default_registry, parse_citations
from translator.citations.outlet_lines import source_under_quote


def one(text: str) -> dict:
    found = parse_citations(text)
    assert len(found) == 1, [c.to_dict() for c in found]
    return found[0].to_dict()


def test_writer_in_a_country_s_paper_heading_the_quote() -> None:
    got = one("Karim Haddad in Lebanon's Al-Akhbar\n\nThe cabinet has run out of excuses and of time...")
    assert (got["author"], got["outlet_country"]) == ("Karim Haddad", "Lebanon")
    got = one("Sami Nasser in London-based Al-Quds al-Arabi\n\nNobody in the region believes the promise.")
    assert (got["author"], got["outlet_canonical"], got["leaning"]) == ("Sami Nasser", "Al-Quds Al-Arabi",
                                                                       "London-based")


def test_writer_set_off_by_commas_before_in() -> None:
    got = one("Hala Mansour, in Egypt's Al-Masry Al-Youm, said the new law \"ties the hands of judges\".")
    assert (got["author"], got["outlet_canonical"]) == ("Hala Mansour", "Al-Masry Al-Youm")


def test_a_sentence_about_a_place_names_no_writer() -> None:
    got = one("Protests in Cairo, the Egyptian daily Al-Shorouk reported, drew thousands.")
    assert got["author"] is None


def test_source_line_under_a_translated_quote() -> None:
    text = ("The summit must not end with another statement that nobody reads. The people expect deeds.\n\n"
            "Al-Watan - Qatar\n\n"
            "Reform cannot be imported; it grows at home or it does not grow at all.\n\n"
            "Editorial in Al-Ahram - Egypt\n\n"
            "We have waited long enough for an answer from Washington...\n\n"
            "Al-Quds Al-Arabi - London-based")
    found = [c.to_dict() for c in parse_citations(text)]
    assert [(c["outlet"], c["outlet_country"], c["place"], c["leaning"]) for c in found] == [
        ("Al-Watan", "Qatar", "Qatar", None), ("Al-Ahram", "Egypt", "Egypt", None),
        ("Al-Quds Al-Arabi", "UK (London)", None, "London-based")]
    assert all(c["title_english"] is None for c in found)


def test_unknown_paper_after_editorial_in_is_kept_as_written() -> None:
    got = one("Talks alone will not bring stability to the Gulf, whatever the envoys say.\n\nEditorial in Al-Watan "
              "Al-Omani - Oman")
    assert got["outlet"] == "Al-Watan Al-Omani" and got["place"] == "Oman"


def test_bare_paper_line_is_a_source_only_at_the_document_end() -> None:
    registry = default_registry()
    # mid-page, a bare name heads the paragraph under it; only a place or "Editorial in" makes it a source line
    assert source_under_quote("Al-Ahram", registry, after_prose=True, last=False) == []
    assert [d.outlet for d in source_under_quote("Al-Ahram", registry, after_prose=True, last=True)] == ["Al-Ahram"]
    assert [d.place for d in source_under_quote("Al-Ahram - Egypt", registry, after_prose=True, last=False)] \
        == ["Egypt"]
    # the passage above must be prose that ends a sentence; a headline over the name is another form
    assert source_under_quote("Parliament votes on the budget\nAl-Ahram - Egypt", registry, after_prose=False,
                              last=True) == []
    assert source_under_quote("Al-Ahram - Egypt", registry, after_prose=False, last=True) == []


def test_headline_over_outlet_city_day_line() -> None:
    got = one("Beyond the ceasefire\nAl-Khaleej, Sharjah, March 3\nThe war has changed the region for a "
              "generation.")
    assert (got["outlet"], got["title_english"], got["date"], got["place"]) == ("Al-Khaleej", "Beyond the ceasefire",
                                                                 None, "Sharjah")


def test_flattened_headline_outlet_city_day_with_writer() -> None:
    got = one("A budget for the few Al-Ahram, Cairo, June 4 The government presented its plan to parliament, "
              "says writer Ahmed Fathi.")
    assert (got["outlet"], got["title_english"], got["author"]) == ("Al-Ahram", "A budget for the few",
                                                                   "Ahmed Fathi")


def test_paper_line_over_a_numbered_headline() -> None:
    text = ("The Peninsula, Doha, Editorial, 2 October 2014, Thursday\n1. Talks Must Go On\nNobody gains from "
            "silence.\n\nGulf News, Dubai, Editorial, 3 October 2014, Friday\n2. A Region Waits")
    found = [c.to_dict() for c in parse_citations(text)]
    assert [(c["outlet"], c["date"], c["title_english"]) for c in found] == [
        ("The Peninsula", "2014-10-02", "Talks Must Go On"), ("Gulf News", "2014-10-03", "A Region Waits")]
    assert found[0]["outlet_country"] == "Qatar"


def test_registry_spellings_of_bbc_reviews() -> None:
    registry = default_registry()
    for name, canonical in [("Al-Jumhuriyah", "Al-Gomhuria"), ("Al-Khalij", "Al-Khaleej"),
                            ("Al-Ra'y Al-Am", "Al-Rai (Kuwait)"), ("Erem", "Erem News")]:
        assert registry.lookup(name).canonical == canonical
    got = one("Syria's Al-Thawrah said the protocol proved the government's good faith.")
    assert got["outlet_country"] == "Syria"


def test_a_chain_of_fathers_names_is_one_writer() -> None:
    got = one("\"Prices will not fall this year,\" wrote Dr Khalid Bin Fahd Bin Abdul Rahman in his column for the "
              "Emirati newspaper Al Khaleej.")
    assert got["author"] == "Khalid Bin Fahd Bin Abdul Rahman"
    got = one("Osama Bin Laden's death was front-page news in Al-Quds Al-Arabi, which said the region had changed.")
    assert got["author"] is None


def test_writer_after_a_dash_closing_the_quote() -> None:
    got = one("The summer will decide everything, and we shall see the results--Rami Haddad in Lebanese al-Bina'")
    assert (got["author"], got["leaning"]) == ("Rami Haddad", "Lebanese")


def test_the_item_s_day_is_no_part_of_the_description() -> None:
    got = one("Al-Mithaq weekly, organ of the GPC party April 23, 2001.")
    assert (got["leaning"], got["date"]) == ("organ of the GPC party", "2001-04-23")
    got = one("Al-Mustaqbal, the daily close to March 14, said the talks had failed.")
    assert got["leaning"] == "daily close to March 14"  # a coalition's name, not a day: no year follows


def test_english_language_papers_of_the_region_are_their_own_rows() -> None:
    registry = default_registry()
    for name, country in [("Yemen Observer", "Yemen (Sanaa)"), ("Al-Ahram Weekly", "Egypt"), ("Gulf Times", "Qatar"),
                          ("Yemen Times", "Yemen (Sanaa)"), ("Yemen Post", "Yemen (Sanaa)"),
                          ("Daily News Egypt", "Egypt")]:
        outlet = registry.lookup(name)
        assert (outlet.canonical, outlet.country) == (name, country)
        assert "session 9" in outlet.note and "http" in outlet.note  # every row says where it was read
    assert registry.lookup("Oman Observer").canonical == "Oman Observer"

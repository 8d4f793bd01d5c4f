"""A Sources block whose lines end without a full stop (new-user trial 8, F2).

An OE-Watch-style "Sources:" block from a brief: each line one house-style citation, the first ending on a bare
URL (no closing full stop), the last with an Arabic title only (real headlines: Ennahar Online, 20 Dec 2025;
APS, 22 Jan 2018; Emirates Voice, 11 Oct 2017). The first two came out as one citation whose English title held
all of line 1 and the title of line 2, with line 1's URL, and no warning.
"""

from __future__ import annotations

from translator.citations import parse_citations

ENNAHAR = ("“عطاف يجري مباحثات ثنائية مع نظيره الروسي (Attaf holds bilateral talks with his Russian counterpart),” "
           "Ennahar Online (pro-government Algerian daily), 20 December 2025, https://www.ennaharonline.com/")
APS = ("“روسيا-الجزائر: علاقات وطيدة و تطابق في وجهات النظر حول مختلف القضايا (Russia-Algeria: Strong relations "
       "and identical views on various issues),” Algérie Presse Service (Algeria’s state news agency), "
       "22 January 2018.")
EMIRATES = "“الرئيس الجزائرى يستقبل رئيس وزراء روسيا فى القصر الرئاسى,” Emirates Voice, 11 October 2017."


def _titles(text: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(c.title_original, c.title_english, c.date, c.url) for c in parse_citations(text)]


def test_a_line_ending_on_a_bare_url_is_its_own_citation() -> None:
    got = _titles("\n".join(["Sources:", ENNAHAR, APS, EMIRATES]) + "\n")
    assert got == [
        ("عطاف يجري مباحثات ثنائية مع نظيره الروسي", "Attaf holds bilateral talks with his Russian counterpart",
         "2025-12-20", "https://www.ennaharonline.com/"),
        ("روسيا-الجزائر: علاقات وطيدة و تطابق في وجهات النظر حول مختلف القضايا",
         "Russia-Algeria: Strong relations and identical views on various issues", "2018-01-22", None),
        ("الرئيس الجزائرى يستقبل رئيس وزراء روسيا فى القصر الرئاسى", None, "2017-10-11", None),
    ]


def test_a_line_ending_on_a_date_without_a_full_stop_is_its_own_citation() -> None:
    first = ENNAHAR.removesuffix(", https://www.ennaharonline.com/")  # "..., 20 December 2025" and no stop
    got = _titles("\n".join([first, APS, EMIRATES]))
    assert [g[2] for g in got] == ["2025-12-20", "2018-01-22", "2017-10-11"]
    assert got[0][1] == "Attaf holds bilateral talks with his Russian counterpart"


def test_one_citation_wrapped_over_lines_is_still_one() -> None:
    wrapped = ENNAHAR.replace(" (Attaf holds", "\n(Attaf holds").replace(" Ennahar Online", "\nEnnahar Online")
    (citation,) = parse_citations(wrapped)
    assert citation.title_english == "Attaf holds bilateral talks with his Russian counterpart"
    assert citation.outlet_canonical and citation.date == "2025-12-20"

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

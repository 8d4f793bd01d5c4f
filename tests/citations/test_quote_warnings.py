"""Quote-damage warnings: an ordinary closing quote after a known word is a quote, not a lost letter
(new-user finding 13: `"Algeria and Russia".` warned "could be Russian", “No concession” "could be concessions")."""

from __future__ import annotations

import pytest

from translator.citations import parse_citation
from translator.citations.quotes import repair_quotes

ORDINARY = [
    '"Algeria and Russia". Middle East Eye. Retrieved 2022-01-23.',
    "(Attaf: “No concession” on our principles)",
    "he said “no” twice",
    "the ‘Egypt’ file",
    "Lebanon’ and Syria'",
    "“Hezbollah” said",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_closing_quote_after_known_word_is_no_damage(text: str) -> None:
    repaired, repairs, warnings = repair_quotes(text)
    assert (repaired, repairs, warnings) == (text, [], [])


def test_damage_is_still_found_and_warned() -> None:
    # the change is local to a quote the quote reading wins: real damage still repairs or warns
    assert repair_quotes("the border with Morocc”),”")[0] == "the border with Morocco),”"
    assert repair_quotes("to ease trad”)")[0] == "to ease trade)"
    assert any("ra”e" in w for w in repair_quotes("a ra”e event")[2])


def test_citation_with_closing_quote_keeps_its_confidence() -> None:
    citation = parse_citation('"Algeria and Russia". Middle East Eye. Retrieved 2022-01-23.')
    assert not any("lost letter" in w for w in citation.warnings)

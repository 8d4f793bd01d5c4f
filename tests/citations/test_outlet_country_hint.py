"""A description's country decides between outlets that share a name (new-user trial 4, finding 10): the
adjective ("Syrian daily") and the country itself, possessive too ("Syria's privately owned daily")."""

from __future__ import annotations

import pytest

from translator.citations import parse_citations


@pytest.mark.parametrize(("text", "canonical"), [
    ("Syria's privately owned daily Al-Watan today covers the veto.", "Al-Watan (Syria)"),  # finding 10
    ("Egypt's daily Al-Watan today covers the veto.", "El-Watan (Egypt)"),
    ("The pro-government Syrian daily Al-Watan wrote that the talks failed.", "Al-Watan (Syria)"),
    ("The Qatari daily Al-Watan wrote that the talks failed.", "Al-Watan (Qatar)"),
    ("The Algerian daily El Watan reported the veto.", "El Watan (Algeria)"),
])
def test_the_country_of_the_description_picks_the_outlet(text: str, canonical: str) -> None:
    found = [c for c in parse_citations(text) if c.outlet_canonical]
    assert [c.outlet_canonical for c in found] == [canonical]
    assert not any("ambiguous" in w for w in found[0].warnings)

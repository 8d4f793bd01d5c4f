"""Reference-manager keys keep an accented outlet's letters (new-user trial 8, F8): "Algérie Presse Service"
gave ``algriepresseservice2018-1``; the accent is folded (``algerie``), as the project's Latin fold does."""

from __future__ import annotations

import json

from translator.citations import parse_citations
from translator.citations.format import export_citations

APS = ("“روسيا-الجزائر: علاقات وطيدة (Russia-Algeria: Strong relations),” Algérie Presse Service "
       "(Algeria’s state news agency), 22 January 2018.")


def test_bibtex_and_csl_keys_fold_accents_instead_of_dropping_letters() -> None:
    citations = parse_citations(APS)
    assert [c.outlet_canonical for c in citations] == ["Algérie Presse Service"]
    assert export_citations(citations, "bibtex").startswith("@article{algeriepresseservice2018-1,")
    assert [item["id"] for item in json.loads(export_citations(citations, "csl-json"))] == [
        "algeriepresseservice2018-1"]

"""The brief marks a term the glossaries do not hold with its layer, as the report does (new-user trial 6:
the gazetteer's reading of an ordinary word, `يشيد` "praises" as Hail, was listed as a glossary rendering)."""

from __future__ import annotations

from pathlib import Path

from translator.corpus.brief import brief_documents
from translator.corpus.run import run_batch
from translator.corpus.tables import read_table

TEXT = "التقى وزير الخارجية التركي نظيره في الجزائر وزار مدينة كوجالي.\n"


def test_terms_from_other_layers_carry_the_layer(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "visit.txt").write_text(TEXT, encoding="utf-8")
    run_batch(corpus, tmp_path / "out", translate=False, progress=False, report=False)
    segments = read_table(tmp_path / "out", "segments")
    layers = dict(zip(segments["glossary_terms"].iloc[0].split("; "), segments["term_layers"].iloc[0].split("; "),
                      strict=True))
    assert layers == {"وزير الخارجية التركي=Turkish Foreign Minister": "composed", "الجزائر=Algeria": "glossary",
                      "كوجالي=Kocaeli": "gazetteer"}
    (document,) = brief_documents(tmp_path / "out")
    assert document.terms == [("Turkish Foreign Minister (composed)", "وزير الخارجية التركي"),
                              ("Algeria", "الجزائر"), ("Kocaeli (gazetteer)", "كوجالي")]

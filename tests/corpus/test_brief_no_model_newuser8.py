"""Why a cited headline has no English, in the Word brief (new-user trial 8, F5).

After `translator batch` on a machine without a model, the brief said "run the batch with translation on"
although translation was on: the missing model was the reason. The hint now follows the headline's
``translation_status``. No model is installed in the test home (tests/conftest.py), so ``run_batch`` with
translation on fills ``no_model`` rows, as on such a machine.
"""

from __future__ import annotations

from pathlib import Path

from translator.corpus.brief import brief_documents, write_brief
from translator.corpus.readers import SourceFile, read_documents
from translator.corpus.run import run_batch

HEADLINE = "“الرئيس الجزائرى يستقبل رئيس وزراء روسيا فى القصر الرئاسى,” Emirates Voice, 11 October 2017.\n"


def _brief_lines(tmp_path: Path, *, translate: bool) -> tuple[list[str], str | None]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "sources.txt").write_text("Sources:\n" + HEADLINE, encoding="utf-8")
    out = tmp_path / "out"
    run_batch(corpus, out, translate=translate, progress=False, report=False, use_memory=False)
    (entry,) = brief_documents(out)
    (headline,) = entry.headlines
    (document,) = read_documents(SourceFile(write_brief(out, tmp_path / "brief.docx"), "brief.docx"))
    return document.text.split("\n\n"), headline.status


def test_without_a_model_the_brief_says_the_model_was_missing(tmp_path: Path) -> None:
    lines, status = _brief_lines(tmp_path, translate=True)
    assert status == "no_model"
    (line,) = [x for x in lines if x.endswith("— Emirates Voice")]
    assert "no translation model" in line and "translator models pull" in line
    assert "translation on" not in line


def test_with_translation_off_the_brief_says_to_turn_it_on(tmp_path: Path) -> None:
    lines, status = _brief_lines(tmp_path, translate=False)
    assert status == "disabled"
    assert "No English rendering yet (run the batch with translation on). — Emirates Voice" in lines

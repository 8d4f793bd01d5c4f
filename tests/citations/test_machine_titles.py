"""A machine-translated English title is marked as such in every output (new-user finding 3).

House styles already wrote "[machine translation]"; the reference-manager exports (RIS, BibTeX, CSL-JSON, which
Zotero imports) presented ``title_english_machine`` as the English title unmarked, even when QA had flagged it
(``translation_status`` suspicious). Every export is read back with the reader a reference manager would use.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from translator.citations.format import MACHINE_MARK, english_title, export_citations, format_citation

ORIGINAL = "تبون يستقبل لافروف"
MACHINE = "T Algerias agreement"


def _row(status: str | None, **extra: str) -> dict:
    row = {"kind": "news_citation", "title_original": ORIGINAL, "title_language": "ar",
           "title_english_machine": MACHINE, "outlet": "Echorouk", "date": "2025-06-05", **extra}
    if status is not None:
        row["translation_status"] = status
    return row


@pytest.mark.parametrize("status", ["translated", "suspicious", None])
def test_every_export_marks_a_machine_title(status: str | None) -> None:
    import bibtexparser
    import rispy

    rows = [_row(status)]
    (ris,) = rispy.loads(export_citations(rows, "ris"))
    assert ris["title"] == ORIGINAL and ris["translated_title"] == f"{MACHINE} [{MACHINE_MARK}]"
    (bib,) = bibtexparser.loads(export_citations(rows, "bibtex")).entries
    assert bib["title"] == ORIGINAL and bib["titleaddon"] == f"[{MACHINE}, {MACHINE_MARK}]"
    (csl,) = json.loads(export_citations(rows, "csl-json"))
    assert csl["title"] == f"{MACHINE} [{MACHINE_MARK}]" and csl["original-title"] == ORIGINAL
    assert format_citation(_row(status)).startswith(f"“{ORIGINAL} ({MACHINE} [machine translation]),”")
    assert f"[{MACHINE}, machine translation]" in format_citation(_row(status), style="chicago")


@pytest.mark.parametrize("status", ["failed", "no_model", "disabled"])
def test_no_translation_is_never_a_title(status: str) -> None:
    rows = [_row(status)]
    assert english_title(rows[0]) == (None, False)
    (csl,) = json.loads(export_citations(rows, "csl-json"))
    assert csl["title"] == ORIGINAL and "original-title" not in csl
    assert "TT  -" not in export_citations(rows, "ris")
    assert "titleaddon" not in export_citations(rows, "bibtex")


def test_a_human_english_title_is_not_marked() -> None:
    human = _row("suspicious", title_english="Tebboune receives Lavrov")
    assert english_title(human) == ("Tebboune receives Lavrov", False)
    assert "machine" not in export_citations([human], "ris") + export_citations([human], "bibtex") \
        + export_citations([human], "csl-json")
    reviewed = _row("human")  # a reviewer's rendering from the translation memory
    assert english_title(reviewed) == (MACHINE, False)


def test_cite_exports_a_batch_citations_table_with_the_mark(tmp_path: Path) -> None:
    import pandas as pd

    table = tmp_path / "citations.parquet"
    pd.DataFrame([_row("suspicious"), _row("translated")]).to_parquet(table)
    for fmt, expected in (("ris", f"TT  - {MACHINE} [{MACHINE_MARK}]"),
                          ("bibtex", f"titleaddon = {{[{MACHINE}, {MACHINE_MARK}]}}"),
                          ("csl-json", f'"title": "{MACHINE} [{MACHINE_MARK}]"')):
        out = subprocess.run([sys.executable, "-m", "translator", "cite", "--format", fmt, str(table)],
                             capture_output=True, text=True, timeout=300, check=True).stdout
        assert out.count(expected) == 2, (fmt, out)

"""translator/glossary/tbx.py: TBX v2 and v3 import."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.errors import GlossaryError
from translator.glossary import Glossary, import_tbx, write_tsv

DATA = Path(__file__).parent.parent / "data"

TBX_V3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="1">
      <descrip type="subjectField">place</descrip>
      <langSec xml:lang="ar"><termSec><term>الصحراء الغربية</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>Western Sahara</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_import_tbx_v2() -> None:
    entries = import_tbx(DATA / "glossary_sample.tbx")
    assert [(e.source, e.target, e.type) for e in entries] == [
        ("جبهة البوليساريو", "Polisario Front", "org"), ("تندوف", "Tindouf", "term")]
    polisario = entries[0]
    assert polisario.variants == ("البوليساريو",)
    assert polisario.target_variants == ("Polisario",)
    assert polisario.banned == ("Frente Polisario",)  # deprecated renderings are kept out of translations
    assert polisario.note == "Sahrawi independence movement"


def test_import_tbx_v3_with_namespace(tmp_path: Path) -> None:
    path = tmp_path / "v3.tbx"
    path.write_text(TBX_V3, encoding="utf-8")
    (entry,) = import_tbx(path)
    assert (entry.source, entry.target, entry.type) == ("الصحراء الغربية", "Western Sahara", "place")


def test_imported_terms_are_matched_after_writing_tsv(tmp_path: Path) -> None:
    out = tmp_path / "imported.tsv"
    write_tsv(import_tbx(DATA / "glossary_sample.tbx"), out)
    g = Glossary.load([out], include_default=False, include_outlets=False)
    assert [m.target for m in g.match("قيادة البوليساريو في تندوف")] == ["Polisario Front", "Tindouf"]


@pytest.mark.parametrize("content", ["not xml at all", "<martif><text><body/></text></martif>"])
def test_import_tbx_rejects_unusable_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"bad\.tbx"):
        import_tbx(path)

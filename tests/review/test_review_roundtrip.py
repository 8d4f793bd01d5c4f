"""The whole loop of issue 18 on the tiny model: batch → export XLIFF → edit N targets → import → batch again.

Exactly the N edited segments come back from the translation memory (status ``human``); every other Arabic
segment keeps its machine translation, taken from the MT cache rather than translated again.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

from translator.corpus.run import run_batch
from translator.corpus.tables import read_table
from translator.mt.memory import TranslationMemory
from translator.review import export_review, import_review

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PAIRS = pd.read_csv(ROOT / "tests" / "data" / "parallel_ar_en.tsv", sep="\t")
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
EDITED = 5


def test_edited_segments_come_back_from_memory_and_nothing_else(tmp_path: Path, tiny_model: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = list(dict.fromkeys(PAIRS["arabic"]))[:20]
    (corpus / "a.txt").write_text("\n\n".join(sources[:10]) + "\n", encoding="utf-8")
    (corpus / "b.txt").write_text("\n\n".join(sources[10:]) + "\n", encoding="utf-8")
    out, tm = tmp_path / "out", tmp_path / "tm.sqlite"
    options = {"model": str(tiny_model), "engine": "transformers", "threads": 1, "memory_path": tm,
               "progress": False, "report": False}
    first = run_batch(corpus, out, **options)
    assert first.ok and first.translation == "on"
    before = read_table(out, "segments")
    arabic = before[before["lang"] == "ar"]
    assert len(arabic) == 20 and set(arabic["translation_status"]) <= {"translated", "suspicious"}

    xlf = tmp_path / "review.xlf"
    assert export_review(out, xlf, memory=TranslationMemory(tm)) == 20
    tree = etree.parse(str(xlf))
    units = tree.getroot().findall(".//x:trans-unit", NS)
    edits: dict[str, str] = {}
    for i, unit in enumerate(units[::4][:EDITED]):  # every fourth unit, across both documents
        target = unit.find("x:target", NS)
        target.text = f"Reviewed rendering {i}: {target.text}"
        if i % 2:
            unit.set("approved", "yes")
        edits[unit.get("id")] = target.text
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")

    with TranslationMemory(tm) as memory:
        report = import_review(out, xlf, memory, translator="Amal")
    assert (report.read, report.added) == (EDITED, EDITED)

    second = run_batch(corpus, out, **options)
    assert second.processed_files == 2  # reviewed translations arrived: documents are redone
    after = read_table(out, "segments")
    after = after[after["lang"] == "ar"]
    ids = after["doc_id"] + "#" + after["segment_id"].astype(str)
    human = after[after["translation_status"] == "human"]
    assert set(ids[human.index]) == set(edits)  # exactly the N edited segments
    assert dict(zip(ids[human.index], human["translation_human"], strict=True)) == edits
    others = after.drop(human.index)
    assert len(others) == 20 - EDITED and others["translation_human"].isna().all()
    assert others["from_memory"].all()  # machine text from the MT cache, not translated again
    # the machine translation stays beside the human one and never replaces it in the memory
    assert (human["translation"] == arabic.set_index(arabic.index)["translation"][human.index]).all()
    with TranslationMemory(tm) as memory:
        assert {h.target for h in memory.all(["translated", "final"])} == set(edits.values())
        assert {h.translator for h in memory.all(["translated", "final"])} == {"Amal"}

    third = run_batch(corpus, out, **options)
    assert third.unchanged_files == 2 and third.processed_files == 0  # nothing new: nothing redone
    assert (read_table(out, "segments")["translation_status"] == "human").sum() == EDITED


def test_without_a_model_reviewed_and_published_translations_still_reach_the_tables(tmp_path: Path) -> None:
    """A machine with no model (this workplace's) must still show what people translated (issue 18)."""
    from translator.corpus.run import run_batch
    from translator.corpus.tables import read_table
    from translator.mt.memory import HumanTranslation, TranslationMemory

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    headline, english = "الجزائر تعلق معاهدة الصداقة مع إسبانيا", "Algeria suspends its friendship treaty with Spain"
    other = "وزير الخارجية الروسي يصل إلى الجزائر"
    (corpus / "a.txt").write_text(f"“{headline} ({english}),” Echorouk, 8 June 2022.\n\n{other}\n",
                                  encoding="utf-8")
    memory_path = tmp_path / "tm.sqlite"
    options = {"model": str(tmp_path / "no-such-model"), "memory_path": memory_path, "progress": False,
               "report": False}
    first = run_batch(corpus, tmp_path / "out", **options)
    assert first.translation != "on"
    with TranslationMemory(memory_path) as memory:
        assert memory.get_human(headline).target == english  # the corpus's own rendering was stored
        memory.add_many([HumanTranslation(other, "Russia's foreign minister arrives in Algiers", state="final")])
    again = run_batch(corpus, tmp_path / "out", **options)
    assert again.processed_files == 1  # a review arrived: the document is redone
    segments = read_table(tmp_path / "out", "segments").set_index("text")
    assert segments.loc[other, "translation_status"] == "human"
    assert segments.loc[other, "translation_human"] == "Russia's foreign minister arrives in Algiers"

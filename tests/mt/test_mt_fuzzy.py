"""Fuzzy matches from the translation memory (issue 18): Arabic-folded text, rapidfuzz ratio, a threshold."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

from translator.mt.fuzzy import FuzzyIndex, fold_for_fuzzy
from translator.mt.memory import TranslationMemory

ROOT = Path(__file__).resolve().parents[2]
HEADLINES = list(dict.fromkeys(pd.read_csv(ROOT / "tests" / "data" / "parallel_ar_en.tsv", sep="\t")["arabic"]))


def test_fold_uses_the_arabic_fold_and_keeps_only_words() -> None:
    assert fold_for_fuzzy("«مدينةُ تِندوف» الجزائريّة!") == fold_for_fuzzy("مدينه تندوف الجزائريه")
    assert fold_for_fuzzy("أعلن وزير الخارجية") == fold_for_fuzzy("اعلن وزير الخارجيه")
    assert fold_for_fuzzy("The  City, 2024") == "the city 2024"


def test_spelling_variants_score_as_exact_and_a_changed_word_as_fuzzy() -> None:
    index = FuzzyIndex()
    index.add("a", "وصل الرئيس الجزائري إلى وهران صباح اليوم")
    index.add("b", "ارتفعت أسعار النفط في الأسواق العالمية")
    assert index.search("وصل الرئيس الجزائرى الى وهران صباح اليوم") == [("a", 100.0)]
    [(key, score)] = index.search("وصل الرئيس الجزائري إلى قسنطينة صباح اليوم")
    assert key == "a" and 75 <= score < 100
    assert index.search("وصل الرئيس الجزائري إلى قسنطينة صباح اليوم", threshold=95) == []
    assert index.search("انخفضت درجات الحرارة في الشمال") == []
    assert index.search("") == []


def test_the_prefilter_finds_what_scoring_every_entry_finds() -> None:
    index = FuzzyIndex()
    for i, text in enumerate(HEADLINES):
        index.add(i, text)
    folded = [fold_for_fuzzy(t) for t in HEADLINES]
    queries = [" ".join(t.split()[:-1]) for t in HEADLINES if len(t.split()) >= 5]  # last word dropped
    assert len(queries) >= 10
    for query in queries:
        best = process.extractOne(fold_for_fuzzy(query), folded, scorer=fuzz.ratio, score_cutoff=60)
        found = index.search(query, threshold=60, limit=1)
        assert (found[0][0] if found else None) == (best[2] if best else None), query


def test_memory_fuzzy_returns_human_translations_and_can_leave_out_the_same_source(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    memory.put_human("وصل الرئيس الجزائري إلى وهران صباح اليوم", "The Algerian president reached Oran this morning",
                     state="final", translator="Amal")
    memory.put_human("ارتفعت أسعار النفط", "Oil prices rose", state="translated")
    [(human, score)] = memory.fuzzy("وصل الرئيس الجزائري إلى قسنطينة صباح اليوم")
    assert human.translator == "Amal" and 75 <= score < 100
    assert memory.fuzzy("وصل الرئيس الجزائري إلى قسنطينة صباح اليوم", threshold=90) == []
    same = "وصل الرئيس الجزائري إلى وهران صباح اليوم"
    assert [s for _, s in memory.fuzzy(same)] == [100.0]
    assert memory.fuzzy(same, exclude_exact=True) == []
    memory.put_human("ارتفعت أسعار النفط اليوم", "Oil prices rose today", state="final")  # the index follows
    assert [h.target for h, _ in memory.fuzzy("ارتفعت أسعار النفط اليوم", exclude_exact=True)] == ["Oil prices rose"]
    assert [h.target for h in memory.search("أسعار النفط")] == ["Oil prices rose", "Oil prices rose today"]
    assert [h.target for h in memory.search("ORAN")] == ["The Algerian president reached Oran this morning"]

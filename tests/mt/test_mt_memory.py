"""The SQLite translation memory: machine entries by key, human translations apart and never overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.errors import InputError
from translator.mt.memory import HumanTranslation, MemoryEntry, TranslationMemory, memory_key


def test_key_changes_with_every_part() -> None:
    base = ("ctranslate2", "Helsinki-NLP/opus-mt-ar-en", "abc123", "g1", "مدينة تندوف")
    keys = {memory_key(*base)}
    for i, other in enumerate(["transformers", "other/model", "def456", "g2", "مدينة الجزائر"]):
        changed = list(base)
        changed[i] = other
        keys.add(memory_key(*changed))
    assert len(keys) == 6


def test_key_ignores_what_normalization_removes() -> None:
    plain = memory_key("e", "m", "r", "g", "مدينة تندوف")
    assert memory_key("e", "m", "r", "g", " مدينـــة\u200f  تندوف ") == plain


def test_machine_entries_round_trip_and_persist(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    entry = MemoryEntry("مدينة تندوف", "The city of Tindouf", "suspicious", ["too-long"],
                        {"terms_found": 1}, "ctranslate2", "m", "r", "g")
    with TranslationMemory(path) as memory:
        memory.put("k1", entry)
        assert memory.get("missing") is None
    with TranslationMemory(path) as memory:
        got = memory.get("k1")
        assert got is not None and got.text == "The city of Tindouf" and got.flags == ["too-long"]
        assert got.info == {"terms_found": 1} and got.created
        assert set(memory.get_many(["k1", "k2"])) == {"k1"}


def test_many_keys_at_once(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    memory.put_many({f"k{i}": MemoryEntry(f"s{i}", f"t{i}") for i in range(1200)})
    assert len(memory.get_many(f"k{i}" for i in range(0, 1500))) == 1200
    assert memory.stats() == {"machine": 1200, "human": 0}


def test_human_translations_are_kept_first_come(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    assert memory.put_human("مدينة تندوف", "Tindouf city", "citation 1")
    assert not memory.put_human("مدينة تندوف", "Tindouf city", "citation 2")  # same rendering: kept once
    assert memory.put_human("مدينة  تندوف\u200f", "The town of Tindouf", "citation 7")  # another rendering
    first = memory.get_human("مدينة تندوف")
    assert first is not None and (first.target, first.provenance) == ("Tindouf city", "citation 1")
    assert [h.target for h in memory.get_humans("مدينة تندوف")] == ["Tindouf city", "The town of Tindouf"]
    memory.put("k", MemoryEntry("مدينة تندوف", "The city of Tindouf"))
    assert memory.get_human("مدينة تندوف").target == "Tindouf city"  # type: ignore[union-attr]
    with pytest.raises(InputError):
        memory.put_human("مدينة تندوف", " ")


def test_default_path_is_under_translator_home(translator_home: Path) -> None:
    memory = TranslationMemory()
    assert memory.path == translator_home / "translation-memory.sqlite"
    memory.put_human("مدينة تندوف", "Tindouf city")
    assert memory.path.exists()


def test_a_new_memory_is_created_when_first_written(tmp_path: Path) -> None:
    """A fresh memory and its MT cache open no file until written (issue 20): lookups find nothing, the
    reviewed version is that of an empty memory, and the first write creates the file with its schema."""
    path = tmp_path / "deep" / "tm.sqlite"
    memory = TranslationMemory(path)
    empty_version = memory.reviewed_version()
    assert memory.get_human("مدينة تندوف") is None and memory.all() == [] and memory.fuzzy("مدينة تندوف") == []
    assert memory.get_many(["k"]) == {} and not path.exists() and not memory.cache_path.exists()
    memory.put("k", MemoryEntry("مدينة تندوف", "The city of Tindouf"))
    assert memory.cache_path.exists() and not path.exists()
    assert memory.get_many(["k"])["k"].text == "The city of Tindouf"
    memory.put_human("مدينة تندوف", "Tindouf city", state="final")
    assert path.exists() and memory.get_human("مدينة تندوف").target == "Tindouf city"  # type: ignore[union-attr]
    assert memory.reviewed_version() != empty_version
    memory.close()
    with TranslationMemory(path) as again:  # and reads back as any memory does
        assert again.stats() == {"human": 1, "machine": 1}
    with TranslationMemory(tmp_path / "other.sqlite") as other:  # an empty table gives the same version
        other.put_human("x", "y")
        assert other.reviewed_version() == empty_version


def test_unusable_file_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "tm.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(InputError, match="move it aside"):
        TranslationMemory(bad)


# ----------------------------------------------------------------------------- issue 18: the two roles apart
def test_machine_output_lives_in_a_separate_cache_file_safe_to_delete(tmp_path: Path) -> None:
    from translator.mt.cache import MTCache

    memory = TranslationMemory(tmp_path / "tm.sqlite")
    memory.put_human("مدينة تندوف", "Tindouf city", state="final", translator="Amal")
    memory.put("k", MemoryEntry("مدينة تندوف", "The city of Tindouf"))
    assert memory.cache_path == tmp_path / "tm.mt-cache.sqlite"
    memory.close()
    with MTCache(tmp_path / "tm.mt-cache.sqlite") as cache:
        assert cache.get("k").text == "The city of Tindouf" and cache.clear() == 1  # type: ignore[union-attr]
    (tmp_path / "tm.mt-cache.sqlite").unlink()
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        assert memory.get_human("مدينة تندوف").translator == "Amal"  # type: ignore[union-attr]
        assert memory.stats() == {"machine": 0, "human": 1}


def test_reviewed_translation_wins_over_published_and_the_latest_review_wins(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    memory.put_human("مدينة تندوف", "Tindouf city", "citation 1")
    version = memory.reviewed_version()
    assert memory.put_human("مدينة تندوف", "The town of Tindouf", state="translated", file="a.xlf")
    assert memory.reviewed_version() != version
    assert memory.put_human("مدينة تندوف", "Tindouf, the city", state="translated", file="b.xlf")
    assert memory.get_human("مدينة تندوف").target == "Tindouf, the city"  # type: ignore[union-attr]
    # approving the earlier rendering raises it above the later one; nothing is deleted
    counts = memory.add_many([HumanTranslation("مدينة تندوف", "The town of Tindouf", state="final")])
    assert counts.to_dict() == {"added": 0, "raised": 1, "unchanged": 0}
    best = memory.get_human("مدينة تندوف")
    assert best is not None and (best.target, best.state, best.file) == ("The town of Tindouf", "final", "a.xlf")
    assert len(memory.get_humans("مدينة تندوف")) == 3


def test_a_failed_import_changes_nothing(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    memory.put_human("مدينة تندوف", "Tindouf city", state="final")
    before = memory.all()
    with pytest.raises(InputError, match="state"):
        memory.add_many([HumanTranslation("الجزائر", "Algeria", state="translated"),
                         HumanTranslation("وهران", "Oran", state="approved-ish")])
    with pytest.raises(InputError, match="both"):
        memory.add_many([HumanTranslation("الجزائر", "Algeria", state="translated"),
                         HumanTranslation("وهران", "  ", state="translated")])
    assert memory.all() == before


def test_human_translations_of_a_pre_split_memory_are_kept(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE human (source_key TEXT, source TEXT, target TEXT, provenance TEXT, created TEXT)")
        db.execute("INSERT INTO human VALUES ('مدينة تندوف', 'مدينة تندوف', 'Tindouf city', 'doc 3', '2025-01-01')")
    db.close()
    with TranslationMemory(path) as memory:
        found = memory.get_human("مدينة تندوف")
        assert found is not None and (found.target, found.state, found.provenance) == ("Tindouf city", "published",
                                                                                       "doc 3")


def test_get_human_many_gives_what_get_human_gives_for_each_source(tmp_path):
    """Issue 20: a translation call asks for every text's human translation in one query; the answer per
    source is get_human's (strongest state; the latest reviewed; the first published), sources without one
    are left out, and a memory not yet written answers without creating its file."""
    from translator.mt.memory import HumanTranslation, TranslationMemory

    fresh = TranslationMemory(tmp_path / "new.sqlite")
    assert fresh.get_human_many(["نص"]) == {}
    assert not (tmp_path / "new.sqlite").exists()
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    memory.add_many([
        HumanTranslation("خبر أول", "First published", state="published"),
        HumanTranslation("خبر أول", "Second published", state="published"),
        HumanTranslation("خبر ثان", "Translated early", state="translated"),
        HumanTranslation("خبر ثان", "Translated later", state="translated"),
        HumanTranslation("خبر ثالث", "Published", state="published"),
        HumanTranslation("خبر ثالث", "Final", state="final"),
    ])
    sources = ["خبر أول", "خبر  ثان", "خبر ثالث", "خبر رابع", "خبر أول"]  # a spacing variant, a miss, a repeat
    many = memory.get_human_many(sources)
    assert set(many) == {"خبر أول", "خبر  ثان", "خبر ثالث"}
    for source in sources:
        one = memory.get_human(source)
        assert (many.get(source) is None) == (one is None)
        if one is not None:
            assert many[source].to_dict() == one.to_dict()
    assert [many[s].target for s in sources[:3]] == ["First published", "Translated later", "Final"]

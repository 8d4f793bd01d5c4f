"""The SQLite translation memory: machine entries by key, human translations apart and never overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.errors import InputError
from translator.mt.memory import MemoryEntry, TranslationMemory, memory_key


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
    assert memory.path == translator_home / "translation-memory.sqlite" and memory.path.exists()


def test_unusable_file_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "tm.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(InputError, match="move it aside"):
        TranslationMemory(bad)

"""The matching fold's screen for characters that do not fold one for one (session 13, issue 16): one scan of a
character class where ``set.intersection`` hashed every character of a line. Its fast paths must give what the
character loop gives."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from translator.text import arabic

DATA = Path(__file__).resolve().parents[1] / "data"


def _loop_fold(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[int]]:
    """The fold by its character loop alone (the screen that leads to the fast paths always says no)."""
    with monkeypatch.context() as patched:
        patched.setattr(arabic, "_GLUED_AFTER_TEH_MARBUTA", re.compile(""))
        return arabic._fold_for_matching(text)


def _texts() -> list[str]:
    lines = [line for path in sorted(DATA.glob("gazetteer_mentions*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines()[:40]]
    rng = random.Random(13)
    alphabet = ("ابتثجحخدذرسشصضطظعغفقكلمنهويىةءأإآؤئ" "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
                "\u200b\u200c\u200d\ufefb\ufdfa\ufe8d\u0660\u06f5 abcÉé-،.")
    randoms = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(400)]
    return [*lines, *randoms, "", "مُحَمَّدٌ", "الـــجزائر", "ﻻ إله", "ﷺ", "الأممالمتحدة", "ٱلتَّوْرَىٰةَ"]


def test_fast_paths_give_the_loops_fold(monkeypatch: pytest.MonkeyPatch) -> None:
    for text in _texts():
        assert arabic._fold_for_matching(text) == _loop_fold(text, monkeypatch), text


def test_unusual_positions_are_the_sets_characters() -> None:
    for text in _texts():
        text.translate(arabic._TABLE)  # fills the table and the set, as the fold does first
        expected = [i for i, c in enumerate(text) if c in arabic._NOT_ONE_TO_ONE]
        assert arabic._unusual_at(text) == expected, text

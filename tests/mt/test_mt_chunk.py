"""Cutting over-long sentences into pieces under a token limit (translator/text/chunk.py)."""

from __future__ import annotations

import pytest

from translator.text.chunk import Chunk, chunk


def words(text: str) -> int:
    return len(text.split())


def test_short_text_is_one_piece() -> None:
    assert chunk("مدينة تندوف", 5, words) == [Chunk("مدينة تندوف")]


def test_cut_at_arabic_clause_marks_with_english_joiners() -> None:
    text = "أ ب ج، د ه و؛ ز ح ط: ي ك"
    assert chunk(text, 3, words) == [Chunk("أ ب ج", ", "), Chunk("د ه و", "; "), Chunk("ز ح ط", ": "),
                                     Chunk("ي ك")]


def test_neighbouring_clauses_are_packed_while_they_fit() -> None:
    assert chunk("أ ب، ج د، ه و ز ح", 5, words) == [Chunk("أ ب، ج د", ", "), Chunk("ه و ز ح")]


def test_latin_marks_are_kept_when_packing() -> None:
    assert chunk("a b, c d; e f g h", 4, words) == [Chunk("a b, c d", "; "), Chunk("e f g h")]


def test_long_clause_falls_back_to_words_and_nothing_is_lost() -> None:
    text = " ".join(f"w{i}" for i in range(23))
    pieces = chunk(text, 5, words)
    assert all(words(p.text) <= 5 for p in pieces)
    assert " ".join(p.text for p in pieces) == text
    assert [p.joiner for p in pieces] == [" "] * (len(pieces) - 1) + [""]


def test_overlong_word_is_cut_by_characters() -> None:
    pieces = chunk("abcdefg hi", 3, len)
    assert "".join(p.text + p.joiner for p in pieces) == "abcdefg hi"
    assert all(len(p.text) <= 3 for p in pieces)


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError):
        chunk("x", 0, len)

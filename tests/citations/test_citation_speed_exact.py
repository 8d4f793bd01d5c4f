"""The citation parser's speed-ups give what the code without them gave (issue 20): each pre-filter only skips
work that could not have found anything, and each remembered answer is the function's own."""

from __future__ import annotations

import json
import re
import string
import sys
from pathlib import Path

import pytest

from translator.citations import fields, inline
from translator.citations.quotes import QUOTE_CHARS, _best_reading, _reading_of
from translator.text import arabic

DATA = Path(__file__).resolve().parents[1] / "data"


def _lines() -> list[str]:
    """Every citation and document line of the test data (texts, headlines, prose)."""
    found: dict[str, None] = {}
    for name in ("citations_real.jsonl", "citations_cases.jsonl"):
        for row in map(json.loads, (DATA / name).read_text(encoding="utf-8").splitlines()):
            for key in ("raw", "text"):
                if isinstance(row.get(key), str):
                    found.update(dict.fromkeys(row[key].splitlines()))
    for name in ("citations_document.txt", "citations_house_style.txt", "seed_article.txt"):
        found.update(dict.fromkeys((DATA / name).read_text(encoding="utf-8").splitlines()))
    return [line for line in found if line.strip()]


LINES = _lines()


def test_the_data_has_lines_with_and_without_type_nouns() -> None:
    held = sum(inline._may_hold_type_noun(s) for s in LINES)
    assert len(LINES) > 300 and 50 < held < len(LINES)


def test_no_line_the_type_noun_filter_skips_matches_a_typed_pattern() -> None:
    patterns = inline._patterns()
    typed = [patterns[name] for name in patterns if id(patterns[name]) in inline._typed_patterns()]
    assert len(typed) == 6
    matched = 0
    for s in LINES:
        hits = [p for p in typed if p.search(s)]
        matched += bool(hits)
        assert not hits or inline._may_hold_type_noun(s), s
    assert matched > 20  # the check means something: many lines do match


def test_the_filter_folds_as_case_insensitive_matching_does() -> None:
    """Every character that ``re.IGNORECASE`` takes for an ASCII letter reads as that letter after the filter's
    fold (``ı``, ``ſ``, ``K`` and ``İ`` included), so a type noun written with one is not skipped."""
    any_letter = re.compile("(?i:[a-z])")
    letters = {x: re.compile(f"(?i:{x})") for x in string.ascii_lowercase}
    checked = 0
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if not any_letter.fullmatch(char):
            continue
        for letter, pattern in letters.items():
            if pattern.fullmatch(char):
                checked += 1
                assert char.translate(inline._IGNORECASE_ASCII).lower() == letter, hex(code)
    assert checked >= 52 + 4
    assert inline._may_hold_type_noun("the opposition DAİLY Al-Watan")
    assert inline._may_hold_type_noun("the ſite of Al-Watan")


@pytest.mark.parametrize("text", ["“بكري” يبحث تعويض “شهداء سبتمبر”", "‘we will not resign’", "no marks at all",
                                  "«الأهرام»", "Speaker: ‘we will not resign’", "“”"])
def test_quote_pairs_without_an_opening_mark_are_empty(text: str) -> None:
    assert (fields._single_pairs(text) == {}) == ("‘" not in text)
    assert (fields._double_pairs(text) == {}) == (text == "“”" or ("“" not in text and "«" not in text))


def test_remembered_answers_are_the_functions_own() -> None:
    arabic._is_arabic.cache_clear()
    fields.text_language.cache_clear()
    for s in LINES:
        for threshold in (0.5, 0.3):
            assert arabic.is_arabic(s, threshold) == arabic._is_arabic.__wrapped__(s, threshold), s
        assert fields.text_language(s) == fields.text_language.__wrapped__(s), s
    words = {w for s in LINES for w in re.findall(rf"[A-Za-z{re.escape(QUOTE_CHARS)}]+", s)
             if any(c in QUOTE_CHARS for c in w) and any(c.isalpha() for c in w)}
    assert len(words) > 20
    for word in words:
        positions = [i for i, ch in enumerate(word) if ch in QUOTE_CHARS]
        if len(positions) <= 3:
            fixed, readings = _best_reading(word, positions)
            assert _reading_of(word) == (fixed, tuple(readings)), word
    long_text = "ب" * 2_500  # over the remembered length: answered, not kept
    assert arabic.is_arabic(long_text) and fields.text_language(long_text) == "ar"

"""Arabic pre-normalization for the model, from the cases in tests/data/mt_normalization.tsv."""

from __future__ import annotations

import re
import unicodedata

import pytest

from translator.mt.normalize import TABLE, fold_keyboard_letters, memory_key_text, normalize_for_mt

from ..cases import cases


def _unescape(text: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text).replace("\\n", "\n")


def _cases() -> list[tuple[str, str, str]]:
    return [(c["name"], _unescape(c["raw"]), _unescape(c["expected"])) for c in cases("mt_normalization.tsv")]


@pytest.mark.parametrize(("name", "raw", "expected"), _cases(), ids=lambda v: str(v)[:40])
def test_normalization_cases(name: str, raw: str, expected: str) -> None:
    assert normalize_for_mt(raw) == expected


def test_every_listed_character_is_removed() -> None:
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines() if line.startswith("U+")]
    listed = [chr(int(row[0][2:], 16)) for row in rows if not row[1]]
    assert len(listed) >= 15
    for char in listed:
        assert normalize_for_mt(f"مدينة{char} تندوف") == "مدينة تندوف"
    for row in rows:  # a replaced character (alef wasla) becomes its replacement
        if row[1]:
            assert normalize_for_mt(f"مدينة {chr(int(row[0][2:], 16))}تندوف") == f"مدينة {row[1]}تندوف"


def test_memory_key_text_is_one_line() -> None:
    assert memory_key_text("  مدينة\n\nتندوف\u200f ") == "مدينة تندوف"


# Arabic typed on Persian and Urdu keyboards, and shapers that use the Persian yeh's presentation forms
# (U+FBFC-U+FBFF become U+06CC under NFKC): the model's tokenizer gets the Arabic letters (session 11's replay)
@pytest.mark.parametrize(("raw", "expected"), [
    ("رئیس الجمهوریة", "رئيس الجمهورية"),  # inside a word: ي
    ("علی الطاولة", "على الطاولة"),  # at a word's end: the dotless ى Arabic print writes for both
    ("سعودیًا", "سعوديًا"),  # before tanween it is still inside the word
    (unicodedata.normalize("NFKC", "\ufee3\ufbff\ufe8e\ufeea"), "مياه"),  # shaped مياه with a Persian medial yeh
    ("الکویت", "الكويت"),
    ("الجمھوریة", "الجمهورية"),
    ("وزارۃ الخارجیہ", "وزارة الخارجيه"),
    ("مدينة تندوف", "مدينة تندوف"),  # Arabic letters only: the same string back
])
def test_keyboard_letters_are_folded_for_the_model(raw: str, expected: str) -> None:
    assert fold_keyboard_letters(raw) == expected


def test_normalize_for_mt_keeps_the_letters_that_tell_persian_apart() -> None:
    persian = "وزیر امور خارجه ایران امروز با همتای عراقی خود دیدار کرد."
    assert normalize_for_mt(persian) == persian  # the translator still sees it is Persian (source-fa)


def test_engines_tokenize_keyboard_letters_as_the_arabic_ones(tiny_ct2_engine, tiny_marian_engine) -> None:  # type: ignore[no-untyped-def]
    typed, arabic = "أعلن رئیس الجمهوریة فی الکویت", "أعلن رئيس الجمهورية فى الكويت"  # final ی: ى
    assert tiny_ct2_engine._encode_many([typed]) == tiny_ct2_engine._encode_many([arabic])
    assert tiny_marian_engine.count_tokens([typed]) == tiny_marian_engine.count_tokens([arabic])
    assert tiny_marian_engine._encode([typed])["input_ids"].tolist() == \
        tiny_marian_engine._encode([arabic])["input_ids"].tolist()

"""Arabic pre-normalization for the model, from the cases in tests/data/mt_normalization.tsv."""

from __future__ import annotations

import re

import pytest

from translator.mt.normalize import TABLE, memory_key_text, normalize_for_mt

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

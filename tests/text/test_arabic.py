"""translator/text/arabic.py: folding for matching, offsets back to the original, digits, clitics."""

from __future__ import annotations

import unicodedata

import pytest

from translator.text import arabic
from translator.text.arabic import fold, fold_for_matching

from ..cases import cases

NORMALIZATION = cases("arabic_normalization.tsv")


@pytest.mark.parametrize("case", NORMALIZATION, ids=[c["note"] for c in NORMALIZATION])
def test_normalization_table(case: dict[str, str]) -> None:
    assert arabic.normalize(case["input"]) == case["expected"]
    assert arabic.fold_for_matching(case["input"])[0] == case["expected"]  # the offsets' fold says the same


@pytest.mark.parametrize("case", NORMALIZATION, ids=[c["note"] for c in NORMALIZATION])
def test_offset_map_points_at_the_producing_character(case: dict[str, str]) -> None:
    text = case["input"]
    normalized, offsets = arabic.normalize_for_matching(text)
    assert len(offsets) == len(normalized) + 1
    assert offsets[-1] == len(text)
    assert offsets == sorted(offsets)
    for i, char in enumerate(normalized):
        if char != " " or text[offsets[i]] == " ":
            # every character comes from one original character (or is the space put after a glued ة)
            source = text[offsets[i]]
            assert char in arabic.normalize(source) or arabic.normalize(source) == "", (i, char, source)


def test_original_span_keeps_marks_written_on_the_last_letter() -> None:
    text = "في الجَزَائِرُ اليوم"
    normalized, offsets = arabic.normalize_for_matching(text)
    start = normalized.index("الجزاير")
    begin, end = arabic.original_span(text, offsets, start, start + len("الجزاير"))
    assert text[begin:end] == "الجَزَائِرُ"


def test_original_span_of_a_word_after_a_ligature() -> None:
    text = "ﻻ الجزائر"
    normalized, offsets = arabic.normalize_for_matching(text)
    assert normalized == "لا الجزاير"
    begin, end = arabic.original_span(text, offsets, 3, len(normalized))
    assert text[begin:end] == "الجزائر"


def test_strip_tatweel_and_tashkeel_change_nothing_else() -> None:
    assert arabic.strip_tatweel("لـ الجزائـــر") == "ل الجزائر"
    assert arabic.strip_tashkeel("الجَزَائِرُ أُمّ") == "الجزائر أم"
    assert arabic.strip_tashkeel("أإآ") == "أإآ"  # hamza letters are letters, not marks


def test_to_ascii_digits() -> None:
    assert arabic.to_ascii_digits("٢٣ أبريل ۱۴۰۳ and 7") == "23 أبريل 1403 and 7"


def test_to_ascii_digits_on_every_character_of_unicode() -> None:
    """The translate table (issue 17: speed) gives each character's own reading: a decimal digit of any script
    its ASCII digit, anything else itself; twice, so a filled table is asked too."""
    import sys
    import unicodedata

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    wanted = "".join(str(unicodedata.decimal(c)) if unicodedata.category(c) == "Nd" else c for c in every)
    assert arabic.to_ascii_digits(every) == wanted
    assert arabic.to_ascii_digits(every) == wanted
    assert arabic.to_ascii_digits("١٠ Apr") == "10 Apr"


@pytest.mark.parametrize(("text", "expected"), [
    ("الجزائر وغانا", True),
    ("Russia and Algeria", False),
    ("RT Arabic: لافروف يزور الجزائر", True),
    ("2025 - 12", False),
    ("", False),
])
def test_is_arabic(text: str, expected: bool) -> None:
    assert arabic.is_arabic(text) is expected


def test_clitics_come_from_the_data_file() -> None:
    written = {c.written for c in arabic.clitics()}
    assert {"و", "ف", "ب", "ك", "ل", "وب", "ول", "فل"} <= written
    # a bare article is deliberately absent: المالي is not مالي
    assert "ال" not in written and "بال" not in written
    assert all(c.elides_article == (c.written[-1] == "ل") for c in arabic.clitics())


def test_analyses_restore_the_article_after_lam() -> None:
    readings = {(a.clitic, a.stem) for a in arabic.readings(arabic.normalize("وللمغرب"))}
    assert ("ول", "المغرب") in readings
    assert ("", "وللمغرب") in readings


def test_analyses_keep_a_two_letter_stem_minimum() -> None:
    assert [a.stem for a in arabic.readings("وب")] == ["وب"]


def test_spelling_variants_join_and_split_name_parts() -> None:
    variants = arabic.spelling_variants(("عبد", "المجيد", "تبون"))
    assert ("عبدالمجيد", "تبون") in variants
    assert ("حسن", "نصر", "الله") in arabic.spelling_variants(("حسن", "نصرالله"))
    assert arabic.spelling_variants(("الجزاير",)) == {("الجزاير",)}


# --------------------------------------------------------------------------- one fold (issue 12)
def _fold_rows() -> list[dict[str, str]]:
    from translator.datafiles import read_tsv

    return [r for r in read_tsv("arabic_folds.tsv") if r["to"].strip()]


def _month_names() -> list[tuple[str, str, str]]:
    from translator.datafiles import read_tsv

    return [(r["name"], r["month"], r["calendar"]) for r in read_tsv("months.tsv") if arabic.is_arabic(r["name"])]


@pytest.mark.parametrize("row", _fold_rows(), ids=lambda r: r["from"])
def test_every_fold_row_reaches_dates(row: dict[str, str]) -> None:
    """A row of arabic_folds.tsv changes date reading as it changes glossary matching: one fold."""
    from translator.dates import parse_date

    source, target = chr(int(row["from"][2:], 16)), chr(int(row["to"][2:], 16))
    name, _month, calendar = next(m for m in _month_names() if target in m[0])
    year = "1445" if calendar == "hijri" else "2021"
    text = f"12 {name} {year}"
    swapped = text.replace(target, source)
    expected = parse_date(text).date
    assert expected is not None
    assert parse_date(swapped).date == expected, (swapped, expected)


def test_is_arabic_letter_agrees_with_the_script_table_of_langid() -> None:
    from translator.langid.scripts import char_script

    letters = [chr(c) for c in range(0x0590, 0x0900)] + [chr(c) for c in range(0xFB00, 0xFF00)]
    letters += [chr(c) for c in range(0x10E60, 0x10F00)] + [chr(c) for c in range(0x1EE00, 0x1EF00)]
    disagree = [f"U+{ord(c):04X}" for c in letters
                if c.isalpha() and arabic.is_arabic_letter(c) != (char_script(c) == "Arab")]
    assert disagree == []


def test_arabic_letter_set_is_is_arabic_letter_on_all_of_unicode() -> None:
    """Issue 20: is_arabic and contains_arabic count with a set built from a few blocks; it must hold exactly
    the characters is_arabic_letter accepts, anywhere in Unicode."""
    letter = arabic.is_arabic_letter.__wrapped__  # not the cached one: a million entries would stay in memory
    accepted = {chr(c) for c in range(0x110000) if letter(chr(c))}
    assert len(accepted) > 1000
    assert accepted == arabic._ARABIC_LETTERS
    for text in ("abc", "قال", "Reuters رويترز", "١٢٣", "ﷺ", "\U0001EE00x", "", "ـــ"):
        assert arabic.contains_arabic(text) == any(map(arabic.is_arabic_letter, text))
        letters = sum(c.isalpha() for c in text)
        share = sum(map(arabic.is_arabic_letter, text)) / letters if letters else 0
        assert arabic.is_arabic(text) == (letters > 0 and share >= 0.5)


def test_latin_letters_fold_once_accents_and_case() -> None:
    from translator.text.latin import fold_latin

    assert fold_latin("Février Al-Qudüs STRASSE") == "fevrier al-qudus strasse"
    folded, offsets = arabic.fold_for_matching("Février ١٢")
    assert folded == "fevrier 12" and offsets == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert arabic.normalize is arabic.fold and arabic.normalize_for_matching is arabic.fold_for_matching


def test_every_arabic_presentation_form_folds_without_recursion() -> None:
    """Every code point of the two presentation-form blocks folds (U+FDFD, the basmala ligature, has no NFKC
    expansion and used to recurse forever); what it folds to is already folded, offsets point at it."""
    for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]:
        char = chr(code)
        folded, offsets = fold_for_matching(f"ا{char}ب")
        assert fold(folded) == folded, hex(code)
        assert len(offsets) == len(folded) + 1 and offsets[-1] == 3, hex(code)
        assert all(offsets[k] == 1 for k in range(1, len(folded) - 1)), hex(code)
        expanded = unicodedata.normalize("NFKC", char)
        if expanded == char:
            assert folded[1:-1] in ("", char), hex(code)  # nothing to expand: kept (or dropped if a mark)
        else:
            assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in folded), hex(code)
    assert fold("\ufdfd") == "\ufdfd"
    assert fold("\ufdf2") == fold("الله")  # a ligature that does expand still folds like its letters


@pytest.mark.parametrize("text", [
    "", "   ", "الجزائر", "ab ab ab", "a_b a b_a", "aa a aaa a", "٢٠٢٣ عام 2023 عام", "x1 1x x 1 x1",
    "الجزائر وغانا — الجزائر، غانا! وغانا", "ـــ ،، الجزائر،الجزائر", "e\u0301e e\u0301",
])
def test_tokens_are_the_word_patterns_matches(text: str) -> None:
    """tokens() (words placed with str.find, issue 20) gives each maximal word run at its own offsets, as WORD's
    finditer does, repeated and overlapping-looking words included."""
    expected = [(m.start(), m.end(), m.group()) for m in arabic.WORD.finditer(arabic.fold(text))]
    assert arabic.tokens(arabic.fold(text)) == expected


def test_tokens_on_every_committed_text() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for path in sorted([*(root / "corpus").iterdir(), *(root / "tests" / "data").glob("*.tsv")]):
        if not path.is_file():
            continue
        folded = arabic.fold(path.read_text(encoding="utf-8", errors="replace"))
        assert arabic.tokens(folded) == [(m.start(), m.end(), m.group()) for m in arabic.WORD.finditer(folded)], path

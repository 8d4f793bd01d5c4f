"""Tests of translator/qa (issue 17) and the ``translator qa`` command.

Most cases live in tests/data/qa_cases.tsv (pairs and the flag kinds expected), which a translator can
extend without reading Python; the tests here cover offsets, the number and date readers, the data file
and the command line.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from translator.datafiles import read_tsv
from translator.errors import InputError
from translator.glossary import Glossary, GlossaryEntry
from translator.qa import KINDS, QAFlag, check
from translator.qa.numbers import find_quantities

from ..cases import cases

ROOT = Path(__file__).resolve().parents[2]


def _rows(path: Path) -> list[dict[str, str]]:
    """A language data file's rows, read (and checked against its schema) by the package's own reader."""
    return read_tsv(path)


CASE_ROWS = cases("qa_cases.tsv")


@pytest.mark.parametrize("row", CASE_ROWS, ids=[f"{i}:{r['target'][:40]}" for i, r in enumerate(CASE_ROWS)])
def test_case(row: dict[str, str]) -> None:
    flags = check(row["source"], row["target"])
    expected = Counter(k.strip() for k in (row["kinds"] or "").split(",") if k.strip())
    assert Counter(f.kind for f in flags) == expected, [f.detail for f in flags]


def test_cases_file_uses_known_kinds_only() -> None:
    assert len(CASE_ROWS) >= 40
    for row in CASE_ROWS:
        assert set(k.strip() for k in (row["kinds"] or "").split(",") if k.strip()) <= set(KINDS), row


def _spans(flag: QAFlag, source: str, target: str) -> tuple[str | None, str | None]:
    s = source[flag.source_start:flag.source_end] if flag.source_start is not None else None
    t = target[flag.target_start:flag.target_end] if flag.target_start is not None else None
    return s, t


def test_issue_instances_point_at_the_right_words() -> None:
    source, target = "أعلنت وزارة الصحة تسجيل ٣٤٥ إصابة جديدة", "The health ministry recorded 354 new cases"
    [flag] = check(source, target)
    assert _spans(flag, source, target) == ("٣٤٥", "354")
    source, target = "بلغت قيمة الصفقة 1.5 مليار دولار", "The deal was worth $1.5 million"
    [flag] = check(source, target)
    assert _spans(flag, source, target) == ("1.5 مليار", "1.5 million")
    source, target = "في 15 أيار/مايو 2022", "on 15 March 2022"
    [flag] = check(source, target)
    assert (flag.kind, *_spans(flag, source, target)) == ("date", "15 أيار/مايو 2022", "15 March 2022")
    assert "2022-05-15" in flag.detail and "2022-03-15" in flag.detail


def test_a_name_that_took_a_terms_place_is_named_with_its_span() -> None:
    source, target = "استقبل الرئيس تبون الوفد", "President Bouteflika received the delegation"
    [flag] = check(source, target)
    assert flag.kind == "name"
    assert _spans(flag, source, target) == ("تبون", "Bouteflika")
    assert "Tebboune" in flag.detail


def test_missing_and_new_numbers_have_one_side_each() -> None:
    source, target = "قتل 12 شخصا وأصيب 40 آخرون", "12 people were killed and dozens injured, 7 arrested"
    flags = check(source, target)
    assert [f.kind for f in flags] == ["number"]
    assert _spans(flags[0], source, target) == ("40", "7")
    [gone] = check("قتل 12 شخصا وأصيب 40 آخرون", "12 people were killed and dozens were injured")
    assert _spans(gone, "قتل 12 شخصا وأصيب 40 آخرون", "") == ("40", None)


@pytest.mark.parametrize(("text", "values"), [
    ("٣٤٥", [(345.0,)]), ("۱۲۰", [(120.0,)]), ("١٢٫٥٪", [(12.5,)]), ("١٬٥٠٠", [(1500.0,)]),
    ("1,500", [(1500.0,)]), ("1.500", [(1.5, 1500.0)]), ("1,234.5", [(1234.5,)]),
    ("1.5 مليون", [(1_500_000.0,)]), ("ثلاثة ملايين", [(3_000_000.0,)]), ("ألفين", [(2000.0,)]),
    ("مليون و200 ألف", [(1_200_000.0,)]), ("ثلاثمائة وخمسين", [(350.0,)]), ("three hundred and fifty", [(350.0,)]),
    ("two million five hundred thousand", [(2_500_000.0,)]), ("وبثلاثة", [(3.0,)]), ("الثلاثة", [(3.0,)]),
    ("في المئة", []), ("آلاف", []), ("between 10 and 15", [(10.0,), (15.0,)]), ("21st", [(21.0,)]),
    ("التاسع والستين", [(69.0,)]), ("الحادية والعشرين", [(21.0,)]), ("sixty-ninth", [(69.0,)]),
    ("the first ten months", [(1.0,), (10.0,)]), ("أول عشرة أشهر", [(1.0,), (10.0,)]),
])
def test_quantities(text: str, values: list[tuple[float, ...]]) -> None:
    assert [q.values for q in find_quantities(text)] == values


def test_weak_witnesses_answer_but_are_never_flagged_alone() -> None:
    assert [q.weak for q in find_quantities("لأول مرة الوزيران اثنين ثلاثة")] == [True, True, False]
    assert check("التقى الطرفان", "The two sides met for the first time") == []
    assert [f.kind for f in check("أصيب جنديان", "Three soldiers were wounded")] == ["number"]


def test_a_user_glossary_is_used_and_a_listed_variant_counts() -> None:
    glossary = Glossary([GlossaryEntry("الصخيرات", "Skhirat", "place", target_variants=("Skhirate",))])
    assert check("اتفاق الصخيرات", "The Skhirate agreement", glossary=glossary) == []
    [flag] = check("اتفاق الصخيرات", "The Rabat agreement", glossary=glossary)
    assert flag.kind == "name" and flag.source_start == 6


def test_empty_sides_are_not_checked_and_non_text_is_refused() -> None:
    assert check("", "anything") == [] and check("نص", "  ") == []
    with pytest.raises(InputError, match="str"):
        check("نص", None)  # type: ignore[arg-type]


def test_flags_are_json_ready() -> None:
    [flag] = check("سجلت ٣٤٥ إصابة", "345 cases and 12 deaths were recorded")
    assert json.loads(json.dumps(flag.to_dict())) == {
        "kind": "number", "detail": flag.detail, "source_start": None, "source_end": None,
        "target_start": 14, "target_end": 16}


# ----------------------------------------------------------------------------------------------- CLI
def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = os.environ.copy()
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "translator", "qa", *args], input=stdin.encode(),
                          capture_output=True, env=env, timeout=300)


def test_cli_reads_json_and_tsv_lines_and_exits_1_when_flagged(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.txt"
    pairs.write_text(json.dumps({"source": "سجلت ٣٤٥ إصابة", "target": "354 cases were recorded"},
                                ensure_ascii=False) + "\n\nقال الوزير إن ثلاثة جنود أصيبوا\t"
                     "The minister said three soldiers were wounded\n", encoding="utf-8")
    result = _run(str(pairs))
    assert result.returncode == 1, result.stderr.decode()
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["target"] for r in records] == ["354 cases were recorded",
                                              "The minister said three soldiers were wounded"]
    assert [f["kind"] for f in records[0]["flags"]] == ["number"] and records[1]["flags"] == []
    assert set(records[0]["flags"][0]) == {"kind", "detail", "source_start", "source_end", "target_start",
                                           "target_end"}


def test_cli_exit_0_when_clean_and_csv() -> None:
    result = _run("--format", "csv", stdin="سجلت ٣٤٥ إصابة\t345 cases were recorded\n")
    assert result.returncode == 0, result.stderr.decode()
    rows = list(csv.DictReader(result.stdout.decode().splitlines()))
    assert rows == [{"source": "سجلت ٣٤٥ إصابة", "target": "345 cases were recorded", "flags": "[]"}]


def test_cli_bad_line_is_named_and_exits_2_keeping_the_good_ones() -> None:
    result = _run(stdin="سجلت ٣٤٥ إصابة\t345 cases\nno tab here\n{\"source\": 1}\n")
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "standard input, line 2" in err and "tab" in err
    assert "line 3" in err and '"source" and "target"' in err
    assert len(result.stdout.decode().splitlines()) == 1


# ----------------------------------------------------------------------------------------------- data files
DATA = ROOT / "translator" / "data"


def test_number_words_file_has_known_kinds_and_no_word_twice() -> None:
    from translator.text.arabic import normalize

    rows = _rows(DATA / "number_words.tsv")
    assert len(rows) > 150
    seen = set()
    for row in rows:
        assert row["kind"] in {"cardinal", "hundred", "scale", "plural_scale", "half", "ordinal"}, row
        assert row["language"] in {"ar", "en"}, row
        assert float(row["value"]) > 0, row
        key = (normalize(row["word"]), row["language"])
        assert key not in seen, f"{row['word']} listed twice"
        seen.add(key)
    for row in rows:  # every word is read as its value, alone
        values = [q.values for q in find_quantities(row["word"])]
        if row["kind"] in ("cardinal", "ordinal", "hundred", "scale"):
            assert values == [(float(row["value"]),)], row


def test_relative_year_phrases_are_found_and_length_bounds_are_sane() -> None:
    from translator.qa.leftovers import length_bounds
    from translator.qa.numbers import years_in_words

    for row in _rows(DATA / "relative_years.tsv"):
        assert row["language"] in {"ar", "en"}
        assert years_in_words(f"x {row['phrase']} x") == 1, row
    low, high, min_chars = length_bounds("ar", "en")
    assert length_bounds("ar", "en", source_chars=10) is None and length_bounds("ar", "en", source_chars=10**6)
    assert 0 < low < 1 < high and min_chars > 0
    assert length_bounds("xx", "yy") is None


def test_length_bounds_widen_as_sources_get_shorter() -> None:
    from translator.qa.leftovers import length_bounds

    buckets = [length_bounds("ar", "en", source_chars=n) for n in (30, 100, 500)]
    assert all(b is not None for b in buckets)
    lows, highs = [b[0] for b in buckets], [b[1] for b in buckets]
    assert lows == sorted(lows) and highs == sorted(highs, reverse=True), buckets
    assert length_bounds("ar", "en", source_chars=10) is None  # below the first bucket: not checked


def test_a_generated_place_on_a_common_word_is_no_evidence_but_a_glossary_place_is() -> None:
    guessed = Glossary([GlossaryEntry(source="إلى", target="Alani", type="place", layer="gazetteer")])
    assert check("وصل الوفد إلى المدينة", "The delegation reached the city", glossary=guessed) == []
    listed = Glossary([GlossaryEntry(source="الزلفي", target="Al-Zulfi", type="place", layer="gazetteer")])
    flags = check("وصل الوفد إلى الزلفي", "The delegation reached the city", glossary=listed)
    assert [f.kind for f in flags] == ["name"]


def test_a_transliteration_variant_is_a_rendering_but_another_name_is_not() -> None:
    glossary = Glossary([GlossaryEntry(source="عبد المجيد تبون", target="Abdelmadjid Tebboune", type="person")])
    assert check("استقبل عبد المجيد تبون الوفد", "Abdelmajid Tebboun received the delegation", glossary=glossary) == []
    flags = check("استقبل عبد المجيد تبون الوفد", "Abdelaziz Bouteflika received the delegation", glossary=glossary)
    assert [f.kind for f in flags] == ["name"]


def test_punctuation_and_midway_flags_point_at_the_character() -> None:
    target = "He said the situation is stable (according to the ministry"
    flags = check("قال «إن الوضع مستقر (بحسب الوزارة)", target)
    (flag,) = [f for f in flags if f.kind == "punctuation"]
    assert target[flag.target_start:flag.target_end] == "(" and str(flag.target_start) in flag.detail
    target = "All seven new cases were linked to the"
    (flag,) = check("الحالات السبع الجديدة مرتبطة بالسفر.", target)
    assert flag.kind == "length" and target[flag.target_start:flag.target_end] == "the"


def test_source_readings_are_cached_per_glossary_and_can_be_cleared() -> None:
    from translator.qa import clear_caches

    source = "سجلت وزارة الصحة في الكويت 900 إصابة"
    plain = Glossary([])
    kuwait = Glossary([GlossaryEntry(source="الكويت", target="Kuwait", type="place")])
    assert check(source, "The ministry recorded 900 cases", glossary=plain) == []
    assert [f.kind for f in check(source, "The ministry recorded 900 cases", glossary=kuwait)] == ["name"]
    clear_caches()
    assert [f.kind for f in check(source, "The ministry recorded 909 cases", glossary=plain)] == ["number"]


@pytest.mark.parametrize(("text", "spans"), [
    ("خلال التسعة أشهر الأولى من 2023", [(1, 9, "التسعة أشهر الأولى")]),
    ("للربع الأول والنصف الثاني", [(1, 3, "للربع الأول"), (7, 12, "والنصف الثاني")]),
    ("in Q2/2024 and H1", [(4, 6, "Q2"), (1, 6, "H1")]),
    ("the first three quarters and the final quarter", [(1, 9, "first three quarters"), (10, 12, "final quarter")]),
    ("between July and September; كانون الثاني - آذار", [(7, 9, "between July and September"),
                                                          (1, 3, "كانون الثاني - آذار")]),
    ("October 27 to 30, 2025 and September 2024", []),  # days of one month, a month: no period
])
def test_periods_are_spans_of_months(text: str, spans: list[tuple[int, int, str]]) -> None:
    from translator.qa.numbers import _folded
    from translator.qa.periods import find_periods

    assert [(p.first, p.last, p.text) for p in find_periods(*_folded(text), text)] == spans


def test_a_changed_period_points_at_both_sides_and_its_numbers_are_not_quantities() -> None:
    source, target = "نما الناتج 2% خلال التسعة أشهر الأولى", "Output grew 2% in the first eight months"
    [flag] = check(source, target)
    assert flag.kind == "date" and _spans(flag, source, target) == ("التسعة أشهر الأولى", "first eight months")


def test_day_words_holes_and_cut_names_are_counted() -> None:
    from translator.qa.numbers import cut_names, days_in_words, holes

    assert days_in_words("منذ يوم أمس") == 1 and days_in_words("overnight, and yesterday") == 2
    assert days_in_words("اليوم الأحد") == 0 and days_in_words("on Sunday") == 0  # when, not how long
    assert holes("the same period in , the centre said") == 1 and holes("in 2023, the centre said") == 0
    assert cut_names("(COVID-) cases and COVID-19") == 1 and cut_names("COVID-related deaths") == 0


def test_glossary_matches_given_by_the_caller_are_used_as_the_source_s_own() -> None:
    source = "قال وزير الخارجية الكويتي إن الكويت سجلت 900 إصابة"
    kuwait = Glossary([GlossaryEntry(source="الكويت", target="Kuwait", type="place")])
    target = "The minister said Qatar recorded 900 cases"
    matches = kuwait.match(source)
    assert matches  # the caller's matches (as a batch's analysis has them), offsets into the source
    given = [f.to_dict() for f in check(source, target, glossary=kuwait, matches=matches)]
    assert given == [f.to_dict() for f in check(source, target, glossary=kuwait)]
    assert [f["kind"] for f in given] == ["name"]
    # the matches decide: none given means no term to check, whatever the glossary holds
    assert check(source, target, glossary=kuwait, matches=[]) == []


def test_a_hijri_date_further_off_says_official_calendars_differ_by_a_day() -> None:
    source = "وصل الوفد يوم 14 شوال 1446هـ."
    assert check(source, "The delegation arrived on 12 April 2025.") == []  # Umm al-Qura's day
    assert check(source, "The delegation arrived on 13 April 2025.") == []  # a calendar a day later
    assert check(source, "The delegation arrived on 11 April 2025.") == []
    flags = check(source, "The delegation arrived on 14 April 2025.")
    assert [f.kind for f in flags] == ["date"] and "one day either way" in flags[0].detail
    gregorian = check("وصل الوفد يوم 13 نيسان 2025.", "The delegation arrived on 14 April 2025.")
    assert [f.kind for f in gregorian] == ["date"] and "Hijri" not in gregorian[0].detail  # no tolerance there


def test_a_lost_minus_sign_points_at_both_numbers() -> None:
    source = "سجل النمو -0.3% في الربع الثاني"
    target = "Growth was 0.3% in the second quarter"
    (flag,) = check(source, target)
    assert flag.kind == "number" and flag.detail.startswith("-0.3 ")
    assert source[flag.source_start:flag.source_end] == "0.3" and target[flag.target_start:flag.target_end] == "0.3"


def test_leftovers_in_the_english_are_named_and_pointed_at() -> None:
    """Issue 17, eighth session: a Persian word left in is one flag across its ZWNJ and is called Persian; Urdu is
    called Urdu; Arabic-Indic digits are an ``untranslated`` leftover that says how English writes them; an Arabic
    comma is a ``punctuation`` leftover; an Arabic word is still called Arabic."""
    source = "قال الوزير إن الاقتصاد نما بنسبة 3 في المئة"
    target = "The minister said the economy می\u200cشود grew by 3 percent"
    (flag,) = check(source, target)
    assert flag.kind == "untranslated" and flag.detail.startswith("Persian left in the translation")
    assert target[flag.target_start:flag.target_end] == "می\u200cشود"
    (flag,) = check(source, "The minister said the economy grew by 3 percent یہ")
    assert flag.detail.startswith("Urdu left")
    (flag,) = check(source, "The minister said the economy (اقتصاد) grew by 3 percent")
    assert flag.detail == "Arabic left in the translation: 'اقتصاد'"
    assert source[flag.source_start:flag.source_end] == "اقتصاد"
    target = "The minister said the economy grew by ٣ percent"
    (flag,) = check(source, target)
    assert flag.kind == "untranslated" and "(English writes 3)" in flag.detail
    assert target[flag.target_start:flag.target_end] == "٣"
    target = "The minister said the economy grew by 3 percent، he added"
    (flag,) = check(source, target)
    assert flag.kind == "punctuation" and target[flag.target_start:flag.target_end] == "،"


def test_a_year_beside_a_year_in_words_may_go_but_not_change() -> None:
    """Issue 17, eighth session: ``هذا العام 2020م`` is one fact said twice; the English may give the phrase alone or
    leave both to context, but a year of its own in its place is a changed year, and a bare "the year" is a lost
    one."""
    source = "تترأس المملكة مجموعة العشرين هذا العام 2020م."
    assert find_quantities(source)[-1].apposed
    assert not check(source, "The kingdom chairs the G20.")
    assert not check(source, "The kingdom chairs the G20 this year.")
    assert [f.kind for f in check(source, "The kingdom chairs the G20 in 2021.")] == ["number"]
    assert not find_quantities("تترأس المملكة مجموعة العشرين في 2020.")[-1].apposed

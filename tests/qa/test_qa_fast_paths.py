"""The fast paths of translation QA's readers read what the plain readers read (issue 17: speed).

The number reader finds digits and number words without scanning every word (``numbers._tokens``), and the
period reader screens a text by its words, not by its month regex (``periods._months_at_most``). Each is checked
against the reader it replaces on every text of the published pairs (benchmarks/data/qa_pairs.tsv), the QA
cases, and texts written for the edges of the two scans (a name's dash, digits glued to letters, month names
written with digits or without their space).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from translator.qa import numbers, periods

from ..cases import cases

ROOT = Path(__file__).resolve().parents[2]

EDGES = [
    "5mبلد", "12thو ثلاثة", "abc5", "ab-5", "x -5", "a - 5", "1 - 5", "ab  - 5", "COVID-19 and 5th", "كوفيد19 و 5",
    "5th, 3bn and 2 million", "AED287 and USD5", "3 و 4", "و", "twenty-five and 2.5m k", "خمسة وعشرين ألفاً",
    "مليونين و804 آلاف", "minus 5 and -0.3%", "1ر90 و٣٤٥٫٥", "كوفيد – 19", "Vision 2030", "F-16s",
    "3 ت2 2022", "15 ت1 2023", "كانون2 و تشرين الثاني", "تشرينالثاني", "في الأرباع الثلاثة الأولى", "وبأيار",
    "January-September 2023", "mayor of headquarters", "q1 and h2", "بين يناير وسبتمبر", "لشهري أيار وحزيران",
    "Jerusalem J1*", "(G20)", "x5 and ab5", "a1b2", "5j1", "_j1", "é1",
]


def _texts() -> list[str]:
    path = ROOT / "benchmarks" / "data" / "qa_pairs.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader([line for line in fh if line.strip() and not line.startswith("#")],
                                   delimiter="\t", quoting=csv.QUOTE_NONE))
    texts = [text for row in rows for text in (row["source"], row["target"])]
    texts += [text for row in cases("qa_cases.tsv") for text in (row["source"], row["target"])]
    return texts + EDGES


TEXTS = _texts()


def test_the_texts_hold_what_the_fast_paths_skip() -> None:
    """The texts reach every branch: digits with a name's dash, number words, month names written with digits,
    period words, and a glued suffix that sends the reader back to the plain scan."""
    folded = [numbers._folded(t)[0] for t in TEXTS]
    assert any("-19" in f for f in folded) and any("ثلاثه" in f for f in folded)
    assert any(periods._month_names_with_digits()[1].search(f) for f in folded)
    assert sum(bool(periods._screen().findall(f)) for f in folded) > 100


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_number_tokens_equal_the_plain_scan(text: str) -> None:
    folded = numbers._folded(text)[0]
    assert numbers._tokens(folded) == numbers._tokens_scan(folded)


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_period_screen_never_skips_what_the_month_regex_finds(text: str) -> None:
    """The screen may let more patterns run than the month regex would (a count at least as high, a period
    word also inside "headquarters"), never fewer: what the patterns find is the same."""
    folded = numbers._folded(text)[0]
    words = periods._screen().findall(folded)
    months = sum(1 for w in words if w)
    assert periods._months_at_most(folded) >= months
    if len(words) > months:  # a period word
        assert any(word in folded for word in periods._PERIOD_WORDS)


def _date_texts() -> list[str]:
    """Every text of the date sets (hand cases, real date strings, real citation passages) and each month name of
    the reader's grammar written the ways a date writes it (behind a clitic, with a day and a year, glued to a
    digit), besides the QA texts: what the date screen is checked on."""
    import json

    from translator.datafiles import read_tsv

    texts = list(TEXTS)
    texts += [row["text"] for row in cases("dates_cases.tsv")]
    with (ROOT / "tests" / "data" / "dates_real.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader([line for line in fh if line.strip() and not line.startswith("#")],
                                   delimiter="\t", quoting=csv.QUOTE_NONE))
    texts += [row["text"] for row in rows]
    with (ROOT / "tests" / "data" / "citations_real.jsonl").open(encoding="utf-8") as fh:
        texts += [json.loads(line)["raw"] for line in fh if line.strip()]
    for row in read_tsv("months.tsv"):
        name = row["name"]
        texts += [f"5 {name} 2023", f"في 5 ب{name} 2023", f"و{name} 2024", f"{name} 12", f"12{name}2021",
                  f"on {name}, 2023", name.replace(" ", "") + " 2022"]
    texts += ["4 de abril de 2024", "17 сентября 2023", "12 فبرابر 2021", "Decembr 3, 2020", "16/12/2023",
              "12.06.2021", "2023-12-16", "الصحافة اليوم 26 – 02 – 2011", "الجزائر-10-5-2022", "12/05/22",
              "األلجنة في 5 مايو 2023", "MIDEAST MIRROR 04.06.15", "5 ינו׳ 2024", "12 14:05 2023 جوان"]
    return texts


DATE_TEXTS = _date_texts()


def test_the_date_texts_hold_dates_the_screen_lets_through() -> None:
    from translator.dates import find_dates

    assert sum(bool(find_dates(t)) for t in DATE_TEXTS) > 1000
    assert any(t for t in DATE_TEXTS if "сентября" in t and find_dates(t))


def test_date_screen_never_skips_what_the_date_reader_finds() -> None:
    """``qa.dates.may_hold_date`` says False only for texts where ``find_dates`` finds nothing (issue 17, eighth
    session: the screen that spares the reader's per-calendar scans on lines with digits but no date)."""
    from translator.dates import find_dates
    from translator.qa.dates import may_hold_date

    skipped_wrongly = [t for t in DATE_TEXTS if find_dates(t) and not may_hold_date(t)]
    assert skipped_wrongly == []
    assert sum(not may_hold_date(t) for t in DATE_TEXTS) > 300  # and it does skip: most QA lines hold no date


def test_the_named_number_screen_lists_every_name_of_its_patterns() -> None:
    """``numbers._tokens`` asks whether a number is part of a name (كوفيد 19, Vision 2030) only in texts whose words
    hold one of ``_NAME_WORDS``: that set is every name the two patterns accept, and each pattern takes its name as a
    whole word (no letter before it, only a space or dash between it and the digits)."""
    import re

    names = set()
    for pattern in (numbers._NAMED_BEFORE, numbers._DISEASE_BEFORE):
        assert pattern.pattern.startswith(r"(?<![^\W\d_])(?:") and r")\s*[-‐–]?\s*\Z" in pattern.pattern
        names |= set(re.search(r"\(\?:([^()]*)\)", pattern.pattern).group(1).split("|"))
    assert names == set(numbers._NAME_WORDS)


def test_last_word_found_from_the_end_is_the_search() -> None:
    """leftovers._last_word (issue 17: speed) gives the match _LAST_WORD.search gives from the same tail, on the
    benchmark's texts and on random strings of letters, marks, digits, full stops, underscores and spaces."""
    import random

    from translator.qa import leftovers

    texts = list(TEXTS)
    rng = random.Random(17)
    alphabet = "ab .\u200f\u200e_1²\u0301\nءé"
    texts += ["", " ", ".", "a.", "a..", "ab.cd", "word.\u200e\u200f  ", "abc_def", "²abc"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(90))) for _ in range(5000)]
    for text in texts:
        for tail in {0, max(0, len(text) - 60), max(0, len(text) - 3)}:
            want, got = leftovers._LAST_WORD.search(text, tail), leftovers._last_word(text, tail)
            assert (want and (want.span(), want.groups())) == (got and (got.span(), got.groups())), (text, tail)



def test_holes_screened_by_words_count_what_the_scans_count() -> None:
    """numbers.holes scans for a period's lost year only where " of " and a period word are written (issue 17:
    speed): the count is the plain scans' on every text."""
    extra = ["the second quarter of compared to", "the first half of, the", "nine months of growth", "period of x",
             "the Quarter of rises", "the quarter of the year", "months  of a", "in , the period of record",
             "the half\tof x"]
    for text in TEXTS + extra:
        plain = (len(numbers._HOLE.findall(text)) if numbers._SPACE_PUNCTUATION.search(text) else 0) \
            + (len(numbers._HOLE_COMPARED.findall(text)) if " compared" in text else 0) \
            + (len(numbers._PERIOD_OF.findall(text)) if " of " in text else 0)
        assert numbers.holes(text) == plain, text


def test_number_matches_tried_by_digits_are_the_scan() -> None:
    """numbers._number_matches tries _NUMBER_AT only at the four positions up to each digit (issue 17: speed) and
    finds what its finditer finds, on every text and on random strings of digits, dashes, spaces and letters."""
    import random

    rng = random.Random(17)
    alphabet = "12 -–‐\t.,abmkthsnدو٣"
    texts = [numbers._folded(text)[0] for text in TEXTS]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(40))) for _ in range(20000)]
    for text in texts:
        want = [(m.span(), m.groupdict()) for m in numbers._NUMBER_AT.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in numbers._number_matches(text)] == want, text


def test_days_in_words_screened_by_its_clue_counts_what_the_scan_counts() -> None:
    """numbers.days_in_words scans for the past day in words only where _DAY_CLUE finds what every phrase holds
    (issue 17: speed): the count is the plain scan's on every text and on phrases written for the clue's edges."""
    extra = ["yesterday", "overnight", "in a\tday", "over one day", "the past day", "last\nday", "within a day",
             "منذ أمس", "يوم أمس", "خلال يوم واحد", "ويوم\nواحد", "today and Monday", "اليوم", "a day", "someday"]
    for text in TEXTS + extra:
        assert numbers.days_in_words(text) == len(numbers._DAY_WORDS.findall(numbers._folded(text)[0])), text

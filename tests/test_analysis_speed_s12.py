"""Issue 20, session 12: the screens and shared readings the analysis's speed-ups rest on give the answers of the
code they stand in for, on every committed text (nothing here is timed)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from translator.citations.digest_ar import arabic_review_date
from translator.citations.fields import URL, dates_of, may_hold_url, text_language
from translator.dates import best_date, find_dates, parse_date

DATA = Path(__file__).parent / "data"


def _lines() -> list[str]:
    """Every line and JSON-lines string of the test data (dates, citations, sentences, langid)."""
    found: dict[str, None] = {}
    for path in sorted(DATA.glob("*")):
        if path.suffix not in (".tsv", ".jsonl", ".txt"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if path.suffix == ".jsonl" and line.strip():
                record = json.loads(line)
                values = record.values() if isinstance(record, dict) else []
                found.update({v: None for v in values if isinstance(v, str) and v.strip()})
            else:
                found.update({cell: None for cell in line.split("\t") if cell.strip()})
    return list(found)


LINES = _lines()


def test_the_committed_data_is_read() -> None:
    assert len(LINES) > 5_000


def test_a_line_without_a_url_marker_holds_no_url() -> None:
    # the URL pattern matches case-insensitively: no character folds to "w" but w and W, and "://" is literal
    assert {c for c in map(chr, range(sys.maxunicode + 1)) if re.fullmatch("w", c, re.IGNORECASE)} == {"w", "W"}
    for text in [*LINES, "see WWW.Example.com", "HTTPS://x.org", "httpſ://x.org", "no address here."]:
        assert may_hold_url(text) or URL.search(text) is None, text


def test_best_date_is_parse_date_given_the_dates() -> None:
    checked = 0
    for text in LINES:
        found = find_dates(text)
        if found:
            assert best_date(text, found) == parse_date(text), text
            checked += 1
    assert checked > 500
    with pytest.raises(ValueError):
        best_date("no date", [])


def test_the_review_date_reads_the_remembered_dates_as_parse_date_does() -> None:
    # arabic_review_date now asks dates_of (the parser's remembered find_dates) instead of parse_date
    kept = 0
    for text in LINES:
        line = text.strip()
        if not line or len(line) > 400 or "\n" in line:
            continue
        assert dates_of(line) == tuple(find_dates(line)), line
        found = parse_date(line)
        result = arabic_review_date(line)
        if result is not None:
            assert result == found and found.date is not None and len(found.date) == 10, line
            kept += 1
    assert kept >= 3  # the press reviews' own date lines are in the data
    assert arabic_review_date("2015-09-28 - 4:52 م").date == "2015-09-28"


@pytest.mark.parametrize(("title", "lang"), [
    ("Algeria suspends the friendship treaty with Spain", "en"),
    ("Лавров прибыл в Алжир", "ru"),
    ("שר החוץ הרוסי בביקור", "he"),
    ("L'Algérie suspend le traité d'amitié avec l'Espagne", "fr"),
    ("Cezayir İspanya ile dostluk anlaşmasını askıya aldı", "tr"),
])
def test_a_title_language_by_script_and_words(title: str, lang: str) -> None:
    # the Unicode names are looked up only where a letter is Greek or beyond: Latin titles skip them
    assert text_language(title) == lang

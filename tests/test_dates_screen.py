"""The date reader's screen (issue 20; one public screen since issue 17, ninth session: ``dates.may_hold_date``):
``find_dates`` returns at once for a line without a month name or a date's digits; that must never lose a date.
Checked against the reader without the screen on every committed text, on every character of Unicode whose fold
holds a digit, and on every month name of the data files."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from translator import dates
from translator.datafiles import read_tsv
from translator.text.arabic import fold

ROOT = Path(__file__).resolve().parent.parent
ORDERS: tuple[dict[str, Any], ...] = ({}, {"context_lang": "fr"}, {"day_first": False})


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def committed_texts() -> list[str]:
    """Every text of tests/data and corpus/: whole files, their lines, TSV cells and JSON string values."""
    texts: list[str] = []
    files = [p for p in sorted((ROOT / "tests" / "data").rglob("*")) + sorted((ROOT / "corpus").iterdir())
             if p.is_file() and p.suffix in {".tsv", ".txt", ".jsonl", ".md", ".html", ".json", ".tbx"}]
    for path in files:
        content = path.read_text(encoding="utf-8", errors="replace")
        texts.append(content)
        for line in content.splitlines():
            texts += [line, *line.split("\t")]
            if path.suffix in {".jsonl", ".json"} and line.strip().startswith(("{", "[")):
                with contextlib.suppress(ValueError):
                    texts += list(_strings(json.loads(line)))
    return [t for t in dict.fromkeys(texts) if t.strip()]


@pytest.fixture
def unscreened(monkeypatch: pytest.MonkeyPatch) -> Any:
    """find_dates with its screen turned off: every line read in full, as before the screen."""
    def read(text: str, **order: Any) -> list[dates.DateResult]:
        with monkeypatch.context() as patched:
            patched.setattr(dates, "_screen", lambda *args, **kwargs: True)
            return dates.find_dates(text, **order)
    return read


def screened_out(text: str) -> bool:
    return not dates.may_hold_date(text)


def test_the_screen_skips_no_date_in_committed_text(unscreened: Any) -> None:
    texts = committed_texts()
    assert len(texts) > 10_000
    skipped = [t for t in texts if screened_out(t)]
    assert 1_000 < len(skipped) < len(texts)  # the screen does skip lines, and not all of them
    for text in skipped:
        for order in ORDERS:
            assert unscreened(text, **order) == [] == dates.find_dates(text, **order), text
    kept = [t for t in texts if not screened_out(t)][:3000]
    for text in kept:  # the rest reads as before (the same code runs)
        assert unscreened(text) == dates.find_dates(text), text


def test_every_digit_of_unicode_passes_the_screen(unscreened: Any) -> None:
    """Every character whose fold holds a decimal digit (all of Unicode, surrogates aside) opens the screen in a
    date written with it (numeric, worded, a misspelt month), and those dates read alike with and without it. A
    digit alone is no date (the screen asks for a date's shape since issue 17, ninth session): the reader finds
    nothing there either."""
    digit = re.compile(r"\d")
    found = [c for c in map(chr, range(0x110000)) if not 0xD800 <= ord(c) < 0xE000 and digit.search(fold(c))]
    assert len(found) >= 600 and "٣" in found and "۵" in found
    for c in found:
        for text in (c, f"abc {c} xyz"):
            assert not screened_out(text) or unscreened(text) == [], hex(ord(c))
        for text in (f"1{c}/0{c}/202{c}", f"في 1{c} مايو 20{c}4", f"{c}{c}.0{c}.20{c}{c}", f"1{c} Decmber 202{c}"):
            assert not screened_out(text), (hex(ord(c)), text)
            assert unscreened(text) == dates.find_dates(text), text


def test_every_month_name_passes_the_screen(unscreened: Any) -> None:
    """Each month name of data/months.tsv, as written, with tashkeel and tatweel, clitics, capitals, without
    digits (``الخامس من مايو``) opens the screen and reads alike with and without it."""
    rows = read_tsv(dates._DATA / "months.tsv")
    assert len(rows) > 50
    for row in rows:
        name = row["name"]
        marked = "ـ".join(name[:2]) + "\u064e" + name[2:] if len(name) > 2 else name
        for text in (name, name.upper(), f"الخامس من {name}", f"غرة {marked}", f"و{name} المقبل", f"5 {name}",
                     f"The fifth of {name.title()}"):
            assert not screened_out(text) or unscreened(text) == [], text
            assert unscreened(text) == dates.find_dates(text), text
        assert not screened_out(f"{name} "), name

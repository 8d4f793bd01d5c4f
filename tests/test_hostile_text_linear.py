"""Hostile text costs time in proportion to its length (issue 13): a run of one word, one space, one digit or one
stop-and-quote repeated many times must not make a pattern backtrack or a loop re-read the text before it.

Each case times a public function on a long repeated input and on one ten times longer, in the same process
one after the other, in CPU seconds of this process (``time.process_time``: time spent waiting for a loaded
machine's cores is not counted), and asserts the ratio: a linear function gives about 10, a quadratic one
about 100 (each case below was 40× to 3,000× before its fix). The bound, 30, leaves room for a loaded
machine and for caches a short input fits in; the inputs are long enough (≥ 5 ms for the shorter one) that
the timer's resolution does not matter. No absolute time is asserted.

Owners fixed: ``citations/forms._split_several`` (``. “`` × n re-read everything since the last cut; space
runs), ``citations/headings._language_pattern`` (``.+?\\s+`` on a space run), ``citations/inline.
_arabic_name_after`` (the rest of the text copied and split after each ``صحيفة``), ``mt/translate.
english_marks`` (a walk back to the previous letter from each Arabic digit or comma); session 11: the
gazetteer's look-back to the text's start and its walks over every match for each match; session 12: ``forms.
_author_and_outlet`` and ``split_descriptor`` (every tail of a long list item looked up as an outlet name),
``mt/translate.markup_ends`` (closing tags at a line's end found by a search from every start)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from translator.citations import parse_citations
from translator.dates import find_dates
from translator.glossary.outlet_registry import OutletRegistry, forget_memos
from translator.mt.translate import english_marks, markup_ends

MAX_RATIO = 30  # for an input 10× longer: linear ≈ 10, quadratic ≈ 100


def _registry() -> OutletRegistry:
    return OutletRegistry.load()


def _resolve(text: str) -> object:
    forget_memos()  # each call reads the name afresh, as a new document would
    return _registry().resolve(text)


def _find_in_text(text: str) -> object:
    forget_memos()
    return _registry().find_in_text(text)


def _glossary_match(text: str) -> object:
    """The shipped term base's match, its per-text memory forgotten (each call matches afresh)."""
    from translator.glossary.remembered import forget_matches

    forget_matches()
    return _glossary().match(text)  # type: ignore[attr-defined]


_GLOSSARY: list[object] = []


def _glossary() -> object:
    if not _GLOSSARY:
        from translator.glossary import Glossary

        _GLOSSARY.append(Glossary.load())
    return _GLOSSARY[0]


FUNCTIONS: dict[str, Callable[[str], object]] = {
    "glossary_match": _glossary_match,
    "parse_citations": parse_citations, "resolve": _resolve, "find_in_text": _find_in_text,
    "english_marks": english_marks, "find_dates": find_dates, "markup_ends": markup_ends,
}

# (function, repeated unit, repeats of the shorter input, text around it)
CASES = [
    ("parse_citations", "صحيفة ", 300, ("", "")),
    ("parse_citations", "daily ", 2_000, ("", "")),
    ("parse_citations", " ", 10_000, ("x", "x")),
    ("parse_citations", "\n", 10_000, ("x", "x")),
    ("parse_citations", "٣", 10_000, ("", "")),
    ("parse_citations", ". “", 1_000, ("", "")),
    ("parse_citations", "\n“", 1_000, ("", "")),
    ("resolve", "صحيفة ", 2_000, ("", "")),
    ("resolve", "daily ", 2_000, ("", "")),
    ("resolve", "٣", 10_000, ("", "")),
    ("find_in_text", "daily ", 2_000, ("", "")),
    ("find_in_text", " ", 10_000, ("x", "x")),
    ("english_marks", "٣", 10_000, ("It rose by ", " he said")),
    ("english_marks", "، ", 5_000, ("", "")),
    ("find_dates", "صحيفة ", 10_000, ("", "")),
    ("find_dates", "daily ", 10_000, ("", "")),
    ("find_dates", "٣", 50_000, ("", "")),
    ("find_dates", ". “", 10_000, ("", "")),
    # many dates on one line: each chosen date was checked against every date chosen before it (session 11)
    ("find_dates", "crisis Al, Gaza, June 8 ", 500, ("", "")),
    ("parse_citations", "crisis Al, Gaza, June 8 ", 300, ("", "")),
    # a town after a given name (the gazetteer's look-back before each match ran to the text's start, session 11)
    ("glossary_match", "قال محمد رشيد في بغداد إن ", 200, ("", "")),
    # session 12: a list item's paragraph, each of its tails looked up as a name ("Author [description] Outlet")
    ("parse_citations", "the word ", 100, ("- ", "")),
    ("parse_citations", "- ", 300, ("", "x")),
    ("parse_citations", "the word ", 100, ("- John Smith in ", "")),
    # closing tags that end a line, read by a search from every start to the end
    ("markup_ends", "</b>", 1_000, ("", "x")),
    ("markup_ends", " ", 5_000, ("x", "x")),
    ("markup_ends", "</b> ", 1_000, ("", "")),
]


def _seconds(function: Callable[[str], object], text: str, at_least: float = 0.005) -> float:
    """Seconds per call, calls repeated until ``at_least`` seconds have passed (a short input's time is read
    over several calls), the best of three such rounds, in CPU seconds."""
    best = float("inf")
    for _ in range(3):
        calls, started = 0, time.process_time()
        while True:
            function(text)
            calls += 1
            elapsed = time.process_time() - started
            if elapsed >= at_least:
                break
        best = min(best, elapsed / calls)
    return best


@pytest.mark.parametrize(("name", "unit", "repeats", "around"), CASES,
                         ids=[f"{c[0]}-{c[1].strip() or repr(c[1])}-{c[2]}" for c in CASES])
def test_ten_times_the_text_is_about_ten_times_the_time(name: str, unit: str, repeats: int,
                                                        around: tuple[str, str]) -> None:
    function = FUNCTIONS[name]
    short, long = (around[0] + unit * n + around[1] for n in (repeats, 10 * repeats))
    function(short)  # the word lists and patterns loaded once, outside the timing
    ratio = _seconds(function, long, at_least=0) / _seconds(function, short)
    assert ratio < MAX_RATIO, f"{name} on {unit!r} × {repeats:,} then × {10 * repeats:,}: {ratio:.0f}× the time"


def test_english_marks_still_reads_the_nearest_letter() -> None:
    """The one walk gives what the walk back from each mark gave: the nearest letter before a mark, else the
    first letter after it, decides."""
    assert english_marks("It rose by ٢٥٪ in ٢٠٢٣، he said") == "It rose by 25% in 2023, he said"
    assert english_marks("(مدريد، إسبانيا) ٣ then") == "(مدريد، إسبانيا) ٣ then"
    assert english_marks("٣، then مدريد") == "3, then مدريد"
    assert english_marks("٣، مدريد then") == "٣، مدريد then"
    assert english_marks("٣ ٤") == "3 4"

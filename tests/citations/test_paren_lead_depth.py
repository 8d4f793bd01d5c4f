"""Issue #13: a Markdown list nested hundreds deep is read in work linear in its size by the citation parser.

The press-monitor pattern (``(Outlet, date) - text``, `blocks.PAREN_LEAD`) backtracked over a line's leading
spaces for every title length it tried, and `forms.paren_lead` handed it a copy of the rest of the text at every
line: a 600-deep list took minutes. The work is counted here, never timed: the characters the full pattern may
backtrack over, the calls of the parser's functions, and how many of its characters were copied.
"""

from __future__ import annotations

import random

import pytest

from translator.citations import blocks, parse_citations
from translator.citations.blocks import PAREN_LEAD, paren_lead_match


def _deep_list(depth: int, item: str = "- x") -> str:
    return "".join("  " * i + item + "\n" for i in range(depth))


def _groups(m):  # type: ignore[no-untyped-def]
    return None if m is None else {name: m.group(name) for name in ("title", "outlet", "date")}


def _spans(m, shift: int):  # type: ignore[no-untyped-def]
    return None if m is None else {name: tuple(i + shift if i >= 0 else i for i in m.span(name))
                                   for name in ("title", "outlet", "date")}


@pytest.mark.parametrize("seed", range(4))
def test_same_answer_as_the_pattern_on_the_rest_of_the_text(seed):
    """On random text made of the pattern's own pieces (spaces, tabs, line breaks, brackets, commas, dashes,
    dates, titles), at every line start and at random places: the same match, groups and spans as
    ``PAREN_LEAD.match(text[pos:])``."""
    rng = random.Random(seed)
    spaces = ["", " ", "  ", "\t", "\n", " \n ", " " * 40, " " * 198, " " * 203]
    titles = ["", "ab", "x", "Editorial: the day", "y" * 190, "y" * 200, "a (b", "t)"]
    outlets = ["Al-Ahram", "A", "Al, Ahram", "x" * 61]
    dates = ["1 August 2005", "2005", " 12 May 2010", "1 Aug\n2005"]
    tails = [" - text", "- text", " : t", "\n- t", " ", "", "text"]
    noise = [" ", "\n", "(", ")", ",", "-", "a"]
    compared = matched = 0
    for _ in range(600):
        text = "".join(rng.choice(spaces) + rng.choice(titles) + rng.choice(spaces[:4]) + "("
                       + rng.choice(outlets) + "," + rng.choice(dates) + ")" + rng.choice(tails)
                       for _ in range(rng.randint(1, 3)))
        for _ in range(rng.randint(0, 3)):  # a few characters changed, put in or taken out
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(noise) * rng.randint(0, 2) + text[at + rng.randint(0, 1):]
        if not text:
            continue
        starts = {0, *(i + 1 for i, ch in enumerate(text) if ch == "\n"), *(rng.randrange(len(text)) for _ in range(3))}
        for pos in sorted(starts):
            old = PAREN_LEAD.match(text[pos:])
            new = paren_lead_match(text, pos)
            assert (old is None) == (new is None), (text, pos)
            assert _groups(old) == _groups(new), (text, pos)
            assert _spans(old, pos) == _spans(new, 0), (text, pos)
            compared += 1
            matched += old is not None
    assert compared > 1000 and matched > 100  # both answers were met often


def test_edge_cases_of_the_title_before_the_bracket():
    """A title of two letters is still read with one leading space (the pattern's own quirk, kept); a title
    of 201 characters, a bracket with no space before it, a first bracket that closes: no match, as before."""
    cases = ["  ab (Al-Ahram, 1 August 2005) - text", "ab (Al-Ahram, 1 August 2005) - text",
             "y" * 201 + " (Al-Ahram, 1 August 2005) - text", "y" * 200 + " (Al-Ahram, 1 August 2005) - text",
             "Title(Al-Ahram, 1 August 2005) - text", "Title ) (Al-Ahram, 1 August 2005) - text",
             "\n\n   (Al-Ahram, 1 August 2005) - text", "Title\n(Al-Ahram, 1 August 2005) - text",
             "Title (Al-Ahram, 1 August 2005)\n- text", "   Title    (Al-Ahram, 1 August 2005) : text"]
    for text in cases:
        assert _groups(PAREN_LEAD.match(text)) == _groups(paren_lead_match(text)), text
    assert paren_lead_match(cases[0]).group("title") == " ab"
    assert paren_lead_match(cases[1]) is None and paren_lead_match(cases[2]) is None
    assert paren_lead_match(cases[3]).group("title") == "y" * 200


class _CountingPattern:
    """Stands in for the full pattern and adds up the characters each call may backtrack over (from where it
    starts to the end of that line: the title and the bracket lie on one line)."""

    def __init__(self, pattern) -> None:  # type: ignore[no-untyped-def]
        self.pattern, self.calls, self.window = pattern, 0, 0

    def match(self, text: str, pos: int = 0):  # type: ignore[no-untyped-def]
        self.calls += 1
        first = len(text) - len(text[pos:].lstrip())
        line_end = text.find("\n", first)
        self.window += (len(text) if line_end < 0 else line_end) - pos
        return self.pattern.match(text, pos)


def _work(text: str, monkeypatch) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """(full-pattern calls, characters they may backtrack over) while parse_citations reads ``text``.

    (An earlier version also counted every Python call with ``sys.setprofile``; in a test process that had
    started Ray, whose threads share the interpreter, that run took tens of minutes: the count is left out.)"""
    counting = _CountingPattern(blocks._PAREN_LEAD_AT)
    monkeypatch.setattr(blocks, "_PAREN_LEAD_AT", counting)
    parse_citations(text)
    return counting.calls, counting.window


@pytest.mark.parametrize("item", ["- x", "- x (Outlet, 1 Aug 2005) y", "- (Al-Ahram, 1 August 2005) - text"])
def test_deep_list_work_is_linear_in_its_size(item, monkeypatch):
    """250 and 600 levels (2.4× the lines, 5.8× the characters): the full pattern is tried at most twice per
    line, and the characters it may backtrack over grow no faster than the text (before: every line's
    whole indentation, for each title length tried, and a copy of the rest of the text per line). The copies are
    counted by test_merged_image_credit_block_is_not_copied_per_line."""
    small, large = _deep_list(250, item), _deep_list(600, item)
    tries_s, _ = _work(small, monkeypatch)
    tries_l, window_l = _work(large, monkeypatch)
    assert tries_l <= 2 * 600 and window_l <= 2 * 600 * (201 + len(item) + 1)  # the block finder, the form
    if PAREN_LEAD.match("    " + item) is None:  # as an indented line of the list
        assert tries_s == tries_l == 0  # the cheap tests rule the line out: the pattern is never tried
    else:
        assert tries_l >= 590  # tried on every line (block finder and form), each near its first non-space


def test_deep_list_finds_the_same_citations_as_a_shallow_one():
    """The press-monitor line is still read at any depth: one citation per item."""
    item = "- (Al-Ahram, 1 August 2005) - text"
    found = parse_citations(_deep_list(600, item))
    assert len(found) >= 599
    assert {c.outlet for c in found} == {c.outlet for c in parse_citations(_deep_list(3, item))}


def test_merged_image_credit_block_is_not_copied_per_line(monkeypatch):
    """A block of 3,000 image-credit lines merges into one piece; the piece before each new line is no longer
    copied to read it (it was: quadratic in the block's length). Counted: characters sliced out of the
    document by `_add`."""
    text = "".join(f"Image: photo {i} by Agence\n" for i in range(3000))
    copied = 0
    real_add = blocks._add

    class _Text(str):
        def __getitem__(self, key):  # type: ignore[no-untyped-def]
            nonlocal copied
            piece = str.__getitem__(self, key)
            if isinstance(key, slice):
                copied += len(piece)
            return piece

    def add(found, lines, text):  # type: ignore[no-untyped-def]
        return real_add(found, lines, _Text(text))

    monkeypatch.setattr(blocks, "_add", add)
    found = blocks.pieces(text)
    assert [p.hint for p in found] == ["image_credit"]
    assert copied <= 2 * len(text)

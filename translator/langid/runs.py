"""Split a mixed line into script runs: an Arabic headline inside an English citation line.

A run starts at its first letter and ends at its last letter of one script; the characters between two
runs (spaces, punctuation, digits, quotes, brackets) are then handed to one side:

- an opening bracket or quote goes with the run after it, a closing one with the run before it, so that
  ``(The army ...)`` and ``«الشروق»`` keep their brackets;
- punctuation and numbers after a run stay with it (``مدينة تندوف.``, ``May 2022,``);
- a lone dash, bar or bullet between two runs belongs to neither;
- what stands before the first run or after the last one joins that run.

Offsets always index the original string: ``run.text == text[run.start:run.end]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from .scripts import _tables, char_script

__all__ = ["CLOSERS", "OPENERS", "QUOTES", "SEPARATORS", "ScriptRun", "merge_sandwiches", "script_spans"]

OPENERS = frozenset("([{«‹“„‘﴾")
CLOSERS = frozenset(")]}»›”’﴿")
QUOTES = frozenset("\"'")  # open or close depending on the space before them
SEPARATORS = frozenset("-‐‒–—―|/•·")


class ScriptRun(NamedTuple):
    """A run of one script: ``text[start:end]`` written in ``script`` (ISO 15924), neutral characters attached."""

    start: int
    end: int
    script: str


def script_spans(text: str) -> list[ScriptRun]:
    """Runs of one script, with the neutral characters between runs attached as described above."""
    cores = _cores(text)
    if not cores:
        return []
    starts = [c.start for c in cores]
    ends = [c.end for c in cores]
    starts[0] = _skip_space(text, 0, cores[0].start)
    ends[-1] = _trim_space(text, cores[-1].end, len(text))
    for k in range(len(cores) - 1):
        a_end, b_start = cores[k].end, cores[k + 1].start
        keep_a, give_b = _split_gap(text[a_end:b_start])
        ends[k] = a_end + keep_a
        starts[k + 1] = a_end + give_b
    return [ScriptRun(s, e, c.script) for s, e, c in zip(starts, ends, cores, strict=True)]


def merge_sandwiches(spans: list[tuple[int, int, str]],
                     lang_of: Callable[[int, int], str]) -> list[tuple[int, int]]:
    """Merge ``X und X`` into one run (``قالت وكالة Reuters إن...``); return the merged (start, end) pairs.

    ``spans`` holds (start, end, lang); ``lang_of(start, end)`` gives the language of a merged stretch.
    """
    runs = [list(s) for s in spans]
    changed = True
    while changed:
        changed = False
        for i in range(1, len(runs) - 1):
            before, middle, after = runs[i - 1], runs[i], runs[i + 1]
            if middle[2] == "und" and before[2] == after[2] != "und":
                merged = [before[0], after[1], lang_of(before[0], after[1])]
                runs[i - 1 : i + 2] = [merged]
                changed = True
                break
    return [(r[0], r[1]) for r in runs]


# The tag characters scripts.py maps each script's letters to (C0 controls): a run of one script is one tag,
# then any untagged characters and the same tag again, as often as it comes.
_TAG_CLASS = "[\x01-\x08\x0e-\x1f]"
_TAG_RUN = re.compile(f"({_TAG_CLASS})(?:[^\x01-\x08\x0e-\x1f]*\\1)*")
_HAS_TAG = re.compile(_TAG_CLASS)


@cache
def _script_of_tag() -> dict[str, str]:
    return {tag: name for tag, name in _tables()[2]}


def _cores(text: str) -> list[ScriptRun]:
    """The maximal stretches from a letter to the last letter of the same script before another script's
    letter. The letters are tagged by ``str.translate`` and the stretches found by one regular expression
    (issue 20: a Python loop over every character was the most of language detection); a text holding the
    tag characters themselves (C0 controls) takes the loop."""
    if _HAS_TAG.search(text) is None:
        names = _script_of_tag()
        return [ScriptRun(m.start(), m.end(), names[m.group(1)])
                for m in _TAG_RUN.finditer(text.translate(_tables()[1]))]
    return _cores_by_char(text)


def _cores_by_char(text: str) -> list[ScriptRun]:
    cores: list[ScriptRun] = []
    script = None
    start = end = 0
    for i, char in enumerate(text):
        s = char_script(char)
        if s is None:
            continue
        if s != script:
            if script is not None:
                cores.append(ScriptRun(start, end, script))
            script, start = s, i
        end = i + 1
    if script is not None:
        cores.append(ScriptRun(start, end, script))
    return cores


def _split_gap(gap: str) -> tuple[int, int]:
    """Share the characters between runs A and B: A keeps ``gap[:keep]``, B starts at ``gap[start]``."""
    cut = _first_opener(gap)
    if cut is None:
        cut = _glued_to_next(gap)
    keep = gap[:cut].rstrip()
    while keep and _is_separator_chunk(keep.split()[-1]) and (len(keep.split()) > 1 or gap[:1].isspace()):
        keep = keep[: len(keep) - len(keep.split()[-1])].rstrip()  # "Tindouf — تندوف": the dash is no one's
    start = _skip_space(gap, cut, len(gap))
    while start < len(gap) and gap[start] in SEPARATORS and (start + 1 == len(gap) or gap[start + 1].isspace()):
        start = _skip_space(gap, start + 1, len(gap))
    return len(keep), start


def _first_opener(gap: str) -> int | None:
    """Index of the first opening bracket or quote: from there on, the gap belongs to the next run."""
    for i, char in enumerate(gap):
        if char in OPENERS or (char in QUOTES and i > 0 and gap[i - 1].isspace()):
            return i
    return None


def _glued_to_next(gap: str) -> int:
    """Where a chunk written against the next run begins ("#", "$" before a word); else the gap's end."""
    if not gap or gap[-1].isspace():
        return len(gap)
    chunk_start = len(gap) - len(gap.split()[-1])
    chunk = gap[chunk_start:]
    if chunk_start == 0 or any(c in CLOSERS or c in QUOTES or c in SEPARATORS for c in chunk):
        return len(gap)
    return chunk_start


def _is_separator_chunk(chunk: str) -> bool:
    return all(c in SEPARATORS for c in chunk)


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _trim_space(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end

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

__all__ = ["CLOSERS", "OPENERS", "QUOTES", "SEPARATORS", "ScriptRun", "merge_sandwiches", "script_spans",
           "split_shared_script"]

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


_WORD = re.compile(r"[^\s.!?؟:؛۔]+[.!?؟:؛۔]*")  # a full stop glued to the next word (مشهد.گفتگوها) ends a word
MIN_SIDE_WORDS = 3  # a language run cut out of a same-script stretch has at least this many words


@cache
def _telling_letters() -> tuple[frozenset[str], frozenset[str]]:
    """(letters only Arabic (and Uyghur) writes: ك ة ى إ, tanween; letters Arabic never writes: ے ں ٹ ڈ ڑ پ چ
    ژ گ ک ی ھ ...),
    from ``data/langid_letters.tsv``."""
    from .scripts import codepoint, read_table

    arabic, other = set(), set()
    for row in read_table("langid_letters.tsv"):
        writers = set(row["langs"].split())
        if row["script"] != "Arab" or not writers or not float(row["weight"] or 0):
            continue
        char = codepoint(row["codepoint"])
        if "ar" not in writers:
            other.add(char)
        elif writers <= {"ar", "ug"}:  # not ي: Pashto and Sindhi write it too
            arabic.add(char)
    return frozenset(arabic), frozenset(other)


def split_shared_script(text: str, start: int, end: int,
                        detect: Callable[[str], tuple[str, float]]) -> list[tuple[int, int]]:
    """Cut an Arabic-script stretch ``text[start:end]`` where its language changes: an Urdu or Persian sentence
    next to an Arabic one with no Latin between (``... انتخابات وقت پر ہوں گے قال الوزير إن ...``) is two runs.

    Only a stretch holding both letters only Arabic writes (ك ة ى إ) and letters Arabic never writes
    (ے ں ٹ ڈ ڑ پ چ ژ گ ک ی) is looked at. The cut is at a word boundary, each side of at least
    ``MIN_SIDE_WORDS`` words, where fewest words fall on the side their letters do not belong to (then: after
    a stop or colon; then: the surest sides); it is kept only when ``detect`` (text → (language, confidence))
    names both sides, each a different language. Each side is looked at again. Arabic typed on a Persian
    keyboard (رئیس الجمهوریة) stays one run: both sides are Arabic.
    Returns (start, end) pairs covering the stretch, spaces between runs left out.
    """
    piece = text[start:end]
    arabic, other = _telling_letters()
    chars = set(piece)
    if chars.isdisjoint(arabic) or chars.isdisjoint(other):
        return [(start, end)]
    words = [m for m in _WORD.finditer(piece) if any(c.isalpha() for c in m.group())]
    kinds = [(not arabic.isdisjoint(w.group()), not other.isdisjoint(w.group())) for w in words]
    best: tuple[tuple[int, int, float], int, int] | None = None
    for k in range(MIN_SIDE_WORDS, len(words) - MIN_SIDE_WORDS + 1):
        # words whose letters put them on the other side of this cut, the Arabic side left or right
        misplaced = min(sum(o for _, o in kinds[:k]) + sum(a for a, _ in kinds[k:]),
                        sum(a for a, _ in kinds[:k]) + sum(o for _, o in kinds[k:]))
        left_end, right_start = words[k - 1].end(), words[k].start()
        after_stop = words[k - 1].group()[-1] in ".:!?؟،؛۔"
        key = (-misplaced, after_stop)
        if best is not None and key < best[0][:2]:
            continue
        left, right = detect(piece[:left_end]), detect(piece[right_start:])
        if "und" in (left[0], right[0]) or left[0] == right[0]:
            continue
        rank = (*key, left[1] * right[1])
        if best is None or rank > best[0]:
            best = (rank, left_end, right_start)
    if best is None:
        return [(start, end)]
    _, left_end, right_start = best
    return [*split_shared_script(text, start, start + left_end, detect),
            *split_shared_script(text, start + right_start, end, detect)]


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

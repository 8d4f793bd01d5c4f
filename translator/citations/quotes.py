"""Quote damage: a quote mark standing where a letter was lost (``Universi”y``, ``Peo’le’s``, ``t“e``).

Copy-paste through word processors and PDF tools sometimes shifts "smart quotes" into words.  We find
words where a quote mark touches Latin letters, try every letter in its place (and, for apostrophes, the
apostrophe itself), and repair only when the English word list of ``wordfreq`` makes one reading clearly
the most frequent (at least ten times as frequent as the next).  Every substitution is one character for
one character, so offsets into the original text stay valid; the original is never modified in place.
"""

from __future__ import annotations

import itertools
import re
import string
from dataclasses import dataclass
from functools import lru_cache

from translator.wordfreq_index import zipf_frequency

__all__ = ["QUOTE_CHARS", "QuoteRepair", "repair_quotes"]

QUOTE_CHARS = "\"'“”‘’„‟«»‹›`´"
_APOSTROPHES = "'’"
_MIN_ZIPF = 3.0  # a candidate must be a reasonably common English word (about 1 per million words)
_MARGIN = 1.0  # ... and ten times as frequent as the runner-up
_EDGE_MARGIN = 1.0  # a quote after a known word is real unless a longer reading is 100 times as frequent
_KNOWN_ZIPF = 2.0  # a word written with an apostrophe that is this common is not damaged (don't, Qur'an)
_MAX_QUOTES_IN_WORD = 3
_LETTER = r"[A-Za-z]"
# A run of Latin letters and quote marks with at least one quote touching a letter.
_WORD = re.compile(rf"(?<![A-Za-z{re.escape(QUOTE_CHARS)}])[A-Za-z{re.escape(QUOTE_CHARS)}]*{_LETTER}"
                   rf"[A-Za-z{re.escape(QUOTE_CHARS)}]*")

_ANY_QUOTE = re.compile(f"[{re.escape(QUOTE_CHARS)}]")


@dataclass(frozen=True)
class QuoteRepair:
    """One word repaired: ``text[start:end]`` was ``before`` and reads ``after`` (same length)."""

    start: int
    end: int
    before: str
    after: str
    reason: str = "quote mark in place of a letter"

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "before": self.before, "after": self.after,
                "reason": self.reason}


def repair_quotes(text: str) -> tuple[str, list[QuoteRepair], list[str]]:
    """``(repaired_text, repairs, warnings)``: the text with unambiguous quote damage repaired.

    ``warnings`` name damaged-looking words left alone because no reading was clearly best.
    """
    if not _ANY_QUOTE.search(text):
        return text, [], []  # no quote mark, nothing to examine (issue 20: most lines)
    out = list(text)
    repairs: list[QuoteRepair] = []
    warnings: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if not _ANY_QUOTE.search(word):
            continue  # no quote mark in the word: no position to try
        core_start, core_end = _core(word)
        core = word[core_start:core_end]
        positions = [i for i, ch in enumerate(core) if ch in QUOTE_CHARS]
        if not positions or len(positions) > _MAX_QUOTES_IN_WORD:
            continue
        fixed, readings = _reading_of(core)
        start = match.start() + core_start
        if fixed is None:
            if readings or _looks_damaged(core, positions):
                maybe = f" (could be {' / '.join(readings)})" if readings else ""
                warnings.append(f"quote mark in {core!r} may stand for a lost letter{maybe}: left as written")
            continue
        if fixed != core:
            out[start:start + len(core)] = fixed
            repairs.append(QuoteRepair(start, start + len(core), core, fixed))
            warnings.append(f"repaired {core!r} -> {fixed!r} (quote mark in place of a letter)")
    return "".join(out), repairs, warnings


def _core(word: str) -> tuple[int, int]:
    """The part of ``word`` to examine: leading quotes are opening quotes unless glued to a lost letter.

    A trailing quote right after letters is examined (``Morocc”`` may be ``Morocco``); a leading one is
    kept out (``“Polisario`` is an opening quote) unless the bare word is unknown.
    """
    start = 0
    while start < len(word) and word[start] in QUOTE_CHARS:
        start += 1
    end = len(word)
    while end > start + 1 and word[end - 1] in QUOTE_CHARS and word[end - 2] in QUOTE_CHARS:
        end -= 1  # doubled closing quotes: only the first may stand for a letter
    if start == 1 and start < end and _zipf(word[start:end].strip(QUOTE_CHARS)) < _KNOWN_ZIPF:
        start = 0  # "“eople": the quote may be the lost first letter
    return start, end


@lru_cache(maxsize=8192)
def _reading_of(core: str) -> tuple[str | None, tuple[str, ...]]:
    """:func:`_best_reading` of a word, remembered: it depends on the word alone, and the same words come back
    on every line (``Algeria’s``, ``“Spain``; issue 20: up to 28 readings scored per quote mark)."""
    fixed, readings = _best_reading(core, [i for i, ch in enumerate(core) if ch in QUOTE_CHARS])
    return fixed, tuple(readings)


def _best_reading(core: str, positions: list[int]) -> tuple[str | None, list[str]]:
    """``(word, readings)``: the repaired word or ``core`` itself when it is fine; None and the close
    readings when no reading is clearly best."""
    bare = core.strip(QUOTE_CHARS)
    interior = [p for p in positions if 0 < p < len(core) - 1]
    edge = [p for p in positions if p not in interior]
    if not bare.isalpha() and not interior:
        return core, []
    elif all(core[p] in _APOSTROPHES for p in interior) and _zipf(core.replace("’", "'")) >= _KNOWN_ZIPF:
        return core, []  # don't, people's, Qur'an
    options = []
    for p in positions:
        choices = list(string.ascii_lowercase)
        if core[p] in _APOSTROPHES and p in interior:
            choices.append(core[p])
        if p in edge:
            choices.append(core[p])  # an edge quote may simply be a quote
        options.append(choices)
    scored: dict[str, float] = {}
    for combo in itertools.product(*options):
        chars = list(core)
        for p, ch in zip(positions, combo, strict=True):
            chars[p] = _match_case(core, p, ch)
        candidate = "".join(chars)
        lookup = candidate.strip(QUOTE_CHARS)
        if any(c in QUOTE_CHARS for c in lookup if c not in _APOSTROPHES):
            continue
        score = _zipf(lookup)
        if score >= _MIN_ZIPF:
            scored[candidate] = score
    if not interior:
        # Only a quote at an edge, after a known word: a real quote unless the word with one more letter
        # is far more common ("trad”" in a title is "trade"; "no”" stays "no”").
        scored[core] = max(scored.get(core, 0.0), _zipf(bare) + _EDGE_MARGIN if _zipf(bare) >= _KNOWN_ZIPF else 0)
    if not scored:
        return None, []
    ranked = sorted(scored.items(), key=lambda item: -item[1])
    if not interior and ranked[0][0] == core:
        return core, []  # a closing quote after a known word ("Russia", "concession”") is most likely a quote
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _MARGIN:
        close = [word for word, score in ranked if ranked[0][1] - score < _MARGIN]
        return None, [w for w in close if w != core]  # no clear winner: leave it as written
    return ranked[0][0], []


def _looks_damaged(core: str, positions: list[int]) -> bool:
    """Interior double quotes are never right inside a word; interior apostrophes often are (Mish'al)."""
    return any(0 < p < len(core) - 1 and core[p] not in _APOSTROPHES for p in positions)


def _match_case(word: str, position: int, letter: str) -> str:
    if letter in QUOTE_CHARS:
        return letter
    neighbours = [c for c in (word[position - 1:position] + word[position + 1:position + 2]) if c.isalpha()]
    if neighbours and all(c.isupper() for c in neighbours) and len(neighbours) == 2:
        return letter.upper()
    return letter


def _zipf(word: str) -> float:
    word = word.replace("’", "'")
    lowered = word.lower()
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    if not lowered or not re.fullmatch(r"[a-z']+", lowered):
        return 0.0
    return zipf_frequency(lowered, "en")

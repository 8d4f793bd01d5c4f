"""Spot the classic MarianMT failures on short text: repetition loops and hallucinated length.

:func:`inspect` looks at one source/hypothesis pair and names what is wrong with it; the Translator retries
flagged segments with beam search and ``no_repeat_ngram_size`` and flags what stays suspicious.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from translator.mt.engine import Hypothesis

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")
_WORD = re.compile(r"\w+", re.UNICODE)

# Flags, in the words the output table uses.
REPETITION = "repetition"
TOO_LONG = "too-long"
TOO_SHORT = "too-short"
TRUNCATED = "truncated"
EMPTY = "empty"
UNTRANSLATED = "untranslated"


@dataclass(frozen=True)
class GuardConfig:
    """Thresholds of the guard, and how to retry.

    Length ratios compare characters, smoothed by ``ratio_slack`` so that two-word headlines are not judged
    by a ratio of tiny numbers. English runs about 1.1-1.6 times the characters of the Arabic it renders.
    """

    max_ratio: float = 3.0
    min_ratio: float = 0.3
    ratio_slack: int = 10
    max_ngram: int = 6
    max_repeats: int = 3  # a one- or two-word n-gram repeated this many times in a row is a loop...
    max_phrase_repeats: int = 2  # ...and a phrase of three words or more repeated this many times
    max_word_share: float = 0.4  # one word making up more of a long output than this is a loop
    retry: bool = True
    retry_beam_size: int = 4
    retry_no_repeat_ngram_size: int = 3
    retry_length_ratio: float = 1.5  # a retry generates at most ratio x source tokens + margin (see Translator)
    retry_length_margin: int = 8

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def retry_options(self) -> dict[str, Any]:
        return {"beam_size": self.retry_beam_size, "no_repeat_ngram_size": self.retry_no_repeat_ngram_size}


def inspect(source: str, hypothesis: Hypothesis, config: GuardConfig | None = None) -> list[str]:
    """The problems of ``hypothesis`` as a translation of ``source`` (empty list: nothing suspicious)."""
    config = config or GuardConfig()
    text = hypothesis.text.strip()
    if not text:
        return [EMPTY] if source.strip() else []
    flags = []
    if not hypothesis.finished:
        flags.append(TRUNCATED)
    if is_repetitive(text, config):
        flags.append(REPETITION)
    ratio = (len(text) + config.ratio_slack) / (len(source.strip()) + config.ratio_slack)
    if ratio > config.max_ratio:
        flags.append(TOO_LONG)
    elif ratio < config.min_ratio:
        flags.append(TOO_SHORT)
    letters = [c for c in text if c.isalpha()]
    if letters and sum(bool(_ARABIC.match(c)) for c in letters) > len(letters) / 2:
        flags.append(UNTRANSLATED)
    return flags


def is_repetitive(text: str, config: GuardConfig | None = None) -> bool:
    """True if a word sequence repeats back to back (see :class:`GuardConfig`), or one word floods the text."""
    config = config or GuardConfig()
    words = [w.lower() for w in _WORD.findall(text)]
    for n in range(1, config.max_ngram + 1):
        times = config.max_repeats if n < 3 else config.max_phrase_repeats
        for start in range(len(words) - n * times + 1):
            gram = words[start:start + n]
            if all(words[start + k * n:start + (k + 1) * n] == gram for k in range(1, times)):
                return True
    if len(words) >= 8:
        top = max(words.count(w) for w in set(words))
        if top / len(words) > config.max_word_share:
            return True
    return _repeats_characters(text, config.max_repeats)


def _repeats_characters(text: str, times: int) -> bool:
    # subword loops glue onto one word ("endsendsendsends"): a 2..8-char unit repeated back to back
    return re.search(rf"(\w{{2,8}}?)\1{{{times},}}", text) is not None


def severity(flags: list[str]) -> int:
    """How bad a set of flags is (for choosing between a first try and a retry): lower is better."""
    weights = {EMPTY: 8, REPETITION: 4, TRUNCATED: 4, TOO_LONG: 2, UNTRANSLATED: 2, TOO_SHORT: 1}
    return sum(weights.get(f, 1) for f in flags)

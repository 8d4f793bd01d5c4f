"""The detectors ``translator.langid`` can use, behind one small interface.

- ``script-aware`` (the default): our own, see ``lexicon.py``. Knows Sorani and Pashto, tells
  Arabic typed on a Persian keyboard from Persian, and is fast on batches.
- ``lingua`` / ``lingua-low``: lingua-language-detector (models ship in its wheel), high- and low-accuracy
  mode, restricted to the languages our users meet (``LINGUA_LANGUAGES``), built once on first use.
- ``langdetect``: langdetect with all its 55 profiles, seeded (seed 0) so that answers repeat.

Each returns a raw (language, confidence); ``langid/__init__.py`` applies the detector's threshold and says "und"
below it. Thresholds were chosen with ``benchmarks/langid_bench.py --sweep`` on
``tests/data/langid_segments.tsv``: the lowest that keeps confidently wrong short segments at or below 3%.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Protocol

from ..errors import TranslatorError
from . import lexicon as langid_lexicon
from .scripts import char_script, script_counts

__all__ = [
    "BACKENDS",
    "BICAMERAL",
    "LINGUA_LANGUAGES",
    "MIN_LETTERS",
    "NO_SCRIPT",
    "SCRIPT_AWARE",
    "UND",
    "Backend",
    "Langdetect",
    "Lingua",
    "ScriptAware",
    "main_script",
]

# The languages we ask lingua to tell apart (ISO 639-1); lingua knows neither Sorani nor Pashto.
LINGUA_LANGUAGES = ("ar", "en", "fr", "fa", "ur", "tr", "ru", "es", "he")
UND = "und"
NO_SCRIPT = "Zyyy"  # ISO 15924 "Common": digits, punctuation, symbols only
MIN_LETTERS = 2  # fewer letters than this ("5", "A.") is never a language
BICAMERAL = frozenset({"Latn", "Cyrl", "Grek", "Armn"})  # scripts where a capital marks a name
_LETTER_WORD = re.compile(r"[^\W\d_]+")


class Backend(Protocol):
    """What a detector implements: raw guesses, one text or many, and the languages it can name."""

    name: str
    threshold: float  # below this confidence the answer is "und"

    def knows(self, lang: str) -> bool: ...

    def guess(self, text: str) -> tuple[str, float]: ...

    def guess_many(self, texts: list[str]) -> list[tuple[str, float]]: ...


class ScriptAware:
    """Script first, then word frequencies and telling letters among that script's languages."""

    name = "script-aware"
    threshold = 0.5

    def guess(self, text: str) -> tuple[str, float]:
        lang, confidence, _ = self.guess_with_script(text)
        return lang, confidence

    def guess_with_script(self, text: str) -> tuple[str, float, str]:
        """(language, confidence, main script): the script is counted once and decides which model runs."""
        counts = script_counts(text)
        if not counts:
            return UND, 0.0, NO_SCRIPT
        script = main_script(text, counts)
        if sum(counts.values()) < MIN_LETTERS:
            return UND, 0.0, script
        scored = langid_lexicon.score(text, script, mixed=len(counts) > 1)
        if scored is None:
            return UND, 0.0, script
        if langid_lexicon.letters_of_no_language(text, script):  # Kurmanji's ê and ş: a language we do not know
            return UND, min(scored.confidence, 0.1), script
        if scored.shared:  # "من", "لا": Arabic, Persian and Urdu all write them
            return UND, scored.confidence, script
        if script == "Latn" and is_arabizi(text):
            return UND, scored.confidence, script
        return scored.lang, scored.confidence, script

    def guess_many(self, texts: list[str]) -> list[tuple[str, float]]:
        return [self.guess(t) for t in texts]

    def knows(self, lang: str) -> bool:
        return lang in langid_lexicon.language_names()


_ARABIZI_WORD = re.compile(r"(?i)\b(?:[a-z]+[2356789][a-z0-9']*|[2356789][a-z]+[a-z0-9']*)\b")
_LATIN_WORDS = re.compile(r"(?i)\b[a-z0-9']*[a-z][a-z0-9']*\b")


def is_arabizi(text: str) -> bool:
    """Whether Latin-script ``text`` is Arabic in the chat alphabet: digits written as letters (2 = ء,
    3 = ع, 5 = خ, 6 = ط, 7 = ح, 8 = ق, 9 = ص) inside words, in at least one word in five (``el 7okoma
    2alet``). Such text is Arabic, but no word list or model of ours reads it: detection says "und" rather
    than naming a third language (issue #14), and it is never sent to the Arabic-script model."""
    words = _LATIN_WORDS.findall(text)
    chat = [w for w in words if _ARABIZI_WORD.fullmatch(w) and not re.fullmatch(r"(?i)[a-z]\d+|\d+[a-z]{1,2}", w)]
    return bool(chat) and len(chat) * 5 >= len(words)


def main_script(text: str, counts: dict[str, int]) -> str:
    """The script whose language the text is in: the one with most letters, except that a cased script
    written only in capitalized words ("Elon Musk", "TikTok", "MINURSO" inside an Arabic headline) is names
    and brands, and gives way to a script that has ordinary words of its own."""
    script = max(counts, key=counts.__getitem__)
    if len(counts) == 1:
        return script
    cased = {s for s in counts if s in BICAMERAL}
    for word in _LETTER_WORD.findall(text):
        if not cased:
            break
        if not word[0].isupper():
            cased.discard(char_script(word[0]) or "")
    others = {s: n for s, n in counts.items() if s not in cased and n >= MIN_LETTERS}
    return max(others, key=others.__getitem__) if others else script


class Lingua:
    """lingua-language-detector; ``low`` selects its low-accuracy (trigram-only, faster) mode."""

    def __init__(self, low: bool) -> None:
        self.low = low
        self.name = "lingua-low" if low else "lingua"
        self.threshold = 0.95 if low else 0.9

    def guess(self, text: str) -> tuple[str, float]:
        return _lingua_best(_lingua(self.low).compute_language_confidence_values(text))

    def guess_many(self, texts: list[str]) -> list[tuple[str, float]]:
        values = _lingua(self.low).compute_language_confidence_values_in_parallel(texts)
        return [_lingua_best(v) for v in values]

    def knows(self, lang: str) -> bool:
        """Only the languages it is asked to tell apart (``LINGUA_LANGUAGES``): not Sorani, Pashto, German..."""
        return lang in LINGUA_LANGUAGES


class Langdetect:
    """langdetect, seeded: the same text always gets the same answer."""

    name = "langdetect"
    threshold = 0.9

    def guess(self, text: str) -> tuple[str, float]:
        from langdetect.lang_detect_exception import LangDetectException

        detector = _langdetect_factory().create()
        detector.append(text)
        try:
            best = detector.get_probabilities()[0]
        except (LangDetectException, IndexError):  # no usable letters in the text
            return UND, 0.0
        return best.lang.split("-")[0], float(best.prob)

    def guess_many(self, texts: list[str]) -> list[tuple[str, float]]:
        return [self.guess(t) for t in texts]

    def knows(self, lang: str) -> bool:
        """Its 55 profiles (``fa``, ``ur``, ``ar``...; neither Kurdish nor Pashto)."""
        return lang in {code.split("-")[0] for code in _langdetect_factory().get_lang_list()}


def _lingua_best(values: list) -> tuple[str, float]:
    if not values:
        return UND, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


@cache
def _lingua(low: bool):  # -> lingua.LanguageDetector (built once, on first use: never at import)
    try:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
    except ImportError as exc:
        raise TranslatorError("The lingua detector needs lingua-language-detector: "
                              "`pip install lingua-language-detector`, or use --detector script-aware.") from exc
    codes = [getattr(IsoCode639_1, code.upper()) for code in LINGUA_LANGUAGES]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    builder = builder.with_low_accuracy_mode() if low else builder.with_preloaded_language_models()
    return builder.build()


@cache
def _langdetect_factory():  # -> langdetect.detector_factory.DetectorFactory, our own seeded instance
    try:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    except ImportError as exc:
        raise TranslatorError("The langdetect detector needs langdetect: `pip install langdetect`, "
                              "or use --detector script-aware.") from exc
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


SCRIPT_AWARE = ScriptAware()
BACKENDS: dict[str, Backend] = {
    "script-aware": SCRIPT_AWARE,
    "lingua": Lingua(low=False),
    "lingua-low": Lingua(low=True),
    "langdetect": Langdetect(),
}

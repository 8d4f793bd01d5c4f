"""The default detector's statistics: word frequencies and telling letters, compared within one script.

Only languages written in the text's script compete (``data/langid_languages.tsv``). Each word adds, for
every language, the log of how frequent it is there (wordfreq's lists, plus ``data/langid_words.tsv``);
a word missing from a language's list counts as rare there. Languages without a list (Sorani, Pashto,
Sindhi, Uyghur) borrow the words of the languages they read like, at a discount, and are told apart by
their letters. Letters only some languages write (``data/langid_letters.tsv``: ے for Urdu, ڕ for Sorani,
ğ for Turkish) count against the others, and a long text that never shows a language's own letters counts
against that language. Arabic-script words are looked up with keyboard variants folded (ی→ي, ک→ك, ھ→ه),
so Arabic typed on a Persian keyboard still reads as Arabic while the letters still count as weak evidence.

The posterior over the script's languages is then calibrated (few known words, or mostly unknown words,
lower the confidence); ``langid/__init__.py`` thresholds it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import TranslatorError
from .scripts import char_script, codepoint, read_table

__all__ = [
    "ACRONYM_WEIGHT",
    "FLOOR_ZIPF",
    "LETTER_CHECK_SCRIPTS",
    "LIKE_DISCOUNT",
    "MAX_ABSENCE",
    "MAX_LETTER_COUNT",
    "MIN_COVERAGE",
    "NAME_WEIGHT",
    "SHRINK",
    "SIGNATURE_WEIGHT",
    "TEMPERATURE",
    "Scored",
    "coverage_of",
    "language_names",
    "languages",
    "letters_of_no_language",
    "score",
]

FLOOR_ZIPF = 2.5  # a word missing from a language's list (they stop at Zipf 3) is taken as this frequent
TEMPERATURE = 0.5  # naive Bayes over-counts correlated words; this softens the posterior
# A word is common in a language when its gain there reaches this many nats: من is Persian's "I", لا is Urdu's
# "bring". A word or two each common in two languages (no telling letter) names no language (issue #14).
SHARED_GAIN = 5.0
SHRINK = 0.5  # few known words, little trust: the posterior is pulled toward "any language" by this much
MIN_COVERAGE = 0.5  # when fewer of the words are known to the winner, confidence falls in proportion
LIKE_DISCOUNT = 0.7  # a borrowed word counts this much for a list-less language (`like` in the table)
SIGNATURE_WEIGHT = 2.0  # letters this telling are a language's own (`absent` in the table)
MAX_ABSENCE = 6.0  # the most a language can lose for the absence of its own letters
MAX_LETTER_COUNT = 3  # one letter counted at most this often: a name must not outweigh a sentence
ACRONYM_WEIGHT = 0.25  # "RT", "UN", "MINURSO": the same in every language
NAME_WEIGHT = 0.5  # a capitalized word inside a sentence is often a name
_LN10 = math.log(10)
_UNITS = 16  # gains are stored as small integers, in 1/16 nat (Python keeps small ints shared: less memory)

_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_APOSTROPHES = {ord("’"): "'", ord("ʼ"): "'", 0x0130: "i"}  # 0x0130: Turkish İ (lower() would add a dot)
_ADDRESS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+", re.IGNORECASE)
_BICAMERAL = frozenset({"Latn", "Cyrl", "Grek", "Armn"})


@dataclass(frozen=True)
class Scored:
    """The model's answer for one text: best language, its posterior, and how much evidence it saw."""

    lang: str
    probability: float  # posterior of ``lang`` among the script's languages
    confidence: float  # the posterior discounted for little evidence: what langid/__init__.py thresholds
    script: str
    evidence: float  # known words (weighted) + half the kinds of telling letters seen
    coverage: float  # share of the words (weighted) that ``lang`` knows
    posterior: tuple[tuple[str, float], ...]  # every competing language with its posterior
    shared: bool = False  # a word or two, each a common word of several of the script's languages


@dataclass(frozen=True)
class _Group:
    """The languages of one script and everything needed to score a text against them."""

    script: str
    langs: tuple[str, ...]
    log_prior: tuple[float, ...]
    alone: float | None  # confidence when the script alone decides (one language)
    lexicon: dict[str, tuple[int, ...]]  # word (folded, lower case) → (language, gain in 1/16 nat, ...) pairs
    listed: tuple[bool, ...]  # whether each language has a word list (coverage means something)
    letters: dict[str, tuple[tuple[int, float], ...]]  # letter → ((language index, penalty), ...)
    letter_set: frozenset[str]
    absent: tuple[tuple[int, frozenset[str], float], ...]  # (language index, own letters, density)
    fold: dict[int, str | None]
    affixes: tuple[tuple[str, str, int, float], ...]  # (kind, affix, language index, gain)
    particles: tuple[frozenset[str], frozenset[str]] | None  # (before a hyphen, before a capital): al-, Al


def score(text: str, script: str, *, mixed: bool = True) -> Scored | None:
    """Posterior over the languages of ``script`` for ``text``; None when no language of it is known.

    ``mixed=False`` promises that all letters of ``text`` are of ``script`` (saves a check per word).
    """
    group = _group(script)
    if group is None:
        return None
    if group.alone is not None:
        lang = group.langs[0]
        return Scored(lang, group.alone, group.alone, script, 0.0, 1.0, ((lang, group.alone),))
    folded = text if text.isascii() else text.translate(group.fold)
    if "@" in folded or "://" in folded or "www." in folded:
        folded = _ADDRESS.sub(" ", folded)  # an address is in no language
    words = _WORD.findall(folded)
    if mixed:
        words = [w for w in words if char_script(_first_letter(w)) == script]
    gains, found, known, total = _word_gains(group, words)
    chars = set(text)
    letters = _letter_penalties(group, text, chars, gains)
    _absence_penalties(group, chars, sum(map(len, words)), gains)
    logits = [p + TEMPERATURE * g for p, g in zip(group.log_prior, gains, strict=True)]
    top = max(logits)
    exps = [math.exp(x - top) for x in logits]
    norm = sum(exps)
    best = max(range(len(exps)), key=exps.__getitem__)
    probability = exps[best] / norm
    # Calibration: with a word or two the posterior is pulled toward "no idea" (1/n), so that a short
    # string is never as sure as a sentence; telling letters count as half a word each. When most words
    # are unknown to the winner, the text is likely names or a language we do not know (Swahili, Azeri).
    evidence = known + 0.5 * letters
    trust = evidence / (evidence + SHRINK)
    confidence = trust * probability + (1 - trust) / len(group.langs)
    coverage = _coverage(found, best, total)
    if group.listed[best] and coverage < MIN_COVERAGE:
        confidence *= coverage / MIN_COVERAGE
    posterior = tuple((lang, e / norm) for lang, e in zip(group.langs, exps, strict=True))
    shared = 0 < len(words) <= 2 and letters == 0 and len(found) == len(words) and all(_common_in_two(e)
                                                                                      for e, _ in found)
    return Scored(group.langs[best], probability, confidence, script, evidence, coverage, posterior, shared)


def coverage_of(text: str, script: str, lang: str) -> float | None:
    """Share of the words of ``text`` in ``script`` (weighted as :func:`score` weighs them) that ``lang``'s word
    list knows; None when ``lang`` has no word list among the languages of ``script``."""
    group = _group(script)
    if group is None or lang not in group.langs or not group.listed[group.langs.index(lang)]:
        return None
    folded = text if text.isascii() else text.translate(group.fold)
    words = [w for w in _WORD.findall(folded) if char_script(_first_letter(w)) == script]
    _, found, _, total = _word_gains(group, words)
    return _coverage(found, group.langs.index(lang), total)


#: scripts whose telling letters are checked for a combination none of their languages writes
LETTER_CHECK_SCRIPTS = frozenset({"Latn"})


def letters_of_no_language(text: str, script: str) -> list[str]:
    """The telling letters of ``text`` (weight 1 or more in ``langid_letters.tsv``) when no one language of
    ``script`` we know writes them all, else ``[]``: ``ê`` (French, Portuguese) beside ``ş`` (Turkish, Romanian)
    is Kurmanji Kurdish, which no detector of ours knows. Only for ``LETTER_CHECK_SCRIPTS``; on the 1,614 texts of
    tests/data/langid_segments.tsv, the shared langid dev set and tests/data/citations_real.jsonl it found none."""
    if script not in LETTER_CHECK_SCRIPTS:
        return []
    writers = _strong_letters(script)
    found = sorted({c for c in text if c in writers})
    if len(found) < 2:
        return []
    return [] if frozenset.intersection(*(writers[c] for c in found)) else found


@cache
def _strong_letters(script: str) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for row in read_table("langid_letters.tsv"):
        if row["script"] == script and row["langs"] and float(row["weight"] or 0) >= 1.0:
            char, writers = codepoint(row["codepoint"]), frozenset(row["langs"].split())
            out[char] = writers
            if len(char.upper()) == 1 and char.upper().lower() == char:  # ı's capital is I: only true case pairs
                out[char.upper()] = writers
    return out


def _common_in_two(entry: tuple[int, ...]) -> bool:
    """Whether a lexicon entry is a common word (gain ≥ ``SHARED_GAIN``) of at least two languages."""
    return sum(gain >= SHARED_GAIN * _UNITS for gain in entry[1::2]) >= 2


def _word_gains(group: _Group, words: list[str]) -> tuple[list[float], list[tuple[tuple[int, ...], float]],
                                                         float, float]:
    """(gains per language in nats, the (entry, weight) of every known word, known weight, total weight)."""
    if "-" in "".join(words):
        words = _split_hyphens(words, group.particles)
    bicameral = group.script in _BICAMERAL
    has_lower = bicameral and not "".join(w[0] for w in words).isupper()
    all_upper = bicameral and "".join(words).isupper()
    capital_particles = group.particles[1] if group.particles else frozenset()
    lexicon = group.lexicon
    gains = [0.0] * len(group.langs)  # in 1/16 nat until the end
    found: list[tuple[tuple[int, ...], float]] = []
    known = total = 0.0
    for i, word in enumerate(words):
        if not word.isalpha() and not word.replace("'", "").isalpha():
            if not word.isdigit():  # "3ajel", "m3a", "A320": chat Arabic or codes, in no language
                total += 1.0
            continue
        weight = 1.0
        if bicameral:
            if capital_particles and word.lower() in capital_particles and i + 1 < len(words) \
                    and words[i + 1][0].isupper():
                continue  # "Al Jazeera", "bin Salman": a name follows
            if len(word) > 1 and word.isupper() and not all_upper:
                weight = ACRONYM_WEIGHT
            elif i and has_lower and word[0].isupper():
                weight = NAME_WEIGHT
            word = word.lower()
        total += weight
        entry = lexicon.get(word)
        if entry is not None:
            found.append((entry, weight))
        elif "'" in word:  # French elision: l'armée → l + armée
            found.extend((e, weight / 2) for e in map(lexicon.get, word.split("'")) if e is not None)
        elif group.affixes:
            entry = _affix_entry(group, word)
            if entry is not None:
                found.append((entry, weight))
    for entry, weight in found:
        known += weight
        for j in range(0, len(entry), 2):
            gains[entry[j]] += weight * entry[j + 1]
    return [g / _UNITS for g in gains], found, known, total


def _coverage(found: list[tuple[tuple[int, ...], float]], index: int, total: float) -> float:
    """Share of the words (weighted) that language ``index`` knows."""
    return sum(w for entry, w in found if index in entry[::2]) / total if total else 0.0


def _affix_entry(group: _Group, word: str) -> tuple[int, ...] | None:
    """An entry for an unknown word from the clitic, article or ending it carries, or None.

    A clitic on a known stem (وتدعم = و + تدعم) scores as the stem does in that language; an article or
    ending alone (المناصر) scores as a word of the row's frequency.
    """
    for kind, affix, index, gain in group.affixes:
        if len(word) - len(affix) < 2:
            continue
        if kind == "clitic":
            entry = group.lexicon.get(word[len(affix):]) if word.startswith(affix) else None
            stem = dict(zip(entry[::2], entry[1::2], strict=True)).get(index) if entry else None
            if stem:
                return (index, stem)
        elif word.startswith(affix) if kind == "prefix" else word.endswith(affix):
            return (index, round(gain * _UNITS))
    return None


def _letter_penalties(group: _Group, text: str, chars: set[str], gains: list[float]) -> int:
    """Count telling letters against the languages that do not write them; return how many kinds were seen."""
    seen = 0
    for letter in group.letter_set.intersection(chars):
        count = min(text.count(letter), MAX_LETTER_COUNT)
        seen += 1
        for index, penalty in group.letters[letter]:
            gains[index] -= penalty * count
    return seen


def _absence_penalties(group: _Group, chars: set[str], n_letters: int, gains: list[float]) -> None:
    """A language whose own letters should have shown up by now, and have not, loses ground."""
    for index, own, density in group.absent:
        if own.isdisjoint(chars):
            gains[index] -= min(density * n_letters, MAX_ABSENCE)


def _split_hyphens(words: list[str], particles: tuple[frozenset[str], frozenset[str]] | None) -> list[str]:
    """Hyphenated words are looked up part by part; a name particle before a hyphen (al-Sharq) is dropped, and
    with it the capitalized name it opens (al-Sisi, ash-Sharq, Abd al-Rahman after a particle such as Abd or
    bin): a romanized Arabic name is a word of no language, and Turkish "abd" or Spanish "al" must not decide
    what "Abd al-Rahman al-Sudais" is written in."""
    hyphen_particles, capital_particles = particles if particles else (frozenset(), frozenset())
    out: list[str] = []
    for word in words:
        if "-" not in word:
            out.append(word)
            continue
        parts = word.split("-")
        if len(parts) > 1 and parts[0].lower() in hyphen_particles and parts[1][:1].isupper():
            if out and out[-1].lower() in capital_particles:
                out.pop()  # "Abd al-Rahman", "bin al-Hussein": the particle before belongs to the name
            continue
        out.extend(p for k, p in enumerate(parts) if not (k < len(parts) - 1 and p.lower() in hyphen_particles))
    return out


def _first_letter(word: str) -> str:
    return next((c for c in word if c.isalpha()), " ")


# ---------------------------------------------------------------------------------------------------
# Building a script's model from the data files (once per script, on first use).


@cache
def _group(script: str) -> _Group | None:
    rows = [row for row in read_table("langid_languages.tsv") if row["script"] == script]
    if not rows:
        return None
    langs = tuple(row["lang"] for row in rows)
    log_prior = tuple(math.log(float(row["prior"])) for row in rows)
    if len(rows) == 1:
        return _Group(script, langs, log_prior, float(rows[0]["alone"] or 0.9), {}, (False,), {},
                      frozenset(), (), {}, (), None)
    letters, fold = _letters(script, langs)
    lexicon = _cached_lexicon(script, rows, fold)
    listed = tuple(bool(row["wordlist"]) for row in rows)
    absent = tuple((i, own, float(row["absent"])) for i, row in enumerate(rows)
                   if row.get("absent") and (own := _own_letters(letters, i)))
    affixes = tuple((row["kind"], affix, langs.index(row["lang"]),
                     (float(row["zipf"] or FLOOR_ZIPF) - FLOOR_ZIPF) * _LN10)
                    for row in read_table("langid_affixes.tsv") if row["lang"] in langs
                    for affix in row["affixes"].split())
    particles = _particles() if script == "Latn" else None
    return _Group(script, langs, log_prior, None, lexicon, listed, letters, frozenset(letters), absent,
                  fold, affixes, particles)


def _cached_lexicon(script: str, rows: list[dict[str, str]],
                    fold: dict[int, str | None]) -> dict[str, tuple[int, ...]]:
    """:func:`_lexicon`, kept on disk (:mod:`translator.diskcache`) under a key of everything it is built from:
    the script's rows, the letter folds, ``langid_words.tsv``, the installed wordfreq and this module's source."""
    from ..datafiles import data_path
    from ..diskcache import cached, fingerprint, package_version

    key = fingerprint(script, repr(rows), repr(sorted(fold.items())), data_path("langid_words.tsv"),
                      f"wordfreq {package_version('wordfreq')}", Path(__file__))
    return cached(f"langid-{script}", key, lambda: _lexicon(rows, fold))


def _lexicon(rows: list[dict[str, str]], fold: dict[int, str | None]) -> dict[str, tuple[int, ...]]:
    """Word → flat (language index, gain, ...) pairs: how much more frequent than the floor, per language."""
    import numpy as np
    import wordfreq  # imported here: loading word lists is the detector's start-up cost, not the package's

    extra = read_table("langid_words.tsv")
    vocab: dict[str, int] = {}
    cells: list[tuple[int, int, float]] = []
    for index, row in enumerate(rows):
        entries: list[tuple[str, float]] = []
        if row["wordlist"]:
            entries = _top_words(wordfreq, row["wordlist"], int(row["words"] or 10**6))
        entries += [(word, float(e["zipf"])) for e in extra if e["lang"] == row["lang"]
                    for word in e["words"].split()]
        for word, zipf in entries:
            key = word.translate(fold) if fold else word
            if zipf > FLOOR_ZIPF and key.replace("'", "").isalpha():
                cells.append((vocab.setdefault(key, len(vocab)), index, (zipf - FLOOR_ZIPF) * _LN10))
    gains = np.zeros((len(vocab), len(rows)), dtype=np.float32)
    r, c, g = zip(*cells, strict=True) if cells else ((), (), ())
    np.maximum.at(gains, (np.asarray(r, dtype=np.intp), np.asarray(c, dtype=np.intp)),
                  np.asarray(g, dtype=np.float32))  # a folded word can come twice: keep the larger gain
    _borrow(gains, rows)
    quantized = np.clip(np.rint(gains * _UNITS), 0, 255).astype(np.int64)
    word_rows, langs = np.nonzero(quantized)  # in row order
    pairs = np.empty(2 * len(word_rows), dtype=np.int64)
    pairs[0::2], pairs[1::2] = langs, quantized[word_rows, langs]
    flat = pairs.tolist()
    bounds = np.searchsorted(word_rows, np.arange(len(vocab) + 1)).tolist()
    return {word: tuple(flat[2 * bounds[row]: 2 * bounds[row + 1]]) for word, row in vocab.items()
            if bounds[row + 1] > bounds[row]}


def _top_words(wordfreq: Any, lang: str, limit: int) -> list[tuple[str, float]]:
    """The ``limit`` most frequent words of wordfreq's small list for ``lang``, with their Zipf frequency.

    Read straight from the list file: wordfreq's own readers keep every list they load in memory.
    """
    path = wordfreq.available_languages("small").get(lang)
    if path is None:
        raise TranslatorError(f"wordfreq has no word list for {lang!r} (langid_languages.tsv asks for it). "
                              "Upgrade wordfreq or clear the `wordlist` cell.")
    out: list[tuple[str, float]] = []
    for centibels, words in enumerate(wordfreq.read_cBpack(path)):  # bin i holds words of 10^(-i/100)
        out.extend((word, 9 - centibels / 100) for word in words)
        if len(out) >= limit:
            break
    return out[:limit]


def _borrow(gains: Any, rows: list[dict[str, str]]) -> None:
    """Give list-less languages (Pashto, Sindhi...) the words of the languages they read like, discounted."""
    import numpy as np

    langs = [row["lang"] for row in rows]
    for index, row in enumerate(rows):
        donors = [langs.index(x) for x in row.get("like", "").split() if x in langs]
        if row["wordlist"] or not donors:
            continue
        borrowed = LIKE_DISCOUNT * gains[:, donors].max(axis=1)
        np.maximum(gains[:, index], borrowed, out=gains[:, index])


def _letters(script: str, langs: tuple[str, ...]) -> tuple[dict[str, tuple[tuple[int, float], ...]],
                                                               dict[int, str | None]]:
    letters: dict[str, tuple[tuple[int, float], ...]] = {}
    fold: dict[int, str | None] = dict(_APOSTROPHES) if script in _BICAMERAL else {}
    for row in read_table("langid_letters.tsv"):
        if row["script"] != script:
            continue
        char = codepoint(row["codepoint"])
        if row["fold"] == "drop":
            fold[ord(char)] = None
        elif row["fold"]:
            fold[ord(char)] = codepoint(row["fold"])
        writers = set(row["langs"].split())
        if writers - set(langs):
            raise TranslatorError(f"langid_letters.tsv: {row['codepoint']} names {sorted(writers - set(langs))},"
                                  f" which langid_languages.tsv does not list for {script}. Add them there first.")
        weight = float(row["weight"] or 0)
        if writers and weight:
            penalties = tuple((i, weight) for i, lang in enumerate(langs) if lang not in writers)
            upper = char.upper()  # ı's capital is I, which English writes too: only true case pairs
            for variant in {char, upper} if len(upper) == 1 and upper.lower() == char else {char}:
                letters[variant] = penalties
    return letters, fold


def _own_letters(letters: dict[str, tuple[tuple[int, float], ...]], index: int) -> frozenset[str]:
    """Letters that weigh at least SIGNATURE_WEIGHT against every other language and that ``index`` writes."""
    return frozenset(char for char, penalties in letters.items()
                     if penalties and min(p for _, p in penalties) >= SIGNATURE_WEIGHT
                     and all(i != index for i, _ in penalties))


def _particles() -> tuple[frozenset[str], frozenset[str]]:
    """Name particles skipped before a hyphen (al-Sharq), and before a capitalized word (Al Jazeera)."""
    rows = read_table("langid_name_particles.tsv")
    return (frozenset(r["particle"] for r in rows if r["hyphen"] == "yes"),
            frozenset(r["particle"] for r in rows if r["capital"] == "yes"))


@cache
def language_names() -> dict[str, str]:
    """ISO 639-1 code → English name of every language the default detector knows (``ku`` → Kurdish (Sorani))."""
    return {row["lang"]: row["name"] for row in read_table("langid_languages.tsv")}


def languages() -> dict[str, list[str]]:
    """Script → the languages the default detector knows in it."""
    out: dict[str, list[str]] = {}
    for row in read_table("langid_languages.tsv"):
        out.setdefault(row["script"], []).append(row["lang"])
    return out

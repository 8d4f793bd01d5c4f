"""Names a machine translation invents: a name in the English that nothing in the Arabic accounts for (issue 17).

Only for machine output (``check(..., machine=True)``): human English editions add context names the Arabic
leaves out ("the Kuwait Central Statistical Bureau", "Jordan News Agency, Petra"), so flagging every unexplained
name would flag correct human pairs; a model, though, writes names from nothing (``مرحبا بكم`` → "Morocco ...").

A name of the English counts when it is

- a glossary name (people, places, organisations, outlets: :func:`translator.qa.names.english_names`; its
  everyday words, zipf ≥ :data:`_ORDINARY` like "military", need no account), or
- a capitalised word that is no ordinary English word (wordfreq zipf of its lower-case form below
  :data:`_RARE`; not the first word of a sentence, not in capitals: "KUNA", not with a digit: "COVID-19");

and it is accounted for when a glossary match of the Arabic renders it (its English, a listed variant, a
surname, a country's adjective from ``nationalities.tsv``, also when the Arabic writes the adjective:
``الجنسية الهندية``), when the Arabic writes it in Latin letters, or when it is a close romanization of a word of
the Arabic (``romanize``, rapidfuzz ratio ≥ :data:`_CLOSE`, with or without the article: "Sabah",
"al-Sabah"). What is left is flagged as a ``name`` flag with its target span, the source side empty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from ..glossary import Glossary
from ..glossary.entry import TermMatch
from ..glossary.names import romanize
from ..glossary.report import lenient_form
from ..wordfreq_index import zipf_frequency
from .flag import QAFlag
from .names import _adjectives, english_names

__all__ = ["invented_names"]

_RARE = 3.0  # wordfreq zipf under which a capitalised word is a name, not an ordinary word written capitalised
_ORDINARY = 4.5  # zipf from which a word of a glossary name is everyday English: the name's other words decide
_CLOSE = 80  # rapidfuzz ratio (0-100) from which a word is a romanization of a word of the Arabic
_CAPITALISED = re.compile(r"(?<![\w'’-])([A-Z][a-z]+(?:['’-](?![sS]\b)[A-Za-z]+)*)(?:['’]s)?(?![\w'’-])")
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\"“(\-–—]\s*|\n)\s*\Z")
_LATIN = re.compile(r"[A-Za-z][A-Za-z'’-]+")  # Latin words the source itself writes ("وصل الوفد إلى Tindouf")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")
_POSSESSIVE = re.compile(r"['’]s\Z")
_ARTICLE = re.compile(r"\A(?:al|el|ad|ar|as|ash|at|az|an)[-\s]", re.IGNORECASE)


def invented_names(source: str, target: str, glossary: Glossary, matches: Sequence[TermMatch]) -> list[QAFlag]:
    """``name`` flags for the names of ``target`` that nothing in ``source`` accounts for (module docstring)."""
    accounted = _accounted(matches) | _nationalities_of(source)
    accounted |= set(lenient_form(" ".join(_LATIN.findall(source))).split())
    romanized = _romanized(source)
    flags = []
    taken: list[tuple[int, int]] = []
    in_source = [m.entry for m in matches if m.entry is not None]
    from .names import _renders  # one definition of "renders a term of the source"

    for start, end, entry in english_names(target, glossary):
        taken.append((start, end))
        if target[start:end].isupper():
            continue  # a dateline ("AMMAN —") or an acronym: no name the model writes from nothing
        possessive = _POSSESSIVE.search(target, start, end)
        end = possessive.start() if possessive is not None else end  # "Lebanon's": the name is "Lebanon"
        words = lenient_form(target[start:end]).split()
        if _renders(entry, in_source) or all(_known(w, accounted) or _romanizes(w, romanized) or _ordinary(w)
                                             for w in words):
            continue
        flags.append(_flag(target, start, end))
    for m in _CAPITALISED.finditer(target):
        start, end = m.span(1)
        if any(a <= start < b for a, b in taken) or _SENTENCE_START.search(target, max(0, start - 80), start):
            continue
        word = lenient_form(m.group(1))
        if "-" in m.group(1) or "’" in m.group(1) or "'" in m.group(1):
            parts = [w for w in word.split() if w]
            if parts and all(_common(w) or _known(w, accounted) or _romanizes(w, romanized) for w in parts):
                continue
        if _common(word) or _known(word, accounted) or _romanizes(word, romanized):
            continue
        flags.append(_flag(target, start, end))
    return flags


def _flag(target: str, start: int, end: int) -> QAFlag:
    return QAFlag("name", f"{target[start:end]!r} in the machine translation names what the source does not "
                          "(no term, name or romanized word of the source accounts for it)",
                  target_start=start, target_end=end)


def _accounted(matches: Sequence[TermMatch]) -> set[str]:
    """Lenient-form words of every English form of the source's matches, and of its countries' adjectives."""
    words: set[str] = set()
    for m in matches:
        forms = (*(m.entry.targets if m.entry is not None else (m.target,)), *m.candidates)
        for form in forms:
            folded = lenient_form(form)
            words.update(folded.split())
            for adjective in _adjectives().get(folded, ()):
                words.update(adjective.split())
    return words


def _romanized(source: str) -> tuple[str, ...]:
    """The Arabic words of ``source`` romanized (lenient form), each also without its proclitics and article."""
    out: dict[str, None] = {}
    for word in dict.fromkeys(_ARABIC_WORD.findall(source)):
        for form in {word, _CLITICS.sub("", word)}:
            latin = _romanize(form)
            if latin:
                out[latin] = None
                out[_ARTICLE.sub("", latin)] = None
    return tuple(f for f in out if len(f) > 2)


_CLITICS = re.compile(r"\A(?:[وفبلك]?ال|لل|[وف](?=[\u0621-\u064a]{3}))")


def _nationalities_of(source: str) -> set[str]:
    """Lenient-form words of the countries and adjectives whose Arabic adjective ``source`` writes
    (``الجنسية الهندية`` accounts for "India" and "Indian"; ``nationalities.tsv``)."""
    found: set[str] = set()
    for arabic, words in _nationality_words().items():
        if arabic in source:
            found |= words
    return found


@lru_cache(maxsize=1)
def _nationality_words() -> dict[str, set[str]]:
    from ..datafiles import read_tsv

    out: dict[str, set[str]] = {}
    for row in read_tsv("nationalities.tsv"):
        words = {*lenient_form(row["country_name"]).split(), *lenient_form(row["adjective"]).split()}
        for spelling in row["arabic"].split("|"):
            stem = spelling[2:] if spelling.startswith("ال") else spelling  # الهندي: هندي (هندية، هنديين)
            if len(stem) > 2:
                out.setdefault(stem, set()).update(words)
    return out


@lru_cache(maxsize=65536)
def _romanize(word: str) -> str:
    return lenient_form(romanize(word))


def _known(word: str, accounted: set[str]) -> bool:
    """True when ``word`` (lenient form) or its singular ("Kuwaitis": kuwaiti) is an accounted word."""
    return word in accounted or (word.endswith("s") and word[:-1] in accounted)


def _romanizes(word: str, romanized: tuple[str, ...]) -> bool:
    bare = _ARTICLE.sub("", word)
    return any(fuzz.ratio(form, w) >= _CLOSE for form in romanized for w in {word, bare})


@lru_cache(maxsize=65536)
def _common(word: str) -> bool:
    return zipf_frequency(word, "en") >= _RARE


@lru_cache(maxsize=65536)
def _ordinary(word: str) -> bool:
    """A word of a glossary name that is an everyday English word ("military" of "Algerian military")."""
    return zipf_frequency(word, "en") >= _ORDINARY

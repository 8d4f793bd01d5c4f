"""The outlet registry: who published a cited article, read from ``glossary/outlets.csv``.

One row per outlet: canonical English name, Arabic name, other spellings (``|``-separated, Latin and Arabic),
country, type, publication languages, the usual description in English-language digests, leaning, domain,
and a note for doubts.  Lookup forgives what real text does to names: case, hyphens, the Arabic article in
any transliteration (al-/Al /El-/Ash-/An-, "The"), glued forms (AlSharq AlAwsat), vowel spellings
(Youm/Yawm, Jadeed/Jadid), Arabic hamza/ta-marbuta/alef-maqsura variants and generic words such as
صحيفة.  Names the registry does not know are kept as written by the caller and collected per call in an
:class:`UnknownOutlets` (the registry itself is frozen), so the file can grow.
"""

from __future__ import annotations

import bisect
import csv
import difflib
import io
import logging
import re
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import rapidfuzz.process
from rapidfuzz import fuzz

from translator.citations.cues import Cues, cues
from translator.config import glossary_dirs
from translator.errors import GlossaryError
from translator.text.arabic import fold, is_arabic
from translator.text.latin import fold_latin
from translator.wordfreq_index import zipf_frequency

__all__ = ["COLUMNS", "Outlet", "OutletMatch", "OutletRegistry", "UnknownOutlets", "arabic_key", "forget_memos",
           "latin_key"]

COLUMNS = ("canonical", "arabic", "aliases", "country", "type", "language", "description", "leaning",
           "domain", "note")
REQUIRED = ("canonical",)
_APOSTROPHES = re.compile(r"['’‘`´ʼʻ]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_FUZZY_CUTOFF = 0.88
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # find_in_text's words
_BREAK = re.compile(r"[,.;:()\[\]\"“”!?\n]")  # no outlet name runs across these
_POSSESSIVE = re.compile(r"['’]s$")
_ASSIMILATED = re.compile(r"[ae]([b-df-hj-np-tv-z])\1")  # _drop_glued_article
_SUN_DIGRAPH = re.compile(r"[ae](?:sh|ch|th|dh)")
_COMMON_WORD_ZIPF = 4.0


def _none(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


@dataclass(frozen=True)
class Outlet:
    """One outlet of the registry.  ``arabic_variants`` are all its Arabic-script names, main one first."""

    canonical: str
    arabic: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    type: str | None = None
    language: tuple[str, ...] = ()
    description: str | None = None
    leaning: str | None = None
    domain: str | None = None
    note: str | None = None

    @property
    def arabic_variants(self) -> tuple[str, ...]:
        names = [self.arabic] if self.arabic else []
        names += [a for a in self.aliases if is_arabic(a)]
        return tuple(dict.fromkeys(names))

    @property
    def latin_names(self) -> tuple[str, ...]:
        """The canonical name and every alias not written in Arabic script."""
        return tuple(dict.fromkeys([self.canonical, *(a for a in self.aliases if not is_arabic(a))]))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*self.latin_names, *self.arabic_variants]))

    def completion(self, prefix: str) -> str | None:
        """The first of its names (canonical first) that ``prefix``, a name cut short, is the start of."""
        key = _prefix_key(prefix)
        for name in self.names:
            if key and _prefix_key(name).startswith(key):
                return name
        return None

    @property
    def primary_language(self) -> str | None:
        return self.language[0] if self.language else None

    def to_dict(self) -> dict[str, object]:
        return {"canonical": self.canonical, "arabic": self.arabic, "arabic_variants": list(self.arabic_variants),
                "aliases": list(self.aliases), "country": self.country, "type": self.type,
                "language": list(self.language), "description": self.description, "leaning": self.leaning,
                "domain": self.domain, "note": self.note}

    @classmethod
    def from_row(cls, row: dict[str, str]) -> Outlet:
        def split(value: str | None) -> tuple[str, ...]:
            return tuple(p.strip() for p in (value or "").split("|") if p.strip())

        return cls(canonical=row["canonical"].strip(), arabic=_none(row.get("arabic")),
                   aliases=split(row.get("aliases")), country=_none(row.get("country")),
                   type=_none(row.get("type")), language=split(row.get("language")),
                   description=_none(row.get("description")), leaning=_none(row.get("leaning")),
                   domain=_none(row.get("domain")), note=_none(row.get("note")))


@dataclass(frozen=True)
class OutletMatch:
    """What :meth:`OutletRegistry.resolve` found for ``query``.

    ``method`` says how: ``exact`` (same spelling up to case, hyphens and articles), ``squashed`` (glued
    forms), ``trimmed`` (after dropping words such as "daily" or "Lebanese"), ``prefix`` (a name cut
    short), ``spelling`` (vowel/consonant transliteration variants), ``fuzzy`` (close spelling) or ``none``.
    ``candidates`` are all outlets the name fits; ``ambiguous`` is True when nothing decided between them.
    """

    query: str
    outlet: Outlet | None
    candidates: tuple[Outlet, ...] = ()
    method: str = "none"
    ambiguous: bool = False

    @property
    def approximate(self) -> bool:
        return self.method in {"prefix", "spelling", "fuzzy"}

    def warnings(self) -> list[str]:
        notes = []
        if self.outlet is None:
            return [f"unknown outlet {self.query!r}: kept as written (add it to glossary/outlets.csv)"]
        if self.ambiguous:
            names = " | ".join(c.canonical for c in self.candidates)
            notes.append(f"ambiguous outlet {self.query!r} ({names}): took {self.outlet.canonical!r}, "
                         f"the first listed; check the country")
        if self.approximate:
            notes.append(f"outlet {self.query!r} matched {self.outlet.canonical!r} by {self.method}")
        return notes


_EZAFE_WORDS = frozenset({"e", "ye", "i"})  # Persian ezafe, Urdu izafat: Jomhouri-ye Eslami, Nawa-i-Waqt


def latin_key(name: str) -> str:
    """Matching key of a Latin-script name: no accents, case, apostrophes, hyphens or Arabic articles, and no
    ezafe between two words (``Jomhouri-ye Eslami`` = ``Jomhouri-e Eslami`` = ``Jomhouri Eslami``, ``Nawa-i-Waqt`` =
    ``Nawa-e-Waqt``: transliterations write it, or not, each their own way)."""
    text = _APOSTROPHES.sub("", fold_latin(name).replace("&", " and "))
    words = [w for w in _NON_WORD.split(text) if w]
    articles = cues().lower_set("article")
    kept = [w for i, w in enumerate(words)
            if w not in articles and not (w in _EZAFE_WORDS and 0 < i < len(words) - 1)]
    return " ".join(kept or words)


def _prefix_key(name: str) -> str:
    """Lowercase words without accents or apostrophes, articles kept (for names cut short)."""
    if is_arabic(name):
        return arabic_key(name)
    text = _APOSTROPHES.sub("", fold_latin(name))
    return " ".join(w for w in _NON_WORD.split(text) if w)


def _squash(key: str) -> str:
    """Glued spelling, article dropped: ``alsharq alawsat``, ``asharq al awsat`` and ``sharq awsat`` all
    give ``sharqawsat``; ``assabah``/``as sabah``, ``ennahar``/``en nahar``, ``echorouk``/``ech chorouk``
    (the article assimilated to a sun letter) lose it too. A name's (at most 200 characters) is remembered
    (issue 20: each window of up to six words of a line is squashed to be looked up)."""
    return _remembered_squash(key) if len(key) <= 200 else _squash_of(key)


def _squash_of(key: str) -> str:
    return "".join(_drop_glued_article(w) for w in key.split())


_remembered_squash = lru_cache(maxsize=65_536)(_squash_of)


def _drop_glued_article(word: str) -> str:
    if len(word) <= 4:
        return word
    if word[:2] in {"al", "el"}:
        return word[2:]
    if _ASSIMILATED.match(word):
        return word[2:]  # assabah, ennahar, addiyar
    if _SUN_DIGRAPH.match(word):
        return word[1:]  # asharq, echorouk
    return word


def _skeleton(key: str) -> str:
    """Transliteration skeleton: consonants only, q=k, doubled letters single (Yawm/Youm, Jadeed/Jadid). A
    name's is remembered (issue 20: asked again for each line the name is looked up from); a long key is not."""
    return _remembered_skeleton(key) if len(key) <= 200 else _skeleton_of(key)


def _skeleton_of(key: str) -> str:
    squashed = _squash(key).replace("q", "k").replace("ph", "f")
    consonants = re.sub(r"[aeiouyw]", "", squashed)
    return re.sub(r"(.)\1+", r"\1", consonants)


_remembered_skeleton = lru_cache(maxsize=65_536)(_skeleton_of)


_ALEF_RUN = re.compile("ا{2,}")


def arabic_key(name: str) -> str:
    """Matching key of an Arabic-script name: letter folds, no tashkeel/tatweel, no generic lead word; a run of alefs
    is one (transliterations write a long a with an alef before the madda: ``هاآرتس`` = ``هآرتس`` = ``هارتس``)."""
    words = _ALEF_RUN.sub("ا", fold(name)).split()
    generic = _generic_keys(cues())
    while len(words) > 1 and words[0] in generic:
        words = words[1:]
    return " ".join(words)


@cache
def _generic_keys(table: Cues) -> frozenset[str]:
    """The folded ``arabic_generic`` cues (صحيفة, جريدة, قناة ...), once per cue table (issue 13: folded again for
    each name looked up)."""
    return frozenset(fold(w) for w in table.words("arabic_generic"))


@lru_cache(maxsize=65536)
def _key(name: str) -> str:  # remembered: citations name the same outlets again and again
    return arabic_key(name) if is_arabic(name) else latin_key(name)


@dataclass
class UnknownOutlets:
    """Outlet names seen in citations but not found in the registry, collected for one caller (a run, a
    command, a notebook cell): pass one to :func:`translator.citations.parse_citations` as ``unknown=``."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def note(self, name: str, *, context: str | None = None) -> None:
        """Record ``name`` (whitespace collapsed) and up to three distinct ``context`` snippets."""
        name = " ".join(name.split())
        if not name:
            return
        self.counts[name] += 1
        examples = self.examples.setdefault(name, [])
        if context and len(examples) < 3 and context not in examples:
            examples.append(context)

    def report(self) -> list[dict[str, object]]:
        """Outlets seen but not found, most frequent first: ``{"name", "count", "examples"}``."""
        return [{"name": name, "count": count, "examples": list(self.examples.get(name, []))}
                for name, count in sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))]


#: every registry alive, for :func:`forget_memos`
_LIVE: weakref.WeakValueDictionary[int, OutletRegistry] = weakref.WeakValueDictionary()


def forget_memos() -> None:
    """:meth:`OutletRegistry.forget_memos` of every registry alive."""
    for registry in list(_LIVE.values()):
        registry.forget_memos()


@dataclass(frozen=True)
class OutletRegistry:
    """All outlets, indexed for tolerant lookup. Frozen: it is safe to share and cache; names it does not
    know are collected by the caller (:class:`UnknownOutlets`), never on the registry."""

    outlets: tuple[Outlet, ...]
    sources: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()  # rows of the CSV files that were skipped, and why
    _index: dict[str, dict[str, list[int]]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "outlets", tuple(self.outlets))
        object.__setattr__(self, "sources", tuple(self.sources))
        object.__setattr__(self, "problems", tuple(self.problems))
        tiers: dict[str, dict[str, list[int]]] = {"exact": {}, "squashed": {}, "spelling": {}}
        for number, outlet in enumerate(self.outlets):
            for name in outlet.names:
                key = _key(name)
                if not key:
                    continue
                self._add(tiers["exact"], key, number)
                if not is_arabic(name):
                    self._add(tiers["squashed"], _squash(key), number)
                    skeleton = _skeleton(key)
                    if len(skeleton) >= 4:
                        self._add(tiers["spelling"], skeleton, number)
        object.__setattr__(self, "_index", tiers)
        _LIVE[id(self)] = self

    def forget_memos(self) -> None:
        """Empty the remembered look-ups (pure: no answer changes), as a long text's parts do (issue 13)."""
        for name in ("_candidates_memo", "_begins_memo"):
            memo = self.__dict__.get(name)
            if memo:
                memo.clear()

    @staticmethod
    def _add(index: dict[str, list[int]], key: str, number: int) -> None:
        slot = index.setdefault(key, [])
        if number not in slot:
            slot.append(number)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, paths: Sequence[str | Path] | None = None) -> OutletRegistry:
        """Read ``outlets*.csv`` from each folder (default: the glossary folders) or the files given.

        A later file's row with the same canonical name replaces an earlier one (local additions win). A bad
        row (no canonical name, a value that cannot be read, a canonical name repeated in one file) is skipped
        and named in ``problems`` (each logged once), never a reason to fail a run (issue #13).

        Raises :class:`GlossaryError` when a path does not exist, no ``outlets*.csv`` is found, or a file has
        no usable header or cannot be read as UTF-8.
        """
        files: list[Path] = []
        for place in (glossary_dirs() if paths is None else [Path(p) for p in paths]):
            place = Path(place)
            if place.is_dir():
                files.extend(sorted(place.glob("outlets*.csv")))
            elif place.exists():
                files.append(place)
            else:
                raise GlossaryError(f"Outlet registry {place} does not exist: pass an existing CSV file or "
                                    f"folder, or set TRANSLATOR_GLOSSARY_DIR.")
        if not files:
            raise GlossaryError("No outlets.csv found in the glossary folders "
                                f"{[str(p) for p in glossary_dirs()]}: set TRANSLATOR_GLOSSARY_DIR to the "
                                "folder holding glossary/outlets.csv.")
        by_name: dict[str, Outlet] = {}
        problems: list[str] = []
        for path in files:
            outlets, skipped = _read_csv(path)
            problems += skipped
            for outlet in outlets:
                by_name.pop(outlet.canonical, None)
                by_name[outlet.canonical] = outlet
        for problem in problems:
            _log_once(problem)
        return cls(tuple(by_name.values()), sources=tuple(str(f) for f in files), problems=tuple(problems))

    def __len__(self) -> int:
        return len(self.outlets)

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self.outlets)

    # ------------------------------------------------------------------ lookup
    def lookup(self, name: str, *, hint: str | None = None) -> Outlet | None:
        """The outlet called ``name`` (any known spelling), or None; ``hint`` (a description such as
        "Lebanese daily") decides between outlets sharing a name."""
        return self.resolve(name, hint=hint).outlet

    def by_domain(self, address: str) -> Outlet | None:
        """The outlet whose site ``address`` is on (``http://www.almadapaper.net/...`` → Al-Mada): the host
        less ``www.``/``m.``/``en.``/``english.``, or a parent of it, equals the outlet's ``domain``; None when no
        row or several rows claim it (session 7: digests that name a paper only by its address)."""
        host = re.sub(r"^[a-z]+://", "", address.strip().lower()).split("/", 1)[0].split(":", 1)[0]
        host = re.sub(r"^(?:www\d?|m|en|english|arabic|ar)\.", "", host)
        domains = self.__dict__.get("_domains")
        if domains is None:
            domains = {}
            for outlet in self.outlets:
                for domain in (outlet.domain or "").lower().replace(" ", "").split("|"):
                    domain = re.sub(r"^(?:https?://)?(?:www\.)?", "", domain).strip("/")
                    if domain:
                        domains.setdefault(domain, []).append(outlet)
            object.__setattr__(self, "_domains", domains)
        parts = host.split(".")
        for i in range(len(parts) - 1):
            found = domains.get(".".join(parts[i:]))
            if found:
                return found[0] if len(found) == 1 else None
        return None

    def lookup_all(self, name: str) -> list[Outlet]:
        """Every outlet that ``name`` may refer to (several for Al-Watan, Al-Ayyam, الشرق ...)."""
        return list(self.resolve(name).candidates)

    def resolve(self, name: str, *, hint: str | None = None, prefix: bool = False,
                context: Iterable[str] = ()) -> OutletMatch:
        """Find ``name`` tier by tier (see :class:`OutletMatch`); ``prefix=True`` when the name may be cut
        short; ``context`` = canonical names already cited in the same document (preferred on a tie)."""
        query = " ".join(name.split())
        if not query:
            return OutletMatch(query, None)
        memo = self.__dict__.setdefault("_candidates_memo", {})  # the registry is frozen: lookups repeat
        found = memo.get((query, prefix))
        if found is None:
            if len(memo) > 50_000:
                memo.clear()
            found = memo[(query, prefix)] = self._candidates(query, prefix)
        hits, method = list(found[0]), found[1]
        if not hits:
            return OutletMatch(query, None)
        return self._decide(query, hits, method, hint, set(context))

    def _candidates(self, query: str, prefix: bool = False) -> tuple[list[int], str]:
        if prefix and self._prefix(query):
            return self._prefix(query), "prefix"
        key = _key(query)
        if is_arabic(query):
            return self._index["exact"].get(key, []), "exact" if key in self._index["exact"] else "none"
        exact = self._index["exact"].get(key, [])
        squashed = self._index["squashed"].get(_squash(key), [])
        if exact or squashed:
            return list(dict.fromkeys([*exact, *squashed])), "exact" if exact else "squashed"
        trimmed = _trim(query)
        if trimmed and trimmed != query:
            hits, method = self._candidates(trimmed)
            if hits:
                return hits, "trimmed" if method == "exact" else method
        skeleton = _skeleton(key)
        if len(skeleton) >= 5 and skeleton in self._index["spelling"]:
            return self._index["spelling"][skeleton], "spelling"
        word = _squash(key)
        close = difflib.get_close_matches(word, self._may_be_close(word), n=2, cutoff=_FUZZY_CUTOFF)
        if len(close) == 1 or (close and len(self._index["squashed"][close[0]]) == 1 and len(close[0]) >= 6):
            return self._index["squashed"][close[0]], "fuzzy"
        return [], "none"

    def _near_in_length(self, size: int) -> list[str]:
        """The squashed names that difflib's first test (``real_quick_ratio``, from the lengths alone) lets
        through for a word of ``size`` letters: the same matches as offering them all, without scoring names
        that cannot reach the cutoff (issue 20: the scan was most of an unknown name's lookup)."""
        near = self.__dict__.setdefault("_near_by_size", {})  # the registry is frozen: one list per size
        if size in near:
            return near[size]
        by_length = self.__dict__.get("_by_length")
        if by_length is None:
            by_length = {}
            for name in self._index["squashed"]:
                by_length.setdefault(len(name), []).append(name)
            self.__dict__["_by_length"] = by_length
        near[size] = [name for length, names in by_length.items()
                      if (2.0 * min(length, size) / (length + size) if length + size else 1.0) >= _FUZZY_CUTOFF
                      for name in names]
        return near[size]

    def _may_be_close(self, word: str) -> list[str]:
        """The squashed names that may reach difflib's cutoff for ``word``, in the registry's order.

        rapidfuzz's ``ratio`` is 2·LCS/(|a|+|b|) with the longest common subsequence, and difflib's ``ratio``
        counts the characters of matching blocks, which form a common subsequence: rapidfuzz's score is never
        below difflib's, so leaving out the names under the cutoff by rapidfuzz (in C, a few µs for the whole
        registry) leaves difflib's answer unchanged (issue 20: an unknown line, such as a page's
        "Document 12" stamp, was scored against every name in Python).
        """
        names = self._near_in_length(len(word))
        cutoff = _FUZZY_CUTOFF * 100 - 1e-6  # a hair under: float rounding never drops a name difflib keeps
        kept = rapidfuzz.process.extract(word, names, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        return [names[i] for i in sorted(index for _, _, index in kept)]

    def _prefix(self, query: str) -> list[int]:
        """Outlets with a name that starts with ``query`` as written (articles kept: "Al-Quds al" is the
        start of "Al-Quds al-Arabi", not the whole of "Al-Quds")."""
        key = _prefix_key(query)
        if len(key) < 3:
            return []
        keys = self.__dict__.get("_prefix_keys")
        if keys is None:  # every name's key, sorted: the names a prefix begins are one run (issue 15: no scan)
            keys = sorted({(_prefix_key(name), number) for number, outlet in enumerate(self.outlets)
                           for name in outlet.names})
            self.__dict__["_prefix_keys"] = keys
        hits: set[int] = set()
        for name_key, number in keys[bisect.bisect_left(keys, (key, -1)):]:
            if not name_key.startswith(key):
                break
            hits.add(number)
        return sorted(hits)

    def _decide(self, query: str, hits: list[int], method: str, hint: str | None,
                context: set[str]) -> OutletMatch:
        """One outlet for ``query``: the best fit to ``hint`` and ``context``, then the literal spelling,
        then the registry's order (its first row of a shared name is the usual referent)."""
        outlets = [self.outlets[n] for n in sorted(hits)]
        if len(outlets) == 1:
            return OutletMatch(query, outlets[0], tuple(outlets), method)
        literal = query.casefold()
        scores = [_hint_score(o, hint or "") + (3 if o.canonical in context else 0)
                  + (0.5 if any(n.casefold() == literal for n in o.names) else 0) for o in outlets]
        best = max(scores)
        top = [o for o, s in zip(outlets, scores, strict=True) if s == best]
        return OutletMatch(query, top[0], tuple(outlets), method, ambiguous=len(top) > 1)

    def find_in_text(self, text: str, *, max_words: int = 6) -> list[tuple[int, int, OutletMatch]]:
        """Known outlet names in running Latin-script text, longest first, as (start, end, match).

        Only windows starting with a capital letter (or an article glued to one: ``al-Sharq``) count, and
        only exact or glued spellings, so ordinary words are not taken for outlets.
        """
        words = list(_WORD.finditer(text))
        found: list[tuple[int, int, OutletMatch]] = []
        taken_until = -1
        stop: re.Match[str] | None = None
        searched = False
        for i, first in enumerate(words):
            if first.start() < taken_until or not _may_start_name(text, first) or not self._may_begin(first.group()):
                continue
            if not searched or (stop is not None and stop.start() < first.start()):
                # a window reaching past it holds a break; the next break is looked for again only once passed
                # (a search from every word took time quadratic in a text with none: "Al- Al- Al- ...")
                stop, searched = _BREAK.search(text, first.start()), True
            limit = stop.start() if stop is not None else len(text)
            for j in range(min(len(words), i + max_words), i, -1):
                last = words[j - 1]
                if last.end() > limit:
                    continue
                span = text[first.start():last.end()]
                if not (span[-1].isupper() or last.group()[0].isupper() or last.group()[0].isdigit()
                        or j - 1 == i):
                    continue
                key = latin_key(_POSSESSIVE.sub("", span))  # "Ad-Dustour's editorial"
                numbers = self._index["exact"].get(key) or self._index["squashed"].get(_squash(key))
                if numbers and _plausible_in_prose(text[first.start():last.end()], j - i):
                    end = last.end() - (2 if _POSSESSIVE.search(span) and key != latin_key(span) else 0)
                    match = self._decide(text[first.start():end], numbers, "exact", None, set())
                    found.append((first.start(), end, match))
                    taken_until = last.end()
                    break
        return found

    def _may_begin(self, word: str) -> bool:
        """False when no name ``find_in_text`` looks up can begin with ``word`` (issue 20: most capitalized
        words of running text begin none, and each was looked up with up to six windows).

        A window's key (``latin_key``) begins with ``word``'s first key word unless that is an article, and its
        glued form (``_squash``) with that word's glued form; an exact key's glued form begins the same way. So
        a window can be found only if that glued word (of ``word`` with or without a possessive ``'s``, which
        a one-word window loses) begins the glued form of some known key."""
        memo = self.__dict__.get("_begins_memo")
        if memo is None:
            glued = [*self._index["squashed"], *(_squash(key) for key in self._index["exact"])]
            self.__dict__["_glued_starts"] = {name[:n] for name in glued for n in range(1, len(name) + 1)}
            memo = self.__dict__["_begins_memo"] = {}
        found = memo.get(word)
        if found is None:
            if len(memo) > 50_000:
                memo.clear()
            starts, articles = self.__dict__["_glued_starts"], cues().lower_set("article")
            found = memo[word] = False
            for variant in {word, _POSSESSIVE.sub("", word)}:
                pieces = [w for w in _NON_WORD.split(_APOSTROPHES.sub("", fold_latin(variant))) if w]
                if not pieces or pieces[0] in articles or _drop_glued_article(pieces[0]) in starts:
                    found = memo[word] = True
                    break
        return found


def _read_csv(path: Path) -> tuple[list[Outlet], list[str]]:
    """The outlets of one CSV file and the rows skipped (as messages naming file and line)."""
    problems: list[str] = []
    try:
        from ..corpus.decode import decode_table  # Excel's "CSV UTF-8" has a BOM; its "CSV" is windows-1256

        text, note = decode_table(path.read_bytes(), name=str(path))
        if note:
            problems.append(note)
        with io.StringIO(text, newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise GlossaryError(f"{path}: missing column(s) {missing}; the header must have "
                                    f"{', '.join(COLUMNS)}.")
            outlets: list[Outlet] = []
            seen: dict[str, int] = {}
            for line, row in enumerate(reader, start=2):
                canonical = (row.get("canonical") or "").strip()
                if not canonical:
                    problems.append(f"{path}, line {line}: empty canonical name; row skipped (fill it or delete "
                                    "the row)")
                    continue
                if canonical in seen:
                    problems.append(f"{path}, line {line}: canonical name {canonical[:80]!r} is already on line "
                                    f"{seen[canonical]}; row skipped (add the country in parentheses, e.g. "
                                    "'Al-Watan (Qatar)')")
                    continue
                try:
                    outlets.append(Outlet.from_row(row))
                except (TypeError, ValueError, KeyError, AttributeError) as exc:
                    problems.append(f"{path}, line {line}: {type(exc).__name__}: {str(exc)[:160]}; row skipped")
                    continue
                seen[canonical] = line
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError(f"Cannot read outlet registry {path}: {exc}. Save it as UTF-8 CSV.") from exc
    return outlets, problems


_LOGGED: set[str] = set()


def _log_once(problem: str) -> None:
    """Log a registry problem the first time it is seen in this process (the registry is loaded often)."""
    if problem not in _LOGGED:
        _LOGGED.add(problem)
        logging.getLogger("translator").warning("outlet registry: %s", problem)


def _trim(name: str) -> str:
    """``name`` without leading descriptors (nationalities, "the", "electronic") and trailing type nouns."""
    lead, trail = _trim_patterns()
    text = lead.sub("", name.strip())
    return trail.sub("", text).strip()


@lru_cache(maxsize=1)
def _trim_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:func:`_trim`'s two patterns, compiled once (issue 20: built and looked up in ``re``'s cache per call)."""
    c = cues()
    lead = r"(?:(?:the|a|an)\s+|" + c.pattern("nationality") + r"\s+|" + c.pattern("format_word") + r"\s+)*"
    trail = r"(?:\s+" + c.pattern("type_noun") + r")+"
    return re.compile(r"^" + lead, re.IGNORECASE), re.compile(trail + r"$", re.IGNORECASE)


def _hint_score(outlet: Outlet, hint: str) -> float:
    """How well a description ("Lebanese daily", "pro-government newspaper") fits ``outlet``."""
    if not hint:
        return 0
    score = 0.0
    lowered = hint.lower()
    if outlet.country:
        home = outlet.country.lower()
        # the country outweighs a leaning two outlets share ("privately owned")
        score += 3 * sum(country in home for country in _hint_countries(lowered))
    for field_text in (outlet.leaning, outlet.description, outlet.domain):
        if field_text and field_text.lower() in lowered:
            score += 1
    if outlet.leaning and any(w in lowered for w in re.findall(r"[a-z][a-z-]{4,}", outlet.leaning.lower())):
        score += 1
    return score


@lru_cache(maxsize=1024)
def _hint_countries(lowered: str) -> tuple[str, ...]:
    """The countries a lower-cased description names, one per form found: the adjective ("syrian daily") or the
    country itself, possessive too ("syria's privately owned daily"). Read once per description, not once per
    outlet that shares a name (:meth:`OutletRegistry._decide` scores each)."""
    c = cues()
    named: set[str] = set()
    found: list[str] = []
    for word in c.words("nationality"):
        country = (c.value("nationality", word) or "").lower().split(" (")[0]
        for form in (word.lower(), country):
            if form and form not in named and re.search(r"(?<![\w-])" + re.escape(form) + r"(?:['’]s)?(?![\w-])",
                                                        lowered):
                named.add(form)
                if country:
                    found.append(country)
    return tuple(found)


@lru_cache(maxsize=1)
def _articles() -> frozenset[str]:
    """The article cues, lower case (asked for each word of a line: one call, not two, issue 20)."""
    return cues().lower_set("article")


def _may_start_name(text: str, word: re.Match[str]) -> bool:
    """A capitalized word, or an article glued by a hyphen to one ("al-Sharq"); not a free-standing
    article ("As the National Assembly" is no outlet)."""
    token = word.group()
    if token.lower() in _articles():
        rest = text[word.end():word.end() + 3]
        # "al-Sharq"; "Al- Thawra" (a space after the hyphen, as some pages print it: issue 15)
        glued = len(rest) >= 2 and rest[0] in "-‐" and (rest[1].isupper() or (rest[1] == " " and rest[2:].isupper()))
        # "El Khabar", "An Nahar": a capitalized Arabic article standing apart before a capitalized word
        # ("The" is left out: "The National Assembly" is no outlet)
        spaced = token[0].isupper() and token.lower() != "the" and bool(re.match(r"[ \t]+[A-Z]", text[word.end():]))
        return glued or spaced
    return token[0].isupper() or token[0].isdigit()


def _plausible_in_prose(span: str, words: int) -> bool:
    """A common English word ("National", "Sabah" is not one) alone is not taken for an outlet in prose."""
    if len(span) <= 3 and not span.isupper():
        return False
    if words == 1 and not span.isupper() and zipf_frequency(span.lower(), "en") >= _COMMON_WORD_ZIPF:
        return False
    return any(ch.isupper() for ch in span)

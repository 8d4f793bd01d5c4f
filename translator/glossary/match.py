"""Arabic-aware glossary matching: folded letters, proclitics, multiword terms, longest match wins.

How a text is matched:
1. fold it for matching with offsets back (``text.arabic.fold_for_matching``);
2. cut it into words; for each word try its readings (the word itself, then proclitic + stem, with the
   article's alif restored after ل: للجزائر → ل + الجزائر) and look the stem up in an index keyed by the
   first word of every glossary spelling;
3. a candidate term must continue with its next words exactly (a tree of the forms' next words is walked),
   separated only by spaces, hyphens, quotation marks or a hashtag's underscore, and end at a word end: no match
   inside an unrelated word; a word that starts no term may be two words run together, the second with its
   article (الأممالمتحدة: :meth:`TermIndex.glued`);
4. of overlapping candidates the longest in words wins, then the higher layer of the term base (a glossary
   entry over a gazetteer place: وأكرا is و + أكرا "Accra", not a town واكرا), then the longest in letters;
   ties prefer no clitic, then the entry's own source over a variant, then the later glossary file.

Only the first word of a term can carry clitics (والاتحاد الأفريقي, بجبهة البوليساريو).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from pathlib import Path

from ..diskcache import cached, fingerprint, folding_inputs
from ..text.arabic import (
    Reading,
    data_table,
    fold,
    hamza_seat_variants,
    joins_words,
    original_span,
    readings,
    spelling_variants,
)
from ..text.arabic import tokens as _words
from .entry import LAYERS, GlossaryEntry, TermMatch
from .wordinfo import prepared

__all__ = ["TermIndex", "find_terms", "outlet_words"]

# A conjunction typed on the wrong side of a space ("الجزائرو تونس" for "الجزائر وتونس").
_STRAY_CONJUNCTION = "و"
# Two words run together, the second with its article (الأممالمتحدة): the article, the shortest second part (with
# it), the shortest and the longest word looked at (TermIndex.glued; a longer "word" is no two words of a name, and
# its splits would cost time with the square of its length)
_ARTICLE = "ال"
_GLUED_TAIL = 4
_GLUED_WORD = 7
_GLUED_LONGEST = 30
_LAYER_RANK = {layer: number for number, layer in enumerate(LAYERS)}
# Marks that set a name apart in running text: quotes and brackets (either direction; Arabic text mixes them).
_QUOTES = frozenset("\"'«»“”‘’„‟()[]{}")


@cache
def outlet_words() -> tuple[tuple[str, ...], ...]:
    """Normalized words that introduce an outlet name (صحيفة, قناة, وكالة أنباء...)."""
    return tuple(tuple(fold(row["word"]).split()) for row in data_table("outlet_words.tsv"))


@cache
def outlet_word_media() -> dict[tuple[str, ...], str]:
    """Each normalized outlet word (:func:`outlet_words`) and the kind of outlet it introduces (``outlet_words.tsv``
    column ``medium``: newspaper, tv, radio, agency or web)."""
    return {tuple(fold(row["word"]).split()): row.get("medium") or "" for row in data_table("outlet_words.tsv")}


def medium_fits(lead: tuple[str, ...], media: frozenset[str]) -> bool:
    """Whether the outlet word ``lead`` (normalized words) may introduce an outlet of ``media`` (its registry
    type as kinds, :func:`translator.glossary.outlets.outlet_media`; empty = unknown, anything fits): a web word
    introduces any outlet, a newspaper word a paper or a news site, the others their own kind only."""
    medium = outlet_word_media().get(lead, "")
    if not media or not medium or medium == "web":
        return True
    if medium == "newspaper":
        return bool(media & {"newspaper", "web"})
    return medium in media


def entry_media(flags: Iterable[str]) -> frozenset[str]:
    """The outlet kinds an outlet entry's ``media=`` flag names (``media=tv,web``); empty when it has none."""
    for flag in flags:
        if flag.startswith("media="):
            return frozenset(flag[6:].split(","))
    return frozenset()


@cache
def plural_outlet_words() -> frozenset[str]:
    """Normalized dual and plural words that introduce several outlets (صحيفتي, صحف: ``outlet_words.tsv`` rows whose
    meaning ends with "(dual)" or "(plural)"): the names coordinated after the first are outlets too."""
    return frozenset(fold(row["word"]) for row in data_table("outlet_words.tsv")
                     if row.get("meaning", "").rstrip().endswith(("(dual)", "(plural)")))


@dataclass(frozen=True)
class _Form:
    words: tuple[str, ...]
    entry: GlossaryEntry
    is_variant: bool
    priority: int
    quoted_only: bool = False
    layer_rank: int = 0  # the entry's layer's place in LAYERS (for _Candidate.rank)


class _Node:
    """One word of the forms' tree (:meth:`TermIndex._split`): the forms that end at it, and the next words."""

    __slots__ = ("forms", "next")

    def __init__(self) -> None:
        self.forms: list[_Form] = []
        self.next: dict[str, _Node] = {}

    def child(self, word: str) -> _Node:
        node = self.next.get(word)
        if node is None:
            node = self.next[word] = _Node()
        return node


class TermIndex:
    """Glossary spellings indexed by their first normalized word."""

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self._by_first: dict[str, list[_Form]] = {}
        self._readings: dict[tuple[str, bool], list[tuple[Reading, bool, list[_Form]]]] = {}
        self._starts: dict[tuple[str, bool], list[_Start]] = {}
        self._glued: dict[str, list[tuple[int, str, _Form]]] = {}
        self._idle: set[str] = set()  # words that start no term and hold no two run together, wherever they stand
        entries = list(entries)
        spellings = [(spelling, "quoted" in entry.flags, ",".join(sorted(entry_media(entry.flags))))
                     for entry in entries for spelling in (entry.source, *entry.variants)]
        forms_of = iter(_spelling_forms(spellings))
        for priority, entry in enumerate(entries):
            seen: set[tuple[str, ...]] = set()
            for number in range(1 + len(entry.variants)):
                for form, quoted_only in next(forms_of):
                    if form not in seen:
                        seen.add(form)
                        self._by_first.setdefault(form[0], []).append(
                            _Form(form, entry, number > 0, priority, quoted_only, _LAYER_RANK.get(entry.layer, 0)))
        for forms in self._by_first.values():
            forms.sort(key=lambda f: -len(f.words))
        self._split()

    def _split(self) -> None:
        """Forms by (first word, second word), and the one-word forms by first word: a first word such as وزير
        starts thousands of composed forms, and the next word of the text picks a few of them. The forms of two
        words or more are also kept as a tree of their words after the first (:class:`_Node`, ``_after``): the
        matcher walks it with the text's next words, so a form whose third word is not the text's is never
        looked at (وزير الخارجية starts hundreds of composed forms). A first word's tree is built the first time a
        text has the word (:meth:`_tree`): building them all took ≈ 0.8 s of start-up."""
        self._by_pair: dict[tuple[str, str], list[_Form]] = {}
        self._single: dict[str, list[_Form]] = {}
        self._after: dict[str, _Node | None] = {}
        for first, forms in self._by_first.items():
            for form in forms:
                if len(form.words) == 1:
                    self._single.setdefault(first, []).append(form)
                else:
                    self._by_pair.setdefault((first, form.words[1]), []).append(form)

    def _tree(self, first: str) -> _Node | None:
        """The tree of the words after ``first`` of the forms of two words or more that start with it (None: no
        such form), built on first use."""
        if first in self._after:
            return self._after[first]
        tree = None
        for form in self._by_first.get(first, ()):
            if len(form.words) > 1:
                node = tree = tree or _Node()
                for word in form.words[1:]:
                    node = node.child(word)
                node.forms.append(form)
        self._after[first] = tree
        return tree

    def forms_after(self, first: str, following: str | None) -> list[_Form]:
        """The forms starting with ``first`` whose second word is ``following`` (or ``following`` less a stray
        و), longest first, then the one-word forms."""
        if following is None:
            return self._single.get(first, [])
        found = self._by_pair.get((first, following), [])
        if following.endswith(_STRAY_CONJUNCTION) and len(following) > 2:
            found = found + self._by_pair.get((first, following[: -len(_STRAY_CONJUNCTION)]), [])
        single = self._single.get(first)
        return found + single if single else found

    def __len__(self) -> int:
        return sum(len(forms) for forms in self._by_first.values())

    def candidates(self, first_word: str) -> list[_Form]:
        return self._by_first.get(first_word, [])

    def __getstate__(self) -> dict[str, object]:
        return {"_by_first": self._by_first, "_readings": {}, "_starts": {}, "_glued": {}}  # caches: not shipped

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._idle = set()
        self._split()

    def readings(self, word: str, stray: bool) -> list[tuple[Reading, bool, list[_Form]]]:
        """The readings of ``word`` that start some glossary spelling (cached: words repeat a lot).

        Each is (analysis, whether a stray conjunction was cut off the end, the forms it may start).
        """
        found = self._readings.get((word, stray))
        return found if found is not None else self._read(word, stray)

    def glued(self, word: str) -> list[tuple[int, str, _Form]]:
        """The two-word terms ``word`` holds with no space before the second word's article (الأممالمتحدة is
        الأمم المتحدة, والأممالمتحدة و + الأمم المتحدة: a space lost on the web), as (offset of the term in the word,
        proclitic, form); the second part must have four letters or more. Remembered per word."""
        found = self._glued.get(word)
        if found is not None:
            return found
        found = []
        at = word.find(_ARTICLE, 2)
        while at > 0:
            head, tail = word[:at], word[at:]
            if len(tail) >= _GLUED_TAIL:
                for reading in readings(head):
                    tree = self._tree(reading.stem) if reading.stem in self._by_first else None
                    node = tree.next.get(tail) if tree is not None else None
                    if node is not None:
                        found += [(reading.stem_offset, reading.clitic, form) for form in node.forms
                                  if not form.quoted_only]
            at = word.find(_ARTICLE, at + 1)
        if len(self._glued) > 200_000:
            self._glued.clear()
        self._glued[word] = found
        return found

    def _read(self, word: str, stray: bool) -> list[tuple[Reading, bool, list[_Form]]]:
        """:meth:`readings` worked out and remembered."""
        found = []
        starts = []
        for reading in readings(word):
            stems = [(reading.stem, False)]
            if stray and len(reading.stem) > 2:
                stems.append((reading.stem[: -len(_STRAY_CONJUNCTION)], True))
            for stem, cut in stems:
                forms = self._by_first.get(stem)
                if forms:
                    found.append((reading, cut, forms))
                    # for find_terms: where the term starts in the word, its clitic, whether a stray و ends the
                    # word, the one-word forms, and the tree of the longer ones (none after a stray و)
                    starts.append((reading.stem_offset, reading.clitic, cut, self._single.get(stem, ()),
                                   None if cut else self._tree(stem)))
        if len(self._readings) > 200_000:
            self._readings.clear()
            self._starts.clear()
            self._idle.clear()
        self._readings[(word, stray)] = found
        self._starts[(word, stray)] = starts
        return found


_CACHE_FROM = 2000  # spellings: smaller term bases (a test's, a user's own) are indexed in milliseconds


def _spelling_forms(spellings: list[tuple[str, bool, str]]) -> list[list[tuple[tuple[str, ...], bool]]]:
    """For each ``(spelling, quoted flag, media)``: the word sequences it is indexed under, with their quoted-only
    flag (``media``: the outlet's kinds, comma-separated, for :func:`_with_outlet_words`).

    The shipped term base's ≈ 16,000 spellings take ≈ 0.5 s to fold and vary; a large list is kept on disk
    (:mod:`translator.diskcache`) under the spellings, this module's source and what folding depends on.
    """
    if len(spellings) < _CACHE_FROM:
        return _build_spelling_forms(spellings)
    key = fingerprint("\n".join(f"{int(quoted)}{media}:{spelling}" for spelling, quoted, media in spellings),
                      Path(__file__), *folding_inputs())
    return cached("term-index", key, lambda: _build_spelling_forms(spellings))


def _build_spelling_forms(spellings: list[tuple[str, bool, str]]) -> list[list[tuple[tuple[str, ...], bool]]]:
    out: list[list[tuple[tuple[str, ...], bool]]] = []
    for spelling, quoted, media in spellings:
        kinds = frozenset(media.split(",")) if media else frozenset()
        forms = []
        for written in (spelling, *sorted(hamza_seat_variants(spelling))):  # مسؤول is also مسئول, مسءول
            base = tuple(w for _, _, w in _words(fold(written)))
            forms += [(form, quoted_only) for words, quoted_only in
                      (_with_outlet_words(base, quoted, kinds) if base else []) for form in spelling_variants(words)]
        out.append(forms)
    return out


def _with_outlet_words(words: tuple[str, ...], quoted: bool,
                       media: frozenset[str] = frozenset()) -> list[tuple[tuple[str, ...], bool]]:
    """A spelling's word sequences and whether each matches only inside quotes (flag ``quoted``): an ordinary-word
    name also after each outlet word that fits the outlet's ``media`` (:func:`medium_fits`)."""
    leads = outlet_words()
    if not quoted or any(words[: len(lead)] == lead for lead in leads):
        return [(words, False)]
    return [(words, True)] + [(lead + words, False) for lead in leads if medium_fits(lead, media)]


#: where a word's reading starts terms (:meth:`TermIndex._read`): (offset of the stem in the word, proclitic, whether
#: a stray و ends the word, the one-word forms, the tree of the longer forms or None)
_Start = tuple[int, str, bool, "list[_Form] | tuple[()]", "_Node | None"]


@dataclass(slots=True)
class _Candidate:
    first: int  # index of the first word
    last: int  # index of the last word
    start: int  # normalized span, without the clitic
    end: int
    clitic: str
    form: _Form

    def rank(self) -> tuple[int, int, int, int, int, int, int]:
        form = self.form
        return (self.first - self.last, form.layer_rank, self.start - self.end, len(self.clitic), form.is_variant,
                -form.priority, self.start)


def find_terms(text: str, index: TermIndex) -> list[TermMatch]:
    """Glossary terms in ``text``, in text order, spans into the original ``text``."""
    normalized, offsets, words = prepared(text)  # shared with the name and place finders that follow
    candidates: list[_Candidate] = []
    starts_of = index._starts  # per word: where its readings start terms (TermIndex._read), asked first (issue 20)
    idle = index._idle
    last = len(words) - 1
    plain = tuple(map(itemgetter(2), words))
    for i, word in enumerate(plain):
        if word in idle:  # most words start no spelling, wherever they stand: one set look-up (session 13)
            continue
        key = (word, i < last and word.endswith(_STRAY_CONJUNCTION))
        starts = starts_of.get(key)
        if starts is None:
            index._read(*key)
            starts = starts_of[key]
        if not starts:
            glued = index.glued(word) if _GLUED_WORD <= len(word) <= _GLUED_LONGEST and word.find(_ARTICLE, 2) > 0 \
                else None  # run together (الأممالمتحدة)
            if glued:
                word_start, word_end, _ = words[i]
                candidates += [_Candidate(i, i, word_start + offset, word_end, clitic, form)
                               for offset, clitic, form in glued]
            elif key[1] or not word.endswith(_STRAY_CONJUNCTION):  # nor would it anywhere else in a text
                index._idle.add(word)
            continue
        word_start, word_end, _ = words[i]
        for offset, clitic, cut, singles, tree in starts:
            start = word_start + offset
            if singles:
                end = word_end - len(_STRAY_CONJUNCTION) if cut else word_end
                for form in singles:
                    if not form.quoted_only or _set_apart(normalized, word_start, end):
                        candidates.append(_Candidate(i, i, start, end, clitic, form))
            # most walks would end at the next word: no call when it continues no form (nor may be one less و)
            if tree is not None and i < last and (plain[i + 1] in tree.next
                                                  or plain[i + 1].endswith(_STRAY_CONJUNCTION)):
                _walk(tree, words, plain, i, normalized, start, clitic, candidates)
    chosen: list[_Candidate] = []
    taken = bytearray(len(words))  # 1 for a word a chosen candidate covers
    for cand in sorted(candidates, key=_Candidate.rank):
        if taken.find(1, cand.first, cand.last + 1) < 0:
            chosen.append(cand)
            taken[cand.first:cand.last + 1] = b"\1" * (cand.last - cand.first + 1)
    leads = plural_outlet_words()
    if any(c.form.entry.type == "outlet" and len(c.form.words) > 1 and c.form.words[0] in leads for c in chosen):
        chosen = _coordinated_outlets(chosen, words, plain, normalized, index)
    matches = []
    for cand in sorted(chosen, key=lambda c: c.start):
        lead = _lead_length(cand.form) if cand.form.entry.type == "outlet" else 0
        # صحيفة "العربي الجديد": the name is the term; the outlet word (and a quote mark) only told what it is. A name
        # chained after a dual or plural lead (والحياة) covers its own words only.
        if lead and cand.last - cand.first + 1 == len(cand.form.words):
            start, end = original_span(text, offsets, words[cand.first + lead][0], cand.end)
            matches.append(_term_match(start, end, text[start:end], cand.form.entry, ""))
            continue
        start, end = original_span(text, offsets, cand.start, cand.end)
        matches.append(_term_match(start, end, text[start:end], cand.form.entry,
                                   _original_clitic(text, offsets, words[cand.first][0], cand)))
    return matches


@cache
def _lead_length(form: _Form) -> int:
    """How many words of an outlet's ``form`` are the outlet word that introduced it (صحيفة in صحيفة العربي الجديد,
    the ``lead + name`` forms of :func:`_with_outlet_words` and the displaced outlets), not the outlet's own
    spelling (صحيفة الأيام الجزائرية keeps its صحيفة when the registry writes it so): 0 when none."""
    own = [tuple(w for _, _, w in _words(fold(s))) for s in (form.entry.source, *form.entry.variants)]
    for lead in outlet_words():
        n = len(lead)
        if form.words[:n] == lead and len(form.words) > n and not any(o[:n] == lead for o in own):
            return n
    return 0


def _term_match(start: int, end: int, surface: str, entry: GlossaryEntry, clitic: str) -> TermMatch:
    """``TermMatch(start, end, surface, entry.source, entry.target, entry.type, clitic, entry, entry.layer)``: the same
    object, its fields written into its ``__dict__`` at once, in field order, instead of by the frozen dataclass's
    ``object.__setattr__`` per field (session 13: ≈ 16,000 instructions a match, a twentieth of the matcher's).
    ``tests/glossary/test_term_match_s13.py`` keeps it equal to the constructor's object, field for field."""
    match = _NEW(TermMatch)
    match.__dict__.update(start=start, end=end, surface=surface, source=entry.source, target=entry.target,
                          type=entry.type, clitic=clitic, entry=entry, layer=entry.layer, candidates=())
    return match


_NEW = object.__new__


# what may stand between two coordinated outlet names: spaces, or a comma (then و is optional)
_LIST_GAP = re.compile(r"\s*[،,]?\s*")


def _coordinated_outlets(chosen: list[_Candidate], words: list[tuple[int, int, str]], plain: tuple[str, ...],
                         normalized: str, index: TermIndex) -> list[_Candidate]:
    """``chosen`` with the outlets named after a dual or plural lead's first outlet (صحيفتي الشرق الأوسط
    والحياة, صحف الخبر، الشروق والوطن): each next name that the index holds after that lead word (``lead +
    name`` forms: the ``quoted`` outlets and the ones a higher file displaced) is that outlet, over whatever
    else was chosen on its words. The chain stops at the first word that names no outlet.

    A lead with one name only, where the name is an ordinary word (flag ``quoted``) not set apart by quotes, is
    no outlet: صحف البلاد is "the country's newspapers", not the paper Al-Bilad."""
    out: list[_Candidate] = []
    ordered = sorted(chosen, key=lambda c: c.start)
    k = 0
    while k < len(ordered):
        cand = ordered[k]
        k += 1
        lead = cand.form.words[0]
        if lead not in plural_outlet_words() or cand.form.entry.type != "outlet" or len(cand.form.words) < 2:
            out.append(cand)
            continue
        chain = [cand]
        while chain[-1].last + 1 < len(words):
            nxt = _next_outlet(chain[-1], lead, words, plain, normalized, index)
            if nxt is None:
                break
            chain.append(nxt)
            while k < len(ordered) and ordered[k].first <= nxt.last:  # what the name covers gives way
                k += 1
        if len(chain) == 1 and "quoted" in cand.form.entry.flags and cand.first + 1 <= cand.last and not (
                _set_apart(normalized, words[cand.first + 1][0], cand.end)):
            continue
        out.extend(chain)
    return out


def _next_outlet(previous: _Candidate, lead: str, words: list[tuple[int, int, str]], plain: tuple[str, ...],
                 normalized: str, index: TermIndex) -> _Candidate | None:
    """The outlet named right after ``previous`` (joined by و, a comma, or both), as ``lead`` + name, or None."""
    i = previous.last + 1
    gap = normalized[words[previous.last][1]:words[i][0]]
    comma = "،" in gap or "," in gap
    if not _LIST_GAP.fullmatch(gap):
        return None
    best: _Candidate | None = None
    for reading in readings(plain[i]):
        if reading.clitic not in ("و", "") or (not reading.clitic and not comma):
            continue
        for form in index.forms_after(lead, reading.stem):
            if len(form.words) < 2 or form.entry.type != "outlet":
                continue
            last = _rest_follows(words, plain, i, form.words[2:], normalized)
            if last is None:
                continue
            cand = _Candidate(i, last, words[i][0] + reading.stem_offset, words[last][1], reading.clitic, form)
            if best is None or cand.rank() < best.rank():
                best = cand
    return best


def _rest_follows(words: list[tuple[int, int, str]], plain: tuple[str, ...], i: int, rest: tuple[str, ...],
                  normalized: str) -> int | None:
    """Index of the last word when the words after ``i`` are ``rest``, joined by spaces or hyphens, else None."""
    last = i + len(rest)
    if last >= len(plain) or plain[i + 1:last + 1] != rest:
        return None
    for k in range(i, last):
        if not joins_words(normalized, words[k][1], words[k + 1][0]):
            return None
    return last


def _set_apart(normalized: str, start: int, end: int) -> bool:
    """True when a quote or bracket stands right before ``start`` and right after ``end``."""
    before = normalized[:start].rstrip()
    after = normalized[end:].lstrip()
    return bool(before) and bool(after) and before[-1] in _QUOTES and after[0] in _QUOTES


def _original_clitic(text: str, offsets: list[int], word_start: int, cand: _Candidate) -> str:
    if not cand.clitic:
        return ""
    return text[offsets[word_start]:offsets[cand.start]]


def _walk(tree: _Node, words: list[tuple[int, int, str]], plain: tuple[str, ...], i: int, normalized: str,
          start: int, clitic: str, out: list[_Candidate]) -> None:
    """Add to ``out`` the candidates of two words or more that start at word ``i`` (normalized offset ``start``,
    after ``clitic``), walking ``tree`` (the words after the first of the forms that start there) with the text's
    next words. Each next word must be joined to the one before by spaces or hyphens (or quotation marks) only.
    The last word of a term may carry a stray conjunction (``الجزائرو``) when another word follows; so may the
    second, when it has more than two letters."""
    node, k, count = tree, i, len(plain)
    while k + 1 < count:
        following = plain[k + 1]
        found = node.next.get(following)
        cut = node.next.get(following[: -len(_STRAY_CONJUNCTION)]) if k + 2 < count and following.endswith(
            _STRAY_CONJUNCTION) and (k > i or len(following) > 2) else None
        if found is None and cut is None:  # the words are compared first (most walks end here), then the gap
            return
        gap_start, gap_end = words[k][1], words[k + 1][0]
        if not joins_words(normalized, gap_start, gap_end) and not _QUOTE_GAP.fullmatch(normalized, gap_start, gap_end):
            return
        k += 1
        if cut is not None:
            end = words[k][1] - len(_STRAY_CONJUNCTION)
            out += [_Candidate(i, k, start, end, clitic, form) for form in cut.forms
                    if not form.quoted_only or _set_apart(normalized, words[i][0], end)]
        node = found
        if node is None:
            return
        if node.forms:
            end = words[k][1]
            out += [_Candidate(i, k, start, end, clitic, form) for form in node.forms
                    if not form.quoted_only or _set_apart(normalized, words[i][0], end)]


# Quotation marks between the words of a term do not cut it: حركة "النهضة" is حركة النهضة (Ennahda), تكتل
# “الجمهورية القوية” the Strong Republic bloc. Brackets do. Nor does the underscore of a hashtag (#الأمم_المتحدة,
# #عبدالفتاح_البرهان), which joins words where a space cannot.
_QUOTE_GAP = re.compile(r"[\s\-\"«»“”„‟_]+")

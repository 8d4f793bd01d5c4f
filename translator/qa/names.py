"""Names and terms: every glossary term of the source is in the translation, and no other name took its place.

A term counts as rendered when its English appears at least once: the English often names a place or a
body once where the Arabic repeats it (``مركز الإحصاء - أبوظبي ... لإمارة أبوظبي`` → "Abu Dhabi's ... the
Statistics Centre"). Enforcement (``translator.glossary.enforce``) counts every occurrence; QA does not.

The first half is the glossary's own verification (``translator.glossary``: :meth:`Glossary.match` finds
the terms in the Arabic with its folds and clitics, :func:`check_translation` counts their renderings in the
English, a target variant counting as right). A term the translation lacks is flagged at its source span.

A person also counts as rendered by surname alone (``President Tebboune`` for ``عبد المجيد تبون``), a place
by its demonym (``Kuwaiti`` for ``الكويت``, ``Bangladeshis`` for ``بنغلاديش``), and a person or a place by a
close romanization (transliteration variants: ``Abdelmajid Tebboun`` for ``Abdelmadjid Tebboune``, or the
romanized Arabic itself): a capitalized run of the translation within edit similarity 85/100 (rapidfuzz) of a
rendering, compared in the lenient form. A person of the user's own glossary (layer ``user``: the house style) is
not rendered by another spelling of its first name before the surname ("Sergey Lavrov" where the house writes
"Sergei Lavrov"; NEWUSER8 F10): that is flagged at the first name. A dateline (``KUWAIT:``, ``AMMAN —``;
``الكويت:``, ``الرباط -``: one place, optionally a date and an agency, before a colon or a dash) names where the
story was filed: the target may leave it out, but a target whose own lead names another name in its place is
flagged (``الرباط: …`` → "Madrid: …"). Any other lead before a colon (a speaker, ``لافروف: …``; two places, a
topic) is text: its names count like any other. A country counts as rendered by "the country", "the
Kingdom", "the Gulf state" (a country of Babel's CLDR territory names), unless another place took its place
or the translation shows the hole of a dropped word. A match of the generated gazetteer layer on a function
word (``إلى`` read as a place, ``العاصمة`` "the capital": wordfreq zipf ≥ 5) is no evidence of a name and is
not checked, nor is a name of the composed layer (a ministry or body built from head + portfolio, which
English shortens at will: "the ministry"), nor a term inside an office title (``رئيس مجلس الوزراء`` is
"Prime Minister", the office words of ``name_titles.tsv``): QA says nothing where it cannot read with confidence.

A term rendered fewer times than the Arabic names it is flagged only with evidence that a mention was lost:
a name of its type that renders nothing in the source stands in the target ("visit to Senegal" where another
mention still says "the United States"), or the target shows the hole of a dropped word ("visit to the from
November"). A text that opens on a lower-case word has lost its subject: "the country" does not render it.

The second half looks for what took the term's place: the English names of the glossary (people, places,
organisations, outlets) found in the translation that render no term of the source. When one has the type
of the missing term (``الرئيس تبون`` → "President Bouteflika"), the flag names it and gives its target span.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache

from rapidfuzz import fuzz

from ..datafiles import read_tsv
from ..glossary import Glossary, GlossaryEntry, check_translation
from ..glossary.entry import TermMatch
from ..glossary.names import romanize
from ..glossary.report import count_lenient, group_matches
from ..glossary.report import lenient_form as _fold_english
from ..text.arabic import normalize
from ..wordfreq_index import zipf_frequency  # wordfreq's values, without loading its whole Arabic list
from .flag import QAFlag

__all__ = ["check_names", "english_names"]

_NAME_TYPES = frozenset({"person", "place", "org", "outlet"})
_ENGLISH_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LONGEST = 6  # words in the longest English name looked up
_POSSESSIVE = re.compile(r"['’]s\Z")
_GAP = re.compile(r"[\s\-‐–]+")
# An English dateline: a place in capitals, optionally a date and the agency in brackets ("KUWAIT:",
# "AMMAN, Nov. 25 (Petra) --", "RABAT (MENA) -")
_DATELINE = re.compile(r"\A\s*[A-Z][A-Z.’']*(?:\s+[A-Z][A-Z.’']*){0,3}"
                       r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?(?:\s*\([^()\n]{1,40}\))?"
                       r"\s*(?::|[—–]|--|\s-)\s*")
_ENGLISH_LEAD = re.compile(r"\A\s*[A-Z][\w.’']*(?:[\s,]+[A-Z\d][\w.’']*){0,3}\s*(?::|[—–]|--|\s-)")
# A lead before a colon or a dash: up to three words (a place), optionally a day and month (الكويت 12 مارس,
# عمان في 26 تشرين الثاني, KUNA's الكويت - 12 - 3) and an agency in brackets or slashes ((كونا), /قنا/).
# It is a dateline only when those words are one place of the glossary (see _dateline).
_AR = "\u0600-\u06ff"
_ARABIC_LEAD = re.compile(rf"\A\s*(?P<place>[{_AR}]+(?:\s+[{_AR}]+){{0,2}}?)"
                          rf"(?:\s+(?:في\s+)?[\d\u0660-\u0669]{{1,2}}\s+[{_AR}]+(?:\s*/\s*[{_AR}]+|\s+[{_AR}]+)?"
                          rf"(?:\s+[\d\u0660-\u0669]{{4}})?"
                          # KUNA's numeric date: الكويت - 12 - 3 (كونا) --
                          rf"|\s*[-–]\s*[\d\u0660-\u0669]{{1,2}}\s*[-–]\s*[\d\u0660-\u0669]{{1,2}}(?=\s*[(/])"
                          # KUNA/APS with the year: الجزائر-10-5-2022 (NEWUSER6 F8)
                          rf"|\s*[-–]\s*[\d\u0660-\u0669]{{1,2}}\s*[-–]\s*[\d\u0660-\u0669]{{1,2}}\s*[-–]\s*"
                          rf"[\d\u0660-\u0669]{{4}})?"
                          # the agency in brackets or slashes: (كونا), /قنا/, (أ ش أ), /أ ش أ/ — after it a dash
                          # or colon may follow or not (MENA: ``الجزائر في 20 مايو /أ ش أ/ قال …``)
                          rf"(?:\s*(?P<agency>[(/]\s*[{_AR}]+(?:\s+[{_AR}]+){{0,3}}\s*[)/])\s*(?::|[—–-]{{1,2}}\s)?"
                          r"|\s*(?::|[—–-]{1,2}\s))")
_DEMONYM = r"(?:i|is|n|ns|an|ans|ian|ians|ese)"
_CLOSE = 85  # rapidfuzz ratio (0-100) from which a capitalized run of the translation is the same name
_COUNTRY_AGAIN = re.compile(r"\b(?:the|this)\s+(?:country|kingdom|sultanate|emirate|state|republic|nation|"
                            r"gulf\s+state|gulf\s+country)\b(?!\s+of\b)", re.IGNORECASE)
# The hole a dropped word leaves: a possessive without its owner, a preposition or article before punctuation
# or before another preposition ("'s Ministry", "the State of for", "in , bringing", "visit to the from
# November"), a text that opens on a lower-case word (" recorded 720 new cases": its subject is gone).
_HOLE = re.compile(r"(?:^|[\s(])['’]s\b|\b(?:the|of|in|from|at|by|to)\s*[,.;:)]|"
                   r"\b(?:of|in|from|at|by|the)\s+(?:of|for|from|at|by|with|to|in)\b|\A\s*(?-i:[a-z])",
                   re.IGNORECASE)
_COMMON_WITH_CLITIC = 3.0  # zipf from which a word with its proclitic (وتيرة) is ordinary, see _word_with_clitic
_COMMON_WORD = 5.0  # wordfreq zipf from which a generated gazetteer match is an ordinary word (العاصمة 5.2, إلى 6.9)
_TITLE_GAP = re.compile(r"[\s\u0640]*\Z")
_indexes: weakref.WeakKeyDictionary[Glossary, dict[str, list[GlossaryEntry]]] = weakref.WeakKeyDictionary()


def _index(glossary: Glossary) -> dict[str, list[GlossaryEntry]]:
    """Folded English names of ``glossary`` -> their entries (built once per glossary object)."""
    found = _indexes.get(glossary)
    if found is None:
        found = {}
        for entry in glossary:
            if entry.type not in _NAME_TYPES:
                continue
            for target in entry.targets:
                key = _fold_english(target)
                if len(key) > 3 and not target.isupper():
                    found.setdefault(key, []).append(entry)
        _indexes[glossary] = found
    return found


_firsts: weakref.WeakKeyDictionary[Glossary, frozenset[str]] = weakref.WeakKeyDictionary()


def _first_words(glossary: Glossary) -> frozenset[str]:
    """The first words of the folded English names of ``glossary`` (see :func:`_index`)."""
    found = _firsts.get(glossary)
    if found is None:
        found = _firsts[glossary] = frozenset(key.split(" ", 1)[0] for key in _index(glossary))
    return found


def english_names(text: str, glossary: Glossary) -> list[tuple[int, int, GlossaryEntry]]:
    """Glossary names written in English ``text`` (from a capitalized word, longest first): (start, end, entry)."""
    index = _index(glossary)
    words = list(_ENGLISH_WORD.finditer(text))
    folded: dict[int, str] = {}  # only the words of a run from a capitalized word are folded (issue 17: speed)

    def fold(k: int) -> str:
        if k not in folded:
            folded[k] = _fold_english(_POSSESSIVE.sub("", words[k].group()))  # China's: China
        return folded[k]

    def joined(k: int) -> bool:
        return k > 0 and _GAP.fullmatch(text, words[k - 1].end(), words[k].start()) is not None

    firsts = _first_words(glossary)
    found = []
    i = 0
    while i < len(words):
        step = 1
        if words[i].group()[0].isupper() and fold(i) in firsts:  # no name starts with another word
            last = i
            while last + 1 < len(words) and last + 1 - i < _LONGEST and joined(last + 1):
                last += 1
            for end in range(last, i - 1, -1):
                entries = index.get(" ".join(fold(k) for k in range(i, end + 1)))
                if entries:
                    found.append((words[i].start(), words[end].end(), entries[0]))
                    step = end - i + 1
                    break
        i += step
    return found


def _renders(entry: GlossaryEntry, sources: Iterable[GlossaryEntry]) -> bool:
    """True when ``entry``'s English is (part of) the English of one of ``sources`` or holds it."""
    mine = [_fold_english(t) for t in entry.targets]
    for other in sources:
        for theirs in (_fold_english(t) for t in other.targets):
            if any(a in theirs or theirs in a for a in mine if a and theirs):
                return True
    return False


def _by_surname(entry: GlossaryEntry, target: str) -> bool:
    """True when a person's surname alone renders them (``President Tebboune`` for
    ``عبد المجيد تبون``): English news names a person by surname after the first mention."""
    if entry.type != "person":
        return False
    surnames = tuple(dict.fromkeys(t.split()[-1] for t in entry.targets if len(t.split()) > 1
                                   and len(t.split()[-1]) > 3))
    if not surnames:
        return False
    return count_lenient(target, replace(entry, target=surnames[0], target_variants=surnames[1:])) > 0


def _dateline(source: str, matches: list[TermMatch]) -> tuple[TermMatch, int] | None:
    """(the place, the end of the lead) when ``source`` opens with a dateline: one glossary place, optionally a
    day and month and an agency, before a colon or a dash (``الكويت:``, ``الرباط -``, ``عمان 26 تشرين الثاني
    (بترا) -``); it names where the story was filed. None for any other lead before a colon or a dash: a
    speaker (``لافروف: ...``), two places (``المغرب والجزائر: ...``), an organisation: their names count."""
    lead = _ARABIC_LEAD.match(source)
    if lead is None:
        return None
    inside = [m for m in matches if m.start < lead.end("place")]
    if len(inside) != 1 or inside[0].type != "place" or inside[0].end < lead.end("place"):
        return None
    words = source[lead.start("place"):inside[0].start - len(inside[0].clitic)]
    return (inside[0], lead.end()) if not words.strip() else None


def dateline_end(source: str, matches: list[TermMatch]) -> int | None:
    """The end offset of ``source``'s dateline (one glossary place, optionally a day and month and an agency:
    ``عمان 26 تشرين الثاني (بترا) -``, ``القاهرة (أ ش أ) -``, ``الجزائر في 20 مايو /أ ش أ/``), or None when the
    source opens with none. What a dateline holds may be left out of a translation; see :func:`check_names`."""
    found = _dateline(source, matches)
    return found[1] if found is not None else None


def _changed_dateline(place: TermMatch, matches: list[TermMatch], target: str,
                      glossary: Glossary) -> list[QAFlag]:
    """A ``name`` flag when the target's own lead (before its first colon or dash, or an all-capitals
    dateline) names a glossary name that renders no term of the source in place of the dateline's place
    (``الرباط: ...`` → "Madrid: ..."). A dateline the target leaves out asks for nothing."""
    lead = _DATELINE.match(target) or _ENGLISH_LEAD.match(target)
    if lead is None:
        return []
    in_source = [entry for entry, _ in group_matches(matches)]
    for start, end, entry in english_names(target[:lead.end()], glossary):
        if not _renders(entry, in_source):
            wanted = " or ".join(repr(t) for t in (place.entry.targets if place.entry else (place.target,)))
            return [QAFlag("name", f"the dateline {place.surface!r} (place) should be rendered {wanted}; the "
                                   f"target's dateline names {target[start:end]!r} instead", place.start, place.end,
                           start, end)]
    return []


def target_dateline_end(target: str) -> int:
    """The end offset of the English ``target``'s leading dateline (``KUWAIT, Oct 2 (KUNA) --``, ``AMMAN —``: a
    place in capitals, optionally a day and month and an agency in brackets, then a dash or a colon), 0 when it
    opens with none. The dateline's date is the agency's release day, which the Arabic edition need not carry."""
    m = _DATELINE.match(target)
    return 0 if m is None else m.end()


def _without_dateline(target: str) -> str:
    """``target`` with a leading dateline blanked out (same length, so spans still index ``target``)."""
    end = target_dateline_end(target)
    return " " * end + target[end:]


@lru_cache(maxsize=4096)
def _common_word(surface: str) -> bool:
    return zipf_frequency(surface, "ar") >= _COMMON_WORD


def _in_office(entry: GlossaryEntry, found: list[TermMatch], source: str, target: str) -> bool:
    """True when every mention of a place is part of an office (``فخامة رئيس الولايات المتحدة``) that English may
    give by its holder ("President Trump"), and the target shows no hole of a dropped name ("Ruler of ,")."""
    return (entry.type == "place" and all(_after_office(source, m) for m in found)
            and _HOLE.search(target) is None and _NAME_HOLE.search(target) is None)


def _after_office(source: str, match: TermMatch) -> bool:
    """True when an office word stands right before the match (``فخامة رئيس الولايات المتحدة``): the place is
    part of the office, which English gives as the holder's title or name."""
    before = source[max(0, match.start - len(match.clitic) - 12):match.start - len(match.clitic)]
    words = before.split()
    return bool(words) and _TITLE_GAP.search(before) is not None and normalize(words[-1]) in _office_words()


@lru_cache(maxsize=4096)
def _common_with_clitic(word: str, surface: str) -> bool:
    whole = zipf_frequency(word, "ar")
    return whole >= _COMMON_WITH_CLITIC and whole >= zipf_frequency(surface, "ar") + 1


def _word_with_clitic(source: str, match: TermMatch) -> bool:
    """True when the match is a place only without its proclitic, and the word as written is a far more common
    word (``وتيرة`` "pace", zipf 3.9, read as و + Tire, 1.9): a generated gazetteer match that is no name."""
    if not match.clitic:
        return False
    return _common_with_clitic(source[match.start - len(match.clitic):match.end], match.surface)


@cache
def _office_words() -> frozenset[str]:
    """The words that head an office title (``name_titles.tsv``, kind role: رئيس، وزير، نائب ...), folded."""
    return frozenset(normalize(r["word"]) for r in read_tsv("name_titles.tsv") if r["kind"] == "role")


def _ambiguous_place(entry: GlossaryEntry) -> bool:
    """A place of the curated glossary that is also an ordinary word (``no-enforce``: مالي "Mali" or "financial"):
    QA does not ask for it, but flags another place written where it stands (NEWUSER6 F7: مالي → "Madrid")."""
    return entry.type == "place" and entry.layer == "glossary" and "no-enforce" in entry.flags


def _unsure(entry: GlossaryEntry, found: list[TermMatch], source: str) -> bool:
    """True when the matches are no evidence that the translation must hold this rendering: a generated
    gazetteer match on an ordinary word (``إلى``, ``محافظة العاصمة``: every surface one word of wordfreq zipf
    ≥ 5), or a term inside an office title (``رئيس مجلس الوزراء`` is rendered whole, "Prime Minister")."""
    if entry.layer == "gazetteer" and all(len(m.surface.split()) == 1 and (_common_word(m.surface) or
                                                                          _word_with_clitic(source, m))
                                          for m in found):
        return True
    if entry.layer == "composed":  # a composed office or body (وزارة الصحة): English shortens it at will
        return True                # ("the ministry", "Kuwait's health ministry"); no evidence of a drop
    if entry.type != "term":
        return False
    for m in found:
        before = source[max(0, m.start - 12):m.start]
        words = before.split()
        if not words or not _TITLE_GAP.search(before) or normalize(words[-1]) not in _office_words():
            return False
    return True


def _as_demonym(entry: GlossaryEntry, target: str) -> bool:
    """True when a place is rendered by its demonym or adjective (``Kuwaiti``, ``Jordanians``; an adjective that
    is no suffix of the name from ``nationalities.tsv``: ``Spanish`` for Spain), not as a people noun or the
    first word of an organisation's name (see :func:`_weak_spans`)."""
    if entry.type != "place":
        return False
    forms = [_fold_english(t) for t in entry.targets if not t.isupper() and len(t) > 3]
    folded = _fold_english(target)
    if any(re.search(rf"(?<!\w){re.escape(f)}{_DEMONYM}(?!\w)", folded) for f in forms if f):
        return True
    adjectives = {a for t in entry.targets for a in _adjectives().get(_fold_english(t), ())}
    return any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", folded) for a in adjectives)


@cache
def _adjectives() -> dict[str, tuple[str, ...]]:
    """Country name (lenient form) -> its English adjectives (lenient form), from ``nationalities.tsv``."""
    found: dict[str, tuple[str, ...]] = {}
    for row in read_tsv("nationalities.tsv"):
        key = _fold_english(row["country_name"])
        found[key] = (*found.get(key, ()), _fold_english(row["adjective"]))
    return found


@cache
def _org_words() -> frozenset[str]:
    """English head words of organisation names (``org_heads.tsv``'s patterns, and the heads of statistics
    offices, agencies and ministries news names): "Saudi General Authority for Statistics", "Kuwait News Agency"."""
    words = {"Authority", "Agency", "Bureau", "Ministry", "Department", "Office", "Centre", "Center", "Council",
             "Press", "News", "Statistics", "Statistical", "Fund", "Company", "Corporation", "Committee"}
    for row in read_tsv("org_heads.tsv"):
        for form in (row["target"] or "").split("|") + (row.get("target_variants") or "").split("|"):
            words.update(w for w in re.findall(r"[A-Z][a-z]+", form))
    return frozenset(words)


# Arabic head words of organisation names (org_heads.tsv's heads, and the heads of statistics offices), folded.
_ORG_HEADS_AR = ("إدارة", "جهاز", "دائرة", "مركز", "هيئة", "وزارة", "وكالة", "مجلس", "بنك", "مصرف", "جامعة", "سفارة",
                 "ديوان", "مكتب", "صندوق", "شركة", "اتحاد", "برلمان", "حكومة")


@cache
def _org_heads_ar() -> frozenset[str]:
    heads = {normalize(w) for w in _ORG_HEADS_AR}
    for row in read_tsv("org_heads.tsv"):
        words = (row["head"] or "").split()
        if words and words[0] != "-":
            heads.add(normalize(words[0][2:] if words[0].startswith("ال") else words[0]))
    return frozenset(heads)


def _in_org_phrase(source: str, match: TermMatch) -> bool:
    """True when an organisation's head word stands in the three words before ``match`` in its clause
    (``وزارة الصحة في الكويت``, ``جهاز التخطيط والإحصاء القطري``): the country belongs to the body's name."""
    before = _CLAUSE_END.split(source[max(0, match.start - len(match.clitic) - 40):match.start - len(match.clitic)])
    for word in _ARABIC_WORDS.findall(re.split(r"[،,]", before[-1])[-1])[-3:]:
        folded = normalize(word)
        for stem in (folded, folded[2:] if folded.startswith("ال") else folded,
                     folded[3:] if folded.startswith(("وال", "بال", "لل")) else folded):
            if stem in _org_heads_ar():
                return True
    return False


# A capitalised run after a country word: up to five capitalised words, "of", "for", "and", "the" between them.
_NAME_RUN = re.compile(r"(?:\s+(?:(?:of|for|and|the)\s+)?[A-Z][\w’'-]*){1,5}")


def _weak_spans(entry: GlossaryEntry, target: str, source: str = "",
                found: Iterable[TermMatch] = ()) -> list[tuple[int, int]] | None:
    """The spans of ``target`` where a country is written only as a people noun ("Saudis", "Kuwaitis") or as
    the first word of an organisation's name ("Saudi General Authority for Statistics", "Kuwait News Agency"),
    when every mention of the country in ``target`` is such a one; else None. Such words name the people or the
    body, not the country: a translation that keeps them has still dropped the country's own mention
    (issue 17: ``في السعودية`` dropped from "... in Saudi Arabia ..., released by the Saudi General Authority
    for Statistics" passed). An organisation's name renders the country when the Arabic names the country as
    part of that organisation (``وزارة الصحة في الكويت`` = "the Kuwait Ministry of Health"; ``found``: the
    country's matches in ``source``)."""
    if entry.type != "place":
        return None
    in_org = any(_in_org_phrase(source, m) for m in found)
    names = {t for t in entry.targets if not t.isupper() and len(t) > 3 and _fold_english(t) in _country_names()}
    if not names:
        return None
    adjectives = {a for t in names for a in _adjectives().get(_fold_english(t), ())}
    forms = sorted({*(t for t in entry.targets if not t.isupper()), *adjectives}, key=len, reverse=True)
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(f) for f in forms)})(?P<s>['’]s|s)?(?!\w)", re.IGNORECASE)
    spans = []
    for m in pattern.finditer(target):
        word = m.group()[:m.start("s") - m.start()] if m.group("s") else m.group()
        people = m.group("s") == "s" and (_fold_english(word) in adjectives or _fold_english(word) not in
                                          {_fold_english(n) for n in names})
        run = _NAME_RUN.match(target, m.end())
        body = (run is not None and not m.group("s") and not in_org
                and any(w in _org_words() for w in re.findall(r"[A-Z][a-z]+", run.group())))
        if not (people or body):
            return None
        spans.append((m.start(), m.end()))
    return spans or None


@cache
def _country_names() -> frozenset[str]:
    """English names of countries (Babel/CLDR territories), lenient form."""
    from babel import Locale

    return frozenset(_fold_english(name) for code, name in Locale("en").territories.items() if code.isalpha())


def _as_country_again(entry: GlossaryEntry, target: str) -> bool:
    """True when a country is named again as "the country", "the Kingdom", "the Gulf state": English news
    does not repeat a country's name it has just given or that the story is about. Not when the target
    shows the hole a dropped name leaves (see _HOLE)."""
    if entry.type != "place" or not any(_fold_english(t) in _country_names() for t in entry.targets):
        return False
    return _COUNTRY_AGAIN.search(target) is not None and _HOLE.search(target) is None


# A person the Arabic names with an office and the English by the office alone ("رئيس الجمهورية، عبد المجيد تبون"
# = "the President of the Republic"; "نظيره الفرنسي، إيمانويل ماكرون" = "his French counterpart"). Office words of
# the Arabic (folded, after proclitics) -> the English words of the office.
_OFFICE_WORDS = {"رئيس": "president|chairman|head|premier", "نظير": "counterpart", "نظيره": "counterpart",
            "نظيرها": "counterpart", "نظيرهم": "counterpart", "وزير": "minister", "وزيره": "minister",
            "امير": "amir|emir|prince", "ملك": "king", "ولي": "crown prince", "سلطان": "sultan", "شيخ": "sheikh",
            "نائب": "deputy|vice", "محافظ": "governor", "سفير": "ambassador", "حاكم": "ruler",
            "متحدث": "spokesman|spokeswoman|spokesperson", "ناطق": "spokesman|spokeswoman|spokesperson",
            "سمو": "highness", "جلاله": "majesty", "خادم": "custodian"}
_OFFICES = {normalize(word): english for word, english in _OFFICE_WORDS.items()}  # in the one fold (رئيس: رييس)
_ARABIC_WORDS = re.compile(r"[\u0621-\u064a]+")
_CLAUSE_END = re.compile(r"[.!?؟؛;:]")
# A comma, then at most two honorifics written onto the name (، الأمير محمد بن سلمان), folded.
_COMMA_END = re.compile(r"[،,]\s*(?:[وب]?(?:ال)?(?:امير|شيخ|سيد|دكتور|ملك|سلطان|سمو|معالي|فخامه)\s+){0,2}\Z")
_COMMA_START = re.compile(r"\s*[،,]")
# The hole a dropped name leaves between commas or before punctuation ("the President, , received").
_NAME_HOLE = re.compile(r"[,;:]\s*[,.;:)]|\w\s+[,;:.)]")


def _offices_near(source: str, start: int, end: int) -> set[str]:
    """English office words for the Arabic office words of a name set off by a comma: a few words before it
    (``رئيس الجمهورية، عبد المجيد تبون``) or after it (``عبد المجيد تبون، رئيس الجمهورية``), in its clause. A title
    written onto the name (``الرئيس تبون``) is part of the name: dropping the name drops the person."""
    before = _CLAUSE_END.split(source[max(0, start - 48):start])[-1]
    after = _CLAUSE_END.split(source[end:end + 32])[0]
    words = []
    if _COMMA_END.search(normalize(before)):
        words += _ARABIC_WORDS.findall(before)[-4:]
    if _COMMA_START.match(after):
        words += _ARABIC_WORDS.findall(after)[:3]
    offices = set()
    for word in words:
        folded = normalize(word)
        stems = (folded, folded[2:] if folded.startswith("ال") else folded,  # the article, a proclitic, both
                 folded[1:] if folded[:1] in "وبل" else folded,
                 folded[3:] if folded.startswith(("وال", "بال", "لل")) else folded)
        for stem in stems:
            if stem in _OFFICES:
                offices.update(_OFFICES[stem].split("|"))
    return offices


def _by_title(entry: GlossaryEntry, found: list[TermMatch], source: str, target: str) -> bool:
    """True when a person the Arabic gives with an office is rendered by that office alone, as English news does
    ("the President of the Republic", "his French counterpart"): the office after "the", "his" or "her" (and
    up to two words), not followed by a name, and no hole a dropped name leaves."""
    if entry.type != "person" or _NAME_HOLE.search(target):
        return False
    offices = set()
    for m in found:
        offices |= _offices_near(source, m.start, m.end)
    if not offices:
        return False
    words = "|".join(re.escape(o) for o in sorted(offices, key=len, reverse=True))
    for m in re.finditer(rf"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[A-Za-z][\w-]*\s+){{0,2}}?(?i:{words})\b", target):
        if not _NAME_AFTER.match(target, m.end()):
            return True
    return False


_NAME_AFTER = re.compile(r"\s+(?:[A-Z][a-z]|bin\b|al-)")  # "the Crown Prince Mohammed ...": a name follows


def _house_first_name_respelt(entry: GlossaryEntry, target: str) -> tuple[int, int] | None:
    """The span of a first name that ``target`` writes before the surname of a person of the user's own glossary
    (layer ``user``: the house style) as another spelling of the rendering's first name ("Sergey Lavrov" where the
    house writes "Sergei Lavrov"; NEWUSER8 F10), or None. The surname alone ("Lavrov said") and another first name
    (not a spelling of it) stay free; a shipped entry keeps the transliteration leniency."""
    if entry.type != "person" or entry.layer != "user":
        return None
    forms = [t.split() for t in entry.targets if len(t.split()) > 1]
    firsts = {f[0].casefold() for f in forms}
    for form in forms:
        first, last = form[0], form[-1]
        for m in re.finditer(rf"\b([A-Z][^\W\d_]+)\s+(?:[A-Z]\.\s+)?{re.escape(last)}\b", target):
            written = m.group(1)
            if written.casefold() not in firsts and fuzz.ratio(written.casefold(), first.casefold()) >= _RESPELT:
                return m.span(1)
    return None


_RESPELT = 70  # rapidfuzz ratio of a first name to the house's: Sergey/Sergei 83, Mohamed/Mohammed 93, Hafez/Bashar 18


def _close_romanization(entry: GlossaryEntry, surfaces: Iterable[str], target: str) -> bool:
    """True when a capitalized run of ``target`` is a close romanization of the person or place (see module
    docstring): a transliteration variant the glossary does not list."""
    if entry.type not in ("person", "place"):
        return False
    wanted = {_fold_english(t) for t in entry.targets if not t.isupper()}
    wanted |= {_fold_english(romanize(s)) for s in surfaces}
    wanted = {w for w in wanted if len(w) > 3}
    if not wanted:
        return False
    words = [w for w in _ENGLISH_WORD.finditer(target)]
    for i, word in enumerate(words):
        if not word.group()[0].isupper():
            continue
        for form in wanted:
            size = form.count(" ") + 1
            run = " ".join(_fold_english(w.group()) for w in words[i:i + size])
            if fuzz.ratio(form, run) >= _CLOSE:
                return True
    return False


def _one_mention_lost(entry: GlossaryEntry, term, found: list[TermMatch],  # type: ignore[no-untyped-def]
                      others: list[tuple[int, int, GlossaryEntry]], body: str, target: str) -> QAFlag | None:
    """A ``name`` flag for a term rendered fewer times than the source names it when a name of its type that
    renders no term of the source took one mention's place (``to the United States`` → "to Senegal", another
    mention still rendered), or the target shows the hole of a dropped name ("visit to the from November"):
    English may name a place once where the Arabic repeats it, but not put another in its stead."""
    wanted = " or ".join(repr(t) for t in entry.targets)
    first = found[0]
    rival = next((n for n in others if n[2].type == entry.type), None)
    if rival is not None:
        others.remove(rival)
        return QAFlag("name", f"{first.surface!r} ({entry.type}) is named {term.found} times in the source and "
                              f"rendered {wanted} {term.lenient} times; the target names "
                              f"{target[rival[0]:rival[1]]!r}, which is not in the source", first.start, first.end,
                      rival[0], rival[1])
    hole = _HOLE.search(body)
    if hole is not None and not body[:hole.end()].isspace() and hole.start() > 0:
        return QAFlag("name", f"{first.surface!r} ({entry.type}) is named {term.found} times in the source and "
                              f"rendered {wanted} {term.lenient} times; the target shows a dropped word at "
                              f"character {hole.start()}", first.start, first.end, hole.start(), hole.end())
    return None


def check_names(source: str, target: str, glossary: Glossary,
                matches: list[TermMatch] | None = None) -> list[QAFlag]:
    """Flags for required glossary terms of ``source`` that ``target`` does not render (see module docstring).
    ``matches``: ``glossary.match(source)`` when the caller already has it."""
    if matches is None:
        matches = glossary.match(source)
    if not matches:
        return []
    flags = []
    dateline = _dateline(source, matches)
    if dateline is not None:  # الكويت: ... names where the story was filed, as "KUWAIT:" does
        place, end = dateline
        flags += _changed_dateline(place, matches, target, glossary)
        matches = [m for m in matches if m.start >= end]
        if not matches:
            return flags
    # the target's all-capitals dateline renders nothing, unless the source has a lead that is no dateline:
    # a speaker before a colon (``لافروف: …`` → "LAVROV: …") is rendered there
    body = target if dateline is None and _ARABIC_LEAD.match(source) else _without_dateline(target)
    report = check_translation(matches, body)
    groups = group_matches(matches)
    in_source = [entry for entry, _ in groups]
    others = None
    for term, (entry, found) in zip(report.terms, groups, strict=True):
        if not term.required:
            if _ambiguous_place(entry) and not term.lenient:  # مالي: "Mali" or "financial"; a place put in its
                if others is None:                           # stead says which one the source meant
                    others = [n for n in english_names(body, glossary) if not _renders(n[2], in_source)]
                rival = next((n for n in others if n[2].type == entry.type), None)
                if rival is not None:
                    others.remove(rival)
                    wanted = " or ".join(repr(t) for t in entry.targets)
                    flags.append(QAFlag("name", f"{found[0].surface!r} ({entry.type}) should be rendered {wanted}; "
                                                f"the target names {target[rival[0]:rival[1]]!r} instead",
                                        found[0].start, found[0].end, rival[0], rival[1]))
            continue
        text = body
        weak = _weak_spans(entry, body, source, found) if term.lenient else None
        if weak is not None and not _unsure(entry, found, source):  # only "Saudis", "Kuwait News Agency"
            text = "".join(" " if any(a <= i < b for a, b in weak) else c for i, c in enumerate(body))
            term = replace(term, lenient=0)
        if term.lenient:  # rendered; fewer times than named, another name (or a hole) may stand for one of them
            if term.lenient < term.found and entry.type in _NAME_TYPES and not _unsure(entry, found, source):
                if others is None:
                    others = [n for n in english_names(body, glossary) if not _renders(n[2], in_source)]
                flag = _one_mention_lost(entry, term, found, others, body, target)
                flags += [flag] if flag is not None else []
            continue
        surfaces = [m.surface for m in found]
        respelt = _house_first_name_respelt(entry, text)
        if respelt is not None:
            wanted = " or ".join(repr(t) for t in entry.targets)
            flags.append(QAFlag("name", f"{found[0].surface!r} ({entry.type}) should be rendered {wanted} (your "
                                        f"glossary); the target spells the first name {body[respelt[0]:respelt[1]]!r}",
                                found[0].start, found[0].end, *respelt))
            continue
        if (_unsure(entry, found, source) or _by_surname(entry, text) or _as_demonym(entry, text)
                or _close_romanization(entry, surfaces, text)):
            continue
        if others is None:
            others = [n for n in english_names(body, glossary) if not _renders(n[2], in_source)]
        first = found[0]
        rival = next((n for n in others if n[2].type == entry.type), None)
        if rival is None and (_as_country_again(entry, text) or _by_title(entry, found, source, text)
                              or _in_office(entry, found, source, text)):
            continue
        wanted = " or ".join(repr(t) for t in entry.targets)
        if rival is None:
            only = (f" (only in {', '.join(repr(body[a:b]) for a, b in weak)}, which name people or a body)"
                    if weak else "")
            flags.append(QAFlag("name", f"{first.surface!r} ({entry.type}) should be rendered {wanted}; the target "
                                        f"has no rendering of it{only}", first.start, first.end))
        else:
            others.remove(rival)
            flags.append(QAFlag("name", f"{first.surface!r} ({entry.type}) should be rendered {wanted}; the target "
                                        f"names {target[rival[0]:rival[1]]!r} instead", first.start, first.end,
                                rival[0], rival[1]))
    return flags

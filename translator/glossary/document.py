"""Names a document has already given in full, so that a surname alone later in it is theirs (issue 16).

News names a person in full once (``الرئيس عبد المجيد تبون``, ``محافظ نينوى عبد القادر دخيل``) and by the
surname after that (``وقال تبون``, ``أكد دخيل``). The shipped glossary's people have surname entries of their own
(:func:`.glossary.surname_entries`); a person no list holds, found by a title or role and romanized by rule, or
named after Wikidata, has none. :class:`DocumentNames` remembers, segment by segment in text order, the people
:meth:`.Glossary.match` found in full, and returns a later bare surname as a match of the full name's layer with the
full name's last English word (``Rabhi``, ``al-Arada``). A batch keeps one per document
(:func:`translator.corpus.analyze.analyze_document`).

A surname is remembered only when it can stand alone: the last of two or more words, not the second word of a
compound (عبد النور, أبو بكر) or of a lineage (بن محمد), three letters or more without the article, and no
ordinary word (wordfreq zipf under ``SURNAME_ZIPF``: الصباح "the morning" is not). It is matched where the word
before it leaves it standing alone (the glossary's own test for surnames).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.arabic import normalize
from .entry import GlossaryEntry, TermMatch
from .names import _table
from .wordinfo import common_zipf

__all__ = ["SURNAME_ZIPF", "DocumentNames", "with_document"]

SURNAME_ZIPF = 4.0  # wordfreq zipf: a last name this frequent is an ordinary word too (الصباح 4.4, العربي)
_NOT_ALONE = frozenset({"عبد", "ابو", "بن", "ابن", "بنت", "ال", "ولد"})  # folded: the word before a compound's end
_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")
_PROCLITICS = ("و", "ف")
_LAYERS = frozenset({"romanized", "glossary", "user", "composed"})
_ARTICLES = ("al-", "Al-", "el-", "El-")


class DocumentNames:
    """The people one document has named in full so far: folded surname → (English surname, layer, full name).
    Feed it every segment's matches in text order (:meth:`remember`); ask it for the bare surnames of a segment
    (:meth:`find`). Not thread-safe: one per document."""

    def __init__(self) -> None:
        self._surnames: dict[str, tuple[str, str, str]] = {}
        #: whether an earlier segment was about Turkey (a place there matched, or تركيا، أنقرة…): then a later
        #: segment's Turkish places written letter by letter are looked for too (:meth:`.Glossary.match`)
        self.about_turkey = False
        #: the countries of the places earlier segments named (:meth:`.Gazetteer.countries`): a town whose name
        #: needs another place of its country beside it (سنجار، حولي) has one when the document named one before
        self.countries: set[str] = set()

    def __len__(self) -> int:
        return len(self._surnames)

    def remember(self, matches: Sequence[TermMatch]) -> None:
        """Keep the surname of each person among ``matches`` named with two words or more (see the module)."""
        for m in matches:
            if m.type != "person" or m.layer not in _LAYERS or (m.entry is not None and "surname" in m.entry.flags):
                continue
            words, english = normalize(m.surface).split(), m.target.split()
            if len(words) < 2 or len(english) < 2 or words[-2] in _NOT_ALONE:
                continue
            last = words[-1]
            bare = last[2:] if last.startswith("ال") else last
            if len(bare) < 3 or common_zipf(last) >= SURNAME_ZIPF or common_zipf(bare) >= SURNAME_ZIPF:
                continue
            surname = english[-1]
            if len(english) > 2 and english[-2] in ("Al", "al", "El", "el"):  # Al Thani, el Sisi
                surname = f"{english[-2]} {english[-1]}"
            if not surname[:1].isupper() and not surname.startswith(_ARTICLES):
                continue
            self._surnames.setdefault(last, (surname, m.layer, m.target))

    def find(self, text: str, matches: Sequence[TermMatch]) -> list[TermMatch]:
        """Bare surnames in ``text`` of people remembered, where no match of ``matches`` covers them and the word
        before leaves them standing alone; each a :class:`TermMatch` of the full name's layer, type person."""
        if not self._surnames:
            return []
        covered = [(m.start - len(m.clitic), m.end) for m in matches]
        found = []
        for word in _WORD.finditer(text):
            start, end = word.start(), word.end()
            if any(s < end and start < e for s, e in covered):
                continue
            form = normalize(word.group())
            clitic = ""
            if form not in self._surnames and form[:1] in _PROCLITICS and form[1:] in self._surnames:
                form, clitic = form[1:], word.group()[0]
            known = self._surnames.get(form)
            if known is None or not _surname_alone(text, start):
                continue
            surname, layer, full = known
            plain = next((surname[len(a):] for a in _ARTICLES if surname.startswith(a)), surname)
            variants = tuple(v for v in dict.fromkeys((plain[:1].upper() + plain[1:], f"al-{plain}"))
                             if v != surname) if plain != surname else ()
            entry = GlossaryEntry(form, surname, "person", note=f"surname of {full}, named earlier in the document",
                                  target_variants=variants, flags=("no-enforce",) if layer == "romanized" else (),
                                  layer=layer)
            found.append(TermMatch(start + len(clitic), end, word.group()[len(clitic):], form, surname, "person",
                                   clitic, entry, layer))
        return found


def with_document(matches: list[TermMatch], text: str, document: DocumentNames | None) -> list[TermMatch]:
    """``matches`` plus the bare surnames ``document`` knows (after remembering this segment's full names)."""
    if document is None:
        return matches
    document.remember(matches)
    extra = document.find(text, matches)
    return sorted([*matches, *extra], key=lambda m: m.start) if extra else matches


_WORD_BEFORE_ZIPF = 3.0  # wordfreq zipf: a word before a surname this frequent is no given name (وأكد، الوزير)


def _surname_alone(text: str, start: int) -> bool:
    """Whether the word before ``start`` leaves a surname standing alone: none, punctuation, or an ordinary
    word (wordfreq zipf ≥ ``_WORD_BEFORE_ZIPF``: وأكد، الوزير، مع) that is not a listed name part
    (``data/name_romanization.tsv``). After a rare word or a name it is another person's name (إردنتش يلماز,
    محمد أمين بيلماز are not Cevdet Yılmaz); :meth:`Glossary.match` also drops a surname read with a proclitic
    other than و/ف (بيلماز is no ب + يلماز)."""
    from ..wordfreq_index import zipf_frequency

    before = text[:start].rstrip()
    if not before or not before[-1].isalpha():
        return True
    word = before.split()[-1]
    if (normalize(word), "word") in _table():  # a listed given or family name: محمد أمين بيلماز
        return False
    return zipf_frequency(word, "ar") >= _WORD_BEFORE_ZIPF

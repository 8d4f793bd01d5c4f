"""Arabic lines stored in visual order, as some PDF extractors write them, put back in reading order.

A PDF holds glyphs where they are drawn; an extractor that reads them left to right and does not apply the
bidi algorithm in reverse writes an Arabic line back to front: ``:يبد`` for ``دبي:``, ``ةكرش`` for ``شركة``
(ArtifexSoftware/pdf2docx#73 and #106, rst2pdf/rst2pdf#432). Such a line is found by its words: our word lists
(the language detector's, :mod:`translator.langid.lexicon`) know few of its words and most of them once the
line is reversed. The reversed line then has its left-to-right stretches (digits, Latin words), which the
extractor wrote in reading order, turned back again.
"""

from __future__ import annotations

import re

__all__ = ["MIN_WORDS", "logical_lines", "logical_order"]

#: a line needs this many Arabic words before its order is judged
MIN_WORDS = 2
#: a line with fewer Arabic words than this (a heading: ``ةيبرعلا ةغللا``) is judged without the cheap signs,
#: and only reversed when every word is known backwards and none as written
_SHORT = 3
_ARABIC_WORD = re.compile("[\u0621-\u064a\u0671-\u06d3][\u0621-\u0652\u0670-\u06d3]*")
_MARK_FIRST = re.compile("(?:^|\\s)[\u064b-\u0652]")
_LTR_STRETCH = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9]+"
                          r"(?:[ .,:/%-]+[0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9]+)*")


# brackets a visual-order line has the wrong way round once reversed (py-pdf/pypdf#1296): Unicode's mirrored pairs
_MIRRORED = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def logical_order(line: str) -> str | None:
    """``line`` in reading order when it is Arabic written in visual order, else None.

    Judged on the line's Arabic words (at least :data:`MIN_WORDS`), when a word starts with ة or ى (or a Farsi yeh
    written for it) or a haraka, or a fifth of them end in لا (the article backwards): reversed, at least half of
    them must be words our lists know (:func:`translator.langid.lexicon.score` coverage) and at least three times the
    share known as written. A line of two words (a PDF's heading or caption, ``ريزو لاق``; therealtimex/
    paperforge#63) is reversed when both are known backwards and neither as written.
    """
    return _logical_order(line, _ARABIC_WORD.findall(line))


def _logical_order(line: str, words: list[str]) -> str | None:
    """:func:`logical_order` of ``line``, whose Arabic words (``_ARABIC_WORD``) are ``words``."""
    if len(words) < MIN_WORDS:
        return None
    # cheap signs first (most lines have none): ة or ى (or the Farsi yeh shapers and keyboards write for ى),
    # which only end an Arabic word, starting one; the article ال
    # ending words (لا at the end of a fifth of them: مثلا، أولا are few); a haraka before its letter
    if len(words) >= _SHORT and not any(w[0] in _WORD_FINAL for w in words) and 5 * sum(
            len(w) > 3 and _ARTICLE_BACKWARDS.search(w) is not None for w in words) < len(words) \
            and not _MARK_FIRST.search(line):
        return None
    from translator.langid import lexicon

    text = " ".join(words)
    written = lexicon.score(text, "Arab", mixed=False)
    backwards = lexicon.score(text[::-1], "Arab", mixed=False)
    if written is None or backwards is None:
        return None
    kept_line = _ARABIC_WORD.sub(_kept_word, line)
    if kept_line != line:  # an extractor that maps a lam-alef glyph to لا in reading order (pdfminer/pdfminer.six#850)
        other = lexicon.score(" ".join(_ARABIC_WORD.findall(kept_line))[::-1], "Arab", mixed=False)
        if other is not None and other.coverage >= backwards.coverage:  # each word its most frequent reading
            backwards, line = other, kept_line
    if backwards.coverage < 0.5 or backwards.coverage < 3 * written.coverage:
        return None
    if len(words) < _SHORT and (backwards.coverage < 1.0 or written.coverage > 0):
        return None
    reversed_line = line[::-1].translate(_MIRRORED)  # "(ةبرجت هذه ابحرم)" is "(مرحبا هذه تجربة)"
    return _LTR_STRETCH.sub(lambda m: m.group()[::-1], reversed_line)


def _kept_word(match: re.Match[str]) -> str:
    """:func:`_ligature_kept` of a word of a line, unless digits or Latin letters are glued to it (``ال12``)."""
    text, start, end = match.string, match.start(), match.end()
    glued = (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())
    return match.group() if glued else _ligature_kept(match.group())


def _ligature_kept(word: str) -> str:
    """``word``, of a line in visual order, with the lam-alefs (``لا لأ لإ لآ``) that are one glyph swapped, so that
    reversing the line writes them in reading order again: some extractors map that glyph to its two letters in
    reading order inside a line they write back to front (pdfminer/pdfminer.six#850: ``كارتشلاا``, reversed
    ``االشتراك``, is الاشتراك; ``روملأا`` is الأمور, not األمور). The same two letters also stand for an alef and
    a lam written back to front (``لاق`` is قال), so of the ways to swap them (none among them) the one whose
    reading is the most frequent word (wordfreq's Arabic) is taken, the fewest swaps on a tie; a word that is
    only a lam-alef (``لا``) is the glyph."""
    places = [m.start() for m in _LAM_ALEF.finditer(word)]
    if not places or len(places) > 4:
        return word
    if len(word) == 2:
        return word[::-1]
    from itertools import combinations

    from translator.wordfreq_index import zipf_frequency

    best, best_zipf = word, zipf_frequency(word[::-1], "ar")
    for count in range(1, len(places) + 1):
        for chosen in combinations(places, count):
            letters = list(word)
            for i in chosen:
                letters[i], letters[i + 1] = letters[i + 1], letters[i]
            swapped = "".join(letters)
            zipf = zipf_frequency(swapped[::-1], "ar")
            if zipf > best_zipf:
                best, best_zipf = swapped, zipf
    return best


_LAM_ALEF = re.compile("ل([اأإآ])")
#: letters that end an Arabic word and never start one: ة, ى, and ی (U+06CC), the Farsi yeh that Persian keyboards
#: and some shapers write for ى (Konash/arabic-support-unity#49: ﯽﺟﺮﻳ, vgwb/Antura#183)
_WORD_FINAL = "ةىی"
# a word that opens with the article, written back to front: ...لا, or ...لاا / ...لأا (the article's alef
# after a lam-alef ligature an extractor kept in reading order: الاتحاد, الأمور)
_ARTICLE_BACKWARDS = re.compile("(?:لا|ل[اأإآ]ا)$")


def logical_lines(text: str) -> tuple[str, int]:
    """``text`` with each line :func:`logical_order` finds in visual order put in reading order, and how many."""
    if not _ARABIC_WORD.search(text):
        return text, 0
    lines = text.split("\n")
    fixed = 0
    for i, line in enumerate(lines):
        words = _ARABIC_WORD.findall(line)  # read once, for the count and the judgement (issue 20)
        if len(words) < MIN_WORDS:
            continue
        logical = _logical_order(line, words)
        if logical is not None:
            lines[i] = logical
            fixed += 1
    return ("\n".join(lines), fixed) if fixed else (text, 0)

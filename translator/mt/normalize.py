"""Prepare Arabic text for a translation model, without touching the stored original.

Unicode NFKC folds Arabic presentation forms (the glyph-shaped code points some PDFs and old sites emit) into
plain letters; the characters listed in ``translator/data/mt_characters.tsv`` (tatweel, bidi controls,
zero-width marks) are then removed or replaced, and runs of spaces collapsed.
Line breaks are kept: they separate paragraphs. A fully vocalized line (Quranic verses, poetry, a learner's
text: :data:`VOCALIZED_SHARE` or more of its letters carry a haraka) loses its harakat: OPUS-MT's Arabic
models were trained on text whose diacritics preprocessing removed (Helsinki-NLP/Opus-MT#41), and their
sentencepiece cuts a vocalized word into single letters. The light marks of ordinary news text (``جداً``,
``إنّ``) are kept as written.
"""

from __future__ import annotations

import inspect
import re
import unicodedata
from functools import lru_cache

from translator.datafiles import data_path, read_tsv
from translator.text.arabic import SILENT_DAGGER_WORDS, space_zero_width, uthmani_hamza_spelled

__all__ = ["TABLE", "VOCALIZED_SHARE", "fold_keyboard_letters", "key_version", "memory_key_text", "normalize_for_mt",
           "spell_dagger_alef", "strip_full_vocalization"]

TABLE = data_path("mt_characters.tsv")  # its schema: datafiles.SCHEMAS (a bad row is a DataFileError)
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r" *\n *")
#: share of a line's Arabic letters carrying a haraka from which the line counts as fully vocalized (news text
#: with the usual tanween and shadda stays under 0.1; a vocalized verse is above 0.6)
VOCALIZED_SHARE = 0.3
_HARAKAT = re.compile("[\u064b-\u0652\u0670\u08f0-\u08f2]")
_NOT_DAGGER = re.compile("[\u064b-\u0652\u08f0-\u08f2]")
_ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")


@lru_cache(maxsize=1)
def _translation_table() -> dict[int, str | None]:
    return {int(row["codepoint"].strip()[2:], 16): row["replacement"] or None for row in read_tsv(TABLE)}


@lru_cache(maxsize=1)
def _table_characters() -> re.Pattern[str]:
    """Any one character of the table: ``str.translate`` with a dict looks up every character of the text (≈ 5 µs
    for a news sentence, issue 20), and most texts hold none of them."""
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_translation_table())) + "]")


#: what ``_SPACES.sub(" ", …)`` changes: a run of two or more spaces, or one space character that is not " "
#: (a single " " is left as it is, which that substitution also does, one copy of the text later)
_SPACES_CHANGED = re.compile(r"[^\S\n]{2,}|[^\S\n ]")


def normalize_for_mt(text: str) -> str:
    """The text a model should see: NFKC, listed characters removed (Quranic annotation marks among them, alef
    wasla read as alef), the dagger alef written as the alef it stands for (:func:`spell_dagger_alef`), spaces
    collapsed, lines trimmed."""
    text = space_zero_width(text)[0]  # between two words it is a space, not nothing (قال\u200bالوزير)
    text = uthmani_hamza_spelled(text)  # ءَامَنُوا۟ is آمنوا, شَيْـًٔا شيئا: the fold reads them so too
    text = unicodedata.normalize("NFKC", text)
    if _table_characters().search(text):
        text = text.translate(_translation_table())
    if _KASRA_MAKSURA in text:  # Quranic spelling writes a final ي without its dots (فِى، ٱلَّذِى)
        text = _UTHMANI_YEH.sub("\u0650\u064a", text)
    text = strip_full_vocalization(text, keep_dagger=True)  # decided with the daggers counted as marks
    text = spell_dagger_alef(text)
    text = _SPACES_CHANGED.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _BLANK_LINES.sub("\n", text).strip()


_DAGGER = "\u0670"
_DAGGER_WORD = re.compile("[\u0621-\u064a\u0671\u064b-\u0652\u0670]*\u0670[\u0621-\u064a\u0671\u064b-\u0652\u0670]*")
_MARKS = re.compile("[\u064b-\u0652\u0670]")
# Words whose modern spelling keeps the long a unwritten (هَٰذَا is هذا, ذَٰلِكَ ذلك, لَٰكِنَّ لكن, ٱلرَّحْمَٰنِ الرحمن,
# إِلَٰه إله), with the clitics written before them (و ف ب ل ك): the list the matching fold reads too (a digest of it
# is part of key_version, since it lives in translator/text/arabic.py).
_SILENT_ALEF = SILENT_DAGGER_WORDS


_KASRA_MAKSURA = "\u0650\u0649"
_UTHMANI_YEH = re.compile("\u0650\u0649(?!\u0670)")  # not ىٰ: alef maksura read as a long a
_ON_MAKSURA = re.compile("\u0649([\u064b-\u0652]*)\u0670")  # ىٰ: final, written ى (موسى); inside, ا (التوراة)
_ON_WAW = re.compile("\u0648[\u064b-\u0652]*\u0670[\u064b-\u0652]*(?=[\u0629\u0627])")  # صلوٰة, ربوٰا


def spell_dagger_alef(text: str) -> str:
    """``text`` with each dagger (superscript) alef ``ٰ`` written as the alef it is — a long a, not a vowel mark:
    ``خَٰلِدُونَ`` is خالدون ("abiding"), where deleting the mark gives خلدون (the name Khaldun; houshuang/alif#186),
    ``ٱلْكِتَٰبُ`` الكتاب, not الكتب ("books") — except in the words modern spelling writes without it (هذا ذلك
    لكن الرحمن إله ...), where it is dropped. On alef maksura it is the ى modern spelling writes at a word's end
    (``إِلَىٰ`` إلى, ``مُوسَىٰ`` موسى, ``ٱلْهُدَىٰ`` الهدى; linuxscout/pyarabic#39 got الا, الهدا) and an alef inside
    one (``ٱلتَّوْرَىٰةَ`` التوراة); on a waw before ة or ا it stands for that waw (``ٱلصَّلَوٰةَ`` الصلاة, ``ٱلزَّكَوٰةَ``
    الزكاة, ``ٱلرِّبَوٰا`` الربا)."""
    if _DAGGER not in text:
        return text

    def spell(match: re.Match[str]) -> str:
        word = match.group()
        bare = _MARKS.sub("", word).replace("\u0671", "\u0627")
        for cut in range(3):  # و ف ب ل ك before the word
            if bare[cut:] in _SILENT_ALEF and all(c in "وفبلك" for c in bare[:cut]):
                return word.replace(_DAGGER, "")
        word = _ON_WAW.sub(lambda m: "" if word[m.end():m.end() + 1] == "\u0627" else "\u0627", word)
        word = _ON_MAKSURA.sub(lambda m: "\u0649" + m.group(1) if _MARKS.sub("", word[m.end():]) == "" else "\u0627",
                               word)
        return re.sub("(?<=[\u0621-\u064a\u064b-\u0652])\u0670", "\u0627", word).replace(_DAGGER, "")

    return _DAGGER_WORD.sub(spell, text)


def strip_full_vocalization(text: str, *, keep_dagger: bool = False) -> str:
    """``text`` with the harakat (U+064B–U+0652, superscript alef, the Quranic open tanween U+08F0–U+08F2)
    removed from each line in which at least :data:`VOCALIZED_SHARE` of the Arabic letters (and three or more)
    carry one, and from each such sentence of the other lines (a verse quoted in a news line: ``ثم قرأ ﴿قُلْ
    هُوَ اللَّهُ أَحَدٌ﴾.``); other text unchanged. Deciding per sentence too means a sentence cut out of the
    result is its own normalized form, so the key a translation is stored under is the text the model saw.
    ``keep_dagger``: the superscript alef counts as a mark but stays (:func:`spell_dagger_alef` spells it)."""
    if not _HARAKAT.search(text):
        return text
    strip = _NOT_DAGGER if keep_dagger else _HARAKAT
    lines = text.split("\n")
    for i, line in enumerate(lines):
        marks = len(_HARAKAT.findall(line))
        if marks < 3:
            continue
        if _vocalized(line, marks):
            lines[i] = strip.sub("", line)
            continue
        from translator.text.segment import sentences  # here: segment is not needed for unmarked text

        pieces, done = [], 0
        for span in sentences(line):
            piece = line[span.start:span.end]
            if _vocalized(piece, len(_HARAKAT.findall(piece))):
                pieces += [line[done:span.start], strip.sub("", piece)]
                done = span.end
        lines[i] = "".join(pieces) + line[done:] if pieces else line
    return "\n".join(lines)


def _vocalized(text: str, marks: int) -> bool:
    return marks >= 3 and marks >= VOCALIZED_SHARE * len(_ARABIC_LETTER.findall(text))


#: Letters of Persian and Urdu keyboards that Arabic text typed on them holds for the Arabic letter (ک for ك, ھ and
#: ہ for ه, ۃ for ة). The FARSI YEH ی (also what a shaper's Persian-yeh presentation forms, U+FBFC-U+FBFF, become
#: under NFKC) stands for ي inside a word and, dotless at a word's end, for ى or ي, which Arabic print (Egypt's
#: above all) writes alike as ى: a model trained on Arabic text has seen final ى in both roles and ی rarely.
_KEYBOARD_LETTERS = str.maketrans({"\u06a9": "\u0643", "\u06be": "\u0647", "\u06c1": "\u0647",
                                   "\u06c3": "\u0629", "\u06cc": "\u064a"})
_KEYBOARD = re.compile("[\u06a9\u06be\u06c1\u06c3\u06cc]")
_FARSI_YEH_FINAL = re.compile("\u06cc(?![\u0621-\u064a\u066e-\u06d3\u064b-\u0652\u0670])")


def fold_keyboard_letters(text: str) -> str:
    """``text`` with the Persian and Urdu keyboard letters written as the Arabic letters they stand for in Arabic
    text (``رئیس الجمهوریة`` → ``رئيس الجمهورية``, ``علی`` → ``على``, ``الکویت`` → ``الكويت``): what the engines
    hand the model's tokenizer (:mod:`translator.mt.ct2`, :mod:`translator.mt.marian`). Applied there, to pieces already
    judged Arabic, and not in :func:`normalize_for_mt`: those letters are how a Persian, Urdu or Kurdish sentence is
    told apart and left untranslated (``source-fa``)."""
    if not _KEYBOARD.search(text):
        return text
    return _FARSI_YEH_FINAL.sub("\u0649", text).translate(_KEYBOARD_LETTERS)


def memory_key_text(text: str) -> str:
    """The form under which a source is stored in translation memory (normalized, one line)."""
    return " ".join(normalize_for_mt(text).split())


@lru_cache(maxsize=1)
def key_version() -> str:
    """A digest of what :func:`memory_key_text` depends on (this module, ``mt_characters.tsv``, the sentence
    splitter, the silent-dagger words and the Uthmani hamza spelling of :mod:`translator.text.arabic`, Unicode's
    version): the
    translation memory and the MT cache store it, and when it changes they compute their keys again from the
    sources they hold, so a stored translation is still found after the normalization changed (Quranic
    spelling was added in session 7: every key of a text with a dagger alef or alef wasla changed)."""
    import hashlib
    from pathlib import Path

    digest = hashlib.sha256(unicodedata.unidata_version.encode())  # NFKC's tables
    for path in (Path(__file__), Path(TABLE), Path(__file__).parents[1] / "text" / "segment.py"):
        digest.update(path.read_bytes())
    digest.update(" ".join(sorted(SILENT_DAGGER_WORDS)).encode())
    digest.update(inspect.getsource(uthmani_hamza_spelled).encode())  # it lives in translator/text/arabic.py
    return digest.hexdigest()[:16]

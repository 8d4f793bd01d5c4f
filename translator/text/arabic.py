"""Arabic text for matching: THE fold (with offsets back to the original), digits, clitics, name joins.

Everything here serves *matching* (glossary terms, outlet names, date words, citation cues): the text a
reader sees is never changed. This module is the one place that folds Arabic text and answers "is this
an Arabic letter?" (:func:`is_arabic_letter`); dates, citations, outlets, glossary and report build on it.
The language knowledge lives in data files beside the package:

- ``data/arabic_folds.tsv``: letter folds (hamza forms, ى/ي, ة/ه, Persian/Urdu look-alikes, tatweel);
- ``data/clitics.tsv``: proclitics (و ف ب ك ل and their combinations) and how they meet the article;
- ``data/name_joins.tsv``: name parts written apart or joined (عبد المجيد / عبدالمجيد).

Unicode categories do the rest: combining marks (tashkeel) and invisible format characters are dropped,
presentation forms are expanded (NFKC), every decimal digit becomes ASCII, and any other letter gets the
Latin fold of :mod:`translator.text.latin` (no accents, case folded).

Words (STYLE.md): a *fold* is lossy and serves matching; ``normalize``/``normalize_for_matching`` are the
old names of :func:`fold`/:func:`fold_for_matching`, kept as aliases.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress

from ..datafiles import read_tsv
from .latin import fold_latin

__all__ = [
    "FOLD_CACHE_MAX_CHARS", "TATWEEL", "TEH_MARBUTA", "WORD", "Clitic", "Reading", "clitics", "contains_arabic",
    "data_table", "fold", "fold_for_matching", "hamza_seat_variants", "is_arabic", "is_arabic_letter", "joins_words",
    "letter_folds", "name_joins", "normalize", "normalize_for_matching", "original_span", "plain_letters", "readings",
    "space_zero_width", "spelling_variants", "strip_tashkeel", "strip_tatweel", "to_ascii_digits", "tokens",
    "uthmani_hamza_spelled",
]

TATWEEL = "\u0640"
TEH_MARBUTA = "\u0629"
_ARTICLE = "ال"
# Word characters after normalization: letters and digits (combining marks are gone by then).
WORD = re.compile(r"[^\W_]+")
# What may stand between the words of a multiword term: spaces and hyphens, nothing else.
_TERM_GAP = re.compile(r"[\s\-\u2010\u2011\u2012\u2013]+")
_PRESENTATION_FORMS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


@dataclass(frozen=True)
class Clitic:
    """A proclitic as written (``وب``), its parts (``و+ب``), and whether it elides the article's alif."""

    written: str
    parts: str
    elides_article: bool
    meaning: str

    def to_dict(self) -> dict[str, object]:
        return {"written": self.written, "parts": self.parts, "elides_article": self.elides_article,
                "meaning": self.meaning}


@dataclass(frozen=True)
class Reading:
    """One reading of a folded token: ``clitic`` letters + ``stem`` (as looked up in the glossary).

    ``stem_offset`` is where the stem starts inside the token; when the clitic elided the article's alif
    (``للجزائر``), ``stem`` has it back (``الجزائر``) while the token holds only ``لجزائر`` from the offset.
    """

    clitic: str
    stem: str
    stem_offset: int


def data_table(name: str) -> list[dict[str, str]]:
    """Rows of a data file in ``translator/data``, cells as written (see ``translator.datafiles``)."""
    return read_tsv(name)


def _codepoint(value: str) -> str:
    value = value.strip()
    return chr(int(value[2:], 16)) if value else ""


@cache
def letter_folds() -> dict[str, str]:
    """``{character: replacement}`` from ``data/arabic_folds.tsv`` (replacement ``""`` drops it)."""
    return {_codepoint(row["from"]): _codepoint(row.get("to", "")) for row in data_table("arabic_folds.tsv")}


@cache
def clitics() -> tuple[Clitic, ...]:
    """Proclitics from ``data/clitics.tsv``, longest first."""
    found = [Clitic(row["clitic"], row["parts"], row["before_article"].strip() == "elide", row["meaning"])
             for row in data_table("clitics.tsv")]
    return tuple(sorted(found, key=lambda c: -len(c.written)))


@cache
def name_joins() -> tuple[frozenset[str], frozenset[str]]:
    """Name parts that may be joined to the next word (``first``) or to the previous one (``second``)."""
    rows = data_table("name_joins.tsv")
    first = frozenset(fold(r["part"]) for r in rows if r["side"].strip() == "first")
    second = frozenset(fold(r["part"]) for r in rows if r["side"].strip() == "second")
    return first, second


@cache
def _fold(char: str) -> str:
    """What one original character becomes in matching text (possibly nothing, possibly several)."""
    code = ord(char)
    if any(lo <= code <= hi for lo, hi in _PRESENTATION_FORMS):
        expanded = _marks_alone(unicodedata.normalize("NFKC", char))
        if expanded != char:  # U+FDFD (the basmala ligature) and unassigned code points have no expansion
            return "".join(_fold(c) for c in expanded)
    folds = letter_folds()
    if char in folds:
        return folds[char]
    category = unicodedata.category(char)
    if category in ("Mn", "Cf"):
        return ""
    if category == "Nd":
        return str(unicodedata.decimal(char))
    if char.isascii():
        return char.lower()
    if category.startswith("L") and not is_arabic_letter(char):
        return fold_latin(char)  # é → e, ß → ss: Latin (and other cased scripts) fold once, in text.latin
    return char


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first use of each character (with :func:`_fold`)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold(chr(code))
        if len(folded) != 1:
            _NOT_ONE_TO_ONE.add(chr(code))
        return folded


_TABLE = _FoldTable()
_NOT_ONE_TO_ONE: set[str] = set()  # characters of _TABLE that fold to nothing or to several characters
# ة or ۃ, then marks or other non-word characters, then a letter: where fold_for_matching may put a space
# after ة (marks fold to nothing, so ``ةُا`` is glued too). A superset of what the loop checks, so the fast
# paths (no space possible) are only taken where they give the loop's result.
_GLUED_AFTER_TEH_MARBUTA = re.compile(r"[\u0629\u06c3][^\w\s]*[^\W\d_]")


_RECENT: dict[str, tuple[str, list[int]]] = {}  # the last texts folded (see fold_for_matching)
_RECENT_SIZE = 16
#: characters: a longer text (a long file's part) is folded anew rather than kept by the caches of its folds
#: (here and :func:`translator.glossary.wordinfo.prepared`): its offset list costs ≈ 36 bytes a character
FOLD_CACHE_MAX_CHARS = 20_000


def fold_for_matching(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching and return ``(folded, offset_map)``.

    ``offset_map[i]`` is the index in ``text`` of the character that produced ``folded[i]``; it has one
    extra last item, ``len(text)``. Use :func:`original_span` to turn a folded span into an original one.

    Teh marbuta (ة) only ends words, so a letter glued right after it starts a new word: a space is put
    there (``المتحدةالأمريكية`` → ``المتحده الامريكيه``), mapped to the letter that follows.

    The last few texts' folds are kept: the glossary matcher, the date reader and translation QA fold the same
    text one after another (issue 17); not a text over ``FOLD_CACHE_MAX_CHARS``. The offset list returned is
    shared: read it, do not change it.
    """
    if len(text) > FOLD_CACHE_MAX_CHARS:
        return _fold_for_matching(text)
    found = _RECENT.get(text)
    if found is None:
        found = _fold_for_matching(text)
        if len(_RECENT) >= _RECENT_SIZE:
            del _RECENT[next(iter(_RECENT))]  # the oldest
        _RECENT[text] = found
    return found


_UNUSUAL: list[object] = [-1, None]  # [size of _NOT_ONE_TO_ONE when compiled, a pattern of its characters or None]


def _unusual_at(text: str) -> list[int]:
    """Where ``text`` has a character of ``_NOT_ONE_TO_ONE``, found by one scan of a character class (recompiled
    when the set has grown): ``_NOT_ONE_TO_ONE.intersection(text)`` made a new one-character string and hashed it
    for every character of a line."""
    size, pattern = _UNUSUAL
    if size != len(_NOT_ONE_TO_ONE):
        pattern = re.compile("[" + "".join(map(re.escape, sorted(_NOT_ONE_TO_ONE))) + "]") if _NOT_ONE_TO_ONE else None
        _UNUSUAL[:] = [len(_NOT_ONE_TO_ONE), pattern]
    if pattern is None:
        return []
    return [m.start() for m in pattern.finditer(text)]  # type: ignore[attr-defined]


def _fold_for_matching(text: str) -> tuple[str, list[int]]:
    text = dagger_alef_spelled(uthmani_hamza_spelled(text))  # one for one: the offsets are the original's
    if "\u200b" in text:
        text = space_zero_width(text)[0]  # one for one: the offsets are the original's
    folded_text = text.translate(_TABLE)  # fills _TABLE (and _NOT_ONE_TO_ONE) for every character of text
    if not _GLUED_AFTER_TEH_MARBUTA.search(text):
        at = _unusual_at(text)
        if not at:  # every character folded to exactly one (issue 20)
            return folded_text, list(range(len(text) + 1))
        if not any(_TABLE[ord(c)] for c in {text[i] for i in at}):  # the others fold to nothing (diacritics, tatweel)
            kept = bytearray(b"\1") * (len(text) + 1)
            for i in at:
                kept[i] = 0
            return folded_text, list(compress(range(len(text) + 1), kept))
    out: list[str] = []
    offsets: list[int] = []
    table = _TABLE  # each character folded once, then looked up (the same fold as _fold)
    after_teh_marbuta = False
    for index, char in enumerate(text):
        folded = table[ord(char)]
        if not folded:
            continue
        if after_teh_marbuta and folded[0].isalpha():
            out.append(" ")
            offsets.append(index)
        after_teh_marbuta = char in (TEH_MARBUTA, "\u06c3")
        out.append(folded)
        if len(folded) == 1:
            offsets.append(index)
        else:
            offsets.extend([index] * len(folded))
    offsets.append(len(text))
    return "".join(out), offsets


_DAGGER = "\u0670"
# (the Quranic marks U+06D6-06ED, the small high sukun ۡ of ٱلرَّحۡمَٰنِ among them, and the maddah and hamza marks
# U+0653-0655 written over a letter, ٓ of أُو۟لَٰٓئِكَ, are part of the word)
_DAGGER_WORD = re.compile("[\u0621-\u064a\u0671\u064b-\u0655\u0670\u06d6-\u06ed]*\u0670"
                          "[\u0621-\u064a\u0671\u064b-\u0655\u0670\u06d6-\u06ed]*")
_VOWEL_MARKS = re.compile("[\u064b-\u0655\u0670\u06d6-\u06ed]")
_MARK = "[\u064b-\u0655\u0670\u06d6-\u06ed]"
_IN_WORD = "[\u0621-\u064a\u0671-\u06d3\u064b-\u0655\u0670\u06d6-\u06ed\u0640]"  # a letter, a mark, a kashida
# a hamza the Quranic (Uthmani) spelling writes on the line (ء) or on a kashida (ـٔ) and modern spelling on a seat
_UTHMANI_HAMZA = re.compile(
    # ءا opening a word, after the clitics و ف, ب ك ل and the article: آ
    f"(?<!{_IN_WORD})(?P<lead>(?:[\u0648\u0641]{_MARK}*)?(?:[\u0628\u0643\u0644]{_MARK}*)?"
    f"(?:[\u0627\u0671]{_MARK}*\u0644{_MARK}*)?)(?P<hamza>\u0621|\u0640{_MARK}*\u0654)(?P<marks>{_MARK}*)\u0627"
    # ءا after a consonant (not after a long vowel, ا و ي, as in إجراءات), not ending the word (جزءًا): آ
    f"|(?P<after>[\u0628-\u0647\u0671-\u06d3]{_MARK}*)\u0621(?P<marks2>{_MARK}*)\u0627(?={_MARK}*[\u0621-\u064a\u0671-\u06d3])"
    # a hamza on a kashida anywhere else: ئ
    f"|\u0640(?P<marks3>{_MARK}*)\u0654")


_HAMZA_BEFORE_ALEF = re.compile(f"\u0621{_MARK}*\u0627|\u0654")  # where the spelling can apply at all


def uthmani_hamza_spelled(text: str) -> str:
    """``text`` with the hamza of Quranic (Uthmani) spelling put where modern spelling writes it, one character
    for one (offsets hold): ``ءا`` is ``آ`` followed by a tatweel where it opens a word, after و ف ب ك ل and the
    article (``ءَامَنُوا۟`` reads آمنوا, ``وَءَاتُوا۟`` وآتوا, ``ٱلْءَاخِرَةِ`` الآخرة; so is the hamza on a kashida there,
    ``فَـَٔامِنُوا۟`` فآمنوا) and where it follows a consonant inside a word (``ٱلْقُرْءَانُ`` القرآن); a hamza on a
    kashida elsewhere (``ـٔ``) is ``ئ`` (``شَيْـًٔا`` شيئا, ``ٱلسَّيِّـَٔاتِ`` السيئات). The fold drops the tatweels and
    the marks, and so does the model's input (:func:`translator.mt.normalize.normalize_for_mt`). A search for آمنوا
    بالله ورسوله found the verses that spell it so, not the mushaf's ءَامِنُوا۟ (quran/quran.com-frontend-next#3342).
    Modern spelling opens no word with ءا and puts no hamza on a kashida; after a long vowel (إجراءات, ضوءان) and
    at a word's end (جزءًا) its ءا is left as it is."""
    if ("\u0621" not in text and "\u0654" not in text) or not _HAMZA_BEFORE_ALEF.search(text):
        return text

    def spell(match: re.Match[str]) -> str:
        if match.group("marks3") is not None:  # a hamza on a kashida inside a word: on a yeh
            return "\u0626" + match.group("marks3") + "\u0640"
        if match.group("after") is not None:
            return match.group("after") + "\u0622" + match.group("marks2") + "\u0640"
        hamza = match.group("hamza")
        return match.group("lead") + "\u0622" + "\u0640" * (len(hamza) - 1) + match.group("marks") + "\u0640"

    return _UTHMANI_HAMZA.sub(spell, text)
#: the words modern spelling writes without the long a a dagger alef marks (هٰذا is هذا), after و ف ب ل ك; the
#: model's input reads them so too (:func:`translator.mt.normalize.spell_dagger_alef`)
SILENT_DAGGER_WORDS = frozenset("هذا هذه هذان هذين هؤلاء ذلك ذلكم ذلكما كذلك لكن لكنه لكنها لكنهم الله لله الرحمن "
                                "رحمن إله اله إلها الهكم إلهكم أولئك اولئك طه".split())


def dagger_alef_spelled(text: str) -> str:
    """``text`` with each dagger (superscript) alef ``ٰ`` standing for a written letter put as that letter, one
    character for one (offsets hold; the dagger itself, a mark, is dropped by the fold after): Quranic and fully
    vocalized spelling then matches modern spelling (``تَبَٰرَكَ`` تبارك, ``ٱلْكِتَٰبُ`` الكتاب, not الكتب: the fold
    used to drop the mark alone; AmmarCodes/obsidian-quran-helper-plugin#9). The letter before it stands for
    the alef in ``ىٰ`` inside a word (``ٱلتَّوْرَىٰةَ`` التوراة) and ``وٰ`` before ة (``ٱلصَّلَوٰةَ`` الصلاة); before an
    alef that ``و`` is silent (``ٱلرِّبَوٰا`` الربا: a tatweel, which the fold drops). It stays silent in a word's
    final ``ىٰ`` (``إِلَىٰ`` إلى) and in the words modern spelling writes without it (هذا ذلك لكن الرحمن إله ...,
    as :func:`translator.mt.normalize.spell_dagger_alef` reads them for the model)."""
    if _DAGGER not in text:
        return text

    def spell(match: re.Match[str]) -> str:
        word = match.group()
        bare = _VOWEL_MARKS.sub("", word).replace("\u0671", "\u0627")
        if any(bare[cut:] in SILENT_DAGGER_WORDS and all(c in "وفبلك" for c in bare[:cut]) for cut in range(3)):
            return word
        letters = list(word)
        for i, char in enumerate(word):
            if char != _DAGGER:
                continue
            j = i - 1
            while j >= 0 and _VOWEL_MARKS.match(letters[j]):
                j -= 1
            if j < 0:
                continue
            after = _VOWEL_MARKS.sub("", word[i + 1:])
            if letters[j] in "\u0649\u06cc\u064a":  # ى (or a Persian or dotted yeh, as gazetteers write it)
                if after:
                    letters[j] = "\u0627"  # ىٰ inside a word: an alef
            elif letters[j] == "\u0648" and after[:1] in ("\u0629", "\u0627"):
                letters[j] = "\u0627" if after[:1] == "\u0629" else "\u0640"
            else:
                letters[i] = "\u0627"
        return "".join(letters)

    return _DAGGER_WORD.sub(spell, text)


# a hamza before a long u, which modern spelling seats on a waw and Egyptian and older print on a yeh or the line
_HAMZA_BEFORE_WAW = re.compile("[\u0621\u0624\u0626](?=\u0648)")


def hamza_seat_variants(spelling: str) -> set[str]:
    """The other spellings of ``spelling`` whose hamza before a long u sits on another seat: ``مسؤول`` is also
    written ``مسئول`` (as Egyptian papers write it) and ``مسءول``, ``شؤون`` ``شئون``, ``رؤوس`` ``رءوس``; empty when it
    has no such hamza. For matching a term (alhoqbani/ar-php#2): the fold keeps the seats apart (ؤ is و, ئ is ي),
    as every stored key of the term base, the translation memory and the gazetteer was folded with them, so the
    glossary indexes a term under these spellings too instead."""
    if not _HAMZA_BEFORE_WAW.search(spelling):
        return set()
    return {_HAMZA_BEFORE_WAW.sub(seat, spelling) for seat in "\u0621\u0624\u0626"} - {spelling}


def fold(text: str) -> str:
    """The matching form of ``text``, without offsets (see :func:`fold_for_matching`)."""
    spelled = dagger_alef_spelled(uthmani_hamza_spelled(text))
    if _GLUED_AFTER_TEH_MARBUTA.search(spelled):
        return fold_for_matching(text)[0]  # the original: it spells the daggers itself, once (spelling twice reads
        # the dagger left on ىٰ / وٰ after the alef put before it as another alef: التورااه)
    text = spelled
    if "\u200b" in text:
        text = space_zero_width(text)[0]
    return text.translate(_TABLE)  # the same string: the loop of fold_for_matching only adds spaces after ة


normalize_for_matching = fold_for_matching  # the old names (a fold is not a normalization: it loses meaning)
normalize = fold


def original_span(text: str, offset_map: list[int], start: int, end: int) -> tuple[int, int]:
    """The span of ``text`` that produced ``normalized[start:end]`` (a non-empty span).

    Marks dropped inside the span are inside it; trailing tashkeel and tatweel written on the last letter
    belong to it too (``الجزائرَ``), but not following spaces or invisible characters.
    """
    original_start = offset_map[start]
    original_end = offset_map[end - 1] + 1
    while original_end < len(text) and (text[original_end] == TATWEEL
                                        or unicodedata.category(text[original_end]) == "Mn"):
        original_end += 1
    return original_start, original_end


_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")


def plain_letters(text: str, *, backwards: bool = False) -> tuple[str, int]:
    """``text`` with each Arabic presentation form (U+FB50–FDFF, U+FE70–FEFE: the contextual glyphs many PDFs'
    text and old sites hold, ``ﻗﺎﻝ`` for ``قال``) written as the letters it stands for (its NFKC expansion:
    ``ﻻ`` is لا, ``ﷲ`` الله), and how many were; nothing else is touched (no whole-text NFKC: ligatures
    and full-width Latin stay). The isolated harakat forms (U+FE70–FE7F) and shadda ligatures (U+FC5E–FC63)
    become the marks alone, not a space and marks. docling-project/docling#3929, microsoft/markitdown#2539; used
    when a document is read, where :func:`fold` expands them only for matching. ``backwards``: a ligature's
    letters are written last to first (``ﷲ`` as هللا), for a line in visual order that is then reversed whole
    (firecrawl/pdf-inspector#212)."""
    if text.isascii() or not _PRESENTATION_FORM.search(text):
        return text, 0
    count = 0

    def plain(match: re.Match[str]) -> str:
        nonlocal count
        expanded = unicodedata.normalize("NFKC", match.group())
        if expanded == match.group():
            return expanded  # unassigned, or no expansion (U+FDFD, the basmala sign)
        count += 1
        expanded = _marks_alone(expanded)
        return expanded[::-1] if backwards else expanded

    return _PRESENTATION_FORM.sub(plain, text), count


def _marks_alone(expanded: str) -> str:
    """A presentation form's NFKC expansion without the space NFKC puts before a spacing mark: the isolated
    harakat (U+FE70–FE7F, ``ﹰ`` is a space and a fathatan) and the shadda ligatures (U+FC5E–FC63, ``ﱠ`` is a
    space, a shadda and a fatha) stand on the letter before them, and the space cut its word in two (``محمﱢد``
    was ``محم د``: Konash/arabic-support-unity#31)."""
    if expanded[:1] == " " and (rest := expanded.lstrip(" ")) \
            and all(unicodedata.category(c) == "Mn" for c in rest):
        return rest
    return expanded


# a zero-width space between two letters (or a letter and a digit); one after a lone proclitic letter (و ف ب ك ل,
# a word of its own) joins it to the next word, as it stood: و​التعاون is والتعاون, not "و التعاون"
_ZERO_WIDTH_SPACE = re.compile(r"(?<=[^\W_])\u200b+(?=[^\W_])")
_LONE_PROCLITIC = re.compile(r"(?:^|(?<=[^\w\u064b-\u0652]))[\u0648\u0641\u0628\u0643\u0644][\u064b-\u0652]*$")


def space_zero_width(text: str) -> tuple[str, int]:
    """``text`` with each zero-width space (U+200B) that stands between two words as a space (one for one:
    offsets stay), and how many: web pages and word processors put it where a space was meant, and a model,
    a word list or a glossary then sees one long word (languagetool-org/languagetool#1986, fnl/syntok#18).
    After a lone proclitic (``و`` ``ف`` ``ب`` ``ك`` ``ل``) it is kept: that letter belongs to the next word."""
    if "\u200b" not in text:
        return text, 0
    count = 0

    def space(match: re.Match[str]) -> str:
        nonlocal count
        if _LONE_PROCLITIC.search(text, max(0, match.start() - 8), match.start()):
            return match.group()
        count += len(match.group())
        return " " * len(match.group())

    return _ZERO_WIDTH_SPACE.sub(space, text), count


def strip_tatweel(text: str) -> str:
    """``text`` without tatweel (ـ), the letter-stretching stroke."""
    return text.replace(TATWEEL, "")


def strip_tashkeel(text: str) -> str:
    """``text`` without combining marks (harakat, shadda, sukun, superscript alef...)."""
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


class _DigitTable(dict[int, int | str]):
    """``str.translate`` table of :func:`to_ascii_digits`, filled on first use of each character: a decimal digit
    (category ``Nd``) maps to its ASCII digit, any other character to itself."""

    def __missing__(self, code: int) -> int | str:
        char = chr(code)
        value = self[code] = str(unicodedata.decimal(char)) if unicodedata.category(char) == "Nd" else code
        return value


_DIGIT_TABLE = _DigitTable()


def to_ascii_digits(text: str) -> str:
    """Every decimal digit (Eastern Arabic ٠-٩, Persian ۰-۹, any script) as ASCII 0-9; the rest unchanged.

    One ``str.translate`` (in C) over a table filled per character, instead of a look-up per character in Python
    (issue 17: speed); an ASCII text is returned as it is."""
    if text.isascii():
        return text
    return text.translate(_DIGIT_TABLE)


@cache
def is_arabic_letter(char: str) -> bool:
    """True for letters of the Arabic script (any of its Unicode blocks, presentation forms included).

    The project's one answer to "is this Arabic?"; ``data/langid_scripts.tsv`` agrees with it on every
    letter (tests/text/test_arabic.py checks).
    """
    return char.isalpha() and "ARABIC" in unicodedata.name(char, "")


#: The Unicode blocks that hold every Arabic-script letter (Arabic, its Supplement and Extended-A/B/C,
#: presentation forms A and B, Rumi numerals, Siyaq numbers, the mathematical alphabet). Only to build
#: :data:`_ARABIC_LETTERS` quickly: a test checks it against :func:`is_arabic_letter` on all of Unicode.
_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF),
                  (0x10E60, 0x10EFF), (0x1EC70, 0x1EEFF))
#: every character for which :func:`is_arabic_letter` is True, for counting in C (issue 20)
_ARABIC_LETTERS = frozenset(char for start, end in _ARABIC_BLOCKS for char in map(chr, range(start, end + 1))
                            if is_arabic_letter(char))


def contains_arabic(text: str) -> bool:
    """True when ``text`` has at least one Arabic-script letter."""
    return not text.isascii() and not _ARABIC_LETTERS.isdisjoint(text)  # looked for in C


def is_arabic(text: str, threshold: float = 0.5) -> bool:
    """True when at least ``threshold`` of the letters in ``text`` are Arabic-script letters."""
    if threshold > 0 and text.isascii():
        return False  # no Arabic letter at all (the common case of English citation text): skip the count
    if len(text) <= 2_000:  # the citation parser asks again about the same piece, title and name (issue 20)
        return _is_arabic(text, threshold)
    return _is_arabic.__wrapped__(text, threshold)


@lru_cache(maxsize=8192)
def _is_arabic(text: str, threshold: float) -> bool:
    if threshold > 0 and _ARABIC_LETTERS.isdisjoint(text):
        return False
    letters = sum(map(str.isalpha, text))  # counted in C (issue 20); is_arabic_letter is False for a non-letter
    if not letters:
        return False
    return sum(map(_ARABIC_LETTERS.__contains__, text)) / letters >= threshold


def tokens(normalized: str) -> list[tuple[int, int, str]]:
    """Words of a normalized text as ``(start, end, word)``.

    The words are listed by ``findall`` and placed with ``str.find`` from the end of the one before, in C, instead
    of three calls on a match object per word (issue 20: the glossary matcher lists the words of every segment).
    The same spans: only non-word characters stand between two words, so a word's first occurrence after the
    previous word is where ``finditer`` finds it."""
    out = []
    at = 0
    find = normalized.find
    for word in WORD.findall(normalized):
        at = find(word, at)
        end = at + len(word)
        out.append((at, end, word))
        at = end
    return out


def joins_words(normalized: str, end: int, start: int) -> bool:
    """True when only spaces or hyphens stand between two words (so they can form one term)."""
    return start > end and _TERM_GAP.fullmatch(normalized, end, start) is not None


@lru_cache(maxsize=65536)
def readings(token: str, min_stem: int = 2) -> tuple[Reading, ...]:
    """Readings of a normalized token: the token itself first, then each proclitic + stem split.

    ``للجزائر`` gives ``للجزائر``, ``ل`` + ``الجزائر`` (article alif restored) and ``ل`` + ``لجزائر``.
    """
    found = [Reading("", token, 0)]
    for clitic in clitics():
        if not token.startswith(clitic.written):
            continue
        rest = token[len(clitic.written):]
        if len(rest) < min_stem:
            continue
        found.append(Reading(clitic.written, rest, len(clitic.written)))
        # ل + الجزائر is written للجزائر: the article's alif is gone, its lam is the rest's first letter.
        if clitic.elides_article and rest.startswith("ل") and len(rest) > min_stem:
            found.append(Reading(clitic.written, "ا" + rest, len(clitic.written)))
    return tuple(found)


def spelling_variants(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Normalized word sequences equal to ``words`` up to joined name parts (عبد المجيد / عبدالمجيد)."""
    first, second = name_joins()
    apart: list[str] = []
    for word in words:
        apart.extend(_split_name_part(word, first, second))
    gaps = [i for i in range(len(apart) - 1) if apart[i] in first or apart[i + 1] in second][:4]
    results = {words}
    for mask in range(2 ** len(gaps)):
        joined = {gap for bit, gap in enumerate(gaps) if mask >> bit & 1}
        out: list[str] = []
        for i, word in enumerate(apart):
            if i - 1 in joined:
                out[-1] += word
            else:
                out.append(word)
        results.add(tuple(out))
    return results


def _split_name_part(word: str, first: frozenset[str], second: frozenset[str]) -> list[str]:
    for part in first:
        if word.startswith(part) and len(word) - len(part) >= 2:
            return [part, word[len(part):]]
    for part in second:
        if word.endswith(part) and len(word) - len(part) >= 2:
            return [word[: -len(part)], part]
    return [word]


Analysis = Reading  # old names: "Analysis" now means only a document's analysis (translator.corpus.analyze)
analyses = readings

"""Quantities written in Arabic or English text, and the check that source and translation hold the same.

A *quantity* is a value with its span: digits in any script (``345``, ``٣٤٥``, ``۳۴۵``) with decimal and
thousands separators (``1,500``, ``1.5``, ``١٢٫٥``, ``١٬٥٠٠``), a percentage (``٪``, ``%``), number words
(``ثلاثة``, ``خمسة وعشرين``, ``twenty-five``), a number with a scale word (``1.5 مليون`` = ``1.5 million``
= 1,500,000; ``مليار`` = ``billion``; ``ألفين`` = 2,000; ``مليون ونصف`` = 1.5 million) and ordinals
(``3rd``, ``الثالث``, ``third``). A range (``10-15``, ``بين 10 و15``) is its two ends.

The words live in ``translator/data/number_words.tsv``. Arabic is matched in the folded form of
``translator.text.arabic`` (the one fold), with proclitics (``وثلاثة``) and, for cardinals, the article
(``الثلاثة``); a scale word with the article is not a number (``في المئة``, ``نصف المليون``).

Comparison is a multiset match of values: each source quantity wants an equal target quantity and each
target quantity an equal source one. Some quantities are *weak* witnesses: the words for one and two (Arabic
writes two as a dual noun, ``الوزيران`` = "the two ministers"; ``الأحد`` is also Sunday) and ordinal words
(``for the first time`` = ``لأول مرة``). A weak quantity may answer a quantity of the other side but is
never flagged when left over. A dotted number with three decimals (``1.500``) is 1.5 or 1,500.

Signs: a minus written before digits (``-5%``, ``−0.3``; after a space or a bracket, not between two numbers,
where a dash is a range) or ``سالب`` / "minus" makes a quantity negative. Equal values whose signs differ are
flagged unless the side without the sign says the value fell ("fell 5%", "a decline of 5%", "a 5% contraction",
``انخفاض بنسبة 5%``): -5% and "grew 5%" differ. A pair or range that lost its second number ("0.1 and points")
is a missing number too (:func:`number_holes`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import itemgetter

from ..datafiles import read_tsv
from ..dates import _gated
from ..text.arabic import analyses, normalize_for_matching
from .flag import QAFlag

__all__ = ["Quantity", "bare_year", "compare_quantities", "cut_names", "days_in_words", "find_quantities",
           "halves_in_words", "holes", "number_holes", "years_in_words"]

_SEPARATORS = str.maketrans({"٫": ".", "٬": ","})
_DIGITS = (r"(?P<name>(?<=[^\W\d_])(?:[-‐–]\s?|\s[-‐–]\s)|(?<=[^\W\d_]{3})|(?<=[a-z])(?<!\w[a-z]))?"  # COVID-19,
           # F-16, كوفيد19, and a code of one Latin letter glued to digits (PCBS's Jerusalem J1, G20): a name
           # (a dash after a space and before the digits is a minus sign: "growth of -0.3%", بنسبة -5%)
           r"(?P<num>\d+(?:[.,]\d+)*)(?:(?P<ord>st|nd|rd|th)|(?P<glued>bn|mn|m|k|tn))?(?![A-Za-z])")
_TOKEN = re.compile(rf"{_DIGITS}|(?P<word>[^\W\d_]+)")
_KUNA_DECIMAL = re.compile(r"(?<![\d.,])(\d+)ر(\d+)(?![\d.,])")  # KUNA writes 90.1 as 1ر90
_GLUED = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}  # $3bn, 5m, 20k
_JOIN = re.compile(r"[\s\-‐–]*")
_AND = frozenset({"and", "و"})
_WEAK_BELOW = 3  # cardinal words below this value are weak witnesses


@dataclass(frozen=True)
class Quantity:
    """A quantity in a text: ``values`` (one, or two readings of ``1.500``), span ``[start, end)``."""

    values: tuple[float, ...]
    start: int
    end: int
    weak: bool = False
    year: bool = False  # four digits between 1900 and 2100, alone: may be written "last year" on the other side
    name: bool = False  # digits that are part of a name (COVID-19, كوفيد19): weak, but a changed one is flagged

    step: float = 0.0  # the unit of the last digit written before a scale word (4.48 million: 10,000), else 0
    day: bool = False  # "24 hours" (الساعات الـ24): may be written "yesterday", "on Sunday" on the other side
    negative: bool = False  # written with a minus sign (-5%, −0.3, سالب 2): the other side writes it or says "fell"
    apposed: bool = False  # a year right after a year in words (هذا العام 2020م, "the previous year (2023)")
    text: str = field(default="", repr=False, compare=False)  # the text it was read in (see falling)
    half_year: bool = False  # "six months", ستة أشهر: may be written "half a year" (نصف عام) on the other side

    @property
    def falling(self) -> bool:
        """True when a word of decline stands by it ("fell 5%", "a decline of 5%", انخفاض بنسبة 5%): asked only
        where the two sides' signs differ (issue 17: speed)."""
        if not self.text:
            return False
        folded, offsets = _folded(self.text)
        start = bisect_left(offsets, self.start)
        end = bisect_left(offsets, self.end, start)
        return _falling(folded, start, end)

    def same(self, other: Quantity) -> bool:
        """True when some reading of this quantity equals some reading of ``other``, or rounds to it: a number
        written with decimals before a scale word ("4.48 million", "AED1.894 billion") stands for every value
        within half its last digit (4,481,042; 1,894,100,000), as editions round exact figures."""
        slack = max(self.step, other.step) / 2
        for a in self.values:  # loops, not a generator (issue 17: speed)
            for b in other.values:
                if abs(a - b) <= slack or _equal(a, b):
                    return True
        return False


def _equal(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


@dataclass(frozen=True)
class _Word:
    value: float
    kind: str  # cardinal | hundred | scale | plural_scale | half | ordinal


@cache
def _words() -> dict[str, _Word]:
    """Folded number word (and its article form for cardinals and ordinals) -> value and kind."""
    table: dict[str, _Word] = {}
    for row in read_tsv("number_words.tsv"):
        word = _Word(float(row["value"]), row["kind"])
        folded = normalize_for_matching(row["word"])[0]
        table.setdefault(folded, word)
        if row["language"] == "ar" and word.kind in ("cardinal", "ordinal") and not folded.startswith("ال"):
            table.setdefault("ال" + folded, word)
    return table


@dataclass(slots=True)
class _Token:
    start: int  # offsets into the folded text
    end: int
    values: tuple[float, ...]
    kind: str  # digits | ordinal_digits | and | other | a _Word kind
    joined: bool  # only spaces or hyphens since the token before
    conj: bool = False  # written with the conjunction و in front (وعشرين)
    decimals: int = 0  # digits written after the decimal point
    negative: bool = False  # a minus sign right before the digits


_SEPARATOR = re.compile(r"[.,]")


@lru_cache(maxsize=4096)
def _digit_values(text: str) -> tuple[float, ...]:
    """Readings of a digit string with separators (see the module docstring); kept per string: the same figures
    (years, counts) come back in every pair and on both sides (issue 17: speed)."""
    if text.isdigit():
        return (float(text),)
    seps = _SEPARATOR.findall(text)
    groups = _SEPARATOR.split(text)
    if all(len(g) == 3 for g in groups[1:]) and len(set(seps)) == 1:
        whole = float("".join(groups))
        return (float(text), whole) if seps == ["."] else (whole,)
    last = max(text.rfind("."), text.rfind(","))
    integer = _SEPARATOR.sub("", text[:last]) or "0"
    return (float(f"{integer}.{text[last + 1:]}"),)


def _tokens(folded: str) -> list[_Token]:
    """Number pieces and conjunctions of a folded text, in order (other words only break a run: a token
    after one is not ``joined``).

    The same tokens as :func:`_tokens_scan`, found faster (issue 17: speed): the digits by a scan that only
    stops where digits, spaces or dashes stand, the words by looking up each distinct word of the text once
    and finding the number words and conjunctions among them with ``str.find``; a text where a Latin suffix
    glued to digits runs on into other letters (``5mبلد``: the scan would start a word mid-run) is read by
    :func:`_tokens_scan`."""
    digits = []
    for m in _number_matches(folded):
        if (m.group("ord") or m.group("glued")) and _LETTER.match(folded, m.end()):
            return _tokens_scan(folded)
        digits.append(m)
    words = []
    runs = set(word_runs(folded))
    named = not _NAME_WORDS.isdisjoint(runs)  # a name written with its number needs its whole word (speed)
    for word in runs.difference(_NOT_NUMBER_WORDS):  # in C: most words of a text are known not to be numbers
        if word in _AND:
            found = None
        else:
            found = _lookup(word)
            if found is None:
                if len(_NOT_NUMBER_WORDS) >= _NOT_NUMBER_WORDS_MAX:
                    _NOT_NUMBER_WORDS.clear()  # bounded, as _lookup's cache is
                _NOT_NUMBER_WORDS.add(word)
                continue
        size = len(word)
        at = folded.find(word)
        while at >= 0:
            if (at == 0 or not _LETTER.match(folded, at - 1)) and not _LETTER.match(folded, at + size):
                words.append((at, at + size, word, found))
            at = folded.find(word, at + size)
    if not digits and not words:
        return []
    if words and digits:
        ends = [(m.start(), m.end()) for m in digits]  # a suffix of digits (5th, 3bn) is no word of its own
        words = [w for w in words if not any(a <= w[0] < b for a, b in ends)]
    events: list[tuple[int, object]] = [(_digits_start(folded, m), m) for m in digits]
    if words:
        events += [(w[0], w) for w in words]
        events.sort(key=itemgetter(0))
    out: list[_Token] = []
    previous_end = 0
    for start, event in events:
        joined = bool(out) and _JOIN.fullmatch(folded, previous_end, start) is not None
        if isinstance(event, tuple):
            _, end, _word, found = event
            previous_end = end
            if found is None:
                out.append(_Token(start, end, (), "and", joined))
            else:
                word, clitic, offset = found
                conj = clitic == "و"
                out.append(_Token(start + (offset if not conj else 0), end, (word.value,), word.kind,
                                  joined and (conj or not clitic), conj))
            continue
        m = event
        previous_end = m.end()
        name = _digits_name(folded, m, start)
        kind = "ordinal_digits" if m.group("ord") else "name_digits" if name is not None else "digits"
        if name == "" and _currency_before(folded, start):
            kind = "digits"  # AED287, USD5: a currency code, not a name
        elif kind == "digits" and named and _named_number(folded, m.start("num"), m.group("num")):
            kind = "name_digits"  # كوفيد 19, Coronavirus 2019, Vision 2030: a name written with a space
        out.append(_digits_token(folded, m, kind, joined))
        if m.group("glued"):
            out.append(_Token(m.start("glued"), m.end(), (_GLUED[m.group("glued")],), "scale", True))
    return out


# Digits as _DIGITS reads them, its name prefix taken whatever stands before it (checked in _digits_start): the
# lookahead lets the scan skip letters, where no number starts, without trying the prefix (issue 17: speed).
_NUMBER_AT = re.compile(r"(?=[\d\s\-‐–])(?P<pre>[-‐–]\s?|\s[-‐–]\s)?(?P<num>\d+(?:[.,]\d+)*)"
                        r"(?:(?P<ord>st|nd|rd|th)|(?P<glued>bn|mn|m|k|tn))?(?![A-Za-z])")
_LETTER = re.compile(r"[^\W\d_]")
_A_DIGIT = re.compile(r"\d")


def _number_matches(folded: str) -> Iterator[re.Match[str]]:
    """``_NUMBER_AT.finditer(folded)``, tried only where a match can start: a match holds a digit at most three
    characters after its start (after ``pre``: a dash and a space, or a space, a dash and a space), so only the
    four positions up to each digit are tried, where the scan entered the pattern at every space of the text
    (issue 17: speed). Each match is the one finditer gives: the leftmost from where the last one ended."""
    pos, size = 0, len(folded)
    while pos < size:
        digit = _A_DIGIT.search(folded, pos)
        if digit is None:
            return
        at = digit.start()
        for start in range(max(pos, at - 3), at + 1):
            m = _NUMBER_AT.match(folded, start)
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = at + 1
_THREE_LETTERS = re.compile(r"[^\W\d_]{3}")
_CODE_LETTER = re.compile(r"[a-z]")  # one Latin letter glued to digits, no word character before it: J1, G20
_WORD = re.compile(r"\w")
_WORD_RUN = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=64)
def word_runs(folded: str) -> tuple[str, ...]:
    """The words of a folded text (maximal runs of letters), in order: the number reader and the period reader
    both look their words up (issue 17: speed)."""
    return tuple(_WORD_RUN.findall(folded))


def _digits_start(folded: str, m: re.Match[str]) -> int:
    """Where _DIGITS's match of ``m`` starts: at its prefix when a letter stands right before it (a name's
    dash: COVID-19), else at the digits."""
    if m.group("pre") is not None and m.start() > 0 and _LETTER.match(folded, m.start() - 1):
        return m.start()
    return m.start("num")


def _digits_name(folded: str, m: re.Match[str], start: int) -> str | None:
    """_DIGITS's ``name`` group for ``m`` starting at ``start``: the dash after a name, ``""`` right after three
    letters (كوفيد19) or after a code's one Latin letter (j1, g20: no word character before the letter), else
    None."""
    if start < m.start("num"):
        return folded[start:m.start("num")]
    if start >= 3 and _THREE_LETTERS.match(folded, start - 3):
        return ""
    code = start and _CODE_LETTER.match(folded, start - 1) and not (start > 1 and _WORD.match(folded, start - 2))
    return "" if code else None


def _digits_token(folded: str, m: re.Match[str], kind: str, joined: bool) -> _Token:
    number = m.group("num")
    decimals = len(number) - number.rfind(".") - 1 if "." in number and number.count(".") == 1 and "," not in number \
        else 0
    start, end = m.span("num")
    negative = kind == "digits" and start > 0 and folded[start - 1] in _MINUS and _minus_before(folded, start)
    return _Token(start, end, _digit_values(number), kind, joined, False, decimals, negative)


def _tokens_scan(folded: str) -> list[_Token]:
    """:func:`_tokens` by one scan of every word (the reference it is tested against)."""
    out: list[_Token] = []
    previous_end = 0
    for m in _TOKEN.finditer(folded):
        token = m.group("word")
        if token is not None and token not in _AND:
            found = _lookup(token)
            if found is None:
                continue
        joined = bool(out) and _JOIN.fullmatch(folded, previous_end, m.start()) is not None
        previous_end = m.end()
        if token is None:
            kind = "ordinal_digits" if m.group("ord") else "name_digits" if m.group("name") is not None else "digits"
            if m.group("name") == "" and _currency_before(folded, m.start()):
                kind = "digits"  # AED287, USD5: a currency code, not a name
            elif kind == "digits" and _named_number(folded, m.start("num"), m.group("num")):
                kind = "name_digits"  # كوفيد 19, Coronavirus 2019, Vision 2030: a name written with a space
            number = m.group("num")
            decimals = len(number) - number.rfind(".") - 1 if number.count(".") == 1 and "," not in number else 0
            negative = kind == "digits" and _minus_before(folded, m.start("num"))
            out.append(_Token(m.start("num"), m.end("num"), _digit_values(number), kind, joined, decimals=decimals,
                              negative=negative))
            if m.group("glued"):
                out.append(_Token(m.start("glued"), m.end(), (_GLUED[m.group("glued")],), "scale", True))
        elif token in _AND:
            out.append(_Token(m.start(), m.end(), (), "and", joined))
        else:
            word, clitic, offset = found
            conj = clitic == "و"
            out.append(_Token(m.start() + (offset if not conj else 0), m.end(), (word.value,), word.kind,
                              joined and (conj or not clitic), conj))
    return out


_MINUS = frozenset("-−‐–")
_OPENS = frozenset(" \t\n([«\"“'")


def _minus_before(folded: str, at: int) -> bool:
    """True when a minus sign stands right before the digits at ``at``: after a space, a bracket or the text's
    start, and not between two numbers (``10 -15`` is a range)."""
    if at == 0 or folded[at - 1] not in _MINUS:
        return False
    if at > 1 and folded[at - 2] not in _OPENS:
        return False
    before = folded[:at - 1].rstrip()
    return not before or not before[-1].isdigit()


# Words of decline by a number: the number may then be written without its minus sign on the other side
# ("fell 5%", "a decline of 5%", "a 5% contraction", انخفاض بنسبة 5%، تراجع، انكماش، سالب). Folded forms.
_FALLING = re.compile(r"\b(?:declin\w*|decreas\w*|fell|fall\w*|drop\w*|down|contract\w*|shr[aiu]nk\w*|lower\w*|"
                      r"loss\w*|lost|negative\w*|minus|slump\w*|slid\w*|dip|dips|dipped|eased|retreat\w*|plung\w*|"
                      r"tumbl\w*|deficit\w*|reduc\w*|below)\b|"
                      r"(?:انخفا?ض|تراجع|انكما?ش|هبو?ط|نقص|ناقص|سالب|عجز|خسار|خساي?ر|تقلص|تدني|انحسار|ينخفض|يتراجع)")
_SENTENCE_END = re.compile(r"[.!?؟؛;:](?:\s|\Z)")


def _falling(folded: str, start: int, end: int) -> bool:
    """True when a word of decline (_FALLING) stands in the clause before the number (up to 48 characters)
    or right after it (up to 24: "a 5% drop")."""
    before = folded[max(0, start - 48):start]
    cut = list(_SENTENCE_END.finditer(before))
    if cut:
        before = before[cut[-1].end():]
    after = _SENTENCE_END.split(folded[end:end + 24], maxsplit=1)[0]
    return _FALLING.search(before) is not None or _FALLING.search(after) is not None


_LETTERS_BEFORE = re.compile(r"[^\W\d_]+\Z")
# Names written with a number after a space or a spaced dash (folded forms): كوفيد 19, COVID – 19, Expo 2020,
# رؤية 2030, COP 28, and outlets named so (France 24, فرانس 24, Jordan's Jo 24). "Coronavirus" and كورونا only
# with 19 or 2019 (the disease's name), not a count after them.
_NAMED_BEFORE = re.compile(r"(?<![^\W\d_])(?:covid|كوفيد|sars|cov|mers|expo|اكسبو|vision|رؤيه|cop|كوب|france|فرانس|jo)"
                           r"\s*[-‐–]?\s*\Z")
# Every name of _NAMED_BEFORE and _DISEASE_BEFORE: each stands as a whole word (no letter on either side), so a text
# whose words hold none of them has no named number (the fast reader then asks no pattern)
_NAME_WORDS = frozenset("covid كوفيد sars cov mers expo اكسبو vision رؤيه cop كوب france فرانس jo coronavirus كورونا"
                        .split())
_DISEASE_BEFORE = re.compile(r"(?<![^\W\d_])(?:coronavirus|كورونا)\s*[-‐–]?\s*\Z")


def _named_number(folded: str, at: int, number: str) -> bool:
    """True when the digits at ``at`` are part of a name written with a space (see _NAMED_BEFORE)."""
    if at == 0 or not (folded[at - 1].isspace() or folded[at - 1] in "-‐–" or folded[at - 1].isalpha()):
        return False  # a name ends right before its number, or a space or dash does (speed: no regex search)
    window = max(0, at - 16)
    if _NAMED_BEFORE.search(folded, window, at):
        return True
    return number in ("19", "2019") and _DISEASE_BEFORE.search(folded, window, at) is not None


@cache
def _currencies() -> frozenset[str]:
    """ISO 4217 codes (Babel/CLDR): written glued to an amount (``AED287``)."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _currency_before(folded: str, at: int) -> bool:
    m = _LETTERS_BEFORE.search(folded, max(0, at - 8), at)
    return m is not None and m.group().upper() in _currencies()


#: words :func:`_lookup` found to be no number word (a set subtracted from a text's words in one C call: issue 17,
#: speed); what :func:`_lookup` answers never changes, so a word here would get ``None`` from it again
_NOT_NUMBER_WORDS: set[str] = set()
_NOT_NUMBER_WORDS_MAX = 65536


@lru_cache(maxsize=65536)
def _lookup(token: str) -> tuple[_Word, str, int] | None:
    """The number word ``token`` is (possibly behind proclitics), with the clitic and the stem's offset.
    Remembered: the same words come back in every text, and an Arabic word's clitic analyses cost most."""
    words = _words()
    word = words.get(token)
    if word is not None:
        return word, "", 0
    if not ("\u0600" <= token[0] <= "\u06ff"):
        return None
    for reading in analyses(token):
        word = words.get(reading.stem)
        if word is not None and reading.clitic:
            if word.kind in ("scale", "hundred", "plural_scale", "half") and reading.stem.startswith("ال"):
                return None  # في المئة, بالمليون: not a number
            return word, reading.clitic, reading.stem_offset
    return None


# Words that make the round number after them approximate ("some 5,000", "more than 111,000", نحو 5 آلاف):
# it stands for any value that rounds to it at its last non-zero digit. Folded forms (translator.text.arabic).
_APPROXIMATE = re.compile(r"(?:\b(?:some|about|around|approximately|roughly|nearly|almost|over|more\s+than|"
                          r"less\s+than|fewer\s+than|at\s+least|up\s+to|close\s+to|upwards\s+of)|"
                          r"(?<![^\W\d_])(?:نحو|حوالي|حوالى|قرابه|زهاء|اكثر\s+من|اقل\s+من|ما\s+يقارب|"
                          r"ما\s+يزيد\s+على|ما\s+يزيد\s+عن|اكثر\s+قليلا\s+من))\s+\Z")


# The last word of every phrase of _APPROXIMATE: a number after any other word is not searched (speed).
_APPROXIMATE_LAST = frozenset("""some about around approximately roughly nearly almost over than least to of
نحو حوالي حوالى قرابه زهاء من يقارب على عن""".split())


def _word_before(folded: str, at: int) -> str:
    """The word that ends right before ``at`` after spaces (``""`` when a non-space, non-letter is there)."""
    end = at
    while end > 0 and folded[end - 1].isspace():
        end -= 1
    if end == at:
        return ""
    start = end
    while start > 0 and folded[start - 1].isalpha():
        start -= 1
    return folded[start:end]


# A year that dates a period ("the third quarter of 2023", الربع الثالث من عام 2023, التسعة أشهر الأولى من 2023):
# the other edition often leaves it to context ("in the third quarter"), so it is a weak witness.
_PERIOD_BEFORE = re.compile(r"(?:(?<![^\W\d_])[وفبلك]{0,2}(?:ال|ل)?(?:ربع|نصف|اشهر|شهور|فصل)|"
                            r"\b(?:quarter|half|months|q[1-4]|h[12]))(?:[^\d.،,;:]{0,25})\Z")


def _round_step(text: str, value: float) -> float:
    """The rounding unit of a round number written in ``text`` (5,000 → 1,000; 111,000 → 1,000; 40 → 10)."""
    digits = re.sub(r"\D", "", text)
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10.0 ** zeros if zeros and value >= 10 else 0.0


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` (Arabic or English), in order, spans into ``text``.

    Returns ``[]`` for an empty text; never raises on odd text (unknown words are simply not numbers).
    """
    if not text:
        return []
    folded, offsets = _folded(text)
    found = []
    negative_words = _NEGATIVE_ANY.search(folded) is not None  # no regex search by every number otherwise
    year_words = _YEAR_ANY.search(folded) is not None  # a year in words (years_in_words's own screen)
    for q in _group(_tokens(folded), folded):
        values = q.values()
        first = values[0]
        start, end = offsets[q.start], offsets[q.end - 1] + 1
        year = q.last == "digits" and len(q.readings) == 1 and end - start == 4 and 1900 <= first <= 2100
        step = q.step
        if year and _PERIOD_BEFORE.search(folded, max(0, q.start - 40), q.start):
            q.weak = True
        if (not step and q.last == "digits" and _word_before(folded, q.start) in _APPROXIMATE_LAST
                and _APPROXIMATE.search(folded, max(0, q.start - 40), q.start)):
            step = _round_step(folded[q.start:q.end], first)
        day = first == 24 and (_HOURS_AFTER.match(folded, q.end) is not None
                               or _HOURS_BEFORE.search(folded, max(0, q.start - 16), q.start) is not None)
        negative = q.negative or (negative_words
                                  and _NEGATIVE_WORD.search(folded, max(0, q.start - 8), q.start) is not None)
        apposed = year and year_words and _apposed_year().search(folded, max(0, q.start - 48), q.start) is not None
        half_year = first == 6 and _MONTHS_AFTER.match(folded, q.end) is not None
        found.append(Quantity(values, start, end, q.weak, year, q.weak and q.last == "name_digits", step, day,
                              negative, apposed, text, half_year))
    if "حاجز" in folded or "عتبه" in folded or "سقف" in folded:  # a substring test first: no scan otherwise
        found = _barriers(folded, offsets, text, found)
    return found


# A scale word with the article after "barrier", "threshold", "ceiling" (``حاجز التريليون`` "the Dh1 trillion mark",
# ``عتبة المليون`` "the one million mark") names one of that scale; elsewhere such a word is no number (``في المئة``,
# ``نصف المليون``: see :func:`_lookup`). Issue 17, ninth session (fresh10b). Folded forms.
_BARRIER = re.compile(r"(?<![^\W\d_])[وفبل]?(?:ال)?(?:حاجز|عتبه|سقف)\s+ال([^\W\d_]+)(?![^\W\d_])")


def _barriers(folded: str, offsets: list[int], text: str, found: list[Quantity]) -> list[Quantity]:
    """``found`` with the scale words after a barrier word (see _BARRIER) added as quantities, in order."""
    added = []
    for m in _BARRIER.finditer(folded):
        word = _words().get(m.group(1))
        if word is None or word.kind != "scale":
            continue
        start, end = offsets[m.start(1) - 2], offsets[m.end(1) - 1] + 1
        if not any(q.start < end and start < q.end for q in found):
            added.append(Quantity((word.value,), start, end, text=text))
    return sorted(found + added, key=lambda q: q.start) if added else found


_NEGATIVE_WORDS = ("minus", "negative", "سالب", "ناقص")  # the words of _NEGATIVE_WORD (folded)
_NEGATIVE_ANY = re.compile("|".join(map(re.escape, _NEGATIVE_WORDS)))  # any of them, one search in C


# "24 hours" on one side, the day before in words on the other ("since yesterday", "overnight", منذ أمس): the same
# span of time in daily figures. A weekday or "today" is not: "on Sunday" tells when, not over how long (the
# benchmark's editions that write "today" for "the past 24 hours" differ). Folded forms (translator.text.arabic).
_NEGATIVE_WORD = re.compile(r"(?<![^\W\d_])(?:minus|negative|سالب|ناقص)\s+\Z")  # "minus 5", سالب 5
_HOURS_AFTER = re.compile(r"[\s\-‐–]*(?:hours?|hrs?|ساعه|ساعات)(?![^\W\d_])")
_HOURS_BEFORE = re.compile(r"(?<![^\W\d_])(?:ال)?ساعات\s+(?:ال)?\Z")
_DAY_WORDS = re.compile(
    r"\b(?:yesterday|overnight|(?:in|over|within)\s+(?:a|one)\s+day|(?:the\s+)?(?:past|last|previous)\s+day)\b|"
    r"(?<![^\W\d_])[وفبل]{0,2}(?:يوم\s+امس|امس|(?:خلال\s+)?يوم\s+واحد)(?![^\W\d_])")


_BARE_YEAR = re.compile(r"\bthe\s+year\b(?![\s,]*\d)(?!-)", re.IGNORECASE)


def bare_year(text: str) -> bool:
    """True when English ``text`` writes "the year" with no year after it ("for the year increased by 2%"): where a
    year the source sets beside a year in words was lost (see :func:`compare_quantities`)."""
    return "year" in text and _BARE_YEAR.search(text) is not None


_CUT_NAME = re.compile(r"(?<![^\W\d_])(?:covid|كوفيد|sars|cov|mers)\s*[-‐–](?:\s+(?!\d)|(?=[^\w\s])|\Z)")


_HOLE = re.compile(r"\b(?:in|of|from|since|to|for)\s+[,.;:)]")  # "compared to the same period in , the ..."
# A period's "of" with no year after it: "the second quarter of compared to ..." (its year was lost).
_PERIOD_OF = re.compile(r"\b(?:quarter|half|months|period)\s+of\s+(?!(?:the|this|that|last|next|its|their|a|an|each|"
                        r"every|both|fiscal|financial|calendar|year|same|previous|current)\b)[a-z]")


def holes(text: str) -> int:
    """How many places of English ``text`` show a lost word: a preposition right before punctuation, a period's
    "of" with no year or article after it ("the second quarter of compared to"), a preposition right before
    "compared" ("for the whole of compared with 9.3% in 2023": issue 17, ninth session)."""
    found = len(_HOLE.findall(text)) if _SPACE_PUNCTUATION.search(text) else 0
    if " compared" in text:
        found += len(_HOLE_COMPARED.findall(text))
    if " of " not in text or ("quarter" not in text and "half" not in text and "months" not in text
                              and "period" not in text):
        return found  # every _PERIOD_OF match holds " of " and one of its words: no scan otherwise (speed)
    return found + len(_PERIOD_OF.findall(text))


_HOLE_COMPARED = re.compile(r"\b(?:in|of|from|since|for|to|during)\s+compared\b", re.IGNORECASE)


# A number lost from a pair or a range: "contributed 0.1 and points", "between 5 and per cent". Each is one
# quantity of the source that the target lost (see compare_quantities).
_NUMBER_HOLE = re.compile(r"\d\s*(?:%|per\s*cent|percent|points?)?\s+(?:and|or|to)\s+(?:percentage\s+)?"
                          r"(?:points?|per\s*cent|percent|million|billion|thousand)\b")


def number_holes(text: str) -> list[tuple[int, int]]:
    """Spans of English ``text`` where the second number of a pair or range is missing ("0.1 and points")."""
    if " and " not in text and " or " not in text and " to " not in text:
        return []
    return [m.span() for m in _NUMBER_HOLE.finditer(text)]


_SPACE_PUNCTUATION = re.compile(r"\s[,.;:)]")  # what every hole has (a cheaper scan than _HOLE's words)


def cut_names(text: str) -> int:
    """How many names of ``text`` that are written with a number end in a dash with no number ("COVID- cases",
    "(COVID-)"): the number was lost."""
    folded = _folded(text)[0]
    if "covid" not in folded and "كوفيد" not in folded and "cov" not in folded and "mers" not in folded:
        return 0  # none of the names (sars-cov contains cov): no regex scan (issue 17: speed)
    return len(_CUT_NAME.findall(folded))


_MONTHS_AFTER = re.compile(r"[\s\-‐–]*(?:months?|اشهر|شهور)(?![^\W\d_])")
# Half a year in words: نصف عام، نصف العام، نصف سنة; "half a year", "half-year", "half year" (folded forms).
_HALF_YEAR = re.compile(r"(?<![^\W\d_])[وفبل]{0,2}(?:ال)?نصف\s+(?:ال)?(?:عام|سنه)(?![^\W\d_])|"
                        r"\bhalf[\s\-‐–]+(?:a\s+)?year\b")


def halves_in_words(text: str) -> int:
    """How many times ``text`` says half a year in words (نصف عام، نصف العام، "half a year", "half-year"): each may
    stand for a "six months" of the other side ("the six-month period" for خلال نصف عام; issue 17, ninth session)."""
    folded = _folded(text)[0]
    if "نصف" not in folded and "half" not in folded:
        return 0  # none of the words: no regex scan
    return len(_HALF_YEAR.findall(folded))


def days_in_words(text: str) -> int:
    """How many times ``text`` names the past day in words (yesterday, overnight, in a day, أمس، يوم أمس): each
    may stand for a "24 hours" of the other side (see :func:`compare_quantities`)."""
    folded = _folded(text)[0]
    if _DAY_CLUE.search(folded) is None:
        return 0  # no regex scan of the phrases (issue 17: speed; most texts say اليوم, "today" or "Monday")
    return len(_DAY_WORDS.findall(folded))


# What every _DAY_WORDS phrase holds, one search (first characters looked up in C): the English phrases end in a
# space and "day" unless they are "yesterday" or "overnight", the Arabic ones hold امس or يوم and a space before واحد
_DAY_CLUE = re.compile(r"yesterday|overnight|امس|\sday|يوم\s+واحد")


@cache
def _relative_years() -> re.Pattern[str]:
    phrases = [normalize_for_matching(row["phrase"])[0] for row in read_tsv("relative_years.tsv")]
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    # behind a lookahead for the letters a phrase can begin with (dates._gated): the engine tried every phrase at
    # every position of a line (session 13)
    return _gated(rf"(?<![^\W\d_])(?:[وفبل]{{0,2}})(?:{alternation})(?![^\W\d_])")


def years_in_words(text: str) -> int:
    """How many times ``text`` names a year in words ("last year", ``العام الماضي``; data/relative_years.tsv)."""
    folded = _folded(text)[0]
    if _YEAR_ANY.search(folded) is None:
        return 0  # every phrase holds one of these words (a test keeps relative_years.tsv so): no regex scan
    return len(_relative_years().findall(folded))


_YEAR_WORDS = ("year", "عام", "سنه")  # folded: السنة is سنه in the matching form
# one search in C for any of the words, where a generator of substring tests cost more (issue 17: speed)
_YEAR_ANY = re.compile("|".join(map(re.escape, _YEAR_WORDS)))


@cache
def _apposed_year() -> re.Pattern[str]:
    """A year in words right before a year in digits, a bracket, comma or dash between at most: ``هذا العام 2020م``,
    ``العام الماضي (2023)``, "the previous year (2023)", "last year, 2022" (see :func:`compare_quantities`)."""
    return re.compile(rf"(?:{_relative_years().pattern})\s*[(\[،,:\-–]?\s*\Z")


@lru_cache(maxsize=1024)
def _folded(text: str) -> tuple[str, list[int]]:
    """The matching form of ``text`` (translator.text.arabic), decimal separators and KUNA decimals read."""
    folded, offsets = normalize_for_matching(text)
    if "٫" in folded or "٬" in folded:  # substring tests first: no translation, no scan otherwise (issue 17: speed)
        folded = folded.translate(_SEPARATORS)
    if "ر" in folded and _KUNA_CLUE.search(folded):
        folded = _KUNA_DECIMAL.sub(_kuna, folded)
    if "،" in folded and _COMMA_DECIMAL.search(folded):
        folded = _COMMA_DECIMAL.sub(r"\1.\2", folded)
    return folded, offsets


# The Arabic comma as a decimal separator between digits, no space around it, as Tunisian and Algerian papers write
# (``9،3 بالمائة`` = 9.3 per cent; issue 17, ninth session, fresh9b): a whole of one to three digits, one or two
# decimals. A list comma has a space after it (``3، 5``); four digits on either side are years (``2023،2024``).
_COMMA_DECIMAL = re.compile(r"(?<![\d.,،])(\d{1,3})،(\d{1,2})(?![\d.,،])")


_KUNA_CLUE = re.compile(r"\dر\d")  # what every KUNA decimal holds (a scan from a digit, cheaper than _KUNA_DECIMAL)


def _kuna(m: re.Match[str]) -> str:
    """``1ر90`` (KUNA's decimal: fraction ر whole) as ``90.1``, padded to keep the offsets."""
    text = f"{m.group(2)}.{m.group(1)}"
    return text + " " * (len(m.group()) - len(text))


class _Building:
    """A quantity being read: per reading, [total of closed scale groups, current group or None]."""

    __slots__ = ("after_and", "decimals", "end", "last", "negative", "readings", "scale", "start", "step", "weak")

    def __init__(self, token: _Token, weak: bool) -> None:
        self.start, self.end = token.start, token.end
        values = token.values
        self.readings: list[list] = ([[0.0, values[0]]] if len(values) == 1 else [[0.0, v] for v in values]
                                     if values else [[0.0, None]])
        self.weak = weak
        self.last = token.kind
        self.scale: float | None = None
        self.after_and = False
        self.decimals = token.decimals
        self.step = 0.0
        self.negative = token.negative

    def current(self) -> float | None:
        return self.readings[0][1]

    def set_current(self, op) -> None:
        for reading in self.readings:
            reading[1] = op(reading[1])

    def apply_scale(self, factor: float) -> None:
        if self.decimals and self.last == "digits":
            self.step = factor * 10.0 ** -self.decimals
        for reading in self.readings:
            reading[0] += (1.0 if reading[1] is None else reading[1]) * factor
            reading[1] = None
        self.scale = factor

    def values(self) -> tuple[float, ...]:
        return tuple(total + (current or 0.0) for total, current in self.readings)


_NUMERIC = ("digits", "ordinal_digits", "name_digits", "cardinal", "ordinal")


def _group(tokens: list[_Token], folded: str = "") -> list[_Building]:
    """Combine runs of number tokens into quantities (see the module docstring)."""
    out: list[_Building] = []
    cur: _Building | None = None
    for token in tokens:
        kind = token.kind
        if cur is not None and not (token.joined and _continues(cur, token, folded[cur.start:token.end])):
            out.append(cur)
            cur = None
        if kind in ("other", "and"):
            if cur is not None:
                cur.after_and = kind == "and"
            continue
        if cur is None:
            if kind in ("plural_scale", "half"):
                continue
            weak = kind in ("ordinal", "name_digits") or (kind == "cardinal" and token.values[0] < _WEAK_BELOW)
            cur = _Building(token, weak)
            if kind in ("scale", "hundred"):
                cur.readings = [[0.0, None]]
                _absorb(cur, token)
            elif kind == "cardinal" and _dual_scale(token.values[0]):  # مليونين و804 آلاف = 2,804,000
                cur.readings = [[token.values[0], None]]
                cur.scale = token.values[0] / 2
            continue
        _absorb(cur, token)
    if cur is not None:
        out.append(cur)
    return out


def _dual_scale(value: float) -> bool:
    """True for the dual of a scale word (ألفين 2,000, مليونين 2,000,000, ملياري 2,000,000,000)."""
    return value >= 2000 and value / 2 in (1e3, 1e6, 1e9, 1e12)


def _continues(cur: _Building, token: _Token, span: str = "") -> bool:
    """True when ``token`` is part of the quantity being read (see :func:`_group`); ``span``: the folded text from
    the quantity's start to the token's end."""
    kind, value = token.kind, (token.values[0] if token.values else 0.0)
    if kind == "and":
        return cur.last in ("cardinal", "hundred", "scale", "plural_scale", "digits")
    if kind in ("hundred", "scale", "plural_scale"):
        return cur.last in ("digits", "cardinal", "hundred") and not token.conj and not cur.after_and
    if kind == "half":
        return cur.scale is not None and cur.current() is None and (token.conj or cur.after_and)
    if kind == "ordinal":  # twenty-first, sixty-ninth: the tens, then the unit's ordinal (issue 17, eighth session)
        before = cur.current()
        return (cur.last == "cardinal" and before is not None and 20 <= before < 100 and before % 10 == 0
                and value < 10 and token.joined and not token.conj and not cur.after_and)
    if kind not in ("digits", "cardinal"):
        return False
    linked = token.conj or cur.after_and
    before = cur.current()
    if cur.last == "ordinal":  # التاسع والستين, الحادي والعشرين: the unit's ordinal, then و and the tens
        if (kind == "cardinal" and before is not None and 1 <= before < 10 and value == 10 and not linked
                and "\u0621" <= span[-1:] <= "\u064a" and (before > 1 or "حادي" in span)):
            # Arabic only, and 11th is حادي عشر: "the first ten", أول عشرة أشهر stay 1 and 10
            return True  # الحادي عشر, الخامسة عشرة: the unit's ordinal, then عشر/عشرة = 11th..19th
        return (kind == "cardinal" and before is not None and before < 10 and token.conj
                and value >= 20 and value < 100 and value % 10 == 0)
    if before is None:  # after a scale word: مليون و200 ألف, two million five hundred thousand
        return cur.scale is not None and (linked or kind == "cardinal") and value < cur.scale
    if kind == "digits" or cur.last not in ("cardinal", "hundred"):
        return False
    if before >= 100:
        return value < 100 and before % 100 == 0
    if before < 10 and value == 10 and not linked:  # ثلاثة عشر
        return True
    if before < 10 and value >= 20 and value % 10 == 0 and linked:  # خمسة وعشرين
        return True
    return before >= 20 and before % 10 == 0 and value < 10 and not token.conj  # twenty-five


def _absorb(cur: _Building, token: _Token) -> None:
    value = token.values[0] if token.values else 0.0
    if token.kind == "hundred":
        cur.set_current(lambda c: (1.0 if c is None else c) * value)
    elif token.kind in ("scale", "plural_scale"):
        cur.apply_scale(value)
    elif token.kind == "half":
        assert cur.scale is not None
        scale = cur.scale
        for reading in cur.readings:
            reading[0] += scale / 2
        cur.scale = None
    elif cur.current() is None:
        cur.set_current(lambda c: value)
    else:
        cur.set_current(lambda c: c + value)
    cur.weak = False
    cur.end = token.end
    if token.kind == "digits":
        cur.decimals = token.decimals
    cur.last = token.kind
    cur.after_and = False


def compare_quantities(source: list[Quantity], target: list[Quantity], *, source_years_in_words: int = 0,
                       target_years_in_words: int = 0, source_days_in_words: int = 0,
                       target_days_in_words: int = 0, target_cut_names: int = 0,
                       target_holes: int = 0, apposed_may_go: bool = True, source_halves_in_words: int = 0,
                       target_halves_in_words: int = 0) -> list[QAFlag]:
    """Flags for quantities of one side with no equal quantity on the other (weak ones are never flagged).

    A year left over on one side is not flagged when the other side names more years in words (see
    :func:`years_in_words`): 2022 for "last year" is the same fact; one year per extra phrase. Likewise a
    "24 hours" left over when the other side names more days in words (:func:`days_in_words`: "since
    yesterday" for "in the past 24 hours"), and a "six months" when the other side says half a year in words more
    often (:func:`halves_in_words`). ``target_cut_names``: names in the target left with a dash and no
    number ("COVID- cases", :func:`cut_names`); that many name numbers of the source left over are flagged.
    ``apposed_may_go``: whether a source year set beside a year in words (``هذا العام 2020م``) may be missing from
    the target (:func:`bare_year`: not where the target writes "the year" with no year after it, where it was
    lost). ``target_holes``: places where the target lost a word ("the same period in , ...", :func:`holes`); that many
    years of the source left over (a period's year, otherwise left to context) are flagged. A period's year
    left over on both sides is a changed year.

    A missing source quantity and a new target quantity are reported together, in order, as one changed
    number; the rest as missing (source span only) or new (target span only).
    """
    unmatched_target = sorted(range(len(target)), key=lambda i: target[i].weak)  # firm answers first
    missing: list[Quantity] = []
    paired: list[tuple[Quantity, Quantity]] = []
    for quantity in sorted(source, key=lambda q: q.weak):  # so what is left over is weak where it can be
        hit = next((i for i in unmatched_target if quantity.same(target[i])), None)
        if hit is None:
            missing.append(quantity)
        else:
            unmatched_target.remove(hit)
            paired.append((quantity, target[hit]))
    missing.sort(key=lambda q: q.start)
    unmatched_target.sort()
    missing_all = list(missing)
    changed_names = [q for q in missing if q.name]
    left_names = [target[i] for i in unmatched_target if target[i].name]
    flags = _changed_names(changed_names, left_names)
    for gone in changed_names[len(left_names):][:target_cut_names]:
        flags.append(QAFlag("number", f"{_show(gone)} in a name in the source is missing from the target (the name "
                                      "is left with a dash)", gone.start, gone.end))
    lost_years = [q for q in missing if q.year and q.weak][:target_holes]  # flagged whatever years in words
    missing = [q for q in missing if not q.weak]
    if missing and paired:
        missing = [q for q in missing if not _said_again(q, [mine for mine, _ in paired])]
    new = [target[i] for i in unmatched_target if not target[i].weak]
    # A year set beside a year in words (هذا العام 2020م, "the previous year (2023)") says that phrase again: the
    # other side may give the phrase alone or leave both to context. Not where the other side has a year of its own
    # left over: that is the year changed (issue 17, eighth session).
    if apposed_may_go and any(q.apposed for q in missing) and not any(q.year for q in new):
        missing = [q for q in missing if not q.apposed]
    if any(q.apposed for q in new) and not any(q.year for q in missing):
        new = [q for q in new if not q.apposed]
    # Years in words answer the firm years left over first, then the years of periods (below).
    source_budget = source_years_in_words - target_years_in_words - sum(q.year for q in new)
    target_budget = target_years_in_words - source_years_in_words - sum(q.year for q in missing)
    missing = _spare(_spare(_spare(missing, target_years_in_words - source_years_in_words, "year"),
                            target_days_in_words - source_days_in_words, "day"),
                     target_halves_in_words - source_halves_in_words, "half_year")
    new = _spare(_spare(_spare(new, source_years_in_words - target_years_in_words, "year"),
                        source_days_in_words - target_days_in_words, "day"),
                 source_halves_in_words - target_halves_in_words, "half_year")
    # A period's year on both sides, different ("the second quarter of 2084" for الربع الثاني من 2024): changed,
    # unless the other side wrote that many more years in words (العام الحالي for 2025).
    other_years = _spare([target[i] for i in unmatched_target if target[i].year and target[i].weak],
                         source_budget, "year")
    own_years = _spare([q for q in _lost_from(missing_all, lost_years) if q.year and q.weak], target_budget, "year")
    for gone, came in zip(own_years, other_years, strict=False):
        flags.append(QAFlag("number", f"the year {_show(gone)} of a period in the source became {_show(came)} in the "
                                      "target", gone.start, gone.end, came.start, came.end))
    missing = sorted(missing + lost_years, key=lambda q: q.start)
    for gone, came in zip(missing, new, strict=False):
        flags.append(QAFlag("number", f"{_show(gone)} in the source became {_show(came)} in the target",
                            gone.start, gone.end, came.start, came.end))
    for gone in missing[len(new):]:
        flags.append(QAFlag("number", f"{_show(gone)} in the source is missing from the target", gone.start, gone.end))
    for came in new[len(missing):]:
        flags.append(QAFlag("number", f"{_show(came)} in the target is not in the source",
                            target_start=came.start, target_end=came.end))
    return flags + _lost_signs(paired)


_WORDS_BEFORE = re.compile(r"[^\W\d_]+")


def _words_before(quantity: Quantity, count: int = 3) -> tuple[str, ...]:
    """The last ``count`` words (folded) before ``quantity`` in its text, digits skipped."""
    folded, offsets = _folded(quantity.text)
    at = bisect_left(offsets, quantity.start)
    return tuple(_WORDS_BEFORE.findall(folded, max(0, at - 80), at)[-count:])


def _said_again(quantity: Quantity, rendered: list[Quantity]) -> bool:
    """True when a source quantity the target lacks is a repeat: another source quantity of the same value, which
    the target renders, stands after the same three words (``لشهر تشرين أول من عام 2025 ما مقداره 112.82`` said
    twice, rendered once; issue 17, seventh session). Two facts that happen to share a value (``نسبته 0.08%`` and
    ``مقداره 0.08%``) are not repeats."""
    if not quantity.text:
        return False
    words = unit = None
    for other in rendered:
        if other.text == quantity.text and other.values == quantity.values and other.start != quantity.start:
            words = words if words is not None else _words_before(quantity)
            if len(words) == 3 and _words_before(other) == words:
                return True
            unit = unit if unit is not None else _unit_after(quantity)
            if unit and _unit_after(other) == unit:
                return True
    return False


_UNIT_AFTER = re.compile(r"[\s\-‐–]*([^\W\d_]{3,})")
# The Arabic time units a figure is said again with (ستة أشهر ... 6 أشهر: "six months" once). Folded forms.
_TIME_UNITS = frozenset("اشهر شهور شهرا شهر ايام يوما يوم اسابيع اسبوعا اسبوع سنوات سنه عاما اعوام ساعه ساعات".split())


def _unit_after(quantity: Quantity) -> str:
    """The time unit right after ``quantity`` in its text (``اشهر`` after ``6`` and after ``ستة``), or ``""``: the
    same figure of the same unit said twice in one source is one fact, which a translation may say once (issue 17,
    ninth session: ``خلال ستة أشهر ... خلال 6 أشهر`` / "within just six months")."""
    folded, offsets = _folded(quantity.text)
    m = _UNIT_AFTER.match(folded, bisect_left(offsets, quantity.end))
    return m.group(1) if m is not None and m.group(1) in _TIME_UNITS else ""


def _lost_signs(paired: list[tuple[Quantity, Quantity]]) -> list[QAFlag]:
    """``number`` flags for equal values of which one side writes a minus sign and the other neither writes it
    nor says the value fell ("-5%" = "fell 5%" = "a decline of 5%" = انخفاض بنسبة 5%; not "grew 5%")."""
    flags = []
    for mine, theirs in sorted(paired, key=lambda p: p[0].start):
        if mine.negative == theirs.negative or (theirs.falling if mine.negative else mine.falling):
            continue
        if mine.negative:
            flags.append(QAFlag("number", f"{_show(mine)} in the source lost its minus sign in the target (it says "
                                          "neither minus nor a fall)", mine.start, mine.end, theirs.start, theirs.end))
        else:
            flags.append(QAFlag("number", f"{_show(mine)} in the source became {_show(theirs)} in the target (a minus "
                                          "sign the source neither writes nor says)", mine.start, mine.end,
                                theirs.start, theirs.end))
    return flags


def _changed_names(source: list[Quantity], target: list[Quantity]) -> list[QAFlag]:
    """The digits of a name left over on both sides (``كوفيد-19`` / "Covid-69"): a changed name number. One
    side alone says nothing (the other may not repeat the name)."""
    return [QAFlag("number", f"{_show(gone)} in a name in the source became {_show(came)} in the target",
                   gone.start, gone.end, came.start, came.end) for gone, came in zip(source, target, strict=False)]


def _lost_from(quantities: list[Quantity], lost: list[Quantity]) -> list[Quantity]:
    """``quantities`` less those in ``lost``."""
    return [q for q in quantities if q not in lost]


def _spare(quantities: list[Quantity], budget: int, what: str) -> list[Quantity]:
    """``quantities`` less up to ``budget`` years or days (``what``: the other side wrote that many in words)."""
    kept = []
    for quantity in quantities:
        if getattr(quantity, what) and budget > 0:
            budget -= 1
        else:
            kept.append(quantity)
    return kept


def _show(quantity: Quantity) -> str:
    """The values of ``quantity`` as a reader writes them: thousands separated, and a year (``Quantity.year``:
    four digits alone, ``2023``) as a year, not "2,023"."""
    shown = [str(int(v)) if quantity.year else f"{int(v):,}" if v < 1e21 and v == int(v)  # 1,300,000,000,000
             else f"{v:,.12g}" if v < 1e21 else str(v) for v in quantity.values]  # not 1.3e+12 (NEWUSER7 F2)
    return "-" + " or -".join(shown) if quantity.negative else " or ".join(shown)

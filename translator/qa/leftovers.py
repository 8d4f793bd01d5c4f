"""What a translation should not have: Arabic left in, a copy of the source, leaked placeholders,
unbalanced quotes or brackets, a length far outside the pair's norm (``translator/data/qa_length.tsv``), a
translation that stops mid-sentence (it ends on "the", "of", "who", "have been", or on a comma or colon the source
does not end on: no English sentence does), or
one cut short (no full stop where the source closes its sentence, and under 0.6 of the source's length).

A placeholder is the token the glossary's placeholder repair puts in the source
(:data:`translator.glossary.enforce.PLACEHOLDER`, ``XTERM0``) and a model's special tokens (``<unk>``,
``</s>``, ``▁``); one that the source itself holds is not a leak. Quotes and brackets are only flagged
when the source balances its own.
"""

from __future__ import annotations

import re
from functools import cache

from ..datafiles import read_tsv
from ..glossary.enforce import PLACEHOLDER
from ..text.arabic import is_arabic, normalize, to_ascii_digits
from .flag import QAFlag

__all__ = ["check_leftovers", "is_copy", "length_bounds", "placeholders"]

# A run of Arabic-script characters, words joined by spaces; a zero-width non-joiner inside a word (Persian
# می‌شود, Urdu) keeps it one word.
_ARABIC_RUN = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+"
                         r"(?:\u200c[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+)*"
                         r"(?:\s+[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+"
                         r"(?:\u200c[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+)*)*")
# Eastern Arabic (٠-٩) and Persian (۰-۹) digits: English writes 0-9
_EASTERN_DIGITS = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")
# Arabic punctuation an English text has no use for: comma, semicolon, question mark, percent sign, decimal and
# thousands separators, the Urdu full stop
_ARABIC_MARKS = frozenset("\u060c\u061b\u061f\u066a\u066b\u066c\u06d4")
# Letters of the Arabic script beyond the Arabic alphabet (Persian پ چ ژ گ ک ی, Urdu ٹ ڈ ڑ ں ے, Kurdish, Pashto)
_OTHER_LETTERS = re.compile(r"[\u0671-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\u200c]")
_LANGUAGE_NAMES = {"fa": "Persian", "ur": "Urdu", "ps": "Pashto", "ku": "Kurdish", "ar": "Arabic"}
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]")
_SPECIAL_TOKENS = r"<unk>|</?s>|<pad>|▁"
_PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", "“": "”"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


@cache
def _placeholder() -> re.Pattern[str]:
    head, _, tail = PLACEHOLDER.partition("{n}")
    return re.compile(rf"{re.escape(head)}\s*\d+{re.escape(tail)}|{_SPECIAL_TOKENS}", re.IGNORECASE)


@cache
def _length_buckets(source_lang: str, target_lang: str) -> tuple[tuple[int, int | None, float, float], ...]:
    rows = [r for r in read_tsv("qa_length.tsv") if (r["source"], r["target"]) == (source_lang, target_lang)]
    return tuple(sorted((int(r["min_chars"]), int(r["max_chars"]) if r.get("max_chars") else None,
                         float(r["low"]), float(r["high"])) for r in rows))


def length_bounds(source_lang: str = "ar", target_lang: str = "en",
                  source_chars: int | None = None) -> tuple[float, float, int] | None:
    """(low, high, min_chars) of the pair from ``translator/data/qa_length.tsv`` for a source of
    ``source_chars`` characters (spaces not counted; None: the first bucket), or None when the pair is not
    listed or the source is shorter than every bucket. ``min_chars`` is the bucket's lower end."""
    buckets = _length_buckets(source_lang, target_lang)
    if not buckets:
        return None
    if source_chars is None:
        return buckets[0][2], buckets[0][3], buckets[0][0]
    for lower, upper, low, high in buckets:
        if source_chars >= lower and (upper is None or source_chars < upper):
            return low, high, lower
    return None


def check_leftovers(source: str, target: str) -> list[QAFlag]:
    """Flags of kinds ``untranslated``, ``placeholder``, ``punctuation`` and ``length`` for one pair."""
    copied = _copied(source, target)
    flags = copied or _arabic_left(source, target)
    flags += _leaked(source, target) + _unbalanced_flags(source, target)
    if not copied:
        flags += (_length(source, target) or _stops_midway(target) or _ends_open(source, target)
                  or _cut_short(source, target))
    return flags


_SENTENCE_CLOSED = re.compile(r"[.!?؟…][\s\"'»”’)\]\u200f\u200e]*\Z")
_CUT_RATIO = 0.6  # English runs about 1.0-1.3 times the Arabic's letters for the same content


def _cut_short(source: str, target: str) -> list[QAFlag]:
    """A ``length`` flag when the source closes its sentence (a full stop, ``؟``, ``!``) and the translation
    neither closes one nor reaches ``_CUT_RATIO`` of the source's length (spaces not counted): its end was cut
    off (a length limit, a truncated segment). Published English editions of 180 such Arabic sentences left the
    full stop out 3 times, never below 0.66 of the length (benchmarks/data/qa_pairs.tsv)."""
    if not _SENTENCE_CLOSED.search(source, max(0, len(source) - 8)) or _SENTENCE_CLOSED.search(
            target, max(0, len(target) - 8)):
        return []
    source_chars = len("".join(source.split()))
    ratio = len("".join(target.split())) / source_chars if source_chars else 1.0
    if ratio >= _CUT_RATIO:
        return []
    return [QAFlag("length", f"the translation stops without closing its sentence at {ratio:.2f} times the "
                             "source's length, where the source closes one: its end may be lost",
                   target_start=len(target.rstrip()), target_end=len(target.rstrip()))]


# Words an English sentence cannot end on (articles, prepositions, conjunctions, auxiliaries, relative words,
# titles): a translation that ends on one was cut off (a model's length limit, a truncated segment).
_OPEN_ENDS = frozenset("""a an the of from to in on at by for with into onto about between among and or nor but
who whom whose which that than as is are was were be been being has have had will would shall should can could
may might must its their his her our your my this these those such dr mr mrs ms prof sheikh""".split())
_LAST_WORD = re.compile(r"([^\W\d_]+)\.?[\s\u200f\u200e]*\Z")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s-]+\Z")
_LETTER = re.compile(r"[^\W\d_]")
# Where one of those words does end a sentence: as the last word of a set phrase ("for the time being", "and so
# on", "brought about", "political will", "after that"), the word before it and the word, lower case. A month
# name ("in May.") is told by its capital (see _is_month).
_CLOSED_ENDS = frozenset(tuple(p.split()) for p in """time being|so on|later on|early on|then on|brought about
came about|come about|comes about|bring about|after that|before that|like that|beyond that|besides that|all that
than that|of that|after this|before this|like this|beyond this|of this|all this|in between|as such|as is
political will|popular will|good will|free will|own will|the will|his will|their will|a must|close by|stand by
stood by|standing by""".replace("\n", "|").split("|"))


@cache
def _months() -> frozenset[str]:
    """English month names, full and abbreviated (Babel/CLDR), lower case."""
    from babel import Locale

    months = Locale("en").months["format"]
    return frozenset(name.lower().rstrip(".") for width in ("wide", "abbreviated") for name in months[width].values())


def _is_month(word: str) -> bool:
    """True for a capitalized month name ("May", "Mar"): not the modal "may" a cut sentence ends on."""
    return word[:1].isupper() and word.lower() in _months()


def _last_word(target: str, tail: int) -> re.Match[str] | None:
    """``_LAST_WORD.search(target, tail)``, found from the end: past the spaces and marks, one full stop, then the
    letters, where the search would try every start and every length of every word (issue 17: speed)."""
    end = len(target)
    while end > tail and (target[end - 1].isspace() or target[end - 1] in "\u200f\u200e"):
        end -= 1
    if end > tail and target[end - 1] == ".":
        end -= 1
    start = end
    while start > tail and _LETTER.fullmatch(target[start - 1]):
        start -= 1
    return _LAST_WORD.match(target, start) if start < end else None


def _stops_midway(target: str) -> list[QAFlag]:
    """A ``length`` flag when the translation ends on a word no English sentence ends on (see _OPEN_ENDS),
    unless the word closes a set phrase (_CLOSED_ENDS), is a month name ("rose in May.") or ends a hyphenated
    name ("Abdullah Al-Sheikh.")."""
    tail = max(0, len(target) - 60)  # the last word is within the last characters: no scan of the whole text
    m = _last_word(target, tail)
    if m is None or m.group(1).lower() not in _OPEN_ENDS or _is_month(m.group(1)):
        return []
    if m.start(1) and target[m.start(1) - 1] in "-‐’'":  # the end of a compound name: Al-Sheikh, Bin-Sheikh
        return []
    before = _WORD_BEFORE.search(target, max(0, m.start(1) - 40), m.start(1))
    if before is not None and (before.group(1).lower(), m.group(1).lower()) in _CLOSED_ENDS:
        return []
    return [QAFlag("length", f"the translation stops mid-sentence (it ends on {m.group(1)!r}): a part may be lost",
                   target_start=m.start(1), target_end=m.end(1))]


_OPEN_MARK = re.compile(r"[,;:،؛][\s\u200f\u200e]*\Z")


def _ends_open(source: str, target: str) -> list[QAFlag]:
    """A ``length`` flag when the translation ends on a comma, semicolon or colon and the source does not (issue 17,
    eighth session): no English sentence ends so, a cut one does ("... since the establishment of the UAE,")."""
    m = _OPEN_MARK.search(target, max(0, len(target) - 8))
    if m is None or _OPEN_MARK.search(source, max(0, len(source) - 8)):
        return []
    return [QAFlag("length", f"the translation stops mid-sentence (it ends on {target[m.start()]!r}): a part may be "
                             "lost", target_start=m.start(), target_end=m.start() + 1)]


def is_copy(source: str, target: str) -> bool:
    """True when ``target`` is no translation: mostly Arabic letters, or the source itself."""
    if not _ARABIC_LETTER.search(target):
        return False
    return is_arabic(target, 0.5) or normalize(source).split() == normalize(target).split()


def _copied(source: str, target: str) -> list[QAFlag]:
    if is_copy(source, target):
        return [QAFlag("untranslated", "the target is not a translation: it is (mostly) Arabic text",
                       0, len(source), 0, len(target))]
    return []


def _arabic_left(source: str, target: str) -> list[QAFlag]:
    """``untranslated`` flags for Arabic-script words left in the translation, named by their language where
    letters beyond the Arabic alphabet show another one (Persian, Urdu, Kurdish, Pashto: ``translator.langid``),
    and for Eastern Arabic or Persian digits left in it (issue 17, eighth session: a human translation that
    copied ``٣٤٥``); ``punctuation`` flags for Arabic punctuation marks left in it (``،``, ``؟``, ``٪``)."""
    flags = []
    for m in _ARABIC_RUN.finditer(target):
        run = m.group()
        at = source.find(run)
        where = (at if at >= 0 else None, at + len(run) if at >= 0 else None, m.start(), m.end())
        if not _ARABIC_LETTER.search(run):
            digits = "".join(_EASTERN_DIGITS.findall(run))
            if digits:
                flags.append(QAFlag("untranslated", f"Arabic-Indic digits left in the translation: {run!r} (English "
                                                    f"writes {to_ascii_digits(digits)})", *where))
            elif marks := [c for c in run if c in _ARABIC_MARKS]:
                flags.append(QAFlag("punctuation", f"Arabic punctuation left in the translation: {''.join(marks)!r}",
                                    *where))
            continue
        flags.append(QAFlag("untranslated", f"{_language_of(run)} left in the translation: {run!r}", *where))
    return flags


def _language_of(run: str) -> str:
    """"Arabic" for a run of the Arabic alphabet; for one with other letters of its script, the language the
    project's detector reads (Persian, Urdu, Kurdish, Pashto), or "Arabic-script text" when it cannot tell."""
    if not _OTHER_LETTERS.search(run):
        return "Arabic"
    from ..langid import detect

    return _LANGUAGE_NAMES.get(detect(run).lang, "Arabic-script text")


def placeholders(text: str) -> list[tuple[int, int]]:
    """Spans of placeholder and special tokens in ``text`` (their digits are not quantities)."""
    if not _may_hold_placeholder(text):
        return []
    return [m.span() for m in _placeholder().finditer(text)]


@cache
def _placeholder_head() -> str | None:
    """The placeholder's letters before its number, lower case, when a substring test can stand for the pattern's
    case-blind match (ASCII letters without the Unicode case variants of k, s and i); else None."""
    head = PLACEHOLDER.partition("{n}")[0].strip().lower()
    return head if head.isascii() and head.isalpha() and not set(head) & set("ksi") else None


def _may_hold_placeholder(text: str) -> bool:
    """False only when ``text`` cannot hold a placeholder or special token (issue 17: speed, no regex scan)."""
    head = _placeholder_head()
    return head is None or "<" in text or "▁" in text or head in text.lower()


def _leaked(source: str, target: str) -> list[QAFlag]:
    if not _may_hold_placeholder(target):
        return []
    pattern = _placeholder()
    known = {m.group().lower() for m in pattern.finditer(source)}
    return [QAFlag("placeholder", f"a placeholder leaked into the translation: {m.group()!r}",
                   target_start=m.start(), target_end=m.end())
            for m in pattern.finditer(target) if m.group().lower() not in known]


_MARKS = re.compile(r'[()\[\]{}«»“”"]')
_FAMILY = {"(": "bracket", ")": "bracket", "[": "bracket", "]": "bracket", "{": "bracket", "}": "bracket",
           "«": "quote", "»": "quote", "“": "quote", "”": "quote", '"': "quote"}


def _unbalanced(text: str) -> list[tuple[int, str]]:
    """Positions of quotes and brackets without their partner (a straight double quote: the last of an odd
    count)."""
    stack: list[tuple[int, str]] = []
    lone: list[tuple[int, str]] = []
    quotes = []
    for m in _MARKS.finditer(text):
        i, char = m.start(), m.group()
        if char == '"':
            quotes.append(i)
        elif char in _PAIRS:
            stack.append((i, char))
        elif stack and stack[-1][1] == _CLOSERS[char]:
            stack.pop()
        else:
            lone.append((i, char))
    if len(quotes) % 2:
        lone.append((quotes[-1], '"'))
    return sorted(lone + stack)


def _unbalanced_flags(source: str, target: str) -> list[QAFlag]:
    """Quotes and brackets the translation leaves without a partner, for each family (brackets; quotes, where
    Arabic « » and English “ ” or " are one family) that the source itself balances."""
    lone = _unbalanced(target)
    if not lone:
        return []  # the source is read only where the translation has a mark without its partner (speed)
    broken = {_FAMILY[char] for _, char in _unbalanced(source)}
    return [QAFlag("punctuation", f"{char!r} at character {i} has no partner in the translation",
                   target_start=i, target_end=i + 1)
            for i, char in lone if _FAMILY[char] not in broken]


def _length(source: str, target: str) -> list[QAFlag]:
    source_chars = len("".join(source.split()))
    bounds = length_bounds(source_chars=source_chars)
    if bounds is None:
        return []
    low, high, _ = bounds
    target_chars = len("".join(target.split()))
    ratio = target_chars / source_chars
    if low <= ratio <= high:
        return []
    side = "shorter" if ratio < low else "longer"
    return [QAFlag("length", f"the translation is {ratio:.2f} times the source's length: far {side} than "
                             f"Arabic→English of this length usually is ({low}-{high}); a part may be lost or added",
                   0, len(source), 0, len(target))]

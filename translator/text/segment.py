"""Split text into paragraphs and sentences, keeping character offsets into the original.

Offsets matter: the segments table points back into the document so that a reader can find each
segment (and each glossary term) where it stood.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Span", "lines", "sentences"]


@dataclass(frozen=True)
class Span:
    """A piece of a text: ``text == original[start:end]``."""

    start: int
    end: int
    text: str


_LINE = re.compile(r"[^\r\n]+")
# Letters of the Arabic script: the basic block, the Persian/Urdu/Kurdish additions (گ پ چ ژ ک ی ھ ۀ …), the
# supplement, and the presentation forms old PDFs and some CMSs still emit (ﻹ ﻷ).
_AR = ("\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufd3d\ufd40-\ufdff"
       "\ufe70-\ufefc")
# Vowel signs a word may end with ("شخصاً."), and what closes a sentence after its stop: quotes, brackets and
# the ornate parentheses of a Quranic verse (﴿…﴾, typed in either order).
_VOWELS = "\u064b-\u065f\u0670"
_CLOSERS = "\"'”’»“«)]﴾﴿"
# A sentence ends at . ! ? ؟ … (or a run of them), followed by closing quotes/brackets that belong to it,
# then whitespace. Arabic full stop U+06D4 too.
# (never from inside a run of marks: a match there would end where the run's own does, and fails when it fails;
# trying each place of a 100,000-dot line made segmenting it quadratic: issue #13)
_SENTENCE_END = re.compile(r"(?<![.!?؟…۔])[.!?؟…۔]+[\"'”’»“«)\]﴾﴿]*(?=\s)"
                           # a full stop a hurried writer glued to the next sentence: "…النسبي.انتهى",
                           # "…القدس.(ق.الاقصى …)", "…القاهرة.«نحن…»"
                           # (after a letter, a vowel sign or a number: "…شخصاً.وأصيب", "…عام 2020.وقال")
                           rf"|(?<=[{_AR}{_VOWELS}0-9٠-٩\"”»])\.(?=[«“”\"(]?[{_AR}])"
                           # ... or typed after a space, the space on the wrong side: "…الارتباط .بامكانك"
                           rf"|(?<=[{_AR}{_VOWELS}0-9٠-٩\"”»] )\.(?=[«“”\"(]?[{_AR}])")
# A tail naming whose words these were, written after the sentence's full stop: '"…جدا".على حد قوله.',
# "…مستقر. بحسب تعبيره.", "…الأسعار. حسب ما أفادت مصادر محلية." It belongs to the sentence before it: the cut
# falls after it. Only such a fragment — a speech noun (قوله، تعبيره …), "ما" and a few words, or a single word —
# up to its own full stop, with no comma: "حسب المصادر، لم يتفق الطرفان." is a sentence.
_SPEECH_NOUNS = "قول|تعبير|وصف|زعم|رأي|ادعائ|روايت|كلام"
_TAIL_WORD = r"[^\s.!?؟…،,:؛\"”»«“]+"
_ATTRIBUTION_TAIL = re.compile(
    r"\s*(?:على\s+حد|ب?حسب|وفق(?:ا|اً)?|طبق(?:ا|اً)|نقل(?:ا|اً)\s+عن)\s+"
    rf"(?:(?:{_SPEECH_NOUNS})(?:ه|ها|هم|هما|ي|نا)(?:\s+{_TAIL_WORD}){{0,2}}|ما(?:\s+{_TAIL_WORD}){{1,4}}|{_TAIL_WORD})"
    r"[\"”»]?\s*[.!?؟…]")
_BLANK_LINES = re.compile(r"\n[ \t\r]*\n[\s]*")
_BRACKETS = {")": "(", "]": "[", "}": "{"}
# Quotation marks by family; which way one turns is read from its neighbours, not from its shape: right-to-left
# writers open with ” or “ alike, close with “, and Egyptian dailies print »…« (issue #14); a Quranic verse stands
# between ornate parentheses, typed ﴿…﴾ or ﴾…﴿.
_QUOTE_FAMILY = {'"': "double", "“": "double", "”": "double", "„": "double", "«": "angle", "»": "angle",
                 "‹": "single-angle", "›": "single-angle", "'": "single", "‘": "single", "’": "single",
                 "﴿": "ornate", "﴾": "ornate"}
# One-letter words written glued to the next word: a quotation opened right after one ("بـ”الآلة", "و"أخبار")
_PROCLITICS = frozenset("و ف ب ل ك بـ لـ كـ وب ول فب فل وال ال".split())
# An ellipsis ("..", "...", "…") between Arabic words is a clause joint, not an end ("دمشق.. لافتة", "والكرز … وكانت")
_ELLIPSIS = re.compile(r"\.{2,}|…|\.+…|…\.+")
_ARABIC_NEXT = re.compile(rf"\s*[«“”\"(]?[{_AR}]")
# A number followed by a one-letter suffix just before a full stop: a year's era — Gregorian (م), Hijri (هـ, ه),
# before Christ (ق.م) — or a unit or time of day ("100 م.", "45 درجة م.", "الساعة 8 م."): not a title before a
# name ("م. أحمد"), so the full stop may end the sentence.
_ERA = re.compile(r"[0-9٠-٩۰-۹](?:\s*درجة)?\s*(?:ق\.\s?م|م|هـ|ه)$")
_FRONTED_TIME = re.compile(r"\s*[وف]?(?:في|منذ|خلال|بعد|قبل|حتى|مطلع|أواخر|أوائل|عام|سنة|العام)\s+"
                           r"(?:[^\s\d٠-٩۰-۹]+\s+){0,2}[0-9٠-٩۰-۹]+\s*(?:درجة\s*)?(?:ق\.\s?م|م|هـ|ه)$")
# How far back from a full stop its checks look (a word, an era, a fronted time): each stop costs the same however
# long the stretch since the last cut (a quotation that runs a whole file would otherwise make it quadratic).
_LOOKBACK = 80
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
# Tokens before a full stop that do not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt maj sgt st jr sr no vs etc e.g i.e u.s u.k u.n inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def lines(text: str) -> list[Span]:
    """Non-blank lines, stripped of surrounding whitespace, with offsets."""
    spans = []
    for m in _LINE.finditer(text):
        span = _strip(text, m.start(), m.end())
        if span is not None:
            spans.append(span)
    return spans


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]``, offsets into ``text``.

    A sentence ends at a full stop, question or exclamation mark (not after an abbreviation or an initial),
    and at a line break — headlines stand one a line — except where the writer had not finished: a cut never
    falls inside a quotation, bracket or Quranic verse that closes later in the same paragraph
    (« » “ ” " ( ) [ ] ﴿ ﴾; one that never closes is taken as a typo), before an attribution tail
    (``"…جدا".على حد قوله.``), inside a date written across a line break, nor at a line break after a comma
    or a word that cannot end a sentence, or inside a hard-wrapped block (PDF text). ``م.`` and ``هـ.`` after
    a year end a sentence when another follows, unless the year is all the sentence has so far (``في عام
    2022 م. وقعت``); a full stop glued to the next word, or typed after a space, ends one (issue #14).
    """
    end = len(text) if end is None else end
    out: list[Span] = []
    for paragraph in _paragraphs(text, start, end):
        protected = _Enclosures(_enclosed(text, *paragraph))
        for unit_start, unit_end in _units(text, paragraph, protected):
            out.extend(_split_line(text, unit_start, unit_end, protected))
    return out


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Blocks of ``text[start:end]`` between blank lines, as (start, end)."""
    cut = start
    for m in _BLANK_LINES.finditer(text, start, end):
        yield cut, m.start()
        cut = m.end()
    yield cut, end


def _units(text: str, paragraph: tuple[int, int], protected: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The paragraph's lines, a line joined to the next where the break between them must not cut."""
    spans = [(paragraph[0] + s.start, paragraph[0] + s.end) for s in lines(text[paragraph[0]:paragraph[1]])]
    if not spans:
        return
    unit_start, unit_end = spans[0]
    width = _wrap_width(text, spans)
    for line_start, line_end in spans[1:]:
        previous = unit_end - max(unit_start, text.rfind("\n", unit_start, unit_end) + 1)  # the line just ended
        if (_inside(protected, unit_end) or _continues(text, unit_start, unit_end)
                or (width and previous >= _WRAPPED_SHARE * width)
                or _date_across(text, unit_start, unit_end, line_start, line_end)):
            unit_end = line_end
            continue
        yield unit_start, unit_end
        unit_start, unit_end = line_start, line_end
    yield unit_start, unit_end


_MARKS = re.compile("[" + re.escape("".join(sorted({*_QUOTE_FAMILY, *"([{", *_BRACKETS}))) + "]")


def _enclosed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) positions of the quotations and brackets that close within ``text[start:end]``.

    Brackets pair by shape. A quotation mark opens or closes by where it stands: after a space (or at the start,
    or glued to a one-letter word such as ``و``/``بـ``) and before a letter it opens; after a letter or
    punctuation and before a space, punctuation or the end it closes; in between it closes an open quotation of
    its family, else opens one. A single quote between two letters is an apostrophe (``don't``), not a quote.
    """
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for mark in _MARKS.finditer(text, start, end):  # only quotes and brackets act (issue 20: no loop over letters)
        i = mark.start()
        ch = text[i]
        family = _QUOTE_FAMILY.get(ch)
        if family is not None:
            action = _quote_action(text, i, start, end, family, any(f == family for f, _ in stack))
            if action == "open":
                stack.append((family, i))
            elif action == "close":
                _close(stack, pairs, family, i)
        elif ch in "([{":
            stack.append((ch, i))
        elif ch in _BRACKETS:
            _close(stack, pairs, _BRACKETS[ch], i)
    return pairs


def _close(stack: list[tuple[str, int]], pairs: list[tuple[int, int]], kind: str, position: int) -> None:
    for depth in range(len(stack) - 1, -1, -1):  # an unclosed inner opener is dropped
        if stack[depth][0] == kind:
            pairs.append((stack[depth][1], position))
            del stack[depth:]
            return


_WORD_BEFORE = re.compile(r"(\S*)$")


def _glued_proclitic(word: str) -> bool:
    return word.rstrip("ـ") in _PROCLITICS or word in _PROCLITICS


def _quote_action(text: str, i: int, start: int, end: int, family: str, family_open: bool) -> str | None:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    space_before, space_after = before.isspace(), after.isspace()
    if family == "single":
        if before.isalnum() and after.isalnum():
            return None  # an apostrophe: don't, al-Qa'ida
        if (space_before or before in "([{:") and not space_after:
            return "open"
        if not space_before and (space_after or not after.isalnum()):
            return "close" if family_open else None
        return None
    # the word glued before the mark, read only where it decides (issue 20: a search per quotation mark)
    can_open = not space_after and (space_before or not before.isalnum()
                                    or _glued_proclitic(_WORD_BEFORE.search(text[max(start, i - 12):i]).group(1)))
    can_close = not space_before and (space_after or not after.isalnum())
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close" if family_open else None
    return "close" if family_open else "open"


class _Enclosures(list):
    """The (open, close) pairs of a paragraph, with their union as sorted intervals, so that asking whether a
    position is enclosed costs a binary search, not a pass over every pair (a long line has thousands)."""

    def __init__(self, pairs: list[tuple[int, int]]) -> None:
        super().__init__(pairs)
        merged: list[list[int]] = []
        for open_, close in sorted(pairs):
            if merged and open_ < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], close)
            else:
                merged.append([open_, close])
        self.opens = [m[0] for m in merged]
        self.closes = [m[1] for m in merged]
        self.opener_of = {close: open_ for open_, close in pairs}

    def inside(self, position: int) -> bool:
        i = bisect_left(self.opens, position) - 1  # the last interval opening before position
        return i >= 0 and position <= self.closes[i]


def _inside(protected: list[tuple[int, int]], position: int) -> bool:
    """Whether a cut just before ``position`` falls inside a quotation or bracket that closes later."""
    if isinstance(protected, _Enclosures):
        return protected.inside(position)
    return any(open_ < position <= close for open_, close in protected)


# A line that ends on a comma or on a word that cannot end a sentence (a preposition, a conjunction, a relative
# pronoun) goes on in the next line: text from a PDF or a mail archive, broken where the page was full.
_CONTINUING_WORDS = frozenset(
    "في من إلى الى على علي عن مع و أو او ثم بين حتى أن ان إن لأن الذي التي الذين اللذين اللتين لدى عند "
    "خلال منذ نحو ضد عبر حول دون لكن بل لم لن قد إذا اذا كل بعض سوى وفي ومن وإلى والى وعلى وعن ومع "
    "the of and to for with by from or".split())  # not بعد/قبل ("لم تتشكل بعد"), nor "in"/"on" ("log in")
# A hard-wrapped block: lines broken at a width, not where sentences end (a PDF's text, a mail archive). A line
# at least this share of the block's width went on in the next one; a shorter line ended a paragraph or was a
# headline.
_WRAPPED_SHARE = 0.7
_WRAP_MIN_WIDTH = 50


def _continues(text: str, start: int, end: int) -> bool:
    """Whether the line ending at ``end`` stops on a comma or a word that cannot end a sentence."""
    tail = text[max(start, end - 40):end].rstrip()
    if tail.endswith(("،", ",", "؛", ";")):
        return True
    words = tail.split()
    return bool(words) and words[-1].lower() in _CONTINUING_WORDS


def _wrap_width(text: str, spans: list[tuple[int, int]]) -> int:
    """The width a block's lines were broken at, or 0 when its breaks are not a hard wrap.

    A hard wrap shows as at least two lines (the last not counted) within 15% of the longest, at least
    ``_WRAP_MIN_WIDTH`` characters wide, in a block that ends a sentence on its last line or in the middle of a
    line: a list of headlines, one a line and none ending with a full stop, is not a wrapped paragraph.
    """
    if len(spans) < 3:
        return 0
    lengths = [end - start for start, end in spans[:-1]]
    width = max(lengths)
    if width < _WRAP_MIN_WIDTH or sum(length >= 0.85 * width for length in lengths) < 2:
        return 0
    last = text[spans[-1][0]:spans[-1][1]].rstrip(_CLOSERS + " ")
    ends_sentence = last.endswith((".", "!", "?", "؟", "…")) or any(
        re.search(r"[.!?؟](?=\s+\S)", text[start:end]) for start, end in spans)
    return width if ends_sentence else 0


def _date_across(text: str, start: int, end: int, next_start: int, next_end: int) -> bool:
    """Whether a date mention runs from the end of one line into the next (``3 أيار/`` + ``مايو 2023``)."""
    from ..dates import find_dates

    tail, head = text[max(start, end - 30):end], text[next_start:min(next_end, next_start + 30)]
    joined = f"{tail} {head}"
    return any(r.start is not None and r.start < len(tail) < r.end
               for r in find_dates(joined) if r.date or r.candidates)


def _split_line(text: str, start: int, end: int, protected: list[tuple[int, int]] | None = None) -> Iterator[Span]:
    cut = start
    for m in _SENTENCE_END.finditer(text, start, end):
        mark = m.group().rstrip(_CLOSERS)
        if mark == ".." or (_ELLIPSIS.fullmatch(mark) and _arabic_follows(text, m.end(), end)):
            continue  # Arabic news joins clauses with dots: "انفجار في محيط دمشق.. لافتة إلى", "والكرز … وكانت"
        if mark.startswith(".") and _is_abbreviation(text, cut, m.start()):
            continue
        if mark.startswith(".") and m.start() - cut < 12 and text[cut:m.start()].strip().isdigit():
            continue  # "5. الاستقلال": a list number
        if m.end() < end and not text[m.end()].isspace() and _short_word_before(text, cut, m.start()):
            continue  # "أ.د." and "ص.ب": glued full stops after one or two letters are abbreviations
        if protected and _inside(protected, m.end()):
            continue
        if _ATTRIBUTION_TAIL.match(text, m.end(), end):
            continue  # '"…جدا".على حد قوله.': the tail is the same sentence's
        if protected and "." not in mark and _embedded_quote(text, cut, m, protected):
            continue  # a slogan or title with its own ! or ?: صرخوا "ارحل!" أمام المقر
        span = _strip(text, cut, m.end())
        if span is not None:
            yield span
        cut = m.end()
    span = _strip(text, cut, end)
    if span is not None:
        yield span


def _embedded_quote(text: str, cut: int, m: re.Match[str], protected: list[tuple[int, int]]) -> bool:
    """Whether a ! or ? ends a quotation or a bracketed aside that stands inside a sentence rather than ending it
    (``"ارحل!" أمام المقر``, ``نزيهة (!) وإن``, ``(الذي وصل أمس؟) إن``): it closes right after the mark, opened in
    the middle of the sentence, and not after a colon (``قال: «…؟»`` is reported speech, whose end is the
    sentence's end)."""
    openers = protected.opener_of if isinstance(protected, _Enclosures) else {c: o for o, c in protected}
    for close in range(m.start() + len(m.group().rstrip(_CLOSERS)), m.end()):
        open_ = openers.get(close)
        if open_ is not None and (text[close] in _QUOTE_FAMILY or text[close] in _BRACKETS):
            before = text[max(cut, open_ - _LOOKBACK):open_].rstrip()
            return bool(before) and not before.endswith(":")
    return False


def _arabic_follows(text: str, position: int, end: int) -> bool:
    """Whether the next word after ``position`` (past spaces and opening quotes) starts with an Arabic letter."""
    return _ARABIC_NEXT.match(text, position, end) is not None


def _short_word_before(text: str, line_start: int, dot: int) -> bool:
    window = text[max(line_start, dot - _LOOKBACK):dot]  # bounded: a long stretch without a cut stays linear
    if re.search(r"\s[\"”»“«]$", window):
        return False  # a closing quote typed after a space: 'برئاسة رئيس السن ".وبدأ' ends a sentence
    before = window.rstrip()
    if before[-1:].isdigit():
        return False  # a number is no abbreviation: "…عام 2020.وقال"
    word = re.search(rf"([{_AR}{_VOWELS}]+)[\"”»]?$", before)
    return word is None or len(re.sub(f"[{_VOWELS}]", "", word.group(1))) < 3


def _is_abbreviation(text: str, line_start: int, dot: int) -> bool:
    window_start = max(line_start, dot - _LOOKBACK)  # bounded: a long stretch without a cut stays linear
    before = text[window_start:dot].rstrip()  # "د . نظيف": a full stop typed after a space still ends the word
    word = re.search(r"(\S+)$", before)
    if not word:
        return False
    if _ERA.search(before):
        # "2022 م." and "1443 هـ." end a sentence, unless all before them is a time put first: "في عام 2022 م.
        # وقعت الحادثة", "في القرن 3 ق.م. ازدهرت" (the era's dot is then the abbreviation's)
        return window_start == line_start and _FRONTED_TIME.match(before) is not None
    token = word.group(1).lower().lstrip("(\"'“‘«")
    # single letters ("J. Smith"), dotted initials ("أ.د.", "U.S.") and known abbreviations end no sentence
    return (len(token) == 1 and token.isalpha()) or token in _ABBREVIATIONS or _INITIALS.fullmatch(token) is not None


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return Span(start, end, text[start:end])

"""Words a line break cut in two, put back together (text extracted from PDFs and hard-wrapped pages).

A PDF extractor writes each printed line as a line: a word the typesetter broke at the end of a line stays
broken (``capabili-`` / ``ties``: Unstructured-IO/unstructured#3486), and so does an Arabic word cut at a kashida
(``الشيـ`` / ``ـوخ``) or at no mark at all. Left so, the word is two unknown words to the language detector, the
glossary and the translation model. :func:`join_broken_words` joins them where the evidence is clear:

- a soft hyphen (U+00AD) before the break: always (it marks a break inside a word and nothing else);
- a kashida (tatweel) on either side of the break, or a hyphen between two Arabic pieces: always (neither
  ends an Arabic word), except ``هـ`` after a number with no kashida after the break: that is the Hijri
  year's mark, which ends many dated lines (``1446هـ`` / ``الموافق``, ``29/7/1349 هـ`` / ``في``), not a cut word;
- a hyphen after a Latin piece: joined without it when the whole word is in a word list (wordfreq, Zipf 3 or
  more in English, French or Spanish) and the two pieces are not both words of it; otherwise the hyphen is
  one the writer typed (``price-`` / ``determining``: xberg-io/xberg#1543) and stays, the line joined;
- two Arabic pieces with nothing between: joined when the whole word is in the Arabic list at Zipf 3 or more
  and at least ``MARGIN`` more frequent than either piece. On 427 real Arabic sentences (tests/data), with a
  line break put between every two neighbouring words, this joined none of 6,568 pairs (3,305 build half, 3,263
  held-out), and it rejoined 43% of words cut at a random place (0.43 and 0.43).

The line break is kept: it moves after the rejoined word, so the text keeps its number of lines.
"""

from __future__ import annotations

import re

from ..wordfreq_index import zipf_frequency

__all__ = ["MARGIN", "MIN_ZIPF", "join_broken_words"]

#: Zipf frequency a rejoined word needs in a word list
MIN_ZIPF = 3.0
#: how much more frequent than either piece a rejoined Arabic word without a mark must be
MARGIN = 0.5

_ARABIC = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_LATIN = "A-Za-z\u00c0-\u024f"
# the end of a line: the piece before the break and the mark that ends it; the start of the next: a kashida, the
# piece after the break, what follows it up to a space, and that space
_LINE_END = re.compile(rf"\S*?(?<![{_ARABIC}{_LATIN}])(?P<head>[{_ARABIC}{_LATIN}]+)(?P<mark>[\u00ad\u0640]+|-|\u2010)?"
                       r"[ \t]*\Z")
_LINE_START = re.compile(rf"[ \t]*(?P<lead>\u0640+)?(?P<tail>[{_ARABIC}{_LATIN}]+)(?P<rest>\S*)(?P<space>[ \t]?)")
_LATIN_LANGS = ("en", "fr", "es")
_NUMBER_BEFORE = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9][ \t]*\Z")  # a year right before هـ
_LOOK_BACK = 80  # a line's last word longer than this is no word


def join_broken_words(text: str) -> tuple[str, int]:
    """``text`` with the words a line break cut in two joined (see the module's rules), and how many."""
    if "\n" not in text:
        return text, 0
    lines = text.split("\n")
    joined = 0
    for i in range(len(lines) - 1):
        line = lines[i]
        stripped = line.rstrip(" \t")
        last = max(stripped.rfind(" "), stripped.rfind("\t")) + 1  # where the line's last word starts
        end = _LINE_END.match(line, last) if len(line) - last <= _LOOK_BACK else None
        start = _LINE_START.match(lines[i + 1]) if end else None
        if end is None or start is None:
            continue
        if (end.group("head") == "ه" and (end.group("mark") or "").startswith("\u0640") and not start.group("lead")
                and _NUMBER_BEFORE.search(line, max(0, end.start("head") - 80), end.start("head"))):
            continue  # 1446هـ, 29/7/1349 هـ: the Hijri mark, not a word cut in two
        word = _joined(end.group("head"), end.group("mark") or "", start.group("lead") or "", start.group("tail"))
        if word is None:
            continue
        joined += 1
        moved = word + start.group("rest")
        rest_of_next = lines[i + 1][start.end():]
        if start.group("space") and rest_of_next:  # the break moves after the word, in place of its space
            lines[i], lines[i + 1] = line[:end.start("head")] + moved, rest_of_next
        else:  # the word was all the next line held: the two lines are one
            lines[i + 1] = line[:end.start("head")] + moved + rest_of_next  # (it may end in a cut word itself)
            lines[i] = None  # type: ignore[call-overload]
    if not joined:
        return text, 0
    return "\n".join(line for line in lines if line is not None), joined


def _joined(head: str, mark: str, lead: str, tail: str) -> str | None:
    """The word ``head`` + ``tail`` as it should be written, or None to leave the break where it is."""
    arabic = _is_arabic(head[-1]) and _is_arabic(tail[0])
    if "\u00ad" in mark:
        return head + tail
    if arabic and ("\u0640" in mark or lead or mark in ("-", "\u2010")):
        return head + tail
    if _is_arabic(head[-1]) != _is_arabic(tail[0]) or mark == "\u0640" or lead:
        return None
    if mark:  # a hyphen after a Latin piece
        if not tail[0].islower():
            return None
        whole = max(zipf_frequency((head + tail).lower(), lang) for lang in _LATIN_LANGS)
        both = any(zipf_frequency(head.lower(), lang) >= MIN_ZIPF and zipf_frequency(tail.lower(), lang) >= MIN_ZIPF
                   for lang in _LATIN_LANGS)
        return head + tail if whole >= MIN_ZIPF and not both else f"{head}{mark}{tail}"
    if not arabic:
        return None
    whole = zipf_frequency(head + tail, "ar")
    if whole < MIN_ZIPF or whole - max(zipf_frequency(head, "ar"), zipf_frequency(tail, "ar")) < MARGIN:
        return None
    return head + tail


def _is_arabic(char: str) -> bool:
    return "\u0621" <= char <= "\u06d3"

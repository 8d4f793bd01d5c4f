"""Cut a document into the pieces a citation can occupy, with offsets into the document.

Real citations do not keep to one line: an Arabic headline and its English rendering are split by a blank
line, a digest entry is a title line + a date line + a "by ... for ..." line, a wrapped headline continues
on the next line, and image credits come as a block of labelled lines.  This module only decides where
pieces start and end; the forms module reads them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from translator.citations.cues import cues
from translator.citations.fields import PERSON
from translator.citations.quotes import QUOTE_CHARS
from translator.dates import parse_date
from translator.text.arabic import is_arabic

__all__ = ["Piece", "is_by_line", "is_date_line", "is_image_line", "pieces"]

_LINE = re.compile(r"[^\n]*")
_BULLET = re.compile(r"^[ \t]*(?:[-–—―•*▪‣·]{1,2}|\d{1,3}[.)])[ \t]*(?=\S)")
_YEAR_OR_URL = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|https?://|www\.")
_MAX_HEADLINE = 300
_MAX_DATE_LINE = 60
_MAX_TITLE_WORDS = 15


@dataclass(frozen=True)
class Piece:
    """``text[start:end]``, and what the block finder already knows about it (``image_credit``,
    ``byline``, ``headline`` (a headline over an outlet line), ``under_outlet`` (a headline under a line
    that names only its outlet: ``context`` is that line's span) or None)."""

    start: int
    end: int
    hint: str | None = None
    context: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def pieces(text: str) -> list[Piece]:
    """The candidate pieces of ``text`` in document order (every non-blank line belongs to one piece)."""
    found: list[Piece] = []
    for paragraph in _paragraphs(text):
        for item in _items(paragraph):
            _add(found, item, text)
    return _digest_headlines(_join_wrapped_sources(found, text), text)


def _join_wrapped_sources(found: list[Piece], text: str) -> list[Piece]:
    """A bulletin entry wrapped before its source: ``Gemayel accuses opposition ...`` then ``-Daily Star`` on the
    next line (issue 15 batch 24).  A hyphen run into a bare name is the entry's separator, not a bullet (a bullet
    is followed by a space), so the line joins the line right above it."""
    out: list[Piece] = []
    for piece in found:
        line = text[piece.start:piece.end].strip()
        if out and piece.hint is None and out[-1].hint is None and re.fullmatch(r"-(?=[A-Z])\S.{0,40}", line) \
                and is_bare_name(line[1:]) and text.count("\n", out[-1].end, piece.start) == 1 \
                and not _BULLET.match(text[out[-1].start:out[-1].end]):
            out[-1] = Piece(out[-1].start, piece.end)
            continue
        if out and piece.hint is None and out[-1].hint is None and text.count("\n", out[-1].end, piece.start) == 1 \
                and _ends_with_type_noun(text[out[-1].start:out[-1].end]) and _ARABIC_START.match(line):
            # "فاجأت صحيفة" / "الغارديان البريطانية قراءها": a line wrapped after the paper noun, before the name
            out[-1] = Piece(out[-1].start, piece.end)  # (session 14)
            continue
        out.append(piece)
    return out


_ARABIC_START = re.compile(r"[\"“”«(]?[\u0621-\u064a]")


@cache
def _type_noun_end() -> re.Pattern[str]:
    return re.compile(r"(?:^|\s)[وفبل]{0,2}(?:" + cues().pattern("arabic_generic") + r"|وكالة)[ \t]*\Z")


def unwrap_type_noun_lines(piece: str) -> str:
    """The piece with each line break right after an Arabic type noun read as a space (one character for one, offsets
    kept): ``فاجأت صحيفة\nالغارديان`` -> ``فاجأت صحيفة الغارديان`` (session 14)."""
    if "\n" not in piece or not is_arabic(piece):
        return piece
    return _type_noun_break().sub(lambda m: m.group(1) + " " * (m.end() - m.end(1)), piece)


@cache
def _type_noun_break() -> re.Pattern[str]:
    return re.compile(r"((?:^|(?<=\s))[وفبل]{0,2}(?:" + cues().pattern("arabic_generic") + r"|وكالة))"
                      r"[ \t]*\n(?=[\"“”«(]?[\u0621-\u064a])")


def _ends_with_type_noun(line: str) -> bool:
    """The line ends with an Arabic type noun (``صحيفة``, ``قناة``): the paper's name is on the next line."""
    return "\u0621" <= line.rstrip()[-1:] <= "\u064a" and _type_noun_end().search(line.rstrip()) is not None


# --------------------------------------------------------------------------- digest headlines (issue 15)
_NAME_WORD = re.compile(r"(?:(?:al|el|an|ash|as|ad|ar|at|az|a)[-‐'’])?[A-Z0-9][\w'’.-]*"
                        r"|[\u0600-\u06ff][\u0600-\u06ff\u064b-\u065f]*")
_MAX_NAME_WORDS = 4
_MAX_OUTLET_LINE = 80


def _digest_headlines(found: list[Piece], text: str) -> list[Piece]:
    """Join what digests print as separate paragraphs: a headline (and a subheading) over an outlet line
    (``Al-Ittihad, May 23, 2016``, or a bare name then a date line), and give headlines printed under a
    line naming only an outlet (``As-Safir``, ``النهار``) that line as context."""
    out: list[Piece] = []
    i = 0
    while i < len(found):
        piece = found[i]
        body = text[piece.start:piece.end].strip()
        if piece.hint is None and _is_title_line(body) and "\n" not in body:
            titles = [piece]
            j = i + 1
            if j < len(found) and _plain_title(found[j], text) and j + 1 < len(found) \
                    and _outlet_line(text, found[j + 1]):
                titles.append(found[j])
                j += 1
            below = text[found[j].start:found[j].end].strip() if j < len(found) else ""
            if is_bare_name(body) and "," in below and not re.search(r"\d", below) and j == i + 1:
                below = ""  # "Kayhan" over "Iran Did Not Budge, Negotiations Fruitless": a paper over its
                # headline, not a headline over "Outlet, Place" (session 13)
            if below and _outlet_line(text, found[j]):
                end = found[j].end
                bare = is_bare_name(text[found[j].start:found[j].end].strip())
                if bare and j + 1 < len(found) and found[j + 1].hint == "date":
                    end, j = found[j + 1].end, j + 1
                elif bare and not (j + 1 >= len(found) or found[j + 1].hint is None):
                    out.append(piece)
                    i += 1
                    continue
                if not bare or end != found[j].end or _digest_context(found, j):
                    out.append(Piece(piece.start, end, "headline"))
                    i = j + 1
                    continue
        if piece.hint is None and is_bare_name(body):
            out.append(piece)
            k = i + 1
            while k < len(found) and _plain_title(found[k], text):
                out.append(Piece(found[k].start, found[k].end, "under_outlet", (piece.start, piece.end)))
                k += 1
            i = k
            continue
        out.append(piece)
        i += 1
    return out


def _digest_context(found: list[Piece], j: int) -> bool:
    """A bare name after a headline is its outlet when nothing but another headline could follow."""
    return j + 1 >= len(found)


def _plain_title(piece: Piece, text: str) -> bool:
    body = text[piece.start:piece.end].strip()
    full_stop = body.endswith(".") and not body.endswith(("...", "…"))  # a sentence of the article, not a headline
    return piece.hint is None and "\n" not in body and _is_title_line(body) and not is_bare_name(body) \
        and not full_stop


def is_bare_name(line: str) -> bool:
    """A line that could be only a name: up to four capitalized (or Arabic) words, no punctuation."""
    words = line.split()
    return 0 < len(words) <= _MAX_NAME_WORDS and len(line) <= 40 and not re.search(r"[.,:;!?،؛«»“”\"()]", line) \
        and all(_NAME_WORD.fullmatch(w) for w in words)


def _outlet_line(text: str, piece: Piece) -> bool:
    """``Outlet[, Place][, date]`` on a line of its own (or a bare name)."""
    line = text[piece.start:piece.end].strip()
    if piece.hint not in (None, "date") or "\n" in line or len(line) > _MAX_OUTLET_LINE or piece.hint == "date":
        return False
    if is_bare_name(line):
        return True
    head, _, rest = line.partition(",")
    return is_bare_name(head.strip()) and bool(re.search(r"\d", rest) or is_bare_name(rest.strip()))


def _paragraphs(text: str) -> list[list[_Line]]:
    paragraphs: list[list[_Line]] = [[]]
    for m in _LINE.finditer(text):
        if m.start() > 0 and m.start() == m.end() and text[m.start() - 1:m.start()] != "\n":
            continue  # the empty match after the last line's end
        line = _Line(m.start(), m.end(), m.group().rstrip("\r"))
        if line.blank:
            if paragraphs[-1]:
                paragraphs.append([])
        else:
            paragraphs[-1].append(line)
    return [p for p in paragraphs if p]


def _items(paragraph: list[_Line]) -> list[list[_Line]]:
    """Split a paragraph where a new entry starts: a bullet, a label line, a by-line, or a list of citations."""
    starts = [i for i, line in enumerate(paragraph)
              if i == 0 or _BULLET.match(line.text) or is_image_line(line.text) or is_by_line(line.text)
              or (i + 1 < len(paragraph) and is_by_line(paragraph[i + 1].text) and is_date_line(line.text))
              or (i > 0 and is_by_line(paragraph[i - 1].text))
              or (i > 0 and _entry_starts(paragraph, i))
              or _name_over_headline(paragraph, i) or _name_over_headline(paragraph, i - 1)
              or _name_over_headline(paragraph, i - 2)]
    if len(starts) == 1 and _is_citation_list(paragraph):
        starts = [i for i, line in enumerate(paragraph) if i == 0 or _starts_citation(line.text)]
    bounds = [*starts, len(paragraph)]
    return [paragraph[a:b] for a, b in itertools.pairwise(bounds)]


_ENTRY_END = re.compile(r"\)\s*[.,]?\s*$")


def _entry_starts(paragraph: list[_Line], i: int) -> bool:
    """Digest entries printed without a blank line between them: a new entry starts at a press-monitor
    ``(Outlet, date) - ...`` line, after a bulleted entry that closed its brackets, at a bare name
    (an outlet header) after a finished line, and at a title over a date line and a by-line."""
    line, prev = paragraph[i].text, paragraph[i - 1].text
    if paren_lead_match(line):
        return True
    if line.lstrip()[:1].islower():
        return False  # a wrapped line goes on
    if _BULLET.match(prev) and _ENTRY_END.search(prev):
        return True
    if is_bare_name(line.strip()) and re.search(r"[.!?؟)\"”»]\s*$", prev):
        return True
    if re.search(r"[^.\s]{3}[.!?؟]\s*$", prev) and (line.lstrip()[:1].isupper() or is_arabic(line[:20])):
        return True  # a finished sentence, then a new one: each line is read on its own
    return i + 2 < len(paragraph) and is_date_line(paragraph[i + 1].text) and is_by_line(paragraph[i + 2].text)
def _name_over_headline(paragraph: list[_Line], i: int) -> bool:
    """A digest printed without blank lines (issue 15): a line that is only a name, a headline line under it,
    then the item's text (``Annahar`` / ``Tying extension to ...`` / ``Annahar obtained ...``)."""
    two_lines = i == 0 and len(paragraph) == 2  # "Al-Mustaqbal" / "Salam rejects ...": no text under it
    return i >= 0 and (i + 2 < len(paragraph) or two_lines) and is_bare_name(paragraph[i].text.strip()) \
        and _is_title_line(paragraph[i + 1].text) and not paragraph[i + 1].text.strip().endswith(".") \
        and not is_bare_name(paragraph[i + 1].text.strip())


def _add(found: list[Piece], lines: list[_Line], text: str) -> None:
    """Append the item, merging it with the pieces before it where the structure says they belong together."""
    start, end = lines[0].start, lines[-1].end
    first = lines[0].text
    prev = found[-1] if found else None
    # the piece before, copied only when its kind is one whose text is read: a merged image-credit block grows
    # with every line, and copying it for each new line was quadratic (issue #13)
    prev_text = text[prev.start:prev.end] if prev is not None and prev.hint in (None, "byline", "date") else ""
    if is_image_line(first):
        if prev is not None and prev.hint == "image_credit":
            found[-1] = Piece(prev.start, end, "image_credit")
        else:
            found.append(Piece(start, end, "image_credit"))
        return
    if prev is not None and prev.hint is None and _starts_with_paren(first) and _is_arabic_headline(prev_text) \
            and not is_arabic(first):  # "(استمرار ...)" under "صحيفة الزوراء": an Iraqi digest's headline (session 8)
        found[-1] = Piece(prev.start, end, "bilingual")  # Arabic headline, blank line, "(English headline),” ..."
        return
    if paren_lead_match(first):
        if prev is not None and prev.hint == "byline" and _author_only_by_line(prev_text.strip().split("\n")[-1]):
            found[-1] = Piece(prev.start, end, "paren_lead")  # "By: Author" over "(Outlet, date) - text"
        else:
            found.append(Piece(start, end, "paren_lead"))
        return
    if is_by_line(first):
        merged_start = start
        if prev is not None and prev.hint == "date" and "\n" not in prev_text.strip():
            found.pop()
            merged_start = prev.start
            before = found[-1] if found else None
            if before is not None and before.hint is None and _is_title_line(text[before.start:before.end]):
                found.pop()
                merged_start = before.start
        elif prev is not None and prev.hint is None and "\n" not in prev_text.strip() \
                and _is_title_line(prev_text) and not prev_text.strip().endswith("."):
            found.pop()  # a headline right over "Outlet – by Author" (no date line between)
            merged_start = prev.start
        found.append(Piece(merged_start, end, "byline"))
        return
    found.append(Piece(start, end, "date" if len(lines) == 1 and is_date_line(first) else None))


# --------------------------------------------------------------------------- line tests
@cache
def _image_label() -> re.Pattern[str]:
    c = cues()
    return re.compile(r"^\s*(?:" + c.pattern("image_label") + r")\s*[:：]"
                      r"|^\s*(?:" + c.pattern("source_label") + r")\s*[:：]\s*(?:" + c.pattern("image_credit_cue")
                      + r")", re.IGNORECASE)


def is_image_line(line: str) -> bool:
    """``Image: ...``, ``Attribution: ...``, ``Source: Photo by ...``: a line of an image-credit block."""
    return bool(_image_label().match(line))


_BY_LINE = re.compile(r"^\s*(?P<pre>[^\n]{2,60}?\s+[–—―-]\s+)?by:?\s+(?P<who>\S.{0,200})$", re.IGNORECASE)


_BY_DATE_TAIL = re.compile(r",\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4})\s*$")


def is_by_line(line: str) -> bool:
    """A digest by-line: ``by Author for Outlet (description)``, ``by Outlet (description)``, ``by Author –
    Outlet``, ``Outlet – by Author`` or ``By: Author`` alone (a name and nothing else)."""
    stripped = line.strip()
    m = _BY_LINE.match(stripped)
    if not m:
        return False
    who = _BY_DATE_TAIL.sub("", m.group("who").strip())  # "By Author Outlet, September 30, 2014"
    if m.group("pre"):
        return bool(PERSON.fullmatch(who))
    return bool(re.search(r"\s(?:for|FOR|For)\s", stripped) or re.search(r"\([^()]+\)\s*[.,]?$", stripped)
                or PERSON.fullmatch(who)
                or (re.search(r"\s[–—―-]\s", who) and PERSON.fullmatch(re.split(r"\s[–—―-]\s", who)[0])))


# A press-monitor paragraph that opens with its source: "(Al-Sabah al-Jadeed, 1 August 2005) - We thank ..."
# "(Outlet, date) - text"; a headline may open the same line when a dash follows the bracket (issue 15):
# "Editorial: Bush fabricates ... (Outlet, 21 Jul 04) - text"
PAREN_LEAD = re.compile(r"^\s*(?:(?P<title>[^()\n]{3,200}?)[ \t]+(?=\([^(),\n]{2,60},[^()\n]{4,40}\)\s*[-–—]\s*\S))?"
                        r"\((?P<outlet>[^(),\n]{2,60}),\s*(?P<date>[^()\n]{4,40}?)\)\s*(?:[-–—:]\s*)?(?=\S)")
# PAREN_LEAD without its anchor, and its two tails: what must follow the "(" with a title before it (the
# pattern's look-ahead) and without one (issue #13: see paren_lead_match)
_PAREN_LEAD_AT = re.compile(PAREN_LEAD.pattern.removeprefix("^"))
_PAREN_TITLED = re.compile(r"\([^(),\n]{2,60},[^()\n]{4,40}\)\s*[-–—]\s*\S")
_PAREN_TAIL = re.compile(r"\((?P<outlet>[^(),\n]{2,60}),\s*(?P<date>[^()\n]{4,40}?)\)\s*(?:[-–—:]\s*)?(?=\S)")
_NOT_SPACE = re.compile(r"\S")
_PAREN_OR_LINE_END = re.compile(r"[()\n]")


def paren_lead_match(text: str, pos: int = 0) -> re.Match[str] | None:
    """``PAREN_LEAD.match(text[pos:])`` without the copy, in time linear in the line: the same answer and
    groups, with offsets into ``text`` (``m.start()`` may lie after ``pos``: leading white space is skipped).

    The pattern alone backtracks over a line's leading white space for every title length it tries (a Markdown
    list nested 600 deep took minutes, issue #13). Its "(" can only be the first bracket of the first
    non-blank line; a title before it cannot start more than 201 characters before that line's first
    non-space, nor hold a line break: so whatever fails those cheap tests fails the pattern, and the pattern
    is tried from the nearest place it could match (the order it tries the rest in is unchanged).
    """
    first = _NOT_SPACE.search(text, pos)
    if first is None:
        return None
    f = first.start()
    bracket = _PAREN_OR_LINE_END.search(text, f)
    if bracket is None or bracket.group() != "(":
        return None
    u = bracket.start()
    if not _PAREN_TAIL.match(text, u):
        return None
    if u != f:  # a title first: it ends in spaces or tabs before the "(", within 200 characters
        end = f + len(text[f:u].rstrip(" \t"))
        if end == u or end - f > 200 or not _PAREN_TITLED.match(text, u):
            return None
    return _PAREN_LEAD_AT.match(text, max(pos, text.rfind("\n", pos, f) + 1, f - 201))


def _author_only_by_line(line: str) -> bool:
    m = _BY_LINE.match(line.strip())
    return bool(m and not m.group("pre") and PERSON.fullmatch(m.group("who").strip()))


def is_date_line(line: str) -> bool:
    """A line that is only a date (``Monday October 30th, 2017``), as in digests."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_DATE_LINE or not re.search(r"\d", stripped):
        return False
    result = parse_date(stripped, context_lang="en")
    if not result.date_text or result.calendar == "relative":  # "منذ 3 ساعات" dates no digest entry
        return False
    rest = stripped.replace(result.date_text, "")
    return len(re.sub(r"[\W_]", "", rest)) <= 3


def _is_title_line(piece_text: str) -> bool:
    stripped = piece_text.strip()
    if not 0 < len(stripped) <= _MAX_HEADLINE or "\n" in stripped or stripped.endswith(":"):
        return False
    # a headline rarely ends with a full stop; a short one may (a teaser sentence is longer)
    return not stripped.endswith(".") or stripped.endswith(("...", "…")) or len(stripped.split()) <= _MAX_TITLE_WORDS


def _is_arabic_headline(piece_text: str) -> bool:
    stripped = piece_text.strip().strip(QUOTE_CHARS)
    return bool(stripped) and len(stripped) <= _MAX_HEADLINE and stripped.count("\n") <= 2 and is_arabic(stripped)


def _starts_with_paren(line: str) -> bool:
    return line.lstrip(" \t" + QUOTE_CHARS).startswith("(")


def _starts_citation(line: str) -> bool:
    body = _BULLET.sub("", line, count=1).lstrip()
    body = re.sub(r"^(?:" + cues().pattern("source_label") + r")\s*[:：]\s*", "", body, flags=re.IGNORECASE)
    return bool(body) and body[0] in QUOTE_CHARS


def _is_citation_list(paragraph: list[_Line]) -> bool:
    """Several lines that each open with a quoted title and carry a year or URL: one citation per line."""
    hits = [line for line in paragraph if _starts_citation(line.text) and _YEAR_OR_URL.search(line.text)]
    return len(paragraph) > 1 and len(hits) >= 2

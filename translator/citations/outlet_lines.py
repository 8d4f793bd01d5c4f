"""English digest lines that name a paper with its place and day, and source lines under a quoted passage.

Issue 15, session 9, written from the build half of batch 16 (BBC, Jerusalem Post, a media-watch page):

- ``Beyond Israel's lies`` / ``Erem, Abu Dhabi, July 21`` / body: the headline over a line ``Outlet, City[,
  Country], Month D``; also flattened into one line (``A real test for Israel Al-Quds, Jerusalem, November 18
  With all of ...``), and ``The Peninsula, Doha, Editorial, 16 September 2013, Monday`` over ``1. More
  Diplomacy`` (the numbered headline under the line);
- a translated passage, then its source on a line of its own: ``Al-Watan - Qatar``, ``Editorial in Al-Ahram -
  Egypt``, ``Commentary in Al-Ayyam - Palestinian``, ``Al-Quds Al-Arabi - London-based`` (BBC's press reviews).

The outlet is a registry name (any spelling the registry resolves), except after ``Editorial in``/``Commentary
in`` where a capitalised name the registry lacks is kept as written (``Editorial in Oman - Oman``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from translator.citations.fields import Draft, split_title
from translator.citations.inline import role_people
from translator.dates import DateResult, parse_date
from translator.glossary.outlet_registry import OutletRegistry

__all__ = ["numbered_headline", "outlet_genre_date", "outlet_place_date", "source_under_quote"]

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_DAY_MONTH = (r"(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH
              + r"(?:,?\s+\d{4})?)")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_PLACE = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
# ", Abu Dhabi, July 21", ", Sharja, UAE, October 1", ", Doha, Editorial, 16 September 2013, Monday"
_TAIL = (r",\s+(?P<place>" + _PLACE + r"(?:,\s+" + _PLACE + r")?),\s+(?:(?i:editorial|commentary|op-ed),\s+)?"
         r"(?P<date>" + _DAY_MONTH + r")(?:,\s+" + _WEEKDAY + r")?")
_WORD = r"(?:[A-Z][\w'’.-]*|(?:al|el|an|as|ad|ar|at|az)-[\w'’.-]+)"
_LINE = re.compile(r"(?P<name>(?:The\s+)?" + _WORD + r"(?:\s+" + _WORD + r"){0,4})" + _TAIL + r"\s*")
_FLAT = re.compile(_TAIL + r"(?:\s+(?=[A-Z“\"])|[ \t]*\Z)")
_NUMBERED = re.compile(r"\s*\d{1,2}\.\s+(?P<t>\S.{2,150}?)\s*\Z")
_HEADLINE_WORDS = 20


def _known(name: str, registry: OutletRegistry) -> bool:
    match = registry.resolve(name)
    return match.outlet is not None and match.method in ("exact", "squashed", "fuzzy")


def _dated(text: str) -> DateResult | None:
    result = parse_date(text, context_lang="en")
    if result.date is None or len(result.date) != 10 or not re.search(r"\d{4}", text):
        return None  # "July 21": no year, no date
    return replace(result, start=None, end=None)


def _headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= _HEADLINE_WORDS and not line.rstrip().endswith((".", ",", ";", ":")) \
        and line[:1].isupper()


def outlet_place_date(text: str, registry: OutletRegistry) -> list[Draft]:
    """``Headline`` over ``Outlet, City[, Country], Month D[, YYYY]`` (over the body), the same flattened into one
    line, or the paper's line over a numbered headline (``1. More Diplomacy``).  The date is kept only with its
    year; a writer the body names by role (``says writer Fathi Mahmoud``) is the author.  [] when the piece has
    no such line or the name is not a registry outlet."""
    if "," not in text or not re.search(_MONTH, text):
        return []
    lines = text.split("\n")
    offset = 0
    for i, line in enumerate(lines):
        m = _LINE.fullmatch(line)
        if m and _known(m.group("name"), registry):
            above = next((x for x in reversed(lines[:i]) if x.strip()), None)
            below = next((x for x in lines[i + 1:] if x.strip()), None)
            title = None
            if above is not None and _headline(above.strip()) and text.index(above) == len(text) - len(text.lstrip()):
                title = above.strip()
            numbered = _NUMBERED.fullmatch(below) if below is not None else None
            if title is None and numbered:
                title = numbered.group("t")
            start = text.index(above) if title is not None and above is not None and title == above.strip() \
                else offset
            body = "\n".join(lines[i + 1:])
            return [_draft(text, start, m.group("name"), m.group("date"), title, body, m.group("place"))]
        offset += len(line) + 1
    first = lines[0]
    for m in _FLAT.finditer(first):
        words = first[:m.start()].split()
        k = _flat_name(words, registry)
        title = " ".join(words[:-k]) if k else ""
        if k and _headline(title) and not re.search(r"[.!?]\s", title):
            body = first[m.end():] if first[m.end():].strip() else "\n".join(lines[1:])
            return [_draft(text, len(text) - len(text.lstrip()), " ".join(words[-k:]), m.group("date"), title,
                           body, m.group("place"))]
    return []


def _flat_name(words: list[str], registry: OutletRegistry) -> int:
    """How many of the words before ``, City, Month D`` on a flattened headline line are the outlet's name: the
    longest registry name ending there, else a capitalised run of two to four words after a lower-case word (not a
    preposition) or after the headline's own ``?``/``!`` (``…of Egyptian crisis Al Istiqial``, ``…in Egypt?
    Palestine News Network``).  0 for none."""
    for k in range(min(5, len(words) - 1), 0, -1):
        if _known(" ".join(words[-k:]), registry) and registry.resolve(" ".join(words[-k:])).method == "exact":
            return k
    k = 0
    while k < min(4, len(words) - 1) and re.fullmatch(_WORD, words[-1 - k]):
        k += 1
    if k < 2 or k >= len(words):
        return 0  # one unknown capitalised word is as often a place ("flew on to Amman, Jordan, June 8")
    before = words[-1 - k]
    if before.lower() in _PREPOSITIONS:
        return 0
    return k if before[:1].islower() or before.endswith(("?", "!")) else 0


_PREPOSITIONS = frozenset("to in at from into for of on by with near via".split())


def _draft(text: str, start: int, name: str, date: str, title: str | None, body: str, place: str) -> Draft:
    original, english = split_title(title) if title else (None, None)
    writers = role_people(body)
    return Draft("press_digest_headline", start, len(text.rstrip()), outlet=name, title_original=original,
                 title_english=english, date=_dated(date), author=writers[0] if writers else None, place=place,
                 confidence=0.75)


_SOURCE = re.compile(r"(?P<lead>(?:Editorial|Commentary|Comment|Column|Article|Cartoon)\s+(?:in|from)\s+)?"
                     r"(?P<name>(?:The\s+)?" + _WORD + r"(?:\s+" + _WORD + r"){0,4})"
                     r"(?:\s+[-–—]\s+(?P<place>[A-Z][\w'’.-]*(?:[\s-]+[A-Za-z][\w'’.-]*){0,2}))?\s*")


@cache
def _prose_end() -> re.Pattern[str]:
    return re.compile(r"(?:[.!?…]|\.\.\.)[\"”’']?\s*\Z")


def source_under_quote(text: str, registry: OutletRegistry, *, after_prose: bool, last: bool) -> list[Draft]:
    """The source line of a passage quoted above it (BBC's reviews): ``Al-Watan - Qatar``, ``Editorial in
    Al-Ahram - Egypt``.  ``text`` is a piece; its last line is read, and the lines before it (or, when the piece
    is that line alone, the piece before it: ``after_prose``) must be prose that ends a sentence.  A bare
    registry name with no place and no ``Editorial in`` counts only at the document's end (``last``): elsewhere it
    heads the paragraph under it.  ``- London-based`` is the description, any other place the ``place``."""
    body, _, line = text.rstrip().rpartition("\n")
    m = _SOURCE.fullmatch(line.strip())
    if m is None:
        return []
    prose = body.strip()
    if prose:
        if len(prose) < 40 or not _prose_end().search(prose):
            return []
    elif not after_prose:
        return []
    name, place, lead = m.group("name"), m.group("place"), m.group("lead")
    if not (place or lead or last):
        return []
    if not lead and not _known(name, registry):
        return []
    if place and not (place.endswith("-based") or re.fullmatch(_PLACE, place)):
        return []
    start = text.rindex(line.strip()) if not prose else len(text) - len(text.lstrip())
    leaning = place if place and place.endswith("-based") else None
    return [Draft("translated_quote_attribution", start, len(text.rstrip()), outlet=name, leaning=leaning,
                  place=None if leaning else place, confidence=0.7)]


def numbered_headline(draft: Draft, gap: str, piece_text: str) -> bool:
    """``The Peninsula, Doha, Editorial, 16 September 2013, Monday`` (a paper line read by
    :func:`outlet_place_date`, untitled) then, on the next line, ``1. More Diplomacy``: the numbered line is its
    headline.  Sets the draft's title; ``gap`` is the text between the two pieces."""
    if draft.kind != "press_digest_headline" or draft.title_english or draft.title_original or gap.strip() \
            or gap.count("\n") > 1:
        return False
    m = _NUMBERED.fullmatch(piece_text.lstrip().partition("\n")[0])
    if m is None or not _headline(m.group("t")):
        return False
    draft.title_original, draft.title_english = split_title(m.group("t"))
    return True


# ``Khabrein, Editorial, August 31, 2009``, ``Khabrein Urdu Daily, editorial, July 27, 2009``, ``Ajkal, Opinion
# column, September 1, 2009``: a press monitor's entry line, the paper, the kind of piece and the day (IDSA's
# Pakistan Urdu Press, batch 5 build); the kind of piece says the name is a publication's, known or not
_GENRE = r"(?i:editorial|opinion(?:\s+column|\s+piece)?|column|op-ed|commentary|article|analysis|report|news\s+report)"
_ENTRY = re.compile(r"[ \t]*(?:[•▪‣·*-][ \t]*)?(?P<name>(?:The\s+)?" + _WORD + r"(?:\s+" + _WORD + r"){0,5}?)"
                    r"(?:\s+(?P<lang>[A-Z][a-z]+))??(?:\s+(?i:daily|newspaper|weekly))?\s*,\s+" + _GENRE
                    + r"\s*,\s+(?P<date>" + _DAY_MONTH + r")\s*")
_TITLE_BY = re.compile(r"(?P<title>\S.*?\S)\s*:\s+(?P<by>[A-Z][\w'’.-]*(?:[\s-]+[A-Z][\w'’.-]*){0,3})\s*")


@cache
def _languages() -> frozenset[str]:
    """Language and nationality adjectives that may stand between a paper's name and "daily" (``Khabrein Urdu
    Daily``): the language markers' languages (``in Urdu``) and the nationalities of the cue file."""
    from translator.citations.cues import cues

    c = cues()
    return frozenset(w.lower().removeprefix("in ") for w in c.words("language_marker") if w.isascii()) \
        | c.lower_set("nationality")


def outlet_genre_date(text: str, registry: OutletRegistry) -> list[Draft]:
    """``Outlet[ Urdu Daily], Editorial, Month D, YYYY`` on the piece's first line, the entry's headline on the next
    (``Creation of Gilgit-Baltistan, a welcome step: Khabrein``; ``… his views: Asad Mufti``, the writer's name after
    the colon): outlet, date, English title and the writer.  A language or nationality adjective before "Daily" is
    the description.  [] when the first line is no such entry line or the date has no year."""
    lines = text.strip().split("\n")
    m = _ENTRY.fullmatch(lines[0])
    if m is None:
        return []
    name, lang = m.group("name"), m.group("lang")
    if lang is not None and lang.lower() not in _languages():
        name, lang = f"{name} {lang}", None  # "Daily Times": a name's own word, not a language
    date = _dated(m.group("date"))
    if date is None:
        return []
    title, author = None, None
    below = next((x.strip() for x in lines[1:] if x.strip()), None)
    if below is not None and len(below.split()) <= _HEADLINE_WORDS:
        by = _TITLE_BY.fullmatch(below)
        if by is not None and " ".join(by.group("by").split()).casefold() == name.casefold():
            title = by.group("title")  # "…, a welcome step: Khabrein": the paper's own piece
        elif by is not None and len(by.group("by").split()) >= 2 and registry.lookup(by.group("by")) is None:
            title, author = by.group("title"), " ".join(by.group("by").split())
        elif _headline(below):
            title = below
    original, english = split_title(title) if title else (None, None)
    start = len(text) - len(text.lstrip())
    return [Draft("press_digest_headline", start, len(text.rstrip()), outlet=name, title_original=original,
                  title_english=english, date=date, author=author, leaning=lang, confidence=0.75)]

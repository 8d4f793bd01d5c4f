"""Small text helpers shared by the citation forms: the draft record, titles, names, dates, languages."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache, wraps

from translator.citations.cues import cues
from translator.citations.quotes import QUOTE_CHARS
from translator.datafiles import read_tsv
from translator.dates import DateResult, find_dates
from translator.text.arabic import is_arabic
from translator.wordfreq_index import zipf_frequency

__all__ = [
    "CLOSING_QUOTES",
    "OPENING_QUOTES",
    "PERSON",
    "URL",
    "Draft",
    "article_prefix",
    "clean_person",
    "date_at_end",
    "dates_of",
    "decap",
    "decap_description",
    "language_marker",
    "looks_like_name",
    "may_hold_url",
    "name_case",
    "publication_dates",
    "split_title",
    "strip_piece_words",
    "strip_quotes",
    "text_language",
    "top_level_split",
    "trailing_paren",
    "ws",
]

OPENING_QUOTES = "\"“„«‘'‹"
CLOSING_QUOTES = "\"”»’'›“"
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”«»]+", re.IGNORECASE)
_LATIN_LANGUAGES = ("en", "fr", "es", "tr", "de", "it")
_UNKNOWN_ZIPF = 1.5  # rarer than this in English: probably not an English word
_FOREIGN_SHARE = 0.3  # share of such words from which other languages are considered


def _person_particles() -> str:
    """Name particles of personal names as written in English (lowercase allowed inside a name): the rows of
    ``data/langid_name_particles.tsv`` marked ``person``."""
    rows = read_tsv("langid_name_particles.tsv", strip=True)
    return "(?:" + "|".join(re.escape(r["particle"]) for r in rows if r.get("person") == "yes") + ")"


_PARTICLES = _person_particles()
_NAME_TOKEN = r"(?:[A-Z][\w'’‘`.\-‐‑]*|['’‘`][A-Z][\w'’\-‐‑]*|" + _PARTICLES + r"[-‐‑][A-Z][\w'’\-‐‑]*)"
# a capitalised link of a chain of fathers' names ("Sayf al Islam Bin Saud Bin Abdul Aziz") is no name of its
# own: it does not count towards the five (issue 15, session 9)
_CHAIN = r"(?:(?:Bin|Ibn|Bint|Ben|Abu|Abd)\s+)?"
PERSON = re.compile(r"(?:" + _NAME_TOKEN + r")(?:\s+(?:" + _PARTICLES + r"\s+)?" + _CHAIN + _NAME_TOKEN
                    + r"){1,4}\*?")
# A whole string that is a person's name: Latin (as PERSON, with optional honorific) or 2-4 Arabic words.
PERSON_FULL = re.compile(r"(?:(?:Dr|Prof|Sheikh|Mr|Ms|Mrs)\.?\s+)?" + PERSON.pattern
                         + r"|[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){1,3}")


@dataclass
class Draft:
    """What a form recognizer read, before the outlet registry, title languages and scoring.

    Offsets are relative to the piece the recognizer was given.
    """

    kind: str
    start: int
    end: int
    title_original: str | None = None
    title_english: str | None = None
    title_language: str | None = None  # only when the line says so ("(in Arabic)")
    outlet: str | None = None
    outlet_truncated: bool = False
    leaning: str | None = None
    author: str | None = None
    date: DateResult | None = None
    url: str | None = None
    place: str | None = None  # where the outlet is published, when the line says (``(An-Nahar, Beirut)``)
    confidence: float = 0.8
    warnings: list[str] = field(default_factory=list)
    register_unknown: bool = True
    refers_back: bool = False  # "The semi-official daily said": the paper named just before (session 8)


def ws(text: str | None) -> str | None:
    """Whitespace collapsed; None for empty."""
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None


def strip_quotes(text: str) -> str:
    """``text`` without surrounding quote marks, spaces and trailing commas; a single quote ``‘…’`` that
    opens or closes inside the text is kept (``Speaker: ‘we will not resign’`` keeps its ``’``), and so is a
    ``“…”`` or ``«…»`` that quotes words at the text's start or end (``“بكري” يبحث تعويض “شهداء سبتمبر”``)."""
    text = text.strip()
    previous = None
    while previous != text:
        previous = text
        text = text.strip(" \t\n,;،؛")
        if not text:
            break
        pairs = _single_pairs(text)
        if text[0] == "‘" and text[-1] == "’" and pairs.get(0) == len(text) - 1:
            text = text[1:-1]
            continue
        doubles = _double_pairs(text)
        if doubles.get(0) == len(text) - 1:  # “…” or «…» around the whole text, inner quotes nested inside it
            text = text[1:-1]
            continue
        if text[0] in QUOTE_CHARS and not (text[0] == "‘" and 0 in pairs) and 0 not in doubles:
            text = text[1:]
            pairs, doubles = _single_pairs(text), _double_pairs(text)
        if text and text[-1] in QUOTE_CHARS and not (text[-1] == "’" and len(text) - 1 in pairs.values()) \
                and len(text) - 1 not in doubles.values():
            text = text[:-1]
    return text.strip()


_DOUBLE_CLOSE = {"“": "”", "«": "»"}


def _double_pairs(text: str) -> dict[int, int]:
    """Where each ``“`` (``«``) is closed by its ``”`` (``»``), nested: {open: close}. A headline that starts or
    ends with quoted words (``“بكري” يبحث تعويض “شهداء سبتمبر”``) keeps those marks: they are not around it."""
    if "“" not in text and "«" not in text:
        return {}  # no opening mark: the common case, without the walk (issue 20)
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for i, ch in enumerate(text):
        if ch in _DOUBLE_CLOSE:
            stack.append(i)
        elif stack and ch == _DOUBLE_CLOSE[text[stack[-1]]]:
            start = stack.pop()
            if any(c.isalnum() for c in text[start + 1:i]):  # “” with nothing quoted is a broken mark, no pair
                pairs[start] = i
    return pairs


def _single_pairs(text: str) -> dict[int, int]:
    """Where each ``‘`` (not inside a word) is closed by a ``’`` (not followed by a letter): {open: close}."""
    if "‘" not in text:
        return {}  # no opening mark: the common case, without the walk (issue 20)
    stack: list[int] = []
    pairs: dict[int, int] = {}
    for i, ch in enumerate(text):
        if ch == "‘" and (i == 0 or not text[i - 1].isalpha()):
            stack.append(i)
        elif ch == "’" and stack and (i + 1 == len(text) or not text[i + 1].isalpha()):
            pairs[stack.pop()] = i
    return pairs


def decap(name: str | None) -> str | None:
    """An all-capitals name in reading case: ``AL-ARABY AL-JADEED`` → ``Al-Araby al-Jadeed``."""
    if not name or not name.isupper() or len(re.sub(r"[^A-Z]", "", name)) <= 4:
        return name
    articles = cues().lower_set("article")
    out = []
    for i, token in enumerate(re.split(r"(\s+|-)", name)):
        low = token.lower()
        if not token.strip() or token == "-":
            out.append(token)
        elif i > 0 and low in articles:
            out.append(low)
        else:
            out.append(low[:1].upper() + low[1:])
    return "".join(out)


def name_case(name: str | None, *, inner: bool = False) -> str | None:
    """An outlet name as a name opens: a leading transliterated article capitalized (``al-Bina'`` →
    ``Al-Bina'``); with ``inner``, later articles lowercased (``Asharq Al-Awsat`` → ``Asharq al-Awsat``)."""
    if not name:
        return name
    articles = cues().lower_set("article")
    tokens = re.split(r"(\s+)", name)
    for i, token in enumerate(tokens):
        article, hyphen, rest = token.partition("-")
        if not hyphen or article.lower() not in articles or not rest[:1].isalpha():
            continue
        if i == 0:
            tokens[i] = article[:1].upper() + article[1:] + hyphen + rest
        elif inner:
            tokens[i] = article.lower() + hyphen + rest
    return "".join(tokens)


def decap_description(text: str | None) -> str | None:
    """An all-capitals description in sentence case, nationalities capitalized: ``Opposition weekly``."""
    if not text or not text.isupper():
        return text
    nationalities = cues().lower_set("nationality")
    words = [w.capitalize() if w in nationalities else w for w in text.lower().split()]
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def strip_piece_words(phrase: str) -> str:
    """``Okaz editorial`` → ``Okaz``: words naming the piece, not the outlet, at the end of a phrase."""
    pattern = r"(?:\s*['’]s)?\s+(?:" + cues().pattern("piece_word") + r")\s*$"
    return re.sub(pattern, "", phrase.strip(), flags=re.IGNORECASE) or phrase


# offices written before a writer's name ("an article by Prime Minister Omar Razzaz"); capitalised, as titles are
_OFFICE = r"(?:(?:Former|Deputy|Foreign|Prime)\s+)?(?:Minister|Ambassador|Senator)(?:\s+of\s+[A-Z][a-z]+)?"


def clean_person(name: str | None) -> str | None:
    """An author as written, without a trailing asterisk; None for "Editorial", "Staff" and the like."""
    name = ws(name)
    if not name:
        return None
    name = re.sub(r"^(?:" + cues().pattern("honorific") + r")(?:\s+|(?<=\.))", "", name.rstrip("*").strip(" ,.;:"))
    # a role word written before the name ("Journalist Galal Aref", "الكاتب فهمي هويدي"): the role is no name
    # a conjunction a sentence opened with ("But Khaled Montaser's column"): no part of the name
    name = re.sub(r"^(?:But|And|Yet|So|Also|Meanwhile|However|Then|While)\s+(?=\S+\s+\S)", "", name)
    # ... and an office or a role after the house's acronym ("Prime Minister Omar Razzaz", "MEES Editor-in-Chief
    # Walid Khadduri"; batch 15 build)
    role = re.match(r"(?:[A-Z]{2,6}\s+)?(?:(?i:" + cues().pattern("author_role") + r")|" + _OFFICE
                    + r")\s+(?=\S+\s+\S)", name)
    if role:
        name = name[role.end():]
    # a day or month written after the name ("by Ali al-Tuaimaat Monday accused ..."): no part of it
    name = re.sub(r"(?<=\S)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$", "", name)
    name = decap(name)
    if not name or name.lower() in cues().lower_set("non_author"):
        return None
    return name


def _remembered(function: Callable[[str | None], str | None]) -> Callable[[str | None], str | None]:
    """``function`` of a text remembered (up to 4,096 texts of at most 2,000 characters; ``cache_clear`` empties
    it): a title's language is asked for again at each step of a citation (issue 20)."""
    cached = lru_cache(maxsize=4096)(function)

    @wraps(function)
    def remembered(text: str | None) -> str | None:
        return cached(text) if text is None or len(text) <= 2_000 else function(text)

    remembered.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return remembered


@_remembered
def text_language(text: str | None) -> str | None:
    """ISO 639-1 of a title: by script, then for Latin script by wordfreq word lists (en/fr/es/tr/de/it)."""
    if not text or not any(c.isalpha() for c in text):
        return None
    if is_arabic(text):
        return "fa" if re.search(r"[پچژگ]", text) and not re.search(r"[ةى]", text) else "ar"
    letters = [c for c in text if c.isalpha()]
    if max(letters) >= "\u0370":  # below Greek no letter is Cyrillic or Hebrew: no name to look up (issue 20)
        scripts = {unicodedata.name(c, "").split()[0] for c in letters}
        if scripts == {"CYRILLIC"} or sum("CYRILLIC" in unicodedata.name(c, "") for c in letters) > len(letters) / 2:
            return "ru"
        if sum("HEBREW" in unicodedata.name(c, "") for c in letters) > len(letters) / 2:
            return "he"
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text.lower())
    if not words:
        return None
    english = [zipf_frequency(w, "en") for w in words]
    unknown = sum(z < _UNKNOWN_ZIPF for z in english) / len(words)
    if unknown < _FOREIGN_SHARE and not re.search(r"[^\x00-\x7f’‘“”—–]", text):
        return "en"  # nearly every word is English: no need to load the other word lists
    scores = {lang: sum(zipf_frequency(w, lang) for w in words) for lang in _LATIN_LANGUAGES}
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    return "en" if scores["en"] >= scores[best] - 0.5 else best


def split_title(region: str) -> tuple[str | None, str | None]:
    """``(title_original, title_english)`` from a title as printed.

    ``Arabic headline (English headline)`` gives both; an English-only title gives only the English; a
    title in another language gives only the original.
    """
    region = strip_quotes(ws(region) or "")
    if not region:
        return None, None
    if region.endswith(")"):
        opening = _matching_open(region, len(region) - 1)
        if opening > 0:
            original = strip_quotes(region[:opening])
            english = strip_quotes(region[opening + 1:-1])
            lang_original, lang_english = text_language(original), text_language(english)
            if original and english and lang_english == "en" and lang_original not in (None, "en"):
                return original, english
    return (None, region) if text_language(region) == "en" else (region, None)


def _matching_open(text: str, close: int) -> int:
    depth = 0
    for i in range(close, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                return i
    return -1


def top_level_split(text: str, separator: str = ",") -> list[tuple[int, int]]:
    """Spans of ``text`` between separators that stand outside parentheses and brackets."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif (ch == separator or (separator == "," and ch == "،")) and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


def trailing_paren(text: str) -> tuple[str, str | None]:
    """``Outlet (description)`` → ``("Outlet", "description")``; without a final group, ``(text, None)``."""
    stripped = text.rstrip(" \t\n.,;،؛")
    if stripped.endswith(")"):
        opening = _matching_open(stripped, len(stripped) - 1)
        if opening > 0:
            return stripped[:opening].rstrip(), stripped[opening + 1:-1].strip()
    return stripped, None


@cache
def _language_marker() -> re.Pattern[str]:
    return re.compile(r"\(\s*(" + cues().pattern("language_marker") + r")\s*\)", re.IGNORECASE)


def language_marker(text: str) -> tuple[str, str | None]:
    """``Outlet (in Arabic)`` → ``("Outlet", "ar")``."""
    m = _language_marker().search(text)
    if not m:
        return text, None
    return (text[:m.start()] + text[m.end():]).strip(), cues().value("language_marker", ws(m.group(1)) or "")


def may_hold_url(text: str) -> bool:
    """False only where :data:`URL` finds nothing: each of its matches holds ``://`` or ``www.`` (in any case; no
    letter of ``www`` has another case fold). A screen before the pattern (issue 20)."""
    return "://" in text or "www." in text.lower()


def date_at_end(text: str, *, lang: str | None = None) -> DateResult | None:
    """The last publication date of ``text`` when only punctuation, a URL or an access date follows it."""
    masked = URL.sub(lambda m: " " * len(m.group()), text) if may_hold_url(text) else text
    for result in reversed(_dates(masked, _order_lang(lang))):
        if result.role is not None or result.end is None:
            continue
        rest = masked[result.end:]
        if re.fullmatch(r"[\s.,;:،؛)\]”\"’'»]*(?:(?:retrieved|accessed|archived|updated)\b.*)?", rest,
                        re.IGNORECASE | re.DOTALL):
            return result
        return None
    return None


def publication_dates(text: str, *, lang: str | None = None) -> list[DateResult]:
    """Dates of ``text`` that are not access/archive dates."""
    return [d for d in _dates(text, _order_lang(lang)) if d.role is None]


def _order_lang(lang: str | None) -> str | None:
    """The language that may settle numeric date order: not plain English (a US and a British page both
    write it), so an English ``10/05/2022`` comes back ambiguous and the document decides (issue 15)."""
    return None if lang == "en" else lang


def dates_of(text: str, lang: str | None = None) -> tuple[DateResult, ...]:
    """``find_dates(text, context_lang=lang)``, remembered per line as the parser reads it (issue 20): a caller
    in the parser asks here, so a line read twice is read once."""
    return _dates(text, lang)


def _dates(text: str, lang: str | None) -> tuple[DateResult, ...]:
    """``find_dates`` remembered: the parser reads the same line's dates several times (issue 20). A line over
    2,000 characters is not remembered: a long text's one line (100,000 characters per part, issue #13) would
    make the cache hold hundreds of MB."""
    return _cached_dates(text, lang) if len(text) <= 2_000 else tuple(find_dates(text, context_lang=lang))


@lru_cache(maxsize=4096)
def _cached_dates(text: str, lang: str | None) -> tuple[DateResult, ...]:
    return tuple(find_dates(text, context_lang=lang))


def looks_like_name(text: str | None, *, max_words: int = 10) -> bool:
    """An outlet or person name: starts with a capital, digit or Arabic letter, is short, is not a sentence."""
    text = ws(text)
    if not text or len(text.split()) > max_words:
        return False
    first = text.lstrip("(\"'“‘«")[:1]
    if not first:
        return False
    if is_arabic(text):
        return True
    if re.match(article_prefix() + "[A-Z]", text):
        return True
    return first.isupper() or first.isdigit()


@cache
def article_prefix() -> str:
    """A regex for a transliterated Arabic article glued by a hyphen (``al-``, ``ash-``, ``el-``): the
    one-word ``article`` cues of ``data/citation_cues.tsv`` (English "the" left out)."""
    words = [w for w in cues().words("article") if w.isalpha() and w.lower() != "the"]
    # "Al- Thawra": some pages print a space after the hyphen (issue 15)
    return "(?:" + "|".join(map(re.escape, words)) + ")[-‐](?: (?=[A-Z]))?"

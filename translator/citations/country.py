"""Which country a cited paper is from, when its name is shared (issue 15, session 8).

Many Arab papers share a name: الوطن is a daily in Syria, Saudi Arabia, Qatar, Bahrain and Oman; المساء in Algeria
and Morocco; الرأي in Jordan and Kuwait; النهار in Lebanon and Algeria.  Press reviews say which one in two ways,
and the registry (:meth:`OutletRegistry.resolve`) takes either as a hint:

- a country adjective after the name, Arabic or English: ``صحيفة “الرأي” الكويتية``, ``the Kuwaiti daily Al-Rai``.
  The registry's own hint reader knows the English adjectives (``citation_cues.tsv``); the Arabic ones come from
  ``translator/data/nationalities.tsv`` (masculine with the article; the feminine adds ة), so
  :func:`country_hint` adds the English country to the hint;
- the page: ``أسرار الصحف اللبنانية الصادرة اليوم``, ``تناولت الصحف القطرية``, ``Lebanese press digest``.  A review
  phrase names the papers' country for what follows it (:func:`review_countries`); failing that, the country most
  of the page's unambiguous papers come from (:func:`majority_country`).  A paper's own adjective beats the page.

The result is the hint string given to the registry; the registry then scores each namesake by it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import cache

from translator.citations.cues import cues
from translator.datafiles import read_tsv

__all__ = ["arabic_country", "country_at", "country_hint", "majority_country", "review_countries"]

# nationalities.tsv writes the English country as agencies do; the outlet registry and its hint reader write these
_REGISTRY_NAMES = {"Britain": "UK", "United States": "USA"}
# city adjectives that place a paper as surely as a country's: "العرب اللندنية", "النهار البيروتية"
_CITY_ADJECTIVES = {"اللندني": "UK", "البيروتي": "Lebanon", "القاهري": "Egypt", "الدمشقي": "Syria",
                    "البغدادي": "Iraq", "العماني": "Oman"}
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


@cache
def _adjectives() -> dict[str, str]:
    """Arabic country adjective (masculine, with the article, folded) -> the country as the registry writes it."""
    known = {cues().value("nationality", w) for w in cues().words("nationality")}
    table: dict[str, str] = {}
    for row in read_tsv("nationalities.tsv"):
        country = _REGISTRY_NAMES.get(row["country_name"], row["country_name"])
        if country not in known:
            continue  # a country no registry hint can use
        for form in row["arabic"].split("|"):
            if " " not in form.strip():
                table[_fold(form.strip())] = country
    for form, country in _CITY_ADJECTIVES.items():
        table.setdefault(_fold(form), country)
    return table


def _fold(word: str) -> str:
    word = word.replace("\u0640", "")  # tatweel
    word = re.sub("[أإآ]", "ا", word)
    if word.endswith(("ة", "ه")) and len(word) > 4:
        word = word[:-1]  # the feminine adjective: اللبنانية -> اللبناني
    elif word.endswith(("يتان", "يتين")) and len(word) > 7:
        word = word[:-3]  # the dual of two papers: "صحيفتا الراية والوطن القطريتان" -> القطري (session 9)
    return word


def arabic_country(word: str) -> str | None:
    """The country an Arabic adjective names (``الكويتية``, ``والقطرية``, ``اللندنية``), as the registry writes it;
    None for any other word.  Source: ``nationalities.tsv`` (issue 16's table of Arabic country adjectives)."""
    word = word.strip()
    if word[:1] in "وف" and word[1:3] == "ال":
        word = word[1:]  # a clitic conjunction: "والقطرية"
    if not word.startswith("ال"):
        return None
    return _adjectives().get(_fold(word))


def _named_countries(text: str) -> list[str]:
    return [c for c in (arabic_country(w) for w in _ARABIC_WORD.findall(text)) if c]


def country_hint(leaning: str | None, page_country: str | None = None) -> str | None:
    """The hint to resolve a shared name with: the paper's description, plus the English country of any Arabic
    country adjective in it (``الكويتية`` -> ``Kuwait``); when the description names no country, the page's.

        >>> country_hint("الكويتية")
        'الكويتية Kuwait'
        >>> country_hint(None, "Lebanon")
        'Lebanon'
    """
    named = _named_countries(leaning or "")
    if named:
        return " ".join([leaning or "", *dict.fromkeys(named)]).strip()
    if page_country and not _english_country(leaning or ""):
        return " ".join(filter(None, [leaning, page_country]))
    return leaning


def _english_country(text: str) -> bool:
    from translator.glossary.outlet_registry import _hint_countries

    return bool(text) and bool(_hint_countries(text.lower()))


# "الصحف اللبنانية", "صحف الكويت" is left out (a country's name says where the papers are read, not only where
# they come from); "Lebanese press", "Iraqi newspapers"
_AR_REVIEW = re.compile(r"(?:^|[\s(«\"“])(?:[وف]?(?:ال)?صحف|[وف]?(?:ال)?صحافة|[وف]?(?:ال)?جرائد|[وف]?(?:ال)?يوميات)"
                        r"\s+(?P<adj>ال[\u0621-\u064a]+(?:ية|يه))(?=[\s،,.:)»\"”]|$)")
_EN_REVIEW = re.compile(r"\b(?P<adj>[A-Z][a-z]+)\s+(?:press|papers|newspapers|dailies)\b")


# what a match of each pattern holds as written: a text without any of these is not searched (issue 20: the
# patterns begin with an alternation the regex engine tries at every character of the whole document)
_AR_REVIEW_WORDS = ("صحف", "صحافة", "جرائد", "يوميات")
_EN_REVIEW_WORDS = ("press", "papers", "dailies")


def review_countries(text: str) -> list[tuple[int, str]]:
    """Where the text names the country of the papers it reviews, in order: (offset, country)."""
    found: list[tuple[int, str]] = []
    for m in _AR_REVIEW.finditer(text) if any(w in text for w in _AR_REVIEW_WORDS) else ():
        country = arabic_country(m.group("adj"))
        if country:
            found.append((m.start("adj"), country))
    c = cues()
    for m in _EN_REVIEW.finditer(text) if any(w in text for w in _EN_REVIEW_WORDS) else ():
        country = c.value("nationality", m.group("adj"))
        if country:
            found.append((m.start("adj"), country))
    return sorted(found)


def country_at(found: list[tuple[int, str]], offset: int) -> str | None:
    """The country of the last review phrase at or before ``offset`` (None when there is none)."""
    i = bisect_right(found, (offset, "\uffff"))
    return found[i - 1][1] if i else None


def majority_country(countries: Iterable[str | None]) -> str | None:
    """The country of at least two of a page's unambiguous papers and of at least two thirds of them; else None."""
    counts = Counter(c for c in countries if c)
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n >= 2 and 3 * n >= 2 * sum(counts.values()) else None

"""The outlet registry (who published a cited article) and its outlet names as glossary entries.

The registry itself (:class:`OutletRegistry`, frozen; :class:`UnknownOutlets`, the per-call record of names it
does not know) is implemented in ``outlet_registry.py`` and exported from here, its public home
(``translator.outlets`` was its old path).

Glossary entries from the registry:

Many Arabic outlet names are ordinary words or phrases (الوطن "the homeland", الأيام "the days",
روسيا اليوم "Russia today", بغداد اليوم "Baghdad today"). Such names get the ``quoted`` flag: they match
only inside quotes/brackets or after a word such as صحيفة/قناة/وكالة. A name counts as ordinary when every
word in it is common in Arabic (wordfreq Zipf frequency at or above the thresholds below) and none is a
transliterated letter (بي بي سي); names starting with صحيفة/قناة... are distinctive as written.
Names that several outlets share (الوطن is a daily in Syria, Qatar, Oman...) are left out: the registry's
country-specific spellings (الوطن السورية) still match.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from typing import Any

from ..errors import TranslatorError
from ..text.arabic import fold
from ..wordfreq_index import zipf_frequency
from .entry import GlossaryEntry, GlossaryProblem
from .match import outlet_words
from .outlet_registry import COLUMNS, Outlet, OutletMatch, OutletRegistry, UnknownOutlets, arabic_key, latin_key

__all__ = ["COLUMNS", "Outlet", "OutletMatch", "OutletRegistry", "UnknownOutlets", "arabic_key",
           "displaced_outlet_entries", "is_ordinary", "latin_key", "outlet_country", "outlet_entries"]

REGISTRY = "outlet registry"
# Zipf 3 = once per million words. A one-word name is ordinary from there; in a longer name every word
# must be really common (4.5), because transliterated names (سكاي نيوز) are frequent in news text too.
SINGLE_WORD_COMMON = 3.0
PHRASE_WORD_COMMON = 4.5


def outlet_entries() -> tuple[list[GlossaryEntry], list[GlossaryProblem]]:
    """One ``outlet`` entry per registry outlet with an Arabic name (its Arabic variants as variants)."""
    try:
        registry = OutletRegistry.load()
    except TranslatorError as exc:
        return [], [GlossaryProblem(REGISTRY, 0, "outlets", f"{exc} Outlet names are matched only from the "
                                    "glossary files.", "warning")]
    path = str((getattr(registry, "sources", None) or [REGISTRY])[-1])
    shared = _shared_names(registry)
    entries = []
    for number, outlet in enumerate(registry, start=1):
        arabic = [a for a in outlet.arabic_variants if fold(a) not in shared]
        if not arabic:
            continue
        latin = tuple(a for a in outlet.latin_names if a != outlet.canonical)
        # distinctive spellings go in one entry, ordinary-word spellings in a second, quoted one
        plain = [a for a in arabic if not is_ordinary(a)]
        ordinary = [a for a in arabic if is_ordinary(a)]
        for group, flags in ((plain, ()), (ordinary, ("quoted",))):
            if group:
                entries.append(GlossaryEntry(group[0], outlet.canonical, "outlet", tuple(group[1:]),
                                             outlet.description or "", latin, path, number, flags))
    return entries, []


def displaced_outlet_entries(outlets: Iterable[GlossaryEntry], merged: Iterable[GlossaryEntry]) -> list[GlossaryEntry]:
    """For each ``quoted`` outlet entry of ``outlets`` whose spelling a higher file took over with another
    rendering (الشرق الأوسط: the Middle East in ``places.tsv``, the paper Asharq Al-Awsat in the registry), an
    entry for the outlet after a word that introduces one (``outlet_words.tsv``: صحيفة الشرق الأوسط, صحيفتي
    الشرق الأوسط): the higher file still wins on the bare phrase, the outlet is still found where the text
    says it is one. Spellings ``merged`` already holds are left out; returns ``[]`` when none was displaced."""
    from ..text.arabic import data_table

    merged = list(merged)
    kept = {fold(e.source): e for e in merged}
    held = {fold(s) for e in merged for s in (e.source, *e.variants)}
    leads = [row["word"] for row in data_table("outlet_words.tsv")]
    found = []
    for entry in outlets:
        if "quoted" not in entry.flags or kept.get(fold(entry.source)) is entry:
            continue
        if fold(entry.source) not in kept:  # not displaced: left out for another reason
            continue
        forms = [f"{lead} {name}" for name in (entry.source, *entry.variants) for lead in leads]
        forms = [f for f in dict.fromkeys(forms) if fold(f) not in held]
        if forms:
            held.update(fold(f) for f in forms)
            found.append(replace(entry, source=forms[0], variants=tuple(forms[1:]),
                                 flags=tuple(f for f in entry.flags if f != "quoted")))
    return found


def _shared_names(registry: Iterable[Any]) -> set[str]:
    """Arabic names that several outlets carry (الوطن: Syria, Qatar, Oman...): no glossary can pick one."""
    owners: dict[str, set[str]] = {}
    for outlet in registry:
        for name in outlet.arabic_variants:
            owners.setdefault(fold(name), set()).add(outlet.canonical)
    return {name for name, canonical in owners.items() if len(canonical) > 1}


@cache
def is_ordinary(name: str) -> bool:
    """True when an Arabic name reads as everyday words (see the module docstring)."""
    words = name.split()
    normalized = tuple(fold(name).split())
    if not words or any(normalized[: len(lead)] == lead for lead in outlet_words()):
        return False
    threshold = SINGLE_WORD_COMMON if len(words) == 1 else PHRASE_WORD_COMMON
    return all(len(fold(w)) > 2 and zipf_frequency(w, "ar") >= threshold for w in words)


def outlet_country(outlet: str | None = None, url: str | None = None) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country of a document's outlet, from the registry: by the URL's host
    (a registry ``domain``: ``https://www.aljazeera.net/news/…`` → QA), else by the outlet's name; None when
    the registry does not know it. :meth:`Glossary.match` takes it to romanize names the way that country's
    press does."""
    from urllib.parse import urlsplit

    if url:
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        domains = _domains()
        parts = host.split(".")
        for k in range(len(parts) - 1):  # news.radioalgerie.dz → radioalgerie.dz
            code = domains.get(".".join(parts[k:]))
            if code:
                return code
    if outlet:
        try:
            found = _registry().lookup(outlet)
        except TranslatorError:
            return None
        return _country_code(found.country) if found is not None else None
    return None


@cache
def _registry() -> OutletRegistry:
    return OutletRegistry.load()


@cache
def _domains() -> dict[str, str]:
    try:
        registry = _registry()
    except TranslatorError:
        return {}
    found: dict[str, str] = {}
    for outlet in registry:
        code = _country_code(outlet.country)
        if outlet.domain and code:
            found.setdefault(outlet.domain.lower().removeprefix("www."), code)
    return found


@cache
def _country_code(name: str | None) -> str | None:
    """``Lebanon`` → ``LB`` (pycountry's names, official names and common names), None when unknown."""
    if not name:
        return None
    import pycountry

    try:
        return pycountry.countries.lookup(name.strip()).alpha_2
    except LookupError:
        return None

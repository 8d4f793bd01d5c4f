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
Names that several outlets share (الوطن is a daily in Syria, Qatar, Oman...; الدستور in Jordan and Egypt) get one
entry flagged ``shared`` that lists its owners; the registry's country-specific spellings (الوطن السورية) match as
before. :func:`resolve_shared` settles such a match where :meth:`Glossary.match` knows enough, and never guesses:
1. the document's country (its outlet's, ``country=``) is the country of exactly one owner: that outlet;
2. else the countries of the places and of the other outlets the text names hold exactly one owner: that outlet;
3. else all owners write the name alike in English (one :func:`rendering_family`: Al-Watan, El Watan): that
   rendering, every owner's form accepted;
4. else the match is ``ambiguous``: ``candidates`` lists every owner's English name, and it is not enforced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from ..errors import TranslatorError
from ..text.arabic import fold
from ..wordfreq_index import zipf_frequency
from .entry import GlossaryEntry, GlossaryProblem, TermMatch
from .match import entry_media, medium_fits, outlet_word_media, outlet_words
from .outlet_registry import COLUMNS, Outlet, OutletMatch, OutletRegistry, UnknownOutlets, arabic_key, latin_key

__all__ = ["COLUMNS", "Outlet", "OutletMatch", "OutletRegistry", "UnknownOutlets", "arabic_key",
           "displaced_outlet_entries", "is_ordinary", "latin_key", "outlet_country", "outlet_entries", "outlet_media",
           "rendering_family", "resolve_shared", "shared_owners"]

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
    entries = _shared_entries(registry, shared, path)
    for number, outlet in enumerate(registry, start=1):
        arabic = [a for a in outlet.arabic_variants if fold(a) not in shared]
        arabic += [b for b in map(_head_without_article, arabic) if b and b not in arabic and fold(b) not in shared]
        if not arabic:
            continue
        latin = tuple(a for a in outlet.latin_names if a != outlet.canonical)
        # distinctive spellings go in one entry, ordinary-word spellings in a second, quoted one
        plain = [a for a in arabic if not is_ordinary(a)]
        ordinary = [a for a in arabic if is_ordinary(a)]
        media = _media_flag(outlet_media(outlet.type))
        for group, flags in ((plain, media), (ordinary, ("quoted", *media))):
            if group:
                entries.append(GlossaryEntry(group[0], outlet.canonical, "outlet", tuple(group[1:]),
                                             outlet.description or "", latin, path, number, flags))
    return entries, []


def _head_without_article(name: str) -> str | None:
    """``name`` with the article of its head dropped, when the head is an outlet word and an adjective with its own
    article follows (``الوكالة الوطنية للإعلام`` → ``وكالة الوطنية للإعلام``, as Lebanese and Syrian news write
    the agencies' names); None for any other name."""
    words = name.split()
    if len(words) < 2 or not words[0].startswith("ال") or not words[1].startswith("ال"):
        return None
    head = words[0][2:]
    if (fold(head),) not in outlet_word_media():
        return None
    return " ".join([head, *words[1:]])


# The registry's ``type`` words (``TV/web``, ``state news agency``, ``party daily``) and the kind of outlet each names.
_MEDIA = {"daily": "newspaper", "weekly": "newspaper", "tri-weekly": "newspaper", "monthly": "newspaper",
          "magazine": "newspaper", "newspaper": "newspaper", "paper": "newspaper", "tv": "tv", "television": "tv",
          "channel": "tv", "radio": "radio", "agency": "agency", "web": "web", "website": "web", "site": "web"}


def outlet_media(kind: str | None) -> frozenset[str]:
    """The kinds of outlet a registry ``type`` names, as ``outlet_words.tsv``'s ``medium`` column writes them:
    ``"TV/web"`` → {tv, web}, ``"state news agency"`` → {agency}, ``"daily (closed)"`` → {newspaper}; empty when
    the type is missing or names none of them (then any outlet word may introduce the outlet)."""
    words = re.findall(r"[a-z-]+", (kind or "").casefold())
    return frozenset(_MEDIA[w] for w in words if w in _MEDIA)


def _media_flag(media: frozenset[str]) -> tuple[str, ...]:
    return (f"media={','.join(sorted(media))}",) if media else ()


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
        media = entry_media(entry.flags)
        forms = [f"{lead} {name}" for name in (entry.source, *entry.variants) for lead in leads
                 if medium_fits(tuple(fold(lead).split()), media)]
        forms = [f for f in dict.fromkeys(forms) if fold(f) not in held]
        if forms:
            held.update(fold(f) for f in forms)
            found.append(replace(entry, source=forms[0], variants=tuple(forms[1:]),
                                 flags=tuple(f for f in entry.flags if f != "quoted")))
    return found


# What a ``shared`` entry's note starts with; the owners follow as ``English name [country code]``, ``; ``-separated.
_SHARED_NOTE = "shared by: "


def _shared_entries(registry: Iterable[Any], shared: set[str], path: str) -> list[GlossaryEntry]:
    """One ``shared`` entry per Arabic name several registry outlets carry (see the module docstring): its target
    is the owners' common rendering when they have one (the first owner's name less its ``(Country)``), else
    the first owner's name; every owner's name is an accepted target variant; the note lists the owners with
    their country codes (read back by :func:`shared_owners`)."""
    owners: dict[str, list[tuple[int, Any]]] = {}
    spellings: dict[str, list[str]] = {}
    for number, outlet in enumerate(registry, start=1):
        for name in outlet.arabic_variants:
            key = fold(name)
            if key in shared:
                if outlet not in [o for _, o in owners.get(key, [])]:
                    owners.setdefault(key, []).append((number, outlet))
                if name not in spellings.setdefault(key, []):
                    spellings[key].append(name)
    entries = []
    for key, found in owners.items():
        names = [o.canonical for _, o in found]
        families = {rendering_family(n) for n in names}
        target = _bare(names[0]) if len(families) == 1 else names[0]
        variants = tuple(dict.fromkeys(v for n in names for v in (n, _bare(n)) if v != target))
        note = _SHARED_NOTE + "; ".join(f"{o.canonical} [{_owner_code(o.country) or ''}]"
                                        for _, o in found)
        group = spellings[key]
        media = _media_flag(frozenset().union(*(outlet_media(o.type) for _, o in found)))
        flags = (("quoted", "shared") if any(is_ordinary(a) for a in group) else ("shared",)) + media
        entries.append(GlossaryEntry(group[0], target, "outlet", tuple(group[1:]), note, variants, path,
                                     found[0][0], flags))
    return entries


def shared_owners(entry: GlossaryEntry) -> list[tuple[str, str | None]]:
    """The owners of a ``shared`` outlet entry as ``(English name, ISO country code or None)``, registry order;
    ``[]`` for any other entry."""
    if "shared" not in entry.flags or not entry.note.startswith(_SHARED_NOTE):
        return []
    owners = []
    for part in entry.note[len(_SHARED_NOTE):].split("; "):
        name, _, code = part.rpartition(" [")
        owners.append((name, code.rstrip("]") or None))
    return owners


def resolve_shared(matches: Sequence[TermMatch], country: str | None, countries: Iterable[str]) -> list[TermMatch]:
    """``matches`` with each match of a ``shared`` outlet name settled (the module docstring's steps 1–4):
    ``country``: the document's outlet's ISO code (or None); ``countries``: the codes of the places the text
    names (the countries of the other registry outlets among ``matches`` are added). A match settled on one
    owner renders that owner's registry name less its ``(Country)``, and its note names the owner; an unsettled
    one keeps the common rendering, or, when the owners' renderings differ, reports ``candidates`` and is not
    enforced. Returns a new list (the same matches where no shared name occurs)."""
    if not any(m.entry is not None and "shared" in m.entry.flags for m in matches):
        return list(matches)
    places = set(countries)
    # the other outlets the text names are neighbours too (صحف الخبر، الشروق: with El Khabar, Algeria's Echorouk)
    places |= {outlet_country(outlet=m.target) for m in matches
               if m.type == "outlet" and m.entry is not None and "shared" not in m.entry.flags} - {None}
    out = []
    settled: dict[tuple[int, str], GlossaryEntry] = {}  # one entry per outcome: a report groups matches by entry
    for m in matches:
        owners = shared_owners(m.entry) if m.entry is not None else []
        if not owners:
            out.append(m)
            continue
        chosen = [o for o in owners if country and o[1] == country]
        if len(chosen) != 1:
            chosen = [o for o in owners if o[1] in places]
        if len(chosen) == 1:
            name, code = chosen[0]
            target = _bare(name)  # Al-Watan, not the registry's "Al-Watan (Syria)"
            family = rendering_family(name)  # the other owners' names are accepted only when written alike
            others = tuple(dict.fromkeys(v for v in (name, *m.entry.targets)
                                         if v != target and rendering_family(v) == family))
            entry = settled.setdefault((id(m.entry), name), replace(
                m.entry, target=target, target_variants=others, note=f"{name} [{code}]"))
            out.append(replace(m, target=target, entry=entry))
        elif len({rendering_family(o[0]) for o in owners}) == 1:
            out.append(m)
        else:
            candidates = tuple(dict.fromkeys(o[0] for o in owners))
            entry = settled.setdefault((id(m.entry), ""), replace(m.entry, flags=(*m.entry.flags, "no-enforce")))
            out.append(replace(m, candidates=candidates, entry=entry))
    return out


_ARTICLE = re.compile(r"^(?:the\s+)?(?:[ae]l[- ]?|[ae][a-z]h?[- ]|[ae](?=([a-z])\1))")


def rendering_family(name: str) -> str:
    """A key equal for English renderings of one Arabic name that differ only in the article and doubled letters
    (``Al-Watan (Syria)``, ``El Watan``, ``Al Watan`` → ``watan``; ``Al-Ayyam``, ``Al-Ayam`` → ``ayam``;
    ``An-Nahar``, ``Ennahar`` → ``nahar``), and different where the vowels or letters differ (``Ad-Dustour``
    ``dustour``, ``Al-Dostor`` ``dostor``)."""
    text = _bare(name).lower()
    text = _ARTICLE.sub("", text)
    text = re.sub(r"[^a-z]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


def _bare(name: str) -> str:
    """A registry name less its ``(Country)`` qualifier: ``Al-Watan (Syria)`` → ``Al-Watan``."""
    return re.sub(r"\s*\([^)]*\)", "", name).strip() or name


def _country_part(country: str | None) -> str | None:
    """The country of a registry row's ``country`` field: ``Palestine (Ramallah)`` → ``Palestine``, ``UAE (Dubai)
    / Saudi-owned`` → ``UAE``."""
    if not country:
        return None
    return re.split(r"[(/]", country)[0].strip() or None


@cache
def _owner_code(country: str | None) -> str | None:
    """The ISO code of a registry row's ``country`` field (``Palestine (Ramallah)`` → PS, ``UAE (Dubai) /
    Saudi-owned`` → AE): pycountry's look-up of the country part, else the first of its fuzzy search."""
    part = _country_part(country)
    code = _country_code(part)
    if code is None and part:
        known = _registry_codes().get(part)
        return known[1] if known is not None else _fuzzy_country_code(part)
    return code


def _shared_names(registry: Iterable[Any]) -> set[str]:
    """Arabic names that several outlets carry (الوطن: Syria, Qatar, Oman...): one ``shared`` entry each
    (:func:`_shared_entries`), settled per match by :func:`resolve_shared`."""
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
    known = _registry_codes().get(name)
    return known[0] if known is not None else _exact_country_code(name)


def _exact_country_code(name: str) -> str | None:
    """pycountry's look-up of ``name`` (names, official names, common names, codes), None when unknown."""
    import pycountry

    try:
        return pycountry.countries.lookup(name.strip()).alpha_2  # type: ignore[no-any-return]
    except LookupError:
        return None


def _fuzzy_country_code(name: str) -> str | None:
    """The first country of pycountry's fuzzy search for ``name``, None when it finds none."""
    import pycountry

    try:
        return pycountry.countries.search_fuzzy(name)[0].alpha_2  # type: ignore[no-any-return]
    except LookupError:
        return None


@cache
def _registry_codes() -> dict[str, tuple[str | None, str | None]]:
    """For each registry ``country`` field and its country part (:func:`_country_part`): (pycountry's look-up,
    its fuzzy search where the look-up finds nothing), kept in the disk cache (issue 20: start-up). pycountry
    loads its tables at the first question and its fuzzy search reads every subdivision of the world: ≈ 0.15–0.2
    CPU s of every batch's start for the same few answers. The key holds pycountry's version, this module's
    source and the names asked, so the answers are pycountry's own; a name outside the table is asked of
    pycountry directly."""
    from pathlib import Path

    from ..diskcache import cached, fingerprint, package_version

    try:
        registry = _registry()
    except TranslatorError:
        return {}
    names = sorted({n for o in registry for n in (o.country, _country_part(o.country)) if n})

    def build() -> dict[str, tuple[str | None, str | None]]:
        table = {}
        for name in names:
            exact = _exact_country_code(name)
            table[name] = (exact, None if exact is not None else _fuzzy_country_code(name))
        return table

    key = fingerprint(package_version("pycountry"), Path(__file__), "\n".join(names))
    return cached("country-codes", key, build)

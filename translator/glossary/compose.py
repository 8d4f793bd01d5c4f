"""Organisation names made of a head and a complement (issue 16): the ``composed`` layer of the term base.

Arabic news names most ministries, ministers and many bodies by composition: وزارة/وزير + a portfolio
(وزارة الداخلية → Interior Ministry), often with the country's adjective (وزير الخارجية التركي → Turkish
Foreign Minister; الخارجية التركية, without the head → Turkish Foreign Ministry), or a head + a country
(وكالة الأنباء الكويتية → Kuwait News Agency, بنك الجزائر → Bank of Algeria, مصرف ليبيا المركزي → Central Bank
of Libya). One entry per organisation cannot keep up; three data files can:

- ``data/org_heads.tsv``: head words, what complement they take, and the English patterns;
- ``data/org_portfolios.tsv``: portfolios with the ministry and minister forms of English-language news and
  their accepted variants (so QA and enforcement accept ``Ministry of the Interior`` as well);
- ``data/nationalities.tsv``: country adjectives (Arabic masculine; the feminine adds ة) with the English
  adjective and country name.

Places come from the glossary's own place entries (``glossary/places.tsv``), so an English place name is
the glossary's. :func:`composed_entries` returns plain :class:`GlossaryEntry` rows of layer ``composed``;
the glossary puts them under its own entries (a shipped or user row with the same Arabic wins).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from ..text.arabic import data_table, fold
from .entry import GlossaryEntry

__all__ = ["LAYER", "composed_entries"]

LAYER = "composed"
_FILE = "translator/data/org_heads.tsv"


@dataclass(frozen=True)
class _Part:
    arabic: tuple[str, ...]  # spellings
    values: dict[str, tuple[str, ...]]  # placeholder → English forms, the preferred first


@cache
def _portfolios() -> tuple[_Part, ...]:
    rows = data_table("org_portfolios.tsv")
    return tuple(_Part((r["arabic"],), {"ministry": _forms(r["ministry"], r["ministry_variants"]),
                                        "minister": _forms(r["minister"], r["minister_variants"]),
                                        "subject": _subjects(r["ministry"], r["ministry_variants"])}) for r in rows)


def _subjects(first: str, variants: str | None) -> tuple[str, ...]:
    """The portfolio's subject, from its ministry forms that end in "Ministry" (Health Ministry → Health; Social
    Solidarity Ministry → Social Solidarity): what a directorate of that portfolio is named by (Health Directorate)."""
    return tuple(dict.fromkeys(f.removesuffix(" Ministry") for f in _forms(first, variants) if f.endswith(" Ministry")))


@cache
def _nationalities() -> tuple[tuple[_Part, str], ...]:
    """(part with masculine spellings, country code)."""
    rows = data_table("nationalities.tsv")
    return tuple((_Part(tuple(s for s in r["arabic"].split("|") if s),
                        {"adjective": (r["adjective"],), "country": (r["country_name"],)}), r["country"])
                 for r in rows)


def _forms(first: str, variants: str | None) -> tuple[str, ...]:
    return (first, *(v for v in (variants or "").split("|") if v and v != first))


def _feminine(spelling: str) -> str:
    return spelling + "ة"


def composed_entries(places: Iterable[GlossaryEntry] = (),
                     kinds_of: Callable[[str], Collection[str]] | None = None) -> list[GlossaryEntry]:
    """The composed names (layer ``composed``), from the data files and ``places`` (glossary entries of type
    ``place``: their Arabic spellings and English target). ``kinds_of`` tells the kinds a place name may be
    (``country``, ``subdivision``, ``city``: the gazetteer's candidates) from its matching form, for heads that
    take one kind (a country; a city that is no country: جامعة القاهرة, not جامعة الجزائر); without it such
    a head takes no place. Each entry's ``note`` says how it was composed."""
    place_parts = [(_Part((e.source, *e.variants), {"place": (e.target,)}), fold(e.source))
                   for e in places if e.type == "place"]
    out: dict[str, GlossaryEntry] = {}
    for row in data_table("org_heads.tsv"):
        head = "" if row["head"] == "-" else row["head"]
        for spellings, values, how in _complements(row, place_parts, kinds_of):
            patterns = [row["target"], *(p for p in (row.get("target_variants") or "").split("|") if p)]
            targets = list(dict.fromkeys(t for p in patterns for t in _fill(p, values)))
            sources = [" ".join(w for w in (head, s, row.get("after") or "") if w) for s in spellings]
            key = fold(sources[0])
            if key in out or len(sources[0].split()) < 2:
                continue
            out[key] = GlossaryEntry(sources[0], targets[0], row["type"], variants=tuple(sources[1:]),
                                     note=f"composed: {row['head']} + {how} ({_FILE})",
                                     target_variants=tuple(targets[1:]), layer=LAYER)
    return list(out.values())


def _complements(row: dict[str, str], place_parts: list[tuple[_Part, str]],
                 kinds_of: Callable[[str], str | None] | None) -> Iterator[tuple[list[str], dict, str]]:
    """(Arabic spellings of the complement, placeholder values, description) for one head row."""
    feminine = row["gender"] == "f"
    complement = row["complement"]
    if complement == "portfolio":
        for part in _portfolios():
            yield list(part.arabic), part.values, part.arabic[0]
    elif complement == "nationality":
        for part, code in _nationalities():
            yield [_feminine(s) if feminine else s for s in part.arabic], part.values, code
    elif complement == "portfolio+nationality":
        for portfolio in _portfolios():
            for part, code in _nationalities():
                spellings = [f"{p} {_feminine(s) if feminine else s}" for p in portfolio.arabic for s in part.arabic]
                yield spellings, {**portfolio.values, **part.values}, f"{portfolio.arabic[0]} + {code}"
    elif complement == "place":
        wanted = row.get("places") or "any"
        for part, form in place_parts:
            if wanted != "any":
                kinds = kinds_of(form) if kinds_of is not None else ()
                if wanted not in kinds or (wanted != "country" and "country" in kinds):
                    continue
            yield list(part.arabic), part.values, part.values["place"][0]


def _fill(pattern: str, values: dict[str, tuple[str, ...]]) -> list[str]:
    """Every filling of ``pattern`` with the forms in ``values`` (the preferred forms first)."""
    filled = [pattern]
    for name, forms in values.items():
        slot = "{" + name + "}"
        if any(slot in f for f in filled):
            filled = [f.replace(slot, form) for f in filled for form in forms]
    return [f for f in filled if "{" not in f]

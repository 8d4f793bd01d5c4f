"""The merged term base a run uses, in layers (issue 16), highest first: the user's own files, the shipped
glossary files + outlet registry, names composed from heads and complements (:mod:`.compose`: ministries,
ministers, news agencies, central banks), the generated gazetteer (``glossary/gazetteer/places.tsv``)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields, replace
from pathlib import Path

from .. import datafiles
from ..config import glossary_dirs
from ..diskcache import cached, fingerprint, folding_inputs
from ..errors import GlossaryError
from ..text.arabic import fold
from .compose import composed_entries
from .document import DocumentNames, _surname_alone, with_document
from .entry import GlossaryEntry, GlossaryProblem, SpanIndex, TermMatch
from .facilities import compose_facilities
from .gazetteer import Gazetteer, default_gazetteer_path, load_gazetteer
from .load import merge, read_tsv
from .match import TermIndex, find_terms
from .names import find_hospitals, find_names, find_people, find_places, region_of
from .outlets import displaced_outlet_entries, outlet_entries, resolve_shared
from .remembered import remembered_matches
from .translit import TransliteratedPlaces

__all__ = ["Glossary"]


class Glossary:
    """Glossary entries with an Arabic-aware matcher, over an optional gazetteer layer.

    Build one with :meth:`load` (files) or directly from entries. ``problems`` lists every bad row that was
    skipped and every warning; a bad glossary never stops a run. A ``gazetteer`` adds the places no entry
    names: its spellings that an entry already holds are left out, so a higher layer's rendering always
    wins; its matches are resolved by context (:meth:`Gazetteer.resolve`).
    """

    def __init__(self, entries: Iterable[GlossaryEntry] = (), problems: Iterable[GlossaryProblem] = (),
                 gazetteer: Gazetteer | None = None, romanize_names: bool = False,
                 composed: Iterable[GlossaryEntry] = ()) -> None:
        merged, merge_problems = merge([list(entries)])
        self.entries: tuple[GlossaryEntry, ...] = tuple(merged)
        self.problems: tuple[GlossaryProblem, ...] = (*problems, *merge_problems)
        self.gazetteer = gazetteer
        self.romanize_names = romanize_names
        held = {fold(s) for e in self.entries for s in (e.source, *e.variants)}
        #: the ``composed`` layer (:mod:`.compose`), less the names an entry holds
        self.composed: tuple[GlossaryEntry, ...] = tuple(e for e in composed if fold(e.source) not in held)
        # an entry matched only inside quotes (outlet الميادين "Al-Mayadeen") leaves the place (Mayadin) to the
        # gazetteer elsewhere; in quotes the entry still wins (a higher layer, same span)
        anywhere = {fold(s) for e in self.entries if "quoted" not in e.flags for s in (e.source, *e.variants)}
        lower = gazetteer.entries(exclude=anywhere) if gazetteer is not None else []
        self._index = TermIndex([*lower, *self.composed, *self.entries])
        self._by_source = {fold(e.source): e for e in self.entries}

    @classmethod
    def load(cls, extra_paths: Sequence[str | Path] = (), *, include_default: bool = True,
             include_outlets: bool = True, include_gazetteer: bool | None = None,
             romanize_names: bool | None = None) -> Glossary:
        """The shipped glossary (``*.tsv`` in the glossary folders), the outlet registry, then ``extra_paths``
        (layer ``user``), over the generated gazetteer (``include_gazetteer``; default: with the shipped glossary).
        ``romanize_names`` (same default) adds the names no layer holds, marked by a title or role and
        romanized by rule (layer ``romanized``, see :mod:`.names`).

        Later sources override earlier ones for the same Arabic source, so a user's file corrects the
        shipped glossary. Bad rows end up in ``problems``; a file in ``extra_paths`` that does not exist
        raises ``GlossaryError`` (the user named it: a silent fallback would hide a typo).
        """
        missing = [str(p) for p in extra_paths if not Path(p).is_file()]
        if missing:
            raise GlossaryError(f"glossary file not found: {', '.join(missing)} (check the --glossary path)")
        groups: list[list[GlossaryEntry]] = []
        problems: list[GlossaryProblem] = []
        if include_outlets:
            entries, found = outlet_entries()
            groups.append(entries)
            problems.extend(found)
        paths: list[tuple[Path, str]] = []
        if include_default:
            paths += [(p, "glossary") for p in sorted(p for folder in glossary_dirs() for p in folder.glob("*.tsv"))]
        paths += [(Path(p), "user") for p in extra_paths]
        for path, layer in paths:
            entries, found = read_tsv(path)
            groups.append([replace(e, layer=layer) for e in entries] if layer != "glossary" else entries)
            problems.extend(found)
        merged, merge_problems = merge(groups, silent={0} if include_outlets else ())
        if include_outlets:  # a registry name a file took over (الشرق الأوسط) is still the outlet after صحيفة
            merged += displaced_outlet_entries(groups[0], merged)
        gazetteer = None
        if include_default if include_gazetteer is None else include_gazetteer:
            path = default_gazetteer_path()
            if path is None:
                problems.append(GlossaryProblem("glossary/gazetteer/places.tsv", 0, "gazetteer",
                                                "the generated gazetteer is missing; run `python -m "
                                                "translator.glossary.gazetteer_build`", "warning"))
            else:
                gazetteer = load_gazetteer(path)
        names = include_default if romanize_names is None else romanize_names
        composed: list[GlossaryEntry] = []
        if include_default:
            composed = _composed_layer([e for e in merged if e.layer == "glossary"], gazetteer)
        composed += surname_entries(merged)
        return cls(merged, (*problems, *merge_problems), gazetteer, names, composed)

    @property
    def version(self) -> str:
        """A stable hash of what matching and enforcement depend on (not notes, files or line numbers).

        Computed once per glossary (its entries never change after loading; a batch asks several times)."""
        known = self.__dict__.get("_version")
        if known is not None and known[:3] == (self.entries, self.composed, self.gazetteer):  # same objects
            return known[3]
        digest = hashlib.sha256()
        for row in sorted("\t".join((e.source, e.target, e.type, "|".join(e.variants), "|".join(e.target_variants),
                                     "|".join(e.flags), "|".join(e.banned))) for e in self.entries):
            digest.update(row.encode("utf-8") + b"\n")
        for e in self.composed:
            digest.update("\t".join(("composed", e.source, e.target, "|".join(e.variants),
                                      "|".join(e.target_variants))).encode("utf-8") + b"\n")
        if self.gazetteer is not None:
            digest.update(f"gazetteer {self.gazetteer.version}".encode())
        self.__dict__["_version"] = (self.entries, self.composed, self.gazetteer, digest.hexdigest()[:16])
        return self.__dict__["_version"][3]

    @property
    def gazetteer_version(self) -> str | None:
        """The hash of the gazetteer file in use (what a run's manifest records), or None without one."""
        return self.gazetteer.version if self.gazetteer is not None else None

    def match(self, text: str, country: str | None = None, document: DocumentNames | None = None) -> list[TermMatch]:
        """Terms in ``text`` (offsets into ``text``), longest match first, in text order; each says its layer.

        ``country`` (ISO 3166-1 alpha-2: the outlet's country, from the registry in a batch): among people of one
        name in Wikidata (``names.tsv``), the one of that country gives the spelling, when the places the text
        names are in the outlet's region. Name parts follow the region of those places (Lebanon's Chehab and
        Frangieh, Egypt's Gamal and Abdel, Iraq's Kadhimi), not the outlet: measured on the labelled sets, the
        outlet's own spelling of each part, or its region for texts that name no place, lowered held-out halves.

        ``document``: the names the same document gave in full in earlier segments (:class:`.document.DocumentNames`,
        fed by this call in text order): a bare surname of one of them is a match of the full name's layer. A
        document that was about Turkey in an earlier segment (a Turkish place, تركيا، أنقرة) is still about it:
        a Turkish place a segment writes letter by letter after a place cue is looked for though the segment names
        no Turkish place itself (زلزال ... في منطقة سامانداغ, after ولاية هاتاي جنوب شرق تركيا); without a cue, an
        ordinary word's consonants are too often a Turkish town's (بثنائية "bilateral" is no Besni)."""
        matches = self._matches(text, country)
        if document is not None and self.gazetteer is not None:
            matches = self._document_places(text, matches, document)
        return with_document(matches, text, document)

    def _document_places(self, text: str, matches: list[TermMatch], document: DocumentNames) -> list[TermMatch]:
        """``matches`` plus the Turkish places of a segment of a document about Turkey (see :meth:`match`) and the
        towns that need another place of their country beside them, when an earlier segment named one; the
        document learns whether this segment is about Turkey, and the countries of its places."""
        countries = self.gazetteer.countries(matches)
        earlier = document.countries - countries
        document.countries |= countries
        if earlier and self.gazetteer.context_towns(text, earlier):
            matches = self._document_towns(text, matches, earlier)
        if TransliteratedPlaces.about_turkey(text, countries):
            document.about_turkey = True
            return matches
        if not document.about_turkey:
            return matches
        return self.gazetteer.transliterated(text, matches, countries, cued=True)

    def _document_towns(self, text: str, matches: list[TermMatch], earlier: set[str]) -> list[TermMatch]:
        """``matches`` plus the gazetteer places that resolution keeps when the countries ``earlier`` segments of
        the document named count as named beside them (a text on Nineveh, then ``قائممقام جديد لسنجار``: Sinjar;
        an Algerian story, then a sentence on معسكر: Mascara); only where no match of ``matches`` lies."""
        found = self.gazetteer.resolve(text, find_terms(text, self._index), context=earlier)
        taken = SpanIndex((m.start - len(m.clitic), m.end) for m in matches)
        extra = [m for m in found if m.layer == "gazetteer" and m.type == "place"
                 and not taken.overlaps(m.start - len(m.clitic), m.end) and self.gazetteer.document_town(m)]
        return sorted([*matches, *extra], key=lambda m: m.start) if extra else matches

    @remembered_matches  # the analysis and the enforcer match the same sentence (issue 20)
    def _matches(self, text: str, country: str | None = None) -> list[TermMatch]:
        """:meth:`match` without the document's names (remembered per text and country)."""
        matches = find_terms(text, self._index)
        if any(m.entry is not None and "surname" in m.entry.flags for m in matches):
            matches = [m for m in matches if m.entry is None or "surname" not in m.entry.flags
                       or (m.clitic in ("", "و", "ف") and _surname_alone(text, m.start - len(m.clitic)))]
        countries: set[str] = set()
        if self.gazetteer is not None:
            matches = self.gazetteer.compounds(text, self.gazetteer.resolve(text, matches))
            countries = self.gazetteer.countries(matches)
            found = self.gazetteer.transliterated(text, matches, countries)
            if len(found) > len(matches):
                matches, countries = found, countries | {"TR"}
        # an outlet name several registry outlets share (الدستور): the document's country or the text's places
        # pick its owner, else a rendering they all share, else it is reported ambiguous (outlets.resolve_shared)
        matches = resolve_shared(matches, country, countries)
        matches = compose_facilities(text, matches, self._place_kinds if self.gazetteer is not None else None)
        if self.romanize_names:
            region = region_of(countries)  # where the story is
            # the outlet's country narrows the story's region to one country's spellings (a Lebanese paper on
            # Lebanon: Geagea, Chehab); on a story elsewhere, or without places, it says nothing of the names
            person = country if country and region != "default" and region_of([country]) == region else None
            names = find_names(text, matches, region, person)
            places = find_places(text, [*matches, *names], region)
            hospitals = find_hospitals(text, [*matches, *names, *places], region)
            places = sorted([*places, *hospitals], key=lambda m: m.start) if hospitals else places
            people = find_people(text, [*matches, *places], region, person)
            names, people = _longer_known_names(names, people)
            if places or people:
                names = sorted([*names, *places, *people], key=lambda m: m.start)
            if names:  # a gazetteer town a name covers gives way to the name (names._yields)
                covered = SpanIndex((n.start, n.end) for n in names)
                kept = [m for m in matches if not covered.overlaps(m.start - len(m.clitic), m.end)]
                matches = sorted([*kept, *names], key=lambda m: m.start)
        return matches

    def _place_kinds(self, form: str) -> set[str]:
        """The kinds (country, subdivision, city) the gazetteer knows a place's matching form as."""
        return {p.kind for p in self.gazetteer.candidates(form)} if self.gazetteer is not None else set()

    def get(self, source: str) -> GlossaryEntry | None:
        """The entry whose source is ``source`` (compared in matching form), or None."""
        return self._by_source.get(fold(source))

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GlossaryEntry]:
        return iter(self.entries)

    def __repr__(self) -> str:
        return f"Glossary({len(self.entries)} entries, version {self.version}, {len(self.problems)} problems)"


def _longer_known_names(names: list[TermMatch], people: list[TermMatch]) -> tuple[list[TermMatch], list[TermMatch]]:
    """Names a title or role marked (``names``) and whole names Wikidata knows (``people``), overlaps settled: a known
    name that holds a marked one and is longer replaces it (الإمام موسى الصدر: the title's name stops before الصدر
    "the chest", Wikidata has موسى الصدر); any other known name that touches a marked one is dropped."""
    if not people or not names:
        return names, people
    longer = [p for p in people if any(p.start <= n.start and n.end <= p.end and p.end - p.start > n.end - n.start
                                       for n in names)]
    names = [n for n in names if not any(p.start <= n.start and n.end <= p.end for p in longer)]
    marked = SpanIndex((n.start, n.end) for n in names)
    people = [p for p in people if p in longer or not marked.overlaps(p.start, p.end)]
    return names, people


_SURNAME_ZIPF = 3.5  # wordfreq zipf: a surname this frequent is an ordinary word or a given name too (سعيد، الأسد)
_COMPOUND = frozenset({"عبد", "عبدال", "أبو", "ابو", "أبي", "بن", "ابن", "بنت", "آل", "ولد", "اولاد"})
_ARTICLE_EN = ("al-", "Al-", "el-", "El-", "al ", "Al ")


def _composed_layer(places: list[GlossaryEntry], gazetteer: Gazetteer | None) -> list[GlossaryEntry]:
    """The ``composed`` layer (:func:`.compose.composed_entries`) over the glossary's entries ``places`` and the
    gazetteer's subdivisions the glossary does not name (مجلس نينوى → Nineveh Provincial Council): heads that
    take a subdivision compose with those too.

    Composing ≈ 9,000 names took ≈ 0.3 s of every process's start-up (issue 20), so the result is kept on disk
    (:mod:`translator.diskcache`) under everything it is made from: the places' fields, the gazetteer's version,
    the source of the modules that compose it and the data files (``folding_inputs``). Same entries, same order.
    """
    def build() -> list[GlossaryEntry]:
        def kinds_of(form: str) -> set[str]:
            return {p.kind for p in gazetteer.candidates(form)} if gazetteer is not None else set()
        found = list(places)
        if gazetteer is not None:
            held = {fold(s) for e in found for s in (e.source, *e.variants)}
            found += [e for e in gazetteer.entries(exclude=held) if "subdivision" in kinds_of(e.source)]
        return composed_entries(found, kinds_of)

    package = Path(__file__).resolve().parent
    key = fingerprint("\n".join("\t".join((e.source, e.target, e.type, "|".join(e.variants))) for e in places),
                      f"gazetteer {gazetteer.version if gazetteer is not None else None}",
                      *(package / name for name in ("glossary.py", "compose.py", "gazetteer.py", "entry.py")),
                      Path(datafiles.__file__), *folding_inputs())
    rows = cached("composed", key, lambda: [tuple(getattr(e, f) for f in _ENTRY_FIELDS) for e in build()])
    return [GlossaryEntry(*row) for row in rows]


_ENTRY_FIELDS = tuple(f.name for f in fields(GlossaryEntry))


def surname_entries(entries: Iterable[GlossaryEntry]) -> list[GlossaryEntry]:
    """The surnames of the glossary's people as entries of their own, as news names a person the second time
    (``عطاف`` for أحمد عطاف → "Attaf", ``الصفدي`` → "Safadi"): the last word of a person's Arabic and English,
    the English with and without its article as variants (``al-Assad``, ``Assad``), in the person's layer,
    under every entry (a row for the same Arabic wins). Left out: a surname two people share with other
    English forms, one that is another person's given name (باراك), one of fewer than three letters, the last
    word of a compound (عبد العاطي, أبو مازن), and one that is an ordinary word or a given name too (wordfreq
    zipf ≥ ``_SURNAME_ZIPF``: سعيد, الأسد). Flagged ``surname``: :meth:`Glossary.match` keeps such a match
    only where the word before it is no name (:func:`_surname_alone`)."""
    from ..wordfreq_index import zipf_frequency

    entries = list(entries)
    given = {fold(w) for e in entries if e.type == "person" for w in e.source.split()[:-1]}
    found: dict[str, list[GlossaryEntry]] = {}
    for e in entries:
        if e.type != "person" or e.layer == "romanized" or len(e.source.split()) < 2 or len(e.target.split()) < 2:
            continue
        words = e.source.split()
        if words[-2] in _COMPOUND:  # عبد العاطي, أبو مازن: the last word alone is no surname
            continue
        arabic, english = words[-1], e.target.split()[-1]
        bare = arabic[2:] if arabic.startswith("ال") else arabic
        if len(bare) < 3 or (not english[:1].isupper() and not english.startswith(("al-", "el-"))):
            continue
        if fold(arabic) in given:  # باراك: Ehud Barak's surname, Barack Obama's given name
            continue
        if zipf_frequency(arabic, "ar") >= _SURNAME_ZIPF or zipf_frequency(bare, "ar") >= _SURNAME_ZIPF:
            continue
        plain = next((english[len(a):] for a in _ARTICLE_EN if english.startswith(a)), english)
        plain = plain[:1].upper() + plain[1:]
        forms = (plain, f"al-{plain}", f"Al-{plain}") if arabic.startswith("ال") else (plain,)
        variants = tuple(dict.fromkeys(v for v in forms if v != english))
        found.setdefault(fold(arabic), []).append(
            GlossaryEntry(arabic, english, "person", note=f"surname of {e.target} ({e.source})",
                          target_variants=variants, file=e.file, line=e.line, flags=(*e.flags, "surname"),
                          layer=e.layer))
    kept = []
    for group in found.values():
        if len({fold(g.target.removeprefix("al-").removeprefix("Al-")) for g in group}) == 1:
            kept.append(group[0])
    return kept

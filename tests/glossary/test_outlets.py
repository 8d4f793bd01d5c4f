"""The outlet registry (translator/glossary/outlets.py, glossary/outlets.csv): content, tolerant lookup, reporting."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from translator.errors import GlossaryError
from translator.glossary.outlets import COLUMNS, Outlet, OutletRegistry, UnknownOutlets

from ..cases import cases

REGISTRY_CSV = Path(__file__).parents[2] / "glossary" / "outlets.csv"


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return OutletRegistry.load()


@pytest.mark.parametrize("row", cases("outlet_lookups.tsv"), ids=lambda r: f"{r['query']}|{r['hint']}")
def test_lookup(row: dict[str, str], registry: OutletRegistry) -> None:
    match = registry.resolve(row["query"], hint=row["hint"] or None)
    expected = row["canonical"] or None
    assert (match.outlet.canonical if match.outlet else None) == expected
    assert match.ambiguous == (row["ambiguous"] == "yes")
    if match.ambiguous:
        assert any("ambiguous" in w for w in match.warnings())
    assert (registry.lookup(row["query"], hint=row["hint"] or None) is None) == (expected is None)


# --------------------------------------------------------------------------- content
def test_file_columns_and_unique_names() -> None:
    with REGISTRY_CSV.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        rows = list(reader)
    names = [r["canonical"] for r in rows]
    assert len(names) == len(set(names))
    for row in rows:
        assert row["canonical"].strip() == row["canonical"]
        assert "||" not in row["aliases"] and not row["aliases"].endswith("|")


def test_registry_covers_the_region(registry: OutletRegistry) -> None:
    arabic_language = [o for o in registry if "ar" in o.language]
    assert len(arabic_language) >= 80
    countries = " ".join(o.country or "" for o in arabic_language)
    for place in ("Algeria", "Morocco", "Tunisia", "Libya", "Egypt", "Sudan", "Mauritania", "Syria", "Lebanon",
                  "Iraq", "Jordan", "Palestine", "Saudi Arabia", "Qatar", "UAE", "Kuwait", "Bahrain", "Oman",
                  "Yemen", "UK (London)"):
        assert place in countries, place
    foreign = {"RT Arabic": "Russia", "Sputnik Arabic": "Russia", "TASS": "Russia", "RIA Novosti": "Russia",
               "Al-Alam": "Iran", "Press TV": "Iran", "IRNA": "Iran", "Tasnim News Agency": "Iran",
               "Fars News Agency": "Iran", "Al-Mayadeen": "Lebanon", "Anadolu Agency": "Turkey",
               "TRT Arabi": "Turkey", "Daily Sabah": "Turkey", "France 24 Arabic": "France", "RFI": "France",
               "Le Monde": "France", "Jeune Afrique": "France", "EFE": "Spain", "El País": "Spain"}
    for name, country in foreign.items():
        outlet = registry.lookup(name)
        assert outlet is not None and outlet.canonical == name and outlet.country == country


def test_every_outlet_has_an_arabic_name_or_a_note(registry: OutletRegistry) -> None:
    for outlet in registry:
        assert outlet.arabic or outlet.note or outlet.language[:1] != ("ar",), outlet.canonical
        assert outlet.language, outlet.canonical
        assert all(len(code) == 2 for code in outlet.language), outlet.canonical


def test_every_name_finds_its_own_outlet(registry: OutletRegistry) -> None:
    """Each spelling in the file leads back to its row (or to a shared-name group that contains it)."""
    for outlet in registry:
        for name in outlet.names:
            assert outlet in registry.lookup_all(name), (outlet.canonical, name)


# --------------------------------------------------------------------------- the Outlet record
def test_outlet_exposes_what_the_glossary_needs(registry: OutletRegistry) -> None:
    rt = registry.lookup("RT Arabic")
    assert rt is not None
    assert rt.canonical == "RT Arabic" and rt.arabic == "روسيا اليوم"
    assert "RT عربي" in rt.arabic_variants and rt.arabic_variants[0] == rt.arabic
    assert all(not any("\u0600" <= ch <= "\u06ff" for ch in name) for name in rt.latin_names)
    record = rt.to_dict()
    assert record["arabic_variants"] == list(rt.arabic_variants) and record["language"] == ["ar"]


def test_prefix_lookup_for_names_cut_short(registry: OutletRegistry) -> None:
    match = registry.resolve("Al-Quds al", prefix=True)
    assert match.outlet is not None and match.outlet.canonical == "Al-Quds Al-Arabi" and match.method == "prefix"
    assert registry.resolve("Al-Quds al").outlet is not None  # without prefix=True: the Jerusalem daily
    assert registry.resolve("Al-Quds al").outlet.canonical == "Al-Quds"


def test_context_prefers_outlets_cited_in_the_same_document(registry: OutletRegistry) -> None:
    assert registry.resolve("Al-Watan", context={"Al-Watan (Oman)"}).outlet.canonical == "Al-Watan (Oman)"


def test_find_in_text_needs_capitals_and_skips_common_words(registry: OutletRegistry) -> None:
    text = "As the National Assembly met, al-Sharq al-Awsat and RT Arabic reported on the national debate."
    found = [(text[a:b], m.outlet.canonical) for a, b, m in registry.find_in_text(text)]
    assert found == [("al-Sharq al-Awsat", "Asharq Al-Awsat"), ("RT Arabic", "RT Arabic")]


# --------------------------------------------------------------------------- unknown outlets
def test_unknown_outlets_count_and_keep_examples() -> None:
    unknown = UnknownOutlets()
    unknown.note("Al-Jamahir", context="by X for Al-Jamahir")
    unknown.note("Al-Jamahir  ")
    unknown.note("Zeta News")
    assert unknown.report() == [
        {"name": "Al-Jamahir", "count": 2, "examples": ["by X for Al-Jamahir"]},
        {"name": "Zeta News", "count": 1, "examples": []},
    ]
    assert UnknownOutlets().report() == []


# --------------------------------------------------------------------------- loading
def _write(path: Path, rows: list[list[str]], header: tuple[str, ...] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_local_file_extends_and_overrides(tmp_path: Path) -> None:
    base = _write(tmp_path / "outlets.csv", [["Alpha Daily", "ألفا", "Alpha", "Syria", "daily", "ar", "", "", "", ""]])
    local = _write(tmp_path / "outlets_local.csv", [
        ["Alpha Daily", "ألفا", "Alpha|Al-Alpha", "Lebanon", "daily", "ar", "", "", "", "moved"],
        ["Beta Post", "", "", "Jordan", "web", "ar", "", "", "", ""]])
    registry = OutletRegistry.load([tmp_path])
    assert len(registry) == 2 and registry.sources == (str(base), str(local))
    assert registry.lookup("al-Alpha").country == "Lebanon"  # the later file wins
    assert registry.lookup("ألفا").canonical == "Alpha Daily"
    assert isinstance(registry.lookup("Beta Post"), Outlet)


@pytest.mark.parametrize(("rows", "message"), [
    ([["A", "", "", "", "", "", "", "", "", ""], ["A", "", "", "", "", "", "", "", "", ""]], "already on line 2"),
    ([["", "", "", "", "", "", "", "", "", ""]], "empty canonical"),
])
def test_bad_rows_say_what_to_fix(tmp_path: Path, rows: list[list[str]], message: str) -> None:
    path = _write(tmp_path / "outlets.csv", rows, COLUMNS)
    assert message in " ".join(OutletRegistry.load([path]).problems)


def test_a_file_without_the_columns_says_what_to_fix(tmp_path: Path) -> None:
    path = _write(tmp_path / "outlets.csv", [["x"]], ("name",))
    with pytest.raises(GlossaryError, match="missing column"):
        OutletRegistry.load([path])


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="does not exist"):
        OutletRegistry.load([tmp_path / "nope.csv"])


def test_a_bad_row_of_an_outlets_file_is_skipped_and_reported_not_fatal(tmp_path: Path,
                                                                        caplog: pytest.LogCaptureFixture) -> None:
    """Issue #13: one bad row must not fail every document; it is skipped and named with its line."""
    import logging

    good = {"canonical": "Al Jazeera", "arabic": "الجزيرة", "country": "Qatar", "type": "TV/web", "language": "ar"}
    path = tmp_path / "outlets.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows([good, {**good, "canonical": ""}, good])
    with caplog.at_level(logging.WARNING, logger="translator"):
        registry = OutletRegistry.load([path])
    assert [o.canonical for o in registry] == ["Al Jazeera"]
    assert len(registry.problems) == 2
    assert "line 3: empty canonical name" in registry.problems[0]
    assert "line 4: canonical name 'Al Jazeera' is already on line 2" in registry.problems[1]
    assert registry.lookup("الجزيرة") is not None  # the good row still works
    assert sum("outlet registry" in r.getMessage() for r in caplog.records) >= 1

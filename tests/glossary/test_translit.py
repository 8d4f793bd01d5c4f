"""Turkish places as Arabic news writes them letter by letter (issue 16): found by consonant skeleton."""

from __future__ import annotations

from pathlib import Path

from translator.glossary import Glossary
from translator.glossary.translit import arabic_skeleton, latin_skeleton, load_transliterated

SHIPPED = Path(__file__).resolve().parents[2] / "glossary" / "gazetteer" / "translit.tsv"


def _places(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.target) for m in glossary.match(text) if m.type == "place"]


def test_skeletons_of_the_two_scripts_meet() -> None:
    assert arabic_skeleton("كوجالي") == latin_skeleton("Kocaeli") == "kcl"
    assert arabic_skeleton("كهرمانماراش") == latin_skeleton("Kahramanmaraş")
    assert arabic_skeleton("دوزجه") == arabic_skeleton("دوزجي") == latin_skeleton("Düzce")  # final ه is a vowel
    assert arabic_skeleton("سامانداغ") == latin_skeleton("Samandağ")


def test_the_shipped_file_holds_every_province() -> None:
    rows = [line.split("\t") for line in SHIPPED.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    assert sum(row[0].startswith("iso:TR-") for row in rows) == 81
    assert len(load_transliterated(SHIPPED)) == len(rows)


def test_provinces_in_a_text_about_turkey(glossary: Glossary) -> None:
    text = "شملت الحملة ولايات إسطنبول وأنقرة ودوزجي وكهرمانماراش وقيسري وكوجالي وكونيا ومانيسا في تركيا"
    found = dict(_places(glossary, text))
    assert {found[k] for k in ("دوزجي", "كهرمانماراش", "قيسري", "كوجالي", "كونيا", "مانيسا")} == {
        "Duzce", "Kahramanmaras", "Kayseri", "Kocaeli", "Konya", "Manisa"}
    match = next(m for m in glossary.match(text) if m.surface == "كوجالي")
    assert (match.layer, match.clitic, match.entry.enforce) == ("gazetteer", "و", False)  # a guess: not enforced


def test_a_short_name_needs_a_cue_and_a_word_needs_to_look_like_the_name(glossary: Glossary) -> None:
    assert ("هاتاي", "Hatay") in _places(glossary, "وقع الزلزال في ولاية هاتاي جنوب تركيا")
    assert ("هاتاي", "Hatay") not in _places(glossary, "قال مسؤول تركي إن هاتاي تضررت")  # two consonants, no cue
    assert _places(glossary, "قال رئيسنا التركي إن البلاد بخير") == []  # رئيسنا: not Arsin


def test_no_turkish_place_outside_turkish_news(glossary: Glossary) -> None:
    assert all(t != "Kayseri" for _, t in _places(glossary, "زار الوزير قيسري في ولاية الجزائر"))
    assert _places(glossary, "قال المتحدث إن كوجالي سيعود غدا") == []

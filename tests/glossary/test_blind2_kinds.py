"""Kinds of misses read from the build half of gazetteer_mentions_blind2.jsonl (session 5), each with its real
instances and negatives. The held-out half was not read."""

from __future__ import annotations

import pytest

from translator.glossary import Glossary
from translator.glossary.names import romanize


def _romanized(glossary: Glossary, text: str) -> list[str]:
    return [m.target for m in glossary.match(text) if m.layer == "romanized"]


# Kind 1: a Gulf lineage (نسب) is one name however long: بن / آل and the name after each do not count toward
# the four-word limit (blind2-build: Saudi Press Agency via sauress, Bahrain News Agency).
@pytest.mark.parametrize(("text", "name"), [
    ("وأكد صاحب السمو الملكي الأمير فهد بن تركي بن فيصل بن تركي بن عبدالعزيز قائد القوات المشتركة أن",
     "Fahd bin Turki bin Faisal bin Turki bin Abdulaziz"),
    ("واستقبل الأمير فيصل بن مشعل بن سعود بن عبدالعزيز أمير منطقة القصيم الوفد",
     "Faisal bin Mishaal bin Saud bin Abdulaziz"),
    ("واستقبل الأمير فيصل بن بندر بن عبدالعزيز أمير منطقة الرياض الوفد", "Faisal bin Bandar bin Abdulaziz"),
    ("وزار الشيخ راشد بن عبدالله آل خليفة وزير الداخلية المعرض", "Rashid bin Abdullah Al Khalifa"),
])
def test_a_lineage_is_one_name(glossary: Glossary, text: str, name: str) -> None:
    assert name in _romanized(glossary, text)


def test_a_lineage_cut_by_a_comma_does_not_end_on_bin(glossary: Glossary) -> None:
    assert _romanized(glossary, "وقال الأمير فهد بن، إن الوفد وصل") == ["Fahd"]


def test_a_plain_name_still_stops_at_four_words(glossary: Glossary) -> None:
    names = _romanized(glossary, "وقال الوزير كمال بلجود سمير نبيل ماجد إن")
    assert names and all(len(n.split()) <= 4 for n in names)


def test_an_adjective_is_no_name_without_a_title(glossary: Glossary) -> None:
    assert _romanized(glossary, "وصل وفد تركي إلى العاصمة") == []


# Kind 2: عبد joined to the second part (عبدالرحمن, عبدالامير) reads like عبد الرحمن, not letter by letter
# (was "Abdalrhmn al-Sadis").
@pytest.mark.parametrize(("joined", "spaced"), [("عبدالرحمن", "عبد الرحمن"), ("عبدالامير", "عبد الامير")])
@pytest.mark.parametrize("region", ["default", "gulf", "maghreb"])
def test_joined_abd_reads_like_spaced(joined: str, spaced: str, region: str) -> None:
    assert romanize(joined, region) == romanize(spaced, region)


def test_listed_joined_forms_keep_their_row() -> None:
    assert romanize("عبدالعزيز", "levant") == "Abdel Aziz" and romanize("عبدالله") == "Abdullah"


# Kind 3: a facility named by a head and a place was matched as the bare place and so rendered wrong
# (blind2-build: مطار أسوان الدولي → "Aswan", معبد إدفو → "Edfu", قاعدة طرابلس البحرية → "Tripoli").
@pytest.mark.parametrize(("text", "surface", "english"), [
    ("ووصل الوفد إلى مطار أسوان الدولي صباح اليوم", "مطار أسوان الدولي", "Aswan International Airport"),
    ("وزار الوزير معبد إدفو برفقة المحافظ", "معبد إدفو", "Edfu Temple"),
    ("وقعت الاشتباكات قرب قاعدة طرابلس البحرية مساء أمس", "قاعدة طرابلس البحرية", "Tripoli naval base"),
    ("وهبطت الطائرة بمطار القاهرة الدولي أمس", "مطار القاهرة الدولي", "Cairo International Airport"),
])
def test_a_facility_is_composed_with_its_place(glossary: Glossary, text: str, surface: str, english: str) -> None:
    found = [m for m in glossary.match(text) if m.surface == surface]
    assert [(m.target, m.layer, m.type) for m in found] == [(english, "composed", "place")]
    assert text[found[0].start:found[0].end] == surface


@pytest.mark.parametrize(("text", "place"), [
    ("وصل الوفد إلى مطار أبها صباح اليوم", "Abha"),  # a plain airport stays the place (blind labels it so)
    ("قاعدة طرابلس الشعبية واسعة", "Tripoli"),  # no البحرية/الجوية: no base
    ("قال مطار إن القاهرة تستعد", "Cairo"),  # the head is not right before the place
])
def test_no_facility_without_its_whole_pattern(glossary: Glossary, text: str, place: str) -> None:
    assert place in [m.target for m in glossary.match(text)]
    assert not [m for m in glossary.match(text) if m.layer == "composed" and m.type == "place"]


# Kind 4: titles the lists lacked — الملك, المهندس, الأستاذ (and their feminines) introduce a name at once
# (blind2-build: SPA, Iraqi and Sudanese outlets).
@pytest.mark.parametrize(("text", "name"), [
    ("لخادم الحرمين الشريفين الملك عبدالله بن عبدالعزيز آل سعود وسمو ولي عهده", "Abdullah bin Abdulaziz Al Saud"),
    # Asaad: اسعد as Iraqis in Wikidata write it
    ("استلم المهندس اسعد عبدالامير العيداني منصب محافظ البصرة", "Asaad Abdul Amir al-Aidani"),
    # Abdallah: the Sudanese press's spelling (the sudan romanization region, session 8; the set labels it so)
    ("ترأس الأستاذ عمر الخليفة عبدالله والي ولاية النيل الأبيض", "Omar al-Khalifa Abdallah"),
])
def test_new_titles_introduce_a_name(glossary: Glossary, text: str, name: str) -> None:
    # the whole name after the title, romanized; King Abdullah is a glossary row since session 7 (blind4-build,
    # "King Abdullah bin Abdulaziz Al Saud"), which the romanized reading gives way to
    persons = [m.target for m in glossary.match(text) if m.type == "person"]
    assert name in _romanized(glossary, text) or [t for t in persons if t.endswith(name)] == persons == [
        "King " + name]


@pytest.mark.parametrize("text", ["وصل الوفد إلى قصر الملك في الرباط", "قالت المهندسة في الشركة إن العمل بدأ",
                                  "رسالة من الملك إلى الشعب"])
def test_a_title_without_a_name_finds_none(glossary: Glossary, text: str) -> None:
    assert _romanized(glossary, text) == []


# Kind 5: ـيو before a consonant is y + u, not i + w (blind2-build: سعيد سعيود → "Said Saiwd", label Said Sayoud).
@pytest.mark.parametrize(("name", "region", "latin"), [("سعيد سعيود", "maghreb", "Said Sayoud"),
                                                        ("عيوش", "maghreb", "Ayouch")])
def test_yu_before_a_consonant(name: str, region: str, latin: str) -> None:
    assert romanize(name, region) == latin


@pytest.mark.parametrize(("name", "latin"), [("ديوان", "Diwan"), ("عليوة", "Aliwa")])
def test_yw_before_a_vowel_letter_or_ta_marbuta_is_unchanged(name: str, latin: str) -> None:
    assert romanize(name) == latin

"""Session 14 of issue 16: people and organisations of local news (tests/data/gazetteer_mentions_s14.jsonl's build
half): bodies named by a head and a place or a portfolio, people after local offices and honorifics, and the
Maghreb's press spelling of names no list holds. Every sentence here is a fresh variant, not one of the set's."""

from __future__ import annotations

import pytest

from translator.glossary import Glossary
from translator.glossary.names import romanize


def _found(glossary: Glossary, text: str, country: str | None = None) -> dict[str, tuple[str, str, str]]:
    return {m.surface: (m.target, m.layer, m.type) for m in glossary.match(text, country=country)}


@pytest.mark.parametrize(("text", "country", "surface", "english"), [
    ("زار وفد من دائرة صحة نينوى مستشفى الموصل أمس", "IQ", "دائرة صحة نينوى", "Nineveh Health Directorate"),
    ("وصل الجرحى إلى مستشفى كركوك العام مساء أمس", "IQ", "مستشفى كركوك العام", "Kirkuk General Hospital"),
    ("افتتح المحافظ مستشفى ملوي المركزي بعد تطويره", "EG", "مستشفى ملوي المركزي", "Mallawi Central Hospital"),
])
def test_body_of_a_place_is_the_body(glossary: Glossary, text: str, country: str, surface: str,
                                     english: str) -> None:
    """A directorate or hospital named by a head word and a place of any layer is one organisation, rendered as the
    press writes it, not the place alone (s14 build: دائرة صحة البصرة read as Basra)."""
    target, layer, kind = _found(glossary, text, country)[surface]
    assert (target, layer, kind) == (english, "composed", "org")


def test_body_entry_accepts_the_other_press_forms(glossary: Glossary) -> None:
    """The composed body carries the other forms the press uses, for QA and enforcement to accept."""
    match = next(m for m in glossary.match("زار الوزير دائرة صحة كركوك", country="IQ") if m.layer == "composed")
    assert match.entry is not None and "Kirkuk Health Department" in match.entry.target_variants


def test_municipality_head_leaves_the_place(glossary: Glossary) -> None:
    """بلدية + a place stays the place, as every labelled set takes it (رئيس بلدية رام الله: Ramallah)."""
    found = _found(glossary, "قال رئيس بلدية الخليل إن الأوضاع صعبة", "PS")
    assert found["الخليل"][0] == "Hebron"
    assert not any(surface.startswith("بلدية") for surface in found)


@pytest.mark.parametrize(("text", "surface", "english"), [
    ("شارك ممثلو مديرية الزراعة في الاجتماع", "مديرية الزراعة", "Agriculture Directorate"),
    ("أعلنت مديرية الصحة والسكان بالمحافظة رفع الاستعداد", "مديرية الصحة والسكان", "Health and Population Directorate"),
])
def test_directorate_of_a_portfolio(glossary: Glossary, text: str, surface: str, english: str) -> None:
    """مديرية + a ministry's portfolio is that portfolio's directorate (s14 build: مديرية الصحة والسكان missed)."""
    assert _found(glossary, text, "EG")[surface][:2] == (english, "composed")


@pytest.mark.parametrize(("text", "country", "name"), [
    ("حضر اللقاء الأخ/ فهمي عبده سالم مدير المكتب", "YE", "فهمي عبده سالم"),
    ("قام وزير التربية بروفيسور حسن عبد الله عثمان بزيارة", "SD", "حسن عبد الله عثمان"),
    ("وجه عامل إقليم تاونات، محمد الحجوي، تعليماته للمصالح", "MA", "محمد الحجوي"),
    ("اجتمع عميد بلدية زليتن مفتاح حمادي مع أعضاء المجلس", "LY", "مفتاح حمادي"),
    ("حضر رئيس قسم خالد السعدي الاجتماع", "SA", "خالد السعدي"),
    ("قال الدكتور الخضر أحمد سالم إن الجامعة ستفتح أبوابها", "YE", "الخضر أحمد سالم"),
    ("حضر الاجتماع وكيل المحافظة عبدالكريم الزهراني ومديرو الإدارات", "SA", "عبدالكريم الزهراني"),
])
def test_person_after_a_local_office_or_honorific(glossary: Glossary, text: str, country: str, name: str) -> None:
    """A name after a local office (عامل إقليم …، عميد بلدية …، رئيس قسم), an honorific with a slash (الأخ/), an
    academic title without the article (بروفيسور) or a first name written with the article (الخضر) is found whole,
    flagged romanized."""
    found = _found(glossary, text, country)
    assert name in found, found
    assert found[name][1:] == ("romanized", "person")


def test_bracket_ends_a_name(glossary: Glossary) -> None:
    """A kunya in brackets after a name is not part of it (s14 build: محمد حمدان (أبو المعتز) was one name)."""
    found = _found(glossary, "استقبل السيد خالد منصور (أبو أحمد) وفد الجمعية", "SY")
    assert "خالد منصور" in found and not any("(" in surface for surface in found)


def test_office_gloss_in_brackets_is_skipped(glossary: Glossary) -> None:
    """An acronym in brackets after an office is the office's, not the name's first word."""
    found = _found(glossary, "وحضر رئيس الهيئة الوطنية للإعمار (هنا) سامي عبد الكريم الحفل", "PS")
    assert "سامي عبد الكريم" in found


def test_verb_with_alif_maqsura_ends_a_name(glossary: Glossary) -> None:
    """A verb written with a final ى (التقى "met") folds like the name Taqi and must not extend the name before it;
    a name that ends so (مصطفى) still counts."""
    found = _found(glossary, "أن المحافظ سعد الجبوري التقى وفدا من أهالي القضاء", "IQ")
    assert "سعد الجبوري" in found
    assert any(m.surface == "محمد مصطفى" for m in glossary.match("قال الدكتور محمد مصطفى إن", country="EG"))


def test_listed_first_name_opens_a_list_item_before_a_role(glossary: Glossary) -> None:
    """In a list of officials each with an office and no comma before it, a listed first name opens the name."""
    found = _found(glossary, "ورافقه خالد عيسى مدير التربية والتعليم، وماجد سعيد مدير الأمن", "EG")
    assert "خالد عيسى" in found and "ماجد سعيد" in found


@pytest.mark.parametrize(("arabic", "latin"), [
    ("إبراهيم أوعلي", "Brahim Ouali"),
    ("أوكاشة", "Oukacha"),
    ("بوزيان", "Bouziane"),
])
def test_maghreb_press_spelling(arabic: str, latin: str) -> None:
    """The Maghreb's press writes an initial أو as Ou, w after a vowel as ou and a final ان as -ane."""
    assert romanize(arabic, "maghreb") == latin


def test_joined_abu_name_splits() -> None:
    """أبوبكر, written as one word, is Abu Bakr (s14 build: Abubkr)."""
    assert romanize("أبوبكر سالم", "default").startswith("Abu Bakr")


def test_role_before_ala_and_a_town_keeps_the_town(glossary: Glossary) -> None:
    """``عاملا على الحسيمة`` ("governor of Al Hoceima"): على written with ى after a role is the preposition, not the
    given name Ali before a family name, so the town stays (s8 build lost Al Hoceima once عامل became a role)."""
    found = _found(glossary, "عين سعيد الحسني عاملا على الحسيمة بعد أشهر", "MA")
    assert found.get("الحسيمة", ("",))[0] == "Al Hoceima"


def test_hospital_named_by_a_name_no_list_holds(glossary: Glossary) -> None:
    """A hospital named by a rare name and a tail word is one romanized organisation with the tail's English; an
    ordinary word after the head (مستشفى ميداني "a field hospital") names none, nor does a name cut short."""
    found = _found(glossary, "نقل المصابون إلى مستشفى الراقي الجامعي في المدينة", "SD")
    assert found["مستشفى الراقي الجامعي"] == ("al-Raqi University Hospital", "romanized", "org")
    assert not any(kind == "org" for _, _, kind in _found(glossary, "أقيم مستشفى ميداني في المنطقة", "SD").values())

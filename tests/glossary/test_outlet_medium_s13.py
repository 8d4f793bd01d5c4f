"""Outlet words fit the outlet they introduce (session 13, issues 16 and 17).

An outlet name that is an ordinary word (الأنباء "the news", العربية "Arabic", الرأي "opinion") is matched after
a word that introduces an outlet (``outlet_words.tsv``) only when that word names the outlet's kind: وكالة
("agency") before الأنباء is "the news agency", not the Kuwaiti daily Al-Anba. The agencies the press names as
"وكالة الأنباء + nationality" resolve to the registry's agency, and an agency written without its head's article
(وكالة الوطنية للإعلام) is still that agency. These cases failed before: the first four matched a daily or a
channel, the agencies came out as composed "France News Agency" / "UAE News Agency" or not at all.
"""

from __future__ import annotations

import pytest

from translator.glossary import Glossary
from translator.glossary.match import medium_fits
from translator.glossary.outlets import outlet_media


def targets(glossary: Glossary, text: str) -> list[str]:
    return [m.target for m in glossary.match(text)]


@pytest.mark.parametrize("text", [
    "أعلنت وكالة الأنباء الرسمية الإماراتية أن الرئيس استقبل الوفد",
    "نقلت وكالة الأنباء عن مصدر مسؤول قوله",
    "ذكرت وكالة الأنباء اليابانية أن الزلزال ضرب الساحل",
    "قالت وكالة أنباء الرأي العام إن الحزب سيقاطع",
])
def test_an_agency_word_does_not_introduce_a_daily(glossary: Glossary, text: str) -> None:
    got = targets(glossary, text)
    assert "Al-Anba" not in got and "Al-Rai (Kuwait)" not in got, got


@pytest.mark.parametrize(("text", "outlet"), [
    ("قالت صحيفة الأنباء الكويتية إن", "Al-Anba"),
    ("نشرت صحيفة الأيام تقريرا", "Al-Ayyam"),
    ("قالت قناة العربية إن", "Al Arabiya"),
    ("قالت صحيفة الشرق الأوسط إن", "Asharq Al-Awsat"),
])
def test_a_fitting_outlet_word_still_introduces_the_outlet(glossary: Glossary, text: str, outlet: str) -> None:
    assert outlet in targets(glossary, text)


def test_a_channel_word_does_not_make_the_middle_east_a_paper(glossary: Glossary) -> None:
    assert "Asharq Al-Awsat" not in targets(glossary, "قالت قناة الشرق الأوسط إن")


@pytest.mark.parametrize(("text", "agency"), [
    ("أفادت وكالة الأنباء الفرنسية بأن", "Agence France-Presse"),
    ("ذكرت وكالة الأنباء الألمانية (د ب أ) أن", "Deutsche Presse-Agentur"),
    ("أفادت وكالة الأنباء الإماراتية بأن", "Emirates News Agency"),
    ("نقلت وكالة الأنباء السورية الرسمية عن", "SANA"),
    ("قالت وكالة العربية السورية للأنباء إن", "SANA"),
    ("ذكرت وكالة الوطنية للإعلام أن", "National News Agency"),
    ("أوردت وكالة الأنباء الفلسطينية أن", "WAFA"),
])
def test_agencies_as_the_press_names_them(glossary: Glossary, text: str, agency: str) -> None:
    assert set(targets(glossary, text)) == {agency}


@pytest.mark.parametrize(("kind", "media"), [
    ("TV/web", {"tv", "web"}), ("state news agency", {"agency"}), ("daily (closed)", {"newspaper"}),
    ("party daily", {"newspaper"}), ("", set()), (None, set()), ("type", set()),
])
def test_registry_types_as_outlet_kinds(kind: str | None, media: set[str]) -> None:
    assert outlet_media(kind) == media


def test_which_words_fit_which_outlets() -> None:
    agency, paper, channel, site = ("وكاله",), ("صحيفه",), ("قناه",), ("موقع",)
    assert not medium_fits(agency, frozenset({"newspaper"}))
    assert medium_fits(paper, frozenset({"web"})) and medium_fits(site, frozenset({"tv"}))
    assert not medium_fits(channel, frozenset({"newspaper", "web"}))
    assert medium_fits(agency, frozenset())

"""Issue 16, session 8: compound given names, namesakes by the text's country, Maghreb press forms from the
national data sets, and a surname alone after the full name earlier in the document (real sentences of
``tests/data/gazetteer_mentions_s8.jsonl``, build half, and of the main set)."""

from __future__ import annotations

import json

import pytest

from translator.glossary import Glossary
from translator.glossary.document import DocumentNames
from translator.glossary.evaluate import load_mentions, score
from translator.glossary.gazetteer_build import MAGHREB, _form, _press_rules, press_form

from .test_gazetteer import ROOT

ALGIERS = "أشرف والي الجزائر العاصمة، محمد عبد النور رابحي، اليوم الأحد، على مراسم تنصيب الولاة المنتدبين الجدد"
DISTRICTS = ("يخص هذا التنصيب كل من مقاطعات درارية، براقي، بئر توتة، سيدي أمحمد، الحراش، حسين داي، رويبة، باب الوادي، "
             "الدار البيضاء، بوزريعة وبئر مراد رايس.")


def _by_surface(glossary: Glossary, text: str, **kwargs: object) -> dict[str, tuple[str, str]]:
    return {m.surface: (m.target, m.layer) for m in glossary.match(text, **kwargs)}


def test_word_after_abd_is_part_of_the_name(glossary: Glossary) -> None:
    # النور "the light" is a common word, yet after عبد it is the second half of one given name
    found = _by_surface(glossary, ALGIERS, country="DZ")
    assert found["محمد عبد النور رابحي"] == ("Mohamed Abdennour Rabhi", "romanized")
    lineage = "واستقبل وزير الداخلية كمال الفقي صباح الأحد الشيخ عبد العزيز بن فيصل بن محمد آل ثاني وزير الدولة"
    assert "عبد العزيز بن فيصل بن محمد آل ثاني" in _by_surface(glossary, lineage, country="TN")


def test_namesake_in_the_country_the_text_is_about(glossary: Glossary) -> None:
    # among ten Algiers districts, الدار البيضاء is Dar El Beida, not the glossary's Casablanca
    assert _by_surface(glossary, DISTRICTS, country="DZ")["الدار البيضاء"] == ("Dar El Beida", "gazetteer")
    # beside Moroccan cities it stays the glossary's Casablanca
    assert _by_surface(glossary, "زار الوزير الدار البيضاء والرباط وطنجة")["الدار البيضاء"] == (
        "Casablanca", "glossary")
    # a capital is never a namesake: القاهرة in a Yemeni story is Cairo
    yemen = _by_surface(glossary, "وصل الوزير اليمني من القاهرة إلى عدن ثم إلى تعز ومأرب")
    assert yemen["القاهرة"] == ("Cairo", "glossary")


def test_maghreb_press_forms_keep_articles() -> None:
    rules = _press_rules()
    assert {"DZ", "MA", "TN"} <= MAGHREB
    assert _form("Oum el Bouaghi", "DZ", rules) == "Oum El Bouaghi"
    assert _form("M'Sila", "DZ", rules) == "M'Sila"
    assert _form("Ar Rudayyif", "TN", rules) == "Rudayyif"  # a Mashriq transliteration's article goes
    assert _form("El Jadida", "MA", rules) == "El Jadida"
    assert _form("Ar Raqqah", "SY", rules) == press_form("Ar Raqqah", rules) == "Raqqah"  # the Mashriq as before


def test_shipped_gazetteer_has_national_forms(glossary: Glossary) -> None:
    gazetteer = glossary.gazetteer
    assert gazetteer is not None
    assert "El Jadida" in {p.target for p in gazetteer.candidates("الجديده")}
    assert "Marrakech-Safi" in {p.target for p in gazetteer.candidates("مراكش-اسفي")}
    marrakesh = [p for p in gazetteer.candidates("مراكش") if p.kind == "city" and p.country == "MA"]
    assert marrakesh and "Marrakech" in marrakesh[0].target_variants  # the city keeps GeoNames' exonym
    forms = (ROOT / "glossary" / "gazetteer" / "maghreb_forms.tsv").read_text(encoding="utf-8")
    assert "iso:MA-07\tMA\tsubdivision\tMarrakesh-Safi\tMarrakech-Safi\ttarget" in forms


def test_surname_alone_after_the_full_name_in_the_document(glossary: Glossary) -> None:
    later = "وقال رابحي إن العاصمة تستحق الأفضل"
    assert "رابحي" not in _by_surface(glossary, later, country="DZ")  # alone, the surname is no one
    names = DocumentNames()
    glossary.match(ALGIERS, country="DZ", document=names)
    assert len(names) == 1
    assert _by_surface(glossary, later, country="DZ", document=names)["رابحي"] == ("Rabhi", "romanized")
    # after a given name it is another person's name, not the one named before
    assert "رابحي" not in _by_surface(glossary, "والتقى محمد رابحي بالوزير", country="DZ", document=names)


def test_document_names_skip_ordinary_words(glossary: Glossary) -> None:
    names = DocumentNames()
    text = "وأضاف المتحدث أن المرسوم قضى بتكليف وزير الخارجية الكويتي، أحمد ناصر الصباح، بحقيبة وزارة الدفاع"
    glossary.match(text, country="KW", document=names)
    assert len(names) == 0  # الصباح "the morning": no surname to find alone


@pytest.mark.parametrize("documents", [False, True])
def test_score_pages_share_names(glossary: Glossary, documents: bool) -> None:
    records = [json.loads(line) for line in (ROOT / "tests" / "data" / "gazetteer_mentions_s8.jsonl")
               .read_text(encoding="utf-8").splitlines() if line]
    assert len(records) >= 40 and len({r["outlet_country"] for r in records}) >= 10
    build = load_mentions(ROOT / "tests" / "data" / "gazetteer_mentions_s8.jsonl", "build")
    result = score(glossary.match, build, outlet_country=True, documents=documents).to_dict()
    assert result["mentions"] == sum(len(r["mentions"]) for r in build)
    assert result["recall"] >= 0.6


def test_common_word_with_possessive_is_no_town(glossary: Glossary) -> None:
    # قصره "his palace": Qusrah is a Palestinian village, and the text names the Palestinian territories
    text = ("استقبال خادم الحرمين الشريفين للرئيس الفلسطيني محمود عباس في قصره بالرياض أمس والأوضاع في الأراضي "
            "الفلسطينية المحتلة")
    assert "قصره" not in _by_surface(glossary, text, country="SA")


def test_cue_does_not_make_a_very_common_word_a_foreign_village(glossary: Glossary) -> None:
    found = _by_surface(glossary, "الشباب والرياضة تنظم الإحتفال بيوم اليتيم بمركز شباب الحبيل بالأقصر", country="EG")
    assert "شباب" not in found  # Shabab, a village of Iran
    assert found["الأقصر"][0] == "Luxor"


def test_moroccan_region_named_by_two_towns(glossary: Glossary) -> None:
    found = _by_surface(glossary, "تولى نزار بركة مهام منسق الحزب بجهة تادلة أزيلال، ثم منسقا للحزب بجهة طنجة تطوان.",
                        country="MA")
    assert found["طنجة تطوان"] == ("Tangier-Tetouan", "composed")
    match = next(m for m in glossary.match("منسقا للحزب بجهة طنجة تطوان", country="MA") if m.surface == "طنجة تطوان")
    assert match.entry is not None and "no-enforce" in match.entry.flags
    # two towns of different countries stay two places
    apart = _by_surface(glossary, "رحلة من طنجة الجزائر")
    assert "طنجة الجزائر" not in apart


def test_blessings_and_offices_are_no_names(glossary: Glossary) -> None:
    blessing = ("ورفع سموه شكره لخادم الحرمين الشريفين الملك عبدالله بن عبدالعزيز آل سعود وسمو ولي عهده الأمين - "
                "حفظهما الله - على ما حظيت")
    assert not [m for m in glossary.match(blessing, country="SA") if "حفظهما" in m.surface]
    office = ("وكان في استقباله لدى الوصول عبدالله بن ناصر الرحبي سفير سلطنة عمان لدى مصر، ومندوبها الدائم لدى "
              "جامعة الدول العربية.")
    assert not [m for m in glossary.match(office, country="EG") if "مندوبها" in m.surface]
    villages = "في مقر الإمارة بمدينة بريدة، وكلاء الإمارة، ومديري العموم"
    assert [m.surface for m in glossary.match(villages, country="SA")] == ["بريدة"]


def test_listed_given_name_after_role_and_abdullah(glossary: Glossary) -> None:
    # فادي reads as ف + ادي ("led to"), وليد as و + ليد: listed given names are no words of the office
    assert _by_surface(glossary, "قال وزير الطاقة فادي جريصاتي", country="LB")["فادي جريصاتي"][1] == "romanized"
    found = _by_surface(glossary, "وقال الناطق باسم الوزارة وليد عبد الله", country="LB")
    assert found["وليد عبد الله"] == ("Walid Abdullah", "romanized")  # عبد الله is one name, not Abdul Allah


def test_batch_analysis_keeps_names_per_document(glossary: Glossary) -> None:
    from translator.corpus.analyze import analyze_document
    from translator.corpus.readers import Document

    text = f"{ALGIERS}.\nوقال رابحي إن العاصمة تستحق الأفضل."
    segments = analyze_document(Document("d1", "d1.txt", "txt", text, "0" * 64), glossary=glossary).segments
    terms = [s["glossary_terms"] for s in segments if s.get("glossary_terms")]
    assert any("رابحي=Rabhi" in t for t in terms[1:])
    # each document starts afresh: the surname alone in another document is no one
    alone = analyze_document(Document("d2", "d2.txt", "txt", "وقال رابحي إن العاصمة تستحق الأفضل.", "1" * 64),
                             glossary=glossary).segments
    assert not any("رابحي" in (s.get("glossary_terms") or "") for s in alone)

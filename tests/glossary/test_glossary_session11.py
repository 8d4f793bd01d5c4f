"""Session 11 of issue 16: kinds redone from the build halves' misses (F7 office words end a name, F8 wire
spellings of known names, F11 quotes in a user glossary), the enforcer told the document's country, family names
and titles, and gazetteer data (intelligence services, parliaments, US states, UN bodies, Mauritania's regions)."""

from __future__ import annotations

from pathlib import Path

from translator.glossary import Glossary
from translator.glossary.load import read_tsv


def _targets(glossary: Glossary, text: str, country: str | None = None) -> dict[str, str]:
    return {m.surface: m.target for m in glossary.match(text, country=country)}


def test_quotes_around_user_fields_are_stripped_with_a_warning(tmp_path: Path) -> None:
    """F11: a user glossary saved from a spreadsheet or a word processor quotes its fields; the quotes are no part
    of the term (matching “الجزائر” would find nothing), so they go, and the user is told."""
    path = tmp_path / "mine.tsv"
    path.write_text("source\ttarget\ttype\tvariants\tnote\n"
                    "“عبد المجيد تبون”\t\"Abdelmadjid Tebboune\"\tperson\t«تبون»|عبدالمجيد تبون\t\"the president\"\n"
                    "القدس\tJerusalem\tplace\t\t\n", encoding="utf-8")
    entries, problems = read_tsv(path)
    first = entries[0]
    assert (first.source, first.target, first.variants) == ("عبد المجيد تبون", "Abdelmadjid Tebboune",
                                                           ("تبون", "عبدالمجيد تبون"))
    assert first.note == '"the president"'  # a note may quote
    quotes = [p for p in problems if p.kind == "quotes"]
    assert [(p.line, p.severity) for p in quotes] == [(2, "warning")]
    assert "source" in quotes[0].message and "target" in quotes[0].message and "variants" in quotes[0].message
    assert entries[1].source == "القدس" and not [p for p in problems if p.line == 3]


def test_quoted_user_entry_matches(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("source\ttarget\ttype\n«المجلس الأعلى للدولة»\t“High Council of State”\torg\n", encoding="utf-8")
    glossary = Glossary.load([path])
    found = _targets(glossary, "وقال المجلس الأعلى للدولة في بيان")
    assert found.get("المجلس الأعلى للدولة") == "High Council of State"


def test_office_after_a_name_ends_it(glossary: Glossary) -> None:
    """F7: an office word right after a name (المبعوث، المحافظ، المندوب، الناطقة...) is the office, not a name part:
    the romanized name stops before it."""
    for text, name, office in (("التقى الرئيس يوسف الشاهد المبعوث الأممي", "يوسف الشاهد", "المبعوث"),
                               ("وقال السيد جمال رشيد المحافظ السابق", "جمال رشيد", "المحافظ"),
                               ("وقال العقيد سالم فرج المندوب الدائم", "سالم فرج", "المندوب"),
                               ("وقالت السيدة هدى سالم الناطقة باسم الحكومة", "هدى سالم", "الناطقة")):
        people = [m for m in glossary.match(text) if m.type == "person"]
        assert [m.surface for m in people] == [name], text
        assert all(office not in m.surface for m in people)


def test_office_word_introduces_a_name(glossary: Glossary) -> None:
    """The same office words open a name after them, as the roles already listed do."""
    people = [m.surface for m in glossary.match("وقال المبعوث الأممي هانس غروندبرغ إن") if m.type == "person"]
    assert people == ["هانس غروندبرغ"]


def test_kuwaiti_ruling_family_name_ends_the_name(glossary: Glossary) -> None:
    """الصباح ("the morning", zipf 5.2) after other name parts is the family name Al-Sabah, part of the name; it
    is never a name's first word."""
    for text in ("والتقى الشيخ ثامر جابر الأحمد الصباح نائب رئيس الحرس الوطني",
                 "واستقبل الشيخ أحمد ناصر المحمد الصباح الوفد"):
        people = [m for m in glossary.match(text, country="KW") if m.type == "person"]
        assert len(people) == 1 and people[0].surface.endswith("الصباح"), text
        assert people[0].target.casefold().endswith("al-sabah")
    assert not [m for m in glossary.match("وقال الوزير إن الاجتماع عقد الصباح") if m.type == "person"]


def test_imam_is_a_title(glossary: Glossary) -> None:
    """الإمام introduces a name as الشيخ does: the whole lineage after it is the name, not its last link."""
    people = [m for m in glossary.match("في ذكرى ثورة الإمام زيد بن علي") if m.type == "person"]
    assert [m.surface for m in people] == ["زيد بن علي"]
    assert people[0].target.startswith("Za")


def test_known_whole_name_outlasts_a_titled_fragment(glossary: Glossary) -> None:
    """A name a title marks stops at a common word (الصدر "the chest"); a Wikidata person's whole name that holds
    it is kept instead of the fragment."""
    people = [m.surface for m in glossary.match("وقال الإمام موسى الصدر في خطابه") if m.type == "person"]
    assert people == ["موسى الصدر"]


def test_namesakes_labels_give_the_conventional_spelling(glossary: Glossary) -> None:
    """F8: Wikidata has two people named صدام حسين (Saddam Hussein of Iraq, an Algerian Sadam Houcine); with no
    country to choose by, the label whose parts most people with those parts share is the wire's spelling."""
    from translator.glossary.names import attested_name, name_part_people

    assert name_part_people("صدام") > 1 and attested_name("صدام حسين") == "Saddam Hussein"
    people = [m for m in glossary.match("قال الرئيس العراقي الراحل صدام حسين إن") if m.type == "person"]
    assert [(m.surface, m.target) for m in people] == [("صدام حسين", "Saddam Hussein")]


def test_town_after_a_given_name_is_the_persons_name(glossary: Glossary) -> None:
    """F8: رشيد after عبد الله is the man's name (Abdullah Rashid), not the Egyptian town Rashid (Rosetta); and the
    name between a verb of saying and an office with no article is found (وأكد عبد الله رشيد وزير الخارجية)."""
    found = _targets(glossary, "وأكد عبد الله رشيد وزير الخارجية أن الاتفاق قائم")
    assert "Rosetta" not in found.values()
    assert found.get("عبد الله رشيد", "").startswith("Abd")
    assert "Rosetta" in _targets(glossary, "وصل الوفد إلى مدينة رشيد شمال مصر").values()


def test_enforcer_settles_a_shared_outlet_name_by_the_documents_country(glossary: Glossary) -> None:
    """The enforcer matches with the document's country, as the analysis does: الدستور in a Jordanian paper is
    Ad-Dustour and must be written so; with no country it is ambiguous and nothing is forced."""
    from translator.glossary.enforce import TermEnforcer
    from translator.mt.engine import Hypothesis

    enforcer = TermEnforcer(glossary, strategies=())
    source = "قالت صحيفة الدستور إن الحكومة قررت"
    wrong = [Hypothesis("Al-Dostor newspaper said the government decided")]
    _, jordan = enforcer.enforce(source, wrong, None, country="JO")
    assert not jordan.complete and any("Ad-Dustour" in flag for flag in jordan.term_flags)
    _, egypt = enforcer.enforce(source, wrong, None, country="EG")
    assert egypt.complete
    _, unknown = enforcer.enforce(source, wrong, None)
    assert unknown.complete
    assert not enforcer.check(source, wrong[0].text, country="JO").complete


class _RecordingEnforcer:
    """Keeps the model's first hypothesis and records the country each piece came with."""

    version = "recording"

    def __init__(self) -> None:
        self.seen: list[tuple[str, str | None]] = []

    def enforce(self, source: str, hypotheses: list, engine: object, country: str | None = None) -> tuple[str, dict]:
        self.seen.append((source, country))
        return hypotheses[0].text, {"terms_found": 0, "terms_placed": 0, "term_flags": []}


def test_translator_hands_each_pieces_country_to_the_enforcer(tiny_ct2_engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """``Translator.translate(texts, countries=...)``: each piece goes to the enforcer with its text's country; a
    piece two countries' texts share goes without one; the country is part of the MT cache key."""
    import pytest

    from translator.errors import InputError
    from translator.mt import Translator
    from translator.mt.cache import MTCache

    enforcer = _RecordingEnforcer()
    translator = Translator(tiny_ct2_engine, enforcer=enforcer, cache=MTCache(tmp_path / "cache.sqlite"))
    texts = ["الجيش الجزائري ينفذ مناورات", "وصل الوفد إلى تندوف", "قال الوزير. الجيش الجزائري ينفذ مناورات"]
    translator.translate(texts, countries=["DZ", "MA", "TN"])
    seen = dict(enforcer.seen)
    assert seen["وصل الوفد إلى تندوف"] == "MA"
    assert seen["قال الوزير."] == "TN"
    assert seen["الجيش الجزائري ينفذ مناورات"] is None  # an Algerian and a Tunisian text hold it
    enforcer.seen.clear()
    translator.translate(["وصل الوفد إلى تندوف"], countries=["MA"])
    assert enforcer.seen == []  # from the MT cache, under the same country
    translator.translate(["وصل الوفد إلى تندوف"], countries=["DZ"])
    assert enforcer.seen == [("وصل الوفد إلى تندوف", "DZ")]  # another country: enforced anew
    with pytest.raises(InputError):
        translator.translate(texts, countries=["DZ"])


def test_the_translate_stage_gives_each_source_its_documents_country() -> None:
    """The batch's translate stage takes each document's country from the outlet registry by its URL, as the
    analysis does, and gives a text two countries' documents hold none."""
    from types import SimpleNamespace as Row

    from translator.corpus.stages import _source_countries

    analyses = [Row(document=Row(doc_id="a", outlet="", url="https://www.addustour.com/articles/1")),
                Row(document=Row(doc_id="b", outlet="", url="https://www.hespress.com/x")),
                Row(document=None)]
    segments = [Row(text="قالت صحيفة الدستور", doc_id="a"), Row(text="خبر مشترك", doc_id="a"),
                Row(text="خبر مشترك", doc_id="b"), Row(text="جزء من نص طويل", doc_id="c")]
    titles = [Row(title_original="عنوان مغربي", doc_id="b")]
    sources = ["قالت صحيفة الدستور", "خبر مشترك", "جزء من نص طويل", "عنوان مغربي"]
    assert _source_countries(analyses, sources, segments, titles) == ["JO", None, None, "MA"]


def test_the_fifty_us_states_are_in_the_gazetteer(glossary: Glossary) -> None:
    """CLDR's Arabic names of the 50 states (gazetteer_cldr_subdivisions.tsv), English from ISO 3166-2; a state's
    population (its GeoNames cities) keeps its name a place where a common word's would need a cue."""
    from translator.datafiles import read_tsv

    rows = read_tsv("gazetteer_cldr_subdivisions.tsv", strip=True)
    assert len({r["code"] for r in rows if r["code"].startswith("US-")}) == 50
    gazetteer = glossary.gazetteer
    assert gazetteer is not None
    texas = gazetteer.candidates("تكساس")
    assert texas and (texas[0].target, texas[0].kind, texas[0].country) == ("Texas", "subdivision", "US")
    assert texas[0].population > 1_000_000
    assert _targets(glossary, "جامعة بيلور في ولاية تكساس الأمريكية").get("تكساس") == "Texas"
    assert _targets(glossary, "حرائق الغابات في كاليفورنيا").get("كاليفورنيا") == "California"
    assert "جورجيا" in _targets(glossary, "زار الرئيس جورجيا")  # the country Georgia stays the country
    assert gazetteer.candidates("جورجيا")[0].kind == "country"
    assert "مين" not in _targets(glossary, "لا نعرف من مين جاء الخبر")  # مين "who": Maine only with a cue


def test_mauritanias_regions_as_its_press_writes_them(glossary: Glossary) -> None:
    """Mauritania's regions with the article and spellings its press uses (الحوض الغربي, كوركل, البراكنة)."""
    found = _targets(glossary, "زار الوزير ولايتي الحوض الغربي والحوض الشرقي ثم كوركل والبراكنة", "MR")
    assert found.get("الحوض الغربي") == "Hodh El Gharbi"
    assert found.get("الحوض الشرقي") == "Hodh Ech Chargui"
    assert found.get("كوركل") == "Gorgol" and found.get("البراكنة") == "Brakna"


def test_intelligence_services_parliaments_and_un_bodies(glossary: Glossary) -> None:
    """Session 11's sourced rows (glossary/orgs.tsv): each is found in running text with its English form, and
    each names its source."""
    cases = {
        "أعلن جهاز المخابرات العامة اعتقال خلية": ("جهاز المخابرات العامة", "General Intelligence Service"),
        "وقالت دائرة المخابرات العامة إنها أحبطت مخططا": ("دائرة المخابرات العامة", "General Intelligence Directorate"),
        "وأعلن جهاز الشاباك في بيان": ("جهاز الشاباك", "Shin Bet"),
        "صوت مجلس النواب العراقي على القانون": ("مجلس النواب العراقي", "Iraqi Council of Representatives"),
        "وافق مجلس الشورى السعودي على النظام": ("مجلس الشورى السعودي", "Saudi Shura Council"),
        "قال مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية إن": ("مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية", "OCHA"),
        "وحذرت منظمة الأغذية والزراعة من المجاعة": ("منظمة الأغذية والزراعة", "Food and Agriculture Organization"),
        "أصدرت الإسكوا تقريرا": ("الإسكوا", "ESCWA"),
        "وأكدت منظمة حظر الأسلحة الكيميائية": ("منظمة حظر الأسلحة الكيميائية", "OPCW"),
    }
    for text, (surface, english) in cases.items():
        [match] = [m for m in glossary.match(text) if m.surface == surface]
        assert match.target == english, text
        assert match.entry is not None and "source: http" in match.entry.note


def test_heads_of_parliaments(glossary: Glossary) -> None:
    """Speakers the glossary lacked (region_officials.tsv, each row with its source), found with their press form."""
    found = _targets(glossary, "وقال المستشار حنفي جبالي رئيس مجلس النواب إن", "EG")
    assert found.get("حنفي جبالي") == "Hanafy El Gebaly"
    found = _targets(glossary, "وترأس إبراهيم بوغالي رئيس المجلس الشعبي الوطني الجلسة", "DZ")
    assert found.get("إبراهيم بوغالي") == "Brahim Boughali"
    assert found.get("المجلس الشعبي الوطني") == "People's National Assembly"
    found = _targets(glossary, "استقبل رشيد الطالبي العلمي الوفد", "MA")
    assert found.get("رشيد الطالبي العلمي") == "Rachid Talbi Alami"

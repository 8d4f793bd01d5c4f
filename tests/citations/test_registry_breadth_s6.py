"""Issue 15, sixth session: outlets from real source lists, and the structures that tell an outlet from a word.

Positive instances are real lines (their sources beside them) where one was at hand, else written for the kind
and marked so; every negative is a real sentence from a public page (its address beside it), where the word
the registry also knows as an outlet is not one.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from translator.citations import default_registry, parse_citation, parse_citations
from translator.dates import parse_date
from translator.glossary.outlet_registry import OutletRegistry, _prefix_key

ROOT = Path(__file__).resolve().parents[2]
OUTLETS = ROOT / "glossary" / "outlets.csv"
REAL = ROOT / "tests" / "data" / "citations_real.jsonl"


def _real(raw_start: str) -> dict:
    rows = [json.loads(line) for line in REAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    return next(r for r in rows if r["raw"].startswith(raw_start))


# ------------------------------------------------------------------ the registry
def test_every_row_added_in_session_6_names_its_source() -> None:
    with OUTLETS.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if "session 6" in (r["note"] or "")]
    assert len(rows) >= 150
    assert all("GitHub file id" in r["note"] for r in rows)
    assert all(r["country"] and r["type"] for r in rows)


@pytest.mark.parametrize(("written", "canonical"), [
    ("نيويورك تايمز", "The New York Times"), ("واشنطن بوست", "The Washington Post"),
    ("هآرتس", "Haaretz"), ("يديعوت أحرونوت", "Yedioth Ahronoth"), ("لوموند", "Le Monde"),
    ("ديلي تلغراف", "The Daily Telegraph"), ("الغارديان", "The Guardian"), ("الجارديان", "The Guardian"),
    ("فاينانشيال تايمز", "Financial Times"), ("معاريف", "Maariv"), ("وول ستريت جورنال", "The Wall Street Journal"),
    ("Yediot Ahronot", "Yedioth Ahronoth"), ("The Jerusalem Post", "The Jerusalem Post"), ("Kyodo", "Kyodo News"),
    ("الموعد اليومي", "El Maouid El Yaoumi"), ("Echourouq al Yawm", "Echorouk"),
])
def test_foreign_and_arab_papers_as_arabic_and_english_write_them_are_known(written: str, canonical: str) -> None:
    outlet = default_registry().lookup(written)
    assert outlet is not None and outlet.canonical == canonical


def test_a_prefix_is_found_by_the_sorted_index_exactly_as_a_scan_of_every_name_finds_it() -> None:
    registry = OutletRegistry.load()
    queries = {name[:n] for outlet in registry for name in outlet.names for n in range(1, len(name) + 1)}
    keys = [[_prefix_key(name) for name in outlet.names] for outlet in registry.outlets]
    for query in sorted(queries)[::7]:
        key = _prefix_key(query)
        scan = [] if len(key) < 3 else [number for number, names in enumerate(keys)
                                        if any(name.startswith(key) for name in names)]
        assert registry._prefix(query) == scan, query


# ------------------------------------------------------------------ real lines with the new outlets
@pytest.mark.parametrize(("line", "canonical", "title"), [
    # a Telegram news channel's post (GitHub file id 69218131309)
    ("صحيفة فاينانشيال تايمز: الحوثيون ابلغوا الاتحاد الأوروبي بأنهم لن يستهدفوا السفن الأوروبية في البحر الأحمر",
     "Financial Times", "الحوثيون ابلغوا الاتحاد الأوروبي بأنهم لن يستهدفوا السفن الأوروبية في البحر الأحمر"),
    # a Telegram news channel's post (GitHub file id 60943884656)
    ("وول ستريت جورنال:\nوزير الحرب الأمريكي يمدد انتشار القوات الأمريكية في الشرق الأوسط",
     "The Wall Street Journal", "وزير الحرب الأمريكي يمدد انتشار القوات الأمريكية في الشرق الأوسط"),
])
def test_a_foreign_paper_heading_a_post_is_its_outlet_without_the_type_noun(line: str, canonical: str,
                                                                            title: str) -> None:
    citation = parse_citation(line)
    assert citation is not None
    assert (citation.outlet_canonical, citation.title_original) == (canonical, title)
    assert not citation.outlet.startswith("صحيفة")


def test_a_description_that_is_the_outlets_own_name_in_the_other_script_is_dropped() -> None:
    row = _real("صحيفة التايمز (The Times)")  # BBC Arabic's press tour, batch 6
    citation = parse_citations(row["raw"])[0]
    assert (citation.outlet_canonical, citation.leaning) == ("The Times (London)", None)


def test_a_place_adjective_in_a_registry_spelling_is_the_description() -> None:
    # a Telegram news channel's post (GitHub file id 68843577077)
    citation = parse_citations("صحيفة يديعوت أحرونوت العبرية - رون بن يشاي: أظهر الحوثيون في الأسابيع الأخيرة "
                               "قدرةً مذهلةً على نقل قواتهم")[0]
    assert (citation.outlet, citation.outlet_canonical, citation.leaning) == \
        ("يديعوت أحرونوت", "Yedioth Ahronoth", "العبرية")
    # written for the kind: "الغد الأردنية" is a registry spelling of Al-Ghad
    citation = parse_citations("وكتبت صحيفة الغد الأردنية أن الحكومة تدرس رفع أسعار الوقود.")[0]
    assert (citation.outlet, citation.leaning) == ("الغد", "الأردنية")


# ------------------------------------------------------------------ common-word outlets
@pytest.mark.parametrize(("sentence", "canonical"), [  # written for the kind
    ("وقالت الغد في افتتاحيتها إن الحكومة تدرس رفع أسعار الوقود.", "Al-Ghad"),
    ("ورأت الرياض في افتتاحيتها أن القمة نجحت في رأب الصدع.", "Al-Riyadh"),
    ("وأكدت الأيام في عددها الصادر اليوم أن الانتخابات ستجري في موعدها.", "Al-Ayyam (Palestine)"),
])
def test_a_common_word_outlet_is_read_as_the_subject_of_a_press_verb_with_its_own_editorial(
        sentence: str, canonical: str) -> None:
    assert [c.outlet_canonical for c in parse_citations(sentence)] == [canonical]


@pytest.mark.parametrize(("sentence", "word"), [
    # https://baghdadtoday.news/226496
    ("وكانت محافظة كربلاء، قررت تعطيل دوام الغد بمناسبة العام الهجري الجديد، بينما تعطل محافظة البصرة غداً "
     "أيضاً بسبب ارتفاع درجات الحرارة.", "الغد"),
    # https://aljarida.com/articles/1599667901002049700/amp
    ("تزايدت مخاوف خلال الأيام الماضية من دخول عناصر جماعة «أنصار الله» الحوثية مدينة مأرب التي تعد أهم معقل "
     "لحكومة الرئيس عبدربه منصور هادي شمالي اليمن.", "الأيام"),
    # https://emb-algeria.org/
    ("هنأ رئيس الجمهورية, السيد عبد المجيد تبون, مساء اليوم الخميس, الشعب الجزائري بمناسبة عيد الأضحى المبارك, "
     "متمنيا لكل الجزائريات والجزائريين داخل الوطن وفي المهجر وللحجاج الميامين", "الوطن"),
    # https://almolahidjournal.com/archives/tag/وزارة-الداخلية/page/1 (a press verb, كشفت, in the sentence)
    ("كشفت وزارة الداخلية المغربية عن حصيلة رسمية صادمة للمواجهات وأعمال الشغب التي رافقت الاحتجاجات في مجموعة "
     "من مدن وأقاليم المملكة مساء أمس الثلاثاء.", "المملكة"),
    # https://media7tv.com/category/سياسة/page/7 (ذكر, a press verb, before البيان "the statement")
    ("وذكر البيان ان […]", "البيان"),
    # https://www.sotaliraq.com/2017/05/07/
    ("وأضاف الأعرجي بحسب البيان، أن “الوزارة سيكون لها دور كبير بعد انتهاء عمليات تحرير الموصل يوازي دور "
     "أبطالها في المعارك”", "البيان"),
    # https://nachitoun.com/ولي-العهد-السعودي-يستقبل-وزير-الخارجي (a press verb and الرياض the city)
    ("ذكرت وسائل إعلام سعودية اليوم الاثنين أن ولي العهد الأمير محمد بن سلمان استقبل وزير الخارجية الأمريكي "
     "ماركو روبيو في الرياض، في أول زيارة له للمملكة بعد أن تقلد منصبه الجديد.", "الرياض"),
    # https://vetogate.com/2739610 (الصباح, a family name)
    ("استعرض أمير الكويت صباح الأحمد الجابر الصباح، مع وزير الخارجية العماني، يوسف بن علوي العلاقات الأخوية "
     "وسبل دعمها وتطويرها.", "الصباح"),
    # https://baghdadtoday.news/76134-.html (هيئة الرأي, a body, not Al-Rai)
    ("طالب رئيس هيئة الرأي العربية في كركوك، ناظم الشمري، اليوم الأحد (27 تموز 2025)، بحل مجلس المحافظة، "
     "متهماً إياه بالعجز عن أداء مهامه التشريعية والرقابية", "الرأي"),
])
def test_a_word_the_registry_knows_as_an_outlet_is_no_outlet_in_real_prose(sentence: str, word: str) -> None:
    registry = default_registry()
    meant = set(registry.lookup_all(word))
    assert meant, word  # the registry does know the word as an outlet's name
    assert [c.outlet for c in parse_citations(sentence) if registry.lookup(c.outlet or "") in meant] == []


# ------------------------------------------------------------------ structure kinds
def test_a_known_name_alone_on_its_line_heads_a_paragraph_about_the_paper() -> None:  # written for the kind
    citations = parse_citations("الغارديان\nكشفت الصحيفة عن وثائق تظهر تورط شركات بريطانية في صفقات سلاح.")
    assert [c.outlet_canonical for c in citations] == ["The Guardian"]


def test_a_known_name_alone_on_its_line_over_a_sentence_with_a_full_stop_is_no_headline() -> None:
    assert parse_citations("Haaretz\nNetanyahu faces a new coalition crisis.") == []


@pytest.mark.parametrize(("start", "outlet", "leaning"), [
    ("Ali Al- Kasem, the editor-in-chief", "Al-Thawra (Syria)", "government-owned"),  # Syrian Observer, batch 1
])
def test_a_space_after_the_articles_hyphen_keeps_the_name_whole(start: str, outlet: str, leaning: str) -> None:
    citation = parse_citations(_real(start)["raw"])[0]
    assert (citation.outlet_canonical, citation.leaning, citation.author) == (outlet, leaning, "Ali Al- Kasem")


@pytest.mark.parametrize("start", [
    "“Hundreds of settlers storm Al-Aqsa",  # WAFA newspapers review, batch 8
    "“Occupation mania in the courtyards",
])
def test_a_headline_quoted_before_headlined_outlet_is_its_title(start: str) -> None:
    row = _real(start)
    citation = parse_citations(row["raw"])[0]
    assert citation.title_english == row["title_english"]
    assert default_registry().lookup(citation.outlet) is default_registry().lookup(row["outlet"])


@pytest.mark.parametrize("start", [
    "Al-Quds Arabic daily highlighted",  # WAFA review reposted, batch 8
    "Al-Hayat al-Jadida also highlighted",
])
def test_a_known_outlet_with_its_type_or_an_adverb_before_its_verb_is_the_source(start: str) -> None:
    row = _real(start)
    assert [c.outlet for c in parse_citations(row["raw"])] == [row["outlet"]]


def test_someone_elses_verb_does_not_make_a_mentioned_outlet_a_source() -> None:  # written for the kind
    assert parse_citations("The minister highlighted the role of Al-Ahram in the campaign.") == []


def test_a_headline_with_nested_straight_quotes_is_read_whole() -> None:
    row = _real("وأفردت جريدة \"الجريدة\"")  # Emirati review of Kuwaiti front pages, batch 8: never closed
    citation = parse_citations(row["raw"])[0]
    assert citation.title_original == row["title_original"] == 'الإمارات: اتهامات الدويلة "ساقطة" و"طائفية"'


def test_a_headline_with_nested_straight_quotes_whose_outer_quote_closes() -> None:  # written for the kind
    citation = parse_citations('كتب محمد الحسن في الرأي تحت عنوان "المقاربة الأردنية في "الانتقال السياسي" '
                               'السوري" ويقول إن الأردن يدعم الحل.')[0]
    assert citation.title_original == 'المقاربة الأردنية في "الانتقال السياسي" السوري'
    assert citation.author == "محمد الحسن"


# ------------------------------------------------------------------ dates: 04.06.15
def test_a_dotted_two_digit_year_date_alone_is_never_a_confident_guess() -> None:
    result = parse_date("MIDEAST MIRROR 04.06.15, SECTION B (THE ARAB WORLD)")  # tests/data/dates_real.tsv
    assert result.date is None and result.ambiguous
    assert result.candidates == ["2015-06-04", "2015-04-06"]
    assert parse_date("04.06.15", day_first=True).date == "2015-06-04"
    assert parse_date("24.10.19").date == "2019-10-24"  # only one reading
    assert parse_date("version 1.2.10").date is None  # one-digit parts: a version, no date


@pytest.mark.parametrize(("other", "expected"), [("24.10.2019", "2015-06-04"), ("10.24.2019", "2015-04-06")])
def test_a_dotted_two_digit_year_date_is_read_in_the_order_of_the_pages_other_dates(other: str,
                                                                                   expected: str) -> None:
    # written for the kind, in the form of the "(Khaled Al-Sulaiman, Al-Jazirah, 10.24.2019)"
    citations = parse_citations(f"(Khaled Al-Sulaiman, Al-Jazirah, {other})\n\n(Fahd Al-Ahmari, Okaz, 04.06.15)")
    assert citations[-1].date == expected
    assert any("two-digit year" in w for w in citations[-1].warnings)


def test_the_registry_gives_the_glossary_no_problem_row() -> None:
    """Outlet names become glossary entries: an alias that folds to another name of its row (هارتس, هآرتس) is a
    duplicate there, and every command printed its warning (the full suite caught it)."""
    from translator.glossary import Glossary

    assert [str(p) for p in Glossary.load([]).problems if "outlets" in str(p)] == []

"""Issue 15, session 8: Arabic press reviews as real pages write them (batch 14's build half) -- which of several
namesake papers is meant, the day a review page gives its papers, digests of columns and of headlines, and
papers named bare or by a part of their issue.  Every case is a shape a real review page prints; the texts are
shortened from them (tests/data/citations_real.jsonl, batch 14)."""

from __future__ import annotations

import pytest

from translator.citations import default_registry, parse_citations
from translator.citations.country import arabic_country, country_hint, majority_country, review_countries
from translator.citations.digest_ar import arabic_review_date, slash_quotes
from translator.citations.inline import later_writer


def _one(text: str, outlet: str | None = None) -> dict:
    found = [c.to_dict() for c in parse_citations(text)]
    assert found, text
    if outlet is None:
        return found[0]
    return next(c for c in found if c["outlet"] == outlet)


# --------------------------------------------------------------------------- which namesake
@pytest.mark.parametrize(("word", "country"), [
    ("الكويتية", "Kuwait"), ("والقطرية", "Qatar"), ("البحريني", "Bahrain"), ("اللبنانيه", "Lebanon"),
    ("اللندنية", "UK"), ("الإماراتية", "UAE"), ("المستقلة", None), ("الكويت", None), ("كويتية", None),
])
def test_arabic_country_adjectives_name_the_registry_country(word: str, country: str | None) -> None:
    assert arabic_country(word) == country


def test_a_papers_own_adjective_picks_its_namesake() -> None:
    assert _one("قالت صحيفة “الرأي” الكويتية إن الحكومة")["outlet_canonical"] == "Al-Rai (Kuwait)"
    assert _one("وكتبت صحيفة الرأي الأردنية أن")["outlet_canonical"] == "Al-Rai (Jordan)"
    assert country_hint("الكويتية") == "الكويتية Kuwait"
    assert country_hint(None, "Lebanon") == "Lebanon"
    assert country_hint("Lebanese daily", "Kuwait") == "Lebanese daily"  # its own country, not the page's


def test_the_page_names_the_country_of_the_papers_it_reviews() -> None:
    lebanese = "أسرار الصحف اللبنانية الصادرة اليوم\n\nصحيفة النهار:\n\n– قال مسؤول سابق إن التيار سيحسم"
    assert _one(lebanese, "النهار")["outlet_canonical"] == "An-Nahar"
    qatari = "تناولت الصحف القطرية، في افتتاحياتها اليوم، عدة موضوعات\n\nقالت صحيفة \"الوطن\" في افتتاحيتها: مرت سنتان"
    assert _one(qatari, "الوطن")["outlet_country"] == "Qatar"
    # its own adjective beats the page
    mixed = "أسرار الصحف اللبنانية الصادرة اليوم\n\nوذكرت صحيفة “الوطن” البحرينية أن الحكومة"
    assert _one(mixed, "الوطن")["outlet_country"] == "Bahrain"
    line = "جولة في الصحف المغربية الصادرة اليوم"
    assert review_countries(line) == [(line.index("المغربية"), "Morocco")]


def test_most_of_a_pages_papers_settle_a_bare_namesake() -> None:
    text = ("وقالت صحيفة القبس إن عدد المشتبه بهم ارتفع.\n\nأما صحيفة \"الجريدة\" فنشرت اليوم أن الخلية تدربت.\n\n"
            "ونقلت صحيفة الرأي عن مصادر أن الأسلحة هربت عبر البحر.")
    assert _one(text, "الرأي")["outlet_country"] == "Kuwait"
    assert _one("ونقلت صحيفة الرأي عن مصادر أن الأسلحة هربت")["outlet_country"] == "Jordan"  # alone: the first row
    assert majority_country(["Kuwait", "Kuwait", "Jordan"]) == "Kuwait"
    assert majority_country(["Kuwait", "Jordan"]) is None
    assert majority_country(["Kuwait"]) is None


def test_iraqs_al_sabah_is_a_namesake_of_bare_al_sabah() -> None:
    registry = default_registry()
    assert "Al-Sabah (Iraq)" in [o.canonical for o in registry.lookup_all("الصباح")]
    text = "اهتمامات الصحف العراقية الصادرة اليوم\n\nوقالت صحيفة الصباح إن الحكومة تقدم تعديلاتها"
    assert _one(text, "الصباح")["outlet_country"] == "Iraq"


def test_latin_al_youm_is_the_saudi_daily_not_youm7() -> None:
    assert _one("the Saudi daily Al-Youm said")["outlet_canonical"] == "Al-Yaum"
    assert _one("Al-Youm al-Sabea reported that")["outlet_canonical"] == "Youm7"
    assert _one("the independent Al-Masri Al-Youm is waging a campaign")["outlet_canonical"] == "Al-Masry Al-Youm"


# --------------------------------------------------------------------------- the review's day
@pytest.mark.parametrize(("line", "date"), [
    ("أسرار الصحف اللبنانية الصادرة اليوم الأربعاء 14 كانون الثاني 2026", "2026-01-14"),
    ("اهتمامات الصحف العراقية الصادرة اليوم الاثنين المصادف 27 -1-2020", "2020-01-27"),
    ("تحدثت الصحف الفلسطينية الثلاث، اليوم السبت 23 نوفمبر 2019، عن أعمال التخريب", "2019-11-23"),
    ("2015-09-28 - 4:52 م", "2015-09-28"),
    ("وقالت الحكومة في 14 كانون الثاني 2026 إن الموازنة أقرت", None),  # no review words
    ("الصحف اللبنانية الصادرة اليوم في كانون الثاني 2026", None),  # a month is not a day
    ("أبرز عناوين الصحف الصادرة اليوم 5/4/2020", "2020-04-05"),  # Arabic: day first
])
def test_an_arabic_review_line_gives_its_day(line: str, date: str | None) -> None:
    found = arabic_review_date(line)
    assert (found.date if found else None) == date


def test_papers_under_a_review_title_take_its_day_unless_they_have_their_own() -> None:
    text = ("أسرار الصحف اللبنانية الصادرة اليوم الأربعاء 14 كانون الثاني 2026\n\nصحيفة النهار:\n\n"
            "– قال مسؤول سابق في “تيار المستقبل” إن الحريري سيحسم مسألة المشاركة قبل 14 شباط المقبل")
    assert _one(text, "النهار")["date"] == "2026-01-14"
    text = ("2015-09-28 - 4:52 م\nمرآة البحرين: انتقد كاتب في صحيفة أخبار الخليج المقربة من رئيس الوزراء، إهدار "
            "مئات الألوف من الدنانير")
    assert _one(text, "أخبار الخليج")["date"] == "2015-09-28"
    assert _one("وقالت صحيفة الغد في عددها الصادر يوم 3 أيار 2023 إن الحكومة", "الغد")["date"] == "2023-05-03"


# --------------------------------------------------------------------------- digests of columns and headlines
def test_a_digest_of_columns_gives_each_column_its_paper() -> None:
    text = ("الأهرام\nفاروق جويدة يكتب: العرب قبل الطوفان\nتحدث كاتب المقال عن ضرورة جمع أشلاء العالم العربى\n"
            "صلاح منتصر يكتب: ولكن الله شاء\nتحدث الكاتب عن الساحر الراحل\nالمصرى اليوم\n"
            "سليمان جودة يكتب: لن يبنى دولة!\nأكد الكاتب، إن مصر ليست أول دولة")
    found = [(c.outlet, c.author, c.title_original) for c in parse_citations(text)]
    assert found == [("الأهرام", "فاروق جويدة", "العرب قبل الطوفان"), ("الأهرام", "صلاح منتصر", "ولكن الله شاء"),
                     ("المصرى اليوم", "سليمان جودة", "لن يبنى دولة!")]  # the summary lines are no headlines
    alone = _one("صلاح منتصر يكتب: لسنا فراعنة\nتحدث الكاتب، عن تأكيد الدكتور مصطفى الوزيرى")
    assert (alone["outlet"], alone["author"], alone["title_original"]) == (None, "صلاح منتصر", "لسنا فراعنة")


def test_an_iraqi_digest_brackets_the_headlines_under_each_paper() -> None:
    text = ("تناولت الصحف العراقية الصادرة اليوم عدد من المواضيع فقد أبرزت\n\nصحيفة الزوراء\n\n"
            "(استمرار الاحتجاجات في بغداد والمحافظات)\n\n(النفط تطلق البطاقة الوقودية رقم 11)\n\nصحيفة المدى\n\n"
            "(المرجعية تحمل الحكومة مسؤولية قتل المتظاهرين)")
    found = [(c.outlet, c.title_original) for c in parse_citations(text)]
    assert found == [("الزوراء", "استمرار الاحتجاجات في بغداد والمحافظات"),
                     ("الزوراء", "النفط تطلق البطاقة الوقودية رقم 11"),
                     ("المدى", "المرجعية تحمل الحكومة مسؤولية قتل المتظاهرين")]


def test_a_title_line_over_a_writer_whose_paragraph_names_the_paper_twice() -> None:
    text = ("الحكومة تقاوم “ديبلوماسيًا”.. وضغوط دولية لانتخاب “عسكري”\nكتب خلدون قواص في “الانباء الكويتية”: "
            "تحدث مصدر نيابي لـ «الأنباء»، عن «ضغوط من بعض القوى الدولية")
    first = _one(text)
    assert (first["outlet"], first["author"], first["leaning"], first["outlet_country"]) == \
        ("الانباء", "خلدون قواص", "الكويتية", "Kuwait")
    assert first["title_original"] == "الحكومة تقاوم “ديبلوماسيًا”.. وضغوط دولية لانتخاب “عسكري”"


# --------------------------------------------------------------------------- how the paper is named
def test_a_paper_named_after_a_part_of_its_issue() -> None:
    assert _one("في عدد يوم الأربعاء، نقرأ على أولى صفحات الأحداث المغربية \" 7 قتلى في أحداث الداخلة\".")[
        "outlet"] == "الأحداث المغربية"
    found = _one("وجاء في افتتاحية \" الاتحاد الاشتراكي\" الناطقة باسم حزب \" الاتحاد الاشتراكي \" العضو في الائتلاف")
    assert found["outlet"] == "الاتحاد الاشتراكي" and found["outlet_country"] == "Morocco"
    assert not parse_citations("قرأت على صفحات التاريخ أن المدينة سقطت")


@pytest.mark.parametrize(("text", "outlet"), [
    ("وأفادت الحياة الجديدة أن الرئيس استقبل وفدا", "الحياة الجديدة"),
    ("ذكرت الشرق الأوسط أن المحادثات توقفت", "الشرق الأوسط"),
    ("وقالت القبس إن عدد المشتبه بهم ارتفع إلى 13", "القبس"),
    ("قالت الرياض إن المملكة ترحب بالاتفاق", None),  # the capital: the government
    ("أفادت الأنباء بأن الاجتماع تأجل", None),  # "reports said"
])
def test_a_paper_written_bare_as_the_subject_of_a_press_verb(text: str, outlet: str | None) -> None:
    assert [c.outlet for c in parse_citations(text)] == ([outlet] if outlet else [])


def test_an_unknown_name_ending_in_today_before_its_country() -> None:
    found = _one("ذكرت صحيفة \"عالم اليوم\" الكويتية أن الأمير سيقطع زيارته")
    assert (found["outlet"], found["leaning"]) == ("عالم اليوم", "الكويتية")
    found = _one("قالت صحيفة عالم اليوم الكويتية إن الأمير سيقطع زيارته")
    assert (found["outlet"], found["leaning"]) == ("عالم اليوم", "الكويتية")
    assert _one("نشرت صحيفة الأهرام اليوم مقالا عن الانتخابات")["outlet"] == "الأهرام"  # "today"


@pytest.mark.parametrize(("text", "leaning"), [
    ("وكتبت صحيفة \" العلم \" القريبة من حزب \" الاستقلال \" الذي يتولى أمينه العام منصب رئيس الوزراء إن \" ما",
     "القريبة من حزب \" الاستقلال \""),
    ("نقلت صحيفة \"مشرق\" التابعة للحرس الثوري الإيراني، مساء الجمعة، عن مسؤول أمني", "التابعة للحرس الثوري الإيراني"),
    ("جريدة الصباح الصادرة عن شبكة الإعلام العراقي تقول إن الأنظار تتجه إلى بغداد", "الصادرة عن شبكة الإعلام العراقي"),
])
def test_a_description_runs_over_a_quoted_party_and_trailing_adjectives(text: str, leaning: str) -> None:
    assert _one(text)["leaning"] == leaning


def test_slashes_are_quotation_marks_in_qna_copy() -> None:
    assert slash_quotes("قالت صحيفة /الوطن/ في افتتاحيتها") == "قالت صحيفة «الوطن» في افتتاحيتها"
    assert slash_quotes("في ضحى 26/سبتمبر /1962م") == "في ضحى 26/سبتمبر /1962م"  # a date, not a quotation
    assert slash_quotes("and/or /this/") == "and/or /this/"  # only in Arabic text
    found = _one("وتحت عنوان /عامان من الصمود/، قالت صحيفة /الوطن/ القطرية في افتتاحيتها: مرت سنتان")
    assert (found["outlet"], found["title_original"], found["outlet_country"]) == ("الوطن", "عامان من الصمود", "Qatar")


def test_a_writer_named_later_in_the_paragraph() -> None:
    text = ("قالت صحيفة (الوطن) \" أن مملكة البحرين تحتفي بيوم الشهيد\".وأكدت بأن \"التضحية ارتبطت دائما بالحب\"."
            "جاء ذلك في كلمة الصحيفة بقلم رئيس التحرير الاستاذ يوسف البنخليل")
    assert _one(text)["author"] == "يوسف البنخليل"
    assert later_writer("وتساءل الكاتب إبراهيم الشيخ عن الشخص الذي") == "إبراهيم الشيخ"
    assert later_writer("وأشار الكاتب إلى أن الحكومة") is None


def test_a_common_word_paper_named_in_apposition_and_a_news_digests_day() -> None:
    found = _one("وفي ذات السياق نشرت الاتحاد الصحيفة المركزية للاتحاد الوطني الكوردستاني أن اللقاء الثلاثي كشف")
    assert found["outlet"] == "الاتحاد" and found["leaning"].startswith("الصحيفة المركزية")
    assert not parse_citations("وفي ذات السياق نشرت الاتحاد أن اللقاء الثلاثي كشف")  # the union, maybe
    text = "صباح الخير، إليكم أبرز مستجدات الإثنين 26 نيسان 2021\n\nمانشيت \"النهار\"، اليوم، جاءت بعنوان: أين العهد"
    assert _one(text, "النهار")["date"] == "2021-04-26"


def test_its_headline_is_a_headline_cue() -> None:
    found = _one("فصحيفة “الوطن” القطرية تصدر عنوانها “يا سادة.. قطر ذات سيادة”")
    assert (found["title_original"], found["outlet_country"]) == ("يا سادة.. قطر ذات سيادة", "Qatar")

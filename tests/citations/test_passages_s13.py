"""Issue 15, session 13: kinds missed on the build half of the real set (tests/data/citations_real.jsonl).

Each passage is a build-half row (batch 26 and older batches) or written in its form; the held-out half is
measured by benchmarks/citations_real.py, not here. Each kind also has a case it must not read.
"""

from __future__ import annotations

import pytest

from translator.citations import parse_citations


def _one(text: str) -> dict:
    cits = parse_citations(text)
    assert cits, text
    return cits[0].to_dict()


# ------------------------------------------------------------- a magazine is a publication (مجلة, batch 26)
def test_a_quoted_name_after_majalla_is_an_outlet_even_a_common_word() -> None:
    got = _one('نبدأ تصفحنا للأسبوعيات المغربية من مجلة "الآن" التي تطرقت إلى ما أسمته "طوب 10" لأبرز نكات '
               'وقفشات "عمو بنكيران"')
    assert got["outlet"] == "الآن"


def test_an_unquoted_magazine_name_with_its_country() -> None:
    got = _one("صدر العدد الجديد من مجلة العربي الكويتية")
    assert (got["outlet"], got["leaning"]) == ("العربي", "الكويتية")


# ------------------------------------------------------------- Arabic names between single quotes (batch 26)
def test_a_name_between_single_curly_quotes_and_its_headline() -> None:
    got = _one("نبدأ جولتنا بين الصحف بخبرٍ نشرته صحيفة ’وطن’ تحت عنوان:\"لا يخرح من الصندوق طاغية\" جاء فيه أن "
               "رئيس الجمهورية رجب طيب أردوغان أفاد")
    assert (got["outlet"], got["title_original"]) == ("وطن", "لا يخرح من الصندوق طاغية")


def test_single_quotes_without_a_type_noun_name_no_paper() -> None:
    assert parse_citations("قال 'الرئيس' إن المحادثات فشلت") == []


# ------------------------------------------------------------- a word quoted whole inside an unquoted title
@pytest.mark.parametrize("text, title", [
    ('ونشرت صحيفة "حريت" الخبر تحت عنوان: واشنطن تحذر من هجمات انتقامية لـ"داعش" ضد "التحالف"',
     'واشنطن تحذر من هجمات انتقامية لـ"داعش" ضد "التحالف"'),
    ('ونشرت صحيفة "حريت" الخبر تحت عنوان: المعارضة تطالب "الحكومة" بالاستقالة',
     'المعارضة تطالب "الحكومة" بالاستقالة'),
])
def test_a_quoted_word_inside_an_unquoted_title_is_part_of_it(text: str, title: str) -> None:
    assert _one(text)["title_original"] == title


# ------------------------------------------------------------- a stance between the name and its type noun
@pytest.mark.parametrize("text, outlet, leaning", [
    ("In a comment piece published Thursday, the Editor in Chief of Al-Thawra government-owned newspaper, Ali Qasem "
     "said Syria will not take Kerry's pledges seriously.", "Al-Thawra", "government-owned newspaper"),
    ("Tishreen state-run daily said the attack had failed.", "Tishreen", "state-run daily"),
])
def test_ownership_written_between_name_and_type_noun(text: str, outlet: str, leaning: str) -> None:
    got = _one(text)
    assert (got["outlet"], got["leaning"]) == (outlet, leaning)


# ------------------------------------------------------------- a writer set off by commas after what he is
@pytest.mark.parametrize("text, author", [
    ("The Tunisian leftist politician, Al- Nifti Hola, wrote in the government-owned Tishreen newspaper that "
     "\"For the thousandth time, it becomes clear\"", "Al- Nifti Hola"),
    ("On Sunday, the former minister, Marwan Muasher, wrote in Al-Ghad that reform had stalled.", "Marwan Muasher"),
])
def test_writer_between_commas_before_wrote_in(text: str, author: str) -> None:
    assert _one(text)["author"] == author


def test_the_news_subject_between_commas_is_no_writer() -> None:
    got = _one("Meanwhile, Fayez al-Sarraj, the chairman of the council, left Cairo, Al-Ahram reported.")
    assert (got["outlet"], got["author"]) == ("Al-Ahram", None)


# ------------------------------------------------------------- a sentence that says what a paper is
@pytest.mark.parametrize("text, outlet, leaning", [
    ("(Al-Sabah is a daily independent publicly owned newspaper.)", "Al-Sabah", "daily independent publicly owned"),
    ("Al-Quds is a Jerusalem-based independent daily.", "Al-Quds", "Jerusalem-based independent"),
])
def test_a_definition_names_the_paper_and_its_description(text: str, outlet: str, leaning: str) -> None:
    got = _one(text)
    assert (got["outlet"], got["leaning"]) == (outlet, leaning)


@pytest.mark.parametrize("text", [
    "The Daily Star is a newspaper that covers Lebanon and the region.",  # a clause goes on: no definition
    "The report is a paper on the economy.",
    "Mohammed is a student.",
])
def test_no_definition_without_a_name_or_with_a_clause_after(text: str) -> None:
    assert [c.outlet for c in parse_citations(text)] == []


# ------------------------------------------------------------- "Under this headline," cites the line before
def test_headline_before_under_this_headline() -> None:
    got = _one("Yemenis defy the Houthis and commemorate “September 26.” Under this headline, the Saudi newspaper "
               "Al-Sharq al-Awsat said that the Yemenis defied the Houthi militia and broke the decision to ban "
               "celebrations of the anniversary.")
    assert (got["outlet"], got["title_english"]) == ("Al-Sharq al-Awsat",
                                                     "Yemenis defy the Houthis and commemorate “September 26.”")


def test_arabic_headline_before_under_this_headline() -> None:
    got = _one("الحكومة تفشل في إدارة الأزمة. وتحت هذا العنوان كتبت صحيفة الغد أن الحكومة عاجزة")
    assert (got["outlet"], got["title_original"]) == ("الغد", "الحكومة تفشل في إدارة الأزمة")


def test_a_long_paragraph_before_is_no_headline() -> None:
    text = ("The talks went on for hours and the delegations met again in the evening to discuss the terms of the "
            "ceasefire and the exchange of prisoners that both sides had agreed to in principle last week. "
            "Under this headline, the Saudi newspaper Al-Sharq al-Awsat said the talks failed.")
    assert _one(text)["title_english"] is None


# ------------------------------------------------------------- a writer line over its summary, no paper line
def test_writer_colon_title_over_what_the_writer_discusses() -> None:
    got = _one("محمود خليل: ثورة الحِرة «الأنصارية»\nيتحدث عن أنه يخطئ الكثيرون حين يظنون أن دور الأنصار فى "
               "الحياة السياسية انتهى بوفاة سعد بن عبادة الخزرجى")
    assert (got["outlet"], got["author"], got["title_original"]) == (None, "محمود خليل", "ثورة الحِرة «الأنصارية»")


@pytest.mark.parametrize("text", [
    "محمد بن سلمان: المملكة ماضية في الإصلاح\nأكد أن المملكة ماضية في طريقها",  # a speaker and his words
    "وزير الدفاع الأميركي: معركة السيطرة على الرقة لن تكون سهلة\nوقال الوزير إن المعركة ستطول",
])
def test_a_speaker_colon_quote_over_news_is_no_column(text: str) -> None:
    assert all(c.author is None for c in parse_citations(text))


# ------------------------------------------------------------- "(Outlet) - item" under its headline
@pytest.mark.parametrize("text, outlet, title", [
    ("SADR CALLS ON IRAQIS TO PROTEST\n(Al-Mashriq) - The young Shia cleric Muqtada al-Sadr called on Iraqis to "
     "demonstrate near the ministerial complex after the Friday prayers.", "Al-Mashriq",
     "SADR CALLS ON IRAQIS TO PROTEST"),
    ("LEADERS AGREE TO PRESENT CONSTITUTION ON DEADLINE\n(Addustour) - Kameran Karadghi, spokesman for President "
     "Jalal Talabani, said the heads of political blocs and parties agreed.", "Addustour",
     "LEADERS AGREE TO PRESENT CONSTITUTION ON DEADLINE"),
])
def test_paper_in_brackets_and_a_dash_under_its_headline(text: str, outlet: str, title: str) -> None:
    got = _one(text)
    assert (got["outlet"], got["title_english"]) == (outlet, title)


@pytest.mark.parametrize("text", ["(See below) - more on the talks.", "(John Smith) - a note on the talks."])
def test_brackets_and_a_dash_hold_no_paper_without_a_name(text: str) -> None:
    assert parse_citations(text) == []


# ------------------------------------------------------------- an unknown Arabic name ends before an indefinite noun
@pytest.mark.parametrize("text, outlet", [
    ("وفي موضوع آخر، تناولت صحيفة التلغراف سياسة الرئيس الروسي فلاديمير بوتين تجاه أوكرانيا", "التلغراف"),
    ("نقلت صحيفة الاندبندنت تقريرا عن مصادر دبلوماسية", "الاندبندنت"),
])
def test_a_definite_unknown_name_ends_before_an_indefinite_noun(text: str, outlet: str) -> None:
    assert _one(text)["outlet"] == outlet


def test_an_indefinite_first_word_goes_on_into_the_name() -> None:
    assert _one("وقالت صحيفة صوت الأحرار إن الحكومة فشلت")["outlet"] == "صوت الأحرار"


# ------------------------------------------------------------- a bullet alone on its line before the headline
def test_headline_after_a_lone_dash_line() -> None:
    got = _one("والى صحيفة المشرق المستقلة لنقرأ فيها ..\n-\nأطباء العراق في الأردن يرفضون العودة .. وتراجع في زخم "
               "عودة اللاجئين العراقيين بعد انطلاقة متعثرة .. أعقبتها خيبة")
    assert (got["outlet"], got["title_original"]) == (
        "المشرق", "أطباء العراق في الأردن يرفضون العودة .. وتراجع في زخم عودة اللاجئين العراقيين بعد انطلاقة متعثرة "
                  ".. أعقبتها خيبة")


# ------------------------------------------------------------- "كتبه X" / "كتبها X": the piece's writer
@pytest.mark.parametrize("text, outlet, author", [
    ('نعم، هناك مقالة تحت عنوان " يقتلونه ام لا يقتلونه؟: الخاطفون معجبون بالفضائيات! " كتبها توفيق رباحي.', None,
     "توفيق رباحي"),
    ("وفي صحيفة الإندبندنت، وأوضحت -في مقال كتبه روبرت كورنويل- أن سياسة العقوبات لم تزحزح بوتين", "الإندبندنت",
     "روبرت كورنويل"),
])
def test_the_writer_after_katabahu(text: str, outlet: str | None, author: str) -> None:
    got = _one(text)
    assert (got["outlet"], got["author"]) == (outlet, author)


def test_katabahu_after_a_subject_is_no_writer() -> None:
    assert _one("وقالت صحيفة الغد إن الوزير كتبه في رسالته")["author"] is None


# ------------------------------------------------------------- a paper in the writer's description is not cited
def test_writing_in_after_an_appositive_naming_another_outlet() -> None:
    cits = parse_citations("Salama Nimaat, a pro-American Jordanian journalist and frequent al Hurra guest, writing in "
                           "al Hayat: \"George Bush met with King Abdullah of Jordan a few days ago.\"")
    assert [(c.outlet, c.author) for c in cits] == [("al Hayat", "Salama Nimaat")]


def test_two_papers_in_two_clauses_keep_no_writer() -> None:
    cits = parse_citations("Gulf News said the talks failed, while Khaleej Times said they went well.")
    assert [(c.outlet, c.author) for c in cits] == [("Gulf News", None), ("Khaleej Times", None)]


# ------------------------------------------------------------- a title between two closing quotation marks
def test_title_after_entitled_between_two_closing_marks() -> None:
    got = _one("The Jordanian daily Al-Ghad, in an article entitled ” Beirut occupation” wrote: This is Beirut that "
               "once again is assaulted.")
    assert (got["outlet"], got["title_english"]) == ("Al-Ghad", "Beirut occupation")


# ------------------------------------------------------------- "The newspaper editorial, “T”, addressed ..."
def test_back_reference_with_its_piece_and_title() -> None:
    got = _one("The newspaper editorial, “A Government on Sale in Wall Street”, addressed the US debt crisis and "
               "portrayed a dismal image of the United States’ economic situation")
    assert (got["outlet"], got["title_english"]) == (None, "A Government on Sale in Wall Street")


def test_back_reference_with_its_piece_takes_the_paper_named_before() -> None:
    cits = parse_citations("Kayhan ran a long piece on the talks. The paper's editorial, \"Washington's last chance\", "
                           "warned against haste.")
    assert (cits[-1].outlet, cits[-1].title_english) == ("Kayhan", "Washington's last chance")


# ------------------------------------------------------------- "“Paper” تعرض: ..." opening a digest line
@pytest.mark.parametrize("text, outlet", [
    ("“يديعوت” تعرض: شابات عربيات يصنعن التاريخ في إسرائيل", "يديعوت"),
    ("«هآرتس» تكتب: نتنياهو يواجه أزمة داخل الائتلاف", "هآرتس"),
])
def test_quoted_paper_with_a_verb_and_a_colon(text: str, outlet: str) -> None:
    assert _one(text)["outlet"] == outlet


@pytest.mark.parametrize("text", ['"الحكومة" تقول: لن نتراجع عن الإصلاحات', '"الرئيس" يقول: لن نتراجع عن الإصلاحات'])
def test_a_common_word_in_quotes_speaking_is_no_paper(text: str) -> None:
    assert parse_citations(text) == []


# ------------------------------------------------------------- "العناوين التالية" without its colon
@pytest.mark.parametrize("text, title", [
    ("فقد ابرزت صحيفة المشرق العناوين التالية أعضاء بمجلس الأمن يزورون العراق", "أعضاء بمجلس الأمن يزورون العراق"),
    ("وحملت صحيفة الصباح العناوين التالية: الحكومة تقر الموازنة", "الحكومة تقر الموازنة"),
])
def test_the_following_headlines_with_or_without_a_colon(text: str, title: str) -> None:
    assert _one(text)["title_original"] == title


def test_huwa_still_needs_its_colon() -> None:
    assert _one("ونشرت صحيفة الغد عنوانا آخر هو الحكومة تقر الموازنة")["title_original"] is None

"""Issue 15, session 12: kinds missed on the build half of batch 23 (tests/data/citations_real.jsonl).

Passages are from the build half (batch 23 and older batches) or written in their forms; the held-out half is
measured by benchmarks/citations_real.py, not here.
"""

from __future__ import annotations

import pytest

from translator.citations import parse_citations


def _one(text: str) -> dict:
    cits = parse_citations(text)
    assert cits, text
    return cits[0].to_dict()


# ------------------------------------------------------------- an Arabic writer line with an honorific
@pytest.mark.parametrize("text, outlet, author, title", [
    ("الأهرام\nد. وحيد عبدالمجيد يكتب: ماذا يبقى من أمريكا؟\nتحدث الكاتب عن قرارات متوالية ضد الهجرة",
     "الأهرام", "وحيد عبدالمجيد", "ماذا يبقى من أمريكا؟"),
    ("د.عمرو عبد السميع يكتب:الاغتيال هو الحل\nقال الكاتب إنه منذ أيام كان حادث اغتيال",
     None, "عمرو عبد السميع", "الاغتيال هو الحل"),
    ("الأهرام\nالدكتور مصطفى الفقى يكتب: الحصار الإعلامى حول مصر", "الأهرام", "مصطفى الفقى",
     "الحصار الإعلامى حول مصر"),
    # the verb and "about" in place of the colon, under the paper's name
    ("الأهرام\nمكرم محمد أحمد يكتب عن حق الأمير وحق الغفير!", "الأهرام", "مكرم محمد أحمد", "حق الأمير وحق الغفير!"),
])
def test_writer_line_honorific_dropped(text: str, outlet: str | None, author: str, title: str) -> None:
    got = _one(text)
    assert (got["outlet"], got["author"], got["title_original"]) == (outlet, author, title)


def test_writes_about_without_a_paper_line_is_no_title() -> None:
    # without the paper's name above it, "X writes about ..." may be a summary sentence: no title is read from it
    for cit in parse_citations("مكرم محمد أحمد يكتب عن حق الأمير وحق الغفير"):
        assert cit.title_original != "حق الأمير وحق الغفير"


# ------------------------------------------------------------- a column "he named", its writer named by role
@pytest.mark.parametrize("text, outlet, author, title", [
    ("تناول الكاتب عمرو عبد السميع في مقاله الذي أسماه نفس الجدية والذي قام بـ نشره في جريدة الأهرام الحديث عن، "
     "إطلاق المنتدى المصري للدراسات الإسرائيلية", "الأهرام", "عمرو عبد السميع", "نفس الجدية"),
    ("تناول الكاتب عبد المحسن سلامة في مقاله الذي أسماه إنصاف أصحاب المعاشات والذي نشره في جريدة الأهرام "
     "الحديث عن، العلاوات الخاصة لأصحاب المعاشات", "الأهرام", "عبد المحسن سلامة", "إنصاف أصحاب المعاشات"),
])
def test_unquoted_title_the_writer_named(text: str, outlet: str, author: str, title: str) -> None:
    got = _one(text)
    assert (got["outlet"], got["author"], got["title_original"]) == (outlet, author, title)


@pytest.mark.parametrize("text", [
    # "what he called" (ما أسماه / ما سمته) quotes a word, it names no piece
    "يومية \"المساء\" تحدثت عن استقالة رئيس المقاطعة من الحزب بسبب ما أسماه ب\"العبث السياسي\".",
    "تناولت صحيفة الغارديان في مقال رأي ما سمته الأكاذيب الأميركية في العراق وتكميم الصحافة",
])
def test_what_someone_called_is_no_title(text: str) -> None:
    assert all(c.title_original is None for c in parse_citations(text))


def test_no_writer_name_holds_a_preposition() -> None:
    cits = parse_citations("قال الكاتب في مقاله في صحيفة الأهرام إن الحكومة تأخرت")
    assert cits and cits[0].outlet == "الأهرام"
    assert cits[0].author is None


# ------------------------------------------------------------- a name that owns an editorial is a paper's
def test_unknown_name_owning_an_editorial_is_the_outlet() -> None:
    text = ("“As the wave of baseless political accusations subsided”, Iran’s editorial stated, “a new phase of "
            "unethical media behavior on the economy has begun.”")
    assert [c.outlet for c in parse_citations(text)] == ["Iran"]


@pytest.mark.parametrize("text", [
    "Tuesday’s front page was dominated by the summit in Riyadh.",
    "The paper’s editorial said the government had erred.",
    "Iran's nuclear programme was discussed in Vienna on Monday.",
])
def test_no_outlet_from_a_day_a_pronoun_or_a_country_without_a_piece(text: str) -> None:
    assert all(c.outlet not in {"Tuesday", "The", "Iran"} for c in parse_citations(text))


# ------------------------------------------------------------- a headline over its paper's name run into the text
@pytest.mark.parametrize("text, outlet, title", [
    ("The Saher needs a revamp\nMakkahIN Bloomington, Indiana, I was going back home one night in the summer of 2011.",
     "Makkah", "The Saher needs a revamp"),
    ("A stranger in one’s own country\nAl-MadinaWHAT does it mean to live an isolated life in the middle of a crowd?",
     "Al-Madina", "A stranger in one’s own country"),
    ("The language of snakes\nOkaz newspaperA Saudi expert in Turkish affairs told me how lucky we are.",
     "Okaz", "The language of snakes"),
])
def test_headline_over_glued_paper_name(text: str, outlet: str, title: str) -> None:
    got = _one(text)
    assert (got["outlet"], got["title_english"]) == (outlet, title)


def test_a_spaced_capital_word_is_no_glued_paper() -> None:
    # "Lebanon TODAY": a space, so no paper name ran into the text
    assert parse_citations("Protests continue in Beirut\nLebanon TODAY saw thousands in the streets.") == []


# ------------------------------------------------------------- an English digest's "Writer wrote: Title" line
def test_english_writer_line_alone() -> None:
    got = _one("Abdel Fattah Abdel Moneen wrote: How does U.S. administration read CIA reports?")
    assert (got["outlet"], got["author"], got["title_english"]) == (
        None, "Abdel Fattah Abdel Moneen", "How does U.S. administration read CIA reports?")


def test_english_writer_line_under_its_paper() -> None:
    got = _one("Youm7 newspaper\nWael El-Semari wrote: Russian Foreign Minister’s Call")
    assert (got["outlet"], got["author"], got["title_english"]) == (
        "Youm7", "Wael El-Semari", "Russian Foreign Minister’s Call")


@pytest.mark.parametrize("text", [
    "Ahmed Ali Hassan wrote: The government is failing its people. It must act now before the summer ends.",
    "Ahmed Ali Hassan said: How does the administration read the reports?",
])
def test_no_english_writer_line_from_a_quotation(text: str) -> None:
    # two sentences after "wrote:" are a quotation, not a title; "said:" introduces speech
    assert all(c.title_english is None or "." not in c.title_english[:-1] for c in parse_citations(text))
    assert all(c.author != "Ahmed Ali Hassan" or c.title_english is None for c in parse_citations(text))


# ------------------------------------------------------------- a description with a country's possessive
@pytest.mark.parametrize("text, leaning", [
    ("\"We have heard a lot about Somalis fighting one another,\" Samir Rajab writes in Egypt's largest daily, "
     "Al-Jumhuriya.", "Egypt's largest daily"),
    ("Al-Jumhuriya, Egypt's largest daily, said the government had failed to act.", "Egypt's largest daily"),
])
def test_possessive_description_set_off_by_commas(text: str, leaning: str) -> None:
    got = _one(text)
    assert (got["outlet"], got["leaning"]) == ("Al-Jumhuriya", leaning)


# ------------------------------------------------------------- a bulletin's list entry (batch 24, build half)
@pytest.mark.parametrize("text, outlet, author, date, title", [
    ("Lebanon Leaps into Chaos-Naharnet", "Naharnet", None, None, "Lebanon Leaps into Chaos"),
    ("Hezbollah sets resolution terms-BBC\nNews", "BBC News", None, None, "Hezbollah sets resolution terms"),
    ("Turkey’s Parliament Lifts Scarf Ban-New York\nTimes", "New York Times", None, None,
     "Turkey’s Parliament Lifts Scarf Ban"),
    ("Gemayel accuses opposition of planning for 'regime change\n-Daily Star", "Daily Star", None, None,
     "Gemayel accuses opposition of planning for 'regime change"),
    ("Lebanon's politicians are ruining their country\nwithout even saying why-The\nDaily Star. January 04/08",
     "The Daily Star", None, "2008-01-04", "Lebanon's politicians are ruining their country without even saying why"),
    ("Pakistan and Lebanon, the same struggle.By\nHiram Chodosh and Chibli Mallat. January 04/08", None,
     "Hiram Chodosh and Chibli Mallat", "2008-01-04", "Pakistan and Lebanon, the same struggle"),
    ("Lebanon \"cannot bear\ntwo armies\"By\n: W. Thomas Smith Jr. Feb 10, 2008", None, "W. Thomas Smith Jr",
     "2008-02-10", "Lebanon \"cannot bear two armies\""),
])
def test_bulletin_entry(text: str, outlet: str | None, author: str | None, date: str | None, title: str) -> None:
    got = _one(text)
    assert (got["outlet"], got["author"], got["date"], got["title_english"]) == (outlet, author, date, title)


@pytest.mark.parametrize("text", [
    # a hyphen after a transliterated article is the name's own, not an entry's separator
    "The fuel crisis has weakened the middle class, reports Al-Araby al-Jadeed",
    "Muhammad Abu-Krishah writes in Egypt's Al-Ahram",
    # a hyphenated headline word is no source
    "Lebanese army clashes with pro-Syrian militants",
])
def test_no_bulletin_entry_split_inside_a_name(text: str) -> None:
    for cit in parse_citations(text):
        assert cit.outlet not in {"Jadeed", "Krishah", "Syrian"}
        assert not (cit.title_english or "").endswith((" al", " Abu"))


# ------------------------------------------------------------- no writer or paper from an adjective or a verb
def test_role_word_as_an_adjective_names_no_writer() -> None:
    text = ("وأوضحت صحيفة \"الرياض\" في افتتاحيتها: اختطت «الرياض» مسارها الإعلامي محققة شعارها (الريادة والتفوق)، "
            "فهي رائدة كونها أول صحيفة يومية تصدر من عاصمتنا الحبيبة الرياض")
    cits = parse_citations(text)
    assert [c.outlet for c in cits] == ["الرياض"]  # no paper "تصدر" ("is published") nor "يومية" ("daily")
    assert cits[0].author is None  # "مسارها الإعلامي": "its media path", no writer named by role


def test_role_word_after_a_verb_still_names_the_writer() -> None:
    got = _one("قال الكاتب أسامة سرايا - في عموده بصحيفة الأهرام إن الحكومة تأخرت")
    assert (got["outlet"], got["author"]) == ("الأهرام", "أسامة سرايا")


# ------------------------------------------------------------- "the paper" / "the writer" and its piece's title
def test_arabic_back_reference_with_a_title() -> None:
    text = ("نشرت صحيفة النهار تقريرا عن الأزمة.\n"
            "ولفتت الصحيفة، في افتتاحيتها بعنوان ( ترهل لبنان )، إلى أن كل يوم يمر على اللبنانيين هو أسوأ من سابقه.")
    cits = parse_citations(text)
    assert [(c.outlet, c.title_original) for c in cits][-1] == ("النهار", "ترهل لبنان")  # the paper named before
    alone = parse_citations(text.split("\n")[1])
    assert [(c.outlet, c.title_original) for c in alone] == [(None, "ترهل لبنان")]


def test_arabic_back_reference_to_the_writer() -> None:
    got = _one("وأكد الكاتب - في مقاله بعنوان (من المعتدى ومن الضحية؟) - أن مصر تبذل جهودا كبيرة مع الطرفين")
    assert (got["outlet"], got["author"], got["title_original"]) == (None, None, "من المعتدى ومن الضحية؟")


def test_the_paper_without_a_title_is_no_back_reference() -> None:
    assert parse_citations("ولفتت الصحيفة إلى أن كل يوم يمر على اللبنانيين هو أسوأ من سابقه.") == []


# ------------------------------------------------------------- writers in op-ed reviews (batch 25, build half)
@pytest.mark.parametrize("text, outlet, author", [
    ("Al-Masry Al-Youm’s Newton wrote that the issue was not sectarian because such crimes have nothing to do with "
     "religion.", "Al-Masry Al-Youm", "Newton"),
    ("On the same topic, Samir Morkos in the private Al-Masry Al-Youm newspaper opinionated that there was a setback "
     "in treating religious tensions.", "Al-Masry Al-Youm", "Samir Morkos"),
])
def test_op_ed_review_writers(text: str, outlet: str, author: str) -> None:
    got = _one(text)
    assert (got["outlet"], got["author"]) == (outlet, author)


def test_a_piece_word_after_the_possessive_is_no_writer() -> None:
    assert all(c.author is None for c in parse_citations("Al-Ahram’s Editorial wrote that the talks had failed."))

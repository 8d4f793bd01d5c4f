"""Issue 15, session 9: Arabic writers named by role or by their piece, and the ``المعنونة`` headline cue.

Passages are from the build half of batch 17 (tests/data/citations_real.jsonl).
"""

from __future__ import annotations

import pytest

from translator.citations import parse_citations


@pytest.mark.parametrize(("text", "outlet", "author"), [
    ("ففي عموده (إنها مصر) بصحيفة (أخبار اليوم).. دعا الكاتب كرم جبر رئيس رئيس المجلس الأعلى لتنظيم الإعلام"
     " إلى عدم ترك أهالينا في فلسطين", "أخبار اليوم", "كرم جبر"),
    ("بينما قال الكاتب أسامة سرايا - في عموده (حكاية فكرة) بصحيفة (الأهرام) - إن أزمة سوريا", "الأهرام",
     "أسامة سرايا"),
    ("جريدة الصباح الصادرة عن شبكة الاعلام العراقي وفي افتتاحيتها اشادت بدور دولة قطر في حل الازمة اللبنانية"
     " ليرى كاتب المقالة فلاح المشعل ان هذا ما جعل قطر تقفز الى موقع سياسي مؤثر.", "الصباح", "فلاح المشعل"),
    ("ونستمر مع الصحف السعودية، ومع ما كتبه جاسر عبد العزيز الجاسر في صحيفة الجزيرة عن احتفال بعض المجتمعات"
     " العربية في منتصف شهر رمضان", "الجزيرة", "جاسر عبد العزيز الجاسر"),
])
def test_writer_named_by_role_or_piece(text: str, outlet: str, author: str) -> None:
    found = parse_citations(text)
    assert [(c.outlet, c.author) for c in found] == [(outlet, author)]


def test_a_role_noun_with_no_name_gives_no_writer() -> None:
    found = parse_citations("وقالت صحيفة الأهرام إن الكاتب - في مقاله - أكد أن مصر تبذل جهودا كبيرة.")
    assert [(c.outlet, c.author) for c in found] == [("الأهرام", None)]


def test_titled_cue() -> None:
    found = parse_citations("صحيفة “الراية” أوضحت في افتتاحيتها المعنونة “قطر تعزز العلاقات مع مصر”، أن العلاقات"
                            " بين قطر ومصر عميقة ومتجذرة.")
    assert [(c.outlet, c.title_original) for c in found] == [("الراية", "قطر تعزز العلاقات مع مصر")]


@pytest.mark.parametrize(("text", "leaning"), [
    ("«مصر لن تنكسر» كان هذا مانشيت جريدة «الأهرام» الصادرة اليوم الاثنين على خلفية التفجيرين", None),
    ("قالت صحيفة الأهرام الصادرة صباح اليوم إن الحكومة تدرس رفع أسعار الوقود", None),
    # what the paper is stays its description
    ("جريدة الصباح الصادرة عن شبكة الاعلام العراقي تقول إن الأنظار تتجه إلى بغداد",
     "الصادرة عن شبكة الاعلام العراقي"),
    ("صحيفة \"الوطن\" الصادرة بالفرنسية، كتبت بالخط العريض \"شعب رائع\"", "الصادرة بالفرنسية"),
])
def test_the_issues_day_is_no_description(text: str, leaning: str | None) -> None:
    assert [c.leaning for c in parse_citations(text)] == [leaning]


@pytest.mark.parametrize(("text", "outlet", "title"), [
    ("من العناوين التي نشرتها صحيفة المدى يبرز خبر ترشيح جبهة التوافق لـ سلام الزوبعي لمنصب نائب رئيس الوزراء..."
     " واضافت الصحيفة في عنوانها\n- لقاءات رفيعة واجواء ايجابية... ورئيس الوزراء يتوقع تشكيل الحكومة الثلاثاء القادم.",
     "المدى", "لقاءات رفيعة واجواء ايجابية... ورئيس الوزراء يتوقع تشكيل الحكومة الثلاثاء القادم"),
    ("هذا وكان ابرز عناوين النسخة البغدادية من صحيفة الزمان\n- المسلحون يصّفون حساباتهم مع الزرقاوي في سامراء",
     "الزمان", "المسلحون يصّفون حساباتهم مع الزرقاوي في سامراء"),
])
def test_a_line_announcing_headlines_takes_the_next(text: str, outlet: str, title: str) -> None:
    found = parse_citations(text)
    # (the headline as printed; a closing full stop is the line's, as the benchmark's comparison has it)
    assert [(c.outlet, (c.title_original or "").rstrip(".")) for c in found][:1] == [(outlet, title)]


@pytest.mark.parametrize(("text", "outlet", "author", "title"), [
    ("في الرأي يتساءل علاء القرالة تحت عنوان \"من يجيب.. في ولا ما في؟\" \nكثيرة هي الاسئلة التي تشغل الرأي العام",
     "الرأي", "علاء القرالة", "من يجيب.. في ولا ما في؟"),
    ("\"الشعب يرفض الحكومة وبيان الرئاسة\"، هكذا استهلت صحيفة \"الشروق\" الجزائرية، صفحتها الرئيسية",
     "الشروق", None, "الشعب يرفض الحكومة وبيان الرئاسة"),
    ("قراءتنا لهذه الصحف نبدأها ب \"مسيرة الاعلام: أكبر استفزاز للفلسطينيين في القدس\" عنونت \"العربي الجديد\""
     " غلافها", "العربي الجديد", None, "مسيرة الاعلام: أكبر استفزاز للفلسطينيين في القدس"),
])
def test_columnist_verb_and_headline_before_the_paper(text: str, outlet: str, author: str | None,
                                                       title: str) -> None:
    assert [(c.outlet, c.author, c.title_original) for c in parse_citations(text)] == [(outlet, author, title)]


def test_no_paper_in_a_bare_word_without_a_column() -> None:
    assert parse_citations("في الغد يرى البعض أن الأمور ستتحسن") == []  # "tomorrow", no title cue


def test_a_description_ends_before_and_in() -> None:
    found = parse_citations("جريدة الصباح الصادرة عن شبكة الاعلام العراقي وفي افتتاحيتها اشادت بدور دولة قطر")
    assert [c.leaning for c in found] == ["الصادرة عن شبكة الاعلام العراقي"]

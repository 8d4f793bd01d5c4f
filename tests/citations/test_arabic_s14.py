"""Arabic citation kinds fixed in session 14 (issue 15, batch 29 build half): each asserted on real parses of
fresh variants written for these tests, not only on the collected passages."""

from __future__ import annotations

import pytest

from translator.citations import parse_citations


def _one(text: str) -> dict:
    found = [c.to_dict() for c in parse_citations(text)]
    assert found, f"no citation in {text!r}"
    return found[0]


# a quoted name closed by an opening mark, as pages print it (“البناء “ and “همشهري“)
@pytest.mark.parametrize(("text", "outlet"), [
    ("كتبت “البناء “: تتواصل الاتصالات لتشكيل الحكومة الجديدة.", "البناء"),
    ("وقالت “الاتحاد “ إن القمة نجحت في توحيد المواقف.", "الاتحاد"),
    ("من أبرز الملفات التي تناولتها صحيفة “همشهري“.. أزمة المياه في طهران.", "همشهري"),
    ("ونشرت جريدة “الشروق“ تقريرا عن أسعار الخبز.", "الشروق"),
])
def test_quote_closed_by_opening_mark(text: str, outlet: str) -> None:
    assert _one(text)["outlet"] == outlet


# a definite channel noun and its number, in digits or an ordinal; its nationality is the description
@pytest.mark.parametrize(("text", "outlet", "leaning"), [
    ("وقالت القناة 12 الإسرائيلية، إن الحكومة ستجتمع مساء اليوم.", "القناة 12", "الإسرائيلية"),
    ("وذكرت القناة الثانية العبرية أن الجيش رفع حالة التأهب.", "القناة الثانية", "العبرية"),
    ("شككت القناة الرابعة البريطانية في الرواية الرسمية للحادث.", "القناة الرابعة", "البريطانية"),
    ("قال مصدر أمني للقناة 13 إن التحقيق ما زال جاريا.", "القناة 13", None),
])
def test_numbered_channel(text: str, outlet: str, leaning: str | None) -> None:
    got = _one(text)
    assert got["outlet"] == outlet
    assert got["leaning"] == leaning


def test_numbered_canal_is_no_channel() -> None:
    assert parse_citations("عبرت السفن القناة الثانية الجديدة قرب الإسماعيلية أمس.") == []


# a line wrapped after the paper noun, before the paper's name
@pytest.mark.parametrize(("text", "outlet"), [
    ("فاجأت صحيفة\nالغارديان قراءها باعتذار عن تقارير مراسلها.", "الغارديان"),
    ("وقالت وكالة\n\"رويترز\" إن الاجتماع انتهى دون اتفاق.", "رويترز"),
    ("ونشرت مجلة\nفورين بوليسي تقريرا عن الانتخابات.", "فورين بوليسي"),
])
def test_line_wrapped_after_type_noun(text: str, outlet: str) -> None:
    got = _one(text)
    assert got["outlet"] == outlet
    assert text.startswith(got["raw"][:5])  # offsets into the document as written


# speech after قائلاً: and a quoted speaker's name are no headline; the editor named in quotes is the author
def test_speech_after_participle_is_no_headline() -> None:
    got = _one('وكتب مراسل "أكسيوس" في تدوينة على حسابه قائلاً: "من المتوقع أن تنتهي الجولة قريباً".')
    assert got["outlet"] == "أكسيوس"
    assert got["title_original"] is None


def test_quoted_editor_is_author_not_title() -> None:
    got = _one("وفي هذا السياق، كتب رئيس تحرير صحيفة يني شفق “محمد أوزتورك”: “نحن نقف مع الحقيقة دائما”.")
    assert got["outlet"] == "يني شفق"
    assert got["author"] == "محمد أوزتورك"
    assert got["title_original"] is None


def test_quoted_headline_after_writing_verb_still_read() -> None:
    got = _one('كتبت صحيفة "الخبر" أن "الحكومة تدرس رفع أسعار الوقود".')
    assert got["outlet"] == "الخبر"
    assert got["title_original"] == "الحكومة تدرس رفع أسعار الوقود"


# a run of alefs is one in the registry's key: a transliteration's long a before the madda
@pytest.mark.parametrize("spelling", ["هاآرتس", "هآرتس", "هارتس"])
def test_alef_run_spellings_are_one_registry_outlet(spelling: str) -> None:
    got = _one(f"وقالت «{spelling}» إن الحكومة ستناقش الميزانية غدا.")
    assert got["outlet"] == spelling
    assert got["outlet_canonical"] == "Haaretz"


# a title after a headline word, its quotation marks printed the other way round
@pytest.mark.parametrize(("text", "title"), [
    ("ونشرت صحيفة الوطن مقالا تحت عنوان ”الطريق إلى الحل“ دعت فيه إلى الحوار.", "الطريق إلى الحل"),
    ("وأثار تقرير لوكالة الأنباء الكويتية جدلا، وحمل التقرير عنوان ”عام من الانتظار“.", "عام من الانتظار"),
])
def test_title_in_reversed_quotes_after_cue(text: str, title: str) -> None:
    assert _one(text)["title_original"] == title


# a paper's name alone on its line over a paragraph that names the paper again: one citation, the paragraph's
def test_heading_over_paragraph_naming_the_same_paper_is_one_citation() -> None:
    text = "«معاريف»\n\nتحت عنوان «الحكومة في مأزق» قالت صحيفة «معاريف» إن الائتلاف يتصدع."
    found = [c.to_dict() for c in parse_citations(text)]
    assert [(c["outlet"], c["title_original"]) for c in found] == [("معاريف", "الحكومة في مأزق")]


def test_heading_over_another_paper_keeps_both() -> None:
    text = "«معاريف»\n\nوقالت صحيفة «هآرتس» إن الحكومة قررت تأجيل التصويت."
    assert [c.outlet for c in parse_citations(text)] == ["معاريف", "هآرتس"]

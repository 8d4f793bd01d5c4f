"""Press reviews of batch 12 (session 8): kinds of miss seen in the build half, written as new sentences."""

from __future__ import annotations

import pytest

from translator.citations import default_registry, parse_citations


@pytest.mark.parametrize(("text", "title", "author", "outlet", "date"), [
    ("Why the Port Still Waits/By Nadim Koteich/Asharq Al-Awsat/March 3/21",
     "Why the Port Still Waits", "Nadim Koteich", "Asharq Al-Awsat", "2021-03-03"),
    ("Syria After the Summit: Old Maps, New Borders/By: Randa Takieddine/Al Hayat/October 9/12",
     "Syria After the Summit: Old Maps, New Borders", "Randa Takieddine", "Al Hayat", "2012-10-09"),
])
def test_slash_parted_column_line(text: str, title: str, author: str, outlet: str, date: str) -> None:
    """A digest site's line ``Title/By Author/Paper/Month D/YY``: each field from its slot, the year 20YY."""
    (citation,) = parse_citations(text)
    assert (citation.title_english, citation.author, citation.outlet, citation.date) == (title, author, outlet, date)


def test_slash_line_without_a_byline_is_not_taken() -> None:
    """Without the ``By`` slot the slashes part something else (a path, a list): no column citation."""
    assert all(c.kind != "news_citation" for c in parse_citations("Politics/Economy/Sports/March 3/21"))


def test_freedom_and_justice_daily_is_known() -> None:
    """The Brotherhood party's Cairo daily (2011-2013), cited by Egyptian press reviews of those years."""
    outlet = default_registry().lookup("Freedom and Justice")
    assert outlet is not None and outlet.country == "Egypt" and outlet.arabic == "الحرية والعدالة"
    (citation,) = parse_citations("Freedom and Justice newspaper said the new cabinet would be sworn in on Sunday.")
    assert citation.outlet == "Freedom and Justice"


@pytest.mark.parametrize("text", [
    "The Freedom and Justice Party said on Sunday that it would field candidates in every district.",
    "Al-Ahram Center for Political and Strategic Studies said turnout was low.",
])
def test_a_body_named_after_a_paper_is_not_the_paper(text: str) -> None:
    """A known paper's name followed by Party, Center, Foundation ... names another body: no citation of it."""
    assert parse_citations(text) == []


@pytest.mark.parametrize("text", [
    "الشرق الأوسط نشرت اليوم تقريرا عن مفاوضات الحدود البحرية.",
    "نبدأ بالشرق الأوسط التي أبرزت زيارة الوفد الأوروبي إلى بيروت.",
    "شكرا سلمى. أبدأ بالقدس العربي التي حملت خبرا عن انتخابات النقابات.",
])
def test_paper_named_before_its_verb(text: str) -> None:
    """A radio press tour names the paper first and its verb after (maybe after التي, or after أبدأ ب)."""
    outlets = [c.outlet for c in parse_citations(text)]
    assert outlets and outlets[0] in ("الشرق الأوسط", "القدس العربي")


def test_a_common_word_before_a_verb_is_no_paper() -> None:
    """One word that is also an ordinary name (الرياض the city, its government) opening a sentence is no paper."""
    assert parse_citations("الرياض قالت إن المحادثات مستمرة.") == []


def test_wrote_that_names_no_writer() -> None:
    """``كتبت أن ...``: the conjunction opens what was written, not a writer's name."""
    (citation,) = parse_citations("الشرق الأوسط كتبت أن جولة المحادثات المقبلة ستعقد في مسقط.")
    assert (citation.outlet, citation.author) == ("الشرق الأوسط", None)


@pytest.mark.parametrize(("text", "title"), [
    ("الشرق الأوسط نشرت كذلك عنوانا آخر هو: وزراء الخارجية العرب يجتمعون في القاهرة الأسبوع المقبل",
     "وزراء الخارجية العرب يجتمعون في القاهرة الأسبوع المقبل"),
    ("نبدأ بالشرق الأوسط التي حملت العناوين التالية: ارتفاع أسعار النفط مع تراجع المخزون الأمريكي",
     "ارتفاع أسعار النفط مع تراجع المخزون الأمريكي"),
    ('أما صحيفة "الأهرام" فكتبت في صدر صفحتها الأولى "الرئيس يفتتح محطة الكهرباء الجديدة في أسوان"',
     "الرئيس يفتتح محطة الكهرباء الجديدة في أسوان"),
])
def test_headline_announced_after_the_paper(text: str, title: str) -> None:
    """A headline the tour announces (``عنوانا آخر هو:``, ``العناوين التالية:``, ``في صدر صفحتها الأولى "..."``)."""
    (citation,) = parse_citations(text)
    assert citation.title_original == title


def test_publisher_appositive_is_the_description() -> None:
    """``X newspaper, published by ..., said``: the appositive naming who publishes it is its description."""
    (citation,) = parse_citations("Al-Akhbar newspaper, issued by the state press group, said the talks failed.")
    assert (citation.outlet, citation.leaning) == ("Al-Akhbar", "issued by the state press group")

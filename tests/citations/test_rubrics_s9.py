"""Issue 15, session 9: a paper's "secrets" rubric heading over its items (Lebanese "أسرار الصحف" pages).

Passages are from the build half of batch 17 (tests/data/citations_real.jsonl); the held-out half is measured
by benchmarks/citations_real.py, not here.
"""

from __future__ import annotations

import pytest

from translator.citations import default_registry, parse_citations
from translator.citations.rubrics import rubric_outlet

PAGE = (
    "الاحداث- أسرار الصحف اللبنانية الصادرة اليوم السبت في 28 حزيران 2025\n"
    "أسرار نداء الوطن\n"
    "عاد التنسيق على أشدِّه بين \"حزب الله\" وأحد التيارات السياسية الأساسية.\n"
    "تستعد جهات سياسية إلى تقديم إخبار في ملف البواخر التركية لتوليد الكهرباء.\n\n"
    "اسرار اللواء\nهمس\n"
    "لا يُخفي مرجع حجم الضغوطات التي يتعرض لها لجهة وضع رزنامة زمنية في ما يتعلق بمصير السلاح شمال الليطاني.\n\n"
    "“كواليس اللواء”\n\n"
    "يحرص سفير دولة “شرقية” كبرى على تقديم إيضاحات حول طبيعة النقاش الساخن.\n\n"
    "تفاعلت قضية التعيينات في مؤسّسة وطنية، في ضوء معلومات متضاربة حول هوية المعنيين بالإجراءات.\n\n"
    "“أسرار الآلهة” في “النهار”\n\n"
    "تحدث مراقبون عن “تقاطع مصالح” بين اطراف متناقضين."
)


@pytest.mark.parametrize(("line", "outlet"), [
    ("أسرار نداء الوطن", "نداء الوطن"),
    ("🔏 اسرار النهار", "النهار"),
    ("“كواليس اللواء”", "اللواء"),
    ("“أسرار الآلهة” في “النهار”", "النهار"),
    ("اسرار الجمهورية:", "الجمهورية"),
])
def test_rubric_heading_names_the_paper(line: str, outlet: str) -> None:
    assert rubric_outlet(line, default_registry()) == outlet


@pytest.mark.parametrize("line", [
    "أسرار الصحف اللبنانية الصادرة اليوم السبت في 28 حزيران 2025",  # the page's title names no paper
    "أسرار الصحف 27-2-2026",
    "أسرار الدولة العميقة",  # no paper
    "النهار",  # a bare name is another form's (no rubric word)
])
def test_not_a_rubric_heading(line: str) -> None:
    assert rubric_outlet(line, default_registry()) is None


def test_each_item_is_its_papers_and_takes_the_pages_day() -> None:
    found = parse_citations(PAGE)
    # one citation per item (a line or a paragraph), each of the paper whose rubric stands above it
    assert [c.outlet for c in found] == ["نداء الوطن", "نداء الوطن", "اللواء", "اللواء", "اللواء", "النهار"]
    assert PAGE[found[-1].start:].startswith("تحدث مراقبون")  # the heading line itself is no citation
    assert all(c.kind == "press_digest_headline" and c.title_original is None for c in found)
    assert found[0].date == "2025-06-28"
    assert found[0].outlet_country == "Lebanon"
    # the item is cited from its own first word, not from the heading or the page title
    assert PAGE[found[0].start:].startswith("عاد التنسيق")


def test_a_paragraph_with_its_own_citation_ends_the_rubric() -> None:
    text = ("اسرار اللواء\n\nلا يُخفي مرجع حجم الضغوطات.\n\n"
            "وقالت صحيفة \"الأخبار\" إن الحكومة تدرس رفع أسعار الوقود.\n\nتردد أن وزيرا سيستقيل قريبا.")
    outlets = [c.outlet for c in parse_citations(text)]
    assert outlets == ["اللواء", "الأخبار"]


def test_the_heading_is_cut_to_its_letters_as_the_old_pattern_cut_it_on_random_lines() -> None:
    """The linear cut (session 9: the anchored pattern took over a minute on a hostile corpus's long lines) gives
    the old pattern's answer on random lines of letters, spaces, quotes, digits and symbols."""
    import random
    import re

    from translator.citations.rubrics import _between_letters

    old = re.compile(r"^[^\u0621-\u064a]+|[^\u0621-\u064a]+$")
    alphabet = "ابتثجحخدذرسشص  «»“”:0123456789🔴-ـ\u064b"
    rng = random.Random(9)
    for _ in range(3000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert _between_letters(line) == old.sub("", line)


def test_a_long_line_is_no_heading_without_being_read() -> None:
    from translator.citations.rubrics import rubric_outlet
    from translator.glossary.outlet_registry import OutletRegistry

    registry = OutletRegistry.load()
    assert rubric_outlet("أسرار النهار " + ". " * 50_000, registry) is None
    assert rubric_outlet("أسرار النهار", registry) == "النهار"

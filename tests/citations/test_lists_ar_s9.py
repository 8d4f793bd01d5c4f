"""Issue 15, session 9: several papers in one Arabic phrase (a dual, "كل من", a list after الصحف): each an outlet.

The first two passages are from build halves (batch 12, batch 17) of tests/data/citations_real.jsonl.
"""

from __future__ import annotations

import pytest

from translator.citations import default_registry, parse_citations
from translator.citations.lists_ar import paper_list


@pytest.mark.parametrize(("text", "outlets", "leaning"), [
    ("اعدت لنا جولة اولى في صحيفتي القدس العربي والشرق الاوسط اللتين تصدران في لندن:",
     ["القدس العربي", "الشرق الاوسط"], "اللتين تصدران في لندن"),
    ("سلطت الضوء صحيفتا “الراية” و”الوطن” القطريتان في مقالاتهما الافتتاحية اليوم الإثنين",
     ["الراية", "الوطن"], "القطريتان"),
    ("أبرزت الصحف الفلسطينية الثلاث (الأيام، والحياة الجديدة، القدس)، الصادرة صباح اليوم السبت",
     ["الأيام", "الحياة الجديدة", "القدس"], None),
    ("وقادت كل من “الأيام” و”الحياة الجديدة” بهذه القصص", ["الأيام", "الحياة الجديدة"], None),
    ("نقلت صحيفتا \"الرأي\" و\"القبس\" اليوميتان عن مصادر", ["الرأي", "القبس"], None),  # type noun, no description
])
def test_each_listed_paper_is_an_outlet(text: str, outlets: list[str], leaning: str | None) -> None:
    drafts = paper_list(text, default_registry())
    assert [d.outlet for d in drafts] == outlets
    assert {d.leaning for d in drafts} == {leaning}


@pytest.mark.parametrize("text", [
    "شارك كل من الرئيس والوزير في الاجتماع",  # no paper
    "قالت صحيفة الراية إن الزيارة ناجحة",  # one paper: another form's
    "تناولت الصحف القطرية الزيارة",  # a plural with no names
])
def test_no_list(text: str) -> None:
    assert paper_list(text, default_registry()) == []


def test_parse_gives_both_papers_of_a_dual() -> None:
    text = ("اهلا بكم في جولة في الصحافة العربية: اعدت لنا جولة اولى في صحيفتي القدس العربي والشرق الاوسط"
            " اللتين تصدران في لندن:")
    found = parse_citations(text)
    assert [c.outlet for c in found] == ["القدس العربي", "الشرق الاوسط"]
    assert all(c.leaning == "اللتين تصدران في لندن" for c in found)
    assert [c.outlet_canonical for c in found] == ["Al-Quds Al-Arabi", "Asharq Al-Awsat"]


def test_a_cited_paper_of_the_list_keeps_its_fields() -> None:
    found = parse_citations("سلطت الضوء صحيفتا “الراية” و”الوطن” القطريتان في مقالاتهما الافتتاحية على الزيارة.")
    assert [c.outlet for c in found] == ["الراية", "الوطن"]
    assert found[1].outlet_country == "Qatar"  # the dual's country adjective resolves the namesake


def test_bare_dostor_on_an_egyptian_page_is_egypts() -> None:
    # registry breadth (session 9): Egypt's Al-Dostor is cited bare; Jordan's Ad-Dustour stays the first reading
    page = ("«مصر لن تنكسر» كان هذا مانشيت جريدة «الأهرام» الصادرة اليوم الاثنين.\n\n"
            "وكانت جريدة «الجمهورية» موفقة في اختيار لون المانشيت بعنوان «دماء على سعف الأحد».\n\n"
            "أما جريدة «المصري اليوم»، فقد صدرت مانشيت «يوم الآلام .. والدماء».\n\n"
            "وأخيرًا مع جريدة «الدستور» التي ظهر في صفحتها الرئيسية صورة للبابا تواضروس.")
    assert [c.outlet_canonical for c in parse_citations(page)][-1] == "Al-Dostor (Egypt)"
    assert [c.outlet_canonical for c in parse_citations("كتب في الدستور فارس الحباشنة تحت عنوان إلى النواب")] \
        == ["Ad-Dustour"]

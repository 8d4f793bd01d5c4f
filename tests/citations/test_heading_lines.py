"""A page's heading line with a date is no citation of an outlet (new-user trial 4, finding 12): a lone
``Outlet, Place, date`` header names a known outlet or a short capitalized name."""

from __future__ import annotations

import pytest

from translator.citations import parse_citations


@pytest.mark.parametrize("line", [
    "مقالات صحف القاهرة الصادرة صباح اليوم السبت 28 سبتمبر 2019",  # Bawaba/Ahram review heading (finding 12)
    "أبرز عناوين الصحف المصرية الصادرة اليوم الأحد 12 مايو 2024",
    "جولة في الصحف العربية الصادرة صباح اليوم، 3 يناير 2023",
])
def test_a_review_heading_with_a_date_is_no_outlet(line: str) -> None:
    assert [c.outlet for c in parse_citations(line)] == []


def test_a_lone_header_of_a_known_outlet_still_reads() -> None:
    found = parse_citations("Al-Jazeera, Qatar, December 10, 2019")
    assert [(c.outlet, c.date) for c in found] == [("Al-Jazeera", "2019-12-10")]

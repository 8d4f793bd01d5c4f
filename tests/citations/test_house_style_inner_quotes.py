"""A house-style title may hold Arabic guillemets (« ») of its own: the citation is the outer “…,” and the
outlet after it, not a quoted name inside the title (real titles of batch 6: Asharq News, Al-Liwaa)."""

from __future__ import annotations

import pytest

from translator.citations import parse_citation


@pytest.mark.parametrize(("line", "title", "outlet"), [
    ("“مشروع تسوية في «عمان» لإقامة دولة فلسطينية!!,” Asharq News.",
     "مشروع تسوية في «عمان» لإقامة دولة فلسطينية!!", "Asharq News"),
    ("“إنشغال رئاسي دولي بـ«جبهة لبنان».. وبايدن لحزب الله: لا تفعلها!,” Al-Liwaa.",
     "إنشغال رئاسي دولي بـ«جبهة لبنان».. وبايدن لحزب الله: لا تفعلها!", "Al-Liwaa"),
])
def test_guillemets_inside_an_undated_house_style_title(line: str, title: str, outlet: str) -> None:
    citation = parse_citation(line)
    assert citation is not None
    assert (citation.title_original, citation.outlet) == (title, outlet)

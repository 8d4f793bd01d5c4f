"""Notebook tables (fourth new-user trial): ``citations_table`` (notebooks 01, 04) showed only
``outlet_canonical``, so a citation of an outlet not in the registry had an empty outlet cell (finding 20); a
machine rendering now shows its ``translation_status``; ``side_by_side`` (notebook 03) showed a glossary_terms
cell as one right-to-left run whose pairs' halves traded places."""

from __future__ import annotations

import re

import pandas as pd

from translator.notebook import citations_table


def test_an_unknown_outlet_is_shown_as_written_and_marked() -> None:
    frame = pd.DataFrame({
        "title_original": ["شهادة دولية لمصر", None],
        "title_english_machine": ["International testimony for Egypt", None],
        "translation_status": ["suspicious", None],
        "outlet": ["الأهرام", "Makka"], "outlet_canonical": ["Al-Ahram", None],
        "date": [None, "2014-04"], "kind": ["press_digest_headline", "inline_attribution"]})
    markup = citations_table(frame)._repr_html_()
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", markup)
    assert headers[:5] == ["title_original", "title_english_machine", "translation_status", "outlet", "date"]
    rows = markup.split("<tr")[2:]
    assert ">Al-Ahram<" in rows[0] and "suspicious" in rows[0] and "الأهرام" not in rows[0]
    assert "Makka (not in the registry)" in rows[1]
    assert list(frame["outlet"]) == ["الأهرام", "Makka"]  # the caller's frame is not changed


def test_glossary_terms_are_one_isolated_pair_per_line() -> None:
    from translator.notebook import side_by_side

    frame = pd.DataFrame({"doc_id": ["a.txt"], "lang": ["ar"],
                          "text": ["الجزائر تعلق معاهدة الصداقة مع إسبانيا والجزائر"],
                          "translation": ["Algeria suspends the friendship treaty with Spain"],
                          "glossary_terms": ["الجزائر=Algeria; إسبانيا=Spain; الجزائر=Algeria"]})
    markup = side_by_side(frame)._repr_html_()
    cell = markup.split("<td")[-1]
    assert cell.startswith(' dir="ltr">')
    assert cell.split(">", 1)[1].split("</td>")[0] == (
        '<bdi dir="rtl">الجزائر</bdi> = <bdi dir="ltr">Algeria</bdi><br>'
        '<bdi dir="rtl">إسبانيا</bdi> = <bdi dir="ltr">Spain</bdi>')
    assert '<mark class="tr-term">الجزائر</mark>' in markup  # the terms still marked in the Arabic text

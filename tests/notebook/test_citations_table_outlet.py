"""``citations_table`` (notebooks 01 and 04) shows every citation's outlet (fourth new-user trial, finding 20):
only ``outlet_canonical`` was shown, so a citation of an outlet not in the registry had an empty outlet cell;
a machine rendering now shows its ``translation_status`` (suspicious: the guard or QA flagged it)."""

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

"""Notebook display helpers: escaped, direction-aware tables with glossary terms marked once."""

from __future__ import annotations

import pandas as pd

from translator.notebook import side_by_side, table


def test_each_rows_terms_are_marked_once_and_everything_else_is_escaped() -> None:
    segments = pd.DataFrame({
        "doc_id": ["a", "b"], "lang": ["ar", "ar"],
        "text": ["الجزائر وتندوف <b>الجزائر</b>", "مدينة تندوف"],
        "translation": ["Algeria and Tindouf", None],
        "glossary_terms": ["الجزائر=Algeria; تندوف=Tindouf; الجزائر=Algeria", "تندوف=Tindouf"],
    })
    markup = side_by_side(segments)._repr_html_()
    first_row = markup.split("<tr>")[2]
    assert first_row.count('<mark class="tr-term">الجزائر</mark>') == 2
    assert first_row.count('<mark class="tr-term">تندوف</mark>') == 1
    assert "<mark class=\"tr-term\"><mark" not in markup
    assert "&lt;b&gt;" in first_row and "<b>" not in markup
    assert '<td dir="rtl">' in first_row and '<td dir="ltr">Algeria and Tindouf</td>' in first_row


def test_only_arabic_rows_by_default_and_missing_values_are_blank() -> None:
    segments = pd.DataFrame({"doc_id": ["a", "a"], "lang": ["en", "ar"], "text": ["Hello", "مرحبا"],
                             "translation": [None, None]})
    markup = side_by_side(segments)._repr_html_()
    assert "Hello" not in markup and "مرحبا" in markup and "None" not in markup and "nan" not in markup


def test_table_says_how_many_rows_are_left_out() -> None:
    frame = pd.DataFrame({"n": range(5)})
    assert "… 3 more rows" in table(frame, max_rows=2)._repr_html_()

"""Notebook display helpers: escaped, direction-aware tables with glossary terms marked once."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd

from translator.notebook import citations_table, side_by_side, table


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


class _Cells(HTMLParser):
    """Each <td> as its direction and the (tag, dir, text) pieces inside it, from the produced HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[tuple[str | None, list[tuple[str, str | None, str]]]] = []
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "td":
            self.cells.append((dict(attrs).get("dir"), []))
        self._open.append((tag, dict(attrs).get("dir")))

    def handle_endtag(self, tag: str) -> None:
        self._open.pop()

    def handle_data(self, data: str) -> None:
        if self.cells and self._open:
            tag, direction = self._open[-1]
            self.cells[-1][1].append((tag, direction, data))


def _cells(markup: str) -> list:
    parser = _Cells()
    parser.feed(markup)
    return parser.cells


def test_a_mixed_cell_isolates_each_direction_run_and_escapes_text() -> None:
    raw = "«لافروف: علاقاتنا مع الجزائر»، al-Araby al-Jadid (London), 7 June 2022. <script>x</script>"
    markup = citations_table(pd.DataFrame({"title_original": [raw], "title_english": ["Lavrov (RT)."]}))._repr_html_()
    assert "<script>" not in markup and "&lt;script&gt;x&lt;/script&gt;" in markup
    mixed, english = _cells(markup)
    assert mixed[0] == "rtl" and english == ("ltr", [("td", "ltr", "Lavrov (RT).")])  # one direction: no <bdi>
    assert [(tag, d) for tag, d, _ in mixed[1] if tag == "bdi"] == [("bdi", "rtl"), ("bdi", "ltr")]
    runs = {d: text for tag, d, text in mixed[1] if tag == "bdi"}
    assert runs["rtl"] == "«لافروف: علاقاتنا مع الجزائر»،"  # its quotes and comma stay with it
    assert runs["ltr"] == "al-Araby al-Jadid (London), 7 June 2022. <script>x</script>"


def test_terms_are_still_marked_inside_isolated_runs() -> None:
    segments = pd.DataFrame({"doc_id": ["a"], "lang": ["ar"], "text": ["قالت وكالة Reuters إن تندوف هادئة"],
                             "glossary_terms": ["تندوف=Tindouf"]})
    markup = side_by_side(segments)._repr_html_()
    assert '<bdi dir="ltr">Reuters</bdi>' in markup
    assert '<bdi dir="rtl">إن <mark class="tr-term">تندوف</mark> هادئة</bdi>' in markup


def test_exported_pages_isolate_runs_in_plain_cells_and_keep_text_escaped() -> None:
    from translator.notebook.run import with_auto_direction

    page = ("<table><tr><td>«لافروف: علاقاتنا مع الجزائر»، al-Araby (London), 7 June 2022.</td>"
            "<td>&lt;script&gt;x&lt;/script&gt; مرحبا</td><td>Only English.</td>"
            '<td dir="rtl"><bdi dir="rtl">كتب</bdi> <bdi dir="ltr">Reuters</bdi></td></tr></table>')
    out = with_auto_direction(page)
    mixed, evil, english, ours = _cells(out)
    assert mixed[0] == "auto" and [(t, d, x) for t, d, x in mixed[1] if t == "bdi"] == [
        ("bdi", "rtl", "«لافروف: علاقاتنا مع الجزائر»،"), ("bdi", "ltr", "al-Araby (London), 7 June 2022.")]
    assert "<script>" not in out and "&lt;script&gt;x&lt;/script&gt;" in out
    assert [t for t, _, _ in evil[1]].count("bdi") == 2
    assert english == ("auto", [("td", "auto", "Only English.")])
    assert ours[1] == [("bdi", "rtl", "كتب"), ("td", "rtl", " "), ("bdi", "ltr", "Reuters")]  # untouched

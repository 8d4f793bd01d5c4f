"""The review widget driven through its widget model, as a person would click it (no browser)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from translator.corpus import tables
from translator.mt.memory import TranslationMemory
from translator.review.widget import ReviewWidget

ROWS = [
    ("a.txt", 0, "وصل الرئيس الجزائري إلى وهران صباح اليوم", "The Algerian president arrived in Oran this morning",
     "وهران=Oran", "too-long"),
    ("a.txt", 1, "ارتفعت أسعار النفط <b>اليوم</b>", "Oil prices rose today", None, None),
    ("b.txt", 0, "أعلنت وزارة الخارجية عن زيارة رسمية", "The foreign ministry announced an official visit", None, None),
]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    rows = [{"doc_id": d, "segment_id": s, "line": s, "start": 0, "end": len(t), "text": t, "lang": "ar",
             "translation": mt, "translation_status": "suspicious" if flags else "translated", "model": "tiny",
             "glossary_terms": terms, "translation_flags": flags} for d, s, t, mt, terms, flags in ROWS]
    tables.write_table(tmp_path / "out", "segments", tables.SEGMENTS, [rows])
    return tmp_path / "out"


def test_approve_goes_into_the_memory_and_moves_on(out: Path, tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    widget = ReviewWidget(out, memory, translator="Amal")
    assert widget.index == 0 and "1 of 3" in widget.position.value and "needs-translation" in widget.position.value
    assert "dir='rtl'" in widget.source.value
    assert "<mark class=\"tr-term\">وهران</mark>" in widget.source.value
    assert "<mark class=\"tr-term\">Oran</mark>" in widget.machine.value
    assert "too-long" in widget.flags.value and "suspicious" in widget.flags.value
    assert widget.editor.value == ROWS[0][3]
    widget.editor.value = "The Algerian President reached Oran this morning"
    widget.approve_button.click()
    stored = memory.get_human(ROWS[0][2])
    assert stored is not None and (stored.target, stored.state, stored.translator, stored.doc_id) == (
        "The Algerian President reached Oran this morning", "final", "Amal", "a.txt")
    assert widget.index == 1


def test_text_is_escaped_save_keeps_the_place_and_navigation_saves_nothing(out: Path, tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    widget = ReviewWidget(out, memory)
    widget.next_button.click()
    assert "&lt;b&gt;" in widget.source.value and "<b>اليوم" not in widget.source.value
    widget.editor.value = "Oil prices climbed today"
    widget.save_button.click()
    assert widget.index == 1 and memory.get_human(ROWS[1][2]).state == "translated"  # type: ignore[union-attr]
    widget.next_button.click()
    widget.next_button.click()  # past the end: stays on the last one
    assert widget.index == 2
    widget.editor.value = "  "
    widget.approve_button.click()
    assert "Type a translation" in widget.message.value and widget.index == 2
    widget.previous_button.click()
    assert widget.index == 1 and widget.editor.value == "Oil prices climbed today"  # the memory's, shown again
    assert memory.stats()["human"] == 1


def test_fuzzy_matches_are_offered_and_one_click_copies_them(out: Path, tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    memory.put_human("وصل الرئيس الجزائري إلى قسنطينة صباح اليوم", "The Algerian president reached Constantine "
                     "this morning", state="final")
    widget = ReviewWidget(out, memory, threshold=70)
    [(label, value)] = widget.matches.options
    assert label.startswith(("7", "8", "9")) and "%" in label and value.endswith("Constantine this morning")
    widget.matches.value = value
    widget.use_match_button.click()
    assert widget.editor.value == value
    assert ReviewWidget(out, memory, threshold=99).matches.options == ()
    snapshot = widget.snapshot()
    assert "dir='rtl'" in snapshot and "Constantine this morning" in snapshot and "<script" not in snapshot


def test_only_the_segments_still_to_review(out: Path, tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    memory.put_human(ROWS[2][2], "Approved earlier", state="final")
    widget = ReviewWidget(out, memory, states=("needs-translation",))
    assert [s.id for s in widget.segments] == ["a.txt#0", "a.txt#1"]


@pytest.mark.slow
def test_a_reviewed_notebook_exported_to_html_reads_right_to_left_in_chromium(out: Path, tmp_path: Path) -> None:
    """The static view of the widget in an exported notebook: Arabic right to left, terms marked, no script."""
    import time

    import nbformat

    from translator.notebook.run import export_html

    from ..browser import Browser

    injection = '<img src="x" onerror="window.__pwned = 1">'
    rows = [{"doc_id": "x.txt", "segment_id": 0, "line": 0, "start": 0, "end": 9, "lang": "ar",
             "text": f"وصل الرئيس إلى وهران {injection}", "translation": f"The president reached Oran {injection}",
             "translation_status": "translated", "glossary_terms": "وهران=Oran"}]
    tables.write_table(tmp_path / "evil", "segments", tables.SEGMENTS, [rows])
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    widget = ReviewWidget(tmp_path / "evil", memory)
    widget.editor.value = "The President reached Oran"
    widget.approve_button.click()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("widget")]
    nb.cells[0].outputs = [nbformat.v4.new_output("display_data", data={"text/html": widget.snapshot()})]
    page = export_html(nb, tmp_path / "reviewed.html")
    browser = Browser()
    try:
        browser.open(page.as_uri())
        time.sleep(0.5)  # let a (blocked) onerror handler fire
        assert browser.evaluate("window.__pwned === undefined") is True
        arabic = browser.evaluate("""
          (() => { const d = document.querySelector('.tr-review-ar');
                   return {direction: getComputedStyle(d).direction, marks: d.querySelectorAll('mark').length,
                           text: d.innerText}; })()""")
        assert arabic["direction"] == "rtl" and arabic["marks"] == 1 and "<img" in arabic["text"]
        assert browser.evaluate("document.body.innerText.includes('final')") is True
    finally:
        browser.close()


def test_flags_and_texts_mixing_arabic_and_english_keep_each_direction_apart(tmp_path: Path) -> None:
    """New-user trial 4, finding 3: a QA flag quotes the Arabic date and gives its ISO form; without isolation
    the ISO date was drawn left of the Arabic, its quote marks scrambled (exported notebook 06)."""
    import json

    detail = "the date 'السبت 28 سبتمبر 2019' (2019-09-28) is missing from the target"
    flag = {"kind": "date", "detail": detail, "source_start": 38, "source_end": 58, "target_start": None,
            "target_end": None}
    row = {"doc_id": "a.txt", "segment_id": 0, "line": 0, "start": 0, "end": 20, "lang": "ar",
           "text": "مقالات صحف القاهرة الصادرة صباح اليوم السبت 28 سبتمبر 2019",
           "translation": "Articles of the Cairo papers, القاهرة, this morning", "translation_status": "suspicious",
           "model": "tiny", "qa_flags": json.dumps([flag], ensure_ascii=False)}
    tables.write_table(tmp_path / "out", "segments", tables.SEGMENTS, [[row]])
    widget = ReviewWidget(tmp_path / "out", TranslationMemory(tmp_path / "tm.sqlite"))
    for html_text in (widget.flags.value, widget.machine.value, widget.snapshot()):
        rtl = re.findall(r'<bdi dir="rtl">([^<]*)</bdi>', html_text)
        assert rtl, html_text
        outside = re.sub(r'<bdi dir="rtl">[^<]*</bdi>', "", html_text)
        outside = re.sub(r"<div class='tr-review-ar'.*?</div>", "", outside)  # the Arabic source: its own rtl div
        assert not re.search("[\u0600-\u06ff]", outside), outside
    assert "السبت 28 سبتمبر 2019" in " ".join(re.findall(r'<bdi dir="rtl">([^<]*)</bdi>', widget.flags.value))
    assert "(2019-09-28)" in re.sub(r'<bdi dir="rtl">[^<]*</bdi>', "", widget.flags.value)
    widget.editor.value = "Cairo papers of Saturday, السبت 28 سبتمبر"
    assert '<bdi dir="rtl">السبت 28 سبتمبر</bdi>' in widget.snapshot()

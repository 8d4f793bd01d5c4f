"""The HTML report escapes everything from documents and marks Arabic cells right-to-left."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow as pa

from translator.corpus import tables
from translator.corpus.report import render_report, text_dir, write_report

EVIL = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
CITATIONS = pa.schema([(n, pa.string()) for n in ("doc_id", "raw", "title_original", "title_english",
                                                  "title_english_machine", "outlet", "outlet_canonical",
                                                  "leaning", "date", "kind")])


def write_run(out: Path, note: str = "model 'Helsinki-NLP/opus-mt-ar-en' not found") -> None:
    doc = {"doc_id": "evil.txt", "path": "evil.txt", "format": "text", "title": EVIL, "lang": "ar",
           "n_segments": 2, "n_arabic_segments": 1, "n_citations": 1}
    segs = [
        {"doc_id": "evil.txt", "segment_id": 0, "text": "مدينة تندوف", "lang": "ar", "lang_confidence": 0.99,
         "translation": None, "translation_status": "no_model",
         "translation_note": note, "glossary_terms": "تندوف=Tindouf",
         "terms_found": 1},
        {"doc_id": "evil.txt", "segment_id": 1, "text": EVIL, "lang": "en", "lang_confidence": 0.9,
         "translation_status": "not_arabic"},
    ]
    cites = [{"doc_id": "evil.txt", "title_original": "لافروف: علاقاتنا مع الجزائر", "title_english": EVIL,
              "outlet": "RT Arabic", "outlet_canonical": "RT Arabic", "date": "2022-05-26", "kind": "news"}]
    tables.write_table(out, "documents", tables.DOCUMENTS, [[doc]])
    tables.write_table(out, "segments", tables.SEGMENTS, [segs])
    tables.write_table(out, "citations", CITATIONS, [cites])
    tables.write_table(out, "errors", tables.ERRORS, [[{"path": "bad.bin", "stage": "read", "error": "InputError",
                                                         "message": "bad.bin: binary file " + EVIL}]])


def test_untrusted_text_is_escaped_everywhere(tmp_path: Path) -> None:
    write_run(tmp_path)
    page = render_report(tmp_path)
    assert "<script>" not in page and "<img" not in page
    assert page.count("&lt;script&gt;window.pwned=1&lt;/script&gt;") >= 4  # title, segment, citation, error
    assert "Content-Security-Policy" in page


def test_arabic_cells_are_right_to_left_and_latin_cells_are_not(tmp_path: Path) -> None:
    write_run(tmp_path)
    page = render_report(tmp_path)
    assert re.search(r'<td dir="rtl">مدينة تندوف</td>', page)
    assert re.search(r'<td dir="rtl">لافروف: علاقاتنا مع الجزائر</td>', page)
    assert '<td dir="ltr">&lt;script&gt;' in page


def test_missing_model_banner_says_how_to_get_one(tmp_path: Path) -> None:
    write_run(tmp_path)
    page = render_report(tmp_path)
    assert "translator models pull" in page and "translator models add PATH" in page


def test_page_works_offline_without_external_resources(tmp_path: Path) -> None:
    write_run(tmp_path)
    page = write_report(tmp_path).read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_text_dir() -> None:
    assert text_dir("«الجزائر» 2022") == "rtl"
    assert text_dir("“Algeria” الجزائر") == "ltr"
    assert text_dir("2022 -") == "auto"
    assert text_dir(None) == "auto"


def test_outlets_missing_from_the_registry_are_listed(tmp_path: Path) -> None:
    write_run(tmp_path)
    extra = [{"doc_id": "x.txt", "title_english": "A headline", "outlet": "Al-Nahar al-Jadid Weekly",
              "kind": "news_citation"},
             {"doc_id": "y.txt", "title_english": "Another", "outlet": "Al-Nahar al-Jadid Weekly",
              "kind": "news_citation"},
             {"doc_id": "y.txt", "title_english": "Photo", "outlet": "Wikimedia", "kind": "image_credit"}]
    tables.write_table(tmp_path, "citations", CITATIONS, [extra])
    page = render_report(tmp_path)
    section = page.split('id="unknown-outlets"')[1].split("</table>")[0]
    assert "Al-Nahar al-Jadid Weekly</td><td>2</td><td>2</td>" in section
    assert "Wikimedia" not in section


def test_mixed_cells_and_term_counts_keep_their_reading_order(tmp_path: Path) -> None:
    write_run(tmp_path)
    mixed = "«لافروف: علاقاتنا مع الجزائر»، al-Araby al-Jadid (London), 7 June 2022 <script>"
    extra = [{"doc_id": "evil.txt", "title_original": mixed, "title_english": "Lavrov", "kind": "news"}]
    tables.write_table(tmp_path, "citations", CITATIONS, [extra])
    page = render_report(tmp_path)
    assert "<script>" not in page
    cell = re.search(r'<td dir="rtl">(<bdi.*?)</td>', page).group(1)
    assert cell == ('<bdi dir="rtl">«لافروف: علاقاتنا مع الجزائر»،</bdi> '
                    '<bdi dir="ltr">al-Araby al-Jadid (London), 7 June 2022 &lt;script&gt;</bdi>')
    # "?/1" (placed unknown / found) in the right-to-left terms cell is isolated left to right
    assert '<bdi dir="ltr" class="muted term-count">?/1</bdi>' in page


def test_missing_model_banner_keeps_the_whole_message(tmp_path: Path) -> None:
    from translator.corpus.run import one_line
    from translator.errors import ModelNotFoundError

    error = ModelNotFoundError("Helsinki-NLP/opus-mt-ar-en", ["toolkit registry /home/x/models",
                                                              "Hugging Face cache /home/x/hub"])
    note = one_line(str(error))
    assert "\n" not in note and "Looked in: toolkit registry /home/x/models; Hugging Face cache /home/x/hub. " in note
    write_run(tmp_path, note=note)
    banner = re.search(r'id="translation-banner">(.*?)</p>', render_report(tmp_path), re.S).group(1)
    assert "Looked in: toolkit registry /home/x/models; Hugging Face cache /home/x/hub." in banner
    assert banner.count("translator models pull") == 1
def test_qa_section_lists_flagged_translations_escaped(tmp_path: Path) -> None:
    from translator.qa import check

    source, target = "سجلت ٣٤٥ إصابة", "354 cases were recorded " + EVIL
    found = check(source, target)
    assert {f.kind for f in found} == {"number"}  # 354 for 345, and the digits inside the markup
    flags = json.dumps([f.to_dict() for f in found], ensure_ascii=False)
    doc = {"doc_id": "d.txt", "path": "d.txt", "format": "text", "title": "t", "lang": "ar", "n_segments": 2}
    segs = [{"doc_id": "d.txt", "segment_id": 0, "text": source, "lang": "ar", "translation": target,
             "translation_status": "suspicious", "qa_flags": flags},
            {"doc_id": "d.txt", "segment_id": 1, "text": "سجلت ٣٤٥ إصابة", "lang": "ar",
             "translation": "345 cases were recorded", "translation_status": "translated", "qa_flags": "[]"}]
    tables.write_table(tmp_path, "documents", tables.DOCUMENTS, [[doc]])
    tables.write_table(tmp_path, "segments", tables.SEGMENTS, [segs])
    tables.write_table(tmp_path, "citations", CITATIONS, [[]])
    tables.write_table(tmp_path, "errors", tables.ERRORS, [[]])
    page = render_report(tmp_path)
    assert "<script>" not in page
    summary = re.search(r'<p id="qa-summary">(.*?)</p>', page, re.S).group(1)
    assert summary.startswith(f"1 of 2 translations flagged: number {len(found)}.")
    table = re.search(r'<table id="qa">(.*?)</table>', page, re.S).group(1)
    assert "d.txt #0" in table and "345 in the source became 354 in the target" in table and "d.txt #1" not in table
def test_terms_say_which_layer_they_came_from(tmp_path: Path) -> None:
    write_run(tmp_path)
    seg = {"doc_id": "evil.txt", "segment_id": 0, "text": "قال وزير الداخلية، كمال بلجود، في تيسمسيلت", "lang": "ar",
           "lang_confidence": 0.99, "translation_status": "no_model", "terms_found": 2,
           "glossary_terms": "كمال بلجود=Kamel Beldjoud; تيسمسيلت=Tissemsilt", "term_layers": "romanized; gazetteer"}
    tables.write_table(tmp_path, "segments", tables.SEGMENTS, [[seg]])
    page = render_report(tmp_path)
    assert re.search(r"Kamel Beldjoud</bdi> <span class=\"muted\">\(romanized\)</span>", page)
    assert re.search(r"Tissemsilt</bdi> <span class=\"muted\">\(gazetteer\)</span>", page)

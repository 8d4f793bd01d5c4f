"""Public bug reports replayed on the toolkit, ninth session: the kinds that failed, with further instances.

Each test names the report it comes from (``benchmarks/data/bug_replays.tsv`` lists them with what the toolkit
gave before and after; ``benchmarks/bug_replays.py`` replays them). The kinds: another detector naming a language
our word lists contradict (Sorani and Pashto, which langdetect and lingua do not know; Kurmanji, which none of
ours knows); words a line break cut in two; a paragraph whose first strong character is not its direction (a
left-to-right mark, a Latin brand first); standard output in a locale's legacy encoding; user tables saved in
windows-1256.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from translator import detect
from translator.corpus.decode import decode_bytes, decode_table
from translator.text.bidi import paragraph_direction
from translator.text.wordbreaks import join_broken_words

DATA = Path(__file__).parent / "data"
SORANI = ("فۆنت بریتییە لە کۆی هەندێک پیت (حرف)، وشە، شێوە و نیگار کە لە زمانێکی تایبەتیدا وەک زمانی کوردی، فارسی "
          "یان ئینگلیسیدا دیاری دەکرێن کە هێمای تایبەتی خۆیان هەیە و نیشاندەری پیتەکانی ئەو زمانانەن.")
PASHTO = ["د افغانستان د بهرنیو چارو وزیر له پاکستاني همکار سره وکتل.",
          "په کابل کې د باران له امله سیلابونه راغلي دي."]
KURMANJI = ["Serokê Herêma Kurdistanê pêşwaziya şandeke Amerîkî kir.",
            "Hikûmeta Tirkiyê biryareke nû da û got ku ew ê piştgirî bide."]
HEADLINE = "لافروف: علاقاتنا مع الجزائر تصل إلى مستوى جديد"


# ---------------------------------------------------- a detector's answer our word lists contradict is und
@pytest.mark.parametrize("detector", ["langdetect", "lingua", "lingua-low"])
@pytest.mark.parametrize("text", [SORANI, "سەرۆکی هەرێمی کوردستان پێشوازی لە شاندێکی ئەمریکی کرد.", *PASHTO])
def test_sorani_and_pashto_are_not_named_persian_or_arabic(detector: str, text: str) -> None:
    # languagetool-org/languagetool#6285 (Sorani: Persian to langdetect at 1.0, Arabic to lingua),
    # mozilla/firefox-translations#146 (Pashto read as Persian)
    found = detect(text, detector=detector)
    assert found.lang == "und", found
    assert detect(text).lang in ("ku", "ps")  # the default detector knows both
    if found.note:  # set aside, rather than under the detector's own threshold: the note says why
        assert "does not know" in found.note and detector in found.note


@pytest.mark.parametrize("detector", ["default", "langdetect", "lingua", "lingua-low"])
@pytest.mark.parametrize("text", KURMANJI)
def test_kurmanji_is_no_language_we_know(detector: str, text: str) -> None:
    # pemistahl/lingua-rs#519, Mimino666/langdetect#118: Kurmanji is French to lingua, Turkish to langdetect (and
    # was Turkish to the default detector): ê beside ş is written by no language of ours
    found = detect(text, detector=detector)
    assert found.lang == "und" and found.confidence <= 0.1, found


def test_a_language_lingua_was_not_asked_about_is_und_with_a_note() -> None:
    german = "Die Bundesregierung hat am Montag neue Maßnahmen gegen die steigenden Energiepreise angekündigt."
    assert detect(german).lang == "de"
    found = detect(german, detector="lingua")  # lingua only tells apart LINGUA_LANGUAGES: German is not one
    assert found.lang in ("und", "de") and (found.lang == "und") == bool(found.note or found.confidence < 0.9)


def test_answers_our_word_lists_back_are_kept() -> None:
    lines = (DATA / "langid_segments.tsv").read_text(encoding="utf-8").splitlines()
    rows = list(csv.DictReader(lines, delimiter="\t"))
    long = [r for r in rows if len(r["text"].split()) > 6 and r["lang"] in ("en", "fr", "es", "tr", "fa", "ur", "ar")]
    assert len(long) > 50
    for detector in ("langdetect", "lingua"):
        named = [detect(r["text"], detector=detector) for r in long]
        assert sum(d.lang == r["lang"] for d, r in zip(named, long, strict=True)) >= 0.95 * len(long)
        assert all(d.lang in (r["lang"], "und") for d, r in zip(named, long, strict=True))


def test_a_note_only_when_there_is_one() -> None:
    plain = detect("Israel claims strike on Hezbollah headquarters in Beirut", detector="langdetect")
    assert "note" not in plain.to_dict()
    kept = detect(PASHTO[0], detector="langdetect")
    assert kept.to_dict()["note"] == kept.note and json.loads(json.dumps(kept.to_dict()))["lang"] == "und"


# -------------------------------------------------------------------------- words cut by a line break
def test_words_cut_by_a_line_break_are_joined_on_reading() -> None:
    # Unstructured-IO/unstructured#3486, munach/obsidian-extract-pdf-annotations#5, datalab-to/pdftext#1
    text = ("وقال الوزير إن الاجت-\nماع كان مثمرا في مجلس الشيـ\nـوخ أمس\n"
            "The minister praised the powerful capabili-\nties of the agency; such policies and prac-\ntices.\n")
    decoded = decode_bytes(text.encode("utf-8"))
    assert "الاجتماع" in decoded.text and "الشيوخ" in decoded.text
    assert "capabilities" in decoded.text and "practices" in decoded.text
    assert "\n\n" not in decoded.text  # each break moved after its word: no paragraph made, none lost
    assert decoded.text.count("\n") == text.count("\n") - 1  # "prac-/tices." was a line of its own
    assert any("cut in two" in r for r in decoded.repairs)


@pytest.mark.parametrize(("text", "kept"), [("the price-\ndetermining factors", "price-determining"),
                                            ("contrasting power-\nperformance trade-offs", "power-performance")])
def test_a_hyphen_the_writer_typed_stays(text: str, kept: str) -> None:
    # xberg-io/xberg#1543, emareg/paper-checker#16: both halves are words, so the hyphen is the writer's
    assert kept in join_broken_words(text)[0]


def test_whole_words_on_two_lines_stay_apart() -> None:
    lines = (DATA / "arabic_sentences_real.tsv").read_text(encoding="utf-8").splitlines()
    rows = list(csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t"))
    for row in rows:
        words = row["text"].split()
        wrapped = "\n".join(" ".join(words[i:i + 3]) for i in range(0, len(words), 3))  # a break every 3 words
        assert join_broken_words(wrapped) == (wrapped, 0), row["text"]
    assert join_broken_words("عبد\nالله") == ("عبد\nالله", 0)  # two words that are also one name stay two


# ------------------------------------------------------------------------------- direction of a paragraph
@pytest.mark.parametrize(("text", "direction"), [
    ("ChatGPT في المدارس المغربية: وزارة التربية تمنع استعماله في الامتحانات", "rtl"),
    ("\u200e" + HEADLINE, "rtl"),
    ("Trump attacks Biden over الحدود", "ltr"),
    ("«لافروف: علاقاتنا مع الجزائر»، al-Araby al-Jadid (London), 7 June 2022", "rtl"),
    ("“Algeria” الجزائر", "ltr"),
    ("2022 -", "auto"),
])
def test_paragraph_direction(text: str, direction: str) -> None:
    # andronasef/arabic-reddit-extension#3 (a paragraph starting with English letters shown left to right)
    assert paragraph_direction(text) == direction


def test_notebook_export_gives_arabic_blocks_their_direction() -> None:
    from translator.notebook.run import with_auto_direction

    # jupyter/notebook#3552: an Arabic cell whose first character is an LRM; jupyter-book#1011: a brand first
    out = with_auto_direction(f"<p>\u200e{HEADLINE}</p><p>ChatGPT في المدارس المغربية اليوم</p>"
                              "<p>Only English.</p><p>Trump attacks Biden over الحدود</p>")
    assert [tag["dir"] for tag in _blocks(out)] == ["rtl", "rtl", "auto", "auto"]


def test_report_and_brief_give_an_arabic_title_starting_in_latin_its_direction() -> None:
    from docx import Document

    from translator.corpus.brief import _mixed
    from translator.corpus.report import text_dir

    title = "ChatGPT في المدارس المغربية: وزارة التربية تمنع استعماله"
    assert text_dir(title) == "rtl"
    document = Document()
    _mixed(document.add_heading(level=1), title)  # docxtemplater#656: the heading read left to right
    assert "<w:bidi/>" in document.paragraphs[-1]._p.xml.replace(' w:val="1"', "").replace("<w:bidi />", "<w:bidi/>")


def _blocks(page: str) -> list:  # type: ignore[type-arg]
    from bs4 import BeautifulSoup

    return BeautifulSoup(page, "lxml").find_all("p")


# ------------------------------------------------------------------ standard output in a legacy encoding
def test_cli_writes_utf8_to_a_stream_in_a_legacy_encoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # learningequality/kolibri#6298, Delgan/loguru#482: Arabic to a cp1252 or ASCII stdout raised UnicodeEncodeError
    from translator.cli import main

    (tmp_path / "a.txt").write_text(HEADLINE + "\n", encoding="utf-8")
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", stream)
    assert main(["detect", str(tmp_path / "a.txt")]) == 0
    stream.flush()
    assert json.loads(raw.getvalue().decode("utf-8"))["text"].strip() == HEADLINE


# ---------------------------------------------------------------------- user tables saved in windows-1256
def test_user_tables_saved_in_windows_1256_are_read(tmp_path: Path) -> None:
    # Mach5/supersonic#94, ActivitySim/populationsim#83
    from translator.glossary.load import read_tsv
    from translator.glossary.outlets import OutletRegistry
    from translator.mt.vmap import read_pairs_tsv

    (tmp_path / "outlets.csv").write_bytes("canonical,arabic,country\nEl Khabar,الخبر,Algeria\n".encode("cp1256"))
    registry = OutletRegistry.load([tmp_path / "outlets.csv"])
    assert any("الخبر" in str(o.arabic) for o in registry.outlets if o.canonical == "El Khabar")
    (tmp_path / "pairs.tsv").write_bytes("arabic\tenglish\nوزارة الخارجية\tForeign Ministry\n".encode("cp1256"))
    assert read_pairs_tsv(tmp_path / "pairs.tsv") == [("وزارة الخارجية", "Foreign Ministry")]
    (tmp_path / "g.tsv").write_bytes("source\ttarget\ttype\nالجزائر العاصمة\tAlgiers\tplace\n".encode("cp1256"))
    entries, problems = read_tsv(tmp_path / "g.tsv")
    assert [e.source for e in entries] == ["الجزائر العاصمة"]
    assert [p.severity for p in problems] == ["warning"] and "cp1256" in problems[0].message


def test_decode_table_leaves_utf8_and_its_cells_as_written() -> None:
    text = "arabic\tenglish\nالاجت\tcapabili-\n"  # a table's cells are not repaired like a document's text
    assert decode_table(("\ufeff" + text).encode("utf-8")) == (text, None)
    assert decode_table(text.encode("cp1256"))[0] == text

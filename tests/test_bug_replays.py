"""Public bug reports of the libraries under us, replayed on the toolkit: the kinds that failed, with further instances.

Each test names the report it comes from (``benchmarks/data/bug_replays.tsv`` lists all of them, with what the
toolkit gave before and after; ``benchmarks/bug_replays.py`` replays the whole list). The reports are about
dateparser/hijridate (Hijri dates counted by sighting, Arabic relative dates), openpyxl (characters an .xlsx
cannot hold, Excel's cell limit), translate-toolkit/TBX (language tags with regions), language detection on
Arabic presentation forms, MarianMT on symbols its vocabulary lacks, and python-docx (paragraphs its
``Document.paragraphs`` does not list).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from translator import detect, detect_many, parse_date
from translator.errors import GlossaryError, InputError

ROOT = Path(__file__).resolve().parent.parent
AR = "قال وزير الخارجية الجزائري إن العلاقات مع روسيا جيدة"


def presentation_forms(text: str) -> str:
    """``text`` as old PDFs store it: every Arabic letter as its contextual presentation form (U+FB50–U+FEFF);
    the replay runner's own function, so the test and ``benchmarks/bug_replays.py`` build the same input."""
    from benchmarks.bug_replays import presentation_forms as build

    return build(text)


# ------------------------------------------------------------------- Hijri dates counted by local sighting
@pytest.mark.parametrize(("text", "date"), [
    ("30 ذو الحجة 1433", "2012-11-15"),  # https://github.com/dralshehri/hijridate/issues/2 (the reporter's date)
    ("30 رمضان 1446", "2025-03-30"),  # Ramadan 1446: 29 days in Umm al-Qura, 30 where it began a day later
    ("الأحد 30 صفر 1447", "2025-08-24"),  # with its weekday, which agrees
    ("30 جمادى الأولى 1446", "2024-12-02"),  # https://github.com/xsoh/moment-hijri/issues/55 gave 1446-5-30
])
def test_a_hijri_30th_of_a_29_day_umm_al_qura_month_is_the_day_after_the_29th(text: str, date: str) -> None:
    result = parse_date(text)
    assert result.date == date and result.calendar == "hijri"
    assert any("29 days" in w for w in result.warnings)


@pytest.mark.parametrize(("text", "date"), [
    ("الثلاثاء 1 شوال 1437", "2016-07-05"),  # https://github.com/dralshehri/hijridate/issues/8 (Diyanet's Eid)
    ("الاثنين 1 رمضان 1424", "2003-10-27"),  # https://github.com/dralshehri/hijridate/issues/19 (announced)
    ("الأحد 1 رمضان 1446", "2025-03-02"),  # Morocco began Ramadan 1446 a day after Saudi Arabia
    ("الجمعة 1 رمضان 1446 هـ", "2025-02-28"),  # a day earlier: the other direction
])
def test_a_hijri_date_whose_weekday_is_a_day_off_umm_al_qura_follows_the_weekday(text: str, date: str) -> None:
    result = parse_date(text)
    assert result.date == date
    assert dt_weekday(date) in text
    assert any("local sighting" in w for w in result.warnings)


def dt_weekday(date: str) -> str:
    import datetime as dt

    names = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
    return names[dt.date.fromisoformat(date).weekday()]


@pytest.mark.parametrize("text", [
    "الأربعاء 1 رمضان 1446",  # three days off: a wrong weekday, not a sighting difference
    "الجمعة 5 يونيو 2025",  # Gregorian dates are never moved
])
def test_a_weekday_further_off_or_on_a_gregorian_date_is_only_reported(text: str) -> None:
    before = parse_date(text.split(" ", 1)[1]).date
    result = parse_date(text)
    assert result.date == before
    assert any(w.startswith("weekday mismatch") for w in result.warnings)


def test_the_gregorian_date_written_beside_a_hijri_one_still_decides() -> None:
    result = parse_date("الأحد 1 رمضان 1446 الموافق 2 مارس 2025")
    assert (result.date, result.calendar, result.warnings) == ("2025-03-02", "both", [])
    assert parse_date("السبت 1 رمضان 1446").warnings == []  # Umm al-Qura and the weekday agree


# --------------------------------------------------------------------------------- Arabic relative dates
@pytest.mark.parametrize(("text", "date", "date_text"), [
    ("منذ يومين", "2025-06-03", "منذ يومين"),  # https://github.com/scrapinghub/dateparser/pull/27
    ("يوم أمس", "2025-06-04", "يوم أمس"),
    ("منذ 7 أيام", "2025-05-29", "منذ 7 أيام"),
    ("20 يوم مضت", "2025-05-16", "20 يوم مضت"),  # https://github.com/scrapinghub/dateparser/pull/319
    ("قبل ٥ ساعات", "2025-06-05", "قبل ٥ ساعات"),  # https://github.com/scrapinghub/dateparser/pull/1364
    ("أول أمس", "2025-06-03", "أول أمس"),  # https://github.com/wanasit/chrono/pull/656
    ("بعد غد", "2025-06-07", "بعد غد"),
    ("وصل الوزير غداً إلى الجزائر", "2025-06-06", "غداً"),
    ("قبل أسبوعين", "2025-05-22", "قبل أسبوعين"),
    ("قبل شهرين", "2025-04", "قبل شهرين"),
    ("منذ 3 سنوات", "2022-06", "منذ 3 سنوات"),
])
def test_relative_dates_count_from_the_reference_date(text: str, date: str, date_text: str) -> None:
    result = parse_date(text, reference="2025-06-05")
    assert (result.date, result.calendar, result.date_text) == (date, "relative", date_text)
    assert text[result.start:result.end] == date_text


def test_without_a_reference_a_relative_date_says_what_it_needs() -> None:
    result = parse_date("منذ يومين")
    assert result.date is None and result.calendar == "relative"
    assert result.warnings and "reference" in result.warnings[0] and "2 days before" in result.warnings[0]


def test_words_that_only_look_relative_and_written_dates_are_left_alone() -> None:
    assert parse_date("أمسية شعرية في الجزائر", reference="2025-06-05").date is None  # "an evening"
    written = parse_date("الخميس 5 يونيو 2025 أمس", reference="2025-07-01")
    assert (written.date, written.calendar) == ("2025-06-05", "gregorian")


def test_a_bad_reference_date_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="not YYYY-MM-DD"):
        parse_date("منذ يومين", reference="2025-13-05")


def test_dates_cli_takes_a_reference() -> None:
    done = subprocess.run([sys.executable, "-m", "translator", "dates", "--lines", "--reference", "2025-06-05"],
                          input="منذ يومين\nأول أمس\n".encode(), capture_output=True, env=os.environ.copy(),
                          timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    assert [json.loads(line)["date"] for line in done.stdout.decode().splitlines()] == ["2025-06-03", "2025-06-03"]


# ------------------------------------------------------------ language detection on presentation forms
@pytest.mark.parametrize("plain", [
    "التقى تبون لافروف في الجزائر",  # https://github.com/linuxscout/pyarabic/issues/74 (lam-alef ligature)
    AR,
    "الأمم المتحدة تدعو إلى وقف إطلاق النار في غزة",
])
def test_text_in_arabic_presentation_forms_is_detected_like_the_same_text(plain: str) -> None:
    shaped = presentation_forms(plain)
    assert shaped != plain and unicodedata.normalize("NFKC", shaped) == plain
    assert detect(shaped).lang == detect(plain).lang == "ar"
    assert [d.lang for d in detect_many([shaped, plain])] == ["ar", "ar"]


def test_presentation_forms_in_a_mixed_line_make_an_arabic_run() -> None:
    from translator import detect_runs

    runs = detect_runs("Ville de Tindouf " + presentation_forms("مدينة تندوف."))
    assert [r.lang for r in runs] == ["fr", "ar"]
    assert runs[1].text == presentation_forms("مدينة تندوف.")  # offsets and text stay the original's


# ------------------------------------------------------------------------ tables.xlsx: what a cell can hold
def test_excel_cells_escape_control_characters_and_mark_a_cut() -> None:
    from openpyxl.utils.escape import unescape

    from translator.corpus.export import EXCEL_MAX_CHARS, excel_cell

    # https://github.com/saulpw/visidata/issues/1402, django-import-export#1712: openpyxl refuses them
    value, change = excel_cell(AR + "\x0b ثم \x01غادر.\x0c")
    assert "\x0b" not in value and unescape(value) == AR + "\x0b ثم \x01غادر.\x0c" and change
    assert excel_cell(AR) == (AR, None) and excel_cell(3) == (3, None)
    # https://github.com/ycphs/openxlsx/issues/145: Excel calls a workbook with a longer cell damaged
    long_text = "و".join([AR] * 800)
    value, change = excel_cell(long_text)
    assert len(value) == EXCEL_MAX_CHARS and value.startswith(long_text[:30_000])
    assert f"{len(long_text):,} characters" in value and "cut" in change


def test_tables_xlsx_is_written_whatever_the_text_holds(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import openpyxl
    from openpyxl.utils.escape import unescape

    from translator import read_table
    from translator.corpus.run import run_batch

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    record = {"id": "a", "title": "t\u0001x\u000b", "outlet": "o\u0016", "text": AR + " \u000b ثم \u0001غادر."}
    (corpus / "r.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (corpus / "long.txt").write_text(" و".join([AR] * 700) + ".\n", encoding="utf-8")
    out = tmp_path / "out"
    run_batch(corpus, out, translate=False, progress=False, excel=True)
    book = openpyxl.load_workbook(out / "tables.xlsx")
    cells = {unescape(str(c.value)) for ws in book for row in ws.iter_rows() for c in row if c.value is not None}
    segments = read_table(out, "segments")
    short = [t for t in segments["text"] if len(t) < 1000]
    assert short and set(short) <= cells and any("\x0b" in t for t in short)
    assert record["title"] in cells and record["outlet"] in cells
    longest = max(segments["text"], key=len)
    assert len(longest) > 32_767  # the table keeps the whole text; the workbook marks its cut
    assert any(c.startswith(longest[:1000]) and c.endswith("the Parquet and CSV tables]") for c in cells)
    assert any("tables.xlsx" in r.getMessage() and "cut" in r.getMessage() for r in caplog.records)


# --------------------------------------------------------------------------- TBX language tags with regions
@pytest.mark.parametrize(("de", "en", "ar"), [
    ("de", "en", "ar"),  # https://github.com/WeblateOrg/weblate/issues/850: chosen by xml:lang, not by order
    ("de_DE", "en_US", "ar_DZ"),  # https://github.com/BLKSerene/Wordless/issues/37 (es_es), baseterm#60
    ("DE-de", "EN-gb", "AR-sa"),
])
def test_tbx_language_tags_with_regions_and_underscores(tmp_path: Path, de: str, en: str, ar: str) -> None:
    from translator.glossary.tbx import import_tbx

    path = tmp_path / "terms.tbx"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body><termEntry id="c1">
<langSet xml:lang="{de}"><tig><term>Algerien</term></tig></langSet>
<langSet xml:lang="{en}"><tig><term>Algeria</term></tig></langSet>
<langSet xml:lang="{ar}"><tig><term>الجزائر</term></tig></langSet>
</termEntry></body></text></martif>
""", encoding="utf-8")
    [entry] = import_tbx(path)
    assert (entry.source, entry.target) == ("الجزائر", "Algeria")


def test_a_tbx_without_arabic_still_says_so(tmp_path: Path) -> None:
    from translator.glossary.tbx import import_tbx

    path = tmp_path / "terms.tbx"
    path.write_text('<martif type="TBX"><text><body><termEntry><langSet xml:lang="en_GB"><tig><term>Algeria</term>'
                    '</tig></langSet></termEntry></body></text></martif>', encoding="utf-8")
    with pytest.raises(GlossaryError, match="Arabic"):
        import_tbx(path)


# ------------------------------------------------------ XLIFF/TMX inline tags: their native code is no text
@pytest.mark.parametrize(("xml", "text"), [
    # https://github.com/matecat/MateCat/pull/2991 (TMX from CAT tools carries formatting codes)
    ('<seg>A senior <bpt i="1">&lt;b&gt;</bpt>Russian<ept i="1">&lt;/b&gt;</ept> official<ph x="2">&lt;br/&gt;</ph>'
     '</seg>', "A senior Russian official"),
    ('<seg><it pos="begin">&lt;i&gt;</it>Tebboune<ut>{\\b}</ut> said</seg>', "Tebboune said"),
    ('<seg>Algeria <hi type="b">and</hi> Morocco</seg>', "Algeria and Morocco"),  # hi holds text
    # https://github.com/EFForg/www-l10n/pull/4 and https://github.com/WeblateOrg/weblate/issues/490 (XLIFF 1.2)
    ('<target xmlns="urn:oasis:names:tc:xliff:document:1.2">The <g id="1">Algerian</g> army<x id="2"/> '
     '<ph id="3">&lt;br/&gt;</ph>left<!-- a comment --> <mrk mtype="term">Tindouf</mrk>.</target>',
     "The Algerian army left Tindouf."),
])
def test_inline_text_leaves_out_native_codes_and_keeps_text(xml: str, text: str) -> None:
    from lxml import etree

    from translator.review.segments import inline_text

    assert " ".join(inline_text(etree.fromstring(xml)).split()) == text


def test_tmx_import_stores_segments_without_formatting_codes(tmp_path: Path) -> None:
    from translator.review.tmx import read_tmx

    path = tmp_path / "trados.tmx"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="SDL" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en"
 srclang="ar" datatype="plaintext"/><body><tu>
<tuv xml:lang="ar-SA"><seg>مسؤول <bpt i="1">&lt;b&gt;</bpt>روسي<ept i="1">&lt;/b&gt;</ept> رفيع</seg></tuv>
<tuv xml:lang="en-GB"><seg>A senior <bpt i="1">&lt;b&gt;</bpt>Russian<ept i="1">&lt;/b&gt;</ept> official</seg></tuv>
</tu></body></tmx>
""", encoding="utf-8")
    [entry] = read_tmx(path)
    assert (entry.source, entry.target) == ("مسؤول روسي رفيع", "A senior Russian official")


# --------------------------------------------------------------- symbols the translation model does not know
def test_split_symbols_takes_emoji_and_symbols_off_the_ends() -> None:
    from translator.mt.translate import split_symbols

    assert split_symbols("🔴 عاجل: الجيش") == (("🔴", " "), "عاجل: الجيش", None)
    assert split_symbols("الجيش 🇩🇿🇲🇦") == (None, "الجيش", ("🇩🇿🇲🇦", " "))
    assert split_symbols("👍🏽✅عاجل") == (("👍🏽✅", ""), "عاجل", None)
    assert split_symbols("قال 😀 الوزير") == (None, "قال 😀 الوزير", None)  # inside: left to the model
    assert split_symbols("😀") == (None, "😀", None)
    assert split_symbols("(عاجل)") == (None, "(عاجل)", None)  # brackets are punctuation, not symbols


#: every Arabic combining mark: harakat, tanween, shadda, sukun and the other marks of 064B-065F, superscript
#: alef, and the Quranic and honorific marks (0610-061A, 06D6-06ED); ۞ and ۩ there are symbols (So), not marks
ARABIC_MARKS = [chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)]
                if unicodedata.category(chr(c)) == "Mn"]


@pytest.mark.parametrize("mark", ARABIC_MARKS, ids=lambda m: f"U+{ord(m):04X}")
def test_arabic_marks_stay_with_their_word_and_are_never_symbols(mark: str) -> None:
    # A word-final tanween (ليلاً) was taken off the end as a "symbol" and glued to the English as written:
    # "... Tindoufً", with no flag. A mark belongs to the letter it is written on, final or medial.
    from translator.mt.translate import split_literals, split_symbols

    final, medial = f"وصل الوفد إلى تندوف ليلا{mark}", f"وصل الوفد إلى المد{mark}رسة"
    for text in (final, medial, f"ليلا{mark} وصل الوفد", f"ق{mark}ال الوزير"):
        assert split_symbols(text) == (None, text, None)
        assert split_literals(text) == [(text, "", False)]
    assert split_symbols(f"🔴 {final} 🇩🇿") == (("🔴", " "), final, ("🇩🇿", " "))
    assert split_symbols(f"{final}✅") == (None, final, ("✅", ""))
    assert split_literals(f"📌{final} ✅") == [("📌", "", True), (final, " ", False), ("✅", "", True)]


def test_marks_written_on_a_symbol_stay_with_the_symbol() -> None:
    from translator.mt.translate import split_symbols

    assert split_symbols("عاجل ❤️") == (None, "عاجل", ("❤️", " "))  # U+FE0F, the emoji variation selector
    assert split_symbols("❤️✅ عاجل") == (("❤️✅", " "), "عاجل", None)


def test_a_word_final_tanween_reaches_the_model_and_never_the_english(tiny_ct2_engine) -> None:  # type: ignore[no-untyped-def]
    from translator import Translator

    sent: list[str] = []

    class Recording:
        name, model, max_input_tokens = tiny_ct2_engine.name, tiny_ct2_engine.model, tiny_ct2_engine.max_input_tokens

        def translate_batch(self, texts: list[str], **options: object) -> list:  # type: ignore[type-arg]
            sent.extend(texts)
            return tiny_ct2_engine.translate_batch(texts, **options)

        def score_batch(self, sources: list[str], targets: list[str]) -> list[float]:
            return tiny_ct2_engine.score_batch(sources, targets)

        def count_tokens(self, texts: list[str]) -> list[int]:
            return tiny_ct2_engine.count_tokens(texts)

    source = "وصل الوفد إلى تندوف ليلاً"
    [out] = Translator(Recording()).translate([source])
    assert out.status in ("translated", "suspicious") and out.text  # whatever words this machine's model wrote
    assert any(text.endswith("ليلاً") for text in sent), sent  # the whole word went to the model
    assert not any(unicodedata.category(c) == "Mn" and "ARABIC" in unicodedata.name(c) for c in out.text), out.text


def test_emoji_at_the_ends_pass_through_and_leave_the_translation_unchanged(tiny_ct2_engine) -> None:  # type: ignore[no-untyped-def]
    # https://github.com/mozilla/translations/issues/171: emoji should pass through untranslated; a leading one
    # garbled the whole output of the model
    from translator import Translator

    headline, english = "لافروف: علاقاتنا مع الجزائر تصل إلى مستوى جديد", \
        "Lavrov: Our relations with Algeria have reached a new level"
    out = Translator(tiny_ct2_engine).translate(["🔴 " + headline, headline + " 🇩🇿", "📌" + headline + " ✅", "😀"])
    assert [t.text for t in out] == ["🔴 " + english, english + " 🇩🇿", "📌" + english + " ✅", "😀"]
    assert [t.status for t in out] == ["translated", "translated", "translated", "not_arabic"]


# ----------------------------------------------------------------------- Word: every paragraph, wherever
def _docx_bytes() -> bytes:
    """The replay runner's Word file (a table, a tracked insertion and deletion, a content control, a text box, a
    soft line break), so the test and ``benchmarks/bug_replays.py`` read the same file."""
    from benchmarks.bug_replays import word_file_with_hidden_places

    return word_file_with_hidden_places()


def test_word_paragraphs_in_tables_controls_insertions_and_text_boxes_are_read() -> None:
    # https://github.com/python-openxml/python-docx/issues/803: text python-docx's paragraphs do not hold
    from translator.corpus.readers import _read_docx

    [document] = _read_docx("brief.docx", _docx_bytes(), "digest")
    assert document.text.split("\n\n") == [
        "فقرة أولى عن الجزائر.", "عنوان في جدول عن تونس", "Headline in a table", "نص قبل إضافة متعقبة",
        "نص داخل عنصر تحكم", "قبل المربع", "نص في مربع", "سطر أول\nسطر ثان",
    ]  # deleted text left out, the text box read once, the soft line break kept (python-docx#54)


def test_word_tables_reach_the_batch(tmp_path: Path) -> None:
    from translator import read_table
    from translator.corpus.run import run_batch

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "brief.docx").write_bytes(_docx_bytes())
    run_batch(corpus, tmp_path / "out", translate=False, progress=False)
    texts = " ".join(read_table(tmp_path / "out", "segments")["text"])
    assert "عنوان في جدول عن تونس" in texts and "نص داخل عنصر تحكم" in texts and "نص محذوف" not in texts


# ----------------------------------------------------------- JSON records with unpaired surrogate escapes
def test_json_records_with_unpaired_surrogate_escapes_are_read_not_a_crash(tmp_path: Path) -> None:
    # https://github.com/daaain/claude-code-log/pull/144 (JSONL with lone surrogates: UnicodeEncodeError), also
    # ultrajson#156: json.loads accepts "\ud83d" alone, and no UTF-8 table or SQLite row can hold it
    from translator import read_table
    from translator.corpus.run import run_batch

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    line = json.dumps({"id": "a", "title": "t \ud83d x", "text": AR + " \ud83d\ude00 ok \ud83d bad \udc00 end."})
    assert "\\ud83d\\ude00" in line  # written as escapes, as JSON exporters do
    (corpus / "r.jsonl").write_text(line + "\n", encoding="utf-8")
    (corpus / "r.json").write_text(line, encoding="utf-8")
    summary = run_batch(corpus, tmp_path / "out", translate=False, progress=False, excel=True)
    assert summary.failed_files == 0
    documents = read_table(tmp_path / "out", "documents")
    assert list(documents["title"]) == ["t \ufffd x", "t \ufffd x"]
    assert all("replaced 3 unpaired UTF-16 surrogate" in w for w in documents["warnings"])
    text = " ".join(read_table(tmp_path / "out", "segments")["text"])
    assert "😀" in text and "ok \ufffd bad \ufffd end." in text  # a pair is its character; lone ones replaced


def test_replay_list_names_every_case_of_the_runner() -> None:
    rows = (ROOT / "benchmarks" / "data" / "bug_replays.tsv").read_text(encoding="utf-8").splitlines()
    header, *rows = [r.split("\t") for r in rows if r and not r.startswith("#")]
    assert header[:3] == ["id", "source", "component"]
    ids = [r[0] for r in rows]
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bug_replays
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    automated = {case_id for case_id, _ in bug_replays.CASES}
    assert len(ids) == len(set(ids)) >= 40
    assert automated <= set(ids)
    assert all(r[1].startswith("https://github.com/") for r in rows)


def _with_notes(docx: bytes) -> bytes:
    """``docx`` with a footnotes and an endnotes part, as Word writes them (separators first)."""
    import zipfile

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def notes(tag: str, text: str) -> str:
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{tag}s {w}>'
                f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
                f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
                f'</w:{tag}><w:{tag} w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}'
                f'</w:t></w:r></w:p></w:{tag}></w:{tag}s>')

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        footnote = "“ليبيا وتونس تتفقان على تسهيل التجارة،” الوسط، 2 يوليو 2024."
        dst.writestr("word/footnotes.xml", notes("footnote", footnote))
        dst.writestr("word/endnotes.xml", notes("endnote", "المصدر: وكالة الأنباء الجزائرية"))
    return out.getvalue()


def test_word_footnotes_and_endnotes_are_read_after_the_body() -> None:
    # https://github.com/ankushshah89/python-docx2txt/issues/27 and genspark-ai/genoffice#425: notes were lost
    from translator.corpus.readers import _read_docx

    [document] = _read_docx("brief.docx", _with_notes(_docx_bytes()), "digest")
    paragraphs = document.text.split("\n\n")
    assert paragraphs[0] == "فقرة أولى عن الجزائر."
    assert paragraphs[-2:] == ["“ليبيا وتونس تتفقان على تسهيل التجارة،” الوسط، 2 يوليو 2024.",
                               "المصدر: وكالة الأنباء الجزائرية"]
    [plain] = _read_docx("brief.docx", _docx_bytes(), "digest")  # no notes part: the body alone
    assert plain.text == "\n\n".join(paragraphs[:-2])

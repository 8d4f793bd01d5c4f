"""Public bug reports replayed on the toolkit, eleventh session.

Each test names the report it comes from (``benchmarks/data/bug_replays.tsv`` lists them with what the toolkit
gave before and after). The kinds: a charset a page or an XML file declares; Cyrillic and Central European code
pages; Arabic presentation forms in PDF text; Arabic lines of two words in visual order; zero-width spaces
between words; romanized names opened by ``al-``; byte-order marks in JSON lines; letter variants, tatweel and
harakat in matching; dates in Eastern Arabic digits.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translator import Glossary, GlossaryEntry, detect, parse_date
from translator.corpus.decode import decode_bytes
from translator.corpus.readers import SourceFile, read_documents
from translator.mt.normalize import normalize_for_mt
from translator.text.arabic import fold

AR = "قال وزير الخارجية الجزائري إن العلاقات مع روسيا تصل إلى مستوى جديد من التعاون"
RU = "Министр иностранных дел России Сергей Лавров заявил, что отношения с Алжиром выходят на новый уровень."
BG = "Министърът на външните работи заяви, че отношенията с Алжир достигат ново равнище на сътрудничество."
PL = ("Minister spraw zagranicznych Rosji Siergiej Ławrow oświadczył, że stosunki z Algierią wchodzą na nowy "
      "poziom, a współpraca gospodarcza się rozwija.")
CS = "Ministr zahraničí uvedl, že vztahy s Alžírskem dosáhly nové úrovně a spolupráce se rozvíjí."


def _read(tmp_path: Path, name: str, data: bytes) -> list:  # type: ignore[type-arg]
    path = tmp_path / name
    path.write_bytes(data)
    return read_documents(SourceFile(path, name))


def _page(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


# ------------------------------------------------------------------ a charset the file declares is followed
@pytest.mark.parametrize(("report", "head", "body", "encoding"), [
    # servo/servo#24898 (meta charset="windows-1250" did nothing), jinliming2/Chrome-Charset#19 (a default
    # encoding overrode the page's own, Central European, declaration)
    ("servo-24898", '<meta charset="windows-1250">', PL, "cp1250"),
    # lexmount/moli#156: content="charset=gbk" with no media type is a declaration browsers honour
    ("moli-156", '<meta http-equiv="Content-Type" content="charset=gbk">', "家居 新闻 北京", "gbk"),
    # infiniflow/ragflow#18801: a page that declares windows-1252 keeps its curly quotes (not C1 controls)
    ("ragflow-18801", '<meta http-equiv="content-type" content="text/html; charset=windows-1252">',
     "“Le ministre” a déclaré – à Alger – que l’accord est prêt.", "cp1252"),
    # an Arabic page that says what it is: windows-1256 (the same kind, on our own script)
    ("arabic-page", '<meta charset="windows-1256">', AR, "cp1256"),
])
def test_a_declared_charset_is_followed(tmp_path: Path, report: str, head: str, body: str, encoding: str) -> None:
    (doc,) = _read(tmp_path, "page.html", _page(head, body).encode(encoding))
    assert body in doc.text and doc.encoding == encoding, (report, doc.encoding, doc.text)
    assert any("declares" in w for w in doc.warnings), doc.warnings


@pytest.mark.parametrize(("report", "declared", "text", "encoding"), [
    # microsoft/vscode#132466: an XML declaration says ISO-8859-1; the umlauts must come through
    ("vscode-132466", "ISO-8859-1", "an alle Entwickler im Kanton Zürich, die ähnlich wie ich öfters", "latin_1"),
    # microsoft/vscode#1316: ISO-8859-15 declares the euro at byte 0xA4 (windows-1252 reads it as ¤)
    ("vscode-1316", "ISO-8859-15", "Der Preis beträgt 20 € pro Monat.", "iso8859_15"),
    # morbac/xmltools#23, OpenXRay/xray-16#1581: Russian XML that declares windows-1251
    ("xmltools-23", "windows-1251", RU, "cp1251"),
])
def test_an_xml_declaration_is_followed(report: str, declared: str, text: str, encoding: str) -> None:
    data = f'<?xml version="1.0" encoding="{declared}"?>\n<note>{text}</note>\n'.encode(encoding)
    decoded = decode_bytes(data)
    assert text in decoded.text, (report, decoded.encoding, decoded.text)


def test_only_a_charset_attribute_or_http_equiv_content_declares() -> None:
    # h4ckf0r0day/obscura#565: a description that mentions "charset=gbk" declares nothing
    page = _page('<meta name="description" content="charset=gbk"><meta data-charset="gbk">', AR)
    decoded = decode_bytes(page.encode("utf-8"))
    assert AR in decoded.text and decoded.encoding == "utf-8"
    assert not any("declares" in r for r in decoded.repairs), decoded.repairs


def test_a_page_declared_latin_1_that_holds_windows_1256_arabic_is_read_as_arabic() -> None:
    # w3c/Unicorn#205 (a declared iso-8859-1 is windows-1252 to a browser): old Arabic sites declared it over
    # windows-1256 bytes; the declaration loses to a clearly better reading, and the warning says so
    page = _page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', AR)
    decoded = decode_bytes(page.encode("cp1256"))
    assert AR in decoded.text and decoded.encoding == "cp1256"
    assert any("declares charset iso-8859-1" in r and "not followed" in r for r in decoded.repairs), decoded.repairs


def test_a_utf8_page_that_declares_a_legacy_charset_is_utf8_with_a_note() -> None:
    decoded = decode_bytes(_page('<meta charset="windows-1256">', AR).encode("utf-8"))
    assert AR in decoded.text and decoded.encoding == "utf-8"
    assert any("valid UTF-8" in r for r in decoded.repairs)


# ------------------------------------------------------------------ Cyrillic and Central European code pages
@pytest.mark.parametrize(("report", "text", "encoding"), [
    ("chardet-132", RU, "cp1251"),  # chardet/chardet#132: windows-1251 taken for MacCyrillic
    ("uchardet-16", BG, "cp1251"),  # BYVoid/uchardet#16: Bulgarian and Russian windows-1251
    ("charlock_holmes-19", RU, "cp1251"),  # brianmario/charlock_holmes#19: windows-1251 read as ISO-8859-1
    ("sublime_text-2446", RU, "cp1251"),  # sublimehq/sublime_text#2446: windows-1251 opened as windows-1252
    ("servo-24898-text", PL, "cp1250"),
    ("czech-1250", CS, "cp1250"),
])
def test_a_cyrillic_or_central_european_file_is_read_in_its_code_page_with_a_warning(
        report: str, text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text and decoded.encoding == encoding, (report, decoded.encoding, decoded.text[:40])
    assert decoded.confidence < 1.0 and any(encoding in r for r in decoded.repairs), decoded.repairs


TR = "Dışişleri Bakanı, Cezayir ile ilişkilerin yeni bir seviyeye ulaştığını söyledi ve işbirliği güçleniyor."
HE = "שר החוץ אמר כי היחסים עם אלג'יריה מגיעים לרמה חדשה של שיתוף פעולה כלכלי."


@pytest.mark.parametrize(("report", "text", "encoding"), [
    ("subtitleedit-14763", TR, "cp1254"),  # SubtitleEdit/subtitleedit#14763: Turkish read as windows-1252
    ("leafpad-3", HE, "cp1255"),  # tarot231/leafpad#3: Hebrew windows-1255 not detected
    ("EncodingChecker-6", RU, "koi8_r"),  # amrali-eg/EncodingChecker#6: KOI8-R taken for windows-1251
    ("charset_normalizer-731", RU, "cp1251"),  # jawah/charset_normalizer#731: windows-1251 taken for KOI8-R
    ("vscode-321345", CS, "cp1250"),  # microsoft/vscode#321345: windows-1250 opened as windows-1252
])
def test_more_code_pages_are_read_with_a_warning(report: str, text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text and decoded.encoding == encoding, (report, decoded.encoding, decoded.text[:40])
    assert any(encoding in r for r in decoded.repairs), decoded.repairs


def test_a_page_declaring_iso_8859_9_is_turkish() -> None:
    # tox-dev/turbohtml#424: iso-8859-9 and latin5 are windows-1254 to a browser
    for label in ("iso-8859-9", "latin5"):
        decoded = decode_bytes(_page(f"<meta charset={label}>", TR).encode("cp1254"))
        assert TR in decoded.text and decoded.encoding == "cp1254", decoded.repairs


@pytest.mark.parametrize("text", [
    "It’s the “best” deal – the minister said… and we’ll see.",  # KOI8-R has box drawing where these are
    "Le ministre des Affaires étrangères a déclaré que les relations avec l'Algérie sont à un niveau élevé.",
    "El ministro español viajará a Argelia la próxima semana para firmar el acuerdo.",
    "Alger à Oran",
])
def test_western_european_text_is_not_taken_for_a_central_european_code_page(text: str) -> None:
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text and decoded.encoding == "cp1252"
    assert not any(e in r for r in decoded.repairs for e in ("cp1250", "cp1251", "cp1254", "cp1255", "koi8")), \
        decoded.repairs


# ------------------------------------------------------------------ Arabic presentation forms (PDF text)
@pytest.mark.parametrize(("report", "shaped", "plain"), [
    # docling-project/docling#3929: a deck whose Arabic was all presentation forms, unsearchable
    ("docling-3929", "very Iraqi student. ﻣﻨﺼﺔ ﻭﺍﺣﺪﺓ. ﻓﺮﺹ ﻣﺘﺴﺎﻭﻳﺔ. ﻟﻜﻞ ﻃﺎﻟﺐ ﻋﺮﺍﻗﻲ.",
     "very Iraqi student. منصة واحدة. فرص متساوية. لكل طالب عراقي."),
    # microsoft/markitdown#2539: FB50-FDFF and FE70-FEFF to standard letters, ligatures expanded
    ("markitdown-2539", "ﻗﺎﻝ ﻭﺯﻳﺮ ﺍﻟﺨﺎﺭﺟﻴﺔ ﺇﻥ ﺍﻟﻌﻼﻗﺎﺕ ﺟﻴﺪﺓ", "قال وزير الخارجية إن العلاقات جيدة"),
    # snapotter-hq/SnapOtter#956: مرحبا بالعالم extracted shaped, beside Latin text
    ("snapotter-956", "ﻣﺮﺣﺒﺎ ﺑﺎﻟﻌﺎﻟﻢ in the final report", "مرحبا بالعالم in the final report"),
    # mozilla/pdf.js#2160: the lam-alef ligatures
    ("pdf.js-2160", "ﻻ ﺗﻔﺎﻭﺽ ﺍﻵﻥ ﻭﻹﻋﻼﻥ ﺍﻟﻨﺘﺎﺋﺞ", "لا تفاوض الآن ولإعلان النتائج"),
])
def test_presentation_forms_are_read_as_plain_letters(tmp_path: Path, report: str, shaped: str, plain: str) -> None:
    (doc,) = _read(tmp_path, "pdf.txt", (shaped + "\n").encode("utf-8"))
    assert doc.text.strip() == plain, (report, doc.text)
    assert any("presentation form" in w for w in doc.warnings), doc.warnings


def test_presentation_forms_written_as_json_escapes_are_read_as_plain_letters(tmp_path: Path) -> None:
    # the same kind in a JSON-lines record saved with json.dumps' default escapes: the file's repairs never saw it
    record = {"id": 1, "title": "ﻭﺯﻳﺮ ﺍﻟﺨﺎﺭﺟﻴﺔ", "text": "ﻗﺎﻝ ﻭﺯﻳﺮ ﺍﻟﺨﺎﺭﺟﻴﺔ إن\u200bالعلاقات جيدة"}
    (doc,) = _read(tmp_path, "a.jsonl", (json.dumps(record) + "\n").encode())
    assert doc.text == "قال وزير الخارجية إن العلاقات جيدة" and doc.title == "وزير الخارجية"
    assert any("presentation form" in w for w in doc.warnings), doc.warnings


def test_a_shaped_heading_in_visual_order_is_read_in_reading_order(tmp_path: Path) -> None:
    # therealtimex/paperforge#63: pdfplumber gave the heading الملخص التنفيذي shaped and back to front
    (doc,) = _read(tmp_path, "report.txt", "يﺬﯿﻔﻨﺘﻟا ﺺﺨﻠﻤﻟا\n".encode())
    assert fold(doc.text.strip()) == fold("الملخص التنفيذي"), doc.text


def test_a_shaped_line_in_visual_order_with_ligatures_reads_right(tmp_path: Path) -> None:
    # firecrawl/pdf-inspector#212: ﷲ and ﲪ are ligatures whose letters must be reversed with the line
    line = ".ﺔﻴﺑﺮﻌﻟا ﺔﺑﻮﺘﻜﻣ ﺔﻳرﺎﺒﺘﺧا ةﺮﻘﻓ ﻩﺬﻫ .ﷲ ﺔﲪرو ﻢﻜﻴﻠﻋ مﻼﺴﻟا"
    (doc,) = _read(tmp_path, "ar.txt", (line + "\n").encode())
    assert doc.text.strip() == "السلام عليكم ورحمة الله. هذه فقرة اختبارية مكتوبة العربية.", doc.text
    plain = "السلام عليكم ورحمة الله"  # a line in reading order keeps its ligatures' letters in order
    (doc,) = _read(tmp_path, "ok.txt", "ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ ﻭﺭﺣﻤﺔ ﷲ\n".encode())
    assert doc.text.strip() == plain, doc.text


@pytest.mark.parametrize(("visual", "logical"), [
    ("(ةبرجت هذه ابحرم)", "(مرحبا هذه تجربة)"),  # py-pdf/pypdf#1296: brackets mirror back too
    ("«ةبرجت هذه ابحرم» :لاق", "قال: «مرحبا هذه تجربة»"),
    ("ةيبرعلا ةغللاب ةبوتكم ةيرابتخا ةرقف هذه", "هذه فقرة اختبارية مكتوبة باللغة العربية"),  # docling#1938
])
def test_brackets_of_a_line_in_visual_order_face_the_right_way(visual: str, logical: str) -> None:
    assert decode_bytes(f"{visual}\n".encode()).text.strip() == logical


@pytest.mark.parametrize(("visual", "logical"), [
    ("ةيجراخلا ريزو", "وزير الخارجية"), ("ريزو لاق", "قال وزير"), ("ةيبرعلا ةغللا", "اللغة العربية")])
def test_a_two_word_line_in_visual_order_is_put_in_reading_order(visual: str, logical: str) -> None:
    # syncfusion/flutter-examples#465 (extracted Arabic reversed), on headings of two words
    assert decode_bytes(f"{visual}\n{AR}\n".encode()).text.splitlines()[0] == logical


def test_two_words_in_reading_order_stay() -> None:
    for line in ("قال وزير", "دونالد ترامب", "وزير الخارجية", "الرئيس تبون"):
        assert decode_bytes(line.encode()).text == line


# ------------------------------------------------------------------ zero-width space between words
def test_a_zero_width_space_between_words_is_a_space_for_matching() -> None:
    # languagetool-org/languagetool#1986 (every ZWS made an UNKNOWN token), #2119 (its chunker confused)
    glossary = Glossary([GlossaryEntry(source="وزير الخارجية", target="Foreign Minister", type="term")])
    found = glossary.match("قال\u200bوزير\u200bالخارجية إن العلاقات جيدة")
    assert [m.entry.target for m in found] == ["Foreign Minister"]
    assert fold("قال\u200bوزير") == fold("قال وزير")


def test_a_zero_width_space_between_words_reaches_the_model_as_a_space() -> None:
    # fnl/syntok#18: split on U+200B; a lone و before one stays with its word
    assert normalize_for_mt("قال\u200bالوزير إن\u200bالعلاقات") == "قال الوزير إن العلاقات"
    assert normalize_for_mt("الأمن و\u200bالتعاون") == "الأمن والتعاون"


def test_a_zero_width_space_is_read_as_a_space_but_a_non_joiner_is_kept(tmp_path: Path) -> None:
    # keymanapp/keyman#4872: ZWSP breaks words, ZWNJ (Persian می‌خواهم) does not
    (doc,) = _read(tmp_path, "web.txt", "قال\u200bالوزير و\u200bالتعاون. می\u200cخواهم\n".encode())
    assert doc.text.startswith("قال الوزير و\u200bالتعاون") and "می\u200cخواهم" in doc.text


# ------------------------------------------------------------------ romanized names opened by al-
@pytest.mark.parametrize(("report", "text"), [
    ("interscript-475", "Abd-al-Rahman"),  # interscript/interscript-ruby#475
    ("interscript-475b", "Abd al-Rahman al-Sudais"),
    ("hayagriva-311", "al-Tahanawi, Muhammad Ali"),  # typst/hayagriva#311
    ("python-nameparser-123", "Khalid al-Dakhil"),  # derek73/python-nameparser#123
])
def test_a_romanized_arabic_name_is_in_no_language(report: str, text: str) -> None:
    assert detect(text).lang in ("und", "en"), (report, detect(text))


@pytest.mark.parametrize(("text", "lang"), [
    ("Abd al-Rahman al-Sudais dijo que el gobierno aprobó la ley", "es"),
    ("King Abdullah bin al-Hussein met the president in Amman", "en"),
    ("Abd al-Aziz Bouteflika a déclaré que la France reste un partenaire", "fr"),
    ("the at-risk group of children", "en"),
])
def test_the_words_around_such_a_name_still_name_the_language(text: str, lang: str) -> None:
    assert detect(text).lang == lang


# ------------------------------------------------------------------ byte-order marks in JSON lines
@pytest.mark.parametrize("records", [2, 5])
def test_a_jsonl_file_with_a_bom_keeps_its_first_record(tmp_path: Path, records: int) -> None:
    # wbolster/jsonlines#68, infiniflow/ragflow#19179 (first record dropped, or all with 4 or fewer), cityjson/cjio#21
    lines = [json.dumps({"id": i, "text": f"{AR} {i}"}, ensure_ascii=False) for i in range(records)]
    docs = _read(tmp_path, "a.jsonl", ("\ufeff" + "\n".join(lines) + "\n").encode())
    assert len(docs) == records and docs[0].text.endswith(" 0")


def test_a_bom_at_the_start_of_a_later_line_does_not_lose_the_record(tmp_path: Path) -> None:
    # elastic/beats#11661: files concatenated, each with its BOM
    lines = [json.dumps({"id": i, "text": f"{AR} {i}"}, ensure_ascii=False) for i in range(3)]
    docs = _read(tmp_path, "b.jsonl", ("\ufeff" + lines[0] + "\n\ufeff" + lines[1] + "\n" + lines[2] + "\n").encode())
    assert len(docs) == 3 and sorted(d.text[-1] for d in docs) == ["0", "1", "2"]


# ------------------------------------------------------------------ matching: letter variants, tatweel, harakat
@pytest.mark.parametrize(("report", "typed", "written"), [
    ("urduhack-50", "کاتب حضرات", "کــــــاتب  حضــرات"),  # urduhack/urduhack#50: tatweel
    ("bibletime-255", "كتب", "كَتَبَ"),  # bibletime/bibletime#255: search without the diacritics
    ("bibletime-255b", "اكل", "آكل"),
    ("maha-104", "اللغة العربية", "اللُّغَةَ العَرَبِيَّةَ"),  # TRoboto/Maha#104
    ("goldendict-474", "الجزائر", "الجزائـــر"),  # goldendict/goldendict#474: kashida
    ("carmen-625", "تبريز", "تبریز"),  # mapbox/carmen#625: Farsi yeh
    ("tarteel-749", "كتاب", "کتاب"),  # TarteelAI/quranic-universal-library#749: keheh, heh goal, teh marbuta goal
    ("tarteel-749b", "رحمة الله", "رحمۃ اللہ"),
    ("charabia-382", "براي", "برای"),  # meilisearch/charabia#382
    ("fsearch-303", "رابطه", "رابطهٔ"),  # cboxdoerfer/fsearch#303: hamza above heh
])
def test_spellings_that_differ_only_in_marks_or_keyboard_match(report: str, typed: str, written: str) -> None:
    assert fold(typed).split() == fold(written).split(), report
    glossary = Glossary([GlossaryEntry(source=typed, target="X", type="term")])
    assert glossary.match(f"قال {written} أمس"), report


# ------------------------------------------------------------------ dates in Eastern Arabic digits
@pytest.mark.parametrize(("report", "text", "iso"), [
    ("duckling-150", "١/١/٢٠١٨", "2018-01-01"),  # facebook/duckling#150
    ("tutanota-2794", "٢٣/٦/٢٠١٧", "2017-06-23"),  # tutao/tutanota#2794
    ("moment-hijri-41", "١٥ رمضان ١٤٤٥", "2024-03-25"),  # xsoh/moment-hijri#41: Hijri with Arabic digits
    ("dateparser-1174", "1 شوال 1444 هـ", "2023-04-21"),  # scrapinghub/dateparser#1174: Hijri month names
    ("fb2cal-13", "۱۴۰۲/۰۵/۱۰", "2023-08-01"),  # mobeigi/fb2cal#13: Persian digits
])
def test_dates_in_eastern_digits(report: str, text: str, iso: str) -> None:
    assert parse_date(text).date == iso, (report, parse_date(text))

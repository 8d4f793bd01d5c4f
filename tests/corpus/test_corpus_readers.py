"""Readers and decoding: every supported format, every encoding Arabic pages use, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translator.corpus.decode import decode_bytes, repair_arabic_mojibake
from translator.corpus.readers import discover, read_documents
from translator.errors import InputError
from translator.text.arabic import plain_letters

from ..cases import cases

ARABIC = "الجزائر تعلق معاهدة الصداقة مع إسبانيا"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256",
                                      "iso8859_6"])
def test_arabic_text_is_decoded_from_every_encoding_arabic_sites_use(encoding: str) -> None:
    text = f"{ARABIC}\nسطر ثان: وزير الخارجية الروسي يصل إلى الجزائر"
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text.lstrip("\ufeff") == text
    if encoding not in {"utf-8", "utf-8-sig", "utf-16"}:
        assert decoded.repairs, "a guessed encoding must be recorded"


def test_utf8_read_as_windows_1256_is_repaired_and_recorded() -> None:
    mojibake = ARABIC.encode("utf-8").decode("cp1256")
    assert mojibake.startswith("ط§ظ„")
    decoded = decode_bytes(f"Title: {mojibake} (2022)".encode())
    assert decoded.text == f"Title: {ARABIC} (2022)"
    assert any("windows-1256" in r for r in decoded.repairs)


def test_real_arabic_with_ta_and_za_letters_is_left_alone() -> None:
    text = "ظلم الطغاة وطن ظاهر طيب ظريف"
    assert repair_arabic_mojibake(text) == (text, 0)


def test_cp1252_mojibake_is_repaired_by_ftfy() -> None:
    broken = "Algeria’s army".encode().decode("cp1252")
    decoded = decode_bytes(broken.encode())
    assert decoded.text == "Algeria’s army"


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"), (b"  \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "binary"),
    (b"caf\xe9 \xff\xfe\x80\x81\x8d\x8f\x90 \xc3\x28 \x9d\x9e", "invalid UTF-8"),
])
def test_unreadable_bytes_give_a_specific_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        decode_bytes(data, name="doc.txt")


def test_html_reader_keeps_article_text_and_metadata_and_drops_scripts(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text(
        """<html><head><title>عنوان الصفحة</title><meta property="og:site_name" content="Echorouk">
        <meta property="article:published_time" content="2022-06-08T10:00:00Z">
        <link rel="canonical" href="https://www.echoroukonline.com/x"><script>var leak = 1;</script></head>
        <body><nav>القائمة</nav><article><h1>الجزائر تعلق معاهدة الصداقة</h1><p>نص <b>الخبر</b> هنا.</p>
        <script>alert("no")</script></article><footer>حقوق</footer></body></html>""", encoding="utf-8")
    (doc,) = read_documents(discover(page)[0])
    assert doc.title == "عنوان الصفحة"
    assert (doc.outlet, doc.published, doc.url) == ("Echorouk", "2022-06-08T10:00:00Z",
                                                   "https://www.echoroukonline.com/x")
    assert doc.text == "الجزائر تعلق معاهدة الصداقة\n\nنص الخبر هنا."
    assert "leak" not in doc.text and "alert" not in doc.text and "القائمة" not in doc.text


def test_html_table_headers_and_captions_are_read(tmp_path: Path) -> None:
    # new-user trial 4, finding 9: a results table's <th> cells and its <caption> were dropped silently
    page = tmp_path / "table.html"
    page.write_text("<html><body><article><h1>نتائج الانتخابات</h1><table><caption>توزيع المقاعد</caption>"
                    "<tr><th>الحزب</th><th>المقاعد</th></tr><tr><td>حزب العدالة</td><td>45</td></tr></table>"
                    "</article></body></html>", encoding="utf-8")
    (doc,) = read_documents(discover(page)[0])
    assert doc.text.split("\n\n") == ["نتائج الانتخابات", "توزيع المقاعد", "الحزب", "المقاعد", "حزب العدالة", "45"]


def test_jsonl_records_become_documents_and_bad_json_names_the_line(tmp_path: Path) -> None:
    good = tmp_path / "feed.jsonl"
    good.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "a1", "title": "عنوان", "text": ARABIC, "outlet": "RT Arabic", "date": "2022-05-26"},
        {"body": "نص ثان", "url": "https://example.org/2"},
    ]), encoding="utf-8")
    docs = read_documents(discover(good)[0])
    assert [d.doc_id for d in docs] == ["feed.jsonl#a1", "feed.jsonl#1"]
    assert (docs[0].outlet, docs[0].published, docs[1].url) == ("RT Arabic", "2022-05-26", "https://example.org/2")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{"text": "broken"\n{"text": "also ok"}\n', encoding="utf-8")
    docs = read_documents(discover(bad)[0])  # one broken line costs that line, not the file
    assert [d.text for d in docs] == ["ok", "also ok"]
    # the left-out line is a row of errors (carried by the first document), not a warning of that record (F24)
    assert docs[0].warnings == [] and [e.message for e in docs[0].errors] == [
        "bad.jsonl: line 2: invalid JSON (Expecting ',' delimiter at column 18)"]
    assert (docs[0].errors[0].scope, docs[0].errors[0].record) == ("record", 2)
    worse = tmp_path / "worse.jsonl"
    worse.write_text('{"text": "broken"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"worse.jsonl: no valid JSON line"):
        read_documents(discover(worse)[0])


def test_docx_reader_reads_paragraphs(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Report"
    document.add_paragraph(ARABIC)
    document.add_paragraph("Second paragraph.")
    document.save(tmp_path / "r.docx")
    (doc,) = read_documents(discover(tmp_path / "r.docx")[0])
    assert doc.text == f"{ARABIC}\n\nSecond paragraph."
    assert doc.title == "Report"
    (tmp_path / "fake.docx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match=r"not a readable \.docx"):
        read_documents(discover(tmp_path / "fake.docx")[0])


def test_discover_recurses_sorts_and_skips_hidden_files(tmp_path: Path) -> None:
    for name in ["b.txt", "a/c.md", "a/.hidden.txt", ".git/x.txt", "z.pdf"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    assert [s.rel for s in discover(tmp_path)] == ["a/c.md", "b.txt", "z.pdf"]
    with pytest.raises(InputError, match=r"unsupported file type '\.pdf'"):
        read_documents(discover(tmp_path)[2])
    with pytest.raises(InputError, match="no such folder"):
        discover(tmp_path / "missing")


def test_text_title_is_the_first_short_line(tmp_path: Path) -> None:
    (tmp_path / "t.md").write_text("# Algeria and Russia\n\nBody text here.\n", encoding="utf-8")
    (tmp_path / "u.txt").write_text("A long first sentence that ends with a full stop.\nMore.", encoding="utf-8")
    assert read_documents(discover(tmp_path / "t.md")[0])[0].title == "Algeria and Russia"
    assert read_documents(discover(tmp_path / "u.txt")[0])[0].title is None


def _real_sentences() -> list[str]:

    return [row["text"] for row in cases("arabic_sentences_real.tsv")]


def _encodable(sentence: str) -> bool:
    try:
        sentence.encode("cp1256")
    except UnicodeEncodeError:
        return False
    return True


MOJIBAKE_KINDS = {
    # how each kind arises: the sentence's bytes in one encoding, read back in another
    "utf-8 read as windows-1256": lambda s: s.encode("utf-8").decode("cp1256"),
    "utf-8 read as windows-1252": lambda s: s.encode("utf-8").decode("sloppy-windows-1252"),
    "windows-1256 read as windows-1252": lambda s: s.encode("cp1256").decode("sloppy-windows-1252"),
}


@pytest.mark.parametrize("kind", MOJIBAKE_KINDS)
def test_every_kind_of_arabic_mojibake_is_repaired_letter_for_letter_on_real_sentences(kind: str) -> None:
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)

    sentences = [s for s in _real_sentences() if _encodable(s)]
    assert len(sentences) >= 75
    failures = []
    for sentence in sentences:
        decoded = decode_bytes(MOJIBAKE_KINDS[kind](sentence).encode("utf-8"))
        if decoded.text != sentence or not decoded.repairs:
            failures.append((sentence, decoded.text))
    assert not failures, f"{len(failures)}/{len(sentences)} not restored, e.g. {failures[:2]}"


@pytest.mark.parametrize(("text", "encoding"), [
    ("Les États-Unis et l'Égypte ont signé un accord à Alger.", "cp1252"),
    ("El ministro español viajará a Argelia la próxima semana para firmar el acuerdo.", "cp1252"),
    ("Le président algérien a reçu l'ambassadeur à El Mouradia, où il a évoqué la coopération.", "latin_1"),
    ("Déclaration du ministère des Affaires étrangères : « la réunion aura lieu à Tunis ».", "iso8859_15"),
])
def test_latin_script_files_in_windows_1252_are_not_read_as_arabic(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding in {"cp1252", "latin_1", "iso8859_15"} and decoded.confidence > 0.5
    assert any("decoded as" in r for r in decoded.repairs)


_FRENCH = ("L’Algérie et la France ont signé mardi à Alger un accord de coopération économique. Le ministre "
           "des Affaires étrangères a déclaré que « cette étape est décisive pour nos deux pays ». Les entreprises "
           "françaises présentes en Algérie emploient plusieurs milliers de personnes, selon la chambre de commerce. ")


@pytest.mark.parametrize(("text", "encoding"), [
    (_FRENCH * 60, "cp1252"),  # long: latin-1's C1 controls for ’ cost little, yet they are not a second reading
    ("Le prix du pain a augmenté de 2 € cette année, a indiqué la chambre de commerce à Alger.", "iso8859_15"),
    ("Le prix du pain a augmenté de 2 € cette année, a indiqué la chambre de commerce à Alger.", "cp1252"),
    ("Un cœur à l’œuvre : la ministre a reçu les élèves à Oran.", "cp1252"),
    ("Le prix a augmenté de 5 € et la sœur de l'élève a reçu un cœur à Tunis.", "iso8859_15"),  # not "s½ur"
])
def test_readings_with_the_same_letters_are_one_reading_and_keep_the_confidence(text: str, encoding: str) -> None:
    """Issue #14: a clear French file in windows-1252 got "two readings plausible" and confidence 0.5, because
    latin-1 and ISO-8859-15 read the same letters (they differ only in ’ € œ and undefined bytes)."""
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert not any("uncertain" in r for r in decoded.repairs), decoded.repairs
    assert decoded.confidence > 0.6


@pytest.mark.parametrize(("text", "wrong"), [("Alger à Oran", "ـ"), ("À bientôt", "ہ")])
def test_a_lone_arabic_sign_among_latin_words_is_a_misreading(text: str, wrong: str) -> None:
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text and wrong not in decoded.text and decoded.encoding == "cp1252"
    assert not any("uncertain" in r for r in decoded.repairs), decoded.repairs


def test_an_all_capitals_french_headline_is_text_not_rejected() -> None:
    decoded = decode_bytes("ÉTÉ À ALGER".encode("cp1252"))  # charset-normalizer calls it all mess (1.0)
    assert decoded.text == "ÉTÉ À ALGER" and decoded.encoding == "cp1252"


@pytest.mark.parametrize("sentence", [s for s in _real_sentences() if _encodable(s)][:30])
def test_real_arabic_in_windows_1256_is_read_as_windows_1256(sentence: str) -> None:
    decoded = decode_bytes(sentence.encode("cp1256"))
    assert decoded.text == sentence and decoded.encoding in {"cp1256", "iso8859_6"}


def test_a_stray_byte_in_utf8_is_replaced_and_recorded_not_a_reason_to_reject() -> None:
    text = "وزير الخارجية الروسي يصل إلى الجزائر اليوم في زيارة رسمية"
    data = text.encode().replace(b" ", b"\xa0", 1)
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and decoded.text == text.replace(" ", "\u00a0", 1)
    assert any("replaced 1 invalid UTF-8 byte" in r and "8" in r for r in decoded.repairs)


def test_a_utf8_file_cut_inside_its_last_character_is_utf8() -> None:
    text = "وزير الخارجية الروسي يصل إلى الجزائر"
    decoded = decode_bytes(text.encode()[:-1])
    assert decoded.encoding == "utf-8" and decoded.text == text[:-1] + "\ufffd"
    assert any("replaced 1 invalid UTF-8 byte" in r for r in decoded.repairs)


_AR_1 = "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في الرباط.\n"
_AR_2 = "وأضاف أن الوفد المغربي سيصل غدا إلى العاصمة الجزائرية لبحث الملفات العالقة.\n"
_FR = "Le ministre a déclaré que la réunion aura lieu à Alger.\n"


@pytest.mark.parametrize(("parts", "encoding"), [
    ([(_AR_1, "utf-8"), (_AR_2, "cp1256")], "utf-8+cp1256"),  # files pasted together: rejected whole before
    ([(_AR_2 * 5, "cp1256"), (_AR_1, "utf-8")], "utf-8+cp1256"),
    ([(_AR_1 * 2, "utf-8"), (_FR, "cp1252")], "utf-8+cp1252"),  # was "d�clar�": accents replaced
    ([("قال الوزير ", "utf-8"), ("“", "cp1252"), ("لن نتراجع", "utf-8"), ("”", "cp1252"),
      (" ثم غادر القاعة بعد الاجتماع", "utf-8")], "utf-8+cp1252"),  # Windows curly quotes in UTF-8 text
])
def test_a_file_in_two_encodings_reads_each_part_in_its_own(parts: list[tuple[str, str]], encoding: str) -> None:
    """Found while hunting (issue #14): a file part UTF-8, part windows-1256 was refused as not text, and a
    windows-1252 paragraph inside UTF-8 lost its accents to U+FFFD; each part is now read by its own evidence,
    with a warning naming where the legacy bytes are."""
    data = b"".join(text.encode(enc) for text, enc in parts)
    decoded = decode_bytes(data)
    assert decoded.text == "".join(text for text, _ in parts)
    assert decoded.encoding == encoding and decoded.confidence < 0.9
    assert any(r.startswith("mixed encodings:") and "byte offset" in r for r in decoded.repairs), decoded.repairs


def test_a_junk_byte_that_reads_as_no_word_is_still_replaced() -> None:
    data = "قال الوزير ".encode() + b"\xff" + "إن الوضع مستقر في العاصمة اليوم".encode()
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and "\ufffd" in decoded.text
    assert any("replaced 1 invalid UTF-8 byte" in r for r in decoded.repairs)


def test_the_cp1256_as_cp1252_example_of_the_issue() -> None:
    decoded = decode_bytes("ÊÕÑíÍÇÊ æÒíÑ ÇáÎÇÑÌíÉ".encode())
    assert decoded.text == "تصريحات وزير الخارجية"
    assert decoded.repairs == ["repaired 1 run(s) of windows-1256 read as windows-1252"]


@pytest.mark.parametrize(("text", "repair"), [
    ("ﻻ إله إلا الله، وﻹعلان النتائج موعد لاحق", "UTF-8 read as windows-1256"),  # presentation forms: EF xx xx
    ("\ufeffقال الوزير إن الاتفاق قريب", "UTF-8 read as windows-1256"),  # a byte-order mark inside: "ï»؟"
    ("Le naïf Zaïre à Alger", "Latin word(s) of UTF-8 read as windows-1256"),
    ("قال ماكرون « Nous sommes prêts à négocier » في باريس", "Latin word(s) of UTF-8 read as windows-1256"),
])
def test_more_utf8_read_as_windows_1256_is_repaired(text: str, repair: str) -> None:
    """Instances found while hunting (issue #14): presentation forms, a BOM and Latin letters in UTF-8 that a
    site decoded as windows-1256 were left as "ï»»", "ï»؟", "Zaأ¯re"."""
    broken = text.encode("utf-8").decode("cp1256")
    decoded = decode_bytes(broken.encode("utf-8"))
    # presentation forms, once repaired, are written as the letters they stand for (ﻻ is لا)
    assert decoded.text == plain_letters(text.lstrip("\ufeff"))[0]
    assert any(repair in r for r in decoded.repairs), decoded.repairs


@pytest.mark.parametrize("text", ["أ، إ، ب قائمة", "أكثر من أ¯", "قال: إ° درجة"])
def test_arabic_alif_hamza_before_a_symbol_is_not_taken_for_latin_mojibake(text: str) -> None:
    assert repair_arabic_mojibake(text) == (text, 0)


@pytest.mark.parametrize("text", ["Ça va ÉTÉ", "ÀÉÈ", "Hôtel Élysée à Paris", "Ökonomie und Ärger über Öl"])
def test_accented_latin_text_is_never_turned_into_arabic(text: str) -> None:
    assert repair_arabic_mojibake(text) == (text, 0)


def test_a_word_files_creation_time_is_not_a_publication_date(tmp_path: Path) -> None:
    import docx

    document = docx.Document()  # python-docx's template says it was created on 2013-12-23
    document.add_paragraph("وزير الخارجية الروسي يصل إلى الجزائر")
    document.save(tmp_path / "brief.docx")
    (doc,) = read_documents(discover(tmp_path / "brief.docx")[0])
    assert doc.published is None
    assert doc.file_created == "2013-12-23"


def test_the_encoding_and_its_confidence_reach_the_document(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_bytes("Les États-Unis et l'Égypte ont signé un accord à Alger.".encode("cp1252"))
    (tmp_path / "ar.txt").write_text("الجزائر تعلق معاهدة الصداقة مع إسبانيا", encoding="utf-8")
    docs = {d.path: d for f in discover(tmp_path) for d in read_documents(f)}
    assert (docs["fr.txt"].encoding, docs["ar.txt"].encoding) == ("cp1252", "utf-8")
    assert 0.5 < docs["fr.txt"].encoding_confidence < 1.0 == docs["ar.txt"].encoding_confidence


@pytest.mark.parametrize("text", [
    # NEWUSER6 F20: windows-1256 keeps French lower-case accents, but "À", "É" become Arabic letters in Latin words
    "Alger : le ministre russe des Affaires étrangères est arrivé à Alger, a rapporté l’agence APS.\r\n"
    "À son arrivée, il a été reçu par son homologue algérien. Les États-Unis suivent la visite.\r\n"
    "Le ministre a évoqué la coopération énergétique et la situation au Sahel.\r\n",
    "ÉCONOMIE : la Banque d’Algérie a relevé son taux. À Oran, les élèves ont reçu leurs résultats. Ça continue.",
    "El ministro español llegó a Argel. Él dijo que la cooperación energética es clave. Ángel Pérez habló después.",
])
def test_a_clean_latin_text_is_not_uncertain_against_windows_1256(text: str) -> None:
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text.replace("\r\n", "\n") and decoded.encoding == "cp1252"
    assert not any("uncertain" in r for r in decoded.repairs), decoded.repairs
    assert decoded.confidence > 0.6

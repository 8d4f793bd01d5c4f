"""Public bug reports replayed on the toolkit, twelfth session.

Each test names the reports it comes from (``benchmarks/data/bug_replays.tsv`` lists them with what the toolkit
gave before and after; ``benchmarks/bug_replays.py`` replays the same inputs). The kinds: Hijri and Eastern-digit
dates as calendars and apps print them; Arabic spellings a glossary must match (decomposed madda, Quranic
spelling and its dagger alef, tatweel, the shadda ligatures of old fonts); language detection on a lone glyph,
digits, emoji and Persian; marks a model must not see; Word runs inside hyperlinks, smart tags and tracked moves;
PDF lines written back to front with lam-alef ligatures; Arabic in the CSV, JSON and TMX a user opens elsewhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.bug_replays import HEADLINE, HEADLINE_EN, _word_file, word_run
from translator import Glossary, GlossaryEntry, detect, parse_date
from translator.corpus.readers import SourceFile, _read_docx, read_documents
from translator.mt.normalize import normalize_for_mt
from translator.text.arabic import fold
from translator.text.segment import sentences

ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------ dates as calendars and apps print them
@pytest.mark.parametrize(("report", "text", "date"), [
    ("dart-lang/i18n#852", "١١\u200f/١١\u200f/٢٠٠١", "2001-11-11"),  # Eastern digits with the RLMs ICU puts in
    ("dart-lang/i18n#852", "١١/١١/٢٠٠١", "2001-11-11"),  # and as a user types it
    ("GeniusTS/hijri-dates#15", "1 رمضان 1440 هـ", "2019-05-06"),
    ("msarhan/ummalqura-calendar#19", "1 رمضان 1440", "2019-05-06"),
    ("msarhan/ummalqura-calendar#19", "1 شوال 1440", "2019-06-04"),  # not the same day as 1 Ramadan
    ("abdennour/hijri-date#7", "5 ربيع الأول 1444", "2022-10-01"),
    ("meypod/al-azan#164", "16 جمادى الآخرة 1447", "2025-12-07"),
    ("meypod/al-azan#164", "16 جمادي الاخرة 1447", "2025-12-07"),  # the month as the reporter typed it
    ("islamic-network/api.aladhan.com#53", "1 رمضان 1443", "2022-04-02"),
    ("islamic-network/api.aladhan.com#53", "2 رمضان 1443", "2022-04-03"),  # no day skipped
    ("islamic-network/api.aladhan.com#51", "السبت 1 رمضان 1443", "2022-04-02"),
    # sahaab/HijriCalendar-master#10: by sighting, 26 Ramadan 1439 was a Monday, a day after Umm al-Qura's
    ("sahaab/HijriCalendar-master#10", "الاثنين 26 رمضان 1439", "2018-06-11"),
    ("abougouffa/pyIslam#4", "30 رمضان 1435", "2014-07-27"),  # the 30th stays the 30th, not 1 Shawwal
    ("abougouffa/pyIslam#4", "1 شوال 1435", "2014-07-28"),
])
def test_dates_as_calendars_print_them(report: str, text: str, date: str) -> None:
    found = parse_date(text)
    assert found.date == date, (report, found.date, found.warnings)


# ------------------------------------------------------------------ spellings a glossary term must still match
def _matched(term: str, written: str) -> bool:
    return bool(Glossary([GlossaryEntry(source=term, target="X")]).match(f"قال {written} أمس"))


@pytest.mark.parametrize(("report", "term", "written"), [
    ("arshali2774/DuaVault#42", "آمن", "ا\u0653من"),  # alef and a combining madda (decomposed) is آ
    ("AmmarCodes/obsidian-quran-helper-plugin#11", "رحمة", "رحمۃ"),  # teh marbuta goal
    ("AmmarCodes/obsidian-quran-helper-plugin#11", "بسم", "بِسْمِ\u061a"),  # small kasra
    ("khaled-alshamaa/ar-php#18", "آسفة", "آسِفـــةٌ"),  # harakat and tatweel
    ("meilisearch/charabia#204", "الكتاب", "ٱلْكِتَابُ"),  # alef wasla and harakat
    ("adelpro/quran-search-engine#37", "الرحمن الرحيم", "ٱلرَّحۡمَٰنِ ٱلرَّحِيمِ ۖ"),  # Quranic marks
    # Konash/arabic-support-unity#31: a font's shadda ligatures (U+FC60-FC62); NFKC puts a space before their marks
    ("Konash/arabic-support-unity#31", "محمد", "محمﱢد"),
    ("Konash/arabic-support-unity#31", "إن", "إﱠن"),
])
def test_a_term_matches_however_its_words_are_written(report: str, term: str, written: str) -> None:
    assert fold(term).split() == fold(written).split(), (report, fold(written))
    assert _matched(term, written), report


@pytest.mark.parametrize(("written", "plain"), [
    ("تَبَٰرَكَ ٱلَّذِي بِيَدِهِ ٱلۡمُلۡكُ", "تبارك الذي بيده الملك"),  # AmmarCodes/obsidian-quran-helper-plugin#9
    ("ذَٰلِكَ ٱلۡكِتَٰبُ", "ذلك الكتاب"),  # the dagger is the alef of الكتاب, not الكتب ("books"); ذلك keeps none
    ("خَٰلِدُونَ", "خالدون"), ("ٱلرَّحۡمَٰنِ", "الرحمن"), ("وَلَٰكِنْ", "ولكن"), ("إِلَىٰ", "إلى"), ("مُوسَىٰ", "موسى"),
    ("ٱلتَّوْرَىٰةَ", "التوراة"), ("ٱلصَّلَوٰةَ", "الصلاة"), ("ٱلرِّبَوٰا", "الربا"),
    ("ابو موسیٰ", "ابو موسی"),  # a gazetteer's spelling: the final yeh keeps the dagger silent
])
def test_a_dagger_alef_is_matched_as_the_letter_it_stands_for(written: str, plain: str) -> None:
    assert fold(written) == fold(plain)
    assert _matched(plain, written)


@pytest.mark.parametrize("text", ["ٱلتَّوْرَىٰةَالكريمة", "ٱلصَّلَوٰةَالمكتوبة", "تَبَٰرَكَ ٱلصَّلَوٰةَوالزكاة"])
def test_fold_and_fold_for_matching_agree_on_a_dagger_beside_a_glued_teh_marbuta(text: str) -> None:
    # fold() takes fold_for_matching's path where a letter is glued after ة: the daggers were spelled twice there
    from translator.text.arabic import fold_for_matching

    assert fold(text) == fold_for_matching(text)[0]
    assert "اا" not in fold(text)


def test_the_dagger_alef_fold_keeps_offsets_one_for_one() -> None:
    from translator.text.arabic import fold_for_matching, original_span

    text = "قال تَبَٰرَكَ ٱلۡكِتَٰبُ أمس"
    folded, offsets = fold_for_matching(text)
    start = folded.index("الكتاب")
    assert original_span(text, offsets, start, start + len("الكتاب")) == (text.index("ٱلۡ"), text.index(" أمس"))


def test_a_shadda_ligature_is_its_marks_when_a_file_is_read(tmp_path: Path) -> None:
    # Konash/arabic-support-unity#31, in a document: the ligature's marks stay on their letter, no space in the word
    path = tmp_path / "a.txt"
    path.write_text("قال محمﱢد إﱠن الوفد وصل\n", encoding="utf-8")
    [document] = read_documents(SourceFile(path, "a.txt"))
    assert document.text.split()[1] == "محم\u0650\u0651د", document.text  # kasra and shadda (NFKC's order)
    assert fold(document.text).split() == ["قال", "محمد", "ان", "الوفد", "وصل"], document.text


# ------------------------------------------------------------------ language detection
@pytest.mark.parametrize(("report", "text", "langs"), [
    ("Mimino666/langdetect#22", "ﺽ", {"und", "ar"}),  # one presentation form: langdetect raised
    ("tesseract-ocr/tessdata#185", "٠١٢٣٤٥٦٧٨٩", {"und"}),  # digits are no language
    ("danbernier/WordCram#62", "I've noticed that cue.language will often get the language wrong, which isn't a "
                               "problem as I use my own stop words", {"en"}),  # English, not Arabic
    ("rylans/getlang#15", "این یک متن فارسی است که برای آزمایش تشخیص زبان نوشته شده است", {"fa"}),
    ("rylans/getlang#15", "هذا نص عربي مكتوب لاختبار التعرف على اللغة", {"ar"}),
    ("apache/tika#11", "زبان فارسی یکی از زبان\u200cهای هندواروپایی است که در ایران و افغانستان و تاجیکستان صحبت "
                       "می\u200cشود", {"fa"}),
])
def test_language_detection(report: str, text: str, langs: set[str]) -> None:
    found = detect(text)
    assert found.lang in langs, (report, found)


# ------------------------------------------------------------------ what reaches the model
@pytest.mark.parametrize(("report", "text", "sent"), [
    ("sillsdev/silnlp#841", "ا\u0653من الوطن", "آمن الوطن"),  # composed before the tokenizer
    ("sillsdev/silnlp#127", "ذَهَبَ الوَلَدُ إِلَى المَدْرَسَةِ صَبَاحًا", "ذهب الولد إلى المدرسة صباحا"),
])
def test_model_input(report: str, text: str, sent: str) -> None:
    assert normalize_for_mt(text) == sent, report


@pytest.mark.parametrize(("report", "text", "want"), [
    ("CapSoftware/Cap#2259", "هل هذا صحيح؟ نعم هذا صحيح. وماذا بعد؟ لا شيء",
     ["هل هذا صحيح؟", "نعم هذا صحيح.", "وماذا بعد؟", "لا شيء"]),
    ("jambonz/jambonz-feature-server#1464", "قال الوزير إن الاجتماع انتهى۔ وأضاف أن الوفد غادر.",
     ["قال الوزير إن الاجتماع انتهى۔", "وأضاف أن الوفد غادر."]),
])
def test_arabic_question_marks_and_the_urdu_full_stop_end_sentences(report: str, text: str, want: list[str]) -> None:
    assert [s.text for s in sentences(text)] == want, report


# ------------------------------------------------------------------ Word: runs wherever Word puts them
def _word_text(*fragments: str) -> str:
    return "\n\n".join(d.text for d in _read_docx("a.docx", _word_file(*fragments), "digest"))


@pytest.mark.parametrize(("report", "fragments", "text"), [
    ("python-openxml/python-docx#683", (word_run("زار الوزير "), '<w:hyperlink r:id="rId9"><w:r><w:t>الجزائر</w:t>'
                                        '</w:r></w:hyperlink>', word_run(" أمس")), "زار الوزير الجزائر أمس"),
    ("cstkingkey/docx-rs#24", (word_run("انظر "), '<w:hyperlink r:id="rId8"><w:r><w:t>“beep boop”</w:t></w:r>'
                               '</w:hyperlink>'), "انظر “beep boop”"),
    ("python-openxml/python-docx#339", (word_run("قال "), '<w:smartTag w:uri="urn:x" w:element="PersonName"><w:r>'
                                        '<w:t>محمد</w:t></w:r></w:smartTag>', word_run(" إن")), "قال محمد إن"),
    ("python-openxml/python-docx#454", ("<w:r><w:t>COVID</w:t><w:noBreakHyphen/><w:t>19</w:t></w:r>",), "COVID-19"),
    ("PolicyStat/docx2html#26", (word_run("انظر"), '<w:hyperlink r:id="rId7"/>', word_run(" الموقع")),
     "انظر الموقع"),  # a hyperlink with no text
])
def test_word_runs_inside_hyperlinks_smart_tags_and_hyphens_are_read(report: str, fragments: tuple[str, ...],
                                                                      text: str) -> None:
    assert _word_text(*fragments) == text, report


def test_text_a_tracked_change_moved_is_read_once_where_it_went() -> None:
    # bokuweb/docx-rs#794, developer0hye/office2pdf#1699: w:moveFrom (the old place) was read as well as w:moveTo
    moved = _word_text('<w:moveTo w:id="5" w:author="A"><w:r><w:t xml:space="preserve">نص منقول </w:t></w:r>'
                       '</w:moveTo>', word_run("ثم نص باق"),
                       '<w:moveFrom w:id="6" w:author="A"><w:r><w:t xml:space="preserve"> نص منقول</w:t></w:r>'
                       '</w:moveFrom>')
    assert moved == "نص منقول ثم نص باق"
    # a moveFrom inside another paragraph's hyperlink is left out too; an insertion is kept
    kept = _word_text('<w:ins w:id="7" w:author="A"><w:r><w:t>نص مضاف</w:t></w:r></w:ins>',
                      '<w:hyperlink r:id="rId6"><w:moveFrom w:id="8" w:author="A"><w:r><w:t>قديم</w:t></w:r>'
                      '</w:moveFrom></w:hyperlink>')
    assert kept == "نص مضاف"


# ------------------------------------------------------------------ PDF text written back to front
def test_a_back_to_front_line_shaped_after_reversal_reads_its_lam_alef_forwards(tmp_path: Path) -> None:
    # mpcabd/python-arabic-reshaper#69: pdfminer's line, reversed and then shaped (ﻼ stands for the reversed ال)
    path = tmp_path / "ar.txt"
    path.write_text("ﺓﻳﻼﺗﻼ ﺗﺎﺣﻠﻄﺼﻤﻼ ﻧﻢ ﻟﻜﺐ ﺩﻭﺻﻘﻤﻼ ﺣﻀﻮ\nﺐﻴﺗﺮﺘﻟﺍ ﻰﻠﻋ (n-l-m-s) ﺔﻌﺑﺭﻻﺍ ﻢﻜﻟﺍ ﺩﺍﺪﻋﺍ ﻊﻴﻤﺟ ﺐﺘﻛﺍ\n",
                    encoding="utf-8")
    [document] = read_documents(SourceFile(path, "ar.txt"))
    assert document.text.split("\n")[:2] == ["وضح المقصود بكل من المصطلحات التالية",
                                             "اكتب جميع اعداد الكم الاربعة (n-l-m-s) على الترتيب"]
    # firecrawl/pdf-inspector#212's line, whose glyphs were written back to front one by one, still reads right
    path.write_text(".ﺔﻴﺑﺮﻌﻟا ﺔﺑﻮﺘﻜﻣ ﺔﻳرﺎﺒﺘﺧا ةﺮﻘﻓ ﻩﺬﻫ .ﷲ ﺔﲪرو ﻢﻜﻴﻠﻋ مﻼﺴﻟا\n", encoding="utf-8")
    [document] = read_documents(SourceFile(path, "ar.txt"))
    assert fold(document.text.strip()) == fold("السلام عليكم ورحمة الله. هذه فقرة اختبارية مكتوبة العربية.")


# ------------------------------------------------------------------ Arabic in files opened elsewhere
def _run(home: Path, *args: str, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRANSLATOR_HOME": str(home), "TRANSLATOR_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "translator", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, env=env, cwd=home.parent, timeout=300)  # type: ignore[call-overload]


def test_csv_and_json_lines_keep_arabic_readable(tmp_path: Path) -> None:
    # learningequality/kolibri#8001, pkp/pkp-lib#4219, huridocs/uwazi#5140, OpenCTI-Platform/opencti#17217: a CSV
    # file opens in Excel only with a byte-order mark; code-kern-ai/refinery#89: JSON written as \u0627 escapes
    source = tmp_path / "a.txt"
    source.write_text(HEADLINE + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    with out.open("w", encoding="utf-8") as handle:
        assert _run(tmp_path / "home", "detect", "--format", "csv", str(source), stdout=handle).returncode == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and HEADLINE.encode() in out.read_bytes()
    lines = _run(tmp_path / "home", "detect", "--format", "jsonl", str(source)).stdout
    assert HEADLINE in lines and "\\u06" not in lines


def test_a_memory_exported_to_tmx_imports_again_without_error(tmp_path: Path) -> None:
    # andersmelander/better-translation-manager#103: export a memory to TMX, import it back: "Duplicates not allowed"
    tmx = tmp_path / "in.tmx"
    tmx.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="ar" '
                   'datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" '
                   f'creationtoolversion="1"/><body><tu><tuv xml:lang="ar"><seg>{HEADLINE}</seg></tuv>'
                   f'<tuv xml:lang="en"><seg>{HEADLINE_EN}</seg></tuv></tu></body></tmx>\n', encoding="utf-8")
    home, out = tmp_path / "home", tmp_path / "out.tmx"
    first = _run(home, "memory", "import", str(tmx), "--translator", "A")
    exported = _run(home, "memory", "export", "--output", str(out))
    again = _run(home, "memory", "import", str(out))
    assert [p.returncode for p in (first, exported, again)] == [0, 0, 0], again.stderr
    assert HEADLINE in out.read_text(encoding="utf-8") and HEADLINE_EN in out.read_text(encoding="utf-8")
    assert "1 new" in first.stderr and "0 new" in again.stderr, (first.stderr, again.stderr)

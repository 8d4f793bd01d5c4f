"""Public bug reports replayed on the toolkit, thirteenth session.

Each test names the reports it comes from (``benchmarks/data/bug_replays.tsv`` lists them with what the toolkit
gave before and after; ``benchmarks/bug_replays.py`` replays the same inputs). The kinds that failed: text Word
hides (``w:vanish``) read as the article's; Quranic (Uthmani) hamza spellings and small letters a glossary term
and the model's input must read as modern spelling; tables (glossary, outlets, parallel lists) saved as UTF-16
without a byte-order mark; a PDF line written back to front whose lam-alef ligatures kept their letters in
reading order.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from benchmarks.bug_replays import _word_text, word_run
from translator import Glossary, GlossaryEntry
from translator.corpus.decode import decode_table
from translator.corpus.readers import SourceFile, _read_docx, read_documents
from translator.datafiles import read_tsv
from translator.errors import DataFileError, InputError
from translator.glossary.outlets import OutletRegistry
from translator.mt.normalize import normalize_for_mt
from translator.mt.vmap import read_pairs_tsv
from translator.text.arabic import (
    fold,
    fold_for_matching,
    hamza_seat_variants,
    original_span,
    uthmani_hamza_spelled,
)
from translator.text.visual_order import logical_order


# ------------------------------------------------------------------ text Word hides is not the article's text
def _docx_text(document: docx.document.Document) -> str:
    data = io.BytesIO()
    document.save(data)
    return "\n\n".join(d.text for d in _read_docx("a.docx", data.getvalue(), "digest"))


def _run(text: str, toggle: str = "<w:vanish/>") -> str:
    """A run whose properties hold ``toggle`` (``<w:vanish/>`` unless told)."""
    return f'<w:r><w:rPr>{toggle}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


@pytest.mark.parametrize(("report", "fragments", "want"), [
    # yfedoseev/office_oxide#305: a run with <w:vanish/> between two visible ones
    ("office_oxide#305", (word_run("قال الوزير "), _run("ملاحظة للمحرر "), word_run("إن الاجتماع انتهى")),
     "قال الوزير إن الاجتماع انتهى"),
    # mwilliamson/mammoth.js#230: a hidden run opening the paragraph
    ("mammoth.js#230", (_run("لا تنشر ", '<w:vanish w:val="1"/>'), word_run("وصل الوفد")), "وصل الوفد"),
    # MicrosoftTranslator/DocumentTranslator-Legacy#75: val="true" hides, val="0"/"false"/"off" shows
    ("DocumentTranslator-Legacy#75", (word_run("وصل"), _run(" مخفي", '<w:vanish w:val="true"/>'),
                                      _run(" الوفد", '<w:vanish w:val="false"/>'),
                                      _run(" إلى", '<w:vanish w:val="off"/>'),
                                      _run(" الجزائر", '<w:vanish w:val="0"/>')), "وصل الوفد إلى الجزائر"),
    # hidden text inside a hyperlink and a tracked insertion is hidden too
    ("office_oxide#305", (word_run("انظر "), f'<w:hyperlink r:id="rId9">{_run("رابط")}</w:hyperlink>',
                          f'<w:ins w:id="1" w:author="A">{_run("مدرج")}</w:ins>', word_run("الموقع")), "انظر الموقع"),
    # webHidden is not hidden text (a hint for Word's web view: hyperlinked page numbers of a table of contents)
    ("bokuweb/docx-rs#553", (_run("صفحة 3", "<w:webHidden/>"),), "صفحة 3"),
])
def test_hidden_runs_are_left_out(report: str, fragments: tuple[str, ...], want: str) -> None:
    assert _word_text(*fragments) == want, report


def test_text_hidden_by_its_style_is_left_out() -> None:
    # yfedoseev/office_oxide#356: the run has no <w:vanish/> of its own; its character style has, or a style that
    # style is based on; a paragraph style hides its paragraph's runs unless a run says otherwise
    document = docx.Document()
    collapsed = document.styles.add_style("Collapsed", WD_STYLE_TYPE.CHARACTER)
    collapsed.font.hidden = True
    deeper = document.styles.add_style("Collapsed More", WD_STYLE_TYPE.CHARACTER)
    deeper.base_style = collapsed
    shown = document.styles.add_style("Shown Again", WD_STYLE_TYPE.CHARACTER)
    shown.base_style = collapsed
    shown.font.hidden = False  # the nearest style decides
    note = document.styles.add_style("Editor Note", WD_STYLE_TYPE.PARAGRAPH)
    note.font.hidden = True
    paragraph = document.add_paragraph("قال الوزير ")
    paragraph.add_run("(مطوي) ", style="Collapsed")
    paragraph.add_run("(مطوي أكثر) ", style="Collapsed More")
    paragraph.add_run("إن الاجتماع ", style="Shown Again")
    paragraph.add_run("انتهى")
    document.add_paragraph("ملاحظة للمحرر: تحقق من الأرقام", style="Editor Note")
    hidden_note = document.add_paragraph("", style="Editor Note")
    hidden_note.add_run("لكن هذا ظاهر").font.hidden = False
    assert _docx_text(document) == "قال الوزير إن الاجتماع انتهى\n\nلكن هذا ظاهر"


def test_hidden_text_in_a_table_cell_is_left_out() -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("في الجدول ")
    cell.paragraphs[0].add_run("مخفي").font.hidden = True
    assert _docx_text(document) == "في الجدول"


def test_a_style_loop_in_a_broken_file_does_not_hang() -> None:
    from docx.oxml import parse_xml

    from translator.corpus.readers import _hidden_styles

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    styles = parse_xml(f'<w:styles xmlns:w="{w}"><w:style w:styleId="A"><w:basedOn w:val="B"/></w:style>'
                       '<w:style w:styleId="B"><w:basedOn w:val="A"/></w:style><w:style w:styleId="C">'
                       '<w:basedOn w:val="A"/><w:rPr><w:vanish/></w:rPr></w:style></w:styles>')
    assert _hidden_styles(styles) == frozenset({"C"})


# ------------------------------------------------------------------ tables saved as UTF-16 without a byte-order mark
_TERMS = "source\ttarget\ttype\nوزارة الخارجية الموريتانية\tMauritanian Foreign Ministry\torg\n"


@pytest.mark.parametrize(("report", "encoding"), [
    ("errepi/ude#5", "utf-16-le"),  # UTF-16 LE without a BOM: valid UTF-8 with a NUL after every ASCII letter
    ("errepi/ude#5", "utf-16-be"),
    ("pandas-dev/pandas#13549", "utf-16"),  # with a BOM, as pandas and Excel's "Unicode text" write it
    ("FlatFilers/csvjson-app#77", "cp1256"),
    ("mholt/PapaParse#828", "utf-32"),
    ("USEPA/EPA_MOVES_Model#39", "utf-8-sig"),
])
def test_a_glossary_table_is_read_in_the_encoding_it_was_saved_in(tmp_path: Path, report: str, encoding: str) -> None:
    path = tmp_path / "terms.tsv"
    path.write_bytes(_TERMS.encode(encoding))
    found = Glossary.load([path], include_default=False).match("قالت وزارة الخارجية الموريتانية اليوم")
    assert [m.target for m in found] == ["Mauritanian Foreign Ministry"], report


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_outlets_and_parallel_lists_saved_as_utf16_without_a_bom(tmp_path: Path, encoding: str) -> None:
    # brianmario/charlock_holmes#141 (iconv -t UTF-16LE writes no BOM), BurntSushi/toml#276
    outlets = tmp_path / "outlets.csv"
    outlets.write_bytes("canonical,arabic,country\nEl Khabar,الخبر,Algeria\n".encode(encoding))
    registry = OutletRegistry.load([outlets])
    assert [o.canonical for o in registry.outlets] == ["El Khabar"]
    pairs = tmp_path / "pairs.tsv"
    pairs.write_bytes("arabic\tenglish\nالجزائر\tAlgeria\n".encode(encoding))
    assert read_pairs_tsv(pairs) == [("الجزائر", "Algeria")]


def test_decode_table_says_how_it_read_a_file_without_a_bom() -> None:
    text, note = decode_table("arabic\tenglish\nالجزائر\tAlgeria\n".encode("utf-16-le"), name="pairs.tsv")
    assert text.startswith("arabic\tenglish\nالجزائر") and note and "utf-16-le" in note
    with pytest.raises(InputError, match="NUL bytes"):  # NUL bytes that are no UTF-16 text: not a table
        decode_table(bytes(range(256)) * 8, name="x.tsv")
    assert decode_table("الجزائر\tAlgeria\n".encode(), name="t.tsv") == ("الجزائر\tAlgeria\n", None)


# ------------------------------------------------------------------ Quranic (Uthmani) spelling read as modern spelling
def _matched(term: str, written: str) -> bool:
    return bool(Glossary([GlossaryEntry(source=term, target="X")]).match(f"قال {written} أمس"))


@pytest.mark.parametrize(("report", "written", "plain"), [
    # quran/quran.com-frontend-next#3342: the keyboard's آمنوا against the mushaf's ءَامِنُوا۟ (and فَـَٔامِنُوا۟)
    ("quran.com-frontend-next#3342", "ءَامِنُوا۟ بِٱللَّهِ وَرَسُولِهِۦ", "آمنوا بالله ورسوله"),
    ("quran.com-frontend-next#3342", "فَـَٔامِنُوا۟ بِٱللَّهِ وَرَسُولِهِۦ", "فآمنوا بالله ورسوله"),
    ("quran.com-frontend-next#3342", "وَءَاتُوا۟ ٱلزَّكَوٰةَ", "وآتوا الزكاة"),  # after the clitic و
    ("quran.com-frontend-next#3342", "بِٱلْءَاخِرَةِ", "بالآخرة"),  # after the article
    ("quran.com-frontend-next#3342", "ءَادَمَ", "آدم"),
    ("quran.com-frontend-next#3342", "ٱلْقُرْءَانُ", "القرآن"),  # after a consonant inside the word
    ("quran.com-frontend-next#3342", "شَيْـًٔا", "شيئا"),  # a hamza on a kashida: on a yeh
    ("quran.com-frontend-next#3342", "ٱلسَّيِّـَٔاتِ", "السيئات"),
    # AmmarCodes/obsidian-quran-helper-plugin#32 (QPC Hafs): the small yeh and small waw after a pronoun
    ("obsidian-quran-helper-plugin#32", "وَكَفَىٰ بِهِۦ", "وكفى به"),
    ("obsidian-quran-helper-plugin#32", "وَقَوۡمُهُۥ", "وقومه"),
    ("quran/quran.com-api#177", "أُو۟لَٰٓئِكَ", "أولئك"),  # a maddah over the dagger: still the silent أولئك
    ("quran/quran.com-api#177", "ٱلْمَلَٰٓئِكَةُ", "الملائكة"),
])
def test_uthmani_spelling_matches_modern_spelling(report: str, written: str, plain: str) -> None:
    assert fold(written).split() == fold(plain).split(), (report, fold(written))
    assert _matched(plain, written), report


@pytest.mark.parametrize("modern", [
    "إجراءات", "قراءات", "جزءاً", "جزءا", "ضوءان", "سوءا", "هؤلاء", "مسؤول", "شيئا", "الآخرة", "القرآن", "آمنوا",
    "إنشاءات الطرق", "بدءا من اليوم", "أبناءالجالية",
])
def test_modern_spelling_is_left_as_it_is(modern: str) -> None:
    assert uthmani_hamza_spelled(modern) == modern


def test_the_spelling_keeps_offsets() -> None:
    text = "قال ءَامِنُوا۟ بِٱللَّهِ شَيْـًٔا ٱلْقُرْءَانُ"
    spelled = uthmani_hamza_spelled(text)
    assert len(spelled) == len(text)
    folded, offsets = fold_for_matching(text)
    start = folded.index("امنوا")
    assert original_span(text, offsets, start, start + len("امنوا")) == (4, 4 + len("ءَامِنُوا۟"))


@pytest.mark.parametrize(("written", "model_input"), [
    # quran/quran_android#926: the model reads the modern spelling, as the glossary does
    ("ٱلَّذِينَ ءَامَنُوٓا۟ ءَامِنُوا۟ بِٱللَّهِ وَرَسُولِهِۦ", "الذين آمنوا آمنوا بالله ورسوله"),
    ("فَـَٔامِنُوا۟ بِٱللَّهِ", "فآمنوا بالله"),
    ("لَا يَظْلِمُ ٱلنَّاسَ شَيْـًٔا", "لا يظلم الناس شيئا"),
    ("هَٰذَا ٱلْقُرْءَانُ", "هذا القرآن"),
    ("اتخذت الحكومة إجراءات جديدة", "اتخذت الحكومة إجراءات جديدة"),  # modern text unchanged
])
def test_the_model_reads_uthmani_spelling_as_modern_spelling(written: str, model_input: str) -> None:
    assert normalize_for_mt(written) == model_input


# ------------------------------------------------------------------ PDF lines back to front, lam-alef in reading order
@pytest.mark.parametrize(("visual", "reading"), [
    # pdfminer/pdfminer.six#850: the lam-alef glyph mapped to لا in reading order, the rest of the line back to front
    ("كارتشلاا يف مكب ابحرم", "مرحبا بكم في الاشتراك"),
    ("داحتلاا ةسائر نع مويلا نلعأ", "أعلن اليوم عن رئاسة الاتحاد"),
    ("ةيجراخلا ةرازو نع ردص مويلا نايبلا ركذو", "وذكر البيان اليوم صدر عن وزارة الخارجية"),  # no ligature: as before
    ("تاقلاعلا نأ لاقو ءارزولا سيئر لبقتسا", "استقبل رئيس الوزراء وقال أن العلاقات"),  # قال is ال back to front
    ("ةيبرعلا لودلا نم فلاآ ةرشع لاو ،ةيلودلا ةمظنملا", "المنظمة الدولية، ولا عشرة آلاف من الدول العربية"),
    ("،روملأا رشو", "وشر الأمور،"),  # لأ too (ArtifexSoftware/pdf2docx#106's line)
])
def test_a_back_to_front_line_keeps_its_lam_alef_ligatures(tmp_path: Path, visual: str, reading: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(visual + "\n", encoding="utf-8")
    (doc,) = read_documents(SourceFile(path, "a.txt"))
    assert doc.text.strip() == reading


def test_lines_in_reading_order_are_left_as_they_are() -> None:
    for line in ("قال الوزير إن العلاقات مع الجزائر ممتازة", "لا أحد يعرف متى يعود الوفد", "احتفلت ال12 مدرسة بالعيد",
                 "أعلن الاتحاد الأفريقي عن قمة في أديس أبابا"):
        assert logical_order(line) is None, line


# ------------------------------------------------------------------ the hamza before a long u, on any seat
@pytest.mark.parametrize(("term", "written"), [
    ("مسؤول", "مسئول"),  # alhoqbani/ar-php#2: as Egyptian papers write it
    ("مسئول", "مسؤول"),  # a glossary written the Egyptian way, a text the modern way
    ("مسؤول", "مسءول"),
    ("الشؤون الخارجية", "الشئون الخارجية"),
    ("رؤوس الأموال", "رءوس الأموال"),
    ("مسؤولية", "مسئولية"),
])
def test_a_term_matches_whichever_seat_its_hamza_has(term: str, written: str) -> None:
    assert _matched(term, written)


def test_seat_variants_are_only_the_hamza_before_a_long_u() -> None:
    assert hamza_seat_variants("مسؤول") == {"مسئول", "مسءول"}
    assert hamza_seat_variants("رئيس") == set() == hamza_seat_variants("مؤتمر") == hamza_seat_variants("سؤال")
    assert fold("مسئول") != fold("مسؤول")  # the fold, and every key folded with it, is unchanged


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_data_file_a_translator_saved_as_unicode_is_read(tmp_path: Path, encoding: str) -> None:
    # the same kind for translator/data/*.tsv: Excel's and Notepad's "Unicode" saves are UTF-16 (or UTF-32); the
    # error said "Reinstall the package"
    path = tmp_path / "extra.tsv"
    path.write_bytes("name\tmonth\n# a comment\nيناير\t1\n".encode(encoding))
    assert read_tsv(path) == [{"name": "يناير", "month": "1"}]


def test_a_data_file_in_another_code_page_says_to_save_it_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "extra.tsv"
    path.write_bytes("name\tmonth\nيناير\t1\n".encode("cp1256"))
    with pytest.raises(DataFileError, match="save it as UTF-8"):
        read_tsv(path)


def test_no_helper_of_the_replays_hides_another() -> None:
    # session 12's _sentences(text, want) replaced session 4's _sentences(text): three replays crashed unnoticed
    import ast
    from collections import Counter

    tree = ast.parse((Path(__file__).resolve().parents[1] / "benchmarks" / "bug_replays.py").read_text("utf-8"))
    names = Counter(node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name != "_")
    assert [name for name, count in names.items() if count > 1] == []

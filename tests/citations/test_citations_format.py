"""Citations written back in house style, the Sources block, and the reference-manager exports (issue 19)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from translator.citations import citations_frame, parse_citation, parse_citations
from translator.citations.format import (
    available_styles,
    english_description,
    export_citations,
    format_citation,
    format_citations,
    load_style,
    sources_block,
    sources_entries,
)
from translator.errors import CitationError

from ..cases import cases

DATA = Path(__file__).parent.parent / "data"
SEED = DATA / "seed_article.txt"  # a copy of ../shared/seed/sample-article.txt, the house style's sample
# The citations dev set lives in ../shared beside the checkout (CI) or where TRANSLATOR_SHARED points.
SHARED = Path(os.environ.get("TRANSLATOR_SHARED") or Path(__file__).resolve().parents[3] / "shared")
DEV = SHARED / "eval" / "citations_dev.jsonl"
# The fields a house-style line carries; the round trip must give them back.
FIELDS = ("title_original", "title_english", "outlet_canonical", "leaning", "date", "url")


def _seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def _same(text: str | None) -> str | None:
    """Quotes and spaces normalized: what a round trip may change."""
    if text is None:
        return None
    # every quote mark alike: the house style turns a title's inner double quotes into single ones (“a ‘b’ c”)
    for mark in "’‘“”\"":
        text = text.replace(mark, "'")
    # the house style also closes the space a page leaves before punctuation ("الفلوجة .. وأكثر"), and drops a
    # title's own closing full stop, which its punctuation follows (`“Fighting terrorism,”`, not `.,”`)
    text = re.sub(r"\s+(?=[.,;:!?؟،])", "", " ".join(text.split()))
    return re.sub(r"(?<=[^\W_]|[)\]'\"])\.$", "", text)


def _house_style_lines() -> list[str]:
    return cases("citations_house_style.txt")


def _real_texts() -> list[tuple[str, str]]:
    texts = [(f"case {case['id']}", case["text"]) for case in cases("citations_cases.jsonl")]
    if DEV.exists():
        texts += [(f"dev line {n}", json.loads(line)["raw"])
                  for n, line in enumerate(DEV.read_text(encoding="utf-8").splitlines(), 1) if line.strip()]
    texts.append(("seed", _seed_text()))
    return texts


# ------------------------------------------------------------------------------------------------ house style
def test_the_seed_citations_come_out_in_the_seed_form_with_registry_names_and_repairs_kept() -> None:
    lines = format_citations([c for c in parse_citations(_seed_text()) if c.kind == "news_citation"])
    assert lines == [
        "“لافروف: علاقاتنا مع الجزائر تصل إلى مستوى جديد (Lavrov: Our relations with Algeria have reached a new "
        "level),” RT Arabic (Russian Arabic-language news site), 26 May 2022.",
        "“الجيش الجزائري ينفذ مناورات تحاكي قتالاً ليلياً قرب الحدود مع المغرب (The Algerian army carries out "
        "maneuvers simulating night combat near the border with Morocco),” Al-Araby Al-Jadeed (Qatari-aligned "
        "daily), 7 June 2022.",
        "“مسؤول روسي رفيع يبحث بالجزائر التعاون العسكري (High-level Russian official discusses military "
        "cooperation in Algeria),” Asharq Al-Awsat (influential Saudi daily), 17 May 2022.",
        "“Students of Algerian Armed Forces Advanced Warfighting School visit Defence University,” Republic of "
        "Serbia Ministry of Defense, 6 June 2022.",
    ]


def test_the_outlet_as_written_on_request() -> None:
    citations = [c for c in parse_citations(_seed_text()) if c.kind == "news_citation"]
    assert [re.split(r" \(|, \d", format_citation(c, outlet_as_written=True).split(",” ")[1])[0]
            for c in citations] == [
        "RT Arabic", "al-Araby al-Jadid", "al-Sharq al-Awsat", "Republic of Serbia Ministry of Defense"]


@pytest.mark.parametrize(("record", "expected"), [
    ({"title_english": "Algeria and Niger reopen their border", "outlet": "Echorouk", "leaning": "Algerian daily",
      "date": "2023-04-12"}, "“Algeria and Niger reopen their border,” Echorouk (Algerian daily), 12 April 2023."),
    ({"title_original": "تقرير شهري", "title_english": "Monthly report", "outlet": "Al-Ghad", "date": "2019-06"},
     "“تقرير شهري (Monthly report),” Al-Ghad, June 2019."),
    ({"title_original": "تقرير شهري", "outlet": "Al-Ghad", "outlet_canonical": "Al-Ghad", "date": "2019-06-01"},
     "“تقرير شهري,” Al-Ghad, 1 June 2019."),
    ({"title_english": "Lebanon's currency hits a \"new low\"", "outlet": "An-Nahar", "date": "2021-07-02"},
     "“Lebanon’s currency hits a ‘new low’,” An-Nahar, 2 July 2021."),
    ({"title_original": "عنوان", "title_english_machine": "A headline", "outlet": "Hespress", "date": "2023-01-09"},
     "“عنوان (A headline [machine translation]),” Hespress, 9 January 2023."),
    ({"title_english": "Talks resume", "outlet": "Al-Akhbar", "outlet_canonical": "Al-Akhbar (Lebanon)",
      "leaning": "Lebanese daily", "date": "2022-03-07"}, "“Talks resume,” Al-Akhbar (Lebanese daily), 7 March 2022."),
    ({"title_english": "Talks resume", "outlet": "Al-Akhbar", "outlet_canonical": "Al-Akhbar (Lebanon)"},
     "“Talks resume,” Al-Akhbar (Lebanon)."),
])
def test_the_house_style_rules(record: dict, expected: str) -> None:
    assert format_citation(record) == expected


def test_parse_format_parse_gives_the_same_fields_on_real_citations() -> None:
    """Every titled, dated citation with an outlet, from the cases, the dev set and the seed."""
    checked = 0
    for label, text in _real_texts():
        for citation in parse_citations(text):
            if not ((citation.title_original or citation.title_english) and citation.date and citation.outlet):
                continue
            for as_written in (False, True):
                back = parse_citation(format_citation(citation, outlet_as_written=as_written))
                assert back is not None, (label, citation.raw)
                assert {f: _same(getattr(back, f)) for f in FIELDS} == \
                       {f: _same(getattr(citation, f)) for f in FIELDS}, (label, citation.raw)
                if as_written:
                    assert back.outlet == citation.outlet
            checked += 1
    assert checked >= (62 if DEV.exists() else 54)


# House-style lines without a date, built from real citations (tests/data/citations_real.jsonl and the cases):
# the line, then the title (original, English), the registry name and the description the parser must read.
_UNDATED = [
    ("“Lebanon not a priority in the region,” Al-Liwaa.",
     (None, "Lebanon not a priority in the region"), "Al-Liwaa", None),
    ("“Egypt: 5 billion dollars from Saudi Arabia and 3 billion from the Emirates,” Al-Hayat (London-based daily).",
     (None, "Egypt: 5 billion dollars from Saudi Arabia and 3 billion from the Emirates"), "Al-Hayat",
     "London-based daily"),
    ("“New video of military captives to be released,” Al-Akhbar (Lebanon).",
     (None, "New video of military captives to be released"), "Al-Akhbar (Lebanon)", None),
    ("“Speaker: ‘we will not resign’,” Al-Liwaa.", (None, "Speaker: ‘we will not resign’"), "Al-Liwaa", None),
    ("“شهداء السفارة,” Al-Riyadh.", ("شهداء السفارة", None), "Al-Riyadh", None),
    ("“الربيع العربي,” ليبرتيه (الصادرة بالفرنسية).", ("الربيع العربي", None), "Liberté (Algeria)",
     "الصادرة بالفرنسية"),
    ("“مصر على طريق تونس في إحداث التغيير المطلوب بواسطة الشارع,” الفجر.",
     ("مصر على طريق تونس في إحداث التغيير المطلوب بواسطة الشارع", None), None, None),
    ("“the most calm,” Al-Ayyam (Palestine).", (None, "the most calm"), "Al-Ayyam (Palestine)", None),
]


@pytest.mark.parametrize(("line", "title", "canonical", "leaning"), _UNDATED)
def test_a_house_style_line_without_a_date_is_read_and_comes_back(line: str, title: tuple, canonical: str | None,
                                                                  leaning: str | None) -> None:
    citation = parse_citation(line)
    assert citation is not None and citation.kind == "news_citation"
    assert (citation.title_original, citation.title_english, citation.outlet_canonical, citation.leaning,
            citation.date) == (*title, canonical, leaning, None)
    assert format_citation(citation, outlet_as_written=True) == line
    back = parse_citation(format_citation(citation))
    assert back is not None
    # with the registry name in Latin letters, an Arabic description is printed in English (F23) and read back
    printed = english_description(citation.to_dict(), citation.outlet_canonical or citation.outlet)
    assert {f: getattr(back, f) for f in FIELDS} == {**{f: getattr(citation, f) for f in FIELDS}, "leaning": printed}


def test_parse_format_parse_gives_the_same_fields_on_real_titled_citations_without_a_date() -> None:
    """Titled citations with an outlet and no date, from the cases, the dev set, the seed and the real set.

    Known misses (11, listed by the assertion when it fails): two image credits (``photo by ... via Flickr`` is
    no outlet) and seven titles whose inner straight quotes the house style turns into single curly ones
    (``"يثبت"`` → ``‘يثبت’``; three of them read since session 6: a title of The Guardian as Arabic writes it,
    ``الجارديان``, now a registry spelling, and two headlines with nested straight quotes, now read whole).
    An undated house-style line whose Arabic outlet the registry lacks is read back
    when the name is a foreign paper as Arabic writes it (``“…,” ديلي تلغراف.``, issue 15); a one-word Arabic name
    the registry lacks is not (``“…,” وطن.``: the Turkish Vatan, read since session 13 between single quotes,
    ``صحيفة ’وطن’``; the tenth known miss; the same kind in batch 29, the Iranian ``ابتكار``, is the eleventh)."""
    texts = _real_texts() + [(f"real {n}", case["raw"]) for n, case in enumerate(cases("citations_real.jsonl"))]
    checked, failed = 0, []
    for label, text in texts:
        for citation in parse_citations(text):
            if not ((citation.title_original or citation.title_english) and citation.outlet) or citation.date:
                continue
            checked += 1
            back = parse_citation(format_citation(citation))
            # an Arabic description beside an outlet printed in Latin letters is printed as the registry's
            # English description (F23): the line reads back with the description it prints
            want = {f: _same(getattr(citation, f)) for f in FIELDS}
            want["leaning"] = _same(english_description(citation.to_dict(),
                                                        citation.outlet_canonical or citation.outlet))
            if back is None or {f: _same(getattr(back, f)) for f in FIELDS} != want:
                failed.append((label, citation.raw))
    assert checked >= 60
    assert len(failed) <= 11, failed


@pytest.mark.parametrize("prose", [
    "“We will not resign,” Hariri told reporters.",
    "“We will win,” said the minister.",
    "“قال الرئيس إن المحادثات فشلت,” قال المتحدث.",
    "“The talks failed,” Aoun said on Monday. He left.",
    "“The talks failed,” Al-Akhbar. The minister denied it the next day and left for Paris.",
])
def test_a_quote_in_prose_without_a_date_is_no_news_citation(prose: str) -> None:
    assert [c.kind for c in parse_citations(prose) if c.kind == "news_citation"] == []


@pytest.mark.parametrize("line", _house_style_lines())
def test_a_line_already_in_house_style_comes_back_unchanged(line: str) -> None:
    citation = parse_citation(line)
    assert citation is not None
    assert _same(format_citation(citation, outlet_as_written=True)) == _same(line)


def test_a_table_formats_like_the_citations_it_was_built_from() -> None:
    citations = parse_citations(_seed_text())
    assert format_citations(citations_frame(citations, doc_id="seed")) == format_citations(citations)


def test_styles_by_name_and_by_path(tmp_path: Path) -> None:
    assert {"oewatch", "chicago"} <= set(available_styles())
    record = {"title_original": "عنوان", "title_english": "A headline", "outlet": "RT Arabic", "date": "2022-05-26"}
    assert format_citation(record, style="chicago") == "“عنوان” [A headline]. RT Arabic, May 26, 2022."
    own = tmp_path / "ours.jinja"
    own.write_text('{% set sources_heading = "Works cited" %}{{ outlet }}: {{ title_english }} '
                   '({{ date | cldr_date("d.M.y") }})', encoding="utf-8")
    assert format_citation(record, style=str(own)) == "RT Arabic: A headline (26.5.2022)"
    assert load_style(own).sources_heading == "Works cited"


def test_bad_styles_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(CitationError, match="no citation style 'harvard'"):
        format_citation({"outlet": "RT Arabic"}, style="harvard")
    broken = tmp_path / "broken.jinja"
    broken.write_text("{% if outlet %}{{ outlet }}", encoding="utf-8")
    with pytest.raises(CitationError, match="not a valid Jinja2 template"):
        load_style(broken)
    typo = tmp_path / "typo.jinja"
    typo.write_text("{{ outlett }}", encoding="utf-8")
    with pytest.raises(CitationError, match="outlett"):
        format_citation({"outlet": "RT Arabic"}, style=typo)


# ------------------------------------------------------------------------------------------------ sources block
def test_the_sources_block_of_the_seed() -> None:
    block = sources_block(parse_citations(_seed_text()))
    lines = block.splitlines()
    assert lines[0] == "Sources"
    # the three prose mentions are the same items as the titled citations; the image credit is not a source
    assert [re.split(r" \(|, \d", line.split(",” ")[1])[0] for line in lines[1:]] == [
        "RT Arabic", "Al-Araby Al-Jadeed", "Asharq Al-Awsat", "Republic of Serbia Ministry of Defense"]
    assert "(Lavrov: Our relations with Algeria have reached a new level)" in lines[1]


def test_sources_are_deduplicated_in_document_order_across_documents() -> None:
    one = "“عنوان أول (First headline),” Hespress, 12 April 2023.\n\nThe pro-government Al-Watan daily reported it."
    two = "“عنوان ثان (Second headline),” Al-Ahram, 3 March 2021.\n\n“عنوان أول (First headline),” Hespress, " \
          "12 April 2023."
    rows = [{**c.to_dict(), "doc_id": "one"} for c in parse_citations(one)]
    rows += [{**c.to_dict(), "doc_id": "two"} for c in parse_citations(two)]
    entries = sources_entries(list(reversed(rows)))
    assert [(e["doc_id"], e["title_english"] or e["outlet"]) for e in entries] == [
        ("two", "Second headline"), ("two", "First headline"), ("one", "Al-Watan")]
    assert sources_block([]) == ""


# ------------------------------------------------------------------------------------------------ exports
def _seed_news() -> list:
    return [c for c in parse_citations(_seed_text()) if c.kind == "news_citation"]


def test_csl_json_is_read_and_rendered_by_citeproc_py() -> None:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(export_citations(_seed_news(), "csl-json"))
    assert len(items) == 4
    first = items[0]
    assert first["type"] == "article-newspaper"
    assert first["title"] == "Lavrov: Our relations with Algeria have reached a new level"
    assert first["original-title"] == "لافروف: علاقاتنا مع الجزائر تصل إلى مستوى جديد"
    assert (first["container-title"], first["language"], first["note"]) == (
        "RT Arabic", "ar", "Russian Arabic-language news site")
    assert first["issued"] == {"date-parts": [[2022, 5, 26]]}
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)  # a style citeproc-py ships
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 4
    lavrov = next(entry for entry in rendered if "Lavrov" in entry)
    assert "RT Arabic" in lavrov and "2022" in lavrov


def test_ris_is_read_back_by_rispy() -> None:
    import rispy

    records = rispy.loads(export_citations(_seed_news(), "ris"))
    assert len(records) == 4
    first = records[0]
    assert first["type_of_reference"] == "NEWS"
    assert first["title"] == "لافروف: علاقاتنا مع الجزائر تصل إلى مستوى جديد"
    assert first["translated_title"] == "Lavrov: Our relations with Algeria have reached a new level"
    assert (first["secondary_title"], first["year"], first["date"], first["language"]) == (
        "RT Arabic", "2022", "2022/05/26", "ar")
    assert first["notes"] == ["Russian Arabic-language news site"]
    assert "translated_title" not in records[3]  # an English title is not a translation


def test_bibtex_is_read_back_by_bibtexparser() -> None:
    import bibtexparser

    tricky = {"title_english": "Profits & losses: 50% of #1_firm {sic}", "outlet": "Al-Ahram", "date": "2021-03",
              "author": "Ahmed al-Sayed", "url": "https://example.org/a_b?x=1&y=2"}
    text = export_citations([*_seed_news(), tricky], "bibtex")
    entries = bibtexparser.loads(text).entries
    assert len(entries) == 5
    first = next(e for e in entries if e["ID"] == "rtarabic2022-1")
    assert first["ENTRYTYPE"] == "article"
    assert first["title"] == "لافروف: علاقاتنا مع الجزائر تصل إلى مستوى جديد"
    assert first["titleaddon"] == "[Lavrov: Our relations with Algeria have reached a new level]"
    assert (first["journal"], first["year"], first["date"], first["language"], first["note"]) == (
        "RT Arabic", "2022", "2022-05-26", "ar", "Russian Arabic-language news site")
    last = entries[-1]
    assert last["title"] == r"Profits \& losses: 50\% of \#1\_firm \{sic\}"
    assert (last["author"], last["month"], last["url"]) == ("{Ahmed al-Sayed}", "3", tricky["url"])


def test_an_unknown_export_format_is_a_clear_error() -> None:
    with pytest.raises(CitationError, match="choose one of"):
        export_citations([], "endnote")


# ------------------------------------------------------------------------------------------------ command line
def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "translator", "cite", *args], capture_output=True, text=True,
                          timeout=300)


def test_cite_format_oewatch_and_sources_on_the_command_line() -> None:
    lines = _cli("--format", "oewatch", "--news-only", str(SEED)).stdout.splitlines()
    assert lines == format_citations([c for c in parse_citations(_seed_text()) if c.kind != "image_credit"])
    sources = _cli("--format", "oewatch", "--sources", "--outlet-as-written", str(SEED)).stdout.splitlines()
    assert sources[0] == "Sources" and len(sources) == 5
    assert "al-Sharq al-Awsat (influential Saudi daily), 17 May 2022." in sources[3]
    chicago = _cli("--style", "chicago", "--sources", str(SEED)).stdout.splitlines()
    assert chicago[0] == "Bibliography" and chicago[1].endswith("RT Arabic, May 26, 2022.")
    refused = _cli("--sources", str(SEED))
    assert refused.returncode == 2 and "--format oewatch" in refused.stderr


def test_cite_exports_on_the_command_line_and_from_a_batch_folder(tmp_path: Path) -> None:
    import rispy

    from translator.corpus.run import run_batch

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "seed.txt").write_text(_seed_text(), encoding="utf-8")
    run_batch(corpus, tmp_path / "out", translate=False, progress=False, report=False)
    from_text = rispy.loads(_cli("--format", "ris", "--news-only", str(SEED)).stdout)
    from_table = rispy.loads(_cli("--format", "ris", "--news-only", str(tmp_path / "out")).stdout)
    assert len(from_text) == 7 and from_text == from_table
    from_csv = _cli("--format", "oewatch", "--sources", str(tmp_path / "out" / "citations.csv")).stdout
    assert from_csv == sources_block(parse_citations(_seed_text()))
    assert json.loads(_cli("--format", "csl-json", str(SEED)).stdout)[3]["container-title"] == "RT Arabic"
    assert _cli("--format", "bibtex", str(SEED)).stdout.count("@article{") == 7  # the image credit is no source

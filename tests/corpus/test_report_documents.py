"""The report's Documents table shows the publication date read from a file and names a file saved twice
(new-user trial 6, F17 and F9): a real batch over real files, the report parsed back."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from translator.corpus.run import run_batch

ARTICLE = "زيارة عمل لجوبي إلى الجزائر\n\nالجزائر - سيقوم وزير الخارجية الفرنسي بزيارة عمل للجزائر.\n"
PAGE = """<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>وزير الخارجية يصل مالي</title>
<meta property="og:site_name" content="الدستور">
<meta property="article:published_time" content="2021-10-31T12:00:00+02:00"></head>
<body><article><p>وصل وزير الخارجية الجزائري إلى مالي في زيارة رسمية.</p></article></body></html>"""


def test_documents_table_has_the_date_and_names_copies(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "aps.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "aps (copy).txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "dostor.html").write_text(PAGE, encoding="utf-8")
    run_batch(corpus, tmp_path / "out", translate=False, progress=False, use_memory=False)
    soup = BeautifulSoup((tmp_path / "out" / "report.html").read_text(encoding="utf-8"), "lxml")
    table = soup.find("table", id="documents")
    header = [th.get_text() for th in table.find("tr").find_all("th")]
    assert header[:6] == ["document", "format", "language", "title", "outlet", "published"]
    rows = {tr.find("td").get_text(): [td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in table.find_all("tr")[1:]}
    assert rows["dostor.html"][5] == "2021-10-31T12:00:00+02:00"
    assert rows["aps.txt"][5] == ""  # no date in a .txt file
    # sorted paths: "aps (copy).txt" comes first, so aps.txt is the copy that names it
    copies = [name for name, cells in rows.items() if cells[-1].startswith("same bytes as ")]
    assert copies == ["aps.txt"] and rows["aps.txt"][-1] == "same bytes as aps (copy).txt"
    assert not rows["dostor.html"][-1].startswith("same bytes")


def test_documents_table_warns_of_a_copy(tmp_path: Path) -> None:
    # F9: the documents table itself (not only the report) says a file has the same bytes as an earlier one
    from translator.corpus.tables import read_table

    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "aps.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "aps (copy).txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "other.txt").write_text(ARTICLE + "\n", encoding="utf-8")  # one byte more: no copy
    run_batch(corpus, tmp_path / "out", translate=False, progress=False, use_memory=False, report=False)
    warnings = read_table(tmp_path / "out", "documents").set_index("doc_id")["warnings"].fillna("").to_dict()
    assert warnings["aps.txt"].endswith("same bytes as aps (copy).txt")
    assert "same bytes" not in warnings["aps (copy).txt"] + warnings["other.txt"]

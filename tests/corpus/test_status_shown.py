"""What a run says about its translations matches its segments' statuses (new-user trial 4, findings 1-4).

A QA-flagged (``suspicious``) machine rendering of a cited headline looked exactly like one that passed, in the
report's citations table and in the Word brief; the run summary, the report's summary and notebook 06 counted
flagged and reviewed segments as plain "translated"; mixed Arabic/English text in QA details (the report's QA
table, the review widget) was not isolated, so an ISO date after quoted Arabic was drawn on the wrong side.
A real batch with the tiny test model (whose renderings QA flags often) on headlines of real digests.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from translator.cli.batch import summary_text
from translator.corpus.brief import FLAGGED_MARK, MACHINE_MARK, brief_documents
from translator.corpus.report import render_report
from translator.corpus.run import TRANSLATION_STATUSES, run_batch, status_counts
from translator.corpus.tables import read_table

DIGEST = """Arab press digest

- "تبون يستقبل عراقجي" (Echorouk, 5 June 2025)

- "شهادة دولية لمصر والسيسى" (Al-Ahram, 28 September 2019)

- "الجزائر تعلق معاهدة الصداقة مع إسبانيا" (Echorouk, 8 June 2022)

- "مسؤول روسي رفيع يبحث بالجزائر التعاون العسكري" (Asharq Al-Awsat, 17 May 2022)
"""
ARTICLE = ("الجزائر - الأربعاء 22 أكتوبر 2025\n"
           "أجرى وزير الخارجية الجزائري أحمد عطاف اتصالا هاتفيا مع نظيره الروسي سيرجي لافروف.\n")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory, tiny_model: Path) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("status")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "digest.txt").write_text(DIGEST, encoding="utf-8")
    (corpus / "article.txt").write_text(ARTICLE, encoding="utf-8")
    out = root / "out"
    summary = run_batch(corpus, out, model=str(tiny_model), progress=False, report=False,
                        memory_path=root / "memory.sqlite")
    return out, summary


def _table_statuses(out: Path) -> dict[str, int]:
    segments = read_table(out, "segments")
    counts = segments["translation_status"].value_counts().to_dict()
    counts.pop("not_arabic", None)
    return {str(k): int(v) for k, v in counts.items()}


@pytest.mark.slow
def test_the_run_summary_counts_each_status(run: tuple[Path, object]) -> None:
    out, summary = run
    expected = _table_statuses(out)
    assert summary.statuses == expected  # type: ignore[attr-defined]
    assert expected.get("suspicious", 0) >= 1  # the tiny model's renderings: QA flags some (what this tests)
    line = f"translation status: {status_counts(expected)}"
    assert line in summary_text(summary).splitlines()
    # the order is the statuses' declared order, each with its count
    shown = [part.split(" ", 1)[1] for part in status_counts(expected).split(", ")]
    assert shown == [s for s in TRANSLATION_STATUSES if s in expected]


@pytest.mark.slow
def test_the_report_summary_and_citations_say_which_rendering_was_flagged(run: tuple[Path, object]) -> None:
    out, _ = run
    page = render_report(out, memory_path=None)
    assert f"<tr><th>translation status</th><td>{status_counts(_table_statuses(out))}</td></tr>" in page
    citations = read_table(out, "citations")
    machine = citations[citations["title_english_machine"].notna()]
    assert set(machine["translation_status"]) >= {"suspicious"}
    table = page[page.index('<table id="citations">'):page.index("</table>", page.index('<table id="citations">'))]
    rows = table.split("<tr>")[2:]  # after the header
    assert len(rows) == len(citations)
    for row, (_, cite) in zip(rows, citations.iterrows(), strict=True):
        flagged = 'class="flag machine-flagged"' in row
        assert flagged == (cite["translation_status"] == "suspicious" and isinstance(cite["title_english_machine"],
                                                                                     str)), row


@pytest.mark.slow
def test_the_brief_marks_a_flagged_machine_rendering(run: tuple[Path, object]) -> None:
    out, _ = run
    citations = read_table(out, "citations")
    by_title = {r["title_original"]: r["translation_status"] for _, r in citations.iterrows()
                if isinstance(r["title_original"], str)}
    headlines = [h for doc in brief_documents(out) for h in doc.headlines if h.machine]
    assert headlines
    for headline in headlines:
        assert headline.flagged == (by_title[headline.original] == "suspicious")
    assert any(h.flagged for h in headlines) and not all(h.flagged for h in headlines)
    from docx import Document

    from translator.corpus.brief import write_brief

    texts = [p.text for p in Document(str(write_brief(out, out.parent / "brief.docx"))).paragraphs]
    for headline in headlines:
        mark = f"[{MACHINE_MARK}; {FLAGGED_MARK}]" if headline.flagged else f"[{MACHINE_MARK}]"
        assert f"{headline.english} {mark} — {headline.outlet}" in texts


@pytest.mark.slow
def test_qa_details_in_the_report_keep_each_direction_apart(run: tuple[Path, object]) -> None:
    out, _ = run
    page = render_report(out, memory_path=None)
    qa = page[page.index('<table id="qa">'):]
    qa = qa[:qa.index("</table>")]
    segments = read_table(out, "segments")
    details = [f["detail"] for cell in segments["qa_flags"].dropna() for f in json.loads(cell)
               if re.search("[\u0600-\u06ff]", f["detail"]) and re.search("[A-Za-z]", f["detail"])]
    assert details  # flags that quote the Arabic inside English prose
    cells = re.findall(r'<span class="flag">[a-z]+</span> (.*?)(?:<br>|</td>)', qa)
    assert any('<bdi dir="rtl">' in cell for cell in cells)
    for cell in cells:  # every Arabic letter of a detail sits inside its own right-to-left isolate
        outside = re.sub(r'<bdi dir="rtl">[^<]*</bdi>', "", cell)
        assert not re.search("[\u0600-\u06ff]", outside), cell

"""What a segment sends to the model, and where its QA flags point (new-user findings 4 and 5).

The model, the translation memory and a review file's source get the segment's text without what the cut into
language runs left at its ends (``mt_span``), never a sign or a quote or bracket that closes in the run; every
QA offset in the segments table indexes ``text`` as written. Cases: tests/data/mt_input_cases.tsv; the batch
runs on the new user's files with the tiny model (tests/conftest.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

from translator.corpus.analyze import mt_span, text_for_mt
from translator.corpus.run import run_batch
from translator.corpus.tables import read_table
from translator.qa.numbers import find_quantities
from translator.review import export_review

from ..cases import cases

CASES = cases("mt_input_cases.tsv")
NEW_USER_FILES = {
    "formula.txt": '=HYPERLINK("http://evil.example","click")\n'
                   "-5% هو معدل النمو الاقتصادي المتوقع في الجزائر هذا العام.\n",
    "mixed.txt": "Press review, 3 June 2025\nAccording to al-Sharq al-Awsat, the Algerian army held night manoeuvres "
                 "near Tindouf. The headline read “الجيش الجزائري ينفذ مناورات ليلية قرب الحدود مع المغرب” and the "
                 "story was picked up by RT Arabic.\nقالت وكالة Reuters إن المحادثات بين الجزائر وموسكو ستستأنف "
                 "الأسبوع المقبل.\nVille de Tindouf مدينة تندوف.\n",
    "ar_utf8.txt": "الجزائر - أعلنت وزارة الدفاع الوطني الجزائرية، يوم الخميس 05 جوان 2025، أن وحدات من الجيش الوطني "
                   "الشعبي نفذت مناورات عسكرية قرب تندوف بمشاركة 1500 جندي.\nوقال الرئيس عبد المجيد تبون إن "
                   "العلاقات مع روسيا \"تصل إلى مستوى جديد\"، مضيفا أن الجزائر ستوقع اتفاقية تعاون استراتيجي قبل "
                   "نهاية العام.\n- (-2%) تراجع صادرات الغاز إلى إسبانيا في أيار.\n",
}


@pytest.mark.parametrize("row", CASES, ids=[f"{i}:{r['note'][:40]}" for i, r in enumerate(CASES)])
def test_what_the_model_is_sent(row: dict[str, str]) -> None:
    start, end = mt_span(row["text"])
    assert text_for_mt(row["text"]) == row["text"][start:end] == row["sent"]


def test_nothing_but_edges_is_ever_cut() -> None:
    for row in CASES:
        start, end = mt_span(row["text"])
        assert row["text"][:start].strip(" -–—*:،,\"“”«»()") == "" and row["text"][end:].strip(" -–—*:،,\"“”«»()") == ""


def _surface(flag: dict) -> str | None:
    """What a flag's detail quotes of the source: a name or a date in quotes, else a number."""
    if flag["kind"] in ("name", "date"):
        m = re.search(r"'([^']+)'", flag["detail"])
        return m.group(1) if m else None
    return None


@pytest.mark.slow
def test_qa_offsets_index_the_segment_text_and_the_sign_reaches_the_model(tmp_path: Path, tiny_model: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in NEW_USER_FILES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert run_batch(corpus, out, model=str(tiny_model), progress=False, use_memory=False).ok
    segments = read_table(out, "segments")
    arabic = segments[segments["lang"] == "ar"].to_dict("records")
    checked = 0
    for row in arabic:
        text = row["text"]
        for flag in json.loads(row["qa_flags"] or "[]"):
            if flag["source_start"] is None:
                continue
            surface = text[flag["source_start"]:flag["source_end"]]
            assert surface and surface == surface.strip(), (text, flag)
            if flag["kind"] == "number":
                number = float(re.match(r"-?([\d,.]+)", flag["detail"]).group(1).replace(",", ""))  # -5: a sign
                assert any(number in q.values for q in find_quantities(surface)), (surface, flag)
            elif _surface(flag) is not None:
                assert surface == _surface(flag), (text, flag)
            checked += 1
    assert checked >= 8  # the tiny model's nonsense on these lines is flagged: numbers, dates, names
    signed = [r for r in arabic if "-5%" in r["text"] or "-2%" in r["text"]]
    assert len(signed) == 2 and all("%" in text_for_mt(r["text"])[:4] and text_for_mt(r["text"])[0] in "-("
                                    for r in signed)
    path = tmp_path / "review.xlf"
    export_review(out, path)
    sources = [s.text for s in etree.parse(str(path)).getroot().iter("{*}source")]
    assert "-5% هو معدل النمو الاقتصادي المتوقع في الجزائر هذا العام." in sources
    assert "(-2%) تراجع صادرات الغاز إلى إسبانيا في أيار." in sources

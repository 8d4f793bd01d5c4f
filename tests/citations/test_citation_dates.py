"""Numeric dates in citations (issue 15): an ambiguous ``10/05/2022`` on an English line is never guessed.

The order of day and month is settled only by Arabic text (day first), by the caller (``day_first``, the
``cite --day-first/--month-first`` options: the caller knows the site) or by the document's other numeric
dates when they are unambiguous and all agree; otherwise ``date`` stays None and both readings are listed in
``date_candidates``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from translator.citations import parse_citations

ROOT = Path(__file__).resolve().parents[2]
LINE = "Al-Ahram reported on 10/05/2022 that bread prices rose."


def test_an_ambiguous_english_date_stays_empty_with_both_readings() -> None:
    (citation,) = parse_citations(LINE)
    assert citation.outlet_canonical == "Al-Ahram"
    assert citation.date is None and citation.date_text == "10/05/2022"
    assert sorted(citation.date_candidates) == ["2022-05-10", "2022-10-05"]
    assert any("ambiguous" in w and "2022-05-10" in w for w in citation.warnings)
    assert citation.to_dict()["date_candidates"] == citation.date_candidates


def test_the_pages_unambiguous_dates_settle_the_order() -> None:
    month_first = parse_citations(LINE + "\n\nOkaz said on 10/24/2019 that rents fell.")
    assert [c.date for c in month_first] == ["2022-10-05", "2019-10-24"]
    day_first = parse_citations(LINE + "\n\nOkaz said on 24/10/2019 that rents fell.")
    assert [c.date for c in day_first] == ["2022-05-10", "2019-10-24"]
    assert any("ambiguous" in w for w in day_first[0].warnings)  # the other reading is still reported


def test_pages_whose_dates_disagree_settle_nothing() -> None:
    mixed = parse_citations(LINE + "\n\nOkaz said on 24/10/2019 that rents fell.\n\nAl-Hayat said on 10/24/2019 "
                            "that talks resumed.")
    assert mixed[0].date is None and len(mixed[0].date_candidates) == 2


def test_the_caller_may_settle_the_order() -> None:
    assert parse_citations(LINE, day_first=False)[0].date == "2022-10-05"
    assert parse_citations(LINE, day_first=True)[0].date == "2022-05-10"


def test_an_unambiguous_date_and_arabic_text_need_no_context() -> None:
    assert parse_citations("(Khaled Al-Sulaiman, Al-Jazirah, 10.24.2019)")[0].date == "2019-10-24"
    arabic = parse_citations("نشرت صحيفة الرياض يوم 10/05/2022 تقريرا عن الأسعار")[0]
    assert arabic.date == "2022-05-10"  # Arabic pages write the day first


def test_cite_options_settle_the_order(tmp_path: Path) -> None:
    source = tmp_path / "digest.txt"
    source.write_text(LINE + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def dates(*options: str) -> list[object]:
        result = subprocess.run([sys.executable, "-m", "translator", "cite", "--format", "jsonl", *options,
                                 str(source)], capture_output=True, text=True, env=env, check=True)
        return [(r["date"], r["date_candidates"]) for r in map(json.loads, result.stdout.splitlines())]

    assert dates() == [(None, ["2022-05-10", "2022-10-05"])]
    assert dates("--month-first")[0][0] == "2022-10-05"
    assert dates("--day-first")[0][0] == "2022-05-10"

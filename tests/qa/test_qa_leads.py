"""Translation QA on leads before a colon or a dash (a speaker, a headline's subject, a dateline) and on how a
translation may end (new-user findings 1 and 10). Cases: tests/data/qa_leads_cases.tsv."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from translator.qa import check

from ..cases import ROOT, cases
from .test_qa import test_case as check_case_row

CASE_ROWS = cases("qa_leads_cases.tsv")


@pytest.mark.parametrize("row", CASE_ROWS, ids=[f"{i}:{r['target'][:40]}" for i, r in enumerate(CASE_ROWS)])
def test_lead_and_ending_case(row: dict[str, str]) -> None:
    check_case_row(row)  # the flags' kinds are the row's kinds, as for qa_cases.tsv


def test_a_changed_dateline_points_at_both_places() -> None:
    source, target = "الرباط: المغرب يستضيف القمة العربية", "Madrid: Morocco hosts the Arab summit"
    (flag,) = check(source, target)
    assert source[flag.source_start:flag.source_end] == "الرباط"
    assert target[flag.target_start:flag.target_end] == "Madrid"
    assert "dateline" in flag.detail and "Rabat" in flag.detail


def test_the_new_users_lines_through_the_command() -> None:
    """Finding 1 and 10 as the new user ran them: `translator qa` on tab-separated pairs."""
    pairs = ("لافروف: علاقاتنا مع الجزائر تصل إلى مستوى جديد\t"
             "Putin: Our relations with Algeria have reached a new level\n"
             "ارتفع التضخم في أيار.\tInflation rose in May.\n")
    done = subprocess.run([sys.executable, "-m", "translator", "qa", "--format", "jsonl"], input=pairs,
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1, done.stderr
    assert [[f["kind"] for f in r["flags"]] for r in rows] == [["name"], []]

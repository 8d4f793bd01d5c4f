"""Command-line findings of the ninth new-user trial (/work/wt/NEWUSER9.md).

F3: ``translator dates --reference 2024-13-01`` (or ``tomorrow``) ran with exit 0 when no line held a relative
date; the bad day was noticed only by a line that needed it. It is now refused before any input is read.
F4: ``translator review import OUT review.xlf`` of a file nobody edited said "0 reviewed translations read ...
Run `translator batch` again to see them with status human": now it says nothing was in it and what to do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.cli import main
from translator.corpus import tables

RELATIVE = "وقال المتحدث أمس إن الاجتماع التحضيري عقد في الرياض"


@pytest.mark.parametrize("bad", ["2024-13-01", "tomorrow", "10/11/2024"])
def test_dates_refuses_a_bad_reference_day_before_reading(bad: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("لا تاريخ في هذا السطر\n", encoding="utf-8")  # no relative date: before, exit 0
    with pytest.raises(SystemExit) as caught:
        main(["dates", "--lines", "--reference", bad, str(lines)])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert f"'{bad}' is not a day written YYYY-MM-DD" in err


def test_dates_counts_from_a_good_reference(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text(RELATIVE + "\n", encoding="utf-8")
    assert main(["dates", "--lines", "--format", "csv", "--reference", "2024-11-10", str(lines)]) == 0
    assert "2024-11-09" in capsys.readouterr().out


def test_importing_an_untouched_export_says_nothing_was_in_it(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    text = "وصل الأمير فيصل بن فرحان إلى بنجول"
    rows = [{"doc_id": "a.txt", "segment_id": 0, "line": 0, "start": 0, "end": len(text), "text": text,
             "lang": "ar", "translation": "Prince Faisal bin Farhan arrived in Banjul",
             "translation_status": "translated", "model": "tiny-ar-en"}]
    out = tmp_path / "out"
    tables.write_table(out, "segments", tables.SEGMENTS, [rows])
    tm, xlf = str(tmp_path / "tm.sqlite"), str(tmp_path / "review.xlf")
    assert main(["review", "export", str(out), "--output", xlf, "--memory", tm]) == 0
    capsys.readouterr()
    assert main(["review", "import", str(out), xlf, "--memory", tm]) == 0
    err = capsys.readouterr().err
    assert "no reviewed translation in it" in err and "nothing was added to the memory" in err
    assert "Run `translator batch` again" not in err


def test_segments_table_names_every_translation_status() -> None:
    # F5: the README's table (generated from rows.py) listed six statuses and left out `human`
    from translator.corpus.rows import columns
    from translator.corpus.statuses import TRANSLATION_STATUSES

    [meaning] = [c.meaning for c in columns("segments") if c.name == "translation_status"]
    assert [s for s in TRANSLATION_STATUSES if s not in meaning] == []

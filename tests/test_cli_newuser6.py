"""Command-line findings of the sixth new-user trial.

F19: ``translate --format table`` showed a ``human`` row with the machine text in ``translation`` and the
reviewer's rendering among the columns left out ("10 more columns: human, …").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translator.cli import main
from translator.mt.memory import TranslationMemory

HEADLINE = "زيارة عمل لجوبي إلى الجزائر"
REVIEWED = "Juppé on a working visit to Algeria"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_translate_table_shows_the_reviewers_translation(tmp_path: Path, tiny_model: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    memory_path = tmp_path / "memory.sqlite"
    memory = TranslationMemory(memory_path)
    memory.put_human(HEADLINE, REVIEWED, "review.xlf", state="final", translator="Amal")
    memory.close()
    source = tmp_path / "lines.txt"
    source.write_text(f"{HEADLINE}\nRT Arabic\n", encoding="utf-8")
    argv = ["translate", "--lines", "--model", str(tiny_model), "--memory", str(memory_path), str(source)]
    code, out, _ = _run([*argv, "--format", "jsonl"], capsys)
    first = json.loads(out.splitlines()[0])
    assert code == 0 and first["status"] == "human" and first["human"] == REVIEWED
    assert first["translation"] != REVIEWED  # the machine text stays in `translation`
    code, out, _ = _run([*argv, "--format", "table"], capsys)
    header, row = out.splitlines()[:2]
    assert code == 0 and header.split()[:4] == ["text", "translation", "human", "status"]
    assert "Juppé" in row and "human" in row
    # jsonl keeps the record's order (a contract other tools rely on)
    code, out, _ = _run([*argv, "--format", "jsonl"], capsys)
    assert list(json.loads(out.splitlines()[0]))[:3] == ["text", "translation", "status"]


def test_batch_summary_of_one_file(tmp_path: Path, tiny_model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """F18/F14: a batch of one file said "1 documents from 1 files", and "3 translated" two lines above
    "translation status: 1 translated, 2 suspicious" read as a contradiction."""
    source = tmp_path / "aps.txt"
    source.write_text(f"{HEADLINE}\n\nوأكد الناطق الرسمي لوزارة الشؤون الخارجية أن هذه الزيارة مهمة.\n",
                      encoding="utf-8")
    code, _, err = _run(["batch", str(source), "--out", str(tmp_path / "out"), "--model", str(tiny_model),
                         "--no-memory", "--no-report"], capsys)
    assert code == 0, err
    lines = err.splitlines()
    assert any(line.startswith("1 document from 1 file (1 processed") for line in lines), err
    counts = next(line for line in lines if " segments (" in line)
    assert "2 Arabic, 2 machine-translated" in counts and "0 citations" in counts
    status = next(line for line in lines if line.startswith("translation status: "))
    assert sum(int(part.split()[0]) for part in status.split(": ", 1)[1].split(", ")) == 2


def test_models_list_table_shows_the_size(translator_home: Path, tiny_model: Path,
                                          capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """F21: the README promises "id, kind, revision, size on disk and path"; at 120 columns the size was among
    the columns left out."""
    monkeypatch.setenv("COLUMNS", "120")
    code, _, err = _run(["models", "add", str(tiny_model), "--id", "tiny/marian"], capsys)
    assert code == 0, err
    code, out, _ = _run(["models", "list", "--format", "jsonl"], capsys)
    (listed,) = [json.loads(line) for line in out.splitlines()]
    assert listed["size_bytes"] > 0
    code, out, _ = _run(["models", "list"], capsys)
    header, row = out.splitlines()[:2]
    assert code == 0 and header.split()[:6] == ["default", "id", "kind", "revision", "size_bytes", "path"]
    assert str(listed["size_bytes"]) in row.split()


@pytest.mark.parametrize("command", [["detect", "--lines", "--format", "table"], ["dates", "--lines"]])
def test_a_skipped_json_line_is_named_once(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           command: list[str]) -> None:
    # F24: "translator: F: skipped F: line 4: …" named the file twice; the other records are still read
    feed = tmp_path / "press-digests.jsonl"
    feed.write_text('{"id": "a", "text": "وصل الوزير إلى الجزائر"}\n{"id": "b", "text": "زار الوزير تونس"}\n'
                    '{"id": "c", "text": "وصل الوفد"}\n{bad json\n{"id": "e", "text": "التقى الرئيس"}\n',
                    encoding="utf-8")
    code, out, err = _run([*command, str(feed)], capsys)
    assert code == 0 and "التقى الرئيس" in out
    (line,) = [row for row in err.splitlines() if "line 4" in row]
    assert line.startswith(f"translator: skipped {feed}: line 4: invalid JSON") and line.count(str(feed)) == 1

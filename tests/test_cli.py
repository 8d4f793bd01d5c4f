"""The command-line contracts other issues and users' scripts build on (issue: foundation, point 4)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: bytes | str = b"") -> subprocess.CompletedProcess:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run([sys.executable, "-m", "translator", *args], input=data, capture_output=True,
                          env=os.environ.copy(), timeout=300)


def jsonl(result: subprocess.CompletedProcess) -> list[dict]:
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def test_detect_lines_gives_one_object_per_input_line_empty_ones_included() -> None:
    lines = ["مسؤول روسي رفيع يبحث بالجزائر التعاون العسكري", "", "RT Arabic",
             "Russian Foreign Minister Sergey Lavrov said that relations are reaching a new level."]
    records = jsonl(run("detect", "--lines", "--format", "jsonl", stdin="\n".join(lines) + "\n"))
    assert [r["text"] for r in records] == lines
    assert {"text", "lang", "confidence"} <= set(records[0])
    langs = [r["lang"] for r in records]
    assert (langs[0], langs[1], langs[3]) == ("ar", "und", "en")
    assert langs[2] in {"en", "und"}  # an outlet name in English words; never Portuguese
    assert all(0.0 <= r["confidence"] <= 1.0 for r in records)


def test_detect_runs_splits_a_mixed_line() -> None:
    (record,) = jsonl(run("detect", "--lines", "--runs", stdin="Ville de Tindouf مدينة تندوف.\n"))
    assert [(r["lang"], r["text"]) for r in record["runs"]][-1] == ("ar", "مدينة تندوف.")


def test_dates_lines_contract() -> None:
    records = jsonl(run("dates", "--lines", stdin="21 أيار/ مايو 2022م\nفيفري 2022\nno date here\n"))
    assert [(r["text"], r["date"]) for r in records] == [("21 أيار/ مايو 2022م", "2022-05-21"),
                                                         ("فيفري 2022", "2022-02"), ("no date here", None)]


def test_dates_day_order_options() -> None:
    assert jsonl(run("dates", "--lines", "--month-first", stdin="6/8/2019\n"))[0]["date"] == "2019-06-08"
    assert jsonl(run("dates", "--lines", "--day-first", stdin="6/8/2019\n"))[0]["date"] == "2019-08-06"


def test_glossary_match_offsets_point_into_the_original_line() -> None:
    line = "وبالجزائر التقى تبون وزير الخارجية الروسي"
    (record,) = jsonl(run("glossary", "match", "--lines", "--format", "jsonl", stdin=line + "\n"))
    assert record["text"] == line
    for match in record["matches"]:
        assert {"start", "end", "surface", "source", "target", "type"} <= set(match)
        assert line[match["start"]:match["end"]] == match["surface"]
    assert {"Algeria", "Tebboune"} <= {m["target"] for m in record["matches"]}


def test_cite_reads_a_file_and_gives_one_object_per_citation() -> None:
    records = jsonl(run("cite", "--format", "jsonl", str(ROOT / "corpus" / "algeria-spain-gas.txt")))
    assert len(records) == 4
    for record in records:
        assert {"raw", "title_original", "title_english", "title_language", "outlet", "outlet_canonical",
                "leaning", "date", "url"} <= set(record)
    first = records[0]
    assert (first["title_original"], first["outlet_canonical"], first["date"]) == (
        "الجزائر تعلق معاهدة الصداقة مع إسبانيا", "Echorouk", "2022-06-08")


@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_csv_and_table_formats(fmt: str) -> None:
    result = run("detect", "--lines", "--format", fmt, stdin="مدينة تندوف\nThe city of Tindouf is in Algeria\n")
    assert result.returncode == 0
    out = result.stdout.decode()
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [r["lang"] for r in rows] == ["ar", "en"]
    else:
        assert "مدينة تندوف" in out and "lang" in out.splitlines()[0]


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_table_format_fits_the_terminal_and_jsonl_keeps_the_whole_text(columns: int) -> None:
    long_line = "الجزائر تعلق معاهدة الصداقة مع إسبانيا " * 30 + "END"
    stdin = f"{long_line}\nThe city of Tindouf is in Algeria\n"
    env = {**os.environ, "COLUMNS": str(columns)}
    result = subprocess.run([sys.executable, "-m", "translator", "detect", "--lines", "--format", "table"],
                            input=stdin.encode(), capture_output=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert lines[0].split()[:3] == ["text", "lang", "confidence"]
    # the long cell wraps onto MAX_CELL_LINES lines and is cut with "…"; the short row stays one line
    from translator.cli._common import MAX_CELL_LINES

    assert "…" in lines[MAX_CELL_LINES] and "END" not in out
    assert " ar " in lines[1]  # the short columns survive whole
    assert "The city of Tindouf" in lines[MAX_CELL_LINES + 1] and " en " in lines[MAX_CELL_LINES + 1]
    assert jsonl(run("detect", "--lines", stdin=stdin))[0]["text"] == long_line


def test_fit_table_wraps_long_cells_and_leaves_out_what_does_not_fit() -> None:
    from translator.cli._common import MAX_CELL_LINES, fit_table

    rows = [{"id": 1, "text": "x " * 150, "note": "y" * 50, "multi": "a\nb", "empty": None, "none": []}]
    out = fit_table(rows, 80)
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert lines[0].split() == ["id", "text", "note", "multi"]  # columns empty in every row are left out
    assert "a⏎b" in lines[1] and len(lines) == 1 + MAX_CELL_LINES and lines[-1].rstrip().endswith("…")
    assert fit_table(rows, 1000).splitlines()[1].split()[-2:] == ["y" * 50, "a⏎b"]
    wide = [{f"column{i}": "value" * 3 for i in range(30)}]
    lines = fit_table(wide, 80).splitlines()
    assert all(len(line) <= 80 for line in lines) and len(lines[0].split()) == 4
    assert lines[-1].startswith("(26 more columns: column4, column5") and lines[-1].endswith("…")


def test_translate_and_models_tables_are_readable_at_80_columns() -> None:
    """Finding 18: 15 columns of `translate` cut the translation to "An exe…"; `models list` cut the id."""
    from translator.cli._common import fit_table

    translation = "An explosion near the main gate of the city of Tindouf wounded three people on Monday."
    row = {"text": "انفجار قرب البوابة الرئيسية لمدينة تندوف أصاب ثلاثة أشخاص يوم الاثنين", "translation": translation,
           "status": "translated", "flags": [], "human": None, "human_provenance": None, "from_memory": False,
           "terms_found": 1, "terms_placed": 1, "terms_exact": 1, "term_flags": [], "segments": 1, "error": None,
           "engine": "ctranslate2", "model": "tiny/marian-ct2-int8"}
    lines = fit_table([row], 80).splitlines()
    assert lines[0].split()[:3] == ["text", "translation", "status"] and all(len(x) <= 80 for x in lines)
    start, end = lines[0].index("translation"), lines[0].index("status")
    assert " ".join(line[start:end].strip() for line in lines[1:-1]) == translation  # wrapped, whole
    model = {"default": True, "id": "Helsinki-NLP/opus-mt-ar-en-ct2-int8", "kind": "ct2",
             "path": "/home/user/.local/share/translator/models/Helsinki-NLP--opus-mt-ar-en-ct2-int8",
             "revision": None, "source_lang": "ar", "target_lang": "en", "origin": "converted"}
    lines = fit_table([model], 80).splitlines()
    assert all(len(x) <= 80 for x in lines)

    def column(name: str, following: str | None) -> str:
        start, end = lines[0].index(name), lines[0].index(following) if following else None
        return "".join(line[start:end].strip() for line in lines[1:] if not line.startswith("("))

    assert column("id", "kind") == model["id"]  # wrapped onto a second line, never cut
    assert column("path", None) == model["path"]


def test_non_utf8_input_is_decoded_and_said_and_binary_input_is_refused() -> None:
    result = run("detect", "--lines", stdin="الجزائر تعلق معاهدة الصداقة مع إسبانيا\n".encode("cp1256"))
    assert jsonl(result)[0]["lang"] == "ar"
    assert "decoded as cp1256" in result.stderr.decode()
    refused = run("detect", stdin=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert refused.returncode == 2
    assert "binary file" in refused.stderr.decode() and not refused.stdout


def test_batch_options_that_only_apply_to_ray_are_refused_locally(tmp_path: Path) -> None:
    result = run("batch", str(ROOT / "corpus"), "--out", str(tmp_path), "--actors", "2", "--no-translate")
    assert result.returncode == 2
    assert "--runner ray" in result.stderr.decode()


@pytest.mark.parametrize(("argv", "expected", "warned"), [
    (["--engine", "ctranslate2"], ("local", "ctranslate2"), False),
    (["--runner", "ray", "--engine", "transformers"], ("ray", "transformers"), False),
    (["--engine", "ray"], ("ray", "auto"), True),
    (["--engine", "ray", "--mt-engine", "ctranslate2"], ("ray", "ctranslate2"), True),
])
def test_runner_says_where_a_batch_runs_and_engine_keeps_meaning_the_mt_engine(
        argv: list[str], expected: tuple[str, str], warned: bool, capsys: pytest.CaptureFixture[str]) -> None:
    from translator.cli import build_parser
    from translator.cli.batch import runner_and_engine

    args = build_parser().parse_args(["batch", "corpus", "--out", "out", *argv])
    assert runner_and_engine(args) == expected
    err = capsys.readouterr().err
    assert ("--engine ray is deprecated: write --runner ray" in err) is warned and err.count("\n") == int(warned)


def test_every_subcommand_has_help() -> None:
    for command in ("detect", "dates", "cite", "translate", "glossary", "batch", "models", "report", "notebook"):
        assert run(command, "--help").returncode == 0

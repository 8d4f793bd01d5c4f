"""`translator translate` and `translator models` on the tiny model, through the command line entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translator.cli import main

pytestmark = pytest.mark.slow


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("engine", ["transformers", "ctranslate2"])
def test_translate_command_translates_the_pairs(engine: str, tmp_path: Path, tiny_model: Path, tiny_ct2_model: Path,
                                                tiny_pairs: list[tuple[str, str]],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "headlines.txt"
    source.write_text("\n".join(ar for ar, _ in tiny_pairs) + "\n", encoding="utf-8")
    model = tiny_model if engine == "transformers" else tiny_ct2_model
    code, out, err = _run(["translate", str(source), "--lines", "--model", str(model), "--engine", engine,
                           "--no-glossary", "--memory", str(tmp_path / "tm.sqlite"), "--quiet"], capsys)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in rows] == [ar for ar, _ in tiny_pairs]
    exact = sum(r["translation"] == en for r, (_, en) in zip(rows, tiny_pairs, strict=True))
    assert exact >= 0.95 * len(tiny_pairs)
    assert {r["engine"] for r in rows} == {engine}


def test_models_commands(translator_home: Path, tiny_model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["models", "add", str(tiny_model), "--id", "cli/tiny-ar-en", "--format", "jsonl"], capsys)
    assert code == 0, err
    assert json.loads(out)["kind"] == "marian"
    assert _run(["models", "convert", "cli/tiny-ar-en", "--format", "jsonl"], capsys)[0] == 0
    code, out, _ = _run(["models", "list", "--format", "jsonl"], capsys)
    listed = [json.loads(line) for line in out.splitlines()]
    assert sorted((m["id"], m["kind"]) for m in listed) == [("cli/tiny-ar-en", "ct2"), ("cli/tiny-ar-en", "marian")]
    assert all(m["size_bytes"] > 0 and m["revision"] for m in listed)
    assert _run(["models", "remove", "cli/tiny-ar-en"], capsys)[0] == 0
    assert _run(["models", "list", "--format", "jsonl"], capsys)[1].strip() == ""


def test_missing_model_tells_how_to_get_one(translator_home: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "one.txt"
    source.write_text("مدينة تندوف\n", encoding="utf-8")
    code, _, err = _run(["translate", str(source), "--no-glossary", "--no-memory"], capsys)
    assert code != 0
    assert "Helsinki-NLP/opus-mt-ar-en" in err and "translator models pull" in err
    assert "translator models add PATH" in err


def test_translate_lines_passes_english_through_with_the_batch_statuses(tmp_path: Path, tiny_ct2_model: Path,
                                                                          tiny_pairs: list[tuple[str, str]],
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from translator.corpus.run import TRANSLATION_STATUSES

    (a, ea), (b, eb) = tiny_pairs[3], tiny_pairs[4]
    source = tmp_path / "mixed.txt"
    source.write_text(f"{a}\nThe minister visited Algiers.\n{b}\n", encoding="utf-8")
    code, out, err = _run(["translate", str(source), "--lines", "--model", str(tiny_ct2_model), "--no-glossary",
                           "--no-memory", "--quiet"], capsys)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["translation"], r["status"]) for r in rows] == [
        (ea, "translated"), ("The minister visited Algiers.", "not_arabic"), (eb, "translated")]
    assert {r["status"] for r in rows} <= set(TRANSLATION_STATUSES)


def test_default_model_is_set_listed_and_used_everywhere(translator_home: Path, tmp_path: Path, tiny_model: Path,
                                                         tiny_pairs: list[tuple[str, str]],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from translator.corpus.run import run_batch
    from translator.mt import default_model

    code, out, _ = _run(["models", "default", "--format", "jsonl"], capsys)
    assert code == 0 and json.loads(out) == {"default_model": "Helsinki-NLP/opus-mt-ar-en", "set_in": "built-in",
                                             "installed": False}
    code, _, err = _run(["models", "default", "nobody/no-such-model"], capsys)
    assert code == 2 and "nobody/no-such-model" in err and "translator models add PATH" in err
    assert not (translator_home / "settings.json").exists()

    assert _run(["models", "add", str(tiny_model), "--id", "me/tiny-ar-en"], capsys)[0] == 0
    code, out, err = _run(["models", "default", "me/tiny-ar-en", "--format", "jsonl"], capsys)
    assert code == 0, err
    assert json.loads(out) == {"default_model": "me/tiny-ar-en", "set_in": str(translator_home / "settings.json"),
                               "installed": True}
    assert default_model() == "me/tiny-ar-en"
    code, out, _ = _run(["models", "default"], capsys)
    assert "me/tiny-ar-en" in out
    listed = [json.loads(line) for line in _run(["models", "list", "--format", "jsonl"], capsys)[1].splitlines()]
    assert [(m["id"], m["default"]) for m in listed] == [("me/tiny-ar-en", True)]

    arabic, english = tiny_pairs[3]
    source = tmp_path / "one.txt"
    source.write_text(arabic + "\n", encoding="utf-8")
    code, out, err = _run(["translate", str(source), "--no-glossary", "--no-memory", "--quiet"], capsys)
    assert code == 0, err
    row = json.loads(out)
    assert row["model"] == "me/tiny-ar-en" and row["translation"] == english

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(arabic + "\n", encoding="utf-8")
    summary = run_batch(corpus, tmp_path / "out", progress=False, use_memory=False, use_glossary=False)
    assert summary.translation == "on" and summary.model["id"] == "me/tiny-ar-en"

    assert _run(["models", "default", "--unset"], capsys)[0] == 0
    assert default_model() == "Helsinki-NLP/opus-mt-ar-en"

"""Single files read as the batch reads them (new-user finding 9) and the command line's rough edges
(finding 20): every command given a missing path says "no such file/folder" once; an empty result says so;
bad option values are refused; what the tables say about encodings and reviewed segments is true."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translator.cli import main

ARABIC = "أعلنت وزارة الدفاع الوطني الجزائرية أن الجيش أجرى مناورات عسكرية قرب الحدود."


@pytest.fixture
def files(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("تبون يستقبل لافروف")
    document.add_paragraph("قالت صحيفة الشروق إن الرئيس استقبل الوزير الروسي.")
    document.save(tmp_path / "word_article.docx")
    (tmp_path / "page.html").write_text(
        "<html><head><title>خبر</title><style>body{color:red}</style></head><body><nav><a href='/en'>Home "
        f"Sports English Menu Weather</a></nav><h1>الجيش الجزائري يجري مناورات</h1><p>{ARABIC}</p></body></html>",
        encoding="utf-8")
    (tmp_path / "news.jsonl").write_text(
        json.dumps({"id": "1", "text": "قالت صحيفة الشروق إن الرئيس استقبل الوزير."}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "2", "text": ARABIC}, ensure_ascii=False) + "\n", encoding="utf-8")
    return tmp_path


def _jsonl(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[dict]:
    assert main(argv) == 0, capsys.readouterr().err
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


# ------------------------------------------------------------------------------------------------ finding 9
def test_detect_reads_a_page_without_its_markup(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (record,) = _jsonl(capsys, ["detect", str(files / "page.html")])
    assert record["lang"] == "ar" and "<" not in record["text"] and "color" not in record["text"]
    assert ARABIC in record["text"]


def test_cite_and_detect_read_a_docx(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _jsonl(capsys, ["detect", "--lines", str(files / "word_article.docx")])
    assert [r["text"] for r in lines if r["text"]] == ["تبون يستقبل لافروف",
                                                      "قالت صحيفة الشروق إن الرئيس استقبل الوزير الروسي."]
    cited = _jsonl(capsys, ["cite", str(files / "word_article.docx")])
    assert cited and all("PK" not in (c["raw"] or "") for c in cited)
    assert any("الشروق" in (c["raw"] or "") for c in cited)


def test_cite_reads_each_jsonl_record_as_a_text(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cited = _jsonl(capsys, ["cite", str(files / "news.jsonl")])
    assert cited and not any(c["raw"].lstrip().startswith("{") for c in cited)
    assert len(_jsonl(capsys, ["detect", str(files / "news.jsonl")])) == 2  # one text per record


def test_translate_sends_the_page_text_not_its_markup(files: Path, tiny_model: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    records = _jsonl(capsys, ["translate", "--no-memory", "--model", str(tiny_model), str(files / "page.html")])
    assert len(records) == 1 and "<" not in records[0]["text"] and records[0]["status"] != "failed"


# ------------------------------------------------------------------------------------------------ finding 20
MISSING = [
    (["detect", "{tmp}/nope.txt"], "nope.txt: no such file"),
    (["translate", "{tmp}/nope.txt"], "nope.txt: no such file"),
    (["cite", "{tmp}/nope.txt"], "nope.txt: no such file or folder"),
    (["qa", "{tmp}/nope.tsv"], "nope.tsv: no such file"),
    (["dates", "{tmp}/nope.txt"], "nope.txt: no such file"),
    (["glossary", "check", "{tmp}/nope.tsv"], "nope.tsv: no such file"),
    (["glossary", "import", "{tmp}/nope.tbx", "--out", "{tmp}/x.tsv"], "nope.tbx: no such file"),
    (["models", "add", "{tmp}/nodir"], "nodir: no such folder"),
    (["memory", "--memory", "{tmp}/m.sqlite", "import", "{tmp}/nope.tmx"], "nope.tmx: no such file"),
    (["review", "export", "{tmp}/nodir", "--output", "{tmp}/x.xlf"], "nodir: no such folder"),
    (["review", "import", "{tmp}/nodir", "{tmp}/x.xlf"], "nodir: no such folder"),
    (["report", "{tmp}/nodir"], "nodir: no such folder"),
    (["brief", "{tmp}/nodir", "--output", "{tmp}/b.docx"], "nodir: no such folder"),
    (["batch", "{tmp}/nodir", "--out", "{tmp}/out"], "nodir: no such folder"),
    (["notebook", "run", "{tmp}/nope.ipynb"], "nope.ipynb: no such notebook"),
]


@pytest.mark.parametrize(("argv", "message"), MISSING, ids=lambda v: " ".join(v[:2]) if isinstance(v, list) else "")
def test_every_command_says_a_missing_path_is_missing_once(argv: list[str], message: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main([a.format(tmp=tmp_path) for a in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("error") == 1, err
    assert not (tmp_path / "m.sqlite").exists()


def test_a_memory_that_is_not_there_is_not_created_by_reading_it(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    for action in (["stats"], ["search", "تبون"], ["export", "--output", str(tmp_path / "x.tmx")]):
        assert main(["memory", "--memory", str(tmp_path / "NEW.sqlite"), *action]) == 2
        assert "NEW.sqlite: no such file" in capsys.readouterr().err
    assert not (tmp_path / "NEW.sqlite").exists()


def test_nothing_found_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    memory = str(tmp_path / "tm.sqlite")
    from translator.mt.memory import TranslationMemory

    with TranslationMemory(memory) as tm:
        tm.put_human("تبون يستقبل لافروف", "Tebboune receives Lavrov", state="final")
    assert main(["memory", "--memory", memory, "search", "غير موجود"]) == 1
    captured = capsys.readouterr()
    assert "no translations containing 'غير موجود'" in captured.err
    assert main(["glossary", "list", "--type", "person", "--format", "jsonl"]) == 0
    assert "of type person" in capsys.readouterr().err


def test_bad_option_values_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["glossary", "list", "--type", "nonsense"])
    assert exit_.value.code == 2 and "invalid choice: 'nonsense'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["dates", "--context-lang", "xx"])
    assert "'xx' is not a language tag" in capsys.readouterr().err


def test_context_lang_en_us_reads_month_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "d.txt").write_text("6/8/2019\n", encoding="utf-8")
    (record,) = _jsonl(capsys, ["dates", "--lines", "--context-lang", "en-US", str(tmp_path / "d.txt")])
    assert record["date"] == "2019-06-08"


def test_glossary_check_lists_problems_in_line_order(capsys: pytest.CaptureFixture[str]) -> None:
    bad = Path(__file__).parent / "data" / "glossary_bad.tsv"
    assert main(["glossary", "check", "--format", "jsonl", str(bad)]) == 1
    lines = [json.loads(x)["line"] for x in capsys.readouterr().out.splitlines()]
    assert lines == sorted(lines) and len(lines) >= 5


def test_tbx_import_names_the_concept_it_skips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "terms.tbx").write_text(
        '<?xml version="1.0"?><martif type="TBX"><text><body>'
        '<termEntry><langSet xml:lang="ar"><tig><term>تبون</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>Tebboune</term></tig></langSet></termEntry>'
        '<termEntry><langSet xml:lang="ar"><tig><term>لعمامرة</term></tig></langSet></termEntry>'
        "</body></text></martif>", encoding="utf-8")
    assert main(["glossary", "import", str(tmp_path / "terms.tbx"), "--out", str(tmp_path / "t.tsv")]) == 0
    err = capsys.readouterr().err
    assert "concept 2 skipped: it has no English term" in err and "wrote 1 entries" in err


def test_models_pull_unreachable_does_not_say_run_models_pull(monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")  # as tests/mt/test_mt_models.py's unreachable-hub test
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "0")
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # a closed local port: no network needed
    assert main(["models", "pull", "some/model"]) == 2
    err = capsys.readouterr().err
    assert "unreachable" in err and "models pull" not in err and "models add PATH --id some/model" in err


def test_a_guessed_encoding_is_not_fully_sure(tmp_path: Path) -> None:
    from translator.corpus.decode import GUESSED_MAX, decode_bytes

    decoded = decode_bytes((ARABIC + "\n") .encode("cp1256"), name="x.txt")
    assert decoded.encoding == "cp1256" and 0 < decoded.confidence <= GUESSED_MAX < 1.0
    assert decode_bytes(ARABIC.encode("utf-8"), name="y.txt").confidence == 1.0


def test_reviewed_segments_lose_the_no_model_note(tmp_path: Path) -> None:
    from translator.corpus.run import run_batch
    from translator.corpus.tables import read_table
    from translator.mt.memory import TranslationMemory

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARABIC + "\n", encoding="utf-8")
    memory = tmp_path / "tm.sqlite"
    with TranslationMemory(memory) as tm:
        tm.put_human(ARABIC, "The ministry said the army held exercises near the border.", state="final")
    run_batch(corpus, tmp_path / "out", model=str(tmp_path / "no-model"), memory_path=memory, progress=False,
              report=False)
    segments = read_table(tmp_path / "out", "segments")
    human = segments[segments["translation_status"] == "human"]
    assert len(human) == 1 and human["translation_note"].isna().all()


def test_cite_says_when_nothing_is_cited(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plain.txt").write_text("The weather was fine today.\n", encoding="utf-8")
    assert main(["cite", str(tmp_path / "plain.txt")]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no citations found" in captured.err

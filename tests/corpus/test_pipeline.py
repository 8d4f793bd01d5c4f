"""The batch job end to end: real readers, detector, citation parser, glossary and the tiny trained model."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from translator.corpus.run import run_batch
from translator.corpus.tables import read_table

ROOT = Path(__file__).resolve().parents[2]
PAIRS = pd.read_csv(ROOT / "tests" / "data" / "parallel_ar_en.tsv", sep="\t")


def cli(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "translator", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600, **kwargs)


@pytest.fixture
def pairs_corpus(tmp_path: Path) -> Path:
    """A corpus whose Arabic lines are the training pairs, inside English prose and a citation."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = PAIRS["arabic"].tolist()
    (corpus / "headlines-ar.txt").write_text("\n\n".join(sources[:20]) + "\n", encoding="utf-8")
    (corpus / "note.md").write_text(
        "# A note\n\nThe army held exercises near the border, the Arabic press reported.\n\n"
        f"“{sources[1]}\n\n({PAIRS['english'][1]}),” al-Araby al-Jadid (Qatari-aligned daily), 7 June 2022.\n",
        encoding="utf-8")
    return corpus


def test_batch_without_a_model_fills_everything_else_and_says_how_to_get_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("batch", str(ROOT / "corpus"), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    # the advice is printed once and whole: the places looked in survive, and the summary does not repeat it
    assert result.stderr.count("translator models pull") == 1
    assert result.stderr.count("Looked in:") == 1
    assert "translator models add PATH" in result.stderr and "Hugging Face cache" in result.stderr
    assert "translation: skipped: Translation model 'Helsinki-NLP/opus-mt-ar-en' not found." in result.stderr
    segments = read_table(out, "segments")
    arabic = segments[segments["lang"] == "ar"]
    assert len(arabic) >= 10
    assert arabic["translation"].isna().all()
    assert set(arabic["translation_status"]) == {"no_model"}
    assert arabic["translation_note"].str.contains("opus-mt-ar-en").all()
    assert set(segments.loc[segments["lang"] == "en", "translation_status"]) == {"not_arabic"}
    citations = read_table(out, "citations")
    rt = citations[citations["outlet_canonical"] == "RT Arabic"]
    assert rt["date"].tolist() == ["2022-05-26"]
    documents = read_table(out, "documents")
    assert len(documents) == len(list((ROOT / "corpus").iterdir()))
    for name in ("documents", "segments", "citations", "errors"):
        assert (out / f"{name}.parquet").exists() and (out / f"{name}.csv").exists()
    banner = re.search(r'<p class="warn" id="translation-banner">(.*?)</p>', (out / "report.html").read_text(
        encoding="utf-8"), re.S).group(1)
    assert banner.count("translator models pull") == 1 and "Looked in: toolkit registry" in banner
    assert "Hugging Face cache" in banner and "Looked in:." not in banner
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["summary"]["documents"] == len(documents)


def test_batch_with_the_tiny_model_translates_segments_and_headlines(pairs_corpus: Path, tmp_path: Path,
                                                                     tiny_model: Path) -> None:
    out = tmp_path / "out"
    summary = run_batch(pairs_corpus, out, model=str(tiny_model), progress=False)
    assert summary.ok and summary.translation == "on"
    segments = read_table(out, "segments")
    expected = dict(zip(PAIRS["arabic"], PAIRS["english"], strict=True))
    arabic = segments[segments["lang"] == "ar"]
    hits = [expected.get(t.strip("“”")) == tr for t, tr in zip(arabic["text"], arabic["translation"], strict=True)]
    assert len(hits) >= 20 and sum(hits) / len(hits) >= 0.9
    # glossary terms are found in the Arabic and checked in the translation (the model learnt them right)
    with_terms = arabic[arabic["terms_found"] > 0]
    assert len(with_terms) >= 10
    assert (with_terms["terms_placed"] == with_terms["terms_found"]).mean() >= 0.9
    assert (with_terms["terms_exact"] <= with_terms["terms_placed"]).all()
    assert "Algeria" in " ".join(with_terms["glossary_terms"])
    citations = read_table(out, "citations")
    row = citations[citations["outlet_canonical"].fillna("").str.contains("Araby")].iloc[0]
    assert row["title_english"] == PAIRS["english"][1]  # the human rendering, kept
    assert row["title_english_machine"] == PAIRS["english"][1]  # the tiny model learnt the same sentence
    # translation QA (issue 17): every translation checked; a flagged machine translation is suspicious
    flags = [json.loads(f) for f in arabic["qa_flags"]]
    assert all(isinstance(f, list) for f in flags)
    flagged = [bool(f) for f in flags]
    assert (arabic.loc[flagged, "translation_status"] == "suspicious").all()
    right = [not f for f, hit in zip(flagged, hits, strict=True) if hit]
    assert sum(right) / len(right) >= 0.9  # the published renderings pass
    assert json.loads(row["qa_flags"]) == []  # the human title rendering was checked too


def test_bad_documents_are_recorded_and_the_others_still_processed(pairs_corpus: Path, tmp_path: Path) -> None:
    (pairs_corpus / "empty.txt").write_bytes(b"")
    (pairs_corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (pairs_corpus / "broken.txt").write_bytes(b"ok \xc3\x28 \xff\xfe\x80\x81\x8d\x8f\x90 \x9d\x9e")
    (pairs_corpus / "slides.pptx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "out"
    result = cli("batch", str(pairs_corpus), "--out", str(out), "--no-translate", "--quiet")
    assert result.returncode == 1
    errors = read_table(out, "errors").set_index("path")
    assert set(errors.index) == {"empty.txt", "image.txt", "broken.txt", "slides.pptx"}
    assert "empty file" in errors.loc["empty.txt", "message"]
    assert "binary" in errors.loc["image.txt", "message"]
    assert "invalid UTF-8" in errors.loc["broken.txt", "message"]
    assert "unsupported file type" in errors.loc["slides.pptx", "message"]
    assert set(read_table(out, "documents")["doc_id"]) == {"headlines-ar.txt", "note.md"}
    assert "4 failed" in result.stderr


def test_rerun_skips_unchanged_documents_and_redoes_changed_ones(pairs_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch(pairs_corpus, out, translate=False, progress=False)
    assert first.processed_files == 2
    second = run_batch(pairs_corpus, out, translate=False, progress=False)
    assert (second.processed_files, second.unchanged_files) == (0, 2)
    assert read_table(out, "segments").shape == (first.segments, len(read_table(out, "segments").columns))
    (pairs_corpus / "note.md").write_text("# Changed\n\nمدينة تندوف\n", encoding="utf-8")
    (pairs_corpus / "headlines-ar.txt").unlink()
    third = run_batch(pairs_corpus, out, translate=False, progress=False)
    assert (third.processed_files, third.removed_files, third.documents) == (1, 1, 1)
    assert read_table(out, "segments")["text"].tolist() == ["Changed", "مدينة تندوف"]  # Markdown markup left out


def test_workers_give_the_same_tables_as_one_process(pairs_corpus: Path, tmp_path: Path) -> None:
    for i in range(6):
        shutil.copy(pairs_corpus / "note.md", pairs_corpus / f"copy-{i}.md")
    run_batch(pairs_corpus, tmp_path / "one", translate=False, progress=False, workers=1)
    run_batch(pairs_corpus, tmp_path / "two", translate=False, progress=False, workers=2)
    for name in ("documents", "segments", "citations"):
        pd.testing.assert_frame_equal(read_table(tmp_path / "one", name), read_table(tmp_path / "two", name))


def test_a_killed_run_resumes_without_redoing_finished_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (ROOT / "corpus" / "algeria-spain-gas.txt").read_text(encoding="utf-8")
    for i in range(400):
        (corpus / f"doc-{i:04d}.txt").write_text(f"Document {i}\n\n{text}", encoding="utf-8")
    out = tmp_path / "out"
    state = out / ".translator-state.sqlite"
    proc = subprocess.Popen([sys.executable, "-m", "translator", "batch", str(corpus), "--out", str(out),
                             "--no-translate", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if state.exists():
            try:
                with sqlite3.connect(state, timeout=1) as db:
                    done = db.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if done >= 64:
                break
    proc.kill()
    proc.wait()
    assert 64 <= done < 400, f"the run was not caught half-way ({done} documents done)"
    assert not (out / "segments.parquet").exists()  # tables are only written complete
    resumed = run_batch(corpus, out, translate=False, progress=False)
    assert resumed.unchanged_files >= done
    assert resumed.processed_files == 400 - resumed.unchanged_files
    assert resumed.documents == 400
    assert read_table(out, "documents")["doc_id"].is_unique


def test_a_bad_glossary_file_is_reported_and_the_run_still_translates(pairs_corpus: Path, tmp_path: Path,
                                                                      tiny_model: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_bytes(b"source\ttarget\ttype\tvariants\tnote\n"
                    + b"\xff\xfe broken\tx\tplace\t\t\n" + "تندوف\t\tplace\t\t\n".encode())
    out = tmp_path / "out"
    result = cli("batch", str(pairs_corpus), "--out", str(out), "--model", str(tiny_model), "--glossary", str(bad),
                 "--quiet")
    assert result.returncode == 0, result.stderr
    assert f"{bad}:2" in result.stderr and "UTF-8" in result.stderr
    assert f"{bad}:3" in result.stderr and "empty target" in result.stderr
    segments = read_table(out, "segments")
    assert segments.loc[segments["lang"] == "ar", "translation"].notna().all()


def test_excel_workbook_has_one_sheet_per_table_with_arabic_intact(pairs_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_batch(pairs_corpus, out, translate=False, progress=False, excel=True)
    sheets = pd.read_excel(summary.tables["excel"], sheet_name=None)
    assert list(sheets) == ["documents", "segments", "citations", "errors", "glossary_candidates"]  # finding 16
    assert sheets["segments"]["text"].tolist() == read_table(out, "segments")["text"].tolist()
    assert PAIRS["arabic"][0] in sheets["segments"]["text"].tolist()


def test_missing_model_advice_is_logged_once_and_not_again_when_nothing_changed(
        pairs_corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    with caplog.at_level(logging.INFO, logger="translator"):
        summary = run_batch(pairs_corpus, out, progress=False, chunk_size=1)  # several chunks, one warning
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING and "Looked in" in r.getMessage()]
    assert len(warnings) == 1 and "translator models pull" in warnings[0].getMessage()
    assert "Looked in:\n" in summary.translation  # the summary keeps the whole message
    assert summary.translation_state == "skipped: Translation model 'Helsinki-NLP/opus-mt-ar-en' not found."
    assert "translation skipped" not in capsys.readouterr().err  # the library logs; it does not print
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="translator"):
        again = run_batch(pairs_corpus, out, progress=False)
    assert again.processed_files == 0 and again.unchanged_files == summary.files
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_an_unchanged_rerun_does_not_load_the_model(pairs_corpus: Path, tmp_path: Path, tiny_model: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    out = tmp_path / "out"
    with caplog.at_level(logging.INFO, logger="translator"):
        first = run_batch(pairs_corpus, out, model=str(tiny_model), progress=False, use_memory=False)
    loads = [r for r in caplog.records if r.getMessage().startswith("loading the translation engine")]
    assert len(loads) == 1 and "load_model" in first.timings
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="translator"):
        again = run_batch(pairs_corpus, out, model=str(tiny_model), progress=False, use_memory=False)
    assert again.processed_files == 0 and again.translation == "on" and again.model["id"] == first.model["id"]
    assert again.translation_state == f"on ({first.model['id']}, {first.model['kind']})"
    assert not [r for r in caplog.records if r.getMessage().startswith("loading the translation engine")]
    assert "load_model" not in again.timings
    # a changed document without Arabic does not need the model either
    (pairs_corpus / "english.md").write_text("# Only English\n\nNothing to translate here.\n", encoding="utf-8")
    third = run_batch(pairs_corpus, out, model=str(tiny_model), progress=False, use_memory=False)
    assert third.processed_files == 1 and "load_model" not in third.timings
    arabic = read_table(out, "segments").query("lang == 'ar'")
    assert len(arabic) >= 20 and arabic["translation"].notna().all()  # earlier translations are kept


def test_a_model_that_fails_to_load_leaves_the_files_to_redo(pairs_corpus: Path, tmp_path: Path,
                                                              tiny_ct2_model: Path) -> None:
    broken = tmp_path / "broken-ct2"
    shutil.copytree(tiny_ct2_model, broken)
    (broken / "model.bin").write_bytes(b"not a model")
    out = tmp_path / "out"
    first = run_batch(pairs_corpus, out, model=str(broken), engine="ctranslate2", progress=False, use_memory=False)
    assert "CTranslate2 could not load" in first.translation and first.translation_state.startswith("skipped: ")
    segments = read_table(out, "segments")
    assert set(segments.loc[segments["lang"] == "ar", "translation_status"]) == {"no_model"}
    again = run_batch(pairs_corpus, out, model=str(tiny_ct2_model), engine="ctranslate2", progress=False,
                      use_memory=False)
    assert again.processed_files == first.processed_files and again.translation == "on"
    assert read_table(out, "segments").query("lang == 'ar'")["translation"].notna().all()
def test_human_title_renderings_are_checked_without_a_model(pairs_corpus: Path, tmp_path: Path) -> None:
    (pairs_corpus / "wrong.md").write_text(
        "“سجلت ٣٤٥ إصابة جديدة\n\n(354 new cases recorded),” al-Araby al-Jadid (Qatari-aligned daily), 7 June 2022.\n",
        encoding="utf-8")
    out = tmp_path / "out"
    run_batch(pairs_corpus, out, translate=False, progress=False)
    citations = read_table(out, "citations")
    araby = citations[citations["outlet_canonical"].fillna("").str.contains("Araby")]
    by_title = {r["title_english"]: json.loads(r["qa_flags"]) for _, r in araby.iterrows()}
    assert by_title[PAIRS["english"][1]] == []
    [flag] = by_title["354 new cases recorded"]
    assert flag["kind"] == "number" and "345" in flag["detail"]
    assert "Translation QA" in (out / "report.html").read_text(encoding="utf-8")

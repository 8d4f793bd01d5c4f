"""Fuzzy matches in the HTML report (issue 18): earlier human translations of similar Arabic segments.

Shown only for Arabic segments the report shows without a human translation of their own; looked up in the
memory the run used (manifest.json), opened read-only: a missing memory shows nothing and is never created.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from translator.corpus import rows, tables
from translator.corpus.report import render_report, write_report
from translator.corpus.run import run_batch
from translator.errors import InputError
from translator.mt.fuzzy import fold_for_fuzzy
from translator.mt.memory import TranslationMemory

NEW = "الجيش الجزائري ينفذ مناورات تحاكي قتالاً ليلياً قرب الحدود مع المغرب"
EARLIER = "الجيش الجزائري ينفذ مناورات تحاكي قتالا ليليا قرب الحدود مع تونس"  # another border, no tanween
EARLIER_EN = "The Algerian army holds night-combat drills near the border with Tunisia"
OWN = "لافروف: علاقاتنا مع الجزائر تصل إلى مستوى جديد"
OWN_VARIANT = "لافروف: علاقاتنا مع الجزائر تصل الى مستوى جديد جدا"
EVIL = '<script>window.pwned=1</script>'


def expected_score(a: str, b: str) -> int:
    """The match percentage computed here with rapidfuzz on the folded texts, as CAT tools count it."""
    return round(fuzz.ratio(fold_for_fuzzy(a), fold_for_fuzzy(b)))


def write_run(out: Path, *, manifest_options: dict | None = None) -> None:
    doc = {"doc_id": "a.txt", "path": "a.txt", "format": "text", "title": "a", "lang": "ar",
           "n_segments": 3, "n_arabic_segments": 2, "n_citations": 0}
    segs = [
        {"doc_id": "a.txt", "segment_id": 0, "text": NEW, "lang": "ar", "lang_confidence": 0.99,
         "translation": "The Algerian army conducts maneuvers", "translation_status": "translated"},
        {"doc_id": "a.txt", "segment_id": 1, "text": OWN, "lang": "ar", "lang_confidence": 0.99,
         "translation": "Lavrov: relations", "translation_human": "Lavrov: Our relations with Algeria",
         "translation_status": "translated"},
        {"doc_id": "a.txt", "segment_id": 2, "text": "Algeria and Morocco", "lang": "en", "lang_confidence": 0.9,
         "translation_status": "not_arabic"},
    ]
    tables.write_table(out, "documents", tables.DOCUMENTS, [[doc]])
    tables.write_table(out, "segments", tables.SEGMENTS, [segs])
    tables.write_table(out, "citations", rows.arrow_schema("citations"), [[]])
    tables.write_table(out, "errors", tables.ERRORS, [[]])
    if manifest_options is not None:
        (out / "manifest.json").write_text(json.dumps({"options": manifest_options}), encoding="utf-8")


def segment_row(page: str, segment_id: int) -> str:
    rows = re.findall(r"<tr>\n<td>(\d+)</td>(.*?)</tr>", page, re.S)
    return next(body for sid, body in rows if int(sid) == segment_id)


def fill_memory(path: Path) -> None:
    with TranslationMemory(path) as memory:
        memory.put_human(EARLIER, EARLIER_EN, state="final", translator="Amal")
        memory.put_human(OWN_VARIANT, "Lavrov: a very new level", state="translated")


def test_report_shows_the_best_earlier_human_translation_with_its_score(tmp_path: Path) -> None:
    tm = tmp_path / "tm.sqlite"
    fill_memory(tm)
    out = tmp_path / "out"
    write_run(out, manifest_options={"use_memory": True, "memory_path": str(tm)})
    digest = hashlib.sha256(tm.read_bytes()).hexdigest()
    page = write_report(out).read_text(encoding="utf-8")

    score = expected_score(NEW, EARLIER)
    assert 75 <= score < 100
    row = segment_row(page, 0)
    assert f"fuzzy {score}%" in row and "(final)" in row
    assert f'<bdi dir="rtl" class="rtl fuzzy-source">{EARLIER}</bdi>' in row
    assert f'<bdi dir="auto" class="fuzzy-target">{EARLIER_EN}</bdi>' in row
    # a segment with its own human translation, and an English one, get none
    assert expected_score(OWN, OWN_VARIANT) >= 75
    assert "fuzzy" not in segment_row(page, 1) and "fuzzy" not in segment_row(page, 2)
    assert re.search(r'id="fuzzy-summary">Fuzzy matches: 1 Arabic segment without a human translation has .* '
                     r'≥ 75%', page)
    assert hashlib.sha256(tm.read_bytes()).hexdigest() == digest  # read-only: the memory is unchanged


def test_threshold_above_the_score_shows_nothing_and_a_bad_one_is_refused(tmp_path: Path) -> None:
    tm = tmp_path / "tm.sqlite"
    fill_memory(tm)
    out = tmp_path / "out"
    write_run(out)
    score = fuzz.ratio(fold_for_fuzzy(NEW), fold_for_fuzzy(EARLIER))
    assert 'class="fuzzy-score"' in render_report(out, memory_path=tm, fuzzy_threshold=score - 0.5)
    assert 'class="fuzzy-score"' not in render_report(out, memory_path=tm, fuzzy_threshold=score + 0.5)
    with pytest.raises(InputError, match="0 to 100"):
        render_report(out, memory_path=tm, fuzzy_threshold=120)


def test_no_memory_shows_nothing_and_creates_no_file(tmp_path: Path, translator_home: Path) -> None:
    out = tmp_path / "out"
    write_run(out)  # no manifest: the default memory in TRANSLATOR_HOME, which does not exist
    page = render_report(out)
    assert "fuzzy" not in page.split("<h2>Side by side</h2>")[1].split("<h2>Translation QA</h2>")[0]
    assert not (translator_home / "translation-memory.sqlite").exists()
    missing = tmp_path / "elsewhere" / "tm.sqlite"
    write_run(out, manifest_options={"use_memory": True, "memory_path": str(missing)})
    assert 'class="fuzzy-score"' not in render_report(out)
    assert not missing.exists() and not missing.parent.exists()


def test_a_run_without_memory_shows_no_matches_even_if_a_memory_exists(tmp_path: Path) -> None:
    tm = tmp_path / "tm.sqlite"
    fill_memory(tm)
    out = tmp_path / "out"
    write_run(out, manifest_options={"use_memory": False, "memory_path": str(tm)})
    assert 'class="fuzzy-score"' not in render_report(out)


def test_an_unusable_memory_shows_nothing_and_is_left_alone(tmp_path: Path) -> None:
    bad = tmp_path / "tm.sqlite"
    bad.write_bytes(b"not a database at all" * 10)
    out = tmp_path / "out"
    write_run(out, manifest_options={"use_memory": True, "memory_path": str(bad)})
    assert 'class="fuzzy-score"' not in render_report(out)
    assert bad.read_bytes() == b"not a database at all" * 10


def test_text_from_the_memory_stays_escaped(tmp_path: Path) -> None:
    tm = tmp_path / "tm.sqlite"
    with TranslationMemory(tm) as memory:
        memory.put_human(EARLIER + " " + EVIL, EVIL + " Algerian drills", state="translated")
    out = tmp_path / "out"
    write_run(out, manifest_options={"use_memory": True, "memory_path": str(tm)})
    page = render_report(out)
    row = segment_row(page, 0)
    assert 'class="fuzzy-score"' in row
    assert "<script>" not in page
    assert row.count("&lt;script&gt;window.pwned=1&lt;/script&gt;") == 2  # the earlier source and its rendering


@pytest.mark.slow
def test_batch_report_shows_fuzzy_matches_from_the_runs_memory(tmp_path: Path, tiny_model: Path) -> None:
    corpus, out, tm = tmp_path / "corpus", tmp_path / "out", tmp_path / "tm.sqlite"
    corpus.mkdir()
    (corpus / "a.txt").write_text(f"{NEW}\n\nمصر والسعودية تبحثان الأمن في البحر الأحمر\n", encoding="utf-8")
    fill_memory(tm)
    summary = run_batch(corpus, out, model=str(tiny_model), engine="transformers", threads=1, memory_path=tm,
                        progress=False)
    assert summary.ok
    page = (out / "report.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>\n<td>\d+</td>(.*?)</tr>", page, re.S)
    new_row = next(r for r in rows if "الحدود مع المغرب" in r)
    assert f"fuzzy {expected_score(NEW, EARLIER)}%" in new_row and EARLIER_EN in new_row
    assert sum('class="fuzzy-score"' in r for r in rows) == 1  # the other segment has no similar translation
    # `translator report` later rewrites it from the manifest's options: the same matches
    assert f"fuzzy {expected_score(NEW, EARLIER)}%" in render_report(out)


def test_translator_report_command_takes_memory_threshold_and_no_memory(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture) -> None:
    from translator.cli import main

    tm = tmp_path / "tm.sqlite"
    fill_memory(tm)
    out = tmp_path / "out"
    write_run(out, manifest_options={"use_memory": True, "memory_path": str(tm)})
    report = out / "report.html"
    score = fuzz.ratio(fold_for_fuzzy(NEW), fold_for_fuzzy(EARLIER))
    assert main(["report", str(out)]) == 0 and capsys.readouterr().out.strip() == str(report)
    assert 'class="fuzzy-score"' in report.read_text(encoding="utf-8")
    assert main(["report", str(out), "--no-memory"]) == 0
    assert 'class="fuzzy-score"' not in report.read_text(encoding="utf-8")
    assert main(["report", str(out), "--threshold", f"{score + 0.5}"]) == 0
    assert 'class="fuzzy-score"' not in report.read_text(encoding="utf-8")
    other = tmp_path / "other.sqlite"
    with TranslationMemory(other) as memory:
        memory.put_human(EARLIER, "Another rendering of the drills", state="translated")
    assert main(["report", str(out), "--memory", str(other)]) == 0
    page = report.read_text(encoding="utf-8")
    assert "Another rendering of the drills" in page and EARLIER_EN not in page

"""Open the HTML report in a real headless Chromium: injected scripts never run, Arabic reads right to left."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from translator.corpus.pipeline import run_batch

from .browser import Browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("TRANSLATOR_TEST_ARTIFACTS", ROOT / "artifacts"))
INJECTION = ('<script>window.__pwned = "script"</script>'
             '<img src="x" onerror="window.__pwned = \'onerror\'">'
             '<svg onload="window.__pwned = \'svg\'"></svg>')


@pytest.fixture(scope="module")
def browser():
    b = Browser()
    yield b
    b.close()


@pytest.mark.slow
def test_report_in_chromium_runs_no_injected_script_and_sets_arabic_right_to_left(tmp_path: Path, browser) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    (corpus / "injected.txt").write_text(
        f"Injected {INJECTION}\n\n“مدينة تندوف {INJECTION}\n\n(The city of Tindouf {INJECTION}),” "
        f"RT Arabic (Russian Arabic-language news site), 26 May 2022.\n", encoding="utf-8")
    (corpus / "injected.html").write_text(
        f"<html><head><title>{INJECTION}</title></head><body><p>الجزائر &lt;script&gt;window.__pwned='entity'"
        f"&lt;/script&gt;</p><script>window.__pwned='page'</script></body></html>", encoding="utf-8")
    out = tmp_path / "out"
    run_batch(corpus, out, translate=False, progress=False)
    browser.open((out / "report.html").as_uri())

    assert browser.evaluate("window.__pwned === undefined") is True
    assert browser.evaluate("document.querySelectorAll('script, img, svg').length") == 0
    # the injected markup is shown as text
    assert browser.evaluate("document.body.innerText.includes('<script>window.__pwned')") is True

    directions = browser.evaluate("""
      Array.from(document.querySelectorAll('td')).filter(td => /[\\u0600-\\u06ff]/.test(td.innerText.trim()[0] || ''))
        .map(td => getComputedStyle(td).direction)""")
    assert directions and set(directions) == {"rtl"}
    latin = browser.evaluate("""
      Array.from(document.querySelectorAll('#documents td')).filter(td => /^[A-Za-z]/.test(td.innerText.trim()))
        .map(td => getComputedStyle(td).direction)""")
    assert latin and set(latin) == {"ltr"}

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = browser.screenshot(ARTIFACTS / "report.png")
    assert shot.stat().st_size > 10_000

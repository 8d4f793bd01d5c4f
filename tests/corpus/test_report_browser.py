"""Open the HTML report in a real headless Chromium: injected scripts never run, Arabic reads right to left."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from translator.corpus.run import run_batch

from ..browser import Browser, require_chromium

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("TRANSLATOR_TEST_ARTIFACTS", ROOT / "artifacts"))
INJECTION = ('<script>window.__pwned = "script"</script>'
             '<img src="x" onerror="window.__pwned = \'onerror\'">'
             '<svg onload="window.__pwned = \'svg\'"></svg>')


@pytest.fixture(scope="module")
def browser():
    require_chromium()
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


@pytest.mark.slow
def test_exported_notebook_in_chromium_runs_no_script_and_reads_arabic_right_to_left(tmp_path: Path,
                                                                                   browser) -> None:
    import nbformat
    import pandas as pd

    from translator.notebook import table
    from translator.notebook.run import export_html

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Headlines\n\nالجيش الجزائري ينفذ مناورات قرب الحدود مع المغرب"),
                nbformat.v4.new_code_cell("show()")]
    frame = pd.DataFrame({"text": ["مدينة تندوف " + INJECTION, "The city of Tindouf"]})
    nb.cells[1].outputs = [
        nbformat.v4.new_output("display_data", data={"text/html": table(frame)._repr_html_()}),
        # an output that carries live markup (as a careless notebook might): the page policy must stop it
        nbformat.v4.new_output("display_data", data={"text/html": INJECTION}),
    ]
    page = export_html(nb, tmp_path / "nb.html")
    browser.open(page.as_uri())
    time.sleep(0.5)  # let any (blocked) onerror/onload handler fire
    assert browser.evaluate("window.__pwned === undefined") is True
    assert browser.evaluate("document.querySelectorAll('mark, table').length") >= 1
    assert browser.evaluate("document.body.innerText.includes('<h1')") is False  # markdown rendered, not escaped
    heading = browser.evaluate("""
      (() => { const p = Array.from(document.querySelectorAll('p')).find(p => p.innerText.startsWith('الجيش'));
               const r = document.createRange(); r.selectNodeContents(p);
               const rects = r.getClientRects(); const box = p.getBoundingClientRect();
               return {right: Math.round(box.right - rects[rects.length - 1].right),
                       bidi: getComputedStyle(p).unicodeBidi}; })()""")
    assert heading["bidi"] == "plaintext"
    assert heading["right"] <= 2, "an Arabic paragraph must hug the right edge"
    cells = browser.evaluate("""
      Array.from(document.querySelectorAll('td')).filter(td => /^[\\u0600-\\u06ff]/.test(td.innerText.trim()))
        .map(td => getComputedStyle(td).direction)""")
    assert cells and set(cells) == {"rtl"}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.screenshot(ARTIFACTS / "notebook.png")


@pytest.mark.slow
def test_exported_notebook_cannot_navigate_away(tmp_path: Path, browser) -> None:
    """Markdown may carry a meta refresh, a <base> or a form (issue #13): the export drops them, and its
    Content-Security-Policy closes base-uri and form-action as well."""
    import nbformat

    from translator.notebook.run import export_html

    markdown = ('<meta http-equiv="refresh" content="0; url=about:blank#navigated">\n'
                '<base href="https://example.org/">\n'
                '<form action="about:blank#submitted"><button id="go">go</button></form>\n\n'
                '| البلد | العاصمة |\n|---|---|\n| الجزائر | **الجزائر العاصمة** |\n')
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(markdown)]
    page = export_html(nb, tmp_path / "nb.html")
    html = page.read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' not in html and "<base" not in html and "<form" not in html
    assert "base-uri 'none'" in html and "form-action 'none'" in html
    browser.open(page.as_uri())
    browser.evaluate("document.getElementById('go') && document.getElementById('go').click()")
    time.sleep(1.0)  # a refresh or a submission would have navigated by now (a slow machine can only pass it)
    assert browser.evaluate("location.href") == page.as_uri()
    assert browser.evaluate("document.baseURI") == page.as_uri()
    assert browser.evaluate("document.querySelectorAll('table strong').length") == 1  # tables and formatting kept

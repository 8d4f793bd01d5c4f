"""Every notebook runs headless on the sample corpus with the tiny trained model and exports to HTML."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from translator.cli import main
from translator.errors import InputError
from translator.notebook.run import export_html, inject_parameters, resolve_parameters, run_notebook

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def test_the_six_notebooks_exist_with_a_parameters_cell_and_no_outputs() -> None:
    names = [p.stem for p in NOTEBOOKS]
    assert names == ["01-quickstart", "02-detect-language", "03-translate-with-glossary",
                     "04-citations-to-table", "05-batch-corpus", "06-review"]
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, f"{path.name}: needs exactly one cell tagged 'parameters'"
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, f"{path.name}: outputs not stripped"


def test_injected_parameters_follow_the_parameters_cell() -> None:
    nb = nbformat.read(NOTEBOOKS[0], as_version=4)
    index = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    inject_parameters(nb, {"out_dir": "/tmp/x", "model": None})
    assert nb.cells[index + 1].source.endswith("out_dir = '/tmp/x'\nmodel = None")


def test_path_parameters_are_resolved_from_the_given_directory(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "my-model").mkdir()
    notebook = ROOT / "notebooks" / "05-batch-corpus.ipynb"
    resolved = resolve_parameters(notebook, {"corpus_dir": "news", "out_dir": "out/today", "model": "my-model",
                                             "engine": "auto", "workers": 2, "excel": False}, tmp_path)
    assert resolved == {"corpus_dir": str(tmp_path / "news"), "out_dir": str(tmp_path / "out" / "today"),
                        "model": str(tmp_path / "my-model"), "engine": "auto", "workers": 2, "excel": False}
    # a model id is not a path here; an absolute path is kept
    assert resolve_parameters(notebook, {"model": "Helsinki-NLP/opus-mt-ar-en", "corpus_dir": str(tmp_path)},
                              ROOT) == {"model": "Helsinki-NLP/opus-mt-ar-en", "corpus_dir": str(tmp_path)}
    with pytest.raises(InputError, match=r"^corpus_dir=gone: no such folder"):
        resolve_parameters(notebook, {"corpus_dir": "gone"}, tmp_path)
    with pytest.raises(InputError, match=r"^unknown parameter\(s\) corpus, outdir: this notebook takes corpus_dir, "):
        resolve_parameters(notebook, {"corpus": "news", "outdir": "x"}, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_exports_right_to_left_html(path: Path, tmp_path: Path, tiny_model: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    nb = run_notebook(path, parameters={"corpus_dir": str(corpus), "out_dir": str(tmp_path / "out"),
                                        "model": str(tiny_model)}, cwd=tmp_path, timeout=300)
    outputs = json.dumps([c.get("outputs", []) for c in nb.cells], ensure_ascii=False)
    assert '"output_type": "error"' not in outputs
    html = export_html(nb, tmp_path / f"{path.stem}.html").read_text(encoding="utf-8")
    assert "unicode-bidi: plaintext" in html  # the project template is in use
    assert not re.search(r'<script[^>]+src="https?://', html), "the page must work offline"
    assert re.search(r"[\u0600-\u06ff]{3}", html), "Arabic text is shown"
    for markup in ("&lt;h1", "&lt;p&gt;", "&lt;style", "&lt;table", "&lt;mark", "<mark class=\"tr-term\"><mark"):
        assert markup not in html, f"markup shown as text or nested: {markup}"
    # Progress bars are tqdm's notebook widgets (ipywidgets is installed), not a red "IProgress not found".
    stderr = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.get("name") == "stderr")
    assert "IProgress not found" not in stderr
    if path.stem in ("01-quickstart", "03-translate-with-glossary", "05-batch-corpus"):
        assert "application/vnd.jupyter.widget-view+json" in outputs, "the batch progress bar is a widget"
    assert "<script" not in html, "no script at all in the page: no widget manager, no CDN"
    if path.stem in ("04-citations-to-table", "05-batch-corpus"):
        assert _png_sizes(html), "the charts are in the exported page"
    if path.stem != "02-detect-language":
        # The sample corpus quotes headlines the tiny model was trained on: their translation must show.
        assert "Algeria" in outputs and ("dir=\\\"rtl\\\"" in outputs or 'dir="rtl"' in html)


def _png_sizes(html: str) -> list[tuple[int, int]]:
    """Width and height of every PNG embedded in the page as a data: URL (read from the PNG header)."""
    sizes = []
    for data in re.findall(r'<img[^>]*\ssrc="data:image/png;base64,([A-Za-z0-9+/=\s]+)"', html):
        png = base64.b64decode(data)
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR", "not a PNG"
        sizes.append(struct.unpack(">II", png[16:24]))
    return sizes


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "translator", "notebook", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_notebook_run_reads_relative_paths_from_the_callers_directory_and_exports_the_charts(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    notebook = ROOT / "notebooks" / "04-citations-to-table.ipynb"  # needs no model
    done = _cli("run", str(notebook), "-p", "corpus_dir=corpus", "-p", "out_dir=out", "--html", "page.html",
                cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "page.html"
    assert "Kernel is running over TCP" not in done.stderr
    saved = pd.read_parquet(tmp_path / "out" / "citations.parquet")  # out_dir=out is the caller's out/
    assert set(saved["doc_id"]) <= {p.name for p in (tmp_path / "corpus").iterdir()} and len(saved) >= 5
    assert not (ROOT / "notebooks" / "out").exists()
    html = (tmp_path / "page.html").read_text(encoding="utf-8")
    # The chart is an embedded PNG, allowed by the page's policy, which still forbids every script.
    [(width, height)] = _png_sizes(html)
    assert width > 300 and height > 100
    policy = re.search(r'<meta[^>]*content="([^"]*)"[^>]*http-equiv="Content-Security-Policy"', html)
    assert policy, "the page keeps its Content-Security-Policy"
    assert "default-src 'none'" in policy.group(1) and "img-src data:" in policy.group(1)
    assert "script-src" not in policy.group(1) and "<script" not in html
    # A missing input folder: one line, exit 2, nothing run (the same through `python -m translator`).
    done = _cli("run", str(notebook), "-p", "corpus_dir=elsewhere", "--html", "other.html", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"translator: error: corpus_dir=elsewhere: no such folder ({tmp_path.resolve()}/elsewhere)\n"
    assert not (tmp_path / "other.html").exists()


@pytest.mark.parametrize(("parameters", "message"), [
    (["-p", "corpus_dir=no-such-corpus"], "corpus_dir=no-such-corpus: no such folder ({cwd}/no-such-corpus)"),
    (["-p", "corpus=corpus"], "unknown parameter(s) corpus: this notebook takes corpus_dir, out_dir, model"),
    (["-p", "corpus_dir"], "parameter 'corpus_dir': expected NAME=VALUE"),
])
def test_notebook_run_bad_parameters_are_one_line_and_exit_2(tmp_path: Path, parameters: list[str], message: str,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)  # in-process: the subprocess test above covers `python -m translator`
    code = main(["notebook", "run", str(ROOT / "notebooks" / "04-citations-to-table.ipynb"), *parameters])
    assert code == 2
    assert capsys.readouterr().err == f"translator: error: {message.format(cwd=tmp_path.resolve())}\n"
    assert not list(tmp_path.iterdir()), "nothing written"


def test_a_missing_or_broken_notebook_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["notebook", "run", "nope.ipynb"]) == 2
    assert capsys.readouterr().err == "translator: error: nope.ipynb: no such notebook\n"
    (tmp_path / "broken.ipynb").write_text('{"cells": [', encoding="utf-8")
    for action in ("run", "export"):
        assert main(["notebook", action, "broken.ipynb"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("translator: error: broken.ipynb: not a Jupyter notebook (NotJSONError")
        assert len(err.splitlines()) == 1


@pytest.mark.slow
def test_a_failing_cell_is_one_line_naming_it_and_the_traceback_is_saved(tmp_path: Path) -> None:
    notebook = ROOT / "notebooks" / "02-detect-language.ipynb"
    done = _cli("run", str(notebook), "-p", "detector=nosuch", "-p", "out_dir=out", "--save", "run.ipynb",
                "--html", "run.html", cwd=tmp_path)
    assert done.returncode == 2
    [line] = done.stderr.splitlines()  # no traceback, no kernel chatter
    prefix = f"translator: error: {notebook}: the cell starting `import pandas as pd` failed: InputError: "
    assert line.startswith(prefix) and "'nosuch'" in line, line
    assert line.endswith(" (the executed part, with the traceback, is in run.ipynb)")
    executed = nbformat.read(tmp_path / "run.ipynb", as_version=4)
    [error] = [o for o in executed.cells[3].outputs if o.output_type == "error"]
    assert error.ename == "InputError" and len(error.traceback) > 1
    assert not (tmp_path / "run.html").exists() and not (tmp_path / "out").exists()


def test_outside_a_notebook_the_progress_bar_is_plain_text_on_stderr(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    # The same library call as in the notebooks (tqdm.auto), here outside IPython: tqdm's text bar, not a widget.
    from translator.corpus.run import run_batch

    run_batch(ROOT / "corpus", tmp_path / "out", translate=False, progress=True, report=False)
    captured = capsys.readouterr()
    documents = len(list((ROOT / "corpus").iterdir()))
    assert re.search(rf"documents: 100%\|[^|]*\| {documents}/{documents} ", captured.err), captured.err
    assert "IProgress" not in captured.err and "HBox" not in captured.err and captured.out == ""

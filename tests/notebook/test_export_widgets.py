"""Exported notebooks leave widgets out: no stale plain-text fallback of a progress bar (new-user trial 6, F12)."""

from __future__ import annotations

import nbformat

from translator.notebook.run import export_html

WIDGET = "application/vnd.jupyter.widget-view+json"


def _notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    run = nbformat.v4.new_code_cell("summary = run_batch(corpus_dir, out_dir)")
    # What tqdm's notebook bar leaves in a saved notebook: the widget view and its text at first display.
    run.outputs = [nbformat.v4.new_output("display_data", data={
        WIDGET: {"model_id": "5f0c", "version_major": 2, "version_minor": 0},
        "text/plain": "documents:   0%|          | 0/16 [00:00<?, ?file/s]"}),
        nbformat.v4.new_output("stream", name="stdout", text="16 documents, 104 segments\n")]
    review = nbformat.v4.new_code_cell("widget")
    # A widget that offers its own static view (ReviewWidget): the view is kept.
    review.outputs = [nbformat.v4.new_output("execute_result", execution_count=2, data={
        WIDGET: {"model_id": "77aa", "version_major": 2, "version_minor": 0},
        "text/html": "<p>Segment 1 of 43 · <b>needs-translation</b></p>",
        "text/plain": "ReviewWidget(children=(HTML(value='Segment 1 of 43'),))"})]
    nb.cells = [run, review]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return nb


def test_progress_bar_fallback_is_not_exported(tmp_path):
    nb = _notebook()
    html = export_html(nb, tmp_path / "out.html").read_text(encoding="utf-8")
    assert "0/16" not in html and "documents:   0%" not in html
    assert "16 documents, 104 segments" in html  # the cell's own printed output stays
    assert "Segment 1 of 43" in html and "<b>needs-translation</b>" in html  # the static view stays
    assert "ReviewWidget(children" not in html
    # the notebook passed in is not changed
    assert WIDGET in nb.cells[0].outputs[0]["data"] and "widgets" in nb.metadata

"""Run a notebook with parameters and export it to HTML, the way our users (and our tests) do.

Parameters follow the papermill convention: the cell tagged ``parameters`` holds defaults, and a cell
injected right after it (tagged ``injected-parameters``) overrides them. Execution uses nbclient; export
uses nbconvert with the project template ``translator`` (offline, right-to-left aware, scripts forbidden).
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from ..corpus.tables import atomic_write_text
from ..errors import InputError

__all__ = ["TEMPLATE_DIR", "export_html", "inject_parameters", "run_notebook", "with_auto_direction"]

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"


def inject_parameters(nb: nbformat.NotebookNode, parameters: dict[str, object]) -> nbformat.NotebookNode:
    """Insert a cell assigning ``parameters`` after the cell tagged ``parameters`` (or at the top)."""
    if not parameters:
        return nb
    source = "# Parameters injected by translator\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = ["injected-parameters"]
    index = next((i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])),
                 0)
    nb.cells.insert(index, cell)
    return nb


def run_notebook(path: Path | str, *, parameters: dict[str, object] | None = None, cwd: Path | str | None = None,
                 timeout: int = 600, output: Path | str | None = None) -> nbformat.NotebookNode:
    """Execute a notebook (in its own folder unless ``cwd`` is given); optionally save the executed copy.

    Raises :class:`InputError` when a cell fails (the message shows the cell's error).
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    nb = inject_parameters(nbformat.read(path, as_version=4), parameters or {})
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd or path.parent)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        raise InputError(f"{path}: a cell failed:\n{exc}") from exc
    if output:
        atomic_write_text(Path(output), nbformat.writes(nb))
    return nb


def export_html(nb: nbformat.NotebookNode | Path | str, output: Path | str) -> Path:
    """Export to a self-contained HTML page with the ``translator`` template; returns the path."""
    from nbconvert import HTMLExporter

    if not isinstance(nb, nbformat.NotebookNode):
        nb = nbformat.read(Path(nb), as_version=4)
    # Outputs are not run through nbconvert's sanitizer: it escapes the markup of rendered Markdown and of our
    # tables instead of keeping it. Safety comes from the template's Content-Security-Policy, which forbids
    # every script (inline ones and event handlers included), and from our display helpers escaping text.
    exporter = HTMLExporter(template_name="translator", extra_template_basedirs=[str(TEMPLATE_DIR)],
                            embed_images=True)
    body, _ = exporter.from_notebook_node(nb)
    atomic_write_text(Path(output), with_auto_direction(body))
    return Path(output)


_BLOCKS = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", "figcaption")


def with_auto_direction(page: str) -> str:
    """Give every text block without a ``dir`` the attribute ``dir="auto"``.

    Browsers then take each paragraph's and cell's direction from its first strong character, so an Arabic
    line in Markdown or in a plain pandas table reads (and aligns) right to left; CSS alone cannot do that
    (``unicode-bidi: plaintext`` reorders the text but Chromium still aligns it to the left).
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "lxml")
    for tag in soup.find_all(_BLOCKS):
        if not tag.has_attr("dir"):
            tag["dir"] = "auto"
    return str(soup)

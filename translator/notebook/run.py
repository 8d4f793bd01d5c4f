"""Run a notebook with parameters and export it to HTML, the way our users (and our tests) do.

Parameters follow the papermill convention: the cell tagged ``parameters`` holds defaults, and a cell
injected right after it (tagged ``injected-parameters``) overrides them. Execution uses nbclient; export
uses nbconvert with the project template ``translator`` (offline, right-to-left aware, scripts forbidden).
"""

from __future__ import annotations

import ast
import copy
import re
from pathlib import Path

import nbformat

from ..atomic import atomic_write_text
from ..errors import InputError

__all__ = ["TEMPLATE_DIR", "export_html", "inject_parameters", "notebook_parameters", "read_notebook",
           "resolve_parameters", "run_notebook", "with_auto_direction"]

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def read_notebook(path: Path | str) -> nbformat.NotebookNode:
    """Read a notebook file (nbformat 4); raises ``InputError`` when it is missing or not a notebook."""
    try:
        return nbformat.read(Path(path), as_version=4)
    except OSError as exc:
        raise InputError(f"{path}: cannot read the notebook ({exc.strerror or exc})") from exc
    except Exception as exc:  # nbformat raises JSON, validation and version errors of several kinds
        raise InputError(f"{path}: not a Jupyter notebook ({type(exc).__name__}: {exc})".splitlines()[0]) from exc


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


def notebook_parameters(nb: nbformat.NotebookNode | Path | str) -> dict[str, object]:
    """The names assigned in the cell tagged ``parameters`` and their default values (``None`` when not a literal).

    Raises ``InputError`` when the notebook has no such cell or it is not valid Python.
    """
    if not isinstance(nb, nbformat.NotebookNode):
        nb = read_notebook(nb)
    cell = next((c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if cell is None:
        raise InputError("the notebook has no cell tagged 'parameters', so it takes no parameters")
    try:
        tree = ast.parse(cell.source)
    except SyntaxError as exc:
        raise InputError(f"the notebook's parameters cell is not valid Python: {exc}") from exc
    found: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                value = None
            found.update({t.id: value for t in targets if isinstance(t, ast.Name)})
    return found


_PATH_SUFFIXES = ("_dir", "_path", "_file")


def resolve_parameters(nb: nbformat.NotebookNode | Path | str, parameters: dict[str, object],
                       base: Path | str) -> dict[str, object]:
    """Check ``parameters`` against the notebook's parameters cell and make relative paths absolute from ``base``.

    A string parameter is a path when its name ends in ``_dir``, ``_path`` or ``_file``, or when it names an
    existing file or folder under ``base`` (so ``model=./my-model`` is a folder, ``model=Helsinki-NLP/...`` an id).
    Relative paths are joined to ``base`` (the caller's working directory), not to the notebook's folder, where
    the kernel runs. A ``*_dir`` parameter other than an output (``out_dir``, ``output_dir``) must be an existing
    folder. Returns a new dict; raises ``InputError`` for an unknown name or a missing input folder.
    """
    if not parameters:
        return {}
    known = notebook_parameters(nb)
    unknown = sorted(set(parameters) - set(known))
    if unknown:
        raise InputError(f"unknown parameter(s) {', '.join(unknown)}: this notebook takes {', '.join(known)}")
    base = Path(base)
    resolved: dict[str, object] = {}
    for name, value in parameters.items():
        if isinstance(value, str) and value and (name.endswith(_PATH_SUFFIXES)
                                                 or (base / Path(value).expanduser()).exists()):
            path = (base / Path(value).expanduser()).resolve()
            if name.endswith("_dir") and not name.startswith("out") and not path.is_dir():
                raise InputError(f"{name}={value}: no such folder ({path})")
            value = str(path)
        resolved[name] = value
    return resolved


def run_notebook(path: Path | str, *, parameters: dict[str, object] | None = None, cwd: Path | str | None = None,
                 timeout: int = 600, output: Path | str | None = None) -> nbformat.NotebookNode:
    """Execute a notebook (in its own folder unless ``cwd`` is given); optionally save the executed copy.

    Relative paths in ``parameters`` are read by the kernel, from ``cwd`` (see ``resolve_parameters``).
    Raises ``InputError`` naming the failed cell (by its first line) and its error in one line; the executed
    part, traceback included, is still saved to ``output`` when given.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from traitlets.config import Config

    path = Path(path)
    nb = inject_parameters(read_notebook(path), parameters or {})
    # CurveZMQ keys when the kernel supports them (ipykernel does): the kernel's messages are encrypted, and
    # ipykernel no longer warns on stderr that it runs over plain TCP (an older jupyter_client only warns).
    config = Config({"KernelManager": {"transport_encryption": "auto"}})
    client = NotebookClient(nb, config=config, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd or path.parent)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        failed = next((c for c in nb.cells if any(o.get("output_type") == "error" for o in c.get("outputs", []))),
                      None)
        first = next((line.strip() for line in failed.source.splitlines() if line.strip()), "") if failed else ""
        where = f"the cell starting `{first[:60]}{'…' if len(first) > 60 else ''}`" if first else "a cell"
        saved = ""
        if output:
            atomic_write_text(Path(output), nbformat.writes(nb))
            saved = f" (the executed part, with the traceback, is in {output})"
        evalue = _ANSI.sub("", str(exc.evalue)).strip().splitlines()
        raise InputError(f"{path}: {where} failed: {exc.ename}: {evalue[0] if evalue else ''}{saved}") from exc
    if output:
        atomic_write_text(Path(output), nbformat.writes(nb))
    return nb


def export_html(nb: nbformat.NotebookNode | Path | str, output: Path | str) -> Path:
    """Export to a self-contained HTML page with the ``translator`` template; returns the path."""
    from nbconvert import HTMLExporter

    if not isinstance(nb, nbformat.NotebookNode):
        nb = read_notebook(nb)
    nb = _without_widget_views(nb)
    # Charts are PNG images embedded as data: URLs, which the Content-Security-Policy allows (img-src data:).
    # Outputs are not run through nbconvert's sanitizer: it escapes the markup of rendered Markdown and of our
    # tables instead of keeping it. Safety comes from the template's Content-Security-Policy, which forbids
    # every script (inline ones and event handlers included), and from our display helpers escaping text.
    exporter = HTMLExporter(template_name="translator", extra_template_basedirs=[str(TEMPLATE_DIR)],
                            embed_images=True)
    body, _ = exporter.from_notebook_node(nb)
    atomic_write_text(Path(output), with_auto_direction(body))
    return Path(output)


_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _without_widget_views(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without widget state and without widgets' plain-text fallbacks.

    Only a live JupyterLab can show a widget. A widget's ``text/plain`` fallback is its state when it was first
    displayed (tqdm's bar: ``documents: 0%| | 0/16``, though the run finished), so it is dropped; a static view
    the widget offers itself (``text/html``, an image: ``ReviewWidget``) is kept, and an output left with
    nothing is removed."""
    if "widgets" not in nb.metadata and not any(
            _WIDGET_VIEW in output.get("data", {}) for cell in nb.cells for output in cell.get("outputs", ())):
        return nb
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if "outputs" not in cell:
            continue
        kept = []
        for output in cell.outputs:
            data = output.get("data", {})
            if _WIDGET_VIEW in data:
                for mimetype in (_WIDGET_VIEW, "text/plain"):
                    data.pop(mimetype, None)
                if not data:
                    continue
            kept.append(output)
        cell.outputs = kept
    return nb


# Markup that navigates or submits on its own, which rendered Markdown must not carry into the page: a meta
# refresh (not covered by any CSP directive), <base> and forms (also closed by the CSP's base-uri and
# form-action), and frames. Forms are unwrapped (their text stays); the rest is removed.
_NAVIGATING = ("base", "iframe", "frame", "frameset", "object", "embed", "portal")


def _drop_navigation(soup) -> None:  # type: ignore[no-untyped-def]
    """Remove what could take the reader's browser elsewhere; tables and formatting are kept."""
    for tag in soup.find_all("meta"):
        equiv = (tag.get("http-equiv") or "").lower()
        if equiv not in ("content-security-policy", "content-type", "") or tag.find_parent("body"):
            tag.decompose()
    for tag in soup.find_all(_NAVIGATING):
        tag.decompose()
    for tag in soup.find_all("form"):
        tag.unwrap()
    for tag in soup.find_all(["input", "button"]):
        if tag.has_attr("formaction"):
            del tag["formaction"]


_BLOCKS = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", "figcaption")


def with_auto_direction(page: str) -> str:
    """Give every text block without a ``dir`` the attribute ``dir="auto"``, or the direction of most of its
    words where the first-strong rule would misread it (:func:`translator.text.bidi.paragraph_direction`: an Arabic
    paragraph starting with a left-to-right mark or a Latin name is ``dir="rtl"``).

    Browsers then take each paragraph's and cell's direction from its first strong character, so an Arabic
    line in Markdown or in a plain pandas table reads (and aligns) right to left; CSS alone cannot do that
    (``unicode-bidi: plaintext`` reorders the text but Chromium still aligns it to the left). A block of plain
    text that mixes directions also gets each direction run isolated in a ``<bdi>`` (issue 11).
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "lxml")
    _drop_navigation(soup)
    from ..text.bidi import first_strong, paragraph_direction

    for tag in soup.find_all(_BLOCKS):
        if not tag.has_attr("dir"):
            text = tag.get_text()
            wanted = paragraph_direction(text)  # "auto" unless the browser's first-strong rule would misread it:
            tag["dir"] = wanted if wanted != "auto" and first_strong(text) != wanted else "auto"  # LRM, brand
        _isolate_runs(soup, tag)
    return str(soup)


def _isolate_runs(soup, tag) -> None:  # type: ignore[no-untyped-def]
    """A block holding only text that mixes directions (a plain pandas cell): each run in its own ``<bdi>``.

    Blocks with markup inside (our display tables, which isolate runs themselves) are left as they are.
    """
    from bs4 import NavigableString

    from ..text.bidi import direction_runs

    text = tag.string
    if not isinstance(text, NavigableString) or len(direction_runs(str(text))) < 2:
        return
    pieces, last = [], 0
    for run in direction_runs(str(text)):
        bdi = soup.new_tag("bdi", attrs={"dir": run.direction})
        bdi.string = str(text)[run.start:run.end]
        pieces += [str(text)[last:run.start], bdi]
        last = run.end
    pieces.append(str(text)[last:])
    tag.clear()
    for piece in pieces:
        if piece:
            tag.append(piece)

"""Display helpers for Jupyter: tables the way a translator reads them.

Each helper returns an object with ``_repr_html_`` so that it renders in JupyterLab and survives nbconvert's
HTML export. All document text is escaped, and every cell that holds document text carries ``dir`` so that
Arabic reads right to left; in a cell that mixes directions (a citation's Arabic headline with its English
rendering) each direction run is isolated in a ``<bdi>``, so the English keeps its punctuation (issue 11).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import pandas as pd

from ..corpus.report import rtl_languages, text_dir
from ..text.bidi import isolate_html

__all__ = ["HTML", "RTL_LANGS", "citations_table", "side_by_side", "table"]

RTL_LANGS = rtl_languages()
_STYLE = ("<style>.tr-table{border-collapse:collapse;font-size:.92rem}.tr-table td,.tr-table th{border:1px solid "
          "#ddd;padding:.3rem .5rem;vertical-align:top}.tr-table td[dir=rtl]{text-align:right;font-family:"
          "'Noto Naskh Arabic','Amiri',serif;font-size:1.05rem}.tr-term{background:#e8f0fe;border-radius:3px}"
          "</style>")


class HTML:
    """Minimal rich-display object (no IPython import needed at module load)."""

    def __init__(self, markup: str) -> None:
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup


def table(frame: pd.DataFrame, columns: Sequence[str] | None = None, *, max_rows: int = 200,
          highlight: dict[str, Iterable[str]] | str | None = None) -> HTML:
    """An escaped HTML table of ``frame`` with ``dir`` set per cell (rtl for Arabic-script text).

    ``highlight`` marks terms in a column: ``{"text": ["الجزائر"]}`` marks those words in every row, and a
    column name (``"glossary_terms"``) marks, in each row's ``text``, the terms that row lists.
    """
    columns = list(columns or frame.columns)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
    rows = []
    for record in frame.head(max_rows).to_dict("records"):
        marks = _row_marks(record, highlight)
        cells = []
        for column in columns:
            value = record[column]
            text = "" if _missing(value) else str(value)
            if column == "glossary_terms" and text:  # "source=target; ...": one isolated pair per line
                cells.append(f'<td dir="ltr">{_term_pairs(text)}</td>')
                continue
            terms = marks.get(column, ())
            cell = isolate_html(text, escape=lambda piece, terms=terms: _marked(piece, terms))
            cells.append(f'<td dir="{text_dir(text)}">{cell}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = f"<p>… {len(frame) - max_rows} more rows</p>" if len(frame) > max_rows else ""
    return HTML(f'{_STYLE}<table class="tr-table"><tr>{head}</tr>{"".join(rows)}</table>{more}')


def _term_pairs(listed: str) -> str:
    """A ``glossary_terms`` cell (``الجزائر=Algeria; إسبانيا=Spain``) as one pair per line, each term once, the
    Arabic and the English each in its own isolate: as one right-to-left run of text the pairs' halves traded
    places (``Spain|إسبانيا=Algeria; الجزائر=``; fourth new-user trial, notebook 03)."""
    pairs = []
    for item in dict.fromkeys(p for p in listed.split("; ") if p):
        source, _, target = item.partition("=")
        pairs.append(f'<bdi dir="{text_dir(source)}">{html.escape(source)}</bdi> = '
                     f'<bdi dir="{text_dir(target)}">{html.escape(target)}</bdi>')
    return "<br>".join(pairs)


def _row_marks(record: dict, highlight: dict[str, Iterable[str]] | str | None) -> dict[str, set[str]]:
    if highlight is None:
        return {}
    if isinstance(highlight, str):
        listed = record.get(highlight)
        terms = {t.split("=", 1)[0] for t in ("" if _missing(listed) else str(listed)).split("; ") if t}
        return {"text": terms}
    return {column: set(terms) for column, terms in highlight.items()}


def _marked(text: str, terms: Iterable[str]) -> str:
    """``text`` escaped, with each occurrence of ``terms`` wrapped in <mark> in one pass (longest first)."""
    wanted = sorted({t for t in terms if t}, key=len, reverse=True)
    if not wanted:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in wanted))
    out, last = [], 0
    for match in pattern.finditer(text):
        out += [html.escape(text[last:match.start()]), f'<mark class="tr-term">{html.escape(match.group())}</mark>']
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def side_by_side(segments: pd.DataFrame, *, only_arabic: bool = True, max_rows: int = 200) -> HTML:
    """Original and translation next to each other, each row's glossary terms highlighted in the original."""
    frame = segments[segments["lang"] == "ar"] if only_arabic else segments
    columns = [c for c in ("doc_id", "text", "translation", "translation_human", "translation_status",
                           "glossary_terms") if c in frame.columns]
    return table(frame, columns, max_rows=max_rows,
                 highlight="glossary_terms" if "glossary_terms" in frame.columns else None)


def citations_table(citations: pd.DataFrame, *, max_rows: int = 200) -> HTML:
    """Citations as a translator cites them: headline, rendering (a machine one with its translation_status),
    outlet, description, date. ``outlet`` is the registry name, else the name as written marked "(not in the
    registry)": an unknown outlet's row showed no outlet at all (fourth new-user trial, finding 20)."""
    if "outlet_canonical" in citations.columns:
        written = citations["outlet"] if "outlet" in citations.columns else pd.Series(None, index=citations.index)
        unknown = written.where(written.isna(), written.astype("string") + " (not in the registry)")
        citations = citations.assign(outlet=citations["outlet_canonical"].astype("string").fillna(unknown))
    columns = [c for c in ("title_original", "title_english", "title_english_machine", "translation_status",
                           "outlet", "leaning", "date", "kind", "doc_id") if c in citations.columns]
    return table(citations, columns, max_rows=max_rows)


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False

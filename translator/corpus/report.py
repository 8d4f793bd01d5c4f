"""The HTML report of a batch run: summary, documents, citations, side-by-side translations, errors.

Rendered with Jinja2 and autoescaping, so text from documents is always shown and never executed; the
page carries its own styles (no CDN) and sets `dir` on every cell that holds document text, so Arabic reads
right to left; inside a cell, each direction run of a mixed line (an Arabic headline with its English
rendering) is isolated in its own ``<bdi>``, so neither run's punctuation jumps to the other end (issue 11).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .. import __version__
from ..atomic import atomic_write_text
from ..datafiles import read_tsv
from ..text.bidi import base_direction, isolate_html
from .tables import read_table

__all__ = [
    "MAX_DOCUMENTS", "MAX_SEGMENTS_PER_DOCUMENT", "render_report", "rtl_languages", "text_dir", "unknown_outlets",
    "write_report",
]

MAX_DOCUMENTS = 200
MAX_SEGMENTS_PER_DOCUMENT = 400
MAX_QA_ROWS = 200


@cache
def rtl_languages() -> frozenset[str]:
    """Languages written right to left: those whose script in ``data/langid_languages.tsv`` is Arabic or
    Hebrew (ar, fa, ur, ku, ps, sd, ug, he)."""
    return frozenset(row["lang"] for row in read_tsv("langid_languages.tsv", strip=True)
                     if row["script"] in ("Arab", "Hebr"))


def text_dir(text: object) -> str:
    """``rtl`` when the text's first strong character is right-to-left (Arabic, Hebrew), ``ltr`` if Latin etc.

    "auto" for text without a strong character, or not text. Same as :func:`translator.text.bidi.base_direction`.
    """
    return base_direction(text)


def bidi(text: object) -> Markup:
    """Jinja filter: ``text`` escaped, each direction run isolated (``<bdi dir=…>``); "" for missing values."""
    if text is None or _isna(text):
        return Markup("")
    return Markup(isolate_html(str(text)))


def render_report(out_dir: Path | str, *, title: str | None = None, generation: str | None = None) -> str:
    """The report of the run in ``out_dir`` as an HTML string; ``generation`` is the run it shows (default: the
    one ``manifest.json`` records, for a report rewritten later by ``translator report``)."""
    out_dir = Path(out_dir)
    documents = read_table(out_dir, "documents")
    segments = read_table(out_dir, "segments")
    citations = read_table(out_dir, "citations")
    errors = read_table(out_dir, "errors")
    manifest_path = out_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    env = Environment(loader=PackageLoader("translator.corpus", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["bidi"] = bidi
    template = env.get_template("report.html.j2")
    return template.render(
        title=title or f"Translation report: {manifest.get('input', out_dir)}",
        version=__version__, generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        generation=generation or manifest.get("generation") or "",
        banner=_banner(segments),
        stats=_stats(documents, segments, citations, errors),
        documents=_documents(documents, segments), more_documents=max(0, len(documents) - MAX_DOCUMENTS),
        citations=[_records_with_dir(r, "title_original") for r in _records(citations)],
        unknown_outlets=unknown_outlets(citations),
        qa=qa_section(segments, citations),
        errors=_records(errors),
    )


def write_report(out_dir: Path | str, path: Path | str | None = None, *, generation: str | None = None) -> Path:
    """Write ``report.html`` (or ``path``) for the run in ``out_dir``; returns the path."""
    target = Path(path) if path else Path(out_dir) / "report.html"
    atomic_write_text(target, render_report(out_dir, generation=generation))
    return target


def unknown_outlets(citations: pd.DataFrame) -> list[dict]:
    """Outlets cited but not in the registry, most cited first: candidates to add to glossary/outlets.csv."""
    if citations.empty or "outlet_canonical" not in citations:
        return []
    unknown = citations[citations["outlet"].notna() & citations["outlet_canonical"].isna()
                        & (citations["kind"] != "image_credit")]
    counts = unknown.groupby("outlet").agg(citations=("outlet", "size"), documents=("doc_id", "nunique"))
    return counts.sort_values("citations", ascending=False).reset_index().to_dict("records")


def qa_section(segments: pd.DataFrame, citations: pd.DataFrame) -> dict:
    """Translation QA of the run (issue 17): flags per kind, and the flagged segments and citation titles.

    Returns ``{"checked", "flagged", "kinds": {kind: count}, "rows": [{"where", "source", "target",
    "flags"}], "more"}``; rows list segments first, then human title renderings, at most MAX_QA_ROWS.
    """
    rows, kinds, checked = [], {}, 0
    sources = [(segments, "text", "translation", lambda r: f"{r['doc_id']} #{r['segment_id']}"),
               (citations, "title_original", "title_english", lambda r: f"{r['doc_id']} (citation title)")]
    for frame, source, target, where in sources:
        if frame.empty or "qa_flags" not in frame:
            continue
        for row in _records(frame[frame["qa_flags"].notna()]):
            checked += 1
            flags = json.loads(row["qa_flags"])
            for flag in flags:
                kinds[flag["kind"]] = kinds.get(flag["kind"], 0) + 1
            if flags:
                rows.append({"where": where(row), "source": row.get(source), "target": row.get(target),
                             "flags": flags})
    return {"checked": checked, "flagged": len(rows), "kinds": kinds, "rows": rows[:MAX_QA_ROWS],
            "more": max(0, len(rows) - MAX_QA_ROWS)}


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: (None if _isna(v) else v) for k, v in row.items()} for row in df.to_dict("records")]


def _isna(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _records_with_dir(row: dict, key: str) -> dict:
    row["title_dir"] = text_dir(row.get(key))
    return row


def _banner(segments: pd.DataFrame) -> str | None:
    if segments.empty or "translation_status" not in segments:
        return None
    missing = segments[segments["translation_status"] == "no_model"]
    if missing.empty:
        return None
    note = missing["translation_note"].dropna()
    reason = str(note.iloc[0]).strip() if len(note) else "No translation model was found."
    banner = f"{len(missing)} Arabic segments were not translated. {reason}"
    if "translator models " not in reason:  # the reason carries its own fix (ModelNotFoundError's message)
        banner += (" Get a model with `translator models pull` (online) or `translator models add PATH`, "
                   "then re-run.")
    return banner


def _stats(documents: pd.DataFrame, segments: pd.DataFrame, citations: pd.DataFrame,
           errors: pd.DataFrame) -> list[tuple[str, object]]:
    arabic = segments[segments["lang"] == "ar"] if not segments.empty else segments
    translated = arabic["translation"].notna().sum() if not arabic.empty else 0
    found = int(segments["terms_found"].fillna(0).sum()) if not segments.empty else 0
    placed = int(segments["terms_placed"].fillna(0).sum()) if not segments.empty else 0
    exact = int(segments["terms_exact"].fillna(0).sum()) if not segments.empty else 0
    stats = [
        ("documents", len(documents)), ("segments", len(segments)), ("Arabic segments", len(arabic)),
        ("Arabic segments translated", int(translated)), ("citations", len(citations)),
        ("files with errors", errors["path"].nunique() if not errors.empty else 0),
        ("glossary terms found / placed", f"{found} / {placed}"),
    ]
    if found and segments["terms_placed"].notna().any():
        stats.append(("term success rate (lenient / exact)", f"{placed / found:.1%} / {exact / found:.1%}"))
    if not segments.empty:
        langs = segments["lang"].value_counts()
        stats.append(("segments by language", ", ".join(f"{k} {v}" for k, v in langs.items())))
    return stats


def _documents(documents: pd.DataFrame, segments: pd.DataFrame) -> list[dict]:
    by_doc = {doc_id: group for doc_id, group in segments.groupby("doc_id", sort=False)} if len(segments) else {}
    out = []
    for doc in _records(documents.head(MAX_DOCUMENTS)):
        group = by_doc.get(doc["doc_id"])
        rows = _records(group) if group is not None else []
        doc["title_dir"] = text_dir(doc.get("title"))
        doc["segments"] = [_segment(s) for s in rows[:MAX_SEGMENTS_PER_DOCUMENT]]
        doc["more"] = max(0, len(rows) - MAX_SEGMENTS_PER_DOCUMENT)
        out.append(doc)
    return out


def _segment(row: dict) -> dict:
    pairs = [tuple(t.split("=", 1)) if "=" in t else (t, "") for t in (row.get("glossary_terms") or "").split("; ")
             if t]
    layers = (row.get("term_layers") or "").split("; ")  # which layer of the term base each came from (issue 16)
    terms = [(*pair, layers[k] if k < len(layers) else "") for k, pair in enumerate(pairs)]
    return {
        "segment_id": row["segment_id"], "lang": row["lang"],
        "confidence": f"{row['lang_confidence']:.2f}" if row.get("lang_confidence") is not None else "",
        "text": row["text"], "dir": "rtl" if row["lang"] in rtl_languages() else text_dir(
            row["text"]),
        "translation": row.get("translation"), "human": row.get("translation_human"),
        "status": row.get("translation_status") or "",
        "flags": row.get("translation_flags"), "terms": terms,
        "qa": "; ".join(f"{f['kind']}: {f['detail']}" for f in json.loads(row.get("qa_flags") or "[]")),
        "terms_found": int(row.get("terms_found") or 0), "terms_placed": _int_or_none(row.get("terms_placed")),
    }


def _int_or_none(value: object) -> int | None:
    """A count read back from a table (a float where the column has nulls) as an int; None stays None."""
    return None if value is None or _isna(value) else int(value)  # type: ignore[call-overload]

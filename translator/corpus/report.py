"""The HTML report of a batch run: summary, documents, citations, side-by-side translations, errors.

Rendered with Jinja2 and autoescaping, so text from documents is always shown and never executed; the
page carries its own styles (no CDN) and sets `dir` on every cell that holds document text, so Arabic reads
right to left; inside a cell, each direction run of a mixed line (an Arabic headline with its English
rendering) is isolated in its own ``<bdi>``, so neither run's punctuation jumps to the other end (issue 11).

Fuzzy matches (issue 18): an Arabic segment shown without a human translation of its own gets the closest
earlier human translations from the translation memory the run used (score, earlier Arabic, its rendering).
Only the segments the report shows are looked up, and the memory is opened read-only (never created).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .. import __version__
from ..atomic import atomic_write_text
from ..datafiles import read_tsv
from ..errors import InputError, TranslatorError
from ..mt.fuzzy import DEFAULT_THRESHOLD
from ..text.bidi import isolate_html, paragraph_direction
from .analyze import text_for_mt, wants_translation
from .tables import iter_table

if TYPE_CHECKING:
    from ..mt.memory import TranslationMemory

__all__ = [
    "FUZZY_LIMIT", "MAX_CITATIONS", "MAX_DOCUMENTS", "MAX_ERRORS", "MAX_SEGMENTS_PER_DOCUMENT", "render_report",
    "report_memory_path", "rtl_languages", "text_dir", "unknown_outlets", "write_report",
]

MAX_DOCUMENTS = 200
MAX_SEGMENTS_PER_DOCUMENT = 400
MAX_QA_ROWS = 200
MAX_CITATIONS = 1000  # rows of the citations table shown; the count says how many there are (issue 20)
MAX_ERRORS = 1000
BATCH_ROWS = 2_000  # the tables are read this many rows at a time: memory flat in the size of the run
FUZZY_LIMIT = 2  # fuzzy matches shown per segment

log = logging.getLogger("translator")
_FROM_MANIFEST = object()


@cache
def rtl_languages() -> frozenset[str]:
    """Languages written right to left: those whose script in ``data/langid_languages.tsv`` is Arabic or
    Hebrew (ar, fa, ur, ku, ps, sd, ug, he)."""
    return frozenset(row["lang"] for row in read_tsv("langid_languages.tsv", strip=True)
                     if row["script"] in ("Arab", "Hebr"))


def text_dir(text: object) -> str:
    """``rtl`` when most of the text's words are right-to-left (Arabic, Hebrew), ``ltr`` if Latin etc.; a tie
    goes by the first strong character. "auto" for text without a strong character, or not text. Same as
    :func:`translator.text.bidi.paragraph_direction` (an Arabic title that starts with "ChatGPT" is rtl)."""
    return paragraph_direction(text)


def bidi(text: object) -> Markup:
    """Jinja filter: ``text`` escaped, each direction run isolated (``<bdi dir=…>``); "" for missing values."""
    if text is None or _isna(text):
        return Markup("")
    return Markup(isolate_html(str(text)))


def render_report(out_dir: Path | str, *, title: str | None = None, generation: str | None = None,
                  memory_path: Path | str | object | None = _FROM_MANIFEST,
                  fuzzy_threshold: float = DEFAULT_THRESHOLD) -> str:
    """The report of the run in ``out_dir`` as an HTML string; ``generation`` is the run it shows (default: the
    one ``manifest.json`` records, for a report rewritten later by ``translator report``).

    ``memory_path``: the translation memory whose fuzzy matches (score ≥ ``fuzzy_threshold``, 0-100) are shown
    beside Arabic segments without a human translation; None = none. Default: the one the run used (see
    :func:`report_memory_path`). A memory that is missing or unusable shows nothing (logged); never created.
    Raises :class:`InputError` for a threshold outside 0-100.
    """
    if not 0 <= fuzzy_threshold <= 100:
        raise InputError(f"The fuzzy match threshold is a score from 0 to 100, not {fuzzy_threshold:g}.")
    out_dir = Path(out_dir)
    summary = _summarize(out_dir)
    manifest_path = out_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    if memory_path is _FROM_MANIFEST:
        options = manifest.get("options") or {}  # a folder without a manifest: the default memory
        memory_path = report_memory_path(options.get("use_memory", True), options.get("memory_path"))
    env = Environment(loader=PackageLoader("translator.corpus", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["bidi"] = bidi
    template = env.get_template("report.html.j2")
    shown = summary.shown_documents()
    fuzzy_shown = _add_fuzzy(shown, memory_path, fuzzy_threshold)  # type: ignore[arg-type]
    return template.render(
        title=title or f"Translation report: {manifest.get('input', out_dir)}",
        version=__version__, generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        generation=generation or manifest.get("generation") or "",
        banner=summary.segments.banner(),
        stats=summary.stats(),
        documents=shown, more_documents=max(0, summary.n_documents - MAX_DOCUMENTS),
        fuzzy=fuzzy_shown,
        citations=[_records_with_dir(r, "title_original") for r in summary.citations],
        citations_total=summary.n_citations,
        unknown_outlets=summary.outlets.result(),
        qa=summary.qa.result(),
        errors=summary.errors, errors_total=summary.n_errors,
    )


def write_report(out_dir: Path | str, path: Path | str | None = None, *, generation: str | None = None,
                 memory_path: Path | str | object | None = _FROM_MANIFEST,
                 fuzzy_threshold: float = DEFAULT_THRESHOLD) -> Path:
    """Write ``report.html`` (or ``path``) for the run in ``out_dir``; returns the path.

    ``memory_path`` and ``fuzzy_threshold`` as for :func:`render_report`."""
    target = Path(path) if path else Path(out_dir) / "report.html"
    atomic_write_text(target, render_report(out_dir, generation=generation, memory_path=memory_path,
                                            fuzzy_threshold=fuzzy_threshold))
    return target


def report_memory_path(use_memory: bool = True, memory_path: Path | str | None = None) -> Path | None:
    """The translation memory a run used, from its options (``BatchOptions`` or the ``options`` in its
    ``manifest.json``): None when it ran with ``--no-memory``; ``memory_path``, else the default
    ``TRANSLATOR_HOME/translation-memory.sqlite``."""
    from .. import config

    if use_memory is False:
        return None
    return Path(memory_path) if memory_path else config.home() / "translation-memory.sqlite"


def unknown_outlets(citations: pd.DataFrame) -> list[dict]:
    """Outlets cited but not in the registry, most cited first: candidates to add to glossary/outlets.csv."""
    return _UnknownOutlets().add(citations).result()


def qa_section(segments: pd.DataFrame, citations: pd.DataFrame) -> dict:
    """Translation QA of the run (issue 17): flags per kind, and the flagged segments and citation titles.

    Returns ``{"checked", "flagged", "kinds": {kind: count}, "rows": [{"where", "source", "target",
    "flags"}], "more"}``; rows list segments first, then human title renderings, at most MAX_QA_ROWS.
    """
    return _QA().add_segments(segments).add_citations(citations).result()


class _UnknownOutlets:
    """:func:`unknown_outlets`, counted one batch of the citations table at a time."""

    def __init__(self) -> None:
        self.citations: dict[str, int] = {}
        self.documents: dict[str, set[object]] = {}

    def add(self, citations: pd.DataFrame) -> _UnknownOutlets:
        if citations.empty or "outlet_canonical" not in citations:
            return self
        unknown = citations[citations["outlet"].notna() & citations["outlet_canonical"].isna()
                            & (citations["kind"] != "image_credit")]
        for outlet, doc_id in zip(unknown["outlet"], unknown["doc_id"], strict=True):
            self.citations[outlet] = self.citations.get(outlet, 0) + 1
            docs = self.documents.setdefault(outlet, set())
            if not _isna(doc_id):
                docs.add(doc_id)
        return self

    def result(self) -> list[dict]:
        if not self.citations:
            return []
        outlets = sorted(self.citations)  # as groupby orders them, then the same sort as before streaming
        counts = pd.DataFrame({"citations": [self.citations[o] for o in outlets],
                               "documents": [len(self.documents[o]) for o in outlets]},
                              index=pd.Index(outlets, name="outlet"))
        return counts.sort_values("citations", ascending=False).reset_index().to_dict("records")


class _QA:
    """:func:`qa_section`, fed the segments table then the citations table, one batch at a time."""

    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.kinds: dict[str, int] = {}
        self.checked = self.flagged = 0

    def add_segments(self, segments: pd.DataFrame) -> _QA:
        return self._add(segments, "text", "translation", lambda r: f"{r['doc_id']} #{r['segment_id']}")

    def add_citations(self, citations: pd.DataFrame) -> _QA:
        return self._add(citations, "title_original", "title_english", lambda r: f"{r['doc_id']} (citation title)")

    def _add(self, frame: pd.DataFrame, source: str, target: str, where: Callable[[dict], str]) -> _QA:
        if frame.empty or "qa_flags" not in frame:
            return self
        for row in _records(frame[frame["qa_flags"].notna()]):
            self.checked += 1
            flags = json.loads(row["qa_flags"])
            for flag in flags:
                self.kinds[flag["kind"]] = self.kinds.get(flag["kind"], 0) + 1
            if flags:
                self.flagged += 1
                if len(self.rows) < MAX_QA_ROWS:
                    self.rows.append({"where": where(row), "source": row.get(source), "target": row.get(target),
                                      "flags": flags})
        return self

    def result(self) -> dict:
        return {"checked": self.checked, "flagged": self.flagged, "kinds": self.kinds, "rows": self.rows,
                "more": max(0, self.flagged - MAX_QA_ROWS)}


class _Segments:
    """What the report shows of the segments table, gathered one batch at a time (memory flat in its size)."""

    def __init__(self, shown: set[object]) -> None:
        self.shown = shown  # the doc_ids of the documents the report shows
        self.by_doc: dict[object, list[dict]] = {}
        self.more: dict[object, int] = {}
        self.rows = self.arabic = self.translated = 0
        self.found = self.placed = self.exact = 0.0
        self.any_placed = False
        self.langs: dict[str, int] = {}
        self.statuses: dict[str, int] = {}  # translation_status of every segment but not_arabic
        self.no_model = 0
        self.note: object = None

    def add(self, segments: pd.DataFrame) -> None:
        if segments.empty:
            return
        self.rows += len(segments)
        arabic = segments[segments["lang"] == "ar"]
        self.arabic += len(arabic)
        self.translated += int(arabic["translation"].notna().sum())
        self.found += float(segments["terms_found"].fillna(0).sum())
        self.placed += float(segments["terms_placed"].fillna(0).sum())
        self.exact += float(segments["terms_exact"].fillna(0).sum())
        self.any_placed = self.any_placed or bool(segments["terms_placed"].notna().any())
        for lang in segments["lang"].dropna():
            self.langs[lang] = self.langs.get(lang, 0) + 1
        if "translation_status" in segments:
            for status in segments["translation_status"].dropna():
                if status != "not_arabic":
                    self.statuses[status] = self.statuses.get(status, 0) + 1
            missing = segments[segments["translation_status"] == "no_model"]
            self.no_model += len(missing)
            if self.note is None and len(missing):
                note = missing["translation_note"].dropna()
                self.note = note.iloc[0] if len(note) else None
        mine = segments[segments["doc_id"].isin(self.shown)]
        for doc_id, group in mine.groupby("doc_id", sort=False):
            kept = self.by_doc.setdefault(doc_id, [])
            room = MAX_SEGMENTS_PER_DOCUMENT - len(kept)
            kept.extend(_records(group.head(max(room, 0))))
            self.more[doc_id] = self.more.get(doc_id, 0) + max(0, len(group) - room)

    def banner(self) -> str | None:
        if not self.no_model:
            return None
        reason = str(self.note).strip() if self.note is not None else "No translation model was found."
        banner = f"{self.no_model} Arabic segments were not translated. {reason}"
        if "translator models " not in reason:  # the reason carries its own fix (ModelNotFoundError's message)
            banner += (" Get a model with `translator models pull` (online) or `translator models add PATH`, "
                       "then re-run.")
        return banner


class _Summary:
    """The run's tables as the report shows them: the first rows of each, and counts over all of them."""

    def __init__(self, out_dir: Path) -> None:
        self.documents: list[dict] = []
        self.n_documents = 0
        for frame in iter_table(out_dir, "documents", BATCH_ROWS):
            self.n_documents += len(frame)
            if len(self.documents) < MAX_DOCUMENTS:
                self.documents += _records(frame.head(MAX_DOCUMENTS - len(self.documents)))
        self.segments = _Segments({d["doc_id"] for d in self.documents})
        self.qa = _QA()
        for frame in iter_table(out_dir, "segments", BATCH_ROWS):
            self.segments.add(frame)
            self.qa.add_segments(frame)
        self.citations: list[dict] = []
        self.n_citations = 0
        self.outlets = _UnknownOutlets()
        for frame in iter_table(out_dir, "citations", BATCH_ROWS):
            self.n_citations += len(frame)
            if len(self.citations) < MAX_CITATIONS:
                self.citations += _records(frame.head(MAX_CITATIONS - len(self.citations)))
            self.outlets.add(frame)
            self.qa.add_citations(frame)
        self.errors: list[dict] = []
        self.n_errors = 0
        self.error_files: set[object] = set()
        self.n_records_left_out = 0
        for frame in iter_table(out_dir, "errors", BATCH_ROWS):
            self.n_errors += len(frame)
            if len(self.errors) < MAX_ERRORS:
                self.errors += _records(frame.head(MAX_ERRORS - len(self.errors)))
            if not frame.empty:  # a record left out of a file that was read is counted apart (issue #13)
                records = frame["scope"] == "record" if "scope" in frame else pd.Series(False, index=frame.index)
                self.error_files.update(frame.loc[~records, "path"].dropna())
                self.n_records_left_out += int(records.sum())

    def stats(self) -> list[tuple[str, object]]:
        seg = self.segments
        found, placed, exact = int(seg.found), int(seg.placed), int(seg.exact)
        stats: list[tuple[str, object]] = [
            ("documents", self.n_documents), ("segments", seg.rows), ("Arabic segments", seg.arabic),
            ("Arabic segments machine-translated", seg.translated),
        ]
        if seg.statuses:  # "translated" above counts flagged and reviewed segments too: say how many of each
            from .statuses import status_counts

            stats.append(("translation status", status_counts(seg.statuses)))
        stats += [
            ("citations", self.n_citations),
            ("files with errors", len(self.error_files)),
            *([("records left out of files read", self.n_records_left_out)] if self.n_records_left_out else []),
            ("glossary terms found / placed", f"{found} / {placed}"),
        ]
        if found and seg.any_placed:
            stats.append(("term success rate (lenient / exact)", f"{placed / found:.1%} / {exact / found:.1%}"))
        if seg.rows:
            langs = pd.Series(seg.langs, dtype="int64").sort_values(ascending=False)  # as value_counts() sorts
            stats.append(("segments by language", ", ".join(f"{k} {v}" for k, v in langs.items())))
        return stats

    def shown_documents(self) -> list[dict]:
        """The documents the report shows, each with its segments; a file with the same bytes as one shown
        before it (a copy saved twice: new-user trial 6, F9) names that one in ``same_as``."""
        out, first_path = [], {}
        for doc in self.documents:
            digest, path = doc.get("sha256"), doc.get("path")
            seen = first_path.setdefault(digest, (path, doc["doc_id"])) if digest else None
            doc["same_as"] = seen[1] if seen and seen[0] != path else None
            if doc["same_as"] and f"same bytes as {doc['same_as']}" in (doc.get("warnings") or ""):
                doc["same_as"] = None  # the documents table's warning says it already (a run since NEWUSER6 F9)
            doc["title_dir"] = text_dir(doc.get("title"))
            doc["segments"] = [_segment(s) for s in self.segments.by_doc.get(doc["doc_id"], [])]
            doc["more"] = self.segments.more.get(doc["doc_id"], 0)
            out.append(doc)
        return out


def _summarize(out_dir: Path) -> _Summary:
    return _Summary(out_dir)


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


def _add_fuzzy(documents: list[dict], memory_path: Path | str | None, threshold: float) -> dict:
    """Give each shown Arabic segment without a human translation its ``fuzzy`` matches from the memory.

    Returns ``{"memory": path or None, "threshold", "segments": segments with a match}``; the memory is opened
    read-only, and a missing or unusable one (logged) leaves every segment without matches.
    """
    info = {"memory": None, "threshold": threshold, "segments": 0}
    wanted = [s for d in documents for s in d["segments"] if s.pop("wants_fuzzy")]
    if memory_path is None or not wanted:
        return info
    memory = _open_memory(Path(memory_path))
    if memory is None:
        return info
    info["memory"] = str(memory.path)
    with memory:
        for seg in wanted:
            seg["fuzzy"] = [{"score": f"{score:.0f}", "source": h.source, "target": h.target, "state": h.state}
                            for h, score in memory.fuzzy(text_for_mt(seg["text"]), limit=FUZZY_LIMIT,
                                                         threshold=threshold, exclude_exact=True)]
            info["segments"] += bool(seg["fuzzy"])
    return info


def _open_memory(path: Path) -> TranslationMemory | None:
    from ..mt.memory import TranslationMemory

    if not path.is_file():
        log.info("report: no translation memory at %s; no fuzzy matches shown", path)
        return None
    try:
        return TranslationMemory(path, read_only=True)
    except TranslatorError as error:
        log.warning("report: no fuzzy matches shown: %s", error)
        return None


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
        "fuzzy": [],
        "wants_fuzzy": not row.get("translation_human") and row.get("translation_status") != "human"
                       and isinstance(row.get("text"), str) and wants_translation(row),
    }


def _int_or_none(value: object) -> int | None:
    """A count read back from a table (a float where the column has nulls) as an int; None stays None."""
    return None if value is None or _isna(value) else int(value)  # type: ignore[call-overload]

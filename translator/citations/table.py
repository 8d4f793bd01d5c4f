"""The ``citations`` table: its columns, types and meaning, the DataFrame builder, validation and CSV reading.

Parquet keeps the pandas types; CSV cannot tell an empty string from a null, so text columns never hold
empty strings (a missing value is null) and :func:`read_citations_csv` restores the types.  ``warnings``
is one string, the warnings joined by ``"; "``; ``repairs`` is a JSON list of
``{"start", "end", "before", "after", "reason"}``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translator.errors import CitationError

if TYPE_CHECKING:  # pandas is imported when a table is built, not when citations are parsed
    import pandas as pd

__all__ = [
    "CITATIONS_SCHEMA", "CITATION_COLUMNS", "CITATION_KINDS", "citations_frame", "read_citations_csv",
    "schema_markdown", "table_row", "validate_citations_frame",
]

CITATION_KINDS = (
    "news_citation", "press_digest_byline", "press_digest_headline", "translated_quote_attribution",
    "press_review_attribution", "inline_attribution", "wikipedia_style_reference", "image_credit",
)

# column: (pandas dtype, nullable, meaning)
CITATIONS_SCHEMA: dict[str, tuple[str, bool, str]] = {
    "doc_id": ("string", False, "document the citation was found in"),
    "kind": ("string", False, "form of the citation: " + ", ".join(CITATION_KINDS)),
    "raw": ("string", False, "the citation exactly as in the document (quote damage included)"),
    "title_original": ("string", True, "title as published, when printed in a language other than English"),
    "title_english": ("string", True, "English title or the citing author's English rendering"),
    "title_language": ("string", True, "ISO 639-1 language of the published title (ar, en, fr ...)"),
    "outlet": ("string", True, "outlet name as written (all-capitals put in reading case)"),
    "outlet_canonical": ("string", True, "registry name (glossary/outlets.csv); null when unknown"),
    "outlet_country": ("string", True, "registry country of the outlet"),
    "leaning": ("string", True, "description the citing text gives (\"pro-government newspaper\")"),
    "author": ("string", True, "author or photographer, when named"),
    "place": ("string", True, "city or country printed with the outlet in a digest line (\"(An-Nahar, Beirut)\")"),
    "date": ("string", True, "publication date, ISO YYYY-MM-DD, or YYYY-MM when no day is written"),
    "date_text": ("string", True, "the date as written"),
    "url": ("string", True, "first URL of the citation"),
    "confidence": ("float64", False, "0..1; starts from the form's reliability, lowered by every warning"),
    "warnings": ("string", True, "what a reader should check, joined by \"; \" (unknown or ambiguous "
                                 "outlet, repaired quotes, ambiguous date ...)"),
    "repairs": ("string", True, "JSON list of quote repairs {start, end, before, after, reason}"),
    "start": ("Int64", False, "offset of raw in the document (characters)"),
    "end": ("Int64", False, "end offset of raw in the document"),
}
CITATION_COLUMNS: list[str] = list(CITATIONS_SCHEMA)
_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_LANG = re.compile(r"^[a-z]{2,3}$")


def citations_frame(citations: Iterable[Any], doc_id: str | None = None) -> pd.DataFrame:
    """A validated DataFrame of ``citations`` (Citation objects or their ``to_dict()``), one row each.

    ``doc_id`` fills the column for rows that do not carry one.
    """
    import pandas as pd

    rows = [table_row(c if isinstance(c, Mapping) else c.to_dict(), doc_id) for c in citations]
    frame = pd.DataFrame(rows, columns=CITATION_COLUMNS)
    frame = _typed(frame)
    validate_citations_frame(frame)
    return frame


def table_row(record: Mapping[str, Any], doc_id: str | None = None) -> dict[str, Any]:
    """A citation record (``Citation.to_dict()``) as a table row: exactly CITATION_COLUMNS, warnings joined
    by ``"; "``, repairs as JSON, empty strings as null; ``doc_id`` fills a missing doc_id."""
    data = dict(record)
    data.setdefault("doc_id", doc_id)
    if data.get("doc_id") is None:
        data["doc_id"] = doc_id
    warnings = data.get("warnings")
    if isinstance(warnings, list | tuple):
        data["warnings"] = "; ".join(warnings) if warnings else None
    repairs = data.get("repairs")
    if isinstance(repairs, list | tuple):
        data["repairs"] = json.dumps(list(repairs), ensure_ascii=False) if repairs else None
    return {column: (None if data.get(column) == "" else data.get(column)) for column in CITATION_COLUMNS}


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    out = frame.copy()
    for column, (dtype, _, _) in CITATIONS_SCHEMA.items():
        if dtype == "string":
            out[column] = out[column].astype("object").where(out[column].notna(), None).astype("string")
        else:
            out[column] = pd.to_numeric(out[column], errors="coerce").astype(dtype)
    return out


def validate_citations_frame(frame: pd.DataFrame) -> None:
    """Raise CitationError listing every way ``frame`` breaks the citations schema (extra columns allowed)."""
    missing = [c for c in CITATION_COLUMNS if c not in frame.columns]
    if missing:
        raise CitationError(f"citations table lacks column(s) {missing}; build it with citations_frame().")
    problems: list[str] = []
    for column, (dtype, nullable, _) in CITATIONS_SCHEMA.items():
        series = frame[column]
        if str(series.dtype) != dtype:
            problems.append(f"{column}: dtype {series.dtype}, expected {dtype}")
        if not nullable and series.isna().any():
            problems.append(f"{column}: {int(series.isna().sum())} null value(s) in a required column")
        if dtype == "string" and (series.dropna() == "").any():
            problems.append(f"{column}: empty strings (use null for a missing value)")
    checks = {
        "kind": lambda v: v in CITATION_KINDS,
        "date": lambda v: bool(_DATE.match(v)),
        "title_language": lambda v: bool(_LANG.match(v)),
        "repairs": _is_repair_list,
    }
    for column, check in checks.items():
        bad = [v for v in frame[column].dropna() if not check(v)]
        if bad:
            problems.append(f"{column}: invalid value(s) {bad[:3]}")
    confidence = frame["confidence"].dropna()
    if ((confidence < 0) | (confidence > 1)).any():
        problems.append("confidence: values outside 0..1")
    if (frame["start"] > frame["end"]).any() or (frame["start"] < 0).any():
        problems.append("start/end: start must be >= 0 and <= end")
    if problems:
        raise CitationError("citations table fails its schema: " + "; ".join(problems)
                            + ". Build it with translator.citations.citations_frame().")


def _is_repair_list(value: str) -> bool:
    try:
        data = json.loads(value)
    except ValueError:
        return False
    return isinstance(data, list) and all(isinstance(d, dict) and {"before", "after"} <= d.keys() for d in data)


def read_citations_csv(path: str | Path) -> pd.DataFrame:
    """Read a citations CSV written from :func:`citations_frame` back with its types, and validate it.

    A cell a run's CSV wrote with a protective apostrophe (``'=HYPERLINK(…)``) is read without it.
    Raises :class:`CitationError` when the file cannot be read or lacks citation columns.
    """
    import pandas as pd

    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise CitationError(f"Cannot read citations table {path}: {exc}. Check the path and that it is "
                            f"UTF-8 CSV.") from exc
    missing = [c for c in CITATION_COLUMNS if c not in frame.columns]
    if missing:
        raise CitationError(f"{path} lacks citation column(s) {missing}: is it a citations table?")
    from ..corpus.cells import spreadsheet_unsafe

    frame = frame.apply(lambda column: column.map(spreadsheet_unsafe))  # a run's CSV: its cells as the run had them
    typed = _typed(frame[CITATION_COLUMNS])
    extra = frame[[c for c in frame.columns if c not in CITATION_COLUMNS]]
    result = pd.concat([typed, extra], axis=1)
    validate_citations_frame(result)
    return result


def schema_markdown() -> str:
    """The schema as a markdown table, for the README's citations section."""
    lines = ["| column | type | null | meaning |", "|---|---|---|---|"]
    for column, (dtype, nullable, meaning) in CITATIONS_SCHEMA.items():
        lines.append(f"| `{column}` | {dtype} | {'yes' if nullable else 'no'} | {meaning} |")
    return "\n".join(lines)

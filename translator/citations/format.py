"""Citations back onto the page: house style, the Sources block, and reference-manager exports (issue 19).

    >>> from translator.citations import parse_citation
    >>> from translator.citations.format import format_citation
    >>> format_citation(parse_citation('"عنوان (A headline)," RT Arabic (Russian news site), 26 May 2022.'))
    '“عنوان (A headline),” RT Arabic (Russian news site), 26 May 2022.'

The input is a citations table (``citations_frame``, a batch run's ``citations`` table, its CSV read back)
or ``Citation`` objects / their ``to_dict()``; every function accepts all three.

A house style is a small Jinja2 template in ``translator/data/styles/NAME.jinja`` (``oewatch`` is the seed
article's style, ``chicago`` an example of another), or any ``.jinja`` file a shop writes; see
:func:`load_style`.  Exports: CSL-JSON (`CSL 1.0.2 specification <https://docs.citationstyles.org>`_),
RIS (`RIS format <https://en.wikipedia.org/wiki/RIS_(file_format)>`_) and BibTeX, one record per citation;
the table :data:`EXPORTS` names them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date as _date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..datafiles import DATA_DIR
from ..errors import CitationError

if TYPE_CHECKING:
    from .parse import Citation

__all__ = [
    "EXPORTS",
    "MACHINE_MARK",
    "STYLES_DIR",
    "Style",
    "available_styles",
    "citation_records",
    "english_description",
    "english_title",
    "export_citations",
    "format_citation",
    "format_citations",
    "load_style",
    "sources_block",
    "sources_entries",
    "to_bibtex",
    "to_csl_json",
    "to_ris",
]

STYLES_DIR = DATA_DIR / "styles"
_STYLE_SUFFIX = ".jinja"
_QUALIFIER = re.compile(r"\s*\([^()]*\)$")
_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
# Kinds that are not an item a reader can look up in the Sources block (the picture is credited apart).
_NOT_SOURCES = frozenset({"image_credit"})
# What a style template is given (see translator/data/styles/oewatch.jinja).
_VARIABLES = ("kind", "title_original", "title_english", "english_is_machine", "outlet", "description", "author",
              "date", "url", "language")


# ------------------------------------------------------------------------------------------------ input rows
def citation_records(citations: Any) -> list[dict[str, Any]]:
    """Plain dicts from a citations table (pandas DataFrame), ``Citation`` objects or mappings.

    Missing values (NaN, ``pd.NA``, empty strings) become None.  Raises CitationError for anything else.
    """
    from .parse import Citation  # the parser is loaded on first use: `translator --help` lists the styles only

    if hasattr(citations, "to_dict") and hasattr(citations, "columns"):  # a DataFrame
        frame = citations.astype(object).where(citations.notna(), None)
        rows: Iterable[Any] = frame.to_dict("records")
    elif isinstance(citations, Citation | Mapping):
        rows = [citations]
    else:
        rows = citations
    records = []
    for row in rows:
        if isinstance(row, Citation):
            row = row.to_dict()
        if not isinstance(row, Mapping):
            raise CitationError(f"expected a citations table, Citation objects or dicts, got {type(row).__name__}")
        records.append({k: _value(v) for k, v in row.items()})
    return records


def _value(value: Any) -> Any:
    """None for a missing value: None, NaN, ``pd.NA``, an empty string."""
    if value is None or (isinstance(value, str) and not value):
        return None
    if (isinstance(value, float) and math.isnan(value)) or type(value).__name__ in {"NAType", "NaTType"}:
        return None
    return value


# ------------------------------------------------------------------------------------------------ house style
@dataclass(frozen=True)
class Style:
    """A house style: ``name``, the template ``path``, and ``sources_heading`` (the Sources block's title)."""

    name: str
    path: Path
    sources_heading: str
    _template: Any

    def render(self, context: Mapping[str, Any]) -> str:
        """One citation as text, whitespace collapsed.  Raises CitationError on a template error."""
        import jinja2

        try:
            text = self._template.render(**context)
        except (jinja2.TemplateError, ValueError, TypeError) as exc:  # a bad CLDR pattern is a ValueError
            raise CitationError(f"style {self.name} ({self.path}): {exc}. Fix the template.") from exc
        return _spaces(text)


def available_styles() -> list[str]:
    """Names of the shipped styles (files in ``translator/data/styles``)."""
    return sorted(p.name.removesuffix(_STYLE_SUFFIX) for p in STYLES_DIR.glob(f"*{_STYLE_SUFFIX}"))


def load_style(style: str | Path | Style = "oewatch") -> Style:
    """A style by shipped name (``"oewatch"``, ``"chicago"``) or by path to a Jinja2 template file.

    Raises CitationError for an unknown name, an unreadable file or a template that does not compile.
    """
    if isinstance(style, Style):
        return style
    text = str(style)
    path = Path(text) if (isinstance(style, Path) or "/" in text or text.endswith(_STYLE_SUFFIX)) else \
        STYLES_DIR / f"{text}{_STYLE_SUFFIX}"
    if not path.is_file():
        raise CitationError(f"no citation style {text!r}: give one of {available_styles()} or the path of a "
                            f"{_STYLE_SUFFIX} template (see translator/data/styles/oewatch.jinja).")
    return _compile(path.resolve(), path.stat().st_mtime_ns)  # an edited template is read again


@cache
def _compile(path: Path, _mtime: int) -> Style:
    import jinja2

    environment = jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined, keep_trailing_newline=False)
    environment.filters["cldr_date"] = _cldr_date
    try:
        template = environment.from_string(path.read_text(encoding="utf-8"))
        module = template.make_module(dict.fromkeys(_VARIABLES))  # runs the top-level {% set %} lines
        heading = getattr(module, "sources_heading", "Sources")
    except (OSError, UnicodeDecodeError) as exc:
        raise CitationError(f"cannot read citation style {path}: {exc}") from exc
    except jinja2.TemplateError as exc:
        raise CitationError(f"citation style {path} is not a valid Jinja2 template: {exc}") from exc
    return Style(path.name.removesuffix(_STYLE_SUFFIX), path, str(heading), template)


def _cldr_date(value: str | None, day_pattern: str = "d MMMM y", month_pattern: str = "MMMM y",
               locale: str = "en") -> str:
    """An ISO ``YYYY-MM-DD`` / ``YYYY-MM`` date written with CLDR patterns (Babel); other text unchanged."""
    from babel.dates import format_date

    match = _ISO.match(value or "")
    if not match:
        return value or ""
    year, month, day = match.groups()
    try:
        when = _date(int(year), int(month), int(day or 1))
    except ValueError:
        return value or ""
    return format_date(when, day_pattern if day else month_pattern, locale=locale)


def _spaces(text: str) -> str:
    return re.sub(r"\s+([,.)])", r"\1", " ".join(text.split()))


#: a title's own closing full stop: one ".", after a letter, a digit or a closing bracket or quote, and not the
#: end of an abbreviation ("U.S.", "Inc." keeps it only when another "." is in its last word)
_OWN_STOP = re.compile(r"(?<=[^\W_]|[)\]’”\"'])\.\s*$")


def _without_own_stop(text: str | None) -> str | None:
    """``text`` without the full stop a citing text printed at the end of a title (`titled “Fighting
    terrorism.”`): a style adds its own punctuation after the title, so the stop would double (``.,”``,
    ``..”``; new-user trial 6, F11).  An abbreviation's stop ("the U.S.") and an ellipsis are kept."""
    if not text or not _OWN_STOP.search(text):
        return text
    last_word = text.rstrip()[:-1].split()[-1]
    if "." in last_word:
        return text
    return _OWN_STOP.sub("", text)


def _typographic(text: str | None) -> str | None:
    """Straight quotes made typographic for a title printed inside “…”: a quotation inside it becomes ‘…’
    (the nested form), an apostrophe ’."""
    if not text:
        return text
    text = re.sub(r"(^|[\s(\[])[\"“]", r"\1‘", text)
    text = re.sub(r"(^|[\s(\[])([وبلفك])[\"“](?=\w)", r"\1\2‘", text)  # و"طائفية": opened after a proclitic
    text = re.sub(r"[\"”]", "’", text)
    text = re.sub(r"(^|[\s(\[])'", r"\1‘", text)
    return text.replace("'", "’")


#: what every output adds to a machine-translated title (house styles, exports, the brief)
MACHINE_MARK = "machine translation"
# translation_status values whose title_english_machine is a machine rendering to show, marked; a reviewer's
# rendering from the memory ("human") is shown unmarked; any other status (failed, no_model, ...) has none.
_MACHINE_SHOWN = frozenset({"translated", "suspicious"})


def english_title(record: Mapping[str, Any]) -> tuple[str | None, bool]:
    """``(english, is_machine)``: the English title of a citation record and whether it is a machine
    translation, which every output must mark ``[machine translation]`` (finding 3).

    The citing text's own English (``title_english``) first; else, for a title with an original,
    ``title_english_machine`` when its ``translation_status`` is translated, suspicious (QA flagged it; still
    marked, never shown as the title unmarked) or missing (a table without the column): machine; a reviewer's
    (``human``) rendering: not machine; a failed or absent translation: ``(None, False)``.
    """
    if record.get("title_english"):
        return record["title_english"], False
    machine, status = record.get("title_english_machine"), record.get("translation_status")
    if not machine or not record.get("title_original"):
        return None, False
    if status == "human":
        return machine, False
    if status is None or status in _MACHINE_SHOWN:
        return machine, True
    return None, False


def _context(record: Mapping[str, Any], outlet_as_written: bool) -> dict[str, Any]:
    english, machine = english_title(record)
    if outlet_as_written:
        outlet = _as_written(record.get("raw"), record.get("outlet"))
    else:
        outlet = _printed_name(record.get("outlet_canonical"), record.get("leaning")) or record.get("outlet")
    return {
        "kind": record.get("kind"), "title_original": _typographic(_without_own_stop(record.get("title_original"))),
        "title_english": _typographic(_without_own_stop(english)), "english_is_machine": machine, "outlet": outlet,
        "description": english_description(record, outlet), "author": record.get("author"), "date": record.get("date"),
        "url": record.get("url"), "language": record.get("title_language"),
    }


def english_description(record: Mapping[str, Any], printed_outlet: str | None) -> str | None:
    """The description a house-style line prints beside ``printed_outlet`` (issue 15, new-user trial 6 F23):
    the citing text's own, except an Arabic one (``اللندنية``, ``الصادرة بالفرنسية``) beside an outlet printed
    in Latin letters (an English line): that is the registry's English description of the outlet
    (``London-based pan-Arab daily``), or none when the registry has none (the citations table still holds
    the description as written). Beside an outlet printed in Arabic the Arabic description stays."""
    leaning = record.get("leaning")
    if not leaning or not _ARABIC_SCRIPT.search(leaning) or not printed_outlet \
            or _ARABIC_SCRIPT.search(printed_outlet):
        return leaning
    from .parse import default_registry

    name = record.get("outlet_canonical") or record.get("outlet")
    outlet = default_registry().lookup(name) if name else None
    return outlet.description if outlet is not None else None


_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


def _printed_name(canonical: str | None, description: str | None) -> str | None:
    """The registry name as printed: its disambiguating qualifier ("Al-Akhbar (Lebanon)") is dropped when the
    citation gives a description, which then says which outlet it is (and the parser finds it again)."""
    if canonical and description:
        return _QUALIFIER.sub("", canonical) or canonical
    return canonical


def _as_written(raw: str | None, outlet: str | None) -> str | None:
    """The outlet exactly as the document spells it ("al-Araby al-Jadid"), when ``raw`` holds it; the parser's
    reading case ("Al-Araby al-Jadid") is kept for a name in all capitals."""
    if not raw or not outlet:
        return outlet
    found = re.search(re.escape(outlet), raw, re.IGNORECASE)
    if found is None or found.group(0).isupper():
        return outlet
    return found.group(0)


def format_citation(citation: Citation | Mapping[str, Any], *, style: str | Path | Style = "oewatch",
                    outlet_as_written: bool = False) -> str:
    """One citation in a house style, as one line of text.

    The outlet is the registry's canonical name (``outlet_canonical``) unless ``outlet_as_written``; a title
    with only an Arabic original takes the machine rendering (``title_english_machine``, batch tables) marked
    "[machine translation]".  Raises CitationError for an unknown style or a template error.
    """
    (record,) = citation_records(citation)
    return load_style(style).render(_context(record, outlet_as_written))


def format_citations(citations: Any, *, style: str | Path | Style = "oewatch",
                     outlet_as_written: bool = False) -> list[str]:
    """Every citation of a citations table (or list of ``Citation``) in a house style, in table order."""
    loaded = load_style(style)
    return [loaded.render(_context(r, outlet_as_written)) for r in citation_records(citations)]


def sources_entries(citations: Any) -> list[dict[str, Any]]:
    """The items of a piece's Sources block, as records: one per cited item, in document order.

    Image credits are left out; a citation with a title is one item (same titles, outlet and date = the
    same item, kept once); a mention without a title ("according to RT Arabic") is an item only when no
    titled citation of the same outlet is in the same document.  Order: ``doc_id`` as first met, then
    ``start``.
    """
    records = [r for r in citation_records(citations) if r.get("kind") not in _NOT_SOURCES]
    order = {doc: n for n, doc in enumerate(dict.fromkeys(r.get("doc_id") for r in records))}
    records.sort(key=lambda r: (order[r.get("doc_id")], r.get("start") or 0))
    titled = {(r.get("doc_id"), _outlet_key(r)) for r in records if _has_title(r)}
    seen, entries = set(), []
    for record in records:
        if not _has_title(record) and (record.get("doc_id"), _outlet_key(record)) in titled:
            continue
        key = (_fold(record.get("title_original")), _fold(record.get("title_english")), _outlet_key(record),
               record.get("date"))
        if key not in seen:
            seen.add(key)
            entries.append(record)
    return entries


def sources_block(citations: Any, *, style: str | Path | Style = "oewatch", outlet_as_written: bool = False,
                  heading: bool = True) -> str:
    """The Sources block of a piece: the style's heading, then one entry per line (see
    :func:`sources_entries`).  Empty string when nothing is cited."""
    loaded = load_style(style)
    lines = [loaded.render(_context(r, outlet_as_written)) for r in sources_entries(citations)]
    if not lines:
        return ""
    return "\n".join(([loaded.sources_heading] if heading else []) + lines) + "\n"


def _has_title(record: Mapping[str, Any]) -> bool:
    return bool(record.get("title_original") or record.get("title_english"))


def _outlet_key(record: Mapping[str, Any]) -> str:
    return _fold(record.get("outlet_canonical") or record.get("outlet"))


def _fold(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


# ------------------------------------------------------------------------------------------------ exports
def to_csl_json(citations: Any) -> str:
    """CSL-JSON (a JSON array), one ``article-newspaper`` item per citation.

    Per the CSL 1.0.2 specification ``original-title`` is "the title of the original version" of a
    translated item: a citation with both titles gets the English rendering as ``title`` and the published
    (e.g. Arabic) title as ``original-title``; with one title, that title is ``title``.  ``language`` is the
    published title's language, ``container-title`` the outlet (canonical name), ``issued`` date-parts,
    ``note`` the citing text's description, ``author`` a literal name.  A machine-translated English title
    (see :func:`english_title`) ends " [machine translation]", here and in every export.
    """
    items = []
    for number, r in enumerate(citation_records(citations), 1):
        english, original = _english(r), r.get("title_original")
        item: dict[str, Any] = {"id": _key(r, number), "type": "article-newspaper"}
        _put(item, "title", english or original)  # a mention without a title has none (no "Untitled" item)
        if original and english:
            item["original-title"] = original
        _put(item, "container-title", r.get("outlet_canonical") or r.get("outlet"))
        _put(item, "language", r.get("title_language"))
        _put(item, "URL", r.get("url"))
        _put(item, "note", r.get("leaning"))
        if r.get("author"):
            item["author"] = [{"literal": r["author"]}]
        parts = _date_parts(r.get("date"))
        if parts:
            item["issued"] = {"date-parts": [parts]}
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def to_ris(citations: Any) -> str:
    """RIS, one ``TY  - NEWS`` record per citation: ``TI`` the published title, ``TT`` the English
    (translated) title (a machine one ending " [machine translation]"), ``T2`` the outlet, ``PY``/``DA`` the
    date, ``UR``, ``LA``, ``AU``, ``N1`` the description."""
    lines: list[str] = []
    for r in citation_records(citations):
        english, original = _english(r), r.get("title_original")
        tags = [("TY", "NEWS"), ("TI", original or english), ("TT", english if original else None),
                ("T2", r.get("outlet_canonical") or r.get("outlet")), ("AU", r.get("author"))]
        parts = _date_parts(r.get("date"))
        if parts:
            day = "/".join(f"{p:02d}" for p in parts) + ("/" if len(parts) < 3 else "")  # RIS: YYYY/MM/DD/
            tags += [("PY", str(parts[0])), ("DA", day)]
        tags += [("UR", r.get("url")), ("LA", r.get("title_language")), ("N1", r.get("leaning")), ("ER", "")]
        lines += [f"{tag}  - {_one_line(value)}".rstrip() for tag, value in tags if value is not None]
        lines.append("")
    return "\n".join(lines)


def to_bibtex(citations: Any) -> str:
    """BibTeX, one ``@article`` per citation: ``title`` the published title, ``titleaddon`` the English
    rendering in brackets, ``[English, machine translation]`` for a machine one as the chicago style writes it
    (biblatex prints it after the title, as Chicago 14.102 asks), ``journal`` the outlet,
    ``year``/``month``/``date``, ``url``, ``language``, ``author`` (braced: printed as written),
    ``note`` the description.  Special characters are escaped."""
    entries = []
    for number, r in enumerate(citation_records(citations), 1):
        english, original = _english(r, ", {}"), r.get("title_original")
        parts = _date_parts(r.get("date"))
        addon = _bib(f"[{english}]") if original and english else None
        fields = [("author", f"{{{_bib(r['author'])}}}" if r.get("author") else None),
                  ("title", _bib(original or english)), ("titleaddon", addon),
                  ("journal", _bib(r.get("outlet_canonical") or r.get("outlet"))),
                  ("year", str(parts[0]) if parts else None), ("month", str(parts[1]) if len(parts) > 1 else None),
                  ("date", r.get("date")), ("url", r.get("url")), ("language", r.get("title_language")),
                  ("note", _bib(r.get("leaning")))]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
        entries.append(f"@article{{{_key(r, number)},\n{body}\n}}\n")
    return "\n".join(entries)


#: export format name → writer (the CLI takes its --format choices from this table)
EXPORTS: dict[str, Callable[[Any], str]] = {"csl-json": to_csl_json, "ris": to_ris, "bibtex": to_bibtex}


def export_citations(citations: Any, fmt: str, *, sources: bool = False) -> str:
    """The citations in one of :data:`EXPORTS` (``csl-json``, ``ris``, ``bibtex``), as text.

    Every citation but image credits is one record; with ``sources=True`` only the items of the Sources block
    (:func:`sources_entries`: one per cited item, a mention without a title only when its document cites that
    outlet with no title at all), so a reference manager gets the piece's sources and no empty mentions.
    Raises CitationError for another format name."""
    if fmt not in EXPORTS:
        raise CitationError(f"no export format {fmt!r}: choose one of {sorted(EXPORTS)}")
    # a photo credit is no source of the piece: the Sources block leaves it out, and so do the exports
    records = sources_entries(citations) if sources else [
        r for r in citation_records(citations) if r.get("kind") != "image_credit"]
    return EXPORTS[fmt](records)


def _english(record: Mapping[str, Any], mark: str = " [{}]") -> str | None:
    """The English title for an export, a machine rendering followed by ``mark`` (naming MACHINE_MARK)."""
    english, machine = english_title(record)
    return f"{english}{mark.format(MACHINE_MARK)}" if english and machine else english


def _put(item: dict[str, Any], key: str, value: Any) -> None:
    if value:
        item[key] = value


def _date_parts(value: str | None) -> list[int]:
    match = _ISO.match(value or "")
    return [int(p) for p in match.groups() if p] if match else []


def _key(record: Mapping[str, Any], number: int) -> str:
    from ..text.latin import fold_latin  # accents folded, not dropped: "Algérie" → algerie, not algrie

    outlet = re.sub(r"[^a-z0-9]", "", fold_latin(_fold(record.get("outlet_canonical") or record.get("outlet"))))
    year = (record.get("date") or "")[:4]
    return f"{outlet or 'citation'}{year}-{number}"


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bib(value: str | None) -> str | None:
    if not value:
        return None
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in _one_line(value))

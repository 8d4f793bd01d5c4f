"""A Word brief of a batch run: per document, its cited headlines, their English, its glossary terms and its
Sources block in house style (issue 19).

    >>> from translator.corpus.brief import write_brief
    >>> write_brief("out", "brief.docx")            # doctest: +SKIP

The brief is a draft the analyst edits, built from the tables a run wrote (``translator.read_table``):
``documents`` (titles), ``citations`` (headlines, renderings, sources) and ``segments`` (glossary terms).
Arabic headlines are right-to-left paragraphs: python-docx does not write bidirectional properties, so this
module adds them to the WordprocessingML itself (ECMA-376 Part 1, 17.3.1.6 ``w:bidi`` on the paragraph,
17.3.2.30 ``w:rtl`` on each right-to-left run, 17.3.2.20 ``w:lang/@w:bidi`` for its language); Arabic
inside an English line is its own right-to-left run.  The text is stored in logical order.  The file is
written atomically (temporary file + rename) with the permissions the umask allows.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import atomic_write_bytes
from ..errors import InputError

__all__ = ["BriefDocument", "brief_documents", "write_brief"]

_RTL_CLASSES = frozenset({"R", "AL"})
_STRONG_LTR = frozenset({"L"})
_NEWS_KINDS_EXCLUDED = frozenset({"image_credit"})
# w:pPr children that come after w:bidi, w:rPr children after w:rtl and after w:lang (ECMA-376 schema order).
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
               "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
               "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
MACHINE_MARK = "machine translation"
# added to the mark when the guard or translation QA flagged that rendering (translation_status suspicious)
FLAGGED_MARK = "flagged by QA: check it before quoting"
# term-base layers whose renderings the brief lists as they are: the user's glossary and the shipped one
_NO_ENGLISH = "No English rendering yet (run the batch with translation on)."
# why a headline has no English, by its translation_status (new-user trial 8: "run with translation on" was
# said after a run that had it on but no model installed)
_NO_ENGLISH_BY_STATUS = {
    "no_model": "No English rendering yet: the run had no translation model (`translator models pull`, or "
                "`translator models add PATH`), then run the batch again.",
    "failed": "No English rendering: the machine translation failed (see translation_note in the segments "
              "table).",
}
_GLOSSARY_LAYERS = frozenset({"user", "glossary"})


@dataclass
class Headline:
    """A cited headline: the published title, its English, whether that English is machine output, and
    whether the guard or translation QA flagged that machine output (``translation_status`` suspicious)."""

    original: str | None
    english: str | None
    machine: bool
    outlet: str | None
    flagged: bool = False
    status: str | None = None  # translation_status of the headline (why there is no English, when there is none)


@dataclass
class BriefDocument:
    """What the brief says about one document (plain data, testable without Word)."""

    doc_id: str
    title: str
    headlines: list[Headline] = field(default_factory=list)
    terms: list[tuple[str, str]] = field(default_factory=list)  # (English as the glossary renders it, Arabic)
    sources: list[str] = field(default_factory=list)  # house-style lines
    sources_heading: str = "Sources"


# ------------------------------------------------------------------------------------------------ content
def brief_documents(out_dir: str | Path, *, style: str | Path = "oewatch",
                    outlet_as_written: bool = False) -> list[BriefDocument]:
    """The brief's content, one entry per document of the run in ``out_dir`` that cites something or has a
    glossary term, in the documents table's order.  Raises InputError when the run's tables are missing."""
    from ..citations.format import citation_records, format_citations, load_style, sources_entries
    from .tables import read_table

    out_dir = Path(out_dir)
    documents = read_table(out_dir, "documents")
    citations = citation_records(read_table(out_dir, "citations"))
    terms = _terms_by_document(read_table(out_dir, "segments"))
    loaded = load_style(style)
    result = []
    for doc in citation_records(documents):
        doc_id = doc["doc_id"]
        cited = sorted((c for c in citations if c.get("doc_id") == doc_id), key=lambda c: c.get("start") or 0)
        entry = BriefDocument(doc_id, doc.get("title") or doc_id, [_headline(c) for c in cited if _titled(c)],
                              terms.get(doc_id, []), sources_heading=loaded.sources_heading)
        entry.sources = format_citations(sources_entries(cited), style=loaded, outlet_as_written=outlet_as_written)
        if entry.headlines or entry.terms or entry.sources:
            result.append(entry)
    return result


def _titled(citation: dict[str, Any]) -> bool:
    return citation.get("kind") not in _NEWS_KINDS_EXCLUDED and bool(
        citation.get("title_original") or citation.get("title_english"))


def _headline(citation: dict[str, Any]) -> Headline:
    from ..citations.format import english_title

    original = citation.get("title_original")
    english, machine = english_title(citation)
    english = " ".join(english.split()) if english else None
    return Headline(original, english, machine, citation.get("outlet_canonical") or citation.get("outlet"),
                    flagged=machine and citation.get("translation_status") == "suspicious",
                    status=citation.get("translation_status"))


def _terms_by_document(segments: Any) -> dict[str, list[tuple[str, str]]]:
    """``glossary_terms`` cells ("surface=target; ...") gathered per document, each English rendering once.

    A term the shipped or the user's glossary does not hold (``term_layers``: composed, gazetteer, romanized,
    or ambiguous) carries its layer, ``Hail (gazetteer)``, as the report's terms column shows it: a name made
    by rule or read from a gazetteer is a lead to check, not a glossary rendering (new-user trial 6: the
    gazetteer read ``يشيد`` "praises" as Hail)."""
    found: dict[str, dict[str, str]] = {}
    if "glossary_terms" not in segments.columns:
        return {}
    layers = segments["term_layers"] if "term_layers" in segments.columns else [None] * len(segments)
    for doc_id, cell, layer_cell in zip(segments["doc_id"], segments["glossary_terms"], layers, strict=True):
        if not isinstance(cell, str) or not cell:
            continue
        cell_layers = layer_cell.split("; ") if isinstance(layer_cell, str) else []
        for k, pair in enumerate(cell.split("; ")):
            surface, _, target = pair.partition("=")
            layer = cell_layers[k] if k < len(cell_layers) else ""
            if layer and layer not in _GLOSSARY_LAYERS:
                target = f"{target} ({layer})"
            if surface and target:
                found.setdefault(doc_id, {}).setdefault(target, surface)
    return {doc_id: [(target, surface) for target, surface in pairs.items()] for doc_id, pairs in found.items()}


# ------------------------------------------------------------------------------------------------ the .docx
def write_brief(out_dir: str | Path, output: str | Path, *, style: str | Path = "oewatch",
                outlet_as_written: bool = False) -> Path:
    """Write the Word brief of the run in ``out_dir`` to ``output`` (.docx); returns the path written.

    Raises InputError when the run's tables are missing or ``output`` cannot be written."""
    documents = brief_documents(out_dir, style=style, outlet_as_written=outlet_as_written)
    data = _docx_bytes(documents, _run_name(Path(out_dir)))
    return _write_atomic(Path(output), data)


def _run_name(out_dir: Path) -> str:
    """What the brief is about: the corpus folder the run read (``manifest.json``'s ``input``: "Brief: news"),
    else the output folder's name ("Brief: out1" named only where the tables happened to go)."""
    import json

    try:
        source = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8")).get("input")
    except (OSError, ValueError, AttributeError):
        source = None
    return Path(source).name if isinstance(source, str) and Path(source).name else out_dir.name


def _docx_bytes(documents: list[BriefDocument], run_name: str) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = f"Brief: {run_name}"
    document.add_heading(f"Brief: {run_name}", level=0)
    if not documents:
        document.add_paragraph("No document of this run cites a source or uses a glossary term.")
    for entry in documents:
        _add_document(document, entry)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_document(document: Any, entry: BriefDocument) -> None:
    _mixed(document.add_heading(level=1), entry.title)
    if entry.headlines:
        document.add_heading("Cited headlines", level=2)
    for headline in entry.headlines:
        if headline.original:
            _mixed(document.add_paragraph(), headline.original, bold=True)  # its own direction (P2)
        english = document.add_paragraph()
        if headline.english and headline.original:
            _mixed(english, headline.english, rtl=False)
            if headline.machine:
                mark = f"{MACHINE_MARK}; {FLAGGED_MARK}" if headline.flagged else MACHINE_MARK
                english.add_run(f" [{mark}]").italic = True
        elif headline.english:
            _mixed(english, headline.english, rtl=False, bold=True)
        else:
            english.add_run(_NO_ENGLISH_BY_STATUS.get(headline.status or "", _NO_ENGLISH)).italic = True
        if headline.outlet:
            english.add_run(f" — {headline.outlet}").italic = True
    if entry.terms:
        document.add_heading("Glossary terms", level=2)
    for english, arabic in entry.terms:
        _mixed(document.add_paragraph(style="List Bullet"), f"{english} — {arabic}", rtl=False)
    if entry.sources:
        document.add_heading(entry.sources_heading, level=2)
    for line in entry.sources:  # an Arabic source line is a right-to-left paragraph (python-docx#1138: its
        _mixed(document.add_paragraph(), line, rtl=_mostly_rtl(line))  # closing quote at the wrong end)


def _mixed(paragraph: Any, text: str, *, rtl: bool | None = None, bold: bool = False) -> None:
    """Add ``text`` to ``paragraph`` as runs of one direction each.  ``rtl`` is the paragraph's direction;
    None takes it from most of its words, the first strong character deciding a tie (the Unicode bidi
    algorithm's rule P2 alone makes "ChatGPT في المدارس…" a left-to-right heading: docxtemplater#656)."""
    if rtl is None:
        from ..text.bidi import paragraph_direction

        rtl = paragraph_direction(text) == "rtl"
    if rtl:
        _set_bidi(paragraph)
    for chunk, chunk_rtl in direction_runs(text, base_rtl=rtl):
        run = paragraph.add_run(chunk)
        run.bold = bold or None
        if chunk_rtl:
            _set_rtl(run, bold=bold)


def _mostly_rtl(text: str) -> bool:
    """Whether most strong characters of ``text`` are right-to-left: an Arabic citation line is, an English one
    around an Arabic headline (“ليبيا وتونس…” (Libya and Tunisia…), Al-Wasat, 2 July 2024) is not."""
    kinds = [d for d in map(_strong, text) if d is not None]
    return 2 * sum(kinds) > len(kinds)


def direction_runs(text: str, *, base_rtl: bool = False) -> list[tuple[str, bool]]:
    """``text`` cut into ``(chunk, right_to_left)`` runs by the Unicode bidi class of its strong characters.

    Neutral characters (spaces, punctuation, quotes, digits) between two strong characters of one direction
    take that direction, others the paragraph's (``base_rtl``) — the Unicode bidi algorithm's rules N1/N2
    (UAX #9), so "“عنوان (Title),”" in an English line keeps its opening quote on the English side."""
    directions = [_strong(char) for char in text]
    resolved: list[bool] = []
    index = 0
    while index < len(text):
        if directions[index] is not None:
            resolved.append(bool(directions[index]))
            index += 1
            continue
        end = index
        while end < len(text) and directions[end] is None:
            end += 1
        before = resolved[-1] if resolved else base_rtl
        after = directions[end] if end < len(text) else base_rtl
        resolved += [before if before == after else base_rtl] * (end - index)
        index = end
    runs: list[list] = []
    for char, rtl in zip(text, resolved, strict=True):
        if runs and runs[-1][1] == rtl:
            runs[-1][0] += char
        else:
            runs.append([char, rtl])
    return [(chunk, rtl) for chunk, rtl in runs]


_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _strong(char: str) -> bool | None:
    """True for a strong right-to-left character, False for strong left-to-right, None for the rest (the bidi
    marks and controls among them: a stray LRM before an Arabic headline does not make it left-to-right)."""
    if char in _BIDI_CONTROLS:
        return None
    kind = unicodedata.bidirectional(char)
    return True if kind in _RTL_CLASSES else False if kind in _STRONG_LTR else None


def _set_bidi(paragraph: Any) -> None:
    from docx.oxml import OxmlElement

    pPr = paragraph._p.get_or_add_pPr()
    if pPr.find(_qn("w:bidi")) is None:
        pPr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def _set_rtl(run: Any, *, bold: bool = False) -> None:
    from docx.oxml import OxmlElement

    rPr = run._r.get_or_add_rPr()
    rPr.get_or_add_rtl()
    if bold:
        rPr.get_or_add_bCs()  # Word bolds a right-to-left run by its complex-script property
    if rPr.find(_qn("w:lang")) is None:
        lang = OxmlElement("w:lang")
        lang.set(_qn("w:bidi"), "ar-SA")
        rPr.insert_element_before(lang, *_AFTER_LANG)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _write_atomic(path: Path, data: bytes) -> Path:
    """``data`` to ``path`` atomically (mode 0666 less the umask); raises ``InputError`` when it cannot be written."""
    try:
        return atomic_write_bytes(path, data)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}; choose another --output") from exc

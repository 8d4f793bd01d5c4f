"""The pure middle of the pipeline: a `Document` in, typed rows out (no I/O, no model).

segment → detect language → match glossary terms → find citations. Translation is added afterwards by
`translate_analyses`, because it is batched across documents and needs the one engine object.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..text.segment import lines, sentences
from .readers import Document
from .rows import CitationRow, DocumentRow, ErrorRow, SegmentRow

# Markdown documents come with their markup blanked (same length, same offsets): one space is enough.
_SPACES = re.compile(r"[ \t]{2,}")
__all__ = ["Analysis", "analyze_document", "mt_span", "text_for_mt", "wants_translation"]

# What may be cut from the ends of a run before it goes to the model (the table keeps the text as written):
# spaces, bidi marks, list bullets, clause punctuation left by the cut into runs, and dashes that are no sign.
# A quote or bracket is cut only when its partner is not in the run (see mt_span).
_LOOSE = ",،;؛:*•·–—-\u2212 \t\n\r\u00a0\u200f\u200e\u061c"
_DASHES = "-–—\u2212"
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {v: k for k, v in _BRACKETS.items()}
# Quote marks by family, whatever their shape (Arabic text also writes ”…“ and »…«: a mark opens or closes by
# its neighbours): an edge quote belongs to the run when the run holds another of its family.
_QUOTE_FAMILY = {**dict.fromkeys("“”„\"", "double"), **dict.fromkeys("‘’‚'", "single"),
                 **dict.fromkeys("«»", "guillemet"), **dict.fromkeys("‹›", "single guillemet")}
_SIGNED = re.compile(r"[-–\u2212+]\d|\u2212\s\d")  # -5%, −3: a sign, not a bullet


@dataclass
class Analysis:
    """Everything the pipeline knows about one document, as typed table rows (:mod:`translator.corpus.rows`).

    ``to_dict`` is the stored form (the run state's JSON: the rows as dicts, None columns left out) and
    ``from_dict`` reads it back; the table writers take those dicts.
    """

    document: DocumentRow | None  # None: an earlier part of a long text (corpus.long_text); the last has it
    segments: list[SegmentRow] = field(default_factory=list)
    citations: list[CitationRow] = field(default_factory=list)
    #: records of the document's file left out while reading it (errors rows, scope ``record``: issue #13)
    errors: list[ErrorRow] = field(default_factory=list)
    # The glossary matches the analysis found, for translation QA to reuse (issue 17: a segment is not matched
    # twice): (the glossary's version, {segment_id: [TermMatch, ...] into the segment's text}). Not stored
    # (``to_dict`` leaves it out): a run resumed from its state matches again.
    term_matches: tuple[str, dict[int, list]] | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict:
        """The stored form; ``errors`` only when there are some (the run state files them in its errors)."""
        stored = {"document": None if self.document is None else self.document.as_dict(compact=True),
                  "segments": [s.as_dict(compact=True) for s in self.segments],
                  "citations": [c.as_dict(compact=True) for c in self.citations]}
        if self.errors:
            stored["errors"] = [e.as_dict(compact=True) for e in self.errors]
        return stored

    @classmethod
    def from_dict(cls, data: dict) -> Analysis:
        """Raises ``TypeError`` for a key that is not a column of its table."""
        document = None if data["document"] is None else DocumentRow.from_dict(data["document"])
        return cls(document, [SegmentRow.from_dict(s) for s in data["segments"]],
                   [CitationRow.from_dict(c) for c in data["citations"]],
                   [ErrorRow.from_dict(e) for e in data.get("errors", ())])


def analyze_document(doc: Document, *, glossary=None, detector: str = "default") -> Analysis:
    """Segment ``doc``, detect each segment's language, match glossary terms and parse its citations."""
    from ..citations import parse_citations
    from ..langid import detect_runs

    segments: list[SegmentRow] = []
    line_starts = [line.start for line in lines(doc.text)]
    for sentence in sentences(doc.text):
        line_no = bisect.bisect_right(line_starts, sentence.start) - 1
        for run in keep_dates_whole(sentence.text, detect_runs(sentence.text, detector=detector)):
            start = sentence.start + run.start
            text = _SPACES.sub(" ", run.text) if doc.format == "markdown" else run.text
            segments.append(SegmentRow(
                doc_id=doc.doc_id, segment_id=len(segments), line=line_no,
                start=start, end=sentence.start + run.end, text=text,
                lang=run.lang, lang_confidence=round(float(run.confidence), 4), script=run.script,
            ))
    segments = _arabic_by_context(segments)
    term_matches = None
    if glossary is not None:
        from ..glossary.outlets import outlet_country

        country = outlet_country(doc.outlet, doc.url)  # names romanized as the outlet's country writes them
        from ..glossary import Glossary
        from ..glossary.document import DocumentNames

        found: dict[int, list] = {}
        # a surname alone later in the document is the person named in full before (a stand-in glossary that is
        # no Glossary, as tests pass, matches each segment alone)
        names = DocumentNames() if isinstance(glossary, Glossary) else None
        segments = [_add_terms(seg, glossary, found, country, names) for seg in segments]
        term_matches = (glossary.version, found)
    citations = [CitationRow.from_dict(c.to_row(doc.doc_id)) for c in parse_citations(doc.text)]
    lang_chars = Counter()
    for seg in segments:
        lang_chars[seg.lang] += seg.end - seg.start
    lang_chars.pop("und", None)
    document = DocumentRow(
        doc_id=doc.doc_id, path=doc.path, format=doc.format, encoding=doc.encoding,
        encoding_confidence=doc.encoding_confidence, file_created=doc.file_created,
        sha256=doc.sha256, title=doc.title, outlet=doc.outlet, published=doc.published,
        url=doc.url, lang=lang_chars.most_common(1)[0][0] if lang_chars else "und",
        n_chars=len(doc.text), n_segments=len(segments),
        n_arabic_segments=sum(seg.lang == "ar" for seg in segments),
        n_citations=len(citations), warnings="; ".join(doc.warnings),
    )
    return Analysis(document, segments, citations, list(doc.errors), term_matches=term_matches)


def keep_dates_whole(text: str, runs: list) -> list:  # type: ignore[type-arg]
    """Move a language-run boundary that falls inside a date to the date's edge, so ``3 أيار/مايو 2023`` in an
    English sentence stays one piece with its Arabic run (issue #14). ``runs`` are ``LangRun``s of ``text``;
    a run left without letters (only the ``3``) joins its neighbour."""
    from dataclasses import replace

    from ..dates import find_dates

    runs = list(runs)
    for i in range(len(runs) - 1):
        left, right = runs[i], runs[i + 1]
        if "Arab" not in (left.script, right.script):
            continue
        lo, hi = max(left.start, right.start - 24), min(right.end, right.start + 24)
        for found in find_dates(text[lo:hi]):
            if found.start is None or not (lo + found.start < right.start < lo + found.end):
                continue
            cut = lo + found.start if right.script == "Arab" else lo + found.end
            cut = min(max(cut, left.start), right.end)
            runs[i] = replace(left, end=cut, text=text[left.start:cut].rstrip())
            runs[i] = replace(runs[i], end=left.start + len(runs[i].text))
            runs[i + 1] = replace(right, start=cut, text=text[cut:right.end])
            break
    return [r for r in runs if any(ch.isalpha() for ch in r.text)] or runs


def _arabic_by_context(segments: list[SegmentRow]) -> list[SegmentRow]:
    """A word or two of Arabic script that detection alone cannot name (``und``: Persian and Urdu write
    them too) is Arabic unless the document's other Arabic-script text is mostly Persian, Urdu or Kurdish."""
    arabic = sum(s.end - s.start for s in segments if s.lang == "ar")
    others = sum(s.end - s.start for s in segments if s.script == "Arab" and s.lang not in ("ar", "und"))
    if arabic < others:
        return segments
    # an English document citing a short Arabic headline: the headline is Arabic
    return [s.replace(lang="ar") if s.lang == "und" and s.script == "Arab" else s for s in segments]


def _add_terms(segment: SegmentRow, glossary, found: dict[int, list],  # type: ignore[no-untyped-def]
               country: str | None = None, names=None) -> SegmentRow:  # type: ignore[no-untyped-def]
    if segment.lang != "ar":
        return segment
    kwargs = {"country": country} if country else {}
    matches = glossary.match(segment.text, **kwargs, document=names) if names is not None else \
        glossary.match(segment.text, **kwargs)
    found[segment.segment_id] = matches
    return segment.replace(
        glossary_terms="; ".join(f"{m.surface}={'|'.join(m.candidates) or m.target}" for m in matches),
        term_layers="; ".join(m.layer + (" ambiguous" if m.ambiguous else "") for m in matches),
        terms_found=len(matches))


def mt_span(text: str) -> tuple[int, int]:
    """(start, end) of what of a segment's ``text`` goes to the model: ``text[start:end]`` (see
    :func:`text_for_mt`). Offsets found in that text map back to ``text`` by adding ``start``.

    Cut from either end: spaces and bidi marks, list bullets (``*``, ``•``, a dash before a space), clause
    punctuation (``,`` ``،`` ``;`` ``:``) and dashes left by the cut into language runs, and a quote or bracket
    whose partner is not in the run (its pair lies in the neighbouring run), and one pair that wraps the whole
    run with no other mark of its kind inside (``«…»`` around a quoted sentence: the frame, not the text).
    Kept: a sign before a number (``-5%``, ``−3``), a dash inside the text, and a quote or bracket whose
    partner is inside the run (``تصل "إلى مستوى جديد"``, ``الكويت (كونا)``): they belong to the text.
    """
    start, end = 0, len(text)
    while True:
        while start < end and _loose(text, start, end, start):
            start += 1
        while end > start and _loose(text, start, end, end - 1):
            end -= 1
        if end - start < 2 or not _wrapping(text, start, end):
            return start, end
        start, end = start + 1, end - 1


def _loose(text: str, start: int, end: int, at: int) -> bool:
    """True when ``text[at]``, at an end of ``text[start:end]``, may be cut (see :func:`mt_span`)."""
    char = text[at]
    if char in _DASHES and at == start and _SIGNED.match(text, start, end):
        return False
    if char in _LOOSE or _lone_quote(text, start, end, at):
        return True
    if at == start:
        return char in _CLOSING or (char in _BRACKETS and _BRACKETS[char] not in text[start + 1:end])
    return char in _BRACKETS or (char in _CLOSING and _CLOSING[char] not in text[start:end - 1])


def _wrapping(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is wrapped whole in one pair of quotes or brackets with no other mark of
    their kind inside: the frame of a quoted run (``«أعلنت الوزارة ...»``), not part of it."""
    first, last = text[start], text[end - 1]
    inner = text[start + 1:end - 1]
    if first in _BRACKETS:
        return _BRACKETS[first] == last and first not in inner and last not in inner
    family = _QUOTE_FAMILY.get(first)
    return family is not None and _QUOTE_FAMILY.get(last) == family and all(
        _QUOTE_FAMILY.get(c) != family for c in inner)


def _lone_quote(text: str, start: int, end: int, at: int) -> bool:
    """True when ``text[at]`` is a quote mark with no other of its family in ``text[start:end]`` (odd count)."""
    family = _QUOTE_FAMILY.get(text[at])
    return family is not None and sum(_QUOTE_FAMILY.get(c) == family for c in text[start:end]) % 2 == 1


def text_for_mt(text: str) -> str:
    """What of a segment goes to the model, the translation memory and a review file's source: the run without
    what the cut into runs left at its ends (see :func:`mt_span`); a sign, and quotes and brackets that close
    in the run, are kept."""
    start, end = mt_span(text)
    return text[start:end]


def wants_translation(segment: Mapping[str, Any] | SegmentRow) -> bool:
    """True when ``segment`` (a typed row, or a row read back from the segments table) is Arabic with text
    to send to the model."""
    return segment["lang"] == "ar" and bool(text_for_mt(segment["text"]))

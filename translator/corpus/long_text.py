"""Long texts in bounded memory (issue #13): a file of many MB is analysed, translated and saved part by part.

A 49 MB text on one line (a scraped dump, an export that lost its line breaks) used to be segmented whole:
every segment of it as a row in memory at once, about 140 MB of memory per MB of text. Here a document longer
than :data:`PART_CHARS` characters is cut into parts at the last paragraph break, else line break, else
sentence end, else space before the limit (a hard cut only in a run of 50,000 characters without a space).
Each part is analysed, translated and committed to the run state before the next is read, so what one file
costs is its text plus one part's rows, whatever its length.

The rows are those of one document: one ``documents`` row (counts over all parts, a warning saying it was
analysed in parts), segments numbered on from part to part, ``start``/``end`` and ``line`` pointing into the
whole text, citations' offsets likewise. What a part cut can change: a sentence is never split (cuts fall at
sentence ends or earlier), but a citation that spans a paragraph break at a cut is read as two pieces, and
the "short Arabic-script run is Arabic" rule looks at its own part only.

The run state keeps a file's parts as rows marked unfinished until the last one is in, so a run killed
half-way through a long file redoes that file (never leaves half of it as done).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from .analyze import Analysis, analyze_document
from .limits import file_time_budget, warm_up
from .readers import Document, SourceFile, read_documents
from .stages import file_error, needs_translation, translate_analyses

__all__ = ["GROUP_SEGMENTS", "LONG_FILE_BYTES", "PART_CHARS", "analyze_in_parts", "part_bounds", "process_long_file"]

logger = logging.getLogger("translator")

#: a document longer than this (characters) is analysed in parts of at most this many characters
PART_CHARS = 100_000
#: a file larger than this (bytes) goes through the part-by-part path, in the batch's own process
LONG_FILE_BYTES = 512 * 2**10
#: parts (or small documents of a large record file) are translated and saved in groups of about this many segments
GROUP_SEGMENTS = 2_000
_HARD_CUT_WINDOW = 50_000  # look this far back from the limit for a break before cutting hard
_BREAKS = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"[.!?؟。]+[\"'”’»)\]]*\s"), re.compile(r"\s"))


def part_bounds(text: str, part_chars: int = PART_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the parts of ``text``: consecutive, covering it all, each ≤ ``part_chars``.

    A cut falls after the last paragraph break in the window ``(end - 50,000, end]`` (or half the part, for
    small ``part_chars``), else after the last line break, sentence end, or space, else at ``end``.
    """
    start, size = 0, len(text)
    window = min(_HARD_CUT_WINDOW, max(1, part_chars // 2))
    while start < size:
        end = min(start + part_chars, size)
        if end < size:
            end = _cut(text, max(start + 1, end - window), end)
        yield start, end
        start = end


def _cut(text: str, lo: int, hi: int) -> int:
    """The offset after the last break in ``text[lo:hi]`` (the strongest kind found), else ``hi``."""
    for pattern in _BREAKS:
        last = None
        for last in pattern.finditer(text, lo, hi):  # noqa: B007 (only the last match is wanted)
            pass
        if last is not None:
            return last.end()
    return hi


def analyze_in_parts(doc: Document, *, glossary=None, detector: str = "default", part_chars: int = PART_CHARS,
                     max_seconds: float = 0.0) -> Iterator[Analysis]:
    """Analyse ``doc`` part by part: one `Analysis` per part (see :func:`part_bounds`), offsets into ``doc.text``.

    Every part's ``document`` is None except the last's, which is the document's row for the whole text
    (counts over all parts; ``warnings`` says it was analysed in parts). A document of at most ``part_chars``
    characters is one part, the same rows as :func:`analyze_document`. ``max_seconds``: the time budget of
    each part (:class:`~translator.corpus.limits.FileTimeLimitError` past it).
    """
    bounds = list(part_bounds(doc.text, part_chars))
    segments = arabic = citations = lines_before = 0
    lang_chars: Counter[str] = Counter()
    for number, (start, end) in enumerate(bounds, 1):
        with file_time_budget(max_seconds, f"{doc.path} (part {number} of {len(bounds)})"):
            part = analyze_document(replace(doc, text=doc.text[start:end]), glossary=glossary, detector=detector)
        continues = start > 0 and _same_line(doc.text, start)
        part.segments[:] = [seg.replace(start=seg["start"] + start, end=seg["end"] + start,
                                        line=seg["line"] + lines_before - continues,
                                        segment_id=seg["segment_id"] + segments) for seg in part.segments]
        for seg in part.segments:
            lang_chars[seg["lang"]] += seg["end"] - seg["start"]
        part.citations[:] = [row.replace(**{key: row[key] + start for key in ("start", "end")
                                            if isinstance(row.get(key), int)}) for row in part.citations]
        lines_before += _count_lines(doc.text, start, end) - continues
        segments += len(part.segments)
        arabic += part.document["n_arabic_segments"]
        citations += len(part.citations)
        document = None
        if number == len(bounds):
            document = part.document
            lang_chars.pop("und", None)
            warning = (f"a long text ({len(doc.text):,} characters) was analysed in {len(bounds)} parts of at most "
                       f"{part_chars:,} characters, cut at paragraph, line or sentence ends (offsets point into the "
                       "whole text)") if len(bounds) > 1 else ""
            document = document.replace(
                n_chars=len(doc.text), n_segments=segments, n_arabic_segments=arabic, n_citations=citations,
                lang=lang_chars.most_common(1)[0][0] if lang_chars else "und",
                warnings="; ".join(w for w in (*doc.warnings, warning) if w))
        yield Analysis(document, part.segments, part.citations)  # type: ignore[arg-type]


def _count_lines(text: str, start: int, end: int) -> int:
    """Non-blank lines of ``text[start:end]``, as :func:`translator.text.segment.lines` counts them."""
    from ..text.segment import lines

    return len(lines(text[start:end]))


def _same_line(text: str, cut: int) -> bool:
    """True when the text just before and just after ``cut`` belong to one line (no line break between
    the last non-blank character before and the first after), so the part after it continues a line."""
    i = cut - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = cut
    while j < len(text) and text[j] in " \t":
        j += 1
    return i >= 0 and j < len(text) and text[i] not in "\r\n" and text[j] not in "\r\n"


def process_long_file(source: SourceFile, sha: str, data: bytes, state, settings: str, options, glossary,
                      lazy, summary) -> None:  # type: ignore[no-untyped-def]
    """Read, analyse, translate and save one large file part by part into the run state ``state``.

    ``options``/``lazy``/``summary``: the batch's `BatchOptions`, `LazyTranslator` and `RunSummary`. Parts
    (and the small documents of a large record file) are translated and saved in groups of about
    :data:`GROUP_SEGMENTS` segments. A file that cannot be read or analysed becomes its errors row (its parts
    saved so far are dropped); the file counts as processed once its last part is saved. Time budget
    (``options.max_file_seconds``): each part has it, and reading the file has it once per 512 KB.
    """
    stage, group, saved = "read", [], 0
    try:
        if options.max_file_seconds and options.max_file_seconds > 0:
            warm_up(glossary, options.detector)  # one-time loading is not charged to this file's budget
        # reading is one step whose work grows with the file: its budget is the per-file one per 512 KB read
        with file_time_budget(options.max_file_seconds * -(-len(data) // LONG_FILE_BYTES), source.rel):
            docs = read_documents(source, data)
        stage = "analyze"
        for doc in docs:
            parts = analyze_in_parts(doc, glossary=glossary, detector=options.detector, part_chars=PART_CHARS,
                                     max_seconds=options.max_file_seconds)
            for number, analysis in enumerate(parts, 1):
                key = doc.doc_id if analysis.document is not None else f"{doc.doc_id} (part {number})"
                group.append((key, analysis))
                if sum(len(a.segments) for _, a in group) >= GROUP_SEGMENTS:
                    settings = _translate_and_save(group, source, sha, state, settings, options, glossary, lazy,
                                                   first=saved == 0)
                    saved, group = saved + len(group), []
        if group or not saved:
            settings = _translate_and_save(group, source, sha, state, settings, options, glossary, lazy,
                                           first=saved == 0)
    except Exception as exc:  # as analyze_file: any failure of one file is that file's errors row
        row = file_error(source, stage, exc)
        state.save_error(row.path, sha, row.stage, row.error, row.message)
        return
    state.finish_parts(source.rel, settings)
    summary.processed_files += 1


def _translate_and_save(group: list, source: SourceFile, sha: str, state, settings: str, options, glossary,
                        lazy, *, first: bool) -> str:  # type: ignore[no-untyped-def]
    """Translate the analyses of ``group`` ([(state key, Analysis)]) and save them as unfinished parts;
    returns the settings the file is to be saved under (those without a model when the model failed to load)."""
    analyses = [a for _, a in group]
    wanted = options.translate and needs_translation(analyses)
    translator = lazy.get() if wanted else None
    if wanted and translator is None and lazy.settings_without_model is not None:
        settings = lazy.settings_without_model  # the model failed to load: redo these files once it loads
    problem = translate_analyses(analyses, translator, lazy.reason if options.translate else None,
                                 glossary=glossary, progress=False,
                                 memory=lazy.memory() if wanted and translator is None else None)
    if problem:
        logger.warning("translation failed for a part of %s: %s", source.rel, problem)
    state.save_parts(source.rel, sha, [(key, a.to_dict()) for key, a in group], first=first)
    return settings

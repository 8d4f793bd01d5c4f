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

import hashlib
import logging
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ..errors import InputError
from .analyze import Analysis, analyze_document
from .decode import STREAM_PIECE_CHARS, TextStream
from .limits import file_time_budget, warm_up
from .readers import (
    HTML_SUFFIXES,
    STREAMED_SUFFIXES,
    Document,
    FirstLineTitle,
    SourceFile,
    html_stream_documents,
    read_documents,
    stream_records,
    text_document,
)
from .safe_open import open_regular
from .stages import file_error, read_error, read_source

__all__ = ["GROUP_SEGMENTS", "LONG_FILE_BYTES", "PART_CHARS", "analyze_in_parts", "file_sha256", "long_file_groups",
           "part_bounds", "process_long_file"]

logger = logging.getLogger("translator")

#: a document longer than this (characters) is analysed in parts of at most this many characters
PART_CHARS = 100_000
#: a file larger than this (bytes) goes through the part-by-part path, in the batch's own process
LONG_FILE_BYTES = 512 * 2**10
#: parts (or small documents of a large record file) are translated and saved in groups of about this many segments
GROUP_SEGMENTS = 2_000
_SLICE = 2**20  # a text held whole is handed to the part cutter in slices of this many characters
_HARD_CUT_WINDOW = 50_000  # look this far back from the limit for a break before cutting hard
_BREAKS = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"[.!?؟。]+[\"'”’»)\]]*\s"), re.compile(r"\s"))


def part_bounds(text: str, part_chars: int = PART_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the parts of ``text``: consecutive, covering it all, each ≤ ``part_chars``.

    A cut falls after the last paragraph break in the window ``(end - 50,000, end]`` (or half the part, for
    small ``part_chars``), else after the last line break, sentence end, or space, else at ``end``.
    """
    for part in _parts((text[i:i + _SLICE] for i in range(0, len(text), _SLICE)), part_chars):
        yield part.start, part.start + len(part.text)


@dataclass
class _Part:
    start: int  # offset of the part in the whole text
    text: str
    continues: bool  # the part begins inside a line that began in the part before
    last: bool


def _parts(pieces: Iterable[str], part_chars: int, pull=None) -> Iterator[_Part]:  # type: ignore[no-untyped-def]
    """The parts of the text that ``pieces`` hold in turn (as :func:`part_bounds` cuts the whole text), holding
    about one part and one piece at a time. ``pull(iterator)``: how to get the next piece (default ``next``)."""
    window = min(_HARD_CUT_WINDOW, max(1, part_chars // 2))
    source = iter(pieces)
    pull = pull or next
    buffer, base, ended = "", 0, False
    before = ""  # the last character other than a space or tab before ``buffer``
    continues = False

    def fill(size: int) -> None:
        nonlocal buffer, ended
        held, have = [buffer], len(buffer)
        while have < size and not ended:
            piece = pull(source, None)
            if piece is None:
                ended = True
            elif piece:
                held.append(piece)
                have += len(piece)
        buffer = "".join(held)

    while True:
        fill(part_chars + 1)
        if not buffer:
            return
        end = len(buffer) if len(buffer) <= part_chars else _cut(buffer, max(1, part_chars - window), part_chars)
        # does the text after the cut continue the line before it? (look past spaces and tabs both ways)
        after = end
        while True:
            while after < len(buffer) and buffer[after] in " \t":
                after += 1
            if after < len(buffer) or ended:
                break
            fill(len(buffer) + part_chars)
        head = buffer[:end].rstrip(" \t")
        last_before = head[-1] if head else before
        next_continues = bool(last_before) and after < len(buffer) and last_before not in "\r\n" \
            and buffer[after] not in "\r\n"
        last = end == len(buffer) and ended
        yield _Part(base, buffer[:end], continues, last)
        if last:
            return
        before, continues = last_before, next_continues
        buffer, base = buffer[end:], base + end


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
                     max_seconds: float = 0.0, pieces: Iterable[str] | None = None,
                     pull=None) -> Iterator[Analysis]:  # type: ignore[no-untyped-def]
    """Analyse ``doc`` part by part: one `Analysis` per part (see :func:`part_bounds`), offsets into its text.

    ``pieces``: the text as it is read, piece by piece (a :class:`~translator.corpus.decode.TextStream`), so
    that only about one part of it is held at once; None: ``doc.text``. Every part's ``document`` is None
    except the last's, which is the document's row for the whole text (counts over all parts; ``warnings``
    says it was analysed in parts; title and warnings are ``doc``'s as they stand when the text has been
    read to its end). A text of at most ``part_chars`` characters is one part, the same rows as
    :func:`analyze_document`. ``max_seconds``: the time budget of each part
    (:class:`~translator.corpus.limits.FileTimeLimitError` past it). ``pull``: see :func:`_parts`.
    """
    segments = arabic = citations = lines_before = n_chars = 0
    lang_chars: Counter[str] = Counter()
    if pieces is None:  # slices of the text, so that cutting a part off never copies the rest of it
        pieces = (doc.text[i:i + _SLICE] for i in range(0, len(doc.text), _SLICE))
    for number, part in enumerate(_parts(pieces, part_chars, pull), 1):
        n_chars = part.start + len(part.text)
        with file_time_budget(max_seconds, f"{doc.path} (part {number})"):
            analysis = analyze_document(replace(doc, text=part.text), glossary=glossary, detector=detector)
        start, continues = part.start, part.continues
        analysis.segments[:] = [seg.replace(start=seg["start"] + start, end=seg["end"] + start,
                                            line=seg["line"] + lines_before - continues,
                                            segment_id=seg["segment_id"] + segments) for seg in analysis.segments]
        for seg in analysis.segments:
            lang_chars[seg["lang"]] += seg["end"] - seg["start"]
        analysis.citations[:] = [row.replace(**{key: row[key] + start for key in ("start", "end")
                                                if isinstance(row.get(key), int)}) for row in analysis.citations]
        if number > 1 or not part.last:
            _forget_detections()
        lines_before += _count_lines(part.text) - continues
        segments += len(analysis.segments)
        arabic += analysis.document["n_arabic_segments"]
        citations += len(analysis.citations)
        document = None
        if part.last:
            lang_chars.pop("und", None)
            warning = (f"a long text ({n_chars:,} characters) was analysed in {number} parts of at most "
                       f"{part_chars:,} characters, cut at paragraph, line or sentence ends (offsets point into the "
                       "whole text)") if number > 1 else ""
            document = analysis.document.replace(
                n_chars=n_chars, n_segments=segments, n_arabic_segments=arabic, n_citations=citations,
                lang=lang_chars.most_common(1)[0][0] if lang_chars else "und", title=doc.title,
                warnings="; ".join(w for w in (*doc.warnings, warning) if w))
        # the records left out of its file go with the document's last part (the one with its row)
        yield Analysis(document, analysis.segments, analysis.citations,  # type: ignore[arg-type]
                       analysis.errors if part.last else [])


def _forget_detections() -> None:
    """Empty the toolkit's remembered answers after each part of a long text (issue #13).

    The language detector's cache (``functools.lru_cache``, 65,536 texts) keeps every sentence it is asked about
    as a key: the sentences of a long text are all new, so it filled with about 2 MB of text and then churned
    (4 MB of one-line text: +22,635 cached detections between its 14th and 27th group of parts, no other kind of
    object growing). The other bounded memos (words and names: the outlet registry's keys, name and gazetteer
    look-ups, quote readings, at least 1,024 entries each; the glossary's remembered matches) filled the same way
    on a long text and not on a short one: 1 MB 314 MB, 12 MB 352 MB in the analysis stage (session 8). All are
    pure: emptying them changes no answer, only what later parts look up again. Loaders (``@cache``, unbounded or
    tiny caches holding data tables) are left alone.
    """
    from .. import wordfreq_index
    from ..glossary.outlet_registry import forget_memos
    from ..glossary.remembered import forget_matches
    from ..langid import _detect_default

    _detect_default.cache_clear()
    forget_matches()
    forget_memos()  # the registries' name look-ups (50,000 each) and the word frequencies (200,000): session 9
    wordfreq_index._memo.clear()
    for name, module in list(sys.modules.items()):
        if not name.startswith("translator.") or module is None:
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if info is not None and callable(getattr(value, "cache_clear", None)):
                size = info().maxsize
                if size is not None and size >= 1024:
                    value.cache_clear()


def _count_lines(text: str) -> int:
    """Non-blank lines of ``text``, as :func:`translator.text.segment.lines` counts them."""
    from ..text.segment import lines

    return len(lines(text))


def long_file_groups(source: SourceFile, sha: str, *, glossary=None, detector: str = "default",
                     max_seconds: float = 0.0, max_file_mb: float | None = None, stage: list[str] | None = None,
                     part_chars: int | None = None, max_record_mb: float | None = None,
                     group_segments: int | None = None) -> Iterator[list[tuple[str, Analysis]]]:  # type: ignore[no-untyped-def]
    """Read and analyse one large file part by part: groups of about :data:`GROUP_SEGMENTS` segments, each a
    list of (run-state key, `Analysis`), to translate and save in turn (:meth:`RunState.save_parts`).

    A plain-text, JSON-lines or HTML file in UTF-8 (or with a byte-order mark, or in one legacy code page) is
    streamed: read, decoded and repaired one piece at a time (:class:`~translator.corpus.decode.TextStream`),
    so what it costs is about one part and one piece whatever its size; a JSON-lines record is held whole
    while it is analysed, and an HTML page's markup goes to the parser piece by piece (only the text kept from
    it is held). Other formats (Word, JSON, Markdown) and mixed encodings are read whole (under
    ``max_file_mb``), then analysed part by part.
    ``sha``: the hex SHA-256 of the file as planned; the bytes read must match it.
    ``stage``: a one-item list set to "read" or "analyze" as the work goes (for the errors row).
    ``part_chars``, ``group_segments``: default :data:`PART_CHARS`, :data:`GROUP_SEGMENTS`.
    ``max_record_mb``: the limit per JSON-lines record (:func:`~translator.corpus.readers.stream_records`).

    Raises :class:`InputError` (and whatever a reader raises) for a file that cannot be read: the caller turns
    it into the file's errors row; ``FileTimeLimitError`` when a part or piece goes over ``max_seconds``.
    """
    stage = stage if stage is not None else ["read"]
    part_chars, group_segments = part_chars or PART_CHARS, group_segments or GROUP_SEGMENTS
    if max_seconds and max_seconds > 0:
        warm_up(glossary, detector)  # one-time loading is not charged to this file's budget

    def reading(bytes_at_most: int):  # type: ignore[no-untyped-def]
        # reading has the per-file time budget once per 512 KB it may read
        def pull(iterator: Iterator, default: object = None) -> object:
            stage[0] = "read"
            with file_time_budget(max_seconds * -(-bytes_at_most // LONG_FILE_BYTES), f"{source.rel} (reading)"):
                item = next(iterator, default)
            stage[0] = "analyze"
            return item
        return pull

    pull = reading(STREAM_PIECE_CHARS * 4)  # a piece: at most 4 bytes a character
    next_document = reading(source.path.stat().st_size)  # a JSON-lines file is read once before its first record
    docs = _long_documents(source, sha, max_file_mb=max_file_mb, max_record_mb=max_record_mb)
    group: list[tuple[str, Analysis]] = []
    size = 0
    while (item := next_document(docs)) is not None:
        doc, pieces = item
        parts = analyze_in_parts(doc, glossary=glossary, detector=detector, part_chars=part_chars,
                                 max_seconds=max_seconds, pieces=pieces, pull=pull)
        for number, analysis in enumerate(parts, 1):
            group.append((doc.doc_id if analysis.document is not None else f"{doc.doc_id} (part {number})",
                          analysis))
            size += len(analysis.segments)
            if size >= group_segments:
                yield group
                group, size = [], 0
    if group:
        yield group


def _long_documents(source: SourceFile, sha: str, *, max_file_mb: float | None,
                    max_record_mb: float | None = None) -> Iterator[tuple[Document, Iterable[str] | None]]:
    """The documents of a large file, each with its text's pieces (None: the text is ``doc.text``)."""
    suffix = source.path.suffix.lower()
    stream = TextStream.open(source.path, name=source.rel, json_lines=suffix == ".jsonl") \
        if suffix in STREAMED_SUFFIXES or suffix in HTML_SUFFIXES else None
    if stream is None:
        data = read_source(source, max_file_mb=max_file_mb)
        if hashlib.sha256(data).hexdigest() != sha:
            raise InputError(f"{source.rel}: the file changed while it was read; run again")
        docs = read_documents(source, data, max_record_mb=max_record_mb)
        del data
        for doc in docs:
            yield doc, None
        return
    if suffix == ".jsonl":
        yield from ((doc, None) for doc in stream_records(source, stream, sha, max_record_mb=max_record_mb))
    elif suffix in HTML_SUFFIXES:  # the markup fed to the parser piece by piece: only the page's text is held
        yield from ((doc, None) for doc in html_stream_documents(source, stream, sha))
    else:
        doc = text_document(source, stream, sha)
        yield doc, _checked(stream, doc, source, sha)
    if stream.sha256 != sha:
        raise InputError(f"{source.rel}: the file changed while it was read; run again")


def _checked(stream: TextStream, doc: Document, source: SourceFile, sha: str) -> Iterator[str]:
    """The pieces of ``stream``; at its end, ``doc`` gets its title and the repairs as warnings, and the
    bytes read are checked against ``sha``."""
    titles = FirstLineTitle()
    for piece in stream:
        titles.feed(piece)
        yield piece
    if stream.sha256 != sha:
        raise InputError(f"{source.rel}: the file changed while it was read; run again")
    doc.title, doc.warnings = titles.title(), list(stream.repairs)


def process_long_file(source: SourceFile, sha: str, state, settings: str, options, glossary, lazy,
                      summary) -> None:  # type: ignore[no-untyped-def]
    """Read, analyse, translate and save one large file part by part into the run state ``state``
    (:func:`long_file_groups`: one group of parts in memory at a time).

    ``options``/``lazy``/``summary``: the batch's `BatchOptions`, `LazyTranslator` and `RunSummary`. A file
    that cannot be read or analysed becomes its errors row (its parts saved so far are dropped); the file
    counts as processed once its last part is saved. Time budget (``options.max_file_seconds``): each part
    has it, and reading has it once per 512 KB.
    """
    stage = ["read"]
    groups = long_file_groups(source, sha, glossary=glossary, detector=options.detector,
                              max_seconds=options.max_file_seconds, max_file_mb=options.max_file_mb, stage=stage,
                              max_record_mb=getattr(options, "max_record_mb", None))
    first = True
    while True:
        try:
            group = next(groups, None)
        except Exception as exc:  # as analyze_file: any failure of one file is that file's errors row
            row = file_error(source, stage[0], exc) if not isinstance(exc, OSError) else read_error(source, exc)
            state.save_error(row.path, sha, row.stage, row.error, row.message, limit=row.limit, option=row.option)
            return
        if group is None:
            break
        analyses, settings, problem = lazy.translate([a for _, a in group], settings, progress=False)
        if problem:
            logger.warning("translation failed for a part of %s: %s", source.rel, problem)
        state.save_parts(source.rel, sha, [(key, a.to_dict()) for (key, _), a in zip(group, analyses, strict=True)],
                         first=first)
        first = False
    state.finish_parts(source.rel, settings)
    summary.processed_files += 1


def file_sha256(source: SourceFile, max_file_mb: float | None = None) -> str:
    """The hex SHA-256 of a file, read a MB at a time, under the checks of
    :func:`~translator.corpus.stages.read_source` (a link, a file over ``max_file_mb``: ``InputError``)."""
    source.read_bytes(max_bytes=int(max_file_mb * 2**20) if max_file_mb else None, check_only=True)
    with open_regular(source.path, source.rel) as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()

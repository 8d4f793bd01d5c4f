"""Read a corpus folder into `Document`s: one reader per file format, I/O only.

A reader never decides what is Arabic or what is a citation; it returns the text and the metadata the file
itself states (title, outlet, date, URL). A file that cannot be read raises `InputError` with the reason, and
the pipeline records it in the errors table and goes on with the other documents.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, OverLimitError
from ..text.markdown import front_matter, mask_markup
from .decode import TextStream, decode_bytes, escape_json_line_breaks, repair_characters
from .rows import ErrorRow
from .safe_open import open_regular
from .state import STATE_FILE

__all__ = [
    "DEFAULT_MAX_RECORD_MB",
    "HTML_SUFFIXES",
    "STREAMED_SUFFIXES",
    "SUFFIXES",
    "TEXT_SUFFIXES",
    "Document",
    "FirstLineTitle",
    "SourceFile",
    "discover",
    "html_stream_documents",
    "iter_documents",
    "read_documents",
    "stream_records",
    "text_document",
]

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".json", ".jsonl"}
# Elements whose text is never article text.
_HTML_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
              "button", "template")
_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "figcaption", "td", "th", "dd",
                "dt", "caption")
#: what to do with a .docx that cannot be read (errors rows say what went wrong and what to do)
_RESAVE = "open it in Word or LibreOffice and save it again as .docx, or save it as plain text (.txt)"
_RECORD_TEXT_KEYS = ("text", "body", "content", "article")
_RECORD_KEYS = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site", "site_name", "publisher"),
    "published": ("date", "published", "published_time", "pubdate"),
    "url": ("url", "link", "canonical_url"),
}


def _megabytes(n_bytes: int) -> str:
    """``n_bytes`` in MB as a person reads it: ``50``, ``12.3``, ``0.01`` (a limit of 0.01 MB is 10,485 bytes,
    not "0.009999"; a 10 KB file is "0.0104", not "0.0")."""
    mb = n_bytes / 2**20
    return f"{mb:.1f}".removesuffix(".0") if mb >= 1 else f"{mb:.3g}"


@dataclass
class Document:
    """One document of a corpus: its text plus what the file says about it."""

    doc_id: str
    path: str
    format: str
    text: str
    sha256: str
    encoding: str = "utf-8"
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # the publication date the document states, never a file time
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    encoding_confidence: float = 1.0  # how sure the encoding reading is (0-1; 1 for BOM or valid UTF-8)
    file_created: str | None = None  # when the file says it was created (docx core properties): not a date of news
    #: records of the file left out while reading it (errors rows, scope ``record``), on its first document
    errors: list[ErrorRow] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class SourceFile:
    """A file found in the corpus folder, before it is read; ``problem`` says why it will not be."""

    path: Path
    rel: str
    problem: str | None = None

    def read_bytes(self, max_bytes: int | None = None, *, check_only: bool = False) -> bytes:
        """The file's bytes. Raises ``InputError`` for a refused file (a link) or one over ``max_bytes``,
        naming the limit and how to raise it, before reading anything; ``OSError`` when it cannot be read.
        ``check_only``: apply the checks, read nothing (returns ``b""``)."""
        if self.problem:
            raise InputError(f"{self.rel}: {self.problem}")
        if max_bytes is not None:
            size = self.path.stat().st_size
            if size > max_bytes:
                limit = f"{_megabytes(max_bytes)} MB per file"
                raise OverLimitError(f"{self.rel}: {_megabytes(size)} MB is over the limit of {limit} "
                                     "(raise it with --max-file-mb)", limit=limit, option="--max-file-mb")
        if check_only:
            return b""
        with open_regular(self.path, self.rel) as handle:  # not a link or a pipe put in its place since listed
            return handle.read()


def discover(root: Path, *, exclude: Iterable[Path] = ()) -> list[SourceFile]:
    """Every file under ``root`` (recursively, sorted, hidden files and folders skipped).

    Files with unknown suffixes are returned too: the pipeline records them as errors rather than ignoring
    them silently. Symbolic links are never followed, to files or folders alike, so nothing outside the
    corpus folder is read: each is returned with a ``problem`` that the pipeline records, and so is anything
    that is not a regular file (a named pipe, a socket, a device), which is never opened. Folders in
    ``exclude`` (the run's own output folder, when it sits inside the corpus) and folders that hold a run
    state (any run's output folder) are skipped. A file name that is not valid UTF-8 keeps its bytes as
    ``\\x..`` escapes in ``rel``. A single file may be given instead of a folder.

    Raises :class:`InputError` when ``root`` does not exist.
    """
    root = Path(root)
    if root.is_file():
        return [SourceFile(root, _display(root.name))]
    if not root.is_dir():
        raise InputError(f"{root}: no such folder")
    skipped = [Path(e).resolve() for e in exclude]
    found = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            found.append(SourceFile(Path(folder), _display(str(Path(folder).relative_to(root))),
                                    f"cannot list folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            rel = _display(path.relative_to(root).as_posix())
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                found.append(SourceFile(path, rel, "a symbolic link: links are never followed, so nothing "
                                                   "outside the corpus folder is read (copy the file in instead)"))
            elif entry.is_dir(follow_symlinks=False):
                try:
                    if not any(path.resolve() == s or path.resolve().is_relative_to(s) for s in skipped) \
                            and not (path / STATE_FILE).exists():  # another run's output folder is not input
                        stack.append(path)
                except OSError as exc:  # a path past the system's limit (folders nested thousands deep)
                    found.append(SourceFile(path, rel, f"cannot list folder: {exc.strerror or exc}"))
            elif entry.is_file(follow_symlinks=False):
                found.append(SourceFile(path, rel))
            else:  # a named pipe would block the read for ever; a device could be endless: never opened
                found.append(SourceFile(path, rel, "not a regular file (a named pipe, socket or device): left "
                                                   "out, never opened"))
    return sorted(found, key=lambda f: f.rel)


def _display(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) become ``\\xNN``."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_documents(source: SourceFile, data: bytes | None = None, *,
                   max_record_mb: float | None = None) -> list[Document]:
    """Read one file into one document (or several, for ``.json``/``.jsonl`` record files).

    ``max_record_mb``: the limit per JSON-lines record (default :data:`DEFAULT_MAX_RECORD_MB`; a longer line
    is skipped as a row of errors naming the limit, see :func:`stream_records`).
    Raises :class:`InputError` for an unsupported file type or a file with no text.
    """
    suffix = source.path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        raise InputError(f"{source.rel}: unsupported file type {suffix or '(none)'!r}; "
                         f"supported: {', '.join(sorted(SUFFIXES))}")
    data = source.read_bytes() if data is None else data
    digest = hashlib.sha256(data).hexdigest()
    if suffix == ".jsonl" and max_record_mb is not None:
        docs = _read_records(source.rel, data, digest, max_record_mb=max_record_mb)
    else:
        docs = reader(source.rel, data, digest)
    if not docs:
        raise InputError(f"{source.rel}: no text found")
    return docs


def _read_text(rel: str, data: bytes, digest: str) -> list[Document]:
    decoded = decode_bytes(data, name=rel)
    fmt = "markdown" if rel.lower().endswith((".md", ".markdown")) else "text"
    # Markdown markup is blanked character for character, so offsets still point into the file.
    text = mask_markup(decoded.text) if fmt == "markdown" else decoded.text
    # A Markdown file's front matter (title:, date:, …) is its metadata, as a JSON record's keys are.
    fields = front_matter(decoded.text)[0] if fmt == "markdown" else {}
    meta = {key: next((fields[k] for k in keys if fields.get(k)), None) for key, keys in _RECORD_KEYS.items()}
    return [Document(_doc_id(rel), rel, fmt, text, digest, decoded.encoding,
                     title=meta["title"] or _first_line_title(text), outlet=meta["outlet"],
                     published=meta["published"], url=meta["url"],
                     warnings=decoded.repairs, encoding_confidence=decoded.confidence)]


def _first_line_title(text: str) -> str | None:
    """A plain-text document's title: its first line, when that line is short and not a sentence."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    first = " ".join(first.lstrip("#").split())
    if 0 < len(first) <= 160 and not first.endswith((".", "؟", "?", "!", ":")):
        return first
    return None


#: formats a large file of which is streamed, piece by piece (:mod:`translator.corpus.long_text`)
STREAMED_SUFFIXES = {".txt", ".text", ".jsonl"}


def text_document(source: SourceFile, stream: TextStream, digest: str) -> Document:
    """The document of a plain-text file read as ``stream`` (:class:`~translator.corpus.decode.TextStream`),
    its ``text`` left empty: the caller reads the stream, and sets ``title`` (:class:`FirstLineTitle`) and
    ``warnings`` (``stream.repairs``) once it has read it all."""
    return Document(_doc_id(source.rel), source.rel, "text", "", digest, stream.encoding,
                    encoding_confidence=stream.confidence)


#: the default limit on one JSON-lines record (``--max-record-mb``): a record is held whole while it is read
DEFAULT_MAX_RECORD_MB = 10.0


def stream_records(source: SourceFile, stream: TextStream, digest: str, *,
                   max_record_mb: float | None = None) -> Iterator[Document]:
    """The documents of a JSON-lines file read as ``stream``, one record in memory at a time (the same
    documents :func:`read_documents` gives; it reads the stream twice).

    A line longer than ``max_record_mb`` × 2**20 characters (default :data:`DEFAULT_MAX_RECORD_MB`; 0: no
    limit) is never held: it is skipped, as an invalid line is, as a row of errors (the first document's
    ``errors``, scope ``record``) naming its number, the limit and ``--max-record-mb``; the other records
    are kept (all lines over it: :class:`InputError`)."""
    return _jsonl_documents(source.rel, lambda: stream, digest, max_record_mb=max_record_mb)


class FirstLineTitle:
    """A plain-text document's title (as :func:`read_documents` finds it) from its text fed in pieces, holding
    at most its first non-blank line (and no more of it than decides the answer)."""

    def __init__(self) -> None:
        self._head = ""
        self._done: str | bool | None = False  # False: not decided yet

    def feed(self, piece: str) -> None:
        if self._done is not False:
            return
        lines = (self._head + piece).splitlines(keepends=True)
        while lines and not lines[0].strip() and _LINE_END.search(lines[0]):
            lines.pop(0)  # blank lines before the first line
        if len(lines) > 1 or (lines and _LINE_END.search(lines[0])):
            self._done = _first_line_title(lines[0])
        elif lines and sum(not ch.isspace() for ch in lines[0].lstrip().lstrip("#")) > 160:
            self._done = None  # too long for a title, wherever it ends
        else:
            self._head = lines[0] if lines else ""

    def title(self) -> str | None:
        """The title, once the whole text has been fed."""
        return _first_line_title(self._head) if self._done is False else self._done  # type: ignore[return-value]


def _read_html(rel: str, data: bytes, digest: str) -> list[Document]:
    decoded = decode_bytes(data, name=rel)
    return _html_documents(rel, html_text(decoded.text), digest, decoded.encoding, decoded.repairs,
                           decoded.confidence)


def html_stream_documents(source: SourceFile, stream: TextStream, digest: str) -> list[Document]:
    """The document of an HTML file read as ``stream`` (:class:`~translator.corpus.decode.TextStream`): its
    pieces go to the parser as they are read, so the page's markup is never held whole, only the text kept
    from it (issue #13); the same document :func:`read_documents` gives (but for a mojibake run straddling
    two pieces, as for plain text). The caller checks ``stream.sha256`` against ``digest``."""
    page = html_text(iter(stream))
    return _html_documents(source.rel, page, digest, stream.encoding, list(stream.repairs), stream.confidence)


def _html_documents(rel: str, page: _HtmlText, digest: str, encoding: str, repairs: list[str],
                    confidence: float) -> list[Document]:
    text = page.text()
    if not text.strip():
        return []
    return [Document(_doc_id(rel), rel, "html", text, digest, encoding,
                     title=page.meta("og:title") or page.title,
                     outlet=page.meta("og:site_name", "application-name"),
                     published=page.meta("article:published_time", "datePublished", "pubdate", "date"),
                     url=page.meta("og:url") if page.canonical is False else page.canonical,
                     warnings=repairs, encoding_confidence=confidence)]


#: elements whose strings BeautifulSoup types apart (RubyTextString, Script …): never text of another element
_STRING_CONTAINERS = ("rt", "rp", "style", "script", "template")
#: characters of a page handed to the HTML parser at a time
HTML_FEED_CHARS = 2**16


def html_text(markup: str | Iterable[str]) -> _HtmlText:
    """The title, metadata and article text of an HTML page (:class:`_HtmlText`), parsed by lxml's HTML
    parser (libxml2) as events, fed ``HTML_FEED_CHARS`` at a time: no tree is built. ``markup``: the page,
    or its text in consecutive pieces (as a :class:`~translator.corpus.decode.TextStream` reads a file), so
    that the page need never be held whole."""
    from lxml import etree

    target = _HtmlText()
    parser = etree.HTMLParser(target=target, recover=True, huge_tree=False)
    fed = started = False
    for piece in ([markup] if isinstance(markup, str) else markup):
        if not started and piece:
            piece, started = piece.removeprefix("\ufeff"), True
        for at in range(0, len(piece), HTML_FEED_CHARS):
            parser.feed(piece[at:at + HTML_FEED_CHARS])
            fed = True
    if not fed:
        parser.feed("")
    parser.close()
    return target

class _HtmlText:
    """What :func:`_read_html` takes from a page, gathered from the parser's events as they come (lxml's
    ``HTMLParser`` with a target: libxml2 parses, no tree is built), so a page costs its text and the strings
    kept, not a tree of Python objects (BeautifulSoup's held 8-9.5 MB per MB of page: issue #13).

    It gives what BeautifulSoup (``"lxml"``: the same parser, the same events) and the tree reader before it
    gave (tests/corpus/test_html_stream.py keeps that reader as the reference): strings are the character
    data between two events (tags, comments), stripped; text inside ``<rt>``, ``<rp>`` (and script, style,
    template) is no main content, not even a title's; elements in ``_HTML_DROP`` are left out with all they
    hold, but a ``<meta>``, ``<link>`` or ``<title>`` in them still counts, as ``soup.find`` ran before they
    were removed (a ``<link rel=canonical>`` there made the tree reader fail); the article container is the
    first ``<article>``, else ``<main>``, else ``<body>``, else the whole page; its text is the stripped
    strings of each leaf block (a block holding no other block) joined by a space, the blocks by a blank
    line, or, with no such text, all its strings one a line. An end tag closes the most recent open element
    of its name (none open: it is ignored), as BeautifulSoup's tree builder does.
    """

    _ARTICLE, _MAIN, _BODY = 1, 2, 4

    def __init__(self) -> None:
        self.open: list[list] = []  # [name, block id or -1, flags it opened (container bits), drop, ruby]
        self.counts: dict[str, int] = {}
        self.pending: list[str] = []
        self.strings: list[tuple[str, int, int]] = []  # (stripped text, container bits, innermost block or -1)
        self.blocks: list[list] = []  # [container bits when it opened, holds another block]
        self.seen = 0  # containers found (bits); once found, a later one is no container
        self.inside = 0  # containers open now (bits)
        self.drop = self.ruby = 0  # open dropped elements, open <rt>/<rp>
        self.block: list[int] = []  # open blocks (ids), innermost last
        self.meta_property: dict[str, str] = {}
        self.meta_name: dict[str, str] = {}
        self.canonical: str | bool | None = False  # False: no <link rel=canonical> yet
        self.title: str | None = None
        self._title_open = 0
        self._title_parts: list[str] = []

    # events -------------------------------------------------------------------------------------------
    def _flush(self) -> None:
        if not self.pending:
            return
        text = "".join(self.pending).strip()
        self.pending = []
        if self._title_open and self.title is None and text and not self.ruby:
            self._title_parts.append(text)
        if text and not self.drop and not self.ruby:
            self.strings.append((text, self.inside, self.block[-1] if self.block else -1))

    def start(self, tag: str, attrib: dict) -> None:
        self._flush()
        name = tag
        if name == "meta":
            content = attrib.get("content", "")
            for key, seen in (("property", self.meta_property), ("name", self.meta_name)):
                value = attrib.get(key)
                if value is not None and value not in seen:
                    seen[value] = content
        elif name == "link" and self.canonical is False and "canonical" in attrib.get("rel", "").split():
            self.canonical = attrib.get("href")
        elif name == "title" and self.title is None:
            self._title_open += 1
        entry = [name, -1, 0, False, False]
        if name in _HTML_DROP:
            self.drop += 1
            entry[3] = True
        if name in _STRING_CONTAINERS:
            self.ruby += 1
            entry[4] = True
        if not self.drop:
            bit = {"article": self._ARTICLE, "main": self._MAIN, "body": self._BODY}.get(name, 0)
            if bit and not self.seen & bit:
                self.seen |= bit
                self.inside |= bit
                entry[2] = bit
            if name in _HTML_BLOCKS:
                if self.block:
                    self.blocks[self.block[-1]][1] = True
                entry[1] = len(self.blocks)
                self.blocks.append([self.inside, False])
                self.block.append(entry[1])
        elif name in _HTML_BLOCKS and self.block:
            pass  # a block inside a dropped element was removed with it
        self.open.append(entry)
        self.counts[name] = self.counts.get(name, 0) + 1

    def end(self, tag: str) -> None:
        self._flush()
        if not self.counts.get(tag):
            return
        while self.open:
            entry = self.open.pop()
            self.counts[entry[0]] -= 1
            if entry[0] == "title" and self._title_open:
                self._title_open -= 1
                if not self._title_open and self.title is None:
                    self.title = " ".join(self._title_parts)
            if entry[3]:
                self.drop -= 1
            if entry[4]:
                self.ruby -= 1
            self.inside &= ~entry[2]
            if entry[1] >= 0:
                self.block.pop()
            if entry[0] == tag:
                break

    def data(self, data: str) -> None:
        self.pending.append(data)

    def comment(self, text: str) -> None:
        self._flush()

    def pi(self, target: str, data: str) -> None:
        self._flush()

    def doctype(self, *args: object) -> None:
        self._flush()

    def close(self) -> None:
        self._flush()
        while self.open:  # elements left open at the end: their title is what it holds
            self.end(self.open[-1][0])

    # results ----------------------------------------------------------------------------------------
    def meta(self, *names: str) -> str | None:
        """The content of the first ``<meta property=…>`` (else ``name=…``) for the first of ``names`` that has
        one, as ``_read_html_tree``'s ``meta`` gives it."""
        for name in names:
            content = self.meta_property.get(name)
            if content is None:
                content = self.meta_name.get(name)
            if content is not None and content.strip():
                return content.strip()
        return None

    def text(self) -> str:
        """The article text (see the class); once only: it lets go of the strings it joins."""
        for bit in (self._ARTICLE, self._MAIN, self._BODY, 0):
            if not bit or self.seen & bit:
                break
        wanted = (lambda flags: flags & bit) if bit else (lambda flags: True)
        out: list[str] = []
        current, words = -2, []
        for text, _flags, block in self.strings:
            if block < 0 or self.blocks[block][1] or not wanted(self.blocks[block][0]):
                continue
            if block != current and words:
                out.append(" ".join(words))
                words = []
            current = block
            words.append(text)
        if words:
            out.append(" ".join(words))
        if not out:  # no leaf block with text: every string of the container, one a line
            return "\n".join(text for text, flags, _ in self.strings if wanted(flags))
        self.strings = []  # what ``out`` holds now: not held twice while it is joined
        return "\n\n".join(out)


# Limits on what one Word file may unpack to: a zip bomb stops here, before anything is inflated.
DOCX_MAX_MEMBER_BYTES = 64 * 2**20
DOCX_MAX_TOTAL_BYTES = 256 * 2**20
DOCX_MAX_RATIO = 200


def _check_docx_zip(rel: str, data: bytes) -> list[str]:
    """Refuse a .docx whose zip members would inflate past the limits, or use a method zipfile lacks; returns
    the warnings for members named like paths outside the archive (``../../x``, ``/etc/x``: a "zip slip"
    name, which Word never writes; the file is read in memory, so nothing is written there: they are noted)."""
    import io
    import zipfile

    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError(f"{rel}: not a readable .docx file ({exc}); {_RESAVE}") from exc
    supported = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
    total = 0
    for member in members:
        if member.compress_type not in supported:
            raise InputError(f"{rel}: zip member {member.filename} uses compression method "
                             f"{member.compress_type}, which Word never writes; not a readable .docx file")
        total += member.file_size
        ratio = member.file_size / max(1, member.compress_size)
        if member.file_size > DOCX_MAX_MEMBER_BYTES or (ratio > DOCX_MAX_RATIO and member.file_size > 2**20):
            raise OverLimitError(f"{rel}: zip member {member.filename} would inflate to "
                                 f"{member.file_size / 2**20:.0f} MB ({ratio:.0f}× its size): refused as a zip bomb "
                                 f"(limit {DOCX_MAX_MEMBER_BYTES // 2**20} MB per member)",
                                 limit=f"{DOCX_MAX_MEMBER_BYTES // 2**20} MB or {DOCX_MAX_RATIO}× per zip member")
    if total > DOCX_MAX_TOTAL_BYTES:
        raise OverLimitError(f"{rel}: the .docx would inflate to {total / 2**20:.0f} MB "
                             f"(limit {DOCX_MAX_TOTAL_BYTES // 2**20} MB)",
                             limit=f"{DOCX_MAX_TOTAL_BYTES // 2**20} MB inflated per .docx")
    outside = [_short(m.filename, 80) for m in members if _outside_archive(m.filename)]
    return [f"zip member(s) named outside the archive, not read: {', '.join(outside[:5])}"
            + (f" and {len(outside) - 5} more" if len(outside) > 5 else "")] if outside else []


def _outside_archive(name: str) -> bool:
    """A zip member name that points outside the folder it would be unpacked into: absolute, a drive, or ``..``."""
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":")


def _read_docx(rel: str, data: bytes, digest: str) -> list[Document]:
    import io
    import zipfile

    import docx
    from lxml.etree import LxmlError

    warnings = _check_docx_zip(rel, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, NotImplementedError, LxmlError) as exc:
        raise InputError(f"{rel}: not a readable .docx file ({type(exc).__name__}: {exc}); {_RESAVE}") from exc
    hidden = _hidden_styles(document.styles.element)
    paragraphs = [*_docx_paragraph_texts(document.element.body, hidden), *_docx_note_texts(data, hidden)]
    # a Word file made from a PDF has presentation forms and zero-width spaces as the PDF's text had them
    text, repairs = repair_characters("\n\n".join(t.strip() for t in paragraphs if t.strip()))
    warnings = [*warnings, *repairs]  # the zip's own warnings stay
    props = document.core_properties
    # A Word file's creation time is when its template was made (python-docx's says 2013-12-23), not when the
    # news was published: it is kept apart, and never feeds per-month counts (issue #14).
    created = props.created.date().isoformat() if props.created else None
    title = (props.title or "").strip() or _docx_heading_title(document)
    return [Document(_doc_id(rel), rel, "docx", text, digest, "docx", title=title or None,
                     file_created=created, warnings=warnings)] if text else []


_TITLE_STYLES = frozenset({"title", "heading 1"})


def _docx_heading_title(document: Any) -> str | None:
    """A Word file's headline: its first non-empty body paragraph when that has the style Title or Heading 1
    (by the style's built-in name, which Word writes in English whatever the interface language) or outline
    level 1, and is not longer than a headline (300 characters). New-user trial 7 (F9): such a file had no title
    while a .txt with the same first line had one."""
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = paragraph.style
        names = set()
        while style is not None:  # a custom style based on Heading 1 is a heading too
            names.add((style.name or "").lower())
            style = style.base_style
        level = paragraph._p.find(f"{_W}pPr/{_W}outlineLvl")
        heading = bool(names & _TITLE_STYLES) or (level is not None and level.get(f"{_W}val") == "0")
        return text if heading and len(text) <= 300 else None
    return None


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _docx_paragraph_texts(body: Any, hidden_styles: frozenset[str] = frozenset()) -> Iterator[str]:
    """The text of every paragraph of a Word body in document order, wherever it sits.

    python-docx's ``Document.paragraphs`` holds only the body's own paragraphs, and ``Paragraph.text`` only its
    direct runs and hyperlinks (python-docx issue 803): table cells, content controls (``w:sdt``), tracked
    insertions (``w:ins``), smart tags and text boxes were lost. Here each ``w:p`` anywhere gives its own runs
    (text, tabs and line breaks as python-docx reads them); deleted text (``w:delText``) stays out, and a
    text box's legacy copy (``mc:Fallback``) is skipped so nothing is read twice. Text a tracked change moved
    is read once, where it went (``w:moveTo``): its old place (``w:moveFrom``) is left out, as Word's final view
    leaves it (bokuweb/docx-rs#794, developer0hye/office2pdf#1699: it was read twice). Hidden text (``w:vanish``
    on the run, or on the character or paragraph style it has, ``hidden_styles``: :func:`_hidden_styles`) is left
    out too: Word neither shows nor prints it (editors' notes, collapsed glossary pop-ups; yfedoseev/office_oxide#305
    and #356, mwilliamson/mammoth.js#230 read it as if it were the article's).
    """
    for paragraph in body.iter(f"{_W}p"):
        if any(a.tag == _MC_FALLBACK for a in paragraph.iterancestors()):
            continue
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        hidden_paragraph = style is not None and style.get(f"{_W}val") in hidden_styles
        yield "".join(run.text for run in paragraph.iter(f"{_W}r")
                      if next(run.iterancestors(f"{_W}p")) is paragraph and hasattr(run, "text")
                      and not _moved_away(run, paragraph) and not _hidden(run, hidden_paragraph, hidden_styles))


def _switched_on(toggle: Any) -> bool:
    """Whether a WordprocessingML on/off property (``<w:vanish/>``, ``<w:vanish w:val="false"/>``) is on."""
    return toggle.get(f"{_W}val") not in ("0", "false", "off")


def _hidden(run: Any, hidden_paragraph: bool, hidden_styles: frozenset[str]) -> bool:
    """Whether Word hides ``run``: its own ``w:vanish`` decides, then its character style, then its paragraph's."""
    properties = run.find(f"{_W}rPr")
    if properties is not None:
        vanish = properties.find(f"{_W}vanish")
        if vanish is not None:
            return _switched_on(vanish)
        style = properties.find(f"{_W}rStyle")
        if style is not None and style.get(f"{_W}val") in hidden_styles:
            return True
    return hidden_paragraph


def _hidden_styles(styles: Any) -> frozenset[str]:
    """The ids of the styles (``word/styles.xml``) whose text Word hides: ``w:vanish`` in the style's run
    properties, or in a style it is based on (``w:basedOn``), the nearest one deciding."""
    own: dict[str, bool | None] = {}
    parent: dict[str, str] = {}
    for style in styles.iterfind(f"{_W}style"):
        name = style.get(f"{_W}styleId") or ""
        vanish = style.find(f"{_W}rPr/{_W}vanish")
        own[name] = None if vanish is None else _switched_on(vanish)
        based = style.find(f"{_W}basedOn")
        if based is not None:
            parent[name] = based.get(f"{_W}val") or ""

    def hidden(name: str) -> bool:
        seen = set()
        while name in own and name not in seen:  # a loop of basedOn in a broken file ends here
            seen.add(name)
            if own[name] is not None:
                return bool(own[name])
            name = parent.get(name, "")
        return False

    return frozenset(name for name in own if hidden(name))


def _moved_away(run: Any, paragraph: Any) -> bool:
    """Whether ``run`` sits inside a ``w:moveFrom`` of ``paragraph`` (text a tracked move took elsewhere)."""
    for ancestor in run.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag == _MOVE_FROM:
            return True
    return False


_MOVE_FROM = f"{_W}moveFrom"


def _docx_note_texts(data: bytes, hidden_styles: frozenset[str] = frozenset()) -> Iterator[str]:
    """The paragraphs of a Word file's footnotes, then endnotes (sources are often cited there), after its body.

    python-docx does not read notes at all (docx2txt issue 27, python-docx issue 72); Word's separator notes
    (``w:type="separator"`` …) hold no text and are skipped.
    """
    import io
    import zipfile

    from docx.oxml import parse_xml

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
            if part not in names:
                continue
            for note in parse_xml(archive.read(part)).iter(f"{_W}{tag}"):
                if note.get(f"{_W}type") in (None, "normal"):
                    yield from _docx_paragraph_texts(note, hidden_styles)


def _read_records(rel: str, data: bytes, digest: str, *, max_record_mb: float | None = None) -> list[Document]:
    """Documents from a JSON file (an object or a list of them) or a JSON-lines file (one a line).

    A JSON-lines line that is not valid JSON, or not a record with text, is left out as a row of errors
    (scope ``record``, naming its line) carried by the first document's ``errors``; the other records are
    kept. Document ids are ``file#id`` (or ``file#index`` when a record has
    no id), made unique within the file; a ``#`` in a file's own name is written ``%23``, so no record id
    can take another file's document id.
    """
    if rel.lower().endswith(".jsonl"):
        text = decode_bytes(escape_json_line_breaks(data), name=rel).text  # type: ignore[arg-type]
        return list(_jsonl_documents(rel, lambda: [text], digest, max_record_mb=max_record_mb))
    text = decode_bytes(data, name=rel).text
    loaded = _load_json(text, rel)
    items = loaded if isinstance(loaded, list) else [loaded]
    bad = [_record_error(rel, number, f"{rel}: record {number} (from 1) {problem}", "NotARecord")
           for number, record in enumerate(items, 1) if (problem := _record_problem(record))]
    if bad and len(bad) == len(items):
        raise InputError(f"{rel}: no usable record ({bad[0].message})")
    docs = list(_record_documents(rel, digest, ((i, r) for i, r in enumerate(items) if not _record_problem(r))))
    if docs and bad:  # the good records are kept; each left-out one is a row of errors (scope record), carried
        docs[0].errors.extend(bad)  # by the first document; no warning of that record (NEWUSER6 F24)
    return docs


def _record_error(rel: str, number: int, message: str, kind: str, exc: Exception | None = None) -> ErrorRow:
    """The errors row (scope ``record``) of record ``number`` (from 1) of file ``rel``, left out: ``kind`` the
    error, the limit and its option when ``exc`` is an :class:`OverLimitError`."""
    return ErrorRow(path=rel, stage="read", error=kind, message=message[:300], scope="record", record=number,
                    limit=getattr(exc, "limit", None) or None, option=getattr(exc, "option", None))


def _jsonl_documents(rel: str, text: Callable[[], Iterable[str]], digest: str, *,
                     max_record_mb: float | None = None) -> Iterator[Document]:
    """The documents of a JSON-lines file whose text ``text()`` gives in pieces (called twice: a first pass
    finds the lines to skip, whose warnings go on the first document; the second yields the documents),
    holding one line (at most ``max_record_mb``, see :func:`stream_records`) and one record at a time."""
    limit_mb = DEFAULT_MAX_RECORD_MB if max_record_mb is None else max_record_mb
    longest = int(limit_mb * 2**20) if limit_mb and limit_mb > 0 else None
    parsed, invalid, problems = 0, [], []
    for number, line in _lines(text(), longest):
        if isinstance(line, _TooLong):
            over = OverLimitError(f"{rel}: line {number}: a record longer than {longest:,} characters, the limit of "
                                  f"{limit_mb:g} MB per JSON-lines record (raise it with --max-record-mb)",
                                  limit=f"{limit_mb:g} MB per JSON-lines record", option="--max-record-mb")
            invalid.append(_record_error(rel, number, str(over), "OverLimitError", over))
        elif line.strip():
            try:
                record = _load_json(line, f"{rel}: line {number}")
            except InputError as exc:
                kind = "OverLimitError" if isinstance(exc, OverLimitError) else "InvalidJSON"
                invalid.append(_record_error(rel, number, str(exc), kind, exc))
                continue
            parsed += 1
            problem = _record_problem(record)
            if problem:
                problems.append(_record_error(rel, number, f"{rel}: line {number}: {problem}", "NotARecord"))
    if not parsed and invalid:  # the whole file fails: over a limit if its first bad line was (the row says which)
        first = invalid[0]
        if first.limit:
            raise OverLimitError(f"{rel}: no valid JSON line ({first.message})", limit=first.limit,
                                 option=first.option)
        raise InputError(f"{rel}: no valid JSON line ({first.message})")
    rows = sorted((*invalid, *problems), key=lambda row: row.record)
    records = (_parsed(line) for _, line in _lines(text(), longest) if isinstance(line, _TooLong) or line.strip())
    usable = ((i, r) for i, r in enumerate(r for r in records if r is not _INVALID) if not _record_problem(r))
    found = False
    for doc in _record_documents(rel, digest, usable):
        if not found:  # each left-out line is a row of errors (scope record), carried by the first document: not
            doc.errors.extend(rows)  # a warning of that record, which is fine (NEWUSER6 F24)
            found = True
        yield doc
    if not found:
        raise InputError(f"{rel}: no text found")


class _TooLong:
    """A line :func:`_lines` did not hold: longer than its limit."""


def _lines(pieces: Iterable[str], longest: int | None = None) -> Iterator[tuple[int, str | _TooLong]]:
    """(number, line) of the text held by ``pieces``, as ``enumerate(text.splitlines(), 1)`` gives them.

    A line that runs over several pieces is joined; a piece may end between ``\\r`` and ``\\n`` only in text
    that has no ``\\r`` left (the repaired text of :mod:`decode`: ftfy turns every line break into ``\\n``).
    A line longer than ``longest`` characters is not held (memory stays one piece): a :class:`_TooLong`
    stands for it.
    """
    number, held, size = 0, [], 0
    too_long = False
    for piece in pieces:
        lines = piece.splitlines(keepends=True)
        for i, line in enumerate(lines):
            ends = i < len(lines) - 1 or _LINE_END.search(line) is not None
            body = _LINE_END.sub("", line, count=1) if ends else line
            size += len(body)
            if longest is not None and size > longest:
                too_long, held = True, []
            if not ends:
                if not too_long:
                    held.append(body)  # the line goes on in the next piece
                break
            number += 1
            if too_long:
                yield number, _TooLong()
            else:
                if held:
                    held.append(body)
                    body = "".join(held)
                yield number, body
            held, size, too_long = [], 0, False
    if too_long:
        yield number + 1, _TooLong()
    elif held:
        yield number + 1, "".join(held)


_LINE_END = re.compile(r"(?:\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])\Z")


_INVALID = object()


def _parsed(line: str | _TooLong) -> object:
    """The JSON value of ``line``, or ``_INVALID`` (for a line too long to hold, too)."""
    if isinstance(line, _TooLong):
        return _INVALID
    try:
        return _load_json(line, "")
    except InputError:
        return _INVALID


def _record_documents(rel: str, digest: str, records: Iterable[tuple[int, object]]) -> Iterator[Document]:
    """A document per (index, record) (each one with text): ids ``file#id`` (else ``file#index``), unique
    within the file."""
    used: set[str] = set()
    base = _doc_id(rel)
    for index, record in records:
        assert isinstance(record, dict)
        body = next(record[k] for k in _RECORD_TEXT_KEYS if isinstance(record.get(k), str))
        fields = {name: next((str(record[k]) for k in keys if record.get(k)), None)
                  for name, keys in _RECORD_KEYS.items()}
        key = str(record["id"]) if record.get("id") not in (None, "") else str(index)
        doc_id, n = f"{base}#{key}", 2
        while doc_id in used:
            doc_id, n = f"{base}#{key}~{n}", n + 1
        used.add(doc_id)
        body, lone = _without_lone_surrogates(body)
        for name, value in fields.items():
            if value:
                fields[name], count = _without_lone_surrogates(value)
                lone += count
        warnings = [f"replaced {lone} unpaired UTF-16 surrogate escape(s) (\\ud83d …) with U+FFFD"] if lone else []
        # a record's text written with JSON escapes (json.dumps' default: "\ufed7\ufe8e\ufedd") was never seen
        # by the file's repairs: presentation forms and zero-width spaces are repaired here
        body, repaired = repair_characters(body)
        if fields.get("title"):
            fields["title"] = repair_characters(fields["title"])[0]  # type: ignore[arg-type]
        yield Document(doc_id, rel, "json", body, digest, "utf-8", warnings=warnings + repaired, **fields)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each unpaired surrogate (a JSON ``\\ud83d`` escape without its partner: no character, and
    no UTF-8 can hold it, so the tables could not be written) replaced by U+FFFD, and how many there were.
    ``json.loads`` already joins the escapes of a pair (``\\ud83d\\ude00`` is 😀)."""
    if not _SURROGATE.search(text):
        return text, 0
    fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return fixed, len(_SURROGATE.findall(text))


def _record_problem(record: object) -> str | None:
    if not isinstance(record, dict):
        return "is not an object"
    if not any(isinstance(record.get(k), str) for k in _RECORD_TEXT_KEYS):
        return f"has none of the text fields {_RECORD_TEXT_KEYS}"
    return None


def _doc_id(rel: str) -> str:
    """A file's document id: its path, with ``%`` and ``#`` escaped (``#`` separates record ids)."""
    return rel.replace("%", "%25").replace("#", "%23")


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _load_json(text: str, where: str) -> object:
    try:
        return json.loads(text)
    except ValueError as exc:
        if not isinstance(exc, json.JSONDecodeError):  # a number over Python's 4,300 digits (int_max_str_digits)
            raise InputError(f"{where}: invalid JSON ({_short(str(exc))})") from exc
        at = f"column {exc.colno}" if where.rsplit(": ", 1)[-1].startswith("line ") else \
            f"line {exc.lineno} column {exc.colno}"
        message = exc.msg.removesuffix(" at")  # "Unterminated string starting at" + " at column 41"
        raise InputError(f"{where}: invalid JSON ({message} at {at})") from exc
    except RecursionError as exc:
        levels = sys.getrecursionlimit()
        raise OverLimitError(f"{where}: JSON nested too deeply to read (over ~{levels} levels)",
                             limit=f"about {levels} levels of nesting") from exc


_READERS: dict[str, Callable[[str, bytes, str], list[Document]]] = {
    **dict.fromkeys(TEXT_SUFFIXES, _read_text),
    **dict.fromkeys(HTML_SUFFIXES, _read_html),
    ".docx": _read_docx,
    ".json": _read_records,
    ".jsonl": _read_records,
}


def iter_documents(root: Path) -> Iterator[Document | InputError]:
    """Convenience for notebooks: every document under ``root``, or the error for a file that failed."""
    for source in discover(root):
        try:
            yield from read_documents(source)
        except InputError as exc:
            yield exc

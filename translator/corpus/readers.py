"""Read a corpus folder into `Document`s: one reader per file format, I/O only.

A reader never decides what is Arabic or what is a citation; it returns the text and the metadata the file
itself states (title, outlet, date, URL). A file that cannot be read raises `InputError` with the reason, and
the pipeline records it in the errors table and goes on with the other documents.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import InputError
from .decode import decode_bytes

__all__ = [
    "HTML_SUFFIXES",
    "SUFFIXES",
    "TEXT_SUFFIXES",
    "Document",
    "SourceFile",
    "discover",
    "iter_documents",
    "read_documents",
]

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".json", ".jsonl"}
# Elements whose text is never article text.
_HTML_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
              "button", "template")
_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "figcaption", "td", "dd",
                "dt")
_RECORD_TEXT_KEYS = ("text", "body", "content", "article")
_RECORD_KEYS = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site", "site_name", "publisher"),
    "published": ("date", "published", "published_time", "pubdate"),
    "url": ("url", "link", "canonical_url"),
}


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
    published: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class SourceFile:
    """A file found in the corpus folder, before it is read."""

    path: Path
    rel: str

    def read_bytes(self) -> bytes:
        return self.path.read_bytes()


def discover(root: Path) -> list[SourceFile]:
    """Every file under ``root`` (recursively, sorted, hidden files and folders skipped).

    Files with unknown suffixes are returned too: the pipeline records them as errors rather than ignoring
    them silently. A single file may be given instead of a folder.

    Raises :class:`InputError` when ``root`` is not a folder.
    """
    root = Path(root)
    if root.is_file():
        return [SourceFile(root, root.name)]
    if not root.is_dir():
        raise InputError(f"{root}: no such folder")
    found = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        found.append(SourceFile(path, rel.as_posix()))
    return found


def read_documents(source: SourceFile, data: bytes | None = None) -> list[Document]:
    """Read one file into one document (or several, for ``.json``/``.jsonl`` record files).

    Raises :class:`InputError` for an unsupported file type or a file with no text.
    """
    suffix = source.path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        raise InputError(f"{source.rel}: unsupported file type {suffix or '(none)'!r}; "
                         f"supported: {', '.join(sorted(SUFFIXES))}")
    data = source.read_bytes() if data is None else data
    digest = hashlib.sha256(data).hexdigest()
    docs = reader(source.rel, data, digest)
    if not docs:
        raise InputError(f"{source.rel}: no text found")
    return docs


def _read_text(rel: str, data: bytes, digest: str) -> list[Document]:
    decoded = decode_bytes(data, name=rel)
    fmt = "markdown" if rel.lower().endswith((".md", ".markdown")) else "text"
    return [Document(rel, rel, fmt, decoded.text, digest, decoded.encoding, title=_first_line_title(decoded.text),
                     warnings=decoded.repairs)]


def _first_line_title(text: str) -> str | None:
    """A plain-text document's title: its first line, when that line is short and not a sentence."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    first = first.lstrip("#").strip()
    if 0 < len(first) <= 160 and not first.endswith((".", "؟", "?", "!", ":")):
        return first
    return None


def _read_html(rel: str, data: bytes, digest: str) -> list[Document]:
    from bs4 import BeautifulSoup

    decoded = decode_bytes(data, name=rel)
    soup = BeautifulSoup(decoded.text, "lxml")

    def meta(*names: str) -> str | None:
        for name in names:
            tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
            if tag and tag.get("content", "").strip():
                return tag["content"].strip()
        return None

    canonical = soup.find("link", rel="canonical")
    title = meta("og:title") or (soup.title.get_text(" ", strip=True) if soup.title else None)
    for tag in soup(_HTML_DROP):
        tag.decompose()
    body = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = [el.get_text(" ", strip=True) for el in body.find_all(_HTML_BLOCKS)
              if not el.find(_HTML_BLOCKS)]
    text = "\n\n".join(b for b in blocks if b) or body.get_text("\n", strip=True)
    if not text.strip():
        return []
    return [Document(rel, rel, "html", text, digest, decoded.encoding, title=title,
                     outlet=meta("og:site_name", "application-name"),
                     published=meta("article:published_time", "datePublished", "pubdate", "date"),
                     url=canonical.get("href") if canonical else meta("og:url"),
                     warnings=decoded.repairs)]


def _read_docx(rel: str, data: bytes, digest: str) -> list[Document]:
    import io
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{rel}: not a readable .docx file ({exc})") from exc
    text = "\n\n".join(p.text.strip() for p in document.paragraphs if p.text.strip())
    props = document.core_properties
    published = props.created.date().isoformat() if props.created else None
    return [Document(rel, rel, "docx", text, digest, "docx", title=props.title or None,
                     published=published)] if text else []


def _read_records(rel: str, data: bytes, digest: str) -> list[Document]:
    text = decode_bytes(data, name=rel).text
    records: list = []
    if rel.lower().endswith(".jsonl"):
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                records.append(_load_json(line, f"{rel}:{number}"))
    else:
        loaded = _load_json(text, rel)
        records = loaded if isinstance(loaded, list) else [loaded]
    docs = []
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            raise InputError(f"{rel}: record {index} is not an object")
        body = next((record[k] for k in _RECORD_TEXT_KEYS if isinstance(record.get(k), str)), None)
        if body is None:
            raise InputError(f"{rel}: record {index} has none of the text fields {_RECORD_TEXT_KEYS}")
        fields = {name: next((str(record[k]) for k in keys if record.get(k)), None)
                  for name, keys in _RECORD_KEYS.items()}
        doc_id = f"{rel}#{record.get('id', index)}"
        docs.append(Document(doc_id, rel, "json", body, digest, "utf-8", **fields))
    return docs


def _load_json(text: str, where: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from exc


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

"""The run state of an output folder: what has been done for which document, in SQLite.

Each finished document is committed in its own transaction, so a run killed half-way loses at most the
documents in flight, and the next run picks up where it stopped. A document is redone when its bytes change
(content hash) or when the settings that shape its rows change (model, engine, glossary version, ...).
"""

from __future__ import annotations

import builtins
import contextlib
import fcntl
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..errors import DamagedFileError, InputError
from ..sqlite_guard import guard_database

__all__ = ["STATE_FILE", "RunState"]

STATE_FILE = ".translator-state.sqlite"
LOCK_FILE = ".translator.lock"
_UNFINISHED = "(unfinished)"  # the settings of a long file's parts until its last part is saved
# Temporary files our writers leave when killed mid-write: ".segments.parquet.<random>.tmp" and the like.
_STALE = (".documents.", ".segments.", ".citations.", ".errors.", ".report.html.", ".manifest.json.", ".tables.")


#: the errors table's columns added by issue #13, and all of them in the order the inserts give them
_ERROR_EXTRA = (("scope", "TEXT"), ("record", "INTEGER"), ("limit", "TEXT"), ("option", "TEXT"))
#: the errors rows of a file that could not be opened or read (``PermissionError``, ``FileNotFoundError``, ...):
#: the file is tried again by the next run even when its bytes are unchanged
_OS_ERRORS = tuple(sorted(name for name, value in vars(builtins).items()
                          if isinstance(value, type) and issubclass(value, OSError)))
_ERROR_COLUMNS = 'path, doc_id, sha256, stage, error, message, scope, record, "limit", option'


class RunState:
    """The run state of one output folder, held by one run at a time.

    Opening it takes the folder's lock: a second run on the same folder stops at once with a clear message
    instead of racing the first (and forgetting the files the first committed). Temporary files a killed
    run left behind are removed. Raises ``InputError`` when the folder is in use, is not a folder or cannot
    be written, or when the state file is not a database (the message says to move it aside).
    """

    def __init__(self, out_dir: Path) -> None:
        out_dir = Path(out_dir)
        if out_dir.exists() and not out_dir.is_dir():
            raise InputError(f"{out_dir}: the output path is a file, not a folder; choose another --out")
        self._lock = _take_lock(out_dir)
        _remove_stale_temporaries(out_dir)
        self.path = out_dir / STATE_FILE
        try:
            self._db = sqlite3.connect(self.path, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            # No fsync per document (issue 20: it was 10% of a batch): in WAL mode a commit survives a crash of
            # the program; only a power loss may forget the last few documents, which the next run redoes.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._create()
        except sqlite3.DatabaseError as exc:
            self._lock.close()
            raise DamagedFileError(f"{self.path}: the run state is damaged ({exc}); move it aside (the next run "
                                   "then redoes every document) or choose another --out") from exc

    def _create(self) -> None:
        self._db.executescript("""
            CREATE TABLE IF NOT EXISTS documents (
                doc_id TEXT PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL,
                settings TEXT NOT NULL, payload TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
            CREATE TABLE IF NOT EXISTS errors (
                path TEXT NOT NULL, doc_id TEXT, sha256 TEXT, stage TEXT NOT NULL, error TEXT NOT NULL,
                message TEXT NOT NULL);
        """)
        # Columns added by issue #13 (a record left out of a file that was read; the limit and its option): a
        # run state from before gets them empty (scope NULL: a file's row), so it resumes as it was.
        have = {row[1] for row in self._db.execute("PRAGMA table_info(errors)")}
        for column, kind in _ERROR_EXTRA:
            if column not in have:
                self._db.execute(f'ALTER TABLE errors ADD COLUMN "{column}" {kind}')

    @guard_database("The run state")
    def is_done(self, path: str, sha256: str, settings: str) -> bool:
        """True when every document from file ``path`` was finished with these bytes and settings."""
        rows = self._db.execute("SELECT sha256, settings FROM documents WHERE path = ?", (path,)).fetchall()
        return bool(rows) and all(r == (sha256, settings) for r in rows)

    @guard_database("The run state")
    def file_errored(self, path: str, sha256: str) -> bool:
        row = self._db.execute("SELECT 1 FROM errors WHERE path = ? AND sha256 = ? AND stage = 'read' "
                               "AND error != 'FileTimeLimitError' "  # a time limit depends on the machine: retried
                               # so does a file that could not be opened or read (gone, no permission, an I/O
                               # error) after it was hashed (issue 13): the cause is not in its bytes
                               f"AND error NOT IN ({', '.join('?' * len(_OS_ERRORS))}) "
                               "AND (scope IS NULL OR scope = 'file')",  # a left-out record: the file was read
                               (path, sha256, *_OS_ERRORS)).fetchone()
        return row is not None

    @guard_database("The run state")
    def save(self, path: str, sha256: str, settings: str, payloads: list[dict]) -> None:
        """Replace everything known about file ``path`` by ``payloads`` (one per document), atomically."""
        with self._db:
            self._db.execute("DELETE FROM documents WHERE path = ?", (path,))
            self._db.execute("DELETE FROM errors WHERE path = ?", (path,))
            self._db.executemany(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?)",
                [(p["document"]["doc_id"], path, sha256, settings, json.dumps(p, ensure_ascii=False))
                 for p in payloads])
            self._save_record_errors(path, sha256, payloads)

    @guard_database("The run state")
    def save_parts(self, path: str, sha256: str, parts: list[tuple[str, dict]], *, first: bool) -> None:
        """Add parts of a long file (:mod:`translator.corpus.long_text`): (state key, payload) each, a payload's
        ``document`` None but for a document's last part. ``first``: drop what was known about ``path`` first.
        The parts stay unfinished (``is_done`` False, so a killed run redoes the file) until
        :meth:`finish_parts`."""
        with self._db:
            if first:
                self._db.execute("DELETE FROM documents WHERE path = ?", (path,))
                self._db.execute("DELETE FROM errors WHERE path = ?", (path,))
            self._db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?)",
                                 [(key, path, sha256, _UNFINISHED, json.dumps(p, ensure_ascii=False))
                                  for key, p in parts])
            self._save_record_errors(path, sha256, [p for _, p in parts])

    def _save_record_errors(self, path: str, sha256: str, payloads: list[dict]) -> None:
        """The errors rows (scope ``record``) the payloads carry: records of file ``path`` left out while it was
        read, the others kept (:class:`~translator.corpus.analyze.Analysis` ``errors``). Inside the caller's
        transaction."""
        rows = [(path, e.get("doc_id"), sha256, e.get("stage") or "read", e.get("error") or "InputError",
                 e.get("message") or "", "record", e.get("record"), e.get("limit"), e.get("option"))
                for p in payloads for e in p.get("errors", ())]
        if rows:
            self._db.executemany(f"INSERT INTO errors ({_ERROR_COLUMNS}) VALUES ({', '.join('?' * 10)})", rows)

    @guard_database("The run state")
    def finish_parts(self, path: str, settings: str) -> None:
        """Mark every part of ``path`` done with ``settings`` (one statement: all or none)."""
        with self._db:
            self._db.execute("UPDATE documents SET settings = ? WHERE path = ?", (settings, path))

    @guard_database("The run state")
    def save_error(self, path: str, sha256: str | None, stage: str, error: str, message: str,
                   doc_id: str | None = None, *, limit: str | None = None, option: str | None = None) -> None:
        """Record that file ``path`` failed as a whole (scope ``file``): what was known of it is dropped.
        ``limit``/``option``: the limit it went over and the option that raises it, when it went over one."""
        with self._db:
            self._db.execute("DELETE FROM documents WHERE path = ?", (path,))
            self._db.execute("DELETE FROM errors WHERE path = ?", (path,))
            self._db.execute(f"INSERT INTO errors ({_ERROR_COLUMNS}) VALUES ({', '.join('?' * 10)})",
                             (path, doc_id, sha256, stage, error, message, "file", None, limit, option))

    @guard_database("The run state")
    def forget_missing(self, present: set[str]) -> int:
        """Drop files that are no longer in the corpus folder; returns how many."""
        known = {r[0] for r in self._db.execute("SELECT path FROM documents UNION SELECT path FROM errors")}
        gone = sorted(known - present)
        with self._db:
            for path in gone:
                self._db.execute("DELETE FROM documents WHERE path = ?", (path,))
                self._db.execute("DELETE FROM errors WHERE path = ?", (path,))
        return len(gone)

    def payloads(self, batch: int = 256, max_chars: int = 2**20) -> Iterator[list[dict]]:
        """Every saved payload, file by file, in batches of at most ``batch`` payloads or about ``max_chars``
        characters of JSON (the parts of a long text are large). A long text's parts come in order; only
        its last part has a ``document`` (None in the others).

        Rows are fetched one at a time, and a batch is handed on before the next row is read: a long text's
        parts are about 1.5 MB of JSON each, and fetching 16 rows while the caller still held the last 16
        kept some 30 of them (≈ 100 MB) in memory at once (issue #13)."""
        cursor = self._db.execute("SELECT payload FROM documents ORDER BY path, rowid")
        found: list[dict] = []
        size = 0
        first: dict[str, tuple[str, str]] = {}  # sha256 -> (path, doc_id) of the first file with those bytes
        while (row := cursor.fetchone()) is not None:
            text = row[0]
            del row
            found.append(_same_bytes_noted(json.loads(text), first))
            size += len(text)
            del text
            if len(found) >= batch or size >= max_chars:
                yield found
                found, size = [], 0
        if found:
            yield found

    @guard_database("The run state")
    def errors(self) -> list[dict]:
        """The rows of the errors table (:data:`translator.corpus.rows.ERRORS`), by path, then record; a row
        from a run state older than the ``scope`` column has scope ``file``."""
        names = ("path", "doc_id", "stage", "error", "message", "scope", "record", "limit", "option")
        cursor = self._db.execute('SELECT path, doc_id, stage, error, message, COALESCE(scope, \'file\'), record, '
                                  '"limit", option FROM errors ORDER BY path, record, rowid')
        return [dict(zip(names, r, strict=True)) for r in cursor]

    def close(self) -> None:
        """Close the database, remove the lock file (while still holding it) and release the lock."""
        self._db.close()
        with contextlib.suppress(OSError):
            os.unlink(self._lock.name)
        with contextlib.suppress(OSError):
            fcntl.flock(self._lock, fcntl.LOCK_UN)
        self._lock.close()


def _take_lock(out_dir: Path):  # type: ignore[no-untyped-def]
    """The open, ``flock``-ed lock file ``out_dir/.translator.lock``; InputError when another run holds it.

    The lock is the ``flock``, not the file: the kernel releases it when its process dies, however it dies,
    so a lock file a killed run left behind never blocks the next run (no PID to check). A finished run
    removes the file. Its inode is checked after locking: if a finishing run removed the file between our
    open and our lock, we locked a deleted file and try again on the new one.
    """
    while True:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            handle = open(out_dir / LOCK_FILE, "a+")  # noqa: SIM115 (held until close())
        except OSError as exc:
            raise InputError(f"{out_dir}: cannot write to the output folder ({exc.strerror or exc})") from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise InputError(f"{out_dir}: another translator batch run is using this output folder; wait for it "
                             "to finish or choose another --out") from None
        try:
            if os.stat(handle.name).st_ino == os.fstat(handle.fileno()).st_ino:
                return handle
        except FileNotFoundError:
            pass
        handle.close()


def _remove_stale_temporaries(out_dir: Path) -> None:
    """Delete the temporary files and folders a killed run left (``.segments.parquet.x1y2.tmp``, …)."""
    import shutil

    for entry in out_dir.iterdir():
        name = entry.name
        if name.startswith(_STALE) and (name.endswith(".tmp") or ".old." in name or name.endswith(".xlsx")):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    os.unlink(entry)


def _same_bytes_noted(payload: dict, first: dict[str, tuple[str, str]]) -> dict:
    """``payload`` with a warning ``same bytes as DOC_ID`` on its document when an earlier file (by path) had the
    same bytes: a copy saved twice is analysed (and translated) twice, and the documents table says so (NEWUSER6
    F9). ``first`` maps sha256 to the (path, doc_id) seen first; it is updated."""
    doc = payload.get("document")
    digest, path = (doc.get("sha256"), doc.get("path")) if doc else (None, None)
    if not digest:
        return payload
    seen = first.setdefault(digest, (path, doc.get("doc_id")))
    if seen[0] != path:
        note = f"same bytes as {seen[1]}"
        doc["warnings"] = "; ".join(w for w in (doc.get("warnings"), note) if w)
    return payload

"""The run state of an output folder: what has been done for which document, in SQLite.

Each finished document is committed in its own transaction, so a run killed half-way loses at most the
documents in flight, and the next run picks up where it stopped. A document is redone when its bytes change
(content hash) or when the settings that shape its rows change (model, engine, glossary version, ...).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

__all__ = ["STATE_FILE", "RunState"]

STATE_FILE = ".translator-state.sqlite"


class RunState:
    def __init__(self, out_dir: Path) -> None:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        self.path = Path(out_dir) / STATE_FILE
        self._db = sqlite3.connect(self.path, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript("""
            CREATE TABLE IF NOT EXISTS documents (
                doc_id TEXT PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL,
                settings TEXT NOT NULL, payload TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
            CREATE TABLE IF NOT EXISTS errors (
                path TEXT NOT NULL, doc_id TEXT, sha256 TEXT, stage TEXT NOT NULL, error TEXT NOT NULL,
                message TEXT NOT NULL);
        """)

    def is_done(self, path: str, sha256: str, settings: str) -> bool:
        """True when every document from file ``path`` was finished with these bytes and settings."""
        rows = self._db.execute("SELECT sha256, settings FROM documents WHERE path = ?", (path,)).fetchall()
        return bool(rows) and all(r == (sha256, settings) for r in rows)

    def file_errored(self, path: str, sha256: str) -> bool:
        row = self._db.execute("SELECT 1 FROM errors WHERE path = ? AND sha256 = ? AND stage = 'read'",
                               (path, sha256)).fetchone()
        return row is not None

    def save(self, path: str, sha256: str, settings: str, payloads: list[dict]) -> None:
        """Replace everything known about file ``path`` by ``payloads`` (one per document), atomically."""
        with self._db:
            self._db.execute("DELETE FROM documents WHERE path = ?", (path,))
            self._db.execute("DELETE FROM errors WHERE path = ?", (path,))
            self._db.executemany(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?)",
                [(p["document"]["doc_id"], path, sha256, settings, json.dumps(p, ensure_ascii=False))
                 for p in payloads])

    def save_error(self, path: str, sha256: str | None, stage: str, error: str, message: str,
                   doc_id: str | None = None) -> None:
        with self._db:
            self._db.execute("DELETE FROM documents WHERE path = ?", (path,))
            self._db.execute("DELETE FROM errors WHERE path = ?", (path,))
            self._db.execute("INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?)",
                             (path, doc_id, sha256, stage, error, message))

    def forget_missing(self, present: set[str]) -> int:
        """Drop files that are no longer in the corpus folder; returns how many."""
        known = {r[0] for r in self._db.execute("SELECT path FROM documents UNION SELECT path FROM errors")}
        gone = sorted(known - present)
        with self._db:
            for path in gone:
                self._db.execute("DELETE FROM documents WHERE path = ?", (path,))
                self._db.execute("DELETE FROM errors WHERE path = ?", (path,))
        return len(gone)

    def payloads(self, batch: int = 256) -> Iterator[list[dict]]:
        cursor = self._db.execute("SELECT payload FROM documents ORDER BY path, rowid")
        while rows := cursor.fetchmany(batch):
            yield [json.loads(r[0]) for r in rows]

    def errors(self) -> list[dict]:
        cursor = self._db.execute("SELECT path, doc_id, stage, error, message FROM errors ORDER BY path")
        return [dict(zip(("path", "doc_id", "stage", "error", "message"), r, strict=True)) for r in cursor]

    def close(self) -> None:
        self._db.close()

"""The MT cache: machine translations kept in SQLite so the same segment is never translated twice.

Entries are keyed by engine + model + revision + glossary version + normalized source, so a change of any of
those translates again and nothing else does. The cache holds machine output only and is safe to delete
(the next run translates again); human translations live in the translation memory
(:mod:`translator.mt.memory`), which never expires.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from translator import config
from translator.errors import InputError
from translator.mt.normalize import key_version, memory_key_text
from translator.sqlite_guard import database_fault, guard_database

__all__ = ["CacheEntry", "MTCache", "cache_key", "keys_current", "open_sqlite"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS machine (
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL,
    flags TEXT NOT NULL,
    info TEXT NOT NULL,
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    revision TEXT NOT NULL,
    glossary_version TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def keys_current(db: sqlite3.Connection) -> bool:
    """Whether the keys in ``db`` were computed with today's normalization (:func:`key_version`); a database
    without the ``meta`` table (opened read-only, written by an older version) counts as not current."""
    try:
        row = db.execute("SELECT value FROM meta WHERE name = 'key_version'").fetchone()
    except sqlite3.OperationalError:
        return False
    return row is not None and row[0] == key_version()


def mark_keys_current(db: sqlite3.Connection) -> None:
    """Record in ``db`` (inside the caller's transaction) that its keys are of today's normalization."""
    db.execute("INSERT OR REPLACE INTO meta VALUES ('key_version', ?)", (key_version(),))


_SYNCHRONOUS = "NORMAL"  # machine output is made again if a power cut loses the last commits (issue 20)


#: ``json.dumps(value, ensure_ascii=False)`` without a new encoder made per call (json.dumps builds one whenever an
#: option differs from its defaults; the MT cache writes one per segment)
_dumps_unicode = json.JSONEncoder(ensure_ascii=False).encode


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def open_sqlite(path: Path, schema: str, what: str, *, synchronous: str = "FULL") -> sqlite3.Connection:
    """A connection to ``path`` with ``schema`` applied; an unusable file is an :class:`InputError`.

    ``synchronous="NORMAL"`` (WAL): a commit is not flushed to disk at once; a power cut may lose the last
    ones, never the file (SQLite's documentation) — for data that can be made again, such as the MT cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = sqlite3.connect(path)
        db.execute("PRAGMA journal_mode=WAL")
        if synchronous != "FULL":
            db.execute(f"PRAGMA synchronous={synchronous}")
        db.executescript(schema)
    except sqlite3.DatabaseError as error:
        fault = database_fault(path, what, error)  # damaged: exit code 3, as a fault found later would be
        raise fault or InputError(f"{what} {path} is unusable ({error}); move it aside to start a new one.") \
            from error
    return db


@dataclass
class CacheEntry:
    """A machine translation of one segment, with what the guard and glossary said about it."""

    source: str
    text: str
    status: str = "translated"
    flags: list[str] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)
    engine: str = ""
    model: str = ""
    revision: str = ""
    glossary_version: str = ""
    created: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def cache_key(engine: str, model: str, revision: str | None, glossary_version: str | None, source: str) -> str:
    """The lookup key of a machine translation (a SHA-256 hex digest, so keys stay short for long sources)."""
    parts = [engine, model, revision or "", glossary_version or "", memory_key_text(source)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class LazyDatabase:
    """A store whose SQLite file is opened when first used (issue 20: a new memory or cache costs nothing until
    written). Subclasses set ``path`` and define ``_open`` (which sets ``_conn``); ``_start`` opens an existing
    file at once, so that a broken one is reported when the store is made."""

    path: Path
    _conn: sqlite3.Connection | None = None

    def _open(self) -> None:
        raise NotImplementedError

    def _start(self) -> None:
        if self.path.exists():  # an existing file is opened (and checked) now
            self._open()
        else:  # a new file is created when first written
            self.path.parent.mkdir(parents=True, exist_ok=True)

    @property
    def _db(self) -> sqlite3.Connection:
        """The connection, opened on first use (the file created and its schema applied)."""
        if self._conn is None:
            self._open()
        assert self._conn is not None
        return self._conn


class MTCache(LazyDatabase):
    """Machine translations by :func:`cache_key` (default file ``config.home()/mt-cache.sqlite``).

    Raises :class:`InputError` when the file is not a usable SQLite database.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else config.home() / "mt-cache.sqlite"
        self._conn: sqlite3.Connection | None = None
        self._start()

    def _open(self) -> None:
        self._conn = open_sqlite(self.path, _SCHEMA, "MT cache", synchronous=_SYNCHRONOUS)
        self._rekey()

    @guard_database("MT cache")
    def _rekey(self) -> None:
        """Compute every key again from the entry's source when the normalization changed since they were
        stored (:func:`keys_current`): otherwise a text with marks the new normalization treats differently
        (Quranic spelling) would never be found again. An entry whose new key is already taken (stored since)
        gives way to it."""
        if keys_current(self._db):
            return
        rows = self._db.execute("SELECT * FROM machine").fetchall()  # key, source, ..., engine, model, ...
        moved = [(new, row) for row in rows if (new := cache_key(*row[6:10], row[1])) != row[0]]
        with self._db:  # out first, then in under the new keys: a new key may be another entry's old one
            self._db.executemany("DELETE FROM machine WHERE key = ?", [(row[0],) for _, row in moved])
            self._db.executemany("INSERT OR IGNORE INTO machine VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                                 [(new, *row[1:]) for new, row in moved])
            mark_keys_current(self._db)
        if moved:
            logging.getLogger("translator").info("MT cache %s: %d keys computed again for a changed "
                                                 "normalization", self.path, len(moved))

    def get(self, key: str) -> CacheEntry | None:
        return self.get_many([key]).get(key)

    @guard_database("MT cache")
    def get_many(self, keys: Iterable[str]) -> dict[str, CacheEntry]:
        """The entries found among ``keys`` (key → entry); missing keys are left out."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, CacheEntry] = {}
        if self._conn is None and not self.path.exists():
            return found  # no file yet: nothing cached, and nothing created to say so
        for start in range(0, len(keys), 500):  # SQLite caps bound parameters
            chunk = keys[start:start + 500]
            rows = self._db.execute(
                f"SELECT key, source, text, status, flags, info, engine, model, revision, glossary_version, "
                f"created FROM machine WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            for row in rows:
                found[row[0]] = CacheEntry(row[1], row[2], row[3], json.loads(row[4]), json.loads(row[5]),
                                           *row[6:])
        return found

    def put(self, key: str, entry: CacheEntry) -> None:
        self.put_many({key: entry})

    @guard_database("MT cache")
    def put_many(self, entries: dict[str, CacheEntry]) -> None:
        """Store ``entries`` (key → entry) in one transaction, replacing older entries of the same keys."""
        stamp = now()
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO machine VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(key, e.source, e.text, e.status, json.dumps(e.flags), _dumps_unicode(e.info),
                  e.engine, e.model, e.revision, e.glossary_version, e.created or stamp)
                 for key, e in entries.items()])

    @guard_database("MT cache")
    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM machine").fetchone()[0])

    def clear(self) -> int:
        """Delete every cached translation; returns how many there were."""
        with self._db:
            return self._db.execute("DELETE FROM machine").rowcount

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()

    def __enter__(self) -> MTCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

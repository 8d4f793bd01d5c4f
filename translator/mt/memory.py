"""Translation memory in SQLite: machine translations by key, human translations by source.

Machine entries are keyed by engine + model + revision + glossary version + normalized source, so a change of
any of those translates again and nothing else does. Human translations (the English renderings printed
next to Arabic headlines) live in their own table: machine output never overwrites them.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from translator import config
from translator.errors import InputError
from translator.mt.normalize import memory_key_text

__all__ = ["HumanTranslation", "MemoryEntry", "TranslationMemory", "memory_key"]

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
CREATE TABLE IF NOT EXISTS human (
    source_key TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    provenance TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (source_key, target)
);
"""


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


@dataclass
class MemoryEntry:
    """A stored machine translation of one segment, with what the guard and glossary said about it."""

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


@dataclass
class HumanTranslation:
    """A translation made by a person, with where it was found."""

    source: str
    target: str
    provenance: str
    created: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def memory_key(engine: str, model: str, revision: str | None, glossary_version: str | None, source: str) -> str:
    """The lookup key of a machine translation (a hash, so keys stay short for long sources)."""
    parts = [engine, model, revision or "", glossary_version or "", memory_key_text(source)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class TranslationMemory:
    """A SQLite translation memory (default ``config.home()/translation-memory.sqlite``)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else config.home() / "translation-memory.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as error:
            raise InputError(f"Translation memory {self.path} is unusable ({error}); move it aside to "
                             "start a new one.") from error

    # -------------------------------------------------------------------------------------- machine
    def get(self, key: str) -> MemoryEntry | None:
        return self.get_many([key]).get(key)

    def get_many(self, keys: Iterable[str]) -> dict[str, MemoryEntry]:
        keys = list(dict.fromkeys(keys))
        found: dict[str, MemoryEntry] = {}
        for start in range(0, len(keys), 500):  # SQLite caps bound parameters
            chunk = keys[start:start + 500]
            rows = self._db.execute(
                f"SELECT key, source, text, status, flags, info, engine, model, revision, glossary_version, "
                f"created FROM machine WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            for row in rows:
                found[row[0]] = MemoryEntry(row[1], row[2], row[3], json.loads(row[4]), json.loads(row[5]),
                                            *row[6:])
        return found

    def put(self, key: str, entry: MemoryEntry) -> None:
        self.put_many({key: entry})

    def put_many(self, entries: dict[str, MemoryEntry]) -> None:
        now = _now()
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO machine VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(key, e.source, e.text, e.status, json.dumps(e.flags), json.dumps(e.info, ensure_ascii=False),
                  e.engine, e.model, e.revision, e.glossary_version, e.created or now)
                 for key, e in entries.items()])

    # ---------------------------------------------------------------------------------------- human
    def put_human(self, source: str, target: str, provenance: str = "") -> bool:
        """Store a person's translation of ``source``; True if it was new. Existing ones are kept as they are.

        Raises :class:`InputError` when the source or the translation is empty.
        """
        if not source.strip() or not target.strip():
            raise InputError("A human translation needs both the source and its translation.")
        with self._db:
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO human VALUES (?,?,?,?,?)",
                (memory_key_text(source), source, target.strip(), provenance, _now()))
        return cursor.rowcount == 1

    def get_human(self, source: str) -> HumanTranslation | None:
        """The first human translation stored for ``source`` (matched after normalization), if any."""
        row = self._db.execute(
            "SELECT source, target, provenance, created FROM human WHERE source_key = ? "
            "ORDER BY created, rowid LIMIT 1", (memory_key_text(source),)).fetchone()
        return HumanTranslation(*row) if row else None

    def get_humans(self, source: str) -> list[HumanTranslation]:
        """Every human translation stored for ``source``, oldest first."""
        rows = self._db.execute(
            "SELECT source, target, provenance, created FROM human WHERE source_key = ? ORDER BY created, rowid",
            (memory_key_text(source),))
        return [HumanTranslation(*row) for row in rows]

    # ---------------------------------------------------------------------------------------- admin
    def stats(self) -> dict[str, int]:
        machine = self._db.execute("SELECT COUNT(*) FROM machine").fetchone()[0]
        human = self._db.execute("SELECT COUNT(*) FROM human").fetchone()[0]
        return {"machine": int(machine), "human": int(human)}

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

"""The translation memory: human translations in SQLite, with provenance; never expires.

A human translation is a person's rendering of a source segment: found printed beside an Arabic headline
(state ``published``), typed or edited by a reviewer (``translated``) or approved (``final``). Each keeps its
provenance: the file it came from, the document and segment, the translator when known, and when. Nothing is
ever overwritten: a second rendering of the same source is stored beside the first; the same rendering again
only raises its state (``translated`` → ``final``). The best one (see :meth:`TranslationMemory.get_human`) is
what a batch run shows, with status ``human``. TMX is its exchange format (:mod:`translator.review.tmx`).

Machine output is not kept here but in the MT cache (:class:`translator.mt.cache.MTCache`), which is safe to
delete. For callers of the older combined memory, ``TranslationMemory`` still answers the cache's
``get/get_many/put/put_many`` by handing them to its cache file (``<memory>.mt-cache.sqlite`` beside it).

Every write is one transaction: :meth:`TranslationMemory.add_many` stores all of an import or none of it.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from translator import config
from translator.errors import InputError
from translator.mt.cache import (
    CacheEntry,
    LazyDatabase,
    MTCache,
    cache_key,
    keys_current,
    mark_keys_current,
    now,
    open_sqlite,
)
from translator.mt.fuzzy import DEFAULT_THRESHOLD, FuzzyIndex, fold_for_fuzzy
from translator.mt.normalize import memory_key_text
from translator.sqlite_guard import guard_database

__all__ = ["STATES", "HumanTranslation", "MemoryEntry", "TranslationMemory", "memory_key"]

#: states of a human translation, weakest first (a stronger one wins when several exist for a source).
STATES = ("published", "translated", "final")
_RANK = {state: rank for rank, state in enumerate(STATES)}
_COLUMNS = ("id", "source", "target", "state", "translator", "file", "doc_id", "segment_id", "source_lang",
            "target_lang", "provenance", "created", "changed")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS human_translations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_key TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    state TEXT NOT NULL,
    translator TEXT NOT NULL DEFAULT '',
    file TEXT NOT NULL DEFAULT '',
    doc_id TEXT NOT NULL DEFAULT '',
    segment_id INTEGER,
    source_lang TEXT NOT NULL DEFAULT 'ar',
    target_lang TEXT NOT NULL DEFAULT 'en',
    provenance TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    changed TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0,
    source_fold TEXT NOT NULL DEFAULT '',
    UNIQUE (source_key, target)
);
CREATE INDEX IF NOT EXISTS human_by_source ON human_translations (source_key);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

# The pre-split memory kept human translations in a table "human" beside the machine entries.
_OLD_HUMAN = "SELECT source_key, source, target, provenance, created FROM human"

_WHAT = "Translation memory"  # how a damaged file is named in messages

# Compatibility names: machine entries are the MT cache's.
MemoryEntry = CacheEntry
memory_key = cache_key


@dataclass
class HumanTranslation:
    """A person's translation of ``source``, with where it came from.

    ``state``: one of :data:`STATES`. ``provenance``: free text (a document id, a citation line);
    ``file``/``doc_id``/``segment_id``: where a review file said it belongs; ``created``/``changed``: ISO 8601 UTC.
    """

    source: str
    target: str
    provenance: str = ""
    created: str = ""
    state: str = "published"
    translator: str = ""
    file: str = ""
    doc_id: str = ""
    segment_id: int | None = None
    source_lang: str = "ar"
    target_lang: str = "en"
    changed: str = ""
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ImportCounts:
    """What :meth:`TranslationMemory.add_many` did: new renderings, raised states, and entries already there."""

    added: int = 0
    raised: int = 0
    unchanged: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


class TranslationMemory(LazyDatabase):
    """Human translations in SQLite (default ``config.home()/translation-memory.sqlite``).

    ``read_only``: open an existing file for reading only (the report's lookups): nothing is created, migrated
    or written (SQLite's reader may leave the empty ``-wal``/``-shm`` companions of a WAL database beside it);
    a missing file, or one without the human translations table, is an :class:`InputError`.
    Raises :class:`InputError` when the file is not a usable SQLite database.
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else config.home() / "translation-memory.sqlite"
        self._cache: MTCache | None = None
        self._fuzzy: Any = None
        self._keys: dict[str, list[int]] | None = None  # key → ids, for a read-only file with outdated keys
        self._conn: sqlite3.Connection | None = None
        if read_only:
            self._conn = _open_read_only(self.path)
            if not keys_current(self._conn):
                self._keys = self._keys_now()
            return
        self._start()

    def _open(self) -> None:
        self._conn = open_sqlite(self.path, _SCHEMA, "Translation memory")
        self._migrate()
        self._rekey()

    def _absent(self) -> bool:
        """No file opened and none there (a memory not yet written): every lookup finds nothing."""
        return self._conn is None and not self.path.exists()

    # ------------------------------------------------------------------------------------------- writing
    def put_human(self, source: str, target: str, provenance: str = "", *, state: str = "published",
                  translator: str = "", file: str = "", doc_id: str = "", segment_id: int | None = None) -> bool:
        """Store a person's translation of ``source``; True if this rendering was new.

        ``state`` is ``published`` by default (a rendering found in a text, e.g. beside a headline); a review
        gives ``translated`` or ``final``. A rendering already stored is kept as it is, except that a stronger
        ``state`` raises it.
        Raises :class:`InputError` for an empty source or target or an unknown state.
        """
        entry = HumanTranslation(source, target, provenance, state=state, translator=translator, file=file,
                                 doc_id=doc_id, segment_id=segment_id)
        return self.add_many([entry]).added == 1

    @guard_database(_WHAT)
    def add_many(self, entries: Iterable[HumanTranslation]) -> ImportCounts:
        """Store ``entries`` in one transaction (all or nothing); see :meth:`put_human` for the rules."""
        entries = list(entries)
        for entry in entries:
            _check(entry)
        counts = ImportCounts()
        stamp = now()
        with self._db:
            seq = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM human_translations").fetchone()[0]
            for entry in entries:
                seq += 1
                outcome = self._store(entry, stamp, seq)
                setattr(counts, outcome, getattr(counts, outcome) + 1)
        if counts.added or counts.raised:
            self._fuzzy = None
        return counts

    def _store(self, e: HumanTranslation, stamp: str, seq: int) -> str:
        key, target = memory_key_text(e.source), e.target.strip()
        row = self._db.execute("SELECT id, state FROM human_translations WHERE source_key = ? AND target = ?",
                               (key, target)).fetchone()
        if row is None:
            self._db.execute(
                "INSERT INTO human_translations (source_key, source, target, state, translator, file, doc_id, "
                "segment_id, source_lang, target_lang, provenance, created, changed, seq, source_fold) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (key, e.source, target, e.state, e.translator, e.file, e.doc_id, e.segment_id, e.source_lang,
                 e.target_lang, e.provenance, e.created or stamp, e.changed or stamp, seq, fold_for_fuzzy(e.source)))
            return "added"
        if _RANK[e.state] <= _RANK[row[1]]:
            return "unchanged"
        self._db.execute(
            "UPDATE human_translations SET state = ?, translator = COALESCE(NULLIF(?, ''), translator), "
            "file = COALESCE(NULLIF(?, ''), file), changed = ?, seq = ? WHERE id = ?",
            (e.state, e.translator, e.file, e.changed or stamp, seq, row[0]))
        return "raised"

    # ------------------------------------------------------------------------------------------- reading
    def get_human(self, source: str) -> HumanTranslation | None:
        """The translation to show for ``source`` (matched after normalization), or None.

        The strongest state wins; among reviewed ones the latest, among ``published`` ones the first found.
        """
        rows = self._by_source(source)
        return _best(rows) if rows else None

    def get_human_many(self, sources: Iterable[str], *,
                       known: Mapping[str, str] | None = None) -> dict[str, HumanTranslation]:
        """:meth:`get_human` of each of ``sources`` (source → translation; sources without one are left out),
        in one query per 500 keys rather than one per source (issue 20: a translation call asks for each text).
        ``known``: the :func:`memory_key_text` of sources the caller has computed already (source → key; the
        Translator normalizes every text it plans); the others are computed here."""
        sources = list(dict.fromkeys(sources))
        if self._keys is not None:  # a read-only memory with outdated keys: looked up through its key map
            return {s: h for s in sources if (h := self.get_human(s)) is not None}
        if self._absent():  # no file yet: nothing to find, no key to compute
            return {}
        known = known or {}
        keys = {s: known[s] if s in known else memory_key_text(s) for s in sources}
        wanted = list(dict.fromkeys(keys.values()))
        rows: dict[str, list[HumanTranslation]] = {}
        for start in range(0, len(wanted), 500):  # SQLite caps bound parameters
            chunk = wanted[start:start + 500]
            for key, entry in self._select_keyed(f"WHERE source_key IN ({','.join('?' * len(chunk))})", chunk):
                rows.setdefault(key, []).append(entry)
        return {s: _best(rows[k]) for s, k in keys.items() if k in rows}

    def get_humans(self, source: str) -> list[HumanTranslation]:
        """Every human translation stored for ``source``, oldest first."""
        return self._by_source(source)

    def _by_source(self, source: str) -> list[HumanTranslation]:
        key = memory_key_text(source)
        if self._keys is None:
            return self._select("WHERE source_key = ?", (key,))
        ids = self._keys.get(key, [])
        return self._select(f"WHERE id IN ({','.join('?' * len(ids))})", ids) if ids else []

    def all(self, states: Iterable[str] = STATES) -> list[HumanTranslation]:
        """Every human translation in one of ``states``, oldest first."""
        states = list(states)
        return self._select(f"WHERE state IN ({','.join('?' * len(states))})", states)

    @guard_database(_WHAT)
    def _select(self, where: str, params: Iterable[Any], limit: int = -1) -> list[HumanTranslation]:
        if self._absent():
            return []
        rows = self._db.execute(f"SELECT {', '.join(_COLUMNS)} FROM human_translations {where} ORDER BY id "
                                "LIMIT ?", [*params, limit])
        return [_entry(dict(zip(_COLUMNS, row, strict=True))) for row in rows]

    @guard_database(_WHAT)
    def _select_keyed(self, where: str, params: Iterable[Any]) -> list[tuple[str, HumanTranslation]]:
        """(source_key, translation) of the rows ``where`` selects, by id (as :meth:`_select` orders them)."""
        if self._absent():
            return []
        rows = self._db.execute(f"SELECT source_key, {', '.join(_COLUMNS)} FROM human_translations {where} "
                                "ORDER BY id", list(params))
        return [(row[0], _entry(dict(zip(_COLUMNS, row[1:], strict=True)))) for row in rows]

    def search(self, text: str, limit: int = 50) -> list[HumanTranslation]:
        """Concordance: translations whose source (Arabic-folded) or target (case-insensitive) contains ``text``."""
        needle = text.strip()
        if not needle:
            raise InputError("Give a word or phrase to search the translation memory for.")
        pattern = f"%{_like(fold_for_fuzzy(needle))}%"
        return self._select("WHERE source_fold LIKE ? ESCAPE '\\' OR target LIKE ? ESCAPE '\\'",
                            (pattern, f"%{_like(needle)}%"), limit=limit)

    def fuzzy(self, source: str, *, limit: int = 5, threshold: float | None = None,
              exclude_exact: bool = False) -> list[tuple[HumanTranslation, float]]:
        """Human translations of sources similar to ``source``: (translation, score 0-100), best first.

        ``threshold`` (default :data:`translator.mt.fuzzy.DEFAULT_THRESHOLD`, 75) is the lowest score kept;
        ``exclude_exact`` leaves out translations of this very source (those :meth:`get_human` finds).
        See :mod:`translator.mt.fuzzy` for the fold, the scorer and the prefilter.
        """
        found = self._fuzzy_index().search(source, limit=limit + 10 if exclude_exact else limit,
                                           threshold=DEFAULT_THRESHOLD if threshold is None else threshold)
        by_id = {h.id: h for h in self._select(
            f"WHERE id IN ({','.join('?' * len(found))})", [k for k, _ in found])} if found else {}
        matches = [(by_id[key], score) for key, score in found if key in by_id]
        if exclude_exact:
            key = memory_key_text(source)
            matches = [(h, score) for h, score in matches if memory_key_text(h.source) != key]
        return matches[:limit]

    @guard_database(_WHAT)
    def _fuzzy_index(self) -> FuzzyIndex:
        if self._absent():
            return FuzzyIndex()
        if self._fuzzy is None:
            index = FuzzyIndex()
            rows = self._db.execute("SELECT id, source, source_fold FROM human_translations ORDER BY id")
            for row_id, source, folded in rows:
                index.add(row_id, source, folded=folded or None)
            self._fuzzy = index
        return self._fuzzy

    @guard_database(_WHAT)
    def reviewed_version(self) -> str:
        """A short digest that changes whenever a reviewed (not ``published``) translation is added or raised.

        A batch run puts it in its settings, so documents are redone after a review import.
        """
        row = (0, 0) if self._absent() else self._db.execute(
            "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM human_translations WHERE state != 'published'").fetchone()
        return hashlib.sha256(f"{row[0]}:{row[1]}".encode()).hexdigest()[:16]

    # --------------------------------------------------------------------------------------------- admin
    @guard_database(_WHAT)
    def stats(self) -> dict[str, int]:
        """{"human": translations in memory, "machine": entries in the MT cache beside it}."""
        human = self._db.execute("SELECT COUNT(*) FROM human_translations").fetchone()[0]
        return {"machine": self.mt_cache.count() if self._cache_exists() else 0, "human": int(human)}

    @guard_database(_WHAT)
    def describe(self) -> dict[str, Any]:
        """Counts for ``translator memory stats``: by state, translator and file, plus the MT cache."""
        def grouped(column: str) -> dict[str, int]:
            rows = self._db.execute(f"SELECT {column}, COUNT(*) FROM human_translations GROUP BY {column} "
                                    "ORDER BY COUNT(*) DESC")
            return {str(value or "(unknown)"): int(n) for value, n in rows}

        sources = self._db.execute("SELECT COUNT(DISTINCT source_key) FROM human_translations").fetchone()[0]
        return {"path": str(self.path), "human_translations": self.stats()["human"], "sources": int(sources),
                "by_state": grouped("state"), "by_translator": grouped("translator"), "by_file": grouped("file"),
                "mt_cache": str(self.cache_path), "mt_cache_entries": self.stats()["machine"]}

    @property
    def cache_path(self) -> Path:
        """The MT cache that goes with this memory: the default cache, or ``<memory>.mt-cache.sqlite``."""
        if self.path == config.home() / "translation-memory.sqlite":
            return config.home() / "mt-cache.sqlite"
        return self.path.with_name(self.path.stem + ".mt-cache.sqlite")

    @property
    def mt_cache(self) -> MTCache:
        """The MT cache beside this memory (opened on first use)."""
        if self._cache is None:
            self._cache = MTCache(self.cache_path)
        return self._cache

    def _cache_exists(self) -> bool:
        return self._cache is not None or self.cache_path.exists()

    # Compatibility with the combined memory: machine entries go to the MT cache.
    def get(self, key: str) -> CacheEntry | None:
        return self.mt_cache.get(key)

    def get_many(self, keys: Iterable[str]) -> dict[str, CacheEntry]:
        return self.mt_cache.get_many(keys)

    def put(self, key: str, entry: CacheEntry) -> None:
        self.mt_cache.put(key, entry)

    def put_many(self, entries: dict[str, CacheEntry]) -> None:
        self.mt_cache.put_many(entries)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._cache is not None:
            self._cache.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @guard_database(_WHAT)
    def _keys_now(self) -> dict[str, list[int]]:
        """Today's key of every stored source → the ids stored under it (see :meth:`_rekey`)."""
        keys: dict[str, list[int]] = {}
        for row_id, source in self._db.execute("SELECT id, source FROM human_translations ORDER BY id"):
            keys.setdefault(memory_key_text(source), []).append(row_id)
        return keys

    @guard_database(_WHAT)
    def _rekey(self) -> None:
        """Compute each ``source_key`` again from its source when the normalization changed since it was stored
        (:func:`translator.mt.cache.keys_current`): a translation of a verse stored before Quranic spelling was
        normalized is still found. Two renderings that now share source and target become one, in the stronger
        state. A read-only memory is not rewritten: its lookups go through :meth:`_keys_now` instead."""
        if keys_current(self._db):
            return
        rows = self._db.execute("SELECT id, source_key, source, target, state FROM human_translations "
                                "ORDER BY id").fetchall()
        moved = 0
        with self._db:
            for row_id, old, source, target, state in rows:
                key = memory_key_text(source)
                if key == old:
                    continue
                moved += 1
                twin = self._db.execute("SELECT id, state FROM human_translations WHERE source_key = ? AND "
                                        "target = ?", (key, target)).fetchone()
                if twin is None:
                    self._db.execute("UPDATE human_translations SET source_key = ? WHERE id = ?", (key, row_id))
                    continue
                if _RANK[state] > _RANK[twin[1]]:
                    self._db.execute("UPDATE human_translations SET state = ? WHERE id = ?", (state, twin[0]))
                self._db.execute("DELETE FROM human_translations WHERE id = ?", (row_id,))
            mark_keys_current(self._db)
        if moved:
            logging.getLogger("translator").info("Translation memory %s: %d keys computed again for a changed "
                                                 "normalization", self.path, moved)

    def _migrate(self) -> None:
        """Move human translations of a pre-split memory file into this table (once, in one transaction)."""
        if not self._db.execute("SELECT name FROM sqlite_master WHERE name = 'human'").fetchone():
            return
        with self._db:
            for key, source, target, provenance, created in self._db.execute(_OLD_HUMAN).fetchall():
                self._db.execute(
                    "INSERT OR IGNORE INTO human_translations (source_key, source, target, state, provenance, "
                    "created, changed, source_fold) VALUES (?,?,?,?,?,?,?,?)",
                    (key, source, target, "published", provenance, created, created, fold_for_fuzzy(source)))
            self._db.execute("DROP TABLE human")


def _open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to the memory at ``path`` (SQLite ``mode=ro``); InputError if unusable."""
    if not path.is_file():
        raise InputError(f"Translation memory {path} does not exist.")
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        found = db.execute("SELECT name FROM sqlite_master WHERE name = 'human_translations'").fetchone()
    except sqlite3.DatabaseError as error:
        raise InputError(f"Translation memory {path} is unusable ({error}).") from error
    if not found:
        db.close()
        raise InputError(f"Translation memory {path} has no human translations table (open it once with "
                         "`translator memory stats` to bring an older memory up to date).")
    return db


def _check(entry: HumanTranslation) -> None:
    if not entry.source.strip() or not entry.target.strip():
        raise InputError("A human translation needs both the source and its translation.")
    if entry.state not in _RANK:
        raise InputError(f"Unknown state {entry.state!r} for a human translation; use one of {STATES}.")


def _like(text: str) -> str:
    """``text`` with SQL LIKE's wildcards escaped (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _best(rows: list[HumanTranslation]) -> HumanTranslation:
    """The one to show among ``rows`` (oldest first): strongest state; among reviewed ones the latest, among
    ``published`` ones the first found."""
    return max(rows, key=lambda h: (_RANK[h.state], -(h.id or 0) if h.state == "published" else h.id or 0))


def _entry(row: dict[str, Any]) -> HumanTranslation:
    return HumanTranslation(**row)

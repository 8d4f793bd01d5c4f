"""wordfreq's Zipf frequencies without loading a whole word list into memory (issue 20).

``wordfreq.zipf_frequency`` builds a Python dict of a language's full list (300,000–600,000 words) the first
time it is asked about that language: 0.1–0.4 s per language in every process, and the citation parser
asks about six (en, fr, es, tr, de, it) to tell a title's language. :func:`zipf_frequency` gives the same
value from a SQLite index of the same list, built once into the cache folder (:mod:`translator.diskcache`,
keyed by wordfreq's version and the list file), so a process pays a few milliseconds instead.

The value is wordfreq's own, computed the way ``wordfreq.zipf_frequency(word, lang)`` computes it (list
``best``, minimum 0): the word is cut with wordfreq's tokenizer, numbers are smashed and weighted as wordfreq
does, several tokens combine as 1/f = Σ 1/fᵢ, and the result is rounded alike. A language whose list is not
named exactly by ``lang``, a tokenizer that infers word breaks (Chinese, Japanese), or a cache that cannot
be written falls back to wordfreq itself. ``tests/test_diskcache.py`` checks the two agree.
"""

from __future__ import annotations

import math
import os
import sqlite3
import threading
from pathlib import Path

import wordfreq
from wordfreq.language_info import get_language_info
from wordfreq.numbers import digit_freq, smash_numbers
from wordfreq.tokens import lossy_tokenize

from .diskcache import cached_file, fingerprint, package_version

__all__ = ["zipf_frequency"]

_MEMO_LIMIT = 200_000
_memo: dict[tuple[str, str], float] = {}
_lock = threading.Lock()
_connections: dict[tuple[str, int, int], sqlite3.Connection | None] = {}


def zipf_frequency(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)``: Zipf frequency (0 = unknown, ≈ 7 for "the") from list ``best``."""
    key = (word, lang)
    found = _memo.get(key)
    if found is None:
        found = _zipf(word, lang)
        if len(_memo) >= _MEMO_LIMIT:
            _memo.clear()
        _memo[key] = found
    return found


def _zipf(word: str, lang: str) -> float:
    db = _database(lang)
    if db is None:
        return wordfreq.zipf_frequency(word, lang)
    minimum = wordfreq.zipf_to_freq(0.0)
    tokens = lossy_tokenize(word, lang)
    freq = minimum
    if tokens:
        one_over = 0.0
        with _lock:
            rows = [db.execute("SELECT cb FROM words WHERE word = ?", (smash_numbers(t),)).fetchone()
                    for t in tokens]
        for token, row in zip(tokens, rows, strict=True):
            if row is None:
                break  # one token missing: wordfreq returns the minimum
            f = wordfreq.cB_to_freq(-row[0])
            if smash_numbers(token) != token:
                f *= digit_freq(token)
            one_over += 1.0 / f
        else:
            unrounded = max(1.0 / one_over, minimum)
            freq = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3) if unrounded else 0.0
    return round(wordfreq.freq_to_zipf(freq), 2)


def _database(lang: str) -> sqlite3.Connection | None:
    """A read-only connection to ``lang``'s index (one per process and thread), or None to ask wordfreq."""
    slot = (lang, os.getpid(), threading.get_ident())
    if slot in _connections:
        return _connections[slot]
    connection = None
    path = wordfreq.available_languages("best").get(lang)
    if path is not None and get_language_info(lang)["tokenizer"] != "jieba":
        stat = os.stat(path)
        key = fingerprint(f"wordfreq {package_version('wordfreq')} {Path(path).name} {stat.st_size} "
                          f"{stat.st_mtime_ns}", Path(__file__))
        built = cached_file(f"wordfreq-{lang}", key, ".sqlite", lambda tmp: _build(tmp, path))
        if built is not None:
            try:
                connection = sqlite3.connect(f"{built.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
                connection.execute("SELECT cb FROM words LIMIT 1").fetchall()
            except sqlite3.Error:
                connection = None
    _connections[slot] = connection
    return connection


def _build(tmp: Path, path: str) -> None:
    """Write the index of wordfreq list file ``path`` to ``tmp``: (word, centibels below 0) per word; a word
    listed twice keeps its later (rarer) bucket, as ``wordfreq.get_frequency_dict`` does."""
    buckets = {word: index for index, bucket in enumerate(wordfreq.read_cBpack(path)) for word in bucket}
    db = sqlite3.connect(tmp)
    try:
        db.execute("PRAGMA journal_mode = OFF")  # a temporary file: renamed into place only when complete
        db.execute("PRAGMA synchronous = OFF")
        db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, cb INTEGER NOT NULL) WITHOUT ROWID")
        db.executemany("INSERT INTO words VALUES (?, ?)", sorted(buckets.items()))  # in key order: appends
        db.commit()
    finally:
        db.close()

"""Results that are slow to build and the same every run, kept on disk between processes (issue 20).

Start-up used to rebuild, in every process, tables that only change when their inputs change: the language
detector's word lexicon (from wordfreq's lists, ≈ 1.4 s) and the Arabic word frequencies that decide
whether an outlet name is an ordinary word. :func:`cached` keeps such a value in a cache folder under a key
that hashes *everything* the value is built from (the data files' bytes, the installed wordfreq's version,
the source of the module that builds it, the Python version), so a cached value is never stale: change an
input and the key changes, the value is rebuilt and the old file removed.

Where: ``$TRANSLATOR_CACHE_DIR`` if set (``off`` or an empty value turns the cache off), else ``cache/`` in
the toolkit's home (:func:`translator.config.home`). Files are written atomically (temporary file + rename),
so concurrent processes never read half a file; a file that cannot be read or does not match its key is
rebuilt. The cache is a convenience only: when the folder cannot be written the value is built and used,
and a debug message is logged.

Values are stored with :mod:`marshal` (plain dicts, tuples, lists, strings, numbers: loads ≈ 10× faster than
building them again), so only such values can be cached.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import logging
import marshal
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from .atomic import atomic_path, atomic_write_bytes
from .config import home

__all__ = ["FORMAT", "cache_dir", "cached", "cached_file", "fingerprint", "folding_inputs", "package_version",
           "paused_gc", "thaw_gc"]

FORMAT = 1  # bump to orphan every cached file at once
_SUFFIX = ".marshal"
_LOG = logging.getLogger("translator")
T = TypeVar("T")


@contextlib.contextmanager
def paused_gc(freeze: bool = False) -> Iterator[None]:
    """The cyclic garbage collector paused for the body (restored as it was after; nothing is lost: cycles
    made meanwhile are collected later). Loading tables and building indexes allocates millions of objects
    that all stay alive, and each allocation threshold crossed made the collector walk them again in vain:
    ≈ 0.2 CPU s of a batch's start (issue 20).

    ``freeze``: also move every object alive at the end of the body out of the collector's reach
    (:func:`gc.freeze`): a paused collector still counts the allocations, and its first collection after the
    pause walked every new table once more, and each older generation's collection again (≈ 0.2 CPU s of a
    start-up, eleventh session). Frozen objects are still freed when their last reference goes; only a cycle
    among them waits for :func:`thaw_gc` (called when a loaded table is replaced: a new glossary)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def thaw_gc() -> None:
    """Give every frozen object back to the collector and collect (see :func:`paused_gc`'s ``freeze``): what
    a process does when it drops a table it had frozen (a replaced glossary), so that its cycles are freed."""
    gc.unfreeze()
    gc.collect()


def cache_dir() -> Path | None:
    """The cache folder (not created here), or None when ``TRANSLATOR_CACHE_DIR`` turns the cache off."""
    explicit = os.environ.get("TRANSLATOR_CACHE_DIR")
    if explicit is not None:
        return None if explicit.strip().lower() in {"", "off", "0", "no", "false"} else Path(explicit).expanduser()
    return home() / "cache"


@functools.cache
def package_version(name: str) -> str:
    """The installed version of distribution ``name`` (``"unknown"`` when it is not installed).

    Read once per process: ``importlib.metadata`` scans every folder on ``sys.path`` for each question, and a
    start-up asked nine times (wordfreq's version once per language index) at ≈ 5–10 ms each (issue 20)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def fingerprint(*parts: str | bytes | Path) -> str:
    """A hex SHA-256 over ``parts`` (a :class:`Path` counts by its bytes) and the Python/marshal versions.

    Raises ``OSError`` when a named file cannot be read.
    """
    digest = hashlib.sha256(f"format {FORMAT} python {sys.version_info[:2]} marshal {marshal.version}".encode())
    for part in parts:
        data = part.read_bytes() if isinstance(part, Path) else part if isinstance(part, bytes) else part.encode()
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def folding_inputs() -> list[Path]:
    """What every Arabic/Latin fold depends on: ``text/arabic.py``, ``text/latin.py`` and the data files.

    Part of the key of any cached value built with :func:`translator.text.arabic.fold` (the glossary's index,
    the gazetteer's names), so a change to a fold rule or a data file rebuilds them.
    """
    package = Path(__file__).resolve().parent
    return [package / "text" / "arabic.py", package / "text" / "latin.py",
            *sorted((package / "data").glob("*.tsv"))]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The value stored under ``name`` and ``key`` (see :func:`fingerprint`), else ``build()``, stored.

    ``name`` is a short file-name-safe label (``langid-Latn``); one file per name is kept: storing a value
    under a new key removes the files of older keys. ``build()`` must return a value :mod:`marshal` can
    write (dict, list, tuple, str, bytes, int, float, bool, None). Errors of ``build`` propagate; problems
    with the cache folder never do.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key[:40]}{_SUFFIX}"
    try:
        with paused_gc(freeze=True):  # a table kept for the process's life (the collector would walk it again)
            stored_key, value = marshal.loads(path.read_bytes())
        if stored_key == key:
            return value  # type: ignore[no-any-return]
        _LOG.debug("cache file %s holds another key; rebuilding it", path)
    except FileNotFoundError:
        pass
    except (OSError, EOFError, ValueError, TypeError) as exc:
        _LOG.debug("cache file %s unreadable (%s); rebuilding it", path, exc)
    value = build()
    _store(folder, name, path, key, value)
    return value


def _store(folder: Path, name: str, path: Path, key: str, value: Any) -> None:
    try:
        data = marshal.dumps((key, value))
    except ValueError as exc:  # a programming error: only plain values can be cached
        raise TypeError(f"cache {name!r}: the value cannot be stored with marshal ({exc})") from exc
    try:
        atomic_write_bytes(path, data)
        for old in folder.glob(f"{name}-*{_SUFFIX}"):
            if old != path and old.name[len(name) + 1:-len(_SUFFIX)].isalnum():
                old.unlink(missing_ok=True)
    except OSError as exc:
        _LOG.debug("cannot write cache file %s (%s); the value is rebuilt next time", path, exc)


def cached_file(name: str, key: str, suffix: str, build: Callable[[Path], None]) -> Path | None:
    """A cache file built by ``build(tmp_path)`` (which writes a complete file at ``tmp_path``), or None.

    Like :func:`cached` for values that are files (a SQLite index): the file is named after ``name`` and
    ``key``, built once into a temporary file and renamed into place; files of older keys are removed. None
    when the cache is off or its folder cannot be written (the caller then works without the file).
    """
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{name}-{key[:40]}{suffix}"
    if path.is_file():
        return path
    try:
        with atomic_path(path) as tmp:
            build(tmp)
        for old in folder.glob(f"{name}-*{suffix}"):
            if old != path and old.name[len(name) + 1:-len(suffix)].isalnum():
                old.unlink(missing_ok=True)
    except OSError as exc:
        _LOG.debug("cannot write cache file %s (%s)", path, exc)
        return None
    return path

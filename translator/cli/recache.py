"""Compiled regular expressions kept between processes (issue 20: start-up).

A ``translator batch`` compiles about 800 regular expressions before its first document is done (the citation
parser's cues and forms, the date shapes, the libraries'), ≈ 0.5 CPU s of every start: Python's ``re`` parses
each pattern and turns it into the byte code of its matching engine (``_sre``) anew in every process.
:func:`kept_regexes` keeps that byte code in the cache folder (:func:`translator.diskcache.cache_dir`) and, for a
pattern and flags it holds, gives ``_sre`` the stored code instead of parsing the pattern again. The code is what
``re`` itself produced for the same pattern and flags, under a key holding Python's full version and the engine's
``MAGIC`` and code size, so a compiled pattern is the one ``re`` would build (same matches, groups, flags); any
other Python rebuilds the table. Patterns ``re`` cannot compile raise as before and are never kept; a pattern
compiled with ``re.DEBUG`` or from a parsed pattern goes to ``re`` unchanged. With the cache off
(``TRANSLATOR_CACHE_DIR=off``) nothing changes.

It is switched on only around a command of the ``translator`` CLI (:func:`translator.cli.main`): the hook
replaces ``re._compiler.compile`` (the function ``re.compile`` calls on a miss of its own in-process cache) for
the command's duration and restores it after. The table is written back when compiling the patterns it lacked
took :data:`WRITE_AFTER_S` or more, keeping at most :data:`MAX_PATTERNS` (those this process used first).
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import sys
import time
from collections.abc import Iterator
from typing import Any

__all__ = ["MAX_PATTERNS", "WRITE_AFTER_S", "kept_regexes"]

#: the most patterns the table keeps (this process's first, then older ones)
MAX_PATTERNS = 4096
#: the table is written back only when compiling what it lacked cost this many CPU seconds: a few patterns
#: whose text changes in every process (a library's alternation built from a set) are not worth rewriting it
WRITE_AFTER_S = 0.02
_NAME = "regex"
_LOG = logging.getLogger("translator")


def _table_key() -> str:
    import _sre

    from ..diskcache import fingerprint

    return fingerprint("regex byte code", sys.version, str(_sre.MAGIC), str(_sre.CODESIZE))


@contextlib.contextmanager
def kept_regexes() -> Iterator[None]:
    """For the body, ``re`` compiles a pattern the cache folder holds from its stored byte code (see the module
    docstring); patterns compiled anew are stored when the body ends. Does nothing when the cache is off, when
    another hook already runs, or when this Python's ``re`` does not have the expected internals."""
    import re

    from ..diskcache import cache_dir

    folder = cache_dir()
    compiler = getattr(re, "_compiler", None)
    original = getattr(compiler, "compile", None)
    if folder is None or original is None or getattr(original, "_translator_hook", False):
        yield
        return
    try:
        import _sre
        from re import _parser
        code_of = compiler._code  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        yield
        return
    key = _table_key()
    path = folder / f"{_NAME}-{key[:40]}.marshal"
    table: dict[tuple[str | bytes, int], tuple[Any, ...]] = {}
    try:
        stored_key, stored = marshal.loads(path.read_bytes())
        if stored_key == key and isinstance(stored, dict):
            table = stored
    except FileNotFoundError:
        pass
    except (OSError, EOFError, ValueError, TypeError) as exc:
        _LOG.debug("cache file %s unreadable (%s); rebuilding it", path, exc)
    used: dict[tuple[str | bytes, int], tuple[Any, ...]] = {}
    misses, spent = 0, 0.0  # patterns the table lacked, and the CPU seconds compiling them

    def compile(p: Any, flags: int = 0) -> Any:  # the signature of re._compiler.compile
        nonlocal misses, spent
        if not isinstance(p, (str, bytes)) or flags & re.DEBUG:
            return original(p, flags)
        entry = (p, int(flags))
        stored = table.get(entry)
        if stored is not None:
            used[entry] = stored
            return _sre.compile(p, *stored)
        started = time.process_time()
        parsed = _parser.parse(p, flags)
        code = [int(c) for c in code_of(parsed, flags)]  # opcodes are int subclasses marshal cannot write
        groupindex = parsed.state.groupdict
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, number in groupindex.items():
            indexgroup[number] = name
        made = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
        compiled = _sre.compile(p, *made)
        used[entry] = table[entry] = made
        misses += 1
        spent += time.process_time() - started
        return compiled

    compile._translator_hook = True  # type: ignore[attr-defined]
    compiler.compile = compile
    try:
        yield
    finally:
        compiler.compile = original
        if misses and spent >= WRITE_AFTER_S:
            _store(path, key, used, table)


def _store(path: Any, key: str, used: dict, table: dict) -> None:
    """Write the table back: this process's patterns first, then older ones up to :data:`MAX_PATTERNS`."""
    from ..atomic import atomic_write_bytes

    kept = dict(used)
    for entry, value in table.items():
        if len(kept) >= MAX_PATTERNS:
            break
        kept.setdefault(entry, value)
    try:
        atomic_write_bytes(path, marshal.dumps((key, kept)))
        for old in path.parent.glob(f"{_NAME}-*.marshal"):
            if old != path and old.name[len(_NAME) + 1:-len(".marshal")].isalnum():
                old.unlink(missing_ok=True)
    except (OSError, ValueError) as exc:
        _LOG.debug("cannot write cache file %s (%s)", path, exc)

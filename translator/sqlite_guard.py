"""SQLite faults as the toolkit's errors (issue #13): a damaged or full database file is one clear line.

The translation memory, the MT cache and a batch's run state are SQLite files. SQLite finds damage only when
it reads the damaged page, so a memory with overwritten pages in its middle opens fine and fails later, in
whichever query first reads them; :func:`guard_database` turns that failure, wherever it happens, into a
:class:`~translator.errors.DamagedFileError` naming the file (exit code 3).
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .errors import DamagedFileError, NoSpaceError, TranslatorError

__all__ = ["database_fault", "guard_database"]

_F = TypeVar("_F", bound=Callable[..., Any])


def database_fault(path: Path, what: str, error: sqlite3.DatabaseError) -> TranslatorError | None:
    """The error to raise for ``error`` from the SQLite file ``path`` (``what``: "Translation memory"), or None.

    A damaged file (SQLite's ``SQLITE_CORRUPT``, ``SQLITE_NOTADB``: pages overwritten in its middle, a file
    that is not a database) is a :class:`DamagedFileError` saying to move it aside; a full disk
    (``SQLITE_FULL``) a :class:`NoSpaceError`. Anything else (a locked file …): None, re-raise as it is.
    """
    name = getattr(error, "sqlite_errorname", "")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return DamagedFileError(f"{what} {path} is damaged ({error}); move it aside (rename it) and run again: "
                                "a new, empty one is started, and `sqlite3 FILE .recover` may save its rows")
    if name.startswith("SQLITE_FULL"):
        return NoSpaceError(f"no space left on the device holding {path}; free some space and run again")
    return None


def guard_database(what: str) -> Callable[[_F], _F]:
    """Decorate a method of a class with a ``path`` attribute: a damaged or full database becomes
    :func:`database_fault`'s error, one line naming the file, instead of a bare ``sqlite3.DatabaseError``."""
    def decorate(method: _F) -> _F:
        @functools.wraps(method)
        def guarded(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[no-untyped-def]
            try:
                return method(self, *args, **kwargs)
            except sqlite3.DatabaseError as error:
                fault = database_fault(self.path, what, error)
                if fault is None:
                    raise
                raise fault from error
        return guarded  # type: ignore[return-value]
    return decorate

"""The one way the toolkit writes a file: a temporary file beside the target, then a rename (issue 11).

A reader never sees half a file, an interrupted run never leaves one behind, and the file gets the mode the
user's umask asks for. ``tempfile.mkstemp`` creates files ``-rw-------`` and ``mkdtemp`` folders
``drwx------`` whatever the umask; a plain ``open()`` would give ``0o666 & ~umask``. Every helper here sets
that mode on the temporary file (``0o777 & ~umask`` on a folder) before renaming it into place, so a report
written under umask 022 is ``-rw-r--r--`` and one written under 027 is ``-rw-r-----``.

    with atomic_path("out/tables.xlsx") as tmp:   # write tmp with any library, then it replaces the target
        workbook.save(tmp)
    atomic_write_text("out/report.html", html)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_dir", "atomic_path", "atomic_write_bytes", "atomic_write_text", "current_umask",
           "publish", "temp_file"]

_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process umask (e.g. ``0o022``). Read from /proc where it can be, else by setting and restoring it."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def temp_file(target: Path | str, suffix: str = ".tmp") -> Path:
    """An empty hidden temporary file beside ``target`` (created, closed); its folder is created if needed."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    return Path(name)


def publish(tmp: Path | str, target: Path | str) -> None:
    """Give ``tmp`` (a file or a folder) the umask's mode and rename it onto ``target`` (a file target is replaced)."""
    tmp = Path(tmp)
    base = 0o777 if tmp.is_dir() else 0o666
    os.chmod(tmp, base & ~current_umask())
    os.replace(tmp, target)


@contextlib.contextmanager
def atomic_path(target: Path | str, suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``, on error it is removed."""
    target = Path(target)
    tmp = temp_file(target, suffix)
    try:
        yield tmp
        publish(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def atomic_write_text(path: Path | str, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (newlines as given, not translated); returns the path."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding=encoding, newline="") as handle:
        handle.write(text)
    return Path(path)


def atomic_write_bytes(path: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; returns the path."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


@contextlib.contextmanager
def atomic_dir(target: Path | str) -> Iterator[Path]:
    """Yield an empty temporary folder beside ``target``; on success it takes ``target``'s place.

    An existing ``target`` is moved aside first and deleted after the swap, so a crash leaves either the old
    folder or the new one, never a mix. On error the temporary folder is deleted.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        yield staging
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            os.replace(target, old / target.name)
        publish(staging, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already when it was moved into place

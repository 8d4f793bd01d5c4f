"""Open a corpus file for reading only if it is a regular file, never following a link (issue #13).

    with open_regular(path, "scraped/page.html") as handle:
        data = handle.read()

``discover`` already leaves links and special files out, but a file can change between being listed and
being read: a link put in its place would be followed, and a FIFO (named pipe) would block the open for
ever (a wait uses no processor time, so the per-file time budget would not end it). The file is opened with
``O_NOFOLLOW`` (a link in the last component is refused) and ``O_NONBLOCK`` (opening a pipe does not wait for
a writer), then checked with ``fstat`` to be a regular file before a byte is read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError

__all__ = ["NotRegularFileError", "open_regular"]

_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class NotRegularFileError(InputError):
    """A corpus path that is a link, a pipe, a socket or a device when it is opened: it is not read."""


def open_regular(path: Path | str, name: str | None = None) -> BinaryIO:
    """``path`` opened for reading in binary mode. Raises :class:`NotRegularFileError` (an ``InputError``,
    naming ``name`` or the path) for a symbolic link or anything but a regular file; ``OSError`` when it
    cannot be opened (missing, no permission)."""
    what = name or str(path)
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK):  # O_NOFOLLOW met a link (EMLINK on FreeBSD)
            raise NotRegularFileError(f"{what}: a symbolic link: links are never followed, so nothing outside the "
                                      "corpus folder is read (copy the file in instead)") from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else \
                "a folder" if stat.S_ISDIR(mode) else "a device"
            raise NotRegularFileError(f"{what}: {kind}, not a regular file: left out, never read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise

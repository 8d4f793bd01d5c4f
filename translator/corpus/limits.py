"""Resource limits of a batch run (issue #13): a time budget for reading and analysing one file, and a full
disk as one clear error.

    with file_time_budget(120, "scraped/page.html"):   # FileTimeLimitError after 120 s of wall time
        docs = read_documents(source, data)

The budget is a ``SIGALRM`` timer (``signal.setitimer(ITIMER_REAL)``) in the process doing the work: the
batch's own process, or each ``--workers`` process (every worker has its own main thread and timer). When
the timer fires, Python raises :class:`FileTimeLimitError` in the main thread at the next bytecode, so the
pipeline records the file in ``errors`` and goes on with the next one.

What it cannot do:

- Off the main thread (a Ray task or actor's thread, a notebook's background thread) Python cannot install a
  signal handler: there a watchdog thread raises the same error in the working thread when the time is up
  (``PyThreadState_SetAsyncExc``, CPython's way to raise an exception in another thread). It is seen at the
  next bytecode like the signal, but cannot cut short a blocking call (``time.sleep``, a read that waits),
  which a signal does.
- A single C call that never returns to Python (one ``re`` match that backtracks for hours, one lxml parse)
  is interrupted only when it returns, since Python runs signal handlers between bytecodes. The readers and
  the analysis work in many short calls (per block, per sentence), so in practice the budget holds; a hard
  stop would need the worker process killed, which would also lose its other files of the chunk.
- It measures wall time, not CPU time: a machine under load reaches the budget sooner. The default
  (120 s, ``--max-file-seconds``) is generous: an ordinary news article takes well under a second.

A timer already armed by the caller (a test runner's own ``SIGALRM`` timeout) is put back on exit, less the
time spent inside.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, NoSpaceError, OverLimitError

__all__ = ["DEFAULT_MAX_FILE_SECONDS", "FileTimeLimitError", "OverLimitError", "file_time_budget", "no_space_as_error",
           "warm_up"]

logger = logging.getLogger("translator")

#: the default of ``--max-file-seconds``: far beyond what one ordinary document takes
DEFAULT_MAX_FILE_SECONDS = 120.0


class FileTimeLimitError(OverLimitError):
    """Reading and analysing one file took longer than its time budget; ``what`` names the file."""

    def __init__(self, what: str, seconds: float) -> None:
        self.what, self.seconds = what, seconds
        self.limit, self.option = f"{seconds:g} s per file", "--max-file-seconds"
        InputError.__init__(self, f"{what}: reading and analysing took over {seconds:g} s, the time limit per file; "
                            "the file was left out (raise the limit with --max-file-seconds, 0 = no limit)")


@contextlib.contextmanager
def file_time_budget(seconds: float | None, what: str) -> Iterator[None]:
    """Raise :class:`FileTimeLimitError` (an :class:`InputError`) in the body once ``seconds`` of wall time
    have passed. ``seconds`` None or ≤ 0: no budget. ``what``: the file, for the message. Off the main thread,
    or where there is no ``setitimer`` (Windows), a watchdog thread raises it instead (see the module
    docstring).
    """
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        with _watchdog_budget(seconds, what):
            yield
        return
    armed = True

    def expired(signum: int, frame: object) -> None:
        if armed:
            raise FileTimeLimitError(what, seconds)

    previous_handler = signal.signal(signal.SIGALRM, expired)
    started = time.monotonic()
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay > 0:  # the caller's own timer: put back what is left of it (at least a tick)
            left = max(previous_delay - (time.monotonic() - started), 1e-3)
            signal.setitimer(signal.ITIMER_REAL, left, previous_interval)


@contextlib.contextmanager
def _watchdog_budget(seconds: float, what: str) -> Iterator[None]:
    """:func:`file_time_budget` off the main thread: a timer thread raises :class:`FileTimeLimitError` in this
    thread (``PyThreadState_SetAsyncExc``) once ``seconds`` have passed, unless the body has ended by then."""
    import ctypes

    target = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    class Expired(FileTimeLimitError):  # raised by class, without arguments: the message is bound here
        def __init__(self) -> None:
            super().__init__(what, seconds)

    Expired.__name__ = Expired.__qualname__ = "FileTimeLimitError"

    def expire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(Expired))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["armed"] = False
            timer.cancel()
            if state["fired"]:  # not raised yet (the body ended first): it must not surface after the body
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)


_WARM: set[tuple[int, str]] = set()  # (id of the glossary, detector) this process has warmed up with
_WARM_HTML = ("<html><head><title>عنوان</title></head><body><p>قال وزير الخارجية الجزائري أحمد عطاف في 3 أيار/مايو "
              "2023: «نرفض ذلك». The minister spoke in Algiers on Monday, 12 May 2023.</p>"
              "<p>— صحيفة الخبر، 12 مايو 2023</p></body></html>").encode()


def warm_up(glossary, detector: str) -> None:  # type: ignore[no-untyped-def]
    """Read and analyse a small made-up article once per process (per glossary and detector), outside any
    time budget: the one-time loading of parsers, language lexicons and date data is then not charged to the
    first file that needs it (on a loaded machine it took over 10 s)."""
    key = (id(glossary), detector)
    if key in _WARM:
        return
    _WARM.add(key)
    from ..diskcache import paused_gc
    from .analyze import analyze_document
    from .readers import SourceFile, read_documents

    with paused_gc():  # loading, not garbage: the collector would walk the new tables again and again
        for doc in read_documents(SourceFile(Path("warm-up.html"), "warm-up.html"), _WARM_HTML):
            analyze_document(doc, glossary=glossary, detector=detector)


@contextlib.contextmanager
def no_space_as_error(out_dir: Path | str) -> Iterator[None]:
    """Turn a full disk or quota (``OSError`` ``ENOSPC``/``EDQUOT``, as Python and pyarrow raise it) while the
    body writes into ``out_dir`` into :class:`~translator.errors.NoSpaceError` (exit code 4): one line saying
    what to do. The writers are atomic, so every output is the old file or the new one, whole, and their
    temporary files are removed; finished documents stay in the run state. A disk that fills after the tables
    (at the report) leaves new tables beside the last complete run's report and ``manifest.json``."""
    try:
        yield
    except OSError as exc:
        full = exc.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left on device" in str(exc)
        if not full:
            raise
        where = f" ({exc.filename})" if exc.filename else ""
        raise NoSpaceError(f"{out_dir}: no space left on the device{where}; free some space (or choose another "
                           "--out) and run again: finished documents are kept, no file was left half-written, "
                           "and manifest.json still names the last complete run") from exc

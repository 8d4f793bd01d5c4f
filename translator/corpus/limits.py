"""Resource limits of a batch run (issue #13): a processor-time budget for reading and analysing one file, and
a full disk as one clear error.

    with file_time_budget(120, "scraped/page.html"):   # FileTimeLimitError after 120 s of CPU time
        docs = read_documents(source, data)

The budget counts the processor time of the thread doing the work (Linux and other POSIX systems: the
thread's own CPU clock, ``time.pthread_getcpuclockid``; elsewhere the process's CPU time), not wall time: a
machine busy with other work runs the file more slowly but charges it no more, so a good file never becomes an
errors row because the machine was loaded (a wall-clock budget did that to a test under load). One watchdog thread
per process (started with the first budget, issue 20) reads the clocks of the open budgets; it sleeps until one could
at the earliest be used up (a thread uses at most one second of CPU per second), reads the clocks again, and once a
budget is spent raises :class:`FileTimeLimitError` in its working thread (``PyThreadState_SetAsyncExc``, CPython's
way to raise an exception in another thread). The working thread sees it at its next bytecode; the pipeline
records the file in ``errors`` and goes on with the next one. It works the same in the batch's own process, in each
``--workers`` process (a forked one starts its own watchdog) and in a Ray task or a notebook's thread.

What it cannot do:

- A single C call that never returns to Python (one ``re`` match that backtracks for hours, one lxml parse)
  is interrupted only when it returns. The readers and the analysis work in many short calls (per block, per
  sentence), so in practice the budget holds; a hard stop would need the worker process killed, which would
  also lose its other files of the chunk.
- Time spent waiting (a read that blocks) uses no processor time and is not charged. So nothing in the corpus
  is ever waited on: named pipes, sockets and devices are errors rows, never opened (``discover``), and each
  file is opened without waiting and read only if it is a regular file
  (:func:`translator.corpus.safe_open.open_regular`).

The default (120 s, ``--max-file-seconds``) is generous: an ordinary news article takes well under a second.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import InputError, NoSpaceError, OverLimitError

__all__ = ["DEFAULT_MAX_FILE_SECONDS", "FileTimeLimitError", "OverLimitError", "file_time_budget", "no_space_as_error",
           "warm_up"]

logger = logging.getLogger("translator")

#: the default of ``--max-file-seconds``: far beyond what one ordinary document takes
DEFAULT_MAX_FILE_SECONDS = 120.0


class FileTimeLimitError(OverLimitError):
    """Reading and analysing one file used more processor time than its budget; ``what`` names the file."""

    def __init__(self, what: str, seconds: float) -> None:
        self.what, self.seconds = what, seconds
        self.limit, self.option = f"{seconds:g} s of processor time per file", "--max-file-seconds"
        InputError.__init__(self, f"{what}: reading and analysing took over {seconds:g} s of processor time, the "
                            "time limit per file; the file was left out (raise the limit with --max-file-seconds, "
                            "0 = no limit)")


def _cpu_clock() -> Callable[[], float]:
    """A clock of the processor time used by the calling thread, in seconds: the thread's own CPU clock where
    the system has one (``time.pthread_getcpuclockid``), read from any thread; else the process's CPU time."""
    getcpuclockid = getattr(time, "pthread_getcpuclockid", None)
    if getcpuclockid is not None:
        with contextlib.suppress(OSError):
            clock = getcpuclockid(threading.get_ident())
            time.clock_gettime(clock)
            return lambda: time.clock_gettime(clock)
    return time.process_time


class _Budget:
    """One open :func:`file_time_budget`: the working thread, its CPU clock, and whether the error was raised."""

    __slots__ = ("armed", "clock", "fired", "seconds", "started", "target", "what")

    def __init__(self, seconds: float, what: str) -> None:
        self.target = threading.get_ident()
        self.clock = _cpu_clock()
        self.started = self.clock()
        self.seconds, self.what = seconds, what
        self.armed, self.fired = True, False

    def expired(self) -> type[FileTimeLimitError]:
        """The error to raise in the working thread: a class raised without arguments, the message bound here."""
        what, seconds = self.what, self.seconds

        class Expired(FileTimeLimitError):
            def __init__(self) -> None:
                super().__init__(what, seconds)

        Expired.__name__ = Expired.__qualname__ = "FileTimeLimitError"
        return Expired


class _Watchdog:
    """The one thread of a process that watches every open budget (issue 20: a thread started and joined per
    file cost about 160 µs of CPU, 2–4% of a batch without translation). It sleeps until the first open budget
    could at the earliest be used up (a thread uses at most one second of CPU per second), reads the clocks of
    the open budgets then, and raises :class:`FileTimeLimitError` in each working thread whose budget is spent.
    A budget that opens while it sleeps wakes it only when that budget could end before its next look."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.wake = threading.Condition(self.lock)
        self.budgets: dict[int, _Budget] = {}  # id of the budget -> the budget
        self.look_at = float("inf")  # monotonic time of the thread's next look; inf while no budget is open
        self.thread: threading.Thread | None = None

    def open(self, budget: _Budget) -> None:
        with self.lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._watch, name="file time budgets", daemon=True)
                self.thread.start()
            self.budgets[id(budget)] = budget
            if time.monotonic() + budget.seconds < self.look_at:
                self.wake.notify()

    def close(self, budget: _Budget) -> None:
        with self.lock:
            budget.armed = False
            self.budgets.pop(id(budget), None)
            if budget.fired:  # not raised yet (the body ended first): it must not surface after the body
                import ctypes

                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(budget.target), None)

    def _watch(self) -> None:
        with self.lock:
            while True:
                now = time.monotonic()
                self.look_at = float("inf")
                for key, budget in list(self.budgets.items()):
                    try:
                        left = budget.seconds - (budget.clock() - budget.started)
                    except OSError:  # the working thread has ended
                        del self.budgets[key]
                        continue
                    if left > 0:
                        self.look_at = min(self.look_at, now + max(left, 1e-3))
                    elif budget.armed:
                        import ctypes

                        budget.fired = True
                        del self.budgets[key]
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(budget.target),
                                                                   ctypes.py_object(budget.expired()))
                self.wake.wait(None if self.look_at == float("inf") else self.look_at - now)


_WATCHDOG = _Watchdog()


def _new_watchdog() -> None:
    """In a forked child: the parent's watchdog thread is not there, and its lock may have been held."""
    global _WATCHDOG
    _WATCHDOG = _Watchdog()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_watchdog)


@contextlib.contextmanager
def file_time_budget(seconds: float | None, what: str) -> Iterator[None]:
    """Raise :class:`FileTimeLimitError` (an :class:`InputError`) in the body once it has used ``seconds`` of
    processor time (the calling thread's CPU time: waiting, and other processes' work on a busy machine, do not
    count). ``seconds`` None or ≤ 0: no budget. ``what``: the file, for the message. See the module docstring
    for how, and for what it cannot stop.
    """
    if not seconds or seconds <= 0:
        yield
        return
    budget = _Budget(seconds, what)
    watchdog = _WATCHDOG
    watchdog.open(budget)
    try:
        yield
    finally:
        watchdog.close(budget)


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

    with paused_gc(freeze=True):  # loading, not garbage: the collector would walk the new tables again and again
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

"""What every benchmark prints beside its figures: the machine, the threads it may use, and how busy it was.

    from machine import reported          # benchmarks/ is on sys.path when a script runs
    with reported("mt_throughput"):
        ...                                # prints the context at start and at end (stderr), also on error

Rates measured on a shared machine mean little on their own: quote ratios measured in the same run, and read
them with the load average printed here (a load above the number of cores means other jobs took CPU time).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["context", "in_checkout", "reported"]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def context() -> dict[str, Any]:
    """CPU model (/proc/cpuinfo), logical CPUs, CPUs this process may run on, and the 1/5/15-min load average."""
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = os.cpu_count() or 1
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = []
    return {"cpu": _cpu_model(), "logical_cpus": os.cpu_count(), "usable_cpus": usable, "load_avg": load,
            "python": platform.python_version()}


@contextmanager
def reported(name: str, threads: int | None = None) -> Iterator[dict[str, Any]]:
    """Print the machine context as ``# <name> start: {...}`` before and ``# <name> end: {...}`` after."""
    start = context()
    if threads is not None:
        start["threads"] = threads
    print(f"# {name} start: {json.dumps(start)}", file=sys.stderr, flush=True)
    try:
        yield start
    finally:
        end = context()
        print(f"# {name} end: {json.dumps({'load_avg': end['load_avg']})} (load average at start "
              f"{start['load_avg']}, {start['usable_cpus']} usable CPUs)", file=sys.stderr, flush=True)


def in_checkout(checkout: Path, child: str, *args: str, cwd: Path | None = None) -> dict[str, Any]:
    """Run the Python source ``child`` with ``args`` against another checkout of the project (its ``translator``
    first on the path, ``-P``: not this one's) and return the JSON object its last stdout line prints.
    Raises ``SystemExit`` with the checkout, exit status and the end of stderr when the child fails: a broken
    checkout must not pass for a fast one."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run([sys.executable, "-P", "-c", child, *args], capture_output=True, text=True, env=env,
                         cwd=cwd)
    if out.returncode:
        raise SystemExit(f"{checkout}: exit {out.returncode}\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])

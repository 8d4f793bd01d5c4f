"""The command's fast exit (issue 20): the interpreter's teardown is skipped, nothing an exit owes is.

Each case runs a real child interpreter (no mock): standard output must arrive although it is a pipe (block
buffered, so only an explicit flush delivers it), ``atexit`` functions must run, the exit code must be kept,
and a running non-daemon thread must still be waited for.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _child(source: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-P", "-c", textwrap.dedent(source), str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=120)


def test_exit_fast_flushes_output_runs_atexit_and_keeps_the_code(tmp_path: Path) -> None:
    done = _child("""
        import atexit, sys
        from pathlib import Path
        from translator.cli import exit_fast
        atexit.register(lambda: Path(sys.argv[1], "atexit-ran").write_text("yes"))
        print("written before the exit", end="")
        sys.stderr.write("and on stderr")
        exit_fast(3)
        print("never")
        """, tmp_path)
    assert done.returncode == 3
    assert done.stdout == "written before the exit"
    assert done.stderr == "and on stderr"
    assert (tmp_path / "atexit-ran").read_text() == "yes"


def test_exit_fast_waits_for_a_running_thread(tmp_path: Path) -> None:
    done = _child("""
        import threading, time
        from translator.cli import exit_fast
        def late():
            time.sleep(0.3)
            print("thread finished", flush=True)
        threading.Thread(target=late).start()
        exit_fast(0)
        """, tmp_path)
    assert done.returncode == 0
    assert done.stdout == "thread finished\n"


def test_python_dash_m_translator_keeps_its_output_and_exit_code(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ok = subprocess.run([sys.executable, "-P", "-m", "translator", "detect", "--format", "jsonl"],
                        input="هذا نص عربي قصير عن الأخبار\n", env=env, capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    assert '"ar"' in ok.stdout
    bad = subprocess.run([sys.executable, "-P", "-m", "translator", "cite", str(tmp_path / "missing.txt")],
                         env=env, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2
    assert "translator: error:" in bad.stderr


def test_a_batch_command_closes_its_translation_memory_before_the_fast_exit(tmp_path: Path) -> None:
    """The run's memory is closed by the run (SQLite then folds its write-ahead log into the file): the fast
    exit, which frees nothing, must not leave ``-wal``/``-shm`` files, nor a ``.sqlite`` that, copied alone,
    lacks what the run stored (here headlines' printed English renderings, stored without a model)."""
    import sqlite3

    corpus, home = tmp_path / "in", tmp_path / "home"
    corpus.mkdir()
    # an article citing Arabic headlines with their printed English renderings (stored as human translations)
    (corpus / "seed_article.txt").write_bytes((ROOT / "tests" / "data" / "seed_article.txt").read_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TRANSLATOR_HOME": str(home)}
    done = subprocess.run([sys.executable, "-P", "-m", "translator", "batch", str(corpus), "--out",
                           str(tmp_path / "out"), "--no-report", "--quiet", "--format", "jsonl"],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    memory = home / "translation-memory.sqlite"
    assert memory.is_file()
    assert sorted(p.name for p in home.iterdir() if p.name.startswith(memory.name)) == [memory.name]
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(memory.read_bytes())
    with sqlite3.connect(copy) as db:
        rows = db.execute("SELECT target FROM human_translations").fetchall()
    assert ("Lavrov: Our relations with Algeria have reached a new level",) in rows

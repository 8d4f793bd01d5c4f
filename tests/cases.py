"""The one reader of the case files in ``tests/data``: behaviour cases a translator can extend without Python.

``.tsv`` files go through the project's own data-file reader (``#`` comment lines, a header, one case a row);
``.jsonl`` files are one JSON object a line (blank lines skipped); ``.txt`` files one case a line (``#`` comment
lines and blank lines skipped). Every test module reads its cases here.
"""

from __future__ import annotations

import json
from pathlib import Path

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
ROOT = TESTS.parent

__all__ = ["DATA", "ROOT", "TESTS", "cases"]


def cases(name: str) -> list:
    """The cases of ``tests/data/<name>`` (a ``.tsv``, ``.jsonl`` or ``.txt`` file), in file order: dicts, or
    for ``.txt`` the lines."""
    path = DATA / name
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if path.suffix == ".txt":
        return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
                and not line.startswith("#")]
    from translator.datafiles import read_tsv

    return read_tsv(path)

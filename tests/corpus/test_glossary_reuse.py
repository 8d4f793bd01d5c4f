"""A process that runs several batches reuses the glossary while its files are unchanged (issue 20)."""

from __future__ import annotations

import os
from pathlib import Path

from translator.corpus.run import BatchOptions, load_glossary


def test_glossary_reused_until_a_file_changes(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text("source\ttarget\ttype\nبرج الاختبار\tTest Tower\tplace\n", encoding="utf-8")
    options = BatchOptions(glossary_paths=(user,))
    first = load_glossary(options)
    assert load_glossary(options) is first
    assert first.get("برج الاختبار").target == "Test Tower"
    user.write_text("source\ttarget\ttype\nبرج الاختبار\tTrial Tower\tplace\n", encoding="utf-8")
    stat = user.stat()
    os.utime(user, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a later time, whatever the clock
    second = load_glossary(options)
    assert second is not first
    assert second.get("برج الاختبار").target == "Trial Tower"
    assert load_glossary(BatchOptions()) is not second  # other inputs, another glossary
    assert load_glossary(BatchOptions(use_glossary=False)) is None

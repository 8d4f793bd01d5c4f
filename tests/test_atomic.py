"""Every output file honours the umask (issue 11): one atomic writer, translator.atomic, used everywhere."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from translator.atomic import atomic_dir, atomic_path, atomic_write_bytes, atomic_write_text, current_umask


@pytest.fixture(params=[0o022, 0o027], ids=["umask022", "umask027"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_current_umask_is_the_process_umask(umask: int) -> None:
    assert current_umask() == umask


def test_files_and_folders_get_the_modes_the_umask_asks_for(tmp_path: Path, umask: int) -> None:
    text = atomic_write_text(tmp_path / "a" / "report.html", "<p>مرحبا</p>")
    data = atomic_write_bytes(tmp_path / "b.bin", b"\x00\x01")
    with atomic_path(tmp_path / "c.xlsx", suffix=".xlsx") as tmp:
        assert _mode(tmp) == 0o600  # mkstemp's mode, fixed at publication
        tmp.write_bytes(b"PK")
    with atomic_dir(tmp_path / "folder") as staging:
        (staging / "part-0.parquet").write_bytes(b"x")
    assert text.read_text(encoding="utf-8") == "<p>مرحبا</p>"
    for path in (text, data, tmp_path / "c.xlsx"):
        assert _mode(path) == 0o666 & ~umask, path
    assert _mode(tmp_path / "folder") == 0o777 & ~umask
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing(tmp_path: Path) -> None:
    target = atomic_write_text(tmp_path / "manifest.json", "{}")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("killed")
    with pytest.raises(RuntimeError), atomic_dir(tmp_path / "models" / "m") as staging:
        (staging / "config.json").write_text("{}")
        raise RuntimeError("killed")
    assert target.read_text() == "{}"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["manifest.json", "models"]


def test_every_file_of_a_batch_run_honours_the_umask(tmp_path: Path, umask: int) -> None:
    from translator.corpus.run import run_batch

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("مدينة تندوف\n\nThe city of Tindouf.\n", encoding="utf-8")
    out = tmp_path / "out"
    run_batch(corpus, out, translate=False, excel=True, progress=False, use_memory=False)
    written = {p.name: _mode(p) for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}
    expected = {f"{t}.{ext}" for t in ("documents", "segments", "citations", "errors") for ext in ("csv", "parquet")}
    assert expected | {"report.html", "manifest.json", "tables.xlsx"} <= set(written)
    assert {name: mode for name, mode in written.items() if mode != 0o666 & ~umask} == {}


def test_registry_models_and_settings_honour_the_umask(translator_home: Path, tiny_model: Path, umask: int) -> None:
    from translator.mt.models import add_model, set_default_model, settings_path

    info = add_model(tiny_model, "umask/tiny")
    assert _mode(info.path) == 0o777 & ~umask
    assert _mode(info.path / "translator-model.json") == 0o666 & ~umask
    set_default_model("umask/tiny")
    assert _mode(settings_path()) == 0o666 & ~umask


def test_exported_glossary_honours_the_umask(tmp_path: Path, umask: int) -> None:
    from translator.glossary.entry import GlossaryEntry
    from translator.glossary.load import write_tsv

    path = write_tsv([GlossaryEntry(source="تندوف", target="Tindouf", type="place")], tmp_path / "g.tsv")
    assert _mode(path) == 0o666 & ~umask

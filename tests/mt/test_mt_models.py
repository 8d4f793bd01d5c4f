"""Model management: resolve, add, list, convert, remove; offline behaviour and the missing-model message."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from translator.config import DEFAULT_MODEL
from translator.errors import InputError, ModelNotFoundError
from translator.mt import (
    add_model,
    convert_model,
    list_models,
    load_engine,
    pull_model,
    remove_model,
    resolve_model,
)
from translator.mt.models import hf_cache_dir

pytestmark = pytest.mark.slow
MODEL_ID = "test-org/opus-mt-tiny-ar-en"


def _fake_hf_snapshot(tiny_model: Path, repo_id: str, commit: str = "0123456789abcdef" * 2 + "01234567") -> Path:
    """Lay the tiny model out exactly as huggingface_hub caches a download (blobs, snapshot symlinks, refs)."""
    repo = hf_cache_dir() / f"models--{repo_id.replace('/', '--')}"
    snapshot = repo / "snapshots" / commit
    snapshot.mkdir(parents=True)
    (repo / "blobs").mkdir()
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    for file in tiny_model.iterdir():
        if file.is_file():
            blob = repo / "blobs" / hashlib.sha256(file.read_bytes()).hexdigest()
            blob.write_bytes(file.read_bytes())
            (snapshot / file.name).symlink_to(os.path.relpath(blob, snapshot))
    return snapshot


def _connections(monkeypatch: pytest.MonkeyPatch) -> list:
    """Record every TCP connection the hub client opens (socket.create_connection, which httpcore and urllib3
    call at connect time), still making it: how often the hub is asked, instead of a wall-clock limit."""
    import socket

    attempts: list = []
    create_connection = socket.create_connection

    def recording(address, *args, **kwargs):
        attempts.append(address)
        return create_connection(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", recording)
    return attempts


def test_missing_model_error_names_model_places_and_fix(translator_home: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    attempts = _connections(monkeypatch)
    with pytest.raises(ModelNotFoundError) as caught:
        resolve_model()
    assert attempts == []  # offline (HF_HUB_OFFLINE): the hub is not asked at all, so nothing waits on it
    message = str(caught.value)
    assert DEFAULT_MODEL in message
    assert str(translator_home / "models") in message and str(hf_cache_dir()) in message
    assert "HF_HUB_OFFLINE" in message  # why the hub was not asked
    assert f"translator models pull {DEFAULT_MODEL}" in message
    assert f"translator models add PATH --id {DEFAULT_MODEL}" in message
    assert caught.value.model == DEFAULT_MODEL and len(caught.value.looked_in) == 3


def test_pull_is_refused_offline(translator_home: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="HF_HUB_OFFLINE"):
        pull_model(DEFAULT_MODEL)


def test_unreachable_hub_fails_fast(translator_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "0")
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # the discard port: connection refused, no network
    attempts = _connections(monkeypatch)
    with pytest.raises(ModelNotFoundError, match="unreachable"):
        resolve_model("Helsinki-NLP/opus-mt-tc-big-ar-en")
    # fails fast: a refused connection is not retried with back-off, and no other host is asked. (Whether a
    # connection is tried at all depends on whether huggingface_hub was imported while HF_HUB_OFFLINE was set:
    # it reads the variable once, and then refuses before connecting; either way the error says unreachable.)
    assert len(attempts) <= 3 and set(attempts) <= {("127.0.0.1", 9)}, attempts


def test_add_list_convert_remove(translator_home: Path, tiny_model: Path, tiny_pairs: list[tuple[str, str]]) -> None:
    added = add_model(tiny_model, MODEL_ID)
    assert added.kind == "marian" and added.origin == "registry" and added.id == MODEL_ID
    assert added.path.parent == translator_home / "models" and added.size_bytes > 100_000
    assert added.revision and added.source_lang == "ar" and added.target_lang == "en"
    assert [(m.id, m.kind) for m in list_models()] == [(MODEL_ID, "marian")]
    with pytest.raises(InputError, match="already registered"):
        add_model(tiny_model, MODEL_ID)

    assert load_engine(MODEL_ID).name == "transformers"  # nothing converted yet
    with pytest.raises(ModelNotFoundError, match=f"translator models convert {MODEL_ID}"):
        load_engine(MODEL_ID, engine="ctranslate2")

    converted = convert_model(MODEL_ID)
    assert converted.kind == "ct2" and converted.quantization == "int8" and converted.revision == added.revision
    assert converted.converted_from == f"{MODEL_ID}@{added.revision}"
    assert convert_model(MODEL_ID).path == converted.path  # reused, not redone
    assert sorted((m.id, m.kind) for m in list_models()) == [(MODEL_ID, "ct2"), (MODEL_ID, "marian")]
    listed = {m.kind: m.to_dict() for m in list_models()}
    assert listed["ct2"]["size_bytes"] > 0 and isinstance(listed["ct2"]["path"], str)

    engine = load_engine(MODEL_ID)  # auto: CTranslate2 once a converted copy exists
    assert engine.name == "ctranslate2"
    arabic, english = tiny_pairs[0]
    assert engine.translate_batch([arabic])[0][0].text == english
    assert load_engine(MODEL_ID, engine="transformers").name == "transformers"

    removed = remove_model(MODEL_ID, kind="ct2")
    assert [m.kind for m in removed] == ["ct2"] and load_engine(MODEL_ID).name == "transformers"
    remove_model(MODEL_ID)
    assert list_models() == []
    with pytest.raises(ModelNotFoundError):
        resolve_model(MODEL_ID)
    with pytest.raises(ModelNotFoundError, match="Nothing removed"):
        remove_model(MODEL_ID)


def test_hugging_face_cache_is_used_offline(translator_home: Path, tiny_model: Path,
                                            tiny_pairs: list[tuple[str, str]]) -> None:
    snapshot = _fake_hf_snapshot(tiny_model, DEFAULT_MODEL)
    info = resolve_model()
    assert info.origin == "hf-cache" and info.path == snapshot.resolve() and info.revision == snapshot.name
    assert [(m.id, m.origin, m.revision) for m in list_models()] == [(DEFAULT_MODEL, "hf-cache", snapshot.name)]
    engine = load_engine()
    assert engine.name == "transformers" and engine.model.revision == snapshot.name
    assert engine.translate_batch([tiny_pairs[2][0]])[0][0].text == tiny_pairs[2][1]
    assert convert_model().converted_from == f"{DEFAULT_MODEL}@{snapshot.name}"
    assert load_engine().name == "ctranslate2"
    removed = remove_model(DEFAULT_MODEL)
    assert {m.origin for m in removed} == {"registry", "hf-cache"} and not snapshot.exists()


def test_folder_paths_work_directly(tiny_model: Path, tiny_ct2_model: Path) -> None:
    assert resolve_model(tiny_model).kind == "marian"
    assert resolve_model(str(tiny_ct2_model)).kind == "ct2"
    assert load_engine(tiny_ct2_model).name == "ctranslate2"
    with pytest.raises(ModelNotFoundError, match="translator models convert"):
        resolve_model(tiny_model, kind="ct2")
    with pytest.raises(ModelNotFoundError, match="no such folder"):
        resolve_model("./no/such/model")


def test_incomplete_folder_is_refused_with_advice(tmp_path: Path, tiny_model: Path) -> None:
    partial = tmp_path / "partial"
    partial.mkdir()
    (partial / "config.json").write_bytes((tiny_model / "config.json").read_bytes())
    with pytest.raises(InputError, match="copy the whole model folder"):
        add_model(partial, MODEL_ID)
    with pytest.raises(InputError, match="not a MarianMT or CTranslate2"):
        add_model(tmp_path, MODEL_ID)


def test_unknown_engine_device_and_quantization(tiny_model: Path) -> None:
    with pytest.raises(InputError, match="Unknown engine"):
        load_engine(tiny_model, engine="onnx")
    with pytest.raises(InputError, match="Unknown device"):
        load_engine(tiny_model, device="tpu")
    with pytest.raises(InputError, match="Unknown quantization"):
        convert_model(tiny_model, quantization="int3")


def test_cuda_when_asked(tiny_ct2_model: Path) -> None:
    import ctranslate2

    from translator.errors import EngineError

    if ctranslate2.get_cuda_device_count() == 0:
        with pytest.raises(EngineError, match="--device cpu"):
            load_engine(tiny_ct2_model, device="cuda")
        assert load_engine(tiny_ct2_model, device="auto").device == "cpu"  # type: ignore[attr-defined]
    else:
        engine = load_engine(tiny_ct2_model, device="cuda")
        assert engine.device == "cuda" and engine.compute_type == "float16"  # type: ignore[attr-defined]

"""Where translation models live, and how to find, fetch, add, convert and remove them.

A model is found, in this order, as: an existing folder; an entry of the toolkit's own registry
(``$TRANSLATOR_HOME/models``, filled by ``models add`` and ``models convert``); a snapshot in the Hugging Face
cache; the Hugging Face Hub (unless offline). Callers get a :class:`ModelInfo` and never touch model files.

Where no model is named, the default is the one chosen with ``translator models default ID`` (kept in
``$TRANSLATOR_HOME/settings.json``), else ``config.DEFAULT_MODEL`` (issue 11).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import re
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from translator import config
from translator.atomic import atomic_dir, atomic_write_text
from translator.errors import EngineError, InputError, ModelNotFoundError

__all__ = [
    "KINDS",
    "MANIFEST",
    "QUANTIZATIONS",
    "ModelInfo",
    "add_model",
    "convert_folder",
    "convert_model",
    "folder_size",
    "hf_cache_dir",
    "inspect_folder",
    "list_models",
    "pull_model",
    "registry_dir",
    "remove_model",
    "resolve_model",
]

MANIFEST = "translator-model.json"
SETTINGS = "settings.json"
KINDS = ("marian", "ct2")
QUANTIZATIONS = ("int8", "int8_float16", "int8_float32", "int16", "float16", "bfloat16", "float32")
_TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json", "target_vocab.json", "tokenizer_config.json",
                    "special_tokens_map.json")
_MARIAN_FILES = ("config.json", "generation_config.json", *_TOKENIZER_FILES)
_WEIGHTS = ("model.safetensors", "pytorch_model.bin")


@dataclass
class ModelInfo:
    """A translation model on disk: what it is, where it came from, how big it is."""

    id: str
    path: Path
    revision: str | None
    kind: str  # "marian" (transformers folder) or "ct2" (CTranslate2 folder)
    source_lang: str | None
    target_lang: str | None
    size_bytes: int
    origin: str  # "path", "registry", "hf-cache" or "hub"
    max_input_tokens: int = 512
    quantization: str | None = None
    converted_from: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["path"] = str(self.path)
        return out


# ---------------------------------------------------------------------------------------------- resolve

_MODEL_FILES = frozenset({"config.json", "model.bin", "model.safetensors", "pytorch_model.bin", "source.spm",
                          "target.spm", "vocab.json", "tokenizer_config.json", "generation_config.json"})


def resolve_model(model: str | Path | None = None, *, kind: str | None = None,
                  revision: str | None = None) -> ModelInfo:
    """Find ``model`` (a folder, a registered id or a hub id; default :func:`default_model`).

    ``kind`` ("marian" or "ct2") restricts what counts as found. Raises :class:`ModelNotFoundError` naming
    every place looked in and the command that fixes it.
    """
    if kind is not None and kind not in KINDS:
        raise InputError(f"Unknown model kind {kind!r}; use one of {KINDS}.")
    name = str(model) if model is not None else default_model()
    looked_in: list[str] = []

    folder = Path(name).expanduser()
    if folder.is_dir():
        info = inspect_folder(folder, origin="path")
        if kind is None or info.kind == kind:
            return info
        looked_in.append(f"{folder} (a {info.kind} model, not {kind})")
        raise ModelNotFoundError(name, looked_in, hint=_kind_hint(info, kind))
    if folder.exists():  # a file: the weights or an archive given instead of their folder (NEWUSER7 F3)
        raise ModelNotFoundError(name, [f"{folder} (a file, not a model folder)"],
                                 hint=f"Give the folder that holds the model's config.json and weights"
                                      f"{f' ({folder.parent})' if folder.name in _MODEL_FILES else ''}; "
                                      "unpack an archive first.")
    if _looks_like_path(name):
        raise ModelNotFoundError(name, [f"{folder} (no such folder)"],
                                 hint="Check the path, or give a model id such as Helsinki-NLP/opus-mt-ar-en.")

    registered = [m for m in _registry_models() if m.id == name and (kind is None or m.kind == kind)]
    if revision is not None:
        registered = [m for m in registered if m.revision == revision]
    looked_in.append(f"toolkit registry {registry_dir()}")
    if registered:
        return sorted(registered, key=lambda m: KINDS.index(m.kind))[0]

    if kind == "ct2":
        hint = None
        with contextlib.suppress(ModelNotFoundError):
            resolve_model(name, kind="marian", revision=revision)
            hint = f"The model is installed but not converted: run `translator models convert {name}`."
        raise ModelNotFoundError(name, looked_in, hint=hint)

    cached = _from_hf_cache(name, revision)
    looked_in.append(f"Hugging Face cache {hf_cache_dir()}")
    if cached is not None:
        return cached
    if config.offline():
        looked_in.append("Hugging Face Hub (not contacted: offline mode, HF_HUB_OFFLINE is set)")
        raise ModelNotFoundError(name, looked_in)
    try:
        return pull_model(name, revision)
    except ModelNotFoundError as error:
        raise ModelNotFoundError(name, looked_in + error.looked_in) from error


def _looks_like_path(name: str) -> bool:
    # hub ids have exactly one slash ("owner/name"); anything else with separators is a filesystem path
    return name.startswith((".", "/", "~")) or name.count("/") > 1 or "\\" in name


def _kind_hint(info: ModelInfo, wanted: str) -> str:
    if wanted == "ct2":
        return (f"Convert it first: `translator models convert {info.path}`, "
                "or choose the transformers engine (`--engine transformers`).")
    return "This folder holds a CTranslate2 model: use `--engine ctranslate2`, or give the original MarianMT folder."


# ------------------------------------------------------------------------------------------ default model

def settings_path() -> Path:
    """The toolkit's settings file: ``$TRANSLATOR_HOME/settings.json`` (JSON object; may be absent)."""
    return config.home() / SETTINGS


def _read_settings() -> dict[str, Any]:
    path = settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise InputError(f"{path} is unreadable ({error}); fix it or delete it "
                         "(`translator models default ID` writes a new one).") from error
    if not isinstance(data, dict):
        raise InputError(f"{path} must hold a JSON object; delete it and run `translator models default ID`.")
    return data


def default_model() -> str:
    """The model used when none is named: the one set with :func:`set_default_model`, else ``config.DEFAULT_MODEL``.

    Raises :class:`InputError` when the settings file is unreadable.
    """
    chosen = _read_settings().get("default_model")
    return str(chosen) if chosen else config.DEFAULT_MODEL


def default_model_source() -> str:
    """Where :func:`default_model` comes from: the settings file's path, or ``"built-in"``."""
    return str(settings_path()) if _read_settings().get("default_model") else "built-in"


def set_default_model(model: str | Path | None) -> str | None:
    """Make ``model`` the default of every command, batch run and notebook; ``None`` restores the built-in one.

    ``model`` must be usable offline: a model folder (kept as its absolute path), or the id of a model in the
    registry or the Hugging Face cache (``list_models()``); nothing is downloaded. Returns the id stored.
    Raises :class:`ModelNotFoundError` for an unknown model. The settings file is written atomically.
    """
    settings = _read_settings()
    if model is None:
        settings.pop("default_model", None)
        value = None
    else:
        value = _offline_model_id(str(model))
        settings["default_model"] = value
    atomic_write_text(settings_path(), json.dumps(settings, indent=2, ensure_ascii=False) + "\n")
    return value


def _offline_model_id(name: str) -> str:
    folder = Path(name).expanduser()
    if folder.is_dir():
        return str(inspect_folder(folder).path)
    installed = list_models()
    if any(m.id == name for m in installed):
        return name
    known = ", ".join(sorted({m.id for m in installed})) or "none"
    raise ModelNotFoundError(name, [f"toolkit registry {registry_dir()}", f"Hugging Face cache {hf_cache_dir()}"],
                             hint=f"Only an installed model can be the default (installed: {known}). Install it "
                                  f"first: `translator models pull {name}` or `translator models add PATH --id "
                                  f"{name}`.")


# -------------------------------------------------------------------------------------------- inspection

def inspect_folder(path: Path, *, origin: str = "path", model_id: str | None = None) -> ModelInfo:
    """Describe a model folder (MarianMT or CTranslate2); :class:`InputError` if it is neither.

    Raises :class:`InputError` when the folder is incomplete or not a MarianMT/CTranslate2 model.
    """
    path = Path(path).expanduser().resolve()
    if not path.is_dir():
        raise InputError(f"{path}: no such folder" if not path.exists() else
                         f"{path} is a file: give the model's folder (config.json, *.spm, weights)")
    manifest = _read_json(path / MANIFEST)
    if (path / "model.bin").is_file():
        kind = "ct2"
        missing = [f for f in ("source.spm", "target.spm") if not (path / f).is_file()]
    else:
        kind = "marian"
        cfg = _read_json(path / "config.json")
        if cfg.get("model_type") != "marian":
            raise InputError(f"{path} is not a MarianMT or CTranslate2 model folder (config.json with "
                             "model_type 'marian', or model.bin, expected).")
        missing = [f for f in ("source.spm", "target.spm", "vocab.json") if not (path / f).is_file()]
        if not any((path / w).is_file() for w in _WEIGHTS):
            missing.append(" or ".join(_WEIGHTS))
    if missing:
        raise InputError(f"{path} lacks {', '.join(missing)}: copy the whole model folder, not part of it.")
    tokenizer = _read_json(path / "tokenizer_config.json")
    cfg = _read_json(path / "config.json") if kind == "marian" else {}
    model_id = model_id or manifest.get("id") or path.name
    source_lang, target_lang = _languages(model_id, tokenizer, manifest)
    max_tokens = manifest.get("max_input_tokens") or min(
        int(cfg.get("max_position_embeddings") or 512), int(tokenizer.get("model_max_length") or 512))
    return ModelInfo(
        id=model_id,
        path=path,
        revision=manifest.get("revision") or _content_revision(path),
        kind=kind,
        source_lang=source_lang,
        target_lang=target_lang,
        size_bytes=folder_size(path),
        origin=origin,
        max_input_tokens=int(max_tokens),
        quantization=manifest.get("quantization"),
        converted_from=manifest.get("converted_from"),
    )


def _languages(model_id: str, tokenizer: dict[str, Any], manifest: dict[str, Any]) -> tuple[str | None, ...]:
    source = manifest.get("source_lang") or tokenizer.get("source_lang")
    target = manifest.get("target_lang") or tokenizer.get("target_lang")
    match = re.search(r"opus-mt-(?:tc-\w+-)?([a-z]{2,3})-([a-z]{2,3})\b", model_id)
    if match:
        source, target = source or match.group(1), target or match.group(2)
    return source, target


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise InputError(f"{path} is unreadable ({error}); replace the model folder.") from error
    return data if isinstance(data, dict) else {}


def _content_revision(path: Path) -> str:
    """A cheap fingerprint of a folder without a recorded revision: config plus the weights' size and ends."""
    digest = hashlib.sha256()
    for name in ("config.json", "model.bin", *_WEIGHTS):
        file = path / name
        if not file.is_file():
            continue
        size = file.stat().st_size
        digest.update(f"{name}:{size}".encode())
        with open(file, "rb") as handle:
            digest.update(handle.read(1 << 20))
            if size > 2 << 20:
                handle.seek(-(1 << 20), os.SEEK_END)
                digest.update(handle.read())
    return "local-" + digest.hexdigest()[:12]


def folder_size(path: Path) -> int:
    """Bytes on disk under ``path`` (symlinks followed once, as the Hugging Face cache uses them)."""
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


# -------------------------------------------------------------------------------------------- registry

def registry_dir() -> Path:
    """The toolkit's own model folder: ``$TRANSLATOR_HOME/models``."""
    return config.home() / "models"


def _slug(model_id: str, kind: str = "marian", quantization: str | None = None) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "--", model_id).strip("-") or "model"
    return slug if kind == "marian" else f"{slug}--ct2-{quantization or 'default'}"


def _registry_models() -> list[ModelInfo]:
    root = registry_dir()
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(p for p in root.iterdir() if (p / MANIFEST).is_file()):
        try:
            found.append(inspect_folder(folder, origin="registry"))
        except InputError:
            continue  # a half-copied folder is not a model; `models remove` can clear it
    return found


def _write_manifest(folder: Path, **fields: Any) -> None:
    fields["added_at"] = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    (folder / MANIFEST).write_text(json.dumps(fields, indent=2, ensure_ascii=False), encoding="utf-8")


def add_model(path: str | Path, model_id: str | None = None, *, force: bool = False) -> ModelInfo:
    """Copy a model folder brought by hand (MarianMT or CTranslate2) into the registry under ``model_id``.

    Raises :class:`InputError` when ``model_id`` is already registered (unless ``force``) or the folder is no model.
    """
    source = inspect_folder(Path(path), model_id=model_id)
    model_id = model_id or source.id
    target = registry_dir() / _slug(model_id, source.kind, source.quantization or "int8")
    if target.exists() and not force:
        raise InputError(f"{model_id!r} is already registered at {target}; pass force=True (--force) to replace.")
    with _staging(target) as staging:
        shutil.copytree(source.path, staging, dirs_exist_ok=True, ignore=shutil.ignore_patterns(MANIFEST))
        _write_manifest(staging, id=model_id, kind=source.kind, revision=source.revision,
                        source_lang=source.source_lang, target_lang=source.target_lang,
                        max_input_tokens=source.max_input_tokens, quantization=source.quantization,
                        converted_from=source.converted_from, added_from=str(source.path))
    return inspect_folder(target, origin="registry")


def _staging(target: Path):  # type: ignore[no-untyped-def]
    """Build into a temporary sibling folder, then swap it in: a crash never leaves half a model behind."""
    return atomic_dir(target)


def convert_model(model: str | Path | None = None, quantization: str = "int8", force: bool = False) -> ModelInfo:
    """Convert a MarianMT model to CTranslate2 with CTranslate2's own converter, into the registry.

    The result is registered under the same id (kind "ct2"), so ``load_engine(id)`` then picks CTranslate2.
    An existing conversion is reused unless ``force``.

    Raises :class:`InputError` for an unknown quantization; :class:`ModelNotFoundError` when the model is not found.
    """
    if quantization not in QUANTIZATIONS:
        raise InputError(f"Unknown quantization {quantization!r}; use one of {QUANTIZATIONS}.")
    source = resolve_model(model, kind="marian")
    target = registry_dir() / _slug(source.id, "ct2", quantization)
    if target.exists() and not force:
        existing = inspect_folder(target, origin="registry")
        if existing.revision == source.revision:
            return existing
    with _staging(target) as staging:
        convert_folder(source, staging, quantization)
    return inspect_folder(target, origin="registry")


def convert_folder(source: ModelInfo, target: Path, quantization: str = "int8") -> ModelInfo:
    """Convert the MarianMT folder of ``source`` into ``target`` (CTranslate2 format, with a manifest).

    Raises :class:`EngineError` when CTranslate2 cannot convert the model.
    """
    from ctranslate2.converters import TransformersConverter

    from translator.mt.marian import quiet_transformers

    copy = [f for f in _TOKENIZER_FILES if (source.path / f).is_file()]
    try:
        with quiet_transformers():
            TransformersConverter(str(source.path), copy_files=copy).convert(
                str(target), quantization=quantization, force=True)
    except (ValueError, RuntimeError, OSError) as error:
        raise EngineError(f"CTranslate2 could not convert {source.id} ({error}).") from error
    _write_manifest(target, id=source.id, kind="ct2", revision=source.revision,
                    source_lang=source.source_lang, target_lang=source.target_lang,
                    max_input_tokens=source.max_input_tokens, quantization=quantization,
                    converted_from=f"{source.id}@{source.revision}", added_from=str(source.path))
    return inspect_folder(target)


def list_models() -> list[ModelInfo]:
    """Every model the toolkit can use without network: registry entries, then Hugging Face cache snapshots."""
    return _registry_models() + _hf_cache_models()


def remove_model(model_id: str, *, kind: str | None = None, revision: str | None = None) -> list[ModelInfo]:
    """Delete a model from the registry and from the Hugging Face cache; returns what was removed.

    Raises :class:`ModelNotFoundError` when nothing matches ``model_id``.
    """
    removed = []
    for info in _registry_models():
        if info.id == model_id and kind in (None, info.kind) and revision in (None, info.revision):
            shutil.rmtree(info.path)
            removed.append(info)
    if kind in (None, "marian"):
        removed += _remove_from_hf_cache(model_id, revision)
    if not removed:
        raise ModelNotFoundError(model_id, [f"toolkit registry {registry_dir()}",
                                            f"Hugging Face cache {hf_cache_dir()}"],
                                 hint="Nothing removed: `translator models list` shows what is installed.")
    return removed


# ------------------------------------------------------------------------------------ Hugging Face side

def hf_cache_dir() -> Path:
    """The Hugging Face hub cache, read from the environment at call time (HF_HUB_CACHE, HF_HOME)."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    home = os.environ.get("HF_HOME") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "huggingface"
    return Path(home).expanduser() / "hub"


def _from_hf_cache(model_id: str, revision: str | None) -> ModelInfo | None:
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        path = snapshot_download(model_id, revision=revision, cache_dir=hf_cache_dir(), local_files_only=True,
                                 allow_patterns=[*_MARIAN_FILES, *_WEIGHTS])
    except (LocalEntryNotFoundError, FileNotFoundError, ValueError):  # ValueError: not a valid repo id
        return None
    try:
        info = inspect_folder(Path(path), origin="hf-cache", model_id=model_id)
    except InputError:
        return None  # an incomplete snapshot (interrupted download): treat as absent
    info.revision = Path(path).name
    return info


def _hf_cache_models() -> list[ModelInfo]:
    root = hf_cache_dir()
    if not root.is_dir():
        return []
    from huggingface_hub import scan_cache_dir
    from huggingface_hub.errors import CacheNotFound

    try:
        cache = scan_cache_dir(root)
    except CacheNotFound:
        return []
    found = []
    for repo in cache.repos:
        if repo.repo_type != "model":
            continue
        for rev in repo.revisions:
            try:
                info = inspect_folder(Path(rev.snapshot_path), origin="hf-cache", model_id=repo.repo_id)
            except InputError:
                continue
            info.revision, info.size_bytes = rev.commit_hash, rev.size_on_disk
            found.append(info)
    return found


def _remove_from_hf_cache(model_id: str, revision: str | None) -> list[ModelInfo]:
    targets = [m for m in _hf_cache_models() if m.id == model_id and revision in (None, m.revision)]
    if targets:
        from huggingface_hub import scan_cache_dir

        scan_cache_dir(hf_cache_dir()).delete_revisions(*[m.revision for m in targets]).execute()
    return targets


def _unreachable_hint(model_id: str) -> str:
    """What to do when the hub cannot be reached (not "run `models pull`", which just failed)."""
    return (f"Check the network (or HF_ENDPOINT) and try again, or bring a copy by hand: "
            f"`translator models add PATH --id {model_id}`.")


def pull_model(model_id: str | None = None, revision: str | None = None) -> ModelInfo:
    """Download a MarianMT model from the Hugging Face Hub into the Hugging Face cache (needs network).

    Raises :class:`ModelNotFoundError` when offline, unreachable, or the model has no PyTorch weights.
    """
    model_id = model_id or default_model()
    if config.offline():
        raise ModelNotFoundError(model_id, ["Hugging Face Hub (not contacted: offline mode, HF_HUB_OFFLINE is set)"],
                                 hint="Unset HF_HUB_OFFLINE to download, or bring a copy by hand: "
                                      f"`translator models add PATH --id {model_id}`.")
    from huggingface_hub import HfApi, snapshot_download
    from huggingface_hub.errors import HfHubHTTPError, RepositoryNotFoundError, RevisionNotFoundError

    endpoint = os.environ.get("HF_ENDPOINT") or None  # read now: huggingface_hub reads it once, at import
    try:
        api = HfApi(endpoint=endpoint)
        files = {s.rfilename for s in api.model_info(model_id, revision=revision, timeout=10).siblings or []}
        weights = next((w for w in _WEIGHTS if w in files), None)
        if weights is None:
            raise ModelNotFoundError(model_id, [f"Hugging Face Hub {model_id} (no PyTorch weights)"],
                                     hint="Choose a MarianMT model with model.safetensors or pytorch_model.bin.")
        path = snapshot_download(model_id, revision=revision, cache_dir=hf_cache_dir(), endpoint=endpoint,
                                 etag_timeout=10, allow_patterns=[*_MARIAN_FILES, weights])
    except (RepositoryNotFoundError, RevisionNotFoundError) as error:
        raise ModelNotFoundError(model_id, [f"Hugging Face Hub ({type(error).__name__})"],
                                 hint="Check the model id (e.g. Helsinki-NLP/opus-mt-ar-en) and revision.") from error
    except (HfHubHTTPError, OSError) as error:
        raise ModelNotFoundError(model_id, [f"Hugging Face Hub (unreachable: {_short(error)})"],
                                 hint=_unreachable_hint(model_id)) from error
    except Exception as error:
        # httpx/requests connection errors differ across huggingface_hub versions: all mean "no network"
        if type(error).__name__ in {"ConnectError", "ConnectTimeout", "ReadTimeout", "ConnectionError"}:
            raise ModelNotFoundError(model_id, [f"Hugging Face Hub (unreachable: {_short(error)})"],
                                     hint=_unreachable_hint(model_id)) from error
        raise
    info = inspect_folder(Path(path), origin="hf-cache", model_id=model_id)
    info.revision = Path(path).name
    return info


def _short(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:160]

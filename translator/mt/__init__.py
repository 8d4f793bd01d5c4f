"""Machine translation: engines (MarianMT, CTranslate2), models, translation memory, MT cache and the Translator.

    engine = load_engine()                      # default model, CTranslate2 when a converted copy exists
    Translator(engine, TranslationMemory()).translate(["..."])
"""

from __future__ import annotations

from pathlib import Path

from translator.errors import EngineError, InputError, ModelNotFoundError
from translator.mt.build import TranslatorOptions, build_translator
from translator.mt.cache import CacheEntry, MTCache, cache_key
from translator.mt.engine import Engine, GenerationOptions, Hypothesis
from translator.mt.guard import GuardConfig
from translator.mt.memory import HumanTranslation, MemoryEntry, TranslationMemory, memory_key
from translator.mt.models import (
    ModelInfo,
    add_model,
    convert_model,
    default_model,
    list_models,
    pull_model,
    remove_model,
    resolve_model,
    set_default_model,
)
from translator.mt.normalize import normalize_for_mt
from translator.mt.translate import Enforcer, Translation, Translator, untranslated

ENGINES = ("auto", "ctranslate2", "transformers")
_ALIASES = {"ct2": "ctranslate2", "hf": "transformers", "marian": "transformers"}

__all__ = [
    "ENGINES",
    "CacheEntry",
    "Enforcer",
    "Engine",
    "GenerationOptions",
    "GuardConfig",
    "HumanTranslation",
    "Hypothesis",
    "MTCache",
    "MemoryEntry",
    "ModelInfo",
    "Translation",
    "TranslationMemory",
    "Translator",
    "TranslatorOptions",
    "add_model",
    "build_translator",
    "cache_key",
    "convert_model",
    "default_model",
    "list_models",
    "load_engine",
    "memory_key",
    "normalize_for_mt",
    "pull_model",
    "remove_model",
    "resolve_device",
    "resolve_engine_model",
    "resolve_model",
    "set_default_model",
    "untranslated",
]


def resolve_device(device: str = "cpu") -> str:
    """"cpu", or "cuda" when asked for ("cuda"/"gpu") or allowed ("auto") and a GPU is there.

    Raises :class:`InputError` for an unknown device, :class:`EngineError` for ``cuda`` without a visible GPU.
    """
    device = device.lower()
    if device == "cpu":
        return "cpu"
    if device not in {"auto", "cuda", "gpu"}:
        raise InputError(f"Unknown device {device!r}; use cpu, cuda or auto.")
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        return "cuda"
    if device == "auto":
        return "cpu"
    raise EngineError("No CUDA GPU is visible to CTranslate2/PyTorch; use --device cpu (the default).")


def resolve_engine_model(model: str | Path | None = None, engine: str = "auto") -> ModelInfo:
    """The model ``load_engine(model, engine)`` would load, found without loading it.

    "auto" prefers a converted CTranslate2 copy and falls back to the MarianMT folder.
    Raises :class:`ModelNotFoundError` or, for an unknown engine name, :class:`InputError`.
    """
    choice = _ALIASES.get(engine.lower(), engine.lower())
    if choice not in ENGINES:
        raise InputError(f"Unknown engine {engine!r}; use one of {ENGINES}.")
    if choice == "auto":
        try:
            return resolve_model(model, kind="ct2")
        except ModelNotFoundError:
            return resolve_model(model, kind="marian")
    return resolve_model(model, kind="ct2" if choice == "ctranslate2" else "marian")


def load_engine(model: str | Path | None = None, engine: str = "auto", device: str = "cpu",
                threads: int | None = None, *, inter_threads: int | None = None, use_vmap: bool = False) -> Engine:
    """Load a translation engine for ``model`` (default: :func:`default_model`, as set by
    ``translator models default ID``, else ``Helsinki-NLP/opus-mt-ar-en``).

    ``engine``: "ctranslate2", "transformers", or "auto" (CTranslate2 when a converted copy of the model is
    present, else transformers). ``device``: "cpu" (default), "cuda" or "auto"; ``threads``: CPU threads.
    CTranslate2 only: ``inter_threads`` batches decode in parallel (``threads`` split between them);
    ``use_vmap`` restricts decoding to the model folder's vocabulary shortlist (see :mod:`translator.mt.vmap`).
    Raises :class:`ModelNotFoundError` (its message says where we looked and how to get the model).
    """
    info = resolve_engine_model(model, engine)
    device = resolve_device(device)
    if info.kind == "ct2":
        from translator.mt.ct2 import CT2Engine

        return CT2Engine(info, device=device, threads=threads, inter_threads=inter_threads, use_vmap=use_vmap)
    if use_vmap or (inter_threads or 1) > 1:
        raise InputError("--vmap and --inter-threads need the ctranslate2 engine (a converted model).")
    from translator.mt.marian import MarianEngine

    return MarianEngine(info, device=device, threads=threads)

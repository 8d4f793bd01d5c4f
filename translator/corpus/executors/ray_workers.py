"""The work a Ray job does on its workers: plain functions and one callable class, no Ray import.

    rows {rel, path}  → analyze_rows (task)  → {rel, sha256, analyses, error}
                      → TranslateRows (actor: the model loaded once) or fill_untranslated (task)
                      → the driver saves each file into the run state

Every step runs the stages the local executor runs (`stages.analyze_file`, `stages.translate_documents`, and
`pipeline.load_translator`), so a document gets the same rows whichever executor ran it. Values crossing
stages are strings (JSON for the analyses and the error record, "" for none) so Ray's Arrow blocks keep one
schema whatever a batch holds.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ...errors import EngineError, InputError
from ..analyze import Analysis
from ..readers import SourceFile
from ..rows import ErrorRow
from ..run import load_translator
from ..stages import (
    analyze_file,
    check_documents,
    qa_glossary,
    read_error,
    read_source,
    regroup,
    translate_documents,
)

__all__ = [
    "COLUMNS",
    "Batch",
    "TranslateRows",
    "analyze_rows",
    "decode_analyses",
    "decode_row",
    "encode_analyses",
    "fill_untranslated",
]

Batch = Mapping[str, Sequence[Any]]
COLUMNS = ("rel", "sha256", "analyses", "error", "translation_error")


def analyze_rows(batch: Batch, *, glossary: Any = None, detector: str = "default",
                 max_file_mb: float | None = None, max_seconds: float = 0.0) -> dict[str, list[str]]:
    """Read, segment, detect languages, match glossary terms and parse citations for each file of ``batch``.

    A file that cannot be read or analyzed comes back with its error record (JSON) instead of analyses; so
    does one over ``max_file_mb`` (the driver refused it already when it planned the job; a file that grew
    since is refused here, by the same stage, :func:`stages.read_source`).
    """
    out: dict[str, list[str]] = {name: [] for name in COLUMNS}
    for rel, path in zip(batch["rel"], batch["path"], strict=True):
        rel, path = str(rel), str(path)
        sha, analyses, error = "", "", ""
        source = SourceFile(Path(path), rel)
        try:
            data = read_source(source, max_file_mb=max_file_mb)
        except (InputError, OSError) as exc:
            error = json.dumps(read_error(source, exc).as_dict(), ensure_ascii=False)
        else:
            sha = hashlib.sha256(data).hexdigest()
            result = analyze_file((source, data), glossary=glossary, detector=detector, max_seconds=max_seconds)
            if isinstance(result, ErrorRow):
                error = json.dumps(result.as_dict(), ensure_ascii=False)
            else:
                analyses = encode_analyses(result)
        for name, value in zip(COLUMNS, (rel, sha, analyses, error, ""), strict=True):
            out[name].append(value)
    return out


def fill_untranslated(batch: Batch, *, reason: str | None, memory_path: str | None = None,
                      use_memory: bool = False) -> dict[str, list[str]]:
    """The translation columns when no model runs: "no_model" with ``reason``, or "disabled" without one;
    with ``use_memory``, the translation memory's human translations shown as the local runner shows them."""
    if not use_memory:
        return _translate_batch(batch, None, reason)
    from ...mt.memory import TranslationMemory

    with TranslationMemory(memory_path) as memory:
        return _translate_batch(batch, None, reason, memory=memory)


class TranslateRows:
    """A Ray actor's work: load the translator once, then translate every batch of analyses it is handed.

    ``expected_model`` is the (id, revision, kind) the driver resolved and keyed the run state with; a worker
    that finds another model (a cluster node with a different copy) stops the job rather than mix models.
    Ray Data calls the actor from a thread other than the one that built it, and a SQLite connection serves
    only its own thread, so the translation memory is opened per calling thread (the model is not reloaded).
    """

    def __init__(self, options: Any, glossary: Any = None, expected_model: Sequence[str | None] | None = None,
                 use_gpu: bool = False) -> None:
        self.memory_path = options.memory_path if options.use_memory else None
        self.use_memory = options.use_memory
        options = dataclasses.replace(options, use_memory=False, device="cuda" if use_gpu else options.device)
        translator, reason = load_translator(options, glossary)
        if translator is None:
            raise EngineError(f"a Ray worker could not load the translation model: {reason}")
        model = translator.engine.model
        found = [model.id, model.revision, model.kind]
        if expected_model is not None and found != list(expected_model):
            raise EngineError(f"a Ray worker resolved model {found}, the driver {list(expected_model)}; install "
                              "the same model on every node (`translator models pull` or `models add`).")
        self.translator = translator
        self._local = threading.local()

    def __call__(self, batch: Batch) -> dict[str, list[str]]:
        return _translate_batch(batch, self._thread_translator(), None)

    def _thread_translator(self) -> Any:
        translator = getattr(self._local, "translator", None)
        if translator is None:
            translator = copy.copy(self.translator)
            if self.use_memory:
                from ...mt.memory import TranslationMemory

                translator.memory = TranslationMemory(self.memory_path) if self.memory_path else TranslationMemory()
            self._local.translator = translator
        return translator


def _translate_batch(batch: Batch, translator: Any, reason: str | None, memory: Any = None) -> dict[str, list[str]]:
    """Translate the analyses of a whole batch at once (as the local engine does per chunk)."""
    out: dict[str, list[str]] = {name: [str(v) for v in batch[name]] for name in COLUMNS}
    decoded = [decode_analyses(text) if text else [] for text in out["analyses"]]
    translated, message = translate_documents([a for doc in decoded for a in doc], translator, reason,
                                              memory=memory)
    decoded = regroup(decoded, check_documents(translated, qa_glossary(None, translator)))
    out["analyses"] = [encode_analyses(doc) if text else "" for doc, text in zip(decoded, out["analyses"],
                                                                                 strict=True)]
    out["translation_error"] = [message or "" for _ in out["rel"]]
    return out


def encode_analyses(analyses: list[Analysis]) -> str:
    return json.dumps([a.to_dict() for a in analyses], ensure_ascii=False)


def decode_analyses(text: str) -> list[Analysis]:
    return [Analysis.from_dict(d) for d in json.loads(text)]


def decode_row(row: Mapping[str, Any]) -> tuple[list[dict] | None, ErrorRow | None]:
    """(payloads for the run state, None) for a finished file, or (None, its errors row) for a failed one."""
    if row["error"]:
        return None, ErrorRow.from_dict(json.loads(row["error"]))
    return json.loads(row["analyses"]), None

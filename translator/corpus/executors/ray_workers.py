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

import base64
import copy
import dataclasses
import hashlib
import json
import os
import pickle
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ...errors import EngineError, InputError
from .. import long_text
from ..analyze import Analysis
from ..readers import SourceFile
from ..rows import ErrorRow
from ..run import load_translator
from ..stages import (
    analyze_file,
    check_documents,
    file_error,
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
COLUMNS = ("rel", "sha256", "analyses", "error", "translation_error", "part", "keys")


def analyze_rows(batch: Batch, *, glossary: Any = None, detector: str = "default",
                 max_file_mb: float | None = None, max_seconds: float = 0.0,
                 long_file: Mapping[str, float] | None = None) -> Iterator[dict[str, list[str]]]:
    """Read, segment, detect languages, match glossary terms and parse citations for each file of ``batch``:
    yields batches of output rows (a Ray Data generator stage), one row per file.

    A file that cannot be read or analyzed comes back with its error record (JSON) instead of analyses; so
    does one over ``max_file_mb`` (the driver refused it already when it planned the job; a file that grew
    since is refused here, by the same stage, :func:`stages.read_source`). A file over
    ``long_text.LONG_FILE_BYTES`` is read and analysed part by part (:func:`long_text.long_file_groups`, as
    the local executor does): one row per group of parts, each a batch of its own, ``part`` "1", "2", … and
    "N last" on the last, ``keys`` the run-state keys of its analyses; an error part-way is a last row with
    the error (the driver then drops the parts it saved). ``batch["sha256"]``: the digests the driver planned
    with (optional). ``long_file``: the driver's thresholds, ``{"bytes", "part_chars", "group_segments",
    "max_record_mb"}`` (default: ``long_text``'s), so every node cuts a file as the driver would.
    """
    long_file = dict(long_file or {})
    long_bytes = long_file.pop("bytes", long_text.LONG_FILE_BYTES)
    out: dict[str, list[str]] = {name: [] for name in COLUMNS}
    planned = batch.get("sha256") if hasattr(batch, "get") else None
    for index, (rel, path) in enumerate(zip(batch["rel"], batch["path"], strict=True)):
        rel, path = str(rel), str(path)
        sha, analyses, error = "", "", ""
        source = SourceFile(Path(path), rel)
        try:
            long = os.path.getsize(path) > long_bytes
        except OSError:
            long = False  # read_source below says what is wrong with it
        if long and not source.problem:
            if out["rel"]:
                yield out
                out = {name: [] for name in COLUMNS}
            yield from _long_file_rows(source, str(planned[index]) if planned is not None else None,
                                       glossary=glossary, detector=detector, max_file_mb=max_file_mb,
                                       max_seconds=max_seconds, **long_file)
            continue
        try:
            data = read_source(source, max_file_mb=max_file_mb)
        except (InputError, OSError) as exc:
            error = json.dumps(read_error(source, exc).as_dict(), ensure_ascii=False)
        else:
            sha = hashlib.sha256(data).hexdigest()
            result = analyze_file((source, data), glossary=glossary, detector=detector, max_seconds=max_seconds,
                                  max_record_mb=long_file.get("max_record_mb"))
            if isinstance(result, ErrorRow):
                error = json.dumps(result.as_dict(), ensure_ascii=False)
            else:
                analyses = encode_analyses(result)
        _append(out, rel, sha, analyses, error)
    if out["rel"]:
        yield out


def _append(out: dict[str, list[str]], rel: str, sha: str, analyses: str, error: str, part: str = "",
            keys: str = "") -> None:
    for name, value in zip(COLUMNS, (rel, sha, analyses, error, "", part, keys), strict=True):
        out[name].append(value)


def _long_file_rows(source: SourceFile, sha: str | None, **settings: Any) -> Iterator[dict[str, list[str]]]:
    """The rows of a large file, one batch per group of parts (see :func:`analyze_rows`)."""
    stage = ["read"]
    number = 0
    try:
        sha = sha or long_text.file_sha256(source, settings["max_file_mb"])
        groups = long_text.long_file_groups(source, sha, stage=stage, **settings)
        group = next(groups, None)
        if group is None:
            raise InputError(f"{source.rel}: no text found")
        while group is not None:
            following = next(groups, None)
            number += 1
            out: dict[str, list[str]] = {name: [] for name in COLUMNS}
            _append(out, source.rel, sha, encode_analyses([a for _, a in group]), "",
                    f"{number}{' last' if following is None else ''}", json.dumps([k for k, _ in group]))
            yield out
            group = following
    except Exception as exc:  # as stages.analyze_file: any failure of one file is that file's errors row
        row = file_error(source, stage[0], exc) if not isinstance(exc, OSError) else read_error(source, exc)
        out = {name: [] for name in COLUMNS}
        _append(out, source.rel, sha or "", "", json.dumps(row.as_dict(), ensure_ascii=False),
                f"{number + 1} last")
        yield out


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
    """The analyses as the JSON string a Ray block carries; the glossary matches an analysis found
    (``term_matches``, for translation QA to reuse: issue 17) ride along pickled, under their own key."""
    return json.dumps([_with_matches(a) for a in analyses], ensure_ascii=False)


def _with_matches(analysis: Analysis) -> dict:
    data = analysis.to_dict()
    if analysis.term_matches is not None:  # made by this job's own workers, read back by the same job
        data[_MATCHES_KEY] = base64.b64encode(pickle.dumps(analysis.term_matches)).decode("ascii")
    return data


_MATCHES_KEY = "term_matches"


def decode_analyses(text: str) -> list[Analysis]:
    out = []
    for data in json.loads(text):
        analysis = Analysis.from_dict(data)
        if data.get(_MATCHES_KEY):
            analysis.term_matches = pickle.loads(base64.b64decode(data[_MATCHES_KEY]))  # written by this job
        out.append(analysis)
    return out


def decode_row(row: Mapping[str, Any]) -> tuple[list[dict] | None, ErrorRow | None]:
    """(payloads for the run state, None) for a finished file, or (None, its errors row) for a failed one."""
    if row["error"]:
        return None, ErrorRow.from_dict(json.loads(row["error"]))
    payloads = json.loads(row["analyses"])
    for data in payloads:
        data.pop(_MATCHES_KEY, None)  # QA's working data, not the run state's
    return payloads, None

"""The batch job: a corpus folder in, tidy tables and an HTML report out. This module is the orchestration.

    glossary → model → discover → executor: read → analyze → translate → QA → run state → tables
      → errors, report, Excel, manifest

:func:`run_batch` chooses the executor (``"local"``: this process and worker processes, `executors.local`;
``"ray"``: Ray Data, `executors.ray`) and :func:`run_skeleton` is the one run both go through. The stages
themselves are pure functions in :mod:`translator.corpus.stages`. Each finished file is committed to the run
state at once, so an interrupted run resumes where it stopped and one bad document never loses the others'
work; tables are rebuilt from the state at the end of every run, atomically.
"""

from __future__ import annotations

import importlib
import json
import logging
import math
import sys
import time
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

# wordfreq_index before tables (pandas): importing wordfreq walks the call stack and maps every loaded module
# to its file (``locate.this_dir``), ≈ 0.1 s more once pandas' ≈ 900 modules are loaded (issue 20, start-up)
from .. import __version__, wordfreq_index  # noqa: F401
from ..errors import EngineError, InputError, ModelNotFoundError
from . import tables
from .limits import no_space_as_error
from .readers import SourceFile, discover
from .rows import ErrorRow
from .stages import (  # analyze_file ... translate_analyses: re-exported, their old paths
    analyze_file,
    needs_translation,
    one_line,
    read_error,
    read_source,
    translate_analyses,
)
from .state import RunState
from .statuses import TRANSLATION_STATUSES, status_counts  # re-exported: their old path

PIPELINE_VERSION = "1"

logger = logging.getLogger("translator")

@dataclass
class BatchOptions:
    """How a batch run behaves; every field has a default a newcomer can live with."""

    model: str | None = None
    engine: str = "auto"
    device: str = "cpu"
    threads: int | None = None
    translate: bool = True
    glossary_paths: tuple[Path, ...] = ()
    use_glossary: bool = True
    memory_path: Path | None = None
    use_memory: bool = True
    detector: str = "default"
    workers: int = 1
    chunk_size: int = 32
    progress: bool = True
    report: bool = True
    excel: bool = False
    max_file_mb: float = 50.0  # a larger file is an errors row naming the limit (--max-file-mb)
    max_file_seconds: float = 120.0  # reading+analysing one file longer is an errors row (--max-file-seconds)
    max_record_mb: float = 10.0  # a longer JSON-lines record is skipped with a warning (--max-record-mb)

@dataclass
class RunSummary:
    out_dir: str
    generation: str = ""  # this run's id: the report shows it, manifest.json (written last) records it
    files: int = 0
    documents: int = 0
    processed_files: int = 0
    unchanged_files: int = 0
    failed_files: int = 0
    removed_files: int = 0
    skipped_records: int = 0  # records left out of files that were read (errors rows of scope record)
    segments: int = 0
    arabic_segments: int = 0
    translated_segments: int = 0
    retried_segments: int = 0  # translated segments the guard sent for a retry (retry rate = this / translated)
    # segments per translation_status other than not_arabic ({"translated": 24, "suspicious": 19, "human": 3}):
    # "translated" above counts every segment with a machine translation, flagged or replaced by a reviewer's too
    statuses: dict = field(default_factory=dict)
    citations: int = 0
    translation: str = "not attempted"
    model: dict | None = None
    glossary_version: str | None = None
    gazetteer_version: str | None = None  # the generated gazetteer file's hash (issue 16)
    seconds: float = 0.0
    timings: dict = field(default_factory=dict)
    tables: dict = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed_files == 0

    @property
    def translation_state(self) -> str:
        """One line for people: "on (model id, kind)", "off", or "skipped: <first sentence of the reason>".

        ``translation`` keeps the whole reason (where the model was looked for, how to get it), which the run
        logged once as a warning; this line does not repeat it (issue 11).
        """
        if self.translation == "on" and self.model:
            return f"on ({self.model.get('id')}, {self.model.get('kind')})"
        if self.translation in ("on", "off", "not attempted"):
            return self.translation
        return f"skipped: {short_reason(self.translation)}"

    def to_dict(self) -> dict:
        return asdict(self)

def run_batch(input_dir: Path | str, out_dir: Path | str, options: BatchOptions | None = None, *,
              executor: str = "local", address: str | None = None, actors: int = 1,
              **overrides: object) -> RunSummary:
    """Run the whole pipeline over ``input_dir`` and write tables and a report into ``out_dir``.

    ``executor`` says where the work runs: ``"local"`` (this process, ``options.workers`` processes for the
    analysis) or ``"ray"`` (Ray Data: a local runtime, or the cluster at ``address``, with ``actors``
    translation actors). Both run the one skeleton :func:`run_skeleton`; only the executor differs.
    Keyword ``overrides`` set `BatchOptions` fields, e.g. ``run_batch("corpus", "out", model=path)``.

    Raises :class:`InputError` for an unknown batch option or executor, Ray-only arguments with the local
    executor, or an input folder that does not exist; :class:`NoSpaceError` when the disk fills up.
    """
    options = options or BatchOptions()
    for key, value in overrides.items():
        if not hasattr(options, key):
            raise InputError(f"unknown batch option {key!r}")
        setattr(options, key, value)
    if executor not in EXECUTORS:
        raise InputError(f"unknown executor {executor!r}: use one of {', '.join(EXECUTORS)}")
    if executor == "local" and (address or actors != 1):
        raise InputError("address and actors only apply to the Ray executor (--runner ray)")
    module, name = EXECUTORS[executor].rsplit(".", 1)
    chosen = getattr(importlib.import_module(module), name)
    with no_space_as_error(out_dir):  # a full disk: one line, exit 4, earlier outputs intact
        return run_skeleton(input_dir, out_dir, options, chosen() if executor == "local" else chosen(address, actors))

#: executor name → "module.Class", imported on use (Ray is optional), as sacrebleu's tokenizer table
EXECUTORS = {"local": "translator.corpus.executors.local.LocalExecutor",
             "ray": "translator.corpus.executors.ray.RayExecutor"}

class Executor(Protocol):
    """Where a batch's work runs. The skeleton calls, in order: ``prepare`` (the model, found or loaded, and
    the reason when there is none), ``process`` (every pending file analyzed, translated and saved into the
    run state) and ``write_tables`` (the tables from the run state)."""

    def prepare(self, options: BatchOptions, glossary: object) -> tuple[object | None, str | None]: ...

    def process(self, sources: list[SourceFile], state: RunState, settings: str, summary: RunSummary,
                timings: dict[str, float]) -> None: ...

    def write_tables(self, state: RunState, out_dir: Path, summary: RunSummary) -> None: ...

def run_skeleton(input_dir: Path | str, out_dir: Path | str, options: BatchOptions,
                 executor: Executor) -> RunSummary:
    """The one batch run, local or Ray: glossary → model → discover → (executor) process → forget removed
    files → (executor) tables → errors, report, Excel, manifest. Raises :class:`InputError` for a missing
    input folder; an executor's :class:`EngineError` when its runtime fails (finished files are kept)."""
    started = time.perf_counter()
    input_dir, out_dir = Path(input_dir), Path(out_dir)
    summary = RunSummary(out_dir=str(out_dir), generation=new_generation())
    timings: dict[str, float] = {}
    glossary = load_glossary(options)
    summary.glossary_version = glossary.version if glossary is not None else None
    summary.gazetteer_version = glossary.gazetteer_version if glossary is not None else None
    model, reason = executor.prepare(options, glossary)
    summary.translation = "on" if model is not None else reason or "off"
    summary.model = model.to_dict() if model is not None else None
    settings = settings_key(options, model, glossary)
    sources = discover(input_dir, exclude=[out_dir])
    summary.files = len(sources)
    state = RunState(out_dir)
    try:
        executor.process(sources, state, settings, summary, timings)
        summary.removed_files = state.forget_missing({s.rel for s in sources})
        t0 = time.perf_counter()
        executor.write_tables(state, out_dir, summary)
        timings["write_tables"] = time.perf_counter() - t0
    finally:
        state.close()
        close = getattr(executor, "close", None)  # the run's translation memory and MT cache (issue 20)
        if close is not None:
            close()
    late = getattr(executor, "late_reason", None)
    if late and late != reason:  # the model was found but failed to load
        summary.translation = late
    timings.update(getattr(executor, "timings", {}))
    finish_run(input_dir, out_dir, options, summary, timings, started)
    return summary

def resolve_translation_model(options: BatchOptions) -> tuple[object | None, str | None]:
    """The `ModelInfo` a run would translate with, found without loading it, or (None, why not).

    (None, None) when translation is switched off. Mirrors `mt.load_engine`'s choice of model and engine.
    """
    if not options.translate:
        return None, None
    from ..mt import resolve_engine_model

    try:
        return resolve_engine_model(options.model, options.engine), None
    except (ModelNotFoundError, EngineError) as exc:
        logger.info("no translation model: %s", exc)
        return None, str(exc)

def finish_run(input_dir: Path, out_dir: Path, options: BatchOptions, summary: RunSummary,
               timings: dict[str, float], started: float) -> None:
    """The end of every run, local or Ray: errors into the summary, report, Excel, manifest."""
    summary.errors = tables.table_records(out_dir, "errors")
    # a record left out of a file that was read (scope record) is no failed file: counted apart
    summary.failed_files = len({e["path"] for e in summary.errors if e.get("scope") != "record"})
    summary.skipped_records = sum(e.get("scope") == "record" for e in summary.errors)
    if options.report:
        from .report import report_memory_path, write_report

        t0 = time.perf_counter()
        summary.tables["report"] = str(write_report(out_dir, generation=summary.generation, memory_path=(
            report_memory_path(options.use_memory, options.memory_path))))
        timings["report"] = time.perf_counter() - t0
    if options.excel:
        from .export import write_excel

        summary.tables["excel"] = str(write_excel(out_dir))
    summary.timings = {k: round(v, 3) for k, v in timings.items()}
    summary.seconds = round(time.perf_counter() - started, 3)
    write_manifest(input_dir, out_dir, options, summary)

def pending_files(sources: Iterable[SourceFile], state: RunState, settings: str,
                  summary: RunSummary, *, max_file_mb: float | None,
                  read_up_to: int | None = None) -> Iterator[tuple[SourceFile, str, bytes | None]]:
    """The files not yet done with these bytes and settings, as (file, sha256, bytes).

    Unreadable files, links and files over ``max_file_mb`` (``options.max_file_mb``: every executor passes
    it, there is no default to forget) are recorded in the run state's errors (:func:`stages.read_source`);
    unchanged ones are counted in ``summary``; files that failed before with the same bytes are skipped
    and not counted here (``failed_files`` counts them), so processed + unchanged + failed = files. A file
    over ``read_up_to`` bytes is hashed as it is read and comes with bytes None (the caller reads it part by
    part: :mod:`translator.corpus.long_text`).
    """
    for source in sources:
        try:
            if read_up_to is not None and not source.problem and source.path.stat().st_size > read_up_to:
                from .long_text import file_sha256

                data, sha = None, file_sha256(source, max_file_mb)
            else:
                data = read_source(source, max_file_mb=max_file_mb)
                sha = sha256_hex(data)
        except (InputError, OSError) as exc:
            save_error(state, None, read_error(source, exc))
            continue
        if state.file_errored(source.rel, sha):
            continue  # failed before with these bytes: counted once, as failed (its errors row stays)
        if state.is_done(source.rel, sha, settings):
            summary.unchanged_files += 1
            continue
        yield source, sha, data

def save_error(state: RunState, sha256: str | None, row: ErrorRow) -> None:
    """Record a file's errors row in the run state (``sha256``: the bytes it failed on, None when unread)."""
    state.save_error(row.path, sha256, row.stage, row.error, row.message, row.doc_id, limit=row.limit,
                     option=row.option)


_GLOSSARIES: dict[tuple, object] = {}  # the last glossary loaded in this process, under its inputs' key


def load_glossary(options: BatchOptions):
    """The batch's glossary (None without ``use_glossary``); its problems are logged as warnings.

    A process that runs several batches (a notebook, a benchmark) reuses the glossary of the previous batch
    when nothing it is read from has changed: the same glossary folders and files, each with the same size and
    modification time (issue 20: loading and indexing it took ≈ 0.6 s per batch). The glossary is never
    changed after loading, so the reused one is the one a fresh load would give.
    """
    if not options.use_glossary:
        return None
    from ..diskcache import paused_gc, thaw_gc
    from ..glossary import Glossary

    key = _glossary_key(options.glossary_paths)
    glossary = _GLOSSARIES.get(key) if key is not None else None
    if glossary is None:
        if _GLOSSARIES:  # another glossary is replaced: the frozen one is freed, its cycles too
            _GLOSSARIES.clear()
            thaw_gc()
        with paused_gc(freeze=True):  # (issue 20: start-up; the glossary is kept: frozen)
            glossary = Glossary.load(list(options.glossary_paths))
        if key is not None:
            _GLOSSARIES[key] = glossary
    for problem in glossary.problems:
        logger.warning("glossary: %s", problem)
    return glossary


def _glossary_key(extra: Iterable[str | Path]) -> tuple | None:
    """Every input of ``Glossary.load`` as (path, size, mtime): the shipped glossary folders' files and the
    user's files; None when one cannot be read (then the glossary is loaded afresh and its error raised)."""
    from ..config import glossary_dirs

    folders = glossary_dirs()
    try:
        files = [p for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()]
        files += [Path(p).resolve() for p in extra]
        return (tuple(map(str, folders)), tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files))
    except OSError:
        return None

def load_translator(options: BatchOptions, glossary) -> tuple[object | None, str | None]:
    """The translator (the engine loaded now), or None and the reason: the whole error message.

    The caller reports the reason (`LazyTranslator` logs it once per run); nothing is printed here.
    """
    if not options.translate:
        return None, None
    from dataclasses import replace

    from ..mt import TranslatorOptions, build_translator

    # the batch has loaded (and reported) its glossary already: the enforcer uses that one
    settings = replace(TranslatorOptions.from_object(options), use_glossary=glossary is not None)
    try:
        return build_translator(settings, glossary=glossary), None
    except (ModelNotFoundError, EngineError) as exc:
        return None, str(exc)

def settings_key(options: BatchOptions, model, glossary) -> str:
    """What shapes a document's rows besides its bytes: a file is redone when this changes.

    ``model`` is the `ModelInfo` translations come from (None when not translating).
    """
    return json.dumps({
        "pipeline": PIPELINE_VERSION,
        "translate": options.translate,
        "model": [model.id, model.revision, model.kind] if model else None,
        "glossary": glossary.version if glossary is not None else None,
        "detector": options.detector,
        "reviewed": _reviewed_version(options) if options.translate else None,
    }, sort_keys=True)

def _reviewed_version(options: BatchOptions) -> str | None:
    """Changes when reviewed human translations arrive (issue 18), so the documents are redone."""
    if not options.use_memory:
        return None
    from ..mt.memory import TranslationMemory

    with TranslationMemory(options.memory_path) as memory:
        return memory.reviewed_version()

def count_payloads(batch: list[dict], summary: RunSummary) -> None:
    """Add finished documents' rows to the summary's counts."""
    for p in batch:
        segs = p["segments"]
        summary.documents += p.get("document", True) is not None  # a long text's earlier parts hold None
        summary.segments += len(segs)
        summary.arabic_segments += sum(s["lang"] == "ar" for s in segs)
        summary.translated_segments += sum(bool(s.get("translation")) for s in segs)
        summary.retried_segments += sum("retried" in (s.get("translation_flags") or "").split("; ") for s in segs)
        for s in segs:
            status = s.get("translation_status")
            if status and status != "not_arabic":
                summary.statuses[status] = summary.statuses.get(status, 0) + 1
        summary.citations += len(p["citations"])

def new_generation() -> str:
    """A run's id, ``20261130T124803Z-3f9a1c``: when it started, and six random hex digits."""
    import secrets

    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"

def write_manifest(input_dir: Path, out_dir: Path, options: BatchOptions, summary: RunSummary) -> None:
    """Write ``manifest.json``, the last file of a run: a complete generation's marker (issue #13). When its
    ``generation`` differs from the one the report shows, the run was cut short after writing the tables:
    run it again (nothing is redone) to finish."""
    manifest = {
        "tool": "translator", "version": __version__, "generation": summary.generation,
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "input": str(input_dir.resolve()), "output": str(out_dir.resolve()),
        "options": {k: (str(v.resolve()) if isinstance(v, Path) else v) for k, v in asdict(options).items()
                    if k != "glossary_paths"} | {"glossary_paths": [str(Path(p).resolve())
                                                                     for p in options.glossary_paths]},
        "versions": _versions(),
        "summary": summary.to_dict(),
        "table_descriptions": tables.DESCRIPTIONS,
        "translation_statuses": TRANSLATION_STATUSES,
    }
    tables.atomic_write_text(out_dir / "manifest.json", json.dumps(_json_safe(manifest), ensure_ascii=False, indent=2,
                                                                   default=str, allow_nan=False))


def _json_safe(value: object) -> object:
    """``value`` with every float NaN or infinity (pandas' missing cells in the errors rows) as None, so the manifest
    is strict JSON that every reader accepts (``NaN`` is not JSON: JavaScript's ``JSON.parse`` rejects it)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    return value

def _versions() -> dict[str, str]:
    from ..diskcache import package_version  # read once per process (a notebook runs many batches)

    found = {}
    for name in ("transformers", "ctranslate2", "torch", "sentencepiece", "pandas", "pyarrow", "dateparser"):
        known = package_version(name)
        found[name] = "not installed" if known == "unknown" else known
    found["python"] = sys.version.split()[0]
    return found

def sha256_hex(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()

def short_reason(message: str) -> str:
    """The first sentence of a reason, for a one-line status (``Translation model 'X' not found.``)."""
    first = message.strip().splitlines()[0] if message.strip() else message
    return first.removesuffix(" Looked in:").strip()


#: names that moved to an executor module: still importable from here, with a DeprecationWarning
_MOVED_NAMES = {"LazyTranslator": "translator.corpus.executors.local",
                "LocalExecutor": "translator.corpus.executors.local"}


def __getattr__(name: str) -> Any:
    if name in _MOVED_NAMES:
        warnings.warn(f"translator.corpus.run.{name} moved to {_MOVED_NAMES[name]}; import it from there.",
                      DeprecationWarning, stacklevel=2)
        return getattr(importlib.import_module(_MOVED_NAMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["EXECUTORS", "TRANSLATION_STATUSES", "BatchOptions", "Executor", "RunSummary", "analyze_file",
           "count_payloads", "load_glossary", "load_translator", "needs_translation", "one_line",
           "pending_files", "resolve_translation_model", "run_batch", "run_skeleton", "save_error", "settings_key",
           "short_reason", "status_counts", "translate_analyses"]

"""The local executor: this process, and ``options.workers`` processes for reading and analysis.

Files are processed in chunks and each finished file is committed to the run state at once, so memory stays
flat on large folders, an interrupted run resumes where it stopped, and one bad document never loses the
others' work. The model is found up front and loaded the first time a chunk has Arabic to translate.
"""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from functools import partial
from pathlib import Path

from .. import long_text, tables
from ..analyze import Analysis
from ..long_text import process_long_file
from ..readers import SourceFile
from ..rows import ErrorRow
from ..run import (
    BatchOptions,
    RunSummary,
    count_payloads,
    load_translator,
    pending_files,
    resolve_translation_model,
    save_error,
    settings_key,
)
from ..stages import (
    analyze_file,
    check_documents,
    needs_translation,
    qa_glossary,
    regroup,
    translate_documents,
)
from ..state import RunState

__all__ = ["LazyTranslator", "LocalExecutor"]

logger = logging.getLogger("translator")


class LazyTranslator:
    """The run's translator, loaded the first time a chunk has something to translate (issue 11).

    A re-run where nothing changed, or whose new documents hold no Arabic, never loads the model. ``reason``
    says why there is no translator (no model found, or it failed to load): the warning with the whole
    message is logged once per run, the first time rows are left untranslated because of it.
    """

    def __init__(self, options: BatchOptions, glossary, model, reason: str | None) -> None:
        self.options, self.glossary, self.model = options, glossary, model
        self.reason = reason
        self.loads = 0
        self.timings: dict[str, float] = {}
        self.settings_without_model: str | None = None  # what rows left untranslated are saved under
        self._translator = None
        self._warned = False
        self._memory = None

    def memory(self):  # type: ignore[no-untyped-def]
        """The run's translation memory (opened once, here, when there is no translator), or None when the
        run uses none."""
        if self._memory is None and self.options.use_memory:
            from ...mt.memory import TranslationMemory

            self._memory = TranslationMemory(self.options.memory_path)
        return self._memory

    def close(self) -> None:
        """Close the run's translation memory and MT cache (SQLite moves their write-ahead logs into the files
        and removes them: a copied ``translation-memory.sqlite`` holds everything; the command exits without
        the interpreter's teardown, which used to close them). A later call opens them, and the engine, again."""
        translator, memory = self._translator, self._memory
        self._translator = self._memory = None
        for store in (memory, getattr(translator, "memory", None), getattr(translator, "cache", None)):
            if store is not None:
                store.close()

    def get(self):  # type: ignore[no-untyped-def]
        """The translator (loading the engine now if needed), or None when there is none (see ``reason``)."""
        if self._translator is None and self.model is not None and self.reason is None:
            logger.info("loading the translation engine for %s (%s)", self.model.id, self.model.kind)
            t0 = time.perf_counter()
            self._translator, self.reason = load_translator(self.options, self.glossary)
            self.timings["load_model"] = time.perf_counter() - t0
            self.loads += 1
        if self._translator is None and self.reason and not self._warned:
            self._warned = True
            logger.warning("translation skipped; the other columns are complete.\n%s", self.reason)
        return self._translator

    def translate(self, analyses: list[Analysis], settings: str, *,
                  progress: bool = False) -> tuple[list[Analysis], str, str | None]:
        """The translate and QA stages over ``analyses`` with the run's translator (loaded now if they have
        Arabic to translate): (new analyses, the settings to save them under, the engine's error or None).

        The settings are ``settings``, or those of a run without a model when the model failed to load (so
        these files are redone once it loads). The one translate step of the local executor, for a chunk of
        small files and for a group of parts of a long one alike."""
        options = self.options
        wanted = options.translate and needs_translation(analyses)
        translator = self.get() if wanted else None
        if wanted and translator is None and self.settings_without_model is not None:
            settings = self.settings_without_model  # the model failed to load: redo these files once it loads
        translated, message = translate_documents(
            analyses, translator, self.reason if options.translate else None, progress=progress,
            memory=self.memory() if wanted and translator is None else None)
        return check_documents(translated, qa_glossary(self.glossary, translator)), settings, message

class LocalExecutor:
    """This process (and ``options.workers`` processes for reading and analysis); the model is found up front
    and loaded the first time a chunk has Arabic to translate (:class:`LazyTranslator`)."""

    def __init__(self) -> None:
        self.options = BatchOptions()
        self.glossary: object = None
        self.lazy: LazyTranslator | None = None

    def prepare(self, options: BatchOptions, glossary: object) -> tuple[object | None, str | None]:
        self.options, self.glossary = options, glossary
        model, reason = resolve_translation_model(options)
        self.lazy = LazyTranslator(options, glossary, model, reason)
        self.lazy.settings_without_model = settings_key(options, None, glossary)
        return model, reason

    def close(self) -> None:
        """Close what the run opened for translation (:meth:`LazyTranslator.close`)."""
        if self.lazy is not None:
            self.lazy.close()

    @property
    def late_reason(self) -> str | None:
        """Why there is no translator after all (the model was found but failed to load), else the first one."""
        return self.lazy.reason if self.lazy else None

    @property
    def timings(self) -> dict[str, float]:
        return self.lazy.timings if self.lazy else {}

    def process(self, sources: list[SourceFile], state: RunState, settings: str, summary: RunSummary,
                timings: dict[str, float]) -> None:
        options = self.options
        assert self.lazy is not None, "prepare() first"
        pool = (ProcessPoolExecutor(options.workers, initializer=_init_worker,
                                    initargs=(self.glossary, options.detector, options.max_file_seconds,
                                              options.max_record_mb))
                if options.workers > 1 else None)
        try:
            bar = None
            if options.progress:  # tqdm imported only for a bar (≈ 0.08 s of start-up otherwise, issue 20)
                from tqdm.auto import tqdm

                bar = tqdm(total=len(sources), desc="documents", unit="file")
            for chunk in tables.iter_chunks(sources, options.chunk_size):
                _run_chunk(chunk, state, settings, options, self.glossary, self.lazy, pool, summary, timings)
                if bar is not None:
                    bar.update(len(chunk))
            if bar is not None:
                bar.close()
        finally:
            if pool is not None:
                pool.shutdown()

    def write_tables(self, state: RunState, out_dir: Path, summary: RunSummary) -> None:
        _write_tables(state, out_dir, summary)

#: a chunk's small files are read and analysed in batches of at most this many bytes (and ``chunk_size`` files)
CHUNK_BYTES = 8 * 2**20


def _run_chunk(chunk: list[SourceFile], state: RunState, settings: str, options: BatchOptions, glossary,
               lazy: LazyTranslator, pool, summary: RunSummary, timings: dict[str, float]) -> None:
    """Process one chunk of files: each file over ``long_text.LONG_FILE_BYTES`` part by part, in this process,
    as it comes; the others in batches of at most :data:`CHUNK_BYTES` bytes."""
    batch: list[tuple[SourceFile, str, bytes]] = []
    size = 0
    for source, sha, data in pending_files(chunk, state, settings, summary, max_file_mb=options.max_file_mb,
                                           read_up_to=long_text.LONG_FILE_BYTES):
        if data is None:  # a large file: read and processed part by part
            process_long_file(source, sha, state, settings, options, glossary, lazy, summary)
            continue
        if batch and size + len(data) > CHUNK_BYTES:
            _run_batch(batch, state, settings, options, glossary, lazy, pool, summary, timings)
            batch, size = [], 0
        batch.append((source, sha, data))
        size += len(data)
    if batch:
        _run_batch(batch, state, settings, options, glossary, lazy, pool, summary, timings)


def _run_batch(pending: list[tuple[SourceFile, str, bytes]], state: RunState, settings: str, options: BatchOptions,
               glossary, lazy: LazyTranslator, pool, summary: RunSummary, timings: dict[str, float]) -> None:
    t0 = time.perf_counter()
    items = [(s, d) for s, _, d in pending]
    if pool is not None:
        results = list(pool.map(_analyze_in_worker, items, chunksize=max(1, len(items) // (4 * options.workers))))
    else:
        work = partial(analyze_file, glossary=glossary, detector=options.detector,
                       max_seconds=options.max_file_seconds, max_record_mb=options.max_record_mb)
        results = [work(item) for item in items]
    del items
    timings["analyze"] = timings.get("analyze", 0.0) + time.perf_counter() - t0
    t0 = time.perf_counter()
    analyses = [a for r in results if isinstance(r, list) for a in r]
    translated, settings, translation_error = lazy.translate(analyses, settings, progress=options.progress)
    results = regroup(results, translated)
    timings["translate"] = timings.get("translate", 0.0) + time.perf_counter() - t0
    for (source, sha, _), result in zip(pending, results, strict=True):
        if isinstance(result, ErrorRow):
            save_error(state, sha, result)
            continue
        state.save(source.rel, sha, settings, [a.to_dict() for a in result])
        summary.processed_files += 1
    if translation_error:
        logger.warning("translation failed for this chunk: %s", translation_error)

# Each worker process receives the glossary once, at start-up, instead of with every document.
_WORKER_CONTEXT: dict[str, object] = {}

def _init_worker(glossary, detector: str, max_seconds: float = 0.0, max_record_mb: float | None = None) -> None:
    _die_with_parent()
    _WORKER_CONTEXT.update(glossary=glossary, detector=detector, max_seconds=max_seconds,
                           max_record_mb=max_record_mb)

def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the process that started it dies (SIGKILL included), so that a
    killed ``translator batch`` never leaves workers holding the caller's pipe. Elsewhere: nothing to do."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(1)

def _analyze_in_worker(item: tuple[SourceFile, bytes]) -> list[Analysis] | ErrorRow:
    return analyze_file(item, **_WORKER_CONTEXT)

def _write_tables(state: RunState, out_dir: Path, summary: RunSummary) -> None:
    names = ("documents", "segments", "citations")
    schemas = {"documents": tables.DOCUMENTS, "segments": tables.SEGMENTS, "citations": tables.citations_schema()}
    writers = {name: tables.TableWriter(out_dir, name, schemas[name]) for name in names}
    from ...glossary.names import CandidateCounter

    candidates = CandidateCounter()
    with ExitStack() as stack:  # every writer entered is exited, its temporaries removed on failure
        for writer in writers.values():
            stack.enter_context(writer)
        for batch in state.payloads():
            writers["documents"].write([p["document"] for p in batch if p["document"] is not None])
            writers["segments"].write([s for p in batch for s in p["segments"]])
            writers["citations"].write([c for p in batch for c in p["citations"]])
            candidates.add_segments(s for p in batch for s in p["segments"])
            count_payloads(batch, summary)
    tables.write_table(out_dir, "errors", tables.ERRORS, [state.errors()])
    tables.write_table(out_dir, "glossary_candidates", tables.GLOSSARY_CANDIDATES, [candidates.rows()])
    summary.tables.update({name: str(out_dir / f"{name}.parquet")
                           for name in (*names, "errors", "glossary_candidates")})

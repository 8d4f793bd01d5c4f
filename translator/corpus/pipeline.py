"""The batch job: a corpus folder in, tidy tables and an HTML report out.

    read (readers) → analyze (segment, detect, glossary, citations) → translate (engine) → state → tables

Documents are processed in chunks and each finished file is committed to the run state at once, so memory
stays flat on large folders, an interrupted run resumes where it stopped, and one bad document never loses
the others' work. Tables are rebuilt from the state at the end of every run, atomically.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Protocol

from tqdm.auto import tqdm

from .. import __version__
from ..errors import EngineError, InputError, ModelNotFoundError, TranslatorError
from . import tables
from .analyze import Analysis, analyze_document, text_for_mt, wants_translation
from .limits import FileTimeLimitError, file_time_budget, no_space_as_error, warm_up
from .long_text import LONG_FILE_BYTES, process_long_file
from .readers import SourceFile, discover, read_documents
from .state import RunState

PIPELINE_VERSION = "1"
logger = logging.getLogger("translator")

TRANSLATION_STATUSES = {
    "translated": "machine translation produced",
    "suspicious": "translated, but a guard or translation QA flagged it (see translation_flags, qa_flags)",
    "human": "a reviewer's translation from the translation memory (translation_human); never overwritten",
    "failed": "the engine failed on this segment (see translation_note)",
    "no_model": "no translation model could be found (see translation_note for how to get one)",
    "disabled": "translation switched off (--no-translate)",
    "not_arabic": "segment is not Arabic; nothing to translate",
}


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
    segments: int = 0
    arabic_segments: int = 0
    translated_segments: int = 0
    retried_segments: int = 0  # translated segments the guard sent for a retry (retry rate = this / translated)
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
EXECUTORS = {"local": "translator.corpus.pipeline.LocalExecutor", "ray": "translator.corpus.ray_runner.RayExecutor"}


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
    late = getattr(executor, "late_reason", None)
    if late and late != reason:  # the model was found but failed to load
        summary.translation = late
    timings.update(getattr(executor, "timings", {}))
    finish_run(input_dir, out_dir, options, summary, timings, started)
    return summary


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
            from ..mt.memory import TranslationMemory

            self._memory = TranslationMemory(self.options.memory_path)
        return self._memory

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
                                    initargs=(self.glossary, options.detector, options.max_file_seconds))
                if options.workers > 1 else None)
        try:
            bar = tqdm(total=len(sources), desc="documents", unit="file", disable=not options.progress)
            for chunk in tables.iter_chunks(sources, options.chunk_size):
                _run_chunk(chunk, state, settings, options, self.glossary, self.lazy, pool, summary, timings)
                bar.update(len(chunk))
            bar.close()
        finally:
            if pool is not None:
                pool.shutdown()

    def write_tables(self, state: RunState, out_dir: Path, summary: RunSummary) -> None:
        _write_tables(state, out_dir, summary)


def finish_run(input_dir: Path, out_dir: Path, options: BatchOptions, summary: RunSummary,
               timings: dict[str, float], started: float) -> None:
    """The end of every run, local or Ray: errors into the summary, report, Excel, manifest."""
    summary.errors = tables.read_table(out_dir, "errors").to_dict("records")
    summary.failed_files = len({e["path"] for e in summary.errors})
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
                  summary: RunSummary, *, max_file_mb: float | None = None) -> Iterator[tuple[SourceFile, str, bytes]]:
    """The files not yet done with these bytes and settings, as (file, sha256, bytes).

    Unreadable files, links and files over ``max_file_mb`` are recorded in the run state's errors;
    unchanged ones are counted in ``summary``.
    """
    for source in sources:
        try:
            data = source.read_bytes(max_bytes=int(max_file_mb * 2**20) if max_file_mb else None)
        except InputError as exc:
            state.save_error(source.rel, None, "read", "InputError", str(exc))
            continue
        except OSError as exc:
            state.save_error(source.rel, None, "read", type(exc).__name__, f"{source.rel}: {exc.strerror or exc}")
            continue
        sha = sha256_hex(data)
        if state.is_done(source.rel, sha, settings) or state.file_errored(source.rel, sha):
            summary.unchanged_files += 1
            continue
        yield source, sha, data


def _run_chunk(chunk: list[SourceFile], state: RunState, settings: str, options: BatchOptions, glossary,
               lazy: LazyTranslator, pool, summary: RunSummary, timings: dict[str, float]) -> None:
    pending = list(pending_files(chunk, state, settings, summary, max_file_mb=options.max_file_mb))
    for source, sha, data in [p for p in pending if len(p[2]) > LONG_FILE_BYTES]:  # part by part, here
        process_long_file(source, sha, data, state, settings, options, glossary, lazy, summary,
                          stages=(needs_translation, translate_analyses))
    pending = [p for p in pending if len(p[2]) <= LONG_FILE_BYTES]
    if not pending:
        return
    t0 = time.perf_counter()
    items = [(s, d) for s, _, d in pending]
    if pool is not None:
        results = list(pool.map(_analyze_in_worker, items, chunksize=max(1, len(items) // (4 * options.workers))))
    else:
        work = partial(analyze_file, glossary=glossary, detector=options.detector,
                       max_seconds=options.max_file_seconds)
        results = [work(item) for item in items]
    timings["analyze"] = timings.get("analyze", 0.0) + time.perf_counter() - t0
    t0 = time.perf_counter()
    analyses = [a for r in results if not isinstance(r, dict) for a in r]
    wanted = options.translate and needs_translation(analyses)
    translator = lazy.get() if wanted else None
    if wanted and translator is None and lazy.settings_without_model is not None:
        settings = lazy.settings_without_model  # the model failed to load: redo these files once it loads
    translation_error = translate_analyses(analyses, translator, lazy.reason if options.translate else None,
                                           glossary=glossary, progress=options.progress,
                                           memory=lazy.memory() if wanted and translator is None else None)
    timings["translate"] = timings.get("translate", 0.0) + time.perf_counter() - t0
    for (source, sha, _), result in zip(pending, results, strict=True):
        if isinstance(result, dict):
            state.save_error(source.rel, sha, **result)
            continue
        state.save(source.rel, sha, settings, [a.to_dict() for a in result])
        summary.processed_files += 1
    if translation_error:
        logger.warning("translation failed for this chunk: %s", translation_error)


# Each worker process receives the glossary once, at start-up, instead of with every document.
_WORKER_CONTEXT: dict[str, object] = {}


def _init_worker(glossary, detector: str, max_seconds: float = 0.0) -> None:
    _die_with_parent()
    _WORKER_CONTEXT.update(glossary=glossary, detector=detector, max_seconds=max_seconds)


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


def _analyze_in_worker(item: tuple[SourceFile, bytes]) -> list[Analysis] | dict:
    return analyze_file(item, **_WORKER_CONTEXT)


def analyze_file(item: tuple[SourceFile, bytes], *, glossary, detector: str,
                 max_seconds: float = 0.0) -> list[Analysis] | dict:
    """Read and analyze one file; a failure comes back as an error record instead of an exception.

    ``max_seconds`` > 0: the file's time budget (:func:`limits.file_time_budget`); over it, an error record.
    """
    source, data = item
    stage = "read"
    try:
        if max_seconds and max_seconds > 0:
            warm_up(glossary, detector)  # one-time loading is not charged to the first file's budget
        with file_time_budget(max_seconds, source.rel):
            docs = read_documents(source, data)
            stage = "analyze"
            return [analyze_document(doc, glossary=glossary, detector=detector) for doc in docs]
    except FileTimeLimitError as exc:  # named apart: it depends on the machine, so it is retried next run
        return {"stage": stage, "error": "FileTimeLimitError", "message": str(exc)}
    except InputError as exc:
        return {"stage": stage, "error": "InputError", "message": str(exc)}
    except Exception as exc:  # any failure of one file is that file's errors row, never the run's
        return {"stage": stage, "error": type(exc).__name__, "message": f"{source.rel}: {_short(str(exc))}"}


def needs_translation(analyses: list[Analysis]) -> bool:
    """True when some segment or citation headline of ``analyses`` is Arabic, i.e. wants the model."""
    return any(wants_translation(s) for a in analyses for s in a.segments) or any(
        c.get("title_original") and c.get("title_language") == "ar" for a in analyses for c in a.citations)


def translate_analyses(analyses: list[Analysis], translator, no_model_reason: str | None, *,
                       progress: bool = False, glossary=None, memory=None) -> str | None:
    """Fill the translation columns of every segment and citation in ``analyses``.

    Unique Arabic texts are translated once, in one batch across documents. Human translations found in
    citations (the English rendering beside an Arabic headline) go into the translation memory as such.
    Every translation, and every human title rendering, is checked by translation QA (``qa_flags``, a JSON
    list; ``glossary``: the terms to check, default the translator's enforcement glossary, else none).
    Returns an error message if the engine failed (the rows then say so), else None.
    """
    segs = [s for a in analyses for s in a.segments]
    cites = [c for a in analyses for c in a.citations]
    qa = _qa(glossary if glossary is not None else getattr(getattr(translator, "enforcer", None), "glossary", None))
    for c in cites:
        if c.get("title_original") and c.get("title_english") and c.get("title_language") == "ar":
            c["qa_flags"] = json.dumps(qa(c["title_original"], c["title_english"]), ensure_ascii=False)
    for seg in segs:
        seg.setdefault("terms_found", 0)
        if not wants_translation(seg):
            seg["translation_status"] = "not_arabic"
    wanted = [s for s in segs if wants_translation(s)]
    titles = [c for c in cites if c.get("title_original") and c.get("title_language") == "ar"]
    if translator is None:
        status = "no_model" if no_model_reason else "disabled"
        note = one_line(no_model_reason) if no_model_reason else "translation switched off"
        for row in wanted + titles:
            row["translation_status"], row["translation_note"] = status, note
        if memory is not None:  # no model, but the people's translations are still there to show
            _fill_human_only(wanted, titles, memory)
        return None
    memory = getattr(translator, "memory", None)
    if memory is not None:
        for c in titles:
            if c.get("title_english"):
                memory.put_human(c["title_original"], c["title_english"], provenance=c.get("doc_id"))
    sources = list(dict.fromkeys([text_for_mt(s["text"]) for s in wanted] + [c["title_original"] for c in titles]))
    try:
        results = dict(zip(sources, translator.translate(sources, progress=progress), strict=True))
    except (TranslatorError, RuntimeError, ValueError) as exc:
        for row in wanted + titles:
            row["translation_status"], row["translation_note"] = "failed", f"{type(exc).__name__}: {exc}"
        return str(exc)
    for seg in wanted:
        _fill_segment(seg, results[text_for_mt(seg["text"])])
        _check_segment(seg, qa)
    for c in titles:
        result = results[c["title_original"]]
        c["title_english_machine"] = result.text
        c["translation_status"] = _status(result)
        if result.text and c["translation_status"] == "translated" and qa(c["title_original"], result.text):
            c["translation_status"] = "suspicious"
    return None


def _fill_human_only(segments: list[dict], titles: list[dict], memory) -> None:  # type: ignore[no-untyped-def]
    """Without a model: store the corpus's own renderings of headlines, and show the translation memory's
    human translations on the segments (status ``human`` for a reviewer's), as a run with a model would."""
    for c in titles:
        if c.get("title_english"):
            memory.put_human(c["title_original"], c["title_english"], provenance=c.get("doc_id"))
    for seg in segments:
        human = memory.get_human(text_for_mt(seg["text"]))
        if human is not None:
            seg["translation_human"] = human.target
            if human.state in ("translated", "final"):
                seg["translation_status"] = "human"


def _qa(glossary):
    """``check(source, target)`` as JSON-ready dicts, with ``glossary`` (an empty one when None)."""
    from ..glossary import Glossary
    from ..qa import check

    terms = glossary if glossary is not None else Glossary()
    return lambda source, target: [f.to_dict() for f in check(source, target, glossary=terms)]


def _check_segment(seg: dict, qa) -> None:
    """``qa_flags`` of the segment's translation; a machine translation that fails QA becomes suspicious."""
    if not seg.get("translation"):
        return
    flags = qa(text_for_mt(seg["text"]), seg["translation"])
    seg["qa_flags"] = json.dumps(flags, ensure_ascii=False)
    if flags and seg.get("translation_status") == "translated":
        seg["translation_status"] = "suspicious"


def _fill_segment(seg: dict, result) -> None:
    seg["translation"] = result.text
    seg["translation_human"] = getattr(result, "human", None)
    reviewed = getattr(result, "human_state", None) in ("translated", "final")  # not one found in a citation
    seg["translation_status"] = "human" if reviewed else _status(result)
    seg["translation_flags"] = "; ".join([*result.flags, *result.term_flags])
    seg["from_memory"] = bool(result.from_memory)
    seg["engine"], seg["model"] = result.engine, result.model
    if getattr(result, "terms_found", None) is not None:
        seg["terms_found"] = result.terms_found
        seg["terms_placed"] = result.terms_placed
        seg["terms_exact"] = result.terms_exact
    if result.text is None:
        seg["translation_note"] = "; ".join(result.flags) or "engine returned nothing"


def _status(result) -> str:
    return {"ok": "translated"}.get(result.status, result.status)


def load_glossary(options: BatchOptions):
    if not options.use_glossary:
        return None
    from ..glossary import Glossary

    glossary = Glossary.load(list(options.glossary_paths))
    for problem in glossary.problems:
        logger.warning("glossary: %s", problem)
    return glossary


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
        summary.citations += len(p["citations"])


def _write_tables(state: RunState, out_dir: Path, summary: RunSummary) -> None:
    names = ("documents", "segments", "citations")
    schemas = {"documents": tables.DOCUMENTS, "segments": tables.SEGMENTS, "citations": tables.citations_schema()}
    writers = {name: tables.TableWriter(out_dir, name, schemas[name]) for name in names}
    from contextlib import ExitStack

    from ..glossary.names import CandidateCounter

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
        "options": {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(options).items()
                    if k != "glossary_paths"} | {"glossary_paths": [str(p) for p in options.glossary_paths]},
        "versions": _versions(),
        "summary": summary.to_dict(),
        "table_descriptions": tables.DESCRIPTIONS,
        "translation_statuses": TRANSLATION_STATUSES,
    }
    tables.atomic_write_text(out_dir / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2,
                                                                   default=str))


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("transformers", "ctranslate2", "torch", "sentencepiece", "pandas", "pyarrow", "dateparser"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    found["python"] = sys.version.split()[0]
    return found


def sha256_hex(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def one_line(message: str) -> str:
    """A multi-line message as one line for a table cell, nothing dropped (issue 11).

    Bullet lines (``  - place``) become a ``; ``-separated list closed by a full stop; other lines are joined
    with spaces. ``"Looked in:\n  - a\n  - b\nTo get it: ..."`` → ``"Looked in: a; b. To get it: ..."``.
    """
    parts: list[str] = []
    bullets: list[str] = []
    for line in (raw.strip() for raw in message.strip().splitlines()):
        if line.startswith(("- ", "* ", "• ")):
            bullets.append(line[2:].strip())
            continue
        if bullets:
            parts.append("; ".join(bullets) + ".")
            bullets = []
        if line:
            parts.append(line)
    if bullets:
        parts.append("; ".join(bullets) + ".")
    return " ".join(parts)


def _short(text: str, limit: int = 300) -> str:
    """``text`` cut to ``limit`` characters: an error message quotes bad input, and input can be huge."""
    return text if len(text) <= limit else text[:limit] + f"… ({len(text) - limit} more characters)"


def short_reason(message: str) -> str:
    """The first sentence of a reason, for a one-line status (``Translation model 'X' not found.``)."""
    first = message.strip().splitlines()[0] if message.strip() else message
    return first.removesuffix(" Looked in:").strip()


__all__ = ["EXECUTORS", "TRANSLATION_STATUSES", "BatchOptions", "Executor", "LazyTranslator", "LocalExecutor",
           "RunSummary", "needs_translation", "one_line", "resolve_translation_model", "run_batch", "run_skeleton",
           "short_reason", "translate_analyses"]

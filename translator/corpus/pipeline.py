"""The batch job: a corpus folder in, tidy tables and an HTML report out.

    read (readers) → analyze (segment, detect, glossary, citations) → translate (engine) → state → tables

Documents are processed in chunks and each finished file is committed to the run state at once, so memory
stays flat on large folders, an interrupted run resumes where it stopped, and one bad document never loses
the others' work. Tables are rebuilt from the state at the end of every run, atomically.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from tqdm.auto import tqdm

from .. import __version__
from ..errors import EngineError, InputError, ModelNotFoundError, TranslatorError
from . import tables
from .analyze import Analysis, analyze_document, text_for_mt, wants_translation
from .readers import SourceFile, discover, read_documents
from .state import RunState

PIPELINE_VERSION = "1"

TRANSLATION_STATUSES = {
    "translated": "machine translation produced",
    "suspicious": "translated, but a guard flagged it (see translation_flags)",
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


@dataclass
class RunSummary:
    out_dir: str
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
    seconds: float = 0.0
    timings: dict = field(default_factory=dict)
    tables: dict = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed_files == 0

    def to_dict(self) -> dict:
        return asdict(self)


def run_batch(input_dir: Path | str, out_dir: Path | str, options: BatchOptions | None = None,
              **overrides: object) -> RunSummary:
    """Run the whole pipeline over ``input_dir`` and write tables and a report into ``out_dir``.

    Keyword ``overrides`` set `BatchOptions` fields, e.g. ``run_batch("corpus", "out", model=path)``.
    """
    options = options or BatchOptions()
    for key, value in overrides.items():
        if not hasattr(options, key):
            raise InputError(f"unknown batch option {key!r}")
        setattr(options, key, value)
    started = time.perf_counter()
    input_dir, out_dir = Path(input_dir), Path(out_dir)
    summary = RunSummary(out_dir=str(out_dir))
    timings: dict[str, float] = {}

    glossary = load_glossary(options)
    summary.glossary_version = glossary.version if glossary is not None else None
    translator, reason = load_translator(options, glossary)
    summary.translation = "on" if translator else reason or "off"
    if translator is not None:
        summary.model = translator.engine.model.to_dict()
    settings = settings_key(options, translator.engine.model if translator else None, glossary)

    sources = discover(input_dir)
    summary.files = len(sources)
    state = RunState(out_dir)
    try:
        pool = (ProcessPoolExecutor(options.workers, initializer=_init_worker, initargs=(glossary, options.detector))
                if options.workers > 1 else None)
        try:
            bar = tqdm(total=len(sources), desc="documents", unit="file", disable=not options.progress,
                       file=sys.stderr)
            for chunk in tables.iter_chunks(sources, options.chunk_size):
                _run_chunk(chunk, state, settings, options, glossary, translator, reason, pool, summary, timings)
                bar.update(len(chunk))
            bar.close()
        finally:
            if pool is not None:
                pool.shutdown()
        summary.removed_files = state.forget_missing({s.rel for s in sources})
        t0 = time.perf_counter()
        _write_tables(state, out_dir, summary)
        timings["write_tables"] = time.perf_counter() - t0
    finally:
        state.close()
    finish_run(input_dir, out_dir, options, summary, timings, started)
    return summary


def finish_run(input_dir: Path, out_dir: Path, options: BatchOptions, summary: RunSummary,
               timings: dict[str, float], started: float) -> None:
    """The end of every run, local or Ray: errors into the summary, report, Excel, manifest."""
    summary.errors = tables.read_table(out_dir, "errors").to_dict("records")
    summary.failed_files = len({e["path"] for e in summary.errors})
    if options.report:
        from .report import write_report

        t0 = time.perf_counter()
        summary.tables["report"] = str(write_report(out_dir))
        timings["report"] = time.perf_counter() - t0
    if options.excel:
        from .export import write_excel

        summary.tables["excel"] = str(write_excel(out_dir))
    summary.timings = {k: round(v, 3) for k, v in timings.items()}
    summary.seconds = round(time.perf_counter() - started, 3)
    write_manifest(input_dir, out_dir, options, summary)


def pending_files(sources: Iterable[SourceFile], state: RunState, settings: str,
                  summary: RunSummary) -> Iterator[tuple[SourceFile, str, bytes]]:
    """The files not yet done with these bytes and settings, as (file, sha256, bytes).

    Unreadable files are recorded in the run state's errors; unchanged ones are counted in ``summary``.
    """
    for source in sources:
        try:
            data = source.read_bytes()
        except OSError as exc:
            state.save_error(source.rel, None, "read", type(exc).__name__, f"{source.rel}: {exc.strerror or exc}")
            continue
        sha = sha256_hex(data)
        if state.is_done(source.rel, sha, settings) or state.file_errored(source.rel, sha):
            summary.unchanged_files += 1
            continue
        yield source, sha, data


def _run_chunk(chunk: list[SourceFile], state: RunState, settings: str, options: BatchOptions, glossary,
               translator, reason: str | None, pool, summary: RunSummary, timings: dict[str, float]) -> None:
    pending = list(pending_files(chunk, state, settings, summary))
    if not pending:
        return
    t0 = time.perf_counter()
    items = [(s, d) for s, _, d in pending]
    if pool is not None:
        results = list(pool.map(_analyze_in_worker, items, chunksize=max(1, len(items) // (4 * options.workers))))
    else:
        work = partial(analyze_file, glossary=glossary, detector=options.detector)
        results = [work(item) for item in items]
    timings["analyze"] = timings.get("analyze", 0.0) + time.perf_counter() - t0
    t0 = time.perf_counter()
    analyses = [a for r in results if not isinstance(r, dict) for a in r]
    translation_error = translate_analyses(analyses, translator, reason if options.translate else None,
                                           progress=options.progress)
    timings["translate"] = timings.get("translate", 0.0) + time.perf_counter() - t0
    for (source, sha, _), result in zip(pending, results, strict=True):
        if isinstance(result, dict):
            state.save_error(source.rel, sha, **result)
            continue
        state.save(source.rel, sha, settings, [a.to_dict() for a in result])
        summary.processed_files += 1
    if translation_error:
        print(f"translator: translation failed for this chunk: {translation_error}", file=sys.stderr)


# Each worker process receives the glossary once, at start-up, instead of with every document.
_WORKER_CONTEXT: dict[str, object] = {}


def _init_worker(glossary, detector: str) -> None:
    _WORKER_CONTEXT.update(glossary=glossary, detector=detector)


def _analyze_in_worker(item: tuple[SourceFile, bytes]) -> list[Analysis] | dict:
    return analyze_file(item, **_WORKER_CONTEXT)


def analyze_file(item: tuple[SourceFile, bytes], *, glossary, detector: str) -> list[Analysis] | dict:
    """Read and analyze one file; a failure comes back as an error record instead of an exception."""
    source, data = item
    stage = "read"
    try:
        docs = read_documents(source, data)
        stage = "analyze"
        return [analyze_document(doc, glossary=glossary, detector=detector) for doc in docs]
    except InputError as exc:
        return {"stage": stage, "error": "InputError", "message": str(exc)}
    except (TranslatorError, ValueError, UnicodeError, OSError) as exc:
        return {"stage": stage, "error": type(exc).__name__, "message": f"{source.rel}: {exc}"}


def translate_analyses(analyses: list[Analysis], translator, no_model_reason: str | None, *,
                       progress: bool = False) -> str | None:
    """Fill the translation columns of every segment and citation in ``analyses``.

    Unique Arabic texts are translated once, in one batch across documents. Human translations found in
    citations (the English rendering beside an Arabic headline) go into the translation memory as such.
    Returns an error message if the engine failed (the rows then say so), else None.
    """
    segs = [s for a in analyses for s in a.segments]
    cites = [c for a in analyses for c in a.citations]
    for seg in segs:
        seg.setdefault("terms_found", 0)
        if not wants_translation(seg):
            seg["translation_status"] = "not_arabic"
    wanted = [s for s in segs if wants_translation(s)]
    titles = [c for c in cites if c.get("title_original") and c.get("title_language") == "ar"]
    if translator is None:
        status = "no_model" if no_model_reason else "disabled"
        note = _first_line(no_model_reason) if no_model_reason else "translation switched off"
        for row in wanted + titles:
            row["translation_status"], row["translation_note"] = status, note
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
    for c in titles:
        result = results[c["title_original"]]
        c["title_english_machine"] = result.text
        c["translation_status"] = _status(result)
    return None


def _fill_segment(seg: dict, result) -> None:
    seg["translation"] = result.text
    seg["translation_human"] = getattr(result, "human", None)
    seg["translation_status"] = _status(result)
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
        print(f"translator: glossary: {problem}", file=sys.stderr)
    return glossary


def load_translator(options: BatchOptions, glossary) -> tuple[object | None, str | None]:
    """The translator, or None and the reason (printed once, plainly)."""
    if not options.translate:
        return None, None
    from ..mt import Translator, load_engine

    try:
        engine = load_engine(options.model, engine=options.engine, device=options.device, threads=options.threads)
    except (ModelNotFoundError, EngineError) as exc:
        print(f"translator: translation skipped; the other columns are complete.\n{exc}", file=sys.stderr)
        return None, str(exc)
    memory = None
    if options.use_memory:
        from ..mt.memory import TranslationMemory

        memory = TranslationMemory(options.memory_path) if options.memory_path else TranslationMemory()
    enforcer = None
    if glossary is not None:
        from ..glossary.enforce import TermEnforcer

        enforcer = TermEnforcer(glossary)
    return Translator(engine, memory=memory, enforcer=enforcer), None


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
    }, sort_keys=True)


def count_payloads(batch: list[dict], summary: RunSummary) -> None:
    """Add finished documents' rows to the summary's counts."""
    for p in batch:
        segs = p["segments"]
        summary.documents += 1
        summary.segments += len(segs)
        summary.arabic_segments += sum(s["lang"] == "ar" for s in segs)
        summary.translated_segments += sum(bool(s.get("translation")) for s in segs)
        summary.retried_segments += sum("retried" in (s.get("translation_flags") or "").split("; ") for s in segs)
        summary.citations += len(p["citations"])


def _write_tables(state: RunState, out_dir: Path, summary: RunSummary) -> None:
    names = ("documents", "segments", "citations")
    schemas = {"documents": tables.DOCUMENTS, "segments": tables.SEGMENTS, "citations": tables.citations_schema()}
    writers = {name: tables.TableWriter(out_dir, name, schemas[name]) for name in names}
    for writer in writers.values():
        writer.__enter__()
    try:
        for batch in state.payloads():
            writers["documents"].write([p["document"] for p in batch])
            writers["segments"].write([s for p in batch for s in p["segments"]])
            writers["citations"].write([c for p in batch for c in p["citations"]])
            count_payloads(batch, summary)
    except BaseException as exc:
        for writer in writers.values():
            writer.__exit__(type(exc), exc, None)
        raise
    for writer in writers.values():
        writer.__exit__(None, None, None)
    tables.write_table(out_dir, "errors", tables.ERRORS, [state.errors()])
    summary.tables.update({name: str(out_dir / f"{name}.parquet") for name in (*names, "errors")})


def write_manifest(input_dir: Path, out_dir: Path, options: BatchOptions, summary: RunSummary) -> None:
    manifest = {
        "tool": "translator", "version": __version__,
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


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


__all__ = ["TRANSLATION_STATUSES", "BatchOptions", "RunSummary", "run_batch", "translate_analyses"]

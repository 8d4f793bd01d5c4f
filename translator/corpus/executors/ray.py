"""The Ray executor: the batch job on Ray Data, the same tables as the local executor, the work spread over a
Ray cluster (the worker side is `ray_workers`, the partitioned tables `ray_tables`).

    discover + hash (driver) → skip files done with these bytes and settings (run state, as the local engine)
      → Ray dataset of paths → read + analyze (stateless tasks) → translate (actor pool, model loaded once)
      → each finished file saved into the run state (driver) → partitioned Parquet tables from the state

The run state and the translation memory are the local engine's own, so local and Ray runs resume each
other's work. Ray is optional (``pip install 'translator[ray]'``): it is imported inside the functions here.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tqdm.auto import tqdm

from ...errors import EngineError, InputError
from .. import long_text, tables
from ..run import (
    BatchOptions,
    RunSummary,
    count_payloads,
    pending_files,
    resolve_translation_model,
    run_skeleton,
    save_error,
)
from ..state import RunState
from . import ray_workers
from .ray_tables import write_partitioned

logger = logging.getLogger("translator")

# An analysis task is single-threaded Python that also waits on file reads: two may share a core. The request
# must differ from the translation actors': Ray fuses a task stage into the next actor stage when their
# resource requests match, and the analysis would then run inside the actors, one batch at a time.
ANALYZE_CPUS = 0.5
MAX_BLOCKS = 10_000
logger = logging.getLogger("translator")


@dataclass
class _Plan:
    """What the driver decided before starting Ray: the files to process and how to translate them."""

    items: list[dict]
    settings: str
    model: Any  # ModelInfo of the model the actors must load, or None when nothing is translated
    reason: str | None  # why there is no model (printed once, written into the rows)


def run_batch_ray(input_dir: Path | str, out_dir: Path | str, options: BatchOptions | None = None, *,
                  address: str | None = None, actors: int = 1) -> RunSummary:
    """Run the batch job on Ray: a local runtime on this machine, or the cluster at ``address``.

    ``actors`` translation actors each load the model once; with GPUs in the cluster (and ``options.device``
    not "cpu") each actor holds one GPU. The output folder is the local engine's: same run state, same
    tables (written as partitioned Parquet folders ``OUT/<name>/``), same report and manifest. Same as
    ``run_batch(..., executor="ray")``: the one skeleton (:func:`run_skeleton`) with :class:`RayExecutor`.

    Raises :class:`InputError` for ``actors`` below 1 or an input folder that does not exist;
    :class:`EngineError` when Ray is missing, cannot start, or the job fails.
    """
    return run_skeleton(input_dir, out_dir, options or BatchOptions(), RayExecutor(address, actors))


class RayExecutor:
    """Ray Data: the model found (not loaded) on the driver, read + analyze as tasks, translation in an actor
    pool that loads the model once per actor; each finished file saved into the run state by the driver."""

    def __init__(self, address: str | None = None, actors: int = 1) -> None:
        """Raises :class:`InputError` for ``actors`` below 1."""
        if actors < 1:
            raise InputError("--actors must be at least 1")
        self.address, self.actors = address, actors
        self.options = BatchOptions()
        self.glossary: Any = None
        self.model: Any = None
        self.reason: str | None = None

    def prepare(self, options: BatchOptions, glossary: Any) -> tuple[Any, str | None]:
        if options.translate and options.model is None:  # the driver's default model, not each node's own
            from ...mt.models import default_model

            options = replace(options, model=default_model())
        self.options, self.glossary = options, glossary
        self.model, self.reason = resolve_translation_model(options)
        return self.model, self.reason

    def process(self, sources: list, state: RunState, settings: str, summary: RunSummary,
                timings: dict[str, float]) -> None:
        t0 = time.perf_counter()
        plan = _plan(sources, state, settings, self.model, self.reason, summary, self.options.max_file_mb)
        timings["plan"] = time.perf_counter() - t0
        if plan.items and self.reason:  # once per run, and only when rows are left untranslated because of it
            logger.warning("translation skipped; the other columns are complete.\n%s", self.reason)
        if plan.items:
            t0 = time.perf_counter()
            with _ray_runtime(self.address, self.options.progress):
                timings["ray_start"] = time.perf_counter() - t0
                _run_dataset(plan, state, self.options, self.glossary, self.actors, summary, timings)
            timings["ray"] = time.perf_counter() - t0

    def write_tables(self, state: RunState, out_dir: Path, summary: RunSummary) -> None:
        _write_tables(state, out_dir, summary)


# ------------------------------------------------------------------------------------------------ driver
def _plan(sources: list, state: RunState, settings: str, model: Any, reason: str | None,
          summary: RunSummary, max_file_mb: float | None) -> _Plan:
    """Hash every file (as the local executor does) and keep those not done with these bytes and settings;
    a file over ``max_file_mb``, or refused or unreadable, is an errors row already (as it is locally)."""
    items = [{"rel": source.rel, "path": str(source.path.resolve()), "sha256": sha}
             for source, sha, _ in pending_files(sources, state, settings, summary, max_file_mb=max_file_mb,
                                                 read_up_to=long_text.LONG_FILE_BYTES)]
    return _Plan(items, settings, model, reason)


def _run_dataset(plan: _Plan, state: RunState, options: BatchOptions, glossary: Any, actors: int,
                 summary: RunSummary, timings: dict[str, float]) -> None:
    """Build the Ray dataset, stream its rows back and save each file into the run state as it finishes.

    ``timings["ray_first_batch"]``: from submitting the job to the first finished batch (actors started,
    model loaded, one batch through); ``timings["save_state"]``: the driver's time writing the run state.
    """
    import ray

    chunk = max(1, options.chunk_size)
    # One block per batch of files: as many analysis tasks as the cluster can run, each a few seconds long.
    blocks = max(1, min(-(-len(plan.items) // chunk), MAX_BLOCKS))
    ds = ray.data.from_items(plan.items, override_num_blocks=blocks)
    ds = ds.map_batches(ray_workers.analyze_rows, batch_size=chunk, num_cpus=ANALYZE_CPUS,
                        fn_kwargs={"glossary": glossary, "detector": options.detector,
                                   "max_file_mb": options.max_file_mb, "max_seconds": options.max_file_seconds,
                                   "long_file": {"bytes": long_text.LONG_FILE_BYTES,
                                                 "part_chars": long_text.PART_CHARS,
                                                 "group_segments": long_text.GROUP_SEGMENTS,
                                                 "max_record_mb": options.max_record_mb}})
    if plan.model is None:
        # the same request as the analysis, so Ray fuses both into one task: no model, no actors
        memory = options.translate and options.use_memory
        ds = ds.map_batches(ray_workers.fill_untranslated, batch_size=chunk, num_cpus=ANALYZE_CPUS,
                            fn_kwargs={"reason": plan.reason, "use_memory": memory,
                                       "memory_path": str(options.memory_path) if options.memory_path else None})
    else:
        resources, use_gpu = _actor_resources(options, actors)
        ds = ds.map_batches(ray_workers.TranslateRows, batch_size=chunk, **resources,
                            compute=ray.data.ActorPoolStrategy(size=actors),
                            fn_constructor_kwargs={"options": options, "glossary": glossary, "use_gpu": use_gpu,
                                                   "expected_model": [plan.model.id, plan.model.revision,
                                                                      plan.model.kind]})
    bar = tqdm(total=len(plan.items), desc="documents", unit="file", disable=not options.progress)
    reported: set[str] = set()
    t0 = time.perf_counter()
    timings["save_state"] = 0.0
    try:
        for batch in ds.iter_batches(batch_size=chunk, batch_format="pandas"):
            timings.setdefault("ray_first_batch", time.perf_counter() - t0)
            t1 = time.perf_counter()
            for row in batch.to_dict("records"):
                _save(row, state, plan.settings, summary, reported)
            timings["save_state"] += time.perf_counter() - t1
            bar.update(len(batch))
    except ray.exceptions.RayError as exc:
        raise EngineError(f"the Ray job failed: {_root_cause(exc)}\nFiles finished so far are saved; run the "
                          "same command again to resume.") from exc
    finally:
        bar.close()


def _save(row: dict, state: RunState, settings: str, summary: RunSummary, reported: set[str]) -> None:
    """Save one row of the job: a whole file, or a group of parts of a long one (saved unfinished until its
    last row, as the local executor saves them; the rows of a file come in order: see ``preserve_order``)."""
    payloads, error = ray_workers.decode_row(row)
    if error is not None:
        save_error(state, row["sha256"] or None, error)
        return
    if row["part"]:
        number, _, last = row["part"].partition(" ")
        state.save_parts(row["rel"], row["sha256"], list(zip(json.loads(row["keys"]), payloads, strict=True)),
                         first=number == "1")
        if not last:
            return
        state.finish_parts(row["rel"], settings)
    else:
        state.save(row["rel"], row["sha256"], settings, payloads)
    summary.processed_files += 1
    message = row["translation_error"]
    if message and message not in reported:
        reported.add(message)
        logger.warning("translation failed for a batch: %s", message)


def _actor_resources(options: BatchOptions, actors: int) -> tuple[dict, bool]:
    """One GPU per actor when the cluster has GPUs (unless told "cpu"); else a share of the CPUs.

    On CPUs the actors together leave room for the analysis tasks, or these would wait for ever.
    """
    import ray

    gpus = ray.cluster_resources().get("GPU", 0)
    if gpus and options.device.lower() != "cpu":
        return {"num_gpus": 1, "num_cpus": float(options.threads or 1)}, True  # the CPU tokenizes, decodes
    if options.device.lower() in {"cuda", "gpu"}:
        raise EngineError("--device cuda was asked for but the Ray cluster has no GPU; use --device cpu or auto.")
    share = max(0.25, min(float(options.threads or 1), (_cluster_cpus() - ANALYZE_CPUS) / actors))
    if share == ANALYZE_CPUS:
        share -= 0.01  # equal requests would fuse the analysis into the actors (see ANALYZE_CPUS)
    return {"num_cpus": share}, False


def _machine_cpus() -> int:
    """The CPUs this process may use (a container's or taskset's limit, not the host's core count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _cluster_cpus() -> int:
    import ray

    return int(ray.cluster_resources().get("CPU", 1))


def start_ray(*, attempts: int = 3, **init_kwargs: Any) -> None:
    """``ray.init(**init_kwargs)``, tried up to ``attempts`` times when a local node times out while starting.

    Ray waits a fixed 30 s for a new node's raylet to register; on a busy machine that wait can run out
    although nothing is wrong ("The current node timed out during startup"). A later attempt usually finds
    the machine less busy. A failed attempt's own processes are stopped before the next (Ray leaves the head
    processes of a node that failed to start running until this process exits: GCS server, dashboard,
    monitors, a set per try, which made the machine busier still). Raises ``EngineError`` naming the cluster
    when Ray cannot start or be reached.
    """
    import ray

    address = init_kwargs.get("address")
    where = f"the Ray cluster at {address}" if address not in (None, "local") else "a local Ray runtime"
    for attempt in range(1, attempts + 1):
        before = _ray_children()
        try:
            ray.init(**init_kwargs)
            return
        except Exception as exc:  # Ray raises a bare Exception for the startup timeout
            if ray.is_initialized():
                ray.shutdown()
            _stop_processes([p for p in _ray_children() if p.pid not in {q.pid for q in before}])
            if "timed out during startup" in str(exc) and attempt < attempts:
                logger.warning("Ray: %s; trying again (%d/%d)", exc, attempt + 1, attempts)
                continue
            if isinstance(exc, ConnectionError | RuntimeError | ValueError) or "timed out" in str(exc):
                raise EngineError(f"could not start or reach {where}: {exc}") from exc
            raise


def _ray_children() -> list[Any]:
    """This process's descendants that run Ray's own programs (``psutil.Process`` objects; psutil comes with
    Ray, in ``ray/thirdparty_files``, on the path once ``ray`` is imported)."""
    import psutil
    import ray

    package = os.path.dirname(ray.__file__)
    found = []
    for process in psutil.Process().children(recursive=True):
        try:
            if any(package in part for part in process.cmdline()):
                found.append(process)
        except psutil.Error:  # ended, or not ours to read
            continue
    return found


def _stop_processes(processes: list[Any], timeout: float = 10.0) -> None:
    """Terminate ``processes`` (``psutil.Process``), wait up to ``timeout`` seconds, then kill what is left."""
    import psutil

    for process in processes:
        with suppress(psutil.Error):
            process.terminate()
    _, alive = psutil.wait_procs(processes, timeout=timeout)
    for process in alive:
        with suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(alive, timeout=timeout)


@contextmanager
def _ray_runtime(address: str | None, progress: bool) -> Iterator[None]:
    """Connect to ``address``, or start a local runtime sized to this machine; reuse one already up.

    Without ``progress`` Ray stays silent (its own progress bars and info logs off); settings changed here
    are put back afterwards, so a notebook's own Ray session is left as it was.
    """
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise EngineError("Ray is not installed: pip install 'translator[ray]' (or pip install 'ray[data]'), "
                          "or run without --runner ray.") from exc
    level = logging.WARNING if progress else logging.ERROR
    with _quiet_ray(ray.data.DataContext.get_current(), progress, level):
        if ray.is_initialized():
            yield
            return
        kwargs: dict[str, Any] = {"include_dashboard": False, "logging_level": level, "log_to_driver": progress}
        if address:
            start_ray(address=address, **kwargs)
        else:
            start_ray(address="local", num_cpus=_machine_cpus(), **kwargs)  # never a stray cluster
        try:
            yield
        finally:
            ray.shutdown()


@contextmanager
def _quiet_ray(context: Any, progress: bool, level: int) -> Iterator[None]:
    settings = {"enable_progress_bars": progress, "print_on_execution_start": progress,
                "enable_auto_log_stats": False}
    saved = {name: getattr(context, name) for name in settings}
    logger = logging.getLogger("ray.data")
    saved_level = logger.level
    for name, value in settings.items():
        setattr(context, name, value)
    # the rows of a long file (one per group of its parts) must reach the driver in order
    saved_order = context.execution_options.preserve_order
    context.execution_options.preserve_order = True
    logger.setLevel(max(level, logger.getEffectiveLevel()))
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(context, name, value)
        context.execution_options.preserve_order = saved_order
        logger.setLevel(saved_level)


def _write_tables(state: RunState, out_dir: Path, summary: RunSummary) -> None:
    """The tables from the run state (every finished file, not only this run's), partitioned, and the
    glossary candidates (names no glossary layer holds) as the local runner writes them."""
    schemas = {"documents": tables.DOCUMENTS, "segments": tables.SEGMENTS, "citations": tables.citations_schema()}

    def batches(name: str):
        for batch in state.payloads():
            if name == "documents":
                count_payloads(batch, summary)
                yield [p["document"] for p in batch if p["document"] is not None]
            else:
                yield [row for p in batch for row in p[name]]

    for name, schema in schemas.items():
        write_partitioned(out_dir, name, schema, batches(name))
    write_partitioned(out_dir, "errors", tables.ERRORS, [state.errors()])
    from ...glossary.names import CandidateCounter

    candidates = CandidateCounter()
    for batch in state.payloads():
        candidates.add_segments(s for p in batch for s in p["segments"])
    write_partitioned(out_dir, "glossary_candidates", tables.GLOSSARY_CANDIDATES, [candidates.rows()])
    summary.tables.update({name: str(out_dir / name) for name in (*schemas, "errors", "glossary_candidates")})


_ERROR_LINE = re.compile(r"^(?:[A-Za-z_][\w.]*\.)?(\w*(?:Error|Exception|Exit)): (.*)$")


def _root_cause(exc: BaseException) -> str:
    """The worker's own error (``EngineError: ...``) from the traceback text Ray hands back, not Ray's wrapper."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(exc))
    found = [m for line in text.splitlines() if (m := _ERROR_LINE.match(line.strip()))
             and not line.strip().startswith("ray.")]
    if found:
        return f"{found[-1].group(1)}: {found[-1].group(2)}"
    return next((line for line in text.strip().splitlines() if line.strip()), type(exc).__name__)


__all__ = ["RayExecutor", "run_batch_ray"]

"""Shared test fixtures: an isolated, offline environment and real tiny MarianMT models.

The tiny model is a genuine MarianMT (sentencepiece tokenizers, HF folder layout) trained on
``tests/data/parallel_*.tsv`` on a fixed, seeded schedule (steps, never seconds) until it reproduces those pairs
with a safe margin. It is cached in ``tests/.cache/`` under a hash of the training data, the schedule and
``translator/testing/tiny.py``, so it is rebuilt only when one of them changes; a file lock lets parallel test
sessions share one build. How fast the machine is changes how long the build takes, never its result.

``TRANSLATOR_TINY_SEED=N`` trains (and caches beside the default one) a tiny model from another seed: the same
data and schedule, other words wherever the model is unsure. Running the model-backed tests under a few seeds
shows which of them assert the words one model happened to write (what another CPU kind would also change)
rather than what any translation must satisfy.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from translator.testing.tiny import Schedule

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
CACHE = TESTS / ".cache"
_SESSION_DIRS: list[Path] = []


def pytest_configure(config: pytest.Config) -> None:
    # Set before any test module imports huggingface_hub/transformers: they read these at import time.
    # Nothing in a test session may touch the user's home or the network.
    root = Path(tempfile.mkdtemp(prefix="translator-tests-"))
    _SESSION_DIRS.append(root)
    os.environ["TRANSLATOR_HOME"] = str(root / "home")
    os.environ["HF_HOME"] = str(root / "hf")
    # Start-up tables derived from the data files (translator.diskcache: keyed by their inputs, never stale)
    # are kept with the tiny model, so that each session and worker does not rebuild them.
    os.environ.setdefault("TRANSLATOR_CACHE_DIR", str(CACHE / "derived"))
    os.environ.pop("HF_HUB_CACHE", None)
    for flag in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY"):
        os.environ[flag] = "1"
    # One OpenMP/BLAS thread per process (torch, CTranslate2 and OpenBLAS read it when they load; subprocesses,
    # notebook kernels and Ray workers inherit it): the tiny model's matrices are 64 wide, far too small to share
    # out, and each of the suite's two workers already has one of the two cores. With torch's default (a thread
    # per core) the threads spin waiting for each other, most of all on a busy machine: tests/mt/
    # test_translate_stages.py took 82 CPU s at load 12, 11 with one thread. A test that asks for more threads
    # (an engine built with threads=2) still gets them. Results do not change: the tiny model's answers hold by
    # a margin far above the rounding a thread count can move.
    os.environ["OMP_NUM_THREADS"] = "1"


def pytest_unconfigure(config: pytest.Config) -> None:
    for root in _SESSION_DIRS:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def isolated_environment() -> Iterator[Path]:
    """The session's TRANSLATOR_HOME (a temporary folder); HF_HUB_OFFLINE=1 for the whole session."""
    home = Path(os.environ["TRANSLATOR_HOME"])
    assert _SESSION_DIRS and home.is_relative_to(_SESSION_DIRS[0]), "conftest did not isolate the session"
    yield home


@pytest.fixture
def translator_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty TRANSLATOR_HOME and Hugging Face cache for one test (model registry, memory)."""
    monkeypatch.setenv("TRANSLATOR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    return tmp_path / "home"


@contextmanager
def _locked(name: str) -> Iterator[None]:
    CACHE.mkdir(exist_ok=True)
    with open(CACHE / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _training_files() -> list[Path]:
    return sorted(DATA.glob("parallel_*.tsv"))


@pytest.fixture(scope="session")
def tiny_pairs() -> list[tuple[str, str]]:
    """The Arabic/English pairs the tiny model is trained on (all tests/data/parallel_*.tsv)."""
    from translator.testing.tiny import read_pairs

    return read_pairs(_training_files())


#: the environment variable that picks another seed for the tiny model (unset: the schedule's default seed)
TINY_SEED_VARIABLE = "TRANSLATOR_TINY_SEED"
_SEEDED_PREFIX = "tiny-marian-seed"


def _tiny_schedule() -> Schedule:
    """The tiny model's training schedule: the default one, with ``TRANSLATOR_TINY_SEED`` as its seed if set."""
    from dataclasses import replace

    from translator.testing.tiny import Schedule

    seed = os.environ.get(TINY_SEED_VARIABLE, "").strip()
    if not seed:
        return Schedule()
    if not seed.isdigit():
        raise pytest.UsageError(f"{TINY_SEED_VARIABLE}={seed!r}: give a whole number (0 or more)")
    return replace(Schedule(), seed=int(seed))


def _tiny_prefix(schedule: Schedule) -> str:
    """``tiny-marian`` for the default seed, ``tiny-marian-seed<N>`` for another: each keeps its own cache entry."""
    from translator.testing.tiny import Schedule

    return "tiny-marian" if schedule.seed == Schedule().seed else f"{_SEEDED_PREFIX}{schedule.seed}"


def _tiny_prefix_of(name: str) -> str:
    """The prefix a cache folder name was built with (``tiny-marian-seed3-<key>-ct2-int8``: ``tiny-marian-seed3``)."""
    if name.startswith(_SEEDED_PREFIX):
        return "-".join(name.split("-")[:3])
    return "tiny-marian"


@pytest.fixture(scope="session")
def tiny_model(tiny_pairs: list[tuple[str, str]]) -> Path:
    """Folder of a trained tiny MarianMT (Hugging Face format), built once and cached in tests/.cache."""
    import torch
    import transformers

    from translator.testing.tiny import fingerprint, train_tiny_marian

    schedule = _tiny_schedule()
    key = fingerprint(_training_files(), schedule=schedule, torch=torch.__version__,
                      transformers=transformers.__version__)
    prefix = _tiny_prefix(schedule)
    folder = CACHE / f"{prefix}-{key}"
    with _locked("tiny-marian"):
        if not (folder / "training.json").is_file():
            for stale in CACHE.glob(f"{prefix}-*"):
                if stale.is_dir() and _tiny_prefix_of(stale.name) == prefix:
                    shutil.rmtree(stale, ignore_errors=True)
            building = Path(tempfile.mkdtemp(prefix=".building-", dir=CACHE))
            try:
                # The schedule decides the result; the hour is only a safety limit for a hung run (it raises,
                # and a half-trained model is never cached: every later session would inherit it).
                report = train_tiny_marian(tiny_pairs, building / "model", schedule=schedule,
                                           abort_after_seconds=3600)
                if report.exact < report.pairs or report.margin < schedule.target_margin:
                    raise RuntimeError(f"tiny model reproduced {report.exact}/{report.pairs} training pairs with "
                                       f"margin {report.margin} after the full schedule ({report.steps} steps); "
                                       "not cached: the training data or schedule needs attention")
                (building / "model").rename(folder)
            finally:
                shutil.rmtree(building, ignore_errors=True)
    return folder


@pytest.fixture(scope="session")
def tiny_ct2_model(tiny_model: Path) -> Path:
    """The tiny model converted to CTranslate2 (int8) with CTranslate2's converter, cached beside it."""
    from translator.mt.models import convert_folder, inspect_folder

    folder = tiny_model.with_name(tiny_model.name + "-ct2-int8")
    with _locked("tiny-marian"):
        if not (folder / "model.bin").is_file():
            building = Path(tempfile.mkdtemp(prefix=".building-", dir=CACHE))
            try:
                convert_folder(inspect_folder(tiny_model, model_id="tiny-ar-en"), building, "int8")
                building.rename(folder)
            finally:
                shutil.rmtree(building, ignore_errors=True)
    return folder


@pytest.fixture(scope="session")
def tiny_marian_engine(tiny_model: Path):  # type: ignore[no-untyped-def]
    """The tiny model loaded in the transformers engine (shared by the session: do not mutate); one thread, as
    for the whole session (pytest_configure)."""
    from translator.mt import load_engine

    return load_engine(tiny_model, engine="transformers", threads=1)


@pytest.fixture(scope="session")
def tiny_ct2_engine(tiny_ct2_model: Path):  # type: ignore[no-untyped-def]
    """The converted tiny model loaded in the CTranslate2 engine (int8 on CPU, one thread)."""
    from translator.mt import load_engine

    return load_engine(tiny_ct2_model, engine="ctranslate2", threads=1)


@pytest.fixture(scope="session")
def ray_runtime():  # type: ignore[no-untyped-def]
    """One local Ray runtime (2 CPUs) for the whole test session, started once (the tests that use it all live in
    tests/corpus/test_ray.py, so that under pytest-xdist one worker starts it: see the end of this file).

    ``start_ray`` retries when Ray's fixed 30-second node-startup wait runs out on a busy machine, so a slow
    start delays the tests instead of failing them: six tries here (three were not enough at load 25, with
    other Ray nodes starting beside it, session 11), since a test's outcome must not depend on the load.
    """
    import logging

    import ray

    from translator.corpus.executors.ray import start_ray

    start_ray(address="local", num_cpus=2, include_dashboard=False, logging_level=logging.WARNING,
              log_to_driver=False, attempts=6)
    yield ray
    ray.shutdown()



# How the suite is shared out over pytest-xdist's workers (pyproject: `-n 2 --dist loadfile
# --no-loadscope-reorder`). This changes nothing a test does or asserts, only which worker runs it and when.
# * Every test file is one unit of work (its module fixtures run once). The tests that need Ray all live in
#   tests/corpus/test_ray.py, so one worker runs them and starts Ray once (the session fixture
#   ``ray_runtime``): two workers starting Ray nodes at once doubled the cost and, on a loaded machine, made
#   both nodes time out. A test marked ``ray`` in another file is reported (a warning), since it costs a
#   second Ray start.
# * The files are handed out heaviest first (xdist keeps the collection order with --no-loadscope-reorder),
#   so that no long file starts last while the other worker idles. A file's weight is its CPU seconds in
#   tests/suite_costs.tsv (measured once per test file, one process, and committed: no clock is read during a
#   run, so every worker sorts alike). A file the table lacks is weighed from its tests' markers: a test marked
#   ``slow`` (a model run, a notebook kernel, a browser, Ray) SLOW_SECONDS, any other test TEST_SECONDS. Before
#   session 14 the markers alone decided, and files of many cheap checks or a few long unmarked ones (the
#   linear-time tests, the CLI contracts, the date screen: 30-50 CPU s each) were handed out among the last.
# * In a fresh clone the first file that needs the tiny model trains it (≈ 30 s, one thread) while any other
#   worker that needs it waits on the lock: the second file handed out is therefore one that needs no tiny
#   model, so the other worker has work meanwhile.

#: the estimated CPU seconds of a test marked ``slow`` and of any other test, for a file not in the cost table
#: (session 14's means over the measured files, at load 4-10: 1.5 CPU s a slow test in the files that have
#: them, 0.09 a test in the files that have none)
SLOW_SECONDS = 1.5
TEST_SECONDS = 0.09
RAY_FILE = "test_ray.py"
COSTS = TESTS / "suite_costs.tsv"
#: the fixtures that need the trained tiny model (a fresh clone trains it in the first test that asks)
MODEL_FIXTURES = frozenset({"tiny_model", "tiny_ct2_model", "tiny_marian_engine", "tiny_ct2_engine"})


def _measured_costs() -> dict[str, float]:
    """tests/suite_costs.tsv: test file (as in a node id) → its CPU seconds; {} if the table is missing."""
    if not COSTS.is_file():
        return {}
    costs: dict[str, float] = {}
    for line in COSTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("file\t"):
            name, seconds = line.split("\t")[:2]
            costs[name] = float(seconds)
    return costs


def _needs_model(item: pytest.Item) -> bool:
    return bool(MODEL_FIXTURES.intersection(getattr(item, "fixturenames", ())))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    elsewhere = sorted({item.nodeid.split("::", 1)[0] for item in items
                        if item.get_closest_marker("ray") and item.path.name != RAY_FILE})
    if elsewhere:
        import warnings

        warnings.warn(pytest.PytestWarning(
            f"tests marked ray outside tests/corpus/{RAY_FILE} ({', '.join(elsewhere)}): under pytest-xdist "
            "their worker may start a second Ray node; move them to that file"), stacklevel=1)
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return  # a run in one process keeps pytest's order
    # Every worker collects the same items and sorts them the same way (a stable sort: within a file the
    # tests keep their order); xdist hands the files out in this order.
    measured = _measured_costs()
    estimate: dict[str, float] = {}
    model: dict[str, bool] = {}
    for item in items:
        name = item.nodeid.split("::", 1)[0]
        estimate[name] = estimate.get(name, 0.0) + (SLOW_SECONDS if item.get_closest_marker("slow") else TEST_SECONDS)
        model[name] = model.get(name, False) or _needs_model(item)
    weight = {name: measured.get(name, guess) for name, guess in estimate.items()}
    order = sorted(weight, key=lambda name: -weight[name])
    if len(order) > 2 and model[order[0]] and model[order[1]]:
        free = next((name for name in order if not model[name]), None)
        if free is not None:
            order.remove(free)
            order.insert(1, free)
    rank = {name: i for i, name in enumerate(order)}
    items.sort(key=lambda item: rank[item.nodeid.split("::", 1)[0]])

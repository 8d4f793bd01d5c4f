"""The batch job on Ray Data: same tables as the local engine, same errors, same resume and memory semantics.

One local Ray runtime (2 CPUs, the session fixture ``ray_runtime`` in conftest.py) serves the whole session;
the corpus is run once by each engine and the other tests work on copies of those output folders.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest

from translator.corpus.executors import ray as ray_executor
from translator.corpus.executors.ray import run_batch_ray
from translator.corpus.executors.ray_tables import write_partitioned
from translator.corpus.executors.ray_workers import TranslateRows, analyze_rows
from translator.corpus.run import BatchOptions, run_batch
from translator.corpus.tables import ERRORS, read_table
from translator.errors import EngineError

pytestmark = [pytest.mark.slow, pytest.mark.ray]

ROOT = Path(__file__).resolve().parents[2]
PAIRS = pd.read_csv(ROOT / "tests" / "data" / "parallel_ar_en.tsv", sep="\t")
KEYS = {"documents": ["doc_id"], "segments": ["doc_id", "segment_id"], "citations": ["doc_id", "start"],
        "errors": ["path", "record"]}
BAD = {"empty.txt", "slides.pptx"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Arabic headlines, English prose with a cited Arabic headline, JSON-lines records, and two bad files."""
    folder = tmp_path_factory.mktemp("ray") / "corpus"
    folder.mkdir()
    ar, en = PAIRS["arabic"].tolist(), PAIRS["english"].tolist()
    (folder / "headlines-ar.txt").write_text("\n\n".join(ar[:12]) + "\n", encoding="utf-8")
    (folder / "note.md").write_text(
        "# A note\n\nThe army held exercises near the border, the Arabic press reported.\n\n"
        f"“{ar[1]}\n\n({en[1]}),” al-Araby al-Jadid (Qatari-aligned daily), 7 June 2022.\n", encoding="utf-8")
    records = [{"id": "a", "title": "One", "text": f"{ar[13]}\n\n{ar[14]}"},
               {"id": "b", "title": "Two", "text": f"The minister spoke in Algiers.\n\n{ar[15]}"}]
    lines = [*pd.Series(records).map(_json)]
    lines.insert(1, '{"id": "broken", "text": "no end')  # issue #13: a bad line is a record's errors row
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "slides.pptx").write_bytes(b"PK\x03\x04")
    return folder


def _analyzed(batch: dict, **kwargs) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """The rows ``analyze_rows`` (a generator stage: batches) gives for ``batch``, as one batch."""
    out: dict[str, list[str]] = {}
    for part in analyze_rows(batch, **kwargs):
        for name, values in part.items():
            out.setdefault(name, []).extend(values)
    return out


def _json(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


def _options(tiny_model: Path, memory: Path) -> BatchOptions:
    return BatchOptions(model=str(tiny_model), engine="transformers", threads=1, memory_path=memory,
                        progress=False, report=False)


@pytest.fixture(scope="module")
def runs(ray_runtime, corpus: Path, tiny_model: Path) -> dict:  # type: ignore[no-untyped-def]
    base = corpus.parent
    local = run_batch(corpus, base / "local", _options(tiny_model, base / "tm-local.sqlite"))
    on_ray = run_batch(corpus, base / "ray", _options(tiny_model, base / "tm-ray.sqlite"), executor="ray", actors=1)
    return {"local": local, "ray": on_ray, "base": base}


def _sorted(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    return frame.sort_values(KEYS[name], kind="stable").reset_index(drop=True)


@pytest.mark.parametrize("name", ["documents", "segments", "citations", "errors"])
def test_ray_tables_equal_local_tables_row_for_row(runs: dict, name: str) -> None:
    base = runs["base"]
    assert (base / "ray" / name).is_dir() and not (base / "ray" / f"{name}.parquet").exists()
    assert (base / "ray" / f"{name}.csv").is_file()
    local, on_ray = _sorted(read_table(base / "local", name), name), _sorted(read_table(base / "ray", name), name)
    assert len(local) > 0
    pd.testing.assert_frame_equal(on_ray, local)


def test_ray_writes_the_glossary_candidates_as_the_local_runner_does(runs: dict) -> None:
    base = runs["base"]
    key = ["source", "type"]
    local = read_table(base / "local", "glossary_candidates").sort_values(key).reset_index(drop=True)
    on_ray = read_table(base / "ray", "glossary_candidates").sort_values(key).reset_index(drop=True)
    assert (base / "ray" / "glossary_candidates").is_dir()
    pd.testing.assert_frame_equal(on_ray, local, check_dtype=False)


def test_ray_run_really_translates_with_the_model(runs: dict) -> None:
    segments = read_table(runs["base"] / "ray", "segments")
    expected = dict(zip(PAIRS["arabic"], PAIRS["english"], strict=True))
    arabic = segments[segments["lang"] == "ar"]
    hits = [expected.get(t.strip("“”")) == tr for t, tr in zip(arabic["text"], arabic["translation"], strict=True)]
    assert len(hits) >= 15 and sum(hits) / len(hits) >= 0.9
    assert set(arabic["translation_status"]) <= {"translated", "suspicious"}
    assert runs["ray"].translation == "on" and runs["ray"].model["kind"] == "marian"
    citation = read_table(runs["base"] / "ray", "citations").dropna(subset=["title_english_machine"]).iloc[0]
    assert citation["title_english_machine"] == PAIRS["english"][1]


def test_a_bad_document_lands_in_errors_and_the_rest_is_processed(runs: dict) -> None:
    summary = runs["ray"]
    errors = read_table(runs["base"] / "ray", "errors")
    (record,) = errors[errors["scope"] == "record"].to_dict("records")  # issue #13: the others were kept
    assert (record["path"], record["record"], record["error"]) == ("feed.jsonl", 2, "InvalidJSON")
    errors = errors[errors["scope"] == "file"].set_index("path")
    assert set(errors.index) == BAD
    assert "unsupported file type" in errors.loc["slides.pptx", "message"]
    assert "empty" in errors.loc["empty.txt", "message"]
    assert (summary.failed_files, summary.processed_files, summary.files) == (2, 3, 5)
    assert not summary.ok
    documents = read_table(runs["base"] / "ray", "documents")
    assert sorted(documents["doc_id"]) == ["feed.jsonl#a", "feed.jsonl#b", "headlines-ar.txt", "note.md"]


def test_a_second_run_skips_done_documents_and_the_local_engine_agrees(runs: dict, tiny_model: Path,
                                                                       tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(runs["base"] / "ray", out)
    memory = runs["base"] / "tm-ray.sqlite"
    again = run_batch_ray(runs["base"] / "corpus", out, _options(tiny_model, memory))
    # the 2 bad files failed before with the same bytes: counted once, as failed (finding 14)
    assert (again.processed_files, again.unchanged_files, again.failed_files) == (0, 3, 2)
    assert again.documents == runs["ray"].documents and again.segments == runs["ray"].segments
    local = run_batch(runs["base"] / "corpus", out, _options(tiny_model, memory))  # same run state
    assert (local.processed_files, local.unchanged_files, local.failed_files) == (0, 3, 2)


def test_a_changed_document_is_redone_and_known_sentences_come_from_memory(runs: dict, tiny_model: Path,
                                                                           tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(runs["base"] / "corpus", corpus)
    shutil.copytree(runs["base"] / "ray", out)
    memory = runs["base"] / "tm-ray.sqlite"  # the memory the first Ray run filled
    (corpus / "note.md").write_text(f"# Changed\n\n{PAIRS['arabic'][2]}\n", encoding="utf-8")
    summary = run_batch_ray(corpus, out, _options(tiny_model, memory))
    assert (summary.processed_files, summary.unchanged_files, summary.failed_files) == (1, 2, 2)
    segments = read_table(out, "segments")
    note = segments[segments["doc_id"] == "note.md"]
    assert "Changed" in note["text"].iloc[0]
    row = note.iloc[-1]
    assert row["text"] == PAIRS["arabic"][2] and row["lang"] == "ar"
    assert row["from_memory"] and row["translation"] == PAIRS["english"][2]
    headlines = segments[segments["doc_id"] == "headlines-ar.txt"]
    assert not headlines["from_memory"].any()  # rows of unchanged files are kept as they were


def test_without_a_model_ray_fills_the_same_no_model_rows_as_the_local_engine(runs: dict, tmp_path: Path) -> None:
    missing = BatchOptions(model=str(tmp_path / "no-such-model"), progress=False, report=False)
    local = run_batch(runs["base"] / "corpus", tmp_path / "local", missing)
    on_ray = run_batch_ray(runs["base"] / "corpus", tmp_path / "ray", missing)
    assert on_ray.translation == local.translation and "no-such-model" in on_ray.translation
    segments = read_table(tmp_path / "ray", "segments")
    assert set(segments.loc[segments["lang"] == "ar", "translation_status"]) == {"no_model"}
    pd.testing.assert_frame_equal(_sorted(segments, "segments"),
                                  _sorted(read_table(tmp_path / "local", "segments"), "segments"))


@pytest.mark.parametrize(("cluster", "device", "actors", "expected"), [
    ({"CPU": 16, "GPU": 4}, "auto", 4, ({"num_gpus": 1, "num_cpus": 1.0}, True)),
    ({"CPU": 16, "GPU": 4}, "cuda", 2, ({"num_gpus": 1, "num_cpus": 1.0}, True)),
    ({"CPU": 16, "GPU": 4}, "cpu", 2, ({"num_cpus": 1.0}, False)),  # told to stay on CPUs
    ({"CPU": 2}, "auto", 1, ({"num_cpus": 1.0}, False)),
    ({"CPU": 2}, "cpu", 2, ({"num_cpus": 0.75}, False)),  # the analysis tasks keep half a CPU
    ({"CPU": 2}, "cpu", 3, ({"num_cpus": 0.49}, False)),  # never the analysis request: no fusion
])
def test_actors_hold_one_gpu_each_when_the_cluster_has_gpus(monkeypatch: pytest.MonkeyPatch, cluster: dict,
                                                            device: str, actors: int, expected: tuple) -> None:
    import ray

    monkeypatch.setattr(ray, "cluster_resources", lambda: cluster)
    assert ray_executor._actor_resources(BatchOptions(device=device), actors) == expected


def test_asking_for_cuda_on_a_cluster_without_gpus_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    import ray

    monkeypatch.setattr(ray, "cluster_resources", lambda: {"CPU": 8})
    with pytest.raises(EngineError, match="use --device cpu or auto"):
        ray_executor._actor_resources(BatchOptions(device="cuda"), 1)


def test_partitioned_tables_are_read_back_and_replace_a_local_single_file(tmp_path: Path) -> None:
    (tmp_path / "errors.parquet").write_bytes(b"stale")
    rows = [{"path": f"f{i}.txt", "stage": "read", "error": "InputError", "message": f"bad {i}"} for i in range(5)]
    assert write_partitioned(tmp_path, "errors", ERRORS, [rows[:3], rows[3:]], rows_per_part=2) == 5
    assert sorted(p.name for p in (tmp_path / "errors").iterdir()) == [f"part-0000{i}.parquet" for i in range(3)]
    assert not (tmp_path / "errors.parquet").exists()
    frame = read_table(tmp_path, "errors").sort_values("path")
    assert frame["message"].tolist() == [f"bad {i}" for i in range(5)] and frame["doc_id"].isna().all()
    assert len(pd.read_csv(tmp_path / "errors.csv")) == 5
    write_partitioned(tmp_path, "errors", ERRORS, [])
    assert list(read_table(tmp_path, "errors").columns) == ERRORS.names and len(read_table(tmp_path, "errors")) == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folders left


@pytest.mark.parametrize("executor", ["local", "ray"])
def test_a_file_over_the_size_limit_is_the_same_errors_row_under_either_executor(
        ray_runtime, executor: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # issue #13: the Ray executor used to read and analyze a file of any size; both now apply --max-file-mb
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    headline = PAIRS["arabic"][0]
    (corpus / "big.txt").write_text(f"{headline}\n" * 400, encoding="utf-8")  # > 0.01 MB
    (corpus / "small.txt").write_text(f"{headline}\n", encoding="utf-8")
    assert (corpus / "big.txt").stat().st_size > 0.01 * 2**20 > (corpus / "small.txt").stat().st_size
    out = tmp_path / executor
    summary = run_batch(corpus, out, translate=False, progress=False, report=False, max_file_mb=0.01,
                        executor=executor)
    errors = read_table(out, "errors")
    assert errors["path"].tolist() == ["big.txt"] and errors["stage"].tolist() == ["read"]
    assert errors["error"].tolist() == ["InputError"]
    assert "over the limit of 0.01 MB per file (raise it with --max-file-mb)" in errors["message"].iloc[0]
    size_mb = f"{(corpus / 'big.txt').stat().st_size / 2**20:.3g}"  # the file's own size, not rounded to "0.0"
    assert errors["message"].iloc[0].startswith(f"big.txt: {size_mb} MB is over")
    assert errors[["scope", "limit", "option"]].values.tolist() == [["file", "0.01 MB per file", "--max-file-mb"]]
    assert read_table(out, "documents")["doc_id"].tolist() == ["small.txt"]
    assert (summary.processed_files, summary.failed_files) == (1, 1)


def test_the_analyze_task_refuses_a_file_that_grew_over_the_limit_after_planning(tmp_path: Path) -> None:
    (tmp_path / "grew.txt").write_text("نص " * 5000, encoding="utf-8")
    out = _analyzed({"rel": ["grew.txt"], "path": [str(tmp_path / "grew.txt")]}, max_file_mb=0.01)
    assert out["analyses"] == [""] and out["sha256"] == [""]
    error = json.loads(out["error"][0])
    assert (error["stage"], error["error"]) == ("read", "InputError") and "--max-file-mb" in error["message"]
    fits = _analyzed({"rel": ["grew.txt"], "path": [str(tmp_path / "grew.txt")]}, max_file_mb=1)
    assert fits["error"] == [""] and json.loads(fits["analyses"][0])[0]["document"]["path"] == "grew.txt"


def test_the_analyze_task_turns_a_vanished_file_into_an_error_record(tmp_path: Path) -> None:
    out = _analyzed({"rel": ["gone.txt"], "path": [str(tmp_path / "gone.txt")]})
    assert out["rel"] == ["gone.txt"] and out["analyses"] == [""] and out["sha256"] == [""]
    assert '"stage": "read"' in out["error"][0] and "FileNotFoundError" in out["error"][0]


def test_the_translation_actor_serves_calls_from_another_thread_than_the_one_that_built_it(
        corpus: Path, tiny_model: Path, tmp_path: Path) -> None:
    # Ray Data builds the actor in one thread and calls it from another; SQLite connections refuse that.
    actor = TranslateRows(_options(tiny_model, tmp_path / "tm.sqlite"))
    batch = _analyzed({"rel": ["headlines-ar.txt"], "path": [str(corpus / "headlines-ar.txt")]})
    with ThreadPoolExecutor(1) as pool:
        out = pool.submit(actor, batch).result()
    assert out["translation_error"] == [""]
    segments = json.loads(out["analyses"][0])[0]["segments"]
    assert segments[0]["translation"] == PAIRS["english"][0] and not segments[0]["from_memory"]
    with ThreadPoolExecutor(1) as pool:
        again = json.loads(pool.submit(actor, batch).result()["analyses"][0])[0]["segments"]
    assert again[0]["translation"] == PAIRS["english"][0] and again[0]["from_memory"]


def test_a_worker_that_finds_another_model_than_the_driver_stops_the_job(tiny_model: Path, tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="install the same model on every node"):
        TranslateRows(_options(tiny_model, tmp_path / "tm.sqlite"), expected_model=["other", None, "marian"])


def test_the_cli_runs_the_batch_on_an_existing_ray_cluster(ray_runtime, corpus: Path,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path) -> None:
    out = tmp_path / "out"
    address = ray_runtime.get_runtime_context().gcs_address
    result = subprocess.run([sys.executable, "-m", "translator", "batch", str(corpus), "--out", str(out),
                             "--runner", "ray", "--address", address, "--no-translate", "--quiet", "--no-report"],
                            capture_output=True, text=True, timeout=300, env=dict(os.environ))
    assert result.returncode == 1, result.stderr  # the two bad files
    assert "2 failed" in result.stderr
    assert "Started a local Ray instance" not in result.stderr
    segments = read_table(out, "segments")
    assert (out / "segments").is_dir()
    assert set(segments.loc[segments["lang"] == "ar", "translation_status"]) == {"disabled"}


def test_long_files_read_part_by_part_give_the_rows_of_the_whole_file_on_ray(ray_runtime, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                              monkeypatch) -> None:
    # issue #13: the Ray case of tests/corpus/test_long_text.py's test of the same name (here, with the other
    # Ray tests, so that under pytest-xdist one worker starts Ray once)
    from tests.corpus.test_long_text import check_long_files_read_part_by_part

    check_long_files_read_part_by_part(tmp_path, monkeypatch, "ray")


def test_a_failed_start_leaves_none_of_its_processes_running(monkeypatch: pytest.MonkeyPatch) -> None:
    # A node that times out while starting leaves its head processes (GCS server, dashboard, monitors) running
    # until the driver exits: each try added a set, and the machine, already too busy, got busier. The stand-in
    # for ray.init starts a process running from Ray's package folder, as Ray's own do, and fails but on its
    # third call.
    import ray

    from translator.corpus.executors.ray import start_ray

    package = os.path.dirname(ray.__file__)
    started: list[subprocess.Popen] = []

    def init(**kwargs) -> None:  # type: ignore[no-untyped-def]
        started.append(subprocess.Popen([sys.executable, "-c", "import sys, time; time.sleep(120)", package]))
        if len(started) != 3:
            raise Exception("The current node timed out during startup.")  # Ray's own words and type

    monkeypatch.setattr(ray, "init", init)
    monkeypatch.setattr(ray, "is_initialized", lambda: False)  # the session's runtime, if up, is left alone
    try:
        start_ray(address="local", attempts=3)
        assert [p.poll() is not None for p in started] == [True, True, False]  # the started node is kept
        with pytest.raises(EngineError, match="could not start or reach a local Ray runtime"):
            start_ray(address="local", attempts=1)  # the last try's processes go too
        assert len(started) == 4 and started[3].poll() is not None
    finally:
        for process in started:
            process.kill()
            process.wait()


def test_the_core_package_does_not_import_ray() -> None:
    code = ("import sys, translator, translator.cli, translator.corpus.run, translator.corpus.executors.ray\n"
            "print('ray' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "False", result.stderr


_STALL = "تمهلتمهل"  # a made-up Arabic word


class _StallingGlossary:
    """A glossary that matches nothing, and never returns on a text holding ``_STALL``: a stand-in for input
    that takes for ever to analyse (no real input is known to on every machine). Ray's workers are other
    processes, which a monkeypatch does not reach: this object reaches them as the batch's glossary does."""

    version = "stalling"
    gazetteer_version = None
    problems = ()

    def match(self, text: str) -> list:
        while _STALL in text:
            sum(range(1000))  # short calls, as real analysis is made of: the budget stops it between two
        return []


@pytest.mark.parametrize("executor", ["local", "ray"])
def test_a_file_over_the_time_budget_is_the_same_errors_row_under_either_executor(
        request, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, executor: str) -> None:
    # issue #13: --max-file-seconds held for the local executor only; a Ray task now has the same budget
    from ray import cloudpickle

    from translator.corpus import long_text
    from translator.corpus import run as run_module

    if executor == "ray":
        request.getfixturevalue("ray_runtime")
    monkeypatch.setattr(run_module, "load_glossary", lambda options: _StallingGlossary())
    monkeypatch.setattr(long_text, "LONG_FILE_BYTES", 4_000)  # the driver hands its threshold to the tasks
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    headline = PAIRS["arabic"][0]
    (corpus / "a.txt").write_text(f"{headline}\n", encoding="utf-8")
    (corpus / "b.txt").write_text(f"{headline}\n{_STALL} {headline}\n", encoding="utf-8")
    (corpus / "c-long.txt").write_text(f"{headline}\n" * 60 + f"{_STALL} {headline}\n", encoding="utf-8")  # parts
    (corpus / "d.txt").write_text(f"{PAIRS['arabic'][1]}\n", encoding="utf-8")
    assert (corpus / "c-long.txt").stat().st_size > 4_000 > (corpus / "b.txt").stat().st_size
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the stand-in travels by value to the workers
    try:
        summary = run_batch(corpus, tmp_path / "out", translate=False, progress=False, report=False,
                            max_file_seconds=3, executor=executor)
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    errors = {e["path"]: e for e in summary.errors}
    assert sorted(errors) == ["b.txt", "c-long.txt"]
    for path, error in errors.items():
        assert error["error"] == "FileTimeLimitError" and "--max-file-seconds" in error["message"], error
        assert error["message"].startswith(path) and "took over 3 s" in error["message"]
    assert sorted(read_table(tmp_path / "out", "documents")["doc_id"]) == ["a.txt", "d.txt"]
    assert summary.processed_files == 2 and summary.failed_files == 2

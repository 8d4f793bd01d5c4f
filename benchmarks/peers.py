"""EasyNMT and Argos Translate on the benchmark's model, each in its own process (mt_throughput.py --peers).

Neither is a dependency of the project, and they cannot share its environment: EasyNMT 2.0.2 requires
``transformers<5`` (the project runs transformers 5), Argos Translate 1.11 pulls spaCy, Stanza and ONNX
Runtime. Each is installed, without touching the project's environment, into its own folder::

    pip install --no-deps --target benchmarks/.cache/peers/easynmt EasyNMT==2.0.2 transformers==4.57.6 \\
        tokenizers==0.22.2 huggingface_hub==0.36.2 nltk==3.10.4 joblib==1.6.0
    pip install --no-deps --target benchmarks/.cache/peers/argos argostranslate==1.11.0 minisbd==0.9.5 \\
        stanza==1.10.1 spacy==3.8.18 spacy-legacy==3.0.12 spacy-loggers==1.0.5 thinc==8.3.14 blis==1.3.4 \\
        catalogue==2.0.10 cloudpathlib==0.26.0 cloudpickle==3.1.3 confection==1.3.4 cymem==2.0.16 \\
        emoji==2.16.0 flatbuffers==25.12.19 joblib==1.6.0 murmurhash==1.0.16 onnxruntime==1.32.0 \\
        preshed==3.0.15 sacremoses==0.1.1 smart_open==9.0.2 srsly==2.5.6 wasabi==1.1.3 weasel==1.0.1 wrapt==2.5.2

(the versions pip resolves for them beside the project's torch 2.13.0+cpu, numpy, sentencepiece and
CTranslate2, which they take from the project's environment). Their models cannot be downloaded here, so both
run the benchmark's random-weight model of opus-mt-ar-en's shape, packaged as each expects:

- **EasyNMT**: a local model folder (the Hugging Face files plus ``easynmt.json`` naming EasyNMT's own
  ``AutoModel`` class with ``model_name: "."``), loaded with ``EasyNMT(folder)``; ``translate(segments,
  source_lang="ar", target_lang="en", batch_size=B, beam_size=K, min_length=, max_length=)`` (EasyNMT passes
  the last two to ``generate``), its sentence splitting on (for Arabic a regular expression).
- **Argos Translate**: a package folder (``metadata.json``, ``model/`` = the int8 CTranslate2 conversion,
  ``sentencepiece.model`` = the source sentencepiece model, ``spacy/`` = a blank spaCy pipeline, to which
  Argos adds spaCy's rule-based sentencizer: Argos's own sentence models are downloads), with
  ``ARGOS_CHUNK_TYPE=SPACY``, ``ARGOS_DEVICE_TYPE=cpu``, ``ARGOS_COMPUTE_TYPE=int8``, the benchmark's thread
  settings (``ARGOS_INTER_THREADS``/``ARGOS_INTRA_THREADS``), ``ARGOS_BEAM_SIZE`` and ``ARGOS_BATCH_SIZE``
  (Argos batches by *tokens*: the benchmark's batch of B segments is B times the longest segment's tokens).
  The segments go to ``translate()`` as one paragraph (Argos splits it into its sentences and decodes them
  in one ``translate_batch``); the only change to Argos is the decoding length: its ``translate_batch`` call
  is given ``min/max_decoding_length`` of the benchmark's target tokens, as every other configuration is
  (Argos exposes no length option). Argos caches the last text it translated: emptied before each round.

A worker loads once, translates the warm-up segments, then answers each ``run`` line on stdin with one JSON
line: wall seconds, CPU seconds of its process, and how many segments went to the model.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEERS = HERE / ".cache" / "peers"


def available(name: str) -> str | None:
    """None when the peer ``name`` is installed in its folder, else why it cannot run."""
    package = {"easynmt": "easynmt", "argos": "argostranslate"}[name]
    if not (PEERS / name / package).is_dir():
        return f"{name} is not installed in {PEERS / name} (see benchmarks/peers.py for the command)"
    return None


def easynmt_folder(hf: Path, dest: Path) -> Path:
    """An EasyNMT model folder for the Hugging Face model ``hf`` (links to its files + easynmt.json)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for item in hf.iterdir():
        (dest / item.name).symlink_to(item.resolve())
    (dest / "easynmt.json").write_text(json.dumps({
        "model_class": "easynmt.models.AutoModel.AutoModel", "model_args": {"model_name": "."},
        "lang_pairs": ["ar-en"]}), encoding="utf-8")
    return dest


def argos_package(ct2: Path, dest: Path) -> Path:
    """An Argos Translate package folder for the CTranslate2 model ``ct2`` (its spaCy part is made by the worker,
    which has spaCy)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    (dest / "model").symlink_to(ct2.resolve())
    shutil.copyfile(ct2 / "source.spm", dest / "sentencepiece.model")
    (dest / "metadata.json").write_text(json.dumps({
        "package_version": "1.0", "argos_version": "1.11", "from_code": "ar", "from_name": "Arabic",
        "to_code": "en", "to_name": "English", "type": "translate"}), encoding="utf-8")
    return dest


def start(name: str, model: Path, segments_file: Path, *, threads: int, inter: int, intra: int, beam: int,
          batch: int, out_tokens: int, batch_tokens: int):  # type: ignore[no-untyped-def]
    """The worker process for peer ``name`` (a ``subprocess.Popen`` with pipes), loaded and warmed up."""
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(PEERS / name), "TOKENIZERS_PARALLELISM": "false",
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "OMP_NUM_THREADS": str(threads)}
    if name == "argos":
        home = PEERS / "argos-home"
        env.update({"XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
                    "XDG_CACHE_HOME": str(home / "cache"), "ARGOS_PACKAGES_DIR": str(home / "packages"),
                    "ARGOS_CHUNK_TYPE": "SPACY", "ARGOS_DEVICE_TYPE": "cpu", "ARGOS_COMPUTE_TYPE": "int8",
                    "ARGOS_INTER_THREADS": str(inter), "ARGOS_INTRA_THREADS": str(intra),
                    "ARGOS_BEAM_SIZE": str(beam), "ARGOS_BATCH_SIZE": str(batch_tokens)})
    command = [sys.executable, "-P", str(Path(__file__).resolve()), "worker", name, str(model), str(segments_file),
               str(threads), str(beam), str(batch), str(out_tokens)]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    ready = process.stdout.readline()  # type: ignore[union-attr]
    if not ready.startswith("{"):
        process.kill()
        raise RuntimeError(f"{name} worker failed to start (exit {process.wait()})")
    return process, json.loads(ready)


def ask(process) -> dict:  # type: ignore[no-untyped-def]
    """One timed translation of the segments by a started worker."""
    process.stdin.write("run\n")
    process.stdin.flush()
    line = process.stdout.readline()
    if not line:
        raise RuntimeError(f"peer worker died (exit {process.wait()})")
    return json.loads(line)


def _worker(name: str, model: Path, segments_file: Path, threads: int, beam: int, batch: int,
            out_tokens: int) -> None:
    import torch

    segments = json.loads(segments_file.read_text(encoding="utf-8"))
    warm = segments["warm"]
    segments = segments["segments"]
    torch.set_num_threads(threads)
    info: dict = {"peer": name, "segments": len(segments)}
    if name == "easynmt":
        import transformers
        from easynmt import EasyNMT

        info["versions"] = {"transformers": transformers.__version__}
        nmt = EasyNMT(str(model), device="cpu")

        def run(texts: list[str]) -> None:
            nmt.translate(texts, source_lang="ar", target_lang="en", batch_size=batch, beam_size=beam,
                          min_length=out_tokens + 1, max_length=out_tokens + 1)  # + the decoder start token

        def count(texts: list[str]) -> int:  # the sentences EasyNMT sends to the model
            return sum(len(nmt.sentence_splitting(t.strip(), "ar")) for t in texts)
    else:
        import argostranslate.translate as argos
        import ctranslate2
        import spacy
        from argostranslate import package as argos_package_module

        blank = model / "spacy"
        if not blank.exists():
            spacy.blank("xx").to_disk(blank)
        real = ctranslate2.Translator

        class FixedLength:  # Argos passes no decoding length: give it the benchmark's, nothing else changed
            def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
                self._translator = real(*args, **kwargs)

            def translate_batch(self, *args, **kwargs):  # type: ignore[no-untyped-def]
                kwargs.update(min_decoding_length=out_tokens, max_decoding_length=out_tokens)
                return self._translator.translate_batch(*args, **kwargs)

        class Shim:
            Translator = FixedLength

        argos.ctranslate2 = Shim  # type: ignore[assignment]
        pkg = argos_package_module.Package(model)
        translation = argos.PackageTranslation(argos.Language("ar", "Arabic"), argos.Language("en", "English"),
                                               pkg)
        cached = argos.CachedTranslation(translation)
        info["versions"] = {"argostranslate": "1.11.0", "spacy": spacy.__version__}

        def run(texts: list[str]) -> None:
            cached.cache = {}  # a fresh cache each round, as the full path gets a fresh translation memory
            cached.translate(" ".join(texts))

        def count(texts: list[str]) -> int:  # the sentences Argos sends to the model
            return len(translation.sentencizer.split_sentences(" ".join(texts)))

    run(warm)
    info["sentences"] = count(segments)  # equal work: one sentence per segment
    print(json.dumps(info), flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            break
        started, cpu = time.perf_counter(), time.process_time()
        run(segments)
        print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu}), flush=True)


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    _worker(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), *map(int, sys.argv[5:9]))

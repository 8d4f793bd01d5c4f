"""Machine-translation throughput: a naive notebook loop vs our engines, on an opus-mt-ar-en-sized model.

    python benchmarks/mt_throughput.py --quick      # < 3 minutes on 2 cores; last line is JSON

The model has exactly the architecture of Helsinki-NLP/opus-mt-ar-en (6+6 layers, d_model 512, 8 heads,
FFN 2048, 62,834-entry vocabulary) with random weights, and real sentencepiece models trained on the project's
Arabic/English pairs. Every configuration generates exactly ``--out-tokens`` target tokens per segment, greedy,
so all do the same work:

1. naive: what a notebook user writes with transformers 5 (the ``translation`` pipeline task was removed
   in v5): tokenizer + ``model.generate`` on one segment at a time;
2. hf_batched: our transformers engine, length-sorted batches;
3. ct2: ``ctranslate2.Translator.translate_batch`` called directly, int8;
4. full: our ``Translator`` on the CTranslate2 engine (normalization, segmentation, guard checks, translation
   memory, glossary enforcer when one is installed), i.e. what ``translator translate`` runs.

Then the full path again over the same input (translation memory: nothing to translate) and, without
``--quick``, the full path at 100, 1,000 and 10,000 segments to show that time grows linearly.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translator.mt import GuardConfig, TranslationMemory, Translator  # noqa: E402
from translator.testing.tiny import OPUS_MT_AR_EN, build_opus_like, fingerprint, read_pairs  # noqa: E402

DATA = sorted((ROOT / "tests" / "data").glob("parallel_*.tsv"))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def make_segments(n: int, seed: int = 0) -> list[str]:
    """``n`` distinct Arabic segments of news-sentence length (2-3 headlines joined as one sentence)."""
    arabic = [ar for ar, _ in read_pairs(DATA) if not re.search("[A-Za-z]", ar)]  # no test placeholders
    rng, seen, out = random.Random(seed), set(), []
    while len(out) < n:
        parts = rng.sample(arabic, rng.choice((2, 3)))
        segment = "، و".join(parts) + "."
        if segment not in seen:
            seen.add(segment)
            out.append(segment)
    return out


def build_models(cache: Path) -> tuple[Path, Path]:
    """The opus-sized random model (HF folder) and its int8 CTranslate2 conversion, cached under ``cache``."""
    from translator.mt.models import convert_folder, inspect_folder

    key = fingerprint(DATA, arch=OPUS_MT_AR_EN)
    hf, ct2 = cache / f"opus-like-{key}", cache / f"opus-like-{key}-ct2-int8"
    if not (hf / "model.safetensors").is_file():
        for stale in cache.glob("opus-like-*"):  # ~400 MB each: keep only the current build
            shutil.rmtree(stale, ignore_errors=True)
        texts = [t for pair in read_pairs(DATA) for t in pair]
        started = time.monotonic()
        build_opus_like(hf, texts)
        print(f"built random opus-mt-ar-en-sized model in {time.monotonic() - started:.1f}s", file=sys.stderr)
    if not (ct2 / "model.bin").is_file():
        started = time.monotonic()
        convert_folder(inspect_folder(hf, model_id="opus-like"), ct2, "int8")
        print(f"converted to CTranslate2 int8 in {time.monotonic() - started:.1f}s", file=sys.stderr)
    return hf, ct2


def timed(label: str, run: Callable[[], int], n: int) -> dict[str, Any]:
    started = time.perf_counter()
    tokens = run()
    seconds = time.perf_counter() - started
    row = {"config": label, "segments": n, "seconds": round(seconds, 3), "sps": round(n / seconds, 2),
           "target_tokens_per_s": round(tokens / seconds, 1), "rss_mb_so_far": round(peak_rss_mb())}
    print(f"  {label:<12} {n:>6} segments {seconds:8.2f}s {row['sps']:8.2f} seg/s "
          f"{row['target_tokens_per_s']:9.1f} tok/s", file=sys.stderr)
    return row


def naive(hf: Path, segments: list[str], out_tokens: int) -> int:
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    from translator.mt.marian import quiet_transformers

    with quiet_transformers():  # silence load-time chatter only; generate() runs as a notebook would
        tokenizer, model = MarianTokenizer.from_pretrained(hf), MarianMTModel.from_pretrained(hf).eval()
    produced = 0
    for segment in segments:  # one at a time, as in most notebooks
        inputs = tokenizer([segment], return_tensors="pt")
        with torch.inference_mode():
            out = model.generate(**inputs, num_beams=1, do_sample=False, min_new_tokens=out_tokens,
                                 max_new_tokens=out_tokens)
        tokenizer.decode(out[0], skip_special_tokens=True)
        produced += out.shape[1] - 1
    return produced


def hf_batched(engine: Any, segments: list[str], out_tokens: int, batch: int) -> int:
    order = sorted(segments, key=len, reverse=True)
    produced = 0
    for i in range(0, len(order), batch):
        for [hyp] in engine.translate_batch(order[i:i + batch], min_length=out_tokens, max_length=out_tokens):
            produced += len(hyp.tokens)
    return produced


def ct2_direct(ct2: Path, segments: list[str], out_tokens: int, batch: int, threads: int) -> int:
    import ctranslate2
    import sentencepiece as spm

    translator = ctranslate2.Translator(str(ct2), device="cpu", compute_type="int8", intra_threads=threads)
    source = spm.SentencePieceProcessor(model_file=str(ct2 / "source.spm"))
    target = spm.SentencePieceProcessor(model_file=str(ct2 / "target.spm"))
    tokens = [[*pieces, "</s>"] for pieces in source.encode(segments, out_type=str)]
    results = translator.translate_batch(tokens, max_batch_size=batch, beam_size=1, max_input_length=0,
                                         min_decoding_length=out_tokens, max_decoding_length=out_tokens)
    [target.decode(r.hypotheses[0]) for r in results]
    return sum(len(r.hypotheses[0]) for r in results)


def glossary_enforcer() -> tuple[Any, str]:
    """The project's glossary enforcer with the shipped glossary: term matching and verification.

    Repairs are off: a random-weight model never renders a term, so every segment would go through the
    repair loop, which with a real model runs only for the few segments that miss a term.
    """
    try:
        from translator.glossary import Glossary
        from translator.glossary.enforce import TermEnforcer
    except ImportError as error:
        return None, f"off ({error})"
    return TermEnforcer(Glossary.load(), strategies=()), "on (match + verify; repairs off)"


def full_path(translator: Translator, segments: list[str], out_tokens: int) -> int:
    results = translator.translate(segments)
    failed = [r for r in results if r.status == "failed"]
    if failed:
        raise SystemExit(f"full path failed: {failed[0].error}")
    fresh = sum(not r.from_memory for r in results)
    return fresh * out_tokens  # every fresh segment generated exactly out_tokens tokens


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts, finishes in under 3 minutes")
    parser.add_argument("--segments", type=int, help="segments for configurations 3 and 4")
    parser.add_argument("--hf-segments", type=int, help="segments for configuration 2 (transformers, batched)")
    parser.add_argument("--naive-segments", type=int, help="segments for the naive loop")
    parser.add_argument("--out-tokens", type=int, default=32, help="target tokens generated per segment")
    parser.add_argument("--batch", type=int, default=32, help="segments per batch (2 and 3)")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cache", type=Path, default=ROOT / "benchmarks" / ".cache")
    args = parser.parse_args(argv)
    # Segments per configuration differ (the slow ones get fewer); rates are per segment, so they compare.
    n = args.segments or (256 if args.quick else 1000)
    n_hf = args.hf_segments or (32 if args.quick else 128)
    n_naive = args.naive_segments or (6 if args.quick else 20)
    out_tokens = args.out_tokens

    import torch

    torch.set_num_threads(args.threads)
    hf, ct2 = build_models(args.cache)
    segments = make_segments(max(n, n_hf, n_naive))
    from translator.mt.ct2 import CT2Engine
    from translator.mt.marian import MarianEngine
    from translator.mt.models import inspect_folder

    print(f"{args.threads} threads, {out_tokens} target tokens per segment, "
          f"~{sum(len(s.split()) for s in segments[:n]) / n:.0f} words per segment", file=sys.stderr)
    rows = [timed("naive", lambda: naive(hf, segments[:n_naive], out_tokens), n_naive)]
    hf_engine = MarianEngine(inspect_folder(hf, model_id="opus-like"), threads=args.threads)
    rows.append(timed("hf_batched", lambda: hf_batched(hf_engine, segments[:n_hf], out_tokens, args.batch), n_hf))
    rows.append(timed("ct2", lambda: ct2_direct(ct2, segments[:n], out_tokens, args.batch, args.threads), n))

    engine = CT2Engine(inspect_folder(ct2, model_id="opus-like"), threads=args.threads)
    enforcer, glossary_state = glossary_enforcer()
    options = {"min_length": out_tokens, "max_length": out_tokens}
    # Guard checks run; retries are off because a random-weight model's output is degenerate by construction
    # (with a real model only flagged segments are retried).
    guard = GuardConfig(retry=False)
    with tempfile.TemporaryDirectory() as tmp:
        def translator(name: str) -> Translator:
            return Translator(engine, TranslationMemory(Path(tmp) / f"{name}.sqlite"), enforcer,
                              options=options, guard=guard, max_batch_size=args.batch)

        full = translator("full")
        rows.append(timed("full", lambda: full_path(full, segments[:n], out_tokens), n))
        rerun = timed("full_rerun", lambda: full_path(full, segments[:n], out_tokens), n)
        scaling = []
        if not args.quick:
            for size in (100, 1000, 10000):
                more = make_segments(size, seed=size)
                r = timed(f"full@{size}", lambda more=more, size=size: full_path(
                    translator(f"s{size}"), more, out_tokens), size)
                scaling.append({"segments": size, "seconds": r["seconds"],
                                "ms_per_segment": round(1000 * r["seconds"] / size, 2)})

    by = {r["config"]: r for r in rows}
    summary = {
        "model": "random weights, Helsinki-NLP/opus-mt-ar-en architecture",
        "threads": args.threads, "out_tokens": out_tokens, "glossary": glossary_state,
        "full_over_naive": round(by["full"]["sps"] / by["naive"]["sps"], 2),
        "full_over_ct2": round(by["full"]["sps"] / by["ct2"]["sps"], 3),
        "rerun_seconds": rerun["seconds"], "scaling": scaling, "rows": rows,
    }
    print(json.dumps(summary), file=sys.stderr)
    print(json.dumps({"naive_sps": by["naive"]["sps"], "hf_batched_sps": by["hf_batched"]["sps"],
                      "ct2_sps": by["ct2"]["sps"], "full_sps": by["full"]["sps"],
                      "peak_rss_mb": round(peak_rss_mb(), 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

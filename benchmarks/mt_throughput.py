"""Machine-translation speed as ratios measured in one run: our full path vs raw CTranslate2 vs batched HF.

    python benchmarks/mt_throughput.py --quick                 # main comparison, small; last line is JSON
    python benchmarks/mt_throughput.py --mode threads --quick  # 1 vs 2 CPU threads (inter vs intra)
    python benchmarks/mt_throughput.py --mode vmap --quick     # vocabulary shortlist on vs off
    python benchmarks/mt_throughput.py --no-hf --tiny --segments 16 --rounds 20   # the tiny test model

The model has exactly the architecture of Helsinki-NLP/opus-mt-ar-en (6+6 layers, d_model 512, 8 heads,
FFN 2048, 62,834-entry vocabulary) with random weights, and real sentencepiece models trained on the project's
Arabic/English pairs. Every configuration decodes the same segments (greedily; ``--beam N`` for beam search in
mode ``main``) and generates exactly ``--out-tokens`` target tokens per segment, so all do the same work.
Configurations run in interleaved rounds (round r runs each once, in a rotated order), and ratios are taken
within each round, so a change of machine load between configurations affects the ratios much less than the
bare rates; the median round's ratio is reported with the lowest and highest. The CPU model, threads and
load average are printed at start and end (benchmarks/machine.py): bare rates from a loaded machine are not
comparable across machines.

Configurations (mode ``main``):

- hf_batched: the fair transformers baseline: ``MarianTokenizer`` + ``MarianMTModel.generate`` on
  length-sorted batches of ``--batch`` (transformers 5 removed the ``translation`` pipeline task, so batched
  ``generate`` is what a pipeline ran);
- ct2: ``ctranslate2.Translator.translate_batch`` called directly, int8, batches of ``--batch``;
- full: our ``Translator`` on ``CT2Engine`` (normalization, segmentation, token-budget batching, guard
  checks, SQLite translation memory fresh each round, glossary enforcer matching + verification);
- naive (separately, fewer segments, not interleaved): tokenizer + ``generate`` one segment at a time.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from translator.glossary.remembered import forget_matches  # noqa: E402
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


def tiny_models() -> tuple[Path, Path]:
    """The tiny model the test suite trains and converts (``tests/.cache/tiny-marian-*``, HF and int8 CT2)."""
    found = sorted(p for p in (ROOT / "tests" / ".cache").glob("tiny-marian-*-ct2-int8") if (p / "model.bin").is_file())
    if not found:
        raise SystemExit("no tiny model: run the test suite once (it builds tests/.cache/tiny-marian-*)")
    ct2 = found[-1]
    return ct2.with_name(ct2.name[:-len("-ct2-int8")]), ct2


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


def hf_loaded(hf: Path) -> tuple[Any, Any]:
    from transformers import MarianMTModel, MarianTokenizer

    from translator.mt.marian import quiet_transformers

    with quiet_transformers():
        return MarianTokenizer.from_pretrained(hf), MarianMTModel.from_pretrained(hf).eval()


def hf_generate_batched(loaded: tuple[Any, Any], segments: list[str], out_tokens: int, batch: int,
                        beam: int = 1) -> int:
    """The batched transformers baseline: tokenizer + generate on length-sorted batches."""
    import torch

    tokenizer, model = loaded
    order = sorted(segments, key=len, reverse=True)
    produced = 0
    for i in range(0, len(order), batch):
        inputs = tokenizer(order[i:i + batch], return_tensors="pt", padding=True)
        with torch.inference_mode():
            # max_length/min_length count the decoder start token; max_new_tokens beside the model's own
            # max_length (512) ran 1.7-1.9x slower here (transformers 5.24), so the baseline uses the fast form
            out = model.generate(**inputs, num_beams=beam, do_sample=False, min_length=out_tokens + 1,
                                 max_length=out_tokens + 1)
        tokenizer.batch_decode(out, skip_special_tokens=True)
        produced += (out.shape[1] - 1) * out.shape[0]
    return produced


def ct2_raw(translator: Any, spms: tuple[Any, Any], segments: list[str], out_tokens: int, batch: int,
            use_vmap: bool = False, beam: int = 1) -> int:
    source, target = spms
    tokens = [[*pieces, "</s>"] for pieces in source.encode(segments, out_type=str)]
    results = translator.translate_batch(tokens, max_batch_size=batch, beam_size=beam, max_input_length=0,
                                         min_decoding_length=out_tokens, max_decoding_length=out_tokens,
                                         use_vmap=use_vmap)
    [target.decode(r.hypotheses[0]) for r in results]
    return sum(len(r.hypotheses[0]) for r in results)


def rounds(configs: dict[str, Callable[[int, list[str]], Any]], segments: list[str],
           count: int) -> dict[str, list[float]]:
    """Run every configuration once per round, in a rotated order; seconds per configuration per round.

    Each configuration first runs once, untimed, on 8 other segments (first-call costs: allocators, caches).
    """
    names = list(configs)
    n = len(segments)
    warm = make_segments(8, seed=99)
    for name in names:
        configs[name](-1, warm)
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(count):
        done: set[str] = set()
        order = names[r % len(names):] + names[:r % len(names)]
        if ABBA:  # each configuration twice per round, mirrored (A B B A): a load that drifts within the round
            order = order + order[::-1]  # weighs on every configuration alike
        for name in order:
            started, cpu = time.perf_counter(), time.process_time()
            reported = configs[name](r, segments)
            seconds, used = time.perf_counter() - started, time.process_time() - cpu
            if isinstance(reported, dict):  # a peer in its own process times itself (benchmarks/peers.py)
                seconds, used = reported["seconds"], reported["cpu"]
            if ABBA and name in done:
                times[name][-1] += seconds
                CPU_SECONDS[name][-1] += used
            else:
                times[name].append(seconds)
                CPU_SECONDS.setdefault(name, []).append(used)
            done.add(name)
            print(f"  round {r + 1} {name:<16} {n:>5} segments {seconds:8.2f}s {n / seconds:8.2f} seg/s  "
                  f"load {[round(x, 1) for x in os.getloadavg()]}", file=sys.stderr)
    return times


ABBA = False  # --abba: see rounds()
RUNS = itertools.count()
CPU_SECONDS: dict[str, list[float]] = {}  # process CPU time (all threads) per configuration per round, by rounds()


def vmap_engine(ct2: Path, info: Any, threads: int) -> Any:
    """Our engine with the vocabulary shortlist on (the map built as in mode ``vmap``)."""
    from translator.mt.ct2 import CT2Engine
    from translator.mt.vmap import build_vmap, install_vmap

    try:
        from translator.glossary import Glossary
        targets = [t for e in Glossary.load() for t in e.targets]
    except ImportError:
        targets = []
    install_vmap(build_vmap(read_pairs(DATA), ct2 / "source.spm", ct2 / "target.spm", glossary_targets=targets), ct2)
    return CT2Engine(info, threads=threads, use_vmap=True)


def start_peers(args: Any, hf: Path, ct2: Path, segments: list[str], engine: Any, tmp: Path,
                summary: dict[str, Any]) -> dict[str, Any]:
    """Started, warmed-up worker processes of the peers asked for (benchmarks/peers.py), at our settings."""
    workers: dict[str, Any] = {}
    names = [n.strip() for n in args.peers.split(",") if n.strip()]
    if not names:
        return workers
    listed = tmp / "peer-segments.json"
    listed.write_text(json.dumps({"segments": segments, "warm": make_segments(8, seed=99)}, ensure_ascii=False),
                      encoding="utf-8")
    longest = max(engine.count_tokens(segments))
    for name in names:
        missing = peers.available(name)
        if missing:
            summary[f"{name}_skipped"] = missing
            print(f"  {name}: skipped ({missing})", file=sys.stderr)
            continue
        model = peers.easynmt_folder(hf, tmp / "easynmt-model") if name == "easynmt" \
            else peers.argos_package(ct2, tmp / "argos-package")
        process, info = peers.start(name, model, listed, threads=args.threads, inter=engine.inter_threads,
                                    intra=engine.intra_threads, beam=args.beam, batch=args.batch,
                                    out_tokens=args.out_tokens, batch_tokens=args.batch * longest)
        if info["sentences"] != len(segments):
            raise SystemExit(f"{name} splits the {len(segments)} segments into {info['sentences']} sentences: "
                             "not the same work")
        summary[f"{name}_info"] = info
        workers[name] = process
    return workers


def ratio(times: dict[str, list[float]], faster: str, slower: str) -> dict[str, float]:
    """How many times faster ``faster`` ran than ``slower``, per round: median, lowest, highest."""
    rounds_ = [s / f for f, s in zip(times[faster], times[slower], strict=True)]
    per_round = sorted(rounds_)
    return {"median": round(statistics.median(per_round), 3), "min": round(per_round[0], 3),
            "max": round(per_round[-1], 3), "rounds": [round(x, 3) for x in rounds_]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("main", "threads", "vmap"), default="main")
    parser.add_argument("--quick", action="store_true", help="small counts (minutes on a quiet 2-core machine)")
    parser.add_argument("--segments", type=int, help="segments every interleaved configuration translates")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default 3, 5 without --quick)")
    parser.add_argument("--naive-segments", type=int, help="segments for the one-at-a-time loop (main mode)")
    parser.add_argument("--out-tokens", type=int, default=32, help="target tokens generated per segment")
    parser.add_argument("--batch", type=int, default=32, help="segments per batch")
    parser.add_argument("--beam", type=int, default=1, help="beam size of every configuration (mode main)")
    parser.add_argument("--no-hf", action="store_true",
                        help="mode main: full path vs raw CTranslate2 only (no transformers runs)")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--peers", default="",
                        help="mode main: also these peers, comma-separated (easynmt, argos), each in its own process "
                             "at the same settings (benchmarks/peers.py)")
    parser.add_argument("--abba", action="store_true",
                        help="run each configuration twice per round in mirrored order (A B B A) and time the pair")
    parser.add_argument("--vmap", action="store_true",
                        help="mode main: also the full path with the vocabulary shortlist on (full_vmap)")
    parser.add_argument("--analysed", action="store_true",
                        help="the full path as a batch runs it: the corpus analysis has matched each segment's "
                             "glossary terms before (untimed), which the enforcer reuses; by default it matches them")
    parser.add_argument("--one-memory", action="store_true",
                        help="the full path as a batch runs it: one translation memory and MT cache file opened once "
                             "for the run (each call still misses the cache: a new glossary version in its keys); "
                             "by default each call makes new files, which costs a file creation per call")
    parser.add_argument("--scaling", action="store_true", help="also the full path at 100/1,000/10,000 segments")
    parser.add_argument("--cache", type=Path, default=ROOT / "benchmarks" / ".cache")
    parser.add_argument("--tiny", action="store_true",
                        help="the test suite's tiny trained model (tests/.cache) instead of the opus-sized one: what "
                             "the full path costs around an engine that decodes almost for free (use with --no-hf)")
    args = parser.parse_args(argv)
    global ABBA
    ABBA = args.abba
    n = args.segments or (64 if args.quick else 256)
    n_rounds = args.rounds or (3 if args.quick else 5)
    n_naive = args.naive_segments or (4 if args.quick else 16)
    out_tokens = args.out_tokens

    import ctranslate2
    import sentencepiece as spm
    import torch

    from translator.mt.ct2 import CT2Engine
    from translator.mt.models import inspect_folder

    torch.set_num_threads(args.threads)
    hf, ct2 = tiny_models() if args.tiny else build_models(args.cache)
    segments = make_segments(n)
    spms = (spm.SentencePieceProcessor(model_file=str(ct2 / "source.spm")),
            spm.SentencePieceProcessor(model_file=str(ct2 / "target.spm")))
    info = inspect_folder(ct2, model_id="tiny" if args.tiny else "opus-like")
    print(f"mode {args.mode}: {n} segments x {n_rounds} rounds, {args.threads} threads, {out_tokens} target "
          f"tokens per segment, ~{sum(len(s.split()) for s in segments) / n:.0f} words per segment",
          file=sys.stderr)
    options = {"min_length": out_tokens, "max_length": out_tokens, "beam_size": args.beam}
    # Guard checks run; retries are off because a random-weight model's output is degenerate by construction
    # (with a real model only flagged segments are retried).
    guard = GuardConfig(retry=False)
    enforcer, glossary_state = glossary_enforcer()
    summary: dict[str, Any] = {"mode": args.mode, "model": "tiny trained test model (tests/.cache)" if args.tiny
                               else "random weights, opus-mt-ar-en architecture",
                               "segments": n, "rounds": n_rounds, "threads": args.threads,
                               "out_tokens": out_tokens, "beam": args.beam, "glossary": glossary_state,
                               "glossary_matches": "reused from the analysis" if args.analysed else "matched afresh"}
    memories: dict[str, TranslationMemory] = {}  # --one-memory: one per configuration, kept across rounds
    summary["memory"] = ("one memory and MT cache file for the run (as a batch), fresh keys each call"
                         if args.one_memory else "a new memory and MT cache file each call")
    with tempfile.TemporaryDirectory() as tmp:
        def full(engine: Any, name: str) -> Callable[[int, list[str]], Any]:
            def run(r: int, segs: list[str]) -> Any:
                fresh = next(RUNS)  # a new translation memory for every run (two per round with --abba)
                forget_matches()  # every round translates the same segments: no glossary match from an earlier one
                if args.analysed and enforcer is not None:  # what a batch's analysis matched before (untimed)
                    for segment in segs:
                        enforcer.glossary.match(segment)
                started, cpu = time.perf_counter(), time.process_time()
                if args.one_memory:  # as a batch: one memory and MT cache file for the run, new keys each time
                    if name not in memories:  # the first call opens it, as a batch's first call does
                        memories[name] = TranslationMemory(Path(tmp) / f"{name}-run.sqlite")
                    memory = memories[name]
                    translator = Translator(engine, memory, enforcer, options=options, guard=guard,
                                            max_batch_size=args.batch, glossary_version=f"run {fresh}")
                else:
                    translator = Translator(engine, TranslationMemory(Path(tmp) / f"{name}-{r}-{fresh}.sqlite"),
                                            enforcer, options=options, guard=guard, max_batch_size=args.batch)
                full_path(translator, segs, out_tokens)
                return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu}
            return run

        if args.mode == "main":
            engine = CT2Engine(info, threads=args.threads)  # N one-thread workers by default on CPU
            raw = ctranslate2.Translator(str(ct2), device="cpu", compute_type="int8",  # the same settings
                                         inter_threads=engine.inter_threads, intra_threads=engine.intra_threads)
            summary["ct2_threads"] = {"inter": engine.inter_threads, "intra": engine.intra_threads}
            configs = {
                "ct2": lambda r, segs: ct2_raw(raw, spms, segs, out_tokens, args.batch, beam=args.beam),
                "full": full(engine, "full"),
            }
            if args.no_hf:
                times = rounds(configs, segments, n_rounds)
                summary.update({"full_vs_ct2": ratio(times, "full", "ct2"),
                                # CPU seconds of the whole process: what the full path adds, less swayed by load
                                "full_vs_ct2_cpu": ratio(CPU_SECONDS, "full", "ct2"),
                                "median_sps": {k: round(n / statistics.median(v), 2) for k, v in times.items()}})
                summary["median_seconds"] = {k: round(statistics.median(v), 3) for k, v in times.items()}
                summary["peak_rss_mb"] = round(peak_rss_mb(), 1)
                print(json.dumps(summary))
                return 0
            if args.vmap:
                configs["full_vmap"] = full(vmap_engine(ct2, info, args.threads), "vmap")
            workers = start_peers(args, hf, ct2, segments, engine, Path(tmp), summary)
            for name, process in workers.items():
                configs[name] = lambda r, segs, process=process: peers.ask(process)
            loaded = hf_loaded(hf)
            configs = {"hf_batched": lambda r, segs: hf_generate_batched(loaded, segs, out_tokens, args.batch,
                                                                           args.beam), **configs}
            try:
                times = rounds(configs, segments, n_rounds)
            finally:
                for process in workers.values():
                    process.stdin.close()
                    process.wait()
            for peer in workers:
                fast = "full_vmap" if "full_vmap" in times else "full"
                summary[f"{fast}_vs_{peer}"] = ratio(times, fast, peer)
                summary[f"{fast}_vs_{peer}_cpu"] = ratio(CPU_SECONDS, fast, peer)
                summary[f"ct2_vs_{peer}"] = ratio(times, "ct2", peer)
            if "full_vmap" in times:
                summary["full_vmap_vs_hf_batched"] = ratio(times, "full_vmap", "hf_batched")
                summary["full_vmap_vs_full"] = ratio(times, "full_vmap", "full")
            naive_row = timed("naive", lambda: naive(hf, segments[:n_naive], out_tokens), n_naive)
            med = {k: statistics.median(v) for k, v in times.items()}
            summary.update({
                "full_vs_ct2": ratio(times, "full", "ct2"),
                "full_vs_hf_batched": ratio(times, "full", "hf_batched"),
                "ct2_vs_hf_batched": ratio(times, "ct2", "hf_batched"),
                "full_vs_naive_separate_run": round((n / med["full"]) / naive_row["sps"], 1),
                "median_sps": {k: round(n / v, 2) for k, v in med.items()} | {"naive": naive_row["sps"]},
            })
            if args.scaling:
                scaling = []
                for size in (100, 1000, 10000):
                    more = make_segments(size, seed=size)
                    r = timed(f"full@{size}", lambda more=more, size=size: full_path(
                        Translator(engine, TranslationMemory(Path(tmp) / f"s{size}.sqlite"), enforcer,
                                   options=options, guard=guard, max_batch_size=args.batch), more, out_tokens),
                              size)
                    scaling.append({"segments": size, "ms_per_segment": round(1000 * r["seconds"] / size, 2)})
                summary["scaling"] = scaling
        elif args.mode == "threads":
            one = CT2Engine(info, threads=1)
            intra = CT2Engine(info, threads=2)
            inter = CT2Engine(info, threads=2, inter_threads=2)
            raw_one = ctranslate2.Translator(str(ct2), device="cpu", compute_type="int8", intra_threads=1)
            raw_inter = ctranslate2.Translator(str(ct2), device="cpu", compute_type="int8", inter_threads=2,
                                               intra_threads=1)  # translate_batch spreads its batches on both
            configs = {"full_1thread": full(one, "one"), "full_2intra": full(intra, "intra"),
                       "full_2inter": full(inter, "inter"),
                       "ct2_1thread": lambda r, segs: ct2_raw(raw_one, spms, segs, out_tokens, args.batch),
                       "ct2_2inter": lambda r, segs: ct2_raw(raw_inter, spms, segs, out_tokens, args.batch)}
            times = rounds(configs, segments, n_rounds)
            summary.update({"full_2intra_vs_1": ratio(times, "full_2intra", "full_1thread"),
                            "full_2inter_vs_1": ratio(times, "full_2inter", "full_1thread"),
                            "full_2inter_vs_2intra": ratio(times, "full_2inter", "full_2intra"),
                            "ct2_2inter_vs_1": ratio(times, "ct2_2inter", "ct2_1thread"),
                            "full_vs_ct2_1thread": ratio(times, "full_1thread", "ct2_1thread"),
                            "full_vs_ct2_2inter": ratio(times, "full_2inter", "ct2_2inter")})
        else:
            from translator.mt.vmap import build_vmap, install_vmap

            try:
                from translator.glossary import Glossary
                targets = [t for e in Glossary.load() for t in e.targets]
            except ImportError:
                targets = []
            rules = build_vmap(read_pairs(DATA), ct2 / "source.spm", ct2 / "target.spm", glossary_targets=targets)
            install_vmap(rules, ct2)
            plain = CT2Engine(info, threads=args.threads)
            listed = CT2Engine(info, threads=args.threads, use_vmap=True)
            raw = ctranslate2.Translator(str(ct2), device="cpu", compute_type="int8",  # the same settings
                                         inter_threads=plain.inter_threads, intra_threads=plain.intra_threads)
            summary["ct2_threads"] = {"inter": plain.inter_threads, "intra": plain.intra_threads}
            configs = {"ct2": lambda r, segs: ct2_raw(raw, spms, segs, out_tokens, args.batch),
                       "ct2_vmap": lambda r, segs: ct2_raw(raw, spms, segs, out_tokens, args.batch, True),
                       "full": full(plain, "plain"), "full_vmap": full(listed, "vmap")}
            times = rounds(configs, segments, n_rounds)
            summary.update({"vmap_rules": len(rules), "always_allowed": len(rules[""]),
                            "ct2_vmap_vs_ct2": ratio(times, "ct2_vmap", "ct2"),
                            "full_vmap_vs_full": ratio(times, "full_vmap", "full"),
                            "full_vmap_vs_ct2": ratio(times, "full_vmap", "ct2")})
        summary["median_seconds"] = {k: round(statistics.median(v), 3) for k, v in times.items()}
    summary["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print(json.dumps(summary))
    return 0


sys.path.insert(0, str(Path(__file__).resolve().parent))
import peers  # noqa: E402

if __name__ == "__main__":
    from machine import reported  # CPU model, threads and load average at start and end

    with reported("mt_throughput"):
        raise SystemExit(main())

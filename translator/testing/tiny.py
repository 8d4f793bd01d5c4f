"""Build real MarianMT models from scratch: a tiny trained one for tests, an opus-sized random one for speed.

Both are ordinary Hugging Face Marian folders (config, safetensors weights, ``source.spm``/``target.spm``,
``vocab.json``, tokenizer config), so every code path that loads ``Helsinki-NLP/opus-mt-ar-en`` loads them
the same way. The tiny model is trained for seconds on the project's own Arabic/English pairs until it
reproduces them: if tokenization, generation or detokenization were wired wrong, the pairs would not come
back out.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from translator.datafiles import read_tsv
from translator.mt.marian import quiet_transformers

__all__ = [
    "OPUS_MT_AR_EN", "TINY_ARCH", "TrainingReport", "augment", "build_marian_folder", "build_opus_like",
    "fingerprint", "read_pairs", "train_sentencepiece", "train_tiny_marian",
]

# The real config of Helsinki-NLP/opus-mt-ar-en (config.json on the hub, transformers 4.19 export).
OPUS_MT_AR_EN = {
    "d_model": 512,
    "encoder_layers": 6,
    "decoder_layers": 6,
    "encoder_attention_heads": 8,
    "decoder_attention_heads": 8,
    "encoder_ffn_dim": 2048,
    "decoder_ffn_dim": 2048,
    "vocab_size": 62834,
    "max_position_embeddings": 512,
    "activation_function": "swish",
    "scale_embedding": True,
    "share_encoder_decoder_embeddings": True,
    "static_position_embeddings": True,
}

# Small enough to train in seconds on two cores, big enough to memorise a few hundred headlines.
TINY_ARCH = {
    "d_model": 64,
    "encoder_layers": 2,
    "decoder_layers": 2,
    "encoder_attention_heads": 4,
    "decoder_attention_heads": 4,
    "encoder_ffn_dim": 128,
    "decoder_ffn_dim": 128,
    "max_position_embeddings": 256,
    "activation_function": "swish",
    "scale_embedding": True,
    "share_encoder_decoder_embeddings": True,
}

_SPECIALS = ("</s>", "<unk>")  # Marian order: eos = 0, unk = 1; <pad> is appended last (= decoder start)


@dataclass(frozen=True)
class Schedule:
    """A fixed training schedule: the same steps, in the same order, on any machine.

    Training stops at the first check (every ``check_every`` steps) at which greedy decoding reproduces every
    pair AND the smallest greedy margin (log-probability of the chosen token minus the runner-up, over every
    step of every pair) is at least ``target_margin``, or after ``max_steps``. The margin keeps near ties (a
    final full stop against end-of-sentence) out of the model, so engines that round differently (CTranslate2
    int8) still decode the training pairs the same way. Nothing here depends on how fast the machine is.
    """

    max_steps: int = 3000
    check_every: int = 25
    target_margin: float = 2.0
    learning_rate: float = 3e-3
    warmup: int = 30
    seed: int = 0
    threads: int = 1  # one thread: float reductions run in one order whatever the core count


@dataclass
class TrainingReport:
    """What a tiny-model training run achieved: ``exact`` of ``pairs`` reproduced after ``steps`` steps,
    with ``margin`` the smallest greedy log-probability margin (nats) over those pairs."""

    pairs: int
    steps: int
    seconds: float
    exact: int
    loss: float
    margin: float = 0.0

    @property
    def accuracy(self) -> float:
        return self.exact / self.pairs if self.pairs else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {**asdict(self), "accuracy": self.accuracy}


class TrainingAborted(RuntimeError):
    """The safety limit on wall-clock time ran out (a hung run); the partial model must not be used."""


def read_pairs(paths: Iterable[Path]) -> list[tuple[str, str]]:
    """Arabic/English pairs from TSV files with an ``arabic``/``english`` header (``#`` lines are comments),
    de-duplicated by source, in file order."""
    pairs: dict[str, str] = {}
    for path in sorted(Path(p) for p in paths):
        for row in read_tsv(path):
            arabic, english = (row.get("arabic") or "").strip(), (row.get("english") or "").strip()
            if arabic and english:
                pairs.setdefault(arabic, english)
    return list(pairs.items())


def fingerprint(paths: Iterable[Path], **extra: object) -> str:
    """A short hash of the training data, this module's code and ``extra``: the cache key of a built model."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(Path(p) for p in paths):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(json.dumps(extra, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:16]


def train_sentencepiece(sentences: Sequence[str], path: Path, vocab_size: int) -> Path:
    """Train a unigram sentencepiece model on ``sentences`` and write it to ``path``."""
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=model,
        vocab_size=vocab_size,
        hard_vocab_limit=False,  # small corpora cannot fill a fixed vocabulary
        model_type="unigram",
        character_coverage=1.0,
        bos_id=-1,
        eos_id=-1,
        unk_id=0,
        minloglevel=2,
    )
    path.write_bytes(model.getvalue())
    return path


def _shared_vocab(spm_paths: Sequence[Path], size: int | None = None) -> dict[str, int]:
    """Marian's joint vocabulary: ``</s>``, ``<unk>``, every piece of both sides, then ``<pad>``."""
    import sentencepiece as spm

    vocab: dict[str, int] = {token: i for i, token in enumerate(_SPECIALS)}
    for path in spm_paths:
        processor = spm.SentencePieceProcessor(model_file=str(path))
        for i in range(processor.get_piece_size()):
            piece = processor.id_to_piece(i)
            if not processor.is_unknown(i) and not processor.is_control(i):
                vocab.setdefault(piece, len(vocab))
    if size is not None:  # pad to an exact size (the benchmark copies the real model's 62,834)
        filler = 0
        while len(vocab) < size - 1:
            vocab.setdefault(f"▁<filler{filler}>", len(vocab))
            filler += 1
    vocab["<pad>"] = len(vocab)
    return vocab


def build_marian_folder(
    out_dir: Path,
    source_texts: Sequence[str],
    target_texts: Sequence[str],
    *,
    arch: dict[str, object],
    spm_vocab_size: int,
    vocab_size: int | None = None,
    seed: int = 0,
) -> Path:
    """Write an untrained (random-weight) Marian folder whose tokenizer is trained on the given texts."""
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out_dir.mkdir(parents=True, exist_ok=True)
    work = out_dir / ".spm"
    work.mkdir(exist_ok=True)
    source_spm = train_sentencepiece(source_texts, work / "source.spm", spm_vocab_size)
    target_spm = train_sentencepiece(target_texts, work / "target.spm", spm_vocab_size)
    vocab = _shared_vocab([source_spm, target_spm], vocab_size)
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    pad = vocab["<pad>"]
    max_positions = int(arch.get("max_position_embeddings", 512))  # type: ignore[call-overload]
    with quiet_transformers():
        tokenizer = MarianTokenizer(
            source_spm=str(source_spm),
            target_spm=str(target_spm),
            vocab=str(work / "vocab.json"),
            source_lang="ar",
            target_lang="en",
            model_max_length=max_positions,
        )
        tokenizer.save_pretrained(out_dir)
    arch = {k: v for k, v in arch.items() if k != "vocab_size"}
    config = MarianConfig(
        vocab_size=len(vocab),
        decoder_vocab_size=len(vocab),
        pad_token_id=pad,
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        bos_token_id=0,
        dropout=0.0,
        attention_dropout=0.0,
        activation_dropout=0.0,
        **arch,
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config)
    _zero_pad_embedding(model, pad)
    _set_generation_defaults(model, pad, max_positions)
    with quiet_transformers():
        model.save_pretrained(out_dir)
    for leftover in work.iterdir():
        leftover.unlink()
    work.rmdir()
    return out_dir


def _zero_pad_embedding(model: object, pad: int) -> None:
    # Marian starts decoding from a zero vector (CTranslate2 relies on it: start_from_zero_embedding);
    # transformers starts from the <pad> embedding, so that row must be zero for both to agree.
    import torch

    with torch.no_grad():
        model.get_input_embeddings().weight[pad].zero_()  # type: ignore[attr-defined]


def _set_generation_defaults(model: object, pad: int, max_length: int) -> None:
    generation = model.generation_config  # type: ignore[attr-defined]
    generation.bad_words_ids = [[pad]]
    generation.max_length = max_length
    generation.num_beams = 1
    generation.decoder_start_token_id = pad
    generation.forced_eos_token_id = 0


def augment(pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs, plus each pair as a full sentence ending in a full stop (how headlines appear in articles)."""
    out = list(pairs)
    out += [(f"{ar}.", f"{en}.") for ar, en in pairs if not ar.endswith((".", "؟", "!"))]
    return out


def train_tiny_marian(
    pairs: Sequence[tuple[str, str]],
    out_dir: Path,
    *,
    schedule: Schedule = Schedule(),
    arch: dict[str, object] | None = None,
    spm_vocab_size: int = 320,
    abort_after_seconds: float | None = None,
) -> TrainingReport:
    """Train a tiny MarianMT on ``pairs`` (plus full-stop variants) on a fixed, seeded ``schedule``.

    The outcome depends on the data, the schedule and the library versions, never on the machine's speed:
    ``abort_after_seconds`` is only a safety limit for a hung run and raises ``TrainingAborted`` (nothing is
    reported as trained). The report says how many pairs come back exactly and with what margin.
    """
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    data = augment(pairs)
    sources, targets = [a for a, _ in data], [e for _, e in data]
    build_marian_folder(out_dir, sources, targets, arch=arch or TINY_ARCH, spm_vocab_size=spm_vocab_size,
                        seed=schedule.seed)
    torch.set_num_threads(schedule.threads)
    torch.manual_seed(schedule.seed)
    with quiet_transformers():
        tokenizer = MarianTokenizer.from_pretrained(out_dir)
        model = MarianMTModel.from_pretrained(out_dir)
    batch = tokenizer(sources, text_target=targets, padding=True, return_tensors="pt")
    batch["labels"][batch["labels"] == tokenizer.pad_token_id] = -100
    for name, parameter in model.named_parameters():
        # sinusoidal positions are recomputed, not saved, on load: training them would be lost
        # (from_pretrained leaves them trainable in transformers 5)
        if "embed_positions" in name:
            parameter.requires_grad_(False)
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=schedule.learning_rate, weight_decay=0.0)
    started, loss_value, exact, margin = time.monotonic(), math.inf, 0, 0.0
    for step in range(1, schedule.max_steps + 1):
        if abort_after_seconds is not None and time.monotonic() - started > abort_after_seconds:
            raise TrainingAborted(f"tiny-model training aborted after {abort_after_seconds:.0f} s at step {step} "
                                  "(safety limit for a hung run; the schedule itself has no time limit)")
        model.train()
        for group in optimizer.param_groups:
            group["lr"] = schedule.learning_rate * min(1.0, step / schedule.warmup)
        loss = model(**batch).loss
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, 1.0)
        optimizer.step()
        _zero_pad_embedding(model, tokenizer.pad_token_id)  # the tied output layer would move it
        loss_value = loss.item()
        if step % schedule.check_every == 0 or step == schedule.max_steps:
            exact, margin = _greedy_check(model, tokenizer, sources, targets)
            if exact == len(data) and margin >= schedule.target_margin:
                break
    with quiet_transformers():
        model.save_pretrained(out_dir)
    report = TrainingReport(len(data), step, round(time.monotonic() - started, 2), exact, round(loss_value, 5),
                            round(margin, 4))
    (out_dir / "training.json").write_text(json.dumps({**report.to_dict(), "schedule": asdict(schedule)}),
                                           encoding="utf-8")
    return report


def _greedy_check(model: object, tokenizer: object, sources: list[str], targets: list[str]) -> tuple[int, float]:
    """How many ``sources`` greedy-decode to their ``targets``, and the smallest greedy margin (nats)."""
    import torch

    model.eval()  # type: ignore[attr-defined]
    with torch.inference_mode(), quiet_transformers():
        inputs = tokenizer(sources, padding=True, return_tensors="pt")  # type: ignore[operator]
        out = model.generate(**inputs, num_beams=1, do_sample=False, max_new_tokens=64,  # type: ignore[attr-defined]
                             output_scores=True, return_dict_in_generate=True)
    decoded = tokenizer.batch_decode(out.sequences, skip_special_tokens=True)  # type: ignore[attr-defined]
    exact = sum(d == t for d, t in zip(decoded, targets, strict=True))
    margin = math.inf
    finished = torch.zeros(len(sources), dtype=torch.bool)
    for step_scores, chosen in zip(out.scores, out.sequences[:, 1:].T, strict=False):
        top2 = torch.log_softmax(step_scores.float(), dim=-1).topk(2, dim=-1).values
        gaps = (top2[:, 0] - top2[:, 1])[~finished]
        if gaps.numel():
            margin = min(margin, float(gaps.min()))
        finished |= chosen == model.generation_config.eos_token_id  # type: ignore[attr-defined]
    return exact, (0.0 if margin == math.inf else margin)


def build_opus_like(out_dir: Path, texts: Sequence[str], *, seed: int = 0) -> Path:
    """A random-weight Marian with exactly the architecture of Helsinki-NLP/opus-mt-ar-en (benchmarks).

    Sentencepiece models are trained on ``texts``; the joint vocabulary is padded to the real 62,834 entries
    so embedding and output-projection costs match the real model.
    """
    arch = {k: v for k, v in OPUS_MT_AR_EN.items() if k != "static_position_embeddings"}
    return build_marian_folder(out_dir, texts, texts, arch=arch, spm_vocab_size=8000,
                               vocab_size=int(OPUS_MT_AR_EN["vocab_size"]), seed=seed)

"""The CTranslate2 engine: the same MarianMT model converted (int8 on CPU, float16 on CUDA).

Several batches can be in flight at once: with ``inter_threads=N`` the engine owns N CTranslate2 workers and
:meth:`CT2Engine.submit_batch` queues a batch without waiting, so the Translator keeps N batches decoding in
parallel (each worker then gets ``threads // N`` OpenMP threads). With ``use_vmap=True`` decoding is restricted
to a vocabulary shortlist (``vmap.txt`` in the model folder, see :mod:`translator.mt.vmap`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from translator.errors import EngineError
from translator.mt.engine import GenerationOptions, Hypothesis
from translator.mt.models import ModelInfo
from translator.mt.normalize import fold_keyboard_letters

__all__ = ["CT2Engine"]

_EOS = "</s>"


class CT2Engine:
    """Translate with ``ctranslate2.Translator`` using the model folder's own sentencepiece models.

    ``threads`` is the number of CPU threads in all (None: CTranslate2's default); ``inter_threads`` how many
    batches decode in parallel, each with ``intra_threads`` OpenMP threads (default ``threads //
    inter_threads``, at least 1). On CPU with ``threads=N >= 2`` the default is N workers of one thread each:
    1.47x faster than one worker of N threads on 2 cores when several batches are in flight (a single batch
    then uses one core: pass ``inter_threads=1`` for single-batch latency). ``use_vmap`` restricts the output
    vocabulary to the shortlist in the model folder's ``vmap.txt`` (raises :class:`EngineError` when there is
    none). Raises :class:`EngineError` when the model is not a CTranslate2 conversion or cannot be loaded.
    """

    name = "ctranslate2"

    def __init__(self, model: ModelInfo, *, device: str = "cpu", threads: int | None = None,
                 compute_type: str | None = None, inter_threads: int | None = None,
                 intra_threads: int | None = None, use_vmap: bool = False) -> None:
        if model.kind != "ct2":
            raise EngineError(f"{model.id} is not converted for CTranslate2: run `translator models convert "
                              f"{model.id}`, or use --engine transformers.")
        import ctranslate2
        import sentencepiece as spm

        self.model = model
        self.device = device
        self.compute_type = compute_type or ("float16" if device == "cuda" else "int8")
        self.max_input_tokens = model.max_input_tokens
        if inter_threads is None:  # on CPU, N threads serve best as N one-thread workers (benchmarks/README.md)
            inter_threads = threads if device == "cpu" and threads and threads > 1 else 1
        self.inter_threads = max(1, inter_threads)
        if intra_threads is None:
            intra_threads = max(1, threads // self.inter_threads) if threads else 0
        self.intra_threads = intra_threads
        self.use_vmap = use_vmap
        if use_vmap and not (model.path / "vmap.txt").is_file():
            raise EngineError(f"use_vmap needs a vocabulary map: {model.path / 'vmap.txt'} is missing (build one "
                              f"with translator.mt.vmap.build_vmap and install_vmap).")
        try:
            self._translator = ctranslate2.Translator(
                str(model.path), device=device, compute_type=self.compute_type,
                inter_threads=self.inter_threads, intra_threads=self.intra_threads)
            self._source = spm.SentencePieceProcessor(model_file=str(model.path / "source.spm"))
            self._target = spm.SentencePieceProcessor(model_file=str(model.path / "target.spm"))
        except (RuntimeError, ValueError, OSError) as error:
            not_ct2 = _foreign_weights(model.path / "model.bin")
            if not_ct2:  # CTranslate2 reads its first bytes as a version: "binary version v67324752"
                raise EngineError(
                    f"{model.path / 'model.bin'} is {not_ct2}, not a CTranslate2 model (CTranslate2 said: {error}). "
                    f"Convert the original MarianMT folder instead: `translator models convert PATH`."
                    " (OpenNMT/CTranslate2#1218, dmMaze/BallonsTranslator#869)") from error
            raise EngineError(f"CTranslate2 could not load {model.id} from {model.path} ({error}). "
                              f"Re-run `translator models convert {model.id} --force`.") from error
        self._vocab_cache: set[str] | None = None
        # source pieces by text: the Translator counts a segment's tokens when planning and batching, then
        # decodes it; remembered, each segment is encoded once (bounded: cleared when it grows past the cap)
        self._piece_memo: dict[str, list[str]] = {}

    @property
    def _vocab(self) -> set[str]:
        """The target vocabulary, read on first use (only suppressed sequences need it; ~0.1 s for 62,834)."""
        if self._vocab_cache is None:
            self._vocab_cache = self._load_vocabulary()
        return self._vocab_cache

    def _load_vocabulary(self) -> set[str]:
        for name in ("shared_vocabulary.json", "target_vocabulary.json"):
            path = self.model.path / name
            if path.is_file():
                return set(json.loads(path.read_text(encoding="utf-8")))
        return set()

    _MEMO_CAP = 50_000

    def _pieces(self, text: str) -> list[str]:
        # the same pieces MarianTokenizer produces, plus the end token Marian models expect on the source
        pieces = self._piece_memo.get(text)
        if pieces is None:
            pieces = self._encode_many([text])[0]
        return pieces

    def _encode_many(self, texts: list[str]) -> list[list[str]]:
        """Source pieces (end token included) of each text, encoding the ones not seen before in one call."""
        memo = self._piece_memo
        known = {t: memo[t] for t in texts if t in memo}
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            encoded = self._source.encode([fold_keyboard_letters(t) for t in missing], out_type=str)
            new = {t: [*p, _EOS] for t, p in zip(missing, encoded, strict=True)}
            if len(memo) + len(new) > self._MEMO_CAP:
                memo.clear()
            memo.update(new)
            known.update(new)
        return [known[t] for t in texts]

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(p) for p in self._encode_many(list(texts))]

    @property
    def parallel(self) -> int:
        """How many batches this engine decodes at once (the Translator keeps that many in flight)."""
        return self.inter_threads

    def translate_batch(self, texts: list[str], **options: Any) -> list[list[Hypothesis]]:
        return self.submit_batch(texts, **options)()

    def submit_batch(self, texts: list[str], **options: Any) -> Callable[[], list[list[Hypothesis]]]:
        """Queue ``texts`` for decoding and return at once; calling the result waits for the hypotheses.

        Errors in the options are raised here; errors from decoding are raised by the returned callable.
        """
        opts = GenerationOptions.from_kwargs(options)
        if not texts:
            return list
        sources = self._encode_many(texts)
        limit = opts.length_limit(max(len(s) for s in sources), self.max_input_tokens)
        pending = self._translator.translate_batch(
            sources,
            asynchronous=True,
            use_vmap=self.use_vmap,
            beam_size=opts.beams,
            num_hypotheses=opts.num_hypotheses,
            max_decoding_length=limit,
            min_decoding_length=opts.min_length,
            no_repeat_ngram_size=opts.no_repeat_ngram_size,
            repetition_penalty=opts.repetition_penalty,
            length_penalty=opts.length_penalty,
            suppress_sequences=self._suppressed(opts.suppress_sequences),
            max_input_length=0,  # never truncate silently: the Translator keeps inputs under the limit
            return_scores=True,
            return_end_token=True,
        )
        return lambda: self._hypotheses([p.result() for p in pending])

    def _hypotheses(self, results: list[Any]) -> list[list[Hypothesis]]:
        shapes, bodies = [], []
        for result in results:
            shape = []
            for tokens, score in zip(result.hypotheses, result.scores, strict=True):
                finished = bool(tokens) and tokens[-1] == _EOS
                bodies.append(tokens[:-1] if finished else list(tokens))
                shape.append((float(score), finished))
            shapes.append(shape)
        texts = iter(self._target.decode(bodies) if bodies else [])  # every hypothesis detokenized in one call
        body = iter(bodies)
        return [[Hypothesis(next(texts), score, next(body), finished) for score, finished in shape]
                for shape in shapes]

    def _suppressed(self, sequences: tuple[str, ...]) -> list[list[str]] | None:
        pieces = [self._target.encode(s, out_type=str) for s in sequences]
        pieces = [p for p in pieces if p and all(t in self._vocab for t in p)]
        return pieces or None

    def score_batch(self, sources: list[str], targets: list[str]) -> list[float]:
        """Raises :class:`EngineError` when sources and targets differ in number."""
        if len(sources) != len(targets):
            raise EngineError("score_batch needs as many targets as sources.")
        if not sources:
            return []
        results = self._translator.score_batch(
            [self._pieces(s) for s in sources],
            [self._target.encode(t, out_type=str) for t in targets],
            max_input_length=0,
        )
        return [sum(r.log_probs) / max(len(r.log_probs), 1) for r in results]


def _foreign_weights(path: Path) -> str:
    """What ``path`` holds when it is another framework's weights renamed ``model.bin`` ("" otherwise): a
    PyTorch checkpoint (a zip archive, or a pickle), or safetensors (a little-endian header length, then
    JSON)."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(16)
    except OSError:
        return ""
    if head.startswith(b"PK\x03\x04"):
        return "a PyTorch checkpoint (a zip archive, as torch.save writes it)"
    if head[:1] == b"\x80" and head[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05"):
        return "a PyTorch checkpoint (a pickle)"
    if len(head) >= 9 and head[8:9] == b"{":
        return "a safetensors file"
    return ""

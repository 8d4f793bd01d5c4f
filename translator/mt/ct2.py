"""The CTranslate2 engine: the same MarianMT model converted (int8 on CPU, float16 on CUDA)."""

from __future__ import annotations

import json
from typing import Any

from translator.errors import EngineError
from translator.mt.engine import GenerationOptions, Hypothesis
from translator.mt.models import ModelInfo

__all__ = ["CT2Engine"]

_EOS = "</s>"


class CT2Engine:
    """Translate with ``ctranslate2.Translator`` using the model folder's own sentencepiece models."""

    name = "ctranslate2"

    def __init__(self, model: ModelInfo, *, device: str = "cpu", threads: int | None = None,
                 compute_type: str | None = None) -> None:
        if model.kind != "ct2":
            raise EngineError(f"{model.id} is not converted for CTranslate2: run `translator models convert "
                              f"{model.id}`, or use --engine transformers.")
        import ctranslate2
        import sentencepiece as spm

        self.model = model
        self.device = device
        self.compute_type = compute_type or ("float16" if device == "cuda" else "int8")
        self.max_input_tokens = model.max_input_tokens
        try:
            self._translator = ctranslate2.Translator(
                str(model.path), device=device, compute_type=self.compute_type,
                inter_threads=1, intra_threads=threads or 0)
            self._source = spm.SentencePieceProcessor(model_file=str(model.path / "source.spm"))
            self._target = spm.SentencePieceProcessor(model_file=str(model.path / "target.spm"))
        except (RuntimeError, ValueError, OSError) as error:
            raise EngineError(f"CTranslate2 could not load {model.id} from {model.path} ({error}). "
                              f"Re-run `translator models convert {model.id} --force`.") from error
        self._vocab = self._load_vocabulary()

    def _load_vocabulary(self) -> set[str]:
        for name in ("shared_vocabulary.json", "target_vocabulary.json"):
            path = self.model.path / name
            if path.is_file():
                return set(json.loads(path.read_text(encoding="utf-8")))
        return set()

    def _pieces(self, text: str) -> list[str]:
        # the same pieces MarianTokenizer produces, plus the end token Marian models expect on the source
        return [*self._source.encode(text, out_type=str), _EOS]

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(self._pieces(t)) for t in texts]

    def translate_batch(self, texts: list[str], **options: Any) -> list[list[Hypothesis]]:
        opts = GenerationOptions.from_kwargs(options)
        if not texts:
            return []
        sources = [self._pieces(t) for t in texts]
        limit = opts.length_limit(max(len(s) for s in sources), self.max_input_tokens)
        results = self._translator.translate_batch(
            sources,
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
        out = []
        for result in results:
            hyps = []
            for tokens, score in zip(result.hypotheses, result.scores, strict=True):
                finished = bool(tokens) and tokens[-1] == _EOS
                body = tokens[:-1] if finished else list(tokens)
                hyps.append(Hypothesis(self._target.decode(body), float(score), body, finished))
            out.append(hyps)
        return out

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

"""The transformers engine: MarianMT with its sentencepiece tokenizer, on CPU or CUDA."""

from __future__ import annotations

import contextlib
import copy
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from translator.errors import EngineError
from translator.mt.engine import GenerationOptions, Hypothesis
from translator.mt.normalize import fold_keyboard_letters

if TYPE_CHECKING:  # models.py uses quiet_transformers: a type-only import keeps the two from a cycle
    from translator.mt.models import ModelInfo

__all__ = ["MarianEngine", "quiet_transformers"]


@contextlib.contextmanager
def quiet_transformers() -> Iterator[None]:
    """Silence load-time chatter (weight-loading progress bars, the sacremoses advice) for one block."""
    from transformers.utils import logging as hf_logging

    verbosity, bars = hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
            yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()


class MarianEngine:
    """Translate with ``transformers.MarianMTModel`` (greedy or beam search, n-best, scoring)."""

    name = "transformers"

    def __init__(self, model: ModelInfo, *, device: str = "cpu", threads: int | None = None) -> None:
        if model.kind != "marian":
            raise EngineError(f"{model.id} is a {model.kind} model; the transformers engine needs a MarianMT "
                              "folder (use --engine ctranslate2 for converted models).")
        import torch
        from transformers import MarianMTModel, MarianTokenizer

        if threads:
            torch.set_num_threads(threads)
        self.model = model
        self.device = device
        self.max_input_tokens = model.max_input_tokens
        try:
            with quiet_transformers():
                self.tokenizer = MarianTokenizer.from_pretrained(str(model.path))
                self._net = MarianMTModel.from_pretrained(str(model.path)).to(device).eval()
        except (OSError, ValueError, RuntimeError) as error:
            raise EngineError(f"transformers could not load {model.id} from {model.path} ({error}). "
                              "Re-add the model folder (`translator models add PATH`).") from error
        except Exception as error:
            if type(error).__name__ != "SafetensorError":
                raise
            # a cut-off model.safetensors (an interrupted download or copy) is not an OSError: without this it
            # reached the user as a bare "Error while deserializing header" (hiyouga/LlamaFactory#5201)
            raise EngineError(f"transformers could not load {model.id} from {model.path}: its weights file "
                              f"(model.safetensors) is incomplete or damaged ({error}), as an interrupted "
                              "download or copy leaves it. Fetch the model again (`translator models pull`) or "
                              "re-add a complete folder (`translator models add PATH`).") from error
        # generate() fills options left at None from the model's own generation config, so a forced </s> at
        # the length limit (which would hide truncation from the guard) must be switched off there
        self._net.generation_config.forced_eos_token_id = None
        self._torch = torch
        self._pad = self.tokenizer.pad_token_id
        self._eos = self.tokenizer.eos_token_id

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(ids) for ids in self.tokenizer([fold_keyboard_letters(t) for t in texts])["input_ids"]]

    def _encode(self, texts: list[str]) -> dict[str, Any]:
        batch = self.tokenizer([fold_keyboard_letters(t) for t in texts], padding=True, return_tensors="pt")
        return {k: v.to(self.device) for k, v in batch.items()}

    def translate_batch(self, texts: list[str], **options: Any) -> list[list[Hypothesis]]:
        opts = GenerationOptions.from_kwargs(options)
        if not texts:
            return []
        inputs = self._encode(texts)
        longest = int(inputs["attention_mask"].sum(dim=1).max())
        limit = opts.length_limit(longest, self.max_input_tokens)
        beam = opts.beams > 1
        generation = copy.deepcopy(self._net.generation_config)
        generation.update(
            num_beams=opts.beams,
            num_return_sequences=opts.num_hypotheses,
            do_sample=False,
            max_length=limit + 1,  # + the decoder start token
            min_length=opts.min_length + 1 if opts.min_length else 0,
            no_repeat_ngram_size=opts.no_repeat_ngram_size,
            repetition_penalty=opts.repetition_penalty,
            length_penalty=opts.length_penalty,
            early_stopping=beam,
            bad_words_ids=[[self._pad], *self._suppressed(opts.suppress_sequences)],
            output_scores=True,
            return_dict_in_generate=True,
        )
        generation.max_new_tokens = None
        with self._torch.inference_mode():
            out = self._net.generate(**inputs, generation_config=generation)
        step_scores = self._net.compute_transition_scores(
            out.sequences, out.scores, out.beam_indices if beam else None, normalize_logits=not beam)
        return self._collect(out.sequences, step_scores, len(texts), opts.num_hypotheses)

    def _suppressed(self, sequences: tuple[str, ...]) -> list[list[int]]:
        if not sequences:
            return []
        ids = self.tokenizer(text_target=list(sequences), add_special_tokens=False)["input_ids"]
        return [seq for seq in ids if seq]

    def _collect(self, sequences: Any, step_scores: Any, n_texts: int, n_best: int) -> list[list[Hypothesis]]:
        results: list[list[Hypothesis]] = []
        for i in range(n_texts):
            hyps = []
            for j in range(n_best):
                row = i * n_best + j
                ids = [int(t) for t in sequences[row, 1:] if int(t) != self._pad]
                finished = bool(ids) and ids[-1] == self._eos
                steps = len(ids)
                body = ids[:-1] if finished else ids
                total = float(step_scores[row, :steps].sum()) if steps else 0.0
                hyps.append(Hypothesis(
                    text=self.tokenizer.decode(body, skip_special_tokens=True),
                    score=total / steps if steps else None,
                    tokens=self.tokenizer.convert_ids_to_tokens(body),
                    finished=finished,
                ))
            results.append(hyps)
        return results

    def score_batch(self, sources: list[str], targets: list[str]) -> list[float]:
        """Raises :class:`EngineError` when sources and targets differ in number."""
        if len(sources) != len(targets):
            raise EngineError("score_batch needs as many targets as sources.")
        if not sources:
            return []
        batch = self.tokenizer([fold_keyboard_letters(s) for s in sources], text_target=list(targets), padding=True,
                               return_tensors="pt")
        labels = batch["labels"].to(self.device)
        with self._torch.inference_mode():
            logits = self._net(input_ids=batch["input_ids"].to(self.device),
                               attention_mask=batch["attention_mask"].to(self.device), labels=labels).logits
            logprobs = logits.float().log_softmax(-1)
        mask = labels != self._pad
        picked = logprobs.gather(-1, labels.clamp(min=0).unsqueeze(-1)).squeeze(-1) * mask
        return [float(s) / max(int(n), 1) for s, n in zip(picked.sum(1), mask.sum(1), strict=True)]

"""The small interface every translation engine implements, and the options they all understand.

An engine holds one loaded model and turns lists of plain sentences into n-best hypotheses. It knows nothing
about documents, memory or glossaries: :class:`translator.mt.translate.Translator` does that, for any engine.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from translator.errors import InputError

if TYPE_CHECKING:
    from translator.mt.models import ModelInfo

__all__ = ["Engine", "GenerationOptions", "Hypothesis"]


@dataclass
class Hypothesis:
    """One candidate translation.

    ``score`` is the length-normalised log-probability the engine assigned (higher is better; comparable
    between hypotheses of one engine, not across engines). ``tokens`` are the target sentencepiece pieces
    without the end token. ``finished`` is False when decoding stopped at the length limit, not at ``</s>``.
    """

    text: str
    score: float | None = None
    tokens: list[str] | None = None
    finished: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class GenerationOptions:
    """Decoding options shared by every engine (``translate_batch(texts, **options)``).

    ``max_length``/``min_length`` count generated target tokens (end token excluded); ``max_length=None``
    means "twice the source plus 16, capped at the model's limit". ``suppress_sequences`` are target-language
    strings the engine must not produce (tokenized with the target sentencepiece model).
    """

    num_hypotheses: int = 1
    beam_size: int | None = None
    max_length: int | None = None
    min_length: int = 0
    no_repeat_ngram_size: int = 0
    repetition_penalty: float = 1.0
    length_penalty: float = 1.0
    suppress_sequences: tuple[str, ...] = ()

    @classmethod
    def from_kwargs(cls, options: dict[str, Any]) -> GenerationOptions:
        """Raises :class:`InputError` for an unknown option or a beam/hypothesis count below 1."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise InputError(f"Unknown translation option(s) {unknown}; known options: {sorted(known)}.")
        values = dict(options)
        if values.get("suppress_sequences") is not None:
            values["suppress_sequences"] = tuple(values["suppress_sequences"])
        else:
            values.pop("suppress_sequences", None)
        made = cls(**values)
        if made.num_hypotheses < 1 or (made.beam_size is not None and made.beam_size < 1):
            raise InputError("num_hypotheses and beam_size must be at least 1.")
        return made

    @property
    def beams(self) -> int:
        """The beam width actually used: at least as wide as the number of hypotheses asked for."""
        return max(self.beam_size or 1, self.num_hypotheses)

    def length_limit(self, source_tokens: int, model_limit: int) -> int:
        """The most target tokens to generate (never below ``min_length``, never above the model's limit)."""
        wanted = self.max_length if self.max_length is not None else 2 * source_tokens + 16
        return max(1, min(max(wanted, self.min_length), model_limit))


@runtime_checkable
class Engine(Protocol):
    """A loaded translation model. Implementations: ``MarianEngine`` (transformers), ``CT2Engine``."""

    name: str
    model: ModelInfo
    max_input_tokens: int

    def translate_batch(self, texts: list[str], **options: Any) -> list[list[Hypothesis]]:
        """n-best hypotheses for each text, best first (see :class:`GenerationOptions`)."""
        ...

    def score_batch(self, sources: list[str], targets: list[str]) -> list[float]:
        """Mean log-probability per target token (end token included) of each target given its source."""
        ...

    def count_tokens(self, texts: list[str]) -> list[int]:
        """Source-side token counts, end token included (what ``max_input_tokens`` limits)."""
        ...

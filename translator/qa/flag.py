"""The result type of translation QA: one flag per problem, with spans into the source and the target."""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["KINDS", "QAFlag", "shift_flag"]

#: Every kind of flag, in the order checks run (issue 17).
KINDS: tuple[str, ...] = ("number", "date", "name", "untranslated", "placeholder", "punctuation", "length")


@dataclass(frozen=True)
class QAFlag:
    """One problem found between a source (Arabic) and its translation (English).

    ``kind`` is one of :data:`KINDS`; ``detail`` says what is wrong in words a translator acts on.
    ``source_start``/``source_end`` and ``target_start``/``target_end`` are character offsets into the
    texts as given (``source[source_start:source_end]`` is the part concerned); a side is ``None`` when
    the problem has no place there (a number missing from the target has no target span).
    """

    kind: str
    detail: str
    source_start: int | None = None
    source_end: int | None = None
    target_start: int | None = None
    target_end: int | None = None

    def to_dict(self) -> dict[str, object]:
        """The flag as a JSON-ready dict (the keys of the ``translator qa`` output)."""
        return asdict(self)


def shift_flag(flag: dict[str, object], *, source: int = 0, target: int = 0) -> dict[str, object]:
    """A flag dict (:meth:`QAFlag.to_dict`) with its source offsets moved by ``source`` characters and its
    target offsets by ``target``, for texts that sit inside longer ones (a segment's run in its text, a
    line's translation in a whole one). A side without a span stays ``None``; ``flag`` is not changed."""
    moved = dict(flag)
    for side, by in (("source", source), ("target", target)):
        if by and moved.get(f"{side}_start") is not None:
            moved[f"{side}_start"] += by  # type: ignore[operator]
            moved[f"{side}_end"] += by  # type: ignore[operator]
    return moved

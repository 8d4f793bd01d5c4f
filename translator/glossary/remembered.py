"""A glossary's matches of a line, remembered: a batch matches each segment in its analysis, and the glossary
enforcer matches the same sentence again when it checks the translation (issue 20: no second match of the
same text).

:func:`remembered_matches` decorates :meth:`Glossary.match`: the answer for ``(text, country)`` is kept per
glossary (texts of at most :data:`MAX_CHARS` characters, the last :data:`MAX_TEXTS` texts) and given back as a
new list of the same (frozen) :class:`~translator.glossary.entry.TermMatch` objects. The memory is dropped
when what matching reads changes (the entries, composed layer, gazetteer, index objects, or
``romanize_names``), and :func:`forget_matches` empties it (benchmarks that time matching on new text).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import wraps
from typing import Any

__all__ = ["MAX_CHARS", "MAX_TEXTS", "forget_matches", "remembered_matches"]

MAX_CHARS = 2_000  # a longer text (a whole article) is matched every time: it is not asked for twice
MAX_TEXTS = 4_096

_MEMORIES: weakref.WeakKeyDictionary[Any, tuple[tuple[Any, ...], dict[tuple[str, str | None], tuple[Any, ...]]]] = \
    weakref.WeakKeyDictionary()


def forget_matches() -> None:
    """Empty every glossary's remembered matches."""
    _MEMORIES.clear()


def remembered_matches(match: Callable[..., list[Any]]) -> Callable[..., list[Any]]:
    """``match(self, text, country=None)`` with its answers remembered per glossary (see the module docstring)."""

    @wraps(match)
    def remembered(self: Any, text: str, country: str | None = None) -> list[Any]:
        if not isinstance(text, str) or len(text) > MAX_CHARS:
            return match(self, text, country)
        reads = (self.entries, self.composed, self.gazetteer, self._index, self.romanize_names)
        held = _MEMORIES.get(self)
        if held is None or any(a is not b for a, b in zip(held[0], reads, strict=True)):
            held = _MEMORIES[self] = (reads, {})
        memory = held[1]
        found = memory.get((text, country))
        if found is None:
            found = tuple(match(self, text, country))
            if len(memory) >= MAX_TEXTS:
                del memory[next(iter(memory))]  # the oldest
            memory[(text, country)] = found
        return list(found)

    return remembered

"""The values of the segments' ``translation_status`` column, and how a run summary counts them.

A leaf module (imports nothing of the package), so the run, the report, the CLI and notebooks share it.
"""

from __future__ import annotations

__all__ = ["TRANSLATION_STATUSES", "status_counts"]

TRANSLATION_STATUSES = {
    "translated": "machine translation produced",
    "suspicious": "translated, but a guard or translation QA flagged it (see translation_flags, qa_flags)",
    "human": "a reviewer's translation from the translation memory (translation_human); never overwritten",
    "failed": "the engine failed on this segment (see translation_note)",
    "no_model": "no translation model could be found (see translation_note for how to get one)",
    "disabled": "translation switched off (--no-translate)",
    "not_arabic": "segment is not Arabic; nothing to translate",
}


def status_counts(statuses: dict[str, int]) -> str:
    """``"24 translated, 19 suspicious, 3 human"``: segment counts per translation_status, in the order of
    ``TRANSLATION_STATUSES`` (a status not there comes last); the run summary and the report print it."""
    order = {s: k for k, s in enumerate(TRANSLATION_STATUSES)}
    return ", ".join(f"{n} {s}" for s, n in sorted(statuses.items(), key=lambda i: (order.get(i[0], 99), i[0])))

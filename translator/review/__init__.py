"""Review and post-editing (issue 18): batch output out to CAT tools and back, into the translation memory.

    export_review("out/", "review.xlf")                 # XLIFF 1.2 of every Arabic segment, for any CAT tool
    import_review("out/", "review.xlf", memory)         # edited/approved targets → human translations
    export_review("out/", "approved.tmx", fmt="tmx")    # TMX 1.4b of the approved human translations
    export_review("out/", "review-2.xlf", fmt="xliff2") # XLIFF 2.0 (no fuzzy matches); imported the same way

The next ``translator batch`` over the same corpus shows each imported translation with status ``human``.
Formats are read and written with translate-toolkit (:mod:`.xliff`, :mod:`.tmx`); the review widget for
JupyterLab is :mod:`translator.review.widget`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from translator.errors import InputError
from translator.mt.memory import TranslationMemory
from translator.review.segments import ReviewSegment, parse_unit_id, review_segments, unit_id

__all__ = ["FORMATS", "ImportReport", "ReviewSegment", "export_review", "import_review", "parse_unit_id",
           "read_review_file", "review_segments", "unit_id"]

FORMATS = ("xliff", "xliff2", "tmx")


@dataclass
class ImportReport:
    """What an import did: translations read from the file, and how many were new, raised or already there."""

    path: str
    read: int = 0
    added: int = 0
    raised: int = 0
    unchanged: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def export_review(out_dir: str | Path, path: str | Path, *, fmt: str = "xliff",
                  memory: TranslationMemory | None = None, fuzzy_threshold: float | None = None) -> int:
    """Write the segments of batch output ``out_dir`` for review; returns how many units were written.

    ``fmt="xliff"``: every Arabic segment (XLIFF 1.2, with fuzzy matches from ``memory`` as alt-trans).
    ``fmt="xliff2"``: every Arabic segment as XLIFF 2.0 (:mod:`.xliff2`; no fuzzy matches: 2.0 core has no
    alt-trans). ``fmt="tmx"``: the approved (``final``) human translations of those segments (TMX 1.4b).
    Raises :class:`InputError` for an unknown format or an output folder without a segments table.
    """
    fmt = _format(fmt, path)
    segments = review_segments(out_dir, memory, fuzzy_limit=3 if fmt == "xliff" else 0,
                               fuzzy_threshold=fuzzy_threshold)
    if fmt == "xliff":
        from translator.review.xliff import write_xliff

        write_xliff(segments, path)
        return len(segments)
    if fmt == "xliff2":
        from translator.review.xliff2 import write_xliff2

        write_xliff2(segments, path)
        return len(segments)
    from translator.review.tmx import write_tmx

    approved = _approved(segments, memory)
    write_tmx(approved, path)
    return len(approved)


def _approved(segments: list[ReviewSegment], memory: TranslationMemory | None):
    from translator.mt.memory import HumanTranslation

    found = []
    for segment in segments:
        human = memory.get_human(segment.source) if memory is not None else None
        if human is not None and human.state == "final":
            found.append(HumanTranslation(**{**human.to_dict(), "doc_id": segment.doc_id,
                                             "segment_id": segment.segment_id}))
    return found


def read_review_file(out_dir: str | Path, path: str | Path, *, translator: str = "",
                     memory: TranslationMemory | None = None):
    """The human translations in a reviewed XLIFF (1.2 or 2.x, told from the file) or TMX file (see
    :func:`import_review`); stores nothing.

    ``memory`` gives the current translations an XLIFF target is compared with (else the batch tables').
    """
    path = Path(path)
    if _format(None, path) == "tmx":
        from translator.review.tmx import read_tmx

        return read_tmx(path, translator=translator)
    from translator.review.xliff import read_xliff

    segments = {s.id: s for s in review_segments(out_dir, memory, fuzzy_limit=0)}
    return read_xliff(path, segments, translator=translator)


def import_review(out_dir: str | Path, path: str | Path, memory: TranslationMemory, *,
                  translator: str = "") -> ImportReport:
    """Store the edited and approved targets of a reviewed file as human translations, in one transaction.

    Raises :class:`~translator.errors.ReviewFileError` (every problem, with its line) and stores nothing when
    the file is broken, names segments ``out_dir`` does not have, or is in the wrong languages.
    """
    entries = read_review_file(out_dir, path, translator=translator, memory=memory)
    counts = memory.add_many(entries)
    return ImportReport(str(path), len(entries), counts.added, counts.raised, counts.unchanged)


def _format(fmt: str | None, path: str | Path) -> str:
    if fmt is None:
        path = Path(path)
        try:
            head = path.read_bytes()[:2048].lower()
        except OSError as error:
            raise InputError(f"{path}: cannot read ({error.strerror or error})") from error
        return "tmx" if b"<tmx" in head or path.suffix.lower() == ".tmx" else "xliff"
    if fmt.lower() not in FORMATS:
        raise InputError(f"Unknown review format {fmt!r}; use one of {FORMATS}.")
    return fmt.lower()

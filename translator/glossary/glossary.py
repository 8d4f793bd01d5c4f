"""The merged glossary a run uses: shipped files + outlet registry + the user's own files."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..config import glossary_dirs
from ..errors import GlossaryError
from ..text.arabic import fold
from .entry import GlossaryEntry, GlossaryProblem, TermMatch
from .load import merge, read_tsv
from .match import TermIndex, find_terms
from .outlets import outlet_entries

__all__ = ["Glossary"]


class Glossary:
    """Glossary entries with an Arabic-aware matcher.

    Build one with :meth:`load` (files) or directly from entries. ``problems`` lists every bad row that was
    skipped and every warning; a bad glossary never stops a run.
    """

    def __init__(self, entries: Iterable[GlossaryEntry] = (),
                 problems: Iterable[GlossaryProblem] = ()) -> None:
        merged, merge_problems = merge([list(entries)])
        self.entries: tuple[GlossaryEntry, ...] = tuple(merged)
        self.problems: tuple[GlossaryProblem, ...] = (*problems, *merge_problems)
        self._index = TermIndex(self.entries)
        self._by_source = {fold(e.source): e for e in self.entries}

    @classmethod
    def load(cls, extra_paths: Sequence[str | Path] = (), *, include_default: bool = True,
             include_outlets: bool = True) -> Glossary:
        """The shipped glossary (``*.tsv`` in the glossary folders), the outlet registry, then ``extra_paths``.

        Later sources override earlier ones for the same Arabic source, so a user's file corrects the
        shipped glossary. Bad rows end up in ``problems``; a file in ``extra_paths`` that does not exist
        raises ``GlossaryError`` (the user named it: a silent fallback would hide a typo).
        """
        missing = [str(p) for p in extra_paths if not Path(p).is_file()]
        if missing:
            raise GlossaryError(f"glossary file not found: {', '.join(missing)} (check the --glossary path)")
        groups: list[list[GlossaryEntry]] = []
        problems: list[GlossaryProblem] = []
        if include_outlets:
            entries, found = outlet_entries()
            groups.append(entries)
            problems.extend(found)
        paths: list[Path] = []
        if include_default:
            paths += sorted(p for folder in glossary_dirs() for p in folder.glob("*.tsv"))
        paths += [Path(p) for p in extra_paths]
        for path in paths:
            entries, found = read_tsv(path)
            groups.append(entries)
            problems.extend(found)
        merged, merge_problems = merge(groups, silent={0} if include_outlets else ())
        return cls(merged, (*problems, *merge_problems))

    @property
    def version(self) -> str:
        """A stable hash of what matching and enforcement depend on (not notes, files or line numbers)."""
        digest = hashlib.sha256()
        for row in sorted("\t".join((e.source, e.target, e.type, "|".join(e.variants), "|".join(e.target_variants),
                                     "|".join(e.flags), "|".join(e.banned))) for e in self.entries):
            digest.update(row.encode("utf-8") + b"\n")
        return digest.hexdigest()[:16]

    def match(self, text: str) -> list[TermMatch]:
        """Glossary terms in ``text`` (offsets into ``text``), longest match first, in text order."""
        return find_terms(text, self._index)

    def get(self, source: str) -> GlossaryEntry | None:
        """The entry whose source is ``source`` (compared in matching form), or None."""
        return self._by_source.get(fold(source))

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GlossaryEntry]:
        return iter(self.entries)

    def __repr__(self) -> str:
        return f"Glossary({len(self.entries)} entries, version {self.version}, {len(self.problems)} problems)"

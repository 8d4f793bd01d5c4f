"""The error hierarchy: every error the toolkit raises on purpose is a TranslatorError.

Messages say what went wrong *and* what to do next, because they are read by translators at a prompt.
"""

from __future__ import annotations

__all__ = [
    "CitationError", "DamagedFileError", "DataFileError", "EngineError", "GlossaryError", "InputError",
    "ModelNotFoundError", "NoSpaceError", "OverLimitError", "TranslatorError",
]


class TranslatorError(Exception):
    """Base class of every error this package raises on purpose; ``exit_code`` is the command line's."""

    exit_code = 2


class InputError(TranslatorError):
    """A document or an argument cannot be used (unreadable file, bad encoding, malformed value)."""


class OverLimitError(InputError):
    """A corpus file (or one record of it) went over a resource limit of the batch (issue #13): ``limit`` says
    which, in words (``"50 MB per file"``), ``option`` the command-line option that raises it (None when none
    does). The batch's errors table has both in its ``limit`` and ``option`` columns."""

    def __init__(self, message: str, *, limit: str = "", option: str | None = None) -> None:
        self.limit, self.option = limit, option
        super().__init__(message)


class ModelNotFoundError(TranslatorError):
    """No translation model could be found where we looked."""

    def __init__(self, model: str, looked_in: list[str], hint: str | None = None) -> None:
        self.model = model
        self.looked_in = list(looked_in)
        where = "\n".join(f"  - {place}" for place in self.looked_in) or "  - (nowhere)"
        fix = hint or (
            f"To get it: `translator models pull {model}` (needs network), or, with a copy brought by hand,\n"
            f"`translator models add PATH --id {model}`."
        )
        super().__init__(f"Translation model {model!r} not found. Looked in:\n{where}\n{fix}")


class EngineError(TranslatorError):
    """A translation engine failed to load or to run."""


class GlossaryError(TranslatorError):
    """A glossary file is unreadable or contains entries that cannot be used."""


class CitationError(TranslatorError):
    """A citation could not be parsed or a citations table failed validation."""


class DataFileError(InputError):
    """A language data file (``translator/data/*.tsv``, a glossary file) has a row that cannot be used.

    ``path`` and ``line`` (1-based, as an editor shows it; 0 when the whole file is at fault) say where.
    """

    def __init__(self, path: object, line: int, problem: str) -> None:
        self.path = str(path)
        self.line = line
        if line:
            super().__init__(f"{self.path}, line {line}: {problem}. Fix or remove that row (the comment lines at "
                             f"the top of the file say what goes in each column).")
        else:
            super().__init__(f"{self.path}: {problem}.")
class ReviewFileError(InputError):
    """An XLIFF or TMX file cannot be imported; ``problems`` lists each as (line, message). Nothing was stored."""

    def __init__(self, path: str, problems: list[tuple[int | None, str]]) -> None:
        self.path, self.problems = path, problems
        shown = [f"{path}:{line}: {message}" if line else f"{path}: {message}" for line, message in problems[:20]]
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__("\n".join(shown) + more + "\nNothing was imported; fix the file and import it again.")


class DamagedFileError(InputError):
    """A file the toolkit keeps (translation memory, MT cache, run state) is not a sound SQLite database, or
    is damaged inside (``database disk image is malformed``): the message names it and says to move it aside.
    Exit code 3 (issue #13)."""

    exit_code = 3


class NoSpaceError(TranslatorError):
    """The disk (or the user's quota) was full while writing outputs (``ENOSPC``, ``EDQUOT``, SQLite's
    ``SQLITE_FULL``); what was written before is kept. Exit code 4 (issue #13)."""

    exit_code = 4

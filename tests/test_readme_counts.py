"""The figures the README quotes are the data's (new-user finding 19: "665 entries, plus 286 outlet names" while
the files held 761 and `glossary list` reported 1060). A change to the data files that moves a count fails
here until the README says the new figure."""

from __future__ import annotations

import re
from pathlib import Path

from translator.config import glossary_dirs
from translator.glossary import Glossary
from translator.glossary.load import read_tsv

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_glossary_counts_in_the_readme_are_the_data_files() -> None:
    text = " ".join(README.read_text(encoding="utf-8").split())
    found = re.search(r"\(`glossary/\*\.tsv`, (\d[\d,]*) entries, plus (\d[\d,]*) outlet names .*?"
                      r"`translator glossary list` counts (\d[\d,]*)", text)
    assert found, "the README no longer quotes the glossary counts in the form this test reads"
    files, outlets, listed = (int(g.replace(",", "")) for g in found.groups())
    paths = sorted(p for folder in glossary_dirs() for p in folder.glob("*.tsv"))
    assert files == sum(len(read_tsv(p)[0]) for p in paths)
    total = len(Glossary.load([]).entries)  # what `translator glossary list` counts
    assert (listed, outlets) == (total, total - files)


def test_the_suite_and_notebooks_import_no_moved_module() -> None:
    """An old module path (``translator.MOVED``) imports with a DeprecationWarning; the project's own tests and
    notebooks use the new paths (the suite warned from tests/corpus/test_glossary_reuse.py)."""
    from translator import MOVED

    root = README.parent
    sources = [*(root / "tests").rglob("*.py"), *(root / "notebooks").rglob("*.ipynb")]
    old = re.compile(r"\b(" + "|".join(re.escape(name) for name in MOVED) + r")\b(?![\w.])")
    found = [f"{path.relative_to(root)}: {match.group(1)}" for path in sources if ".cache" not in path.parts
             for match in old.finditer(path.read_text(encoding="utf-8"))]
    allowed = {"tests/test_imports.py"}  # the test of the old paths themselves
    assert [f for f in found if f.split(":")[0] not in allowed] == []

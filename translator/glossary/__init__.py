"""Domain glossary: load and check TSV/TBX files, match terms in Arabic text, enforce them in translations.

The facade of the subpackage; names are loaded on first use (as in ``translator.citations``), so importing a
light submodule (``translator.glossary.entry`` for the term types, as the command line's parser does) does not
pull in the matcher, the enforcer and their word lists.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "translator.glossary.enforce": ["STRATEGIES", "TermEnforcer"],
    "translator.glossary.entry": ["TYPES", "GlossaryEntry", "GlossaryProblem", "TermMatch"],
    "translator.glossary.glossary": ["Glossary"],
    "translator.glossary.load": ["check_glossary", "read_tsv", "write_tsv"],
    "translator.glossary.report": ["CorpusTermReport", "TermCheck", "TermReport", "check_translation", "summarize"],
    "translator.glossary.tbx": ["import_tbx"],
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'translator.glossary' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

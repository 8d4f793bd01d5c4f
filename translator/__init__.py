"""translator: detect, translate (Arabic → English), glossary-check and cite Arabic-language news.

The public API, importable from here (loaded lazily, so ``import translator`` stays fast and loads no model):

    from translator import detect, detect_runs, parse_date, parse_citations, Glossary
    from translator import load_engine, Translator, TranslationMemory, run_batch, read_table
    from translator.qa import check          # translation QA (issue 17)
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import warnings
from collections.abc import Callable
from types import ModuleType
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "translator.errors": ["TranslatorError", "InputError", "ModelNotFoundError", "EngineError", "GlossaryError",
                          "CitationError"],
    "translator.langid": ["detect", "detect_many", "detect_runs", "available_detectors", "Detection", "LangRun"],
    "translator.dates": ["parse_date", "find_dates", "DateResult"],
    "translator.citations": ["parse_citations", "parse_citation", "Citation", "citations_frame",
                             "validate_citations_frame", "CITATION_COLUMNS"],
    "translator.glossary.outlets": ["OutletRegistry", "Outlet", "UnknownOutlets"],
    "translator.glossary": ["Glossary", "GlossaryEntry", "TermMatch", "check_glossary", "import_tbx"],
    "translator.glossary.enforce": ["TermEnforcer"],
    "translator.glossary.report": ["TermReport", "summarize"],
    "translator.mt": ["load_engine", "Translator", "Translation", "TranslationMemory", "ModelInfo", "Hypothesis",
                      "resolve_model", "list_models", "pull_model", "add_model", "convert_model", "remove_model"],
    "translator.corpus.run": ["run_batch", "BatchOptions", "RunSummary"],
    "translator.corpus.tables": ["read_table"],
    "translator.corpus.report": ["write_report"],
    "translator.qa": ["QAFlag"],  # the check itself: translator.qa.check (``check`` alone would say too little)
}


def lazy_exports(package: str, exports: dict[str, list[str]], namespace: dict[str, Any]
                 ) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """A package facade whose names load on first use: ``exports`` maps a module's dotted name to the names it
    gives; ``namespace`` is the package's ``globals()``, where a loaded name is kept so the next use is a plain
    look-up. Returns ``(__all__, __getattr__, __dir__)`` for the package to bind; ``__getattr__`` raises
    AttributeError for any other name. Used by ``translator``, ``translator.citations`` and ``translator.glossary``.
    """
    where = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where))

    return sorted(where), __getattr__, __dir__


__all__, __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())


# Modules that moved in issue 12 (one house): the old import paths keep working, with a DeprecationWarning
# that says where to go.  Nothing is imported until an old path is used.
MOVED = {
    "translator.outlets": "translator.glossary.outlets",
    "translator.citations_blocks": "translator.citations.blocks",
    "translator.citations_cues": "translator.citations.cues",
    "translator.citations_forms": "translator.citations.forms",
    "translator.citations_inline": "translator.citations.inline",
    "translator.citations_quotes": "translator.citations.quotes",
    "translator.citations_table": "translator.citations.table",
    "translator.citations_text": "translator.citations.fields",
    "translator.langid_backends": "translator.langid.backends",
    "translator.langid_lexicon": "translator.langid.lexicon",
    "translator.langid_runs": "translator.langid.runs",
    "translator.langid_scripts": "translator.langid.scripts",
    "translator.notebook_run": "translator.notebook.run",
    "translator.mt.tiny": "translator.testing.tiny",
    "translator.corpus.ray_runner": "translator.corpus.executors.ray",
    "translator.corpus.ray_stages": "translator.corpus.executors.ray_workers",
    "translator.corpus.ray_tables": "translator.corpus.executors.ray_tables",
    "translator.corpus.pipeline": "translator.corpus.run",
}


class _MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Import an old module path as its new module (the same module object, so state is shared)."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> Any:
        if fullname not in MOVED:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: Any) -> ModuleType:
        new = MOVED[spec.name]
        warnings.warn(f"{spec.name} moved to {new}; import it from there.", DeprecationWarning, stacklevel=2)
        return importlib.import_module(new)

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the module is the new one, already executed."""


if not any(isinstance(finder, _MovedModules) for finder in sys.meta_path):
    sys.meta_path.append(_MovedModules())


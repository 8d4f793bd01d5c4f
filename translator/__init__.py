"""translator: detect, translate (Arabic → English), glossary-check and cite Arabic-language news.

The public API, importable from here (loaded lazily, so ``import translator`` stays fast and loads no model):

    from translator import detect, detect_runs, parse_date, parse_citations, Glossary
    from translator import load_engine, Translator, TranslationMemory, run_batch, read_table
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "translator.errors": ["TranslatorError", "InputError", "ModelNotFoundError", "EngineError", "GlossaryError",
                          "CitationError"],
    "translator.langid": ["detect", "detect_many", "detect_runs", "available_detectors", "Detection", "LangRun"],
    "translator.dates": ["parse_date", "find_dates", "DateResult"],
    "translator.citations": ["parse_citations", "parse_citation", "Citation", "citations_frame",
                             "validate_citations_frame", "CITATION_COLUMNS"],
    "translator.glossary.outlet_registry": ["OutletRegistry", "Outlet"],
    "translator.glossary": ["Glossary", "GlossaryEntry", "TermMatch", "check_glossary", "import_tbx"],
    "translator.glossary.enforce": ["TermEnforcer"],
    "translator.glossary.report": ["TermReport", "summarize"],
    "translator.mt": ["load_engine", "Translator", "Translation", "TranslationMemory", "ModelInfo", "Hypothesis",
                      "resolve_model", "list_models", "pull_model", "add_model", "convert_model", "remove_model"],
    "translator.corpus.pipeline": ["run_batch", "BatchOptions", "RunSummary"],
    "translator.corpus.tables": ["read_table"],
    "translator.corpus.report": ["write_report"],
}
_WHERE = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'translator' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


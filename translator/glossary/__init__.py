"""Domain glossary: load and check TSV/TBX files, match terms in Arabic text, enforce them in translations.

The facade of the subpackage; names are loaded on first use (as in ``translator.citations``), so importing a
light submodule (``translator.glossary.entry`` for the term types, as the command line's parser does) does not
pull in the matcher, the enforcer and their word lists.
"""

from __future__ import annotations

from translator import lazy_exports

_EXPORTS = {
    "translator.glossary.enforce": ["STRATEGIES", "TermEnforcer"],
    "translator.glossary.entry": ["TYPES", "GlossaryEntry", "GlossaryProblem", "TermMatch"],
    "translator.glossary.glossary": ["Glossary"],
    "translator.glossary.load": ["check_glossary", "read_tsv", "write_tsv"],
    "translator.glossary.report": ["CorpusTermReport", "TermCheck", "TermReport", "check_translation", "summarize"],
    "translator.glossary.tbx": ["import_tbx"],
}
__all__, __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

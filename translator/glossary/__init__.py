"""Domain glossary: load and check TSV/TBX files, match terms in Arabic text, enforce them in translations."""

from .enforce import STRATEGIES, TermEnforcer
from .entry import TYPES, GlossaryEntry, GlossaryProblem, TermMatch
from .glossary import Glossary
from .load import check_glossary, read_tsv, write_tsv
from .report import CorpusTermReport, TermCheck, TermReport, check_translation, summarize
from .tbx import import_tbx

__all__ = ["STRATEGIES", "TYPES", "CorpusTermReport", "Glossary", "GlossaryEntry", "GlossaryProblem", "TermCheck",
           "TermEnforcer", "TermMatch", "TermReport", "check_glossary", "check_translation", "import_tbx",
           "read_tsv", "summarize", "write_tsv"]

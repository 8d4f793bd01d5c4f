"""Citations: find and read the sources a news text cites (issue 3), as typed records and a table.

    >>> from translator.citations import parse_citations
    >>> [c.outlet_canonical for c in parse_citations('“عنوان (A headline),” RT Arabic, 26 May 2022.')]
    ['RT Arabic']

The facade of the subpackage; names are loaded on first use, so importing a submodule (``cues``) does not
pull the parser in.  The rooms: ``blocks`` cuts a document into pieces, ``quotes`` repairs quote damage,
``forms`` reads the citation shapes, ``inline`` finds prose attributions, ``fields`` holds the draft and the
field helpers, ``cues`` the structure words (``translator/data/citation_cues.tsv``), ``table`` the
citations table, and ``parse`` finishes every draft (outlet, languages, date, confidence).
"""

from __future__ import annotations

from translator import lazy_exports

_EXPORTS = {
    "translator.citations.parse": ["Citation", "default_registry", "parse_citation", "parse_citations"],
    "translator.citations.table": ["CITATIONS_SCHEMA", "CITATION_COLUMNS", "CITATION_KINDS", "citations_frame",
                                   "read_citations_csv", "schema_markdown", "table_row",
                                   "validate_citations_frame"],
}
__all__, __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

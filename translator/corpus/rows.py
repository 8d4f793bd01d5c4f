"""The batch job's typed rows, declared once: every column of every table with its type, whether it may be
null, and what it means. The Arrow schemas of the tables (``tables.py``), the manifest's table descriptions
and the README's table descriptions all come from here (tests/corpus/test_corpus_rows.py checks the README),
and so do the typed rows the stages hand each other: frozen dataclasses, one field per column
(:class:`DocumentRow`, :class:`SegmentRow`, :class:`CitationRow`, :class:`ErrorRow`,
:class:`GlossaryCandidateRow`), turned into dicts (``as_dict``) only where they are stored or written.

The citations table's own columns are declared with the citation parser (``translator.citations.table``);
the batch job adds the columns in :data:`CITATION_EXTRA`. The batch tables accept nulls in every column
(as they always have); the citations table refuses them where its declaration says so.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Self

__all__ = ["CITATION_EXTRA", "DESCRIPTIONS", "ROW_CLASSES", "TABLES", "CitationRow", "Column", "DocumentRow",
           "ErrorRow", "GlossaryCandidateRow", "Row", "SegmentRow", "arrow_schema", "columns", "markdown",
           "row_class"]


@dataclass(frozen=True)
class Column:
    """One column: ``type`` is one of string, int32, int64, float32, float64, bool."""

    name: str
    type: str
    nullable: bool
    meaning: str


C = Column
DOCUMENTS = (
    C("doc_id", "string", True, "document id: its path in the corpus (plus the record, for JSON files)"),
    C("path", "string", True, "file path relative to the corpus folder"),
    C("format", "string", True, "the reader that read it: text (.txt), markdown, html, docx or json (.json, .jsonl)"),
    C("encoding", "string", True, "decoded from (chosen by plausibility if not UTF-8; `utf-8+cp1256`: a file in two)"),
    C("encoding_confidence", "float32", True,
      "how sure that reading is, 0..1 (1: a byte-order mark, valid UTF-8; a guessed code page ≤ 0.95)"),
    C("sha256", "string", True, "SHA-256 of the file's bytes"),
    C("title", "string", True,
      "title: HTML <title>, a JSON field; a .txt/.md file's first line when short and not a sentence"),
    C("outlet", "string", True, "outlet named by the file's metadata"),
    C("published", "string", True, "publication date the document states (HTML, a record's date), as written"),
    C("file_created", "string", True, "when the file says it was made (Word core properties): never a news date"),
    C("url", "string", True, "URL from the file's metadata"),
    C("lang", "string", True, "the language of most of its characters (ISO 639-1; und when none)"),
    C("n_chars", "int32", True, "characters of text"),
    C("n_segments", "int32", True, "rows in segments"),
    C("n_arabic_segments", "int32", True, "segments detected as Arabic"),
    C("n_citations", "int32", True, "rows in citations"),
    C("warnings", "string", True, "what reading it needed (encoding guessed, mojibake repaired), joined by \"; \""),
)
SEGMENTS = (
    C("doc_id", "string", True, "document the segment belongs to"),
    C("segment_id", "int32", True, "0, 1, 2 ... within the document"),
    C("line", "int32", True, "line of the document (0-based)"),
    C("start", "int32", True, "offset of the segment in the document text (characters)"),
    C("end", "int32", True, "end offset in the document text"),
    C("text", "string", True, "the segment as written: a sentence, or a run of one language and script"),
    C("lang", "string", True, "detected language (ISO 639-1; und when undecided)"),
    C("lang_confidence", "float32", True, "the detector's confidence, 0..1"),
    C("script", "string", True, "ISO 15924 script of the run (Arab, Latn ...)"),
    C("translation", "string", True, "machine translation into English"),
    C("translation_human", "string", True, "human translation from the translation memory, when one exists"),
    C("translation_status", "string", True,
      "translated, suspicious, human (a reviewer's, from the memory), failed, no_model, disabled or not_arabic"),
    C("translation_note", "string", True, "why there is no translation, and what to do"),
    C("translation_flags", "string", True, "guard and term flags, joined by \"; \""),
    C("qa_flags", "string", True, "translation QA flags (numbers, dates, names, leftovers) as a JSON list"),
    C("from_memory", "bool", True, "the translation came from the MT cache"),
    C("engine", "string", True, "MT engine (transformers, ctranslate2)"),
    C("model", "string", True, "model id"),
    C("glossary_terms", "string", True, "glossary terms found, as source=target joined by \"; \""),
    C("term_layers", "string", True,
      "the layer of each of those terms (user, glossary, composed, gazetteer, romanized)"),
    C("terms_found", "int32", True, "glossary terms found in the segment"),
    C("terms_placed", "int32", True, "of those, present in the translation"),
    C("terms_exact", "int32", True, "of those, present exactly as the glossary writes them"),
)
ERRORS = (
    C("path", "string", True, "file that could not be processed"),
    C("doc_id", "string", True, "document, when the failure was inside one record of a file"),
    C("stage", "string", True, "read or analyze"),
    C("error", "string", True, "error type"),
    C("message", "string", True, "what went wrong and what to do"),
    C("scope", "string", True, "file: the whole file was left out (none of its documents are in the tables); "
      "record: one record of it (a JSON-lines line, a .json array item) was left out, the others kept; "
      "empty in a run state from before these columns: file"),
    C("record", "int32", True, "for scope record: its line in a .jsonl file, its place in a .json array "
      "(both from 1)"),
    C("limit", "string", True, "the limit it went over, when one did (`10 MB per JSON-lines record`)"),
    C("option", "string", True, "the option that raises that limit (`--max-record-mb`), when there is one"),
)
GLOSSARY_CANDIDATES = (
    C("source", "string", True, "the name as written in Arabic"),
    C("romanized", "string", True, "its romanization by rule (translator/data/name_romanization.tsv)"),
    C("type", "string", True, "person or org"),
    C("count", "int32", True, "how many times it was found"),
    C("documents", "int32", True, "in how many documents"),
    C("examples", "string", True, "sentences it was found in"),
)
#: the columns the batch job adds to translator.citations' own table
CITATION_EXTRA = (
    C("doc_id", "string", True, "document the citation was found in"),
    C("title_english_machine", "string", True, "machine translation of title_original (beside the human one)"),
    C("translation_status", "string", True, "status of that translation, as in segments"),
    C("qa_flags", "string", True, "translation QA of title_original against title_english, as a JSON list"),
)
del C

TABLES: dict[str, tuple[Column, ...]] = {"documents": DOCUMENTS, "segments": SEGMENTS, "errors": ERRORS,
                                         "glossary_candidates": GLOSSARY_CANDIDATES}
DESCRIPTIONS = {
    "documents": "one row per document read (a .json/.jsonl file may hold several)",
    "segments": "one row per sentence or language run of a document, with its detected language and translation",
    "citations": "one row per citation found, with normalized outlet and ISO date",
    "errors": "one row per file or document that could not be processed, with the stage and reason",
    "glossary_candidates": "one row per name no glossary layer holds (found after a title or role, romanized "
                           "by rule): count, documents, examples; correct `romanized` and copy rows into a "
                           "glossary file (source, target, type) to approve them",
}
_CITATION_TYPES = {"string": "string", "float64": "float64", "Int64": "int64", "int64": "int64"}


def columns(table: str) -> tuple[Column, ...]:
    """The declared columns of ``table`` (documents, segments, citations, errors), in table order."""
    if table != "citations":
        return TABLES[table]
    from ..citations.table import CITATIONS_SCHEMA

    own = tuple(Column(name, _CITATION_TYPES[dtype], nullable, meaning)
                for name, (dtype, nullable, meaning) in CITATIONS_SCHEMA.items())
    names = {c.name for c in own}
    return own + tuple(c for c in CITATION_EXTRA if c.name not in names)


def arrow_schema(table: str):  # -> pyarrow.Schema (pyarrow imported here: the declaration stays cheap)
    """The Arrow schema of ``table``: types and nullability from the declaration."""
    import pyarrow as pa

    types = {"string": pa.string(), "int32": pa.int32(), "int64": pa.int64(), "float32": pa.float32(),
             "float64": pa.float64(), "bool": pa.bool_()}
    return pa.schema([pa.field(c.name, types[c.type], nullable=c.nullable) for c in columns(table)])


def markdown(table: str) -> str:
    """The declaration of ``table`` as a Markdown table (column, type, null, meaning), for the README."""
    lines = ["| column | type | null | meaning |", "|---|---|---|---|"]
    lines += [f"| `{c.name}` | {c.type} | {'yes' if c.nullable else 'no'} | {c.meaning} |" for c in columns(table)]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------ typed rows
_GETTERS: dict[type, tuple[Callable[[Any], tuple[Any, ...]], dict[str, int]]] = {}  # see Row.replace
_PYTHON_TYPES = {"string": str, "int32": int, "int64": int, "float32": float, "float64": float, "bool": bool}


def _getter(cls: type) -> tuple[Callable[[Any], tuple[Any, ...]], dict[str, int]]:
    """(a function giving a row's values in column order in one C call, column → position) for a row class."""
    getter = _GETTERS.get(cls)
    if getter is None:
        names = tuple(f.name for f in dataclasses.fields(cls))  # every column, in order
        read_all = operator.attrgetter(*names) if len(names) > 1 else lambda row: (getattr(row, names[0]),)
        getter = _GETTERS[cls] = (read_all, {name: i for i, name in enumerate(names)})
    return getter


class Row:
    """A table row as the stages pass it on: frozen, one field per declared column, None where nothing is
    known (a column a stage has not filled yet). ``TABLE`` names the table. Fields are read as attributes, or
    as ``row["column"]`` / ``row.get("column")`` like the dict rows the tables give back; a stage that fills
    columns returns a new row (:meth:`replace`), it never changes one in place."""

    TABLE: ClassVar[str] = ""

    def as_dict(self, *, compact: bool = False) -> dict[str, Any]:
        """``{column: value}`` in table order; ``compact`` leaves out the columns that are None (the run
        state stores rows so: a missing column reads back as null)."""
        read, index = _getter(type(self))
        if compact:
            return {k: v for k, v in zip(index, read(self), strict=True) if v is not None}
        return dict(zip(index, read(self), strict=True))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """The row of ``data`` (a stored or written row; missing columns are None). Raises ``TypeError`` for a
        key that is not a column of the table."""
        return cls(**data)

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` (column=value). Raises ``TypeError`` for a name that is not a column.

        What ``dataclasses.replace`` gives, built from the row's values read in one C call (issue 20: a batch
        replaces every row several times)."""
        cls = type(self)
        read, index = _getter(cls)
        values = list(read(self))
        for name, value in changes.items():
            where = index.get(name)
            if where is None:
                raise TypeError(f"{cls.__name__}.replace() got an unexpected column {name!r}")
            values[where] = value
        return cls(*values)

    def __getitem__(self, column: str) -> Any:
        if column not in self.__dataclass_fields__:  # type: ignore[attr-defined]
            raise KeyError(column)
        return getattr(self, column)

    def get(self, column: str, default: Any = None) -> Any:
        """The value of ``column``, or ``default`` when it is None or not a column (as ``dict.get``)."""
        value = getattr(self, column, None) if column in self.__dataclass_fields__ else None  # type: ignore[attr-defined]
        return default if value is None else value


def row_class(class_name: str, table: str) -> type[Row]:
    """A frozen dataclass with one field (type from the declaration, or None) per column of ``table``."""
    fields = [(c.name, _PYTHON_TYPES[c.type] | None, dataclasses.field(default=None)) for c in columns(table)]
    doc = f"One row of the {table} table: {DESCRIPTIONS[table]}. Columns as declared in translator.corpus.rows."
    return dataclasses.make_dataclass(class_name, fields, bases=(Row,), frozen=True, slots=True,
                                      namespace={"TABLE": table, "__doc__": doc, "__module__": __name__})


DocumentRow = row_class("DocumentRow", "documents")
SegmentRow = row_class("SegmentRow", "segments")
ErrorRow = row_class("ErrorRow", "errors")
GlossaryCandidateRow = row_class("GlossaryCandidateRow", "glossary_candidates")
CitationRow = row_class("CitationRow", "citations")
#: table name → its row class
ROW_CLASSES: dict[str, type[Row]] = {"documents": DocumentRow, "segments": SegmentRow, "citations": CitationRow,
                                     "errors": ErrorRow, "glossary_candidates": GlossaryCandidateRow}

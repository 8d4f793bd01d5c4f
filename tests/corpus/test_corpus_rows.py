"""The rows declared once (translator/corpus/rows.py): Arrow schemas and the README come from the declaration."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from translator.citations import schema_markdown
from translator.corpus import rows, tables

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["documents", "segments", "errors"])
def test_readme_describes_each_table_as_declared(name: str) -> None:
    assert rows.markdown(name) in README, f"README's {name} table differs from rows.py: paste rows.markdown()"


def test_readme_citations_table_is_the_parsers_declaration() -> None:
    assert schema_markdown() in README


@pytest.mark.parametrize(("name", "schema"), [("documents", tables.DOCUMENTS), ("segments", tables.SEGMENTS),
                                             ("errors", tables.ERRORS)])
def test_arrow_schemas_follow_the_declaration(name: str, schema: pa.Schema) -> None:
    declared = rows.columns(name)
    assert schema.names == [c.name for c in declared]
    assert [f.nullable for f in schema] == [c.nullable for c in declared]
    assert str(schema.field(declared[0].name).type) == declared[0].type


def test_citations_schema_is_the_parsers_columns_plus_the_batch_columns() -> None:
    schema = tables.citations_schema()
    assert schema.names[-3:] == ["title_english_machine", "translation_status", "qa_flags"]
    assert not schema.field("raw").nullable and schema.field("title_english_machine").nullable


def test_a_row_missing_a_required_citation_value_is_refused() -> None:
    from translator.errors import InputError

    with pytest.raises(InputError, match="'raw' must not be empty"):
        tables.rows_to_arrow([{"doc_id": "a.txt", "kind": "news_citation", "confidence": 0.5, "start": 0, "end": 1}],
                             tables.citations_schema())

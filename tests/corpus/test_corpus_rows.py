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


@pytest.mark.parametrize("name", sorted(rows.ROW_CLASSES))
def test_each_typed_row_has_exactly_the_declared_columns(name: str) -> None:
    import dataclasses

    row_class = rows.ROW_CLASSES[name]
    fields = dataclasses.fields(row_class)
    assert [f.name for f in fields] == [c.name for c in rows.columns(name)] == rows.arrow_schema(name).names
    python = {"string": str, "int32": int, "int64": int, "float32": float, "float64": float, "bool": bool}
    assert [f.type for f in fields] == [python[c.type] | None for c in rows.columns(name)]
    assert name == row_class.TABLE and row_class.__dataclass_params__.frozen


def test_a_typed_row_is_frozen_reads_like_a_table_row_and_refuses_unknown_columns() -> None:
    import dataclasses

    row = rows.SegmentRow(doc_id="a.txt", segment_id=0, text="قال الوزير", lang="ar", from_memory=False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.lang = "en"  # type: ignore[misc]
    assert (row.lang, row["lang"], row.get("translation"), row.get("translation", "-")) == ("ar", "ar", None, "-")
    assert list(row.as_dict()) == [c.name for c in rows.columns("segments")]
    assert row.as_dict(compact=True) == {"doc_id": "a.txt", "segment_id": 0, "text": "قال الوزير", "lang": "ar",
                                         "from_memory": False}  # False is a value, None is not
    assert rows.SegmentRow.from_dict(row.as_dict(compact=True)) == row
    filled = row.replace(translation="The minister said")
    assert filled.translation == "The minister said" and row.translation is None
    for name, row_class in rows.ROW_CLASSES.items():  # the fast replace gives what dataclasses.replace gives
        names = [c.name for c in rows.columns(name)]
        full = row_class(*[f"{n}-value" for n in names])
        changes = {names[0]: "first", names[-1]: None}
        assert full.replace(**changes) == dataclasses.replace(full, **changes)
        assert type(full.replace()) is row_class and full.replace() == full
    with pytest.raises(TypeError, match="no_such_column"):
        row.replace(no_such_column=1)
    with pytest.raises(TypeError):
        rows.SegmentRow.from_dict({"doc_id": "a.txt", "no_such_column": 1})
    with pytest.raises(KeyError):
        row["no_such_column"]


def test_the_analyze_stage_returns_typed_rows_and_the_stored_form_reads_back() -> None:
    from translator.corpus.analyze import Analysis, analyze_document
    from translator.corpus.readers import Document

    text = "قال الوزير إن الحكومة ستعلن خطة جديدة.\nThe minister spoke in Algiers."
    analysis = analyze_document(Document("d.txt", "d.txt", "txt", text, "0" * 64))
    assert isinstance(analysis.document, rows.DocumentRow)
    assert analysis.segments and all(isinstance(s, rows.SegmentRow) for s in analysis.segments)
    assert [s.lang for s in analysis.segments] == ["ar", "en"]
    assert Analysis.from_dict(analysis.to_dict()) == analysis

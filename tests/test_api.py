"""The public API: everything documented is importable from `translator`, lazily."""

from __future__ import annotations

import subprocess
import sys

import pytest

import translator


@pytest.mark.parametrize("name", translator.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(translator, name) is not None


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = translator.nope


def test_import_translator_loads_no_model_framework() -> None:
    code = ("import sys, translator; translator.detect('مدينة تندوف'); "
            "print(sorted(m for m in ('torch', 'transformers', 'ctranslate2', 'ray') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_errors_form_one_hierarchy() -> None:
    for name in ("InputError", "ModelNotFoundError", "EngineError", "GlossaryError", "CitationError"):
        assert issubclass(getattr(translator, name), translator.TranslatorError)

"""Fixtures shared by the glossary tests: the shipped term base, loaded once per test module."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from translator.glossary import Glossary


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    """The shipped glossary, outlets and gazetteer layers (a module that needs another one defines its own)."""
    return Glossary.load()


@pytest.fixture(scope="module")
def found_terms(glossary: Glossary) -> Callable[[str, str], dict[str, str]]:
    """``found_terms(text, country)`` → {surface: rendering} of the shipped glossary's matches in ``text``."""
    def found(text: str, country: str) -> dict[str, str]:
        return {m.surface: m.target for m in glossary.match(text, country=country)}
    return found

"""The matcher builds its matches without the frozen dataclass's per-field ``object.__setattr__`` (session 13,
issue 16): the object must be the one ``TermMatch(...)`` makes, field for field and in field order."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from translator.glossary import Glossary
from translator.glossary.entry import GlossaryEntry, TermMatch
from translator.glossary.match import _term_match


def _pair(entry: GlossaryEntry, clitic: str = "") -> tuple[TermMatch, TermMatch]:
    fast = _term_match(3, 9, "الجزائر", entry, clitic)
    slow = TermMatch(3, 9, "الجزائر", entry.source, entry.target, entry.type, clitic, entry, entry.layer)
    return fast, slow


@pytest.mark.parametrize("clitic", ["", "و", "لل"])
def test_the_same_object_as_the_constructor(clitic: str) -> None:
    entry = GlossaryEntry("الجزائر", "Algeria", "place", layer="gazetteer")
    fast, slow = _pair(entry, clitic)
    assert type(fast) is TermMatch
    assert list(vars(fast).items()) == list(vars(slow).items())
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert pickle.dumps(fast) == pickle.dumps(slow)
    assert fast.to_dict() == slow.to_dict() and fast.entry is slow.entry
    assert dataclasses.replace(fast, target="x") == dataclasses.replace(slow, target="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.target = "Algiers"  # type: ignore[misc]


def test_every_field_is_written() -> None:
    """A field added to TermMatch must be added to _term_match too (this fails until it is)."""
    fast, _ = _pair(GlossaryEntry("الجزائر", "Algeria", "place"))
    assert list(vars(fast)) == [f.name for f in dataclasses.fields(TermMatch)]


def test_matches_of_a_real_glossary_are_plain_term_matches() -> None:
    glossary = Glossary.load()
    for match in glossary.match("قال وزير الخارجية الجزائري إن الجزائر والأمم المتحدة اتفقتا في وهران"):
        rebuilt = TermMatch(**{f.name: getattr(match, f.name) for f in dataclasses.fields(TermMatch)})
        assert list(vars(match).items()) == list(vars(rebuilt).items())

"""Remembered glossary matches (issue 20): the same answer as matching afresh, a new list each time, per
country, and dropped when what matching reads changes."""

from __future__ import annotations

from pathlib import Path

from translator.glossary import Glossary
from translator.glossary.remembered import MAX_CHARS, forget_matches

CORPUS = Path(__file__).resolve().parents[2] / "corpus"  # the committed sample documents
LINES = ["قال المتحدث باسم الوزارة سامي الزبيدي إن", "وزير الخارجية الجزائري يصل إلى موسكو.",
         "التقى الرئيس التونسي قيس سعيد بوزير الخارجية المصري في القاهرة",
         "قالت وكالة الأنباء الجزائرية إن الرئيس تبون استقبل لافروف", "no Arabic here", ""]


def fresh(glossary: Glossary, text: str, country: str | None = None) -> list:
    # the match without memory: Glossary._matches is the remembered step (Glossary.match adds the document's names)
    return Glossary._matches.__wrapped__(glossary, text, country)  # type: ignore[attr-defined]


def test_remembered_matches_are_the_fresh_ones(glossary: Glossary) -> None:
    lines = LINES + [line for p in sorted(CORPUS.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 40
    forget_matches()
    for country in (None, "DZ", "LB"):
        for line in lines:
            first = glossary.match(line, country=country)
            again = glossary.match(line, country=country)
            assert first == again == fresh(glossary, line, country)
            assert [m.entry for m in first] == [m.entry for m in fresh(glossary, line, country)]
            assert again is not first  # a new list: a caller may change it
    assert any(glossary.match(line) for line in lines)  # the lines do hold terms


def test_remembered_matches_follow_the_glossary(glossary: Glossary) -> None:
    line = "قال المتحدث باسم الوزارة سامي الزبيدي إن"  # a name no layer holds: read only with romanize_names
    other = Glossary(glossary.entries, gazetteer=glossary.gazetteer, romanize_names=not glossary.romanize_names,
                     composed=glossary.composed)
    assert other.match(line) == fresh(other, line)  # each glossary its own memory
    before = glossary.match(line)
    glossary.romanize_names = not glossary.romanize_names
    try:
        assert glossary.match(line) == fresh(glossary, line)
        assert glossary.match(line) != before  # names read or not: the memory did not answer for the old setting
    finally:
        glossary.romanize_names = not glossary.romanize_names
    assert glossary.match(line) == before
    long_text = (line + " ") * (MAX_CHARS // len(line) + 1)
    assert glossary.match(long_text) == fresh(glossary, long_text)


def test_a_document_is_never_answered_from_memory(glossary: Glossary) -> None:
    from translator.glossary.document import DocumentNames

    full = "أشرف والي الجزائر العاصمة، محمد عبد النور رابحي، اليوم الأحد، على مراسم تنصيب الولاة"
    bare = "وقال رابحي إن العاصمة تستحق الأفضل"
    forget_matches()
    alone = glossary.match(bare, country="DZ")  # remembered without the document
    names = DocumentNames()
    glossary.match(full, country="DZ", document=names)
    in_document = glossary.match(bare, country="DZ", document=names)
    assert "رابحي" in {m.surface for m in in_document} - {m.surface for m in alone}  # the document's name
    assert glossary.match(bare, country="DZ") == alone == fresh(glossary, bare, "DZ")  # memory holds none of it

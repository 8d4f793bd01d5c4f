"""Start-up caches of session 14 (issue 20): compiled regular expressions kept between processes, the registry's
country codes kept on disk, date alternations built alike in every process."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from translator.cli import recache

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"(?P<day>\d{1,2})\s+(?P<mon>[^\W\d_]+)\s+(?P<year>\d{4})", 0),
    (r"(?<![^\W\d_])(?:كانون\s*الثاني|تشرين\s*الاول|january)(?![^\W\d_])", re.IGNORECASE),
    (r"^\s*(?:by|بقلم)\s+(.+?)\s*$", re.MULTILINE | re.IGNORECASE),
    (r"(?x) a \s* b  # verbose", 0),
    (r"(?s)<p>(.*?)</p>", 0),
    (r"(a)|(?P<b>b)(?(1)c|d)", 0),
    (rb"[\x00-\x7f]+", 0),
    (r"[\u0621-\u064a]+|[A-Za-z]+", re.ASCII),
]
TEXTS = ["12 May 2023", "في 3 كانون الثاني 2024", "  By Jane Doe  \nبقلم أحمد", "ab a  b", "<p>x\ny</p>",
         "bd ac", "January", "KANUN 1 2", "عطاف Attaf", "x" * 50]


def _behaviour(pattern: re.Pattern) -> tuple:  # type: ignore[type-arg]
    """Everything a compiled pattern shows: its text, flags, groups, and its matches on every text."""
    texts = [t.encode() if isinstance(pattern.pattern, bytes) else t for t in TEXTS]
    found = [(m.span(), m.groups(), m.groupdict()) for t in texts for m in pattern.finditer(t)]  # type: ignore[arg-type]
    return pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex), found


def _compile_all() -> list[tuple]:
    re.purge()  # re's own in-process cache would answer without the hook
    return [_behaviour(re.compile(p, f)) for p, f in PATTERNS]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRANSLATOR_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(recache, "WRITE_AFTER_S", 0.0)  # these patterns compile fast; write the table anyway
    return tmp_path


def test_a_cheap_miss_leaves_the_table(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Patterns whose text changes in every process (an alternation built from a set in a library) do not
    rewrite the table at every start: only misses that cost :data:`recache.WRITE_AFTER_S` do."""
    with recache.kept_regexes():
        _compile_all()
    (path,) = folder.glob("regex-*.marshal")
    before = path.read_bytes()
    monkeypatch.setattr(recache, "WRITE_AFTER_S", 60.0)
    with recache.kept_regexes():
        re.purge()
        re.compile("a pattern not kept yet")
    assert path.read_bytes() == before


def test_kept_patterns_behave_as_compiled_ones(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _compile_all()
    with recache.kept_regexes():  # first process: compiles them and stores their byte code
        first = _compile_all()
    assert first == plain
    assert len(list(folder.glob("regex-*.marshal"))) == 1

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a kept pattern was parsed again")

    with recache.kept_regexes():  # next process: every pattern from the stored code, none parsed
        monkeypatch.setattr(re._parser, "parse", no_parse)
        again = _compile_all()
    assert again == plain


def test_hook_restored_and_off_without_cache(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = re._compiler.compile
    with recache.kept_regexes():
        assert re._compiler.compile is not original
        with recache.kept_regexes():  # nested: one hook only
            pass
        assert re._compiler.compile is not original
    assert re._compiler.compile is original
    monkeypatch.setenv("TRANSLATOR_CACHE_DIR", "off")
    with recache.kept_regexes():
        assert re._compiler.compile is original
    assert not list(folder.glob("regex-*"))


def test_bad_pattern_raises_and_is_not_kept(folder: Path) -> None:
    with recache.kept_regexes():
        with pytest.raises(re.error):
            re.compile("(unclosed")
        re.compile("fine")
    import marshal

    (path,) = folder.glob("regex-*.marshal")
    _, table = marshal.loads(path.read_bytes())
    assert ("fine", 0) in table and all(p != "(unclosed" for p, _ in table)


def test_unreadable_table_is_rebuilt(folder: Path) -> None:
    with recache.kept_regexes():
        re.purge()
        re.compile("abc+")
    (path,) = folder.glob("regex-*.marshal")
    path.write_bytes(b"not marshal")
    with recache.kept_regexes():
        assert _compile_all() == [_behaviour(re.compile(p, f)) for p, f in PATTERNS]


def test_table_keeps_this_process_first(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recache, "MAX_PATTERNS", 3)
    with recache.kept_regexes():
        re.purge()
        for word in ("one", "two", "three", "four"):
            re.compile(word)
    with recache.kept_regexes():
        re.purge()
        re.compile("five")
    import marshal

    (path,) = folder.glob("regex-*.marshal")
    _, table = marshal.loads(path.read_bytes())
    assert len(table) == 3 and ("five", 0) in table


def test_date_alternation_has_one_text() -> None:
    """Words of one length come in code-point order, so every process builds the same pattern text (and the
    kept byte code serves it); longest first, as before."""
    from translator import dates

    words = ["mar", "may", "jan", "january", "كانون الثاني", "ايار"]
    built = dates._alternation(words)
    assert built == dates._alternation(list(reversed(words)))
    lengths = [len(w.replace(r"\s*", " ")) for w in built[3:-1].split("|")]
    assert lengths == sorted(lengths, reverse=True)


def test_registry_country_codes_are_pycountrys() -> None:
    """The kept table answers as pycountry does: its look-up, and its fuzzy search where the look-up fails."""
    from translator.glossary import outlets

    table = outlets._registry_codes()
    assert table, "the registry has countries"
    for name, (exact, fuzzy) in table.items():
        assert exact == outlets._exact_country_code(name), name
        assert fuzzy == (None if exact is not None else outlets._fuzzy_country_code(name)), name
    for outlet in outlets._registry():
        part = outlets._country_part(outlet.country)
        expected = outlets._exact_country_code(part) if part else None
        if expected is None and part:
            expected = outlets._fuzzy_country_code(part)
        assert outlets._owner_code(outlet.country) == expected, outlet.country

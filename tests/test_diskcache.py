"""The start-up cache (issue 20): values kept on disk are the ones a fresh build gives, and never stale."""

from __future__ import annotations

import marshal
import random
from pathlib import Path

import pytest
import wordfreq

from translator import diskcache
from translator.glossary.gazetteer import Gazetteer, default_gazetteer_path
from translator.glossary.glossary import Glossary
from translator.glossary.match import TermIndex
from translator.langid import lexicon
from translator.langid.scripts import read_table
from translator.wordfreq_index import zipf_frequency


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRANSLATOR_CACHE_DIR", str(folder))
    return folder


def test_cached_builds_once_then_reads_the_file(cache: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, tuple[int, ...]]:
        calls.append(1)
        return {"a": (1, 2), "b": ()}

    key = diskcache.fingerprint("inputs v1")
    assert diskcache.cached("thing", key, build) == {"a": (1, 2), "b": ()}
    assert diskcache.cached("thing", key, build) == {"a": (1, 2), "b": ()}
    assert len(calls) == 1
    assert [p.name for p in cache.iterdir()] == [f"thing-{key[:40]}.marshal"]


def test_a_changed_input_rebuilds_and_removes_the_old_file(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "words.tsv"
    source.write_text("word\nalpha\n", encoding="utf-8")
    build = lambda: source.read_text(encoding="utf-8").split()  # noqa: E731
    first = diskcache.cached("words", diskcache.fingerprint(source), build)
    source.write_text("word\nbeta\n", encoding="utf-8")
    second = diskcache.cached("words", diskcache.fingerprint(source), build)
    assert first == ["word", "alpha"] and second == ["word", "beta"]
    assert len(list(cache.glob("words-*"))) == 1


def test_a_damaged_or_foreign_file_is_rebuilt(cache: Path) -> None:
    key = diskcache.fingerprint("x")
    path = cache / f"thing-{key[:40]}.marshal"
    cache.mkdir()
    path.write_bytes(b"\x00garbage")
    assert diskcache.cached("thing", key, lambda: [1]) == [1]
    path.write_bytes(marshal.dumps(("another key", [9])))  # same file name, another key inside
    assert diskcache.cached("thing", key, lambda: [2]) == [2]
    assert marshal.loads(path.read_bytes()) == (key, [2])


def test_cache_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSLATOR_CACHE_DIR", "off")
    monkeypatch.setenv("TRANSLATOR_HOME", str(tmp_path / "home"))
    assert diskcache.cache_dir() is None
    assert diskcache.cached("thing", "k", lambda: 5) == 5
    assert not (tmp_path / "home").exists()


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TRANSLATOR_CACHE_DIR", str(blocker / "cache"))
    assert diskcache.cached("thing", "k", lambda: [3]) == [3]


def test_values_marshal_cannot_store_are_refused(cache: Path) -> None:
    with pytest.raises(TypeError, match="marshal"):
        diskcache.cached("thing", "k", lambda: {"a": object()})


def _rows(script: str) -> list[dict[str, str]]:
    return [row for row in read_table("langid_languages.tsv") if row["script"] == script]


def test_cached_lexicon_equals_a_fresh_build(cache: Path) -> None:
    rows = _rows("Arab")
    _, fold = lexicon._letters("Arab", tuple(r["lang"] for r in rows))
    fresh = lexicon._lexicon(rows, fold)
    stored = lexicon._cached_lexicon("Arab", rows, fold)  # builds and stores
    read = lexicon._cached_lexicon("Arab", rows, fold)  # reads the file
    assert len(list(cache.glob("langid-Arab-*.marshal"))) == 1
    assert stored == fresh and read == fresh
    assert len(fresh) > 10_000


def test_a_stale_lexicon_is_rebuilt(cache: Path) -> None:
    rows = _rows("Arab")
    _, fold = lexicon._letters("Arab", tuple(r["lang"] for r in rows))
    before = lexicon._cached_lexicon("Arab", rows, fold)
    smaller = [{**row, "words": "2000"} if row["wordlist"] else row for row in rows]  # the data file changed
    after = lexicon._cached_lexicon("Arab", smaller, fold)
    assert after == lexicon._lexicon(smaller, fold)
    assert len(after) < len(before)
    assert len(list(cache.glob("langid-Arab-*.marshal"))) == 1  # the stale file is gone


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_wordfreq_index_gives_wordfreqs_own_values(cache: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("translator.wordfreq_index._connections", {})  # this test's cache, not the session's
    monkeypatch.setattr("translator.wordfreq_index._memo", {})
    words = [w for bucket in wordfreq.get_frequency_list(lang) for w in bucket]
    sample = random.Random(20).sample(words, 300) + words[:20] + words[-20:] + [
        "", " ", "xqzvw", "don't", "aujourd’hui", "l'armée", "A320", "1,000", "2024", "New York", "co-operation",
        "ÉTAT", "İstanbul", "الجزيرة", "والجزيرة نت", "١٢٣", "3ajel", "U.S."]
    assert [zipf_frequency(w, lang) for w in sample] == [wordfreq.zipf_frequency(w, lang) for w in sample]
    assert list(cache.glob(f"wordfreq-{lang}-*.sqlite"))


def test_wordfreq_index_without_a_cache_asks_wordfreq(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRANSLATOR_CACHE_DIR", "off")
    monkeypatch.setattr("translator.wordfreq_index._connections", {})
    monkeypatch.setattr("translator.wordfreq_index._memo", {})
    assert zipf_frequency("the", "en") == wordfreq.zipf_frequency("the", "en") > 7


def test_term_index_from_the_cache_equals_a_fresh_one(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    glossary = Glossary.load()
    entries = [*glossary.gazetteer.entries(), *glossary.entries]  # what Glossary builds its index from
    stored, read = TermIndex(entries), TermIndex(entries)
    assert list(cache.glob("term-index-*.marshal"))
    monkeypatch.setenv("TRANSLATOR_CACHE_DIR", "off")
    fresh = TermIndex(entries)

    def shape(index: TermIndex) -> dict[str, list[tuple[object, ...]]]:
        return {first: sorted((f.words, f.entry.source, f.is_variant, f.priority, f.quoted_only) for f in forms)
                for first, forms in index._by_first.items()}

    assert shape(stored) == shape(read) == shape(fresh)
    assert len(fresh) > 5000


def test_gazetteer_from_the_cache_equals_a_fresh_read(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = default_gazetteer_path()
    assert path is not None
    stored, read = Gazetteer.read(path), Gazetteer.read(path)
    assert list(cache.glob("gazetteer-*.marshal"))
    monkeypatch.setenv("TRANSLATOR_CACHE_DIR", "off")
    fresh = Gazetteer.read(path)
    assert stored._names == read._names == fresh._names
    assert stored.version == read.version == fresh.version
    assert len(fresh) > 1000
    # a place keeps one identity across its spellings, as when parsed
    def identities(gazetteer: Gazetteer) -> int:
        return len({id(p) for name in gazetteer._names.values() for p in name.places})

    assert identities(read) == identities(fresh)


def test_composed_layer_from_the_cache_equals_a_fresh_one(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stored = Glossary.load()
    assert list(cache.glob("composed-*.marshal"))
    read = Glossary.load()
    monkeypatch.setenv("TRANSLATOR_CACHE_DIR", "off")
    fresh = Glossary.load()
    assert stored.composed == read.composed == fresh.composed  # the same entries in the same order
    assert len(fresh.composed) > 1000
    assert stored.version == read.version == fresh.version


def test_the_composed_layers_key_covers_the_places(cache: Path) -> None:
    from translator.glossary.glossary import _composed_layer

    glossary = Glossary.load()
    places = [e for e in glossary.entries if e.layer == "glossary"]
    full = _composed_layer(places, glossary.gazetteer)
    without = _composed_layer([e for e in places if e.type != "place"], glossary.gazetteer)
    assert len(list(cache.glob("composed-*.marshal"))) == 1  # one file per name: the older key's is removed
    assert len(without) < len(full)  # not the stored value of the other list of places
    assert _composed_layer(places, glossary.gazetteer) == full


def test_foreign_month_words_from_the_cache_equal_a_fresh_build(cache: Path) -> None:
    from translator import dates

    dates._foreign_month_words.cache_clear()
    try:
        stored = dates._foreign_month_words()
        assert list(cache.glob("foreign-months-*.marshal"))
        dates._foreign_month_words.cache_clear()
        read = dates._foreign_month_words()
        fresh = dates._build_foreign_month_words()
        assert list(stored.items()) == list(read.items()) == list(fresh.items())
        assert len(fresh) > 100 and fresh["abril"] == "es"
    finally:
        dates._foreign_month_words.cache_clear()


def test_people_names_from_the_cache_equal_a_fresh_read(cache: Path) -> None:
    from translator.glossary import names

    def clear() -> None:
        for function in (names._spellings, names._name_index, names._names_file):
            function.cache_clear()

    clear()
    try:
        stored = names._spellings(), names._name_index()
        assert list(cache.glob("names-*.marshal")) and list(cache.glob("names-index-*.marshal"))
        clear()
        read = names._spellings(), names._name_index()
        found = names._names_file()
        assert found is not None
        fresh = names._read_names(found[0])
        assert list(stored[0][0].items()) == list(read[0][0].items()) == list(fresh[0].items())
        assert list(stored[0][1].items()) == list(read[0][1].items()) == list(fresh[1].items())
        assert stored[1] == read[1] == names._build_name_index()
        assert len(fresh[1]) > 10_000 and names.attested_name("سمير جعجع") == "Samir Geagea"
    finally:
        clear()


class _Node:
    """An object in a reference cycle (only the cyclic collector frees it)."""

    def __init__(self) -> None:
        self.me = self


def test_paused_gc_with_freeze_keeps_what_the_body_made_out_of_collections() -> None:
    """A table loaded with ``freeze`` is never walked again (issue 20, start-up): its objects are frozen, and a
    cycle among them survives a full collection until :func:`thaw_gc`, which frees it."""
    import gc
    import weakref

    gc.unfreeze()
    was_enabled = gc.isenabled()
    try:
        with diskcache.paused_gc(freeze=True):
            assert not gc.isenabled()
            node = _Node()
        assert gc.isenabled() == was_enabled
        assert gc.get_freeze_count() > 0
        alive = weakref.ref(node)
        del node
        gc.collect()
        assert alive() is not None  # frozen: out of the collector's reach
        diskcache.thaw_gc()
        assert gc.get_freeze_count() == 0
        assert alive() is None
    finally:
        gc.unfreeze()


def test_paused_gc_without_freeze_leaves_the_collector_its_objects() -> None:
    import gc
    import weakref

    gc.unfreeze()
    with diskcache.paused_gc():
        node = _Node()
    assert gc.get_freeze_count() == 0
    alive = weakref.ref(node)
    del node
    gc.collect()
    assert alive() is None


def test_a_cached_value_read_back_is_frozen(cache: Path) -> None:
    import gc

    diskcache.cached("frozen", "k" * 40, lambda: {"a": [1, 2], "b": [3]})
    gc.unfreeze()
    value = diskcache.cached("frozen", "k" * 40, lambda: {"a": [0], "b": [0]})
    try:
        assert value == {"a": [1, 2], "b": [3]}  # read from the file, not built
        assert gc.get_freeze_count() > 0
        assert all(o is not value for o in gc.get_objects())  # frozen: no generation holds it
    finally:
        gc.unfreeze()


def test_a_replaced_batch_glossary_is_freed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch's glossary is frozen while it is kept (``load_glossary``); a batch with other glossary files
    replaces it, and the old one is then freed, though frozen objects are out of the collector's reach."""
    import gc
    import weakref

    from translator.corpus import run

    monkeypatch.setattr(run, "_GLOSSARIES", {})
    extra = tmp_path / "extra.tsv"
    extra.write_text((Path(__file__).parent / "data" / "glossary_test.tsv").read_text(encoding="utf-8"),
                     encoding="utf-8")
    try:
        first = run.load_glossary(run.BatchOptions())
        assert run.load_glossary(run.BatchOptions()) is first  # the same inputs: kept
        assert gc.get_freeze_count() > 0
        old = weakref.ref(first)
        del first
        second = run.load_glossary(run.BatchOptions(glossary_paths=(extra,)))
        assert old() is None
        assert second is not None and any(e.source for e in second.entries)
    finally:
        gc.unfreeze()

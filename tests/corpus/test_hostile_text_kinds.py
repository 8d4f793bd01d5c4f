"""Issue #13, hostile text kinds found in session 7: work that grew with the square of a run, and memory that grew
with one long text. Each is checked by what it does (same answers, what is held), never by timing."""

from __future__ import annotations

import random
import re

from translator.citations.inline import _ARTICLE_BEFORE, _FRENCH_BEFORE, _THE_BEFORE, _before
from translator.corpus.long_text import analyze_in_parts
from translator.corpus.readers import Document
from translator.text import segment
from translator.text.segment import sentences

# the sentence-end pattern as it was before issue #13's change (the reference for the same answers)
_OLD_SENTENCE_END = re.compile(segment._SENTENCE_END.pattern.removeprefix("(?<![.!?؟…۔])"))
_MARKS = ".!?؟…۔"


def test_sentence_ends_are_found_where_they_were_and_never_inside_a_run_of_marks(monkeypatch):
    """A line of 100,000 dots was tried at every dot, each try reading the rest of the run (quadratic); the
    pattern now never starts inside a run: the same matches on random text of marks, closers, spaces and
    Arabic and Latin letters, and no try inside a run of a long dotted line can match."""
    rng = random.Random(13)
    alphabet = [".", ".", "!", "?", "؟", "…", "۔", "»", "”", ")", " ", " ", "\n", "ا", "ب", "a", "1", "«", '"']
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        old = [m.span() for m in _OLD_SENTENCE_END.finditer(text)]
        new = [m.span() for m in segment._SENTENCE_END.finditer(text)]
        assert old == new, text
    dots = "قال الوزير" + "." * 5000 + " وأضاف"
    assert all(segment._SENTENCE_END.match(dots, i) is None for i in range(11, 10 + 5000))
    assert [m.span() for m in segment._SENTENCE_END.finditer(dots)] == [(10, 5010)]
    latin = "The minister spoke" + "." * 3000 + " Then he left!" + "!" * 3000 + "x"
    now = [[(s.start, s.end) for s in sentences(t)] for t in (dots, latin)]
    monkeypatch.setattr(segment, "_SENTENCE_END", _OLD_SENTENCE_END)
    assert now == [[(s.start, s.end) for s in sentences(t)] for t in (dots, latin)]


def test_the_words_before_a_found_name_are_read_from_the_characters_just_before_it():
    """``Al-``, ``le``, ``The`` before an outlet's name were searched for in all the text before it, for every
    name found (a line of 5,000 "Al-": quadratic). Searched from :func:`_before` to the name: the same match as
    in ``s[:a]`` at every place of random text (spaces and line breaks of any length before the name)."""
    rng = random.Random(7)
    pieces = ["Al-", "al-", "a-", "ash-", "x", "le", "La", "les", "The", "the", " ", "  ", "\n", " " * 30, "-", "’",
              "Ahram", "é"]
    tried = found = 0
    for _ in range(600):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for a in range(len(s) + 1):
            for pattern in (_ARTICLE_BEFORE, _FRENCH_BEFORE, _THE_BEFORE):
                old, new = pattern.search(s[:a]), pattern.search(s, _before(s, a), a)
                assert (old and old.span()) == (new and new.span()), (s, a, pattern.pattern)
                tried += 1
                found += old is not None
    assert tried > 10_000 and found > 500
    assert _before("x" * 10_000 + " Al-", 10_004) == 10_004 - 8  # a few characters, whatever came before


def _memo_entries() -> int:
    """Entries held by the toolkit's bounded memos (``lru_cache`` of 1,024 entries or more) other than the
    language detector's."""
    import sys

    from translator.langid import _detect_default

    total = 0
    for name, module in list(sys.modules.items()):
        if name.startswith("translator.") and module is not None:
            for value in list(vars(module).values()):
                info = getattr(value, "cache_info", None)
                if value is not _detect_default and info is not None and callable(info) \
                        and (i := info()).maxsize and i.maxsize >= 1024:
                    total += i.currsize
    return total


def test_a_long_text_analysed_in_parts_leaves_the_detector_cache_with_one_part(monkeypatch):
    """The language detector's cache kept every sentence of a long text as a key (65,536 of them: what made one
    text's memory grow with its length). After each part it is emptied: what it holds at the end is one part's
    sentences, and the rows are those of the text analysed without emptying it."""
    from translator.langid import _detect_default

    rng = random.Random(3)
    words = "الجزائر تعلق معاهدة الصداقة مع إسبانيا وقال الوزير إن الحكومة ستدرس القرار".split()
    text = " ".join(" ".join(rng.choice(words) for _ in range(rng.randint(4, 12))) + "." for _ in range(3000))
    doc = Document("long", "long.txt", "text", text, "0" * 64, "utf-8")
    _detect_default.cache_clear()
    emptied = list(analyze_in_parts(doc, part_chars=20_000))
    held = _detect_default.cache_info().currsize
    memos_after_parts = _memo_entries()
    monkeypatch.setattr("translator.corpus.long_text._forget_detections", lambda: None)
    _detect_default.cache_clear()
    kept = list(analyze_in_parts(doc, part_chars=20_000))
    unique = _detect_default.cache_info().currsize
    assert len(emptied) > 5
    assert held <= max(len(a.segments) for a in emptied) < unique / 3
    assert memos_after_parts < _memo_entries()  # every bounded memo, not only the detector's, was emptied
    assert [[s.as_dict() for s in a.segments] for a in emptied] == [[s.as_dict() for s in a.segments] for a in kept]
    assert [a.document.as_dict() if a.document else None for a in emptied] == \
        [a.document.as_dict() if a.document else None for a in kept]


# session 8: one long capitalized word, and many "Al-" with no break after them

_NAME_WORDS = ["The", "the", "Al-", "al-", "Al", "al", "el-", "Ahram", "AHRAM", "A", "B'", "Abc-Def", "X‐ Y",
               "Egyptian",
               "Lebanese", "daily", "newspaper", "Daily", "pro-Hezbollah", "-", "'", "’", ",", "McClatchy", "xAhram",
               "ash-Sharq", "Al- Thawra", "Saudi", "Gazette", "Asharq", "Awsat", "2023", "(", ")", "weekly", "as",
               "an", "in", "said", "state-run", "AAAA", "ech-Chaab", "adh-Dhahr", "Arab", "News"]


def test_name_desc_type_is_tried_once_per_capitalized_word_with_the_same_matches():
    """``name_desc_type`` has no anchor: ``finditer`` tried it at every capital of a word, each try reading the
    rest of the word (quadratic: 2.4 s for "AAAA…" of 8,000 characters). It is now tried once per capitalized
    word, at its article and at its first capital: the same matches as ``finditer`` on random sentences of
    names, articles, hyphens, apostrophes, nationalities and type nouns, and a bounded number of tries on
    hostile words."""
    from translator.citations import inline

    pattern = inline._patterns()["name_desc_type"]
    rng, matched = random.Random(13), 0
    for _ in range(6000):
        sep = rng.choice([" ", " ", " ", "", "-", "  "])
        s = sep.join(rng.choice(_NAME_WORDS) for _ in range(rng.randint(1, 14)))
        old = [(m.span(), m.groupdict()) for m in pattern.finditer(s)]
        assert [(m.span(), m.groupdict()) for m in inline._name_desc_type_matches(s)] == old, s
        matched += len(old)
    assert matched > 50  # the sentences do hold matches
    for word in ("A" * 9000, "A'" * 4500, "-".join(["Abc"] * 2000), "Al- " * 2000, "Al-" + "B" * 9000):
        inline._PATTERN_TRIES.clear()
        text = f"The daily said {word} on Monday."
        assert list(inline._name_desc_type_matches(text)) == []  # no nationality and type noun after the word
        assert inline._PATTERN_TRIES["name_desc_type"] <= 4, (word[:10], inline._PATTERN_TRIES)


def test_known_outlets_are_found_with_one_search_for_the_next_break_per_break(monkeypatch):
    """``find_in_text`` looked for the next comma or full stop from every word that may begin a name: in
    "Al- Al- Al- …" with none, each search read the rest of the text (quadratic). It now searches again only
    once the break found is passed: one search for a text with no break, the same names found."""
    from translator.citations.parse import default_registry
    from translator.glossary import outlet_registry

    registry = default_registry()
    searches = []

    class Counting:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, text, pos=0):
            searches.append(pos)
            return self.pattern.search(text, pos)

    texts = ["Al- " * 3000 + "said", "Al-Ahram, Al-Akhbar and Asharq Al-Awsat. The National said; Al-Quds Al-Arabi",
             "According to Al-Ahram (Cairo) and Al-Masry Al-Youm: Al-Watan reported"]
    before = [registry.find_in_text(t) for t in texts]
    assert any(before[1]) and any(before[2])
    monkeypatch.setattr(outlet_registry, "_BREAK", Counting(outlet_registry._BREAK))
    assert [registry.find_in_text(t) for t in texts[1:]] == before[1:]
    searches.clear()
    assert registry.find_in_text(texts[0]) == before[0]
    assert len(searches) <= 1


# session 9: one sentence naming papers thousands of times ("قالت صحيفة «" repeated; thousands of distinct names;
# thousands of quotations after one paper) was quadratic in the citation parser (2.6 s for 8,000 characters)

_AR_NAMES = ["الأهرام", "الخليج", "الوطن", "الرأي", "الغد", "النهار", "الحياة", "الشرق الأوسط", "القدس العربي"]


def _long_sentences(n: int) -> dict[str, str]:
    return {"same name, quote never closed": "قالت صحيفة «" * (n // 12),
            "distinct names": " ".join(f"قالت صحيفة «{_AR_NAMES[i % 9]}{i}» إن" for i in range(n // 28)),
            "quotations after one paper": "كتبت صحيفة الأهرام " + "«عنوان» " * (n // 8),
            "English distinct names": " ".join(f"the daily Al-{chr(65 + i % 26)}{chr(97 + i // 26 % 26)}x said “x” and"
                                               for i in range(n // 36))}


def test_one_long_sentence_of_many_papers_is_read_in_work_linear_in_its_length():
    """Each outlet a sentence names was read on the whole sentence, and each quotation looked at everything
    before it for a cue: quadratic. Now a name already kept is not read again, a sentence over
    ``LONG_SENTENCE`` characters is read around each name, and a cue is looked for in a bounded stretch before
    each quotation. Counted in characters read (``_PATTERN_TRIES``), not time: twice the length reads at most
    about 2.3 times as much, the reach around each name counted (quadratic work: 4 times)."""
    from translator.citations import inline
    from translator.citations.parse import parse_citations

    for kind in _long_sentences(100):
        work = []
        for n in (2_500, 5_000):
            inline._PATTERN_TRIES.clear()
            found = parse_citations(_long_sentences(n)[kind])
            assert found, kind
            work.append(inline._PATTERN_TRIES["read_chars"] + inline._PATTERN_TRIES["cue_chars"])
        assert work[0] > 0 and work[1] <= 2.5 * work[0], (kind, work)


def test_the_taken_spans_and_spoken_quotes_read_as_the_plain_loops_did():
    """``_Taken.overlaps`` and ``_SpokenQuotes.holds`` answer as the loops over every span that they replace."""
    from translator.citations import inline

    rng = random.Random(13)
    for _ in range(300):
        spans = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 60) for _ in range(rng.randint(0, 8)))]
        taken = inline._Taken(80, spans[:3])
        for a, b in spans[3:]:
            taken.add(a, b)
        for _ in range(20):
            a = rng.randint(0, 70)
            b = a + rng.randint(0, 8)
            assert taken.overlaps(a, b) == any(x < b and a < y for x, y in spans), (spans, a, b)
    pieces = ["“We went to Al-Ahram,” he said", '"Al-Ahram" she said', "“x”", '"', "“", "”", " Al-Ahram ", " said "]
    for _ in range(300):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        spoken = inline._SpokenQuotes(s)
        assert [spoken.holds(i) for i in range(len(s) + 1)] == \
            [inline._in_spoken_quote(s, i) for i in range(len(s) + 1)], s


def _traced_stage(text: str) -> tuple[int, int]:
    """(bytes the Python heap keeps after analysing ``text`` in parts of 2,000 characters, and its peak over
    the analysis), from ``tracemalloc``: counted, not timed."""
    import gc
    import tracemalloc

    doc = Document("long", "long.txt", "text", text, "0" * 64, "utf-8")
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        for analysis in analyze_in_parts(doc, part_chars=2_000):
            del analysis
        del doc
        gc.collect()
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return current - base, peak - base


def test_what_one_long_text_keeps_and_peaks_at_does_not_grow_with_its_length(monkeypatch):
    """The memory of one long text (issue 13) in the analysis stage, measured with ``tracemalloc``: after 3 and
    after 12 parts of a text of ever new words (so every memo meets new keys), what the Python heap keeps and
    its peak are about the same. Without emptying the memos after each part (the outlet registries' name
    look-ups and the word frequencies, beside the ``lru_cache`` ones), what is kept grows with the text."""
    from translator.corpus import long_text

    rng = random.Random(9)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 7))) for _ in range(40_000)]
    common = "وقال الوزير إن الحكومة ستدرس القرار صحيفة".split()

    def text(parts: int) -> str:
        sentences_ = []
        while sum(map(len, sentences_)) < parts * 2_000:
            sentences_.append(" ".join(rng.choice(words) if rng.random() < 0.6 else rng.choice(common)
                                       for _ in range(rng.randint(6, 14))) + ".")
        return " ".join(sentences_)

    list(analyze_in_parts(Document("w", "w.txt", "text", text(2), "0" * 64, "utf-8"), part_chars=2_000))  # loads
    short_kept, short_peak = _traced_stage(text(3))
    long_kept, long_peak = _traced_stage(text(12))
    assert long_kept - short_kept < 100_000, (short_kept, long_kept)
    assert long_peak < 1.25 * short_peak + 100_000, (short_peak, long_peak)
    monkeypatch.setattr(long_text, "_forget_detections", lambda: None)  # the memos kept: the check can fail
    grown, _ = _traced_stage(text(12))
    assert grown - long_kept > 300_000, (long_kept, grown)

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
    monkeypatch.setattr("translator.corpus.long_text._forget_detections", lambda: None)
    _detect_default.cache_clear()
    kept = list(analyze_in_parts(doc, part_chars=20_000))
    unique = _detect_default.cache_info().currsize
    assert len(emptied) > 5
    assert held <= max(len(a.segments) for a in emptied) < unique / 3
    assert [[s.as_dict() for s in a.segments] for a in emptied] == [[s.as_dict() for s in a.segments] for a in kept]
    assert [a.document.as_dict() if a.document else None for a in emptied] == \
        [a.document.as_dict() if a.document else None for a in kept]

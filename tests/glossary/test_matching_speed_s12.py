"""Session 12 (issue 16): the matcher's faster paths give the answers of the definitions they replaced.

- ``match.find_terms`` walks a tree of the forms' words (``TermIndex._split``) instead of trying every form that
  starts with the same two words; the candidates must be those of the old rule, written out here as the oracle
  (every form of the first word, its words compared one by one, a stray و allowed on the last word).
- ``gazetteer._words_before`` reads the one or two words before a match with one match on the reversed window;
  it must give the groups of the regular expression it replaced, searched in the same window.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from translator.glossary import Glossary, GlossaryEntry
from translator.glossary.gazetteer import _LOOK_BACK, _words_before
from translator.glossary.match import _QUOTE_GAP, _STRAY_CONJUNCTION, _set_apart, find_terms
from translator.glossary.wordinfo import prepared
from translator.text.arabic import joins_words, readings

DATA = Path(__file__).parent.parent / "data"

_OLD_WORD_BEFORE = re.compile(r"([\u0621-\u064A]+)\s+\Z")
_OLD_TWO_WORDS_BEFORE = re.compile(r"(?:([\u0621-\u064A]+)\s+)?([\u0621-\u064A]+)\s+\Z")


def _old_candidates(text: str, index) -> set[tuple[int, int, int, int, str, int]]:
    """(first word, last word, start, end, clitic, id of the form) of every candidate, by the old rule."""
    normalized, _, words = prepared(text)
    plain = [w for _, _, w in words]
    out = set()
    for i, word in enumerate(plain):
        stray = i < len(plain) - 1 and word.endswith(_STRAY_CONJUNCTION)
        if not index.readings(word, stray) and 7 <= len(word) <= 30:  # two words run together (TermIndex.glued)
            out |= {(i, i, words[i][0] + offset, words[i][1], clitic, id(form))
                    for offset, clitic, form in index.glued(word)}
        for reading in readings(word):
            stems = [(reading.stem, False)] + ([(reading.stem[:-1], True)] if stray and len(reading.stem) > 2 else [])
            for stem, cut in stems:
                for form in index._by_first.get(stem, []):
                    n = len(form.words)
                    if cut and n > 1:
                        continue
                    last = i + n - 1
                    if last >= len(plain):
                        continue
                    if n == 1:
                        end = words[i][1] - (1 if cut else 0)
                    else:
                        exact = plain[i + 1:last + 1] == list(form.words[1:])
                        strayed = (last + 1 < len(plain) and plain[last] == form.words[-1] + _STRAY_CONJUNCTION
                                   and plain[i + 1:last] == list(form.words[1:-1])
                                   and (n > 2 or len(plain[last]) > 2))
                        if not (exact or strayed):
                            continue
                        if not all(joins_words(normalized, words[k][1], words[k + 1][0])
                                   or _QUOTE_GAP.fullmatch(normalized, words[k][1], words[k + 1][0])
                                   for k in range(i, last)):
                            continue
                        end = words[last][1] - (0 if exact else 1)
                    if form.quoted_only and not _set_apart(normalized, words[i][0], end):
                        continue
                    out.add((i, last, words[i][0] + reading.stem_offset, end, reading.clitic, id(form)))
    return out


def _new_candidates(text: str, index, monkeypatch: pytest.MonkeyPatch) -> set[tuple[int, int, int, int, str, int]]:
    import translator.glossary.match as match

    seen = set()
    real = match._Candidate

    def record(first, last, start, end, clitic, form):
        seen.add((first, last, start, end, clitic, id(form)))
        return real(first, last, start, end, clitic, form)

    record.rank = real.rank
    monkeypatch.setattr(match, "_Candidate", record)
    find_terms(text, index)
    monkeypatch.setattr(match, "_Candidate", real)
    return seen


def _labelled_texts() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("gazetteer_mentions*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    return texts


def test_the_tree_walk_finds_the_candidates_of_the_old_rule_on_every_labelled_sentence(
        monkeypatch: pytest.MonkeyPatch) -> None:
    index = Glossary.load()._index
    texts = _labelled_texts()
    assert len(texts) > 800
    differ = [t[:60] for t in texts if _new_candidates(t, index, monkeypatch) != _old_candidates(t, index)]
    assert differ == []


def test_the_tree_walk_keeps_stray_conjunctions_quotes_and_gaps(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = [GlossaryEntry("الأمم المتحدة", "United Nations", "org"),
               GlossaryEntry("مجلس الأمن الدولي", "UN Security Council", "org"),
               GlossaryEntry("مجلس الأمن", "Security Council", "org"),
               GlossaryEntry("عمرو موسى", "Amr Moussa", "person"),
               GlossaryEntry("الجزائر", "Algeria", "place"),
               GlossaryEntry("الأيام", "Al-Ayyam", "outlet", flags=("quoted",)),
               GlossaryEntry("فيتامين د", "vitamin D", "term")]
    glossary = Glossary(entries)
    index = glossary._index
    texts = ["قال مجلس الأمن الدوليو الأمم المتحدةو الجزائرو تونس", "مجلس الأمنو", "مجلس الأمنو الدولي",
             "مجلس - الأمن الدولي", "مجلس «الأمن» الدولي", "مجلس (الأمن) الدولي", "عمرو موسى وعمرو موسىو قال",
             "صحيفة «الأيام» و الأيام", "للأمم المتحدة وبمجلس الأمن", "مجلس الأمن،الدولي", "فيتامين دو الجزائر"]
    rng = random.Random(12)
    words = ["مجلس", "الأمن", "الأمنو", "الدولي", "الدوليو", "الأمم", "المتحدة", "المتحدةو", "عمرو", "موسى",
             "موسىو", "الجزائر", "الجزائرو", "و", "«الأيام»", "-", "،", "(", ")", "فيتامين", "د", "دو"]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(3000)]
    for text in texts:
        assert _new_candidates(text, index, monkeypatch) == _old_candidates(text, index), text
    surfaces = [(m.surface, m.target) for m in glossary.match("قال مجلس الأمن الدوليو الأمم المتحدةو الجزائرو تونس")]
    assert surfaces == [("مجلس الأمن الدولي", "UN Security Council"), ("الأمم المتحدة", "United Nations"),
                        ("الجزائر", "Algeria")]


def test_words_before_gives_the_groups_of_the_old_pattern_in_the_same_window() -> None:
    rng = random.Random(7)
    pieces = ["ا", "ب", "ل", "ي", "\u064b", " ", "  ", "\n", "،", "a", "\u0640", "\u00a0", "\u200f", "-", "ء", "ى"]
    checked = 0
    for _ in range(40_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.05:  # a word longer than the window
            text = "ب" * rng.randint(100, 200) + " " + text
        end = rng.randint(0, len(text))
        old = _OLD_TWO_WORDS_BEFORE.search(text, max(0, end - _LOOK_BACK), end)
        one = _OLD_WORD_BEFORE.search(text, max(0, end - _LOOK_BACK), end)
        new = _words_before(text, end)
        assert (old is None) == (new is None) == (one is None), (text, end)
        if new is not None:
            assert new == (old.group(1), old.group(2)) and new[1] == one.group(1), (text, end)
            checked += 1
    assert checked > 1000


def test_a_document_about_turkey_keeps_its_cued_turkish_places_in_later_segments() -> None:
    from translator.glossary.document import DocumentNames

    glossary = Glossary.load()
    first = "وقع الزلزال في ولاية هاتاي جنوب شرق تركيا."
    later = "وقع زلزال ثان بلغت قوته 5.8 درجة، في منطقة سامانداغ."
    document = DocumentNames()
    assert ("هاتاي", "Hatay") in [(m.surface, m.target) for m in glossary.match(first, document=document)]
    assert document.about_turkey
    assert ("سامانداغ", "Samandag") in [(m.surface, m.target) for m in glossary.match(later, document=document)]
    assert "سامانداغ" not in [m.surface for m in glossary.match(later)]  # alone, the segment is about nowhere
    elsewhere = DocumentNames()
    glossary.match("وقع الزلزال في محافظة حلب شمال سوريا.", document=elsewhere)
    assert not elsewhere.about_turkey
    assert "سامانداغ" not in [m.surface for m in glossary.match(later, document=elsewhere)]
    # without a cue, an ordinary word is no Turkish town even in a document about Turkey
    uncued = "وأشاد الوزير بثنائية التعاون بين البلدين."
    assert [m.surface for m in glossary.match(uncued, document=document) if m.type == "place"] == []


def test_two_words_run_together_or_joined_by_a_hashtag_underscore_are_the_term() -> None:
    glossary = Glossary.load()

    def found(text: str) -> list[tuple[str, str, str]]:
        return [(m.surface, m.target, m.clitic) for m in glossary.match(text)]

    assert ("الأممالمتحدة", "United Nations", "") in found("قال مندوب الأممالمتحدة إن المساعدات وصلت")
    assert ("الأممالمتحدة", "United Nations", "و") in found("ودعت والأممالمتحدة إلى التهدئة")
    assert ("عبدالفتاح_البرهان", "Abdel Fattah al-Burhan", "") in found("وسم #عبدالفتاح_البرهان يتصدر")
    assert ("الأمم_المتحدة", "United Nations", "") in found("في وسم #الأمم_المتحدة")
    # an ordinary word with ال inside is no two words: الاستقلال, والاقتصاد, بالمدينة
    assert found("عيد الاستقلال والاقتصاد بالمدينة") == []
    # the second part must be the rest of a term, not any word: الأممالكثيرة is nothing
    assert [m for m in glossary.match("الأممالكثيرة") if m.target == "United Nations"] == []


def test_a_countrys_general_intelligence_is_named_by_its_adjective() -> None:
    glossary = Glossary.load()
    found = {m.surface: (m.target, m.type, m.layer) for m in glossary.match("بحضور رئيس المخابرات العامة المصرية")}
    assert found["المخابرات العامة المصرية"] == ("Egyptian General Intelligence", "org", "composed")
    found = {m.surface: m.target for m in glossary.match("وأكدت الاستخبارات العامة الليبية")}
    assert found["الاستخبارات العامة الليبية"] == "Libyan General Intelligence"
    # a listed body keeps its own entry (the glossary's layer is higher)
    found = {m.surface: m.target for m in glossary.match("دائرة المخابرات العامة الأردنية")}
    assert found == {"دائرة المخابرات العامة الأردنية": "General Intelligence Directorate"}
    found = {m.surface: m.target for m in glossary.match("وأكدت الاستخبارات العامة السعودية")}
    assert found == {"الاستخبارات العامة السعودية": "General Intelligence Presidency"}


def test_the_title_screen_and_the_turkey_words_answer_as_the_flat_patterns_did() -> None:
    from translator.glossary import names, translit

    flat = re.compile("|".join(map(re.escape, sorted(names._title_keys(), key=lambda k: (-len(k), k)))))
    turkey = re.compile(r"تركي|[اأ]تراك|[اأ]نقر[ةه]|[اأ]ردوغان")
    rng = random.Random(3)
    keys = sorted(names._title_keys())
    texts = _labelled_texts()
    for _ in range(5000):  # pieces of keys glued to letters and to each other
        parts = [rng.choice(keys)[: rng.randint(1, 4)] if rng.random() < 0.7 else rng.choice("ابتكمنو ")
                 for _ in range(rng.randint(1, 8))]
        texts.append("".join(parts))
    texts += ["أنقره", "الأتراك", "اردوغا", "تركيا", "ترك"]
    for text in texts:
        assert (names._title_screen().search(text) is None) == (flat.search(text) is None), text
        assert translit.TransliteratedPlaces.about_turkey(text, set()) == (turkey.search(text) is not None), text


def test_a_very_long_word_full_of_articles_is_not_split_at_each_of_them() -> None:
    import time

    glossary = Glossary([GlossaryEntry("الأمم المتحدة", "United Nations", "org")])

    def cpu(pairs: int) -> float:  # the best of three new texts (no remembered answer)
        best = float("inf")
        for k in range(3):
            text = "ال" * pairs + "ب" * (k + 1)
            started = time.process_time()
            assert glossary.match(text) == []
            best = min(best, time.process_time() - started)
        return best

    # ten times the text, about ten times the time (8.7 measured); split at every article it was 71
    assert cpu(20_000) < 30 * max(cpu(2_000), 1e-4)

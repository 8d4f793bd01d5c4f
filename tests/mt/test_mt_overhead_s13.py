"""Session 13 (issue 20): the Translator's fixed work around the engine made smaller, with the same answers.

The ends of a segment's symbol runs are read from its ends only, the guard reads the source's words only when the
output alone looks like a loop, a call's human translations are looked up under the keys its planning computed,
and no progress bar is made when none is shown. Each is checked against the reading it replaces.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

import translator.mt.memory as memory_module
from translator.mt import GuardConfig, TranslationMemory, Translator
from translator.mt.guard import _WORD, _longest_run, _repeats_characters, is_repetitive
from translator.mt.translate import _symbol_ends, _symbol_flags, split_symbols

# letters, harakat, a dagger alef, a Quranic mark, a Latin combining accent, an enclosing keycap, a variation
# selector, emoji and a skin tone, a regional indicator, a private-use and an unassigned code point, spaces
ALPHABET = ["ا", "ب", "ت", " ", "\t", "\n", ".", "a", "(", ",", "\u064b", "\u0651", "\u0670", "\u06d6", "\u0300",
            "\u0301", "\u20e3", "\ufe0f", "🔴", "✅", "😀", "🏽", "\U0001f1e9", "\u08f0", "\ue000", "\u0378"]


def _ends_from_all_flags(text: str) -> tuple[int, int]:
    """The reading _symbol_ends replaces: every character's flag, then the runs at both ends."""
    symbol = _symbol_flags(text)
    i = 0
    while i < len(text) and (symbol[i] or text[i].isspace()):
        i += 1
    j = len(text)
    while j > i and (symbol[j - 1] or text[j - 1].isspace()):
        j -= 1
    return i, j


def test_symbol_ends_read_from_the_ends_agree_with_every_flag() -> None:
    rng = random.Random(13)
    texts = ["", "🔴 عاجل: الجيش", "الجيش 🇩🇿🇲🇦", "👍🏽✅عاجل", "قال 😀 الوزير", "😀", "(عاجل)", "ليلاً",
             "\u0651عاجل", " \u0651", "❤️ \u0301", "عاجل ❤\ufe0f", "\u0670\u0651 ✅"]
    texts += ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 9))) for _ in range(40_000)]
    for text in texts:
        assert _symbol_ends(text) == _ends_from_all_flags(text), text


def test_split_symbols_keeps_its_answers() -> None:
    assert split_symbols("🔴 عاجل: الجيش") == (("🔴", " "), "عاجل: الجيش", None)
    assert split_symbols("قتالاً ليلياً") == (None, "قتالاً ليلياً", None)  # the tanween belongs to the word
    assert split_symbols("عاجل ❤️") == (None, "عاجل", ("❤️", " "))  # the variation selector to the heart


def _repetitive_reading_the_source_first(text: str, config: GuardConfig, source: str | None) -> bool:
    """is_repetitive as it was before session 13: the source's words and runs read before the output's."""
    words = [w.lower() for w in _WORD.findall(text)]
    source_words = [w.lower() for w in _WORD.findall(source or "")]
    source_run = max((_longest_run(source_words, n) for n in range(1, config.max_ngram + 1)), default=1)
    for n in range(1, config.max_ngram + 1):
        times = config.max_repeats if n < 3 else config.max_phrase_repeats
        run = _longest_run(words, n)
        if run >= times and run > source_run:
            return True
    if len(words) >= 8:
        top = max(Counter(words).values())
        source_top = max(Counter(source_words).values(), default=0)
        if top / len(words) > config.max_word_share and top > source_top:
            return True
    return _repeats_characters(text, config.max_repeats) and not _repeats_characters(source or "", config.max_repeats)


def test_repetition_judged_alike_when_the_source_is_read_only_for_loops() -> None:
    rng = random.Random(20)
    vocab = ["no", "No", "the", "a", "war", "لا", "ends", "endsendsendsends"]
    configs = [GuardConfig(), GuardConfig(max_ngram=2, max_repeats=2, max_word_share=0.2)]
    verdicts = Counter()
    for _ in range(20_000):
        text = " ".join(rng.choice(vocab[:rng.randint(1, 8)]) for _ in range(rng.randint(0, 14)))
        source = rng.choice([None, "", " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 12)))])
        config = rng.choice(configs)
        verdict = is_repetitive(text, config, source=source)
        assert verdict == _repetitive_reading_the_source_first(text, config, source), (text, source)
        verdicts[verdict] += 1
    assert verdicts[True] > 1_000 and verdicts[False] > 1_000  # both answers were exercised
    assert not is_repetitive("No, no, no to normalization", source="لا، لا، لا للتطبيع")  # the source repeats too


class Engine:
    """An engine that renders every text alike, so that the test needs no model."""

    name = "echo"
    max_input_tokens = 512

    class model:  # an attribute holder, as ModelInfo
        id, revision = "echo", ""

    def translate_batch(self, texts: list[str], **options: object) -> list[list[object]]:
        from translator.mt import Hypothesis

        return [[Hypothesis(f"Translation number {i} of the text", tokens=["a"] * 6)] for i, _ in enumerate(texts)]

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(t.split()) + 1 for t in texts]


def test_human_translations_are_looked_up_under_the_keys_planning_computed(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    source = "\u200fالجـــيش\u00a0الجزائري ينفذ مناورات"  # a mark, a tatweel and a no-break space to normalize away
    memory.put_human("الجيش الجزائري ينفذ مناورات", "The Algerian army holds manoeuvres", provenance="page 1")
    keyed: list[str] = []
    real = memory_module.memory_key_text
    monkeypatch.setattr(memory_module, "memory_key_text", lambda text: keyed.append(text) or real(text))
    [result] = Translator(Engine(), memory).translate([source])
    assert result.human == "The Algerian army holds manoeuvres" and result.human_provenance == "page 1"
    assert keyed == []  # the memory computed no key of its own: the Translator's normalization was reused
    assert memory.get_human_many([source]) == memory.get_human_many([source], known={}) != {}
    assert keyed == [source, source]


def test_no_progress_bar_is_made_when_none_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    import tqdm.auto

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a progress bar was made")

    monkeypatch.setattr(tqdm.auto, "tqdm", refuse)
    [result] = Translator(Engine()).translate(["الجيش الجزائري ينفذ مناورات"])
    assert result.text == "Translation number 0 of the text"
    with pytest.raises(AssertionError, match="progress bar"):
        Translator(Engine()).translate(["الجيش الجزائري ينفذ مناورات"], progress=True)


def _normalized_reading_every_character(text: str) -> str:
    """normalize_for_mt as it was before session 13: the table applied to every text, every space replaced."""
    import unicodedata

    from translator.mt import normalize as n
    from translator.text.arabic import space_zero_width

    text = space_zero_width(text)[0]
    text = unicodedata.normalize("NFKC", text).translate(n._translation_table())
    if n._KASRA_MAKSURA in text:
        text = n._UTHMANI_YEH.sub("\u0650\u064a", text)
    text = n.strip_full_vocalization(text, keep_dagger=True)
    text = n.spell_dagger_alef(text)
    text = n._SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    return n._BLANK_LINES.sub("\n", text).strip()


def test_normalization_screened_for_table_characters_and_spaces_gives_the_same_text() -> None:
    from translator.mt.normalize import _translation_table, memory_key_text, normalize_for_mt

    table = [chr(code) for code in _translation_table()]  # tatweel, bidi controls, Quranic marks, alef wasla ...
    alphabet = [*"اب ت\u064e\u0650\u0649\u0670\u0651a.", *table, " ", "  ", "\t", "\n", "\r", "\r\n", "\u00a0",
                "\u2009", "\u3000", "\x0b", "\u200b", "\ufb50", "\ufef5"]
    rng = random.Random(7)
    texts = ["", "  قال الوزير  ", "قال\tالوزير", "الجـــيش\u00a0الجزائري", "ٱلْكِتَٰبُ", "a \n b"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(30_000)]
    for text in texts:
        assert normalize_for_mt(text) == _normalized_reading_every_character(text), repr(text)
        assert memory_key_text(text) == " ".join(_normalized_reading_every_character(text).split())

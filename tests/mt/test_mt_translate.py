"""The Translator on real tiny models: documents, long text, guard, memory, human translations, glossary hook."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from translator.errors import EngineError, InputError
from translator.mt import Engine, GuardConfig, Hypothesis, Translation, TranslationMemory, Translator
from translator.mt.guard import inspect
from translator.testing.tiny import augment
from translator.text.segment import sentences

pytestmark = pytest.mark.slow

# tiny_pairs[1] as it may arrive from the web: RLM/LRM marks, tatweel, a no-break space, and "المغرب" in
# presentation forms (isolated alef, initial lam, medial meem and ghain, final reh, isolated beh)
DECORATED = ("\u200fالجـــيش\u00a0الجزائري\u200e ينفذ مناورات تحاكي قتالاً ليلياً قرب الحدود مع "
             "\ufe8d\ufedf\ufee4\ufed0\ufeae\ufe8f")


class CountingEngine:
    """A real engine, wrapped to count model runs and record what was sent to the model."""

    def __init__(self, inner: Engine, fail_on: str | None = None) -> None:
        self.inner, self.fail_on = inner, fail_on
        self.name, self.model, self.max_input_tokens = inner.name, inner.model, inner.max_input_tokens
        self.calls, self.inputs, self.options = 0, [], []

    def translate_batch(self, texts: list[str], **options: Any) -> list[list[Hypothesis]]:
        self.calls += 1
        self.inputs += texts
        self.options.append(options)
        if self.fail_on is not None and any(self.fail_on in t for t in texts):
            raise EngineError("injected failure")
        return self.inner.translate_batch(texts, **options)

    def score_batch(self, sources: list[str], targets: list[str]) -> list[float]:
        self.calls += 1
        return self.inner.score_batch(sources, targets)

    def count_tokens(self, texts: list[str]) -> list[int]:
        return self.inner.count_tokens(texts)


@pytest.fixture(params=["transformers", "ctranslate2"])
def engine(request: pytest.FixtureRequest) -> Engine:
    return request.getfixturevalue("tiny_marian_engine" if request.param == "transformers" else "tiny_ct2_engine")


@pytest.fixture
def counting(tiny_ct2_engine: Engine) -> CountingEngine:
    return CountingEngine(tiny_ct2_engine)


def test_pairs_come_out_translated_through_the_translator(engine: Engine, tiny_pairs: list[tuple[str, str]]) -> None:
    results = Translator(engine).translate([ar for ar, _ in tiny_pairs])
    exact = [r.text == en for r, (_, en) in zip(results, tiny_pairs, strict=True)]
    assert sum(exact) / len(exact) >= 0.95
    first = results[0]
    assert first.status == "translated" and first.flags == [] and first.segments == 1 and not first.from_memory
    assert first.engine == engine.name and first.model == engine.model.id and first.revision == engine.model.revision


def test_order_is_restored_across_length_sorted_batches(counting: CountingEngine,
                                                        tiny_pairs: list[tuple[str, str]]) -> None:
    pairs = list(tiny_pairs)
    random.Random(7).shuffle(pairs)
    results = Translator(counting, batch_tokens=64).translate([ar for ar, _ in pairs])
    assert counting.calls > 3  # a small budget really made several batches
    assert [r.source for r in results] == [ar for ar, _ in pairs]
    assert sum(r.text == en for r, (_, en) in zip(results, pairs, strict=True)) >= 0.95 * len(pairs)
    lengths = counting.count_tokens(counting.inputs)
    assert lengths == sorted(lengths, reverse=True)  # longest first: little padding per batch


def _article(pairs: list[tuple[str, str]], words: int, per_paragraph: int = 6) -> tuple[str, list[list[str]]]:
    """An Arabic article of at least ``words`` words from the pairs, and the expected English sentences."""
    dotted = augment(pairs)[len(pairs):]
    paragraphs: list[list[tuple[str, str]]] = [[]]
    count, i = 0, 0
    while count < words:
        if len(paragraphs[-1]) == per_paragraph:
            paragraphs.append([])
        ar, en = dotted[i % len(dotted)]
        paragraphs[-1].append((ar, en))
        count += len(ar.split())
        i += 1
    text = "\n\n".join(" ".join(ar for ar, _ in para) for para in paragraphs)
    return text, [[en for _, en in para] for para in paragraphs]


def test_3000_word_article_is_translated_sentence_by_sentence(counting: CountingEngine,
                                                              tiny_pairs: list[tuple[str, str]]) -> None:
    article, expected = _article(tiny_pairs, 3000)
    assert len(article.split()) >= 3000
    [result] = Translator(counting, batch_tokens=512).translate([article])
    assert result.status == "translated" and result.text is not None
    paragraphs = result.text.split("\n\n")
    assert len(paragraphs) == len(expected)  # paragraph breaks survive
    got = [[s.text for s in sentences(p)] for p in paragraphs]
    assert [len(g) for g in got] == [len(e) for e in expected]  # every sentence came back, none merged
    flat_got = [s for para in got for s in para]
    flat_expected = [s for para in expected for s in para]
    assert sum(g == e for g, e in zip(flat_got, flat_expected, strict=True)) >= 0.95 * len(flat_expected)
    assert result.segments == len(flat_expected)
    # every distinct sentence reached the model exactly once
    assert sorted(counting.inputs) == sorted({s.text for s in sentences(article)})


def test_line_and_paragraph_breaks_are_kept(counting: CountingEngine, tiny_pairs: list[tuple[str, str]]) -> None:
    (a, ea), (b, eb), (c, ec) = tiny_pairs[:3]
    [result] = Translator(counting).translate([f"{a}.\n{b}.\n\n\n{c}."])
    assert result.text == f"{ea}.\n{eb}.\n\n{ec}."


def test_overlong_sentence_is_cut_at_arabic_commas_and_reassembled(counting: CountingEngine,
                                                                   tiny_pairs: list[tuple[str, str]]) -> None:
    counts = dict(zip(tiny_pairs, counting.count_tokens([ar for ar, _ in tiny_pairs]), strict=True))
    longest = max(counts.values())
    limit = longest + 2  # room for the final full stop
    chosen = [pair for pair, n in counts.items() if 2 * n > limit + 2][:5]  # no two fit together
    assert len(chosen) >= 4
    sentence = "، ".join(ar for ar, _ in chosen) + "."
    assert counting.count_tokens([sentence])[0] > limit
    [result] = Translator(counting, max_input_tokens=limit).translate([sentence])
    assert result.segments == len(chosen)
    assert result.text == ", ".join(en for _, en in chosen) + "."
    assert max(counting.count_tokens(counting.inputs)) <= limit


def test_default_limit_cuts_a_run_on_sentence_without_losing_words(counting: CountingEngine,
                                                                    tiny_pairs: list[tuple[str, str]]) -> None:
    run_on = " و".join(ar for ar, _ in tiny_pairs if ":" not in ar)  # ~300 words, nothing to cut at
    assert counting.count_tokens([run_on])[0] > counting.max_input_tokens
    [result] = Translator(counting, guard=None).translate([run_on])
    assert result.segments > 1 and result.status == "translated" and counting.calls == 1
    assert max(counting.count_tokens(counting.inputs)) <= min(counting.max_input_tokens, 256)
    assert sorted(" ".join(counting.inputs).split()) == sorted(run_on.split())  # not a word dropped


def test_arabic_is_normalized_for_the_model_but_the_original_is_kept(counting: CountingEngine,
                                                                       tiny_pairs: list[tuple[str, str]]) -> None:
    clean, english = tiny_pairs[1]
    assert "الجيش الجزائري" in clean
    [result] = Translator(counting).translate([DECORATED])
    assert result.source == DECORATED
    assert counting.inputs == [clean]
    assert result.text == english


def test_forced_runaway_length_is_flagged_after_retry(counting: CountingEngine) -> None:
    [result] = Translator(counting, options={"min_length": 40}).translate(["مدينة تندوف"])
    assert result.status == "suspicious"
    assert "too-long" in result.flags and "retried" in result.flags
    assert counting.options[1]["beam_size"] == 4 and counting.options[1]["no_repeat_ngram_size"] == 3


def test_truncated_output_is_flagged(counting: CountingEngine, tiny_pairs: list[tuple[str, str]]) -> None:
    [result] = Translator(counting, options={"max_length": 3}).translate([tiny_pairs[1][0]])
    assert result.status == "suspicious" and "truncated" in result.flags


def test_guard_off_leaves_output_unflagged(counting: CountingEngine) -> None:
    [result] = Translator(counting, guard=None, options={"min_length": 40}).translate(["مدينة تندوف"])
    assert result.status == "translated" and result.flags == [] and counting.calls == 1


DEGENERATE = ["و", "ال", "ينفذ", "ب ب ب ب ب ب", "كتب الطالب رسالة طويلة إلى صديقه", "قتالاً ليلياً",
              "تندوف تندوف تندوف", "العلاقات بين البلدين", "من", "في"]


def test_real_degenerate_outputs_are_caught_and_retried(tiny_ct2_engine: Engine,
                                                        tiny_pairs: list[tuple[str, str]]) -> None:
    # Headline-like fragments the tiny model never saw make it loop or ramble, as real MarianMT does.
    greedy = {s: h[0] for s, h in zip(DEGENERATE, tiny_ct2_engine.translate_batch(DEGENERATE), strict=True)}
    bad = [s for s, h in greedy.items() if inspect(s, h)]
    assert len(bad) >= 2, {s: h.text for s, h in greedy.items()}
    counting = CountingEngine(tiny_ct2_engine)
    texts = DEGENERATE + [ar for ar, _ in tiny_pairs]
    results = {r.source: r for r in Translator(counting).translate(texts)}
    retried = counting.inputs[len(set(texts)):]
    assert set(bad) <= set(retried)
    for source in bad:
        result = results[source]
        assert "retried" in result.flags
        if result.status == "translated":  # the retry fixed it: a different, clean output
            assert result.text != greedy[source].text
            assert inspect(source, Hypothesis(result.text or "")) == []
        else:
            assert result.status == "suspicious" and len(result.flags) > 1
    assert all(results[ar].flags == [] for ar, en in tiny_pairs if results[ar].text == en)


def test_second_run_translates_nothing(tmp_path: Path, counting: CountingEngine,
                                      tiny_pairs: list[tuple[str, str]]) -> None:
    texts = [ar for ar, _ in tiny_pairs] + [f"{tiny_pairs[0][0]}.\n\n{tiny_pairs[1][0]}."]
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    first = Translator(counting, memory).translate(texts)
    assert counting.calls >= 1 and not any(r.from_memory for r in first)
    counting.calls = 0
    second = Translator(counting, TranslationMemory(tmp_path / "tm.sqlite")).translate(texts)
    assert counting.calls == 0
    assert [r.text for r in second] == [r.text for r in first]
    assert all(r.from_memory for r in second)


def test_memory_is_keyed_by_engine_and_glossary_version(tmp_path: Path, tiny_marian_engine: Engine,
                                                        counting: CountingEngine,
                                                        tiny_pairs: list[tuple[str, str]]) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    texts = [ar for ar, _ in tiny_pairs[:5]]
    Translator(counting, memory).translate(texts)
    counting.calls = 0
    Translator(counting, memory, glossary_version="v2").translate(texts)
    assert counting.calls > 0  # a new glossary may change the output
    other = CountingEngine(tiny_marian_engine)
    Translator(other, memory).translate(texts)
    assert other.calls > 0  # another engine does not reuse CTranslate2's output


def test_duplicates_in_one_run_are_translated_once(counting: CountingEngine) -> None:
    results = Translator(counting).translate(["مدينة تندوف"] * 5 + ["مدينة تندوف."])
    assert sorted(counting.inputs) == sorted(["مدينة تندوف", "مدينة تندوف."])
    assert len({r.text for r in results[:5]}) == 1


def test_human_translation_is_reported_and_never_overwritten(tmp_path: Path, counting: CountingEngine,
                                                             tiny_pairs: list[tuple[str, str]]) -> None:
    arabic, machine = tiny_pairs[5]
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    assert memory.put_human(arabic, "A person's rendering", provenance="citation line 3")
    for _ in range(2):
        [result] = Translator(counting, memory).translate([arabic])
        assert result.text == machine
        assert result.human == "A person's rendering" and result.human_provenance == "citation line 3"
    assert memory.get_human(arabic).target == "A person's rendering"  # type: ignore[union-attr]
    assert memory.stats() == {"machine": 1, "human": 1}


class PreferWord:
    """A minimal glossary enforcer: wants ``word`` in the output, asks the engine for alternatives if missing."""

    version = "test-glossary-1"

    def __init__(self, word: str) -> None:
        self.word, self.seen = word, []

    def enforce(self, source: str, hypotheses: list[Hypothesis], engine: Engine) -> tuple[str, dict[str, Any]]:
        self.seen.append((source, [h.text for h in hypotheses]))
        candidates = hypotheses
        if self.word not in hypotheses[0].text:
            [candidates] = engine.translate_batch([source], num_hypotheses=4, beam_size=4)
        chosen = next((h.text for h in candidates if self.word in h.text), None)
        flags = [] if chosen else [f"missing:{self.word}"]
        return chosen or hypotheses[0].text, {"terms_found": 1, "terms_placed": int(bool(chosen)),
                                              "term_flags": flags}


def test_enforcer_chooses_the_text_and_reports_terms(tmp_path: Path, counting: CountingEngine,
                                                     tiny_pairs: list[tuple[str, str]]) -> None:
    (a, ea), (b, eb) = tiny_pairs[3], tiny_pairs[4]  # "The city of Tindouf", "Algeria suspends ..."
    enforcer = PreferWord("Tindouf")
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    [result] = Translator(counting, memory, enforcer).translate([f"{a}.\n{b}."])
    assert sorted(s for s, _ in enforcer.seen) == sorted([f"{a}.", f"{b}."])
    assert result.text == f"{ea}.\n{eb}." or "Tindouf" in result.text  # type: ignore[operator]
    assert result.terms_found == 2 and result.terms_placed >= 1
    assert ("missing:Tindouf" in result.term_flags) == (result.terms_placed == 1)
    counting.calls = 0
    [again] = Translator(counting, memory, PreferWord("Tindouf")).translate([f"{a}.\n{b}."])
    assert counting.calls == 0 and again.terms_found == 2 and again.term_flags == result.term_flags


def test_engine_failure_is_recorded_not_swallowed(tiny_ct2_engine: Engine, tiny_pairs: list[tuple[str, str]]) -> None:
    failing = CountingEngine(tiny_ct2_engine, fail_on="تندوف")
    texts = [ar for ar, _ in tiny_pairs[:6]]
    results = Translator(failing, max_batch_size=1).translate(texts)
    for text, result in zip(texts, results, strict=True):
        if "تندوف" in text:
            assert result.status == "failed" and result.text is None and "injected failure" in (result.error or "")
        else:
            assert result.status == "translated" and result.text


def test_progress_bar_on_request(counting: CountingEngine, capsys: pytest.CaptureFixture[str]) -> None:
    Translator(counting).translate(["مدينة تندوف"], progress=True)
    assert "translating" in capsys.readouterr().err


def test_empty_and_bad_input(counting: CountingEngine) -> None:
    [empty] = Translator(counting).translate(["  \n "])
    assert empty.text == "" and empty.status == "not_arabic" and empty.segments == 0 and counting.calls == 0
    with pytest.raises(InputError):
        Translator(counting).translate("مدينة تندوف")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        Translator(counting, options={"beams": 2})


def test_untranslated_records_the_reason() -> None:
    from translator.mt import untranslated

    [result] = untranslated(["مدينة تندوف"], "no model: run `translator models pull`")
    assert isinstance(result, Translation)
    assert result.to_dict()["status"] == "failed" and result.text is None and result.flags == ["no-model"]


def test_translation_to_dict_is_json_safe(counting: CountingEngine) -> None:
    import json

    [result] = Translator(counting, guard=GuardConfig(retry=False)).translate(["مدينة تندوف"])
    assert json.loads(json.dumps(result.to_dict()))["text"] == result.text


class BatchingEnforcer(PreferWord):
    """The same enforcer, offering the batch hook."""

    def __init__(self, word: str) -> None:
        super().__init__(word)
        self.batches = 0

    def enforce_batch(self, sources: list[str], hypotheses: list[list[Hypothesis]],
                      engine: Engine) -> list[tuple[str, dict[str, Any]]]:
        self.batches += 1
        return [self.enforce(s, h, engine) for s, h in zip(sources, hypotheses, strict=True)]


def test_enforcer_batch_hook_is_called_once_per_run(counting: CountingEngine,
                                                    tiny_pairs: list[tuple[str, str]]) -> None:
    enforcer = BatchingEnforcer("Algeria")
    texts = [ar for ar, _ in tiny_pairs[:6]]
    results = Translator(counting, enforcer=enforcer).translate(texts)
    assert enforcer.batches == 1 and sorted(s for s, _ in enforcer.seen) == sorted(texts)
    assert all(r.terms_found == 1 for r in results)
    for result, (_, english) in zip(results, tiny_pairs[:6], strict=True):
        if "Algeria" in english:
            assert result.text == english and result.terms_placed == 1 and result.term_flags == []


def test_text_without_arabic_never_reaches_the_model(counting: CountingEngine,
                                                    tiny_pairs: list[tuple[str, str]]) -> None:
    arabic, english = tiny_pairs[3]
    results = Translator(counting).translate(["The minister visited Algiers.", "7 June 2022", arabic])
    assert counting.inputs == [arabic]
    assert [r.status for r in results] == ["not_arabic", "not_arabic", "translated"]
    assert results[0].text == "The minister visited Algiers." and results[0].flags == []
    assert results[2].text == english
    # inside a document an English sentence is kept as written and the document counts as translated
    counting.inputs = []
    [mixed] = Translator(counting).translate([f"{arabic}.\nThe minister visited Algiers."])
    assert counting.inputs == [f"{arabic}."]
    assert mixed.status == "translated" and mixed.text == f"{english}.\nThe minister visited Algiers."


class LeakyEnforcer:
    """A glossary enforcer whose repair went wrong: it hands back its placeholder, or the source itself."""

    version = "leaky-1"

    def __init__(self, output: str | None) -> None:
        self.output = output

    def enforce(self, source: str, hypotheses: list[Hypothesis], engine: Engine) -> tuple[str, dict[str, Any]]:
        return (self.output if self.output is not None else source), {"terms_found": 1, "terms_placed": 1}


@pytest.mark.parametrize(("output", "flag"), [("The minister visited XTERM0.", "placeholder-leak"),
                                              (None, "untranslated")])
def test_leaked_placeholder_or_source_is_never_translated(counting: CountingEngine, output: str | None,
                                                          flag: str) -> None:
    [result] = Translator(counting, enforcer=LeakyEnforcer(output)).translate(["زار الوزير مدينة تندوف"])
    assert result.status == "suspicious" and flag in result.flags
    assert result.text == (output or "زار الوزير مدينة تندوف")


def test_memory_entries_with_the_old_ok_status_read_as_translated(tmp_path: Path, counting: CountingEngine,
                                                                  tiny_pairs: list[tuple[str, str]]) -> None:
    from translator.mt.memory import MemoryEntry

    arabic, english = tiny_pairs[3]
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    translator = Translator(counting, memory)
    model = counting.model
    memory.put_many({translator._key(arabic): MemoryEntry(arabic, english, "ok", [], {}, counting.name, model.id,
                                                          model.revision or "", translator.glossary_version)})
    [result] = translator.translate([arabic])
    assert result.from_memory and result.status == "translated" and counting.calls == 0


class ScriptedOutputs(CountingEngine):
    """A real engine, except that it answers the texts in ``outputs`` as written there (what one machine's tiny
    model wrote, replayed on every machine)."""

    def __init__(self, inner: Engine, outputs: dict[str, str]) -> None:
        super().__init__(inner)
        self.outputs = outputs

    def translate_batch(self, texts: list[str], **options: Any) -> list[list[Hypothesis]]:
        real = super().translate_batch(texts, **options)
        return [[Hypothesis(self.outputs[t])] if t in self.outputs else hyps
                for t, hyps in zip(texts, real, strict=True)]


def test_a_placeholder_the_repair_filled_is_no_leak(tiny_ct2_engine: Engine) -> None:
    # NEWUSER6 F22: the tiny model's raw output of this dateline leaked XTERM0 (on one machine; other CPU kinds
    # train another tiny model, so the leak and the placeholder repair's answer are replayed); the repair fills
    # it, so the guard's flags of the raw output must not make the final text suspicious
    from translator.glossary import Glossary, TermEnforcer

    source, marked = "الجزائر-10-5-2022", "XTERM0-10-5-2022"
    engine = ScriptedOutputs(tiny_ct2_engine, {source: "XTERM0 10-5-2022", marked: "XTERM0, 10-5-2022"})
    [raw] = Translator(engine).translate([source])
    enforcer = TermEnforcer(Glossary.load([]), strategies=("placeholder",))
    [repaired] = Translator(engine, enforcer=enforcer).translate([source])
    assert raw.status == "suspicious" and "placeholder-leak" in raw.flags, raw.flags
    assert marked in engine.inputs  # the repair sent the source with its placeholder
    assert "term-repaired:placeholder" in repaired.term_flags and repaired.text == "Algeria, 10-5-2022"
    assert "placeholder-leak" not in repaired.flags and repaired.status == "translated", repaired.flags


@pytest.mark.parametrize(("output", "flag"), [("The minister visited XTERM0 XTERM0 XTERM0 XTERM0.", "repetition"),
                                              ("The minister visited Tindouf " + "and more " * 12, "too-long")])
def test_a_repair_is_judged_by_the_guard_as_given_out(counting: CountingEngine, output: str, flag: str) -> None:
    # what the enforcer hands back is checked in full (loops, length), not only for leaks
    [result] = Translator(counting, enforcer=LeakyEnforcer(output)).translate(["زار الوزير مدينة تندوف"])
    assert result.status == "suspicious" and flag in result.flags

"""Both engines, on a real MarianMT trained on our own pairs: loading, tokenization, generation, decoding."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sentencepiece as spm

from translator.errors import InputError
from translator.mt import Engine, Hypothesis, load_engine

pytestmark = pytest.mark.slow


def _exact(engine: Engine, pairs: list[tuple[str, str]]) -> list[bool]:
    hyps = engine.translate_batch([ar for ar, _ in pairs])
    return [h[0].text == en for h, (_, en) in zip(hyps, pairs, strict=True)]


@pytest.fixture(params=["transformers", "ctranslate2"])
def engine(request: pytest.FixtureRequest) -> Engine:
    return request.getfixturevalue("tiny_marian_engine" if request.param == "transformers" else "tiny_ct2_engine")


def test_engines_implement_the_protocol(tiny_marian_engine: Engine, tiny_ct2_engine: Engine) -> None:
    assert isinstance(tiny_marian_engine, Engine) and tiny_marian_engine.name == "transformers"
    assert isinstance(tiny_ct2_engine, Engine) and tiny_ct2_engine.name == "ctranslate2"
    assert tiny_ct2_engine.model.kind == "ct2" and tiny_ct2_engine.model.quantization == "int8"


def test_training_pairs_come_out_translated(engine: Engine, tiny_pairs: list[tuple[str, str]]) -> None:
    exact = _exact(engine, tiny_pairs)
    assert sum(exact) / len(exact) >= 0.95, [p for p, ok in zip(tiny_pairs, exact, strict=True) if not ok][:5]


def test_full_stop_variants_translate_too(engine: Engine, tiny_pairs: list[tuple[str, str]]) -> None:
    dotted = [(f"{ar}.", f"{en}.") for ar, en in tiny_pairs]
    assert sum(_exact(engine, dotted)) / len(dotted) >= 0.95


def test_both_engines_give_the_same_greedy_output(tiny_marian_engine: Engine, tiny_ct2_engine: Engine,
                                                  tiny_pairs: list[tuple[str, str]]) -> None:
    """What is guaranteed: on the training pairs the tiny model was trained until every greedy step wins by at
    least ``Schedule.target_margin`` nats (tests/conftest.py checks it), far more than int8 rounding moves a
    log-probability, so both engines must decode them to the training targets. On unseen inputs a near tie
    (a final full stop against end-of-sentence) may fall either way after int8 rounding: there both engines
    must only finish with a non-empty translation."""
    sources, targets = [ar for ar, _ in tiny_pairs], [en for _, en in tiny_pairs]
    hf = [h[0].text for h in tiny_marian_engine.translate_batch(sources, beam_size=1)]
    ct2 = [h[0].text for h in tiny_ct2_engine.translate_batch(sources, beam_size=1)]
    assert hf == targets
    assert ct2 == targets
    unseen = ["مدينة تندوف والجزائر", "روسيا وإيطاليا تبحثان"]
    for engine in (tiny_marian_engine, tiny_ct2_engine):
        assert all(h[0].finished and h[0].text.strip() for h in engine.translate_batch(unseen, beam_size=1))


def test_tokens_round_trip_through_the_target_sentencepiece(engine: Engine, tiny_model: Path,
                                                            tiny_pairs: list[tuple[str, str]]) -> None:
    target = spm.SentencePieceProcessor(model_file=str(tiny_model / "target.spm"))
    for (_, english), [hyp] in zip(tiny_pairs[:10], engine.translate_batch([a for a, _ in tiny_pairs[:10]]),
                                   strict=True):
        assert hyp.finished and hyp.tokens
        assert hyp.tokens == target.encode(english, out_type=str)  # the model emits the pieces we trained on
        assert target.decode(hyp.tokens) == hyp.text == english


def test_source_side_is_tokenized_with_the_source_model(engine: Engine, tiny_model: Path) -> None:
    source = spm.SentencePieceProcessor(model_file=str(tiny_model / "source.spm"))
    text = "الجيش الجزائري ينفذ مناورات"
    assert engine.count_tokens([text]) == [len(source.encode(text)) + 1]  # + </s>


def _copy_with(tmp_path: Path, tiny_model: Path, swap: str) -> Path:
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model, broken)
    other = "source" if swap == "target" else "target"
    shutil.copy(tiny_model / f"{other}.spm", broken / f"{swap}.spm")
    return broken


def test_wrong_source_tokenizer_breaks_translation(tmp_path: Path, tiny_model: Path,
                                                   tiny_pairs: list[tuple[str, str]]) -> None:
    # Source text must be cut with source.spm: with the English model in its place, nothing survives.
    engine = load_engine(_copy_with(tmp_path, tiny_model, "source"), engine="transformers")
    assert sum(_exact(engine, tiny_pairs)) / len(tiny_pairs) < 0.2


def test_wrong_target_tokenizer_breaks_scoring(tmp_path: Path, tiny_model: Path,
                                               tiny_pairs: list[tuple[str, str]]) -> None:
    # Generation maps ids to pieces through vocab.json, so only target-side *encoding* (scoring a given
    # translation, suppressing words) uses target.spm: with the Arabic model there, right answers score badly.
    engine = load_engine(_copy_with(tmp_path, tiny_model, "target"), engine="transformers")
    scores = engine.score_batch([a for a, _ in tiny_pairs[:8]], [e for _, e in tiny_pairs[:8]])
    assert max(scores) < -1.0


def test_n_best_hypotheses_are_distinct_and_ranked(engine: Engine, tiny_pairs: list[tuple[str, str]]) -> None:
    arabic, english = tiny_pairs[3]
    [hyps] = engine.translate_batch([arabic], num_hypotheses=3, beam_size=4)
    assert len(hyps) == 3 and hyps[0].text == english
    assert len({h.text for h in hyps}) == 3
    scores = [h.score for h in hyps]
    assert all(s is not None for s in scores) and scores == sorted(scores, reverse=True)


def test_score_batch_prefers_the_right_translation(engine: Engine, tiny_pairs: list[tuple[str, str]]) -> None:
    (ar0, en0), (_, en1) = tiny_pairs[0], tiny_pairs[1]
    right, wrong = engine.score_batch([ar0, ar0], [en0, en1])
    assert right > -0.5 > wrong  # mean log-probability per token


def test_scores_agree_across_engines(tiny_marian_engine: Engine, tiny_ct2_engine: Engine,
                                     tiny_pairs: list[tuple[str, str]]) -> None:
    """On the trained pairs both engines score their own targets near zero and within int8 rounding of each
    other; a wrong target scores far lower in both (unseen targets are not compared value for value: int8
    error grows where the model is unsure)."""
    sources, targets = [a for a, _ in tiny_pairs[:6]], [e for _, e in tiny_pairs[:6]]
    hf, ct2 = tiny_marian_engine.score_batch(sources, targets), tiny_ct2_engine.score_batch(sources, targets)
    assert hf == pytest.approx(ct2, abs=0.15)  # int8 quantization moves scores a little, not a lot
    wrong = [e for _, e in tiny_pairs[1:7]]
    for engine, right in ((tiny_marian_engine, hf), (tiny_ct2_engine, ct2)):
        # lower by more than three times the engines' int8 tolerance: the margin a model trained on this CPU kind
        # gives varies (0.99 nats per token for the closest pair on one machine, where 1.0 was asked)
        assert all(w < r - 0.5 for w, r in zip(engine.score_batch(sources, wrong), right, strict=True))


def test_suppressed_sequences_are_not_produced(engine: Engine, tiny_pairs: list[tuple[str, str]]) -> None:
    arabic, english = tiny_pairs[0]
    assert "Algeria" in english
    [[hyp]] = engine.translate_batch([arabic], suppress_sequences=["Algeria"])
    assert "Algeria" not in hyp.text


def test_length_limit_leaves_hypothesis_unfinished(engine: Engine, tiny_pairs: list[tuple[str, str]]) -> None:
    arabic, english = tiny_pairs[1]
    [[hyp]] = engine.translate_batch([arabic], max_length=3)
    assert not hyp.finished and len(hyp.tokens or []) == 3 and english.startswith(hyp.text)


def test_unknown_option_is_an_input_error(engine: Engine) -> None:
    with pytest.raises(InputError, match="num_beams"):
        engine.translate_batch(["مدينة تندوف"], num_beams=4)


def test_empty_batch(engine: Engine) -> None:
    assert engine.translate_batch([]) == [] and engine.score_batch([], []) == []


def test_hypothesis_to_dict_is_plain() -> None:
    assert Hypothesis("x", -0.1, ["▁x"]).to_dict() == {"text": "x", "score": -0.1, "tokens": ["▁x"],
                                                       "finished": True}

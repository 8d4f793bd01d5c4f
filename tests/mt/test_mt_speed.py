"""Speed features that must not change what comes out: batches in flight on several CTranslate2 workers,
capped and batched guard retries, the retry count in the batch summary. Real tiny model, no timing."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from translator.corpus.run import RunSummary, count_payloads
from translator.errors import EngineError
from translator.mt import GuardConfig, Translator
from translator.mt.ct2 import CT2Engine
from translator.mt.engine import Hypothesis
from translator.mt.guard import inspect
from translator.mt.models import inspect_folder

DEGENERATE = ["و", "ال", "ينفذ", "ب ب ب ب ب ب", "كتب الطالب رسالة طويلة إلى صديقه", "قتالاً ليلياً",
              "تندوف تندوف تندوف", "العلاقات بين البلدين", "من", "في"]


class InFlight:
    """A real CT2Engine, wrapped to record how many submitted batches were waiting at once, and each call."""

    def __init__(self, inner: CT2Engine, fail_on: str | None = None) -> None:
        self.inner, self.fail_on = inner, fail_on
        self.name, self.model, self.max_input_tokens = inner.name, inner.model, inner.max_input_tokens
        self.parallel = inner.parallel
        self.outstanding = self.most_outstanding = self.calls = 0
        self.options: list[dict[str, Any]] = []
        self.batches: list[list[str]] = []

    def submit_batch(self, texts: list[str], **options: Any):  # type: ignore[no-untyped-def]
        wait = self.inner.submit_batch(texts, **options)
        self.calls += 1
        self.options.append(options)
        self.batches.append(list(texts))
        self.outstanding += 1
        self.most_outstanding = max(self.most_outstanding, self.outstanding)

        def result() -> list[list[Hypothesis]]:
            self.outstanding -= 1
            hyps = wait()
            if self.fail_on is not None and self.fail_on in texts:  # injected, as a worker error would be
                raise EngineError("injected failure")
            return hyps
        return result

    def translate_batch(self, texts: list[str], **options: Any) -> list[list[Hypothesis]]:
        return self.submit_batch(texts, **options)()

    def score_batch(self, sources: list[str], targets: list[str]) -> list[float]:
        return self.inner.score_batch(sources, targets)

    def count_tokens(self, texts: list[str]) -> list[int]:
        return self.inner.count_tokens(texts)


def _engine(model: Path, **kwargs: Any) -> CT2Engine:
    return CT2Engine(inspect_folder(model), **kwargs)


def test_two_inter_threads_give_the_same_output_with_batches_in_flight(tiny_ct2_model: Path,
                                                                       tiny_pairs: list[tuple[str, str]]) -> None:
    texts = [ar for ar, _ in tiny_pairs] + DEGENERATE
    one = _engine(tiny_ct2_model, threads=1)
    two = InFlight(_engine(tiny_ct2_model, threads=2))
    assert (one.inter_threads, one.intra_threads) == (1, 1)
    wide = _engine(tiny_ct2_model, threads=2, inter_threads=1)
    assert (wide.inter_threads, wide.intra_threads) == (1, 2)
    assert (two.inner.inter_threads, two.inner.intra_threads, two.parallel) == (2, 1, 2)
    first = Translator(one, batch_tokens=64).translate(texts)
    second = Translator(two, batch_tokens=64).translate(texts)
    assert [r.to_dict() for r in first] == [r.to_dict() for r in second]
    assert sum(r.text == en for r, (_, en) in zip(first, tiny_pairs, strict=False)) >= len(tiny_pairs) // 2
    assert two.calls > 4 and two.most_outstanding >= 2  # several batches really were queued at once


def test_batch_failing_in_flight_fails_its_own_segments_only(tiny_ct2_model: Path,
                                                              tiny_pairs: list[tuple[str, str]]) -> None:
    engine = InFlight(_engine(tiny_ct2_model, threads=2, inter_threads=2), fail_on=tiny_pairs[0][0])
    texts = [ar for ar, _ in tiny_pairs[:8]]
    results = Translator(engine, batch_tokens=32, guard=None).translate(texts)
    failed = {r.source for r in results if r.status == "failed"}
    assert tiny_pairs[0][0] in failed and len(failed) < len(texts)
    assert all("injected failure" in (r.error or "") for r in results if r.source in failed)
    assert engine.outstanding == 0  # every submitted batch was waited for


def test_retries_are_batched_capped_and_still_fix_what_uncapped_retries_fix(tiny_ct2_model: Path,
                                                                           tiny_pairs: list[tuple[str, str]]) -> None:
    engine = _engine(tiny_ct2_model, threads=1)
    greedy = {s: h[0] for s, h in zip(DEGENERATE, engine.translate_batch(DEGENERATE), strict=True)}
    bad = [s for s, h in greedy.items() if inspect(s, h)]
    assert len(bad) >= 2
    texts = DEGENERATE + [ar for ar, _ in tiny_pairs]

    capped = InFlight(engine)
    translator = Translator(capped)
    results = {r.source: r for r in translator.translate(texts)}
    uncapped = {r.source: r for r in Translator(engine, guard=GuardConfig(retry_length_ratio=100.0,
                                                                          retry_length_margin=1000)).translate(texts)}
    # every flagged segment was retried, all of them in one engine call (not one call per segment)
    first_pass_calls = translator.stats["engine_calls"] - translator.stats["retry_calls"]
    assert translator.stats["retry_calls"] == 1 and capped.calls == first_pass_calls + 1
    assert set(bad) <= set(capped.batches[-1]) and translator.stats["retried"] == len(capped.batches[-1])
    # the retry's length was capped by what the source warrants, below the first pass's default limit
    counts = dict(zip(capped.batches[-1], engine.count_tokens(capped.batches[-1]), strict=True))
    widest = max(counts.values())
    assert capped.options[-1]["max_length"] <= math.ceil(1.5 * widest) + 8 < 2 * widest + 16
    for source in bad:
        assert "retried" in results[source].flags
        if uncapped[source].status == "ok":  # what an uncapped retry fixed, the capped one fixes too
            assert results[source].status == "ok" and results[source].text == uncapped[source].text


def test_retry_limit_follows_the_first_pass(tiny_ct2_engine: CT2Engine) -> None:
    translator = Translator(tiny_ct2_engine)
    ended = Hypothesis("a b", tokens=["▁a", "▁b"], finished=True)
    assert translator._retry_limit(20, ended, ["repetition"]) == 3 + 8  # 1.5 x 2 tokens + 8
    assert translator._retry_limit(20, ended, ["too-short"]) == 30 + 8  # a too-short first pass says nothing
    looping = Hypothesis("x " * 56, tokens=["▁x"] * 56, finished=False)
    assert translator._retry_limit(20, looping, ["truncated", "repetition"]) == 38  # 1.5 x 20 source + 8
    assert translator._retry_limit(2, looping, ["truncated"]) == 3 + 8
    limited = Translator(tiny_ct2_engine, options={"max_length": 10})
    assert limited._retry_limit(20, looping, ["truncated"]) == 10  # never above the first pass's own limit


def test_batch_summary_counts_retried_segments() -> None:
    summary = RunSummary(out_dir="out")
    segs = [{"lang": "ar", "translation": "x", "translation_flags": "repetition; retried"},
            {"lang": "ar", "translation": "y", "translation_flags": ""},
            {"lang": "ar", "translation": "z", "translation_flags": "retried"},
            {"lang": "en"}]
    count_payloads([{"segments": segs, "citations": []}], summary)
    assert (summary.translated_segments, summary.retried_segments) == (3, 2)
    assert summary.to_dict()["retried_segments"] == 2

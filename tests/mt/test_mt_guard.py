"""The translation guard, on hand-written cases kept in tests/data/mt_guard_cases.tsv."""

from __future__ import annotations

import pytest

from translator.mt.engine import Hypothesis
from translator.mt.guard import GuardConfig, inspect, is_repetitive, severity

from ..cases import cases


def _cases() -> list[tuple[str, str, list[str]]]:
    return [(r["source"], r["output"], [f for f in (r.get("flags") or "").split(",") if f])
            for r in cases("mt_guard_cases.tsv")]


@pytest.mark.parametrize(("source", "output", "flags"), _cases(), ids=lambda v: str(v)[:30])
def test_guard_cases(source: str, output: str, flags: list[str]) -> None:
    assert inspect(source, Hypothesis(output)) == flags


def test_unfinished_hypothesis_is_truncated() -> None:
    assert inspect("مدينة تندوف", Hypothesis("The city of", finished=False)) == ["truncated"]


def test_empty_output_for_real_input() -> None:
    assert inspect("مدينة تندوف", Hypothesis("  ")) == ["empty"]
    assert inspect("", Hypothesis("")) == []


def test_thresholds_are_configurable() -> None:
    strict = GuardConfig(max_repeats=2)
    assert is_repetitive("talks talks about peace", strict) and not is_repetitive("talks talks about peace")


def test_severity_orders_failures() -> None:
    assert severity([]) < severity(["too-short"]) < severity(["too-long"]) < severity(["repetition"])
    assert severity(["repetition", "too-long"]) > severity(["repetition"])

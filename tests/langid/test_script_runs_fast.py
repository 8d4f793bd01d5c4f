"""Script runs found by one regular expression (issue 20) are the runs the character loop finds."""

from __future__ import annotations

import random
from pathlib import Path

from translator.langid.runs import _cores, _cores_by_char

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_regex_runs_equal_the_loop() -> None:
    texts = [line for path in sorted(CORPUS.iterdir()) for line in path.read_text(encoding="utf-8").splitlines()]
    rnd = random.Random(15924)
    alphabet = "abcXYZ ابتثجح ة 123٣ ,.«»()\u200f\u0301éЖж中ひ한\x01\x1f\x0e\t"
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 40))) for _ in range(3000)]
    assert sum(len(_cores(t)) > 1 for t in texts) > 100  # mixed-script lines are in the sample
    for text in texts:
        assert _cores(text) == _cores_by_char(text), text

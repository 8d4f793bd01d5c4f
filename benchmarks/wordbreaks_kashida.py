"""Words cut at a line break with a kashida: how many :func:`join_broken_words` puts back (NEWUSER9 F1).

    PYTHONPATH=. .venv/bin/python benchmarks/wordbreaks_kashida.py

The 427 real Arabic sentences of tests/data/arabic_sentences_real.tsv, alternately in a build and a held-out
half; each Arabic word of 4+ letters is cut once at a random place (seed 9) with a kashida before the line
break, and counted as rejoined when the word is whole again. Cuts right after the first letter are also
counted apart (the Hijri mark هـ after a number is the one one-letter piece left alone).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from translator.text.wordbreaks import join_broken_words

SENTENCES = Path(__file__).resolve().parent.parent / "tests" / "data" / "arabic_sentences_real.tsv"


def main() -> None:
    lines = SENTENCES.read_text(encoding="utf-8").splitlines()
    rows = list(csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t"))
    rng = random.Random(9)
    stats: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        half = "build" if i % 2 == 0 else "held-out"
        words = row["text"].split()
        for k, word in enumerate(words):
            if len(word) < 4 or not all("\u0621" <= c <= "\u064a" for c in word):
                continue
            cut = rng.randrange(1, len(word) - 1)
            text = " ".join([*words[:k], word[:cut] + "\u0640\n" + word[cut:], *words[k + 1:]])
            whole = word in join_broken_words(text)[0].split()
            s = stats.setdefault(half, [0, 0, 0, 0])
            s[0] += 1
            s[1] += whole
            if cut == 1:
                s[2] += 1
                s[3] += whole
    for half, (made, joined, made1, joined1) in stats.items():
        print(f"{half}: kashida cuts rejoined {joined}/{made}; cut after one letter {joined1}/{made1}")


if __name__ == "__main__":
    main()

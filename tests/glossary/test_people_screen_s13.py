"""find_people's screen (session 13, issue 16) joins and looks up only the word pairs whose first word opens a
known name, where it joined every pair of the segment."""

from __future__ import annotations


def test_the_people_screen_joins_only_pairs_that_open_a_name() -> None:
    """find_people's screen (session 13) looks up only the word pairs whose first word opens a known name: the same
    texts pass it as when every pair was joined (a name's words hold no space)."""
    import json
    from itertools import pairwise
    from pathlib import Path

    from translator.glossary import names
    from translator.glossary.wordinfo import prepared

    index, pairs = names._name_index(), names._name_pairs()
    assert all(" " not in first for first in index)
    data = Path(__file__).resolve().parents[1] / "data" / "gazetteer_mentions.jsonl"
    for line in data.read_text(encoding="utf-8").splitlines():
        plain = [w for _, _, w in prepared(json.loads(line)["text"])[2]]
        every = not pairs.isdisjoint(map(" ".join, pairwise(plain)))
        opening = not pairs.isdisjoint(" ".join(p) for p in pairwise(plain) if p[0] in index)
        assert every == opening

"""Chicago's full stop after a title (fourth new-user trial, finding 13): inside the closing quotation mark
(CMOS 14.89), after the bracketed translation when there is one (14.102), and none added after a title that
ends on its own question or exclamation mark (6.119). It was written outside the quotes when a title had no
English rendering (“شهادة دولية لمصر والسيسى”. Al-Ahram.) and doubled a title's own ? (“…?.”)."""

from __future__ import annotations

import pytest

from translator.citations.format import format_citation


def _row(**fields: str) -> dict:
    return {"kind": "news_citation", "outlet": "Al-Ahram", "outlet_canonical": "Al-Ahram", **fields}


@pytest.mark.parametrize(("fields", "expected"), [
    ({"title_original": "شهادة دولية لمصر والسيسى"}, "“شهادة دولية لمصر والسيسى.” Al-Ahram."),
    ({"title_original": "هل تنجح المفاوضات؟"}, "“هل تنجح المفاوضات؟” Al-Ahram."),  # the Arabic ؟ too
    ({"title_english": "Algeria and Russia"}, "“Algeria and Russia.” Al-Ahram."),
    ({"title_english": "Corona virus a crisis of confidence?"}, "“Corona virus a crisis of confidence?” Al-Ahram."),
    ({"title_english": "Enough!", "author": "Samir Attallah"}, "Samir Attallah. “Enough!” Al-Ahram."),
    ({"title_original": "تبون يستقبل عراقجي", "title_english": "Tebboune receives Araghchi"},
     "“تبون يستقبل عراقجي” [Tebboune receives Araghchi]. Al-Ahram."),
    ({"title_original": "لماذا الآن؟", "title_english": "Why now?"}, "“لماذا الآن؟” [Why now?]. Al-Ahram."),
])
def test_the_stop_after_a_chicago_title(fields: dict, expected: str) -> None:
    assert format_citation(_row(**fields), style="chicago") == expected


def test_the_house_style_keeps_its_own_comma_after_a_question() -> None:
    """oewatch follows the seed article (tests/data/citations_house_style.txt: “…Conferences?,” All4Syria)."""
    assert format_citation(_row(title_english="Why Insist?"), style="oewatch") == "“Why Insist?,” Al-Ahram."

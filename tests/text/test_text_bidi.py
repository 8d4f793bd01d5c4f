"""Direction runs of mixed lines (translator.text.bidi), the base of every table's <bdi> isolation."""

from __future__ import annotations

import pytest

from translator.text.bidi import base_direction, direction_runs, isolate_html


@pytest.mark.parametrize(("text", "runs"), [
    ("«الجزائر» (Algeria)", [("«الجزائر»", "rtl"), ("(Algeria)", "ltr")]),
    ("“إعادة فتح معبر رأس جدير” (Ras Jedir crossing reopens), Al-Wasat, 7 June 2022.",
     [("“إعادة فتح معبر رأس جدير”", "rtl"), ("(Ras Jedir crossing reopens), Al-Wasat, 7 June 2022.", "ltr")]),
    ("Tindouf — تندوف", [("Tindouf", "ltr"), ("تندوف", "rtl")]),
    ("قالت وكالة Reuters إن", [("قالت وكالة", "rtl"), ("Reuters", "ltr"), ("إن", "rtl")]),
    ("Moscow Москва", [("Moscow Москва", "ltr")]),  # two scripts, one direction
    ("2022 - 07", []),
])
def test_direction_runs(text: str, runs: list[tuple[str, str]]) -> None:
    assert [(text[r.start:r.end], r.direction) for r in direction_runs(text)] == runs


def test_isolate_html_escapes_and_leaves_single_direction_text_alone() -> None:
    assert isolate_html("مدينة «تندوف» <>") == "مدينة «تندوف» &lt;&gt;"
    assert isolate_html("Tindouf — تندوف <>") == '<bdi dir="ltr">Tindouf</bdi> — <bdi dir="rtl">تندوف &lt;&gt;</bdi>'
    assert isolate_html("x < y", escape=lambda s: s.upper()) == "X < Y"


def test_base_direction() -> None:
    assert [base_direction(t) for t in ("«الجزائر» 2022", "“Algeria” الجزائر", "2022 -", None)] == [
        "rtl", "ltr", "auto", "auto"]

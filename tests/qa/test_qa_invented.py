"""Names a machine translation invents (issue 17, ``check(..., machine=True)``), on the tiny model's real output.

The tiny model (tests/conftest.py) reproduces the sentences it was trained on and, given Arabic it never saw,
writes names from its training data: ``مرحبا بكم`` ("welcome") comes out naming Morocco. Its reproductions are
correct machine translations and must not be flagged; its inventions must. Human translations are not checked
this way (they add context names: benchmarks/qa.py counts them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.glossary.report import lenient_form
from translator.mt import Translator
from translator.mt.ct2 import CT2Engine
from translator.mt.models import inspect_folder
from translator.qa import check, default_glossary
from translator.qa.invented import _ordinary
from translator.qa.names import _renders, english_names

UNSEEN = ["مرحبا بكم", "شكرا جزيلا لكم", "أعلنت وزارة الصحة تسجيل حالات جديدة", "قال الوزير إن الاجتماع كان مثمرا"]


@pytest.fixture(scope="module")
def translate(tiny_ct2_model: Path):  # type: ignore[no-untyped-def]
    translator = Translator(CT2Engine(inspect_folder(tiny_ct2_model)), guard=None)
    return lambda texts: [r.text or "" for r in translator.translate(texts)]


def _invented(source: str, target: str) -> list[tuple[int, int]]:
    return [(f.target_start, f.target_end) for f in check(source, target, machine=True)
            if f.kind == "name" and f.source_start is None]


def test_correct_machine_translations_are_not_flagged(translate, tiny_pairs) -> None:  # type: ignore[no-untyped-def]
    outputs = translate([ar for ar, _ in tiny_pairs])
    correct = [(ar, out) for (ar, en), out in zip(tiny_pairs, outputs, strict=True) if out == en]
    assert len(correct) >= len(tiny_pairs) // 2
    assert [(ar, out) for ar, out in correct if _invented(ar, out)] == []


#: what tiny models wrote for UNSEEN (this machine's default seed, and TRANSLATOR_TINY_SEED=2): names from
#: nothing, so that the check below never passes vacuously on a machine whose model happens to invent none
RECORDED = [("مرحبا بكم", "Morocco strens its the"),
            ("أعلنت وزارة الصحة تسجيل حالات جديدة",
             "The Polisrones thet lating acacacaccuses theight inolating  Morocco"),
            ("مرحبا بكم", "The minister visitedueueues Tindouf")]


def test_names_the_model_invents_are_flagged(translate) -> None:  # type: ignore[no-untyped-def]
    # The words the tiny model writes for sentences it never saw differ per CPU kind (another kind trains another
    # model): every invented glossary name is flagged, whatever this machine's model wrote. A name whose every
    # word is everyday English ("Spain", "United States": wordfreq zipf >= invented._ORDINARY) is not flagged
    # (module docstring of translator.qa.invented): those are left out here.
    glossary = default_glossary()
    made_up = 0
    for source, output in [*zip(UNSEEN, translate(UNSEEN), strict=True), *RECORDED]:
        in_source = [m.entry for m in glossary.match(source) if m.entry is not None]
        names = [(a, b) for a, b, entry in english_names(output, glossary) if not _renders(entry, in_source)
                 and not all(_ordinary(w) for w in lenient_form(output[a:b]).split())]
        made_up += len(names)
        flagged = [f for f in check(source, output, machine=True) if f.kind == "name"]
        for a, b in names:  # every glossary name the model wrote from nothing has a flag on it
            assert any(f.target_start is not None and f.target_start <= a and b <= f.target_end for f in flagged), \
                (source, output, output[a:b])
        assert not [f for f in check(source, output) if f.kind == "name" and f.source_start is None]  # human mode
    assert made_up >= 3  # names were invented (Morocco twice, Tindouf), so the check above did check something


@pytest.mark.parametrize(("source", "target"), [
    # KUNA, 2020 (benchmarks/data/qa_pairs.tsv p034): the Arabic writes the nationalities as adjectives
    ("موضحة ان \"بين المصابين الجدد 164 مواطنا كويتيا و150 مقيما مصريا و264 مقيما من الجنسية الهندية\".",
     "The new cases include 264 Indians, 164 Kuwaitis and 150 Egyptians."),
    ("وصل الوفد إلى Tindouf", "The delegation arrived in Tindouf"),  # the source writes the name in Latin letters
    # a romanization the glossary does not list (Saudi Gazette after SPA, March 2020)
    ("تلقى ولي العهد اتصالاً هاتفياً من دولة رئيس وزراء إسبانيا بيدرو سانشيز.",
     "The Crown Prince received a phone call from Spanish Prime Minister Pedro Sanchez."),
])
def test_names_the_source_accounts_for_are_not_flagged(source: str, target: str) -> None:
    assert _invented(source, target) == []


def test_an_invented_country_in_a_published_english_is_flagged() -> None:
    # Jordan DoS, September 2023 (qa_pairs p5b01) with "Lebanon's" written where the English had no name
    source = ("أصدرت دائرة الإحصاءات العامة تقريرها الشهري حول الرقم القياسي العام لأسعار المستهلك لشهر أيلول"
              " من عام 2023.")
    target = ("Lebanon's Department of Statistics issued its monthly report on the general consumer price index for "
              "September 2023.")
    spans = _invented(source, target)
    assert [target[a:b] for a, b in spans] == ["Lebanon"]
    assert _invented(source, target.replace("Lebanon's ", "The ")) == []

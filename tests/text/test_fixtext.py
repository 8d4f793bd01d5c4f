"""translator/text/fixtext.py: the same string as ftfy.fix_text on real text and on mojibake, line for line."""

from __future__ import annotations

import json
from pathlib import Path

import ftfy
import pytest
from ftfy import fixes

from translator.text import fixtext
from translator.text.fixtext import fix_text

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = Path(__file__).resolve().parents[2] / "corpus"
# the encodings ftfy's mojibake comes from, and the windows-1256 one it leaves to decode.py
ENCODINGS = ("cp1252", "latin-1", "cp1256", "cp1251", "macroman", "cp437", "cp1250", "iso8859_2")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _real_texts() -> list[str]:
    """Every line and passage of the real test data: citations, dates, sentences, the sample corpus."""
    texts: list[str] = []
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                texts += _strings(json.loads(line))
    for path in sorted(DATA.glob("*.tsv")):
        texts += [cell for line in path.read_text("utf-8").splitlines() for cell in line.split("\t")]
    for path in sorted(SEED.iterdir()):
        whole = path.read_text("utf-8")
        texts += [whole, *whole.splitlines(keepends=True)]
    return [t for t in dict.fromkeys(texts) if t.strip()]


REAL = _real_texts()


def test_the_sample_is_large_and_mixed() -> None:
    assert len(REAL) > 3000
    assert sum(not t.isascii() for t in REAL) > 1000


@pytest.mark.parametrize("normalization", ["NFC", None])
def test_same_as_ftfy_on_real_text(normalization: str | None) -> None:
    for text in REAL:
        assert fix_text(text, normalization=normalization) == ftfy.fix_text(
            text, uncurl_quotes=False, normalization=normalization), text


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_same_as_ftfy_on_mojibake(encoding: str) -> None:
    changed = 0
    for text in REAL[::3]:
        bad = text.encode("utf-8").decode(encoding, errors="replace")
        expected = ftfy.fix_text(bad, uncurl_quotes=False)
        assert fix_text(bad) == expected, bad
        changed += expected != bad
    if encoding in ("cp1252", "latin-1"):
        assert changed > 300  # ftfy repaired these: the gate let them through to it


CASES = [
    "Al-Ahram &amp; Al-Akhbar",  # an HTML entity
    "<p>first</p>\nAl-Ahram &amp; Al-Akhbar\n",  # after a "<", ftfy leaves entities alone
    "Al-Ahram &amp; Al-Akhbar\n<p>then</p>\n&eacute;\n",
    "line one\r\nline two\rthree\u2028four\u2029five\x85six",
    "ＬＯＵＤ　ＮＯＩＳＥＳ",  # full width
    "ﬂubberiﬁc",  # ligatures
    "\x1b[31mred\x1b[0m text",  # terminal escapes
    "\ufeffBOM and \x00 NUL and \x7f DEL",
    "C1 \x80 \x93 controls",
    "surrogate \ud83d\ude00 pair and \ud800 alone",
    "\u0627\u0654\u062d\u0645\u062f",  # alef + combining hamza: NFC composes أ
    "قالت صحيفة الأهرام في 5 مايو 2024 إن Ã©tÃ© ...",  # Arabic with embedded UTF-8-as-latin-1 mojibake
    "قالت صحيفة الأهرام في 5 مايو 2024",
    "Le Monde rapporte que l’armée française — « retrait » — quitte le Sahel.",
    "voilÃ le travail",
    "Ã  la une",
    "sÃ³lo “quotes” stay curly ‘here’",
    "Ù…Ø±Ø­Ø¨Ø§ Ø¨ÙƒÙ…",  # Arabic UTF-8 read as windows-1252
    "Ð¿Ñ€Ð¸Ð²ÐµÑ‚",
    "",
    "\n\n",
]


@pytest.mark.parametrize("text", CASES)
@pytest.mark.parametrize("normalization", ["NFC", None])
def test_same_as_ftfy_on_each_kind_of_fix(text: str, normalization: str | None) -> None:
    assert fix_text(text, normalization=normalization) == ftfy.fix_text(
        text, uncurl_quotes=False, normalization=normalization)


def test_plain_lines_skip_ftfy_and_damaged_ones_do_not() -> None:
    for kept in ("قالت صحيفة الأهرام في 5 مايو 2024\n", "Le Monde, 12 May 2024", "l’armée — « retrait »"):
        assert fixtext._kept(kept, "NFC")
    for damaged in ("Ù…Ø±Ø­Ø¨Ø§", "a &amp; b", "x\r\n", "قالت Ã©tÃ©", "\u0627\u0654", "ﬁ", "\x1b[0m"):
        assert not fixtext._kept(damaged, "NFC")
    assert fixtext._kept("\u0627\u0654", None)  # not normalizing: nothing else would change it


def test_the_line_breaks_are_ftfys() -> None:
    assert fixes.fix_line_breaks(fixtext._LINE_BREAKS) == "\n" * len(fixtext._LINE_BREAKS)

"""Unicode scripts of letters: which script a character is written in, and how many letters of each.

The ranges live in ``data/langid_scripts.tsv``. Only letters (and the marks written inside words) have a
script; digits, punctuation, spaces and symbols have none, so they never decide a language.
"""

from __future__ import annotations

from functools import cache

from ..datafiles import read_tsv
from ..errors import TranslatorError

__all__ = ["char_script", "codepoint", "dominant_script", "read_table", "script_counts"]

# Letters are translated to one control character per script, then counted with str.count (C speed).
# These code points never occur in the text we read (tab, newlines, form feed are left out).
_TAGS = [chr(c) for c in (*range(0x01, 0x09), *range(0x0E, 0x20))]


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a data file in ``translator/data``, every cell stripped (see ``translator.datafiles``)."""
    return read_tsv(name, strip=True)


def codepoint(value: str) -> str:
    """``U+0627`` → ``ا``.

    Raises :class:`TranslatorError` for a value not written as ``U+XXXX``.
    """
    value = value.strip()
    if not value.upper().startswith("U+"):
        raise TranslatorError(f"Bad code point {value!r} in a langid data file: write it as U+XXXX.")
    return chr(int(value[2:], 16))


@cache
def _tables() -> tuple[dict[int, str], dict[int, str], tuple[tuple[str, str], ...]]:
    """(code point → script, code point → tag character, (tag, script) pairs)."""
    by_char: dict[int, str] = {}
    names: list[str] = []
    for row in read_table("langid_scripts.tsv"):
        script = row["script"]
        if script not in names:
            names.append(script)
        for cp in range(ord(codepoint(row["first"])), ord(codepoint(row["last"])) + 1):
            by_char[cp] = script
    if len(names) > len(_TAGS):
        raise TranslatorError("langid_scripts.tsv names more scripts than langid/scripts.py can count.")
    tag_of = dict(zip(names, _TAGS, strict=False))
    translate = {cp: tag_of[script] for cp, script in by_char.items()}
    return by_char, translate, tuple((tag_of[name], name) for name in names)


def char_script(char: str) -> str | None:
    """ISO 15924 code of a letter's script (``Arab``, ``Latn``...), None for digits, punctuation, spaces."""
    return _tables()[0].get(ord(char))


def script_counts(text: str) -> dict[str, int]:
    """Number of letters of each script in ``text`` (scripts with none are left out)."""
    _, translate, tags = _tables()
    tagged = text.translate(translate)
    present = set(tagged)
    return {name: tagged.count(tag) for tag, name in tags if tag in present}


def dominant_script(text: str) -> tuple[str | None, int, int]:
    """(script with most letters or None, its letter count, all letters)."""
    counts = script_counts(text)
    if not counts:
        return None, 0, 0
    script = max(counts, key=counts.__getitem__)
    return script, counts[script], sum(counts.values())

"""ftfy's ``fix_text`` without its cost on lines it leaves alone (issue 20).

``ftfy.fix_text`` runs a dozen fixers and its mojibake heuristic (``ftfy.badness.is_bad``, a large regex) on
every line, and repeats the round until nothing changes; news text almost never needs it, and it was about a
tenth of a corpus analysis.  :func:`fix_text` gives exactly what ``ftfy.fix_text(text, uncurl_quotes=False,
normalization=...)`` gives (ftfy 6.x), line for line: a line that none of ftfy's steps can change is kept as
it is, and any other line goes through ``ftfy.fix_and_explain`` with the configuration ``ftfy.fix_text``
would use for it.  A line is kept when, reading ftfy's own source (``ftfy/__init__.py``, ``fixes.py``,
``chardata.py``):

- it has none of the characters ftfy's character fixers act on, built from ftfy's own tables: C1 controls,
  ``LIGATURES``, ``WIDTH_MAP``, ``CONTROL_CHARS`` (which hold ESC, so no terminal escape), the line breaks
  ``fix_line_breaks`` rewrites, surrogates, and ``&`` (HTML entities);
- its encoding cannot be "fixed": ASCII, or a character no single-byte encoding ftfy tries can encode
  (Arabic letters, say) and nothing ``UTF8_DETECTOR_RE`` sees as embedded UTF-8 mojibake, or else
  ``is_bad`` finds nothing (ftfy's own first test in ``_fix_encoding_one_step_and_explain``);
- it is already in the normalization form asked for (``unicodedata.is_normalized``).

``tests/text/test_fixtext.py`` compares the two on every text the test data holds, and on the same texts
turned to mojibake in eight encodings.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

import ftfy
from ftfy import chardata
from ftfy.badness import is_bad

__all__ = ["fix_text"]

_LINE_BREAKS = "\r\u2028\u2029\x85"  # fixes.fix_line_breaks
_FIXED_CHARS = (set(chardata.CONTROL_CHARS) | set(chardata.LIGATURES) | set(chardata.WIDTH_MAP)
                | set(range(0x80, 0xA0)) | {ord(ch) for ch in _LINE_BREAKS} | {ord("&")})
_MAY_FIX = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FIXED_CHARS)) + "\ud800-\udfff]")
# every character some single-byte encoding ftfy tries (chardata.CHARMAP_ENCODINGS) can encode
# (bytes 0x80-0xFF, and 0x1A, which the sloppy codecs read as U+FFFD: chardata._build_regexes)
_ENCODABLE = set(map(chr, range(0x80))) | {
    ch for encoding in chardata.CHARMAP_ENCODINGS for ch in bytes([*range(0x80, 0x100), 0x1A]).decode(encoding)}
_NOT_ENCODABLE = re.compile("[^" + "".join(re.escape(ch) for ch in sorted(_ENCODABLE)) + "]")


def _kept(segment: str, normalization: str | None) -> bool:
    """True when ``ftfy.fix_and_explain`` would return ``segment`` unchanged (see the module docstring)."""
    if _MAY_FIX.search(segment):
        return False
    if normalization is not None and not unicodedata.is_normalized(normalization, segment):
        return False
    if segment.isascii():
        return True
    if _NOT_ENCODABLE.search(segment):
        return not chardata.UTF8_DETECTOR_RE.search(segment)
    return not is_bad(segment)


def fix_text(text: str, *, normalization: Literal["NFC", "NFD", "NFKC", "NFKD"] | None = "NFC") -> str:
    """``ftfy.fix_text(text, uncurl_quotes=False, normalization=normalization)``, the same string, faster.

    Curly quotes are kept (they carry structure in citations); every other ftfy fix is on. Segments are
    ftfy's: lines (each with its ``\\n``), cut at ``max_decode_length`` characters; after the first segment
    with ``<`` HTML entities are left alone, as ftfy does.
    """
    config = ftfy.TextFixerConfig(explain=False, uncurl_quotes=False, normalization=normalization)
    out = []
    pos = 0
    while pos < len(text):
        textbreak = text.find("\n", pos) + 1 or len(text)
        textbreak = min(textbreak, pos + config.max_decode_length)
        segment = text[pos:textbreak]
        if config.unescape_html == "auto" and "<" in segment:
            config = config._replace(unescape_html=False)
        out.append(segment if _kept(segment, normalization) else ftfy.fix_and_explain(segment, config).text)
        pos = textbreak
    return "".join(out)

"""Turn a file's bytes into text: detect the encoding, repair mojibake, and say what was done.

Library use and where it falls short:
- BOMs and strict UTF-8 are tried first (cheap and certain).
- charset-normalizer picks among the legacy encodings Arabic pages use (windows-1256, ISO-8859-6, UTF-16 without
  a BOM); we restrict it to those so that it cannot "succeed" with a Latin code page on Arabic bytes.
- ftfy repairs cp1252-style mojibake (``Ù„Ø§``) but not UTF-8 read as windows-1256 (``ط§ظ„``), which Arabic
  sites produce often; `repair_arabic_mojibake` undoes that one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ftfy
from charset_normalizer import from_bytes

from ..errors import InputError

__all__ = ["ARABIC_LEGACY", "Decoded", "decode_bytes", "repair_arabic_mojibake"]

# UTF-16 without a BOM is recognised separately (_try_utf16): its text always has NUL bytes, and letting
# charset-normalizer guess it turns random bytes into plausible-looking CJK text.
ARABIC_LEGACY = ("cp1256", "iso8859_6")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Typical pairs of UTF-8 Arabic bytes read as windows-1256: "ط§" (ا), "ظ„" (ل), "ط±" (ر), ...
_CP1256_MOJIBAKE = re.compile(r"(?:[طظ][^\x00-\x7f](?:[ \t.,:;!?()\"'-]*))+")


@dataclass
class Decoded:
    text: str
    encoding: str
    repairs: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> Decoded:
    """Decode ``data`` to text, or raise InputError saying why it is not a text document."""
    if not data.strip():
        raise InputError(f"{name}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _finish(data.decode(encoding), encoding)
    if b"\x00" in data[:4096]:
        utf16 = _try_utf16(data)
        if utf16 is None:
            raise InputError(f"{name}: binary file (NUL bytes), not a text document")
        decoded = _finish(utf16[0], utf16[1])
        decoded.repairs.insert(0, f"decoded as {utf16[1]} (no byte-order mark)")
        return decoded
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    best = from_bytes(data, cp_isolation=list(ARABIC_LEGACY)).best()
    if best is None or best.chaos > 0.25:
        raise InputError(
            f"{name}: invalid UTF-8 at byte {utf8_error.start} ({data[utf8_error.start:utf8_error.start + 4]!r}) "
            "and no Arabic legacy encoding (windows-1256, ISO-8859-6, UTF-16) fits; "
            "re-save the file as UTF-8"
        )
    decoded = _finish(str(best), best.encoding)
    decoded.repairs.insert(0, f"decoded as {best.encoding} (not valid UTF-8)")
    return decoded


def repair_arabic_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 bytes that were decoded as windows-1256; returns (text, number of runs repaired)."""
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        chunk = match.group()
        if len(chunk.rstrip()) < 4:  # one pair alone is as likely to be real Arabic
            return chunk
        try:
            repaired = chunk.encode("cp1256").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return chunk
        count += 1
        return repaired

    return _CP1256_MOJIBAKE.sub(fix, text), count


def _finish(text: str, encoding: str) -> Decoded:
    repairs: list[str] = []
    text, n = repair_arabic_mojibake(text)
    if n:
        repairs.append(f"repaired {n} run(s) of UTF-8 read as windows-1256")
    # Keep curly quotes: in citations they carry structure.
    fixed = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True, normalization=None)
    if fixed != text:
        repairs.append("ftfy repaired mojibake/control characters")
        text = fixed
    return Decoded(text=text, encoding=encoding, repairs=repairs)


def _try_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: accept a byte order only if it yields almost only printable text."""
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
        if text and printable / len(text) > 0.97 and any(ch.isalpha() for ch in text):
            return text, encoding
    return None

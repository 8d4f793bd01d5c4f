"""Turn a file's bytes into text: detect the encoding, repair mojibake, and say what was done.

Library use and where it falls short:
- BOMs and strict UTF-8 are tried first (cheap and certain). Text that is almost all valid UTF-8 (a stray
  ``0xA0`` byte, a last character cut in half by a scraper) is UTF-8: the bad bytes are replaced and every
  replacement is recorded with its byte offset (issue #14).
- Otherwise the legacy encodings news files come in (windows-1256, ISO-8859-6 for Arabic; windows-1252,
  latin-1, ISO-8859-15 for Francophone Maghreb dailies and older archives) are all tried, and the reading
  whose text is most plausible wins: words that mix Arabic and Latin letters, vowel signs on Latin letters
  and control characters count against a reading; words a frequency list knows (wordfreq, for Arabic,
  Persian, English, French, Spanish, German, Italian, Portuguese) count for it. charset-normalizer alone
  cannot tell windows-1252 from windows-1256 on short French text (it picks the Arabic page), so its chaos
  score is only a tie-breaker here. When two readings stay close, a warning says so; readings with the same
  letters (windows-1252, latin-1 and ISO-8859-15 on French text differ only in ``’ € œ`` and C1 controls)
  are one reading, not two, and do not lower the confidence.
- ftfy repairs UTF-8 read as windows-1252 (``Ù„Ø§``), but neither UTF-8 read as windows-1256 (``ط§ظ„``)
  nor windows-1256 read as windows-1252 (``ÊÕÑíÍÇÊ``), which Arabic sites produce often;
  `repair_arabic_mojibake` undoes both, and only where the repaired words are Arabic words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

import ftfy.bad_codecs  # registers the sloppy-windows-* codecs used below
from charset_normalizer import from_bytes

from ..datafiles import BYTE_ORDER_MARKS
from ..errors import InputError
from ..text.arabic import plain_letters, space_zero_width
from ..text.fixtext import fix_text
from ..text.visual_order import logical_lines, logical_order
from ..text.wordbreaks import join_broken_words
from .safe_open import open_regular

__all__ = ["GUESSED_MAX", "GUESS_SAMPLE_BYTES", "LEGACY_ENCODINGS", "OTHER_SCRIPT_ENCODINGS", "STREAM_PIECE_CHARS",
           "Decoded", "TextStream", "declared_encoding", "decode_bytes", "decode_table", "escape_json_line_breaks",
           "plausibility", "repair_arabic_mojibake", "repair_characters"]

# UTF-16 without a BOM is recognised separately (_try_utf16): its text always has NUL bytes, and letting
# an encoding guesser choose it turns random bytes into plausible-looking CJK text.
# UTF-32's marks first: UTF-32-LE's (FF FE 00 00) begins with UTF-16-LE's (issue #13: a UTF-32 file was read as
# UTF-16 with a NUL between every two characters, and "repaired" by ftfy)
_BOMS = BYTE_ORDER_MARKS
# Typical pairs of UTF-8 Arabic bytes read as windows-1256: "ط§" (ا), "ظ„" (ل), "ط±" (ر), ...
# (UTF-8 lead bytes of Arabic letters are D8-DB, which windows-1256 reads as ط ظ ع غ.)
# Typographic quotes and dashes (E2 80 xx) come out as "â€" and one more character.
# « » and other Latin-1 punctuation (C2 xx) come out as "آ" and one more character.
# Presentation forms (ﻻ ﻹ, U+FB50-FEFF, what PDFs and old CMSs emit) and the byte-order mark are EF xx xx:
# "ï»»", "ï»؟".
_CP1256_MOJIBAKE = re.compile(r"(?:(?:[طظعغآ][^\x00-\x7f]|â€[^\x00-\x7f]|ï[^\x00-\x7f]{2})(?:[ \t.,:;!?()\"'-]*))+")
# windows-1256 Arabic read as windows-1252: whole words of Latin-1 letters (Arabic letters sit at 0xC1-0xFE,
# a few Persian ones among 0x80-0x9F), with the spaces and punctuation between them.
# Arabic punctuation too: ، ؛ ؟ sit at 0xA1 0xBA 0xBF (¡ º ¿); bytes 0x80-0x9F that windows-1252 leaves
# undefined come through as C1 controls (ftfy's sloppy-windows-1252), and split no run.
_CP1252_LETTERS = "".join(sorted({re.escape(ch) for ch in bytes(range(0x80, 0x100)).decode("sloppy-windows-1252")}))
_CP1252_MOJIBAKE = re.compile(rf"[{_CP1252_LETTERS}]+(?:[\s\d.,:;!?()\"'“”‘’/%-]+[{_CP1252_LETTERS}]+)*")


# Latin letters in UTF-8 (é = C3 A9) read as windows-1256: the lead bytes C3-C5 come out as أ ؤ إ and the
# continuation byte as one of windows-1256's 0x80-0xBF characters ("Zaأ¯re", "أ\xa0 Alger"): a French name or
# quotation in an Arabic page that was decoded with the wrong code page.
_CONTINUATION_1256 = "".join(re.escape(ch) for ch in bytes(range(0x80, 0xC0)).decode("cp1256"))
_LATIN_AS_CP1256 = re.compile(rf"[أؤإ][{_CONTINUATION_1256}]")


@dataclass
class Decoded:
    """Decoded text, the encoding it was read as, how sure that reading is (0–1), and what was repaired."""

    text: str
    encoding: str
    repairs: list[str] = field(default_factory=list)
    confidence: float = 1.0


#: Legacy single-byte encodings tried when the bytes are not (almost all) UTF-8, in tie-break order.
LEGACY_ENCODINGS = ("cp1256", "iso8859_6", "cp1252", "latin_1", "iso8859_15")
#: Code pages of scripts and languages we do not translate, tried after :data:`LEGACY_ENCODINGS`, with the script
#: they hold: a Russian, Polish or Turkish file read as windows-1252 is mojibake that no warning named
#: (chardet/chardet#132, PyYoshi/cChardet#101); read in its own code page it is text, and the warning says which.
OTHER_SCRIPT_ENCODINGS = {"cp1251": "Cyrillic", "cp1250": "Central European", "cp1254": "Turkish",
                          "koi8_r": "Cyrillic", "cp1253": "Greek", "cp1255": "Hebrew"}
# Two readings whose plausibility differs by less than this are both reported.
_CLOSE = 0.15
#: the highest confidence of a guessed (legacy code page) reading: 1.0 is kept for a BOM or valid UTF-8
GUESSED_MAX = 0.95
_WORD = re.compile(r"[^\W\d_]+(?:[\u064b-\u065f\u0670][^\W\d_]*)*")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_MARK_AFTER_NON_ARABIC = re.compile(r"(?:^|[^\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff])"
                                    r"[\u064b-\u065f\u0670]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x80-\x9f]")  # C0 but tab and line breaks, and C1
_SIGN_IN_WORD = re.compile(r"(?<=[^\W\d_])[¼½¾¦¨¸]|[¼½¾¦¨¸](?=[^\W\d_])")
_FREQUENCY_LANGS = {"arabic": ("ar", "fa"), "latin": ("en", "fr", "es", "de", "it", "pt")}
# the word lists that judge a reading in one of OTHER_SCRIPT_ENCODINGS (and its rivals, on the same scale)
_WIDER_LANGS = {"arabic": ("ar", "fa"), "latin": ("en", "fr", "es", "de", "it", "pt", "pl", "cs", "sk", "hu", "sh",
                                                  "sl", "ro", "tr"), "cyrillic": ("ru", "uk", "bg", "mk"),
                "greek": ("el",), "hebrew": ("he",)}
_OTHER_SCRIPTS = (("cyrillic", re.compile(r"[\u0400-\u04ff]")), ("greek", re.compile(r"[\u0370-\u03ff]")),
                  ("hebrew", re.compile(r"[\u05d0-\u05ea]")))
# An encoding a page declares (HTML Living Standard, "prescan a byte stream": the first 1024 bytes; an XML
# declaration opens the file): <meta charset=X>, <meta http-equiv="Content-Type" content="...; charset=X">,
# <?xml version="1.0" encoding="X"?>. Only a charset attribute of a meta element, or the charset= of its content
# attribute, counts (h4ckf0r0day/obscura#565: not a description that mentions one).
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""\scharset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
_META_CONTENT = re.compile(rb"""\scontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_CONTENT_CHARSET = re.compile(rb"""charset\s*=\s*["']?([-\w.:]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([-\w.:]+)["']""", re.IGNORECASE)
# labels whose WHATWG Encoding Standard meaning is not Python's codec of that name: browsers read a page declared
# latin-1 or ASCII as windows-1252 (w3c/Unicorn#205), one declared ISO-8859-9 as windows-1254
_WHATWG_LABELS = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                  "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254", "latin5": "cp1254",
                  "iso-8859-11": "cp874", "tis-620": "cp874", "x-user-defined": "cp1252"}


def decode_table(data: bytes, *, name: str = "<bytes>") -> tuple[str, str | None]:
    """The text of a table a user keeps (an ``outlets.csv``, a parallel TSV, a glossary), and a note when it was
    not UTF-8.

    Excel on an Arabic Windows saves "CSV" and "Unicode text" in windows-1256, not UTF-8 (Mach5/supersonic#94,
    ActivitySim/populationsim#83). UTF-8, with or without a byte-order mark, is read as such (note None), and so
    is a file with a line of valid non-ASCII UTF-8 (its bad bytes replaced, which the note says); otherwise the
    encoding :func:`decode_bytes` finds is used as it is, with none of its repairs (a table's cells
    are left as written), and the note says which it was. A file with NUL bytes and no byte-order mark is UTF-16
    saved without one (iconv, some Windows tools; errepi/ude#5, brianmario/charlock_holmes#141: NUL bytes are valid
    UTF-8, so it was read as a NUL between every two letters) or not text at all. Raises InputError when no encoding
    gives plausible text (see :func:`decode_bytes`).
    """
    if b"\x00" in data[:4096] and not any(data.startswith(bom) for bom, _ in _BOMS):
        encoding = decode_bytes(data, name=name).encoding  # UTF-16 by its NUL bytes, else InputError (binary)
        return data.decode(encoding), f"{name}: read as {encoding} (no byte-order mark); save it as UTF-8 to be sure"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    if any(_valid_utf8(line) for line in data.split(b"\n") if not line.isascii()):  # UTF-8 with a bad row or two:
        return data.decode("utf-8-sig", "replace"), f"{name}: not valid UTF-8; bad bytes replaced by U+FFFD"
    encoding = decode_bytes(data, name=name).encoding
    if encoding.startswith("utf-8"):  # valid but for a few stray bytes: those are replaced
        return data.decode("utf-8-sig", "replace"), f"{name}: not valid UTF-8; bad bytes replaced by U+FFFD"
    return data.decode(encoding), f"{name}: read as {encoding} (not UTF-8); save it as UTF-8 to be sure"


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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
    declared = declared_encoding(data)
    try:
        decoded = _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if declared is not None and not declared[1].startswith("utf") and not data.isascii():
            decoded.repairs.insert(0, f"the file declares charset {declared[0]}, but its bytes are valid UTF-8: "
                                      "read as UTF-8 (a page saved again without its declaration changed)")
        return decoded
    if declared is not None and not declared[1].startswith("utf"):
        honoured = _declared_reading(data, *declared)
        if isinstance(honoured, Decoded):
            return honoured
    else:
        honoured = None
    mostly = _mostly_utf8(data)
    if mostly is not None:
        # a few bad bytes are replaced, unless the words they stand in read as real words in one legacy
        # encoding: a French paragraph in windows-1252 pasted into a UTF-8 file keeps its accents
        mixed = _mixed_reading(data, min_plausibility=0.75)
        if mixed is not None:
            return mixed
        text, bad = mostly
        decoded = _finish(text, "utf-8")
        decoded.confidence = 0.9
        where = ", ".join(str(offset) for offset in bad[:10]) + (" …" if len(bad) > 10 else "")
        decoded.repairs.insert(0, f"replaced {len(bad)} invalid UTF-8 byte(s) at byte offset(s) {where}")
        return decoded
    readings = _legacy_readings(data)
    other = _other_script_reading(data, readings[0][2] if readings else None)
    if other is not None:
        other.repairs[1:1] = [honoured] if honoured else []
        return other
    # charset-normalizer's mess score helps rank readings, but alone it must not reject a text whose words a
    # frequency list knows (an all-capitals headline: "ÉTÉ À ALGER" is all mess to it)
    if not readings or (readings[0][0] < 0.2 and plausibility(readings[0][2]) < 0.5):
        mixed = _mixed_reading(data)
        if mixed is not None:
            return mixed
        raise InputError(
            f"{name}: invalid UTF-8 at byte {utf8_error.start} ({data[utf8_error.start:utf8_error.start + 4]!r}), "
            "and no reading as windows-1256, ISO-8859-6, windows-1252, latin-1, ISO-8859-15 or UTF-16 gives "
            "plausible text; if it is text, find its encoding (e.g. `file -i`) and convert it with "
            "`iconv -f ENCODING -t UTF-8`"
        )
    score, encoding, text = readings[0]
    decoded = _finish(text, encoding)
    # a guessed reading is never as sure as a byte-order mark or valid UTF-8 (1.0), however plausible
    decoded.confidence = round(max(0.0, min(GUESSED_MAX, score)), 3)
    decoded.repairs.insert(0, f"decoded as {encoding} (not valid UTF-8; plausibility {score:.2f})")
    close = [(s, e) for s, e, t in readings[1:]
             if score - s < _CLOSE and not _same_letters(t, text) and not _worse_where_they_differ(t, text)]
    close += _close_other_scripts(data, text)
    if close:
        others = ", ".join(f"{e} ({s:.2f})" for s, e in close)
        decoded.repairs.insert(1, f"encoding uncertain: {others} also reads plausibly; check the text")
        decoded.confidence = round(min(decoded.confidence, 0.5), 3)
    if honoured:
        decoded.repairs.insert(1, honoured)
    return decoded


def declared_encoding(data: bytes) -> tuple[str, str] | None:
    """The encoding ``data`` declares, as (the label written, the Python codec), or None: an XML declaration's
    ``encoding``, else a ``<meta charset>`` or ``<meta http-equiv="Content-Type" content="…; charset=…">`` in
    the first 1024 bytes (the HTML Living Standard's prescan). Labels are read as browsers read them (WHATWG
    Encoding Standard: ``iso-8859-1`` is windows-1252); a label Python has no codec for is None."""
    import codecs

    head = data[:1024]
    found = _XML_DECLARATION.match(data[:512])
    label = found.group(1) if found else None
    for meta in ([] if label else _META.finditer(head)):
        tag = meta.group()
        charset = _META_CHARSET.search(tag)
        content = _META_CONTENT.search(tag) if charset is None else None
        if content is not None and re.search(rb"http-equiv\s*=\s*[\"']?content-type", tag, re.IGNORECASE):
            charset = _CONTENT_CHARSET.search(next(g for g in content.groups() if g is not None))
        if charset is not None:
            label = charset.group(1)
            break
    if label is None:
        return None
    written = label.decode("ascii", "replace").strip().lower()
    try:
        codec = _WHATWG_LABELS.get(written) or codecs.lookup(written).name
    except LookupError:
        return None
    return written, codec


def _declared_reading(data: bytes, label: str, codec: str) -> Decoded | str | None:
    """``data`` read in the encoding it declares (:func:`declared_encoding`), unless that reading fails or a
    guessed reading is clearly more plausible (a page declaring latin-1 that holds windows-1256 Arabic, as old
    Arabic sites did): then a note saying so, for the reading that is used."""
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return f"the file declares charset {label}, but its bytes are not {label}: its encoding was guessed"
    score = plausibility(text, langs=_WIDER_LANGS)
    rivals = [(plausibility(t, langs=_WIDER_LANGS), e, t) for _, e, t in _legacy_readings(data)[:2]]
    better = [(s, e) for s, e, t in rivals if s > score + _CLOSE and not _same_letters(t, text)]
    if better:
        return (f"the file declares charset {label}, but reads as {better[0][1]} ({better[0][0]:.2f} against "
                f"{score:.2f}): the declaration was not followed")
    decoded = _finish(text, codec)
    decoded.confidence = GUESSED_MAX
    script = OTHER_SCRIPT_ENCODINGS.get(codec)
    decoded.repairs.insert(0, f"decoded as {codec}, as the file declares (charset {label})"
                           + (f"; {script} text, which this toolkit does not translate" if script else ""))
    return decoded


_OTHER_SAMPLE_BYTES = 4096


def _other_script_readings(data: bytes) -> list[tuple[float, str, str]]:
    """The readings of ``data``'s first ``_OTHER_SAMPLE_BYTES`` in :data:`OTHER_SCRIPT_ENCODINGS`, as
    (plausibility, encoding, text), best first."""
    readings = []
    for encoding in OTHER_SCRIPT_ENCODINGS:
        try:  # a sample: plausibility reads no further (and a long file's sample is held once, not thrice)
            text = data[:_OTHER_SAMPLE_BYTES].decode(encoding)
        except UnicodeDecodeError:
            continue
        readings.append((plausibility(text, langs=_WIDER_LANGS), encoding, text))
    return sorted(readings, key=lambda r: -r[0])


def _other_script_reading(data: bytes, best: str | None) -> Decoded | None:
    """``data`` read in a code page of :data:`OTHER_SCRIPT_ENCODINGS` when that reading is plausible and clearly
    more so than ``best``, the best reading in :data:`LEGACY_ENCODINGS` (both judged by the same word lists),
    with a warning naming the code page; else None."""
    readings = _other_script_readings(data)
    if not readings or readings[0][0] < 0.5:
        return None
    score, encoding, text = readings[0]
    best = None if best is None else best[:len(text)]
    if best is not None and (_same_letters(text, best) or (
            plausibility(best, langs=_WIDER_LANGS) + _CLOSE >= score
            and not _worse_where_they_differ(best, text, _WIDER_LANGS))):
        return None
    try:
        decoded = _finish(data.decode(encoding), encoding)
    except UnicodeDecodeError:  # a byte its code page leaves undefined after the sample
        return None
    decoded.confidence = round(min(GUESSED_MAX, score), 3)
    decoded.repairs.insert(0, f"decoded as {encoding} ({OTHER_SCRIPT_ENCODINGS[encoding]} code page; not valid "
                              f"UTF-8; plausibility {score:.2f}): check the text, and save it as UTF-8")
    return decoded


def _close_other_scripts(data: bytes, chosen: str) -> list[tuple[float, str]]:
    """The readings in :data:`OTHER_SCRIPT_ENCODINGS` about as plausible as ``chosen`` (a Czech text in
    windows-1250 reads almost as well in windows-1252, its č as è): (plausibility, encoding)."""
    mine = plausibility(chosen, langs=_WIDER_LANGS)
    close = []
    for score, encoding, text in _other_script_readings(data):
        if not any(b.isalpha() for a, b in zip(chosen[:len(text)], text, strict=True) if a != b):
            continue  # it differs only in signs (KOI8-R's box drawing where windows-1252 has curly quotes)
        words = _differing_words(text, chosen[:len(text)])
        # where they differ, the other reading's words must be about as frequent: "à" as "ŕ" is no reading, nor
        # "español" as "espańol" (a typo the Spanish list has seen)
        theirs = _frequency(words[0]) if words is not None else 0.0
        if score > mine - _CLOSE and theirs > 0 and theirs > _frequency(words[1]) - 1.0:  # type: ignore[index]
            close.append((score, encoding))
    return close


def _frequency(text: str) -> float:
    """The mean over the words of ``text`` (of two letters or more: "а" is Russian, "à" French) of their highest
    Zipf frequency in :data:`_WIDER_LANGS` (0: none)."""
    from ..wordfreq_index import zipf_frequency

    words = [word for word in _WORD.findall(text)[:100] if len(word) > 1]
    if not words:
        return 0.0
    langs = [lang for script in _WIDER_LANGS.values() for lang in script]
    return sum(max(zipf_frequency(word, lang) for lang in langs) for word in words) / len(words)


def _same_letters(rival: str, chosen: str) -> bool:
    """Whether two readings of the same bytes are one reading: they differ only where one has a C1 control
    character (a byte its code page leaves undefined: latin-1's ``\x92`` for windows-1252's ``’``) or where
    neither has a letter (``€`` in ISO-8859-15, ``¤`` in windows-1252). A French file in windows-1252,
    latin-1 or ISO-8859-15 has the same letters in all three: that is one text, not two plausible ones."""
    if len(rival) != len(chosen):
        return False
    for a, b in zip(rival, chosen, strict=True):
        if a != b and not (_is_c1(a) or _is_c1(b) or not (a.isalpha() or b.isalpha())):
            return False
    return True


def _worse_where_they_differ(rival: str, chosen: str, langs: dict[str, tuple[str, ...]] | None = None) -> bool:
    """Whether ``rival`` reads worse than ``chosen`` in the words where the two readings differ: the script
    plausibility (:func:`plausibility`) of just those words. A French windows-1252 text read as windows-1256
    has the same lower-case accented letters, but its "À", "É", "Ç" become Arabic letters inside Latin words
    ("ةtats-Unis") or alone among them ("ہ son arrivée"): over the whole text that costs little, over the
    words that differ it is no reading at all (NEWUSER6 F20). Readings of different lengths are not compared
    (False)."""
    words = _differing_words(rival, chosen)
    if words is None:
        return False
    theirs, mine = words
    return plausibility(theirs, langs=langs) < plausibility(mine, langs=langs) - _CLOSE


def _differing_words(rival: str, chosen: str) -> tuple[str, str] | None:
    """The words where two readings of the same length differ, as (``rival``'s, ``chosen``'s), each joined by
    spaces; None when the lengths differ or nothing does."""
    if len(rival) != len(chosen):
        return None
    spans: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(zip(rival, chosen, strict=True)):
        if a == b or (spans and spans[-1][1] > i):
            continue
        start, end = i, i + 1
        while start > 0 and (rival[start - 1].isalnum() or chosen[start - 1].isalnum()):
            start -= 1
        while end < len(chosen) and (rival[end].isalnum() or chosen[end].isalnum()):
            end += 1
        spans.append((start, end))
    if not spans:
        return None
    return " ".join(rival[a:b] for a, b in spans), " ".join(chosen[a:b] for a, b in spans)


def _is_c1(ch: str) -> bool:
    return 0x80 <= ord(ch) < 0xA0


def _mostly_utf8(data: bytes) -> tuple[str, list[int]] | None:
    """UTF-8 with a few bad bytes: the text (bad bytes replaced) and their offsets; None if not mostly UTF-8.

    "Mostly" means at least ten well-formed multi-byte sequences for every bad byte, and bad bytes under 5%
    of the file: a legacy-encoded Arabic or French file has few well-formed sequences by chance.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    bad_chars = [i for i, ch in enumerate(text) if "\udc80" <= ch <= "\udcff"]
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and not "\udc80" <= ch <= "\udcff")
    if not bad_chars or multibyte < 10 * len(bad_chars) or len(bad_chars) > 0.05 * len(data):
        return None
    offsets, pieces, last, byte_pos = [], [], 0, 0
    # byte offsets of the bad bytes: walk the text, counting each character's UTF-8 length
    bad = set(bad_chars)
    for i, ch in enumerate(text):
        if i in bad:
            offsets.append(byte_pos)
            pieces.append(text[last:i])
            pieces.append("\u00a0" if ch == "\udca0" else "\ufffd")  # 0xA0 is a no-break space in every code page
            last = i + 1
            byte_pos += 1
        else:
            byte_pos += len(ch.encode("utf-8"))
    pieces.append(text[last:])
    return "".join(pieces), offsets


# Characters a legacy code page gives for the bytes Windows software slips into UTF-8 text: curly quotes, dashes,
# an ellipsis, a bullet, a no-break space (windows-1252 and windows-1256 agree on all of them).
_TYPOGRAPHY = frozenset("‘’‚“”„–—…•\u00a0 «»·€")
_LEGACY_RUN = re.compile(r"[\udc80-\udcff](?:[\x00-\x7f]*[\udc80-\udcff])*")


def _mixed_reading(data: bytes, *, min_plausibility: float = 0.5) -> Decoded | None:
    """A file in two encodings (pieces of UTF-8 and of a legacy code page, as files pasted together or a site
    moved between systems leave): its valid UTF-8 read as UTF-8, each stretch of bytes that is not (with the
    ASCII between them) in the one legacy encoding whose reading of the words holding those stretches is most
    plausible. None unless both parts are real evidence (ten well-formed multi-byte UTF-8 characters; those
    words of plausibility ``min_plausibility`` or more) and the whole reads plausibly; the warning names the
    encodings and where the legacy bytes are."""
    text = data.decode("utf-8", errors="surrogateescape")
    runs = list(_LEGACY_RUN.finditer(text))
    if not runs or sum(1 for ch in text if ord(ch) > 0x7F and not "\udc80" <= ch <= "\udcff") < 10:
        return None
    raw = [m.group().encode("utf-8", errors="surrogateescape") for m in runs]
    best: tuple[tuple[float, bool], str, str] | None = None
    for encoding in LEGACY_ENCODINGS:
        try:
            pieces = [chunk.decode(encoding) for chunk in raw]
        except UnicodeDecodeError:
            continue
        lettered = [any(ch.isalpha() for ch in piece) for piece in pieces]
        if not all(has or set(piece) <= _TYPOGRAPHY for piece, has in zip(pieces, lettered, strict=True)):
            continue
        if not any(lettered) and all(piece.isspace() for piece in pieces):
            continue  # a stray 0xA0 in place of a space: replaced (by a no-break space) and counted by the caller
        out, last, spans, length = [], 0, [], 0
        for m, piece, has in zip(runs, pieces, lettered, strict=True):
            out.append(text[last:m.start()])
            length += m.start() - last
            out.append(piece)
            if has:
                spans.append((length, length + len(piece)))
            length += len(piece)
            last = m.end()
        out.append(text[last:])
        candidate = "".join(out)
        words = " ".join(_widen(candidate, start, end) for start, end in spans)
        arabic = _ARABIC_LETTER.search(words) is not None
        # curly quotes and dashes alone (Windows software's bytes in UTF-8 text) have no words to judge them by
        score = plausibility(words) if spans else 1.0
        key = (round(score, 3), arabic == (encoding in ("cp1256", "iso8859_6")))
        if best is None or key > best[0]:
            best = (key, encoding, candidate)
    if best is None or best[0][0] < min_plausibility:
        return None
    (score, _), encoding, whole = best
    if plausibility(whole) < 0.5:
        return None
    decoded = _finish(whole, f"utf-8+{encoding}")
    decoded.confidence = 0.6
    starts = [len(text[:m.start()].encode("utf-8", errors="surrogateescape")) for m in runs[:10]]
    where = ", ".join(map(str, starts)) + (" …" if len(runs) > 10 else "")
    decoded.repairs.insert(0, f"mixed encodings: {len(runs)} stretch(es) of bytes that are not UTF-8 read as "
                              f"{encoding} (plausibility {score:.2f}), at byte offset(s) {where}; the rest is UTF-8")
    return decoded


def _widen(text: str, start: int, end: int, longest: int = 40) -> str:
    """``text[start:end]`` widened to the whitespace around it (at most ``longest`` characters each side)."""
    while start > 0 and longest and not text[start - 1].isspace():
        start, longest = start - 1, longest - 1
    longest = 40
    while end < len(text) and longest and not text[end].isspace():
        end, longest = end + 1, longest - 1
    return text[start:end]


def _legacy_readings(data: bytes) -> list[tuple[float, str, str]]:
    """Every legacy reading of ``data`` that decodes, as (plausibility, encoding, text), best first.

    Readings that give the same text are one reading, named by the encoding of its script: windows-1256
    holds the French accented letters at windows-1252's places, so French text reads the same in both.
    """
    readings: list[tuple[float, int, str, str]] = []
    for rank, encoding in enumerate(LEGACY_ENCODINGS):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        arabic_page = encoding in ("cp1256", "iso8859_6")
        script_rank = rank if arabic_page == bool(_ARABIC_LETTER.search(text)) else rank + len(LEGACY_ENCODINGS)
        score = plausibility(text) - 0.5 * _chaos(data, encoding)
        readings.append((score, script_rank, encoding, text))
    readings.sort(key=lambda r: (-round(r[0], 3), r[1]))
    seen: set[str] = set()
    out = []
    for score, _, encoding, text in readings:
        if text not in seen:
            seen.add(text)
            out.append((score, encoding, text))
    return out


def _chaos(data: bytes, encoding: str) -> float:
    """charset-normalizer's mess ratio (0 clean … 1) for ``data`` read as ``encoding``."""
    best = from_bytes(data, cp_isolation=[encoding]).best()
    return best.chaos if best is not None else 1.0


def plausibility(text: str, *, sample: int = 400, langs: dict[str, tuple[str, ...]] | None = None) -> float:
    """How much ``text`` reads like real writing: about 1 for ordinary prose, 0 or less for mojibake.

    The share of (up to ``sample``) words that a word-frequency list of their script's languages knows,
    less the share of words that mix Arabic and Latin letters, of vowel signs on non-Arabic letters and of
    control characters. Used to choose among the readings of bytes that are not UTF-8. ``langs``: the word lists
    of each script (``arabic``, ``latin``, optionally ``cyrillic``), by default Arabic, Persian and six Western
    European languages.
    """
    from ..wordfreq_index import zipf_frequency

    words = [m.group() for m in islice(_WORD.finditer(text), sample)]
    if not words:
        return 0.0
    known = mixed = lone = 0
    lists = _FREQUENCY_LANGS if langs is None else langs
    for i, word in enumerate(words):
        arabic, latin = bool(_ARABIC_LETTER.search(word)), bool(_LATIN_LETTER.search(word))
        if arabic and latin:
            mixed += 1
            continue
        if arabic and len(word) == 1 and all(_LATIN_LETTER.search(w) for w in words[max(0, i - 1):i + 2] if w != word):
            lone += 1  # "Alger ـ Oran", "ہ bientôt": one Arabic-script sign alone among Latin words is a misreading
            continue
        script = "arabic" if arabic else "latin" if latin else _other_script(word)
        if len(word) > 1 and any(zipf_frequency(word, lang) > 1.0 for lang in lists.get(script, ())):
            known += 1
    n = len(words)
    controls = len(_CONTROL.findall(text[:20000]))
    marks = len(_MARK_AFTER_NON_ARABIC.findall(text[:20000]))
    # "¤", the generic currency sign, is all but never written: where it stands, ISO-8859-15 has "€"
    placeholders = text[:20000].count("¤")
    # ISO-8859-15's œ Œ Ÿ Š š ž read as windows-1252 are ½ ¼ ¾ ¦ ¨ ¸ glued to letters: "sœur" becomes "s½ur"
    placeholders += len(_SIGN_IN_WORD.findall(text[:20000]))
    return (known / n - 2 * mixed / n - lone / n - marks / n - placeholders / n
            - controls / max(1, min(len(text), 20000)) * 50)


def _other_script(word: str) -> str:
    """The script of a word that is neither Arabic nor Latin (a key of ``_WIDER_LANGS``), or ""."""
    return next((script for script, letter in _OTHER_SCRIPTS if letter.search(word)), "")


def repair_arabic_mojibake(text: str) -> tuple[str, int]:
    """Undo Arabic mojibake; returns (text, number of runs repaired).

    Two kinds: UTF-8 bytes decoded as windows-1256 (``ط§ظ„…``, Arabic letters, presentation forms and the
    byte-order mark; Latin letters too: ``Zaأ¯re``) and windows-1256 bytes decoded as windows-1252 or latin-1
    (``ÊÕÑíÍÇÊ``); the third common kind, UTF-8 read as windows-1252, is ftfy's.
    """
    text, first = _repair_utf8_as_cp1256(text)
    text, second = _repair_cp1256_as_cp1252(text)
    text, third = _repair_latin_utf8_as_cp1256(text)
    return text, first + second + third


def _repair_latin_utf8_as_cp1256(text: str) -> tuple[str, int]:
    """UTF-8 Latin letters read as windows-1256 ("Le naأ¯f", "أ\xa0 Alger"): words glued to ASCII letters are
    repaired when they re-encode to Latin-only text; a lone pair ("أ\xa0" for "à") only in a text where such
    a word was found, since "أ" and "إ" begin real Arabic words."""
    words = _words_around(text, _LATIN_AS_CP1256.finditer(text))
    fixes: dict[int, str] = {}
    for m in words:
        word = m.group()
        glued = re.search(r"[A-Za-z]", word) is not None
        repaired = _utf8_from_cp1256(word)
        if glued and repaired is not None and not _ARABIC_LETTER.search(repaired):
            fixes[m.start()] = repaired
    if not fixes:
        return text, 0
    for m in words:
        if m.start() not in fixes and len(m.group()) == 2:
            repaired = _utf8_from_cp1256(m.group())
            if repaired is not None and repaired.strip() and not _ARABIC_LETTER.search(repaired):
                fixes[m.start()] = repaired
    out, last = [], 0
    for m in words:
        if m.start() in fixes:
            out.append(text[last:m.start()])
            out.append(fixes[m.start()])
            last = m.end()
    out.append(text[last:])
    return "".join(out), len(fixes)


class _Word:
    """A whitespace-delimited word of ``text`` (``group``/``start``/``end``, like a regex match)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def group(self) -> str:
        return self._text[self._start:self._end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _words_around(text: str, hits: Iterator[re.Match[str]], longest: int = 40) -> list[_Word]:
    r"""The words (at most ``longest`` characters each side of the hit) holding each hit, once each.

    Found by walking out from the hit rather than by a pattern with ``\S*`` on both sides, which backtracks
    quadratically on a long line without spaces (a 2.5 MB nested-HTML file)."""
    words: list[_Word] = []
    for hit in hits:
        if words and hit.start() < words[-1].end():
            continue
        start = hit.start()
        while start > 0 and hit.start() - start < longest and not text[start - 1].isspace():
            start -= 1
        end = hit.end()
        while end < len(text) and end - hit.end() < longest and not text[end].isspace():
            end += 1
        words.append(_Word(text, start, end))
    return words


def _repair_cp1256_as_cp1252(text: str) -> tuple[str, int]:
    """windows-1256 text read as windows-1252: runs of Latin-1 letters that re-encode to Arabic words."""
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        chunk = match.group()
        try:
            raw = chunk.encode("sloppy-windows-1252")
        except UnicodeEncodeError:
            return chunk
        try:
            raw.decode("utf-8")
            return chunk  # UTF-8 read as windows-1252: ftfy's kind, repaired after this
        except UnicodeDecodeError:
            repaired = raw.decode("cp1256")
        letters = [ch for ch in repaired if ch.isalpha()]
        if len(letters) < 4 or sum(bool(_ARABIC_LETTER.match(ch)) for ch in letters) < 0.9 * len(letters):
            return chunk
        if plausibility(repaired) < 0.5 or plausibility(repaired) <= plausibility(chunk):
            return chunk  # a run of accented capitals, not Arabic
        count += 1
        return repaired

    return _CP1252_MOJIBAKE.sub(fix, text), count


def _repair_utf8_as_cp1256(text: str) -> tuple[str, int]:
    """UTF-8 bytes that were decoded as windows-1256 (``ط§ظ„``)."""
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        chunk = match.group()
        if len(chunk.rstrip()) < 4:  # one pair alone is as likely to be real Arabic
            return chunk
        repaired = _utf8_from_cp1256(chunk)
        if repaired is None:  # a real Arabic word inside the run: repair word by word
            words = re.split(r"(\s+)", chunk)
            fixed = [_utf8_from_cp1256(w) if w.strip() else w for w in words]
            if not any(f is not None and f != w and w.strip() for f, w in zip(fixed, words, strict=True)):
                return chunk
            repaired = "".join(w if f is None else f for f, w in zip(fixed, words, strict=True))
        count += 1
        return repaired

    return _CP1256_MOJIBAKE.sub(fix, text), count


def _utf8_from_cp1256(chunk: str) -> str | None:
    """``chunk`` re-encoded as windows-1256 and decoded as UTF-8, or None where that is not valid UTF-8.

    Real Arabic words never pass: windows-1256 puts Arabic letters at 0xC1-0xFE, and UTF-8 needs a byte in
    0x80-0xBF after each of those.
    """
    try:
        return chunk.encode("cp1256").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def _finish(text: str, encoding: str) -> Decoded:
    text, counts = _repair(text)
    return Decoded(text=text, encoding=encoding, repairs=_repair_messages(counts))


def _repair(text: str) -> tuple[str, list[int]]:
    """``text`` with Arabic mojibake and ftfy's kinds repaired, and how many of each kind (the fourth: 1 when
    ftfy changed anything), then lines in visual order put in reading order (:mod:`translator.text.visual_order`),
    words a line break cut in two joined (:mod:`translator.text.wordbreaks`, the seventh count), and the
    replacement characters counted when they are a fifth or more of the text (the sixth): the repairs
    :func:`decode_bytes` applies to every reading. Arabic presentation forms are written as plain letters first
    (the eighth count) and zero-width spaces between words read as spaces (the ninth), so that the order of a
    line and its broken words are judged on its letters."""
    text, first = _repair_utf8_as_cp1256(text)
    text, second = _repair_cp1256_as_cp1252(text)
    text, third = _repair_latin_utf8_as_cp1256(text)
    # Keep curly quotes: in citations they carry structure.
    fixed = fix_text(text, normalization=None)  # ftfy.fix_text(uncurl_quotes=False), skipping lines it keeps
    # ftfy also makes every line break "\n" (fix_line_breaks): Windows or old Mac line endings are no repair
    by_ftfy = int(fixed != text and fixed != _LINE_BREAKS.sub("\n", text))
    fixed, shaped = _plain_letters(fixed)  # ﻗﺎﻝ (presentation forms, as PDF text has them) is قال
    fixed, spaced = space_zero_width(fixed)  # a zero-width space between two words is a space
    fixed, visual = logical_lines(fixed)  # Arabic lines a PDF extractor wrote back to front
    fixed, broken = join_broken_words(fixed)  # words a line break cut in two (capabili- / ties, الشيـ / ـوخ)
    lost = fixed.count("\ufffd")
    lost = lost if lost >= 3 and 5 * lost >= len(fixed) - fixed.count(" ") - fixed.count("\n") else 0
    return fixed, [first, second, third, by_ftfy, visual, lost, broken, shaped, spaced]


_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85]")


def _plain_letters(text: str) -> tuple[str, int]:
    """:func:`~translator.text.arabic.plain_letters`, but on a line in visual order each ligature's letters are
    written backwards (ﷲ as هللا), so that the line reads right once reversed whole."""
    plain, count = plain_letters(text)
    if not count:
        return plain, 0
    backwards = plain_letters(text, backwards=True)[0].split("\n")
    lines = plain.split("\n")
    for i, (line, back) in enumerate(zip(lines, backwards, strict=True)):
        if line == back or (reordered_back := logical_order(back)) is None:
            continue
        reordered = logical_order(line)
        if reordered is not None and _known_words(reordered) > _known_words(reordered_back):
            continue  # shaped after it was reversed: ﻼ stands for the ل and ا of the reversed line, in that order
        lines[i] = back
    return "\n".join(lines), count


def _known_words(line: str) -> int:
    """How many of ``line``'s Arabic words the word list knows (wordfreq zipf > 0): of a line's two readings in
    reading order, ligatures expanded forwards or backwards, the one with more is the line. A PDF extractor that
    writes glyphs back to front needs them backwards (``ﷲ`` as هللا, firecrawl/pdf-inspector#212); one that
    shaped the line after reversing it (pdfminer on python-arabic-reshaper#69: ``ﺩﻭﺻﻘﻤﻼ`` for المقصود) forwards.
    Equal counts keep backwards, as before."""
    from ..wordfreq_index import zipf_frequency

    return sum(1 for word in _ARABIC_WORD.findall(line) if zipf_frequency(word, "ar") > 0)


_ARABIC_WORD = re.compile("[\u0621-\u064a]+")


def repair_characters(text: str) -> tuple[str, list[str]]:
    """``text`` with Arabic presentation forms written as plain letters and zero-width spaces between words as
    spaces (two of :func:`decode_bytes`'s repairs, for text that was never bytes: a Word file's paragraphs),
    and the ``repairs`` lines that say so."""
    text, shaped = plain_letters(text)
    text, spaced = space_zero_width(text)
    return text, _repair_messages([0, 0, 0, 0, 0, 0, 0, shaped, spaced])


def _repair_messages(counts: list[int]) -> list[str]:
    """The ``repairs`` lines of :func:`_repair`'s counts (summed over the pieces of a streamed text)."""
    first, second, third, by_ftfy, visual, lost, broken, shaped, spaced = counts
    repairs = []
    if first:
        repairs.append(f"repaired {first} run(s) of UTF-8 read as windows-1256")
    if second:
        repairs.append(f"repaired {second} run(s) of windows-1256 read as windows-1252")
    if third:
        repairs.append(f"repaired {third} Latin word(s) of UTF-8 read as windows-1256")
    if by_ftfy:
        repairs.append("ftfy repaired mojibake/control characters")
    if shaped:
        repairs.append(f"{shaped} Arabic presentation form(s) (contextual glyphs, as PDF text has them) written as "
                       "plain letters")
    if spaced:
        repairs.append(f"{spaced} zero-width space(s) between words read as spaces")
    if visual:
        repairs.append(f"{visual} Arabic line(s) in visual order (back to front, as some PDF extractors write "
                       "them) put in reading order")
    if broken:
        repairs.append(f"joined {broken} word(s) a line break cut in two (as PDF text has them)")
    if lost:
        repairs.append(f"{lost} replacement character(s) (U+FFFD) make up much of the text: its characters were "
                       "lost before this file was written (a PDF font without a text map?); extract it again")
    return repairs


#: bytes read at a time when a file is streamed (:class:`TextStream`)
STREAM_READ_BYTES = 2**20
#: characters repaired at a time when a file is streamed: ftfy's own unit (it fixes a text line by line, and a
#: line longer than this in pieces of this length), so pieces cut where ftfy cuts give ftfy's whole result
STREAM_PIECE_CHARS = ftfy.TextFixerConfig().max_decode_length
#: a file that is not UTF-8 is streamed in the legacy encoding :func:`decode_bytes` finds in this many bytes at
#: its start (cut after a line break)
GUESS_SAMPLE_BYTES = 256 * 2**10


class TextStream:
    """The decoded, repaired text of a file, read piece by piece: memory holds one piece (at most
    :data:`STREAM_PIECE_CHARS` characters) whatever the file's size (issue #13).

    Make one with :meth:`open`. A file in UTF-8 (or with a byte-order mark) is read as such; a file in one
    legacy code page (windows-1256, ISO-8859-6, windows-1252, latin-1, ISO-8859-15) in the encoding
    :func:`decode_bytes` chooses for its first :data:`GUESS_SAMPLE_BYTES` (its ``encoding`` and
    ``confidence``, its warnings about the reading), provided all of the file decodes in it. ``open`` returns
    None for a file that must be decoded whole by :func:`decode_bytes`: stray bad bytes in UTF-8 or two
    encodings in one file (whose detection needs every byte), UTF-16 without a mark, a file whose sample is
    UTF-8 but not the rest, nothing but white space. Iterating yields the text in pieces; each iteration
    reads the file again. After a full iteration, ``repairs`` lists what was repaired (as
    :func:`decode_bytes` says it) and ``sha256`` is the hex digest of the bytes read.

    The pieces end where ftfy cuts a text (after a line break, or every :data:`STREAM_PIECE_CHARS`
    characters of a longer line), so the text is the one :func:`decode_bytes` gives, with one difference: the
    Arabic mojibake repairs look at one piece at a time, so a run of mojibake (or, for windows-1256 read as
    windows-1252, several lines of it) that straddles a cut is repaired as two runs or not at all.
    """

    def __init__(self, path, encoding: str, *, json_lines: bool = False,  # type: ignore[no-untyped-def]
                 guessed: Decoded | None = None) -> None:
        self.path, self.encoding, self.json_lines = path, encoding, json_lines
        self.repairs: list[str] = []
        self.sha256: str | None = None
        #: how sure the encoding reading is (as :class:`Decoded`): 1.0 unless guessed from a sample
        self.confidence = guessed.confidence if guessed is not None else 1.0
        # what decode_bytes says about a guessed reading (its first lines), before what was repaired
        self._reading = [r for r in guessed.repairs if r.startswith(("decoded as ", "encoding uncertain"))] \
            if guessed is not None else []

    @classmethod
    def open(cls, path, *, name: str = "<file>",  # type: ignore[no-untyped-def]
             json_lines: bool = False) -> TextStream | None:
        """A stream over the file at ``path``, or None when it must be decoded whole (see the class).
        ``json_lines``: the file is JSON lines, whose line separators inside strings are kept
        (:func:`escape_json_line_breaks`)."""
        import codecs

        with open_regular(path, name) as handle:
            head = handle.read(4096)
            encoding = next((enc for bom, enc in _BOMS if head.startswith(bom)), None)
            if encoding is None and b"\x00" in head:
                return None
            decoder = codecs.getincrementaldecoder(encoding or "utf-8")("strict")
            text_seen = False
            chunk = head
            try:
                while chunk:
                    decoder.decode(chunk)
                    text_seen = text_seen or bool(chunk.strip())
                    chunk = handle.read(STREAM_READ_BYTES)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                return None if encoding is not None else cls._legacy(path, name=name, json_lines=json_lines)
        return cls(path, encoding or "utf-8", json_lines=json_lines) if text_seen else None

    @classmethod
    def _legacy(cls, path, *, name: str, json_lines: bool) -> TextStream | None:  # type: ignore[no-untyped-def]
        """A stream in the legacy encoding :func:`decode_bytes` finds for the file's first
        :data:`GUESS_SAMPLE_BYTES`, if every byte of the file decodes in it; else None."""
        import codecs

        with open_regular(path, name) as handle:
            sample = handle.read(GUESS_SAMPLE_BYTES)
            if handle.read(1):  # more follows: end the sample after a line break (not inside a character)
                sample = sample[:sample.rfind(b"\n") + 1] or sample
        try:
            guessed = decode_bytes(sample, name=name)
        except InputError:
            return None
        if guessed.encoding.startswith("utf"):  # mostly UTF-8, or two encodings: decided on every byte
            return None
        decoder = codecs.getincrementaldecoder(guessed.encoding)("strict")
        with open_regular(path, name) as handle:
            try:
                while chunk := handle.read(STREAM_READ_BYTES):
                    decoder.decode(chunk)
            except UnicodeDecodeError:
                return None
        return cls(path, guessed.encoding, json_lines=json_lines, guessed=guessed)

    def __iter__(self) -> Iterator[str]:
        import codecs
        import hashlib

        digest = hashlib.sha256()
        decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        counts = [0] * 9
        pending = ""
        with open_regular(self.path) as handle:
            while True:
                chunk = handle.read(STREAM_READ_BYTES)
                digest.update(chunk)
                pending += decoder.decode(chunk, final=not chunk)
                while len(pending) >= STREAM_PIECE_CHARS or (not chunk and pending):
                    # pending starts where ftfy starts a piece: cut after its last line break in reach,
                    # else (a longer line) where ftfy cuts it
                    newline = pending.rfind("\n", 0, STREAM_PIECE_CHARS)
                    cut = newline + 1 if newline >= 0 else min(STREAM_PIECE_CHARS, len(pending))
                    text = escape_json_line_breaks(pending[:cut]) if self.json_lines else pending[:cut]
                    piece, found = _repair(text)
                    pending = pending[cut:]
                    counts = [a + b for a, b in zip(counts, found, strict=True)]
                    yield piece
                if not chunk:
                    break
        self.repairs = self._reading + _repair_messages(counts)
        self.sha256 = digest.hexdigest()


#: characters JSON allows raw inside a string that ftfy's ``fix_line_breaks`` (and ``str.splitlines``) read as a
#: line break: left raw, they cut a JSON-lines record in two and it is lost
_JSON_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}
_JSON_LINE_BREAKS_UTF8 = {k.encode("utf-8"): v.encode("ascii") for k, v in _JSON_LINE_BREAKS.items()}


def escape_json_line_breaks(text: str | bytes) -> str | bytes:
    """``text`` (JSON lines) with U+2028, U+2029 and U+0085 written as JSON escapes (``\\u2028``): the same
    JSON values, and no line break where the file has none. ``bytes`` are taken as UTF-8 (a legacy code page
    cannot hold these characters; UTF-16 bytes are left as they are)."""
    if isinstance(text, bytes):
        if text.startswith((b"\xff\xfe", b"\xfe\xff")):
            return text
        for raw, escaped in _JSON_LINE_BREAKS_UTF8.items():
            text = text.replace(raw, escaped)
        return text
    for raw, escaped in _JSON_LINE_BREAKS.items():
        text = text.replace(raw, escaped)
    return text


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

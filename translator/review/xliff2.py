"""XLIFF 2.0 for CAT tools that take it, written and read with translate-toolkit (``translate.storage.xliff2``).

Export: ``<xliff version="2.0" srcLang="ar" trgLang="en">``, one ``<file id="<doc_id>">`` per document, one
``<unit id="<doc_id>#<segment_id>">`` per Arabic segment (escaped: XLIFF 2.0 ids are NMTOKENs, see
:func:`escape_id`), its source, the current target (human if any, else machine) and the segment ``state``:
``initial`` (machine text, no human translation yet), ``translated``, ``final`` (approved). The unit's
``<notes>`` carry the document, glossary terms, QA flags and model (``category`` = document, glossary, qa, mt).

What 2.0 cannot hold here: the fuzzy matches and the machine text beside a human one (1.2 ``alt-trans``) need
2.0's Translation Candidates module, which translate-toolkit does not write, so they are left out; 2.0 core has
no ``approved`` flag and no phases, so ``final`` is the approval and the reviewer's name comes from the
``--translator`` option only.

Import: :func:`read_xliff2` applies the rules of :func:`translator.review.xliff.read_xliff`: ``final`` is an
approval; an edited target, or ``translated``/``reviewed`` on an ``initial`` machine target, is a human
translation in state ``translated``; an untouched unit is nothing. Problems (bad XML, unknown ids, a changed
source, wrong ``srcLang``/``trgLang`` or target language, a unit split into several segments) are raised
together, each with its line, as :class:`~translator.errors.ReviewFileError`.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from lxml import etree
from translate.storage import xliff2

from translator.atomic import atomic_write_bytes
from translator.errors import ReviewFileError
from translator.mt.memory import HumanTranslation
from translator.mt.normalize import memory_key_text
from translator.review.segments import (
    ReviewSegment,
    already_stored,
    copied_source,
    parse_review_file,
    parse_unit_id,
    unescape_stray_entities,
)
from translator.text.arabic import is_arabic

__all__ = ["NS20", "STATE_TO_XLIFF2", "escape_id", "read_xliff2", "unescape_id", "write_xliff2", "xliff2_bytes",
           "xliff_major_version"]

NS20 = "urn:oasis:names:tc:xliff:document:2.0"
#: review state (XLIFF 1.2 names, :data:`translator.review.segments.STATES`) → XLIFF 2.0 segment state
STATE_TO_XLIFF2 = {"needs-translation": "initial", "translated": "translated", "final": "final"}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_ESCAPED = re.compile(r"_([0-9a-f]{1,6})_")


# ---------------------------------------------------------------------------------------------------- ids
def _is_name_char(char: str) -> bool:
    """XML 1.0 (5th ed.) NameChar, without ``:`` and ``_`` (``:`` is translate-toolkit's ``::`` separator and
    ``_`` starts an escape)."""
    code = ord(char)
    return (char.isascii() and (char.isalnum() or char in ".-")) or code == 0xB7 or any(
        low <= code <= high for low, high in (
            (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x37D), (0x37F, 0x1FFF), (0x200C, 0x200D), (0x203F, 0x2040),
            (0x2070, 0x218F), (0x2C00, 0x2FEF), (0x3001, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFFD),
            (0x10000, 0xEFFFF)))


def escape_id(value: str) -> str:
    """``value`` as an XLIFF 2.0 id (an XML NMTOKEN): every other character becomes ``_<hex code>_``.

    ``"article 1.txt#3"`` → ``"article_20_1.txt_23_3"``; Arabic letters stay. Reversed by :func:`unescape_id`.
    """
    return "".join(c if _is_name_char(c) else f"_{ord(c):x}_" for c in value)


def unescape_id(value: str) -> str:
    """The text :func:`escape_id` made ``value`` from."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)) if int(m.group(1), 16) <= 0x10FFFF else m.group(0),
                        value)


# ------------------------------------------------------------------------------------------------- export
def xliff2_bytes(segments: list[ReviewSegment], *, source_lang: str = "ar", target_lang: str = "en") -> bytes:
    """The XLIFF 2.0 document for ``segments`` (UTF-8 bytes); one ``<file>`` per document, in order."""
    store = xliff2.Xliff2File(sourcelanguage=source_lang, targetlanguage=target_lang)
    first = True
    for segment in segments:
        file_id = escape_id(segment.doc_id)
        if first:
            store.setfilename(store.body, file_id)  # the skeleton's <file id="f1">
            first = False
        elif store.getfilename(store.body) != file_id:
            node = store.getfilenode(file_id)
            if node is None:
                node = store.createfilenode(file_id)  # translate-toolkit creates it detached
                store.document.getroot().append(node)
            store.body = node
        _add_unit(store, segment, target_lang)
    return bytes(store)


def write_xliff2(segments: list[ReviewSegment], path: str | Path, **languages: str) -> Path:
    """Write :func:`xliff2_bytes` to ``path`` atomically; returns the path."""
    return atomic_write_bytes(Path(path), xliff2_bytes(segments, **languages))


def _add_unit(store: xliff2.Xliff2File, segment: ReviewSegment, target_lang: str) -> None:
    unit = store.UnitClass(segment.source)
    unit.setid(escape_id(segment.id))
    store.addunit(unit)
    if segment.target:
        unit.settarget(segment.target, lang=target_lang)
        unit.xmlelement.set("state", STATE_TO_XLIFF2[segment.state])
    for origin, text in segment.notes():
        unit.addnote(text, origin=origin)
    # translate-toolkit puts <notes> and xml:space on <segment>; the XLIFF 2.0 schema allows neither there but
    # both on <unit> (notes before the segments)
    unit_element = unit.getunitelement()
    notes = unit.xmlelement.find(unit.namespaced("notes"))
    if notes is not None:
        unit_element.insert(0, notes)
    space = unit.xmlelement.attrib.pop(_XML_SPACE, None)
    if space is not None:
        unit_element.set(_XML_SPACE, space)


# ------------------------------------------------------------------------------------------------- import
def xliff_major_version(data: bytes) -> int | None:
    """1 or 2 from the root ``<xliff>`` of ``data`` (its ``version``, else its namespace); None when ``data``
    is not well-formed up to the root element or its root is not ``<xliff>``."""
    try:
        _, root = next(etree.iterparse(io.BytesIO(data), events=("start",), resolve_entities=False,
                                       no_network=True))
    except (etree.XMLSyntaxError, StopIteration):
        return None
    if etree.QName(root).localname != "xliff":
        return None
    version = root.get("version") or ""
    if version[:1] in {"1", "2"}:
        return int(version[0])
    return 2 if etree.QName(root).namespace == NS20 else 1


def read_xliff2(path: str | Path, segments: dict[str, ReviewSegment], *, translator: str = "",
                source_lang: str = "ar", target_lang: str = "en") -> list[HumanTranslation]:
    """The human translations in a reviewed XLIFF 2.0 file whose units are among ``segments`` (id → segment).

    Same contract as :func:`translator.review.xliff.read_xliff` (see the module docstring for the states).
    Raises :class:`ReviewFileError` listing every problem with its line; nothing is stored by the caller then.
    """
    path = Path(path)
    store = _parse(path)
    root = store.document.getroot()
    problems: list[tuple[int | None, str]] = []
    for attribute, wanted in (("srcLang", source_lang), ("trgLang", target_lang)):
        value = root.get(attribute)
        if value is not None and _base(value) != wanted:
            problems.append((root.sourceline, f"{attribute} is {value!r}; this review is {source_lang} → "
                                              f"{target_lang}"))
    found: list[HumanTranslation] = []
    for unit in store.unit_iter():
        try:
            entry = _reviewed(unit, segments, path, translator, target_lang)
        except _Problem as problem:
            problems.append((problem.line, str(problem)))
            continue
        if entry is not None:
            found.append(entry)
    if problems:  # a unit split into segments is one toolkit unit per segment: name it once
        raise ReviewFileError(str(path), list(dict.fromkeys(problems)))
    return found


class _Problem(ValueError):
    """A unit that cannot be imported, and the line to show: the unit's for its id, the source's for its
    source, the target's for its target."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line


def _parse(path: Path) -> xliff2.Xliff2File:
    return parse_review_file(path, xliff2.Xliff2File.parsestring, "XLIFF 2.x", "no <xliff> root")


def _reviewed(unit: xliff2.Xliff2Unit, segments: dict[str, ReviewSegment], path: Path, translator: str,
              target_lang: str) -> HumanTranslation | None:
    unit_element = unit.getunitelement()
    local_id = unescape_id(unit_element.get("id") or "")
    segment = segments.get(local_id)
    if segment is None:
        known = "" if parse_unit_id(local_id) else " (expected <doc_id>#<segment_id>, escaped)"
        raise _Problem(unit_element.sourceline, f"unit id {local_id!r} is not a segment of this batch output{known}")
    if len(unit_element.findall(unit.namespaced("segment"))) > 1:
        raise _Problem(unit_element.sourceline,
                       f"unit {local_id}: split into several segments; join them into one to import it")
    if memory_key_text(unit.source or "") != memory_key_text(segment.source):
        source_node = unit.xmlelement.find(unit.namespaced("source"))
        raise _Problem((source_node if source_node is not None else unit.xmlelement).sourceline,
                       f"unit {local_id}: the source text was changed; only targets may be edited")
    target_node = unit.xmlelement.find(unit.namespaced("target"))
    text = (unit.target or "").strip()
    if "&" in text:
        text = unescape_stray_entities(text)
    if target_node is None or not text or copied_source(text, segment.source):
        return None
    lang = target_node.get(_XML_LANG)
    if (lang and _base(lang) != target_lang) or is_arabic(text):
        raise _Problem(target_node.sourceline, f"unit {local_id}: the target is not in {target_lang!r}")
    state = _state(unit.xmlelement.get("state", ""), text, segment) or already_stored(text, segment)
    if state is None:
        return None
    return HumanTranslation(segment.source, text, f"review {path.name}", state=state, translator=translator,
                            file=str(path), doc_id=segment.doc_id, segment_id=segment.segment_id)


def _state(xml_state: str, text: str, segment: ReviewSegment) -> str | None:
    """The state to store the target in, or None when it brings nothing new."""
    known = {" ".join(t.split()) for t in (segment.machine, segment.human) if t}
    changed = " ".join(text.split()) not in known  # neither the machine's text nor the current human one
    if xml_state == "final":
        return "final" if changed or segment.state != "final" else None
    if changed:
        return "translated"
    confirmed = xml_state in {"translated", "reviewed"}
    return "translated" if confirmed and segment.state == "needs-translation" else None


def _base(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()

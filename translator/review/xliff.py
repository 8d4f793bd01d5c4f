"""XLIFF 1.2 for CAT tools (OmegaT, Trados Studio, memoQ, MateCat), written and read with translate-toolkit.

Export: one ``<file original="<doc_id>">`` per document, one ``<trans-unit id="<doc_id>#<segment_id>">`` per
Arabic segment, with the current target (human if any, else machine), its state (``needs-translation`` with
``state-qualifier="mt-suggestion"`` for machine text, ``translated``, ``final`` + ``approved="yes"``), notes
(``from`` = document, glossary, qa, mt) and ``alt-trans`` for fuzzy matches from the translation memory
(``origin="translation-memory"``, ``match-quality`` in percent) and for the machine text beside a human one.

Import: :func:`read_xliff` returns the human translations a reviewed file holds (edited, confirmed or
approved targets), or raises :class:`~translator.errors.ReviewFileError` listing every problem with its line:
bad XML, an id that is not a segment of the batch output, a changed source, a file or target in the wrong
language. Trados Studio's ``<mrk mtype="seg">`` targets and ``sdl:seg conf`` states are understood.
An XLIFF 2.x file (told by its root's ``version``/namespace) is read by :func:`translator.review.xliff2.read_xliff2`;
:mod:`translator.review.xliff2` also writes 2.0.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from translate.storage import xliff

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
    target_text,
)
from translator.text.arabic import is_arabic

__all__ = ["read_xliff", "write_xliff", "xliff_bytes"]

_NS12 = "urn:oasis:names:tc:xliff:document:1.2"
_SDL = "http://sdl.com/FileTypes/SdlXliff/1.0"
_APPROVED_SDL = {"ApprovedTranslation", "ApprovedSignOff"}
_TRANSLATED_SDL = {"Translated"}


class _Unit12(xliff.xliffunit):
    namespace = _NS12


class _Xliff12(xliff.xlifffile):
    """translate-toolkit's XLIFF store, started from a 1.2 skeleton (its default skeleton says 1.1)."""

    UnitClass = _Unit12
    XMLskeleton = f"""<?xml version="1.0" ?>
<xliff version='1.2' xmlns='{_NS12}'>
<file original='NoName' source-language='ar' target-language='en' datatype='plaintext'>
<body>
</body>
</file>
</xliff>"""
    namespace = _NS12


# --------------------------------------------------------------------------------------------------- export
def xliff_bytes(segments: list[ReviewSegment], *, source_lang: str = "ar", target_lang: str = "en") -> bytes:
    """The XLIFF 1.2 document for ``segments`` (UTF-8 bytes)."""
    store = _Xliff12(sourcelanguage=source_lang, targetlanguage=target_lang)
    for segment in segments:
        _add_unit(store, segment, target_lang)
    return bytes(store)


def write_xliff(segments: list[ReviewSegment], path: str | Path, **languages: str) -> Path:
    """Write :func:`xliff_bytes` to ``path`` atomically; returns the path."""
    return atomic_write_bytes(Path(path), xliff_bytes(segments, **languages))


def _add_unit(store: _Xliff12, segment: ReviewSegment, target_lang: str) -> None:
    unit = store.UnitClass(segment.source)
    unit.setid(f"{segment.doc_id}\x04{segment.id}")
    store.addunit(unit)
    if segment.target:
        unit.settarget(segment.target, lang=target_lang)
        target = unit.getlanguageNode(lang=None, index=1)
        target.set("state", segment.state)
        if segment.state == "needs-translation":
            target.set("state-qualifier", "mt-suggestion")
        unit.markapproved(segment.state == "final")
    for origin, text in segment.notes():
        unit.addnote(text, origin=origin)
    for human, score in segment.fuzzy:
        unit.addalttrans(human.target, origin="translation-memory", lang=target_lang, sourcetxt=human.source,
                         matchquality=f"{score:.0f}")
    if segment.human and segment.machine and segment.machine != segment.human:
        unit.addalttrans(segment.machine, origin="mt", lang=target_lang)


# --------------------------------------------------------------------------------------------------- import
def read_xliff(path: str | Path, segments: dict[str, ReviewSegment], *, translator: str = "",
               source_lang: str = "ar", target_lang: str = "en") -> list[HumanTranslation]:
    """The human translations in a reviewed XLIFF 1.2 file whose units are among ``segments`` (id → segment).

    ``segments`` should carry the memory's current translations (``review_segments(out, memory)``), so that
    only what the reviewer did counts. A unit becomes a human translation when its target is approved
    (``approved="yes"``, state ``final`` or ``signed-off``, Trados ``ApprovedTranslation``/``ApprovedSignOff``:
    state ``final``), edited (differs from the machine text and the current human one: ``translated``) or a
    machine suggestion confirmed (state ``translated``, Trados ``Translated``). An untouched unit is not.
    ``translator`` is used when the file does not name one (``phase contact-name`` or Trados ``modified_by``).
    An XLIFF 2.x file is handed to :func:`translator.review.xliff2.read_xliff2` (same rules).
    Raises :class:`ReviewFileError` (with lines).
    """
    path = Path(path)
    if _is_xliff2(path):
        from translator.review.xliff2 import read_xliff2

        return read_xliff2(path, segments, translator=translator, source_lang=source_lang,
                           target_lang=target_lang)
    store = _parse(path)
    problems: list[tuple[int | None, str]] = []
    for node in store.document.getroot().iterchildren(store.namespaced("file")):
        problems += _language_problems(node, source_lang, target_lang)
    found: list[HumanTranslation] = []
    for unit in store.unit_iter():
        try:
            entry = _reviewed(unit, segments, path, translator, target_lang)
        except ValueError as error:
            problems.append((unit.xmlelement.sourceline, str(error)))
            continue
        if entry is not None:
            found.append(entry)
    if problems:
        raise ReviewFileError(str(path), problems)
    return found


def _is_xliff2(path: Path) -> bool:
    from translator.review.xliff2 import xliff_major_version

    try:
        data = path.read_bytes()
    except OSError:
        return False  # _parse reports it
    return xliff_major_version(data) == 2


def _parse(path: Path) -> xliff.xlifffile:
    return parse_review_file(path, xliff.xlifffile.parsestring, "XLIFF 1.x", "no <file> element",
                             (ValueError, AssertionError, StopIteration))


def _language_problems(node: etree._Element, source_lang: str, target_lang: str) -> list[tuple[int, str]]:
    problems = []
    for attribute, wanted in (("source-language", source_lang), ("target-language", target_lang)):
        value = node.get(attribute)
        if value is not None and _base(value) != wanted:
            problems.append((node.sourceline, f"{attribute} is {value!r}; this review is {source_lang} → "
                                              f"{target_lang}"))
    return problems


def _reviewed(unit, segments: dict[str, ReviewSegment], path: Path, translator: str,
              target_lang: str) -> HumanTranslation | None:
    local_id = unit.getid().rsplit("\x04", 1)[-1]
    segment = segments.get(local_id)
    if segment is None:
        known = "" if parse_unit_id(local_id) else " (expected <doc_id>#<segment_id>)"
        raise ValueError(f"unit id {local_id!r} is not a segment of this batch output{known}")
    if memory_key_text(unit.source or "") != memory_key_text(segment.source):
        raise ValueError(f"unit {local_id}: the source text was changed; only targets may be edited")
    target_node = unit.getlanguageNode(lang=None, index=1)
    text = target_text(target_node).strip() if target_node is not None else ""
    if target_node is None or not text or copied_source(text, segment.source):
        return None
    lang = target_node.get("{http://www.w3.org/XML/1998/namespace}lang")
    if (lang and _base(lang) != target_lang) or is_arabic(text):
        raise ValueError(f"unit {local_id}: the target is not in {target_lang!r}")
    state = _state(unit, target_node, text, segment) or already_stored(text, segment)
    if state is None:
        return None
    return HumanTranslation(segment.source, text, f"review {path.name}", state=state,
                            translator=_translator(unit, target_node) or translator, file=str(path),
                            doc_id=segment.doc_id, segment_id=segment.segment_id)


def _state(unit, target_node: etree._Element, text: str, segment: ReviewSegment) -> str | None:
    """The state to store the unit's target in, or None when it brings nothing new."""
    confirmation = _sdl_conf(unit)
    xml_state = target_node.get("state", "")
    known = {" ".join(t.split()) for t in (segment.machine, segment.human) if t}
    changed = " ".join(text.split()) not in known  # neither the machine's text nor the current human one
    if unit.isapproved() or xml_state in {"final", "signed-off"} or confirmation in _APPROVED_SDL:
        return "final" if changed or segment.state != "final" else None
    if changed:
        return "translated"
    confirmed = (xml_state == "translated" and target_node.get("state-qualifier") != "mt-suggestion") \
        or confirmation in _TRANSLATED_SDL
    return "translated" if confirmed and segment.state == "needs-translation" else None


def _sdl_conf(unit) -> str | None:
    seg = unit.xmlelement.find(f".//{{{_SDL}}}seg")
    return seg.get("conf") if seg is not None else None


def _translator(unit, target_node: etree._Element) -> str:
    sdl_value = unit.xmlelement.find(f".//{{{_SDL}}}seg/{{{_SDL}}}value[@key='modified_by']")
    if sdl_value is not None and (sdl_value.text or "").strip():
        return sdl_value.text.strip()
    phase_name = target_node.get("phase-name")
    if phase_name:
        root = unit.xmlelement.getroottree().getroot()
        for phase in root.iter("{*}phase"):
            if phase.get("phase-name") == phase_name and phase.get("contact-name"):
                return phase.get("contact-name")
    return ""


def _base(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()

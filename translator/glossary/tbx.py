"""Import TermBase eXchange (TBX, ISO 30042) files: TBX v2 (``martif``/``termEntry``/``langSet``/``tig``)
and TBX v3 (``tbx``/``conceptEntry``/``langSec``/``termSec``), with or without namespaces.

Per concept: the first Arabic term is the source, the other Arabic terms its variants; the first English
term is the target, the others target variants. Arabic terms marked deprecated or superseded
(``administrativeStatus``) are left out; such English terms become ``banned`` renderings. The type comes
from a ``subjectField``/``type`` descrip naming one of our types (person, place, org, outlet, term), else
``term``; definitions and notes become the note.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

from ..errors import GlossaryError
from .entry import TYPES, GlossaryEntry

__all__ = ["import_tbx"]

log = logging.getLogger("translator")

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CONCEPTS = ("termEntry", "conceptEntry")
_LANGUAGES = ("langSet", "langSec")
_TERM_GROUPS = ("tig", "ntig", "termSec")
_TYPE_FIELDS = ("subjectfield", "type", "entrytype", "concepttype", "termtype")
_NOTE_FIELDS = ("definition", "note", "context", "explanation")
_REJECTED = ("deprecated", "superseded", "notrecommended")


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: ET.Element, names: tuple[str, ...]) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) in names]


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def import_tbx(path: str | Path) -> list[GlossaryEntry]:
    """Glossary entries from a TBX file; raises GlossaryError if it is missing, is not TBX or holds no ar/en
    pair. A concept without an Arabic or an English term is skipped with a logged warning naming it."""
    path = Path(path)
    if not path.is_file():
        raise GlossaryError(f"{path}: no such file" if not path.exists() else f"{path}: is a folder, not a file")
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise GlossaryError(f"{path}: cannot read as TBX ({exc}); export the termbase as TBX (XML) and "
                            "try again") from exc
    entries = []
    concepts = [el for el in root.iter() if _local(el.tag) in _CONCEPTS]
    for number, concept in enumerate(concepts, start=1):
        entry = _entry(concept, str(path), number)
        if entry is not None:
            entries.append(entry)
        else:
            log.warning("%s: concept %d skipped: it has no %s", path, number, _missing(concept))
    if not entries:
        raise GlossaryError(f"{path}: found {len(concepts)} concept(s) but none with both an Arabic (ar) and "
                            "an English (en) term; check the xml:lang attributes")
    return entries


def _entry(concept: ET.Element, path: str, number: int) -> GlossaryEntry | None:
    terms: dict[str, list[str]] = {"ar": [], "en": []}
    rejected: list[str] = []
    kind, notes = "term", []
    for element in concept.iter():
        name, field = _local(element.tag), (element.get("type") or "").replace("-", "").lower()
        if name in ("descrip", "note", "termNote", "admin") and field in _TYPE_FIELDS:
            value = _text(element).lower()
            kind = value if value in TYPES else kind
        elif (name == "descrip" and field in _NOTE_FIELDS) or (name == "note" and not field):
            notes.append(_text(element))
    for lang_set in _children(concept, _LANGUAGES):
        language = _base(lang_set.get(_XML_LANG) or lang_set.get("lang") or "")
        if language not in terms:
            continue
        for group in _children(lang_set, _TERM_GROUPS):
            term = next((t for t in group.iter() if _local(t.tag) == "term"), None)
            if term is None or not _text(term):
                continue
            if not _rejected(group):
                terms[language].append(_text(term))
            elif language == "en":
                rejected.append(_text(term))
    if not terms["ar"] or not terms["en"]:
        return None
    return GlossaryEntry(terms["ar"][0], terms["en"][0], kind, tuple(terms["ar"][1:]),
                         " ".join(n for n in notes if n), tuple(terms["en"][1:]), path, number,
                         banned=tuple(rejected))


def _missing(concept: ET.Element) -> str:
    """Which languages a skipped concept lacks ("English term", "Arabic term", "Arabic or English term")."""
    langs = {_base(ls.get(_XML_LANG) or ls.get("lang") or "") for ls in _children(concept, _LANGUAGES)}
    lacking = [name for code, name in (("ar", "Arabic"), ("en", "English")) if code not in langs]
    return f"{' or '.join(lacking) or 'usable Arabic or English'} term"


def _base(language: str) -> str:
    """The language of a tag as exporters write it: ``ar``, ``ar-DZ``, ``ar_DZ`` and ``AR-dz`` are all ``ar``."""
    return language.strip().replace("_", "-").split("-")[0].lower()


def _rejected(group: ET.Element) -> bool:
    for element in group.iter():
        if _local(element.tag) == "termNote" and (element.get("type") or "") == "administrativeStatus":
            status = _text(element).replace("-", "").lower()
            if any(word in status for word in _REJECTED):
                return True
    return False

"""TMX 1.4b, the translation memory's exchange format, written and read with translate-toolkit.

Export: one ``<tu>`` per human translation; ``tuid`` is the segment's review id when known; the Arabic and
English ``<tuv>`` carry ``xml:lang``; the English one carries ``creationdate``/``changedate`` (TMX's
``YYYYMMDDThhmmssZ``) and ``creationid`` (the translator); ``<prop type="x-state">``, ``x-document``,
``x-segment``, ``x-file`` and ``x-provenance`` keep the rest of the provenance.

Import reads TMX as OmegaT (``project_save.tmx``, ``*-omegat.tmx``), Trados Studio and memoQ write it:
languages matched on their base (``ar-SA`` is Arabic, ``EN-GB`` English; TMX 1.1's ``lang`` too), the
translator from ``changeid`` or ``creationid``, the date from ``changedate``/``creationdate``. An entry
without ``x-state`` is a confirmed translation (state ``final``): that is what a CAT tool's memory holds.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from lxml import etree
from translate.storage import tmx

from translator.atomic import atomic_write_bytes
from translator.errors import ReviewFileError
from translator.mt.memory import STATES, HumanTranslation
from translator.review.segments import copied_source, target_text
from translator.text.arabic import is_arabic

__all__ = ["read_tmx", "tmx_bytes", "write_tmx"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tmx_bytes(entries: list[HumanTranslation], *, source_lang: str = "ar", target_lang: str = "en") -> bytes:
    """The TMX 1.4b document for ``entries`` (UTF-8 bytes)."""
    store = tmx.tmxfile(sourcelanguage=source_lang, targetlanguage=target_lang)
    header = store.document.getroot().find("header")
    header.set("o-tmf", "translator")
    for entry in entries:
        unit = store.addsourceunit(entry.source, source_lang)
        unit.settarget(entry.target, target_lang, append=True)
        if entry.doc_id and entry.segment_id is not None:
            unit.xmlelement.set("tuid", f"{entry.doc_id}#{entry.segment_id}")
        props = {"x-state": entry.state, "x-document": entry.doc_id, "x-file": entry.file,
                 "x-provenance": entry.provenance,
                 "x-segment": "" if entry.segment_id is None else str(entry.segment_id)}
        first_tuv = unit.xmlelement.find("tuv")
        for kind, value in props.items():
            if value:
                prop = etree.Element("prop", type=kind)
                prop.text = value
                first_tuv.addprevious(prop)
        target = unit.xmlelement.findall("tuv")[1]
        for attribute, value in (("creationdate", _tmx_date(entry.created)),
                                 ("changedate", _tmx_date(entry.changed or entry.created)),
                                 ("creationid", entry.translator)):
            if value:
                target.set(attribute, value)
    return bytes(store)


def write_tmx(entries: list[HumanTranslation], path: str | Path, **languages: str) -> Path:
    """Write :func:`tmx_bytes` to ``path`` atomically; returns the path."""
    return atomic_write_bytes(Path(path), tmx_bytes(entries, **languages))


def read_tmx(path: str | Path, *, translator: str = "", source_lang: str = "ar",
             target_lang: str = "en") -> list[HumanTranslation]:
    """The ``source_lang`` → ``target_lang`` translations in a TMX file, with provenance.

    Raises :class:`ReviewFileError` listing every problem with its line: bad XML, a ``<tu>`` without a
    ``source_lang`` or ``target_lang`` variant, an empty segment, an English side that is Arabic. A unit whose
    target is its source copied over (nobody translated it) is left out.
    """
    path = Path(path)
    try:
        store = tmx.tmxfile.parsestring(path.read_bytes())
    except OSError as error:
        raise ReviewFileError(str(path), [(None, f"cannot read the file ({error.strerror or error})")]) from error
    except etree.XMLSyntaxError as error:
        raise ReviewFileError(str(path), [(error.lineno, f"not well-formed XML: {error.msg}")]) from error
    except AssertionError as error:
        raise ReviewFileError(str(path), [(1, "not a TMX file (no <tmx> root)")]) from error
    found, problems = [], []
    for unit in store.unit_iter():
        try:
            entry = _entry(unit.xmlelement, path, translator, source_lang, target_lang)
        except ValueError as error:
            problems.append((unit.xmlelement.sourceline, str(error)))
        else:
            if entry is not None:
                found.append(entry)
    if problems:
        raise ReviewFileError(str(path), problems)
    return found


def _entry(tu: etree._Element, path: Path, translator: str, source_lang: str,
           target_lang: str) -> HumanTranslation | None:
    variants = {_base(tuv.get(_XML_LANG) or tuv.get("lang") or ""): tuv for tuv in tu.iterfind("tuv")}
    missing = [lang for lang in (source_lang, target_lang) if lang not in variants]
    if missing:
        have = ", ".join(sorted(v for v in variants if v)) or "none"
        raise ValueError(f"translation unit has no {' and no '.join(missing)!s} variant (languages: {have})")
    source, target = _seg(variants[source_lang]), _seg(variants[target_lang])
    if not source or not target:
        raise ValueError("translation unit has an empty segment")
    if copied_source(target, source):
        return None  # the source copied over: a unit nobody translated
    if is_arabic(target):
        raise ValueError(f"the {target_lang!r} variant is Arabic text")
    props = {p.get("type"): (p.text or "").strip() for p in tu.iterfind("prop")}
    tuv = variants[target_lang]
    state = props.get("x-state") or "final"
    if state not in STATES:
        raise ValueError(f"x-state {state!r} is not one of {STATES}")
    segment = props.get("x-segment", "")
    return HumanTranslation(
        source, target, props.get("x-provenance") or f"tmx {path.name}", state=state,
        translator=tuv.get("changeid") or tuv.get("creationid") or tu.get("changeid") or tu.get("creationid")
        or translator,
        file=props.get("x-file") or str(path), doc_id=props.get("x-document", ""),
        segment_id=int(segment) if segment.isdigit() else None,
        created=_iso(tuv.get("creationdate") or tu.get("creationdate")),
        changed=_iso(tuv.get("changedate") or tu.get("changedate")))


def _seg(tuv: etree._Element) -> str:
    seg = tuv.find("seg")
    return " ".join(target_text(seg).split()) if seg is not None else ""


def _base(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


def _tmx_date(iso: str) -> str:
    """ISO 8601 (2025-01-02T03:04:05+00:00) → TMX (20250102T030405Z); "" when empty."""
    if not iso:
        return ""
    moment = _dt.datetime.fromisoformat(iso).astimezone(_dt.UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _iso(tmx_date: str | None) -> str:
    """TMX (20250102T030405Z) → ISO 8601; "" when missing or malformed."""
    try:
        return _dt.datetime.strptime(tmx_date or "", "%Y%m%dT%H%M%SZ").replace(tzinfo=_dt.UTC) \
            .isoformat(timespec="seconds")
    except ValueError:
        return ""

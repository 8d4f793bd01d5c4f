"""The segments of a batch output folder as a reviewer sees them: source, machine and human text, state, notes.

    review_segments("out/", memory)  ->  [ReviewSegment, ...]   (Arabic segments in document order)

A segment's review id is ``"<doc_id>#<segment_id>"`` (:func:`unit_id`); it is what XLIFF files carry, so an
edited file finds its segments again. The source is the text the model was given (the run without what the cut
into runs left at its ends: :func:`translator.corpus.analyze.mt_span`), which is also the key under which the
translation memory stores a human translation. The ``qa`` note carries the translation-QA flags of the unit's
current target (:meth:`ReviewSegment.qa`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from lxml import etree

from translator.corpus.analyze import text_for_mt, wants_translation
from translator.errors import InputError, ReviewFileError
from translator.mt.memory import HumanTranslation, TranslationMemory

__all__ = ["STATES", "ReviewSegment", "already_stored", "copied_source", "inline_text", "parse_review_file",
           "parse_unit_id", "review_segments", "target_text", "unescape_stray_entities", "unit_id"]

T = TypeVar("T")

#: inline elements of TMX 1.4b and XLIFF 1.2 whose content is the native code of formatting (``&lt;b&gt;``), not
#: text: a CAT tool's file holds them around bold words, links and line breaks
_NATIVE_CODE = frozenset({"bpt", "ept", "ph", "it", "ut"})


def inline_text(element: Any) -> str:
    """The text of a ``<seg>``/``<target>``, without the native codes its inline tags carry.

    ``A senior <bpt i="1">&lt;b&gt;</bpt>Russian<ept i="1">&lt;/b&gt;</ept> official`` is ``A senior Russian
    official``: what ``bpt``/``ept``/``ph``/``it``/``ut`` enclose is formatting code (TMX 1.4b §3.6, XLIFF 1.2
    §2.5.4), while the text of ``g``/``mrk``/``hi`` and of what follows every tag is kept, spacing as written.
    """
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # a comment or processing instruction
            parts.append(child.tail or "")
            continue
        if etree.QName(child).localname not in _NATIVE_CODE:
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


_STRAY_ENTITY = re.compile(r"&(?:quot|apos|amp|lt|gt|#\d{1,6}|#[xX][0-9a-fA-F]{1,6});")


def unescape_stray_entities(text: str) -> str:
    """``text`` with character references that survived XML parsing read once more: a CAT tool or MT plug-in
    that escaped twice leaves ``The official&apos;s visit`` in a target (Helsinki-NLP/OPUS-CAT#9 in Trados,
    RWS/Sdl-Community#829), and a translator never means that."""
    return _STRAY_ENTITY.sub(lambda m: html.unescape(m.group()), text) if "&" in text else text


def target_text(element: Any) -> str:
    """:func:`inline_text` of a target or ``<seg>``, stray references read (:func:`unescape_stray_entities`)."""
    return unescape_stray_entities(inline_text(element))


def copied_source(text: str, source: str) -> bool:
    """Whether a target is the source copied over (CAT tools' "copy source to target" on a unit nobody
    translated: angular/angular#15754, neos/flow-development-collection#1555): an untranslated unit, not a
    target in the wrong language."""
    from translator.mt.normalize import memory_key_text

    return bool(text.strip()) and memory_key_text(text) == memory_key_text(source)


def already_stored(text: str, segment: ReviewSegment) -> str | None:
    """The memory state of ``text`` when it is the segment's current human translation (a reviewed file
    imported again): the import then reads it and counts it "already in the memory" instead of not at all
    (finding 15). None otherwise."""
    if segment.human and " ".join(text.split()) == " ".join(segment.human.split()):
        return segment.human_state or "translated"
    return None


#: review states, as XLIFF 1.2 names them: no human translation yet, a person's translation, approved.
STATES = ("needs-translation", "translated", "final")


@dataclass
class ReviewSegment:
    """One Arabic segment for review.

    ``target`` is what the reviewer starts from: the human translation if there is one, else the machine one
    (None when neither exists). ``state``: one of :data:`STATES`. ``fuzzy``: earlier human translations of
    similar sources as (translation, score 0-100), best first. ``flags``: the guard and term flags of the
    machine text (``translation_flags``); ``machine_qa``: the batch's translation-QA flags of the machine text
    (``qa_flags``, as dicts); :meth:`qa` gives those of the current target.
    """

    doc_id: str
    segment_id: int
    source: str
    machine: str | None
    human: str | None = None
    human_state: str | None = None
    glossary_terms: str = ""
    flags: str = ""
    status: str = ""
    model: str = ""
    fuzzy: list[tuple[HumanTranslation, float]] = field(default_factory=list)
    machine_qa: list[dict[str, Any]] = field(default_factory=list)
    _checked: dict[str, list[dict[str, Any]]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def id(self) -> str:
        return unit_id(self.doc_id, self.segment_id)

    @property
    def target(self) -> str | None:
        return self.human or self.machine

    @property
    def state(self) -> str:
        if self.human is None:
            return "needs-translation"
        return "final" if self.human_state == "final" else "translated"

    def notes(self) -> list[tuple[str, str]]:
        """The notes an exchange file carries for this segment, as (origin, text): where it is, its terms,
        its QA flags, the model; XLIFF 1.2 and 2.0 write the same ones."""
        notes = [("document", f"document {self.doc_id}, segment {self.segment_id}")]
        if self.glossary_terms:
            # each term once: the segments table lists a term per occurrence (الموصل=Mosul twice)
            notes.append(("glossary", "terms: " + "; ".join(dict.fromkeys(self.glossary_terms.split("; ")))))
        flags = self.qa_note()
        if flags:
            notes.append(("qa", f"flags: {flags}"))
        if self.model:
            notes.append(("mt", f"model: {self.model}; status: {self.status}"))
        return notes

    def qa(self) -> list[dict[str, Any]]:
        """Translation-QA flags (:func:`translator.qa.check`, as dicts) of the current :attr:`target`: the batch's
        flags of the machine text, or, for a human target, those of the human text itself, checked against the
        shipped glossary (:func:`translator.qa.default_glossary`) the first time they are asked for."""
        if self.human is None:
            return self.machine_qa
        if self.human not in self._checked:
            from translator.qa import check, default_glossary

            self._checked[self.human] = [f.to_dict() for f in check(self.source, self.human,
                                                                      glossary=default_glossary())]
        return self._checked[self.human]

    def qa_note(self) -> str:
        """What the ``qa`` note says of the current target: for machine text its guard and term flags and its QA
        flags (``kind: detail``); for a human target only the QA flags of the human text. Empty when clean."""
        parts = [] if self.human is not None else [f for f in self.flags.split("; ") if f]
        parts += [f"{flag['kind']}: {flag['detail']}" for flag in self.qa()]
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("_checked", None)
        data.update(id=self.id, target=self.target, state=self.state,
                    fuzzy=[{"source": h.source, "target": h.target, "score": s} for h, s in self.fuzzy])
        return data


def unit_id(doc_id: str, segment_id: int) -> str:
    """The review id of a segment: ``"<doc_id>#<segment_id>"``."""
    return f"{doc_id}#{int(segment_id)}"


def parse_unit_id(value: str) -> tuple[str, int] | None:
    """(doc_id, segment_id) from a review id (an XLIFF file prefix before ``\\x04`` is ignored), or None."""
    value = value.rsplit("\x04", 1)[-1]
    doc_id, _, number = value.rpartition("#")
    return (doc_id, int(number)) if doc_id and number.isdigit() else None


def review_segments(out_dir: str | Path, memory: TranslationMemory | None = None, *, fuzzy_limit: int = 3,
                    fuzzy_threshold: float | None = None) -> list[ReviewSegment]:
    """The Arabic segments of the batch output ``out_dir`` (its ``segments`` table), in document order.

    With a ``memory``, the human translation is the memory's current one (so an import shows at once) and
    ``fuzzy`` holds up to ``fuzzy_limit`` similar earlier translations (``fuzzy_threshold``, default 75).
    Raises :class:`InputError` when ``out_dir`` has no segments table.
    """
    from translator.corpus.tables import read_table

    frame = read_table(Path(out_dir), "segments")
    if frame.empty:
        raise InputError(f"{out_dir}: the segments table is empty; nothing to review")
    rows = [r for r in frame.to_dict("records") if wants_translation(r)]
    return [_segment(row, memory, fuzzy_limit, fuzzy_threshold) for row in rows]


def _segment(row: dict, memory: TranslationMemory | None, fuzzy_limit: int,
             fuzzy_threshold: float | None) -> ReviewSegment:
    segment = ReviewSegment(
        doc_id=str(row["doc_id"]), segment_id=int(row["segment_id"]), source=text_for_mt(row["text"]),
        machine=_text(row.get("translation")), human=_text(row.get("translation_human")),
        glossary_terms=_text(row.get("glossary_terms")) or "", flags=_text(row.get("translation_flags")) or "",
        status=_text(row.get("translation_status")) or "", model=_text(row.get("model")) or "",
        machine_qa=_flags(row.get("qa_flags")) if _text(row.get("translation")) else [])
    if segment.human is not None:
        segment.human_state = "published" if segment.status != "human" else "translated"
    if memory is not None:
        human = memory.get_human(segment.source)
        if human is not None:
            segment.human, segment.human_state = human.target, human.state
        if fuzzy_limit:
            segment.fuzzy = memory.fuzzy(segment.source, limit=fuzzy_limit, threshold=fuzzy_threshold,
                                         exclude_exact=True)
    return segment


def _flags(value: object) -> list[dict[str, Any]]:
    """The ``qa_flags`` cell (a JSON list) as a list; empty for a missing or unreadable cell."""
    text = _text(value)
    if text is None:
        return []
    try:
        flags = json.loads(text)
    except ValueError:
        return []
    return [f for f in flags if isinstance(f, dict)] if isinstance(flags, list) else []


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and value != value):  # NaN from pandas
        return None
    text = str(value).strip()
    return text or None


def parse_review_file(path: Path, parsestring: Callable[[bytes], T], kind: str, missing: str,
                      invalid: tuple[type[BaseException], ...] = (ValueError, AssertionError)) -> T:
    """``path`` read and parsed by translate-toolkit's ``parsestring``. Raises ``ReviewFileError`` naming the
    line when the file cannot be read, is not well-formed XML, or is not a ``kind`` file (``invalid`` errors;
    ``missing`` says what is absent when the error has no message)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReviewFileError(str(path), [(None, f"cannot read the file ({error.strerror or error})")]) from error
    try:
        return parsestring(data)
    except etree.XMLSyntaxError as error:
        raise ReviewFileError(str(path), [(error.lineno, f"not well-formed XML: {error.msg}")]) from error
    except invalid as error:
        raise ReviewFileError(str(path), [(None, f"not an {kind} file: {error or missing}")]) \
            from error

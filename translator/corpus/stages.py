"""The batch job's stages: each a function of its inputs, the same whichever executor runs it.

    read one file (`read_source`, `read_documents`) → analyze a document (`analyze_document`: segments,
    language runs, glossary terms, citations) → translate (`translate_documents`, batched across documents)
    → translation QA (`check_documents`: ``qa_flags``, suspicious translations)

Rows pass between stages as the frozen typed rows of :mod:`translator.corpus.rows` (`DocumentRow`,
`SegmentRow`, `CitationRow`), held by an `Analysis` per document; a stage returns new rows, never changes the
ones it was given. `analyze_file` is the read + analyze stages for one file, with a failure turned into that
file's error record instead of an exception. Nothing here reads or writes a table or the run state, and
nothing keeps state between calls: the executors (`translator.corpus.executors`) decide where the stages
run and save their results, and `translator.corpus.run` is the one skeleton around them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..errors import InputError, TranslatorError
from .analyze import Analysis, analyze_document, mt_span, text_for_mt, wants_translation
from .limits import FileTimeLimitError, OverLimitError, file_time_budget, warm_up
from .readers import SourceFile, read_documents
from .rows import ErrorRow

if TYPE_CHECKING:
    from .rows import CitationRow, SegmentRow

__all__ = ["analyze_document", "analyze_file", "check_documents", "file_error", "needs_translation", "one_line",
           "qa_glossary", "read_documents", "read_error", "read_source", "regroup", "translate_analyses",
           "translate_documents"]


def read_source(source: SourceFile, *, max_file_mb: float | None) -> bytes:
    """The bytes of one corpus file, under the per-file limits every executor applies (issue #13): a link or
    a file over ``max_file_mb`` megabytes (2**20 bytes; None or 0: no limit) is refused before it is read.

    Raises :class:`InputError` for a refused file (the message names the limit and ``--max-file-mb``),
    ``OSError`` when it cannot be read. :func:`read_error` turns either into the file's errors record.
    """
    return source.read_bytes(max_bytes=int(max_file_mb * 2**20) if max_file_mb else None)


def read_error(source: SourceFile, exc: InputError | OSError) -> ErrorRow:
    """The errors row of a file :func:`read_source` refused or could not read."""
    if isinstance(exc, InputError):
        return ErrorRow(path=source.rel, stage="read", error="InputError", message=str(exc), scope="file",
                        **_limit(exc))
    return ErrorRow(path=source.rel, stage="read", error=type(exc).__name__,
                    message=f"{source.rel}: {exc.strerror or exc}", scope="file")


def _limit(exc: BaseException) -> dict:
    """The ``limit`` and ``option`` columns of an error that went over a limit (:class:`OverLimitError`)."""
    if isinstance(exc, OverLimitError):
        return {"limit": exc.limit or None, "option": exc.option}
    return {}


def analyze_file(item: tuple[SourceFile, bytes], *, glossary, detector: str,
                 max_seconds: float = 0.0, max_record_mb: float | None = None) -> list[Analysis] | ErrorRow:
    """Read and analyze one file: one `Analysis` per document, or the file's errors row (stage read or analyze)
    instead of an exception.

    ``max_seconds`` > 0: the file's time budget (:func:`translator.corpus.limits.file_time_budget`); over it,
    an errors row ``FileTimeLimitError`` naming ``--max-file-seconds`` (not remembered as a bad file: the next
    run tries it again). ``max_record_mb``: the limit per JSON-lines record (``--max-record-mb``; None: its
    default), the same as a file read in parts has.
    """
    source, data = item
    stage = "read"
    try:
        if max_seconds and max_seconds > 0:
            warm_up(glossary, detector)  # one-time loading is not charged to the first file's budget
        with file_time_budget(max_seconds, source.rel):
            docs = read_documents(source, data, max_record_mb=max_record_mb)
            stage = "analyze"
            return [analyze_document(doc, glossary=glossary, detector=detector) for doc in docs]
    except Exception as exc:  # any failure of one file is that file's errors row, never the run's
        return file_error(source, stage, exc)


def file_error(source: SourceFile, stage: str, exc: Exception) -> ErrorRow:
    """The errors row of a file whose reading or analysis (``stage``) raised ``exc``: our own errors by their
    family name (``FileTimeLimitError`` apart: it depends on the machine, so the next run tries the file
    again), anything else by its type with the file named; every message cut to 300 characters (it may quote
    huge input)."""
    if isinstance(exc, FileTimeLimitError):
        return ErrorRow(path=source.rel, stage=stage, error="FileTimeLimitError", message=_short(str(exc)),
                        scope="file", **_limit(exc))
    if isinstance(exc, InputError):
        return ErrorRow(path=source.rel, stage=stage, error="InputError", message=_short(str(exc)), scope="file",
                        **_limit(exc))
    return ErrorRow(path=source.rel, stage=stage, error=type(exc).__name__,
                    message=f"{source.rel}: {_short(str(exc))}", scope="file")


def needs_translation(analyses: list[Analysis]) -> bool:
    """True when some segment or citation headline of ``analyses`` is Arabic, i.e. wants the model."""
    return any(wants_translation(s) for a in analyses for s in a.segments) or any(
        c.get("title_original") and c.get("title_language") == "ar" for a in analyses for c in a.citations)


def translate_documents(analyses: list[Analysis], translator, no_model_reason: str | None, *,
                        progress: bool = False, memory=None) -> tuple[list[Analysis], str | None]:
    """The translate stage: ``analyses`` with every segment's and citation's translation columns filled.

    Unique Arabic texts are translated once, in one batch across documents. Human translations found in
    citations (the English rendering beside an Arabic headline) go into the translation memory as such.
    ``translator`` None: no model (``no_model_reason`` says why; rows ``no_model``) or translation off (rows
    ``disabled``); ``memory`` then shows the translation memory's human translations.
    Returns (new analyses, in the same order; the rows given are not changed), and the engine's error message
    when it failed (the rows then say so), else None. :func:`check_documents` is the QA stage that follows.
    """
    segments = [s for a in analyses for s in a.segments]
    citations = [c for a in analyses for c in a.citations]
    wants = [wants_translation(s) for s in segments]  # read once per segment (issue 20)
    wanted = [i for i, want in enumerate(wants) if want]
    titles = [i for i, c in enumerate(citations) if c.title_original and c.title_language == "ar"]
    message = None
    status = "no_model" if no_model_reason else "disabled"
    # without a translator, the rows that want one get their status in the same copy (one copy per row)
    untranslated = None if translator is not None else {
        "translation_status": status,
        "translation_note": one_line(no_model_reason) if no_model_reason else "translation switched off"}
    segments = [s if not (changes := _untranslatable(s, want, untranslated)) else s.replace(**changes)
                for s, want in zip(segments, wants, strict=True)]
    if translator is None:
        for i in titles:  # the citations table has no translation_note column
            citations[i] = citations[i].replace(translation_status=status)
        if memory is not None:  # no model, but the people's translations are still there to show
            _fill_human_only(segments, wanted, [citations[i] for i in titles], memory)
        return _regroup(analyses, segments, citations), None
    memory = getattr(translator, "memory", None)
    if memory is not None:
        for i in titles:
            if citations[i].title_english:
                memory.put_human(citations[i].title_original, citations[i].title_english,
                                 provenance=citations[i].doc_id)
    sources = list(dict.fromkeys([text_for_mt(segments[i].text) for i in wanted]
                                 + [citations[i].title_original for i in titles]))
    countries = _source_countries(analyses, sources, [segments[i] for i in wanted], [citations[i] for i in titles]) \
        if getattr(translator, "enforcer", None) is not None else None
    try:
        extra = {"countries": countries} if countries else {}
        results = dict(zip(sources, translator.translate(sources, progress=progress, **extra), strict=True))
    except (TranslatorError, RuntimeError, ValueError) as exc:
        failed = {"translation_status": "failed", "translation_note": f"{type(exc).__name__}: {exc}"}
        for i in wanted:
            segments[i] = segments[i].replace(**failed)
        for i in titles:
            citations[i] = citations[i].replace(translation_status="failed")
        return _regroup(analyses, segments, citations), str(exc)
    for i in wanted:
        segments[i] = _fill_segment(segments[i], results[text_for_mt(segments[i].text)])
    for i in titles:
        result = results[citations[i].title_original]
        citations[i] = citations[i].replace(title_english_machine=result.text, translation_status=_status(result))
    return _regroup(analyses, segments, citations), message


def _source_countries(analyses: list[Analysis], sources: list[str], segments: list[SegmentRow],
                      titles: list[CitationRow]) -> list[str | None] | None:
    """Each source text's document country (its outlet's, from the registry, as the analysis matched its terms), for
    the glossary enforcer; None for a text documents of two countries hold, or a part of a long text (no document
    row); None in all when no document's country is known."""
    from ..glossary.outlets import outlet_country

    by_doc = {a.document.doc_id: outlet_country(a.document.outlet, a.document.url)
              for a in analyses if a.document is not None}
    if not any(by_doc.values()):
        return None
    found: dict[str, str | None] = {}
    for text, doc_id in [*((text_for_mt(s.text), s.doc_id) for s in segments),
                         *((c.title_original, c.doc_id) for c in titles)]:
        country = by_doc.get(doc_id)
        found[text] = country if found.get(text, country) == country else None
    return [found.get(text) for text in sources]


def _untranslatable(segment: SegmentRow, wanted: bool, untranslated: dict[str, object] | None) -> dict[str, object]:
    """What every segment gets before translation, in one copy (issue 20): ``terms_found`` 0 where no glossary
    counted, ``not_arabic`` where nothing goes to the model (``wanted``: :func:`wants_translation`, which reads
    neither column), and ``untranslated`` (the status and note of a run without a translator) where something
    would."""
    changes: dict[str, object] = {} if segment.terms_found is not None else {"terms_found": 0}
    if not wanted:
        changes["translation_status"] = "not_arabic"
    elif untranslated:
        changes.update(untranslated)
    return changes


def check_documents(analyses: list[Analysis], glossary=None) -> list[Analysis]:  # type: ignore[no-untyped-def]
    """The translation QA stage (:mod:`translator.qa`), after :func:`translate_documents`: ``qa_flags`` (a JSON
    list) on every translated segment and on every Arabic headline's human rendering; a machine translation
    (segment or headline) that QA flags becomes ``suspicious``. ``glossary``: the terms to check (see
    :func:`qa_glossary`; None: none). Returns new analyses; the rows given are not changed."""
    qa = _qa(glossary)
    out = []
    for a in analyses:
        citations = []
        for c in a.citations:
            if c.title_original and c.title_language == "ar":
                if c.title_english:
                    c = c.replace(qa_flags=json.dumps(qa(c.title_original, c.title_english), ensure_ascii=False))
                if (c.title_english_machine and c.translation_status == "translated"
                        and qa(c.title_original, c.title_english_machine, None, True)):
                    c = c.replace(translation_status="suspicious")
            citations.append(c)
        known = _known_matches(a, glossary)
        out.append(Analysis(a.document, [_check_segment(s, qa, known.get(s.segment_id)) for s in a.segments],
                            citations, a.errors))
    return out


def _known_matches(analysis: Analysis, glossary) -> dict[int, list]:  # type: ignore[no-untyped-def]
    """The glossary matches the analysis found per segment, when QA checks with that same glossary (same
    version): QA then does not match the segments again (issue 17). Empty otherwise."""
    if analysis.term_matches is None or glossary is None:
        return {}
    version, found = analysis.term_matches
    return found if version == glossary.version else {}


def qa_glossary(glossary, translator):  # type: ignore[no-untyped-def]
    """The terms translation QA checks: ``glossary`` (the run's), else the translator's enforcement glossary,
    else None."""
    return glossary if glossary is not None else getattr(getattr(translator, "enforcer", None), "glossary", None)


def translate_analyses(analyses: list[Analysis], translator, no_model_reason: str | None, *,
                       progress: bool = False, glossary=None, memory=None) -> str | None:
    """:func:`translate_documents` then :func:`check_documents`, the rows put back into the given ``analyses``
    (the old, in-place form). Returns the engine's error message when it failed, else None.
    """
    translated, message = translate_documents(analyses, translator, no_model_reason, progress=progress,
                                              memory=memory)
    translated = check_documents(translated, qa_glossary(glossary, translator))
    for old, new in zip(analyses, translated, strict=True):
        old.segments[:], old.citations[:] = new.segments, new.citations
    return message


def regroup(groups: list, flat: list) -> list:
    """``flat`` cut back into the shape of ``groups`` (a list of lists, or of errors rows, which stay)."""
    items = iter(flat)
    return [[next(items) for _ in g] if isinstance(g, list) else g for g in groups]


def _regroup(analyses: list[Analysis], segments: list, citations: list) -> list[Analysis]:
    """New analyses holding ``segments`` and ``citations`` (flat, in the order of ``analyses``)."""
    out, s, c = [], 0, 0
    for a in analyses:
        out.append(Analysis(a.document, segments[s:s + len(a.segments)], citations[c:c + len(a.citations)],
                            a.errors, term_matches=a.term_matches))
        s, c = s + len(a.segments), c + len(a.citations)
    return out


def _fill_human_only(segments: list[SegmentRow], wanted: list[int], titles: list[CitationRow],
                     memory) -> None:  # type: ignore[no-untyped-def]
    """Without a model: store the corpus's own renderings of headlines, and show the translation memory's
    human translations on the segments (status ``human`` for a reviewer's), as a run with a model would."""
    for c in titles:
        if c.title_english:
            memory.put_human(c.title_original, c.title_english, provenance=c.doc_id)
    sources = {i: text_for_mt(segments[i].text) for i in wanted}
    humans = memory.get_human_many(sources.values())  # one query, not one per segment (issue 20)
    for i in wanted:
        human = humans.get(sources[i])
        if human is not None:
            reviewed = human.state in ("translated", "final")
            segments[i] = segments[i].replace(translation_human=human.target, **(  # no "model not found" note
                {"translation_status": "human", "translation_note": None} if reviewed else {}))


def _qa(glossary):
    """``check(source, target)`` as JSON-ready dicts, with ``glossary`` (an empty one when None)."""
    from ..glossary import Glossary
    from ..qa import check

    terms = glossary if glossary is not None else Glossary()
    return lambda source, target, matches=None, machine=False: [
        f.to_dict() for f in check(source, target, glossary=terms, matches=matches, machine=machine)]


def _check_segment(seg: SegmentRow, qa, matches: list | None = None) -> SegmentRow:  # type: ignore[no-untyped-def]
    """``qa_flags`` of the segment's translation; a machine translation that fails QA becomes suspicious.
    ``matches``: the glossary's matches in ``seg.text`` found by the analysis (reused when what QA reads,
    ``seg.text[start:end]``, differs from the text only by spaces at its ends; else QA matches it again)."""
    if not seg.translation:
        return seg
    from dataclasses import replace

    from ..qa import shift_flag

    start, end = mt_span(seg.text)
    if matches is not None and (seg.text[:start].strip() or seg.text[end:].strip()):
        matches = None  # punctuation or a bullet was cut: a match at an end could read differently
    if matches is not None and start:
        matches = [replace(m, start=m.start - start, end=m.end - start) for m in matches]
    # QA read the text the model saw (text[start:end], see mt_span): source offsets go back into ``text``
    # a machine translation (status translated) is also checked for names it invents (translator.qa.invented)
    flags = [shift_flag(flag, source=start) for flag in qa(seg.text[start:end], seg.translation, matches,
                                                           seg.translation_status == "translated")]
    if seg.translation_status in ("translated", "suspicious"):  # the model's text, not a human one
        flags += _missing_terms(seg.translation_flags, flags)
    suspicious = bool(flags) and seg.translation_status == "translated"
    return seg.replace(qa_flags=json.dumps(flags, ensure_ascii=False),
                       **({"translation_status": "suspicious"} if suspicious else {}))


def _missing_terms(translation_flags: str | None, flags: list[dict]) -> list[dict]:
    """A ``name`` flag for each required glossary term the glossary's repair could not place in the machine
    translation (``missing-term:<target>`` of ``translation_flags``) that QA's own name check did not flag
    already: a required term missing makes the translation suspicious (NEWUSER6 F7)."""
    out = []
    for item in (translation_flags or "").split("; "):
        if not item.startswith("missing-term:"):
            continue
        target = item.removeprefix("missing-term:")
        if any(f.get("kind") == "name" and repr(target) in f.get("detail", "") for f in flags):
            continue
        out.append({"kind": "name", "detail": f"the glossary term {target!r} is missing from the translation (the "
                                              "glossary's repair could not place it)", "source_start": None,
                    "source_end": None, "target_start": None, "target_end": None})
    return out


def _fill_segment(seg: SegmentRow, result) -> SegmentRow:  # type: ignore[no-untyped-def]
    reviewed = getattr(result, "human_state", None) in ("translated", "final")  # not one found in a citation
    filled = {"translation": result.text, "translation_human": getattr(result, "human", None),
              "translation_status": "human" if reviewed else _status(result),
              "translation_flags": "; ".join([*result.flags, *result.term_flags]),
              "from_memory": bool(result.from_memory), "engine": result.engine, "model": result.model}
    if getattr(result, "terms_found", None) is not None:
        filled.update(terms_found=result.terms_found, terms_placed=result.terms_placed,
                      terms_exact=result.terms_exact)
    if result.text is None:
        filled["translation_note"] = "; ".join(result.flags) or "engine returned nothing"
    return seg.replace(**filled)


def _status(result) -> str:  # type: ignore[no-untyped-def]
    return {"ok": "translated"}.get(result.status, result.status)


def one_line(message: str) -> str:
    """A multi-line message as one line for a table cell, nothing dropped (issue 11).

    Bullet lines (``  - place``) become a ``; ``-separated list closed by a full stop; other lines are joined
    with spaces. ``"Looked in:\n  - a\n  - b\nTo get it: ..."`` → ``"Looked in: a; b. To get it: ..."``.
    """
    parts: list[str] = []
    bullets: list[str] = []
    for line in (raw.strip() for raw in message.strip().splitlines()):
        if line.startswith(("- ", "* ", "• ")):
            bullets.append(line[2:].strip())
            continue
        if bullets:
            parts.append("; ".join(bullets) + ".")
            bullets = []
        if line:
            parts.append(line)
    if bullets:
        parts.append("; ".join(bullets) + ".")
    return " ".join(parts)

def _short(text: str, limit: int = 300) -> str:
    """``text`` cut to ``limit`` characters: an error message quotes bad input, and input can be huge."""
    return text if len(text) <= limit else text[:limit] + f"… ({len(text) - limit} more characters)"

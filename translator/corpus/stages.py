"""The batch job's stages: each a function of its inputs, the same whichever executor runs it.

    read one file (`read_documents`) → analyze a document (`analyze_document`: segments, language runs,
    glossary terms, citations) → translate (`translate_analyses`, batched across documents) → translation QA
    (``qa_flags``, inside the translate stage)

`analyze_file` is the read + analyze stages for one file, with a failure turned into that file's error record
instead of an exception. Nothing here reads or writes a table or the run state, and nothing keeps state
between calls: the executors (`translator.corpus.executors`) decide where the stages run and save their
results, and `translator.corpus.pipeline` is the one skeleton around them.
"""

from __future__ import annotations

import json

from ..errors import InputError, TranslatorError
from .analyze import Analysis, analyze_document, text_for_mt, wants_translation
from .readers import SourceFile, read_documents

__all__ = ["analyze_document", "analyze_file", "needs_translation", "one_line", "read_documents", "read_error",
           "read_source", "translate_analyses"]


def read_source(source: SourceFile, *, max_file_mb: float | None) -> bytes:
    """The bytes of one corpus file, under the per-file limits every executor applies (issue #13): a link or
    a file over ``max_file_mb`` megabytes (2**20 bytes; None or 0: no limit) is refused before it is read.

    Raises :class:`InputError` for a refused file (the message names the limit and ``--max-file-mb``),
    ``OSError`` when it cannot be read. :func:`read_error` turns either into the file's errors record.
    """
    return source.read_bytes(max_bytes=int(max_file_mb * 2**20) if max_file_mb else None)


def read_error(source: SourceFile, exc: InputError | OSError) -> dict:
    """The errors record (stage, error, message) of a file :func:`read_source` refused or could not read."""
    if isinstance(exc, InputError):
        return {"stage": "read", "error": "InputError", "message": str(exc)}
    return {"stage": "read", "error": type(exc).__name__, "message": f"{source.rel}: {exc.strerror or exc}"}


def analyze_file(item: tuple[SourceFile, bytes], *, glossary, detector: str) -> list[Analysis] | dict:
    """Read and analyze one file; a failure comes back as an error record instead of an exception."""
    source, data = item
    stage = "read"
    try:
        docs = read_documents(source, data)
        stage = "analyze"
        return [analyze_document(doc, glossary=glossary, detector=detector) for doc in docs]
    except InputError as exc:
        return {"stage": stage, "error": "InputError", "message": str(exc)}
    except Exception as exc:  # any failure of one file is that file's errors row, never the run's
        return {"stage": stage, "error": type(exc).__name__, "message": f"{source.rel}: {_short(str(exc))}"}

def needs_translation(analyses: list[Analysis]) -> bool:
    """True when some segment or citation headline of ``analyses`` is Arabic, i.e. wants the model."""
    return any(wants_translation(s) for a in analyses for s in a.segments) or any(
        c.get("title_original") and c.get("title_language") == "ar" for a in analyses for c in a.citations)

def translate_analyses(analyses: list[Analysis], translator, no_model_reason: str | None, *,
                       progress: bool = False, glossary=None, memory=None) -> str | None:
    """Fill the translation columns of every segment and citation in ``analyses``.

    Unique Arabic texts are translated once, in one batch across documents. Human translations found in
    citations (the English rendering beside an Arabic headline) go into the translation memory as such.
    Every translation, and every human title rendering, is checked by translation QA (``qa_flags``, a JSON
    list; ``glossary``: the terms to check, default the translator's enforcement glossary, else none).
    Returns an error message if the engine failed (the rows then say so), else None.
    """
    segs = [s for a in analyses for s in a.segments]
    cites = [c for a in analyses for c in a.citations]
    qa = _qa(glossary if glossary is not None else getattr(getattr(translator, "enforcer", None), "glossary", None))
    for c in cites:
        if c.get("title_original") and c.get("title_english") and c.get("title_language") == "ar":
            c["qa_flags"] = json.dumps(qa(c["title_original"], c["title_english"]), ensure_ascii=False)
    for seg in segs:
        seg.setdefault("terms_found", 0)
        if not wants_translation(seg):
            seg["translation_status"] = "not_arabic"
    wanted = [s for s in segs if wants_translation(s)]
    titles = [c for c in cites if c.get("title_original") and c.get("title_language") == "ar"]
    if translator is None:
        status = "no_model" if no_model_reason else "disabled"
        note = one_line(no_model_reason) if no_model_reason else "translation switched off"
        for row in wanted + titles:
            row["translation_status"], row["translation_note"] = status, note
        if memory is not None:  # no model, but the people's translations are still there to show
            _fill_human_only(wanted, titles, memory)
        return None
    memory = getattr(translator, "memory", None)
    if memory is not None:
        for c in titles:
            if c.get("title_english"):
                memory.put_human(c["title_original"], c["title_english"], provenance=c.get("doc_id"))
    sources = list(dict.fromkeys([text_for_mt(s["text"]) for s in wanted] + [c["title_original"] for c in titles]))
    try:
        results = dict(zip(sources, translator.translate(sources, progress=progress), strict=True))
    except (TranslatorError, RuntimeError, ValueError) as exc:
        for row in wanted + titles:
            row["translation_status"], row["translation_note"] = "failed", f"{type(exc).__name__}: {exc}"
        return str(exc)
    for seg in wanted:
        _fill_segment(seg, results[text_for_mt(seg["text"])])
        _check_segment(seg, qa)
    for c in titles:
        result = results[c["title_original"]]
        c["title_english_machine"] = result.text
        c["translation_status"] = _status(result)
        if result.text and c["translation_status"] == "translated" and qa(c["title_original"], result.text):
            c["translation_status"] = "suspicious"
    return None

def _fill_human_only(segments: list[dict], titles: list[dict], memory) -> None:  # type: ignore[no-untyped-def]
    """Without a model: store the corpus's own renderings of headlines, and show the translation memory's
    human translations on the segments (status ``human`` for a reviewer's), as a run with a model would."""
    for c in titles:
        if c.get("title_english"):
            memory.put_human(c["title_original"], c["title_english"], provenance=c.get("doc_id"))
    for seg in segments:
        human = memory.get_human(text_for_mt(seg["text"]))
        if human is not None:
            seg["translation_human"] = human.target
            if human.state in ("translated", "final"):
                seg["translation_status"] = "human"

def _qa(glossary):
    """``check(source, target)`` as JSON-ready dicts, with ``glossary`` (an empty one when None)."""
    from ..glossary import Glossary
    from ..qa import check

    terms = glossary if glossary is not None else Glossary()
    return lambda source, target: [f.to_dict() for f in check(source, target, glossary=terms)]

def _check_segment(seg: dict, qa) -> None:
    """``qa_flags`` of the segment's translation; a machine translation that fails QA becomes suspicious."""
    if not seg.get("translation"):
        return
    flags = qa(text_for_mt(seg["text"]), seg["translation"])
    seg["qa_flags"] = json.dumps(flags, ensure_ascii=False)
    if flags and seg.get("translation_status") == "translated":
        seg["translation_status"] = "suspicious"

def _fill_segment(seg: dict, result) -> None:
    seg["translation"] = result.text
    seg["translation_human"] = getattr(result, "human", None)
    reviewed = getattr(result, "human_state", None) in ("translated", "final")  # not one found in a citation
    seg["translation_status"] = "human" if reviewed else _status(result)
    seg["translation_flags"] = "; ".join([*result.flags, *result.term_flags])
    seg["from_memory"] = bool(result.from_memory)
    seg["engine"], seg["model"] = result.engine, result.model
    if getattr(result, "terms_found", None) is not None:
        seg["terms_found"] = result.terms_found
        seg["terms_placed"] = result.terms_placed
        seg["terms_exact"] = result.terms_exact
    if result.text is None:
        seg["translation_note"] = "; ".join(result.flags) or "engine returned nothing"

def _status(result) -> str:
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

"""``translator translate``: Arabic texts or lines to English, with the batch's stages and statuses.

Each input (a file, or a line with ``--lines``) goes through the stages a batch run applies to a document
(:mod:`translator.corpus.stages`): cut into sentences and language runs (``analyze_document``), the Arabic runs
translated (``translate_documents``), then translation QA (``check_documents``). The English or French runs of a
mixed line are kept as written; the record's ``translation`` is the input with each Arabic run replaced by its
translation.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._common import add_glossary_options, add_io, add_model_options, emit, read_texts, report_glossary_problems

__all__ = ["add_parser", "make_translator", "run", "translate_texts"]

# how a text's status follows from its runs': the worst one (a human run among machine ones is "translated")
_RANK = {"not_arabic": -1, "human": 0, "translated": 1, "suspicious": 2, "no_model": 3, "disabled": 3, "failed": 4}


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("translate", help="translate Arabic text to English")
    add_io(p)
    add_model_options(p)
    add_glossary_options(p)
    p.add_argument("--memory", type=Path, help="translation memory file (default: in TRANSLATOR_HOME)")
    p.add_argument("--no-memory", action="store_true", help="neither read nor write the translation memory")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--inter-threads", type=int, help="ctranslate2: batches decoded in parallel (splits --threads)")
    p.add_argument("--vmap", action="store_true",
                   help="ctranslate2: restrict decoding to the model folder's vocabulary shortlist (vmap.txt)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    texts = list(read_texts(args.files, by_line=args.lines))
    records = translate_texts(texts, lambda: make_translator(args), progress=not args.quiet and len(texts) > 20)
    emit(map(_table_order, records) if args.format == "table" else records, args.format)
    return 0


#: ``--format table`` shows a reviewer's translation beside the machine one: a ``human`` row showed only the
#: machine text, the reviewer's being among the columns left out (new-user trial 6, F19); a column empty in
#: every row is still left out. jsonl and csv keep the record's order.
TABLE_FIRST = ("text", "translation", "human", "status")


def _table_order(record: dict) -> dict:
    return {**{key: record[key] for key in TABLE_FIRST if key in record}, **record}


def translate_texts(texts: list[str], make: Any, *, progress: bool = False,
                    detector: str = "default") -> Iterator[dict[str, Any]]:
    """One record per text, as ``translator translate`` prints them: the batch's stages run on each text as on
    a document (see the module docstring), so statuses and QA are the batch's for the same segment.

    ``make``: a callable returning the ``Translator`` (called only when some text has an Arabic run, so a text
    without one needs no model). Record keys: ``text``, ``translation`` (None when a run failed), ``status``
    (the worst of its runs': translated, suspicious, human, failed, not_arabic), ``flags`` (guard flags),
    ``qa_flags`` (translation QA, source offsets into ``text``, target offsets into ``translation``),
    ``human`` (every Arabic run's human translation, else None), ``human_provenance``, ``from_memory``,
    ``terms_found``/``terms_placed``/``terms_exact``, ``term_flags``, ``segments`` (pieces sent to the
    model), ``error``, ``engine``, ``model``.
    Raises :class:`~translator.errors.ModelNotFoundError` (from ``make``) when no model can be loaded.
    """
    from ..corpus.analyze import Analysis, analyze_document
    from ..corpus.readers import Document
    from ..corpus.stages import check_documents, needs_translation, qa_glossary, translate_documents

    analyses = [analyze_document(Document(doc_id=str(i), path="", format="txt", text=text, sha256=""),
                                 detector=detector) for i, text in enumerate(texts)]
    analyses = [Analysis(a.document, a.segments, []) for a in analyses]  # a translated line is not a digest
    results: dict[str, Any] = {}
    if needs_translation(analyses):
        translator = _Recording(make(), results)
        translated, _ = translate_documents(analyses, translator, None, progress=progress)
        analyses = check_documents(translated, qa_glossary(None, translator))
    else:
        translated, _ = translate_documents(analyses, None, None)
        analyses = translated
    for text, analysis in zip(texts, analyses, strict=True):
        yield _record(text, analysis.segments, results)


class _Recording:
    """A ``Translator`` that keeps each source's :class:`~translator.mt.Translation` (for the record's guard and
    term flags, provenance and pieces, which the segment rows hold joined or not at all)."""

    def __init__(self, translator: Any, results: dict[str, Any]) -> None:
        self._translator, self._results = translator, results

    def translate(self, texts: list[str], *, progress: bool = False) -> list[Any]:
        out = self._translator.translate(texts, progress=progress)
        self._results.update(zip(texts, out, strict=True))
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._translator, name)


def _record(text: str, segments: list, results: dict[str, Any]) -> dict[str, Any]:
    """The record of one text from its segment rows (see :func:`translate_texts`)."""
    import json

    from ..corpus.analyze import mt_span, wants_translation
    from ..qa import shift_flag

    machine: list[str] | None = []
    human: list[str] | None = []
    qa_flags: list[dict] = []
    status, pos, record = "not_arabic", 0, _empty(text)
    for seg in segments:
        gap = text[pos:seg.start]
        pos = seg.end
        if not wants_translation(seg):
            machine = None if machine is None else [*machine, gap, seg.text]
            human = None if human is None else [*human, gap, seg.text]
            continue
        start, end = mt_span(seg.text)
        before, after = gap + seg.text[:start], seg.text[end:]
        status = max(status, seg.translation_status, key=lambda s: _RANK.get(s, _RANK["suspicious"]))
        if machine is not None and seg.translation is not None:
            at = len("".join(machine)) + len(before)
            qa_flags += [shift_flag(flag, source=seg.start, target=at) for flag in json.loads(seg.qa_flags or "[]")]
            machine += [before, seg.translation, after]
        else:
            machine = None
        human = None if human is None or not seg.translation_human else [*human, before, seg.translation_human,
                                                                          after]
        _add(record, results.get(seg.text[start:end]), seg)
    record["translation"] = text if status == "not_arabic" else None
    if status != "not_arabic" and machine is not None:
        whole = "".join([*machine, text[pos:]])
        lead = len(whole) - len(whole.lstrip())
        record["translation"] = whole.strip()
        qa_flags = [shift_flag(flag, target=-lead) for flag in qa_flags]
    record["human"] = None if status == "not_arabic" or human is None else "".join([*human, text[pos:]]).strip()
    record["status"], record["qa_flags"] = status, _without_repeats(qa_flags)
    return record


_PLACES = ("source_start", "source_end", "target_start", "target_end")


def _without_repeats(flags: list[dict]) -> list[dict]:
    """``flags`` without a second copy of a flag that has no place in either text: each sentence that drops a
    glossary term says so with no offsets, so a whole text repeated "the glossary term 'X' is missing" once per
    sentence with nothing to tell the copies apart (NEWUSER7 F10). Flags with a place are all kept."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for flag in flags:
        if all(flag.get(k) is None for k in _PLACES):
            key = (flag.get("kind", ""), flag.get("detail", ""))
            if key in seen:
                continue
            seen.add(key)
        kept.append(flag)
    return kept


def _empty(text: str) -> dict[str, Any]:
    return {"text": text, "translation": text, "status": "not_arabic", "flags": [], "qa_flags": [], "human": None,
            "human_provenance": None, "from_memory": False, "terms_found": 0, "terms_placed": 0, "terms_exact": 0,
            "term_flags": [], "segments": 0, "error": None, "engine": None, "model": None}


def _add(record: dict[str, Any], result: Any, seg: Any) -> None:
    """What one Arabic run's translation adds to its text's record."""
    record["engine"], record["model"] = record["engine"] or seg.engine, record["model"] or seg.model
    record["from_memory"] = bool(seg.from_memory) and (record["segments"] == 0 or record["from_memory"])
    for name in ("terms_found", "terms_placed", "terms_exact"):
        record[name] += int(getattr(seg, name) or 0)
    if seg.translation_status in ("failed", "no_model", "disabled"):
        record["error"] = record["error"] or seg.translation_note
    if result is None:
        return
    record["segments"] += result.segments
    record["flags"] += [f for f in result.flags if f not in record["flags"]]
    record["term_flags"] += [f for f in result.term_flags if f not in record["term_flags"]]
    record["human_provenance"] = record["human_provenance"] or result.human_provenance
    record["error"] = record["error"] or result.error


def make_translator(args: argparse.Namespace):
    """A ``Translator`` from the command's model, engine, memory and glossary options."""
    from ..mt import TranslatorOptions, build_translator

    options = TranslatorOptions(model=args.model, engine=args.engine, device=args.device, threads=args.threads,
                                memory_path=args.memory, use_memory=not args.no_memory,
                                glossary_paths=tuple(args.glossary), use_glossary=not args.no_glossary,
                                inter_threads=getattr(args, "inter_threads", None),
                                use_vmap=getattr(args, "vmap", False))
    glossary = None
    if options.use_glossary:
        from ..glossary import Glossary

        glossary = Glossary.load(list(options.glossary_paths))
        report_glossary_problems(glossary)
    return build_translator(options, glossary=glossary)

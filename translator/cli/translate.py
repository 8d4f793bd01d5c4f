"""``translator translate``: Arabic texts or lines to English."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from ..mt.translate import NOT_ARABIC, Translation
from ..text.arabic import contains_arabic
from ._common import add_glossary_options, add_io, add_model_options, emit, read_texts, report_glossary_problems

__all__ = ["add_parser", "make_translator", "run"]


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
    if not any(contains_arabic(t) for t in texts):  # nothing for the model: no need to have or load one
        results = [Translation(source=t, text=t, status=NOT_ARABIC) for t in texts]
    else:
        translator = make_translator(args)
        results = translator.translate(texts, progress=not args.quiet and len(texts) > 20)

    def records() -> Iterator[dict]:
        for text, result in zip(texts, results, strict=True):
            yield {"text": text, "translation": result.text, "status": result.status, "flags": result.flags,
                   "human": result.human, "human_provenance": result.human_provenance,
                   "from_memory": result.from_memory, "terms_found": result.terms_found,
                   "terms_placed": result.terms_placed, "terms_exact": result.terms_exact,
                   "term_flags": result.term_flags, "segments": result.segments, "error": result.error,
                   "engine": result.engine, "model": result.model}

    emit(records(), args.format)
    return 0


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

"""The `translator` command line: argument parsing and output formatting only.

Every command calls the public API; nothing here knows how detection, dates, citations, glossaries or
engines work. All commands read files (or standard input) and write ``--format jsonl|csv|table``.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import __version__
from .errors import InputError, TranslatorError

FORMATS = ("jsonl", "csv", "table")


# ----------------------------------------------------------------------------------------------- input/output
def read_texts(files: list[str], *, by_line: bool) -> Iterator[str]:
    """The inputs: each file (or standard input) whole, or each of its lines with ``--lines``."""
    from .corpus.decode import decode_bytes

    for name in files or ["-"]:
        if name == "-":
            data, label = sys.stdin.buffer.read(), "standard input"
        else:
            try:
                data, label = Path(name).read_bytes(), name
            except OSError as exc:
                raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from exc
        if not data.strip():
            continue
        decoded = decode_bytes(data, name=label)
        for repair in decoded.repairs:
            print(f"translator: {label}: {repair}", file=sys.stderr)
        text = decoded.text
        if by_line:
            yield from text.splitlines()
        else:
            yield text


def emit(records: Iterable[dict], fmt: str, out: io.TextIOBase | None = None) -> int:
    """Write records as JSON lines, CSV or an aligned table; returns how many were written."""
    out = out or sys.stdout
    if fmt == "jsonl":
        count = 0
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            out.flush()
            count += 1
        return count
    import pandas as pd

    rows = [_flat(r) for r in records]
    frame = pd.DataFrame(rows)
    if fmt == "csv":
        frame.to_csv(out, index=False)
    elif rows:
        with pd.option_context("display.max_colwidth", 60, "display.width", 200):
            out.write(frame.to_string(index=False) + "\n")
    return len(rows)


def _flat(record: dict) -> dict:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in record.items()}


def _add_io(parser: argparse.ArgumentParser, *, lines: bool = True) -> None:
    parser.add_argument("files", nargs="*", help="input files (default: standard input)")
    if lines:
        parser.add_argument("--lines", action="store_true", help="treat each input line as one item")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")


MT_ENGINES = ("auto", "ctranslate2", "transformers")


def _add_model_options(parser: argparse.ArgumentParser, *, batch: bool = False) -> None:
    parser.add_argument("--model", help="model id, converted-model id or folder "
                                        "(default: Helsinki-NLP/opus-mt-ar-en)")
    if batch:
        parser.add_argument("--engine", default="auto", choices=(*MT_ENGINES, "ray"),
                            help="translation engine (auto = ctranslate2 when a converted model is present, else "
                                 "transformers), or `ray` to run the whole job on Ray Data")
        parser.add_argument("--mt-engine", default="auto", choices=MT_ENGINES,
                            help="with --engine ray: the translation engine inside each Ray actor")
        parser.add_argument("--address", help="with --engine ray: address of an existing Ray cluster "
                                              "(default: a local Ray runtime)")
        parser.add_argument("--actors", type=int, default=1, help="with --engine ray: translation actors")
    else:
        parser.add_argument("--engine", default="auto", choices=MT_ENGINES,
                            help="auto = ctranslate2 when a converted model is present, else transformers")
    parser.add_argument("--device", default="cpu", help="cpu (default), cuda or auto")
    parser.add_argument("--threads", type=int, help="CPU threads for the engine")


def _add_glossary_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--glossary", action="append", type=Path, default=[], metavar="PATH",
                        help="extra glossary TSV file (repeatable); merged with the shipped glossary")
    parser.add_argument("--no-glossary", action="store_true", help="do not load or enforce any glossary")


# ----------------------------------------------------------------------------------------------------- commands
def cmd_detect(args: argparse.Namespace) -> int:
    from .langid import detect, detect_runs

    def records() -> Iterator[dict]:
        for text in read_texts(args.files, by_line=args.lines):
            if args.runs:
                yield {"text": text, "runs": [r.to_dict() for r in detect_runs(text, detector=args.detector)]}
            else:
                yield {"text": text, **_without(detect(text, detector=args.detector).to_dict(), "text")}

    emit(records(), args.format)
    return 0


def cmd_dates(args: argparse.Namespace) -> int:
    from .dates import parse_date

    def records() -> Iterator[dict]:
        for text in read_texts(args.files, by_line=args.lines):
            result = parse_date(text, context_lang=args.context_lang, day_first=args.day_first)
            yield {"text": text, **_without(result.to_dict(), "text")}

    emit(records(), args.format)
    return 0


def cmd_cite(args: argparse.Namespace) -> int:
    from .citations import parse_citations
    from .outlets import OutletRegistry

    registry = OutletRegistry.load()

    def records() -> Iterator[dict]:
        for text in read_texts(args.files, by_line=False):
            for citation in parse_citations(text, registry=registry):
                record = citation.to_dict()
                if args.news_only and record.get("kind") == "image_credit":
                    continue
                yield record

    emit(records(), args.format)
    if args.unknown_outlets:
        for unknown in registry.unknown_report():
            print(f"unknown outlet: {unknown['name']} ({unknown['count']}×)", file=sys.stderr)
    return 0


def cmd_translate(args: argparse.Namespace) -> int:
    translator = _make_translator(args)
    texts = list(read_texts(args.files, by_line=args.lines))
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


def _make_translator(args: argparse.Namespace):
    from .mt import Translator, load_engine
    from .mt.memory import TranslationMemory

    engine = load_engine(args.model, engine=args.engine, device=args.device, threads=args.threads)
    memory = None if args.no_memory else (TranslationMemory(args.memory) if args.memory else TranslationMemory())
    enforcer = None
    if not args.no_glossary:
        from .glossary import Glossary
        from .glossary.enforce import TermEnforcer

        glossary = Glossary.load(args.glossary)
        _report_glossary_problems(glossary)
        enforcer = TermEnforcer(glossary)
    return Translator(engine, memory=memory, enforcer=enforcer)


def _report_glossary_problems(glossary) -> None:
    for problem in glossary.problems:
        print(f"translator: glossary: {problem}", file=sys.stderr)


def cmd_glossary_match(args: argparse.Namespace) -> int:
    from .glossary import Glossary

    glossary = Glossary.load(args.glossary, include_default=not args.only)
    _report_glossary_problems(glossary)

    def records() -> Iterator[dict]:
        for text in read_texts(args.files, by_line=args.lines):
            yield {"text": text, "matches": [m.to_dict() for m in glossary.match(text)]}

    emit(records(), args.format)
    return 0


def cmd_glossary_check(args: argparse.Namespace) -> int:
    from .config import glossary_dirs
    from .glossary import check_glossary

    paths = args.paths or sorted(p for d in glossary_dirs() for p in d.glob("*.tsv"))
    problems = check_glossary(paths)
    emit((p.to_dict() for p in problems), args.format)
    print(f"{len(problems)} problem(s) in {len(paths)} file(s)", file=sys.stderr)
    return 1 if problems else 0


def cmd_glossary_import(args: argparse.Namespace) -> int:
    from .glossary import import_tbx, write_tsv

    entries = import_tbx(args.tbx)
    write_tsv(entries, args.out)
    print(f"wrote {len(entries)} entries to {args.out}", file=sys.stderr)
    return 0


def cmd_glossary_list(args: argparse.Namespace) -> int:
    from .glossary import Glossary

    glossary = Glossary.load(args.glossary)
    emit((e.to_dict() for e in glossary.entries if not args.type or e.type == args.type), args.format)
    print(f"{len(glossary.entries)} entries, version {glossary.version}", file=sys.stderr)
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from .corpus.pipeline import BatchOptions, run_batch

    on_ray = args.engine == "ray"
    options = BatchOptions(
        model=args.model, engine=args.mt_engine if on_ray else args.engine, device=args.device, threads=args.threads,
        translate=not args.no_translate, glossary_paths=tuple(args.glossary), use_glossary=not args.no_glossary,
        memory_path=args.memory, use_memory=not args.no_memory, workers=args.workers,
        progress=not args.quiet, report=not args.no_report, excel=args.excel,
    )
    if on_ray:
        from .corpus.ray_runner import run_batch_ray

        summary = run_batch_ray(args.input, args.out, options, address=args.address, actors=args.actors)
    else:
        if args.address or args.actors != 1:
            raise InputError("--address and --actors only apply with --engine ray")
        summary = run_batch(args.input, args.out, options)
    print(_summary_text(summary), file=sys.stderr)
    if args.format != "table":
        emit([{k: v for k, v in summary.to_dict().items() if k != "errors"}], args.format)
    return 0 if summary.ok else 1


def _summary_text(summary) -> str:
    lines = [
        f"{summary.documents} documents from {summary.files} files "
        f"({summary.processed_files} processed, {summary.unchanged_files} unchanged, {summary.failed_files} failed)",
        f"{summary.segments} segments ({summary.arabic_segments} Arabic, {summary.translated_segments} translated), "
        f"{summary.citations} citations",
        f"translation: {summary.translation.splitlines()[0]}",
        f"tables: {Path(summary.out_dir).resolve()}  ({summary.seconds:.1f} s)",
    ]
    for error in summary.errors:
        lines.append(f"  failed: {error['path']} [{error['stage']}] {error['message']}")
    return "\n".join(lines)


def cmd_report(args: argparse.Namespace) -> int:
    from .corpus.report import write_report

    path = write_report(args.out_dir, args.output)
    print(path)
    return 0


def cmd_models(args: argparse.Namespace) -> int:
    from .mt import models

    if args.action == "list":
        emit((m.to_dict() for m in models.list_models()), args.format)
        return 0
    if args.action == "pull":
        info = models.pull_model(args.model, revision=args.revision)
    elif args.action == "add":
        info = models.add_model(args.path, model_id=args.id, force=args.force)
    elif args.action == "convert":
        info = models.convert_model(args.model, quantization=args.quantization, force=args.force)
    else:
        removed = models.remove_model(args.model, kind=args.kind)
        emit((m.to_dict() for m in removed), args.format)
        print(f"removed {len(removed)} model folder(s) of {args.model}", file=sys.stderr)
        return 0
    emit([info.to_dict()], args.format)
    return 0


def cmd_notebook(args: argparse.Namespace) -> int:
    from .notebook_run import export_html, run_notebook

    if args.action == "run":
        params = dict(_parameter(p) for p in args.parameter)
        nb = run_notebook(args.notebook, parameters=params, output=args.save)
    else:
        nb = args.notebook
    html_path = args.html or Path(args.notebook).with_suffix(".html")
    print(export_html(nb, html_path))
    return 0


def _parameter(text: str) -> tuple[str, object]:
    """``key=value``: value read as JSON when it parses (numbers, null, true), else as a string."""
    key, sep, value = text.partition("=")
    if not sep or not key.isidentifier():
        raise InputError(f"parameter {text!r}: expected NAME=VALUE")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value


def _without(record: dict, *keys: str) -> dict:
    return {k: v for k, v in record.items() if k not in keys}


# ------------------------------------------------------------------------------------------------------ parser
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="translator", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"translator {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("detect", help="detect the language of texts or lines")
    _add_io(p)
    p.add_argument("--detector", default="default",
                   choices=("default", "script-aware", "lingua", "lingua-low", "langdetect"),
                   help="default = script-aware (ours); lingua, lingua-low and langdetect stay selectable")
    p.add_argument("--runs", action="store_true", help="split each item into language runs")
    p.set_defaults(func=cmd_detect)

    p = sub.add_parser("dates", help="normalize dates to ISO (YYYY-MM-DD, or YYYY-MM without a day)")
    _add_io(p)
    p.add_argument("--context-lang", help="language of the page the dates come from (ar, en, fr, ...)")
    order = p.add_mutually_exclusive_group()
    order.add_argument("--day-first", dest="day_first", action="store_true", default=None,
                       help="read 01/03/2026 as 1 March")
    order.add_argument("--month-first", dest="day_first", action="store_false",
                       help="read 6/8/2019 as June 8 (US sites)")
    p.set_defaults(func=cmd_dates)

    p = sub.add_parser("cite", help="find citations in texts and normalize their fields")
    _add_io(p, lines=False)
    p.add_argument("--news-only", action="store_true", help="leave out image credits")
    p.add_argument("--unknown-outlets", action="store_true", help="list outlets not in the registry on stderr")
    p.set_defaults(func=cmd_cite)

    p = sub.add_parser("translate", help="translate Arabic text to English")
    _add_io(p)
    _add_model_options(p)
    _add_glossary_options(p)
    p.add_argument("--memory", type=Path, help="translation memory file (default: in TRANSLATOR_HOME)")
    p.add_argument("--no-memory", action="store_true", help="neither read nor write the translation memory")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_translate)

    p = sub.add_parser("glossary", help="match, check, import or list glossary terms")
    gsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    g = gsub.add_parser("match", help="find glossary terms in texts (Arabic-aware)")
    _add_io(g)
    g.add_argument("--glossary", action="append", type=Path, default=[], metavar="PATH")
    g.add_argument("--only", action="store_true", help="use only the --glossary files, not the shipped glossary")
    g.set_defaults(func=cmd_glossary_match)
    g = gsub.add_parser("check", help="validate glossary files (default: the shipped glossary)")
    g.add_argument("paths", nargs="*", type=Path)
    g.add_argument("--format", choices=FORMATS, default="table")
    g.set_defaults(func=cmd_glossary_check)
    g = gsub.add_parser("import", help="convert a TBX termbase to a glossary TSV file")
    g.add_argument("tbx", type=Path)
    g.add_argument("--out", type=Path, required=True)
    g.set_defaults(func=cmd_glossary_import)
    g = gsub.add_parser("list", help="list glossary entries")
    g.add_argument("--glossary", action="append", type=Path, default=[], metavar="PATH")
    g.add_argument("--type", help="only entries of this type (person, place, org, outlet, term)")
    g.add_argument("--format", choices=FORMATS, default="table")
    g.set_defaults(func=cmd_glossary_list)

    p = sub.add_parser("batch", help="run the whole pipeline over a corpus folder")
    p.add_argument("input", type=Path, help="corpus folder (or one file)")
    p.add_argument("--out", type=Path, required=True, help="output folder for tables and report")
    _add_model_options(p, batch=True)
    _add_glossary_options(p)
    p.add_argument("--no-translate", action="store_true", help="skip machine translation")
    p.add_argument("--memory", type=Path, help="translation memory file (default: in TRANSLATOR_HOME)")
    p.add_argument("--no-memory", action="store_true")
    p.add_argument("--workers", type=int, default=1, help="processes for reading and analysis (default 1)")
    p.add_argument("--excel", action="store_true", help="also write tables.xlsx")
    p.add_argument("--no-report", action="store_true", help="do not write report.html")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.add_argument("--format", choices=FORMATS, default="table", help="format of the run summary on stdout")
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("report", help="(re)write the HTML report of a batch output folder")
    p.add_argument("out_dir", type=Path)
    p.add_argument("--output", type=Path, help="where to write (default: OUT_DIR/report.html)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("notebook", help="run a notebook with parameters and/or export it to HTML")
    nsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    n = nsub.add_parser("run", help="execute a notebook (papermill-style parameters) and export it to HTML")
    n.add_argument("notebook", type=Path)
    n.add_argument("-p", "--parameter", action="append", default=[], metavar="NAME=VALUE")
    n.add_argument("--save", type=Path, help="also save the executed notebook here")
    n.add_argument("--html", type=Path, help="HTML output (default: next to the notebook)")
    n = nsub.add_parser("export", help="export a notebook to offline, right-to-left-aware HTML")
    n.add_argument("notebook", type=Path)
    n.add_argument("--html", type=Path, help="HTML output (default: next to the notebook)")
    p.set_defaults(func=cmd_notebook)

    p = sub.add_parser("models", help="list, pull, add, convert or remove translation models")
    msub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    m = msub.add_parser("list", help="models available offline")
    m.add_argument("--format", choices=FORMATS, default="table")
    m = msub.add_parser("pull", help="download a model from the Hugging Face hub (needs network)")
    m.add_argument("model", nargs="?", default=None)
    m.add_argument("--revision")
    m = msub.add_parser("add", help="register a model folder brought by hand")
    m.add_argument("path", type=Path)
    m.add_argument("--id", help="model id to register it under (default: from its config or folder name)")
    m.add_argument("--force", action="store_true", help="replace a model already registered under that id")
    m = msub.add_parser("convert", help="convert a MarianMT model for the fast CTranslate2 engine")
    m.add_argument("model", nargs="?", default=None)
    m.add_argument("--quantization", default="int8", help="int8 (default, CPU), float16 (GPU), float32, ...")
    m.add_argument("--force", action="store_true")
    m = msub.add_parser("remove", help="remove an added, pulled or converted model")
    m.add_argument("model")
    m.add_argument("--kind", choices=("marian", "ct2"), help="only the MarianMT or only the converted copies")
    for m in msub.choices.values():
        if "--format" not in m._option_string_actions:
            m.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_models)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.func
    try:
        return handler(args)
    except TranslatorError as exc:
        print(f"translator: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("translator: interrupted; finished documents are kept, re-run to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

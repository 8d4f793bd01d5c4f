"""``translator batch``: the whole pipeline over a corpus folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ._common import FORMATS, add_glossary_options, add_model_options, emit

__all__ = ["add_parser", "run", "runner_and_engine", "summary_text"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="run the whole pipeline over a corpus folder")
    p.add_argument("input", type=Path, help="corpus folder (or one file)")
    p.add_argument("--out", type=Path, required=True, help="output folder for tables and report")
    add_model_options(p, batch=True)
    add_glossary_options(p)
    p.add_argument("--no-translate", action="store_true", help="skip machine translation")
    p.add_argument("--memory", type=Path, help="translation memory file (default: in TRANSLATOR_HOME)")
    p.add_argument("--no-memory", action="store_true")
    p.add_argument("--workers", type=int, default=1, help="processes for reading and analysis (default 1)")
    p.add_argument("--max-file-mb", type=float, default=50.0,
                   help="a larger file is reported in errors instead of read (default 50; 0 = no limit)")
    p.add_argument("--max-file-seconds", type=float, default=120.0,
                   help="a file whose reading and analysis use more processor time (CPU seconds of the thread "
                        "doing it; a busy machine does not count) is reported in errors and left out "
                        "(default 120; 0 = no limit)")
    p.add_argument("--max-record-mb", type=float, default=10.0,
                   help="a longer JSON-lines record (one line) is left out, a row of errors naming it, the other "
                        "records kept (default 10; 0 = no limit)")
    p.add_argument("--excel", action="store_true", help="also write tables.xlsx")
    p.add_argument("--no-report", action="store_true", help="do not write report.html")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.add_argument("--format", choices=FORMATS, default="table", help="format of the run summary on stdout")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..corpus.run import BatchOptions, run_batch

    runner, engine = runner_and_engine(args)
    on_ray = runner == "ray"
    options = BatchOptions(
        model=args.model, engine=engine, device=args.device, threads=args.threads,
        translate=not args.no_translate, glossary_paths=tuple(args.glossary), use_glossary=not args.no_glossary,
        memory_path=args.memory, use_memory=not args.no_memory, workers=args.workers,
        progress=not args.quiet, report=not args.no_report, excel=args.excel, max_file_mb=args.max_file_mb,
        max_file_seconds=args.max_file_seconds, max_record_mb=args.max_record_mb,
    )
    if not on_ray and (args.address or args.actors != 1):
        raise InputError("--address and --actors only apply with --runner ray")
    summary = run_batch(args.input, args.out, options, executor=runner, address=args.address, actors=args.actors)
    print(summary_text(summary), file=sys.stderr)
    if args.format != "table":
        emit([{k: v for k, v in summary.to_dict().items() if k != "errors"}], args.format)
    return 0 if summary.ok else 1


def runner_and_engine(args: argparse.Namespace) -> tuple[str, str]:
    """(where the batch runs, the MT engine): ``--runner`` and ``--engine``; the old ``--engine ray`` (with
    ``--mt-engine``) still works and says, on one line, what to write instead."""
    if args.engine != "ray":
        return args.runner, args.mt_engine or args.engine
    engine = args.mt_engine or "auto"
    instead = "--runner ray" + ("" if engine == "auto" else f" --engine {engine}")
    print(f"translator: --engine ray is deprecated: write {instead} (--engine names the translation engine)",
          file=sys.stderr)
    return "ray", engine


def _count(number: int, noun: str) -> str:
    """``1 document``, ``16 documents`` (``1 documents from 1 files`` for a batch of one file)."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def summary_text(summary) -> str:
    """The run summary a person reads on stderr: counts, translation state, where the tables are, failures."""
    from ..corpus.statuses import status_counts

    lines = [
        f"{_count(summary.documents, 'document')} from {_count(summary.files, 'file')} "
        f"({summary.processed_files} processed, {summary.unchanged_files} unchanged, {summary.failed_files} failed)"
        + (f"; {_count(summary.skipped_records, 'record')} left out (see errors)"
           if getattr(summary, "skipped_records", 0) else ""),
        # "machine-translated": every segment with a machine translation, whatever its status below (new-user
        # trial 6, F14: "43 translated" then "translation status: 13 translated" read as a contradiction)
        f"{_count(summary.segments, 'segment')} ({summary.arabic_segments} Arabic, "
        f"{summary.translated_segments} machine-translated"
        + (f", {summary.retried_segments} retried by the guard" if summary.retried_segments else "") + "), "
        f"{_count(summary.citations, 'citation')}",
        *([f"translation status: {status_counts(summary.statuses)}"] if summary.statuses else []),
        f"translation: {summary.translation_state}",
        f"tables: {Path(summary.out_dir).resolve()}  ({summary.seconds:.1f} s)",
    ]
    written = summary.tables
    names = [n for n in ("documents", "segments", "citations", "errors", "glossary_candidates") if n in written]
    if names:
        lines.append(f"  {', '.join(names)} (.parquet and .csv)")
    for key, label in (("report", "report"), ("excel", "excel")):
        if written.get(key):
            lines.append(f"{label}: {Path(written[key]).resolve()}")
    for error in summary.errors:
        if error.get("scope") == "record":  # one record left out of a file that was read (issue #13)
            lines.append(f"  record left out: {error['path']} #{error.get('record')} [{error['error']}] "
                         f"{error['message']}")
        else:
            lines.append(f"  failed: {error['path']} [{error['stage']}] {error['message']}")
    return "\n".join(lines)

"""``translator review export|import``: batch output to XLIFF/TMX for a CAT tool, and the edits back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="export segments for review (XLIFF/TMX) and import the reviewed file")
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="write the segments of a batch output folder for review")
    export.add_argument("out_dir", type=Path, help="a `translator batch` output folder")
    export.add_argument("--format", choices=("xliff", "xliff2", "tmx"), default="xliff",
                        help="xliff: every Arabic segment (XLIFF 1.2); xliff2: the same as XLIFF 2.0 (without the "
                             "fuzzy matches); tmx: the approved translations (TMX 1.4b)")
    export.add_argument("--output", type=Path, required=True, help="the file to write")
    export.add_argument("--threshold", type=float, default=None,
                        help="lowest fuzzy match score offered as alt-trans, 0-100 (default 75)")
    _memory_option(export)
    importing = actions.add_parser("import", help="store a reviewed XLIFF or TMX file in the translation memory")
    importing.add_argument("out_dir", type=Path, help="the batch output folder the file was exported from")
    importing.add_argument("file", type=Path, help="the reviewed .xlf/.xliff/.sdlxliff (XLIFF 1.2 or 2.x) or .tmx file")
    importing.add_argument("--translator", default="", help="who reviewed it, when the file does not say")
    _memory_option(importing)
    p.set_defaults(func=run)


def _memory_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--memory", type=Path, help="translation memory file (default: in TRANSLATOR_HOME)")


def run(args: argparse.Namespace) -> int:
    from ..mt.memory import TranslationMemory
    from ..review import export_review, import_review
    from ._common import batch_folder, existing_file

    batch_folder(args.out_dir)
    if args.action == "import":
        existing_file(args.file)
    with TranslationMemory(args.memory) as memory:
        if args.action == "export":
            count = export_review(args.out_dir, args.output, fmt=args.format, memory=memory,
                                  fuzzy_threshold=args.threshold)
            print(f"translator: wrote {count} unit{'' if count == 1 else 's'} to {args.output}", file=sys.stderr)
            if count == 0 and args.format == "tmx":  # an empty file alone does not say why
                print("translator: no approved (final) translation of this run's segments in the memory "
                      f"({memory.path}) yet: approve some in the review widget, or import a reviewed XLIFF with "
                      "`translator review import`", file=sys.stderr)
            return 0
        report = import_review(args.out_dir, args.file, memory, translator=args.translator)
    if report.read == 0:  # the file as exported: "run batch again to see them" would promise what is not there
        print(f"translator: {args.file}: no reviewed translation in it (no unit edited, confirmed or approved: "
              "every target still a machine suggestion); nothing was added to the memory. Edit or approve units "
              "in your CAT tool (state translated or final) and import the file again.", file=sys.stderr)
        return 0
    print(f"translator: {args.file}: {report.read} reviewed translations read; {report.added} new, "
          f"{report.raised} approved since, {report.unchanged} already in the memory ({memory.path}). "
          "Run `translator batch` again to see them with status human.", file=sys.stderr)
    return 0

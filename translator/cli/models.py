"""``translator models list|pull|add|convert|remove``: translation models kept offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._common import FORMATS, emit

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
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
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..mt import models

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

"""``translator models list|pull|add|convert|remove|default``: translation models kept offline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ._common import FORMATS, emit

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("models", help="list, pull, add, convert or remove translation models; set the default")
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
    m = msub.add_parser("default", help="show or set the model used when no --model is given")
    m.add_argument("model", nargs="?", default=None,
                   help="an installed model id (see `models list`) or a model folder; omit to show the current one")
    m.add_argument("--unset", action="store_true", help="go back to the built-in default")
    for m in msub.choices.values():
        if "--format" not in m._option_string_actions:
            m.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=run)


#: what ``models list --format table`` shows first: the README's "id, kind, revision, size on disk and path"
#: (the size was among the columns left out at 120 characters: new-user trial 6, F21); jsonl/csv keep the order
TABLE_FIRST = ("default", "id", "kind", "revision", "size_bytes", "path")


def _table_order(row: dict) -> dict:
    return {**{key: row[key] for key in TABLE_FIRST if key in row}, **row}


def run(args: argparse.Namespace) -> int:
    from ..mt import models

    if args.action == "list":
        default = models.default_model()
        found = models.list_models()
        rows = ({"default": _is_default(m, default), **m.to_dict()} for m in found)
        emit(map(_table_order, rows) if args.format == "table" else rows, args.format)
        if not found:
            print("translator: no translation model installed yet: `translator models pull` (needs network) or "
                  "`translator models add PATH --id Helsinki-NLP/opus-mt-ar-en` (a copy brought by hand)",
                  file=sys.stderr)
        return 0
    if args.action == "default":
        return _default(args, models)
    if args.action == "pull":
        if args.model is None:
            _check_default_is_on_the_hub(models)
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


def _check_default_is_on_the_hub(models) -> None:  # type: ignore[no-untyped-def]
    """``models pull`` without an id downloads the default model; when that default is a copy added by hand
    (``models add``: revision ``local-…``) or a folder, there is nothing to pull from the hub: say so and which
    id to name, instead of a "not found on the hub" error (fourth new-user trial, finding 7)."""
    from .. import config

    default = models.default_model()
    if default == config.DEFAULT_MODEL:
        return
    if Path(default).is_dir():
        local = True
    else:
        installed = [m for m in models.list_models() if m.id == default]
        local = bool(installed) and all(m.origin in ("registry", "path") and str(m.revision).startswith("local-")
                                        for m in installed)
    if local:
        raise InputError(f"the default model {default!r} is a copy added by hand (`translator models default` "
                         f"set it), not a Hugging Face Hub model: there is nothing to pull. Name the hub model "
                         f"to download, e.g. `translator models pull {config.DEFAULT_MODEL}`.")


def _is_default(info, default: str) -> bool:
    return default in (info.id, str(info.path))


def _default(args: argparse.Namespace, models) -> int:  # type: ignore[no-untyped-def]
    if args.unset and args.model:
        raise InputError("give a model id or --unset, not both")
    if args.unset:
        models.set_default_model(None)
    elif args.model:
        models.set_default_model(args.model)
    default = models.default_model()
    installed = any(_is_default(m, default) for m in models.list_models())
    emit([{"default_model": default, "set_in": models.default_model_source(), "installed": installed}], args.format)
    if not installed:
        print(f"translator: {default} is not installed: `translator models pull {default}` (online) or "
              f"`translator models add PATH --id {default}`", file=sys.stderr)
    return 0

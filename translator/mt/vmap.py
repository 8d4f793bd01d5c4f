"""A vocabulary shortlist for CTranslate2 (``use_vmap``): decode over the target pieces the source warrants.

The output projection of opus-mt-ar-en is 62,834 entries wide; most of them can never follow a given
source sentence. CTranslate2 reads ``vmap.txt`` from the model folder (the converter's ``--vocab_mapping``
copies the file there; ``translate_batch(..., use_vmap=True)`` switches it on) and restricts each batch's
output layer to the union of the candidates of the batch's source n-grams, plus the candidates listed under
the empty n-gram, which are always allowed, plus ``<unk>``, ``<s>`` and ``</s>``. Format, one rule a line::

    <source piece> [<source piece> ...] \\t <target piece> <target piece> ...

This module builds the map from aligned data (Arabic/English sentence pairs): every source piece maps to
the target pieces seen in the translations of the sentences it occurs in (sentence-level co-occurrence, kept
when seen at least ``min_count`` times or in a sentence of its own), the most frequent target pieces are
always allowed, and so are the pieces of every glossary target, so an enforced term can always be written.

Greedy decoding is unchanged wherever the shortlist holds the piece the full model would pick (the arg-max
over a subset that contains the overall arg-max is the same piece); scores and beam search may differ.
The shortlist is off by default (``CT2Engine(use_vmap=True)``): its quality must be checked on a real model.
Source: CTranslate2 docs, "Dynamic vocabulary reduction" (vocabulary_map.cc in the CTranslate2 sources).
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from translator.atomic import atomic_write_text
from translator.errors import InputError
from translator.mt.normalize import fold_keyboard_letters, normalize_for_mt

__all__ = ["build_vmap", "install_vmap", "read_pairs_tsv", "vmap_from_tsv", "write_vmap"]

VMAP_FILE = "vmap.txt"


def build_vmap(pairs: Iterable[tuple[str, str]], source_spm: Path | str, target_spm: Path | str, *,
               glossary_targets: Iterable[str] = (), always: int = 300, min_count: int = 1,
               max_candidates: int = 200) -> dict[str, list[str]]:
    """The vocabulary map of ``pairs`` (Arabic source, English target): ``{source piece: [target pieces]}``.

    The key ``""`` holds the pieces always allowed: the ``always`` most frequent target pieces and every piece
    of ``glossary_targets``. Each source piece keeps at most ``max_candidates`` targets (the most frequent in
    its sentences) seen at least ``min_count`` times. ``source_spm``/``target_spm`` are the model folder's
    sentencepiece models (``source.spm``/``target.spm``). Raises :class:`InputError` when no pair is usable.
    """
    import sentencepiece as spm

    source = spm.SentencePieceProcessor(model_file=str(source_spm))
    target = spm.SentencePieceProcessor(model_file=str(target_spm))
    together: dict[str, Counter[str]] = defaultdict(Counter)
    frequency: Counter[str] = Counter()
    used = 0
    for arabic, english in pairs:
        if not arabic.strip() or not english.strip():
            continue
        used += 1
        src = set(source.encode(fold_keyboard_letters(normalize_for_mt(arabic)), out_type=str))
        tgt = target.encode(english, out_type=str)
        frequency.update(tgt)
        for piece in src:
            together[piece].update(set(tgt))
    if not used:
        raise InputError("build_vmap needs at least one Arabic/English pair with text on both sides.")
    rules = {"": sorted({p for p, _ in frequency.most_common(always)}
                        | {p for t in glossary_targets if t.strip() for p in target.encode(t, out_type=str)})}
    for piece, counts in together.items():
        kept = [p for p, n in counts.most_common(max_candidates) if n >= min_count]
        if kept:
            rules[piece] = sorted(kept)
    return rules


def write_vmap(rules: dict[str, list[str]], path: Path | str) -> Path:
    """Write ``rules`` in CTranslate2's vmap format, atomically (temp file + rename, honouring the umask)."""
    path = Path(path)
    lines = [f"{src}\t{' '.join(tgts)}\n" for src, tgts in rules.items()
             if tgts and "\t" not in src and " " not in src]
    atomic_write_text(path, "".join(lines))
    return path


def install_vmap(rules: dict[str, list[str]], model_dir: Path | str) -> Path:
    """Write ``rules`` as ``vmap.txt`` into a CTranslate2 model folder, where ``use_vmap=True`` reads it."""
    model_dir = Path(model_dir)
    if not (model_dir / "model.bin").is_file():
        raise InputError(f"{model_dir} is not a CTranslate2 model folder (no model.bin).")
    return write_vmap(rules, model_dir / VMAP_FILE)


def read_pairs_tsv(path: Path | str) -> list[tuple[str, str]]:
    """(Arabic, English) pairs from a parallel TSV with an ``arabic`` and an ``english`` column (or, without
    that header, the first two columns); ``#`` lines are comments. Raises :class:`InputError` when unreadable."""
    import csv

    from ..corpus.decode import decode_table  # a byte-order mark (Excel) is no part of the header; an "ANSI"
    # file saved on an Arabic Windows is windows-1256
    try:
        text, note = decode_table(Path(path).read_bytes(), name=str(path))
    except OSError as exc:
        raise InputError(f"Cannot read the parallel file {path}: {exc}.") from exc
    if note:
        logging.getLogger("translator").warning(note)
    rows = [r for r in csv.reader((line for line in text.splitlines() if not line.startswith("#")),
                                  delimiter="\t", quoting=csv.QUOTE_NONE) if r]
    if rows and {"arabic", "english"} <= {c.strip().lower() for c in rows[0]}:
        header = [c.strip().lower() for c in rows[0]]
        a, e = header.index("arabic"), header.index("english")
        rows = rows[1:]
    else:
        a, e = 0, 1
    return [(r[a], r[e]) for r in rows if len(r) > max(a, e)]


def vmap_from_tsv(tsv: Path | str, model_dir: Path | str, *, glossary: Iterable[object] | None = None,
                  **options: int) -> Path:
    """Build ``vmap.txt`` for the CTranslate2 model in ``model_dir`` from a parallel TSV plus the targets of
    ``glossary`` (a :class:`~translator.glossary.Glossary` or any iterable of entries with ``targets``).
    ``options`` go to :func:`build_vmap`. Returns the path written."""
    model_dir = Path(model_dir)
    targets: list[str] = []
    for entry in glossary or ():
        targets += list(getattr(entry, "targets", None) or [getattr(entry, "target", "")])
    rules = build_vmap(read_pairs_tsv(tsv), model_dir / "source.spm", model_dir / "target.spm",
                       glossary_targets=targets, **options)
    return install_vmap(rules, model_dir)

"""Read, check and write glossary TSV files.

The format is plain TSV (IANA text/tab-separated-values: no quoting, fields cannot hold tabs or line
breaks), UTF-8, one header row naming the columns, ``#`` lines are comments. Columns: ``source`` (Arabic),
``target`` (English), ``type`` (person, place, org, outlet, term), ``variants`` (other Arabic spellings,
``|``-separated), ``note``; optional ``target_variants`` (other accepted English renderings), ``flags``
(see ``entry.FLAGS``) and ``banned`` (known wrong English renderings, kept out of translations).

A bad row never stops a run: it is reported as a :class:`GlossaryProblem` (with file and line) and skipped.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from ..atomic import atomic_write_text
from ..text.arabic import fold
from .entry import FLAGS, TYPES, GlossaryEntry, GlossaryProblem

__all__ = ["COLUMNS", "REQUIRED", "check_glossary", "merge", "read_tsv", "variant_problems", "write_tsv"]

COLUMNS = ("source", "target", "type", "variants", "note", "target_variants", "flags", "banned")
REQUIRED = ("source", "target", "type")


def read_tsv(path: str | Path) -> tuple[list[GlossaryEntry], list[GlossaryProblem]]:
    """Entries of one glossary file and the problems found in it (bad rows are skipped, not raised)."""
    path = Path(path)
    problems: list[GlossaryProblem] = []
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [GlossaryProblem(str(path), 0, "unreadable", f"cannot read the file ({exc.strerror}); "
                                    "check the path and permissions")]
    data = data.removeprefix(b"\xef\xbb\xbf")
    if _not_utf8(data):  # saved as "ANSI" on an Arabic Windows (windows-1256), or as UTF-16: read as it is
        from ..corpus.decode import decode_table
        from ..errors import InputError

        try:
            text, note = decode_table(data, name=str(path))
        except InputError:
            text, note = "", None
        if note and "read as" in note:
            data = text.encode("utf-8")
            problems.append(GlossaryProblem(str(path), 0, "encoding", note, "warning"))
    header: list[str] | None = None
    entries: list[GlossaryEntry] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8").rstrip("\r")
        except UnicodeDecodeError as exc:
            problems.append(GlossaryProblem(str(path), number, "encoding",
                                            f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8"))
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = [f.strip().lower() for f in fields]
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                problems.append(GlossaryProblem(str(path), number, "header",
                                                f"header lacks {', '.join(missing)}; the first row must name "
                                                f"the columns ({chr(9).join(COLUMNS[:5])})"))
                return [], problems
            unknown = [c for c in header if c not in COLUMNS]
            if unknown:
                problems.append(GlossaryProblem(str(path), number, "columns",
                                                f"unknown column(s) {', '.join(unknown)} ignored", "warning"))
            continue
        row, quoted = _unquoted(dict(zip(header, fields, strict=False)))
        if quoted:
            problems.append(GlossaryProblem(str(path), number, "quotes",
                                            f"quotes around {', '.join(quoted)} removed; a TSV field needs none",
                                            "warning"))
        entry, problem = _parse_row(row, len(fields) > len(header), str(path), number)
        if problem is not None:
            problems.append(problem)
        if entry is not None:
            entries.append(entry)
    if header is None:
        problems.append(GlossaryProblem(str(path), 0, "header", "the file has no header row; the first "
                                        f"row must name the columns ({chr(9).join(COLUMNS[:5])})"))
    return entries, problems


#: opening quote → its closing quotes: typographic (“…”, „…“, ‘…’), straight ("…", '…'), guillemets («…», »…«)
_QUOTES = {"\u201c": "\u201d\u201c", "\u201e": "\u201c\u201d", "\u2018": "\u2019", '"': '"', "'": "'",
           "\u00ab": "\u00bb", "\u00bb": "\u00ab"}
#: the columns whose values are matched or written into translations (a note may quote what it likes)
_QUOTABLE = ("source", "target", "type", "variants", "target_variants", "flags", "banned")


def _strip_quotes(value: str) -> str:
    """``value`` without quotes that enclose it whole (``“الجزائر”`` → ``الجزائر``), pair after pair."""
    value = value.strip()
    while len(value) >= 2 and value[0] in _QUOTES and value[-1] in _QUOTES[value[0]]:
        value = value[1:-1].strip()
    return value


def _unquoted(row: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """A row with the quotes that enclose a field, or one ``|``-separated item of it, removed (a spreadsheet's
    CSV export writes ``"الجزائر"``, a word processor ``«الجزائر»``), and the names of the columns that had them."""
    quoted = []
    for column in _QUOTABLE:
        value = row.get(column)
        if not value:
            continue
        items = value.split("|")
        stripped = "|".join(_strip_quotes(item) for item in items)
        if stripped != "|".join(item.strip() for item in items):
            row[column] = stripped
            quoted.append(column)
    return row, quoted


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _parse_row(row: dict[str, str], too_many: bool, path: str,
               number: int) -> tuple[GlossaryEntry | None, GlossaryProblem | None]:
    source, target = row.get("source", "").strip(), row.get("target", "").strip()
    kind = row.get("type", "").strip().lower()
    empty = [c for c in REQUIRED if not row.get(c, "").strip()]
    if empty:
        return None, GlossaryProblem(path, number, "empty", f"empty {', '.join(empty)}; fill it in or delete "
                                     "the row")
    if kind not in TYPES:
        return None, GlossaryProblem(path, number, "type", f"type {kind!r} is not one of {', '.join(TYPES)}")
    if not fold(source).strip():
        return None, GlossaryProblem(path, number, "empty", f"source {source!r} has no letters")
    flags = _split(row.get("flags", ""))
    entry = GlossaryEntry(source, target, kind, _split(row.get("variants", "")), row.get("note", "").strip(),
                          _split(row.get("target_variants", "")), path, number, flags,
                          _split(row.get("banned", "")))
    unknown = [f for f in flags if f not in FLAGS]
    if unknown:
        return entry, GlossaryProblem(path, number, "flags", f"unknown flag(s) {', '.join(unknown)} ignored "
                                      f"(known: {', '.join(FLAGS)})", "warning")
    if too_many:
        return entry, GlossaryProblem(path, number, "columns", "more fields than header columns; the extra "
                                      "ones are ignored (a tab inside a field?)", "warning")
    return entry, None


def merge(groups: Iterable[Sequence[GlossaryEntry]],
          silent: Collection[int] = ()) -> tuple[list[GlossaryEntry], list[GlossaryProblem]]:
    """Merge entry lists (one per file, in priority order: later files override earlier ones).

    Within one file a repeated source is a ``duplicate`` (same target) or a ``conflict`` (another target):
    the first row is kept. Across files, a later file's row replaces an earlier one with another target
    (``override``, a warning): that is how a user's own ``--glossary`` file corrects the shipped one.
    Sources are compared in their matching form, so الإفريقي and الأفريقي are the same source.
    Entries of the groups numbered in ``silent`` are overridden without a warning (the outlet registry,
    which the shipped glossary refines: الشرق الأوسط is the Middle East before it is a newspaper).
    """
    kept: dict[str, GlossaryEntry] = {}
    origin: dict[str, int] = {}
    problems: list[GlossaryProblem] = []
    for number, group in enumerate(groups):
        seen_here: dict[str, GlossaryEntry] = {}
        for entry in group:
            key = fold(entry.source)
            first = seen_here.get(key)
            if first is not None:
                same = first.target == entry.target
                problems.append(GlossaryProblem(
                    entry.file, entry.line, "duplicate" if same else "conflict",
                    f"{entry.source!r} already at line {first.line}"
                    + ("" if same else f" with target {first.target!r}, not {entry.target!r}; keep one")))
                continue
            seen_here[key] = entry
            earlier = kept.get(key)
            if earlier is not None and earlier.target != entry.target and origin[key] not in silent:
                problems.append(GlossaryProblem(
                    entry.file, entry.line, "override",
                    f"{entry.source!r} → {entry.target!r} replaces {earlier.target!r} from "
                    f"{earlier.file}:{earlier.line}", "warning"))
            kept.pop(key, None)
            kept[key] = entry
            origin[key] = number
    return list(kept.values()), problems


def variant_problems(entries: Sequence[GlossaryEntry]) -> list[GlossaryProblem]:
    """Spellings (sources or variants) that name two entries with different targets."""
    owner: dict[str, GlossaryEntry] = {}
    problems: list[GlossaryProblem] = []
    for entry in entries:
        for spelling in dict.fromkeys((entry.source, *entry.variants)):
            key = fold(spelling)
            other = owner.setdefault(key, entry)
            if other is not entry and other.target != entry.target:
                problems.append(GlossaryProblem(
                    entry.file, entry.line, "ambiguous",
                    f"spelling {spelling!r} also names {other.source!r} → {other.target!r} "
                    f"({other.file}:{other.line}); the later row wins when matching", "warning"))
    return problems


def check_glossary(paths: Iterable[str | Path]) -> list[GlossaryProblem]:
    """Every problem in the given glossary files, as one merged glossary would see them."""
    problems: list[GlossaryProblem] = []
    groups = []
    for path in paths:
        entries, found = read_tsv(path)
        problems.extend(found)
        groups.append(entries)
    merged, merge_problems = merge(groups)
    return problems + merge_problems + variant_problems(merged)


def _clean(value: str) -> str:
    return " ".join(value.split())


def write_tsv(entries: Iterable[GlossaryEntry], path: str | Path) -> Path:
    """Write entries as a glossary TSV, atomically (a temporary file beside ``path``, then a rename)."""
    path = Path(path)
    rows = ["\t".join(COLUMNS)]
    for e in entries:
        fields = (e.source, e.target, e.type, "|".join(e.variants), e.note, "|".join(e.target_variants),
                  "|".join(e.flags), "|".join(e.banned))
        rows.append("\t".join(_clean(f) for f in fields))
    return atomic_write_text(path, "\n".join(rows) + "\n")


def _not_utf8(data: bytes) -> bool:
    """Whether ``data`` is not UTF-8 text: invalid as UTF-8, or with NUL bytes (UTF-16 without a byte-order mark
    is valid UTF-8 when its text is Arabic and ASCII, a NUL between every two letters; errepi/ude#5)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return b"\x00" in data

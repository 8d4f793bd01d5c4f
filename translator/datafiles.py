"""Read the package's tab-separated data files (``translator/data/*.tsv``) and test tables the same way, and
declare what each data file holds (:data:`SCHEMAS`: columns, allowed values, keys), so that a bad row is
reported once, as a :class:`~translator.errors.DataFileError` naming the file and the line.

The format, for translators who extend the files: UTF-8, one row per line, cells separated by tabs, no
quoting (a ``"`` is an ordinary character). Lines starting with ``#`` are comments and blank lines are
ignored; the first remaining line is the header naming the columns. A row with fewer cells than the
header lacks the trailing columns (``row.get(col)`` is ``None``); cells beyond the header are ignored.
"""

from __future__ import annotations

import codecs
import csv
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import DataFileError

__all__ = ["BYTE_ORDER_MARKS", "DATA_DIR", "SCHEMAS", "Column", "Schema", "data_path", "read_tsv", "read_tsv_numbered",
           "validate_rows"]

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(path_or_name: str | Path) -> Path:
    """Where a data file lives: a bare file name (a ``str`` without folders) is in ``translator/data``."""
    if isinstance(path_or_name, str) and Path(path_or_name).name == path_or_name:
        return DATA_DIR / path_or_name
    return Path(path_or_name)


#: byte-order marks and the codec each selects, UTF-32's before UTF-16's (FF FE 00 00 starts with FF FE); the corpus
#: decoder (corpus/decode.py) reads by the same table
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
                    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _text(data: bytes, path: Path) -> str:
    """A data file's text: UTF-8 (a byte-order mark, as Excel and Notepad write it, skipped), or UTF-16 or UTF-32
    (Excel's and Notepad's "Unicode" saves: by its byte-order mark, or UTF-16 without one by its NUL bytes), read
    with a warning logged. Raises :class:`DataFileError` saying to save it as UTF-8 for anything else."""
    encoding = next((name for bom, name in BYTE_ORDER_MARKS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in data:  # the NUL of each ASCII character: after it (LE) or before it (BE)
        encoding = "utf-16-le" if data[1::2].count(0) >= data[::2].count(0) else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DataFileError(path, 0, f"Cannot read it as {encoding.upper()} (byte {exc.start}): save it as UTF-8 "
                                     "text, tab-separated") from exc
    if encoding.startswith(("utf-16", "utf-32")):
        logging.getLogger("translator").warning("%s: read as %s; save it as UTF-8 to be sure", path, encoding)
    return text


def read_tsv_numbered(path_or_name: str | Path, *, strip: bool = False,
                      fieldnames: Sequence[str] | None = None) -> list[tuple[int, dict[str, str]]]:
    """``(line number, row)`` pairs of a data file, the line number 1-based as an editor shows it.

    ``strip`` strips every cell (not the header). ``fieldnames`` names the columns of a file without a
    header line; then every non-comment line is a row. A file with a declared schema (:data:`SCHEMAS`, by
    file name) is checked against it. Raises :class:`DataFileError` (file, line) for an unreadable file or
    a row its schema refuses.
    """
    path = data_path(path_or_name)
    try:
        text = _text(path.read_bytes(), path)
    except OSError as exc:
        raise DataFileError(path, 0, f"Cannot read it: {exc}. Reinstall the package; the file ships with it") \
            from exc
    kept = [(number, line) for number, line in enumerate(text.split("\n"), start=1)
            if line.strip() and not line.startswith("#")]
    records = csv.reader((line for _, line in kept), delimiter="\t", quoting=csv.QUOTE_NONE)
    numbered = list(zip((number for number, _ in kept), records, strict=True))
    if fieldnames is None:
        if not numbered:
            return []
        header, numbered = numbered[0][1], numbered[1:]
    else:
        header = list(fieldnames)
    rows = [(number, dict(zip(header, (c.strip() for c in cells) if strip else cells, strict=False)))
            for number, cells in numbered]
    schema = SCHEMAS.get(path.name)
    if schema is not None and fieldnames is None:
        validate_rows(path, header, rows, schema)
    return rows


def read_tsv(path_or_name: str | Path, *, strip: bool = False,
             fieldnames: Sequence[str] | None = None) -> list[dict[str, str]]:
    """Rows of a data file as ``{column: cell}`` dicts, in file order (see the module docstring).

    Raises :class:`DataFileError` as :func:`read_tsv_numbered`."""
    return [row for _, row in read_tsv_numbered(path_or_name, strip=strip, fieldnames=fieldnames)]


# --------------------------------------------------------------------------- schemas
CODEPOINT = r"U\+[0-9A-F]{4,6}"
INTEGER = r"-?[0-9]+"
NUMBER = r"-?[0-9]+(?:\.[0-9]+)?"
LANG = r"[a-z]{2,3}"
SCRIPT = r"[A-Z][a-z]{3}"
YES_NO = frozenset({"yes", "no"})


@dataclass(frozen=True)
class Column:
    """One declared column: ``allowed`` is a regular expression a cell must match whole, or a set of values;
    ``required`` cells may not be empty; ``many`` cells hold space-separated values, each checked."""

    name: str
    allowed: str | frozenset[str] | None = None
    required: bool = False
    many: bool = False

    def problem(self, cell: str) -> str | None:
        """Why ``cell`` (stripped) does not fit this column, or None."""
        if not cell:
            return f"the column {self.name!r} is empty" if self.required else None
        for value in cell.split() if self.many else [cell]:
            if isinstance(self.allowed, str) and not re.fullmatch(self.allowed, value):
                return f"{self.name}={value!r} is not of the form {self.allowed}"
            if isinstance(self.allowed, frozenset) and value not in self.allowed:
                return f"{self.name}={value!r} (allowed: {', '.join(sorted(self.allowed))})"
        return None


@dataclass(frozen=True)
class Schema:
    """What a data file holds: its columns in order, the columns that together identify a row (no two rows
    share them), and ``words``: (column, role) naming the word list the file owns for the check that no
    (word, role) pair is in two files (``role`` is a column name, or a fixed role after ``=``)."""

    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    words: tuple[str, str] | None = None

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def allowed(self, name: str) -> frozenset[str]:
        """The allowed values of a column declared with a set."""
        allowed = self.column(name).allowed
        return allowed if isinstance(allowed, frozenset) else frozenset()

    def word_roles(self, row: dict[str, str]) -> list[tuple[str, str]]:
        if self.words is None:
            return []
        column, role = self.words
        role = role[1:] if role.startswith("=") else (row.get(role) or "").strip()
        return [(word, role) for word in (row.get(column) or "").split("\t") if word.strip()]


def validate_rows(path: str | Path, header: Sequence[str], rows: Sequence[tuple[int, dict[str, str]]],
                  schema: Schema) -> None:
    """Check a file's header and rows against ``schema``. Raises :class:`DataFileError` at the first bad row."""
    declared = [c.name for c in schema.columns]
    if list(header)[: len(declared)] != declared:
        raise DataFileError(path, 0, f"the header must be {chr(9).join(declared)} (tab-separated), not "
                            f"{chr(9).join(header)}")
    seen: dict[tuple[str, ...], int] = {}
    for number, row in rows:
        for column in schema.columns:
            problem = column.problem((row.get(column.name) or "").strip())
            if problem:
                raise DataFileError(path, number, problem)
        if schema.key:
            key = tuple((row.get(c) or "").strip() for c in schema.key)
            if key in seen:
                raise DataFileError(path, number, f"{', '.join(schema.key)} {key} is already on line {seen[key]}")
            seen[key] = number


def _schema(*columns: Column, key: tuple[str, ...] = (), words: tuple[str, str] | None = None) -> Schema:
    return Schema(tuple(columns), key, words)


C = Column
CITATION_CUE_ROLES = frozenset({
    "article", "arabic_generic", "type_noun", "format_word", "reporting_verb", "source_label", "image_label",
    "image_credit_cue", "language_marker", "nationality", "non_author", "author_role", "piece_word", "speech_verb",
    "byline_noun", "headline_cue", "writing_verb", "honorific", "foreign_press_word",
})
NUMBER_WORD_KINDS = frozenset({"cardinal", "hundred", "scale", "plural_scale", "half", "ordinal"})
DATE_MARKER_KINDS = frozenset({"gregorian_mark", "hijri_mark", "solar_mark", "retrieved", "archived", "updated",
                               "year_intro", "day_of", "month_intro", "weekday_filler"})

#: Every file of ``translator/data``, by name (tests/test_datafiles_schema.py checks that none is missing).
SCHEMAS: dict[str, Schema] = {
    "arabic_folds.tsv": _schema(C("from", CODEPOINT, True), C("to", CODEPOINT), C("char"), C("name"), C("why"),
                                key=("from",)),
    "citation_cues.tsv": _schema(C("role", CITATION_CUE_ROLES, True), C("cue", required=True), C("value"),
                                 key=("role", "cue"), words=("cue", "role")),
    "clitics.tsv": _schema(C("clitic", required=True), C("parts", required=True),
                           C("before_article", frozenset({"keep", "elide"}), True), C("meaning"),
                           key=("clitic",), words=("clitic", "=clitic")),
    "date_markers.tsv": _schema(C("marker", required=True), C("kind", DATE_MARKER_KINDS, True), key=("marker", "kind"),
                                words=("marker", "kind")),
    "date_order.tsv": _schema(C("context", required=True), C("order", frozenset({"DMY", "MDY"}), True), C("note"),
                              key=("context",)),
    "day_ordinals.tsv": _schema(C("name", required=True), C("day", frozenset(str(d) for d in range(1, 32)), True),
                                key=("name",), words=("name", "=day_ordinal")),
    "langid_affixes.tsv": _schema(C("lang", LANG, True), C("kind", frozenset({"prefix", "suffix", "clitic"}), True),
                                  C("zipf", NUMBER), C("affixes", required=True), key=("lang", "kind")),
    "langid_languages.tsv": _schema(C("lang", LANG, True), C("script", SCRIPT, True), C("wordlist", LANG),
                                    C("words", INTEGER), C("prior", NUMBER), C("alone", NUMBER), C("name"),
                                    C("like", LANG, many=True), C("absent", NUMBER), key=("lang", "script")),
    "langid_letters.tsv": _schema(C("script", SCRIPT, True), C("codepoint", CODEPOINT, True), C("char"),
                                  C("langs", LANG, many=True), C("weight", NUMBER),
                                  C("fold", rf"{CODEPOINT}|drop"), C("note"), key=("script", "codepoint")),
    "langid_name_particles.tsv": _schema(C("particle", r"[a-z]+", True), C("hyphen", YES_NO, True),
                                         C("capital", YES_NO, True), C("person", YES_NO, True),
                                         key=("particle",), words=("particle", "=name_particle")),
    "langid_scripts.tsv": _schema(C("script", SCRIPT, True), C("first", CODEPOINT, True),
                                  C("last", CODEPOINT, True), C("note"), key=("first",)),
    "langid_words.tsv": _schema(C("lang", LANG, True), C("zipf", NUMBER, True), C("words", required=True),
                                key=("lang", "zipf")),
    "gazetteer_press_forms.tsv": _schema(
        C("action", frozenset({"rename", "drop", "drop-prefix", "add-spelling", "drop-spelling"}), True),
        C("key", required=True), C("value"), C("note"), key=("action", "key", "value")),
    "gazetteer_cldr_subdivisions.tsv": _schema(C("code", r"[A-Z]{2}-[A-Z0-9]{1,3}", True), C("arabic", required=True),
                                               key=("code",)),
    "gazetteer_regions.tsv": _schema(C("country", r"\*|[A-Z]{2}", True), C("min_population", INTEGER, True),
                                     C("note"), key=("country",)),
    "name_romanization.tsv": _schema(C("arabic", required=True),
                                     C("kind", frozenset({"abd", "article", "family", "letter", "vowel", "word"}),
                                       True),
                                     C("default"), C("maghreb"), C("levant"), C("gulf"), C("egypt"), C("iraq"),
                                     C("sudan"), C("libya"), C("turkey"),
                                     key=("arabic", "kind"),
                                     words=("arabic", "=name_romanization")),
    "name_titles.tsv": _schema(C("word", required=True), C("kind", frozenset({"title", "role", "speech"}), True),
                               key=("word",), words=("word", "=name_title")),
    "place_generics.tsv": _schema(C("word", required=True), C("latin", required=True), C("note"), key=("word",),
                                  words=("word", "=place_generic")),
    "name_heads.tsv": _schema(C("word", required=True), C("meaning"), key=("word",)),
    "place_cues.tsv": _schema(C("word", required=True),
                              C("kind", frozenset({"city", "country", "place", "subdivision"}), True),
                              C("position", frozenset({"before", "after"}), True), key=("word", "position"),
                              words=("word", "=place_cue")),
    "months.tsv": _schema(C("name", required=True), C("month", frozenset(str(m) for m in range(1, 13)), True),
                          C("calendar", frozenset({"gregorian", "hijri", "solar_hijri"}), True), C("region"),
                          key=("name", "calendar"), words=("name", "calendar")),
    "mt_characters.tsv": _schema(C("codepoint", CODEPOINT, True), C("replacement"), C("why"),
                                    key=("codepoint",)),
    "nationalities.tsv": _schema(C("country", r"[A-Z]{2}", True), C("arabic", required=True),
                                 C("adjective", required=True), C("country_name", required=True), key=("country",)),
    "org_heads.tsv": _schema(C("head", required=True), C("gender", frozenset({"f", "m"}), True),
                             C("complement", frozenset({"portfolio", "nationality", "place", "portfolio+nationality"}),
                               True),
                             C("after"), C("places", frozenset({"any", "country", "city", "subdivision"})),
                             C("type", frozenset({"term", "org"}), True), C("target", required=True),
                             C("target_variants"), key=("head", "complement", "after")),
    "facility_heads.tsv": _schema(C("head", required=True), C("after", required=True), C("target", required=True),
                                  key=("head", "after")),
    "body_heads.tsv": _schema(C("head", required=True), C("link", frozenset({"-"}), True), C("after", required=True),
                              C("target", required=True), C("target_variants"), key=("head", "after")),
    "org_parts.tsv": _schema(C("head", required=True), C("link", frozenset({"ل", "-"}), True),
                             C("target", required=True), C("target_variants"), key=("head", "link")),
    "outlet_tails.tsv": _schema(C("word", required=True), C("english", required=True),
                                C("marked", frozenset({"yes", "no"}), True), key=("word",)),
    "org_portfolios.tsv": _schema(C("arabic", required=True), C("ministry", required=True), C("ministry_variants"),
                                  C("minister", required=True), C("minister_variants"), key=("arabic",)),
    "name_joins.tsv": _schema(C("part", required=True), C("side", frozenset({"first", "second"}), True),
                              C("example"), key=("part", "side"), words=("part", "=name_join")),
    "number_words.tsv": _schema(C("word", required=True), C("value", NUMBER, True),
                                C("kind", NUMBER_WORD_KINDS, True), C("language", LANG, True),
                                key=("word", "language", "kind"), words=("word", "=number_word")),
    "qa_length.tsv": _schema(C("source", LANG, True), C("target", LANG, True), C("low", NUMBER, True),
                             C("high", NUMBER, True), C("min_chars", INTEGER, True), C("max_chars", INTEGER),
                             key=("source", "target", "min_chars")),
    "relative_years.tsv": _schema(C("phrase", required=True), C("language", LANG, True), key=("phrase", "language"),
                                  words=("phrase", "=relative_year")),
    "outlet_words.tsv": _schema(C("word", required=True), C("meaning"),
                                C("medium", frozenset({"newspaper", "tv", "radio", "agency", "web"}), True),
                                key=("word",),
                                words=("word", "=outlet_word")),
    "weekdays.tsv": _schema(C("name", required=True), C("weekday", frozenset(str(d) for d in range(7)), True),
                            C("lang", LANG, True), key=("name",), words=("name", "=weekday")),
}
del C

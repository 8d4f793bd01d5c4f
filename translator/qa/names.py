"""Names and terms: every glossary term of the source is in the translation, and no other name took its place.

A term counts as rendered when its English appears at least once: the English often names a place or a
body once where the Arabic repeats it (``مركز الإحصاء - أبوظبي ... لإمارة أبوظبي`` → "Abu Dhabi's ... the
Statistics Centre"). Enforcement (``translator.glossary.enforce``) counts every occurrence; QA does not.

The first half is the glossary's own verification (``translator.glossary``: :meth:`Glossary.match` finds
the terms in the Arabic with its folds and clitics, :func:`check_translation` counts their renderings in the
English, a target variant counting as right). A term the translation lacks is flagged at its source span.

A person also counts as rendered by surname alone (``President Tebboune`` for ``عبد المجيد تبون``).

The second half looks for what took the term's place: the English names of the glossary (people, places,
organisations, outlets) found in the translation that render no term of the source. When one has the type
of the missing term (``الرئيس تبون`` → "President Bouteflika"), the flag names it and gives its target span.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import replace

from ..glossary import Glossary, GlossaryEntry, check_translation
from ..glossary.report import count_lenient, group_matches
from ..glossary.report import lenient_form as _fold_english
from .flag import QAFlag

__all__ = ["check_names", "english_names"]

_NAME_TYPES = frozenset({"person", "place", "org", "outlet"})
_ENGLISH_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LONGEST = 6  # words in the longest English name looked up
_GAP = re.compile(r"[\s\-‐–]+")
_indexes: weakref.WeakKeyDictionary[Glossary, dict[str, list[GlossaryEntry]]] = weakref.WeakKeyDictionary()


def _index(glossary: Glossary) -> dict[str, list[GlossaryEntry]]:
    """Folded English names of ``glossary`` -> their entries (built once per glossary object)."""
    found = _indexes.get(glossary)
    if found is None:
        found = {}
        for entry in glossary:
            if entry.type not in _NAME_TYPES:
                continue
            for target in entry.targets:
                key = _fold_english(target)
                if len(key) > 3 and not target.isupper():
                    found.setdefault(key, []).append(entry)
        _indexes[glossary] = found
    return found


def english_names(text: str, glossary: Glossary) -> list[tuple[int, int, GlossaryEntry]]:
    """Glossary names written in English ``text`` (from a capitalized word, longest first): (start, end, entry)."""
    index = _index(glossary)
    words = list(_ENGLISH_WORD.finditer(text))
    folded = [_fold_english(w.group()) for w in words]
    joined = [i > 0 and _GAP.fullmatch(text, words[i - 1].end(), words[i].start()) is not None
              for i in range(len(words))]
    found = []
    i = 0
    while i < len(words):
        step = 1
        if words[i].group()[0].isupper():
            last = i
            while last + 1 < len(words) and last + 1 - i < _LONGEST and joined[last + 1]:
                last += 1
            for end in range(last, i - 1, -1):
                entries = index.get(" ".join(folded[i:end + 1]))
                if entries:
                    found.append((words[i].start(), words[end].end(), entries[0]))
                    step = end - i + 1
                    break
        i += step
    return found


def _renders(entry: GlossaryEntry, sources: Iterable[GlossaryEntry]) -> bool:
    """True when ``entry``'s English is (part of) the English of one of ``sources`` or holds it."""
    mine = [_fold_english(t) for t in entry.targets]
    for other in sources:
        for theirs in (_fold_english(t) for t in other.targets):
            if any(a in theirs or theirs in a for a in mine if a and theirs):
                return True
    return False


def _by_surname(entry: GlossaryEntry, target: str) -> bool:
    """True when a person's surname alone renders them (``President Tebboune`` for
    ``عبد المجيد تبون``): English news names a person by surname after the first mention."""
    if entry.type != "person":
        return False
    surnames = tuple(dict.fromkeys(t.split()[-1] for t in entry.targets if len(t.split()) > 1
                                   and len(t.split()[-1]) > 3))
    if not surnames:
        return False
    return count_lenient(target, replace(entry, target=surnames[0], target_variants=surnames[1:])) > 0


def check_names(source: str, target: str, glossary: Glossary) -> list[QAFlag]:
    """Flags for required glossary terms of ``source`` that ``target`` does not render (see module docstring)."""
    matches = glossary.match(source)
    if not matches:
        return []
    report = check_translation(matches, target)
    groups = group_matches(matches)
    in_source = [entry for entry, _ in groups]
    others = None
    flags = []
    for term, (entry, found) in zip(report.terms, groups, strict=True):
        if not term.required or term.lenient or _by_surname(entry, target):
            continue
        if others is None:
            others = [n for n in english_names(target, glossary) if not _renders(n[2], in_source)]
        first = found[0]
        rival = next((n for n in others if n[2].type == entry.type), None)
        wanted = " or ".join(repr(t) for t in entry.targets)
        if rival is None:
            flags.append(QAFlag("name", f"{first.surface!r} ({entry.type}) should be rendered {wanted}; the target "
                                        "has no rendering of it", first.start, first.end))
        else:
            others.remove(rival)
            flags.append(QAFlag("name", f"{first.surface!r} ({entry.type}) should be rendered {wanted}; the target "
                                        f"names {target[rival[0]:rival[1]]!r} instead", first.start, first.end,
                                rival[0], rival[1]))
    return flags

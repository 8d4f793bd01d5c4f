"""Did the translation keep the glossary's terms? Per segment and per corpus, exact and lenient.

Counting follows the WMT terminology shared task: every occurrence of a glossary term in the source is one
term *found*; it is *placed* when the translation holds the term's English as many times.

- **exact**: the glossary target as written (only the first letter may change case, at a sentence start),
  with an English possessive or plural allowed: ``Tindouf``, ``Tindouf's``, ``Houthis``;
- **lenient**: the target or any target variant, ignoring case, accents, hyphens and apostrophes:
  ``Erdogan`` for ``Erdoğan``, ``Gideon Saar`` for ``Gideon Sa'ar``, ``algiers`` for ``Algeria|Algiers``.

Enforcement decides on *lenient* placement (a listed variant is a right translation); reports give both.
Terms flagged ``no-enforce`` (ambiguous words) are reported as ``optional`` and not counted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..text.latin import fold_latin
from .entry import GlossaryEntry, TermMatch

__all__ = [
    "CorpusTermReport", "TermCheck", "TermReport", "check_translation", "count_exact", "count_lenient",
    "group_matches", "missing_flags", "summarize",
]

_SUFFIX = r"(?:['’]s|s|es)?"
_FOLD_DROP = re.compile(r"['’`´ʼ]")
_FOLD_SPACE = re.compile(r"[\s\-‐‑–—_/]+")


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Lowercase, no accents, no apostrophes, hyphens as spaces: the lenient comparison form.

    Remembered: a translation is compared with every entry found in its source, each time folded anew."""
    text = fold_latin(text)
    return _FOLD_SPACE.sub(" ", _FOLD_DROP.sub("", text)).strip()


def lenient_form(text: str) -> str:
    """``text`` in the lenient comparison form (lowercase, no accents or apostrophes, hyphens as spaces)."""
    return _fold(text)


@cache
def _exact_pattern(target: str) -> re.Pattern[str]:
    head, rest = target[:1], re.escape(target[1:])
    first = f"[{re.escape(head.upper())}{re.escape(head.lower())}]" if head.isalpha() else re.escape(head)
    return re.compile(rf"(?<!\w){first}{rest}{_SUFFIX}(?!\w)")


@cache
def _lenient_patterns(targets: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(pattern over folded text, pattern over raw text for acronyms). Acronyms keep their case: folded,
    ``US``, ``IS`` or ``WHO`` would be found in every "us", "is" and "who"."""
    acronyms = sorted({t for t in targets if t.isupper()}, key=len, reverse=True)
    forms = sorted({_fold(t) for t in targets if not t.isupper() and _fold(t)}, key=len, reverse=True)

    def build(alternatives: list[str]) -> re.Pattern[str] | None:
        if not alternatives:
            return None
        return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, alternatives))}){_SUFFIX}(?!\w)")

    return build(forms), build(acronyms)


def count_exact(text: str, entry: GlossaryEntry) -> int:
    """How many times ``text`` holds the entry's target exactly (see module docstring)."""
    return len(_exact_pattern(entry.target).findall(text))


def count_lenient(text: str, entry: GlossaryEntry) -> int:
    """How many times ``text`` holds the target or a target variant, leniently (see module docstring)."""
    folded, acronyms = _lenient_patterns(entry.targets)
    count = len(folded.findall(_fold(text))) if folded else 0
    return count + (len(acronyms.findall(text)) if acronyms else 0)


@dataclass
class TermCheck:
    """One glossary entry found in a source segment, and how its translation fared."""

    source: str
    target: str
    type: str
    surfaces: list[str]
    found: int
    exact: int
    lenient: int
    required: bool = True

    @property
    def placed(self) -> bool:
        return self.lenient >= self.found

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "target": self.target, "type": self.type, "surfaces": self.surfaces,
                "found": self.found, "exact": self.exact, "lenient": self.lenient, "required": self.required,
                "placed": self.placed}


@dataclass
class TermReport:
    """The terms of one segment. ``method`` says where the kept translation came from:
    ``model`` (the engine's first hypothesis), ``n-best``, ``substituted`` (a banned rendering replaced),
    ``inline`` (English term written into the source), ``placeholder``, or ``kept`` (nothing held every
    term: the model's text was kept and flagged).
    """

    terms: list[TermCheck] = field(default_factory=list)
    method: str = "model"
    term_flags: list[str] = field(default_factory=list)

    @property
    def required(self) -> list[TermCheck]:
        return [t for t in self.terms if t.required]

    @property
    def terms_found(self) -> int:
        return sum(t.found for t in self.required)

    @property
    def terms_placed(self) -> int:
        """Occurrences placed (lenient): what enforcement guarantees."""
        return sum(min(t.found, t.lenient) for t in self.required)

    @property
    def terms_exact(self) -> int:
        return sum(min(t.found, t.exact) for t in self.required)

    @property
    def complete(self) -> bool:
        return all(t.placed for t in self.required)

    def to_dict(self) -> dict[str, object]:
        return {"terms_found": self.terms_found, "terms_placed": self.terms_placed,
                "terms_exact": self.terms_exact, "method": self.method, "term_flags": list(self.term_flags),
                "terms": [t.to_dict() for t in self.terms]}


def group_matches(matches: Iterable[TermMatch]) -> list[tuple[GlossaryEntry, list[TermMatch]]]:
    """Matches grouped by glossary entry, in order of first appearance."""
    groups: dict[int, tuple[GlossaryEntry, list[TermMatch]]] = {}
    for m in matches:
        if m.entry is not None:
            groups.setdefault(id(m.entry), (m.entry, []))[1].append(m)
    return list(groups.values())


def check_translation(matches: Sequence[TermMatch], translation: str) -> TermReport:
    """How ``translation`` renders the terms ``matches`` found in its source (no repair)."""
    if not matches:  # most segments: nothing to look for in the translation
        return TermReport()
    checks = []
    for entry, found in group_matches(matches):
        checks.append(TermCheck(entry.source, entry.target, entry.type, [m.surface for m in found], len(found),
                                count_exact(translation, entry), count_lenient(translation, entry),
                                entry.enforce))
    report = TermReport(checks)
    report.term_flags = missing_flags(report)
    return report


def missing_flags(report: TermReport) -> list[str]:
    """``missing-term:<target>`` for every required term the translation lacks."""
    return [f"missing-term:{t.target}" for t in report.required if not t.placed]


@dataclass
class CorpusTermReport:
    """Term success over many segments (the figures a report or benchmark shows)."""

    segments: int = 0
    segments_with_terms: int = 0
    segments_complete: int = 0
    terms_found: int = 0
    terms_placed: int = 0
    terms_exact: int = 0
    methods: Counter[str] = field(default_factory=Counter)
    missing: Counter[str] = field(default_factory=Counter)

    @property
    def success_lenient(self) -> float | None:
        return self.terms_placed / self.terms_found if self.terms_found else None

    @property
    def success_exact(self) -> float | None:
        return self.terms_exact / self.terms_found if self.terms_found else None

    def to_dict(self) -> dict[str, object]:
        return {"segments": self.segments, "segments_with_terms": self.segments_with_terms,
                "segments_complete": self.segments_complete, "terms_found": self.terms_found,
                "terms_placed": self.terms_placed, "terms_exact": self.terms_exact,
                "success_lenient": self.success_lenient, "success_exact": self.success_exact,
                "methods": dict(self.methods), "missing": dict(self.missing.most_common())}


def summarize(reports: Iterable[TermReport | None]) -> CorpusTermReport:
    """Add up segment reports (``None`` = a segment without a report, e.g. not translated)."""
    total = CorpusTermReport()
    for report in reports:
        total.segments += 1
        if report is None or not report.required:
            continue
        total.segments_with_terms += 1
        total.segments_complete += report.complete
        total.terms_found += report.terms_found
        total.terms_placed += report.terms_placed
        total.terms_exact += report.terms_exact
        total.methods[report.method] += 1
        total.missing.update(t.target for t in report.required if not t.placed)
    return total

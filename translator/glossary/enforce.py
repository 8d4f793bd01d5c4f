"""Glossary terms in translations: verify, and repair when the model got them wrong.

Lexical constraints are not available to us: transformers 5 removed ``Constraint``/``force_words_ids``
(constrained beam search moved to a Hub repository, unusable offline) and CTranslate2 has none (its issues
#739, #1469, #1893 are open). So enforcement works *around* the decoder, the same way for both engines:

1. **verify** the hypotheses the Translator already has: the best one that holds every required term wins
   (nothing else runs, so a segment whose first hypothesis is right costs one match and a few regexes);
2. otherwise gather **candidates**:
   - *n-best*: decode again with ``num_hypotheses`` beams, with the glossary's known wrong renderings
     (``banned`` column) suppressed (``suppress_sequences``);
   - *substituted*: a hypothesis with a banned rendering replaced by the glossary target;
   - *inline*: the English term written into the Arabic source in place of the term, its proclitics kept
     apart (``بالجزائر`` → ``ب Algeria``), decoded (models copy Latin names through);
   - *placeholder*: the term replaced by a placeholder token, decoded, the placeholder replaced by the
     target in the output;
3. keep the candidates that hold every term and stay close to the model's own translation (outside the
   term, at most ``max_rewrite`` of its words changed: a repair must not swap in another sentence), **score**
   them with the engine's ``score_batch`` against the original source and keep the most likely;
4. if no candidate holds every term, **keep the model's text** (never insert a term into text that does not
   make room for it) and flag each missing term (``missing-term:<target>``).

Terms flagged ``no-enforce`` are reported but never required.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Protocol

from ..errors import EngineError, InputError
from .entry import GlossaryEntry, TermMatch
from .glossary import Glossary
from .report import TermReport, check_translation, count_lenient, group_matches, missing_flags

__all__ = ["ENFORCER_REVISION", "STRATEGIES", "TermEnforcer"]

ENFORCER_REVISION = "1"  # bump when enforcement behaviour changes: translation memory keys depend on it
STRATEGIES = ("n-best", "substituted", "inline", "placeholder")
PLACEHOLDER = "XTERM{n}"  # the token that stands for term number n in the placeholder repair


class _Hypothesis(Protocol):
    text: str


class _Engine(Protocol):
    def translate_batch(self, texts: list[str], **options: Any) -> list[list[Any]]: ...

    def score_batch(self, sources: list[str], targets: list[str]) -> list[float]: ...


@dataclass(frozen=True)
class _Candidate:
    text: str
    method: str


class TermEnforcer:
    """Keep glossary terms in translations (see module docstring); the Translator's ``enforcer`` hook.

    ``num_hypotheses``: beams for the n-best retry (also used to decode the repaired sources);
    ``strategies``: which candidates to try (a subset of :data:`STRATEGIES`; empty = verify only);
    ``placeholder``: the token pattern (``{n}`` = term number) that replaces a term for the placeholder repair;
    ``max_rewrite``: share of the model translation's words (at least one) a candidate may change besides
    the missing terms' own words (None: no limit).
    """

    def __init__(self, glossary: Glossary, *, num_hypotheses: int = 6,
                 strategies: Sequence[str] = STRATEGIES, placeholder: str = PLACEHOLDER,
                 max_rewrite: float | None = 0.25) -> None:
        unknown = sorted(set(strategies) - set(STRATEGIES))
        if unknown:
            raise InputError(f"Unknown enforcement strategies {unknown}; choose from {list(STRATEGIES)}.")
        self.glossary = glossary
        self.num_hypotheses = num_hypotheses
        self.strategies = tuple(s for s in STRATEGIES if s in strategies)
        self.placeholder = placeholder
        self.max_rewrite = max_rewrite
        self.version = f"{glossary.version}+enforce{ENFORCER_REVISION}"

    # ------------------------------------------------------------------------------------------ public
    def check(self, source: str, translation: str, country: str | None = None) -> TermReport:
        """How ``translation`` renders the glossary terms of ``source`` (verification only); ``country`` as in
        :meth:`enforce`."""
        return check_translation(self.glossary.match(source, country=country), translation)

    def enforce(self, source: str, hypotheses: Sequence[_Hypothesis], engine: _Engine | None,
                country: str | None = None) -> tuple[str, TermReport]:
        """The translation of ``source`` to keep, and its term report (see module docstring). ``country``: the
        document's (its outlet's, ISO 3166-1 alpha-2), so that the terms are those the analysis found: a name several
        countries' outlets or parties share is the one of that country (:meth:`.Glossary.match`)."""
        matches = self.glossary.match(source, country=country)
        first = hypotheses[0].text if hypotheses else ""
        if not any(m.entry is not None and m.entry.enforce for m in matches):
            return first, check_translation(matches, first)
        kept = None
        for number, hypothesis in enumerate(hypotheses):
            report = check_translation(matches, hypothesis.text)
            if report.complete:
                report.method = "model" if number == 0 else "n-best"
                return hypothesis.text, report
            if number == 0:
                kept = report  # the first hypothesis's report, read once (issue 20)
        kept = kept if kept is not None else check_translation(matches, first)
        if engine is None or not self.strategies:
            kept.method = "kept"
            return first, kept
        try:
            chosen = self._repair(source, matches, [h.text for h in hypotheses], engine)
        except (EngineError, RuntimeError, ValueError) as error:
            kept.method = "kept"
            kept.term_flags.append(f"repair-failed:{type(error).__name__}")
            return first, kept
        if chosen is None:
            kept.method = "kept"
            return first, kept
        report = check_translation(matches, chosen.text)
        report.method = chosen.method
        report.term_flags = [*missing_flags(report), f"term-repaired:{chosen.method}"]
        return chosen.text, report

    # ------------------------------------------------------------------------------------------ repair
    def _repair(self, source: str, matches: list[TermMatch], texts: list[str],
                engine: _Engine) -> _Candidate | None:
        required = [(e, ms) for e, ms in group_matches(matches) if e.enforce]
        missing = [(e, ms) for e, ms in required if count_lenient(texts[0], e) < len(ms)]
        inline, marked, marks = self._repaired_sources(source, missing)
        wanted = {"n-best": source, "inline": inline, "placeholder": marked}
        methods = [m for m in self.strategies if m in wanted and (m == "n-best" or missing)]
        banned = tuple(dict.fromkeys(b for e, _ in required for b in e.banned))
        options: dict[str, Any] = {"num_hypotheses": self.num_hypotheses, "beam_size": self.num_hypotheses}
        if banned:
            options["suppress_sequences"] = banned
        candidates = []
        if "substituted" in self.strategies:
            candidates += [_Candidate(t, "substituted") for t in _substitute(texts, required)]
        outputs = engine.translate_batch([wanted[m] for m in methods], **options) if methods else []
        for method, hyps in zip(methods, outputs, strict=True):
            for hypothesis in hyps:
                text = hypothesis.text
                if method == "placeholder":
                    text = _fill_placeholders(text, missing, marks)
                if text is not None:
                    candidates.append(_Candidate(text, method))
        budget = None
        if self.max_rewrite is not None:
            budget = sum(len(e.target.split()) for e, _ in missing) + max(1.0, self.max_rewrite * len(texts[0].split()))
        holding = _unique(c for c in candidates if _holds(c.text, required)
                          and (budget is None or _rewritten(texts[0], c.text) <= budget))
        if not holding:
            return None
        scores = engine.score_batch([source] * len(holding), [c.text for c in holding])
        best = max(range(len(holding)), key=lambda i: (scores[i], -i))
        return holding[best]

    def _repaired_sources(self, source: str, missing: list[tuple[GlossaryEntry, list[TermMatch]]]
                          ) -> tuple[str, str, dict[int, str]]:
        """The source with the missing terms written in English, and with placeholders (and those)."""
        spans = sorted(((m, e) for e, ms in missing for m in ms), key=lambda pair: pair[0].start)
        marks = {id(e): self.placeholder.format(n=i) for i, (e, _) in enumerate(missing)}

        def apart(match: TermMatch, text: str) -> str:
            return f" {text}" if match.clitic else text

        inline = _replace_spans(source, [(m, apart(m, e.target)) for m, e in spans])
        marked = _replace_spans(source, [(m, apart(m, marks[id(e)])) for m, e in spans])
        return inline, marked, marks


def _fill_placeholders(text: str, missing: list[tuple[GlossaryEntry, list[TermMatch]]],
                       marks: dict[int, str]) -> str | None:
    """``text`` with each placeholder replaced by its target, or None unless each came back as often."""
    if not all(text.count(marks[id(e)]) == len(ms) for e, ms in missing):
        return None
    for entry, _ in missing:
        text = text.replace(marks[id(entry)], entry.target)
    return text


def _replace_spans(source: str, spans: list[tuple[TermMatch, str]]) -> str:
    """``source`` with each match's span replaced (the proclitic before it stays, a space apart)."""
    out, last = [], 0
    for match, replacement in spans:
        out.append(source[last:match.start])
        out.append(replacement)
        last = match.end
    out.append(source[last:])
    return "".join(out)


def _substitute(texts: list[str], required: list[tuple[GlossaryEntry, list[TermMatch]]]) -> list[str]:
    """Hypotheses with banned renderings replaced by the glossary target (where one was banned)."""
    out = []
    for text in texts:
        new = text
        for entry, _ in required:
            for wrong in entry.banned:
                new = re.sub(rf"(?<!\w){re.escape(wrong)}(?!\w)", entry.target, new)
        if new != text:
            out.append(new)
    return out


_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _rewritten(original: str, candidate: str) -> int:
    """Words changed between two texts (the larger of the two sides of every non-matching stretch)."""
    a = [w.casefold() for w in _WORD.findall(original)]
    b = [w.casefold() for w in _WORD.findall(candidate)]
    changed = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            changed += max(i2 - i1, j2 - j1)
    return changed


def _holds(text: str, required: list[tuple[GlossaryEntry, list[TermMatch]]]) -> bool:
    return all(count_lenient(text, entry) >= len(found) for entry, found in required)


def _unique(candidates: Any) -> list[_Candidate]:
    seen: dict[str, _Candidate] = {}
    for c in candidates:
        seen.setdefault(c.text, c)
    return list(seen.values())

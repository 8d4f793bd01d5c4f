"""Translate documents of any length with any engine: split, normalize, batch, guard, remember, reassemble.

    Translator(engine, memory, enforcer).translate(["...arabic article...", ...]) -> [Translation, ...]

Each document is normalized for the model (the original is kept as ``Translation.source``), split into
sentences and, where a sentence exceeds the model's token limit, into clauses; every piece is translated
once (MT cache, then the engine in length-sorted token-budget batches), checked by the guard,
handed to the glossary enforcer if there is one, and the pieces are put back together with the document's
line and paragraph breaks. A piece without an Arabic letter (an English line, a date) never goes to the
model: it is kept as written.

Statuses are the batch tables' (``translated``, ``suspicious``, ``failed``, ``not_arabic``; issue 11). The
final text of every piece is checked once more after the glossary has worked on it: a placeholder left in it
(``XTERM0``) or the source given back makes it ``suspicious``, never ``translated``.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Protocol

from translator.errors import EngineError, InputError
from translator.mt import guard as _guard
from translator.mt.cache import CacheEntry, MTCache, cache_key
from translator.mt.engine import Engine, GenerationOptions, Hypothesis
from translator.mt.memory import TranslationMemory
from translator.mt.normalize import normalize_for_mt
from translator.text.arabic import contains_arabic, is_arabic_letter
from translator.text.chunk import chunk
from translator.text.segment import sentences

__all__ = ["ADDRESS", "INTERIOR_SYMBOL_WORDS", "RETRIED", "Enforcer", "Translation", "Translator", "english_marks",
           "interior_symbols", "markup_ends", "other_arabic_script_language", "split_literals", "split_symbols",
           "unescape_entities", "untranslated", "without_special_tokens"]

TRANSLATED, SUSPICIOUS, FAILED, NOT_ARABIC = "translated", "suspicious", "failed", "not_arabic"
OK = TRANSLATED  # the name before issue 11
STATUSES = (TRANSLATED, SUSPICIOUS, FAILED, NOT_ARABIC)
_RANK = {NOT_ARABIC: -1, TRANSLATED: 0, SUSPICIOUS: 1, FAILED: 2}
_OLD_STATUSES = {"ok": TRANSLATED}  # translation memory entries written before issue 11
RETRIED = "retried"


@dataclass
class Translation:
    """The translation of one input text, with what is known about its quality.

    ``status`` is one of ``translated``, ``suspicious`` (see ``flags``), ``failed`` or ``not_arabic`` (no Arabic
    letter in the text, or its sentences are Persian, Urdu, Kurdish or Pashto, which an Arabic model turns into
    fluent nonsense: flag ``source-fa`` ...; nothing went to the model and ``text`` is the text as written).
    ``text`` is None when translation failed (``error`` says why). ``flags`` name what the guard found
    (``repetition``, ``too-long``, ``truncated``, ``placeholder-leak``, ``unknown-token``, ``untranslated``...;
    ``retried`` when a retry fixed it). ``human`` is a person's translation of the same source found in
    translation memory, reported beside the machine one (``human_state``: published, translated or final).
    ``from_memory``: the machine text came from the MT cache. ``terms_*`` are filled by the glossary enforcer,
    when there is one.
    """

    source: str
    text: str | None
    status: str = TRANSLATED
    flags: list[str] = field(default_factory=list)
    from_memory: bool = False
    engine: str | None = None
    model: str | None = None
    revision: str | None = None
    segments: int = 0
    human: str | None = None
    human_provenance: str | None = None
    human_state: str | None = None
    terms_found: int = 0
    terms_placed: int = 0
    terms_exact: int = 0
    term_flags: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _piece_countries(plans: list[list[tuple[str, str]]], countries: Sequence[str | None]) -> dict[str, str]:
    """Each piece of the texts' plans with its text's country, where every text that holds it has that one."""
    found: dict[str, str | None] = {}
    for plan, country in zip(plans, countries, strict=True):
        for piece, _ in plan:
            found[piece] = country if found.get(piece, country) == country else None
    return {piece: country for piece, country in found.items() if country}


class Enforcer(Protocol):
    """The glossary hook: picks or repairs the translation of one segment.

    ``enforce`` gets the engine's hypotheses (best first) and the engine itself (to ask for more, or to
    score candidates) and returns the chosen text plus a report with ``terms_found``, ``terms_placed`` and
    ``term_flags`` (a mapping or an object with those attributes). ``version`` identifies the glossary:
    MT cache entries made under another version are not reused. An enforcer may also offer
    ``enforce_batch(sources, hypotheses_lists, engine) -> [(text, report), ...]``, which the Translator then
    calls once per run instead of ``enforce`` once per segment. When :meth:`Translator.translate` is given the
    documents' countries, a segment's country goes along as ``country=`` (``countries=`` to ``enforce_batch``);
    an enforcer that takes part in such runs accepts it.
    """

    version: str

    def enforce(self, source: str, hypotheses: list[Hypothesis], engine: Engine) -> tuple[str, Any]: ...


def untranslated(texts: Iterable[str], reason: str, flag: str = "no-model") -> list[Translation]:
    """Failed translations for ``texts`` that record ``reason`` (e.g. no model could be loaded)."""
    return [Translation(source=t, text=None, status=FAILED, flags=[flag], error=reason) for t in texts]


@dataclass
class _Result:
    text: str | None
    status: str = TRANSLATED
    flags: list[str] = field(default_factory=list)
    terms: dict[str, Any] = field(default_factory=dict)
    from_memory: bool = False
    error: str | None = None


class Translator:
    """Translate whole documents with one engine (see module docstring).

    ``batch_tokens`` bounds the padded source tokens of one engine call; ``max_input_tokens`` (default: the
    model's limit, at most 256) is the longest piece sent to the model; ``options`` are decoding options for
    every call (:class:`~translator.mt.engine.GenerationOptions`; greedy by default); ``guard=None`` turns the
    repetition/length guard off. ``memory`` holds human translations (reported beside the machine one);
    ``cache`` keeps machine output between runs (default: the MT cache beside ``memory``, none without one).
    """

    def __init__(
        self,
        engine: Engine,
        memory: TranslationMemory | None = None,
        enforcer: Enforcer | None = None,
        *,
        batch_tokens: int = 4096,
        max_batch_size: int = 64,
        max_input_tokens: int | None = None,
        guard: _guard.GuardConfig | None = _guard.GuardConfig(),  # noqa: B008 (frozen dataclass)
        options: Mapping[str, Any] | None = None,
        glossary_version: str | None = None,
        cache: MTCache | None = None,
    ) -> None:
        self.engine = engine
        self.memory = memory
        self.cache = cache
        self.enforcer = enforcer
        self.batch_tokens = batch_tokens
        self.max_batch_size = max_batch_size
        self.max_input_tokens = max_input_tokens or min(engine.max_input_tokens, 256)
        if self.max_input_tokens < 2:
            raise InputError("max_input_tokens must leave room for at least one token and the end token.")
        self.guard = guard
        self.options = dict(options or {})
        GenerationOptions.from_kwargs(self.options)  # fail now, not mid-corpus
        if glossary_version is None:
            glossary_version = str(getattr(enforcer, "version", "unversioned")) if enforcer else "none"
        self.glossary_version = glossary_version
        # running counts over this Translator's life: engine calls (batches), fresh segments, guard retries
        self.stats: dict[str, int] = {"engine_calls": 0, "segments": 0, "retried": 0, "retry_calls": 0}
        self._counts: dict[str, int] = {}  # source tokens of the current call's sentences (see _plans)
        self._countries: dict[str, str] = {}  # the current call's pieces and their documents' country (translate)
        self._literals: set[str] = set()  # pieces kept as written: addresses, symbols (see split_literals)
        self._key_texts: dict[str, str] = {}  # the current call's texts and their memory_key_text (see _plans)

    # ------------------------------------------------------------------------------------------ public
    def translate(self, texts: list[str], *, progress: bool = False,
                  countries: Sequence[str | None] | None = None) -> list[Translation]:
        """Translate each text (a headline or a whole article); results in input order.

        ``countries``: each text's country (ISO 3166-1 alpha-2: its outlet's, as a batch takes it from the outlet
        registry; None where unknown), handed to the enforcer with each piece so that a name several countries share
        (an outlet, a party) is settled as the glossary's analysis settles it; a piece that texts of two countries
        hold goes without one. With an enforcer, the country is part of the piece's MT cache key.

        Raises :class:`InputError` when ``texts`` is a single str instead of a list, or ``countries`` is not one
        per text.
        """
        if isinstance(texts, str):
            raise InputError("translate() takes a list of texts; wrap a single text in a list.")
        texts = list(texts)
        if countries is not None and len(countries) != len(texts):
            raise InputError(f"translate() got {len(countries)} countries for {len(texts)} texts; give one per text "
                             "(None where unknown).")
        plans = self._plans(texts)
        self._countries = _piece_countries(plans, countries) if countries is not None else {}
        units = list(dict.fromkeys(piece for plan in plans for piece, _ in plan))
        results = {u: _Result(u, NOT_ARABIC) for u in units if u in self._literals or not _has_arabic(u)}
        results.update({u: _Result(u, NOT_ARABIC, [f"source-{lang}"]) for u in units if u not in results
                        for lang in [other_arabic_script_language(u)] if lang})
        # each unit's cache key computed once: looked up now, stored under after translation
        keys = {u: self._key(u) for u in units if u not in results} if self._cache() is not None else {}
        results.update(self._from_memory(keys))
        todo = [u for u in units if u not in results]
        fresh = self._translate_units(todo, progress)
        self._remember(fresh, keys)
        results.update(fresh)
        humans = self.memory.get_human_many((t for t in texts if t.strip()), known=self._key_texts) \
            if self.memory is not None else {}
        return [self._assemble(text, plan, results, humans) for text, plan in zip(texts, plans, strict=True)]

    def translate_text(self, text: str) -> Translation:
        """Translate one text."""
        return self.translate([text])[0]

    # -------------------------------------------------------------------------------------- planning
    def _plans(self, texts: list[str]) -> list[list[tuple[str, str]]]:
        """:meth:`_plan` of every text, with the sentences of all texts counted in one engine call."""
        split = [(normalized, sentences(normalized)) for normalized in map(normalize_for_mt, texts)]
        # memory_key_text of each text, from the normalization done here (the memory's look-up of the call's
        # human translations would normalize every text again)
        self._key_texts = {text: " ".join(normalized.split()) for text, (normalized, _) in zip(texts, split,
                                                                                                 strict=True)}
        wanted = list(dict.fromkeys(s.text for _, spans in split for s in spans))
        self._counts = dict(zip(wanted, self.engine.count_tokens(wanted), strict=True)) if wanted else {}
        return [self._plan(normalized, spans) for normalized, spans in split]

    def _plan(self, normalized: str, spans: list[Any]) -> list[tuple[str, str]]:
        """(piece, separator after its translation) for each piece of the normalized text, in order."""
        counts = [self._counts[s.text] for s in spans]
        plan: list[tuple[str, str]] = []
        for i, (span, n_tokens) in enumerate(zip(spans, counts, strict=True)):
            gap = normalized[span.end:spans[i + 1].start] if i + 1 < len(spans) else ""
            separator = "\n\n" if gap.count("\n") >= 2 else "\n" if "\n" in gap else " " if gap else ""
            # emoji and symbols at the ends (mozilla/translations#171), web and e-mail addresses anywhere
            # (marian-nmt/marian-dev#464, modernmt#351) pass through untranslated, exactly as written
            parts = split_literals(span.text)
            for k, (piece, joiner, literal) in enumerate(parts):
                joiner = separator if k == len(parts) - 1 else joiner
                if literal:
                    self._literals.add(piece)
                    plan.append((piece, joiner))
                    continue
                count = n_tokens if piece == span.text else self.engine.count_tokens([piece])[0]
                if count <= self.max_input_tokens:
                    plan.append((piece, joiner))
                else:
                    pieces = chunk(piece, self.max_input_tokens, lambda s: self.engine.count_tokens([s])[0])
                    plan += [(p.text, p.joiner) for p in pieces[:-1]]
                    plan.append((pieces[-1].text, joiner))
        return plan

    # ---------------------------------------------------------------------------------------- memory
    def _key(self, unit: str) -> str:
        model = self.engine.model
        country = self._countries.get(unit) if self.enforcer is not None else None
        version = f"{self.glossary_version}@{country}" if country else self.glossary_version
        return cache_key(self.engine.name, model.id, model.revision, version, unit)

    def _cache(self) -> MTCache | None:
        if self.cache is not None:
            return self.cache
        return self.memory.mt_cache if self.memory is not None else None

    def _from_memory(self, unit_keys: Mapping[str, str]) -> dict[str, _Result]:
        cache = self._cache()
        if cache is None or not unit_keys:
            return {}
        keys: dict[str, list[str]] = {}
        for unit, key in unit_keys.items():  # units differing only in what the key ignores share an entry
            keys.setdefault(key, []).append(unit)
        found = cache.get_many(keys)
        return {unit: _Result(e.text, _OLD_STATUSES.get(e.status, e.status), list(e.flags), dict(e.info),
                              from_memory=True)
                for k, e in found.items() for unit in keys[k]}

    def _remember(self, results: dict[str, _Result], keys: Mapping[str, str]) -> None:
        cache = self._cache()
        if cache is None:
            return
        model = self.engine.model
        entries = {
            keys[unit]: CacheEntry(unit, r.text, r.status, r.flags, r.terms, self.engine.name, model.id,
                                         model.revision or "", self.glossary_version)
            for unit, r in results.items() if r.text is not None and r.status != FAILED
        }
        if entries:
            cache.put_many(entries)

    # ----------------------------------------------------------------------------------- translation
    def _batches(self, units: list[str]) -> list[list[str]]:
        """Longest first, each batch within the padded-token budget (sorting keeps padding small)."""
        known = self._counts
        unknown = [u for u in units if u not in known]  # clause pieces of over-long sentences, retries
        counts = {**known, **dict(zip(unknown, self.engine.count_tokens(unknown), strict=True))} if unknown \
            else known
        batches: list[list[str]] = []
        current: list[str] = []
        for unit in sorted(units, key=lambda u: -counts[u]):
            widest = counts[current[0]] if current else counts[unit]
            if current and ((len(current) + 1) * widest > self.batch_tokens or len(current) >= self.max_batch_size):
                batches.append(current)
                current = []
            current.append(unit)
        if current:
            batches.append(current)
        return batches

    def _generate(self, units: list[str], options: dict[str, Any], bar: Any = None,
                  limits: Mapping[str, int] | None = None) -> dict[str, Any]:
        """Hypotheses for each unit, or the error message for units whose batch failed.

        An engine with ``submit_batch`` and ``parallel > 1`` (CTranslate2 with ``inter_threads``) gets up to
        ``2 * parallel`` batches queued at once, so its workers decode in parallel; results are the same as one
        batch at a time. ``limits`` caps ``max_length`` per unit (a batch gets the largest cap of its units).
        """
        out: dict[str, Any] = {}
        submit = getattr(self.engine, "submit_batch", None)
        window = 2 * int(getattr(self.engine, "parallel", 1) or 1) if submit is not None else 1
        pending: list[tuple[list[str], Any]] = []

        def collect(batch: list[str], wait: Any) -> None:
            try:
                hyps = wait()
            except (EngineError, RuntimeError, ValueError, MemoryError) as error:
                out.update({u: f"{self.engine.name} failed: {error}" for u in batch})
            else:
                out.update(zip(batch, ([without_special_tokens(u, h) for h in unit_hyps]
                                       for u, unit_hyps in zip(batch, hyps, strict=True)), strict=True))
            if bar is not None:
                bar.update(len(batch))

        for batch in self._batches(units):
            batch_options = options
            if limits:
                batch_options = {**options, "max_length": max(limits[u] for u in batch)}
            self.stats["engine_calls"] += 1
            try:
                if window > 1:
                    wait = submit(batch, **batch_options)
                else:
                    hyps = self.engine.translate_batch(batch, **batch_options)
                    wait = lambda hyps=hyps: hyps  # noqa: E731
            except (EngineError, RuntimeError, ValueError, MemoryError) as error:
                wait = _raising(error)
            pending.append((batch, wait))
            while len(pending) >= window:
                collect(*pending.pop(0))
        for batch, wait in pending:
            collect(batch, wait)
        return out

    def _translate_units(self, units: list[str], progress: bool) -> dict[str, _Result]:
        if not units:
            return {}
        self.stats["segments"] += len(units)
        if progress:
            from tqdm.auto import tqdm

            with tqdm(total=len(units), unit="seg", desc="translating") as bar:
                first = self._generate(units, self.options, bar)
        else:  # no bar to make (a disabled tqdm still costs its set-up on every call)
            first = self._generate(units, self.options)
        checked: dict[str, tuple[list[Hypothesis], list[str]]] = {}
        results: dict[str, _Result] = {}
        for unit, hyps in first.items():
            if isinstance(hyps, str):
                results[unit] = _Result(None, FAILED, ["engine-error"], error=hyps)
            else:
                checked[unit] = (hyps, self._inspect(unit, hyps))
        self._retry(checked)
        chosen = self._enforce(checked)
        for unit, (hyps, flags) in checked.items():
            text, terms = chosen[unit]
            text = english_marks(unescape_entities(unit, text))
            if self.guard is not None and text != english_marks(unescape_entities(unit, hyps[0].text)):
                # the glossary repaired or replaced the model's text: the guard judges the text given out, not
                # the raw output (a placeholder the repair filled is no leak); a truncated first output stays so
                kept = [f for f in flags if f in (RETRIED, _guard.TRUNCATED)]
                final = _guard.inspect(unit, Hypothesis(text), self.guard)
                flags = [f for f in final if f not in kept] + kept
            flags = flags + [f for f in _guard.check_output(unit, text) if f not in flags]  # the final text
            status = SUSPICIOUS if any(f != RETRIED for f in flags) else TRANSLATED
            results[unit] = _Result(text, status, flags, terms)
        return results

    def _inspect(self, unit: str, hyps: list[Hypothesis]) -> list[str]:
        if self.guard is None:
            return []
        return _guard.inspect(unit, hyps[0], self.guard)

    def _retry(self, checked: dict[str, tuple[list[Hypothesis], list[str]]]) -> None:
        """Decode flagged units again with beam search and no repeated n-grams; keep whichever is better.

        All flagged units are decoded together in length-sorted batches, each unit's length capped by
        :meth:`_retry_limit` (a loop in the first pass must not make the retry decode to the model's limit).
        """
        if self.guard is None or not self.guard.retry:
            return
        flagged = [u for u, (_, flags) in checked.items() if flags]
        if not flagged:
            return
        options = {**self.options, **self.guard.retry_options()}
        counts = self.engine.count_tokens(flagged)
        limits = {u: self._retry_limit(n, checked[u][0][0], checked[u][1]) for u, n in zip(flagged, counts,
                                                                                          strict=True)}
        calls = self.stats["engine_calls"]
        generated = self._generate(flagged, options, limits=limits)
        self.stats["retry_calls"] += self.stats["engine_calls"] - calls
        self.stats["retried"] += len(flagged)
        for unit, hyps in generated.items():
            if isinstance(hyps, str):
                continue  # the first attempt stands, with its flags
            old_hyps, old_flags = checked[unit]
            flags = self._inspect(unit, hyps)
            if _guard.severity(flags) < _guard.severity(old_flags):
                checked[unit] = (hyps, [*flags, RETRIED])
            else:
                checked[unit] = (old_hyps, [*old_flags, RETRIED])

    def _retry_limit(self, source_tokens: int, first: Hypothesis, flags: list[str]) -> int:
        """Most target tokens a retry may generate: what the source (and a sane first pass) warrants.

        ``retry_length_ratio * source tokens + retry_length_margin``; when the first hypothesis ended by itself
        and was not judged too short, also at most that ratio of its own length plus the margin. Never above
        the limit the first pass had, never below ``min_length``.
        """
        assert self.guard is not None
        opts = GenerationOptions.from_kwargs(self.options)
        ratio, margin = self.guard.retry_length_ratio, self.guard.retry_length_margin
        cap = math.ceil(ratio * source_tokens) + margin
        if first.finished and first.tokens and not {_guard.TOO_SHORT, _guard.EMPTY} & set(flags):
            cap = min(cap, math.ceil(ratio * len(first.tokens)) + margin)
        return max(opts.min_length, 1, min(cap, opts.length_limit(source_tokens, self.engine.max_input_tokens)))

    def _enforce(self, checked: dict[str, tuple[list[Hypothesis], list[str]]]) -> dict[str, tuple[str, dict]]:
        """The text chosen for each unit, and the glossary report (the enforcer's, when there is one)."""
        if self.enforcer is None:
            return {unit: (hyps[0].text, {}) for unit, (hyps, _) in checked.items()}
        units = list(checked)
        engine = _Cleaned(self.engine)  # the enforcer's own calls get the cleaning every output gets
        batch = getattr(self.enforcer, "enforce_batch", None)
        countries = [self._countries.get(u) for u in units]
        if batch is not None:  # an enforcer may batch its own engine calls across segments
            extra = {"countries": countries} if any(countries) else {}
            outcomes = batch(units, [checked[u][0] for u in units], engine, **extra)
        else:
            outcomes = [self.enforcer.enforce(u, checked[u][0], engine, **({"country": c} if c else {}))
                        for u, c in zip(units, countries, strict=True)]
        return {unit: (text, _term_report(info)) for unit, (text, info) in zip(units, outcomes, strict=True)}

    # -------------------------------------------------------------------------------------- assembly
    def _assemble(self, source: str, plan: list[tuple[str, str]], results: dict[str, _Result],
                  humans: Mapping[str, Any]) -> Translation:
        model = self.engine.model
        out = Translation(source=source, text="", status=NOT_ARABIC, engine=self.engine.name, model=model.id,
                          revision=model.revision, segments=len(plan))
        parts: list[str] = []
        from_memory = []
        for piece, separator in plan:
            result = results[piece]
            if _RANK.get(result.status, _RANK[SUSPICIOUS]) > _RANK[out.status]:
                out.status = result.status
            out.flags += [f for f in result.flags if f not in out.flags]
            if result.status != NOT_ARABIC:
                from_memory.append(result.from_memory)
            out.error = out.error or result.error
            out.terms_found += int(result.terms.get("terms_found", 0))
            out.terms_placed += int(result.terms.get("terms_placed", 0))
            out.terms_exact += int(result.terms.get("terms_exact", 0))
            out.term_flags += [f for f in result.terms.get("term_flags", []) if f not in out.term_flags]
            parts.append((result.text or "") + separator)
        out.from_memory = bool(from_memory) and all(from_memory)
        out.text = None if out.status == FAILED else "".join(parts).strip()
        if self.memory is not None and source.strip():
            human = humans.get(source)  # TranslationMemory.get_human_many of the call's texts
            if human is not None:
                out.human, out.human_provenance, out.human_state = human.target, human.provenance, human.state
        return out


_SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Co", "Cn"})
_COMBINING = frozenset({"Mn", "Me"})


def _is_symbol(char: str) -> bool:
    """An emoji, pictograph or other symbol no translation model renders (🔴 ✅ 📌, flags, keycaps, their
    variation selectors and skin tones). A combining mark is never one alone: it is what it is written on
    (:func:`_symbol_flags`)."""
    return unicodedata.category(char) in _SYMBOL_CATEGORIES


def _symbol_flags(text: str) -> list[bool]:
    """For each character of ``text``, whether it belongs to a symbol. A combining mark belongs to the character
    it is written on: the variation selector of ``❤️`` to the symbol, the tanween of ``ليلاً``, a shadda or
    ``ARABIC SMALL HIGH …`` Quranic mark to the word. A mark with nothing under it (first, or after a space)
    is part of the words if it is an Arabic mark, of the symbols otherwise."""
    flags: list[bool] = []
    base: bool | None = None  # the flag of the last character a mark can sit on
    for char in text:
        if unicodedata.category(char) in _COMBINING:
            flags.append(base if base is not None else "ARABIC" not in unicodedata.name(char, ""))
            continue
        flags.append(_is_symbol(char))
        base = None if char.isspace() else flags[-1]
    return flags


def _symbol_ends(text: str) -> tuple[int, int]:
    """``(i, j)``: ``text[:i]`` and ``text[j:]`` are the runs of symbols and spaces at its ends (``i <= j``), as
    :func:`_symbol_flags` judges each character, reading only the characters of those runs and the one after
    each (issue 20: the flags of a whole segment cost a Unicode look-up per character, for its two ends)."""
    n = len(text)
    i = 0
    base: bool | None = None  # as in _symbol_flags: the flag of the last character a mark can sit on
    while i < n:
        char = text[i]
        if unicodedata.category(char) in _COMBINING:
            flag = base if base is not None else "ARABIC" not in unicodedata.name(char, "")
        else:
            flag = _is_symbol(char)
            base = None if char.isspace() else flag
        if not (flag or char.isspace()):
            break
        i += 1
    j = n
    while j > i:
        char = text[j - 1]
        if unicodedata.category(char) in _COMBINING:  # the flag of the character it sits on, as read forwards
            k = j - 2
            while k >= 0 and unicodedata.category(text[k]) in _COMBINING:
                k -= 1
            on = text[k] if k >= 0 else ""
            flag = _is_symbol(on) if on and not on.isspace() else "ARABIC" not in unicodedata.name(char, "")
        else:
            flag = _is_symbol(char)
        if not (flag or char.isspace()):
            break
        j -= 1
    return i, j


def split_symbols(text: str) -> tuple[tuple[str, str] | None, str, tuple[str, str] | None]:
    """``text`` without the runs of symbols at its ends, which a translation model does not know.

    Returns ``(head, middle, tail)``: ``head`` and ``tail`` are ``(symbols, joiner)`` pairs, the joiner being
    the space that separated them from the text (so they are put back the same way), or None. A text of
    symbols only has no head or tail. ``🔴 عاجل: …`` → ``(("🔴", " "), "عاجل: …", None)``. Diacritics belong
    to their word: ``… ليلاً`` has no tail.
    """
    i, j = _symbol_ends(text)
    if i == j:
        return None, text, None
    lead, middle, trail = text[:i], text[i:j], text[j:]
    head = (lead.strip(), " " if lead[-1:].isspace() else "") if lead.strip() else None
    tail = (trail.strip(), " " if trail[:1].isspace() else "") if trail.strip() else None
    return head, middle if (head or tail) else text, tail


#: how many words a stretch needs on each side of the pictographs inside it before it is cut there
INTERIOR_SYMBOL_WORDS = 2
_TOKEN = re.compile(r"\S+")
_FROM_2300 = re.compile("[^\x00-\u22ff]")  # the only characters that can be pictographs (a scan in C)


def _is_pictograph(char: str) -> bool:
    """A symbol from U+2300 on (clocks, weather, stars, ticks, hearts, emoji, flags): not ``°`` ``©`` ``™`` ``№``,
    which stand in a sentence as words do."""
    return ord(char) >= 0x2300 and _is_symbol(char)


def interior_symbols(text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """``(i, j)``: the first run of tokens of ``text[start:end]`` made only of symbols, pictographs among them
    (emoji, flags, ticks: :func:`_is_pictograph`), standing between spaces with at least
    :data:`INTERIOR_SYMBOL_WORDS` words before and after it; None if there is none. Models drop or garble what
    follows a pictograph they do not know (an Argos model took it for the end of the sentence: LibreTranslate#439,
    #1009), so the words on each side are translated on their own and the pictographs kept as written. A
    pictograph glued to a word, or beside a single word (``قال 😀 الوزير``), is left to the model: one word alone
    loses its sentence."""
    end = len(text) if end is None else end
    if not any(_is_pictograph(m.group()) for m in _FROM_2300.finditer(text, start, end)):
        return None
    tokens = [(m.start(), m.end(), all(_symbol_flags(m.group())) and any(map(_is_pictograph, m.group())))
              for m in _TOKEN.finditer(text, start, end)]
    is_word = [any(char.isalpha() for char in text[a:b]) for a, b, _ in tokens]
    words = sum(is_word)  # a run of symbols holds no letter: the words after a run are those not before it
    words_before = 0
    k = 0
    while k < len(tokens):
        if not tokens[k][2]:
            words_before += is_word[k]
            k += 1
            continue
        last = k
        while last + 1 < len(tokens) and tokens[last + 1][2]:
            last += 1
        words_after = words - words_before
        if words_before >= INTERIOR_SYMBOL_WORDS and words_after >= INTERIOR_SYMBOL_WORDS:
            return tokens[k][0], tokens[last][1]
        k = last + 1
    return None


#: A web or e-mail address as news text writes it: ``https://…``, ``www.…``, ``name@host.tld``.
ADDRESS = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_ADDRESS_OPEN = "([{«\"'“‘"


def split_literals(text: str) -> list[tuple[str, str, bool]]:
    """``text`` cut into ``(piece, joiner, literal)``: ``literal`` pieces are kept as written, never sent to a
    model — web and e-mail addresses anywhere (a model breaks them: ``http :// freshe. cloud. com``,
    modernmt#351, or renders the Arabic words of a link's path) and runs of symbols at the ends of each
    stretch of words (:func:`split_symbols`), and the markup that opens or closes a line (:func:`markup_ends`:
    ``## ``, ``- ``, ``1. ``, ``> ``, ``**…**``, ``<p>…</p>``; models drop or change it, mozilla/firefox-
    translations#499). ``joiner`` is the space that followed the piece in ``text`` (" " or ""). A text without
    any of these is one piece: ``[(text, "", False)]``.
    """
    if not text:
        return [(text, "", False)]
    atoms: list[tuple[int, int, bool]] = []  # (start, end, literal) in text
    position = 0

    def words(start: int, end: int) -> None:
        head_end, tail_start = markup_ends(text[start:end])
        if head_end:
            atoms.append((start, start + len(text[start:start + head_end].rstrip()), True))
        inner_end = start + tail_start
        if head_end < tail_start:
            symbols_and_words(start + head_end, inner_end)
        if tail_start < end - start:
            begin = inner_end + (len(text[inner_end:end]) - len(text[inner_end:end].lstrip()))
            atoms.append((begin, end, True))

    def symbols_and_words(start: int, end: int) -> None:
        inside = interior_symbols(text, start, end)
        if inside is not None:  # words, then pictographs standing alone, then words: each side on its own
            symbols_and_words(start, inside[0])
            atoms.append((*inside, True))
            symbols_and_words(inside[1], end)
            return
        stretch = text[start:end]
        head, middle, tail = split_symbols(stretch)
        i = stretch.index(middle) if middle and (head or tail) else 0
        if head:
            lead = stretch[:i].strip()
            atoms.append((start + stretch.index(lead), start + stretch.index(lead) + len(lead), True))
        if middle.strip():
            offset = start + i + (len(middle) - len(middle.lstrip()))
            atoms.append((offset, offset + len(middle.strip()), False))
        if tail:
            trail_at = start + i + len(middle)
            rest = text[trail_at:end]
            begin = trail_at + (len(rest) - len(rest.lstrip()))
            atoms.append((begin, begin + len(rest.strip()), True))

    if "@" in text or "://" in text or "www." in text or "WWW." in text:
        for match in ADDRESS.finditer(text):
            start, end = match.span()
            if start < position:
                continue
            # brackets, quotes and the full stop written against the address go with it, as written
            while start > position and text[start - 1] in _ADDRESS_OPEN:
                start -= 1
            while end < len(text) and not text[end].isspace() and not is_arabic_letter(text[end]):
                end += 1
            words(position, start)
            atoms.append((start, end, True))
            position = end
    if not atoms:
        head, _, tail = split_symbols(text)
        if not head and not tail and markup_ends(text) == (0, len(text)) and interior_symbols(text) is None:
            return [(text, "", False)]
    words(position, len(text))
    out = []
    for k, (start, end, literal) in enumerate(atoms):
        following = text[end:atoms[k + 1][0]] if k + 1 < len(atoms) else ""
        out.append((text[start:end], " " if following[:1].isspace() or following[-1:].isspace() else "", literal))
    return out


# Markup that opens a line: a Markdown heading, quote, bullet or number (Arabic-Indic digits too), opening
# HTML tags; then emphasis that opens it and closes it at the end (``**…**``, ``__…__``); closing tags at the end.
_MARKUP_HEAD = re.compile(r"(?:#{1,6}[ \t]+|>[ \t]+|[-*+•▪◦][ \t]+|(?:\d{1,3}|[٠-٩]{1,3})[.)][ \t]+"
                          r"|(?:<[A-Za-z][\w:-]*(?:\s[^<>]*)?>[ \t]*)+)")
_MARKUP_TAIL = re.compile(r"(?:[ \t]*</[A-Za-z][\w:-]*[ \t]*>)+\Z")
_EMPHASIS = ("**", "__")


def _markup_tail_start(text: str, head: int) -> int | None:
    """Where ``_MARKUP_TAIL.search(text, head)`` matches (the closing tags that end the line, with the spaces
    before them), or None; read back from the end once. The search itself tries every start and reads to the
    end from each: quadratic in a line of closing tags (issue 13: ``</b>`` × 8,000 then a letter, 2.3 s).

    The tags are read from the right: each is ``>``, spaces or tabs, a name (``[\\w:-]`` characters, the
    first an ASCII letter) right after ``</``, and the spaces or tabs before it. The search's match is the
    earliest start at or after ``head`` from which the rest of the line is such tags: the start of a tag's
    spaces, or ``head`` itself where it falls among them."""
    tags: list[tuple[int, int]] = []  # (where its spaces start, where its "<" is), from the last tag back
    i = len(text)
    while i > 0 and text[i - 1] == ">":
        j = i - 1
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "_:-"):
            k -= 1
        if k == j or not ("a" <= text[k] <= "z" or "A" <= text[k] <= "Z") or text[max(0, k - 2):k] != "</":
            break
        i = k - 2
        lt = i
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        tags.append((i, lt))
    for spaces, lt in reversed(tags):
        if lt >= head:
            return max(spaces, head)
    return None


def markup_ends(text: str) -> tuple[int, int]:
    """``(head_end, tail_start)``: ``text[:head_end]`` is the markup that opens the line (with the space after
    it) and ``text[tail_start:]`` the markup that closes it; ``(0, len(text))`` when there is none. A Markdown
    heading, quote, bullet or list number, opening and closing HTML tags, and bold written around the whole
    line: ``## **عاجل**`` → the words are ``عاجل``. Markup inside the line is left to the model."""
    head = 0
    match = _MARKUP_HEAD.match(text)
    if match and match.end() < len(text):
        head = match.end()
    tail = _markup_tail_start(text, head)
    end = tail if tail is not None and tail > head else len(text)
    for mark in _EMPHASIS:
        inner = text[head:end]
        if len(inner) > 2 * len(mark) and inner.startswith(mark) and inner.endswith(mark) \
                and mark not in inner[len(mark):-len(mark)] and not inner[len(mark)].isspace() \
                and not inner[-len(mark) - 1].isspace():
            head, end = head + len(mark), end - len(mark)
            break
    if not any(c.isalnum() for c in text[head:end]):
        return 0, len(text)
    return head, end


# Decoder tokens that are never words: padding, sentence start and end, a multilingual model's target-language
# token (``>>eng<<``); and sentencepiece's word marker ``▁`` and BPE's ``@@ `` joiner left undecoded.
_SPECIAL_TOKENS = re.compile(r"</?s>|<pad>|<mask>|>>[A-Za-z_]{2,8}<<")
_PIECE_MARK = "\u2581"


class _Cleaned:
    """``engine`` whose ``translate_batch`` outputs are cleaned as the Translator's own are
    (:func:`without_special_tokens`): the glossary enforcer's n-best and repair calls go through it, so a model
    writing ``<pad>`` or ``▁`` gives no candidate holding them. Everything else is ``engine``'s."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)

    def translate_batch(self, texts: list[str], **options: Any) -> list[list[Hypothesis]]:
        out = self._engine.translate_batch(texts, **options)
        return [[without_special_tokens(t, h) for h in hyps] for t, hyps in zip(texts, out, strict=True)]


#: Moses's aggressive tokenization, which some OPUS data kept (mozilla/translations#1063): ``two @-@ day``,
#: ``1 @,@ 000``, ``3 @.@ 5``
_MOSES_JOINS = re.compile(r" @([-,.])@ ")


def without_special_tokens(source: str, hypothesis: Hypothesis) -> Hypothesis:
    """``hypothesis`` with the decoder's own tokens taken out of its text, as the model's tokenizer would have:
    ``<pad>`` (CTranslate2 converted MarianMT models that generate it, OpenNMT/CTranslate2#865; a string of
    them for an empty translation, huggingface/transformers#15323), ``</s>``, ``<s>``, ``>>eng<<``; a
    sentencepiece ``▁`` or BPE ``@@ `` left in the text is decoded, and Moses's `` @-@ `` joins (``two-day``).
    Anything the source itself holds is kept;
    ``<unk>`` stays (the guard flags it)."""
    text = hypothesis.text
    if "<" not in text and ">>" not in text and _PIECE_MARK not in text and "@" not in text:
        return hypothesis
    cleaned = _MOSES_JOINS.sub(r"\1", text) if " @" in text and "@" not in source else text
    if not _SPECIAL_TOKENS.search(source):
        cleaned = _SPECIAL_TOKENS.sub(" ", cleaned)
    if _PIECE_MARK in cleaned and _PIECE_MARK not in source:
        pieces = cleaned.strip().split(" ")  # pieces joined by spaces: a word is the pieces from one ▁ to the next
        joined = pieces[0].startswith(_PIECE_MARK) and 2 * sum(p.startswith(_PIECE_MARK) for p in pieces) >= len(pieces)
        cleaned = "".join(pieces).replace(_PIECE_MARK, " ") if joined else cleaned.replace(_PIECE_MARK, " ")
    if "@@ " in cleaned and "@@" not in source:
        cleaned = cleaned.replace("@@ ", "")
    if cleaned == text:
        return hypothesis
    cleaned = re.sub(r"[^\S\n]+", " ", cleaned)
    cleaned = re.sub(r" ([.,;:!?)\]])", r"\1", cleaned).strip() if _PIECE_MARK in text else cleaned.strip()
    return replace(hypothesis, text=cleaned)


_ENTITY = re.compile(r"&(?:quot|apos|amp|lt|gt|nbsp|#\d{1,6}|#[xX][0-9a-fA-F]{1,6});")


def unescape_entities(source: str, text: str) -> str:
    """``text`` with the HTML/XML character references a model writes for punctuation (``&quot;``,
    ``&apos;``, ``&#39;``, ``&amp;``: OPUS-MT models learnt them from Moses-escaped corpora) read back as the
    characters they stand for — a reader never sees ``l&apos;intention`` (modernmt#185) or ``&quot;…&quot;``
    (digitalfabrik/integreat-cms#2721). A reference that the source itself writes is kept as it is."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: m.group() if m.group() in source else html.unescape(m.group()), text)


# Arabic punctuation and digits a model copies into its English (Arabic-Indic and Persian digits, ، ؛ ؟ ٪ and
# the Arabic decimal and thousands separators), and what English writes for them.
_ARABIC_MARKS = {**{0x0660 + i: str(i) for i in range(10)}, **{0x06F0 + i: str(i) for i in range(10)},
                 0x060C: ",", 0x061B: ";", 0x061F: "?", 0x066A: "%", 0x066B: ".", 0x066C: ","}
_ARABIC_MARK = re.compile("[\u0660-\u0669\u06f0-\u06f9\u060c\u061b\u061f\u066a-\u066c]")


def english_marks(text: str) -> str:
    """``text`` (a model's English) with the Arabic commas, question marks and digits it copied from the source
    written as English writes them: ``It rose by ٢٥٪ in ٢٠٢٣، he said`` → ``It rose by 25% in 2023, he said``
    (an English reader may not read ``٢٠٢٣``; simplicialsoftware/nebulous-translations#1375, aissat/
    easy_localization#579). A mark inside Arabic the output keeps (a name in brackets: ``(مدريد، إسبانيا)``)
    stays: a mark changes only where the nearest letter before it (else after it) is not Arabic."""
    if not _ARABIC_MARK.search(text):
        return text
    chars = list(text)
    first = next((c for c in text if c.isalpha()), None)  # the letter after a mark that has none before it
    before, seen = None, 0  # the last letter of text[:seen]: one walk, not one per mark (٣ × 100,000, issue 13)
    for match in _ARABIC_MARK.finditer(text):
        i = match.start()
        before = next((c for c in reversed(text[seen:i]) if c.isalpha()), before)
        seen = i
        near = before if before is not None else first
        if near is None or not is_arabic_letter(near):
            chars[i] = _ARABIC_MARKS[ord(text[i])]
    return "".join(chars)


# Letters of Persian, Urdu, Kurdish and Pashto that Arabic does not write (ی and ک also come from Arabic typed
# on a Persian keyboard: the detector decides), and Persian words that are no Arabic words, for Persian typed
# with Arabic letters (وزير خارجه ايران ... سفر مي كند). A sentence with neither is never looked at again.
_OTHER_ARABIC_SCRIPT_LETTERS = re.compile("[پچژگکیۀٹڈڑںہےھێۆەڵڕۇۋېټښړځڅ]|(?<!\\S)(?:است|را|مي|كرد|كند|شد|شده|"
                                          "براي|كه|اين|آن|هاي|ها|نمي|باشد)(?!\\S)")
#: how sure the detector must be that a sentence is in another Arabic-script language before it is kept
#: from the model (Arabic sentences of the test data and dev sets, 623: none reached it)
OTHER_LANGUAGE_CONFIDENCE = 0.85


def other_arabic_script_language(text: str) -> str | None:
    """The language of ``text`` when it is a language other than Arabic written in Arabic script (``fa``,
    ``ur``, ``ku``, ``ps`` ...: an Arabic→English model renders it as fluent nonsense, apertium/apertium-html-
    tools#496), else None. Only text holding a letter Arabic does not write is detected again."""
    if not _OTHER_ARABIC_SCRIPT_LETTERS.search(text):
        return None
    from translator.langid import detect

    found = detect(text)
    if found.script == "Arab" and found.lang not in ("ar", "und") and found.confidence >= OTHER_LANGUAGE_CONFIDENCE:
        return found.lang
    return None


def _has_arabic(text: str) -> bool:
    return contains_arabic(text)  # looked for in C (issue 20)
def _raising(error: BaseException) -> Callable[[], Any]:
    """A stand-in for a batch's result that raises the error its submission raised."""
    def wait() -> Any:
        raise error
    return wait


def _term_report(info: Any) -> dict[str, Any]:
    """The enforcer's report as plain JSON-safe values (it may be a mapping or an object)."""
    if info is None:
        return {}
    get = info.get if isinstance(info, Mapping) else lambda name, default=None: getattr(info, name, default)
    report = {
        "terms_found": int(get("terms_found", 0) or 0),
        "terms_placed": int(get("terms_placed", 0) or 0),
        "terms_exact": int(get("terms_exact", 0) or 0),
        "term_flags": [str(f) for f in (get("term_flags", None) or [])],
    }
    if hasattr(info, "to_dict"):
        report["detail"] = info.to_dict()
    return report

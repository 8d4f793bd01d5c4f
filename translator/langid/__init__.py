"""Language detection you can trust on short, mixed and same-script text.

    >>> detect("وزیر امور خارجه ایران امروز با همتای عراقی خود دیدار کرد.").lang
    'fa'
    >>> detect("Tindouf").lang          # a place name has no language: "und", not Swahili
    'und'
    >>> [(r.lang, r.text) for r in detect_runs("Ville de Tindouf مدينة تندوف.")]
    [('fr', 'Ville de Tindouf'), ('ar', 'مدينة تندوف.')]

``lang`` is an ISO 639-1 code (``ku`` = Kurdish, Sorani) or ``"und"`` when the detector cannot tell: too few
letters, or a confidence below the detector's threshold. ``confidence`` is calibrated: a word or two is
never as sure as a sentence. ``script`` is the ISO 15924 code of the text's main script (``Zyyy`` when it
has no letters), so a caller can still see that an ``und`` string is Arabic-script.

Detectors (``available_detectors()``): ``default`` = ``script-aware`` (ours), ``lingua``, ``lingua-low``,
``langdetect``; see ``langid/backends.py`` and ``benchmarks/README.md`` for how they compare. Whatever the
detector, a word or two is named only when our word lists back the answer (see ``_short``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache

from ..errors import InputError
from . import lexicon as langid_lexicon
from .backends import BACKENDS, MIN_LETTERS, NO_SCRIPT, SCRIPT_AWARE, UND, is_arabizi
from .runs import merge_sandwiches, script_spans, split_shared_script
from .scripts import dominant_script

__all__ = ["DEFAULT_DETECTOR", "Detection", "LangRun", "available_detectors", "detect", "detect_many", "detect_runs",
           "mask_markup", "plain_letters", "without_addresses", "without_markup"]

DEFAULT_DETECTOR = SCRIPT_AWARE.name
_ALIASES = {"default": DEFAULT_DETECTOR, "script": SCRIPT_AWARE.name}  # "script": older docs' name


@dataclass(frozen=True)
class Detection:
    """The language of one text, how sure we are, its main script, which detector said so, and (``note``) why
    an answer of that detector was set aside for ``und`` (empty otherwise)."""

    lang: str
    confidence: float
    script: str
    detector: str
    note: str = ""

    def to_dict(self) -> dict[str, object]:
        """The fields as a plain dict; ``note`` only when there is one."""
        out = asdict(self)
        if not self.note:
            del out["note"]
        return out


@dataclass(frozen=True)
class LangRun:
    """A stretch of one script inside a line, with its language: ``text == line[start:end]``."""

    start: int
    end: int
    text: str
    lang: str
    confidence: float
    script: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def available_detectors() -> list[str]:
    """Names accepted by ``detector=``: ``default`` first, then each detector by name."""
    return ["default", *BACKENDS]


def detect(text: str, *, detector: str = "default") -> Detection:
    """The language of ``text`` (one segment: a line, a sentence, a headline).

    Arabic presentation forms (the glyph code points of text copied out of old PDFs: ``ﻗﺎﻝ``) are read as
    the letters they show (NFKC), so such text is detected like the same text typed normally. Web
    addresses, e-mail addresses and @handles are in no language and are left out (:func:`without_addresses`),
    and so is HTML or XML markup; character references are read as the characters they stand for
    (:func:`without_markup`).
    """
    name = _resolve(detector)
    text = without_addresses(without_markup(plain_letters(text)))
    if name == DEFAULT_DETECTOR:
        return _detect_default(text)
    return _finish(text, *BACKENDS[name].guess(text), name)


def detect_many(texts: Iterable[str], *, detector: str = "default") -> list[Detection]:
    """``detect`` over a batch, in order. Repeated texts are detected once; lingua runs in parallel."""
    name = _resolve(detector)
    texts = [without_addresses(without_markup(plain_letters(t))) for t in texts]
    if name == DEFAULT_DETECTOR:
        return [_detect_default(t) for t in texts]
    unique = list(dict.fromkeys(texts))
    guesses = dict(zip(unique, BACKENDS[name].guess_many(unique), strict=True))
    return [_finish(t, *guesses[t], name) for t in texts]


def detect_runs(text: str, *, detector: str = "default") -> list[LangRun]:
    """Split a line into language runs by script (an Arabic headline inside an English citation).

    Brackets and quotes stay with the run they enclose, trailing punctuation with the run it ends, and a
    Latin-script run that no detector can name (``Reuters`` inside an Arabic sentence) merges into the
    language around it. A run of another script never does: a short Arabic headline inside an English
    sentence stays its own run (``und`` when it is too short to name, but Arabic script). Languages that
    share a script (French next to English) are not split apart, except Arabic next to Urdu or Persian, told
    apart by the letters only one side writes (:func:`~translator.langid.runs.split_shared_script`). HTML or XML
    tags and character references belong to no run (:func:`mask_markup`): ``<h1>مسجد التقوى</h1>`` is one
    Arabic run, ``مسجد التقوى``.
    """
    spans = script_spans(mask_markup(text))
    if not spans:
        stripped = text.strip()
        if not stripped:
            return []
        start = text.index(stripped)
        return [LangRun(start, start + len(stripped), stripped, UND, 0.0, NO_SCRIPT)]

    def lang_of(start: int, end: int) -> str:
        return detect(text[start:end], detector=detector).lang

    def tag(span) -> str:  # type: ignore[no-untyped-def]
        lang = lang_of(span.start, span.end)
        return f"{UND}-{span.script}" if lang == UND and span.script != "Latn" else lang  # never merged away

    def sure(piece: str) -> tuple[str, float]:
        found = detect(piece, detector=detector)
        return found.lang, found.confidence

    tagged = [(s.start, s.end, tag(s)) for s in spans]
    runs = []
    for merged_start, merged_end in merge_sandwiches(tagged, lang_of):
        for start, end in split_shared_script(text, merged_start, merged_end, sure):
            found = detect(text[start:end], detector=detector)
            runs.append(LangRun(start, end, text[start:end], found.lang, found.confidence, found.script))
    return runs


_PRESENTATION_FORMS = re.compile(r"[\ufb50-\ufdff\ufe70-\ufefe]+")


def plain_letters(text: str) -> str:
    """``text`` with each run of Arabic presentation forms replaced by its NFKC letters (lam-alef ``ﻻ`` → ``لا``)."""
    if not _PRESENTATION_FORMS.search(text):
        return text
    return _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


_ADDRESSES = re.compile(r"(?:https?://|ftp://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@\w+",
                        re.IGNORECASE)


def without_addresses(text: str) -> str:
    """``text`` with web addresses, e-mail addresses and @handles blanked out: their Latin letters would
    outweigh a short Arabic tweet (``"رمضان شهر الرحمة" https://www.facebook.com/...`` read as English,
    jprante/elasticsearch-langdetect#17). A text that is nothing but addresses is returned unchanged."""
    if "@" not in text and "://" not in text and "www." not in text and "WWW." not in text:
        return text
    masked = _ADDRESSES.sub(" ", text)
    return masked if any(c.isalpha() for c in masked) else text


# An HTML/XML tag (``<h1>``, ``</div>``, ``<br/>``, ``<p class="lead">``, a comment) and a character reference
# (``&eacute;``, ``&#1575;``, ``&#x627;``). A tag name starts with an ASCII letter, so ``<<الشروق>>`` (quotes some
# Arabic sites write) and ``a < b`` are text.
_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>|<![A-Za-z][^<>]*>", re.DOTALL)
_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def mask_markup(text: str) -> str:
    """``text`` with each HTML/XML tag and character reference blanked by as many spaces: offsets into the
    result are offsets into ``text``. Text pasted from a page's source or a feed (``<div class="header"><h1>
    مسجد التقوى</h1></div>``) has its language in the words, not in the tag names (aboSamoor/polyglot#274:
    the tags outvoted the Arabic)."""
    if "<" not in text and "&" not in text:
        return text
    blank = lambda m: " " * (m.end() - m.start())  # noqa: E731
    return _REFERENCE.sub(blank, _TAG.sub(blank, text))


def without_markup(text: str) -> str:
    """``text`` with HTML/XML tags blanked and character references read (``propri&eacute;taires`` →
    ``propriétaires``), for detection: see :func:`mask_markup`."""
    if "<" not in text and "&" not in text:
        return text
    return html.unescape(_TAG.sub(" ", text)) if "&" in text else _TAG.sub(" ", text)


def _resolve(detector: str) -> str:
    name = _ALIASES.get(detector, detector)
    if name not in BACKENDS:
        raise InputError(f"Unknown language detector {detector!r}. Choose one of: "
                         f"{', '.join(available_detectors())}.")
    return name


@lru_cache(maxsize=65536)
def _detect_default(text: str) -> Detection:
    """The hot path of batches (cached: news pages repeat bylines, captions and menus)."""
    lang, confidence, script = SCRIPT_AWARE.guess_with_script(text)
    confidence = round(confidence, 4)
    if confidence < SCRIPT_AWARE.threshold:
        lang = UND
    return Detection(lang, confidence, script, DEFAULT_DETECTOR)


def _finish(text: str, lang: str, confidence: float, name: str) -> Detection:
    """Apply the shared rules: too few letters or too little confidence is "und"."""
    script, _, letters = dominant_script(text)
    confidence = round(float(confidence), 4)
    if script is None or letters < MIN_LETTERS:
        return Detection(UND, 0.0, script or NO_SCRIPT, name)
    if lang == UND or confidence < BACKENDS[name].threshold or (script == "Latn" and is_arabizi(text)):
        return Detection(UND, confidence, script, name)
    if sum(1 for w in text.split() if _LETTER.search(w)) <= SHORT_WORDS:
        return _short(text, lang, confidence, script, name)
    return _not_contradicted(text, lang, confidence, script, name)


SHORT_WORDS = 4  # a string of this many words or fewer is "short": see _short
CONTRADICTED = 0.05  # our word lists' posterior for another detector's answer below which it is set aside
UNBACKED = 0.2  # ... or the share of the words its word list knows, below which it is set aside
_LETTER = re.compile(r"[^\W\d_]")


def _short(text: str, lang: str, confidence: float, script: str, name: str) -> Detection:
    """A word or two, named by another detector, is kept only when our word lists back it.

    langdetect and lingua score letter n-grams and are as sure of one word as of a page: ``Reuters`` German at
    1.0, ``b d`` Somali at 0.99 (Mimino666/langdetect#52), ``MINURSO`` Swahili. In a script several of our
    languages write, the answer stands only when the default detector's word lists give that language a
    calibrated confidence (``lexicon.score``: evidence, coverage, shared words) at its own threshold; the
    confidence is then the smaller of the two, also when the answer is ``und``.
    """
    scored = langid_lexicon.score(text, script)
    if scored is None or len(scored.posterior) == 1:  # a script of one language (Hebrew): the script decides
        return Detection(lang, confidence, script, name)
    posterior = dict(scored.posterior).get(lang)
    if posterior is None:  # a language our lists do not hold (Somali, Macedonian): no backing at all
        return Detection(UND, 0.0, script, name)
    trust = scored.evidence / (scored.evidence + langid_lexicon.SHRINK)
    backed = round(min(confidence, trust * posterior + (1 - trust) / len(scored.posterior)), 4)
    if scored.shared or backed < SCRIPT_AWARE.threshold:
        return Detection(UND, backed, script, name)
    return Detection(lang, backed, script, name)


def _not_contradicted(text: str, lang: str, confidence: float, script: str, name: str) -> Detection:
    """Another detector's answer for a sentence, kept unless our word lists and letters contradict it.

    langdetect and lingua name only the languages they have models for: Sorani Kurdish is Persian to langdetect
    at 1.0 and Arabic to lingua (languagetool-org/languagetool#6285), Pashto is Persian to both
    (mozilla/firefox-translations#146), and lingua, asked about ``LINGUA_LANGUAGES`` only, calls Kurmanji French.
    When the default detector is sure of another language (its own threshold) and gives the answer a
    posterior under ``CONTRADICTED``, or when fewer than ``UNBACKED`` of the words are in the answer's word list
    (:func:`~translator.langid.lexicon.coverage_of`), the answer is ``und``, and ``note`` says why: that the
    detector does not know the language our lists read (``ku``, ``ps``), or that the words do not back it.
    """
    scored = langid_lexicon.score(text, script)
    if scored is None or len(scored.posterior) == 1 or scored.shared:
        return Detection(lang, confidence, script, name)
    names = langid_lexicon.language_names()
    foreign = langid_lexicon.letters_of_no_language(text, script)
    if foreign:
        return Detection(UND, 0.0, script, name, f"{name} said {lang} ({confidence:.2f}), but no language we know "
                         f"writes {' and '.join(foreign)} together (Kurmanji Kurdish does)")
    posterior = dict(scored.posterior).get(lang, 0.0)
    sure = scored.lang != lang and scored.confidence >= SCRIPT_AWARE.threshold
    ours = f"{names.get(scored.lang, scored.lang)} ({scored.lang})"
    if sure and posterior < CONTRADICTED and not BACKENDS[name].knows(scored.lang):
        return Detection(UND, round(posterior, 4), script, name, f"{name} does not know {ours}, which our word "
                         f"lists and letters read here ({scored.confidence:.2f})")
    covered = langid_lexicon.coverage_of(text, script, lang)
    if covered is not None and covered < UNBACKED:
        return Detection(UND, round(min(confidence, covered), 4), script, name,
                         f"{name} said {names.get(lang, lang)} ({lang}, {confidence:.2f}), but only {covered:.0%} of "
                         "the words are in its word list")
    if sure and posterior < CONTRADICTED:
        return Detection(UND, round(posterior, 4), script, name, f"{name} said {lang} ({confidence:.2f}), but our "
                         f"word lists read {ours} ({scored.confidence:.2f}) and give {lang} {posterior:.2f}")
    return Detection(lang, confidence, script, name)

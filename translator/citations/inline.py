"""Attributions inside running prose: ``the pro-government Al-Watan daily carried ...``.

An outlet named in a sentence counts as a citation only when the sentence says it is a source: a type noun
beside the name ("daily", "newspaper", "news site"), a description ("the Emirati state-owned newspaper
from Sharjah"), or a reporting verb ("reported", "according to").  Known outlets are found through the
registry; unknown ones only in the strong shape ``the <description> <type> <Name>`` /
``the <description> <Name> <type>``.  Arabic prose: ``صحيفة/جريدة/قناة/وكالة <name>`` with a known name.
"""

from __future__ import annotations

import re
from functools import cache

from wordfreq import zipf_frequency

from translator.citations.cues import cues
from translator.citations.fields import PERSON, Draft, article_prefix, clean_person, publication_dates, ws
from translator.glossary.outlet_registry import OutletRegistry, arabic_key
from translator.text.arabic import is_arabic
from translator.text.segment import sentences

__all__ = ["inline_attributions"]

_BOUNDARY = re.compile(r"(?:^|[,;:\"“”]|\b(?:[Tt]he|a|an|in|by|from|to|of|with|on|at|for|and|that|which|who|"
                       r"according|than|as)\b)")
_MAX_DESCRIPTOR_WORDS = 6
_WORDLIKE = re.compile(r"[^\W\d_][\w'’-]*")
_COMMON_WORD_ZIPF = 4.0


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    c = cues()
    kind = c.pattern("type_noun")
    cap = rf"(?:{article_prefix()})?[A-Z][\w'’]*(?:[-‐][A-Za-z][\w'’]*)*"
    name = rf"{cap}(?:\s+{cap}){{0,3}}"
    return {
        "type_after": re.compile(r"\s+(?:" + kind + r")(?:\s+(?:" + kind + r"))*\b", re.IGNORECASE),
        "type_end": re.compile(r"\b(?:" + kind + r")\s*$", re.IGNORECASE),
        "verb": re.compile(r"\b(?:" + c.pattern("reporting_verb") + r")\b", re.IGNORECASE),
        "type_then_name": re.compile(r"\b[Tt]he\s+(?P<desc>(?:[\w'’()-]+\s+){0,4}?)(?P<type>" + kind + r")\s+"
                                     r"(?P<name>" + name + r")"),
        "name_then_type": re.compile(r"\b[Tt]he\s+(?P<desc>(?:[\w'’()-]+\s+){0,4}?)(?P<name>" + name + r")\s+"
                                     r"(?P<type>" + kind + r")\b"),
        "arabic_generic": re.compile(r"(?:^|(?<=\s))[وفب]?(?P<noun>" + c.pattern("arabic_generic") + r"|وكالة)\s+"),
    }


def inline_attributions(text: str, registry: OutletRegistry) -> list[Draft]:
    """One draft per outlet named as a source in a sentence of ``text`` (offsets into ``text``)."""
    drafts: list[Draft] = []
    for sentence in sentences(text):
        s = sentence.text
        seen: set[str] = set()
        for a, b, name in _mentions(s, registry):
            draft = _arabic_attribution(s, a, b, name) if is_arabic(name) else _attribution(s, a, b, name, registry)
            if draft is None or name in seen:
                continue
            seen.add(name)
            draft.start, draft.end = sentence.start, sentence.end
            drafts.append(draft)
    return drafts


def _mentions(s: str, registry: OutletRegistry) -> list[tuple[int, int, str]]:
    found = []
    for a, b, match in registry.find_in_text(s):
        lead = _leading_nationalities(s[a:b])
        if lead and registry.lookup(s[a + lead:b]) is match.outlet:
            a += lead  # "Lebanese al-Akhbar": the nationality describes, the name is al-Akhbar
        found.append((a, b, s[a:b]))
    taken = [(a, b) for a, b, _ in found]
    p = _patterns()
    for pattern in (p["type_then_name"], p["name_then_type"]):
        for m in pattern.finditer(s):
            a, b = m.span("name")
            name = m.group("name")
            lead = _leading_nationalities(name)
            a += lead
            name = s[a:b]
            if not name or any(x < b and a < y for x, y in taken) or not _plausible_unknown(name):
                continue
            found.append((a, b, name))
            taken.append((a, b))
    if is_arabic(s):
        for m in p["arabic_generic"].finditer(s):
            hit = _arabic_name_after(s, m.end(), registry)
            if hit is not None and not any(x < hit[1] and hit[0] < y for x, y in taken):
                found.append(hit)
                taken.append(hit[:2])
    return sorted(found)


def _leading_nationalities(name: str) -> int:
    nationalities = cues().lower_set("nationality")
    offset = 0
    for word in re.finditer(r"\S+", name):
        if word.group().lower() not in nationalities:
            break
        offset = word.end() + (len(name[word.end():]) - len(name[word.end():].lstrip()))
    return offset


def _plausible_unknown(name: str) -> bool:
    words = name.split()
    if len(words) == 1 and zipf_frequency(name.lower(), "en") >= _COMMON_WORD_ZIPF:
        return False
    if any(_descriptive_compound(w) for w in words):
        return False  # "Hezbollah-affiliated", "Saudi-owned": a description, not a name
    return not all(w.lower() in cues().lower_set("nationality") for w in words)


def _descriptive_compound(word: str) -> bool:
    """A hyphenated word ending in a common lowercase English word (``Hezbollah-affiliated``), unlike a
    transliteration with an article (``Al-Akhbar``, ``Rai al-Youm``)."""
    head, _, tail = word.rpartition("-")
    return bool(head) and tail[:1].islower() and tail.lower() not in cues().lower_set("article") \
        and zipf_frequency(tail, "en") >= _COMMON_WORD_ZIPF - 1


def _attribution(s: str, a: int, b: int, name: str, registry: OutletRegistry) -> Draft | None:
    p = _patterns()
    before, after = s[:a], s[b:]
    type_after = p["type_after"].match(after)
    after_name = after[type_after.end():] if type_after else after
    paren_after = re.match(r"\s*\(([^()]{2,80})\)", after_name)
    if paren_after:
        after_name = after_name[paren_after.end():]
    appositive = re.match(r"\s*,\s*(?:the|a|an)\s+([^,;.()]{3,100}?)\s*(?:,|;|$)", after_name)
    if appositive and not (p["type_end"].search(appositive.group(1)) or
                           re.search(r"\b(?:" + cues().pattern("type_noun") + r")\b", appositive.group(1), re.I)):
        appositive = None
    descriptor = _descriptor_before(before)
    has_type = bool(type_after or (descriptor and p["type_end"].search(descriptor)) or appositive)
    has_verb = bool(p["verb"].search(s))
    leaning = _leaning(descriptor) or (ws(appositive.group(1)) if appositive else None) or \
        (_leaning(paren_after.group(1)) if paren_after else None)
    if not (has_type or has_verb or leaning):
        return None
    author = _author(s, before, after_name if not appositive else after_name[appositive.end():], registry)
    dates = publication_dates(s, lang="en")
    warnings = []
    return Draft("inline_attribution", 0, len(s), outlet=name, leaning=leaning, author=author,
                 date=dates[0] if dates else None, confidence=0.8 if has_type else 0.65, warnings=warnings)


def _descriptor_before(before: str) -> str | None:
    """The words between the last boundary ("the", "in", a comma ...) and the outlet name."""
    boundaries = list(_BOUNDARY.finditer(before))
    chunk = before[boundaries[-1].end():] if boundaries else before
    words = chunk.replace("(", " ").replace(")", " ").split()
    if not words or len(words) > _MAX_DESCRIPTOR_WORDS or not all(_WORDLIKE.fullmatch(w) for w in words):
        return None
    nationalities = cues().lower_set("nationality")
    for word in words:
        stem = re.sub(r"['’]s$", "", word)
        if word[:1].isupper() and word.lower() not in nationalities and "-" not in word \
                and stem.lower() not in _countries():
            return None  # a name, not a description ("Syria's official news agency" is one)
    return " ".join(words)


@cache
def _countries() -> frozenset[str]:
    c = cues()
    return frozenset((c.value("nationality", w) or "").split(" (")[0].lower() for w in c.words("nationality"))


def _leaning(descriptor: str | None) -> str | None:
    """The description, unless it only says what the outlet is (``electronic``, ``daily newspaper``)."""
    descriptor = ws(descriptor)
    if not descriptor:
        return None
    format_words = cues().lower_set("format_word")
    words = [w.strip(",.;:") for w in descriptor.split()]
    if all(w.lower() in format_words for w in words):
        return None
    if re.fullmatch(r"(?:in\s+)?(?:arabic|english|french)", descriptor, re.IGNORECASE):
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", descriptor, flags=re.IGNORECASE)


def _author(s: str, before: str, after: str, registry: OutletRegistry) -> str | None:
    """``Name, who ...`` opening the sentence, ``..., Name`` right after the outlet, or ``Name wrote in``."""
    speech = cues().pattern("speech_verb")
    candidates = []
    m = re.match(r"\s*(?P<p>" + PERSON.pattern + r"),\s+(?:who|a|an|the)\b", before)
    if m:
        candidates.append(m.group("p"))
    role = r"(?:(?i:(?:the\s+)?" + cues().pattern("author_role") + r")\s+)?"
    m = re.match(r"(?:\s+[\w'’-]+){0,3}?\s*,\s*" + role + r"(?P<p>" + PERSON.pattern + r")(?=\s*(?:[,.;:]|$|\s+"
                 + speech + r"\b))", after)
    if m:
        candidates.append(m.group("p"))
    m = re.search(r"(?P<p>" + PERSON.pattern + r")\s+" + speech + r"\s+(?:in|to)\b", before)
    if m:
        candidates.append(m.group("p"))
    m = re.search(r"\b(?:" + cues().pattern("byline_noun") + r")\s+by\s+(?P<p>"
                  + PERSON.pattern + r")", after)
    if m:
        candidates.append(m.group("p"))
    nationalities = cues().lower_set("nationality")
    for candidate in candidates:
        first = candidate.split()[0].lower()
        if first in nationalities or first in {"the", "in", "on", "according"}:
            continue
        if registry.lookup(candidate) is None:
            return clean_person(candidate)
    return None


def _arabic_name_after(s: str, pos: int, registry: OutletRegistry) -> tuple[int, int, str] | None:
    words = list(re.finditer(r"\S+", s[pos:]))[:4]
    for n in range(len(words), 0, -1):
        end = pos + words[n - 1].end()
        name = s[pos:end].rstrip("،,.:؛")
        match = registry.resolve(name)
        if match.outlet is not None and match.method == "exact" and arabic_key(name):
            return pos, pos + len(name), name
    return None


def _arabic_attribution(s: str, a: int, b: int, name: str) -> Draft:
    dates = publication_dates(s, lang="ar")
    return Draft("inline_attribution", 0, len(s), outlet=name, date=dates[0] if dates else None, confidence=0.75)

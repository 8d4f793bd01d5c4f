"""Lines that introduce what follows as one outlet's: digest headings and lead-ins (issue 15, fourth session).

Press reviews print an outlet on a line of its own and the headline or the writer's paragraph under it.  The
line is not always a bare name:

- an Arabic reading lead-in: ``في النهار البيروتية نطالع`` ("in Beirut's an-Nahar we read"), ``ونكمل مع
  الصباح لنطالع من بعض عناوينها:``; the adjective after the name (``البيروتية``) is the description;
- an English monitor heading with the language it was read in: ``Al-Ahram in Arabic`` (BBC Monitoring and
  FBIS digests);
- a name with its description in brackets, then a colon: ``ATTAGAMMOA’ (Unionist Yemeni Congregation,
  weekly, 1st May):`` (Yemen Times press review).

:func:`outlet_heading` reads such a line; the parser gives the next piece that outlet.  A bare lead-in only
counts with a known outlet (``في الغد نطالع`` could be "tomorrow"); a bracketed description lets an unknown
capitalized name through, since the shape itself says it is a publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from translator.citations.country import arabic_country
from translator.citations.cues import cues
from translator.citations.fields import decap, decap_description, looks_like_name, publication_dates
from translator.citations.inline import foreign_press_names
from translator.glossary.outlet_registry import OutletRegistry
from translator.text.arabic import is_arabic

__all__ = ["BULLET", "Heading", "outlet_heading", "page_heading_names"]

BULLET = re.compile(r"^\s*(?:[-–—―•*▪‣·]{1,2}|\d{1,3}[.)])\s*")  # a list mark opening a digest item

# a reading verb of a press tour: "we read", "we follow", "we browse" (with ل "so that we read", و "and")
_READING = re.compile(r"(?:^|\s)[وف]?ل?ن(?:طالع|قرأ|قرا|قراء|تابع|تصفح|طلع)(?:\s|$|:)")
_LEAD = re.compile(r"^(?:[وف]?(?:ثم|نكمل|ونكمل|نبدأ|ونبدأ)\s+)?[وف]?(?:في|مع|من|الى|إلى|عند)\s+")
_MAX_HEADING_WORDS = 9


@dataclass(frozen=True)
class Heading:
    """The outlet a heading line names, the description it gives, and whether the registry knows it."""

    outlet: str
    leaning: str | None = None
    known: bool = True
    reading: bool = False  # a reading lead-in ("we read"): what follows is a headline, never "Writer: title"


def outlet_heading(line: str, registry: OutletRegistry) -> Heading | None:
    """The outlet that ``line`` introduces as a heading, or None (see the module docstring)."""
    line = line.strip()
    if not line or "\n" in line or len(line.split()) > _MAX_HEADING_WORDS:
        return None
    if is_arabic(line):
        return _arabic_lead_in(line, registry) or _arabic_name_with_country(line, registry)
    return _language_heading(line, registry) or _described_heading(line)


def _arabic_lead_in(line: str, registry: OutletRegistry) -> Heading | None:
    body = line.rstrip(" :：")
    if line.endswith((":", "：")) and len(body.split()) <= 3:
        # "ديلي إكسبريس:" over a paragraph about "the paper" (a tour of the foreign press), or a known name
        match = registry.resolve(body)
        if match.outlet is not None and match.method == "exact":
            return Heading(body)
        if foreign_press_names(body, after_verb=False):
            return Heading(body, known=False)
    reading = _READING.search(body)
    lead = _LEAD.match(body)
    if reading is None or lead is None or reading.start() < lead.end():
        return None
    words = body[lead.end():reading.start()].split()
    if words and words[0] in cues().lower_set("arabic_generic"):
        words = words[1:]  # "في صحيفة النهار نقرأ"
    for n in range(min(len(words), 4), 0, -1):
        name = " ".join(words[:n]).strip("،,")
        match = registry.resolve(name)
        if match.outlet is None or match.method != "exact":
            continue
        rest = words[n:]
        # the adjectives after the name describe the paper ("البيروتية", "اللبنانية")
        leaning = " ".join(rest) if rest and all(w.startswith("ال") and w.endswith(("ية", "ة")) for w in rest) \
            else None
        return Heading(name, leaning, reading=True)
    return None


def _arabic_name_with_country(line: str, registry: OutletRegistry) -> Heading | None:
    """A paper's line in a headline list: a registry name and the country adjective that tells it from its
    namesakes (``الانباء الكويتيه``, ``القبس الكويتية``; session 11).  The adjective is how the list names the
    paper, not a description of it."""
    words = line.rstrip(" :：").split()
    if not 2 <= len(words) <= 4 or re.search(r"[.,،؛!?؟«»“”\"()]", line) or arabic_country(words[-1]) is None:
        return None
    name = " ".join(words[:-1])
    match = registry.resolve(name)
    return Heading(name) if match.outlet is not None and match.method == "exact" else None


@cache
def _language_pattern() -> re.Pattern[str]:
    # the name ends on a letter and the space after it is taken whole (possessive): with ``.+?\s+`` a run of
    # 4,000 spaces took 5 s and 20,000 took 160 s, each of its places tried against every split (issue 13)
    return re.compile(r"^(?P<name>.*?\S)\s++(?:" + cues().pattern("language_marker") + r")\s*:?$", re.IGNORECASE)


def _language_heading(line: str, registry: OutletRegistry) -> Heading | None:
    m = _language_pattern().match(line)
    if m is None or not looks_like_name(m.group("name"), max_words=5):
        return None
    match = registry.resolve(m.group("name"))
    return Heading(m.group("name"), known=True) if match.outlet is not None else None


_DESCRIBED = re.compile(r"^(?P<name>[A-Z][\w'’‘`.-]*(?:\s+[A-Za-z][\w'’‘`.-]*){0,3})\s*\((?P<desc>[^()]{3,80})\)\s*:?$")


@cache
def _type_noun() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + cues().pattern("type_noun") + r")\b", re.IGNORECASE)


def _described_heading(line: str) -> Heading | None:
    """``RA’Y (Sons of Yemen League, weekly, 1st May):``: the name, and the description without its date."""
    m = _DESCRIBED.match(line)
    if m is None or not line.rstrip().endswith(":"):
        return None
    name, desc = m.group("name"), m.group("desc")
    if not _type_noun().search(desc):
        return None  # "Al-Assad (president since 2000):" is a man; a publication says what it is ("weekly")
    if not (name.isupper() or all(w[:1].isupper() or w.lower() in {"al", "el"} for w in re.split(r"[\s-]+", name))):
        return None
    parts = [p.strip() for p in desc.split(",") if p.strip()]
    parts = [p for p in parts if not publication_dates(p, lang="en") and not re.fullmatch(
        r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?", p)]
    return Heading(decap(name) or name, decap_description(", ".join(parts)) or None, known=False)


# --------------------------------------------------------------------------- a page's own heading pattern (s13)
_MIN_KNOWN_HEADINGS = 2


def page_heading_names(text: str, registry: OutletRegistry) -> frozenset[str]:
    """The bare-name lines a page prints as its papers' headings, whether the registry knows them or not.

    A review that prints ``Hurriyet`` / ``Sabah`` / ``Posta`` each on a line of its own over that paper's headline
    and summary shows its pattern with the names the registry knows; a line of the same shape in the same place
    (after the previous paper's text, over a line of text, with the same blank lines around it) is a heading too,
    though the registry lacks the name (``Haberturk``, ``Karar``).  A candidate is a line of one to four
    capitalized words without punctuation or digits (:func:`~translator.citations.blocks.is_bare_name`) whose
    previous line, if any, is not another name (a menu, or the headline under a heading) and whose next lines are
    not names only (a menu).  Unknown candidates count only when at least two distinct known names stand in the same
    layout on the page; Arabic lines are left to the Arabic heading rules.  Returns the accepted lines, stripped.
    """
    from translator.citations.blocks import is_bare_name, is_date_line

    lines = [(m.start(), m.group().strip()) for m in re.finditer(r"[^\n]*", text)]
    rows: list[tuple[int, str, bool]] = []  # (index in lines, text, blank line before)
    blank = False
    for _, line in lines:
        if not line:
            blank = True
            continue
        rows.append((len(rows), line, blank))
        blank = False
    layouts: dict[tuple[bool, bool], list[tuple[str, bool]]] = {}
    for k, (_, line, before) in enumerate(rows):
        if k + 1 >= len(rows) or is_arabic(line) or not is_bare_name(line) or re.search(r"\d", line):
            continue
        following, after = rows[k + 1][1], rows[k + 1][2]
        if is_date_line(line) or (is_bare_name(following) and (k + 2 >= len(rows) or is_bare_name(rows[k + 2][1]))):
            continue  # a menu of names, or a name over nothing but names
        if k > 0 and is_bare_name(rows[k - 1][1]):
            continue  # the headline under a heading, or a line of a menu
        layouts.setdefault((before, after), []).append((line, registry.lookup(line) is not None))
    accepted: set[str] = set()
    for found in layouts.values():
        if len({name for name, known in found if known}) >= _MIN_KNOWN_HEADINGS:
            accepted.update(name for name, _ in found)
    return frozenset(accepted)

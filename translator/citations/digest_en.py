"""English press-digest layouts read as structure (issue 15, session 7: the English side).

English reviews of the Arab press lay their items out in a few recurring shapes that the sentence-level
recognizers miss:

- a monitor's item line, the outlet with its description in square brackets, a colon, then the day's
  headlines run together with ``...`` (BBC Monitoring's "headlines, quotes from Iraqi press")::

      Al-Sabah al-Jadid [Baghdad, independent political daily]: No US bases in Iraq beyond 2011 ... Republicans

- a heading with the paper's affiliation, frequency and issue day in round brackets, the headline on the
  next line (Yemen Times "Press Review")::

      Al-Jamaheer (Ba’ath Party pro-Syria faction, weekly 10th May)
      Ar-Razihi Seeks Political Asylum at Holland

- an outlet heading over dated lines, a "Main headlines" label and a list (the Yemen Times' per-paper
  reviews): the issue's date is the last date line, its year taken from the review's date above it when the
  issue line has none (``June 11 2007`` over ``Tuesday, June 5``);
- a digest's own title or lead with the day it reviews (``The Daily Star - Lebanon's Arabic press digest -
  September 10, 2011``, ``... taken from the Iraqi press published on 23 October 2011:``, an agency dateline
  ``Riyadh, April 20, 2019, SPA --``): that date is the date of the papers reviewed under it that give none
  of their own, and the line itself is no citation (``BBC Monitoring`` is the digest, not a paper cited).

Each reader returns :class:`~translator.citations.fields.Draft` objects like the other recognizers; the
parser calls them before its sentence-level forms.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from translator.citations.cues import cues
from translator.citations.fields import Draft, decap, decap_description, publication_dates, split_title, ws
from translator.dates import DateResult, parse_date
from translator.glossary.outlet_registry import OutletRegistry

__all__ = [
    "address_item", "archive_entries", "bracket_item", "bulletin_entry", "described_heading_block", "digest_title",
    "doubled_apostrophes", "markdown_blanked", "monitor_source", "press_heading", "prose_writer", "review_date",
    "same_name", "sources_line",
]

_NAME = r"[A-Z][\w'’‘`.-]*(?:[ \t]+(?:[A-Za-z][\w'’‘`.-]*|al|el)){0,4}"
_BRACKET_ITEM = re.compile(r"\A\s*(?P<name>" + _NAME + r")[ \t]*\[(?P<desc>[^\[\]]{3,200})\][ \t]*:[ \t]*"
                           r"(?P<rest>\S.*)\Z", re.DOTALL)
_ROUND_HEADING = re.compile(r"\A\s*(?P<name>" + _NAME + r")[ \t]*\((?P<desc>[^()\n]{3,80})\)[ \t]*:?[ \t]*\n"
                            r"(?P<rest>[^\n]+(?:\n[^\n]+)*)\s*\Z")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
_DAY_MONTH = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?|\b[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?\b")


@cache
def _type_noun() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + cues().pattern("type_noun") + r")\b", re.IGNORECASE)


def _publication_name(name: str, registry: OutletRegistry, desc: str) -> bool:
    """A bracketed description says what the name is: a publication ("daily", "weekly") or a known outlet."""
    if _type_noun().search(desc):
        return True
    match = registry.resolve(name)
    return match.outlet is not None and match.method == "exact"


def _without_issue_day(desc: str) -> str:
    """``Official, weekly, 10th May`` → ``Official, weekly``; ``…faction, weekly 10th May`` → ``…faction, weekly``."""
    parts = []
    for part in (p.strip() for p in desc.split(",")):
        part = _DAY_MONTH.sub("", part).strip() if not re.search(r"\d{4}", part) else part
        if part and not publication_dates(part, lang="en"):
            parts.append(part)
    return ", ".join(parts)


def _first_headline(rest: str) -> str | None:
    """The first of a monitor's headlines run together with ``...`` (lines wrapped by the e-mail joined)."""
    text = ws(rest) or ""
    first = _ELLIPSIS.split(text, maxsplit=1)[0].strip(" .;")
    return first or None


def bracket_item(text: str, registry: OutletRegistry) -> list[Draft]:
    """``Outlet [description]: headline ... headline`` (a BBC Monitoring press item)."""
    if "[" not in text or "]" not in text:
        return []
    m = _BRACKET_ITEM.match(text)
    if m is None:
        return []
    name, desc = m.group("name").strip(), ws(m.group("desc")) or ""
    if desc.lower().startswith(("archives", "archive:", "in arabic", "in english")) \
            or not _publication_name(name, registry, desc):
        return []
    original, english = split_title(_first_headline(m.group("rest")) or "")
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    return [Draft("press_digest_headline", start, end, outlet=decap(name) or name, leaning=desc or None,
                  title_original=original, title_english=english, confidence=0.75)]


def described_heading_block(text: str, registry: OutletRegistry) -> list[Draft]:
    """``Outlet (affiliation, weekly, issue day)`` on a line of its own, the headline on the next line."""
    if "(" not in text or "\n" not in text.strip():
        return []
    m = _ROUND_HEADING.match(text)
    if m is None:
        return []
    name, desc = m.group("name").strip(), m.group("desc")
    if not _type_noun().search(desc):
        return []  # "Al-Assad (president since 2000)" is a man; a publication says what it is ("weekly")
    if not (name.isupper() or all(w[:1].isupper() or w.lower() in {"al", "el"} for w in re.split(r"[\s-]+", name))):
        return []
    headline = m.group("rest").strip().split("\n")[0].strip()
    if not headline or headline.endswith(":") or len(headline.split()) > 25:
        return []
    dates = [d for d in publication_dates(desc, lang="en") if d.date and len(d.date) == 10]
    original, english = split_title(headline)
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    return [Draft("press_digest_headline", start, end, outlet=decap(name) or name,
                  leaning=decap_description(_without_issue_day(desc)) or None, title_original=original,
                  title_english=english, date=dates[0] if dates else None, confidence=0.7)]


_HEADLINES_LABEL = re.compile(r"^\s*(?:main\s+)?(?:headlines|top\s+stories)\s*:?\s*$", re.IGNORECASE)
_LIST_MARK = re.compile(r"^\s*(?:[-–—―•*▪‣·]{1,2}|\d{1,3}[.)])\s*(?=\S)")
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")


def _date_line(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= 40 and bool(re.search(r"\d", line)) and bool(
        re.fullmatch(r"(?:[A-Z][a-z]+,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?(?:\s+\d{4})?"
                     r"|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?(?:\s+\d{4})?)\.?", line))


def _issue_date(lines: list[str]) -> DateResult | None:
    """The last date line, its year completed from an earlier dated line when it has none."""
    year = None
    result = None
    for line in lines:
        found = publication_dates(line, lang="en")
        y = _YEAR.search(line)
        if y:
            year = int(y.group())
            result = found[0] if found and found[0].date and len(found[0].date) == 10 else result
            continue
        if year is not None:
            completed = publication_dates(f"{line.strip().rstrip('.')} {year}", lang="en")
            if completed and completed[0].date and len(completed[0].date) == 10:
                result = completed[0]
    return result


_ARCHIVE_LINE = re.compile(r"^[ \t]*(?P<name>" + _NAME + r")[ \t]*(?:\[[^\[\]\n]{2,80}\])?[ \t]*$", re.MULTILINE)


def archive_entries(text: str, registry: OutletRegistry) -> list[tuple[int, int, Draft]]:
    """Every known outlet's heading over date lines, a "Main headlines" label and a list in ``text``: the
    span from the heading to the first headline, with its draft (outlet, the issue's date, the headline) — the
    Yemen Times' per-paper reviews.  Offsets index ``text``."""
    if "eadlines" not in text:
        return []  # the common case, without the scan
    found = []
    for m in _ARCHIVE_LINE.finditer(text):
        name = m.group("name").strip()
        lines = text[m.end():].split("\n")[1:]
        dated: list[str] = []
        i = 0
        while i < len(lines) and (not lines[i].strip() or _date_line(lines[i])):
            if lines[i].strip():
                dated.append(lines[i])
            i += 1
        if not dated or i >= len(lines) or not _HEADLINES_LABEL.match(lines[i]):
            continue
        i += 1
        while i < len(lines) and not lines[i].strip():
            i += 1
        if i >= len(lines) or not _LIST_MARK.match(lines[i]):
            continue
        match = registry.resolve(name)
        if match.outlet is None or match.method != "exact":
            continue
        end = m.end() + 1 + sum(len(line) + 1 for line in lines[:i]) + len(lines[i])
        original, english = split_title(_LIST_MARK.sub("", lines[i]).strip())
        found.append((m.start("name"), end, Draft("press_digest_headline", 0, end - m.start("name"),
                                                  outlet=decap(name) or name, title_original=original,
                                                  title_english=english, date=_issue_date(dated),
                                                  confidence=0.75)))
    return found


# A digest's own title or lead naming the day it reviews, and an agency dateline opening a review
_REVIEW_WORDS = re.compile(r"\b(?:press\s+(?:digest|review|roundup|round-up)|(?:arab|arabic|iraqi|egyptian|lebanese|"
                           r"syrian|saudi|gulf|jordanian|palestinian|kuwaiti|qatari|yemeni|sudanese|libyan|"
                           r"local)\s+(?:press|papers|newspapers|dailies)|headlines,?\s+quotes|newspapers?\s+review"
                           r"|press\s+(?:published|of)\b)", re.IGNORECASE)
_AGENCY_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,2},\s+(?P<date>[^()\n]{6,40}?),?"
                              r"\s+\(?[A-Z]{2,6}\)?\s*(?:--|[-–—])\s*(?=\S)")


_DIGIT = re.compile(r"\d")


def review_date(line: str) -> DateResult | None:
    """The complete, unambiguous date of a digest's title or lead line, or of an agency dateline opening it;
    None when the line is neither or its date is incomplete."""
    line = line.strip()
    if not line or len(line) > 400 or _DIGIT.search(line) is None:
        return None  # no date without a digit
    m = _AGENCY_DATELINE.match(line)
    region = m.group("date") if m else (line if _REVIEW_WORDS.search(line) else None)
    if region is None:
        return None
    dates = [d for d in publication_dates(region, lang="en") if d.date and len(d.date) == 10 and not d.ambiguous]
    return dates[-1] if dates else None


def digest_title(piece: str) -> bool:
    """A digest's own title or lead (review words, no full stop): ``BBC Monitoring headlines, quotes from Iraqi
    press 23 October``, ``Arab press roundup for June 7:``; it cites no paper."""
    if len(piece) > 400 or piece.rstrip().endswith("."):
        return False  # the common case: a paragraph, or a sentence
    line = ws(piece) or ""
    return 0 < len(line) <= 300 and not line.endswith(".") and bool(_REVIEW_WORDS.search(line)) \
        and _AGENCY_DATELINE.match(line) is None


_PRESS_HEADING = re.compile(r"^(?P<name>[A-Z0-9][^:\n]{1,50}?)\s+(?:press|newspaper|daily)\s*:?$")


def press_heading(line: str, registry: OutletRegistry) -> str | None:
    """A heading line ``Youm7 press`` / ``Al-Shorouq press`` (a known outlet and "press"): the outlet."""
    m = _PRESS_HEADING.match(line.strip())
    if m is None:
        return None
    match = registry.resolve(m.group("name"))
    return m.group("name") if match.outlet is not None and match.method == "exact" else None


def same_name(a: str, b: str) -> bool:
    """Two spellings of one heading (``Al-Masry Al-Youm`` printed twice: logo text, then heading)."""
    return re.sub(r"[\W_]+", "", a).casefold() == re.sub(r"[\W_]+", "", b).casefold()


_DOUBLED = re.compile(r"(?<![\w'])''(?=\S)(?P<t>[^'\n]{3,200}?)(?<=\S)''(?![\w'])")


def doubled_apostrophes(text: str) -> str:
    """``entitled ''The Exposed Doha'' said``: two apostrophes used as quotation marks (SPA's English service)
    become one double quote and a space, so the text keeps its length and offsets."""
    if "''" not in text:
        return text
    return _DOUBLED.sub(lambda m: ' "' + m.group("t") + '" ', text)


_ADDRESS_ITEM = re.compile(r"\A\s*(?P<title>\S[^\n]{2,300}?)\s+(?P<date>(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+"
                           r"|\d{1,2}\s+[A-Z][a-z]+\.?,?\s+)(?:1[89]\d\d|20\d\d))\s+(?P<url>(?:https?://|www\.)[^\s«»“”\"]+)\s*(?P<body>\S.*)?\Z",
                           re.DOTALL)


def address_item(text: str, registry: OutletRegistry) -> list[Draft]:
    """``Title Month D, YYYY http://paper.site/ text``: a digest item that names its paper only by the
    paper's web address (the Oasis Center's flattened Arab press review); the registry's domain says who."""
    if "http" not in text and "www." not in text:
        return []
    m = _ADDRESS_ITEM.match(text)
    if m is None:
        return []
    outlet = registry.by_domain(m.group("url"))
    if outlet is None:
        return []
    dates = [d for d in publication_dates(m.group("date"), lang="en") if d.date]
    original, english = split_title(m.group("title"))
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    return [Draft("press_digest_headline", start, end, outlet=outlet.canonical, title_original=original,
                  title_english=english, date=dates[0] if dates else None, url=m.group("url"), confidence=0.7)]


_PROSE_WRITER = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+(?P<name>[A-Z][a-z’'-]+"
                           r"(?:\s+(?:al-|el-|bin\s+|Al-|Al\s+)?[A-Z][a-z’'-]+){1,3})\s+(?:wrote|writes|penned)\b")


def prose_writer(text: str) -> str | None:
    """``On the relationship between Yemen and America Mr Said Thabit wrote an analysis``: the writer a
    digest names in its prose after the paper's header line (Yemen Times reviews), honorific dropped."""
    if "wr" not in text and "penned" not in text:
        return None
    m = _PROSE_WRITER.search(text)
    return m.group("name") if m else None


_MARKDOWN_HEADING = re.compile(r"^[ \t]*#{1,6}(?=[ \t]+\S)", re.MULTILINE)


# pictographs opening a line as its mark (``📰 صحيفة النهار``, ``🔴 Al-Ahram``: batch 15, a Lebanese review page),
# with their variation selector and joiners; symbols inside a line, and the quotation ornaments ❝ ❞, are left alone
_PICTOGRAPHS = r"[\U0001F000-\U0001FAFF\u2600-\u275A\u2761-\u27BF\u2B00-\u2BFF]"
_PICTOGRAPH_MARK = re.compile(r"^[ \t]*(?:" + _PICTOGRAPHS + r"[\uFE0F\u200D]*)+(?=[ \t]*\S)", re.MULTILINE)


def markdown_blanked(text: str) -> str:
    """``## Al-Ahram`` read as a heading line: Markdown heading marks become spaces (same length, so offsets
    into the document hold); so do pictographs that open a line as its mark (``📰 صحيفة النهار``)."""
    if "#" in text:
        text = _MARKDOWN_HEADING.sub(lambda m: " " * len(m.group()), text)
    if re.search(_PICTOGRAPHS, text):
        text = _PICTOGRAPH_MARK.sub(lambda m: " " * len(m.group()), text)
    return text


_SOURCES = re.compile(r"\A\s*(?:[-*•]\s*)?(?i:sources?)\s*:\s*(?P<list>\S.*)\Z", re.DOTALL)
_ENTRY_STOP = re.compile(r"(?<=\S)[.;]\s+(?=\S)")  # a full stop or semicolon, then a space: never inside a URL


def sources_line(text: str, registry: OutletRegistry) -> list[Draft]:
    """``Sources: Al-Ahram, http://…/1.aspx. Al-Masry Al-Youm, http://…/2``: one citation per entry; the
    stop after an address ends that entry (it is no part of the URL), so the next paper is not swallowed."""
    if "ource" not in text or ("http" not in text and "www." not in text):
        return []  # a source line without addresses is a citation the other forms read ("Source: X, “…,” date")
    m = _SOURCES.match(text)
    if m is None:
        return []
    drafts = []
    pos = m.start("list")
    for entry in _ENTRY_STOP.split(m.group("list")):
        start = text.index(entry, pos)
        pos = start + len(entry)
        name, _, rest = entry.partition(",")
        name = name.strip()
        url = re.search(r"(?:https?://|www\.)[^\s,;]+", rest)
        if not name or url is None or rest.strip() != url.group().rstrip("."):
            continue  # an entry is a paper and its address, nothing else
        if not re.match(r"[A-Z\u0600-\u06ff]", name) or len(name.split()) > 6:
            continue
        address = url.group().rstrip(".") if url else None
        drafts.append(Draft("news_citation", start, start + len(entry), outlet=name, url=address,
                            confidence=0.7))
    return drafts


# BBC Monitoring's source line: ``Source: Al-Hayat website, London, in Arabic 12 Mar 09`` (also without
# "Source:", with "website"/"newspaper" after the name and a page after the day: ``, p 19``), session 8
_MONITOR_SOURCE = re.compile(
    r"\A\s*(?:(?i:source)\s*:\s*)?(?P<name>[A-Z][^,:;\n]{1,60}?)(?:\s+(?:website|newspaper|web site))?,\s*"
    r"(?P<place>[A-Z][\w .'’-]{1,30}?),\s*in\s+(?P<lang>Arabic|English|French|Persian|Turkish|Hebrew|Kurdish),?\s*"
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{2,4})(?:,\s*p\.?\s*\d+)?\s*\.?\s*\Z")
_LANGUAGE_CODES = {"Arabic": "ar", "English": "en", "French": "fr", "Persian": "fa", "Turkish": "tr", "Hebrew": "he",
                   "Kurdish": "ku"}


def monitor_source(text: str, registry: OutletRegistry) -> list[Draft]:
    """A monitoring service's source line: the outlet as written, its city, the language it published in and
    the day (``Al-Quds al-Arabi, London, in Arabic, 14 Jun 07, p 19``); the "in <language>" marker makes the
    line a source line rather than prose."""
    if " in " not in text:
        return []
    m = _MONITOR_SOURCE.match(text)
    if m is None:
        return []
    found = parse_date(m.group("date"))
    date = replace(found, start=m.start("date"), end=m.end("date")) if found.date is not None else None
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    return [Draft("news_citation", start, end, outlet=m.group("name").strip(), place=m.group("place").strip(),
                  title_language=_LANGUAGE_CODES[m.group("lang")], date=date, confidence=0.8)]


# A news bulletin's list of the day's pieces, one entry a line (issue 15 batch 24, LCCC's English bulletins): the
# title run into its byline or its source by a hyphen or a full stop with no space after it, the day last, the
# line often wrapped: ``Lebanon Leaps into Chaos-Naharnet``, ``Turkey’s Parliament Lifts Scarf Ban-New York
# Times``, ``Pakistan and Lebanon, the same struggle.By Hiram Chodosh and Chibli Mallat. January 04/08``
_ENTRY_DATE = (r"(?P<date>(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})\s*(?:/|,)\s*(?P<year>\d{4}|\d{2})"
               r"|\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}))")
_ENTRY_BYLINE = re.compile(
    r"(?P<title>\S.{2,220}?)\s*(?:[.\-–/]\s*|(?<=[\"”?!]))By\s*:?\s*(?P<author>[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){1,6}?)"
    r"(?:\s*[/\-]\s*(?P<outlet>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4}?))?(?:[.,/]?\s*" + _ENTRY_DATE + r")?[.\s]*")
# the source that ends an entry, after its separator: a name, a place, the day
_ENTRY_SOURCE = re.compile(r"(?P<outlet>(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4}?)"
                           r"(?:,\s*(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?(?:[.,]?\s*" + _ENTRY_DATE + r")?[.\s]*")
_ENTRY_SEPARATOR = re.compile(r"\s?-(?=[A-Z])|\.(?=[A-Z])|\.\s+(?=[A-Z])")
# a hyphen after a transliterated article or a name's particle belongs to the name ("al-Ahram", "Abu-Krishah")
_NAME_PARTICLES = frozenset("al el an as ash ad ar at az a abu bin ibn bani abd".split())


def _entry_date(m: re.Match[str]) -> DateResult | None:
    """The entry's day: ``January 04/08`` (a two-digit year read as 20YY), ``19/02/08`` only when one reading fits."""
    if m.group("date") is None:
        return None
    if m.group("month"):
        year = m.group("year") if len(m.group("year")) == 4 else "20" + m.group("year")
        found = parse_date(f"{m.group('month')} {m.group('day')}, {year}")
    else:
        found = parse_date(m.group("date"))
    if found.date is None or found.ambiguous:
        return None
    return replace(found, text=m.group("date"), start=None, end=None)


def bulletin_entry(text: str, registry: OutletRegistry) -> list[Draft]:
    """One entry of a bulletin's list of pieces: ``Title-Outlet``, ``Title.Outlet. Month DD/YY``, ``Title.By:
    Author. Month DD/YY``, and the slash form ``Title/By Author/Outlet/Month D/YY`` (session 8, batch 12), wrapped
    over up to four lines.  The source must be a registry outlet (a hyphenated
    headline word is no source: ``Pro-Syrian``); a byline needs two capitalized words at least and a title of two
    words.  Returns [] for any other text."""
    if len(text) > 320 or text.count("\n") > 3 or ("-" not in text and "." not in text and "/" not in text):
        return []
    flat = re.sub(r"\s*\n\s*", " ", text.strip())
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    m = _ENTRY_BYLINE.fullmatch(flat)
    if m is not None and len(m.group("title").split()) >= 2 and registry.lookup(m.group("author")) is None:
        outlet = m.group("outlet")
        if outlet and registry.resolve(outlet).outlet is None and m.group("date") is None:
            outlet = None  # (between the byline and the day the field is the paper's, known or not: "/Al Hayat/")
        title = m.group("title").strip().strip("\"“”")
        if title.count('"') % 2 == 1 or title.count("“") != title.count("”"):
            title = m.group("title").strip()  # ("Lebanon "cannot bear two armies"": its own quotes kept)
        return [Draft("press_digest_byline", start, end, title_english=ws(title), author=ws(m.group("author")),
                      outlet=outlet.rstrip(".") if outlet else None, date=_entry_date(m), confidence=0.75)]
    for sep in reversed(list(_ENTRY_SEPARATOR.finditer(flat))):
        title = flat[:sep.start()].strip()
        words = title.split()
        if len(words) < 2 or ("-" in sep.group() and words[-1].lower() in _NAME_PARTICLES):
            continue
        m = _ENTRY_SOURCE.fullmatch(flat, sep.end())
        if m is None:
            continue
        match = registry.resolve(m.group("outlet").rstrip("."))
        if match.outlet is None or match.ambiguous or match.method not in ("exact", "trimmed"):
            continue
        return [Draft("press_digest_headline", start, end, title_english=ws(title),
                      outlet=m.group("outlet").rstrip("."), place=m.group("place"), date=_entry_date(m),
                      confidence=0.75)]
    return []

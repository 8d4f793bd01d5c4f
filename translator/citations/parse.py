"""Citation parsing: turn the source lines of a document into clean, typed citation records.

    >>> from translator.citations import parse_citations
    >>> [c.outlet_canonical for c in parse_citations('“عنوان (A headline),” RT Arabic, 26 May 2022.')]
    ['RT Arabic']

The document is cut into pieces (citations_blocks), quote damage is repaired on a copy (citations_quotes),
each piece is read by the first form that fits (citations_forms, then prose attributions in
citations_inline), and every draft is finished here: outlet looked up in the registry (outlets), title
languages decided, the date normalized (dates), warnings and a confidence attached.  ``raw`` is always the
document's text, untouched; every repair is listed in ``repairs``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from functools import cache

from translator.citations.blocks import Piece, is_bare_name, pieces, unwrap_type_noun_lines
from translator.citations.country import country_at, country_hint, majority_country, review_countries
from translator.citations.cues import cues
from translator.citations.digest_ar import arabic_review_date, slash_quotes
from translator.citations.digest_en import (
    archive_entries,
    digest_title,
    doubled_apostrophes,
    markdown_blanked,
    press_heading,
    prose_writer,
    review_date,
    same_name,
)
from translator.citations.fields import Draft, clean_person, decap, name_case, split_title, text_language, ws
from translator.citations.forms import (
    RECOGNIZERS,
    columnist_title,
    english_column,
    headline_over_outlet,
    headline_under_outlet,
    image_credit,
    news_citations,
    paren_lead,
    press_digest_byline,
)
from translator.citations.headings import BULLET, Heading, outlet_heading, page_heading_names
from translator.citations.inline import (
    announces_next_line,
    arabic_unquoted_title,
    inline_attributions,
    later_writer,
    quoted_title,
    writer_under_outlet,
)
from translator.citations.lists_ar import paper_list
from translator.citations.outlet_lines import (
    numbered_headline,
    outlet_genre_date,
    outlet_place_date,
    source_under_quote,
)
from translator.citations.page_lists import capitals_in_prose, page_list_entries
from translator.citations.quotes import QuoteRepair, repair_quotes
from translator.citations.rubrics import rubric_items, rubric_outlet
from translator.citations.table import (
    CITATION_COLUMNS,
    CITATION_KINDS,
    CITATIONS_SCHEMA,
    citations_frame,
    read_citations_csv,
    schema_markdown,
    table_row,
    validate_citations_frame,
)
from translator.dates import DateResult, parse_date
from translator.errors import InputError
from translator.glossary.entry import SpanIndex
from translator.glossary.outlet_registry import OutletMatch, OutletRegistry, UnknownOutlets
from translator.text.arabic import is_arabic
from translator.text.fixtext import fix_text

__all__ = [
    "CITATIONS_SCHEMA", "CITATION_COLUMNS", "CITATION_KINDS", "Citation", "citations_frame", "default_registry",
    "parse_citation", "parse_citations", "read_citations_csv", "schema_markdown", "table_row",
    "validate_citations_frame",
]

# Kinds whose English title is a rendering of a title published in the outlet's own language.
_RENDERING_KINDS = frozenset({"press_digest_byline", "press_digest_headline", "translated_quote_attribution",
                              "press_review_attribution"})
_PENALTY_UNKNOWN_OUTLET = 0.2
_PENALTY_AMBIGUOUS = 0.1
_PENALTY_APPROXIMATE = 0.1
_PENALTY_DATE = 0.1
_PENALTY_REPAIR = 0.03
_PENALTY_WARNING = 0.05
_DATED_KINDS = frozenset({"news_citation", "press_digest_byline"})


@dataclass
class Citation:
    """One citation found in a document.

    ``title_original`` is the title as published when the citation prints it in a language other than
    English, ``title_english`` the English title or rendering; ``title_language`` the language of the
    published title (from the original's script, an "(in Arabic)" note, or the outlet's language).
    ``outlet`` is the name as written (all-capitals put in reading case), ``outlet_canonical`` and
    ``outlet_country`` come from the registry (None when unknown).  ``leaning`` is the description the
    citing text gives ("pro-government newspaper"), never filled from the registry; ``place`` the city or
    country a digest line gives with the outlet (``(An-Nahar, Beirut)``).  ``date`` is ISO
    ``YYYY-MM-DD`` or ``YYYY-MM``; ``date_text`` as written; an ambiguous numeric date (``10/05/2022`` in
    English text) stays ``date=None`` with both readings in ``date_candidates``, unless the document settles
    the order (see :func:`parse_citations`).  ``start``/``end`` index the document:
    ``raw == document[start:end]``.  ``confidence`` (0..1) drops with every warning.
    """

    raw: str
    kind: str
    title_original: str | None = None
    title_english: str | None = None
    title_language: str | None = None
    outlet: str | None = None
    outlet_canonical: str | None = None
    outlet_country: str | None = None
    leaning: str | None = None
    date: str | None = None
    date_text: str | None = None
    date_candidates: list[str] = field(default_factory=list)
    url: str | None = None
    author: str | None = None
    place: str | None = None
    confidence: float = 1.0
    warnings: list[str] = field(default_factory=list)
    repairs: list[dict] = field(default_factory=list)
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-safe values (lists of strings and of plain dicts)."""
        data = {name: getattr(self, name) for name in _CITATION_FIELDS}  # what asdict gives here, less its copies
        data["warnings"] = list(self.warnings)
        data["date_candidates"] = list(self.date_candidates)
        data["repairs"] = [dict(r) for r in self.repairs]
        return data

    def to_row(self, doc_id: str | None = None) -> dict[str, object]:
        """One row of the citations table (CITATION_COLUMNS): warnings joined by "; ", repairs as JSON."""
        return table_row(self.to_dict(), doc_id)


# every field but the three lists to_dict copies holds a str, a number or None, so a shallow read is what asdict gave
_CITATION_FIELDS = tuple(f.name for f in fields(Citation))


def _heading_only(line: str, draft: Draft) -> bool:
    """The line holds only the outlet's name (quotes, a colon, a type noun aside) and its citation nothing more."""
    name = line.strip().strip(" \t\"'“”«»()[]:：،,-–—")
    return bool(draft.outlet) and not (draft.title_original or draft.title_english or draft.author or draft.date) \
        and (name == draft.outlet or name.endswith(" " + draft.outlet)) and len(name.split()) <= 5


def _same_paper(a: str | None, b: str | None, registry: OutletRegistry) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    x, y = registry.lookup(a), registry.lookup(b)
    return x is not None and x is y


@cache
def default_registry() -> OutletRegistry:
    """The shipped outlet registry, loaded once (frozen: unknown outlets are collected per call)."""
    return OutletRegistry.load()


def parse_citations(text: str, *, registry: OutletRegistry | None = None,
                    unknown: UnknownOutlets | None = None, day_first: bool | None = None) -> list[Citation]:
    """Every citation in a whole document, in order, with offsets into ``text``.

    Outlet names the registry does not know are noted in ``unknown`` when one is given (see
    :class:`translator.glossary.outlets.UnknownOutlets`).  An ambiguous numeric date (``10/05/2022``) is read
    day first in Arabic text; in other text it is read in the order ``day_first`` gives (the caller knows the
    site: ``False`` for a US site), else in the order of the document's unambiguous numeric dates
    (``24/10/2019`` elsewhere on the page means day first) when they all agree, else it stays ``None`` with
    both readings in ``date_candidates`` (issue 15: never a silent guess).  Raises :class:`InputError` when
    ``text`` is not a str; :class:`translator.errors.GlossaryError` when the default registry cannot be read.
    """
    if not isinstance(text, str):
        raise InputError(f"parse_citations expects the document text as str, got {type(text).__name__}.")
    order = day_first if day_first is not None else _document_order(text)
    document, text = text, markdown_blanked(text)  # "## Al-Ahram": the marks read as spaces, offsets kept
    registry = registry if registry is not None else default_registry()
    found: list[tuple[Piece, Draft, list[QuoteRepair], list[str]]] = []
    heading: Heading | None = None  # a line naming only an outlet, over the paragraph that follows
    colon: int | None = None  # the last citation ends its line with a colon: a headline may follow (issue 15)
    untitled: tuple[Piece, str] | None = None  # the last piece gave no citation: it may be a column's title
    headlines: list[tuple[Piece, str]] = []  # the lines in single quotes right before this piece (a digest's)
    entries = _dated_outlet_entries(text, registry) + [(Piece(a, b), d) for a, b, d in archive_entries(text, registry)]
    listed = page_list_entries(text, registry)  # a page's list of papers, read as a whole (session 12)
    entries += listed
    owned = SpanIndex((e.start, e.end) for e, _ in entries)
    page_names = page_heading_names(text, registry)  # "Posta" over its headline, as "Sabah" is (session 13)
    reviewed: DateResult | None = None  # the day a digest's title, lead or dateline says it reviews (session 7)
    reviewed_ar: DateResult | None = None  # the same of an Arabic review, or its date line (session 8)
    rubric: str | None = None  # the paper of the last "secrets" rubric heading, over its items (session 9)
    for piece in _outside(text, pieces(text), [p for p, _ in listed]):
        if owned.overlaps(piece.start, piece.start + 1):  # the piece starts inside an entry
            continue
        if digest_title(text[piece.start:piece.end]):
            # "The Daily Star - Lebanon's Arabic press digest - September 10, 2011": the digest itself, its day
            reviewed = review_date(" ".join(text[piece.start:piece.end].split())) or reviewed
            continue
        reviewed = review_date(text[piece.start:piece.end].strip().partition("\n")[0]) or reviewed
        reviewed_ar = arabic_review_date(text[piece.start:piece.end].strip().partition("\n")[0]) or reviewed_ar
        repaired, repairs, quote_warnings = repair_quotes(text[piece.start:piece.end])
        repaired = unwrap_type_noun_lines(slash_quotes(doubled_apostrophes(repaired)))
        if found and piece.hint is None:  # "1. More Diplomacy" under its paper's line (s9)
            numbered_headline(found[-1][1], text[found[-1][0].end:piece.start], repaired)
        context = text[piece.context[0]:piece.context[1]] if piece.context else None
        agency = _AGENCY_DATELINE.match(repaired) if piece.hint is None else None
        trailing = False
        if agency is not None:
            # "Riyadh, April 20, 2019, SPA -- Al-Riyadh newspaper said ...": the place and the agency are no
            # outlet; the papers after the dateline are read, and take its date (SPA's round-ups, session 8)
            drafts = _after_dateline(repaired, registry, agency)
            if len(drafts) == 1 and drafts[0].outlet == agency.group("agency") and text[piece.end:].strip():
                drafts = []  # the round-up's lead cites the agency only when no paper follows it in the document
        else:
            # a quoted passage, then "Al-Watan - Qatar" / "Editorial in Al-Ahram - Egypt" (BBC's reviews, s9)
            drafts = source_under_quote(repaired, registry, after_prose=untitled is not None,
                                        last=not text[piece.end:].strip()) if piece.hint is None else []
            trailing = bool(drafts)
            drafts = drafts or _recognize(repaired, piece.hint, registry, context, page_names)
        if not drafts and piece.hint is None and agency is None:
            drafts = _after_dateline(repaired, registry)
        if piece.hint in (None, "under_outlet") and is_arabic(repaired):
            drafts = _with_listed_papers(repaired, registry, drafts)  # "صحيفتا الراية والوطن" (session 9)
            _headline_before_paper(repaired, drafts)
        if heading is not None and piece.hint in (None, "under_outlet") and (not drafts or _bare_reference(drafts)):
            drafts = under_heading(repaired, heading) or drafts  # "The paper said" under the paper's heading
        if (not drafts or _bare_reference(drafts)) and "\n" in repaired.strip():
            drafts = _heading_inside(repaired, registry) or drafts
        if piece.hint in (None, "under_outlet") and is_arabic(repaired) \
                and (not drafts or rubric_outlet(repaired.strip(), registry) is not None):
            drafts, rubric = _rubric(repaired, registry, rubric)  # "أسرار النهار" over its items (session 9)
        elif drafts:
            rubric = None
        if not drafts and colon is not None and piece.hint in (None, "under_outlet") \
                and _headline_after_colon(text, found, colon, piece, repaired):
            colon = None
            continue
        if drafts and headlines:
            piece = _headline_over_quote(headlines, piece, repaired, drafts) or piece
        elif drafts and untitled is not None and not trailing:
            piece = _title_over_writer(untitled, piece, repaired, drafts) or piece
        elif drafts and "\n" in repaired.strip():
            first, _, rest = repaired.strip().partition("\n")
            lead = repaired.index(first)
            if _title_over_writer((Piece(piece.start + lead, piece.start + lead + len(first)), first),
                                  Piece(piece.start + repaired.index(rest), piece.end), rest, drafts,
                                  shifted=False) is not None:
                drafts[0].start = lead
        line = repaired.strip()
        if not drafts and found and found[-1][1].outlet and found[-1][1].author is None and not is_arabic(line) \
                and not text[found[-1][0].end:piece.start].strip():
            found[-1][1].author = prose_writer(line)  # the paper's header line, then "Mr X wrote ..." (session 7)
        untitled = (piece, line) if not drafts and piece.hint is None else None
        headlines = [*headlines, untitled] if untitled is not None and _SINGLE_QUOTED.fullmatch(line) else []
        heading = None
        if not drafts:
            if is_bare_name(line) and (registry.lookup(line) is not None or line in page_names):
                heading = Heading(line)
            else:
                heading = outlet_heading(line, registry)
                named = press_heading(line, registry) if heading is None else None
                heading = Heading(named) if named else heading  # "Youm7 press" over the paper's summary
        colon = len(found) + len(drafts) - 1 if drafts and (line.endswith((":", "：")) or announces_next_line(line)
                                                            or _PAPER_LINE.fullmatch(line)) \
            and not (drafts[-1].title_original or drafts[-1].title_english) and drafts[-1].outlet else None
        if drafts and drafts[-1].outlet and drafts[-1].author is None and is_arabic(repaired) \
                and len(repaired) - drafts[-1].end > 20:
            drafts[-1].author = later_writer(repaired[drafts[-1].end:])  # "... بقلم رئيس التحرير X" (session 8)
        if drafts and found and piece.hint == "under_outlet" and piece.context \
                and found[-1][0].start == piece.context[0] and found[-1][0].end <= piece.context[1] + 1 \
                and not (found[-1][1].title_original or found[-1][1].title_english) \
                and all(d.outlet and (d.title_original or d.title_english) for d in drafts):
            found.pop()  # "صحيفة الزوراء" over its headlines: each headline is the paper's citation (session 8)
        if drafts and found and piece.hint is None and not text[found[-1][0].end:piece.start].strip() \
                and _heading_only(text[found[-1][0].start:found[-1][0].end], found[-1][1]) \
                and any(_same_paper(d.outlet, found[-1][1].outlet, registry) for d in drafts):
            found.pop()  # "«يديعوت أحرونوت»" over a paragraph that names the paper again: one citation (session 14)
        if drafts and found and all(_column_without_outlet(d) for d in drafts) \
                and _column_with_outlet(found[-1][1]) and piece.start - found[-1][0].end <= 1500:
            for draft in drafts:  # the next column of the same paper: its name stands lines above (session 8)
                draft.outlet, draft.confidence = found[-1][1].outlet, max(draft.confidence, 0.8)
        for draft in drafts:
            if reviewed is not None and draft.date is None and draft.outlet:
                draft.date = replace(reviewed, start=None, end=None)  # a paper of the day the digest reviews
            elif reviewed_ar is not None and draft.date is None and draft.outlet and is_arabic(repaired):
                draft.date = replace(reviewed_ar, start=None, end=None)
            found.append((piece, draft, repairs, quote_warnings))
    if entries:
        found = sorted([*found, *((e, d, [], []) for e, d in entries)], key=lambda f: f[0].start)
    for _, draft, _, _ in found:
        _daily_before_capitals(draft)
    capitals = capitals_in_prose(text, [(p.start + d.start, p.start + d.end, d) for p, d, _, _ in found], registry)
    if capitals:  # "“Migration to unknown,” was STAR’s headline": a paper in capitals the registry lacks (s12)
        found = sorted([*found, *((p, d, [], []) for p, d in capitals)], key=lambda f: f[0].start + f[1].start)
    _bind_back_references(text, found)
    found = _one_item_each(text, found, registry)
    context = _document_outlets(found, registry)
    reviews = review_countries(text) if found else []
    majority = _majority_country(context, registry) if found and not reviews else None
    return [_finish(document, piece, draft, repairs, quote_warnings, registry, context, unknown, order,
                    page_country=country_at(reviews, piece.start + draft.start) or majority)
            for piece, draft, repairs, quote_warnings in found]


_ALSO = re.compile(r"\b(?:also|another|other|further|meanwhile|separately|elsewhere)\b"
                   r"|(?:^|\s)(?:أيضا|أيضاً|ايضا|كذلك)(?=\s|$|[،,.])", re.IGNORECASE)
_WRITERS_IN = re.compile(r"(?P<who>[^\[\]\n.]{3,120}?)\s+wrote\s+(?:today['’]s\s+|the\s+|these\s+|this\s+)?"
                         r"(?:articles?|pieces?|columns?|op-eds?|editorials?|commentar(?:y|ies))\s+in\s+",
                         re.IGNORECASE)


def _one_item_each(text: str, found: list[tuple[Piece, Draft, list[QuoteRepair], list[str]]],
                   registry: OutletRegistry) -> list[tuple[Piece, Draft, list[QuoteRepair], list[str]]]:
    """A whole page cites each item once (session 12, from the build half of ``citations_pages.jsonl``):

    - a site's menu of paper names (``Jerusalem Post`` / ``Yediot Aharonot`` / ``Israel Hayom``, each a known name
      on its own line) cites nothing;
    - ``[Alex Fishman and Aliza Gershon wrote today’s articles in Yediot Aharonot and Israel Hayom,
      respectively.]``: the writers of papers the page already cited are those citations' authors, not new
      citations;
    - the agency of a bracketed dateline (``ABU DHABI, 7th December, 2016 (WAM) —``) reports the papers the
      page cites; it is no citation of its own when the page cites any paper (as ``SPA --`` round-ups, session 8);
    - a sentence in the same paragraph that refers back to the paper just cited without naming or describing
      it, with no title, author or date of its own (``The newspaper reported that ...`` on the line after
      ``Daily SABAH ran the front-page headline``) goes on about the same item; ``The daily also reported ...``
      (also, another, أيضا) is a new one, and so is ``The semi-official daily said ...`` (it describes the paper)
      and a sentence that names the paper again (``Annahar obtained information ...`` under its headline);
    - but a sentence whose verb carries the item on (``Okaz continued that ...``, ``The paper added ...``: continued,
      added, concluded, went on) is the same item, whether it names the paper again or not (session 13); one that
      describes the paper (``The Saudi-owned daily added ...``) stays a citation of its own, as above.
    """
    kept: list[tuple[Piece, Draft, list[QuoteRepair], list[str]]] = []
    papers = {d.outlet for _, d, _, _ in found if d.outlet}
    for item in found:
        piece, draft = item[0], item[1]
        a, b = piece.start + draft.start, piece.start + draft.end
        raw = text[a:b]
        dateline = _BRACKETED_AGENCY.match(raw)
        if dateline is not None and draft.outlet == dateline.group("agency") and len(papers) > 1:
            continue  # "ABU DHABI, 7th December, 2016 (WAM) — A UAE newspaper has said": the agency reports the papers
        if draft.outlet and is_arabic(draft.outlet) and _predicate_paper(raw, draft.outlet, registry):
            continue
        if draft.outlet in _ANBA and draft.leaning and re.search(r"وكالة\s+" + draft.outlet + r"\s+"
                                                                 + re.escape(draft.leaning), raw):
            draft.outlet, draft.leaning = f"وكالة {draft.outlet} {draft.leaning}", None  # an agency, not the paper
        if draft.author is None and _WRITER_ABOVE.match(raw):
            _writer_from_line_above(text, a, draft)
        lines = [ln.strip() for ln in raw.strip().splitlines() if ln.strip()]
        if len(lines) >= 2 and all(is_bare_name(ln) and registry.lookup(ln) is not None for ln in lines):
            continue
        if draft.outlet and not (draft.title_original or draft.title_english) and kept \
                and _writers_of_cited(raw, draft, kept, text, registry):
            continue
        if kept and draft.outlet and draft.refers_back and not draft.leaning \
                and not (draft.title_original or draft.title_english or draft.author or draft.date):
            prev_piece, prev = kept[-1][0], kept[-1][1]
            pa, pb = prev_piece.start + prev.start, prev_piece.start + prev.end
            gap = text[pb:a] if pb <= a else ""
            if prev.outlet and _same_paper(prev.outlet, draft.outlet, registry) and a > pa \
                    and not re.search(r"\n\s*\n", gap) and not _ALSO.search(raw):
                continue
        if kept and draft.outlet and not (draft.title_original or draft.title_english or draft.author) \
                and not (draft.refers_back and draft.leaning) and _goes_on(raw, draft.outlet):
            prev_piece, prev = kept[-1][0], kept[-1][1]
            gap = text[prev_piece.start + prev.end:a] if prev_piece.start + prev.end <= a else ""
            if prev.outlet and _same_paper(prev.outlet, draft.outlet, registry) and not re.search(r"\n\s*\n", gap) \
                    and (draft.date is None or draft.date == prev.date):  # the review's day, given to both
                continue  # "Okaz continued that ...", "The Dubai-based paper also added ...": the same item goes on
        kept.append(item)
    return kept


# the verbs that carry an item on ("Okaz continued that ...", "The paper added ...", "It concluded ..."): never a new
# item's, whether the sentence names the paper again or refers back to it (session 13, batch 5 build)
_GOES_ON = re.compile(r"\s*(?:(?:also|further|then)\s+)?(?:continued|continues|added|adds|concluded|concludes"
                      r"|went\s+on|goes\s+on)\b")
_THE_PAPER_EN = re.compile(r"\s*[Tt]he\s+(?:[\w'’-]+\s+){0,3}?(?:paper|daily|newspaper|weekly)\b")


def _goes_on(raw: str, outlet: str) -> bool:
    """Whether the sentence ``raw`` opens with ``outlet`` (or "the [described] paper") and a verb that carries the
    item on (``_GOES_ON``)."""
    lead = _THE_PAPER_EN.match(raw)
    if lead is None:
        start = len(raw) - len(raw.lstrip())
        if not raw.startswith(outlet, start):
            return False
        end = start + len(outlet)
    else:
        end = lead.end()
    return _GOES_ON.match(raw, end) is not None


_BRACKETED_AGENCY = re.compile(r"\s*[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,2},\s+[^()\n]{3,40}?\s*"
                               r"\((?P<agency>[A-Z]{2,6})\)\s*[-–—]")
_ANBA = frozenset({"الأنباء", "الانباء"})
# "قال الكاتب فى مقاله بصحيفة الشرق الأوسط": the writer is the one the line above names ("X: title")
_WRITER_ABOVE = re.compile(r"\s*[وف]?(?:قال|أكد|اكد|أشار|اشار|يرى|رأى|اعتبر|كتب|ذكر|لفت|أوضح|اوضح|تساءل|شدد|تناول)"
                           r"\s+(?:الكاتب|الكاتبة)\s")
_NAME_TITLE_LINE = re.compile(r"(?P<who>[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){1,3})\s*:\s*"
                              r"(?P<title>[^\n]{3,200}?)\s*")


def _writer_from_line_above(text: str, at: int, draft: Draft) -> None:
    """``جبريل العبيدى: إيران.. أزمات متراكمة`` on the line above ``قال الكاتب فى مقاله بصحيفة الشرق الأوسط``: a
    column digest's heading gives the writer and the column's title (session 12, whole pages)."""
    before = text[:at].rstrip()
    line = before[before.rfind("\n") + 1:]
    m = _NAME_TITLE_LINE.fullmatch(line)
    if m is None:
        return
    draft.author = m.group("who")
    if draft.title_original is None:
        draft.title_original = m.group("title")


def _predicate_paper(raw: str, outlet: str, registry: OutletRegistry) -> bool:
    """``وصف نتنياهو هآرتس بأنها صحيفة تنشر الدعاية``: after "that it is a newspaper", the next word says what
    the paper does; an unknown one-word name there is no outlet."""
    if " " in outlet or registry.resolve(outlet).outlet is not None:
        return False
    return re.search(r"(?:^|\s)[بو]?(?:أنها|انها|إنها|هي)\s+(?:صحيفة|جريدة)\s+" + re.escape(outlet) + r"(?=\s|$)",
                     raw) is not None


def _writers_of_cited(raw: str, draft: Draft, kept: list, text: str, registry: OutletRegistry) -> bool:
    """``X and Y wrote today's articles in A and B, respectively``: gives X, Y to the earlier citations of A, B
    that have no author; True when ``draft`` (one of A, B) was so absorbed."""
    m = _WRITERS_IN.search(raw)
    if m is None:
        return False
    who = re.split(r"\s*,\s*|\s+and\s+", m.group("who").strip(" [(").strip())
    papers = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.sub(r",?\s*respectively.*$", "", raw[m.end():],
                                                                 flags=re.DOTALL).strip(" .])"))
    if len(who) != len(papers) or draft.outlet not in papers:
        return False
    writer = who[papers.index(draft.outlet)]
    for _, earlier, _, _ in reversed(kept):
        if earlier.outlet and _same_paper(earlier.outlet, draft.outlet, registry):
            if earlier.author is None and writer[:1].isupper():
                earlier.author = writer
                return True
            return False
    return False


_DAILY_CAPITALS = re.compile(r"(?:The\s+)?[Dd]aily\s+(?P<name>[A-Z][A-Z’'-]+(?:\s+[A-Z][A-Z’'-]+){0,2})")


def _daily_before_capitals(draft: Draft) -> None:
    """``Daily SABAH ran the front-page headline``: the type noun in reading case before a name in capitals is
    no part of the name (Sabah, not Daily Sabah, another paper) (session 12)."""
    m = _DAILY_CAPITALS.fullmatch(draft.outlet or "")
    if m is not None and len(m.group("name")) >= 3:
        draft.outlet = decap(m.group("name"))


def _outside(text: str, found: Iterable[Piece], spans: list[Piece]) -> Iterator[Piece]:
    """The pieces less what ``spans`` own: a piece that runs into a list entry (``The above issues ... headlines:``
    then ``Abrar:`` and its items in one block) keeps only its text before, between and after the entries."""
    ordered = sorted(spans, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    for piece in found:
        # the spans that start before the piece ends, from the first that may still reach into it
        lo = max(0, bisect_right(starts, piece.start) - 1)
        while lo > 0 and ordered[lo - 1].end > piece.start:
            lo -= 1
        inner = [s for s in ordered[lo:bisect_right(starts, piece.end - 1)] if piece.start < s.end]
        if not inner:
            yield piece
            continue
        pos = piece.start
        for span in sorted(inner, key=lambda s: s.start):
            if text[pos:span.start].strip():
                yield Piece(pos, span.start, piece.hint, piece.context)
            pos = max(pos, span.end)
        if text[pos:piece.end].strip():
            yield Piece(pos, piece.end, piece.hint, piece.context)


def _bind_back_references(text: str, found: list[tuple[Piece, Draft, list[QuoteRepair], list[str]]]) -> None:
    """``Egypt's al-Ahram warned ... The semi-official daily said ...``: a sentence that cites a paper only by
    what it is takes the outlet of the citation right before it, in the same paragraph or the next one (UPI's
    review of the Arab press, session 8), with a warning that says so; alone, it keeps no outlet."""
    last: tuple[Piece, Draft] | None = None
    for piece, draft, _, _ in found:
        if draft.refers_back and draft.outlet is None and last is not None \
                and text.count("\n", last[0].start + last[1].end, piece.start + draft.start) <= 3:
            draft.outlet, draft.register_unknown = last[1].outlet, last[1].register_unknown
            draft.outlet_truncated = last[1].outlet_truncated
            draft.warnings.append(f"outlet {last[1].outlet!r} taken from the citation before: this sentence "
                                  "names the paper only by what it is")
        if draft.outlet:
            last = (piece, draft)

def _column_without_outlet(draft: Draft) -> bool:
    return draft.kind == "press_digest_headline" and bool(draft.author and draft.title_original) and not draft.outlet


def _column_with_outlet(draft: Draft) -> bool:
    """A column of an Arabic digest of the day's columns, under its paper's name (``الأهرام`` over ``X يكتب: T``)."""
    return draft.kind == "press_digest_headline" and bool(draft.author and draft.title_original and draft.outlet) \
        and is_arabic(draft.title_original or "")


def _majority_country(context: set[str], registry: OutletRegistry) -> str | None:
    """The country most of the page's unambiguous papers come from (issue 15, session 8: a page of Kuwaiti papers
    reads a bare الرأي as Kuwait's Al-Rai), as the registry writes it without its city ("Palestine (Ramallah)")."""
    if len(context) < 2:
        return None
    home = {o.canonical: o.country for o in registry.outlets if o.canonical in context}
    return majority_country(re.split(r"\s*[(/]", home[c])[0].strip() if home.get(c) else None for c in context)


# A news agency's dateline opening a press review item: ``RAMALLAH, October 2, 2013 (WAFA) – `` (place, the
# review's date, the agency), issue 15 batch 7
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,2},\s+(?P<date>[^()\n]{3,30}?)\s*"
                       r"\((?:[A-Z]{2,6})\)\s*[-–—]\s*(?=\S)")


# SPA's English round-ups: ``Riyadh, April 20, 2019, SPA -- `` / ``Riyadh, Safar 03 1439,October 23, 2017, SPA --``
# (place, the day, the agency unbracketed, a double dash), session 8
_AGENCY_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,2},\s*"
                              r"(?:(?P<date>[^\n()]{3,50}?),\s*)?(?P<agency>[A-Z]{2,6})\s*--\s*(?=\S)")


def _after_dateline(text: str, registry: OutletRegistry, m: re.Match[str] | None = None) -> list[Draft]:
    """The citations of the text after an agency dateline; a citation without a date of its own takes the
    dateline's when that date is complete (a review of that day's papers).  With an unbracketed agency
    (``SPA --``), a lead that names no paper cites the agency itself (the set's labels, batch 9)."""
    m = m or _DATELINE.match(text)
    if m is None:
        return []
    drafts = _recognize(text[m.end():], None, registry)
    if not drafts and m.re is _AGENCY_DATELINE and registry.lookup(m.group("agency")) is not None:
        drafts = [Draft("press_review_attribution", 0, len(text) - m.end() - (len(text) - len(text.rstrip())),
                        outlet=m.group("agency"), confidence=0.5)]
    found = parse_date(m.group("date").strip()) if m.group("date") else parse_date("")
    for draft in drafts:
        draft.start, draft.end = draft.start + m.end(), draft.end + m.end()
        if draft.date is not None:
            draft.date = replace(draft.date, start=(draft.date.start or 0) + m.end(),
                                 end=(draft.date.end or 0) + m.end()) if draft.date.start is not None else draft.date
        elif found.date is not None and not found.ambiguous:
            draft.date = replace(found, start=m.start("date"), end=m.end("date"))
            draft.start = len(text) - len(text.lstrip())  # the citation spans the dateline it took its date from
    return drafts


# A translation digest's entry (issue 15, batch 7): ``10477 - English headline.``, a blank line, then
# ``Al-Hayat - 5/21/2009, Category: Geology Level: 1`` (a known outlet, a dash, a numeric date, anything after a
# comma), then the Arabic headline on the next line.
_DATED_OUTLET_ENTRY = re.compile(
    r"^[ \t]*(?:\d{1,6}[ \t]*[-–][ \t]*)?(?P<en>[^\n]{8,300}?)[ \t]*\n(?:[ \t]*\n)?"
    r"[ \t]*(?P<outlet>[^\n,\d]{2,40}?)[ \t]+[-–—][ \t]+(?P<date>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))"
    r"(?:,[^\n]*)?[ \t]*(?:\n(?P<ar>[^\n]+))?", re.MULTILINE)
_DASH_DATE = re.compile(r"[-–—][ \t]+\d{1,2}/\d{1,2}/\d")


def _dated_outlet_entries(text: str, registry: OutletRegistry) -> list[tuple[Piece, Draft]]:
    """Digest entries ``headline / Outlet - M/D/YYYY, ... / Arabic headline`` whose outlet the registry knows
    (the piece spans the English headline and the outlet line, so an ambiguous date is not read as Arabic's)."""
    out: list[tuple[Piece, Draft]] = []
    if _DASH_DATE.search(text) is None:
        return out  # the common case, at the cost of one short search
    for m in _DATED_OUTLET_ENTRY.finditer(text):
        en, outlet = m.group("en").strip(), m.group("outlet").strip()
        if is_arabic(en) or registry.resolve(outlet).outlet is None:
            continue
        ar = m.group("ar")
        original = ar.strip() if ar and is_arabic(ar) else None
        end = m.start("ar") - 1 if ar else m.end()
        date = parse_date(m.group("date"))
        piece = Piece(m.start(), m.end())
        out.append((piece, Draft("press_digest_headline", 0, end - m.start(), title_english=en,
                                 title_original=original, outlet=outlet, date=date, confidence=0.8)))
    return out


_NUMERIC_DATE = re.compile(r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d./-])")
# what every match of _NUMERIC_DATE holds; a search that starts with a character class runs fast over a whole
# document, where the pattern's lookbehind is tried at every character (issue 20)
_DIGIT_THEN_SEPARATOR = re.compile(r"\d[./-]")


# "the paper", as a paragraph under a heading names it
_THE_PAPER = re.compile(r"(?:^|\s)[وف]?(?:ال|لل|بال)(?:صحيفة|جريدة)(?=[\s،,.:]|$)")


def _bare_reference(drafts: list[Draft]) -> bool:
    """One draft that names nothing (``The paper added ...``, which refers back to a paper named before)."""
    return len(drafts) == 1 and not any((drafts[0].outlet, drafts[0].author, drafts[0].title_original,
                                         drafts[0].title_english))


_ARABIC_HEADLINE_WORDS = 14  # a headline line under a paper line (batch 15's longest: 12 words)
_ARABIC_SUMMARY_WORDS = 20  # a summary paragraph under its paper's heading (batch 15: "النهار" over 40 words)


def under_heading(text: str, heading: Heading) -> list[Draft]:
    """The piece under a heading line (``Al-Ahram in Arabic``, ``في النهار البيروتية نطالع``): a writer's
    paragraph in English prose (``1. Article by X says ...``), else a one-line headline."""
    drafts = writer_under_outlet(text, heading.outlet)
    if drafts:
        drafts[0].leaning = drafts[0].leaning or heading.leaning
        return drafts
    body = BULLET.sub("", text.strip(), count=1).strip()
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    if same_name(body, heading.outlet):
        return []  # the heading printed again (a logo's text over the heading), not a headline
    if is_arabic(body) and _THE_PAPER.search(body):
        # "ديلي إكسبريس:" then "افتتحت الصحيفة صفحتها الأولى ... تحت عنوان: “...”": the paper is the heading's
        title = quoted_title(body, (0, 0)) or arabic_unquoted_title(body)
        return [Draft("press_review_attribution", start, end, outlet=heading.outlet, leaning=heading.leaning,
                      title_original=title, confidence=0.7)]
    sentence = body.endswith(".") and not body.endswith("..") and body == text.strip()  # unbulleted, full stop
    arabic = is_arabic(body)
    if sentence and heading.known and "\n" not in body and len(body.split()) >= (
            _ARABIC_SUMMARY_WORDS if arabic else 8):
        # a digest's summary paragraph under the paper's heading ("Youm7 press", then what it ran; "النهار" over
        # its long report, batch 15): the paper is cited, and the paragraph is no headline (session 7)
        return [Draft("press_digest_headline", start, end, outlet=heading.outlet, leaning=heading.leaning,
                      confidence=0.6)]
    if not body or "\n" in body or len(body) > 300 or (sentence and (is_arabic(body) or heading.known)):
        return []  # an Arabic line with a full stop is the report going on, not a headline
    column = columnist_title(body, outlet_known=heading.known and not heading.reading)
    if column is not None:
        return [Draft("press_digest_headline", start, end, title_original=column[1], outlet=heading.outlet,
                      author=column[0], leaning=heading.leaning, confidence=0.8)]
    english = english_column(body)
    if english is not None:  # "Wael El-Semari wrote: Russian Foreign Minister’s Call" under "Youm7 newspaper"
        return [Draft("press_digest_byline", start, end, title_english=english[1], outlet=heading.outlet,
                      author=english[0], leaning=heading.leaning, confidence=0.8)]
    original, english = split_title(body)
    return [Draft("press_digest_headline", start, end, title_original=original, title_english=english,
                  outlet=heading.outlet, leaning=heading.leaning, confidence=0.75 if heading.known else 0.6)]


def _with_listed_papers(text: str, registry: OutletRegistry, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` and a draft for each paper of a dual or a list (``صحيفتي القدس العربي والشرق الاوسط``) that no
    draft names yet; a draft that names a listed paper keeps its fields and takes the list's description."""
    listed = paper_list(text, registry)
    if not listed:
        return drafts
    kept: list[Draft] = []
    for draft in drafts:
        if not draft.outlet and not (draft.title_original or draft.title_english or draft.author):
            continue  # "the papers said": the list names them
        kept.append(draft)
    for paper in listed:
        same = next((d for d in kept if d.outlet and _same_paper(d.outlet, paper.outlet, registry)), None)
        if same is None:
            kept.append(paper)
        elif same.leaning is None:
            same.leaning = paper.leaning
    return sorted(kept, key=lambda d: d.start)


def _same_paper(a: str, b: str | None, registry: OutletRegistry) -> bool:
    if b is None:
        return False
    x, y = registry.resolve(a).outlet, registry.resolve(b).outlet
    return a == b or (x is not None and x is y)


# a quoted headline opening the sentence, then the paper that ran it: ""الشعب يرفض الحكومة"، هكذا استهلت صحيفة
# "الشروق"", "نبدأها ب "مسيرة الاعلام" عنونت "العربي الجديد" غلافها"
_HEADLINE_FIRST = re.compile(r"(?:^\s*|\sب\s*)[\"“«](?P<t>[^\"“”«»\n]{3,200}?)[\"”»]\s*[،,]?\s*"
                             r"(?:هكذا|عنونت|وعنونت|كان\s+هذا|كانت\s+هذه)(?=\s)")


def _headline_before_paper(text: str, drafts: list[Draft]) -> None:
    """The headline an Arabic sentence quotes before naming the paper that ran it (session 9): the one
    draft with a paper and no headline takes it, when the quote stands before the paper's name."""
    if len(drafts) != 1 or not drafts[0].outlet or drafts[0].title_original or drafts[0].title_english:
        return
    m = _HEADLINE_FIRST.search(text)
    at = text.find(drafts[0].outlet)
    if m is not None and 0 <= m.end() <= at:
        drafts[0].title_original = m.group("t").strip()


_MAX_RUBRIC_ITEM = 700


def _rubric(text: str, registry: OutletRegistry, rubric: str | None) -> tuple[list[Draft], str | None]:
    """A piece with no citation of its own on a "secrets of the papers" page: a rubric heading with its first
    item, a rubric heading alone (its paper is kept for the items after it), or an item under the kept rubric."""
    own = rubric_items(text, registry)
    if own:
        return own, own[0].outlet
    named = rubric_outlet(text.strip(), registry)
    if named is not None:
        return [], named
    body = text.strip()
    if rubric is None or not body or len(body) > _MAX_RUBRIC_ITEM:
        return [], None
    start = len(text) - len(text.lstrip())
    return [Draft("press_digest_headline", start, start + len(body), outlet=rubric, confidence=0.6)], rubric


def _heading_inside(text: str, registry: OutletRegistry) -> list[Draft]:
    """A heading and its headline in one piece (``RA’Y (Sons of Yemen League, weekly, 1st May):`` then the
    headline on the next line)."""
    first, _, rest = text.strip().partition("\n")
    heading = outlet_heading(first, registry)
    if heading is None and is_bare_name(first.strip()) and registry.resolve(first.strip()).method == "exact":
        heading = Heading(first.strip())  # a known name alone on its line ("الغارديان", "هآرتس"), issue 15
    if heading is None or not rest.strip() or "\n" in rest.strip():
        return []
    offset = text.index(rest)
    drafts = under_heading(rest, heading)
    for draft in drafts:
        draft.start = len(text) - len(text.lstrip())
        draft.end = offset + draft.end
    return drafts


_SINGLE_QUOTED = re.compile(r"‘[^‘’\n]{3,150}’")
_QUOTE_OPENS = re.compile(r"\s*[“\"]")


def _headline_over_quote(headlines: list[tuple[Piece, str]], piece: Piece, repaired: str,
                         drafts: list[Draft]) -> Piece | None:
    """``‘Kuwait needs to rebuild itself’`` / ``‘Country facing internal, external threats’`` over ``“TODAY
    ...,” columnist X wrote for Al-Rai daily`` (the Arab Times' digest of the Arabic press): lines printed in
    single quotes over a paragraph that opens with the quoted column are its headline and subheading; the
    first is the title, and the citation spans from it (issue 15)."""
    draft = drafts[0]
    first, line = headlines[0]
    if len(drafts) != 1 or draft.start != 0 or draft.title_original or draft.title_english \
            or not _QUOTE_OPENS.match(repaired) or len(line.split()) > 15:
        return None
    draft.title_original, draft.title_english = split_title(line[1:-1])
    draft.start, draft.end = 0, draft.end + piece.start - first.start
    return Piece(first.start, piece.end, piece.hint, piece.context)


_WRITER_OPENS = re.compile(r"\s*[وف]?(?:كتب|كتبت)\s")
# "Arab News, Saudi Arabia reports: ...": a digest paragraph that opens with its outlet (and place) and a verb
_OUTLET_REPORTS = re.compile(r"\s*[A-Z][^:\n]{1,60}?\s(?:reports|writes|says|reported|wrote|said)\s*:")


def _title_over_writer(untitled: tuple[Piece, str], piece: Piece, repaired: str, drafts: list[Draft], *,
                       shifted: bool = True) -> Piece | None:
    """``ناس المستقبل!`` then ``كتب عمر الفاروق النخال في صحيفة “اللواء”: ...`` (Lebanese press-review sites): a
    short line right over a paragraph that opens with "X wrote in paper Y" is the column's title; the citation
    then spans both.  Returns the joined piece (the draft's offsets moved to it), or None."""
    above, line = untitled
    arabic = bool(_WRITER_OPENS.match(repaired)) and is_arabic(line)
    # English: "King Abdullah congratulates new Egyptian leader" over "Arab News, Saudi Arabia reports: ..."
    # also a digest's heading over a column it cites with its writer ("Revolution's thrill hasn't worn off yet"
    # over "..., wrote X, in a column for the Emirati newspaper Al Bayan", The National, session 8)
    written = len(drafts) == 1 and bool(drafts[0].author and drafts[0].outlet) and len(line.split()) <= 12 \
        and not line.isupper() and drafts[0].outlet.casefold() not in line.casefold() \
        and not re.search(r"\b(?:1[89]|20)\d\d\b", line)  # not the paper's own heading, not a dateline
    english = not is_arabic(line) and (bool(_OUTLET_REPORTS.match(repaired)) or written) \
        and len(line.split()) <= 15 and line[:1].isupper() and piece.start - above.end <= 4
    # the paragraph may name its paper again further on ("كتب X في “الانباء الكويتية”: ... لـ «الأنباء»"): the title
    # is the first citation's, the writer's (session 8)
    if not drafts or (len(drafts) != 1 and not arabic) or (shifted and drafts[0].start != 0) \
            or drafts[0].title_original or drafts[0].title_english \
            or not (arabic or english) or (arabic and piece.start - above.end > 2) \
            or "\n" in line or (arabic and len(line.split()) > 10) or line.endswith((":", ".", "،", ",")):
        return None
    draft = drafts[0]
    draft.title_original, draft.title_english = (line, None) if arabic else split_title(line)
    if not shifted:  # the title line and the paragraph are one piece already
        return piece
    shift = piece.start - above.start
    draft.start, draft.end = 0, draft.end + shift
    return Piece(above.start, piece.end, piece.hint, piece.context)


# a line that names only a paper ("صحيفة الزوراء"): an Iraqi digest's headlines follow it, in brackets (session 8)
_PAPER_LINE = re.compile(r"[*•\-–\s]*[وف]?(?:صحيفة|جريدة|يومية)\s+[\"“«]?[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){0,3}"
                         r"[\"”»]?\s*[:.…]*")


def _headline_after_colon(text: str, found: list, index: int, piece: Piece, repaired: str) -> bool:
    """``والى عناوين صحيفة المدى، فمن أبرزها:`` then ``** سلسلة تفجيرات ...``: a citation line that ends with
    a colon, over a one-line headline (bulleted, or without a full stop), takes that line as its title; the
    citation then spans both lines."""
    body = BULLET.sub("", repaired.strip(), count=1).strip()
    bulleted = body != repaired.strip()
    prev_piece, draft, repairs, quote_warnings = found[index]
    # "📰 صحيفة النهار" alone on its line, then "ضغوط دولية لمنع توسع الحرب… ولبنان في قلب العاصفة الإقليمية.": a
    # short Arabic line under a line that names only the paper is its headline, full stop and all (batch 15)
    headline_stop = is_arabic(body) and len(body.split()) <= _ARABIC_HEADLINE_WORDS \
        and _PAPER_LINE.fullmatch(text[prev_piece.start:prev_piece.end].strip()) is not None
    if not body or "\n" in body or len(body) > 300 or (body.endswith(".") and not bulleted and not headline_stop) \
            or body[0] in "\"“«„":
        return False  # a sentence, or a quotation of what was written ("Editor X:" then "“The West knows ...”")
    if index != len(found) - 1 or piece.start - prev_piece.end > 3:
        return False
    if body[0] == "(" and body[-1] == ")" and is_arabic(body) and body.count("(") == 1:
        body = body[1:-1].strip()  # "(استمرار الاحتجاجات ...)": an Iraqi digest brackets each headline
    original, english = split_title(body)
    draft.title_original, draft.title_english = original, english
    draft.end = piece.start - prev_piece.start + len(repaired.rstrip())
    found[index] = (Piece(prev_piece.start, piece.end, prev_piece.hint, prev_piece.context), draft, repairs,
                    quote_warnings)
    return True


def _dotted_by_default(result: DateResult) -> bool:
    """Whether a numeric date was read day first only because it is dotted (``11.07.2018``, both readings in
    its candidates): the date reader's default when nothing else says, which a known order overrides."""
    written = result.date_text or ""
    return len(result.candidates) == 2 and "." in written and not any(c.isalpha() for c in written)


def _document_order(text: str) -> bool | None:
    """True (day first) or False (month first) when the document's unambiguous numeric dates
    (``24/10/2019``, ``10.24.2019``) all read in one order; None when there are none or they disagree."""
    orders = set()
    for m in _NUMERIC_DATE.finditer(text) if _DIGIT_THEN_SEPARATOR.search(text) else ():  # (a match holds one)
        first, second = int(m.group(1)), int(m.group(3))
        if first > 12 >= second >= 1:
            orders.add(True)
        elif second > 12 >= first >= 1:
            orders.add(False)
    return orders.pop() if len(orders) == 1 else None


def parse_citation(line: str, *, registry: OutletRegistry | None = None,
                   unknown: UnknownOutlets | None = None) -> Citation | None:
    """The first citation in ``line`` (a single citation, possibly over several lines), or None.

    Raises as :func:`parse_citations`."""
    citations = parse_citations(line, registry=registry, unknown=unknown)
    return citations[0] if citations else None


def _recognize(text: str, hint: str | None, registry: OutletRegistry, context: str | None = None,
               page_names: frozenset[str] = frozenset()) -> list[Draft]:
    if hint == "image_credit":
        return image_credit(text, registry)
    if hint == "under_outlet" and context:
        drafts = headline_under_outlet(text, context, registry, page_names)
        if drafts:
            return drafts
    if hint == "headline":
        drafts = headline_over_outlet(text, registry)
        if drafts:
            return drafts
    if hint in ("paren_lead", "byline"):
        drafts = paren_lead(text, registry)
        if drafts:
            return drafts
    if hint == "byline":
        drafts = press_digest_byline(text, registry)
        if drafts:
            return drafts
    if hint == "bilingual":
        drafts = news_citations(text, registry)
        if drafts:
            return drafts
    drafts = (outlet_place_date(text, registry) or outlet_genre_date(text, registry)) if hint is None else []
    # "Erem, Abu Dhabi, July 21" (s9); "Khabrein, Editorial, August 31, 2009" over its headline (s13)
    if drafts:
        return drafts
    for recognizer in RECOGNIZERS:
        drafts = recognizer(text, registry)
        if drafts:
            return drafts
    return inline_attributions(text, registry) or _coordinated_outlets(text, registry)


# ``Al-Raya and Al-Watan Qatari dailies affirmed ...``: two papers named together, their country, a plural type
# noun, then the verb (QNA's review of the Qatari dailies, issue 15 batch 7)
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}?"
_COORDINATED = re.compile(r"(?<![\w-])(?P<more>(?:" + _NAME + r",\s+)*)(?P<a>" + _NAME + r"),?\s+and\s+(?P<b>"
                          + _NAME + r")\s+"
                          r"(?:(?P<adj>[A-Z][a-z]+)\s+)?(?:dailies|newspapers|papers)\s+(?=[a-z])")


# ``Both Al-Ahram and Al-Akhbar led with ...``: two known papers as the subject of one verb (session 7)
_BOTH = re.compile(r"(?:^|[.;:]\s+|,\s+)(?:(?i:both)\s+)?(?P<a>" + _NAME + r")\s+and\s+(?P<b>" + _NAME + r")\s+"
                   r"(?:(?:also|both)\s+)?(?P<verb>[a-z]{3,}(?:ed|s)|led|ran|said|wrote|carried)\b")


def _coordinated_outlets(text: str, registry: OutletRegistry) -> list[Draft]:
    """One citation per paper of ``A[, B …] and C [Qatari] dailies <verb>``, when the registry knows every name (the
    adjective, a nationality, is the description); also ``Both A and B led with`` (two known names, a verb)."""
    if "dailies" not in text and "papers" not in text:
        m = _BOTH.search(text) if " and " in text else None
        if m is None or m.group("verb") in {"is", "was", "has", "does"}:
            return []
        names = [m.group("a"), m.group("b")]
        if any(registry.resolve(n).method != "exact" for n in names):
            return []
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        return [Draft("inline_attribution", start, end, outlet=n, confidence=0.65) for n in names]
    m = _COORDINATED.search(text)
    if m is None:
        return []
    adj = m.group("adj")
    if adj is not None and adj.lower() not in cues().lower_set("nationality"):
        return []
    # "Al-Sharq, Al-Riyadh, Al-Youm and Okaz newspapers commented": a longer list, each name a paper (session 13)
    names = [*(n.strip() for n in m.group("more").split(",") if n.strip()), m.group("a"), m.group("b")]
    if any(registry.resolve(n, hint=adj).outlet is None for n in names):
        return []
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    return [Draft("inline_attribution", start, end, outlet=n, leaning=adj, confidence=0.7) for n in names]


def _document_outlets(found: list[tuple[Piece, Draft, list[QuoteRepair], list[str]]],
                      registry: OutletRegistry) -> set[str]:
    """Outlets cited unambiguously somewhere in the document: they settle names cut short elsewhere."""
    names = set()
    for _, draft, _, _ in found:
        if draft.outlet and not draft.outlet_truncated and draft.register_unknown:
            match = registry.resolve(draft.outlet, hint=country_hint(draft.leaning))
            # a shared name read as its registry's first row ("الرأي": Jordan's) settles nothing (session 8)
            if match.outlet is not None and not match.ambiguous and (len(match.candidates) == 1 or draft.leaning):
                names.add(match.outlet.canonical)
    return names


#: quote marks a page may put around a paper's name, either way round (’…’, ‘…’, '…', "…", «…»)
_NAME_QUOTES = frozenset("’‘'\"“”«»„")


def _finish(text: str, piece: Piece, draft: Draft, repairs: list[QuoteRepair], quote_warnings: list[str],
            registry: OutletRegistry, context: set[str], unknown: UnknownOutlets | None,
            order: bool | None = None, page_country: str | None = None) -> Citation:
    start, end = piece.start + draft.start, piece.start + draft.end
    raw = text[start:end]
    warnings = list(draft.warnings)
    own_repairs = [r for r in repairs if draft.start <= r.start < draft.end]
    warnings += [w for w in quote_warnings if any(r.before in w for r in own_repairs)
                 or ("left as written" in w and w.split("'")[1] in raw)]
    confidence = draft.confidence - _PENALTY_REPAIR * len(own_repairs)
    outlet = name_case(_clean(draft.outlet))
    if outlet and len(outlet) > 2 and outlet[0] in _NAME_QUOTES and outlet[-1] in _NAME_QUOTES:
        outlet = outlet[1:-1].strip() or outlet  # "صحيفة ’يني شفق’": a page's single quotes around the name
    if outlet and is_arabic(outlet):
        head, _, rest = outlet.partition(" ")
        if rest and head in _arabic_type_nouns():
            outlet = rest  # "صحيفة فاينانشيال تايمز:" heading a digest line: the type noun is no part of the name
    if outlet and re.search(r"\S['’]s$", outlet) and registry.lookup(outlet) is None:
        outlet = outlet[:-2]  # "Al Hadatha’s op-ed": the possessive is no part of an unknown name (issue 15)
    canonical = country = None
    match: OutletMatch | None = None
    if outlet and draft.register_unknown:
        # the paper's own country adjective, else the page's (issue 15, session 8: الوطن on a Bahraini page)
        # ... else the place the line gives with it ("Al-Watan - Qatar", session 9)
        match = registry.resolve(outlet, hint=country_hint(draft.leaning or draft.place, page_country),
                                 prefix=draft.outlet_truncated, context=context)
        warnings += match.warnings()
        if match.outlet is None:
            if unknown is not None:
                unknown.note(outlet, context=ws(raw[:160]))
            confidence -= _PENALTY_UNKNOWN_OUTLET
        else:
            canonical, country = match.outlet.canonical, match.outlet.country
            if draft.outlet_truncated and match.method == "prefix":
                # a name cut short ("(Asharq") is given whole, in the house style of names as written
                outlet = name_case(match.outlet.completion(outlet), inner=True) or outlet
            confidence -= _PENALTY_AMBIGUOUS * match.ambiguous + _PENALTY_APPROXIMATE * match.approximate
    leaning = _clean(draft.leaning)
    if match is not None and match.outlet is not None and is_arabic(outlet or ""):
        name, _, adjective = (outlet or "").rpartition(" ")
        if name and not leaning and _NISBA.fullmatch(adjective) and match.outlet in registry.lookup_all(name):
            outlet, leaning = name, adjective  # "الغد الأردنية": the adjective describes the paper (a registry alias)
    if leaning and match is not None and match.outlet is not None and registry.lookup(leaning) is match.outlet:
        leaning = None  # the outlet's own name in the other script ("صحيفة التايمز (The Times)") describes nothing
    date, date_text, date_warnings, candidates = _date(draft, raw, order)
    warnings += date_warnings
    confidence -= _PENALTY_WARNING * len(date_warnings)
    if date is None and draft.kind in _DATED_KINDS:
        confidence -= _PENALTY_DATE
    title_original, title_english = _clean(draft.title_original), _clean(draft.title_english)
    return Citation(
        raw=raw, kind=draft.kind, title_original=title_original, title_english=title_english,
        title_language=_title_language(draft, title_original, title_english, match),
        outlet=outlet, outlet_canonical=canonical, outlet_country=country, leaning=leaning,
        date=date, date_text=date_text, date_candidates=candidates, url=draft.url,
        author=clean_person(_clean(draft.author)),
        place=_clean(draft.place),
        confidence=round(min(1.0, max(0.05, confidence)), 2), warnings=list(dict.fromkeys(warnings)),
        repairs=[replace(r, start=r.start + piece.start, end=r.end + piece.start).to_dict() for r in own_repairs],
        start=start, end=end)


_NISBA = re.compile(r"ال\w+ي(?:ة|ه)")  # a feminine adjective of place: الأردنية، اللندنية، البيروتية


@cache
def _arabic_type_nouns() -> frozenset[str]:
    from translator.citations.cues import cues

    return frozenset(cues().words("arabic_generic"))


def _clean(value: str | None) -> str | None:
    """Whitespace collapsed and mojibake fixed; curly quotes kept (they carry structure)."""
    value = ws(value)
    if value is None:
        return None
    return ws(fix_text(value))  # ftfy.fix_text(value, uncurl_quotes=False), skipping what ftfy keeps


def _title_language(draft: Draft, original: str | None, english: str | None,
                    match: OutletMatch | None) -> str | None:
    if draft.title_language:
        return draft.title_language
    if original:
        return text_language(original)
    if english is None:
        return None
    outlet = match.outlet if match is not None else None
    if outlet is None or not outlet.primary_language:
        return "en"
    if draft.kind not in _RENDERING_KINDS and "en" in outlet.language:
        return "en"  # the outlet publishes in English: the English title may well be the original
    return outlet.primary_language  # an English title of an Arabic-language outlet is a rendering


def _date(draft: Draft, raw: str, order: bool | None = None) -> tuple[str | None, str | None, list[str], list[str]]:
    """ISO date, date as written, warnings, candidates.  An ambiguous numeric date is read day first in
    Arabic text, in ``order`` (from the caller or the document) elsewhere, and otherwise left ``None`` with
    both readings as candidates; a date read in a settled order still names the other reading."""
    result = draft.date
    if result is None:
        return None, None, [], []
    warnings = [w for w in result.warnings if "ambiguous" not in w]
    if not result.ambiguous:
        if order is not None and _dotted_by_default(result) and not is_arabic(raw):
            # 11.07.2018 is read day first only by default: a US site (the caller's day_first=False) or the
            # page's 10.24.2019 says month first (issue 15: dotted US-order dates)
            chosen = parse_date(result.date_text or "", day_first=order).date
            if chosen != result.date:
                warnings.append(f"date {result.date_text!r} read {'day' if order else 'month'} first as {chosen} "
                                "(the order of the document's other dates, or the caller's)")
            return chosen, result.date_text, warnings, list(result.candidates)
        return result.date, result.date_text, warnings, []
    day_first = True if is_arabic(raw) else order
    if day_first is None:
        candidates = list(result.candidates)
        warnings.append(f"date {result.date_text!r} is ambiguous (day or month first): left empty; candidates "
                        + ", ".join(candidates))
        return None, result.date_text, warnings, candidates
    chosen = parse_date(result.date_text or "", day_first=day_first).date
    other = [c for c in result.candidates if c != chosen]
    how = "day first (Arabic text)" if is_arabic(raw) else ("day first" if day_first else "month first") \
        + " (the order of the document's other dates, or the caller's)"
    warnings.append(f"date {result.date_text!r} is ambiguous: read {how} as {chosen}"
                    + (f"; the other reading is {other[0]}" if other else ""))
    return chosen, result.date_text, warnings, list(result.candidates)

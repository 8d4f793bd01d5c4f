"""Whole press-review pages laid out as a list of papers: structure read from the document, not one line at a time.

Issue 15, session 12, written from the build half of ``tests/data/citations_pages.jsonl`` (whole pages: Iranian
front pages, Turkish front pages). Such pages print each paper's name at the head of a line, again and again,
and the headline after it:

- ``Name: headline`` lines: ``Aftab-e Yazd: A meaningful mission`` (IFP's Iranian front pages; the paragraphs
  under such a line, up to the next one, are that headline's body and cite nothing of their own unless they
  name a known outlet);
- a paper heading over its numbered or bulleted headlines: ``Abrar:`` / ``1- Zarif Welcomes ...`` /
  ``2- ...`` (each headline is one citation of that paper);
- ``Name – headline (translation)`` lines: ``Akşam – Türkiye düşmanlığı (Enmity against Turkey)`` (a front-page
  digest: the headline as printed, then its English).

The papers of such pages are often transliterated names the registry lacks (``Arman-e Emrooz``, ``Diriliş
Postası``). A name the registry knows is taken in any of these shapes; an unknown one only when the document
itself shows the structure: at least :data:`MIN_NAMES` different names at the head of lines of the same shape
(or two paper headings over lists), in a document that speaks of the press, and never a name that starts with a
person's title (``President Rouhani:``), a country (``Iran:``) or a label word (``Source:``, ``Photo:``). The
name is kept as written. Only Latin-script lines are read here; Arabic pages keep the parser's own rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from translator.citations.blocks import Piece
from translator.citations.cues import cues
from translator.citations.fields import Draft, decap, text_language, ws
from translator.glossary.outlet_registry import OutletRegistry

__all__ = ["MIN_NAMES", "page_list_entries"]

MIN_NAMES = 3  # different line-head names that make a document's lines a list of papers

_TOKEN = r"(?:(?:al|el|an|ar|as|ash|ad|ad-|at|az)-)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*"
_NAME = r"(?P<name>(?:The\s+)?" + _TOKEN + r"(?:[ \t]+" + _TOKEN + r"){0,3})"
# "Aftab-e Yazd: A meaningful mission"
_COLON_LINE = re.compile(r"^[ \t]*" + _NAME + r"[ \t]*:[ \t]+(?P<head>\S[^\n]*?)[ \t]*$", re.MULTILINE)
# "Abrar:" alone over "1- ..." lines
_HEADING = re.compile(r"^[ \t]*" + _NAME + r"[ \t]*:[ \t]*$", re.MULTILINE)
_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[ \t]*[-–.)]|[-–•*▪])[ \t]*(?P<item>\S[^\n]*?)[ \t]*")
_SUB_ITEM = re.compile(r"[ \t]+[•▪◦*][ \t]*\S[^\n]*")
_BULLET_ITEM = re.compile(r"[ \t]*[•▪◦*][ \t]*\S[^\n]*")
# "Akşam – Türkiye düşmanlığı (Enmity against Turkey) Referring to ..."
_DASH_LINE = re.compile(r"^[ \t]*" + _NAME + r"[ \t]+[–—][ \t]+(?P<head>\S[^\n]*?)[ \t]*$", re.MULTILINE)
_PRESS = re.compile(r"\b(?:newspapers?|dailies|daily|papers|press|front[- ]pages?|headlines?|editorials?)\b",
                    re.IGNORECASE)
_BYLINE_TAIL = re.compile(r"\(([^()]{2,60}),[^()]{2,40}\)\s*$")  # "... (Al-Hayat, London)": a digest byline
_ROLE = frozenset("""president presidents prime pm minister ministers fm mp mps mr mrs ms dr gen general king queen
prince princess sheikh emir ayatollah imam cleric spokesman spokeswoman spokesperson chairman chairwoman deputy
senator sen rep governor mayor judge speaker chief commander leader secretary director ambassador envoy official
officials lawmaker lawmakers analyst expert professor prof foreign interior defense defence economy culture top
senior former ex opposition police army general's vice supreme head ceo founder candidate""".split())
_LABEL = frozenset("""source sources note notes update updated read photo photos picture video videos related tag tags
question answer q a editor editors comment comments summary background analysis subject title date time by from
to re cc keywords category categories location warning caption credit credits image share follow email e-mail tel
phone fax address website web copyright disclaimer also see more previous next home topics section published
posted print listen watch quote translation original english arabic persian turkish hebrew headline headlines
story lead highlights breaking exclusive opinion editorial report reports key points why what how when where who
step example result results conclusion introduction day week today yesterday tomorrow monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october november
december update important attention breaking live timeline agenda reminder correction clarification""".split())


@cache
def _places() -> frozenset[str]:
    """Country names and nationality words (the cue file), folded: a line headed by one is a section, not a paper."""
    c = cues()
    words = {w.casefold() for w in c.words("nationality")}
    words |= {(c.value("nationality", w) or "").split(" (")[0].casefold() for w in c.words("nationality")}
    return frozenset(w for w in words if w)


_TYPE_TAIL = re.compile(r"\s+(?:Newspaper|Daily|Weekly|Magazine|Paper)$", re.IGNORECASE)


def _bare(name: str) -> str:
    """A heading name less a trailing type noun: ``Aftab-e Yazd Newspaper`` → ``Aftab-e Yazd``."""
    return _TYPE_TAIL.sub("", name)


def _may_be_paper(name: str) -> bool:
    """A line-head name that could be a paper's: not a person's title, a place or a label word (a name with its
    type noun, ``Iran Newspaper``, is a paper's whatever its first word)."""
    if _TYPE_TAIL.search(name) and _bare(name) != name:
        name = _bare(name)
        return name.split()[0].casefold().rstrip(".") not in _ROLE | _LABEL
    words = name.split()
    first = words[0].casefold().rstrip(".")
    if first == "the" and len(words) > 1:
        first = words[1].casefold().rstrip(".")
    if first in _ROLE or first in _LABEL or name.casefold() in _places() or first in _places():
        return False
    return not name.endswith(("'s", "’s"))


def _known(name: str, registry: OutletRegistry) -> bool:
    return registry.resolve(_bare(name)).outlet is not None


def _accepted(names: list[str], registry: OutletRegistry, text: str, minimum: int = MIN_NAMES) -> set[str]:
    """The names of a document's lines of one shape taken as papers: when ``minimum`` different plausible names
    head such lines and the document speaks of the press, all of them; else the known ones, when at least two
    known names show the shape (one line alone, ``Al Jazeera: A bright cheery picture ...``, is no list)."""
    plausible = [n for n in names if _may_be_paper(n)]
    known = {n for n in plausible if _known(n, registry)}
    if len(set(plausible)) >= minimum and _PRESS.search(text):
        return set(plausible)
    return known if len(known) >= 2 else set()


def _cites_inside(head: str, registry: OutletRegistry) -> bool:
    """A line whose text names its own source (``RIPPLE EFFECTS: Seth J. Frantzman details in The Jerusalem
    Post ...``, ``... on the Qatari-owned pan-Arab news portal``): the line head is a kicker, not the paper."""
    return bool(_SOURCE_INSIDE.search(head) or registry.find_in_text(head))


# (not "the daily" right after "the": that is the line's own paper, "“…” is another headline the daily carries")
_SOURCE_INSIDE = re.compile(r"(?<!\bthe )\b(?:newspaper|daily|weekly|magazine|portal|website|news\s+site"
                            r"|news\s+agency)\b", re.IGNORECASE)
_SELF = re.compile(r"\b(?:the|its)\s+(?:daily|newspaper|paper)\b|\bheadline\b", re.IGNORECASE)


def _outlet(name: str) -> str:
    name = _bare(name)
    return decap(name) or name


def _title(head: str) -> tuple[str | None, str | None]:
    """(original, English) of a headline as a list prints it: ``Türkiye düşmanlığı (Enmity against Turkey)
    Referring to ...`` gives the Turkish and its English; an English headline is the English title, and a quoted
    one that the line then calls a headline (``“A Tangled Knot in Kabul” is another headline the daily carries``)
    is the quoted words."""
    said = re.match(r"[“\"](?P<q>[^”\"]{3,200})[”\"]\s+(?:is|was)\s+(?:another|the|its|a)\s+(?:\w+\s+)?"
                    r"headline\b", head)
    if said:
        return None, ws(said.group("q"))
    m = re.match(r"(?P<orig>[^()]+?)\s+\((?P<en>(?:[^()]|\([^()]*\))+)\)", head)
    if m and text_language(m.group("orig")) not in (None, "en") and text_language(m.group("en")) == "en":
        return ws(m.group("orig")), ws(m.group("en"))
    if text_language(head) in (None, "en"):
        return None, ws(head)
    return ws(head), None


def _body_end(text: str, end: int, stops: list[int], registry: OutletRegistry) -> int:
    """Where the body under a ``Name: headline`` line ends: the paragraphs after it up to the next stop (the
    next list line; ``stops`` sorted), but not past a paragraph that names a known outlet (it may cite on its own)."""
    k = bisect_right(stops, end)
    limit = stops[k] if k < len(stops) else len(text)
    pos = end
    for para in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text[end:limit]):
        if registry.find_in_text(para.group()):
            break
        pos = end + para.end()
    return pos


def page_list_entries(text: str, registry: OutletRegistry) -> list[tuple[Piece, Draft]]:
    """The citations of a page's list structure (module docstring), as (piece, draft) pairs in text order;
    a piece spans what the citation owns (its line, and a ``Name: headline`` line's body), so the parser reads
    nothing else there. Empty when the document has no such structure."""
    if ":" not in text and "–" not in text and "—" not in text:
        return []  # (every shape below has a colon or a dash)
    out: list[tuple[Piece, Draft]] = []
    out += _heading_lists(text, registry)
    taken = sorted((p.start, p.end) for p, _ in out)
    out += _colon_lines(text, registry, taken)
    taken = sorted((p.start, p.end) for p, _ in out)
    out += _dash_lines(text, registry, taken)
    taken = sorted((p.start, p.end) for p, _ in out)
    out += _quoted_arabic_lines(text, registry, taken)
    return sorted(out, key=lambda pd: pd[0].start)


# "“آسيا” الاقتصادية: انخفاض تكاليف الخدمات القضائية", "“ابتكار” الإصلاحية عن علاقات ...: خصوم الماضي ...": an
# Arabic digest of (Iranian) papers, each line the paper's name in quotes, what it is, then its headline
_QUOTED_AR_LINE = re.compile(r"^[ \t]*[“\"«](?P<name>[\u0621-\u064a][\u0621-\u064a ]{0,28}?)[”\"»]"
                             r"(?P<desc>[^:\n“”\"«»]{0,120}?)[ \t]*:[ \t]*(?P<head>\S[^\n]*?)[ \t]*$", re.MULTILINE)
_AR_DESCRIPTION = re.compile(r"\s*(?P<d>(?:شبه\s+)?ال[\u0621-\u064a]+(?:\s+ال[\u0621-\u064a]+)?)(?=\s|$)")


def _quoted_arabic_lines(text: str, registry: OutletRegistry,
                         taken: list[tuple[int, int]]) -> list[tuple[Piece, Draft]]:
    if "“" not in text and '"' not in text and "«" not in text:
        return []
    lines = [m for m in _QUOTED_AR_LINE.finditer(text) if not _inside(m.start(), taken)]
    names = {m.group("name").strip() for m in lines}
    known = {n for n in names if registry.resolve(n).outlet is not None}
    if len(names) < MIN_NAMES and len(known) < 2:
        return []  # one or two such lines are a quoted phrase and its gloss, not a list of papers
    out = []
    for m in lines:
        d = _AR_DESCRIPTION.match(m.group("desc"))
        draft = Draft("press_digest_headline", 0, m.end() - m.start(), title_original=ws(m.group("head")),
                      outlet=m.group("name").strip(), leaning=d.group("d") if d else None, confidence=0.8)
        out.append((Piece(m.start(), m.end()), draft))
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """``pos`` inside one of ``spans`` (sorted by start; list entries do not overlap), in log time."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _colon_lines(text: str, registry: OutletRegistry, taken: list[tuple[int, int]]) -> list[tuple[Piece, Draft]]:
    lines = [m for m in _COLON_LINE.finditer(text) if not _inside(m.start(), taken)
             and not _BYLINE_TAIL.search(m.group("head"))]
    if not lines:
        return []
    inside = [m for m in lines if _cites_inside(m.group("head"), registry)]
    if 2 * len(inside) > len(lines):
        return []  # kickers over paragraphs that name their own sources (Mideast Mirror), not a list of papers
    lines = [m for m in lines if m not in inside]
    names = _accepted([m.group("name") for m in lines], registry, text)
    # "Ebtekar: “A Tangled Knot in Kabul” is another headline the daily carries": the line says its head is a paper
    names |= {m.group("name") for m in lines if _may_be_paper(m.group("name")) and _SELF.search(m.group("head"))}
    if not names:
        return []
    stops = sorted([m.start() for m in lines if m.group("name") in names] + [a for a, _ in taken])
    out = []
    for m in lines:
        if m.group("name") not in names:
            continue
        original, english = _title(m.group("head"))
        end = _body_end(text, m.end(), stops, registry)
        draft = Draft("press_digest_headline", m.start("name") - m.start(), m.end() - m.start(),
                      title_original=original, title_english=english, outlet=_outlet(m.group("name")),
                      confidence=0.8)
        out.append((Piece(m.start(), end), draft))
    return out


# "صحيفة معاريف :" or "معاريف / الاسبوع :" over "- headline" lines (Arabic digests of the Hebrew press)
_AR_HEADING = re.compile(r"^[ \t]*(?:(?:صحيفة|جريدة|يومية)\s+)?"
                         r"(?P<name>[\u0621-\u064a]+(?:[ \t]+[\u0621-\u064a]+){0,2})"
                         r"(?:[ \t]*/[ \t]*[\u0621-\u064a ]{2,20}?)?[ \t]*:[ \t]*$", re.MULTILINE)


def _heading_lists(text: str, registry: OutletRegistry) -> list[tuple[Piece, Draft]]:
    blocks = []
    for m in [*_HEADING.finditer(text), *_AR_HEADING.finditer(text)]:
        items: list[tuple[int, int, str]] = []
        pos = m.end()
        numbered = False
        for line in re.finditer(r"\n([^\n]*)", text[pos:]):
            body = line.group(1)
            if not body.strip():
                continue
            if items and (_SUB_ITEM.fullmatch(body) or (numbered and _BULLET_ITEM.fullmatch(body))):
                continue  # "* Democrats Deal ..." under "4- New York Times Reveals ...": that headline's deck
            numbered = numbered or bool(re.match(r"[ \t]*\d", body))
            item = _ITEM.fullmatch(body)
            if item is None:
                break
            a = pos + line.start(1) + item.start("item")
            items.append((pos + line.start(1), pos + line.end(1), text[a:pos + line.start(1) + item.end("item")]))
        if items:
            blocks.append((m, items))
    if not blocks:
        return []
    names = _accepted([m.group("name") for m, _ in blocks], registry, text, minimum=2)
    # one known paper over two headlines or more is a list too ("صحيفة معاريف :" / "- …" / "- …")
    names |= {m.group("name") for m, items in blocks if len(items) >= 2 and _known(m.group("name"), registry)}
    out = []
    for m, items in blocks:
        if m.group("name") not in names:
            continue
        for k, (a, b, item) in enumerate(items):
            start = m.start() if k == 0 else a
            original, english = _title(item)
            draft = Draft("press_digest_headline", a - start, b - start, title_original=original,
                          title_english=english, outlet=_outlet(m.group("name")), confidence=0.8)
            out.append((Piece(start, b), draft))
    return out


def _dash_lines(text: str, registry: OutletRegistry, taken: list[tuple[int, int]]) -> list[tuple[Piece, Draft]]:
    lines = [m for m in _DASH_LINE.finditer(text) if not _inside(m.start(), taken)
             and not _BYLINE_TAIL.search(m.group("head")) and m.group("head").casefold() not in _places()
             and not re.match(r"(?i:by)\s", m.group("head"))]  # "Al-Thawra – by Mustafa Al-Mikdad": a byline
    if not lines:
        return []
    names = _accepted([m.group("name") for m in lines], registry, text)
    out = []
    for m in lines:
        if m.group("name") not in names:
            continue
        original, english = _title(m.group("head"))
        draft = Draft("press_digest_headline", 0, m.end() - m.start(), title_original=original,
                      title_english=english, outlet=_outlet(m.group("name")), confidence=0.8)
        out.append((Piece(m.start(), m.end()), draft))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Papers written in capitals in a review's prose (Anadolu's Turkish press review): ``“Migration to unknown,” was
# STAR’s headline``, ``HURRIYET wrote: “...”``, ``“...” headlined daily ZAMAN``. The capitals and the headline noun
# or quoted headline say it is a paper even when the registry lacks it (STAR, VATAN, HABERTURK).

_CAPS = r"(?P<name>(?<![\w’'-])[A-Z][A-Z’'-]{2,}(?:[ \t]+[A-Z][A-Z’'-]+){0,2})(?![\w-])"
_HEAD_NOUN = (r"(?:main\s+|front[- ]page\s+|top\s+|lead\s+)?(?:headline|front[- ]page|front\s+page|lead\s+story"
              r"|banner|cover|splash)")
_QUOTE = r"[“\"](?P<q>[^”\"\n]{2,240}?)[,.]?[”\"]"
_CAPS_FORMS = (
    # "“Exodus on the highway,” was HURRIYET’s headline"; "... while “This time, by highway” was CUMHURIYET’s."
    re.compile(_QUOTE + r"\s*,?\s*(?:was|is|were)\s+(?:the\s+)?" + _CAPS + r"['’]s\b"),
    # "“farewell to martyrs” was VATAN’s headline" is the form above; "STAR’s headline read: “...”"
    re.compile(_CAPS + r"['’]s\s+" + _HEAD_NOUN + r"\b(?:\s+(?:read|was|said))?\s*:?\s*(?:" + _QUOTE + r")?"),
    # "HURRIYET wrote: “...”", "MILLIYET ran with “...”", "YENISAFAK chose “...”", "HABERTURK said: “...”"
    re.compile(_CAPS + r"\s+(?:wrote|ran\s+with|chose|headlined|said|reported|carried|led\s+with"
               r"|ran\s+the\s+(?:front[- ]page\s+)?headline)\s*:?\s*" + _QUOTE),
    # "“...” headlined daily ZAMAN"
    re.compile(_QUOTE + r"\s*,?\s*headlined\s+(?:the\s+)?(?:daily\s+|newspaper\s+)?" + _CAPS),
)


# "Jomhouri-ye Eslami’s top news was a report on ...", "Etemaad’s editorial ...": a name whose top news or
# editorial the sentence opens with is a paper's
_POSSESSIVE_PIECE = re.compile(r"(?:^|(?<=[.!?]\s))" + _NAME + r"['’]s\s+(?:(?:top|main|lead|front[- ]page|banner)\s+)?"
                               r"(?:news|headline|story|editorial|front\s+page|cover)\b", re.MULTILINE)
# "Ebtekar dedicated its front-page headline to ...": a name that has a headline of its own is a paper's
_ITS_HEADLINE = re.compile(r"(?:^|(?<=[.!?]\s))" + _NAME + r"\s+(?:dedicated|devoted|gave|ran|carried|splashed"
                           r"|led|filled|used)\s+its\s+(?:main\s+|top\s+|lead\s+)?(?:front[- ]page\s+)?"
                           r"(?:headline|front\s+page|front-page|editorial|cover|lead\s+story)\b", re.MULTILINE)


def capitals_in_prose(text: str, found: list[tuple[int, int, Draft]],
                      registry: OutletRegistry) -> list[tuple[Piece, Draft]]:
    """Citations of papers written in capitals in a press review's prose (the forms above) that the parser did
    not give: ``found`` is what it gave, as (start, end, draft) in ``text``. One draft per form match whose paper
    no found citation overlapping the match's line names; the outlet in reading case (``Haberturk``), the quoted
    headline as the English title. A found citation of that paper on the line takes the headline the form binds
    to it (``HURRIYET wrote: “…”, MILLIYET ran with “…”``: each its own). Empty unless the document speaks of the
    press."""
    if not _PRESS.search(text):
        return []
    out: list[tuple[Piece, Draft]] = []
    seen: set[tuple[int, str]] = set()
    for form in _CAPS_FORMS if re.search(r"[A-Z]{4}", text) else ():
        for m in form.finditer(text):
            name = m.group("name")
            if len(re.sub(r"[^A-Z]", "", name)) < 4 or (m.start("name"), name) in seen:
                continue
            seen.add((m.start("name"), name))
            a, b = _sentence(text, m.start(), m.end())
            outlet = decap(name) or name
            title = ws(m.group("q")) if "q" in form.groupindex and m.group("q") else None
            same = [d for s, e, d in found if s < b and a < e and d.outlet and _same_name(d.outlet, outlet, registry)]
            if same:
                if title and len(same) == 1:
                    same[0].title_english, same[0].title_original = title, None
                continue
            if any(p.start < b and a < p.end and d.outlet == outlet for p, d in out):
                continue
            out.append((Piece(a, b), Draft("inline_attribution", 0, b - a, title_english=title, outlet=outlet,
                                           confidence=0.7)))
    for m in [*_ITS_HEADLINE.finditer(text), *_POSSESSIVE_PIECE.finditer(text)]:
        name = m.group("name")
        a, b = _sentence(text, m.start(), m.end())
        if not _may_be_paper(name) or any(p.start < b and a < p.end for p, _ in out):
            continue
        inside = [d for s, e, d in found if s < b and a < e and d.outlet]
        for d in inside:  # "Eslami" read from "Jomhouri-ye Eslami’s editorial": the whole name is the paper's
            if d.outlet != name and name.endswith(d.outlet) and name[-len(d.outlet) - 1] in " -‐":
                d.outlet = name
        if any(_same_name(d.outlet, name, registry) for d in inside):
            continue  # (another paper's citation running over this sentence does not cite this one)
        out.append((Piece(a, b), Draft("inline_attribution", m.start() - a, b - a, outlet=name, confidence=0.7)))
    return sorted(out, key=lambda pd: pd[0].start)


def _sentence(text: str, a: int, b: int) -> tuple[int, int]:
    """The sentence around ``text[a:b]``: from after the last line break or ``. `` before it to the next one."""
    start = max(text.rfind("\n", 0, a) + 1, max((m.end() for m in _STOP.finditer(text, max(0, a - 400), a)),
                                                 default=0))
    stop = _STOP.search(text, b)
    line_end = text.find("\n", b)
    ends = [e for e in ((stop.start() + 1) if stop else -1, line_end) if e >= 0]
    return start, min(ends) if ends else len(text)


_STOP = re.compile(r"[.!?][”\"’']?\s+(?=[A-Z“\"‘'])")


def _same_name(a: str, b: str, registry: OutletRegistry) -> bool:
    if a.casefold() == b.casefold():
        return True
    x, y = registry.lookup(a), registry.lookup(b)
    return x is not None and x is y

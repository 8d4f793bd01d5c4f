"""Attributions inside running prose: ``the pro-government Al-Watan daily carried ...``.

An outlet named in a sentence counts as a citation only when the sentence says it is a source: a type noun
beside the name ("daily", "newspaper", "news site"), a description ("the Emirati state-owned newspaper
from Sharjah"), or a reporting verb ("reported", "according to").  Known outlets are found through the
registry; unknown ones only in the strong shape ``the <description> <type> <Name>`` /
``the <description> <Name> <type>``.  Arabic prose: ``صحيفة/جريدة/قناة/وكالة <name>`` with a known name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import chain, islice, pairwise

from translator.citations.country import arabic_country
from translator.citations.cues import Cues, cues
from translator.citations.fields import PERSON, Draft, article_prefix, clean_person, publication_dates, split_title, ws
from translator.datafiles import read_tsv
from translator.glossary.outlet_registry import OutletRegistry, arabic_key
from translator.text.arabic import is_arabic
from translator.text.segment import sentences
from translator.wordfreq_index import zipf_frequency

__all__ = ["announces_next_line", "arabic_adjacent_title", "arabic_unquoted_title", "foreign_press_names",
           "inline_attributions", "quoted_title", "unquoted_title", "writer_under_outlet"]

_BOUNDARY = re.compile(r"(?:^|[,;:\"“”]|\b(?i:the|a|an|in|by|from|to|of|with|on|at|for|and|that|which|who|"
                       r"according|than|as)\b)")
_MAX_DESCRIPTOR_WORDS = 6
_WORDLIKE = re.compile(r"[^\W\d_][\w'’-]*")
_COMMON_WORD_ZIPF = 4.0
_ENGLISH_WORD_ZIPF = 2.5  # an English word, not a transliteration ("Gazette", not "Kitabat")


# what a paper is, written between its name and its type noun: its ownership or stance ("Al-Thawra
# government-owned newspaper", "Tishreen state-run daily", "X pro-government daily")
_STANCE_AFTER_NAME = (r"(?:state|government|privately|publicly|party|army|family|opposition)[-‐]"
                      r"(?:owned|run|controlled|funded|backed|affiliated|aligned|financed)"
                      r"|pro-[a-z]+|semi-official|independent|official|opposition")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    c = cues()
    kind = c.pattern("type_noun")
    cap = rf"(?:{article_prefix()})?[A-Z][\w'’]*(?:[-‐](?: (?=[A-Z]))?[A-Za-z][\w'’]*)*"  # "Al- Thawra" too
    # a lowercase article may stand alone between the words of a name ("Asharq al Awsat", "Al Quds al Arabi")
    loose = "(?:" + "|".join(w for w in c.words("article") if w.isalpha() and w != "the") + ")"
    name = rf"{cap}(?:\s+(?:{loose}\s+)?{cap}){{0,3}}"
    kind = rf"(?i:{kind})"  # "The Kurdish Al Itihad Newspaper"
    spaced = "(?:" + "|".join(w.capitalize() for w in c.words("article")
                              if w.isalpha() and w.lower() not in {"the", "an", "as", "at"}) + ") "
    # an unknown name written with a transliterated article: "Al-sudany", "Al Baynna", "Al-Hadathah"
    art_name = (spaced[:-1] + r"(?:-[A-Za-z][\w'’]*|\s[A-Z][\w'’]*)(?:[-‐ ](?:(?i:al|el)[-‐ ])?[A-Z][\w'’]*){0,2}")
    # a Persian name joined by its ezafe, as Iranian papers are transliterated ("Aftab-e Yazd", "Jomhouri-ye
    # Eslami", "Donya-ye Eqtesad"): the ezafe marks a name as the article does an Arabic one (session 13)
    art_name = rf"(?:{art_name}|[A-Z][a-z'’]+{_EZAFE}\s[A-Z]\w*(?:[-‐][A-Za-z]\w*)*)"
    piece = r"front[- ]page|lead\s+story|editorial|headline|op-ed"
    return {
        "cap_next": re.compile(r"\s+(?:" + cap + r")"),
        # one capitalized word (hyphenated parts included) with its article: where name_desc_type may start
        "cap_run": re.compile(rf"(?:{article_prefix()})?(?P<core>[A-Z][\w'’]*(?:[-‐](?: (?=[A-Z]))?[A-Za-z][\w'’]*)*)"),
        "type_after": re.compile(r"\s+(?:" + kind + r")(?:\s+(?:" + kind + r"))*\b", re.IGNORECASE),
        "type_end": re.compile(r"\b(?:" + kind + r")\s*$", re.IGNORECASE),
        "verb": re.compile(r"\b(?:" + c.pattern("reporting_verb") + r")\b", re.IGNORECASE),
        "type_then_name": re.compile(r"\b[Tt]he\s+(?P<desc>(?:[\w'’()-]+,?\s+){0,4}?)(?P<type>" + kind + r")\s+"
                                     r"(?P<name>" + name + r")"),
        # no article: "state-run daily Al-Akhbar", "in daily Al-Quds" (the type noun written lowercase)
        "bare_type_then_name": re.compile(r"(?<![\w-])(?P<desc>)(?P<type>" + c.pattern("type_noun").lower()
                                          + r")\s+(?P<name>" + name + r")"),
        "name_then_type": re.compile(r"\b[Tt]he\s+(?P<desc>(?:[\w'’()-]+,?\s+){0,4}?)(?P<name>" + name + r")\s+"
                                     r"(?P<type>" + kind + r")\b"),
        # no article: "according to Makka newspaper", ", Okaz newspaper reported", a sentence opening, a source in
        # brackets after the report ("… were taken hostage (Türkiye newspaper).", session 13)
        "bare_name_then_type": re.compile(r"(?:^|(?<=according to )|(?<=told )|(?<=, )|(?<=,\" )|(?<=,” )"
                                          r"|(?<=reports )|(?<=reported )"
                                          r"|(?<=said )|(?<=says )|(?<=writes )|(?<=wrote )|(?<=in )|(?<=by )"
                                          r"|(?<=from )|(?<=\())(?P<desc>)(?P<name>" + name
                                          + r")\s+(?P<type>" + kind + r")\b(?!\s+(?:" + cap + r"))"),
        # "The Jeddah-based Saudi Gazette, an English-language daily, ran ...": the type in an appositive
        "name_appositive_type": re.compile(r"\b[Tt]he\s+(?P<desc>(?:[\w'’()-]+,?\s+){0,4}?)(?P<name>" + name
                                          + r"),\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,4}?(?P<type>" + kind + r")\b"),
        # (or a stance or ownership: "Al-Thawra government-owned newspaper", issue 15 batch 26)
        "desc_type_after": re.compile(r"\s+(?P<desc>(?:" + c.pattern("nationality") + r"|" + _STANCE_AFTER_NAME
                                      + r")(?:\s+[A-Z][\w-]+){0,2})\s+(?P<type>" + kind + r")\b", re.IGNORECASE),
        "name_desc_type": re.compile(r"(?P<desc>)(?P<name>" + name + r")\s+(?:" + c.pattern("nationality")
                                     + r")(?:\s+[A-Z][\w-]+){0,2}\s+(?P<type>" + kind + r")\b"),
        "piece_after": re.compile(r"\s*(?:['’]s\s+)?(?:daily\s+|newspaper\s+|paper\s+)?(?:main\s+|top\s+|prime\s+)?"
                                  r"(?:interview|editorial|front[- ]page|headline|report|article|column|story|op-ed)\b",
                                  re.IGNORECASE),
        "arabic_generic": re.compile(r"(?:^|(?<=\s))[وفبل]{0,2}(?P<noun>" + c.pattern("arabic_generic")
                                     + r"|وكالة)\s*"),
        "headline_before": re.compile(r"(?:" + c.pattern("headline_cue") + r")(?:\s+\S+){0,4}?\s*[:：,،]?\s*\Z",
                                      re.IGNORECASE),
        # "“...,” read the main headline"; "“...,” headlined al-Quds daily" (the verb, issue 15)
        "headline_after": re.compile(r"\s*,?\s*(?:(?:read|reads|said|says|was|is)\s+(?:the\s+)?(?:\S+\s+){0,3}?headline"
                                     r"|headlined\b)", re.IGNORECASE),
        # an article-name; the article also written apart, capitalized ("Ad Dustour"), but not An, As, At
        "article_name": re.compile(rf"(?<![\w-])(?:(?i:{article_prefix()})|{spaced})[A-Z][\w'’]*"
                                   rf"(?:[-‐\s]+(?i:{article_prefix()})?[A-Z][\w'’]*){{0,2}}"),
        "by_piece": re.compile(r"\b(?:" + c.pattern("byline_noun") + r")\s+by\s+(?:the\s+)?"
                               r"(?:" + c.pattern("nationality") + r"\s+)?(?:(?i:" + c.pattern("author_role")
                               + r")\s+)?(?:(?:" + c.pattern("honorific") + r")\s+)?(?P<p>" + PERSON.pattern + r")"),
        # "Al Baynna said ...": an unknown article-name opening its sentence with a reporting verb
        # "Al Baynna said ...", "On the other hand, Al-sudany reports ...": an unknown article-name opening
        # its clause with a reporting verb
        # (a press verb, not "said": "Al-Assad said" is a man, "Al-sudany reports" a paper)
        "article_subject": re.compile(r"^(?:(?i:" + _LEAD_ADVERBS + r")|[^,;:\"“”]{0,40},\s+)(?P<desc>)(?P<name>"
                                      + art_name + r")\s+(?:reports|reported|published|publishes|carried|carries"
                                      r"|headlined|quoted|quotes|editorialized)\b"),
        # "Meanwhile on Al-jareeda front page", "In its lead story Al-Hadathah", "the headline of Akhbar Alyoum"
        "piece_name": re.compile(r"(?P<desc>)(?P<name>" + art_name + r")(?=\s+(?i:" + piece + r")\b)"),
        # "Iran’s editorial stated", "Kayhan’s top headline": a capitalized name whose editorial or front page it
        # is (only a publication has one; issue 15 batch 21); a piece of writing (op-ed, column) may be a writer's
        "possessive_piece": re.compile(r"(?<![\w'’-])(?P<desc>)(?P<name>" + name + r")(?=['’]s\s+"
                                       r"(?:(?:main|top|lead)\s+)?(?:editorial|front[- ]page|headline|lead\s+story)"
                                       r"\b)"),
        "name_after_piece": re.compile(r"\b(?i:" + piece + r")\s+(?:of|in)\s+(?P<desc>)(?P<name>" + art_name
                                       + r"|" + name + r")(?![\w'’-])(?!['’]s\b)"),
        "article_name_after_piece": re.compile(r"\b(?i:" + piece + r")\s+(?P<desc>)(?P<name>" + art_name
                                               + r")(?![\w'’-])(?!['’]s\b)"),
        "piece_before": re.compile(r"\b(?i:" + piece + r")\s+(?:(?:of|in)\s+)?\Z"),
        "arabic_type_end": re.compile(r"(?:" + c.pattern("arabic_generic") + r")\s*\Z"),
        "writing_verb": re.compile(r"(?:^|(?<=\s))[وف]?(?:" + c.pattern("writing_verb") + r")(?=\s)"),
    }


def inline_attributions(text: str, registry: OutletRegistry) -> list[Draft]:
    """One draft per outlet named as a source in a sentence of ``text`` (offsets into ``text``)."""
    drafts: list[Draft] = []
    spans = _quote_whole(text, sentences(text))
    for index, sentence in enumerate(spans):
        s = sentence.text
        if not is_arabic(s):  # "London-based Al-Sharq\nal-Awsat": a name wrapped over two lines (same length)
            s = s.replace("\n", " ")
        seen: set[str] = set()
        kept: list[tuple[int, int, str, Draft]] = []
        spoken = _SpokenQuotes(s)
        for a, b, name in _mentions(s, registry):
            if spoken.holds(a):
                continue  # "“We went to Al-Ahram,” he said": a person's words name the paper, no citation of it
            if name in seen:  # read once: a later mention of the same name was never kept (issue 13: linear)
                continue
            draft = _read_near(s, a, b, name, registry)
            if draft is None:
                continue
            seen.add(name)
            kept.append((a, b, name, draft))
        if len(kept) > 1:
            kept = _own_clauses(s, kept, registry)
        if not kept:
            column = (_arabic_unplaced_column(s) or _arabic_back_reference(s)) if is_arabic(s) \
                else (_unplaced_column(s) or _back_reference(s) or _definition(s, registry))
            if column is not None:
                kept = [(0, 0, "", column)]
        if len(kept) == 1 and is_arabic(s) and kept[0][3].title_original is None:
            kept[0][3].title_original = arabic_adjacent_title(text, spans, index, kept[0][0])
        if len(kept) == 1 and index and _UNDER_THIS_HEADLINE.match(s):
            _title_before(kept[0][3], text, spans[index - 1], sentence)
        for *_, draft in kept:
            draft.start, draft.end = sentence.start + draft.start, sentence.start + draft.end
            drafts.append(draft)
    return drafts


# a sentence that cites the headline printed just before it: "“...” Under this headline, the Saudi newspaper X said"
_UNDER_THIS_HEADLINE = re.compile(r"\s*(?:[Uu]nder\s+(?:this|that|the\s+same)\s+(?:headline|title)\b"
                                  r"|[وف]?(?:تحت|وتحت)\s+(?:هذا|ذلك)\s+العنوان)")
_TITLE_WORDS = 25


def _title_before(draft: Draft, text: str, previous: _Span, sentence: _Span) -> None:
    """The sentence right before ``Under this headline, ...`` (nothing but spaces between, at most
    :data:`_TITLE_WORDS` words) is the headline the draft cites, unless the draft already has one (issue 15,
    batch 26)."""
    if draft.title_original or draft.title_english or text[previous.end:sentence.start].strip():
        return
    headline = ws(re.sub(r"(?<!\.)\.\Z", "", previous.text.strip()))
    if not headline or len(headline.split()) > _TITLE_WORDS:
        return
    draft.title_original, draft.title_english = split_title(headline)


_SPOKEN_QUOTE = re.compile(r"“[^“”\n]{2,400}”|\"[^\"\n]{2,400}\"")
_PRONOUN_SPEAKS = re.compile(r"\s*(?:he|she|they|I|we)\s+(?:said|says|told|added|adds|recalled|explained|asked|"
                             r"insisted|recounted|remembered)\b")


class _SpokenQuotes:
    """The quotations a person speaks in one sentence, found once (not once per outlet named in it: quadratic in a
    long sentence, issue 13); :meth:`holds` is :func:`_in_spoken_quote`."""

    def __init__(self, s: str) -> None:
        self.spans = [(m.start(), m.end()) for m in _SPOKEN_QUOTE.finditer(s) if _PRONOUN_SPEAKS.match(s, m.end())] \
            if "“" in s or '"' in s else []
        self.starts = [start for start, _ in self.spans]

    def holds(self, at: int) -> bool:
        # the matches do not overlap: only the last one starting before ``at`` may hold it
        i = bisect_left(self.starts, at) - 1
        return i >= 0 and at < self.spans[i][1]


def _in_spoken_quote(s: str, at: int) -> bool:
    """``at`` lies inside a quotation that a person speaks (``“...,” he said``): the name is in what someone
    said, not the source cited (session 8, a false positive of the blind set's kind)."""
    if "“" not in s and '"' not in s:
        return False
    return any(m.start() < at < m.end() and _PRONOUN_SPEAKS.match(s, m.end()) for m in _SPOKEN_QUOTE.finditer(s))


# a line that only announces a title on the next line ("وتحت عنوان", "العناوين التالية:", "وفيها ..")
_AR_TITLE_NEXT = re.compile(r"(?:(?:تحت|يحمل|تحمل)\s+عنوان|بعنوان|عنونت|العناوين\s+التالية|عناوينها|عنوانها"
                            r"|(?:^|(?<=\s))[وف]?(?:فيها|منها|أبرزها|ابرزها)"
                            # "وكان ابرز عناوين النسخة البغدادية من صحيفة الزمان" over its headline (session 9)
                            r"|(?:^|(?<=\s))[وف]?(?:أبرز|ابرز|أهم|اهم)\s+عناوين\s[^.!؟?\n]*)"
                            r"[\s\"“”«»:.…-]*\Z")
_AR_ITEM = re.compile(r"\s*[-–—*•]\s*(?P<t>\S.*)\Z", re.S)
# the sentence opening that introduces a body under a headline line: "قال موقع X:", "وفي خبر لموقع X",
# "من جانبها قالت صحيفة X:", "هذا ما نشرته صحيفة X"
_AR_BODY_INTRO = re.compile(r"\s*(?:[وف]?(?:من\s+جانبها|من\s+جهتها|بدورها)[،,]?\s+)?(?:[وف]?(?:قال|قالت|ذكر|ذكرت|"
                            r"أفاد|أفادت|أورد|أوردت|نشر|نشرت)\s|[وف]?في\s+(?:خبر|تقرير|مقال)\s+ل|هذا\s+ما\s)")
_AR_PROSE_OPENERS = frozenset("قد كان كانت كما لكن ثم إذ اذ".split())
_AR_REVIEW_WORDS = re.compile(r"صحف|صحافة|الصحافة|جولة|عناوين|قراءة|التناولات")


_BULLET_LINE = re.compile(r"\s*[-–—*•]+\s*")


def announces_next_line(line: str) -> bool:
    """An Arabic citation line that ends by announcing its headline on the next line (``والى صحيفة المشرق
    المستقلة وفيها ..``, ``وتحت عنوان``, ``فأبرزت العناوين التالية``): like a line ending with a colon."""
    return is_arabic(line) and _AR_TITLE_NEXT.search(line.rstrip()) is not None


def arabic_adjacent_title(text: str, spans: list, index: int, outlet_at: int) -> str | None:
    """The title of an Arabic attribution printed on a line of its own next to it (issue 15, batch 11):
    after a line that ends on a headline cue (``وتحت عنوان`` / ``العناوين التالية`` / ``وفيها ..``), the next
    line (a dash item's text); or, before a line that opens with the attribution (``قال موقع العربية:``,
    ``وفي خبر لموقع X``, ``هذا ما نشرته صحيفة X``), the line above when it stands alone as a headline: one
    line, no sentence stop, 3-20 words, not opening on a particle (``وفي سياق متصل ...``: prose), not the
    review's own heading (``الصحف العراقية``, ``جولة ...``)."""
    here = spans[index]
    if index + 1 < len(spans) and _AR_TITLE_NEXT.search(here.text.rstrip()):
        nxt = spans[index + 1]
        if "\n" in text[here.end:nxt.start]:
            # (a bullet alone on its line comes before the item's text: "لنقرأ فيها ..\n-\nheadline", batch 11)
            line = next((ln for ln in text[nxt.start:nxt.start + 2000].split("\n")[:4]
                         if ln.strip() and not _BULLET_LINE.fullmatch(ln)), "")
            item = _AR_ITEM.match(line)
            title = ws((item.group("t") if item else line).strip(" \"“”«»"))
            if title and len(title.split()) <= 25 and is_arabic(title):
                return title.rstrip(".")
    if index and _AR_BODY_INTRO.match(here.text) and outlet_at <= len(" ".join(here.text.split()[:8])):
        prev = spans[index - 1]
        line = prev.text.strip()
        between = text[prev.end:here.start]
        plain = line.strip("\"“”«»")
        first = plain.split()[0] if plain.split() else ""
        opener = first[1:] if first[:1] in "وف" else first  # "وفي سياق متصل ...": prose goes on, no headline
        if "\n" in between and "\n" not in line and 3 <= len(plain.split()) <= 20 and is_arabic(plain) \
                and not re.search(r"[.:؛]\s*\Z", plain) and not _AR_REVIEW_WORDS.search(plain) \
                and opener not in _AR_STOP and opener not in _AR_PROSE_OPENERS:
            return ws(plain)
    return None


def _unplaced_column(s: str) -> Draft | None:
    """A column cited by its title and writer without its outlet (``In an article titled “...,” journalist
    X referred to ...``; ``“...,” was the headline of X’s piece``): the outlet is left empty (issue 15)."""
    title = quoted_title(s, (len(s), len(s)))
    if title is None:
        return None
    people = role_people(s)
    owner = re.search(r"(?P<p>" + PERSON.pattern + r")['’]s\s+(?:" + cues().pattern("byline_noun") + r")\b", s)
    author = people[0] if people else (owner.group("p") if owner else None)
    if author is None:
        return None
    original, english = split_title(title)
    return Draft("inline_attribution", 0, len(s), author=clean_person(author), title_original=original,
                 title_english=english, confidence=0.6)


# ``The semi-official daily said ...``, ``The paper, which describes itself as independent, noted ...``: a
# sentence that opens by referring back to the paper named before it (UPI's Arab press review, batch 9)
_BACK_REFERENCE = re.compile(r"^\s*(?:[A-Z][^,;:\"“”]{0,40},\s+)?[Tt]he\s+(?P<desc>(?:[\w'’-]+\s+){0,3}?)"
                             r"(?P<noun>daily|paper|newspaper|weekly)"
                             r"(?:,\s+which\s+(?:describes\s+itself\s+as\s+(?P<self>[a-z][\w-]*)[^,]{0,40}"
                             r"|[^,]{3,80}),|,\s+(?P<app>(?:(?:(?:partially|partly|wholly|privately|state)\s+)?"
                             r"(?:owned|run|backed|funded|controlled)\s+by|close\s+to|affiliated\s+(?:with|to)"
                             r"|linked\s+to|loyal\s+to|(?:the\s+|a\s+)?(?:mouthpiece|organ)\s+(?:of|for))\b[^,]{3,60}),)?"
                             r"\s+(?:(?:also|then|again)\s+)?(?P<verb>[a-z]+)\b")


_BACK_PIECE = re.compile(r"^\s*(?:[A-Z][^,;:\"“”]{0,40},\s+)?[Tt]he\s+(?:newspaper|paper|daily)(?:['’]s)?\s+"
                         r"(?:editorial|column|article|front[- ]page|lead\s+story|headline)\s*,?\s*[“\"]"
                         r"(?P<t>[^“”\"\n]{3,150}?)[”\"]\s*,?\s+[a-z]{3,}\b")


def _back_reference(s: str) -> Draft | None:
    """A sentence that cites the paper named before it only by what it is (``The pro-government daily said``):
    no outlet; the words before the noun are its description (``pro-government``, ``Saudi-owned``), as are
    ``which describes itself as independent`` and an appositive of ownership or stance (``, partially owned by
    the government,``); a count (``The third daily``), a language (``The English-language daily``) or a
    circulation (``The mass-circulation paper``) describes nothing (the set's labels).  The verb must be one of
    saying or reporting."""
    m = _BACK_REFERENCE.match(s)
    if m is None or m.group("verb") not in _verbs():
        piece = _BACK_PIECE.match(s)
        if piece is None:
            return None
        # "The newspaper editorial, “A Government on Sale in Wall Street”, addressed ...": the paper named before,
        # its piece and the piece's title (batch 12 build half)
        original, english = split_title(ws(piece.group("t")))
        return Draft("press_review_attribution", 0, len(s), title_original=original, title_english=english,
                     confidence=0.5, refers_back=True)
    desc = m.group("self") or ws(m.group("app"))
    words = m.group("desc").split()
    if desc is None and words and words[0].lower() not in _ORDINALS and not any(
            w.lower().endswith(("-language", "'s", "’s")) or "circulation" in w.lower()
            or (w[:1].isupper() and "-" not in w and w.lower() not in cues().lower_set("nationality")) for w in words):
        desc = _leaning(" ".join(words))
    return Draft("press_review_attribution", 0, len(s), leaning=desc, confidence=0.5, refers_back=True)


# "(Al-Sabah is a daily independent publicly owned newspaper.)": a sentence that only says what a paper is
_DEFINITION = re.compile(r"^[\s(\[]*(?P<name>(?:The\s+)?[A-Z][\w'’.-]*"
                         r"(?:\s+(?:(?:al|el|as|ad|an|ar)[-\s])?[A-Z][\w'’.-]*){0,4})\s+is\s+(?:an?|the)\s+(?P<desc>(?:[\w'’-]+,?\s+){0,6}?)"
                         r"(?P<noun>daily|newspaper|weekly|paper|magazine)(?:\s+(?:based|published)\s+in\s+"
                         r"(?P<place>[A-Z][\w-]+))?\s*[.)\]]*\s*\Z")


def _definition(s: str, registry: OutletRegistry) -> Draft | None:
    """A sentence that says what a paper is, naming it as its subject (``Al-Sabah is a daily independent publicly
    owned newspaper.``, ``Al-Quds is a Jerusalem-based independent daily.``): the outlet and its description,
    the words before the type noun (issue 15, batch 26: the glosses digests add after an item). The name is a
    registry name or a plausible unknown one; the sentence ends with the noun phrase, so a clause that goes on
    (``X is a newspaper that ...``) is no definition."""
    m = _DEFINITION.match(s)
    if m is None:
        return None
    name = m.group("name")
    if registry.lookup(name) is None and not _plausible_unknown(name):
        return None
    desc = ws(m.group("desc").strip(" ,")) or None
    if desc is not None and desc.split()[0].lower() in _ORDINALS:
        return None  # "X is the second daily": a count, not what it is
    return Draft("inline_attribution", 0, len(s), outlet=name, leaning=_leaning(desc, phrase=False) if desc else None,
                 place=m.group("place"), confidence=0.6)


def _arabic_unplaced_column(s: str) -> Draft | None:
    """An Arabic piece cited by its title and its writer named by role, the paper only said before
    (``ونشرت الصحيفة مقال بعنوان X قال فيه الكاتب د. Y``, ``جاء تقرير الكاتب X، تحت عنوان «...»``): the outlet is
    left empty (issue 15, batch 11). Both a title after a headline cue and a role-named writer are needed."""
    title = quoted_title(s, (len(s), len(s))) or arabic_unquoted_title(s)
    if not title:
        return None
    c = cues()
    roles = [r for r in c.words("author_role") if is_arabic(r) and r.startswith("ال")]
    alternation = "|".join(re.escape(r) for r in roles + ["ل" + r[1:] for r in roles])
    m = re.search(rf"(?:^|\s)(?:{alternation})\s+(?:(?:{c.pattern('honorific')})\s+)?(?P<rest>[^،,.:؛«»\"“”]+)", s)
    person = _arabic_person(m.group("rest").split()[:3]) if m else _written_by(s)
    if person is None or person in title:
        return None
    return Draft("press_review_attribution", 0, len(s), author=person, title_original=title, confidence=0.6)


# "ولفتت الصحيفة، في افتتاحيتها بعنوان ( ترهل لبنان )، إلى أن": the paper named before, referred to by what it is,
# with the title of its piece (issue 15 batch 23 build half; the English form is _BACK_REFERENCE)
_AR_BACK_REFERENCE = re.compile(r"^\s*(?:[وف]?(?:من\s+جهتها|من\s+جانبها|بدورها)[،,]?\s+)?[وف]?(?:\S+\s+)?"
                                r"(?:الصحيفة|الجريدة|اليومية|الأسبوعية|الكاتب|الكاتبة)(?:\s|[،,])")


# verbs of the review before "the paper" or "the writer" (the feminine ones of _AR_VERBS, and the masculine)
_AR_BACK_VERBS = frozenset("لفتت أوضحت اوضحت أكد اكد قال رأى كتب أوضح اوضح اعتبر لفت أشار اشار تساءل".split())


def _arabic_back_reference(s: str) -> Draft | None:
    """An Arabic sentence that cites the paper named before it only as "the paper", with a verb of the review
    and a title after a headline cue (``ولفتت الصحيفة، في افتتاحيتها بعنوان ( ترهل لبنان )``): no outlet, the
    title; its outlet is the citation's before it in the same paragraph (``refers_back``)."""
    m = _AR_BACK_REFERENCE.match(s)
    if m is None:
        return None
    first = (s[:m.end()].split() or [""])[0]
    bare = first[1:] if first[:1] in "وف" and len(first) > 3 else first
    if bare not in _AR_VERBS and bare not in _AR_BACK_VERBS and not bare.startswith(("الصحيفة", "الجريدة")):
        return None
    if not re.search(r"(?:تحت|يحمل|تحمل)\s+عنوان|بعنوان|عنوانها", s):
        return None
    title = quoted_title(s, (len(s), len(s))) or arabic_unquoted_title(s)
    paren = re.search(r"(?:عنوان|بعنوان)\s*:?\s*\(\s*(?P<t>[^()\n]{2,120}?)\s*\)", s)
    title = title or (ws(paren.group("t")) if paren else None)
    if not title:
        return None
    return Draft("press_review_attribution", 0, len(s), title_original=title, confidence=0.5, refers_back=True)


@cache
def _item_by() -> re.Pattern[str]:
    return re.compile(r"\s*(?:\d{1,3}[.)]\s*)?(?i:" + cues().pattern("byline_noun") + r")\s+by\s+(?:(?:"
                      + cues().pattern("honorific") + r")\s+)?(?P<p>" + PERSON.pattern + r")")


def writer_under_outlet(text: str, outlet: str) -> list[Draft]:
    """A paragraph printed under a line that names only an outlet (a digest's section heading, ``Al-Masry
    al-Youm`` then ``Writer X argued ...``): the writer named by role in its first sentence wrote in it."""
    found = sentences(text)
    if not found or is_arabic(text):
        return []
    first = found[0]
    people = role_people(first.text)
    # "1. Article by Farhat Husam-al-Din says ...": a monitor's numbered item names the piece and its writer
    by = _item_by().match(first.text)
    if by is not None:
        people = [by.group("p")]
    if not people:
        return []
    return [Draft("inline_attribution", first.start, first.end, outlet=outlet, author=clean_person(people[0]),
                  confidence=0.7)]


_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


#: a sentence longer than this (characters) is read around each outlet it names, :data:`READ_REACH` characters on
#: each side, not whole once per outlet (issue 13: quadratic in a sentence of thousands of names). The longest
#: sentence of the committed citation sets has 646 characters.
LONG_SENTENCE = 2_000
READ_REACH = 1_000


def _read_near(s: str, a: int, b: int, name: str, registry: OutletRegistry) -> Draft | None:
    """:func:`_read` of the outlet at ``s[a:b]``; in a sentence over :data:`LONG_SENTENCE` characters, of the
    stretch around it (offsets into ``s`` all the same). ``_PATTERN_TRIES["read_chars"]`` counts the characters
    read, for the tests."""
    start, end = (0, len(s)) if len(s) <= LONG_SENTENCE else (max(0, a - READ_REACH), min(len(s), b + READ_REACH))
    _PATTERN_TRIES["read_chars"] += end - start
    if (start, end) == (0, len(s)):
        return _read(s, a, b, name, registry)
    draft = _read(s[start:end], a - start, b - start, name, registry)
    if draft is not None:
        draft.start, draft.end = draft.start + start, draft.end + start
    return draft


def _read(s: str, a: int, b: int, name: str, registry: OutletRegistry) -> Draft | None:
    # an Arabic name in English prose is cited the English way; an outlet in Latin letters inside an Arabic
    # sentence (``قالت وكالة Reuters إن ...``) the Arabic way: the Arabic words before it are the sentence, not
    # an English description
    arabic = is_arabic(s) if is_arabic(name) else is_arabic(" ".join(s[:a].split()[-1:]))
    return _arabic_attribution(s, a, b, name) if arabic else _attribution(s, a, b, name, registry)


# Where one attribution ends and the next begins inside a sentence: a semicolon, a comma, or a conjunction
# that opens a new clause ("..., while Al-Dostour ...", "... وصحيفة الأهرام ...", "بينما صحيفة ...").
_CLAUSE_CUT = re.compile(r"[;؛]\s*|[,،]\s*(?:(?:and|while|whereas|but|as)\s+)?|\s+(?:while|whereas)\s+"
                         r"|\s+(?:بينما|فيما|في حين|أما)\s+|\s+(?=و\S)")


def _own_clauses(s: str, kept: list[tuple[int, int, str, Draft]],
                 registry: OutletRegistry) -> list[tuple[int, int, str, Draft]]:
    """Several outlets cited in one sentence (``Gulf News said ...; Khaleej Times said ...``): each
    attribution is its own citation, read on its own clause so that a title, an author or a date of one
    clause is not given to the other outlet (issue 15).  The cut before each later outlet is the last
    clause boundary between the previous outlet and it; without one, the sentence is left whole."""
    cuts = [0]
    appositive = re.compile(r"[,،]\s*(?:the|a|an|its|his|her)\s+(?:[\w-]+\s+){0,3}?(?i:" + cues().pattern("author_role")
                            + r")\b")
    for (_, prev_end, _, _), (a, _, _, _) in pairwise(kept):
        between = [m for m in _CLAUSE_CUT.finditer(s, prev_end, a) if not appositive.match(s, m.start())]
        if not between:
            return kept
        cuts.append(between[-1].start())
    cuts.append(len(s))
    out = []
    for (a, b, name, draft), start, end in zip(kept, cuts, cuts[1:], strict=False):
        clause = s[start:end]
        m = _CLAUSE_CUT.match(clause) if start else None
        lead = m.end() if m else 0
        clause_text = clause[lead:].rstrip()
        again = _read_near(clause_text, a - start - lead, b - start - lead, name, registry) or draft
        if again.author is None and draft.author and _WRITING_CLAUSE.match(clause_text):
            # "Salama Nimaat, a ... journalist and frequent al Hurra guest, writing in al Hayat:": the clause has no
            # subject of its own; the writer is the sentence's, and a paper named in his description (the
            # appositive before) is not where he wrote (issue 15, batch 26 build half)
            again.author = draft.author
            out = [item for item in out if item[3].author != draft.author]
        again.start, again.end = start + lead, start + lead + len(clause_text)
        out.append((a, b, name, again))
    return out


# a clause that opens with the writing itself, its subject named before ("..., writing in al Hayat:")
_WRITING_CLAUSE = re.compile(r"\s*(?:writing|wrote|writes)\s+(?:in|for)\s")


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    text: str


def _quote_whole(text: str, found: list) -> list[_Span]:
    """Sentences joined again where the segmenter cut inside a quotation (a headline with a full stop).

    The quotes a joined span leaves open are tallied as it grows (:func:`_quote_tally`), not counted again over
    its whole text at each join: a line of ``. “`` repeated is one growing span (issue 13, session 11)."""
    out: list[_Span] = []
    tallies: list[tuple[int, int]] = []  # per span of ``out``: (“« opened less ”» closed, straight quotes)
    for sentence in found:
        prev = out[-1] if out else None
        # a line wrapped inside a sentence ("London-based Al-Sharq" / "al-Awsat - commentary by X"): the next
        # line opens in lower case and the previous one did not end a sentence (issue 15)
        wrapped = prev is not None and sentence.text[:1].islower() and text[prev.end:sentence.start].count("\n") == 1 \
            and prev.text.rstrip()[-1:] not in _SENTENCE_END and not text[prev.end:sentence.start].strip()
        if prev is not None and (tallies[-1][0] + tallies[-1][1] % 2 > 0 or wrapped):
            out[-1] = _Span(prev.start, sentence.end, text[prev.start:sentence.end])
            more = _quote_tally(text[prev.end:sentence.end])
            tallies[-1] = (tallies[-1][0] + more[0], tallies[-1][1] + more[1])
        else:
            out.append(_Span(sentence.start, sentence.end, sentence.text))
            tallies.append(_quote_tally(sentence.text))
    return out


_SENTENCE_END = frozenset(".!?:;؟")


def _quote_tally(s: str) -> tuple[int, int]:
    """(``“`` and ``«`` less ``”`` and ``»``, straight ``"``) in ``s``: a span leaves a quote open when the first
    is positive or the second odd; both add over joined texts."""
    return s.count("“") + s.count("«") - s.count("”") - s.count("»"), s.count('"')


# a word just before a name found in the text (ending where it starts): searched in the few characters before
# the name (issue #13: searching all of the text before each name was quadratic on a line of 5,000 "Al-")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|al|el|an|as|ash|ad|ar|at|az)[-‐]['’‘]?$", re.IGNORECASE)
_FRENCH_BEFORE = re.compile(r"\b(?:[Ll]e|[Ll]a|[Ll]es)\s+$")
# a capitalised body noun right after a known paper's name makes it another body's name (session 8, batch 12)
_ORGANISATION_AFTER = re.compile(r"['’]?s?\s+(?:Party|Movement|Front|Bloc|Coalition|Foundation|Institute|Cent(?:er|re)"
                                 r"|Council|Union|Association|Society|Organi[sz]ation)\b")
_THE_BEFORE = re.compile(r"\bThe\s+$")
_SPACED_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:al|el)\s+$")
_ARTICLE_NAME_BEFORE = re.compile(r"(?<![\w'’-])(?:Al|El|al|el)[-‐][A-Z][\w'’]*[-‐\s]+$")
_ARTICLE_NAME_AFTER = re.compile(r"[\s-]+(?:al|el)[-\s]+[A-Z][\w'’]*")


_STOP_BEFORE_THE = frozenset('.!?:"“”')  # a sentence (or a quotation) may end right before "The"


def _last_visible(s: str, end: int) -> int:
    """The index of the last character before ``end`` that is not white space (``str.isspace``, the ``\\s`` of
    :mod:`re`), or -1: ``s[:end].rstrip()`` without copying the text before it (issue 13: that copy and a
    search of it for each "The" of a sentence made ``wrote in The Independent newspaper`` × n quadratic)."""
    i = end
    while i > 0 and s[i - 1].isspace():
        i -= 1
    return i - 1


def _before(s: str, a: int) -> int:
    """Where to start looking for one of those words before ``s[a]``: past the white space just before it and
    eight characters more (the longest word with its mark). The search's end is ``a`` (``$`` matches there)
    and its ``\\b`` sees the character before the start, so the answer is the one ``s[:a]`` gives."""
    i = a
    while i > 0 and s[i - 1].isspace():
        i -= 1
    return max(0, i - 8)


class _Taken:
    """The spans of a sentence already taken by an outlet name: :meth:`overlaps` is ``any(x < b and a < y for x, y
    in spans)``, read from a map of the characters covered (the names are short) rather than from every span taken
    so far (quadratic in a sentence of thousands of names, issue 13)."""

    def __init__(self, length: int, spans: list[tuple[int, int]]) -> None:
        self.spans: list[tuple[int, int]] = []
        self.covered = bytearray(length + 1)
        self.empty = False  # an empty span taken: the plain reading (names are never empty)
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        self.spans.append((a, b))
        self.empty = self.empty or a >= b
        self.covered[a:b] = b"\1" * max(0, b - a)

    def overlaps(self, a: int, b: int) -> bool:
        if a >= b or self.empty:
            return any(x < b and a < y for x, y in self.spans)
        return self.covered.find(1, a, b) >= 0


def _mentions(s: str, registry: OutletRegistry) -> list[tuple[int, int, str]]:
    found = []
    for a, b, match in registry.find_in_text(s):
        if _ORGANISATION_AFTER.match(s, b):
            continue  # "the Freedom and Justice Party said", "Al-Ahram Center": a body named after, not the paper
        if re.search(r"\s(?i:al|el)$", s[a:b]) and (_cap_after(s, b) or re.match(r"[-‐][A-Z]", s[b:b + 2])):
            continue  # "Akhbar Al Yaoum": a known name cut before its last word; the whole name is found below
            # ("Independent Al-Shorouk says": the article opens the next name, session 7)
        article = _ARTICLE_BEFORE.search(s, _before(s, a), a)
        if article:
            a = article.start()  # "A-Sharq Al-Awsat": the assimilated article belongs to the name
        spaced = _SPACED_ARTICLE_BEFORE.search(s, max(0, a - 4), a)
        if spaced and registry.lookup(s[spaced.start():b]) is match.outlet:
            a = spaced.start()  # "writing in al Hayat": the article written apart, in lower case (session 8)
        ahead = _ARTICLE_NAME_BEFORE.search(s, max(0, a - 24), a)
        if ahead:
            longer = registry.resolve(s[ahead.start():b])
            if longer.outlet is not None and not longer.ambiguous and longer.outlet is not match.outlet:
                a = ahead.start()  # "Al-Masri Al-Youm": a misspelt first word before a known short name (session 8)
        more = _ARTICLE_NAME_AFTER.match(s, b)
        if more:
            longer = registry.resolve(s[a:more.end()])
            if longer.outlet is not None and not longer.ambiguous and longer.outlet is not match.outlet:
                b = more.end()  # "Al Hayat al Jadidah": the name goes on with an article-word (session 8)
        french = _FRENCH_BEFORE.search(s, _before(s, a), a)
        if french and registry.lookup(s[french.start():b]) is match.outlet:
            a = french.start()  # "le Soir Echos": the French article is part of the name
        the = _THE_BEFORE.search(s, _before(s, a), a)
        if the and match.outlet is not None and match.outlet.canonical.startswith("The "):
            a = the.start()  # "The National’s spotlight": the article is part of this outlet's name
        lead = _leading_nationalities(s[a:b])
        if lead and registry.lookup(s[a + lead:b]) is match.outlet:
            a += lead  # "Lebanese al-Akhbar": the nationality describes, the name is al-Akhbar
        # a known name is one word of a longer Persian name joined by the ezafe ("Hamdeli-ye Now", "Aftab-e Yazd"
        # when only "Yazd" were known): the whole name is cited, as written (session 13)
        ezafe_after = _EZAFE_AFTER.match(s, b)
        ezafe_before = _EZAFE_BEFORE.search(s, max(0, a - 30), a)
        if ezafe_after or ezafe_before:
            a = ezafe_before.start() if ezafe_before else a
            b = ezafe_after.end() if ezafe_after else b
        found.append((a, b, s[a:b]))
    taken = _Taken(len(s), [(a, b) for a, b, _ in found])
    for m in _patterns()["article_name"].finditer(s):
        # a spelling the registry knows only approximately ("Al-Masri Al-Youm" for Al-Masry Al-Youm)
        a, b = m.span()
        if taken.overlaps(a, b):
            continue
        match = registry.resolve(m.group())
        if match.method == "fuzzy" and len(re.split(r"[-‐\s]+", m.group())) < 4:
            continue  # one article-name ("Nabil Al-Arabi") is too short to trust a near spelling
        if match.outlet is not None and not match.ambiguous:
            found.append((a, b, m.group()))
            taken.add(a, b)
    for m in re.finditer(r"\bThe\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?", s):
        # "The National reported", "The National’s spotlight": a registry outlet whose own name begins with
        # "The" and one common word (left out by find_in_text so that "The National Assembly" is no outlet)
        a, b = m.span()
        if taken.overlaps(a, b) or _cap_after(s, b):  # asked first: an unknown name's lookup is the dear part
            continue
        match = registry.resolve(m.group())
        if match.outlet is None or match.method != "exact" or not match.outlet.canonical.startswith("The "):
            continue
        found.append((a, b, m.group()))
        taken.add(a, b)
    p = _patterns()
    low = s.lower()
    patterns = [p["type_then_name"], p["name_then_type"], p["bare_name_then_type"], p["name_desc_type"],
                p["bare_type_then_name"], p["name_appositive_type"]]
    if not _may_hold_type_noun(s):  # each of these six needs a type noun ("daily"): most sentences have none
        patterns = [q for q in patterns if id(q) not in _typed_patterns()]
    # the patterns of issue 15's third session run only where their words occur (analysis speed)
    if any(w in low for w in ("report", "publish", "carrie", "headlined", "quote", "editorialized")):
        patterns.append(p["article_subject"])
    if any(w in low for w in ("page", "story", "editorial", "headline", "op-ed")):
        patterns += [p["piece_name"], p["name_after_piece"], p["article_name_after_piece"], p["possessive_piece"]]
    for pattern in patterns:
        for m in (_name_desc_type_matches(s) if pattern is p["name_desc_type"] else pattern.finditer(s)):
            if pattern is not p["type_then_name"] and p["cap_next"].match(s, m.end()):
                continue  # "the Beirut daily An-Nahar": the first name is where the daily is, not its name
            a, b = m.span("name")
            name = m.group("name")
            if pattern in (p["type_then_name"], p["bare_type_then_name"]) \
                    and _paper_in_description(_words_before(s, m.start("type")), name, registry):
                continue  # "the Kuwaiti Al-Rai Al-Aam newspaper Badr Youssef Abdulaziz": the paper came first
            if pattern is p["name_after_piece"] and re.search(r"['’]s$", name):
                continue  # "the headline of Mostafa Moharram’s piece": a writer's piece, not an outlet
            if pattern in (p["name_then_type"], p["bare_name_then_type"]) and re.search(r"['’]s$", name) \
                    and registry.lookup(name[:-2]) is None:
                continue  # "the Future Movement's mouthpiece": whose paper it is, not its name (session 8)
            lead = _leading_nationalities(name, descriptive=True)
            rest = name[lead:]
            if lead and " " not in rest and zipf_frequency(rest.lower(), "en") >= _ENGLISH_WORD_ZIPF \
                    and not re.search(r"(?:ic|ian|ese|ish|an|i)$", rest) \
                    and rest.lower() not in cues().lower_set("nationality"):
                # "Saudi Gazette", "Egyptian Gazette": a nationality before one English word is the name's
                words = list(re.finditer(r"\S+", name[:lead]))
                if words and words[-1].group().lower() in cues().lower_set("nationality"):
                    lead = words[-1].start()
            a += lead
            name = s[a:b]
            if pattern is p["name_then_type"] and not lead and not m.group("desc") \
                    and s[m.start():m.start() + 3] == "The" \
                    and (last := _last_visible(s, m.start())) >= 0 and s[last] not in _STOP_BEFORE_THE:
                # "wrote in The Independent newspaper": a capital "The" inside a sentence belongs to the name
                a, name = m.start(), s[m.start():b]
            if not name or taken.overlaps(a, b) \
                    or not _plausible_unknown(name, owns_piece=pattern is p["possessive_piece"]):
                continue
            found.append((a, b, name))
            taken.add(a, b)
    if is_arabic(s) or _ARABIC_LETTER.search(s):  # also "an article ... in صحيفة الدستور" in English prose
        hits = [_arabic_outlet(s, m, registry) for m in p["arabic_generic"].finditer(s)]
        hits += _quoted_known(s, registry)
        if _has_writing_verb(s, p) or _COLUMN_AFTER.search(s):
            hits += _written_in_known(s, registry)
        hits += _subject_with_own_piece(s, registry)
        hits += _subject_with_piece_near(s, registry)
        hits += _paper_of_piece(s, registry)
        hits += _bare_subject(s, registry)
        hits += _subject_before_verb(s, registry)
        hits += foreign_press_names(s, after_verb=True)
        hits += _numbered_channels(s)
        for hit in hits:
            if hit is not None and not taken.overlaps(hit[0], hit[1]) \
                    and not _abbreviation_of_previous(s, hit, found, registry):
                found.append(hit)
                taken.add(hit[0], hit[1])
    return sorted(found)


def _words_before(s: str, end: int, most: int = 6) -> str:
    """The last ``most`` words before ``end`` in ``s``, not reaching back over a sentence or clause mark."""
    head = re.split(r"[.;:,\n(]", s[max(0, end - 120):end])[-1]
    return " ".join(head.split()[-most:])


def _paper_in_description(desc: str, name: str, registry: OutletRegistry) -> bool:
    """Whether the words before a type noun end in a paper the registry knows by that exact name while the
    capitalised words after the noun are none (``the editor-in-chief of the Kuwaiti Al-Rai Al-Aam newspaper Badr
    Youssef Abdulaziz``: the paper is named before its noun, the name after it is its editor's; new-user trial,
    session 13). ``the Beirut daily An-Nahar`` keeps An-Nahar: Beirut is no paper."""
    words = desc.replace(",", " ").split()
    for i in range(len(words)):
        if not words[i][:1].isupper():
            continue
        found = registry.resolve(" ".join(words[i:]))
        if found.outlet is not None and found.method == "exact":
            after = registry.resolve(name)
            return after.outlet is None or after.method != "exact"
    return False


def _name_desc_type_matches(s: str) -> Iterator[re.Match[str]]:
    r"""The matches ``_patterns()["name_desc_type"].finditer(s)`` gives, in linear time (issue #13).

    That pattern has no anchor: ``finditer`` tries it at every capital letter, and each try reads the rest of
    the word before failing, so one long capitalized word ("AAAA…", "A'A'A'…", "Al- Al- Al-…") took time
    quadratic in its length (2.4 s for 8,000 characters). A match begins with a capitalized word (``cap_run``),
    and a start inside such a word can match only where the word's own start matches too (its first capital
    reads the same characters with ``[\w'’]*`` and the hyphenated parts, and the pattern goes on the same way
    from the same end), which ``finditer`` would have found first. So it is tried once per word: at its article
    (``al-``) if it has one, and at its first capital; the next try starts after the word, or after a match.
    ``_PATTERN_TRIES`` counts the tries (tests count work, not time)."""
    p = _patterns()
    pattern, run = p["name_desc_type"], p["cap_run"]
    pos = 0
    while (word := run.search(s, pos)) is not None:
        found = None
        for start in dict.fromkeys((word.start(), word.start("core"))):
            _PATTERN_TRIES["name_desc_type"] += 1
            if (found := pattern.match(s, start)) is not None:
                break
        if found is not None:
            yield found
            pos = max(found.end(), found.start() + 1)
        else:
            pos = word.end()


#: tries of the patterns tried word by word (:func:`_name_desc_type_matches`), for the tests
_PATTERN_TRIES: Counter[str] = Counter()


# the characters that Python's case-insensitive matching takes for an ASCII letter but ``str.lower`` does not turn
# into one (``re._compiler``'s fixes: ı, ſ; U+0130's simple lowercase is i)
_IGNORECASE_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


@cache
def _type_noun_heads() -> tuple[str, ...]:
    """Lowercased first words of the ``type_noun`` cues, none holding another: a sentence in which none occurs
    (after :data:`_IGNORECASE_ASCII` and ``lower``) cannot match a pattern that needs a type noun."""
    heads = {w.split()[0].lower() for w in cues().words("type_noun")}
    return tuple(sorted(h for h in heads if not any(o != h and o in h for o in heads)))


@cache
def _typed_patterns() -> frozenset[int]:
    """The ids of the six patterns that need a type noun (by id: hashing a compiled pattern hashes its code)."""
    p = _patterns()
    return frozenset(id(p[name]) for name in ("type_then_name", "name_then_type", "bare_name_then_type",
                                              "name_desc_type", "bare_type_then_name", "name_appositive_type"))


def _may_hold_type_noun(s: str) -> bool:
    low = s.translate(_IGNORECASE_ASCII).lower() if not s.isascii() else s.lower()
    return any(head in low for head in _type_noun_heads())


_WEEKDAY_AFTER = re.compile(r"\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def _cap_after(s: str, b: int) -> bool:
    """A capitalized word right after ``b`` (the name goes on: "The National Assembly"); a day of the week is
    when the paper said it ("The Jordan Times Thursday welcomed", UPI's review, session 8)."""
    return bool(re.match(r"\s+[A-Z]", s[b:])) and not _WEEKDAY_AFTER.match(s, b)


_QUOTED = re.compile(r"[\"“«„]\s*(?P<q>[^\"“”«»\n]{2,300}?)\s*[\"”»]|\(\s*(?P<p>[^()\n]{2,150}?)\s*\)")


# an Arabic name between two opening marks, the second after a space or before a stop (``كتبت “البناء “:``)
_AR_OPEN_CLOSED = re.compile(r"“\s*(?P<q>[^\"“”«»\n]{2,40}?)\s*“(?=[\s:،,.؛]|\Z)")


def _quoted_known(s: str, registry: OutletRegistry) -> list[tuple[int, int, str]]:
    """Registry outlets written in quotes or brackets without a type noun: ``ولفتت “الاتحاد” إلى``, ``(النهار)``,
    also closed by an opening mark (``كتبت “البناء “:``, session 14)."""
    found = []
    for m in chain(_QUOTED.finditer(s), _AR_OPEN_CLOSED.finditer(s) if s.count("“") > 1 else ()):
        group = "q" if m.group("q") is not None else "p"
        name = m.group(group)
        if len(name.split()) <= 4 and is_arabic(name) and registry.resolve(name).method == "exact":
            found.append((m.start(group), m.end(group), name))
    return found


@cache
def _press_verb() -> re.Pattern[str]:
    verbs = sorted(_AR_VERBS | cues().lower_set("writing_verb"), key=_longest_first)
    return re.compile(r"(?:^|(?<=\s))[وف]?(?:" + "|".join(verbs) + r")\s+")


def foreign_press_names(s: str, *, after_verb: bool) -> list[tuple[int, int, str]]:
    """Foreign papers as Arabic writes them, without a type noun (issue 15): ``كشفت ديلي تلغراف عن``,
    ``قالت واشنطن بوست``.  A name of one to three words ending in a word of the ``foreign_press_word`` cues
    (``تلغراف``, ``بوست``, ``تايمز``), right after a press verb (``after_verb``) or making up the whole of ``s``
    (before a colon)."""
    press = cues().lower_set("foreign_press_word")
    if not press or not any(w in s for w in press):
        return []
    found = []
    starts = [m.end() for m in _press_verb().finditer(s)] if after_verb else [len(s) - len(s.lstrip())]
    for start in starts:
        words = list(re.finditer(r"[^\s،,.:؛\"“”«»()]+", s[start:start + 60]))[:3]
        last = max((i for i, w in enumerate(words) if w.group() in press), default=None)
        # two words at least: one alone ("ميل" is also "inclination", "ديلي" a man's name) says too little
        if last is None or last == 0 or not all(is_arabic(w.group()) for w in words[:last + 1]):
            continue
        a, b = start + words[0].start(), start + words[last].end()
        if not after_verb and s[b:].strip(" :：،,"):
            continue
        found.append((a, b, s[a:b]))
    return found


def _misspelt_type_noun(word: str) -> bool:
    """``جردية`` for ``جريدة``: a word one slip (rapidfuzz ratio ≥ 80) from an Arabic type noun."""
    from rapidfuzz import fuzz

    return word not in cues().lower_set("arabic_generic") and len(word) >= 4 \
        and any(fuzz.ratio(word, noun) >= 80 for noun in cues().lower_set("arabic_generic"))


@cache
def _writing_verb_near() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A writing verb right after a paper's name (maybe after its title), and one shortly before ``في``."""
    verb = cues().pattern("writing_verb")
    return (re.compile(r"\s*[،,]?\s*(?:[وف]?(?:تحت\s+عنوان|بعنوان)[^\n.\"“”«»]{1,80}?\s)?(?:ف|و)?(?:" + verb
                       + r")(?:\s|$)"),
            re.compile(r"(?:^|\s)[وف]?(?:" + verb + r")(?:\s+\S+){0,4}\s*\Z"))


# "في الرأي يتساءل علاء القرالة تحت عنوان": a columnist's verb, the writer, then the column's title (session 9)
_COLUMN_AFTER = re.compile(r"\s*[،,]?\s*[وف]?(?:يتساءل|تتساءل|تساءل|تساءلت|يرى|ترى|يقول|تقول|يؤكد|تؤكد|يحذر|تحذر"
                           r"|يكتب|تكتب)\s+(?:[^\s،,.:؛\"“”«»]+\s+){1,4}(?:تحت\s+عنوان|بعنوان)(?=[\s:\"“”«»]|$)")


def _written_in_known(s: str, registry: OutletRegistry) -> list[tuple[int, int, str]]:
    """A registry outlet after في without a type noun, right beside a writing verb (issue 15, Jordanian press
    tours): ``كتب حسين الرواشدة في الدستور``, ``وفي الرأي كتب محمد``, ``ناجح الصوالحة كتب في الرأي``.  The
    verb must stand next to it (``في الدستور`` alone is "in the constitution", ``في الغد`` "tomorrow")."""
    verb_after, verb_before = _writing_verb_near()
    found = []
    for m in re.finditer(r"(?:^|(?<=\s))[وف]?في\s+", s):
        words = list(re.finditer(r"[^\s،,.:؛\"“”«»()]+", s[m.end():m.end() + 60]))[:4]
        lead = 0
        if words and _misspelt_type_noun(words[0].group()):
            lead = 1  # "نشر في جردية الدستور": the type noun as the page misprints it
        for n in range(len(words), lead, -1):
            a, b = m.end() + words[lead].start(), m.end() + words[n - 1].end()
            match = registry.resolve(s[a:b])
            if match.outlet is None or match.method != "exact" or not arabic_key(s[a:b]):
                continue
            # "في الرأي كتب X" (the verb next), or "كتب X [مقالا] في الرأي" (the verb at most four words before)
            # (read in place: a copy of the text before and after each في made a long sentence quadratic, issue 13)
            if verb_after.match(s, b) or _ends_before(verb_before, s, m.start()) or _COLUMN_AFTER.match(s, b):
                found.append((a, b, s[a:b]))
            break
    return found


# a piece of the paper's own, with "her" (ها): only a publication has an editorial or an issue
_OWN_PIECE = re.compile(r"\s+(?:[وف]?في|عبر|على)\s+(?:افتتاحيتها|عددها|كلمتها|صفحتها|صفحاتها|مقالها|تقريرها"
                        r"|زاويتها|رأيها|افتتاحية\s+عددها)(?=[\s،,.:]|$)")


def _subject_with_own_piece(s: str, registry: OutletRegistry) -> list[tuple[int, int, str]]:
    """A registry outlet written without a type noun or quotes as the subject of a press verb, when the
    sentence gives it a piece of its own (issue 15): ``وقالت الغد في افتتاحيتها``, ``ورأت الرياض في
    افتتاحيتها``, ``وأشارت الوطن في عددها الصادر اليوم``. Names that are ordinary words (الغد "tomorrow",
    الرياض the city) are an outlet only so: "قالت الرياض إن" is the government, "في الغد" tomorrow."""
    found = []
    for m in _press_verb().finditer(s):
        words = list(re.finditer(r"[^\s،,.:؛\"“”«»()]+", s[m.end():m.end() + 60]))[:4]
        for n in range(len(words), 0, -1):
            a, b = m.end() + words[0].start(), m.end() + words[n - 1].end()
            if not _OWN_PIECE.match(s, b):
                continue
            match = registry.resolve(s[a:b])
            if match.outlet is not None and match.method == "exact" and is_arabic(s[a:b]):
                found.append((a, b, s[a:b]))
            break
    return found


# the sentence gives the paper a piece or an issue a few words on (issue 15, batch 11): "اختارت العلم ، لعدد
# اليوم، مقالا", "نشرت الشروق اليوم مقالا", "نبقى مع المدى إذ يكتب رئيس تحريرها", "لتقول الصباح التي تصدر عن"
_PIECE_NEAR = re.compile(r"(?:^|\s|[،,])\s*(?:[وفل]?(?:لعدد|عدد)\s+(?:اليوم|الأمس|أمس)|مقالا|مقالاً|مقالة|افتتاحية|"
                         r"افتتاحيتها|عددها|صفحتها|صفحاتها|تحريرها|عنوانها|مانشيتها|مانشيت|كاتبها|كتابها|"
                         r"(?:التي|الذي)\s+(?:تصدر|يصدر)|الصادرة\s+(?:عن|في|من|اليوم))(?=[\s،,.:]|$)")
_SUBJECT_LEAD = re.compile(r"(?:^|(?<=\s))(?:[وف]?(?:نبقى|نبقي|نعود)\s+مع|[وفل]?(?:تقول|يقول|قالت|اختارت|كتبت|نشرت|"
                           r"أبرزت|ابرزت|ذكرت|أوردت|اوردت|تناولت|خصصت|عنونت))\s+")


def _subject_with_piece_near(s: str, registry: OutletRegistry) -> list[tuple[int, int, str]]:
    """A registry outlet written bare right after a press verb (or ``نبقى مع``), when the next words give it a
    piece, an issue or an editor of its own (``اختارت العلم ، لعدد اليوم، مقالا``, ``نبقى مع المدى إذ يكتب رئيس
    تحريرها``): as :func:`_subject_with_own_piece`, with the evidence up to 50 characters on."""
    found = []
    for m in _SUBJECT_LEAD.finditer(s):
        words = list(re.finditer(r"[^\s،,.:؛\"“”«»()]+", s[m.end():m.end() + 60]))[:4]
        for n in range(len(words), 0, -1):
            a, b = m.end() + words[0].start(), m.end() + words[n - 1].end()
            match = registry.resolve(s[a:b])
            if match.outlet is None or match.method != "exact" or not is_arabic(s[a:b]):
                continue
            if _PIECE_NEAR.search(s[b:b + 50]) and not _type_noun_next(s, b):
                found.append((a, b, s[a:b]))
            break
    return found


def _type_noun_next(s: str, b: int) -> bool:
    """A type noun right after a bare name (``نشرت اليوم صحيفة الشرق الأوسط``): the noun's paper is the verb's
    subject and the bare word an adverb ("today"), not a paper (session 11)."""
    word = re.match(r"\s+([^\s،,.:؛\"“”«»()]+)", s[b:b + 20])
    return word is not None and word.group(1) in _AR_TYPE_NOUNS


_RARE_NAME_ZIPF = 3.8  # القبس 3.4, عكاظ 3.7, الراية 3.8; الأنباء ("the news") 4.4, الوطن 5.2, الرياض 5.1


def _bare_subject(s: str, registry: OutletRegistry) -> list[tuple[int, int, str]]:
    """A registry paper written bare as the subject of a press verb, with no piece of its own named (session 8:
    ``وأفادت الحياة الجديدة أن``, ``ذكرت الشرق الأوسط``, ``وقالت القبس إن``): a name of two words or more, or one
    word rare in Arabic (wordfreq) -- ``قالت الرياض`` is the government, ``أفادت الأنباء`` "reports said"."""
    found = []
    for m in _press_verb().finditer(s):
        words = list(re.finditer(r"[^\s،,.:؛\"“”«»()]+", s[m.end():m.end() + 60]))[:4]
        if not words or words[0].start() != 0:
            continue
        for n in range(len(words), 0, -1):
            a, b = m.end(), m.end() + words[n - 1].end()
            name = s[a:b]
            if not is_arabic(name) or registry.resolve(name).method != "exact":
                continue
            # (a common word too when the paper is named in apposition: "نشرت الاتحاد الصحيفة المركزية للاتحاد")
            if _type_noun_next(s, b):
                break
            if n >= 2 or zipf_frequency(name, "ar") < _RARE_NAME_ZIPF \
                    or re.match(r"\s*[،,]?\s*(?:الصحيفة|الجريدة|اليومية)\s", s[b:b + 20]):
                found.append((a, b, name))
            break
    return found


# the paper named first, its verb after (session 8, batch 12, radio press tours): "القدس العربي نشرت ايضا عنوانا",
# "أبدأ بالقدس العربي التي حملت العناوين التالية": a sentence's opening name, or the one a tour starts with
_OPENING = re.compile(r"(?:^|(?<=[.:؛!؟\n]))[ \t]*[وف]?|(?:^|(?<=\s))[وف]?(?:أبدأ|ابدأ|ابدا|نبدأ|نبدا|نستهل|نفتتح|"
                      r"نختم|أختم|اختم|ننتقل\s+إلى|ننتقل\s+الى)\s+(?:جولتنا\s+|قراءتنا\s+)?(?:ب|مع\s+)?")
_THAT = re.compile(r"\s+(?:التي|الذي|اللتين|التى)(?=\s)")


def _subject_before_verb(s: str, registry: OutletRegistry) -> list[tuple[int, int, str]]:
    """A registry paper written bare at a sentence's start (or after ``أبدأ ب``), its press verb right after,
    maybe after ``التي``: ``القدس العربي نشرت``, ``أبدأ بالقدس العربي التي حملت``. As :func:`_bare_subject`, a
    one-word name must be rare in Arabic (``الرياض قالت`` is the government)."""
    found = []
    verb = _press_verb()
    if not any("\u0621" <= ch <= "\u064a" for ch in s):
        return found  # no Arabic letter: no Arabic paper
    for m in _OPENING.finditer(s):
        # (cheap tests first: an Arabic letter opens the name, a press verb stands within the next 80 characters)
        if not "\u0621" <= s[m.end():m.end() + 1] <= "\u064a" or verb.search(s, m.end(), m.end() + 80) is None:
            continue
        words = list(re.finditer(r"[^\s،,.:؛\"“”«»()]+", s[m.end():m.end() + 60]))[:4]
        if not words or words[0].start() != 0:
            continue
        for n in range(1, len(words) + 1):  # the verb ends the name: the name is looked up only there
            a, b = m.end(), m.end() + words[n - 1].end()
            that = _THAT.match(s, b)
            after = that.end() if that else b
            if not (after < len(s) and s[after].isspace() and verb.match(s, after + 1)):
                continue
            name = s[a:b]
            if is_arabic(name) and registry.resolve(name).method == "exact" \
                    and (n >= 2 or zipf_frequency(name, "ar") < _RARE_NAME_ZIPF):
                found.append((a, b, name))
            break
    return found


# a part of an issue, then the paper it belongs to (issue 15, session 8): "نقرأ على أولى صفحات الأحداث المغربية",
# "وجاء في افتتاحية " الاتحاد الاشتراكي"", "مانشيت الأهرام": only a publication has pages or an editorial
_PIECE_OF = re.compile(r"(?:^|(?<=[\s،,(]))(?:[وفلب]?(?:صفحات|صفحة)(?:\s+(?:الأولى|الاولى|الأخيرة|الاخيرة))?|"
                       r"[وفلب]?افتتاحية|[وفلب]?افتتاحيات|[وفلب]?مانشيت|[وفلب]?مانشيتات)(?=\s)")


def _paper_of_piece(s: str, registry: OutletRegistry) -> list[tuple[int, int, str]]:
    """A paper named right after a part of its issue (pages, editorial, banner headline): a registry name of up to
    four words, or a quoted name the registry knows."""
    found = []
    for m in _PIECE_OF.finditer(s):
        pos = m.end() + len(s[m.end():]) - len(s[m.end():].lstrip())
        quoted = re.match(r"[\"“”«»]\s*(?P<name>[^\"“”«»\n]{2,40}?)\s*[\"”»«]", s[pos:])
        if quoted:
            name = quoted.group("name")
            if registry.resolve(name).method == "exact" and is_arabic(name):
                found.append((pos + quoted.start("name"), pos + quoted.end("name"), name))
            continue
        words = list(re.finditer(r"[^\s،,.:؛\"“”«»()]+", s[pos:pos + 80]))[:4]
        for n in range(len(words), 0, -1):
            end = pos + words[n - 1].end()
            match = registry.resolve(s[pos:end])
            if match.outlet is not None and match.method == "exact" and is_arabic(s[pos:end]):
                found.append((pos, end, s[pos:end]))
                break
    return found


# an Arabic headline quoted first, the paper named after (issue 15): ``"..." عنوان غلاف صحيفة "العربي الجديد"``,
# ``"..." .. اعتلى هذا العنوان الصفحة الاولى من ... لصحيفة الزمان``
_AR_HEADLINE_AFTER = re.compile(r"\s*[.…،,:]*\s*(?:[وف]?[^\s\"“”«»]+\s+){0,2}?(?:هذا\s+)?"
                                r"(?:العنوان|عنوان|مانشيت|المانشيت)(?=\s)")


# "in his article “...”", "her column “...”": a quotation right after the piece it names is its title
_PIECE_BEFORE = re.compile(r"\b(?:his|her|its|their|an|the)\s+(?:article|column|op-ed|piece|editorial|commentary)"
                           r"\s*[:,]?\s*\Z", re.IGNORECASE)


# a headline in straight or curly quotes with a word in guillemets inside: ``تحت عنوان "تعالوا نتوافق على «مواطنة»
# عادلة"``: the whole headline, not the inner word (AmmanNet, batch 9); an empty group ``p`` (it never matches)
# gives it _QUOTED's groups
_QUOTED_AROUND_GUILLEMETS = re.compile(r"[\"“]\s*(?P<q>[^\"“”\n«»]{0,200}«[^«»\n]{1,80}»[^\"“”\n«»]{0,200}?)\s*[\"”]"
                                       r"(?P<p>(?!))?")


# what opens the quote after an Arabic writing verb: أن/إن/: or the front page (``كتبت في صدر صفحتها الأولى "..."``)
_THAT_BEFORE = re.compile(r"(?:أن|إن|أنّ|إنّ|:|صفحتها\s+(?:الأولى|الاولى))\s*\Z")

#: how far before a quotation a cue that ends right before it is looked for (characters): a headline cue and up to
#: four words, "his article", أن; each quotation of a sentence reads at most this much, not the whole sentence
#: before it (issue 13: "قالت صحيفة «" repeated 8,000 characters long was quadratic, 2.6 s)
CUE_REACH = 400


def _ends_before(pattern: re.Pattern[str], s: str, end: int) -> re.Match[str] | None:
    """``pattern.search(s[:end])`` for a pattern anchored at its end (``\\Z``) whose match begins at most
    :data:`CUE_REACH` characters before ``end``: the search starts there (lookbehinds and ``\\b`` still see
    the characters before it), so it reads a bounded stretch. ``_PATTERN_TRIES["cue_chars"]`` counts the
    characters read, for the tests."""
    start = max(0, end - CUE_REACH)
    _PATTERN_TRIES["cue_chars"] += end - start
    return pattern.search(s, start, end)


@cache
def _writing_verb_heads() -> tuple[str, ...]:
    """The first word of each writing verb cue: a match of ``writing_verb`` holds one as written."""
    return tuple(dict.fromkeys(w.split()[0] for w in cues().words("writing_verb")))


def _has_writing_verb(s: str, p: dict[str, re.Pattern[str]]) -> bool:
    """``p["writing_verb"]`` finds a verb in ``s``, asked only where one of the verbs is written (issue 20: the
    pattern begins with an alternation the regex engine tries at every character)."""
    return any(w in s for w in _writing_verb_heads()) and p["writing_verb"].search(s) is not None


def quoted_title(s: str, outlet: tuple[int, int]) -> str | None:
    """The headline quoted in an attribution: after a headline cue (``تحت عنوان «...»``, ``the headline
    read: “...”``), before ``..., said the main headline``, or, after an Arabic writing verb, the quote
    opened by أن/إن/: (``كتبت صحيفة "الخبر" أن "..."``, issue 15)."""
    p = _patterns()
    spans = [m for m in _QUOTED.finditer(s) if not (m.start() <= outlet[0] and outlet[1] <= m.end())
             and not (outlet[0] <= m.start() < outlet[1])]
    # the quotation with guillemets inside that holds a span (the matches do not overlap: at most one does)
    outer = list(_QUOTED_AROUND_GUILLEMETS.finditer(s)) if "«" in s else []  # (a match holds one: issue 20)
    starts = [n.start() for n in outer]
    spans = [n if (i := bisect_left(starts, m.start()) - 1) >= 0 and m.end() < (n := outer[i]).end() else m
             for m in spans]
    for m in spans:
        if _ends_before(p["headline_before"], s, m.start()) \
                or (m.group("q") and p["headline_after"].match(s, m.end())) \
                or (m.group("q") and _ends_before(_PIECE_BEFORE, s, m.start())) \
                or (m.group("q") and m.end() <= outlet[0] and _AR_HEADLINE_AFTER.match(s, m.end())):
            return ws(_nested_title(s, m) or m.group("q") or m.group("p"))
    reversed_pair = _AR_REVERSED_AFTER_CUE.search(s) if "”" in s else None
    if reversed_pair is not None and not (reversed_pair.start("q") <= outlet[0] < reversed_pair.end("q")):
        return ws(reversed_pair.group("q"))  # "تحت عنوان ”...“": the pair printed the other way round (session 14)
    closing = _CUE_CLOSING_QUOTES.search(s)
    if closing is not None and not (closing.start() <= outlet[0] < closing.end()):
        return ws(closing.group("q"))  # "in an article entitled ” Beirut occupation” wrote": both marks closing
    if _has_writing_verb(s, p):
        for m in spans:
            # (or after the front page it was written on: "كتبت في صدر صفحتها الأولى "..."", session 8)
            if m.group("q") and m.start() >= outlet[1] and _ends_before(_THAT_BEFORE, s, m.start()) \
                    and not _not_a_headline(s, m, outlet[1]):
                return ws(m.group("q"))
    named = _NAMED_HEADLINE.search(s, outlet[1]) if is_arabic(s) else None
    if named is not None:
        return ws(named.group("t"))
    if is_arabic(s) and outlet[1] > outlet[0]:
        for m in spans:  # "قالت صحيفة الوطن "..."", "ونقرأ في صحيفة الخبر "..."" (session 11)
            if m.group("q") and m.start() >= outlet[1] and _AR_RIGHT_AFTER.fullmatch(s, outlet[1], m.start()) \
                    and _AR_SAID_BEFORE.search(s, max(0, outlet[0] - 40), outlet[0]) \
                    and not _AR_TOLD_TO.search(s, max(0, outlet[0] - 20), outlet[0]) \
                    and len(m.group("q").split()) <= 20 and m.group("q").split()[0] not in _AR_THAT \
                    and not _not_a_headline(s, m, outlet[1]):
                return ws(m.group("q"))  # (a long quote, or one opened by أن, is the paper's text, not its headline)
    if outlet[1] > outlet[0]:
        # "Gulf News’ front page lead says “Every vote counts”", "Khaleej Times says ‘Abbas makes history at UN’":
        # a short quotation right after the paper (or its front page) and a verb of headlining, opening with a
        # capital as a headline does ("says “scores of pictures” of ..." quotes words of the text) (session 8)
        m = _SAYS_QUOTE.match(s, outlet[1])
        quote = m and (m.group("a") or m.group("b") or m.group("c"))
        if quote and len(quote.split()) <= 12 and not quote.rstrip().endswith(",") and quote.lstrip()[:1].isupper():
            return ws(quote)
    return None


# words said, not a headline: a quote after a participle of saying and a colon (``قائلاً: "..."``), and a quoted name
# that introduces a quotation of its own (``كتب رئيس تحرير صحيفة يني شفق “حسين ليكوغلو”: “...``) (session 14)
_SPEECH_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:قائلا|قائلاً|قائلة|قائلين|مضيفا|مضيفاً|مضيفة|بقوله|بقولها|قوله|قولها)"
                            r"\s*[:：]\s*\Z")
_QUOTE_NEXT = re.compile(r"\s*[:：]\s*[\"“«]")


_QUOTE_COLON_BEFORE = re.compile(r"[\"”»]\s*[:：]\s*\Z")


def _not_a_headline(s: str, m: re.Match[str], outlet_end: int) -> bool:
    """The quotation ``m`` is speech or a speaker's name, not the outlet's headline: also the words after a quoted
    name other than the outlet's and a colon (``“محمد أوزتورك”: “...”``)."""
    colon = _QUOTE_COLON_BEFORE.search(s, max(0, m.start() - 6), m.start())
    return _SPEECH_BEFORE.search(s, max(0, m.start() - 30), m.start()) is not None \
        or _QUOTE_NEXT.match(s, m.end()) is not None or (colon is not None and colon.start() > outlet_end + 1)


# an Arabic title after a headline word, its quotation marks printed the other way round (``عنوان ”...“``)
_AR_REVERSED_AFTER_CUE = re.compile(r"(?:^|(?<=\s))(?:تحت\s+عنوان|بعنوان|عنوان|عنوانه|عنوانها)\s*[:：]?\s*"
                                    r"”\s*(?P<q>[^“”\"«»\n]{2,200}?)\s*“")


# a title after an English headline cue between two closing quotation marks, as pages also print them (batch 13)
_CUE_CLOSING_QUOTES = re.compile(r"\b(?:entitled|titled|headlined|under\s+the\s+(?:title|headline)|with\s+the\s+title)"
                                 r"\s*,?\s*”\s*(?P<q>[^“”\"\n]{2,150}?)\s*”")


# a quotation right after the paper (its closing quote, a description word, a colon between): the paper's headline
# when a verb of saying, writing or reading, or its pages, stand just before the paper (session 11)
_AR_RIGHT_AFTER = re.compile(r"[\"”»)]?\s*(?:ال[\u0621-\u064a]+(?:ية|ة)\s*)?[:،,]?\s*")
_AR_THAT = frozenset("أن إن ان بأن بان أنه إنه أنّ إنّ".split())
_AR_TOLD_TO = re.compile(r"(?:^|\s)ل(?:صحيفة|جريدة|يومية|موقع|قناة|وكالة)?\s*[\"“«(]?\s*\Z")  # "قال لصحيفة X": to it
_AR_SAID_BEFORE = re.compile(r"(?:^|\s)[وفل]?(?:قالت|قال|تقول|يقول|كتبت|كتب|نقرأ|نقرا|نطالع|عنونت|أوردت|اوردت|"
                             r"ذكرت|صفحات|صفحة)(?=\s)")


# a headline announced unquoted after the paper (session 8, batch 12): "نشرت ايضا عنوانا آخر هو: ...", "حملت
# العناوين التالية: ...": the headline runs to the end of its line or sentence; after "التالية" ("the following")
# the colon may be left out ("ابرزت صحيفة المشرق العناوين التالية أعضاء بمجلس الأمن ...", session 13)
_NAMED_HEADLINE = re.compile(r"(?:^|\s)(?:عنوانا|عنواناً|عنوان|العنوان|العناوين|عناوين)"
                             r"(?:\s+(?:آخر|اخر|رئيسيا|رئيسياً|الرئيسي|الرئيسية|بارزا|بارزاً))?"
                             r"\s+(?:هو\s*[:：]|(?:التالية|التالي|الآتية|الآتي|الاتية)(?=[\s:：])\s*[:：]?)\s*"
                             r"(?P<t>[^\s\"“”«»][^\n.!؟\"“”«»]{4,200})")


_SAYS_QUOTE = re.compile(r"(?:['’]s?)?\s+(?:(?:front[- ]page|main|lead|top|prime)\s+(?:lead|headline|story)?\s*)?"
                         r"(?:says|reads|leads\s+with|led\s+with|headlines|headlined|splashes)\s*:?\s*"
                         r"(?:“(?P<a>[^“”\n]{3,120}?)”|‘(?P<b>[^‘’\n]{3,120}?)’|\"(?P<c>[^\"\n]{3,120}?)\")(?![\w’'])")


def _nested_title(s: str, m: re.Match[str]) -> str | None:
    """A headline with quotes inside it written with the same straight quotes (issue 15, "broken nested
    quotes"): ``تحت عنوان "الإمارات: اتهامات الدويلة "ساقطة" و"طائفية"``. The match ended at a quote that
    opens a word (a space before it, a letter after it): read the quotes by their neighbours, an opener after a
    space (or after و/ب/ل/ف alone), a closer after a letter, and take the title to where they balance, or,
    when the outer quote is never closed, to the last closer of the line. None when nothing is nested."""
    end = m.end()
    if s[m.start()] != '"' or s[end - 1] != '"' or end >= len(s) or not s[end].isalpha() \
            or not s[end - 2:end - 1].isspace():
        return None
    depth, last, i = 1, None, m.start() + 1
    line_end = s.find("\n", i)
    line_end = len(s) if line_end < 0 else line_end
    while True:
        i = s.find('"', i, line_end)
        if i < 0:
            break
        before, after = s[i - 1:i], s[i + 1:i + 2]
        opener = after.isalpha() and (before.isspace() or (before in "وبلف" and s[i - 2:i - 1].isspace()))
        if opener:
            depth += 1
        else:
            depth -= 1
            last = i
            if depth == 0:
                break
        i += 1
    if last is None or last <= end - 1:
        return None
    return s[m.start() + 1:last] if depth == 0 else s[m.start() + 1:last + 1]


_TITLE_CUE = re.compile(r"\b(?:entitled|titled|headlined)\s+(?=[A-Z0-9])")
_MINOR = frozenset("a an the of and or but to in on for at with from as is are not nor vs".split())


def unquoted_title(s: str) -> tuple[str, str | None] | None:
    """A title printed without quotes after ``entitled``/``titled``/``headlined`` (issue 15): the run of
    capitalized words (and small words between them) up to ``by``, a lowercase word, a bracket or the end;
    with the writer when ``by <Name>`` follows (``entitled Critical Reexamination Is Needed by X``).
    Returns ``(title, author or None)``, or None."""
    m = _TITLE_CUE.search(s)
    if m is None:
        return None
    kept: list[re.Match[str]] = []
    for token in re.finditer(r"\S+", s[m.end():]):
        word = token.group()
        bare = word.rstrip(",:;.!?")
        if not bare or word[0] in "([\"“«" or bare.lower() == "by":
            break
        if not (bare[0].isupper() or bare[0].isdigit() or bare.lower() in _MINOR):
            break
        kept.append(token)
        if word[-1] in ".;!?" and word.lower() not in {"u.s.", "u.k.", "u.n."}:
            break
    while kept and kept[-1].group().rstrip(",:;.").lower() in _MINOR:
        kept.pop()
    if len(kept) < 2:
        return None
    end = m.end() + kept[-1].end()
    title = s[m.end():end].rstrip(",:; ")
    by = re.match(r"\s+by\s+(?:(?:" + cues().pattern("honorific") + r")\s+)?(?P<p>" + PERSON.pattern + r")", s[end:])
    return title, clean_person(by.group("p")) if by else None


def _leading_nationalities(name: str, *, descriptive: bool = False) -> int:
    """Length of the nationality words opening ``name`` (with ``descriptive``, also words such as
    ``Basra-based`` and ``pro-government``: the description, not the name)."""
    nationalities = cues().lower_set("nationality")
    offset = 0
    for word in re.finditer(r"\S+", name):
        w = word.group().rstrip(",")
        if w.lower() not in nationalities and not (descriptive and _descriptive_compound(w)):
            break
        offset = word.end() + (len(name[word.end():]) - len(name[word.end():].lstrip()))
    return offset


def _plausible_unknown(name: str, *, owns_piece: bool = False) -> bool:
    """Whether an unknown capitalized ``name`` may be a publication's.  With ``owns_piece`` (the name owns an
    editorial or a front page: ``Iran’s editorial``) a common word may be one (the Iranian daily *Iran*), but not
    a day, a month or "Today"."""
    words = name.split()
    if len(words) == 1 and (name.lower() in _NOT_PAPERS or name.lower() in _MONTHS_DAYS
                            or name.lower() in cues().lower_set("article")):
        return False
    if len(words) == 1 and not owns_piece and zipf_frequency(name.lower(), "en") >= _COMMON_WORD_ZIPF:
        return False
    if any(_descriptive_compound(w) for w in words):
        return False  # "Hezbollah-affiliated", "Saudi-owned": a description, not a name
    return not all(w.lower() in cues().lower_set("nationality") for w in words)


# one capitalized word after a paper's possessive that is no writer's name ("Al-Ahram’s Editorial wrote")
_NOT_WRITERS = frozenset("editorial edition editor columnist correspondent reporter writer staff commentary "
                         "column report headline article op-ed opinion page website paper daily".split())
_MONTHS_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow january "
                         "february march april may june july august september october november december".split())
# words that own an editorial or a front page in prose without being a paper's name
_NOT_PAPERS = frozenset("the this that its his her their our your my paper newspaper daily weekly".split())


def _descriptive_compound(word: str) -> bool:
    """A hyphenated word ending in a common lowercase English word (``Hezbollah-affiliated``), unlike a
    transliteration with an article (``Al-Akhbar``, ``Rai al-Youm``)."""
    head, _, tail = word.rpartition("-")
    if tail in ("e", "ye"):
        return False  # the Persian ezafe of a name ("Aftab-e Yazd", session 13), not "Saudi-owned"
    return bool(head) and tail[:1].islower() and tail.lower() not in cues().lower_set("article") \
        and zipf_frequency(tail, "en") >= _COMMON_WORD_ZIPF - 1


def _attribution(s: str, a: int, b: int, name: str, registry: OutletRegistry) -> Draft | None:
    p = _patterns()
    before, after = s[:a], s[b:]
    # "in صحيفة الدستور": an Arabic type noun before the name in English prose
    arabic_type = p["arabic_type_end"].search(before) if before.rstrip()[-1:] >= "\u0621" else None
    if arabic_type:
        before = before[:arabic_type.start()]
    type_after = p["type_after"].match(after)
    described = None if type_after else p["desc_type_after"].match(after)  # "La Croix French Catholic magazine"
    type_after = type_after or described
    after_name = after[type_after.end():] if type_after else after
    paren_after = re.match(r"\s*\(([^()]{2,80})\)", after_name)
    if paren_after:
        after_name = after_name[paren_after.end():]
    # (or a country's possessive: "Al Ahram, Egypt’s oldest ... daily, published", issue 15 batch 16)
    appositive = re.match(r"\s*,\s*(?:the|a|an)\s+([^,;.()]{3,100}?)\s*(?:,|;|$)", after_name) \
        or re.match(r"\s*,\s*([A-Z][\w-]*['’]s\s+[^,;.()]{3,100}?)\s*(?:,|;|$)", after_name) \
        or _bare_appositive().match(after_name)  # "Al-Wahdawi weekly, organ of the Nasserite ..., 22 Jan. 2002"
    if appositive and not (p["type_end"].search(appositive.group(1)) or
                           re.search(r"\b(?:" + cues().pattern("type_noun") + r")\b", appositive.group(1), re.I)):
        appositive = None
    appositive = appositive or _stance_appositive(after_name)  # ", close to the Lebanese Forces," (session 7)
    descriptor = _descriptor_before(before)
    has_type = bool(arabic_type or type_after or (descriptor and p["type_end"].search(descriptor)) or appositive
                    or re.search(r"\b(?:" + cues().pattern("type_noun") + r")\s*,\s*\Z", before, re.IGNORECASE)
                    or re.match(r"\s+(?i:" + cues().pattern("author_role") + r")\s+" + PERSON.pattern, after))
    has_verb = bool(p["verb"].search(s)) or _known_subject(s, a, b, name, registry) \
        or bool(p["piece_after"].match(after)) or _after_preposition(before, name, registry) \
        or bool(_EDITION.match(after)) \
        or bool(p["piece_before"].search(before))
    apposed = ws(re.sub(r"^(?:the|a|an)\s+", "", appositive.group(1))) if appositive else None
    leaning = _leaning(descriptor) or apposed or \
        (ws(described.group("desc") + " " + described.group("type")) if described else None) or \
        (_leaning(paren_after.group(1), phrase=False) if paren_after else None)
    day = _DAY_TAIL.search(leaning) if leaning else None
    if day and re.search(re.escape(day.group().strip()) + r",?\s+(?:1[89]|20)\d\d\b", s):
        leaning = leaning[:day.start()] or leaning  # "organ of the GPC party April 23, 2001": the item's day (s9)
    placed = bool(descriptor and re.fullmatch(r"[A-Z][\w.-]*['’]s", descriptor.strip()))  # "Lebanon’s An-Nahar"
    # "Saudi Arabia's Okaz", "The United Arab Emirates' Gulf News": a country of several words (session 8)
    possessive = before.rstrip().endswith(("'s", "’s", "'", "’"))
    country = _COUNTRY_POSSESSIVE.search(before[-80:]) if not placed and possessive else None
    placed = placed or bool(country and country.group("c").lower() in _countries() | {"united arab emirates"})
    # "In Ad Dustour, Abu Rumman examined ...": the paper where the writer named next wrote
    placed = placed or bool(re.fullmatch(r"(?i:" + _LEAD_ADVERBS + r"\s*in\s+(?:the\s+)?)", before)
                            and re.match(r"\s*,\s*" + PERSON.pattern + r"\s+[a-z]{3,}", after))
    if not (has_type or has_verb or leaning or placed):
        return None
    author = _author(s, before, after_name if not appositive else after_name[appositive.end():], registry, name)
    dates = [d for d in publication_dates(s, lang="en") if not _inside_quotation(s, d.start)]
    warnings = []
    title = quoted_title(s, (a, b))
    if title is None and (unquoted := unquoted_title(s)) is not None:
        title, by = unquoted
        author = author or by
    if title is None and not before.strip():
        # "Akhbar El-Yom newspaper: Poor Mubarak, he can't eat Kebab": a digest line, the outlet then its headline
        headline = _colon_headline().match(after)
        if headline and not p["verb"].search(headline.group("t")[:40]):
            title = headline.group("t")
    original, english = split_title(title) if title else (None, None)
    return Draft("inline_attribution", 0, len(s), outlet=name, leaning=leaning, author=author,
                 title_original=original, title_english=english,
                 date=dates[0] if dates else None, confidence=0.8 if has_type else 0.65, warnings=warnings)


_DAY_TAIL = re.compile(r"\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
                       r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)\Z")
_COUNTRY_POSSESSIVE = re.compile(r"(?:^|\b[Tt]he\s+)(?P<c>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){1,3})['’]s?\s*\Z")


# An appositive that places the paper, set off by commas right after its name and followed by the verb
# (session 7): ``Nidaa al-Watan, close to the Lebanese Forces, headlined``, ``Al-Mustaqbal, the Hariri rag, led``
_STANCE = re.compile(r"\s*,\s*((?:close\s+to|affiliated\s+(?:with|to)|linked\s+to|loyal\s+to|owned\s+by|run\s+by|"
                     r"funded\s+by|backed\s+by|(?:published|issued|financed|sponsored)\s+by|mouthpiece\s+of|organ\s+of|"
                     r"(?:the|a|an)\s+(?:[\w'’-]+\s+){0,4}"
                     r"(?:rag|mouthpiece|organ|tabloid|broadsheet|flagship|voice))\b[^,;.()]{0,80}?)\s*,\s*(?=[a-z])")


def _stance_appositive(after: str) -> re.Match[str] | None:
    m = _STANCE.match(after)
    if m is None:
        return None
    return m


@cache
def _bare_appositive() -> re.Pattern[str]:
    """An appositive without an article that opens with a type noun: ``, organ of the ... Organization,``."""
    return re.compile(r"\s*,\s*((?i:" + cues().pattern("type_noun") + r")\s+(?:of|for)\s+[^,;.()]{3,100}?)\s*(?:,|;|$)")


_EDITION = re.compile(r"['’]s\s+(?:[\w,]+\s+){0,4}?(?:edition|issue)\b")  # "al-Shorouk’s Tuesday edition"


@cache
def _colon_headline() -> re.Pattern[str]:
    return re.compile(r"\s*(?i:" + cues().pattern("type_noun") + r")?\s*:\s+(?P<t>[^\n]{3,200}?)\s*\Z")


def _after_preposition(before: str, name: str, registry: OutletRegistry) -> bool:
    """A registry outlet after a bare preposition that says it published or was told something (issue 15):
    ``wrote in Al-Ahram``, ``The editorial in Al-Quds``, ``Writing for Al-Watan``, ``added to Asharq
    Al-Awsat``, ``told Okaz``."""
    if registry.lookup(name) is None:
        return False
    c = cues()
    cue = r"(?:" + c.pattern("speech_verb") + r"|writing|written|published|appeared|appears|told|added|" \
        + r"spoke|speaking|talked|talking|" + c.pattern("piece_word") + r"|" + c.pattern("byline_noun") + r"|interview)"
    return bool(re.search(r"\b(?i:" + cue + r")\s+(?:(?:in|to|for|with|by)\s+)?(?:the\s+)?\Z", before))


_EZAFE = r"[-‐](?:e|ye)"  # the Persian ezafe written after a hyphen: Aftab-e Yazd, Jomhouri-ye Eslami
_EZAFE_AFTER = re.compile(_EZAFE + r"\s[A-Z]\w*")
_EZAFE_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][a-z'’]+" + _EZAFE + r"\s\Z")
_LEAD_ADVERBS = r"(?:(?:meanwhile|however|moreover|separately|also|and|but|in turn|for its part)[\s,.…]*)*"


def _known_subject(s: str, a: int, b: int, name: str, registry: OutletRegistry) -> bool:
    """A registry outlet that opens its sentence and is followed by a verb or a possessive (``Al-Quds said``,
    ``Al-Hayat al-Jadida focused ...``, ``Al-Ayyam’s front page said``, ``..., even Kayhan condemned``): the
    outlet is the source."""
    # (also after a short lead-in phrase set off by a comma: "In the same connection, le Soir Echos stresses")
    lead = s[:a].strip()
    if registry.lookup(name) is None or not (re.fullmatch(_LEAD_ADVERBS, lead, re.IGNORECASE)
                                             or re.fullmatch(r"[^,;:\"“”]{0,40},", lead)
                                             or re.search(r",\s+(?:even|also|and)\Z", lead)
                                             or _HEADLINE_LEAD.fullmatch(lead)
                                             or (lead[-2:] in (',”', ',"', '.”', '."') and lead[:1] in '“"')):
        return False  # ("“…,” An Nahar added.": the paper after the quote it is credited with, session 7)
    stance = _stance_appositive(s[b:])
    if stance is not None:
        b += stance.end() - 1  # "Al-Mustaqbal, the Hariri rag, led ...": the verb after the appositive
    # ("Al-Quds Arabic daily highlighted", "Al-Hayat al-Jadida also highlighted": a type with its language, an
    # adverb between subject and verb, issue 15)
    after = re.match(r"(?:['’]s\b|\s+(?:(?:[A-Z][a-z]+\s+)?(?:daily|newspaper)\s+)?"
                     r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(?:(?:also|then|again)\s+)?"
                     r"(?P<word>[a-z]{2,}))", s[b:])
    if after is None:
        return False
    word = after.group("word")
    # a finite verb other than a copula reports what the outlet did ("Al-Quds said", "Arab News tries");
    # a noun ("An Al Jazeera journalist") or a copula ("Petra is an ancient city") does not
    return word is None or (word not in {"is", "was", "are", "were"} and (
        word in _IRREGULAR_PAST or word.endswith("ed") or (word.endswith("s") and not word.endswith("ss"))))


_QUOTATION = re.compile(r"[“\"][^“”\"]{60,}[”\"]")


def _inside_quotation(s: str, pos: int | None) -> bool:
    """``pos`` lies inside a quoted passage of 60 characters or more: a date the writer quotes ("... invading
    Kuwait on Aug 2, 1990,” columnist X wrote"), not the day the piece appeared (session 7)."""
    if pos is None or ("“" not in s and '"' not in s):
        return False
    return any(m.start() < pos < m.end() for m in _QUOTATION.finditer(s))


# "Under the headline “…,” Al-Arab highlighted": a quoted headline with its cue before the subject (session 7)
_HEADLINE_LEAD = re.compile(r"(?i:(?:under|with)\s+the\s+(?:headline|title)|in\s+its\s+\w+\s+(?:entitled|titled))"
                            r"\s*:?\s*[“\"][^“”\"]{3,200}[”\"]\s*,?")

_IRREGULAR_PAST = frozenset("said gave ran led wrote took put made saw chose told quoted printed became brought "
                            "found got held kept left lost meant paid read sent set showed spoke stood won".split())


def _descriptor_before(before: str) -> str | None:
    """The words between the last boundary ("the", "in", a comma ...) and the outlet name; or a description
    set off by a comma right before the name (``The independent newspaper, al-Shorouk, ...``)."""
    if before.rstrip().endswith("(") and not _ARABIC_LETTER.search(before[-40:]):
        return None  # "… Iran’s nuclear program (Habertürk newspaper)": the bracket opens a source, no description
        # (but "صحيفة التايمز (The Times)": the Arabic type noun before the bracket is the name's)
    set_off = re.search(r"(?:^|\b(?P<of>(?i:the|of|in|for))\s+)(?P<d>(?:[\w'’-]+\s+){0,4}?(?i:"
                        + cues().pattern("type_noun") + r"))\s*,\s*\Z", before)
    # "The independent newspaper, al-Shorouk, ...", "the editor-in-chief of Egypt's prominent weekly newspaper,
    # Akhbar El-Yom": a description set off by a comma, opening the sentence or after "of"; after "in"/"for" when
    # it opens with a country's possessive ("writes in Egypt's largest daily, Al-Jumhuriya", issue 15 batch 16)
    of = (set_off.group("of") or "").lower() if set_off else ""
    if set_off and (not before[:set_off.start()].strip(" ,") or of == "of"
                    or (of in ("in", "for") and re.match(r"[A-Z][\w-]*['’]s\s", set_off.group("d")))):
        return re.sub(r"^(?i:the|a|an)\s+", "", set_off.group("d"))
    before = re.sub(r"\b(?:the|in|of|an?)(?=[A-Z][a-z])", " ", before)  # "appeared in theCairo daily": a lost space
    boundaries = list(_BOUNDARY.finditer(before))
    # "The Hezbollah-backed, Basra-based Al Baina": descriptions joined by commas are one description
    while len(boundaries) > 1 and boundaries[-1].group() == "," and \
            all(_descriptive_compound(w) for w in before[boundaries[-2].end():boundaries[-1].start()].split() or ["-"]):
        boundaries.pop()
    chunk = before[boundaries[-1].end():] if boundaries else before
    words = chunk.replace("(", " ").replace(")", " ").split()
    if not words or len(words) > _MAX_DESCRIPTOR_WORDS or not all(_WORDLIKE.fullmatch(w.rstrip(",")) for w in words):
        return None
    nationalities = cues().lower_set("nationality")
    typed = bool(_patterns()["type_end"].search(" ".join(words)))  # "the Beirut daily": a place, then the type
    opening = not re.sub(r"(?i:the|a|an)\s*", "", before[:len(before) - len(chunk)].strip(), count=1)
    for i, word in enumerate(words):
        stem = re.sub(r"['’]s$", "", word)
        if opening and i == 0 and word.lower() in _STANCE_WORDS:
            continue  # "Independent Al-Shorouk says", "Privately owned Al-Watan": capitalised only by the sentence
        if word[:1].isupper() and word.lower() not in nationalities and "-" not in word \
                and stem.lower() not in _countries() and not typed:
            return None  # a name, not a description ("Syria's official news agency" is one)
    return " ".join(words)


# Stance and ownership words that open a sentence before the outlet's name (session 7)
_STANCE_WORDS = frozenset("independent opposition official semi-official privately private state government "
                          "leftist nationalist islamist liberal conservative moderate popular influential prominent "
                          "leading respected reformist hardline loyalist".split())


@cache
def _countries() -> frozenset[str]:
    c = cues()
    return frozenset((c.value("nationality", w) or "").split(" (")[0].lower() for w in c.words("nationality"))


_ORDINALS = frozenset("first second third fourth fifth other another same latter former last".split())


_DAY_POSSESSIVE = re.compile(r"(?i:today|yesterday|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)['’]s")
_PIECE_WORDS = frozenset("story headline editorial page front-page op-ed column article".split())


@cache
def _verbs() -> frozenset[str]:
    """One-word verbs of saying and reporting (cue file) and common past forms: a description never holds one."""
    c = cues()
    words = c.lower_set("speech_verb") | c.lower_set("reporting_verb") | _IRREGULAR_PAST
    return frozenset(w for w in words if " " not in w) | {"led", "had", "has", "have", "devoted", "devotes"}


def _noun_phrase(descriptor: str) -> str | None:
    """The description as the noun phrase right before the name (issue 15): what stands before the last verb
    is another clause (``said American daily`` → ``American daily``; ``sources told`` → nothing); a leading
    count is no description (``third Palestinian Arabic daily`` → ``Palestinian Arabic daily``); a lone
    country possessive (``Kuwait’s``) only places the outlet."""
    words = descriptor.split()
    if {w.strip(",.;:").lower() for w in words} & _PIECE_WORDS:
        return None  # "In its lead story Al-Hadathah": the piece, not a description of the outlet
    verbs = _verbs() | _CLAUSE_WORDS
    cut = max((i + 1 for i, w in enumerate(words) if w.strip(",.;:").lower() in verbs), default=0)
    words = words[cut:]
    if words and words[0].strip(",").lower() in _ORDINALS:
        words = words[1:]
    if len(words) == 1 and re.fullmatch(r"[A-Z][\w.-]*['’]s", words[0]):
        return None
    if words and _DAY_POSSESSIVE.fullmatch(words[0].strip(",")):
        words = words[1:]  # "today’s al-Masry al-Youm": the day's edition, no description
    if words and words[0].lower() in _POSSESSIVE_PRONOUNS:
        return None  # "in his new Al-Sudani ...": whose paper, not what it is (session 7)
    return " ".join(words) or None


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
# words that end a clause before the name, never part of a description: "“…,” was HURRIYET’s headline", "even
# Kayhan condemned ..." (session 12, whole pages)
_CLAUSE_WORDS = frozenset("""was were is are be been being am even also only just while whereas and but or then
still again already""".split())


def _leaning(descriptor: str | None, *, phrase: bool = True) -> str | None:
    """The description, unless it only says what the outlet is (``electronic``, ``daily newspaper``);
    ``phrase``: the words stand before the name, so only the noun phrase next to it describes it."""
    descriptor = ws(descriptor)
    if not descriptor:
        return None
    format_words = cues().lower_set("format_word")
    words = [w.strip(",.;:") for w in descriptor.split()]
    if words and words[0].lower() in _ORDINALS \
            and all(w.lower() in format_words | cues().lower_set("type_noun") for w in words[1:]):
        return None  # "The third daily, al-Quds": a count, not a description
    descriptor = _noun_phrase(descriptor) if phrase else descriptor
    if not descriptor:
        return None
    words = [w.strip(",.;:") for w in descriptor.split()]
    if all(w.lower() in format_words for w in words):
        return None
    if re.fullmatch(r"(?:in\s+)?(?:arabic|english|french)", descriptor, re.IGNORECASE):
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", descriptor, flags=re.IGNORECASE)


def _author(s: str, before: str, after: str, registry: OutletRegistry, outlet: str = "") -> str | None:
    """``Name, who ...`` opening the sentence, ``..., Name`` right after the outlet, or ``Name wrote in``."""
    speech = cues().pattern("speech_verb")
    candidates = []
    m = re.match(r"\s*(?P<p>" + PERSON.pattern + r"),\s+(?P<w>who|a|an|the)\b", before)
    writer = re.compile(r"\b(?:" + cues().pattern("author_role") + r"|" + speech + r"|writing)\b", re.IGNORECASE)
    if m and (m.group("w") == "who" or writer.search(before)):
        # "X, a columnist, ..." or "X, who wrote ...": not "Fayez al-Sarraj, the chairman of ..., left Cairo" (the
        # news's subject, session 8)
        candidates.append(m.group("p"))
    role = r"(?:(?i:(?:the\s+)?" + cues().pattern("author_role") + r")\s+)?"
    m = re.match(r"(?:\s+[\w'’-]+){0,3}?\s*,\s*" + role + r"(?P<p>" + PERSON.pattern + r")(?=\s*(?:[,.;:]|$|\s+"
                 + speech + r"\b))", after)
    if m:
        candidates.append(m.group("p"))
    m = re.search(r"(?P<p>" + PERSON.pattern + r")(?:,\s+who)?\s+" + speech + r"\s+(?:(?:an?|his|her)\s+(?:"
                  + cues().pattern("byline_noun") + r")\s+)?(?:in|to|for)\b", before)
    if m:
        candidates.append(m.group("p"))  # "Nabil X wrote in", "Will George, who wrote in"
    # (also after an opening phrase set off by a comma: "On the same topic, Samir Morkos in the private X newspaper
    # opinionated", batch 25)
    m = re.search(r"(?:\A\s*|(?:--|[—–])\s*|\A[^,;:\"“”]{0,40},\s+)(?P<p>" + PERSON.pattern
                  + r")\s*,?\s+in\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}\Z", before)
    if m:
        # "Riham Mazin, in Egypt's Al-Ahram, said", "X in London-based Y", "...--Nasser Qandil in Lebanese Y" (s9)
        candidates.append(m.group("p"))
    m = re.match(r"\s*(?P<p>" + PERSON.pattern + r")\s*,?\s+in\s+(?:an?|his|her)\s+(?:[\w-]+\s+){0,2}?(?:"
                 + cues().pattern("byline_noun") + r")\s+(?:for|in)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}\Z", before)
    if m:
        candidates.append(m.group("p"))  # "Saleh al Qallab in a comment piece for the Kuwaiti newspaper X" (b15)
    m = re.search(r"\b" + speech + r"\s+(?P<p>" + PERSON.pattern + r")\s+(?:in|for|to)\s+(?:\S+\s+){0,3}$", before)
    if m:
        candidates.append(m.group("p"))  # "..., writes Samer Dahi for loyalist Al-Watan"
    m = re.match(r"\s+(?i:" + cues().pattern("author_role") + r")\s+(?P<p>" + PERSON.pattern + r")", after)
    if m:
        candidates.append(re.sub(r"['’]s$", "", m.group("p")))  # "Al-Ahram editor-in-chief Ibrahim Nafie's"
    by_piece = _patterns()["by_piece"]
    m = by_piece.search(after) or by_piece.search(before)  # "an extract from a column by Dr X (...) in Al-Ahram"
    if m:
        candidates.append(m.group("p"))
    roles = cues().pattern("author_role")
    m = re.match(r"['’]s\s+(?:(?i:" + roles + r")\s+)?(?P<p>" + PERSON.pattern + r")", after)
    if m:
        candidates.append(m.group("p"))  # "Al-Ahram’s Hany Assal picked up ..."
    m = re.match(r"['’]s\s+(?P<p>[A-Z][a-z]{2,})\s+(?:wrote|writes|argued|argues|opined|opines|commented|comments)\b",
                 after)
    if m and m.group("p").lower() not in _NOT_WRITERS:
        candidates.append(m.group("p"))  # "Al-Masry Al-Youm’s Newton wrote": a writer known by one name (batch 25)
    m = re.search(r"(?P<p>" + PERSON.pattern + r"),\s+(?:(?:the|a|an|its)\s+)?(?:[\w-]+\s+){0,2}?(?i:" + roles
                  + r")\s+(?:of|with|at|for|in)\s+(?:\S+\s+){0,6}\Z", before)
    if m:
        candidates.append(m.group("p"))  # "Abdelbari Atwan, the editor-in-chief of the pan-Arab newspaper X"
    m = re.search(r"\b" + speech + r"\s+(?P<p>" + PERSON.pattern + r")\s+(?:in|for|to)\s+(?:\S+\s+){0,8}\Z", before)
    if m:
        candidates.append(m.group("p"))  # "wrote Turki al Dakhil in the comment pages of the Emirati newspaper X"
    # "wrote, on Sunday, Dr X in his regular column for ...", "wrote X, in a column for ...": a time set off by
    # commas, an honorific, a comma after the name (The National's digest, session 8)
    m = re.search(r"\b" + speech + r"(?:,\s*(?:on\s+)?[A-Za-z]+day,)?\s+(?:(?:" + cues().pattern("honorific")
                  + r")\s+)?(?P<p>" + PERSON.pattern + r"),?\s+(?:in|for|to)\s+(?:\S+\s+){0,8}\Z", before)
    if m:
        candidates.append(m.group("p"))
    m = re.match(r"\s*(?P<p>" + PERSON.pattern + r"),\s+(?:[^,;:\"“”]{2,80},\s+)?(?:writing|wrote|writes)\s+"
                 r"(?:in|for)\s+(?:the\s+)?\Z", before)
    if m:
        candidates.append(m.group("p"))  # "Rana Sabbagh, Jordanian journalist, writing in al Hayat:" (session 8)
    m = re.search(r"(?:^|,\s+)(?P<p>" + PERSON.pattern + r"),\s+(?:wrote|writes|writing|argued|argues|opined|"
                  r"commented|comments)\s+(?:in|for)\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}\Z", before)
    if m:
        # "The Tunisian leftist politician, Al- Nifti Hola, wrote in the government-owned Tishreen newspaper": a
        # writer set off by commas after what he is, right before the verb of writing (issue 15, batch 26)
        candidates.append(m.group("p"))
    m = re.search(r"\bby\s+(?:its|the\s+paper['’]s)\s+(?i:" + roles + r"),?\s+(?P<p>" + PERSON.pattern + r")", after)
    if m:
        candidates.append(m.group("p"))  # "published an article by its editor-in-chief, Fallah al-Mashaal"
    m = re.match(r"\s*,\s*(?P<p>" + PERSON.pattern + r")\s+[a-z]+(?:s|ed)\b", after)
    if m:
        candidates.append(m.group("p"))  # "in Ad-Dustour, Hussein Al-Rawashdeh offers ..."
    m = re.search(r"(?P<p>" + PERSON.pattern + r")['’]s\s+(?:" + cues().pattern("byline_noun") + r")\s+(?:in|for)\s+"
                  r"(?:the\s+)?\Z", before)
    if m:
        candidates.append(m.group("p"))  # "Ramadan al-Anzi's column in al-Jazirah newspaper"
    m = re.match(r"(?P<p>" + PERSON.pattern + r")\s+(?:" + speech + r"|[a-z]{3,}(?:s|ed))\s+that\b", s)
    if m:
        candidates.append(m.group("p"))  # "Iyad al-Jaafari predicts that ..., according to al-Modon"
    candidates += _piece_writers(before, after)
    candidates += role_people(s)
    nationalities = cues().lower_set("nationality")
    for candidate in candidates:
        first = candidate.split()[0].lower()
        if first in nationalities or first in {"the", "in", "on", "according"} or (outlet and outlet in candidate):
            continue  # "Kuwait's Al-Seyassah reported that": the outlet is no writer
        if registry.lookup(candidate) is None:
            return clean_person(_institution_tail_off(s, candidate))
    return None


_WHEN = r"(?:yesterday|today|(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|last\s+week|this\s+week)"


def _piece_writers(before: str, after: str) -> list[str]:
    """Writers English reviews name around the outlet (session 7): ``ran an editorial yesterday by X``,
    ``an article ... in the Saudi X newspaper written by Y``, ``Y wrote the following piece in X daily``."""
    noun = cues().pattern("byline_noun")
    person = r"(?P<p>" + PERSON.pattern + r")"
    found = []
    m = re.search(r"\b(?:" + noun + r")\s+" + _WHEN + r"\s+by\s+" + person, after)
    if m:
        found.append(m.group("p"))
    m = re.match(r"\s*(?:(?:daily|newspaper|paper)\s*)?,?\s*written\s+by\s+" + person, after)
    if m:
        found.append(m.group("p"))
    # ("an article published in Haaretz by Amos Harel": a participle between the piece and "in", session 11)
    if re.search(r"\b(?:" + noun + r")\s+(?:(?:published|appearing|printed|carried|run)\s+)?in\s+(?:the\s+)?"
                 r"(?:[A-Z][a-z]+day['’]s\s+)?\Z", before):
        m = re.match(r"\s+by\s+" + person, after)  # "A column in Tuesday's Al-Ahram by Salah Montasser"
        if m:
            found.append(m.group("p"))
    m = re.search(person + r"\s+(?:wrote|writes|penned)\s+(?:the\s+following|an?|this|his|her)\s+(?:[\w-]+\s+)?(?:"
                  + noun + r")\s+(?:in|for)\s+(?:the\s+)?\Z", before)
    if m:
        found.append(m.group("p"))
    return found


def _institution_tail_off(s: str, candidate: str) -> str:
    """``Letters Waleed Al-Rujaib`` in ``the National Council for Culture, Arts and Letters Waleed Al-Rujaib``:
    the last word of an institution's name (a common English word after "and"/"of"/"for") is no part of the
    writer's name that follows it (issue 15)."""
    words = candidate.split()
    at = s.find(candidate)
    if len(words) < 3 or at < 0 or not re.search(r"\b(?:and|of|for)\s+\Z", s[:at]):
        return candidate
    return " ".join(words[1:]) if zipf_frequency(words[0].lower(), "en") >= _COMMON_WORD_ZIPF else candidate


def role_people(s: str) -> list[str]:
    """People named after a writing role anywhere in a sentence: ``journalist Youssef Ayoub``, ``Writer Mai
    Azzam``, ``writer Sameh Abdullah in his article``."""
    roles = cues().pattern("author_role")
    found = re.finditer(r"(?:^|(?<=[\s,(]))(?i:" + roles + r")\s+(?P<p>" + PERSON.pattern + r")", s)
    return [m.group("p") for m in found if m.group("p").split()[0].lower() not in {"the", "of", "in"}]


def _arabic_outlet(s: str, m: re.Match[str], registry: OutletRegistry) -> tuple[int, int, str] | None:
    """The outlet a type noun introduces: the name after it, unless a longer registry name begins with the
    noun itself (``وكالة الأنباء السعودية``, not the Kuwaiti daily ``الأنباء``)."""
    agency = m.group("noun") == "وكالة" and _NEWS_WORD.match(s, m.end()) is not None
    after = _news_agency_name(s, m, registry) if agency else _arabic_name_after(s, m.end(), registry)
    whole = _arabic_whole_name(s, m.start("noun"), registry)
    if agency and after is None:
        return whole  # "نقلت وكالة أنباء عن": "a news agency", no name
    if whole is not None and after is not None and registry.resolve(after[2]).outlet is None:
        return whole  # "وكالة أنباء الإمارات (وام)": the known whole name, not an unknown longer run (session 11)
    if after is not None and m.group("noun") in _AR_PLACE_NOUNS and registry.resolve(after[2]).outlet is None \
            and s[after[0] - 1:after[0]] not in "\"“”«»„(" and not _press_evidence(s, after):
        after = None  # "عبرت السفينة قناة السويس", "وصلت الفرق إلى موقع الحادث": a canal, a place
    return whole if whole is not None and (after is None or whole[1] > after[1]) else after


# type nouns that are also ordinary words (a canal, a site): an unknown, unquoted name after them is an outlet
# only when the sentence reports (a verb of saying or publishing) or the name has a media shape
_AR_PLACE_NOUNS = frozenset({"قناة", "موقع"})
_AR_MEDIA_SHAPE = re.compile(r"نيوز|تايمز|بوست|برس|أونلاين|اونلاين|\bتي\s*في\b|\d|الإخبارية|الاخبارية|الفضائية|"
                             r"نت\b|الإلكتروني|الالكتروني|الإخباري|الاخباري")
_AR_REPORT_WORDS = frozenset("قال قالت ذكر ذكرت نشر نشرت أفاد أفادت أورد أوردت بث بثت أعلن أعلنت كشف كشفت نقل نقلت "
                             "يقول تقول ينشر تنشر يبث تبث عرض عرضت أذاع أذاعت أشار أشارت أكد أكدت تابع تابعت "
                             "بحسب حسب وفق نقلا مراسل مراسلة برنامج تقرير خبر مقابلة حوار لقاء".split())


@cache
def _numbered_channel() -> re.Pattern[str]:
    """``القناة 12``, ``القناة الرابعة``, ``الإذاعة الثانية``: a definite channel or radio noun and its number
    (digits or an Arabic ordinal of ``translator/data/number_words.tsv``) is a channel's name (session 14)."""
    rows = [r for r in read_tsv("number_words.tsv") if r["language"] == "ar" and r["kind"] == "ordinal"]
    ordinals = sorted({w for row in rows
                       for w in (row["word"], row["word"] if row["word"].startswith("ال") else "ال" + row["word"])
                       if w.startswith("ال")}, key=len, reverse=True)
    return re.compile(r"(?:^|(?<=[\s\"“«(]))[وفلب]?(?P<name>(?:ال|لل)(?:قناة|إذاعة|اذاعة)\s+(?:[0-9٠-٩]{1,3}|"
                      + "|".join(ordinals) + r"))(?=[\s،,.:؛\"”»)]|\Z)")


def _numbered_channels(s: str) -> list[tuple[int, int, str]]:
    """The numbered channels a sentence cites (``وقالت القناة 12 الإسرائيلية``), as written without a preposition or
    the ل of ``للقناة`` (``للقناة 13`` -> ``القناة 13``), when a reporting word stands in the sentence."""
    if "قناة" not in s and "إذاعة" not in s and "اذاعة" not in s:
        return []
    found = []
    for m in _numbered_channel().finditer(s):
        a, b = m.span("name")
        if s.startswith("لل", a):
            a += 1  # "للقناة 13": to channel 13; the name keeps its article
            name = "ال" + s[a + 1:b]
        else:
            name = s[a:b]
        if _press_evidence(s, (a, b, name)) or _ADJECTIVE_NEXT.match(s, b):
            found.append((a, b, name))  # (or a nationality after it: "القناة الرابعة البريطانية")
    return found


_ADJECTIVE_NEXT = re.compile(r"\s+ال[\u0621-\u064a]{2,}ية(?=[\s،,.:؛]|\Z)")


def _press_evidence(s: str, hit: tuple[int, int, str]) -> bool:
    """Whether a sentence naming an unknown ``قناة``/``موقع`` cites it: a reporting word anywhere outside the
    name (``قالت``, ``وبثت``, ``بحسب``, ``مراسل``, ``تقرير``), a known press verb after it, or a media-shaped
    name (``نيوز``, ``الإخبارية``, digits)."""
    if _AR_MEDIA_SHAPE.search(hit[2]):
        return True
    for word in re.findall(_AR_WORD, s[:hit[0]] + " " + s[hit[1]:]):
        stem = word[1:] if word[:1] in "وفل" and len(word) > 3 else word
        if word in _AR_REPORT_WORDS or stem in _AR_REPORT_WORDS or stem in _AR_VERBS or word in _AR_VERBS:
            return True
    return False


def _abbreviation_of_previous(s: str, hit: tuple[int, int, str], found: list[tuple[int, int, str]],
                              registry: OutletRegistry) -> bool:
    """``وكالة الأنباء السعودية الرسمية (واس)``: the bracketed short name repeats the outlet just named."""
    if not found or s[hit[0] - 1:hit[0]] != "(" or hit[0] - found[-1][1] > 40:
        return False
    this, before = registry.resolve(hit[2]).outlet, registry.resolve(found[-1][2]).outlet
    return this is not None and this is before


def _arabic_whole_name(s: str, pos: int, registry: OutletRegistry) -> tuple[int, int, str] | None:
    """A registry name that begins with its own type noun (``وكالة الأنباء السعودية``, ``قناة الجزيرة``):
    the longest of two to five words from the noun on."""
    words = list(re.finditer(r"[^\s(),،.:؛\"“”«»]+", s[pos:pos + 120]))[:5]
    for n in range(len(words), 1, -1):
        end = pos + words[n - 1].end()
        match = registry.resolve(s[pos:end])
        if match.outlet is not None and match.method == "exact":
            return pos, end, s[pos:end]
    return None


_NEWS_WORD = re.compile(r"\s*(?:أنباء|انباء)\s+")


def _news_agency_name(s: str, m: re.Match[str], registry: OutletRegistry) -> tuple[int, int, str] | None:
    """``وكالة أنباء X`` ("X news agency", session 11): X when quoted or a registry name (``وكالة أنباء
    “نوفوستي”``, ``وكالة أنباء فارس``), else the whole phrase as written (``وكالة أنباء آسيا``), the whole too
    when the registry knows it (``وكالة أنباء الشرق الأوسط``); None when no name follows."""
    word = _NEWS_WORD.match(s, m.end())
    if m.group("noun") != "وكالة" or word is None:
        return None
    name = _arabic_name_after(s, word.end(), registry)
    if name is None or name[0] < word.end():
        return None
    whole = m.start("noun"), name[1], s[m.start("noun"):name[1]]
    if registry.resolve(whole[2]).method == "exact":
        return whole  # "وكالة أنباء الشرق الأوسط" (MENA), not the paper الشرق الأوسط
    if registry.resolve(name[2]).outlet is not None or s[name[0] - 1:name[0]] in "\"“”«»„(":
        return name
    return whole


# (closed by an opening mark too, as pages print it: ``صحيفة “همشهري“``, ``“البناء “:``, session 14)
_AR_QUOTED_NAME = re.compile(r"\s*[\"“”«»„(]\s*(?P<name>[^\"“”«»()\n]{2,40}?)\s*(?:[\"”»«)]|“(?=[\s:،,.؛]|\Z))")
# the same between single quotes, which Arabic never writes inside a word (``صحيفة ’وطن’``, issue 15, batch 26)
_AR_SINGLE_QUOTED_NAME = re.compile(r"\s*[’‘'`]\s*(?P<name>[^’‘'`\"“”«»()\n]{2,40}?)\s*[’‘'`]")
_NON_SPACE = re.compile(r"\S+")
_TEXT_END = re.compile(r"[ .]*\Z")  # only spaces and stops to the end of the sentence


def _arabic_name_after(s: str, pos: int, registry: OutletRegistry) -> tuple[int, int, str] | None:
    """The outlet after a type noun: a name in quotes or brackets (known or not: ``جريدة "الصباح"``), else the
    longest registry name of up to four words."""
    # a quoted name; pages also open the quote with a closing mark (``لصحيفة ” الشرق الأوسط”``)
    # (matched in place, not on a copy of the rest: 20,000 × "صحيفة " copied the rest at each, issue 13)
    quoted = _AR_QUOTED_NAME.match(s, pos) or _AR_SINGLE_QUOTED_NAME.match(s, pos)
    if quoted and len(quoted.group("name").split()) <= 4 and is_arabic(quoted.group("name")):
        return quoted.start("name"), quoted.end("name"), quoted.group("name")
    if pos < len(s) and not s[pos - 1].isspace():
        return None
    words = list(islice(_NON_SPACE.finditer(s, pos), 4))  # the next four words, not all of the rest
    for n in range(len(words), 0, -1):
        end = words[n - 1].end()
        name = s[pos:end].rstrip("،,.:؛")
        match = registry.resolve(name)
        if match.outlet is not None and match.method == "exact" and arabic_key(name):
            return pos, pos + len(name), name
    return _arabic_unknown_name(s, pos, words)


_AR_STOP = frozenset("في على من إلى الى عن أن إن ان أنه إنه أنها التي الذي الصادرة اليوم أمس أيضا وقالت وكتبت "
                     "قالت كتبت نشرت ذكرت أكدت بين مع حول ضمن خلال منذ لدى عند حيث وفق بحسب نقلا".split())
_AR_PIECES = frozenset("نشر تقرير مقال مقالة افتتاحية افتتاحيتها خبر عنوان تحقيق".split())  # "بنشر", "بتقرير"
# the piece as the object of the verb ("نشرت صحيفة التايمز مقالاً لـ..."): no part of the paper's name
_AR_OBJECTS = frozenset("مقالا مقالاً مقالة تقريرا تقريراً افتتاحية خبرا خبراً تحقيقا تحقيقاً".split())


def _longest_first(word: str) -> tuple[int, str]:
    """Sort key of an alternation's words: longest first, then code-point order, so that a pattern built from a
    set has one text in every process (its compiled form is then kept: :mod:`translator.cli.recache`)."""
    return -len(word), word


_AR_OBJECTS_ALTERNATION = "|".join(sorted(_AR_OBJECTS, key=_longest_first))
# verbs a press review puts right after the paper's name ("صحيفة ديلي تلغراف انفردت ..."), without و/ف
_AR_VERBS = frozenset("قالت كتبت نشرت حملت ذكرت أكدت ألقت انفردت تناولت أبرزت أوردت لفتت اعتبرت رأت أشارت نقلت كشفت "
                      "حذرت تحدثت خصصت أفادت أضافت تابعت عنونت اهتمت ركزت طالبت وصفت".split())


@cache
def _arabic_countries() -> tuple[frozenset[str], tuple[str, ...]]:
    """Country names in Arabic (CLDR, through Babel), folded, and the stems their nationality adjectives are
    made from (``الجزائر`` → ``جزائر``: ``الجزائرية``; ``مصر``: ``المصرية``)."""
    from babel import Locale

    names = {arabic_key(n) for n in Locale("ar").territories.values() if " " not in n.strip()}
    names.discard("")
    stems = tuple(sorted({n[2:] if n.startswith("ال") else n for n in names}, key=len, reverse=True))
    return frozenset(names), stems


# descriptions that follow a channel's or agency's name without being part of it
_AR_OFFICIAL = frozenset("الرسمية الرسمي الحكومية الحكومي المستقلة المستقل الخاصة الخاص العمومية العمومي".split())


def _country_channel_name(first: str, second: str) -> bool:
    """``الجزائر الدولية``, ``مصر الفضائية``: a country's name, then a definite adjective that is neither a
    nationality (``الجزائرية``, ``الأردنية``) nor an official/private description: the two words are one
    outlet name (a channel named after its country), not a name and its description (issue 15, F5)."""
    names, stems = _arabic_countries()
    key, adjective = arabic_key(first.rstrip("،,.:؛")), arabic_key(second)
    if key not in names or not second.startswith("ال") or second in _AR_OFFICIAL or len(adjective) < 5:
        return False
    body = adjective[2:]
    return not any(body.startswith(stem) for stem in stems if len(stem) >= 3)


_AR_DEFINITE = re.compile(r"(?:[وفبلك]?ال|لل)[\u0621-\u064a]{2,}")


def _definite_then_indefinite(first: str, second: str) -> bool:
    """``التلغراف سياسة``: a definite word, then an indefinite Arabic noun. The second word cannot go on the first's
    name: an adjective of a definite noun is definite too (``الحياة اللندنية``), and a word it governs would make
    the first indefinite (``صوت الأحرار``); so the name ends with the first word and the second opens the clause
    (the verb's object: ``تناولت صحيفة التلغراف سياسة بوتين``, issue 15 batch 26). A foreign name's word written
    as such (``نيوز``, ``تايمز``) stays in the name."""
    first = first.rstrip("،,.:؛")
    return (first.startswith("ال") and len(first) > 3 and is_arabic(second) and len(second) >= 3
            and _AR_DEFINITE.fullmatch(second) is None and not _AR_MEDIA_SHAPE.search(second)
            and second not in cues().lower_set("foreign_press_word") and not second[:1].isdigit())


def _arabic_unknown_name(s: str, pos: int, words: list[re.Match[str]]) -> tuple[int, int, str] | None:
    """An outlet the registry does not know, written without quotes after a type noun: one to three words
    that end the sentence or stand before a particle, an honorific or a role (``صحيفة صوت الاحرار``).
    ``words`` are matches on ``s`` itself (their offsets are offsets into ``s``)."""
    stops, roles = _unknown_name_ends(cues())
    for n, word in enumerate(words):
        text = word.group()
        bare = text.rstrip("،,.:؛")
        if n == 1 and _country_channel_name(words[0].group(), bare):
            continue  # "قناة الجزائر الدولية": the kind of channel is part of a name made of a country
        if n and text == "اليوم" and n + 1 < len(words) and arabic_country(words[n + 1].group().rstrip("،,.:؛")):
            continue  # "صحيفة عالم اليوم الكويتية": "today" never stands between a name and its country (session 8)
        if text in stops or bare in stops or bare in roles or not is_arabic(bare) or _ar_clause_word(bare, n) \
                or text[:1] in "(\"“”«»":
            break  # (a bracketed word is an acronym or a gloss, no part of the name: "أنباء آسيا (آكي)")
        if n == 1 and _definite_then_indefinite(words[0].group(), bare):
            break  # "تناولت صحيفة التلغراف سياسة الرئيس": a definite name, an indefinite noun after it
        if bare != text or _TEXT_END.match(s, word.end()):
            n += 1
            break
    else:
        return None
    if not 1 <= n <= 3:
        return None
    end = words[n - 1].end()
    name = s[pos:end].rstrip("،,.:؛ ")
    if all(w in _AR_TYPE_NOUNS for w in name.split()):
        return None  # "صحيفة يومية تصدر ...": "a daily paper", no name
    return (pos, pos + len(name), name) if name and len(name.split()) <= 3 else None


# what a paper does that no paper's name is ("أول صحيفة يومية تصدر من عاصمتنا": "the first daily published in our
# capital", issue 15 batch 23)
_AR_PAPER_VERBS = frozenset("تصدر يصدر صدرت صدر تنشر ينشر تطبع يطبع توزع يوزع".split())


@cache
def _unknown_name_ends(c: Cues) -> tuple[frozenset[str], frozenset[str]]:
    """The words that end an unknown outlet's name (particles, honorifics, headline cues, writing verbs) and the
    first words of author roles, built once per cue table (issue 13: built for each type noun, a third of
    ``parse_citations``'s time on ``صحيفة`` × 8,000)."""
    stops = _AR_STOP | c.lower_set("honorific") | c.lower_set("headline_cue") | c.lower_set("writing_verb")
    return frozenset(stops), frozenset(r.split()[0] for r in c.words("author_role"))


def _ar_clause_word(word: str, n: int) -> bool:
    """A word that cannot go on an unknown paper's name (issue 15): a verb of the press review (``انفردت``,
    ``وذكرت``), a particle glued to a cue or a definite word (``بعنوان``, ``بالفرنسية``, ``بنشر``), or, after
    the first word, a feminine adjective that describes the paper (``الجارديان البريطانية``)."""
    stem = word[1:] if word[:1] in "وف" and word[1:] in _AR_VERBS else word
    if stem in _AR_VERBS or word in _AR_OBJECTS or word in _AR_PAPER_VERBS:
        return True
    rest = word[1:]
    if word[:1] in "بل" and (rest[:2] == "ال" or rest in cues().lower_set("headline_cue") or rest in _AR_PIECES):
        return True
    # (also "المستقلة", "الناطقة": any feminine definite word after the name agrees with صحيفة/جريدة)
    return n > 0 and word.startswith("ال") and (word.endswith("ية") or word.endswith("ة"))


def _arabic_attribution(s: str, a: int, b: int, name: str) -> Draft:
    """An Arabic press-review attribution (``كتبت صحيفة "الخبر" أن "..."``): outlet, the quoted headline
    (or one printed without quotes after a headline cue), the description after a quoted name
    (``الصادرة بالفرنسية``), the author (issue 15)."""
    dates = publication_dates(s, lang="ar")
    title = quoted_title(s, (a, b)) or arabic_unquoted_title(s)
    return Draft("press_review_attribution", 0, len(s), outlet=name, title_original=title,
                 leaning=_arabic_description(s, b), author=_arabic_author(s, a, b),
                 date=dates[0] if dates else None, confidence=0.8 if title else 0.75)


_AR_WORD = r"[\u0621-\u064a\u0640\u064b-\u0652]+"


# where an unquoted Arabic title ends: a verb of the review going on ("ويقول", "ويؤكد", "كتب"), a quote
_AR_TITLE_STOP = frozenset("كتب كتبت يقول تقول قال قالت أكد يؤكد تحدث بين رأى مشيرا مشيرة قائلا قائلة".split())


def _review_goes_on(word: str) -> bool:
    """A verb with which the review goes on after a title: ``كتب``, ``ويقول``, ``ويؤكد``, ``وأشارت``."""
    verbs = _AR_TITLE_STOP | _AR_VERBS | {"يشدد", "يشير", "يتساءل", "يضيف", "يوضح", "يرى", "أشار"}
    return word in verbs or (word[:1] in "وف" and word[1:] in verbs)


# words after a title "he named" without quotes that go on with the review, not the title ("تناول الكاتب X في مقاله
# الذي أسماه جرائم الكلاب الحديث عن", "أسماه إنصاف أصحاب المعاشات والذي نشره في جريدة الأهرام")
_AR_NAMED_TITLE_ENDS = frozenset("الذي والذي التي والتي الحديث للحديث وتحدث ويتحدث وتناول ويتناول حيث وفيه وفيها"
                                  .split())


# one word (or two) quoted whole, its closing quote in the same token: part of an unquoted title, no quotation
_QUOTED_WORD = re.compile(r"[\"“”«»][^\s\"“”«»]{1,30}[\"“”«»][.؟?!،,:؛]*")


def arabic_unquoted_title(s: str) -> str | None:
    """An Arabic title printed without quotes (issue 15, fourth session): after ``تحت عنوان``/``بعنوان``/``يحمل
    عنوان`` up to the verb that goes on with the review (``تحت عنوان الفقر السياسي كتب ...``, ``تحت عنوان
    تميز في ملف المطلعين ويؤكد أن``), the line end or a final ``؟``/``!``/``.``; or before ``تحت هذا العنوان``
    (``الاردن امام مخاطر الحدود مع سوريا تحت هذا العنوان كتب ...``)."""
    before = re.search(r"(?:^|[.\n])\s*[وف]?(?P<t>[^\n\"“”«».،,]{3,120}?)\s*[،,]?\s+تحت\s+هذا\s+العنوان", s)
    if before is not None and len(before.group("t").split()) <= 15:
        return ws(before.group("t"))
    cue = re.search(r"(?:تحت|يحمل|تحمل)\s+عنوان\s*:?\s*|(?:^|(?<=\s))بعنوان\s*:?\s*", s)
    # "في مقاله الذي أسماه نفس الجدية والذي نشره في جريدة الأهرام": the piece "he named" (issue 15 batch 23); the
    # relative pronoun says a piece was named ("ما أسماه ب..." / "ما سمته": "what he called", no title)
    named = cue is None and re.search(r"(?:^|(?<=\s))و?(?:الذي|التي)\s+(?:أسماه|اسماه|سماه|أسمته|اسمته"
                                      r"|سمته|أسماها|اسماها|عنونه|عنونها)\s*:?\s*", s)
    cue = cue or named or None
    if cue is None or s[cue.end():cue.end() + 1] in "\"“”«»(" \
            or s[cue.end():].split(maxsplit=1)[:1] in (["رئيسي"], ["عريض"], ["بارز"], ["لافت"], ["كبير"], ["واحد"]):
        return None  # "بعنوان رئيسي أعلى صفحتها": "with a main headline", no title
    kept: list[re.Match[str]] = []
    for token in re.finditer(r"[^\s]+", s[cue.end():].split("\n")[0]):
        word = token.group()
        bare = word.strip("،,:؛")
        if (word[0] in "\"“”«»" and not (kept and _QUOTED_WORD.fullmatch(word))) or (kept and _review_goes_on(bare)):
            break  # (a word quoted whole inside the title is part of it: ``... لـ"داعش" ضد "التحالف"``, batch 26)
        if named and kept and bare in _AR_NAMED_TITLE_ENDS:  # "... الحديث عن", "... والذي نشره": the review goes on
            break
        kept.append(token)
        if re.search(r"(?<!\.)[.؟?!]$", word) or len(kept) >= 15:
            break
    if not kept:
        return None
    return ws(s[cue.end():cue.end() + kept[-1].end()].rstrip("،,:؛ "))


def _arabic_description(s: str, b: int) -> str | None:
    """``"الوطن" الصادرة بالفرنسية``, ``الأيام المغربية``: definite adjectives right after the name."""
    # each word definite (``المغربية``) or a definite word after بـ (``بالفرنسية``); a particle (``بأن``) ends it
    m = re.match(r"\s?[\"”»)]?\s*(?P<d>(?:ال" + _AR_WORD + r")(?:\s+(?:ال|بال|لل)" + _AR_WORD + r"){0,3})", s[b:])
    semi = _AR_SEMI.match(s[b:])
    if semi:  # "جريدة الصباح الشبه رسمية": semi-official
        return semi.group("d")
    if not m:  # '"الأهرام"، الصحيفة الرسمية، جاء ...': a description set off by commas
        m = re.match(r"[\"”»)]?\s*[،,]\s*(?P<d>ال" + _AR_WORD + r"(?:\s+ال" + _AR_WORD + r"){0,2})\s*[،,]", s[b:])
    relative = _AR_RELATIVE.match(s[b:])
    if relative and (not m or m.group("d").split()[0] in ("الصحيفة", "الجريدة", "التي", "الذي")):
        # "الصباح التي تصدر عن شبكة الاعلام العراقي", "الصباح وهي الصحيفة التي تصدر عن ...": a relative
        # clause of belonging, up to the verb of the review (issue 15, batch 11)
        words = relative.group("d").split()
        cut = next((i for i, w in enumerate(words) if i > 3 and (w in _AR_STOP or _review_goes_on(w)
                                                                 or w in _AR_READ_VERBS or w in _AR_VERBS)), len(words))
        return " ".join(words[:cut]).rstrip("،,.") or None
    if not m:
        return None
    words = m.group("d").split()
    stop = cues().lower_set("headline_cue") | cues().lower_set("honorific") | {"الصفحة", "الأولى"} \
        | {"التي", "الذي", "الذين", "اللتين", "اللذين", "اللواتي"}  # a relative clause, not an adjective
    kept = []
    for word in words:
        # an adjective agrees with صحيفة/وكالة/موقع (ends ة or ي: ``المغربية``, ``الإخباري``, ``الصادرة``),
        # then maybe a verbal noun it governs (``الواسعة الانتشار``) or بال/لل (``الموالية للحكومة``); another
        # noun after the name (``اليوم``, ``الخبر``) is the sentence going on, not a description
        adjective = word.endswith(("ة", "ي")) or (kept and word.startswith(("بال", "لل"))) \
            or (kept and len(word) >= 6 and word.startswith(("الا", "الإ", "الت")))  # الواسعة الانتشار
        if word in stop or not adjective:
            break
        kept.append(word)
    if kept and kept[0] in ("الصادرة", "الصادر") and re.match(
            r"\s+(?:اليوم|صباح|مساء|امس|أمس|هذا|يوم|في\s+(?:\d|يوم|ال(?:سبت|أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة))"
            r"|ال(?:سبت|أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة))(?=[\s،,.]|$)",
            s[b:][m.start("d") + len(kept[0]):]):
        return None  # "جريدة «الأهرام» الصادرة اليوم الاثنين": the issue's day, not what the paper is (session 9)
    if len(kept) == 1 and kept[0] in _AR_PARTICIPLES:
        # "الصادرة عن شبكة الإعلام العراقي", "الناطقة باسم الحزب الديمقراطي الكوردستاني": the participle
        # and what it governs, up to a verb, a particle or punctuation (issue 15, fourth session)
        rest = s[b:][m.end("d"):]
        phrase = _AR_GOVERNED.match(rest)
        if phrase:
            words = phrase.group("pp").split()
            # a verb, a particle, or a word with a pronoun suffix (``اخبارها``: the sentence's object) ends it
            cut = next((i for i, w in enumerate(words) if i and (w in _AR_STOP or _review_goes_on(w)
                                                               or (w[:1] in "وف" and w[1:] in _AR_STOP)  # وفي
                                                               or w in _AR_READ_VERBS
                                                               or _review_goes_on(w[1:]) or w in _AR_VERBS
                                                               or (not w.startswith("ال") and w.endswith("ها")))),
                       len(words))
            kept += words[:cut]
    return " ".join(kept) or None


# the review's own verbs of reading ("في صحيفة التآخي الصادرة عن الحزب ... نقرأ ما قاله"): no part of a description
_AR_READ_VERBS = frozenset("نقرأ ونقرأ لنقرأ فنقرأ نطالع ونطالع نتابع ونتابع نجد ونجد".split())
_AR_RELATIVE = re.compile(r"[\"”»)]?\s*[،,]?\s*(?:وهي\s+)?(?P<d>(?:(?:الصحيفة|الجريدة)\s+)?(?:التي|الذي)\s+"
                          r"(?:تصدر|يصدر|تنطق|ينطق|تتبع|يتبع)\s+(?:عن|من|باسم|في|ل)\s*[^\n.،,؛:]{2,80})")
_AR_SEMI = re.compile(r"[\"”»)]?\s*(?P<d>(?:ال)?شبه\s+(?:ال)?" + _AR_WORD + r"(?:ة|ي))(?=[\s،,.]|\Z)")
# what a participle governs, up to six words; a party's name may stand in quotes ("القريبة من حزب " الاستقلال "")
_AR_GOVERNED = re.compile(r"\s+(?P<pp>(?:عن|من|باسم|ب|ل|في)\s*" + _AR_WORD
                          + r"(?:\s*[\"“”«»]?\s*" + _AR_WORD + r"(?:\s*[\"“”»](?=\s+" + _AR_WORD + r"))?){0,6})")
# participles that describe a paper by what it belongs to ("الصادرة عن", "الناطقة باسم", "المقربة من")
_AR_PARTICIPLES = frozenset("الصادرة الناطقة التابعة المقربة المملوكة الممولة المحسوبة القريبة الموالية".split())


def _arabic_author(s: str, a: int, b: int) -> str | None:
    """``بقلم X``, ``X الكاتب في صحيفة ...``, ``صحيفة الخبر الأستاذ X``; honorifics dropped."""
    c = cues()
    role, honorific = c.pattern("author_role"), c.pattern("honorific")
    name = rf"(?P<p>{_AR_WORD}(?:\s+{_AR_WORD}){{1,2}}?)"
    # (its role may come first: "بقلم رئيس التحرير الاستاذ يوسف البنخليل مضيفا", session 8)
    m = re.search(rf"بقلم\s+(?:(?:رئيس|رئيسة|مدير|مديرة)\s+(?:ال)?تحرير\S*\s+|(?:{role})\s+)*(?:(?:{honorific})\s+)?"
                  rf"{name}(?=\s+(?:{role}|مضيفا|مضيفاً|مضيفة|قائلا|قائلاً|قائلة)|\s*[،,.:؛]|\s*\Z)", s)
    if m is None:  # "يرى جلال دويدار في صحيفة الأخبار": a verb of saying, the writer, then "in the paper"
        m = re.search(rf"(?:^|\s)[وف]?(?:{c.pattern('speech_verb')})\s+{name}\s+في\s+(?:{c.pattern('arabic_generic')})",
                      s[:b])
    if m is None:
        m = re.search(rf"(?:^|\s)[و]?(?:(?:{honorific})\s+)?{name}\s+(?:{role})\s+(?:في|ب|ل)", s[:a])
    if m is None:
        m = re.match(rf"[\"”»)]?\s+(?:{honorific})\s+(?P<p>{_AR_WORD}\s+{_AR_WORD})", s[b:])
    if m is None:  # "مقالاً لعبد اللطيف الملحم بعنوان", "مقالا جديدا للكاتب روبرت فيسك عن": the piece's writer
        # (the name may stand in brackets: "مقالا للكاتب (أمير طاهري) بعنوان", session 11)
        roles_l = "|".join(re.escape("ل" + r[1:]) for r in c.words("author_role") if r.startswith("ال"))
        after_name = r"(?=\s+(?:بعنوان|عن|حول|قال|يقول|في)\b|\s*[،,.:]|\s*\Z)"
        # (the role may go on with more roles and a nationality: "للكاتب والروائي اللبناني X")
        m = re.search(rf"(?:^|\s)(?:{_AR_OBJECTS_ALTERNATION})(?:\s+{_AR_WORD})?\s+(?:(?:{roles_l})"
                      rf"(?:\s+و?ال{_AR_WORD}(?:ي|ية))*\s+|ل(?!ل))"
                      rf"\(?(?P<p>{_AR_WORD}(?:\s+{_AR_WORD}){{1,2}}?)\)?{after_name}", s)
    if m is None:  # "حيث كتب ساطع نور الدين يقول", "أعدته جوزي إنسور من الرياض", "يستعرض X محرر الشؤون"
        # (also "كتب د. ماجد الخواجا تحت عنوان", "كتب X مقالا", "كتب المهندس X ويقول": issue 15)
        m = re.search(rf"(?:^|\s)[وف]?(?:كتب|كتبت|أعده|أعدته|أعدها|يستعرض|تستعرض)\s+(?:(?:{honorific})\s+)?"
                      rf"(?!(?:في|من|على|عن|الى|إلى|مع|أن|إن|ان|أنه|إنه|أنها|إنها|بأن|بان)\s){name}"
                      rf"(?=\s+(?:يقول|تقول|قائلا|قائلة|من|في|تحت|بعنوان|مقالا|مقالاً|مقالة|{role}|[وف][يت]{_AR_WORD})"
                      rf"(?:[\s:،,.؛]|$)|\s*[،,.:]|\s*\Z)", s)  # ("كتب عبد الله رشيد يقول:": session 11)
    if m is None:  # "ناجح الصوالحة كتب في الرأي": the writer opens the sentence, then the verb and the paper
        # (also after a list number and أما: "٢ـ أما خولة الكردي قد كتبت مقالاً في صحيفة الغد")
        m = re.match(rf"[\s\d٠-٩ـ.)-]*(?:[وف]?أما\s+)?(?:(?:{honorific})\s+)?{name}\s+(?:قد\s+)?(?:كتب|كتبت)\s+"
                     rf"(?:في|ب|ل|مقالا|مقالاً|مقالة)", s)
    if m is None:  # "أبرز الكاتب الصحفي هاني وفا، رئيس تحرير الصحيفة": a role, the name, a comma
        # (or a dash or bracket, a title noun, a particle: "قال الكاتب أسامة سرايا - في عموده", "دعا الكاتب كرم
        # جبر رئيس المجلس", "ليرى كاتب المقالة فلاح المشعل ان": session 9)
        # (not a role word that is an adjective of the noun before it: "مسارها الإعلامي محققة شعارها (..." is
        # "its media path", issue 15 batch 23)
        m = next((x for x in re.finditer(rf"(?:^|\s)(?:{role})(?:\s+(?:{role}))?\s+(?:(?:{honorific})\s+)?{name}"
                                         rf"(?=\s*[،,]|\s+[-–—(]|\s+(?:{_AR_AFTER_WRITER})(?:\s|$))", s)
                  if not re.search(r"\S(?:ها|هم|هن|ه)\s*\Z", s[:x.start()])), None)
    if m is None:  # "تناول الكاتب عمرو عبد السميع في مقاله": the role, the name, "in his piece" (issue 15 batch 23)
        m = re.search(rf"(?:^|\s)(?:{role})\s+(?:(?:{honorific})\s+)?(?!(?:{'|'.join(sorted(_AR_STOP))})\s){name}"
                      rf"(?=\s+في\s+(?:مقاله|مقالها|مقال|عموده|عمودها|زاويته|زاويتها|افتتاحيت)\S*)", s)
    if m is None:  # "ومع ما كتبه جاسر عبد العزيز الجاسر في صحيفة الجزيرة": the writer's piece, then the paper
        m = re.search(rf"(?:^|\s)[وف]?(?:مع\s+)?ما\s+(?:كتبه|كتبته)\s+(?:(?:{honorific})\s+)?"
                      rf"(?P<p>{_AR_WORD}(?:\s+{_AR_WORD}){{1,3}}?)\s+(?:في|ب)\s*(?:{c.pattern('arabic_generic')})", s)
    if m is None:
        return _arabic_writer_near(s, a, b) or _written_by(s)
    words = [w for w in m.group("p").split() if w not in c.lower_set("honorific")]
    if any(w in _AR_NAME_BREAKS for w in words):  # "قال الكاتب في مقاله في صحيفة الأهرام": no name holds "in"
        return _arabic_writer_near(s, a, b)
    if words and words[0] in _AR_TYPE_NOUNS:  # "كتبت جريدة الشروق": the paper is the verb's subject, no writer
        return None
    if words and words[0] in ("رئيس", "رئيسة", "مدير", "مديرة"):  # "كتب رئيس تحريرها هاني وفا": the role
        return _arabic_writer_near(s, a, b)
    return " ".join(words) or None


def _written_by(s: str) -> str | None:
    """The writer after ``كتبه``/``كتبها`` ("he/she wrote it") right after the piece: ``في مقال كتبه روبرت
    كورنويل-``, ``مقالة تحت عنوان "..." كتبها توفيق رباحي.`` (issue 15, batch 26 build half); not ``ما كتبه X``
    ("what X wrote", read with its paper) nor a particle after the verb."""
    c = cues()
    m = re.search(rf"(?:^|[\s\-–—(])(?<!ما\s)(?:كتبه|كتبها|كتبته)\s+(?:(?:{c.pattern('author_role')})\s+)?"
                  rf"(?:(?:{c.pattern('honorific')})\s+)?(?P<rest>[^\-–—()،,.:؛«»\"“”]+)", s)
    return _arabic_person(m.group("rest").split()[:3]) if m else None


def later_writer(s: str) -> str | None:
    """The writer a paragraph names after its citation, referring back to the piece (session 8): ``جاء ذلك في كلمة
    الصحيفة بقلم رئيس التحرير الاستاذ يوسف البنخليل``, ``وتساءل الكاتب إبراهيم الشيخ عن ...``; None when there is
    none.  The name is two or three words, the first without the article, none a particle."""
    c = cues()
    role, honorific = c.pattern("author_role"), c.pattern("honorific")
    goes_on = "عن|إلى|الى|أن|ان|إن|بأن|بان|في|مضيفا|مضيفاً|مضيفة|قائلا|قائلاً|قائلة|مشيرا|مشيرة"
    stop = "|".join(sorted(_AR_STOP | set(goes_on.split("|"))))
    word = rf"(?!(?:{stop})(?:\s|$|[،,.]))" + _AR_WORD
    name = rf"(?P<p>(?!ال){word}(?:\s+{word}){{1,2}}?)(?=\s+(?:{goes_on})(?:\s|$)|\s*[،,.:؛]|\s*\Z)"
    m = re.search(rf"بقلم\s+(?:(?:رئيس|رئيسة|مدير|مديرة)\s+(?:ال)?تحرير\S*\s+|(?:{role})\s+)*(?:(?:{honorific})\s+)?"
                  + name, s)
    if m is None:
        m = re.search(rf"(?:^|\s)[وف]?\S+\s+(?:الكاتب|الكاتبة)\s+(?:(?:{honorific})\s+)?" + name, s)
    if m is None:  # "وتناولت الصحيفة زيارة المالكي في مقالتها الافتتاحية ليكتب فلاح المشعل بان" (session 14)
        m = re.search(rf"(?:^|\s)(?:ليكتب|لتكتب|حيث\s+يكتب|حيث\s+كتب)\s+(?:(?:{honorific})\s+)?" + name, s)
    if m is None:
        return None
    words = [w for w in m.group("p").split() if w not in c.lower_set("honorific")]
    return " ".join(words) if len(words) >= 2 else None


# prepositions no writer's name holds
_AR_NAME_BREAKS = frozenset("في من على عن إلى الى مع حول".split())
# words that end a writer's name named by role: a title of office, a particle ("الكاتب كرم جبر رئيس المجلس")
_AR_AFTER_WRITER = "رئيس|رئيسة|مدير|مديرة|عضو|نائب|وزير|أن|ان|إن|عن"


# type nouns an Arabic writer's name never starts with ("كتبت جريدة الشروق في الصفحة الأولى")
_AR_TYPE_NOUNS = frozenset("صحيفة جريدة يومية أسبوعية اسبوعية موقع قناة وكالة مجلة بوابة إذاعة اذاعة".split())
# verbs a review puts between the paper and its writer ("في صحيفة الحياة اعتبر حازم صاغية ...", "يكتب عباس
# النوري في صحيفة التآخي"): masculine or feminine, present or past
_AR_WRITER_VERBS = ("يكتب|تكتب|كتب|كتبت|اعتبر|اعتبرت|يعتبر|تعتبر|يتناول|تتناول|تناول|تناولت|يرى|ترى|رأى|رأت|"
                    "يتساءل|تتساءل|تساءل|تساءلت|يقول|تقول|يؤكد|تؤكد|يشير|تشير|يحذر|تحذر")
_AR_NAME_LINKS = frozenset("عبد أبو ابو أبي ابي بن ابن بنت آل ال".split())


def _arabic_person(words: list[str]) -> str | None:
    """A writer's name at the head of ``words``: two words, a third when the second links (``عبد الوهاب
    بدرخان``) or the third is a family name in ال ending ي (``محمد يونس العبادي``); None when the head reads
    as a noun phrase (a definite first word, a role, a type noun, a particle)."""
    if len(words) < 2:
        return None
    stop = _AR_STOP | _AR_TYPE_NOUNS | cues().lower_set("honorific") | set(_AR_OBJECTS) | _AR_PIECES \
        | {"رئيس", "رئيسة", "مدير", "مديرة", "مراسل", "مراسلة", "محرر", "محررة"}
    first, second = words[0], words[1]
    if first.startswith("ال") or first in stop or second in stop or _review_goes_on(second) \
            or not all(re.fullmatch(_AR_WORD, w) for w in (first, second)):
        return None
    kept = [first, second]
    if len(words) > 2 and re.fullmatch(_AR_WORD, words[2]) and words[2] not in stop \
            and (first in _AR_NAME_LINKS or second in _AR_NAME_LINKS
                 or (words[2].startswith("ال") and words[2].endswith("ي") and len(words[2]) >= 5)):
        kept.append(words[2])
    return " ".join(kept)


_QUOTED_NAME_AFTER = re.compile(r"[\"”»)]?\s*[\"“«]\s*(?P<rest>[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){1,3})\s*[\"”»]")
_EDITOR_OF_BEFORE = re.compile(r"(?:^|\s)(?:رئيس|رئيسة|مدير|مديرة)\s+(?:ال)?تحرير\s+(?:[\u0621-\u064a]+\s+)?"
                               r"[\"“«]?\s*\Z")


def _arabic_writer_near(s: str, a: int, b: int) -> str | None:
    """The writer named with a verb right after the paper (``في صحيفة الحياة اعتبر حازم صاغية``, ``وفي صحيفة
    الحياة ايضا يتناول عبد الوهاب بدرخان``), or before it (``يكتب عباس النوري في صحيفة التآخي``), or after
    ``للكاتب`` (``في مقال للكاتب أكرم القصاص، عن``) — issue 15, batch 11."""
    c = cues()
    honorific = c.pattern("honorific")
    after = re.match(rf"[\"”»)]?(?:\s+(?:ايضا|أيضا|أيضاً|ايضاً))?\s*[،,]?\s+[وف]?(?:{_AR_WRITER_VERBS})\s+"
                     rf"(?:(?:{honorific})\s+)?(?P<rest>.*)", s[b:], re.S)
    if after is not None and re.search(r"(?:^|\s)[وف]?في\s+(?:\S+\s*)?\Z", s[:a]):  # "في (صحيفة) X": the writer's paper
        person = _arabic_person(after.group("rest").split()[:3])
        if person:
            return person
    lead = re.search(r"(?:^|\s)[وف]?(?:كتب|يكتب)\s+في\s+(?:\S+\s+)?\Z", s[:a])
    if lead is not None:  # "كتب في الدستور مهند مبيضين تحت عنوان": the verb and the paper, then the writer
        person = _arabic_person(s[b:].split()[:3])
        if person:
            return person
    before = re.search(rf"(?:^|\s)[وف]?(?:يكتب|تكتب)\s+(?:(?:{honorific})\s+)?(?P<rest>[^،,.:؛]*?)\s+في\s+\S+\s*\Z",
                       s[:a])
    if before is not None:
        person = _arabic_person(before.group("rest").split())
        if person and len(person.split()) == len(before.group("rest").split()):
            return person
    quoted = _QUOTED_NAME_AFTER.match(s, b)
    if quoted is not None and _EDITOR_OF_BEFORE.search(s, max(0, a - 40), a):
        # "كتب رئيس تحرير صحيفة يني شفق “حسين ليكوغلو”:": the paper's editor, named in quotes after it (session 14)
        person = _arabic_person(quoted.group("rest").split())
        if person:
            return person
    editor = re.search(rf"(?:^|\s)(?:رئيس|رئيسة|مدير|مديرة)\s+(?:تحريرها|تحريره|تحرير\s+الصحيفة|تحرير\s+الجريدة)\s+"
                       rf"(?:(?:{honorific})\s+)?(?P<rest>[^،,.:؛]+)", s[b:])
    if editor is not None:  # "نبقى مع المدى إذ يكتب رئيس تحريرها فخري كريم عن ...": its editor wrote
        person = _arabic_person(editor.group("rest").split()[:3])
        if person:
            return person
    roles_l = "|".join(re.escape("ل" + r[1:]) for r in c.words("author_role") if r.startswith("ال"))
    role = re.search(rf"(?:^|\s)(?:{roles_l})\s+(?:(?:{honorific})\s+)?(?P<rest>[^،,.:؛]+?)"
                     rf"(?=\s*[،,]|\s+(?:عن|حول|بعنوان)\s)", s)
    if role is not None:
        person = _arabic_person(role.group("rest").split())
        if person and len(person.split()) == len(role.group("rest").split()):
            return person
    return None

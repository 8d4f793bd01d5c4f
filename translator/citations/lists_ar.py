"""Several papers named in one Arabic phrase: each is an outlet (issue 15, session 9).

Reviews name two papers with the dual of the paper noun, or a list after a plural one, and then say what both
ran::

    جولة اولى في صحيفتي القدس العربي والشرق الاوسط اللتين تصدران في لندن
    سلطت الضوء صحيفتا “الراية” و”الوطن” القطريتان في مقالاتهما الافتتاحية
    أبرزت الصحف الفلسطينية الثلاث (الأيام، والحياة الجديدة، القدس)
    وقادت كل من “الأيام” و”الحياة الجديدة” بهذه القصص

:func:`paper_list` reads the names after the dual noun (``صحيفتا``/``صحيفتي``, ``جريدتا``/``جريدتي``), after ``كل
من``, or in brackets (or after ``وهي``) right after ``الصحف``/``صحف`` and its adjectives.  A name is the longest run
of one to four words (quotes and the conjunction و stripped) the registry knows exactly; the list ends at the
first word that is none, and counts only with two names or more.  A dual adjective or relative clause right
after the list (``القطريتان``, ``اللتين تصدران في لندن``) is every paper's description.
"""

from __future__ import annotations

import re
from itertools import pairwise

from translator.citations.fields import Draft
from translator.glossary.outlet_registry import OutletRegistry

__all__ = ["paper_list"]

_DUAL = re.compile(r"(?:^|(?<=[\s(،,]))[وف]?(?:ب|ل|في\s+)?(?:صحيفتي|صحيفتا|جريدتي|جريدتا|يوميتي|يوميتا)\s+")
_EACH = re.compile(r"(?:^|(?<=[\s(،,]))[وف]?كل\s+من\s+")
# "الصحف (الفلسطينية) (الثلاث) (الصادرة اليوم) (" or "... وهي": a plural noun, up to four words, then the list
_PLURAL = re.compile(r"(?:^|(?<=[\s(،,]))[وف]?(?:ال)?صحف(?:\s+(?!وهي)[\u0621-\u064a]+){0,4}?\s*(?:\(|[،,]?\s*وهي\s+)")
_WORD = re.compile(r"[\u0621-\u064a\u0640]+")
_SEPARATORS = " \t\"“”«»'‘’()،,:؛"
_DUAL_DESCRIPTION = re.compile(r"[\s\"”»)]*(?P<d>(?:اللتين|اللتان|اللذين|اللذان)\s+[^\n،,.:؛]{2,50}"
                               r"|ال[\u0621-\u064a]+(?:تان|تين|يان|يين))(?=[\s،,.:؛]|$)")
_MAX_NAME_WORDS = 4
# the paper's type in the dual ("the two dailies") is no description, as "daily" is not (benchmark convention)
_TYPE_DUALS = frozenset("اليوميتان اليوميتين الأسبوعيتان الأسبوعيتين الاسبوعيتان الاسبوعيتين".split())


def paper_list(text: str, registry: OutletRegistry) -> list[Draft]:
    """One draft per paper of the first list of two or more papers in ``text`` (offsets into ``text``), each
    with the list's dual description; [] when there is none."""
    for pattern in (_DUAL, _EACH, _PLURAL):
        for m in pattern.finditer(text):
            names, end = _names(text, m.end(), registry)
            if len(names) < 2:
                continue
            leaning = None
            d = _DUAL_DESCRIPTION.match(text, end)
            if d is not None and pattern is not _EACH and d.group("d") not in _TYPE_DUALS:
                leaning = d.group("d").strip()
            return [Draft("press_review_attribution", m.start(), len(text.rstrip()), outlet=name, leaning=leaning,
                          confidence=0.7) for name in names]
    return []


def _names(text: str, i: int, registry: OutletRegistry) -> tuple[list[str], int]:
    """The registry names listed from ``i`` on, and where the list ends."""
    names: list[str] = []
    end = i
    while True:
        j = i
        while j < len(text) and (text[j] in _SEPARATORS or (names and text[j] == "و" and text[j + 1:j + 2]
                                                            and text[j + 1] in _SEPARATORS)):
            j += 1  # spaces, quotes, commas, and a conjunction standing alone ("“الراية” و”الوطن”")
        words = list(_WORD.finditer(text, j))
        if not words or words[0].start() != j:
            return names, end
        if names and words[0].group().startswith("و") and len(words[0].group()) > 2:
            # "والشرق الاوسط": the conjunction glued to the next name
            first = words[0]
            glued = (first.start() + 1, first.end())
        else:
            glued = None
        found = None
        for n in range(min(_MAX_NAME_WORDS, len(words)), 0, -1):
            span = words[:n]
            if any(text[a.end():b.start()].strip(" ") for a, b in pairwise(span)):
                continue  # a quote or a comma inside: not one name
            for start in ([glued[0]] if glued else []) + [span[0].start()]:
                name = text[start:span[-1].end()]
                match = registry.resolve(name)
                if match.outlet is not None and match.method == "exact":
                    found = (name, span[-1].end())
                    break
            if found:
                break
        if found is None:
            return names, end
        names.append(found[0])
        i = end = found[1]
        while i < len(text) and text[i] in "\"“”«»'‘’)":
            i += 1
        end = i

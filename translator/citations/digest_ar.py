"""The day an Arabic press review reviews (issue 15, session 8).

An Arabic review page names its day once, at the top, and not again for each paper under it:

- its title or lead: ``أسرار الصحف اللبنانية الصادرة اليوم الأربعاء 14 كانون الثاني 2026``,
  ``اهتمامات الصحف العراقية الصادرة اليوم الاثنين المصادف 27 -1-2020``,
  ``تحدثت الصحف الفلسطينية الثلاث، اليوم السبت 23 نوفمبر 2019، عن ...``;
- or a line that holds only the page's date and time, above the report: ``2015-09-28 - 4:52 م``.

:func:`arabic_review_date` reads such a line; the parser gives its day to the papers cited after it that carry no
date of their own (as :func:`translator.citations.digest_en.review_date` does for English digests).  Only a
complete date read without doubt counts (never a guess: a month alone, or an ambiguous numeric date, gives none).
"""

from __future__ import annotations

import re

from translator.citations.fields import dates_of
from translator.dates import DateResult, best_date
from translator.text.arabic import is_arabic

__all__ = ["arabic_review_date", "slash_quotes"]

# a review's own words: the papers, their headlines or editorials, and that they came out today
_PRESS = re.compile(r"(?:^|[\s(«\"“،,])(?:[وف]?(?:ال)?صحف|[وف]?(?:ال)?صحافة|[وف]?(?:ال)?جرائد|عناوين|أسرار|اسرار|"
                    r"افتتاحيات|مانشيتات|اهتمامات|أبرز\s+(?:ما\s+(?:نشرت|تناولت)|مستجدات|الأخبار|أخبار))(?=[\s،,:]|$)")
_TODAY = re.compile(r"(?:الصادرة|الصادر|اليوم|ليوم|صباح|لهذا\s+اليوم)(?=[\s،,:]|$)")
# what may stand beside a date on a line of its own: a time, AM/PM, the era letters, separators
_DATE_LINE_REST = re.compile(r"^[\s\d:.,،|/\-–—]*(?:(?:م|ص|مساء|مساءً|صباحا|صباحاً|GMT|AM|PM|am|pm)[\s\d:.,،|/\-–—]*)*$")


def arabic_review_date(line: str) -> DateResult | None:
    """The complete, unambiguous date of an Arabic review's title or lead line, or of a line that holds only a date
    and a time; None for any other line."""
    line = line.strip()
    if not line or len(line) > 400 or not re.search(r"[\d\u0660-\u0669]", line):
        return None
    dates = dates_of(line)  # parse_date's reading, from the dates the parser remembers for the line (issue 20)
    if not dates:
        return None  # parse_date gives no date (a relative one has none without the page's own date)
    found = best_date(line, dates)
    if found.date is None or len(found.date) != 10 or found.ambiguous or found.start is None:
        return None
    rest = line[:found.start] + " " + line[found.end or found.start:]
    if _DATE_LINE_REST.match(rest):
        return found  # "2015-09-28 - 4:52 م": the page's own date line
    if not is_arabic(line):
        return None
    head = line[:found.start]
    return found if _PRESS.search(head) and _TODAY.search(line) else None


# Qatar News Agency and the papers that take its copy set titles and names between slashes: "وتحت عنوان /عامان من
# الصمود/، قالت صحيفة /الوطن/ في افتتاحيتها"; a dated or numbered "26/سبتمبر /1962" is no such pair
_SLASHED = re.compile(r"(?:^|(?<=[\s(:،,]))/(?P<q>[\u0621-\u064a][^/\n\d]{0,120}?[\u0621-\u064a!؟?.])/"
                      r"(?=[\s،,.:؛)]|$)", re.MULTILINE)


def slash_quotes(text: str) -> str:
    """The text with each slash pair around Arabic words read as guillemets (« »), one character for one, so
    offsets stay valid: ``قالت صحيفة /الوطن/`` -> ``قالت صحيفة «الوطن»``."""
    if "/" not in text or not is_arabic(text):
        return text
    return _SLASHED.sub(lambda m: "«" + m.group("q") + "»", text)

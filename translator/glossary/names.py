"""Names no layer of the term base knows: found where the text marks them, romanized by rule (issue 16).

A person named in the news is usually introduced by a title or an office (``data/name_titles.tsv``):
``السيد لفتيت``, ``العقيد رمضان شريف``, ``وزير الداخلية، كمال بلجود،``, ``وزير الداخلية التركي سليمان صويلو``.
After a *title* the name follows at once; after a *role*, words of the office that carry the article
(الداخلية، التركي) and ``باسم …`` may come first, then, often after a comma, the name. A name is two to four
words that are not function words or common verbs (wordfreq: an ordinary word is much more frequent than a
name part, unless ``name_romanization.tsv`` lists it as one); one word is enough after a title.

The name is romanized in press style by ``data/name_romanization.tsv`` (whole name parts first, then letters)
for the region the text's places point to (Maghreb ``Dj``/``ou``/``El``, Levant ``Ch``/``ou``, Gulf ``Al-``),
and returned as a match of layer ``romanized``: a guess, never presented as a glossary rendering and never
enforced. :class:`CandidateCounter` gathers them over a batch into the ``glossary_candidates`` table.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..text.arabic import analyses, data_table, normalize, original_span
from .entry import GlossaryEntry, TermMatch
from .wordinfo import common_zipf, prepared

__all__ = ["CANDIDATE_COLUMNS", "CandidateCounter", "find_names", "find_places", "region_of", "romanize"]

REGIONS = {"maghreb": {"DZ", "MA", "TN", "LY", "MR", "EH"}, "levant": {"LB", "SY", "JO", "PS"},
           "gulf": {"SA", "AE", "QA", "KW", "BH", "OM", "YE"}}
COMMON_WORD = 4.6  # zipf: a word this frequent (a verb, a preposition) ends a name unless listed as a name part
JOINED_WORD = 3.5  # zipf of the stem behind a proclitic (ونظيره → نظيره) that makes the word an ordinary one
_MAX_ROLE_WORDS = 6
OFFICE_NOUN = 4.6  # zipf: a word without the article this frequent, before one with it, is part of an office
_MAX_NAME_WORDS = 4
CANDIDATE_COLUMNS = ("source", "romanized", "type", "count", "documents", "examples")


@cache
def _titles() -> dict[str, str]:
    return {normalize(row["word"]): row["kind"] for row in data_table("name_titles.tsv")}


@cache
def _table() -> dict[tuple[str, str], dict[str, str]]:
    rows = data_table("name_romanization.tsv")
    return {(normalize(r["arabic"]) if r["kind"] != "letter" else r["arabic"], r["kind"]): r for r in rows}


def _zipf(word: str) -> float:
    """The word's frequency (zipf), 0 for a word under 3.5 (rare words and most name parts)."""
    return common_zipf(word)


def region_of(countries: Iterable[str]) -> str:
    """The romanization region of a text from the countries its places are in (``default`` if none or mixed)."""
    found = {region for region, codes in REGIONS.items() for c in countries if c in codes}
    return found.pop() if len(found) == 1 else "default"


def romanize(name: str, region: str = "default") -> str:
    """``name`` (Arabic) in Latin letters by ``name_romanization.tsv``: ``كمال بلجود`` → ``Kamal Beldjoud``."""
    table = _table()
    parts: list[str] = []
    abd = table[("عبد", "word")][region] or table[("عبد", "word")]["default"]
    words = normalize(name).split()
    words = [part for word in words for part in ((word[:-5], "الدين") if word.endswith("الدين") and len(word) > 6
                                                 and (word[:-5], "word") in table else (word,))]  # نورالدين
    words = [part for word in words for part in (("عبد", word[3:]) if word.startswith("عبدال") and len(word) > 6
                                                 and (word, "word") not in table else (word,))]  # عبدالرحمن
    for word in words:
        known = table.get((word, "word"))
        if word == "الدين" and parts and region == "maghreb":
            parts[-1] += "eddine"  # نور الدين → Noureddine, as the Maghreb's press writes it
            continue
        after_abd = bool(parts) and parts[-1] == abd and word.startswith("ال") and len(word) > 3
        if after_abd:
            second = table.get((word, "abd")) or known
            if second is None or region == "maghreb":  # عبد الوافي → Abdelwafi, عبد الرحمن → Abderrahmane
                parts[-1] = _abd_name(abd, word, second, region)
                continue
            known = second  # عبد القادر → Abdul Qadir
        if known:
            parts.append(known[region] or known["default"])
            continue
        article = ""
        if word.startswith("ال") and len(word) > 3:
            row = table[("ال", "article")]
            article, word = row[region] or row["default"], word[2:]
            known = table.get((word, "word"))
        body = (known[region] or known["default"]) if known else _letters(word, region)
        body = body[:1].upper() + body[1:]
        parts.append(f"{article}{body}" if article.endswith("-") or not article else f"{article} {body}")
    return " ".join(parts)


_SUN_LETTERS = frozenset("تثدذرزسشصضطظلن")


def _abd_name(abd: str, word: str, known: dict[str, str] | None, region: str) -> str:
    """عبد + a name with the article, as one word: in the Maghreb a sun letter doubles (Abderrahmane,
    Abdessalam; Abdelkader before a moon letter); elsewhere the article's l joins (Abdulwahid) when no row
    names the second part."""
    body = ((known[region] or known["default"]) if known else _letters(word[2:], region)).lower()
    if region == "maghreb" and word[2] in _SUN_LETTERS and abd.endswith("el") and body[:1] not in "aeiou":
        return abd[:-1] + body[0] + body  # Abdel + rahmane → Abderrahmane
    return abd + body


def _letters(word: str, region: str) -> str:
    table = _table()
    out = []
    for k, letter in enumerate(word):
        row = table.get((letter, "letter"))
        latin = (row[region] or row["default"]) if row else ""
        yu = 0 < k < len(word) - 2 and word[k + 1] == "و" and word[k + 2] not in "اويه"  # consonant y, vowel u
        if letter == "و" and k > 1 and word[k - 1] == "ي" and word[k - 2] not in "اوي" and k + 1 < len(word) \
                and word[k + 1] not in "اويه":
            pass  # the u of ـيو before a consonant: سعيود → Sayoud, عيوش → Ayouch (not Saiwd)
        elif letter == "ي" and yu and word[k - 1] not in "اوي":
            latin = "y"
        elif letter == "و" and (k == 0 or word[k - 1] in "اوي"):
            latin = "w"
        elif letter == "ي" and k == len(word) - 1 and k > 1 and word[k - 1] in "او":
            latin = "i"  # a final ي after a long vowel is the nisba ending: المندلاوي → al-Mandalawi, بدوي → Bedoui
        elif letter == "ي" and (k == 0 or word[k - 1] in "اوي"):
            latin = "y"
        elif letter == "ه" and k < len(word) - 1:
            latin = "h"  # the row's "a" is ة folded to ه, which only ends a word: الهبارية → al-Habaria
        out.append(latin)
    text = "".join(out)
    if len(out) > 1 and out[0] and out[1] and out[0][-1] not in "aeiou" and out[1][0] not in "aeiou":
        vowel = table[("-", "vowel")]
        text = out[0] + (vowel[region] or vowel["default"]) + "".join(out[1:])  # شقرا → Shaqra, بلجود → Beldjoud
    return text


def find_names(text: str, taken: Sequence[TermMatch], region: str = "default") -> list[TermMatch]:
    """Person names marked by a title or role in ``text`` that no match in ``taken`` covers, as matches of
    layer ``romanized`` (offsets into ``text``)."""
    if not any(key in text for key in _title_keys()):
        return []
    normalized, offsets, plain = prepared(text)
    folded = _folded_prepositions()
    words = [(start, end, "في" if word in folded and _preposition(text[offsets[start]:offsets[end - 1] + 1])
              else word) for start, end, word in plain]
    busy = [(m.start - len(m.clitic), m.end) for m in taken if not _yields(m)]
    places: set[int] = set()
    ends: list[int] | None = None
    for m in taken:  # the indexes of the words a place match covers
        if m.type == "place":
            if ends is None:
                ends = [offsets[we] for _, we, _ in words]
            s, e = m.start - len(m.clitic), m.end
            k = bisect_right(ends, s)
            while k < len(words) and offsets[words[k][0]] < e:
                places.add(k)
                k += 1
    found: list[TermMatch] = []
    done = -1  # the last word index a name found so far ends at
    k = 0
    while k < len(words):
        kind = _title_kind(words[k][2])
        span = _name_after(words, normalized, k, kind, places) if kind in ("title", "role") else None
        if kind == "role" and k > done + 2:
            before = _name_before(words, normalized, k, done)
            if before is not None:
                _add_name(text, offsets, words, before, busy, region, found)
        if span is None:
            k += 1
            continue
        _add_name(text, offsets, words, span, busy, region, found)
        done = span[1]
        k = span[1] + 1
    return sorted(found, key=lambda m: m.start)


# Village and town cues (as in data/place_cues.tsv) a name no layer holds follows: بلدات قبريخا والصوانة وخربة
# سلم; the dual (بلدتي كفرشوبا والهبارية "the towns of ... and ...") too. The cue as a word of its own, maybe
# after و/ف/ب/ل (not البلاد, المدينة: the article makes it no cue).
_VILLAGE_CUE = re.compile(r"(?:بلدات|بلدتي|بلدة|قريتي|قرية|قرى|مدينتي|مدينة|مخيمي|مخيم)(?=\s)")
_VILLAGE_CUE_START = re.compile(r"(?:^|[\s«\"'(،,])[وفبل]{0,2}$")
_VILLAGE_KEYS = ("بلد", "قري", "قرى", "مدين", "مخيم")
_MAX_LIST = 12
PLACE_WORD = 3.5  # zipf: a word this frequent (an adjective, a noun: المدينة القديمة) is no village name
GENERIC_NEXT = 5.0  # zipf: the word after خربة، عين، مجدل may be more frequent (سلم), not a function word


@cache
def _generics() -> dict[str, str]:
    return {normalize(row["word"]): row["latin"] for row in data_table("place_generics.tsv")}


def find_places(text: str, taken: Sequence[TermMatch], region: str = "default") -> list[TermMatch]:
    """Village and town names no layer holds, after a village cue (بلدة، بلدات، قرية، قرى، مدينة، مخيم) and on
    through a list joined by و (بلدات قبريخا والصوانة وخربة سلم), as matches of layer ``romanized`` and type
    ``place``: one word that is no ordinary word, or a word that opens village names (``place_generics.tsv``:
    خربة → Khirbet) and the next. Names a match in ``taken`` covers keep their match and the list goes on."""
    if not any(key in text for key in _VILLAGE_KEYS):  # a fast look before the regular expression
        return []
    cue_starts = [m.end() for m in _VILLAGE_CUE.finditer(text)
                  if _VILLAGE_CUE_START.search(text, max(0, m.start() - 3), m.start())]
    if not cue_starts:
        return []
    normalized, offsets, words = prepared(text)
    covered = [(m.start - len(m.clitic), m.end) for m in taken]
    found: list[TermMatch] = []
    ends = [offsets[e - 1] + 1 for _, e, _ in words]
    for cue_end in cue_starts:
        k = bisect_left(ends, cue_end)  # the cue's word
        if k >= len(words) or ends[k] != cue_end:
            continue
        i, first = k + 1, True
        while i < len(words) and len(found) < _MAX_LIST * 4:
            held = [e for s, e in covered if s <= offsets[words[i][0]] < e]  # a known place: the list goes on
            item = (("", max(j for j in range(i, len(words)) if offsets[words[j][0]] < held[0]))
                    if held else _village_at(words, i, first))
            if item is None:
                break
            clitic, last = item
            start, end = original_span(text, offsets, words[i][0] + len(clitic), words[last][1])
            if not held and not any(m.start < end and start < m.end for m in found):
                surface = text[start:end]
                target = _village_name(surface, _place_region(region))
                entry = GlossaryEntry(normalize(surface), target, "place", note="romanized by rule; check it",
                                      flags=("no-enforce",), layer="romanized")
                found.append(TermMatch(start, end, surface, entry.source, target, "place",
                                       text[offsets[words[i][0]]:start] if clitic else "", entry, "romanized"))
            gap = normalized[words[last][1]:words[last + 1][0]] if last + 1 < len(words) else ""
            if last + 1 >= len(words) or gap.strip() not in ("", "،", ",") or not words[last + 1][2].startswith("و"):
                break
            i, first = last + 1, False
    return sorted(found, key=lambda m: m.start)


def _village_at(words: Sequence[tuple[int, int, str]], i: int, first: bool) -> tuple[str, int] | None:
    """(proclitic, last word index) of a village name opening at word ``i`` (a list item after the first opens
    with و), or None."""
    word = words[i][2]
    clitic = ""
    if not first:
        if not word.startswith("و") or len(word) < 3:  # وتل واسط
            return None
        clitic, word = "و", word[1:]
    generics = _generics()
    if word in generics and i + 1 < len(words) and _village_word(words[i + 1][2], GENERIC_NEXT):
        return clitic, i + 1  # مجدل سلم: the word after خربة، مجدل، عين may be a common one (سلم "peace")
    return (clitic, i) if _village_word(word) and not _title_kind(word) else None


def _village_word(word: str, most: float = 0.0) -> bool:
    return len(word) >= 3 and not word.isdigit() and _zipf(word) < (most or PLACE_WORD) \
        and not _joined_word(word) and not _preposition(word)


def _village_name(surface: str, region: str) -> str:
    """A village name in press style: the opening word by ``place_generics.tsv``, the rest by :func:`romanize`."""
    first, _, rest = normalize(surface).partition(" ")
    generic = _generics().get(first)
    if generic and rest:
        return f"{generic} {romanize(rest, region)}"
    return romanize(surface, region)


def _place_region(region: str) -> str:
    """Villages follow English-language journalism everywhere but the Maghreb (Qabrikha, Shaqra, not the
    French-style Kebrikha, Chekra the Levant's personal names keep)."""
    return region if region == "maghreb" else "default"


def _add_name(text: str, offsets: list[int], words: Sequence[tuple[int, int, str]], span: tuple[int, int],
              busy: list[tuple[int, int]], region: str, found: list[TermMatch]) -> None:
    first, last = span
    start, end = original_span(text, offsets, words[first][0], words[last][1])
    if not any(s < end and start < e for s, e in busy) and not any(m.start < end and start < m.end for m in found):
        surface = text[start:end]
        target = romanize(surface, region)
        entry = GlossaryEntry(normalize(surface), target, "person", note="romanized by rule; check it",
                              flags=("no-enforce",), layer="romanized")
        found.append(TermMatch(start, end, surface, entry.source, target, "person", "", entry, "romanized"))


# Prepositions written with alif maqsura, which the fold makes look like names (على → علي "Ali").
_MAQSURA_PREPOSITIONS = frozenset({"على", "إلى", "الى", "حتى", "لدى", "متى"})


@cache
def _folded_prepositions() -> frozenset[str]:
    """The matching forms of those prepositions (علي), the only words :func:`_preposition` needs to look at."""
    return frozenset(normalize(c + w) for w in _MAQSURA_PREPOSITIONS for c in ("", "و", "ف"))


def _preposition(word: str) -> bool:
    """Whether ``word`` as written is one of those prepositions, maybe after و or ف (وعلى)."""
    return word in _MAQSURA_PREPOSITIONS or (word[:1] in "وف" and word[1:] in _MAQSURA_PREPOSITIONS)


def _yields(match: TermMatch) -> bool:
    """A gazetteer town or region inside a name a title or role introduces gives way to the name
    (وزير العدل يلماز تونج: Tonj is a town in South Sudan); a country does not (السفير الفلسطيني في دمشق), nor
    a place behind a proclitic (بجرجا "in Girga" ends the name before it)."""
    return match.layer == "gazetteer" and not match.clitic and not match.ambiguous and match.entry is not None \
        and not match.entry.note.startswith("cldr:")


@cache
def _title_keys() -> tuple[str, ...]:
    """Letters every spelling of each title word holds (no article, alif or final ه/ي), to skip texts fast
    without folding them: taken from the words as written (رئيس) and folded (رييس)."""
    written = [row["word"] for row in data_table("name_titles.tsv") if row["kind"] != "speech"]
    folded = [word for word, kind in _titles().items() if kind != "speech"]
    keys = {word.removeprefix("ال").lstrip("اأإآ").rstrip("هةيى") for word in [*written, *folded]}
    return tuple(k for k in keys if len(k) >= 2)


@lru_cache(maxsize=65536)
def _title_kind(word: str) -> str | None:
    titles = _titles()
    for reading in analyses(word):
        kind = titles.get(reading.stem)
        if kind:
            return kind
    if word.endswith("ا") and len(word) > 4:  # the accusative's tanween alif: سمى … محافظاً, عُيّن وزيراً
        return _title_kind(word[:-1])
    return None


def _comma_after(normalized: str, word: tuple[int, int, str]) -> bool:
    return normalized[word[1]:word[1] + 2].lstrip()[:1] in {"،", ","}


def _name_after(words: Sequence[tuple[int, int, str]], normalized: str, k: int,
                kind: str, places: set[int] = frozenset()) -> tuple[int, int] | None:
    """(first, last) word index of the name a title or role at ``k`` introduces, or None. ``places``: the
    indexes of words a place match covers (حاكم عثمانية, السفير الفلسطيني في دمشق: part of the office)."""
    i = k + 1
    if kind == "role" and not _comma_after(normalized, words[k]):
        skipped = 0
        while i < len(words) and skipped < _MAX_ROLE_WORDS and not _comma_after(normalized, words[i - 1]):
            if i in places or _office_word(words[i][2]) or _office_noun(words, i):
                i += 1
            elif words[i][2] in _PLACE_PREPOSITIONS and i + 1 in places:
                i += 2  # في دمشق
            else:
                break
            skipped += 1
    first, counted = i, 0
    while i < len(words) and counted < _MAX_NAME_WORDS and (_name_part(words[i][2], i - first) or (
            i > first and (words[i][2] in _LINKS or words[i - 1][2] in _LINKS) and len(words[i][2]) > 1
            and not _title_kind(words[i][2]))):
        # a lineage (نسب) is one name however long: بن and the father's name after it do not count
        counted += not (words[i][2] in _LINKS or (i > first and words[i - 1][2] in _LINKS))
        i += 1
        if _comma_after(normalized, words[i - 1]):
            break
    last = i - 1
    while last > first and words[last][2] in _LINKS:
        last -= 1  # فهد بن at the edge: the lineage was cut by a comma or the end
    wanted = 1 if kind == "title" else 2
    if last - first + 1 < wanted:
        return None
    return first, last


_PLACE_PREPOSITIONS = frozenset({"في", "لدي", "ب"})
_LINKS = frozenset({"بن", "ابن", "بنت", "ال"})  # folded: "son of", "daughter of" in a lineage; آل "house of"


def _office_noun(words: Sequence[tuple[int, int, str]], i: int) -> bool:
    """A common noun without the article before one with it: the head of an office's construct (رئيس مجلس
    الوزراء, رئيس هيئة الرأي): frequent enough that it is not a first name."""
    return (i + 1 < len(words) and _zipf(words[i][2]) >= OFFICE_NOUN and (words[i][2], "word") not in _table()
            and any(r.stem.startswith("ال") for r in analyses(words[i + 1][2])))


def _name_before(words: Sequence[tuple[int, int, str]], normalized: str, k: int,
                 done: int) -> tuple[int, int] | None:
    """(first, last) of a name of two to four words set before the role at ``k`` by a comma
    (``قال حسن العلاف، نائب محافظ نينوى``), not reaching back over word ``done``; or None. The name must
    open the text or a clause, follow a verb of saying, or start with a known first name. Without the comma,
    a name that starts with a known first name may stand right before a role with the article (apposition:
    ``إن نور الدين الطبوبي الأمين العام``) or in the accusative (``اختيار زيد مؤيد نائباً``)."""
    if k < 2:
        return None
    comma = _comma_after(normalized, words[k - 1])
    if not comma and not _apposed_role(words[k][2]):
        return None
    last = first = k - 1
    while first - 1 > done and last - first + 1 < _MAX_NAME_WORDS and not _comma_after(normalized, words[first - 1]) \
            and _name_part(words[first - 1][2], 1):
        first -= 1
    while first < last and not _name_part(words[first][2], 0):
        first += 1
    if last - first + 1 < 2 or not _name_part(words[last][2], 1):
        return None
    opens = first == 0 or _title_kind(words[first - 1][2]) == "speech" or _comma_after(normalized, words[first - 1])
    if (not opens or not comma) and (words[first][2], "word") not in _table():
        return None  # على هامش القمة، الوزير: no verb of saying, no clause start, no known first name
    return first, last


def _apposed_role(word: str) -> bool:
    """A role word that may follow a name with no comma: with the article (الأمين، الرئيس) or in the
    accusative (نائباً، رئيساً: the tanween alif)."""
    return (word.startswith("ال") and _title_kind(word) == "role") or (
        word.endswith("ا") and len(word) > 4 and _title_kind(word[:-1]) == "role")


def _office_word(word: str) -> bool:
    """A word of an office between a role and the name: with the article (والجماعات، التركي), a common word
    after a conjunction (وقضايا المرأة) or باسم/لدى."""
    return word in {"باسم", "لدي"} or any(r.stem.startswith("ال") for r in analyses(word)) or _joined_word(word)


def _joined_word(word: str) -> bool:
    """An ordinary word behind a proclitic (ونظيره "and his counterpart", لحزب "of the party"), more frequent
    than the whole word read as one (بدوي is a name, not ب + دوي "a roar")."""
    whole = _zipf(word)
    return any(r.clitic and r.clitic != "ك" and _zipf(r.stem) >= max(JOINED_WORD, whole)
               for r in analyses(word)[1:])


def _name_part(word: str, position: int) -> bool:
    if len(word) < 2 or word.isdigit() or _title_kind(word):
        return False
    if (word, "word") in _table():
        return True
    if position == 0 and word.startswith("ال") and (word[2:], "word") in _table() and _zipf(word) < COMMON_WORD:
        return True  # a listed name with the article (السعيد سعيود, الطيب البكوش)
    if position == 0 and (word.startswith("ال") or (word.startswith("ي") and _zipf(word) >= JOINED_WORD)):
        return False  # a name opens with neither the article (الحكومة) nor a verb's prefix (يهرب; يلماز is rare)
    return _zipf(word) < COMMON_WORD and not _joined_word(word)


@dataclass
class CandidateCounter:
    """Romanized names over a batch, for the ``glossary_candidates`` table: each Arabic name (matching form)
    with its romanization, how often and in how many documents it was found, and up to three examples."""

    counts: Counter = field(default_factory=Counter)
    documents: dict[str, set[str]] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add_segments(self, segments: Iterable[dict]) -> None:
        """Count the ``romanized`` terms of segment rows (``glossary_terms`` + ``term_layers`` columns)."""
        for segment in segments:
            terms = (segment.get("glossary_terms") or "").split("; ")
            layers = (segment.get("term_layers") or "").split("; ")
            for term, layer in zip(terms, layers, strict=False):
                if layer != "romanized" or "=" not in term:
                    continue
                surface, romanized = term.split("=", 1)
                key = normalize(surface)
                self.counts[key] += 1
                self.documents.setdefault(key, set()).add(str(segment.get("doc_id")))
                self.names.setdefault(key, (surface, romanized))
                examples = self.examples.setdefault(key, [])
                if len(examples) < 3:
                    examples.append(" ".join(str(segment.get("text", "")).split())[:160])

    def rows(self) -> list[dict[str, object]]:
        """Table rows, most frequent first (columns :data:`CANDIDATE_COLUMNS`)."""
        return [{"source": self.names[key][0], "romanized": self.names[key][1], "type": "person", "count": count,
                 "documents": len(self.documents[key]), "examples": " | ".join(self.examples[key])}
                for key, count in sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))]

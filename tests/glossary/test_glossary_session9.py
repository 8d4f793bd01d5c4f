"""Session 9 of issue 16. Outlets named after a dual or plural lead (trial F6): in صحيفتي الشرق الأوسط والحياة
both names are papers, not the Middle East and "life"; a registry name a glossary file took over (الشرق الأوسط,
the Middle East in places.tsv) is still the outlet after an outlet word, and still the region everywhere else."""

from __future__ import annotations

from translator.glossary import Glossary
from translator.glossary.entry import GlossaryEntry
from translator.glossary.match import plural_outlet_words
from translator.glossary.outlets import displaced_outlet_entries
from translator.text.arabic import fold


def _targets(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.target) for m in glossary.match(text)]


def test_dual_lead_names_two_papers(glossary: Glossary) -> None:
    found = _targets(glossary, "وقالت صحيفتي الشرق الاوسط والحياة إن الوزير سيزور بيروت")
    assert ("صحيفتي الشرق الاوسط", "Asharq Al-Awsat") in found
    assert ("الحياة", "Al-Hayat") in found
    assert all(target != "Middle East" for _, target in found)


def test_coordinated_name_that_a_file_displaced_is_the_paper(glossary: Glossary) -> None:
    found = _targets(glossary, "وقالت صحيفتا الحياة والشرق الأوسط إن الوزير سيزور بيروت")
    assert ("الحياة", "Al-Hayat") in found
    assert ("الشرق الأوسط", "Asharq Al-Awsat") in found


def test_the_region_stays_the_region(glossary: Glossary) -> None:
    """Without an outlet word before it, الشرق الأوسط is the Middle East; والحياة after a place is no paper."""
    assert ("الشرق الأوسط", "Middle East") in _targets(glossary, "زار الوزير الشرق الأوسط والحياة فيه صعبة")
    assert ("الشرق الأوسط", "Middle East") in _targets(glossary, "قالت الشرق الأوسط إن")
    assert ("الحياة", "Al-Hayat") not in _targets(glossary, "زار الوزير الشرق الأوسط والحياة فيه صعبة")


def test_singular_lead_does_not_chain(glossary: Glossary) -> None:
    """One paper after صحيفة: the word after و is not taken for a second outlet."""
    found = _targets(glossary, "نقلت صحيفة الشرق الأوسط والحياة اليومية للناس صعبة")
    assert ("صحيفة الشرق الأوسط", "Asharq Al-Awsat") in found
    assert all(target != "Al-Hayat" for _, target in found)


def test_chain_stops_at_a_name_no_outlet_holds(glossary: Glossary) -> None:
    found = _targets(glossary, "وقالت صحيفتي الشرق الأوسط والوزير إن")
    assert [t for _, t in found if t == "Asharq Al-Awsat"] == ["Asharq Al-Awsat"]
    assert len([t for s, t in found if "الوزير" in s and t == "Asharq Al-Awsat"]) == 0


def test_plural_leads_come_from_the_data_file() -> None:
    leads = plural_outlet_words()
    assert {fold("صحيفتي"), fold("صحف"), fold("قناتي")} <= leads
    assert fold("صحيفة") not in leads


def test_displaced_outlet_entries() -> None:
    """Only a quoted outlet whose spelling a higher file took over gets lead forms; spellings held are skipped."""
    outlet = GlossaryEntry("الشرق الأوسط", "Asharq Al-Awsat", "outlet", flags=("quoted",))
    kept = GlossaryEntry("الأيام", "Al-Ayyam", "outlet", flags=("quoted",))
    place = GlossaryEntry("الشرق الأوسط", "Middle East", "place")
    held = GlossaryEntry("جريدة الشرق الأوسط", "Asharq Al-Awsat", "outlet")
    found = displaced_outlet_entries([outlet, kept], [place, kept, held])
    assert len(found) == 1
    entry = found[0]
    forms = {fold(s) for s in (entry.source, *entry.variants)}
    assert fold("صحيفة الشرق الأوسط") in forms and fold("صحيفتي الشرق الأوسط") in forms
    assert fold("جريدة الشرق الأوسط") not in forms
    assert entry.target == "Asharq Al-Awsat" and "quoted" not in entry.flags
    assert displaced_outlet_entries([outlet, kept], [outlet, kept]) == []


def test_place_inside_a_company_or_bay_name_is_not_the_place(glossary: Glossary) -> None:
    """name_heads.tsv (issue 16, build halves: شركة سرت, خليج حيفا): a place right after شركة، فندق، خليج is part of
    that longer name; no rendering of the place alone. The place elsewhere, or after another word, is kept."""
    assert _targets(glossary, "وقالت شركة سرت لإنتاج وتصنيع النفط والغاز إن الإنتاج ارتفع") == []
    assert ("حيفا", "Haifa") not in _targets(glossary, "رست السفينة في خليج حيفا أمس")
    assert ("سرت", "Sirte") in _targets(glossary, "وصل الوزير إلى سرت أمس")
    assert ("حيفا", "Haifa") in _targets(glossary, "وصلت السفينة إلى ميناء حيفا أمس")


def test_session9_rows_match_and_carry_sources(glossary: Glossary) -> None:
    """Rows added from the build halves' misses (real sentences of those halves, shortened), each with a source."""
    cases = [("وشارك في اجتماع مجلس وزراء الداخلية العرب في تونس", "مجلس وزراء الداخلية العرب",
              "Arab Interior Ministers Council"),
             ("وقال المرصد السوري إن القصف استهدف ريف إدلب", "المرصد السوري", "Syrian Observatory for Human Rights"),
             ("وأعلن التحالف العربي اعتراض طائرة مسيرة", "التحالف العربي", "Saudi-led coalition"),
             ("وكان وزير الداخلية فتحي باشاغا قد زار تونس", "فتحي باشاغا", "Fathi Bashagha"),
             ("ذكرت هيئة الإذاعة البريطانية أن", "هيئة الإذاعة البريطانية", "BBC")]
    for text, surface, target in cases:
        assert (surface, target) in _targets(glossary, text), text
    added = [e for e in glossary if e.target in {t for _, _, t in cases} and e.layer == "glossary"]
    assert added and all("source" in e.note for e in added if e.file.endswith((".tsv",)))


def test_bare_spellings_of_maghreb_towns() -> None:
    """gazetteer_build.bare_spellings: الرويبة also as رويبة (rare as a word), not بليدة (an ordinary word), not a
    bare form another place holds, not outside the Maghreb, not a country."""
    from translator.glossary.gazetteer_build import GazetteerPlace, bare_spellings

    rouiba = GazetteerPlace("t:1", "Rouiba", "city", "DZ", 60000, ["الرويبة"])
    blida = GazetteerPlace("t:2", "Blida", "city", "DZ", 300000, ["البليدة"])
    iraqi = GazetteerPlace("t:3", "Rumaytha", "city", "IQ", 50000, ["الرميثة"])
    held = GazetteerPlace("t:4", "Argoub", "city", "EH", 5000, ["العركوب"])
    other = GazetteerPlace("t:5", "Arkoub", "city", "MA", 5000, ["عركوب"])
    bare_spellings([rouiba, blida, iraqi, held, other])
    assert rouiba.spellings == ["الرويبة", "رويبة"]
    assert blida.spellings == ["البليدة"] and iraqi.spellings == ["الرميثة"] and held.spellings == ["العركوب"]


def test_bare_maghreb_town_in_text(glossary: Glossary) -> None:
    assert ("رويبة", "Rouiba") in _targets(glossary, "وقع الحادث في بلدية رويبة شرق العاصمة")


def test_bodies_named_after_a_place_are_the_bodies(glossary: Glossary) -> None:
    """مصرف لبنان is Lebanon's central bank and مصر للطيران the airline, not "Lebanon" and "Egypt" (session 9 rows)."""
    assert ("مصرف لبنان", "Banque du Liban") in _targets(glossary, "قال حاكم مصرف لبنان إن الاحتياطي ثابت")
    assert ("مصر للطيران", "EgyptAir") in _targets(glossary, "أعلنت مصر للطيران استئناف رحلاتها إلى الدوحة")
    assert ("لبنان", "Lebanon") in _targets(glossary, "زار الوزير لبنان أمس")

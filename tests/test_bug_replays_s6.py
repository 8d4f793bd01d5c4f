"""Public bug reports replayed on the toolkit, sixth session: the kinds that failed, with further instances.

Each test names the report it comes from (``benchmarks/data/bug_replays.tsv`` lists them with what the toolkit
gave before and after; ``benchmarks/bug_replays.py`` replays them). The kinds: web addresses, e-mail
addresses and @handles outweighing a short Arabic text in language detection; addresses mangled by the
translation model; character references (``&quot;``) written by a model or left double-escaped by a CAT tool;
fully vocalized Arabic cut letter by letter; the model's unknown-word token passed as a translation; a CAT
tool's "copy source to target" refusing a whole review file; Tifinagh merged into Arabic runs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from translator import detect, detect_many, detect_runs

HEADLINE = "لافروف: علاقاتنا مع الجزائر تصل إلى مستوى جديد"  # the tiny model knows this one
HEADLINE_EN = "Lavrov: Our relations with Algeria have reached a new level"
SECOND = "تبون يستقبل وزير الخارجية الروسي"
SECOND_EN = "Tebboune receives the Russian foreign minister"


# --------------------------------------------------------------- addresses are in no language (detection)
@pytest.mark.parametrize(("text", "lang"), [
    # https://github.com/jprante/elasticsearch-langdetect/issues/17 (the reporter's tweet)
    ('RT @Dr_alqarnee: "رمضان شهر الرحمة بالمسلمين" https://www.facebook.com/dralqarnee/posts/675689432512881',
     "ar"),
    # https://github.com/damus-io/damus/pull/577: links, Latin hashtags and handles around a short post
    ("عاجل: الرئيس يصل إلى الجزائر #Algeria #breaking https://t.co/Xy12AbCdEf @APS_Algerie", "ar"),
    ("للتواصل: press.office@mae.gov.dz أو www.mae.gov.dz/ar/contact-us", "ar"),
    ("قال الوزير إن الاجتماع كان مثمرا https://www.aps.dz/ar/economie/2024/hello-world-news.html", "ar"),
    ("وزیر امور خارجه ایران امروز دیدار کرد https://www.irna.ir/news/85412345/foreign-minister-visit", "fa"),
])
def test_web_and_mail_addresses_and_handles_do_not_decide_the_language(text: str, lang: str) -> None:
    assert detect(text).lang == lang
    assert detect_many([text])[0].lang == lang


def test_an_address_alone_is_still_no_language_and_detection_without_addresses_is_unchanged() -> None:
    # https://github.com/Mimino666/langdetect/issues/12: a text that is only a URL crashed langdetect
    for detector in ("default", "langdetect"):
        assert detect("https://www.youtube.com/watch?v=dQw4w9WgXcQ", detector=detector).lang == "und"
    # https://github.com/languagetool-org/languagetool/issues/3569: the same answer with and without the link
    plain = "قال الوزير إن الاجتماع كان مثمرا"
    assert detect(plain + " https://www.aps.dz/ar/a-b-c-d-e.html") == detect(plain)
    assert detect("@aps_ar").lang == detect("@aps_ar").lang  # a handle alone is looked at as written


# -------------------------------------------------------------- addresses pass through translation as written
def test_split_literals_keeps_addresses_and_end_symbols_as_written() -> None:
    from translator.mt.translate import split_literals

    assert split_literals("زار موقع www.aps.dz أمس") == [("زار موقع", " ", False), ("www.aps.dz", " ", True),
                                                        ("أمس", "", False)]
    assert split_literals("المصدر: https://aps.dz/ar/x.html.") == [("المصدر:", " ", False),
                                                                  ("https://aps.dz/ar/x.html.", "", True)]
    assert split_literals("(انظر «https://x.com/a»)، وقال") == [("(انظر", " ", False),
                                                                ("«https://x.com/a»)،", " ", True), ("وقال", "", False)]
    assert split_literals("راسلونا على info@aps.dz") == [("راسلونا على", " ", False), ("info@aps.dz", "", True)]
    assert split_literals("🔴 عاجل") == [("🔴", " ", True), ("عاجل", "", False)]
    assert split_literals("قال 😀 الوزير") == [("قال 😀 الوزير", "", False)]
    assert split_literals("الوزير@") == [("الوزير@", "", False)]  # no address: one piece


def test_addresses_pass_through_translation_exactly(tiny_ct2_engine) -> None:  # type: ignore[no-untyped-def]
    # https://github.com/marian-nmt/marian-dev/issues/464 (a link after a headline),
    # https://github.com/modernmt/modernmt/issues/351 (``http :// freshe. cloud. com``),
    # https://github.com/skyjake/lagrange/issues/580 (a link's path translated)
    from translator import Translator

    slug = "https://www.aljazeera.net/news/2024/5/3/لافروف-علاقاتنا-مع-الجزائر"
    texts = [f"{HEADLINE} https://www.aps.dz/ar/economie/2024/lavrov.html",
             f"{HEADLINE} (http://fresh.cloud.com).",
             f"{slug}\n{HEADLINE}",
             f"{HEADLINE} press@mae.gov.dz {SECOND}"]
    out = Translator(tiny_ct2_engine).translate(texts)
    assert [t.text for t in out] == [f"{HEADLINE_EN} https://www.aps.dz/ar/economie/2024/lavrov.html",
                                     f"{HEADLINE_EN} (http://fresh.cloud.com).",
                                     f"{slug}\n{HEADLINE_EN}",
                                     f"{HEADLINE_EN} press@mae.gov.dz {SECOND_EN}"]
    assert {t.status for t in out} == {"translated"}
    assert Translator(tiny_ct2_engine).translate([slug])[0].status == "not_arabic"  # never sent to the model


# ----------------------------------------------------------------- character references in a model's output
@pytest.mark.parametrize(("source", "output", "expected"), [
    # https://github.com/modernmt/modernmt/issues/185
    ("قال الوزير إن النية واضحة", "The minister said that l&apos;intention is clear",
     "The minister said that l'intention is clear"),
    # https://github.com/digitalfabrik/integreat-cms/issues/2721
    ('قال: "طفلي يذهب إلى المدرسة"', "He said: &quot;My child goes to school&quot;",
     'He said: "My child goes to school"'),
    ("البحث والتطوير", "R&amp;D spending &#39;rose&#39; 5&#x25;", "R&D spending 'rose' 5%"),
    ("شركة &amp; شركة", "company &amp; company", "company &amp; company"),  # the source writes it: kept
    ("قال", "AT&T and Q&A", "AT&T and Q&A"),  # a bare ampersand is no reference
])
def test_character_references_a_model_writes_are_read_back(source: str, output: str, expected: str) -> None:
    from translator.mt.translate import unescape_entities

    assert unescape_entities(source, output) == expected


# ------------------------------------------------------------------------- fully vocalized Arabic for the model
def test_fully_vocalized_text_is_translated_as_the_plain_text(tiny_ct2_engine) -> None:  # type: ignore[no-untyped-def]
    # https://github.com/sillsdev/silnlp/issues/298: fully vocalized spellings are cut letter by letter
    from translator import Translator
    from translator.mt.normalize import memory_key_text, normalize_for_mt

    vocalized = "لَافْرُوف: عَلَاقَاتُنَا مَعَ الْجَزَائِرِ تَصِلُ إِلَى مُسْتَوَى جَدِيدٍ"
    second = "تَبُّون يَسْتَقْبِلُ وَزِيرَ الْخَارِجِيَّةِ الرُّوسِيِّ"
    assert normalize_for_mt(vocalized) == HEADLINE and normalize_for_mt(second) == SECOND
    assert memory_key_text(vocalized) == memory_key_text(HEADLINE)  # a human translation of either is found
    out = Translator(tiny_ct2_engine).translate([vocalized, f"{second}\n{HEADLINE}"])
    assert [t.text for t in out] == [HEADLINE_EN, f"{SECOND_EN}\n{HEADLINE_EN}"]
    assert out[0].source == vocalized  # the original is kept


@pytest.mark.parametrize("text", ["إنّ العلاقات جيدة جداً", "الجيش ينفذ مناورات تحاكي قتالاً ليلياً", "جداً",
                                  "عِلم"])
def test_the_light_marks_of_news_text_are_kept(text: str) -> None:
    from translator.mt.normalize import normalize_for_mt

    assert normalize_for_mt(text) == text


# ------------------------------------------------------------------------ the model's unknown-word token
@pytest.mark.parametrize(("source", "output"), [
    ("ربما ذهبت إلى هناك", "I <unk> went there"),  # https://github.com/facebookresearch/fairseq/issues/3463
    ("زار الوزير كيدال أمس", "The minister visited  \u2047  yesterday"),  # google/sentencepiece#134's surface
    ("وصل الوفد", "\u2047 delegation arrived"),
])
def test_an_unknown_word_token_in_the_output_is_flagged(source: str, output: str) -> None:
    from translator.mt.engine import Hypothesis
    from translator.mt.guard import UNKNOWN, check_output, inspect

    assert UNKNOWN in inspect(source, Hypothesis(output))
    assert UNKNOWN in check_output(source, output)
    assert UNKNOWN not in check_output("رمز \u2047 في النص", "the sign \u2047 in the text")  # the source has it
    assert check_output(source, "The delegation arrived") == []


# ------------------------------------------------------- review files: copied sources and stray references
@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A batch output folder with two machine-translated Arabic segments."""
    from translator.corpus import tables

    rows = [{"doc_id": "a.txt", "segment_id": i, "line": i, "start": 0, "end": len(t), "text": t, "lang": "ar",
             "translation": mt, "translation_status": "translated", "model": "tiny-ar-en"}
            for i, (t, mt) in enumerate([(HEADLINE, HEADLINE_EN), (SECOND, SECOND_EN)])]
    folder = tmp_path / "out"
    tables.write_table(folder, "segments", tables.SEGMENTS, [rows])
    return folder


def _targets(path: Path, targets: list[str], fmt: str) -> None:
    """Put ``targets`` (raw XML text of each target, in order) into an exported review file."""
    text = path.read_text(encoding="utf-8")
    pattern = r"(<target[^>]*>)(.*?)(</target>)"
    found = iter(targets)
    text = re.sub(pattern, lambda m: m.group(1) + next(found) + m.group(3), text, flags=re.S)
    if fmt == "xliff":
        text = text.replace('state="needs-translation"', 'state="translated"')
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("fmt", ["xliff", "xliff2"])
def test_a_target_that_is_its_source_copied_is_an_untranslated_unit(out: Path, tmp_path: Path, fmt: str) -> None:
    # https://github.com/angular/angular/issues/15754 and neos/flow-development-collection#1555: CAT tools copy
    # the source into targets nobody translated; one such unit refused the whole file
    from translator.mt.memory import TranslationMemory
    from translator.review import export_review, import_review

    path, memory = tmp_path / f"r.{fmt}.xlf", TranslationMemory(tmp_path / "tm.sqlite")
    export_review(out, path, fmt=fmt, memory=memory)
    _targets(path, [f" {HEADLINE} ", "Tebboune receives Russia's foreign minister"], fmt)
    import_review(out, path, memory)
    assert [(e.source, e.target) for e in memory.all()] == [(SECOND, "Tebboune receives Russia's foreign minister")]


@pytest.mark.parametrize("fmt", ["xliff", "xliff2"])
def test_an_arabic_target_that_is_not_the_source_is_still_refused(out: Path, tmp_path: Path, fmt: str) -> None:
    from translator.errors import ReviewFileError
    from translator.mt.memory import TranslationMemory
    from translator.review import export_review, import_review

    path, memory = tmp_path / f"r.{fmt}.xlf", TranslationMemory(tmp_path / "tm.sqlite")
    export_review(out, path, fmt=fmt, memory=memory)
    _targets(path, ["علاقاتنا مع الجزائر جيدة", SECOND_EN + "!"], fmt)
    with pytest.raises(ReviewFileError, match="not in 'en'"):
        import_review(out, path, memory)
    assert memory.all() == []


@pytest.mark.parametrize("fmt", ["xliff", "xliff2"])
def test_references_escaped_twice_in_review_targets_are_read_once(out: Path, tmp_path: Path, fmt: str) -> None:
    # https://github.com/Helsinki-NLP/OPUS-CAT/issues/9 (&apos; in Trados), RWS/Sdl-Community#829 (&quot;)
    from translator.mt.memory import TranslationMemory
    from translator.review import export_review, import_review

    path, memory = tmp_path / f"r.{fmt}.xlf", TranslationMemory(tmp_path / "tm.sqlite")
    export_review(out, path, fmt=fmt, memory=memory)
    _targets(path, ["Lavrov: Algeria&amp;apos;s &amp;quot;new level&amp;quot;",
                    "Tebboune &amp;amp; Russia&amp;#39;s minister &lt;meet&gt;"], fmt)
    import_review(out, path, memory)
    assert sorted(e.target for e in memory.all()) == ["Lavrov: Algeria's \"new level\"",
                                                      "Tebboune & Russia's minister <meet>"]


_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"
 adminlang="en" srclang="ar" datatype="plaintext"/><body>
<tu><tuv xml:lang="ar"><seg>مسؤول روسي رفيع</seg></tuv><tuv xml:lang="en"><seg>{first}</seg></tuv></tu>
<tu><tuv xml:lang="ar"><seg>مدينة تندوف</seg></tuv><tuv xml:lang="en"><seg>{second}</seg></tuv></tu>
</body></tmx>
"""


def test_tmx_targets_copied_or_escaped_twice(tmp_path: Path) -> None:
    # https://github.com/RWS/Sdl-Community/issues/829: &quot; left in the text by an MT plug-in
    from translator.review.tmx import read_tmx

    path = tmp_path / "cat.tmx"
    path.write_text(_TMX.format(first="A senior &amp;quot;Russian&amp;quot; official", second="مدينة تندوف"),
                    encoding="utf-8")
    assert [(e.source, e.target) for e in read_tmx(path)] == [("مسؤول روسي رفيع", 'A senior "Russian" official')]


# ------------------------------------------------------------------------------------- Tifinagh is a script
@pytest.mark.parametrize(("text", "scripts"), [
    # https://github.com/klokantech/klokantech-gl-fonts/issues/6: Moroccan names in Arabic, Tifinagh, French
    ("المملكة المغربية ⵜⴰⴳⵍⴷⵉⵜ ⵏ ⵍⵎⵖⵔⵉⴱ Royaume du Maroc", ["Arab", "Tfng", "Latn"]),
    ("المعهد الملكي للثقافة الأمازيغية ⴰⵙⵉⵏⴰⴳ ⴰⴳⵍⴷⴰⵏ ⵏ ⵜⵓⵙⵙⵏⴰ ⵜⴰⵎⴰⵣⵉⵖⵜ", ["Arab", "Tfng"]),
])
def test_tifinagh_is_a_run_of_its_own(text: str, scripts: list[str]) -> None:
    runs = detect_runs(text)
    assert [r.script for r in runs] == scripts
    assert all(r.lang == "und" for r in runs if r.script == "Tfng")  # no detector of ours names Tamazight
    assert detect("ⵜⴰⴳⵍⴷⵉⵜ ⵏ ⵍⵎⵖⵔⵉⴱ").script == "Tfng"


# ---------------------------------------------------------------------- another framework's weights as model.bin
def test_pytorch_weights_renamed_model_bin_are_named_as_such(tiny_ct2_model: Path, tmp_path: Path) -> None:
    # https://github.com/OpenNMT/CTranslate2/issues/1218 and dmMaze/BallonsTranslator#869: CTranslate2 reads a
    # renamed PyTorch checkpoint's first bytes as "binary version v67324752" and blames its own version
    import shutil

    import torch

    from translator.errors import EngineError
    from translator.mt import load_engine

    folder = Path(shutil.copytree(tiny_ct2_model, tmp_path / "ct2"))
    torch.save({"weight": torch.zeros(2)}, folder / "model.bin")
    with pytest.raises(EngineError, match=r"is a PyTorch checkpoint .*not a CTranslate2 model.*models convert"):
        load_engine(folder, engine="ctranslate2")
    (folder / "model.bin").write_bytes(b"\x06\x00\x00\x00" + b"\x00" * 64)  # broken, but CTranslate2's own
    with pytest.raises(EngineError, match="could not load") as caught:
        load_engine(folder, engine="ctranslate2")
    assert "PyTorch" not in str(caught.value)

"""Public bug reports replayed on the toolkit, seventh session: the kinds that failed, with further instances.

Each test names the report it comes from (``benchmarks/data/bug_replays.tsv`` lists them with what the toolkit
gave before and after; ``benchmarks/bug_replays.py`` replays them). The kinds: HTML markup outvoting the words
in language detection; line markup (Markdown headings, bullets, numbers, quotes, bold; HTML tags) changed or
dropped by the model; CSV written to a file for Excel without a byte-order mark; decoder tokens (``<pad>``,
``</s>``, ``>>eng<<``, undecoded ``▁``) in a model's output; an output in another language, or of punctuation
only, passed as a translation; a cut-off weights file crashing with a library error; Persian, Urdu and Kurdish
sentences sent to the Arabic model.

Where a report is about a model's output (``<pad>``, French), the tiny model cannot write it: the engine below
answers with the reporter's output (only the model is stood in for; cleaning, guard, retry and status are the
Translator's own).
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.bug_replays import GivenOutput
from translator import Translator, detect, detect_many, detect_runs
from translator.langid import mask_markup, without_markup
from translator.mt.engine import Hypothesis
from translator.mt.guard import check_output, inspect, is_other_language
from translator.mt.translate import markup_ends, other_arabic_script_language, split_literals, without_special_tokens

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
HEADLINE = "لافروف: علاقاتنا مع الجزائر تصل إلى مستوى جديد"  # the tiny model knows this one
HEADLINE_EN = "Lavrov: Our relations with Algeria have reached a new level"
SAID = "قال الرئيس إن الاجتماع كان مثمرا وإن البلدين سيواصلان التعاون"
SAID_EN = "The president said the meeting was fruitful and the two countries would continue cooperation"


def _tsv(name: str) -> list[list[str]]:
    rows = [line.rstrip("\n").split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return rows[1:]


# ---------------------------------------------------------------------- markup is in no language (detection)
@pytest.mark.parametrize(("text", "lang"), [
    # https://github.com/aboSamoor/polyglot/issues/274 (the reporter's page source)
    ('<div class="header"><h1>مسجد التقوى - رين</h1></div>', "ar"),
    ('<p class="lead-paragraph" style="text-align:right">قال الوزير إن الاجتماع كان مثمرا</p>', "ar"),
    ("<!-- nav --><span>عاجل</span><br/><b>الرئيس يصل إلى الجزائر</b>", "ar"),
    # https://github.com/Mimino666/langdetect/issues/13: references read as the letters they stand for
    ("propri&eacute;taires d&rsquo;entreprises, d&rsquo;actionnaires et de dirigeantes", "fr"),
    ("<<الشروق>> قال الوزير إن الاجتماع كان مثمرا", "ar"),  # << >> quotes some sites write are not tags
])
def test_markup_does_not_decide_the_language(text: str, lang: str) -> None:
    assert detect(text).lang == lang
    assert detect_many([text])[0].lang == lang
    assert detect(text, detector="langdetect").lang == lang


def test_markup_belongs_to_no_run_and_offsets_hold() -> None:
    line = '<div class="header"><h1>مسجد التقوى - رين Mosquée Attaqwa - Rennes</h1></div>'
    runs = detect_runs(line)
    assert [(r.lang, r.text) for r in runs] == [("ar", "مسجد التقوى - رين"), ("fr", "Mosquée Attaqwa - Rennes")]
    assert all(line[r.start:r.end] == r.text for r in runs)
    masked = mask_markup("قال&nbsp;<b>الوزير</b>")
    assert len(masked) == len("قال&nbsp;<b>الوزير</b>") and masked.split() == ["قال", "الوزير"]
    assert mask_markup("a < b and c > d") == "a < b and c > d"  # comparisons are text
    assert without_markup("AT&T <i>und</i>") == "AT&T  und "
    assert detect("<div></div><br/>").lang == "und"  # markup alone: no language, not English


# ----------------------------------------------------------- line markup passes through translation as written
def test_markup_ends_finds_line_markup_only_around_words() -> None:
    assert markup_ends("## عنوان") == (3, len("## عنوان"))
    assert markup_ends("**عاجل**") == (2, 6)
    assert markup_ends("<p class='x'><b>خبر</b></p>") == (len("<p class='x'><b>"), len("<p class='x'><b>خبر"))
    assert markup_ends("**بداية** ونهاية **آخر**") == (0, len("**بداية** ونهاية **آخر**"))  # not around all of it
    for text in ("* * *", "- ", "#", "<br/>", "2024. قال", "١."):
        assert markup_ends(text) == (0, len(text)), text
    assert split_literals("١) تبون يستقبل") == [("١)", " ", True), ("تبون يستقبل", "", False)]
    assert split_literals("- راجع https://aps.dz/x") == [("-", " ", True), ("راجع", " ", False),
                                                         ("https://aps.dz/x", "", True)]


def test_line_markup_is_kept_and_the_words_translated(tiny_ct2_engine) -> None:  # type: ignore[no-untyped-def]
    # https://github.com/mozilla/firefox-translations/issues/499, https://github.com/terslang/LocalTranslate/issues/56,
    # https://github.com/modernmt/modernmt/issues/338
    texts = [f"## **{HEADLINE}**", f"- {HEADLINE}", f"1. {HEADLINE}", f"٢) {HEADLINE}", f"> {HEADLINE}",
             f"<p>{HEADLINE}</p>", f"### {HEADLINE}\n- {HEADLINE}"]
    out = Translator(tiny_ct2_engine).translate(texts)
    assert [t.text for t in out] == [f"## **{HEADLINE_EN}**", f"- {HEADLINE_EN}", f"1. {HEADLINE_EN}",
                                     f"٢) {HEADLINE_EN}", f"> {HEADLINE_EN}", f"<p>{HEADLINE_EN}</p>",
                                     f"### {HEADLINE_EN}\n- {HEADLINE_EN}"]
    assert {t.status for t in out} == {"translated"}


# --------------------------------------------------------------------- --format csv to a file opens in Excel
def _cli(args: list[str], home: Path, stdout: Any) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRANSLATOR_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "translator", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, env=env, cwd=home.parent, timeout=300)


def test_csv_written_to_a_new_file_starts_with_a_byte_order_mark(tmp_path: Path) -> None:
    # https://github.com/dbeaver/dbeaver/issues/13889, https://github.com/mui/mui-x/issues/9545
    source = tmp_path / "a.txt"
    source.write_text(HEADLINE + "\n", encoding="utf-8")
    target = tmp_path / "out.csv"
    with target.open("w", encoding="utf-8") as handle:
        assert _cli(["detect", "--format", "csv", str(source)], tmp_path / "home", handle).returncode == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert [r["text"].strip() for r in csv.DictReader(handle)] == [HEADLINE]
    piped = _cli(["detect", "--format", "csv", str(source)], tmp_path / "home", subprocess.PIPE)
    assert piped.stdout.startswith("text,")  # a pipe: the next program reads plain UTF-8
    with target.open("a", encoding="utf-8") as handle:  # ">>" to a file that has rows: no mark in the middle
        _cli(["detect", "--format", "csv", str(source)], tmp_path / "home", handle)
    assert target.read_bytes().count(b"\xef\xbb\xbf") == 1


# ---------------------------------------------------------------- what a model writes besides words
@pytest.mark.parametrize(("output", "text"), [
    ("<pad> The president said", "The president said"),  # https://github.com/OpenNMT/CTranslate2/pull/865
    ("The president said </s> <pad> <pad>", "The president said"),  # https://github.com/joeynmt/joeynmt/issues/95
    (">>eng<< The president said", "The president said"),
    ("<s>The president said</s>", "The president said"),
    ("the two▁countries would continue▁cooperation", "the two countries would continue cooperation"),  # spm#514
    ("▁The ▁president ▁said ▁the ▁meeting ▁was ▁fruit ful .", "The president said the meeting was fruitful."),
    ("the presi@@ dent said", "the president said"),
    ("The president said", "The president said"),
    ("AT&T <unk> said", "AT&T <unk> said"),  # <unk> stays for the guard to flag
])
def test_decoder_tokens_are_taken_out_of_outputs(output: str, text: str) -> None:
    assert without_special_tokens(SAID, Hypothesis(output, score=-1.0)).text == text
    kept = without_special_tokens("قال: <pad> هنا", Hypothesis("He said: <pad> here"))
    assert kept.text == "He said: <pad> here"  # the source writes it: kept


def test_a_model_writing_decoder_tokens_gives_the_cleaned_translation(tiny_ct2_engine) -> None:  # type: ignore[no-untyped-def]
    # https://github.com/OpenNMT/CTranslate2/pull/865, https://github.com/huggingface/transformers/issues/15323
    [t] = Translator(GivenOutput(tiny_ct2_engine, f"<pad> {SAID_EN}")).translate([SAID])  # type: ignore[arg-type]
    assert (t.text, t.status, t.flags) == (SAID_EN, "translated", [])
    [t] = Translator(GivenOutput(tiny_ct2_engine, "<pad>" * 60)).translate([SAID])  # type: ignore[arg-type]
    assert "<pad>" not in (t.text or "") and t.status == "suspicious" and "empty" in t.flags


# ------------------------------------------------------------------ an output in another language, or no words
@pytest.mark.parametrize("output", [
    # https://github.com/Helsinki-NLP/Tatoeba-Challenge/issues/19, https://github.com/facebookresearch/fairseq/issues/3906
    "Le président a dit que la réunion était fructueuse et que les deux pays poursuivront leur coopération",
    "O presidente disse que a reunião foi produtiva e que os dois países vão continuar a cooperação",
    "Der Präsident sagte, das Treffen sei fruchtbar gewesen und beide Länder würden zusammenarbeiten",
    "Президент сказал, что встреча была плодотворной",  # https://github.com/LibreTranslate/LibreTranslate/issues/903
    "总统说会议富有成果",
])
def test_an_output_in_another_language_is_flagged(output: str) -> None:
    assert is_other_language(SAID, output)
    assert "not-english" in check_output(SAID, output)


def test_english_outputs_are_not_flagged_as_another_language() -> None:
    english = [row[1] for row in _tsv("parallel_ar_en.tsv")] + [row[1] for row in _tsv("mt_guard_cases.tsv")]
    english += ["Le Monde newspaper said that President Macron would visit Algeria", "Tebboune receives Lavrov"]
    flagged = [e for e in english if e.strip() and "not-english" in check_output(SAID, e)]
    assert flagged == []
    # Latin words the source itself holds are no evidence: a French outlet's name quoted in Arabic
    assert not is_other_language("قالت صحيفة Le Matin du Sahara et du Maghreb إن", "Le Matin du Sahara et du "
                                 "Maghreb said")


def test_an_output_of_punctuation_only_is_no_translation() -> None:
    # https://github.com/facebookresearch/fairseq/issues/595: "] ] ] ] ..."
    assert inspect(SAID, Hypothesis("] " * 80)) == ["empty"]
    assert inspect(SAID, Hypothesis("... — ...")) == ["empty"]
    assert inspect("٢٠٢٤", Hypothesis("2024")) == []  # a number for a number is a translation
    assert inspect("!!", Hypothesis("!!")) == []


# ----------------------------------------------------------------------- a cut-off weights file is named
def test_a_cut_off_safetensors_file_is_a_clear_error(tiny_model: Path, tmp_path: Path) -> None:
    # https://github.com/hiyouga/LlamaFactory/issues/5201: "Error while deserializing header" reached the user
    from translator.errors import EngineError
    from translator.mt import load_engine

    folder = Path(shutil.copytree(tiny_model, tmp_path / "marian"))
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 3])
    with pytest.raises(EngineError, match=r"incomplete or damaged.*models pull"):
        load_engine(folder, engine="transformers")


# ------------------------------------------------------- Persian, Urdu, Kurdish are not sent to the Arabic model
def test_other_arabic_script_languages_are_told_from_arabic_sentences() -> None:
    rows = _tsv("langid_arabic_script.tsv")
    assert {row[1] for row in rows} >= {"ar", "fa", "ur", "ku", "ps"}
    for text, lang, *_ in rows:
        assert other_arabic_script_language(text) == (None if lang == "ar" else lang), text
    # Arabic with letters typed on a Persian keyboard is still Arabic; plain Arabic is never looked at again
    assert other_arabic_script_language("یستقبل رئیس الجمهوریة غدا وفدا وزاریا تونسیا في قصر المرادیة.") is None
    assert other_arabic_script_language(HEADLINE) is None


def test_persian_urdu_and_kurdish_sentences_are_kept_as_written(tiny_ct2_engine) -> None:  # type: ignore[no-untyped-def]
    # https://github.com/nextai-translator/nextai-translator/issues/708 (Persian read as Arabic or Urdu),
    # https://github.com/LibreTranslate/LibreTranslate/issues/641 (a kurdistan.txt "Arabic" document)
    persian = "وزیر امور خارجه ایران امروز با همتای عراقی خود دیدار کرد."
    urdu = "پاکستان کے وزیر اعظم نے کہا ہے کہ ملک میں انتخابات وقت پر ہوں گے"
    sorani = "هەموو هاووڵاتییەک مافی ئەوەی هەیە کە بە ئازادی بیروڕای خۆی دەرببڕێت"
    out = Translator(tiny_ct2_engine).translate([persian, urdu, sorani, f"{HEADLINE}. {persian}", HEADLINE])
    assert [(t.status, t.flags, t.text) for t in out[:3]] == [("not_arabic", ["source-fa"], persian),
                                                               ("not_arabic", ["source-ur"], urdu),
                                                               ("not_arabic", ["source-ku"], sorani)]
    assert out[3].text == f"{HEADLINE_EN}. {persian}" and out[3].flags == ["source-fa"]
    assert (out[4].text, out[4].flags) == (HEADLINE_EN, [])
    assert detect(persian).lang == "fa" and [r.lang for r in detect_runs(urdu)] == ["ur"]


# ------------------------------------------------- Arabic punctuation and digits a model copies into English
@pytest.mark.parametrize(("output", "text"), [
    # https://github.com/simplicialsoftware/nebulous-translations/pull/1375, https://github.com/aissat/easy_localization/issues/579
    ("The president said، the meeting was fruitful؛ really؟", "The president said, the meeting was fruitful; really?"),
    ("Prices rose by ٢٥٪ in ٢٠٢٣", "Prices rose by 25% in 2023"),
    ("The rate was ٣٫٥٪ on ١٬٢٠٠ loans in ۱۴۰۲", "The rate was 3.5% on 1,200 loans in 1402"),
    ("Algeria recalls its ambassador to Madrid (مدريد، إسبانيا)", "Algeria recalls its ambassador to Madrid "
                                                                 "(مدريد، إسبانيا)"),  # Arabic kept: its comma too
    ("المغرب، الجزائر", "المغرب، الجزائر"),
])
def test_arabic_marks_in_an_english_output_are_written_as_english_writes_them(output: str, text: str) -> None:
    from translator.mt.translate import english_marks

    assert english_marks(output) == text


def test_a_model_copying_arabic_digits_gives_english_digits(tiny_ct2_engine) -> None:  # type: ignore[no-untyped-def]
    source = "ارتفعت الأسعار بنسبة ٢٥٪ في عام ٢٠٢٣"
    [t] = Translator(GivenOutput(tiny_ct2_engine, "Prices rose by ٢٥٪ in ٢٠٢٣")).translate([source])  # type: ignore[arg-type]
    assert (t.text, t.status) == ("Prices rose by 25% in 2023", "translated")


# --------------------------------------------------------- Quranic spelling reaches the model as modern spelling
@pytest.mark.parametrize(("written", "plain"), [
    ("خَٰلِدُونَ", "خالدون"),  # https://github.com/houshuang/alif/pull/186: not خلدون (Khaldun)
    ("ذَٰلِكَ ٱلْكِتَـٰبُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ", "ذلك الكتاب لا ريب فيه هدى للمتقين"),  # not الكتب
    ("بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ", "بسم الله الرحمن الرحيم"),
    ("وَلَٰكِنَّ أَكْثَرَ ٱلنَّاسِ لَا يَعْلَمُونَ", "ولكن أكثر الناس لا يعلمون"),
    ("خَلَقَ ٱلسَّمَٰوَٰتِ وَٱلْأَرْضَ", "خلق السماوات والأرض"),
    # https://github.com/islamic-network/alquran.cloud/issues/14: small meem and pause signs
    ("رُكَّعًۭا سُجَّدًۭا يَبْتَغُونَ ۖ إِنَّ ٱللَّهَ غَفُورٌۭ رَّحِيمٌۭ", "ركعا سجدا يبتغون إن الله غفور رحيم"),
    ("بسم الله الرحمٰن الرحيم", "بسم الله الرحمن الرحيم"),  # a dagger alef in plain news text
    (HEADLINE, HEADLINE),
])
def test_quranic_spelling_reaches_the_model_as_modern_spelling(written: str, plain: str) -> None:
    from translator.mt.normalize import normalize_for_mt, spell_dagger_alef

    assert normalize_for_mt(written) == plain
    assert spell_dagger_alef("هَٰذَا") == "هَذَا" and spell_dagger_alef("فَبِذَٰلِكَ") == "فَبِذَلِكَ"


# ---------------------------------------------------------------- a range of days written in words is a range
@pytest.mark.parametrize(("text", "date", "days"), [
    ("17 و18 سبتمبر 2016", "2016-09-18", "17-18"),  # https://github.com/akoumjian/datefinder/issues/26
    ("من 7 إلى 14 سبتمبر 2016", "2016-09-14", "7-14"),
    ("يعقد المؤتمر من 27 الى 30 أكتوبر 2025", "2025-10-30", "27-30"),
    ("بين 5 و 7 مايو 2024", "2024-05-07", "5-7"),
    ("من 30 حتى 2 مايو 2024", "2024-05-02", "30-2"),
    ("12 - 13 أبريل 2019", "2019-04-13", "12-13"),  # https://github.com/scrapinghub/dateparser/issues/522
])
def test_a_range_of_days_in_words_is_reported_like_a_dashed_one(text: str, date: str, days: str) -> None:
    from translator import parse_date

    r = parse_date(text)
    assert r.date == date and f"a range of days ({days}): the date is its last day" in r.warnings


@pytest.mark.parametrize("text", ["قتل 15 و7 مايو 2024", "الفترة 2020 إلى 7 مايو 2024", "في 7 مايو 2024"])
def test_a_count_or_a_year_before_a_date_is_no_range(text: str) -> None:
    from translator import parse_date

    r = parse_date(text)
    assert r.date == "2024-05-07" and not any("range" in w for w in r.warnings)

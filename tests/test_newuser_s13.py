"""What a new user met in session 13's trial (README only, a corpus of real Arabic news and press reviews).

- Notebooks 04 and 05 crashed (IndexError in the chart cell) on a corpus whose citations carry no date — common in
  press reviews — and would on one with no citation at all; they now say so in the chart's title.
- ``manifest.json`` held ``NaN`` (the errors rows' empty cells) whenever a file failed: not JSON, which
  JavaScript's ``JSON.parse`` and Python's strict readers reject. It is strict JSON now.
- The manifest recorded the output folder and glossary paths as typed (``../newsout``); they are absolute now, as
  ``input`` and ``output`` already were.
- An Egyptian al-Watan named with its adjective (``صحيفة "الوطن" المصرية``) came out as the Syrian paper: the
  Egyptian row lacked the bare name the others share.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from translator.citations import parse_citations
from translator.corpus.run import run_batch

ROOT = Path(__file__).resolve().parents[1]
UNDATED = ("قراءة في الصحف\n\nقالت صحيفة \"الأهرام\" إن \"الحكومة تدرس رفع أسعار الوقود\".\n\n"
           "ونشرت جريدة \"الشروق\" تقريرا عن المفاوضات.\n")


@pytest.mark.slow
@pytest.mark.parametrize(("notebook", "text"), [
    ("04-citations-to-table.ipynb", UNDATED), ("05-batch-corpus.ipynb", UNDATED),
    ("04-citations-to-table.ipynb", "وصل الوزير إلى العاصمة صباح اليوم في زيارة رسمية.\n"),
])
def test_the_charts_of_a_corpus_without_dates_or_citations(tmp_path: Path, notebook: str, text: str) -> None:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "review.txt").write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-m", "translator", "notebook", "run", str(ROOT / "notebooks" / notebook),
                           "-p", "corpus_dir=corpus", "-p", "out_dir=out", "--html", "page.html"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert "IndexError" not in html and "Traceback" not in html


def test_the_manifest_is_strict_json_with_absolute_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("قالت صحيفة \"الأهرام\" إن الحكومة تدرس رفع أسعار الوقود.\n", encoding="utf-8")
    (corpus / "broken.json").write_text("{\"text\": \"unterminated", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("source\ttarget\tnote\nالأهرام\tAl-Ahram\tEgyptian daily\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run_batch(Path("corpus"), Path("out"), translate=False, progress=False, glossary_paths=[Path("terms.tsv")])
    text = (tmp_path / "out" / "manifest.json").read_text(encoding="utf-8")
    manifest = json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in manifest.json"))
    assert manifest["summary"]["errors"], "the broken files are reported"
    options = manifest["options"]
    assert Path(options["out_dir"]).is_absolute() if "out_dir" in options else True
    assert [Path(p) for p in options["glossary_paths"]] == [glossary.resolve()]


@pytest.mark.parametrize(("text", "canonical"), [
    ("قالت صحيفة \"الوطن\" المصرية إن الحكومة رفعت أسعار الوقود.", "El-Watan (Egypt)"),
    ("قالت صحيفة \"الوطن\" السورية إن الحكومة رفعت أسعار الوقود.", "Al-Watan (Syria)"),
    ("قالت صحيفة \"الوطن\" الجزائرية إن الحكومة رفعت أسعار الوقود.", "El Watan (Algeria)"),
])
def test_a_shared_name_with_its_country_adjective(text: str, canonical: str) -> None:
    [citation] = parse_citations(text)
    assert citation.outlet_canonical == canonical


@pytest.mark.parametrize(("text", "surface", "target"), [
    ("قالت صحيفة \"العربي الجديد\" إن الحكومة", "العربي الجديد", "Al-Araby Al-Jadeed"),
    ("ذكرت قناة «العربية» أن", "العربية", "Al Arabiya"),
    ("وصحيفة الأيام", "الأيام", "Al-Ayyam"),
])
def test_an_outlet_word_introduces_the_term_and_is_not_part_of_it(text: str, surface: str, target: str) -> None:
    """The segments table's ``glossary_terms`` showed ``صحيفة "العربي الجديد=Al-Araby Al-Jadeed`` (the outlet word
    and a stray quote mark in the term): the name alone is the term."""
    from translator.glossary import Glossary

    [match] = Glossary.load().match(text)
    assert (match.surface, match.target) == (surface, target)
    assert text[match.start:match.end] == surface


@pytest.mark.parametrize(("text", "outlets"), [
    ("The editor-in-chief of the Kuwaiti Al-Rai Al-Aam newspaper Badr Youssef Abdulaziz strongly responded to the "
     "article.", ["Al-Rai Al-Aam"]),
    ("A columnist of the Saudi Okaz daily Khalid Al-Sulaiman wrote that the talks had failed.", ["Okaz"]),
    ("The Beirut daily An-Nahar reported that the talks had failed.", ["An-Nahar"]),
    ("The Kuwaiti newspaper Al-Qabas reported that the talks had failed.", ["Al-Qabas"]),
])
def test_a_person_after_a_paper_and_its_type_noun_is_no_outlet(text: str, outlets: list[str]) -> None:
    """"the Kuwaiti Al-Rai Al-Aam newspaper Badr Youssef Abdulaziz": the paper is named before its type noun, so the
    capitalised name after the noun is a person (the trial's citation table listed him as an unknown outlet)."""
    assert [c.outlet for c in parse_citations(text)] == outlets

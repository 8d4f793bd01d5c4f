"""Command-line findings of the seventh new-user trial (/work/wt/NEWUSER7.md).

F1: ``translator qa --format jsonl pairs.jsonl``, the README's first QA example, refused a file of valid pairs
("pairs.jsonl: no text found", exit 2): the batch's readers took each ``{"source", "target"}`` line for a news
record without text. Only standard input worked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translator.cli import main

# real sentences (El Khabar / Shorouk News on the Algerian foreign minister; ourouba22's press round-up)
CALL = ("أجرى اليوم الاربعاء وزير الخارجية الجزائري أحمد عطاف، اتصالا هاتفيا مع نظيره الروسي سيرجي لافروف.",
        "Algerian Foreign Minister Ahmed Attaf held a phone call on Wednesday with his Russian counterpart "
        "Sergey Lavrov.")
SOLDIERS = ("أدت إلى استشهاد 4 من جنودنا البواسل في الحد الجنوبي من اليمن",
            "which led to the martyrdom of 5 of our brave soldiers on the southern border of Yemen")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".txt", ".tsv"])
def test_qa_reads_a_pairs_file_of_any_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            suffix: str) -> None:
    pairs = tmp_path / f"pairs{suffix}"
    pairs.write_text("".join(json.dumps({"source": s, "target": t}, ensure_ascii=False) + "\n"
                             for s, t in (CALL, SOLDIERS)), encoding="utf-8")
    code, out, err = _run(["qa", "--format", "jsonl", str(pairs)], capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1, err  # the second pair is flagged
    assert [r["source"] for r in records] == [CALL[0], SOLDIERS[0]]
    assert records[0]["flags"] == []
    assert [(f["kind"], f["detail"]) for f in records[1]["flags"]] == [("number", "4 in the source became 5 in "
                                                                                  "the target")]
    assert "no text found" not in err


def test_qa_names_the_bad_line_of_a_pairs_file_and_checks_the_others(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"source": CALL[0], "target": CALL[1]}, ensure_ascii=False) + "\nnot json\n",
                     encoding="utf-8")
    code, out, err = _run(["qa", "--format", "jsonl", str(pairs)], capsys)
    assert code == 2
    assert len(out.splitlines()) == 1
    assert f"{pairs}, line 2: expected source<TAB>target" in err


def test_qa_writes_a_large_number_as_a_reader_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """F2: "1.3e+12 in the source became 1,300,000,000 in the target" (Hespress: deposits over 1300 billion
    dirhams, rendered "million")."""
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("ودائع البنوك تتجاوز 1300 مليار درهم\tBank deposits exceed 1,300 million dirhams\n",
                     encoding="utf-8")
    code, out, _ = _run(["qa", "--format", "jsonl", str(pairs)], capsys)
    (flag,) = json.loads(out)["flags"]
    assert code == 1
    assert flag["detail"] == "1,300,000,000,000 in the source became 1,300,000,000 in the target"


def test_a_model_file_given_for_its_folder_is_named_as_a_file(tmp_path: Path, tiny_model: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """F3: ``--model path/to/config.json`` said "(no such folder)" of a file that exists."""
    weights = tiny_model / "config.json"
    headline = tmp_path / "headline.txt"
    headline.write_text(CALL[0] + "\n", encoding="utf-8")
    code, _, err = _run(["translate", "--lines", "--model", str(weights), str(headline)], capsys)
    assert code == 2
    assert f"{weights} (a file, not a model folder)" in err
    assert f"Give the folder that holds the model's config.json and weights ({tiny_model})" in err
    assert "no such folder" not in err
    notes = tmp_path / "notes.txt"
    notes.write_text("x", encoding="utf-8")
    code, _, err = _run(["translate", "--lines", "--model", str(notes), str(headline)], capsys)
    assert code == 2 and f"{notes} (a file, not a model folder)" in err


WAFA = ("RAMALLAH, Tuesday, September 27, 2022 (WAFA) – The three Palestinian Arabic dailies published today "
        "highlighted the storming of Al-Aqsa Mosque.\n"
        "“Occupation mania in the courtyards of Al-Aqsa,” headlined the third daily al-Hayat al-Jadida.\n"
        "The settlers entered in groups, according to the Jordanian daily Al-Ghad.\n")


def test_sources_export_keeps_an_untitled_mention_only_where_the_sources_block_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """F7: the README said `--sources` exports have "no untitled mentions"; the Sources block (and so the export)
    keeps one for an outlet the document cites with no title at all (Al-Ghad here). README reworded. Since session
    12 the dateline's agency (WAFA, the page's own source) is no citation: real press-review pages labelled by
    hand never count it."""
    review = tmp_path / "wafa.txt"
    review.write_text(WAFA, encoding="utf-8")
    code, out, _ = _run(["cite", "--format", "oewatch", "--sources", str(review)], capsys)
    assert code == 0
    block = out.splitlines()[1:]
    code, out, _ = _run(["cite", "--format", "csl-json", "--sources", str(review)], capsys)
    records = json.loads(out)
    assert code == 0 and len(records) == len(block)  # one record per item of the Sources block
    titled = {r["container-title"] for r in records if r.get("title")}
    untitled = [r["container-title"] for r in records if not r.get("title")]
    assert "Occupation mania in the courtyards of Al-Aqsa" in [r.get("title") for r in records]
    assert untitled == ["Al-Ghad"] and not titled & set(untitled)
    assert "WAFA" not in {r["container-title"] for r in records}
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "no untitled mentions" not in readme


def test_translate_whole_text_says_a_placeless_flag_once(tmp_path: Path, tiny_model: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """F10: a whole article (`translate FILE`) listed "the glossary term 'Algerian Foreign Minister' is missing
    from the translation" three times, one per sentence, all with null offsets."""
    article = tmp_path / "attaf.txt"
    article.write_text("الجزائر في 20 مايو /أ ش أ/ قال وزير الخارجية الجزائري أحمد عطاف إن القارة الإفريقية تمر "
                       "بمنعطف حاسم.\n" + CALL[0] + "\nوقال وزير الخارجية الجزائري إن الاتصال كان مثمرا.\n",
                       encoding="utf-8")
    code, out, err = _run(["translate", "--model", str(tiny_model), "--no-memory", "--format", "jsonl",
                           str(article)], capsys)
    assert code == 0, err
    flags = json.loads(out)["qa_flags"]
    placeless = [(f["kind"], f["detail"]) for f in flags
                 if all(f[k] is None for k in ("source_start", "source_end", "target_start", "target_end"))]
    assert placeless and len(placeless) == len(set(placeless))
    assert any(f["source_start"] is not None for f in flags)  # flags with a place are kept

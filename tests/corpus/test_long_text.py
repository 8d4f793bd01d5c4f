"""Long texts in bounded memory (issue #13): a long document is analysed part by part, with the rows of one
document. Memory itself is measured by benchmarks/long_text.py, not here (it depends on the machine)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from translator.corpus import long_text
from translator.corpus.analyze import analyze_document
from translator.corpus.executors import local as local_executor
from translator.corpus.long_text import analyze_in_parts, part_bounds
from translator.corpus.readers import Document
from translator.corpus.run import run_batch
from translator.corpus.state import RunState
from translator.corpus.tables import read_table

WORDS = ("الجزائر تعلق معاهدة الصداقة مع إسبانيا وقال الوزير في تصريح صحفي إن الحكومة ستدرس القرار "
         "The minister spoke in Algiers on Monday").split()


def _text(sentences: int, *, seed: int = 0, newline_every: int = 0) -> str:
    rng = random.Random(seed)
    out = []
    for i in range(sentences):
        out.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14))) + ".")
        out.append("\n" if newline_every and i % newline_every == newline_every - 1 else " ")
    return "".join(out)


def test_parts_cover_the_text_and_cut_at_the_strongest_break() -> None:
    text = _text(300)  # one line
    bounds = list(part_bounds(text, 1_000))
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(0 < end - start <= 1_000 for start, end in bounds)
    assert all(text[end - 2:end] == ". " for _, end in bounds[:-1])  # sentence ends on a line without breaks
    lines = "first line.\nsecond line\n\nthird paragraph " + "x" * 50
    assert next(iter(part_bounds(lines, 40))) == (0, lines.index("third"))  # the paragraph break wins
    solid = "ا" * 2_500  # no break at all: hard cuts
    assert list(part_bounds(solid, 1_000)) == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]


@pytest.mark.parametrize("newline_every", [0, 7])
def test_a_document_analysed_in_parts_has_the_rows_of_the_whole_document(newline_every: int) -> None:
    text = _text(400, newline_every=newline_every)
    doc = Document("long.txt", "long.txt", "text", text, "0" * 64, warnings=["a repaired encoding"])
    whole = analyze_document(doc)
    parts = list(analyze_in_parts(doc, part_chars=1_500))
    assert len(parts) > 10 and all(p.document is None for p in parts[:-1])
    segments = [s for p in parts for s in p.segments]
    key = ("segment_id", "line", "start", "end", "text", "lang", "script")
    assert [tuple(s[k] for k in key) for s in segments] == [tuple(s[k] for k in key) for s in whole.segments]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in segments)  # offsets into the whole text
    document = parts[-1].document
    assert document["n_segments"] == len(segments) == whole.document["n_segments"]
    assert document["n_chars"] == len(text) and document["lang"] == whole.document["lang"]
    assert document["n_arabic_segments"] == whole.document["n_arabic_segments"]
    assert document["warnings"].startswith("a repaired encoding; a long text")
    assert f"analysed in {len(parts)} parts of at most 1,500 characters" in document["warnings"]


def test_a_long_one_line_file_is_one_document_saved_part_by_part(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(local_executor, "LONG_FILE_BYTES", 20_000)  # the real thresholds, scaled down for a test
    monkeypatch.setattr(long_text, "PART_CHARS", 3_000)
    monkeypatch.setattr(long_text, "GROUP_SEGMENTS", 50)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = _text(2_000)
    (corpus / "long.txt").write_text(text, encoding="utf-8")
    (corpus / "short.txt").write_text("الجزائر تعلق معاهدة الصداقة مع إسبانيا\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch(corpus, out, translate=False, progress=False)
    assert summary.processed_files == 2 and not summary.errors
    documents = read_table(out, "documents").set_index("doc_id")
    segments = read_table(out, "segments")
    long_rows = segments[segments["doc_id"] == "long.txt"]
    assert list(documents.index) == ["long.txt", "short.txt"]
    assert documents.loc["long.txt", "n_segments"] == len(long_rows) > 1_000
    assert list(long_rows["segment_id"]) == list(range(len(long_rows)))
    assert all(text[r.start:r.end] == r.text for r in long_rows.itertuples())
    inside = bytearray(len(text))
    for row in long_rows.itertuples():
        inside[row.start:row.end] = b"\x01" * (row.end - row.start)
    assert all(inside[i] or text[i].isspace() for i in range(len(text)))  # every character but spaces segmented
    assert "was analysed in" in documents.loc["long.txt", "warnings"]
    assert summary.documents == 2
    again = run_batch(corpus, out, translate=False, progress=False)
    assert again.processed_files == 0 and again.unchanged_files == 2


def test_a_long_file_cut_short_is_redone(tmp_path: Path) -> None:
    state = RunState(tmp_path / "out")
    try:
        payload = {"document": None, "segments": [], "citations": []}
        state.save_parts("long.txt", "abc", [("long.txt (part 1)", payload)], first=True)
        assert not state.is_done("long.txt", "abc", "settings")  # killed before its last part: not done
        state.save_parts("long.txt", "abc", [("long.txt", payload | {"document": {"doc_id": "long.txt"}})],
                         first=False)
        state.finish_parts("long.txt", "settings")
        assert state.is_done("long.txt", "abc", "settings")
        assert [len(batch) for batch in state.payloads()] == [2]
    finally:
        state.close()

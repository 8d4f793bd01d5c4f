"""Long texts in bounded memory (issue #13): a long document is analysed part by part, with the rows of one
document. Memory itself is measured by benchmarks/long_text.py, not here (it depends on the machine)."""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import tracemalloc
from pathlib import Path

import ftfy
import pytest

from translator.corpus import decode, limits, long_text, readers
from translator.corpus.analyze import analyze_document
from translator.corpus.long_text import analyze_in_parts, part_bounds
from translator.corpus.readers import Document, SourceFile, read_documents
from translator.corpus.run import run_batch
from translator.corpus.state import RunState
from translator.corpus.tables import read_table

WORDS = ("الجزائر تعلق معاهدة الصداقة مع إسبانيا وقال الوزير في تصريح صحفي إن الحكومة ستدرس القرار "
         "The minister spoke in Algiers on Monday").split()


@pytest.fixture
def warm() -> None:
    """The language tables and parsers loaded (once per process, as the batch loads them before its first file):
    a memory test traces what reading costs per file, not that one-time loading. Without it the peak of the first
    read held 13 MiB of lexicon when the test ran alone, and passed only after other tests had loaded them."""
    limits.warm_up(None, "default")


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
    monkeypatch.setattr(long_text, "LONG_FILE_BYTES", 20_000)  # the real thresholds, scaled down for a test
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


MOJIBAKE = "Ù„Ø§ Ø´ÙŠØ¡"  # "لا شيء" in UTF-8 read as windows-1252: ftfy's kind of repair


def _mixed_text() -> str:
    """Lines of every length around the piece size used below, Windows line ends, a long line, mojibake."""
    rng = random.Random(3)
    lines = []
    for i in range(120):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 60) if i % 17 else rng.randint(450, 600)))
        lines.append(words + (f" {MOJIBAKE}." if i % 23 == 5 else "."))
    return "\r\n".join(lines[:60]) + "\n\n" + "\n".join(lines[60:]) + "\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_a_file_streamed_piece_by_piece_is_the_text_read_whole(tmp_path: Path, monkeypatch, encoding: str) -> None:
    # ftfy cuts a text after each line break and every STREAM_PIECE_CHARS characters of a longer line; the
    # stream cuts where it does, so the pieces repair to the whole text's repair
    monkeypatch.setattr(decode, "STREAM_PIECE_CHARS", 2_000)
    monkeypatch.setattr(decode, "STREAM_READ_BYTES", 777)  # reads end inside characters and lines
    monkeypatch.setattr(ftfy.TextFixerConfig, "__new__", _ftfy_config(2_000))
    path = tmp_path / "text.txt"
    path.write_bytes(_mixed_text().encode(encoding))
    data = path.read_bytes()
    whole = decode.decode_bytes(data)
    stream = decode.TextStream.open(path)
    assert stream is not None
    pieces = list(stream)
    assert len(pieces) > 10 and max(map(len, pieces)) == 2_000  # a long line: cut where ftfy cuts it
    assert "".join(pieces) == whole.text and "\r" not in whole.text and "لا شيء" in whole.text
    assert stream.repairs == whole.repairs == ["ftfy repaired mojibake/control characters"]
    assert stream.sha256 == hashlib.sha256(data).hexdigest() and stream.encoding == whole.encoding


def _ftfy_config(length: int):  # type: ignore[no-untyped-def]
    """``TextFixerConfig.__new__`` with ``max_decode_length`` set to ``length``: the stream's piece size and
    ftfy's, scaled down together for a test."""
    original = ftfy.TextFixerConfig.__new__

    def new(cls, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("max_decode_length", length)
        return original(cls, *args, **kwargs)
    return new


def test_files_whose_reading_needs_every_byte_are_not_streamed(tmp_path: Path, monkeypatch) -> None:
    # stray bad bytes in UTF-8, two encodings in one file, UTF-16 without a mark: decided on the whole file
    monkeypatch.setattr(decode, "GUESS_SAMPLE_BYTES", 64)
    arabic = "الجزائر تعلق معاهدة الصداقة مع إسبانيا\n"
    cases = {"blank.txt": b" \n\t\n" * 10, "utf16.txt": "الجزائر تعلق".encode("utf-16-le"),
             "cut.txt": arabic.encode() * 20 + "الجزائر".encode()[:-1] + b" x",
             "mixed.txt": arabic.encode() * 20 + arabic.encode("cp1256") * 3,
             "ascii-then-legacy.txt": b"The minister spoke in Algiers.\n" * 10 + arabic.encode("cp1256") * 5,
             # windows-1256 in its first 64 bytes, then a byte ISO-8859-6 leaves undefined: read whole
             "undefined-later.txt": arabic.encode("iso8859_6") * 10 + "«نعم»\n".encode("cp1256")}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        stream = decode.TextStream.open(tmp_path / name)
        assert stream is None or (name == "undefined-later.txt" and stream.encoding == "cp1256"), name


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6", "cp1252"])
def test_a_file_in_a_legacy_code_page_is_streamed_as_it_is_read_whole(tmp_path: Path, monkeypatch,
                                                                       encoding: str) -> None:
    # issue #13: a large windows-1256 file was read whole before being analysed in parts; now its encoding is
    # guessed from its first 256 KB (here 2 KB) and the rest is decoded piece by piece: the same text and warnings
    monkeypatch.setattr(decode, "GUESS_SAMPLE_BYTES", 2_000)
    monkeypatch.setattr(decode, "STREAM_READ_BYTES", 1_000)
    if encoding == "cp1252":
        text = "Le ministre a parlé à Alger, où l'été fut chaud ; « déjà » dit-il.\n" * 300
    else:
        text = _text(400, seed=4, newline_every=3).replace("The minister spoke in Algiers on Monday", "")
        text = text.replace("إن", "إنّ")  # a vowel sign: both Arabic code pages have it at another byte
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding, errors="ignore"))
    assert path.stat().st_size > 10 * 2_000
    whole = decode.decode_bytes(path.read_bytes())
    stream = decode.TextStream.open(path)
    assert stream is not None and stream.encoding == whole.encoding != "utf-8"
    assert "".join(stream) == whole.text
    # the reading's score is the sample's (charset-normalizer's mess ratio differs a little from the whole's)
    sample = decode.decode_bytes(path.read_bytes()[:2_000].rsplit(b"\n", 1)[0] + b"\n")
    assert stream.repairs[0] == sample.repairs[0] and stream.repairs[0].startswith(f"decoded as {whole.encoding} ")
    assert stream.repairs[1:] == whole.repairs[1:]
    assert stream.confidence == sample.confidence < 1 and abs(stream.confidence - whole.confidence) < 0.05
    docs = read_documents(SourceFile(path, "legacy.txt"))
    monkeypatch.setattr(long_text, "PART_CHARS", 3_000)
    (group_doc,) = [a.document for group in long_text.long_file_groups(
        SourceFile(path, "legacy.txt"), hashlib.sha256(path.read_bytes()).hexdigest()) for _, a in group
        if a.document is not None]
    assert (group_doc["encoding"], group_doc["encoding_confidence"]) == (docs[0].encoding, stream.confidence)
    assert group_doc["n_chars"] == len(docs[0].text)


def _records_file(path: Path) -> None:
    big = _text(120, seed=5, newline_every=9)  # over the part size below: analysed in parts
    first = {"id": "a", "title": "One", "text": "الجزائر تعلق معاهدة الصداقة مع إسبانيا"}
    lines = [json.dumps(first, ensure_ascii=False),
             "{not json", json.dumps({"id": None, "text": big}, ensure_ascii=False), "",
             json.dumps({"id": "a", "text": "تونس تستدعي السفير"}, ensure_ascii=False),
             json.dumps({"no_text": 1}), json.dumps({"id": "b", "text": "مدينة تندوف"}, ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _expected(path: Path, rel: str) -> tuple[list, list, dict]:
    """(documents, segments) of the file read whole and analysed whole, as comparable tuples."""
    docs = read_documents(SourceFile(path, rel))
    analyses = [analyze_document(d) for d in docs]
    documents = [(a.document["doc_id"], a.document["title"], a.document["n_chars"], a.document["n_segments"])
                 for a in analyses]
    warnings = {d.doc_id: "; ".join(d.warnings) for d in docs}
    segments = [tuple(s[k] for k in SEGMENT_KEY) for a in analyses for s in a.segments]
    return documents, segments, warnings


SEGMENT_KEY = ("doc_id", "segment_id", "line", "start", "end", "text", "lang")


@pytest.mark.parametrize("executor", ["local"])  # "ray": tests/corpus/test_ray.py (one worker starts Ray once)
def test_long_files_read_part_by_part_give_the_rows_of_the_whole_file(tmp_path: Path, monkeypatch,
                                                                       executor: str) -> None:
    check_long_files_read_part_by_part(tmp_path, monkeypatch, executor)


def check_long_files_read_part_by_part(tmp_path: Path, monkeypatch, executor: str) -> None:  # type: ignore[no-untyped-def]
    # issue #13: plain text and JSON lines are streamed, other formats read whole; both executors cut a file
    # into parts the same way, and the tables hold what reading and analysing each file whole gives
    # the real thresholds, scaled down for a test: each long file below is 6 to 12 parts (it was 15 to 28: the
    # same boundaries crossed more often, at five times the cost)
    monkeypatch.setattr(long_text, "LONG_FILE_BYTES", 8_000)
    monkeypatch.setattr(long_text, "PART_CHARS", 1_500)
    monkeypatch.setattr(long_text, "GROUP_SEGMENTS", 20)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one-line.txt").write_text(_text(200), encoding="utf-8")
    (corpus / "lines.txt").write_text("Headline\n\n" + _text(200, seed=1, newline_every=5).replace("\n", "\r\n"),
                                      encoding="utf-8")
    _records_file(corpus / "feed.jsonl")
    (corpus / "legacy.txt").write_bytes(_text(200, seed=2).replace("The minister spoke in Algiers on Monday", "")
                                        .encode("cp1256", errors="ignore"))
    (corpus / "page.html").write_text("<html><head><title>T</title></head><body>" + "".join(
        f"<p>{_text(20, seed=i)}</p>" for i in range(12)) + "</body></html>", encoding="utf-8")
    (corpus / "short.txt").write_text("الجزائر تعلق معاهدة الصداقة مع إسبانيا\n", encoding="utf-8")
    assert all(p.stat().st_size > 8_000 for p in corpus.iterdir() if p.name != "short.txt")
    out = tmp_path / "out"
    summary = run_batch(corpus, out, translate=False, progress=False, report=False, executor=executor)
    assert summary.processed_files == 6 and summary.failed_files == 0
    # the feed's two bad lines are its records' errors rows (issue #13), the same as when it is read whole
    assert [(e["path"], e["scope"], e["record"], e["error"]) for e in summary.errors] == [
        ("feed.jsonl", "record", 2, "InvalidJSON"), ("feed.jsonl", "record", 6, "NotARecord")]
    assert [e.record for d in read_documents(SourceFile(corpus / "feed.jsonl", "feed.jsonl")) for e in d.errors] \
        == [2, 6]
    documents = read_table(out, "documents").sort_values("doc_id")
    documents = documents.astype(object).where(documents.notna(), None)  # nulls as None, as the rows hold them
    segments = read_table(out, "segments")
    for name in sorted(p.name for p in corpus.iterdir()):
        expected_docs, expected_segments, warnings = _expected(corpus / name, name)
        mine = documents[documents["path"] == name]
        assert [tuple(r) for r in mine[["doc_id", "title", "n_chars", "n_segments"]].itertuples(index=False)] \
            == sorted(expected_docs), name
        got = segments[segments["doc_id"].isin(mine["doc_id"])]
        assert sorted(tuple(r) for r in got[list(SEGMENT_KEY)].itertuples(index=False)) == sorted(expected_segments)
        for row in mine.itertuples():
            assert (row.warnings or "").startswith(warnings[row.doc_id]), name
    feed = documents[documents["path"] == "feed.jsonl"].set_index("doc_id")
    assert list(feed.index) == ["feed.jsonl#1", "feed.jsonl#a", "feed.jsonl#a~2", "feed.jsonl#b"]
    assert not any("invalid JSON" in (w or "") for w in feed["warnings"])  # a row of errors, no record's warning
    assert any(e["record"] == 2 and "feed.jsonl: line 2: invalid JSON" in e["message"]
               for e in read_table(out, "errors").to_dict("records"))
    assert "was analysed in" in feed.loc["feed.jsonl#1", "warnings"]
    again = run_batch(corpus, out, translate=False, progress=False, report=False, executor=executor)
    assert again.processed_files == 0 and again.unchanged_files == 6


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256"])
def test_reading_a_long_text_holds_a_piece_and_a_part_whatever_the_file_size(tmp_path: Path, monkeypatch,
                                                                             encoding: str, warm: None) -> None:
    # issue #13: memory flat in one file's size. Python's own allocations while a one-line file is decoded,
    # repaired and cut into parts (tracemalloc: exact, not the machine's RSS), for a file 4 times larger
    monkeypatch.setattr(decode, "STREAM_PIECE_CHARS", 50_000)  # the stream's sizes, scaled down with the file's
    monkeypatch.setattr(decode, "STREAM_READ_BYTES", 64 * 2**10)
    monkeypatch.setattr(decode, "GUESS_SAMPLE_BYTES", 64 * 2**10)
    monkeypatch.setattr(ftfy.TextFixerConfig, "__new__", _ftfy_config(50_000))
    peaks = []
    for mb in (0.5, 2):
        path = tmp_path / f"{mb}.txt"
        sentence = _text(40)
        path.write_text(sentence * int(mb * 2**20 // len(sentence.encode())), encoding=encoding)
        tracemalloc.start()
        stream = decode.TextStream.open(path)
        assert stream is not None
        parts = sum(1 for _ in long_text._parts(stream, 20_000))
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert parts > mb * 2**20 / 2 / 20_000  # Arabic letters are two bytes: about mb * 2**19 characters
    # a piece (100 KB), a part and (not UTF-8) the readings of the 64 KB sample the encoding is guessed from
    assert peaks[1] < 1.25 * peaks[0] and peaks[1] < 2 * 2**20, peaks


@pytest.mark.parametrize("long", [False, True], ids=["read whole", "streamed"])
def test_json_lines_records_keep_line_separators_inside_their_strings(tmp_path: Path, monkeypatch,
                                                                       long: bool) -> None:
    # JSON allows U+2028, U+2029 and U+0085 raw inside a string (Python's json.dumps(ensure_ascii=False)
    # writes them so); read as line breaks they cut a record in two and it was lost
    if long:
        monkeypatch.setattr(long_text, "LONG_FILE_BYTES", 2_000)
    texts = {"a": "الجزائر تعلق معاهدة الصداقة\u2028مع إسبانيا", "b": "تونس تستدعي السفير\u2029" + _text(60, seed=3),
             "c": "Le ministre\x85a parlé à Alger"}
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "feed.jsonl").write_text("".join(json.dumps({"id": k, "text": v}, ensure_ascii=False) + "\n"
                                               for k, v in texts.items()), encoding="utf-8")
    if long:
        assert (corpus / "feed.jsonl").stat().st_size > 2_000  # over LONG_FILE_BYTES: the batch streams it
    docs = read_documents(SourceFile(corpus / "feed.jsonl", "feed.jsonl"))
    assert {d.doc_id: d.text for d in docs} == {f"feed.jsonl#{k}": v for k, v in texts.items()}
    summary = run_batch(corpus, tmp_path / "out", translate=False, progress=False, report=False)
    documents = read_table(tmp_path / "out", "documents")
    assert summary.processed_files == 1 and not summary.errors
    assert sorted(documents["doc_id"]) == ["feed.jsonl#a", "feed.jsonl#b", "feed.jsonl#c"]
    assert not any("skipped" in (w or "") for w in documents["warnings"])


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256"], ids=["streamed", "read whole"])
def test_a_json_lines_record_over_the_record_limit_is_skipped_and_named_and_the_others_kept(
        tmp_path: Path, monkeypatch, encoding: str) -> None:
    # issue #13: one JSON-lines record was held whole whatever its size; a record over --max-record-mb is now
    # left out with a warning naming its line, the limit and the option, and the file's other records are kept
    monkeypatch.setattr(long_text, "LONG_FILE_BYTES", 20_000)  # the real threshold (512 KB), scaled down
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    small = [_text(30, seed=i).replace("The minister spoke in Algiers on Monday", "") for i in range(3)]
    huge = _text(1_500, seed=9).replace("The minister spoke in Algiers on Monday", "")  # > 0.05 MB of text
    records = [{"id": "a", "text": small[0]}, {"id": "big", "text": huge}, {"id": "b", "text": small[1]},
               {"id": "c", "text": small[2]}]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    (corpus / "feed.jsonl").write_bytes(lines.encode(encoding))
    assert (corpus / "feed.jsonl").stat().st_size > long_text.LONG_FILE_BYTES  # the batch reads it in parts
    assert len(huge) > 0.05 * 2**20 > max(map(len, small)) * 10
    summary = run_batch(corpus, tmp_path / "out", translate=False, progress=False, report=False, max_record_mb=0.05)
    documents = read_table(tmp_path / "out", "documents").set_index("doc_id")
    assert summary.processed_files == 1 and summary.failed_files == 0
    (error,) = summary.errors  # issue #13: the left-out record is a row of errors, naming the limit and option
    assert (error["scope"], error["record"], error["limit"], error["option"]) == \
        ("record", 2, "0.05 MB per JSON-lines record", "--max-record-mb")
    assert list(documents.index) == ["feed.jsonl#a", "feed.jsonl#b", "feed.jsonl#c"]
    assert error["message"] == ("feed.jsonl: line 2: a record longer than 52,428 characters, the limit of 0.05 MB "
                                "per JSON-lines record (raise it with --max-record-mb)")
    assert not (documents.loc["feed.jsonl#a", "warnings"] or "").count("line 2")  # not a warning of record a (F24)
    raised = run_batch(corpus, tmp_path / "raised", translate=False, progress=False, report=False, max_record_mb=1)
    assert raised.processed_files == 1
    assert len(read_table(tmp_path / "raised", "documents")) == 4


def test_a_json_lines_file_whose_every_record_is_over_the_limit_is_an_errors_row(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(long_text, "LONG_FILE_BYTES", 20_000)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "feed.jsonl").write_text(json.dumps({"id": "big", "text": _text(1_500)}, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    summary = run_batch(corpus, tmp_path / "out", translate=False, progress=False, report=False, max_record_mb=0.05)
    (error,) = summary.errors
    assert error["path"] == "feed.jsonl" and error["error"] == "InputError"
    assert "line 1: a record longer than" in error["message"] and "--max-record-mb" in error["message"]
    assert (error["scope"], error["limit"], error["option"]) == \
        ("file", "0.05 MB per JSON-lines record", "--max-record-mb")  # issue #13: the row names them


def test_a_record_over_the_limit_is_never_held(tmp_path: Path, monkeypatch, warm: None) -> None:
    # tracemalloc (exact, not the machine's RSS): reading past a 1 MB record, 8 times the limit, costs about the
    # limit and a piece, not the record (the stream's sizes, the record and the limit a quarter of the real ones)
    monkeypatch.setattr(decode, "STREAM_PIECE_CHARS", 12_500)
    monkeypatch.setattr(decode, "STREAM_READ_BYTES", 16 * 2**10)
    monkeypatch.setattr(ftfy.TextFixerConfig, "__new__", _ftfy_config(12_500))
    path = tmp_path / "feed.jsonl"
    sentence = _text(40)
    huge = sentence * (2**20 // len(sentence.encode()))
    path.write_text(json.dumps({"id": "big", "text": huge}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "ok", "text": sentence}, ensure_ascii=False) + "\n", encoding="utf-8")
    source = SourceFile(path, "feed.jsonl")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    peaks = {}
    for limit in (0.125, 0):  # 0: no limit
        stream = decode.TextStream.open(path, json_lines=True)
        assert stream is not None
        tracemalloc.start()
        docs = [d.doc_id for d in readers.stream_records(source, stream, sha, max_record_mb=limit)]
        peaks[limit] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert docs == (["feed.jsonl#ok"] if limit else ["feed.jsonl#big", "feed.jsonl#ok"])
    assert peaks[0.125] < 2**19 and peaks[0] > 4 * peaks[0.125], peaks  # a few pieces, not the 1 MB record


def test_many_large_records_are_held_one_at_a_time(tmp_path: Path, monkeypatch, warm: None) -> None:
    # issue #13 (session 8): a feed of many records each under --max-record-mb: reading them costs about one
    # record, whatever their number (tracemalloc, exact: the peak for 12 records against 3; the stream's sizes,
    # the records and the limit a quarter of the real ones: 12 records held would still double the peak)
    monkeypatch.setattr(decode, "STREAM_PIECE_CHARS", 12_500)
    monkeypatch.setattr(decode, "STREAM_READ_BYTES", 16 * 2**10)
    monkeypatch.setattr(ftfy.TextFixerConfig, "__new__", _ftfy_config(12_500))
    sentence = _text(40)
    record = sentence * (75_000 // len(sentence))  # ≈ 75,000 characters, under the 0.125 MB limit
    peaks = {}
    for count in (3, 12):
        path = tmp_path / f"feed{count}.jsonl"
        path.write_text("".join(json.dumps({"id": f"r{i}", "text": record}, ensure_ascii=False) + "\n"
                                for i in range(count)), encoding="utf-8")
        source = SourceFile(path, path.name)
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        stream = decode.TextStream.open(path, json_lines=True)
        assert stream is not None
        tracemalloc.start()
        seen = 0
        for doc in readers.stream_records(source, stream, sha, max_record_mb=0.125):
            seen += len(doc.text) == len(record)
            del doc
        peaks[count] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert seen == count
    assert peaks[12] < 1.3 * peaks[3], peaks  # flat in the number of records


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\u2028"])
def test_line_endings_alone_are_no_repair(tmp_path: Path, monkeypatch, ending: str) -> None:
    # new-user trial 4, finding 8: every file with Windows line endings was reported as "ftfy repaired mojibake"
    monkeypatch.setattr(decode, "STREAM_READ_BYTES", 777)
    text = ending.join(["Hello world", "قال الوزير إن العلاقات جيدة", "Second line"] * 400) + ending
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    whole = decode.decode_bytes(path.read_bytes())
    stream = decode.TextStream.open(path)
    assert stream is not None
    assert "".join(stream) == whole.text == text.replace(ending, "\n")
    assert whole.repairs == stream.repairs == []
    moji = decode.decode_bytes(("été 2024" + ending).encode("utf-8").decode("cp1252").encode("utf-8"))
    assert moji.text == "été 2024\n" and moji.repairs == ["ftfy repaired mojibake/control characters"]


def _long_page(mb: float, *, text_share: int = 1) -> str:
    """An HTML page of about ``mb`` MiB: mostly markup (attributes, scripts, navigation), a paragraph of article
    text in every ``text_share``-th block, a title, metadata and a canonical link."""
    block = ("<div class='row' data-track='x' style='margin:0'><nav><a href='/a'>الرئيسية</a></nav>"
             "<script>var x = 'ignored " + "y" * 200 + "';</script></div>\n")
    para = "<p>" + _text(3, seed=7).strip() + " <b>عاجل</b></p>\n"
    head = ("<!DOCTYPE html><html><head><title>عنوان الصفحة</title><meta property='og:site_name' content='الشروق'>"
            "<link rel='canonical' href='https://example.com/a'></head><body><article>\n")
    body, size, i = [], len(head.encode()), 0
    while size < mb * 2**20:
        piece = block + (para if i % text_share == 0 else "")
        body.append(piece)
        size += len(piece.encode())
        i += 1
    return head + "".join(body) + "</article></body></html>\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256"])
def test_a_long_html_page_streamed_to_the_parser_is_the_page_read_whole(tmp_path: Path, monkeypatch,
                                                                        encoding: str) -> None:
    # issue #13: a large HTML file's bytes were held whole (and decoded whole) before the parser saw them; now
    # the decoded pieces go to lxml's parser as they are read: the same document, field by field
    monkeypatch.setattr(decode, "GUESS_SAMPLE_BYTES", 4_000)
    monkeypatch.setattr(decode, "STREAM_READ_BYTES", 3_000)
    monkeypatch.setattr(decode, "STREAM_PIECE_CHARS", 5_000)
    monkeypatch.setattr(ftfy.TextFixerConfig, "__new__", _ftfy_config(5_000))
    monkeypatch.setattr(long_text, "PART_CHARS", 20_000)
    path = tmp_path / "page.html"
    path.write_bytes(_long_page(0.3).encode(encoding, errors="ignore"))
    (whole,) = read_documents(SourceFile(path, "page.html"))
    fed: list[str] = []
    real_feed = readers.html_text

    def html_text(markup):  # type: ignore[no-untyped-def]
        assert not isinstance(markup, str), "the page was handed to the parser whole"
        return real_feed(piece for piece in markup if fed.append(piece) or True)

    monkeypatch.setattr(readers, "html_text", html_text)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    (doc, pieces), = long_text._long_documents(SourceFile(path, "page.html"), sha, max_file_mb=None)
    assert pieces is None and len(fed) > 20 and max(map(len, fed)) <= 5_000
    fields = ("doc_id", "path", "format", "text", "sha256", "encoding", "encoding_confidence", "title", "outlet",
              "published", "url", "warnings")
    if encoding == "cp1256":  # a guessed reading is scored on its sample, as for plain text (the test above)
        fields = tuple(f for f in fields if f not in ("encoding_confidence", "warnings"))
        assert abs(doc.encoding_confidence - whole.encoding_confidence) < 0.05
        assert doc.warnings[0].startswith("decoded as cp1256 ") and doc.warnings[1:] == whole.warnings[1:]
    assert {f: getattr(doc, f) for f in fields} == {f: getattr(whole, f) for f in fields}
    assert doc.title == "عنوان الصفحة" and doc.url == "https://example.com/a" and "عاجل" in doc.text
    assert (encoding == "cp1256") == (doc.encoding == "cp1256")
    (group_doc,) = [a.document for group in long_text.long_file_groups(SourceFile(path, "page.html"), sha)
                    for _, a in group if a.document is not None]
    assert group_doc["n_chars"] == len(whole.text) and group_doc["url"] == whole.url


def test_reading_a_long_html_page_holds_its_text_not_its_markup(tmp_path: Path, monkeypatch, warm: None) -> None:
    # issue #13: memory flat in the markup's size. Python's allocations (tracemalloc) while a page that is mostly
    # markup is read to its document: for a page 4 times larger, only its (small) text grows
    monkeypatch.setattr(decode, "STREAM_PIECE_CHARS", 50_000)
    monkeypatch.setattr(decode, "STREAM_READ_BYTES", 64 * 2**10)
    monkeypatch.setattr(ftfy.TextFixerConfig, "__new__", _ftfy_config(50_000))
    peaks, texts, sizes = [], [], []
    for mb in (1, 4):
        path = tmp_path / f"{mb}.html"
        path.write_text(_long_page(mb, text_share=8), encoding="utf-8")
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        tracemalloc.start()
        (doc, _), = long_text._long_documents(SourceFile(path, f"{mb}.html"), sha, max_file_mb=None)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        texts.append(len(doc.text) * 2)  # Arabic: two bytes a character
        sizes.append(path.stat().st_size)
    assert sizes[1] > 3.5 * sizes[0]
    # a read, a piece and the text kept: the growth is the text's (the whole page read in held its bytes and its
    # decoded characters: over 3 bytes per byte of page)
    assert peaks[1] - peaks[0] < 3 * (texts[1] - texts[0]) + 2**20, (peaks, texts, sizes)
    assert peaks[1] < 0.5 * sizes[1], (peaks, sizes)

"""Outputs of the analysis path, written out so that two checkouts can be compared byte for byte (issue 20).

    python benchmarks/same_outputs.py OUT.jsonl            # this checkout
    PYTHONPATH=/other/checkout python -P benchmarks/same_outputs.py OTHER.jsonl
    cmp OUT.jsonl OTHER.jsonl                               # a speed change must leave them identical

Texts: every line and every paragraph of the test data (``tests/data``: TSV, text, JSON lines, Markdown)
and of ``../shared`` (eval sets, seed), and the same lines turned to mojibake (UTF-8 read as cp1252 and as
cp1256). For each text: ``find_dates`` (no language, ``ar``, ``en-US``), ``parse_date``, ``is_arabic``,
``contains_arabic``, ``fold_for_matching``, the language runs, and ``parse_citations``; then
``analyze_document`` on the sample corpus and generated documents, and a ``run_batch`` (translation off) of
65 documents whose CSV and Parquet tables are hashed (a run's generation id and timings are no part of the CSV rows).
One JSON line per output; the last line holds a digest per kind. Runs in minutes on a loaded 2-core machine.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def texts() -> list[str]:
    """Lines and paragraphs of the test data and ../shared, and two mojibake versions of each line."""
    files = sorted(p for p in (ROOT / "tests" / "data").rglob("*") if p.suffix in (".tsv", ".txt", ".jsonl", ".md"))
    shared = ROOT.parent / "shared"
    if shared.is_dir():
        files += sorted(p for sub in ("eval", "seed") for p in (shared / sub).rglob("*")
                        if p.suffix in (".txt", ".jsonl"))
    found: dict[str, None] = {}
    for path in files:
        try:
            body = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for line in body.splitlines():
            if path.suffix == ".jsonl":
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                for value in (record.values() if isinstance(record, dict) else []):
                    if isinstance(value, str) and value.strip():
                        found[value] = None
            elif path.suffix == ".tsv":
                for cell in line.split("\t"):
                    if cell.strip():
                        found[cell] = None
            elif line.strip():
                found[line] = None
        for paragraph in body.split("\n\n"):
            if paragraph.strip() and len(paragraph) < 20_000:
                found[paragraph] = None
    lines = [t for t in found if "\n" not in t]
    for line in lines:
        for codec in ("cp1252", "cp1256"):
            found[line.encode("utf-8").decode(codec, errors="replace")] = None
    return list(found)


def main() -> None:
    out_path = Path(sys.argv[1])
    sys.path.insert(0, str(HERE))
    from corpus_throughput import generate

    from translator.citations import parse_citations
    from translator.corpus.readers import SourceFile, read_documents
    from translator.dates import find_dates, parse_date
    from translator.langid import detect_runs
    from translator.text.arabic import contains_arabic, fold_for_matching, is_arabic

    try:
        from translator.corpus.run import run_batch
    except ImportError:  # an older checkout
        from translator.corpus.pipeline import run_batch
    from translator.corpus.analyze import analyze_document

    digests: dict[str, hashlib._Hash] = {}

    def put(kind: str, value: object) -> None:
        line = json.dumps([kind, value], ensure_ascii=False, sort_keys=True, default=repr)
        out.write(line + "\n")
        digests.setdefault(kind, hashlib.sha256()).update(line.encode())

    corpus_texts = texts()
    with out_path.open("w", encoding="utf-8") as out:
        for text in corpus_texts:
            for lang in (None, "ar", "en-US"):
                put("find_dates", [text, lang, [d.to_dict() for d in find_dates(text, context_lang=lang)]])
            put("parse_date", [text, parse_date(text).to_dict()])
            put("script", [text, is_arabic(text), is_arabic(text, 0.3), contains_arabic(text),
                           fold_for_matching(text)])
            put("runs", [text, [(r.start, r.end, r.lang, round(float(r.confidence), 4), r.script)
                                for r in detect_runs(text)]])
            put("citations", [text, [c.to_dict() for c in parse_citations(text)]])
        with tempfile.TemporaryDirectory() as tmp:
            generated = Path(tmp) / "corpus"
            generate(generated, 60)
            for folder in (ROOT / "corpus", generated):
                for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                    for doc in read_documents(SourceFile(path, str(path.relative_to(folder)))):
                        a = analyze_document(doc)
                        put("analyze", [str(path.relative_to(folder)), a.document.as_dict(),
                                        [s.as_dict() for s in a.segments], [c.as_dict() for c in a.citations]])
            for file in sorted((ROOT / "corpus").iterdir()):
                if file.is_file():
                    (generated / "part-99").mkdir(exist_ok=True)
                    (generated / "part-99" / file.name).write_bytes(file.read_bytes())
            run_batch(generated, Path(tmp) / "out", translate=False, report=False, progress=False, use_memory=False)
            for csv in sorted((Path(tmp) / "out").glob("*.csv")):
                put("batch_csv", [csv.name, hashlib.sha256(csv.read_bytes()).hexdigest()])
            for table in sorted((Path(tmp) / "out").glob("*.parquet")):  # the Arrow arrays as written (issue 20)
                put("batch_parquet", [table.name, hashlib.sha256(table.read_bytes()).hexdigest()])
        summary = {kind: h.hexdigest()[:16] for kind, h in digests.items()}
        out.write(json.dumps({"texts": len(corpus_texts), "digests": summary}) + "\n")
    print(json.dumps({"texts": len(corpus_texts), "digests": summary}))


if __name__ == "__main__":
    main()

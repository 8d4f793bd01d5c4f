"""Memory of reading one large file of each kind (issue #13): the formats a long file is read whole in
(HTML, Word, JSON, Markdown) against the streamed ones (plain text in UTF-8 or a legacy code page, JSON lines).

    python benchmarks/read_whole_memory.py [--mb 4 16] [--work DIR]

For each kind and size a file holding about N MB of text (seeded news-like sentences, Arabic and English) is
written, then read in a child process the way the batch reads a file over 512 KB
(``long_text.long_file_groups``' reading step: the documents and their text, before the analysis, whose
cost is one part whatever the file) and the child's peak RSS is printed, with the cost per MB of text between
the two sizes. A memory benchmark, not a test: what it prints depends on the machine and the allocator.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from long_text import WORDS  # noqa: E402

CHILD = """
import hashlib, resource, sys
from pathlib import Path
sys.path.insert(0, {root!r})
from translator.corpus.long_text import _long_documents
from translator.corpus.readers import SourceFile
path = Path(sys.argv[1])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
sha = hashlib.sha256(path.read_bytes()).hexdigest() if len(sys.argv) > 2 else None
n = 0
if sha:
    for doc, pieces in _long_documents(SourceFile(path, path.name), sha, max_file_mb=None, max_record_mb=0):
        n += sum(len(p) for p in pieces) if pieces is not None else len(doc.text)
print(before // 1024, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, n)
"""


def paragraphs(mb: float, seed: int = 0):  # type: ignore[no-untyped-def]
    """Paragraphs of seeded sentences, about ``mb`` MiB of UTF-8 text in all."""
    import random

    rng = random.Random(seed)
    written, target = 0, int(mb * 2**20)
    while written < target:
        paragraph = " ".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 20))) + "."
                             for _ in range(rng.randint(2, 6)))
        written += len(paragraph.encode()) + 2
        yield paragraph


def write(kind: str, path: Path, mb: float) -> None:
    paras = list(paragraphs(mb))
    if kind == "html":
        path.write_text("<html><head><title>T</title></head><body><article>" + "".join(
            f"<p>{p}</p>\n" for p in paras) + "</article></body></html>", encoding="utf-8")
    elif kind == "markdown":
        path.write_text("# Title\n\n" + "".join(f"{p} **bold** [link](http://x.example/)\n\n" for p in paras),
                        encoding="utf-8")
    elif kind == "json":
        path.write_text(json.dumps([{"id": i, "text": p} for i, p in enumerate(paras)], ensure_ascii=False),
                        encoding="utf-8")
    elif kind == "jsonl":
        path.write_text("".join(json.dumps({"id": i, "text": p}, ensure_ascii=False) + "\n"
                                for i, p in enumerate(paras)), encoding="utf-8")
    elif kind == "text cp1256":
        path.write_bytes("\n\n".join(paras).encode("cp1256"))
    elif kind == "text utf-8":
        path.write_text("\n\n".join(paras), encoding="utf-8")
    elif kind == "docx":
        import docx

        document = docx.Document()
        for p in paras:
            document.add_paragraph(p)
        document.save(str(path))


SUFFIX = {"html": ".html", "markdown": ".md", "json": ".json", "jsonl": ".jsonl", "text cp1256": ".txt",
          "text utf-8": ".txt", "docx": ".docx"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs=2, default=[4, 16])
    parser.add_argument("--kinds", nargs="*", default=list(SUFFIX))
    parser.add_argument("--work", type=Path, default=Path("/tmp/translator-read-whole"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    child = CHILD.format(root=str(ROOT))
    print(f"CPU ×{os.cpu_count()}, load {os.getloadavg()[0]:.1f}")
    print(f"| kind | read | peak RSS at {args.mb[0]:g} MB | at {args.mb[1]:g} MB | MB of memory per MB of text |")
    print("|---|---|---:|---:|---:|")
    for kind in args.kinds:
        peaks = []
        for mb in args.mb:
            path = args.work / f"{kind.replace(' ', '-')}-{mb:g}{SUFFIX[kind]}"
            write(kind, path, mb)
            out = subprocess.run([sys.executable, "-c", child, str(path), "read"], capture_output=True, text=True,
                                 check=True).stdout.split()
            peaks.append(int(out[1]))
            path.unlink()
        how = "streamed" if kind in ("jsonl", "text cp1256", "text utf-8") else "whole"
        slope = (peaks[1] - peaks[0]) / (args.mb[1] - args.mb[0])
        print(f"| {kind} | {how} | {peaks[0]} MB | {peaks[1]} MB | {slope:.1f} |", flush=True)


if __name__ == "__main__":
    main()

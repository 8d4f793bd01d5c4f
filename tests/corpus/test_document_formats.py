"""``documents.format`` holds the values its declared meaning names (new-user trial 6, F2: the README said
"txt, html, docx, json ..." while a .txt file is ``text`` and a .md file ``markdown``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx

from translator.corpus.readers import SourceFile, read_documents
from translator.corpus.rows import DOCUMENTS

SENTENCE = "وصل وزير الخارجية الروسي إلى الجزائر."


def _files(folder: Path) -> list[Path]:
    (folder / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (folder / "b.md").write_text(f"---\ndate: 2022-05-10\n---\n# {SENTENCE}\n", encoding="utf-8")
    (folder / "c.html").write_text(f"<html><body><p>{SENTENCE}</p></body></html>", encoding="utf-8")
    (folder / "e.jsonl").write_text(json.dumps({"id": "1", "text": SENTENCE}, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
    word = docx.Document()
    word.add_paragraph(SENTENCE)
    word.save(folder / "d.docx")
    return sorted(folder.iterdir())


def test_every_reader_format_is_named_in_the_column_meaning(tmp_path: Path) -> None:
    formats = {path.suffix: read_documents(SourceFile(path, path.name))[0].format for path in _files(tmp_path)}
    assert formats == {".txt": "text", ".md": "markdown", ".html": "html", ".docx": "docx", ".jsonl": "json"}
    meaning = next(c.meaning for c in DOCUMENTS if c.name == "format")
    assert set(formats.values()) <= set(re.findall(r"[a-z]+", meaning))

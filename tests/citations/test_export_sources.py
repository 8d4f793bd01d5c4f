"""Reference-manager exports of a piece's Sources only (new-user trial 6, F10).

Without ``--sources`` the seed article's three untitled mentions ("according to … RT Arabic") were records with
no title (CSL-JSON ``"title": ""``, a BibTeX ``@article`` with only ``journal``): three "Untitled" items in
Zotero beside the four real sources, and ``--sources`` was refused with an export format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import bibtexparser
import rispy

from translator.citations import parse_citations
from translator.citations.format import export_citations, sources_entries

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seed_article.txt"  # a copy of ../shared/seed/sample-article.txt
TITLED = ["لافروف: علاقاتنا مع الجزائر تصل إلى مستوى جديد",
          "الجيش الجزائري ينفذ مناورات تحاكي قتالاً ليلياً قرب الحدود مع المغرب",
          "مسؤول روسي رفيع يبحث بالجزائر التعاون العسكري",
          "Students of Algerian Armed Forces Advanced Warfighting School visit Defence University"]


def _cite(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "translator", "cite", *args], capture_output=True, text=True,
                          timeout=300, env=env, cwd=ROOT)


def test_sources_exports_hold_the_sources_block_items_only() -> None:
    citations = [c.to_dict() for c in parse_citations(SEED.read_text(encoding="utf-8"))]
    assert len(citations) == 8  # 3 untitled mentions, 4 titled citations, 1 image credit
    every = json.loads(export_citations(citations, "csl-json"))
    assert len(every) == 7 and all(item.get("title") != "" for item in every)  # no empty title, ever
    assert sum("title" not in item for item in every) == 3
    items = json.loads(export_citations(citations, "csl-json", sources=True))
    assert [item.get("original-title") or item["title"] for item in items] == TITLED
    assert len(items) == len(sources_entries(citations))
    ris = rispy.loads(export_citations(citations, "ris", sources=True))
    assert [record["title"] for record in ris] == TITLED
    bib = bibtexparser.loads(export_citations(citations, "bibtex", sources=True)).entries
    assert [entry["title"] for entry in bib] == TITLED


def test_cli_sources_with_an_export_format() -> None:
    done = _cite("--format", "bibtex", "--sources", str(SEED))
    assert done.returncode == 0, done.stderr
    entries = bibtexparser.loads(done.stdout).entries
    assert [entry["title"] for entry in entries] == TITLED and all(entry.get("year") == "2022" for entry in entries)
    plain = bibtexparser.loads(_cite("--format", "bibtex", str(SEED)).stdout).entries
    assert len(plain) == 7 and sum("title" not in entry for entry in plain) == 3
    refused = _cite("--format", "jsonl", "--sources", str(SEED))
    assert refused.returncode == 2 and "--format csl-json|ris|bibtex" in refused.stderr


def test_a_titles_own_full_stop_is_not_doubled() -> None:
    """`titled “Fighting terrorism.”` gave `“Fighting terrorism.,”` (oewatch) and `“Fighting terrorism..”` (chicago)."""
    from translator.citations.format import format_citation

    (citation,) = parse_citations("On March 24, the pro-government Al-Ahram newspaper carried an opinion piece "
                                  "titled “Fighting terrorism.”")
    assert citation.title_english == "Fighting terrorism."  # as the citing text prints it
    assert format_citation(citation) == "“Fighting terrorism,” Al-Ahram (pro-government)."
    assert format_citation(citation, style="chicago") == "“Fighting terrorism.” Al-Ahram."
    abbreviation = {"title_english": "Talks with the U.S.", "outlet": "Al-Ahram", "date": "2021-03-02"}
    assert format_citation(abbreviation) == "“Talks with the U.S.,” Al-Ahram, 2 March 2021."
    arabic = {"title_original": "انتفاضة القدس تتأجج.", "title_english": "The Jerusalem uprising flares.",
              "outlet": "Al-Quds Al-Arabi", "date": "2021-05-11"}
    assert format_citation(arabic) == ("“انتفاضة القدس تتأجج (The Jerusalem uprising flares),” Al-Quds Al-Arabi, "
                                       "11 May 2021.")

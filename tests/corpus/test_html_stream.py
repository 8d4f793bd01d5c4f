"""Issue #13: an HTML page is read from the parser's events, without a tree (BeautifulSoup's held 8-9.5 MB per MB
of page), and gives what the tree gave: the reference below is the reader as it was, BeautifulSoup on lxml."""

from __future__ import annotations

import random
import tracemalloc

import pytest

from translator.corpus import readers
from translator.corpus.readers import _HTML_BLOCKS, _HTML_DROP, html_text


def reference(markup: str) -> dict:
    """What the tree reader (before issue #13's streaming) took from ``markup``."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")

    def meta(*names: str) -> str | None:
        for name in names:
            tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
            if tag and tag.get("content", "").strip():
                return tag["content"].strip()
        return None

    canonical = soup.find("link", rel="canonical")
    # read before the drop: the tree reader read it after, and crashed (AttributeError) on a page whose canonical
    # link sat in a dropped element (<noscript>, <header>), found by the random pages below
    canonical = canonical.get("href") if canonical else False
    title = meta("og:title") or (soup.title.get_text(" ", strip=True) if soup.title else None)
    for tag in soup(_HTML_DROP):
        tag.decompose()
    body = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = body.find_all(_HTML_BLOCKS)
    holders: set[int] = set()
    for el in blocks:
        parent = el.parent
        while parent is not None and id(parent) not in holders:
            holders.add(id(parent))
            if parent is body:
                break
            parent = parent.parent
    texts = [el.get_text(" ", strip=True) for el in blocks if id(el) not in holders]
    text = "\n\n".join(b for b in texts if b) or body.get_text("\n", strip=True)
    return {"text": text, "title": title, "outlet": meta("og:site_name", "application-name"),
            "published": meta("article:published_time", "datePublished", "pubdate", "date"),
            "url": meta("og:url") if canonical is False else canonical}


def streamed(markup: str) -> dict:
    page = html_text(markup)
    return {"text": page.text(), "title": page.meta("og:title") or page.title,
            "outlet": page.meta("og:site_name", "application-name"),
            "published": page.meta("article:published_time", "datePublished", "pubdate", "date"),
            "url": page.meta("og:url") if page.canonical is False else page.canonical}


AR = "الجزائر تعلق معاهدة الصداقة مع إسبانيا"
PAGES = {
    "news": f"""<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title> {AR} | الشروق </title>
        <meta property="og:site_name" content=" الشروق "><meta name="og:title" content="">
        <meta property="article:published_time" content="2022-06-08T10:00:00Z">
        <link rel="stylesheet canonical" href="https://example.dz/a/1"><script>var x = "<p>no</p>";</script>
        </head><body><header><h1>Site</h1><nav><ul><li>Home</li></ul></nav></header>
        <article><h1>{AR}</h1><p>قال الوزير <b>في</b> تصريح<br>صحفي.</p><!-- ad --><p>فقرة <a href=x>ثانية</a></p>
        <table><caption>جدول</caption><tr><th>أ</th><td>١٠</td></tr></table><figure><figcaption>صورة</figcaption></figure>
        </article><aside><p>related</p></aside><footer><p>©</p></footer></body></html>""",
    "no article, main": "<html><body><div><p>outside</p></div><main><div><p>one</p><p>two <i>three</i></p></div>"
                        "</main></body></html>",
    "nested blocks": "<body><blockquote>before<blockquote><p>inner</p></blockquote>after</blockquote>"
                     "<li>item<ul><li>sub</li></ul></li><td>cell</td></body>",
    "no blocks": "<html><body><div>just <span>text</span></div><div>more</div></body></html>",
    "no body": "<html><head><title>Only a title</title></head></html>",
    "unclosed and stray": "<p>one<p>two</div></span><div><p>three</b>four<h2>five</p></h2>six",
    "ruby and templates": "<p>漢<ruby>字<rt>kan</rt><rp>(</rp></ruby> <template><p>x</p></template>end</p>",
    "article in nav": "<nav><article><p>menu</p></article></nav><article><p>real</p></article>"
                      "<article><p>second</p></article>",
    "svg title": "<body><svg><title>icon</title></svg><p>text</p><title>late</title></body>",
    "meta order": '<meta name="date" content="2020"><meta property="date" content=" "><meta name="pubdate" '
                  'content="2021"><meta name="application-name" content="App"><meta property="og:url" '
                  'content="https://u"><p>x</p>',
    "comments split strings": "<p>a<!-- c -->b<?pi x?>c</p><p>   </p><pre>  keep \n  this  </pre>",
    "empty": "",
    "whitespace only": "  \n ",
    "entities and bidi": "<p>&lt;b&gt; &amp; &#x202b;نص&#x202c; &nbsp; </p><p>\u200f</p>",
    "form and button": "<form><p>field</p><button>ok</button></form><p>kept</p>",
    "bom": f"\ufeff<html><body><p>{AR}</p></body></html>",
    "deep": "<div>" * 3000 + "<p>deep</p>" + "</div>" * 3000,
    "deep blockquotes": "<blockquote>" * 5000 + "x" + "</blockquote>" * 5000,
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_read_from_events_gives_what_the_tree_gave(name: str) -> None:
    assert streamed(PAGES[name]) == reference(PAGES[name])


def _random_page(rng: random.Random) -> str:
    tags = ["p", "div", "span", "b", "article", "main", "body", "li", "ul", "td", "tr", "table", "h2", "blockquote",
            "script", "nav", "rt", "ruby", "title", "header", "section", "pre", "form"]
    words = [AR, "word", " ", "\n", "&amp;", "<!-- c -->", "<br>", "<meta property=og:title content=T>",
             '<link rel=canonical href="/c">']
    parts = []
    for _ in range(rng.randint(5, 80)):
        roll = rng.random()
        if roll < 0.4:
            parts.append(f"<{rng.choice(tags)}>")
        elif roll < 0.7:
            parts.append(f"</{rng.choice(tags)}>")
        else:
            parts.append(rng.choice(words))
    return "".join(parts)


def test_random_tag_soup_gives_what_the_tree_gave() -> None:
    rng = random.Random(13)
    pages = [_random_page(rng) for _ in range(300)]
    assert [streamed(p) for p in pages] == [reference(p) for p in pages]


@pytest.mark.parametrize("feed", [7, 333])
def test_the_page_is_fed_in_pieces_whatever_their_size(monkeypatch, feed: int) -> None:
    monkeypatch.setattr(readers, "HTML_FEED_CHARS", feed)
    for name in ("news", "unclosed and stray", "comments split strings", "meta order"):
        assert streamed(PAGES[name]) == reference(PAGES[name]), name


def test_reading_a_page_holds_its_text_not_a_tree() -> None:
    paragraph = "<div class='c'><p>" + " ".join([AR] * 6) + " <a href='/x'>link</a> <b>bold</b></p></div>\n"
    page = "<html><body><article>" + paragraph * (2 * 2**20 // len(paragraph.encode())) + "</article></body></html>"
    size = len(page.encode())
    tracemalloc.start()
    try:
        text = html_text(page).text()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(text) > 0.5 * len(page) * 0.5
    # the page's own text (a str, 2 bytes a character) and the strings kept; the tree took about 9× the page
    assert peak < 3.5 * size, f"{peak / size:.1f} bytes per byte of page"

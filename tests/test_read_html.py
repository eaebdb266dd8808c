"""HTML pages: main text through trafilatura, the declared publication date, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from fighterflows.model import Document, ReadError
from fighterflows.read import ReadOptions, read_sources
from fighterflows.read.html_meta import published_date

DEFAULT = ReadOptions()

ARTICLE = """<!DOCTYPE html>
<html><head><title>Fighters return</title>{head}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/about">About us</a></nav>
<article>
<p>At least 5,600 men, women and children have returned home, according to a new report.</p>
<p>The Soufan Center, a non-profit, said the flow of foreign fighters had
   come to a virtual standstill.</p>
</article>
<footer>Copyright 2020 Example News. All rights reserved.</footer>
</body></html>"""

TEXT = (
    "At least 5,600 men, women and children have returned home, according to a new report."
    "\n\nThe Soufan Center, a non-profit, said the flow of foreign fighters had come to a"
    " virtual standstill."
)


def read_all(*paths: Path | str, options: ReadOptions = DEFAULT) -> list[object]:
    return list(read_sources([str(p) for p in paths], options))


def test_html_article(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    head = '<meta property="article:published_time" content="2019-03-04T10:00:00+01:00">'
    path.write_text(ARTICLE.format(head=head), encoding="utf-8")
    (doc,) = read_all(path)
    assert doc == Document(
        id="a.html", text=TEXT, uri=str(path), title="Fighters return", published="2019-03-04"
    )


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ('<meta property="article:published_time" content="2019-03-04">', "", "2019-03-04"),
        ('<meta property="og:published_time" content="2019-03-05T00:00">', "", "2019-03-05"),
        (
            '<script type="application/ld+json">'
            '{"@graph": [{"@type": "NewsArticle", "datePublished": "2019-03-06"}]}</script>',
            "",
            "2019-03-06",
        ),
        ('<meta name="date" content="2019-03-07">', "", "2019-03-07"),
        ('<meta name="DC.date.issued" content="2019/03/08">', "", "2019-03-08"),
        ('<meta itemprop="datePublished" content="2019-03-09">', "", "2019-03-09"),
        ("", '<time datetime="2019-03-10T08:00">10 March</time>', "2019-03-10"),
        (
            '<meta name="date" content="2019-01-01">'
            '<meta property="article:published_time" content="2019-02-02">',
            '<time datetime="2019-03-03">x</time>',
            "2019-01-01",
        ),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle",'
            ' "datePublished": "March 4, 2019"}</script>',
            "",
            "2019-03-04",
        ),
        ('<meta name="publish_date" content="2019-03-11">', "", "2019-03-11"),
        ('<meta property="article:post_date" content="2019-03-12">', "", "2019-03-12"),
        ('<meta name="date" content="12.03.2019">', "", "2019-03-12"),
        ("", '<abbr class="published" title="2019-03-13">13 March</abbr>', "2019-03-13"),
        (
            "",
            '<time datetime="2019-03-14">today</time><time datetime="2017-01-01">older</time>',
            "2019-03-14",
        ),
        ('<meta name="date" content="2015-04">', "", "2015-04"),
        ('<meta name="date" content="2021">', "", "2021"),
        ('<meta name="date" content="2015/04">', "", None),
        ('<meta property="article:modified_time" content="2020-05-06">', "", None),
        ('<script type="application/ld+json">{"dateModified": "2020-05-06"}</script>', "", None),
        ('<meta itemprop="copyrightYear" content="2020">', "", None),
        ('<link rel="canonical" href="https://news.example/2019/03/04/story">', "", None),
        ('<meta name="description" content="Published: 4 March 2019, 10:00:00">', "", None),
        ("<title>Report of 4 March 2019</title>", '<img src="/2019/03/04/a.jpg">', None),
        ("", '<span class="date">4 March 2019</span><time>4 March 2019</time>', None),
        ('<script type="application/ld+json">{broken</script>', "", None),
        ('<meta name="date" content="soon">', "Published 4 March 2019.", None),
        ("", "Published 4 March 2019.", None),
    ],
    ids=[
        "article-published-time",
        "og-published-time",
        "json-ld-graph",
        "meta-date",
        "dc-date-issued",
        "itemprop",
        "time-element",
        "first-declared-in-page-order-then-time",
        "json-ld-written-date",
        "meta-publish-date",
        "article-post-date",
        "dotted-day-month-year",
        "abbr-published-microformat",
        "first-time-element-only",
        "month-stays-a-month",
        "year-stays-a-year",
        "month-in-a-form-not-read-is-not-given-a-day",
        "modified-date-is-no-publication-date",
        "json-ld-modified-date-neither",
        "copyright-year-is-no-date",
        "address-is-not-read-for-a-date",
        "description-is-prose",
        "headline-and-image-names-are-not-read",
        "element-text-is-not-read",
        "broken-json-ld",
        "unparseable-meta",
        "date-only-in-prose-is-not-taken",
    ],
)
def test_published_date(head: str, body: str, expected: str | None) -> None:
    html = f"<html><head>{head}</head><body><p>{body}</p></body></html>"
    assert published_date(html) == expected


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            b"<html><head><title>Only a title</title></head><body></body></html>",
            "HTML has no main text",
        ),
        (b"<html><body><script>var x = 1;</script></body></html>", "HTML has no main text"),
        (b"", "file is empty"),
        (b"\x00\x01\x02\x03binary" * 20, "binary file, not HTML"),
    ],
    ids=["title-only", "script-only", "empty", "binary"],
)
def test_html_errors(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    assert read_all(path) == [ReadError(str(path), reason)]


def test_html_over_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.htm"
    path.write_text(ARTICLE.format(head="") + " " * 5000, encoding="utf-8")
    (err,) = read_all(path, options=ReadOptions(max_chars=1000))
    assert err == ReadError(str(path), "HTML file larger than 4,000 bytes")


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text(ARTICLE.format(head=""), encoding="utf-8")
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert doc.text == TEXT


def test_html_in_latin1_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    head = '<meta charset="iso-8859-1"><meta property="og:site_name" content="Le Caf\u00e9">'
    html = ARTICLE.format(head=head).replace("non-profit", "caf\u00e9")
    path.write_bytes(html.encode("latin-1"))
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert "caf\u00e9" in doc.text
    assert doc.outlet == "Le Caf\u00e9"  # the meta tags in the page's charset too


@pytest.mark.parametrize("tag", ["div", "span", "section", "font"])
@pytest.mark.parametrize("depth", [10, 253, 254, 300, 2100, 5000])
def test_deeply_nested_html_keeps_its_text(tmp_path: Path, depth: int, tag: str) -> None:
    """libxml2 stops at 256 levels; what lies deeper was lost ("HTML has no main text")."""
    page = ARTICLE.format(head="")
    start, end = page.index("<article>"), page.index("</article>") + len("</article>")
    nested = f"<{tag}>" * depth + page[start:end] + f"</{tag}>" * depth
    path = tmp_path / "deep.html"
    path.write_text(page[:start] + nested + page[end:], encoding="utf-8")
    (doc,) = read_all(path)
    assert isinstance(doc, Document), doc
    assert (doc.text, doc.title) == (TEXT, "Fighters return")


def test_deep_markup_flattened_keeps_paragraphs_and_drops_scripts() -> None:
    from fighterflows.read.html_flat import MAX_DEPTH, flatten

    deep = "<div>" * (MAX_DEPTH + 5)
    html = f"<html><body>{deep}<p>One &amp; two</p><script>x()</script>three<br>four</body></html>"
    flat = flatten(html)
    assert flat is not None
    # below the limit: a paragraph per block and <br>; above it: the <div>s as they were
    assert "<div>" * (MAX_DEPTH - 2) + "<p>One &amp; two<p>three<p>four<p></div>" in flat
    assert "script" not in flat and "x()" not in flat
    assert flatten("<html><body><div><p>shallow</p></div></body></html>") is None

"""What cites a document, as each reader finds it: front matter, HTML meta tags and JSON-LD,
corpus columns, WARC headers, PDF document information. One table per format: input →
(title, outlet, author, url, published, accessed)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pypdf
import pytest
import yaml
from test_read_fixtures import pdf_bytes, warc_record

from fighterflows.model import Document
from fighterflows.read import ReadOptions, read_sources
from fighterflows.read.citing import Field, Origin, field_keys

BODY = "<article><p>At least 850 Britons travelled to Syria, the report says.</p></article>"
FIELDS = ("title", "outlet", "author", "url", "published", "accessed")


def cited(document: object) -> tuple[str | None, ...]:
    assert isinstance(document, Document), document
    return tuple(getattr(document, f) for f in FIELDS)


def read_one(path: Path, options: ReadOptions = ReadOptions()) -> Document:
    (document,) = list(read_sources([str(path)], options))
    assert isinstance(document, Document), document
    return document


# -- Markdown front matter ------------------------------------------------------------------

MARKDOWN = [
    (
        "all-fields",
        "title: Returnees\noutlet: The Harbour Courier\nauthor: Jane Doe\n"
        "url: https://courier.example/returnees\ndate: 2017-10-25\naccessed: 2024-03-01",
        (
            "Returnees",
            "The Harbour Courier",
            "Jane Doe",
            "https://courier.example/returnees",
            "2017-10-25",
            "2024-03-01",
        ),
    ),
    (
        "authors-list-publisher",
        "title: T\npublisher: Atlas Weekly\nauthors: [Jane Doe, John Roe, Jane Doe]",
        ("T", "Atlas Weekly", "Jane Doe; John Roe", None, None, None),
    ),
    (
        "clipper-source-is-the-address",
        "title: T\nsource: https://news.example/a?b=1\ncreated: 2024-01-02\nretrieved: 2024-01-03",
        ("T", None, None, "https://news.example/a?b=1", None, "2024-01-03"),
    ),
    (
        "not-an-address-is-no-url",
        "headline: H\nurl: see the archive\nbyline: '  The   Desk  '",
        ("H", None, "The Desk", None, None, None),
    ),
    (
        "empty-values-skipped",
        "title: ''\nsubject: S\noutlet: []\npublisher: P\nauthor: null",
        ("S", "P", None, None, None, None),
    ),
    (
        "no-front-matter-heading-is-title",
        None,
        ("Fighters come home", None, None, None, None, None),
    ),
]


@pytest.mark.parametrize(
    ("front", "expected"), [m[1:] for m in MARKDOWN], ids=[m[0] for m in MARKDOWN]
)
def test_markdown_front_matter(
    tmp_path: Path, front: str | None, expected: tuple[str | None, ...]
) -> None:
    path = tmp_path / "a.md"
    head = f"---\n{front}\n---\n" if front is not None else ""
    path.write_text(f"{head}# Fighters come home\n\nAt least 850 left.\n", encoding="utf-8")
    assert cited(read_one(path)) == expected


# -- HTML meta tags and JSON-LD ---------------------------------------------------------------


def ld(data: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


HTML = [
    (
        "open-graph-and-canonical",
        '<meta property="og:site_name" content="The Harbour Courier">'
        '<meta property="og:title" content="Britons return">'
        '<meta property="article:author" content="Jane Doe">'
        '<link rel="canonical" href="https://courier.example/britons">'
        '<meta property="article:published_time" content="2018-07-27T09:00:00Z">',
        (
            "Britons return",
            "The Harbour Courier",
            "Jane Doe",
            "https://courier.example/britons",
            "2018-07-27",
            None,
        ),
    ),
    (
        "citation-tags-for-a-report",
        '<meta name="citation_title" content="From Daesh to Diaspora">'
        '<meta name="citation_author" content="Joana Cook">'
        '<meta name="citation_author" content="Gina Vale">'
        '<meta name="citation_publisher" content="ICSR">'
        '<meta name="citation_publication_date" content="2018/07/23">'
        '<meta name="citation_public_url" content="https://icsr.example/daesh">'
        '<meta property="og:title" content="Not this one">',
        (
            "From Daesh to Diaspora",
            "ICSR",
            "Joana Cook; Gina Vale",
            "https://icsr.example/daesh",
            "2018-07-23",
            None,
        ),
    ),
    (
        "json-ld-news-article",
        ld(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "WebSite", "url": "https://wire.example/", "name": "Wire"},
                    {
                        "@type": "NewsArticle",
                        "headline": "Returnees counted",
                        "author": [{"@type": "Person", "name": "A. Writer"}, {"name": "B. Writer"}],
                        "publisher": {"@type": "Organization", "name": "Wire Service"},
                        "url": "https://wire.example/returnees",
                        "datePublished": "2019-02-03",
                    },
                ],
            }
        ),
        (
            "Returnees counted",
            "Wire Service",
            "A. Writer; B. Writer",
            "https://wire.example/returnees",
            "2019-02-03",
            None,
        ),
    ),
    (
        "a-profile-address-names-nobody",
        '<meta property="article:author" content="https://www.facebook.com/somepaper">'
        '<meta name="twitter:title" content="Tw title">',
        ("Tw title", None, None, None, None, None),
    ),
    (
        "meta-author-before-article-author",
        '<meta property="article:author" content="https://example.org/staff/jd">'
        '<meta name="author" content="Jane Doe">'
        '<meta property="og:url" content="https://example.org/x">',
        ("Page title", None, "Jane Doe", "https://example.org/x", None, None),
    ),
    (
        "relative-canonical-of-a-local-file-is-no-address",
        '<link rel="canonical" href="/world/britons">',
        ("Page title", None, None, None, None, None),
    ),
    (
        "nothing-declared-title-from-the-title-element",
        "",
        ("Page title", None, None, None, None, None),
    ),
]


@pytest.mark.parametrize(("head", "expected"), [h[1:] for h in HTML], ids=[h[0] for h in HTML])
def test_html_meta(tmp_path: Path, head: str, expected: tuple[str | None, ...]) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><head><title>Page title</title>{head}</head><body>{BODY}</body></html>",
        encoding="utf-8",
    )
    assert cited(read_one(path)) == expected


# -- corpora: JSONL and CSV columns -----------------------------------------------------------

RECORDS = [
    (
        "newsapi",
        {
            "source": {"id": None, "name": "BBC News"},
            "author": "Jane Doe",
            "title": "Back home",
            "url": "https://bbc.example/a",
            "publishedAt": "2019-03-04T10:00:00Z",
            "content": "850 returned.",
        },
        ("Back home", "BBC News", "Jane Doe", "https://bbc.example/a", "2019-03-04", None),
    ),
    (
        "news-please",
        {
            "source_domain": "www.wire.example",
            "authors": ["A. Writer", "B. Writer"],
            "title": "Counted",
            "url": "https://www.wire.example/c",
            "date_publish": "2017-10-24 08:00:00",
            "date_download": "2020-01-02 03:04:05",
            "text": "850 returned.",
        },
        (
            "Counted",
            "www.wire.example",
            "A. Writer; B. Writer",
            "https://www.wire.example/c",
            "2017-10-24",
            "2020-01-02",
        ),
    ),
    (
        "plain-columns",
        {
            "text": "850 returned.",
            "headline": "H",
            "outlet": "Atlas Weekly",
            "byline": "Desk",
            "link": "http://atlas.example/h",
            "date": "2016-05-06",
            "crawled": "2021-07-08",
        },
        ("H", "Atlas Weekly", "Desk", "http://atlas.example/h", "2016-05-06", "2021-07-08"),
    ),
    (
        "an-address-as-outlet-is-refused",
        {"text": "850 returned.", "source": "https://somewhere.example/", "url": "nowhere"},
        (None, None, None, None, None, None),
    ),
]


@pytest.mark.parametrize(
    ("record", "expected"), [r[1:] for r in RECORDS], ids=[r[0] for r in RECORDS]
)
def test_jsonl_columns(
    tmp_path: Path, record: dict[str, Any], expected: tuple[str | None, ...]
) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert cited(read_one(path)) == expected


def test_csv_columns(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(
        "text,title,publisher,author,url,published,accessed\n"
        '"850 returned.",Back home,Atlas Weekly,"Jane Doe",https://atlas.example/b,'
        "2018-01-02,2019-02-03\n",
        encoding="utf-8",
    )
    assert cited(read_one(path)) == (
        "Back home",
        "Atlas Weekly",
        "Jane Doe",
        "https://atlas.example/b",
        "2018-01-02",
        "2019-02-03",
    )


# -- WARC headers, PDF document information ---------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected_url"),
    [
        ("", "https://news.example/a"),  # the target URI
        ('<link rel="canonical" href="/a-canonical">', "https://news.example/a-canonical"),
    ],
    ids=["target-uri", "canonical-resolved-against-it"],
)
def test_warc_headers(tmp_path: Path, head: str, expected_url: str) -> None:
    page = (
        f'<html><head><title>T</title><meta property="og:site_name" content="News">{head}'
        f"</head><body>{BODY}</body></html>"
    )
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        gzip.compress(warc_record("https://news.example/a", page.encode(), "text/html"))
    )
    assert cited(read_one(path)) == ("T", "News", None, expected_url, None, "2024-01-01")


def test_pdf_document_information(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bytes([[["850 left."]]]))))
    writer.add_metadata({"/Title": "Beyond the Caliphate", "/Author": "Richard Barrett"})
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "report.pdf"
    path.write_bytes(out.getvalue())
    assert cited(read_one(path))[:4] == ("Beyond the Caliphate", None, "Richard Barrett", None)


# -- the data file ----------------------------------------------------------------------------


def test_the_data_file_lists_every_field_for_every_origin_once() -> None:
    for origin in Origin:
        keys = field_keys(origin)
        expected = set(Field) - ({Field.ACCESSED} if origin is Origin.HTML else set())
        assert set(keys) == expected, origin
        for field, names in keys.items():
            assert len(names) == len(set(names)), (origin, field)


def test_html_places_are_known_kinds_with_lower_case_meta_names() -> None:
    for names in field_keys(Origin.HTML).values():
        for place in names:
            kind, _, key = place.partition(":")
            assert kind in ("meta", "link", "ld") and key, place
            if kind == "meta":
                assert key == key.lower(), place


def test_a_key_names_one_field_per_origin() -> None:
    raw = yaml.safe_load(
        (Path(__file__).parents[1] / "fighterflows" / "data" / "citation_fields.yaml").read_text()
    )
    for origin, section in raw.items():
        seen: dict[str, str] = {}
        for field, names in section.items():
            for name in names:
                assert name not in seen, f"{origin}: {name} under {seen.get(name)} and {field}"
                seen[name] = field

"""The same article in every format reads to the same text and date as its plain-text copy.

Offsets and estimates are computed on Document.text, so a figure must not move or change when
the article arrives as HTML, PDF, a corpus record or a web archive instead of a .txt file.
"""

from __future__ import annotations

import csv
import gzip
import html
import json
import textwrap
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_read_fixtures import pdf_bytes, warc_record

from fighterflows.model import Document
from fighterflows.read import read_sources

DATE = "2017-10-24"
TITLE = "Returns slow as the group loses ground"
PARAGRAPHS = [
    "At least 5,600 people from 33 countries who travelled to the conflict zone have now "
    "returned home, according to a report published on Tuesday.",
    'The report, by a non-profit research group, said the flow of new recruits had "come to '
    'a virtual standstill" in 2017, down from about 2,000 a month in 2014.',
    "Officials in several European countries estimated that between 20 and 30 percent of "
    "those who left had come back, while roughly a quarter were believed to have been killed.",
    "More than 40,000 foreigners from over 110 countries are thought to have joined the "
    "fighting since 2011.",
]
ARTICLE = "\n\n".join(PARAGRAPHS)


def write_txt(path: Path) -> Path:
    path = path / "article.txt"
    path.write_text(f" date {DATE} {ARTICLE}\n", encoding="utf-8")
    return path


def write_txt_gz(path: Path) -> Path:
    path = path / "article.txt.gz"
    path.write_bytes(gzip.compress(f" date {DATE} {ARTICLE}\n".encode()))
    return path


def write_md(path: Path) -> Path:
    path = path / "article.md"
    path.write_text(f"---\ntitle: {TITLE}\ndate: {DATE}\n---\n\n{ARTICLE}\n", encoding="utf-8")
    return path


def html_page() -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><title>{TITLE}</title>"
        f'<meta property="article:published_time" content="{DATE}T09:00:00Z"></head>'
        f'<body><nav><a href="/">Home</a></nav><article>{body}</article>'
        "<footer>Example News</footer></body></html>"
    )


def write_html(path: Path) -> Path:
    path = path / "article.html"
    path.write_text(html_page(), encoding="utf-8")
    return path


def write_jsonl(path: Path) -> Path:
    path = path / "corpus.jsonl"
    other = {"id": "other", "text": "Another record.", "date": "2001-01-01"}
    record = {"id": "article", "text": ARTICLE, "date": DATE, "title": TITLE}
    path.write_text(f"{json.dumps(other)}\n{json.dumps(record)}\n", encoding="utf-8")
    return path


def write_csv(path: Path) -> Path:
    path = path / "corpus.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerows(
            [["id", "date", "text"], ["other", "2001-01-01", "x"], ["article", DATE, ARTICLE]]
        )
    return path


def write_parquet(path: Path) -> Path:
    path = path / "corpus.parquet"
    table = pa.table(
        {"id": ["other", "article"], "date": ["2001-01-01", DATE], "text": ["x", ARTICLE]}
    )
    pq.write_table(table, path)
    return path


def write_warc(path: Path) -> Path:
    path = path / "crawl.warc.gz"
    record = warc_record("https://news.example/article", html_page().encode(), "text/html")
    path.write_bytes(gzip.compress(record))
    return path


def write_pdf(path: Path) -> Path:
    path = path / "article.pdf"
    lines = [textwrap.wrap(p, width=70, break_on_hyphens=False) for p in PARAGRAPHS]
    created = DATE.replace("-", "") + "090000Z"
    path.write_bytes(pdf_bytes([lines[:2], lines[2:]], title=TITLE, created=created))
    return path


WRITERS: list[Callable[[Path], Path]] = [
    write_txt,
    write_txt_gz,
    write_md,
    write_html,
    write_jsonl,
    write_csv,
    write_parquet,
    write_warc,
    write_pdf,
]


def the_article(path: Path) -> Document:
    docs = [d for d in read_sources([str(path)]) if isinstance(d, Document)]
    matching = [d for d in docs if d.published == DATE]
    assert len(matching) == 1, docs
    return matching[0]


@pytest.mark.parametrize("write", WRITERS, ids=[w.__name__[6:] for w in WRITERS])
def test_same_text_and_date_in_every_format(tmp_path: Path, write: Callable[[Path], Path]) -> None:
    doc = the_article(write(tmp_path))
    assert doc.text == ARTICLE
    assert doc.published == DATE

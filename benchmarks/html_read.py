"""Reading HTML pages: the whole reader (`html_document`: main text, date, citation fields)
and the markup look alone (`page_meta`: date and citation fields), ms a page on one core.

    .venv/bin/python benchmarks/html_read.py [--pages N] [--rounds R]

The pages are generated, the same every run (seeded): a news page around each bundled sample
article, with the boilerplate a real one carries (a navigation of a hundred links, scripts and
styles, a list of related articles each with its <time>, a footer) and one of several ways of
declaring its date (Open Graph, JSON-LD, date meta names, <time>, none), about 30 KB each.
The first round (imports, compiled patterns) is reported apart; then the median of R rounds
over all pages. The machine is shared: `uptime`'s load is printed before and after.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The checkout's own package first: an editable install elsewhere (a worktree's venv is the
# main clone's) would otherwise be the code measured.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import argparse
import json
import os
import random
import statistics
import time
from collections.abc import Callable

from fighterflows.read.html import html_document
from fighterflows.read.html_meta import page_meta
from fighterflows.read.options import ReadOptions

SAMPLE = Path(__file__).resolve().parents[1] / "fighterflows" / "data" / "sample"
OPTIONS = ReadOptions()


def _declared(rng: random.Random, day: str) -> tuple[str, str]:
    """(head, body) markup declaring the page's date in one of the common ways."""
    ways = [
        (f'<meta property="article:published_time" content="{day}T09:30:00+00:00">', ""),
        (ld({"@type": "NewsArticle", "headline": "H", "datePublished": f"{day}T09:30:00Z"}), ""),
        (f'<meta name="date" content="{day}">', ""),
        ("", f'<time datetime="{day}T09:30" pubdate="pubdate">{day}</time>'),
        ("", f"<p class='byline'>Published {day}</p>"),
    ]
    return rng.choice(ways)


def ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def page(rng: random.Random, article: str, i: int) -> bytes:
    day = f"20{rng.randint(14, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    head, byline = _declared(rng, day)
    nav = "".join(f'<li><a href="/section/{k}">Section {k}</a></li>' for k in range(100))
    related = "".join(
        f'<li><a href="/news/{i}-{k}">Related story {k}</a>'
        f' <time datetime="2020-0{k % 9 + 1}-1{k % 9}">earlier</time></li>'
        for k in range(20)
    )
    script = (
        "<script>" + "var tracker = {a: 1, b: [1, 2, 3]};\n" * rng.randint(200, 600) + "</script>"
    )
    style = "<style>" + ".c{margin:0;padding:0}\n" * rng.randint(200, 600) + "</style>"
    paragraphs = "".join(f"<p>{p}</p>" for p in article.split("\n\n") if p.strip())
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Story {i} | The Example Courier</title>"
        '<meta property="og:site_name" content="The Example Courier">'
        f'<meta property="og:title" content="Story {i}">'
        f'<link rel="canonical" href="https://courier.example/news/{i}">'
        f"{head}{style}</head><body><header><ul>{nav}</ul></header>"
        f"<main><article><h1>Story {i}</h1>{byline}{paragraphs}</article>"
        f"<aside><ul>{related}</ul></aside></main>{script}"
        "<footer><p>Copyright The Example Courier. All rights reserved.</p></footer>"
        "</body></html>"
    ).encode()


def pages(n: int, seed: int = 7) -> list[bytes]:
    rng = random.Random(seed)
    articles = [
        p.read_text(encoding="utf-8").split("---", 2)[-1] for p in sorted(SAMPLE.glob("*.md"))
    ]
    return [page(rng, articles[i % len(articles)], i) for i in range(n)]


def _read(data: bytes) -> None:
    html_document(data, name="page.html", uri=None, options=OPTIONS)


def _meta(data: bytes) -> None:
    page_meta(data.decode("utf-8", errors="replace"))


def per_page_ms(work: Callable[[bytes], None], corpus: list[bytes]) -> float:
    start = time.process_time()
    for data in corpus:
        work(data)
    return 1000 * (time.process_time() - start) / len(corpus)


def load() -> str:
    return "load " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    corpus = pages(args.pages)
    size = sum(len(p) for p in corpus) / len(corpus) / 1024
    print(f"{len(corpus)} pages, {size:.0f} KB a page on average; {load()}")
    first = per_page_ms(_read, corpus[:10])
    print(f"first 10 pages (imports included): {first:.1f} ms a page")
    for label, work in (
        ("html_document (whole reader)", _read),
        ("page_meta (markup only)", _meta),
    ):
        runs = [per_page_ms(work, corpus) for _ in range(args.rounds)]
        print(
            f"{label}: median {statistics.median(runs):.2f} ms a page (CPU), runs "
            + ", ".join(f"{r:.2f}" for r in runs)
        )
    print(load())


if __name__ == "__main__":
    main()

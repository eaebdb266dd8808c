"""The publication date an HTML page declares in its markup (never guessed from the prose).

Looked for, most trusted first: `article:published_time`, `og:published_time`, JSON-LD
`datePublished`, `<meta itemprop="datePublished">`, date meta names (`date`, `dc.date`, ...),
then the first `<time datetime>`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from fighterflows.read.dates import normalise_date

_META_RANKS = {
    "article:published_time": 0,
    "og:published_time": 1,
    "itemprop:datepublished": 3,
    "date": 4,
    "dc.date": 4,
    "dc.date.issued": 4,
    "dcterms.date": 4,
    "dcterms.issued": 4,
    "citation_publication_date": 4,
    "citation_date": 4,
    "pubdate": 4,
    "publishdate": 4,
    "publish-date": 4,
    "parsely-pub-date": 4,
    "sailthru.date": 4,
}
_JSON_LD_RANK = 2
_TIME_RANK = 5


class _DateFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[int, str] = {}
        self._in_json_ld = False
        self._json_ld: list[str] = []

    def _offer(self, rank: int, value: str | None) -> None:
        day = normalise_date(value)
        if day is not None and rank not in self.found:
            self.found[rank] = day

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): v for k, v in attrs if v is not None}
        if tag == "meta":
            for key in ("property", "name", "itemprop"):
                name = attr.get(key, "").lower()
                name = f"itemprop:{name}" if key == "itemprop" else name
                if name in _META_RANKS:
                    self._offer(_META_RANKS[name], attr.get("content"))
        elif tag == "time" and "datetime" in attr:
            self._offer(_TIME_RANK, attr["datetime"])
        elif tag == "script" and attr.get("type", "").lower() == "application/ld+json":
            self._in_json_ld = True
            self._json_ld = []

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self._json_ld.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_json_ld:
            self._in_json_ld = False
            for value in _json_ld_dates("".join(self._json_ld)):
                self._offer(_JSON_LD_RANK, value)


def _json_ld_dates(raw: str) -> Iterator[str]:
    try:
        data = json.loads(raw)
    except ValueError:
        return
    yield from _walk(data)


def _walk(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        value = node.get("datePublished")
        if isinstance(value, str):
            yield value
        for child in node.values():
            yield from _walk(child)
    elif isinstance(node, list):
        for child in node:
            yield from _walk(child)


def published_date(html: str) -> str | None:
    """The ISO date the page's markup declares as its publication date, or None."""
    finder = _DateFinder()
    try:
        finder.feed(html)
        finder.close()
    except (AssertionError, ValueError):  # HTMLParser on badly broken markup
        pass
    return finder.found[min(finder.found)] if finder.found else None

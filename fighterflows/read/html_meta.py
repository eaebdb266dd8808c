"""What an HTML page declares about itself in its markup (never guessed from the prose): its
publication date, and what cites it — headline, outlet, author, canonical address.

The date is looked for, most trusted first, in `article:published_time`, `og:published_time`,
JSON-LD `datePublished`, `<meta itemprop="datePublished">`, date meta names (`date`,
`dc.date`, ...), then the first `<time datetime>`. The citation fields are looked for in the
places data/citation_fields.yaml lists (`og:site_name`, `citation_title`, `article:author`,
`<link rel="canonical">`, JSON-LD `headline` ...), in its order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from fighterflows.read.citing import (
    Cited,
    Field,
    Origin,
    authors,
    field_keys,
    one_line,
    person_or_body,
    web_address,
)
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
# JSON-LD objects that describe the page's article (a site's or an organisation's do not).
_ARTICLE_TYPES = ("Article", "Report", "WebPage", "BlogPosting")


@dataclass(frozen=True, slots=True)
class PageMeta:
    published: str | None
    cited: Cited


class _MetaFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[int, str] = {}  # date rank → date
        self.places: dict[str, list[str]] = {}  # "meta:og:title" → its values, in order
        self.articles: list[dict[str, Any]] = []  # JSON-LD article objects
        self._in_json_ld = False
        self._json_ld: list[str] = []

    def _offer(self, rank: int, value: str | None) -> None:
        day = normalise_date(value)
        if day is not None and rank not in self.found:
            self.found[rank] = day

    def _keep(self, place: str, value: str | None) -> None:
        if value:
            self.places.setdefault(place, []).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): v for k, v in attrs if v is not None}
        if tag == "meta":
            for key in ("property", "name", "itemprop"):
                name = attr.get(key, "").lower()
                if name:
                    self._keep(f"meta:{name}", attr.get("content"))
                name = f"itemprop:{name}" if key == "itemprop" else name
                if name in _META_RANKS:
                    self._offer(_META_RANKS[name], attr.get("content"))
        elif tag == "link" and "canonical" in attr.get("rel", "").lower().split():
            self._keep("link:canonical", attr.get("href"))
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
            for node in _json_ld_nodes("".join(self._json_ld)):
                value = node.get("datePublished")
                if isinstance(value, str):
                    self._offer(_JSON_LD_RANK, value)
                if _is_article(node):
                    self.articles.append(node)


def _json_ld_nodes(raw: str) -> Iterator[dict[str, Any]]:
    try:
        data = json.loads(raw)
    except ValueError:
        return
    yield from _walk(data)


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for child in node.values():
            yield from _walk(child)
    elif isinstance(node, list):
        for child in node:
            yield from _walk(child)


def _is_article(node: dict[str, Any]) -> bool:
    kinds = node.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    typed = any(isinstance(k, str) and k.endswith(_ARTICLE_TYPES) for k in names)
    return typed or "headline" in node


def _parse(html: str) -> _MetaFinder:
    finder = _MetaFinder()
    try:
        finder.feed(html)
        finder.close()
    except (AssertionError, ValueError):  # HTMLParser on badly broken markup
        pass
    return finder


def published_date(html: str) -> str | None:
    """The ISO date the page's markup declares as its publication date, or None."""
    return _date(_parse(html))


def _date(finder: _MetaFinder) -> str | None:
    return finder.found[min(finder.found)] if finder.found else None


def page_meta(html: str, base: str | None = None) -> PageMeta:
    """The date and the citation fields the markup declares; a relative canonical address is
    resolved against `base` (the page's own address) when that is a web address."""
    finder = _parse(html)
    keys = field_keys(Origin.HTML)
    cleaners = {
        Field.TITLE: one_line,
        Field.OUTLET: person_or_body,
        Field.AUTHOR: authors,
        Field.URL: lambda v: web_address(v, base),
    }
    fields = {
        f.value: _first(finder, keys[f], clean, together=f is Field.AUTHOR)
        for f, clean in cleaners.items()
    }
    return PageMeta(published=_date(finder), cited=Cited(**fields))


def _first(finder: _MetaFinder, places: tuple[str, ...], clean: Any, together: bool) -> str | None:
    """The first place, in the order given, holding a value `clean` accepts. With `together`,
    the values of a repeated tag are taken as one (a `citation_author` tag per author)."""
    for place in places:
        kind, _, key = place.partition(":")
        values: list[Any]
        if kind == "ld":
            values = [a[key] for a in finder.articles if key in a]
        else:
            values = finder.places.get(place, [])
            values = [values] if together and values else values
        for value in values:
            found = clean(value)
            if found is not None:
                return str(found)
    return None

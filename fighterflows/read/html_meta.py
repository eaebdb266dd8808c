"""What an HTML page declares about itself in its markup (never guessed from the prose): its
publication date, and what cites it — headline, outlet, author, canonical address.

The date is htmldate's (`find_date`: fast mode, the original date), read from a copy of the
page that holds only the markup declaring a publication date: the meta tags htmldate reads one
from (`article:published_time`, `og:published_time`, `date`, `dc.date`, `citation_date`,
`itemprop="datePublished"`, ... the first of them in the page's order), the JSON-LD's
`datePublished`, then `<abbr class="published" title>` and the first
`<time datetime>`, without their text. Handed the whole page, even htmldate's fast mode goes on
to read a date out of the headline, the prose, image names and the page's address; on this
copy nothing is left for those steps but declared dates. Left out on purpose:
- the page's address (its `/2019/03/04/` is a filing convention, and a saved file's path
  often holds the day it was saved);
- a modified date (`article:modified_time`, `dateModified`): the document's date is the day it
  was published, which dates its figures, orders its copies and cites it;
- every `<time>` after the first: htmldate would take the earliest, which on a news page is
  as often an older story in a list of related ones as the article's own.
A date is kept as precise as the page gives it: htmldate completes "2015-04" with today's day
and drops a bare "2021"; the declared month or year is kept instead.

The citation fields are looked for in the places data/citation_fields.yaml lists
(`og:site_name`, `citation_title`, `article:author`, `<link rel="canonical">`, JSON-LD
`headline` ...), in its order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# JSON-LD objects that describe the page's article (a site's or an organisation's do not).
_ARTICLE_TYPES = ("Article", "Report", "WebPage", "BlogPosting")
# The JSON-LD key of a publication date; everything else in a JSON-LD block (its
# `description`, `articleBody`) is prose.
_JSON_LD_DATE = "datePublished"
# The product's own bounds for a date (read/dates.py), fixed: htmldate's default latest date
# is today, which would make a page's date depend on the day it is read.
_EARLIEST, _LATEST = datetime(1800, 1, 1), datetime(2199, 12, 31)
_NUMBERS = re.compile(r"\d+")
# The attributes of a <meta> that name what its content is.
_META_KEYS = ("property", "name", "itemprop")


@dataclass(frozen=True, slots=True)
class PageMeta:
    published: str | None
    cited: Cited


@dataclass(slots=True)
class _Found:
    places: dict[str, list[str]] = field(default_factory=dict)  # "meta:og:title" → values
    articles: list[dict[str, Any]] = field(default_factory=list)  # JSON-LD article objects
    dates: list[str] = field(default_factory=list)  # JSON-LD datePublished values

    def keep(self, place: str, value: str | None) -> None:
        if value:
            self.places.setdefault(place, []).append(value)


def parse_page(page: bytes | str) -> HtmlElement | None:
    """The page's tree as trafilatura builds it (its charset detection and repairs), so the
    same tree serves the main text, the date and the citation fields; None if not HTML."""
    from trafilatura.settings import DEFAULT_CONFIG
    from trafilatura.utils import load_html

    return load_html(page, DEFAULT_CONFIG.getint("DEFAULT", "MAX_FILE_SIZE"))


def published_date(page: HtmlElement | str) -> str | None:
    """The ISO date the page's markup declares as its publication date, or None."""
    tree = _tree(page)
    return None if tree is None else _date(tree, _collect(tree))


def page_meta(page: HtmlElement | str, base: str | None = None) -> PageMeta:
    """The date and the citation fields the markup declares; a relative canonical address is
    resolved against `base` (the page's own address) when that is a web address."""
    tree = _tree(page)
    if tree is None:
        return PageMeta(published=None, cited=Cited())
    found = _collect(tree)
    keys = field_keys(Origin.HTML)
    cleaners = {
        Field.TITLE: one_line,
        Field.OUTLET: person_or_body,
        Field.AUTHOR: authors,
        Field.URL: lambda v: web_address(v, base),
    }
    fields = {
        f.value: _first(found, keys[f], clean, together=f is Field.AUTHOR)
        for f, clean in cleaners.items()
    }
    return PageMeta(published=_date(tree, found), cited=Cited(**fields))


def _tree(page: HtmlElement | str) -> HtmlElement | None:
    return parse_page(page) if isinstance(page, str) else page


def _collect(tree: HtmlElement) -> _Found:
    found = _Found()
    for element in tree.iter("meta", "link", "script"):
        attr = {str(k).lower(): v for k, v in element.attrib.items()}
        if element.tag == "meta":
            for key in _META_KEYS:
                name = attr.get(key, "").lower()
                if name:
                    found.keep(f"meta:{name}", attr.get("content"))
        elif element.tag == "link" and "canonical" in attr.get("rel", "").lower().split():
            found.keep("link:canonical", attr.get("href"))
        elif element.tag == "script" and attr.get("type", "").lower() == "application/ld+json":
            for node in _json_ld_nodes(element.text or ""):
                value = node.get(_JSON_LD_DATE)
                if isinstance(value, str) and value:
                    found.dates.append(value)
                if _is_article(node):
                    found.articles.append(node)
    return found


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


def _date(tree: HtmlElement, found: _Found) -> str | None:
    from htmldate import find_date

    declared = _declared_dates(tree, found)
    if declared is None:
        return None
    day = find_date(
        declared,
        extensive_search=False,  # no scoring of every date-like string in the prose
        original_date=True,  # the publication date, never a modified one as a reserve
        url=None,  # and the copy has no canonical link: no date read from an address
        min_date=_EARLIEST,
        max_date=_LATEST,
    )
    return _as_precise_as_declared(day, _declared_values(declared))


def _declared_dates(tree: HtmlElement, found: _Found) -> HtmlElement | None:
    """A page of the markup that declares a publication date, nothing else (see the module's
    docstring); None if there is none."""
    from htmldate.core import DATE_ATTRIBUTES, ITEMPROP_ATTRS_ORIGINAL
    from lxml.html import Element

    published = DATE_ATTRIBUTES | ITEMPROP_ATTRS_ORIGINAL
    head: list[HtmlElement] = [
        _bare(meta)
        for meta in tree.iter("meta")
        if meta.get("content")
        and (
            "pubdate" in meta.attrib
            or any(meta.get(k, "").lower() in published for k in _META_KEYS)
        )
    ]
    # as the microdata that says the same, which htmldate reads in every form of date it
    # knows (its JSON-LD search takes only "YYYY-MM-DD")
    head.extend(Element("meta", itemprop="datePublished", content=d) for d in found.dates)
    body = [_bare(abbr) for abbr in tree.iter("abbr") if abbr.get("title")]
    first_time = next((t for t in tree.iter("time") if t.get("datetime")), None)
    if first_time is not None:
        body.append(_bare(first_time))
    if not head and not body:
        return None
    page = Element("html")
    page.append(Element("head"))
    page.append(Element("body"))
    page[0].extend(head)
    page[1].extend(body)
    return page


def _bare(element: HtmlElement) -> HtmlElement:
    """The element with its attributes, without its text or children."""
    from lxml.html import Element

    return Element(str(element.tag), dict(element.attrib))


def _declared_values(declared: HtmlElement) -> list[str]:
    """The date values the copy declares, in its order."""
    return [
        value
        for element in declared.iter("meta", "abbr", "time")
        for key in ("content", "title", "datetime")
        if (value := element.get(key))
    ]


def _as_precise_as_declared(day: str | None, values: list[str]) -> str | None:
    """htmldate's day, if the page declares that day: htmldate completes a month ("2015-04",
    "2015/04") with the day of the month it is run on, and drops a bare year ("2021"). A
    month or a year read from the declarations is the date then, as precise as declared."""
    dates = [d for d in map(normalise_date, values) if d is not None]
    partial = [d for d in dates if len(d) < len("YYYY-MM-DD")]
    if day is None:
        return partial[0] if partial else None
    if day in dates:
        return day
    coarser = next((d for d in partial if day.startswith(d)), None)
    if coarser is not None:
        return coarser
    # a form the product's normaliser does not read ("04.03.2019"): the day is declared if
    # the value holds its year and its day of the month
    year, _, of_month = (int(n) for n in day.split("-"))
    if any({year, of_month} <= {int(n) for n in _NUMBERS.findall(v)} for v in values):
        return day
    return None


def _first(found: _Found, places: tuple[str, ...], clean: Any, together: bool) -> str | None:
    """The first place, in the order given, holding a value `clean` accepts. With `together`,
    the values of a repeated tag are taken as one (a `citation_author` tag per author)."""
    for place in places:
        kind, _, key = place.partition(":")
        values: list[Any]
        if kind == "ld":
            values = [a[key] for a in found.articles if key in a]
        else:
            values = found.places.get(place, [])
            values = [values] if together and values else values
        for value in values:
            found_value = clean(value)
            if found_value is not None:
                return str(found_value)
    return None

"""Citation fields as documents declare them (front matter, meta tags, corpus columns, WARC
headers), cleaned the same way for every reader: one line of text, web addresses only when
absolute http(s), several authors joined by "; "."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from types import MappingProxyType
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

from fighterflows.model import Document
from fighterflows.read.dates import normalise_date

MAX_CHARS = 500  # a field longer than this is not a headline or a name but a page of junk
AUTHORS_SEPARATOR = "; "
_SPACES = re.compile(r"\s+")


def one_line(value: object) -> str | None:
    """The value as one line of text (whitespace collapsed), or None if empty or not text."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = _SPACES.sub(" ", str(value)).strip()
    if not text or len(text) > MAX_CHARS:
        return None
    return text


def web_address(value: object, base: str | None = None) -> str | None:
    """An absolute http(s) address (a relative one resolved against `base`), or None."""
    text = one_line(value)
    if text is None or " " in text:
        return None
    if base and is_web_address(base):
        text = urljoin(base, text)
    return text if is_web_address(text) else None


def is_web_address(text: str | None) -> bool:
    if not text:
        return False
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def person_or_body(value: object) -> str | None:
    """A byline's name: text, or a JSON-LD / NewsAPI-style object's `name`; never an address
    (`article:author` often holds a profile's URL, which names nobody)."""
    if isinstance(value, Mapping):
        value = value.get("name")
    text = one_line(value)
    if text is None or is_web_address(text) or text.startswith("@"):
        return None
    return text


def authors(value: object) -> str | None:
    """One author, or a list of them, as one field: "Jane Doe; John Roe"."""
    items = value if isinstance(value, list | tuple) else [value]
    names: list[str] = []
    for item in items:
        name = person_or_body(item)
        if name is not None and name not in names:
            names.append(name)
    return AUTHORS_SEPARATOR.join(names) if names else None


def first_of(record: Mapping[str, Any], keys: tuple[str, ...], clean: Any) -> str | None:
    """The first of `keys` whose value `clean` accepts."""
    for key in keys:
        if key in record:
            found = clean(record[key])
            if found is not None:
                return str(found)
    return None


class Field(StrEnum):
    TITLE = "title"
    OUTLET = "outlet"
    AUTHOR = "author"
    URL = "url"
    ACCESSED = "accessed"


class Origin(StrEnum):
    """Where the fields are looked for: a section of data/citation_fields.yaml."""

    FRONT_MATTER = "front_matter"
    CORPUS = "corpus"
    HTML = "html"


Keys = Mapping[Field, tuple[str, ...]]


@functools.cache
def field_keys(origin: Origin) -> Keys:
    """For each field, the keys `origin` may hold it under, most trusted first."""
    text = resources.files("fighterflows").joinpath("data", "citation_fields.yaml")
    section = yaml.safe_load(text.read_text("utf-8"))[origin.value]
    return MappingProxyType({Field(k): tuple(str(x) for x in v) for k, v in section.items()})


@dataclass(frozen=True, slots=True)
class Cited:
    """The citation fields one origin declares; None where it declares nothing."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    accessed: str | None = None

    def fill(self, document: Document) -> Document:
        """`document` with the fields it lacks taken from these (its own win)."""
        missing = {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if getattr(self, f.name) is not None and getattr(document, f.name) is None
        }
        return dataclasses.replace(document, **missing) if missing else document


def declared(record: Mapping[str, Any], origin: Origin) -> Cited:
    """The citation fields a front matter or a corpus record declares, by the keys of
    `origin`; `accessed` as an ISO date."""
    keys = field_keys(origin)
    cleaners: dict[Field, Any] = {
        Field.TITLE: one_line,
        Field.OUTLET: person_or_body,
        Field.AUTHOR: authors,
        Field.URL: web_address,
        Field.ACCESSED: normalise_date,
    }
    return Cited(**{f.value: first_of(record, keys[f], cleaners[f]) for f in Field})

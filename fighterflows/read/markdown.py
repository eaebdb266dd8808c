"""Markdown with YAML front matter: the body is the text; the front matter gives the date, the
title and the rest of what cites it (outlet, author, address, when it was captured)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import yaml

from fighterflows.model import Document
from fighterflows.read.citing import Origin, declared
from fighterflows.read.dates import normalise_date
from fighterflows.read.errors import ReadFailure
from fighterflows.read.options import ReadOptions
from fighterflows.read.source import ReadResult, Source
from fighterflows.read.textio import decode_stream

_OPEN = re.compile(r"^---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
DATE_KEYS = ("date", "pubDate", "published", "datePublished", "publishDate", "pubdate")


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, except that a value shaped like a timestamp that is no calendar date
    ("date: 2020-21-01") stays its text, as a meta tag's or a corpus field's would:
    `normalise_date` then judges it, instead of PyYAML's ValueError losing the document."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The front matter as a mapping (empty if none) and the body after it."""
    opening = _OPEN.match(text)
    if not opening:
        return {}, text
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return {}, text
    raw = text[opening.end() : closing.start()]
    try:
        meta = yaml.load(raw, Loader=_FrontMatterLoader)  # a SafeLoader: no arbitrary objects
    except yaml.YAMLError as error:
        raise ReadFailure(f"front matter is not valid YAML ({_yaml_problem(error)})") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ReadFailure("front matter is not a mapping of keys to values")
    return meta, text[closing.end() :]


def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or "syntax error"
    if mark is not None:
        # +2: the mark counts from 0 inside the front matter, which starts on line 2.
        return f"line {mark.line + 2}: {problem}"
    return str(problem)


def first_value(meta: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """The first non-empty value among `keys` (front matter often holds `date: []`)."""
    for key in keys:
        value = meta.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def markdown_document(source: Source, text: str) -> Document:
    meta, body = split_front_matter(text)
    body = body.strip()
    if not body:
        raise ReadFailure("Markdown has no text after its front matter")
    heading = _HEADING.search(body)
    document = Document(
        id=source.name,
        text=body,
        uri=source.uri,
        published=normalise_date(first_value(meta, DATE_KEYS)),
    )
    cited = declared(meta, Origin.FRONT_MATTER)
    if cited.title is None and heading:
        cited = dataclasses.replace(cited, title=heading.group(1).strip())
    return cited.fill(document)


def read_markdown(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    with source.open() as stream:
        text = decode_stream(stream, options)
    yield markdown_document(source, text)

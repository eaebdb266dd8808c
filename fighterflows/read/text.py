"""Plain text files, with the optional ` date YYYY-MM-DD ` header of the seed files."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from fighterflows.model import Document
from fighterflows.read.errors import ReadFailure
from fighterflows.read.options import ReadOptions
from fighterflows.read.source import ReadResult, Source
from fighterflows.read.textio import decode_stream

# The seed files put the header and the text on one line: " date 2017-10-24 At least 5,600 ...".
_DATE_HEADER = re.compile(r"^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|\n|$)")


def split_date_header(text: str) -> tuple[str | None, str]:
    """The header's date (if a valid one) and the text after the header."""
    match = _DATE_HEADER.match(text)
    if not match:
        return None, text
    try:
        day = dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None, text
    return day.isoformat(), text[match.end() :]


def text_document(source: Source, text: str, published: str | None = None) -> Document:
    """A Document from decoded text: outer whitespace dropped, refused if nothing is left."""
    body = text.strip()
    if not body:
        raise ReadFailure("file holds only whitespace")
    return Document(id=source.name, text=body, uri=source.uri, title=None, published=published)


def read_text(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    with source.open() as stream:
        text = decode_stream(stream, options)
    published, body = split_date_header(text)
    yield text_document(source, body, published)

"""A document from bytes already fetched (a download, a WARC record), by the format they hold."""

from __future__ import annotations

import io

from fighterflows.model import Document
from fighterflows.read.errors import ReadFailure
from fighterflows.read.html import html_document
from fighterflows.read.markdown import markdown_document
from fighterflows.read.options import ReadOptions
from fighterflows.read.pdf import pdf_document
from fighterflows.read.source import Format, Source
from fighterflows.read.text import split_date_header, text_document
from fighterflows.read.textio import decode_bytes


def payload_document(
    data: bytes, fmt: Format, *, name: str, uri: str, options: ReadOptions
) -> Document:
    """A Document for `data` in format `fmt` (HTML, text, Markdown or PDF); else ReadFailure."""
    if fmt is Format.HTML:
        return html_document(data, name=name, uri=uri, options=options)
    if fmt is Format.PDF:
        return pdf_document(io.BytesIO(data), name=name, uri=uri, options=options)
    if fmt in (Format.TEXT, Format.MARKDOWN):
        source = Source(where=uri, name=name, uri=uri, open=_closed, format=fmt)
        text = decode_bytes(data, options)
        if fmt is Format.MARKDOWN:
            return markdown_document(source, text)
        published, body = split_date_header(text)
        return text_document(source, body, published)
    raise ReadFailure(f"cannot read {fmt} from a download")


def _closed() -> io.BytesIO:
    raise ReadFailure("already read")

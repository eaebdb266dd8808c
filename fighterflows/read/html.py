"""HTML pages: the main text via trafilatura, the title, and the date the markup declares."""

from __future__ import annotations

from collections.abc import Iterator

from fighterflows.model import Document
from fighterflows.read.errors import ReadFailure
from fighterflows.read.html_meta import published_date
from fighterflows.read.options import ReadOptions
from fighterflows.read.source import ReadResult, Source
from fighterflows.read.textio import looks_binary, normalise_newlines, read_limited


def html_byte_limit(options: ReadOptions) -> int:
    """Markup is several times the size of its text; allow that much before refusing."""
    return 4 * options.max_chars


def html_document(data: bytes, *, name: str, uri: str | None, options: ReadOptions) -> Document:
    """A Document for an HTML page; ReadFailure if it has no main text."""
    import trafilatura  # slow to import; only pay for it when there is HTML to read

    if not data.strip():
        raise ReadFailure("file is empty")
    if looks_binary(data[:4096]):
        raise ReadFailure("binary file, not HTML")
    page = trafilatura.bare_extraction(
        _as_page(data), url=uri, with_metadata=True, include_comments=False, include_tables=True
    )
    text = _paragraphs(getattr(page, "text", None) or "")
    if not text:
        raise ReadFailure("HTML has no main text")
    if len(text) > options.max_chars:
        raise ReadFailure(f"longer than {options.max_chars:,} characters")
    title = getattr(page, "title", None)
    html = data.decode("utf-8", errors="replace")
    return Document(
        id=name, text=text, uri=uri, title=title or None, published=published_date(html)
    )


def _as_page(data: bytes) -> bytes:
    """A fragment ("<p>...</p>", common in feeds and archives) wrapped so trafilatura takes it."""
    head = data[:2048].lower()
    if b"<html" in head or b"<body" in head:
        return data
    return b"<html><body>" + data + b"</body></html>"


def _paragraphs(extracted: str) -> str:
    """trafilatura puts one block per line; a blank line between blocks matches plain text."""
    lines = (line.strip() for line in normalise_newlines(extracted).split("\n"))
    return "\n\n".join(line for line in lines if line)


def read_html(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    with source.open() as stream:
        data = read_limited(stream, html_byte_limit(options), "HTML file")
    yield html_document(data, name=source.name, uri=source.uri, options=options)

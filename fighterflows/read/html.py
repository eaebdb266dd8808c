"""HTML pages: the main text via trafilatura; the date (via htmldate) and what cites the page
(headline, outlet, author, canonical address) as its markup declares them. The page is parsed
once, and that tree serves all three."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from fighterflows.model import Document
from fighterflows.read.citing import Cited
from fighterflows.read.errors import ReadFailure
from fighterflows.read.html_flat import flatten
from fighterflows.read.html_meta import PageMeta, page_meta, parse_page
from fighterflows.read.options import ReadOptions
from fighterflows.read.source import ReadResult, Source
from fighterflows.read.textio import looks_binary, normalise_newlines, read_limited

if TYPE_CHECKING:
    from lxml.html import HtmlElement


def html_byte_limit(options: ReadOptions) -> int:
    """Markup is several times the size of its text; allow that much before refusing."""
    return 4 * options.max_chars


def html_document(data: bytes, *, name: str, uri: str | None, options: ReadOptions) -> Document:
    """A Document for an HTML page; ReadFailure if it has no main text."""
    if not data.strip():
        raise ReadFailure("file is empty")
    if looks_binary(data[:4096]):
        raise ReadFailure("binary file, not HTML")
    text, title, meta = _read_page(data, uri)
    if not text:
        raise ReadFailure("HTML has no main text")
    if len(text) > options.max_chars:
        raise ReadFailure(f"longer than {options.max_chars:,} characters")
    cited = meta.cited
    document = Document(
        id=name,
        text=text,
        uri=uri,
        title=cited.title or title or None,
        published=meta.published,
    )
    return cited.fill(document)


def _read_page(data: bytes, uri: str | None) -> tuple[str, str | None, PageMeta]:
    """The main text, trafilatura's title and what the markup declares, from one parse of
    the page. Markup nested deeper than the parser goes is flattened for the main text (else
    everything below that depth is lost, the article with it); the declarations, in the head,
    are read from the page as it was."""
    tree = parse_page(_as_page(data))
    meta = page_meta(tree, base=uri) if tree is not None else PageMeta(None, Cited())
    if too_deep(data):
        from trafilatura.utils import decode_file

        flat = flatten(decode_file(data))
        if flat is not None:
            tree = parse_page(_as_page(flat.encode("utf-8")))
    if tree is None:
        return "", None, meta
    text, title = _extract(tree, uri)
    return text, title, meta


def too_deep(data: bytes) -> bool:
    """Whether libxml2 (which trafilatura parses with) stops short for depth: a parse without
    the text extraction costs about a millisecond, and stops where the depth runs out."""
    from lxml import etree, html

    parser = html.HTMLParser()
    try:
        html.document_fromstring(data, parser=parser)
    except (ValueError, etree.ParserError):
        return False
    return any("Excessive depth" in e.message for e in parser.error_log)


def _extract(tree: HtmlElement, uri: str | None) -> tuple[str, str | None]:
    import trafilatura  # slow to import; only pay for it when there is HTML to read

    found = trafilatura.bare_extraction(
        tree, url=uri, with_metadata=True, include_comments=False, include_tables=True
    )
    return _paragraphs(getattr(found, "text", None) or ""), getattr(found, "title", None)


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

"""PDF through pypdf: page texts joined with a blank line, `Document.pages` holding page starts."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from typing import Any, BinaryIO

from fighterflows.model import Document
from fighterflows.read.citing import authors
from fighterflows.read.dates import normalise_date
from fighterflows.read.errors import ReadFailure
from fighterflows.read.options import ReadOptions
from fighterflows.read.pdf_layout import Line, join_lines, lines_from_runs
from fighterflows.read.pdf_running import strip_furniture
from fighterflows.read.source import ReadResult, Source
from fighterflows.read.textio import read_limited

PAGE_SEPARATOR = "\n\n"


def read_pdf(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    with source.open() as stream:
        if isinstance(stream, gzip.GzipFile):
            # pypdf seeks from the end, which a gzip stream cannot do: decompress, capped.
            data = read_limited(stream, pdf_byte_limit(options), "PDF")
            document = pdf_document(
                io.BytesIO(data), name=source.name, uri=source.uri, options=options
            )
        else:
            document = pdf_document(stream, name=source.name, uri=source.uri, options=options)
    yield document


def pdf_byte_limit(options: ReadOptions) -> int:
    """PDFs carry images and fonts besides their text: allow ten bytes per character."""
    return 10 * options.max_chars


def pdf_document(stream: BinaryIO, *, name: str, uri: str | None, options: ReadOptions) -> Document:
    from pypdf.errors import PyPdfError

    try:
        reader = _open(stream)
        text, pages = _text_and_pages(reader, options)
        title, author, published = _metadata(reader)
    except PyPdfError as error:
        raise ReadFailure(_describe(stream, error)) from None
    if not text.strip():
        raise ReadFailure("PDF has no text layer (scanned images?)")
    return Document(
        id=name, text=text, uri=uri, title=title, published=published, pages=pages, author=author
    )


def _open(stream: BinaryIO) -> Any:
    from pypdf import PdfReader

    head = stream.read(1024)
    if not head:
        raise ReadFailure("file is empty")
    if b"%PDF-" not in head:
        raise ReadFailure("not a PDF file")
    stream.seek(0)
    reader = PdfReader(stream)
    if reader.is_encrypted and not _decrypts_without_password(reader):
        raise ReadFailure("PDF is encrypted")
    return reader


def _decrypts_without_password(reader: Any) -> bool:
    # Many PDFs are "encrypted" only against editing, with an empty password for reading.
    try:
        return bool(reader.decrypt(""))
    except Exception:  # pypdf raises several kinds here, e.g. for unsupported algorithms
        return False


def _text_and_pages(reader: Any, options: ReadOptions) -> tuple[str, tuple[int, ...]]:
    pages = strip_furniture(list(_page_lines(reader, options)))
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    for lines in pages:
        text = join_lines(lines)
        if text and length:
            parts.append(PAGE_SEPARATOR)
            length += len(PAGE_SEPARATOR)
        starts.append(length)
        parts.append(text)
        length += len(text)
    return "".join(parts), tuple(starts)


def _page_lines(reader: Any, options: ReadOptions) -> Iterator[list[Line]]:
    """The lines of each page, refused once they add up to more than `max_chars`."""
    total = 0
    for page in reader.pages:
        lines = page_lines(page)
        total += sum(len(line.text) + 1 for line in lines)
        if total > options.max_chars:
            raise ReadFailure(f"longer than {options.max_chars:,} characters")
        yield lines


def page_lines(page: Any) -> list[Line]:
    """One page's lines of print, each with the height it sits at."""
    runs: list[tuple[str, float | None]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: Any) -> None:
        runs.append((text, _baseline(cm, tm)))

    page.extract_text(visitor_text=visit)
    return lines_from_runs(runs)


def _baseline(cm: list[float], tm: list[float]) -> float | None:
    """The y of the text matrix in page space (the text matrix times the current matrix)."""
    try:
        return float(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
    except (IndexError, TypeError):
        return None


def _metadata(reader: Any) -> tuple[str | None, str | None, str | None]:
    """The title, the author and the date the PDF's document information declares."""
    meta = reader.metadata
    if meta is None:
        return None, None, None
    title = str(meta.title).strip() if meta.title else None
    author = authors(str(meta.author)) if meta.author else None
    try:
        created = meta.creation_date  # a report's PDF is made when it is published
    except ValueError:
        created = None
    return title or None, author, normalise_date(created)


def _describe(stream: BinaryIO, error: Exception) -> str:
    if not _ends_with_eof_marker(stream):
        return "truncated PDF"
    return f"broken PDF ({error})"


def _ends_with_eof_marker(stream: BinaryIO) -> bool:
    try:
        stream.seek(0)
        tail = b""
        while chunk := stream.read(1 << 16):
            tail = (tail + chunk)[-1024:]
    except (OSError, ValueError):
        return True
    return b"%%EOF" in tail

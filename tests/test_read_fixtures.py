"""Builders for binary test inputs (PDF, WARC), made in the tests instead of committed.

Other read tests import these; the tests here check the builders make what the readers expect.
"""

from __future__ import annotations

import io
import uuid

import pypdf

Paragraph = list[str]  # the lines of one paragraph as printed
Page = list[Paragraph]


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content(page: Page, leading: int, gap: int) -> bytes:
    ops = ["BT", "/F1 11 Tf", "72 740 Td"]
    first = True
    for paragraph in page:
        for j, line in enumerate(paragraph):
            if not first:
                ops.append(f"0 -{gap if j == 0 else leading} Td")
            first = False
            ops.append(f"({_escape(line)}) Tj")
    ops.append("ET")
    stream = "\n".join(ops).encode("cp1252")
    return b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"


def pdf_bytes(
    pages: list[Page],
    *,
    leading: int = 14,
    gap: int = 28,
    title: str = "",
    created: str = "20210305120000Z",
) -> bytes:
    """A valid PDF, Helvetica text, one text line per printed line; `gap` between paragraphs."""
    font_id = 3 + 2 * len(pages)
    objects: dict[int, bytes] = {}
    kids = []
    for i, page in enumerate(pages):
        page_id, content_id = 3 + 2 * i, 4 + 2 * i
        kids.append(f"{page_id} 0 R")
        objects[content_id] = _content(page, leading, gap)
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_id} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>"
        ).encode()
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()
    objects[font_id] = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    info = b""
    if title:
        objects[font_id + 1] = (
            f"<< /Title ({_escape(title)}) /CreationDate (D:{created}) >>".encode()
        )
        info = b" /Info %d 0 R" % (font_id + 1)
    return _assemble(objects, info)


def _assemble(objects: dict[int, bytes], info: bytes) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (size, info, xref)
    return bytes(out)


def encrypted_pdf(data: bytes, user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def warc_record(uri: str, body: bytes, content_type: str, status: str = "200 OK") -> bytes:
    """One WARC/1.0 response record holding an HTTP response."""
    http = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, uri)}>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def test_pdf_builder_makes_readable_pages() -> None:
    data = pdf_bytes([[["Page one."]], [["Page two (2)."]]], title="T")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert [p.extract_text() for p in reader.pages] == ["Page one.", "Page two (2)."]
    assert reader.metadata is not None
    assert reader.metadata.title == "T"


def test_encrypted_pdf_needs_password() -> None:
    reader = pypdf.PdfReader(io.BytesIO(encrypted_pdf(pdf_bytes([[["x"]]]), "secret")))
    assert reader.is_encrypted
    assert not reader.decrypt("")


def test_warc_record_is_parsed_by_fastwarc() -> None:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    data = warc_record("http://example.org/", b"<p>hi</p>", "text/html")
    bodies = [
        (record.headers["WARC-Target-URI"], record.reader.read())
        for record in ArchiveIterator(io.BytesIO(data), record_types=WarcRecordType.response)
    ]
    assert bodies == [("http://example.org/", b"<p>hi</p>")]

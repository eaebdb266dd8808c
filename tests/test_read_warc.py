"""WARC and WARC.gz: HTML responses read like HTML files; a broken record is reported, not fatal."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest
from test_read_fixtures import pdf_bytes, warc_record

from fighterflows.model import Document, ReadError
from fighterflows.read import ReadOptions, read_sources

DEFAULT = ReadOptions()
CAPTURED = "2024-01-01"  # the WARC-Date of warc_record's records

PAGE = (
    "<html><head><title>T</title>"
    '<meta property="article:published_time" content="2018-07-08"></head>'
    "<body><article><p>{text}</p></article></body></html>"
)


def read_all(*paths: Path | str, options: ReadOptions = DEFAULT) -> list[object]:
    return list(read_sources([str(p) for p in paths], options))


def html_record(uri: str, text: str) -> bytes:
    return warc_record(uri, PAGE.format(text=text).encode(), "text/html; charset=utf-8")


RECORDS = [
    html_record("http://example.org/a", "First page with 300 returnees."),
    warc_record("http://example.org/gone", b"Not found", "text/plain", status="404 Not Found"),
    warc_record("http://example.org/logo.png", b"\x89PNG\r\n", "image/png"),
    warc_record("http://example.org/b.txt", b"Plain text record.", "text/plain"),
    warc_record("http://example.org/empty", b"<html><body></body></html>", "text/html"),
    warc_record("http://example.org/r.pdf", pdf_bytes([[["A PDF record."]]]), "application/pdf"),
]


def expected(where: str) -> list[object]:
    return [
        Document(
            id="http://example.org/a",
            text="First page with 300 returnees.",
            uri="http://example.org/a",
            title="T",
            published="2018-07-08",
            url="http://example.org/a",  # the target URI; the day of the WARC-Date
            accessed=CAPTURED,
        ),
        Document(
            id="http://example.org/b.txt",
            text="Plain text record.",
            uri="http://example.org/b.txt",
            url="http://example.org/b.txt",
            accessed=CAPTURED,
        ),
        ReadError(f"{where}:http://example.org/empty", "HTML has no main text"),
        Document(
            id="http://example.org/r.pdf",
            text="A PDF record.",
            uri="http://example.org/r.pdf",
            pages=(0,),
            url="http://example.org/r.pdf",
            accessed=CAPTURED,
        ),
    ]


def test_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(RECORDS))
    assert read_all(path) == expected(str(path))


def test_warc_gz_per_record_members(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in RECORDS))
    assert read_all(path) == expected(str(path))


def test_warc_gz_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(b"".join(RECORDS)))
    assert read_all(path) == expected(str(path))


def test_broken_record_is_reported_and_reading_goes_on(tmp_path: Path) -> None:
    first = html_record("http://example.org/1", "One.")
    broken = html_record("http://example.org/2", "Two.")
    third = html_record("http://example.org/3", "Three.")
    path = tmp_path / "crawl.warc"
    path.write_bytes(first + broken[:-60] + third)
    items = read_all(path)
    ids = [i.id for i in items if isinstance(i, Document)]
    assert ids == ["http://example.org/1", "http://example.org/3"]
    errors = [i for i in items if isinstance(i, ReadError) and i.where == str(path)]
    assert len(errors) == 1
    assert errors[0].reason == f"broken WARC record after byte {len(first)} (Invalid WARC header)"


def test_broken_gzip_member_is_reported_and_reading_goes_on(tmp_path: Path) -> None:
    members = [
        gzip.compress(html_record(f"http://example.org/{i}", f"Page {i}.")) for i in range(3)
    ]
    damaged = members[1][:12] + b"\x00" * 20 + members[1][32:]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(members[0] + damaged + members[2])
    items = read_all(path)
    ids = [i.id for i in items if isinstance(i, Document)]
    assert ids[0] == "http://example.org/0"
    assert ids[-1] == "http://example.org/2"
    assert any(isinstance(i, ReadError) for i in items)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty"),
        (b"This is not a WARC file.", "not a WARC file"),
        (
            warc_record("http://x/", b"", "text/html").replace(b"response", b"resource"),
            "WARC holds no response records",
        ),
    ],
    ids=["empty", "not-warc", "no-responses"],
)
def test_warc_whole_file_errors(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.warc"
    path.write_bytes(content)
    assert read_all(path) == [ReadError(str(path), reason)]


def _crawl(n: int) -> list[bytes]:
    return [html_record(f"http://example.org/{i}", f"Page {i}, 300 returnees.") for i in range(n)]


@pytest.mark.parametrize("cut", [0.55, 0.7, 0.9])
@pytest.mark.parametrize(
    ("suffix", "pack"),
    [
        ("warc", lambda records: b"".join(records)),
        ("warc.gz", lambda records: b"".join(gzip.compress(r) for r in records)),
        ("warc.gz", lambda records: gzip.compress(b"".join(records))),
    ],
    ids=["plain", "gzip-per-record", "gzip-whole-file"],
)
def test_a_cut_off_archive_keeps_what_came_before_and_says_where_it_broke(
    tmp_path: Path, suffix: str, pack: Any, cut: float
) -> None:
    whole = pack(_crawl(4))
    path = tmp_path / f"crawl.{suffix}"
    path.write_bytes(whole[: int(len(whole) * cut)])
    items = read_all(path)
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == 1 and errors[0].where == str(path)
    assert errors[0].reason.startswith("WARC is cut off: the record at byte ")
    kept = [i.id for i in items if isinstance(i, Document)]
    assert kept == [f"http://example.org/{i}" for i in range(len(kept))]
    assert len(kept) < 4


@pytest.mark.parametrize("suffix", ["warc", "warc.gz"])
def test_a_whole_archive_has_no_error(tmp_path: Path, suffix: str) -> None:
    records = _crawl(3)
    data = b"".join(records) if suffix == "warc" else b"".join(gzip.compress(r) for r in records)
    path = tmp_path / f"crawl.{suffix}"
    path.write_bytes(data)
    items = read_all(path)
    assert [i.id for i in items if isinstance(i, Document)] == [
        f"http://example.org/{i}" for i in range(3)
    ]
    assert not [i for i in items if isinstance(i, ReadError)]

"""JSONL, CSV/TSV and Parquet corpora: one Document per record, one ReadError per bad record."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import resource
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from fighterflows.model import Document, ReadError
from fighterflows.read import ReadOptions, read_sources

DEFAULT = ReadOptions()


def read_all(*paths: Path | str, options: ReadOptions = DEFAULT) -> list[object]:
    return list(read_sources([str(p) for p in paths], options))


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "corpus.jsonl",
        [
            json.dumps({"id": "a1", "text": "First.", "date": "2019-03-04", "title": "T"}),
            "",
            "{not json",
            json.dumps({"url": "https://example.org/x", "body": "Second.", "published": "2020"}),
            json.dumps({"title": "no text here"}),
            json.dumps(["a", "list"]),
            json.dumps({"content": "Third.", "pubDate": "Mon, 04 Mar 2019 10:00:00 GMT"}),
            json.dumps({"text": 42}),
            json.dumps({"text": "   "}),
        ],
    )
    where, x = str(path), "https://example.org/x"
    assert read_all(path) == [
        Document(id="a1", text="First.", uri=where, title="T", published="2019-03-04"),
        ReadError(
            f"{where}:3",
            "line 3 is not JSON: Expecting property name enclosed in double quotes (column 2)",
        ),
        # a year alone is kept as a year
        Document(id="https://example.org/x", text="Second.", uri=x, published="2020", url=x),
        ReadError(f"{where}:5", "record has no text field (looked for: text, body, content)"),
        ReadError(f"{where}:6", "line 6 is not a JSON object"),
        Document(id="corpus.jsonl:7", text="Third.", uri=where, published="2019-03-04"),
        ReadError(f"{where}:8", "field 'text' is not text (int)"),
        ReadError(f"{where}:9", "field 'text' is empty"),
    ]


def test_jsonl_named_fields(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "c.jsonl",
        [json.dumps({"key": 7, "article": "Words.", "when": "2018-01-02", "text": "ignored"})],
    )
    options = ReadOptions(text_field="article", date_field="when", id_field="key")
    (doc,) = read_all(path, options=options)
    assert doc == Document(id="7", text="Words.", uri=str(path), published="2018-01-02")


def test_jsonl_named_text_field_missing(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [json.dumps({"text": "x"})])
    (err,) = read_all(path, options=ReadOptions(text_field="article"))
    assert err == ReadError(f"{path}:1", "record has no text field (looked for: article)")


def test_jsonl_bad_utf8_line_and_overlong_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    good = json.dumps({"text": "Good."}).encode()
    long = json.dumps({"text": "x" * 100_000}).encode()
    path.write_bytes(b'{"text": "caf\xe9"}\n' + long + b"\n" + good + b"\n")
    options = ReadOptions(max_chars=1000)
    bad_utf8, too_long, doc = read_all(path, options=options)
    assert bad_utf8 == ReadError(f"{path}:1", "line 1 is not valid UTF-8 (byte 0xe9 at column 14)")
    assert isinstance(too_long, ReadError)
    assert too_long.where == f"{path}:2"
    assert too_long.reason == "line 2 longer than 69,536 bytes"
    assert isinstance(doc, Document)
    assert doc.text == "Good."


def test_jsonl_record_text_over_max_chars(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [json.dumps({"text": "é" * 2000})])
    (err,) = read_all(path, options=ReadOptions(max_chars=1000))
    assert err == ReadError(f"{path}:1", "text longer than 1,000 characters")


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"id": "g", "text": "Zipped."}).encode()))
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert (doc.id, doc.text) == ("g", "Zipped.")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty"),
        (b"\n\n  \n", "file holds only blank lines"),
        (b"PAR1\x00\x00\x01\x02" * 10, "binary file, not JSON lines"),
    ],
    ids=["empty", "blank-lines", "binary"],
)
def test_jsonl_whole_file_errors(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(content)
    assert read_all(path) == [ReadError(str(path), reason)]


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=delimiter).writerows(rows)
    return path


def test_csv_records(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "c.csv",
        [
            ["id", "date", "text"],
            ["r1", "2021-05-06", "One line."],
            ["r2", "", "Two\nlines."],
            ["r3", "2021-05-07", ""],
            ["", "", ""],
            ["", "not a date", "No id."],
        ],
    )
    where = str(path)
    assert read_all(path) == [
        Document(id="r1", text="One line.", uri=where, published="2021-05-06"),
        Document(id="r2", text="Two\nlines.", uri=where),
        ReadError(f"{where}:5", "record has no text field (looked for: text, body, content)"),
        Document(id="c.csv:7", text="No id.", uri=where),
    ]


def test_tsv_records(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.tsv", [["body", "url"], ["Tabbed.", "u"]], delimiter="\t")
    assert read_all(path) == [Document(id="u", text="Tabbed.", uri="u")]


def test_csv_bad_utf8_row_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"text\nfine one\ncaf\xe9\nfine two\n")
    items = read_all(path)
    assert [getattr(i, "text", None) for i in items] == ["fine one", None, "fine two"]
    assert items[1] == ReadError(f"{path}:3", "line 3 is not valid UTF-8 (byte 0xe9 at column 4)")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty"),
        (b"title,date\nx,y\n", "CSV has no text column (looked for: text, body, content)"),
        (b"\n", "CSV has no header row"),
        (b"id,text\n", "CSV has no records after its header"),
    ],
    ids=["empty", "no-text-column", "no-header", "header-only"],
)
def test_csv_whole_file_errors(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(content)
    assert read_all(path) == [ReadError(str(path), reason)]


def write_parquet(path: Path, columns: dict[str, list[Any]], row_group_size: int = 2) -> Path:
    pq.write_table(pa.table(columns), path, row_group_size=row_group_size)
    return path


def test_parquet_records(tmp_path: Path) -> None:
    path = write_parquet(
        tmp_path / "c.parquet",
        {
            "id": ["p1", None, "p3"],
            "text": ["Alpha.", "Beta.", None],
            "published": [dt.datetime(2017, 1, 2, 3, 4), None, dt.datetime(2017, 1, 3)],
        },
    )
    where = str(path)
    assert read_all(path) == [
        Document(id="p1", text="Alpha.", uri=where, published="2017-01-02"),
        Document(id="c.parquet:2", text="Beta.", uri=where),
        ReadError(f"{where}:3", "record has no text field (looked for: text, body, content)"),
    ]


def test_parquet_is_read_in_batches(tmp_path: Path) -> None:
    rows = 1000
    path = write_parquet(
        tmp_path / "c.parquet", {"text": [f"Row {i}." for i in range(rows)]}, row_group_size=100
    )
    items = read_all(path)
    assert len(items) == rows
    assert items[-1] == Document(id=f"c.parquet:{rows}", text=f"Row {rows - 1}.", uri=str(path))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"PAR1 this is not parquet", "not a Parquet file"),
        (b"just text", "not a Parquet file"),
    ],
    ids=["bad-magic-start", "text"],
)
def test_parquet_not_parquet(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "c.parquet"
    path.write_bytes(content)
    (err,) = read_all(path)
    assert isinstance(err, ReadError)
    assert err.reason.startswith(reason)


def test_parquet_without_text_column(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "c.parquet", {"body2": ["x"]})
    assert read_all(path) == [
        ReadError(str(path), "Parquet file has no text column (looked for: text, body, content)")
    ]


def test_csv_malformed_row_is_reported_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"id,text\na,One.\nb,broken\rrow\nc,Three.\n")
    one, bad, three = read_all(path)
    assert isinstance(bad, ReadError)
    assert bad.where == f"{path}:3"
    assert bad.reason.startswith("line 3 is not valid CSV (new-line character seen")
    assert [getattr(d, "id", None) for d in (one, three)] == ["a", "c"]


def test_huge_jsonl_line_is_skipped_without_loading_it(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    with path.open("wb") as out:
        out.write(json.dumps({"text": "Before."}).encode() + b"\n")
        out.write(b'{"text": "' + b"x" * 1_000_000)
        out.seek(64 << 20)  # a sparse hole: 64 MB on one line, written in no time
        out.write(b'"}\n' + json.dumps({"text": "After."}).encode() + b"\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    first, huge, last = read_all(path, options=ReadOptions(max_chars=100_000))
    growth_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert huge == ReadError(f"{path}:2", "line 2 longer than 465,536 bytes")
    assert [getattr(d, "text", None) for d in (first, last)] == ["Before.", "After."]
    assert growth_kib < 50_000


def test_sparse_jsonl_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    with path.open("wb") as out:
        out.truncate(1 << 30)
    assert read_all(path) == [ReadError(str(path), "binary file, not JSON lines")]

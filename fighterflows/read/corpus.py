"""Corpora with one document per record: JSONL, CSV/TSV and Parquet, streamed record by record.

A record that cannot be read (a line that is not JSON, a row without text) gives a ReadError
naming "FILE:LINE" and the rest of the corpus is still read.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from fighterflows.model import ReadError
from fighterflows.read.errors import ReadFailure
from fighterflows.read.jsonline import parse_line
from fighterflows.read.lines import Line, bounded_lines, record_line_limit
from fighterflows.read.options import ReadOptions
from fighterflows.read.records import Fields, record_document, record_text
from fighterflows.read.source import ReadResult, Source

PARQUET_BATCH_ROWS = 64


def read_jsonl(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    with source.open() as stream:
        for result in jsonl_results(stream, source, options):
            assert result is not None  # nothing is refused without a `keep` test
            yield result


Keep = Callable[[str], bool]


def jsonl_results(
    stream: BinaryIO,
    source: Source,
    options: ReadOptions,
    *,
    first_line: int = 1,
    whole: bool = True,
    keep: Keep | None = None,
) -> Iterator[ReadResult | None]:
    """One result per record of a JSONL stream: a Document, a ReadError, or None for a record
    whose text `keep` refuses (no Document is made for it: an ingest that skips most records
    pays for their text alone). The stream may be a part of the file: its first line is
    `first_line`, and a part (`whole` false) is not refused for holding only blank lines."""
    fields = Fields.from_options(options)
    records = 0
    limit = record_line_limit(options)
    for line in bounded_lines(stream, limit, kind="JSON lines", first_line=first_line):
        if line.problem is None and not line.text.strip():
            continue
        records += 1
        yield _jsonl_record(line, source, fields, options, keep)
    if records == 0 and whole:
        raise ReadFailure("file holds only blank lines")


def _jsonl_record(
    line: Line, source: Source, fields: Fields, options: ReadOptions, keep: Keep | None
) -> ReadResult | None:
    where = f"{source.where}:{line.number}"
    if line.problem is not None:
        return ReadError(where, line.problem)
    try:
        record = parse_line(line.text)
    except json.JSONDecodeError as error:
        return ReadError(
            where, f"line {line.number} is not JSON: {error.msg} (column {error.colno})"
        )
    if not isinstance(record, dict):
        return ReadError(where, f"line {line.number} is not a JSON object")
    if keep is not None:
        text = record_text(record, where, fields, options)
        if isinstance(text, ReadError):
            return text
        if not keep(text):
            return None
    return record_document(
        record, source=source, at=str(line.number), fields=fields, options=options
    )


def read_csv(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    yield from _read_delimited(source, options, delimiter=",")


def read_tsv(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    yield from _read_delimited(source, options, delimiter="\t")


class _Lines:
    """Feeds csv.reader the text of each line, remembering the lines that had a problem."""

    def __init__(self, lines: Iterator[Line]) -> None:
        self._lines = lines
        self.number = 0
        self.problems: dict[int, str] = {}

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            self.number = line.number
            if line.problem is not None:
                self.problems[line.number] = line.problem
                yield "\n"
            else:
                yield line.text


def _read_delimited(source: Source, options: ReadOptions, delimiter: str) -> Iterator[ReadResult]:
    fields = Fields.from_options(options)
    limit = record_line_limit(options)
    csv.field_size_limit(max(csv.field_size_limit(), limit))
    with source.open() as stream:
        lines = _Lines(bounded_lines(stream, limit, kind="CSV"))
        rows = csv.reader(iter(lines), delimiter=delimiter)
        try:
            header = _header(next(rows, None), fields)
        except csv.Error as error:
            raise ReadFailure(f"CSV header is not valid CSV ({error})") from None
        records = 0
        for start, row in _numbered_rows(rows, lines):
            records += 1
            if isinstance(row, str):
                yield ReadError(f"{source.where}:{start}", row)
            elif any(cell.strip() for cell in row):
                record = dict(zip(header, row, strict=False))
                yield record_document(
                    record, source=source, at=str(start), fields=fields, options=options
                )
        if records == 0:
            raise ReadFailure("CSV has no records after its header")


def _numbered_rows(
    rows: Iterator[list[str]], lines: _Lines
) -> Iterator[tuple[int, list[str] | str]]:
    """(first line of the row, the row or the problem that spoiled it)."""
    end = lines.number
    while True:
        try:
            row: list[str] | str = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            row = f"line {lines.number} is not valid CSV ({error})"
        start, end = end + 1, lines.number
        problems = [lines.problems.pop(n) for n in range(start, end + 1) if n in lines.problems]
        yield start, problems[0] if problems else row


def _header(row: list[str] | None, fields: Fields) -> list[str]:
    if not row:
        raise ReadFailure("CSV has no header row")
    header = [name.strip() for name in row]
    if not any(name in header for name in fields.text):
        raise ReadFailure(f"CSV has no text column ({fields.missing_text()})")
    return header


def read_parquet(source: Source, options: ReadOptions) -> Iterator[ReadResult]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = Fields.from_options(options)
    with source.open() as stream:
        try:
            parquet = pq.ParquetFile(stream)
        except (pa.ArrowInvalid, pa.ArrowIOError, OSError) as error:
            raise ReadFailure(f"not a Parquet file ({_first_line(error)})") from None
        names = list(parquet.schema_arrow.names)
        if not any(name in names for name in fields.text):
            raise ReadFailure(f"Parquet file has no text column ({fields.missing_text()})")
        row = 0
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS):
            for record in batch.to_pylist():
                row += 1
                yield _parquet_record(record, row, source, fields, options)


def _parquet_record(
    record: dict[str, Any], row: int, source: Source, fields: Fields, options: ReadOptions
) -> ReadResult:
    return record_document(record, source=source, at=str(row), fields=fields, options=options)


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]

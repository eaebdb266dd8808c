"""One input to read: where it comes from, what to call it, how to open it, which format."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import BinaryIO

from fighterflows.model import Document, ReadError
from fighterflows.read.options import ReadOptions


class Format(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    PDF = "pdf"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"
    PARQUET = "parquet"
    WARC = "warc"


@dataclass(frozen=True, slots=True)
class Source:
    """An input file, stream or download.

    `where` names it in error messages (the path as given, or the URL); `name` becomes
    `Document.id`; `open` returns a fresh binary stream, already decompressed.
    """

    where: str
    name: str
    uri: str | None
    open: Callable[[], BinaryIO]
    format: Format


ReadResult = Document | ReadError
Reader = Callable[[Source, ReadOptions], Iterator[ReadResult]]

"""Readers: every input format → `Document`s, streaming, with a `ReadError` per unreadable input.

from fighterflows.read import ReadOptions, read_sources
for item in read_sources(["notes/", "corpus.jsonl.gz", "-"], ReadOptions()):
    ...  # a Document, or a ReadError(where, reason) for an input that could not be read
"""

from fighterflows.model import Document, ReadError
from fighterflows.read.options import ReadOptions
from fighterflows.read.sources import read_one, read_sources

__all__ = ["Document", "ReadError", "ReadOptions", "read_one", "read_sources"]

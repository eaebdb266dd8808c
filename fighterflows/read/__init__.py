"""Readers: every input format → `Document`s, streaming, with a `ReadError` per unreadable input.

    from fighterflows.read import ReadOptions, read_sources
    for item in read_sources(["notes/", "corpus.jsonl.gz", "-"], ReadOptions()):
        ...  # a Document, or a ReadError(where, reason) for an input that could not be read

Formats: plain text (with the seed files' ` date YYYY-MM-DD ` header), Markdown with YAML front
matter, HTML (trafilatura), PDF (pypdf), JSONL / CSV / TSV / Parquet corpora (one Document per
record), WARC and WARC.gz (fastwarc); any of them gzipped (`x.jsonl.gz`), in a directory (read
recursively), on stdin (`-`, text) or at an http(s) URL. Nothing raises for bad input.
"""

import logging

from fighterflows.model import Document, ReadError
from fighterflows.read.options import ReadOptions
from fighterflows.read.sources import read_one, read_sources

# pypdf and trafilatura log a warning for every damaged file; the ReadError already says what
# went wrong, so without a handler configured by the application these stay quiet.
for _name in ("pypdf", "trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

__all__ = ["Document", "ReadError", "ReadOptions", "read_one", "read_sources"]

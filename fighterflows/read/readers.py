"""The reader for each format."""

from __future__ import annotations

from fighterflows.read.corpus import read_csv, read_jsonl, read_parquet, read_tsv
from fighterflows.read.errors import ReadFailure
from fighterflows.read.html import read_html
from fighterflows.read.markdown import read_markdown
from fighterflows.read.pdf import read_pdf
from fighterflows.read.source import Format, Reader
from fighterflows.read.text import read_text
from fighterflows.read.warc import read_warc

_READERS: dict[Format, Reader] = {
    Format.TEXT: read_text,
    Format.MARKDOWN: read_markdown,
    Format.HTML: read_html,
    Format.PDF: read_pdf,
    Format.JSONL: read_jsonl,
    Format.CSV: read_csv,
    Format.TSV: read_tsv,
    Format.PARQUET: read_parquet,
    Format.WARC: read_warc,
}


def reader_for(fmt: Format) -> Reader:
    try:
        return _READERS[fmt]
    except KeyError:
        raise ReadFailure(f"reading {fmt} is not supported yet") from None

"""The reader for each format."""

from __future__ import annotations

from fighterflows.read.errors import ReadFailure
from fighterflows.read.markdown import read_markdown
from fighterflows.read.source import Format, Reader
from fighterflows.read.text import read_text

_READERS: dict[Format, Reader] = {
    Format.TEXT: read_text,
    Format.MARKDOWN: read_markdown,
}


def reader_for(fmt: Format) -> Reader:
    try:
        return _READERS[fmt]
    except KeyError:
        raise ReadFailure(f"reading {fmt} is not supported yet") from None

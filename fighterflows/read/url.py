"""URLs (http and https) through httpx, with a timeout and a size cap."""

from __future__ import annotations

from collections.abc import Iterator

from fighterflows.read.errors import ReadFailure
from fighterflows.read.options import ReadOptions
from fighterflows.read.source import ReadResult


def read_url(url: str, options: ReadOptions) -> Iterator[ReadResult]:
    from fighterflows.read.sources import guarded

    def results() -> Iterator[ReadResult]:
        raise ReadFailure("reading URLs is not supported yet")
        yield

    yield from guarded(url, results)

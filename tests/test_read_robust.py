"""Whatever bytes a file holds, reading it yields Documents and ReadErrors and never raises."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_read_fixtures import pdf_bytes, warc_record

from fighterflows.model import Document, ReadError
from fighterflows.read import read_sources

SEEDS = {
    ".txt": b" date 2017-10-24 Some text.\n",
    ".md": b"---\ntitle: T\ndate: 2020-01-01\n---\nBody.\n",
    ".html": b"<html><body><p>Some paragraph text.</p></body></html>",
    ".pdf": pdf_bytes([[["Some text."]]]),
    ".jsonl": b'{"id": "a", "text": "One."}\n{"text": "Two."}\n',
    ".csv": b"id,text\na,One.\nb,Two.\n",
    ".warc": warc_record("http://x/", b"<p>Some paragraph text.</p>", "text/html"),
    ".txt.gz": gzip.compress(b"Some text."),
}


def mutate(data: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    out = bytearray(data)
    for position, value in edits:
        if out:
            out[position % len(out)] = value
    return bytes(out[:cut] if cut is not None else out)


@pytest.mark.parametrize("suffix", list(SEEDS), ids=list(SEEDS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=6),
    cut=st.none() | st.integers(0, 2_000),
)
def test_damaged_files_never_raise(
    suffix: str, edits: list[tuple[int, int]], cut: int | None
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"file{suffix}"
        path.write_bytes(mutate(SEEDS[suffix], edits, cut))
        items = list(read_sources([str(path)]))
    assert items
    for item in items:
        assert isinstance(item, Document | ReadError)
        if isinstance(item, ReadError):
            assert item.where.startswith(str(path))
            assert item.reason and "\n" not in item.reason
            assert not item.reason.startswith("unexpected"), item
        else:
            assert item.text == item.text.strip() and item.text


@pytest.mark.parametrize("suffix", list(SEEDS), ids=list(SEEDS))
def test_undamaged_seeds_read(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"file{suffix}"
    path.write_bytes(SEEDS[suffix])
    items = list(read_sources([str(path)]))
    assert items and all(isinstance(i, Document) for i in items), items

"""Chunked decoding and bounded lines: properties over any text and any way of cutting it."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fighterflows.read.errors import ReadFailure
from fighterflows.read.lines import bounded_lines
from fighterflows.read.options import ReadOptions
from fighterflows.read.textio import decode_stream

PROSE = st.text(
    alphabet=st.characters(exclude_categories=["Cs", "Cc"]) | st.sampled_from("\n\t"),
    min_size=1,
    max_size=200,
)


class ShortReads(io.RawIOBase):
    """A stream returning at most a few bytes per read, as pipes and sockets may."""

    def __init__(self, data: bytes, sizes: list[int]) -> None:
        self._data = data
        self._sizes = sizes or [1]
        self._at = 0
        self._reads = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        step = self._sizes[self._reads % len(self._sizes)]
        self._reads += 1
        chunk = self._data[self._at : self._at + min(step, size if size >= 0 else step)]
        self._at += len(chunk)
        return chunk


@given(PROSE, st.lists(st.integers(min_value=1, max_value=7), max_size=5))
def test_decoding_in_pieces_equals_decoding_at_once(text: str, sizes: list[int]) -> None:
    data = text.encode("utf-8")
    stream = ShortReads(data, sizes)
    assert decode_stream(stream, ReadOptions()) == text.removeprefix("\ufeff")  # type: ignore[arg-type]


@given(PROSE, st.integers(min_value=0, max_value=50), st.lists(st.integers(1, 7), max_size=5))
def test_invalid_byte_offset_is_exact(text: str, cut: int, sizes: list[int]) -> None:
    data = text.encode("utf-8")
    cut = min(cut, len(data))
    broken = data[:cut] + b"\xff" + data[cut:]
    with pytest.raises(ReadFailure) as raised:
        decode_stream(ShortReads(broken, sizes), ReadOptions())  # type: ignore[arg-type]
    try:
        broken.decode("utf-8")
    except UnicodeDecodeError as error:
        expected = f"not valid UTF-8 (byte 0x{broken[error.start]:02x} at offset {error.start})"
    assert raised.value.reason in (expected, "binary file, not text")


@given(st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=8))
def test_first_overlong_line_is_named(lengths: list[int]) -> None:
    limit = 20
    text = "\n".join("a" * n for n in lengths)
    options = ReadOptions(max_line_chars=limit)
    overlong = [i + 1 for i, n in enumerate(lengths) if n > limit]
    if not overlong:
        assert decode_stream(io.BytesIO(text.encode()), options) == text
        return
    with pytest.raises(ReadFailure) as raised:
        decode_stream(io.BytesIO(text.encode()), options)
    assert raised.value.reason == f"line {overlong[0]} longer than 20 characters: not prose"


@given(st.lists(st.text(alphabet="ab é", max_size=30), min_size=1, max_size=6))
def test_bounded_lines_numbers_and_limits(lines: list[str]) -> None:
    limit = 24
    data = "".join(line + "\n" for line in lines).encode()
    got = list(bounded_lines(io.BytesIO(data), limit, kind="JSON lines"))
    assert [line.number for line in got] == list(range(1, len(lines) + 1))
    for line, original in zip(got, lines, strict=True):
        if len((original + "\n").encode()) > limit:
            assert line.problem == f"line {line.number} longer than {limit:,} bytes"
        else:
            assert (line.text, line.problem) == (original + "\n", None)

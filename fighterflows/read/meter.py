"""How far reading has got: bytes read from the input files (before any decompression) against
their total size, for a progress bar with a time left. Only local files have a size known
beforehand; stdin and URLs leave the total unknown."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

BUFFER = 1 << 16  # counting costs a call per buffer read, not per line


class ByteMeter:
    """Bytes read so far from input files: shared by the readers of one ingest."""

    def __init__(self) -> None:
        self.bytes = 0


class _Counted(io.RawIOBase):
    """A file whose reads add to a meter; seeking passes through (Parquet, PDF and WARC
    readers seek), so a byte read twice counts twice: the bar is an estimate."""

    def __init__(self, raw: BinaryIO, meter: ByteMeter) -> None:
        self._raw = raw
        self._meter = meter

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = self._raw.readinto(buffer)  # type: ignore[attr-defined]
        self._meter.bytes += n or 0
        return int(n or 0)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        return self._raw.seek(offset, whence)

    def tell(self) -> int:
        return self._raw.tell()

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_metered(path: Path, meter: ByteMeter | None) -> BinaryIO:
    """`path` opened for reading, its reads counted by `meter` when there is one."""
    if meter is None:
        return path.open("rb")
    raw = path.open("rb", buffering=0)
    return io.BufferedReader(_Counted(raw, meter), buffer_size=BUFFER)


def input_size(specs: Iterable[str]) -> int | None:
    """The bytes the named inputs hold (folders walked as the readers walk them); None when
    one is stdin or a URL, whose size is not known beforehand."""
    from fighterflows.read.sources import STDIN, walk

    total = 0
    for spec in specs:
        if spec == STDIN or spec.lower().startswith(("http://", "https://")):
            return None
        path = Path(spec)
        try:
            if path.is_dir():
                total += sum(_size(p) for p in walk(path) if isinstance(p, Path))
            else:
                total += _size(path)
        except (OSError, ValueError):
            continue  # the reader will say what is wrong with it
    return total


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except (OSError, ValueError):
        return 0

"""How the readers behave: field names for corpora and the limits that keep memory flat."""

from __future__ import annotations

from dataclasses import dataclass, field

from fighterflows.read.meter import ByteMeter


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Options shared by every reader.

    The limits are checked while streaming, so an oversized input is refused before it is
    loaded: a document longer than `max_chars`, a text line longer than `max_line_chars`,
    a download larger than `max_download_bytes`.
    """

    text_field: str | None = None
    date_field: str | None = None
    id_field: str | None = None
    max_chars: int = 20_000_000
    max_line_chars: int = 1_000_000
    timeout: float = 20.0
    max_download_bytes: int = 50_000_000
    # counts the bytes read from files, for a progress bar (a mutable counter: not an option)
    meter: ByteMeter | None = field(default=None, compare=False)

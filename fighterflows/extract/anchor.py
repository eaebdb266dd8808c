"""Anchor, don't trust: every estimate's quote must be the text at its offsets.

Whatever produced a figure hands back offsets and a quote; this module checks them against
the unmodified document and drops (and counts) any that do not hold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fighterflows.model import Estimate


@dataclass(frozen=True, slots=True)
class Anchored:
    estimates: list[Estimate]
    dropped: int


def anchored(text: str, estimates: Iterable[Estimate]) -> Anchored:
    """The estimates whose `text[start:end] == quote` (and whose sentence holds the quote)."""
    kept: list[Estimate] = []
    dropped = 0
    for e in estimates:
        if holds(text, e):
            kept.append(e)
        else:
            dropped += 1
    return Anchored(kept, dropped)


def holds(text: str, e: Estimate) -> bool:
    return (
        0 <= e.start <= e.end <= len(text)
        and text[e.start : e.end] == e.quote
        and (e.quote in e.sentence)
    )

"""Anchor, don't trust: every estimate's quote must be the text at its offsets.

Whatever produced a figure hands back offsets and a quote; `holds` checks them against the
unmodified document (the document assembler drops and counts any that do not hold).
"""

from __future__ import annotations

from fighterflows.model import Estimate


def holds(text: str, e: Estimate) -> bool:
    return (
        0 <= e.start <= e.end <= len(text)
        and text[e.start : e.end] == e.quote
        and (e.quote in e.sentence)
    )

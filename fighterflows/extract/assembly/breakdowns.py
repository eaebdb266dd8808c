"""Breakdowns of a figure by where its people are: "Some 90 Tunisians are held abroad: 50 in
Syria and Iraq and 40 in Libya", "1,200 are still fighting abroad, of whom 1,000 are in Libya
and 200 in Iraq". Each part is a part of the figure before it: its flow, its people and its
place (the country after "in" is where they are, never whose people they are).
"""

from __future__ import annotations

import re

# a figure followed by where its people are: "50 in Syria", "1,000 are in Libya"
_WHERE = re.compile(r"\s+(?:(?:are|were|is)\s+)?(?:still\s+)?in\s+(?:the\s+)?[A-Z]")
# what opens a breakdown right after the whole's clause: a colon, a dash, a comma, "of whom"
_OPENS = re.compile(
    r"(?:[:;,—–]|\s-|\bof\s+(?:whom|them|these|those))\s*(?:some|about|around)?\s*$", re.I
)


def destination_part(text: str, whole_end: int, start: int, end: int) -> bool:
    """True when the figure text[start:end] opens a breakdown by destination of the figure
    that ends at `whole_end` in the same sentence."""
    if _WHERE.match(text, end) is None:
        return False
    return whole_end < start and _OPENS.search(text, whole_end, start) is not None


# between two parts when the first names two places: "50 in Syria and Iraq and 40 in Libya"
_JOINT_GAP = re.compile(
    r"\s+(?:(?:are|were|is)\s+)?in\s+(?:the\s+)?[A-Z][\w'-]*\s+(?:and|or)\s+(?:the\s+)?"
    r"[A-Z][\w'-]*\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
)


def next_part(text: str, prev_end: int, start: int) -> bool:
    """True when text[prev_end:start] joins two parts of a breakdown, the first in two places."""
    return _JOINT_GAP.fullmatch(text, prev_end, start) is not None

"""Running headers, footers and page numbers: print furniture that is not the document's text.

A line at the top or bottom of a page that recurs (digits aside) on most pages, or that is only
a page number ("12", "Page 12", "12 of 40"), is dropped before the page's lines are joined, so
a sentence is not interrupted by "ICSR Report 2018 | 12".
"""

from __future__ import annotations

import re
from collections import Counter

from fighterflows.read.pdf_layout import Line

_EDGE = 2  # lines looked at, at each end of a page
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I
)
_DIGITS = re.compile(r"\d+")
_MIN_PAGES = 3


def _key(line: Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.lower().split()))


def _edges(lines: list[Line]) -> list[Line]:
    return lines[:_EDGE] + lines[-_EDGE:] if len(lines) > 2 * _EDGE else lines


def running_keys(pages: list[list[Line]]) -> frozenset[str]:
    """Edge lines that recur on at least half the pages (and on three or more)."""
    if len(pages) < _MIN_PAGES:
        return frozenset()
    counts = Counter(key for page in pages for key in {_key(line) for line in _edges(page)})
    needed = max(_MIN_PAGES, (len(pages) + 1) // 2)
    return frozenset(key for key, n in counts.items() if n >= needed)


def is_furniture(line: Line, running: frozenset[str]) -> bool:
    return bool(_PAGE_NUMBER.match(line.text.strip())) or _key(line) in running


def strip_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Each page without the running lines and page numbers at its top and bottom."""
    running = running_keys(pages)
    return [_strip_page(page, running) for page in pages]


def _strip_page(lines: list[Line], running: frozenset[str]) -> list[Line]:
    start, end = 0, len(lines)
    while start < min(end, _EDGE) and is_furniture(lines[start], running):
        start += 1
    while end > max(start, len(lines) - _EDGE) and is_furniture(lines[end - 1], running):
        end -= 1
    return lines[start:end]

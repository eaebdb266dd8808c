"""Where a figure sits in its sentence, so the highlight marks the figure's own characters.

With the document's text the estimate's offsets say it exactly. Without it, the quote is
searched as a whole number in the sentence: "50" is never the "50" inside "850" or "1,050".
"""

from __future__ import annotations

import re

from fighterflows.model import Estimate


def figure_mark(e: Estimate, text: str | None = None) -> tuple[int, int] | None:
    """(start, end) of the figure in `e.sentence`, or None when it cannot be placed."""
    if not e.quote:
        return None
    if text is not None:
        exact = _by_offsets(e, text)
        if exact is not None:
            return exact
    found = _whole(e.quote).search(e.sentence)
    return (found.start(), found.end()) if found else None


def _by_offsets(e: Estimate, text: str) -> tuple[int, int] | None:
    """The sentence's place in the text is the occurrence that holds the figure's offsets."""
    at = text.rfind(e.sentence, 0, e.start + len(e.sentence))  # the last one starting by it
    if at < 0 or at + len(e.sentence) < e.end:
        return None
    return e.start - at, e.end - at


def _whole(quote: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w,.])" + re.escape(quote) + r"(?![\w]|[,.]\d)")

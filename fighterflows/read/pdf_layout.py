"""Page text from positioned runs: lines rejoined into paragraphs so that sentences read well.

pypdf gives one line per line of print. Inside a paragraph, a line break becomes a space and a
word hyphenated across lines ("recruit-" / "ment") is made whole again; a vertical gap wider
than the usual line spacing starts a new paragraph ("\\n\\n"). The joining happens here, before
the text is stored, so offsets index exactly what the extractor sees.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass

_GAP_FACTOR = 1.3
_END_OF_SENTENCE = re.compile(r"[.!?:;\"”’)]$")
_SHORT_LINE = 0.75
# Typographic ligatures and soft hyphens come out of many PDFs as such; in the text they would
# hide words ("ﬁghters") from the extractor's word lists.
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00ad": "",
    }
)


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    y: float | None  # baseline height on the page; None when unknown


def lines_from_runs(runs: list[tuple[str, float | None]]) -> list[Line]:
    """Split text runs (text, y of the run) into lines; a line takes the y where it starts."""
    lines: list[Line] = []
    current, current_y, open_line = "", None, False
    for text, y in runs:
        for i, piece in enumerate(text.split("\n")):
            if i > 0:
                lines.append(Line(current, current_y))
                current, current_y, open_line = "", None, False
            if piece and not open_line:
                current_y, open_line = y, True
            current += piece
    if current:
        lines.append(Line(current, current_y))
    cleaned = (Line(_clean(line.text), line.y) for line in lines)
    return [line for line in cleaned if line.text]


def _clean(text: str) -> str:
    text = text.strip()
    if text.endswith("\u00ad"):  # a soft hyphen that broke the line: a hyphen to rejoin on
        text = text[:-1] + "-"
    return text.translate(_LIGATURES).strip()


def paragraph_breaks(lines: list[Line]) -> list[bool]:
    """For each line after the first: does a new paragraph start there?"""
    gaps = [_gap(a, b) for a, b in itertools.pairwise(lines)]
    usual = [g for g in gaps if g is not None and g > 0]
    if len(usual) >= 2:
        # The lower quartile, not the median: on a page of short paragraphs most gaps are
        # paragraph gaps, and the line spacing is the smaller, regular one.
        spacing = statistics.quantiles(usual, n=4, method="inclusive")[0]
        if spacing > 0 and any(g > spacing * _GAP_FACTOR for g in usual):
            return [g is not None and (g <= 0 or g > spacing * _GAP_FACTOR) for g in gaps]
    return _breaks_by_shape(lines)


def _gap(above: Line, below: Line) -> float | None:
    if above.y is None or below.y is None:
        return None
    return above.y - below.y


def _breaks_by_shape(lines: list[Line]) -> list[bool]:
    """Without usable positions: a short line that ends a sentence ends its paragraph."""
    width = max((len(line.text) for line in lines), default=0)
    return [
        bool(_END_OF_SENTENCE.search(a.text)) and len(a.text) < width * _SHORT_LINE
        for a in lines[:-1]
    ]


def join_lines(lines: list[Line]) -> str:
    """The page's text: lines joined into paragraphs, paragraphs separated by a blank line."""
    if not lines:
        return ""
    out = [lines[0].text]
    for line, new_paragraph in zip(lines[1:], paragraph_breaks(lines), strict=True):
        if new_paragraph:
            out.append("\n\n" + line.text)
        else:
            out[-1] = join_two(out[-1], line.text)
    return "".join(out)


def join_two(left: str, right: str) -> str:
    """Two lines of one paragraph as one: "recruit-" + "ment" → "recruitment"."""
    if left.endswith("-") and len(left) >= 2 and left[-2].isalpha():
        if right[:1].islower():
            return left[:-1] + right
        return left + right
    return f"{left} {right}"

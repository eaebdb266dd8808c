"""Flow cues in a sentence: the words that say whether people went, came back, died...

A cue is `blocked` when it is negated ("have not returned") or not a statement of fact
("could return", "plan to travel", "may come back"): a figure whose flow is blocked is not
an estimate. "may have returned" reports the past and is not blocked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fighterflows.extract.lexicon import FLOWS, flow_regex, irrealis_regex, negation_regex
from fighterflows.model import Flow

# How far before a cue a negation or a modal still governs it: about three words.
_WINDOW = 28
_PERFECT = re.compile(r"\s+(?:have|has)\b(?!\s+(?:to|no)\b)", re.IGNORECASE)
_BARRIER = re.compile(r"[,;:()\"“”]|\b(?:and|but|while|who|which|that)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    text: str
    flow: Flow
    stock: bool  # implies departure only weakly ("fighting in Syria", "numbered")
    blocked: bool


def find_cues(text: str) -> list[Cue]:
    """Every flow cue in `text`, in order, offsets relative to `text`."""
    cues: list[Cue] = []
    for m in flow_regex().finditer(text):
        name = m.lastgroup or "stock"
        stock = name == "stock"
        unreal = name == "unreal"
        flow = Flow.DEPARTED if stock or unreal else FLOWS[name]
        blocked = unreal or _blocked(text, m.start())
        cues.append(Cue(m.start(), m.end(), m.group(), flow, stock, blocked))
    return cues


def is_blocked(text: str, start: int) -> bool:
    """A cue at `start` is negated or not a statement of fact."""
    return _blocked(text, start)


def _blocked(text: str, start: int) -> bool:
    lo = max(0, start - _WINDOW)
    window = text[lo:start]
    barriers = list(_BARRIER.finditer(window))
    if barriers:
        window = window[barriers[-1].end() :]
    if negation_regex().search(window):
        return True
    modals = list(irrealis_regex().finditer(window))
    if not modals:
        return False
    return not _PERFECT.match(window, modals[-1].end())

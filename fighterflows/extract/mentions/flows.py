"""Flow cues in a sentence: the words that say whether people went, came back, died...

A cue is `blocked` when it is negated ("have not returned") or not a statement of fact
("could return", "plan to travel", "may come back"): a figure whose flow is blocked is not
an estimate. "may have returned" reports the past and is not blocked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from fighterflows.extract.mentions.lexicon import (
    FLOWS,
    flow_scan,
    irrealis_regex,
    negated_hedge_regex,
    negation_regex,
)
from fighterflows.initials import compile_guarded
from fighterflows.model import Flow

# How far before a cue a negation or a modal still governs it: about three words.
_WINDOW = 28
_PERFECT = re.compile(r"\s+(?:have|has)\b(?!\s+(?:to|no)\b)", re.IGNORECASE)
_BARRIER = compile_guarded(r"[,;:()\"“”]|\b(?:and|but|while|who|which|that)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    text: str
    flow: Flow
    stock: bool  # implies departure only weakly ("fighting in Syria", "numbered")
    blocked: bool


# What may stand between a state and its verb: "Germany evacuated", "Belgian officials have
# retrieved", "Kazakhstan's government quietly flew", "the authorities on Monday received".
STATE_GAP = re.compile(
    r"(?:['’]s)?(?:\s+[\w-]+){0,2}?"
    r"(?:\s+(?:government|authorities|officials|ministry|administration|services))?"
    r"(?:\s+(?:has|have|had|also|quietly|successfully|finally|now|then|recently|already|"
    r"so\s+far|on\s+\w+day|last\s+\w+))*\s+$",
    re.IGNORECASE,
)
_STATE_WORD = re.compile(
    r"\b(?:government|authorities|officials|ministry|administration|delegations?|embassy|"
    r"diplomats|envoys?)"
    r"(?:\s+(?:has|have|had|also|quietly|successfully|finally|now|recently|already|so\s+far|"
    r"helped(?:\s+to)?))*"
    r"\s+$",
    re.IGNORECASE,
)
# "Kazakhstan said it had evacuated 231 of its citizens": the state named as the speaker, then
# its pronoun as the verb's subject
_ITS_PRONOUN = re.compile(
    r"\b(?:said|says|announced|reported|confirmed|stated)\s+(?:on\s+\w+\s+)?(?:that\s+)?it"
    r"(?:\s+(?:has|have|had|also|quietly|successfully|finally|now|recently|already|helped))*\s+$",
    re.IGNORECASE,
)


def find_cues(text: str, states: Sequence[tuple[int, int]] = ()) -> list[Cue]:
    """Every flow cue in `text`, in order, offsets relative to `text`. `states` are the spans
    of the countries the sentence names: the subjects that make "evacuated" a return."""
    cues: list[Cue] = []
    for m in flow_scan()(text):
        name = m.lastgroup or "stock"
        stock = name == "stock"
        unreal = name == "unreal" or (
            name == "state_returned" and not _state_subject(text, m.start(), states)
        )
        flow = Flow.DEPARTED if stock or unreal else FLOWS.get(name, Flow.RETURNED)
        if _background(text, m.start(), flow, cues):
            continue
        blocked = unreal or _blocked(text, m.start()) or _put_off(text, m.end(), flow, m.group())
        cues.append(Cue(m.start(), m.end(), m.group(), flow, stock, blocked))
    return cues


# a return's noun, then its own predicate saying it did not happen: "the repatriation of 300
# Kazakhs has been delayed", "the return of 84 children was postponed again" (rule
# `return-put-off`)
_RETURN_NOUN = re.compile(r"\b(?:repatriations?|returns?|transfers?)\b(?:\s+of)?$", re.IGNORECASE)
_PUT_OFF_AFTER = re.compile(
    r"[^;:.!?]{1,80}?\b(?:has|have|had|was|were|is|are)\s+(?:again\s+|once\s+more\s+|now\s+)?"
    r"(?:been\s+|being\s+)?(?:delayed|postponed|put\s+off|stalled|blocked|held\s+up|suspended|"
    r"halted|shelved|on\s+hold)\b",
    re.IGNORECASE,
)


def _put_off(text: str, end: int, flow: Flow, said: str) -> bool:
    """A return said as a noun whose predicate puts it off is none."""
    return (
        flow is Flow.RETURNED
        and _RETURN_NOUN.search(said) is not None
        and _PUT_OFF_AFTER.match(text, end) is not None
    )


# "accused of joining", "who face charges of joining": an allegation, never the people's flow
# (the verb that holds, tries or brings them back gives it)
_ACCUSED_OF = compile_guarded(
    r"\b(?:(?:accused|suspected)\s+of|(?:face|faces|faced|facing)\s+(?:terrorism\s+)?charges?\s+of)"
    r"\s+(?:having\s+)?$",
    re.IGNORECASE,
)
# "repatriated 100 … from camps where they have been held for years", "who had been held",
# "where they had lived": the custody before a return, in a relative clause (rule
# `custody-before-the-return`)
_PAST_CUSTODY = re.compile(
    r"\b(?:where|who|which|that)\s+(?:they\s+|she\s+|he\s+|the\s+[\w-]+\s+)?"
    r"(?:(?:have|has|had)\s+)?(?:(?:been|were|was|lived|stayed)\s+)?"
    r"(?:(?:being|living|kept|staying)\s+){0,2}(?:for\s+(?:[\w-]+\s+){1,2}?)?$",
    re.IGNORECASE,
)


# "evacuated three women and 14 children from detention camps", "flew home 11 citizens from a
# Syrian detention camp", "escaped from detention": the custody its people left (rule
# `custody-a-return-left`)
_FROM_CUSTODY = re.compile(
    r"\bfrom\s+(?:(?!(?:are|is|were|was|be|been|being|remain\w*|have|has|had|and|or|but|who|"
    r"which|that|where)\b)[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_CUSTODY_NOUN = re.compile(r"detention\b", re.IGNORECASE)


def _background(text: str, start: int, flow: Flow, before: Sequence[Cue]) -> bool:
    """The cue at `start` tells what is no flow of the figure's people: an accusation of
    joining, the custody a return ended (a relative clause after a return's verb), or the
    custody they were taken out of ("from detention camps")."""
    lo = max(0, start - 48)
    if flow is Flow.DEPARTED and _ACCUSED_OF.search(text, lo, start):
        return True
    if (
        flow is Flow.DETAINED
        and _CUSTODY_NOUN.match(text, start) is not None
        and _FROM_CUSTODY.search(text, lo, start) is not None
    ):
        return True  # whatever took them out of it, they are no longer held there
    return (
        flow is Flow.DETAINED
        and _PAST_CUSTODY.search(text, lo, start) is not None
        and any(
            c.flow is Flow.RETURNED and not c.blocked and not _NEW_CLAUSE.search(text, c.end, start)
            for c in before
        )
    )


# a clause of other people between the return and the custody ("brought back three, while 30
# who have been held … remain"): that custody is theirs
_NEW_CLAUSE = re.compile(r"[;:]|\b(?:while|whereas|but|although|though|yet)\b", re.IGNORECASE)


def _state_subject(text: str, start: int, states: Sequence[tuple[int, int]]) -> bool:
    """A state brings the people back: a country or its officials are the verb's subject."""
    lo = max(0, start - 48)
    if _STATE_WORD.search(text, lo, start):
        return True
    said = _ITS_PRONOUN.search(text, lo, start)
    if said is not None and any(
        STATE_GAP.fullmatch(text, end, said.start()) for _, end in states if end <= said.start()
    ):
        return True
    return any(lo <= end <= start and STATE_GAP.fullmatch(text, end, start) for _, end in states)


def is_blocked(text: str, start: int) -> bool:
    """A cue at `start` is negated or not a statement of fact."""
    return _blocked(text, start)


def _blocked(text: str, start: int) -> bool:
    lo = max(0, start - _WINDOW)
    window = text[lo:start]
    barriers = list(_BARRIER.finditer(window))
    if barriers:
        window = window[barriers[-1].end() :]
    if negation_regex().search(window) and negation_regex().search(
        negated_hedge_regex().sub(lambda m: " " * len(m.group()), window)
    ):
        return True
    modals = list(irrealis_regex().finditer(window))
    if not modals:
        return False
    return not _PERFECT.match(window, modals[-1].end())

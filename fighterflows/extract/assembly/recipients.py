"""The state people are handed or sent back to: theirs.

"The Kurdish administration handed over 40 women and children to Kazakhstan, 25 to Kyrgyzstan
and 9 others to Belarus", "returned five orphans to the Danish authorities", "handed 50 over to
a delegation from Tajikistan": after a verb of return, the state named after "to" right after
the figure's people receives its own nationals, whatever state is named before the figure
(the one that hands them over, or an earlier item of the list). The words that name a state's
receiving party are in `data/populations.yaml: receiving_parties`.
"""

from __future__ import annotations

import re
from functools import cache

from fighterflows.extract.mentions.facts import Facts
from fighterflows.extract.mentions.flows import STATE_GAP, Cue
from fighterflows.extract.mentions.lexicon import helper_country_regex, load
from fighterflows.extract.mentions.populations import Head
from fighterflows.extract.numbers import NumberMention
from fighterflows.initials import compile_guarded
from fighterflows.model import Flow
from fighterflows.places import ZONE_CODES, PlaceForm, PlaceMention, is_region

# How far after the figure's people the "to" may stand, and what may not stand between them:
# a stop or a comma ends the figure's phrase ("92 to Uzbekistan, 62 to Russia": the comma
# closes the first item), a bracket another aside.
_REACH = 100
_PHRASE_BREAK = re.compile(r"[,;:.()\[\]—–]")
_TO = re.compile(r"(?<![\w-])to\s+", re.IGNORECASE)
_ARTICLE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
_FOREIGN = re.compile(r"\bforeign", re.IGNORECASE)


@cache
def _party() -> re.Pattern[str]:
    """A receiving party named before its state: "a delegation from", "diplomats of the"."""
    words = "|".join(load("populations")["receiving_parties"])
    return re.compile(
        rf"(?:[\w-]+\s+){{0,2}}?(?:{words})\s+(?:from|of|representing)\s+(?:the\s+)?",
        re.IGNORECASE,
    )


@cache
def _party_after() -> re.Pattern[str]:
    """A state's adjective and its receiving party: "the Norwegian authorities"."""
    words = "|".join(load("populations")["receiving_parties"])
    return re.compile(rf"\s+(?:[\w-]+\s+)?(?:{words})\b", re.IGNORECASE)


def recipient_state(
    text: str, n: NumberMention, head: Head | None, facts: Facts
) -> PlaceMention | None:
    """The state the figure's people are handed or sent to after a verb of return before the
    figure; None when the figure's phrase names no such state."""
    if head is not None and _FOREIGN.search(head.text):
        return None  # "handed 40 foreign fighters to Iraq": not Iraq's people
    if not _returned_before(n, facts):
        return None
    start = head.end if head is not None else n.end
    window = text[start : min(len(text), start + _REACH)]
    stop = _PHRASE_BREAK.search(window)
    end = start + (stop.start() if stop is not None else len(window))
    if any(start <= c.start < end for c in facts.cues):
        return None  # a verb of their own ("40 who had fled to Turkey")
    for to in _TO.finditer(text, start, end):
        # the article may be the name's own ("the Netherlands") or not ("the Danish authorities")
        article = _ARTICLE.match(text, to.end())
        for at in (to.end(), article.end()) if article is not None else (to.end(),):
            state = _state_at(text, at, facts)
            if state is not None:
                return state
    return None


def _returned_before(n: NumberMention, facts: Facts) -> bool:
    """The last verb before the figure is one of return: the figure or the list it stands in
    is said of people brought back."""
    before = [c for c in facts.cues if c.end <= n.start and not c.stock]
    return bool(before) and before[-1].flow is Flow.RETURNED and not before[-1].blocked


def _state_at(text: str, at: int, facts: Facts) -> PlaceMention | None:
    """A state named at `at`: its name ("to Kazakhstan"), its adjective and a receiving party
    ("to the Norwegian authorities"), or a party from it ("to a delegation from Tajikistan")."""
    party = _party().match(text, at)
    if party is not None:
        at = party.end()
    place = next((p for p in facts.places if p.start == at), None)
    if place is None or place.code in ZONE_CODES or is_region(place.code):
        return None
    if place.form is PlaceForm.NAME:
        return place
    adjective = place.form is PlaceForm.ADJECTIVE and party is None
    return place if adjective and _party_after().match(text, place.end) else None


# two states named together: "France and the Netherlands", "French and Dutch"
_PAIR_GAP = re.compile(r"\s*,?\s+and\s+(?:the\s+)?")
# "… to Denmark and Norway, respectively": each its own figure
_SPLIT = compile_guarded(r"\b(?:respectively|each|apiece)\b", re.IGNORECASE)
_COMMA_THEN = re.compile(r"\s*,")


def joint_recipients(text: str, n: NumberMention, head: Head | None, facts: Facts) -> bool:
    """ "Germany and Finland have repatriated five women", "the 14 children were handed over to
    French and Dutch delegations": one figure of a return two states share is neither's."""
    if head is not None and head.place is not None:
        return False  # "12 French and two Dutch children": each its own
    cue = _return_cue(n, facts)
    if cue is None or _SPLIT.search(text, n.end):
        return False
    if cue.end <= n.start:
        between = [p for p in facts.places if cue.end <= p.start < n.start]
        if any(p.code not in ZONE_CODES for p in between):
            return False  # "… repatriated 18: Germany 12 and Finland 6"
        return _pair_before(text, cue.start, facts) or _list_after(text, n.end, facts)
    return _pair_after(text, cue.end, facts)


def _return_cue(n: NumberMention, facts: Facts) -> Cue | None:
    """The verb of return of the figure: the last verb before it, else one right after its
    people ("the 14 children were handed over")."""
    before = [c for c in facts.cues if c.end <= n.start and not c.stock]
    if before:
        return before[-1] if before[-1].flow is Flow.RETURNED else None
    after = [c for c in facts.cues if n.end <= c.start <= n.end + 60 and not c.stock]
    return after[0] if after and after[0].flow is Flow.RETURNED else None


def _states(facts: Facts) -> list[PlaceMention]:
    return [
        p
        for p in facts.places
        if p.code not in ZONE_CODES
        and not is_region(p.code)
        and p.form in (PlaceForm.NAME, PlaceForm.ADJECTIVE)
    ]


def _pair_before(text: str, verb: int, facts: Facts) -> bool:
    """Two states as the subject of the verb: "Germany and Finland have repatriated"."""
    states = [
        p
        for p in _states(facts)
        if p.end <= verb and not helper_country_regex().search(text, max(0, p.start - 50), p.start)
    ]
    if len(states) < 2:
        return False
    first, second = states[-2], states[-1]
    gap = text[second.end : verb]
    if _COMMA_THEN.match(gap):
        gap = gap[gap.index(",") + 1 :]
    return (
        first.code != second.code
        and _PAIR_GAP.fullmatch(text, first.end, second.start) is not None
        and STATE_GAP.fullmatch(" " + gap.lstrip()) is not None
    )


# "the repatriation of 11 other camp residents, eight of them children, to Canada, the
# Netherlands and Finland": the states the people went to, a list of two or more after the
# figure's own words (rule `joint-recipients-listed`)
_TO_AFTER = re.compile(r"[^;:.()\[\]]{0,60}?(?<![\w-])to\s+(?:the\s+)?", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*,\s*(?:the\s+)?|\s*,?\s+and\s+(?:the\s+)?")


def _list_after(text: str, end: int, facts: Facts) -> bool:
    to = _TO_AFTER.match(text, end)
    if to is None:
        return False
    states = [p for p in _states(facts) if p.start >= to.end()]
    if len(states) < 2 or states[0].start != to.end():
        return False
    first, second = states[0], states[1]
    return (
        first.code != second.code and _LIST_GAP.fullmatch(text, first.end, second.start) is not None
    )


def _pair_after(text: str, verb: int, facts: Facts) -> bool:
    """Two states the people are handed to: "handed over to French and Dutch delegations"."""
    to = _TO.search(text, verb, min(len(text), verb + 20))
    if to is None or _PHRASE_BREAK.search(text, verb, to.start()):
        return False
    article = _ARTICLE.match(text, to.end())
    at = article.end() if article is not None else to.end()
    states = [p for p in _states(facts) if p.start >= to.end()]
    if len(states) < 2 or states[0].start not in (to.end(), at):
        return False
    first, second = states[0], states[1]
    return (
        first.code != second.code and _PAIR_GAP.fullmatch(text, first.end, second.start) is not None
    )

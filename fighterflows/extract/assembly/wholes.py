"""Parts and wholes within a sentence: a part takes its whole's place ("including 40
women", "seven returnees among the 129 Americans"), a figure the count "rose to" is the same
people later, "respectively" pairs figures with places, and a share of counted people by the
group they joined keeps their flow."""

from __future__ import annotations

import re

from fighterflows.extract.assembly.choosing import Figure
from fighterflows.extract.assembly.drafts import Draft
from fighterflows.extract.assembly.placing import ZONE_CODES
from fighterflows.extract.mentions.facts import Facts
from fighterflows.extract.mentions.populations import Head
from fighterflows.extract.numbers import NumberMention
from fighterflows.extract.numbers.lexicon import gap_hedges
from fighterflows.initials import compile_guarded
from fighterflows.model import Flow, Kind

# the hedges a rule reads across between a word and its figure (data/numbers.yaml)
_HEDGES = gap_hedges()

OF_THEM = re.compile(
    r"\s+of\s+(?:them|these|those|the\s+total|that\s+total|(?:those|these)\s+(?:people|individuals)"
    r"|(?:that|this)\s+number)\b",
    re.I,
)
OF_WHOM = compile_guarded(r"\bof\s+(?:whom|which|these|those|them)\s+$", re.I)

CHANGE_TO = compile_guarded(
    r"\b(?:ris(?:e|es|ing|en)|rose|gr(?:ew|own|owing|ows)|increas(?:ed|ing|es)|climb(?:ed|ing|s)|"
    r"jump(?:ed|ing|s)|fell|fall(?:en|ing|s)|dropp(?:ed|ing)|declin(?:ed|ing|es)|swell(?:ed|ing)|"
    # "..., raising to 90 the total number killed", "bringing the toll to 90"
    r"rais(?:e|es|ed|ing)|bring(?:s|ing)?|brought|push(?:es|ed|ing)|tak(?:es|ing)|took|"
    # "has almost tripled, to 67"
    r"doubl(?:ed|ing|es)|tripl(?:ed|ing|es)|quadrupl(?:ed|ing|es))"
    r"(?:\s+(?:the|its|their)\s+(?:total|number|toll|tally|count|figure))?,?\s+to\s+$"
    # "that number now stands at 250", "by June this was 63": the same measure, later
    r"|\b(?:(?:the|this|that)\s+(?:number|figure|total|count|tally)|this|that|it)\s+"
    r"(?:now\s+|has\s+now\s+)?"
    r"(?:was|is|stands|stood|had\s+reached|has\s+reached|reached)\s+(?:at\s+)?"
    r"(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least)\s+)?$",
    re.I,
)


_SIBLING = re.compile(r"\s+[\w-]+(?:\s+[\w-]+)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)", re.I)


# Words that introduce the parts of a figure just given: "850 nationals, including 140
# women", "80 departures, comprising 25 women", "the 231 consisted of 16 men, ...".
INCLUDING = compile_guarded(
    r"\b(?:including|incl\.|among\s+them|among\s+whom|of\s+whom|of\s+which|comprising|"
    r"consisting\s+of|made\s+up\s+of|(?:consisted|consists|consist)\s+of|"
    rf"(?:included|includes|include))\s+(?:(?:{_HEDGES})\s+)?$",
    re.I,
)


_BY_GROUP = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:have\s+|has\s+|had\s+)?(?:joined|are\s+members\s+of|were\s+members\s+of|"
    r"belong(?:ed)?\s+to|fight\s+for|fought\s+for)\b",
    re.I,
)


RESPECTIVELY = compile_guarded(r"\brespectively\b", re.I)


def by_group(facts: Facts, fig: Figure, draft: Draft) -> None:
    """ "three quarters are members of ISIL; the remaining quarter have joined al-Qaeda
    affiliates": a share of counted people by the group they are in did what they did."""
    base = draft.base_draft
    if draft.kind is not Kind.SHARE or base is None or not facts.groups:
        return
    if _BY_GROUP.match(facts.sentence.text, fig.number.end):
        draft.flow = base.flow


def respectively(facts: Facts, drafts: list[Draft]) -> None:
    """ "200 and 150 fighters came back to Denmark and Norway, respectively": the figures
    take the places listed after them, in order."""
    word = RESPECTIVELY.search(facts.sentence.text)
    if word is None or len(drafts) < 2:
        return
    shift = facts.sentence.start
    first, last = min(d.start for d in drafts) - shift, max(d.end for d in drafts) - shift
    usable = [p for p in facts.places if p.code not in ZONE_CODES]
    places = [p for p in usable if last <= p.start < word.start()]
    if len(places) != len(drafts):
        places = [p for p in usable if p.end <= first]  # "France and Germany saw 1,900 and 960"
    if len(places) != len(drafts):
        return
    for d, p in zip(drafts, places, strict=True):
        d.place, d.place_text = p.code, p.text


def remaining_against_departures(drafts: list[Draft]) -> None:
    """ "50-100 Australians fighting in the country, with ... about 200 fighters": a stock set
    against a larger number who went is the number still there (the contract's rule)."""
    for d in drafts:
        if not d.stock or d.flow is not Flow.DEPARTED or d.kind is not Kind.COUNT:
            continue
        mine = _top(d)
        larger = [
            e
            for e in drafts
            if e is not d
            and e.place == d.place
            and e.flow is Flow.DEPARTED
            and e.kind is Kind.COUNT
            and not e.continues
            and mine is not None
            and (_top(e) or 0) > mine
        ]
        if larger and d.start < larger[0].start:
            d.flow = Flow.REMAINING


def _top(d: Draft) -> float | None:
    n = d.number
    return n.value if n.value is not None else n.high if n.high is not None else n.low


def whole(
    text: str, n: NumberMention, head: Head | None, made: dict[int, Draft], i: int
) -> tuple[str, str] | None:
    """A part is counted for its whole's place: "100 were held in camps, including 40 women";
    "10,045 foreign fighters (1,700 Lebanese and 8,345 others)"."""
    earlier = [made[j] for j in sorted(made) if j < i]
    if head is not None and head.text.strip().lower() == "others":
        mine = n.value or 0
        larger = [d for d in earlier if (d.number.value or 0) > mine]
        return (larger[-1].place, larger[-1].place_text) if larger else None
    if not earlier:
        return None
    if INCLUDING.search(text, max(0, n.start - 24), n.start):
        return earlier[-1].place, earlier[-1].place_text
    # "among them up to 256 women and up to 1,180 minors": the next part of the same whole
    sibling = earlier[-1]
    start = sibling.number.start
    gap = text[sibling.number.end : n.start]
    if INCLUDING.search(text, max(0, start - 24), start) and _SIBLING.fullmatch(gap):
        return sibling.place, sibling.place_text
    return None


def part_of_earlier(
    text: str, n: NumberMention, made: dict[int, Draft], i: int
) -> tuple[str, str] | None:
    """ "...; women were 13 percent of the total", "242 have come back, and 220 of them were
    arrested": a part of the figure before it."""
    earlier = [made[j] for j in sorted(made) if j < i and made[j].kind is Kind.COUNT]
    if not earlier or not OF_THEM.match(text, n.end):
        return None
    return earlier[-1].place, earlier[-1].place_text


def continued(
    text: str, n: NumberMention, made: dict[int, Draft], i: int
) -> tuple[str, str] | None:
    """ "numbered around 10,000 in 2013, rising to 15,000 in 2017": the same people later."""
    earlier = [made[j] for j in sorted(made) if j < i]
    if not earlier or not CHANGE_TO.search(text, max(0, n.start - 30), n.start):
        return None
    return earlier[-1].place, earlier[-1].place_text


def base_place(fig: Figure, made: dict[int, Draft]) -> tuple[str, str] | None:
    """ "seven returnees among the 129 Americans": a part is counted for its whole's place."""
    base = made.get(fig.base_of) if fig.base_of is not None else None
    return (base.place, base.place_text) if base is not None else None

"""Figures listed place by place with no verb and no noun of people: "By country, the estimates
are: France 1,700; Germany 760", "The figures for the Balkans: Bosnia 330, Kosovo 300",
"Indonesia: 700." (rule `listed-by-place`). Each item counts the people of the estimate before
it, in the place that labels it.
"""

from __future__ import annotations

import re

from fighterflows.extract.mentions.facts import Facts
from fighterflows.extract.mentions.lexicon import alternation, load
from fighterflows.extract.numbers import NumberKind, NumberMention
from fighterflows.extract.numbers.lexicon import gap_hedges
from fighterflows.model import Flow
from fighterflows.places import PlaceMention

# between a place and its figure: nothing, a colon, a dash or an opening bracket, and a hedge
_LABEL_GAP = re.compile(rf"\s*(?:[:(–—-]\s*)?(?:(?:{gap_hedges()})\s+)?", re.I)
# what ends an item: the next item's separator, a closing bracket or the sentence's end
_ITEM_END = re.compile(r"\s*\)?\s*(?:[;,.]|and\b|$)", re.I)
# between two items, and around the list: separators only
_SEPARATORS = re.compile(r"[\s;,.)\"'“”]*(?:\band\b[\s;,.)\"'“”]*)?")
# a heading that names what the list counts, before a colon: "the estimates are:", "The
# figures for the Balkans:", "Foreign fighters by country:"; never a count of something else
# ("Arrests in 2016:", "Attacks by country:")
_HEADING = re.compile(
    r"\b(?:"
    + alternation([*load("flows")["list_headings"], *load("flows")["list_headings_went"]])
    + r")\b",
    re.I,
)
_WENT = re.compile(r"\b(?:" + alternation(load("flows")["list_headings_went"]) + r")\b", re.I)
_NOT_PEOPLE = re.compile(
    r"\b(?:" + alternation(load("flows")["measures_of_no_people"]) + r")\b", re.I
)

# one item alone is a list's when a colon or a dash labels it
_SAID_AS_ONE = re.compile(r"[:–—-]")


def _labelled_by(facts: Facts, n: NumberMention) -> PlaceMention | None:
    """The place right before a figure that labels it as a list's item ("Germany 760;",
    "Kosovo: 300,"), if any."""
    text = facts.sentence.text
    if n.kind is not NumberKind.COUNT or _ITEM_END.match(text, n.end) is None:
        return None
    for p in facts.places:
        if p.end <= n.start and _LABEL_GAP.fullmatch(text, p.end, n.start) is not None:
            return p
    return None


def listed_flow(facts: Facts, n: NumberMention, before: Flow) -> Flow | None:
    """The flow of a bare figure labelled by a place in a sentence made of such items and
    nothing else but a heading that names what they count (two or more items, or one said with
    a colon or a dash: "Indonesia: 700."): departures where the heading names people who went,
    else `before`, the flow of the estimate before the list; None for no such list."""
    if _labelled_by(facts, n) is None:
        return None
    text = facts.sentence.text
    items = [(p, m) for m in facts.numbers if (p := _labelled_by(facts, m)) is not None]
    heading = text[: items[0][0].start].strip()
    if heading and not (
        heading.endswith(":") and _HEADING.search(heading) and not _NOT_PEOPLE.search(heading)
    ):
        return None
    starts = [p.start for p, _ in items[1:]] + [len(text)]
    gaps = zip([m.end for _, m in items], starts, strict=True)
    if any(_SEPARATORS.fullmatch(text, end, start) is None for end, start in gaps):
        return None
    place, figure = items[0]
    one = _SAID_AS_ONE.search(text, place.end, figure.start) is not None
    if not (len(items) >= 2 or heading or one):
        return None
    return Flow.DEPARTED if _WENT.search(heading) else before

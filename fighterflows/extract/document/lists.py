"""The lead of a list: the sentence a run of list items hangs from.

"Dutch figures on travel to Syria:" then "- 310 travelled", "- 65 returned": each item is a
statement of its own (sentences.py), but whose people they count only the lead says. The
lead is the sentence right before the first item of the run (a heading is no lead: its place
is the section's already); the items after a figure-less item still hang from it.
"""

from __future__ import annotations

from collections.abc import Sequence

from fighterflows.extract.assembly.drafts import Draft
from fighterflows.extract.assembly.placing import ZONE_CODES
from fighterflows.extract.mentions.facts import Facts
from fighterflows.extract.text.sentences import BlockKind, Sentence
from fighterflows.places import PlaceForm, PlaceMention, find_places


def lead_index(sentences: Sequence[Sentence], i: int) -> int | None:
    """The lead of list item `i`, when the item and the items before it back to the lead
    follow one another without a gap; None for a sentence that is no list item."""
    if sentences[i].kind is not BlockKind.ITEM:
        return None
    j = i - 1
    while j >= 0 and sentences[j].kind is BlockKind.ITEM:
        if sentences[j].paragraph != sentences[j + 1].paragraph - 1:
            return None
        j -= 1
    if j < 0 or sentences[j].kind is not BlockKind.PARAGRAPH:
        return None
    return j if sentences[j].paragraph == sentences[j + 1].paragraph - 1 else None


def lead_place(
    sentences: Sequence[Sentence],
    facts: Sequence[Facts | None],
    drafts: Sequence[Draft],
    owners: Sequence[int],
    i: int,
) -> PlaceMention | None:
    """The place the lead of list item `i` gives its items: its last figure's, else the last
    place it names that is not the conflict zone."""
    j = lead_index(sentences, i)
    if j is None:
        return None
    figure, places = places_said(sentences, facts, drafts, owners, j)
    return figure or (places[-1] if places else None)


def places_said(
    sentences: Sequence[Sentence],
    facts: Sequence[Facts | None],
    drafts: Sequence[Draft],
    owners: Sequence[int],
    j: int,
) -> tuple[PlaceMention | None, list[PlaceMention]]:
    """Sentence `j`'s place as its last figure gives it, else None and the places it names
    outside the conflict zone (a list's lead and the sentence before a figure are read alike)."""
    mine = [d for d, o in zip(drafts, owners, strict=True) if o == j]
    if mine:
        d = mine[-1]
        return PlaceMention(d.start, d.end, d.place_text, d.place, PlaceForm.NAME), []
    said = facts[j]
    named = said.places if said is not None else tuple(find_places(sentences[j].text))
    return None, [p for p in named if p.code not in ZONE_CODES]

"""Whose people, when the text names their country only by description: "some 3,000
nationals of the country", "the Balkan country's citizens", "our fellow countrymen". They are
the people of the country named last before them, in the same sentence or the few before it
(`Context.country_before`); never a region, never the conflict zone."""

from __future__ import annotations

import re
from functools import cache

from fighterflows.extract.assembly.placing import ZONE_CODES
from fighterflows.extract.mentions.lexicon import alternation, load, whole_words
from fighterflows.places import PlaceMention, is_region


@cache
def reference_regex() -> re.Pattern[str]:
    return whole_words(alternation(load("populations")["country_by_reference"]))


def is_country(place: PlaceMention) -> bool:
    return place.code not in ZONE_CODES and not is_region(place.code)


def country_by_reference(
    text: str,
    places: tuple[PlaceMention, ...],
    clause: tuple[int, int],
    before: PlaceMention | None,
) -> tuple[str, str] | None:
    """The country whose people the words in `text[clause[0]:clause[1]]` refer to: the last
    country the sentence names before the reference, else `before` (the sentences before)."""
    m = reference_regex().search(text, *clause)
    if m is None:
        return None
    named = [p for p in places if p.end <= m.start() and is_country(p)]
    if _OUR.search(m.group(0)):
        # "our fellow citizens …, the Dutch minister said": the speaker's country, named
        # before or after
        named = [p for p in places if is_country(p)]
    if named:
        return named[-1].code, m.group(0)
    return (before.code, m.group(0)) if before is not None else None


_OUR = re.compile(r"\bour\b", re.I)


def last_country(places: tuple[PlaceMention, ...]) -> PlaceMention | None:
    countries = [p for p in places if is_country(p)]
    return countries[-1] if countries else None

"""Whose people, when the text names their country only by description: "some 3,000
nationals of the country", "the Balkan country's citizens", "our fellow countrymen". They are
the people of the country named last before them, in the same sentence or the few before it
(`Context.country_before`); never a region, never the conflict zone."""

from __future__ import annotations

import re
from functools import cache

from fighterflows.extract.assembly.placing import ZONE_CODES
from fighterflows.extract.mentions.facts import Facts
from fighterflows.extract.mentions.lexicon import alternation, load, whole_words
from fighterflows.extract.text.sentences import BlockKind, Sentence
from fighterflows.places import PlaceMention, find_places, is_region


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
    m = next(
        (
            m
            for m in reference_regex().finditer(text, *clause)
            # "the Czech Republic", "the United Kingdom" are names, not references
            if not any(p.start < m.end() and m.start() < p.end for p in places)
        ),
        None,
    )
    if m is None:
        return None
    if _OUR.search(m.group(0)):
        # "our fellow citizens …, the Dutch minister said": the speaker's country, named
        # before or after
        named = [p for p in places if is_country(p)]
        return (named[-1].code, m.group(0)) if named else _before(before, m)
    earlier = [p for p in places if p.end <= m.start() and p.code not in ZONE_CODES]
    if earlier and is_region(earlier[-1].code):
        return None  # "the EU says 5,000 of its citizens": a region's, no one country's
    named = [p for p in earlier if is_country(p)]
    if named:
        return named[-1].code, _words(named[-1], m)
    return _before(before, m)


def _before(before: PlaceMention | None, m: re.Match[str]) -> tuple[str, str] | None:
    return (before.code, _words(before, m)) if before is not None else None


def _words(country: PlaceMention, m: re.Match[str]) -> str:
    """The words that name the place: the country's name for a pronoun or a kind of state
    ("Morocco saw 1,623 of its citizens leave", "the kingdom says"), else the description
    ("nationals of the Balkan country")."""
    return country.text if _NAME_FOR.fullmatch(m.group(0)) else m.group(0)


_OUR = re.compile(r"\bour\b", re.I)
_NAME_FOR = re.compile(
    r"(?:its|his|her|their)\b.*|(?:the|this)\s+(?:[\w-]+\s+){0,2}(?:kingdom|republic|emirate|sultanate)",
    re.I,
)


def last_country(places: tuple[PlaceMention, ...]) -> PlaceMention | None:
    countries = [p for p in places if is_country(p)]
    return countries[-1] if countries else None


# a region a sentence sets its country in: "the highest rate of departure in Europe", "more than
# any other country of the West"
_COMPARED_IN = re.compile(r"\b(?:in|among|across|within|of)\s+(?:the\s+)?$", re.I)


def mentioned_place(places: list[PlaceMention], text: str) -> PlaceMention | None:
    """The place a sentence without figures is about, for the figures of the next: the last it
    names, but not a region it only compares its country within ("Belgium has one of the
    highest rates of departure in Europe": Belgium)."""
    if not places:
        return None
    last = places[-1]
    if is_region(last.code) and _COMPARED_IN.search(text, max(0, last.start - 12), last.start):
        countries = [p for p in places if is_country(p)]
        if countries:
            return countries[-1]
    return last


# How far back the topic of a passage is looked for: its section, a few sentences at most.
_TOPIC_REACH = 6


def topic_country(
    sentences: list[Sentence], facts: list[Facts | None], i: int
) -> PlaceMention | None:
    """The one country the passage before sentence `i` is about: the last country named in
    the sentences before it in its section (its heading included), when they name no other
    country and no region ("Norway has tightened its laws. … Officials say 150 have gone to
    fight"). Two countries, or a region, and the passage has no one topic."""
    found: PlaceMention | None = None
    for j in range(i - 1, max(-1, i - 1 - _TOPIC_REACH), -1):
        prev = facts[j]
        named = prev.places if prev is not None else tuple(find_places(sentences[j].text))
        for p in named:
            if p.code in ZONE_CODES:
                continue
            if is_region(p.code) or (found is not None and p.code != found.code):
                return None
            found = found or p
        if sentences[j].kind is BlockKind.HEADING:
            break
    return found

"""Everything the per-sentence recognisers find in one sentence, computed once.

Offsets in a `Facts` are relative to the sentence; `Sentence.start` shifts them to the
document.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cached_property

from fighterflows.extract.mentions.dates import DateMention, find_dates
from fighterflows.extract.mentions.flows import Cue, find_cues
from fighterflows.extract.mentions.groups import GroupHit, find_groups, find_zone
from fighterflows.extract.mentions.implicit import implicit_numbers
from fighterflows.extract.mentions.populations import head_after
from fighterflows.extract.mentions.sources import (
    Attribution,
    find_attributions,
    impersonal,
    named_sources,
)
from fighterflows.extract.numbers import NumberKind, NumberMention, find_numbers
from fighterflows.extract.text.sentences import Sentence
from fighterflows.model import Flow
from fighterflows.places import (
    ZONE_CODES,
    PlaceForm,
    PlaceMention,
    find_places,
    is_region,
    region_members,
)

# the words between a verb of going and the country it names as where they went
_TO_THE = re.compile(r"\s+(?:(?:back|home)\s+)?(?:(?:to|into)\s+)?(?:the\s+)?", re.I)
_ENDS_IN_TO = re.compile(r"\b(?:to|into)$", re.I)
_PEOPLE_FORMS = (PlaceForm.ADJECTIVE, PlaceForm.DEMONYM)


def _home_destinations(text: str, cues: list[Cue], places: tuple[PlaceMention, ...]) -> list[Cue]:
    """A verb of going whose destination is the country the sentence's people are from says
    they came home ("425 of the 850 British jihadists have travelled to the UK", "40
    Norwegians who fought in Syria have made their way to Norway": `home-is-the-destination`)."""
    out = []
    for c in cues:
        if c.flow is Flow.DEPARTED and not c.stock and not c.blocked:
            dest = next((p for p in places if p.start >= c.end), None)
            gap = (
                _TO_THE.fullmatch(text, c.end, dest.start)
                # (never the zone: "since the start of the Syrian conflict, 6,600 have
                # travelled to Syria" went there)
                if dest is not None and dest.form is PlaceForm.NAME and dest.code not in ZONE_CODES
                else None
            )
            if (
                dest is not None
                and gap is not None
                and ("to" in gap.group().lower().split() or _ENDS_IN_TO.search(c.text))
                and any(
                    p.end <= c.start and p.code == dest.code and p.form in _PEOPLE_FORMS
                    for p in places
                )
            ):
                c = dataclasses.replace(c, flow=Flow.RETURNED)
        out.append(c)
    return out


_NAMED_AFTER = re.compile(r"\s+[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?s\b")
FIGURE_KINDS = frozenset({NumberKind.COUNT, NumberKind.SHARE})


@dataclass(frozen=True)
class Facts:
    """A sentence's numbers and places, and what else its recognisers find there. The rest
    (cues, dates, groups, the zone, whether it is impersonal) is found when first asked: most
    sentences with a count are never asked (their figures count no people, or name no
    conflict), and a sentence without figures (light) has none of them."""

    sentence: Sentence
    numbers: tuple[NumberMention, ...]  # counts and shares only
    places: tuple[PlaceMention, ...]
    published: str | None = None  # the document's date, for the dates
    known_attributions: tuple[Attribution, ...] | None = None

    @cached_property
    def cues(self) -> tuple[Cue, ...]:
        if not self.numbers:
            return ()
        text = self.sentence.text
        return tuple(
            _home_destinations(text, find_cues(text, _states(text, self.places)), self.places)
        )

    @cached_property
    def impersonal(self) -> bool:
        return bool(self.numbers) and impersonal(self.sentence.text)

    @cached_property
    def dates(self) -> tuple[DateMention, ...]:
        if not self.numbers:
            return ()
        text, numbers, places = self.sentence.text, self.numbers, self.places
        return tuple(
            d for d in find_dates(text, self.published) if not _counts(text, d, numbers, places)
        )

    @cached_property
    def groups(self) -> tuple[GroupHit, ...]:
        return tuple(find_groups(self.sentence.text)) if self.numbers else ()

    @cached_property
    def zone(self) -> str | None:
        return find_zone(self.sentence.text, list(self.groups)) if self.numbers else None

    @cached_property
    def attributions(self) -> tuple[Attribution, ...]:
        """Found when first asked: most sentences with numbers yield no figure and never ask."""
        if self.known_attributions is not None:
            return self.known_attributions
        return tuple(find_attributions(self.sentence.text))


# "the Central Asian country", "the Balkan state": a region's adjective that names one of its
# countries, the one the text spoke of; not the region.
_ONE_OF_ITS_COUNTRIES = re.compile(
    r"\s+(?:country|state|nation|republic|kingdom|emirate|monarchy)\b", re.IGNORECASE
)
_THE_BEFORE = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


# "the former Soviet republics of Central Asia", "the countries of the EU in the Balkans": a
# region narrowed by a smaller one it holds is the smaller one; so is a region's adjective
# right before it ("post-Soviet Central Asia", "ex-Soviet Central Asia")
_NARROWED_BY = re.compile(r"\s+(?:(?:of|in)\s+(?:the\s+)?)?$", re.IGNORECASE)


def sentence_places(text: str) -> tuple[PlaceMention, ...]:
    """The places a sentence names, without a region's adjective used for one country, nor a
    region a smaller region right after it narrows."""
    found = find_places(text)
    return tuple(
        p
        for k, p in enumerate(found)
        if not (
            is_region(p.code)
            and _ONE_OF_ITS_COUNTRIES.match(text, p.end)
            and _THE_BEFORE.search(text, max(0, p.start - 40), p.start)
        )
        and not (k + 1 < len(found) and _narrowed(text, p, found[k + 1]))
    )


def _narrowed(text: str, wide: PlaceMention, narrow: PlaceMention) -> bool:
    return (
        is_region(wide.code)
        and is_region(narrow.code)
        and narrow.start - wide.end <= 8
        and _NARROWED_BY.fullmatch(text[wide.end : narrow.start] + " ") is not None
        and region_members(narrow.code) < region_members(wide.code)
    )


def gather(sentence: Sentence, published: str | None) -> Facts:
    text = sentence.text
    numbers = tuple(n for n in find_numbers(text) if n.kind in FIGURE_KINDS)
    places = sentence_places(text)
    numbers = tuple(implicit_numbers(text, numbers, places))
    if not numbers:
        return light(sentence, places)
    return Facts(sentence, numbers, places, published)


# an adjective that names a state acting ("the Kazakh government flew", "Uzbek authorities
# received"), not its people ("20 Japanese nationals were evacuated")
_OFFICE_AFTER = re.compile(
    r"(?:\s+[\w-]+)?\s+(?:government|authorities|officials|ministry|administration|services|"
    r"state|embassy|military|forces|side)\b",
    re.IGNORECASE,
)


def _states(text: str, places: tuple[PlaceMention, ...]) -> list[tuple[int, int]]:
    """The spans of the countries that may bring people back ("Germany evacuated"); never
    people named by their nationality ("25 Bosnians flew out of Sarajevo to join", "20
    Japanese nationals were evacuated")."""
    return [
        (p.start, p.end)
        for p in places
        if not is_region(p.code)
        and p.form not in (PlaceForm.DEMONYM, PlaceForm.ETHNIC)
        and (p.form is not PlaceForm.ADJECTIVE or _OFFICE_AFTER.match(text, p.end) is not None)
    ]


def _counts(
    text: str,
    date: DateMention,
    numbers: tuple[NumberMention, ...],
    places: tuple[PlaceMention, ...],
) -> bool:
    """A "date" that is a count of people: "Jordan (2000+)", "2000 Moroccan-Europeans"."""
    for n in numbers:
        if n.start <= date.start < n.end or date.start <= n.start < date.end:
            # the first year of a range of dates is no count ("the 2012 – November 2018 period")
            within = date.start <= n.start and n.end <= date.end
            if (n.text.strip() != date.text and not within) or _NAMED_AFTER.match(text, n.end):
                return True  # "(2000+)", "2000 Moroccan-Europeans"
            head = head_after(text, n.end, places)
            return head is not None and head.population is not None
    return False


def light(sentence: Sentence, places: tuple[PlaceMention, ...] | None = None) -> Facts:
    """Facts for a sentence without figures: only what later sentences may refer back to
    (its places, and its attributions where it names a source). `places`: its places, when
    already found."""
    text = sentence.text
    return Facts(
        sentence,
        (),
        sentence_places(text) if places is None else places,
        None,
        None if named_sources(text) else (),
    )

"""Who a number counts: the noun phrase after it ("5,600 men, women and children",
"500 French citizens", "up to 40 Norwegians"), classified by the population lexicon.

A head can also rule a number out: "33 countries", "five categories", "18 Syrian government
soldiers", "94,000 civilians" are not counts of foreign fighters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from fighterflows.extract.mentions.groups import groups_gazetteer
from fighterflows.extract.mentions.lexicon import (
    POPULATIONS,
    excluded_people_regex,
    excluded_regex,
    flow_regex,
    load,
    local_regex,
    people_regex,
)
from fighterflows.model import Population
from fighterflows.places import ZONE_CODES, PlaceForm, PlaceMention

_WORD = re.compile(r"[\w'’.-]*\w|[^\w\s]")
# Words that end a noun phrase before its head is found: the number stands alone.
_STOP = frozenset(load("populations")["phrase_ends"])
_PERSON_FORMS = frozenset({PlaceForm.DEMONYM, PlaceForm.ETHNIC})
# "fighters of the SDF": the local forces' names among populations.yaml's `local` words (those
# whose every word is capitalised), matched as written.
_LOCAL_NAMES = [
    w.replace(" ", r"\s+")
    for w in load("populations")["local"]
    if all(word[0].isupper() for word in w.split())
]
_OF_LOCAL = re.compile(r"\s+of\s+(?:the\s+)?(?:" + "|".join(_LOCAL_NAMES) + r")\b")
_OF_DET = re.compile(r"\s+(?:its|their|the|these|those|his|her|our)\s+(?!\d)", re.I)
# "French-trained", "Belgian-born": a place word bound to what follows, not people of it.
PARTICIPLES = "|".join(load("populations")["place_participles"])
_PARTICIPLE = re.compile(rf"[\s-]+(?:{PARTICIPLES})\b", re.I)
# "64 America-based suspects", "30 UK-based jihadists": people living in a country are its
# people (not the zone's: "Syria-based fighters" are no Syrians)
_RESIDENT = re.compile(
    rf"[\s-]+(?:{'|'.join(load('populations')['residence_participles'])})\b", re.I
)
_ALONE_AFTER = re.compile(
    r"\s*(?:[,;.)]|(?:had|have|has|were|was|are|returned|died|and|who|in|from)\b)", re.I
)
_MAX_WORDS = 5
# marks a writer puts around the people's words: "foreign terrorist fighters", [fighters]
_QUOTES = frozenset("\"“”'‘’[]")
_POSSESSIVE_S = re.compile(r"['’]s\b")
_COUNTRIES_NAME = re.compile(r"\b(?:countries|nations|states)$", re.I)


@dataclass(frozen=True, slots=True)
class Head:
    """The noun phrase after a number. `population` is None when it does not name people."""

    start: int
    end: int
    text: str
    population: Population | None
    excluded: bool = False
    local: bool = False
    place: PlaceMention | None = None


def head_after(
    text: str, pos: int, places: Sequence[PlaceMention], vague: bool = False
) -> Head | None:
    """The head noun phrase starting at `pos` (just after a number), or None if there is none.

    `vague` numbers take an "of" ("thousands of Lebanese"); so does "two of its fighters".
    """
    by_start = {p.start: p for p in places}
    adjective: PlaceMention | None = None
    words = 0
    took_of = False
    inside = pos  # the end of a place of several words ("Trinidad and Tobago") read already
    for m in _WORD.finditer(text, pos):
        if m.start() - pos > 60 or words >= _MAX_WORDS:
            return None
        i = m.start()
        if i < inside:
            continue
        if text[i] in _QUOTES:
            # the writer's quotation marks or brackets: 150 "foreign terrorist fighters"
            if m.end() - i == 1:
                continue
            i += 1
        place = by_start.get(i)
        if place is not None:
            resident = _RESIDENT.match(text, place.end)
            if resident is not None and place.code not in ZONE_CODES:
                adjective = adjective or place
                words += 1
                inside = resident.end()
                continue
            if _PARTICIPLE.match(text, place.end) and not (
                _names_people(place) and text[place.end : place.end + 1].isspace()
            ):
                # "Moroccan-born", "Saudi backed": a modifier; but "Danes made the journey"
                words += 1
                continue
            if _names_people(place):
                return Head(pos, place.end, text[pos : place.end], Population.TOTAL, place=place)
            if _COUNTRIES_NAME.search(place.text):
                # "four Western European countries": countries, not people
                return Head(pos, place.end, text[pos : place.end], None, excluded=True)
            adjective = adjective or place
            words += 1  # "Trinidad and Tobago nationals": a name of several words is one
            inside = place.end
            continue
        found = _classify(text, pos, i, adjective)
        if found is not None:
            return found
        word = text[i : m.end()].lower()
        if word[0].isdigit():
            return None  # another number: "7 out of the 129 fighters" has no head of its own
        if took_of and word in ("these", "those") and text[pos:i].rstrip().endswith("of"):
            continue  # "a fifth of those Swedish travellers"
        if (
            word == "of"
            and not took_of
            and not adjective
            and (vague or _OF_DET.match(text, m.end()))
        ):
            took_of = True
            continue
        spaced = text[i - 1 : i].isspace() and text[m.end() : m.end() + 1].isspace()
        if not word[0].isalnum() and (word not in "-–" or spaced):
            # a dash between spaces opens a list ("a group of 25 – six men, ..."), not a word
            return _adjective_alone(text, pos, adjective)
        if word in _STOP:
            return _adjective_alone(text, pos, adjective)
        words += 1
    return _adjective_alone(text, pos, adjective)


def verb_follows(text: str, pos: int) -> bool:
    """A flow verb right after `pos` ("400 Kyrgyz went", "2,926 departed")."""
    m = flow_regex().match(text, pos + len(text[pos:]) - len(text[pos:].lstrip()))
    return m is not None and m.lastgroup not in (None, "stock")


def _adjective_alone(text: str, pos: int, adjective: PlaceMention | None) -> Head | None:
    """ "two Kyrgyz returned", "2,000 Afghan had been killed": the adjective names the people."""
    if adjective is None or adjective.form is not PlaceForm.ADJECTIVE:
        return None
    between = re.sub(r"^\s*of\s+(?:the\s+)?", "", text[pos : adjective.start])
    if between.strip(" ") or not (
        _ALONE_AFTER.match(text, adjective.end) or verb_follows(text, adjective.end)
    ):
        return None
    return Head(pos, adjective.end, text[pos : adjective.end], Population.TOTAL, place=adjective)


def _classify(text: str, pos: int, i: int, adjective: PlaceMention | None) -> Head | None:
    excluded = excluded_regex().match(text, i)
    if excluded and _POSSESSIVE_S.match(text, excluded.end()):
        return None  # "170 of the country's nationals": a possessive, the head comes after
    if excluded:
        return Head(pos, excluded.end(), text[pos : excluded.end()], None, excluded=True)
    people = people_regex().match(text, i)
    if people:
        pop = POPULATIONS[people.lastgroup or "total"]
        # "4 members of the SDF": people of a local force
        of_local = _OF_LOCAL.match(text, people.end()) is not None
        end = people.end()
        return Head(pos, end, text[pos:end], pop, local=of_local, place=adjective)
    local = local_regex().match(text, i)
    if local:
        return Head(
            pos, local.end(), text[pos : local.end()], Population.TOTAL, local=True, place=adjective
        )
    group = groups_gazetteer().match(text, i) if text[i].isupper() else None
    if group:
        return Head(pos, group.end, text[pos : group.end], Population.TOTAL, place=adjective)
    return None


def _names_people(place: PlaceMention) -> bool:
    """Demonyms that name people ("Norwegians", "Lebanese", "Europeans"), not "Norwegian"
    before a noun."""
    if place.form not in _PERSON_FORMS and place.form is not PlaceForm.REGION:
        return False
    w = place.text.lower()
    if place.form is PlaceForm.REGION:
        return w.endswith(("ans", "ers"))
    return w.endswith(("s", "ese", "ch", "sh", "z", "men"))  # "Frenchmen", "Dutchmen"


@dataclass(frozen=True, slots=True)
class PeopleWord:
    start: int
    end: int
    text: str
    population: Population | None
    excluded: bool = False  # soldiers, civilians...: people a figure must not count


def people_words(text: str) -> list[PeopleWord]:
    """Every people noun in `text` (for numbers that stand alone: "at least five are dead")."""
    return list(_people_words(text))


# The rules ask for a sentence's people words once for each of its figures, and again from the
# figures of the sentences after it: the last few sentences' words are kept (a document reads
# a few sentences at a time; a small cache holds them, not a corpus).
@lru_cache(maxsize=16)
def _people_words(text: str) -> tuple[PeopleWord, ...]:
    out: list[PeopleWord] = []
    for found in people_regex(search=True).finditer(text):
        pop = POPULATIONS[found.lastgroup or "total"]
        out.append(PeopleWord(found.start(), found.end(), found.group(), pop))
    for found in excluded_people_regex().finditer(text):
        out.append(PeopleWord(found.start(), found.end(), found.group(), None, excluded=True))
    return tuple(sorted(out, key=lambda w: w.start))


_PREDICATE = re.compile(
    # "About 200 were female", "17 are believed to be children"
    # "31 of whom were children", "12 of which are women"
    r"(?:(?:\s+of\s+(?:them|those|these|whom|which))?(?:\s+|(?<=\s))(?:were|are|was|is|being)"
    r"(?:\s+(?:believed|thought|said|reported|known|confirmed|understood)\s+to\s+be)?\s+"
    # "18 of them orphans"; "Eight of these, all men, ..."
    r"|\s+of\s+(?:them|those|these)\s+(?:all\s+)?|(?:\s+of\s+(?:them|those|these))?,\s+all\s+)"
    r"(?:(?P<women>female|women|a\s+woman|mothers|wives|widows)"
    r"|(?P<men>male|men|a\s+man)"
    r"|(?P<minors>children|minors|orphans|boys|girls|teenagers|infants|a\s+(?:child|minor)))\b",
    re.IGNORECASE,
)


def predicate_population(text: str, pos: int) -> tuple[Population, str] | None:
    """ "About 200 were female": the population stated after the verb."""
    m = _PREDICATE.match(text, pos)
    if not m or not m.lastgroup:
        return None
    return POPULATIONS[m.lastgroup], m.group(m.lastgroup)

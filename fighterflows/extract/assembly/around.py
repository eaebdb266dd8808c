"""A place the figure's own words do not state: its whole's, the figure before's, the list's,
the speaker's, or one carried from around the sentence; and a figure a list of countries
shares ("each", "together"). Rules are named and tried in order (see rules.py)."""

from __future__ import annotations

import dataclasses
import re

from fighterflows.extract.assembly.choosing import Figure, segment_end, segment_start
from fighterflows.extract.assembly.copulas import measure_before
from fighterflows.extract.assembly.drafts import Context, Draft
from fighterflows.extract.assembly.placing import (
    TRANSIT_ITS,
    ZONE_CODES,
    listed_places,
    place_of,
    region_of,
    share_origins,
)
from fighterflows.extract.assembly.rules import Choice, choose
from fighterflows.extract.assembly.wholes import (
    RESPECTIVELY,
    base_place,
    continued,
    part_of_earlier,
    whole,
)
from fighterflows.extract.mentions.facts import Facts
from fighterflows.extract.mentions.flows import Cue
from fighterflows.extract.mentions.populations import Head
from fighterflows.extract.mentions.sources import (
    OFFICE_NOUNS,
    nearest_attribution,
    source_countries,
    world_counters,
)
from fighterflows.extract.numbers import NumberMention
from fighterflows.initials import compile_guarded
from fighterflows.model import Flow, Kind
from fighterflows.places import is_region, region_members

FIGHTER_HEAD = re.compile(r"fighter|jihadi|militia|militant|mujahideen|volunteer|recruit", re.I)
# ... and the people who went or came back, whose deaths, trials or custody a country's
# section counts as its own ("About 45 returnees have been prosecuted")
_WENT_HEAD = re.compile(FIGHTER_HEAD.pattern + r"|returnee|travell?er", re.I)
TRAVEL = frozenset({Flow.DEPARTED, Flow.RETURNED, Flow.REMAINING})


# "Finnish authorities", "the Belgian interior ministry": offices that count their own people
# (and a country's office-holders: "the Libyan minister said", "Tunisia's president")
_SPEAKERS = (
    rf"{OFFICE_NOUNS}|minister|president|prime\s+minister|spokes(?:man|woman|person)|ambassador"
)
_NATIONAL_OFFICE = re.compile(rf"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:{_SPEAKERS})\b", re.I)
# "the Foreign Ministry of Tajikistan", "officials in Kosovo"
_OFFICE_OF = re.compile(rf"\b(?:{OFFICE_NOUNS})\s+(?:of|in)\s+(?:the\s+)?$", re.I)


# "12 women and 28 children", "300 left, 90 returned and 105 killed": a list of figures
# "eight women, and 23 children", "two women and their five children"
AND_NEXT = re.compile(r"(?:\s+[a-z]+)?\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:their\s+)?")


def shared_by_a_list(facts: Facts, drafts: list[Draft]) -> list[Draft]:
    """A figure given for a list of countries: "each" gives it to every one of them;
    "together" to the region they make up exactly, else to none of them."""
    out: list[Draft] = []
    for d in drafts:
        listed = listed_places(facts, d.number)
        if listed is None:
            out.extend(_each_ones_share(facts, d))
            continue
        how, members = listed
        if how == "each":
            for m in members:
                copy = dataclasses.replace(d, place=m.code, place_text=m.text, why=dict(d.why))
                copy.why["place"] = "each-of-a-list"
                out.append(copy)
            continue
        region = region_of(frozenset(m.code for m in members))
        if region is not None:
            start, end = members[0].start, members[-1].end
            d.place, d.place_text = region, facts.sentence.text[start:end]
            d.why["place"] = "a-list-together"
            out.append(d)
    return out


def _each_ones_share(facts: Facts, d: Draft) -> list[Draft]:
    """ "About a quarter of the fighters from Austria and Switzerland have returned": a share
    said of several countries' people is each one's share (`share-of-each-listed`)."""
    if d.kind is not Kind.SHARE:
        return [d]
    members = share_origins(facts, d.number, d.number.end)
    codes = {m.code for m in members}
    # (only where the share was placed by that list: one of its countries or the region
    # they make up, not a place its sentence names elsewhere)
    within = d.place in codes or (is_region(d.place) and codes <= region_members(d.place))
    if not members or not within:
        return [d]
    copies = []
    for m in members:
        copy = dataclasses.replace(d, place=m.code, place_text=m.text, why=dict(d.why))
        copy.why["place"] = "share-of-each-listed"
        copies.append(copy)
    return copies


def place_around(
    facts: Facts,
    figures: list[Figure],
    i: int,
    head: Head | None,
    made: dict[int, Draft],
    context: Context,
    cue: Cue | None,
    flow: Flow,
    referred: bool = False,
) -> Choice[tuple[str, str]] | None:
    """A place the figure's own words do not state, in order of precedence: its whole's, the
    figure before's, the list's, the speaker's, the figure it refers back to ("This number
    includes 70 men who were killed"), or one carried from around the sentence."""
    text, n = facts.sentence.text, figures[i].number
    clause = (segment_start(text, figures, i), segment_end(text, figures, i))
    return choose(
        [
            ("part-of-its-whole", lambda: whole(text, n, head, made, i)),
            ("part-of-its-base", lambda: base_place(figures[i], made)),
            ("same-people-later", lambda: continued(text, n, made, i)),
            ("of-them", lambda: part_of_earlier(text, n, made, i)),
            ("part-of-the-cohort", lambda: _cohort(text, head, made, i)),
            ("list-shares-place", lambda: _coordinated(facts, figures, i)),
            ("speaker's-people", lambda: _speaker(facts, clause, n.start, head)),
            ("list-takes-the-first-place", lambda: _first_of_the_list(facts, figures, i, made)),
            ("restates-a-figure", lambda: _restates(context, text, n)),
            ("figure-referred-to", lambda: _referred(context) if referred else None),
            ("measure-of-the-people-before", lambda: _measured(context, text, n, head, flow)),
            ("these-countries", lambda: _these_countries(context, text, clause)),
            ("carried", lambda: _carried(context, head, cue, facts, flow)),
            ("topic-country", lambda: _topic(context, flow, head, text)),
            # "'We have around 60 nationals in the camps,' the minister said": a state speaking
            # of its own people in the first person, the passage's country
            (
                "first-person-state",
                lambda: (
                    _topic(context, Flow.DEPARTED, head, text)
                    if _WE.search(text, 0, n.start)
                    else None
                ),
            ),
            # "… Some were born in the camps. None face criminal charges.": a bare zero with no
            # people of its own says it of the people the passage counts
            (
                "zero-of-the-topic",
                lambda: (
                    _topic(context, Flow.DEPARTED, head, text)
                    if n.value == 0 and head is None and context.previous
                    else None
                ),
            ),
        ]
    )


# "other governments have taken home only a handful of their nationals": people of another
# owner the sentence names, not the passage's country
_OTHER_STATES = re.compile(r"\bother\s+(?:countries|governments|states|nations)\b", re.I)
_OTHER_OWNER = re.compile(rf"\b(?:their|its)\b|{_OTHER_STATES.pattern}", re.I)


_WE = re.compile(r"\b(?:we|our)\b", re.I)


def _topic(context: Context, flow: Flow, head: Head | None, text: str) -> tuple[str, str] | None:
    """People who went, came back or are still there, whom nothing in the sentence or the one
    before places: the one country the passage is about (`references.topic_country`); never
    people the sentence gives another owner ("other governments …, their nationals")."""
    if flow not in TRAVEL or context.topic is None:
        return None
    if (head is not None and _OTHER_OWNER.search(head.text)) or _OTHER_OWNER.search(text):
        return None
    p = context.topic()
    return (p.code, p.text) if p is not None else None


# "the 17 landed in Sydney", "these 35 children": a definite number, the people already counted
_DEFINITE = compile_guarded(r"\b(?:the|these|those|all)\s+$", re.I)
# how many earlier figures a restatement is looked for in (a few paragraphs, never the document)
_RESTATED_WITHIN = 12


def restated(context: Context, text: str, n: NumberMention, definite: bool = True) -> Draft | None:
    """ "Four women and 13 children were flown home … after the 17 landed": a definite number
    equal to an earlier figure, or to the sum of one earlier sentence's counts, restates those
    people; the (last) earlier figure it restates. (`definite=False`: any number, for one
    whose own noun of people points back: "But 5,600 people can do a lot of damage".)"""
    if n.value is None or n.value < 2:
        return None
    if definite and not _DEFINITE.search(text, max(0, n.start - 8), n.start):
        return None
    sums: dict[int, float] = {}
    places: dict[int, set[str]] = {}
    last: dict[int, Draft] = {}
    for d in reversed(context.previous[-_RESTATED_WITHIN:]):
        if d.kind is not Kind.COUNT or d.number.value is None:
            continue
        if d.number.value == n.value:
            return d
        sums[d.sentence_start] = sums.get(d.sentence_start, 0) + d.number.value
        places.setdefault(d.sentence_start, set()).add(d.place)
        last.setdefault(d.sentence_start, d)
    for at, total in sums.items():
        if total == n.value and len(places[at]) == 1:
            return last[at]
    return None


def _restates(context: Context, text: str, n: NumberMention) -> tuple[str, str] | None:
    d = restated(context, text, n)
    return (d.place, d.place_text) if d is not None else None


def _referred(context: Context) -> tuple[str, str] | None:
    last = context.previous[-1] if context.previous else None
    return (last.place, last.place_text) if last is not None else None


def _entering(head: Head | None, cue: Cue | None, facts: Facts) -> tuple[str, str] | None:
    """ "30,000 militants entered Syria": fighters going into the zone from anywhere."""
    if head is None or cue is None or cue.stock or cue.flow is not Flow.DEPARTED:
        return None
    if facts.zone is None or not FIGHTER_HEAD.search(head.text):
        return None
    return "world", head.text.strip()


def _coordinated(facts: Facts, figures: list[Figure], i: int) -> tuple[str, str] | None:
    """ "Twelve women and 28 children were repatriated to the Netherlands", "300 left, 90
    returned, 105 killed: Bosnia's fighters": figures in one list share the place the last of
    them states."""
    text = facts.sentence.text
    j = i
    while j + 1 < len(figures):
        fig = figures[j]
        end = fig.head.end if fig.head is not None else fig.number.end
        if not AND_NEXT.fullmatch(text, end, figures[j + 1].number.start):
            break
        j += 1
    if j == i:
        return None
    last = figures[j]
    clause = (segment_start(text, figures, j), segment_end(text, figures, j))
    heads = [f.head for f in figures if f.head is not None]
    found = place_of(text, last.number, last.head, facts, clause, heads)
    return found.value if found is not None else None


# a cohort the sentence opens with: "Of the 11,000 foreigners in al-Hol, …", "Among the 2,600 …"
_COHORT_OPENING = re.compile(r"\s*(?:of|among|out\s+of)\s+(?:the|those|these)\s+$", re.I)


def _cohort(text: str, head: Head | None, made: dict[int, Draft], i: int) -> tuple[str, str] | None:
    """ "Of the 11,000 foreigners in al-Hol, some 7,000 are children and 3,000 are women": a
    part with no people of its own is counted for the cohort the sentence opens with
    (`part-of-the-cohort`)."""
    first = made.get(0)
    if i == 0 or first is None or (head is not None and head.place is not None):
        return None
    if not _COHORT_OPENING.fullmatch(text, 0, first.number.start):
        return None
    return first.place, first.place_text


def _first_of_the_list(
    facts: Facts, figures: list[Figure], i: int, made: dict[int, Draft]
) -> tuple[str, str] | None:
    """ "Danish officials evacuated three women and 14 children", "Finnish authorities
    brought home two women and five children": the later items of a list that no place
    follows are the people of the item before them, placed in its own clause."""
    if i == 0 or (before := made.get(i - 1)) is None:
        return None
    text, prev = facts.sentence.text, figures[i - 1]
    end = prev.head.end if prev.head is not None else prev.number.end
    if not AND_NEXT.fullmatch(text, end, figures[i].number.start):
        return None
    return before.place, before.place_text


# two speakers joined ("Germany and Austria", "Sweden and the Netherlands"), for "respectively"
_SPEAKING_PAIR = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s+and\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
)


def _speaker(
    facts: Facts, clause: tuple[int, int], start: int, head: Head | None = None
) -> tuple[str, str] | None:
    """ "Britain says that of around 900 people ...", "Finnish authorities count some 80
    departures", "..., Austrian officials said", "the BfV says": a country, its officials or a
    national body speaking of their own people, when the figure's words name no one else;
    never a body that counts the war's fighters as a whole speaking of fighters ("the CIA says
    15,000 fighters have gone": everyone's, `data/sources.yaml: counts_the_world`)."""
    if TRANSIT_ITS.search(facts.sentence.text, start):
        return None  # "Georgia says 300 militants crossed its territory": a route, not its people
    for a in facts.attributions:
        who = re.sub(r"^(?:the\s+)", "", a.who.strip(), flags=re.I)
        for p in facts.places:
            named = re.sub(r"^(?:the\s+)", "", p.text, flags=re.I)
            if a.start <= p.start < a.end and who == named and p.code not in ZONE_CODES:
                return (p.code, p.text) if not is_region(p.code) else None
        pair = _SPEAKING_PAIR.fullmatch(who)
        if pair is not None and RESPECTIVELY.search(facts.sentence.text):
            # "Germany and Austria counted 1,050 and 320 departures, respectively": two states
            # speaking of their own people, each its figure in order (`wholes.py: respectively`
            # pairs them; the first stands for the pair until then)
            own = [
                p
                for p in facts.places
                if a.start <= p.start < a.end and p.code not in ZONE_CODES and not is_region(p.code)
            ]
            if len(own) == 2 and own[0].code != own[1].code:
                return own[0].code, own[0].text
    text = facts.sentence.text
    speaking = nearest_attribution(facts.attributions, start)
    body = source_countries().get(speaking.source or "") if speaking is not None else None
    if (
        body is not None
        and speaking is not None
        and speaking.source in world_counters()
        and head is not None
        and FIGHTER_HEAD.search(head.text)
    ):
        return None  # "a State Department official said 30,000 fighters had travelled"
    if body is not None:
        return body, speaking.who.strip() if speaking is not None else body  # "the BfV says"
    offices = [
        p
        for p in facts.places
        if (
            clause[0] <= p.start < clause[1]
            or (speaking is not None and speaking.start <= p.start < speaking.end)
        )
        and (_NATIONAL_OFFICE.match(text, p.end) or _OFFICE_OF.search(text, 0, p.start))
        and p.code not in ZONE_CODES
        and not is_region(p.code)
    ]
    return (offices[0].code, offices[0].text) if len(offices) == 1 else None


def _measured(
    context: Context, text: str, n: NumberMention, head: Head | None, flow: Flow
) -> tuple[str, str] | None:
    """A measure's value without a place of its own ("Bosnian fighters in Syria have suffered
    heavy losses. The number of those killed is 80.", "… citizens who went to fight in Syria.
    The total is put at 316"): the place of the sentence before; deaths and arrests only
    when that sentence speaks of fighters (not "Turkey launched an offensive. The death toll
    has risen to 45.")."""
    previous = context.carried_place
    if head is not None or previous is None or measure_before(text, n.start) is None:
        return None
    if flow not in TRAVEL and not context.fighters_before:
        return None
    return previous.code, previous.text


_THESE_STATES = re.compile(r"\b(?:these|those)\s+(?:countries|states|nations)\b", re.I)


def _these_countries(
    context: Context, text: str, clause: tuple[int, int]
) -> tuple[str, str] | None:
    """ "Bosnia, Albania and Kosovo sent the most. Some 900 went to Syria from these
    states": the region the countries named before make up."""
    if context.countries_before is None or not _THESE_STATES.search(text, *clause):
        return None
    return context.countries_before


def _carried(
    context: Context, head: Head | None, cue: Cue | None, facts: Facts, flow: Flow
) -> tuple[str, str] | None:
    """A place from around the sentence, most reliable first: the previous figure's, the
    section's, fighters entering the zone from anywhere, the previous sentence's mention.

    Deaths and arrests of people the sentence names ("2 persons dead", "16 fighters had been
    killed") take only the previous figure's place: a section about a country is full of
    its own soldiers and civilians."""
    previous = context.carried_place
    noun = head is not None and cue is not None and head.start <= cue.start < head.end
    if flow not in TRAVEL and head is not None and not noun:
        # ... and only fighters: "500,000 people have been killed in Syria's war" after a
        # figure about Germans are not Germans
        if previous and context.carried_is_figure and _WENT_HEAD.search(head.text):
            return previous.code, previous.text
        return None
    mention = (
        previous is not None
        and not context.carried_is_figure
        and flow in TRAVEL
        # "Rights groups say other governments have taken home only a handful"
        and not _OTHER_STATES.search(facts.sentence.text)
    )
    candidates: list[tuple[str, str] | None] = [
        (previous.code, previous.text) if previous and context.carried_is_figure else None,
        (context.heading_place.code, context.heading_place.text) if context.heading_place else None,
        _entering(head, cue, facts),
        # a place the previous sentence merely names, for people who went or came back only
        (previous.code, previous.text) if previous and mention else None,
    ]
    return next((c for c in candidates if c is not None), None)

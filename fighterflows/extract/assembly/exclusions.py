"""Numbers that are not foreign-fighter figures, whatever the rest of the sentence says:
ages, research samples and their parts, victims and locals, suspects arrested at home,
people counted for a town, at home in their own country, or one figure for a few countries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fighterflows.extract.assembly.choosing import Figure
from fighterflows.extract.assembly.placing import ZONE_CODES, several_origins
from fighterflows.extract.assembly.recipients import joint_recipients
from fighterflows.extract.assembly.wholes import OF_THEM, OF_WHOM
from fighterflows.extract.mentions.facts import Facts
from fighterflows.extract.mentions.lexicon import (
    excluded_regex,
    group_strength_regexes,
    held_in_zone_regexes,
    load,
    membership_regexes,
    other_war_regex,
    proceedings_regex,
    relations_regex,
    stopped_regex,
)
from fighterflows.extract.mentions.populations import Head
from fighterflows.extract.numbers import NumberKind, NumberMention
from fighterflows.model import Flow
from fighterflows.places import is_region

FOREIGN_WORD = re.compile(r"\bforeign", re.I)
_TOWN = re.compile(
    r"^[^.;]{0,30}?\b(?:from|in)\s+the\s+(?:town|city|village|district|province|municipality|"
    r"neighbou?rhood|suburb)s?\s+of\s+[A-Z]"
)


_FROM_NAME = re.compile(
    r"^\s+(?:who\s+|that\s+)?(?:had\s+|have\s+|has\s+)?(?:travell?ed|came|went|left|departed)"
    r"\s+from\s+(?P<name>[A-Z][\w'’-]+)\b"
)


SUSPECTS = re.compile(
    r"\b(?:suspected|suspicion|accused)\s+of\s+(?!(?:having\s+)?(?:joined|fought|travell?ed|"
    r"gone|been\s+(?:in|with|a\s+member)))|\binvolved\s+in\s+(?:a|the)\s+(?:\w+\s+)?(?:network|"
    r"cell|plot|recruitment)|\bfor\s+(?:[\w-]+[-\s])?related\s+(?:connections|links|activities|"
    r"offences|offenses)"
    # "arrested 360 people over links to the Islamic State": suspects at home
    r"|\b(?:over|for|with|on|due\s+to)\s+(?:alleged\s+|suspected\s+|possible\s+)?(?:links|ties|"
    r"connections|affiliation)\s+(?:to|with)\b"
    # "arrested for trying to join ISIS": they never went
    r"|\bfor\s+(?:trying|attempting|planning|seeking|wanting|intending|preparing)\s+to\s+"
    r"(?:join|travel|go|leave|fight|reach)",
    re.I,
)


def accused_in_the_zone(text: str, at: int) -> bool:
    """ "Iraq is holding 1,400 foreign women accused of joining ISIS": the accusation at `at`
    is of having joined the group, made against people the zone's states, forces or camps hold
    (rule `accused-held-in-the-zone`); suspects arrested at home stay none."""
    held, accused = held_in_zone_regexes()
    start = len(text) - len(text[at:].lstrip())
    return accused.match(text, start) is not None and bool(held.search(text))


_AT_HOME = re.compile(r"\s+(?:living\s+|based\s+|residing\s+)?in\s+", re.I)


_ACCUSED = re.compile(
    r"\s+(?:suspected|accused|charged\s+with|linked\s+to\s+(?:recruit|terror|attack|plot))", re.I
)


_SAMPLE = re.compile(
    r"\b(?:study|analysis|survey|sample|interviews?|poll|profiles?)\s+(?:of|with|among)\s+$", re.I
)


# the respondents of a survey: "the 2,000 Danes polled"
_POLLED = re.compile(r"\s+(?:polled|surveyed|interviewed|questioned|sampled)\b", re.I)
# (also an average or median after the ages: "aged between 19 and 35 (average 24)")
_AGE = re.compile(
    r"\b(?:turned|aged|age\s+of|ages\s+of|aged\s+between|(?:average|median|mean)(?:\s+age)?(?:\s+of)?)"
    r"\s+$",
    re.I,
)


_EXTREME_AGE = re.compile(
    r"\b(?:youngest|oldest)\b[^.;]{0,80}\b(?:was|were|is|are|being)\s+(?:just\s+|only\s+|aged\s+)?$",
    re.I,
)


# "one of them was 16", "One of the women was 19; another was over 60": one member's age
_MEMBER_AGE = re.compile(
    r"\b(?:one|another|the\s+other)(?:\s+of\s+(?:them|these|those|the\s+[\w-]+))?\s+"
    r"(?:was|is|being)\s+(?:just\s+|only\s+|barely\s+|aged\s+)?$",
    re.I,
)
# "One of them was …", "one of the women is …", "one was a former soldier": one member
# described, not a count ("of the 40, one was killed" still counts)
_ONE_OF = re.compile(
    r"\s+of\s+(?:them|these|those|the\s+[\w-]+)\s+(?:was|is|had)\b"
    r"|\s+(?:was|is)\s+(?:a|an|just|only|barely|aged|\d+)\b",
    re.I,
)
# "two were cousins", "Two of them were brothers": members described by how they are related
_RELATED = re.compile(
    r"\s+(?:of\s+(?:them|these|those)\s+)?(?:were|are)\s+(?:all\s+|both\s+)?", re.I
)


FEW_COUNTRIES = re.compile(
    r"\b(?:from|by|in)\s+(?:just\s+|only\s+)?(?:two|three|four|five|six|seven|eight|nine|[2-9])"
    r"\s+(?:[A-Z][\w-]*\s+){0,2}(?:other\s+)?countries\b"
)


_AND = re.compile(r"\s+(?:and|or|&)\s+", re.I)


_COORDINATED = re.compile(r"\s+(?:and|or|&)\s+(?:[\w-]+\s+)?", re.I)


_NOT_MOVING = re.compile(
    r"\b(?:displacement|evacuation|displaced|wounded|injured)\s+(?:of\s+)?$"
    r"|\b(?:investigations?|inquiries|proceedings|cases)\s+(?:against|into)\s+(?:some\s+|about\s+|"
    r"more\s+than\s+|over\s+|nearly\s+|almost\s+|around\s+)?$",
    re.I,
)


_RATE = re.compile(r"\s*(?:a|per|each|every)\s+(?:day|week|month|year)\b", re.I)


_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")


_UNCERTAIN = re.compile(
    r"\b(?:potential|would-be|wannabe|wanna-be|aspiring|prospective|possible)\b",
    re.I,
)


# "arrested 3,000 suspected foreign fighters": people held on a suspicion, not counted fighters;
# "eight alleged militants were killed in Syria" still counts
_SUSPECTED = re.compile(r"\b(?:suspected|alleged)\b", re.I)


_NAMED_PEOPLE = re.compile(r"[^.;]{0,12}\b\d{1,2}-year-old\b")


_POPULATION_OF = re.compile(
    r"\b(?:country|nation|state|population|city|town|region|republic|province)\s+of\s+"
    r"(?:(?:about|some|around|roughly|nearly|almost|over|more\s+than|just|only)\s+)?$",
    re.I,
)


# One family's members are individuals, not an aggregate figure: "a family of 12 flew to
# Turkey", "six members of the same family", "his three brothers"
_ONE_FAMILY_BEFORE = re.compile(
    r"\b(?:an?|one|the\s+same|the\s+whole|whole)\s+(?:[\w-]+\s+){0,2}?famil(?:y|ies)\s+of\s+$"
    r"|\b(?:his|her)\s+(?:own\s+)?$",
    re.I,
)
_ONE_FAMILY_AFTER = re.compile(
    r"\s+(?:(?:members|relatives)\s+of\s+(?:an?|one|the\s+same|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,2}?family\b"
    r"|(?:[\w-]+\s+)?(?:siblings|brothers|sisters|cousins)\b(?!\s+(?:and|in)\s+arms))",
    re.I,
)


def one_family(text: str, n: NumberMention) -> bool:
    """The members of one family ("a family of five", "eight members of one family", "three
    brothers"): individuals, never an estimate."""
    return bool(
        _ONE_FAMILY_BEFORE.search(text, max(0, n.start - 40), n.start)
        or _ONE_FAMILY_AFTER.match(text, n.end)
    )


def skipped(text: str, n: NumberMention, head: Head | None) -> bool:
    """Numbers that are not counts of foreign fighters, whatever the rest of the sentence says."""
    if n.kind is NumberKind.SHARE and n.value is not None and n.value > 1:
        return True  # "a 300% increase"
    if _NOT_MOVING.search(text, max(0, n.start - 30), n.start):
        return True  # "the displacement of over 300,000 people"
    if _AGE.search(text, max(0, n.start - 20), n.start) or _EXTREME_AGE.search(
        text, max(0, n.start - 90), n.start
    ):
        return True  # "a Frenchman who had just turned 24", "the youngest ... was 15"
    if _members_described(text, n):
        return True
    if _SAMPLE.search(text, max(0, n.start - 30), n.start):
        return True  # "a study of 20 fighters": a research sample, not a count of a flow
    if _POLLED.match(text, head.end if head is not None else n.end):
        return True  # "the 2,000 Danes polled": respondents of a survey
    if _POPULATION_OF.search(text, max(0, n.start - 40), n.start):
        return True  # "a country of 11 million people": a population, nobody moving
    if one_family(text, n):
        return True  # "a family of 12 flew to Turkey": individuals
    if head is None:
        return _YEAR_LIKE.fullmatch(n.text) is not None  # "Throughout 2014," taken for a count
    if head.excluded or _RATE.match(text, head.end) or _UNCERTAIN.search(head.text):
        return True
    if _membership(text, n, head):
        return True  # "the Salafist scene numbers 11,000 members": a group at home, counted
    also = _COORDINATED.match(text, head.end)
    if also and excluded_regex().match(text, also.end()):
        return True  # "25 Japanese and European hostages": the last noun names them
    if head.local and not FOREIGN_WORD.search(head.text):
        return True  # "174 SDF fighters", "7,798 Syrian rebels": locals, not foreign fighters
    if _NAMED_PEOPLE.match(text, head.end):
        return True  # "two men, 30-year-old ... and ...": named individuals
    if _ACCUSED.match(text, head.end) and not accused_in_the_zone(text, head.end):
        return True  # "eight men linked to recruiting": suspects, not a count of fighters
    # Syrians in Syria are not foreign fighters.
    return head.place is not None and head.place.code == "SYR"


def _members_described(text: str, n: NumberMention) -> bool:
    """A few members of a group described one by one: an age, one of them, relatives."""
    if _MEMBER_AGE.search(text, max(0, n.start - 40), n.start):
        return True  # "one of them was just 18"
    if n.value == 1 and _ONE_OF.match(text, n.end):
        return True  # "One of the women was 19"
    related = _RELATED.match(text, n.end)
    return related is not None and relations_regex().match(text, related.end()) is not None


def _membership(text: str, n: NumberMention, head: Head) -> bool:
    members, having = membership_regexes()
    return (
        members.search(head.text.rstrip(" ,")) is not None
        and having.search(text, max(0, n.start - 24), n.start) is not None
    )


def at_home(text: str, head: Head | None, facts: Facts) -> bool:
    home = _AT_HOME.match(text, head.end) if head is not None else None
    return home is not None and any(
        p.start == home.end() and p.code not in ZONE_CODES and not is_region(p.code)
        for p in facts.places
    )


def joint(text: str, head: Head | None, facts: Facts) -> bool:
    if head is None or head.place is None or is_region(head.place.code):
        return False
    also = _AND.match(text, head.place.end)
    return also is not None and any(
        p.start == also.end() and p.code != head.place.code and p.form is head.place.form
        for p in facts.places
    )


# "150 fighters from North Macedonia and Kosovo": the countries after the people's "from"
# (not a ranking's "ahead of Uzbekistan and Tajikistan")
_FROM_OR_OF = re.compile(
    r"\b(?:from|(?<!ahead\s)(?<!instead\s)(?<!front\s)of)\s+(?:the\s+)?$", re.I
)
_SPLIT_LATER = re.compile(r"\b(?:respectively|each|apiece)\b", re.I)


def joint_origin(text: str, n: NumberMention, head: Head | None, facts: Facts) -> bool:
    """ "About 150 fighters from North Macedonia and Kosovo", "4,000 people from Russia and
    Kazakhstan": one figure for two countries named as the people's origin is neither's
    ("… respectively", "… each" give each its own), nor is one for a list of several that no
    region holds ("30 fighters from Eritrea, Ghana, Kenya, Mali and Sudan")."""
    start = head.end if head is not None else n.end
    countries = [
        p
        for p in facts.places
        if start <= p.start <= start + 40 and p.code not in ZONE_CODES and not is_region(p.code)
    ]
    if len(countries) < 2 or _SPLIT_LATER.search(text, start):
        return False
    first, second = countries[0], countries[1]
    if _FROM_OR_OF.search(text, start, first.start) is not None and several_origins(first, facts):
        return True  # "30 fighters from Eritrea, Ghana, Kenya, Mali and Sudan"
    also = _AND.match(text, first.end)
    return (
        _FROM_OR_OF.search(text, start, first.start) is not None
        and also is not None
        and re.fullmatch(r"\s*(?:the\s+)?", text[also.end() : second.start]) is not None
        and first.code != second.code
    )


def sample_part(text: str, figures: list[Figure], i: int) -> bool:
    """ "a survey of 41 returnees, of whom 12 were women": parts of a research sample."""
    n = figures[i].number
    part = OF_THEM.match(text, n.end) or OF_WHOM.search(text, max(0, n.start - 12), n.start)
    return bool(part) and any(
        _SAMPLE.search(text, max(0, f.number.start - 30), f.number.start) for f in figures[:i]
    )


def from_a_town(
    text: str, n: NumberMention, head: Head | None, facts: Facts, unplaced: bool
) -> bool:
    """People counted for a town, not a country: "five deaths from the town of Ben Guerdane";
    "the 22 who travelled from Aarhus" (a name that is no known place)."""
    end = head.end if head is not None else n.end
    window = text[end : end + 60]
    if _TOWN.search(window):
        return True
    m = _FROM_NAME.search(window) if unplaced else None
    if m is None:
        return False
    at = end + m.start("name")
    return not any(p.start <= at < p.end for p in facts.places) and not any(
        g.start <= at < g.end for g in facts.groups
    )


_ATTACKS = "|".join(load("flows")["attacks"])
_ATTACK = re.compile(
    # one attack, named with its article ("in the Paris attacks", "in a suicide bombing");
    # not fighters "participating in suicide attacks"
    r"\b(?:in|during)\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}"
    rf"(?:{_ATTACKS})\b",
    re.I,
)


# the dead of an attack named before the figure: "Among the 39 people killed in the Istanbul
# nightclub attack were 27 foreigners", "the victims of the Sousse attack included 30 Britons"
_VICTIMS_BEFORE = re.compile(
    r"\b(?:killed|dead|died|victims|casualties)\s+(?:of\s+|in\s+)?(?:the|an?)\s+(?:[\w-]+\s+){0,3}"
    rf"(?:{_ATTACKS})\b[^.;]*$",
    re.I,
)


# the dead of an attack named after the figure, in its sentence: "were among the 130 people
# killed in the Paris attacks", "were among the victims of the Sousse attack"
_VICTIMS_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:killed|dead|died|victims|casualties)\s+(?:of|in|during|by)\s+"
    rf"(?:the|an?)\s+(?:[\w-]+\s+){{0,4}}(?:{_ATTACKS})\b",
    re.I,
)


# the stopping verb before the figure: "Turkish police intercepted 40 Indonesians near the
# border" (the words after the figure are read with `stopped_on_the_way`)
_STOPPED_BEFORE = re.compile(
    r"\b(?:intercepted|caught|stopped|apprehended|turned\s+back|turned\s+away)\s+"
    r"(?:(?:some|about|around|nearly|more\s+than|over|at\s+least|another)\s+)?$",
    re.I,
)
_AT_BORDER = re.compile(
    r"\b(?:at|near|on)\s+the\s+(?:[\w-]+\s+){0,2}?(?:border|frontier)\b"
    r"(?!\s+(?:on|after)\s+(?:their|the)\s+(?:return|way\s+back))",
    re.I,
)


def no_country_figure(
    facts: Facts,
    figures: list[Figure],
    i: int,
    head: Head | None,
    clause: tuple[int, int],
    flow: Flow,
    unplaced: bool,
) -> bool:
    """A figure for a town, a sample, a few countries at once, victims of an attack or
    suspects arrested at home."""
    text, n = facts.sentence.text, figures[i].number
    if from_a_town(text, n, head, facts, unplaced) or sample_part(text, figures, i):
        return True
    if group_strength(facts, n, head):
        return True
    if (
        joint(text, head, facts)
        or joint_origin(text, n, head, facts)
        or joint_recipients(text, n, head, facts)
        or FEW_COUNTRIES.search(text, n.end, clause[1])
    ):
        # "1,000 Kosovars and Albanians", "3,700 produced by just four countries": one
        # figure for a few countries is none of theirs
        return True
    if flow is Flow.DETAINED and head is not None and _SUSPECTED.search(head.text):
        return True
    if _VICTIMS_AFTER.match(text, n.end):
        # "12 Britons were among the 130 people killed in the Paris attacks": the dead of an
        # attack and their parts, whatever verb the sentence gives them
        return True
    if flow is Flow.KILLED and (
        _ATTACK.search(text, n.end, clause[1]) or _VICTIMS_BEFORE.search(text, 0, n.start)
    ):
        # "lost 32 people in the Brussels bombings", "among the 39 killed in the nightclub
        # attack were 27 foreigners": victims, not fighters
        return True
    if stopped_regex().search(text, n.end, clause[1]) or (
        _STOPPED_BEFORE.search(text, clause[0], n.start)
        and _AT_BORDER.search(text, n.end, clause[1])
    ):
        # "25 Belgians were arrested on the way to Syria", "deported 150 … on suspicion of
        # trying to cross into Syria": they never got there
        return True
    if _suspects_at_home(facts, n, head, clause, flow) or _other_war(text, n, clause, flow):
        return True
    # people arrested at home for helping others go, or over links to a group, are not
    # fighters, unless their own words say they went or came back ("100 returnees from Syria
    # were arrested over links to ISIS")
    suspects = SUSPECTS.search(text, n.end, clause[1]) if flow is Flow.DETAINED else None
    if (
        suspects is not None
        and not _moved_themselves(facts, n, head, suspects.start())
        and not accused_in_the_zone(text, suspects.start())
    ):
        return True
    return _held_for_helping(facts, n, head, clause, flow)


# "The Islamic State has about 30,000 fighters", "al-Shabaab is thought to have between 7,000
# and 9,000 men", "Boko Haram fields some 4,000 militants": an armed group's strength, its
# fighters of every origin, not people who went (its "foreign fighters" still are)
_FROM_AFTER = re.compile(r"\s*,?\s+(?:from|of)\s", re.I)


def group_strength(facts: Facts, n: NumberMention, head: Head | None) -> bool:
    """The fighters an armed group has on the ground, the group the subject of "has"."""
    if head is None or head.place is not None or FOREIGN_WORD.search(head.text):
        return False
    having, fighters = group_strength_regexes()
    if not fighters.search(head.text):
        return False
    text = facts.sentence.text
    if _FROM_AFTER.match(text, head.end):
        return False  # "had some 40,000 fighters from 110 countries": its foreign fighters
    return any(
        g.end <= n.start and having.fullmatch(text, g.end, n.start) is not None
        for g in facts.groups
    )


# "detained 70 people for recruiting fighters", "convicted 12 for helping others travel":
# what they did at home, not a movement
_HELPING = re.compile(
    r"\b(?:for|of|over|with)\s+(?:allegedly\s+)?(?:recruiting|helping|facilitating|financing|"
    r"funding|sending|aiding|smuggling|assisting|organi[sz]ing|inciting|spreading|"
    r"disseminating|posting|sharing|distributing|glorifying)\b",
    re.I,
)


def _held_for_helping(
    facts: Facts, n: NumberMention, head: Head | None, clause: tuple[int, int], flow: Flow
) -> bool:
    """People held or tried for helping others go ("police detained 30 for helping jihadists
    travel to Syria": the travel is the others'), unless their own words say they went or came
    back ("12 returnees convicted of recruiting" stays)."""
    text = facts.sentence.text
    helping = _HELPING.search(text, n.end, clause[1])
    if helping is None:
        return False
    held = flow in (Flow.DETAINED, Flow.PROSECUTED) or any(
        clause[0] <= c.start < helping.start()
        and c.flow in (Flow.DETAINED, Flow.PROSECUTED)
        and not (c.stock or c.blocked)
        for c in facts.cues
    )
    lo = head.start if head is not None else n.end
    return held and not any(
        lo <= c.start < helping.start() and c.flow in _MOVED and not c.stock for c in facts.cues
    )


_MOVED = frozenset({Flow.DEPARTED, Flow.RETURNED})


def _moved_themselves(facts: Facts, n: NumberMention, head: Head | None, until: int) -> bool:
    """The figure's own words, up to `until`, say its people went or came back."""
    lo = head.start if head is not None else n.end
    return any(
        lo <= c.start < until and c.flow in _MOVED and not c.stock and not c.blocked
        for c in facts.cues
    )


def _suspects_at_home(
    facts: Facts, n: NumberMention, head: Head | None, clause: tuple[int, int], flow: Flow
) -> bool:
    """ "30 people are under investigation for links to ISIS in Syria", "12 charged in
    counter-terrorism operations": suspects at home, unless their words say they went or came
    back ("50 returnees are awaiting trial")."""
    text = facts.sentence.text
    if proceedings_regex().search(text, n.end, clause[1]) is None:
        return False
    lo = head.start if head is not None else n.end
    moved = [
        c for c in facts.cues if lo <= c.start < clause[1] and c.flow in _MOVED and not c.stock
    ]
    return not moved and flow in (Flow.DETAINED, Flow.PROSECUTED, Flow.DEPARTED)


def _other_war(text: str, n: NumberMention, clause: tuple[int, int], flow: Flow) -> bool:
    """ "Canada evacuated 1,500 citizens from Lebanon": another war's evacuees (not a flight's
    route home from the camps, "arrived home on a flight from Beirut", nor a delegation's
    capital, "handed 29 Sudanese to a delegation from Khartoum")."""
    if flow is not Flow.RETURNED:
        return False
    war = other_war_regex().search(text, n.end, clause[1])
    return war is not None and _FLIGHT_BEFORE.search(text, n.end, war.start()) is None


_FLIGHT_BEFORE = re.compile(
    r"\b(?:flights?|planes?|aircraft|charter|jet|delegations?|teams?|officials|envoys|"
    r"representatives|diplomats)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)


# "(4)", "(2,3)", "(5, 6)", "[12]": reference marks, not counts — small numbers alone in brackets
_MARKS = re.compile(r"[(\[]\s*\d{1,2}(?:\s*[,–-]\s*\d{1,2})*\s*[)\]]")


def reference_mark(text: str, n: NumberMention, labels: Sequence[tuple[int, int]]) -> bool:
    """A number in a bracket of reference marks that no place labels ("Syria (4)" is a mark;
    "Ireland (30)" in a list of countries is a count). `labels` are the spans of the places
    that may label a count: the sentence's countries and regions, not the zone."""
    open_at = max(text.rfind("(", 0, n.start), text.rfind("[", 0, n.start))
    mark = _MARKS.match(text, open_at) if open_at >= 0 else None
    if mark is None or not mark.start() < n.start < mark.end():
        return False
    before = text[:open_at].rstrip()
    return not any(end == len(before) for _, end in labels)

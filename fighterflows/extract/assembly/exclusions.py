"""Numbers that are not foreign-fighter figures, whatever the rest of the sentence says:
ages, research samples and their parts, victims and locals, suspects arrested at home,
people counted for a town, at home in their own country, or one figure for a few countries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from fighterflows.extract.assembly.choosing import Figure
from fighterflows.extract.assembly.copulas import measure_before
from fighterflows.extract.assembly.placing import ZONE_CODES, several_origins, share_origins
from fighterflows.extract.assembly.recipients import joint_recipients
from fighterflows.extract.assembly.wholes import OF_THEM, OF_WHOM
from fighterflows.extract.mentions.facts import Facts
from fighterflows.extract.mentions.groups import find_groups, find_zone, group_countries
from fighterflows.extract.mentions.lexicon import (
    another_war_regexes,
    citizenship_revoked_regexes,
    cohort_trait_regex,
    contractors_regex,
    excluded_regex,
    gathering_regex,
    group_size_regex,
    group_strength_regexes,
    held_in_zone_regexes,
    load,
    members_at_home_regex,
    membership_regexes,
    other_war_regex,
    parent_of_regex,
    passports_withdrawn_regexes,
    proceedings_regex,
    relations_regex,
    state_forces_regex,
    stopped_regex,
)
from fighterflows.extract.mentions.populations import Head
from fighterflows.extract.numbers import NumberKind, NumberMention
from fighterflows.extract.numbers.lexicon import data as number_data
from fighterflows.extract.numbers.lexicon import gap_hedges
from fighterflows.initials import compile_guarded, holds_any, last_word, needed_words
from fighterflows.model import Flow, Qualifier
from fighterflows.places import PlaceForm, is_region, lookup_place

# the hedges a rule reads across between a word and its figure (data/numbers.yaml)
_HEDGES = gap_hedges()

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
    # "charged with crimes related to the group", "over plots inside Australia": at home
    r"|\bwith\s+(?:[\w-]+\s+){0,2}(?:crimes|offences|offenses|charges)\s+(?:related|linked)\s+to\b"
    r"|\b(?:over|for)\s+(?:(?:terror|terrorist|attack|bomb|alleged|foiled)\s+)?(?:plots?|plotting)\b"
    r"|\b(?:over|for|with|on|due\s+to)\s+(?:their\s+|his\s+|her\s+)?(?:alleged\s+|suspected\s+|"
    r"possible\s+)?(?:links|ties|"
    r"connections|affiliation)\s+(?:to|with)\b"
    # "arrested for trying to join ISIS": they never went
    r"|\bfor\s+(?:trying|attempting|planning|seeking|wanting|intending|preparing)\s+to\s+"
    r"(?:join|travel|go|leave|fight|reach)",
    re.I,
)


# a holding verb right before a figure: "PDRM has arrested 512 people", "charged more than 100"
_HELD_BEFORE = re.compile(
    r"\b(?:arrested|detained|held|charged|jailed|convicted|apprehended|prosecuted|indicted)\s+"
    rf"(?:(?:{_HEDGES}|another)\s+)?$",
    re.I,
)
# a sentence that opens with its cohort: "Of the 130 Danes who went, 27 have been charged"
_OPENS_A_COHORT = re.compile(r"\s*(?:of|among)\s", re.I)
# a part of a cohort: "of them", "of whom", "of these" (its own whole said what it did)
_A_PART = re.compile(r"\s*\bof\s+(?:them|whom|these|those)\b", re.I)


def _a_part(text: str, n: NumberMention) -> bool:
    """ "27 of them", "of these, 12": the figure is a part of a cohort said before it."""
    return bool(_A_PART.search(text, max(0, n.start - 12), n.start) or _A_PART.match(text, n.end))


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
# the people a camp's own relative clause says it holds ("… from camps in north-east Syria
# that house tens of thousands of ISIS families", "from al-Hol, which shelters some 50,000
# people"): the camp's whole population, Syrians and Iraqis too, no one country's (rule
# `camp-holds-its-whole`); "which holds 2,000 foreign women", "that hold 60 Finns" stay
_CAMP_HOLDS = compile_guarded(
    r"\b(?:camps?|al-Hol|al-Hawl|Al[- ]Hol|Roj|al-Roj)\b[^.;:]{0,60}?\b(?:that|which)\s+"
    r"(?:now\s+|currently\s+|still\s+)?(?:house|hold|shelter|accommodate)s?\s+$",
    re.I,
)
_POLLED = re.compile(r"\s+(?:polled|surveyed|interviewed|questioned|sampled)\b", re.I)
# (also an average or median after the ages: "aged between 19 and 35 (average 24)")
_AGE = re.compile(
    r"\b(?:turned|aged|age\s+of|ages\s+of|aged\s+between|(?:average|median|mean)(?:\s+age)?(?:\s+of)?)"
    r"\s+$",
    re.I,
)


_EXTREME_AGE = re.compile(
    r"\b(?:youngest|oldest)\b[^.;]{0,80}\b(?:was|were|is|are|being)\b"
    # (or the other end said without its verb: "the youngest was two, the oldest 58", "… and
    # the youngest just one", `extreme-age-elided`)
    r"(?:[^.;]{0,40}(?:,|\band)\s+(?:the\s+)?(?:youngest|oldest))?"
    r"\s+(?:just\s+|only\s+|aged\s+)?$",
    re.I,
)


# "one of them was 16", "One of the women was 19; another was over 60": one member's age
_MEMBER_AGE = compile_guarded(
    r"\b(?:one|another|the\s+other)(?:\s+of\s+(?:them|these|those|the\s+[\w-]+))?\s+"
    r"(?:was|is|being)\s+(?:just\s+|only\s+|barely\s+|aged\s+)?$",
    re.I,
)
# "One of them was …", "one of the women is …", "one was a former soldier": one member
# described, not a count ("of the 40, one was killed" still counts)
_ONE_OF = re.compile(
    r"\s+of\s+(?:them|these|those|the\s+[\w-]+)\s+(?:was|is|had)\b"
    # "19 women, one of them a grandmother of five,": one described in apposition
    r"|\s+of\s+(?:them|these|those)\s+(?:a|an)\s+[\w-]+(?:\s+of\s+\w+)?\s*,"
    r"|\s+(?:was|is)\s+(?:a|an|just|only|barely|aged|\d+)\b",
    re.I,
)
# "two were cousins", "Two of them were brothers": members described by how they are related
_RELATED = re.compile(
    r"\s+(?:of\s+(?:them|these|those)\s+)?(?:were|are)\s+(?:all\s+|both\s+)?", re.I
)


FEW_COUNTRIES = compile_guarded(
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


_RATE = re.compile(
    r"\s*(?:a|per|each|every)\s+(?:day|week|month|year)\b"
    # a rate per head of population: "27 fighters for every million people", "40 per million
    # inhabitants", "12 per 100,000 Muslims" (`rate-per-population`)
    r"|\s*(?:for\s+)?(?:per|each|every)\s+(?:capita\b|head\b|(?:one\s+)?(?:million|thousand)\b|"
    r"100,?000\b)",
    re.I,
)

# a rate said of the clause's verb, not of its noun: "Five Belgians leave for Syria each week",
# "some 20 Kyrgyz travel to Syria every month", "were arriving in Syria each month", "Each
# month, about 100 cross"; never a span ("will spend a month") nor a year's count ("each year
# dozens return") (`rate-of-the-verb`)
_RATE_OF_THE_VERB = re.compile(
    r"[^,;:.!?()]{0,80}?\b(?:each|every|per)\s+(?:single\s+)?(?:day|week|fortnight|month)\b", re.I
)
_RATE_OF_THE_VERB_WORDS = needed_words(_RATE_OF_THE_VERB)  # (a cheap test first)
_RATE_BEFORE = compile_guarded(r"\b(?:each|every)\s+(?:day|week|fortnight|month)\s*,?\s*$", re.I)


_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")


_UNCERTAIN = compile_guarded(
    r"\b(?:potential|would-be|wannabe|wanna-be|aspiring|prospective|possible)\b",
    re.I,
)


# "arrested 3,000 suspected foreign fighters": people held on a suspicion, not counted fighters;
# "eight alleged militants were killed in Syria" still counts
# (also people named by their link to a group: "four Islamic State-linked militants", "12
# ISIS-inspired suspects", `linked-suspects`)
_SUSPECTED = re.compile(
    r"\b(?:suspected|alleged)\b|[\w)]-(?:linked|inspired|affiliated|connected)\b", re.I
)


_NAMED_PEOPLE = re.compile(r"[^.;]{0,12}\b\d{1,2}-year-old\b")


# an age set off by commas after a person's name or noun (`age-after-name`): "Karim Aliyev, 34,
# was among them", "the two men, 24 and 19, had bought tickets"; "Belgium, 40, and France,
# 100" labels counts with places
_AGE_APPOSED = re.compile(
    r"(?:\b(?P<name>[A-Z][\w'’-]+)|\b(?:man|men|woman|women|boys?|girls?|teenagers?|suspects?|"
    r"pair|couple|brothers|sisters|wife|husband|mother|father|sons?|daughters?|cousins))"
    r"\s*,\s*(?:\d{1,2}\s*(?:,\s*|and\s+|&\s+|or\s+))?$"
)
_AGE_APPOSED_END = re.compile(r"\s*(?:,|;|\)|and\s+\d{1,2}\s*,|&\s*\d{1,2}\s*,)")
# the second of two ages: "aged 24 and 19", "ages 30 and 41"
_SECOND_AGE = re.compile(r"\b(?:aged|ages)\s+\d{1,2}\s*(?:,\s*|and\s+|&\s+|or\s+)$", re.I)


# an attacker's verb right before its objects (`victims-of-a-verb`): "shot four people at the
# museum", "stabbed three passers-by", "murdered 12 at the offices"
_ATTACKED = re.compile(
    r"\b(?:shot|shooting|gunned\s+down|stabbed|stabbing|murdered|murdering|massacred|"
    r"massacring|slaughtered|slaughtering|beheaded|beheading|executed|executing|killed|killing|"
    r"wounded|wounding|injured|injuring|kidnapped|kidnapping|abducted|abducting)\s+(?:dead\s+)?"
    r"(?:(?:at\s+least|about|around|some|nearly|almost|more\s+than|over|up\s+to|another)\s+)?$",
    re.I,
)


def victims_of_a_verb(text: str, n: NumberMention, head: Head | None) -> bool:
    """The objects of a verb of killing, shooting or abducting that are no one's fighters: the
    victims, never an estimate (`victims-of-a-verb`); "airstrikes killed 300 militants" and
    "killed 30 Tunisians fighting for ISIS" are the war's dead, and still count."""
    if (
        last_word(text, n.start) not in _ATTACKED_ENDS
        or _ATTACKED.search(text, max(0, n.start - 40), n.start) is None
    ):
        return False
    if head is None:
        # "Of these, airstrikes have killed some 300", "killed 300 of them": a part of fighters
        return not _OPENS_A_COHORT.match(text) and not _A_PART.match(text, n.end)
    _, fighters = group_strength_regexes()
    return head.place is None and not fighters.search(head.text)


def age_after_name(text: str, n: NumberMention) -> bool:
    """A number under 100 in digits set off by commas right after a name or a person's noun,
    or after another age: an age, never a count (`age-after-name`)."""
    if not n.text.isdigit() or n.value is None or n.value >= 100:
        return False
    if _SECOND_AGE.search(text, max(0, n.start - 20), n.start):
        return True
    apposed = _AGE_APPOSED.search(text, max(0, n.start - 40), n.start)
    if apposed is None or not _AGE_APPOSED_END.match(text, n.end):
        return False
    name = apposed.group("name")
    return name is None or lookup_place(name) is None


_POPULATION_OF = compile_guarded(
    # (not where a return went: "the return to the country of 35 minors")
    r"(?<!\bto\sthe\s)(?<!\bto\stheir\s)"
    r"\b(?:country|nation|state|population|city|town|region|republic|province)\s+of\s+"
    r"(?:(?:about|some|around|roughly|nearly|almost|over|more\s+than|just|only)\s+)?$",
    re.I,
)


# The kin of one person are individuals, not an aggregate figure: "his three brothers", "two
# sisters". (A family's size is a count of the people who moved: "a family of 10 was flown
# home", "six members of one family went", rule `a-family-counts`: the contract excludes only
# figures about one named person.)
_ONE_FAMILY_BEFORE = compile_guarded(r"\b(?:his|her)\s+(?:own\s+)?$", re.I)
_ONE_FAMILY_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:siblings|brothers|sisters|cousins)\b(?!\s+(?:and|in)\s+arms)",
    re.I,
)


# "a woman and her two children", "one mother and her three sons": the kin of an unnamed one
# of a group's members are that group's parts, counted (`a-family-counts`)
_UNNAMED_PARENT = re.compile(
    r"\b(?:an?|one)\s+(?:[\w-]+\s+)?(?:woman|mother|widow|man|father)\s+and\s+(?:his|her)\s+$",
    re.I,
)


def one_family(text: str, n: NumberMention) -> bool:
    """The kin of one person ("his two brothers", "three sisters"): individuals, never an
    estimate; not the children of an unnamed parent of a group ("a woman and her two
    children were repatriated")."""
    before = text[max(0, n.start - 40) : n.start]
    return bool(
        (_ONE_FAMILY_BEFORE.search(before) and not _UNNAMED_PARENT.search(before))
        or _ONE_FAMILY_AFTER.match(text, n.end)
    )


# the words each of these regexes may end with before its white space (`last_word`)
_HEDGE_ENDS = ("about", "around", "some", "roughly", "nearly", "almost", "over", "than")
_POPULATION_OF_ENDS = frozenset({"of", "just", "only", *_HEDGE_ENDS})
_GATHERING_ENDS = frozenset({"of", "least", "to", *_HEDGE_ENDS})
_AVERAGE_AGE_ENDS = frozenset(
    {"is", "was", "were", "are", "at", "of", "just", "only", *_HEDGE_ENDS}
)
_NOT_MOVING_ENDS = frozenset(
    {"displacement", "evacuation", "displaced", "wounded", "injured", "of", "against", "into"}
    | set(_HEDGE_ENDS)
)
_AGE_ENDS = frozenset({"turned", "aged", "of", "between", "average", "median", "mean", "age"})
_EXTREME_AGE_ENDS = frozenset(
    {"was", "were", "is", "are", "being", "youngest", "oldest", "just", "only", "aged"}
)
_SAMPLE_ENDS = frozenset({"of", "with", "among"})
# the last words of the gap hedges ("at least", "more than": numbers.yaml; None where one of
# them is no plain words, and no test is made)
_GAP_HEDGE_LIST: list[str] = number_data()["gap_hedges"]
_GAP_HEDGE_ENDS = (
    frozenset(h.split()[-1].lower() for h in _GAP_HEDGE_LIST)
    if all(re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+)*", h) for h in _GAP_HEDGE_LIST)
    else None
)


def _hedge_end(word: str) -> bool:
    """`word` may end a gap hedge."""
    return _GAP_HEDGE_ENDS is None or word in _GAP_HEDGE_ENDS


_ATTACKED_ENDS = frozenset(
    {
        "shot",
        "shooting",
        "down",
        "stabbed",
        "stabbing",
        "murdered",
        "murdering",
        "massacred",
        "massacring",
        "slaughtered",
        "slaughtering",
        "beheaded",
        "beheading",
        "executed",
        "executing",
        "killed",
        "killing",
        "wounded",
        "wounding",
        "injured",
        "injuring",
        "kidnapped",
        "kidnapping",
        "abducted",
        "abducting",
        "dead",
        "least",
        "to",
        "another",
        *_HEDGE_ENDS,
    }
)
_HELD_BEFORE_ENDS = frozenset(
    {
        "arrested",
        "detained",
        "held",
        "charged",
        "jailed",
        "convicted",
        "apprehended",
        "prosecuted",
        "indicted",
        "another",
    }
)
_STOPPED_BEFORE_ENDS = frozenset(
    {"intercepted", "caught", "stopped", "apprehended", "back", "away", "another"}
)
_ATTACK_KILLED_THEM_ENDS = frozenset({"including", "them", "whom"})
# a number that says whose kin the counted people are ("the orphans of two fighters", "the
# wives of 20 French jihadists"): the kin are counted, never their fathers or husbands
_KIN_OF = re.compile(
    r"\b(?:orphans|children|sons|daughters|wives|widows|relatives|families|grandchildren|"
    r"mothers|fathers|husbands|parents|offspring|kin)\s+of\s+(?:the\s+)?$",
    re.I,
)


def kin_possessor(text: str, n: NumberMention) -> bool:
    """ "six children, the orphans of two Belgian fighters": a number that says whose kin the
    counted people are is no figure, and takes no verb from them."""
    return (
        last_word(text, n.start) in ("of", "the")
        and _KIN_OF.search(text, max(0, n.start - 40), n.start) is not None
    )


def skipped(text: str, n: NumberMention, head: Head | None) -> bool:
    """Numbers that are not counts of foreign fighters, whatever the rest of the sentence says."""
    if n.kind is NumberKind.SHARE and (
        (n.value is not None and n.value > 1) or _CHANGE.search(text, max(0, n.start - 40), n.start)
    ):
        return True  # "a 300% increase", "down one third from a peak of 93": a change
    if _age_predicate(text, n, head):
        return True  # "most were over 30", "were all under 10": an age said of people
    last = last_word(text, n.start)  # (the regexes of ages, samples and sizes below end in one)
    if last in _AVERAGE_AGE_ENDS and _AVERAGE_AGE.search(text, max(0, n.start - 120), n.start):
        return True  # "the average age of the 300 Dutch fighters who went was 23"
    if n.qualifier is Qualifier.VAGUE and _ONE_OF_MANY.search(text, max(0, n.start - 16), n.start):
        return True  # "he was one of hundreds of Britons who went": one person
    if n.value == 1 and n.kind is NumberKind.COUNT and _OF_A_NUMBER.match(text, n.end):
        return True  # "one of 40 Belgians convicted this year": the one is a person
    if n.value == 1 and (
        _ONE_BY_ONE.match(text, n.end) or _ONE_BY_BEFORE.search(text, max(0, n.start - 12), n.start)
    ):
        return True  # "the courts will hear the men's cases one by one"
    if cohort_trait(text, n, head) or passports_withdrawn(text, n, head):
        return True  # "a third were converts", "the passports of 73 Australians were cancelled"
    if citizenship_revoked(text, n, head):
        return True  # "revoked the citizenship of 150 Britons who went to Syria"
    if last in _NOT_MOVING_ENDS and _NOT_MOVING.search(text, max(0, n.start - 30), n.start):
        return True  # "the displacement of over 300,000 people"
    if (last in _AGE_ENDS and _AGE.search(text, max(0, n.start - 20), n.start)) or (
        last in _EXTREME_AGE_ENDS and _EXTREME_AGE.search(text, max(0, n.start - 160), n.start)
    ):
        return True  # "a Frenchman who had just turned 24", "the youngest ... was 15"
    if _members_described(text, n):
        return True
    if last in _SAMPLE_ENDS and _SAMPLE.search(text, max(0, n.start - 30), n.start):
        return True  # "a study of 20 fighters": a research sample, not a count of a flow
    if (
        head is not None
        and head.place is None
        and not FOREIGN_WORD.search(head.text)
        and _CAMP_HOLDS.search(text, max(0, n.start - 120), n.start)
    ):
        return True  # "camps that house tens of thousands of ISIS families": the camp's whole
    if _POLLED.match(text, head.end if head is not None else n.end):
        return True  # "the 2,000 Danes polled": respondents of a survey
    if last in _POPULATION_OF_ENDS and _POPULATION_OF.search(text, max(0, n.start - 40), n.start):
        return True  # "a country of 11 million people": a population, nobody moving
    if last in _GATHERING_ENDS and gathering_regex().search(text, max(0, n.start - 40), n.start):
        return True  # "told an audience of 300 students": a gathering's size
    if one_family(text, n):
        return True  # "his three brothers": one person's kin
    if head is None and age_after_name(text, n):
        return True  # "Karim Aliyev, 34, returned in 2019": an age
    if victims_of_a_verb(text, n, head):
        return True  # "a returnee who shot four people at a museum": victims
    after = head.end if head is not None else n.end
    if (
        holds_any(text, _RATE_OF_THE_VERB_WORDS, after) and _RATE_OF_THE_VERB.match(text, after)
    ) or _RATE_BEFORE.search(text, max(0, n.start - 30), n.start):
        return True  # "five leave each week", "Each month, about 100 arrive": a rate
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


# a share said of a change, not of people: "down one third from a peak", "fell by half", "a
# rise of 20 percent" (`change-of-a-measure`)
_CHANGE = re.compile(
    r"\b(?:(?:is|was|are|were|been)\s+(?:up|down)|(?:fell|dropped|declined|decreased|shrank|"
    r"plunged|plummeted|rose|increased|grew|jumped|climbed|surged|soared|went\s+(?:up|down)|"
    r"(?:has|have|had)\s+(?:fallen|dropped|declined|decreased|shrunk|risen|increased|grown|"
    r"jumped|climbed|surged))(?:\s+by)?|(?:a|an|the)\s+(?:drop|fall|decline|decrease|reduction|"
    r"cut|rise|increase|growth|jump|surge)\s+(?:of|by))\s+(?:about\s+|around\s+|nearly\s+|"
    r"almost\s+|roughly\s+|some\s+|more\s+than\s+|over\s+)?$",
    re.I,
)
# the value of an average age however far its people's words take it from its noun
# (`average-age`): "the average age of the 300 Dutch fighters who went was 23"
_AVERAGE_AGE = re.compile(
    r"\b(?:average|median|mean)\s+age\b[^.;]{0,100}?\b(?:is|was|were|are|stood\s+at|"
    r"stands\s+at|of)\s+(?:about\s+|around\s+|just\s+|only\s+|roughly\s+|some\s+)?$",
    re.I,
)
# an age said as the predicate of people (`age-predicate`): "45 of them are under 18", "most
# were over 30"; "under 300 are still in Syria" is a count with its own verb after it
_AGE_PREDICATE = re.compile(r"(?:under|over|below|above)\s", re.I)
_COPULA_BEFORE = re.compile(r"\b(?:are|were|is|was|being)\s+(?:(?:all|both|mostly)\s+)?$", re.I)


# "one by one", "one after another", "one at a time": no count
_ONE_BY_ONE = re.compile(r"\s+(?:by\s+one|after\s+(?:another|the\s+other)|at\s+a\s+time)\b", re.I)


_ONE_BY_BEFORE = re.compile(r"\bone\s+by\s+$", re.I)


def _age_predicate(text: str, n: NumberMention, head: Head | None) -> bool:
    return (
        head is None
        and n.value is not None
        and n.value < 100
        and _AGE_PREDICATE.match(n.text) is not None
        and _COPULA_BEFORE.search(text, max(0, n.start - 20), n.start) is not None
        # "the number of Frenchmen killed was over 70": the value of a measure of people
        # (`measure-is-no-age`)
        and measure_before(text, n.start) is None
    )


# "one of hundreds of Britons", "one of the thousands who went": one person among a vague many
# (`one-of-many`); "one of the 850 Britons who went" still states its figure
_ONE_OF_MANY = re.compile(r"\bone\s+of\s+(?:the\s+)?$", re.I)
# "one of 40 Belgians", "one of the 12 women": the one among a stated number
_OF_A_NUMBER = re.compile(
    rf"\s+of\s+(?:the\s+|these\s+|those\s+)?(?:(?:{_HEDGES})\s+)?(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred)\b)",
    re.I,
)


def cohort_trait(text: str, n: NumberMention, head: Head | None) -> bool:
    """ "a third were married", "225 of them have previous convictions", "58 percent of the
    returnees were employed": a trait of a cohort's people right after the figure, what they
    were or had rather than a movement (`cohort-trait`, flows.yaml cohort_traits)."""
    if _A_WHOLE.search(text, max(0, n.start - 40), n.start):
        return False  # "most of the roughly 100 returnees were aged 18-30": the trait is a part's
    return cohort_trait_regex().match(text, head.end if head is not None else n.end) is not None


# a figure that is the whole or base of a part said before it: "most of the roughly 100",
# "20 percent of the 300"
_A_WHOLE = compile_guarded(
    r"\bof\s+(?:the|these|those|its|their)\s+(?:(?:roughly|about|some|around|nearly|almost|"
    r"estimated|more\s+than|over)\s+)?$",
    re.I,
)


def passports_withdrawn(text: str, n: NumberMention, head: Head | None) -> bool:
    """ "the passports of 73 Australians have been cancelled", "40 Britons have had their
    passports seized": people a state kept from going (`passports-withdrawn`)."""
    of, their = passports_withdrawn_regexes()
    if _PASSPORTS_OF.search(text, max(0, n.start - 40), n.start):
        return of.match(text, n.end) is not None
    return their.match(text, head.end if head is not None else n.end) is not None


def citizenship_revoked(text: str, n: NumberMention, head: Head | None) -> bool:
    """ "revoked the citizenship of 150 Britons who went", "stripped 150 people of their
    citizenship", "40 Danes have had their nationality withdrawn": a count of a state's
    decisions about people who went, not of the going (`citizenship-revoked`)."""
    revoked = citizenship_revoked_regexes()
    lo = max(0, n.start - 70)
    if revoked.of.search(text, lo, n.start):
        return True
    end = head.end if head is not None else n.end
    if revoked.stripped.search(text, lo, n.start):
        return revoked.of_theirs.match(text, end) is not None
    return revoked.had_theirs.match(text, end) is not None


_PASSPORTS_OF = compile_guarded(
    rf"\bpassports?\s+of\s+(?:(?:{_HEDGES}|another|a\s+further)\s+)?$",
    re.I,
)


def _members_described(text: str, n: NumberMention) -> bool:
    """A few members of a group described one by one: an age, one of them, relatives."""
    if _MEMBER_AGE.search(text, max(0, n.start - 40), n.start):
        return True  # "one of them was just 18"
    if n.value == 1 and _ONE_OF.match(text, n.end):
        return True  # "One of the women was 19"
    if parent_of_regex().search(text, max(0, n.start - 24), n.start):
        return True  # "a mother of four", "the father-of-three": one family's children
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
    if share_origins(facts, n, start):
        return False  # a share of several countries' people is each one's (`around.py`)
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
    rf"(?:{_ATTACKS})\b[^.;]*$"
    # the attack the subject of the killing: "the Bali bombings that killed more than 200
    # people including 88 Australians" (`attack-that-killed`)
    rf"|\b(?:{_ATTACKS})\b[^.;,]{{0,70}}?\s*,?\s+(?:(?:that|which)\s+)?(?:killed|claimed\s+the\s+"
    r"lives\s+of)\b[^.;]*$",
    re.I,
)
# the dead of an attack right after the attack killed them, whatever verb the sentence gives
# the figure: "the Bali bombings killed more than 200 people, including 88 Australians, and …"
_ATTACK_KILLED_THEM = re.compile(
    rf"\b(?:{_ATTACKS})\s*,?\s+(?:(?:that|which)\s+)?(?:killed|claimed\s+the\s+lives\s+of)\s+"
    r"[^.;,]{0,40}?,?\s*(?:including|among\s+them|among\s+whom|of\s+whom)\s+"
    rf"(?:(?:{_HEDGES})\s+)?$",
    re.I,
)


# the dead of an attack named after the figure, in its sentence: "were among the 130 people
# killed in the Paris attacks", "were among the victims of the Sousse attack"
_VICTIMS_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:killed|dead|died|victims|casualties)\s+(?:of|in|during|by)\s+"
    rf"(?:the|an?)\s+(?:[\w-]+\s+){{0,4}}(?:{_ATTACKS})\b",
    re.I,
)
_VICTIMS_AFTER_WORDS = needed_words(_VICTIMS_AFTER)  # (a cheap test first)


# the stopping verb before the figure: "Turkish police intercepted 40 Indonesians near the
# border" (the words after the figure are read with `stopped_on_the_way`)
_STOPPED_BEFORE = re.compile(
    r"\b(?:intercepted|caught|stopped|apprehended|turned\s+back|turned\s+away)\s+"
    rf"(?:(?:{_HEDGES}|another)\s+)?$",
    re.I,
)
_AT_BORDER = re.compile(
    r"\b(?:at|near|on)\s+the\s+(?:[\w-]+\s+){0,2}?(?:border|frontier)\b"
    r"(?!\s+(?:on|after)\s+(?:their|the)\s+(?:return|way\s+back))",
    re.I,
)


# the capitalised word of a name a number belongs to: "Densus 88", "Resolution 2178", "Unit
# 8200", "Camp 5" (`number-in-a-name`), after a word of the sentence, not its punctuation
_NAME_BEFORE = re.compile(r"[\w,)]\s+([A-Z][A-Za-z-]+|[A-Z]{2,})\s$")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")


def number_in_a_name(facts: Facts, n: NumberMention) -> bool:
    """A number of digits written right after a capitalised word inside the sentence that is no
    place and no date, as part of a name ("detained by the counter-terrorism unit Densus 88",
    "Resolution 2178 obliges states"); not in a title-case headline ("Kenya Says 700
    Returned"), and "France 300" in a list labels a count."""
    text = facts.sentence.text
    if not n.text.isdigit() or len(n.text) > 4 or _CAPITAL_NEXT.match(text, n.end):
        return False
    name = _NAME_BEFORE.search(text, max(0, n.start - 40), n.start)
    if name is None:
        return False
    at = name.start(1)
    return not any(p.start <= at < p.end for p in facts.places) and not any(
        d.start <= n.start < d.end or d.start <= at < d.end for d in facts.dates
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
    if head is None and number_in_a_name(facts, n):
        return True
    if (
        group_strength(facts, n, head)
        or group_measure(facts, n, head)
        or strength_measured(facts, n, head)
    ):
        return True
    if head is None and strength_restated(facts, figures, i):
        return True
    if part_of_suspects(text, figures, i) or _part_held_at_home(facts, figures, i, flow):
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
    if (
        flow is Flow.DETAINED
        and ((head is not None and _SUSPECTED.search(head.text)) or _SUSPECTS_NP.match(text, n.end))
        and not held_in_zone_regexes()[0].search(text)
    ):
        return True  # "detained 40 ISIS suspects", "arrested 3,000 suspected foreign fighters"
    last = last_word(text, n.start)  # (the regexes before the figure below end in one)
    if (holds_any(text, _VICTIMS_AFTER_WORDS, n.end) and _VICTIMS_AFTER.match(text, n.end)) or (
        (last in _ATTACK_KILLED_THEM_ENDS or _hedge_end(last))
        and _ATTACK_KILLED_THEM.search(text, max(0, n.start - 120), n.start)
    ):
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
        (last in _STOPPED_BEFORE_ENDS or _hedge_end(last))
        and _STOPPED_BEFORE.search(text, clause[0], n.start)
        and _AT_BORDER.search(text, n.end, clause[1])
    ):
        # "25 Belgians were arrested on the way to Syria", "deported 150 … on suspicion of
        # trying to cross into Syria": they never got there
        return True
    if _members_at_home(facts, n, head, clause, flow):
        return True
    if _suspects_at_home(facts, n, head, clause, flow) or _other_war(text, n, clause, flow):
        return True
    if another_war(text, n, clause):
        return True  # "the Afghan war of the 1980s, which drew up to 20,000 volunteers"
    if _held_for_a_plan(facts, n, head, clause, flow):
        return True
    if state_forces(text, n, head, clause):
        return True
    if flow is Flow.RETURNED and deported_from_elsewhere(facts, clause):
        return True
    # people arrested at home for helping others go, or over links to a group, are not
    # fighters, unless their own words say they went or came back ("100 returnees from Syria
    # were arrested over links to ISIS")
    held = (
        flow is Flow.DETAINED
        or (flow is Flow.PROSECUTED and not _a_part(text, n) and not _OPENS_A_COHORT.match(text))
        or (
            # "police have charged more than 100 people since 2014, most of them over plots":
            # the verb of holding right before the figure, whatever the clause says after
            (last in _HELD_BEFORE_ENDS or _hedge_end(last))
            and _HELD_BEFORE.search(text, max(clause[0], n.start - 40), n.start) is not None
            and not _a_part(text, n)
        )
    )
    suspects = SUSPECTS.search(text, n.end, clause[1]) if held else None
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
    """The fighters an armed group has on the ground: the group the subject of "has", or
    named as the people's own word with only where they are after it."""
    if head is None or head.place is not None or FOREIGN_WORD.search(head.text):
        return False
    text = facts.sentence.text
    if _group_located(facts, head):
        return True
    _, fighters = group_strength_regexes()
    if not fighters.search(head.text):
        return False
    if _FROM_AFTER.match(text, head.end):
        return False  # "had some 40,000 fighters from 110 countries": its foreign fighters
    # a national militia's strength counts its country's people ("the Zeinabiyoun Brigade, which
    # has up to 1,000 fighters in Syria": Pakistanis)
    militias = group_countries()
    if any(
        g.end <= n.start and g.name not in militias and _has(text, g.end, n.start)
        for g in facts.groups
    ):
        return True
    # "The group has 10,000 men in Iraq": the group named by its kind; but a bare "group" said
    # to be made of its people, with no armed group named before it, is any group of people
    # ("The group was made up of six men, 11 women and 30 children": a flight's parts)
    return any(
        _has(text, g.end(), n.start)
        and not (
            _BARE_GROUP.fullmatch(g.group())
            and _MADE_OF.match(text, g.end(), n.start)
            and not any(a.end <= g.start() for a in facts.groups)
        )
        for g in _GROUP_KIND.finditer(text, max(0, n.start - 80), n.start)
    )


_BARE_GROUP = re.compile(r"(?:the|its|this)\s+group", re.I)
_MADE_OF = re.compile(
    r"\s+(?:(?:is|are|was|were|still)\s+)*(?:consists?|consisted|comprises?|comprised|made\s+up)\b",
    re.I,
)


# "the group, which is thought to have 7,000 fighters": the group's relative clause
_RELATIVE = compile_guarded(r"\s*,\s*(?:which|that)(?=\s)", re.I)


def _has(text: str, end: int, at: int) -> bool:
    """The words from a group's name ending at `end` to its number at `at` say it has them
    ("… has", "…'s affiliate in Libya has", "…, which is thought to have")."""
    having, _ = group_strength_regexes()
    relative = _RELATIVE.match(text, end, at)
    return having.fullmatch(text, relative.end() if relative else end, at) is not None


_GROUP_KIND = re.compile(
    r"\b(?:the|its|this)\s+(?:(?:militant|jihadist|terror(?:ist)?|extremist|armed|insurgent)\s+)?"
    r"(?:group|militia|organi[sz]ation|movement|affiliate|branch|outfit|franchise)\b",
    re.I,
)
# what may stand between a group's name, as the people's word, and where its men are: "1,200
# Islamic State (IS) fighters currently fighting in the Philippines", "2,000 IS militants
# based in Mozambique", "500 al-Shabaab fighters are active in Puntland"
_LOCATED = re.compile(
    r"\s*(?:\([^()]{1,15}\)\s*)?(?:[\w-]+\s+)?(?:(?:are|were|is|was|currently|now|still|mainly|"
    r"mostly|reportedly|believed|thought|to|be|based|operat(?:e|es|ing)|active|fight(?:ing)?|"
    r"remain(?:s|ing)?|present|deployed|"
    r"stationed|concentrated|entrenched|holed\s+up|hiding)\s+)*(?:in|on|across|throughout|inside)"
    r"\s+(?!(?:the|its|their)\s+ranks)",
    re.I,
)


# "the number of IS-K fighters in Afghanistan", "the strength of al-Shabaab": a measure of a
# group's own men, its name right after the measure's noun (no nationality, no "foreign")
_MEASURE_OF = re.compile(
    r"\b(?:number|numbers|strength|size|count|total)\s+of\s+(?:the\s+)?(?:estimated\s+)?$", re.I
)


def group_measure(facts: Facts, n: NumberMention, head: Head | None) -> bool:
    """ "The number of ISIS fighters in Libya has fallen to about 1,000", "the number of IS-K
    fighters in Afghanistan … is now around 2,500 fighters": the value of a measure of an
    armed group's own men (`group-strength-measure`); "the number of Tunisian ISIS fighters"
    or "of foreign ISIS fighters" counts people who went."""
    if head is not None and (head.place is not None or FOREIGN_WORD.search(head.text)):
        return False
    _, fighters = group_strength_regexes()
    if head is not None and not fighters.fullmatch(head.text.strip()):
        return False  # "about 40 Tunisians": people of their own
    text = facts.sentence.text
    return any(
        g.end <= n.start
        and _MEASURE_OF.search(text, max(0, g.start - 30), g.start) is not None
        and _fighters_after(text, g.end)
        for g in facts.groups
    )


def strength_measured(facts: Facts, n: NumberMention, head: Head | None) -> bool:
    """ "CIA figures put the group's total membership as high as 31,000", "its manpower is put
    at 25,000": the value of a noun of a group's size said before it (`group-strength-size`);
    a place or "foreign" between the noun and the value, or in the people's own words, keeps
    the figure ("the strength of the Belgian contingent is 500")."""
    if head is not None:
        _, fighters = group_strength_regexes()
        if head.place is not None or not fighters.fullmatch(head.text.strip()):
            return False
    text = facts.sentence.text
    size = group_size_regex().search(text, max(0, n.start - 60), n.start)
    if size is None or FOREIGN_WORD.search(size.group("gap")):
        return False
    return not any(size.start() <= p.start < n.start for p in facts.places)


def _fighters_after(text: str, at: int) -> bool:
    """A fighters' noun right after a group's name at `at` ("IS fighters", "Islamic State (IS)
    militants")."""
    _, fighters = group_strength_regexes()
    abbreviation = _ABBREVIATION.match(text, at)
    noun = fighters.match(text, abbreviation.end() if abbreviation else at)
    # "the number of al-Shabaab recruits from Kenya": people of a country who went
    return noun is not None and _FROM_AFTER.match(text, noun.end()) is None


# what may stand between a group's name and its fighters' noun: "Islamic State (IS) fighters"
_ABBREVIATION = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?")


# the noun phrase of a count of suspects, from the number's end: "76 suspects", "40 ISIS
# suspects", "30 suspected jihadists"
_SUSPECTS_NP = re.compile(r"(?:\s+[\w-]+){0,2}?\s+suspect(?:s|ed)(?:\s+[\w-]+)?\b", re.I)
_INCLUDING = re.compile(
    r"[^.;()]{0,50}?,\s*(?:including|among\s+them|among\s+whom|of\s+whom)\s+"
    rf"(?:(?:{_HEDGES})\s+)?$",
    re.I,
)


def part_of_suspects(text: str, figures: Sequence[Figure], i: int) -> bool:
    """ "76 suspects had been arrested since Sunday, including nine foreign nationals": a part
    of a count of suspects is a suspect too (`part-of-suspects`); "40 returnees were arrested,
    including nine women" stays."""
    if i == 0:
        return False
    whole = _SUSPECTS_NP.match(text, figures[i - 1].number.end)
    return (
        whole is not None
        and _INCLUDING.fullmatch(text, whole.end(), figures[i].number.start) is not None
        # "a prison in north-east Syria holds 5,000 ISIS suspects, among them …" (the search of
        # the whole sentence last: the tests above are cheap and mostly fail)
        and not held_in_zone_regexes()[0].search(text)
    )


# a part set right after its whole: "Seven IS militants – four of them foreigners – were
# detained", "Nine suspects, three of them foreigners, were arrested", "12 members, including
# five Malaysians, were held"
_PART_OPENS = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s*(?:[,(—–]|\s-)\s*(?:(?:including|among\s+(?:them|whom))\s+)?"
    rf"(?:(?:{_HEDGES})\s+)?",
    re.I,
)


def _part_held_at_home(facts: Facts, figures: Sequence[Figure], i: int, flow: Flow) -> bool:
    """ "Seven Islamic State militants – four of them foreigners – have been detained in a
    four-state swoop": a part set right after its whole takes the whole's proceedings at home
    (a sweep, raids, an investigation after the whole), and is no more a figure of people who
    went than the whole (`part-held-at-home`); words of going or coming back from the whole
    on keep it ("Nine returnees, three of them women, were arrested in raids")."""
    if i == 0 or flow not in (Flow.DETAINED, Flow.PROSECUTED):
        return False
    text, whole, n = facts.sentence.text, figures[i - 1], figures[i].number
    end = whole.head.end if whole.head is not None else whole.number.end
    if _PART_OPENS.fullmatch(text, end, n.start) is None:
        return False
    proceedings = proceedings_regex().search(text, n.end)
    if proceedings is None or held_in_zone_regexes()[0].search(text):
        return False
    if _WHOLE_MOVED.search(text, whole.number.start, n.start):
        return False  # "Nine Kosovars who came back from Syria, three of them women, …"
    return not _moved_themselves(facts, whole.number, whole.head, proceedings.start())


# the whole's own words of going or coming back, before its part
_WHOLE_MOVED = re.compile(
    r"\b(?:returnees?|returned|returning|came\s+back|come\s+back|back\s+from|fought|went|"
    r"travell?ed|left\s+for|joined|deported\s+from|repatriated)\b",
    re.I,
)


def strength_restated(facts: Facts, figures: Sequence[Figure], i: int) -> bool:
    """ "over 1,200 IS fighters currently fighting in the Philippines, a number that far
    outstrips the government's own estimate of 250 to 400": a figure without people of its own
    set against a group's strength before it in the sentence is another estimate of that
    strength (`strength-restated`); "…, 40 of them from Indonesia" and "40 Indonesians" are
    people of their own."""
    text, n = facts.sentence.text, figures[i].number
    if _OF_THEM_OR_FROM.match(text, n.end):
        return False
    return any(
        figures[j].head is not None
        and group_strength(facts, figures[j].number, figures[j].head)
        and not any(
            figures[j].number.end <= p.start < n.start and p.form is not PlaceForm.NAME
            for p in facts.places
        )
        for j in range(i)
    )


_OF_THEM_OR_FROM = re.compile(
    r"\s+(?:of\s+(?:them|whom|these)|from|were\s+from|are\s+from)\b", re.I
)


def _group_located(facts: Facts, head: Head) -> bool:
    """ "over 1,200 Islamic State fighters currently fighting in the Philippines": the people
    named only by an armed group's name and its fighters' noun, with nothing after them but
    where they are, are the group's strength there (`group-strength-located`); a nationality
    or "foreign" keeps them ("40 Indonesian IS fighters in the Philippines")."""
    text = facts.sentence.text
    group = next((g for g in facts.groups if head.start <= g.start <= head.start + 2), None)
    if group is None:
        return False
    located = _LOCATED.match(text, group.end)
    if located is None:
        return False
    _, fighters = group_strength_regexes()
    between = text[group.end : located.end()]
    return fighters.search(between) is not None and _FROM_AFTER.search(between) is None


# "detained 70 people for recruiting fighters", "convicted 12 for helping others travel":
# what they did at home, not a movement
_HELPING = compile_guarded(
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


@cache
def _state_forces_words() -> tuple[str, ...]:
    return needed_words(state_forces_regex())


def state_forces(
    text: str, n: NumberMention, head: Head | None, clause: tuple[int, int] | None = None
) -> bool:
    """ "Around 1,000 Georgians fight in the Georgian Legion, a volunteer unit of the Ukrainian
    army", "2,000 Russian volunteers fought for the Syrian army": people who joined or serve in a
    state's armed forces, named after them in their sentence, are no foreign fighters
    (`state-forces`); "fought for the Free Syrian Army" and "alongside Kurdish forces" name no
    state. So are a state's private military contractors, named in the people's own words or
    in their clause ("thousands of Russians are fighting in Syria as private contractors",
    "3,000 Russians under contract to the Wagner group", `state-contractors`)."""
    if clause is not None:
        lo = head.start if head is not None else n.end
        if contractors_regex().search(text, lo, clause[1]) is not None:
            return True
    start = head.end if head is not None else n.end
    end = min(len(text), start + 160)
    if not holds_any(text, _state_forces_words(), start, end):
        return False  # (a cheap test first: most sentences name no armed force)
    found = state_forces_regex().search(text, start, end)
    if found is None:
        return False
    code = lookup_place(found.group("state") or found.group("unit_of"))
    return code is not None and not is_region(code)


def _held_for_a_plan(
    facts: Facts, n: NumberMention, head: Head | None, clause: tuple[int, int], flow: Flow
) -> bool:
    """ "Police arrested five men who planned to sail to Indonesia", "detained four who had
    intended to fly to Turkey": people held whose own words after them say only that they meant
    to go (a blocked departure), never that they went or came back (`held-for-a-plan`); people
    the zone's states or camps hold stay ("Iraq holds 1,400 foreign women …")."""
    if flow not in (Flow.DETAINED, Flow.PROSECUTED):
        return False
    text = facts.sentence.text
    lo = head.end if head is not None else n.end
    planned = [
        c
        for c in facts.cues
        if lo <= c.start < clause[1] and c.flow is Flow.DEPARTED and c.blocked and not c.stock
    ]
    if not planned or held_in_zone_regexes()[0].search(text):
        return False
    return not _moved_themselves(facts, n, head, clause[1])


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
    if _a_part(text, n) and _WHOLE_MOVED.search(text, 0, n.start):
        return False  # "Nine returnees, three of them women, were arrested in raids"
    lo = head.start if head is not None else n.end
    moved = [
        c for c in facts.cues if lo <= c.start < clause[1] and c.flow in _MOVED and not c.stock
    ]
    return not moved and flow in (Flow.DETAINED, Flow.PROSECUTED, Flow.DEPARTED)


_DEPORTED = compile_guarded(
    r"\b(?:deport(?:ed|s|ing)|expel(?:led|s|ling)|extradit(?:ed|es|ing)|sent\s+back)\b", re.I
)
_FROM_THERE = re.compile(r"\s+(?:[\w-]+\s+){0,6}?from\s+(?:the\s+)?$", re.I)
# words that say the people were in the war: "who had fought in Syria", "ISIS fighters"
_WERE_AT_WAR = re.compile(
    r"\b(?:fought|fighting|fighters?|combatants?|joined|returnees?|militants?|jihadists?)\b", re.I
)


# what may stand between a group's name ending the people's words and their noun
_BEFORE_NOUN = re.compile(r"\s*(?:\([^()]{1,15}\)\s*)?")
# the sides that hold people in the zone, named in the sentence: their captives are the zone's
_ZONE_SIDES = re.compile(
    r"\b(?:kurdish(?:-led)?|syrian|iraqi|sdf|ypg)\s+(?:[\w-]+\s+)?(?:authorities|forces|"
    r"government|officials|army|administration|militias?|fighters)\b|\b(?:sdf|ypg)\b|"
    r"syrian\s+democratic\s+forces",
    re.I,
)


def _members_at_home(
    facts: Facts, n: NumberMention, head: Head | None, clause: tuple[int, int], flow: Flow
) -> bool:
    """ "Police in Selangor detained 12 Islamic State members", "rounded up 23 IS supporters":
    people named only by the noun of their membership, held, in a sentence that names neither
    the zone nor its custody, and whose words say nothing of going or coming back, are
    suspects at home (`members-held-at-home`); members said to be foreign up to their noun, or
    "held in Iraqi prisons", stay."""
    text = facts.sentence.text
    if flow is not Flow.DETAINED or head is None or FOREIGN_WORD.search(text, 0, head.end):
        return False  # ("Foreign jihadists fill Lebanese prisons: 95 members … were detained")
    # the noun ends the people's words, or stands right after a group's name that ends them
    # ("12 Islamic State members", "23 IS (Daesh) supporters")
    noun = members_at_home_regex().search(text, head.start, min(len(text), head.end + 25))
    if noun is None:
        return False
    last = noun.end() <= head.end and not text[noun.end() : head.end].strip()
    after = noun.start() >= head.end and _BEFORE_NOUN.fullmatch(text, head.end, noun.start())
    if not (last or after):
        return False
    blanked = text
    for g in facts.groups:
        blanked = blanked[: g.start] + " " * (g.end - g.start) + blanked[g.end :]
    if find_zone(blanked) is not None or held_in_zone_regexes()[0].search(text):
        return False
    if _ZONE_SIDES.search(text):
        return False  # "Kurdish authorities reported they had captured 41 IS supporters"
    return not _moved_themselves(facts, n, head, clause[1])


def deported_from_elsewhere(facts: Facts, clause: tuple[int, int]) -> bool:
    """ "Eight Indonesians were deported from Malaysia after being arrested", "Turkey has
    deported 149 Indonesians this year": people a country outside the zone sent home, whom
    nothing in their sentence places in the war and whose sentence names no zone
    (`deported-from-elsewhere`); "40 Germans who had fought in Syria were deported from
    Turkey" came back."""
    text = facts.sentence.text
    verb = _DEPORTED.search(text, clause[0], clause[1])
    if verb is None or _WERE_AT_WAR.search(text):
        return False  # "… sent back from Libya, where they had joined the jihadists"
    if any(p.code in ZONE_CODES for p in facts.places):
        return False  # "200 were in Syria, while 90 others had been deported from Turkey"
    return any(
        p.code not in ZONE_CODES
        and not is_region(p.code)
        and (
            (p.start > verb.end() and _FROM_THERE.fullmatch(text, verb.end(), p.start))
            or (0 <= verb.start() - p.end <= 12 and p.form is PlaceForm.NAME)
        )
        for p in facts.places
    )


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


# How far (in characters) another war may stand from a figure to be the figure's war
_WAR_REACH = 120


def another_war(text: str, n: NumberMention, clause: tuple[int, int]) -> bool:
    """ "The Afghan war of the 1980s attracted up to 20,000 foreign volunteers", "more than the
    10,000 estimated to have slipped into Afghanistan": a figure whose nearest war is another
    (`another-war`, `data/flows.yaml: another_war`), with no Syria, Iraq nor armed group of
    theirs named between them (nor in the figure's clause after it), counts that war's
    volunteers; "200 veterans of the Chechen wars went to Syria" names the people's past, and
    "…, whereas Syria drew 20,000 in three years" a figure of the zone's."""
    gate, war, past = another_war_regexes()
    if gate.search(text) is None:
        return False
    wars = [
        w for w in war.finditer(text) if not past.search(text, max(0, w.start() - 40), w.start())
    ]
    if not wars:
        return False

    def gap(w: re.Match[str]) -> int:
        return n.start - w.end() if w.end() <= n.start else max(0, w.start() - n.end)

    nearest = min(wars, key=gap)
    if gap(nearest) > _WAR_REACH:
        return False
    if nearest.end() <= n.start:
        between, own = text[nearest.end() : n.start], text[n.end : clause[1]]
    else:
        # (the figure's own words back to its clause's start or the comma before it)
        start = max(clause[0], text.rfind(",", clause[0], n.start) + 1)
        # (and the rest of its clause: "200 who fought in the Chechen wars have gone to Syria")
        between, own = text[n.end : max(clause[1], nearest.end())], text[start : n.start]
    return not any(
        ";" in part or find_zone(part) is not None or find_groups(part) for part in (between, own)
    )

"""Load the reviewed word lists in fighterflows/data once, and compile them to regexes.

Every list is matched case-insensitively on the original text (never a lower-cased copy: a
lower-cased string can change length, and offsets index the original).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fighterflows.extract.numbers.lexicon import gap_hedges
from fighterflows.initials import Scan, compile_guarded, scan_by_initial
from fighterflows.model import Flow, Population
from fighterflows.trie import trie_pattern
from fighterflows.yamldata import parse

DATA = Path(__file__).resolve().parents[2] / "data"


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed YAML data file `fighterflows/data/<name>.yaml`."""
    text = (DATA / f"{name}.yaml").read_text("utf-8")
    data = parse(text)
    if not isinstance(data, dict):
        raise ValueError(f"data file {name}.yaml is not a mapping")
    return data


# A pattern that opens with a group of plain words ("(?:brings|takes) (?:back|home)"), the
# group optional or not: it is written out as one pattern per word, so that each starts with
# a letter and joins its letter's branch below.
_LEADING_WORDS = re.compile(r"^\(\?:([A-Za-z' |-]+)\)(\??)(.*)$")


def _expanded(pattern: str) -> list[str]:
    m = _LEADING_WORDS.match(pattern)
    if m is None:
        return [pattern]
    words, optional, rest = m.group(1).split("|"), m.group(2), m.group(3)
    out = [word + rest for word in words]
    if optional:
        out += _expanded(rest)
    return out


def alternation(patterns: list[str]) -> str:
    """One regex alternative per pattern, longest first so longer phrases win.

    Patterns that start with a plain letter are grouped by it ("r(?:eturned|emain)"): the
    regex engine then tries one branch per text position instead of every pattern, which
    makes the scans several times faster.
    """
    return "|".join(alternatives(patterns))


def alternatives(patterns: list[str]) -> list[str]:
    """The alternatives of `alternation(patterns)`, in order."""
    expanded = [q for p in patterns for q in _expanded(p)]
    ordered = sorted((p.replace(" ", r"\s+") for p in expanded), key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for p in ordered:
        if p[:1].isalpha() and p[:1].isascii() and p[1:2] not in ("?", "*", "{", "+"):
            groups.setdefault(p[0].lower(), []).append(p[1:])
        else:
            rest.append(p)
    parts = [f"{ch}(?:{'|'.join(tails)})" for ch, tails in sorted(groups.items())]
    return parts + rest


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters)


@cache
def flow_regex() -> re.Pattern[str]:
    """Flow cues: one named group per flow, plus `stock` for cues that only imply departure."""
    return whole_words("|".join(f"(?P<{name}>{'|'.join(alts)})" for name, alts in _flow_groups()))


@cache
def flow_scan() -> Scan:
    """`flow_regex().finditer`, trying at each word only the cues that can start with its
    letter: ~2x faster on prose."""
    return scan_by_initial(_flow_groups(), WORD_START, WORD_END, re.IGNORECASE)[1]


def _flow_groups() -> list[tuple[str, list[str]]]:
    data = load("flows")
    # At one position the first group that matches wins: a flow's word that is also the start
    # of an unreal phrase says so itself ("held(?! senior posts)").
    groups = [(flow, alternatives(pats)) for flow, pats in data["cues"].items()]
    groups.append(("unreal", alternatives(data["unreal"])))
    groups.append(("state_returned", alternatives(data["state_returned"])))
    groups.append(("stock", alternatives(data["stock"])))
    return groups


WORD_START, WORD_END = r"(?<![\w-])", r"(?![\w-])"


def whole_words(body: str, start: bool = True, extra: str = "") -> re.Pattern[str]:
    """`body` matched as whole words (case-insensitive); `start=False` leaves the start open
    for patterns matched at a given position; `extra` adds an alternative. Behind a lookahead
    for the characters its matches start with (initials.py): the scans of every sentence for
    flow cues, negations and modals skip the other positions at once."""
    lead = WORD_START if start else ""
    return compile_guarded(lead + "(?:" + body + ")" + WORD_END + extra, re.IGNORECASE)


@cache
def negation_regex() -> re.Pattern[str]:
    return whole_words(alternation(load("flows")["negation"]), extra=r"|n't\b")


@cache
def negated_hedge_regex() -> re.Pattern[str]:
    """The number grammar's hedges that open with a negation ("no fewer than", "not more than",
    "does not exceed"): a bound on the figure, not a denial of its verb."""
    from fighterflows.extract.numbers.lexicon import prefix_hedges

    negations = set(load("flows")["negation"])
    phrases = [p for p in prefix_hedges() if set(p.split()) & negations or "n't" in p]
    return whole_words(alternation(phrases))


@cache
def stopped_regex() -> re.Pattern[str]:
    """People detained before they reached the zone (flows.yaml, stopped_on_the_way)."""
    return whole_words(alternation(load("flows")["stopped_on_the_way"]))


@cache
def irrealis_regex() -> re.Pattern[str]:
    return whole_words(alternation(load("flows")["irrealis"]))


@cache
def people_regex(search: bool = False) -> re.Pattern[str]:
    """People nouns, a named group per population; `search` adds a leading word boundary."""
    people = load("populations")["people"]
    parts = [f"(?P<{pop}>{alternation(pats)})" for pop, pats in people.items()]
    return whole_words("|".join(parts), start=search)


@cache
def excluded_regex() -> re.Pattern[str]:
    return whole_words(alternation(load("populations")["excluded"]), start=False)


@cache
def relations_regex() -> re.Pattern[str]:
    """Members of a group described one by one (populations.yaml, relations)."""
    return whole_words(alternation(load("populations")["relations"]))


@cache
def parent_of_regex() -> re.Pattern[str]:
    """ "a mother of four", "the father-of-three" before a number (populations.yaml, parents)."""
    return compile_guarded(
        rf"\b(?:{alternation(load('populations')['parents'])})(?:\s+|-)of(?:\s+|-)$", re.I
    )


@cache
def excluded_people_regex() -> re.Pattern[str]:
    """The excluded heads that are people (soldiers, civilians), searched anywhere."""
    return whole_words(alternation(load("populations")["excluded_people"]))


@cache
def membership_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(member nouns at a head's end, the having words just before a number): populations.yaml,
    membership."""
    data = load("populations")["membership"]
    members = re.compile(r"\b(?:" + alternation(data["members"]) + r")$", re.IGNORECASE)
    having = re.compile(r"\b(?:" + alternation(data["having"]) + r")\s+$", re.IGNORECASE)
    return members, having


@cache
def region_route_regex() -> re.Pattern[str]:
    """A movement verb and its preposition just before a region (flows.yaml,
    region_is_a_route): the region is a route, not the people's nationality."""
    words = alternation(load("flows")["region_is_a_route"])
    return compile_guarded(
        r"(?<![\w-])(?:" + words + r")\s+(?:the\s+)?(?:(?:countries|conflict\s+zones?|war\s+zones?"
        r"|battlefields?|wars?|conflicts?)\s+(?:of|in)\s+(?:the\s+)?)?$"
        # "500 people from the conflict zones of the Middle East": a zone is never a nationality
        r"|(?<![\w-])(?:from|in|to)\s+the\s+(?:conflict|war|combat)\s+zones?\s+(?:of|in)\s+"
        r"(?:the\s+)?$",
        re.IGNORECASE,
    )


@cache
def continuation_regex() -> re.Pattern[str]:
    """Words that open a sentence continuing the one before (flows.yaml,
    continues_the_sentence_before), matched at the sentence's start."""
    words = alternation(load("flows")["continues_the_sentence_before"])
    return re.compile(r"\s*(?:" + words + r")\b", re.IGNORECASE)


@cache
def ranking_regex() -> re.Pattern[str]:
    """Words that continue a ranking begun before (flows.yaml, continues_a_ranking)."""
    return whole_words(alternation(load("flows")["continues_a_ranking"]))


@cache
def helper_country_regex() -> re.Pattern[str]:
    """Words just before a place that make it a helper or host of the people's movement, not
    their nationality (flows.yaml, helper_country)."""
    words = alternation(load("flows")["helper_country"])
    return compile_guarded(r"(?<![\w-])(?:" + words + r")\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def destination_regex() -> re.Pattern[str]:
    """A verb of going and its preposition just before a country (flows.yaml,
    country_is_a_destination): the country is where people went, not theirs."""
    words = alternation(load("flows")["country_is_a_destination"])
    return compile_guarded(r"(?<![\w-])(?:" + words + r")\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def sends_others_away_regex() -> re.Pattern[str]:
    """A verb of return by which a state moves others' people (flows.yaml, sends_others_away)."""
    return compile_guarded(
        r"\b(?:" + alternation(load("flows")["sends_others_away"]) + r")\b", re.I
    )


@cache
def supplies_its_people_regex() -> re.Pattern[str]:
    """A verb by which a country gives its own people to the war, ending right before the
    figure's hedge (flows.yaml, supplies_its_people)."""
    words = alternation(load("flows")["supplies_its_people"])
    return compile_guarded(r"\b(?:" + words + r")\s*$", re.I)


@cache
def group_strength_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the words from an armed group's name to the number it "has", the nouns of its
    fighters): flows.yaml, group_strength."""
    data = load("flows")["group_strength"]
    having = re.compile(
        # (also its men somewhere: "Islamic State forces in Iraq and Syria now have")
        r"(?:['’]s)?(?:\s+(?:affiliate|branch|wing|franchise|offshoot|province|faction|forces|force|army|"
        r"fighters|militants)"
        r"(?:\s+(?:in|of)\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?"
        r"(?:\s+and\s+[A-Z][\w-]+)?)?)?"
        r"(?:\s+(?:" + alternation(data["between"]) + r"))*"
        r"\s+(?:" + alternation(data["having"]) + r")\s*,?\s*(?:at\s+its\s+peak\s*,?\s*)?$",
        re.IGNORECASE,
    )
    return having, whole_words(alternation(data["fighters"]))


@cache
def group_size_regex() -> re.Pattern[str]:
    """A noun of an armed group's size and the words up to its value, matched backwards from
    the number (flows.yaml, group_strength.measures): "its total membership as high as"."""
    nouns = alternation(load("flows")["group_strength"]["measures"])
    return compile_guarded(r"\b(?:" + nouns + r")\b(?P<gap>[^.;:,()]{0,40})$", re.IGNORECASE)


@cache
def state_forces_regex() -> re.Pattern[str]:
    """A state's armed forces as what people joined, fight in or serve in, or a unit of them in
    an apposition (flows.yaml, state_forces); group `state` is the country's word."""
    data = load("flows")["state_forces"]
    forces = alternation(data["forces"])
    units = alternation(data["units"])
    forces_after = r"(?:['’]s)?\s+(?:" + forces + r")\b"
    return compile_guarded(
        # (joining needs no preposition: "have joined Ukraine's armed forces"; fighting does,
        # "fighting the Russian army" is the other side)
        r"\b(?:(?:join(?:ed|ing|s)?|enlist(?:ed|ing|s)?)\s+(?:(?:in|into|with)\s+)?"
        r"|(?:fight(?:s|ing)?|fought|serv(?:e|es|ing|ed)|volunteer(?:ed|ing|s)?)"
        r"\s+(?:to\s+fight\s+)?(?:in|for|with|into)\s+)(?:the\s+)?"
        r"(?:ranks\s+of\s+(?:the\s+)?)?(?P<state>(?-i:[A-Z])[\w-]+?)"
        + forces_after
        + r"|,\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:"
        + units
        + r")\s+(?:of|in)\s+"
        r"(?:the\s+)?(?P<unit_of>(?-i:[A-Z])[\w-]+?)" + forces_after,
        re.IGNORECASE,
    )


@cache
def contractors_regex() -> re.Pattern[str]:
    """Private military contractors a state sends, as the people's noun or what they serve as
    (flows.yaml, state_forces.contractors)."""
    return whole_words(alternation(load("flows")["state_forces"]["contractors"]))


@cache
def members_at_home_regex() -> re.Pattern[str]:
    """The noun of a group's membership (flows.yaml, members_at_home)."""
    return compile_guarded(r"\b(?:" + alternation(load("flows")["members_at_home"]) + r")\b", re.I)


@cache
def cohort_trait_regex() -> re.Pattern[str]:
    """The predicate of a trait of a cohort's people, matched right after a figure (or its "of
    them"): "were converts", "have previous convictions" (flows.yaml, cohort_traits)."""
    return re.compile(
        r"(?:\s+(?:from|in)\s+(?-i:[A-Z][\w-]+)(?:\s+(?-i:[A-Z][\w-]+))?)?"
        r"\s*,?\s+(?:of\s+(?:them|these|those|whom)\s+)?"
        r"(?:(?:also|all|both|reportedly|previously|already|mostly|largely)\s+)?"
        r"(?:" + alternation(load("flows")["cohort_traits"]) + r")\b",
        re.IGNORECASE,
    )


@cache
def passports_withdrawn_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the passports of N … withdrawn, matched from the figure's end on; N … had their
    passports withdrawn, matched at its people's end) from flows.yaml, passports_withdrawn."""
    verbs = alternation(load("flows")["passports_withdrawn"])
    of = re.compile(r"[^.;]{0,60}?\b(?:" + verbs + r")\b", re.IGNORECASE)
    their = re.compile(
        r"\s+(?:[\w-]+\s+){0,2}?(?:had|have|has)\s+(?:had\s+)?(?:their|his|her)\s+"
        r"(?:\w+\s+)?passports?\s+(?:" + verbs + r")\b",
        re.IGNORECASE,
    )
    return of, their


@dataclass(frozen=True, slots=True)
class Revoked:
    """The shapes of a citizenship taken (flows.yaml, citizenship_revoked)."""

    of: re.Pattern[str]  # "revoked the citizenship of " ending at the figure
    stripped: re.Pattern[str]  # "stripped " ending at the figure …
    of_theirs: re.Pattern[str]  # … then " people of their citizenship" from the people's end
    had_theirs: re.Pattern[str]  # " have had their nationality withdrawn" from the people's end


@cache
def citizenship_revoked_regexes() -> Revoked:
    """How a text says a state took its citizenship from N people (flows.yaml,
    citizenship_revoked and citizenship_nouns)."""
    data = load("flows")
    verbs = alternation(data["citizenship_revoked"])
    nouns = alternation(data["citizenship_nouns"])
    hedges = gap_hedges()
    return Revoked(
        of=re.compile(
            rf"\b(?:{verbs})\s+(?:the\s+)?(?:[\w-]+\s+)?(?:{nouns})\s+(?:status\s+)?(?:of|from)\s+"
            rf"(?:(?:{hedges})\s+)?$",
            re.IGNORECASE,
        ),
        stripped=re.compile(
            rf"\b(?:{alternation(data['citizenship_stripping'])})\s+(?:(?:{hedges})\s+)?$",
            re.IGNORECASE,
        ),
        of_theirs=re.compile(
            rf"(?:\s+[\w-]+){{0,4}}?\s+of\s+(?:(?:their|his|her)\s+)?(?:[\w-]+\s+)?(?:{nouns})\b",
            re.IGNORECASE,
        ),
        had_theirs=re.compile(
            rf"(?:\s+[\w-]+){{0,4}}?\s+(?:had|have|has)\s+(?:had\s+)?(?:their|his|her)\s+"
            rf"(?:[\w-]+\s+)?(?:{nouns})\s+(?:been\s+)?(?:{verbs})\b",
            re.IGNORECASE,
        ),
    )


@cache
def proceedings_regex() -> re.Pattern[str]:
    """Suspects at home: "awaiting trial", "under investigation" (flows.yaml,
    at_home_proceedings)."""
    return whole_words(alternation(load("flows")["at_home_proceedings"]))


@cache
def held_in_zone_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(held by the zone's states, forces, camps or prisons; accused of having joined the
    group) from flows.yaml (held_in_the_zone, accused_of_joining): an accusation of joining
    made against people held there is no sign of suspects at home."""
    data = load("flows")
    held = whole_words(alternation(data["held_in_the_zone"]))
    return held, whole_words(alternation(data["accused_of_joining"]))


@cache
def other_war_regex() -> re.Pattern[str]:
    """A return "from Lebanon", "out of Gaza": another war's evacuees (flows.yaml, other_wars)."""
    places = alternation(load("flows")["other_wars"])
    return whole_words(r"(?:from|out\s+of)\s+(?:southern\s+|northern\s+)?(?:" + places + ")")


@cache
def another_war_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Another war named in a sentence (flows.yaml, another_war): a cheap test for its places,
    the war itself ("the Afghan war", "the war in Ukraine", "Soviet-occupied", "drawn to
    Afghanistan"), and the people's past just before it ("veterans of")."""
    data = load("flows")["another_war"]
    places = alternation(data["places"])
    gate = whole_words(places)
    the = r"(?:the\s+)?(?:(?:19|20)\d\ds?\s+)?"
    war = whole_words(
        rf"(?:{places})(?:-[\w]+)?\s+(?:{alternation(data['nouns'])})"
        rf"|(?:{alternation(data['before'])})\s+(?:in|of|against|on)?\s*{the}(?:{places})"
        rf"|(?:{places})-(?:occupied|held|controlled)"
        rf"|(?:{alternation(data['going'])})\s+(?:[\w-]+\s+){{0,2}}?(?:to|into)\s+{the}(?:{places})"
    )
    past = re.compile(
        r"(?<![\w-])(?:" + alternation(data["past"]) + r")\s+(?:of\s+|in\s+)?(?:the\s+)?$", re.I
    )
    return gate, war, past


@cache
def share_base_regex() -> re.Pattern[str]:
    """ "of foreign fighters", "of all travellers from X": a share's people named without
    "the" (populations.yaml, share_bases); matched at the start of the share's head."""
    words = alternation(load("populations")["share_bases"])
    return re.compile(
        r"\s*of\s+(?:all\s+)?(?:[\w-]+\s+){0,2}?(?:" + words + r")(?![\w-])", re.IGNORECASE
    )


@cache
def gathering_regex() -> re.Pattern[str]:
    """The size of a gathering right before its number: "an audience of", "a crowd of some"
    (populations.yaml, gatherings)."""
    nouns = alternation(load("populations")["gatherings"])
    return compile_guarded(
        r"\b(?:" + nouns + r")\s+of\s+(?:(?:about|some|around|roughly|nearly|almost|over|"
        r"more\s+than|at\s+least|up\s+to)\s+)?$",
        re.IGNORECASE,
    )


@cache
def local_regex() -> re.Pattern[str]:
    return whole_words(alternation(load("populations")["local"]), start=False)


FLOWS: dict[str, Flow] = {f.value: f for f in Flow}
POPULATIONS: dict[str, Population] = {p.value: p for p in Population}


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    text: str
    name: str


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Literal names and their aliases compiled into one trie regex.

    Aliases match case-insensitively, except acronyms ("IS" is not "is"); a match is looked
    up by its folded text to find the entry's normalised name.
    """

    pattern: re.Pattern[str]
    folded: dict[str, str]  # folded alias -> name (aliases that are not acronyms)
    exact: dict[str, str]  # acronym as written -> name

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Hit]:
        out: list[Hit] = []
        end = len(text) if endpos is None else endpos
        for m in self.pattern.finditer(text, pos, end):
            name = self.name_of(m.group())
            if name is not None:
                out.append(Hit(m.start(), m.end(), m.group(), name))
        return out

    def match(self, text: str, pos: int) -> Hit | None:
        m = self.pattern.match(text, pos)
        if m is None:
            return None
        name = self.name_of(m.group())
        return Hit(m.start(), m.end(), m.group(), name) if name is not None else None

    def name_of(self, matched: str) -> str | None:
        exact = self.exact.get(_squash(matched))
        return exact if exact is not None else self.folded.get(fold(matched))


def fold(text: str) -> str:
    return _squash(text).lower().replace("’", "'")


def _squash(text: str) -> str:
    return " ".join(text.split())


def gazetteer(entries: list[dict[str, Any]]) -> Gazetteer:
    """A Gazetteer over every name and alias of `entries` ({name, aliases})."""
    folded: dict[str, str] = {}
    exact: dict[str, str] = {}
    for entry in entries:
        for alias in [entry["name"], *entry.get("aliases", [])]:
            if is_acronym(alias):
                exact[_squash(alias)] = entry["name"]
            else:
                folded[fold(alias)] = entry["name"]
    keys = {k for k in folded} | {k.lower() for k in exact}
    return Gazetteer(_trie_regex(keys), folded, exact)


def _trie_regex(keys: set[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + trie_pattern(keys) + r"(?![\w-])", re.IGNORECASE)


@cache
def total_predicate_regex() -> re.Pattern[str]:
    """The predicate of a measure's noun ending right before a figure: "is put at", "stands
    at", "has risen to" (flows.yaml, total_predicates); searched with `$` at the figure."""
    words = alternation(load("flows")["total_predicates"])
    return compile_guarded(WORD_START + "(?:" + words + r")\s*$", re.IGNORECASE)

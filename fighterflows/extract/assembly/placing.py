"""Whose figure is it: the place a count of people is counted for.

In order: the demonym or adjective in the people's own words ("500 French citizens"); "from
N countries" (the world); a place introduced by "from", "of", "left" right after them; the
place before a parenthesis ("France (1,700)"); "foreign fighters" with no country (the
world); the subject of the clause ("Macedonian citizens ..., and six were killed"); the
nearest other place; the place carried from the previous sentence or the section heading.
The conflict zone is never the place, routes ("via Turkey") and attributions ("the U.S.
State Department") neither.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fighterflows.extract.assembly.choosing import within_brackets
from fighterflows.extract.assembly.recipients import recipient_state
from fighterflows.extract.assembly.rules import Choice, choose
from fighterflows.extract.mentions.facts import Facts
from fighterflows.extract.mentions.flows import STATE_GAP
from fighterflows.extract.mentions.groups import group_countries, groups_gazetteer
from fighterflows.extract.mentions.lexicon import (
    destination_regex,
    helper_country_regex,
    load,
    region_route_regex,
    sends_others_away_regex,
    supplies_its_people_regex,
)
from fighterflows.extract.mentions.populations import PARTICIPLES, Head, people_words
from fighterflows.extract.numbers import NumberKind, NumberMention
from fighterflows.extract.numbers.lexicon import gap_hedges
from fighterflows.initials import compile_guarded
from fighterflows.model import Flow
from fighterflows.places import ZONE_CODES as ZONE_CODES  # for the extractor's other modules
from fighterflows.places import PlaceForm, PlaceMention, is_region, list_regions, region_members

# the hedges a rule reads across between a word and its figure (data/numbers.yaml)
_HEDGES = gap_hedges()

_NUMBER_WORD = (
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of"
    r"|several|many|various|some)"
)
_COUNTRIES = compile_guarded(
    rf"(?:from|to|in)\s+(?:(?:{_HEDGES})\s+)?"
    rf"(?:{_NUMBER_WORD}\s+(?:other\s+|different\s+|such\s+)?|(?:their\s+)?home\s+)"
    r"(?:countries|nations)"
    r"|(?:to|from)\s+(?:their\s+)?countries\s+of\s+origin"
    # "handed over 300 women and children to their countries", "repatriated by their
    # respective countries": the people of many countries
    r"|(?:to|by)\s+their\s+(?:own\s+|respective\s+)?(?:countries|nations)\b(?!['’])"
    # "volunteers from around the world", "from all over the world", "from across the globe"
    r"|from\s+(?:all\s+over|around|across|all\s+corners\s+of)\s+the\s+(?:world|globe)",
    re.I,
)
_LEAD = compile_guarded(
    r"(?:\bfrom|\bof|\bleft|\bleaving|\blinked\s+to|(?:returned|back|home|repatriated)\s+to)\s+"
    r"(?:other\s+|the\s+other\s+|the\s+)?"
    # "nationals of these three Balkan countries"
    r"(?:(?:these|those|the)\s+(?:two|three|four|five|six|seven|eight|\d+)\s+)?$",
    re.I,
)
# a figure whose verb was said once for two places: "… returned to Britain and 300 to France"
_GAPPED_TO = re.compile(r"\s+to\s+(?:the\s+)?", re.I)
_RETURN_TO = re.compile(r"\b(?:returned|repatriated|back|home|deported)\s+to\s", re.I)
_POSSESSIVE = re.compile(r"(?:'s|’s)\s+(?:estimated\s+|total\s+|own\s+)?$")
_LEAD_WORD = re.compile(r"^(?:from|to|in)\s+", re.I)
_TRANSIT = compile_guarded(
    r"\b(?:via|through|into|towards?|near|than|by|other\s+countr(?:y|ies)\s+in)\s+(?:the\s+)?$",
    re.I,
)
_PARTICIPLE = re.compile(
    rf"[\s-]+(?:{PARTICIPLES}|{'|'.join(load('populations')['place_bound'])})\b", re.I
)
_FOREIGN = re.compile(r"\bforeign\b|\bforeigners\b", re.I)
_FOREIGN_PEOPLE = re.compile(
    r"\bforeign\s+(?:[\w-]+\s+){0,2}?(?:fighters|jihadists|citizens|nationals|militants|"
    r"volunteers|recruits|sunnis|shia|women|children|minors|families|parents|wives|mothers)\b"
    r"|\bforeigners\b",
    re.I,
)
_OPENING_NEXT = re.compile(r"\s*(?:,|(?:has|have|had|is|was|saw|sent|accounts?)\b)", re.I)
_PEOPLE_FORMS = frozenset({PlaceForm.DEMONYM, PlaceForm.ETHNIC})
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)\s*(?:the\s+)?$")
# Regions a list of countries may add up to, smallest first.
_LIST_REGIONS = (
    "western-balkans",
    "central-asia",
    "north-africa",
    "southeast-asia",
    "north-america",
    "western-europe",
    "middle-east",
    "former-soviet-union",
    "eu",
    "europe",
)


def place_of(
    text: str,
    n: NumberMention,
    head: Head | None,
    facts: Facts,
    clause: tuple[int, int],
    heads: Sequence[Head],
) -> Choice[tuple[str, str]] | None:
    """(code, place_text) for the figure `n` and the rule that found it, or None when nothing
    in the sentence says. The rules, in order of precedence, are listed below."""
    after = head.end if head is not None else n.end
    first = choose(
        [
            ("people's-own-words", lambda: _own_words(head)),
            ("national-militia", lambda: _militia(text, head, after)),
            ("militia-owner", lambda: _militia_owner(text, n, facts)),
            ("whole-of-national-parts", lambda: _whole_of_national_part(text, n, head, facts)),
            ("of-its-people", lambda: _owner(n, facts) if _of_its(head) else None),
            ("handed-to-state", lambda: _widened(recipient_state(text, n, head, facts), facts)),
            (
                "contingent-owner",
                lambda: None if head else _widened(_contingent_owner(text, n, facts), facts),
            ),
            ("from-n-countries", lambda: _n_countries(text, after, clause, facts)),
            (
                "compared-item",
                lambda: _widened(_compared_place(text, n, facts, head is not None), facts),
            ),
            ("relative-subject", lambda: _widened(_relative_subject(text, n, facts), facts)),
            ("country-and-its-region", lambda: _with_its_region(text, n, after, facts)),
            ("from-or-of-place", lambda: _widened(_lead_place(text, n, after, facts), facts)),
            (
                "place-before-parenthesis",
                lambda: _widened(_paren_place(text, n, after, facts), facts),
            ),
            ("possessive-place", lambda: _widened(_possessive_place(text, n, after, facts), facts)),
            ("labelled-place", lambda: _widened(_labelled_place(text, n, facts), facts)),
            ("ranked-with", lambda: _widened(_ranked_place(text, n, facts), facts)),
            ("opening-with", lambda: _widened(_opening_with(text, n, facts), facts)),
            ("accounts-for", lambda: _widened(_accounting_place(text, n, facts), facts)),
            ("returning-state", lambda: _returning_state(text, n, facts)),
            ("supplying-state", lambda: _supplying_state(text, n, facts)),
            ("foreign-people", lambda: _foreign_head(head)),
            ("foreign-predicate", lambda: _foreign_predicate(text, after)),
        ]
    )
    if first is not None:
        return first
    if head is not None and head.text.strip().lower() == "others":
        return None  # "1,700 Lebanese Hezbollah and 8,345 others": not the Lebanese
    usable = _usable(text, facts, heads, n)
    return choose(
        [
            # "Belgium, which sent ..., has seen 125 of them return"
            ("opening-place", lambda: _bare(head, _opening_place(text, usable), facts)),
            ("clause-subject", lambda: _bare(head, _subject_place(text, clause, n, usable), facts)),
            ("nearest-place", lambda: _widened(_nearest(clause, n, usable), facts)),
            ("foreign-people-in-clause", lambda: _foreign_in(text, clause)),
        ]
    )


# the whole a part is said to be among: "… were among 22 people", "among the 40 fighters"
# (not "among the 60 brought home": a definite whole is one told of before, placed as it was)
_AMONG_BEFORE = re.compile(r"\bamong(?:st)?\s+$", re.I)
_PART_REACH = 80  # how far before "among" the part's nationality may stand
_CLAUSE_BREAK_IN = re.compile(r"[;:]|\.\s")


def _whole_of_national_part(
    text: str, n: NumberMention, head: Head | None, facts: Facts
) -> tuple[str, str] | None:
    """ "Eleven Americans, including five minors, were among 22 people repatriated": a whole
    whose part is named by its nationality, and whose own words name none, counts people of
    several countries (`world`), not the part's."""
    among = _AMONG_BEFORE.search(text, max(0, n.start - 20), n.start)
    if among is None:
        return None
    named = {w.start for w in people_words(text)}
    national = any(
        (
            p.form in (PlaceForm.DEMONYM, PlaceForm.ADJECTIVE)
            # a name said of the people after it: "U.S. citizens", "UK nationals"
            or (p.form is PlaceForm.NAME and (p.end + 1) in named)
        )
        and p.code not in ZONE_CODES
        and not is_region(p.code)
        and among.start() - _PART_REACH <= p.start < among.start()
        and not _CLAUSE_BREAK_IN.search(text, p.end, among.start())
        for p in facts.places
    )
    if not national:
        return None
    return "world", (head.text if head is not None else n.text)


def _own_words(head: Head | None) -> tuple[str, str] | None:
    """ "500 French citizens": the demonym in the people's own words."""
    if head is None or head.place is None:
        return None
    return head.place.code, head.place.text


def _of_its(head: Head | None) -> bool:
    """ "Russia says 4,000 of its citizens", "the deaths of two of its fighters"."""
    return head is not None and _OF_ITS.match(head.text) is not None


def _n_countries(
    text: str, after: int, clause: tuple[int, int], facts: Facts
) -> tuple[str, str] | None:
    """ "from 80 countries": the world; "to their home countries in the Western Balkans": the
    region named right after."""
    countries = _COUNTRIES.search(text, after, max(after, clause[1]))
    if countries is None and _BARE_TOTAL.match(text, after):
        # "Fighters from 80 countries have gone to Syria, some 20,000 in all"
        countries = _COUNTRIES.search(text, clause[0], after)
    if countries is None:
        return None
    for p in facts.places:
        if is_region(p.code) and _COUNTRIES_IN.fullmatch(text, countries.end(), p.start):
            return p.code, text[countries.start() : p.end]
    if _HOME_COUNTRIES.search(countries.group()):
        return None  # "returned to their home countries": whose, the cohort or `home_countries`
    return "world", _LEAD_WORD.sub("", countries.group())


_HOME_COUNTRIES = re.compile(
    r"\bhome\s+(?:countries|nations)|\bcountries\s+of\s+origin"
    r"|\btheir\s+(?:own\s+|respective\s+)?(?:countries|nations)\b",
    re.I,
)


def home_countries(text: str, clause: tuple[int, int]) -> tuple[str, str] | None:
    """ "5,000 fighters have returned to their home countries": people of many countries, when
    nothing else places them (the part of a cohort is the cohort's: "Of the 900 from the
    Western Balkans who went, some 250 have returned to their home countries")."""
    m = _COUNTRIES.search(text, *clause)
    if m is None or not _HOME_COUNTRIES.search(m.group()):
        return None
    return "world", _LEAD_WORD.sub("", m.group())


_BARE_TOTAL = re.compile(r"\s+(?:in\s+all|in\s+total|altogether)\b", re.I)
_COUNTRIES_IN = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?", re.I)


# what may stand between the verb of return and the figure: "brought home 231", "repatriated
# another 30", "flew back some 90"
_VERB_TO_FIGURE = re.compile(
    rf"(?:\s+(?:back|home|another|a\s+further|{_HEDGES}))*\s+$",
    re.I,
)
_SENT_TO = re.compile(r"\b(?:back\s+|home\s+)?to\s+(?:the\s+)?$", re.I)


def _returning_state(text: str, n: NumberMention, facts: Facts) -> tuple[str, str] | None:
    """ "Iraq repatriated 625 people from al-Hol", "Kazakhstan has brought home 231 people",
    "the Iraqi government received 300": the state that is the subject of the verb of return
    right before the figure brings its own people home, even Iraq or Syria (their people
    coming back from the other's camps are no locals). Never a state that deports, expels or
    hands over others' people, nor one that sends them on to a country named after them."""
    cue = next(
        (
            c
            for c in reversed(facts.cues)
            if c.end <= n.start
            and c.flow is Flow.RETURNED
            and not c.stock
            and not c.blocked
            and _VERB_TO_FIGURE.fullmatch(text, c.end, n.start)
        ),
        None,
    )
    # (the verb's particle may follow its people: "sent 778 foreign fighters back")
    if cue is None or sends_others_away_regex().match(text, cue.start):
        return None
    state = next(
        (
            p
            for p in reversed(facts.places)
            if p.end <= cue.start
            and p.form in (PlaceForm.NAME, PlaceForm.ADJECTIVE)
            and not is_region(p.code)
            and STATE_GAP.fullmatch(text, p.end, cue.start)
            and (p.form is PlaceForm.NAME or _STATE_AFTER.match(text, p.end))
        ),
        None,
    )
    if state is None:
        return None
    end = min(len(text), n.end + 80)
    if any(
        n.end < p.start < end and p.code not in ZONE_CODES and _SENT_TO.search(text, n.end, p.start)
        for p in facts.places
    ):
        return None  # "Turkey returned 40 people to Germany": Germany's
    return state.code, state.text


# the hedge between the verb and the figure: "produced some 6,000", "sent an estimated 500"
_HEDGE_BEFORE = re.compile(
    rf"(?:\s+(?:{_HEDGES}))*\s*$",
    re.I,
)


def deported_foreigners(text: str, n: NumberMention) -> bool:
    """ "Turkey, which has deported 5,000 suspected foreign fighters": foreigners a state sends
    away, mostly stopped on their way, are no one country's return."""
    hedge = _HEDGE_BEFORE.search(text, max(0, n.start - 40), n.start)
    at = hedge.start() if hedge is not None else n.start
    return any(
        (m.end() == at or text[m.end() : at].strip().lower() in ("back", "home"))
        and not _ZONE_SENDER.search(text, max(0, m.start() - 60), m.start())
        for m in sends_others_away_regex().finditer(text, max(0, at - 40), at)
    )


# the zone's own captors send them back: "Iraq has sent 778 foreign fighters back to their
# countries", "the SDF handed 40 foreigners back" (a return out of the zone, rule
# `zone-sends-them-home`), unlike a transit state's deportations; the captor is the verb's
# subject, no comma between ("crossed from Syria into Turkey, which has deported 5,000": Turkey's)
_ZONE_SENDER = re.compile(
    r"\b(?:iraq|syria|baghdad|damascus|sdf|kurds|syrian\s+democratic\s+forces|"
    r"(?:iraqi|syrian|kurdish|kurdish-led)\s+(?:authorities|government|forces|officials|"
    r"administration|courts?))\b[^.;,]{0,40}$",
    re.I,
)


def _supplying_state(text: str, n: NumberMention, facts: Facts) -> tuple[str, str] | None:
    """ "Tunisia produced some 6,000 foreign fighters", "Belgium has supplied about 500
    jihadists": the country that is the subject of a verb that gives its people to the war
    (`data/flows.yaml: supplies_its_people`) is theirs, "foreign" as they are to Syria."""
    hedge = _HEDGE_BEFORE.search(text, max(0, n.start - 40), n.start)
    at = hedge.start() if hedge is not None else n.start
    verb = supplies_its_people_regex().search(text, max(0, at - 40), at)
    if verb is None:
        return None
    state = next(
        (
            p
            for p in reversed(facts.places)
            if p.end <= verb.start()
            and p.form is PlaceForm.NAME
            and p.code not in ZONE_CODES
            and not is_region(p.code)
            and STATE_GAP.fullmatch(text, p.end, verb.start())
        ),
        None,
    )
    return (state.code, state.text) if state is not None else None


def _foreign_head(head: Head | None) -> tuple[str, str] | None:
    if head is not None and _FOREIGN.search(head.text):
        return "world", head.text.strip()
    return None


def _bare(head: Head | None, p: PlaceMention | None, facts: Facts) -> tuple[str, str] | None:
    """A place around a figure without a head noun of its own."""
    return _widened(p, facts) if head is None else None


def _widened(p: PlaceMention | None, facts: Facts) -> tuple[str, str] | None:
    return _widen(p, facts) if p is not None else None


def _nearest(
    clause: tuple[int, int], n: NumberMention, usable: list[PlaceMention]
) -> PlaceMention | None:
    """The nearest place of the figure's own clause, else one before it: not a place that a
    later figure's words name ("11,000 remain in detention, including 2,000 from Europe")."""
    own = [p for p in usable if clause[0] <= p.start < clause[1]] or [
        p for p in usable if p.end <= n.start
    ]
    return min(own, key=lambda p: abs(p.start - n.start)) if own else None


# what the people are said to be: "Over 40,000 of the detainees in the Syrian camps are foreign
# citizens" (the camps' adjective names no people); also a part of people told of before that
# is foreign ("2,500 of them are foreign", "some 900 of whom were non-Syrian", "8,000 of these
# were from abroad"): people of many countries, not the country of the sentence before
_FOREIGN_PREDICATE = re.compile(
    r"(?:\s+of\s+(?:them|whom|these|those)\b)?"
    r"(?:\s+(?:in|at|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:camps?|prisons?|jails?|al[- ]?hol|al[- ]?hawl|roj))?"
    r"\s+(?:are|were|is|was)\s+(?:all\s+|mostly\s+|now\s+|said\s+to\s+be\s+)?"
    r"(?P<words>foreigners|foreign\s+(?:citizens|nationals|women|men|children|fighters)"
    r"|foreign(?![-‐‑])(?!\s+(?!(?:and|or|but|while)\b)[a-z])|non-(?:syrians?|iraqis?)(?:\s+(?:or|and)\s+non-(?:syrians?|iraqis?))?"
    r"|from\s+abroad|of\s+foreign\s+(?:origin|nationality|nationalities))\b",
    re.I,
)


def _foreign_predicate(text: str, after: int) -> tuple[str, str] | None:
    """The people said to be foreigners right after their figure (rule `foreign-predicate`)."""
    m = _FOREIGN_PREDICATE.match(text, after)
    return ("world", m.group("words")) if m else None


def _foreign_in(text: str, clause: tuple[int, int]) -> tuple[str, str] | None:
    foreign = _FOREIGN_PEOPLE.search(text, clause[0], clause[1])
    return ("world", foreign.group()) if foreign else None


# "A Turkish soldier", "Turkish forces": a country's state, not the origin of fighters
_STATE_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:soldiers?|troops?|forces|army|military|government|ministry|police|"
    r"officials?|authorities|media|president|minister|airstrikes?|drones?|jets?)\b",
    re.I,
)
# a state named as the actor of a military action (`actor-of-an-offensive`): "during Turkey's
# offensive in Syria", "after the Turkish incursion", "Russia's air campaign": the state that
# fought, not whose people were caught or killed in it
_ACTOR_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:offensives?|incursions?|invasion|intervention|"
    r"assaults?|bombardments?|shelling|air\s+campaign|military\s+(?:operations?|campaign))\b",
    re.I,
)
# a state named as the holder of a prison, a court or a deportation centre (`holding-state`) in
# a sentence about foreign people: "1,200 foreign fighters were in Turkish prisons and 287
# members were recaptured", "foreigners held in Turkey's deportation centres": the state that
# holds or tries them, not whose people they are ("250 returnees are in Belgian prisons",
# with no foreigners said, keeps Belgium's)
_HOLDER_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:" + "|".join(load("flows")["holding_institutions"]) + r")\b",
    re.I,
)
_OF_ITS = re.compile(r"\s*of\s+(?:its|their)\s", re.I)
_OF_GROUP = re.compile(r"\s+(?:of|from|in|with)\s+(?:the\s+)?", re.I)


def _militia(text: str, head: Head | None, after: int) -> tuple[str, str] | None:
    """ "2,000+ militiamen of Liwa Fatemiyoun": a national militia's fighters are its
    country's."""
    if head is None:
        return None
    lead = _OF_GROUP.match(text, after)
    hit = groups_gazetteer().match(text, lead.end()) if lead else None
    if hit is None:
        hit = groups_gazetteer().match(text, head.start + len(head.text) - len(head.text.lstrip()))
    code = group_countries().get(hit.name) if hit is not None else None
    return (code, hit.text) if code is not None and hit is not None else None


# a national militia as the owner of its dead or its men, right before the figure's words
# (`militia-owner`): "Hezbollah's death toll in Syria is about 1,200", "Liwa Fatemiyoun has lost
# more than 2,000 fighters", "Hezbollah fatalities in Syria reached 1,250"
_MILITIA_OWNS = re.compile(
    r"(?:['’]s\b|\s+(?:has\s+|have\s+|had\s+)?(?:lost|buried|mourned|given|sacrificed|"
    r"suffered|sent|deployed|dispatched)\b|\s+(?:fatalities|dead|deaths|death\s+tolls?|losses|martyrs|casualties)\b)",
    re.I,
)
# …but not the people it acts on: "Hezbollah's fighters killed 30 rebels"
_ACTS_ON = re.compile(
    r"(?<!were\s)(?<!been\s)\b(?:killed|kill|kills|killing|shot|captured|executed|detained|"
    r"arrested|took|taken)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _militia_owner(text: str, n: NumberMention, facts: Facts) -> tuple[str, str] | None:
    """The national militia that owns the figure's people, said before it in the clause."""
    countries = group_countries()
    for g in reversed(facts.groups):
        if g.end > n.start or g.name not in countries:
            continue
        between = text[g.end : n.start]
        if (
            not _MILITIA_OWNS.match(text, g.end)
            or len(between) > 90
            or ";" in between
            or _ACTS_ON.search(between)
            or any(g.end <= p.start < n.start and p.code not in ZONE_CODES for p in facts.places)
        ):
            return None
        return countries[g.name], g.text
    return None


# A place after one of these is a helper, a route or a host, not the subject whose people
# "its citizens" are ("with help from the United States, Kazakhstan flew 47 of its citizens").
_OBLIQUE = re.compile(r"\b(?:from|with|by|of|via|through|in|to|at|on|for)\s+(?:the\s+)?$", re.I)


def _owner(n: NumberMention, facts: Facts) -> tuple[str, str] | None:
    text = facts.sentence.text
    before = [
        p
        for p in facts.places
        if p.end <= n.start and (p.code not in ZONE_CODES or _home(p, facts))
    ]
    subjects = [p for p in before if not _OBLIQUE.search(text, max(0, p.start - 12), p.start)]
    if subjects:
        return subjects[-1].code, subjects[-1].text
    if facts.places and facts.places[0].code not in ZONE_CODES:
        return facts.places[0].code, facts.places[0].text
    for g in facts.groups:
        code = group_countries().get(g.name)
        if code is not None and g.start < n.start:
            return code, g.text
    return None


def _home(p: PlaceMention, facts: Facts) -> bool:
    """Iraq in a sentence whose zone is Syria alone is a home, not the zone: "Iraq brought
    back 600 of its citizens from al-Hol"."""
    return facts.zone in ("SYR", "IRQ") and p.code in ("SYR", "IRQ") and p.code != facts.zone


def _usable(text: str, facts: Facts, heads: Sequence[Head], n: NumberMention) -> list[PlaceMention]:
    """Places that may be a figure's origin: not the zone, a route, an attribution's words,
    people a figure does not count ("264 Russian soldiers"), or a modifier ("Moroccan-born")."""
    spans = [(a.start, a.end) for a in facts.attributions]
    spans += [(h.start, h.end) for h in heads if h.excluded]
    spans += [(p.start, p.end) for p in _destinations(text, facts.places)]
    spans += [(p.start, p.end) for p in facts.places if region_route(text, p)]
    spans += [(p.start, p.end) for p in _labels_of_others(text, facts, n)]
    return [
        p
        for p in facts.places
        if p.code not in ZONE_CODES
        and not _TRANSIT.search(text, max(0, p.start - 30), p.start)
        and not destination_regex().search(text, max(0, p.start - 50), p.start)
        and not _MOVED_FROM.search(text, max(0, p.start - 40), p.start)
        and not _PARTICIPLE.match(text, p.end)
        and not _STATE_AFTER.match(text, p.end)
        and not _ACTOR_AFTER.match(text, p.end)
        and not _holds_foreigners(text, p)
        and not _RANKED_AGAINST.search(text, max(0, p.start - 60), p.start)
        and not any(s <= p.start < e for s, e in spans)
        and not TRANSIT_ITS.search(text, p.end, p.end + 120)
        and not _sends_others_away(text, p)
    ]


def _holds_foreigners(text: str, p: PlaceMention) -> bool:
    """ "1,200 foreign fighters were in Turkish prisons and 287 members were recaptured": the
    state that runs the prisons holds foreigners (`holding-state`); not when the people came
    back to it ("Of the foreign fighters in Moroccan custody, 36 were held after coming back")."""
    return (
        _HOLDER_AFTER.match(text, p.end) is not None
        and _FOREIGN_PEOPLE.search(text) is not None
        and _CAME_BACK.search(text) is None
    )


_CAME_BACK = re.compile(
    r"\b(?:returned|returning|returnees?|returns?|(?:came|come|coming|comes)\s+back|"
    r"back\s+home|repatriat\w*)\b",
    re.I,
)


def _sends_others_away(text: str, p: PlaceMention) -> bool:
    """ "Turkey deported 40 people to Iraq", "Turkish authorities have handed over 20": a state
    that moves others' people is not theirs."""
    return any(
        STATE_GAP.fullmatch(text, p.end, m.start())
        for m in sends_others_away_regex().finditer(text, p.end, p.end + 60)
    )


# the countries a ranking sets a figure against: "Morocco trails only Tunisia and Saudi
# Arabia", "the third-largest contingent, after France and Britain", "second only to Tunisia"
_RANKED_AGAINST = re.compile(
    r"\b(?:trails?|trailing|trailed|behind|second\s+only\s+to|ahead\s+of|outranked\s+by|"
    r"surpassed\s+by|exceeded\s+by|after)\s+(?:only\s+)?(?:by\s+)?(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*\s*(?:,\s*|\s+and\s+|\s+)(?:the\s+)?){0,4}$"
)


# A country its people "transit through" is a route, not theirs: "Greece has seen 50 jihadists
# transit through its territory", "Georgia says 300 militants crossed its territory"
TRANSIT_ITS = compile_guarded(
    r"\b(?:transit(?:ed|ing)?|pass(?:ed|ing)?|travell?(?:ed|ing)|crossed|crossing|moved|moving|"
    r"went|gone|came)\s+(?:through|across|via|over)?\s*(?:its|the\s+country['’]s|their)\s+"
    r"(?:own\s+)?(?:territory|soil|airports?|borders?|frontiers?)",
    re.I,
)


def _labels_of_others(text: str, facts: Facts, n: NumberMention) -> list[PlaceMention]:
    """ "Kyrgyzstan returned 79 people, Tajikistan 84 and Uzbekistan 156": a place after the
    figure and right before another number labels that number, not this one ("Britain: 850
    left, 425 back" labels both)."""
    return [
        p
        for p in facts.places
        if p.start >= n.end
        and any(
            m.start != n.start and p.end <= m.start and _LABEL_GAP.fullmatch(text, p.end, m.start)
            for m in facts.numbers
        )
    ]


_TO_ZONE = re.compile(r"\b(?:in|to|into|for)\s+(?:the\s+)?$", re.I)


def _destinations(text: str, places: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Places listed with the zone after "in"/"to": "joined IS in Syria and Afghanistan"."""
    out: list[PlaceMention] = []
    chained = False
    for k, p in enumerate(places):
        prev = places[k - 1] if k else None
        gap = text[prev.end : p.start] + " " if prev is not None else ""
        if p.code in ZONE_CODES:
            listed = chained and _LIST_GAP.fullmatch(gap) is not None
            chained = listed or bool(_TO_ZONE.search(text, max(0, p.start - 12), p.start))
        elif chained and _LIST_GAP.fullmatch(gap):
            out.append(p)
        else:
            chained = False
    return out


# (compiled once: `re`'s own cache costs a look-up at each call)
_LEAD_BREAK = re.compile(r"[,;(]")
_LIST_BREAK = re.compile(r"[,.;:]")
_SUBJECT_BREAK = re.compile(r"[,.;:()]|\b(?:and|while|but|which|who|than)\b")


def _lead_place(text: str, n: NumberMention, pos: int, facts: Facts) -> PlaceMention | None:
    """A place introduced by "from", "of", "left" within the phrase after the number."""
    for p in facts.places:
        if p.start < pos or p.start - pos > 80 or p.code in ZONE_CODES:
            continue
        if (
            _PARTICIPLE.match(text, p.end)
            or region_route(text, p)
            or helper_place(text, p)
            or _MOVED_FROM.search(text, max(pos, p.start - 40), p.start)
            or _brought_from(text, n, p, facts)
        ):
            continue
        if _LEAD_BREAK.search(text[pos : p.start]) or (
            ")" in text[pos : p.start] and within_brackets(text, n.start) is not None
        ):
            return None  # (nor past the brackets a figure stands in: "(35 have come back)")
        if _PARTITIVE_BASE.search(text, max(0, n.start - 12), n.start) and _COPULA.search(
            text, pos, p.start
        ):
            return None  # "1,500 of the 5,000 fighters were from Europe": the part's origin
        if _GAPPED_TO.fullmatch(text, pos, p.start) and _RETURN_TO.search(text, 0, n.start):
            return p  # "400 have returned to Britain and around 300 to France"
        if _LEAD.search(text, max(pos, p.start - 30), p.start):
            if _with_the_zone(text, p, facts.places):
                continue  # "repatriated from Libya and Syria": where they were, not whose
            return p
    return None


_AND_ITS_REGION = re.compile(
    r"\s*(?:,\s*)?(?:and|or|as\s+well\s+as)\s+(?:the\s+)?"
    r"(?:wider\s+|rest\s+of\s+(?:the\s+)?|other\s+)?$",
    re.I,
)


def _with_its_region(text: str, n: NumberMention, pos: int, facts: Facts) -> tuple[str, str] | None:
    """ "5,000 fighters from Russia and the former Soviet Union", "from Tunisia and the wider
    Maghreb": a country named with a region that holds it is counted in the region's figure."""
    country = _lead_place(text, n, pos, facts)
    if country is None or is_region(country.code):
        return None
    region = next((p for p in facts.places if p.start >= country.end), None)
    if (
        region is None
        or not is_region(region.code)
        or region.code == "world"
        or _AND_ITS_REGION.fullmatch(text[country.end : region.start] + " ") is None
        or country.code not in region_members(region.code)
    ):
        return None
    return region.code, text[country.start : region.end]


# the whole of a partitive ("1,500 of the 5,000 fighters …") and a verb after it: what
# follows the verb is said of the part, the sentence's subject
_PARTITIVE_BASE = re.compile(r"\bof\s+(?:the|these|those|all|some)\s+$", re.I)
_COPULA = re.compile(r"\b(?:were|was|are|is|came|come|hail(?:ed)?|originated?)\b", re.I)


# "90 others had been deported from Turkey", "returned from Libya": the country people were
# sent or came back from is where they were, not whose people they are
_MOVED_FROM = compile_guarded(
    r"\b(?:returned|returning|came\s+back|come\s+back|deported|expelled|extradited|"
    r"repatriated|brought\s+(?:back|home)|sent\s+(?:back|home)|flown\s+(?:back|home)|"
    r"evacuated|fled|escaped)\s+(?:back\s+|home\s+)?from\s+(?:the\s+)?$",
    re.I,
)


_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)


def _brought_from(text: str, n: NumberMention, p: PlaceMention, facts: Facts) -> bool:
    """ "Tunisia repatriates six orphans of IS parents from Libya", "received six children from
    the Libyan authorities": after a verb of return before the figure, the country after "from"
    is where the people were or who handed them over, not whose people they are (rule
    `brought-from-where-they-were`)."""
    if not _FROM.search(text, max(0, p.start - 10), p.start):
        return False
    before = [c for c in facts.cues if c.end <= n.start and not c.stock]
    return bool(before) and before[-1].flow is Flow.RETURNED and not before[-1].blocked


def helper_place(text: str, p: PlaceMention) -> bool:
    """ "with the help of the United States", "in cooperation with Turkey": a country that
    helped the people's movement, not theirs."""
    return bool(helper_country_regex().search(text, max(0, p.start - 50), p.start))


def region_route(text: str, p: PlaceMention) -> bool:
    """ "returned from the countries of the Middle East", "went to fight in the Middle East":
    a region the people moved from or to is where they were, not whose they are."""
    return (
        is_region(p.code)
        and p.code != "world"
        and bool(region_route_regex().search(text, max(0, p.start - 60), p.start))
    )


def _with_the_zone(text: str, p: PlaceMention, places: Sequence[PlaceMention]) -> bool:
    later = [q for q in places if q.start >= p.end]
    return (
        bool(later)
        and later[0].code in ZONE_CODES
        and bool(_LIST_GAP.fullmatch(text[p.end : later[0].start] + " "))
    )


def _paren_place(text: str, n: NumberMention, pos: int, facts: Facts) -> PlaceMention | None:
    if not inside_parens(text, n):
        return None
    open_paren = text.rfind("(", 0, n.start)
    before = [p for p in facts.places if p.end <= open_paren and open_paren - p.end <= 2]
    return before[-1] if before else None


# ("France 300", "Tunisia: 3,000"; a few characters at most)
_LABEL_GAP = re.compile(r"(?=[\s:]{0,3}$)\s*:?\s*")
_LABEL_END = re.compile(r"\s*(?:[,;.)]|$|\band\b)")
_RANKED_GAP = re.compile(r",?\s+(?:[\w-]+\s+){0,4}?with\s+", re.I)


# "...; France, 250; Germany, at least 200": an item of a list after a semicolon or colon
_ITEM_GAP = re.compile(r"\s*,\s*")
# (also the last item of a ranking: "Next come Saudi Arabia, with 2,500, and Jordan, 2,000")
_ITEM_START = re.compile(r"(?:[;:]\s*(?:and\s+)?|,\s+and\s+)(?:the\s+)?$", re.I)


def _labelled_place(text: str, n: NumberMention, facts: Facts) -> PlaceMention | None:
    """ "by country: France 300, Britain 400": a list of places, each labelling its number."""
    if not _LABEL_END.match(text, n.end):
        return None
    labelled = _place_before(text, n, facts, _LABEL_GAP)
    if labelled is None:
        item = _place_before(text, n, facts, _ITEM_GAP)
        if item is not None and _ITEM_START.search(text, max(0, item.start - 12), item.start):
            return item
    return labelled


# "France accounts for 1,900, Germany for 960 and Britain for 850": a share of a whole given
# to each country, the verb said once
_ACCOUNTS_GAP = re.compile(
    r"\s+(?:(?:alone|itself|by\s+itself|now)\s+)?(?:accounts?|accounted|accounting)\s+for\s+", re.I
)
_GAPPED_FOR = re.compile(r"\s+(?:alone\s+)?for\s+", re.I)
_ACCOUNTS = compile_guarded(r"\baccount(?:s|ed|ing)?\s+for\b", re.I)


def _accounting_place(text: str, n: NumberMention, facts: Facts) -> PlaceMention | None:
    """ "France accounts for 1,900, Germany for 960": the country before "accounts for" or,
    the verb gapped, before "for"."""
    said = _place_before(text, n, facts, _ACCOUNTS_GAP)
    if said is not None or not _ACCOUNTS.search(text, 0, n.start):
        return said
    return _place_before(text, n, facts, _GAPPED_FOR)


_WITH_OPENER = re.compile(r"\s*(?:[\w-]+\s+)?with\s+$", re.I)
_SUBJECT_AFTER_COMMA = re.compile(r",\s*(?:the\s+)?$", re.I)


def _opening_with(text: str, n: NumberMention, facts: Facts) -> PlaceMention | None:
    """ "With 1,200 citizens in the ranks of ISIS, Morocco trails only Tunisia": the subject
    after the opening phrase has the number."""
    if not _WITH_OPENER.fullmatch(text, 0, n.start):
        return None
    comma = text.find(",", n.end)
    if comma < 0:
        return None
    after = [
        p
        for p in facts.places
        if p.start > comma and _SUBJECT_AFTER_COMMA.search(text, comma, p.start)
    ]
    return after[0] if after and after[0].code not in ZONE_CODES else None


# "…, except Kazakhstan, which brought back 600": the country a relative clause is said of
# (never a state that deports, holds or arrests others' people: "Turkey, which has deported
# 5,000 suspected foreign fighters")
_RELATIVE_GAP = re.compile(
    r"\s*,\s*(?:which|who)\s+"
    r"(?!(?:[\w-]+\s+){0,2}(?:deport|expel|extradit|arrest|detain|host|hold|held|captur|jail|"
    r"imprison|house|kill))(?:[\w-]+\s+){1,4}",
    re.I,
)


def _relative_subject(text: str, n: NumberMention, facts: Facts) -> PlaceMention | None:
    return _place_before(text, n, facts, _RELATIVE_GAP)


def _ranked_place(text: str, n: NumberMention, facts: Facts) -> PlaceMention | None:
    """ "Tunisia heads the list with some 6,000, followed by Saudi Arabia with 2,500":
    the place a ranking gives the number to."""
    return _place_before(text, n, facts, _RANKED_GAP)


def _place_before(
    text: str, n: NumberMention, facts: Facts, gap: re.Pattern[str]
) -> PlaceMention | None:
    """The last place (not the zone) before the number with just `gap` between them."""
    before = [
        p
        for p in facts.places
        if p.end <= n.start and p.code not in ZONE_CODES and gap.fullmatch(text, p.end, n.start)
    ]
    return before[-1] if before else None


def _possessive_place(text: str, n: NumberMention, pos: int, facts: Facts) -> PlaceMention | None:
    """ "Western Europe's estimated 5,000": the owner named just before the number."""
    m = _POSSESSIVE.search(text, max(0, n.start - 24), n.start)
    if m is None:
        return None
    owner = [p for p in facts.places if p.end == m.start()]
    return owner[0] if owner else None


# "…, compared with around 760 in Germany and 271 in Austria", "against 300 in Sweden": the
# items a figure is compared with count the same people, in another country
_COMPARISON = re.compile(
    r"\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|against|versus|vs\.?|"
    r"as\s+against|ahead\s+of|behind|(?:more|fewer|less|higher|lower|larger|smaller)\s+than|"
    r"compared\s+to)\b[^.;:()]{0,80}$",
    re.I,
)
_IN_A_PLACE_NEXT = re.compile(r"\s+(?:in|from)\s+(?:the\s+)?(?=[A-Z])")


# ... an item without a verb of its own ("compared with 2 million in Sweden who are Muslims",
# "30 in Antwerp were arrested" are no items)
_COMPARED_ITEM = re.compile(
    r"\s+(?:in|from)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,3}"
    r"\s*(?:[,.;)]|and\b|or\b|$)"
)


def compared_item(text: str, n: NumberMention) -> bool:
    """A bare number a figure is compared with, followed by its place ("against 300 in
    Sweden")."""
    return bool(
        _COMPARED_ITEM.match(text, n.end)
        and _COMPARISON.search(text, max(0, n.start - 100), n.start)
    )


def _compared_place(
    text: str, n: NumberMention, facts: Facts, head_of_its_own: bool
) -> PlaceMention | None:
    """ "…, compared with around 760 in Germany": the place right after the compared number."""
    if head_of_its_own or not compared_item(text, n):
        return None
    m = _IN_A_PLACE_NEXT.match(text, n.end)
    after = [p for p in facts.places if m is not None and p.start == m.end()]
    return after[0] if after and after[0].code not in ZONE_CODES else None


# "Tunisia provided the largest contingent of foreign fighters, some 6,000": the size of a
# country's contingent set off by a comma after it
CONTINGENT_OF = compile_guarded(
    r"\b(?:contingents?|groups?|numbers?|share|pool|source|body|number)\s+of\s+"
    r"(?:[\w-]+\s+){0,3}?(?:fighters|jihadists|militants|recruits|volunteers|mujahideen)"
    r"(?:\s+(?:in|to|for|of)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?\s*[,—–(]\s*$",
    re.I,
)
# the contingent's owner, the clause's subject: "Tunisia provided the largest contingent …"
_OWNER_GAP = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+){1,4}")


def _contingent_owner(text: str, n: NumberMention, facts: Facts) -> PlaceMention | None:
    """ "Tunisia provided the largest contingent of foreign fighters, some 6,000": the
    country whose contingent the number sizes, not a place compared after it."""
    m = CONTINGENT_OF.search(text, max(0, n.start - 120), n.start)
    if m is None:
        return None
    before = [
        p
        for p in facts.places
        if p.end <= m.start()
        and p.code not in ZONE_CODES
        and _OWNER_GAP.fullmatch(text, p.end, m.start())
        and (p.start == 0 or text[: p.start].rstrip().endswith((",", ":", ";")))
    ]
    return before[-1] if before else None


def inside_parens(text: str, n: NumberMention) -> bool:
    return text[: n.start].rstrip().endswith("(") and text[n.end :].lstrip().startswith(")")


def _opening_place(text: str, usable: list[PlaceMention]) -> PlaceMention | None:
    """A country that opens the sentence as its subject ("Turkmenistan, the most closed ...,
    is thought to have seen 400 leave")."""
    first = usable[0] if usable else None
    if first is None or first.form is not PlaceForm.NAME or text[: first.start].strip():
        return None
    return first if _OPENING_NEXT.match(text, first.end) else None


def _subject_place(
    text: str, clause: tuple[int, int], n: NumberMention, usable: list[PlaceMention]
) -> PlaceMention | None:
    """For a number standing alone ("six were killed"): the place of the clause's people,
    "Macedonian citizens" or "foreign fighters linked to Italy"."""
    demonyms = [p for p in usable if p.form in _PEOPLE_FORMS and clause[0] <= p.start < n.start]
    words = [w for w in people_words(text) if clause[0] <= w.start < n.start and not w.excluded]
    if demonyms and (not words or demonyms[0].start < words[0].start):
        return demonyms[0]  # "the number of Britons at between 500 and 600"
    if not words:
        return None
    first = words[0]
    for p in usable:
        if p.end <= first.start and not text[p.end : first.start].strip():
            return p
        if first.end <= p.start < n.start and p.start - first.end <= 40:
            return p
        if p.start <= first.start < p.end:
            return p
    return None


def _widen(p: PlaceMention, facts: Facts) -> tuple[str, str]:
    """A place that is one of a list of three or more countries stands for the region they
    make up ("Albania, Bosnia and Herzegovina, Kosovo, Montenegro and Macedonia")."""
    members = _list_around(p, facts.places, facts.sentence.text)
    codes = {m.code for m in members}
    if len(codes) < 3:
        return p.code, p.text
    for slug in list_regions():
        if codes <= region_members(slug):
            start, end = members[0].start, members[-1].end
            return slug, facts.sentence.text[start:end]
    return p.code, p.text


# "Finland and Norway each saw about 100 leave", "the US and Canada together account for 300",
# "Canada and the US are each thought to have produced", "Norway and Denmark have both seen",
# "Belgium and the Netherlands between them account for 700", "Norway and Finland, each with
# about 80 citizens in Syria"
_LIST_WORD = re.compile(
    r",?\s+(?:(?:are|were|is|was|have|has|had|would|will|may|might|could|also)\s+){0,2}"
    r"(?P<word>each|both|together|combined|jointly|between\s+them)\b",
    re.I,
)
# "Canada and the US sent about 300 fighters each": the word after the figure and its noun
_EACH_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?P<word>each|apiece)\b", re.I)


def listed_places(facts: Facts, n: NumberMention) -> tuple[str, list[PlaceMention]] | None:
    """The countries a figure is given for at once, and how: ("each", [FIN, NOR]) or
    ("together", [USA, CAN]); None when the figure is no such list's."""
    text = facts.sentence.text
    each_from = _EACH_FROM.match(text, n.end)
    if each_from is not None:
        # "…, and 500 each from Kazakhstan and Kyrgyzstan": the list after the figure's "each"
        first = next((p for p in facts.places if p.start == each_from.end()), None)
        if first is not None and first.code not in ZONE_CODES:
            members = _list_around(first, facts.places, text)
            if len(members) >= 2:
                return "each", members
    from_list = _FROM_A_LIST.match(text, n.end)
    if from_list is not None:
        # "600 fighters from the United Kingdom and Germany each": "each" closes the list
        at = from_list.end()
        first = next(
            (
                p
                for p in facts.places
                if p.start >= at and text[at : p.start].lower() in ("", "the ")
            ),
            None,
        )
        if first is not None and first.code not in ZONE_CODES:
            members = _list_around(first, facts.places, text)
            if len(members) >= 2 and _EACH_CLOSES.match(text, members[-1].end):
                return "each", members
    # (Iraq too, as one of the states of a list: "Jordan, Lebanon and Iraq have each
    # repatriated dozens")
    before = [
        p
        for p in facts.places
        if p.end <= n.start and (p.code not in ZONE_CODES or p.form is PlaceForm.NAME)
    ]
    if not before:
        return None
    last = before[-1]
    m = _LIST_WORD.match(text, last.end)
    if m is None or m.end() > n.start or _LIST_BREAK.search(text[m.end() : n.start]):
        m = _each_after(text, last, n)
        if m is None:
            return None
    members = _list_around(last, facts.places, text, zone=True)
    if len(members) < 2 or all(p.code in ZONE_CODES for p in members):
        return None
    word = m.group("word").lower()
    return ("each" if word in ("each", "both", "apiece") else "together"), members


# "500 each from Kazakhstan and Kyrgyzstan", "about 100 fighters apiece from Norway and Denmark"
# (rule `each-from-a-list`)
_EACH_FROM = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:each|apiece)\s+(?:from|of|in)\s+(?:the\s+)?", re.I
)


# "600 fighters came from the United Kingdom and Germany each" (rule `each-of-a-list`)
_FROM_A_LIST = re.compile(r"(?:\s+[\w-]+){0,4}?\s+(?:from|of)\s+", re.I)
_EACH_CLOSES = re.compile(r"\s+(?:each|apiece)\b", re.I)


def _each_after(text: str, last: PlaceMention, n: NumberMention) -> re.Match[str] | None:
    """ "Canada and the US sent about 300 fighters each": the list is the clause's subject
    (only a verb between it and the figure) and "each" closes the figure's noun."""
    between = text[last.end : n.start]
    if _SUBJECT_BREAK.search(between) or len(between) > 60:
        return None
    return _EACH_AFTER.match(text, n.end)


# "a quarter of the fighters from Denmark, Norway and Sweden": how far after the share (or its
# noun) the list of countries whose people it measures may begin
_SHARE_LIST_REACH = 60
_OF_FROM = re.compile(r"\b(?:from|of|left)\s+(?:the\s+)?$", re.I)


def share_origins(facts: Facts, n: NumberMention, start: int) -> list[PlaceMention]:
    """The countries a share is said of at once ("between 10 and 15 % of the fighters from
    France, Belgium and Germany have returned"): a proportion of each one's people, so each
    one's share (`share-of-each-listed`); [] when the share names no such list. (A count said
    of several countries is a joint figure and stays theirs together: `joint_origin`.)"""
    if n.kind is not NumberKind.SHARE:
        return []
    text = facts.sentence.text
    countries = [
        p
        for p in facts.places
        if start <= p.start <= start + _SHARE_LIST_REACH
        and p.code not in ZONE_CODES
        and p.form is not PlaceForm.REGION
        and not is_region(p.code)
    ]
    if not countries or _OF_FROM.search(text, start, countries[0].start) is None:
        return []
    members = _list_around(countries[0], facts.places, text)
    unique = list({m.code: m for m in members}.values())
    return unique if len(unique) >= 2 else []


def several_origins(p: PlaceMention, facts: Facts) -> bool:
    """ "30 fighters from Eritrea, Ghana, Kenya, Mali and Sudan": a list of three or more
    countries that no region of the data holds is a group of several countries, none of
    whose figure it is (a list a region holds is that region: `_widen`)."""
    members = _list_around(p, facts.places, facts.sentence.text)
    return len({m.code for m in members}) >= 3 and _widen(p, facts)[0] == p.code


def region_of(codes: frozenset[str]) -> str | None:
    """The region whose members are exactly these countries ({USA, CAN} → north-america)."""
    return next((slug for slug in list_regions() if region_members(slug) == codes), None)


def _list_around(
    p: PlaceMention, places: Sequence[PlaceMention], text: str, zone: bool = False
) -> list[PlaceMention]:
    countries = [
        q
        for q in places
        if q.form is not PlaceForm.REGION
        and (q.code not in ZONE_CODES or (zone and q.form is PlaceForm.NAME))
    ]
    if p not in countries:
        return [p]
    i = countries.index(p)
    lo = hi = i
    while lo > 0 and _LIST_GAP.fullmatch(text[countries[lo - 1].end : countries[lo].start] + " "):
        lo -= 1
    while hi + 1 < len(countries) and _LIST_GAP.fullmatch(
        text[countries[hi].end : countries[hi + 1].start] + " "
    ):
        hi += 1
    return countries[lo : hi + 1]

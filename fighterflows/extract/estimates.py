"""Assemble the figures of one sentence: each count or share of people gets its population,
place, flow, qualifier, dates, group and zone. Attribution and references to other sentences
are settled per document (see document.py), which passes in what it knows as `Context`.
"""

from __future__ import annotations

import re

from fighterflows.extract.choosing import (
    AMONG,
    OF_THOSE_WHO,
    Figure,
    choose_cue,
    composition_population,
    inherited_flow,
    segment_end,
    segment_start,
)
from fighterflows.extract.dates import as_of_for, since_for
from fighterflows.extract.drafts import Context, Draft
from fighterflows.extract.facts import Facts
from fighterflows.extract.flows import Cue, is_blocked
from fighterflows.extract.groups import find_zone, nearest_group
from fighterflows.extract.lexicon import excluded_regex, flow_regex
from fighterflows.extract.numbers import NumberKind, NumberMention
from fighterflows.extract.places import is_region
from fighterflows.extract.placing import ZONE_CODES, inside_parens, place_of
from fighterflows.extract.populations import Head, head_after, people_words, predicate_population
from fighterflows.extract.sources import nearest_attribution
from fighterflows.model import Flow, Kind, Population, Qualifier

_PARTITIVE = re.compile(r"\s*(?:,\s*)?(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|an?\s+)?", re.I)
_BARE_NEXT = re.compile(
    r"\s*(?:of\s+(?:whom|them|these|those)\b|from\s+(?:the\s+)?[A-Z]|(?:more\s+)?"
    r"(?:are|were|is|was|have|has|had|died|returned|remain|left|went|travell?ed|fought|joined"
    r"|come|came|back|out|who|that|said|believed|thought|reported|estimated|leave|return|die)\b"
    r"|\))",
    re.I,
)
_BARE_END = re.compile(
    r"\s*(?:[;,.)]|$|and\b|while\b|but\b|(?:in|by|as\s+of|since|until|from)\s+(?:\w+\s+)?"
    r"(?:19|20)\d\d\b)",
    re.I,
)
_COUNT_ANAPHOR = re.compile(
    r"\b(?:put|puts|putting|estimated?)\s+(?:it|the\s+figure|the\s+number|the\s+total)\s+at\s+$",
    re.I,
)
_ANAPHOR = re.compile(
    r"\b(?:the|that|this)\s+(?:number|figure|share|proportion|percentage|rate)\b", re.I
)
_FIGHTER_HEAD = re.compile(r"fighter|jihadi|militia|militant|mujahideen|volunteer|recruit", re.I)
# "seven returnees among the 129 Americans": a part of the figure after it
_AMONG_THE = re.compile(r"\s+(?:[\w-]+\s+){1,2}among\s+(?:the|these|those)\s+", re.I)
_TOWN = re.compile(
    r"^[^.;]{0,30}?\b(?:from|in)\s+the\s+(?:town|city|village|district|province|municipality|"
    r"neighbou?rhood|suburb)s?\s+of\s+[A-Z]"
)
_FROM_NAME = re.compile(
    r"^\s+(?:who\s+|that\s+)?(?:had\s+|have\s+|has\s+)?(?:travell?ed|came|went|left|departed)"
    r"\s+from\s+(?P<name>[A-Z][\w'’-]+)\b"
)
_SUSPECTS = re.compile(
    r"\b(?:suspected|suspicion|accused)\s+of\s+(?!(?:having\s+)?(?:joined|fought|travell?ed|"
    r"gone|been\s+(?:in|with|a\s+member)))|\binvolved\s+in\s+(?:a|the)\s+(?:\w+\s+)?(?:network|"
    r"cell|plot|recruitment)|\bfor\s+(?:[\w-]+[-\s])?related\s+(?:connections|links|activities|"
    r"offences|offenses)",
    re.I,
)
_AT_HOME = re.compile(r"\s+(?:living\s+|based\s+|residing\s+)?in\s+", re.I)
_CHANGE_TO = re.compile(
    r"\b(?:ris(?:e|es|ing|en)|rose|gr(?:ew|own|owing|ows)|increas(?:ed|ing|es)|climb(?:ed|ing|s)|"
    r"jump(?:ed|ing|s)|fell|fall(?:en|ing|s)|dropp(?:ed|ing)|declin(?:ed|ing|es)|swell(?:ed|ing))"
    r"\s+to\s+$",
    re.I,
)
_SIBLING = re.compile(r"\s+[\w-]+(?:\s+[\w-]+)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)", re.I)
_OF_THEM = re.compile(r"\s+of\s+(?:them|these|those|the\s+total|that\s+total)\b", re.I)
_OF_WHOM = re.compile(r"\bof\s+(?:whom|which|these|those|them)\s+$", re.I)
_ACCUSED = re.compile(
    r"\s+(?:suspected|accused|charged\s+with|linked\s+to\s+(?:recruit|terror|attack|plot))", re.I
)
_THAT_YEAR = re.compile(r"\b(?:that|the\s+same)\s+year\b", re.I)
_INCLUDING = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+which)\s+$", re.I)
_SHARE_SUBJECT = re.compile(r"\s+(?:have|has|had|are|were|is|was)\b", re.I)
_OF_DEFINITE = re.compile(r"\s*of\s+(?:the|these|those)\s", re.I)
_WHICH = re.compile(r"\bof\s+(?:which|whom)\s+$", re.I)
_SAMPLE = re.compile(
    r"\b(?:study|analysis|survey|sample|interviews?|poll|profiles?)\s+(?:of|with|among)\s+$", re.I
)
_AGE = re.compile(r"\b(?:turned|aged|age\s+of|ages\s+of|aged\s+between)\s+$", re.I)
_EXTREME_AGE = re.compile(
    r"\b(?:youngest|oldest)\b[^.;]{0,80}\b(?:was|were|is|are|being)\s+(?:just\s+|only\s+|aged\s+)?$",
    re.I,
)
_FEW_COUNTRIES = re.compile(
    r"\b(?:from|by|in)\s+(?:just\s+|only\s+)?(?:two|three|four|five|six|seven|eight|nine|[2-9])"
    r"\s+(?:[A-Z][\w-]*\s+){0,2}(?:other\s+)?countries\b"
)
_AND = re.compile(r"\s+(?:and|or|&)\s+", re.I)
_COORDINATED = re.compile(r"\s+(?:and|or|&)\s+(?:[\w-]+\s+)?", re.I)
_NOT_MOVING = re.compile(
    r"\b(?:displacement|evacuation|evacuated|displaced|wounded|injured)\s+(?:of\s+)?$"
    r"|\b(?:investigations?|inquiries|proceedings|cases)\s+(?:against|into)\s+(?:some\s+|about\s+|"
    r"more\s+than\s+|over\s+|nearly\s+|almost\s+|around\s+)?$",
    re.I,
)
_TOPIC_WORDS = re.compile(
    r"\bforeign[ -]fighters?\b|\bjihadists?\b|\breturnees\b|\bconflict\s+zone\b|\bwar\s+zone\b"
    r"|\bthe\s+conflict\b|\bcaliphate\b",
    re.I,
)
_TRAVEL = frozenset({Flow.DEPARTED, Flow.RETURNED, Flow.REMAINING})
_FOREIGN_WORD = re.compile(r"\bforeign", re.I)
_RATE = re.compile(r"\s*(?:a|per|each|every)\s+(?:day|week|month|year)\b", re.I)
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_UNCERTAIN = re.compile(r"\b(?:potential|would-be|aspiring|suspected|alleged|possible)\b", re.I)
_NAMED_PEOPLE = re.compile(r"[^.;]{0,12}\b\d{1,2}-year-old\b")
_NUMBER_BLOCK = re.compile(
    r"\b(?:threaten(?:s|ed)?\s+to|plan(?:s|ned)?\s+to|want(?:s|ed)?\s+to|expected\s+to|will|"
    r"would|could|if)\b[^,;.]{0,30}$",
    re.I,
)


def assemble(facts: Facts, context: Context) -> list[Draft]:
    """The drafts of one sentence, in order."""
    figures = _figures(facts)
    used: dict[int, Cue] = {}
    made: dict[int, Draft] = {}
    # Bases first: "7 out of the 129 who left ... are back" needs 129's cue to find 7's.
    for i in sorted(range(len(figures)), key=lambda i: figures[i].base_of is not None):
        draft = _draft(facts, figures, i, used, context, made)
        if draft is not None:
            made[i] = draft
    drafts: list[Draft] = []
    for i in sorted(made):
        base_i = figures[i].base_of
        if base_i is not None and base_i in made:
            made[i].base_draft = made[base_i]
            if made[i].kind is Kind.SHARE:
                # a share of a base in the same sentence counts the base's people
                made[i].place, made[i].place_text = made[base_i].place, made[base_i].place_text
        elif made[i].kind is Kind.SHARE and _OF_WHOM.search(
            facts.sentence.text, 0, figures[i].number.start
        ):
            base = _last_count(drafts, context)
            made[i].base_draft = base
            if base is not None and base in drafts:
                made[i].place, made[i].place_text = base.place, base.place_text
        elif made[i].kind is Kind.SHARE and not _has_base(
            facts.sentence.text, figures[i], context, drafts
        ):
            continue  # a share of nothing the text gives ("3.2 per cent of respondents")
        elif made[i].kind is Kind.SHARE and (
            _OF_THEM.match(facts.sentence.text, figures[i].number.end)
            or _SHARE_SUBJECT.match(facts.sentence.text, figures[i].number.end)
        ):
            base = _last_count(drafts, context)
            made[i].base_draft = base
            if base is not None and base in drafts:
                made[i].place, made[i].place_text = base.place, base.place_text
        _by_group(facts, figures[i], made[i])
        drafts.append(made[i])
    _remaining_against_departures(drafts)
    _respectively(facts, drafts)
    return drafts


_BY_GROUP = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:have\s+|has\s+|had\s+)?(?:joined|are\s+members\s+of|were\s+members\s+of|"
    r"belong(?:ed)?\s+to|fight\s+for|fought\s+for)\b",
    re.I,
)


def _by_group(facts: Facts, fig: Figure, draft: Draft) -> None:
    """ "three quarters are members of ISIL; the remaining quarter have joined al-Qaeda
    affiliates": a share of counted people by the group they are in did what they did."""
    base = draft.base_draft
    if draft.kind is not Kind.SHARE or base is None or not facts.groups:
        return
    if _BY_GROUP.match(facts.sentence.text, fig.number.end):
        draft.flow = base.flow


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def _respectively(facts: Facts, drafts: list[Draft]) -> None:
    """ "200 and 150 fighters came back to Denmark and Norway, respectively": the figures
    take the places listed after them, in order."""
    word = _RESPECTIVELY.search(facts.sentence.text)
    if word is None or len(drafts) < 2:
        return
    shift = facts.sentence.start
    first, last = min(d.start for d in drafts) - shift, max(d.end for d in drafts) - shift
    usable = [p for p in facts.places if p.code not in ZONE_CODES]
    places = [p for p in usable if last <= p.start < word.start()]
    if len(places) != len(drafts):
        places = [p for p in usable if p.end <= first]  # "France and Germany saw 1,900 and 960"
    if len(places) != len(drafts):
        return
    for d, p in zip(drafts, places, strict=True):
        d.place, d.place_text = p.code, p.text


def _remaining_against_departures(drafts: list[Draft]) -> None:
    """ "50-100 Australians fighting in the country, with ... about 200 fighters": a stock set
    against a larger number who went is the number still there (the contract's rule)."""
    for d in drafts:
        if not d.stock or d.flow is not Flow.DEPARTED or d.kind is not Kind.COUNT:
            continue
        mine = _top(d)
        larger = [
            e
            for e in drafts
            if e is not d
            and e.place == d.place
            and e.flow is Flow.DEPARTED
            and e.kind is Kind.COUNT
            and not e.continues
            and mine is not None
            and (_top(e) or 0) > mine
        ]
        if larger and d.start < larger[0].start:
            d.flow = Flow.REMAINING


def _top(d: Draft) -> float | None:
    n = d.number
    return n.value if n.value is not None else n.high if n.high is not None else n.low


def _has_base(text: str, fig: Figure, context: Context, earlier: list[Draft]) -> bool:
    """A share with something to be a share of: "the figure", "of them", "of those who left"."""
    end = fig.number.end
    if _ANAPHOR.search(text):
        return True
    if _SHARE_SUBJECT.match(text, end):
        return True  # "...; about a third have returned": a share of the figure before
    return bool((context.previous or earlier) and _OF_THEM.match(text, end)) or bool(
        OF_THOSE_WHO.match(text, end)
    )


def _last_count(drafts: list[Draft], context: Context) -> Draft | None:
    counts = [d for d in [*context.previous, *drafts] if d.kind is Kind.COUNT]
    return counts[-1] if counts else None


def _figures(facts: Facts) -> list[Figure]:
    text = facts.sentence.text
    numbers = facts.numbers
    out: list[Figure] = []
    for i, n in enumerate(numbers):
        base_of = None
        between = text[n.end : numbers[i + 1].start] if i + 1 < len(numbers) else ""
        if between and (
            _PARTITIVE.fullmatch(between)
            or AMONG.fullmatch(between)
            or _AMONG_THE.fullmatch(between)
        ):
            base_of = i + 1
        # "thousands of Lebanese", "a handful of Japanese": word quantities take an "of"
        wordy = n.qualifier is Qualifier.VAGUE or n.text[-1:].isalpha()
        head = head_after(text, n.end, facts.places, wordy)
        out.append(Figure(n, head, base_of))
    return out


def _draft(
    facts: Facts,
    figures: list[Figure],
    i: int,
    used: dict[int, Cue],
    context: Context,
    made: dict[int, Draft],
) -> Draft | None:
    fig = figures[i]
    n = fig.number
    text = facts.sentence.text
    head = fig.head if fig.base_of is None or fig.head is not None else figures[fig.base_of].head
    if _skipped(text, n, head):
        return None
    population, population_text = _population(text, n, head)
    if population is None:
        return None
    cue = choose_cue(facts, figures, i, used)
    if (
        cue is not None and cue.blocked and not _zero_negates(text, n, cue)
    ) or _NUMBER_BLOCK.search(text, 0, n.start):
        return None
    if cue is None and _WHICH.search(text, max(0, n.start - 12), n.start):
        return None  # "41 supporters ..., of which 5 had key positions": a part, no flow of its own
    if _INCLUDING.search(text, max(0, n.start - 24), n.start) and (
        cue is None or cue.stock or cue.start < n.start
    ):
        # "110 citizens, including 74 children, from camps in Syria": a part of the figure
        # before takes its flow
        cue = None
    if (cue is None or cue.stock) and _at_home(text, head, facts):
        return None  # "about 100 female jihadists in the Netherlands": at home, no flow
    flow = cue.flow if cue is not None else inherited_flow(i, used)
    # A figure that takes its flow from an earlier one is about what that one was about.
    referred = cue is None and flow is not None
    if flow is None:
        flow = _default_flow(text, n, head, facts, context)
        referred = flow is not None and _refers_back(text, n, head)
    if flow is None:
        return None
    clause = (segment_start(text, figures, i), segment_end(text, figures, i))
    heads = [f.head for f in figures if f.head is not None]
    stated = place_of(text, n, head, facts, clause, heads)
    if _from_a_town(text, n, head, facts, stated is None) or _sample_part(text, figures, i):
        return None
    if _joint(text, head, facts) or _FEW_COUNTRIES.search(text, n.end, clause[1]):
        # "1,000 Kosovars and Albanians", "3,700 produced by just four countries": one
        # figure for a few countries is none of theirs
        return None
    if flow is Flow.DETAINED and _SUSPECTS.search(text, n.end, clause[1]):
        return None  # people arrested at home for helping others go, not fighters
    if not referred and not _relevant(text, head, facts, context, cue, stated is not None):
        return None
    place = (
        stated
        or _whole(text, n, head, made, i)
        or _base_place(fig, made)
        or _continued(text, n, made, i)
        or _share_of_earlier(text, n, made, i)
        or _speaker(facts)
        or _carried(context, head, cue, facts, flow)
    )
    if place is None:
        return None
    code, place_text = place
    zone = _zone_without(text, head, facts)
    if _local(code, zone) or (head is not None and head.local and code in ZONE_CODES):
        return None
    used[i] = cue if cue is not None else Cue(n.start, n.end, "", flow, True, False)
    draft = _make(facts, n, population, population_text, code, place_text, flow, context)
    draft.stock = cue is None or cue.stock
    draft.continues = _CHANGE_TO.search(text, max(0, n.start - 30), n.start) is not None
    return draft


def _make(
    facts: Facts,
    n: NumberMention,
    population: Population,
    population_text: str | None,
    code: str,
    place_text: str,
    flow: Flow,
    context: Context,
) -> Draft:
    shift = facts.sentence.start
    return Draft(
        start=shift + n.start,
        end=shift + n.end,
        number=n,
        sentence_start=shift,
        sentence_end=facts.sentence.end,
        kind=Kind.SHARE if n.kind is NumberKind.SHARE else Kind.COUNT,
        population=population,
        population_text=population_text,
        place=code,
        place_text=place_text,
        flow=flow,
        attribution=nearest_attribution(facts.attributions, n.start),
        as_of=as_of_for(list(facts.dates), n.start, n.end) or _carried_date(facts, context),
        since=since_for(list(facts.dates)),
        zone=facts.zone,
        group=nearest_group(list(facts.groups), n.start),
        paragraph=facts.sentence.paragraph,
    )


def _carried_date(facts: Facts, context: Context) -> str | None:
    """The previous sentence's date; "that year" keeps only its year."""
    carried = context.carried_as_of
    if carried and _THAT_YEAR.search(facts.sentence.text):
        return carried[:4]
    return carried


def _skipped(text: str, n: NumberMention, head: Head | None) -> bool:
    """Numbers that are not counts of foreign fighters, whatever the rest of the sentence says."""
    if n.kind is NumberKind.SHARE and n.value is not None and n.value > 1:
        return True  # "a 300% increase"
    if _NOT_MOVING.search(text, max(0, n.start - 30), n.start):
        return True  # "the displacement of over 300,000 people"
    if _AGE.search(text, max(0, n.start - 20), n.start) or _EXTREME_AGE.search(
        text, max(0, n.start - 90), n.start
    ):
        return True  # "a Frenchman who had just turned 24", "the youngest ... was 15"
    if _SAMPLE.search(text, max(0, n.start - 30), n.start):
        return True  # "a study of 20 fighters": a research sample, not a count of a flow
    if head is None:
        return _YEAR_LIKE.fullmatch(n.text) is not None  # "Throughout 2014," taken for a count
    if head.excluded or _RATE.match(text, head.end) or _UNCERTAIN.search(head.text):
        return True
    also = _COORDINATED.match(text, head.end)
    if also and excluded_regex().match(text, also.end()):
        return True  # "25 Japanese and European hostages": the last noun names them
    if head.local and not _FOREIGN_WORD.search(head.text):
        return True  # "174 SDF fighters", "7,798 Syrian rebels": locals, not foreign fighters
    if _NAMED_PEOPLE.match(text, head.end):
        return True  # "two men, 30-year-old ... and ...": named individuals
    if _ACCUSED.match(text, head.end):
        return True  # "eight men linked to recruiting": suspects, not a count of fighters
    # Syrians in Syria are not foreign fighters.
    return head.place is not None and head.place.code == "SYR"


def _entering(head: Head | None, cue: Cue | None, facts: Facts) -> tuple[str, str] | None:
    """ "30,000 militants entered Syria": fighters going into the zone from anywhere."""
    if head is None or cue is None or cue.stock or cue.flow is not Flow.DEPARTED:
        return None
    if facts.zone is None or not _FIGHTER_HEAD.search(head.text):
        return None
    return "world", head.text.strip()


def _refers_back(text: str, n: NumberMention, head: Head | None) -> bool:
    return bool(
        _ANAPHOR.search(text, 0, n.start)
        or _COUNT_ANAPHOR.search(text, 0, n.start)
        or _OF_THEM.match(text, n.end)
        or (head is not None and _OF_DEFINITE.match(head.text))
    )


def _relevant(
    text: str, head: Head | None, facts: Facts, context: Context, cue: Cue | None, placed: bool
) -> bool:
    """The figure is about the conflict. People who went, came back or stayed need the
    conflict named nearby (or an explicit verb); deaths and arrests need it in the sentence
    itself, or fighters for their people: "2 persons dead", "151 members of the HDP" are not
    foreign fighters however close Syria is."""
    if facts.zone is not None or facts.groups or _TOPIC_WORDS.search(text):
        return True
    words = head.text if head is not None else text
    if _FIGHTER_HEAD.search(words) or _FOREIGN_WORD.search(words):
        return True
    if cue is None or cue.flow not in _TRAVEL:
        # deaths and arrests: people named by where they are from, or standing for people
        # just mentioned ("Of those who went, 27 have died")
        # ... or the noun is the flow itself ("with 20 known deaths")
        noun = head is not None and cue is not None and head.start <= cue.start < head.end
        bare = head is None or head.place is not None or placed or noun
        return bare and context.zone_nearby
    return context.zone_nearby or not cue.stock


def _whole(
    text: str, n: NumberMention, head: Head | None, made: dict[int, Draft], i: int
) -> tuple[str, str] | None:
    """A part is counted for its whole's place: "100 were held in camps, including 40 women";
    "10,045 foreign fighters (1,700 Lebanese and 8,345 others)"."""
    earlier = [made[j] for j in sorted(made) if j < i]
    if head is not None and head.text.strip().lower() == "others":
        mine = n.value or 0
        larger = [d for d in earlier if (d.number.value or 0) > mine]
        return (larger[-1].place, larger[-1].place_text) if larger else None
    if not earlier:
        return None
    if _INCLUDING.search(text, max(0, n.start - 24), n.start):
        return earlier[-1].place, earlier[-1].place_text
    # "among them up to 256 women and up to 1,180 minors": the next part of the same whole
    sibling = earlier[-1]
    start = sibling.number.start
    gap = text[sibling.number.end : n.start]
    if _INCLUDING.search(text, max(0, start - 24), start) and _SIBLING.fullmatch(gap):
        return sibling.place, sibling.place_text
    return None


def _zero_negates(text: str, n: NumberMention, cue: Cue) -> bool:
    """ "No Icelanders have gone": the negation is the figure (zero), not a denial."""
    if n.value != 0 or n.start > cue.start:
        return False
    masked = text[: n.start] + " " * (n.end - n.start) + text[n.end :]
    return not is_blocked(masked, cue.start)


def _at_home(text: str, head: Head | None, facts: Facts) -> bool:
    home = _AT_HOME.match(text, head.end) if head is not None else None
    return home is not None and any(
        p.start == home.end() and p.code not in ZONE_CODES and not is_region(p.code)
        for p in facts.places
    )


def _joint(text: str, head: Head | None, facts: Facts) -> bool:
    if head is None or head.place is None or is_region(head.place.code):
        return False
    also = _AND.match(text, head.place.end)
    return also is not None and any(
        p.start == also.end() and p.code != head.place.code and p.form is head.place.form
        for p in facts.places
    )


def _sample_part(text: str, figures: list[Figure], i: int) -> bool:
    """ "a survey of 41 returnees, of whom 12 were women": parts of a research sample."""
    n = figures[i].number
    part = _OF_THEM.match(text, n.end) or _OF_WHOM.search(text, max(0, n.start - 12), n.start)
    return bool(part) and any(
        _SAMPLE.search(text, max(0, f.number.start - 30), f.number.start) for f in figures[:i]
    )


def _from_a_town(
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


def _share_of_earlier(
    text: str, n: NumberMention, made: dict[int, Draft], i: int
) -> tuple[str, str] | None:
    """ "...; women were 13 percent of the total": a share of the figure before it."""
    earlier = [made[j] for j in sorted(made) if j < i and made[j].kind is Kind.COUNT]
    if n.kind is not NumberKind.SHARE or not earlier or not _OF_THEM.match(text, n.end):
        return None
    return earlier[-1].place, earlier[-1].place_text


def _continued(
    text: str, n: NumberMention, made: dict[int, Draft], i: int
) -> tuple[str, str] | None:
    """ "numbered around 10,000 in 2013, rising to 15,000 in 2017": the same people later."""
    earlier = [made[j] for j in sorted(made) if j < i]
    if not earlier or not _CHANGE_TO.search(text, max(0, n.start - 30), n.start):
        return None
    return earlier[-1].place, earlier[-1].place_text


def _base_place(fig: Figure, made: dict[int, Draft]) -> tuple[str, str] | None:
    """ "seven returnees among the 129 Americans": a part is counted for its whole's place."""
    base = made.get(fig.base_of) if fig.base_of is not None else None
    return (base.place, base.place_text) if base is not None else None


def _speaker(facts: Facts) -> tuple[str, str] | None:
    """ "Britain says that of around 900 people ...": a country speaking of its own people."""
    for a in facts.attributions:
        who = re.sub(r"^(?:the\s+)", "", a.who.strip(), flags=re.I)
        for p in facts.places:
            named = re.sub(r"^(?:the\s+)", "", p.text, flags=re.I)
            if a.start <= p.start < a.end and who == named and p.code not in ZONE_CODES:
                return (p.code, p.text) if not is_region(p.code) else None
    return None


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
    if flow not in _TRAVEL and head is not None and not noun:
        # ... and only fighters: "500,000 people have been killed in Syria's war" after a
        # figure about Germans are not Germans
        if previous and context.carried_is_figure and _FIGHTER_HEAD.search(head.text):
            return previous.code, previous.text
        return None
    mention = previous is not None and not context.carried_is_figure and flow in _TRAVEL
    candidates: list[tuple[str, str] | None] = [
        (previous.code, previous.text) if previous and context.carried_is_figure else None,
        (context.heading_place.code, context.heading_place.text) if context.heading_place else None,
        _entering(head, cue, facts),
        # a place the previous sentence merely names, for people who went or came back only
        (previous.code, previous.text) if previous and mention else None,
    ]
    return next((c for c in candidates if c is not None), None)


def _zone_without(text: str, head: Head | None, facts: Facts) -> str | None:
    """The zone the sentence names apart from the people's own words: in "117 Iraq Shia
    fighters died in Syria" the zone is Syria, not Syria and Iraq."""
    if head is None or head.place is None or head.place.code not in ZONE_CODES:
        return facts.zone
    p = head.place
    return find_zone(text[: p.start] + " " * (p.end - p.start) + text[p.end :], facts.groups)


def _local(code: str, zone: str | None) -> bool:
    """Iraqis counted in Iraq are locals; Iraqis in Syria are foreign fighters."""
    if zone is None or code not in ZONE_CODES:
        return False
    return code == zone or zone == "syria-iraq"


def _cue_follows(text: str, pos: int) -> bool:
    """ "2,926 departed", "about 800 repatriated": a flow verb right after a bare number."""
    m = flow_regex().match(text, pos + len(text[pos:]) - len(text[pos:].lstrip()))
    return m is not None and m.lastgroup not in (None, "stock")


def _population(
    text: str, n: NumberMention, head: Head | None
) -> tuple[Population | None, str | None]:
    # "Up to 4,761 of the foreigners were women": the predicate names the population.
    predicate = predicate_population(text, head.end if head is not None else n.end)
    if predicate is not None:
        return predicate
    composed = composition_population(text, n) if n.kind is NumberKind.SHARE else None
    if composed is not None:
        return composed
    if head is not None and head.population is not None:
        return head.population, head.text.strip(" ,")
    if n.kind is NumberKind.SHARE:
        return Population.TOTAL, None
    if (
        _BARE_NEXT.match(text, n.end)
        or inside_parens(text, n)
        or _BARE_END.match(text, n.end)
        or _cue_follows(text, n.end)
    ):
        words = people_words(text)
        if words:
            nearest = min(words, key=lambda w: abs(w.start - n.start))
            if nearest.excluded:
                return None, None  # "the number of Turkish soldiers killed ... to four"
            return Population.TOTAL, nearest.text
        return Population.TOTAL, None
    return None, None


def _default_flow(
    text: str, n: NumberMention, head: Head | None, facts: Facts, context: Context
) -> Flow | None:
    """No cue: a count of foreign fighters "with 10,000 fighters" in the war is a stock, i.e.
    departed; a share referring back ("the number is closer to half") takes the earlier
    figure's flow."""
    if n.kind is NumberKind.SHARE:
        if _ANAPHOR.search(text, 0, n.start) and context.previous:
            shares = [d for d in context.previous if d.kind is Kind.SHARE]
            return (shares or list(context.previous))[-1].flow
        if _OF_THEM.match(text, n.end) and context.previous:
            return context.previous[-1].flow  # "One in five of them came from Western Europe"
        return None
    if context.previous and (
        (head is None and predicate_population(text, n.end) is not None)
        or _OF_THEM.match(text, n.end)
        or _COUNT_ANAPHOR.search(text, 0, n.start)
        or (head is not None and _OF_DEFINITE.match(head.text))
        or (
            _ANAPHOR.search(text, 0, n.start)
            and _CHANGE_TO.search(text, max(0, n.start - 30), n.start)
        )
    ):
        # "Up to 4,761 of the foreigners were women", "the group put the figure at 470",
        # "by 2018 the figure had risen to 310"
        return context.previous[-1].flow
    in_war = facts.zone is not None or bool(facts.groups) or context.zone_nearby
    if head is not None and head.population is not None and _FIGHTER_HEAD.search(head.text):
        return Flow.DEPARTED if in_war else None
    if (
        head is None
        and inside_parens(text, n)
        and any(_FIGHTER_HEAD.search(w.text) for w in people_words(text))
    ):
        return Flow.DEPARTED
    return None

"""Assemble the figures of one sentence: each count or share of people gets its population,
place, flow, qualifier, dates, group and zone. Attribution and references to other sentences
are settled per document (see document.py), which passes in what it knows as `Context`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from fighterflows.extract.dates import as_of_for, since_for
from fighterflows.extract.facts import Facts
from fighterflows.extract.flows import Cue
from fighterflows.extract.groups import nearest_group
from fighterflows.extract.numbers import NumberKind, NumberMention
from fighterflows.extract.places import PlaceMention
from fighterflows.extract.populations import Head, head_after, people_words
from fighterflows.extract.sources import Attribution, nearest_attribution
from fighterflows.model import Flow, Kind, Population, Qualifier

ZONE_CODES = frozenset({"SYR", "IRQ", "syria-iraq"})
_PARTITIVE = re.compile(r"\s*(?:,\s*)?(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|an?\s+)?$", re.I)
_OF_PEOPLE = re.compile(r"\s*(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+|whom\b|them\b)", re.I)
_BARE_NEXT = re.compile(
    r"\s*(?:of\s+(?:whom|them|these|those)\b|(?:more\s+)?(?:are|were|is|was|have|has|had|died|"
    r"returned|remain|left|went|travell?ed|fought|joined)\b|\))", re.I)
_RELATIVE = re.compile(r"\b(?:who|that|which|whom)\b", re.I)
_CLAUSE_END = re.compile(r";|,\s*(?:while|but|whereas|although)\b|\.\s", re.I)
_COUNTRIES = re.compile(
    r"from\s+(?:(?:more\s+than|over|at\s+least|some|about|around|nearly|almost)\s+)?"
    r"(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+(?:other\s+|different\s+)?countries", re.I)
_FOREIGN = re.compile(r"\bforeign\b|\bforeigners\b", re.I)
_FOREIGN_PEOPLE = re.compile(r"\bforeign\s+(?:[\w-]+\s+){0,2}?(?:fighters|jihadists|citizens|nationals|"
                             r"militants|volunteers|recruits|sunnis|shia)\b|\bforeigners\b", re.I)
_PLACE_LEAD = re.compile(r"(?:\bfrom|\bof|\bleft|\bin|\bto|\bleaving)\s+$", re.I)
_ANAPHOR = re.compile(r"\b(?:the|that|this)\s+(?:number|figure|share|proportion|percentage|rate)\b", re.I)
_FIGHTER_HEAD = re.compile(r"fighter|jihadi|militia|militant|mujahideen|volunteer|recruit", re.I)
_RATE = re.compile(r"\s*(?:a|per|each|every)\s+(?:day|week|month|year)\b", re.I)
_TRANSIT = re.compile(r"\b(?:via|through|into|across|over|towards?|near|on)\s+(?:the\s+)?$", re.I)
_BARE_END = re.compile(
    r"\s*(?:[;,.)]|$|and\b|while\b|but\b|(?:in|by|as\s+of|since|until|from)\s+(?:\w+\s+)?(?:19|20)\d\d\b)",
    re.I)
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class Context:
    """What the document knows before this sentence (see document.py)."""

    carried_place: PlaceMention | None = None  # from the previous sentence of the paragraph
    heading_place: PlaceMention | None = None
    previous: Sequence[Draft] = ()  # drafts of earlier sentences, document order
    carried_as_of: str | None = None


@dataclass(slots=True)
class Draft:
    """An estimate being assembled; offsets relative to the document."""

    start: int
    end: int
    number: NumberMention
    sentence_start: int
    sentence_end: int
    kind: Kind
    population: Population
    population_text: str | None
    place: str
    place_text: str
    flow: Flow
    attribution: Attribution | None
    as_of: str | None
    since: str | None
    zone: str | None
    group: str | None
    base: int | None = None  # index in the sentence's own drafts, or -(1 + document index)
    base_draft: Draft | None = None
    derived: bool = False
    paragraph: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Figure:
    number: NumberMention
    head: Head | None
    base_of: int | None  # index of the number this one is a part of ("7 out of 129")


def assemble(facts: Facts, context: Context) -> list[Draft]:
    """The drafts of one sentence, in order."""
    figures = _figures(facts)
    drafts: list[Draft] = []
    used_cues: dict[int, Cue] = {}
    order = sorted(range(len(figures)), key=lambda i: figures[i].base_of is not None)
    made: dict[int, Draft] = {}
    for i in order:
        draft = _draft(facts, figures, i, used_cues, context)
        if draft is not None:
            made[i] = draft
    for i in sorted(made):
        draft = made[i]
        base_i = figures[i].base_of
        if base_i is not None and base_i in made:
            draft.base_draft = made[base_i]
        drafts.append(draft)
    return drafts


def _figures(facts: Facts) -> list[_Figure]:
    text = facts.sentence.text
    numbers = facts.numbers
    out: list[_Figure] = []
    for i, n in enumerate(numbers):
        base_of = None
        if i + 1 < len(numbers) and _PARTITIVE.fullmatch(text[n.end : numbers[i + 1].start]):
            base_of = i + 1
        vague = n.qualifier is Qualifier.VAGUE
        head = head_after(text, n.end, facts.places, vague)
        out.append(_Figure(n, head, base_of))
    return out


def _draft(facts: Facts, figures: list[_Figure], i: int, used: dict[int, Cue],
           context: Context) -> Draft | None:
    fig = figures[i]
    n = fig.number
    text = facts.sentence.text
    head = fig.head if fig.base_of is None else figures[fig.base_of].head
    if head is not None and (head.excluded or _RATE.match(text, head.end)):
        return None
    if head is not None and head.place is not None and head.place.code == "SYR":
        return None  # Syrians in Syria are not foreign fighters
    if head is None and _YEAR_LIKE.fullmatch(n.text):
        return None  # "Throughout 2014," is a year the number finder took for a count
    population, population_text = _population(text, n, head, facts)
    if population is None:
        return None
    cue = _choose_cue(facts, figures, i, used)
    if cue is not None and cue.blocked:
        return None
    flow = cue.flow if cue is not None else _inherited_flow(figures, i, used)
    if flow is None:
        flow = _default_flow(text, n, head, facts, context)
    if flow is None:
        return None
    place = _place(text, n, head, facts, context, _segment_start(text, figures, i))
    if place is None:
        return None
    used[i] = cue if cue is not None else Cue(n.start, n.end, "", flow, True, False)
    code, place_text = place
    if _local(code, facts.zone) or (head is not None and head.local and code in ZONE_CODES):
        return None
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
        as_of=as_of_for(list(facts.dates), n.start, n.end) or context.carried_as_of,
        since=since_for(list(facts.dates)),
        zone=facts.zone,
        group=nearest_group(list(facts.groups), n.start),
        paragraph=facts.sentence.paragraph,
    )


def _local(code: str, zone: str | None) -> bool:
    """Syrians counted in Syria are not foreign fighters (Iraqis in Syria are)."""
    if zone is None or code not in ZONE_CODES:
        return False
    return code == zone or zone == "syria-iraq"


def _population(text: str, n: NumberMention, head: Head | None,
                facts: Facts) -> tuple[Population | None, str | None]:
    if head is not None and head.population is not None:
        return head.population, _head_words(head)
    if n.kind is NumberKind.SHARE:
        return Population.TOTAL, None
    if _BARE_NEXT.match(text, n.end) or _inside_parens(text, n) or _BARE_END.match(text, n.end):
        words = people_words(text)
        if words:
            nearest = min(words, key=lambda w: abs(w.start - n.start))
            return Population.TOTAL, nearest.text
        return Population.TOTAL, None
    return None, None


def _head_words(head: Head) -> str:
    return head.text.strip(" ,")


def _inside_parens(text: str, n: NumberMention) -> bool:
    return text[:n.start].rstrip().endswith("(") and text[n.end:].lstrip().startswith(")")


def _segment_end(text: str, figures: list[_Figure], i: int) -> int:
    n = figures[i].number
    end = len(text)
    clause = _CLAUSE_END.search(text, n.end)
    if clause:
        end = clause.start()
    for j in range(i + 1, len(figures)):
        other = figures[j]
        if other.head is not None and other.head.excluded:
            continue
        if figures[i].base_of == j:
            continue
        end = min(end, other.number.start)
        break
    return end


def _segment_start(text: str, figures: list[_Figure], i: int) -> int:
    n = figures[i].number
    start = 0
    for m in _CLAUSE_END.finditer(text, 0, n.start):
        start = m.end()
    for j in range(i - 1, -1, -1):
        other = figures[j]
        if other.head is not None and other.head.excluded:
            continue
        start = max(start, other.number.end)
        break
    return start


def _choose_cue(facts: Facts, figures: list[_Figure], i: int, used: dict[int, Cue]) -> Cue | None:
    text = facts.sentence.text
    fig = figures[i]
    n = fig.number
    if fig.base_of is not None and fig.base_of in used:
        base_cue = used[fig.base_of]
        later = [c for c in facts.cues if c.start > base_cue.end and not c.stock
                 and c.flow is not base_cue.flow]
        return later[0] if later else None
    end = _segment_end(text, figures, i)
    start = _segment_start(text, figures, i)
    after = [c for c in facts.cues if n.end <= c.start < end]
    explicit = [c for c in after if not c.stock]
    if explicit:
        between = text[n.end : explicit[0].start]
        is_base = any(f.base_of == i for f in figures)
        if _RELATIVE.search(between) and len(explicit) > 1 and not is_base:
            return explicit[-1]
        return explicit[0]
    before = [c for c in facts.cues if start <= c.end <= n.start and not c.stock]
    if before:
        return before[-1]
    stock = [c for c in after if c.stock] or [
        c for c in facts.cues if start <= c.end <= n.start and c.stock]
    return stock[0] if stock else None


def _inherited_flow(figures: list[_Figure], i: int, used: dict[int, Cue]) -> Flow | None:
    """A list ("France (1,700), Germany (760)") continues the flow of the figure before."""
    earlier = [j for j in used if j < i]
    if not earlier:
        return None
    return used[max(earlier)].flow


def _default_flow(text: str, n: NumberMention, head: Head | None, facts: Facts,
                  context: Context) -> Flow | None:
    """No cue: a count of foreign fighters "had 10,000 fighters" is a stock, i.e. departed;
    a share referring back ("the number is closer to half") takes the earlier figure's flow."""
    if n.kind is NumberKind.SHARE:
        if _ANAPHOR.search(text, 0, n.start) and context.previous:
            shares = [d for d in context.previous if d.kind is Kind.SHARE]
            return (shares or list(context.previous))[-1].flow
        return None
    if head is not None and head.population is not None and _FIGHTER_HEAD.search(head.text):
        return Flow.DEPARTED
    if head is None and any(_FIGHTER_HEAD.search(w.text) for w in people_words(text)):
        return Flow.DEPARTED
    return None


def _place(text: str, n: NumberMention, head: Head | None, facts: Facts,
           context: Context, clause_start: int) -> tuple[str, str] | None:
    if head is not None and head.place is not None:
        return head.place.code, head.place.text
    after = head.end if head is not None else n.end
    countries = _COUNTRIES.match(text, _skip_relative(text, after))
    if countries:
        return "world", countries.group()[5:].strip()
    lead = _lead_place(text, after, facts)
    if lead is not None:
        return lead.code, lead.text
    paren = _paren_place(text, n, facts)
    if paren is not None:
        return paren.code, paren.text
    if head is not None and _FOREIGN.search(head.text):
        return "world", head.text.strip()
    near = _nearest_place(text, n, facts)
    if near is not None:
        return near.code, near.text
    foreign = _FOREIGN_PEOPLE.search(text, clause_start, _segment_stop(text, n))
    if foreign:
        return "world", foreign.group()
    for carried in (context.carried_place, context.heading_place):
        if carried is not None:
            return carried.code, carried.text
    return None


def _segment_stop(text: str, n: NumberMention) -> int:
    clause = _CLAUSE_END.search(text, n.end)
    return clause.start() if clause else len(text)


def _skip_relative(text: str, pos: int) -> int:
    m = re.compile(r"\s*(?:,\s*)?").match(text, pos)
    return m.end() if m else pos


def _lead_place(text: str, pos: int, facts: Facts) -> PlaceMention | None:
    """A place introduced by "from", "of", "left" within the phrase after the number."""
    for p in facts.places:
        if p.start < pos or p.start - pos > 80:
            continue
        if p.code in ZONE_CODES:
            continue
        if re.search(r"[,;(]", text[pos : p.start]):
            return None
        if _PLACE_LEAD.search(text, max(pos, p.start - 12), p.start):
            return p
    return None


def _paren_place(text: str, n: NumberMention, facts: Facts) -> PlaceMention | None:
    if not _inside_parens(text, n):
        return None
    open_paren = text.rfind("(", 0, n.start)
    before = [p for p in facts.places if p.end <= open_paren and open_paren - p.end <= 2]
    return before[-1] if before else None


def _nearest_place(text: str, n: NumberMention, facts: Facts) -> PlaceMention | None:
    """The nearest place in the sentence that could be the people's origin: not the zone, not
    a route ("via Turkey"), not inside an attribution ("the U.S. State Department")."""
    spans = [(a.start, a.end) for a in facts.attributions]
    candidates = [
        p for p in facts.places
        if p.code not in ZONE_CODES
        and not _TRANSIT.search(text, max(0, p.start - 16), p.start)
        and not any(s <= p.start < e for s, e in spans)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda p: abs(p.start - n.start))


"""Assemble the figures of one sentence: each count or share of people gets its population,
place, flow, qualifier, dates, group and zone. Attribution and references to other sentences
are settled per document (see document.py), which passes in what it knows as `Context`.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Literal

from fighterflows.extract.assembly.around import (
    AND_NEXT,
    FIGHTER_HEAD,
    TRAVEL,
    place_around,
    restated,
    shared_by_a_list,
)
from fighterflows.extract.assembly.breakdowns import destination_part, next_part
from fighterflows.extract.assembly.changes import Change, changes, dated_back, unsaid
from fighterflows.extract.assembly.choosing import (
    AMONG,
    OF_THOSE_WHO,
    Figure,
    apposed_share,
    aside,
    choose_cue,
    inherited_flow,
    moved_from_where_held,
    segment_end,
    segment_start,
    shares_the_noun,
)
from fighterflows.extract.assembly.copulas import bare_measure, own_words
from fighterflows.extract.assembly.drafts import Context, Draft
from fighterflows.extract.assembly.exclusions import (
    FOREIGN_WORD,
    at_home,
    kin_possessor,
    no_country_figure,
    reference_mark,
    skipped,
)
from fighterflows.extract.assembly.lists import listed_flow
from fighterflows.extract.assembly.people import People, population_of
from fighterflows.extract.assembly.placing import (
    CONTINGENT_OF,
    ZONE_CODES,
    deported_foreigners,
    home_countries,
    inside_parens,
    place_of,
)
from fighterflows.extract.assembly.references import country_by_reference
from fighterflows.extract.assembly.rules import Choice, explaining
from fighterflows.extract.assembly.scopes import scope_of
from fighterflows.extract.assembly.wholes import (
    CHANGE_TO,
    INCLUDING,
    OF_THEM,
    OF_WHOM,
    by_group,
    remaining_against_departures,
    respectively,
)
from fighterflows.extract.mentions.dates import DateMention, dated, since_for
from fighterflows.extract.mentions.facts import Facts
from fighterflows.extract.mentions.flows import Cue, is_blocked
from fighterflows.extract.mentions.groups import find_zone, nearest_group
from fighterflows.extract.mentions.lexicon import (
    alternation,
    continuation_regex,
    held_in_zone_regexes,
    load,
    ranking_regex,
    share_base_regex,
)
from fighterflows.extract.mentions.populations import (
    Head,
    head_after,
    people_words,
    predicate_population,
    verb_follows,
)
from fighterflows.extract.mentions.sources import nearest_attribution
from fighterflows.extract.numbers import NumberKind, NumberMention
from fighterflows.extract.numbers.lexicon import gap_hedges
from fighterflows.extract.text.prefilter import TOPIC_WORDS
from fighterflows.initials import compile_guarded, guarded, last_word
from fighterflows.model import Flow, Kind, Population, Qualifier, Scope
from fighterflows.places import PlaceForm

# the prefilter's topic words behind a guard (its own regex stays as it is: its code is the
# ingest's fingerprint)
_TOPIC = guarded(TOPIC_WORDS)

# the hedges a rule reads across between a word and its figure (data/numbers.yaml)
_HEDGES = gap_hedges()

# (a whole its country owns: "400 of its 3,400", "760 of Saudi Arabia's 3,200")
# (and a part set off by a dash: "approximately 1,700—of the 6,800 who joined—have returned",
# "some 300 – out of 1,100 who went – died": `dashed-part`)
_PARTITIVE = re.compile(
    r"\s*(?:,\s*|[—–]\s*|\s-\s+)?(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|an?\s+|its\s+|their\s+|"
    r"(?-i:[A-Z][\w.-]*)(?:\s+(?-i:[A-Z][\w.-]*)){0,2}['’]s\s+)?",
    re.I,
)
# a part whose people are named before its whole: "Close to 2,000 Europeans (out of some 6,600
# Western fighters who went) have come back", "About 300 Belgians, out of 600 who travelled,
# are home", "120 Danes (of the 250 who left)" (`part-before-its-whole`)
_PARTITIVE_AFTER_NOUN = re.compile(
    r"\s+(?:(?!(?:have|has|had|are|were|is|was|who|that|which)\b|[\w-]+ed\b)[\w-]+\s+){0,2}"
    r"(?!(?:have|has|had|are|were|is|was|who|that|which)\b|[\w-]+ed\b)[\w-]+"
    r"\s*(?:[(,]\s*)?(?:out\s+of|(?<=\()\s*of)\s+"
    r"(?:the\s+|these\s+|those\s+|an?\s+)?",
    re.I,
)

_COUNT_ANAPHOR = compile_guarded(
    r"\b(?:put|puts|putting|estimated?|estimates|places?|placing)\s+(?:it|(?:the|this|that|its|their)"
    r"\s+(?:figure|number|total|count|tally))\s+at\s+$"
    # "The number includes about 40 children", "They include 21 women": a part of the figure
    # before
    # ("This included 110 from Kosovo, 27 from …": the pronoun alone, as "They include")
    r"|\b(?:(?:the|this|that)\s+(?:figure|number|total|count|tally)|they|these|those|this|it)"
    r"\s+(?:also\s+)?"
    r"(?:includes?|included|comprises?|comprised)\s+(?:an\s+estimated\s+|some\s+|about\s+)?$"
    # "… are held by Kurdish forces. The detainees include about 21 women": the people just
    # counted, named again by what they are
    r"|\b(?:the|these|those)\s+(?:[\w-]+\s+)?(?:detainees|returnees|prisoners|inmates|evacuees|"
    r"deportees|repatriates|captives)\s+(?:also\s+)?(?:includes?|included|comprises?|comprised)\s+"
    r"(?:an\s+estimated\s+|some\s+|about\s+|around\s+|at\s+least\s+)?$"
    # "Of that number, 32 have died": a part of the figure before
    r"|\b(?:of|out\s+of|among)\s+(?:that|this|the)\s+(?:number|figure|total|group|count)\s*,?\s*"
    rf"(?:(?:{_HEDGES})\s+)?$",
    re.I,
)
# "Among them are seven men, six women and 12 children": the parts of the figure before, in
# its paragraph
_AMONG_THEM = compile_guarded(
    # ("Of these, 250 …" takes its comma: "Of those 5,000, …" restates the whole)
    r"^\W*(?:(?:among|amongst)\s+(?:them|these|those(?:\s+[\w-]+){0,4}?)\s*,?|"
    r"(?:out\s+)?of\s+(?:them|these|those)\s*,)"
    r"\s*(?:(?:there\s+)?(?:are|were)\s+)?"
    rf"(?:(?:{_HEDGES})\s+)?$",
    re.I,
)
# the same, closing the figure's clause: "There are 20 women and 60 minors among them", "Twenty
# women are among those held" (no comma between: "90 Belgians, among them 20 women" is a whole)
_AMONG_THEM_AFTER = re.compile(
    r"[^.;:!?,()]{0,80}?\b(?:among|amongst)\s+(?:them|these|those(?:\s+[\w-]+){0,2}?)\s*(?:[.;!?]|$)",
    re.I,
)
_ANAPHOR = compile_guarded(
    r"\b(?:the|that|this)\s+(?:number|figure|share|proportion|percentage|rate)\b", re.I
)
# what becomes of returnees at home: held or tried there
_HELD_AT_HOME = (Flow.DETAINED, Flow.PROSECUTED)
_WITH_N = compile_guarded(r"\bwith\s+$", re.I)
# "… come from four states. These are France with 1,800, the UK with 760 …": the people of
# the sentence before, named by a pronoun and listed place by place (`listed-after-a-pronoun`)
_THESE_ARE = re.compile(
    r"^\W*(?:(?:these|they|those)\s+(?:are|were|include|included|comprise)|"
    r"(?:among|amongst)\s+(?:them|these|those))\b",
    re.I,
)
# "The group included 80 children": the parts of the figure before
_GROUP_INCLUDED = re.compile(
    r"\b(?:the|this|that)\s+(?:group|contingent|flight|batch|cohort|party|convoy)\s+(?:also\s+)?"
    r"(?:included|includes|include|comprised|comprises|consisted\s+of|consists\s+of|"
    r"was\s+made\s+up\s+of)\s+(?:(?:about|around|some|nearly|at\s+least|an\s+estimated)\s+)?$",
    re.I,
)
# "By June this was 63", "it now stands at 250": the figure before, restated later
_THIS_WAS = re.compile(
    r"\b(?:this|that|it)\s+(?:number\s+|figure\s+)?(?:now\s+|had\s+|has\s+)?"
    r"(?:was|is|stands|stood|reached|risen\s+to|rose\s+to|grown\s+to|grew\s+to)\s+(?:at\s+)?"
    r"(?:(?:about|around|some|nearly|almost|over|more\s+than|at\s+least)\s+)?$",
    re.I,
)
_OPENS_WITH_OF = re.compile(r"\s*(?:out\s+)?of\s+(?:the|these|those|some|an\s+estimated)\b", re.I)
# "seven returnees among the 129 Americans": a part of the figure after it
_AMONG_THE = re.compile(r"\s+(?:[\w-]+\s+){1,2}among\s+(?:the|these|those)\s+", re.I)
_SINCE_ANAPHOR = compile_guarded(
    r"\b(?:" + alternation(load("dates")["since_anaphors"]) + r")\b", re.I
)
# a sentence that opens with the parts of the figure before ("Among them were", "They
# included", "Of them,", "The group comprised")
_PARTS_OPEN = re.compile(
    r"\W*(?:(?:among|amongst|of)\s+(?:them|these|those)\b|(?:they|these|those|the\s+group)\s+"
    r"(?:also\s+)?(?:include|included|comprise|comprised)\b)",
    re.I,
)
# "that year", "the following year", "that month" (data/dates.yaml: period_anaphors)
_PERIOD_ANAPHORS = [
    (kind, re.compile(r"\b(?:" + alternation(patterns) + r")\b", re.I))
    for kind, patterns in load("dates")["period_anaphors"].items()
]
_SHARE_SUBJECT = re.compile(r"\s+(?:have|has|had|are|were|is|was)\b", re.I)
# "..., a third of whom have returned": a share of a figure earlier in the same sentence
_OF_WHOM_AFTER = re.compile(r"\s+of\s+(?:whom|which)\b", re.I)
_OF_DEFINITE = re.compile(r"\s*of\s+(?:the|these|those)\s", re.I)
# a share said as so many in so many ("one in ten", "three out of 20"), its people after it
# (rule `one-in-n-of-its-people`)
_ONE_IN_N = re.compile(r"\b(?:in|out\s+of)\s+[\w-]+$", re.I)
_DONE_AFTER = re.compile(r"[^,;.:]{0,80}?\b(?:have|has|had|were|was)\b", re.I)
_WHICH = re.compile(r"\bof\s+(?:which|whom)\s+$", re.I)
_NUMBER_BLOCK = compile_guarded(
    r"\b(?:threaten(?:s|ed)?\s+to|plan(?:s|ned)?\s+to|want(?:s|ed)?\s+to|expected\s+to|will|"
    r"would|could|if)\b[^,;.]{0,30}$",
    re.I,
)

# the figure is a list's size: "a watchlist of 30 to 40 people", "a wanted list with 200 names"
_LIST_OF_ENDS = frozenset({"of", "with", "containing", "naming"})
_LIST_OF = re.compile(
    r"\b(?:" + alternation(load("flows")["lists_of_people"]) + r")\s+"
    r"(?:of|with|containing|naming)\s+$",
    re.I,
)


def assemble(facts: Facts, context: Context) -> list[Draft]:
    """The drafts of one sentence, in order."""
    levels = changes(facts.sentence.text, facts.numbers)
    all_dates = facts.dates if levels else ()
    said_text = facts.sentence.text
    if levels:
        # the later level of a change is read as if the earlier one were not said, and a date
        # said of the earlier one alone is not the later one's
        facts = _without_earlier_levels(facts, levels)
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
        elif made[i].kind is Kind.SHARE and _apposed_to(facts, figures, i, made) is not None:
            # "of whom just 500 — 10 percent — returned": a share of the whole before the count
            base = _apposed_to(facts, figures, i, made)
            made[i].base_draft = base
            if base is not None:
                made[i].place, made[i].place_text = base.place, base.place_text
        elif made[i].kind is Kind.SHARE and OF_WHOM.search(
            facts.sentence.text, 0, figures[i].number.start
        ):
            base = _last_count(drafts, context)
            made[i].base_draft = base
            if base is not None and base in drafts:
                made[i].place, made[i].place_text = base.place, base.place_text
        elif (
            made[i].kind is Kind.SHARE
            and drafts
            and _OPENS_WITH_OF.match(facts.sentence.text)
            and (count := _bracketed_count(facts.sentence.text, figures, made, i)) is not None
        ):
            # "Of the 20,000 foreign fighters, almost a fifth (3,950) came from Western
            # Europe": a share of the cohort, said of the people its count in brackets counts
            made[i].base_draft = drafts[0]
            made[i].place, made[i].place_text = count.place, count.place_text
            made[i].flow, made[i].scope = count.flow, count.scope
        elif (
            made[i].kind is Kind.SHARE
            and made[i].why.get("population") == "share-composition"
            and drafts
            and _OPENS_WITH_OF.match(facts.sentence.text)
        ):
            # "Of the estimated 5,000 Europeans who went, women make up 17 percent": a share
            # of the cohort the sentence opens with
            made[i].base_draft = drafts[0]
            made[i].place, made[i].place_text = drafts[0].place, drafts[0].place_text
        elif made[i].kind is Kind.SHARE and not _has_base(
            facts.sentence.text, figures[i], context, drafts
        ):
            continue  # a share of nothing the text gives ("3.2 per cent of respondents")
        elif made[i].kind is Kind.SHARE and (
            OF_THEM.match(facts.sentence.text, figures[i].number.end)
            or _SHARE_SUBJECT.match(facts.sentence.text, figures[i].number.end)
            or (drafts and _OF_WHOM_AFTER.match(facts.sentence.text, figures[i].number.end))
        ):
            base = _last_count(drafts, context)
            made[i].base_draft = base
            if base is not None and base in drafts:
                made[i].place, made[i].place_text = base.place, base.place_text
        by_group(facts, figures[i], made[i])
        drafts.append(made[i])
    remaining_against_departures(drafts)
    respectively(facts, drafts)
    _parts_share_scope(drafts)
    drafts = shared_by_a_list(facts, drafts)
    if levels:
        # (after the rules that compare a sentence's figures: an earlier level is no larger
        # number who went, "110 are fighting in Syria, down from 120")
        drafts = _with_earlier_levels(
            drafts, levels, all_dates, context, (said_text, facts.published)
        )
    return drafts


def _without_earlier_levels(facts: Facts, levels: list[Change]) -> Facts:
    earlier = {c.earlier for c in levels}
    text = unsaid(facts.sentence.text, levels)
    return dataclasses.replace(
        facts,
        sentence=dataclasses.replace(facts.sentence, text=text),
        numbers=tuple(n for n in facts.numbers if n not in earlier),
    )


def _with_earlier_levels(
    drafts: list[Draft],
    levels: list[Change],
    dates: tuple[DateMention, ...],
    context: Context,
    said: tuple[str, str | None],
) -> list[Draft]:
    """The earlier level of each change whose later level is an estimate, read as that one is
    (`earlier-level-of-a-change`), dated only by a date said of it alone."""
    text, published = said
    out = list(drafts)
    for c in levels:
        later = next((d for d in drafts if d.number == c.later), None)
        if c.difference or later is None or later.kind is not Kind.COUNT:
            continue
        a, b = c.window
        own = dated(
            [d for d in dates if a <= d.start < b],
            c.earlier.start,
            c.earlier.end,
            context.narrative_month,
        )
        if own is None and (back := dated_back(text, c, later.as_of or published)) is not None:
            own = back, f"dated-back-from-the-later-level: '{later.as_of or published}'"
        shift = later.sentence_start
        out.append(
            dataclasses.replace(
                later,
                start=shift + c.earlier.start,
                end=shift + c.earlier.end,
                number=c.earlier,
                as_of=own[0] if own else None,
                base_draft=None,
                continues=False,
                why={
                    **later.why,
                    "flow": f"earlier-level-of-a-change (read as '{later.number.text}')",
                    "as_of": own[1] if own else "document's date",
                },
            )
        )
    return sorted(out, key=lambda d: d.start)


# Scope rules that read the sentence's words rather than the figure's own verb
_SENTENCE_SCOPES = frozenset(
    {
        "custody-word",
        "event-word",
        "perfect-with-event-word",
        "one-more-batch",
        "scope-of-the-figure-before",
        "in-period",
        "verb-dated-in-period",
        "day-of-the-sentence-before",
        # one return operation read from the verb's own words ("Kosovo flew home 110
        # citizens, including 74 children"): its parts are that event's too
        "one-operation",
        "same-event",
        "headline-operation",
        "headline-arrival",
        # "the repatriation of six Canadians, four Dutch and one Finn": one act's list
        "one-operation-noun",
        # "killed in the battle for Baghuz; 300 of them were from Chechnya": one battle's dead
        "one-battle",
    }
)


def _parts_share_scope(drafts: list[Draft]) -> None:
    """Remaining people are a current stock (a flow may change after the scope was read:
    "135 of them are still there"); figures of one flow whose own words say nothing of the
    scope take the scope the sentence gives another figure of that flow ("five women and 14
    children ... on Saturday"; "2,000 fighters and 14,000 women and children are held")."""
    told = {d.flow: d for d in drafts if d.why.get("scope") in _SENTENCE_SCOPES}
    for d in drafts:
        if d.flow is Flow.REMAINING:
            d.scope, d.why["scope"] = Scope.CURRENT, "remaining-is-current"
        elif d.flow in told and d.why.get("scope") in ("no-verb-of-its-own", "default"):
            d.scope, d.why["scope"] = told[d.flow].scope, "same-sentence-scope"


def _has_base(text: str, fig: Figure, context: Context, earlier: list[Draft]) -> bool:
    """A share with something to be a share of: "the figure", "of them", "of those who left",
    "of the Finnish travellers"."""
    end = fig.number.end
    if _ANAPHOR.search(text):
        return True
    if (
        fig.head is not None
        and fig.head.population is not None
        and _OF_DEFINITE.match(fig.head.text)
    ):
        return True  # "a third of the Finnish travellers": a share of people the text counts
    if fig.head is not None and share_base_regex().match(fig.head.text):
        return True  # "around a third of foreign fighters have returned"
    if (
        fig.head is not None
        and fig.head.population is not None
        and _ONE_IN_N.search(text, fig.number.start, end)
        and _DONE_AFTER.match(text, fig.head.end)
    ):
        # "one in ten Dutch fighters back from Syria have been put on trial": of the people it
        # names (not a rate in the present, "one in nine recruits who fight abroad later ...")
        return True
    if _SHARE_SUBJECT.match(text, end):
        return True  # "...; about a third have returned": a share of the figure before
    if earlier and _OF_WHOM_AFTER.match(text, end):
        return True  # "1,050 have left, a third of whom have returned"
    return bool((context.previous or earlier) and OF_THEM.match(text, end)) or bool(
        OF_THOSE_WHO.match(text, end)
    )


def _apposed_to(
    facts: Facts, figures: list[Figure], i: int, made: dict[int, Draft]
) -> Draft | None:
    """The whole a share set beside a count is a share of: the count before that count."""
    k = apposed_share(facts.sentence.text, figures, i)
    if k is None or k not in made:
        return None
    wholes = [d for j, d in made.items() if j < k and d.kind is Kind.COUNT]
    return wholes[-1] if wholes else None


def _last_count(drafts: list[Draft], context: Context) -> Draft | None:
    counts = [d for d in [*context.previous, *drafts] if d.kind is Kind.COUNT]
    return counts[-1] if counts else None


def _figures(facts: Facts) -> list[Figure]:
    text = facts.sentence.text
    numbers = [n for n in facts.numbers if not kin_possessor(text, n)]
    out: list[Figure] = []
    for i, n in enumerate(numbers):
        base_of = None
        between = text[n.end : numbers[i + 1].start] if i + 1 < len(numbers) else ""
        if between and (
            _PARTITIVE.fullmatch(between)
            or _PARTITIVE_AFTER_NOUN.fullmatch(between)
            or AMONG.fullmatch(between)
            or _AMONG_THE.fullmatch(between)
        ):
            base_of = i + 1
        # "thousands of Lebanese", "a handful of Japanese": word quantities take an "of"
        wordy = n.qualifier is Qualifier.VAGUE or n.text[-1:].isalpha()
        head = head_after(text, n.end, facts.places, wordy)
        out.append(Figure(n, head, base_of))
    return _shared_nouns(text, out)


def _shared_nouns(text: str, figures: list[Figure]) -> list[Figure]:
    """ "60 Belgian, 40 Dutch and 30 Danish children": each adjective counts the last noun's
    people."""
    for i in range(len(figures) - 2, -1, -1):
        fig, later = figures[i], figures[i + 1].head
        if fig.head is None or later is None or not shares_the_noun(text, figures, i):
            continue
        head = dataclasses.replace(
            fig.head, population=later.population, excluded=later.excluded, local=later.local
        )
        figures[i] = Figure(fig.number, head, fig.base_of)
    return figures


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
    if skipped(text, n, head):
        return None
    labels = [(p.start, p.end) for p in facts.places if p.code not in ZONE_CODES]
    if reference_mark(text, n, labels) and reference_mark(
        # "women (22), boys (18) and girls (9)": a noun of people labels a count as a place does
        text,
        n,
        [(w.start, w.end) for w in people_words(text) if not w.excluded],
    ):
        return None  # "were killed in Syria (4)": a footnote's number
    people = population_of(text, n, head)
    if people is None or people.rule == "people-nearby":
        people = _whole_population(text, figures, made, i) or people
    population, population_text = people.value if people is not None else (None, None)
    if people is None or population is None:
        return None
    chosen = _cue(facts, figures, i, used)
    if chosen is False:
        return None
    cue = chosen
    origin = cue is not None and _origin_of_a_part(text, n, cue, bool(context.previous or made))
    if origin:
        cue = None  # "…; 250 of them are from Russia": the whole's verb says what they did
    if (cue is None or cue.stock) and at_home(text, head, facts):
        return None  # "about 100 female jihadists in the Netherlands": at home, no flow
    if cue is None:
        unread = _verb_of_an_unread_whole(facts, figures, i, made, used)
        if unread is not None:
            used[unread[0]] = unread[1]  # (the whole's verb, said for its parts)
    # (a figure between brackets is an aside: "(35 have come back home)")
    outside = {j: c for j, c in used.items() if not aside(text, figures[j].number.start, n)}
    flow = cue.flow if cue is not None else inherited_flow(i, outside)
    flow_rule = _flow_rule(cue)
    if (cue is None or cue.stock) and head is None:
        they = _they_number(facts, n, context)
        if they is not None:
            # "… those who have returned, but they are estimated to number around 300"
            flow, flow_rule = they, "the verb of the people 'they' refers to"
    if (cue is None or cue.stock) and head is None:
        measured = _measure_of_before(facts, n, context)
        if measured is not None:
            # "… citizens who went to fight in Syria. The total is put at 316."
            flow, flow_rule = measured, "copular-total: the people of the sentence before"
    # A figure that takes its flow from an earlier one is about what that one was about.
    referred = cue is None and flow is not None
    if flow is None and head is None and context.previous:
        # "By country, the estimates are: France 1,800; Germany 750"
        flow = listed_flow(facts, n, context.previous[-1].flow)
        flow_rule = "listed-by-place"
    if flow is None:
        flow = _default_flow(text, n, head, facts, context)
        flow_rule = "no verb: the stock or the figure referred to"
        referred = flow is not None and _refers_back(text, n, head)
    again = _restating(text, n, head, population, context) if cue is None else None
    if flow is None and again is not None:
        # "Belgium repatriated 12 children. The 12 children were taken to hospital": the same
        # people, read as the earlier figure was
        flow, flow_rule, referred = again.flow, "restates-a-figure", True
        population, population_text = again.population, population_text or again.population_text
    if flow is None:
        return None
    # a figure that refers back ("This number includes 70 men who were killed") is about the
    # people already counted: no need to name the conflict again
    anaphor = bool(context.previous) and bool(
        _ANAPHOR.search(text, 0, n.start)
        or _COUNT_ANAPHOR.search(text, 0, n.start)
        or _among_them(text, n)
        or OF_THEM.match(text, n.end)  # "Roughly 60 of those people were killed"
    )
    clause = (segment_start(text, figures, i), segment_end(text, figures, i))
    placed = _placed(facts, figures, i, head, clause, made, context, cue, flow, (referred, anaphor))
    if placed is None:
        if (
            cue is not None
            and not cue.stock
            and i + 1 < len(figures)
            and _a_part(text, figures, i + 1)
        ):
            # "The prison holds 5,000 ISIS suspects, among them 120 Iraqis, 45 Russians": a
            # whole of no one country still says what its parts did
            used[i] = cue
        return None
    (code, place_text), why = placed
    if again is not None and flow is again.flow and why.get("place") != "people's-own-words":
        (code, place_text), why = (again.place, again.place_text), {"place": "restates-a-figure"}
    if why.get("place") == "compared-item" and (i - 1) not in made:
        return None  # compared with a figure that is none: "arrested 40 …, compared with 25 in"
    zone = _zone_without(text, head, facts)
    state = why.get("place") == "returning-state"
    if flow is Flow.RETURNED and _home_from_the_other_zone(text, code, facts, state):
        zone = _OTHER_ZONE[code]  # "625 Iraqis returned to Iraq from al-Hol in Syria"
    if _local(code, zone) or (head is not None and head.local and code in ZONE_CODES):
        return None
    there_now = (
        _there_now(facts, n, code, cue, made, context, clause) if flow is Flow.DEPARTED else None
    )
    if there_now is not None:
        flow, flow_rule = Flow.REMAINING, there_now
        cue = Cue(cue.start, cue.end, cue.text, flow, True, False) if cue is not None else cue
    used[i] = cue if cue is not None else Cue(n.start, n.end, "", flow, True, False)
    draft = _make(facts, n, population, population_text, code, place_text, flow, context)
    draft.why.update(why, population=people.rule, flow=flow_rule)
    if origin:
        draft.why["flow"] = f"origin-of-a-part: {flow_rule}"
    draft.stock = cue is None or cue.stock
    draft.continues = CHANGE_TO.search(text, max(0, n.start - 30), n.start) is not None
    # (a part of a whole of no one country measures what its whole's cue says: "The prison
    # holds 5,000 suspects, among them 45 Russians" are held now)
    unmade = [j for j in outside if j < i and j not in made]
    part = cue is None and bool(unmade) and _a_part(text, figures, i)
    whole_cue = outside[max(unmade)] if part else None
    reach = (min(clause[0], whole_cue.start), clause[1]) if whole_cue is not None else clause
    draft.scope, draft.why["scope"] = scope_of(
        text, reach, (n.start, n.end), flow, cue or whole_cue, facts.dates
    )
    if cue is not None and cue.flow is Flow.DETAINED and _WAITING_IN_CUSTODY.fullmatch(cue.text):
        draft.scope, draft.why["scope"] = Scope.CURRENT, "waiting-in-custody"
    elif again is not None and flow_rule == "restates-a-figure":
        # (the people of the figure it restates, measured and dated as that one was)
        draft.scope, draft.why["scope"] = again.scope, "scope-of-the-figure-restated"
        draft.as_of, draft.why["as_of"] = again.as_of, "as-of-the-figure-restated"
    elif draft.why["scope"] == "default" and why.get("place") == "restates-a-figure":
        # "… after the 17 landed": the people of the figure it restates, measured as it was
        earlier = restated(context, text, n)
        if earlier is not None:
            draft.scope, draft.why["scope"] = earlier.scope, "scope-of-the-figure-restated"
    elif draft.why["scope"] == "default" and not facts.dates and context.day_before:
        # "On July 19, Kazakhstan brought back 47 ... . The group included 18 orphans": the
        # day the sentence before gives is this figure's, one event
        draft.scope, draft.why["scope"] = Scope.EVENT, "day-of-the-sentence-before"
    elif (
        draft.why["scope"] == "no-verb-of-its-own"
        and cue is None
        and context.previous
        and context.previous[-1].flow is flow
        and (flow_rule.startswith("no verb") or flow_rule == "listed-by-place")
    ):
        # "70 to 80 Guyanese are detained … They include an estimated 18 women": the parts of
        # the figure before measure what it measures
        draft.scope, draft.why["scope"] = context.previous[-1].scope, "scope-of-the-figure-before"
    elif draft.why["scope"] == "default" and _among_them(text, n):
        # "Some 130 Swedes are held in the camps. Thirty women are among those held": a part
        # measures what its whole measures
        whole = next(reversed(made.values()), None) or (
            context.previous[-1] if context.previous else None
        )
        if whole is not None and whole.flow is flow:
            draft.scope, draft.why["scope"] = whole.scope, "scope-of-the-figure-before"
    return draft


# a stock of where people are, said in the present: "are in Syria", "in Iraq", "are there"
_THERE = re.compile(
    r"in\s+(?:syria|iraq|(?:the\s+)?(?:conflict|war|combat)\s+(?:zones?|areas?)|the\s+region)|"
    r"(?:still\s+)?(?:on\s+the\s+(?:ground|battlefields?)|(?:at|on)\s+the\s+front(?:\s?lines?)?)",
    re.I,
)


# a word of the present right before the figure, opening its clause ("Currently, 45 Swiss
# are in Syria", "At present some 130 Kosovars are fighting there")
_PRESENT_OPENING = re.compile(
    r"[\s\"“'‘(]*(?:currently|presently|at\s+present|at\s+the\s+moment|right\s+now|nowadays|"
    r"today|as\s+things\s+stand),?\s+$",
    re.IGNORECASE,
)
_STOCK_THERE = re.compile(
    r"(?:fight(?:ing|s)?|(?:in|among|within|into)\s+(?:the\s+|its\s+|their\s+)?ranks|"
    + _THERE.pattern
    + r")",
    re.IGNORECASE,
)


def _there_now(
    facts: Facts,
    n: NumberMention,
    code: str,
    cue: Cue | None,
    made: dict[int, Draft],
    context: Context,
    clause: tuple[int, int],
) -> str | None:
    """The rule that reads a departure's stock as those still there, if one does."""
    if _set_against_who_went(facts, n, code, cue, made, context):
        # "About 300 Kosovars went. Of these, … about 100 are in Syria": those still there
        return "set-against-those-who-went"
    if _present_opens_the_clause(facts.sentence.text, n, cue, clause[0]):
        # "At present, 130 Kosovars are in the ranks of armed groups": there now
        return "present-word-opens-the-clause"
    return None


def _present_opens_the_clause(text: str, n: NumberMention, cue: Cue | None, start: int) -> bool:
    """A stock with no verb of movement whose clause opens with a word of the present ("At
    present, 130 Kosovars are in the ranks of armed groups in Syria", "Today some 300 Austrians
    are in the conflict zone") counts those there now: the contract's "currently fighting"."""
    if cue is None or not cue.stock or _STOCK_THERE.fullmatch(cue.text) is None:
        return False
    return _PRESENT_OPENING.fullmatch(text, start, n.start) is not None


def _restating(
    text: str, n: NumberMention, head: Head | None, population: Population, context: Context
) -> Draft | None:
    """A later mention of an earlier figure's number that says no act of its own, pointed back
    by a determiner ("These 35 children", "The 300 are watched closely") or by its own noun of
    people ("But 5,600 people can do a lot of damage"), restates those people (rule
    `restates-a-figure`): the earlier figure, unless its own noun names other people than that
    one counted."""
    earlier = restated(context, text, n) or (
        restated(context, text, n, definite=False)
        if head is not None
        and head.population is not None
        and not head.excluded
        and (n.value or 0) >= _RESTATED_AT_LEAST
        else None
    )
    if earlier is None or earlier.flow is None:
        return None
    if population is not Population.TOTAL and population is not earlier.population:
        return None  # "… 12 children. The 12 women …": other people
    if _OF_BEFORE.search(text, max(0, n.start - 14), n.start):
        return None  # "Of those 5,000, about 1,500 returned": a base, not a restatement
    return earlier


# a number without a determiner restates an earlier one only when large enough not to be a
# chance match ("with two Britons near Aleppo" restates no earlier "two")
_RESTATED_AT_LEAST = 10
# "of the 850", "out of these 40": the figure named as the whole of a part
_OF_BEFORE = re.compile(r"\b(?:out\s+)?of\s+(?:the|these|those|all)\s+$", re.I)


def _set_against_who_went(
    facts: Facts,
    n: NumberMention,
    code: str,
    cue: Cue | None,
    made: dict[int, Draft],
    context: Context,
) -> bool:
    """A stock in the zone set against a larger number of the same people who went, before it
    in the sentence or its paragraph ("Some 1,600 Moroccans have joined. About 900 of these
    are in Syria"), counts those still there, not another count of departures (the contract:
    "N are in Syria" is departed unless the text sets it against a larger number who went)."""
    if cue is None or not cue.stock or _THERE.fullmatch(cue.text) is None:
        return False
    if n.kind is NumberKind.SHARE:
        return False
    size = n.high if n.high is not None else (n.value if n.value is not None else n.low)
    if size is None:
        return False
    paragraph = facts.sentence.paragraph
    earlier = [*[d for d in context.previous[-6:] if d.paragraph == paragraph], *made.values()]
    for d in earlier:
        went = d.number.low if d.number.low is not None else d.number.value
        if (
            d.flow is Flow.DEPARTED
            and not d.stock
            and d.place == code
            and went is not None
            and went > size
        ):
            return True
    return False


# "they number 210", "they are estimated to number around 300", "these are put at 500"
_THEY = compile_guarded(
    r"\b(?:they|these|those)\s+(?:(?:people|fighters|citizens|nationals|men|militants|jihadists|"
    r"individuals|returnees)\s+)?(?:are\s+|were\s+|would\s+|now\s+|still\s+)?"
    r"(?:(?:estimated|believed|thought|said|reported)\s+to\s+)?"
    r"(?:number(?:ed)?|total(?:led)?|be|are|were|is)\s+(?:\w+\s+){0,2}$",
    re.I,
)


def _they_number(facts: Facts, n: NumberMention, context: Context) -> Flow | None:
    """The flow of the people a pronoun refers to: the verb before it in the sentence ("those
    who have returned, but they number 300"), else the sentence before's ("Some were able to
    return to Egypt. They number 210.")."""
    text = facts.sentence.text
    they = _THEY.search(text, max(0, n.start - 60), n.start)
    if they is None:
        return None
    earlier = [c for c in facts.cues if c.end <= they.start() and not c.stock and not c.blocked]
    if earlier:
        return earlier[-1].flow
    if context.flow_before is None and context.stock_before:
        return Flow.DEPARTED  # "… its citizens in the ranks of IS. These people are up to 500."
    return context.flow_before


_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_CLOSE_BRACKET = re.compile(r"\s*\)")


def _bracketed_count(
    text: str, figures: list[Figure], made: dict[int, Draft], i: int
) -> Draft | None:
    """The count right after a share, alone in brackets ("almost a fifth (3,950)")."""
    count = made.get(i + 1)
    if count is None or count.kind is not Kind.COUNT or figures[i].head is not None:
        return None
    nxt = figures[i + 1].number
    if not _OPEN_BRACKET.fullmatch(text, figures[i].number.end, nxt.start):
        return None
    return count if _CLOSE_BRACKET.match(text, nxt.end) else None


def _ranked_with(facts: Facts, n: NumberMention) -> Flow | None:
    """ "Among the Europeans who joined ISIS, France leads with 1,910": a ranking's number "with"
    which a sentence ranks the people its verb before it counts."""
    if not _WITH_N.search(facts.sentence.text, max(0, n.start - 10), n.start):
        return None
    text = facts.sentence.text
    said = [c for c in facts.cues if c.end <= n.start and not c.stock and not c.blocked]
    if not said:
        return None
    flow = said[-1].flow
    # (people brought back from the zone are the conflict's; travellers to it only when the
    # sentence names fighters: not "Among the journalists who travelled to Syria, France
    # leads with 40")
    returned = flow is Flow.RETURNED and facts.zone is not None
    if not (returned or facts.groups or FIGHTER_HEAD.search(text) or _TOPIC.search(text)):
        return None
    return flow


def _measure_of_before(facts: Facts, n: NumberMention, context: Context) -> Flow | None:
    """The flow of the people a measure named alone counts ("The tally now stands at 150"):
    the verb before it in the sentence, else the sentence before's (`copulas.bare_measure`)."""
    text = facts.sentence.text
    if not bare_measure(text, n.start):
        return None
    earlier = [c for c in facts.cues if c.end <= n.start and not c.stock and not c.blocked]
    if earlier:
        return earlier[-1].flow
    if context.flow_before is None and context.stock_before:
        return Flow.DEPARTED
    return context.flow_before


def _whole_of(text: str, figures: list[Figure], made: dict[int, Draft], i: int) -> Draft | None:
    """The whole a part without a noun of its own belongs to ("250 Dutch minors …, including
    60 who were brought back"; "… including 150 in Syria and 10 in Turkey")."""
    if figures[i].head is not None or not _a_part(text, figures, i):
        return None
    earlier = [made[j] for j in sorted(made) if j < i and made[j].kind is Kind.COUNT]
    wholes = [d for d in earlier if not _a_part(text, figures, _index_of(figures, d))]
    return wholes[-1] if wholes else None


def _index_of(figures: list[Figure], d: Draft) -> int:
    return next(k for k, f in enumerate(figures) if f.number is d.number)


_GAPPED_BATCH = re.compile(r"\band\s+(?:another|a\s+further|an\s+additional)\s+$", re.I)


def _whole_population(
    text: str, figures: list[Figure], made: dict[int, Draft], i: int
) -> Choice[People] | None:
    """A part without a noun of its own counts its whole's people; a gapped batch after the
    figure before, its people ("six children in June and another 10 in October")."""
    whole = _whole_of(text, figures, made, i)
    before = made.get(i - 1)
    start = figures[i].number.start
    if (
        whole is None
        and before is not None
        and before.population is not Population.TOTAL
        and _GAPPED_BATCH.search(text, max(0, start - 30), start)
    ):
        return Choice((before.population, before.population_text), "gapped-batch")
    if whole is None:
        return None
    return Choice((whole.population, whole.population_text), "part-of-its-whole")


def _shared_verb(text: str, figures: list[Figure], i: int, used: dict[int, Cue]) -> Cue | None:
    """ "repatriated 35 children and 16 mothers from camps in Syria": a figure joined by "and"
    to the one before takes the verb that governs both, not a word after it."""
    before = used.get(i - 1)
    if (
        before is None
        or before.stock
        or before.blocked
        or before.start > figures[i - 1].number.start
    ):
        return None
    prev = figures[i - 1]
    if _AS_HAVE.search(text, max(0, prev.number.start - 40), prev.number.start):
        return None  # "…, as were 120 Kyrgyz, and 90 Tajiks are still in Iraq": said of 120 only
    end = prev.head.end if prev.head is not None else prev.number.end
    own = figures[i].head
    mine = own.end if own is not None else figures[i].number.end
    if own_words(text, prev.number.start) is not None and verb_follows(text, mine):
        return None  # "the death toll is 20 and about 40 are back": a verb of its own
    return before if AND_NEXT.fullmatch(text, end, figures[i].number.start) else None


def _joined_to_a_plan(facts: Facts, figures: list[Figure], i: int, used: dict[int, Cue]) -> bool:
    """ "Canada is preparing to repatriate nearly 20 women and 40 children from camps in
    Syria": a figure joined by "and" to one a plan governs is in the plan too, whatever
    words follow it (rule `joined-to-a-plan`; the figure before was no estimate, so no verb
    of it was kept to share)."""
    if i == 0 or (i - 1) in used:
        return False
    text, prev = facts.sentence.text, figures[i - 1]
    end = prev.head.end if prev.head is not None else prev.number.end
    if not AND_NEXT.fullmatch(text, end, figures[i].number.start):
        return False
    cue = choose_cue(facts, figures, i - 1, used)
    return cue is not None and cue.blocked and cue.end <= prev.number.start


# "100, among them 30 women, are …", "231 citizens — 16 men, 59 women and 156 children — were"
# (the comma before "including" may be left out: "25,000 foreigners including 250 Americans
# have flocked to Syria")
_APPOSED_PARTS = re.compile(
    r"\s*(?:(?:[,(–—]\s*)?(?:among\s+(?:them|whom)|of\s+(?:whom|which)|including|incl\.)\s+"
    r"|[(–—]\s*)",
    re.I,
)
# the mark that closes an aside its opening mark began
_ASIDE_CLOSES = {"(": ")", ",": ",", "–": "–", "—": "—"}


def _held_only_where(facts: Facts, figures: list[Figure], i: int, cue: Cue) -> Cue:
    """ "France repatriated 16 women and 35 children being held in camps": the words after
    the people say where they were held; the verb before them says what happened."""
    moved = moved_from_where_held(facts, figures[i].head, cue, figures[i].number)
    return moved or cue


def _verb_after_parts(facts: Facts, figures: list[Figure], i: int) -> Cue | None:
    """ "Around 100, among them around 30 women, are still in Syria": a whole whose parts
    follow it takes the verb after them."""
    if i + 1 >= len(figures):
        return None
    text, whole, part = facts.sentence.text, figures[i], figures[i + 1].number
    end = whole.head.end if whole.head is not None else whole.number.end
    if not _APPOSED_PARTS.fullmatch(text, end, part.start):
        return None
    # "About 300 Indonesians (of whom 120 returned) went to Syria": a verb inside the aside
    # is the part's own; the whole's stands after the aside's closing mark
    closer = _ASIDE_CLOSES.get(text[end : part.start].lstrip()[:1])
    close = text.find(closer, part.end, part.end + 80) if closer else -1
    after_aside = close + 1 if close >= 0 else part.end
    after = [c for c in facts.cues if after_aside <= c.start <= part.end + 80 and not c.stock]
    return after[0] if after else None


def _flow_rule(cue: Cue | None) -> str:
    if cue is None:
        return "the verb of the figure before"
    return f"{'stock' if cue.stock else 'verb'} '{cue.text}'"


# Rules that take a place merely named near the figure: words that refer to a country by
# description ("nationals of the country") say better whose people they are.
_NEARBY_PLACE_RULES = frozenset(
    {"opening-place", "clause-subject", "nearest-place", "foreign-people-in-clause"}
)


def _placed(
    facts: Facts,
    figures: list[Figure],
    i: int,
    head: Head | None,
    clause: tuple[int, int],
    made: dict[int, Draft],
    context: Context,
    cue: Cue | None,
    flow: Flow,
    referral: tuple[bool, bool],
) -> tuple[tuple[str, str], dict[str, str]] | None:
    """The figure's place and the rules behind it; None when it has none or is no figure of
    foreign fighters (a few countries' joint figure, a figure off the topic)."""
    text, n = facts.sentence.text, figures[i].number
    heads = [f.head for f in figures if f.head is not None]
    stated = place_of(text, n, head, facts, clause, heads)
    if stated is None or stated.rule in _NEARBY_PLACE_RULES:
        referenced = country_by_reference(text, facts.places, clause, context.country_before)
        if referenced is not None:
            stated = Choice(referenced, "country-by-reference")
    if (stated is None or stated.rule in _NEARBY_PLACE_RULES) and figures[i].head is None:
        whole = _whole_of(text, figures, made, i)
        if whole is not None:
            # "… including 150 in Syria, 20 in Iraq and 10 in Turkey": where they are held
            stated = Choice((whole.place, whole.place_text or ""), "part-of-its-whole")
    earlier = restated(context, text, n)
    came_back = earlier is not None and earlier.flow is Flow.RETURNED and flow in _HELD_AT_HOME
    if not came_back and no_country_figure(facts, figures, i, head, clause, flow, stated is None):
        # (but "The seven men are being held in custody in Sarajevo", said of seven who just
        # came back, are returnees held, not suspects arrested at home)
        return None
    if stated is not None and stated.rule == "foreign-people" and deported_foreigners(text, n):
        return None  # "Turkey, which has deported 5,000 suspected foreign fighters"
    # (referred: its flow is an earlier figure's; anaphor: "This number includes ...")
    referred, anaphor = referral
    # "Of the 30 Irish citizens who went, about 40 percent have died": a part of the cohort the
    # sentence opens with is about what that cohort was about
    cohort = any(j < i for j in made) and _OPENS_WITH_OF.match(text) is not None
    # "Nine Kazakhs were among 60 fighters killed": a part of a whole that is a figure of
    # foreign fighters is one too (`part-of-a-figure-is-relevant`)
    # (and a part of a whole already read: "None of the 40 Australians held in camps has been
    # charged" is about the 40 held in camps)
    cohort = cohort or figures[i].base_of in made
    # (a restatement, "The seven men are held in Sarajevo", is about what its figure was)
    if not (referred or anaphor or cohort or earlier is not None) and not _relevant(
        text, head, facts, context, cue, bool(stated)
    ):
        return None
    around = (
        place_around(facts, figures, i, head, made, context, cue, flow, anaphor)
        if stated is None or explaining()
        else None
    )
    place = stated or around
    if place is None and (home := home_countries(text, clause)) is not None:
        place = Choice(home, "their-home-countries")
    if place is None:
        return None
    why = {"place": place.rule}
    others = [*place.lost, *([(around.rule, around.value)] if stated and around else [])]
    lost = [(rule, value) for rule, value in others if value[0] != place.value[0]]
    if lost:
        why["place, lost"] = "; ".join(f"{rule}: {value[0]}" for rule, value in lost)
    return place.value, why


def _cue(
    facts: Facts, figures: list[Figure], i: int, used: dict[int, Cue]
) -> Cue | Literal[False] | None:
    """The figure's cue; None when it has none of its own; False when it is no figure."""
    text, n = facts.sentence.text, figures[i].number
    measure = own_words(text, n.start)
    own = figures[i].head
    mine = own.end if own is not None else n.end
    if measure is not None and not verb_follows(text, mine):
        # "the death toll is 20 and about 40 are back", "…, the dead at 74": the measure's
        # own words say what its people did
        said = [
            c
            for c in facts.cues
            if measure[0] <= c.start and c.end <= measure[1] and not c.stock and not c.blocked
        ]
        if said:
            return said[-1]
    shared = _shared_verb(text, figures, i, used)
    if shared is not None:
        return _held_only_where(facts, figures, i, shared)
    if _joined_to_a_plan(facts, figures, i, used):
        return False
    said_again = _as_have(facts, n)
    if said_again is not None:
        return said_again
    cue = choose_cue(facts, figures, i, used) or _verb_after_parts(facts, figures, i)
    if cue is not None:
        cue = _held_only_where(facts, figures, i, cue)
    if _zero_of_another_act(text, figures[i], cue):
        return False
    # a plan or a condition before the figure ("plans to bring back 90"), asked twice below
    planned = _NUMBER_BLOCK.search(text, 0, n.start) is not None
    if (cue is not None and cue.blocked and cue.end <= n.start) or planned:
        held = _held_now(facts, own)
        if held is not None:
            # "plans to bring back 90 women and children held in camps": the plan is none,
            # the people it names are held now
            return held
    if cue is not None and cue.blocked and cue.start >= n.end:
        held = _held_now(facts, own, _HELD_BEFORE_A_PLAN_GAP)
        if held is not None and held.end <= cue.start:
            # "Two Germans who had been captured in Syria will be deported": the plan is none,
            # the people it names are held now (`held-before-a-plan`)
            return held
        waiting = _WAITING_IN_CUSTODY.match(text, cue.start)
        if waiting is not None and _WISH.search(text, n.end, waiting.end()):
            # "About 70 Moroccan women want to come back from the camps in Syria": the wish is
            # no movement, the camps they would leave hold them now (`waiting-in-custody`)
            return Cue(waiting.start(), waiting.end(), waiting.group(), Flow.DETAINED, False, False)
    if (cue is not None and cue.blocked and not _zero_negates(text, n, cue)) or planned:
        return False
    last = last_word(text, n.start)  # (both regexes below end in one of a few words)
    if last in _LIST_OF_ENDS and _LIST_OF.search(text, max(0, n.start - 60), n.start):
        return False
    if (
        cue is None
        and last in ("which", "whom")
        and _WHICH.search(text, max(0, n.start - 12), n.start)
    ):
        # "41 supporters ..., of which 5 had key positions": a part, no flow of its own
        return False
    if _a_part(text, figures, i) and (cue is None or cue.stock or cue.start < n.start):
        if i == 0 and cue is not None and not cue.stock and INCLUDING.search(text, 0, n.start):
            # "The detainees include about 21 women": the whole is the cue's own people, named
            # without a figure; its word says what the part did
            return cue
        # "110 citizens, including 74 children, from camps in Syria": a part of the figure
        # before takes its flow
        return None
    return cue


# between the people a plan names and the words that say where they are now: "90 women held
# in camps", "16,000 citizens still in al-Hol", "40 children who are still held in Roj"
_HELD_NOW_GAP = re.compile(
    r"(?:\s+and\s+(?:their\s+)?(?:children|women|men|minors|families|wives|orphans))?"
    r"\s*,?\s*(?:(?:who|that)\s+(?:are|is|remain)\s+)?(?:(?:still|now|currently)\s+)?",
    re.I,
)
# … or in a relative clause before a plan about them: "two Germans who had been captured in
# Syria will be deported", "the 800 fighters that we captured are to be sent home"
_HELD_BEFORE_A_PLAN_GAP = re.compile(
    r"\s*,?\s*(?:(?:who|that|which)\s+(?:(?:have|had|has)\s+been|were|was|are|is|remain)\s+|"
    r"(?:who|that|whom)\s+(?:we|they|the\s+\w+|\w+\s+forces)\s+(?:have\s+|had\s+)?)?"
    r"(?:(?:still|now|currently|recently|since)\s+)?",
    re.I,
)


# the words of a wish or a request to leave (data/flows.yaml: wishes), not a way out taken
# ("are en route home from the camps", "escaped from detention camps" are none)
_WISH = re.compile(r"\b(?:" + alternation(load("flows")["wishes"]) + r")\b", re.I)
# a wish or plan to leave custody, said after the people: "want to come back from the camps",
# "are asking to be repatriated from Roj", "hope to return home from prisons in Syria"
_WAITING_IN_CUSTODY = re.compile(
    r"[^.;,]{0,50}?\bfrom\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:camps?|prisons?|jails?|detention|custody|al[- ]?hol|al[- ]?hawl|al[- ]?roj|roj)\b",
    re.I,
)


def _held_now(facts: Facts, head: Head | None, gap: re.Pattern[str] = _HELD_NOW_GAP) -> Cue | None:
    """The custody or stay in the zone said right after the people (rule
    `held-now-despite-a-plan`), when a plan before the figure is no movement."""
    if head is None:
        return None
    text = facts.sentence.text
    for c in facts.cues:
        if c.start < head.end or c.stock:
            continue
        if c.flow in (Flow.DETAINED, Flow.REMAINING) and gap.fullmatch(text, head.end, c.start):
            # (a modal of the plan before may reach it: "will bring back 12 women held in Roj")
            return dataclasses.replace(c, blocked=False)
        break
    return None


# "400 of the 3,400 from Russia have returned, as have 760 of the 3,200 from Saudi Arabia": the
# verb said once for a second subject
_AS_HAVE = re.compile(
    r",\s*(?:as|so)\s+(?:have|has|had|did|do|does|were|was|are|is)\s+"
    rf"(?:(?:{_HEDGES}|another)\s+)?$",
    re.I,
)


def _as_have(facts: Facts, n: NumberMention) -> Cue | None:
    """The verb of the clause before ", as have N": the figure did what that clause's people
    did."""
    text = facts.sentence.text
    m = _AS_HAVE.search(text, max(0, n.start - 40), n.start)
    if m is None:
        return None
    said = [c for c in facts.cues if c.end <= m.start() and not c.stock and not c.blocked]
    return said[-1] if said else None


# between two items of a list of parts: "including 150 in Syria, 20 in Iraq and 10 in Turkey"
_PART_ITEM_GAP = re.compile(
    r"(?:\s+[\w'-]+)?(?:\s+(?:in|at|from)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?)?"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)",
    re.I,
)


def _verb_of_an_unread_whole(
    facts: Facts, figures: list[Figure], i: int, made: dict[int, Draft], used: dict[int, Cue]
) -> tuple[int, Cue] | None:
    """ "An airstrike killed 30 ISIS fighters near Raqqa, among them 12 Chechens": a whole that is
    no figure of foreign fighters (a group's own men) still says, by the verb right before it,
    what its parts of one country did (`part-of-an-unread-whole`)."""
    text = facts.sentence.text
    if i == 0 or not _a_part(text, figures, i):
        return None
    j = i - 1
    while j > 0 and _a_part(text, figures, j):
        j -= 1
    if j in made or j in used:
        return None
    whole = figures[j].number
    verbs = [
        c
        for c in facts.cues
        if c.end <= whole.start and whole.start - c.end <= 16 and not c.stock and not c.blocked
    ]
    return (j, verbs[-1]) if verbs else None


# a stock that names only where people are from: "are from Russia", "come from Tunisia"
_ORIGIN = re.compile(r"\bfrom$", re.I)


def _among_them(text: str, n: NumberMention) -> bool:
    """ "Among them are 20 women", "There are 20 women among them": a part of the people
    counted before."""
    return (
        _AMONG_THEM.search(text, 0, n.start) is not None
        or _AMONG_THEM_AFTER.match(text, n.end) is not None
    )


def _origin_of_a_part(text: str, n: NumberMention, cue: Cue, whole_before: bool) -> bool:
    """ "About 1,200 are in Kurdish custody; 250 of them are from Russia", "Of these, 40 come
    from Tunisia": a part said by its origin measures what its whole does; the origin's words
    are no flow of their own (rule `origin-of-a-part`)."""
    return (
        whole_before
        and cue.stock
        and cue.start >= n.end
        and _ORIGIN.search(cue.text) is not None
        and (OF_THEM.match(text, n.end) is not None or _among_them(text, n))
    )


def _a_part(text: str, figures: list[Figure], i: int) -> bool:
    """ "110 citizens, including 74 children", "… including 150 in Syria, 20 in Iraq and 10 in
    Turkey": a part of the figure before, or the next item of a list of such parts."""
    n = figures[i].number
    if INCLUDING.search(text, max(0, n.start - 24), n.start):
        return True
    if i == 0:
        return False
    prev = figures[i - 1]
    end = prev.number.end
    if destination_part(text, end, n.number_start, n.end):
        return True
    listed = _PART_ITEM_GAP.fullmatch(text, end, n.start) is not None or next_part(
        text, end, n.start
    )
    return listed and _a_part(text, figures, i - 1)


# "none of them has carried out an attack": a zero with a verb of its own that is no flow
_ZERO_OWN_VERB = re.compile(
    r"\s*(?:of\s+(?:them|these|those|whom)\s*)?,?\s*(?:has|have|had|is|are|was|were|did|does|do)\b",
    re.I,
)


def _zero_of_another_act(text: str, fig: Figure, cue: Cue | None) -> bool:
    """A zero whose verb says something else than a movement ("none of the 300 returnees has
    carried out an attack"): the flow word before it is its people's, not its own."""
    n = fig.number
    if n.value != 0 or cue is None or cue.start >= n.start:
        return False
    end = fig.head.end if fig.head is not None else n.end
    return _ZERO_OWN_VERB.match(text, end) is not None


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
    as_of, as_of_why = _date_of(facts, n, context)
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
        attribution=nearest_attribution(facts.attributions, n.start, facts.sentence.text),
        as_of=as_of,
        since=since_for(facts.dates, facts.sentence.text, (n.start, n.end))
        or _since_before(facts.sentence.text, context),
        zone=facts.zone,
        group=nearest_group(list(facts.groups), n.start),
        paragraph=facts.sentence.paragraph,
        why={"as_of": as_of_why},
    )


def _date_of(facts: Facts, n: NumberMention, context: Context) -> tuple[str | None, str]:
    """The figure's as_of and the rule behind it: a date the sentence states for it, else the
    one the sentence before gave, else (None) the document's date."""
    stated = dated(facts.dates, n.start, n.end, context.narrative_month)
    if stated is not None:
        return stated
    carried = _carried_date(facts, context)
    if carried is not None:
        return carried, "carried from the sentence before"
    return None, "document's date"


# (read for each figure of a sentence whose date is carried: the last few sentences' kept)
@lru_cache(maxsize=32)
def _period_anaphor(text: str) -> str | None:
    """The kind of the first of `_PERIOD_ANAPHORS` the sentence says ("that year"), if any."""
    for kind, pattern in _PERIOD_ANAPHORS:
        if pattern.search(text):
            return str(kind)
    return None


def _carried_date(facts: Facts, context: Context) -> str | None:
    """The previous sentence's date; "that year" keeps only its year, "the following year" is
    the one after, and both may name the year the sentence before states for what happened."""
    carried = context.carried_as_of
    text = facts.sentence.text
    kind = _period_anaphor(text)
    if kind is not None:
        base = carried or context.period_before
        return _period_after(base, kind) if base else None
    if carried is None and _PARTS_OPEN.match(text) and context.previous:
        last = context.previous[-1]
        if facts.sentence.paragraph - last.paragraph == 1:
            # "… brought home 110 on Saturday.¶ Among them were 32 women …": news gives a
            # sentence a paragraph; the parts of the figure before are of its date
            return last.as_of
    return carried


def _since_before(text: str, context: Context) -> str | None:
    """ "Since then, 60 have returned": the date the sentence before states starts the count."""
    return context.period_before if _SINCE_ANAPHOR.search(text) else None


def _period_after(base: str, kind: str) -> str | None:
    if kind == "same_month":
        return base[:7] if len(base) >= 7 else None
    year = base[:4]
    return str(int(year) + 1) if kind == "next_year" else year


def _listed_after_a_pronoun(text: str, n: NumberMention, head: Head | None) -> bool:
    """ "These are France with 1,800, the UK with 760": a bare figure of a list that a pronoun
    opens, the people of the sentence before (`listed-after-a-pronoun`)."""
    return (
        head is None
        and _WITH_N.search(text, 0, n.start) is not None
        and _THESE_ARE.search(text) is not None
    )


def _refers_back(text: str, n: NumberMention, head: Head | None) -> bool:
    return bool(
        _ANAPHOR.search(text, 0, n.start)
        or _THIS_WAS.search(text, max(0, n.start - 40), n.start)
        or _GROUP_INCLUDED.search(text, max(0, n.start - 60), n.start)
        or _COUNT_ANAPHOR.search(text, 0, n.start)
        or OF_THEM.match(text, n.end)
        or (head is not None and _OF_DEFINITE.match(head.text))
        or _listed_after_a_pronoun(text, n, head)
    )


# what the prisons and camps of the zone's states and forces hold names the conflict ("Iraqi
# prisons currently hold 37 Azerbaijani women")
_ZONE_CUSTODY = compile_guarded(
    r"\b(?:Iraqi|Syrian|Kurdish(?:-run|-led)?|SDF)\s+(?:prisons?|camps?|jails?|courts?|"
    r"detention\s+(?:centres?|centers?|facilities))\s+(?:\w+ly\s+|still\s+|now\s+)?"
    r"(?:hold|holds|held|house|houses|housed|contain|contains|are\s+holding)\b"
)


# a custody cue that is only a place ("in Syrian camps"), no verb of holding ("in the hands of
# the SDF", "in the custody of Kurdish forces" name the holder: custody-of-the-zone)
_WHERE_ONLY = re.compile(r"(?:in|at|inside)\b(?!\s+the\s+(?:hands|custody|care)\s+of\b)", re.I)


_CAMPS = re.compile(r"\bcamps?\b|\bal[- ]?h[oa]w?l\b|\broj\b", re.I)


def _relevant(
    text: str, head: Head | None, facts: Facts, context: Context, cue: Cue | None, placed: bool
) -> bool:
    """The figure is about the conflict. People who went, came back or stayed need the
    conflict named nearby (or an explicit verb); deaths and arrests need it in the sentence
    itself, or fighters for their people: "2 persons dead", "151 members of the HDP" are not
    foreign fighters however close Syria is."""
    if facts.zone is not None or facts.groups or _TOPIC.search(text):
        return True
    if _ZONE_CUSTODY.search(text):
        return True  # "Iraqi prisons currently hold 37 Azerbaijani women": held in the zone
    if (
        cue is not None
        and cue.flow is Flow.DETAINED
        and not _WHERE_ONLY.match(cue.text)
        and held_in_zone_regexes()[0].search(text)
    ):
        # "Around 150 Bosnians are still held in Syrian camps", "in Iraqi prisons": the
        # custody is the zone's (rule `held-in-the-zone-is-about-the-war`); not people only
        # placed there by another predicate ("200 citizens in Syrian camps have been cleared
        # for repatriation")
        return True
    words = head.text if head is not None else text
    if FIGHTER_HEAD.search(words) or FOREIGN_WORD.search(words):
        return True
    if (
        cue is not None
        and cue.flow is Flow.DETAINED
        and context.zone_nearby
        and _CAMPS.search(cue.text)
    ):
        # "… joined ISIS in Syria. 'We have around 60 nationals in the camps,' the minister
        # said": the camps of the conflict named just before (`camps-of-the-zone-nearby`)
        return True
    if cue is None or cue.flow not in TRAVEL:
        # deaths and arrests: people named by where they are from, or standing for people
        # just mentioned ("Of those who went, 27 have died")
        # ... or the noun is the flow itself ("with 20 known deaths")
        noun = head is not None and cue is not None and head.start <= cue.start < head.end
        bare = head is None or head.place is not None or placed or noun
        return bare and context.zone_nearby
    return context.zone_nearby or not cue.stock


def _zero_negates(text: str, n: NumberMention, cue: Cue) -> bool:
    """ "No Icelanders have gone": the negation is the figure (zero), not a denial."""
    if n.value != 0 or n.start > cue.start:
        return False
    masked = text[: n.start] + " " * (n.end - n.start) + text[n.end :]
    return not is_blocked(masked, cue.start)


def _zone_without(text: str, head: Head | None, facts: Facts) -> str | None:
    """The zone the sentence names apart from the people's own words: in "117 Iraq Shia
    fighters died in Syria" the zone is Syria, not Syria and Iraq."""
    if head is None or head.place is None or head.place.code not in ZONE_CODES:
        return facts.zone
    p = head.place
    return find_zone(text[: p.start] + " " * (p.end - p.start) + text[p.end :], facts.groups)


_OTHER_ZONE = {"IRQ": "SYR", "SYR": "IRQ"}
# "returned to Iraq", "handed over … to Iraq", "repatriated to Iraq": where they came home to
_HOME_TO = re.compile(r"\bto\s+(?:the\s+)?$", re.I)
# the Syrian side that hands Iraqis over ("the SDF handed over 280 Iraqi fighters to Iraq")
_HOLDERS_IN = {"YPG/SDF": "SYR"}


def _home_from_the_other_zone(text: str, code: str, facts: Facts, state: bool) -> bool:
    """Iraqis (or Syrians) who came home from the other country of the zone: the zone the
    sentence names apart from their home after "to" (or, `state`, the state that brought them
    back) is the other one, or the side that held them is there ("returned to Iraq from al-Hol
    camp in Syria", "the SDF handed over 280 Iraqi fighters to Iraq", "Jordan and Iraq have
    each repatriated dozens from the camps in Syria"). Iraqis who came home from elsewhere
    stay locals."""
    if code not in _OTHER_ZONE:
        return False
    blanked = text
    for p in facts.places:
        if p.code == code and (state or _HOME_TO.search(text, max(0, p.start - 8), p.start)):
            blanked = blanked[: p.start] + " " * (p.end - p.start) + blanked[p.end :]
    for p in facts.places:
        if p.code == code and p.form is not PlaceForm.NAME:
            blanked = blanked[: p.start] + " " * (p.end - p.start) + blanked[p.end :]
    held = any(_HOLDERS_IN.get(g.name) == _OTHER_ZONE[code] for g in facts.groups)
    zone = find_zone(blanked, facts.groups)
    # (their home named again as a speaker does not take them back: "the SDF handed over 280
    # Iraqi fighters to Iraq so far, Iraq's military said")
    if zone == _OTHER_ZONE[code] or (held and zone in (None, code)):
        return True
    # "Iraq's adviser said 12,000 Iraqis were repatriated from al-Hol camp in Syria": the
    # place they came back from is the other country, whoever speaks for their home
    # (`home-from-the-other-zone`)
    came_from = _FROM_PLACE.search(text)
    if came_from is None:
        return False
    phrase = text[came_from.end() : came_from.end() + 60]
    phrase = _PHRASE_END.split(phrase, maxsplit=1)[0]
    return find_zone(phrase, ()) == _OTHER_ZONE[code]


# "from the al-Hol camp in Syria", "from Syria's Roj camp": where people came back from, up to
# the end of its phrase
_FROM_PLACE = re.compile(r"\bfrom\s+(?=[^,;.]{0,60}?\b(?:Syria|Iraq)\b)")
_PHRASE_END = re.compile(r"[,;]|\.\s|\bto\b")


def _local(code: str, zone: str | None) -> bool:
    """Iraqis counted in Iraq are locals; Iraqis in Syria are foreign fighters."""
    if zone is None or code not in ZONE_CODES:
        return False
    return code == zone or zone == "syria-iraq"


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
        if OF_THEM.match(text, n.end) and context.previous:
            return context.previous[-1].flow  # "One in five of them came from Western Europe"
        return None
    if context.previous and (
        (head is None and predicate_population(text, n.end) is not None)
        or OF_THEM.match(text, n.end)
        or _COUNT_ANAPHOR.search(text, 0, n.start)
        or (head is None and _THIS_WAS.search(text, max(0, n.start - 40), n.start))
        or _GROUP_INCLUDED.search(text, max(0, n.start - 60), n.start)
        or (
            # in its paragraph, or in the one before when no one new speaks (news gives a
            # sentence a paragraph; "…, a researcher wrote" opens another story)
            _among_them(text, n)
            and (
                context.previous[-1].paragraph == facts.sentence.paragraph
                or (
                    facts.sentence.paragraph - context.previous[-1].paragraph == 1
                    and not facts.attributions
                )
            )
        )
        or (head is not None and _OF_DEFINITE.match(head.text))
        or _listed_after_a_pronoun(text, n, head)
        or (
            _ANAPHOR.search(text, 0, n.start)
            and CHANGE_TO.search(text, max(0, n.start - 30), n.start)
        )
    ):
        # "Up to 4,761 of the foreigners were women", "the group put the figure at 470",
        # "by 2018 the figure had risen to 310"
        return context.previous[-1].flow
    if (
        not context.previous
        and context.flow_before is not None
        and _GROUP_INCLUDED.search(text, max(0, n.start - 60), n.start)
    ):
        # "Kazakhstan brought back a group of its citizens from Syria. The group consists of
        # four men, one woman and seven children": the parts of a group told of without a
        # figure take the verb of the sentence before (`group-of-the-sentence-before`)
        return context.flow_before
    if context.previous and context.carried_is_figure and head is None and inside_parens(text, n):
        # "… hold about 2,000 foreign ISIS fighters; Russians (300), Turks (250) and Tunisians
        # (200) make up the biggest groups": a labelled breakdown of the figure before
        return context.previous[-1].flow
    if context.previous and ranking_regex().search(text, 0, n.start):
        # "Tunisia tops the list with 6,000 fighters. Saudi Arabia follows with 2,500."
        return context.previous[-1].flow
    if context.flow_before is not None and ranking_regex().search(text, 0, n.start):
        # "Tunisia sent the most fighters. Next come Saudi Arabia, with 2,500, …"
        return context.flow_before
    people = head is not None or re.match(r"\s+from\s", text[n.end :]) is not None
    if context.previous and people and continuation_regex().match(text):
        # "Besides, 400 people from Kyrgyzstan and 300 from Turkmenistan."
        return context.previous[-1].flow
    in_war = facts.zone is not None or bool(facts.groups) or context.zone_nearby
    if head is not None and head.population is not None and FIGHTER_HEAD.search(head.text):
        return Flow.DEPARTED if in_war else None
    if (
        head is None
        and (
            inside_parens(text, n)
            or (in_war and _WITH_N.search(text, 0, n.start))
            or (in_war and CONTINGENT_OF.search(text, max(0, n.start - 120), n.start))
        )
        and any(FIGHTER_HEAD.search(w.text) for w in people_words(text))
    ):
        # "France (1,700)"; "Tunisia heads the list with some 6,000, followed by Saudi Arabia
        # with 2,500": a count of the fighters the sentence is about
        return Flow.DEPARTED
    if head is None:
        return _ranked_with(facts, n)
    return None

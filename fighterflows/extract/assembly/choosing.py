"""Which words state a figure's flow: the cue after it in its clause, the verb of its
coordinated subjects, the cue before it, a stock ("fighting in Syria"), or the flow of the
figure before it in a list. A part of a figure ("7 out of the 129 who left ... are back")
takes the next cue that says something else than its whole's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fighterflows.extract.mentions.facts import Facts
from fighterflows.extract.mentions.flows import Cue
from fighterflows.extract.mentions.populations import Head, predicate_population
from fighterflows.extract.numbers import NumberKind, NumberMention
from fighterflows.extract.numbers.lexicon import gap_hedges
from fighterflows.initials import compile_guarded, last_word, lowered
from fighterflows.model import Flow, Population
from fighterflows.places import PlaceForm

# the hedges a rule reads across between a word and its figure (data/numbers.yaml)
_HEDGES = gap_hedges()

# "5,000 Europeans are among the 40,000 who joined": a part that did what the whole did
# "11 Americans were among 22 …", and in a headline without the copula ("11 U.S. citizens among
# 22 repatriated")
AMONG = re.compile(r"\s+(?:[\w.-]+\s+){0,3}(?:(?:are|were|is|was)\s+)?among\s+(?:the\s+)?", re.I)
_TIGHT = re.compile(r"\s+(?:(?P<returned>back|home)|(?P<departed>out))\b", re.I)
_RELATIVE = compile_guarded(r"(?<!of )\b(?:who|that|which|whom)\b", re.I)
# a relative clause of another noun inside the figure's own ("33 children who are trapped in a
# camp, the sons of parents who joined ISIS"): its verb is those people's, not the figure's
# (`nested-relative`); "who went and who returned" chains the figure's own
_NESTED_RELATIVE = re.compile(r"(?<!\band )(?<!\bor )(?<!of )\b(?:who|which)\b", re.I)
_CLAUSE_END = re.compile(
    r";|,\s*(?:while|whilst|but|whereas|although|though|as|when|where|because)\b|\.\s", re.I
)
# "a mission with two Britons": people accompanying the subject take no verb from before
# (and a figure compared to another, as "compared with" is: "lost 25 in 2018, compared to 313
# in 2015", "versus 40 a year before")
_WITH = compile_guarded(
    r"\b(?:with|alongside|besides|compared\s+to|in\s+comparison\s+to|versus|vs\.?)\s+$", re.I
)
# "Out of these 632 people, 273 are abroad": a base that opens the sentence or a clause; not
# the size of a group just named ("The largest group, of about 800, were from Indonesia")
_OF_LEAD = re.compile(
    r"(?:^|(?<!group)(?<!contingent)(?<!cohort)(?<!batch)[,;:]\s*)(?:(?:out\s+)?of|among)\s+"
    r"(?:the\s+|these\s+|those\s+)?$",
    re.I,
)
_COORDINATION = re.compile(
    r"\s*(?:(?:of|from|in)\s+(?:(?!\bwho|\bwhom|\bwhich)[^,;.(]){1,40}?)?\s*(?:,\s*)?"
    # "20 women and their 50 children", "20 women with their 50 children"
    r"(?:and|or|as\s+well\s+as|(?:together|along)\s+with|with(?=\s+their\b))?\s*(?:(?<=\s)their\s+)?",
    re.I,
)
# places labelled with their figures between brackets, then one verb for all ("Sweden (300)
# and Denmark (145) have both seen citizens leave"): rule `bracketed-coordination`
_BRACKETED_AND = re.compile(
    r"\s*\)\s*(?:,\s*|,?\s+(?:and|or|as\s+well\s+as)\s+)(?:the\s+)?(?:-?[A-Z][\w'’.-]*\s+){1,3}\(\s*"
)
# Between a head and its verb only auxiliaries and adverbs: "returnees have since been convicted"
_VERB_NEAR = re.compile(
    r"(?:\s+from\s+(?:the\s+)?[A-Z][\w-]*(?:\s+and\s+[A-Z][\w-]*)?)?"
    r"(?:\s+(?:have|has|had|were|was|are|is|been|being|also|since|now|already|reportedly|all|"
    r"later|then|not|never|tried\s+and|arrested\s+and|charged\s+and))*\s+",
    re.I,
)
OF_THOSE_WHO = re.compile(
    r"\s+of\s+(?:all\s+)?(?:those|them|the\s+(?:[\d,.]+\s+)?\w+)\s+(?:who|that)\s+"
    r"(?:(?!\b(?:have|has|had|are|were|is|was|will)\b)[^,;.])*",
    re.I,
)
_SUBSET = compile_guarded(r"\s*,?\s*of\s+(?:whom|which)\b", re.I)
# "sentenced 12 Danes for joining IS": a cue after "for", "after" tells what they did before
_ADJUNCT = re.compile(r"\b(?:for|after|before|upon|while|on)\s+$", re.I)
# "handed back 188 children whose mothers were convicted": a clause about other people
_WHOSE = compile_guarded(r"\bwhose\b", re.I)
_BEFORE = re.compile(r"\bbefore\s+(?:(?:later|eventually|finally|being)\s+)*$", re.I)
# the verbs a "whose" clause chains to its own ("whose mothers were convicted and jailed")
_CHAINED = re.compile(r"\s*(?:(?:[\w-]+\s+){0,3}?(?:,\s*)?(?:and|or)\s+(?:[\w-]+\s+){0,3})?$", re.I)


def _in_whose_clause(text: str, start: int, cues: Sequence[Cue], c: Cue) -> bool:
    """The cue is the verb of a "whose" clause about other people between the figure and it:
    the clause's own verb and the verbs chained to it ("188 children whose mothers were
    convicted"), not the main verb after it ("30 children whose parents joined ISIS arrived
    in Moscow")."""
    whose = _WHOSE.search(text, start, c.start)
    if whose is None:
        return False
    inside = [d for d in cues if whose.end() <= d.start < c.start]
    if not inside:
        return True
    return _CHAINED.fullmatch(text, inside[-1].end, c.start) is not None


@dataclass(frozen=True, slots=True)
class Figure:
    """A count or share in a sentence, with its head and the figure it is a part of."""

    number: NumberMention
    head: Head | None
    base_of: int | None  # index of the number this one is a part of ("7 out of 129")


# "500 — 10 percent — have come back", "150 (50 percent) have returned": a share set beside a
# count, between brackets or dashes, says what part of the whole that count is
_APPOSED_OPEN = re.compile(r"\s*(?:\(|[—–]|\s-)\s*")
_OF_THEM_HEAD = re.compile(r"\s*of\s+(?:them|those|these|whom)\b", re.I)
_APPOSED_CLOSE = re.compile(r"\s*(?:\)|[—–]|-\s)")
_TRAIL_OPEN = re.compile(r"\s+[^\d;:()]{1,60}?(?:\s\(|,\s|\s[—–]\s)\s*")
_TRAIL_CLOSE = re.compile(r"\s*(?:\)\s*)?(?:[.;]|$)")


def apposed_share(text: str, figures: list[Figure], j: int) -> int | None:
    """The index of the count the share `j` stands beside, if it does."""
    share = figures[j].number
    # "(about a quarter of them women)": the share's own words stand inside the bracket too
    close = share.end
    own = figures[j].head
    if own is not None and _OF_THEM_HEAD.match(own.text):
        close = own.end
    if j == 0 or share.kind is not NumberKind.SHARE:
        return None
    if not (_APPOSED_CLOSE.match(text, close) or _TRAIL_CLOSE.match(text, close)):
        return None
    count = figures[j - 1]
    if count.number.kind is NumberKind.SHARE:
        return None
    end = count.head.end if count.head is not None else count.number.end
    if _APPOSED_OPEN.fullmatch(text, end, share.start):
        return j - 1
    # "74 have been killed (about a quarter)", "about 300 are believed dead, roughly a quarter.":
    # a share set after the count's own words, closing its clause
    trailing = _TRAIL_OPEN.fullmatch(text, end, share.start) and _TRAIL_CLOSE.match(text, close)
    return j - 1 if trailing else None


# A figure's clause is asked for by several rules (its cue, its place, its draft): its bounds
# are kept for the figures of the sentence last asked about, found by identity (the list is not
# changed while its sentence is assembled), never across sentences. One tuple, read once, so
# that a thread never reads another's.
_LAST_BOUNDS: list[tuple[list[Figure], str, dict[tuple[bool, int], int]]] = [([], "", {})]


def _bounds(text: str, figures: list[Figure]) -> dict[tuple[bool, int], int]:
    last = _LAST_BOUNDS[0]
    if last[0] is figures and last[1] is text:
        return last[2]
    found: dict[tuple[bool, int], int] = {}
    _LAST_BOUNDS[0] = (figures, text, found)
    return found


def segment_end(text: str, figures: list[Figure], i: int) -> int:
    return _bound(text, figures, i, True, _segment_end)


def _bound(
    text: str,
    figures: list[Figure],
    i: int,
    end: bool,
    find: Callable[[str, list[Figure], int], int],
) -> int:
    """A figure's clause bound (`end`, else its start), found once for the sentence."""
    bounds = _bounds(text, figures)
    found = bounds.get((end, i))
    if found is None:
        found = bounds[end, i] = find(text, figures, i)
    return found


def _segment_end(text: str, figures: list[Figure], i: int) -> int:
    n = figures[i].number
    end = len(text)
    clause = _CLAUSE_END.search(text, n.end)
    if clause:
        end = clause.start()
    # (the words each regex below needs, looked for first: most sentences have none of them)
    low = lowered(text)
    subset = _SUBSET.search(text, n.end, end) if "wh" in low[n.end : end] else None
    if subset and text[n.end : subset.start()].strip():
        end = subset.start()  # "4,294 fighters of whom 30 percent have returned"
    if _of_lead(text, low, n.start) and not shares_the_noun(text, figures, i):
        comma = text.find(",", n.end)
        end = min(end, comma) if comma >= 0 else end
    for j in range(i + 1, len(figures)):
        other = figures[j]
        if (
            (other.head is not None and other.head.excluded)
            or figures[i].base_of == j
            or apposed_share(text, figures, j) == i
        ):
            continue
        return min(end, other.number.start)
    return end


def _of_lead(text: str, low: str, at: int) -> bool:
    """`_OF_LEAD` ends at `at` ("Out of these 632 people"): tried only where the words before
    `at` end with a word it ends with and white space (`low`: `lowered(text)`)."""
    before = low[:at]
    word = before.rstrip(" ")
    return (
        len(word) < len(before)
        and word.endswith(("of", "among", "the", "these", "those"))
        and _OF_LEAD.search(text, 0, at) is not None
    )


_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")


def shares_the_noun(text: str, figures: list[Figure], i: int) -> bool:
    """ "841 Afghan, 112 Iraqi and 60 Pakistani fighters": a nationality adjective without a
    noun of its own, an item of a list that shares the last item's noun."""
    head = figures[i].head
    return (
        head is not None
        and head.place is not None
        and head.place.form is PlaceForm.ADJECTIVE
        and head.text.strip() == head.place.text
        and i + 1 < len(figures)
        and _LIST_JOIN.fullmatch(text, head.end, figures[i + 1].number.start) is not None
    )


def segment_start(text: str, figures: list[Figure], i: int) -> int:
    return _bound(text, figures, i, False, _segment_start)


def _segment_start(text: str, figures: list[Figure], i: int) -> int:
    n = figures[i].number
    start = 0
    for m in _CLAUSE_END.finditer(text, 0, n.start):
        start = m.end()
    for j in range(i - 1, -1, -1):
        other = figures[j]
        if other.head is not None and other.head.excluded:
            continue
        return max(start, other.number.end)
    return start


# "Women made up about 13 percent of ...", "... were minors": a share that says what a
# figure is made of, not what some of its people did.
_MADE_UP = re.compile(
    r"\b(?P<pop>women|men|children|minors|girls|boys|females|males)\s+(?:made\s+up|make\s+up|"
    r"accounted\s+for|account\s+for|represent(?:s|ed)?|comprised|constitut(?:e|ed)|were|are)\s+"
    r"(?:about\s+|some\s+|"
    r"roughly\s+|around\s+|up\s+to\s+|nearly\s+|almost\s+)?$",
    re.I,
)
_POPULATION_WORDS = {
    "women": Population.WOMEN,
    "females": Population.WOMEN,
    "girls": Population.MINORS,
    "men": Population.MEN,
    "males": Population.MEN,
    "boys": Population.MINORS,
    "children": Population.MINORS,
    "minors": Population.MINORS,
}


def composition_population(text: str, n: NumberMention) -> tuple[Population, str] | None:
    """The population of a share that says what a figure is made of, named before the share
    ("Women made up 13 percent") or after its phrase ("12 percent of those who went were
    minors")."""
    before = _MADE_UP.search(text, max(0, n.start - 40), n.number_start)
    if before:
        return _POPULATION_WORDS[before.group("pop").lower()], before.group("pop")
    after = OF_THOSE_WHO.match(text, n.end)
    predicate = predicate_population(text, after.end() if after else n.end)
    return predicate


def choose_cue(facts: Facts, figures: list[Figure], i: int, used: dict[int, Cue]) -> Cue | None:
    text = facts.sentence.text
    fig = figures[i]
    n = fig.number
    share = n.kind is NumberKind.SHARE
    composition = share and composition_population(text, n) is not None
    if share and OF_THOSE_WHO.match(text, n.end):
        return _share_of_those_cue(facts, n, composition)
    if fig.base_of is not None and fig.base_of in used:
        return _part_cue(facts, figures, i, used[fig.base_of], composition)
    whole = _whole_of_its_part(facts, figures, i)
    if whole is not None:
        return whole
    if not share and (inside := _dashed_part_of(facts, figures, i)) is not None and inside in used:
        return used[inside]
    tight = _TIGHT.match(text, n.end)
    if tight and tight.lastgroup:
        return Cue(tight.start(), tight.end(), tight.group(), Flow(tight.lastgroup), False, False)
    remains = (
        last_word(text, n.start) in _REMAINS_ENDS
        and _REMAINS_BEFORE.search(text, max(0, n.start - 40), n.start)
    ) or _REMAINS_AFTER.match(text, n.end)
    if remains is not None:
        # "the bodies of three Americans who died were flown home", "hundreds of bodies of
        # foreign militants": the dead, whatever is done with their remains
        return Cue(remains.start(), remains.end(), remains.group(), Flow.KILLED, False, False)
    end = segment_end(text, figures, i)
    start = segment_start(text, figures, i)
    head = fig.head
    after = [
        c
        for c in facts.cues
        if n.end <= c.start < end
        and not aside(text, c.start, n)
        and not _in_whose_clause(text, n.end, facts.cues, c)
        and not _outside_its_dashes(facts, n, c)
    ]
    # (the dead named by their noun, "2,000 martyrs in Syria", stay dead wherever they are)
    dead = head is not None and any(
        c.flow is Flow.KILLED and head.start <= c.start < head.end and not c.stock for c in after
    )
    # a noun cue that begins inside the head runs on to the people's noun: "Dutch jihadist
    # travellers are still in the region", "extremist travellers are currently abroad"
    head_end = (
        max([head.end] + [c.end for c in after if head.start <= c.start < head.end], default=0)
        if head is not None
        else 0
    )
    verbs = [
        c
        for c in after
        if head is not None
        and c.start >= head_end
        and _VERB_NEAR.fullmatch(text[head_end : c.start])
        and not (dead and c.stock)
    ]
    if head is not None and verbs:
        # "Twelve returnees have been convicted": the verb, not the noun, says what they did;
        # but "20 known deaths and more in detention" keeps its noun.
        after = [c for c in after if c.start >= head_end]
    explicit = [
        c
        for c in after
        if not c.stock
        and not (c.text.lower().endswith("ing") and _ADJUNCT.search(text, 0, c.start))
    ]
    acted = _acted_on(facts, head, explicit, start, n)
    if acted is not None:
        return acted  # "courts convicted 32 returnees": the verb, not the noun, says it
    reduced = _reduced_relative(text, head, explicit)
    if reduced is not None:
        return reduced  # "none of the women held in camps had been brought home"
    if explicit:
        between = text[n.end : explicit[0].start]
        is_base = any(f.base_of == i for f in figures)
        own = [c for c in after if c.stock and c.start < explicit[0].start]
        if is_base and own and any(f.base_of == i for f in figures[:i]):
            return own[0]  # "None of the 30 said to be in Syria has come back": 30 are there
        if (
            _RELATIVE.search(between)
            and len(explicit) > 1
            and not is_base
            and not _NESTED_RELATIVE.search(text, explicit[0].end, explicit[-1].start)
        ):
            # (not a verb of an adverbial clause after the main one: "… who went to Syria were
            # convicted after they came home", rule `main-verb-before-after-clause`)
            main = [
                c
                for c in explicit[1:]
                if not _SUBORDINATE_BEFORE.search(text, max(0, c.start - 30), c.start)
            ]
            return main[-1] if main else explicit[-1]
        adjuncts = [
            c
            for c in after
            if not c.stock and c not in explicit and _BEFORE.search(text, 0, c.start)
        ]
        fate = _fate_after_going(text, explicit, figures, i, adjuncts)
        return fate or explicit[0]
    return _no_explicit_cue(facts, figures, i, used, after, start)


_IRREGULAR = re.compile(r"(?:brought|flown|taken|sent)\b", re.I)
# the part's own predicate after a whole's participle ("… brought back were children")
_PART_IS = re.compile(r"[^,;:.]{0,60}?\s(?:were|are|was|is)\s", re.I)

_AMONG_WORD = re.compile(r"\bamong(?:st)?\b", re.I)
# a whole's flow when its part's verb follows it: "120 of the 300 Danes have returned"
_WHOLE_OF_A_RETURN = frozenset(
    {Flow.RETURNED, Flow.KILLED, Flow.REMAINING, Flow.DETAINED, Flow.PROSECUTED}
)


def _whole_of_its_part(facts: Facts, figures: list[Figure], i: int) -> Cue | None:
    """ "120 of the 300 Danes have returned", "more than half of the 180 have come back": the
    verb after the whole is its part's, and the whole, without a verb of its own ("who
    went"), counts the people who went."""
    text, n, head = facts.sentence.text, figures[i].number, figures[i].head
    parts = [f for f in figures[:i] if f.base_of == i]
    if not parts:
        return None
    if any(_AMONG_WORD.search(text, f.number.end, n.start) for f in parts):
        # "Six women were among the 20 Belgians repatriated in June": the part's verb is "were
        # among"; the words after the whole are the whole's own (`whole-among-keeps-its-verb`)
        return None
    end = segment_end(text, figures, i)
    verbs = [c for c in facts.cues if n.end <= c.start < end and not c.stock]
    if head is not None and any(head.start <= c.start < head.end for c in verbs):
        return None  # "none of the 120 returnees has ...": its noun says what it did
    if (
        head is not None
        and len(verbs) > 1
        and _PARTICIPLE.match(verbs[0].text)
        and _LEFT_IN_PLACE.fullmatch(text, head.end, verbs[0].start)
        and not _AUX_BEFORE.search(text, 0, verbs[0].start)
    ):
        # "None of the 40 Australians held in Syrian camps has been charged": the whole's own
        # participle says where it is; the clause's verb after it is the part's
        return verbs[0]
    if not verbs or verbs[0].flow not in _WHOLE_OF_A_RETURN:
        return None
    if _RELATIVE.search(text, n.end, verbs[0].start) or "," in text[n.end : verbs[0].start]:
        return None
    if (
        head is not None
        and verbs[0].start >= head.end
        and _LEFT_IN_PLACE.fullmatch(text, head.end, verbs[0].start)
        and (_PARTICIPLE.match(verbs[0].text) or _IRREGULAR.match(verbs[0].text))
        and not _AUX_START.match(verbs[0].text)
        and _PART_IS.match(text, verbs[0].end)
    ):
        return None  # "Five of the 11 citizens brought back were children": its own participle
    return Cue(n.start, n.end, "", Flow.DEPARTED, False, False)


# "50 Belgians fought in Syria and were later killed": the people went, then met a fate;
# "travelled to Syria, fought with ISIS, and then returned home", "went but have since come back"
_THEN = re.compile(
    r"[^,;.]{0,60}?,?\s*\b(?:and|but)\s+(?:(?:later|then|subsequently|eventually|since|all|most|"
    r"finally|afterwards)\s+)?"
    r"(?:(?:were|was|have|has|had|are|is)\s+(?:(?:later|then|since|all|also|subsequently|eventually|"
    r"now|still)\s+)*(?:been\s+)?(?:(?:stranded|stuck|trapped|languishing|living)\s+)?)?$",
    re.I,
)
# "travelled to Syria before returning home", "fought there before being killed"
_BEFORE_FATE = re.compile(
    r"[^,;.]{0,60}?\bbefore\s+(?:(?:later|eventually|finally|being|they)\s+)*$", re.I
)
_FATES = frozenset({Flow.KILLED, Flow.RETURNED, Flow.DETAINED, Flow.PROSECUTED})


def _fate_after_going(
    text: str, explicit: list[Cue], figures: list[Figure], i: int, adjuncts: list[Cue]
) -> Cue | None:
    """The last of the verbs that share the figure's people, when the first say they went and
    the last what became of them ("went to Syria and died there", "travelled to Syria to join
    ISIS and then returned home", "fought there before returning home"): the figure counts the
    people the last verb names. Not when another figure stands between ("200 went and 40
    returned": the 40's), nor when that verb is denied ("but have not returned")."""
    if len(explicit) < 1 or explicit[0].flow is not Flow.DEPARTED:
        return None
    going = explicit[0]
    later = sorted([*explicit[1:], *adjuncts], key=lambda c: c.start)
    for second in later:
        if second.flow is Flow.DEPARTED and not second.blocked:
            going = second  # "travelled to Syria to join ISIS": one going, said twice
            continue
        if second.flow not in _FATES or second.blocked:
            return None
        if any(explicit[0].end <= f.number.start < second.start for f in figures[i + 1 :]):
            return None
        between = (going.end, second.start)
        if _BEFORE.search(text, 0, second.start):
            fits = _BEFORE_FATE.fullmatch(text, *between) is not None
        else:
            fits = _THEN.fullmatch(text, *between) is not None
        return second if fits else None
    return None


def within_brackets(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the brackets that enclose `pos`, if any."""
    opened = text.rfind("(", 0, pos)
    if opened < 0 or text.rfind(")", 0, pos) > opened:
        return None
    closed = text.find(")", pos)
    return (opened, closed) if closed >= 0 else None


def aside(text: str, pos: int, n: NumberMention) -> bool:
    """ "400 from Kyrgyzstan (35 have come back home) and 300 from Turkmenistan": words
    between brackets that do not hold the figure say nothing of it; a bracket that holds
    only a number labels it ("Denmark (67), Sweden (150)") and is no aside."""
    brackets = within_brackets(text, pos)
    if brackets is None or within_brackets(text, n.start) is not None:
        return False  # (brackets in parallel, "in 2015 (… were killed …), in 2016 (13,297 …)")
    return bool(_WORDS_IN_BRACKETS.search(text, brackets[0], brackets[1]))


# a dash that opens or closes an aside: an em dash, or an en dash or hyphen set off by spaces
_DASH = re.compile(r"—|\s[–-]\s")
# between the whole's number and the dash that opens its parts: its people's words, no verb
_TO_THE_ASIDE = re.compile(r"[^\d,;:()—–]{1,60}")


def _dashed_part_of(facts: Facts, figures: list[Figure], i: int) -> int | None:
    """ "repatriated 14 Canadians – four women and 10 children – from detention camps where
    …", "a plane carrying 14 citizens – 3 women and 11 children – has arrived": the counts of
    a verbless aside right after a whole are its parts and move as it does (rule
    `dashed-parts`); the index of that whole."""
    text, n = facts.sentence.text, figures[i].number
    if "—" not in text and " – " not in text and " - " not in text:
        return None
    dashes = list(_DASH.finditer(text))
    before = [m for m in dashes if m.end() <= n.start]
    after = [m for m in dashes if m.start() >= n.end]
    if len(before) % 2 == 0 or not after:
        return None
    lo, hi = before[-1], after[0]
    if any(lo.end() <= c.start < hi.start() for c in facts.cues):
        return None  # the aside has a verb of its own: a clause, not a list of parts
    for j in range(i - 1, -1, -1):
        whole = figures[j].number
        if whole.end <= lo.start():
            if whole.kind is NumberKind.SHARE or not _TO_THE_ASIDE.fullmatch(
                text, whole.end, lo.start()
            ):
                return None
            return j
    return None


def _outside_its_dashes(facts: Facts, n: NumberMention, c: Cue) -> bool:
    """ "… has picked up — neighbouring Iraq recently returned hundreds of its citizens — many
    countries remain reluctant": a figure whose dashes hold a verb of its own is a clause of
    its own, and the verbs outside them are not its (rule `dashed-clause`); "500 — 10 percent
    — have come back" and "231 citizens — 16 men and 215 children — were flown home" hold no
    verb and keep the verb after them."""
    text = facts.sentence.text
    if "—" not in text and " – " not in text and " - " not in text:
        return False
    dashes = [m.start() for m in _DASH.finditer(text)]
    before = [d for d in dashes if d < n.start]
    after = [d for d in dashes if d >= n.end]
    if len(before) % 2 == 0 or not after:
        return False
    lo, hi = before[-1], after[0]
    if lo <= c.start < hi:
        return False
    return any(lo < d.start and d.end <= hi and not d.stock for d in facts.cues)


# a verb or noun between brackets, not a number with its hedge ("(about 20)", "(67)")
_WORDS_IN_BRACKETS = re.compile(
    r"\b(?!(?:about|around|some|nearly|almost|over|at|least|more|than|up|to|and|or|roughly|"
    r"approximately|an?|estimated)\b)[a-z]{2,}",
    re.I,
)


def _no_explicit_cue(
    facts: Facts, figures: list[Figure], i: int, used: dict[int, Cue], after: list[Cue], start: int
) -> Cue | None:
    """No cue states the figure's flow after it: its coordinates' verb, a cue before it, else
    a stock."""
    text, n = facts.sentence.text, figures[i].number
    coordinated = coordinated_cue(facts, figures, i, used)
    if coordinated is not None and not coordinated.stock:
        return coordinated  # "248 men, 60 women and 81 children have returned"
    carrying = [
        c
        for c in facts.cues
        if not c.stock and c.text.lower().endswith("with") and 0 <= n.start - c.end <= 2
    ]
    if carrying:
        return carrying[0]  # "the plane landed in Tashkent with 25 women … on board"
    with_ = _WITH.search(text, max(0, n.start - 12), n.start)
    if with_ is not None and i - 1 in used and _OF_THEM_HEAD.match(text, n.end):
        # "holding 1,200 militants in Syria, with several hundred of them from Europe": a part
        # of the figure before, not people alongside it, does what its whole does
        # (`with-part-of-them`)
        return used[i - 1]
    if with_ is not None and not _place_with(facts, n):
        stock_after = [c for c in after if c.stock]
        return stock_after[0] if stock_after else None
    # A cue may end inside the number's hedge: "handed over four children".
    before = [
        c
        for c in facts.cues
        if start <= c.end <= n.number_start and not c.stock and not aside(text, c.start, n)
    ]
    # "the number of Malaysians returning after joining ISIS was 20 to 30": a verb after
    # "after", "for" says what they did before, not what the figure counts
    main = [c for c in before if not _ADJUNCT.search(text, max(0, c.start - 8), c.start)]
    if main or before:
        chosen = (main or before)[-1]
        # "120 came back and about 100 are in Syria": the verb before closes the figure
        # before's clause; the figure's own "are in Syria" says where its people are
        own = [
            c for c in after if c.stock and _BE_BEFORE.search(text, max(0, c.start - 40), c.start)
        ]
        if own and i > 0 and _JOINED.fullmatch(text, chosen.end, n.start):
            return own[0]
        return chosen
    if n.kind is NumberKind.SHARE:
        return None
    stock = [c for c in after if c.stock] or [
        c for c in facts.cues if start <= c.end <= n.number_start and c.stock
    ]
    if stock:
        return stock[0]
    return coordinated


# the dead counted by their remains (rule `remains-of-the-dead`)
_REMAINS_BEFORE = re.compile(
    r"\b(?:bodies|corpses|remains)\s+of\s+(?:the\s+|some\s+|about\s+|around\s+|at\s+least\s+)?$",
    re.I,
)
_REMAINS_ENDS = frozenset({"of", "the", "some", "about", "around", "least"})  # (`last_word`)
_REMAINS_AFTER = re.compile(r"\s+(?:of\s+)?(?:[\w-]+\s+)?(?:bodies|corpses)\b", re.I)
_DONE_TO = frozenset({Flow.KILLED, Flow.DETAINED, Flow.PROSECUTED})
_BE_BEFORE = re.compile(
    r"\b(?:are|is|were|was|remain|remains)\s+(?:(?:still|now|currently|believed\s+to\s+be|thought\s+to\s+be)"
    r"\s+)?$",
    re.I,
)
_JOINED = re.compile(r"\s*,?\s*(?:and|while|whereas|but)\s+", re.I)


# Between the people a verb moved and the words saying where they had been held: other
# figures of the same list ("eight women and 23 children"), then "who were", "being", ...
_HELD_DESCRIBES = re.compile(
    rf"(?:\s*(?:,|\band\b)\s*(?:(?:{_HEDGES})\s+)?"
    r"(?:[\d,]+|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?)"
    r"(?:\s+[\w-]+){1,2})*\s*,?\s*"
    r"(?:(?:who|that)\s+(?:are|were|had\s+been|have\s+been|remain(?:ed)?)\s+|being\s+|"
    r"(?:still|currently)\s+)?(?:(?:held|kept|detained|living|stranded|stuck)\s+)?",
    re.I,
)
_MOVED = frozenset({Flow.RETURNED, Flow.DEPARTED})
# … or the camps they were taken from, whose own words say whom they hold ("repatriated 11 of
# its citizens from camps in north-east Syria that house thousands of ISIS families", "brought
# home 10 from two camps which hold 50,000 people"): the holding is the camp's, not the
# figure's (rule `from-the-camps-that-hold`)
_FROM_WHERE_HELD = re.compile(
    r"(?:\s+of\s+(?:its|their)\s+[\w-]+)?\s*,?\s*from\s+(?:[\w'’-]+\s+){0,3}", re.I
)


def moved_from_where_held(
    facts: Facts, head: Head | None, after: Cue, n: NumberMention
) -> Cue | None:
    """A return verb whose object is the figure, and detention words after it that only say
    where those people were ("France repatriated 16 women and 35 children being held in
    camps"): the verb says what happened to them."""
    if after.flow is not Flow.DETAINED or after.start < n.end:
        return None
    text = facts.sentence.text
    end = head.end if head is not None else n.end
    if not (
        _HELD_DESCRIBES.fullmatch(text, end, after.start)
        or _FROM_WHERE_HELD.fullmatch(text, end, after.start)
    ):
        return None
    before = [
        c
        for c in facts.cues
        if c.end <= n.number_start
        and c.flow in _MOVED
        and not (c.stock or c.blocked)
        and n.number_start - c.end <= 40
        and not re.search(r"[.;:]", text[c.end : n.number_start])
    ]
    return before[-1] if before else None


def _acted_on(
    facts: Facts, head: Head | None, explicit: list[Cue], start: int, n: NumberMention
) -> Cue | None:
    """A verb before the figure that acts on people its noun names by an earlier flow
    ("courts convicted 32 returnees"), or that its relative clause does ("police detained 44
    people who came back", "Kosovo repatriated 110 citizens who had joined ISIS")."""
    if head is None or not explicit:
        return None
    text = facts.sentence.text
    named = head.start <= explicit[0].start < head.end
    held = explicit[0].flow is Flow.DETAINED
    # (the custody a return ended, said right after the people: "took custody of seven
    # fighters captured in Syria", rule `return-of-the-held`)
    reduced = held and not text[head.end : explicit[0].start].strip()
    if (
        not named
        and not reduced
        and not _WHO_DID.fullmatch(text, head.end, explicit[0].start)
        and not _KIN_DID.fullmatch(text, head.end, explicit[0].start)
    ):
        return None
    # "Kosovo repatriated 110 citizens who had joined ISIS": brought back people who went;
    # "transferred dozens of captured fighters to their countries": brought back people held
    done = _DONE_TO | {Flow.RETURNED} if explicit[0].flow is Flow.DEPARTED or held else _DONE_TO
    before = [
        c
        for c in facts.cues
        if start <= c.end <= n.number_start
        and not c.stock
        and not c.blocked
        and c.flow in done
        and (c.flow in _DONE_TO or _ACTS_ON.fullmatch(text, c.end, n.number_start) is not None)
    ]
    return before[-1] if before else None


# between a verb that brings people back and the figure it acts on: "repatriated 110",
# "flew home another 90", "brought back some 50" (not "40 returnees among the 300")
_ACTS_ON = re.compile(
    rf"\s+(?:(?:another|a\s+further|further|{_HEDGES}|all|the|its|their|back|home)\s+)*",
    re.I,
)


# (an adverb may hedge the clause: "110 citizens who had allegedly fought with ISIS", "who
# reportedly joined", "who had earlier travelled")
_SUBORDINATE_BEFORE = re.compile(
    r"\b(?:(?:after|upon|when|once|before)\s+(?:(?:they|he|she|their|his|her)\s+)?"
    r"|since\s+(?:they|he|she|their|his|her)\s+)(?:(?:had|have|has)\s+)?$",
    re.I,
)
# the people's kin and what the kin did: "brought home 30 children of parents who had joined
# IS", "received six children of IS-affiliated parents, who had travelled to Libya", "eight
# children whose fathers joined ISIS" (rule `kin-who-did`: the verb before the figure is the
# figure's, learned from repatriation stories in real press)
_KIN_DID = re.compile(
    r"\s+(?:of\s+(?:(?:their|the|its|his|her)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:parents|fathers?|mothers?|husbands?|famil(?:y|ies)|fighters|militants|members|"
    r"jihadists|terrorists|extremists|men)\s*,?\s*(?:who|that)"
    r"|whose\s+(?:[\w'’-]+\s+){0,2}?(?:parents|fathers?|mothers?|husbands?|famil(?:y|ies)))"
    r"\s+(?:had\s+|have\s+|has\s+)?(?:(?:\w+ly|once|earlier|also|themselves)\s+)?",
    re.I,
)
_WHO_DID = re.compile(
    r"\s*,?\s*(?:who|that)\s+(?:had\s+|have\s+|has\s+)?(?:all\s+)?"
    r"(?:(?:\w+ly|once|earlier|also|themselves)\s+)?",
    re.I,
)
_AUX_BEFORE = re.compile(r"\b(?:have|has|had|were|was|are|is)(?:\s+(?:not\s+)?been)?\s+$", re.I)
_AUX_ADVERB_BEFORE = re.compile(
    r"\b(?:have|has|had|were|was|are|is)(?:\s+(?:not\s+)?been)?\s+"
    r"(?:(?:\w+ly|now|since|all|also|already)\s+)?$",
    re.I,
)
_AUX_START = re.compile(r"(?:have|has|had|were|was|are|is)\b", re.I)
# (also "the fighters back from Syria were charged")
_PARTICIPLE = re.compile(r"\w+ed\b|held\b|kept\b|stuck\b|\w+ing\b|back\s+from\b", re.I)
# between the people and their participle: nothing, or "left" / "still" / "now" that only
# says they stay where the participle puts them ("the children left stranded in camps")
_LEFT_IN_PLACE = re.compile(r"\s*(?:(?:left|still|now)\s+)?", re.I)


_WHERE_THEY_ARE = re.compile(r"(?:in|at|inside)\s", re.I)


def _reduced_relative(text: str, head: Head | None, explicit: list[Cue]) -> Cue | None:
    """A participle right after the people ("the women held in camps") describes them; the
    clause's verb after it ("had been brought home") says what they did."""
    if head is None or len(explicit) < 2:
        return None
    if not _LEFT_IN_PLACE.fullmatch(text, head.end, explicit[0].start):
        return None
    first = explicit[0]
    # (or where they were, said right after them: "40 Dutch women in al-Hol were flown home")
    where = _WHERE_THEY_ARE.match(first.text) is not None
    if not (_PARTICIPLE.match(first.text) or where) or _AUX_BEFORE.search(text, 0, first.start):
        return None
    for main in explicit[1:]:
        gap = text[first.end : main.start]
        if len(gap) > 60 or re.search(r"[,;]|\b(?:and|or|but)\b", gap):
            return None
        if main.flow is not first.flow and (
            _AUX_ADVERB_BEFORE.search(text, max(0, main.start - 30), main.start)
            or _AUX_START.match(main.text)
        ):
            return main  # "… were finally flown home", "… were reunited with their families"
    return None


def _place_with(facts: Facts, n: NumberMention) -> bool:
    """ "highest in France, with about 1,700": the place has the figure, it is no companion."""
    text = facts.sentence.text
    w = _WITH.search(text, max(0, n.start - 12), n.start)
    if w is None:
        return False
    return any(re.fullmatch(r",\s*", text[p.end : w.start()]) for p in facts.places)


def _share_of_those_cue(facts: Facts, n: NumberMention, composition: bool) -> Cue | None:
    """ "close to half of those who left": the base's verb is not the share's."""
    inside = OF_THOSE_WHO.match(facts.sentence.text, n.end)
    stop = inside.end() if inside else n.end
    if composition:
        # "12 percent of the Europeans who went were minors": the share is of those who went
        within = [c for c in facts.cues if not c.stock and n.end <= c.start < stop]
        return within[0] if within else None
    outside = [c for c in facts.cues if not c.stock and not (n.end <= c.start < stop)]
    return min(outside, key=lambda c: abs(c.start - n.start), default=None)


# "Five of the 11 citizens brought back were children", "Eight of the 20 Dutch nationals who
# returned from Syria were women": a part of a whole whose noun phrase runs on (a participle,
# a relative clause) before the part's own predicate names who the part is (rule
# `predicate-after-its-whole`); not past a comma or another clause
_OF_THE_WHOLE = re.compile(r"\s+of\s+(?:the|these|those|its|their)\s+(?:[\w.-]+\s+){0,2}?\d", re.I)
_WHOLE_RUNS_ON = re.compile(r"[^,;:.()—–]{1,90}?(?=\s(?:were|are|was|is)\s)", re.I)


def predicate_after_whole(text: str, n: NumberMention) -> tuple[Population, str] | None:
    whole = _OF_THE_WHOLE.match(text, n.end)
    if whole is None:
        return None
    runs = _WHOLE_RUNS_ON.match(text, whole.end())
    return predicate_population(text, runs.end()) if runs is not None else None


def _part_cue(
    facts: Facts, figures: list[Figure], i: int, base_cue: Cue, composition: bool
) -> Cue | None:
    """A part of a figure ("7 out of the 129 who left ... are back") takes its own noun's
    flow, its whole's (a composition, "among"), else the next cue that says something else."""
    fig = figures[i]
    head = fig.head
    named = [
        c
        for c in facts.cues
        if head is not None and head.start <= c.start < head.end and not c.stock
    ]
    if named:
        return named[0]  # "seven returnees among the 129 who left": the noun says it
    if composition:
        return base_cue  # "Women made up 13 percent of the 41,490 who joined"
    base = figures[fig.base_of].number if fig.base_of is not None else fig.number
    if AMONG.search(facts.sentence.text, fig.number.end, base.start):
        return base_cue
    if predicate_after_whole(facts.sentence.text, fig.number) is not None:
        return base_cue  # "Nine of the 25 Finns repatriated from al-Hol are children"
    later = [
        c
        for c in facts.cues
        if c.start > base_cue.end and not c.stock and c.flow is not base_cue.flow
    ]
    if later:
        return later[0]
    if _ORIGIN.search(facts.sentence.text, base_cue.end):
        return base_cue  # "400 of the 2,000 who joined came from Tunisia": the whole's, by origin
    return None


# what a part of a whole is said to be: its people's origin ("… came from Tunisia")
_ORIGIN = re.compile(
    r"\b(?:came|come|comes|were|was|are|is|hail(?:ed|s)?|originat(?:ed|es|e))\s+"
    r"(?:originally\s+|mainly\s+|mostly\s+)?from\b",
    re.I,
)


def coordinated_cue(
    facts: Facts, figures: list[Figure], i: int, used: dict[int, Cue]
) -> Cue | None:
    """ "500 Indonesians and 200 Malaysians have travelled": coordinated subjects share a verb."""
    text = facts.sentence.text
    if i + 1 >= len(figures):
        return None
    if _of_lead(text, lowered(text), figures[i].number.start) and not shares_the_noun(
        text, figures, i
    ):
        return None  # "Out of these 632 people, 273 are abroad": a base, not a coordinate
    head = figures[i].head
    end = head.end if head is not None else figures[i].number.end
    between = text[end : figures[i + 1].number.start]
    if not _COORDINATION.fullmatch(between) and not _BRACKETED_AND.fullmatch(between):
        return None
    return choose_cue(facts, figures, i + 1, used)


def inherited_flow(i: int, used: dict[int, Cue]) -> Flow | None:
    """A list ("France (1,700), Germany (760)") continues the flow of the figure before."""
    earlier = [j for j in used if j < i]
    return used[max(earlier)].flow if earlier else None

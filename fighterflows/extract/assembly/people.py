"""Who a figure counts: the population its own words, its predicate or the people nearby name,
chosen by named rules in order (see rules.py)."""

from __future__ import annotations

import re

from fighterflows.extract.assembly.choosing import composition_population, predicate_after_whole
from fighterflows.extract.assembly.copulas import measure_before, measure_of_no_people
from fighterflows.extract.assembly.placing import compared_item, inside_parens
from fighterflows.extract.assembly.rules import Choice, choose
from fighterflows.extract.mentions.populations import (
    Head,
    people_words,
    predicate_population,
    verb_follows,
)
from fighterflows.extract.numbers import NumberKind, NumberMention
from fighterflows.initials import compile_guarded, holds_any, needed_words
from fighterflows.model import Population

People = tuple[Population | None, str | None]


_BARE_NEXT = re.compile(
    # "around 300 to France" (a gapped list)
    # "raising to 90 the total number of Azerbaijanis killed"
    r"\s*(?:the\s+(?:total\s+)?(?:number|toll|tally|count)\s+of\b|"
    # "470 held Belgian passports", "90 with French nationality": a nationality held
    r"(?:held|hold|holds|had|have|has|with|carr(?:y|ies|ied)|possess(?:es|ed)?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:passports?|citizenship|nationality|papers)\b|"
    r"(?:out\s+)?of\s+(?:whom|them|these|those|the\s+\d[\d,.]*)\b|(?:(?:each|apiece)\s+)?(?:from|to)\s+(?:the\s+)?[A-Z]|(?:more\s+)?"
    # "67 later returned home": an adverb before the verb
    r"(?:(?:later|since|subsequently|eventually|then|also|reportedly|already|now)\s+)?"
    # "…, with about 200 having returned": the absolute construction's participle
    r"(?:are|were|is|was|have|has|had|having|being|died|returned|remain|left|went|travell?ed|fought|joined"
    r"|come|came|back|out|who|that|said|believed|thought|reported|estimated|leave|return|die)\b"
    r"|\)"
    # "150 (50 percent) have returned": a share beside the count
    r"|\s*(?:\(|[—–]|\s-)\s*[\d.,]+\s*(?:%|per\s*cent\b|percent\b))",
    re.I,
)


_BARE_END = re.compile(
    # ("760 each, and": a figure a list of places shares, `each-of-a-list`)
    r"\s*(?:(?:each|apiece)\b\s*)?(?:[;,.):—–]|\s-\s|$|and\b|while\b|but\b|(?:in|by|as\s+of|since|until|from)\s+(?:\w+\s+)?"
    r"(?:19|20)\d\d\b"
    # "there are still about 135 in the conflict zone", "some 40 abroad"
    r"|in\s+(?:the\s+)?(?:conflict\s+zone|war\s+zone|region|camps?|Syria|Iraq)\b|abroad\b|there\b"
    # a gapped batch of a dated list: "brought back six children in June and another 10 in
    # October", "47 in January and 231 in May" (rule `gapped-dated-batch`)
    r"|in\s+(?:(?:early|late|mid-?)\s*)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b"
    # "some 20,000 in all"
    r"|in\s+(?:all|total)\b|altogether\b"
    # a period said relative to the story: "reached 60 last year", "70 this month"
    r"|(?:last|this|the\s+(?:previous|past))\s+(?:year|month|week|spring|summer|autumn|winter)\b)",
    re.I,
)


def population_of(text: str, n: NumberMention, head: Head | None) -> Choice[People] | None:
    """Who the figure counts, in order of precedence; None when it counts no people."""
    return choose(
        [
            # "Up to 4,761 of the foreigners were women": the predicate names the population.
            ("predicate", lambda: predicate_population(text, head.end if head else n.end)),
            # "six of its nationals, all of whom are minors": an apposition says who they all are
            ("all-of-them", lambda: _all_of_them(text, head.end if head else n.end)),
            ("predicate-after-its-whole", lambda: predicate_after_whole(text, n)),
            ("share-composition", lambda: _composition(text, n)),
            ("head-noun", lambda: _head_population(head)),
            ("share-of-everyone", lambda: _share_of_all(n)),
            ("labelled-people", lambda: _labelled(text, n)),
            ("people-of-its-whole", lambda: _whole_people(text, n, head)),
            ("people-nearby", lambda: _bare_population(text, n)),
        ]
    )


# ", all of whom are children", ", all of them women", "— all minors": what every one of the
# counted people is, said after their noun phrase (its place or day may come between: "47
# citizens from Syria on Monday, all of whom are children"); not past another figure or "and"
_ALL_OF_THEM = re.compile(
    r"(?:(?!\band\b)[^,;.:()\d—–]){0,60}?(?:,|—|–|\s-)\s*(?:all|every\s+one)\s+"
    r"(?:of\s+(?:whom|them)\s+)?(?:(?:are|were|being)\s+)?"
    r"(?:(?:young|small|underage|orphaned|adult)\s+)?",
    re.I,
)
_ALL_OF_THEM_WORDS = needed_words(_ALL_OF_THEM)  # (a cheap test first)


def _all_of_them(text: str, end: int) -> People | None:
    m = _ALL_OF_THEM.match(text, end) if holds_any(text, _ALL_OF_THEM_WORDS, end) else None
    if m is None:
        return None
    for w in people_words(text):
        if w.start == m.end() and not w.excluded and w.population not in (None, Population.TOTAL):
            return w.population, w.text
    return None


def _composition(text: str, n: NumberMention) -> People | None:
    return composition_population(text, n) if n.kind is NumberKind.SHARE else None


def _head_population(head: Head | None) -> People | None:
    if head is not None and head.population is not None:
        return head.population, head.text.strip(" ,")
    return None


def _labelled(text: str, n: NumberMention) -> People | None:
    """ "women (22), boys (18) and girls (9)": the noun of people right before the bracket
    that holds only the number."""
    if not inside_parens(text, n):
        return None
    before = len(text[: n.start].rstrip()[:-1].rstrip())
    for w in people_words(text):
        if w.end == before and w.population is not None and not w.excluded:
            return w.population, w.text
    return None


# a bare part of a whole named just before it: "Of the 60 Kyrgyz children stuck in Iraq, 41
# were flown home", "of these women, 12 have been charged" (the whole fronted, a comma before
# the part), "children born in the caliphate ..., of which 200 have been sent home" (rule
# `people-of-its-whole`)
_FRONTED_WHOLE = re.compile(r"\bof\s+(?:the|these|those|its|their|all\s+the)\b", re.I)
_PART_AFTER_COMMA = re.compile(
    r",\s*(?:(?:about|around|some|nearly|almost|only|just|roughly|approximately|over|"
    r"more\s+than|at\s+least|up\s+to|an\s+estimated)\s+)*$",
    re.I,
)
_OF_WHICH = compile_guarded(
    r",?\s*(?:out\s+)?of\s+(?:which|whom)\s+(?:(?:about|around|some|nearly|almost|only|just|"
    r"over|more\s+than|at\s+least|up\s+to)\s+)*$",
    re.I,
)
_WHOLE_REACH = 120


def _whole_people(text: str, n: NumberMention, head: Head | None) -> People | None:
    """The women, men or children a bare part's whole names, fronted before it or before its
    "of which"; a whole of everyone says nothing here (the rule after it does)."""
    if head is not None or n.kind is NumberKind.SHARE:
        return None
    lo = max(0, n.start - _WHOLE_REACH)
    lo = max(lo, *(text.rfind(mark, lo, n.start) + 1 for mark in ";.:!?"))
    if "of" not in text[lo : n.start].lower():
        return None  # (both wholes are said with "of")
    of_which = _OF_WHICH.search(text, lo, n.start)
    if of_which is not None and of_which.end() == n.start:
        before = [w for w in people_words(text) if lo <= w.start and w.end <= of_which.start()]
        whole = before[-1] if before else None
    else:
        fronted = list(_FRONTED_WHOLE.finditer(text, lo, n.start))
        if not fronted or not _PART_AFTER_COMMA.search(text, fronted[-1].end(), n.start):
            return None  # (the people words are read only where a whole was found)
        start = max(lo, fronted[-1].end())
        after = [w for w in people_words(text) if start <= w.start and w.end <= n.start]
        whole = after[0] if after else None
    if whole is None or whole.excluded or whole.population in (None, Population.TOTAL):
        return None
    return whole.population, whole.text


def _share_of_all(n: NumberMention) -> People | None:
    return (Population.TOTAL, None) if n.kind is NumberKind.SHARE else None


_SPEAKING = re.compile(
    r"\s+(?:\w+\s+)?(?:said|say|says|told|tell|reported|report|stated|added|estimated?|"
    r"believe[sd]?|claimed?|confirmed?)\b",
    re.I,
)
# how far (in characters) a word of people we never count may stand from a bare number and
# still be what it counts
_NEAR = 60


def _bare_population(text: str, n: NumberMention) -> People | None:
    """A number without a noun of its own ("110 — four men, ...", "(1,700)"): the people
    words nearest to it; (None, None) when they are people we never count."""
    if measure_of_no_people(text, n.start):
        return None, None  # "the number of arrests stands at 60", "the average age … is 23"
    measure = measure_before(text, n.start)
    if measure is not None:
        # "the number … rose to 300 by June", "the total is put at 316, according to police":
        # the measure's value counts the people its own words name, whatever follows
        own = [w for w in people_words(text) if measure.end() <= w.start < n.start]
        if any(w.excluded for w in own):
            return None, None  # "the toll among the soldiers stands at 12"
        return Population.TOTAL, own[-1].text if own else None
    if not (
        _BARE_NEXT.match(text, n.end)
        or compared_item(text, n)
        or inside_parens(text, n)
        or _BARE_END.match(text, n.end)
        or verb_follows(text, n.end)
    ):
        return None
    # (not the speaker: "…, police said", "officials told reporters")
    words = [w for w in people_words(text) if not (w.excluded and _SPEAKING.match(text, w.end))]
    if not words:
        return Population.TOTAL, None
    nearest = min(words, key=lambda w: abs(w.start - n.start))
    if nearest.excluded and abs(nearest.start - n.start) <= _NEAR:
        return None, None  # "the number of Turkish soldiers killed ... to four"
    if nearest.excluded:
        # "The police chief said the number of Malaysians returning … was 20 to 30": the
        # speaker, far from the figure, is not whom it counts
        return Population.TOTAL, None
    return Population.TOTAL, nearest.text

"""Scope: whether a figure is a running total, one event, or a current stock.

Each reading is proposed by a named marker from `data/scopes.yaml` or by the figure's date
("by 2016" counts up to a time; "were killed in 2015" happened in it), and the precedence is
short and fixed: a flow that can only be a stock is current; a detained figure with a marker
of custody is current; a running total's words beat an event's; an event needs a verb that
states the flow in the past simple ("returned", "were repatriated"), not a stock ("were
fighting", "numbered") nor a perfect ("have returned") unless the sentence names the one
event ("has repatriated six children on Thursday"); the verb's own date ("killed in
2015") beats the sentence's "by 2016"; everything else is cumulative.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from fighterflows.extract.mentions.dates import REPORTED as _REPORTED
from fighterflows.extract.mentions.dates import DateMention, governing_date
from fighterflows.extract.mentions.flows import Cue
from fighterflows.extract.mentions.lexicon import alternation, load, whole_words
from fighterflows.extract.numbers.lexicon import gap_hedges
from fighterflows.initials import compile_guarded
from fighterflows.model import Flow, Scope

# the hedges a rule reads across between a word and its figure (data/numbers.yaml)
_HEDGES = gap_hedges()

# A verb in the perfect ("have returned", "had gone") counts up to a time: a total.
_PERFECT = re.compile(r"\b(?:have|has|had|'ve)\s+(?:\w+\s+){0,2}$", re.I)
# "in 2015", "during 2016", "in January 2015": a dated period the verb happened in.
# ("in the spring of 2019", "in summer 2017", "in the first half of 2019": a part of that year)
_IN_PERIOD = re.compile(
    r"\b(?:in|during|throughout)\s+(?:the\s+)?(?:early\s+|mid-?|late\s+"
    r"|(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?"
    r"|(?:first|second|third|fourth|last)\s+(?:half|quarter|months?|weeks?)\s+of\s+)?$",
    re.I,
)
# "by last month", "as of this week": the end of a running total, not one event
_UP_TO = re.compile(
    r"\b(?:by|as\s+of|until|till|through|up\s+to)\s+(?:the\s+(?:end|close)\s+of\s+)?$", re.I
)
# "are in Syria today", "are there now": the day of a stock (remaining), no period
_TODAY = re.compile(r"today|now|at\s+present|currently", re.I)
_THERE_NOW = re.compile(
    r"\b(?:in\s+(?:syria|iraq|the\s+(?:conflict|war|combat)\s+(?:zones?|areas?))|there)\s+$", re.I
)
# "on 19 August 2019", "on August 19, 2019": one day.
_ON_DAY = re.compile(r"\bon\s+(?:the\s+)?$", re.I)


@cache
def _markers(name: str) -> re.Pattern[str]:
    return whole_words(alternation(load("scopes")[name]))


def scope_of(
    text: str,
    clause: tuple[int, int],
    figure: tuple[int, int],
    flow: Flow,
    cue: Cue | None,
    dates: tuple[DateMention, ...],
) -> tuple[Scope, str]:
    """The scope of the figure at text[figure[0]:figure[1]] in text[clause[0]:clause[1]], and
    the name of the rule that chose it (`fighterflows extract --explain` shows it)."""
    lo, hi = clause
    if flow is Flow.REMAINING:
        return Scope.CURRENT, "remaining-is-current"
    if flow is Flow.DETAINED and _markers("current").search(text, lo, hi):
        return Scope.CURRENT, "custody-word"
    if _running_total(text, clause, figure):
        return Scope.CUMULATIVE, "running-total-word"
    if flow is Flow.BORN:
        return Scope.CUMULATIVE, "born-is-cumulative"
    if cue is None or cue.stock:
        return Scope.CUMULATIVE, "no-verb-of-its-own"
    if _dating_marker("period", text, figure):
        return Scope.EVENT, "bounded-period"
    if flow is Flow.KILLED and _clause_marker("combat_event", text, clause, figure):
        return Scope.EVENT, "one-battle"
    if _more_of_the_same(text, figure) and not _COHORT_OPENS.match(text):
        return Scope.EVENT, "one-more-batch"
    if flow in _ONE_ACT_FLOWS and _operation_noun(text, figure) and not _several(text):
        return Scope.EVENT, "one-operation-noun"
    if _perfect(text, cue):
        # "Belgium has repatriated six children on Thursday", "has brought home 98 on a
        # special flight": the perfect of news leads, dated by one event's words
        if _dating_marker("event", text[: _own_clause_end(text, cue)], figure) or _event_subject(
            text, figure
        ):
            return Scope.EVENT, "perfect-with-event-word"
        return Scope.CUMULATIVE, "perfect-tense"
    if any(_dated_verb(text, cue, d) for d in dates):
        return Scope.EVENT, "verb-dated-in-period"
    # the date of the figure's clause, else the sentence's ("brought home 35 children and 16
    # mothers on July 5": the date stands after the last figure)
    date = governing_date([d for d in dates if lo <= d.start and d.end <= hi], *figure)
    date = date or governing_date(dates, *figure)
    if date is not None and date.marked:
        return Scope.CUMULATIVE, "by-date"
    if _dating_marker("event", text, figure) or _event_subject(text, figure):
        return Scope.EVENT, "event-word"
    if _dated_period(text, figure, date):
        return Scope.EVENT, "in-period"
    if flow is Flow.RETURNED:
        if _dating_marker("same_event", text, figure):
            return Scope.EVENT, "same-event"
        if _one_operation(text, cue, figure):
            return Scope.EVENT, "one-operation"
        if _headline_operation(text, cue, figure):
            return Scope.EVENT, "headline-operation"
        if _headline_operation(text, cue, figure, "headline_arrival"):
            return Scope.EVENT, "headline-arrival"
    return Scope.CUMULATIVE, "default"


# the words between "another" and its number: a hedge ("another some 14", "a further 20 or so")
_MORE_GAP = re.compile(rf"\s+(?:(?:{_HEDGES})\s+)?$", re.I)


def _more_of_the_same(text: str, figure: tuple[int, int]) -> bool:
    """ "another 14 children", "a further six", "four more children": one more batch, the
    number's own word."""
    if _MORE_AFTER.match(text, figure[1]):
        return True
    if _MORE_AND.search(text, max(0, figure[0] - 60), figure[0]):
        return True  # "12 more children and three mothers": the batch's other part
    lead = text[max(0, figure[0] - 40) : figure[0]]
    return any(
        _MORE_GAP.fullmatch(lead, m.end()) for m in _markers("more_of_the_same").finditer(lead)
    )


# a sentence opening with a cohort whose parts it lists ("Of the 400 who returned, 30 were
# convicted and a further 65 await trial", "Among these, 70 died and another 120 came back"):
# "a further", "another" name one more part of it, no batch in time (rule `part-of-the-cohort`)
_COHORT_OPENS = re.compile(r"\s*(?:of|out\s+of|among)\s+(?:the|these|those|them|whom)\b", re.I)
_MORE_AFTER = re.compile(r"\s+more\b(?!\s+than)", re.I)
# the part coordinated after one more batch's number: "12 more children and three mothers",
# "another 23 children and eight of their mothers" (the same batch)
_MORE_AND = re.compile(
    r"(?:\b(?:another|a\s+further|an\s+additional)\s+[\w,.-]+|[\w,.-]+\s+more(?!\s+than))"
    r"\s+(?:[\w-]+\s+){1,3}?(?:and|,)\s+(?:their\s+)?$",
    re.I,
)


# the flows one act of a state moves people in: brought home, or handed into custody
_ONE_ACT_FLOWS = frozenset({Flow.RETURNED, Flow.DETAINED})
# what may stand between "the repatriation of" and its number: a hedge
_NOUN_GAP = re.compile(
    rf"\s+(?:(?:{_HEDGES})\s+)?",
    re.I,
)


def _operation_noun(text: str, figure: tuple[int, int]) -> bool:
    """ "announced the repatriation of eight Moroccans", "Kyrgyzstan's recent repatriation of
    59 women and children": one operation named as a noun whose object is the figure."""
    lead = max(0, figure[0] - 90)
    return any(
        _NOUN_GAP.fullmatch(text, m.end(), figure[0])
        for m in _markers("operation_nouns").finditer(text, lead, figure[0])
    )


def _event_subject(text: str, figure: tuple[int, int]) -> bool:
    """ "the operation allowed the return of 16 children": one operation, the subject of the
    figure's clause (no reporting verb between them)."""
    for m in _markers("event_subject").finditer(text, 0, figure[0]):
        if not _REPORTED.search(text, m.end(), figure[0]):
            return True
    return False


# a sentence's markers of one kind, read for each of its figures: the last few sentences' kept
@lru_cache(maxsize=32)
def _marked(name: str, text: str) -> tuple[re.Match[str], ...]:
    return tuple(_markers(name).finditer(text))


def _dating_marker(name: str, text: str, figure: tuple[int, int]) -> bool:
    """An event's or a period's words anywhere in the sentence ("brought home five women and
    14 children on Saturday") that date the figure, not the report ("said on Monday", "a report
    released last month")."""
    for m in _marked(name, text):
        if _UP_TO.search(text, max(0, m.start() - 26), m.start()):
            continue  # "by last month ... had brought home 360": a running total's date
        if _TODAY.fullmatch(m.group()) and _THERE_NOW.search(
            text, max(0, m.start() - 40), m.start()
        ):
            continue  # "900 went; around 400 are in Syria today": a stock's day, not an event's
        if m.end() <= figure[0]:  # "told reporters last year that 5,000 went"
            between = text[max(0, m.start() - 24) : figure[0]]
        else:
            between = text[figure[1] : m.start()]
        if not _REPORTED.search(between):
            return True
    return False


def _clause_marker(name: str, text: str, clause: tuple[int, int], figure: tuple[int, int]) -> bool:
    """A marker in the figure's own clause that no reporting verb separates from it ("killed
    in a single battle"; not "300 were killed, a report on the battle of Kobani said")."""
    for m in _markers(name).finditer(text, *clause):
        span = (figure[1], m.start()) if m.start() >= figure[1] else (m.end(), figure[0])
        if not _REPORTED.search(text, *span):
            return True
    return False


# "..., bringing the toll to 300": a running total's words that introduce the next number
_NEXT_NUMBER = re.compile(r"\s*(?:(?:about|some|around|nearly|almost|over|more\s+than)\s+)?\d")


# "..., bringing the total repatriated since 2019 to 754": the total's number comes later
_TO_NEXT_NUMBER = re.compile(
    r"[^.;]{0,50}?\bto\s+(?:(?:about|some|around|nearly|almost|over|more\s+than)\s+)?\d", re.I
)


# "… left stranded in Syrian camps since the fall of IS", "held in al-Hol since 2019": the
# "since" of the people's custody, not of the count (rule `custody-since`)
_CUSTODY_SINCE = compile_guarded(
    r"\b(?:stranded|held|detained|kept|stuck|trapped|languishing|living|lived|housed|interned)"
    r"\b[^.;,]{0,50}$",
    re.I,
)


def _running_total(text: str, clause: tuple[int, int], figure: tuple[int, int]) -> bool:
    """Words of a running total in the figure's clause that are about this figure."""
    for m in _markers("cumulative").finditer(text, *clause):
        if m.start() >= figure[1] and (
            _NEXT_NUMBER.match(text, m.end()) or _TO_NEXT_NUMBER.match(text, m.end())
        ):
            continue  # "three died last month, bringing the toll to 300": the 300's
        if m.start() >= figure[1] and _REPORTED.search(text, figure[1], m.start()):
            continue  # "12 were repatriated, according to a ministry that has tracked … since"
        if m.start() >= figure[1] and _CUSTODY_SINCE.search(text, figure[1], m.start()):
            continue  # "17 citizens left stranded in camps since 2019 were repatriated"
        return True
    return False


# where the verb's own clause ends: a semicolon, or the parts or another figure's clause
# ("… have returned, including 25 who came back this year")
_NEXT_CLAUSE = re.compile(
    r";|,\s*(?:including|among\s+(?:them|whom)|of\s+(?:whom|which|them)|while|whereas|but|and\s+(?:another|a\s+further))\b"
    # (a figure compared with another's date: "74 have been killed, up from 58 last year")
    r"|,\s*(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|up\s+from|down\s+from|"
    r"against|versus)\b",
    re.I,
)


def _own_clause_end(text: str, cue: Cue) -> int:
    m = _NEXT_CLAUSE.search(text, cue.end)
    return m.start() if m else len(text)


_PERFECT_VERB = re.compile(r"(?:have|has|had)\b", re.I)
_GAP_BREAK = re.compile(r"[,;()]")


def _perfect(text: str, cue: Cue) -> bool:
    return bool(
        _PERFECT_VERB.match(cue.text) or _PERFECT.search(text, max(0, cue.start - 24), cue.start)
    )


def _dated_verb(text: str, cue: Cue, date: DateMention) -> bool:
    """ "were killed in 2015", "returned home in March 2019": the verb's own date."""
    gap = text[cue.end : date.start]
    return (
        0 <= len(gap) <= 24
        and len(date.iso) <= 7
        and date.kind != "end-of-range"
        and _IN_PERIOD.search(gap) is not None
        and not _GAP_BREAK.search(gap)
    )


def _dated_period(text: str, figure: tuple[int, int], date: DateMention | None) -> bool:
    """The figure's date is one year or month the verb happened in ("in 2019, 12 were ...")."""
    if date is None or date.kind == "end-of-range" or " to " in date.text:
        return False  # "in the 2012 – November 2018 period": a count up to its end
    lead = _IN_PERIOD if len(date.iso) <= 7 else _ON_DAY
    if not lead.search(text, max(0, date.start - 40), date.start):
        return False
    # "In 2016, the ministry said 500 ..." / "... according to figures released on 12 March":
    # the date of the report, not of the people's movement
    between = text[date.end : figure[0]] if date.end <= figure[0] else text[figure[1] : date.start]
    return not _REPORTED.search(between)


# an auxiliary before the verb: a passive or a perfect, no state's act in the simple past
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:were|was|been|being|be|is|are|have|has|had|who|which|that)\s+(?:\w+ly\s+)?$", re.I
)
# what may stand between the state's verb and its people: no clause break
_TO_THE_PEOPLE = re.compile(r"[^.;:!?]{0,80}", re.I)
# the state's own "return" takes its people at once ("Uzbekistan returned 156 citizens",
# "returned home some 40 children"): a hedge or "home" between, nothing else
_NEAR_OBJECT = re.compile(
    rf"\s+(?:(?:home|back|{_HEDGES})\s+)*",
    re.I,
)


def _one_operation(text: str, cue: Cue, figure: tuple[int, int]) -> bool:
    """ "Germany repatriated eight mothers", "Denmark brought home 14 children", "Canada
    repatriates 14 women and children": a state's act in the simple past (or the headline's
    present), its people the object, is one operation, unless the sentence counts several."""
    if not (cue.end <= figure[0] and _markers("operation_verbs").match(cue.text)):
        return False
    if not _TO_THE_PEOPLE.fullmatch(text, cue.end, figure[0]):
        return False
    if cue.text.lower().startswith("return") and not _NEAR_OBJECT.fullmatch(
        text, cue.end, figure[0]
    ):
        return False  # "many returned home, and police now track 400": not the state's act
    if _AUXILIARY_BEFORE.search(text, max(0, cue.start - 30), cue.start) and not (
        _NAMED_WHICH.search(text, max(0, cue.start - 60), cue.start)
    ):
        return False
    return not _several(text)


# the state named, then its act in a relative clause: "Finland, which repatriated 12 children
# from al-Hol, said ..." is the same one operation (rule `one-operation`); not a class of
# states ("the countries which repatriated 500") nor a perfect ("which has repatriated")
_NAMED_WHICH = re.compile(r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,\s+which\s+$")


# a headline has no full stop of its own
_TERMINAL = re.compile(r"[.!?\"”’)]\s*$")


def _headline_operation(
    text: str, cue: Cue, figure: tuple[int, int], words: str = "headline_passive"
) -> bool:
    """ "3 Ukrainian women, 11 children repatriated from Syrian camp": a headline's reduced
    passive (no auxiliary, no full stop) is the news of one operation; so is its present
    ("17 Australians return home", `words` "headline_arrival")."""
    if _TERMINAL.search(text) or figure[1] > cue.start:
        return False
    if not _markers(words).match(cue.text):
        return False
    if _AUXILIARY_BEFORE.search(text, max(0, cue.start - 30), cue.start):
        return False
    return not _several(text)


def told_as_one_operation(text: str, following: str) -> bool:
    """A state's act of repatriation ("Denmark has repatriated three women and 14 children")
    whose next sentence opens by naming one operation ("The operation was carried out with US
    help", "The controversial repatriation, which …"): one event (`operation-told-after`)."""
    return (
        _markers("operation_after").match(following.lstrip(" \"“'‘")) is not None
        and _markers("operation_verbs").search(text) is not None
        and not _several(text)
        and not _markers("cumulative").search(following)
    )


def _several(text: str) -> bool:
    """Several operations or a running total anywhere in the sentence ("in five operations",
    "since 2019": `_running_total` leaves a "since" before a year to the year)."""
    return bool(_markers("several_operations").search(text) or _markers("cumulative").search(text))

"""The two levels of a change said of one measure: "fell from 300 to 120", "rose from 200 in
2014 to more than 500 in 2016", "more than 250, up from about 100 a year earlier", "is down to
150 from 400". Each level is an estimate of the same people; the earlier one is read as the
later one is (place, flow, population, scope) and dated by the words said of it alone
(`earlier-level-of-a-change`). The difference ("700 more than") is no level and no estimate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from fighterflows.extract.numbers import NumberKind, NumberMention
from fighterflows.extract.numbers import lexicon as lex
from fighterflows.extract.numbers.context import change_before

# between the earlier level and the later one of "from X to Y": at most a date said of X
# ("from about 700 in 2017 to some 400", "from 20 in May 2013 to 40"); never "a month" (a rate)
_FROM_TO = re.compile(
    r"(?:\s+(?:in|by|at\s+the\s+end\s+of|as\s+of|during|in\s+(?:early|mid|late))\s+"
    r"[\w.-]+(?:\s+[\w.-]+){0,2}?,?)?(?P<to>\s+(?:(?:up|down)\s+)?to\s+)",
    re.I,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.I)
# "rose by 50 to 650", "grew by a third to 200": the difference between the levels
_BY_BEFORE = re.compile(
    r"\bby\s+(?:(?:"
    + "|".join(lex.phrase(h) for h in lex.data()["change_by_hedges"])
    + r")\s+)?\Z",
    re.I,
)
_BY_TO = re.compile(r"\s+to\s+")
_FROM_ONLY = re.compile(r"\s+from\s+", re.I)
# the later level's clause, up to "up from": no other sentence part ("; ", ": ") between
_CLAUSE = re.compile(r"[^.;:!?]{0,90}")
# how far after the earlier level its own date may be ("…, up from 120 in May"): up to the
# next comma or stop
_DATE_REACH = re.compile(r"[^,;.!?]{0,40}")


@dataclass(frozen=True, slots=True)
class Change:
    earlier: NumberMention  # or the difference ("rose by 50 to 650"): no level, no estimate
    later: NumberMention
    window: tuple[int, int]  # where a date said of the earlier level alone stands
    said: tuple[int, int]  # the words that state the earlier level ("from 300", "up from 100")
    difference: bool = False


@cache
def _said_after() -> lex.Before:
    """ "…, up from", "…, down from", "…, a rise from" (numbers.yaml: change_after_level)."""
    return lex.before(tuple(lex.data()["change_after_level"]))


@cache
def _to_then_from() -> lex.Before:
    """ "is down to 150 from 400", "dropped to 120 from 150": a change verb (or up, down)
    and "to" before the later level."""
    words = [*lex.data()["change_before"], "up", "down"]
    return lex.before(tuple(f"{w} to" for w in words))


def changes(text: str, numbers: tuple[NumberMention, ...]) -> list[Change]:
    """The changes said in a sentence, each an earlier and a later level of one measure."""
    if "from" not in text and "From" not in text and " by " not in text:
        return []
    counts = [n for n in numbers if n.kind in (NumberKind.COUNT, NumberKind.SHARE)]
    found: list[Change] = []
    for a, b in pairwise(counts):
        between = text[a.end : b.start]
        if b.kind is not NumberKind.COUNT:
            continue
        by_at = _BY_BEFORE.search(text, max(0, a.start - 20), a.start)
        if by_at is not None and change_before(text, by_at.start()) and _BY_TO.fullmatch(between):
            # "rose by 50 to 650": no earlier level said, only the difference
            found.append(Change(a, b, (a.end, a.end), (by_at.start(), a.end), True))
            continue
        if a.kind is not NumberKind.COUNT:
            continue
        from_at = _FROM_BEFORE.search(text, max(0, a.start - 8), a.start)
        if (
            from_at is not None
            and change_before(text, from_at.start())
            and (m := _FROM_TO.fullmatch(between)) is not None
        ):
            to = a.end + m.start("to")  # "fell from 300 to 120"
            found.append(Change(a, b, (a.end, to), (from_at.start(), to)))
            continue
        reach = _DATE_REACH.match(text, b.end)
        end = reach.end() if reach is not None else b.end
        said = _said_after().find(text, b.start)
        if said is not None and _CLAUSE.fullmatch(text, a.end, said[0]):
            # "250, up from about 100 a year earlier"
            found.append(Change(b, a, (b.end, end), (said[0], end)))
        elif _FROM_ONLY.fullmatch(between) and _to_then_from().find(text, a.start) is not None:
            found.append(Change(b, a, (b.end, end), (a.end, end)))  # "down to 150 from 400"
    return found


# the earlier level dated back from the later one: "down from 80 the year before", "up from
# about 100 a year earlier", "from 40 the previous month"
_BEFORE_THE_LATER = re.compile(
    r"\b(?:(?P<n>a|an|one|two|three|four|five|\d{1,2})\s+(?P<unit>year|month)s?\s+"
    r"(?:earlier|before|previously)|the\s+(?:previous|preceding|prior)\s+(?P<unit2>year|month)"
    r"|the\s+(?P<unit3>year|month)\s+before)\b",
    re.I,
)
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def dated_back(text: str, c: Change, later: str | None) -> str | None:
    """The date of the earlier level said back from the later one's (`later`, an ISO date),
    or None when its words say no such thing."""
    m = _BEFORE_THE_LATER.search(text, c.window[0], c.window[1])
    if m is None or not later or not later[:4].isdigit():
        return None
    n = m.group("n")
    back = 1 if n is None else (int(n) if n.isdigit() else _SMALL[n.lower()])
    unit = (m.group("unit") or m.group("unit2") or m.group("unit3")).lower()
    year = int(later[:4])
    if unit == "year":
        return str(year - back)
    if len(later) < 7:
        return None  # a month before a year: no month to count from
    months = year * 12 + int(later[5:7]) - 1 - back
    return f"{months // 12}-{months % 12 + 1:02d}"


def unsaid(text: str, found: list[Change]) -> str:
    """The sentence as if the earlier levels were not said (blanked, offsets kept): the later
    level is read as "fell to 120", "250 have travelled"."""
    chars = list(text)
    for c in found:
        a, b = c.said
        chars[a:b] = " " * (b - a)
    return "".join(chars)

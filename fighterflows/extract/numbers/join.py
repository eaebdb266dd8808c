"""From scanned pieces to finished numbers: kinds from context, ranges, hedges, bounds.

Works on `Atom`s (internal, frozen); numbers.find_numbers turns them into NumberMentions.
Kinds are the string values of numbers.NumberKind.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from fighterflows.extract.numbers import context as ctx
from fighterflows.extract.numbers import lexicon as lex
from fighterflows.extract.numbers import words
from fighterflows.extract.numbers.scan import Fixed, Item, Tok, scan
from fighterflows.model import Qualifier

Q = Qualifier
LOWER = (Q.AT_LEAST, Q.MORE_THAN)
UPPER = (Q.AT_MOST, Q.LESS_THAN)
NOT_COUNTED = ("date", "time", "phone", "year")

_RANGE_LINK = re.compile(
    r"\s*(?:-|–|—|~|‐)\s*|\s+(?:(?P<to>(?:up\s+)?to|through|thru|until|till)|(?P<and>and)"
    # "1,000 or 2,000 fighters": a range said as two guesses
    r"|(?P<or>or))\s+(?:the\s+)?"
    r"(?:(?P<open>(?:over|more\s+than|upwards\s+of|in\s+excess\s+of)\s+)"
    # the top said with a hedge of its own: "between 100 and up to 150", "from 50 to as many as
    # 100", "between 40 and almost 60" (a range's top, not a second figure)
    r"|(?:up\s+to|as\s+many\s+as|as\s+much\s+as|almost|nearly|close\s+to|possibly|perhaps|"
    r"probably|maybe|even|about|around|some|roughly)\s+)?",
    re.IGNORECASE,
)
# a hedge of the range's bottom between its lead and the number: "between about 1,000 and 1,500"
_BOTTOM_HEDGE = re.compile(
    r"(?:about|around|some|roughly|approximately|an\s+estimated|perhaps|maybe)\s+$", re.I
)
_RANGE_LEADS = ("between", "from", "between the", "from the")
# "more than 10 and less than 20", "at least 58 and possibly up to 66"
_BOUND_LINK = re.compile(
    r"\s*(?:,\s*(?:and\s+|but\s+)?|\s(?:and|but)\s+)"
    r"(?:(?:possibly|perhaps|maybe|probably|potentially|even)\s+)?",
    re.IGNORECASE,
)
_YEAR_END = re.compile(r"\d{2}")


@dataclass(frozen=True, slots=True)
class Atom:
    start: int
    end: int
    nstart: int
    nend: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    kind: str
    scale: float | None = None
    percent: bool = False
    plain4: bool = False
    digits: bool = False
    single_one: bool = False


def interval(value: float, qualifier: Qualifier) -> tuple[float | None, float | None]:
    """low, high of a single figure under the contract's qualifier table."""
    if qualifier in LOWER:
        return value, None
    if qualifier in UPPER:
        return None, value
    if qualifier == Q.EXACT:
        return value, value
    return None, None


def exact(start: int, end: int, value: float, kind: str, **extra: object) -> Atom:
    return Atom(start, end, start, end, value, value, value, Q.EXACT, kind, **extra)  # type: ignore[arg-type]


def atoms(text: str) -> list[Atom]:
    items = scan(text)
    if not items:
        return []
    found = _from_items(text, items)
    found = [a for a in (_context(text, a) for a in found) if a is not None]
    found = _ranges(text, found)
    starts = frozenset(a.start for a in found)
    found = [_hedge(text, a, starts) for a in found]
    return _disjoint(_shared_hedges(text, _bounds(text, found)))


def _disjoint(found: list[Atom]) -> list[Atom]:
    """A hedge that reaches into the previous number is dropped; so is a clash of numbers."""
    out: list[Atom] = []
    for a in found:
        if out and a.start < out[-1].end:
            if a.nstart < out[-1].end:
                continue
            a = replace(a, start=a.nstart, qualifier=Q.EXACT)
            if a.value is not None:
                a = _set(a, a.value)
        out.append(a)
    return out


def _from_items(text: str, items: list[Item]) -> list[Atom]:
    out: list[Atom] = []
    run: list[Tok] = []
    for item in [*items, None]:
        if isinstance(item, Tok):
            run.append(item)
            continue
        for toks, gaps in words.groups(text, run):
            out.extend(
                filter(None, (_from_parsed(text, p) for p in words.parse_group(text, toks, gaps)))
            )
        run = []
        if isinstance(item, Fixed):
            out.append(_from_fixed(item))
    return out


def _from_fixed(f: Fixed) -> Atom:
    if f.kind == "vague":
        return Atom(f.start, f.end, f.start, f.end, None, f.low, f.high, Q.VAGUE, "count")
    if f.kind == "year" and f.low is not None:  # "the 1990s"
        return Atom(f.start, f.end, f.start, f.end, None, f.low, f.high, Q.RANGE, "year")
    if f.value is None:
        return Atom(f.start, f.end, f.start, f.end, None, None, None, Q.EXACT, f.kind)
    return exact(f.start, f.end, f.value, f.kind)


def _from_parsed(text: str, p: words.Parsed) -> Atom | None:
    if p.role == "vague":
        return Atom(p.start, p.end, p.start, p.end, None, p.low, p.high, Q.VAGUE, "count")
    if p.role == "ordinal":
        the = lex.before(("the",)).find(text, p.start)
        if the:
            return replace(exact(p.start, p.end, p.value, "ordinal"), start=the[0])
        return None
    if p.role != "number" or not math.isfinite(p.value):
        return None
    kind = "share" if p.share else "count"
    return exact(
        p.start,
        p.end,
        p.value,
        kind,
        scale=p.scale,
        plain4=p.plain4,
        digits=p.digits,
        single_one=p.single_one,
    )


def _context(text: str, a: Atom) -> Atom | None:
    """Sign, percent, and the kind the neighbouring words give (money, age, year, ...)."""
    value = a.value
    if a.kind not in ("count", "share") or value is None:
        return a
    if a.kind == "share" and ctx.part_of_a_period(text, a.start, a.end):
        return replace(a, kind="date")  # "the first half of 2012"
    sign = ctx.sign_before(text, a.start)
    if sign is not None:
        value = -value
        a = _set(replace(a, start=sign), value)
    after = ctx.after_re().match(text, a.end)
    if after and after.lastgroup == "share":
        return _set(
            replace(a, end=after.end(), nend=after.end(), kind="share", percent=True, scale=None),
            value / 100,
        )
    lead = ctx.percent_lead(text, a.start)
    if lead is not None:
        return _set(replace(a, start=lead, kind="share", percent=True), value / 100)
    if a.single_one and ctx.pronoun_one(text, a.start):
        return None
    if after and after.lastgroup is not None:
        return replace(a, end=after.end(), kind=after.lastgroup)
    money = ctx.money_before(text, a.start)
    if money is not None:
        return replace(a, start=money, kind="money")
    if ctx.age_before(text, a.start):
        return replace(a, kind="age")
    if a.plain4 and _year_like(a.value) and ctx.year_context(text, a.start, a.end):
        return replace(a, kind="year")
    return a


def _year_like(value: float | None) -> bool:
    return value is not None and value.is_integer() and 1900 <= value <= 2099


def _set(a: Atom, value: float) -> Atom:
    low, high = interval(value, a.qualifier)
    return replace(a, value=value, low=low, high=high)


def _ranges(text: str, found: list[Atom]) -> list[Atom]:
    out: list[Atom] = []
    for a in found:
        joined = _range(text, out[-1], a) if out else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(a)
    return out


def _range(text: str, a: Atom, b: Atom) -> Atom | None:
    """ "between 1,200 and 1,500", "700-760", "5,000 to over 10,000", "1.2 to 1.5 million"."""
    if a.qualifier != Q.EXACT or b.qualifier != Q.EXACT or a.value is None or b.value is None:
        return None
    link = _RANGE_LINK.fullmatch(text, a.end, b.start)
    if link is None:
        return None
    lead = lex.before(_RANGE_LEADS).find(text, a.start)
    hedged = _BOTTOM_HEDGE.search(text, max(0, a.start - 16), a.start)
    if lead is None and hedged is not None:
        lead = lex.before(_RANGE_LEADS).find(text, hedged.start())
    if link.group("and") and not (lead and lead[1].startswith("between")):
        return None
    if lead is not None and lead[1].startswith("from") and ctx.change_before(text, lead[0]):
        return None  # "rose from 200 to 300": the measure before and after, not a range
    if ctx.change_by(text, a.start):
        return None  # "rose by 50 to 650": the difference, then the measure after
    if link.group("or") and (
        a.digits != b.digits or re.search(r"\beither\s+$", text[: a.start], re.I)
    ):
        return None  # "either 10 or 20": two guesses; "1,000 or 2,000", "five or six": ranges
    if not (link.group("and") or link.group("to") or link.group("or") or (a.digits and b.digits)):
        return None  # "three-nought-four" is not a range
    low, high = a.value, b.value
    if b.scale and not a.scale and not a.percent and low * b.scale <= high:
        low *= b.scale
    if b.percent and not a.percent and a.kind == "count":
        low /= 100
    if _thousands_elided(a, b, text):
        low *= 1000  # "25-30,000"
    kinds = {a.kind, b.kind} - {"count"}
    kind = kinds.pop() if len(kinds) == 1 else "count"
    if len(kinds) > 0:
        return None  # "5 km to 10 percent": two different things
    year_start = a.kind == "year" or (a.plain4 and _year_like(a.value) and not link.group("to"))
    year_end = (b.plain4 and _year_like(b.value)) or _YEAR_END.fullmatch(text, b.start, b.end)
    if year_start and year_end:
        kind = "year"
        high = high if high >= 1000 else low // 100 * 100 + high
    elif kind == "year":
        return None
    if low >= high:
        return None
    start = lead[0] if lead and lead[1].startswith("between") else a.start
    top = None if link.group("open") else high
    return Atom(start, b.end, a.start, b.end, None, low, top, Q.RANGE, kind)


# thousands written with a comma or, in European style, a dot ("4-5.000")
_GROUPED = re.compile(r"[,.]\d{3}(?!\d)")


def _thousands_elided(a: Atom, b: Atom, text: str) -> bool:
    """ "25-30,000" is 25,000 to 30,000; "75-300" and "800-1,000" stay as they are."""
    if (
        a.value is None
        or b.value is None
        or a.scale
        or b.scale
        or not _GROUPED.search(text, b.nstart, b.nend)
    ):
        return False
    low, high = a.value * 1000, b.value
    return a.value < 1000 and high % 1000 == 0 and high / 4 <= low < high


def _hedge(text: str, a: Atom, starts: frozenset[int]) -> Atom:
    if a.qualifier == Q.RANGE and a.kind in ("count", "share"):
        before = ctx.prefix_hedge(text, a.start)  # "around 75-300": still a range
        if before is not None and before[1] != Q.EXACT:
            return replace(a, start=before[0])
    if a.qualifier != Q.EXACT or a.value is None or a.kind in NOT_COUNTED:
        return a
    qualifier = Q.EXACT
    start, end = a.start, a.end
    before = ctx.prefix_hedge(text, a.start)
    if before is not None and before[1] != Q.EXACT:  # "a total of 232": the quote is "232"
        start, qualifier = before
    after = ctx.suffix_hedge(text, a.end)
    if after is not None and not _number_follows(text, after[0], starts):
        end = after[0]
        if after[1] is not None:
            qualifier = after[1]
        elif qualifier in (Q.MORE_THAN, Q.LESS_THAN):
            qualifier = Q.AT_LEAST if qualifier == Q.MORE_THAN else Q.AT_MOST
        else:
            end = a.end
    low, high = interval(a.value, qualifier)
    if (start, end, qualifier, low, high) == (a.start, a.end, a.qualifier, a.low, a.high):
        return a  # most numbers have no hedge: no copy (dataclasses.replace is slow)
    return replace(a, start=start, end=end, qualifier=qualifier, low=low, high=high)


def _number_follows(text: str, pos: int, starts: frozenset[int]) -> bool:
    """A number right after the hedge ("200 or greater than 190"): the hedge is the next one's."""
    return pos + len(text[pos : pos + 8]) - len(text[pos : pos + 8].lstrip()) in starts


def _bounds(text: str, found: list[Atom]) -> list[Atom]:
    """ "more than 10 and less than 20", "at most 100 and at least 20": one range."""
    out: list[Atom] = []
    for b in found:
        a = out[-1] if out else None
        if a is not None and a.kind == b.kind and _BOUND_LINK.fullmatch(text, a.end, b.start):
            lows = [x for x in (a, b) if x.qualifier in LOWER]
            highs = [x for x in (a, b) if x.qualifier in UPPER]
            if len(lows) == len(highs) == 1:
                low, high = lows[0].low, highs[0].high
                if low is not None and high is not None and low < high:
                    out[-1] = Atom(
                        a.start, b.end, a.nstart, b.nend, None, low, high, Q.RANGE, a.kind
                    )
                    continue
        out.append(b)
    return out


_SHARED = re.compile(r"\s+[^\d.,;:()\[\]]{1,40}?\s+and\s+", re.IGNORECASE)


def _shared_hedges(text: str, found: list[Atom]) -> list[Atom]:
    """ "about 500 Indonesians and 200 Malaysians": the second figure is about 200 too."""
    out = list(found)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if (
            a.qualifier == Q.APPROX
            and b.qualifier == Q.EXACT
            and a.kind == b.kind == "count"
            and b.value is not None
            and _SHARED.fullmatch(text, a.end, b.start)
        ):
            out[i] = replace(b, qualifier=Q.APPROX, low=None, high=None)
    return out

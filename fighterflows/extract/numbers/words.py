"""Join neighbouring number tokens into numbers: "four hundred and forty", "1.2 million",
"fifty-six hundred", "two dozen", "one and a half", "two thirds of a million", "one in five".

Tokens come from scan.py; the words between two tokens (the gap) decide whether they
belong to one number. This loop runs only over the few tokens a sentence has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fighterflows.extract.numbers import lexicon as lex
from fighterflows.extract.numbers.scan import FRACVAL, NUM, Tok

ADDEND = (lex.UNIT, lex.TEEN, lex.TENS, NUM)
A = "a"  # "a hundred", "a third": the article as the numerator one

_GAP = re.compile(
    r"(?P<hy>\s*[-‐‑]\s*)|(?P<sp>\s+)|\s+(?P<anda>and\s+an?)\s+|\s+(?P<and>and)\s+"
    r"|\s+(?P<a>an?)\s+|\s+(?P<point>point)\s+|\s+(?P<ofa>of\s+an?)\s+"
    r"|\s+(?P<out>out\s+of)\s+|\s+(?P<in>in)\s+|-(?P<hyin>in)-|\s+(?P<over>over)\s+",
    re.IGNORECASE,
)
RATIOS = ("out", "in", "over")


@dataclass(frozen=True, slots=True)
class Parsed:
    """A number made of tokens[first..last]; `share` marks a pure fraction ("two thirds")."""

    start: int
    end: int
    value: float
    share: bool = False
    scale: float | None = None  # the last scale word ("5 to 10 million" scales the 5)
    role: str = "number"  # or "ordinal" (a lone ordinal word), "vague"
    low: float | None = None
    high: float | None = None
    digits: bool = False
    plain4: bool = False
    ratio: str | None = None  # "out"/"in"/"over" when this is a fraction X out of Y
    single_one: bool = False


def gap_kind(text: str, left: Tok, right: Tok) -> str | None:
    m = _GAP.fullmatch(text, left.end, right.start)
    if m is None:
        return None
    kind = "in" if m.lastgroup == "hyin" else m.lastgroup
    if kind == "hy" and (left.cls == NUM or right.cls == NUM):
        return None  # "700-760" is a range, not one number
    return kind


def groups(text: str, toks: list[Tok]) -> list[tuple[list[Tok], list[str | None]]]:
    """Runs of tokens joined by gaps; gaps[i] is the gap before tokens[i] (None for the first)."""
    out: list[tuple[list[Tok], list[str | None]]] = []
    for tok in toks:
        gap = gap_kind(text, out[-1][0][-1], tok) if out else None
        if gap is None:
            out.append(([tok], [None]))
        else:
            out[-1][0].append(tok)
            out[-1][1].append(gap)
    return out


def with_article(text: str, toks: list[Tok], gaps: list[str | None]) -> None:
    """Put a leading "a"/"an" in as the numerator one where a scale or fraction follows, and
    "remaining"/"another" before a lone fraction ("the remaining quarter")."""
    first = toks[0]
    if first.cls in ADDEND:
        return
    found = lex.before(("a", "an")).find(text, first.start)
    if found is None and first.cls == lex.FRAC:
        found = lex.before(tuple(lex.data()["fraction_lead"])).find(text, first.start)
    if found:
        toks.insert(0, Tok(found[0], found[0] + len(found[1]), A, 1.0))
        gaps[0] = "sp"
        gaps.insert(0, None)


def merge_compound_ordinals(toks: list[Tok], gaps: list[str | None]) -> None:
    """ "twenty-first", "thirty fifths" (after a numerator): one ordinal token."""
    k = 1
    while k < len(toks):
        t, p = toks[k], toks[k - 1]
        if (
            t.cls in (lex.FRAC, lex.ORD)
            and t.value < 10
            and p.cls == lex.TENS
            and gaps[k] in ("sp", "hy")
            and (gaps[k] == "hy" or k >= 2)
            and gaps[k - 1] not in ("and", "anda")
        ):
            cls = lex.FRAC if k >= 2 else lex.ORD
            toks[k - 1 : k + 1] = [Tok(p.start, t.end, cls, p.value + t.value, t.plural)]
            gaps[k : k + 1] = []
        else:
            k += 1


def parse_group(text: str, toks: list[Tok], gaps: list[str | None]) -> list[Parsed]:
    toks, gaps = list(toks), list(gaps)
    merge_compound_ordinals(toks, gaps)
    with_article(text, toks, gaps)
    out: list[Parsed] = []
    side_start = 0
    pending_ratio: str | None = None
    for k in range(1, len(toks) + 1):
        if k < len(toks) and gaps[k] not in RATIOS:
            continue
        side = parse_side(toks[side_start:k], [None, *gaps[side_start + 1 : k]])
        adjacent = (
            out
            and side
            and out[-1].end == toks[side_start - 1].end
            and side[0].start == toks[side_start].start
        )
        if pending_ratio and adjacent:
            out[-1:] = ratio(text, out[-1], side[0], pending_ratio)
            out.extend(side[1:])
        else:
            out.extend(side)
        pending_ratio = gaps[k] if k < len(toks) else None
        side_start = k
    return out


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)\]]|\Z)")


def ratio(text: str, left: Parsed, right: Parsed, how: str) -> list[Parsed]:
    """ "one in five", "three out of ten" as a share; "7 out of 129" stays two numbers."""
    x, y = left.value, right.value
    words = not (left.digits and right.digits)
    round_y = y <= 20 or (y.is_integer() and len(str(int(y)).rstrip("0")) == 1)
    ok = 0 <= x <= y and y > 0 and left.role == right.role == "number"
    if how == "over":  # only a fraction standing alone: "30 over 18 and 10 under" is ages
        ok = (
            y > 0
            and (words or y <= 100)
            and left.role == right.role == "number"
            and _CLAUSE_END.match(text, right.end) is not None
        )
    elif how == "in":
        ok = ok and (round_y or words) and not right.plain4
    else:
        ok = ok and (round_y or words)
    if not ok:
        return [left, right]
    return [Parsed(left.start, right.end, x / y, share=x <= y, ratio=how)]


def parse_side(toks: list[Tok], gaps: list[str | None]) -> list[Parsed]:
    out: list[Parsed] = []
    i = 0
    while i < len(toks):
        parsed, nxt = parse_one(toks, gaps, i)
        if parsed is not None:
            out.append(parsed)
        i = max(nxt, i + 1)
    return out


@dataclass(slots=True)
class _Acc:
    """The running value of one number while its tokens are read (internal, mutable)."""

    total: float = 0.0
    cur: float = 0.0
    top: float = 0.0
    hundred: bool = False
    last_addend: float = 0.0
    share: bool = False
    scale: float | None = None
    a_start: bool = False
    done: bool = False
    rollback: tuple[int, float, float, float, bool] | None = None


def parse_one(toks: list[Tok], gaps: list[str | None], i: int) -> tuple[Parsed | None, int]:
    acc = _Acc()
    first = _first(acc, toks, gaps, i)
    if first is not None:
        return first, i + 1
    j = i + 1
    while j < len(toks) and not acc.done:
        nxt = _step(acc, toks, gaps, j)
        if nxt <= 0:
            if nxt == 0 and acc.rollback is not None:
                # a second "hundred" or scale: the number ended before the last addend
                j, acc.total, acc.cur, acc.top, acc.hundred = acc.rollback
            break
        j = nxt
    if j == i + 1 and toks[i].cls in (A, lex.HUNDRED, lex.SCALE):
        return None, i + 1  # "a", or a bare "million" with nothing to count
    start = i
    while start < j - 1 and toks[start].cls == A and toks[start + 1].cls in ADDEND:
        start += 1
    value = acc.total + acc.cur
    lone_one = j == i + 1 and toks[i].cls == lex.UNIT and value == 1
    return Parsed(
        toks[start].start,
        toks[j - 1].end,
        value,
        share=acc.share and value <= 1,
        scale=acc.scale,
        digits=any(t.cls == NUM for t in toks[i:j]),
        plain4=j == i + 1 and toks[i].plain4,
        single_one=lone_one,
    ), j


def _first(acc: _Acc, toks: list[Tok], gaps: list[str | None], i: int) -> Parsed | None:
    """Start a number at toks[i]; a Parsed here is a finished one-token result."""
    t = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    follows_scale = nxt is not None and nxt.cls in (lex.SCALE, lex.DOZEN, lex.HUNDRED)
    if t.plural and t.cls in (lex.HUNDRED, lex.SCALE, lex.DOZEN):
        v = lex.vague().get(lex.normal(_plural_word(t)))
        if v is not None:
            return Parsed(t.start, t.end, 0.0, role="vague", low=v.low, high=v.high)
    if t.cls == FRACVAL:
        return Parsed(t.start, t.end, t.value, share=t.plural, digits=True)
    if t.cls in ADDEND or t.cls == A:
        acc.cur = acc.last_addend = t.value
        acc.a_start = t.cls == A
        if t.scale is not None:
            acc.total, acc.cur, acc.top, acc.scale = t.value, 0.0, t.scale, t.scale
        return None
    if t.cls == lex.HUNDRED or t.cls == lex.SCALE:
        acc.cur = t.value
        acc.scale = t.value
        return None
    if t.cls == lex.FRAC and (t.value == 2 or follows_scale):
        acc.cur = acc.last_addend = 1 / t.value
        acc.share = True
        return None
    if t.cls in (lex.FRAC, lex.ORD, lex.SORD):
        return Parsed(t.start, t.end, t.value, role="ordinal")
    return Parsed(t.start, t.end, 0.0, role="none")


def _plural_word(t: Tok) -> str:
    return {lex.HUNDRED: "hundreds", lex.DOZEN: "dozens"}.get(
        t.cls, {1e3: "thousands", 1e6: "millions"}.get(t.value, "")
    )


def _step(acc: _Acc, toks: list[Tok], gaps: list[str | None], j: int) -> int:
    """Read toks[j] into the number: the next index, -1 to stop before it, 0 to roll back."""
    t, p, gap = toks[j], toks[j - 1], gaps[j]
    if gap == "point":
        usable = p.cls in (*ADDEND, lex.HUNDRED, lex.SCALE) and p.scale is None
        return _decimals(acc, toks, gaps, j) if usable else -1
    if p.cls == NUM and p.scale is not None:
        return -1
    if gap in ("and", "anda") and _is_fraction_ahead(toks, gaps, j):
        return _add_fraction(acc, toks, gaps, j)
    if t.cls in ADDEND:
        return _addend(acc, t, p, gap, j)
    if t.cls == lex.HUNDRED and gap in ("sp", "hy") and (p.cls in ADDEND or p.cls in (A, lex.FRAC)):
        if acc.hundred:
            return 0 if acc.rollback else -1
        acc.cur *= 100
        acc.hundred, acc.scale = True, 100.0
        return j + 1
    if t.cls == lex.SCALE and (gap in ("sp", "hy") or (gap in ("ofa", "a") and p.cls == lex.FRAC)):
        return _scale(acc, t, p, j)
    if t.cls == lex.DOZEN and (gap in ("sp", "hy") or (gap == "a" and p.cls == lex.FRAC)):
        if p.cls in ADDEND or p.cls in (A, lex.FRAC):
            acc.cur += acc.last_addend * 11
            acc.scale = 12.0
            return j + 1
        return -1
    if t.cls in (lex.FRAC, lex.ORD) and gap in ("sp", "hy"):
        return _denominator(acc, t, p, j)
    if t.cls == lex.SORD and gap == "sp" and acc.a_start:
        acc.cur = (acc.total + acc.cur) / t.value
        acc.total, acc.share, acc.done = 0.0, True, True
        return j + 1
    return -1


def _addend(acc: _Acc, t: Tok, p: Tok, gap: str | None, j: int) -> int:
    if t.value == 0:
        return -1  # zero never continues a number ("3 hundred and 0")
    joins = False
    if gap in ("sp", "hy") and p.cls == lex.TENS and t.cls == lex.UNIT:
        joins = True
    elif gap in ("sp", "hy", "and") and p.cls in (lex.HUNDRED, lex.SCALE) and t.value < p.value:
        joins = t.cls != NUM or gap == "and" or p.cls == lex.SCALE
        acc.rollback = (j, acc.total, acc.cur, acc.top, acc.hundred)
    if not joins:
        return -1
    acc.cur += t.value
    acc.last_addend = t.value if p.cls != lex.TENS else acc.last_addend + t.value
    return j + 1


def _scale(acc: _Acc, t: Tok, p: Tok, j: int) -> int:
    if p.cls == lex.SCALE and p.value >= t.value:
        return -1
    if acc.top and t.value >= acc.top and acc.cur and p.cls != lex.SCALE:
        return 0 if acc.rollback else -1  # "five million and 10 million": two numbers
    if p.cls in (lex.SCALE,) and acc.cur == 0 and t.value > acc.top:
        acc.total *= t.value  # "three lakh crore"
    elif t.value > acc.top:
        acc.total = (acc.total + acc.cur) * t.value
    else:
        acc.total += (acc.cur or 1) * t.value
    acc.top = max(acc.top, t.value)
    acc.cur, acc.hundred, acc.scale, acc.share = 0.0, False, t.value, False
    return j + 1


def _denominator(acc: _Acc, t: Tok, p: Tok, j: int) -> int:
    if t.cls == lex.ORD and t.value < 3:
        return -1  # "one second", "a first": not fractions
    if p.cls not in ADDEND and p.cls not in (A, lex.HUNDRED, lex.SCALE):
        return -1
    acc.cur = (acc.total + acc.cur) / t.value
    acc.total, acc.top, acc.hundred = 0.0, 0.0, False
    acc.share, acc.last_addend = True, acc.cur
    return j + 1


def _is_fraction_ahead(toks: list[Tok], gaps: list[str | None], j: int) -> bool:
    t = toks[j]
    if gaps[j] == "anda":
        return t.cls == lex.FRAC or (t.cls == lex.ORD and t.value >= 3)
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return (
        t.cls == lex.UNIT
        and t.value > 0
        and nxt is not None
        and nxt.cls == lex.FRAC
        and gaps[j + 1] in ("sp", "hy")
    )


def _add_fraction(acc: _Acc, toks: list[Tok], gaps: list[str | None], j: int) -> int:
    """ "one and a half", "3 million and a quarter", "one hundred and three quarters"."""
    p = toks[j - 1]
    if gaps[j] == "anda":
        frac, nxt = 1 / toks[j].value, j + 1
    else:
        frac, nxt = toks[j].value / toks[j + 1].value, j + 2
    scale_after = nxt < len(toks) and toks[nxt].cls == lex.SCALE and gaps[nxt] in ("sp", "hy")
    if p.cls == lex.SCALE and not scale_after:
        acc.total += frac * p.value
    else:
        acc.cur += frac
    acc.last_addend, acc.share = frac, False
    return nxt


def _decimals(acc: _Acc, toks: list[Tok], gaps: list[str | None], j: int) -> int:
    """ "two hundred point zero three", "nine point nought four"."""
    digits = ""
    k = j
    while (
        k < len(toks)
        and toks[k].cls in (lex.UNIT, lex.TEEN, lex.TENS)
        and (k == j or gaps[k] in ("sp", "hy"))
    ):
        t = toks[k]
        if (
            t.cls == lex.TENS
            and k + 1 < len(toks)
            and toks[k + 1].cls == lex.UNIT
            and gaps[k + 1] in ("sp", "hy")
        ):
            digits += str(int(t.value + toks[k + 1].value))
            k += 2
            continue
        digits += str(int(t.value))
        k += 1
    if not digits:
        return -1
    acc.cur += float("0." + digits)
    return k

"""What the words around a number say about it: its kind (percent, money, age, time, year,
measure), its sign, and the hedge before or after it ("at least", "2,000+", "or less").

Each context is one compiled regex matched at the number's edge of the original text.
"""

from __future__ import annotations

import re
from functools import cache

from fighterflows.extract.numbers import lexicon as lex
from fighterflows.model import Qualifier

_AFTER_NUMBER = re.compile(r"\d\s+\Z")
_NOT_SIGNED = re.compile(r"[\w)\].,%\-–]")  # before "-": a range or a compound, not a sign
_ABBREVIATED_MONTHS = tuple(m + "." for m in lex.data()["months"] if len(m) <= 4)
_PERCENT_LEADS = tuple(p + " of" for p in lex.data()["percent_lead"])


@cache
def after_re() -> re.Pattern[str]:
    d = lex.data()
    units = [u for u in d["units"] if len(u) > 1 or not u.isalpha()]
    letters = "|".join(u for u in d["units"] if len(u) == 1 and u.isalpha())
    return re.compile(
        rf"(?P<share>\s*(?:%|(?:{lex.alternation(d['percent'][1:])})(?!\w))(?!\s+points?\b))"
        rf"|(?P<age>(?:\s*-\s*|\s+)(?:{lex.alternation(d['age_after'])})(?!\w)|\s*-year-old)"
        rf"|(?P<time>\s*(?:{lex.alternation(d['time_after'])})(?!\w))"
        rf"|(?P<money>\s+(?:(?-i:[A-Z][a-z]+|US)\s+)?(?:{lex.alternation(d['currency_words'])})(?!\w))"
        rf"|(?P<measure>(?:\s*-\s*|\s+)(?:{lex.alternation(units)}|(?-i:{letters}))(?![\w]))",
        re.IGNORECASE,
    )


@cache
def _before(*keys: str, extra: tuple[str, ...] = ()) -> lex.Before:
    return lex.before(tuple(p for k in keys for p in lex.data()[k]) + extra)


def money_before(text: str, pos: int) -> int | None:
    found = _before("currency_symbols").find(text, pos)
    return None if found is None else found[0]


def age_before(text: str, pos: int) -> bool:
    return _before("age_before").find(text, pos) is not None


def change_before(text: str, pos: int) -> bool:
    """A verb of change ends right before pos ("rose from"): its "from … to …" is two values."""
    return _before("change_before").find(text, pos) is not None


@cache
def _change_by() -> lex.Before:
    hedges = ["", *lex.data()["change_by_hedges"]]
    return lex.before(
        tuple(f"{w} by {h}".strip() for w in lex.data()["change_before"] for h in hedges)
    )


def change_by(text: str, pos: int) -> bool:
    """A verb of change and "by" end right before pos ("rose by 50 to 650"): the difference,
    then the new level, not a range."""
    return _change_by().find(text, pos) is not None


def year_before(text: str, pos: int) -> bool:
    return _before("year_before", "months", extra=_ABBREVIATED_MONTHS).find(text, pos) is not None


def sign_before(text: str, pos: int) -> int | None:
    """Where a minus sign starts: glued "-5" ("- 500" is more often a list bullet)."""
    if pos and text[pos - 1] in "-−" and (pos < 2 or not _NOT_SIGNED.match(text[pos - 2])):
        # "3,000 -4,000": a dash spaced on one side only after a number is a range's
        return None if _AFTER_NUMBER.search(text, max(0, pos - 8), pos - 1) else pos - 1
    found = lex.before(("minus", "negative")).find(text, pos)
    return None if found is None else found[0]


@cache
def _prefix_hedges() -> lex.Before:
    return lex.before(tuple(lex.prefix_hedges()))


def prefix_hedge(text: str, start: int) -> tuple[int, Qualifier] | None:
    found = _prefix_hedges().find(text, start)
    if found is None:
        return None
    not_hedge = _before("not_hedges").find(text, start)
    if not_hedge is not None and not_hedge[0] <= found[0]:
        return None  # "handed over four children"
    return found[0], lex.prefix_hedges()[found[1]]


@cache
def _year_after_determiner() -> re.Pattern[str]:
    nouns = lex.alternation(lex.data()["year_nouns"])
    return re.compile(rf"(?:\s+(?:(?-i:[A-Z])|(?:{nouns})(?!\w))|[-–](?-i:[A-Z]))", re.IGNORECASE)


_YEAR_CITED = re.compile(r"[.,;]")  # "Byman, D., 2015." in a reference list
_PAREN_COUNT = re.compile(r"\s*\(\s*(?:about\s+|some\s+|around\s+|over\s+)?\d")


def year_context(text: str, start: int, end: int) -> bool:
    """Words around a year-like number (1900-2099) that make it a year: "in 2014",
    "the 2015 offensive", "the 2008 Mumbai attacks", "Up to 2018,"."""
    if year_before(text, start) or _PAREN_COUNT.match(text, end):
        return True  # "in 2014", "2017 (7,494)": a year and its count in brackets
    after = text[end : end + 1]
    if _before("year_determiners").find(text, start) is not None:
        return _year_after_determiner().match(text, end) is not None
    head = text[max(0, start - 3) : start].rstrip()
    if head.endswith(",") and _YEAR_CITED.match(after):
        return True
    return lex.before(("up to", "to", "and")).find(text, start) is not None and after in (",", ";")


_PERIOD_PART = re.compile(
    r"\s+of\s+(?:the\s+|that\s+|this\s+|last\s+|next\s+)?(?:year|decade|century|month|week|"
    r"(?:(?-i:[A-Z])[a-z]+\s+)?(?:19|20)\d\d(?=\s*(?:[,.;:)]|$)|\s+(?:and|to|when|while|saw|"
    r"as|the|there|more|some|about|over|at|in)\b))",
    re.IGNORECASE,
)
_PERIOD_ORDER = re.compile(r"\b(?:first|second|latter|former|last|third|fourth)\s+$", re.IGNORECASE)


def part_of_a_period(text: str, start: int, end: int) -> bool:
    """ "the first half of 2012", "the last quarter of the year": a time, not a share."""
    after = _PERIOD_PART.match(text, end) is not None
    return after or (
        _PERIOD_ORDER.search(text, max(0, start - 8), start) is not None
        and re.match(r"\s+of\b", text[end:]) is not None
    )


def percent_lead(text: str, pos: int) -> int | None:
    """ "per cent of 210" at the start of a text or clause: a percent written backwards."""
    found = lex.before(_PERCENT_LEADS).find(text, pos)
    if found is None:
        return None
    head = text[: found[0]].rstrip()
    return found[0] if not head or head[-1] in ".;:!?(" else None


def pronoun_one(text: str, pos: int) -> bool:
    """ "which one", "this one": a pronoun, not the number one."""
    return _before("one_pronoun_before").find(text, pos) is not None


@cache
def suffix_hedge_re() -> re.Pattern[str]:
    parts = []
    for p in sorted(lex.suffix_hedges(), key=len, reverse=True):
        lead = r"\s*" if not p[0].isalnum() else r"(?:\s*-\s*|\s+)" if p == "plus" else r"\s+"
        right = r"(?![\w])" if p[-1].isalnum() else r"(?![\d])"
        if not p.endswith(("than", "to")):
            right += r"(?!\s+(?:than|to)\b)"  # "and more than 10" hedges the next number
        parts.append(lead + lex.phrase(p) + right)
    inclusive = lex.alternation(lex.data()["suffix_inclusive"])
    return re.compile(
        r"(?P<hedge>" + "|".join(parts) + rf")|(?P<inclusive>\s+(?:{inclusive})(?![\w]))",
        re.IGNORECASE,
    )


def suffix_hedge(text: str, end: int) -> tuple[int, Qualifier | None] | None:
    """(end of the hedge, qualifier); qualifier None for "or equal (to)"."""
    m = suffix_hedge_re().match(text, end)
    if m is None:
        return None
    if m.lastgroup == "inclusive":
        return m.end(), None
    return m.end(), lex.suffix_hedges()[lex.normal(m.group()).lstrip("-").strip()]

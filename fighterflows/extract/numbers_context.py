"""What the words around a number say about it: its kind (percent, money, age, time, year,
measure), its sign, and the hedge before or after it ("at least", "2,000+", "or less").

Each context is one compiled regex matched at the number's edge of the original text.
"""

from __future__ import annotations

import re
from functools import cache

from fighterflows.extract import numbers_lexicon as lex
from fighterflows.model import Qualifier

WINDOW = 48  # characters before a number searched for a hedge or a kind cue


def _words(key: str, before: bool) -> str:
    """Phrases as a regex; word edges only where the phrase starts or ends with a letter."""
    parts = []
    for p in sorted(lex.data()[key], key=len, reverse=True):
        body = lex.phrase(p)
        left = r"(?<![\w])" if p[0].isalnum() else ""
        right = (r"\s+" if p[-1].isalnum() else r"\s*") if before else (
            r"(?![\w])" if p[-1].isalnum() else "")
        parts.append(left + body + right)
    return "|".join(parts)


@cache
def after_re() -> re.Pattern[str]:
    d = lex.data()
    units = [u for u in d["units"] if len(u) > 1 or not u.isalpha()]
    letters = "|".join(u for u in d["units"] if len(u) == 1 and u.isalpha())
    return re.compile(
        rf"(?P<share>\s*(?:%|(?:{lex.alternation(d['percent'][1:])})(?!\w))(?!\s+points?\b))"
        rf"|(?P<age>(?:\s*-\s*|\s+)(?:{lex.alternation(d['age_after'])})(?!\w)|\s*-year-old)"
        rf"|(?P<time>\s*(?:{lex.alternation(d['time_after'])})(?!\w))"
        rf"|(?P<money>\s+(?:{lex.alternation(d['currency_words'])})(?!\w))"
        rf"|(?P<measure>(?:\s*-\s*|\s+)(?:{lex.alternation(units)}|(?-i:{letters}))(?![\w]))",
        re.IGNORECASE,
    )


@cache
def before_re() -> re.Pattern[str]:
    d = lex.data()
    symbols = "|".join(re.escape(s) for s in sorted(d["currency_symbols"], key=len, reverse=True))
    months = lex.alternation(d["months"])
    return re.compile(
        rf"(?:(?P<money>(?:{symbols})\s?)"
        rf"|(?P<age>(?<![\w])(?:{lex.alternation(d['age_before'])})\s+)"
        rf"|(?P<year>(?:{_words('year_before', True)}|(?<![\w])(?:{months})\.?\s+)))\Z",
        re.IGNORECASE,
    )


@cache
def sign_re() -> re.Pattern[str]:
    # A sign is glued to its number: "- 500" is more often a list bullet than a negative.
    return re.compile(r"(?:(?<![\w)\].,%\-–])[-−]|(?<![\w])(?:minus|negative)\s+)\Z",
                      re.IGNORECASE)


@cache
def prefix_hedge_re() -> re.Pattern[str]:
    parts = []
    for p in sorted(lex.prefix_hedges(), key=len, reverse=True):
        left = r"(?<![\w])" if p[0].isalnum() else r"(?<![<>=])"
        right = r"\s+" if p[-1].isalnum() else r"\s*"
        parts.append(left + lex.phrase(p) + right)
    return re.compile(r"(?:" + "|".join(parts) + r")\Z", re.IGNORECASE)


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


@cache
def percent_lead_re() -> re.Pattern[str]:
    """"per cent of 210" at the start of a text or clause: a percent written backwards."""
    lead = lex.alternation(lex.data()["percent_lead"])
    return re.compile(rf"(?:\A|(?<=[.;:!?(]))\s*(?:{lead})\s+of\s+\Z", re.IGNORECASE)


@cache
def pronoun_one_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{_words('one_pronoun_before', True)})\Z", re.IGNORECASE)


def window(text: str, start: int) -> int:
    return max(0, start - WINDOW)


def prefix_hedge(text: str, start: int) -> tuple[int, Qualifier] | None:
    m = prefix_hedge_re().search(text, window(text, start), start)
    if m is None:
        return None
    return m.start(), lex.prefix_hedges()[lex.normal(m.group())]


def suffix_hedge(text: str, end: int) -> tuple[int, Qualifier | None] | None:
    """(end of the hedge, qualifier); qualifier None for "or equal (to)"."""
    m = suffix_hedge_re().match(text, end)
    if m is None:
        return None
    if m.lastgroup == "inclusive":
        return m.end(), None
    return m.end(), lex.suffix_hedges()[lex.normal(m.group()).lstrip("-").strip()]

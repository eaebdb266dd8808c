"""One compiled regex that finds every number-like piece of a text, and its tokens.

The regex is an alternation tried left to right at each position: things that contain digits
but are not counts come first (URLs, phone numbers, dates, times), then digit numbers, vague
quantity phrases and spelled-out number words. Its matches never overlap; words.py joins
neighbouring tokens into numbers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from fighterflows.extract.numbers import context as ctx
from fighterflows.extract.numbers import lexicon as lex
from fighterflows.initials import compile_guarded

NUM = "num"  # a digit number token; word tokens use the classes of lexicon.py
FRACVAL = "fracval"  # a written fraction ("3/4", "2 1/4", "½"): value is the fraction itself
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_GLUED_PERCENT = frozenset({"pc", "pct", "percent"})


@dataclass(frozen=True, slots=True)
class Tok:
    """A digit number or a number word, to be joined with its neighbours."""

    start: int
    end: int
    cls: str
    value: float
    plural: bool = False
    scale: float | None = None  # a scale suffix ("10k") or the scale word of a vague phrase
    plain4: bool = False  # four digits, no separator: may be a year


@dataclass(frozen=True, slots=True)
class Fixed:
    """A finished piece: a date, a time, a phone number, an ordinal, a vague phrase, ..."""

    start: int
    end: int
    kind: str
    value: float | None
    low: float | None = None
    high: float | None = None


Item = Tok | Fixed

_DIGITS = r"""
  (?:\d{1,3}(?:,\d{3})+(?:\.\d+)?
   | \d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?
   | \d{1,3}(?:[\u00a0\u202f\u2009\ ]\d{3})+(?![\d,])(?:\.\d+)?
   | \d{1,3}(?:['’]\d{3})+(?![\d'’])(?:\.\d+)?
   | (?<!\d,)\d{1,3},\d{1,2}(?!\d|,\d)
   | \d+(?:\.\d+)?
   | \.\d+)
"""


def _month_names() -> str:
    names = sorted(lex.data()["months"], key=len, reverse=True)
    return "(?-i:" + "|".join(n.capitalize() for n in names) + r")\.?"


@cache
def master() -> re.Pattern[str]:
    d = lex.data()
    month = _month_names()
    spaced = "|".join(sorted(d["spaced_suffixes"], key=len, reverse=True))
    # Plural scale words ("hundreds") are number words: "five hundreds" is 500.
    vague_multi = [v for v in lex.vague() if v not in lex.words()]
    vulgar = "".join(d["vulgar"])
    parts = [
        r"(?P<url>(?:https?://|www\.)\S+)",
        # a citation mark ("fighters.[12]"), a journal's volume and issue ("10(6)")
        r"(?P<cite>(?<=[^\s\[])\[\d{1,3}\]|(?<![\w.,])\d{1,4}\(\d{1,3}(?:[-–]\d{1,3})?\))",
        r"(?P<phone>\+\d{1,3}(?:[\ \-./]?\(?\d{1,4}\)?){2,5}"
        r"|\(\d{3}\)\s?\d{3}[-.\s]\d{4}(?!\d)|(?<!\d)\d{3}-\d{3}-\d{4}(?!\d))",
        r"(?P<date>(?<!\d)\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])"
        r"|(?<!\d)(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?(?![\d])"
        r"|(?<!\d)\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}(?!\d)"
        rf"|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d\w])(?:,?\s+(?:19|20)\d{{2}}(?!\d))?"
        rf"|{month},?\s+(?:19|20)\d{{2}}(?!\d)"
        rf"|(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{month}(?!\w)(?:,?\s+(?:19|20)\d{{2}}(?!\d))?)",
        r"(?P<time>(?<![\d.])\d{1,2}:\d{2}(?::\d{2})?(?!\d)(?:\s*[ap]\.?m\.?(?!\w))?"
        r"|(?<![\d.])\d{1,2}\s*(?:[ap]\.m\.|[ap]m(?!\w)|o'clock))",
        r"(?P<dotted>(?<![\w.])\d+(?:\.\d+){2,}(?![\d]))",
        rf"(?P<vulgar>(?<![\w.])(?:(?P<vwhole>\d+)\s*)?[{vulgar}])",
        r"(?P<slash>(?<![\w./])(?:(?P<swhole>\d{1,2})\s+)?(?P<snum>\d+)/(?P<sden>\d+)(?![\d/]))",
        rf"(?P<num>(?<![^\W\d_])(?<![\d.]){_DIGITS}"
        r"(?P<exp>(?:e|\ ?x\ ?10\^)[+-]?\d+(?![\w]))?(?P<pow>\^[+-]*\d+)?"
        rf"(?:\ {{1,2}}(?P<ssfx>(?-i:{spaced}))(?!\w))?(?P<glue>[^\W\d_]+)?)",
        rf"(?P<vague>\b(?:{lex.alternation(vague_multi)})\b)",
        rf"(?P<zero>\b(?:{lex.list_pattern('zero_words')})\b)",
        rf"(?P<word>\b(?:{lex.alternation(set(lex.words()))})\b)",
    ]
    return re.compile("|".join(parts), re.IGNORECASE | re.VERBOSE)


@cache
def candidates() -> re.Pattern[str]:
    """Where a piece can start. Text with none holds no number (the fast path for most
    sentences); elsewhere the master regex is tried only at these places. Behind a lookahead
    for the characters a candidate can start with (initials.py): the same matches, the scan
    ~1.3x faster (most positions fail at once instead of trying every number word)."""
    d = lex.data()
    vulgar = "".join(d["vulgar"])
    phrases = set(lex.words()) | set(lex.vague()) | set(d["zero_words"])
    return compile_guarded(
        rf"[\d{vulgar}+(\[]|\.(?=\d)|(?:https?:|www\.)|{_month_names()}"
        rf"|\b(?:{lex.alternation(phrases)})\b",
        re.IGNORECASE,
    )


_EURO_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _counted_word_follows(text: str, end: int) -> bool:
    """A plain word (not a scale or a unit) follows: "1.623 Moroccans", not "2.125 million"."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1).lower()
    return word not in lex.words() and word not in lex.data()["units"]


@cache
def _people_before() -> re.Pattern[str]:
    words = lex.alternation(set(lex.data()["dot_thousands_context"]))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def _thousands_dot(text: str, start: int, end: int) -> bool:
    """ "1.623 Moroccans"; "the number of returnees is 5.600," (no word after, people before)."""
    if _counted_word_follows(text, end):
        return True
    if _NEXT_WORD.match(text, end) or text[end : end + 1].isalnum():
        return False
    return _people_before().search(text, max(0, start - 60), start) is not None


# (compiled once: `re`'s own cache costs a look-up at each of a pass's ~600 numbers)
_GROUP_SPACE = re.compile(r"[\u00a0\u202f\u2009 '’]")
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")
_EXPONENT_MARK = re.compile(r"^(?:e|\s?x\s?10\^)")
_FOUR_DIGITS = re.compile(r"\d{4}")


def _digit_value(m: re.Match[str]) -> float | None:
    core_end = m.end("num") - len(m.group("glue") or "")
    if m.group("ssfx"):
        core_end = m.start("ssfx")
    body = m.string[m.start("num") : core_end].rstrip()
    if m.group("pow"):
        body = body[: body.index("^")]
    if m.group("exp"):
        body = body[: len(body) - len(m.group("exp"))]
    body = _GROUP_SPACE.sub("", body)  # "30 000", Swiss "60'000"
    if _DECIMAL_COMMA.fullmatch(body):
        body = body.replace(",", ".")  # a decimal comma ("5,00", "1,3")
    elif _EURO_THOUSANDS.fullmatch(body) and _thousands_dot(m.string, m.start(), m.end()):
        body = body.replace(".", "")  # "1.623 Moroccans": a dot between thousands
    try:
        value = float(body.replace(",", ""))
        if m.group("exp"):
            value *= 10.0 ** int(_EXPONENT_MARK.sub("", m.group("exp").lower()))
        if m.group("pow"):
            value **= int(m.group("pow")[1:].replace("-", "").replace("+", "")) * (
                -1 if m.group("pow").count("-") % 2 else 1
            )
    except (ValueError, OverflowError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None  # JSON has no infinity


def _digit_item(m: re.Match[str]) -> Item | None:
    value = _digit_value(m)
    if value is None:
        return None
    glue = m.group("glue")
    start, end = m.start("num"), m.end("num")
    scale: float | None = None
    if m.group("ssfx"):
        scale = lex.suffixes()[m.group("ssfx")]
    if glue:
        if glue.lower() in _GLUED_PERCENT:  # "30pc": the number, then its percent word
            return Tok(start, end - len(glue), NUM, value)
        if glue.lower() in ORDINAL_SUFFIXES and value.is_integer():
            return Fixed(start, end, "ordinal", value, value, value)
        if glue.lower() == "s" and 1900 <= value <= 2090 and value % 10 == 0:
            return Fixed(start, end, "year", value, value, value + 9)
        scale = lex.suffixes().get(glue)
        if glue == "m" and _news_million(m):
            scale = 1e6
        if scale is None:
            return None  # "180ml", "29km", "COVID19": part of a word, not a number
    if scale is not None:
        value *= scale
    plain4 = _FOUR_DIGITS.fullmatch(m.group("num")) is not None
    return Tok(start, end, NUM, value, scale=scale, plain4=plain4)


def _news_million(m: re.Match[str]) -> bool:
    """ "£5m", "1.5m people": newspapers' million, not a metre ("1m", "1.8m tall")."""
    if ctx.money_before(m.string, m.start()) is not None:
        return True
    nxt = _NEXT_WORD.match(m.string, m.end())
    return "." in m.group("num") and nxt is not None and nxt.group(1).lower() not in _TALL


_TALL = frozenset({"tall", "high", "long", "deep", "wide", "away", "above", "below", "in"})


def _slash_item(m: re.Match[str]) -> list[Item]:
    num, den = float(m.group("snum")), float(m.group("sden"))
    whole = float(m.group("swhole") or 0)
    if 1 < den <= 10 and num < den:
        return [Tok(m.start(), m.end(), FRACVAL, whole + num / den, plural=not whole)]
    if not whole and 1900 <= num <= 2099 and (den == num % 100 + 1 or den == num + 1):
        return [Fixed(m.start(), m.end(), "year", None, num, num + 1)]  # "2015/16"
    # "24/7", "9/11", "2222/2222": two numbers
    return [
        Tok(m.start("snum"), m.end("snum"), NUM, num),
        Tok(m.start("sden"), m.end("sden"), NUM, den),
    ]


def _word_item(m: re.Match[str]) -> Item:
    w = lex.words()[lex.normal(m.group())]
    return Tok(m.start(), m.end(), w.cls, w.value, w.plural)


def _fixed(m: re.Match[str], kind: str) -> list[Item]:
    if kind == "dotted":  # "192.168.1.2", "1.2.3": each part on its own
        out: list[Item] = []
        for part in re.finditer(r"\d+", m.group()):
            value = float(part.group())
            out.append(Tok(m.start() + part.start(), m.start() + part.end(), NUM, value))
        return out
    if kind == "vulgar":
        ch = m.group()[-1]
        value = float(m.group("vwhole") or 0) + float(lex.data()["vulgar"][ch])
        return [Tok(m.start(), m.end(), FRACVAL, value, plural=not m.group("vwhole"))]
    if kind == "vague":
        v = lex.vague()[lex.normal(m.group())]
        return [Fixed(m.start(), m.end(), "vague", None, v.low, v.high)]
    if kind == "zero":
        return [Fixed(m.start(), m.end(), "count", 0.0, 0.0, 0.0)]
    return [Fixed(m.start(), m.end(), kind, None)]


def scan(text: str) -> list[Item]:
    """Every number-like piece of `text`, in order; URLs and glued words are left out."""
    items: list[Item] = []
    for m in _matches(text):
        kind = m.lastgroup
        if kind in ("url", "cite") or kind is None:
            continue
        if kind == "num":
            item = _digit_item(m)
            if item is not None:
                items.append(item)
        elif kind == "word":
            items.append(_word_item(m))
        elif kind == "slash":
            items.extend(_slash_item(m))
        else:
            items.extend(_fixed(m, kind))
    return items


def _matches(text: str) -> Iterator[re.Match[str]]:
    """The master regex's matches, tried only where a candidate starts (same result as
    finditer, many times faster on prose)."""
    find, match = candidates().search, master().match
    pos = 0
    while (c := find(text, pos)) is not None:
        m = match(text, c.start())
        if m is None or m.end() == m.start():
            pos = c.start() + 1
            continue
        yield m
        pos = m.end()

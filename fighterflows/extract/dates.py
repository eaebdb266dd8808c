"""Dates in a sentence, and which one a figure is "as of" or counted "since".

Stated dates are normalised to ISO: "2014", "2017-02", "2016-09-28". Relative phrases ("last
month", "on Saturday") resolve against the document's published date. A date after "since"
(or the first half of "between 2012 and 2016") starts the count; the others say when the
figure held.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from fighterflows.extract import numbers_lexicon as lex

# The month names and their abbreviations are the number grammar's (numbers.yaml, `months`):
# the twelve names in order, then abbreviations, each the start of its month's name.
_NAMES: list[str] = lex.data()["months"]
_MONTHS = {
    m: next(i + 1 for i, full in enumerate(_NAMES[:12]) if full.startswith(m)) for m in _NAMES
}
_MONTH = "(?:" + "|".join(sorted((m.capitalize() for m in _NAMES), key=len, reverse=True))
_MONTH += r")\.?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_DATE = re.compile(
    rf"(?P<dmy>(?P<d1>[0-3]?\d)\s+(?P<m1>{_MONTH})\s+(?P<y1>{_YEAR}))"
    rf"|(?P<mdy>(?P<m2>{_MONTH})\s+(?P<d2>[0-3]?\d),?\s+(?P<y2>{_YEAR}))"
    rf"|(?P<my>(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR}))"
    rf"|(?P<yy>(?P<y4>{_YEAR})\s*(?:[-–/]|\bto\b)\s*(?:(?P<m5>{_MONTH})\s+)?(?P<y5>{_YEAR}))"
    rf"|(?P<y>(?<![\d,.])(?P<y6>{_YEAR})(?![\d%]|,\d|\.\d))"
    # a day without its year ("on July 5", "on 30 May"): the year of the document's date
    rf"|(?P<md>(?<=\b[Oo]n\s)(?:(?P<m7>{_MONTH})\s+(?P<d7>[0-3]?\d)(?:st|nd|rd|th)?|(?P<d8>[0-3]?\d)"
    rf"(?:st|nd|rd|th)?\s+(?P<m8>{_MONTH}))(?!\w|\.\d|,?\s*\d))"
    # "last month", "last April" (the latest April before the story; "this April": the story's
    # year), "yesterday", "on Monday"; "now says fewer than 3,000" after "6,000 in 2015": the
    # day of the report
    rf"|(?P<rel>\b(?P<which>(?i:last|this|past))\s+(?:(?i:month|year|week)\b"
    rf"|(?P<m9>{_MONTH})(?!\s*,?\s*\d))"
    r"|\b(?i:on|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?i:yesterday|now|today|currently|at present|nowadays)\b)",
)
# "USA Today" is a newspaper: a capitalised "Today" or "Now" after a word is a name
_NAME_BEFORE = re.compile(r"[\w,;] $")
_SINCE = re.compile(
    r"\b(?:since|starting in|beginning in|after)\b[^.;,]{0,60}$"
    r"|\b(?:from|between)\s+(?:the\s+)?(?:(?:start|beginning|end)\s+of\s+|early\s+|mid-?|late\s+)?$",
    re.IGNORECASE,
)
_AS_OF = re.compile(r"\b(?:as of|by|until|up to|through|as at|at the end of)\s*$", re.IGNORECASE)
_NOW = {"now", "today", "currently", "present", "nowadays"}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class Role(StrEnum):
    AS_OF = "as_of"
    SINCE = "since"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    iso: str
    role: Role
    marked: bool  # an explicit "as of" / "by" / "up to"


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def find_dates(text: str, published: str | None = None) -> list[DateMention]:
    """Dates stated in `text` (one sentence), with their role."""
    out: list[DateMention] = []
    for m in _DATE.finditer(text):
        out.extend(_mentions(text, m, published))
    return out


def _mentions(text: str, m: re.Match[str], published: str | None) -> list[DateMention]:
    before = text[max(0, m.start() - 80) : m.start()]
    role = Role.SINCE if _since(before) else Role.AS_OF
    marked = bool(_AS_OF.search(before))
    g = m.group
    if g("dmy"):
        iso = f"{g('y1')}-{_month(g('m1')):02d}-{int(g('d1')):02d}"
    elif g("mdy"):
        iso = f"{g('y2')}-{_month(g('m2')):02d}-{int(g('d2')):02d}"
    elif g("my"):
        iso = f"{g('y3')}-{_month(g('m3')):02d}"
    elif g("yy"):
        end = g("y5") if not g("m5") else f"{g('y5')}-{_month(g('m5')):02d}"
        return [
            DateMention(m.start(), m.start() + 4, g("y4"), g("y4"), Role.SINCE, False),
            DateMention(m.start(), m.end(), m.group(), end, role, marked),
        ]
    elif g("y"):
        iso = g("y6")
    elif g("m9"):
        found = _named_month(g("which"), _month(g("m9")), published)
        if found is None:
            return []
        iso = found
    elif g("md"):
        month, day = (g("m7"), g("d7")) if g("m7") else (g("m8"), g("d8"))
        found = _this_year(_month(month), int(day), published)
        if found is None:
            return []
        iso = found
    else:
        if g("rel")[0].isupper() and _NAME_BEFORE.search(text, max(0, m.start() - 2), m.start()):
            return []  # "USA Today"
        rel = _relative(g("rel"), published)
        if rel is None:
            return []
        iso = rel
    return [DateMention(m.start(), m.end(), m.group(), iso, role, marked)]


# "figures from last year", "data from 2016": the date of the figures, not a start
_FIGURES_FROM = re.compile(
    r"\b(?:figures?|data|statistics|numbers?|estimates?|reports?|counts?|survey|study|"
    r"tally)\s+from\s+$",
    re.IGNORECASE,
)


def _since(before: str) -> bool:
    if _FIGURES_FROM.search(before):
        return False
    found = _SINCE.search(before)
    if not found:
        return False
    # "between 2012 and 2016": only the first date starts the count.
    return (
        not re.search(r"\band\b", found.group(), re.IGNORECASE)
        or "between" not in found.group().lower()
    )


@cache
def _parse(published: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _relative(phrase: str, published: str | None) -> str | None:
    day = _parse(published) if published else None
    if day is None:
        return None
    words = phrase.lower().split()
    if words[-1] in _NOW:
        return day.isoformat()
    if words[-1] == "yesterday":
        return (day - dt.timedelta(days=1)).isoformat()
    if words[-1] == "month":
        if words[0] == "this":
            return f"{day.year}-{day.month:02d}"
        prev = day.replace(day=1) - dt.timedelta(days=1)
        return f"{prev.year}-{prev.month:02d}"
    if words[-1] == "year":
        return str(day.year if words[0] == "this" else day.year - 1)
    if words[-1] == "week":
        return (day - dt.timedelta(days=7)).isoformat()
    # "on Tuesday" in a story published on a Tuesday is that day
    back = (day.weekday() - _WEEKDAYS.index(words[-1])) % 7
    return (day - dt.timedelta(days=back)).isoformat()


def _named_month(which: str, month: int, published: str | None) -> str | None:
    today = _parse(published) if published else None
    if today is None:
        return None
    last = which.lower() in ("last", "past")
    year = today.year - 1 if last and month >= today.month else today.year
    return f"{year}-{month:02d}"


def _this_year(month: int, day: int, published: str | None) -> str | None:
    """The date of "on July 5" in a story published on `published`: that day of the same
    year, or of the year before when it would fall after the story."""
    today = _parse(published) if published else None
    if today is None:
        return None
    for year in (today.year, today.year - 1):
        try:
            found = dt.date(year, month, day)
        except ValueError:
            return None
        if found <= today:
            return found.isoformat()
    return None


def as_of_for(dates: list[DateMention], start: int, end: int) -> str | None:
    """The date a figure at text[start:end] holds for: marked first, else the nearest."""
    found = governing_date(dates, start, end)
    return found.iso if found is not None else None


def governing_date(dates: Sequence[DateMention], start: int, end: int) -> DateMention | None:
    """The stated date a figure at text[start:end] holds for (see `as_of_for`)."""
    candidates = [d for d in dates if d.role is Role.AS_OF]
    if not candidates:
        return None
    # "into 2016 (13,297 ...)": the date that introduces the figure's parenthesis
    leading = [d for d in candidates if d.end <= start and start - d.end <= 3]
    if leading:
        return leading[-1]
    # "around 10,000 or less in 2013": a date right after the figure
    # ("now" after a figure opens the next clause: "6,000 left; today the ministry says …")
    after = [
        d for d in candidates
        if d.start >= end and d.start - end <= 40 and d.text.lower() not in _NOW
    ]
    if after:
        return min(after, key=lambda d: d.start)
    marked = [d for d in candidates if d.marked]
    pool = marked or candidates
    before = [d for d in pool if d.end <= start]
    if before:
        return max(before, key=lambda d: d.end)
    return min(pool, key=lambda d: abs(d.start - end))


def since_for(dates: list[DateMention]) -> str | None:
    since = [d for d in dates if d.role is Role.SINCE]
    return since[0].iso if since else None

"""Dates in a sentence, and which one a figure is "as of" or counted "since".

Stated dates are normalised to ISO: "2014", "2017-02", "2016-09-28". Relative phrases ("last
month", "on Saturday") and a month without its year ("in April") resolve against the
document's published date. A date after "since" (or the first half of "between 2012 and
2016", "from 2013 to 2015") starts the count; the others say when the figure held, except the
dates of another event ("the unit, set up in 2015, says …", "the 2015 law"), which are left
out (`data/dates.yaml`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache, lru_cache

from fighterflows.extract.mentions.lexicon import alternation, load
from fighterflows.extract.numbers import lexicon as lex
from fighterflows.initials import compile_guarded, guarded_branches, with_dead_branches

# The month names and their abbreviations are the number grammar's (numbers.yaml, `months`):
# the twelve names in order, then abbreviations, each the start of its month's name.
_NAMES: list[str] = lex.data()["months"]
MONTH_NAMES = tuple(_NAMES[:12])
_MONTHS = {
    m: next(i + 1 for i, full in enumerate(_NAMES[:12]) if full.startswith(m)) for m in _NAMES
}
_MONTH = "(?:" + "|".join(sorted((m.capitalize() for m in _NAMES), key=len, reverse=True))
_MONTH += r")\.?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
# Monday first, as `date.weekday()` counts them
_DAY_NAMES: list[str] = load("dates")["weekdays"]
_WEEKDAYS = "|".join(day.capitalize() for day in _DAY_NAMES)
# the words a month without its year stands after ("in April", "since January", "mid-May")
_MONTH_AFTER = (
    r"\b(?i:in|during|by|since|until|of|early|late|mid|from|between|and|to|till|through|before"
    r"|after)[\s-]+"
)
_DATE = re.compile(
    rf"(?P<dmy>(?P<d1>[0-3]?\d)\s+(?P<m1>{_MONTH})\s+(?P<y1>{_YEAR}))"
    rf"|(?P<mdy>(?P<m2>{_MONTH})\s+(?P<d2>[0-3]?\d),?\s+(?P<y2>{_YEAR}))"
    # "March 2019", "March, 2019", "March of 2019"
    rf"|(?P<my>(?P<m3>{_MONTH}),?(?:\s+of)?\s+(?P<y3>{_YEAR}))"
    rf"|(?P<yy>(?P<y4>{_YEAR})\s*(?:[-–/]|\bto\b)\s*(?:(?P<m5>{_MONTH})\s+)?(?P<y5>{_YEAR}))"
    # "2014-16", "2015–17": the end's century is the start's
    rf"|(?P<ys>(?P<y7>{_YEAR})[-–/](?P<y8>\d\d)(?![\d%]|,\d|\.\d))"
    # "the 2010s" is a decade, no date
    rf"|(?P<y>(?<![\d,.])(?P<y6>{_YEAR})(?![\d%]|,\d|\.\d|'?s\b))"
    # a day without its year ("on July 5", "on 30 May"): the year of the document's date
    rf"|(?P<md>(?<=\b[Oo]n\s)(?:(?P<m7>{_MONTH})\s+(?P<d7>[0-3]?\d)(?:st|nd|rd|th)?|(?P<d8>[0-3]?\d)"
    rf"(?:st|nd|rd|th)?\s+(?P<m8>{_MONTH}))(?!\w|\.\d|,?\s*\d))"
    # a month without its year after a preposition ("in April", "since January", "by late
    # May"): the latest such month up to the story; "in May this year", "in April of last
    # year": that month of the story's year or the one before
    rf"|(?P<mo>{_MONTH_AFTER}(?P<m11>{_MONTH})"
    r"(?:\s+(?:of\s+)?(?P<which10>(?i:this|last))\s+(?i:year)\b)?(?!\s+\d|\w|,?\s+of\s+\d))"
    # "last month", "last April" (the latest April before the story; "this April": the story's
    # year), "yesterday", "on Monday"; "now says fewer than 3,000" after "6,000 in 2015": the
    # day of the report; "the past year", "over the last month": the period that ends with the
    # story, dated by it
    rf"|(?P<rel>\b(?P<the>(?i:the)\s+)?(?P<which>(?i:last|this|past))\s+(?:(?i:month|year|week)\b"
    rf"|(?P<m9>{_MONTH})(?!\s*,?\s*\d))"
    rf"|\b(?i:on|last|this)\s+(?:{_WEEKDAYS})\b"
    # "two years ago", "a month ago", "six weeks ago"
    r"|\b(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?i:years?|months?|weeks?|days?)\s+(?i:ago)\b"
    r"|\b(?i:yesterday|now|today|currently|at present|nowadays)\b)",
)
# every sentence with a figure is scanned for dates: behind a lookahead for the characters a
# date starts with, and each way of saying one behind its own (initials.py): the same matches,
# ~2x faster
_DATE_WHOLE = _DATE
_DATE = guarded_branches(_DATE)
# The ways of saying a date that need a year (a "19" or "20" in the text) or a month's name (its
# first three letters, capitalised as `_MONTH` has them): a sentence without them is scanned
# without those ways (`_date_scan`), the same matches ~1.8x faster (most sentences with a figure
# name no month)
_WITH_YEAR = frozenset({"dmy", "mdy", "my", "yy", "ys", "y"})
_WITH_MONTH = frozenset({"dmy", "mdy", "my", "md", "mo"})
_MONTH_STARTS = tuple(sorted({name[:3].capitalize() for name in _NAMES}))


@cache
def _date_scan(year: bool, month: bool) -> re.Pattern[str]:
    dead = (frozenset() if year else _WITH_YEAR) | (frozenset() if month else _WITH_MONTH)
    return with_dead_branches(_DATE_WHOLE, dead) if dead else _DATE


def _dates_in(text: str) -> Iterator[re.Match[str]]:
    """`_DATE.finditer(text)`."""
    year = "19" in text or "20" in text
    month = any(start in text for start in _MONTH_STARTS)
    return _date_scan(year, month).finditer(text)


# "USA Today" is a newspaper: a capitalised "Today" or "Now" after a word is a name
_NAME_BEFORE = re.compile(r"[\w,;] $")
_SINCE = compile_guarded(
    r"\b(?:since|starting in|beginning in|after)\b[^.;,]{0,60}$"
    r"|\b(?:from|between)\s+(?:the\s+)?(?:(?:start|beginning|end)\s+of\s+|early\s+|mid-?|late\s+)?$",
    re.IGNORECASE,
)
_AS_OF = compile_guarded(
    r"\b(?:(?:as of|by|until|up to|through|as at)(?:\s+the\s+(?:end|close)\s+of)?|at the end of)"
    r"\s*$",
    re.IGNORECASE,
)
_NOW = {"now", "today", "currently", "present", "nowadays"}


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
    # the relative clause the date stands in (", which launched its programme in January
    # 2019,"): it dates only a figure inside it
    aside: tuple[int, int] | None = None
    kind: str = "year"  # how it was said (`_KINDS`), for --explain


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def find_dates(text: str, published: str | None = None) -> list[DateMention]:
    """Dates stated in `text` (one sentence), with their role."""
    return list(_find_dates(text, published))


# A sentence's dates are asked for again by the sentences after it (the date it carries, the day
# it gives an event): the last few sentences' dates are kept (a small cache, not a corpus's).
@lru_cache(maxsize=16)
def _find_dates(text: str, published: str | None) -> tuple[DateMention, ...]:
    out: list[DateMention] = []
    for m in _dates_in(text):
        kind = _KINDS.get(m.lastgroup or "", "year")
        if kind == "relative" and m.group("the"):
            kind = "period-ending-with-the-story"
        elif m.group("which10"):
            kind = "month-of-this-or-last-year"
        out.extend(_with_aside(text, replace(d, kind=kind)) for d in _mentions(text, m, published))
    return tuple(out)


# the names of the ways a date is said, as `--explain` shows them
_KINDS = {
    "dmy": "day",
    "mdy": "day",
    "my": "month",
    "yy": "end-of-range",
    "y": "year",
    "md": "day-without-year",
    "mo": "month-without-year",
    "rel": "relative",
}


# ", which …", ", who …" up to the date, and where that clause ends
_RELATIVE_OPENS = re.compile(r",\s+(?:which|who|whose)\b[^,;:()]*$", re.I)
_CLAUSE_CLOSES = re.compile(r"[,;:()]|\.(?:\s|$)")


# where one clause of a sentence gives way to another that states its own figure: ";", ", but",
# ", while", ", whereas", ", although", ", and" (not "and that": the same report goes on)
_CLAUSE_TURNS = re.compile(
    r";\s+|,\s+(?:but|while|whereas|although|though|yet|and(?!\s+that\b))\s+"
    r"|\s+(?:although|whereas)\s+",
    re.IGNORECASE,
)
# a date that opens the sentence frames all of it ("In April 2019, 110 came home, but …")
_FRAME = re.compile(r"\W*(?:\S+\s+){0,5}")


def _in_clause(text: str, d: DateMention) -> DateMention:
    """A date in one clause of a sentence whose clauses turn (`_CLAUSE_TURNS`) dates only the
    figures of its clause: "Kosovo brought back 110 in April 2019, while some 400 have gone
    since 2012" (the 400 are no April 2019 figure, the 110 no count since 2012); not a date
    that opens the sentence."""
    turns = [m for m in _CLAUSE_TURNS.finditer(text) if m.end() <= d.start or m.start() >= d.end]
    if not turns:
        return d
    before = [m for m in turns if m.end() <= d.start]
    if not before and _FRAME.fullmatch(text[: d.start]) and text[d.end : d.end + 1] == ",":
        return d
    after = [m for m in turns if m.start() >= d.end]
    start = before[-1].end() if before else 0
    end = after[0].start() if after else len(text)
    return replace(d, aside=(start, end))


def _with_aside(text: str, d: DateMention) -> DateMention:
    opened = _RELATIVE_OPENS.search(text, max(0, d.start - 120), d.start)
    if opened is None:
        return _in_clause(text, d)
    closed = _CLAUSE_CLOSES.search(text, d.end)
    if closed is None:
        return d  # the clause runs to the end: it holds the rest of the sentence
    return replace(d, aside=(opened.start(), closed.start()))


def _mentions(text: str, m: re.Match[str], published: str | None) -> list[DateMention]:
    # a month without its year is matched with the word before it, which is no part of it
    start = m.start("m11") if m.group("mo") else m.start()
    before = text[max(0, start - 80) : start]
    role = Role.SINCE if _since(before, text, m.end()) else Role.AS_OF
    if role is Role.AS_OF and _other_event(text, m, before):
        return []
    if m.group("y") and _cited(text, m):
        return []
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
        # "from 2013 to 2015", "the 2012 – November 2018 period": the end is when it stood
        return [
            DateMention(m.start(), m.start() + 4, g("y4"), g("y4"), Role.SINCE, False),
            DateMention(m.start(), m.end(), m.group(), end, Role.AS_OF, marked),
        ]
    elif g("ys") and g("y7")[:2] + g("y8") > g("y7"):
        return [
            DateMention(m.start(), m.start() + 4, g("y7"), g("y7"), Role.SINCE, False),
            DateMention(m.start(), m.end(), m.group(), g("y7")[:2] + g("y8"), Role.AS_OF, marked),
        ]
    elif g("ys"):
        iso = g("y7")  # "2016-12": a year and its month's number, no span
    elif g("y"):
        iso = g("y6")
    elif g("which10"):
        year = _story_year(published, last=g("which10").lower() == "last")
        if year is None:
            return []
        iso = f"{year}-{_month(g('m11')):02d}"
    elif g("mo"):
        # "from January to June 2019": the year the period's end states
        ends = _RANGE_YEAR.match(text, m.end())
        found = (
            f"{ends.group(1)}-{_month(g('m11')):02d}"
            if ends
            else _named_month("latest", _month(g("m11")), published)
        )
        if found is None:
            return []
        iso = found
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
        iso = _so_far(text, m.start(), g("rel"), published) or rel
    return [DateMention(start, m.end(), text[start : m.end()], iso, role, marked)]


_RANGE_YEAR = re.compile(
    rf"\s*(?:to|and|until|till|through|[-–])\s+(?:{_MONTH}),?\s+({_YEAR})\b", re.I
)
_AGO_UNITS = {"year": 365, "month": 30, "week": 7, "day": 1}
_SMALL = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    )
} | {"a": 1, "an": 1}


# "figures from last year", "data from 2016": the date of the figures, not a start
_FIGURES_FROM = compile_guarded(
    r"\b(?:figures?|data|statistics|numbers?|estimates?|reports?|counts?|survey|study|"
    r"tally)\s+from\s+$",
    re.IGNORECASE,
)


# "from 2014 onwards", "from January to June": a "from" that opens a period (else "a report
# from April 2016" dates the report)
_PERIOD_GOES_ON = re.compile(r"\s*(?:to|until|till|through|onwards?|on|and)\b|\s*[-–]", re.I)

# "<a body> from April 2016 shows", "…from 2016, which found": a report's date, not the count's
_REPORT_FOLLOWS = re.compile(
    r"\s*,?\s*(?:which\s+|that\s+)?(?:has\s+|have\s+)?(?:"
    + "|".join(load("dates")["reporting"])
    + r"|shows?|showed|found|finds)\b",
    re.I,
)

_BEFORE_AND_AFTER = re.compile(r"\bbefore\s+and\s+after\b", re.I)


def _since(before: str, text: str, end: int) -> bool:
    if _FIGURES_FROM.search(before):
        return False
    found = _SINCE.search(before)
    if not found:
        return False
    words = found.group().lower()
    if words.startswith("from") and not _PERIOD_GOES_ON.match(text, end):
        # "left for Syria from 2012": the count opens; "the ICCT's study from April 2016
        # shows": the date of what reports (a reporting word follows it)
        return not _REPORT_FOLLOWS.match(text, end)
    if _BEFORE_AND_AFTER.search(before):
        return False  # "joined before and after the caliphate was declared in 2014"
    # "between 2012 and 2016": only the first date starts the count.
    return not re.search(r"\band\b", words) or "between" not in words


@cache
def _other_event_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load("dates")
    verb = re.compile(
        r"\b(?:" + alternation(data["other_event"]) + r")\b(?:\s+[^\s\d,;:()]+){0,4}?"
        r"\s+(?:in|on|during)\s+(?:(?:early|late|mid-?)\s*)?$",
        re.IGNORECASE,
    )
    thing = re.compile(
        r"(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:" + alternation(data["other_thing"]) + r")\b",
        re.IGNORECASE,
    )
    return verb, thing


# the words a year stands after as the adjective of a noun ("the 2015 law")
# "(Ministry of Security, 2019)", "(Europol 2018)" closing a sentence: a citation's year dates the
# work cited, not the figure (extract/mentions/sources.py reads the body cited as the source)
_CITATION_BEFORE = re.compile(r"[(\[][A-Z][^()\[\]\d;:]{1,60}?,?\s+$")
_CITATION_AFTER = re.compile(r"[a-z]?[)\]]\W*$")


def _cited(text: str, m: re.Match[str]) -> bool:
    return bool(
        _CITATION_AFTER.match(text, m.end())
        and _CITATION_BEFORE.search(text, max(0, m.start() - 64), m.start())
    )


_DETERMINER = re.compile(r"\b(?:the|its|their|his|her|a|an|this|that|whose)\s+$|['’]s\s+$", re.I)


def _other_event(text: str, m: re.Match[str], before: str) -> bool:
    """The date of another event: after one of its verbs ("set up in 2015"), or a year as its
    noun's adjective ("the 2015 law"), `data/dates.yaml`."""
    verb, thing = _other_event_patterns()
    if verb.search(before):
        return True
    return (
        bool(m.group("y")) and bool(_DETERMINER.search(before)) and bool(thing.match(text, m.end()))
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
    if words[-1] == "ago":
        return _ago(day, words)
    if words[-1] in _NOW or (words[0] == "the" and words[-1] in ("month", "year", "week")):
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
    back = (day.weekday() - _DAY_NAMES.index(words[-1])) % 7
    return (day - dt.timedelta(days=back)).isoformat()


# "earlier this year", "late this month": a point before the story inside the period
_EARLIER = re.compile(r"\b(?:earlier|early|late|later)\s+(?:in\s+)?$", re.I)


def _so_far(text: str, start: int, phrase: str, published: str | None) -> str | None:
    """ "So far this year", "this year alone", "returned this month": a period the story's day
    is still in counts up to that day, so it is dated by it (a period's end, the contract's
    as_of); "earlier this month" is one day before the story inside the month, kept as the
    month."""
    words = phrase.lower().split()
    if words[0] != "this" or words[-1] not in ("month", "year") or published is None:
        return None
    if _EARLIER.search(text, max(0, start - 20), start):
        return None
    day = _parse(published)
    return day.isoformat() if day is not None else None


def _ago(day: dt.date, words: list[str]) -> str:
    """ "two years ago": the year two before the story's; "a month ago": the month before;
    "six weeks ago", "three days ago": that day."""
    n = int(words[0]) if words[0].isdigit() else _SMALL[words[0]]
    unit = words[1].rstrip("s")
    if unit == "year":
        return str(day.year - n)
    if unit == "month":
        months = day.year * 12 + day.month - 1 - n
        return f"{months // 12}-{months % 12 + 1:02d}"
    return (day - dt.timedelta(days=n * _AGO_UNITS[unit])).isoformat()


def _named_month(which: str, month: int, published: str | None) -> str | None:
    """ "last April": the latest April before the story's month; "this April": the story's
    year; the "latest" April (a month said without its year) may be the story's own month."""
    today = _parse(published) if published else None
    if today is None:
        return None
    last = which.lower() in ("last", "past")
    latest = which == "latest"
    before = month > today.month if latest else last and month >= today.month
    return f"{today.year - 1 if before else today.year}-{month:02d}"


def _story_year(published: str | None, last: bool) -> int | None:
    today = _parse(published) if published else None
    if today is None:
        return None
    return today.year - 1 if last else today.year


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


def dated(
    dates: Sequence[DateMention], start: int, end: int, narrative: str | None = None
) -> tuple[str, str] | None:
    """The figure's stated date and the rule that chose it, as `--explain` shows it
    ("date-after-figure: 'April' (month-without-year)"). A month without its year takes the
    year of `narrative`, the month the sentence before gave, when it comes after it ("In
    March 2013, an inquiry began. In May, the minister said 800 …": May 2013)."""
    found = _governing(dates, start, end)
    if found is None:
        return None
    d, rule = found
    if d.kind == "month-without-year" and narrative is not None and narrative[5:7] <= d.iso[5:]:
        return f"{narrative[:4]}-{d.iso[5:]}", f"{rule}: '{d.text}' (month-of-the-narrative)"
    return d.iso, f"{rule}: '{d.text}' ({d.kind})"


_A_YEAR = compile_guarded(r"\b(?:19[5-9]\d|20[0-4]\d)\b")


def stated_before(text: str, published: str | None) -> list[DateMention]:
    """The dates a sentence before the figure's states (only when it names a year)."""
    return find_dates(text, published) if _A_YEAR.search(text) else []


def narrative_month(dates: Sequence[DateMention]) -> str | None:
    """The last month or day (with its year) a sentence states for what happened in it."""
    told = [d.iso for d in dates if d.role is Role.AS_OF and len(d.iso) >= 7 and d.aside is None]
    return told[-1][:7] if told else None


def report_date(text: str, dates: Sequence[DateMention]) -> str | None:
    """The date a sentence without figures gives a report ("In 2013, it was reported that …",
    "As an ICCT report from April 2016 shows, …"): the figures after it are that report's."""
    for d in dates:
        if d.role is Role.AS_OF and REPORTED.search(
            text, max(0, d.start - 40), min(len(text), d.end + 40)
        ):
            return d.iso
    return None


def governing_date(dates: Sequence[DateMention], start: int, end: int) -> DateMention | None:
    """The stated date a figure at text[start:end] holds for (see `as_of_for`)."""
    found = _governing(dates, start, end)
    return found[0] if found is not None else None


def _governing(
    dates: Sequence[DateMention], start: int, end: int
) -> tuple[DateMention, str] | None:
    candidates = [
        d
        for d in dates
        if d.role is Role.AS_OF and (d.aside is None or d.aside[0] <= start < d.aside[1])
    ]
    if not candidates:
        return None
    # "into 2016 (13,297 ...)": the date that introduces the figure's parenthesis
    leading = [d for d in candidates if d.end <= start and start - d.end <= 3]
    # (not an item of a list that dates each: "310 in 2021, 270 in 2020": the 270's is after it)
    if leading and not any(0 <= d.start - end <= 4 for d in candidates):
        return leading[-1], "date-opens-figure"
    # "around 10,000 or less in 2013": a date right after the figure
    # ("now" after a figure opens the next clause: "6,000 left; today the ministry says …")
    after = [
        d
        for d in candidates
        if d.start >= end and d.start - end <= 40 and d.text.lower() not in _NOW
    ]
    if after:
        return min(after, key=lambda d: d.start), "date-after-figure"
    marked = [d for d in candidates if d.marked]
    pool = marked or candidates
    rule = "marked-date" if marked else "nearest-date"
    before = [d for d in pool if d.end <= start]
    if before:
        return max(before, key=lambda d: d.end), rule
    return min(pool, key=lambda d: abs(d.start - end)), rule


# A date before a reporting verb dates the report, not the figure ("In 2014, X said 500 ..."),
# and the words after one are the source's ("…, said an agency that has counted since 2014").
REPORTED = re.compile(r"\b(?:" + "|".join(load("dates")["reporting"]) + r")\b", re.I)


def since_for(
    dates: Sequence[DateMention], text: str = "", figure: tuple[int, int] | None = None
) -> str | None:
    """Where the count of the figure at text[figure[0]:figure[1]] starts: the first "since"
    date of the sentence, but not one in a relative clause without the figure, nor one after
    a reporting verb that follows the figure ("12 returned, according to a ministry that has
    tracked departures since 2013": the source's count)."""
    for d in dates:
        if d.role is not Role.SINCE:
            continue
        if figure is not None:
            if d.aside is not None and not d.aside[0] <= figure[0] < d.aside[1]:
                continue
            if d.start >= figure[1] and REPORTED.search(text, figure[1], d.start):
                continue
        return d.iso
    return None

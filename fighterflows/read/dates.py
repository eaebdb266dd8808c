"""Publication dates from front matter, meta tags and corpus fields, normalised to YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])")
# A date known only to the month or the year ("2015-04", "2021", "April 2015") stays as
# precise as it was given: the figure's as_of is then that month or year, never nothing.
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_MONTH_FORMATS = ("%B %Y", "%b %Y")
_FORMATS = (
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%Y%m%d",
)
_EARLIEST, _LATEST = 1800, 2200


def normalise_date(value: object) -> str | None:
    """An ISO date for a date, datetime, timestamp string or common written date; else None."""
    if isinstance(value, dt.datetime):
        return _checked(value.date())
    if isinstance(value, dt.date):
        return _checked(value)
    if isinstance(value, str):
        return _from_string(value.strip())
    return None


def _from_string(text: str) -> str | None:
    if not text:
        return None
    match = _ISO_PREFIX.match(text)
    if match:
        try:
            return _checked(dt.date(*(int(g) for g in match.groups())))
        except ValueError:
            return None
    for fmt in _FORMATS:
        try:
            return _checked(dt.datetime.strptime(text, fmt).date())
        except ValueError:
            continue
    partial = _partial(text)
    if partial is not None:
        return partial
    try:
        return _checked(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        return None


def _partial(text: str) -> str | None:
    """ "2015-04", "2021", "April 2015": a month or a year, as precise as given."""
    match = _ISO_PARTIAL.match(text)
    if match:
        year, month = int(match.group(1)), match.group(2)
        if not _EARLIEST <= year <= _LATEST or (month is not None and not 1 <= int(month) <= 12):
            return None
        return match.group(0)
    for fmt in _MONTH_FORMATS:
        try:
            day = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return day.isoformat()[:7] if _EARLIEST <= day.year <= _LATEST else None
    return None


def _checked(day: dt.date) -> str | None:
    if _EARLIEST <= day.year <= _LATEST:
        return day.isoformat()
    return None

"""Publication dates from front matter, meta tags and corpus fields, normalised to YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])")
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
    try:
        return _checked(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        return None


def _checked(day: dt.date) -> str | None:
    if _EARLIEST <= day.year <= _LATEST:
        return day.isoformat()
    return None

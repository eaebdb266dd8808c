"""An "as of" date as users type it: YYYY, YYYY-MM or YYYY-MM-DD, and a real one."""

from __future__ import annotations

import datetime as dt
import re

AS_OF = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def as_date(value: str) -> dt.date | None:
    """The first day that YYYY, YYYY-MM or YYYY-MM-DD names; None when it names no real one."""
    found = AS_OF.match(value.strip())
    if found is None:
        return None
    year, month, day = (int(g) if g else 1 for g in found.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def checked_as_of(value: str) -> str:
    """`value` if it names a real year, month or day; a ValueError saying why otherwise."""
    if AS_OF.match(value.strip()) is None:
        raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if as_date(value) is None:
        raise ValueError(f"{value!r} is not a date that exists")
    return value.strip()

"""An "as of" date as users type it: YYYY, YYYY-MM or YYYY-MM-DD, and a real one."""

from __future__ import annotations

import datetime as dt
import re

AS_OF = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def checked_as_of(value: str) -> str:
    """`value` if it names a real year, month or day; a ValueError saying why otherwise."""
    found = AS_OF.match(value.strip())
    if found is None:
        raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else 1 for g in found.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{value!r} is not a date that exists") from None
    return value.strip()

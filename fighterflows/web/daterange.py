"""A date-range filter on what a page shows: rows and claims whose date falls in the range.

Not the `as_of` filter, which rebuilds the table as it stood on a day from the figures known
then: this one only picks, among the rows (or claims) shown, those dated in the range. Dates
are a year, a month or a day; each stands for its whole span, so "2017" holds "2017-10-24",
and `to=2017` reaches the end of that year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from fighterflows.asof import AS_OF, as_date


def span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day that YYYY, YYYY-MM or YYYY-MM-DD stands for; None if no date."""
    first = as_date(value or "")
    found = AS_OF.match((value or "").strip())
    if first is None or found is None:
        return None
    _, month, day = found.groups()
    if day:
        return first, first
    if month:
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first, first.replace(month=12, day=31)


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str | None = None  # the first date shown (a year, month or day), None: no bound
    end: str | None = None

    def __bool__(self) -> bool:
        return bool(self.start or self.end)

    def holds(self, as_of: str | None) -> bool:
        """Whether a figure dated `as_of` falls in the range (an undated one never does, once a
        bound is set)."""
        if not self:
            return True
        dated = span(as_of)
        if dated is None:
            return False
        low, high = span(self.start), span(self.end)
        return (low is None or dated[1] >= low[0]) and (high is None or dated[0] <= high[1])

    def checked(self) -> DateRange:
        """This range, or a ValueError when it ends before it starts."""
        low, high = span(self.start), span(self.end)
        if low and high and high[1] < low[0]:
            raise ValueError(f"the range ends ({self.end}) before it starts ({self.start})")
        return self


EVER = DateRange()

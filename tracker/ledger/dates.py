"""Dates as the ledger writes them: YYYY, YYYY-MM, YYYY-MM-DD, or an interval START/END."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PRECISIONS = ("year", "month", "day")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of time: one year, month or day, or an interval between two of them.

    `first` and `last` are the first and last calendar days covered (inclusive);
    `precision` is the coarsest precision of the ends; `text` is how it was written.
    """

    first: date
    last: date
    precision: str
    text: str

    @property
    def is_point(self) -> bool:
        """True for a single day."""
        return self.first == self.last

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def mid(self) -> date:
        return self.first + timedelta(days=(self.last - self.first).days // 2)

    def __str__(self) -> str:
        return self.text


class DateError(ValueError):
    pass


# the years a date may have: wide enough for any count a news report gives, narrow enough that a typo
# ('0024', '20244' cannot parse) is caught and charts never meet year 1
FIRST_YEAR, LAST_YEAR = 1800, 2200


def _part(text: str) -> tuple[date, date, str]:
    m = _PART.fullmatch(text)
    if not m:
        raise DateError(f"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if not FIRST_YEAR <= y <= LAST_YEAR:
        raise DateError(f"'{text}' has year {y}; a date here runs from {FIRST_YEAR} to {LAST_YEAR} (a typo?)")
    if mo is None:
        return date(y, 1, 1), date(y, 12, 31), "year"
    mo = int(mo)
    if not 1 <= mo <= 12:
        raise DateError(f"'{text}' has month {mo:02d}; months run 01 to 12")
    last_day = calendar.monthrange(y, mo)[1]
    if d is None:
        return date(y, mo, 1), date(y, mo, last_day), "month"
    d = int(d)
    if not 1 <= d <= last_day:
        raise DateError(f"'{text}' is not a calendar date: {calendar.month_name[mo]} {y} has {last_day} days")
    day = date(y, mo, d)
    return day, day, "day"


def parse_span(text: str) -> Span:
    """Parse '2024', '2024-06', '2024-06-18' or 'START/END'; raise DateError with the fix."""
    text = text.strip()
    if "/" in text:
        a, _, b = text.partition("/")
        f1, _, p1 = _part(a.strip())
        _, l2, p2 = _part(b.strip())
        if l2 < f1:
            raise DateError(f"interval '{text}' ends before it starts; write START/END")
        precision = PRECISIONS[min(PRECISIONS.index(p1), PRECISIONS.index(p2))]
        return Span(f1, l2, precision, text)
    first, last, precision = _part(text)
    return Span(first, last, precision, text)

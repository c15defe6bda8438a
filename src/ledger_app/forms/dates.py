"""Dates as the ledger holds them: a day ("2025-03-15"), a month ("2003-07") or a year.

A member's 入党日期 or 出生日期 is often known to the month only. Such a value is a span of
days, not its first day: "2003-07" compared with "2003-07-01" as text says "before",
which is a guess. Every rule compares dates through this module, which answers
``True``, ``False`` or ``None`` (cannot tell without the day), so a rule can keep what
is certain and say what is not.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, order=True)
class Span:
    """The days a stored date may stand for: one day, a whole month or a whole year."""
    first: dt.date
    last: dt.date

    @property
    def exact(self) -> bool:
        return self.first == self.last

    @property
    def precision(self) -> str:
        if self.exact:
            return "day"
        return "month" if self.first.month == self.last.month else "year"


def span(value: object) -> Span | None:
    """The span of a stored date ("2025-03-15", "2025-03", "2025", a date); None if empty
    or not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Span(value, value)
    return _span_of_text(str(value).strip())


@lru_cache(maxsize=8192)   # rules ask for the same members' dates once per period
def _span_of_text(text: str) -> Span | None:
    match = _PATTERN.match(text)
    if not match:
        return None
    year = int(match.group(1))
    try:
        if match.group(3):
            day = dt.date(year, int(match.group(2)), int(match.group(3)))
            return Span(day, day)
        if match.group(2):
            month = int(match.group(2))
            return Span(dt.date(year, month, 1),
                        dt.date(year, month, days_in_month(year, month)))
        return Span(dt.date(year, 1, 1), dt.date(year, 12, 31))
    except ValueError:
        return None


def on_or_before(value: object, day: object) -> bool | None:
    """Is the date ``value`` on or before ``day``? None when the answer needs a day the
    value does not hold (a month-only 入党日期 in the meeting's own month)."""
    a, b = span(value), span(day)
    if a is None or b is None:
        return None
    if a.last <= b.first:
        return True
    if a.first > b.last:
        return False
    return None


def before(value: object, day: object) -> bool | None:
    """Is ``value`` strictly before ``day``? None when it cannot be told."""
    a, b = span(value), span(day)
    if a is None or b is None:
        return None
    if a.last < b.first:
        return True
    if a.first >= b.last:
        return False
    return None


def as_date(value: object) -> dt.date | None:
    """The day a stored value names, only when it names one exactly."""
    if isinstance(value, str):
        return _day_of_text(value)
    s = span(value)
    return s.first if s is not None and s.exact else None


@lru_cache(maxsize=8192)   # the rules read every meeting's and talk's date: one lookup each
def _day_of_text(text: str) -> dt.date | None:
    s = _span_of_text(text.strip()) if text else None
    return s.first if s is not None and s.exact else None


def chinese(value: object) -> str:
    """"2025年3月15日", "2003年7月" or "2003年", as people read dates."""
    s = span(value)
    if s is None:
        return "" if value is None else str(value)
    if s.precision == "day":
        return f"{s.first.year}年{s.first.month}月{s.first.day}日"
    if s.precision == "month":
        return f"{s.first.year}年{s.first.month}月"
    return f"{s.first.year}年"


def days_in_month(year: int, month: int) -> int:
    """28–31 (``calendar.monthrange``'s count, without importing calendar and locale)."""
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day


@lru_cache(maxsize=16384)   # the development rules ask it for the same dates each check
def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day where it has fewer days)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, days_in_month(year, month)))

"""The periods a cadence counts in: months, quarters, half-years and the year."""

from __future__ import annotations

import calendar
import datetime as dt

from ledger_app.rules.findings import Period

QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")


def months(year: int) -> list[Period]:
    return [Period(dt.date(year, m, 1), dt.date(year, m, calendar.monthrange(year, m)[1]),
                   f"{year}年{m}月") for m in range(1, 13)]


def quarters(year: int) -> list[Period]:
    return [Period(dt.date(year, 3 * q + 1, 1),
                   dt.date(year, 3 * q + 3, calendar.monthrange(year, 3 * q + 3)[1]),
                   f"{year}年{QUARTER_NAMES[q]}") for q in range(4)]


def half_years(year: int) -> list[Period]:
    return [Period(dt.date(year, 1, 1), dt.date(year, 6, 30), f"{year}年上半年"),
            Period(dt.date(year, 7, 1), dt.date(year, 12, 31), f"{year}年下半年")]


def whole_year(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年")


def of_kind(every: str, year: int) -> list[Period]:
    if every == "month":
        return months(year)
    if every == "quarter":
        return quarters(year)
    if every == "half_year":
        return half_years(year)
    return [whole_year(year)]


def state(period: Period, as_of: dt.date) -> str:
    """over (ended before as_of), running (as_of inside it: a meeting may still be held
    that day) or future."""
    if period.end < as_of:
        return "over"
    if period.start <= as_of:
        return "running"
    return "future"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3

"""Months, days and the cadence's periods in the window's language.

The rules name a period in Chinese for the documents they end up in ("2026年第三季度");
the window says it from the period's dates instead, so an English window reads
"Q3 2026". One place for these words, so every pane says a date the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ledger_app.ui.i18n import tr, tr_noop

if TYPE_CHECKING:
    from ledger_app.rules.findings import Period

MONTHS = (tr_noop("1月"), tr_noop("2月"), tr_noop("3月"), tr_noop("4月"), tr_noop("5月"),
          tr_noop("6月"), tr_noop("7月"), tr_noop("8月"), tr_noop("9月"), tr_noop("10月"),
          tr_noop("11月"), tr_noop("12月"))
QUARTERS = (tr_noop("第一季度"), tr_noop("第二季度"), tr_noop("第三季度"), tr_noop("第四季度"))
SHORT_QUARTERS = (tr_noop("一季"), tr_noop("二季"), tr_noop("三季"), tr_noop("四季"))


def month_name(month: int) -> str:
    """"3月" / "Mar"."""
    return tr(MONTHS[month - 1])


def day_text(day: dt.date) -> str:
    """"3月5日" / "5 Mar": a day within the year shown."""
    return tr("{month}{day}日").format(month=month_name(day.month), day=day.day)


def date_text(day: dt.date) -> str:
    """"2026年3月5日" / "5 Mar 2026"."""
    return tr("{year}年{month}{day}日").format(year=day.year, month=month_name(day.month),
                                             day=day.day)


def value_date_text(value: object) -> str | None:
    """A stored date of day, month or year precision ("2025-03-15", "2003-07", "2003") as
    ``forms.dates.chinese`` says it, in the window's language; None when not a date."""
    from ledger_app.forms import dates

    found = dates.span(value) if isinstance(value, str) else None
    if found is None:
        return None
    first = found.first
    if found.precision == "day":
        return date_text(first)
    if found.precision == "month":
        return tr("{year}年{month}").format(year=first.year, month=month_name(first.month))
    return tr("{year}年").format(year=first.year)


def period_text(period: Period) -> str:
    """A month, quarter, half-year or year, from its first and last day (any other span
    keeps the rules' own name)."""
    start, end = period.start, period.end
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    whole_months = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    if (not whole_months or start.year != end.year or months not in (1, 3, 6, 12)
            or (start.month - 1) % months):
        return period.label
    if months == 1:
        return tr("{year}年{month}").format(year=start.year, month=month_name(start.month))
    if months == 3:
        return tr("{year}年{quarter}").format(
            year=start.year, quarter=tr(QUARTERS[(start.month - 1) // 3]))
    if months == 6:
        return (tr("{year}年上半年") if start.month == 1 else tr("{year}年下半年")).format(
            year=start.year)
    return tr("{year}年").format(year=start.year)

"""Dates that may hold only a month are compared by what they can mean, never as text."""

from __future__ import annotations

import datetime as dt

import pytest

from ledger_app.forms import dates


@pytest.mark.parametrize("value, day, expected", [
    ("2003-07", "2003-07-01", None),        # as text "2003-07" < "2003-07-01": a guess
    ("2003-07", "2003-07-31", True),
    ("2003-07", "2003-06-30", False),
    ("2003-07", "2003-08-01", True),
    ("2003-07-15", "2003-07-15", True),
    ("2003-07-16", "2003-07-15", False),
    ("2003", "2003-12-31", True),
    ("2003", "2003-06-01", None),
    ("", "2003-06-01", None),
    ("2003-02-30", "2003-06-01", None),     # not a date
])
def test_on_or_before(value, day, expected):
    assert dates.on_or_before(value, day) is expected


def test_before_and_spans():
    assert dates.before("2003-07", "2003-07-31") is None
    assert dates.before("2003-07", "2003-08-01") is True
    assert dates.before("2003-07-31", "2003-07-31") is False
    assert dates.span("2024-02") == dates.Span(dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert dates.as_date("2024-02") is None
    assert dates.as_date("2024-02-03") == dt.date(2024, 2, 3)


def test_chinese_and_month_arithmetic():
    assert dates.chinese("2025-03-01") == "2025年3月1日"
    assert dates.chinese("2003-07") == "2003年7月"
    assert dates.add_months(dt.date(2021, 8, 31), 6) == dt.date(2022, 2, 28)
    assert dates.add_months(dt.date(2026, 6, 1), -6) == dt.date(2025, 12, 1)

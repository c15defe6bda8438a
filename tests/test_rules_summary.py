"""Cells added up per quarter and per year (rules.cadence.summarise / cells_within): what the
home page's grid, its chart and the printed 自查表 all show. Expected figures are written
out by hand from the meetings each case holds."""

from __future__ import annotations

import datetime as dt

from test_rules_cadence import ASSEMBLY, GROUP, THEME, facts, members

from ledger_app.rules import periods
from ledger_app.rules.cadence import cadence_rows, cells_within, quarter_totals, summarise
from ledger_app.rules.facts import Meeting

D = dt.date
Q1, Q2, Q3, Q4 = periods.quarters(2025)
YEAR = periods.whole_year(2025)


def rows_for(meetings, as_of, requirements=(ASSEMBLY, THEME), members_=None, groups=()):
    f = facts(meetings, members_ if members_ is not None else members(3),
              requirements=requirements, groups=groups)
    return {row.label: row for row in cadence_rows(f, as_of)}


def test_a_month_row_inside_a_running_quarter_counts_held_missing_and_due():
    theme = [Meeting(1, D(2025, 4, 30), ("主题党日",)), Meeting(2, D(2025, 4, 2), ("主题党日",))]
    row = rows_for(theme, D(2025, 6, 10))["主题党日"]
    q2 = summarise(cells_within(row, Q2))
    # April held twice (counts once), May over and missed, June still running.
    assert (q2.required, q2.held, q2.missing, q2.due, q2.state) == (3, 1, 1, 1, "missing")
    assert q2.text == "1/3 缺 1"
    q3 = summarise(cells_within(row, Q3))
    assert (q3.required, q3.held, q3.state, q3.text) == (3, 0, "future", "0/3 待")


def test_the_year_of_a_quarterly_row_and_the_last_day_of_a_quarter():
    held = [Meeting(1, D(2025, 3, 31), ("支部党员大会",)),
            Meeting(2, D(2025, 7, 1), ("支部党员大会",))]
    row = rows_for(held, D(2025, 12, 31))["支部党员大会"]
    assert summarise(cells_within(row, Q1)).text == "1/1"
    assert summarise(cells_within(row, Q2)).text == "0/1 缺 1"
    year = summarise(cells_within(row, YEAR))
    # Q1 and Q3 held, Q2 missed, Q4 running on its last day.
    assert (year.required, year.held, year.missing, year.due, year.state) == (4, 2, 1, 1, "missing")
    assert year.text == "2/4 缺 1"


def test_nothing_required_reads_as_a_dash():
    # No member in the branch: nothing applies, every cell is "na" and left out.
    row = rows_for([], D(2025, 12, 31), members_=[])["支部党员大会"]
    assert cells_within(row, YEAR) == []
    total = summarise([])
    assert (total.required, total.state, total.text) == (0, "na", "—")


def test_all_held_is_held():
    held = [Meeting(i, D(2025, 3 * i, 5), ("支部党员大会",)) for i in range(1, 5)]
    row = rows_for(held, D(2026, 1, 1))["支部党员大会"]
    year = summarise(cells_within(row, YEAR))
    assert (year.held, year.required, year.state, year.text) == (4, 4, "held", "4/4")


def test_a_group_created_mid_year_owes_only_the_months_it_had_members():
    group_two = members(2, "第二党小组", start=10, joined="2025-05-20")
    held = [Meeting(1, D(2025, 6, 3), ("党小组会",), group="第二党小组")]
    rows = rows_for(held, D(2025, 7, 1), requirements=(GROUP,),
                    members_=members(3) + group_two, groups=("第一党小组", "第二党小组"))
    second = rows["党小组会（第二党小组）"]
    # Not due Jan–April (no member yet); May missed (members from the 20th), June held,
    # July running.
    assert summarise(cells_within(second, Q1)).state == "na"
    q2 = summarise(cells_within(second, Q2))
    assert (q2.required, q2.held, q2.missing, q2.text) == (2, 1, 1, "1/2 缺 1")
    q3 = summarise(cells_within(second, Q3))
    assert (q3.required, q3.due, q3.state) == (3, 1, "due")


def test_quarter_totals_add_every_row_of_the_quarter_and_leave_yearly_rows_out():
    held = [Meeting(1, D(2025, 1, 10), ("支部党员大会", "主题党日")),
            Meeting(2, D(2025, 2, 10), ("主题党日",))]
    rows = rows_for(held, D(2025, 4, 1))
    totals = quarter_totals(list(rows.values()), 2025)
    # Q1: assembly 1/1, theme days 2/3 → 3 of 4; later quarters 4 required, none held.
    assert totals == [("第一季度", 4, 3), ("第二季度", 4, 0), ("第三季度", 4, 0),
                      ("第四季度", 4, 0)]

"""Every rule at the edges its dates and numbers have: the day before, of and after a
limit, month ends, 29 February, December into January, exactly 3 against 2 months,
exactly one third. Each expected value is worked out by hand and written here (the
comment beside it says how); none is computed with the function under test.

The rules and their sources: RULES.md, and docs/RULES_TESTS.md for which test covers
which edge."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from test_rules_dues_arrears import month_list

from ledger_app.forms.cadence import with_overrides
from ledger_app.forms.loader import builtin_pack
from ledger_app.forms.model import Checklist, ChecklistItem, Requirement
from ledger_app.rules.cadence import cadence_rows, cells_within, summarise
from ledger_app.rules.cash import totals
from ledger_app.rules.check import evaluate
from ledger_app.rules.development import Person, problems_of
from ledger_app.rules.dues import DuesMember, base_for, due_for, monthly_due, rounding_of
from ledger_app.rules.dues_findings import arrears_findings
from ledger_app.rules.facts import (
    ChecklistEntry,
    DuesFacts,
    LedgerFacts,
    Meeting,
    Member,
    OrgFacts,
    Post,
)
from ledger_app.rules.membership import due_members, has_committee
from ledger_app.rules.pending_findings import pending_findings
from ledger_app.rules.periods import half_years, months, quarters, whole_year
from ledger_app.rules.snapshot import as_of as snapshot_day
from ledger_app.rules.snapshot import filled_on, period_end
from ledger_app.rules.transfers_evaluations import (
    Evaluation,
    Transfer,
    evaluation_findings,
    receipt_findings,
)

D = dt.date


# --- 党费: brackets and rounding (RULES.md §3, 中组发〔2008〕3号) -----------------------

@pytest.mark.parametrize("group, base, amount", [
    ("在职", 533_333, 8000),     # 5333.33 × 1.5% = 79.99995 → 80.00 (half up at the 分)
    ("在职", 300_000, 1500),     # 3000.00 is the top of the lowest bracket: 0.5% → 15.00
    ("在职", 1, 0),              # 0.01 × 0.5% = 0.00005 → 0.00
    ("在职", 100, 1),            # 1.00 × 0.5% = 0.005 → 0.01 (half up, not to even)
    ("离退休", 500_000, 2500),   # 5000.00: retired lowest bracket still 0.5%
    ("离退休", 500_001, 5000),   # 5000.01 × 1% = 50.0001 → 50.00
])
def test_dues_amounts_at_the_edges_of_rounding(group, base, amount):
    assert monthly_due(group, base).amount == amount


@pytest.mark.parametrize("unit, base, amount", [
    ("角", 432_500, 4330),       # 4325.00 × 1% = 43.25 元 → 43.3 元 (half up at the 角)
    ("角", 432_499, 4320),       # 4324.99 × 1% = 43.2499 元 → 43.2 元
    ("元", 435_000, 4400),       # 4350.00 × 1% = 43.50 元 → 44 元
    ("元", 434_999, 4300),       # 4349.99 × 1% = 43.4999 元 → 43 元
])
def test_rounding_setting_at_the_half(unit, base, amount):
    assert monthly_due("在职", base, rounding=rounding_of(unit)).amount == amount


def test_a_negative_base_is_refused_with_a_plain_message():
    with pytest.raises(ValueError, match="计算基数"):
        monthly_due("在职", -1)


# --- 党费: which months are owed ----------------------------------------------------------

@pytest.mark.parametrize("joined, month, owed", [
    ("2025-06-30", "2025-05", False),   # admitted on the last day of June
    ("2025-06-30", "2025-06", True),    # … owes June (the day the 支部大会 admitted her)
    ("2025-12-31", "2025-12", True),    # admitted on New Year's Eve owes December
    ("2025-12-31", "2025-11", False),
    ("2024-02-29", "2024-02", True),    # a leap day is an ordinary day of February
    ("2025-06", "2025-06", True),       # month only: that month is owed whatever the day
    ("2025-06", "2025-05", False),
    ("2003", "2003-11", False),         # year only: the months it may cover are not owed …
    ("2003", "2003-12", True),          # … but by December she was in, whatever the day
])
def test_owed_from_the_month_of_admission(joined, month, owed):
    assert due_for(DuesMember(1, "赵敏", base=300_000, joined=joined), month).owed is owed


@pytest.mark.parametrize("paid_to, month, owed", [
    ("2025-12", "2025-12", False),      # 介绍信: 党费已交到 2025年12月 (the old branch)
    ("2026-01", "2025-12", False),
    ("2025-12", "2026-01", True),       # December into January: owed here from January
])
def test_paid_to_in_december_is_owed_here_from_january(paid_to, month, owed):
    m = DuesMember(2, "钱进", base=300_000, joined="2010-07-01", arrived="2025-12-20",
                   paid_to=paid_to)
    assert due_for(m, month).owed is owed


@pytest.mark.parametrize("left, month, owed", [
    ("2026-01-01", "2025-12", True),
    ("2026-01-01", "2026-01", True),    # the month of leaving is still owed, even on the 1st
    ("2026-01-01", "2026-02", False),
    ("2025-12-31", "2025-12", True),
    ("2025-12-31", "2026-01", False),   # gone on New Year's Eve: January is not owed here
])
def test_owed_to_the_month_of_leaving(left, month, owed):
    m = DuesMember(3, "孙立", base=300_000, joined="2010-07-01", left=left, active=False)
    assert due_for(m, month).owed is owed


def test_an_old_base_across_the_new_year_is_the_latest_recorded_before_the_month():
    m = DuesMember(7, "王芳", base=600_000, base_from="2026-03", joined="2010-07-01")
    history = {"2025-10": 400_000, "2026-01": 480_000}
    assert base_for(m, "2025-12", history)[0] == 400_000    # October's is the latest by then
    assert base_for(m, "2026-01", history)[0] == 480_000
    assert base_for(m, "2026-02", history)[0] == 480_000
    assert base_for(m, "2026-03", history)[0] == 600_000    # the new base from its month
    # 4000.00 × 1% = 40.00 in December 2025; 6000.00 × 1.5% = 90.00 from March 2026.
    assert due_for(m, "2025-12", history).amount == 4000
    assert due_for(m, "2026-03", history).amount == 9000


# --- 党费: arrears, 3 months warn and 6 alert (党章 第九条) ---------------------------------

def dues_facts(members, paid, year, recorded):
    # ``rules.gather`` reads the year and the one before it (RULES.md §3: a run may
    # start in December), never the year after.
    return DuesFacts("dues", tuple(members), paid, (f"{year - 1}-01", f"{year}-12"), recorded)


def all_months(first, last, but=()):
    """Months paid (the tests' own month list, not the rule's)."""
    return frozenset(m for m in month_list(first, last) if m not in but)


def arrears(members, paid, year, as_of, recorded=("2024-01", "2026-12")):
    return [(f.rule, f.severity, f.subject.label, f.period.label)
            for f in arrears_findings(dues_facts(members, paid, year, recorded), year, as_of)]


A = DuesMember(1, "甲", base=400_000, joined="2000-07-01")


@pytest.mark.parametrize("unpaid, expected", [
    (("2025-03", "2025-04"), []),                                   # 2 in a row: nothing
    (("2025-03", "2025-04", "2025-05"),
     [("dues.arrears", "warn", "甲", "2025年3月至2025年5月")]),    # exactly 3: warn
    (("2025-03", "2025-04", "2025-06"), []),                        # 3 unpaid, not in a row
    (tuple(f"2025-0{m}" for m in range(1, 6)),
     [("dues.arrears", "warn", "甲", "2025年1月至2025年5月")]),    # 5: still a warning
    (tuple(f"2025-0{m}" for m in range(1, 7)),
     [("dues.arrears_alert", "alert", "甲", "2025年1月至2025年6月")]),  # exactly 6: alert
])
def test_arrears_exactly_three_and_exactly_six(unpaid, expected):
    paid = {1: all_months("2024-01", "2026-12", but=unpaid)}
    assert arrears([A], paid, 2025, D(2025, 12, 15)) == expected


def test_the_running_month_is_not_judged_until_it_is_over():
    paid = {1: all_months("2024-01", "2026-12", but=("2025-10", "2025-11", "2025-12"))}
    # On 31 December, December is still running: only October and November count.
    assert arrears([A], paid, 2025, D(2025, 12, 31)) == []
    # On 1 January December is over: three in a row.
    assert arrears([A], paid, 2025, D(2026, 1, 1)) == [
        ("dues.arrears", "warn", "甲", "2025年10月至2025年12月")]


def test_a_run_from_december_into_january_belongs_to_the_year_it_reaches():
    paid = {1: all_months("2024-01", "2026-12", but=("2025-11", "2025-12", "2026-01"))}
    assert arrears([A], paid, 2026, D(2026, 2, 1)) == [
        ("dues.arrears", "warn", "甲", "2025年11月至2026年1月")]
    # 2025 (its window ends in December) sees two months of it: nothing for that year.
    assert arrears([A], paid, 2025, D(2026, 2, 1)) == []


def test_arrears_stop_at_the_month_of_leaving_and_start_at_admission():
    # Left in March 2025: January–March owed and unpaid is 3; April onwards not owed.
    gone = DuesMember(2, "乙", base=400_000, joined="2000-07-01", left="2025-03-10",
                      active=False)
    # Admitted on 30 September 2025: October and November unpaid is 2 (September paid).
    new = DuesMember(3, "丙", base=400_000, joined="2025-09-30")
    paid = {2: all_months("2024-01", "2024-12"),
            3: frozenset({"2025-09", "2025-12"})}
    assert arrears([gone, new], paid, 2025, D(2026, 1, 5)) == [
        ("dues.arrears", "warn", "乙", "2025年1月至2025年3月")]


def test_months_before_the_ledger_kept_dues_are_not_arrears():
    # Dues recorded from October 2025 only: January–September are on paper, not judged.
    assert arrears([A], {1: frozenset({"2025-12"})}, 2025, D(2026, 1, 5),
                   recorded=("2025-10", "2025-12")) == []
    assert arrears([A], {1: frozenset()}, 2025, D(2026, 1, 5),
                   recorded=("2025-10", "2025-12")) == [
        ("dues.arrears", "warn", "甲", "2025年10月至2025年12月")]


# --- meeting cadence (RULES.md §2, 《中国共产党支部工作条例（试行）》) --------------------

ASSEMBLY = Requirement("branch_assembly", "支部党员大会", ("支部党员大会",), "quarter",
                       source="《条例》：每季度 1 次")
THEME = Requirement("theme_day", "主题党日", ("主题党日",), "month", source="《条例》：每月 1 天")
LIFE = Requirement("life_meeting", "组织生活会", ("组织生活会",), "year",
                   source="《条例》：每年 1 次")
LECTURE = Requirement("party_lecture", "党课", ("党课",), "quarter", local=True,
                      source="本地通行做法每季度 1 次（可在组织设置中修改）")
BRANCH = tuple(Member(i, f"党员{i}", "第一党小组", True, "2000-01-01") for i in range(1, 4))


def cadence_facts(meetings=(), requirements=(ASSEMBLY,), year=2025, members=BRANCH, posts=()):
    return LedgerFacts(year=year, org=OrgFacts(name="测试支部"), requirements=requirements,
                       checklists=(), members=members, meetings=tuple(meetings),
                       posts=tuple(posts), talks=(), categories={"meeting": "activities"})


def cadence(f, as_of):
    report = evaluate(f, as_of, meetings_type="meeting", people_type="roster",
                      election_type=None)
    return [(x.severity, x.period.label) for x in report.findings
            if x.rule.startswith("cadence.")]


def states(f, as_of):
    return [c.state for c in cadence_rows(f, as_of)[0].cells]


def test_29_february_is_the_last_day_of_february_in_a_leap_year():
    held = [Meeting(1, D(2024, 1, 31), ("主题党日",)), Meeting(2, D(2024, 2, 29), ("主题党日",))]
    f = cadence_facts(held, (THEME,), year=2024)
    assert states(f, D(2024, 2, 29))[:3] == ["held", "held", "future"]
    # Without the 29th: February is still running that day, over on 1 March.
    f = cadence_facts(held[:1], (THEME,), year=2024)
    assert states(f, D(2024, 2, 29))[:3] == ["held", "due", "future"]
    assert states(f, D(2024, 3, 1))[:3] == ["held", "missing", "due"]
    assert cadence(f, D(2024, 3, 1)) == [("warn", "2024年2月"), ("info", "2024年3月")]


def test_28_february_ends_february_in_a_common_year():
    f = cadence_facts([Meeting(1, D(2025, 1, 31), ("主题党日",))], (THEME,))
    assert states(f, D(2025, 2, 28))[:3] == ["held", "due", "future"]
    assert states(f, D(2025, 3, 1))[:3] == ["held", "missing", "due"]


def test_the_year_turns_december_is_due_on_new_years_eve_and_missed_on_new_years_day():
    held = [Meeting(q, D(2025, 3 * q, 15), ("支部党员大会",)) for q in (1, 2, 3)]
    f = cadence_facts(held, (ASSEMBLY, LIFE))
    assert cadence(f, D(2025, 12, 31)) == [("info", "2025年"), ("info", "2025年第四季度")]
    # A yearly meeting missed once is already serious (a whole year without it).
    assert cadence(f, D(2026, 1, 1)) == [("alert", "2025年"), ("warn", "2025年第四季度")]
    # A meeting on 31 December counts for that year, not the next.
    f = cadence_facts(held + [Meeting(9, D(2025, 12, 31), ("支部党员大会", "组织生活会"))],
                      (ASSEMBLY, LIFE))
    assert cadence(f, D(2026, 1, 1)) == []
    assert cadence(cadence_facts(f.meetings, (ASSEMBLY, LIFE), year=2026), D(2026, 1, 1)) == [
        ("info", "2026年第一季度"), ("info", "2026年")]   # same first day: by rule


@pytest.mark.parametrize("held_months, as_of, expected", [
    # two months missed in a row: each a warning
    ((1,), D(2025, 4, 1), [("warn", "2025年2月"), ("warn", "2025年3月"), ("info", "2025年4月")]),
    # exactly three in a row: the third is serious
    ((), D(2025, 4, 1), [("alert", "2025年3月"), ("warn", "2025年1月"), ("warn", "2025年2月"),
                         ("info", "2025年4月")]),
])
def test_monthly_meetings_three_missed_in_a_row_against_two(held_months, as_of, expected):
    held = [Meeting(m, D(2025, m, 10), ("主题党日",)) for m in held_months]
    assert cadence(cadence_facts(held, (THEME,)), as_of) == expected


def test_summaries_of_month_quarter_and_year_on_the_first_day_of_a_quarter():
    held = [Meeting(1, D(2025, 1, 6), ("主题党日",)), Meeting(2, D(2025, 3, 31), ("主题党日",))]
    row = cadence_rows(cadence_facts(held, (THEME,)), D(2025, 4, 1))[0]
    q1, q2 = quarters(2025)[:2]
    # Q1: January and March held, February missed. Q2: April running (due), May, June ahead.
    s = summarise(cells_within(row, q1))
    assert (s.required, s.held, s.missing, s.due, s.state, s.text) == (3, 2, 1, 0, "missing",
                                                                        "2/3 缺 1")
    s = summarise(cells_within(row, q2))
    assert (s.required, s.held, s.missing, s.due, s.state, s.text) == (3, 0, 0, 1, "due", "0/3 待")
    april = summarise(cells_within(row, months(2025)[3]))
    assert (april.state, april.text) == ("due", "0/1 待")
    year = summarise(cells_within(row, whole_year(2025)))
    assert (year.required, year.held, year.missing, year.due, year.text) == (12, 2, 1, 1,
                                                                              "2/12 缺 1")
    first_half = summarise(cells_within(row, half_years(2025)[0]))
    assert first_half.text == "2/6 缺 1"


def test_a_changed_local_cadence_is_what_the_why_says():
    # 组织设置 sets 党课 to twice a half-year: the finding must not quote "每季度 1 次" alone.
    changed = with_overrides((LECTURE,), {"party_lecture": {"every": "half_year", "count": 2}})
    f = cadence_facts([Meeting(1, D(2025, 3, 1), ("党课",))], changed)
    (finding,) = [x for x in evaluate(f, D(2025, 7, 1), meetings_type="meeting",
                                      people_type="roster", election_type=None).findings
                  if x.severity != "info"]
    assert finding.period.label == "2025年上半年"
    assert finding.why.startswith("2025年上半年只召开了 1 次党课，应至少 2 次")
    assert "本台账在组织设置中定为每半年 2 次" in finding.why


# --- 应到 (who is due) per kind of meeting (RULES.md §2) ----------------------------------

COMMITTEE = Requirement("committee_meeting", "支部委员会", ("支部委员会",), "month",
                        scope="committee", applies="has_committee", source="《条例》")
GROUP = Requirement("group_meeting", "党小组会", ("党小组会",), "month", scope="group",
                    applies="has_groups", source="《条例》")
ROSTER = (Member(1, "张伟", "第一党小组", True, "2010-07-01"),
          Member(2, "李娜", "第二党小组", True, "2012-07-01", arrived="2025-05"),   # month only
          Member(3, "王芳", "第一党小组", True, "2015-07-01", left="2025-03", active=False),
          Member(4, "赵强", "第二党小组", False, "2024-02-29"),                     # leap day
          Member(5, "刘洋", "第一党小组", True, "2001-07-01", left="2025-12-31", active=False))
POSTS = (Post(10, 1, "张伟", "书记", True, "2023-01-01", "2025-12-31"),
         Post(11, 5, "刘洋", "委员", False, "2026-01-01"))


def due(kinds, day, group=""):
    return [m.id for m in due_members(kinds, day, group, ROSTER, POSTS,
                                      (ASSEMBLY, COMMITTEE, GROUP, THEME))]


@pytest.mark.parametrize("day, expected", [
    (D(2024, 2, 28), [1, 3, 5]),          # 赵强 admitted on the leap day: not yet
    (D(2024, 2, 29), [1, 3, 4, 5]),
    (D(2025, 3, 1), [1, 3, 4, 5]),        # left "2025-03": may still be in on any day of March …
    (D(2025, 3, 30), [1, 3, 4, 5]),
    (D(2025, 3, 31), [1, 4, 5]),          # … but gone on its last day whatever the day was
    (D(2025, 4, 30), [1, 4, 5]),          # arrived "2025-05": not before May
    (D(2025, 5, 1), [1, 2, 4, 5]),        # any day of May may be after she came: counted in
    (D(2025, 12, 30), [1, 2, 4, 5]),
    (D(2025, 12, 31), [1, 2, 4]),         # left on New Year's Eve: not due that day
])
def test_due_at_a_branch_meeting_across_month_ends_and_the_leap_day(day, expected):
    assert due(("支部党员大会",), day) == expected


def test_due_at_a_committee_meeting_is_the_committee_in_office_that_day():
    assert due(("支部委员会",), D(2025, 12, 31)) == [1]       # the term's last day
    # 1 January 2026: 张伟's term is over and 刘洋's post begins, but 刘洋 left the branch.
    assert due(("支部委员会",), D(2026, 1, 1)) == []
    assert due(("党小组会",), D(2025, 5, 1), "第二党小组") == [2, 4]
    assert due(("党小组会",), D(2025, 5, 1), "第一党小组") == [1, 5]


def test_a_committee_from_exactly_seven_full_members():
    six = tuple(Member(i, f"党员{i}", full=True, joined="2000-01-01") for i in range(1, 7))
    late = Member(7, "党员7", full=True, joined="2025-06-01")
    assert not has_committee(six + (late,), (), D(2025, 5, 31))     # six that day
    assert has_committee(six + (late,), (), D(2025, 6, 1))          # the seventh admitted
    probationary = Member(8, "党员8", full=False, joined="2000-01-01")
    assert not has_committee(six + (probationary,), (), D(2025, 6, 1))   # 预备党员 not counted


# --- 发展党员 date rules (RULES.md §4, 《中国共产党发展党员工作细则》) -----------------------

PLAN = builtin_pack().development
LATER = D(2026, 6, 1)


def steps_broken(values, as_of=LATER):
    # A 培养联系人 and a recent 考察 (steps 5, 6) unless a test is about them.
    person = Person(9, "李明", {"name": "李明", "introducers": [1, 2], "contacts": [1],
                               "last_review_date": (as_of - dt.timedelta(days=40)).isoformat(),
                               **values})
    return [(p.severity, p.step) for p in problems_of(PLAN, person, frozenset({1, 2}), {}, as_of)]


@pytest.mark.parametrize("talk, expected", [
    ("2024-02-29", []),               # 31 January 2024 + 1 month = 29 February (leap year)
    ("2024-03-01", [("warn", 2)]),
])
def test_talk_within_a_month_in_a_leap_year(talk, expected):
    assert steps_broken({"application_date": "2024-01-31", "talk_date": talk}) == expected


@pytest.mark.parametrize("talk, expected", [
    ("2026-01-31", []),               # 31 December + 1 month = 31 January
    ("2026-02-01", [("warn", 2)]),
])
def test_talk_within_a_month_from_december_into_january(talk, expected):
    assert steps_broken({"application_date": "2025-12-31", "talk_date": talk}) == expected


@pytest.mark.parametrize("target, expected", [
    ("2025-02-28", []),               # activist on 29 February 2024: a year later is 28 Feb
    ("2025-02-27", [("warn", 7)]),
])
def test_a_year_as_activist_from_a_leap_day(target, expected):
    assert steps_broken({"activist_date": "2024-02-29", "target_date": target}) == expected


@pytest.mark.parametrize("approval, expected", [
    ("2024-02-29", []),               # 30 November 2023 + 3 months = 29 February 2024
    ("2024-03-01", [("warn", 17)]),
    ("2024-05-30", [("warn", 17)]),   # + 6 months = 30 May: the longest allowed
    ("2024-05-31", [("alert", 17)]),
])
def test_approval_within_three_months_across_a_leap_february(approval, expected):
    assert steps_broken({"admission_date": "2023-11-30", "approval_date": approval,
                         "probation_end": "2024-11-30", "confirm_meeting_date": "2024-12-05"},
                        as_of=D(2025, 1, 1)) == expected


@pytest.mark.parametrize("end, expected", [
    ("2025-02-28", []),               # admitted 29 February 2024: a year is 28 February 2025
    ("2025-03-01", [("warn", 21)]),
    ("2025-02-27", [("warn", 21)]),
])
def test_probation_from_a_leap_day(end, expected):
    assert steps_broken({"admission_date": "2024-02-29", "approval_date": "2024-04-01",
                         "probation_end": end, "confirm_meeting_date": "2025-03-05"},
                        as_of=D(2025, 4, 1)) == expected


@pytest.mark.parametrize("as_of, expected", [
    (D(2025, 3, 25), []),                     # deadline 15 April; 20 days before is 26 March
    (D(2025, 3, 26), [("info", 17)]),
    (D(2025, 4, 15), [("info", 17)]),         # the deadline itself: still in time
    (D(2025, 4, 16), [("warn", 17)]),
])
def test_approval_due_soon_then_overdue(as_of, expected):
    found = steps_broken({"admission_date": "2025-01-15", "probation_end": "2026-01-15"},
                         as_of=as_of)
    assert [x for x in found if x[1] == 17] == expected


# --- snapshots: the day a printout of a period stands on ----------------------------------

@pytest.mark.parametrize("year, date_to, end", [
    (2024, None, D(2024, 12, 31)),
    (None, "2024-02", D(2024, 2, 29)),        # a leap February runs to the 29th
    (None, "2025-02", D(2025, 2, 28)),
    (None, "2025", D(2025, 12, 31)),
    (2025, "2025-02-28", D(2025, 2, 28)),
])
def test_period_end_at_month_and_year_ends(year, date_to, end):
    assert period_end(year, date_to) == end


def test_the_snapshot_day_is_the_period_end_or_today_whichever_is_first():
    assert snapshot_day(D(2025, 12, 31), D(2025, 12, 31)) == D(2025, 12, 31)
    assert snapshot_day(D(2025, 12, 31), D(2025, 12, 30)) == D(2025, 12, 30)
    assert snapshot_day(D(2025, 12, 31), D(2026, 1, 1)) == D(2025, 12, 31)
    assert filled_on(D(2025, 12, 31), D(2026, 1, 1)) == D(2025, 12, 31)


# --- 经费收支 totals (rules/cash.py) --------------------------------------------------------

def test_cash_totals_edges():
    # Nothing before the period: nothing brought forward (not a zero balance).
    assert totals([(True, 1000, True)]).carried is None
    # Earlier entries that cancel out: brought forward is 0.00, not "none".
    t = totals([(True, 5000, False), (False, 5000, False), (False, 1, True)])
    assert (t.carried, t.income, t.expense, t.balance) == (0, 0, 1, -1)
    # No direction or no amount: counted nowhere.
    t = totals([(None, 9900, True), (True, None, True), (True, 0, True), (False, 250, True)])
    assert (t.carried, t.income, t.expense, t.balance) == (None, 0, 250, -250)


# --- 待核实 (records an import could not settle) -------------------------------------------

def test_pending_names_six_fields_then_says_more():
    six = ("出生日期", "性别", "民族", "学历", "人员类别", "入党日期")
    f = LedgerFacts(year=2025, org=OrgFacts(), requirements=(), checklists=(), members=(),
                    meetings=(), posts=(), talks=(), labels={"roster": "党员名册"},
                    pending=(("roster", (3, 4), six),
                             ("funds", (5,), six + ("籍贯",))))
    a, b = pending_findings(f, D(2026, 1, 5))
    assert "2 条记录的出生日期、性别、民族、学历、人员类别、入党日期待核实（截至2026年1月5日）" in a.why
    assert "1 条记录的出生日期、性别、民族、学历、人员类别、入党日期等待核实" in b.why
    assert (a.records, b.records) == ((3, 4), (5,))


# --- 转出 回执 within a month (RULES.md §6) -------------------------------------------------

@pytest.mark.parametrize("out_day, as_of, year, expected", [
    (D(2025, 1, 31), D(2025, 2, 28), 2025, None),     # a month after 31 January: 28 February
    (D(2025, 1, 31), D(2025, 3, 1), 2025, "已过 1 天"),
    (D(2024, 1, 31), D(2024, 2, 29), 2024, None),     # leap year: 29 February
    (D(2024, 1, 31), D(2024, 3, 1), 2024, "已过 1 天"),
    (D(2025, 12, 15), D(2026, 1, 15), 2025, None),
    (D(2025, 12, 15), D(2026, 1, 16), 2025, "已过 1 天"),   # the transfer's year …
    (D(2025, 12, 15), D(2026, 1, 16), 2026, "已过 1 天"),   # … and the year it is late in
    (D(2025, 12, 15), D(2026, 1, 16), 2024, None),
])
def test_receipt_missing_after_a_month(out_day, as_of, year, expected):
    found = receipt_findings([Transfer(7, "李军", True, out_day)], year, as_of, "team")
    assert ([expected in f.why for f in found] == [True]) if expected else found == []


# --- 民主评议: 优秀 at most one third, every member graded (RULES.md §6) --------------------

def graded(excellent, others, ungraded=0):
    out = [Evaluation(i, i, "优秀", True) for i in range(1, excellent + 1)]
    out += [Evaluation(i, i, "合格", False) for i in range(excellent + 1, excellent + others + 1)]
    n = excellent + others
    out += [Evaluation(i, i, "", False) for i in range(n + 1, n + ungraded + 1)]
    return out


@pytest.mark.parametrize("excellent, others, ungraded, too_many", [
    (1, 2, 0, False),      # 1 of 3: exactly a third
    (2, 4, 0, False),      # 2 of 6: exactly a third
    (2, 3, 0, True),       # 2 of 5: more than a third (5 / 3 = 1.67)
    (1, 1, 0, True),       # 1 of 2
    (3, 6, 0, False),      # 3 of 9
    (4, 8, 0, False),      # 4 of 12
    (4, 7, 0, True),       # 4 of 11
    (2, 3, 1, True),       # a record without a grade is not one of those graded: 2 of 5
    (0, 3, 0, False),
])
def test_excellent_exactly_one_third(excellent, others, ungraded, too_many):
    n = excellent + others + ungraded
    roster = tuple(Member(i, f"党员{i}", joined="2000-01-01") for i in range(1, n + 1))
    found = evaluation_findings(graded(excellent, others, ungraded), roster, 2025,
                                D(2026, 1, 5), "activities")
    assert ("evaluations.too_many_excellent" in [f.rule for f in found]) is too_many


def test_every_member_in_the_branch_on_the_last_day_of_the_year_is_graded():
    roster = (Member(1, "甲", joined="2000-01-01"),
              Member(2, "乙", joined="2000-01-01", left="2025-12-31", active=False),
              Member(3, "丙", joined="2025-12-31"),
              Member(4, "丁", joined="2026-01-01"))
    (missing,) = evaluation_findings([Evaluation(1, 1, "合格", False)], roster, 2025,
                                     D(2026, 3, 1), "activities")
    # 乙 left on 31 December (not in the branch that day); 丙 was admitted that day; 丁 later.
    assert "丙还没有评定等次" in missing.why and "乙" not in missing.why and "丁" not in missing.why
    # Asked on 30 June, those in the branch that day.
    (early,) = evaluation_findings([Evaluation(1, 1, "合格", False)], roster, 2025,
                                   D(2025, 6, 30), "activities")
    assert "乙还没有评定等次" in early.why and "丙" not in early.why


# --- 换届 warning (RULES.md §1) ---------------------------------------------------------

def term(as_of, start="2020-02-29", years=5, warn=6):
    f = LedgerFacts(year=as_of.year, org=OrgFacts(term_start=start, term_years=years,
                                                 term_warn_months=warn),
                    requirements=(), checklists=(), members=(), meetings=(), posts=(), talks=())
    return [(x.rule, x.severity) for x in evaluate(f, as_of, meetings_type="meeting",
                                                    people_type="roster",
                                                    election_type=None).findings]


@pytest.mark.parametrize("as_of, expected", [
    # elected 29 February 2020, 5 years: due 28 February 2025; 6 months before: 28 August 2024
    (D(2024, 8, 27), []),
    (D(2024, 8, 28), [("org.term_due", "warn")]),
    (D(2025, 2, 27), [("org.term_due", "warn")]),
    (D(2025, 2, 28), [("org.term_overdue", "alert")]),
])
def test_term_from_a_leap_day(as_of, expected):
    assert term(as_of) == expected


@pytest.mark.parametrize("as_of, expected", [
    (D(2026, 10, 31), []),                          # 3 years from 1 January 2024; 2 months
    (D(2026, 11, 1), [("org.term_due", "warn")]),   # before is 1 November 2026
    (D(2026, 12, 31), [("org.term_due", "warn")]),
    (D(2027, 1, 1), [("org.term_overdue", "alert")]),
])
def test_three_year_term_warned_two_months_ahead_across_the_new_year(as_of, expected):
    assert term(as_of, start="2024-01-01", years=3, warn=2) == expected


# --- checklists (六有 / 五优 / 六好) -----------------------------------------------------

SIX = Checklist("six_haves", "六有", "six_haves",
                (ChecklistItem("place", "有场所", "有专门的党员活动室", "活动室照片"),
                 ChecklistItem("flag", "有党旗", "悬挂党旗", "党旗照片")), source="《六有标准》")


def checklist(entries, as_of):
    f = LedgerFacts(year=2025, org=OrgFacts(), requirements=(), checklists=(SIX,), members=(),
                    meetings=(), posts=(), talks=(),
                    checklist_entries={"six_haves": tuple(entries)})
    return [(x.rule, x.severity) for x in evaluate(f, as_of, meetings_type="meeting",
                                                    people_type="roster",
                                                    election_type=None).findings]


def test_checklist_items_not_looked_at_are_a_reminder_until_the_year_ends():
    entries = [ChecklistEntry(1, 2025, "有场所", True, evidence=1)]
    assert checklist(entries, D(2025, 12, 31)) == [("checklist.six_haves.unassessed", "info")]
    assert checklist(entries, D(2026, 1, 1)) == [("checklist.six_haves.unassessed", "warn")]
    # A state recorded for 2024 or 2026 says nothing about 2025.
    other_years = [ChecklistEntry(2, 2024, "有党旗", True, evidence=1),
                   ChecklistEntry(3, 2026, "有党旗", True, evidence=1)]
    assert checklist(entries + other_years, D(2026, 1, 1)) == [
        ("checklist.six_haves.unassessed", "warn")]
    # Met with exactly one photo is met; with none it is not evidence enough.
    done = entries + [ChecklistEntry(4, 2025, "有党旗", True, evidence=1)]
    assert checklist(done, D(2026, 1, 1)) == []
    bare = entries + [ChecklistEntry(4, 2025, "有党旗", True, evidence=0)]
    assert checklist(bare, D(2026, 1, 1)) == [("checklist.six_haves.no_evidence", "warn")]
    # Not assessed (met unknown) is not "not met".
    unknown = entries + [ChecklistEntry(4, 2025, "有党旗", None)]
    assert checklist(unknown, D(2025, 6, 1)) == [("checklist.six_haves.unassessed", "info")]


def test_decimal_rounding_units_are_the_three_settings():
    assert [rounding_of(u) for u in ("分", "角", "元", None, "")] == [
        Decimal(1), Decimal(10), Decimal(100), Decimal(1), Decimal(1)]


# --- 谈心谈话, yearly documents, members' facts: the year's last day and the next --------

TALKS = Requirement("heart_talks", "谈心谈话", (), "year", scope="pairs", record_type="talk",
                    source="《条例》：每年不少于 1 次")
SECRETARY = (Post(10, 1, "党员1", "书记", True, "2024-01-01"),
             Post(11, 2, "党员2", "组织委员", False, "2024-01-01"))


def yearly(as_of, members=BRANCH, expected=(("work_plan", "工作计划", "rules"),)):
    f = LedgerFacts(year=2025, org=OrgFacts(), requirements=(TALKS,), checklists=(),
                    members=members, meetings=(), posts=SECRETARY, talks=(),
                    expected_yearly=expected, people_label="党员名册")
    return [(x.rule, x.severity) for x in evaluate(f, as_of, meetings_type="meeting",
                                                    people_type="roster",
                                                    election_type=None).findings]


def test_yearly_talks_and_documents_are_reminders_on_new_years_eve_and_due_the_day_after():
    assert yearly(D(2025, 12, 31)) == [("cadence.heart_talks.committee", "info"),
                                       ("cadence.heart_talks.members", "info"),
                                       ("records.work_plan.missing", "info")]
    assert yearly(D(2026, 1, 1)) == [("cadence.heart_talks.committee", "warn"),
                                     ("cadence.heart_talks.members", "warn"),
                                     ("records.work_plan.missing", "warn")]
    # Before the year begins nothing is asked of it.
    assert yearly(D(2024, 12, 31)) == []


@pytest.mark.parametrize("joined, left, judged", [
    ("2025-12-31", None, True),            # admitted on the year's last day: on the roster
    ("2026-01-01", None, False),           # admitted the next day: not this year's roster
    ("2000-01-01", "2025-12-31", False),   # left on the last day: not on it that day
    ("2000-01-01", "2026-01-01", True),
])
def test_missing_facts_of_those_on_the_roster_on_the_years_last_day(joined, left, judged):
    someone = Member(9, "缺项", "第一党小组", True, joined, left=left, active=left is None,
                     missing=("出生日期",))
    found = yearly(D(2026, 3, 1), members=BRANCH + (someone,), expected=())
    assert (("members.missing_facts", "warn") in found) is judged


@pytest.mark.parametrize("kept_since, q1", [
    (D(2025, 3, 31), "missing"),    # the ledger begins on Q1's last day: Q1 is judged
    (D(2025, 4, 1), "na"),          # it begins the day after: Q1 is on paper, not judged
])
def test_the_day_the_ledger_begins_decides_which_periods_are_judged(kept_since, q1):
    f = LedgerFacts(year=2025, org=OrgFacts(kept_since=kept_since), requirements=(ASSEMBLY,),
                    checklists=(), members=BRANCH, meetings=(), posts=(), talks=())
    assert states(f, D(2025, 7, 1)) == [q1, "missing", "due", "future"]


def test_an_arrears_period_ends_on_the_last_day_of_its_last_month():
    paid = {1: all_months("2023-01", "2026-12", but=("2023-12", "2024-01", "2024-02"))}
    (finding,) = arrears_findings(dues_facts([A], paid, 2024, ("2023-01", "2026-12")), 2024,
                                  D(2024, 6, 1))
    assert (finding.period.start, finding.period.end) == (D(2023, 12, 1), D(2024, 2, 29))


# --- snapshots: a record as it stood on a day ---------------------------------------------

def test_a_member_who_left_on_the_day_is_gone_that_day_and_in_the_day_before():
    from ledger_app.rules.snapshot import member_as_of, roster_ids, transfer_as_of

    pack = builtin_pack()
    roster = pack.record_type("roster")
    left = {"name": "甲", "status": "转出", "left_date": "2025-12-31", "member_class": "正式党员",
            "confirmed_date": "2025-12-31"}
    on_the_day = member_as_of(roster, left, D(2025, 12, 31))
    assert (on_the_day["status"], on_the_day["left_date"]) == ("转出", "2025-12-31")
    assert on_the_day["confirmed_date"] == "2025-12-31"
    before = member_as_of(roster, left, D(2025, 12, 30))
    assert (before["status"], before["left_date"], before["member_class"]) == (
        "在册", None, "预备党员")
    # A month-only date in the day's own month may be on or before it: kept as it is.
    month_only = member_as_of(roster, dict(left, left_date="2025-12"), D(2025, 12, 1))
    assert (month_only["status"], month_only["left_date"]) == ("转出", "2025-12")
    # The roster of the day agrees: gone on the day of leaving.
    member = Member(1, "甲", joined="2000-01-01", left="2025-12-31", active=False)
    assert roster_ids([member], D(2025, 12, 31)) == set()
    assert roster_ids([member], D(2025, 12, 30)) == {1}
    transfer = pack.record_type("transfer")
    back = {"receipt_returned": True, "receipt_date": "2026-01-01"}
    assert transfer_as_of(transfer, back, D(2025, 12, 31)) == {"receipt_returned": False,
                                                                 "receipt_date": None}
    assert transfer_as_of(transfer, back, D(2026, 1, 1)) == back


# --- 党费收缴表: the month still running, totals, arrears marks -----------------------------

def grid(as_of, records=(), members=None, findings=()):
    from ledger_app.rules.dues_grid import build_grid

    members = members or [DuesMember(1, "甲", base=400_000, joined="2000-07-01", seq=1)]
    return build_grid(2024, members, records, as_of, findings)


def record(month, paid, rid=100):
    from ledger_app.store.dues import DuesCell

    return DuesCell(rid, 1, month, 400_000, "1%", 4000, paid, None, "")


def test_the_grid_month_still_running_is_open_and_the_day_after_it_is_unpaid():
    # 29 February 2024: February still running; the record without 实交 is not yet 未交.
    feb = grid(D(2024, 2, 29), [record("2024-02", None)]).rows[0].cells
    assert [c.state for c in feb[:3]] == ["missing", "pending", "pending"]
    march = grid(D(2024, 3, 1), [record("2024-02", None)]).rows[0].cells
    assert [c.state for c in march[:3]] == ["missing", "unpaid", "pending"]
    # 应交 totals: a month over counts (January 40.00 + February 40.00 recorded); March,
    # still running without a record, does not.
    year = grid(D(2024, 3, 1), [record("2024-02", None)])
    assert (year.due_total, year.paid_total, year.month_due(3)) == (8000, 0, 0)


def test_the_grid_marks_every_month_of_an_arrears_run_to_a_leap_february():
    paid = {1: all_months("2023-01", "2024-12", but=("2023-12", "2024-01", "2024-02"))}
    found = arrears_findings(dues_facts([A], paid, 2024, ("2023-01", "2024-12")), 2024,
                             D(2024, 6, 1))
    cells = grid(D(2024, 6, 1), [record(f"2024-{m:02d}", 4000, 100 + m) for m in range(3, 7)],
                 members=[A], findings=found).rows[0].cells
    assert [c.arrears for c in cells[:4]] == ["warn", "warn", "", ""]
    assert cells[1].arrears_why.startswith("甲2023年12月至2024年2月连续 3 个月未交党费")


def test_fill_a_month_takes_those_who_owe_it_on_its_first_and_last_day():
    from ledger_app.rules.dues_fill import plan_fill

    dues = builtin_pack().record_type("dues")
    people = [DuesMember(1, "甲", base=400_000, joined="2000-07-01"),
              DuesMember(2, "乙", base=400_000, joined="2024-03-31"),          # last day
              DuesMember(3, "丙", base=400_000, joined="2000-07-01", left="2024-03-01",
                         active=False),                                          # first day
              DuesMember(4, "丁", base=400_000, joined="2000-07-01", left="2024-02-29",
                         active=False),
              DuesMember(5, "戊", base=400_000, joined="2024-04-01"),
              DuesMember(6, "己", joined="2000-07-01")]                          # no base
    plan = plan_fill(dues, people, "2024-03", existing={3}, history={}, rounding=Decimal(1))
    assert plan.names == ["甲", "乙"] and plan.existing == ["丙"]
    assert [n for n, _why in plan.unknown] == ["己"]
    # 4000.00 × 1% = 40.00, paid in full unless asked to leave 实交 empty.
    assert [(r["due"], r["paid"]) for r in plan.rows] == [(4000, 4000), (4000, 4000)]

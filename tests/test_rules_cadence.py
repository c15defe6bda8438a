"""Meeting cadence and who is due, on hand-made facts: every expected finding and its why
is written out here, never recomputed with the rules under test."""

from __future__ import annotations

import datetime as dt

import pytest

from ledger_app.forms.model import Requirement
from ledger_app.rules.cadence import cadence_rows
from ledger_app.rules.check import evaluate
from ledger_app.rules.facts import LedgerFacts, Meeting, Member, OrgFacts, Post, Talk
from ledger_app.rules.membership import due_members, has_committee

D = dt.date
ASSEMBLY = Requirement("branch_assembly", "支部党员大会", ("支部党员大会",), "quarter",
                       source="条例：支部党员大会一般每季度召开 1 次")
COMMITTEE = Requirement("committee_meeting", "支部委员会", ("支部委员会",), "month",
                        scope="committee", applies="has_committee", source="条例：支委会每月 1 次")
GROUP = Requirement("group_meeting", "党小组会", ("党小组会",), "month", scope="group",
                    applies="has_groups", source="条例：党小组会每月 1 次")
THEME = Requirement("theme_day", "主题党日", ("主题党日",), "month", source="条例：主题党日每月 1 天")
TALKS = Requirement("heart_talks", "谈心谈话", (), "year", scope="pairs", record_type="talk",
                    source="条例：谈心谈话每年不少于 1 次")


def members(n: int, group: str = "第一党小组", full: bool = True, start: int = 1,
            joined: str = "2000-01-01") -> list[Member]:
    return [Member(start + i, f"党员{start + i}", group, full, joined) for i in range(n)]


def facts(meetings=(), members_=(), posts=(), requirements=(ASSEMBLY,), talks=(),
          groups=(), year=2025) -> LedgerFacts:
    return LedgerFacts(year=year, org=OrgFacts(name="测试支部", groups=tuple(groups)),
                       requirements=tuple(requirements), checklists=(),
                       members=tuple(members_), meetings=tuple(meetings), posts=tuple(posts),
                       talks=tuple(talks), categories={"meeting": "activities"})


def run(f: LedgerFacts, as_of: dt.date):
    return evaluate(f, as_of, meetings_type="meeting", people_type="roster", election_type=None)


def whys(report, rule_prefix: str = "cadence.") -> list[tuple[str, str]]:
    return [(f.severity, f.why) for f in report.findings if f.rule.startswith(rule_prefix)]


def test_a_meeting_on_the_last_day_of_a_quarter_counts_for_that_quarter():
    held = [Meeting(1, D(2025, 3, 31), ("支部党员大会",)), Meeting(2, D(2025, 6, 30), ("支部党员大会",)),
            Meeting(3, D(2025, 10, 1), ("支部党员大会",))]
    report = run(facts(held, members(3)), D(2025, 10, 2))
    # Q1 and Q2 held on their last day; Q3's only meeting fell on 1 October.
    assert whys(report) == [
        ("warn", "2025年第三季度没有召开支部党员大会（条例：支部党员大会一般每季度召开 1 次）"),
        # Q4 is running and already has the 1 October meeting: nothing to say.
    ]


def test_the_running_quarter_is_due_not_missing_and_the_last_day_still_counts_as_running():
    report = run(facts([Meeting(1, D(2025, 2, 1), ("支部党员大会",))], members(3)),
                 D(2025, 6, 30))
    assert whys(report) == [
        ("info", "2025年第二季度尚未召开支部党员大会（本期到 2025年6月30日 结束）"
                 "（条例：支部党员大会一般每季度召开 1 次）")]
    # The next day the quarter is over: now it is missing.
    report = run(facts([Meeting(1, D(2025, 2, 1), ("支部党员大会",))], members(3)),
                 D(2025, 7, 1))
    assert whys(report)[0] == (
        "warn", "2025年第二季度没有召开支部党员大会（条例：支部党员大会一般每季度召开 1 次）")


def test_a_record_of_two_kinds_counts_for_each():
    both = Meeting(1, D(2025, 1, 10), ("主题党日", "支部党员大会"))
    report = run(facts([both], members(3), requirements=(ASSEMBLY, THEME)), D(2025, 1, 31))
    assert whys(report) == []


def test_two_quarters_missed_in_a_row_are_serious():
    report = run(facts([], members(3)), D(2025, 7, 1))
    assert whys(report) == [
        ("alert", "2025年第二季度没有召开支部党员大会（已连续 2 期）"
                  "（条例：支部党员大会一般每季度召开 1 次）"),
        ("warn", "2025年第一季度没有召开支部党员大会（条例：支部党员大会一般每季度召开 1 次）"),
        ("info", "2025年第三季度尚未召开支部党员大会（本期到 2025年9月30日 结束）"
                 "（条例：支部党员大会一般每季度召开 1 次）"),
    ]


def test_group_meetings_are_counted_per_group_and_a_group_created_mid_year_owes_from_then():
    roster = members(3, "第一党小组") + members(3, "第二党小组", start=10, joined="2025-06-10")
    held = [Meeting(m, D(2025, m, 5), ("党小组会",), "第一党小组") for m in range(1, 8)]
    held.append(Meeting(20, D(2025, 6, 20), ("党小组会",), "第二党小组"))
    report = run(facts(held, roster, requirements=(GROUP,),
                       groups=("第一党小组", "第二党小组")), D(2025, 8, 1))
    # 第二党小组 had no member before 10 June, so January–May are not asked of it.
    assert whys(report) == [
        ("warn", "2025年7月第二党小组没有召开党小组会（条例：党小组会每月 1 次；"
                 "党小组按名册中现在的划分计算，台账不保存党员以往所在的党小组）"),
        ("info", "2025年8月第一党小组尚未召开党小组会（本期到 2025年8月31日 结束）（条例：党小组会每月 1 次；"
                 "党小组按名册中现在的划分计算，台账不保存党员以往所在的党小组）"),
        ("info", "2025年8月第二党小组尚未召开党小组会（本期到 2025年8月31日 结束）（条例：党小组会每月 1 次；"
                 "党小组按名册中现在的划分计算，台账不保存党员以往所在的党小组）"),
    ]
    rows = {r.group: [c.state for c in r.cells] for r in cadence_rows(
        facts(held, roster, requirements=(GROUP,), groups=("第一党小组", "第二党小组")),
        D(2025, 8, 1))}
    assert rows["第二党小组"][:8] == ["na"] * 5 + ["held", "missing", "due"]
    assert rows["第一党小组"][:8] == ["held"] * 7 + ["due"]


def test_a_branch_below_seven_full_members_has_no_committee_meetings_to_hold():
    six = members(6) + members(3, full=False, start=20)
    assert not has_committee(six, [], D(2025, 5, 31))
    report = run(facts([], six, requirements=(COMMITTEE,)), D(2025, 6, 1))
    assert whys(report) == []
    seven = members(7)
    assert has_committee(seven, [], D(2025, 5, 31))
    report = run(facts([], seven, requirements=(COMMITTEE,)), D(2025, 2, 1))
    assert whys(report) == [
        ("warn", "2025年1月没有召开支部委员会（条例：支委会每月 1 次）"),
        ("info", "2025年2月尚未召开支部委员会（本期到 2025年2月28日 结束）（条例：支委会每月 1 次）")]


def test_three_committee_members_in_office_make_a_committee_even_in_a_small_branch():
    five = members(5)
    posts = [Post(100 + i, i, f"党员{i}", "委员", False, "2024-01-01") for i in (1, 2, 3)]
    assert has_committee(five, posts, D(2025, 1, 31))
    assert not has_committee(five, posts[:2], D(2025, 1, 31))


def test_who_is_due_depends_on_the_kind_of_meeting_and_the_day():
    roster = [Member(1, "张伟", "第一党小组", True, "2010-07-01"),
              Member(2, "李娜", "第二党小组", True, "2012-07-01"),
              Member(3, "王芳", "第一党小组", True, "2015-07-01", arrived="2025-05-12"),
              Member(4, "赵强", "第二党小组", False, "2025-05"),   # month only
              Member(5, "刘洋", "第一党小组", True, "2001-07-01", left="2025-03-01",
                     active=False)]
    posts = [Post(10, 1, "张伟", "书记", True, "2023-01-01", "2028-01-01"),
             Post(11, 2, "李娜", "组织委员", False, "2023-01-01", "2025-04-30")]
    reqs = (ASSEMBLY, COMMITTEE, GROUP, THEME)

    def ids(kinds, day, group=""):
        return [m.id for m in due_members(kinds, day, group, roster, posts, reqs)]

    # Arrived on 12 May: not due on the 10th, due on the 12th. Left on 1 March: due
    # the day before only. A month-only 入党日期 in the meeting's month is counted in.
    assert ids(("支部党员大会",), D(2025, 2, 28)) == [1, 2, 5]
    assert ids(("支部党员大会",), D(2025, 5, 10)) == [1, 2, 4]
    assert ids(("支部党员大会",), D(2025, 5, 12)) == [1, 2, 3, 4]
    assert ids(("支部党员大会",), D(2025, 4, 30)) == [1, 2]
    # 支部委员会: the committee then in office (李娜's term ended 30 April).
    assert ids(("支部委员会",), D(2025, 4, 30)) == [1, 2]
    assert ids(("支部委员会",), D(2025, 5, 12)) == [1]
    # 党小组会: that group's members.
    assert ids(("党小组会",), D(2025, 6, 1), "第一党小组") == [1, 3]
    # A 主题党日 that is also a 支委会 is due for everyone.
    assert ids(("主题党日", "支部委员会"), D(2025, 6, 1)) == [1, 2, 3, 4]


def test_heart_talks_between_committee_members_and_with_each_member():
    roster = members(4)
    posts = [Post(10, 1, "党员1", "书记", True, "2024-01-01"),
             Post(11, 2, "党员2", "组织委员", False, "2024-01-01")]
    talks = [Talk(1, D(2025, 3, 1), 1, 3)]
    report = run(facts([], roster, posts, requirements=(TALKS,), talks=talks), D(2026, 1, 5))
    assert whys(report) == [
        ("warn", "2025年委员党员1与党员2之间没有谈心谈话记录（条例：谈心谈话每年不少于 1 次）"),
        ("warn", "2025年党员党员4没有与任何一名委员谈心谈话的记录（条例：谈心谈话每年不少于 1 次）"),
    ]


@pytest.mark.parametrize("months, expected", [
    ((1, 4, 7), []),
    ((1, 4), [("info", "2025年第三季度尚未召开支部党员大会（本期到 2025年9月30日 结束）"
                       "（条例：支部党员大会一般每季度召开 1 次）")]),
])
def test_the_first_day_of_a_quarter_is_already_inside_it(months, expected):
    held = [Meeting(m, D(2025, m, 1), ("支部党员大会",)) for m in months]
    report = run(facts(held, members(3)), D(2025, 7, 1))
    assert whys(report) == expected

"""Checklists, 换届 and yearly documents, on hand-made facts with the expected why written out."""

from __future__ import annotations

import datetime as dt

import pytest

from ledger_app.forms.model import Checklist, ChecklistItem
from ledger_app.rules.check import evaluate
from ledger_app.rules.facts import ChecklistEntry, LedgerFacts, Member, OrgFacts

D = dt.date
SIX = Checklist("six_haves", "六有", "six_haves", (
    ChecklistItem("place", "有场所", "有专门的党员活动室", "活动室照片"),
    ChecklistItem("flag", "有党旗", "悬挂党旗和入党誓词", "党旗照片"),
    ChecklistItem("press", "有党报党刊", "订阅党报党刊", "报刊架照片"),
    ChecklistItem("rules", "有制度", "制度上墙", "")), source="六有标准")


def facts(org=OrgFacts(), entries=(), members=(), typed=None, expected=(), year=2025):
    return LedgerFacts(year=year, org=org, requirements=(), checklists=(SIX,),
                       members=tuple(members), meetings=(), posts=(), talks=(),
                       typed=typed or {}, checklist_entries={"six_haves": tuple(entries)},
                       expected_yearly=tuple(expected),
                       categories={"six_haves": "venue", "election": "venue", "roster": "team"})


def run(f, as_of):
    return evaluate(f, as_of, meetings_type="meeting", people_type="roster",
                    election_type="election")


def found(report, prefix):
    return [(f.severity, f.why) for f in report.findings if f.rule.startswith(prefix)]


def test_checklist_items_met_not_met_without_evidence_and_not_assessed():
    entries = [ChecklistEntry(1, 2025, "有场所", True, evidence=2),
               ChecklistEntry(2, 2025, "有党旗", True, evidence=0),
               ChecklistEntry(3, 2025, "有党报党刊", False),
               ChecklistEntry(4, 2024, "有制度", True, evidence=1)]   # last year's: not this one
    report = run(facts(entries=entries), D(2025, 10, 1))
    states = {s.item.label: s.state for s in report.checklists[0].items}
    assert states == {"有场所": "met", "有党旗": "no_evidence", "有党报党刊": "not_met",
                      "有制度": "unassessed"}
    assert found(report, "checklist.") == [
        ("warn", "2025年“有党旗”记为达标，但没有佐证材料（应有：党旗照片）（六有标准）"),
        ("warn", "2025年“有党报党刊”未达标：订阅党报党刊（六有标准）"),
        ("info", "2025年六有有 1 项尚未对照检查：有制度（六有标准）"),
    ]
    # Once the year is over, an item never looked at needs action too.
    later = run(facts(entries=entries), D(2026, 1, 1))
    assert ("warn", "2025年六有有 1 项尚未对照检查：有制度（六有标准）") in found(later, "checklist.")


@pytest.mark.parametrize("as_of, expected", [
    (D(2025, 11, 30), []),
    (D(2025, 12, 1), [("warn", "本届自 2021年6月1日 起，任期 5 年，应于 2026年6月1日 换届，"
                                "还有约 6 个月，请准备换届请示（《关于党的基层组织任期的意见》："
                                "村、社区党支部每届任期 5 年，其他党支部 3 年，任期届满应按期换届；"
                                "提前 6 个月提醒，可在组织设置中修改）")]),
    (D(2026, 6, 1), [("alert", "本届自 2021年6月1日 起，任期 5 年，应于 2026年6月1日 换届，"
                               "至今已超期 0 天（《关于党的基层组织任期的意见》：村、社区党支部每届"
                               "任期 5 年，其他党支部 3 年，任期届满应按期换届；推迟换届须经上级批准，"
                               "一般不超过 1 年）")]),
])
def test_term_end_is_warned_six_months_ahead_and_alerted_when_over(as_of, expected):
    org = OrgFacts(term_start="2021-06-01", term_years=5)
    assert found(run(facts(org=org), as_of), "org.term") == expected


def test_the_warning_period_is_a_setting():
    org = OrgFacts(term_start="2021-06-01", term_years=5, term_warn_months=2)
    assert found(run(facts(org=org), D(2026, 3, 31)), "org.term") == []
    assert found(run(facts(org=org), D(2026, 4, 1)), "org.term")[0][0] == "warn"


def test_yearly_documents_missing():
    expected = (("work_plan", "工作计划", "rules"), ("work_summary", "工作总结", "rules"))
    typed = {"work_plan": [(5, D(2025, 1, 1))], "work_summary": []}
    assert found(run(facts(typed=typed, expected=expected), D(2025, 6, 1)), "records.") == [
        ("info", "2025年还没有工作总结（“工作总结”是每年台账的必备内容，属基本制度类：本地台账规范）")]
    assert found(run(facts(typed=typed, expected=expected), D(2026, 1, 2)), "records.") == [
        ("warn", "2025年还没有工作总结（“工作总结”是每年台账的必备内容，属基本制度类：本地台账规范）")]


def test_members_missing_required_facts_and_years_before_the_ledger_are_not_judged():
    members = [Member(1, "张伟", missing=("出生日期", "入党日期"), joined=None),
               Member(2, "李娜"), Member(3, "王芳", missing=("性别",), active=False, left="2024-05-01")]
    report = run(facts(members=members), D(2025, 6, 1))
    assert found(report, "members.") == [
        ("warn", "党员名册中张伟缺少：出生日期、入党日期（2025年6月1日在册；《党员名册》必备项，"
                 "缺少入党日期时无法判断其何时起应到会、应交党费）")]
    old = run(facts(org=OrgFacts(kept_since=D(2026, 1, 1)), entries=[]), D(2026, 3, 1))
    assert found(old, "checklist.") == []

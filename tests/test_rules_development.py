"""发展党员 date rules (RULES.md §4) from the pack's development_steps.toml, each at its
boundary with hand-written dates; month-only dates are said to be uncertain, never guessed."""

from __future__ import annotations

import datetime as dt

import pytest

from ledger_app.forms.loader import builtin_pack
from ledger_app.rules.development import Person, development_findings, problems_of, timeline

PLAN = builtin_pack().development
AS_OF = dt.date(2026, 6, 1)


def problems(values, full=frozenset({1, 2}), settings=None, as_of=AS_OF):
    # Anyone admitted needs two introducers (step 9), an activist a 培养联系人 (step 5) and,
    # until admitted, a 考察 in the last half-year (step 6): given unless a test is about them.
    base = {"introducers": [1, 2]} if "admission_date" in values else {}
    if "activist_date" in values:
        base["contacts"] = [1]
        base["last_review_date"] = (as_of - dt.timedelta(days=40)).isoformat()
    person = Person(9, "李明", {"name": "李明", **base, **values})
    return [(p.severity, p.step, p.why) for p in problems_of(PLAN, person, full,
                                                               settings or {}, as_of)]


def severities(values, **kw):
    return [(s, n) for s, n, _w in problems(values, **kw)]


def test_the_pack_declares_the_25_steps_in_five_stages():
    assert len(PLAN.steps) == 25 and PLAN.record_type == "development"
    assert list(dict.fromkeys(s.stage for s in PLAN.steps)) == [
        "入党申请", "入党积极分子", "发展对象", "接收预备党员", "转正"]
    assert PLAN.step(15).label == "支部大会讨论" and PLAN.step(15).field == "admission_date"


@pytest.mark.parametrize("birth, applied, expected", [
    ("2000-05-10", "2018-05-09", [("alert", 1)]),     # one day short of 18
    ("2000-05-10", "2018-05-10", []),                 # the 18th birthday
    ("2000-05", "2018-05-15", [("info", 1)]),         # born in May 2000: cannot tell
    ("2000-05", "2018-06-01", []),
])
def test_age_at_application(birth, applied, expected):
    assert severities({"birth_date": birth, "application_date": applied,
                       "talk_date": applied}) == expected


@pytest.mark.parametrize("talk, expected", [
    ("2025-02-28", []),                 # 31 January + 1 month = 28 February
    ("2025-03-01", [("warn", 2)]),
])
def test_talk_within_a_month(talk, expected):
    assert severities({"application_date": "2025-01-31", "talk_date": talk}) == expected


def test_a_month_only_talk_is_settled_when_the_month_is_certain_and_said_when_not():
    # Any day of February 2025 is within a month of 31 January; not of 20 January.
    assert severities({"application_date": "2025-01-31", "talk_date": "2025-02"}) == []
    assert severities({"application_date": "2025-01-20", "talk_date": "2025-02"}) == [("info", 2)]


def test_the_why_names_the_person_both_steps_both_dates_and_the_rule():
    (_s, _n, why), = problems({"application_date": "2025-01-31", "talk_date": "2025-03-01"})
    assert why.startswith("李明：第 2 步“党组织派人谈话”（2025年3月1日）与第 1 步“递交入党申请书”"
                          "（2025年1月31日）相隔超过 1 个月")
    assert "一个月内派人同入党申请人谈话" in why
    (_s, _n, why), = problems({"application_date": "2025-01-20", "talk_date": "2025-02"})
    assert "日期只记到月，无法确定" in why


@pytest.mark.parametrize("target, expected", [("2025-03-01", []), ("2025-02-28", [("warn", 7)])])
def test_a_year_as_activist_before_becoming_a_target(target, expected):
    assert severities({"activist_date": "2024-03-01", "target_date": target}) == expected


@pytest.mark.parametrize("approval, expected", [
    ("2025-04-15", []), ("2025-04-16", [("warn", 17)]), ("2025-07-15", [("warn", 17)]),
    ("2025-07-16", [("alert", 17)]),
])
def test_approval_within_three_months_at_most_six(approval, expected):
    assert severities({"admission_date": "2025-01-15", "approval_date": approval,
                       "probation_end": "2026-01-15", "confirm_meeting_date": "2026-01-20"}
                      ) == expected


@pytest.mark.parametrize("end, extension, expected", [
    ("2026-06-30", None, []), ("2026-07-30", None, [("warn", 21)]),
    ("2026-12-30", 6, []), ("2026-06-30", 6, [("warn", 21)]),
])
def test_probation_is_a_year_from_the_branch_assembly_plus_an_extension(end, extension, expected):
    values = {"admission_date": "2025-06-30", "probation_end": end, "approval_date": "2025-08-01",
              "confirm_meeting_date": "2027-01-05"}
    if extension:
        values["extension_months"] = extension
    assert severities(values) == expected


@pytest.mark.parametrize("end, hours, expected", [
    ("2025-03-02", None, [("warn", 11)]), ("2025-03-02", 24, []), ("2025-03-03", None, []),
    ("2025-03-02", 23, [("warn", 11)]),
])
def test_training_three_days_or_24_hours(end, hours, expected):
    values = {"training_start": "2025-03-01", "training_end": end}
    if hours is not None:
        values["training_hours"] = hours
    assert severities(values) == expected


@pytest.mark.parametrize("introducers, expected", [([1, 2], []), ([1], [("warn", 9)]),
                                                   ([1, 3], [("warn", 9)])])
def test_two_introducers_who_are_full_members(introducers, expected):
    values = {"introducers": introducers, "admission_date": "2025-06-30",
              "probation_end": "2026-06-30", "approval_date": "2025-08-01"}
    assert severities(values, as_of=dt.date(2025, 9, 1)) == expected


@pytest.mark.parametrize("review, setting, expected", [
    ("2024-01-10", None, []), ("2024-01-09", None, [("warn", 15)]),
    ("2024-01-09", {"political_review_valid_months": 18}, []),
])
def test_political_review_valid_a_year_a_setting(review, setting, expected):
    values = {"political_review_date": review, "admission_date": "2025-01-10",
              "probation_end": "2026-01-10", "approval_date": "2025-02-01",
              "confirm_meeting_date": "2026-01-20"}
    assert severities(values, settings=setting, as_of=dt.date(2025, 3, 1)) == expected


@pytest.mark.parametrize("as_of, expected", [
    (dt.date(2025, 11, 29), []), (dt.date(2025, 11, 30), [("info", 2)]),
    (dt.date(2025, 12, 10), [("info", 2)]), (dt.date(2025, 12, 11), [("warn", 2)]),
])
def test_a_talk_due_soon_then_overdue(as_of, expected):
    assert severities({"application_date": "2025-11-10"}, as_of=as_of) == expected


def test_a_step_before_an_earlier_stage_is_out_of_order():
    found = problems({"target_date": "2025-05-01", "admission_date": "2025-04-01",
                      "probation_end": "2026-04-01", "approval_date": "2025-05-02"},
                     as_of=dt.date(2025, 6, 1))
    assert [(s, n) for s, n, _w in found] == [("warn", 15)]
    assert "早于上一阶段的第 7 步“确定发展对象”（2025年5月1日）" in found[0][2]


def test_timeline_and_findings_of_the_year():
    person = Person(9, "李明", {"name": "李明", "application_date": "2025-01-31",
                                 "talk_date": "2025-03-01", "introducers": [1, 2]})
    steps = timeline(PLAN, person, frozenset({1, 2}), {}, AS_OF,
                     member_name=lambda i: {1: "甲", 2: "乙"}[i])
    assert len(steps) == 25 and steps[0].shown == "2025年1月31日" and steps[0].done
    assert steps[1].notes and steps[1].notes[0][0] == "warn"
    assert steps[8].shown == "甲、乙" and not steps[2].done
    found = development_findings(PLAN, [person], frozenset({1, 2}), {}, 2025, AS_OF, "team")
    assert [(f.rule, f.severity, f.subject.id) for f in found] == [
        ("development.within", "warn", 9)]
    assert development_findings(PLAN, [person], frozenset({1, 2}), {}, 2026, AS_OF, "team") == []

"""民主评议 (RULES.md §6) with 预备党员: they take part without a grade, the one-third line
for 优秀 counts the 正式党员 only, and who was a 预备党员 is read from the roster's 人员类别
and 转正日期 on the day the year is judged (its last day, or the day asked while it runs).
Expected values are written by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from ledger_app.rules.facts import Member
from ledger_app.rules.membership import probationary_on
from ledger_app.rules.transfers_evaluations import Evaluation, evaluation_findings, tally

D = dt.date


def full(i, name, confirmed=None, **kw):
    return Member(i, name, full=True, joined="2000-01-01", confirmed=confirmed, **kw)


def probationary(i, name, joined="2025-03-01"):
    return Member(i, name, full=False, joined=joined)


@pytest.mark.parametrize("member, day, expected", [
    (probationary(1, "甲"), D(2025, 12, 31), True),
    (full(1, "甲"), D(2025, 12, 31), False),
    (full(1, "甲", "2026-01-01"), D(2025, 12, 31), True),     # confirmed the next day
    (full(1, "甲", "2025-12-31"), D(2025, 12, 31), False),    # confirmed that very day
    (full(1, "甲", "2026-01"), D(2025, 12, 31), True),        # a month certainly after
    (full(1, "甲", "2025-12"), D(2025, 12, 31), False),       # the day's month: counted 正式
    (full(1, "甲", "2025-12"), D(2025, 11, 30), True),
    (Member(1, "甲", full=None, joined="2000-01-01"), D(2025, 12, 31), False),  # no 人员类别
])
def test_who_is_a_probationary_member_on_a_day(member, day, expected):
    assert probationary_on(member, day) is expected


@pytest.mark.parametrize("grades, graded, excellent, most, too_many", [
    ([("优秀", True), ("合格", False), ("合格", False)], 3, 1, 1, False),
    ([("优秀", True), ("优秀", True), ("合格", False), ("合格", False), ("合格", False)],
     5, 2, 1, True),
    ([("优秀", True), ("", False), ("合格", False)], 2, 1, 0, True),   # blank not counted
    ([], 0, 0, 0, False),
])
def test_tally_counts_what_it_is_given(grades, graded, excellent, most, too_many):
    t = tally(grades)
    assert (t.graded, t.excellent, t.most_excellent, t.too_many) == (graded, excellent, most,
                                                                     too_many)


@pytest.mark.parametrize("grades, taking_part, most, too_many", [
    ([("优秀", True)], 4, 1, False),                        # the first 优秀 typed of 4
    ([("优秀", True), ("优秀", True)], 4, 1, True),          # 2 of 4
    ([("优秀", True), ("优秀", True)], 6, 2, False),         # 2 of 6: exactly a third
    ([("优秀", True), ("优秀", True), ("优秀", True)], 6, 2, True),
    ([], 5, 1, False),
])
def test_the_batch_table_counts_a_third_of_everyone_in_it(grades, taking_part, most, too_many):
    t = tally(grades, taking_part=taking_part)
    assert (t.most_excellent, t.too_many) == (most, too_many)


def rules(found):
    return [f.rule for f in found]


def test_the_third_is_of_the_full_members_only():
    # 5 正式党员 (2 优秀, 3 合格) and a 预备党员 graded 合格 by mistake: counting everyone
    # graded gives 2 of 6 (a third); of the 正式党员 it is 2 of 5, more than a third.
    roster = tuple(full(i, f"党员{i}") for i in range(1, 6)) + (probationary(6, "新人"),)
    evaluations = [Evaluation(101, 1, "优秀", True), Evaluation(102, 2, "优秀", True)]
    evaluations += [Evaluation(100 + i, i, "合格", False) for i in range(3, 7)]
    found = evaluation_findings(evaluations, roster, 2025, D(2026, 1, 5), "activities")
    assert rules(found) == ["evaluations.too_many_excellent", "evaluations.probationary_graded"]
    assert found[0].why.startswith(
        "2025年度民主评议评为优秀 2 人，评定等次的正式党员 5 人，超过三分之一（最多 1 人；"
        "人员类别按2025年12月31日，预备党员不计入）。依据：《中国共产党支部工作条例（试行）》")
    assert found[0].records == (101, 102)
    assert found[1].why.startswith("新人（合格）在2025年12月31日是预备党员，2025年度民主评议却评定了等次。"
                                   "依据：预备党员参加民主评议，但不评定等次")
    assert found[1].records == (106,)


def test_a_probationary_member_graded_excellent_is_not_one_of_the_third():
    # 3 正式党员 (1 优秀) and a 预备党员 graded 优秀: 1 of 3 is a third (counting all: 2 of 4).
    roster = (full(1, "甲"), full(2, "乙"), full(3, "丙"), probationary(4, "丁"))
    evaluations = [Evaluation(11, 1, "优秀", True), Evaluation(12, 2, "合格", False),
                   Evaluation(13, 3, "合格", False), Evaluation(14, 4, "优秀", True)]
    found = evaluation_findings(evaluations, roster, 2025, D(2026, 1, 5), "activities")
    assert rules(found) == ["evaluations.probationary_graded"]
    assert "丁（优秀）在2025年12月31日是预备党员" in found[0].why


def test_probationary_members_need_no_grade_and_full_ones_do():
    # 新人 (预备党员) with a record without a grade and 老王 (预备党员) with none at all: no
    # finding for them; 甲's record has no grade: a 正式党员 not yet graded.
    roster = (full(1, "甲"), full(2, "乙"), full(3, "丙"), probationary(4, "新人"),
              probationary(5, "老王"))
    evaluations = [Evaluation(11, 1, "", False), Evaluation(12, 2, "合格", False),
                   Evaluation(13, 3, "合格", False), Evaluation(14, 4, "", False)]
    (missing,) = evaluation_findings(evaluations, roster, 2025, D(2026, 1, 5), "activities")
    assert missing.rule == "evaluations.missing"
    assert missing.why == (
        "2025年度民主评议已有 2 人评定等次，甲还没有评定等次（2025年12月31日在册的正式党员都应参加评议并"
        "评定等次，每人一条评议结果；《中国共产党支部工作条例（试行）》：党支部一般每年开展 1 次民主评议党员；"
        "预备党员参加评议但不评定等次）")


@pytest.mark.parametrize("confirmed, grade, expected", [
    # 转正 on the year's last day: a 正式党员 that day, who needs a grade …
    ("2025-12-31", "", ["evaluations.missing"]),
    ("2025-12-31", "合格", []),
    # … the day after: still a 预备党员 on 31 December, who takes part without one.
    ("2026-01-01", "", []),
    ("2026-01-01", "合格", ["evaluations.probationary_graded"]),
])
def test_confirmed_on_the_last_day_of_the_year_or_the_next(confirmed, grade, expected):
    roster = (full(1, "甲"), full(2, "乙", confirmed, ))
    evaluations = [Evaluation(11, 1, "合格", False), Evaluation(12, 2, grade, False)]
    found = evaluation_findings(evaluations, roster, 2025, D(2026, 3, 1), "activities")
    assert rules(found) == expected


def test_while_the_year_runs_the_day_asked_decides():
    # 乙 confirmed on 1 July 2025: asked on 30 June a 预备党员 (graded: a finding), asked on
    # 1 July a 正式党员 (graded: fine).
    roster = (full(1, "甲"), full(2, "乙", "2025-07-01"))
    evaluations = [Evaluation(11, 1, "合格", False), Evaluation(12, 2, "合格", False)]
    june = evaluation_findings(evaluations, roster, 2025, D(2025, 6, 30), "activities")
    july = evaluation_findings(evaluations, roster, 2025, D(2025, 7, 1), "activities")
    assert rules(june) == ["evaluations.probationary_graded"]
    assert "乙（合格）在2025年6月30日是预备党员" in june[0].why
    assert july == []


def test_a_real_ledger_reads_the_roster_confirmation_and_check_follows_its_changes(
        tmp_path, capsys):
    import json

    from ledger_app.cli.main import main
    from ledger_app.rules.check import check_ledger
    from ledger_app.store import Ledger

    path = tmp_path / "b.ledger"
    assert main(["new", str(path), "--name", "测试支部"]) == 0
    with Ledger.open(path) as ledger:
        ids = [ledger.records.insert("roster", {
            "name": name, "gender": "男", "birth_date": "1980-01-01", "member_class": "正式党员",
            "status": "在册", "joined_date": "2000-07-01", "confirmed_date": confirmed})
            for name, confirmed in (("甲", "2001-07-01"), ("乙", "2001-07-01"),
                                    ("丙", "2026-01-05"))]
        graded = [ledger.records.insert("evaluation", {"for_year": 2025, "member": i,
                                                       "grade": "合格"}) for i in ids]
        # 丙 became a 正式党员 on 5 January 2026: a 预备党员 on 31 December 2025, graded.
        found = check_ledger(ledger, 2025, D(2026, 2, 1)).findings
        assert [(f.rule, f.records) for f in found if f.rule.startswith("evaluations.")] == [
            ("evaluations.probationary_graded", (graded[2],))]
        # The same open ledger after a change: the kept facts are dropped, not reused.
        ledger.records.update(ids[2], {"confirmed_date": "2025-12-31"})
        found = check_ledger(ledger, 2025, D(2026, 2, 1)).findings
        assert [f.rule for f in found if f.rule.startswith("evaluations.")] == []
        ledger.records.update(graded[2], {"grade": None})
        found = check_ledger(ledger, 2025, D(2026, 2, 1)).findings
        assert [f.rule for f in found if f.rule.startswith("evaluations.")] == [
            "evaluations.missing"]
    capsys.readouterr()
    assert main(["check", str(path), "--year", "2025", "--as-of", "2026-02-01", "--json"]) == 1
    rules = [f["rule"] for f in json.loads(capsys.readouterr().out)]
    assert "evaluations.missing" in rules

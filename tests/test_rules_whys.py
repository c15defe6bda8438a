"""Every kind of finding says *why* with its dates and its source (RULES.md, first lines):
a date or period, and the rule's source document in 《》 — or, for a [local] default, that
it is local practice the ledger's settings may change.

Each pack's real cadence, checklists, 换届 rule and development steps are used, on hand-made
facts built so that every rule reports at least once."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from ledger_app.forms.loader import builtin_pack
from ledger_app.rules.check import evaluate
from ledger_app.rules.development import Person
from ledger_app.rules.dues import DuesMember
from ledger_app.rules.facts import (
    ChecklistEntry,
    DuesFacts,
    LedgerFacts,
    Member,
    OrgFacts,
    Post,
)
from ledger_app.rules.gather import pack_facts as facts_of_pack
from ledger_app.rules.transfers_evaluations import Evaluation, Transfer

D = dt.date
DATE = re.compile(r"\d{4}年")                     # 2025年, 2025年3月, 2025年第一季度 …
SOURCE = re.compile(r"《[^》]+》")
LOCAL = ("本地", "组织设置")                      # a [local] default names where it is set
# Two findings are about the ledger's own records, not a rule of any text: two records
# where the declaration allows one, and values an import left to check. They say so.
BOOKKEEPING = {"duplicate", "pending"}
OWN_RULE = "本台账的记录规则"


def has_source(rule: str, why: str) -> bool:
    if rule.rsplit(".", 1)[-1] in BOOKKEEPING:
        return OWN_RULE in why
    return bool(SOURCE.search(why)) or any(word in why for word in LOCAL)


def pack_facts(name: str, year: int = 2025, term_start: str = "2021-06-01",
               term_years: int = 5) -> LedgerFacts:
    """A ledger of ``name``'s pack in which every rule has something to say."""
    pack = builtin_pack(name)
    members = (Member(1, "张伟", "第一党小组", True, "2000-07-01"),
               Member(2, "李娜", "第一党小组", True, "2001-07-01"),
               Member(3, "王芳", "第一党小组", True, "2002-07-01"),
               Member(4, "赵强", "第二党小组", True, "2003-07-01",
                      missing=("出生日期",)),
               Member(5, "刘洋", "第二党小组", False, "2025-03-15"))
    posts = (Post(10, 1, "张伟", "书记", True, "2021-06-01"),
             Post(11, 2, "李娜", "组织委员", False, "2021-06-01"),
             Post(12, 3, "王芳", "宣传委员", False, "2021-06-01"))
    entries = {}
    for checklist in pack.checklists:
        first, second = checklist.items[0].label, checklist.items[1].label
        entries[checklist.key] = (ChecklistEntry(100, year, first, True, evidence=0),
                                  ChecklistEntry(101, year, second, False))
    dues = DuesFacts("dues", (DuesMember(1, "张伟", base=400_000, joined="2000-07-01"),
                              DuesMember(2, "李娜", base=400_000, joined="2001-07-01")),
                     {1: frozenset(f"{year}-{m:02d}" for m in (1, 2, 3, 7, 8, 9, 10, 11, 12)),
                      2: frozenset(f"{year}-{m:02d}" for m in (1, 8, 9, 10, 11, 12))},
                     (f"{year - 1}-01", f"{year}-12"), (f"{year}-01", f"{year}-12"))
    development = (
        # under 18, talk late, a year as activist not reached, review expired, short
        # training, one introducer, a wrong probation end, approval overdue, out of order
        Person(30, "孙悦", {"name": "孙悦", "birth_date": "2007-05-10",
                            "application_date": f"{year}-01-10", "talk_date": f"{year}-03-01",
                            "activist_date": f"{year}-03-10", "target_date": f"{year}-02-01",
                            "political_review_date": f"{year - 2}-01-10",
                            "training_start": f"{year}-04-01", "training_end": f"{year}-04-02",
                            "introducers": [1], "admission_date": f"{year}-05-10",
                            "probation_end": f"{year}-12-10"}),
        Person(31, "周洁", {"name": "周洁", "application_date": f"{year}-05-01"}),
        # an activist without a 考察 in half a year; 预备期 extended by 18 months; a
        # transferred-in 预备党员 whose 转正 was discussed more than 6 months late
        Person(32, "钱多", {"name": "钱多", "application_date": f"{year - 1}-01-05",
                            "activist_date": f"{year}-01-05", "contacts": [1]}),
        Person(33, "吴青", {"name": "吴青", "admission_date": f"{year - 1}-05-10",
                            "introducers": [1, 2], "extension_months": 18,
                            "probation_end": f"{year}-11-10"}),
        Person(34, "郑和", {"name": "郑和", "admission_date": f"{year - 2}-03-01",
                            "introducers": [1, 2], "probation_end": f"{year - 1}-03-01",
                            "transferred_in_date": f"{year - 1}-01-10",
                            "confirm_meeting_date": f"{year}-01-15"}),
    ) if pack.development else ()
    return LedgerFacts(
        year=year,
        org=OrgFacts(name="测试", term_start=term_start, term_years=term_years,
                     groups=("第一党小组", "第二党小组"), term_label=pack.term_label,
                     term_source=pack.term_source or OrgFacts.term_source),
        requirements=pack.cadence, members=members, meetings=(),
        posts=posts, talks=(), typed={},
        checklist_entries=entries,
        dues=dues if pack.type_for("dues") else None,
        duplicates=((pack.member_type, (40, 41), "张伟"),),
        pending=((pack.member_type, (1, 2), ("出生日期", "性别")),),
        development=development,
        # The packs without 转入转出 or 民主评议 records (关工委, 工会) have none to read.
        transfers=(Transfer(50, "李军", True, D(year, 11, 10), "测组转〔2025〕2号"),)
        if pack.type_for("transfers") else (),
        evaluations=(Evaluation(60, 1, "优秀", True), Evaluation(61, 2, "优秀", True),
                     Evaluation(62, 3, "合格", False),
                     # 刘洋 is a 预备党员: takes part without a grade
                     Evaluation(63, 5, "合格", False)) if pack.type_for("evaluations") else (),
        **facts_of_pack(pack))


def findings(name: str, as_of: dt.date, **kw):
    f = pack_facts(name, **kw)
    pack = builtin_pack(name)
    meetings = pack.type_for("meetings")
    elections = pack.type_for("elections")
    return evaluate(f, as_of, meetings_type=meetings.key if meetings else "",
                    people_type=pack.member_type,
                    election_type=elections.key if elections else None).findings


def kinds(found) -> set[str]:
    return {f.rule for f in found}


PARTY_KINDS = {
    "cadence.branch_assembly", "cadence.committee_meeting", "cadence.group_meeting",
    "cadence.party_lecture", "cadence.theme_day", "cadence.life_meeting",
    "cadence.member_review", "cadence.heart_talks.committee", "cadence.heart_talks.members",
    "checklist.six_haves.no_evidence", "checklist.six_haves.not_met",
    "checklist.six_haves.unassessed", "checklist.wuyou.no_evidence", "checklist.wuyou.not_met",
    "checklist.wuyou.unassessed", "records.work_plan.missing", "records.work_summary.missing",
    "records.study_plan.missing", "org.term_due", "members.missing_facts", "dues.arrears",
    "dues.arrears_alert", "records.roster.duplicate", "records.roster.pending",
    "development.min_age", "development.within", "development.at_least",
    "development.valid_until", "development.training", "development.people",
    "development.probation", "development.due", "development.order", "development.every",
    "development.extension", "development.delayed",
    "transfers.receipt_missing", "evaluations.too_many_excellent", "evaluations.missing",
    "evaluations.probationary_graded",
}


def test_the_party_branch_ledger_reports_every_kind_of_finding():
    # Reminders (a step due, a period running) belong to the year of ``as_of``: ask twice.
    found = (findings("party_branch", D(2026, 1, 5), term_start="2021-03-01")
             + findings("party_branch", D(2025, 6, 15)))
    assert kinds(found) >= PARTY_KINDS, sorted(PARTY_KINDS - kinds(found))
    overdue = findings("party_branch", D(2026, 1, 5), term_start="2020-12-01")
    assert "org.term_overdue" in kinds(overdue)


@pytest.mark.parametrize("name, as_of, extra", [
    ("party_branch", D(2026, 1, 5), {"term_start": "2021-03-01"}),    # the year over
    ("party_branch", D(2026, 1, 5), {"term_start": "2020-12-01"}),    # 换届 overdue
    ("party_branch", D(2025, 6, 15), {}),                              # periods still running
    ("ggw", D(2026, 1, 5), {"term_start": "2021-03-01"}),
    ("ggw", D(2025, 6, 15), {}),
    ("union", D(2026, 1, 5), {"term_start": "2021-03-01"}),
    ("union", D(2025, 6, 15), {}),
])
def test_every_why_names_a_date_or_period_and_its_source(name, as_of, extra):
    found = findings(name, as_of, **extra)
    assert found
    no_date = [(f.rule, f.why) for f in found if not DATE.search(f.why)]
    no_source = [(f.rule, f.why) for f in found if not has_source(f.rule, f.why)]
    assert no_date == []
    assert no_source == []


def test_the_national_rules_name_their_documents():
    """Where a rule comes from a national text, its why names that text (not just 本地)."""
    found = findings("party_branch", D(2026, 1, 5), term_start="2021-03-01")
    by_rule: dict[str, str] = {}
    for f in found:
        by_rule.setdefault(f.rule, f.why)
    expected = {
        "cadence.branch_assembly": "《中国共产党支部工作条例（试行）》第十一条",
        "cadence.committee_meeting": "《中国共产党支部工作条例（试行）》第十二条",
        "cadence.group_meeting": "《中国共产党支部工作条例（试行）》第十三条",
        "cadence.theme_day": "《中国共产党支部工作条例（试行）》",
        "cadence.life_meeting": "《中国共产党支部工作条例（试行）》",
        "cadence.member_review": "《中国共产党支部工作条例（试行）》",
        "cadence.heart_talks.committee": "《中国共产党支部工作条例（试行）》",
        "org.term_due": "《关于党的基层组织任期的意见》",
        "dues.arrears": "《中国共产党章程》第九条",
        "dues.arrears_alert": "《中国共产党章程》第九条",
        "development.within": "《中国共产党发展党员工作细则》",
        "development.order": "《中国共产党发展党员工作细则》",
        "development.min_age": "《中国共产党章程》",
        "development.probation": "《中国共产党章程》",
        "development.extension": "《中国共产党发展党员工作细则》",
        "development.delayed": "《中国共产党发展党员工作细则》",
        "transfers.receipt_missing": "《中国共产党党员组织关系介绍信》",
        "evaluations.too_many_excellent": "《中国共产党支部工作条例（试行）》",
        "evaluations.missing": "《中国共产党支部工作条例（试行）》",
        "evaluations.probationary_graded": "《民主评议党员应知应会问答》",
    }
    wrong = {rule: by_rule.get(rule) for rule, text in expected.items()
             if text not in (by_rule.get(rule) or "")}
    assert wrong == {}


def test_the_months_not_owed_say_why_with_the_date_and_the_rule():
    from ledger_app.rules.dues import due_for

    before = due_for(DuesMember(1, "赵敏", base=400_000, joined="2025-06-20"), "2025-05")
    assert before.why == ("2025年6月20日入党（支部大会接收），此前不交党费（《关于中国共产党党费收缴、"
                          "使用和管理的规定》：预备党员从支部大会通过其为预备党员之日起交纳党费）")
    owed = due_for(DuesMember(1, "赵敏", base=400_000, joined="2025-06-20"), "2025-06")
    assert owed.why == ("在职党员月基数 4000.00 元，按 1% 交纳，取整到分（《关于中国共产党党费收缴、"
                        "使用和管理的规定》）；基数取自名册中的党费计算基数")
    lettered = DuesMember(2, "钱进", base=300_000, joined="2010-07-01", arrived="2025-05-10",
                          paid_to="2025-05")
    assert due_for(lettered, "2025-05").why == "转入时介绍信写明党费已交到2025年5月（交原支部）"

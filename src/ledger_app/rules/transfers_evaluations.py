"""Two yearly checks on the 基本队伍 records (RULES.md §6), as findings with their why:

- 转入转出: the 回执 of a 转出 should come back within a month; while it is missing after
  that, a finding names the member, the date and the letter's number;
- 民主评议: 预备党员 take part without a grade; 优秀 generally at most one third of the
  正式党员 graded; every 正式党员 in the branch at the end of the year graded once the
  year's evaluation has begun. Who was a 预备党员 then comes from the roster's 人员类别 and
  转正日期 (``membership.probationary_on``); the batch table (``ui.evaluation_grid``)
  counts with the same ``tally``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ledger_app.forms import dates
from ledger_app.forms.dates import add_months
from ledger_app.rules.facts import Member
from ledger_app.rules.findings import Finding, Subject
from ledger_app.rules.membership import members_on, probationary_on
from ledger_app.rules.periods import whole_year

RECEIPT_MONTHS = 1
# 《中国共产党支部工作条例（试行）》: 民主评议党员 once a year. The grades' rule (预备党员
# take part without a grade; 优秀 at most a third of the 正式党员) is the 中组部's
# requirement as the organisation departments' Q&A quotes it (“党员总数”指组织关系在本党组织
# 的正式党员，不包含预备党员); RULES.md §6 has the one third without its source.
EVALUATION_YEARLY = "《中国共产党支部工作条例（试行）》：党支部一般每年开展 1 次民主评议党员"
GRADES_RULE = ("预备党员参加民主评议，但不评定等次；评定为“优秀”的一般不超过正式党员总数的三分之一"
               "（民主评议党员的要求，见中组部共产党员网《民主评议党员》专题、"
               "甘肃党建《民主评议党员应知应会问答》）")
EVALUATION_SOURCE = f"{EVALUATION_YEARLY}；{GRADES_RULE}"
# The 介绍信's own note (中组部 组通字〔2006〕45号 式样): the receiving 基层党委 sends the
# 回执联 back within a month of receiving the member.
RECEIPT_SOURCE = ("《中国共产党党员组织关系介绍信》回执联：由接收党员组织关系的基层党委在接收党员后"
                  "一个月内寄回")


@dataclass(frozen=True)
class Transfer:
    id: int
    name: str
    outgoing: bool
    day: dt.date | None
    letter_no: str = ""
    receipt_back: bool = False          # 回执已退回 ticked, or a 回执日期 recorded


@dataclass(frozen=True)
class Evaluation:
    id: int
    member: int | None
    grade: str
    excellent: bool


def receipt_findings(transfers: list[Transfer], year: int, as_of: dt.date,
                     category: str) -> list[Finding]:
    out = []
    for t in transfers:
        if not t.outgoing or t.receipt_back or t.day is None:
            continue
        due = add_months(t.day, RECEIPT_MONTHS)
        if as_of <= due or not (t.day.year == year or as_of.year == year):
            continue
        letter = f"（介绍信 {t.letter_no}）" if t.letter_no else ""
        out.append(Finding(
            "transfers.receipt_missing", "warn", category, whole_year(year),
            Subject("person", t.name, t.id),
            f"{t.name}于{dates.chinese(t.day.isoformat())}转出{letter}，回执至今未退回"
            f"（应在 {dates.chinese(due.isoformat())}前退回，已过 {(as_of - due).days} 天）。"
            f"回执一般应在一个月内退回（{RECEIPT_SOURCE}），请与接收党组织联系",
            records=(t.id,)))
    return out


@dataclass(frozen=True)
class Tally:
    """The grades the one-third line counts: those of 正式党员 only."""
    graded: int                    # 正式党员 with a grade
    excellent: int                 # of them, 优秀
    taking_part: int               # 正式党员 the line is a third of

    @property
    def most_excellent(self) -> int:
        return self.taking_part // 3

    @property
    def too_many(self) -> bool:
        return 3 * self.excellent > self.taking_part


def tally(grades: Iterable[tuple[str, bool]], taking_part: int | None = None) -> Tally:
    """``grades``: (grade, is 优秀) of each 正式党员's record; a blank grade is not counted.

    The line is a third of those graded — unless ``taking_part`` says how many 正式党员
    the round has before all are graded (the batch table while it is being filled): then
    the line stays where it will be, instead of a first 优秀 typed reading as 1 of 1."""
    graded = excellent = 0
    for grade, is_excellent in grades:
        if grade:
            graded += 1
            excellent += bool(is_excellent)
    return Tally(graded, excellent, graded if taking_part is None else taking_part)


def evaluation_day(year: int, as_of: dt.date) -> dt.date:
    """The day whose roster the year's evaluation is judged by: the year's last day, or
    ``as_of`` while the year runs (the batch table's 评议日期 defaults to the same day)."""
    return min(dt.date(year, 12, 31), as_of)


def evaluation_findings(evaluations: list[Evaluation], members: tuple[Member, ...], year: int,
                        as_of: dt.date, category: str) -> list[Finding]:
    if not evaluations:
        return []
    out = []
    end = evaluation_day(year, as_of)
    day = dates.chinese(end.isoformat())
    by_id = {m.id: m for m in members}

    def probationary(e: Evaluation) -> bool:
        m = by_id.get(e.member) if e.member is not None else None
        return m is not None and probationary_on(m, end)

    counted = tally((e.grade, e.excellent) for e in evaluations if not probationary(e))
    subject = Subject("record_type", f"{year}年度民主评议", None)
    if counted.too_many:
        out.append(Finding(
            "evaluations.too_many_excellent", "warn", category, whole_year(year), subject,
            f"{year}年度民主评议评为优秀 {counted.excellent} 人，评定等次的正式党员 "
            f"{counted.graded} 人，超过三分之一（最多 {counted.most_excellent} 人；"
            f"人员类别按{day}，预备党员不计入）。依据：{EVALUATION_SOURCE}",
            records=tuple(e.id for e in evaluations if e.excellent and not probationary(e))))
    wrongly = [e for e in evaluations if e.grade and probationary(e)]
    if wrongly:
        said = "、".join(f"{by_id[e.member].name}（{e.grade}）" for e in wrongly
                        if e.member is not None)
        out.append(Finding(
            "evaluations.probationary_graded", "warn", category, whole_year(year), subject,
            f"{said}在{day}是预备党员，{year}年度民主评议却评定了等次。依据：{GRADES_RULE}",
            records=tuple(e.id for e in wrongly)))
    graded = {e.member for e in evaluations if e.grade}
    missing = [m for m in members_on(members, end)
               if m.id not in graded and not probationary_on(m, end)]
    if missing:
        names = "、".join(m.name for m in missing[:12]) + (
            f"等 {len(missing)} 人" if len(missing) > 12 else "")
        out.append(Finding(
            "evaluations.missing", "warn", category, whole_year(year), subject,
            f"{year}年度民主评议已有 {len(graded)} 人评定等次，{names}还没有评定等次"
            f"（{day}在册的正式党员都应参加评议并评定等次，每人一条评议结果；"
            f"{EVALUATION_YEARLY}；预备党员参加评议但不评定等次）"))
    return out

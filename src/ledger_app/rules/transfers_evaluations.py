"""Two yearly checks on the 基本队伍 records (RULES.md §6), as findings with their why:

- 转入转出: the 回执 of a 转出 should come back within a month; while it is missing after
  that, a finding names the member, the date and the letter's number;
- 民主评议: 优秀 generally at most one third of those evaluated, and every member in the
  branch at the end of the year evaluated once the year's evaluation has begun.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ledger_app.forms import dates
from ledger_app.forms.dates import add_months
from ledger_app.rules.facts import Member
from ledger_app.rules.findings import Finding, Subject
from ledger_app.rules.membership import members_on
from ledger_app.rules.periods import whole_year

RECEIPT_MONTHS = 1
# 《中国共产党支部工作条例（试行）》: 民主评议党员 once a year; the one-third line for 优秀
# is the 中组部's guidance on it (共产党员网), applied in practice everywhere.
EVALUATION_YEARLY = "《中国共产党支部工作条例（试行）》：党支部一般每年开展 1 次民主评议党员"
EVALUATION_SOURCE = (f"{EVALUATION_YEARLY}；评定为“优秀”的一般不超过参评党员的三分之一"
                     "（中组部共产党员网《民主评议党员》专题）")
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


def evaluation_findings(evaluations: list[Evaluation], members: tuple[Member, ...], year: int,
                        as_of: dt.date, category: str) -> list[Finding]:
    if not evaluations:
        return []
    out = []
    graded = [e for e in evaluations if e.grade]
    excellent = [e for e in graded if e.excellent]
    if graded and 3 * len(excellent) > len(graded):
        out.append(Finding(
            "evaluations.too_many_excellent", "warn", category, whole_year(year),
            Subject("record_type", f"{year}年度民主评议", None),
            f"{year}年度民主评议评为优秀 {len(excellent)} 人，参评 {len(graded)} 人，超过三分之一"
            f"（最多 {len(graded) // 3} 人）。依据：{EVALUATION_SOURCE}",
            records=tuple(e.id for e in excellent)))
    end = min(dt.date(year, 12, 31), as_of)
    done = {e.member for e in evaluations}
    missing = [m for m in members_on(members, end) if m.id not in done]
    if missing:
        names = "、".join(m.name for m in missing[:12]) + (
            f"等 {len(missing)} 人" if len(missing) > 12 else "")
        out.append(Finding(
            "evaluations.missing", "warn", category, whole_year(year),
            Subject("record_type", f"{year}年度民主评议", None),
            f"{year}年度民主评议已有 {len(done)} 人的结果，{names}还没有评议结果"
            f"（{dates.chinese(end.isoformat())}在册党员都应参加评议，每人一条评议结果；"
            f"{EVALUATION_YEARLY}）"))
    return out

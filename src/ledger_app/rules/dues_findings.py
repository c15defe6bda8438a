"""Dues arrears (RULES.md §3) and records that break a declared unique key, as findings.

Arrears: 3 months in a row unpaid is a reminder to act (warn, our choice); 6 months in a
row is the 自行脱党 line of 党章 第九条 (alert). Only months the ledger keeps dues for are
judged — from the first to the last month any dues record covers — and never the month
still running, so a ledger that starts recording dues today does not accuse everyone of
arrears for the years before.
"""

from __future__ import annotations

import calendar
import datetime as dt

from ledger_app.rules.dues import DuesMember, owed_months
from ledger_app.rules.facts import DuesFacts, LedgerFacts
from ledger_app.rules.findings import Finding, Period, Subject
from ledger_app.rules.periods import whole_year

WARN_MONTHS = 3
ALERT_MONTHS = 6
PARTY_RULE = ("《中国共产党章程》第九条：党员没有正当理由，连续六个月不交纳党费，就被认为是"
              "自行脱党")


def month_list(first: str, last: str) -> list[str]:
    out = []
    year, month = int(first[:4]), int(first[5:7])
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_text(month: str) -> str:
    return f"{int(month[:4])}年{int(month[5:7])}月"


def _last_closed_month(as_of: dt.date) -> str:
    first = as_of.replace(day=1) - dt.timedelta(days=1)
    return f"{first.year:04d}-{first.month:02d}"


def unpaid_runs(member: DuesMember, paid: frozenset[str], months: list[str]
                ) -> list[list[str]]:
    """Runs of owed months without a payment, in order."""
    owed = owed_months(member)
    low, high = owed.first or "", owed.last or "9999-99"
    runs: list[list[str]] = []
    current: list[str] = []
    for month in months:
        if low <= month <= high and month not in paid:
            current.append(month)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def arrears_findings(dues: DuesFacts | None, year: int, as_of: dt.date,
                     category: str = "") -> list[Finding]:
    if dues is None or dues.recorded is None:
        return []
    first = max(dues.window[0], dues.recorded[0])
    last = min(dues.window[1], dues.recorded[1], _last_closed_month(as_of))
    if first > last:
        return []
    months = month_list(first, last)
    year_start = f"{year}-01"
    out: list[Finding] = []
    for member in dues.members:
        owed = owed_months(member)
        if (owed.last is not None and owed.last < first) or (owed.first and owed.first > last):
            continue
        paid = dues.paid.get(member.id, frozenset())
        if (not owed.first or owed.first <= first) and paid.issuperset(months):
            continue   # paid every month judged: the common case, settled without a walk
        for run in unpaid_runs(member, paid, months):
            if len(run) < WARN_MONTHS or run[-1] < year_start:
                continue
            alert = len(run) >= ALERT_MONTHS
            start, end = run[0], run[-1]
            period = Period(dt.date(int(start[:4]), int(start[5:7]), 1),
                            dt.date(int(end[:4]), int(end[5:7]),
                                    calendar.monthrange(int(end[:4]), int(end[5:7]))[1]),
                            f"{month_text(start)}至{month_text(end)}")
            said = (f"{member.name}{month_text(start)}至{month_text(end)}连续 {len(run)} 个月"
                    "未交党费（党费收缴表中这些月份没有实交金额）")
            if alert:
                why = (f"{said}，已满 6 个月：{PARTY_RULE}。请支部核实是否有正当理由，"
                       "及时谈话并按规定处置")
            else:
                why = (f"{said}。连续 3 个月未交应提醒本人补交（补交一般不超过 6 个月）；"
                       f"{PARTY_RULE}")
            out.append(Finding("dues.arrears_alert" if alert else "dues.arrears", "alert"
                               if alert else "warn", category, period,
                               Subject("member", member.name, member.id), why))
    return out


def duplicate_findings(facts: LedgerFacts) -> list[Finding]:
    out = []
    for type_key, ids, described in facts.duplicates:
        label = facts.labels.get(type_key, type_key)
        numbers = "、".join(str(i) for i in ids)
        out.append(Finding(
            f"records.{type_key}.duplicate", "warn", facts.categories.get(type_key, ""),
            whole_year(facts.year), Subject("record_type", f"{label}：{described}", type_key),
            f"{facts.year}年{label}中有 {len(ids)} 条记录都是“{described}”（编号 {numbers}）：同一项"
            "只应有一条，请核对后把多余的移入回收站（程序不会自动删除）。依据：本台账的记录规则，"
            "记录类型声明了哪几项只能对应一条记录", records=ids))
    return out

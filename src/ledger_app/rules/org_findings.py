"""Findings about the branch itself and its paperwork: 换届 due, yearly documents missing,
members whose required facts are empty."""

from __future__ import annotations

import datetime as dt

from ledger_app.forms import dates
from ledger_app.rules import periods
from ledger_app.rules.facts import LedgerFacts
from ledger_app.rules.findings import Finding, Period, Subject, Suggestion
from ledger_app.rules.membership import members_on


def _day(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def term_findings(facts: LedgerFacts, as_of: dt.date, election_type: str | None,
                  category: str) -> list[Finding]:
    """换届 due: term start + length; warn ``term_warn_months`` before (RULES.md §1)."""
    org = facts.org
    start = dates.as_date(org.term_start)
    if start is None or not org.term_years:
        return []
    end = dates.add_months(start, 12 * org.term_years)
    warn_from = dates.add_months(end, -org.term_warn_months)
    period = Period(start, end, f"{start.year}—{end.year}届")
    subject = Subject("org", org.term_label, "term")
    suggestion = Suggestion(election_type, {}) if election_type else None
    said = f"本届自 {_day(start)} 起，任期 {org.term_years} 年，应于 {_day(end)} 换届"
    if as_of >= end:
        return [Finding("org.term_overdue", "alert", category, period, subject,
                        f"{said}，至今已超期 {(as_of - end).days} 天（{org.term_source}；"
                        "推迟换届须经上级批准，一般不超过 1 年）",
                        suggestion=suggestion)]
    if as_of >= warn_from:
        months = (end.year - as_of.year) * 12 + end.month - as_of.month
        return [Finding("org.term_due", "warn", category, period, subject,
                        f"{said}，还有约 {max(months, 0)} 个月，请准备换届请示（{org.term_source}；"
                        f"提前 {org.term_warn_months} 个月提醒，可在组织设置中修改）",
                        suggestion=suggestion)]
    return []


def yearly_record_findings(facts: LedgerFacts, as_of: dt.date) -> list[Finding]:
    """Record types every year's ledger holds (工作计划, 工作总结, 学习计划) with none this year."""
    year = periods.whole_year(facts.year)
    state = periods.state(year, as_of)
    if state == "future":
        return []
    out = []
    for key, label, category in facts.expected_yearly:
        if facts.typed.get(key):
            continue
        severity = "warn" if state == "over" else "info"
        out.append(Finding(
            f"records.{key}.missing", severity, category, year, Subject("record_type", label, key),
            f"{year.label}还没有{label}（“{label}”是每年台账的必备内容，"
            f"属{facts.category_labels.get(category, '基本制度')}类：本地台账规范）",
            suggestion=Suggestion(key, {"date": facts.year})))
    return out


def member_fact_findings(facts: LedgerFacts, as_of: dt.date, people_type: str,
                         category: str) -> list[Finding]:
    """Members in the branch with required facts (declared required) left empty."""
    year = periods.whole_year(facts.year)
    day = min(year.end, as_of)
    why_joined = (f"，缺少{facts.joined_label}时无法判断其何时起应到会"
                  f"{'、应交党费' if facts.dues_kept else ''}" if facts.joined_label else "")
    out = []
    for m in members_on(facts.members, day):
        if not m.missing:
            continue
        out.append(Finding(
            "members.missing_facts", "warn", category, year, Subject("member", m.name, m.id),
            f"{facts.people_label}中{m.name}缺少：{'、'.join(m.missing)}（{_day(day)}在册；"
            f"《{facts.people_label}》必备项{why_joined}）",
            records=(m.id,), suggestion=None))
    return out

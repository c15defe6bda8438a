"""待核实: records an import could not fill with certainty, as a finding on the home page.

An imported roster often leaves fields that could not be stored without a guess (a
number cell 1985.1, 学历 "大学", a column the sheet lacked). They are blank and marked
with why (``store.pending``); until someone checks them the ledger is incomplete — an
inspector reading the 党员名册 would find 出生日期 or 人员类别 empty — so the home page
says how many records wait and opens them (issue 11).
"""

from __future__ import annotations

import datetime as dt

from ledger_app.rules.facts import LedgerFacts
from ledger_app.rules.findings import Finding, Subject
from ledger_app.rules.periods import whole_year


def pending_findings(facts: LedgerFacts, as_of: dt.date | None = None) -> list[Finding]:
    """``as_of``: the day the check runs, named in the why (the marks are not dated)."""
    out = []
    day = as_of or dt.date.today()
    said = f"（截至{day.year}年{day.month}月{day.day}日）"
    for type_key, ids, labels in facts.pending:
        label = facts.labels.get(type_key, type_key)
        fields = "、".join(labels[:6]) + ("等" if len(labels) > 6 else "")
        out.append(Finding(
            f"records.{type_key}.pending", "warn", facts.categories.get(type_key, ""),
            whole_year(facts.year), Subject("record_type", f"{label}：待核实", type_key),
            f"{label}中有 {len(ids)} 条记录的{fields}待核实{said}：导入时无法确定，留空未填，"
            "不作猜测（本台账的记录规则）。请逐条打开核对填写（表格上方勾选“只看待核实”可列出"
            "这些记录）",
            records=ids))
    return out

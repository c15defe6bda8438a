"""本月收缴: every member due in a month gets that month's dues record in one step, with
base, rate and 应交 from ``rules.dues`` and 实交 = 应交 unless asked otherwise; the
secretary then corrects the few exceptions. Members who already have the month's record
are skipped (the type's unique key), so running it twice creates nothing the second time.
The window's 本月收缴 button and ``ledger-app dues fill`` both call ``fill_month``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ledger_app.forms import dates
from ledger_app.rules.dues import DuesMember, due_for, rounding_of

if TYPE_CHECKING:
    from ledger_app.forms.model import RecordType
    from ledger_app.store import Ledger


@dataclass
class FillPlan:
    month: str
    rows: list[dict[str, Any]] = field(default_factory=list)   # to insert, by field key
    names: list[str] = field(default_factory=list)             # the rows' members
    existing: list[str] = field(default_factory=list)          # already have the record
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (name, why) no amount

    @property
    def skipped(self) -> int:
        return len(self.existing) + len(self.unknown)

    def summary(self, created: int | None = None) -> str:
        made = len(self.rows) if created is None else created
        text = f"{dates.chinese(self.month)}党费：新建 {made} 条，跳过 {self.skipped} 条"
        parts = []
        if self.existing:
            parts.append(f"已有记录 {len(self.existing)} 条")
        if self.unknown:
            parts.append(f"无法计算应交 {len(self.unknown)} 条："
                         + "；".join(f"{n}——{why}" for n, why in self.unknown))
        return text + (f"（{'；'.join(parts)}）" if parts else "")


def check_month(text: str) -> str:
    """YYYY-MM from what was typed, or a plain message."""
    from ledger_app.forms.values import parse_month

    month = parse_month(str(text or ""))
    if month is None:
        raise ValueError(f"月份“{text}”无法识别，请写成 YYYY-MM，如 2025-03")
    return month


def plan_fill(rt: RecordType, members: Sequence[DuesMember], month: str,
              existing: set[int], history: dict[int, dict[str, int]], rounding: Any,
              paid_date: str | None = None, unpaid: bool = False) -> FillPlan:
    """Which records 本月收缴 makes (pure: no ledger). ``existing``: members who already
    have the month's record."""
    plan = FillPlan(month)
    key = {role: rt.key_for(role) for role in ("person", "dues_base", "dues_rate", "dues_due",
                                               "dues_paid", "dues_paid_date")}
    for m in sorted(members, key=lambda m: m.id):
        owed = due_for(m, month, history.get(m.id), rounding)
        if not owed.owed:
            continue
        if m.id in existing:
            plan.existing.append(m.name)
            continue
        if owed.amount is None:
            plan.unknown.append((m.name, owed.why))
            continue
        values: dict[str, Any] = {rt.date_field: month}
        for role, value in (("person", m.id), ("dues_base", owed.base),
                            ("dues_rate", owed.rate), ("dues_due", owed.amount),
                            ("dues_paid", None if unpaid else owed.amount),
                            ("dues_paid_date", None if unpaid else paid_date)):
            field_key = key[role]
            if field_key:
                values[field_key] = value
        plan.rows.append(values)
        plan.names.append(m.name)
    return plan


def prepare_fill(ledger: Ledger, month: str, paid_date: str | None = None,
                 unpaid: bool = False) -> FillPlan:
    from ledger_app.rules.gather import read_dues_members
    from ledger_app.store import dues as store_dues
    from ledger_app.store.errors import LedgerError

    rt = store_dues.dues_type(ledger)
    if rt is None:
        raise LedgerError("这本台账没有党费收缴记录类型，无法收缴。")
    month = _checked(check_month, month)
    if paid_date:
        from ledger_app.forms.values import parse_date

        day = parse_date(paid_date)
        if day is None:
            raise LedgerError(f"交纳日期“{paid_date}”不是有效日期，请写成 YYYY-MM-DD。")
        paid_date = day
    members = read_dues_members(ledger)
    person = rt.key_for("person") or ""
    existing = {key[rt.unique.index(person)] for key in ledger.records.existing_keys(rt.key)
                if key[rt.unique.index(rt.date_field)] == month} \
        if person in rt.unique and rt.date_field in rt.unique else set()
    newer = [m.id for m in members if m.base_from and month < m.base_from]
    history = store_dues.base_history(ledger, newer)
    return plan_fill(rt, members, month, existing, history,
                     rounding_of(ledger.setting("dues_rounding")), paid_date, unpaid)


def fill_month(ledger: Ledger, month: str, paid_date: str | None = None,
               unpaid: bool = False) -> FillPlan:
    """Make the month's records in one transaction; returns the plan carried out."""
    plan = prepare_fill(ledger, month, paid_date, unpaid)
    if plan.rows:
        rt = ledger.pack.type_for("dues")
        assert rt is not None
        ledger.records.insert_many(rt.key, plan.rows)
    return plan


def _checked(check: Any, value: str) -> str:
    from ledger_app.store.errors import LedgerError

    try:
        return str(check(value))
    except ValueError as exc:
        raise LedgerError(str(exc)) from None

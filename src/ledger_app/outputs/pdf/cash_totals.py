"""The closing rows of a printed cash book (经费收支): 上年结转, 收入合计, 支出合计, 结余.

A type takes part when it declares the ``cash_direction`` and ``cash_amount`` roles; the
sums are ``rules.cash``'s. Rows are texts in the printed columns' order.
"""

from __future__ import annotations

from ledger_app.forms.model import Field, RecordType
from ledger_app.outputs.pdf.common import PrintContext


def applies(rt: RecordType) -> bool:
    return bool(rt.key_for("cash_direction") and rt.key_for("cash_amount"))


def closing_rows(ctx: PrintContext, rt: RecordType, fields: list[Field | None],
                 ids: list[int], first_day: str | None) -> list[list[str]]:
    """The totals of the entries ``ids`` printed; entries dated before ``first_day`` (the
    period's first day) make the balance brought forward."""
    from ledger_app.rules.cash import totals

    direction, amount = rt.key_for("cash_direction"), rt.key_for("cash_amount")
    assert direction and amount
    income_value = rt.value_for("cash_direction", "income")
    expense_value = rt.value_for("cash_direction", "expense")
    printed = set(ids)
    keys = [direction, amount, rt.date_field]
    entries = []
    for entry_id, v in ctx.ledger.records.fields_of(rt.key, [k for k in keys if k]):
        when = str(v.get(rt.date_field) or "") if rt.date_field else ""
        inside = entry_id in printed
        if not inside and not (first_day and when and when < first_day):
            continue           # after the period, or another period's entry
        d = v.get(direction)
        is_income = True if d == income_value else False if d == expense_value else None
        entries.append((is_income, v.get(amount), inside))
    t = totals(entries)
    money = rt.field(amount)
    label_at = _label_column(rt, fields)
    amount_at = next(i for i, f in enumerate(fields) if f is not None and f.key == amount)

    def row(label: str, value: int) -> list[str]:
        out = [""] * len(fields)
        out[label_at] = label
        out[amount_at] = ctx.text(money, value)
        return out

    rows = []
    if t.carried is not None:
        rows.append(row("上年结转", t.carried))
    rows += [row("本期收入合计", t.income), row("本期支出合计", t.expense),
             row("结余" if t.carried is None else "结余（含上年结转）", t.balance)]
    return rows


def _label_column(rt: RecordType, fields: list[Field | None]) -> int:
    """Where the row's name goes: the title column (摘要), else the first text column."""
    for i, f in enumerate(fields):
        if f is not None and f.key == rt.title_field:
            return i
    return next((i for i, f in enumerate(fields) if f is not None and f.type == "text"), 1)


__all__ = ["applies", "closing_rows"]

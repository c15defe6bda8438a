"""The totals of a cash book (经费收支): what came in, what went out, what is left.

The balance is never typed: it is computed from the entries whenever it is shown, so it
cannot disagree with them (the 经费收支 declaration says so to the user). Amounts are
integer 分 (RULES.md §3: money is never a float).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class CashTotals:
    carried: int | None     # balance brought forward from before the period (None: no earlier entries)
    income: int
    expense: int

    @property
    def balance(self) -> int:
        """结余 at the period's end: brought forward + income − expense."""
        return (self.carried or 0) + self.income - self.expense


def totals(entries: Iterable[tuple[bool | None, int | None, bool]]) -> CashTotals:
    """``entries``: (is income — None when the direction is not recorded, amount in 分,
    inside the period). Entries before the period make the balance brought forward;
    entries without a direction or amount count nowhere."""
    income = expense = earlier = 0
    any_earlier = False
    for is_income, amount, inside in entries:
        if is_income is None or not amount:
            continue
        signed = amount if is_income else -amount
        if inside:
            if is_income:
                income += amount
            else:
                expense += amount
        else:
            any_earlier = True
            earlier += signed
    return CashTotals(earlier if any_earlier else None, income, expense)


__all__ = ["CashTotals", "totals"]

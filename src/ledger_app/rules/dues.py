"""Party dues owed per month (中组发〔2008〕3号), RULES.md §3. Money is integer 分.

The rate applies to the whole base, not marginally. Farmers pay a fixed amount
they enter (0.2–1 元); students, the unemployed and those on relief pay 0.2 元.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

IN_SERVICE_BRACKETS = ((300_000, "0.5%"), (500_000, "1%"), (1_000_000, "1.5%"), (None, "2%"))
RETIRED_BRACKETS = ((500_000, "0.5%"), (None, "1%"))
FIXED_GROUPS = {"学生": 20, "下岗失业": 20, "领取低保": 20}
FARMER_RANGE = (20, 100)


@dataclass(frozen=True)
class DuesDue:
    rate: str          # "1%" or "定额"
    amount: int        # 分
    why: str           # the rule applied, shown to the user


def _rate_for(base: int, brackets: tuple[tuple[int | None, str], ...]) -> str:
    for ceiling, rate in brackets:
        if ceiling is None or base <= ceiling:
            return rate
    raise AssertionError("brackets end with an open ceiling")


def monthly_due(group: str, base: int | None, fixed_amount: int | None = None,
                rounding: Decimal = Decimal("1")) -> DuesDue:
    """The dues a member owes for one month; ``rounding`` is in 分 (1 = to the 分)."""
    if group in FIXED_GROUPS:
        amount = FIXED_GROUPS[group]
        return DuesDue("定额", amount, f"{group}党员每月交纳党费 0.20 元")
    if group == "农民":
        amount = fixed_amount if fixed_amount is not None else FARMER_RANGE[0]
        low, high = FARMER_RANGE
        if not low <= amount <= high:
            raise ValueError("农民党员每月交纳党费 0.2 元至 1 元")
        return DuesDue("定额", amount, "农民党员每月交纳党费 0.2 元至 1 元")
    if base is None or base < 0:
        raise ValueError("请先填写党费计算基数（每月税后工资收入）")
    brackets = RETIRED_BRACKETS if group == "离退休" else IN_SERVICE_BRACKETS
    rate = _rate_for(base, brackets)
    percent = Decimal(rate.rstrip("%")) / 100
    amount = int((Decimal(base) * percent / rounding).quantize(Decimal("1"),
                                                               rounding=ROUND_HALF_UP) * rounding)
    yuan = Decimal(base) / 100
    who = "离退休党员" if group == "离退休" else "在职党员"
    return DuesDue(rate, amount, f"{who}月基数 {yuan:.2f} 元，按 {rate} 交纳")

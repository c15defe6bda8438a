"""Party dues owed per month (中组发〔2008〕3号), RULES.md §3. Money is integer 分.

The rate applies to the whole base, not marginally. Farmers pay a fixed amount
they enter (0.2–1 元); students, the unemployed and those on relief pay 0.2 元.
Who owes for a month, and on which base, is decided here too: the dues grid, 本月收缴,
``ledger-app dues fill`` and the arrears findings all ask these functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from ledger_app.forms import dates

IN_SERVICE_BRACKETS = ((300_000, "0.5%"), (500_000, "1%"), (1_000_000, "1.5%"), (None, "2%"))
RETIRED_BRACKETS = ((500_000, "0.5%"), (None, "1%"))
FIXED_GROUPS = {"学生": 20, "下岗失业": 20, "领取低保": 20}
FARMER_RANGE = (20, 100)
SOURCE = "《关于中国共产党党费收缴、使用和管理的规定》"

# Rounding is not fixed nationally (RULES.md §3): the ledger setting ``dues_rounding``
# names the unit, default 分.
ROUNDINGS = {"分": 1, "角": 10, "元": 100}
DEFAULT_ROUNDING = "分"


@dataclass(frozen=True)
class DuesDue:
    rate: str          # "1%" or "定额"
    amount: int        # 分
    why: str           # the rule applied, shown to the user


def rounding_of(setting: object) -> Decimal:
    """The rounding unit in 分 for the ledger setting ``dues_rounding`` (分/角/元)."""
    return Decimal(ROUNDINGS.get(str(setting or DEFAULT_ROUNDING), 1))


def _rate_for(base: int, brackets: tuple[tuple[int | None, str], ...]) -> str:
    for ceiling, rate in brackets:
        if ceiling is None or base <= ceiling:
            return rate
    raise AssertionError("brackets end with an open ceiling")


def amount_at(base: int, rate: str, rounding: Decimal = Decimal("1")) -> int | None:
    """``base`` (分) at a rate typed as “1.5%”, rounded as the ledger sets (the 党费 form
    when the secretary types her own rate); None when ``rate`` is not a percentage."""
    text = rate.strip().rstrip("%％").strip()
    try:
        percent = Decimal(text) / 100
    except ArithmeticError:
        return None
    if not rate.strip().endswith(("%", "％")) or not percent.is_finite() or percent < 0:
        return None
    return int((Decimal(base) * percent / rounding).quantize(Decimal("1"),
                                                             rounding=ROUND_HALF_UP) * rounding)


def due_on_base(group: str, base: int, rounding: Decimal = Decimal("1")) -> DuesDue:
    """The rule on a base typed by hand (the 党费 form): a 农民's base is the amount the
    branch set; a fixed group owes its fixed amount whatever the base."""
    if group == "农民":
        return monthly_due(group, None, base)
    return monthly_due(group or "在职", base, rounding=rounding)


def monthly_due(group: str, base: int | None, fixed_amount: int | None = None,
                rounding: Decimal = Decimal("1")) -> DuesDue:
    """The dues a member owes for one month; ``rounding`` is in 分 (1 = to the 分)."""
    if group in FIXED_GROUPS:
        amount = FIXED_GROUPS[group]
        return DuesDue("定额", amount, f"{group}党员每月交纳党费 0.20 元（{SOURCE}）")
    if group == "农民":
        amount = fixed_amount if fixed_amount is not None else FARMER_RANGE[0]
        low, high = FARMER_RANGE
        if not low <= amount <= high:
            raise ValueError("农民党员每月交纳党费 0.2 元至 1 元")
        return DuesDue("定额", amount, f"农民党员每月交纳党费 0.2 元至 1 元，本支部定为 "
                       f"{Decimal(amount) / 100:.2f} 元（{SOURCE}）")
    if base is None or base < 0:
        raise ValueError("请先填写党费计算基数（每月税后工资收入）")
    brackets = RETIRED_BRACKETS if group == "离退休" else IN_SERVICE_BRACKETS
    rate = _rate_for(base, brackets)
    percent = Decimal(rate.rstrip("%")) / 100
    amount = int((Decimal(base) * percent / rounding).quantize(Decimal("1"),
                                                               rounding=ROUND_HALF_UP) * rounding)
    yuan = Decimal(base) / 100
    who = "离退休党员" if group == "离退休" else "在职党员"
    unit = next((name for name, fen in ROUNDINGS.items() if fen == rounding), "分")
    return DuesDue(rate, amount, f"{who}月基数 {yuan:.2f} 元，按 {rate} 交纳，取整到{unit}"
                   f"（{SOURCE}）")


@dataclass(frozen=True, slots=True)
class DuesMember:
    """What the dues rules need of a roster member (found by role in ``rules.gather``)."""
    id: int
    name: str
    group: str = "在职"            # 党费类别
    base: int | None = None        # 党费计算基数, 分: applies from ``base_from``
    base_from: str | None = None   # 新基数起算月份 (YYYY-MM); empty: the base always applied
    joined: str | None = None      # 入党日期: the 支部大会 admitting a probationary member
    arrived: str | None = None     # 转入本支部日期
    left: str | None = None        # 离开日期 (转出、去世、出党)
    active: bool = True
    paid_to: str | None = None     # 转入 介绍信: 党费已交到 (YYYY-MM), paid to the old branch
    seq: int | None = None         # the roster's 序号: the order of the grid and register


def month_of(value: object, last: bool = False) -> str | None:
    """YYYY-MM of a stored date of any precision: its first month (``last``: its last)."""
    s = dates.span(value)
    if s is None:
        return None
    day = s.last if last else s.first
    return f"{day.year:04d}-{day.month:02d}"


@dataclass(frozen=True)
class OwedMonths:
    """The months a member owes dues here: from ``first`` to ``last`` (None: open), each
    end with the sentence saying why months beyond it are not owed."""
    first: str | None
    last: str | None
    before_why: str = ""
    after_why: str = ""

    def why_not(self, month: str) -> str | None:
        if self.first and month < self.first:
            return self.before_why
        if self.last is not None and month > self.last:
            return self.after_why
        return None


NEVER = "0000-00"   # a last month before every month: owes nothing


@lru_cache(maxsize=4096)
def owed_months(member: DuesMember) -> OwedMonths:
    """When ``member`` owes dues here. A probationary member pays from the month the 支部
    大会 admitted them (入党日期); one who transferred in, from the month of arriving; the
    month of leaving is still owed. A date known only to the year is not guessed into a
    month: the months it may cover are not owed."""
    first, before = None, ""
    joined = month_of(member.joined, last=True)
    if joined:
        first, before = joined, (f"{dates.chinese(member.joined)}入党（支部大会接收），此前不交党费"
                                 f"（{SOURCE}：预备党员从支部大会通过其为预备党员之日起交纳党费）")
    arrived = month_of(member.arrived, last=True)
    if arrived and (first is None or arrived > first):
        first, before = arrived, f"{dates.chinese(member.arrived)}转入本支部，此前的党费交原支部"
    paid_to = month_of(member.paid_to, last=True)
    if paid_to and (first is None or paid_to >= first):
        first = next_month(paid_to)
        before = f"转入时介绍信写明党费已交到{dates.chinese(member.paid_to)}（交原支部）"
    if member.active:
        return OwedMonths(first, None, before)
    left = month_of(member.left)
    if left is None:
        return OwedMonths(first, NEVER, before, "已离开本支部（未填离开日期）")
    return OwedMonths(first, left, before,
                      f"{dates.chinese(member.left)}离开本支部，此后不在本支部交党费")


def next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + 1:04d}-01" if number == 12 else f"{year:04d}-{number + 1:02d}"


def not_owed_why(member: DuesMember, month: str) -> str | None:
    """Why ``member`` owes nothing for ``month`` (YYYY-MM), or None when it is owed."""
    return owed_months(member).why_not(month)


def base_for(member: DuesMember, month: str, history: Mapping[str, int] | None = None
             ) -> tuple[int | None, str]:
    """The base that applies to ``month`` and where it comes from. A new base applies
    from the month the new salary is first paid (新基数起算月份); earlier months keep the
    base recorded on their own dues records (``history``: month -> base)."""
    if member.base_from and month < member.base_from and member.base is not None:
        history = history or {}
        earlier = sorted(m for m in history if m < member.base_from)
        before = [m for m in earlier if m <= month]
        chosen = before[-1] if before else (earlier[0] if earlier else None)
        if chosen is None:
            return None, (f"新基数从{dates.chinese(member.base_from)}起算，"
                          f"{dates.chinese(month)}的旧基数没有记录")
        return history[chosen], f"{dates.chinese(chosen)}党费记录上的基数（新基数起算前）"
    if member.base is None:
        return None, "名册中没有填写党费计算基数"
    return member.base, "名册中的党费计算基数"


@dataclass(frozen=True)
class MonthDue:
    """What one member owes for one month: ``owed`` False with the why, or the amount."""
    month: str
    owed: bool
    amount: int | None = None      # 分; None when it cannot be computed (why says so)
    base: int | None = None
    rate: str = ""
    why: str = ""


def due_for(member: DuesMember, month: str, history: Mapping[str, int] | None = None,
            rounding: Decimal = Decimal("1")) -> MonthDue:
    """Whether and what ``member`` owes for ``month`` (YYYY-MM), with the rule applied."""
    reason = not_owed_why(member, month)
    if reason:
        return MonthDue(month, False, why=reason)
    group = member.group or "在职"
    if group in FIXED_GROUPS:
        owed = monthly_due(group, None)
        return MonthDue(month, True, owed.amount, None, owed.rate, owed.why)
    base, source = base_for(member, month, history)
    if group == "农民":
        try:
            owed = monthly_due(group, None, base)
        except ValueError as exc:
            return MonthDue(month, True, None, base, "定额", f"{exc}；名册中填的是 "
                            f"{Decimal(base or 0) / 100:.2f} 元")
        return MonthDue(month, True, owed.amount, base, owed.rate, owed.why)
    if base is None:
        return MonthDue(month, True, None, None, "", source)
    owed = monthly_due(group, base, rounding=rounding)
    return MonthDue(month, True, owed.amount, base, owed.rate, f"{owed.why}；基数取自{source}")

"""Monthly dues at every bracket boundary (RULES.md §3, 中组发〔2008〕3号), who owes for a
month, and which base applies. Every expected amount is worked out by hand in 分."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledger_app.rules.dues import (
    DuesMember,
    amount_at,
    base_for,
    due_for,
    due_on_base,
    monthly_due,
    rounding_of,
)


@pytest.mark.parametrize("base, rate, amount", [
    (0, "0.5%", 0),
    (100_000, "0.5%", 500),          # 1000.00 × 0.5% = 5.00
    (299_999, "0.5%", 1500),         # 2999.99 × 0.5% = 14.99995 → 15.00
    (300_000, "0.5%", 1500),         # 3000.00: still the lowest bracket
    (300_001, "1%", 3000),           # 3000.01 × 1% = 30.0001 → 30.00 (whole base, not marginal)
    (432_150, "1%", 4322),           # 4321.50 × 1% = 43.215 → 43.22 (half up)
    (500_000, "1%", 5000),           # 5000.00 × 1%
    (500_001, "1.5%", 7500),         # 5000.01 × 1.5% = 75.00015 → 75.00
    (1_000_000, "1.5%", 15000),      # 10000.00 × 1.5%
    (1_000_001, "2%", 20000),        # 10000.01 × 2% = 200.0002 → 200.00
    (1_234_567, "2%", 24691),        # 12345.67 × 2% = 246.9134 → 246.91
])
def test_in_service_brackets(base, rate, amount):
    due = monthly_due("在职", base)
    assert (due.rate, due.amount) == (rate, amount)
    assert "在职党员" in due.why and rate in due.why


@pytest.mark.parametrize("base, rate, amount", [
    (400_000, "0.5%", 2000),         # 4000.00 × 0.5%
    (500_000, "0.5%", 2500),         # 5000.00: retired lowest bracket reaches 5000
    (500_001, "1%", 5000),           # 5000.01 × 1% = 50.0001 → 50.00
    (650_000, "1%", 6500),
])
def test_retired_brackets(base, rate, amount):
    due = monthly_due("离退休", base)
    assert (due.rate, due.amount) == (rate, amount)


@pytest.mark.parametrize("group", ["学生", "下岗失业", "领取低保"])
def test_fixed_groups_pay_twenty_fen(group):
    due = monthly_due(group, None)
    assert (due.rate, due.amount) == ("定额", 20)


def test_farmers_pay_what_the_branch_set_between_twenty_fen_and_one_yuan():
    assert monthly_due("农民", None).amount == 20
    assert monthly_due("农民", None, 50).amount == 50
    assert monthly_due("农民", None, 100).amount == 100
    with pytest.raises(ValueError, match=r"0\.2 元至 1 元"):
        monthly_due("农民", None, 120)
    with pytest.raises(ValueError, match=r"0\.2 元至 1 元"):
        monthly_due("农民", None, 10)


def test_rounding_is_a_setting():
    assert rounding_of(None) == Decimal(1) and rounding_of("分") == Decimal(1)
    assert rounding_of("角") == Decimal(10) and rounding_of("元") == Decimal(100)
    # 4321.50 × 1% = 43.215 元
    assert monthly_due("在职", 432_150, rounding=rounding_of("分")).amount == 4322
    assert monthly_due("在职", 432_150, rounding=rounding_of("角")).amount == 4320
    assert monthly_due("在职", 432_150, rounding=rounding_of("元")).amount == 4300
    # 4360.00 × 1% = 43.60 元 → 44 元 when rounded to the 元
    assert monthly_due("在职", 436_000, rounding=rounding_of("元")).amount == 4400
    assert "取整到角" in monthly_due("在职", 432_150, rounding=rounding_of("角")).why


def test_missing_base_is_a_plain_message():
    with pytest.raises(ValueError, match="计算基数"):
        monthly_due("在职", None)


# --- who owes for a month --------------------------------------------------------------

def test_a_probationary_member_owes_from_the_month_the_branch_assembly_admitted_her():
    m = DuesMember(1, "赵敏", base=400_000, joined="2025-06-20")
    assert due_for(m, "2025-05").owed is False
    assert "2025年6月20日入党" in due_for(m, "2025-05").why
    june = due_for(m, "2025-06")
    assert (june.owed, june.amount, june.rate) == (True, 4000, "1%")


def test_nobody_owes_before_arriving_or_after_leaving():
    arrived = DuesMember(2, "钱进", base=300_000, joined="2010-07-01", arrived="2025-05-10")
    assert due_for(arrived, "2025-04").owed is False
    assert "转入本支部" in due_for(arrived, "2025-04").why
    assert due_for(arrived, "2025-05").amount == 1500
    # The 介绍信 says 党费已交到 May: the old branch had May, this one owes from June.
    lettered = DuesMember(2, "钱进", base=300_000, joined="2010-07-01", arrived="2025-05-10",
                          paid_to="2025-05")
    assert due_for(lettered, "2025-05").owed is False
    assert "党费已交到2025年5月" in due_for(lettered, "2025-05").why
    assert due_for(lettered, "2025-06").owed is True
    gone = DuesMember(3, "孙立", base=300_000, joined="2010-07-01", left="2025-11-10",
                      active=False)
    assert due_for(gone, "2025-11").amount == 1500          # the month of leaving is owed
    assert due_for(gone, "2025-12").owed is False
    assert "离开本支部" in due_for(gone, "2025-12").why
    no_date = DuesMember(4, "周平", base=300_000, joined="2010-07-01", active=False)
    assert due_for(no_date, "2025-01").owed is False
    # Still on the roster with a leaving date typed: the status decides.
    staying = DuesMember(5, "吴丽", base=300_000, joined="2010-07-01", left="2025-01-01")
    assert due_for(staying, "2025-06").owed is True


def test_a_join_date_known_only_to_the_year_is_not_guessed_into_a_month():
    m = DuesMember(6, "郑和", base=300_000, joined="2003")
    assert due_for(m, "2003-11").owed is False
    assert due_for(m, "2004-01").owed is True


def test_a_new_base_applies_from_its_month_and_earlier_months_keep_the_old_one():
    m = DuesMember(7, "王芳", base=600_000, base_from="2026-03", joined="2010-07-01")
    history = {"2026-01": 480_000, "2026-02": 480_000}
    assert base_for(m, "2026-02", history)[0] == 480_000
    assert base_for(m, "2026-03", history)[0] == 600_000
    feb, march = due_for(m, "2026-02", history), due_for(m, "2026-03", history)
    assert (feb.amount, feb.rate) == (4800, "1%")              # 4800.00 × 1%
    assert (march.amount, march.rate) == (9000, "1.5%")        # 6000.00 × 1.5%
    assert "新基数起算前" in feb.why
    # A month before any recorded one takes the earliest old base known.
    assert base_for(m, "2025-12", history)[0] == 480_000
    # Without any old record the amount is unknown, and says why — never a guess.
    unknown = due_for(m, "2026-02", {})
    assert unknown.owed and unknown.amount is None and "旧基数没有记录" in unknown.why


def test_a_member_without_a_base_owes_an_amount_that_cannot_be_computed():
    m = DuesMember(8, "冯刚", joined="2010-07-01")
    d = due_for(m, "2026-01")
    assert d.owed and d.amount is None and "没有填写党费计算基数" in d.why
    student = DuesMember(9, "陈晨", group="学生", joined="2024-07-01")
    assert due_for(student, "2026-01").amount == 20
    farmer = DuesMember(10, "褚田", group="农民", base=50, joined="2000-07-01")
    assert due_for(farmer, "2026-01").amount == 50
    odd = due_for(DuesMember(11, "卫东", group="农民", base=500, joined="2000-07-01"), "2026-01")
    assert odd.amount is None and "5.00 元" in odd.why


@pytest.mark.parametrize(("base", "rate", "rounding", "amount"), [
    (600_000, "2%", Decimal("1"), 12_000),        # 6000.00 元 at 2% = 120.00
    (523_456, "1.5%", Decimal("1"), 7_852),       # 7851.84 分 rounds half up to 7852
    (523_456, "1.5%", Decimal("10"), 7_850),      # to the 角
    (523_456, "1.5%", Decimal("100"), 7_900),     # to the 元
    (400_000, " 1 ％", Decimal("1"), 4_000),      # full-width per cent, spaces
    (400_000, "定额", Decimal("1"), None),
    (400_000, "1", Decimal("1"), None),           # no per cent sign: not a rate
    (400_000, "-1%", Decimal("1"), None),
])
def test_a_typed_rate_on_a_base(base, rate, rounding, amount):
    assert amount_at(base, rate, rounding) == amount


@pytest.mark.parametrize(("group", "base", "rate", "amount"), [
    ("在职", 600_000, "1.5%", 9_000),     # 6000.00 × 1.5%
    ("", 300_000, "0.5%", 1_500),         # no 党费类别 on the roster: 在职
    ("离退休", 520_000, "1%", 5_200),      # above 5000: 1%
    ("农民", 50, "定额", 50),               # the base is the amount the branch set
    ("学生", 800_000, "定额", 20),          # a fixed group whatever the base
])
def test_the_rule_on_a_base_typed_by_hand(group, base, rate, amount):
    owed = due_on_base(group, base)
    assert (owed.rate, owed.amount) == (rate, amount)

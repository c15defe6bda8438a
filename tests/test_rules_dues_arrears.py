"""Dues arrears as findings (RULES.md §3): 3 months in a row unpaid warns, 6 alerts as the
自行脱党 line; only months the ledger keeps dues for, and never the month still running.
Built on a real ledger file; the expected months are written by hand."""

from __future__ import annotations

import datetime as dt

from ledger_app.rules.check import check_ledger


def month_list(first, last):
    """The months from ``first`` to ``last``, by the test's own loop: the rule's month list
    must not make the test's input (a month it skipped would then be skipped on both sides)."""
    out, (year, month) = [], (int(first[:4]), int(first[5:]))
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def member(ledger, name, joined="2010-07-01", **extra):
    return ledger.records.insert("roster", {
        "name": name, "gender": "女", "birth_date": "1980-02-03", "member_class": "正式党员",
        "status": "在册", "joined_date": joined, "dues_base": "4000", **extra})


def pay(ledger, member_id, first, last, unpaid=()):
    rows = [{"member": member_id, "month": m, "base": "4000", "rate": "1%", "due": "40",
             "paid": None if m in unpaid else "40"} for m in month_list(first, last)]
    ledger.records.insert_many("dues", rows)


def arrears(ledger, year=2025, as_of=dt.date(2025, 12, 15)):
    report = check_ledger(ledger, year, as_of)
    return {f.subject.label: f for f in report.findings if f.rule.startswith("dues.arrears")}


def test_three_unpaid_months_warn_and_six_alert_with_the_why(ledger):
    pay(ledger, member(ledger, "甲"), "2025-01", "2025-11", unpaid={"2025-06", "2025-07", "2025-08"})
    pay(ledger, member(ledger, "乙"), "2025-01", "2025-11",
        unpaid={"2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08"})
    pay(ledger, member(ledger, "丙"), "2025-01", "2025-11", unpaid={"2025-02", "2025-03"})
    found = arrears(ledger)
    assert set(found) == {"甲", "乙"}
    assert found["甲"].severity == "warn" and found["甲"].rule == "dues.arrears"
    assert "甲2025年6月至2025年8月连续 3 个月未交党费" in found["甲"].why
    assert found["乙"].severity == "alert" and "自行脱党" in found["乙"].why
    assert "2025年3月至2025年8月连续 6 个月" in found["乙"].why
    assert "第九条" in found["乙"].why


def test_a_month_without_any_record_is_unpaid_and_the_running_month_is_not_judged(ledger):
    a = member(ledger, "丁")
    pay(ledger, a, "2025-01", "2025-08")
    other = member(ledger, "戊")
    pay(ledger, other, "2025-01", "2025-12")             # the ledger records up to December
    # 丁: September, October, November without records; December still running on the 15th.
    found = arrears(ledger)
    assert "丁2025年9月至2025年11月连续 3 个月" in found["丁"].why
    assert "戊" not in found
    # As of 1 November only September and October are over: two months, nothing yet.
    assert arrears(ledger, as_of=dt.date(2025, 11, 1)) == {}


def test_months_before_joining_or_after_leaving_are_not_arrears(ledger):
    keeper = member(ledger, "己")
    pay(ledger, keeper, "2025-01", "2025-11")
    newcomer = member(ledger, "庚", joined="2025-09-20", member_class="预备党员")
    pay(ledger, newcomer, "2025-09", "2025-11")          # owes from the 支部大会 month
    gone = member(ledger, "辛", status="转出", left_date="2025-04-10")
    pay(ledger, gone, "2025-01", "2025-04")
    arrived = member(ledger, "壬", arrived_date="2025-08-05")
    pay(ledger, arrived, "2025-08", "2025-11")
    assert arrears(ledger) == {}


def test_a_run_across_new_year_counts_in_the_year_it_reaches(ledger):
    a = member(ledger, "癸")
    pay(ledger, a, "2024-01", "2025-11", unpaid={"2024-11", "2024-12", "2025-01"})
    found = arrears(ledger)
    assert "2024年11月至2025年1月连续 3 个月" in found["癸"].why
    # The year before sees only two of them.
    assert arrears(ledger, 2024, dt.date(2025, 12, 15)) == {}


def test_a_ledger_that_starts_keeping_dues_accuses_nobody_of_the_years_before(ledger):
    a = member(ledger, "子", joined="1990-07-01")
    pay(ledger, a, "2025-10", "2025-11")
    assert arrears(ledger) == {}


def test_duplicate_records_are_a_finding_naming_both(ledger, tmp_path):
    import sqlite3

    a = member(ledger, "丑")
    pay(ledger, a, "2025-01", "2025-11")
    first = ledger.records.ids("dues", 2025)[-1]      # ordered by month desc: January
    path = ledger.path
    ledger.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO entries(type_key, year, created_at, updated_at) "
                     "VALUES ('dues', 2025, '2025-04-01', '2025-04-01')")
        dup = conn.execute("SELECT max(id) FROM entries").fetchone()[0]
        conn.execute("INSERT INTO t_dues(id, member, month, due, paid) "
                     "VALUES (?, ?, '2025-01', 4000, 4000)", (dup, a))
    conn.close()
    from ledger_app.store import Ledger

    with Ledger.open(path) as again:
        report = check_ledger(again, 2025, dt.date(2025, 12, 15))
        dups = [f for f in report.findings if f.rule == "records.dues.duplicate"]
        assert len(dups) == 1 and dups[0].records == (first, dup)
        assert "丑 2025年1月" in dups[0].why and f"编号 {first}、{dup}" in dups[0].why


def test_a_month_paid_ahead_does_not_hide_a_gap(ledger):
    a = member(ledger, "寅")
    pay(ledger, a, "2025-01", "2025-12", unpaid={"2025-05", "2025-06", "2025-07"})
    found = arrears(ledger, as_of=dt.date(2025, 12, 15))   # December paid early
    assert "2025年5月至2025年7月连续 3 个月" in found["寅"].why

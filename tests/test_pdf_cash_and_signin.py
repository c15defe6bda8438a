"""经费收支 closes with 上年结转, 收入合计, 支出合计 and 结余; sign-in sheets are blank by
default and name the organisation and group; meeting tables carry the 党小组."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def text_of(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)


def test_cash_totals_by_hand() -> None:
    from ledger_app.rules.cash import totals

    t = totals([(True, 100_00, False), (False, 30_00, False),      # 2024: 70.00 left
                (True, 500_00, True), (False, 120_50, True), (False, 9_50, True),
                (None, 999_00, True), (True, None, True)])          # no direction/amount
    assert (t.carried, t.income, t.expense, t.balance) == (70_00, 500_00, 130_00, 440_00)
    first = totals([(True, 10_00, True)])
    assert first.carried is None and first.balance == 10_00
    overspent = totals([(False, 25_00, True)])
    assert overspent.balance == -25_00


def test_funds_table_prints_totals_and_balance(ledger, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.table import render_table

    r = ledger.records
    r.insert("funds", {"date": "2024-12-20", "direction": "收入", "item": "上年拨款",
                       "amount": 1000_00})
    r.insert("funds", {"date": "2025-01-10", "direction": "收入", "item": "街道拨付经费",
                       "amount": 3000_00})
    r.insert("funds", {"date": "2025-03-08", "direction": "支出", "item": "活动物资",
                       "amount": 650_50})
    r.insert("funds", {"date": "2026-01-08", "direction": "支出", "item": "次年支出",
                       "amount": 99_00})
    out = tmp_path / "经费.pdf"
    render_table(ledger, "funds", out, year=2025)
    text = text_of(out)
    assert "次年支出" not in text and "上年拨款" not in text
    for line in ("上年结转 1000.00", "本期收入合计 3000.00", "本期支出合计 650.50",
                 "结余（含上年结转） 3349.50"):
        assert line in text, line
    # The first year kept has nothing to carry.
    render_table(ledger, "funds", out, year=2024)
    text = text_of(out)
    assert "上年结转" not in text and "结余 1000.00" in text


def test_meeting_table_has_a_group_column_and_record_pages_name_the_branch(
        ledger, tmp_path: Path) -> None:
    from ledger_app.outputs.pdf.record_page import render_record
    from ledger_app.outputs.pdf.table import render_table

    for group in ("第一党小组", "第二党小组"):
        last = ledger.records.insert("meeting", {"kinds": ["党小组会"], "date": "2025-03-12",
                                                 "seq": 1, "party_group": group,
                                                 "topic": "学习党章"})
    out = tmp_path / "会议.pdf"
    render_table(ledger, "meeting", out, year=2025)
    text = text_of(out)
    assert "党小组" in text.splitlines()[2]           # the header row
    assert "第一党小组" in text and "第二党小组" in text
    render_record(ledger, last, out)
    text = text_of(out)
    assert ledger.org_name in text and "2025年度第 1 次" in text

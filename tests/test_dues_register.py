"""The printed 党费收缴登记表 tells 不应交 (before joining, after leaving) from 未交, and its
totals are the window grid's totals (one source: rules.dues_grid). PDF read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from ledger_app.outputs.pdf.common import PrintContext
from ledger_app.outputs.pdf.dues_register import dues_rows, render_dues
from ledger_app.rules.gather import read_dues_year


def member(ledger, name, **extra):
    return ledger.records.insert("roster", {
        "name": name, "gender": "女", "birth_date": "1980-02-03", "member_class": "正式党员",
        "status": "在册", "joined_date": "2010-07-01", "dues_base": "4000", **extra})


def test_register_prints_not_due_and_unpaid_and_the_grid_totals(ledger, tmp_path: Path):
    jia = member(ledger, "甲", seq=1)
    yi = member(ledger, "乙", seq=2, joined_date="2025-09-12", member_class="预备党员")
    bing = member(ledger, "丙", seq=3, status="转出", left_date="2025-03-20")
    rows = [{"member": jia, "month": f"2025-{m:02d}", "base": "4000", "rate": "1%", "due": "40",
             "paid": None if m == 6 else "40", "note": "6月外出，7月补交" if m == 6 else None}
            for m in range(1, 13)]
    rows += [{"member": yi, "month": f"2025-{m:02d}", "base": "4000", "rate": "1%", "due": "40",
              "paid": "40"} for m in (9, 10, 11, 12)]
    rows += [{"member": bing, "month": f"2025-{m:02d}", "base": "4000", "rate": "1%",
              "due": "40", "paid": "40"} for m in (1, 2, 3)]
    ledger.records.insert_many("dues", rows)
    ctx = PrintContext(ledger)
    ctx.as_of = dt.date(2026, 1, 10)
    printed, total = dues_rows(ctx, 2025)
    by_name = {r[1]: r for r in printed}
    # 序号 姓名 基数 比例 月应交 | 1–12月 | 全年应交 全年实交 备注
    assert by_name["甲"][5 + 5] == "未交" and by_name["甲"][5 + 4] == "40.00"
    assert by_name["乙"][5:5 + 8] == ["不应交"] * 8 and by_name["乙"][5 + 8] == "40.00"
    assert by_name["丙"][5 + 2] == "40.00" and by_name["丙"][5 + 3:5 + 12] == ["不应交"] * 9
    assert by_name["甲"][-3:-1] == ["480.00", "440.00"]
    assert "未交：6月" in by_name["甲"][-1] and "6月：6月外出，7月补交" in by_name["甲"][-1]
    grid = read_dues_year(ledger, 2025, dt.date(2026, 1, 10))
    assert total[-3] == "760.00" and total[-2] == "720.00"      # 480+160+120 / 440+160+120
    assert (grid.due_total, grid.paid_total) == (76000, 72000)
    assert total[5 + 5] == "0.00" and total[5 + 8] == "80.00"     # June: 甲 unpaid; Sept: 甲+乙
    out = tmp_path / "dues.pdf"
    render_dues(ledger, 2025, out)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "不应交" in text and "未交" in text and "760.00" in text

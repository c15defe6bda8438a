"""The archive's ledger snapshot carries only the period: no import batch (whole rows of
any year, kept for 撤销导入) and no 待核实 mark of a record outside the period."""

from __future__ import annotations

import sqlite3

from openpyxl import load_workbook

from ledger_app.cli.main import main
from ledger_app.store import Ledger
from ledger_app.store.snapshot_copy import write_snapshot


def test_snapshot_leaves_out_import_batches_and_other_records_marks(tmp_path):
    path = tmp_path / "支部.ledger"
    assert main(["new", str(path), "--name", "测试支部"]) == 0
    book = tmp_path / "名册.xlsx"
    assert main(["template-xlsx", "--type", "roster", "-o", str(book)]) == 0
    wb = load_workbook(book)
    ws = wb.worksheets[0]
    header_row = next(r for r in range(1, 6)
                      if any(str(c.value or "").startswith("姓名") for c in ws[r]))
    labels = [str(c.value or "").rstrip("*＊ ") for c in ws[header_row]]
    row = {"姓名": "王秀英", "性别": "女", "出生日期": "1980-03-02", "人员类别": "正式党员",
           "状态": "在册", "学历": "大学"}   # 大学: 本科 or 专科, left 待核实
    for col, label in enumerate(labels, 1):
        if label in row:
            ws.cell(row=header_row + 1, column=col, value=row[label])
    wb.save(book)
    assert main(["import-xlsx", str(path), str(book), "--type", "roster",
                 "--skip-errors"]) in (0, 1)
    with Ledger.open(path) as ledger:
        imported = ledger.records.ids("roster")
        assert imported, "the import wrote nothing"
        meeting = ledger.records.insert("meeting", {
            "kinds": ["支部委员会"], "date": "2025-03-10", "topic": "学习"})
        dest = tmp_path / "snapshot.ledger"
        write_snapshot(ledger, dest, [meeting], masked=True)
        source_batches = ledger.query("SELECT count(*) FROM import_batches")[0][0]
    assert source_batches == 1
    conn = sqlite3.connect(dest)
    try:
        assert conn.execute("SELECT count(*) FROM import_batches").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM pending_checks WHERE entry_id NOT IN "
                            "(SELECT id FROM entries)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 1
    finally:
        conn.close()

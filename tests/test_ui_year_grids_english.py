"""The 党费收缴表 and the 民主评议 batch table in English (视图 → 界面语言): their window
texts come from the compiled catalogue, the records' values stay as they were written, and
choosing a year still works where the year list reads "2025" instead of "2025年度"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ledger_app.store import Ledger
from ledger_app.ui.dues_grid_view import DuesGridDialog
from ledger_app.ui.evaluation_grid import EvaluationRoundDialog


@pytest.fixture
def ledger(tmp_path: Path, org):
    path = tmp_path / "支部.ledger"
    with Ledger.create(path, org) as made:
        jia = made.records.insert("roster", {
            "name": "甲", "gender": "女", "birth_date": "1980-02-03", "member_class": "正式党员",
            "status": "在册", "joined_date": "2010-07-01", "dues_base": "4000", "seq": 1})
        made.records.insert_many("dues", [
            {"member": jia, "month": f"2025-{m:02d}", "base": "4000", "rate": "1%", "due": "40",
             "paid": None if m == 6 else "40"} for m in range(1, 12)])
    opened = Ledger.open(path)
    yield opened
    opened.close()


def test_the_dues_grid_speaks_english(qtbot, english, ledger, runner):
    dialog = DuesGridDialog(ledger, runner, 2025, as_of=dt.date(2025, 12, 15))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10000)
    model = dialog.model
    assert dialog.windowTitle() == "Party dues by month — 2025"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 1, 13)] == [
        "Name", "Jan", "Due in year"]
    assert model.data(model.index(0, 0)) == "甲"                 # a record's value: as written
    assert model.data(model.index(1, 0)) == "Total"
    tip = model.data(model.index(0, 6), Qt.ItemDataRole.ToolTipRole)
    assert "Jun 2025" in tip and "Due 40.00, not paid" in tip and "Press Enter to open" in tip
    assert dialog.summary.text().startswith("2025: 1 members; due in total 440.00 yuan")
    assert dialog.fill_button.text() == "Collect this month"
    assert dialog.year_box.currentText() == "2025" and dialog.year == 2025


def test_the_evaluation_round_speaks_english(qtbot, english, ledger, runner):
    dialog = EvaluationRoundDialog(ledger, runner, 2025)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.windowTitle() == "Democratic evaluation of members — 2025 (batch entry)"
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers == ["Name", "Self-assessment", "Peer review", "Grade", "Branch's opinion"]
    assert dialog.checks.text().startswith("1 evaluated, 0 graded, 0 Excellent; ")
    assert "1 not graded yet" in dialog.checks.text()

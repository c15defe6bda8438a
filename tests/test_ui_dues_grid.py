"""党费收缴表（按月） in the window (pytest-qt, offscreen), on a real ledger file: cells show
应交 / 实交 with 未交 and 不应交 marked, arrears highlighted with their why, 合计 row and
column, Enter opens or prefills the month's record, and 本月收缴 fills a month."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ledger_app.store import Ledger
from ledger_app.ui.dues_grid_view import ARREARS_COLOURS, NOT_DUE_TEXT, UNPAID_TEXT, DuesGridDialog

AS_OF = dt.date(2025, 12, 15)


def member(ledger, name, **extra):
    return ledger.records.insert("roster", {
        "name": name, "gender": "女", "birth_date": "1980-02-03", "member_class": "正式党员",
        "status": "在册", "joined_date": "2010-07-01", "dues_base": "4000", **extra})


@pytest.fixture
def ledger(tmp_path: Path, org):
    path = tmp_path / "支部.ledger"
    with Ledger.create(path, org) as made:
        jia = member(made, "甲", seq=1)
        member(made, "乙", seq=2, joined_date="2025-09-12", member_class="预备党员")
        made.records.insert_many("dues", [
            {"member": jia, "month": f"2025-{m:02d}", "base": "4000", "rate": "1%", "due": "40",
             "paid": None if m in (6, 7, 8) else "40"} for m in range(1, 12)])
    opened = Ledger.open(path)
    yield opened
    opened.close()


def grid_dialog(qtbot, ledger, runner) -> DuesGridDialog:
    dialog = DuesGridDialog(ledger, runner, 2025, as_of=AS_OF)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10000)
    return dialog


def text(dialog, row, column, role=Qt.ItemDataRole.DisplayRole):
    return dialog.model.data(dialog.model.index(row, column), role)


def test_cells_totals_and_arrears(qtbot, ledger, runner):
    d = grid_dialog(qtbot, ledger, runner)
    assert [text(d, r, 0) for r in range(3)] == ["甲", "乙", "合计"]
    assert text(d, 0, 1) == "40.00"                         # paid in full: the amount alone
    assert text(d, 0, 6) == "40.00 未交"
    assert text(d, 0, 6, Qt.ItemDataRole.ForegroundRole).color().name() == UNPAID_TEXT
    assert text(d, 0, 6, Qt.ItemDataRole.BackgroundRole).color().name() == ARREARS_COLOURS["warn"]
    assert "2025年6月至2025年8月连续 3 个月未交党费" in text(d, 0, 7, Qt.ItemDataRole.ToolTipRole)
    assert text(d, 0, 5, Qt.ItemDataRole.BackgroundRole) is None
    # 乙 joined in September: nothing owed before, the why in the tooltip.
    assert text(d, 1, 1) == "—"
    assert "不应交：2025年9月12日入党" in text(d, 1, 1, Qt.ItemDataRole.ToolTipRole)
    # No record for her September–November: 未交 with the amount owed (4000 × 1%).
    assert text(d, 1, 9) == "40.00 未交" and text(d, 1, 12) == "40.00"   # December runs: grey
    assert text(d, 1, 12, Qt.ItemDataRole.ForegroundRole).color().name() == NOT_DUE_TEXT
    # Totals: 甲 owes 11 recorded months (440.00) and paid 8; 乙 owes Sep–Nov (120.00).
    assert (text(d, 0, 13), text(d, 0, 14)) == ("440.00", "320.00")
    assert (text(d, 1, 13), text(d, 1, 14)) == ("120.00", "0.00")
    assert text(d, 2, 1) == "40.00" and text(d, 2, 9) == "80.00\n40.00"  # 合计: 应交 over 实交
    assert d.table.rowHeight(2) == 2 * d.table.rowHeight(0)
    assert (text(d, 2, 13), text(d, 2, 14)) == ("560.00", "320.00")
    # 乙's three months without any record are arrears too.
    assert text(d, 1, 9, Qt.ItemDataRole.BackgroundRole).color().name() == ARREARS_COLOURS["warn"]
    assert "未交 6 个月次" in d.summary.text() and "连续欠交 2 人" in d.summary.text()


def test_enter_opens_the_record_or_prefills_a_new_one(qtbot, ledger, runner):
    d = grid_dialog(qtbot, ledger, runner)
    wanted = []
    d.record_wanted.connect(lambda *args: wanted.append(args))
    d.table.setCurrentIndex(d.model.index(0, 3))
    qtbot.keyClick(d.table, Qt.Key.Key_Return)
    type_key, record_id, ids, initial = wanted[-1]
    assert type_key == "dues" and record_id is not None and len(ids) == 11
    assert ledger.records.get(record_id)["month"] == "2025-03"
    d.table.setCurrentIndex(d.model.index(1, 10))
    qtbot.keyClick(d.table, Qt.Key.Key_Enter)
    _t, record_id, _ids, initial = wanted[-1]
    assert record_id is None
    assert initial == {"member": d.model.grid.rows[1].member_id, "month": "2025-10",
                       "base": 400000, "rate": "1%", "due": 4000}


def test_fill_a_month_from_the_grid(qtbot, ledger, runner):
    d = grid_dialog(qtbot, ledger, runner)
    d.month_box.setCurrentIndex(11)
    d.paid_date.setText("2025-12-05")
    with qtbot.waitSignal(d.filled, timeout=10000):
        qtbot.mouseClick(d.fill_button, Qt.MouseButton.LeftButton)
    assert "2025年12月党费：新建 2 条，跳过 0 条" in d.fill_result.text()
    qtbot.waitUntil(lambda: text(d, 0, 12) == "40.00", timeout=10000)
    assert text(d, 1, 12) == "40.00"
    with qtbot.waitSignal(d.filled, timeout=10000):
        d.fill()
    assert "新建 0 条，跳过 2 条（已有记录 2 条）" in d.fill_result.text()


def test_a_bad_paid_date_is_said_where_the_fill_was_running_and_nothing_is_made(
        qtbot, ledger, runner):
    from ledger_app.ui.errors import open_error_dialogs

    d = grid_dialog(qtbot, ledger, runner)
    d.month_box.setCurrentIndex(11)
    d.paid_date.setText("2025-13-05")
    d.fill()
    qtbot.waitUntil(lambda: d.fill_button.isEnabled(), timeout=10000)
    assert d.fill_result.text() == "没有完成：交纳日期“2025-13-05”不是有效日期，请写成 YYYY-MM-DD。"
    assert open_error_dialogs()                       # and the error dialog, as before
    assert ledger.records.count("dues") == 11


def grid_from_the_menu(qtbot, ledger, window_menu):
    """The window on ``ledger`` with 记录 → 党费收缴表 open on 2025 as of AS_OF."""
    window = window_menu(ledger, "dues_grid", "党费收缴表（按月）…")
    dialog = window.dialogs.dues_dialog
    dialog.as_of = AS_OF
    dialog.year_box.setCurrentText("2025年度")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3 and dialog.model.grid.year == 2025,
                    timeout=10000)
    return window, dialog


def test_the_menu_opens_the_grid_and_a_cell_opens_its_record(qtbot, ledger, window_menu,
                                                              tmp_path):
    window, dialog = grid_from_the_menu(qtbot, ledger, window_menu)
    dialog.table.setCurrentIndex(dialog.model.index(0, 6))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialogs.record_dialog is not None
                    and window.dialogs.record_dialog.form.isEnabled(), timeout=10000)
    assert window.dialogs.record_dialog.entry_id == dialog.model.grid.rows[0].cells[5].record_id
    from PySide6.QtWidgets import QApplication

    from ledger_app.ui.qt_fonts import install_ui_font

    install_ui_font(QApplication.instance())
    dialog.resize(1400, 300)
    dialog.grab().save(str(tmp_path / "dues_grid.png"))
    window.dialogs.record_dialog.reject()


def test_a_month_corrected_from_the_grid_shows_in_it_once_saved(qtbot, ledger, window_menu):
    """本月收缴 then the exceptions: Enter on an unpaid month, type 实交, 保存 — the open
    grid shows the month paid and its arrears gone."""
    window, dialog = grid_from_the_menu(qtbot, ledger, window_menu)
    assert text(dialog, 0, 7) == "40.00 未交"
    dialog.table.setCurrentIndex(dialog.model.index(0, 7))          # July
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.dialogs.record_dialog is not None
                    and window.dialogs.record_dialog.form.isEnabled(), timeout=10000)
    form = window.dialogs.record_dialog
    assert window.runner.wait_idle()
    form.form.editors["paid"].set_value(4000)
    with qtbot.waitSignal(form.saved, timeout=10000):
        form.save_button.click()
    qtbot.waitUntil(lambda: text(dialog, 0, 7) == "40.00", timeout=10000)
    # June and August alone are no run of three: the arrears colour is gone.
    assert text(dialog, 0, 6, Qt.ItemDataRole.BackgroundRole) is None


@pytest.mark.parametrize("state, due, paid, shown", [
    ("paid", 4000, 4000, "40.00"),              # paid in full: the amount alone
    ("paid", 4000, 3000, "40.00 / 30.00"),      # paid short: both
    ("paid", 4000, 5000, "40.00 / 50.00"),      # paid more: both
    ("paid", None, 3000, "? / 30.00"),          # owed amount unknown
    ("unpaid", 4000, None, "40.00 未交"),
    ("missing", 4000, None, "40.00 未交"),
    ("pending", 4000, None, "40.00"),           # grey: the month still runs
    ("not_due", None, None, "—"),
])
def test_a_month_in_a_few_characters(qapp, state, due, paid, shown):
    from ledger_app.rules.dues_grid import GridCell
    from ledger_app.ui.dues_grid_view import cell_text

    assert cell_text(GridCell("2025-03", state, due=due, paid=paid)) == shown

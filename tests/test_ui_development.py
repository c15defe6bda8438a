"""发展党员时间线 in the window (pytest-qt, offscreen) on the demo ledger: the 25 steps of a
person with the planted broken date (张伟华's talk after 40 days) shown with its why, the
branch's due steps listed, and Enter opening the development record."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from ledger_app.store import Ledger

TODAY = dt.date(2026, 11, 27)   # the day conftest's demo_file is written as of


def test_timeline_of_a_person_with_the_broken_date(qtbot, window_menu, demo_file, tmp_path):
    import shutil

    path = tmp_path / "演示.ledger"
    shutil.copy(demo_file, path)
    ledger = Ledger.open(path)
    try:
        window = window_menu(ledger, "development_timeline", "发展党员时间线…")
        dialog = window.dialogs.development_dialog
        dialog.as_of = TODAY
        dialog.reload()
        qtbot.waitUntil(lambda: dialog.page is not None and dialog.people.count() >= 7,
                        timeout=15000)
        names = [dialog.people.item(i).text() for i in range(dialog.people.count())]
        row = next(i for i, n in enumerate(names) if n.startswith("张伟华"))
        assert "⚠" in names[row] and "入党申请人" in names[row]
        dialog.people.setCurrentRow(row)
        assert dialog.steps.rowCount() == 25
        assert dialog.steps.item(1, 2).text() == "党组织派人谈话"
        assert "相隔超过 1 个月" in dialog.steps.item(1, 4).text()
        assert dialog.steps.item(2, 3).text() == "—"          # not yet an activist
        due = [dialog.due.item(i).text() for i in range(dialog.due.count())]
        assert any("支部大会讨论转正" in d or "上级党委审批" in d or d == "（没有）" for d in due)
        dialog.steps.setCurrentCell(1, 0)
        dialog.steps.setFocus()
        qtbot.keyClick(dialog.steps, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.dialogs.record_dialog is not None
                        and window.dialogs.record_dialog.form.isEnabled(), timeout=10000)
        assert window.dialogs.record_dialog.entry_id == dialog.current_person().id
        window.dialogs.record_dialog.reject()
        from PySide6.QtWidgets import QApplication

        from ledger_app.ui.qt_fonts import install_ui_font

        install_ui_font(QApplication.instance())
        dialog.grab().save(str(tmp_path / "timeline.png"))
        dialog.close()
        window.close()          # before its ledger closes
    finally:
        ledger.close()

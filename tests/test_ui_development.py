"""发展党员时间线 in the window (pytest-qt, offscreen) on the demo ledger: the 25 steps of a
person with the planted broken date (张伟华's talk after 40 days) shown with its why, the
branch's due steps listed, Enter opening the development record, and a person's documents
listed at the step their caption names."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from ledger_app.store import Ledger

TODAY = dt.date(2026, 11, 27)   # the day conftest's demo_file is written as of


def open_timeline(qtbot, window_menu, ledger):
    """The window on ``ledger`` with 发展党员时间线 opened from its menu, read as of TODAY:
    (window, dialog, the people list's texts)."""
    window = window_menu(ledger, "development_timeline", "发展党员时间线…")
    dialog = window.dialogs.development_dialog
    dialog.as_of = TODAY
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.page is not None and dialog.people.count() >= 7,
                    timeout=15000)
    return window, dialog, [dialog.people.item(i).text() for i in range(dialog.people.count())]


def test_timeline_of_a_person_with_the_broken_date(qtbot, window_menu, demo_file, tmp_path):
    import shutil

    path = tmp_path / "演示.ledger"
    shutil.copy(demo_file, path)
    ledger = Ledger.open(path)
    try:
        window, dialog, names = open_timeline(qtbot, window_menu, ledger)
        row = next(i for i, n in enumerate(names) if n.startswith("张伟华"))
        assert "⚠" in names[row] and "入党申请人" in names[row]
        dialog.people.setCurrentRow(row)
        assert dialog.steps.rowCount() == 25
        assert dialog.steps.item(1, 2).text() == "党组织派人谈话"
        assert "相隔超过 1 个月" in dialog.steps.item(1, 5).text()
        assert dialog.steps.item(2, 3).text() == "—"          # not yet an activist
        # The demo's scan of the 入党申请书, at step 1.
        applied = ledger.records.get(dialog.current_person().id)["application_date"]
        assert dialog.steps.item(0, 4).text() == f"第 1 步 入党申请书（{applied}）"
        assert "材料 1 份" in dialog.title.text()
        due = [dialog.due.item(i).text() for i in range(dialog.due.count())]
        assert any("支部大会讨论转正" in d or "上级党委审批" in d or d == "（没有）" for d in due)
        # Each due step's sentence wraps inside the list instead of running off its side.
        width = dialog.due.viewport().width()
        assert all(dialog.due.visualItemRect(dialog.due.item(i)).width() <= width
                   for i in range(dialog.due.count()))
        assert dialog.due.horizontalScrollBar().maximum() == 0
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


def test_documents_are_listed_at_the_step_their_caption_names(qtbot, window_menu, demo_file,
                                                              tmp_path):
    import shutil

    from test_pdf_sample import photo_bytes

    path = tmp_path / "演示.ledger"
    shutil.copy(demo_file, path)
    ledger = Ledger.open(path)
    try:
        rt = ledger.pack.record_type("development")
        slot = rt.attachments_field()
        assert slot is not None and slot.label == "入党材料"
        person = next(i for i in ledger.records.ids("development")
                      if ledger.records.get(i)["name"] == "张伟华")
        ledger.attachments.add(person, slot.key, photo_bytes(600, 800, seed=3), "申请书.jpg",
                               "第 1 步 入党申请书")
        ledger.attachments.add(person, slot.key, photo_bytes(600, 800, seed=4), "谈话.jpg",
                               "党组织派人谈话记录")               # the step's label, no number
        ledger.attachments.add(person, slot.key, photo_bytes(600, 800, seed=5), "思想汇报.jpg",
                               "2026年第四季度思想汇报")           # no step: listed below
        window, dialog, names = open_timeline(qtbot, window_menu, ledger)
        dialog.people.setCurrentRow(next(i for i, n in enumerate(names) if n.startswith("张伟华")))
        assert "材料 4 份" in dialog.title.text()           # the demo's 入党申请书 and these
        assert dialog.steps.horizontalHeaderItem(4).text() == "材料"
        applied = ledger.records.get(person)["application_date"]
        assert dialog.steps.item(0, 4).text() == f"第 1 步 入党申请书（{applied}）\n第 1 步 入党申请书"
        assert dialog.steps.item(1, 4).text() == "党组织派人谈话记录"
        assert dialog.steps.item(2, 4).text() == ""
        assert dialog.other_documents.text() == "未注明步骤的材料：2026年第四季度思想汇报"
        # Another person: nothing left over from 张伟华.
        dialog.people.setCurrentRow(0 if not names[0].startswith("张伟华") else 1)
        assert "张伟华" not in dialog.steps.item(0, 4).text()
        assert dialog.other_documents.text() == "" and dialog.other_documents.isHidden()
        dialog.close()
        window.close()
    finally:
        ledger.close()

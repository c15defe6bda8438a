"""A saved 转入转出 record linked to a roster member updates the roster (pytest-qt): a 转入
fills 转入本支部日期 at once; a 转出 asks first, then sets 状态 and 离开日期."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from ledger_app.rules.gather import transfer_roster_changes
from ledger_app.store import Ledger
from ledger_app.ui.confirm import CONFIRM_BOX
from ledger_app.ui.main_window import MainWindow


def member(ledger, name, **extra):
    return ledger.records.insert("roster", {
        "name": name, "gender": "女", "birth_date": "1980-02-03", "member_class": "正式党员",
        "status": "在册", "joined_date": "2010-07-01", **extra})


def transfer(ledger, direction, member_id, name, day):
    return ledger.records.insert("transfer", {"direction": direction, "member_name": name,
                                              "member": member_id, "date": day})


@pytest.fixture
def ledger(tmp_path: Path, org):
    opened = Ledger.create(tmp_path / "支部.ledger", org)
    yield opened
    opened.close()


def test_the_changes_a_transfer_means(ledger):
    a = member(ledger, "新来")
    b = member(ledger, "要走")
    came = transfer(ledger, "转入", a, "新来", "2025-05-10")
    went = transfer(ledger, "转出", b, "要走", "2025-11-10")
    assert transfer_roster_changes(ledger, came) == (a, {"arrived_date": "2025-05-10"}, "")
    member_id, changes, question = transfer_roster_changes(ledger, went)
    assert (member_id, changes) == (b, {"status": "转出", "left_date": "2025-11-10"})
    assert "要把党员名册中要走的状态改为“转出”、离开日期记为 2025年11月10日吗" in question
    unlinked = ledger.records.insert("transfer", {"direction": "转入", "member_name": "外来",
                                                  "date": "2025-05-10"})
    assert transfer_roster_changes(ledger, unlinked) == (None, {}, "")


def test_the_window_fills_and_asks(qtbot, runner, ledger):
    a = member(ledger, "新来")
    b = member(ledger, "要走")
    came = transfer(ledger, "转入", a, "新来", "2025-05-10")
    went = transfer(ledger, "转出", b, "要走", "2025-11-10")
    window = MainWindow(ledger, runner)
    qtbot.addWidget(window)
    window.show()
    window.dialogs.transfer_followup(came)
    qtbot.waitUntil(lambda: ledger.records.get(a)["arrived_date"] == "2025-05-10", timeout=10000)
    window.dialogs.transfer_followup(went)
    qtbot.waitUntil(lambda: any(w.objectName() == CONFIRM_BOX and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=10000)
    box = next(w for w in QApplication.topLevelWidgets()
               if w.objectName() == CONFIRM_BOX and w.isVisible())
    assert isinstance(box, QMessageBox) and "要走" in box.text()
    assert ledger.records.get(b)["status"] == "在册"          # nothing before the answer
    yes = next(b_ for b_ in box.buttons() if b_.text() == "修改名册")
    yes.click()
    qtbot.waitUntil(lambda: ledger.records.get(b)["status"] == "转出", timeout=10000)
    assert ledger.records.get(b)["left_date"] == "2025-11-10"


def test_saving_a_transfer_in_its_form_updates_the_roster(qtbot, runner, ledger):
    """The whole path: the 转入转出 form in the window, 保存, and the roster follows."""
    a = member(ledger, "新来")
    window = MainWindow(ledger, runner)
    qtbot.addWidget(window)
    window.show()
    window.dialogs.open_record("transfer", None, [], {
        "direction": "转入", "member": a, "member_name": "新来", "date": "2025-05-10"})
    dialog = window.dialogs.record_dialog
    qtbot.waitUntil(lambda: dialog.form.isEnabled(), timeout=10000)
    assert runner.wait_idle()
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: ledger.records.get(a)["arrived_date"] == "2025-05-10", timeout=10000)
    window.close()

"""The attendance editor inside the meeting dialog: who was due on the day, who came."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit

from ledger_app.store.attendance import Presence
from ledger_app.ui.record_form import RecordDialog


@pytest.fixture
def branch(ledger):
    """Five people: two in each 党小组 on the roll all along, one who joined later,
    one who transferred out before the meeting."""
    def add(name, group, joined, **extra):
        return ledger.records.insert("roster", {
            "name": name, "gender": "女", "birth_date": "1980-01-01", "member_class": "正式党员",
            "status": "在册", "party_group": group, "joined_date": joined, **extra})
    return {
        "张伟": add("张伟", "第一党小组", "2001-07-01"),
        "李娜": add("李娜", "第一党小组", "2010-06-30"),
        "王芳": add("王芳", "第二党小组", "2015-11-02"),
        "刘洋": add("刘洋", "第二党小组", "2024-09-01"),          # joined after the meeting
        "陈静": add("陈静", "第二党小组", "2005-03-01", status="转出",
                   left_date="2024-01-10"),                       # left before it
    }


def open_dialog(qtbot, ledger, runner, entry_id=None) -> RecordDialog:
    dialog = RecordDialog(ledger, runner, "meeting", entry_id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.discard_and_close())
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert runner.wait_idle()
    return dialog


def commit_text(widget, text: str) -> None:
    """Chinese arrives from the input method as a commit."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def set_date(qtbot, dialog, runner, text: str) -> None:
    edit = dialog.form.editors["date"].edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    attendance = dialog.form.attendance_editor()
    with qtbot.waitSignal(attendance.roster_loaded, timeout=3000):
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert runner.wait_idle()


def settle(qtbot, attendance, runner) -> None:
    """Wait until the people due for the meeting as now typed are shown."""
    attendance.settle()
    qtbot.waitUntil(attendance.settled, timeout=3000)
    assert runner.wait_idle()


def names(attendance) -> list[str]:
    return [row.member.name for row in attendance.rows()]


def test_people_due_follow_the_meeting_date_and_counts_are_computed(
        qtbot, ledger, runner, branch):
    dialog = open_dialog(qtbot, ledger, runner)
    attendance = dialog.form.attendance_editor()
    assert names(attendance) == []
    assert "请先填写会议日期" in attendance.note.text()

    set_date(qtbot, dialog, runner, "2024.3.15")
    assert names(attendance) == ["张伟", "李娜", "王芳"]      # 刘洋 not yet, 陈静 gone
    set_date(qtbot, dialog, runner, "2024-12-01")
    assert names(attendance) == ["张伟", "李娜", "王芳", "刘洋"]

    # Nothing marked yet: 应到 is known, nobody is claimed to have come.
    assert attendance.tally_label.text() == "应到 4 人　尚未登记出席情况"
    attendance.all_present.click()
    assert attendance.tally_label.text() == "应到 4 人　实到 4 人　请假 0 人　缺席 0 人"
    row = attendance.row_for(branch["刘洋"])
    row.radios["leave"].click()
    assert attendance.tally_label.text() == "应到 4 人　实到 3 人　请假 1 人　缺席 0 人"
    attendance.row_for(branch["李娜"]).radios["absent"].click()
    assert attendance.tally().due == 4 and attendance.tally().present == 2
    # Nowhere to type a number: the only text boxes are the reasons, one per person.
    assert len(attendance.findChildren(QLineEdit)) == len(attendance.rows())
    assert not attendance.findChildren(QAbstractSpinBox)

    # Marks survive a date change for those still due.
    set_date(qtbot, dialog, runner, "2024-11-30")
    assert attendance.row_for(branch["李娜"]).status() == "absent"


def test_leave_and_absence_need_a_reason_before_saving(qtbot, ledger, runner, branch):
    dialog = open_dialog(qtbot, ledger, runner)
    form = dialog.form
    form.editors["kinds"].boxes[0].click()
    commit_text(form.editors["topic"].edit, "学习贯彻全会精神")
    set_date(qtbot, dialog, runner, "2024-03-15")
    attendance = form.attendance_editor()
    attendance.row_for(branch["张伟"]).radios["present"].click()
    # Half-marked lists are refused: 应到 must be the people due that day.
    assert "还有 2 人未登记出席情况" in form.error_text("attendance")

    attendance.mark_all_present()
    row = attendance.row_for(branch["王芳"])
    row.radios["leave"].click()
    assert row.reason.isVisible() and not attendance.row_for(branch["张伟"]).reason.isVisible()
    assert form.error_text("attendance") == "王芳请假，请填写原因"

    with qtbot.assertNotEmitted(dialog.saved):
        dialog.save()
        assert runner.wait_idle()
    assert ledger.records.count("meeting") == 0
    assert dialog.form.problems() == {"attendance": "王芳请假，请填写原因"}
    assert row.reason.hasFocus()            # the first thing to fix has the focus

    row.reason.setFocus()
    commit_text(row.reason, "因公出差")
    assert form.error_text("attendance") == ""
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save()
    entry_id = saved.args[0]
    stored = {p.member_id: (p.status, p.reason) for p in ledger.attendance.of(entry_id)}
    assert stored == {branch["张伟"]: ("present", ""), branch["李娜"]: ("present", ""),
                      branch["王芳"]: ("leave", "因公出差")}
    tally = ledger.attendance.tally(entry_id)
    assert (tally.due, tally.present, tally.leave, tally.absent) == (3, 2, 1, 0)


def test_a_party_group_meeting_is_due_for_that_group_only(qtbot, ledger, runner, branch):
    dialog = open_dialog(qtbot, ledger, runner)
    form = dialog.form
    set_date(qtbot, dialog, runner, "2024-12-01")
    attendance = form.attendance_editor()
    commit_text(form.editors["party_group"].edit, "第二党小组")
    settle(qtbot, attendance, runner)
    # A group named on a meeting that is not a 党小组会 does not narrow who is due.
    assert names(attendance) == ["张伟", "李娜", "王芳", "刘洋"]
    form.editors["kinds"].set_value(["党小组会"])
    form.editors["kinds"].changed.emit()
    settle(qtbot, attendance, runner)
    assert names(attendance) == ["王芳", "刘洋"]


def test_editing_a_meeting_loads_its_attendance(qtbot, ledger, runner, branch):
    entry_id = ledger.records.insert("meeting", {
        "kinds": ["党课"], "date": "2024-03-15", "topic": "党课：党章学习"})
    # 陈静 left in January but a mark was stored for her: kept and shown, not dropped.
    ledger.attendance.set(entry_id, [
        Presence(branch["张伟"], "present"), Presence(branch["李娜"], "absent", "病假"),
        Presence(branch["王芳"], "present"), Presence(branch["陈静"], "present")])
    dialog = open_dialog(qtbot, ledger, runner, entry_id)
    attendance = dialog.form.attendance_editor()
    assert names(attendance) == ["张伟", "李娜", "王芳", "陈静"]
    assert attendance.row_for(branch["李娜"]).status() == "absent"
    assert attendance.row_for(branch["李娜"]).reason.text() == "病假"
    assert attendance.tally_label.text() == "应到 4 人　实到 3 人　请假 0 人　缺席 1 人"
    assert not dialog.is_dirty()

    attendance.row_for(branch["李娜"]).radios["present"].click()
    assert dialog.is_dirty()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert ledger.attendance.tally(entry_id).present == 4


def test_saving_right_after_changing_the_date_waits_for_that_days_roster(
        qtbot, ledger, runner, branch):
    entry_id = ledger.records.insert("meeting", {
        "kinds": ["党课"], "date": "2024-03-15", "topic": "党课"})
    ledger.attendance.set(entry_id, [Presence(branch[n], "present")
                                     for n in ("张伟", "李娜", "王芳")])
    dialog = open_dialog(qtbot, ledger, runner, entry_id)
    edit = dialog.form.editors["date"].edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "2024-12-01")      # 刘洋 joined in September: due now
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert dialog.status.text() == "正在读取会议当日的名册…"
        assert runner.wait_idle()
    # The save waited for the new day's list, where 刘洋 is due and not yet marked,
    # instead of storing the old day's three.
    assert ledger.records.get(entry_id)["date"] == "2024-03-15"
    assert dialog.form.error_text("attendance") == "还有 1 人未登记出席情况（刘洋）"
    dialog.form.attendance_editor().mark_all_present()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert ledger.attendance.tally(entry_id).due == 4


def test_tab_walks_the_attendance_rows_before_the_next_field(qtbot, ledger, runner, branch):
    dialog = open_dialog(qtbot, ledger, runner)
    set_date(qtbot, dialog, runner, "2024-03-15")
    attendance = dialog.form.attendance_editor()
    chain, widget = [], attendance.all_present
    while len(chain) < 3 * 4 + 1:
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            chain.append(widget)
    first, last = attendance.rows()[0], attendance.rows()[-1]
    assert chain[0] is first.radios["present"]
    assert chain[3] is first.reason
    assert chain[11] is last.reason
    assert chain[12] is dialog.form.editors["content"].edit

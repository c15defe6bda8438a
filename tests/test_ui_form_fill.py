"""The edit form fills itself (issue 11): a valid ID number fills 出生日期 and 性别 without
overwriting what was typed, 党小组 is a drop-down, 序号 is proposed, a 待核实 field says
why, a month-only date is accepted, and a year-bound record takes the chosen year."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QComboBox

from ledger_app.forms.idcard import check_digit
from ledger_app.ui.field_widgets import GroupEditor
from ledger_app.ui.record_form import RecordDialog

ID_WOMAN = "43010519851021104" + check_digit("43010519851021104")   # 1985-10-21, 女


def open_dialog(qtbot, ledger, runner, type_key, entry_id=None, **kwargs) -> RecordDialog:
    dialog = RecordDialog(ledger, runner, type_key, entry_id, **kwargs)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.discard_and_close())
    dialog.show()
    qtbot.waitExposed(dialog)
    assert runner.wait_idle()
    assert dialog.form.isEnabled()
    return dialog


def type_into(qtbot, dialog, key, text) -> None:
    edit = dialog.form.editors[key].edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_valid_id_fills_birth_date_and_gender(qtbot, runner, ledger):
    dialog = open_dialog(qtbot, ledger, runner, "roster")
    form = dialog.form
    type_into(qtbot, dialog, "id_number", ID_WOMAN[:10])
    assert form.editors["birth_date"].raw() == ""            # not yet a number: nothing
    type_into(qtbot, dialog, "id_number", ID_WOMAN)
    assert form.editors["birth_date"].value() == "1985-10-21"
    assert form.editors["gender"].value() == "女"
    assert form.notice_text("birth_date") == "按身份证号码填为1985年10月21日"
    assert form.notice_text("gender") == "按身份证号码填为“女”"


def test_typed_values_are_kept_and_a_mismatch_is_a_notice(qtbot, runner, ledger):
    dialog = open_dialog(qtbot, ledger, runner, "roster")
    form = dialog.form
    type_into(qtbot, dialog, "birth_date", "1985-03")
    combo = form.editors["gender"].combo
    combo.setCurrentIndex(combo.findData("男"))
    type_into(qtbot, dialog, "id_number", ID_WOMAN)
    assert form.editors["birth_date"].value() == "1985-03"   # never overwritten
    assert form.editors["gender"].value() == "男"
    assert form.notice_text("birth_date") == "写的是1985年3月，身份证号码表明是1985年10月21日，请核实"
    assert form.notice_text("gender") == "写的是“男”，身份证号码表明是“女”，请核实"
    assert form.error_text("birth_date") == ""               # a notice, not an error
    type_into(qtbot, dialog, "birth_date", "1985.10")        # agrees: kept as typed, quiet
    assert form.editors["birth_date"].value() == "1985-10"
    assert form.notice_text("birth_date") == ""


def test_group_drop_down_and_proposed_sequence_number(qtbot, runner, ledger):
    ledger.records.insert("roster", {"seq": 4, "name": "甲", "gender": "男",
                                     "birth_date": "1970-01", "member_class": "正式党员",
                                     "status": "在册", "party_group": "退休党小组"})
    dialog = open_dialog(qtbot, ledger, runner, "roster")
    editor = dialog.form.editors["party_group"]
    assert isinstance(editor, GroupEditor) and isinstance(editor.widget, QComboBox)
    assert editor.groups() == ["第一党小组", "第二党小组", "退休党小组"]   # 组织设置, then in use
    editor.combo.setCurrentIndex(2)
    assert editor.value() == "第二党小组"
    assert dialog.form.editors["seq"].value() == 5


def test_pending_field_says_why_until_filled(qtbot, runner, ledger):
    entry = ledger.records.insert("roster", {"name": "乙", "gender": "男",
                                             "member_class": "正式党员", "status": "在册"},
                                  pending={"birth_date": "“1990.1”说不清是1月还是10月"})
    dialog = open_dialog(qtbot, ledger, runner, "roster", entry)
    assert dialog.form.notice_text("birth_date") == "待核实：“1990.1”说不清是1月还是10月"
    type_into(qtbot, dialog, "birth_date", "1990.10")
    dialog.save()
    assert runner.wait_idle()
    assert ledger.records.get(entry)["birth_date"] == "1990-10"
    assert ledger.pending.of(entry) == {}


def test_new_checklist_record_takes_the_chosen_year(qtbot, runner, ledger):
    from ledger_app.ui.main_window import MainWindow

    window = MainWindow(ledger, runner)
    qtbot.addWidget(window)
    assert runner.wait_idle()
    rt = ledger.pack.record_type("six_haves")
    assert rt.field(rt.date_field).type == "integer"
    window.table_pane.current_year = lambda: 2024
    assert window.table_pane.year_default("six_haves") == {rt.date_field: 2024}
    assert window.table_pane.year_default("roster") == {}


def test_table_lists_only_records_waiting_for_a_check(qtbot, runner, ledger):
    from ledger_app.ui.main_window import MainWindow

    waiting = ledger.records.insert("roster", {"name": "乙", "gender": "男",
                                               "member_class": "正式党员", "status": "在册"},
                                    pending={"birth_date": "表中未填，待核实"})
    ledger.records.insert("roster", {"name": "甲", "gender": "男", "birth_date": "1970-01",
                                     "member_class": "正式党员", "status": "在册"})
    window = MainWindow(ledger, runner)
    qtbot.addWidget(window)
    assert runner.wait_idle()
    window.table_pane.show_type("roster")
    assert runner.wait_idle()
    assert window.table_pane.model.rowCount() == 2
    window.table_pane.pending_box.setChecked(True)
    assert runner.wait_idle()
    assert list(window.table_pane.model.ids) == [waiting]


def test_meeting_number_proposed_per_year_kind_and_group(qtbot, runner, ledger):
    def meeting(kind, day, seq, group=None):
        ledger.records.insert("meeting", {"kinds": [kind], "date": day, "seq": seq,
                                          "topic": "学习", "party_group": group})

    meeting("支部党员大会", "2025-01-10", 1)
    meeting("支部党员大会", "2025-04-10", 2)
    meeting("支部党员大会", "2024-11-10", 7)           # another year: not counted
    meeting("党小组会", "2025-02-10", 1, "第一党小组")
    dialog = open_dialog(qtbot, ledger, runner, "meeting")
    form = dialog.form
    kinds = {b.property("choice"): b for b in form.editors["kinds"].boxes}
    type_into(qtbot, dialog, "date", "2025-05-01")
    kinds["支部党员大会"].setChecked(True)
    assert runner.wait_idle()
    assert form.editors["seq"].value() == 3             # 支部党员大会第3次
    kinds["支部党员大会"].setChecked(False)
    kinds["党小组会"].setChecked(True)
    form.editors["party_group"].set_value("第一党小组")
    form.editors["party_group"].changed.emit()
    assert runner.wait_idle()
    assert form.editors["seq"].value() == 2             # 第一党小组's second
    form.editors["party_group"].set_value("第二党小组")
    form.editors["party_group"].changed.emit()
    assert runner.wait_idle()
    assert form.editors["seq"].value() == 1
    type_into(qtbot, dialog, "seq", "9")                 # typed: the person's own
    type_into(qtbot, dialog, "date", "2025-06-01")
    assert runner.wait_idle()
    assert form.editors["seq"].value() == 9
    # the attendance list reloads 250 ms after the date settles: let it, before closing
    qtbot.wait(400)
    assert runner.wait_idle()


def test_meeting_opened_with_date_and_kind_gets_its_number_and_is_not_dirty(
        qtbot, runner, ledger):
    ledger.records.insert("meeting", {"kinds": ["党课"], "date": "2025-03-10", "seq": 1,
                                      "topic": "学习"})
    dialog = open_dialog(qtbot, ledger, runner, "meeting",
                         initial={"date": "2025-06-20", "kinds": ["党课"]})
    assert runner.wait_idle()
    assert dialog.form.editors["seq"].value() == 2
    assert not dialog.is_dirty()
    qtbot.wait(400)                      # the attendance list's delayed reload
    assert runner.wait_idle()

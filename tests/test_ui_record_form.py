"""The generated record dialog, driven through its real widgets on real ledger files."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from ledger_app.forms import idcard
from ledger_app.forms.model import FIELD_TYPES
from ledger_app.store import Ledger
from ledger_app.ui.editors import EDITORS
from ledger_app.ui.errors import LEDGER_ERROR_BOX, open_error_dialogs
from ledger_app.ui.field_widgets import GroupEditor
from ledger_app.ui.form_grid import (
    GROUP_ROLES,
    AttachmentsFieldEditor,
    AttendanceFieldEditor,
)
from ledger_app.ui.member_picker import MemberChecklistDialog
from ledger_app.ui.record_form import RecordDialog

EDITOR_CLASS = {**EDITORS, "attendance": AttendanceFieldEditor,
                "attachments": AttachmentsFieldEditor}


def valid_id(first17: str) -> str:
    return first17 + idcard.check_digit(first17)


def member(ledger, name: str, group: str = "第一党小组", **extra) -> int:
    values = {"name": name, "gender": "男", "birth_date": "1975-05-05",
              "member_class": "正式党员", "status": "在册", "party_group": group,
              "joined_date": "2000-07-01", **extra}
    return ledger.records.insert("roster", values)


def open_dialog(qtbot, ledger, runner, type_key, entry_id=None, **kwargs) -> RecordDialog:
    dialog = RecordDialog(ledger, runner, type_key, entry_id, **kwargs)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.discard_and_close())
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert runner.wait_idle()
    assert dialog.form.isEnabled()
    return dialog


def line(dialog, key) -> QLineEdit:
    return dialog.form.editors[key].edit


def leave(qtbot, dialog, key) -> None:
    """Type into a field, then move on as a person would (Tab)."""
    widget = dialog.form.editors[key].focus_widgets()[0]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def typewrite(qtbot, widget, text: str) -> None:
    """Type as a person does: keys for ASCII, an input-method commit for Chinese."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def type_into(qtbot, dialog, key, text) -> None:
    edit = line(dialog, key)
    edit.setFocus()
    edit.selectAll()
    if edit.text():
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    typewrite(qtbot, edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def pick(dialog, key, text) -> None:
    combo: QComboBox = dialog.form.editors[key].combo
    index = combo.findText(text)
    assert index >= 0, f"{text} not offered in {key}"
    combo.setCurrentIndex(index)


def test_every_record_type_opens_with_a_widget_for_every_field(qtbot, ledger, runner):
    pack = ledger.pack
    seen_types = set()
    for rt in pack.record_types:
        dialog = open_dialog(qtbot, ledger, runner, rt.key)
        assert dialog.windowTitle() == f"新增{rt.label}"
        for f in rt.fields:
            editor = dialog.form.editors[f.key]
            # 党小组 (by role) is a drop-down that still takes typing: a text editor too
            wanted = GroupEditor if f.role in GROUP_ROLES and f.type == "text" \
                else EDITOR_CLASS[f.type]
            assert type(editor) is wanted, (rt.key, f.key)
            assert editor.widget.isVisibleTo(dialog), (rt.key, f.key)
            label = dialog.form.labels[f.key]
            assert label.text().startswith(f.label)
            assert ("*" in label.text()) == f.required, (rt.key, f.key)
            if f.help:
                assert editor.focus_widgets()[0].toolTip() == f.help
            seen_types.add(f.type)
        # A new record shows the declared defaults and saves nothing by opening.
        for f in rt.stored_fields:
            if f.default is not None:
                assert dialog.form.editors[f.key].value() == f.default, (rt.key, f.key)
        assert not dialog.is_dirty()
        dialog.reject()
    # Every field type the program knows is used by the pack, so every editor was opened.
    assert seen_types == set(FIELD_TYPES)
    assert ledger.records.counts() == {rt.key: 0 for rt in pack.record_types}


def test_tab_order_follows_the_declaration(qtbot, ledger, runner):
    dialog = open_dialog(qtbot, ledger, runner, "roster")
    keys = [f.key for f in ledger.pack.record_type("roster").fields]
    first = dialog.form.editors[keys[0]].focus_widgets()[0]
    assert first.hasFocus()
    reached = []
    widget = first
    for _ in range(len(keys) + 5):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
        owner = next((k for k in keys if widget in dialog.form.editors[k].focus_widgets()), None)
        if owner and owner not in reached:
            reached.append(owner)
    assert reached[:len(keys) - 1] == keys[1:]


def test_required_and_idcard_problems_show_beside_the_field_and_block_saving(
        qtbot, ledger, runner):
    dialog = open_dialog(qtbot, ledger, runner, "roster")
    form = dialog.form
    # Nothing shouts at an untouched new form.
    assert all(form.error_text(k) == "" for k in form.editors)

    good = valid_id("11010519491231002")
    wrong_digit = good[:-1] + ("0" if good[-1] != "0" else "1")
    type_into(qtbot, dialog, "id_number", wrong_digit)
    assert "校验位不对" in form.error_text("id_number")
    assert f"应为 {good[-1]}" in form.error_text("id_number")
    assert form.errors["id_number"].isVisible()

    type_into(qtbot, dialog, "phone", "12345")
    assert "电话号码格式不对" in form.error_text("phone")
    type_into(qtbot, dialog, "birth_date", "1985-02-30")
    assert "不是有效日期" in form.error_text("birth_date")

    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.keyClick(line(dialog, "id_number"), Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier)
        assert runner.wait_idle()
    assert ledger.records.count("roster") == 0
    assert dialog.isVisible()
    # Save showed every problem, and the first bad field (姓名, by declaration) has focus.
    assert form.error_text("name") == "必填"
    assert form.error_text("gender") == "必填"
    assert form.error_text("member_class") == "必填"
    assert line(dialog, "name").hasFocus()
    assert "需要修改" in dialog.status.text()

    # Fixing a shown problem clears it as the person types, before leaving the field.
    edit = line(dialog, "id_number")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, good[-1])
    assert form.error_text("id_number") == ""


def test_valid_roster_record_saves_with_stored_values(qtbot, ledger, runner):
    dialog = open_dialog(qtbot, ledger, runner, "roster")
    number = valid_id("43010219850307001")
    type_into(qtbot, dialog, "seq", "３")            # full-width digits from a Chinese IME
    type_into(qtbot, dialog, "name", "欧阳明")
    pick(dialog, "gender", "女")
    type_into(qtbot, dialog, "birth_date", "1985.3.7")
    assert line(dialog, "birth_date").text() == "1985-03-07"   # tidied on leaving
    type_into(qtbot, dialog, "id_number", number.lower())
    pick(dialog, "member_class", "预备党员")
    type_into(qtbot, dialog, "joined_date", "2024年7月1日")
    type_into(qtbot, dialog, "phone", "138 0013 8000")
    type_into(qtbot, dialog, "dues_base", "4200.5")
    assert line(dialog, "dues_base").text() == "4200.50"
    dialog.form.editors["is_mobile"].box.setChecked(True)
    note: QPlainTextEdit = dialog.form.editors["note"].edit
    note.setFocus()
    typewrite(qtbot, note, "从外省转入")
    assert dialog.is_dirty()

    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    entry_id = saved.args[0]
    assert runner.wait_idle()
    assert not dialog.isVisible()
    values = ledger.records.get(entry_id).values
    assert values["seq"] == 3
    assert values["name"] == "欧阳明"
    assert values["gender"] == "女"
    assert values["birth_date"] == "1985-03-07"
    assert values["id_number"] == number.upper()
    assert values["member_class"] == "预备党员"
    assert values["joined_date"] == "2024-07-01"
    assert values["phone"] == "13800138000"
    assert values["dues_base"] == 420050           # 分
    assert values["ethnicity"] == "汉族"            # declared default
    assert values["status"] == "在册"
    assert values["dues_group"] == "在职"
    assert values["is_mobile"] is True and values["is_lost_contact"] is False
    assert values["note"] == "从外省转入"
    assert values["education"] is None and values["left_date"] is None


def test_month_money_and_member_fields_store_their_own_shapes(qtbot, ledger, runner):
    chair = member(ledger, "张伟")
    gone = member(ledger, "李强", status="转出", left_date="2020-01-01")
    dialog = open_dialog(qtbot, ledger, runner, "dues")
    picker = dialog.form.editors["member"].picker
    labels = [picker.itemText(i) for i in range(picker.count())]
    assert "张伟 · 第一党小组" in labels
    assert "李强 · 第一党小组（已转出）" in labels   # shown, marked
    # Type to filter: the completer offers only matching members.
    picker.setFocus()
    typewrite(qtbot, picker.lineEdit(), "张")
    completions = picker.completer().completionModel()
    assert [completions.index(r, 0).data() for r in range(completions.rowCount())] == \
        ["张伟 · 第一党小组"]
    assert dialog.form.error_text("member") == ""          # not while typing
    popup = picker.completer().popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Tab)          # the open list has the keyboard
    assert not popup.isVisible()
    assert dialog.form.error_text("member") == "名册中没有“张”，请从列表中选择"
    picker.setEditText("张伟")                      # a unique name typed in full is enough
    assert dialog.form.editors["member"].value() == chair

    type_into(qtbot, dialog, "month", "2025年3月")
    assert line(dialog, "month").text() == "2025-03"
    type_into(qtbot, dialog, "due", "１２.5元")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save_button.click()
    values = ledger.records.get(saved.args[0]).values
    assert values["member"] == chair and values["month"] == "2025-03" and values["due"] == 1250
    assert gone != chair


def test_editing_loads_stored_values_and_saves_only_changes(qtbot, ledger, runner):
    chair = member(ledger, "张伟")
    recorder = member(ledger, "王芳", "第二党小组")
    entry_id = ledger.records.insert("meeting", {
        "kinds": ["支部委员会"], "date": "2025-03-15", "topic": "研究发展党员工作",
        "chair": chair, "recorder": recorder, "seq": 3, "content": "讨论了两名积极分子。"})
    lines_before = len(ledger.audit.lines(entry_id))
    dialog = open_dialog(qtbot, ledger, runner, "meeting", entry_id)
    form = dialog.form
    assert dialog.windowTitle() == "修改会议记录：研究发展党员工作"
    assert line(dialog, "date").text() == "2025-03-15"
    assert line(dialog, "seq").text() == "3"
    assert form.editors["kinds"].raw() == ["支部委员会"]
    assert form.editors["chair"].picker.currentText() == "张伟 · 第一党小组"
    assert form.editors["recorder"].value() == recorder
    assert form.editors["content"].edit.toPlainText() == "讨论了两名积极分子。"
    assert not dialog.is_dirty()
    dialog.save()                                    # nothing changed: no new audit line
    assert runner.wait_idle()
    assert len(ledger.audit.lines(entry_id)) == lines_before

    dialog = open_dialog(qtbot, ledger, runner, "meeting", entry_id)
    type_into(qtbot, dialog, "place", "党员活动室")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    record = ledger.records.get(entry_id)
    assert record["place"] == "党员活动室" and record["chair"] == chair
    assert record["content"] == "讨论了两名积极分子。"


def test_escape_asks_before_discarding_changes(qtbot, ledger, runner):
    dialog = open_dialog(qtbot, ledger, runner, "regulation")
    key = "title"
    type_into(qtbot, dialog, key, "三会一课制度")

    def answer(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "unsavedChangesBox"
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, lambda: answer("继续编辑"))
    qtbot.keyClick(line(dialog, key), Qt.Key.Key_Escape)
    assert dialog.isVisible() and line(dialog, key).text() == "三会一课制度"

    QTimer.singleShot(0, lambda: answer("不保存"))
    qtbot.keyClick(line(dialog, key), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert ledger.records.count("regulation") == 0


def test_a_failed_save_keeps_everything_typed(qtbot, ledger, runner):
    entry_id = member(ledger, "周敏")
    dialog = open_dialog(qtbot, ledger, runner, "roster", entry_id)
    type_into(qtbot, dialog, "native_place", "江西九江")
    ledger.records.delete(entry_id)          # meanwhile, e.g. from the table
    dialog.save()
    assert runner.wait_idle()
    boxes = [d for d in open_error_dialogs() if d.objectName() == LEDGER_ERROR_BOX]
    assert boxes and "可能已被删除" in boxes[0].text()
    assert dialog.isVisible() and dialog.form.isEnabled()
    assert line(dialog, "native_place").text() == "江西九江"
    assert dialog.is_dirty() and dialog.save_button.isEnabled()
    assert "没有保存" in dialog.status.text()
    ledger.records.restore(entry_id)         # put back: the same form saves now
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert ledger.records.get(entry_id)["native_place"] == "江西九江"


def test_a_read_only_ledger_is_shown_but_not_saved(qtbot, tmp_path, org, runner):
    path = tmp_path / "只读.ledger"
    with Ledger.create(path, org) as writable:
        entry_id = member(writable, "吴刚")
    readonly = Ledger.open(path, readonly=True)
    try:
        dialog = open_dialog(qtbot, readonly, runner, "roster", entry_id)
        assert line(dialog, "name").text() == "吴刚"
        assert not dialog.save_button.isEnabled()
        assert "只读" in dialog.status.text()
        type_into(qtbot, dialog, "native_place", "江西九江")
        with qtbot.assertNotEmitted(dialog.saved):
            qtbot.keyClick(line(dialog, "name"), Qt.Key.Key_S,
                           Qt.KeyboardModifier.ControlModifier)
            assert runner.wait_idle()
        qtbot.keyClick(line(dialog, "name"), Qt.Key.Key_Escape)   # nothing to ask about
        assert not dialog.isVisible()
    finally:
        readonly.close()


def test_ctrl_page_keys_move_between_records(qtbot, ledger, runner):
    ids = [member(ledger, name) for name in ("甲一", "乙二", "丙三")]
    dialog = open_dialog(qtbot, ledger, runner, "roster", ids[0], ids=ids)
    assert dialog.windowTitle() == "修改党员名册：甲一（第 1 条，共 3 条）"
    assert not dialog.prev_button.isEnabled()
    qtbot.keyClick(line(dialog, "name"), Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    assert runner.wait_idle()
    assert line(dialog, "name").text() == "乙二"
    assert dialog.windowTitle().endswith("（第 2 条，共 3 条）")

    # Unsaved changes are offered for saving before moving on.
    type_into(qtbot, dialog, "native_place", "湖南长沙")
    QTimer.singleShot(0, lambda: next(
        b for b in QApplication.activeModalWidget().buttons() if b.text() == "保存").click())
    qtbot.keyClick(line(dialog, "name"), Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    assert runner.wait_idle()
    assert line(dialog, "name").text() == "丙三"
    assert ledger.records.get(ids[1])["native_place"] == "湖南长沙"
    assert not dialog.next_button.isEnabled()
    dialog.activateWindow()  # the window manager's job once the question box closes
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(line(dialog, "name"), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert runner.wait_idle()
    assert line(dialog, "name").text() == "乙二"


def test_untouched_bool_of_an_old_record_stays_unset(qtbot, ledger, runner):
    entry_id = member(ledger, "孙丽")     # inserted without is_mobile: stored as None
    assert ledger.records.get(entry_id)["is_mobile"] is None
    dialog = open_dialog(qtbot, ledger, runner, "roster", entry_id)
    box: QCheckBox = dialog.form.editors["is_mobile"].box
    assert not box.isChecked() and not dialog.is_dirty()
    box.setChecked(True)
    box.setChecked(False)
    assert dialog.is_dirty()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert ledger.records.get(entry_id)["is_mobile"] is False


def test_members_are_ticked_in_a_filtered_list_and_stored_as_ids(qtbot, ledger, runner):
    zhang, li, wang = (member(ledger, "张伟"), member(ledger, "李娜"),
                       member(ledger, "王芳", "第二党小组"))
    dialog = open_dialog(qtbot, ledger, runner, "activity")
    pick(dialog, "kind", "志愿服务")
    type_into(qtbot, dialog, "date", "2025-05-04")
    type_into(qtbot, dialog, "topic", "社区环境整治")
    picker = dialog.form.editors["participants"].picker

    def tick_in_chooser() -> None:
        chooser = QApplication.activeModalWidget()
        assert isinstance(chooser, MemberChecklistDialog)
        typewrite(qtbot, chooser.filter, "第二")            # filter by 党小组
        visible = [chooser.list.item(r) for r in range(chooser.list.count())
                   if not chooser.list.item(r).isHidden()]
        assert [i.text() for i in visible] == ["王芳 · 第二党小组"]
        visible[0].setCheckState(Qt.CheckState.Checked)
        chooser.filter.clear()
        chooser.list.item(0).setCheckState(Qt.CheckState.Checked)   # 张伟
        assert chooser.count_label.text() == "已选 2 人"
        chooser.accept()

    QTimer.singleShot(0, tick_in_chooser)
    picker.choose_button.click()
    assert picker.display.text() == "张伟、王芳"          # in roster order
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save()
    assert ledger.records.get(saved.args[0])["participants"] == [zhang, wang]
    assert li not in ledger.records.get(saved.args[0])["participants"]


def test_a_date_can_be_picked_from_the_calendar(qtbot, ledger, runner):
    dialog = open_dialog(qtbot, ledger, runner, "roster")
    editor = dialog.form.editors["birth_date"]
    editor.menu.aboutToShow.emit()                 # opening starts on today: nothing typed
    editor.calendar.setSelectedDate(QDate(1990, 5, 6))
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(editor.calendar.findChild(QAbstractItemView), Qt.Key.Key_Return)
    assert editor.edit.text() == "1990-05-06" and editor.value() == "1990-05-06"
    assert dialog.form.error_text("birth_date") == ""


def march_dues_form(qtbot, ledger, runner, payer: int) -> RecordDialog:
    """A new 党费 form for ``payer`` (base 4000 on the roster) and 2025-03, 应交 filled."""
    dialog = open_dialog(qtbot, ledger, runner, "dues")
    dialog.form.editors["member"].set_value(payer)
    type_into(qtbot, dialog, "month", "2025-03")
    qtbot.waitUntil(lambda: dialog.form.editors["due"].value() == 4000, timeout=5000)
    return dialog


def test_the_dues_form_computes_what_is_owed_and_an_override_needs_a_note(qtbot, ledger, runner):
    payer = member(ledger, "王芳", dues_base="4000")
    dialog = march_dues_form(qtbot, ledger, runner, payer)
    assert dialog.form.editors["base"].value() == 400000          # from the roster
    assert dialog.form.editors["rate"].value() == "1%"
    assert "按规则应交 40.00 元：在职党员月基数 4000.00 元，按 1% 交纳" in \
        dialog.form.notice_text("due")
    type_into(qtbot, dialog, "due", "30")
    dialog.save_button.click()
    assert "手工调整须在备注中写明原因" in dialog.form.error_text("due")
    assert ledger.records.count("dues") == 0
    type_into(qtbot, dialog, "note", "经支部大会讨论、上级党委批准减交")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save_button.click()
    assert ledger.records.get(saved.args[0])["due"] == 3000


def test_a_base_and_a_rate_typed_in_the_dues_form_fill_what_is_owed(qtbot, ledger, runner):
    payer = member(ledger, "王芳", dues_base="4000")
    dialog = march_dues_form(qtbot, ledger, runner, payer)
    type_into(qtbot, dialog, "base", "6000")             # a new salary, not yet on the roster
    assert dialog.form.editors["rate"].value() == "1.5%"
    assert dialog.form.editors["due"].value() == 9000
    assert "按规则应交 90.00 元：在职党员月基数 6000.00 元，按 1.5% 交纳" in \
        dialog.form.notice_text("due")
    assert "基数为本表填写" in dialog.form.notice_text("due")
    type_into(qtbot, dialog, "rate", "2%")                # a rate of her own: 应交 follows ...
    assert dialog.form.editors["due"].value() == 12000
    dialog.save_button.click()                            # ... and needs a 备注
    assert "与按规则算出的 90.00 元不同" in dialog.form.error_text("due")
    type_into(qtbot, dialog, "rate", "1.5%")
    assert dialog.form.editors["due"].value() == 9000
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save_button.click()
    assert ledger.records.get(saved.args[0])["base"] == 600000
    assert ledger.records.get(saved.args[0])["due"] == 9000


def test_a_base_typed_before_the_member_is_the_one_the_rule_applies(qtbot, ledger, runner):
    payer = member(ledger, "李强", dues_base="4000", dues_group="离退休")
    dialog = open_dialog(qtbot, ledger, runner, "dues")
    type_into(qtbot, dialog, "base", "5200")
    dialog.form.editors["member"].set_value(payer)
    type_into(qtbot, dialog, "month", "2025-03")
    qtbot.waitUntil(lambda: dialog.form.editors["due"].value() == 5200, timeout=5000)
    assert dialog.form.editors["base"].value() == 520000   # kept, not the roster's 4000
    assert dialog.form.editors["rate"].value() == "1%"      # 离退休 above 5000


def test_a_second_dues_record_for_the_month_is_refused_in_the_form_naming_the_first(
        qtbot, ledger, runner):
    payer = member(ledger, "王芳", dues_base="4000")
    first = ledger.records.insert("dues", {"member": payer, "month": "2025-03", "base": "4000",
                                           "rate": "1%", "due": "40", "paid": "40"})
    dialog = march_dues_form(qtbot, ledger, runner, payer)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.form.error_text("month") != "", timeout=5000)
    message = dialog.form.error_text("month")
    assert "已有一条党费收缴记录：王芳 2025年3月" in message and f"编号 {first}" in message
    assert ledger.records.count("dues") == 1
    type_into(qtbot, dialog, "month", "2025-04")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    assert ledger.records.count("dues") == 2

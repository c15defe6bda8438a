"""The main window with real widgets on a real ledger file (offscreen)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from ledger_app.store import Ledger
from ledger_app.ui.confirm import CONFIRM_BOX
from ledger_app.ui.errors import open_error_dialogs
from ledger_app.ui.main_window import MainWindow
from ledger_app.ui.record_pane import ALL_YEARS
from ledger_app.ui.tasks import TaskRunner

NAMES = ["张伟", "李娜", "王芳", "张伟明", "陈静", "赵磊"]


def add_members(ledger: Ledger) -> list[int]:
    return [ledger.records.insert("roster", {
        "seq": i + 1, "name": name, "gender": "男" if i % 2 else "女",
        "birth_date": f"19{70 + i}-03-0{i + 1}", "member_class": "正式党员", "status": "在册",
        "phone": "13812345678", "party_group": "第一党小组"}) for i, name in enumerate(NAMES)]


@pytest.fixture
def filled(ledger: Ledger) -> Ledger:
    members = add_members(ledger)
    for month in range(1, 11):
        ledger.records.insert("meeting", {
            "kinds": ["支部党员大会"], "date": f"2025-{month:02d}-15",
            "topic": f"学习党章第{month}次", "chair": members[0], "recorder": members[1]})
    ledger.records.insert("meeting", {"kinds": ["党课"], "date": "2024-06-20",
                                      "topic": "七一党课", "chair": members[3]})
    return ledger


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def window(filled: Ledger, runner: TaskRunner, qtbot) -> MainWindow:
    window = MainWindow(filled, runner)
    qtbot.addWidget(window)
    window.show()
    assert runner.wait_idle()
    yield window
    for dialog in open_error_dialogs():
        dialog.close()
    window.close()
    runner.wait_idle()


def settle(window: MainWindow) -> None:
    assert window.runner.wait_idle()


def choose_year(window: MainWindow, year: int | None) -> None:
    window.table_pane.year_box.setCurrentIndex(window.table_pane.year_box.findData(year))
    settle(window)


def type_chinese(widget, text: str) -> None:
    """Chinese arrives through the input method, one committed word at a time."""
    from PySide6.QtGui import QInputMethodEvent

    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def confirm_box(qtbot) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if w.objectName() == CONFIRM_BOX and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=2000)
    return found[0]


def press(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.findChildren(QPushButton) if b.text() == text)
    button.click()


def test_tree_shows_categories_and_counts(window: MainWindow):
    tree = window.tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == \
        ["首页（自查）", "基本队伍", "基本活动", "基本阵地", "基本制度", "基本保障"]
    assert window.showing_home()          # a ledger opens on its home page
    assert window.current_year() == 2025  # the newest year that holds records
    assert tree.count_of("roster") == 6
    assert tree.count_of("meeting") == 10
    assert tree.topLevelItem(2).text(1) == "10"
    assert window.windowTitle() == "测试街道第一社区党支部 — 基层台账"
    assert window.count_label.text() == ""   # it counts a table's rows: none on the home page
    tree.select_type("roster")
    settle(window)
    assert "共 6 条" in window.count_label.text()
    assert str(window.ledger.path) in window.path_label.text()


def test_selecting_a_type_shows_its_table(window: MainWindow):
    assert window.table_pane.model.type_key == "roster"
    window.tree.select_type("meeting")
    settle(window)
    model = window.table_pane.table.model()
    assert model.type_key == "meeting"
    assert model.rowCount() == 10
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "主题（议题）" in headers and "主持人" in headers
    assert model.data(model.index(0, headers.index("日期"))) == "2025-10-15"  # newest first
    assert model.data(model.index(0, headers.index("主持人"))) == "张伟"
    assert window.table_pane.table.currentIndex().row() == 0
    assert window.table_pane.table.columnWidth(headers.index("日期")) >= \
        window.table_pane.table.fontMetrics().horizontalAdvance("2025-10-15")


def test_year_switch(window: MainWindow):
    window.tree.select_type("meeting")
    settle(window)
    choose_year(window, 2024)
    assert window.table_pane.model.rowCount() == 1
    assert window.tree.count_of("meeting") == 1
    assert window.tree.count_of("roster") == 6  # the roster belongs to every year
    choose_year(window, None)
    assert window.table_pane.year_box.currentText() == ALL_YEARS
    assert window.table_pane.model.rowCount() == 11
    choose_year(window, 2025)
    window.tree.select_type("talk")
    settle(window)
    assert window.table_pane.model.rowCount() == 0
    assert window.table_pane.table_stack.currentWidget() is window.table_pane.empty_label
    assert "2025 年度的“谈心谈话”还没有记录" in window.table_pane.empty_label.text()


def test_search_filters_as_you_type(window: MainWindow, qtbot):
    window.tree.select_type("roster")
    settle(window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.table_pane.search_box.hasFocus() or QApplication.focusWidget() is window.table_pane.search_box
    type_chinese(window.table_pane.search_box, "张伟")
    qtbot.waitUntil(lambda: window.table_pane.model.search == "张伟", timeout=2000)
    settle(window)
    names_col = [f.key for f in window.table_pane.model.fields].index("name")
    names = {window.table_pane.model.data(window.table_pane.model.index(r, names_col))
             for r in range(window.table_pane.model.rowCount())}
    assert names == {"张伟", "张伟明"}
    assert "搜索“张伟”" in window.count_label.text()
    window.table_pane.search_box.clear()
    qtbot.waitUntil(lambda: window.table_pane.model.search == "", timeout=2000)
    settle(window)
    assert window.table_pane.model.rowCount() == 6


def test_sensitive_columns_masked_until_toggled(window: MainWindow, show_sensitive):
    phone_col = [f.key for f in window.table_pane.model.fields].index("phone")
    assert window.table_pane.model.data(window.table_pane.model.index(0, phone_col)) == "138****5678"
    show_sensitive(window)
    assert window.table_pane.model.data(window.table_pane.model.index(0, phone_col)) == "13812345678"


def test_header_click_sorts_in_sql(window: MainWindow):
    name_col = [f.key for f in window.table_pane.model.fields].index("seq")
    window.table_pane.table.horizontalHeader().setSortIndicator(name_col, Qt.SortOrder.DescendingOrder)
    settle(window)
    assert window.table_pane.model.data(window.table_pane.model.index(0, name_col)) == "6"


def test_keyboard_moves_between_records_and_categories(window: MainWindow, qtbot):
    window.table_pane.table.setFocus()
    window.table_pane.table.selectRow(0)
    qtbot.keyClick(window.table_pane.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.table_pane.table.currentIndex().row() == 1
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert window.table_pane.model.type_key == "meeting"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    assert window.table_pane.model.type_key == "roster"


def test_delete_goes_to_recycle_bin_and_restores(window: MainWindow, filled: Ledger, qtbot):
    window.tree.select_type("meeting")
    settle(window)
    first = window.current_record_id()
    title = filled.records.get(first)["topic"]
    window.table_pane.table.setFocus()
    qtbot.keyClick(window.table_pane.table, Qt.Key.Key_Delete)
    box = confirm_box(qtbot)
    assert title in box.text() and "回收站" in box.text()
    press(box, "取消")
    settle(window)
    assert window.table_pane.model.rowCount() == 10  # nothing changed

    window.menus.actions["delete"].trigger()
    press(confirm_box(qtbot), "删除")
    settle(window)
    assert window.table_pane.model.rowCount() == 9
    assert first not in window.table_pane.model.ids
    assert window.tree.count_of("meeting") == 9
    assert filled.records.recycle_bin()[0].id == first

    window.show_recycle_bin()
    settle(window)
    bin_dialog = window.dialogs.dialog
    assert bin_dialog.table.rowCount() == 1
    assert bin_dialog.table.item(0, 0).text() == "会议记录"
    assert bin_dialog.table.item(0, 1).text() == title
    bin_dialog.table.selectRow(0)
    bin_dialog.restore_button.click()
    settle(window)
    assert bin_dialog.table.rowCount() == 0
    assert window.table_pane.model.rowCount() == 10
    assert window.tree.count_of("meeting") == 10
    bin_dialog.close()


def test_purge_from_recycle_bin_after_confirm(window: MainWindow, filled: Ledger, qtbot):
    window.tree.select_type("meeting")
    settle(window)
    doomed = window.current_record_id()
    filled.records.delete(doomed)
    window.refresh_all()
    window.show_recycle_bin()
    settle(window)
    bin_dialog = window.dialogs.dialog
    bin_dialog.table.selectRow(0)
    bin_dialog.purge_button.click()
    press(confirm_box(qtbot), "彻底删除")
    settle(window)
    assert bin_dialog.table.rowCount() == 0
    assert filled.records.recycle_bin() == []
    with pytest.raises(Exception, match="找不到"):
        filled.records.get(doomed, include_deleted=True)
    bin_dialog.close()


def test_settings_change(window: MainWindow, filled: Ledger):
    window.menus.actions["settings"].trigger()
    settle(window)
    dialog = window.dialogs.dialog
    assert dialog.form.org_name.text() == "测试街道第一社区党支部"
    assert dialog.form.party_groups.toPlainText() == "第一党小组\n第二党小组"
    dialog.form.org_name.setText("")
    dialog.save()
    assert "请填写组织名称" in dialog.form.problem_label.text()
    dialog.form.org_name.setText("测试街道第二社区党支部")
    dialog.form.party_groups.setPlainText("第一党小组\n第二党小组\n第三党小组")
    dialog.save()
    settle(window)
    assert not dialog.isVisible()
    assert window.windowTitle() == "测试街道第二社区党支部 — 基层台账"
    settings = filled.settings()
    assert settings["org_name"] == "测试街道第二社区党支部"
    assert settings["party_groups"] == ["第一党小组", "第二党小组", "第三党小组"]


def shown_message(qtbot) -> str:
    qtbot.waitUntil(lambda: bool(open_error_dialogs()), timeout=3000)
    boxes = open_error_dialogs()
    assert len(boxes) == 1 and isinstance(boxes[0], QMessageBox), "a plain message, not a bug"
    text = boxes[0].text()
    boxes[0].close()
    return text


def assert_unchanged(window: MainWindow, ledger: Ledger) -> None:
    assert window.ledger is ledger and not ledger.closed
    assert window.table_pane.model.rowCount() == 6


def test_opening_a_file_that_is_not_a_ledger(window: MainWindow, filled: Ledger, tmp_path, qtbot):
    text_file = tmp_path / "会议.ledger"
    text_file.write_text("这不是台账", encoding="utf-8")
    before = text_file.read_bytes()
    window.open_path(text_file)
    settle(window)
    assert "不是台账文件" in shown_message(qtbot)
    assert text_file.read_bytes() == before
    assert_unchanged(window, filled)

    other_db = tmp_path / "别的.db"
    sqlite3.connect(other_db).execute("CREATE TABLE t(x)").connection.close()
    window.open_path(other_db)
    settle(window)
    assert "不是台账文件" in shown_message(qtbot)
    assert_unchanged(window, filled)


def test_opening_a_newer_version_ledger(window: MainWindow, filled: Ledger, tmp_path, org,
                                        qtbot):
    newer = tmp_path / "新版本.ledger"
    Ledger.create(newer, org).close()
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = newer.read_bytes()
    window.open_path(newer)
    settle(window)
    assert "更新版本" in shown_message(qtbot)
    assert newer.read_bytes() == before
    assert_unchanged(window, filled)


def test_opening_a_ledger_open_elsewhere(window: MainWindow, filled: Ledger, tmp_path, org,
                                         qtbot):
    busy = tmp_path / "别处打开.ledger"
    holder = Ledger.create(busy, org)
    try:
        window.open_path(busy)
        settle(window)
        assert "另一个程序使用" in shown_message(qtbot)
        assert_unchanged(window, filled)
    finally:
        holder.close()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root may write to read-only files, so the check cannot trigger")
def test_opening_a_read_only_ledger(window: MainWindow, filled: Ledger, tmp_path, org, qtbot):
    locked = tmp_path / "只读.ledger"
    Ledger.create(locked, org).close()
    locked.chmod(0o444)
    try:
        window.open_path(locked)
        settle(window)
        assert "只读" in shown_message(qtbot)
        assert_unchanged(window, filled)
    finally:
        locked.chmod(0o644)


def test_opening_another_ledger_switches(window: MainWindow, filled: Ledger, tmp_path, qtbot):
    other = tmp_path / "另一个.ledger"
    Ledger.create(other, {"org_name": "另一个党支部", "org_type": "党支部"}).close()
    window.open_path(other)
    settle(window)
    assert window.ledger.path == other
    assert filled.closed  # the previous one was closed after its pending work
    assert window.windowTitle() == "另一个党支部 — 基层台账"
    assert window.tree.count_of("roster") == 0
    assert window.table_pane.table_stack.currentWidget() is window.table_pane.empty_label
    from ledger_app.ui import paths
    assert paths.recent_files()[0] == str(other.resolve())


def test_output_actions_are_enabled_with_a_ledger(window: MainWindow):
    from ledger_app.ui.output_actions import OUTPUTS

    for spec in OUTPUTS:
        action = window.menus.outputs.actions[spec.key]
        assert action.isEnabled() and action.toolTip() == spec.tip


def test_geometry_and_recent_files_remembered(window: MainWindow, filled: Ledger):
    from ledger_app.ui import paths

    window.resize(1000, 640)
    window.close()
    settle(window)
    store = paths.settings()
    assert not store.value("main_window/geometry").isEmpty()
    assert store.value("main_window/type") == "roster"
    assert paths.recent_files()[0] == str(Path(filled.path).resolve())


@pytest.mark.parametrize("key", ["print", "export", "import", "archive"])
def test_output_actions_open_their_dialogs(window: MainWindow, key: str):
    from ledger_app.ui.output_actions import OUTPUTS

    spec = next(s for s in OUTPUTS if s.key == key)
    window.tree.select_type("meeting")
    settle(window)
    action = window.menus.outputs.actions[key]
    assert action.isEnabled()
    action.trigger()
    dialog = window.menus.outputs.dialog
    assert type(dialog) is spec.target()
    assert dialog.isVisible() and dialog.parent() is window
    settle(window)
    dialog.close()
    settle(window)


def test_new_ledger_from_the_file_menu(window: MainWindow, filled: Ledger, tmp_path):
    window.menus.actions["new_ledger"].trigger()
    dialog = window.menus.dialog
    panel = dialog.panel
    panel.form.org_name.setText("新成立的党支部")
    assert panel.path_edit.text().endswith("新成立的党支部.ledger")
    panel.path_edit.setText(str(tmp_path / "新成立"))  # the suffix is added
    panel.create_button.click()
    settle(window)
    assert window.ledger.path == tmp_path / "新成立.ledger"
    assert window.windowTitle() == "新成立的党支部 — 基层台账"
    assert filled.closed and not dialog.isVisible()

    # Creating over an existing file is refused, and nothing changes.
    window.menus.actions["new_ledger"].trigger()
    panel = window.menus.dialog.panel
    panel.form.org_name.setText("重名")
    panel.path_edit.setText(str(tmp_path / "新成立.ledger"))
    before = (tmp_path / "新成立.ledger").read_bytes()
    panel.create_button.click()
    settle(window)
    boxes = open_error_dialogs()
    assert boxes and "已存在" in boxes[0].text()
    boxes[0].close()
    assert (tmp_path / "新成立.ledger").read_bytes() == before
    assert window.windowTitle() == "新成立的党支部 — 基层台账"
    window.menus.dialog.close()


def test_close_ledger_returns_to_the_start_dialog(filled: Ledger, qtbot, tmp_path):
    from ledger_app.ui.app import AppController

    controller = AppController(QApplication.instance())
    window = controller.show_main(filled)
    settle(window)
    window.menus.actions["close_ledger"].trigger()
    settle(window)
    assert filled.closed and not window.isVisible()
    start = controller.start
    assert start is not None and start.isVisible()
    assert start.recent_list.count() == 1  # the ledger just closed
    # A recent file that turned out not to be a ledger: a message, the dialog stays.
    bad = tmp_path / "坏.ledger"
    bad.write_bytes(b"not a ledger at all")
    start.open_path(bad)
    settle(window)
    assert "不是台账文件" in shown_message(qtbot)
    assert start.isVisible()
    start.recent_list.setCurrentRow(0)
    start._recent_chosen(start.recent_list.item(0))
    settle(window)
    assert not start.isVisible() and window.isVisible()
    assert window.ledger.path == filled.path and not window.ledger.closed
    window.close()
    controller.shutdown()


def test_uncaught_exception_in_a_slot_shows_the_bug_dialog(qtbot):
    from ledger_app.ui.app import _excepthook
    from ledger_app.ui.errors import BugDialog

    try:
        raise RuntimeError("槽函数里的错误")
    except RuntimeError as exc:
        _excepthook(type(exc), exc, exc.__traceback__)
    dialogs = [d for d in open_error_dialogs() if isinstance(d, BugDialog)]
    assert len(dialogs) == 1 and "槽函数里的错误" in dialogs[0].details
    dialogs[0].close()


def test_log_and_crash_files_go_to_the_user_folder(tmp_path):
    import subprocess
    import sys

    home = tmp_path / "用户目录"
    code = ("from ledger_app.ui.app import setup_logging; import logging; "
            "print(setup_logging()); logging.getLogger('ledger_app').warning('写入日志')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                          env={**os.environ, "LEDGER_APP_HOME": str(home),
                               "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert done.returncode == 0, done.stderr
    log_file = Path(done.stdout.strip())
    assert log_file.parent == home / "logs"
    assert "写入日志" in log_file.read_text(encoding="utf-8")
    assert (home / "logs" / "crash.log").exists()


def test_quick_switching_keeps_only_the_last_answer(window: MainWindow):
    for key in ["meeting", "roster", "dues", "meeting", "talk", "roster", "meeting"]:
        window.tree.select_type(key)  # each switch queues an id query on the worker
    window.table_pane.search_box.setText("张伟")
    window.table_pane.apply_filter()
    choose_year(window, None)
    assert not open_error_dialogs()
    assert window.table_pane.model.type_key == "meeting"
    assert window.table_pane.model.rowCount() == 11  # ten chaired by 张伟, one (2024) by 张伟明
    assert window.table_pane.table.model() is window.table_pane.model


def test_a_crowded_status_bar_cuts_the_path_before_the_organisation(window: MainWindow, qtbot):
    from PySide6.QtWidgets import QLabel, QProgressBar

    from ledger_app.ui.elided_label import ElidedLabel

    window.settings_saved({"org_name": "湘江市岳山区桂花街道幸福里社区党支部"})
    window.path_label.setText("/home/secretary/一个很长的文件夹名字/第二层文件夹/"
                              "幸福里社区党支部台账-2026年度.ledger")
    step = ElidedLabel(min_chars=6)
    step.setText("正在写入会议记录…")
    step.reserve("正在登记出席情况和会议照片…")
    bar = QProgressBar()
    bar.setMaximumWidth(120)
    window.add_progress(step, bar)   # as a demo being written shows its progress
    window.statusBar().clearMessage()
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.width() == 800)
    QApplication.processEvents()

    eight = window.org_label.fontMetrics().horizontalAdvance("中" * 8)
    assert window.org_label.isVisible() and window.org_label.width() >= eight
    assert window.org_label.text() == "湘江市岳山区桂花街道幸福里社区党支部"
    shown_path = QLabel.text(window.path_label)
    assert "…" in shown_path and shown_path.endswith(".ledger")
    assert window.path_label.toolTip().startswith("/home/secretary/")
    assert bar.isVisible() and step.isVisible()

    window.resize(1600, 600)
    qtbot.waitUntil(lambda: window.width() == 1600)
    QApplication.processEvents()
    assert QLabel.text(window.org_label) == "湘江市岳山区桂花街道幸福里社区党支部"
    assert window.org_label.toolTip() == ""
    window.remove_progress(bar)
    window.remove_progress(step)


def test_the_busy_note_is_for_long_jobs_and_gives_way_to_a_progress(window: MainWindow, qtbot):
    import time

    from PySide6.QtWidgets import QProgressBar

    window.runner.run(lambda: time.sleep(0.1))
    qtbot.wait(50)
    assert window.statusBar().currentMessage() != "正在处理…"   # a quick read leaves it alone
    settle(window)
    window.runner.run(lambda: time.sleep(1))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "正在处理…", timeout=2000)
    settle(window)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "正在处理…", timeout=2000)

    bar = QProgressBar()
    window.add_progress(bar)
    window.runner.run(lambda: time.sleep(1))
    qtbot.wait(700)
    assert window.statusBar().currentMessage() != "正在处理…"
    settle(window)
    window.remove_progress(bar)

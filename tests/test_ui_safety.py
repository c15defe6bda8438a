"""文件 → 备份 / 从备份恢复 / 另存为, the background check and the automatic backups,
with real widgets on real ledger files (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from damage_support import damage_table
from PySide6.QtWidgets import QApplication, QMessageBox
from roster_support import MEMBER, add_members, branch_with_members

from ledger_app.store import Ledger
from ledger_app.store import backups as bk
from ledger_app.ui.confirm import CONFIRM_BOX
from ledger_app.ui.errors import BUG_DIALOG, open_error_dialogs
from ledger_app.ui.main_window import MainWindow
from ledger_app.ui.safety_actions import DAMAGED_BOX, RESTORED_BOX
from ledger_app.ui.tasks import TaskRunner


@pytest.fixture
def path(tmp_path: Path, org) -> Path:
    return branch_with_members(tmp_path, org, 120)


def open_window(path: Path, runner: TaskRunner, qtbot) -> MainWindow:
    window = MainWindow(Ledger.open(path), runner)
    qtbot.addWidget(window)
    window.show()
    assert runner.wait_idle()
    assert window.menus.safety.care.wait()
    QApplication.processEvents()
    return window


def close_window(window: MainWindow, runner: TaskRunner) -> None:
    for dialog in open_error_dialogs():
        dialog.close()
    window.close()
    runner.wait_idle()


def box_named(name: str) -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == name and widget.isVisible():
            return widget  # type: ignore[return-value]
    return None


def test_opening_backs_up_in_the_background_and_closing_again_after_changes(path, runner, qtbot):
    window = open_window(path, runner, qtbot)
    qtbot.waitUntil(lambda: "已自动备份" in window.statusBar().currentMessage(), timeout=10_000)
    (first,) = bk.listing(path.with_name("支部.备份"), "支部")
    with Ledger.open(first.path, readonly=True) as copy:
        assert copy.records.count("roster") == 120
    runner.run(lambda: window.ledger.records.insert("roster", dict(MEMBER, name="新党员")))
    runner.wait_idle()
    close_window(window, runner)
    newest = bk.listing(path.with_name("支部.备份"), "支部")[0]
    with Ledger.open(newest.path, readonly=True) as copy:
        assert copy.records.count("roster") == 121


def test_a_damaged_ledger_is_named_with_its_latest_good_backup_not_a_bug_dialog(path, runner, qtbot):
    with Ledger.open(path, readonly=True) as ledger:
        good = bk.back_up(ledger)
    damage_table(path, "t_roster", nth_leaf=1)
    window = open_window(path, runner, qtbot)
    qtbot.waitUntil(lambda: box_named(DAMAGED_BOX) is not None, timeout=10_000)
    box = box_named(DAMAGED_BOX)
    assert "“党员名册”所在的数据页已损坏" in box.text()
    assert str(good) in box.text()
    assert not [d for d in open_error_dialogs() if d.objectName() == BUG_DIALOG]
    box.close()
    close_window(window, runner)
    assert [b.path for b in bk.listing(good.parent, "支部")] == [good]  # kept good


def test_restore_from_a_backup_closes_restores_and_reopens(path, runner, qtbot):
    window = open_window(path, runner, qtbot)
    (backup,) = bk.listing(path.with_name("支部.备份"), "支部")
    runner.run(lambda: add_members(window.ledger, 3, prefix="备份之后"))
    runner.wait_idle()
    window.menus.safety.restore_from(backup.path)
    box = box_named(CONFIRM_BOX)
    assert "现在的台账文件会改名保留" in box.text()
    next(b for b in box.buttons() if b.text() == "恢复").click()
    qtbot.waitUntil(lambda: window.ledger is not None and runner.wait_idle(), timeout=10_000)
    assert window.ledger.records.count("roster") == 120
    (aside,) = path.parent.glob("支部.恢复前-*.ledger")
    with Ledger.open(aside, readonly=True) as kept:
        assert kept.records.count("roster") == 123
    restored = box_named(RESTORED_BOX)
    assert aside.name in restored.text()
    restored.close()
    close_window(window, runner)


def test_save_as_copies_the_ledger_and_goes_on_there(path, runner, qtbot, tmp_path):
    window = open_window(path, runner, qtbot)
    target = tmp_path / "另一份" / "支部2024"
    target.parent.mkdir()
    window.menus.safety.save_as(target)
    qtbot.waitUntil(lambda: window.ledger is not None and
                    window.ledger.path == target.with_name("支部2024.ledger"), timeout=10_000)
    runner.wait_idle()
    assert window.ledger.records.count("roster") == 120
    assert not window.ledger.readonly
    close_window(window, runner)


def test_backup_action_makes_a_backup_now(path, runner, qtbot):
    window = open_window(path, runner, qtbot)
    runner.run(lambda: window.ledger.records.insert("roster", dict(MEMBER, name="新党员")))
    window.menus.safety.actions["backup"].trigger()
    runner.wait_idle()
    qtbot.waitUntil(lambda: "已备份到" in window.statusBar().currentMessage(), timeout=5000)
    assert len(bk.listing(path.with_name("支部.备份"), "支部")) == 2
    close_window(window, runner)


def test_backups_go_to_the_chosen_folder(path, runner, qtbot, tmp_path):
    window = open_window(path, runner, qtbot)
    chosen = tmp_path / "U盘"
    window.menus.safety.set_backup_folder(chosen)
    runner.wait_idle()
    window.menus.safety.actions["backup"].trigger()
    runner.wait_idle()
    assert len(bk.listing(chosen, "支部")) == 1
    close_window(window, runner)

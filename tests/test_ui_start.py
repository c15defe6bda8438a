"""The start dialog's demo button: a fresh demo ledger made off the UI thread, or cancelled."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from ledger_app.ui import paths
from ledger_app.ui.app import AppController
from ledger_app.ui.errors import open_error_dialogs

pytest.importorskip("ledger_app.demo", reason="the demo generator is not there yet")


@pytest.fixture
def controller(qtbot):
    controller = AppController(QApplication.instance())
    yield controller
    if controller.window is not None:
        controller.window.close()
    if controller.start is not None:
        controller.start.close()
    controller.shutdown()


def test_demo_button_opens_a_fresh_demo_ledger(controller, qtbot):
    start = controller.show_start()
    start.demo_button.click()
    assert not start.demo_button.isEnabled()  # busy while the demo is written
    assert controller.runner.wait_idle(60000)
    assert not open_error_dialogs()
    window = controller.window
    assert window is not None and window.isVisible() and not start.isVisible()
    assert window.ledger.path.parent == paths.demo_dir()
    assert window.ledger.path.name.startswith("演示台账-")
    assert window.tree.count_of("roster") >= 30  # about 35 members
    assert window.table_pane.model.rowCount() == window.tree.count_of("roster")


def test_cancelling_the_demo_leaves_nothing_behind(controller, qtbot):
    start = controller.show_start()
    start.demo_button.click()
    progress: list[QProgressDialog] = []

    def shown() -> bool:
        progress[:] = start.findChildren(QProgressDialog)
        return bool(progress)

    qtbot.waitUntil(shown, timeout=3000)
    next(b for b in progress[0].findChildren(QPushButton)).click()  # 取消
    assert controller.runner.wait_idle(60000)
    assert not open_error_dialogs()
    assert controller.window is None
    assert start.isVisible() and start.demo_button.isEnabled()
    assert not list(paths.demo_dir().glob("*.ledger"))

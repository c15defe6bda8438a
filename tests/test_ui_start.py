"""The start dialog's demo button: for each kind of demo (党支部, 关工委, 工会) the window comes
up on the demo's first piece, as ``ledger-app --demo`` does, and the rest fills in behind it
with progress in the status bar; the home page checks only the whole demo."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from demo_support import integrity, table_counts
from PySide6.QtWidgets import QApplication, QProgressBar, QProgressDialog

from ledger_app.ui import paths
from ledger_app.ui.app import AppController
from ledger_app.ui.errors import open_error_dialogs

demo = pytest.importorskip("ledger_app.demo", reason="the demo generator is not there yet")


@pytest.fixture
def controller(qtbot):
    controller = AppController(QApplication.instance())
    yield controller
    if controller.filler is not None:
        controller.filler.ask_on_close = False
    if controller.window is not None:
        controller.window.close()
    if controller.start is not None:
        controller.start.close()
    controller.shutdown()


@pytest.mark.parametrize("pack", demo.DEMO_PACKS)
def test_demo_button_shows_the_window_at_once_and_fills_in_the_chosen_demo(
        controller, qtbot, tmp_path: Path, pack: str):
    full = table_counts(demo.create_demo(tmp_path / "whole.ledger", pack=pack))
    start = controller.show_start()
    start.demo_kind.setCurrentIndex(start.demo_kind.findData(pack))
    start.demo_button.click()
    assert not start.demo_button.isEnabled() and not start.demo_kind.isEnabled()
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible(),
                    timeout=60000)
    window, filler = controller.window, controller.filler
    assert not start.isVisible() and not start.findChildren(QProgressDialog)
    assert window.ledger.path.parent == paths.demo_dir()
    assert window.ledger.path.name.startswith("演示台账-")
    assert window.ledger.pack.key == pack
    # shown while the rest is written, with its progress in the status bar
    assert filler.running and not filler.fill.complete
    assert filler.bar.isVisible() and filler.bar.value() < filler.bar.maximum()
    assert filler.label.isVisible() and filler.label.text()
    first = table_counts(window.ledger.path)  # read beside the writer, as WAL allows
    assert first["t_roster"] == full["t_roster"] > 0  # the members are there at once
    assert first["entries"] < full["entries"]
    # no findings judged on half a ledger
    assert window.home.headline.text().startswith("演示台账正在生成")
    assert window.home.findings.count() == 0

    qtbot.waitUntil(lambda: not filler.running, timeout=300000)
    assert controller.runner.wait_idle(60000)
    assert filler.fill.complete and not open_error_dialogs()
    assert filler.label.text() == "演示台账已生成完毕。"
    assert filler.bar not in window.statusBar().findChildren(QProgressBar)
    qtbot.waitUntil(lambda: window.home.headline.text().startswith("检查截至"), timeout=60000)
    assert window.home.findings.count() > 0
    assert window.tree.count_of("meeting") > 0
    path = window.ledger.path
    window.close()
    assert controller.runner.wait_idle(60000)
    assert table_counts(path) == full  # the same demo as ``ledger-app demo`` writes
    assert integrity(path) == "ok"


def test_a_demo_that_cannot_be_written_leaves_the_start_dialog_usable(controller, qtbot):
    # A file already holds the demo's name (names are stamped to the second): never overwritten.
    now = datetime.now()
    taken = [paths.demo_dir() / f"演示台账-{(now + timedelta(seconds=s)):%Y%m%d-%H%M%S}.ledger"
             for s in range(-1, 30)]
    for path in taken:
        path.write_text("someone else's file")
    start = controller.show_start()
    start.demo_button.click()
    qtbot.waitUntil(lambda: bool(open_error_dialogs()), timeout=60000)
    for dialog in open_error_dialogs():
        assert "已存在" in dialog.text()
        dialog.close()
    assert controller.window is None and controller.filler is None
    assert start.isVisible() and start.demo_button.isEnabled() and start.demo_kind.isEnabled()
    assert all(path.read_text() == "someone else's file" for path in taken)

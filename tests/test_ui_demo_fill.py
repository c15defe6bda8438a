"""``ledger-app --demo``: the window comes up on the first piece of the demo, the rest is
written behind it by the window's own worker, and closing mid-fill keeps a sound ledger."""

from __future__ import annotations

from pathlib import Path

import pytest
from demo_support import integrity, table_counts
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressBar

from ledger_app.store import Ledger
from ledger_app.ui.app import AppController
from ledger_app.ui.errors import open_error_dialogs

demo = pytest.importorskip("ledger_app.demo")


@pytest.fixture
def controller(qtbot):
    controller = AppController(QApplication.instance())
    yield controller
    if controller.filler is not None:
        controller.filler.ask_on_close = False
    if controller.window is not None:
        controller.window.close()
    controller.shutdown()


@pytest.fixture
def cli_demo(tmp_path: Path) -> Path:
    """The demo as ``ledger-app demo PATH`` makes it (same default seed, today)."""
    return demo.create_demo(tmp_path / "cli.ledger")


def wait_for_window(controller, qtbot):
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible()
                    and not controller.window.loading_first_table, timeout=60000)
    return controller.window


def test_window_comes_before_the_demo_is_complete_and_ends_with_the_full_demo(
        controller, qtbot, cli_demo):
    controller.first_window(None, demo=True)
    window = wait_for_window(controller, qtbot)
    filler = controller.filler
    assert filler.running and not filler.fill.complete  # shown while the rest is written
    assert filler.bar.isVisible() and filler.bar.value() < filler.bar.maximum()
    first = table_counts(window.ledger.path)  # read beside the writer, as WAL allows
    assert first["t_roster"] == table_counts(cli_demo)["t_roster"]
    assert first["t_meeting"] < table_counts(cli_demo)["t_meeting"]
    # no findings judged on half a ledger: the home page waits for the whole demo
    assert window.home.headline.text().startswith("演示台账正在生成")
    assert window.home.findings.count() == 0

    qtbot.waitUntil(lambda: not filler.running, timeout=300000)
    assert controller.runner.wait_idle(60000)
    assert filler.fill.complete and not open_error_dialogs()
    assert filler.label.text() == "演示台账已生成完毕。" and filler.label.isVisible()
    assert filler.bar not in window.statusBar().findChildren(QProgressBar)
    # the tree's counts were refreshed when the demo completed
    with Ledger.open(cli_demo) as cli:
        expected = cli.records.counts(window.current_year())
    assert window.tree.count_of("meeting") == expected["meeting"] > 0
    assert window.tree.count_of("dues") == expected["dues"] > 0
    # and then checks the whole demo
    qtbot.waitUntil(lambda: window.home.headline.text().startswith("检查截至"), timeout=60000)
    assert window.home.findings.count() > 0
    path = window.ledger.path
    window.close()
    controller.runner.wait_idle(60000)
    assert table_counts(path) == table_counts(cli_demo)
    assert integrity(path) == "ok"


def answer_close_question(qtbot, button_text: str, seen: list[str]) -> None:
    """Press ``button_text`` in the question the window asks on closing mid-fill."""

    def press() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == \
                    "demo_close_question" and widget.isVisible():
                seen.append(widget.text())
                next(b for b in widget.buttons() if b.text() == button_text).click()
                return
        QTimer.singleShot(50, press)

    QTimer.singleShot(50, press)


def test_closing_mid_fill_asks_then_keeps_a_sound_smaller_ledger(controller, qtbot, cli_demo):
    controller.first_window(None, demo=True)
    window = wait_for_window(controller, qtbot)
    filler = controller.filler
    path = window.ledger.path
    seen: list[str] = []

    answer_close_question(qtbot, "继续生成", seen)
    window.close()
    assert seen and "不完整" in seen[0]
    assert window.isVisible() and filler.running  # the user chose to wait

    answer_close_question(qtbot, "关闭", seen)
    window.close()
    assert len(seen) == 2 and not window.isVisible()
    qtbot.waitUntil(lambda: not filler.running, timeout=60000)
    assert controller.runner.wait_idle(60000)
    assert not filler.fill.complete and not open_error_dialogs()

    assert integrity(path) == "ok"
    written, full = table_counts(path), table_counts(cli_demo)
    assert written["t_roster"] == full["t_roster"]  # the first piece is all there
    assert written["t_meeting"] < full["t_meeting"] or written["t_dues"] < full["t_dues"]
    assert all(written[t] <= full[t] for t in full)
    with Ledger.open(path) as ledger:  # opens again as an ordinary, smaller ledger
        assert ledger.records.counts(None)["roster"] == full["t_roster"]


def test_another_ledger_opened_mid_fill_is_checked_as_usual(controller, qtbot, tmp_path, org):
    other = tmp_path / "另一本.ledger"
    Ledger.create(other, org).close()
    controller.first_window(None, demo=True)
    window = wait_for_window(controller, qtbot)
    filler = controller.filler
    assert filler.running and window.home.headline.text().startswith("演示台账正在生成")
    window.open_path(other)
    qtbot.waitUntil(lambda: window.ledger is not None and window.ledger.path == other,
                    timeout=60000)
    qtbot.waitUntil(lambda: not filler.running, timeout=60000)
    assert not filler.fill.complete and not open_error_dialogs()
    # the demo's hold on the home page went with the demo
    qtbot.waitUntil(lambda: window.home.headline.text().startswith("检查截至"), timeout=60000)

"""Comfort in the window, with real widgets on the real demo ledger (pytest-qt, offscreen):
Ctrl+P offers the printout that fits where the user is, and the window comes back with
the size and splitter the user left it with."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from ledger_app.store import Ledger
from ledger_app.ui.main_window import MainWindow
from ledger_app.ui.tasks import TaskRunner

pytest.importorskip("PySide6.QtPdf")

TODAY = dt.date(2026, 11, 27)   # the day conftest's demo_file is written as of


def open_window(demo_file: Path, folder: Path, runner: TaskRunner, qtbot) -> MainWindow:
    path = folder / "演示.ledger"
    if not path.exists():
        shutil.copy(demo_file, path)
    window = MainWindow(Ledger.open(path), runner)
    window.home.as_of = TODAY
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.home.data is not None, timeout=15000)
    assert runner.wait_idle()
    return window


@pytest.fixture
def window(demo_file: Path, tmp_path: Path, runner: TaskRunner, qtbot):
    window = open_window(demo_file, tmp_path, runner, qtbot)
    window.resize(1366, 768)
    yield window
    window.close()
    runner.wait_idle()


def press_ctrl_p(qtbot, window: MainWindow):
    window.findChild(QAction, "action_print").trigger()
    dialog = window.menus.outputs.dialog
    qtbot.addWidget(dialog)
    assert window.runner.wait_idle(10000)
    return dialog


def show_table(window: MainWindow, type_key: str, select_row: int | None = None) -> None:
    window.tree.select_type(type_key)
    assert window.runner.wait_idle()
    window.table_pane.year_box.setCurrentIndex(window.table_pane.year_box.findData(2026))
    assert window.runner.wait_idle()
    if select_row is not None:
        window.table_pane.table.setCurrentIndex(window.table_pane.model.index(select_row, 0))


def test_ctrl_p_on_the_home_page_offers_the_years_self_check(qtbot, window):
    assert window.showing_home()
    dialog = press_ctrl_p(qtbot, window)
    assert dialog.current.key == "checklist"
    assert dialog.options()["year"] == window.home.year == 2026
    assert dialog.choice.alternative_buttons == {}
    dialog.close()


def test_ctrl_p_on_the_dues_table_offers_its_table_and_the_register(qtbot, window):
    show_table(window, "dues", select_row=0)
    assert window.current_record_id() is not None
    dialog = press_ctrl_p(qtbot, window)
    # The table of 党费 records, not a 记录页 of the selected one (dues print no pages).
    assert dialog.current.key == "table" and dialog.options()["type_key"] == "dues"
    assert set(dialog.choice.alternative_buttons) == {"dues"}
    dialog.choice.alternative_buttons["dues"].click()
    assert dialog.current.key == "dues" and dialog.options()["year"] == 2026
    dialog.close()


def test_ctrl_p_on_a_meeting_offers_its_table_then_its_page_and_sign_in_sheet(qtbot, window):
    show_table(window, "meeting", select_row=0)
    meeting = window.current_record_id()
    assert meeting is not None
    dialog = press_ctrl_p(qtbot, window)
    assert dialog.current.key == "table" and dialog.options()["type_key"] == "meeting"
    assert list(dialog.choice.alternative_buttons) == ["record", "signin"]
    assert dialog.choice.alternative_buttons["record"].isVisible()
    dialog.choice.alternative_buttons["record"].click()
    assert window.runner.wait_idle()
    assert dialog.current.key == "record" and dialog.options()["record_id"] == meeting
    dialog.choice.alternative_buttons["signin"].click()
    assert window.runner.wait_idle()
    assert dialog.current.key == "signin" and dialog.options()["record_id"] == meeting
    dialog.close()


def test_ctrl_p_on_a_table_without_pages_offers_only_the_table(qtbot, window):
    show_table(window, "roster", select_row=0)
    dialog = press_ctrl_p(qtbot, window)
    assert dialog.current.key == "table" and dialog.options()["type_key"] == "roster"
    assert dialog.choice.alternative_buttons == {}
    dialog.close()


def test_ctrl_p_in_the_dues_grid_offers_the_register(qtbot, window):
    window.show_dues_grid()
    grid = window.dialogs.dues_dialog
    qtbot.addWidget(grid)
    assert window.runner.wait_idle()
    grid.activateWindow()
    qtbot.keyClick(grid.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialogs.dialog
    assert dialog is not grid
    qtbot.addWidget(dialog)
    assert window.runner.wait_idle()
    assert dialog.current.key == "dues" and dialog.options()["year"] == grid.year
    dialog.close()
    grid.close()


TWO_WINDOWS = r"""
import json, sys
from PySide6.QtWidgets import QApplication
from ledger_app.store import Ledger
from ledger_app.ui.main_window import MainWindow
from ledger_app.ui.tasks import TaskRunner

app = QApplication([])
runner = TaskRunner()
def opened():
    window = MainWindow(Ledger.open(sys.argv[1]), runner)
    window.show()
    runner.wait_idle()
    app.processEvents()
    return window
first = opened()
first.resize(1300, 760)
app.processEvents()
first.splitter.setSizes([380, 916])
app.processEvents()
before = first.splitter.sizes(), [first.width(), first.height()]
first.close()
runner.wait_idle()
second = opened()
after = second.splitter.sizes(), [second.width(), second.height()]
second.showMaximized()
app.processEvents()
second.close()
runner.wait_idle()
third = opened()
maximized = third.isMaximized()
third.close()
runner.wait_idle()
runner.shutdown()
print(json.dumps([before, after, maximized]))
"""


def run_on_screen(script: str, demo_file: Path, tmp_path: Path, width: int, height: int):
    """Run ``script`` on a copy of the demo ledger in its own process, on an offscreen
    screen of ``width``×``height``; what it printed last, read as JSON."""
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [
        {"name": "office", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    path = tmp_path / "演示.ledger"
    shutil.copy(demo_file, path)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", script, str(path)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_a_second_window_comes_back_with_the_first_ones_size_splitter_and_maximized(
        demo_file: Path, tmp_path: Path) -> None:
    # Its own process on an offscreen screen of 1920×1080 (the default 800×800 screen
    # would cut the restored window down to fit it).
    (sizes, size), (sizes_again, size_again), maximized = run_on_screen(
        TWO_WINDOWS, demo_file, tmp_path, 1920, 1080)
    assert size == [1300, 760] and sizes[0] == 380        # not the default 230
    assert sizes_again == sizes and size_again == size
    assert maximized                       # and maximized, when it was left so


def test_the_home_grid_stays_whole_in_the_largest_font(qtbot, window):
    """特大字体 at 1366×768: the 全年 column keeps "10/12 缺 1" whole, every row is in
    view, and the month headers shorten to numbers rather than being cut."""
    from PySide6.QtWidgets import QApplication

    from ledger_app.ui import font_size

    app = QApplication.instance()
    grid = window.home.grid
    assert grid.horizontalHeaderItem(9).text() == "10月"       # room enough normally
    try:
        window.findChild(QAction, "action_font_150").trigger()
        qtbot.waitUntil(lambda: grid.font().pointSizeF() > font_size.BASE_POINT_SIZE * 1.4)
        qtbot.wait(50)
        metrics = grid.fontMetrics()
        assert grid.columnWidth(12) >= metrics.horizontalAdvance("10/12 缺 1")
        assert grid.rowHeight(0) >= metrics.height()
        assert not grid.verticalScrollBar().isVisible()
        header = grid.horizontalHeader()
        for column in range(12):
            label = grid.horizontalHeaderItem(column).text()
            assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(label)
        # The 六有 / 五优 summaries (labels with a style sheet) are made again in the new font.
        from PySide6.QtWidgets import QLabel

        summary = next(label for label in window.home.checklists.findChildren(QLabel)
                       if "六有" in label.text())
        qtbot.waitUntil(lambda: summary.font().pointSizeF() > font_size.BASE_POINT_SIZE * 1.4)
    finally:
        font_size.apply(app, 1.0)
    qtbot.waitUntil(lambda: grid.horizontalHeaderItem(9).text() == "10月")


def test_the_print_window_leaves_the_preview_the_room_in_the_largest_font(qtbot, window):
    """特大字体: the options column is as narrow as its contents allow (a long product
    name no longer sets its width), so the preview keeps most of the window."""
    from PySide6.QtWidgets import QApplication

    from ledger_app.ui import font_size

    app = QApplication.instance()
    try:
        font_size.apply(app, 1.5)
        dialog = press_ctrl_p(qtbot, window)           # the home page: 年度自查表（…）
        dialog.show()
        qtbot.waitUntil(lambda: dialog.splitter.sizes()[0] > 0)
        options, preview = dialog.splitter.sizes()
        assert preview > options
        assert options >= dialog.splitter.widget(0).minimumSizeHint().width()
        dialog.close()
    finally:
        font_size.apply(app, 1.0)


def test_the_interface_language_is_chosen_in_the_view_menu_for_the_next_start(qtbot, window):
    from PySide6.QtWidgets import QMessageBox

    from ledger_app.ui import i18n

    english = window.findChild(QAction, "action_language_en")
    assert window.findChild(QAction, "action_language_zh_CN").isChecked()
    english.trigger()
    assert english.isChecked()
    assert i18n.saved_language() == i18n.ENGLISH
    box = window.menus.dialog
    assert isinstance(box, QMessageBox)
    assert "重新启动" in box.text() and "started again" in box.text()
    box.close()


@pytest.mark.parametrize("width", [1024, 800])
def test_a_narrow_window_keeps_every_row_of_the_home_grid_in_view(qtbot, window, width):
    """Below the months' minimum width the grid scrolls sideways; its scroll bar must
    not cover the last row (it did at 1024 px)."""
    grid = window.home.grid
    window.resize(width, 700)
    qtbot.wait(50)
    last = grid.rowCount() - 1
    bottom = grid.rowViewportPosition(last) + grid.rowHeight(last)
    qtbot.waitUntil(lambda: grid.viewport().height() >= bottom)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: not grid.horizontalScrollBar().isVisible())
    assert grid.viewport().height() >= bottom



FIRST_WINDOW = """
import json, sys
from PySide6.QtWidgets import QApplication
from ledger_app.store import Ledger
from ledger_app.ui.app import AppController, make_application
from ledger_app.ui.main_window import FRAME_ALLOWANCE, MainWindow

app = make_application()
controller = AppController(app)
window = controller.show_main(Ledger.open(sys.argv[1]))
controller.runner.wait_idle()
area = window.screen().availableGeometry()
first = [window.x(), window.y(), window.width(), window.height()]
window.resize(900, 600)
window.close()
controller.runner.wait_idle()
again = MainWindow(Ledger.open(sys.argv[1]), controller.runner)
again.fit_to_screen()
second = [again.width(), again.height()]
again.close()
controller.shutdown()
print(json.dumps([[area.width(), area.height()], first, second,
                  [FRAME_ALLOWANCE.width(), FRAME_ALLOWANCE.height()]]))
"""


def test_the_first_window_fits_a_1366_by_768_screen_with_room_for_its_title_bar(
        demo_file: Path, tmp_path: Path) -> None:
    """Nothing remembered yet on this PC: the program's window fits the screen's free area
    with room for its title bar (1200×760 plus a title bar is taller than a 1366×768
    screen), centred; once a size is remembered, that size comes back instead."""
    (area_w, area_h), (x, y, width, height), second, (_, frame_h) = run_on_screen(
        FIRST_WINDOW, demo_file, tmp_path, 1366, 768)
    assert (area_w, area_h) == (1366, 768)
    assert width == 1200 and height == 768 - frame_h     # as wide as before, less tall
    assert x == (1366 - 1200) // 2 and y == 0             # centred across
    assert second == [900, 600]                           # remembered: as the user left it

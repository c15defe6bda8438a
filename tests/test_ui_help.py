"""帮助 → 使用说明 (F1), 关于, and 视图 → 字体大小 on a real main window."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from ledger_app.resources import resource_path
from ledger_app.ui import font_size, paths
from ledger_app.ui.help_window import SECTIONS, guide_path


@pytest.fixture
def window(ledger, main_window):
    from ledger_app.ui.app import make_application

    make_application()
    return main_window(ledger)


def test_guide_has_every_section_and_its_screenshots() -> None:
    html = guide_path().read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f'name="{section}"' in html, section
    images = re.findall(r'<img src="([^"]+)"', html)
    assert len(images) >= 5
    for image in images:
        assert resource_path("help", image).stat().st_size > 10_000, image
    assert not re.search(r">[^<]*\b(the|and|click|file)\b[^<]*<", html, re.IGNORECASE)


def test_f1_opens_the_guide(window) -> None:
    action = window.findChild(QAction, "action_help")
    assert action.shortcut().toString() == "F1"
    action.trigger()
    helper = next(w for w in QApplication.topLevelWidgets()
                  if w.objectName() == "helpWindow" and w.isVisible())
    text = helper.browser.toPlainText()
    assert "第一次使用" in text and "检查档案包" in text and "备份与恢复" in text
    helper.show_section("backup")
    assert helper.browser.verticalScrollBar().value() > 0
    helper.close()


def test_about_says_version_and_where_logs_are(window) -> None:
    window.findChild(QAction, "action_about").trigger()
    box = window.menus.dialog
    assert isinstance(box, QMessageBox)
    assert "程序数据和日志" in box.text() and str(paths.app_home()) in box.text()
    box.close()


def test_larger_font_applies_at_once_and_is_remembered(window, qtbot) -> None:
    app = QApplication.instance()
    before = window.table_pane.table.font().pointSizeF()
    try:
        window.findChild(QAction, "action_font_150").trigger()
        assert app.font().pointSizeF() == pytest.approx(font_size.BASE_POINT_SIZE * 1.5)
        qtbot.waitUntil(lambda: window.table_pane.table.font().pointSizeF() > before, timeout=2000)
        assert font_size.saved_scale() == 1.5
        assert window.findChild(QAction, "action_font_150").isChecked()
    finally:
        font_size.apply(app, 1.0)
    assert app.font().pointSizeF() == pytest.approx(font_size.BASE_POINT_SIZE)


def test_f1_in_a_dialog_opens_its_section(qtbot, ledger, runner) -> None:
    from PySide6.QtGui import QShortcut

    from ledger_app.ui.help_window import show_help
    from ledger_app.ui.xlsx_dialogs import ExportDialog

    dialog = ExportDialog(ledger, runner, "roster", 2025)
    qtbot.addWidget(dialog)
    dialog.show()
    guide = show_help(None, None)
    assert guide.browser.verticalScrollBar().value() == 0
    dialog.findChild(QShortcut, "helpShortcut").activated.emit()
    assert guide.isVisible() and guide.browser.verticalScrollBar().value() > 0
    guide.close()


def test_the_home_page_s_help_button_opens_the_guide_at_the_home_page(window) -> None:
    from ledger_app.ui.help_window import show_help

    guide = show_help(None, None)
    assert guide.browser.verticalScrollBar().value() == 0
    window.show_home()
    window.home.help_button.click()
    assert guide.isVisible()
    at_home = guide.browser.verticalScrollBar().value()
    assert at_home > 0
    guide.show_section("everyday")   # the section after it starts further down
    assert guide.browser.verticalScrollBar().value() > at_home
    guide.close()

"""No English in the dialogs a user meets: Qt's file and print dialogs, message and
input boxes, context menus, shortcut names and calendars, under LANG=C as under
zh_CN.UTF-8.

Each locale runs in its own process (a QApplication reads the locale once): this file,
run as a script, opens every standard dialog the program uses and prints what English
it finds as JSON.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Words on a keyboard's keys and in paper-size names are what the user sees printed.
KEY_AND_PAPER_WORDS = {"Ctrl", "Shift", "Alt", "Meta", "Esc", "Del", "Ins", "Home", "End",
                       "PgUp", "PgDown", "Tab", "PDF", "JIS", "ANSI", "ISO"}


def english_words(text: str) -> list[str]:
    """English words a Chinese reader would stumble on; (Letter) after 美国信纸 is fine."""
    if not text or text.startswith("/") or re.match(r"^[A-Za-z]:\\", text):
        return []  # a path
    bare = re.sub(r"\([^)]*\)", "", text)
    return [w for w in re.findall(r"[A-Za-z]{3,}", bare) if w not in KEY_AND_PAPER_WORDS]


def visible_texts(widget) -> list[str]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QTabWidget,
        QWidget,
    )

    texts = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        if isinstance(child, QGroupBox):
            texts.append(child.title())
        if isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        if isinstance(child, QTabWidget):
            texts += [child.tabText(i) for i in range(child.count())]
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            texts += [str(model.headerData(i, Qt.Orientation.Horizontal) or "")
                      for i in range(model.columnCount())]
        texts += [child.toolTip()] + [action.text() for action in child.actions()]
    return texts


def _english_in(widget) -> list[str]:
    return sorted({t for t in visible_texts(widget) if english_words(t)})


def survey() -> dict[str, object]:
    """Open each standard dialog the program uses; what English is left in each."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QKeySequence
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import (
        QApplication,
        QFileDialog,
        QInputDialog,
        QLineEdit,
        QMessageBox,
        QPushButton,
    )

    from ledger_app.ui.app import make_application

    app = make_application()
    found: dict[str, object] = {}
    for mode in ("open", "save", "folder"):
        dialog = QFileDialog(None, "选择")
        # What Qt shows where no desktop file dialog is available (and what tests can see).
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if mode == "save":
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if mode == "folder":
            dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        dialog.show()
        app.processEvents()
        found[f"file_{mode}"] = _english_in(dialog)
        dialog.close()
    printer = QPrinter()
    print_dialog = QPrintDialog(printer)
    print_dialog.show()
    app.processEvents()
    found["print"] = _english_in(print_dialog)
    properties = [b for b in print_dialog.findChildren(QPushButton) if "属性" in b.text()]
    found["print_properties"] = ["(no 属性 button)"]
    if properties:
        def look() -> None:
            shown = QApplication.activeModalWidget()
            found["print_properties"] = _english_in(shown)
            shown.reject()
        QTimer.singleShot(300, look)
        properties[0].click()
    print_dialog.close()
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "确认", "删除？",
                      buttons.Yes | buttons.No | buttons.Ok | buttons.Cancel | buttons.Save
                      | buttons.Discard | buttons.Close | buttons.Retry | buttons.Ignore)
    box.setDetailedText("详细")
    box.show()
    found["message_box"] = _english_in(box)
    box.close()
    ask = QInputDialog()
    ask.show()
    found["input"] = _english_in(ask)
    ask.close()
    line = QLineEdit()
    menu = line.createStandardContextMenu()
    found["context_menu"] = sorted({a.text() for a in menu.actions() if english_words(a.text())})
    native = QKeySequence.SequenceFormat.NativeText
    found["shortcuts"] = {key: QKeySequence(key).toString(native)
                          for key in ("Ctrl+Up", "Ctrl+Down", "Ctrl+PgUp", "Del", "Return")}
    return found


@pytest.mark.parametrize("lang", ["C", "zh_CN.UTF-8"])
def test_standard_dialogs_have_no_english(lang: str, tmp_path: Path) -> None:
    env = {**os.environ, "LANG": lang, "LC_ALL": lang, "LANGUAGE": "",
           "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, __file__], env=env, capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    shortcuts = found.pop("shortcuts")
    assert found == {name: [] for name in found}
    assert set(found) == {"file_open", "file_save", "file_folder", "print", "print_properties",
                          "message_box", "input", "context_menu"}
    assert shortcuts == {"Ctrl+Up": "Ctrl+↑", "Ctrl+Down": "Ctrl+↓", "Ctrl+PgUp": "Ctrl+PgUp",
                         "Del": "Del", "Return": "回车"}


def test_the_check_finds_english() -> None:
    assert english_words("Files of &type:") == ["Files", "type"]
    assert english_words("Ctrl+Shift+S") == []
    assert english_words("美国信纸 (Letter) / ANSI A") == []
    assert english_words("/home/张伟/台账") == []


def test_menus_show_arrows_not_words(qtbot, ledger) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    from ledger_app.ui.app import make_application
    from ledger_app.ui.main_window import MainWindow
    from ledger_app.ui.tasks import TaskRunner

    make_application()
    runner = TaskRunner()
    window = MainWindow(ledger, runner)
    qtbot.addWidget(window)
    window.show()
    try:
        shown = {a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                 for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
        assert "Ctrl+↓" in shown and "Ctrl+↑" in shown
        assert [s for s in shown if english_words(s)] == []
    finally:
        window.close()
        runner.shutdown()


def test_calendars_start_monday_without_week_numbers(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QDate, Qt
    from PySide6.QtWidgets import QCalendarWidget, QDateEdit

    from ledger_app.ui.app import make_application
    from ledger_app.ui.qt_locale import chinese_date_edit, plain_calendar

    make_application()
    calendar = plain_calendar(QCalendarWidget())
    qtbot.addWidget(calendar)
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert calendar.verticalHeaderFormat() == QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
    edit = chinese_date_edit(QDateEdit(QDate(2025, 3, 1)))
    qtbot.addWidget(edit)
    assert edit.text() == "2025年3月1日"
    assert edit.calendarWidget().verticalHeaderFormat() == \
        QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader


def test_date_field_calendar_is_plain(qtbot) -> None:
    from PySide6.QtWidgets import QCalendarWidget

    from ledger_app.forms.model import Field
    from ledger_app.ui.field_widgets import DateEditor

    editor = DateEditor(Field(key="date", label="日期", type="date"))
    qtbot.addWidget(editor.widget)
    assert editor.calendar.verticalHeaderFormat() == \
        QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader


def test_supplement_catalogue_is_compiled_from_its_source(tmp_path: Path) -> None:
    folder = ROOT / "resources" / "i18n"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not beside this Python")
    out = tmp_path / "check.qm"
    subprocess.run([str(lrelease), "-silent", str(folder / "qt_supplement_zh_CN.ts"),
                    "-qm", str(out)], check=True)
    assert out.read_bytes() == (folder / "qt_supplement_zh_CN.qm").read_bytes(), \
        "run pyside6-lrelease resources/i18n/qt_supplement_zh_CN.ts"


if __name__ == "__main__":
    print(json.dumps(survey(), ensure_ascii=False))

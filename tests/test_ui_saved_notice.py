"""After an Excel export the window says where the file went and opens its folder."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from ledger_app.ui.main_window import MainWindow
from ledger_app.ui.tasks import TaskRunner


class FolderCatcher(QObject):
    """Takes file:// URLs instead of the desktop (Qt's own URL-handler hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toLocalFile())


def test_excel_export_names_the_file_and_opens_its_folder(qtbot, ledger, tmp_path: Path) -> None:
    ledger.records.insert("roster", {"name": "张伟", "gender": "男", "birth_date": "1980-07-01",
                                     "member_class": "正式党员", "status": "在册"})
    runner = TaskRunner()
    window = MainWindow(ledger, runner)
    qtbot.addWidget(window)
    window.show()
    assert runner.wait_idle()
    notice = window.findChild(QObject, "savedNotice")
    assert notice is not None and not notice.isVisible()

    window.findChild(QObject, "action_export").trigger()
    dialog = window.menus.outputs.dialog
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.start_export(tmp_path / "名册")
    assert runner.wait_idle()
    saved = tmp_path / "名册.xlsx"
    assert openpyxl.load_workbook(saved).sheetnames
    assert notice.isVisible()
    assert notice.label.text() == f"Excel 已保存到 {saved}"

    catcher = FolderCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert catcher.opened == [str(saved.parent)]
    window.close()
    runner.shutdown()

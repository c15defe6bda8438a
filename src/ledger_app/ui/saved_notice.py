"""Where a file just went: “Excel 已保存到 D:\\台账\\2025年党员名册.xlsx  [打开所在文件夹]”.

Shown in the main window's status bar after an Excel export, a saved PDF or an
inspection archive, until the next one: a secretary who exports and then cannot find
the file calls for help, so the path is spelled out and one click shows it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ledger_app.ui.i18n import tr


def show_in_folder(path: Path) -> None:
    """Open the folder holding ``path``; on Windows with the file selected."""
    # Imported here: the notice is built with every window, the folder opened rarely.
    from PySide6.QtCore import QProcess, QUrl
    from PySide6.QtGui import QDesktopServices

    if sys.platform == "win32" and path.exists():
        QProcess.startDetached("explorer.exe", [f"/select,{path}"])
        return
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


class SavedNotice(QWidget):
    """A status-bar line naming the last saved file, with 打开所在文件夹."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("savedNotice")
        self.path: Path | None = None
        self.label = QLabel()
        self.label.setObjectName("savedNoticeText")
        self.label.setTextInteractionFlags(self.label.textInteractionFlags()
                                           | self.label.textInteractionFlags().TextSelectableByMouse)
        self.button = QPushButton(tr("打开所在文件夹"))
        self.button.setObjectName("showFolderButton")
        self.button.clicked.connect(self.open_folder)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.button)
        self.hide()

    def show_saved(self, path: str | Path, message: str) -> None:
        """``message``: what was saved where, translated, with ``{path}`` in it
        (``tr("Excel 已保存到 {path}")``)."""
        self.path = Path(path)
        self.label.setText(message.format(path=self.path))
        self.label.setToolTip(str(self.path))
        self.show()

    def open_folder(self) -> None:
        if self.path is not None:
            show_in_folder(self.path)

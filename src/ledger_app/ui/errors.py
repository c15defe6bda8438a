"""Showing problems to the user.

An expected problem (a ``LedgerError``: wrong file, file locked, disk full, bad
input) is shown as a plain warning with its own Chinese message. Anything else
is a bug: a dialog shows the traceback with a copy button so the secretary can
send it to whoever looks after the program, and the log file keeps it too.

Dialogs are opened with ``open()`` (window-modal, not blocking the caller), so the
event loop keeps running and tests can find the box and close it.
"""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ledger_app.store.errors import DamagedLedgerError, LedgerError
from ledger_app.store.integrity import is_damage
from ledger_app.ui.i18n import tr

log = logging.getLogger("ledger_app.ui")

LEDGER_ERROR_BOX = "ledgerErrorBox"
BUG_DIALOG = "bugReportDialog"

# A dialog without a parent widget is owned by Python; keep it alive while it is open.
_ORPHANS: set[QDialog] = set()


def _keep_alive(dialog: QDialog) -> None:
    if dialog.parent() is None:
        _ORPHANS.add(dialog)
        dialog.finished.connect(lambda _result: _ORPHANS.discard(dialog))


def show_error(parent: QWidget | None, exc: BaseException) -> QDialog:
    """Show ``exc`` to the user without blocking; returns the dialog (already open)."""
    if parent is None:
        parent = QApplication.activeWindow()
    if is_damage(exc) and not isinstance(exc, DamagedLedgerError):
        # Not a bug in the program: the file is damaged (the background check names the
        # part and the latest good backup in its own message).
        exc = DamagedLedgerError(tr("台账文件已损坏，读取时遇到损坏的数据。请不要再修改这份台账，"
                                    "可以用“文件 → 从备份恢复…”恢复最近的完好备份。"))
    if isinstance(exc, LedgerError):
        log.info("shown to user: %s", exc)
        box = QMessageBox(QMessageBox.Icon.Warning, tr("基层台账"), str(exc),
                          QMessageBox.StandardButton.Ok, parent)
        box.button(QMessageBox.StandardButton.Ok).setText(tr("确定"))
        box.setObjectName(LEDGER_ERROR_BOX)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _keep_alive(box)
        box.open()
        return box
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    dialog = BugDialog(exc, parent)
    _keep_alive(dialog)
    dialog.open()
    return dialog


class BugDialog(QDialog):
    """"程序出错": the traceback, read-only, with a 复制 button."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(BUG_DIALOG)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("程序出错"))
        self.resize(640, 420)
        self.details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))

        intro = QLabel(tr("程序遇到了一个没有预料到的错误。已保存的台账内容不受影响；"
                          "这次操作可能没有完成，请检查后再试。\n"
                          "如果问题反复出现，请点“复制”，把下面的内容发给维护程序的人。"))
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(self.details)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        self.copy_button = QPushButton(tr("复制"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(tr("已复制"))


def open_error_dialogs() -> list[QDialog]:
    """Visible error dialogs (for tests and for closing them before the app exits)."""
    found: list[QDialog] = []
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.objectName() in (LEDGER_ERROR_BOX, BUG_DIALOG):
            found.append(widget)  # type: ignore[arg-type]
    return found

"""Questions that do not block: the answer arrives as a callback.

A confirmation opened with ``open()`` keeps the event loop (and the worker's
callbacks) running, and lets tests find the box and press its buttons.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ledger_app.ui.i18n import tr

CONFIRM_BOX = "confirmBox"


def ask(parent: QWidget | None, title: str, text: str, on_yes: Callable[[], None],
        yes_text: str | None = None, no_text: str | None = None,
        danger: bool = False) -> QMessageBox:
    """Ask a yes/no question; ``on_yes`` runs only when the person says yes (the buttons
    read 确定 / 取消 unless told otherwise)."""
    box = QMessageBox(QMessageBox.Icon.Warning if danger else QMessageBox.Icon.Question,
                      title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(CONFIRM_BOX)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    yes = box.addButton(yes_text or tr("确定"), QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(no_text or tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no if danger else yes)  # Enter must not delete by accident
    box.setEscapeButton(no)

    def answered() -> None:
        if box.clickedButton() is yes:
            on_yes()

    box.finished.connect(answered)
    box.open()
    return box

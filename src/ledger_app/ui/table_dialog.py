"""What the one-page table dialogs share (六有/五优 对照表, 发展党员时间线): a table of
read-only rows where Enter or double-click opens the record behind a row, and a last line
with a grey hint beside 关闭.

The dialogs fill their tables themselves; this module only makes them alike."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
)

from ledger_app.ui.i18n import tr


def prepare_dialog(dialog: QDialog, name: str, title: str) -> None:
    """The dialog's object name and title, with a maximise button (a long table)."""
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)


def row_table(name: str, headers: Sequence[str], widths: Sequence[int],
              activated: Callable[[int, int], None]) -> QTableWidget:
    """Rows selected one at a time and never edited in place; ``widths`` in pixels per
    column, 0 for a column that takes the room left. ``activated(row, column)`` on Enter
    or double-click. Tab leaves the table (arrows move inside it)."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    for column, width in enumerate(widths):
        if width:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    table.cellActivated.connect(activated)       # Enter, double-click
    table.cellDoubleClicked.connect(activated)
    return table


def hint_and_close(dialog: QDialog, hint: str) -> QHBoxLayout:
    """The dialog's last line: how to work it, in grey, and 关闭 (Esc as well)."""
    label = QLabel(hint)
    label.setWordWrap(True)
    label.setStyleSheet("color:#555")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
    buttons.rejected.connect(dialog.reject)
    line = QHBoxLayout()
    line.addWidget(label, 1)
    line.addWidget(buttons)
    return line

"""The record table's view and the search box: keyboard and mouse habits of the window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView, QWidget

from ledger_app.forms.model import Field

MAX_COLUMN_PX = 380


class RecordTableView(QTableView):
    """Enter edits the current record (double-click too); Delete asks to delete it."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recordTable")
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.verticalHeader().setMinimumWidth(40)
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.edit_requested.emit()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: Any) -> None:
        if self.indexAt(event.position().toPoint()).isValid():
            self.edit_requested.emit()
            return
        super().mouseDoubleClickEvent(event)


class SearchBox(QLineEdit):
    """Typing filters at once; Down or Enter moves into the table, Esc clears."""

    to_table = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.to_table.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


def column_width(metrics: QFontMetrics, field: Field, label: str) -> int:
    """Wide enough for the header and a typical value; print widths scale the text."""
    pad = 24
    per_mm = metrics.horizontalAdvance("中") / 3.2  # i18n: data — a printed CJK character is ~3.2 mm
    samples = {
        "date": "0000-00-00", "month": "0000-00", "money": "000000.00", "integer": "0000",
        "bool": "是", "member": "欧阳建国",  # i18n: data — widths of values shown as stored
    }
    if field.type == "choice" and field.choices:
        wanted = max(metrics.horizontalAdvance(c) for c in field.choices)
    elif field.type in samples:
        wanted = metrics.horizontalAdvance(samples[field.type])
    elif field.format == "idcard":
        wanted = metrics.horizontalAdvance("000000000000000000")
    elif field.format == "phone":
        wanted = metrics.horizontalAdvance("000-0000-0000")
    else:
        wanted = int(field.print_width * per_mm)
    return min(max(wanted, metrics.horizontalAdvance(label)) + pad, MAX_COLUMN_PX)

"""A dialog that lists rows read on the ledger's worker: 留痕 and 回收站.

The rows come from ``rows_job()`` (run on the worker) and are shown by ``show_rows()``
in a read-only table selected by whole rows; a count line says how many, above the table
or beside the buttons; 关闭 is the last button.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ledger_app.ui.i18n import tr

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner


class ListDialog(QDialog):
    """The table, the count line and 关闭; a subclass adds its own widgets with
    ``arrange`` and says how rows are read (``rows_job``) and shown (``show_rows``)."""

    def __init__(self, ledger: Ledger, runner: TaskRunner, columns: Sequence[str],
                 stretch: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ledger = ledger
        self.runner = runner
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels(list(columns))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for i in range(len(columns)):   # one column takes the room the others leave
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch if i == stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel()
        self.close_button = QPushButton(tr("关闭"))
        self.close_button.clicked.connect(self.accept)

    def arrange(self, above: Sequence[QWidget | QLayout], buttons: Sequence[QWidget],
                count_above: bool = False) -> None:
        """Lay out: ``above`` (and the count line when ``count_above``), the table, then
        the count line (or a gap) before ``buttons`` and 关闭."""
        layout = QVBoxLayout(self)
        for part in ([self.count] if count_above else []) + list(above):
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        if not count_above:
            bottom.addWidget(self.count, 1)
        for button in buttons:
            bottom.addWidget(button)
        if count_above:
            bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

    def rows_job(self) -> Callable[[], Any]:
        """The work for the worker that reads the rows (a subclass says what)."""
        raise NotImplementedError

    def show_rows(self, rows: Any) -> None:
        raise NotImplementedError

    def reload(self, *_: Any) -> None:
        self.runner.run(self.rows_job(), self.show_rows)

    def fill(self, rows: Sequence[Sequence[str]], keys: Sequence[Any] | None = None,
             alignment: Qt.AlignmentFlag | None = None) -> None:
        """Put ``rows`` of texts in the table, each cell holding its row's key (UserRole)."""
        self.table.setRowCount(len(rows))
        for r, texts in enumerate(rows):
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if keys is not None:
                    item.setData(Qt.ItemDataRole.UserRole, keys[r])
                if alignment is not None:
                    item.setTextAlignment(alignment)
                self.table.setItem(r, c, item)

    def selected_keys(self) -> list[Any]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [item.data(Qt.ItemDataRole.UserRole) for r in rows
                if (item := self.table.item(r, 0)) is not None]

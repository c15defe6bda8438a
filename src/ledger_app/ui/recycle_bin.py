"""回收站: deleted records, restorable until they are removed for good."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ledger_app.ui.confirm import ask

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner

# (id, type label, title, deleted at) for each record in the bin
BinRow = tuple[int, str, str, str]


def _bin_rows(ledger: Ledger) -> list[BinRow]:
    rows: list[BinRow] = []
    for record in ledger.records.recycle_bin():
        rt = ledger.pack.record_type(record.type_key)
        deleted = (record.deleted_at or "").replace("T", " ")
        rows.append((record.id, rt.label, ledger.records.title(rt, record.values), deleted))
    return rows


class RecycleBinDialog(QDialog):
    """``changed`` fires after a restore or a purge so the main window can refresh."""

    changed = Signal()

    def __init__(self, ledger: Ledger, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ledger = ledger
        self.runner = runner
        self.setWindowTitle("回收站")
        self.resize(720, 440)

        self.summary = QLabel("正在读取…")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["类型", "标题", "删除时间"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())

        self.restore_button = QPushButton("恢复")
        self.restore_button.setToolTip("把选中的记录放回原来的位置")
        self.purge_button = QPushButton("彻底删除…")
        self.purge_button.setToolTip("彻底删除后不能恢复（审计记录仍保留删除前的内容）")
        close = QPushButton("关闭")
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        close.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        self.runner.run(lambda: _bin_rows(self.ledger), self._show)

    def _show(self, rows: list[BinRow]) -> None:
        self.table.setRowCount(len(rows))
        for r, (record_id, type_label, title, deleted) in enumerate(rows):
            for c, text in enumerate((type_label, title or "（无标题）", deleted)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, record_id)
                self.table.setItem(r, c, item)
        self.summary.setText(f"回收站里有 {len(rows)} 条记录。" if rows
                             else "回收站是空的。")
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def _update_buttons(self) -> None:
        has = bool(self.table.selectedIndexes())
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.runner.run(lambda: self._each(self.ledger.records.restore, ids), self._after)

    def purge_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        ask(self, "彻底删除", f"彻底删除选中的 {len(ids)} 条记录？\n彻底删除后不能恢复。",
            lambda: self.runner.run(lambda: self._each(self.ledger.records.purge, ids),
                                    self._after),
            yes_text="彻底删除", danger=True)

    def _each(self, action, ids: list[int]) -> None:  # type: ignore[no-untyped-def]
        with self.ledger.transaction():  # all of them or none
            for record_id in ids:
                action(record_id)

    def _after(self, _: object) -> None:
        self.changed.emit()
        self.reload()

"""回收站: deleted records, restorable until they are removed for good."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from ledger_app.ui.confirm import ask
from ledger_app.ui.i18n import tr
from ledger_app.ui.list_dialog import ListDialog

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


class RecycleBinDialog(ListDialog):
    """``changed`` fires after a restore or a purge so the main window can refresh."""

    changed = Signal()

    def __init__(self, ledger: Ledger, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(ledger, runner, (tr("类型"), tr("标题"), tr("删除时间")), 1, parent)
        self.setWindowTitle(tr("回收站"))
        self.resize(720, 440)

        self.count.setText(tr("正在读取…"))
        self.table.setAlternatingRowColors(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())

        self.restore_button = QPushButton(tr("恢复"))
        self.restore_button.setToolTip(tr("把选中的记录放回原来的位置"))
        self.purge_button = QPushButton(tr("彻底删除…"))
        self.purge_button.setToolTip(tr("彻底删除后不能恢复（审计记录仍保留删除前的内容）"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.arrange([], [self.restore_button, self.purge_button], count_above=True)
        self._update_buttons()
        self.reload()

    def rows_job(self) -> Callable[[], list[BinRow]]:
        ledger = self.ledger
        return lambda: _bin_rows(ledger)

    def show_rows(self, rows: list[BinRow]) -> None:
        self.fill([(type_label, title or tr("（无标题）"), deleted)
                   for _id, type_label, title, deleted in rows], [row[0] for row in rows])
        self.count.setText(tr("回收站里有 {n} 条记录。").format(n=len(rows)) if rows
                           else tr("回收站是空的。"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = bool(self.table.selectedIndexes())
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)

    def restore_selected(self) -> None:
        ids = self.selected_keys()
        if ids:
            self.runner.run(lambda: self._each(self.ledger.records.restore, ids), self._after)

    def purge_selected(self) -> None:
        ids = self.selected_keys()
        if not ids:
            return
        ask(self, tr("彻底删除"),
            tr("彻底删除选中的 {n} 条记录？\n彻底删除后不能恢复。").format(n=len(ids)),
            lambda: self.runner.run(lambda: self._each(self.ledger.records.purge, ids),
                                    self._after),
            yes_text=tr("彻底删除"), danger=True)


    def _each(self, action: Callable[[int], object], ids: list[int]) -> None:
        with self.ledger.transaction():  # all of them or none
            for record_id in ids:
                action(record_id)

    def _after(self, _: object) -> None:
        self.changed.emit()
        self.reload()

"""One year's checklist (六有, 五优) on one page: every item with its requirement text in
view, whether it is met, the note and the evidence photos — instead of one record per item.

The items' state lives in the checklist's state records (one per year × item, as the
六有 records always were), so nothing is lost: Enter or double-click on an item opens its
record (tick, note, photos), or a new one for the year and item if there is none yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ledger_app.forms.display import shown_text
from ledger_app.ui.home_checklists import STATE_WORDS, state_word
from ledger_app.ui.home_grid import COLOURS
from ledger_app.ui.i18n import tr
from ledger_app.ui.table_dialog import hint_and_close, prepare_dialog, row_table

if TYPE_CHECKING:
    from ledger_app.rules.checklists import ChecklistStatus
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner

STATE_COLOURS = {"met": COLOURS["held"], "no_evidence": COLOURS["due"],
                 "not_met": COLOURS["missing"], "unassessed": "#ffffff"}
STATE_MARKS = {"met": "✓ ", "no_evidence": "✓ ", "not_met": "✗ ", "unassessed": ""}
THUMBS_PER_ITEM = 3
ItemRole = int(Qt.ItemDataRole.UserRole) + 1   # index into status.items


@dataclass(frozen=True)
class ChecklistPage:
    status: ChecklistStatus
    thumbs: dict[int, list[bytes]]      # state record id -> thumbnails (JPEG bytes)


def load_checklist(ledger: Ledger, key: str, year: int) -> ChecklistPage:
    """The checklist's state for the year, and a few evidence thumbnails per item (worker)."""
    from ledger_app.rules.checklists import checklist_status
    from ledger_app.rules.gather import year_facts

    status = next(s for s in checklist_status(year_facts(ledger, year)) if s.checklist.key == key)
    thumbs: dict[int, list[bytes]] = {}
    for item in status.items:
        if item.entry is None or not item.entry.evidence:
            continue
        images = [a for a in ledger.attachments.of(item.entry.id) if a.is_image]
        found = [ledger.attachments.thumbnail(a.sha256) for a in images[:THUMBS_PER_ITEM]]
        thumbs[item.entry.id] = [t for t in found if t]
    return ChecklistPage(status, thumbs)


def set_met(ledger: Ledger, state_type: str, entry_id: int | None, year: int, item: str,
            met: bool) -> int:
    """Tick (or untick) an item for the year: its state record, made if there is none."""
    rt = ledger.pack.record_type(state_type)
    if entry_id is not None:
        ledger.records.update(entry_id, rt.prefill({"checklist_met": met}))
        return entry_id
    return ledger.records.insert(state_type, rt.prefill(
        {"checklist_year": year, "checklist_item": item, "checklist_met": met}))


class ChecklistDialog(QDialog):
    """``record_wanted(type key, id or None, ids, initial values)`` like the home page;
    ``changed`` after an item was ticked here."""

    record_wanted = Signal(str, object, list, dict)
    changed = Signal()

    def __init__(self, ledger: Ledger, runner: TaskRunner, key: str, year: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ledger = ledger
        self.runner = runner
        self.key = key
        self.year = year
        self.page: ChecklistPage | None = None
        checklist = next(c for c in ledger.pack.checklists if c.key == key)
        prepare_dialog(self, "checklistDialog", tr("{year}年度 {checklist} 对照检查").format(
            year=year, checklist=checklist.label))
        intro = QLabel(tr("<b style='font-size:13pt'>{year}年度 {checklist}</b><br>{description}"
                          "<br><span style='color:#555'>依据：{source}{local}</span>").format(
            year=year, checklist=checklist.label, description=checklist.description,
            source=checklist.source,
            local=tr("（本地标准，可按本地要求理解）") if checklist.local else ""))
        intro.setWordWrap(True)
        self.summary = QLabel(tr("正在读取……"))
        self.table = row_table("checklistTable",
                               [tr("项目"), tr("要求（应有佐证）"), tr("是否达标"), tr("情况说明"),
                                tr("佐证照片")],
                               (110, 0, 136, 0, 3 * 64 + 12), self._activated)
        self.table.itemChanged.connect(self._tick_changed)
        self._filling = False
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(hint_and_close(
            self, tr("勾选“是否达标”（或按空格）即保存；按 Enter 或双击一项：写情况说明、添加佐证照片。")))
        self.resize(1000, 620)
        self.reload()

    def reload(self) -> None:
        ledger, key, year = self.ledger, self.key, self.year
        self.runner.run(lambda: load_checklist(ledger, key, year), self._arrived)

    def _arrived(self, page: ChecklistPage) -> None:
        self.page = page
        status = page.status
        self.summary.setText(tr("，").join(
            tr("{state} {n} 项").format(state=state_word(s), n=status.count(s))
            for s in STATE_WORDS if status.count(s)))
        current = max(self.table.currentRow(), 0)
        self._filling = True
        self.table.clearSpans()
        self.table.setRowCount(0)
        group = None
        for index, s in enumerate(status.items):
            if s.item.group and s.item.group != group:
                group = s.item.group
                row = self.table.rowCount()
                self.table.insertRow(row)
                heading = QTableWidgetItem(group)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                heading.setBackground(QBrush(QColor("#eeeeee")))
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                self.table.setItem(row, 0, heading)
                self.table.setSpan(row, 0, 1, 5)
            self._add_item_row(index, s, page.thumbs)
        self.table.resizeRowsToContents()
        self._filling = False
        rows = [r for r in range(self.table.rowCount()) if self._item_index(r) is not None]
        if rows:
            self.table.setCurrentCell(min(rows, key=lambda r: abs(r - current)), 0)

    def _add_item_row(self, index: int, s: Any, thumbs: dict[int, list[bytes]]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        entry = s.entry
        evidence = "\n" + tr("应有佐证：{evidence}").format(evidence=s.item.evidence) \
            if s.item.evidence else ""
        # A read-only ledger shows a mark; otherwise the tick box is the mark.
        mark = STATE_MARKS[s.state] if self.ledger.readonly else ""
        cells = [s.item.label, f"{s.item.requirement}{evidence}", mark + state_word(s.state),
                 shown_text(entry.note, masked=True) if entry else "",
                 tr("{n} 个附件").format(n=entry.evidence) if entry and entry.evidence
                 else tr("没有佐证")]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(ItemRole, index)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if column == 2:
                item.setBackground(QBrush(QColor(STATE_COLOURS[s.state])))
                if not self.ledger.readonly:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if s.state in ("met", "no_evidence")
                                       else Qt.CheckState.Unchecked)
            self.table.setItem(row, column, item)
        pictures = thumbs.get(entry.id, []) if entry else []
        if pictures:
            holder = QWidget()
            line = QHBoxLayout(holder)
            line.setContentsMargins(2, 2, 2, 2)
            for data in pictures:
                pixmap = QPixmap()
                pixmap.loadFromData(data)
                label = QLabel()
                label.setPixmap(pixmap.scaled(60, 60, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
                line.addWidget(label)
            line.addStretch(1)
            holder.setMinimumHeight(64)
            cell = self.table.item(row, 4)
            if cell is not None:
                cell.setText("")
            self.table.setCellWidget(row, 4, holder)

    def keyPressEvent(self, event: Any) -> None:
        """Space ticks the current item, wherever the cursor is in its row."""
        if event.key() == Qt.Key.Key_Space and self.table.hasFocus():
            row = self.table.currentRow()
            cell = self.table.item(row, 2) if self._item_index(row) is not None else None
            if cell is not None and cell.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                cell.setCheckState(Qt.CheckState.Unchecked if cell.checkState()
                                   == Qt.CheckState.Checked else Qt.CheckState.Checked)
                return
        super().keyPressEvent(event)

    def _tick_changed(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != 2 or self.page is None:
            return
        index = cell.data(ItemRole)
        if index is None:
            return
        s = self.page.status.items[int(index)]
        met = cell.checkState() == Qt.CheckState.Checked
        ledger, state_type, year = self.ledger, self.page.status.checklist.state_type, self.year
        entry_id = s.entry.id if s.entry is not None else None

        def saved(_id: int) -> None:
            self.changed.emit()
            self.reload()

        self.runner.run(lambda: set_met(ledger, state_type, entry_id, year, s.item.label, met),
                        saved, self._tick_failed)

    def _tick_failed(self, exc: BaseException) -> None:
        from ledger_app.ui.errors import show_error

        show_error(self, exc)
        self.reload()

    def _item_index(self, row: int) -> int | None:
        item = self.table.item(row, 0)
        value = item.data(ItemRole) if item is not None else None
        return int(value) if value is not None else None

    def _activated(self, row: int, _column: int) -> None:
        index = self._item_index(row)
        if index is None or self.page is None:
            return
        s = self.page.status.items[index]
        state_type = self.page.status.checklist.state_type
        if s.entry is not None:
            ids = [i.entry.id for i in self.page.status.items if i.entry is not None]
            self.record_wanted.emit(state_type, s.entry.id, ids, {})
        else:
            rt = self.ledger.pack.record_type(state_type)
            self.record_wanted.emit(state_type, None, [], rt.prefill(
                {"checklist_year": self.year, "checklist_item": s.item.label}))

"""The import preview: the column mapping beside a table of every spreadsheet row.

``PreviewModel`` is the table: one line per row, coloured by status and level (a row taken
with a warning is amber, and so is each cell left 待核实 or completed, with its reason as
the cell's tooltip; a cell that refuses its row is red). A plan can hold tens of thousands
of rows, so the view asks for cells lazily. The 更新 column is a check box on
rows that match an existing record: ticked means update it, unticked means skip it.
``PreviewPage`` lays out the mapping table, the preview and the import buttons; the import
dialog connects them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ledger_app.outputs.xlsx.importer import ImportPlan, RowPlan
from ledger_app.ui.i18n import tr, tr_noop

STATUS_COLOURS = {"new": "#e3f4e1", "update": "#dde9fb", "skip": "#eeeeee", "error": "#fbdcdc"}
# A row's status as the window says it (the importer's own words are 新增, 更新 …).
STATUS_WORDS = {"new": tr_noop("新增"), "update": tr_noop("更新"), "skip": tr_noop("跳过"),
                "error": tr_noop("错误")}
WARNING_COLOUR = "#fdf0c8"        # taken, with something completed or left 待核实
CELL_COLOURS = {"info": "#eaf3d6", "warning": "#f9d98a", "error": "#f2a7a7"}
FIXED = (tr_noop("行号"), tr_noop("状态"), tr_noop("更新"), tr_noop("说明"))
Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    def __init__(self, plan: ImportPlan | None = None, parent: Any = None):
        super().__init__(parent)
        self.plan = plan
        self.headers: list[str] = []
        self.keys: list[str] = []           # field of each spreadsheet column shown
        self.set_plan(plan)

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self.headers = [tr(h) for h in FIXED]
        self.keys = []
        if plan is not None:
            self.headers += [c.header or tr("第{n}列").format(n=c.index + 1)
                             for c in plan.columns if c.field_key]
            self.keys = [c.field_key for c in plan.columns if c.field_key]
        self.endResetModel()

    def refresh(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def row_plan(self, row: int) -> RowPlan:
        assert self.plan is not None
        return self.plan.rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.plan is None else len(self.plan.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 2 and self.row_plan(index.row()).matched:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.plan is None:
            return None
        row = self.row_plan(index.row())
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.row
            if col == 1:
                status = tr(STATUS_WORDS[row.status])
                return (tr("{status}（有提示）").format(status=status)
                        if row.level == "warning" else status)
            if col == 2:
                return None
            if col == 3:
                return row.message
            cells = row.cells
            return cells[col - 4] if col - 4 < len(cells) else ""
        if role == Qt.ItemDataRole.CheckStateRole and col == 2 and row.matched:
            return Qt.CheckState.Checked if row.status == "update" else Qt.CheckState.Unchecked
        reason = self._reason(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            if reason is not None:
                return QBrush(QColor(CELL_COLOURS[reason.level]))
            if row.level == "warning" and row.status != "skip":
                return QBrush(QColor(WARNING_COLOUR))
            return QBrush(QColor(STATUS_COLOURS[row.status]))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 3:
                return row.message or None
            return reason.message if reason is not None else None
        return None

    def _reason(self, row: RowPlan, col: int) -> Any:
        """The most serious reason about the field shown in column ``col``, if any."""
        if col < len(FIXED) or col - len(FIXED) >= len(self.keys):
            return None
        key = self.keys[col - len(FIXED)]
        found = [r for r in row.reasons if r.field == key]
        order = {"error": 0, "warning": 1, "info": 2}
        return min(found, key=lambda r: order[r.level]) if found else None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 2 or self.plan is None:
            return False
        row = self.row_plan(index.row())
        if not row.matched:
            return False
        wanted = "update" if Qt.CheckState(value) == Qt.CheckState.Checked else "skip"
        if wanted == "update" and (row.update_problem or not row.changes):
            return False
        self.plan.set_action(row, wanted)
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), self.columnCount() - 1))
        return True


def problem_label() -> QLabel:
    """A red, wrapping line for an expected problem, hidden until there is one."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


class PreviewPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setHorizontalHeaderLabels([tr("表格中的列"), tr("导入到")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping_table.verticalHeader().hide()
        self.model = PreviewModel()
        self.preview = QTableView()
        self.preview.setModel(self.model)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.verticalHeader().hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(tr("列的对应（改动后会记住）：")))
        left_layout.addWidget(self.mapping_table)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([280, 700])
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.problem = problem_label()
        self.only_valid = QCheckBox(tr("有错误的行不导入，只导入无误的行"))
        self.update_all = QPushButton(tr("已有的全部更新"))
        self.skip_all = QPushButton(tr("已有的全部跳过"))
        self.back = QPushButton(tr("上一步"))
        self.import_button = QPushButton(tr("导入"))

        bottom = QHBoxLayout()
        for w in (self.update_all, self.skip_all, self.only_valid):
            bottom.addWidget(w)
        bottom.addStretch(1)
        bottom.addWidget(self.back)
        bottom.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addLayout(bottom)

"""党费收缴表（按月）: the year's dues as a member × month grid, with 本月收缴.

Each cell shows 应交 / 实交 of one member's month (未交 marked, 不应交 greyed with the
reason in its tooltip); arrears runs are highlighted with the finding's why; a 合计 row
and column add up what the printed register adds up (both come from
``rules.dues_grid``). Enter or a double-click opens the month's record, or a new one
prefilled with the amount owed; 本月收缴 runs ``rules.dues_fill`` on the worker.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ledger_app.forms.values import format_money
from ledger_app.rules.dues_grid import DuesYear, GridCell
from ledger_app.ui.i18n import tr, tr_noop
from ledger_app.ui.period_words import month_name, value_date_text
from ledger_app.ui.year_grid_dialog import (
    YearGridDialog,
    close_buttons,
    controls_line,
    grey_hint,
)

if TYPE_CHECKING:
    from ledger_app.store import Ledger
    from ledger_app.ui.tasks import TaskRunner

ARREARS_COLOURS = {"alert": "#f6c4c4", "warn": "#fde2b8"}
UNPAID_TEXT = "#b00020"
NOT_DUE_TEXT = "#999999"
TOTAL_COLUMNS = (tr_noop("全年应交"), tr_noop("全年实交"))
AnyIndex = QModelIndex | QPersistentModelIndex


class DuesGridModel(QAbstractTableModel):
    """Rows: members then 合计; columns: 姓名, 1–12月, 全年应交, 全年实交."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.grid = DuesYear(0, ())

    def set_grid(self, grid: DuesYear) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or not self.grid.rows else len(self.grid.rows) + 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 15

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return "" if section == len(self.grid.rows) else str(section + 1)
        if section == 0:
            return tr("姓名")
        return month_name(section) if section <= 12 else tr(TOTAL_COLUMNS[section - 13])

    def is_total_row(self, row: int) -> bool:
        return row == len(self.grid.rows)

    def cell(self, index: AnyIndex) -> GridCell | None:
        row, column = index.row(), index.column()
        if not index.isValid() or self.is_total_row(row) or not 1 <= column <= 12:
            return None
        return self.grid.rows[row].cells[column - 1]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if self.is_total_row(row):
            return self._total(column, role)
        member = self.grid.rows[row]
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == 0:
            return member.name if role == Qt.ItemDataRole.DisplayRole else None
        if column > 12:
            if role == Qt.ItemDataRole.DisplayRole:
                return format_money(member.due_total if column == 13 else member.paid_total)
            return None
        cell = member.cells[column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(member.name, cell)
        if role == Qt.ItemDataRole.BackgroundRole and cell.arrears:
            return QBrush(QColor(ARREARS_COLOURS[cell.arrears]))
        if role == Qt.ItemDataRole.ForegroundRole:
            if cell.state in ("unpaid", "missing"):
                return QBrush(QColor(UNPAID_TEXT))
            if cell.state in ("not_due", "pending"):
                return QBrush(QColor(NOT_DUE_TEXT))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{member.name} {cell.month} {cell_text(cell)}"
        return None

    def _total(self, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        g = self.grid
        if column == 0:
            return tr("合计")
        if column <= 12:   # as a member's month: one amount when all that was due is paid
            due, paid = g.month_due(column), g.month_paid(column)
            # 应交 over 实交 when they differ: the row is two lines high (too wide for one).
            return format_money(due) if due == paid else f"{format_money(due)}\n{format_money(paid)}"
        return format_money(g.due_total if column == 13 else g.paid_total)


def cell_text(cell: GridCell) -> str:
    """A month in a few characters, so the twelve and the totals fit a 1366-wide screen:
    the amount alone when paid in full (grey while the month runs and nothing is paid
    yet), 应交 / 实交 when they differ, 未交 once the month is over, — when nothing is
    owed (the tooltip says it all)."""
    if cell.state == "not_due":
        return "—"
    due = format_money(cell.due) if cell.due is not None else "?"
    if cell.state == "paid":
        return due if cell.paid == cell.due else f"{due} / {format_money(cell.paid)}"
    if cell.state == "pending":
        return due                   # in grey: this month, not yet paid
    return tr("{due} 未交").format(due=due)


def tooltip(name: str, cell: GridCell) -> str:
    month = value_date_text(cell.month) or cell.month
    lines = [f"{name} {month}"]
    if cell.state == "not_due":
        lines.append(tr("不应交：{why}").format(why=cell.why))
    else:
        due = format_money(cell.due) if cell.due is not None else tr("（无法计算）")
        lines.append(tr("应交 {due}，实交 {paid}").format(due=due, paid=format_money(cell.paid))
                     if cell.paid else tr("应交 {due}，未交").format(due=due))
        if cell.rate:
            lines.append(tr("基数 {base}，比例 {rate}").format(base=format_money(cell.base),
                                                         rate=cell.rate)
                         if cell.base is not None else tr("比例 {rate}").format(rate=cell.rate))
        if cell.why:
            lines.append(cell.why)
        lines.append(tr("按 Enter 打开这条记录") if cell.record_id else tr("按 Enter 新建这个月的记录"))
    if cell.arrears_why:
        lines.append((tr("【严重】{why}") if cell.arrears == "alert" else tr("【需处理】{why}"))
                     .format(why=cell.arrears_why))
    return "\n".join(lines)


def load_grid(ledger: Ledger, year: int, as_of: dt.date | None = None) -> DuesYear:
    from ledger_app.rules.gather import read_dues_year

    return read_dues_year(ledger, year, as_of or dt.date.today())


class DuesGridDialog(YearGridDialog):
    """``record_wanted(type key, id or None, ids, initial values)`` like the home page."""

    record_wanted = Signal(str, object, list, dict)
    filled = Signal()
    print_wanted = Signal(int)     # Ctrl+P: the year's 党费收缴登记表

    def __init__(self, ledger: Ledger, runner: TaskRunner, year: int,
                 parent: QWidget | None = None, as_of: dt.date | None = None):
        super().__init__(ledger, runner, "duesGridDialog", "", parent)
        self.as_of = as_of             # the day arrears are judged from (None: today)
        self.wanted: tuple[int, int] | None = None   # (member id, month) to show once read
        self.year_box = QComboBox()
        today = as_of or dt.date.today()
        years = sorted(set(ledger.years()) | {today.year, year}, reverse=True)
        for y in years:
            self.year_box.addItem(tr("{year}年度").format(year=y), y)
        self.year_box.setCurrentIndex(self.year_box.findData(year))
        self.year_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.summary = QLabel(tr("正在读取……"))
        self.summary.setObjectName("duesSummary")
        self.model = DuesGridModel(self)
        self.table = QTableView()
        self.table.setObjectName("duesGrid")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(80)
        self.table.setColumnWidth(0, 72)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.model.modelReset.connect(self._total_row_two_lines)
        self.table.activated.connect(self._activated)           # Enter, double-click
        self.table.doubleClicked.connect(self._activated)
        for keys in ("Return", "Enter"):
            QShortcut(QKeySequence(keys), self.table, lambda: self._activated(
                self.table.currentIndex()), context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("F5"), self, self.reload)
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self.print_wanted.emit(self.year))

        # 本月收缴: a month, an optional 交纳日期, and whether 实交 = 应交.
        self.month_box = QComboBox()
        self.month_box.setObjectName("fillMonth")
        self.month_box.addItems([month_name(m) for m in range(1, 13)])
        self.month_box.setCurrentIndex(today.month - 1)
        self.paid_date = QLineEdit()
        self.paid_date.setPlaceholderText(tr("交纳日期，如 {day}").format(day=today.isoformat()))
        self.paid_date.setMaximumWidth(170)
        self.unpaid_box = QCheckBox(tr("只建应交（尚未交纳）"))
        self.fill_button = QPushButton(tr("本月收缴"))
        self.fill_button.setObjectName("fillButton")
        self.fill_button.setToolTip(tr("为这个月应交党费的每名党员建一条记录：基数、比例、应交按规则算出，"
                                       "实交默认等于应交；已有记录的党员跳过。"))
        self.fill_button.clicked.connect(lambda _c=False: self.fill())
        self.fill_button.setEnabled(not ledger.readonly)
        self.fill_result = QLabel()
        self.fill_result.setObjectName("fillResult")
        self.fill_result.setWordWrap(True)
        fill_row = controls_line(tr("年度"), self.year_box, "  " + tr("收缴月份"), self.month_box,
                                 self.paid_date, self.unpaid_box, self.fill_button)
        hint = grey_hint(tr("已足额交纳的月份只写金额，实交与应交不同写“应交 / 实交”（合计行上下两行）；"
                            "红字“未交”为月份已过未交，灰字金额为本月尚未交，灰色“—”为不应交（入党、转入之前或离开之后）；"
                            "橙色底为连续 3 个月未交，红色底为连续 6 个月未交。方向键移动，Enter 打开该月记录，"
                            "F5 刷新。"))
        layout = QVBoxLayout(self)
        layout.addLayout(fill_row)
        layout.addWidget(self.fill_result)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(close_buttons(self))
        self.resize(1280, 680)
        self.reload()

    @property
    def year(self) -> int:
        return int(self.year_box.currentData())

    def reload(self) -> None:
        ledger, year, as_of = self.ledger, self.year, self.as_of
        self.setWindowTitle(tr("党费收缴表（按月）— {year}年度").format(year=year))
        self.runner.run(lambda: load_grid(ledger, year, as_of), self._arrived)

    def go_to(self, year: int, member: int, month: int) -> None:
        """Show ``member``'s row at ``month`` of ``year`` (read anew if another year)."""
        self.wanted = (member, month)
        index = self.year_box.findData(year)
        if index >= 0 and index != self.year_box.currentIndex():
            self.year_box.setCurrentIndex(index)          # reloads; placed on arrival
        elif self.model.grid.year == year:
            self._place_wanted()

    def _place_wanted(self) -> bool:
        grid, wanted = self.model.grid, self.wanted
        if wanted is None:
            return False
        self.wanted = None
        rows = [r.member_id for r in grid.rows]
        if wanted[0] not in rows:
            return False
        index = self.model.index(rows.index(wanted[0]), max(1, min(12, wanted[1])))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()
        return True

    def _arrived(self, grid: DuesYear) -> None:
        if grid.year != self.year:
            return      # the year was changed again while this one was read
        current = self.table.currentIndex()
        self.model.set_grid(grid)
        unpaid = sum(len(r.unpaid_months()) for r in grid.rows)
        alerts = sum(1 for f in grid.findings if f.severity == "alert")
        summary = (tr("{year}年度 {members} 名党员；应交合计 {due} 元，实交合计 {paid} 元；"
                      "未交 {unpaid} 个月次；连续欠交 {behind} 人（其中满 6 个月 {alerts} 人）")
                   if grid.findings else
                   tr("{year}年度 {members} 名党员；应交合计 {due} 元，实交合计 {paid} 元；"
                      "未交 {unpaid} 个月次"))
        self.summary.setText(summary.format(
            year=grid.year, members=len(grid.rows), due=format_money(grid.due_total),
            paid=format_money(grid.paid_total), unpaid=unpaid, behind=len(grid.findings),
            alerts=alerts))
        if self._place_wanted():
            return
        if current.isValid():
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        else:
            self.table.setCurrentIndex(self.model.index(0, 1))
        self.table.setFocus()

    def _total_row_two_lines(self) -> None:
        last = self.model.rowCount() - 1
        if last >= 0:
            self.table.verticalHeader().resizeSection(
                last, 2 * self.table.verticalHeader().defaultSectionSize())

    def _activated(self, index: QModelIndex) -> None:
        cell = self.model.cell(index)
        rt = self.ledger.pack.type_for("dues")
        if cell is None or rt is None:
            return
        if cell.record_id is not None:
            ids = [c.record_id for c in self.model.grid.rows[index.row()].cells
                   if c.record_id is not None]
            self.record_wanted.emit(rt.key, cell.record_id, ids, {})
            return
        member = self.model.grid.rows[index.row()].member_id
        by_role: dict[str, Any] = {"person": member, "date": cell.month}
        if cell.state != "not_due" and cell.due is not None:
            by_role.update({"dues_base": cell.base, "dues_rate": cell.rate,
                            "dues_due": cell.due})
        self.record_wanted.emit(rt.key, None, [], rt.prefill(by_role))

    def fill(self) -> None:
        from ledger_app.rules.dues_fill import fill_month

        ledger = self.ledger
        month = f"{self.year:04d}-{self.month_box.currentIndex() + 1:02d}"
        paid_date = self.paid_date.text().strip() or None
        unpaid = self.unpaid_box.isChecked()
        self.fill_result.setText(tr("正在收缴 {month} 的党费……").format(month=month))

        def done(plan: Any) -> None:
            self.fill_result.setText(plan.summary())
            self.reload()
            self.filled.emit()

        self.run_job(lambda: fill_month(ledger, month, paid_date, unpaid), done,
                     self.fill_button, self.fill_result)

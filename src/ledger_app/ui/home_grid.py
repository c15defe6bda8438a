"""The cadence grid: each required meeting (per 党小组 for 党小组会) × the months of the
year, a quarter's cell spanning its three months, coloured held / missing / due.

Clicking a cell (or Enter on it) asks for what is behind it: ``cell_chosen(row, index)``
with the row and cell index in the report; the home page lists the meetings held then
or opens a new record for the period.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ledger_app.ui.i18n import tr, tr_noop
from ledger_app.ui.period_words import month_name, period_text

if TYPE_CHECKING:
    from ledger_app.rules.cadence import Cell, Row, Summary

# held, missing (over and not held), due (running), future, na (not required)
COLOURS = {"held": "#cdebc9", "missing": "#f6c7c3", "due": "#fbe6a6", "future": "#ffffff",
           "na": "#eeeeee"}
STATE_WORDS = {"held": tr_noop("已开"), "missing": tr_noop("未开（已过期）"),
               "due": tr_noop("本期尚未召开"), "future": tr_noop("未到期"),
               "na": tr_noop("不需召开")}
CellRole = int(Qt.ItemDataRole.UserRole) + 1     # (row index, cell index)
SPAN = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}
MAX_ROWS_SHOWN = 10
MAX_NAMES_IN_TIP = 8


def cell_text(cell: Cell) -> str:
    if cell.state == "na":
        return "—"
    if cell.state == "held":
        return "✓" if cell.held == 1 else f"✓{cell.held}"
    if cell.state == "missing":
        return tr("缺") if not cell.held else tr("缺 {held}/{required}").format(
            held=cell.held, required=cell.required)
    if cell.state == "due":
        return tr("待") if not cell.held else tr("待 {held}/{required}").format(
            held=cell.held, required=cell.required)
    return ""


def total_text(total: Summary) -> str:
    """The 全年 column: held/required, with what is missed or still open ("2/3 缺 1");
    the window's words for ``Summary.text``, which the printed 自查表 keeps."""
    if not total.required:
        return "—"
    if total.missing:
        return tr("{held}/{required} 缺 {missing}").format(
            held=total.held, required=total.required, missing=total.missing)
    if total.held < total.required:
        return tr("{held}/{required} 待").format(held=total.held, required=total.required)
    return f"{total.held}/{total.required}"


def cell_tip(row: Row, cell: Cell, names: dict[int, str] | None = None) -> str:
    lines = [tr("{period} {meeting}：{state}").format(
        period=period_text(cell.period), meeting=row.label, state=tr(STATE_WORDS[cell.state]))]
    if cell.required:
        lines.append(tr("应开 {required} 次，已开 {held} 次").format(
            required=cell.required, held=cell.held))
    shown = [names[i] for i in cell.records[:MAX_NAMES_IN_TIP] if names and i in names]
    lines += [f"· {name}" for name in shown]
    if len(cell.records) > len(shown) and shown:
        lines.append(tr("……共 {n} 条").format(n=len(cell.records)))
    lines.append(tr("按 Enter 或单击：查看已开的会议，或新增一条记录"))
    return "\n".join(lines)


def legend() -> QLabel:
    """What the grid's marks and colours mean, shown under it."""
    label = QLabel(" ".join(
        f"<span style='background:{COLOURS[s]}'>&nbsp;{t}&nbsp;</span>"
        for s, t in (("held", tr("✓ 已开")), ("missing", tr("缺 已过期未开")),
                     ("due", tr("待 本期尚未召开")), ("na", tr("— 不需召开")))))
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class CadenceGrid(QTableWidget):
    """Fill with ``set_rows(rows, year)``; ``cell_chosen(row, cell)`` on click or Enter."""

    cell_chosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # A viewport made in Python, set up as Qt sets up its own: _fit_height reads its
        # width on the first paint, and handing Python a QWidget that Qt made first makes
        # PySide load every widget class's enums (≈ 25 ms of the window's start).
        viewport = QWidget()
        viewport.setObjectName("qt_scrollarea_viewport")
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        self.setViewport(viewport)
        self.setObjectName("cadenceGrid")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)   # Tab leaves the grid; arrows move inside it
        self.setWordWrap(False)
        self.setColumnCount(13)
        self.setHorizontalHeaderLabels([month_name(m) for m in range(1, 13)] + [tr("全年")])
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(12, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(30)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_to_font()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.cellClicked.connect(self._clicked)
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row], year: int, names: dict[int, str] | None = None) -> None:
        """``names``: record id -> how a meeting is named in a cell's tooltip."""
        from ledger_app.rules import cadence, periods  # when filled, not for the first paint

        self.clearSpans()
        self.clearContents()
        self.rows = list(rows)
        self.setRowCount(len(rows))
        self.setVerticalHeaderLabels([row.label for row in rows])
        whole = periods.whole_year(year)
        for r, row in enumerate(rows):
            span = SPAN[row.requirement.every]
            for i, cell in enumerate(row.cells):
                item = QTableWidgetItem(cell_text(cell))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(QBrush(QColor(COLOURS[cell.state])))
                if cell.state in ("missing", "na"):
                    item.setForeground(QBrush(QColor("#9a1c12" if cell.state == "missing"
                                                     else "#888888")))
                item.setToolTip(cell_tip(row, cell, names))
                item.setData(CellRole, (r, i))
                self.setItem(r, i * span, item)
                if span > 1:
                    self.setSpan(r, i * span, 1, span)
            total = cadence.summarise(cadence.cells_within(row, whole))
            item = QTableWidgetItem(total_text(total))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setToolTip((tr("{meeting}全年：已开/应开，缺：已过期未开的期数") if total.missing
                             else tr("{meeting}全年：已开/应开")).format(meeting=row.label))
            item.setBackground(QBrush(QColor(COLOURS["missing"] if total.missing else "#f7f7f7")))
            self.setItem(r, 12, item)
        # All rows in view up to MAX_ROWS_SHOWN (a branch with a few 党小组); a ledger of many
        # groups scrolls inside the grid so the findings below keep their room.
        self._fit_height()

    def _fit_to_font(self) -> None:
        """The 全年 column and the rows sized from the font, so 10/12 缺 1 (and its header)
        stays whole in 大字体 / 特大字体, at any screen scaling and in either language
        (fixed pixels clipped it)."""
        metrics = self.fontMetrics()
        self.row_height = max(26, metrics.height() + 8)
        self.verticalHeader().setDefaultSectionSize(self.row_height)
        widest = max(metrics.horizontalAdvance(tr("{held}/{required} 缺 {missing}").format(
            held=10, required=12, missing=1)),
            self.horizontalHeader().fontMetrics().horizontalAdvance(tr("全年")))
        self.horizontalHeader().resizeSection(12, max(74, widest + 14))

    def _fit_height(self) -> None:
        shown = min(len(self.rows), MAX_ROWS_SHOWN)
        height = (self.horizontalHeader().sizeHint().height() + self.row_height * shown
                  + 2 * self.frameWidth() + 2)
        if self.horizontalHeader().length() > self.viewport().width():
            # A narrow window scrolls the months sideways: the scroll bar takes its
            # height from the rows' room unless the grid grows by it (the last row half hidden).
            height += self.horizontalScrollBar().sizeHint().height()
        if height != self.height():
            self.setFixedHeight(max(height, 60))

    def _fit_month_labels(self) -> None:
        """"10月" where it fits, else "10": a narrow window in 特大字体 keeps every month
        readable rather than cut to "1("."""
        metrics = self.horizontalHeader().fontMetrics()
        names = [month_name(m) for m in range(1, 13)]
        wide = self.horizontalHeader().sectionSize(0) >= \
            max(metrics.horizontalAdvance(n) for n in names) + 8
        labels = names if wide else [str(m) for m in range(1, 13)]
        first = self.horizontalHeaderItem(0)
        if first is None or first.text() != labels[0]:
            self.setHorizontalHeaderLabels(labels + [tr("全年")])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:   # 视图 → 字体大小
            self._fit_to_font()
            self._fit_height()
            self._fit_month_labels()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_month_labels()
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def chosen(self, row: int, column: int) -> tuple[int, int] | None:
        item = self.item(row, column)
        data = item.data(CellRole) if item is not None else None
        return (int(data[0]), int(data[1])) if data else None

    def _clicked(self, row: int, column: int) -> None:
        found = self.chosen(row, column)
        if found is not None:
            self.cell_chosen.emit(*found)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            index = self.currentIndex()
            if index.isValid():
                self._clicked(index.row(), index.column())
                return
        super().keyPressEvent(event)

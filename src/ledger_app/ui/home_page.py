"""The home page: the chosen year as the rules see it — which meetings were held, which are
missing, the checklists, and every finding with its why, most serious first.

A pane with signals (the window decides how to open a record): ``record_wanted`` with a
type, the record (None for a new one), the records to step through and the new record's
prefilled values; ``checklist_wanted(key)``; ``year_chosen(year)``; ``filled`` once the
report has arrived. The report is computed on the worker (``home_data.load_home``); the
page shows any finding the report holds without knowing its rule.

The page lays out its parts and acts on what they ask for: the cadence grid
(``home_grid``), the findings (``home_findings``), the checklists (``home_checklists``)
and the charts (``home_charts``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ledger_app.ui.home_charts import ChartsBox
from ledger_app.ui.home_checklists import ChecklistBox
from ledger_app.ui.home_findings import SEVERITY_COLOURS, FindingList, severity_word
from ledger_app.ui.home_grid import CadenceGrid, legend
from ledger_app.ui.i18n import tr
from ledger_app.ui.period_words import date_text, day_text, period_text

if TYPE_CHECKING:
    from ledger_app.rules.findings import Finding
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.home_data import HomeData
    from ledger_app.ui.tasks import TaskRunner


# Findings about a whole year's grid rather than records: the view that answers them.
YEAR_VIEWS = {"dues.arrears": "dues", "dues.arrears_alert": "dues",
              "evaluations.missing": "evaluations"}


class HomePage(QWidget):
    record_wanted = Signal(str, object, list, dict)   # type key, id or None, ids, initial values
    checklist_wanted = Signal(str)
    dues_wanted = Signal(int, int, int)               # year, member id, month: the 党费收缴表
    evaluations_wanted = Signal(int)                  # year: the 民主评议 batch table
    print_wanted = Signal(int)                        # the year's 自查表
    year_chosen = Signal(int)
    filled = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("homePage")
        self.runner = runner
        self.ledger: Ledger | None = None
        self.data: HomeData | None = None
        self.year: int | None = None
        self.menu: QMenu | None = None
        self._generation = 0
        self._stale = False
        self._held = ""       # why the page checks nothing for now (a demo still being written)
        self.as_of: dt.date | None = None   # the day judged from; None: today

        self.year_box = QComboBox()
        self.year_box.setObjectName("homeYearBox")
        self.year_box.setToolTip(tr("查看哪一年度的检查结果"))
        self.year_box.setMinimumContentsLength(8)
        self.year_box.currentIndexChanged.connect(self._year_picked)
        self.headline = QLabel(tr("正在按规则检查……"))
        self.headline.setObjectName("homeHeadline")
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("<big><b>自查</b></big>")))   # grows with 字体大小
        top.addSpacing(8)
        top.addWidget(QLabel(tr("年度")))
        top.addWidget(self.year_box)
        top.addSpacing(12)
        top.addWidget(self.headline, 1)
        self.print_button = QPushButton(tr("打印自查表…"))
        self.print_button.setObjectName("printSelfCheck")
        self.print_button.setToolTip(tr("把本年度的会议召开情况、检查项和发现的问题打印成自查表"))
        self.print_button.clicked.connect(
            lambda _c=False: self.print_wanted.emit(self.year) if self.year else None)
        top.addWidget(self.print_button)
        # Context help: the guide's section on this page (the window's F1 opens it at the top).
        self.help_button = QPushButton(tr("这一页怎么看？"))
        self.help_button.setObjectName("homeHelp")
        self.help_button.setToolTip(tr("使用说明中讲首页自查的一节：表格的颜色、问题和提示、检查项对照"))
        self.help_button.clicked.connect(lambda _c=False: self._show_help())
        top.addWidget(self.help_button)

        self.grid = CadenceGrid()
        self.grid.cell_chosen.connect(self._cell_chosen)
        self.findings = FindingList()
        self.findings.finding_activated.connect(self.act_on)
        self.findings_title = QLabel(tr("<b>发现的问题和提示</b>"))
        self.findings_title.setWordWrap(True)   # English is longer than the page is wide

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        grid_title = QLabel(tr("<b>会议按期召开情况</b>（单击格子或按 Enter：查看已开的会议，或补录）"))
        grid_title.setWordWrap(True)
        left.addWidget(grid_title)
        left.addWidget(self.grid)
        self.grid_note = QLabel()
        self.grid_note.setObjectName("gridNote")
        self.grid_note.setWordWrap(True)
        self.grid_note.setStyleSheet("color:#555")
        self.grid_note.hide()
        left.addWidget(self.grid_note)
        left.addWidget(legend())
        left.addSpacing(4)
        left.addWidget(self.findings_title)
        left.addWidget(self.findings, 1)

        self.checklists = ChecklistBox()
        self.checklists.open_wanted.connect(self.checklist_wanted)
        self.charts = ChartsBox()
        self.quarter_chart = self.charts.quarter_chart
        self.attendance_chart = self.charts.attendance_chart
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.checklists)
        side_layout.addWidget(self.charts)
        side_layout.addStretch(1)
        side_scroll = QScrollArea()
        side_scroll.setWidget(side)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setFixedWidth(320)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(side_scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        # Tab walks year → grid → findings → checklist buttons.
        self.setTabOrder(self.year_box, self.print_button)
        self.setTabOrder(self.print_button, self.grid)
        self.setTabOrder(self.grid, self.findings)

    # ---- data ------------------------------------------------------------------------------

    def set_ledger(self, ledger: Ledger | None) -> None:
        self.ledger = ledger
        self.data = None
        self._generation += 1
        self.headline.setText(tr("正在按规则检查……"))

    def set_years(self, years: list[int], year: int) -> None:
        """The years offered (newest first) and the one to show; loads it."""
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for y in years:
            self.year_box.addItem(tr("{year} 年度").format(year=y), y)
        index = self.year_box.findData(year)
        if index < 0:
            self.year_box.addItem(tr("{year} 年度").format(year=year), year)
            index = self.year_box.count() - 1
        self.year_box.setCurrentIndex(index)
        self.year_box.blockSignals(False)
        self.year = year
        self.reload()

    def offer_years(self, years: list[int]) -> None:
        """A changed list of years (a record saved in a new year): the shown one stays."""
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for y in sorted({*years, *([self.year] if self.year else [])}, reverse=True):
            self.year_box.addItem(tr("{year} 年度").format(year=y), y)
        if self.year is not None:
            self.year_box.setCurrentIndex(self.year_box.findData(self.year))
        self.year_box.blockSignals(False)

    def set_year(self, year: int) -> None:
        """Show another year (from the window's year box): no signal back."""
        if year == self.year:
            return
        index = self.year_box.findData(year)
        if index >= 0:
            self.year_box.blockSignals(True)
            self.year_box.setCurrentIndex(index)
            self.year_box.blockSignals(False)
        self.year = year
        self.refresh()

    def _year_picked(self, _index: int) -> None:
        year = self.year_box.currentData()
        if year is None or year == self.year:
            return
        self.year = year
        self.reload()
        self.year_chosen.emit(year)

    def refresh(self) -> None:
        """After a change: reload now if shown, else when next shown."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def hold(self, reason: str) -> None:
        """Check nothing until ``release``: the ledger is still being written (the demo
        filling in), and dozens of 严重 findings on half a ledger would only alarm."""
        self._held = reason
        self._generation += 1      # a report already on its way is dropped
        self.headline.setText(reason)

    def release(self) -> None:
        """Checks run again; the caller refreshes the page."""
        self._held = ""

    def reload(self) -> None:
        ledger, year, as_of = self.ledger, self.year, self.as_of
        if ledger is None or year is None:
            return
        if self._held:
            self.headline.setText(self._held)
            return
        from ledger_app.ui.home_data import load_home

        self._stale = False
        self._generation += 1
        generation = self._generation
        self.runner.run(lambda: load_home(ledger, year, as_of),
                        lambda data: self._arrived(generation, data))

    def _arrived(self, generation: int, data: HomeData) -> None:
        if generation != self._generation:
            return   # a newer request (another year, another ledger) is on its way
        self.data = data
        report = data.report
        counts = report.counts()
        as_of = report.as_of
        parts = {s: f"<span style='color:{SEVERITY_COLOURS[s]}'>" + tr(
            "{severity} <b>{n}</b> 项").format(severity=severity_word(s), n=counts[s]) + "</span>"
            for s in ("alert", "warn", "info")}
        self.headline.setText(tr("检查截至 {date}：{alert}　{warn}　{info}").format(
            date=date_text(as_of), **parts))
        self.grid.set_rows(list(report.rows), report.year, {
            m.id: f"{day_text(m.date)} {m.topic}".strip()
            for m in report.facts.meetings})
        nothing_due = all(c.state == "na" for row in report.rows for c in row.cells)
        self.grid_note.setText(tr("{year}年还没有需要召开的会议：名册里还没有在册的成员，"
                                  "或这一年在电子台账启用日期（组织设置 → 检查规则）之前。")
                               .format(year=report.year))
        self.grid_note.setVisible(nothing_due)
        self.findings.set_findings(report.findings, data.labels)
        self.findings_title.setText(tr("<b>发现的问题和提示</b>（{n} 条，严重的在前；"
                                       "按 Enter 或双击打开相关记录或补录）")
                                    .format(n=len(report.findings)))
        self.checklists.set_statuses(report.checklists)
        self.charts.set_report(report)
        self.filled.emit()

    # ---- acting on what is shown -------------------------------------------------------------

    def _show_help(self) -> None:
        """The guide's section on this page."""
        from ledger_app.ui.help_window import show_help

        show_help(self, "home")

    def act_on(self, finding: Finding) -> None:
        """Open the records behind a finding, else a new record that would answer it (a
        checklist as a whole opens as its 对照表)."""
        ledger = self.ledger
        if ledger is None:
            return
        checklists = {c.key for c in ledger.pack.checklists}
        if finding.subject.kind == "checklist" and finding.subject.id in checklists:
            # A whole checklist to go through (items not yet assessed): its 对照表.
            self.checklist_wanted.emit(str(finding.subject.id))
            return
        view = YEAR_VIEWS.get(finding.rule)
        start = finding.period.start
        if view == "dues" and isinstance(finding.subject.id, int):
            # Months unpaid: the year's 党费收缴表 on the member's first month behind.
            self.dues_wanted.emit(start.year, finding.subject.id, start.month)
            return
        if view == "evaluations":
            self.evaluations_wanted.emit(start.year)
            return
        if finding.records:
            ids = list(finding.records)
            from ledger_app.ui.home_data import records_to_open

            self.runner.run(lambda: records_to_open(ledger, ids),
                            lambda found: self.record_wanted.emit(found[0], ids[0], found[1], {}))
        elif finding.suggestion is not None:
            self._new(finding.suggestion.type_key, finding.suggestion.values)

    def _new(self, type_key: str, by_role: dict[str, Any]) -> None:
        if self.ledger is None or not type_key:
            return
        rt = self.ledger.pack.record_type(type_key)
        self.record_wanted.emit(type_key, None, [], rt.prefill(by_role))

    def _cell_chosen(self, row_index: int, cell_index: int) -> None:
        """The meetings held in the cell's period, and a new record for it."""
        data = self.data
        if data is None:
            return
        row = data.report.rows[row_index]
        cell = row.cells[cell_index]
        req = row.requirement
        type_key = data.meetings_type if req.kinds else req.record_type
        values: dict[str, Any] = {}
        if req.kinds:
            values["meeting_kinds"] = [req.kinds[0]]
            if row.group:
                values["meeting_group"] = row.group
        # A new record's date: today inside a running period, else the period's last day.
        as_of = data.report.as_of
        day = min(cell.period.end, max(cell.period.start, as_of))
        values["date"] = day.isoformat()
        if not cell.records:
            if cell.state != "na":
                self._new(type_key, values)
            return
        meetings = {m.id: m for m in data.report.facts.meetings}
        menu = QMenu(self)
        menu.setObjectName("cellMenu")
        ids = list(cell.records)
        for entry_id in ids:
            m = meetings.get(entry_id)
            text = tr("打开：{day}　{topic}").format(day=day_text(m.date),
                                                  topic=m.topic or req.label) if m else \
                tr("打开：{meeting}（第 {n} 条）").format(meeting=req.label,
                                                     n=ids.index(entry_id) + 1)
            action = menu.addAction(text)
            action.triggered.connect(lambda _c=False, i=entry_id: self.record_wanted.emit(
                type_key, i, ids, {}))
        menu.addSeparator()
        label = data.labels.get(type_key, tr("记录"))
        menu.addAction(tr("新增一条{record_type}（{period}）…").format(
            record_type=label, period=period_text(cell.period))).triggered.connect(
            lambda _c=False: self._new(type_key, values))
        self.menu = menu
        rect = self.grid.visualItemRect(self.grid.currentItem()) if self.grid.currentItem() \
            else None
        where = rect.bottomLeft() if rect is not None else QPoint(0, 0)
        menu.popup(self.grid.viewport().mapToGlobal(where))

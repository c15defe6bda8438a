"""The main window: categories on the left, one record type's table on the right.

Every database write and every id query goes through the TaskRunner, so the
window never waits on the disk; table pages are read from the window's own read
connection (``ledger.reader()``), which is quick and safe on the GUI thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ledger_app.ui import paths
from ledger_app.ui.category_tree import CategoryTree
from ledger_app.ui.errors import show_error
from ledger_app.ui.home_page import HomePage
from ledger_app.ui.record_view import RecordTableView, SearchBox, column_width
from ledger_app.ui.table_model import RecordTableModel
from ledger_app.ui.window_menus import WindowMenus
from ledger_app.ui.window_records import RecordActions

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

ALL_YEARS = "全部年度"
SEARCH_DELAY_MS = 150


@dataclass
class FirstLoad:
    """What the first screen of a ledger shows, read in one background job."""

    settings: dict[str, Any]
    years: list[int]
    year: int            # the year first shown: this one, else the newest with records
    type_key: str
    ids: list[int]


def first_load(ledger: Ledger, type_key: str) -> FirstLoad:
    with_records = ledger.years_with_records()
    this_year = date.today().year
    year = next((y for y in with_records if y <= this_year), this_year)
    return FirstLoad(ledger.settings(), sorted({*with_records, this_year}, reverse=True), year,
                     type_key, ledger.records.ids(type_key, year))


# 显示敏感信息 is confirmed once each time the program runs (for every window it opens).
_sensitive_confirmed = False


class MainWindow(RecordActions, QMainWindow):
    """``ledger_closed`` after 文件 → 关闭; ``ledger_changed`` after another ledger opened."""

    ledger_closed = Signal()
    ledger_changed = Signal(object)
    ready = Signal()  # the first table of a ledger is showing

    def __init__(self, ledger: Ledger, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ledger: Ledger | None = None
        self.runner = runner
        self.reader: Any = None
        self.model: RecordTableModel | None = None
        self.record_dialog: Any = None   # the open edit dialog, if any
        self.dialog: Any = None          # the last other dialog opened (settings, bin, about)
        self._select_after_reload: int | None = None
        self._settings: dict[str, Any] = {}
        self._loading_first_table = False
        self.resize(1200, 760)
        self.setMinimumSize(800, 500)

        self.tree = CategoryTree(ledger.pack)
        self.tree.setObjectName("categoryTree")
        self.tree.type_selected.connect(self._type_picked)
        self.tree.home_selected.connect(self.show_home)

        self.year_box = QComboBox()
        self.year_box.setObjectName("yearBox")
        self.year_box.setToolTip("台账按年度记录：选择要看的年度，或全部年度")
        self.year_box.setMinimumContentsLength(8)
        self.year_box.currentIndexChanged.connect(self._year_changed)
        self.search_box = SearchBox()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText("搜索当前表格：姓名、主题、内容……（Ctrl+F）")
        self.search_box.setMinimumWidth(280)
        self.search_box.textChanged.connect(self._search_typed)
        self.sensitive_box = QCheckBox("显示敏感信息")
        self.sensitive_box.setToolTip("身份证号码、电话号码平时只显示部分数字")
        self.sensitive_box.toggled.connect(self._sensitive_toggled)
        self.pending_box = QCheckBox("只看待核实")
        self.pending_box.setObjectName("pendingBox")
        self.pending_box.setToolTip("只列出有“待核实”项的记录：导入时无法确定、留空待核对的值")
        self.pending_box.toggled.connect(
            lambda on: self.model.set_pending_only(on) if self.model is not None else None)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)

        self.type_title = QLabel()
        self.type_title.setObjectName("typeTitle")
        self.type_note = QLabel()
        self.type_note.setStyleSheet("color: #666;")
        self.type_note.setWordWrap(True)

        self.table = RecordTableView()
        self.table.edit_requested.connect(self.edit_current)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #777; font-size: 12pt;")
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty_label)
        self.search_box.to_table.connect(self._focus_table)

        bar = QHBoxLayout()
        bar.addWidget(QLabel("年度"))
        bar.addWidget(self.year_box)
        bar.addSpacing(12)
        bar.addWidget(self.search_box, 1)
        bar.addSpacing(12)
        bar.addWidget(self.pending_box)
        bar.addWidget(self.sensitive_box)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 6, 6, 0)
        right_layout.addLayout(bar)
        # A checklist's state records (六有建设, 最强支部五优) read better as the year's
        # 对照表: every item with its requirement, status, note and photos on one page.
        self.checklist_button = QPushButton()
        self.checklist_button.setObjectName("checklistButton")
        self.checklist_button.hide()
        self.checklist_button.clicked.connect(self._checklist_of_type)
        title_row = QHBoxLayout()
        title_row.addWidget(self.type_title)
        title_row.addStretch(1)
        title_row.addWidget(self.checklist_button)
        right_layout.addLayout(title_row)
        right_layout.addWidget(self.type_note)
        right_layout.addWidget(self.table_stack, 1)

        # The window opens on the home page (自查); picking a record type shows its table.
        self.home = HomePage(runner)
        self.home.record_wanted.connect(self.open_record)
        self.home.checklist_wanted.connect(self.show_checklist)
        self.home.print_wanted.connect(self.print_self_check)
        self.home.year_chosen.connect(self._home_year_chosen)
        self.records_pane = right
        self.pages = QStackedWidget()
        self.pages.addWidget(self.home)
        self.pages.addWidget(right)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 970])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.count_label = QLabel()
        self.org_label = QLabel()
        self.path_label = QLabel()
        self.path_label.setStyleSheet("color: #666;")
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addWidget(self.org_label)
        self.statusBar().addPermanentWidget(self.path_label)
        self.runner.busy_changed.connect(self._busy_changed)

        self.menus = WindowMenus(self)
        self._restore_geometry()
        self.set_ledger(ledger)

    # ---- the ledger ------------------------------------------------------------------------

    def set_ledger(self, ledger: Ledger) -> None:
        """Show ``ledger`` (closing the one shown before, after its pending work)."""
        self.detach_ledger()
        self.ledger = ledger
        self.reader = ledger.reader()
        self.tree.set_pack(ledger.pack)
        self.home.set_ledger(ledger)
        self.show_home()
        self.path_label.setText(str(ledger.path))
        self._loading_first_table = True
        paths.add_recent(ledger.path)
        self.menus.update_enabled()
        self._set_title({"org_name": ""})
        remembered = str(paths.settings().value("main_window/type", "") or "")
        keys = self.tree.type_keys()
        type_key = remembered if remembered in keys else keys[0]
        # One job for everything the first screen needs: no round trips between them.
        self.runner.run(lambda: first_load(ledger, type_key), self._first_loaded)
        self.menus.safety.opened(ledger)   # integrity check and backup, on a thread of their own

    def _first_loaded(self, loaded: FirstLoad) -> None:
        self._settings = loaded.settings
        self._set_title(loaded.settings)
        self._fill_years(loaded.years, loaded.year)
        if self.showing_home():
            self.tree.select_home()
        else:
            self.tree.blockSignals(True)
            self.tree.select_type(loaded.type_key)
            self.tree.blockSignals(False)
        self._show_type(loaded.type_key, preloaded=loaded.ids)
        self.home.set_years(loaded.years, loaded.year)
        self.refresh_counts()  # a moment after the table: the table is what is looked at first

    def detach_ledger(self) -> None:
        """Stop showing the current ledger and close it (on the worker, after its jobs)."""
        if self.ledger is None:
            return
        old = self.ledger
        self._save_type()
        self.home.set_ledger(None)
        self.table.setModel(None)
        if self.model is not None:
            self.model.retire()
            self.model.deleteLater()
        self.model = None
        if self.reader is not None:
            self.reader.close()
            self.reader = None
        self.ledger = None
        self.menus.safety.closing(old)   # the backup on close runs first
        self.runner.run(old.close)

    def close_ledger(self) -> None:
        """文件 → 关闭."""
        self.detach_ledger()
        self.hide()
        self.ledger_closed.emit()

    def open_path(self, path: str | Path) -> None:
        """Open another ledger; on a problem the current one stays as it was."""
        from ledger_app.store import Ledger

        target = Path(path)
        if self.ledger is not None and target.resolve() == self.ledger.path.resolve():
            return  # already open here
        self.runner.run(lambda: Ledger.open(target), self._opened,
                        lambda exc: self._open_failed(target, exc))

    def _opened(self, ledger: Ledger) -> None:
        self.set_ledger(ledger)
        self.show()
        self.ledger_changed.emit(ledger)

    def _open_failed(self, path: Path, exc: BaseException) -> None:
        from ledger_app.store.errors import NotALedgerError
        if isinstance(exc, NotALedgerError) or not path.exists():
            paths.remove_recent(path)
        self.menus.update_recent()
        show_error(self, exc)

    def _set_title(self, settings: dict[str, Any]) -> None:
        name = str(settings.get("org_name") or "")
        self.setWindowTitle(f"{name} — 基层台账" if name else "基层台账")
        self.org_label.setText(name)

    def settings_saved(self, values: dict[str, Any]) -> None:
        self._settings.update(values)
        self._set_title(self._settings)
        self.home.refresh()   # the cadence and 换届 settings change what the rules say

    # ---- what is shown --------------------------------------------------------------------

    def showing_home(self) -> bool:
        return self.pages.currentWidget() is self.home

    def show_home(self) -> None:
        """The home page (the tree's 首页, Ctrl+0)."""
        self.pages.setCurrentWidget(self.home)
        self.tree.select_home()
        self.count_label.hide()   # it counts the table's rows, not shown here
        self.menus.update_enabled()

    def _type_picked(self, type_key: str) -> None:
        self.pages.setCurrentWidget(self.records_pane)
        self.count_label.show()
        self._show_type(type_key)

    def _home_year_chosen(self, year: int) -> None:
        index = self.year_box.findData(year)
        if index >= 0:
            self.year_box.setCurrentIndex(index)

    def current_type_key(self) -> str | None:
        return self.model.type_key if self.model is not None else self.tree.current_type()

    def current_year(self) -> int | None:
        return self.year_box.currentData()

    def current_record_id(self) -> int | None:
        if self.model is None:
            return None
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def selected_record_ids(self) -> list[int]:
        if self.model is None or self.table.selectionModel() is None:
            return []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.record_id(r) for r in rows]
        return [i for i in ids if i is not None] or (
            [self.current_record_id()] if self.current_record_id() else [])

    def _fill_years(self, years: list[int], chosen: int | None) -> None:
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in years:
            self.year_box.addItem(f"{year} 年度", year)
        self.year_box.addItem(ALL_YEARS, None)
        index = self.year_box.findData(chosen) if chosen is not None else -1
        self.year_box.setCurrentIndex(index if index >= 0 else self.year_box.count() - 1)
        self.year_box.blockSignals(False)

    def _show_type(self, type_key: str, preloaded: list[int] | None = None) -> None:
        if self.ledger is None or self.year_box.count() == 0:
            return
        rt = self.ledger.pack.record_type(type_key)
        remembered = self.current_record_id() if self.model and self.model.type_key == type_key \
            else None
        old = self.model
        self.model = RecordTableModel(self.ledger, type_key, self.reader, self.runner, self)
        self.model.reloaded.connect(self._reloaded)
        self.table.horizontalHeader().blockSignals(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().blockSignals(False)
        self.table.setModel(self.model)
        if old is not None:
            old.retire()
            old.deleteLater()
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self._set_column_widths()
        self.model.set_show_sensitive(self.sensitive_box.isChecked())
        self.model.pending_only = self.pending_box.isChecked()
        self.type_title.setText(f"<b style='font-size:13pt'>{rt.label}</b>")
        self.type_note.setText(rt.description)
        self.type_note.setVisible(bool(rt.description))
        checklist = self._checklist_for(type_key)
        self.checklist_button.setVisible(checklist is not None)
        if checklist is not None:
            self.checklist_button.setText(f"按年度逐项对照（{checklist.label}对照表）…")
        # Free text is masked too (numbers typed into 备注, 会议内容), so any text column counts.
        self.sensitive_box.setVisible(any(f.sensitive or f.type in ("text", "longtext")
                                          for f in rt.table_fields))
        self._select_after_reload = remembered
        if preloaded is not None:
            self.model.preload(self.current_year(), self.search_box.text(), preloaded)
        else:
            self.model.set_filter(self.current_year(), self.search_box.text())
        self.menus.update_enabled()

    def _checklist_for(self, type_key: str) -> Any:
        pack = self.ledger.pack if self.ledger is not None else None
        return next((c for c in pack.checklists if c.state_type == type_key), None) \
            if pack is not None else None

    def _checklist_of_type(self) -> None:
        checklist = self._checklist_for(self.current_type_key() or "")
        if checklist is not None:
            self.show_checklist(checklist.key)

    def _set_column_widths(self) -> None:
        if self.model is None:
            return
        header = self.table.horizontalHeader()
        for column, field in enumerate(self.model.fields):
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, column_width(self.table.fontMetrics(), field, label))

    def _year_changed(self, _index: int) -> None:
        year = self.current_year()
        if year is not None:
            self.home.set_year(year)
        self.refresh_counts()
        self._apply_filter()

    def _search_typed(self, _text: str) -> None:
        self._search_timer.start()

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        if self.model is not None:
            self._select_after_reload = self._select_after_reload or self.current_record_id()
            self.model.set_filter(self.current_year(), self.search_box.text())

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self.model is None:
            return
        if not self.model.is_sortable(column):
            self.statusBar().showMessage("这一列不能排序", 3000)
            return
        self._select_after_reload = self.current_record_id()
        self.model.sort(column, order)

    def _sensitive_toggled(self, show: bool) -> None:
        global _sensitive_confirmed
        if show and not _sensitive_confirmed:
            # Asked once each time the program runs, and written to the 留痕: full ID and
            # phone numbers on screen are a choice someone made, at a known time.
            self.sensitive_box.blockSignals(True)
            self.sensitive_box.setChecked(False)
            self.sensitive_box.blockSignals(False)

            def confirmed() -> None:
                global _sensitive_confirmed
                _sensitive_confirmed = True
                self._record_sensitive_shown()
                self.sensitive_box.setChecked(True)

            from ledger_app.ui.confirm import ask

            self.sensitive_question = ask(
                self, "显示敏感信息", "要显示完整的身份证号码、电话号码和文字中的号码吗？\n"
                "请注意身边是否有旁人、屏幕是否在共享。这次操作会记入留痕；"
                "本次运行期间不再询问。", confirmed, yes_text="显示", no_text="不显示")
            return
        if self.model is not None:
            self.model.set_show_sensitive(show)

    def _record_sensitive_shown(self) -> None:
        ledger = self.ledger
        if ledger is None or ledger.readonly:
            return
        self.runner.run(lambda: ledger.audit.append(
            "show_sensitive", None, None, "在窗口中显示了完整的身份证号、电话号码"),
            lambda _: None, lambda exc: None)   # a ledger that cannot be written still shows

    def _reloaded(self) -> None:
        model = self.model
        if model is None:
            return
        wanted = self._select_after_reload
        self._select_after_reload = None
        row = model.row_of(wanted) if wanted is not None else None
        if row is None and model.rowCount():
            row = 0
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(model.index(row, 0))
        self._update_count()
        self._update_empty()
        self.menus.update_enabled()
        if self._loading_first_table:
            self._loading_first_table = False
            self.ready.emit()

    def _update_count(self) -> None:
        if self.model is None:
            return
        text = f"共 {self.model.rowCount()} 条"
        if self.model.search:
            text += f"（搜索“{self.model.search}”）"
        self.count_label.setText(text)

    def _update_empty(self) -> None:
        model = self.model
        if model is None or model.rowCount():
            self.table_stack.setCurrentWidget(self.table)
            return
        label = model.record_type.label
        if model.search:
            text = f"“{label}”中没有找到“{model.search}”。"
        elif model.year is not None and model.record_type.date_field:
            text = f"{model.year} 年度的“{label}”还没有记录。\n按 Ctrl+N 新增一条。"
        else:
            text = f"“{label}”还没有记录。\n按 Ctrl+N 新增一条。"
        self.empty_label.setText(text)
        self.table_stack.setCurrentWidget(self.empty_label)

    def _current_row_changed(self, *_: object) -> None:
        self.menus.update_enabled()

    def _focus_table(self) -> None:
        if self.model is not None and self.model.rowCount():
            self.table_stack.setCurrentWidget(self.table)
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.statusBar().showMessage("正在处理…")
        else:
            self.statusBar().clearMessage()

    # ---- refreshing after a change -----------------------------------------------------------

    def refresh_counts(self) -> None:
        ledger = self.ledger
        if ledger is None:
            return
        year = self.current_year()
        self.runner.run(lambda: ledger.records.counts(year), self._counts_arrived)

    def _counts_arrived(self, counts: dict[str, int]) -> None:
        self.tree.set_counts(counts)

    def refresh_all(self, select_id: int | None = None) -> None:
        """After any change: the table, the counts and the year list."""
        ledger = self.ledger
        if ledger is None:
            return
        if self.model is not None:
            self._select_after_reload = select_id or self.current_record_id()
            self.model.invalidate()
            self.model.set_filter(self.current_year(), self.search_box.text())
        self.refresh_counts()
        self.home.refresh()
        current = self.current_year()
        self.runner.run(ledger.years, lambda years: self._years_arrived(years, current))

    def _years_arrived(self, years: list[int], current: int | None) -> None:
        present = [self.year_box.itemData(i) for i in range(self.year_box.count())]
        if present != [*years, None]:
            self._fill_years(years, current)
            self.home.offer_years(years)

    # ---- window state ---------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        store = paths.settings()
        geometry = store.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        splitter = store.value("main_window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def _save_type(self) -> None:
        if self.model is not None:
            paths.settings().setValue("main_window/type", self.model.type_key)

    def closeEvent(self, event: QCloseEvent) -> None:
        dialog = self.record_dialog
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.close()  # asks about unsaved changes; may stay open
            if dialog.isVisible():
                event.ignore()
                return
        store = paths.settings()
        store.setValue("main_window/geometry", self.saveGeometry())
        store.setValue("main_window/splitter", self.splitter.saveState())
        self._save_type()
        self.detach_ledger()
        super().closeEvent(event)

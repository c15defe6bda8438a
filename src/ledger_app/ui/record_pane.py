"""The record-table pane: one record type's table with its year box, search box and
filters, the model behind it, and the table's own work (add, edit, delete, move).

The pane knows nothing of the window around it: it asks for a record to be opened
(``record_wanted``, the same signal as the home page's) and says what changed
(``selection_changed``, ``count_changed``, ``year_changed``, ``reloaded``,
``records_deleted``); ``message`` is a passing note for the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ledger_app.ui.i18n import tr, tr_noop
from ledger_app.ui.record_view import RecordTableView, SearchBox, column_width
from ledger_app.ui.table_model import RecordTableModel

if TYPE_CHECKING:
    from ledger_app.forms.model import Checklist
    from ledger_app.store.ledger import Ledger
    from ledger_app.store.reading import Reader
    from ledger_app.ui.tasks import TaskRunner

ALL_YEARS = tr_noop("全部年度")  # shown through tr()
SEARCH_DELAY_MS = 150

# 显示敏感信息 is confirmed once each time the program runs (for every window it opens).
_sensitive_confirmed = False


class RecordTablePane(QWidget):
    """The table of one record type, of one year (or all), searched and filtered."""

    record_wanted = Signal(str, object, list, dict)  # type key, id or None, ids, initial values
    selection_changed = Signal()     # the current record, or the type shown, changed
    count_changed = Signal(str)      # "共 n 条" for the status bar
    year_changed = Signal(object)    # the year chosen in the year box (None: 全部年度)
    reloaded = Signal()              # the table shows the records of its filter
    checklist_wanted = Signal(str)   # the 对照表 of the checklist this type records
    records_deleted = Signal(object)  # after 删除: the id to select next, or None
    message = Signal(str, int)       # a passing note and how long to show it (ms)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.ledger: Ledger | None = None
        self.reader: Reader | None = None
        self.model: RecordTableModel | None = None
        self.sensitive_question: QMessageBox | None = None
        self.delete_question: QMessageBox | None = None
        self._select_after_reload: int | None = None

        self.year_box = QComboBox()
        self.year_box.setObjectName("yearBox")
        self.year_box.setToolTip(tr("台账按年度记录：选择要看的年度，或全部年度"))
        self.year_box.setMinimumContentsLength(8)
        self.year_box.currentIndexChanged.connect(self._year_changed)
        self.search_box = SearchBox()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(tr("搜索当前表格：姓名、主题、内容……（Ctrl+F）"))
        self.search_box.setMinimumWidth(280)
        self.search_box.textChanged.connect(self._search_typed)
        self.sensitive_box = QCheckBox(tr("显示敏感信息"))
        self.sensitive_box.setToolTip(tr("身份证号码、电话号码平时只显示部分数字"))
        self.sensitive_box.toggled.connect(self._sensitive_toggled)
        self.pending_box = QCheckBox(tr("只看待核实"))
        self.pending_box.setObjectName("pendingBox")
        self.pending_box.setToolTip(tr("只列出有“待核实”项的记录：导入时无法确定、留空待核对的值"))
        self.pending_box.toggled.connect(
            lambda on: self.model.set_pending_only(on) if self.model is not None else None)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)

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
        bar.addWidget(QLabel(tr("年度")))
        bar.addWidget(self.year_box)
        bar.addSpacing(12)
        bar.addWidget(self.search_box, 1)
        bar.addSpacing(12)
        bar.addWidget(self.pending_box)
        bar.addWidget(self.sensitive_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(bar)
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
        layout.addLayout(title_row)
        layout.addWidget(self.type_note)
        layout.addWidget(self.table_stack, 1)

    # ---- the ledger ------------------------------------------------------------------------

    def set_ledger(self, ledger: Ledger | None) -> None:
        """Show tables of ``ledger`` (read through a connection of its own), or none."""
        self.table.setModel(None)
        if self.model is not None:
            self.model.retire()
            self.model.deleteLater()
        self.model = None
        if self.reader is not None:
            self.reader.close()
            self.reader = None
        self.ledger = ledger
        if ledger is not None:
            self.reader = ledger.reader()

    def add_table_action(self, action: QAction) -> None:
        """An action whose shortcut works only while the table has focus (删除: Delete in
        the search box deletes a character)."""
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(action)

    # ---- what is shown --------------------------------------------------------------------

    def current_type_key(self) -> str | None:
        return self.model.type_key if self.model is not None else None

    def current_year(self) -> int | None:
        year = self.year_box.currentData()
        return year if isinstance(year, int) else None

    def set_year(self, year: int) -> None:
        """Choose ``year`` in the year box, if it is offered."""
        index = self.year_box.findData(year)
        if index >= 0:
            self.year_box.setCurrentIndex(index)

    def current_record_id(self) -> int | None:
        if self.model is None:
            return None
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def selected_record_ids(self) -> list[int]:
        selection = self.table.selectionModel()
        if self.model is None or selection is None:
            return []
        rows = sorted({i.row() for i in selection.selectedRows()})
        ids = [self.model.record_id(r) for r in rows]
        current = self.current_record_id()
        return [i for i in ids if i is not None] or ([current] if current else [])

    def current_title(self) -> str:
        """The current record as the 留痕 window names it (类型 #id), or ""."""
        record_id = self.current_record_id()
        if record_id is None or self.model is None:
            return ""
        return f"{self.model.record_type.label} #{record_id}"

    @property
    def masked(self) -> bool:
        """Whether ID and phone numbers are shown in part, as the table shows them."""
        return not self.sensitive_box.isChecked()

    def fill_years(self, years: list[int], chosen: int | None) -> None:
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in years:
            self.year_box.addItem(tr("{year} 年度").format(year=year), year)
        self.year_box.addItem(tr(ALL_YEARS), None)
        index = self.year_box.findData(chosen) if chosen is not None else -1
        self.year_box.setCurrentIndex(index if index >= 0 else self.year_box.count() - 1)
        self.year_box.blockSignals(False)

    def offer_years(self, years: list[int]) -> bool:
        """Offer ``years`` (newest first) keeping the chosen one; True if they changed."""
        present = [self.year_box.itemData(i) for i in range(self.year_box.count())]
        if present == [*years, None]:
            return False
        self.fill_years(years, self.current_year())
        return True

    def show_type(self, type_key: str, preloaded: list[int] | None = None) -> None:
        """Show the records of ``type_key`` (``preloaded``: its ids, already read)."""
        if self.ledger is None or self.reader is None or self.year_box.count() == 0:
            return
        rt = self.ledger.pack.record_type(type_key)
        remembered = self.current_record_id() if self.model and self.model.type_key == type_key \
            else None
        old = self.model
        self.model = RecordTableModel(self.ledger, type_key, self.reader, self.runner, self)
        self.model.reloaded.connect(self._reloaded)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        self.table.setModel(self.model)
        if old is not None:
            old.retire()
            old.deleteLater()
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.selection_changed.emit())
        self._set_column_widths()
        self.model.set_show_sensitive(self.sensitive_box.isChecked())
        self.model.pending_only = self.pending_box.isChecked()
        self.type_title.setText(f"<b style='font-size:13pt'>{rt.label}</b>")
        self.type_note.setText(rt.description)
        self.type_note.setVisible(bool(rt.description))
        checklist = self._checklist_for(type_key)
        self.checklist_button.setVisible(checklist is not None)
        if checklist is not None:
            self.checklist_button.setText(
                tr("按年度逐项对照（{checklist}对照表）…").format(checklist=checklist.label))
        # Free text is masked too (numbers typed into 备注, 会议内容), so any text column counts.
        self.sensitive_box.setVisible(any(f.sensitive or f.type in ("text", "longtext")
                                          for f in rt.table_fields))
        self._select_after_reload = remembered
        if preloaded is not None:
            self.model.preload(self.current_year(), self.search_box.text(), preloaded)
        else:
            self.model.set_filter(self.current_year(), self.search_box.text())
        self.selection_changed.emit()

    def reload(self, select_id: int | None = None) -> None:
        """Read the table again after a change, keeping (or moving to) a record."""
        if self.model is None:
            return
        self._select_after_reload = select_id or self.current_record_id()
        self.model.invalidate()
        self.model.set_filter(self.current_year(), self.search_box.text())

    def apply_filter(self) -> None:
        """Filter by the year and search text now (typing waits a moment first)."""
        self._search_timer.stop()
        if self.model is not None:
            self._select_after_reload = self._select_after_reload or self.current_record_id()
            self.model.set_filter(self.current_year(), self.search_box.text())

    def _checklist_for(self, type_key: str) -> Checklist | None:
        if self.ledger is None:
            return None
        return next((c for c in self.ledger.pack.checklists if c.state_type == type_key), None)

    def _checklist_of_type(self) -> None:
        checklist = self._checklist_for(self.current_type_key() or "")
        if checklist is not None:
            self.checklist_wanted.emit(checklist.key)

    def _set_column_widths(self) -> None:
        if self.model is None:
            return
        header = self.table.horizontalHeader()
        for column, field in enumerate(self.model.fields):
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, column_width(self.table.fontMetrics(), field, label))

    def _year_changed(self, _index: int) -> None:
        self.year_changed.emit(self.current_year())
        self.apply_filter()

    def _search_typed(self, _text: str) -> None:
        self._search_timer.start()

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if self.model is None:
            return
        if not self.model.is_sortable(column):
            self.message.emit(tr("这一列不能排序"), 3000)
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
                self, tr("显示敏感信息"), tr("要显示完整的身份证号码、电话号码和文字中的号码吗？\n"
                                        "请注意身边是否有旁人、屏幕是否在共享。这次操作会记入留痕；"
                                        "本次运行期间不再询问。"),
                confirmed, yes_text=tr("显示"), no_text=tr("不显示"))
            return
        if self.model is not None:
            self.model.set_show_sensitive(show)

    def _record_sensitive_shown(self) -> None:
        ledger = self.ledger
        if ledger is None or ledger.readonly:
            return
        self.runner.run(lambda: ledger.audit.append(
            "show_sensitive", None, None, "在窗口中显示了完整的身份证号、电话号码"),  # i18n: data
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
        self.reloaded.emit()

    def _update_count(self) -> None:
        if self.model is None:
            return
        count, search = self.model.rowCount(), self.model.search
        self.count_changed.emit(tr("共 {n} 条（搜索“{search}”）").format(n=count, search=search)
                                if search else tr("共 {n} 条").format(n=count))

    def _update_empty(self) -> None:
        model = self.model
        if model is None or model.rowCount():
            self.table_stack.setCurrentWidget(self.table)
            return
        label = model.record_type.label
        if model.search:
            text = tr("“{type}”中没有找到“{search}”。").format(type=label, search=model.search)
        elif model.year is not None and model.record_type.date_field:
            text = tr("{year} 年度的“{type}”还没有记录。\n按 Ctrl+N 新增一条。").format(
                year=model.year, type=label)
        else:
            text = tr("“{type}”还没有记录。\n按 Ctrl+N 新增一条。").format(type=label)
        self.empty_label.setText(text)
        self.table_stack.setCurrentWidget(self.empty_label)

    def _focus_table(self) -> None:
        if self.model is not None and self.model.rowCount():
            self.table_stack.setCurrentWidget(self.table)
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.selectRow(0)

    # ---- the table's own work (记录 menu) ------------------------------------------------------

    def new_record(self) -> None:
        type_key = self.current_type_key()
        if type_key is not None:
            self.record_wanted.emit(type_key, None, [], self.year_default(type_key))

    def edit_current(self) -> None:
        record_id = self.current_record_id()
        if record_id is not None and self.model is not None:
            # The dialog's 上一条/下一条 walk the table as it is shown.
            self.record_wanted.emit(self.model.type_key, record_id, list(self.model.ids), {})

    def year_default(self, type_key: str) -> dict[str, Any]:
        """A record that belongs to a year (六有 年度, 民主评议 年度) made while a year is
        chosen belongs to that year, not to today's."""
        year = self.current_year()
        rt = self.ledger.pack.record_type(type_key) if self.ledger is not None else None
        if year is None or rt is None or not rt.date_field \
                or rt.field(rt.date_field).type != "integer":
            return {}
        return {rt.date_field: year}

    def delete_selected(self) -> None:
        """Ask, then move the selected records to the recycle bin."""
        ledger = self.ledger
        model = self.model
        ids = self.selected_record_ids()
        if ledger is None or not ids or model is None:
            return
        from ledger_app.ui.confirm import ask

        label = model.record_type.label
        if len(ids) == 1:
            row = model.row_of(ids[0])
            title = model.data(model.index(row or 0, self._title_column()))
            text = tr("删除这条{type}：“{title}”？\n删除的记录放在回收站里，可以恢复。").format(
                type=label, title=title) if title else \
                tr("删除这条{type}？\n删除的记录放在回收站里，可以恢复。").format(type=label)
        else:
            text = tr("删除选中的 {n} 条{type}？\n删除的记录放在回收站里，可以恢复。").format(
                n=len(ids), type=label)
        # Afterwards the row below the last one deleted is selected (at the end: the one above).
        doomed, order = set(ids), model.ids
        last = max((r for r in map(model.row_of, ids) if r is not None), default=0)
        next_id = next((i for i in order[last + 1:] if i not in doomed), None) \
            or next((i for i in reversed(order[:last]) if i not in doomed), None)

        def delete() -> None:
            with ledger.transaction():
                for record_id in ids:
                    ledger.records.delete(record_id)

        self.delete_question = ask(
            self, tr("删除记录"), text,
            lambda: self.runner.run(delete, lambda _: self.records_deleted.emit(next_id)),
            yes_text=tr("删除"), danger=True)

    def _title_column(self) -> int:
        if self.model is None:
            return 0
        keys = [f.key for f in self.model.fields]
        title = self.model.record_type.title_field
        return keys.index(title) if title in keys else 0

    def move_record(self, step: int) -> None:
        if self.model is None or not self.model.rowCount():
            return
        row = self.table.currentIndex().row()
        row = 0 if row < 0 else max(0, min(self.model.rowCount() - 1, row + step))
        self.table.selectRow(row)
        self.table.setFocus()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

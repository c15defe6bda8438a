"""The main window: categories on the left, the home page or one record type's table on
the right, menus and a status bar, wired together by signals.

The window composes panes that know nothing of each other: ``CategoryTree``
(``type_selected``, ``home_selected``), ``HomePage`` and ``RecordTablePane`` (both ask for a
record with ``record_wanted``), ``WindowDialogs`` (the dialogs opened over the ledger) and
``WindowMenus`` (which call the window's commands). Every database write and every id query
goes through the TaskRunner, so the window never waits on the disk; table pages are read
from the pane's own read connection (``ledger.reader()``), quick and safe on the GUI thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget, QWidget

from ledger_app.ui import paths
from ledger_app.ui.category_tree import CategoryTree
from ledger_app.ui.elided_label import ElidedLabel
from ledger_app.ui.errors import show_error
from ledger_app.ui.home_page import HomePage
from ledger_app.ui.i18n import tr, tr_noop
from ledger_app.ui.record_pane import RecordTablePane
from ledger_app.ui.window_menus import MenuState, WindowMenus
from ledger_app.ui.window_records import WindowDialogs

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

BUSY = tr_noop("正在处理…")  # shown through tr()
BUSY_AFTER_MS = 400
# What a window's frame adds around it: side borders, and the title bar above.
FRAME_ALLOWANCE = QSize(16, 48)


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


class MainWindow(QMainWindow):
    """``ledger_closed`` after 文件 → 关闭; ``ledger_changed`` after another ledger opened."""

    ledger_closed = Signal()
    ledger_changed = Signal(object)
    ready = Signal()  # the first table of a ledger is showing

    def __init__(self, ledger: Ledger, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ledger: Ledger | None = None
        self.runner = runner
        self._settings: dict[str, Any] = {}
        self.loading_first_table = False   # until the first table of a ledger shows
        self._settling: Ledger | None = None   # a ledger just opened, until the worker rests
        self.resize(1200, 760)
        self.size_remembered = False   # a size and place saved on this PC was restored
        self.setMinimumSize(800, 500)

        self.tree = CategoryTree(ledger.pack)
        self.tree.setObjectName("categoryTree")
        self.tree.type_selected.connect(self._type_picked)
        self.tree.home_selected.connect(self.show_home)

        self.dialogs = WindowDialogs(self, runner)
        self.dialogs.record_saved.connect(self._record_saved)
        self.dialogs.changed.connect(self.refresh_all)
        self.dialogs.settings_saved.connect(self.settings_saved)
        self.dialogs.message.connect(self.statusBar().showMessage)

        self.table_pane = RecordTablePane(runner)
        self.table_pane.record_wanted.connect(self.dialogs.open_record)
        self.table_pane.selection_changed.connect(self.update_actions)
        self.table_pane.reloaded.connect(self._table_reloaded)
        self.table_pane.year_changed.connect(self._year_changed)
        self.table_pane.checklist_wanted.connect(self.show_checklist)
        self.table_pane.records_deleted.connect(self.refresh_all)
        self.table_pane.message.connect(self.statusBar().showMessage)

        # The window opens on the home page (自查); picking a record type shows its table.
        self.home = HomePage(runner)
        self.home.record_wanted.connect(self.dialogs.open_record)
        self.home.checklist_wanted.connect(self.show_checklist)
        self.home.dues_wanted.connect(self.dialogs.show_dues_grid)
        self.home.evaluations_wanted.connect(self.dialogs.show_evaluation_round)
        self.home.print_wanted.connect(lambda year: self.dialogs.print_product("checklist", year))
        self.home.year_chosen.connect(self.table_pane.set_year)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.home)
        self.pages.addWidget(self.table_pane)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 970])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        # The status bar, left to right: the table's count, the organisation, (a saved
        # file's notice,) the ledger's path, (a demo's progress). Names and paths too long
        # for a crowded bar are cut with "…" rather than squeezed away.
        self.count_label = QLabel()
        self._count_text = ""
        self.table_pane.count_changed.connect(self._count_changed)
        self.org_label = ElidedLabel(min_chars=8)
        self.path_label = ElidedLabel(Qt.TextElideMode.ElideMiddle, min_chars=10, max_chars=32)
        self.path_label.setStyleSheet("color: #666;")
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addWidget(self.org_label)
        self._progress_widgets: list[QWidget] = []
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self.runner.busy_changed.connect(self._busy_changed)

        self.menus = WindowMenus(self, self)
        self.statusBar().addPermanentWidget(self.path_label)
        self.table_pane.add_table_action(self.menus.actions["delete"])
        self._restore_geometry()
        self.set_ledger(ledger)

    # ---- the ledger ------------------------------------------------------------------------

    def set_ledger(self, ledger: Ledger) -> None:
        """Show ``ledger`` (closing the one shown before, after its pending work)."""
        self.detach_ledger()
        self.ledger = ledger
        self.table_pane.set_ledger(ledger)
        self.dialogs.set_ledger(ledger)
        self.tree.set_pack(ledger.pack)
        self.home.set_ledger(ledger)
        self.show_home()
        self.path_label.setText(str(ledger.path))
        self.loading_first_table = True
        self.update_actions()
        self._set_title({"org_name": ""})
        remembered = str(paths.settings().value("main_window/type", "") or "")
        keys = self.tree.type_keys()
        type_key = remembered if remembered in keys else keys[0]
        # One job for everything the first screen needs: no round trips between them.
        self.runner.run(lambda: first_load(ledger, type_key), self._first_loaded)
        # Once the worker first rests (the first screen and the home page's report done),
        # _settled remembers the ledger and starts its check: never beside the first paint.
        self._settling = ledger

    def _first_loaded(self, loaded: FirstLoad) -> None:
        self._settings = loaded.settings
        self._set_title(loaded.settings)
        self.table_pane.fill_years(loaded.years, loaded.year)
        if self.showing_home():
            self.tree.select_home()
        else:
            self.tree.blockSignals(True)
            self.tree.select_type(loaded.type_key)
            self.tree.blockSignals(False)
        self.table_pane.show_type(loaded.type_key, preloaded=loaded.ids)
        self.home.set_years(loaded.years, loaded.year)
        self.refresh_counts()  # a moment after the table: the table is what is looked at first

    def detach_ledger(self) -> None:
        """Stop showing the current ledger and close it (on the worker, after its jobs)."""
        if self.ledger is None:
            return
        old = self.ledger
        if self._settling is old:   # closed before the worker rested: remembered all the same
            paths.add_recent(old.path)
        self._settling = None
        self._save_type()
        self.home.set_ledger(None)
        self.table_pane.set_ledger(None)
        self.dialogs.set_ledger(None)
        self.ledger = None
        self.menus.safety.closing(old)   # the backup on close runs first
        self.runner.run(old.close)

    def close_ledger(self) -> None:
        """文件 → 关闭."""
        self.detach_ledger()
        self.hide()
        self.ledger_closed.emit()

    def ledger_path(self) -> Path | None:
        return self.ledger.path if self.ledger is not None else None

    def open_path(self, path: str | Path) -> None:
        """Open another ledger; on a problem the current one stays as it was."""
        from ledger_app.store import Ledger

        target = Path(path)
        if self.ledger is not None and target.resolve() == self.ledger.path.resolve():
            return  # already open here
        self.runner.run(lambda: Ledger.open(target), self.show_opened,
                        lambda exc: self._open_failed(target, exc))

    def show_opened(self, ledger: Ledger) -> None:
        """Show a ledger just opened or created here in place of the current one."""
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
        self.setWindowTitle(tr("{org} — 基层台账").format(org=name) if name else tr("基层台账"))
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
        # Blank rather than hidden: the status bar shows its widgets again after each
        # passing message, and a label shown during one is drawn over it.
        self.count_label.clear()   # it counts the table's rows, not shown here
        self.update_actions()

    def select_category(self, number: int) -> None:
        """Ctrl+1..5: the first record type of a category."""
        self.tree.select_category(number)

    def _type_picked(self, type_key: str) -> None:
        self.pages.setCurrentWidget(self.table_pane)
        self.count_label.setText(self._count_text)
        self.table_pane.show_type(type_key)

    def _count_changed(self, text: str) -> None:
        self._count_text = text
        if not self.showing_home():
            self.count_label.setText(text)

    def home_year(self) -> int | None:
        """The year the home page shows."""
        return self.home.year

    def current_type_key(self) -> str | None:
        return self.table_pane.current_type_key() or self.tree.current_type()

    def current_year(self) -> int | None:
        return self.table_pane.current_year()

    def current_record_id(self) -> int | None:
        return self.table_pane.current_record_id()

    def update_actions(self) -> None:
        """Enable the menu items that fit what is shown."""
        ledger = self.ledger
        # On the home page 新增/编辑/删除 have no table to act on: its own rows open records.
        on_table = not self.showing_home()
        pack = ledger.pack if ledger is not None else None
        self.menus.update_enabled(MenuState(
            has_ledger=ledger is not None,
            has_type=on_table and self.table_pane.model is not None,
            has_record=on_table and self.current_record_id() is not None,
            has_dues=pack is not None and pack.type_for("dues") is not None,
            has_evaluations=pack is not None and pack.type_for("evaluations") is not None,
            has_development=pack is not None and pack.development is not None))

    def _year_changed(self, year: int | None) -> None:
        if year is not None:
            self.home.set_year(year)
        self.refresh_counts()

    def _table_reloaded(self) -> None:
        self.update_actions()
        if self.loading_first_table:
            self.loading_first_table = False
            self.ready.emit()

    def _busy_changed(self, busy: bool) -> None:
        # Only for work that takes a while: the note hides the organisation's name, and
        # most jobs are reads done before anyone could read it.
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            if self.statusBar().currentMessage() == tr(BUSY):
                self.statusBar().clearMessage()
            self._settled()

    def _settled(self) -> None:
        """A ledger just opened is on screen: it joins the recent files (the settings file is
        written and flushed to disk, ≈ 15 ms), and the integrity check and automatic backup,
        which read the whole file, start on a thread of their own."""
        ledger, self._settling = self._settling, None
        if ledger is not None and ledger is self.ledger:
            paths.add_recent(ledger.path)
            self.menus.safety.opened(ledger)

    def _show_busy(self) -> None:
        if not self._progress_widgets:   # a long job's own progress says more
            self.statusBar().showMessage(tr(BUSY))

    def add_progress(self, *widgets: QWidget) -> None:
        """Show a long job's own progress at the right of the status bar, in place of the
        general 正在处理… note."""
        for widget in widgets:
            self.statusBar().addPermanentWidget(widget)
            self._progress_widgets.append(widget)
        if self.statusBar().currentMessage() == tr(BUSY):
            self.statusBar().clearMessage()

    def remove_progress(self, widget: QWidget) -> None:
        self.statusBar().removeWidget(widget)
        if widget in self._progress_widgets:
            self._progress_widgets.remove(widget)

    # ---- the 记录 menu: the table's work, and the dialogs over the ledger ------------------------

    def new_record(self) -> None:
        self.table_pane.new_record()

    def edit_current(self) -> None:
        self.table_pane.edit_current()

    def delete_selected(self) -> None:
        self.table_pane.delete_selected()

    def move_record(self, step: int) -> None:
        self.table_pane.move_record(step)

    def focus_search(self) -> None:
        self.table_pane.focus_search()

    def show_checklist(self, checklist_key: str) -> None:
        """One year's 六有 / 五优 on one page: from the table, the year it shows
        (全部年度: the home page's year)."""
        year = (self.current_year() if not self.showing_home() else None) or self.home.year
        if year is not None:
            self.dialogs.show_checklist(checklist_key, year)

    def show_dues_grid(self) -> None:
        self.dialogs.show_dues_grid(self.current_year() or date.today().year)

    def show_evaluation_round(self) -> None:
        self.dialogs.show_evaluation_round(self.current_year() or date.today().year)

    def show_development(self) -> None:
        """On the current development record if one is selected."""
        plan = self.ledger.pack.development if self.ledger is not None else None
        current = self.current_record_id() if plan is not None and not self.showing_home() \
            and self.current_type_key() == plan.record_type else None
        self.dialogs.show_development(current)

    def show_audit(self, this_record: bool = False) -> None:
        """留痕 of the ledger, or of the current record; masked as the table is."""
        entry_id = self.current_record_id() if this_record else None
        if this_record and entry_id is None:
            self.statusBar().showMessage(tr("请先选中一条记录"), 3000)
            return
        self.dialogs.show_audit(entry_id, self.table_pane.masked,
                                self.table_pane.current_title() if entry_id is not None else "")

    def show_recycle_bin(self) -> None:
        self.dialogs.show_recycle_bin()

    def show_settings(self) -> None:
        self.dialogs.show_settings()

    def _record_saved(self, record_id: int) -> None:
        """Show the saved record, switching to its year if the table shows another one."""
        ledger = self.ledger
        if ledger is None:
            return
        self.dialogs.transfer_followup(record_id)

        def where() -> tuple[list[int], int | None]:
            return ledger.years(), ledger.records.get(record_id).year

        def show(found: tuple[list[int], int | None]) -> None:
            years, year = found
            current = self.current_year()
            if year is not None and current is not None and year != current:
                self.table_pane.fill_years(years, year)
                self.statusBar().showMessage(
                    tr("已保存；这条记录属于 {year} 年度，已切换到该年度").format(year=year), 5000)
            self.refresh_all(select_id=record_id)
            self.dialogs.reload_open_views()

        self.runner.run(where, show, lambda _exc: self.refresh_all())

    # ---- refreshing after a change -----------------------------------------------------------

    def refresh_counts(self) -> None:
        ledger = self.ledger
        if ledger is None:
            return
        year = self.current_year()
        self.runner.run(lambda: ledger.records.counts(year), self.tree.set_counts)

    def refresh_all(self, select_id: int | None = None) -> None:
        """After any change: the table, the counts and the year list."""
        ledger = self.ledger
        if ledger is None:
            return
        self.table_pane.reload(select_id)
        self.refresh_counts()
        self.home.refresh()
        self.runner.run(ledger.years, self._years_arrived)

    def _years_arrived(self, years: list[int]) -> None:
        if self.table_pane.offer_years(years):
            self.home.offer_years(years)

    # ---- window state ---------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        store = paths.settings()
        geometry = store.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)   # Qt keeps a restored window on its screen
            self.size_remembered = True
        splitter = store.value("main_window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def fit_to_screen(self) -> None:
        """The program's first window, where no size is remembered on this PC, fits the
        screen's free area with room for the title bar, centred: 1200×760 is taller than a
        1366×768 office screen leaves under its taskbar (about 728 pixels)."""
        if self.size_remembered:
            return
        area = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        width = min(self.width(), area.width() - FRAME_ALLOWANCE.width())
        height = min(self.height(), area.height() - FRAME_ALLOWANCE.height())
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))
        self.move(area.x() + max(0, (area.width() - self.width()) // 2),
                  area.y() + max(0, (area.height() - FRAME_ALLOWANCE.height() - self.height()) // 2))

    def _save_type(self) -> None:
        type_key = self.table_pane.current_type_key()
        if type_key is not None:
            paths.settings().setValue("main_window/type", type_key)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.dialogs.close_record_dialog():  # asks about unsaved changes; may stay open
            event.ignore()
            return
        store = paths.settings()
        store.setValue("main_window/geometry", self.saveGeometry())
        store.setValue("main_window/splitter", self.splitter.saveState())
        self._save_type()
        self.detach_ledger()
        super().closeEvent(event)

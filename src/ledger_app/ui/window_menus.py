"""The main window's menus, toolbar and keyboard shortcuts.

The menus build their actions on the window they are given and call the window's
commands (``WindowCommands``: what a menu item asks for, in the window's words); they never
reach into the panes. ``update_enabled`` is told what the window shows (``MenuState``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox, QToolBar

from ledger_app import __version__
from ledger_app.ui import font_size, i18n, paths
from ledger_app.ui.i18n import tr
from ledger_app.ui.output_actions import OutputActions, OutputSource
from ledger_app.ui.safety_actions import LEDGER_FILTER, LedgerHolder, SafetyActions

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner



class WindowCommands(OutputSource, LedgerHolder, Protocol):
    """What the menus ask the window to do (and what the 输出 and safety actions read)."""

    runner: TaskRunner

    def ledger_path(self) -> Path | None: ...
    def open_path(self, path: str | Path) -> None: ...
    def show_opened(self, ledger: Ledger) -> None: ...
    def close_ledger(self) -> None: ...
    def close(self) -> bool: ...
    def show_home(self) -> None: ...
    def select_category(self, number: int) -> None: ...
    def new_record(self) -> None: ...
    def edit_current(self) -> None: ...
    def delete_selected(self) -> None: ...
    def move_record(self, step: int) -> None: ...
    def focus_search(self) -> None: ...
    def show_dues_grid(self) -> None: ...
    def show_evaluation_round(self) -> None: ...
    def show_development(self) -> None: ...
    def show_recycle_bin(self) -> None: ...
    def show_audit(self, this_record: bool = False) -> None: ...
    def show_settings(self) -> None: ...


@dataclass(frozen=True)
class MenuState:
    """What the window shows, as far as the menus care."""

    has_ledger: bool = False
    has_type: bool = False        # a record type's table is shown
    has_record: bool = False      # ... with a current record
    has_dues: bool = False        # the ledger's pack keeps 党费 records
    has_evaluations: bool = False
    has_development: bool = False


class WindowMenus:
    def __init__(self, window: QMainWindow, commands: WindowCommands):
        # ``window`` carries the menus, toolbar and dialogs; every menu item goes through
        # ``commands`` (the same window, seen as what it does).
        self.window = w = window
        self.commands = c = commands
        self.actions: dict[str, QAction] = {}
        self.dialog: QMessageBox | Any = None   # the last box or dialog opened (tests look at it)
        self.outputs = OutputActions(window, commands)
        self.safety = SafetyActions(window, commands)

        bar = w.menuBar()
        file_menu = bar.addMenu(tr("文件(&F)"))
        self._add(file_menu, "new_ledger", tr("新建台账…"), self.new_ledger)
        self._add(file_menu, "open_ledger", tr("打开台账…"), self.open_ledger, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self.update_recent)
        file_menu.addSeparator()
        self._add(file_menu, "settings", tr("组织设置…"), c.show_settings)
        file_menu.addSeparator()
        for action in self.safety.actions.values():
            file_menu.addAction(action)
        file_menu.addSeparator()
        self._add(file_menu, "close_ledger", tr("关闭台账"), c.close_ledger)
        self._add(file_menu, "quit", tr("退出"), c.close, "Ctrl+Q")

        record_menu = bar.addMenu(tr("记录(&R)"))
        self._add(record_menu, "new", tr("新增"), c.new_record, "Ctrl+N")
        edit = self._add(record_menu, "edit", tr("编辑（Enter）"), c.edit_current, "F2")
        edit.setIconText(tr("编辑"))
        self._add(record_menu, "delete", tr("删除"), c.delete_selected, QKeySequence.StandardKey.Delete)
        record_menu.addSeparator()
        self._add(record_menu, "previous", tr("上一条"), lambda: c.move_record(-1), "Ctrl+Up")
        self._add(record_menu, "next", tr("下一条"), lambda: c.move_record(1), "Ctrl+Down")
        self._add(record_menu, "find", tr("查找"), c.focus_search, QKeySequence.StandardKey.Find)
        record_menu.addSeparator()
        self._add(record_menu, "dues_grid", tr("党费收缴表（按月）…"), c.show_dues_grid, "Ctrl+Shift+D")
        self._add(record_menu, "evaluation_round", tr("民主评议（按年度批量录入）…"),
                  c.show_evaluation_round, "Ctrl+Shift+E")
        self._add(record_menu, "development_timeline", tr("发展党员时间线…"), c.show_development, "Ctrl+Shift+T")
        record_menu.addSeparator()
        self._add(record_menu, "recycle_bin", tr("回收站…"), c.show_recycle_bin)
        self._add(record_menu, "record_audit", tr("本条记录的留痕…"), lambda: c.show_audit(True))
        self._add(record_menu, "audit", tr("留痕…"), c.show_audit)

        output_menu = bar.addMenu(tr("输出(&O)"))
        output_menu.aboutToShow.connect(self.outputs.update)
        for key in ("print", "export", "import"):
            output_menu.addAction(self.outputs.actions[key])
        output_menu.addSeparator()
        for key in ("archive", "open_archive"):
            output_menu.addAction(self.outputs.actions[key])
        for action in output_menu.actions():
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        output_menu.setToolTipsVisible(True)
        record_menu.setToolTipsVisible(True)

        view_menu = bar.addMenu(tr("视图(&V)"))
        size_menu = view_menu.addMenu(tr("字体大小"))
        size_menu.setObjectName("fontSizeMenu")
        self.font_sizes = QActionGroup(w)
        current = font_size.saved_scale()
        for name, scale in font_size.SIZES:
            action = QAction(tr(name), w)
            action.setCheckable(True)
            action.setChecked(scale == current)
            action.setObjectName(f"action_font_{int(scale * 100)}")
            action.triggered.connect(lambda _c=False, s=scale: self.set_font_scale(s))
            self.font_sizes.addAction(action)
            size_menu.addAction(action)

        language_menu = view_menu.addMenu(tr("界面语言"))
        language_menu.setObjectName("languageMenu")
        self.languages = QActionGroup(w)
        chosen = i18n.saved_language()
        for code, name in i18n.LANGUAGES:
            action = QAction(name, w)  # i18n: data — each language named in itself
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setObjectName(f"action_language_{code}")
            action.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            self.languages.addAction(action)
            language_menu.addAction(action)

        help_menu = bar.addMenu(tr("帮助(&H)"))
        self._add(help_menu, "help", tr("使用说明"), self._show_help, "F1")
        help_menu.addSeparator()
        self._add(help_menu, "about", tr("关于"), self.about)

        # Ctrl+0: the home page; Ctrl+1..5: jump to a category (not in a menu: the tree
        # shows them).
        home = QAction(w)
        home.setShortcut("Ctrl+0")
        home.triggered.connect(lambda _c=False: c.show_home())
        w.addAction(home)
        self.actions["home"] = home
        for number in range(1, 10):
            action = QAction(w)
            action.setShortcut(f"Ctrl+{number}")
            action.triggered.connect(lambda _c=False, n=number: c.select_category(n))
            w.addAction(action)
            self.actions[f"category_{number}"] = action

        toolbar = QToolBar(tr("工具栏"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for key in ("new", "edit", "delete"):
            toolbar.addAction(self.actions[key])
        toolbar.addSeparator()
        for key in ("print", "export", "import"):
            toolbar.addAction(self.outputs.actions[key])
        toolbar.addSeparator()
        toolbar.addAction(self.actions["recycle_bin"])
        toolbar.addAction(self.actions["settings"])
        w.addToolBar(toolbar)
        self.toolbar = toolbar

    def _add(self, menu: QMenu, key: str, text: str, slot: Callable[[], Any],
             shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{key}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.actions[key] = action
        return action

    # ---- state ---------------------------------------------------------------------------

    def update_enabled(self, state: MenuState) -> None:
        self.actions["new"].setEnabled(state.has_type)
        self.actions["edit"].setEnabled(state.has_record)
        self.actions["delete"].setEnabled(state.has_record)
        self.actions["record_audit"].setEnabled(state.has_record)
        for key in ("settings", "close_ledger", "recycle_bin", "previous", "next", "find",
                    "audit"):
            self.actions[key].setEnabled(state.has_ledger)
        # A 关工委 or 工会 keeps no 党费, 民主评议 or 发展党员: their windows do not show
        # these at all (greyed out they would still speak of Party members).
        for key, kept in (("dues_grid", state.has_dues),
                          ("evaluation_round", state.has_evaluations),
                          ("development_timeline", state.has_development)):
            self.actions[key].setEnabled(kept)
            self.actions[key].setVisible(kept or not state.has_ledger)
        self.outputs.update()
        self.safety.update(state.has_ledger)

    def update_recent(self) -> None:
        self.recent_menu.clear()
        files = paths.recent_files()
        for path in files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.commands.open_path(p))
        if not files:
            self.recent_menu.addAction(tr("（没有）")).setEnabled(False)

    # ---- 文件 and 帮助 ----------------------------------------------------------------------

    def open_ledger(self) -> None:
        current = self.commands.ledger_path()
        start = str(current.parent) if current is not None else str(paths.documents_dir())
        path, _ = QFileDialog.getOpenFileName(self.window, tr("打开台账"), start,
                                              tr(LEDGER_FILTER))
        if path:
            self.commands.open_path(path)

    def new_ledger(self) -> None:
        from ledger_app.ui.start_dialog import NewLedgerDialog

        dialog = NewLedgerDialog(self.commands.runner, self.window)
        dialog.created.connect(self.commands.show_opened)
        self.dialog = dialog
        dialog.open()

    def set_font_scale(self, scale: float) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            font_size.apply(app, scale)

    def set_language(self, language: str) -> None:
        """Saved for the next start: every window and dialog is then built in it, rather
        than this one changing half its words now."""
        if language == i18n.saved_language():
            return
        i18n.save_language(language)
        # Said in both languages: the person may not read the one just chosen.
        both = ("界面语言已更改，重新启动程序后生效。\n"  # i18n: data — in both languages
                "The interface language changes when the program is started again.")
        box = QMessageBox(QMessageBox.Icon.Information, tr("界面语言"), both,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()

    def _show_help(self) -> None:
        from ledger_app.ui.help_window import show_help

        show_help(self.window)

    def about(self) -> None:
        import platform

        w = self.window
        path = self.commands.ledger_path()
        home = (tr("程序数据和日志：{folder}（便携模式）") if paths.portable_home()
                else tr("程序数据和日志：{folder}")).format(folder=paths.app_home())
        text = "<br>".join([
            tr("<b>基层台账</b> {version}").format(version=__version__),
            tr("党支部、关工委、工会的台账管理，全部数据保存在本机的一个台账文件里，不需要网络。"),
            "",
            *([tr("当前台账：{path}").format(path=path)] if path else []),
            home,
            tr("Python {python}，Qt {qt}（PySide6 {pyside}），{system} {release}").format(
                python=platform.python_version(), qt=qVersion(), pyside=pyside_version,
                system=platform.system(), release=platform.release()),
            "",
            tr("中文字体：文鼎 PL 明体（AR PL UMing）、文泉驿微米黑，按各自的许可证随程序提供"
               "（resources/fonts）。")])
        box = QMessageBox(QMessageBox.Icon.Information, tr("关于基层台账"), text,
                          QMessageBox.StandardButton.Ok, w)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()

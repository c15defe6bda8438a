"""输出 menu: printing, Excel and inspection archives, written in their own modules.

Each dialog is imported (plainly) when its action is first used, so that opening the
window does not load reportlab and openpyxl; a dialog that fails to import is a bug and is
reported as one, never a greyed-out action.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow

from ledger_app.ui.i18n import tr, tr_noop
from ledger_app.ui.saved_notice import SavedNotice

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner


class OutputSource(Protocol):
    """What the 输出 dialogs are opened on: the window's ledger and what it shows."""

    ledger: Ledger | None
    runner: TaskRunner

    def current_type_key(self) -> str | None: ...
    def current_year(self) -> int | None: ...
    def current_record_id(self) -> int | None: ...
    def showing_home(self) -> bool: ...
    def home_year(self) -> int | None: ...
    def refresh_all(self, select_id: int | None = None) -> None: ...

@dataclass(frozen=True)
class OutputAction:
    key: str
    text: str                      # text and tip: shown through tr()
    target: Callable[[], Any]      # imports and returns the dialog class (or opener)
    shortcut: str = ""
    tip: str = ""


def _print_dialog() -> Any:
    from ledger_app.ui.print_dialog import PrintDialog
    return PrintDialog


def _export_dialog() -> Any:
    from ledger_app.ui.xlsx_dialogs import ExportDialog
    return ExportDialog


def _import_dialog() -> Any:
    from ledger_app.ui.xlsx_import_dialog import ImportDialog
    return ImportDialog


def _archive_dialog() -> Any:
    from ledger_app.ui.archive_dialog import ArchiveDialog
    return ArchiveDialog


def _open_archive() -> Any:
    from ledger_app.ui.inspection_window import open_archive
    return open_archive


OUTPUTS = (
    OutputAction("print", tr_noop("打印…"), _print_dialog, "Ctrl+P",
                 tr_noop("打印当前表格或当前记录，或保存为 PDF")),
    OutputAction("export", tr_noop("导出 Excel…"), _export_dialog, "",
                 tr_noop("把当前表格导出为 Excel 文件")),
    OutputAction("import", tr_noop("从 Excel 导入…"), _import_dialog, "",
                 tr_noop("从 Excel 表格批量导入记录")),
    OutputAction("archive", tr_noop("生成检查档案包…"), _archive_dialog, "",
                 tr_noop("把一个年度的台账整理成检查用的档案包")),
    OutputAction("open_archive", tr_noop("打开检查档案包…"), _open_archive, "",
                 tr_noop("查看别人交来的检查档案包")),
)


class OutputActions:
    """Creates the 输出 actions for a window and opens the dialogs they stand for, over the
    window (their parent, with the saved-file notice in its status bar) on what ``source``
    shows."""

    def __init__(self, window: QMainWindow, source: OutputSource):
        self.window = window
        self.source = source
        self.actions: dict[str, QAction] = {}
        self.dialog: QDialog | None = None  # the last opened one (tests look at it)
        self.saved_notice = SavedNotice(window)
        # A permanent widget: a passing message (已自动备份 …) must not hide where the file went.
        window.statusBar().addPermanentWidget(self.saved_notice)
        for spec in OUTPUTS:
            action = QAction(tr(spec.text), window)
            action.setObjectName(f"action_{spec.key}")
            if spec.shortcut:
                action.setShortcut(spec.shortcut)
            action.setStatusTip(tr(spec.tip))
            action.triggered.connect(lambda _checked=False, s=spec: self.trigger(s))
            self.actions[spec.key] = action
        self.update()

    def update(self) -> None:
        """Enable what can be used now (called when the menu opens and the ledger changes)."""
        has_ledger = self.source.ledger is not None
        for spec in OUTPUTS:
            action = self.actions[spec.key]
            needs_ledger = spec.key != "open_archive"
            action.setEnabled(has_ledger or not needs_ledger)
            action.setToolTip(tr(spec.tip))

    def _archive_saved(self, dialog: Any) -> None:
        result = getattr(dialog, "archive_result", None)
        if result is not None:
            self.saved_notice.show_saved(result.path, tr("检查档案包已保存到 {path}"))

    def trigger(self, spec: OutputAction) -> None:
        target = spec.target()
        w, source = self.window, self.source
        if spec.key == "open_archive":
            path, _ = QFileDialog.getOpenFileName(w, tr("打开检查档案包"), "",
                                                  tr("检查档案包 (*.zip);;所有文件 (*)"))
            if path:
                self.dialog = target(path, w)
            return
        ledger, runner = source.ledger, source.runner
        if ledger is None:
            return
        type_key, year = source.current_type_key(), source.current_year()
        dialog: Any
        if spec.key == "print":
            # The printout that fits where the user is: the home page's 自查表, or the
            # table on screen (with the selected record's own page offered beside it).
            if source.showing_home():
                dialog = target(ledger, runner, parent=w, year=source.home_year(),
                                product="checklist")
            else:
                dialog = target(ledger, runner, parent=w, type_key=type_key, year=year,
                                record_id=source.current_record_id(),
                                product="table" if type_key else None)
        elif spec.key == "export":
            dialog = target(ledger, runner, type_key, year, w)
            dialog.exported.connect(lambda path: self.saved_notice.show_saved(path, tr("Excel 已保存到 {path}")))
        elif spec.key == "import":
            dialog = target(ledger, runner, type_key, w)
            # New records (or an undone import) must show in the table and the counts.
            for name in ("imported", "undone", "finished"):
                signal = getattr(dialog, name, None)
                if signal is not None:
                    signal.connect(lambda *_args: source.refresh_all())
        else:
            dialog = target(ledger, runner, year, w)
            dialog.accepted.connect(lambda d=dialog: self._archive_saved(d))
        saved = getattr(dialog, "saved", None)  # a PDF saved from the print preview
        if saved is not None:
            saved.connect(lambda path: self.saved_notice.show_saved(path, tr("PDF 已保存到 {path}")))
        self.dialog = dialog
        dialog.open()

"""文件 → 备份 / 从备份恢复… / 另存为…, and what the window shows when the background
check finds the ledger damaged (``ledger_care``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from ledger_app.store import backups
from ledger_app.store.errors import LedgerError
from ledger_app.ui.confirm import ask
from ledger_app.ui.errors import show_error
from ledger_app.ui.i18n import tr, tr_noop
from ledger_app.ui.ledger_care import LedgerCare

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner

LEDGER_FILTER = tr_noop("台账文件 (*.ledger);;所有文件 (*)")
DAMAGED_BOX = "damagedLedgerBox"
RESTORED_BOX = "restoredBox"


class LedgerHolder(Protocol):
    """What the safety actions need of the window: its ledger and worker, and to let go of
    the ledger or open another."""

    ledger: Ledger | None
    runner: TaskRunner

    def open_path(self, path: str | Path) -> None: ...
    def detach_ledger(self) -> None: ...


class SafetyActions:
    """``window`` carries the dialogs and the status bar; ``holder`` has the ledger."""

    def __init__(self, window: QMainWindow, holder: LedgerHolder):
        self.window = window
        self.holder = holder
        self.care = LedgerCare(window)
        self.care.damaged.connect(self.show_damaged)
        self.care.backed_up.connect(
            lambda path: self.tell(tr("已自动备份：{name}").format(name=Path(path).name)))
        self.actions: dict[str, QAction] = {}
        for key, text, slot in (("backup", tr("备份"), self.back_up),
                                ("restore", tr("从备份恢复…"), self.choose_backup),
                                ("save_as", tr("另存为…"), self.choose_save_as),
                                ("backup_folder", tr("备份文件夹…"), self.choose_backup_folder)):
            action = QAction(text, window)
            action.setObjectName(f"action_{key}")
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.actions[key] = action

    def tell(self, text: str) -> None:
        """A note in the status bar, shown after the busy indicator clears it (the worker
        goes idle just after the callback that tells)."""
        QTimer.singleShot(0, lambda: self.window.statusBar().showMessage(text, 15_000))

    def update(self, has_ledger: bool) -> None:
        for action in self.actions.values():
            action.setEnabled(has_ledger)

    # ---- the ledger's life ------------------------------------------------------------

    def opened(self, ledger: Ledger) -> None:
        self.care.watch(ledger)

    def closing(self, ledger: Ledger) -> None:
        self.care.before_close(ledger, self.holder.runner)

    # ---- 备份 ---------------------------------------------------------------------------

    def back_up(self) -> None:
        ledger = self.holder.ledger
        if ledger is None:
            return
        self.holder.runner.run(
            lambda: backups.back_up(ledger),
            lambda made: self.tell(tr("已备份到 {path}").format(path=made)))

    def choose_backup_folder(self) -> None:
        ledger = self.holder.ledger
        if ledger is None:
            return
        folder = QFileDialog.getExistingDirectory(self.window, tr("备份放在哪个文件夹（取消：不改）"),
                                                  str(ledger.path.parent))
        if folder:
            self.set_backup_folder(Path(folder))

    def set_backup_folder(self, folder: Path | None) -> None:
        """Keep backups in ``folder`` from now on (None: beside the ledger)."""
        ledger = self.holder.ledger
        if ledger is None:
            return
        self.holder.runner.run(lambda: backups.choose_folder(ledger, folder),
                               lambda _: self.tell(tr("以后备份放在：{folder}").format(
                                   folder=folder or tr("台账旁边"))))

    # ---- 另存为 -------------------------------------------------------------------------

    def choose_save_as(self) -> None:
        ledger = self.holder.ledger
        if ledger is None:
            return
        copy = ledger.path.with_name(ledger.path.stem + "-副本.ledger")  # i18n: data
        path, _ = QFileDialog.getSaveFileName(self.window, tr("台账另存为"), str(copy),
                                              tr(LEDGER_FILTER))
        if path:
            self.save_as(Path(path))

    def save_as(self, target: Path) -> None:
        """Copy the open ledger to ``target`` and go on working there."""
        ledger = self.holder.ledger
        if ledger is None:
            return
        if target.suffix.lower() != ".ledger":
            target = target.with_name(target.name + ".ledger")
        if target.exists():
            show_error(self.window, LedgerError(
                tr("{name} 已存在，不会覆盖。请换一个文件名。").format(name=target.name)))
            return
        self.holder.runner.run(lambda: backups.back_up(ledger, target),
                               lambda made: self.holder.open_path(made))

    # ---- 从备份恢复 ----------------------------------------------------------------------

    def choose_backup(self) -> None:
        ledger = self.holder.ledger
        if ledger is None:
            return
        self.holder.runner.run(
            lambda: backups.folder_for(ledger.path, ledger.setting(backups.SETTING)),
            self._pick_in)

    def _pick_in(self, folder: Path) -> None:
        start = folder if folder.is_dir() else (self.holder.ledger.path.parent
                                                if self.holder.ledger else Path.home())
        path, _ = QFileDialog.getOpenFileName(self.window, tr("选择要恢复的备份"), str(start),
                                              tr(LEDGER_FILTER))
        if path:
            self.restore_from(Path(path))

    def restore_from(self, backup: Path, target: Path | None = None) -> None:
        """Ask, then close the ledger, put ``backup`` in its place and open it again."""
        target = target or (self.holder.ledger.path if self.holder.ledger else None)
        if target is None:
            return
        text = tr("用备份“{backup}”恢复台账“{ledger}”？\n\n"
                  "恢复前会先关闭台账；现在的台账文件会改名保留在同一文件夹中，不会丢失。").format(
            backup=backup.name, ledger=target.name)
        ask(self.window, tr("从备份恢复"), text, lambda: self._restore(backup, target),
            yes_text=tr("恢复"), danger=True)

    def _restore(self, backup: Path, target: Path) -> None:
        from ledger_app.store.restore import restore

        w, holder = self.window, self.holder
        if holder.ledger is not None and holder.ledger.path.resolve() == target.resolve():
            holder.detach_ledger()   # closed on the worker, before the restore below runs

        def done(aside: Path | None) -> None:
            holder.open_path(target)
            text = tr("已用备份“{backup}”恢复台账。").format(backup=backup.name)
            if aside:
                text += tr("\n\n原来的台账已改名保留为：\n{path}").format(path=aside)
            box = QMessageBox(QMessageBox.Icon.Information, tr("从备份恢复"), text,
                              QMessageBox.StandardButton.Ok, w)
            box.setObjectName(RESTORED_BOX)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        def failed(exc: BaseException) -> None:
            if holder.ledger is None and target.exists():
                holder.open_path(target)   # the restore changed nothing: back to the ledger
            show_error(w, exc)

        holder.runner.run(lambda: restore(backup, target), done, failed)

    # ---- a damaged ledger ----------------------------------------------------------------

    def show_damaged(self, message: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Critical, tr("台账文件已损坏"),
                          message + tr("\n\n在恢复之前，请不要再修改这份台账。"),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName(DAMAGED_BOX)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        restore = box.addButton(tr("从备份恢复…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("以后再说"), QMessageBox.ButtonRole.RejectRole)

        box.finished.connect(lambda _r: self.choose_backup() if box.clickedButton() is restore
                             else None)
        box.open()
        return box

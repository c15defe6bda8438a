"""Make a fresh demo ledger and open it, for ``ledger-app --demo`` and the start dialog's
demo button alike: its first piece on the worker, then the window at once with the rest
written behind it (``DemoFiller``), progress in the status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressBar
from shiboken6 import isValid

from ledger_app.ui import paths
from ledger_app.ui.elided_label import ElidedLabel
from ledger_app.ui.errors import show_error
from ledger_app.ui.i18n import tr

if TYPE_CHECKING:
    from ledger_app.demo import DemoFill
    from ledger_app.ui.main_window import MainWindow
    from ledger_app.ui.tasks import TaskRunner

log = logging.getLogger("ledger_app.ui.demo_launch")


def demo_path() -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return paths.demo_dir() / tr("演示台账-{stamp}.ledger").format(stamp=stamp)


def demo_packs() -> tuple[str, ...]:
    """The packs a demo can be made for (none when the demo is not shipped)."""
    try:
        from ledger_app.demo import DEMO_PACKS
    except ImportError:
        return ()
    return DEMO_PACKS


def demo_available() -> bool:
    try:
        from ledger_app.demo import create_demo  # noqa: F401
    except ImportError:
        return False
    return True


def begin_demo_window(runner: TaskRunner, on_begun: Callable[[Any], object],
                      on_error: Callable[[BaseException], None],
                      pack: str = "party_branch") -> None:
    """Write the first piece of a demo ledger of ``pack`` (党支部, 关工委 or 工会) on the
    window's worker and hand over its ``DemoFill`` at once (``DemoFiller`` writes the rest
    behind the window), so a newcomer sees the window in about a second instead of after
    the whole demo."""

    path = demo_path()  # named here, in the window's language

    def job() -> Any:
        from ledger_app.demo import begin_demo

        return begin_demo(path, pack=pack)

    runner.run(job, on_begun, on_error)


class DemoFiller(QObject):
    """Writes the rest of a demo behind its window, one piece per job on the window's own
    worker (so nothing is written by two connections and the window's reads slip in
    between pieces), with progress in the status bar; the home page and tables refresh
    when the demo is complete. Closing the window mid-fill asks first, then stops after
    the piece being written: the ledger keeps what was committed."""

    completed = Signal()
    stopped = Signal()

    def __init__(self, window: MainWindow, fill: DemoFill):
        super().__init__(window)
        self.window = window
        self.fill = fill
        self.running = True
        self.ask_on_close = True  # False: a scripted run (LEDGER_APP_SCREENSHOT) quits as is
        # Room for the longest step's message, so the bar does not jump between steps; in a
        # crowded status bar the message is cut short before the organisation's name is.
        # The steps are named by the demo itself (data, in Chinese); our own words may be
        # the longer ones in English.
        self.label = ElidedLabel(min_chars=6)
        self.label.setText(tr("正在生成演示台账…"))
        self.label.reserve(max(("正在登记出席情况和会议照片…",  # i18n: data
                                tr("正在生成演示台账…"), tr("演示台账已生成完毕。")),
                               key=self.label.fontMetrics().horizontalAdvance))
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(120)
        self.bar.setTextVisible(True)
        window.add_progress(self.label, self.bar)
        window.installEventFilter(self)
        window.home.hold(tr("演示台账正在生成，生成完毕后按规则检查……"))
        self._show_progress()
        self._next()

    def _next(self) -> None:
        runner = self.window.runner
        if self.window.ledger is not self.fill.ledger or runner.is_shut_down:
            self._stop()
            return
        runner.run(self.fill.step, self._stepped, self._failed)

    def _stepped(self, more: bool) -> None:
        if not self.running:
            return
        self._show_progress()
        if more:
            self._next()
        else:
            self._finish(keep_label=True)
            # The status bar's own message is cleared whenever the worker goes idle: say
            # it in our label instead, for a few seconds.
            self.label.setText(tr("演示台账已生成完毕。"))
            QTimer.singleShot(8000, self._remove_label)
            self.window.home.release()
            self.window.refresh_all()
            self.completed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.window.home.release()
        if not self.window.runner.is_shut_down:
            self.window.home.refresh()     # judge what was written
        log.exception("filling the demo failed", exc_info=exc)
        show_error(self.window, exc)
        self.stopped.emit()

    def _stop(self) -> None:
        if self.running:
            log.info("demo %s left incomplete: its window was closed or shows another ledger",
                     self.fill.ledger.path)
            self._finish()
            # The hold was for the demo: a ledger opened in its place is checked as usual.
            self.window.home.release()
            if self.window.ledger is not None:
                self.window.home.refresh()
            self.stopped.emit()

    def _finish(self, keep_label: bool = False) -> None:
        self.running = False
        self.window.removeEventFilter(self)
        self.window.remove_progress(self.bar)
        self.bar.deleteLater()
        if not keep_label:
            self._remove_label()

    def _remove_label(self) -> None:
        if isValid(self.label):
            self.window.remove_progress(self.label)
            self.label.deleteLater()

    def _show_progress(self) -> None:
        done, total = self.fill.progress
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(total if self.fill.complete else done)
        self.label.setText(self.fill.message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and self.running:
            if self.ask_on_close and not self.confirm_close():
                event.ignore()
                return True
            # The window detaches its ledger now; _next sees that after the piece in hand.
            log.info("demo %s closed while being written", self.fill.ledger.path)
        return super().eventFilter(watched, event)

    def confirm_close(self) -> bool:
        done, total = self.fill.progress
        box = QMessageBox(QMessageBox.Icon.Question, tr("演示台账还没有生成完"),
                          tr("演示台账正在后台生成（约 {percent}%）。\n"
                             "现在关闭的话，已写入的部分保留在台账里，可以再打开，但内容不完整；"
                             "下次用“打开演示台账”会重新生成一份完整的。\n\n仍要关闭吗？").format(
                              percent=100 * done // max(total, 1)),
                          parent=self.window)
        close = box.addButton(tr("关闭"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("继续生成"), QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("demo_close_question")
        box.exec()
        return box.clickedButton() is close

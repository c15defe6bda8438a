"""Database work off the UI thread: one worker for everything.

A single worker (a ``QThreadPool`` with one thread) runs every job in the order it
was asked for, so writes never race each other and the window never blocks. The
result (or the exception) comes back to the GUI thread through a queued signal,
where ``on_done`` / ``on_error`` run; without ``on_error`` the error is shown with
``ui.errors.show_error``.

A long job can report progress: ``run_with_progress(fn, ...)`` calls
``fn(report)`` on the worker, where ``report(done, total, message)`` updates a
progress dialog and raises ``Cancelled`` once the user has pressed 取消.

Python's cycle collector runs on the GUI thread only while workers exist (``gui_gc``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from ledger_app.ui.gui_gc import collect_on_gui_thread
from ledger_app.ui.i18n import tr

T = TypeVar("T")
log = logging.getLogger("ledger_app.ui.tasks")

Report = Callable[[int, int, str], None]


class Cancelled(Exception):
    """Raised inside a job by ``report`` after the user pressed 取消."""


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, job_id: int, fn: Callable[[], Any]):
        super().__init__()
        self.setAutoDelete(True)
        self.runner = runner
        self.job_id = job_id
        self.fn = fn

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:
            self._send(None, exc)
        else:
            self._send(result, None)

    def _send(self, result: Any, exc: BaseException | None) -> None:
        try:
            self.runner._finished.emit(self.job_id, result, exc)
        except RuntimeError:
            # The window that asked was closed and its runner deleted while this job ran
            # (e.g. counts for a table, on quitting): there is nobody left to tell.
            log.debug("job %s finished after its runner was deleted", self.job_id)


class TaskRunner(QObject):
    """Runs callables on one background thread; callbacks arrive on the GUI thread."""

    # job id, result, exception (None on success)
    _finished = Signal(int, object, object)
    _progress = Signal(int, int, int, str)  # job id, done, total, message
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        collect_on_gui_thread()   # a collection on the worker would destroy Qt objects there
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the one thread: no start-up cost per job
        self._callbacks: dict[int, tuple[Callable[[Any], object] | None,
                                         Callable[[BaseException], None] | None]] = {}
        self._progress_dialogs: dict[int, QProgressDialog] = {}
        self._next_id = 0
        self._closed = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    # ---- asking for work -----------------------------------------------------------------

    def run(self, fn: Callable[[], T], on_done: Callable[[T], object] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run ``fn`` on the worker; then ``on_done(result)`` or ``on_error(exc)`` here (what
        ``on_done`` returns is not used)."""
        if self._closed:
            raise RuntimeError("TaskRunner is shut down")
        self._next_id += 1
        job_id = self._next_id
        was_idle = not self._callbacks
        self._callbacks[job_id] = (on_done, on_error)
        if was_idle:
            self.busy_changed.emit(True)
        self._pool.start(_Job(self, job_id, fn))

    def run_with_progress(self, fn: Callable[[Report], T], title: str,
                          on_done: Callable[[T], object] | None = None,
                          on_error: Callable[[BaseException], None] | None = None,
                          parent: QWidget | None = None,
                          on_cancel: Callable[[], None] | None = None) -> QProgressDialog:
        """Run ``fn(report)`` with a progress dialog that can cancel it (then ``on_cancel``)."""
        dialog = QProgressDialog(title, tr("取消"), 0, 0, parent or self._parent_widget())
        dialog.setWindowTitle(tr("请稍候"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)  # quick jobs finish before a dialog flickers up
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        cancel = threading.Event()
        dialog.canceled.connect(cancel.set)
        job_id = self._next_id + 1
        self._progress_dialogs[job_id] = dialog

        def report(done: int, total: int, message: str = "") -> None:
            if cancel.is_set():
                raise Cancelled()
            self._progress.emit(job_id, done, total, message)

        def finish_ok(result: T) -> None:
            if on_done:
                on_done(result)

        def finish_error(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                if on_cancel is not None:
                    on_cancel()
                return
            (on_error or self._default_error)(exc)

        self.run(lambda: fn(report), finish_ok, finish_error)
        return dialog

    # ---- tests and closing -----------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Wait until every job and its callbacks have run (also jobs the callbacks add)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._callbacks:
            if deadline.hasExpired():
                return False
            self._pool.waitForDone(min(50, max(1, deadline.remainingTime())))
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        return True

    @property
    def is_shut_down(self) -> bool:
        """True once the window closed its ledger: late timers must not ask for work."""
        return self._closed

    def shutdown(self) -> None:
        """Let queued work finish (it may be a save), then stop taking jobs."""
        self._closed = True
        self._pool.waitForDone(-1)
        QCoreApplication.processEvents()
        self._callbacks.clear()

    # ---- on the GUI thread ---------------------------------------------------------------------

    @Slot(int, object, object)
    def _deliver(self, job_id: int, result: Any, exc: BaseException | None) -> None:
        on_done, on_error = self._callbacks.get(job_id, (None, None))
        dialog = self._progress_dialogs.pop(job_id, None)
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()
        try:
            if exc is not None:
                (on_error or self._default_error)(exc)
            elif on_done is not None:
                on_done(result)
        except Exception as callback_error:
            self._default_error(callback_error)
        finally:
            self._callbacks.pop(job_id, None)
            if not self._callbacks:
                self.busy_changed.emit(False)

    @Slot(int, int, int, str)
    def _show_progress(self, job_id: int, done: int, total: int, message: str) -> None:
        dialog = self._progress_dialogs.get(job_id)
        if dialog is None:
            return
        if message:
            dialog.setLabelText(message)
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total > 0 else 0)

    def _parent_widget(self) -> QWidget | None:
        parent = self.parent()
        if isinstance(parent, QWidget):
            return parent
        return QApplication.activeWindow()

    def _default_error(self, exc: BaseException) -> None:
        from ledger_app.ui.errors import show_error

        show_error(self._parent_widget(), exc)

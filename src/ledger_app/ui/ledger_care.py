"""Looking after the open ledger in the background: the integrity check and the
automatic backup.

Once a ledger just opened is on screen (the window's worker has first come to rest: the
first table and the home page's report done, so neither the first paint nor the report
competes with a read of the whole file), a thread of its own (not the window's database
worker, so later tables and counts are never kept waiting) reads the ledger through a
connection of its own: the quick structural check, then — if the file is whole and
changed since the newest backup — the automatic backup. A damaged file is reported
with ``damaged(message)``; the backup made with ``backed_up(path)``. On close, the
automatic backup runs again on the database worker, before the ledger is closed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ledger_app.store import backups, doctor
from ledger_app.store.errors import LedgerError, SQLiteError
from ledger_app.store.integrity import is_damage

if TYPE_CHECKING:
    from ledger_app.forms.model import Pack
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner

log = logging.getLogger("ledger_app.ui.care")


class _CheckJob(QRunnable):
    def __init__(self, care: LedgerCare, uri: str, path: Path, pack: Pack):
        super().__init__()
        self.setAutoDelete(True)
        self.care, self.uri, self.path, self.pack = care, uri, path, pack

    def run(self) -> None:
        try:
            problem, made = doctor.check_and_back_up(self.uri, self.path, self.pack)
            if problem:
                self._emit(self.care.damaged, problem)
                return
            if made is not None:
                self._emit(self.care.backed_up, str(made))
        except (LedgerError, SQLiteError, OSError) as exc:
            if is_damage(exc):
                self._emit(self.care.damaged, str(doctor.damaged_error(self.path)))
            else:
                # A backup that could not be made (a full disk, a folder gone) must not
                # interrupt the work: it is logged, and tried again on close.
                log.warning("background check or backup of %s: %s", self.path, exc)

    def _emit(self, signal: object, text: str) -> None:
        try:
            signal.emit(text)  # type: ignore[attr-defined]
        except RuntimeError:
            log.debug("ledger care finished after its window was closed")


class LedgerCare(QObject):
    damaged = Signal(str)      # the plain message, with the latest good backup
    backed_up = Signal(str)    # the automatic backup just made

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def watch(self, ledger: Ledger) -> None:
        """Check (and back up) a ledger just opened, in the background."""
        self._pool.start(_CheckJob(self, ledger.reader_uri(), ledger.path, ledger.pack))

    def before_close(self, ledger: Ledger, runner: TaskRunner) -> None:
        """Queue the closing backup on the database worker (it runs before the close)."""
        if ledger.readonly:
            return
        runner.run(lambda: quiet_backup(ledger))

    def wait(self, timeout_ms: int = 30_000) -> bool:
        return self._pool.waitForDone(timeout_ms)


def quiet_backup(ledger: Ledger) -> Path | None:
    """The automatic backup on close: a failure is logged, never shown (closing must go on)."""
    try:
        return backups.automatic(ledger)
    except (LedgerError, SQLiteError, OSError) as exc:
        log.warning("backup on close of %s: %s", ledger.path, exc)
        return None

"""Facts derived from a ledger (a year's rules facts, the dues grid), kept while the ledger
has not changed, so that the home page shown again, the 自查表 printed after it or the
dues grid opened after the check do not read 90,000 rows once more.

Nothing derived survives a change: every read first asks the connection for its *change
token* — SQLite's ``PRAGMA data_version`` (moves when any other connection, in this
process or another, commits: another window, ``ledger-app dues fill``, an import through
a second connection) together with the connection's own ``total_changes`` (moves on
every row this connection inserts, changes or deletes, whatever code path wrote it:
records, attendance, attachments, settings, imports and their undo). A token that differs
from the one the kept facts were read under drops them all. Inside an open transaction
nothing is kept (its writes may yet be rolled back). A restore replaces the file only
when nobody has it open for writing; a read-only open keeps reading the file it opened,
and what it kept is what it reads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

T = TypeVar("T")


class Derived:
    """Per ledger: key -> value computed from the ledger as it stood at one change token."""

    def __init__(self, ledger: Ledger):
        self._ledger = ledger
        self._lock = threading.Lock()
        self._token: tuple[int, int] | None = None
        self._values: dict[Hashable, Any] = {}
        self.enabled = True       # benchmarks switch it off to time the reading itself

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value kept for ``key`` while the ledger is unchanged, else ``compute()``."""
        token = self._ledger.change_token() if self.enabled else None
        if token is None:
            return compute()
        with self._lock:
            if token != self._token:
                self._values.clear()
                self._token = token
            elif key in self._values:
                return self._values[key]
        value = compute()
        # Kept under the token read *before* computing: a write meanwhile moves the token,
        # so the next read drops this value rather than trusting it.
        with self._lock:
            if self._token == token:
                self._values[key] = value
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._token = None

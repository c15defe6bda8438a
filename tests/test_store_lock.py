"""One writer at a time, proven under contention by real processes; readers never count."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lock_support import contend, start_readers
from roster_support import MEMBER

from ledger_app.store import Ledger
from ledger_app.store.errors import LedgerLockedError

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork-based stress test")


def test_concurrent_openers_are_never_granted_the_lock_together(tmp_path: Path) -> None:
    grants, doubles, refusals = contend(tmp_path, processes=4, attempts=250)
    assert doubles == 0
    assert grants + refusals == 1000 and grants > 500
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # the lock file goes with its holder


def test_a_second_writer_is_still_refused_with_the_holders_name(tmp_path: Path, org) -> None:
    path = tmp_path / "a.ledger"
    with Ledger.create(path, org), pytest.raises(LedgerLockedError, match=r"正被另一个程序使用.*打开"):
        Ledger.open(path)


def test_readers_cannot_make_a_lone_writer_fail(tmp_path: Path, org) -> None:
    from ledger_app.store.lock import LedgerLock

    path = tmp_path / "a.ledger"
    Ledger.create(path, org).close()
    readers, stop = start_readers(path, 3)
    try:
        # The moment between creating the lock file and locking it is the one a reader
        # probing the lock could steal: go through it thousands of times.
        for _ in range(3000):
            lock = LedgerLock(path)
            lock.acquire()   # raises LedgerLockedError if a reader got in the way
            lock.release()
        for i in range(20):
            with Ledger.open(path) as ledger:
                ledger.records.insert("roster", dict(MEMBER, name=f"党员{i}"))
    finally:
        stop.set()
        for r in readers:
            r.join(timeout=30)
    assert all(r.exitcode == 0 for r in readers)
    with Ledger.open(path, readonly=True) as ledger:
        assert ledger.records.count("roster") == 20

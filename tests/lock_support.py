"""Many processes opening one ledger at once: each grant is checked against a marker
file that only the lock's holder may create, so a second writer is caught in the act.

Used by tests/test_store_lock.py (a few hundred acquisitions) and benchmarks/bench_lock.py
(tens of thousands)."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path


def _contend(folder: str, attempts: int, real_opens: bool,
             results: multiprocessing.Queue[tuple[int, int, int]]) -> None:
    from ledger_app.store import Ledger
    from ledger_app.store.errors import LedgerLockedError
    from ledger_app.store.lock import LedgerLock

    ledger = Path(folder) / "a.ledger"
    marker = Path(folder) / "held-by-a-writer"
    grants = doubles = refusals = 0
    for _ in range(attempts):
        lock = LedgerLock(ledger)
        try:
            if real_opens:
                opened = Ledger.open(ledger)   # the whole open, as the window makes it
            else:
                lock.acquire()
        except LedgerLockedError:
            refusals += 1
            continue
        grants += 1
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            os.unlink(marker)
        except FileExistsError:
            doubles += 1  # somebody else holds the lock at this very moment
        if real_opens:
            opened.close()
        else:
            lock.release()
    results.put((grants, doubles, refusals))


def contend(folder: Path, processes: int, attempts: int,
            real_opens: bool = False) -> tuple[int, int, int]:
    """(grants, double grants, refusals) of ``processes`` × ``attempts`` tight acquisitions
    (with ``real_opens``: whole ``Ledger.open`` calls on a ledger in ``folder``)."""
    results: multiprocessing.Queue[tuple[int, int, int]] = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=_contend,
                                       args=(str(folder), attempts, real_opens, results))
               for _ in range(processes)]
    for w in workers:
        w.start()
    totals = [results.get(timeout=600) for _ in workers]
    for w in workers:
        w.join()
    return tuple(sum(t[i] for t in totals) for i in range(3))  # type: ignore[return-value]


def _read_forever(ledger_path: str, stop: multiprocessing.Event) -> None:
    from ledger_app.store import Ledger

    while not stop.is_set():
        with Ledger.open(Path(ledger_path), readonly=True) as ledger:
            ledger.records.count("roster")


def start_readers(ledger_path: Path, count: int) -> tuple[list[multiprocessing.Process], multiprocessing.Event]:
    stop = multiprocessing.Event()
    readers = [multiprocessing.Process(target=_read_forever, args=(str(ledger_path), stop))
               for _ in range(count)]
    for r in readers:
        r.start()
    return readers, stop

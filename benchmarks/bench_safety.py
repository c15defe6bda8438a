"""What data safety costs on the scale-30 ledger (about 92,500 records, 143 MB).

- the background check after open (PRAGMA quick_check) and the check before an archive;
- ``doctor`` (every check, attachments' SHA-256 included);
- a backup (SQLite backup API + its own quick check) and the automatic backup that finds
  nothing changed;
- a read-only open: beside the ledger (``mode=ro``) and from a private copy of file and
  journal (read-only media after a crash).

Targets (issue 13): the check never delays the first paint (it runs on its own thread;
figures here say how long it keeps that thread busy); backup of the whole ledger < 10 s.

    .venv/bin/python benchmarks/bench_safety.py [--rebuild]
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench_common import line, scale_ledger


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def main() -> None:
    from ledger_app.store import Ledger, backups, doctor, integrity
    from ledger_app.store.reading import finish, journal_path, private_copy

    path = scale_ledger(rebuild="--rebuild" in sys.argv)
    size_mb = path.stat().st_size / 1024 / 1024
    print(f"safety on {path.name} ({size_mb:.0f} MB)")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / path.name
        shutil.copy(path, work)
        with Ledger.open(work, readonly=True) as ledger:
            with contextlib.closing(ledger.reader()) as conn:
                took, report = timed(lambda: integrity.quick_check(conn, ledger.pack))
            line("quick check (after open, before an archive)", took, "s",
                 note="healthy" if report.healthy else "DAMAGED")
            took, made = timed(lambda: backups.back_up(ledger))
            line("backup into <name>.备份/ (copy + check)", took, "s", 10)
            took, again = timed(lambda: backups.automatic(ledger))
            line("automatic backup, nothing changed", took, "s",
                 note="skipped" if again is None else "made one")
        took, diagnosis = timed(lambda: doctor.examine(work, full=True))
        line("doctor (structure, links, index, attachments' SHA-256)", took, "s",
             note="healthy" if diagnosis.healthy else "DAMAGED")
        took, _ = timed(lambda: Ledger.open(work, readonly=True).close())
        line("read-only open beside the ledger", took * 1000, "ms")
        # A private copy as read-only media after a crash would need (a journal is faked by
        # copying a real one from a window that wrote a few records).
        with Ledger.open(work) as window:
            window.query("PRAGMA wal_autocheckpoint = 0")
            window.records.insert("roster", {"name": "基准", "gender": "男",
                                             "birth_date": "1980-01-02",
                                             "member_class": "正式党员", "status": "在册"})
            shutil.copy(journal_path(work), Path(folder) / "journal")
        shutil.copy(Path(folder) / "journal", journal_path(work))
        took, view = timed(lambda: private_copy(work))
        finish(view)
        line("read-only open from a private copy (read-only media)", took, "s",
             note=f"{size_mb:.0f} MB copied")
        print(f"  backup file: {made.stat().st_size / 1024 / 1024:.0f} MB")


if __name__ == "__main__":
    main()

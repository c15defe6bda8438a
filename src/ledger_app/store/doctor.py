"""What is wrong with a ledger file, and where the way back is.

``examine`` opens a ledger read-only, runs the integrity checks and finds the newest
backup that is whole; ``damaged_error`` turns that into the one plain message every
place shows when a read hits a damaged page (command line, window).
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ledger_app.forms.model import Pack
from ledger_app.store import backups, integrity
from ledger_app.store.errors import DamagedLedgerError, LedgerError


@dataclass
class Diagnosis:
    path: Path
    report: integrity.IntegrityReport
    backup: backups.Backup | None

    @property
    def healthy(self) -> bool:
        return self.report.healthy

    def message(self) -> str:
        problems = "".join(f"\n  {n}. {p}" for n, p in enumerate(self.report.problems, 1))
        return f"台账文件 {self.path.name} 已损坏：{problems}\n{way_back(self.path, self.backup)}"


def way_back(path: Path, backup: backups.Backup | None) -> str:
    if backup is None:
        return ("没有找到完好的备份。请不要再修改这个文件：先把它复制一份保存好，"
                "再请技术人员帮助处理。")
    return (f"最近的完好备份：{backup.path}（{backup.made:%Y-%m-%d %H:%M} 备份）。"
            f"恢复方法：关闭程序后运行 ledger-app restore \"{backup.path}\" -o \"{path}\"，"
            "或在窗口中选“文件 → 从备份恢复”。当前文件会被改名保留，不会丢失。")


def examine(path: Path, full: bool = True,
            progress: integrity.Progress | None = None) -> Diagnosis:
    """Check a ledger (LedgerError when it cannot be opened at all)."""
    from ledger_app.store.ledger import Ledger

    path = Path(path)
    with Ledger.open(path, readonly=True) as ledger, contextlib.closing(ledger.reader()) as conn:
        conn.row_factory = None
        chosen = _chosen_folder(conn)
        report = integrity.check(conn, ledger.pack, full=full, progress=progress)
    backup = None if report.healthy else backups.latest_good(path, chosen)
    return Diagnosis(path, report, backup)


def check_and_back_up(uri: str, path: Path, pack: Pack) -> tuple[str | None, Path | None]:
    """The care of a ledger just opened, on a connection of its own (``uri``): the quick
    structural check, then — if the file is whole — the automatic backup. Returns the
    damage message (and no backup), or None and the backup made (None when nothing
    changed since the newest one)."""
    with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=5)) as conn:
        problem = check_quickly(conn, path, pack)
        if problem:
            return problem, None
        return None, backups.automatic_from(conn, path)


def _chosen_folder(conn: sqlite3.Connection) -> str | None:
    # The settings may sit on a damaged page themselves: then look beside the ledger.
    try:
        return backups.chosen_folder(conn)
    except (sqlite3.Error, ValueError):
        return None


def damaged_error(path: Path) -> DamagedLedgerError:
    """The error to raise when reading ``path`` hit damaged data."""
    try:
        diagnosis = examine(path, full=False)
    except LedgerError:
        diagnosis = None
    if diagnosis is None or diagnosis.healthy:
        # The check could not name the damage: still say so, and where to go back.
        return DamagedLedgerError(f"台账文件 {Path(path).name} 已损坏，读取时遇到损坏的数据。\n"
                                  + way_back(Path(path), backups.latest_good(Path(path))))
    return DamagedLedgerError(diagnosis.message())


def ensure_whole(ledger: object) -> None:
    """The quick check made before an archive: a damaged ledger is refused with the plain
    message, instead of an archive made from it that looks fine."""
    with contextlib.closing(ledger.reader()) as conn:  # type: ignore[attr-defined]
        conn.row_factory = None
        problem = check_quickly(conn, ledger.path, ledger.pack)  # type: ignore[attr-defined]
    if problem:
        raise DamagedLedgerError(problem)


def check_quickly(conn: sqlite3.Connection, path: Path, pack: Pack) -> str | None:
    """The plain message if the quick structural check finds damage, else None."""
    report = integrity.quick_check(conn, pack)
    if report.healthy:
        return None
    return Diagnosis(path, report, backups.latest_good(path, _chosen_folder(conn))).message()

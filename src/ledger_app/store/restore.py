"""Put a backup back in place of a ledger, never over an open one, never losing the
current file (it is renamed aside with its journal, and put back if the restore fails)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from ledger_app.store import backups
from ledger_app.store.errors import (
    DamagedLedgerError,
    LedgerError,
    LedgerLockedError,
    plain_reason,
)
from ledger_app.store.lock import LedgerLock

JOURNALS = ("-wal", "-shm")


def aside_name(target: Path, now: datetime) -> Path:
    base = target.with_name(f"{target.stem}.恢复前-{now.strftime(backups.STAMP)}{target.suffix}")
    path, number = base, 2
    while path.exists():
        path = base.with_name(f"{base.stem}-{number}{base.suffix}")
        number += 1
    return path


def restore(backup: Path, target: Path, now: datetime | None = None) -> Path | None:
    """Replace ``target`` with ``backup``; returns where the old file was kept (or None)."""
    from ledger_app.store.ledger import Ledger

    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise LedgerError(f"找不到备份文件 {backup}。")
    if target.exists() and backup.resolve() == target.resolve():
        raise LedgerError("备份文件和要恢复的台账是同一个文件。")
    Ledger._check_header(backup)
    if not backups.is_good(backup):
        raise DamagedLedgerError(f"备份文件 {backup.name} 已损坏，不能用来恢复。请选择另一份备份。")
    lock = LedgerLock(target)
    try:
        lock.acquire()
    except LedgerLockedError as exc:
        raise LedgerLockedError(f"{target.name} 正在被打开使用，不能在打开时恢复。"
                                "请先关闭使用它的窗口或程序，再恢复。") from exc
    except OSError as exc:
        raise LedgerError(f"不能在 {target.parent} 中恢复：{plain_reason(exc)}") from exc
    aside: Path | None = None
    try:
        if target.exists():
            aside = aside_name(target, now or datetime.now())
            _move_with_journal(target, aside)
        with contextlib.closing(sqlite3.connect(
                f"{backup.resolve().as_uri()}?mode=ro&immutable=1", uri=True)) as source:
            backups.copy_ledger(source, target)
    except BaseException:
        if aside is not None and not target.exists():
            _move_with_journal(aside, target)
        raise
    finally:
        lock.release()
    return aside


def _move_with_journal(source: Path, dest: Path) -> None:
    """Rename a ledger together with its journal: committed changes still in a -wal stay
    with their file, and never meet a file they do not belong to."""
    try:
        os.replace(source, dest)
        for suffix in JOURNALS:
            journal = source.with_name(source.name + suffix)
            if journal.exists():
                os.replace(journal, dest.with_name(dest.name + suffix))
    except OSError as exc:
        raise LedgerError(f"无法把 {source.name} 改名保存：{plain_reason(exc)}") from exc

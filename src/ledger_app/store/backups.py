"""Backups of a ledger: consistent copies kept beside it, thinned as they age.

A backup is made with SQLite's backup API from a read connection, so it is one
committed state of the ledger (journal included) even while the window writes; it is
checked (``PRAGMA quick_check``) before it takes its name, so a damaged ledger never
pushes a good backup out. Backups live in ``<ledger name>.备份/`` beside the ledger, or in
the folder chosen in the ledger's settings (``_backup_folder``), named
``<ledger name>-YYYYMMDD-HHMMSS.ledger``. Kept: the last few, then one a day for a week,
one a week for two months, one a month for a year.

A restore never happens over an open ledger (it takes the write lock) and never loses
the current file: it is renamed aside, with its journal, before the backup takes its place.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ledger_app.store.errors import DamagedLedgerError, LedgerError, plain_reason

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

# Underscored like the other internal settings: not organisation data, so it is never
# shown as such nor carried into an archive.
SETTING = "_backup_folder"
KEEP_LAST = 5
KEEP_DAYS = 7
KEEP_WEEKS = 8
KEEP_MONTHS = 12
STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<number>\d+))?\.ledger$")


@dataclass(frozen=True)
class Backup:
    path: Path
    made: datetime
    size: int


def default_folder(ledger_path: Path) -> Path:
    return ledger_path.with_name(f"{ledger_path.stem}.备份")


def folder_for(ledger_path: Path, chosen: str | None) -> Path:
    """Where this ledger's backups go: the chosen folder, else beside the ledger."""
    return Path(chosen) if chosen else default_folder(ledger_path)


def choose_folder(ledger: Ledger, folder: Path | None) -> None:
    """Keep this ledger's backups in ``folder`` from now on (None: beside the ledger)."""
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LedgerError(f"不能使用备份文件夹 {folder}：{plain_reason(exc)}") from exc
        if not os.access(folder, os.W_OK):
            raise LedgerError(f"备份文件夹 {folder} 是只读的，请换一个文件夹。")
    ledger.update_settings({SETTING: str(folder.resolve()) if folder is not None else ""})


def listing(folder: Path, stem: str) -> list[Backup]:
    """This ledger's backups in ``folder``, newest first."""
    found: list[tuple[datetime, int, Backup]] = []
    try:
        names = list(folder.iterdir())
    except OSError:
        return []
    for path in names:
        match = _NAME.match(path.name)
        if not match or match["stem"] != stem:
            continue
        try:
            made = datetime.strptime(match["stamp"], STAMP)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        # Two backups in one second: the second is named "-2", and is the newer.
        found.append((made, int(match["number"] or 1), Backup(path, made, size)))
    return [b for _, _, b in sorted(found, key=lambda f: f[:2], reverse=True)]


def to_remove(backups: list[Backup]) -> list[Backup]:
    """The backups thinning lets go: all but the last few and the newest of each of the
    last days, weeks and months (``backups`` newest first)."""
    keep: set[Path] = {b.path for b in backups[:KEEP_LAST]}
    for limit, period in ((KEEP_DAYS, lambda d: d.date()),
                          (KEEP_WEEKS, lambda d: d.isocalendar()[:2]),
                          (KEEP_MONTHS, lambda d: (d.year, d.month))):
        seen: list[object] = []
        for backup in backups:
            key = period(backup.made)
            if key in seen:
                continue
            if len(seen) == limit:
                break
            seen.append(key)
            keep.add(backup.path)
    return [b for b in backups if b.path not in keep]


def copy_ledger(source: sqlite3.Connection, dest: Path) -> None:
    """Write one committed state of ``source`` to ``dest`` (atomically), checked whole."""
    from ledger_app.outputs.durable import durable_replace

    dest.parent.mkdir(parents=True, exist_ok=True)
    temporary = dest.with_name(f".{dest.stem}.{os.getpid()}.part{dest.suffix}")
    try:
        target = sqlite3.connect(temporary, isolation_level=None)
        try:
            source.backup(target)
            # A backup is one standalone file: no journal beside it when it is read.
            target.execute("PRAGMA journal_mode = DELETE")
            result = [row[0] for row in target.execute("PRAGMA quick_check(10)")]
        finally:
            target.close()
        if result != ["ok"]:
            raise DamagedLedgerError("台账文件已损坏，这份备份没有保存（以免替换掉完好的备份）："
                                     + "；".join(result[:3]))
        durable_replace(temporary, dest)
    except OSError as exc:
        raise LedgerError(f"无法把备份写到 {dest.parent}：{plain_reason(exc)}") from exc
    except sqlite3.DatabaseError as exc:
        from ledger_app.store.integrity import is_damage

        if is_damage(exc):
            raise DamagedLedgerError("台账文件已损坏，无法备份（以免替换掉完好的备份）。") from exc
        raise LedgerError(f"备份没有完成：{exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def new_name(folder: Path, stem: str, now: datetime) -> Path:
    base = f"{stem}-{now.strftime(STAMP)}"
    path = folder / f"{base}.ledger"
    number = 2
    while path.exists():
        path = folder / f"{base}-{number}.ledger"
        number += 1
    return path


def back_up(ledger: Ledger, dest: Path | None = None, now: datetime | None = None) -> Path:
    """Back the ledger up to ``dest``, or into its backup folder (then thinned)."""
    with contextlib.closing(ledger.reader()) as source:
        return back_up_from(source, ledger.path, chosen_folder(source), dest, now)


def back_up_from(source: sqlite3.Connection, ledger_path: Path, chosen: str | None,
                 dest: Path | None = None, now: datetime | None = None) -> Path:
    """``back_up`` from a read connection of its own (the window's background check)."""
    into_folder = dest is None
    if dest is None:
        folder = folder_for(ledger_path, chosen)
        dest = new_name(folder, ledger_path.stem, now or datetime.now())
    copy_ledger(source, dest)
    if into_folder:
        for old in to_remove(listing(dest.parent, ledger_path.stem)):
            with contextlib.suppress(OSError):
                old.path.unlink()
    return dest


def chosen_folder(conn: sqlite3.Connection) -> str | None:
    """The backup folder chosen in the ledger's settings (None: beside the ledger)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (SETTING,)).fetchone()
    value = json.loads(row[0]) if row else None
    return str(value) if value else None


def _last_change(conn: sqlite3.Connection) -> int:
    # Every change writes an audit line, so the newest one tells whether anything changed.
    return int(conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0])


def automatic(ledger: Ledger, now: datetime | None = None) -> Path | None:
    """The backup made on open and on close (see ``automatic_from``)."""
    with contextlib.closing(ledger.reader()) as source:
        return automatic_from(source, ledger.path, now)


def automatic_from(source: sqlite3.Connection, ledger_path: Path,
                   now: datetime | None = None) -> Path | None:
    """Back up unless nothing changed since the newest backup (that one is then still a
    copy of the ledger as it is)."""
    chosen = chosen_folder(source)
    newest = next(iter(listing(folder_for(ledger_path, chosen), ledger_path.stem)), None)
    if newest is not None:
        try:
            with contextlib.closing(_open_backup(newest.path)) as conn:
                if _last_change(conn) == _last_change(source):
                    return None
        except sqlite3.Error:
            pass   # an unreadable backup: make a new one
    return back_up_from(source, ledger_path, chosen, now=now)


def _open_backup(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def is_good(path: Path) -> bool:
    """Whether a backup file is a whole ledger (quick structural check)."""
    from ledger_app.store.schema import APPLICATION_ID

    try:
        with contextlib.closing(_open_backup(path)) as conn:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return False
            return [row[0] for row in conn.execute("PRAGMA quick_check(1)")] == ["ok"]
    except sqlite3.Error:
        return False


def latest_good(ledger_path: Path, chosen: str | None = None) -> Backup | None:
    for backup in listing(folder_for(ledger_path, chosen), ledger_path.stem):
        if is_good(backup.path):
            return backup
    return None

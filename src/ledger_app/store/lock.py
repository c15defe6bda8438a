"""Exclusive access to a ledger file through a sidecar lock file.

The operating system releases the lock when the holding process dies, so a
crash never leaves a ledger locked for good; the file's text only says who
holds it, for the message shown to a second program.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from ledger_app.store.errors import LedgerLockedError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path_for(ledger_path: Path) -> Path:
    return ledger_path.with_name(ledger_path.name + ".lock")


def is_held(ledger_path: Path) -> bool:
    """Whether a program has this ledger open for writing at this moment.

    Asked by read-only opens, which take no lock of their own (a print or an archive made
    from the command line must not keep the window from opening the ledger). The lock
    file is only looked at, never created; if it cannot be opened, nobody can be writing
    beside it either (a read-only folder or medium)."""
    try:
        fd = os.open(lock_path_for(ledger_path), os.O_RDONLY)
    except OSError:
        return False
    try:
        if _try_lock(fd):
            _unlock(fd)   # a file left by a program that crashed: nobody holds it
            return False
        return True
    finally:
        os.close(fd)


class LedgerLock:
    def __init__(self, ledger_path: Path):
        self.path = lock_path_for(ledger_path)
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            holder = ""
            try:
                info = json.loads(os.read(fd, 4096).decode("utf-8") or "{}")
                holder = f"（{info.get('user', '?')} 在 {info.get('host', '?')} 上于 " \
                         f"{info.get('since', '?')} 打开）"
            except (OSError, ValueError):
                pass
            os.close(fd)
            raise LedgerLockedError(f"台账文件正被另一个程序使用{holder}，为防止数据损坏不能同时打开。"
                                    "请先关闭另一个窗口，或在另一台电脑上退出程序后再试。")
        info = {"user": getpass.getuser(), "host": socket.gethostname(), "pid": os.getpid(),
                "since": datetime.now().strftime("%Y-%m-%d %H:%M")}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(info, ensure_ascii=False).encode("utf-8"))
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            self.path.unlink()
        except OSError:
            pass
        _unlock(fd)
        os.close(fd)

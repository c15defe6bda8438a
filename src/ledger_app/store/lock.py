"""Exclusive access to a ledger file through a sidecar lock file.

The operating system releases the lock when the holding process dies, so a
crash never leaves a ledger locked for good; the file's text only says who
holds it, for the message shown to a second program. Only writers touch the
lock: a read-only open never looks at it (a reader testing the lock would hold
it for that instant, and a writer opening then would be refused).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sys
import time
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


# How long a second opener keeps trying before it is told the ledger is in use. A holder
# that is closing, or another opener that lost the race below, gives the lock up within
# milliseconds; a real holder (the window) keeps it for hours, so waiting longer would
# only delay the message.
RETRY_SECONDS = 0.3
RETRY_PAUSE = 0.005


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``fd`` is still the file at ``path``.

    A holder deletes the lock file as it lets go (so that a closed ledger leaves nothing
    beside it). An opener may have opened that file just before it was deleted, and then
    be granted the lock on a file nobody else will ever open again, while a third opener
    creates a new file at the same path and is granted a lock on that one too: two
    writers. The winner therefore checks that what it locked is still the file at the
    path, and tries again if not."""
    try:
        at_path = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (at_path.st_dev, at_path.st_ino)


class LedgerLock:
    def __init__(self, ledger_path: Path):
        self.path = lock_path_for(ledger_path)
        self._fd: int | None = None

    def acquire(self) -> None:
        deadline = time.monotonic() + RETRY_SECONDS
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if _try_lock(fd):
                if _same_file(fd, self.path):
                    break
                _unlock(fd)
                os.close(fd)
                continue
            if time.monotonic() >= deadline:
                holder = _holder(fd)
                os.close(fd)
                raise LedgerLockedError(f"台账文件正被另一个程序使用{holder}，为防止数据损坏不能同时打开。"
                                        "请先关闭另一个窗口，或在另一台电脑上退出程序后再试。")
            os.close(fd)
            time.sleep(RETRY_PAUSE)
        info = {"user": getpass.getuser(), "host": _host_name(), "pid": os.getpid(),
                "since": datetime.now().strftime("%Y-%m-%d %H:%M")}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(info, ensure_ascii=False).encode("utf-8"))
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        # Deleted while still held, so no opener can lock this file and believe it is the
        # current one (see _same_file).
        with contextlib.suppress(OSError):
            self.path.unlink()
        _unlock(fd)
        os.close(fd)


def _host_name() -> str:
    """This computer's name, for the message another program shows; where the system
    tells it directly, without importing ``socket`` (a few milliseconds of every open)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _holder(fd: int) -> str:
    """Who holds the lock, from the text the holder wrote into the file."""
    try:
        info = json.loads(os.read(fd, 4096).decode("utf-8") or "{}")
    except (OSError, ValueError):
        return ""
    if not isinstance(info, dict):
        return ""
    return f"（{info.get('user', '?')} 在 {info.get('host', '?')} 上于 {info.get('since', '?')} 打开）"

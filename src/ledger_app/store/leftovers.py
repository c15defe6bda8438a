"""What a killed program leaves behind, removed the next time the program starts.

Every output is written under a hidden temporary name that carries the writing program's
process id (``.名册.xlsx.4242.part``, ``.2025年台账.4242.part.zip``, backups'
``.台账-….4242.part.ledger``), and every private temporary folder too
(``ledger-archive-4242-…``, ``ledger-read-4242-…``, ``ledger-print-4242-…``: unpacked
archives, read-only copies, print previews — personal data, some of it unmasked). A
program that is killed cannot remove them; the next one removes those whose program is no
longer running, and never one whose program still is (two windows may be open).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

PART = re.compile(r"^\..+\.(?P<pid>\d+)\.part(\.[A-Za-z]+)?$")
FOLDER = re.compile(r"^ledger-(archive|read|print)-(?P<pid>\d+)-")
PREFIXES = ("archive", "read", "print")


def temporary_prefix(kind: str) -> str:
    """``ledger-archive-4242-``: a private temporary folder's prefix, with this program's id."""
    assert kind in PREFIXES
    return f"ledger-{kind}-{os.getpid()}-"


def running(pid: int) -> bool:
    """Whether a process with this id exists (when unsure: yes, so nothing in use goes)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)   # QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5              # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259                         # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clean_leftovers(folders: Iterable[Path], temp: Path | None = None) -> list[Path]:
    """Remove dead programs' ``.part`` files in ``folders`` (not below them) and their
    private folders in the temporary folder; returns what was removed."""
    removed: list[Path] = []
    for folder in dict.fromkeys(Path(f) for f in folders):
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for path in entries:
            match = PART.match(path.name)
            if match and not running(int(match["pid"])) and path.is_file():
                try:
                    path.unlink()
                    removed.append(path)
                except OSError:
                    pass
    temp = Path(temp or tempfile.gettempdir())
    try:
        candidates = list(temp.iterdir())
    except OSError:
        candidates = []
    for path in candidates:
        match = FOLDER.match(path.name)
        if match and path.is_dir() and not running(int(match["pid"])):
            shutil.rmtree(path, ignore_errors=True)
            if not path.exists():
                removed.append(path)
    return removed

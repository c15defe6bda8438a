"""Per-machine places and state: the user folder, logs, QSettings and recent files.

Per-ledger settings live inside the ledger file; what belongs to this machine
(window geometry, recently opened files) lives in QSettings. ``LEDGER_APP_HOME``
moves everything (tests point it into their temporary folder).

**Portable mode** (for a USB stick carried between the office and the 党群服务中心):
a file named ``portable`` beside the program keeps settings, recent files, logs and
demo ledgers in ``data/`` beside it instead of in the user's profile, so nothing is
left on the PC and everything moves with the stick. Recent ledgers on the stick are
remembered relative to the program, since the stick's drive letter changes from PC
to PC (E: here, F: there).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

ORGANIZATION = "GrassrootsLedger"
APPLICATION = "ledger-app"
MAX_RECENT = 8
PORTABLE_MARKER = "portable"
PORTABLE_DATA = "data"


def program_dir() -> Path:
    """The folder the program runs from: the frozen executable's folder, or the source
    checkout (where a ``portable`` file works the same way, for trying it out)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[3]


def portable_home() -> Path | None:
    """``data/`` beside the program when a ``portable`` marker is there, else None."""
    folder = program_dir()
    return folder / PORTABLE_DATA if (folder / PORTABLE_MARKER).exists() else None


def app_home() -> Path:
    """The program's own folder for logs, settings and demo ledgers."""
    override = os.environ.get("LEDGER_APP_HOME")
    portable = portable_home()
    if override:
        home = Path(override)
    elif portable is not None:
        home = portable
    else:
        location = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.AppDataLocation)
        home = Path(location) if location else Path.home() / ".ledger-app"
    home.mkdir(parents=True, exist_ok=True)
    return home


def log_dir() -> Path:
    folder = app_home() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def demo_dir() -> Path:
    folder = app_home() / "演示台账"  # i18n: data — a folder on disk
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def documents_dir() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def settings() -> QSettings:
    """This machine's settings; an ini file in LEDGER_APP_HOME (or the portable data
    folder) when that is where the program keeps its things."""
    if os.environ.get("LEDGER_APP_HOME") or portable_home() is not None:
        return QSettings(str(app_home() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def _mount_root(path: Path) -> Path:
    """The drive (Windows) or mounted volume (Linux) a path lies on."""
    path = path.resolve()
    while not os.path.ismount(path) and path.parent != path:
        path = path.parent
    return path


def _stored(path: Path) -> str:
    """How a recent file is written down: relative to the program when portable and
    on the same stick, so it is found again under another drive letter or mount point."""
    if portable_home() is not None and _mount_root(path) == _mount_root(program_dir()):
        return Path(os.path.relpath(path, program_dir())).as_posix()
    return str(path)


def recent_files() -> list[str]:
    value = settings().value("recent_files", [])
    # QSettings hands back a lone string for a one-item list, and nothing for none.
    stored = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    found = []
    for item in (str(v) for v in stored if v):
        path = Path(item)
        found.append(str(path if path.is_absolute() else (program_dir() / path).resolve()))
    return found


def add_recent(path: str | os.PathLike[str]) -> None:
    text = str(Path(path).resolve())
    items = [text] + [p for p in recent_files() if p != text]
    settings().setValue("recent_files", [_stored(Path(p)) for p in items[:MAX_RECENT]])


def remove_recent(path: str | os.PathLike[str]) -> None:
    text = str(Path(path).resolve())
    settings().setValue("recent_files",
                        [_stored(Path(p)) for p in recent_files() if p != text])

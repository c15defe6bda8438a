"""Per-machine places and state: the user folder, logs, QSettings and recent files.

Per-ledger settings live inside the ledger file; what belongs to this machine
(window geometry, recently opened files) lives in QSettings. ``LEDGER_APP_HOME``
moves everything (tests point it into their temporary folder).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

ORGANIZATION = "GrassrootsLedger"
APPLICATION = "ledger-app"
DISPLAY_NAME = "基层台账"
MAX_RECENT = 8


def app_home() -> Path:
    """The program's own folder for logs, settings and demo ledgers."""
    override = os.environ.get("LEDGER_APP_HOME")
    if override:
        home = Path(override)
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
    folder = app_home() / "演示台账"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def documents_dir() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def settings() -> QSettings:
    """This machine's settings; an ini file in LEDGER_APP_HOME when that is set."""
    if os.environ.get("LEDGER_APP_HOME"):
        return QSettings(str(app_home() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def recent_files() -> list[str]:
    value = settings().value("recent_files", [])
    if isinstance(value, str):  # QSettings hands back a lone string for a one-item list
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent(path: str | os.PathLike[str]) -> None:
    text = str(Path(path).resolve())
    items = [text] + [p for p in recent_files() if p != text]
    settings().setValue("recent_files", items[:MAX_RECENT])


def remove_recent(path: str | os.PathLike[str]) -> None:
    text = str(Path(path).resolve())
    settings().setValue("recent_files", [p for p in recent_files() if p != text])

"""Find shipped data folders (``forms/``, ``resources/``) wherever the program runs.

The same lookup serves a source checkout (and editable install), an installed wheel
(where the build copies both folders to ``ledger_app/_data/``) and a PyInstaller
build (where the spec puts them beside the executable's bundle root).
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    found = [_PACKAGE_DIR / "_data" / name]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / name)
    found.append(_PACKAGE_DIR.parents[1] / name)  # src/ledger_app -> checkout root
    return found


def data_dir(name: str) -> Path:
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shipped folder {name!r} not found; looked in "
                            + ", ".join(str(c) for c in _candidates(name)))


def forms_dir() -> Path:
    return data_dir("forms")


def resource_path(*parts: str) -> Path:
    return data_dir("resources").joinpath(*parts)


def user_cache_dir() -> Path:
    """The user's cache folder for what the program can always make again (print-size
    photos, built packs): ``<cache>/grassroots-ledger``."""
    import os

    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "grassroots-ledger"

"""A shipped pack, built once and kept between starts, keyed on the exact bytes it is made of.

Reading and checking the Party pack's 26 declaration files takes about 20 ms of every
start (TOML parsing most of it). ``load_cached`` keeps the built ``Pack`` in the user cache
folder (``<cache>/grassroots-ledger/packs/``) under a key made from the SHA-256 of every
declaration file below the pack's folder (its path and bytes), of the modules that build
a pack, of the program's and Python's versions and of the folder's place. Any changed
byte gives another key, so a kept pack is never stale; a broken declaration raises while
building, before anything is kept, so it is refused with its file and line exactly as
without the cache. Hashing the files costs well under a millisecond.

The cache is a convenience: a folder that cannot be written, a file that cannot be read
or unpickled, all end in building the pack as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ledger_app import __version__
from ledger_app.forms.model import Pack
from ledger_app.resources import user_cache_dir

log = logging.getLogger(__name__)

FORMAT = 1   # raise when what is kept changes shape without the code that builds it changing
# The modules whose code decides what a pack built from the same files is.
BUILDERS = ("loader", "declaration_file", "field_declaration", "role_check", "model",
            "cadence", "checklists", "development", "pack_cache")


def cache_folder() -> Path:
    return user_cache_dir() / "packs"


def _builders_digest(digest: Any) -> None:
    """The building code: its sources where they are files, else (a frozen program, whose
    modules live inside it) the program file itself."""
    here = Path(__file__).resolve().parent
    sources = [here / f"{name}.py" for name in BUILDERS]
    if all(path.is_file() for path in sources):
        for path in sources:
            digest.update(path.read_bytes() + b"\0")
    else:
        stat = os.stat(sys.executable)
        digest.update(f"{sys.executable}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())


def pack_key(folder: Path) -> str:
    """SHA-256 over everything a pack built from ``folder`` depends on."""
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{sys.version}\0{folder}\0".encode())
    _builders_digest(digest)
    for path in sorted(folder.rglob("*.toml")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _name_prefix(folder: Path) -> str:
    """One pack folder's kept files: ``party_branch-<its place>-``."""
    return f"{folder.name}-{hashlib.sha256(str(folder).encode()).hexdigest()[:10]}-"


def load_cached(folder: Path, build: Callable[[Path], Pack]) -> Pack:
    """The pack built from ``folder`` by ``build``: kept from an earlier start when not a
    byte it is made of has changed since, else built now (and kept for the next start)."""
    try:
        key = pack_key(folder)
    except OSError:
        return build(folder)
    cache = cache_folder()
    kept = cache / f"{_name_prefix(folder)}{key}.pickle"
    try:
        with kept.open("rb") as file:
            pack = pickle.load(file)
        if isinstance(pack, Pack):
            return pack
    except FileNotFoundError:
        pass
    except Exception as exc:   # a damaged or foreign file: build anew and replace it
        log.info("kept pack %s not used: %s", kept, exc)
    pack = build(folder)       # a broken declaration raises here: nothing is kept
    _keep(kept, pack, folder)
    return pack


def _keep(kept: Path, pack: Pack, folder: Path) -> None:
    part = kept.with_name(f".{kept.name}.{os.getpid()}.part")
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(pickle.dumps(pack, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(part, kept)
        for old in kept.parent.glob(f"{_name_prefix(folder)}*.pickle"):
            if old != kept:   # the same folder's packs from before a change
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError) as exc:
        log.info("could not keep the built pack in %s: %s", kept.parent, exc)
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)

"""Put a finished output file in place so that it survives a power cut.

Every output is written under a temporary name and renamed when complete. Without an
fsync the rename can reach the disk before the contents do: after a power cut the
secretary would find a PDF or workbook of the right name that is empty or cut short.
Flushing the contents first, and on POSIX the folder after the rename, closes that gap;
it costs milliseconds for a printout.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


def sync_file(path: Path) -> None:
    """Wait until the file's contents are on the disk."""
    # Read-write: Windows will only flush a handle opened for writing.
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (POSIX; Windows has no folder handle to flush)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass   # some file systems (network shares) refuse; the file itself is flushed
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(final: str | os.PathLike[str], synced: bool = False) -> Iterator[Path]:
    """The one way every output is written: yield a temporary name beside ``final``
    (``.名称.<pid>.part.pdf``: hidden, same folder so the rename is atomic, same suffix so
    libraries that look at it are happy); when the block ends, put it in place durably
    (``synced``: the block flushed it itself). Any exception — a full disk, a cancel —
    removes the temporary and leaves an existing ``final`` as it was."""
    final = Path(final)
    temporary = final.with_name(f".{final.stem}.{os.getpid()}.part{final.suffix}")
    try:
        yield temporary
        durable_replace(temporary, final, synced=synced)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def durable_replace(temporary: Path, final: Path, synced: bool = False) -> None:
    """Rename ``temporary`` to ``final`` once its contents are on disk (``synced``: the
    caller has already flushed them). Raises OSError; the caller removes the temporary."""
    if not synced:
        sync_file(temporary)
    os.replace(temporary, final)
    sync_folder(Path(final).parent)

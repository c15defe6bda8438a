"""How a read-only open reads a ledger: always with every committed transaction.

A ledger is kept in WAL mode: a commit lands in ``<ledger>-wal`` first and reaches the
file itself only at a checkpoint. A reader that looked at the file alone (SQLite's
``immutable``) would miss whatever the window committed since its last checkpoint, or
all of it after the window was killed, and could read a page that a checkpoint is
rewriting at that very moment. So:

- where the ledger's folder can be written, read through SQLite's normal locking
  (``mode=ro``): it sees every commit, replays a journal left by a writer that died, and
  never sees a half-rewritten page. It needs the ``-shm`` index beside the ledger, so it
  may create ``-wal``/``-shm`` files; they are removed again on close when nobody else has
  the ledger open;
- where it cannot (read-only media or folder): with no journal beside the file, the file
  alone is the whole ledger and nobody can be changing it, so it is read as it is; with
  a journal left behind, the file and its journal are copied into a private temporary
  folder and read from there, so the journal's commits are seen without writing a byte
  beside the ledger.

A read never takes the write lock (``store.lock``) and never changes the ledger file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from ledger_app.store.errors import LedgerError, plain_reason
from ledger_app.store.leftovers import temporary_prefix

READ_TIMEOUT = 5  # seconds a read waits while a writer finishes a checkpoint

# A read-only connection (``Ledger.reader()``), as code outside ``store`` names it when it
# hands one on to a store function.
Reader: TypeAlias = sqlite3.Connection


@dataclass
class ReadView:
    """One read-only open: its connection, the URI further reader connections use,
    and what to clean up when it closes."""
    conn: sqlite3.Connection
    uri: str
    private_folder: Path | None = None   # a private copy lives here; removed on close
    tidy_journal_of: Path | None = None  # we may have created -wal/-shm beside this file


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _has_journal(path: Path) -> bool:
    try:
        return journal_path(path).stat().st_size > 0
    except OSError:
        return False


def _connect(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                           timeout=READ_TIMEOUT)
    try:
        # The first read opens the journal (and rebuilds its index after a crash): any
        # reason the file cannot be read this way shows up here, not in the middle of a job.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def open_for_reading(path: Path) -> ReadView:
    """A read-only view of the ledger at ``path`` that includes every committed change."""
    path = path.resolve()
    base = f"{path.as_uri()}?mode=ro"
    if os.access(path.parent, os.W_OK):
        journal_was_there = journal_path(path).exists()
        try:
            conn = _connect(base)
        except sqlite3.OperationalError as exc:
            # Only a journal index that cannot be made or written (a -shm owned by someone
            # else, say) sends the read to a private copy. Anything else, such as a writer
            # busy for longer than the timeout, must not: a copy taken while the file is
            # being written could be torn.
            if getattr(exc, "sqlite_errorname", "").split("_")[:2] not in (
                    ["SQLITE", "CANTOPEN"], ["SQLITE", "READONLY"]):
                raise
        else:
            return ReadView(conn, base, tidy_journal_of=None if journal_was_there else path)
    if not _has_journal(path):
        uri = base + "&immutable=1"
        return ReadView(_connect(uri), uri)
    return private_copy(path)


def private_copy(path: Path) -> ReadView:
    """Copy the ledger and its journal into a private folder and read the copy."""
    folder = Path(tempfile.mkdtemp(prefix=temporary_prefix("read")))
    copy = folder / path.name
    try:
        shutil.copyfile(path, copy)
        shutil.copyfile(journal_path(path), journal_path(copy))
        uri = f"{copy.as_uri()}?mode=ro"
        return ReadView(_connect(uri), uri, private_folder=folder)
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise LedgerError(f"无法读取台账 {path.name}：{plain_reason(exc)}") from exc
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def upgraded_copy(view: ReadView, path: Path) -> Path:
    """A private copy of an old-format ledger, taken with SQLite's backup API (so it is
    one consistent state including the journal), for the caller to upgrade and read.
    The ledger itself is never upgraded by a read."""
    folder = Path(tempfile.mkdtemp(prefix=temporary_prefix("read")))
    copy = folder / path.name
    try:
        target = sqlite3.connect(copy)
        try:
            view.conn.backup(target)
        finally:
            target.close()
    except (OSError, sqlite3.Error):
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return copy


def finish(view: ReadView) -> None:
    """Close the view and clean up after it (the connection may already be closed)."""
    view.conn.close()
    if view.private_folder is not None:
        shutil.rmtree(view.private_folder, ignore_errors=True)
    elif view.tidy_journal_of is not None:
        remove_idle_journal(view.tidy_journal_of)


def remove_idle_journal(path: Path) -> None:
    """Remove the empty -wal/-shm a read left beside a ledger nobody else has open.

    A read-only connection may not remove them; an ordinary connection that only reads
    does so when it closes as the last connection, and SQLite itself makes sure it is
    the last one (it needs an exclusive lock on the file for that). Only done when the
    journal is empty, so this never writes a page of the ledger."""
    journal = journal_path(path)
    try:
        if journal.stat().st_size != 0:
            return
    except OSError:
        return
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(path, timeout=0)
        try:
            conn.execute("PRAGMA application_id").fetchone()
        finally:
            conn.close()

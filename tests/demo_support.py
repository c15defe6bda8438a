"""Reading a demo ledger beside the window that writes it: row counts and integrity,
with plain sqlite3 (read-only, as WAL allows while the window's worker writes)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def table_counts(path: Path) -> dict[str, int]:
    """Rows in every record table and in attendance and attachments, read with sqlite3."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        tables = [name for (name,) in conn.execute(
            "select name from sqlite_master where type='table' and "
            "(name like 't_%' or name in ('entries', 'attendance', 'attachments', 'blobs'))")]
        return {t: conn.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}


def integrity(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return conn.execute("pragma integrity_check").fetchone()[0]

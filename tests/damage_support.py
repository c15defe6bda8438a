"""Damage a real ledger file the way a failing disk does: garbage over one page."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage_table(path: Path, table: str, nth_leaf: int = 0) -> int:
    """Overwrite the header of one of ``table``'s leaf pages; returns the page number."""
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        row = conn.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                           "ORDER BY pageno LIMIT 1 OFFSET ?", (table, nth_leaf)).fetchone()
        if row is None:   # a table on a single page: its root is its only leaf
            row = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                               (table,)).fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    with open(path, "r+b") as fh:
        fh.seek((row[0] - 1) * page_size)
        fh.write(b"\xff" * 64)
    return int(row[0])

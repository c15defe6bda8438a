"""待核实: fields of a record that are known to need checking, and why.

An import that cannot fill a field with certainty leaves it blank and marks it here (a
number cell 2003.1 is January or October; 学历 "大学" is 本科 or 专科; the ID number says
女 where the sheet says 男). The mark travels with the record: the store accepts a blank
required field only while it is marked, the form shows the reason under the field, the
table can list only the records with marks, and a mark goes when the field is filled.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger


@dataclass(frozen=True)
class PendingCheck:
    entry_id: int
    type_key: str
    field_key: str
    reason: str
    source: str
    created_at: str


class PendingChecks:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger

    # ---- writing: inside the caller's transaction -----------------------------------

    @staticmethod
    def mark(conn: sqlite3.Connection, entry_id: int, reasons: dict[str, str], source: str,
             at: str) -> None:
        conn.executemany(
            "INSERT INTO pending_checks(entry_id, field_key, reason, source, created_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(entry_id, field_key) DO UPDATE SET "
            "reason = excluded.reason, source = excluded.source",
            [(entry_id, key, reason, source, at) for key, reason in reasons.items()])

    @staticmethod
    def clear(conn: sqlite3.Connection, entry_id: int, keys: list[str] | None = None) -> None:
        if keys is None:
            conn.execute("DELETE FROM pending_checks WHERE entry_id = ?", (entry_id,))
        else:
            conn.executemany("DELETE FROM pending_checks WHERE entry_id = ? AND field_key = ?",
                             [(entry_id, k) for k in keys])

    # ---- reading ----------------------------------------------------------------------

    def of(self, entry_id: int) -> dict[str, str]:
        """Field key → why it is 待核实, for one record."""
        return {r[0]: r[1] for r in self.ledger.query(
            "SELECT field_key, reason FROM pending_checks WHERE entry_id = ?", (entry_id,))}

    def listing(self, type_key: str | None = None) -> list[PendingCheck]:
        """Every mark on a live record (not in the recycle bin), oldest record first."""
        sql = ("SELECT p.entry_id, e.type_key, p.field_key, p.reason, p.source, p.created_at "
               "FROM pending_checks p JOIN entries e ON e.id = p.entry_id "
               "WHERE e.deleted_at IS NULL")
        params: tuple = ()
        if type_key is not None:
            sql += " AND e.type_key = ?"
            params = (type_key,)
        return [PendingCheck(*r) for r in self.ledger.query(sql + " ORDER BY p.entry_id, "
                                                                  "p.field_key", params)]

    def entry_ids(self, type_key: str) -> set[int]:
        return {p.entry_id for p in self.listing(type_key)}

    def count(self) -> int:
        return int(self.ledger.query(
            "SELECT count(DISTINCT p.entry_id) FROM pending_checks p JOIN entries e "
            "ON e.id = p.entry_id WHERE e.deleted_at IS NULL")[0][0])

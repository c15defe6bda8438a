"""The append-only audit trail (留痕): who changed what, and when.

The table refuses UPDATE and DELETE through triggers, so even a careless tool
working on the file cannot rewrite history without dropping the triggers first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger


@dataclass
class AuditLine:
    id: int
    at: str
    actor: str
    action: str
    entry_id: int | None
    type_key: str | None
    summary: str
    detail: Any


class AuditTrail:
    def __init__(self, ledger: "Ledger"):
        self.ledger = ledger

    def append(self, action: str, entry_id: int | None, type_key: str | None, summary: str,
               detail: Any = None) -> None:
        from ledger_app.store.ledger import now_text

        with self.ledger.transaction() as conn:
            conn.execute(
                "INSERT INTO audit(at, actor, action, entry_id, type_key, summary, detail) "
                "VALUES (?,?,?,?,?,?,?)",
                (now_text(), self.ledger.actor, action, entry_id, type_key, summary,
                 None if detail is None else json.dumps(detail, ensure_ascii=False, default=str)))

    def lines(self, entry_id: int | None = None, limit: int = 500) -> list[AuditLine]:
        where, params = ("WHERE entry_id = ?", [entry_id]) if entry_id is not None else ("", [])
        rows = self.ledger.query(f"SELECT * FROM audit {where} ORDER BY id DESC LIMIT ?",
                                 [*params, limit])
        return [AuditLine(r["id"], r["at"], r["actor"], r["action"], r["entry_id"],
                          r["type_key"], r["summary"],
                          json.loads(r["detail"]) if r["detail"] else None) for r in rows]

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
    def __init__(self, ledger: Ledger):
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

    def search(self, *, date_from: str | None = None, date_to: str | None = None,
               actions: list[str] | None = None, actor: str | None = None,
               entry_id: int | None = None, limit: int = 5000) -> list[AuditLine]:
        """Lines newest first, filtered by day (``YYYY-MM-DD``, both ends included),
        action, who and record."""
        where: list[str] = []
        params: list[Any] = []
        if date_from:
            where.append("at >= ?")
            params.append(date_from)
        if date_to:
            where.append("at < ?")
            params.append(date_to + "T99")      # the whole last day, whatever its time
        if actions:
            where.append(f"action IN ({','.join('?' for _ in actions)})")
            params += actions
        if actor:
            where.append("actor = ?")
            params.append(actor)
        if entry_id is not None:
            where.append("entry_id = ?")
            params.append(entry_id)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.ledger.query(f"SELECT * FROM audit {clause} ORDER BY id DESC LIMIT ?",
                                 [*params, limit])
        return [_line(r) for r in rows]

    def actors(self) -> list[str]:
        return [r[0] for r in self.ledger.query("SELECT DISTINCT actor FROM audit ORDER BY actor")]

    def actions(self) -> list[str]:
        return [r[0] for r in self.ledger.query("SELECT DISTINCT action FROM audit ORDER BY action")]

    def lines(self, entry_id: int | None = None, limit: int = 500) -> list[AuditLine]:
        where, params = ("WHERE entry_id = ?", [entry_id]) if entry_id is not None else ("", [])
        rows = self.ledger.query(f"SELECT * FROM audit {where} ORDER BY id DESC LIMIT ?",
                                 [*params, limit])
        return [_line(r) for r in rows]


def _line(r: Any) -> AuditLine:
    try:
        detail = json.loads(r["detail"]) if r["detail"] else None
    except ValueError:
        detail = r["detail"]
    return AuditLine(r["id"], r["at"], r["actor"], r["action"], r["entry_id"], r["type_key"],
                     r["summary"], detail)

"""Each import is one batch that can be taken back in one step (撤销上次导入): kept in the
ledger's ``import_batches`` table (a numbered schema step), read and undone here.

A batch remembers the ids it inserted and, for records it updated, their values before
and after. Undo refuses when any of those records was changed since the import (undoing
would silently throw that later work away); otherwise, in one transaction, it moves the
inserted records to the recycle bin and puts the updated ones back as they were.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ledger_app.store.errors import LedgerError

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

# The table is made by schema step 4 (store.schema.UPGRADES[3]).
TABLE = "import_batches"


@dataclass
class Batch:
    id: int
    at: str
    type_key: str
    source: str
    inserted: list[int]
    updated: dict[int, tuple[dict[str, Any], dict[str, Any]]]
    undone_at: str | None
    audit_mark: int = 0

    @property
    def summary(self) -> str:
        return (f"{self.at[:16].replace('T', ' ')} 从 {self.source} 导入："
                f"新增 {len(self.inserted)} 条，更新 {len(self.updated)} 条")


def record_batch(conn: sqlite3.Connection, ledger: Ledger, type_key: str, source: str,
                 inserted: list[int],
                 updated: dict[int, tuple[dict[str, Any], dict[str, Any]]]) -> int:
    """Called inside the import's transaction, so the batch lands with the records or not at all."""
    from ledger_app.store.ledger import now_text

    mark = conn.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0]
    cursor = conn.execute(
        f"INSERT INTO {TABLE}(at, actor, type_key, source, inserted, updated, audit_mark) "
        "VALUES (?,?,?,?,?,?,?)",
        (now_text(), ledger.actor, type_key, source, json.dumps(inserted),
         json.dumps({str(k): [b, a] for k, (b, a) in updated.items()}, ensure_ascii=False),
         mark))
    assert cursor.lastrowid is not None     # an INSERT always sets it
    return cursor.lastrowid


def _batch(row: sqlite3.Row) -> Batch:
    updated = {int(k): (v[0], v[1]) for k, v in json.loads(row["updated"]).items()}
    return Batch(row["id"], row["at"], row["type_key"], row["source"],
                 json.loads(row["inserted"]), updated, row["undone_at"], row["audit_mark"])


def batches(ledger: Ledger, type_key: str | None = None) -> list[Batch]:
    """Import batches, newest first."""
    where, params = ("WHERE type_key = ?", [type_key]) if type_key else ("", [])
    return [_batch(r) for r in ledger.query(f"SELECT * FROM {TABLE} {where} ORDER BY id DESC",
                                            params)]


def last_batch(ledger: Ledger, type_key: str | None = None) -> Batch | None:
    """The newest import that has not been undone."""
    for batch in batches(ledger, type_key):
        if batch.undone_at is None:
            return batch
    return None


def undo_import(ledger: Ledger, batch_id: int | None = None) -> Batch:
    """Take one import back (default: the last one not yet undone)."""
    from ledger_app.store.ledger import now_text

    batch = last_batch(ledger) if batch_id is None else next(
        (b for b in batches(ledger) if b.id == batch_id), None)
    if batch is None:
        raise LedgerError("没有可以撤销的导入。")
    if batch.undone_at:
        raise LedgerError(f"这次导入已于 {batch.undone_at[:16].replace('T', ' ')} 撤销过了。")
    rt = ledger.pack.record_type(batch.type_key)
    changed = _changed_since(ledger, batch)
    if changed:
        names = "、".join(changed[:5]) + ("等" if len(changed) > 5 else "")
        raise LedgerError(f"导入后又修改过这些记录：{names}。撤销导入会丢掉这些修改，所以没有撤销。"
                          "如确需撤销，请先手工处理这些记录。")
    live = _live_ids(ledger, batch.inserted)
    with ledger.transaction() as conn:
        for entry_id in batch.inserted:
            if entry_id in live:
                ledger.records.delete(entry_id)
        for entry_id, (before, _after) in batch.updated.items():
            ledger.records.update(entry_id, before)
        conn.execute(f"UPDATE {TABLE} SET undone_at = ? WHERE id = ?", (now_text(), batch.id))
        ledger.audit.append("undo_import", None, rt.key,
                            f"撤销导入{rt.label}：移入回收站 {len(live)} 条，"
                            f"恢复 {len(batch.updated)} 条的原有内容", {"batch": batch.id})
    batch.undone_at = now_text()
    return batch


def _live_ids(ledger: Ledger, ids: list[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" for _ in chunk)
        found |= {r[0] for r in ledger.query(
            f"SELECT id FROM entries WHERE id IN ({marks}) AND deleted_at IS NULL", chunk)}
    return found


def _changed_since(ledger: Ledger, batch: Batch) -> list[str]:
    """Titles of the batch's records that anything touched after the import (the audit
    trail knows: every later change, attendance or attachment writes a line)."""
    rt = ledger.pack.record_type(batch.type_key)
    ids = list(batch.inserted) + list(batch.updated)
    touched: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" for _ in chunk)
        touched |= {r[0] for r in ledger.query(
            f"SELECT DISTINCT entry_id FROM audit WHERE id > ? AND entry_id IN ({marks}) "
            "AND action NOT IN ('delete', 'restore')", [batch.audit_mark, *chunk])}
    changed = []
    for entry_id in sorted(touched):
        try:
            values = ledger.records.get(entry_id, include_deleted=True).values
        except LedgerError:
            changed.append(f"#{entry_id}（已彻底删除）")
            continue
        changed.append(ledger.records.title(rt, values) or f"#{entry_id}")
    return changed

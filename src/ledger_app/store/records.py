"""Records of every declared type: add, change, recycle, restore, list and search.

Bulk reads (ids, pages of rows, chosen fields, names) are in ``store.bulk_reads`` and the
unique-key checks in ``store.unique_keys``; ``Records`` is both, with writing on top."""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Iterable
from typing import Any

from ledger_app.forms import values as fv
from ledger_app.forms.model import RecordType
from ledger_app.store.columns import SEARCHABLE, Record, to_column
from ledger_app.store.errors import LedgerError, ValidationError
from ledger_app.store.schema import table_name
from ledger_app.store.search_text import index_text, match_expression
from ledger_app.store.unique_keys import UniqueKeys


class Records(UniqueKeys):
    # ---- writing ----------------------------------------------------------------------

    def prepare(self, record_type: RecordType, values: dict[str, Any],
                pending: Iterable[str] = ()) -> dict[str, Any]:
        """Coerce raw input to stored values and check it; raises ValidationError. A field
        in ``pending`` (待核实) may be blank even when required."""
        clean: dict[str, Any] = {}
        problems: dict[str, str] = {}
        for f in record_type.stored_fields:
            raw = values.get(f.key)
            try:
                clean[f.key] = fv.coerce(f, raw)
            except (ValueError, TypeError) as exc:
                problems[f.key] = str(exc)
        for key in set(values) - set(clean):
            if key not in {f.key for f in record_type.fields}:
                problems[key] = "没有这个字段"
        waiting = set(pending)
        for key, message in fv.validate(record_type, clean).items():
            if key in waiting and fv.is_empty(clean.get(key)):
                continue
            problems.setdefault(key, message)
        if problems:
            labels = {f.key: f.label for f in record_type.fields}
            raise ValidationError({labels.get(k, k): m for k, m in problems.items()},
                                  record_type.label)
        return clean

    def insert(self, type_key: str, values: dict[str, Any], *, audit: bool = True,
               pending: dict[str, str] | None = None, source: str = "") -> int:
        """Add a record; ``pending`` marks blank fields 待核实 with why (``source``: where
        the record came from, e.g. the imported file and row)."""
        rt = self.pack.record_type(type_key)
        pending = {k: v for k, v in (pending or {}).items() if fv.is_empty(values.get(k))}
        clean = self.prepare(rt, values, pending)
        now = _now()
        with self.ledger.transaction() as conn:
            self.refuse_duplicate(rt, clean, conn=conn)
            cursor = conn.execute(
                "INSERT INTO entries(type_key, year, created_at, updated_at) VALUES (?,?,?,?)",
                (type_key, fv.year_of(rt, clean), now, now))
            assert cursor.lastrowid is not None     # an INSERT always sets it
            entry_id = cursor.lastrowid
            self._write_row(conn, rt, entry_id, clean, insert=True)
            self._index(conn, rt, entry_id, clean)
            if pending:
                self.ledger.pending.mark(conn, entry_id, pending, source, now)
            if audit:
                self.ledger.audit.append("create", entry_id, type_key,
                                         f"新增{rt.label}：{self.title(rt, clean)}",
                                         {"after": clean})
        return entry_id

    def insert_many(self, type_key: str, rows: Iterable[dict[str, Any]]) -> list[int]:
        """Many records in one transaction (imports, demo); one audit line for the batch."""
        rt = self.pack.record_type(type_key)
        ids: list[int] = []
        with self.ledger.transaction():
            for values in rows:
                ids.append(self.insert(type_key, values, audit=False))
            if ids:
                self.ledger.audit.append("create_many", None, type_key,
                                         f"批量新增{rt.label} {len(ids)} 条",
                                         {"ids": [ids[0], ids[-1]], "count": len(ids)})
        return ids

    def update(self, entry_id: int, changes: dict[str, Any],
               pending: dict[str, str] | None = None, source: str = "") -> None:
        """Change a record. A field filled in is no longer 待核实; ``pending`` marks more."""
        current = self.get(entry_id)
        rt = self.pack.record_type(current.type_key)
        merged = {**current.values, **changes}
        marked = self.ledger.pending.of(entry_id)
        pending = {k: v for k, v in (pending or {}).items() if fv.is_empty(merged.get(k))}
        clean = self.prepare(rt, merged, set(marked) | set(pending))
        settled = [k for k in marked if not fv.is_empty(clean.get(k))]
        diff = {k: [current.values.get(k), v] for k, v in clean.items()
                if current.values.get(k) != v}
        if not diff and not pending and not settled:
            return
        with self.ledger.transaction() as conn:
            if rt.unique_key(clean) != rt.unique_key(current.values):
                # A duplicate kept from before stays editable; only a new clash is refused.
                self.refuse_duplicate(rt, clean, exclude=entry_id, conn=conn)
            if settled:
                self.ledger.pending.clear(conn, entry_id, settled)
            if pending:
                self.ledger.pending.mark(conn, entry_id, pending, source, _now())
            if not diff:
                return
            conn.execute("UPDATE entries SET year = ?, updated_at = ? WHERE id = ?",
                         (fv.year_of(rt, clean), _now(), entry_id))
            self._write_row(conn, rt, entry_id, clean, insert=False)
            self._index(conn, rt, entry_id, clean)
            self.ledger.audit.append("update", entry_id, rt.key,
                                     f"修改{rt.label}：{self.title(rt, clean)}", diff)

    def delete(self, entry_id: int) -> None:
        """Move to the recycle bin; nothing is lost until the bin is emptied."""
        record = self.get(entry_id)
        rt = self.pack.record_type(record.type_key)
        with self.ledger.transaction() as conn:
            conn.execute("UPDATE entries SET deleted_at = ? WHERE id = ?", (_now(), entry_id))
            self.ledger.audit.append("delete", entry_id, rt.key,
                                     f"删除{rt.label}（移入回收站）：{self.title(rt, record.values)}")

    def restore(self, entry_id: int) -> None:
        record = self.get(entry_id, include_deleted=True)
        rt = self.pack.record_type(record.type_key)
        with self.ledger.transaction() as conn:
            self.refuse_duplicate(rt, record.values, exclude=entry_id, conn=conn)
            conn.execute("UPDATE entries SET deleted_at = NULL WHERE id = ?", (entry_id,))
            self.ledger.audit.append("restore", entry_id, rt.key,
                                     f"从回收站恢复{rt.label}：{self.title(rt, record.values)}")

    def purge(self, entry_id: int) -> None:
        """Remove a record in the recycle bin for good (the audit trail keeps its values)."""
        record = self.get(entry_id, include_deleted=True)
        if record.deleted_at is None:
            raise LedgerError("只能彻底删除回收站里的记录。")
        rt = self.pack.record_type(record.type_key)
        with self.ledger.transaction() as conn:
            conn.execute(f'DELETE FROM "{table_name(rt.key)}" WHERE id = ?', (entry_id,))
            conn.execute("DELETE FROM attendance WHERE entry_id = ?", (entry_id,))
            conn.execute("DELETE FROM attachments WHERE entry_id = ?", (entry_id,))
            conn.execute("DELETE FROM search_index WHERE rowid = ?", (entry_id,))
            self.ledger.pending.clear(conn, entry_id)
            conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
            conn.execute("DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM attachments)")
            self.ledger.audit.append("purge", entry_id, rt.key,
                                     f"彻底删除{rt.label}：{self.title(rt, record.values)}",
                                     {"before": record.values})

    def _write_row(self, conn: sqlite3.Connection, rt: RecordType, entry_id: int,
                   clean: dict[str, Any], insert: bool) -> None:
        fields = rt.stored_fields
        cols = ", ".join(f'"{f.key}"' for f in fields)
        params = [to_column(f, clean.get(f.key)) for f in fields]
        name = table_name(rt.key)
        if insert:
            marks = ", ".join("?" for _ in fields)
            conn.execute(f'INSERT INTO "{name}"(id, {cols}) VALUES (?, {marks})',
                         [entry_id, *params])
        else:
            sets = ", ".join(f'"{f.key}" = ?' for f in fields)
            conn.execute(f'UPDATE "{name}" SET {sets} WHERE id = ?', [*params, entry_id])

    def _index(self, conn: sqlite3.Connection, rt: RecordType, entry_id: int,
               clean: dict[str, Any]) -> None:
        parts: list[str] = []
        for f in rt.stored_fields:
            value = clean.get(f.key)
            if fv.is_empty(value) or f.type not in SEARCHABLE or f.sensitive:
                continue
            if f.type == "member":
                parts.append(self.member_name(value, conn))
            elif f.type == "members":
                parts.extend(self.member_name(v, conn) for v in value or ())
            elif f.type == "multichoice":
                parts.extend(value or ())
            else:
                parts.append(str(value))
        conn.execute("DELETE FROM search_index WHERE rowid = ?", (entry_id,))
        conn.execute("INSERT INTO search_index(rowid, body) VALUES (?, ?)",
                     (entry_id, index_text(" ".join(parts))))

    # ---- reading one record, lists, search --------------------------------------------

    def get(self, entry_id: int, include_deleted: bool = False) -> Record:
        rows = self.ledger.query("SELECT * FROM entries WHERE id = ?", (entry_id,))
        if not rows or (rows[0]["deleted_at"] and not include_deleted):
            raise LedgerError(f"找不到编号为 {entry_id} 的记录，可能已被删除。")
        entry = rows[0]
        rt = self.pack.record_type(entry["type_key"])
        data = self.ledger.query(f'SELECT * FROM "{table_name(rt.key)}" WHERE id = ?',
                                 (entry_id,))[0]
        return Record(entry_id, rt.key, entry["year"], self.decode(rt, data),
                      entry["created_at"], entry["updated_at"], entry["deleted_at"])

    def list(self, type_key: str, year: int | None = None, search: str | None = None,
             sort_field: str | None = None, descending: bool = False) -> list[Record]:
        ids = self.ids(type_key, year, search, sort_field, descending)
        records: list[Record] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" for _ in chunk)
            meta = {r["id"]: r for r in self.ledger.query(
                f"SELECT * FROM entries WHERE id IN ({marks})", chunk)}
            data = self.rows(type_key, chunk)
            for i in chunk:
                m = meta[i]
                records.append(Record(i, type_key, m["year"], data[i], m["created_at"],
                                      m["updated_at"], m["deleted_at"]))
        return records

    # Below `def list`, a bare `list` in an annotation names that method: builtins.list.

    def search(self, query: str, limit: int = 200) -> builtins.list[tuple[int, str]]:
        """(id, type_key) of live records matching every term, newest first."""
        expression = match_expression(query)
        if expression is None:
            return []
        rows = self.ledger.query(
            "SELECT e.id, e.type_key FROM search_index s JOIN entries e ON e.id = s.rowid "
            "WHERE search_index MATCH ? AND e.deleted_at IS NULL ORDER BY e.id DESC LIMIT ?",
            (expression, limit))
        return [(r[0], r[1]) for r in rows]

    def recycle_bin(self) -> builtins.list[Record]:
        rows = self.ledger.query("SELECT id FROM entries WHERE deleted_at IS NOT NULL "
                                 "ORDER BY deleted_at DESC")
        return [self.get(r[0], include_deleted=True) for r in rows]

    # ---- members ----------------------------------------------------------------------

    def members(self, on_date: str | None = None, include_left: bool = False
                ) -> builtins.list[Record]:
        """Roster records; with a date, those on the roster that day (RULES.md §2: 应到):
        in the Party by then (入党日期), in this branch by then (转入本支部日期, for those who
        transferred in) and not yet gone (转出, 去世, 出党 before that day)."""
        people = self.pack.record_type(self.pack.member_type)
        records = self.list(people.key)
        if include_left:
            return records
        chosen = []
        for r in records:
            if on_date:
                joined, arrived = people.read(r, "joined"), people.read(r, "arrived")
                if (joined and joined > on_date) or (arrived and arrived > on_date):
                    continue
                left = people.read(r, "left")
                if not self.is_active(people, r) and (not left or left <= on_date):
                    continue
            elif not self.is_active(people, r):
                continue
            chosen.append(r)
        return chosen

    @staticmethod
    def is_active(people: RecordType, record: Record | dict[str, Any]) -> bool:
        """Still on the roster: 状态 empty or the value the pack declares as "active"."""
        status = people.read(record, "status")
        return status in (None, "") or status == people.value_for("status", "active")

    def title(self, rt: RecordType, values: dict[str, Any]) -> str:
        key = rt.title_field
        value = values.get(key)
        f = rt.field(key)
        if f.type == "member":
            return self.member_name(value)
        if isinstance(value, list):
            return "、".join(str(v) for v in value)
        return "" if value is None else str(value)


def _now() -> str:
    from ledger_app.store.ledger import now_text
    return now_text()

"""One record per key: a type's declared ``unique`` fields (member + month for 党费) —
the live record already holding a key, every key at once for batch fills and imports,
duplicates kept from before (found cheaply, shown as findings, never deleted), and the
refusal naming the record that holds the key."""

from __future__ import annotations

import sqlite3
from typing import Any

from ledger_app.forms.model import RecordType
from ledger_app.store.bulk_reads import BulkReads
from ledger_app.store.columns import from_column, to_column
from ledger_app.store.errors import ValidationError
from ledger_app.store.schema import table_name


class UniqueKeys(BulkReads):
    def existing(self, rt: RecordType, values: dict[str, Any], exclude: int | None = None,
                 conn: sqlite3.Connection | None = None) -> int | None:
        """The live record that already holds ``values``' unique key (member + month for
        党费), if any; None when the type declares no key or the key is incomplete."""
        key = rt.unique_key(values)
        if key is None:
            return None
        where = " AND ".join(f't."{k}" = ?' for k in rt.unique)
        params = [to_column(rt.field(k), v) for k, v in zip(rt.unique, key)]
        sql = (f'SELECT t.id FROM "{table_name(rt.key)}" t JOIN entries e ON e.id = t.id '
               f"WHERE {where} AND e.deleted_at IS NULL AND t.id IS NOT ? ORDER BY t.id LIMIT 1")
        params.append(exclude)
        found = (conn.execute(sql, params).fetchall() if conn is not None
                 else self.ledger.query(sql, params))
        return int(found[0][0]) if found else None

    def existing_keys(self, type_key: str, conn: sqlite3.Connection | None = None
                      ) -> dict[tuple[Any, ...], int]:
        """Every live record's unique key -> its id (the first, where a ledger holds
        duplicates from before): batch fills and imports look keys up here, not row by row."""
        rt = self.pack.record_type(type_key)
        if not rt.unique:
            return {}
        cols = ", ".join(f't."{k}"' for k in rt.unique)
        sql = (f'SELECT t.id, {cols} FROM "{table_name(rt.key)}" t JOIN entries e '
               f"ON e.id = t.id WHERE e.deleted_at IS NULL ORDER BY t.id DESC")
        rows = conn.execute(sql).fetchall() if conn is not None else self.ledger.query(sql)
        fields = [rt.field(k) for k in rt.unique]
        out: dict[tuple[Any, ...], int] = {}
        for r in rows:
            key = rt.unique_key({f.key: from_column(f, r[n]) for n, f in enumerate(fields, 1)})
            if key is not None:
                out[key] = int(r[0])
        return out

    def duplicates(self, type_key: str, year: int | None = None
                   ) -> list[tuple[tuple[int, ...], str]]:
        """Groups of live records sharing a unique key (kept from before the key was
        declared, or from an old import), each with the key as people read it: shown as
        findings, never deleted. Read for every ``check``: candidates come from the key's
        index alone (recycled records included), then are checked against live records."""
        rt = self.pack.record_type(type_key)
        if not rt.unique:
            return []
        table = table_name(rt.key)
        cols = ", ".join(f'"{k}"' for k in rt.unique)
        filled = " AND ".join(f'"{k}" IS NOT NULL' for k in rt.unique)
        fields = [rt.field(k) for k in rt.unique]
        candidates = [{f.key: from_column(f, r[n]) for n, f in enumerate(fields)}
                      for r in self.ledger.query(
                          f'SELECT {cols} FROM "{table}" {self.by_unique_index(rt)} '
                          f"WHERE {filled} GROUP BY {cols} HAVING count(*) > 1")]
        found = self.duplicates_of(type_key, candidates)
        if year is None or not found:
            return found
        ids = [i for group, _said in found for i in group]
        marks = ",".join("?" for _ in ids)
        years = {int(r[0]): r[1] for r in self.ledger.query(
            f"SELECT id, year FROM entries WHERE id IN ({marks})", ids)}
        return [(group, said) for group, said in found
                if any(years.get(i) == year for i in group)]

    def by_unique_index(self, rt: RecordType) -> str:
        """``INDEXED BY`` the type's unique-key index when the file has it (a ledger last
        opened for writing by an older program, then read-only, may not): SQLite's planner
        would otherwise sort the whole table through another index."""
        table = table_name(rt.key)
        names = {r[1] for r in self.ledger.query(f'PRAGMA index_list("{table}")')}
        return f'INDEXED BY "{table}__unique"' if f"{table}__unique" in names else ""

    def duplicates_of(self, type_key: str, keys: list[dict[str, Any]]
                      ) -> list[tuple[tuple[int, ...], str]]:
        """For each candidate key (values by field key), the live records holding it when
        there are two or more — candidates a bulk read found cheaply, checked here."""
        rt = self.pack.record_type(type_key)
        where = " AND ".join(f't."{k}" = ?' for k in rt.unique)
        out = []
        for values in keys:
            params = [to_column(rt.field(k), values.get(k)) for k in rt.unique]
            ids = tuple(int(r[0]) for r in self.ledger.query(
                f'SELECT t.id FROM "{table_name(rt.key)}" t JOIN entries e ON e.id = t.id '
                f"WHERE {where} AND e.deleted_at IS NULL ORDER BY t.id", params))
            if len(ids) > 1:
                out.append((ids, self.describe_key(rt, values)))
        return sorted(out)

    def describe_key(self, rt: RecordType, values: dict[str, Any],
                     conn: sqlite3.Connection | None = None) -> str:
        """The unique key as people read it: "张三 2025年3月"."""
        from ledger_app.forms import dates

        parts = []
        for k in rt.unique:
            f, value = rt.field(k), values.get(k)
            if f.type == "member":
                parts.append(self.member_name(value, conn))
            elif f.type in ("date", "month"):
                parts.append(dates.chinese(value))
            else:
                parts.append("" if value is None else str(value))
        return " ".join(p for p in parts if p)

    def refuse_duplicate(self, rt: RecordType, values: dict[str, Any],
                         exclude: int | None = None,
                         conn: sqlite3.Connection | None = None) -> None:
        """Raise a ValidationError naming the record that already holds the key."""
        found = self.existing(rt, values, exclude, conn)
        if found is None:
            return
        labels = "、".join(rt.field(k).label for k in rt.unique)
        last = rt.field(rt.unique[-1]).label
        raise ValidationError(
            {last: f"已有一条{rt.label}记录：{self.describe_key(rt, values, conn)}"
                   f"（编号 {found}）。{labels}相同的记录只能有一条，请打开那条记录修改"},
            rt.label)

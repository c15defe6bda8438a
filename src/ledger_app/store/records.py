"""Records of every declared type: add, change, recycle, restore, list and search."""

from __future__ import annotations

import builtins
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ledger_app.forms import values as fv
from ledger_app.forms.model import Field, RecordType
from ledger_app.store.errors import LedgerError, ValidationError
from ledger_app.store.schema import table_name
from ledger_app.store.search_text import index_text, match_expression

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger

SEARCHABLE = ("text", "longtext", "choice", "multichoice", "member", "members")


@dataclass
class Record:
    id: int
    type_key: str
    year: int | None
    values: dict[str, Any]
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key)


def to_column(field: Field, value: Any) -> Any:
    if fv.is_empty(value):
        return None
    if field.type in ("multichoice", "members"):
        return json.dumps(list(value), ensure_ascii=False)
    if field.type == "bool":
        return 1 if value else 0
    return value


def from_column(field: Field, value: Any) -> Any:
    if field.type in ("multichoice", "members"):
        return json.loads(value) if value else []
    if field.type == "bool":
        return None if value is None else bool(value)
    return value


class Records:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self.pack = ledger.pack

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

    # ---- one record per key (a type's ``unique`` fields) ---------------------------------

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

    # ---- reading ----------------------------------------------------------------------

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

    @staticmethod
    def decode(rt: RecordType, row: sqlite3.Row | dict[str, Any]) -> dict[str, Any]:
        keys = row.keys()
        return {f.key: from_column(f, row[f.key]) for f in rt.stored_fields if f.key in keys}

    def _where(self, type_key: str, year: int | None, search: str | None,
               deleted: bool = False) -> tuple[str, list[Any]]:
        clauses = ["e.type_key = ?", "e.deleted_at IS NOT NULL" if deleted
                   else "e.deleted_at IS NULL"]
        params: list[Any] = [type_key]
        if year is not None:
            clauses.append("(e.year = ? OR e.year IS NULL)")
            params.append(year)
        if search and search.strip():
            expression = match_expression(search)
            if expression is None:
                clauses.append("0")
            else:
                clauses.append("e.id IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)")
                params.append(expression)
        return " AND ".join(clauses), params

    @staticmethod
    def _period(rt: RecordType, date_from: str | None, date_to: str | None
                ) -> tuple[str, list[Any]]:
        column = f't."{rt.date_field}"'
        kind = rt.field(rt.date_field).type
        low: int | str
        high: int | str
        if kind == "integer":  # a year
            low, high = int((date_from or "0000")[:4]), int((date_to or "9999")[:4])
        else:
            cut = 7 if kind == "month" else 10
            low, high = (date_from or "0000-01-01")[:cut], (date_to or "9999-12-31")[:cut]
        return f"{column} BETWEEN ? AND ?", [low, high]

    def count(self, type_key: str, year: int | None = None, search: str | None = None) -> int:
        where, params = self._where(type_key, year, search)
        return int(self.ledger.query(f"SELECT count(*) FROM entries e WHERE {where}",
                                     params)[0][0])

    def next_number(self, type_key: str, seq_key: str, year: int | None = None,
                    same: dict[str, Any] | None = None) -> int:
        """The next 序号: one past the highest among live records — of ``year`` when given,
        and agreeing on ``same`` (a list field by its first item: 会议类型's first kind)."""
        rt = self.pack.record_type(type_key)
        where, params = ["e.deleted_at IS NULL"], []
        if year is not None:
            where.append("e.year = ?")
            params.append(year)
        for key, value in (same or {}).items():
            f = rt.field(key)
            column = (f"json_extract(t.\"{key}\", '$[0]')" if f.type in ("multichoice", "members")
                      else f't."{key}"')
            where.append(f"{column} = ?")
            params.append(value)
        found = self.ledger.query(
            f'SELECT max(t."{rt.field(seq_key).key}") FROM "{table_name(type_key)}" t '
            f"JOIN entries e ON e.id = t.id WHERE {' AND '.join(where)}", params)
        return int(found[0][0] or 0) + 1

    def distinct_values(self, type_key: str, field_key: str) -> list[str]:
        """The different non-empty values a text field has among live records (党小组 in use)."""
        self.pack.record_type(type_key).field(field_key)   # a declared field, or KeyError
        return [str(r[0]) for r in self.ledger.query(
            f'SELECT DISTINCT t."{field_key}" FROM "{table_name(type_key)}" t JOIN entries e '
            f'ON e.id = t.id WHERE e.deleted_at IS NULL AND coalesce(t."{field_key}", \'\') != \'\' '
            f'ORDER BY t."{field_key}"')]

    def numbers(self, type_key: str, field_key: str) -> set[int]:
        """The values an integer field (序号) already has among live records."""
        rt = self.pack.record_type(type_key)
        if rt.field(field_key).type != "integer":
            raise LedgerError(f"{rt.label}的{rt.field(field_key).label}不是整数")
        return {int(r[0]) for r in self.ledger.query(
            f'SELECT DISTINCT t."{field_key}" FROM "{table_name(type_key)}" t JOIN entries e '
            f'ON e.id = t.id WHERE e.deleted_at IS NULL AND t."{field_key}" IS NOT NULL')}

    def earliest(self, type_key: str) -> Any:
        """The earliest value of the type's date field among live records (None if none)."""
        rt = self.pack.record_type(type_key)
        if not rt.date_field:
            return None
        column = f't."{rt.date_field}"'
        found = self.ledger.query(
            f'SELECT MIN({column}) FROM "{table_name(type_key)}" t JOIN entries e '
            f"ON e.id = t.id WHERE e.deleted_at IS NULL AND {column} IS NOT NULL")
        return found[0][0] if found else None

    def counts(self, year: int | None = None) -> dict[str, int]:
        params: list[Any] = []
        year_clause = ""
        if year is not None:
            year_clause = "AND (year = ? OR year IS NULL)"
            params.append(year)
        rows = self.ledger.query("SELECT type_key, count(*) FROM entries WHERE deleted_at IS NULL "
                                 f"{year_clause} GROUP BY type_key", params)
        found = {r[0]: int(r[1]) for r in rows}
        return {rt.key: found.get(rt.key, 0) for rt in self.pack.record_types}

    def order_clause(self, rt: RecordType, sort_field: str | None, descending: bool) -> str:
        direction = "DESC" if descending else "ASC"
        if sort_field and sort_field in {f.key for f in rt.stored_fields}:
            return f'ORDER BY t."{sort_field}" IS NULL, t."{sort_field}" {direction}, e.id {direction}'
        if rt.date_field:
            return f'ORDER BY t."{rt.date_field}" DESC, e.id DESC'
        seq = rt.key_for("seq")
        if seq:
            return f'ORDER BY t."{seq}" IS NULL, t."{seq}", e.id'
        return "ORDER BY e.id"

    def ids(self, type_key: str, year: int | None = None, search: str | None = None,
            sort_field: str | None = None, descending: bool = False,
            deleted: bool = False, conn: sqlite3.Connection | None = None,
            date_from: str | None = None, date_to: str | None = None,
            pending_only: bool = False) -> list[int]:
        """Ordered ids only: a view keeps these and reads rows a page at a time.
        ``pending_only``: only records with a field 待核实.

        ``date_from``/``date_to`` (YYYY-MM-DD, inclusive) narrow dated record types to a
        period (a half-year inspection, say); types without a date field are not narrowed."""
        rt = self.pack.record_type(type_key)
        where, params = self._where(type_key, year, search, deleted)
        if (date_from or date_to) and rt.date_field:
            period, period_params = self._period(rt, date_from, date_to)
            where += f" AND {period}"
            params += period_params
        if pending_only:
            where += " AND e.id IN (SELECT entry_id FROM pending_checks)"
        sql = (f'SELECT e.id FROM entries e JOIN "{table_name(type_key)}" t ON t.id = e.id '
               f"WHERE {where} {self.order_clause(rt, sort_field, descending)}")
        if conn is not None:
            return [r[0] for r in conn.execute(sql, params)]
        return [r[0] for r in self.ledger.query(sql, params)]

    def rows(self, type_key: str, ids: list[int],
             conn: sqlite3.Connection | None = None) -> dict[int, dict[str, Any]]:
        """Values of the given records, keyed by id (one page of a table)."""
        if not ids:
            return {}
        rt = self.pack.record_type(type_key)
        marks = ",".join("?" for _ in ids)
        sql = f'SELECT * FROM "{table_name(type_key)}" WHERE id IN ({marks})'
        found = conn.execute(sql, ids).fetchall() if conn is not None \
            else self.ledger.query(sql, ids)
        return {row["id"]: self.decode(rt, row) for row in found}

    def fields_of(self, type_key: str, keys: list[str], year: int | None = None
                  ) -> list[tuple[int, dict[str, Any]]]:
        """(id, {key: value}) of the live records, reading only the named fields — the
        rules need a meeting's date and kinds, not its pages of minutes."""
        rt = self.pack.record_type(type_key)
        fields = [rt.field(k) for k in dict.fromkeys(keys) if k]
        columns = "".join(f', t."{f.key}"' for f in fields)
        select = (f'SELECT e.id{columns} FROM entries e JOIN "{table_name(type_key)}" t '
                  "ON t.id = e.id")
        if year is None:
            where, params = self._where(type_key, None, None)
            rows = self.ledger.query(f"{select} WHERE {where} ORDER BY e.id", params)
        else:
            # The year's records and the undated ones (``_where``'s year test) as two
            # searches of the entries index: its "year = ? OR year IS NULL" made SQLite walk
            # every record of the type and sort the year's afterwards.
            where, params = self._where(type_key, None, None)
            rows = self.ledger.query(f"{select} WHERE {where} AND e.year = ? ORDER BY e.id",
                                     [*params, year])
            undated = self.ledger.query(f"{select} WHERE {where} AND e.year IS NULL "
                                        "ORDER BY e.id", params)
            if undated:
                rows = sorted([*rows, *undated], key=lambda r: r[0])
        # Most columns are stored as they are read; only lists and booleans are decoded,
        # so the rows are zipped and just those few columns fixed up (the rules read
        # 100 k values per check: a decode call per value was a third of its time).
        keys = [f.key for f in fields]
        coded = [(f.key, f) for f in fields if f.type in ("multichoice", "members", "bool")]
        out = [(r[0], dict(zip(keys, r[1:]))) for r in rows]
        for key, f in coded:
            if f.type == "bool":
                for _i, values in out:
                    values[key] = from_column(f, values[key])
                continue
            # A list column holds few distinct texts (a meeting's kinds): each decoded once,
            # every row given its own copy.
            decoded: dict[Any, builtins.list[Any]] = {}
            for _i, values in out:
                raw = values[key]
                found = decoded.get(raw)
                if found is None:
                    found = decoded[raw] = from_column(f, raw)
                values[key] = list(found)
        return out

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

    def member_name(self, member_id: int | None, conn: sqlite3.Connection | None = None) -> str:
        if member_id is None:
            return ""
        people = self.pack.record_type(self.pack.member_type)
        name = people.key_for("person_name") or people.title_field
        sql = f'SELECT "{name}" FROM "{table_name(people.key)}" WHERE id = ?'
        found = (conn.execute(sql, (member_id,)).fetchall() if conn is not None
                 else self.ledger.query(sql, (member_id,)))
        return str(found[0][0]) if found else f"（已删除的{self.pack.member_noun} #{member_id}）"

    def member_names(self, conn: sqlite3.Connection | None = None,
                     ids: builtins.list[int] | None = None, live_only: bool = False
                     ) -> dict[int, str]:
        """Roster id -> name (the field with role person_name), of ``ids`` or of everyone;
        ``live_only`` leaves out those in the recycle bin. The one place a roster's names
        are read in bulk (printouts, workbooks, imports, the window's tables)."""
        people = self.pack.record_type(self.pack.member_type)
        name = people.key_for("person_name") or people.title_field
        sql = f'SELECT t.id, t."{name}" FROM "{table_name(people.key)}" t'
        params: list[Any] = []
        if live_only:
            sql += " JOIN entries e ON e.id = t.id WHERE e.deleted_at IS NULL"
        if ids is not None:
            sql += (" AND" if live_only else " WHERE") + \
                f" t.id IN ({','.join('?' for _ in ids)})"
            params = list(ids)
        rows = conn.execute(sql, params).fetchall() if conn is not None \
            else self.ledger.query(sql, params)
        return {int(r[0]): str(r[1] or "") for r in rows}

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

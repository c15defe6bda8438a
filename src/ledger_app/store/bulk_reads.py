"""Reading records in bulk: ordered ids for a view, pages of rows, chosen fields of many
records (the rules read a meeting's date and kinds, never its minutes), counts, the values
a field already has, and the roster's names. ``Records`` (``store.records``) adds writing
and single records on top; the unique-key checks (``store.unique_keys``) sit between."""

from __future__ import annotations

import builtins
import sqlite3
from typing import TYPE_CHECKING, Any

from ledger_app.forms.model import RecordType
from ledger_app.store.columns import from_column
from ledger_app.store.errors import LedgerError
from ledger_app.store.schema import table_name
from ledger_app.store.search_text import match_expression

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger


class BulkReads:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self.pack = ledger.pack

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

    def stored_values(self, type_key: str, ids: list[int], keys: list[str]
                      ) -> dict[int, tuple[Any, ...]]:
        """The named fields of the given records as stored (lists and flags still encoded),
        keyed by id: a printed table converts each column its own way, once per value."""
        if not ids:
            return {}
        columns = "".join(f', "{k}"' for k in keys)
        marks = ",".join("?" * len(ids))
        rows = self.ledger.query(
            f'SELECT id{columns} FROM "{table_name(type_key)}" WHERE id IN ({marks})', ids)
        return {r[0]: tuple(r[1:]) for r in rows}

    def deleted_count(self) -> int:
        """How many records are in the recycle bin."""
        rows = self.ledger.query("SELECT count(*) FROM entries WHERE deleted_at IS NOT NULL")
        return int(rows[0][0])

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

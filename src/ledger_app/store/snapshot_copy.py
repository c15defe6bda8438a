"""A read-only copy of the period's records for the inspection view (``99_数据/台账.ledger``).

The copy is a real ledger file (same schema, same application id and version), so the
program opens it with ``Ledger.open(readonly=True)`` and shows it with the same code
as a live ledger. It holds only the archived records (plus the members they name),
never the recycle bin; attachment contents are left out because the same files sit
in the category folders (only thumbnails stay, no print copies). When masking, sensitive
columns are masked, the values the audit trail keeps of them too (field by field), and
every other text (notes, captions, file names, the search index) has the numbers in it
hidden, all through ``forms.display``; the copy is then VACUUMed so no old value
survives in a free page.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ledger_app.forms.display import mask, redact_free_text
from ledger_app.forms.model import Field
from ledger_app.store.schema import table_name
from ledger_app.store.signing import KEY_SETTING

_CORE_FILTERS = {
    # The ledger's private signing key never leaves the ledger (anyone holding it could
    # sign forged archives in the branch's name).
    "settings": f"key != '{KEY_SETTING}'",
    "entries": "id IN (SELECT id FROM temp.keep)",
    "attendance": "entry_id IN (SELECT id FROM temp.keep)",
    "attachments": "entry_id IN (SELECT id FROM temp.keep) AND deleted_at IS NULL",
    "audit": "entry_id IS NULL OR entry_id IN (SELECT id FROM temp.keep)",
    "pending_checks": "entry_id IN (SELECT id FROM temp.keep)",
    # An import batch holds whole rows before and after, of any year, for 撤销导入; a
    # read-only archive cannot undo anything, so none of them travels (a 2025 archive
    # would otherwise carry 2026 members' rows).
    "import_batches": "0",
}


def referenced_members(ledger: Any, entry_ids: Iterable[int]) -> set[int]:
    """Roster ids named by these records (attendance, member and members fields)."""
    ids = list(entry_ids)
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" for _ in chunk)
        found |= {r[0] for r in ledger.query(
            f"SELECT DISTINCT member_id FROM attendance WHERE entry_id IN ({marks})", chunk)}
        types = {r[0] for r in ledger.query(
            f"SELECT DISTINCT type_key FROM entries WHERE id IN ({marks})", chunk)}
        for key in types:
            rt = ledger.pack.record_type(key)
            for f in rt.stored_fields:
                if f.type not in ("member", "members"):
                    continue
                for row in ledger.query(f'SELECT "{f.key}" FROM "{table_name(key)}" '
                                        f"WHERE id IN ({marks})", chunk):
                    value = row[0]
                    if value is None:
                        continue
                    if f.type == "member":
                        found.add(int(value))
                    else:
                        found.update(int(v) for v in json.loads(value))
    return found


def write_snapshot(ledger: Any, dest: Path, entry_ids: Iterable[int], masked: bool) -> None:
    """Write the copy to ``dest`` (which must not exist)."""
    keep = set(entry_ids)
    keep |= referenced_members(ledger, keep)
    source_uri = ledger.reader_uri()
    # Opened as a URI so that ATTACH accepts the read-only URI of the source.
    conn = sqlite3.connect(Path(dest).resolve().as_uri(), uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("ATTACH DATABASE ? AS src", (source_uri,))
        _copy(conn, ledger, keep, masked)
        conn.execute("DETACH DATABASE src")
        conn.execute("VACUUM")
    finally:
        conn.close()


def _copy(conn: sqlite3.Connection, ledger: Any, keep: set[int], masked: bool) -> None:
    objects = conn.execute("SELECT type, name, tbl_name, sql FROM src.sqlite_master "
                           "WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    virtual = [name for kind, name, _, sql in objects
               if kind == "table" and sql.upper().startswith("CREATE VIRTUAL TABLE")]
    shadow = {name for kind, name, _, _ in objects
              if kind == "table" and any(name.startswith(v + "_") for v in virtual)}
    tables = [(name, sql) for kind, name, _, sql in objects
              if kind == "table" and name not in shadow and not name.startswith("sqlite_")]
    conn.execute("BEGIN")
    conn.execute("CREATE TEMP TABLE keep(id INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO temp.keep(id) VALUES (?)", [(i,) for i in keep])
    for _name, sql in tables:
        conn.execute(sql)
    record_tables = {table_name(rt.key): rt for rt in ledger.pack.record_types}
    conn.create_function("mask_text", 1, _redact if masked else (lambda value: value),
                         deterministic=True)
    # Blobs last: which ones to keep follows from the attachments copied before.
    for name, _sql in sorted(tables, key=lambda t: t[0] == "blobs"):
        if name in virtual:
            if name == "search_index":
                conn.execute("INSERT INTO main.search_index(rowid, body) SELECT rowid, "
                             "mask_text(body) FROM src.search_index "
                             "WHERE rowid IN (SELECT id FROM temp.keep)")
            continue
        columns = [r[1] for r in conn.execute(f'PRAGMA src.table_info("{name}")')]
        col_list = ", ".join(f'"{c}"' for c in columns)
        if name == "blobs":
            # Contents stay in the category folders and the record pages are in the
            # archive as PDFs, so the print copies go too (a quarter of a photo each,
            # and incompressible); thumbnails stay and keep the view quick.
            select = ", ".join("X''" if c == "data" else "NULL" if c == "print_jpeg"
                               else f'"{c}"' for c in columns)
            conn.execute(f"INSERT INTO main.blobs({col_list}) SELECT {select} FROM src.blobs "
                         "WHERE sha256 IN (SELECT sha256 FROM main.attachments)")
            continue
        where = _CORE_FILTERS.get(name)
        if name in record_tables:
            where = "id IN (SELECT id FROM temp.keep)"
        clause = f"WHERE {where}" if where else ""
        conn.execute(f'INSERT INTO main."{name}"({col_list}) SELECT {col_list} '
                     f'FROM src."{name}" {clause}')
    if masked:
        _mask(conn, tables, virtual, record_tables)
    for kind, name, _, sql in objects:
        if kind in ("index", "trigger") and name not in shadow:
            conn.execute(sql)
    for pragma in ("application_id", "user_version"):
        value = int(conn.execute(f"PRAGMA src.{pragma}").fetchone()[0])
        conn.execute(f"PRAGMA main.{pragma} = {value}")
    conn.execute("COMMIT")


def _redact(value: Any) -> Any:
    return redact_free_text(value) if isinstance(value, str) else value


def _mask(conn: sqlite3.Connection, tables: list[tuple[str, str]], virtual: list[str],
          record_tables: dict[str, Any]) -> None:
    sensitive_of = {rt.key: {f.key: f for f in rt.stored_fields if f.sensitive}
                    for rt in record_tables.values()}
    conn.create_function("mask_detail", 2,
                         lambda type_key, detail: _mask_detail(sensitive_of.get(type_key, {}),
                                                               detail))
    for name, _ in tables:
        if name in virtual or name == "blobs":
            continue
        rt = record_tables.get(name)
        sensitive = sensitive_of[rt.key] if rt else {}
        for f in sensitive.values():
            conn.create_function(f"mask_{f.key}", 1,
                                 lambda v, f=f: mask(f, v) if isinstance(v, str) else v)
            conn.execute(f'UPDATE main."{name}" SET "{f.key}" = mask_{f.key}("{f.key}") '
                         f'WHERE "{f.key}" IS NOT NULL')
        for column in [r[1] for r in conn.execute(f'PRAGMA main.table_info("{name}")')]:
            if column in sensitive:
                continue
            if name == "audit" and column == "detail":
                conn.execute('UPDATE main.audit SET detail = mask_detail(type_key, detail) '
                             "WHERE typeof(detail) = 'text'")
                continue
            conn.execute(f'UPDATE main."{name}" SET "{column}" = mask_text("{column}") '
                         f'WHERE typeof("{column}") = \'text\'')


def _mask_detail(sensitive: dict[str, Field], detail: str) -> str:
    """An audit line's before/after values, masked field by field: a phone written as
    8 bare digits has no phone shape, so only its field's key says what it is."""
    try:
        data = json.loads(detail)
    except ValueError:
        return redact_free_text(detail)

    def walk(node: Any, field: Field | None) -> Any:
        if isinstance(node, dict):
            return {k: walk(v, sensitive.get(k, field)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, field) for v in node]
        if isinstance(node, str):
            return mask(field, node) if field is not None else redact_free_text(node)
        return node

    return json.dumps(walk(data, None), ensure_ascii=False)

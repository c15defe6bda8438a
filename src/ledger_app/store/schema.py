"""The ledger file's tables: a fixed core, plus one table per declared record type.

Core schema changes are numbered steps (``PRAGMA user_version``); record-type
tables follow the declarations on every open: a new field becomes a new column
with existing data intact, a declared rename renames the column, a declared
removal drops it. Nothing undeclared is guessed.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from ledger_app.forms.model import RecordType

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlite_utils.db import Table

log = logging.getLogger(__name__)

# 'LDGR': marks an SQLite file as a ledger, so any other database is refused.
APPLICATION_ID = 0x4C444752
SCHEMA_VERSION = 4

CORE_V1 = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL            -- JSON
);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    type_key TEXT NOT NULL,
    year INTEGER,                  -- from the declared date field; NULL: belongs to every year
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT                -- set: in the recycle bin
);
CREATE INDEX entries_by_type ON entries(type_key, deleted_at, year);
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,       -- content address: the same photo is stored once
    size INTEGER NOT NULL,
    mime TEXT NOT NULL,
    width INTEGER,
    height INTEGER,
    data BLOB NOT NULL,
    thumb BLOB                     -- small JPEG for images
);
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries(id),
    field_key TEXT NOT NULL,
    sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    filename TEXT NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX attachments_by_entry ON attachments(entry_id, field_key, position);
CREATE TABLE attendance (
    entry_id INTEGER NOT NULL REFERENCES entries(id),
    member_id INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('present', 'leave', 'absent')),
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (entry_id, member_id)
) WITHOUT ROWID;
CREATE INDEX attendance_by_member ON attendance(member_id);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,          -- create, update, delete, restore, purge, attach, settings...
    entry_id INTEGER,
    type_key TEXT,
    summary TEXT NOT NULL,
    detail TEXT                    -- JSON: changed values before and after
);
CREATE INDEX audit_by_entry ON audit(entry_id);
-- 留痕: the audit trail can only grow.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE VIRTUAL TABLE search_index USING fts5(body, tokenize = 'unicode61 remove_diacritics 0');
"""

# Numbered upgrade steps: UPGRADES[n] takes a file from version n to n + 1. A new file is
# made as version 1 and taken through every step, so new and upgraded files are the same.
UPGRADES: dict[int, str] = {
    # 2: a print-size rendition of each image, made once when it is attached, so printing
    # and archiving never decode a multi-MB phone photo again; and the photo itself moved to
    # the end of the row: SQLite reaches a column stored after a large value only by walking
    # that value's overflow pages, so reading 260 thumbnails read a gigabyte of photos.
    1: """
    ALTER TABLE blobs ADD COLUMN print_jpeg BLOB;
    ALTER TABLE blobs ADD COLUMN data_last BLOB;
    UPDATE blobs SET data_last = data;
    ALTER TABLE blobs DROP COLUMN data;
    ALTER TABLE blobs RENAME COLUMN data_last TO data;
    """,
    # 3: 待核实 — a field an import could not fill with certainty (a 2003.1 that is January
    # or October, 学历 "大学", a column the sheet lacks), kept with the record and why, so the
    # secretary can find and settle it; a required field may be blank only while marked here.
    2: """
    CREATE TABLE pending_checks (
        entry_id INTEGER NOT NULL REFERENCES entries(id),
        field_key TEXT NOT NULL,
        reason TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, field_key)
    ) WITHOUT ROWID;
    """,
    # 4: import batches (撤销导入) as part of the schema, not a table an import made on the
    # side: every ledger has it, and the archive snapshot knows to leave it out. Ledgers
    # that imported before already have it.
    3: """
    CREATE TABLE IF NOT EXISTS import_batches (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        type_key TEXT NOT NULL,
        source TEXT NOT NULL,           -- file name and sheet
        inserted TEXT NOT NULL,         -- JSON list of record ids
        updated TEXT NOT NULL,          -- JSON {id: [before, after]}
        audit_mark INTEGER NOT NULL,    -- last audit line written by the import itself
        undone_at TEXT
    );
    """,
}

SQL_TYPES = {
    "text": str, "longtext": str, "choice": str, "date": str, "month": str,
    "multichoice": str, "members": str,  # JSON lists
    "integer": int, "money": int, "bool": int, "member": int,
}


def table_name(type_key: str) -> str:
    return f"t_{type_key}"


def create_core(conn: sqlite3.Connection) -> None:
    _run_script(conn, CORE_V1)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    upgrade_core(conn, 1)


def upgrade_core(conn: sqlite3.Connection, from_version: int) -> None:
    """Run the steps from ``from_version`` up, inside the caller's transaction."""
    for version in range(from_version, SCHEMA_VERSION):
        _run_script(conn, UPGRADES[version])
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT first; statement by statement keeps it all in the
    # caller's one transaction, so a failed upgrade leaves the file as it was.
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        conn.execute(statement)


def _utils_table(conn: sqlite3.Connection, name: str) -> Table:
    # Imported only when a table must be created or widened: importing sqlite_utils and
    # loading its plugins costs about 0.1 s, which every open would otherwise pay.
    import sqlite_utils

    return sqlite_utils.Database(conn).table(name)


def sync_record_table(conn: sqlite3.Connection, record_type: RecordType) -> list[str]:
    """Bring one record type's table in line with its declaration; returns what changed."""
    name = table_name(record_type.key)
    changes: list[str] = []
    existing = {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}
    if not existing:
        columns: dict[str, type] = {"id": int}
        columns.update({f.key: SQL_TYPES[f.type] for f in record_type.stored_fields})
        _utils_table(conn, name).create(columns, pk="id", foreign_keys=[("id", "entries", "id")])
        return [f"新建表 {name}"]
    for old, new in record_type.renames.items():
        if old in existing and new not in existing:
            conn.execute(f'ALTER TABLE "{name}" RENAME COLUMN "{old}" TO "{new}"')
            existing = (existing - {old}) | {new}
            changes.append(f"{name}.{old} 改名为 {new}")
    for old in record_type.removed:
        if old in existing:
            conn.execute(f'ALTER TABLE "{name}" DROP COLUMN "{old}"')
            existing.discard(old)
            changes.append(f"{name}.{old} 已按声明删除")
    for f in record_type.stored_fields:
        if f.key not in existing:
            _utils_table(conn, name).add_column(f.key, SQL_TYPES[f.type])
            changes.append(f"{name} 新增字段 {f.key}")
    undeclared = existing - {"id"} - {f.key for f in record_type.stored_fields}
    if undeclared:
        # Kept with their data: only a declared rename or removal may touch them.
        log.warning("%s keeps undeclared columns %s", name, sorted(undeclared))
    for f in record_type.stored_fields:
        if f.type in ("member", "date", "month", "integer") or f.key == record_type.title_field:
            conn.execute(f'CREATE INDEX IF NOT EXISTS "{name}_{f.key}" ON "{name}"("{f.key}")')
    if record_type.unique:
        # Not a UNIQUE index: a ledger may already hold duplicates (kept, and shown as
        # findings) and must still open; the store refuses new ones by looking them up here.
        cols = ", ".join(f'"{k}"' for k in record_type.unique)
        conn.execute(f'CREATE INDEX IF NOT EXISTS "{name}__unique" ON "{name}"({cols})')
    unpaid = unpaid_index(record_type)
    if unpaid:
        conn.execute(unpaid)
    return changes


def read_as_declared(conn: sqlite3.Connection, record_types: Iterable[RecordType]) -> list[str]:
    """On a read-only connection, make every declared table and column readable.

    A ledger last written before the pack declared a field (or a whole record type) lacks
    its column (or table), and a read-only open must not add it. A TEMP view of the same
    name, which SQLite finds before the file's own table, adds the missing columns as
    NULL — an empty field — so every read, whatever it names, works unchanged; the file is
    not touched and opening it for writing adds the real columns as before."""
    shadowed = []
    for record_type in record_types:
        name = table_name(record_type.key)
        existing = {row[1] for row in conn.execute(f'PRAGMA main.table_info("{name}")')}
        declared = ["id", *(f.key for f in record_type.stored_fields)]
        missing = [key for key in declared if key not in existing]
        if not missing:
            continue
        nulls = ", ".join(f'NULL AS "{key}"' for key in missing)
        if existing:
            body = f'SELECT m.*, {nulls} FROM main."{name}" AS m'
        else:
            body = f"SELECT {nulls} WHERE 0"
        conn.execute(f'CREATE TEMP VIEW "{name}" AS {body}')
        shadowed.append(name)
    return shadowed


def unpaid_clause(record_type: RecordType) -> str | None:
    """The dues type's "not paid" condition, spelled once: the partial index below and the
    query that reads through it must say exactly the same words."""
    paid = record_type.key_for("dues_paid")
    if record_type.role != "dues" or not paid:
        return None
    return f'"{paid}" IS NULL OR "{paid}" <= 0'


def unpaid_index(record_type: RecordType) -> str | None:
    """A small partial index of the unpaid dues records (person, month): the arrears check
    reads them without walking every payment the ledger holds."""
    clause, person = unpaid_clause(record_type), record_type.key_for("person")
    if clause is None or not person or not record_type.date_field:
        return None
    name = table_name(record_type.key)
    return (f'CREATE INDEX IF NOT EXISTS "{name}__unpaid" ON "{name}"("{person}", '
            f'"{record_type.date_field}") WHERE {clause}')

"""Opening an archive's snapshot defensively: a crafted ``台账.ledger`` is refused.

The snapshot comes from whoever made the zip, so before the program reads it as a ledger
its schema and contents are checked on a connection that trusts nothing in the file
(``trusted_schema`` off, values limited in size, a time limit), on the worker thread:

- no views (a view in place of a table runs the maker's query on every read: a recursive
  one freezes the window, a ``zeroblob`` one exhausts memory), no virtual tables other
  than the search index, no generated columns, no triggers but the two that keep the
  audit trail append-only, exactly as this program writes them;
- no value larger than ``MAX_VALUE`` bytes and no table with more than ``MAX_ROWS`` rows
  (ours hold thumbnails and text, never whole photos);
- the file is whole (``quick_check``), all within ``TIME_LIMIT`` seconds.

Each refusal is a plain message naming what was found; nothing is opened after it.
A snapshot that passes and was written by an earlier version is then upgraded in place
(``bring_up_to_date``: it is the private copy in the temporary folder, never the archive).
"""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path

from ledger_app.store.errors import LedgerError
from ledger_app.store.schema import CORE_V1

MAX_VALUE = 32 * 1024 * 1024
MAX_ROWS = 5_000_000
TIME_LIMIT = 60.0

_TRIGGERS = {m.group(1): " ".join(m.group(0).split()) for m in re.finditer(
    r"CREATE TRIGGER (\w+) .*?END", CORE_V1, re.S)}
_FTS_SHADOWS = {f"search_index_{s}" for s in ("data", "idx", "content", "docsize", "config")}


class CraftedSnapshotError(LedgerError):
    """The snapshot is not one this program wrote; it is not opened."""


def _refuse(why: str) -> CraftedSnapshotError:
    return CraftedSnapshotError(f"检查档案中的台账快照不是本程序生成的（{why}），为安全起见不予打开。"
                                "档案中的 PDF、Excel 和照片仍可解压后直接查看。")


def check_snapshot(path: Path, time_limit: float = TIME_LIMIT) -> None:
    """Raise CraftedSnapshotError unless ``path`` is safe to open as a ledger snapshot."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True)
    deadline = time.monotonic() + time_limit
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 1000)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA cell_size_check = ON")
        _check_schema(conn)
        _check_contents(conn)
        problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            raise _refuse(f"文件已损坏：{problems[0][:80]}")
    except sqlite3.Error as exc:
        text = str(exc).lower()
        if "interrupt" in text:
            raise _refuse(f"检查超过 {time_limit:.0f} 秒仍未完成") from None
        if "too big" in text:
            raise _refuse(f"有超过 {MAX_VALUE // 1024 // 1024} MB 的单个数据") from None
        raise _refuse(f"无法按台账读取：{str(exc)[:80]}") from None
    finally:
        conn.close()


def _check_schema(conn: sqlite3.Connection) -> None:
    objects = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, _table, sql in objects:
        if kind == "view":
            raise _refuse(f"有视图 {name}")
        if kind == "trigger" and _TRIGGERS.get(name) != " ".join(str(sql).split()):
            raise _refuse(f"有触发器 {name}")
        if (kind == "table" and str(sql or "").upper().startswith("CREATE VIRTUAL TABLE")
                and (name != "search_index"
                     or "USING FTS5(" not in str(sql).upper().replace(" (", "("))):
            raise _refuse(f"有虚拟表 {name}")
    tables = [name for kind, name, _, sql in objects
              if kind == "table" and not str(sql or "").upper().startswith("CREATE VIRTUAL")]
    for name in tables:
        hidden = [r[1] for r in conn.execute(f'PRAGMA table_xinfo("{_quoted(name)}")')
                  if r[6] in (2, 3)]
        if hidden:
            raise _refuse(f"表 {name} 有计算列 {hidden[0]}")
    if "entries" not in tables or "settings" not in tables:
        raise _refuse("缺少记录表")


def _check_contents(conn: sqlite3.Connection) -> None:
    """Read every value once: a value over the length limit raises ``too big``."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    for name in tables:
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{_quoted(name)}")')]
        if not columns:
            continue
        lengths = ", ".join(f'max(length("{_quoted(c)}"))' for c in columns)
        row = conn.execute(f'SELECT count(*), {lengths} FROM "{_quoted(name)}"').fetchone()
        if row[0] > MAX_ROWS:
            raise _refuse(f"表 {name} 有 {row[0]} 行")
        # length() of a text counts characters; the limit is on bytes, and is checked as
        # each value is loaded. A blob's length is read from its header.
        if any(n is not None and n > MAX_VALUE for n in row[1:]):
            raise _refuse(f"表 {name} 中有超过 {MAX_VALUE // 1024 // 1024} MB 的单个数据")


def _quoted(name: str) -> str:
    return str(name).replace('"', '""')


def bring_up_to_date(snapshot: Path) -> None:
    """An archive made by an earlier version of the program holds an older snapshot.
    Its private copy in the temporary folder is upgraded like any ledger (the archive
    itself is never touched); a snapshot from a newer program is refused on opening."""
    from ledger_app.store import Ledger
    from ledger_app.store.schema import SCHEMA_VERSION

    conn = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:
        return   # not readable as a ledger: Ledger.open says what is wrong with it
    finally:
        conn.close()
    if 0 < version < SCHEMA_VERSION:
        Ledger.open(snapshot, make_key=False).close()

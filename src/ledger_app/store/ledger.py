"""One organisation's ledger: one SQLite file, opened exclusively.

``Ledger.create`` and ``Ledger.open`` give a Ledger whose parts do the work:
``ledger.records`` (records, recycle bin, search), ``ledger.attachments``,
``ledger.attendance`` and ``ledger.audit``. Every write runs in one transaction
(``with ledger.transaction():``); a failure rolls the whole write back.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from ledger_app import __version__
from ledger_app.forms.model import Pack
from ledger_app.forms.packs import PackNotInstalled, installed_pack
from ledger_app.store import schema, signing
from ledger_app.store.errors import (
    DiskFullError,
    LedgerError,
    NewerVersionError,
    NotALedgerError,
    ReadOnlyError,
    plain_reason,
)
from ledger_app.store.lock import LedgerLock
from ledger_app.store.reading import ReadView, finish, open_for_reading, upgraded_copy

LEDGER_SUFFIX = ".ledger"


def now_text() -> str:
    return datetime.now().isoformat(timespec="seconds")


def translate_sqlite_error(exc: sqlite3.Error) -> LedgerError | None:
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFullError("磁盘空间不足，这次保存没有完成，台账保持保存前的样子。"
                             "请清理磁盘或把台账复制到有空间的位置后再试。")
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError("台账文件是只读的，不能保存修改。请检查文件属性或U盘的写保护开关。")
    if "file is not a database" in text or "malformed" in text:
        return NotALedgerError("台账文件已损坏或不是台账文件。")
    if "locked" in text or "busy" in text:
        return LedgerError("台账文件暂时被占用，请稍后再试。")
    return None


class Ledger:
    # Set on a read-only open: how it reads the file (see store.reading).
    _read_view: ReadView | None = None

    def __init__(self, path: Path, conn: sqlite3.Connection, pack: Pack,
                 lock: LedgerLock | None, readonly: bool):
        from ledger_app.store.attachments import Attachments
        from ledger_app.store.attendance import Attendance
        from ledger_app.store.audit import AuditTrail
        from ledger_app.store.derived import Derived
        from ledger_app.store.pending import PendingChecks
        from ledger_app.store.records import Records

        self.path = path
        self.pack = pack
        self.readonly = readonly
        self._conn = conn
        self._lock = lock
        self._mutex = threading.RLock()
        self._depth = 0
        self.actor = getpass.getuser()
        self.audit = AuditTrail(self)
        self.records = Records(self)
        self.attachments = Attachments(self)
        self.attendance = Attendance(self)
        self.pending = PendingChecks(self)
        self.derived = Derived(self)

    # ---- opening and closing -------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], org: dict[str, Any],
               pack: Pack | None = None) -> Ledger:
        path = Path(path)
        if path.exists():
            raise LedgerError(f"文件 {path.name} 已存在，不会覆盖。请换一个文件名。")
        pack = pack or installed_pack(None)
        if not str(org.get("org_name", "")).strip():
            raise LedgerError("请填写组织名称。")
        temporary = path.with_name(path.name + ".creating")
        try:
            temporary.unlink(missing_ok=True)
            conn = cls._connect(temporary)
            with conn:
                conn.execute("BEGIN")
                schema.create_core(conn)
                for rt in pack.record_types:
                    schema.sync_record_table(conn, rt)
                settings = {"_pack": pack.key, "_created_with": __version__,
                            "_created_at": now_text(), **org}
                conn.executemany("INSERT INTO settings(key, value) VALUES (?, ?)",
                                 [(k, json.dumps(v, ensure_ascii=False))
                                  for k, v in settings.items()])
                signing.ensure_key(conn)
            conn.close()
            os.replace(temporary, path)  # a half-created ledger never carries the real name
        except sqlite3.Error as exc:
            temporary.unlink(missing_ok=True)
            raise translate_sqlite_error(exc) or LedgerError(f"无法创建台账：{exc}") from exc
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise LedgerError(f"无法在 {path.parent} 创建台账文件：{plain_reason(exc)}") from exc
        ledger = cls.open(path, pack=pack)
        ledger.audit.append("create_ledger", None, None, f"新建台账：{org.get('org_name')}")
        return ledger

    @classmethod
    def open(cls, path: str | os.PathLike[str], readonly: bool = False,
             pack: Pack | None = None, *, make_key: bool = True) -> Ledger:
        """``make_key=False`` for private copies (an upgraded read-only copy, an archive's
        snapshot): a key made there would sign archives with a key the ledger does not have."""
        path = Path(path)
        if not path.is_file():
            raise LedgerError(f"找不到台账文件 {path}。")
        cls._check_header(path)
        if readonly:
            return cls._open_readonly(path, pack)
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise ReadOnlyError(f"台账文件 {path.name} 或其所在文件夹是只读的，不能在这里修改。"
                                "可以把它复制到“我的文档”等可写的位置再打开，或以只读方式查看。")
        lock = LedgerLock(path)
        try:
            lock.acquire()
        except OSError as exc:
            raise ReadOnlyError(f"不能在 {path.parent} 中建立锁文件（{plain_reason(exc)}），"
                                "文件夹可能是只读的。") from exc
        try:
            conn = cls._connect(path)
            version = cls._check_identity(conn, path)
            try:
                pack = pack or cls._recorded_pack(conn)
            except PackNotInstalled as exc:
                conn.close()
                raise LedgerError(str(exc)) from None
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                if version < schema.SCHEMA_VERSION:
                    cls._backup_before_migration(path, version)
                    schema.upgrade_core(conn, version)
                for rt in pack.record_types:
                    schema.sync_record_table(conn, rt)
                if make_key:   # a ledger from before signing gets its key here
                    signing.ensure_key(conn)
            return cls(path, conn, pack, lock, readonly=False)
        except sqlite3.Error as exc:
            lock.release()
            raise translate_sqlite_error(exc) or LedgerError(f"无法打开台账：{exc}") from exc
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_readonly(cls, path: Path, pack: Pack | None) -> Ledger:
        """Open for reading only: sees every committed change, takes no lock, changes
        nothing. A ledger written by an older version is read from a private upgraded
        copy; the ledger itself is upgraded only when opened for writing."""
        view: ReadView | None = None
        copy: Path | None = None
        try:
            view = open_for_reading(path)
            version = cls._check_identity(view.conn, path)
            if version < schema.SCHEMA_VERSION:
                copy = upgraded_copy(view, path)
                finish(view)
                view = None
                cls.open(copy, pack=pack, make_key=False).close()
                view = open_for_reading(copy)
                view.private_folder = copy.parent   # removed when this ledger is closed
        except BaseException as exc:
            if view is not None:
                finish(view)
            if copy is not None:
                shutil.rmtree(copy.parent, ignore_errors=True)
            if isinstance(exc, sqlite3.Error):
                raise translate_sqlite_error(exc) or LedgerError(f"无法读取台账：{exc}") from exc
            raise
        try:
            pack = pack or cls._recorded_pack(view.conn)
        except PackNotInstalled as exc:
            finish(view)
            if copy is not None:
                shutil.rmtree(copy.parent, ignore_errors=True)
            raise LedgerError(str(exc)) from None
        try:
            schema.read_as_declared(view.conn, pack.record_types)
        except sqlite3.Error as exc:
            finish(view)
            if copy is not None:
                shutil.rmtree(copy.parent, ignore_errors=True)
            raise translate_sqlite_error(exc) or LedgerError(f"无法读取台账：{exc}") from exc
        ledger = cls(path, view.conn, pack, None, readonly=True)
        ledger._read_view = view
        return ledger

    @staticmethod
    def _recorded_pack(conn: sqlite3.Connection) -> Pack:
        """The pack the ledger was created with (setting ``_pack``)."""
        row = conn.execute("SELECT value FROM settings WHERE key = '_pack'").fetchone()
        return installed_pack(json.loads(row[0]) if row else None)

    @staticmethod
    def _check_header(path: Path) -> None:
        """Refuse foreign files from the 100-byte header alone, before any connection:
        opening another program's database for writing would already change it."""
        try:
            with open(path, "rb") as fh:
                head = fh.read(100)
        except OSError as exc:
            raise LedgerError(f"无法读取 {path.name}：{plain_reason(exc)}") from exc
        if len(head) < 100 or not head.startswith(b"SQLite format 3\x00"):
            raise NotALedgerError(f"{path.name} 不是台账文件（内容不是本程序的数据格式）。"
                                  "请选择扩展名为 .ledger 的台账文件。")
        application_id = int.from_bytes(head[68:72], "big")
        user_version = int.from_bytes(head[60:64], "big")
        if application_id != schema.APPLICATION_ID:
            raise NotALedgerError(f"{path.name} 是一个数据库文件，但不是台账文件。")
        if user_version > schema.SCHEMA_VERSION:
            raise NewerVersionError(f"{path.name} 由更新版本的程序写成（数据格式第 {user_version} 版，"
                                    f"本程序只认识到第 {schema.SCHEMA_VERSION} 版）。"
                                    "为免损坏数据不能打开，请升级程序。")

    @staticmethod
    def _check_identity(conn: sqlite3.Connection, path: Path) -> int:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise NotALedgerError(f"{path.name} 已损坏或不是台账文件。") from exc
        if app_id != schema.APPLICATION_ID:
            conn.close()
            raise NotALedgerError(f"{path.name} 是一个数据库文件，但不是台账文件。")
        if version > schema.SCHEMA_VERSION:
            conn.close()
            raise NewerVersionError(f"{path.name} 由更新版本的程序写成（数据格式第 {version} 版，"
                                    f"本程序只认识到第 {schema.SCHEMA_VERSION} 版）。"
                                    "为免损坏数据不能打开，请升级程序。")
        return version

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=5)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")  # a committed write survives a power cut
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    @staticmethod
    def _backup_before_migration(path: Path, version: int) -> None:
        backup = path.with_name(f"{path.stem}.升级前备份-v{version}{path.suffix}")
        if not backup.exists():
            shutil.copy2(path, backup)

    def close(self) -> None:
        with self._mutex:
            # A closed ledger's _conn is None (see below), typed as open for every other use.
            if self._conn is None:
                return  # type: ignore[unreachable]
            if not self.readonly:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()
            self._conn = None  # type: ignore[assignment]
            if self._read_view is not None:
                finish(self._read_view)
            if self._lock:
                self._lock.release()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        self.close()
        from ledger_app.store.integrity import is_damage

        if is_damage(exc):
            # Whatever read hit a damaged page (a query, a reader connection, an export),
            # the user is told which part is damaged and where the latest good backup is.
            from ledger_app.store.doctor import damaged_error

            raise damaged_error(self.path) from exc

    @property
    def closed(self) -> bool:
        return self._conn is None

    # ---- database access -----------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write: all of it lands, or none of it. Nested calls join the outer one."""
        if self.readonly:
            raise ReadOnlyError("这是只读打开的台账，不能修改。")
        with self._mutex:
            if self._conn is None:
                raise LedgerError("台账已关闭。")
            if self._depth:
                self._depth += 1
                try:
                    yield self._conn
                finally:
                    self._depth -= 1
                return
            self._depth = 1
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    known = translate_sqlite_error(exc)
                    if known:
                        raise known from exc
                raise
            finally:
                self._depth = 0

    def query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        with self._mutex:
            if self._conn is None:
                raise LedgerError("台账已关闭。")
            cursor = self._conn.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            try:
                return cursor.fetchall()
            except sqlite3.Error as exc:
                known = translate_sqlite_error(exc)
                if known:
                    raise known from exc
                raise

    def change_token(self) -> tuple[int, int] | None:
        """What moves whenever the ledger changes (``store.derived``): SQLite's
        ``data_version`` (commits of any other connection or process) and this connection's
        ``total_changes`` (its own writes, by any path); None inside a transaction, whose
        writes may yet be rolled back."""
        with self._mutex:
            if self._conn is None or self._conn.in_transaction:
                return None
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
            return int(version), self._conn.total_changes

    def reader_uri(self) -> str:
        """The URI for another read-only connection to this ledger (``reader``, or an
        ATTACH that copies from it), reading it the same way as this one."""
        if self._read_view is not None:
            return self._read_view.uri
        return f"{self.path.resolve().as_uri()}?mode=ro"

    def reader(self) -> sqlite3.Connection:
        """A separate read-only connection (for a view reading pages while writes go on)."""
        conn = sqlite3.connect(self.reader_uri(), uri=True, check_same_thread=False, timeout=5)
        conn.row_factory = sqlite3.Row
        return conn

    # ---- organisation settings -----------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        # The private signing key is read only by store.signing, never with the settings.
        return {row["key"]: json.loads(row["value"])
                for row in self.query("SELECT key, value FROM settings WHERE key != ?",
                                      (signing.KEY_SETTING,))}

    def setting(self, key: str, default: Any = None) -> Any:
        rows = self.query("SELECT value FROM settings WHERE key = ?", (key,))
        return json.loads(rows[0]["value"]) if rows else default

    def update_settings(self, changes: dict[str, Any]) -> None:
        before = self.settings()
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [(k, json.dumps(v, ensure_ascii=False)) for k, v in changes.items()])
            diff = {k: [before.get(k), v] for k, v in changes.items() if before.get(k) != v}
            self.audit.append("settings", None, None, "修改组织设置", diff)

    @property
    def org_name(self) -> str:
        return str(self.setting("org_name", ""))

    def party_groups(self) -> list[str]:
        return list(self.setting("party_groups", []) or [])

    def schema_version(self) -> int:
        return int(self.query("PRAGMA user_version")[0][0])

    def years_with_records(self) -> list[int]:
        """Years that hold at least one live record, newest first (maybe none)."""
        rows = self.query("SELECT DISTINCT year FROM entries WHERE year IS NOT NULL "
                          "AND deleted_at IS NULL ORDER BY year DESC")
        return [int(r[0]) for r in rows]

    def empty_year_note(self, year: int) -> str | None:
        """A plain warning when ``year`` holds no records (most likely a typing slip)."""
        held = self.years_with_records()
        if year in held:
            return None
        where = f"（有记录的年度：{'、'.join(str(y) for y in held)}）" if held else ""
        return f"台账中没有 {year} 年度的记录{where}，只有名册、制度等不分年度的台账。"

    def years(self) -> list[int]:
        """Years that hold records, newest first (always including this year)."""
        rows = self.query("SELECT DISTINCT year FROM entries WHERE year IS NOT NULL "
                          "AND deleted_at IS NULL")
        years = {int(r[0]) for r in rows} | {datetime.now().year}
        return sorted(years, reverse=True)

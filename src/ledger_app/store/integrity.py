"""Is the ledger file whole? Each problem found is said in plain Chinese.

``check`` runs on any read connection to a ledger (it never writes): SQLite's own
structural check (``PRAGMA quick_check``; where that stops at a damaged page, the
check is repeated table by table so the message can say which part of the ledger is
hit), the links between tables (``PRAGMA foreign_key_check``), that every record has
its row and its search-index entry, and — for ``doctor`` (``full=True``) — that every
attachment's content still has the SHA-256 it is filed under.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ledger_app.forms.model import Pack
from ledger_app.store import signing
from ledger_app.store.schema import table_name

Progress = Callable[[int, int, str], object]

# What each core table holds, in the words of the window.
CORE_LABELS = {
    "settings": "组织设置", "entries": "记录目录", "blobs": "附件内容", "attachments": "附件清单",
    "attendance": "出勤登记", "audit": "留痕记录", "search_index": "搜索索引",
}
CHUNK = 1 << 20

DAMAGE_WORDS = ("malformed", "not a database", "disk image", "corrupt")


def is_damage(exc: BaseException | None) -> bool:
    """Whether an error (or the error it was raised from) says the file is damaged."""
    for _ in range(10):   # a chain of causes, never followed round a loop
        if exc is None:
            return False
        if isinstance(exc, sqlite3.DatabaseError) and \
                any(word in str(exc).lower() for word in DAMAGE_WORDS):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


@dataclass
class IntegrityReport:
    problems: list[str] = field(default_factory=list)   # plain Chinese, one per problem
    checked: list[str] = field(default_factory=list)    # what was looked at, for doctor

    @property
    def healthy(self) -> bool:
        return not self.problems


def labels_for(pack: Pack) -> dict[str, str]:
    """Table name → what it holds, for the messages."""
    labels = dict(CORE_LABELS)
    labels.update({table_name(rt.key): rt.label for rt in pack.record_types})
    return labels


def _label(labels: dict[str, str], name: str) -> str:
    if name.startswith("search_index"):
        return CORE_LABELS["search_index"]
    return labels.get(name, name)


def check(conn: sqlite3.Connection, pack: Pack, full: bool = False,
          progress: Progress | None = None) -> IntegrityReport:
    labels = labels_for(pack)
    report = IntegrityReport()
    steps: list[tuple[str, Callable[[sqlite3.Connection, dict[str, str]], list[str]]]] = [
        ("文件结构", _structure), ("表之间的关联", _links),
        ("记录与搜索索引", lambda c, _: _records_and_index(c, pack)),
        ("签名密钥", lambda c, _: signing.key_problems(c))]
    if full:
        steps.append(("附件内容的 SHA-256", lambda c, _: _attachment_hashes(c, progress)))
    for number, (what, step) in enumerate(steps):
        if progress:
            progress(number, len(steps), f"检查{what}")
        try:
            found = step(conn, labels)
        except sqlite3.DatabaseError as exc:
            if not is_damage(exc):
                raise
            found = [f"检查{what}时读到损坏的数据，无法继续这一项检查。"]
        report.checked.append(what)
        report.problems += found
        if what == "文件结构" and found:
            break   # the other checks would read the damaged pages again
    if progress:
        progress(len(steps), len(steps), "检查完成")
    return report


def quick_check(conn: sqlite3.Connection, pack: Pack) -> IntegrityReport:
    """The structural check alone: fast enough to run on every open and before an archive."""
    report = IntegrityReport(checked=["文件结构"])
    try:
        report.problems = _structure(conn, labels_for(pack))
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        report.problems = ["台账文件的结构已损坏，无法读取。"]
    return report


def _structure(conn: sqlite3.Connection, labels: dict[str, str]) -> list[str]:
    try:
        lines = [row[0] for row in conn.execute("PRAGMA quick_check(100)")]
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        lines = ["damaged"]
    if lines == ["ok"]:
        return []
    # Name the parts hit: the same check, one table (with its indexes) at a time.
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "ORDER BY rootpage")]
    damaged: list[str] = []
    for name in tables:
        try:
            result = [row[0] for row in conn.execute(f'PRAGMA quick_check("{name}")')]
        except sqlite3.DatabaseError:
            result = ["damaged"]
        if result != ["ok"]:
            label = _label(labels, name)
            if label not in damaged:
                damaged.append(label)
    if not damaged:
        return ["台账文件的结构有损坏（未能确定属于哪一部分）。"]
    return [f"“{label}”所在的数据页已损坏。" for label in damaged]


def _links(conn: sqlite3.Connection, labels: dict[str, str]) -> list[str]:
    problems: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        key = (_label(labels, table), _label(labels, parent))
        problems[key] = problems.get(key, 0) + 1
    return [f"“{child}”中有 {count} 行指向“{parent}”中不存在的内容。"
            for (child, parent), count in problems.items()]


def _records_and_index(conn: sqlite3.Connection, pack: Pack) -> list[str]:
    problems: list[str] = []
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for rt in pack.record_types:
        name = table_name(rt.key)
        if name not in tables:
            continue
        missing = conn.execute(
            f'SELECT count(*) FROM entries e WHERE e.type_key = ? AND NOT EXISTS '
            f'(SELECT 1 FROM "{name}" t WHERE t.id = e.id)', (rt.key,)).fetchone()[0]
        orphans = conn.execute(
            f'SELECT count(*) FROM "{name}" t WHERE NOT EXISTS '
            f'(SELECT 1 FROM entries e WHERE e.id = t.id AND e.type_key = ?)', (rt.key,)).fetchone()[0]
        if missing:
            problems.append(f"“{rt.label}”有 {missing} 条记录只剩目录、没有内容。")
        if orphans:
            problems.append(f"“{rt.label}”有 {orphans} 行内容不在记录目录中。")
    unindexed = conn.execute("SELECT count(*) FROM entries WHERE id NOT IN "
                             "(SELECT rowid FROM search_index)").fetchone()[0]
    stray = conn.execute("SELECT count(*) FROM search_index WHERE rowid NOT IN "
                         "(SELECT id FROM entries)").fetchone()[0]
    if unindexed:
        problems.append(f"搜索索引缺少 {unindexed} 条记录（这些记录搜索不到）。")
    if stray:
        problems.append(f"搜索索引中有 {stray} 条已不存在的记录。")
    return problems


def _attachment_hashes(conn: sqlite3.Connection, progress: Progress | None) -> list[str]:
    rows = conn.execute("SELECT rowid, sha256 FROM blobs").fetchall()
    bad: list[str] = []
    for number, (rowid, expected) in enumerate(rows):
        if progress and number % 20 == 0:
            progress(number, len(rows), "核对附件内容")
        if _blob_digest(conn, rowid) != expected:
            bad.append(expected)
    if not bad:
        return []
    names = _filenames(conn, bad)
    shown = "、".join(names[:5]) + ("等" if len(names) > 5 else "")
    return [f"{len(bad)} 个附件的内容与存入时不同（已损坏）：{shown}。"]


def _blob_digest(conn: sqlite3.Connection, rowid: int) -> str:
    # Read in pieces: a scanned document may be hundreds of MB.
    digest = hashlib.sha256()
    with conn.blobopen("blobs", "data", rowid, readonly=True) as blob:
        while chunk := blob.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _filenames(conn: sqlite3.Connection, shas: Iterable[str]) -> list[str]:
    names: list[str] = []
    for sha in shas:
        row = conn.execute("SELECT filename FROM attachments WHERE sha256 = ? LIMIT 1",
                           (sha,)).fetchone()
        names.append(row[0] if row else sha[:12])
    return names

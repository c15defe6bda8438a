"""A crafted snapshot inside an archive is refused before the program reads it as a ledger:
views in place of tables, foreign triggers, virtual tables, computed columns, huge values."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from archive_support import ORG, build, make_ledger, rewrite_zip

from ledger_app.outputs.archive import InspectionArchive
from ledger_app.outputs.archive.layout import MANIFEST_NAME, SNAPSHOT_PATH
from ledger_app.store.snapshot_check import CraftedSnapshotError, check_snapshot


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("crafted")
    ledger_path, _ = make_ledger(folder, ORG)
    archive = build(ledger_path, folder / "原件.zip", categories=["team", "activities"],
                    include_products=False).path
    snapshot = folder / "snapshot.ledger"
    with zipfile.ZipFile(archive) as zf:
        snapshot.write_bytes(zf.read(SNAPSHOT_PATH))
    return archive, snapshot


def crafted(snapshot: Path, folder: Path, *statements: str) -> Path:
    path = folder / "crafted.ledger"
    shutil.copy(snapshot, path)
    conn = sqlite3.connect(path)
    conn.executescript(";".join(statements))
    conn.close()
    return path


RECURSIVE_VIEW = ("ALTER TABLE entries RENAME TO entries_old",
                  "CREATE VIEW entries AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                  "SELECT x + 1 FROM c) SELECT x AS id, 'meeting' AS type_key, 2025 AS year, "
                  "'' AS created_at, '' AS updated_at, NULL AS deleted_at FROM c")

CASES = {
    "view": (RECURSIVE_VIEW, "有视图 entries"),
    "memory view": (("CREATE VIEW big AS SELECT zeroblob(2000000000) AS b",), "有视图 big"),
    "trigger": (("CREATE TRIGGER sneaky AFTER INSERT ON attachments "
                 "BEGIN DELETE FROM settings; END",), "有触发器 sneaky"),
    "changed audit trigger": (("DROP TRIGGER audit_no_delete",
                               "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
                               "BEGIN SELECT 1; END"), "有触发器 audit_no_delete"),
    "virtual table": (("CREATE VIRTUAL TABLE other USING fts5(x)",), "有虚拟表 other"),
    "computed column": (("CREATE TABLE t_extra(id INTEGER PRIMARY KEY, "
                         "b AS (printf('%.*c', 100000000, 'x')))",), "计算列 b"),
    "huge value": (("UPDATE t_meeting SET content = "
                    "CAST(randomblob(40 * 1024 * 1024) AS TEXT) WHERE rowid = "
                    "(SELECT min(rowid) FROM t_meeting)",), "超过 32 MB"),
    "no entries": (("DROP TABLE entries",), "缺少记录表"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_crafted_snapshot_is_refused_by_name(original, tmp_path: Path, case: str) -> None:
    _, snapshot = original
    statements, message = CASES[case]
    path = crafted(snapshot, tmp_path, *statements)
    with pytest.raises(CraftedSnapshotError, match=message):
        check_snapshot(path)


def test_our_own_snapshot_passes(original) -> None:
    _, snapshot = original
    check_snapshot(snapshot)


def test_a_check_that_runs_too_long_is_stopped(original) -> None:
    _, snapshot = original
    with pytest.raises(CraftedSnapshotError, match="检查超过"):
        check_snapshot(snapshot, time_limit=-1)


def test_an_archive_with_a_view_in_place_of_a_table_is_refused_quickly(
        original, tmp_path: Path) -> None:
    # End to end: the archive passes the zip checks (the maker re-listed the snapshot),
    # and opening it for inspection stops at the snapshot with a plain message, in
    # seconds, leaving no unpacked copy behind.
    import tempfile
    import time

    archive, snapshot = original
    bad = crafted(snapshot, tmp_path, *RECURSIVE_VIEW).read_bytes()

    def swap(name: str, data: bytes):
        if name == SNAPSHOT_PATH:
            return name, bad
        if name == MANIFEST_NAME:
            manifest = json.loads(data)
            for f in manifest["files"]:
                if f["path"] == SNAPSHOT_PATH:
                    f["size"], f["sha256"] = len(bad), hashlib.sha256(bad).hexdigest()
            return name, json.dumps(manifest, ensure_ascii=False).encode("utf-8")
        return name, data

    forged = tmp_path / "视图.zip"
    rewrite_zip(archive, forged, swap)
    before = {p.name for p in Path(tempfile.gettempdir()).glob("ledger-archive-*")}
    started = time.monotonic()
    with pytest.raises(CraftedSnapshotError, match="有视图 entries"):
        InspectionArchive.open(forged)
    assert time.monotonic() - started < 20
    after = {p.name for p in Path(tempfile.gettempdir()).glob("ledger-archive-*")}
    assert after <= before

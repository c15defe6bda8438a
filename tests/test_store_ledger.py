"""The ledger file: create, open, exclusive access, refusal of bad files, transactions."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ledger_app.forms.loader import load_pack
from ledger_app.resources import forms_dir
from ledger_app.store import Ledger, LedgerError
from ledger_app.store.errors import (
    DiskFullError,
    LedgerLockedError,
    NewerVersionError,
    NotALedgerError,
    ReadOnlyError,
    ValidationError,
)
from ledger_app.store.schema import SCHEMA_VERSION

MEMBER = {"name": "张伟", "gender": "男", "birth_date": "1980-01-02",
          "member_class": "正式党员", "status": "在册", "party_group": "第一党小组"}


def file_digest(path: Path) -> bytes:
    import hashlib
    return hashlib.sha256(path.read_bytes()).digest()


def test_create_then_reopen_keeps_organisation_and_records(tmp_path, org):
    path = tmp_path / "支部.ledger"
    with Ledger.create(path, org) as ledger:
        member = ledger.records.insert("roster", MEMBER)
        assert ledger.schema_version() == SCHEMA_VERSION
    assert not (tmp_path / "支部.ledger.lock").exists()
    with Ledger.open(path) as ledger:
        assert ledger.org_name == org["org_name"]
        assert ledger.party_groups() == ["第一党小组", "第二党小组"]
        assert ledger.records.get(member)["name"] == "张伟"
    # one file: after closing no journal, WAL or lock file is left beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["支部.ledger"]


def test_create_refuses_to_overwrite(tmp_path, org):
    path = tmp_path / "a.ledger"
    path.write_bytes(b"precious")
    with pytest.raises(LedgerError, match="已存在"):
        Ledger.create(path, org)
    assert path.read_bytes() == b"precious"


def test_second_open_gets_a_clear_message_not_a_corrupt_file(ledger):
    with pytest.raises(LedgerLockedError, match="另一个程序"):
        Ledger.open(ledger.path)
    ledger.records.insert("roster", MEMBER)  # the first holder goes on working


def test_lock_held_by_another_process(tmp_path, org):
    path = tmp_path / "a.ledger"
    Ledger.create(path, org).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys,time; from ledger_app.store import Ledger; l=Ledger.open(sys.argv[1]);"
         "print('open', flush=True); time.sleep(30)", str(path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(LedgerLockedError):
            Ledger.open(path)
    finally:
        holder.kill()
        holder.wait()
    # the OS released the dead process's lock: the ledger opens again
    Ledger.open(path).close()


def test_not_a_ledger_is_refused_unchanged(tmp_path):
    text = tmp_path / "名单.ledger"
    text.write_text("这不是数据库", encoding="utf-8")
    other_db = tmp_path / "other.ledger"
    sqlite3.connect(other_db).execute("CREATE TABLE t(x)").connection.close()
    for path in (text, other_db):
        before = file_digest(path)
        with pytest.raises(NotALedgerError, match="不是台账文件"):
            Ledger.open(path)
        assert file_digest(path) == before


def test_newer_version_is_refused_unchanged(tmp_path, org):
    path = tmp_path / "a.ledger"
    Ledger.create(path, org).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = file_digest(path)
    with pytest.raises(NewerVersionError, match="更新版本"):
        Ledger.open(path)
    assert file_digest(path) == before


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else False,
                    reason="root ignores file permissions")
def test_read_only_file_is_refused(tmp_path, org):  # pragma: no cover - not as root
    path = tmp_path / "a.ledger"
    Ledger.create(path, org).close()
    path.chmod(stat.S_IREAD)
    with pytest.raises(ReadOnlyError, match="只读"):
        Ledger.open(path)


def test_read_only_file_is_refused_even_as_root(tmp_path, org, monkeypatch):
    # root can write anything, so ask the same question the program asks: os.access
    path = tmp_path / "a.ledger"
    Ledger.create(path, org).close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == path and mode == os.W_OK
                        else real_access(p, mode))
    before = file_digest(path)
    with pytest.raises(ReadOnlyError, match="只读"):
        Ledger.open(path)
    assert file_digest(path) == before


def test_readonly_open_leaves_the_file_byte_for_byte(tmp_path, org):
    path = tmp_path / "a.ledger"
    with Ledger.create(path, org) as ledger:
        ledger.records.insert("roster", MEMBER)
    before = file_digest(path)
    with Ledger.open(path, readonly=True) as ledger:
        assert ledger.records.count("roster") == 1
        with pytest.raises(ReadOnlyError):
            ledger.records.insert("roster", MEMBER)
    assert file_digest(path) == before


def test_full_disk_rolls_back_the_whole_write(ledger):
    ledger.records.insert("roster", MEMBER)
    pages = ledger.query("PRAGMA page_count")[0][0]
    ledger.query(f"PRAGMA max_page_count = {pages + 2}")  # SQLite's own "disk full" path
    with pytest.raises(DiskFullError, match="磁盘空间不足"):
        ledger.records.insert_many("roster", [dict(MEMBER, name=f"党员{i}", note="长" * 2000)
                                              for i in range(50)])
    assert ledger.records.count("roster") == 1
    assert [line.action for line in ledger.audit.lines()][:1] == ["create"]


def test_a_failed_write_changes_nothing(ledger):
    with pytest.raises(RuntimeError), ledger.transaction():
        ledger.records.insert("roster", MEMBER)
        raise RuntimeError("power cut in the middle")
    assert ledger.records.count("roster") == 0


def test_validation_names_the_field_in_chinese(ledger):
    with pytest.raises(ValidationError) as caught:
        ledger.records.insert("roster", {**MEMBER, "id_number": "110101198001011235",
                                         "birth_date": "1980-13-40"})
    assert "公民身份号码" in caught.value.problems
    assert "校验位" in caught.value.problems["公民身份号码"]
    assert "出生日期" in caught.value.problems
    assert ledger.records.count("roster") == 0


def _copy_pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(forms_dir() / "party_branch", target)
    return target


def test_a_field_added_to_a_declaration_appears_with_data_intact(tmp_path, org):
    pack_dir = _copy_pack(tmp_path)
    path = tmp_path / "a.ledger"
    with Ledger.create(path, org, pack=load_pack(pack_dir)) as ledger:
        member = ledger.records.insert("roster", MEMBER)
    declaration = pack_dir / "team" / "roster.toml"
    declaration.write_text(declaration.read_text(encoding="utf-8") +
                           '\n[[fields]]\nkey = "wechat"\nlabel = "微信号"\ntype = "text"\n',
                           encoding="utf-8")
    with Ledger.open(path, pack=load_pack(pack_dir)) as ledger:
        record = ledger.records.get(member)
        assert record["name"] == "张伟" and record["wechat"] is None
        ledger.records.update(member, {"wechat": "zhangwei80"})
        assert ledger.records.get(member)["wechat"] == "zhangwei80"


def test_declared_rename_keeps_values_and_undeclared_columns_are_never_dropped(tmp_path, org):
    pack_dir = _copy_pack(tmp_path)
    path = tmp_path / "a.ledger"
    with Ledger.create(path, org, pack=load_pack(pack_dir)) as ledger:
        member = ledger.records.insert("roster", {**MEMBER, "residence": "幸福小区3栋"})
    declaration = pack_dir / "team" / "roster.toml"
    text = declaration.read_text(encoding="utf-8")
    # residence disappears from the declaration without a word: its data must stay
    no_residence = text.replace('key = "residence"\nlabel = "现居住地"',
                                'key = "address"\nlabel = "现居住地"')
    declaration.write_text(no_residence, encoding="utf-8")
    with Ledger.open(path, pack=load_pack(pack_dir)) as ledger:
        assert ledger.records.get(member)["address"] is None
        kept = ledger.query('SELECT residence FROM t_roster WHERE id = ?', (member,))
        assert kept[0][0] == "幸福小区3栋"
    # now declared: residence was renamed to address
    declaration.write_text(no_residence.replace('title_field = "name"',
                                                'title_field = "name"\nrenames = { residence = "address" }'),
                           encoding="utf-8")
    with Ledger.open(path, pack=load_pack(pack_dir)) as ledger:
        assert "address" in {r[1] for r in ledger.query("PRAGMA table_info(t_roster)")}
        # address was added empty on the previous open, so the rename is refused, not guessed
        assert ledger.query('SELECT residence FROM t_roster WHERE id = ?', (member,))[0][0] \
            == "幸福小区3栋"


def test_declared_rename_moves_the_column(tmp_path, org):
    pack_dir = _copy_pack(tmp_path)
    path = tmp_path / "a.ledger"
    with Ledger.create(path, org, pack=load_pack(pack_dir)) as ledger:
        member = ledger.records.insert("roster", {**MEMBER, "residence": "幸福小区3栋"})
    declaration = pack_dir / "team" / "roster.toml"
    text = declaration.read_text(encoding="utf-8")
    text = text.replace('key = "residence"', 'key = "address"').replace(
        'title_field = "name"', 'title_field = "name"\nrenames = { residence = "address" }')
    declaration.write_text(text, encoding="utf-8")
    with Ledger.open(path, pack=load_pack(pack_dir)) as ledger:
        assert ledger.records.get(member)["address"] == "幸福小区3栋"


def test_readonly_open_leaves_no_files_beside_the_ledger(tmp_path, org):
    path = tmp_path / "a.ledger"
    Ledger.create(path, org).close()
    with Ledger.open(path, readonly=True) as ledger:
        ledger.records.counts()
        reader = ledger.reader()
        reader.execute("SELECT count(*) FROM entries").fetchone()
        reader.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ledger"]


def test_readonly_open_while_the_window_writes_sees_committed_changes(tmp_path, org):
    # The window keeps the ledger open; recent changes sit in the write-ahead log until a
    # checkpoint. A command-line archive or print made meanwhile must include them (and not
    # read pages that a checkpoint is rewriting under it).
    path = tmp_path / "a.ledger"
    with Ledger.create(path, org) as window:
        window.records.insert("roster", MEMBER)
        with Ledger.open(path, readonly=True) as reading:
            assert reading.records.count("roster") == 1
            reader = reading.reader()
            assert reader.execute("SELECT count(*) FROM entries WHERE type_key = 'roster'"
                                  ).fetchone()[0] == 1
            window.records.insert("roster", dict(MEMBER, name="李四"))
            assert reading.records.count("roster") == 2
            assert reader.execute("SELECT count(*) FROM entries WHERE type_key = 'roster'"
                                  ).fetchone()[0] == 2
            reader.close()
            with pytest.raises(ReadOnlyError):
                reading.records.insert("roster", MEMBER)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ledger"]


def test_readonly_open_after_a_crash_left_the_lock_file_reads_the_file_as_is(tmp_path, org):
    path = tmp_path / "a.ledger"
    with Ledger.create(path, org) as ledger:
        ledger.records.insert("roster", MEMBER)
    (tmp_path / "a.ledger.lock").write_text('{"user": "秘书", "pid": 1}', encoding="utf-8")
    with Ledger.open(path, readonly=True) as ledger:
        assert ledger.records.count("roster") == 1
    # Nobody holds the stale lock, so no write-ahead files were made beside the ledger.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ledger", "a.ledger.lock"]

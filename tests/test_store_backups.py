"""Backups, restore, doctor and the plain message for a damaged ledger, on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from crash_support import killed_writer
from damage_support import damage_table
from roster_support import MEMBER, add_members, branch_with_members

from ledger_app.cli.main import main as cli
from ledger_app.store import Ledger
from ledger_app.store import backups as bk
from ledger_app.store.errors import DamagedLedgerError, LedgerLockedError
from ledger_app.store.restore import restore


@pytest.fixture
def filled(tmp_path: Path, org) -> Path:
    return branch_with_members(tmp_path, org, 200)


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ledger_app", *args], capture_output=True,
                          text=True, timeout=120)


# ---- backups -------------------------------------------------------------------------

def test_a_backup_is_a_whole_ledger_beside_the_original_even_while_the_window_writes(tmp_path, org):
    path = tmp_path / "支部.ledger"
    with Ledger.create(path, org) as window:
        add_members(window, 50)                       # still in the journal: the window is open
        made = bk.back_up(window, now=datetime(2026, 3, 4, 5, 6, 7))
        assert made == tmp_path / "支部.备份" / "支部-20260304-050607.ledger"
        add_members(window, 10, prefix="后来")
    with Ledger.open(made, readonly=True) as copy:
        assert copy.records.count("roster") == 50
        assert copy.org_name == "测试街道第一社区党支部"
    assert not made.with_name(made.name + "-wal").exists()     # one standalone file
    assert sorted(p.name for p in made.parent.iterdir()) == [made.name]  # no .part left


def test_thinning_keeps_the_last_five_then_one_a_day_week_and_month():
    start = datetime(2026, 1, 1, 9, 0)
    # three backups a day (9:00, 13:00, 17:00) for 120 days, newest first
    made = [start + timedelta(days=d, hours=h) for d in range(120) for h in (0, 4, 8)]
    backups = [bk.Backup(Path(f"b{i}"), when, 1) for i, when in enumerate(sorted(made, reverse=True))]
    kept = sorted({b.made for b in backups} - {b.made for b in bk.to_remove(backups)}, reverse=True)
    newest = datetime(2026, 4, 30, 17, 0)
    assert kept[:5] == [newest, newest - timedelta(hours=4), newest - timedelta(hours=8),
                        newest - timedelta(hours=24), newest - timedelta(hours=28)]
    # one a day for the last 7 days: each day's 17:00
    for day in range(7):
        assert newest - timedelta(days=day) in kept
    assert datetime(2026, 4, 22, 17, 0) not in kept          # the 9th day back is gone …
    assert datetime(2026, 4, 19, 17, 0) in kept              # … unless it ends its week (Sunday)
    assert datetime(2026, 1, 31, 17, 0) in kept              # newest of January: monthly
    assert datetime(2026, 1, 30, 17, 0) not in kept
    # 5 last + 5 more days (4/24–4/28) + 6 more weeks' Sundays (3/15 … 4/19)
    # + 3 more months' last days (1/31, 2/28, 3/31)
    assert len(kept) == 19


def test_backup_folder_is_thinned_and_listed_newest_first(filled, capsys):
    with Ledger.open(filled, readonly=True) as ledger:
        for hour in range(8):
            bk.back_up(ledger, now=datetime(2026, 5, 1, hour, 0, 0))
    assert cli(["backups", str(filled), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    names = [Path(b["path"]).name for b in listed["backups"]]
    # all on one day: the last five stay (the day's newest is among them)
    assert names == [f"支部-20260501-0{h}0000.ledger" for h in (7, 6, 5, 4, 3)]


def test_a_chosen_backup_folder_from_the_ledger_settings(filled, tmp_path):
    chosen = tmp_path / "U盘" / "台账备份"
    with Ledger.open(filled) as ledger:
        ledger.update_settings({bk.SETTING: str(chosen)})
        made = bk.back_up(ledger)
    assert made.parent == chosen
    assert not (tmp_path / "支部.备份").exists()


def test_automatic_backup_is_skipped_when_nothing_changed(filled):
    with Ledger.open(filled) as ledger:
        first = bk.automatic(ledger, now=datetime(2026, 5, 1, 8, 0, 0))
        assert first is not None
        assert bk.automatic(ledger, now=datetime(2026, 5, 1, 9, 0, 0)) is None
        ledger.records.insert("roster", dict(MEMBER, name="新党员"))
        second = bk.automatic(ledger, now=datetime(2026, 5, 1, 10, 0, 0))
    assert second is not None and second.name == "支部-20260501-100000.ledger"


def test_cli_backup_to_a_chosen_file(filled, tmp_path):
    out = tmp_path / "给书记的备份.ledger"
    result = run_cli("backup", str(filled), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "已备份到" in result.stdout
    with Ledger.open(out, readonly=True) as copy:
        assert copy.records.count("roster") == 200


# ---- restore -------------------------------------------------------------------------

def test_restore_puts_the_backup_in_place_and_keeps_the_current_file_aside(filled, tmp_path):
    with Ledger.open(filled, readonly=True) as ledger:
        backup = bk.back_up(ledger)
    with Ledger.open(filled) as ledger:
        add_members(ledger, 5, prefix="备份之后")
    result = run_cli("restore", str(backup), "-o", str(filled))
    assert result.returncode == 0, result.stderr
    (aside,) = tmp_path.glob("支部.恢复前-*.ledger")
    assert str(aside) in result.stdout
    with Ledger.open(filled) as ledger:
        assert ledger.records.count("roster") == 200
    with Ledger.open(aside, readonly=True) as kept:
        assert kept.records.count("roster") == 205   # nothing of the current file is lost


def test_restore_keeps_a_crashed_windows_journal_with_its_file(filled):
    with Ledger.open(filled, readonly=True) as ledger:
        backup = bk.back_up(ledger)
    killed_writer(filled)   # its 300 commits are in the journal beside the file only
    aside = restore(backup, filled)
    assert aside is not None and aside.with_name(aside.name + "-wal").exists()
    assert not filled.with_name(filled.name + "-wal").exists()
    with Ledger.open(aside, readonly=True) as kept:
        assert kept.records.count("roster") == 500   # the journal's commits went with it
    with Ledger.open(filled, readonly=True) as restored:
        assert restored.records.count("roster") == 200


def test_restore_over_an_open_ledger_is_refused_and_changes_nothing(filled, tmp_path):
    with Ledger.open(filled, readonly=True) as ledger:
        backup = bk.back_up(ledger)
    before = sorted(p.name for p in tmp_path.iterdir())
    with Ledger.open(filled), pytest.raises(LedgerLockedError, match="请先关闭"):
        restore(backup, filled)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_restore_from_a_damaged_backup_is_refused(filled, tmp_path):
    with Ledger.open(filled, readonly=True) as ledger:
        backup = bk.back_up(ledger)
    damage_table(backup, "t_roster")
    before = filled.read_bytes()
    result = run_cli("restore", str(backup), "-o", str(filled))
    assert result.returncode == 2
    assert "备份文件" in result.stderr and "已损坏" in result.stderr
    assert "Traceback" not in result.stderr
    assert filled.read_bytes() == before


# ---- doctor and damaged pages ------------------------------------------------------------

def test_doctor_says_a_healthy_ledger_is_whole(filled):
    result = run_cli("doctor", str(filled))
    assert result.returncode == 0, result.stderr
    assert "完好" in result.stdout and "附件内容的 SHA-256" in result.stdout


def test_doctor_names_the_damaged_part_and_the_latest_good_backup(filled):
    with Ledger.open(filled, readonly=True) as ledger:
        older = bk.back_up(ledger, now=datetime(2026, 5, 1, 8, 0, 0))
        newest = bk.back_up(ledger, now=datetime(2026, 5, 2, 8, 0, 0))
    damage_table(newest, "t_roster")      # the newest backup is damaged too: skip it
    damage_table(filled, "t_roster")
    result = run_cli("doctor", str(filled))
    assert result.returncode == 1
    assert "“党员名册”所在的数据页已损坏" in result.stderr
    assert str(older) in result.stderr and str(newest) not in result.stderr
    assert "ledger-app restore" in result.stderr and "Traceback" not in result.stderr


def test_doctor_finds_a_changed_attachment(ledger):
    entry = ledger.records.insert("superior_doc", {"title": "关于做好党费收缴工作的通知",
                                                   "received_date": "2025-03-01"})
    ledger.attachments.add(entry, "attachments", b"%PDF-1.4 scanned", "入党申请书.pdf")
    with ledger.transaction() as conn:   # a bit flipped on the disk, in the attachment
        conn.execute("UPDATE blobs SET data = ?", (b"%PDF-1.4 scannee",))
    path = ledger.path
    ledger.close()
    result = run_cli("doctor", str(path))
    assert result.returncode == 1
    assert "1 个附件的内容与存入时不同" in result.stderr and "入党申请书.pdf" in result.stderr


def test_doctor_finds_a_record_missing_from_the_search_index(ledger):
    entry = ledger.records.insert("roster", MEMBER)
    with ledger.transaction() as conn:
        conn.execute("DELETE FROM search_index WHERE rowid = ?", (entry,))
    path = ledger.path
    ledger.close()
    result = run_cli("doctor", str(path))
    assert result.returncode == 1
    assert "搜索索引缺少 1 条记录" in result.stderr


def test_doctor_on_a_missing_file_is_an_error(tmp_path):
    result = run_cli("doctor", str(tmp_path / "没有.ledger"))
    assert result.returncode == 2
    assert "找不到台账文件" in result.stderr


@pytest.mark.parametrize("command", [
    ["info", "{ledger}"],
    ["print", "table", "{ledger}", "--type", "roster", "-o", "{out}.pdf"],
    ["export-xlsx", "{ledger}", "--type", "roster", "-o", "{out}.xlsx"],
    ["archive", "{ledger}", "--year", "2025", "-o", "{out}.zip"],
])
def test_every_read_of_a_damaged_page_gives_the_plain_message(filled, tmp_path, command):
    with Ledger.open(filled, readonly=True) as ledger:
        backup = bk.back_up(ledger)
    damage_table(filled, "t_roster", nth_leaf=1)
    args = [a.format(ledger=filled, out=tmp_path / "输出") for a in command]
    result = run_cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "台账文件 支部.ledger 已损坏" in result.stderr
    assert "“党员名册”所在的数据页已损坏" in result.stderr
    assert str(backup) in result.stderr
    assert not list(tmp_path.glob("输出*"))


def test_a_damaged_ledger_is_never_backed_up_over_good_backups(filled):
    with Ledger.open(filled, readonly=True) as ledger:
        good = bk.back_up(ledger)
    damage_table(filled, "t_roster")
    with pytest.raises(DamagedLedgerError, match="已损坏"), Ledger.open(filled, readonly=True) as ledger:
        bk.back_up(ledger)
    assert [b.path for b in bk.listing(good.parent, "支部")] == [good]


def test_an_archive_is_refused_when_only_an_index_is_damaged(filled, tmp_path):
    # A damaged index may never be read by the archive's queries: without the check
    # before it, the archive would be made and look fine.
    from ledger_app.outputs.archive import build_archive

    damage_table(filled, "audit_by_entry")
    with Ledger.open(filled, readonly=True) as ledger, \
            pytest.raises(DamagedLedgerError, match="“留痕记录”所在的数据页已损坏"):
        build_archive(ledger, tmp_path / "档案.zip", 2025)
    assert not list(tmp_path.glob("*.zip"))


def test_the_backup_folder_is_chosen_from_the_command_line(filled, tmp_path):
    chosen = tmp_path / "U盘" / "备份"
    result = run_cli("backups", str(filled), "--set-folder", str(chosen))
    assert result.returncode == 0, result.stderr
    assert f"备份文件夹：{chosen}" in result.stdout or "还没有备份" in result.stdout
    made = run_cli("backup", str(filled))
    assert made.returncode == 0, made.stderr
    assert len(bk.listing(chosen, "支部")) == 1
    assert run_cli("backups", str(filled), "--set-folder", "").returncode == 0
    assert run_cli("backup", str(filled)).returncode == 0
    assert len(bk.listing(tmp_path / "支部.备份", "支部")) == 1


def test_info_refuses_counts_read_through_a_damaged_index(filled):
    damage_table(filled, "entries_by_type")
    result = run_cli("info", str(filled))
    assert result.returncode == 2
    assert "“记录目录”所在的数据页已损坏" in result.stderr and "Traceback" not in result.stderr
